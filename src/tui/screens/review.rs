use crate::form::{Asked, Form};
use crate::tui::keymap::Action;

/// What an action in the review asks of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewOutcome {
    Ignored,
    Redraw,
    /// To this question (an index into the form's items), to change it.
    Change(Option<usize>),
    MarkComplete,
    /// Esc: home when the review was opened from there, else the question.
    Back {
        home: bool,
    },
}

/// Every asked question of a response with its answer, to check before
/// marking it complete.
pub struct Review {
    /// Position in `questions` of the highlighted one.
    pub selected: usize,
    /// After a refused "mark complete": unanswered required items are marked.
    pub show_missing: bool,
    /// Whether Esc goes back to the home screen (review opened from there)
    /// rather than to the question the user was on.
    pub from_home: bool,
}

impl Review {
    pub fn new(from_home: bool) -> Review {
        Review {
            selected: 0,
            show_missing: false,
            from_home,
        }
    }

    /// The questions the review lists, in form order.
    pub fn questions(form: &Form, asked: &Asked) -> Vec<usize> {
        (0..form.items.len())
            .filter(|&i| {
                let item = &form.items[i];
                asked.is_asked(i) && !item.is_companion() && item.takes_answer()
            })
            .collect()
    }

    /// Moves in the list, or says what the interface must do.
    pub fn apply(&mut self, form: &Form, asked: &Asked, action: Action) -> ReviewOutcome {
        let questions = Self::questions(form, asked);
        let count = questions.len();
        let moved = match action {
            Action::Up => self.move_by(count, -1),
            Action::Down => self.move_by(count, 1),
            Action::NextSection => self.move_by(count, Self::PAGE),
            Action::PreviousSection => self.move_by(count, -Self::PAGE),
            Action::First => self.move_by(count, isize::MIN / 2),
            Action::Last => self.move_by(count, isize::MAX / 2),
            Action::Open => return ReviewOutcome::Change(questions.get(self.selected).copied()),
            Action::MarkComplete => return ReviewOutcome::MarkComplete,
            Action::Back => {
                return ReviewOutcome::Back {
                    home: self.from_home,
                };
            }
            _ => false,
        };
        if moved {
            ReviewOutcome::Redraw
        } else {
            ReviewOutcome::Ignored
        }
    }

    /// How many questions PgDn and PgUp move.
    pub const PAGE: isize = 5;

    pub fn move_by(&mut self, count: usize, step: isize) -> bool {
        let next = self
            .selected
            .saturating_add_signed(step)
            .min(count.saturating_sub(1));
        let moved = next != self.selected;
        self.selected = next;
        moved
    }

    /// Highlights `item`, or the question it belongs to.
    pub fn select_item(&mut self, form: &Form, asked: &Asked, item: usize) {
        let item = match form.items[item].specifies {
            Some((parent, _)) => parent,
            None => item,
        };
        if let Some(position) = Self::questions(form, asked).iter().position(|&q| q == item) {
            self.selected = position;
        }
    }
}
