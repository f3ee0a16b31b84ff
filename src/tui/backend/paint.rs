//! Writing cells to the terminal in as few bytes as it takes: the shortest
//! cursor move from where the cursor is (relative, absolute, or simply
//! re-printing a short gap), a style only when it changes, and a row's
//! trailing blanks erased with one `EL` rather than a space per cell.

use std::io::Write;

use ratatui::buffer::{Buffer, Cell};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

/// Style attributes and the SGR codes that set them.
const ATTRIBUTES: [(Modifier, &str); 6] = [
    (Modifier::BOLD, "1"),
    (Modifier::DIM, "2"),
    (Modifier::ITALIC, "3"),
    (Modifier::UNDERLINED, "4"),
    (Modifier::REVERSED, "7"),
    (Modifier::CROSSED_OUT, "9"),
];

/// One frame's bytes, with what the terminal's cursor and pen are known
/// to be as they are written.
pub struct Painter<'a> {
    out: &'a mut Vec<u8>,
    /// Where the cursor is; `None` when unknown (as after printing in the
    /// last column, where terminals disagree on what comes next).
    pub at: Option<(u16, u16)>,
    width: u16,
    /// The scroll region set in the terminal (first and last row), which
    /// stops `CUD` and `CUU` and makes a line feed on its last row scroll.
    pub margins: Option<(u16, u16)>,
    fg: Color,
    bg: Color,
    modifier: Modifier,
}

impl<'a> Painter<'a> {
    pub fn new(
        out: &'a mut Vec<u8>,
        at: Option<(u16, u16)>,
        width: u16,
        margins: Option<(u16, u16)>,
    ) -> Painter<'a> {
        Painter {
            out,
            at,
            width,
            margins,
            fg: Color::Reset,
            bg: Color::Reset,
            modifier: Modifier::empty(),
        }
    }

    pub fn raw(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(bytes);
    }

    /// Moves the cursor to `(x, y)` by the shortest sequence that gets it
    /// there. Never relatively across a margin of the scroll region (the
    /// move would stop there, or scroll).
    pub fn move_to(&mut self, x: u16, y: u16) {
        if self.at == Some((x, y)) {
            return;
        }
        let shortest = self
            .at
            .filter(|&(_, cy)| !crosses_margin(self.margins, cy, y))
            .and_then(|(cx, cy)| relative_move((cx, cy), (x, y)))
            .filter(|relative| relative.len() < absolute_move(x, y).len())
            .unwrap_or_else(|| absolute_move(x, y));
        self.out.extend_from_slice(&shortest);
        self.at = Some((x, y));
    }

    /// Prints a cell where the cursor is, setting its style first.
    pub fn print(&mut self, cell: &Cell) {
        self.set_style(cell.fg, cell.bg, cell.modifier);
        self.out.extend_from_slice(cell.symbol().as_bytes());
        let width = cell.symbol().width().max(1) as u16;
        self.at = match self.at {
            Some((x, y)) if x + width < self.width => Some((x + width, y)),
            _ => None,
        };
    }

    /// Whether re-printing `cells` (the screen already shows them) costs
    /// no more than moving over them.
    pub fn cheaper_to_reprint(&self, cells: &[Cell], to: (u16, u16)) -> bool {
        let Some(at) = self.at else {
            return false;
        };
        let plain = cells.iter().all(|c| {
            c.fg == self.fg
                && c.bg == self.bg
                && c.modifier == self.modifier
                && c.symbol().width() == 1
        });
        let bytes: usize = cells.iter().map(|c| c.symbol().len()).sum();
        let moving = relative_move(at, to).map_or(usize::MAX, |m| m.len());
        plain && bytes <= moving.min(absolute_move(to.0, to.1).len())
    }

    /// Erases from the cursor to the end of its row, with the default
    /// background (the erased cells take the pen's).
    pub fn erase_to_end_of_row(&mut self) {
        self.set_style(Color::Reset, Color::Reset, Modifier::empty());
        self.out.extend_from_slice(b"\x1b[K");
    }

    /// Leaves the pen at the terminal's default, as the frame found it.
    pub fn finish(mut self) -> Option<(u16, u16)> {
        if self.fg != Color::Reset || self.bg != Color::Reset || !self.modifier.is_empty() {
            self.out.extend_from_slice(b"\x1b[0m");
        }
        self.fg = Color::Reset;
        self.at
    }

    fn set_style(&mut self, fg: Color, bg: Color, modifier: Modifier) {
        let mut codes: Vec<String> = Vec::new();
        if modifier != self.modifier {
            // Dropping an attribute takes a full reset; adding one does not.
            if !(self.modifier - modifier).is_empty() {
                codes.push("0".into());
                (self.fg, self.bg, self.modifier) = (Color::Reset, Color::Reset, Modifier::empty());
            }
            for (flag, code) in ATTRIBUTES {
                if modifier.contains(flag) && !self.modifier.contains(flag) {
                    codes.push(code.into());
                }
            }
            self.modifier = modifier;
        }
        if fg != self.fg {
            codes.push(super::sgr_color(fg, false));
            self.fg = fg;
        }
        if bg != self.bg {
            codes.push(super::sgr_color(bg, true));
            self.bg = bg;
        }
        if !codes.is_empty() {
            let _ = write!(self.out, "\x1b[{}m", codes.join(";"));
        }
    }
}

