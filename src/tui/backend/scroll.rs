//! Letting the terminal move rows itself: when a list scrolls by an
//! option, most of the rows below the question show what the rows one
//! option further down showed. A scroll region (`DECSTBM`) and a line feed
//! or reverse index move them in a few bytes; only the option that comes
//! into view is then painted.

use ratatui::buffer::{Buffer, Cell};

use super::paint::Painter;

/// The farthest a region is tried shifted, in rows: a scrolled option is
/// one to three rows; a page is cheaper painted than searched for.
const FARTHEST: u16 = 8;
/// What the scroll sequence costs, in cells saved it must beat.
const OVERHEAD: i64 = 16;

/// Rows `top..=bottom` moved up (`by` > 0: their content goes towards the
/// top, blank rows come in at the bottom) or down (`by` < 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scroll {
    pub top: u16,
    pub bottom: u16,
    pub by: i16,
}

impl Scroll {
    /// Sets the region unless the terminal has it already, goes to its
    /// last row (up) or first (down) and moves the rows: by line feeds or
    /// reverse indexes, both as old as the VT100, unlike `SU`/`SD`. The
    /// region stays set, so the next step of the same list costs only the
    /// moves; the painter keeps every later move clear of its margins.
    pub fn perform(&self, painter: &mut Painter) {
        if painter.margins != Some((self.top, self.bottom)) {
            painter.raw(format!("\x1b[{};{}r", self.top + 1, self.bottom + 1).as_bytes());
            painter.margins = Some((self.top, self.bottom));
            // Setting a region homes the cursor on a VT100, not on every
            // emulator: where it is is not known.
            painter.at = None;
        }
        let (row, step): (u16, &[u8]) = if self.by > 0 {
            (self.bottom, b"\n")
        } else {
            (self.top, b"\x1bM")
        };
        let column = painter.at.map_or(0, |(x, _)| x);
        painter.move_to(column, row);
        for _ in 0..self.by.unsigned_abs() {
            painter.raw(step);
        }
    }

    /// What the terminal shows after the scroll, `shown` before it.
    pub fn apply(&self, shown: &Buffer) -> Buffer {
        let mut after = shown.clone();
        let by = i32::from(self.by);
        for y in self.top..=self.bottom {
            let from = i32::from(y) + by;
            let source = (from >= i32::from(self.top) && from <= i32::from(self.bottom))
                .then(|| row(shown, from as u16));
            let width = usize::from(shown.area.width);
            let start = usize::from(y) * width;
            match source {
                Some(cells) => after.content[start..start + width].clone_from_slice(cells),
                None => after.content[start..start + width].fill(Cell::EMPTY),
            }
        }
        after
    }
}

fn row(buffer: &Buffer, y: u16) -> &[Cell] {
    let width = usize::from(buffer.area.width);
    let start = usize::from(y) * width;
    &buffer.content[start..start + width]
}

/// Cells in which two rows differ.
fn differing(a: &[Cell], b: &[Cell]) -> i64 {
    a.iter().zip(b).filter(|(a, b)| a != b).count() as i64
}

/// The scroll that saves the most cells over painting `next` on `shown`
/// as it is, if one saves more than it costs.
pub fn best(shown: &Buffer, next: &Buffer) -> Option<Scroll> {
    let height = next.area.height;
    // A blank screen (the first paint) has nothing worth moving.
    if shown.area != next.area || height < 3 || shown.content.iter().all(|c| *c == Cell::EMPTY) {
        return None;
    }
    let as_is: Vec<i64> = (0..height)
        .map(|y| differing(row(shown, y), row(next, y)))
        .collect();
    if as_is.iter().filter(|&&d| d > 0).count() < 2 {
        return None;
    }
    let blank: Vec<i64> = (0..height)
        .map(|y| row(next, y).iter().filter(|c| **c != Cell::EMPTY).count() as i64)
        .collect();
    let mut best: Option<(i64, Scroll)> = None;
    for by in 1..=FARTHEST.min(height - 1) as i16 {
        for by in [by, -by] {
            if let Some(candidate) = best_region(shown, next, by, &as_is, &blank)
                && best.is_none_or(|(saved, _)| candidate.0 > saved)
            {
                best = Some(candidate);
            }
        }
    }
    best.filter(|(saved, _)| *saved > OVERHEAD)
        .map(|(_, scroll)| scroll)
}

/// The region that gains most from moving by `by` rows, and its gain:
/// for each row, the cells it differs by as it is, less those it differs
/// by once moved (or blank, for the rows the move empties).
fn best_region(
    shown: &Buffer,
    next: &Buffer,
    by: i16,
    as_is: &[i64],
    blank: &[i64],
) -> Option<(i64, Scroll)> {
    let height = next.area.height as usize;
    let span = usize::from(by.unsigned_abs());
    // Running sums, so that any region's gain is two subtractions.
    let mut moved = vec![0i64; height + 1];
    let mut emptied = vec![0i64; height + 1];
    for y in 0..height {
        let from = y as i64 + i64::from(by);
        let gain = if (0..height as i64).contains(&from) {
            as_is[y] - differing(row(shown, from as u16), row(next, y as u16))
        } else {
            0
        };
        moved[y + 1] = moved[y] + gain;
        emptied[y + 1] = emptied[y] + as_is[y] - blank[y];
    }
    let sum = |sums: &[i64], from: usize, to: usize| sums[to + 1] - sums[from];
    let mut best: Option<(i64, Scroll)> = None;
    for top in 0..height {
        for bottom in (top + span)..height {
            // Up: rows top..=bottom-span show the row `span` below; the
            // last `span` rows are emptied. Down: the mirror image.
            let gain = if by > 0 {
                sum(&moved, top, bottom - span) + sum(&emptied, bottom - span + 1, bottom)
            } else {
                sum(&moved, top + span, bottom) + sum(&emptied, top, top + span - 1)
            };
            if best.is_none_or(|(saved, _)| gain > saved) {
                best = Some((
                    gain,
                    Scroll {
                        top: top as u16,
                        bottom: bottom as u16,
                        by,
                    },
                ));
            }
        }
    }
    best
}
