use crate::form::Form;
use crate::report::{Selection, Tally};
use crate::tui::keymap::Action;

/// What an action on the results screen asks of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportOutcome {
    Ignored,
    Redraw,
    Back,
}

/// The results of the saved responses, one item at a time.
pub struct Report {
    pub tallies: Vec<Tally>,
    pub selection: Selection,
    /// Position in `tallies` of the item shown.
    pub current: usize,
}

impl Report {
    pub fn new(tallies: Vec<Tally>, selection: Selection) -> Report {
        Report {
            tallies,
            selection,
            current: 0,
        }
    }

    pub fn apply(&mut self, form: &Form, action: Action) -> ReportOutcome {
        let moved = match action {
            Action::NextQuestion => self.move_by(1),
            Action::PreviousQuestion => self.move_by(-1),
            Action::NextSection => self.jump_section(form, true),
            Action::PreviousSection => self.jump_section(form, false),
            Action::Back => return ReportOutcome::Back,
            _ => false,
        };
        if moved {
            ReportOutcome::Redraw
        } else {
            ReportOutcome::Ignored
        }
    }

    pub fn move_by(&mut self, step: isize) -> bool {
        let next = self
            .current
            .saturating_add_signed(step)
            .min(self.tallies.len().saturating_sub(1));
        let moved = next != self.current;
        self.current = next;
        moved
    }

    /// To the first item of the next (`forward`) or previous section.
    pub fn jump_section(&mut self, form: &Form, forward: bool) -> bool {
        let section = |t: &Tally| form.items[t.item].section;
        let here = section(&self.tallies[self.current]);
        let target = if forward {
            self.tallies.iter().position(|t| section(t) > here)
        } else {
            let start = self
                .tallies
                .iter()
                .position(|t| section(t) == here)
                .unwrap_or(0);
            match start == self.current {
                true => self.tallies[..start]
                    .iter()
                    .rposition(|t| section(t) < here)
                    .map(|last| {
                        self.tallies
                            .iter()
                            .position(|t| section(t) == section(&self.tallies[last]))
                            .unwrap_or(0)
                    }),
                false => Some(start),
            }
        };
        match target {
            Some(target) if target != self.current => {
                self.current = target;
                true
            }
            _ => false,
        }
    }
}