/// Whether going from row `from` to row `to` would meet a margin of the
/// scroll region: `CUD` and line feeds stop or scroll at its last row when
/// started on or above it, `CUU` at its first when started on or below it.
fn crosses_margin(margins: Option<(u16, u16)>, from: u16, to: u16) -> bool {
    match margins {
        Some((_, bottom)) if to > from => from <= bottom && to > bottom,
        Some((top, _)) if to < from => from >= top && to < top,
        _ => false,
    }
}

/// `CUP` with the parameters a terminal assumes left out.
fn absolute_move(x: u16, y: u16) -> Vec<u8> {
    match (x, y) {
        (0, 0) => b"\x1b[H".to_vec(),
        (0, y) => format!("\x1b[{}H", y + 1).into_bytes(),
        (x, y) => format!("\x1b[{};{}H", y + 1, x + 1).into_bytes(),
    }
}

/// The shortest move relative to where the cursor is, if one exists:
/// down by line feeds (never to or past the last row of a scroll region,
/// so a line feed never scrolls) or `CUD`, up by `CUU`, across by carriage return, `CUF`,
/// backspaces or `CUB`.
fn relative_move((cx, cy): (u16, u16), (x, y): (u16, u16)) -> Option<Vec<u8>> {
    let mut moves = match y.cmp(&cy) {
        std::cmp::Ordering::Equal => Vec::new(),
        std::cmp::Ordering::Greater if y - cy <= 3 => vec![b'\n'; usize::from(y - cy)],
        std::cmp::Ordering::Greater => format!("\x1b[{}B", y - cy).into_bytes(),
        std::cmp::Ordering::Less => csi(cy - y, 'A'),
    };
    let across = match x.cmp(&cx) {
        std::cmp::Ordering::Equal => Vec::new(),
        _ if x == 0 => b"\r".to_vec(),
        std::cmp::Ordering::Greater => csi(x - cx, 'C'),
        // A backspace or three: a byte each, against `CSI n D`'s four.
        std::cmp::Ordering::Less if cx - x <= 3 => vec![b'\x08'; usize::from(cx - x)],
        std::cmp::Ordering::Less => {
            let back = csi(cx - x, 'D');
            let from_start = [b"\r".as_slice(), &csi(x, 'C')].concat();
            if from_start.len() < back.len() {
                from_start
            } else {
                back
            }
        }
    };
    moves.extend(across);
    Some(moves)
}

/// A cursor move of `n` cells: `ESC [ C`, or `ESC [ 5 C`.
fn csi(n: u16, code: char) -> Vec<u8> {
    if n == 1 {
        format!("\x1b[{code}").into_bytes()
    } else {
        format!("\x1b[{n}{code}").into_bytes()
    }
}

/// Paints what differs between `shown` (what the terminal shows) and
/// `next`, row by row.
pub fn paint_changes(painter: &mut Painter, shown: &Buffer, next: &Buffer) {
    let width = next.area.width;
    let changes = shown.diff(next);
    let mut changes = changes.iter().peekable();
    while let Some(&(x, y, cell)) = changes.next() {
        let row_start = usize::from(y) * usize::from(width);
        let row = &next.content[row_start..row_start + usize::from(width)];
        if blank_from(row, x) && blank_changes_in_row(&mut changes.clone(), y) >= 3 {
            painter.move_to(x, y);
            painter.erase_to_end_of_row();
            while changes.next_if(|&&(_, cy, _)| cy == y).is_some() {}
            continue;
        }
        if let Some((cx, cy)) = painter.at
            && cy == y
            && cx < x
            && painter.cheaper_to_reprint(&row[usize::from(cx)..usize::from(x)], (x, y))
        {
            for gap in &row[usize::from(cx)..usize::from(x)] {
                painter.print(gap);
            }
        }
        painter.move_to(x, y);
        painter.print(cell);
        // A letter over part of a wide one: the terminal blanks the rest
        // of the wide one with the pen of the moment; paint the rest too.
        let end = usize::from(x) + cell.symbol().width().max(1);
        let overhang = (usize::from(x)..end.min(row.len()))
            .map(|p| p + shown.content[row_start + p].symbol().width())
            .max()
            .unwrap_or(end);
        for rest in &row[end.min(row.len())..overhang.min(row.len())] {
            painter.print(rest);
        }
    }
}

/// Whether the row is blank from column `x` to its end.
fn blank_from(row: &[Cell], x: u16) -> bool {
    row[usize::from(x)..].iter().all(|c| *c == Cell::EMPTY)
}

/// How many changes are left in row `y` (the current one counts: it is
/// one), all of them blanks by the time this is asked.
fn blank_changes_in_row<'a, I>(rest: &mut std::iter::Peekable<I>, y: u16) -> usize
where
    I: Iterator<Item = &'a (u16, u16, &'a Cell)>,
{
    1 + std::iter::from_fn(|| rest.next_if(|&&(_, cy, _)| cy == y)).count()
}
