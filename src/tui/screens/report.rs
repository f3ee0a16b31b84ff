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
    /// The first of the item's rows shown, when they do not all fit.
    pub scroll: usize,
    /// How many of the item's rows the last drawing had room for: as
    /// ratatui's own list state, the view keeps it, so that scrolling stops
    /// where the last row comes into sight.
    pub fits: std::cell::Cell<usize>,
}

/// Rows that Space and `b` scroll by.
const SCROLL_STEP: usize = 10;

impl Report {
    pub fn new(tallies: Vec<Tally>, selection: Selection) -> Report {
        Report {
            tallies,
            selection,
            current: 0,
            scroll: 0,
            fits: std::cell::Cell::new(usize::MAX),
        }
    }

    pub fn apply(&mut self, form: &Form, action: Action) -> ReportOutcome {
        let moved = match action {
            Action::NextQuestion => self.move_by(1),
            Action::PreviousQuestion => self.move_by(-1),
            Action::NextSection => self.jump_section(form, true),
            Action::PreviousSection => self.jump_section(form, false),
            Action::ScrollDown => self.scroll_by(SCROLL_STEP as isize),
            Action::ScrollUp => self.scroll_by(-(SCROLL_STEP as isize)),
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
        self.show(next)
    }

    /// Shows the item at `next` from its top; whether that is another.
    fn show(&mut self, next: usize) -> bool {
        let moved = next != self.current;
        if moved {
            self.current = next;
            self.scroll = 0;
        }
        moved
    }

    /// Scrolls the item's rows, no further than the last screenful.
    fn scroll_by(&mut self, step: isize) -> bool {
        let rows = self
            .tallies
            .get(self.current)
            .map_or(0, |t| t.options.len());
        let next = self
            .scroll
            .saturating_add_signed(step)
            .min(rows.saturating_sub(self.fits.get()));
        let moved = next != self.scroll;
        self.scroll = next;
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
        target.is_some_and(|target| self.show(target))
    }
}
