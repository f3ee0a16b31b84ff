use uuid::Uuid;

use crate::store::Listed;
use crate::tui::keymap::Action;

/// What an action on the home screen asks of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HomeOutcome {
    Ignored,
    Redraw,
    New,
    Open {
        review: bool,
    },
    /// Confirmed: delete this response.
    Delete(Uuid),
    Sync,
    Report,
    Quit,
}

/// How far PgDn and PgUp move in the list of responses.
const PAGE: isize = 10;

/// The list of saved responses.
pub struct Home {
    pub entries: Vec<Listed>,
    pub selected: usize,
    /// Asking whether to delete the selected response.
    pub confirm_delete: bool,
}

impl Home {
    pub fn new(entries: Vec<Listed>) -> Home {
        Home {
            entries,
            selected: 0,
            confirm_delete: false,
        }
    }

    /// Keeps the selection on the same response after a reload, if it is
    /// still there.
    pub fn reload(&mut self, entries: Vec<Listed>) {
        let selected_id = self.selected_response().map(|r| r.id);
        self.entries = entries;
        self.selected = selected_id
            .and_then(|id| {
                self.entries
                    .iter()
                    .position(|e| matches!(e, Listed::Response(r) if r.id == id))
            })
            .unwrap_or(self.selected.min(self.entries.len().saturating_sub(1)));
    }

    pub fn selected_entry(&self) -> Option<&Listed> {
        self.entries.get(self.selected)
    }

    pub fn selected_response(&self) -> Option<&crate::store::Summary> {
        match self.selected_entry()? {
            Listed::Response(summary) => Some(summary),
            Listed::Broken(_) => None,
        }
    }

    /// Moves, asks before deleting, or says what the interface must do.
    pub fn apply(&mut self, action: Action) -> HomeOutcome {
        if self.confirm_delete {
            self.confirm_delete = false;
            return match (action, self.selected_response()) {
                (Action::Yes, Some(response)) => HomeOutcome::Delete(response.id),
                _ => HomeOutcome::Redraw,
            };
        }
        let moved = |moved: bool| {
            if moved {
                HomeOutcome::Redraw
            } else {
                HomeOutcome::Ignored
            }
        };
        match action {
            Action::Up => moved(self.move_by(-1)),
            Action::Down => moved(self.move_by(1)),
            Action::NextSection => moved(self.move_by(PAGE)),
            Action::PreviousSection => moved(self.move_by(-PAGE)),
            Action::New => HomeOutcome::New,
            Action::Open => HomeOutcome::Open { review: false },
            Action::Review => HomeOutcome::Open { review: true },
            Action::Delete if self.selected_response().is_some() => {
                self.confirm_delete = true;
                HomeOutcome::Redraw
            }
            Action::Sync => HomeOutcome::Sync,
            Action::Report => HomeOutcome::Report,
            Action::Quit => HomeOutcome::Quit,
            _ => HomeOutcome::Ignored,
        }
    }

    pub fn move_by(&mut self, step: isize) -> bool {
        let last = self.entries.len().saturating_sub(1);
        let next = self.selected.saturating_add_signed(step).min(last);
        let moved = next != self.selected;
        self.selected = next;
        moved
    }
}
