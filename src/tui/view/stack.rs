//! Rows of a pane by arithmetic. `Layout` runs a constraint solver, which
//! was 15 % of the instructions before the first paint (issue 23); the
//! screens' rows are fixed heights around one that takes the rest, which
//! needs only a subtraction. Where the fixed heights do not fit, the solver
//! still decides, as it always has.

use ratatui::layout::{Constraint, Layout, Rect};

/// A row's height.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Height {
    Exactly(u16),
    /// What the other rows leave (one row of a stack).
    Rest,
}

/// `area` cut into `rows` from the top, as `Layout::vertical` with
/// `Length` and `Fill(1)` cuts it (which, without a row to take the rest,
/// stretches the last: left to it).
pub fn rows<const N: usize>(area: Rect, rows: [Height; N]) -> [Rect; N] {
    let fixed: u32 = rows
        .iter()
        .map(|row| match row {
            Height::Exactly(height) => u32::from(*height),
            Height::Rest => 0,
        })
        .sum();
    let rests = rows.iter().filter(|row| **row == Height::Rest).count();
    if fixed > u32::from(area.height) || rests != 1 {
        return Layout::vertical(rows.map(|row| match row {
            Height::Exactly(height) => Constraint::Length(height),
            Height::Rest => Constraint::Fill(1),
        }))
        .areas(area);
    }
    let rest = area.height - fixed as u16;
    let mut y = area.y;
    rows.map(|row| {
        let height = match row {
            Height::Exactly(height) => height,
            Height::Rest => rest,
        };
        let cut = Rect::new(area.x, y, area.width, height);
        y += height;
        cut
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the solver gives for the same rows.
    fn by_layout<const N: usize>(area: Rect, rows: [Height; N]) -> [Rect; N] {
        Layout::vertical(rows.map(|row| match row {
            Height::Exactly(height) => Constraint::Length(height),
            Height::Rest => Constraint::Fill(1),
        }))
        .areas(area)
    }

    #[test]
    fn rows_that_fit_are_cut_as_the_solver_cuts_them() {
        use Height::{Exactly, Rest};
        let area = Rect::new(3, 2, 80, 24);
        for heights in [
            [Exactly(1), Rest, Exactly(1), Exactly(2)],
            [Exactly(4), Exactly(7), Exactly(0), Rest],
            [Rest, Exactly(1), Exactly(0), Exactly(0)],
            [Exactly(10), Rest, Exactly(10), Exactly(4)],
        ] {
            assert_eq!(rows(area, heights), by_layout(area, heights), "{heights:?}");
        }
    }

    #[test]
    fn rows_that_do_not_fit_are_left_to_the_solver() {
        use Height::{Exactly, Rest};
        let area = Rect::new(0, 0, 60, 16);
        for heights in [
            [Exactly(1), Rest, Exactly(12), Exactly(6)],
            [Exactly(1), Exactly(2), Exactly(3), Exactly(4)],
            [Exactly(1), Rest, Exactly(3), Rest],
        ] {
            assert_eq!(rows(area, heights), by_layout(area, heights), "{heights:?}");
        }
    }
}
