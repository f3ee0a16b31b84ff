use crate::form::{Asked, Form};

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
            .filter(|&i| asked.is_asked(i) && !form.items[i].is_companion())
            .collect()
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
