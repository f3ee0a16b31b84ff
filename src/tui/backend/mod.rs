//! A terminal backend that writes as little as it can: ratatui's crossterm
//! backend re-sends the cursor state and a full style reset on every draw,
//! which on a slow link costs more than the change itself. This one sends a
//! style only when it changes, resets only what was set, hides or shows the
//! cursor only when that changes, and hands each frame to the terminal in a
//! single write.

mod paint;
mod scroll;

use std::fs::File;
use std::io::{self, Write};
use std::os::fd::AsFd;

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};
use ratatui::style::Color;
use unicode_width::UnicodeWidthStr;

use paint::{Painter, paint_changes};

pub struct LeanBackend<W: Write> {
    out: W,
    frame: Vec<u8>,
    cursor_visible: Option<bool>,
    /// Where the terminal's cursor is, when known.
    cursor_at: Option<Position>,
    /// What the terminal shows, when known: what a frame is painted over.
    shown: Option<Buffer>,
    /// Whether the terminal can scroll a region of rows (`DECSTBM`).
    scrolls: bool,
    /// The scroll region left set in the terminal, if any: kept between
    /// frames, given back (`RESET_MARGINS`) on a clear and on leaving.
    margins: Option<(u16, u16)>,
}

/// Gives the terminal back its whole screen to scroll.
pub const RESET_MARGINS: &[u8] = b"\x1b[r";

impl LeanBackend<File> {
    /// Writes to a duplicate of standard output, so that a frame goes out in
    /// one `write` rather than through a line buffer. The screen is blank
    /// (the alternate screen was just entered).
    pub fn stdout(scrolls: bool) -> io::Result<LeanBackend<File>> {
        let out = File::from(io::stdout().as_fd().try_clone_to_owned()?);
        let (width, height) = crossterm::terminal::size()?;
        Ok(LeanBackend::showing(
            out,
            drawn_size(width, height),
            scrolls,
        ))
    }
}

impl<W: Write> LeanBackend<W> {
    /// A backend over a blank screen of `size`.
    pub fn showing(out: W, size: Size, scrolls: bool) -> LeanBackend<W> {
        LeanBackend {
            out,
            frame: Vec::with_capacity(8192),
            cursor_visible: None,
            cursor_at: None,
            shown: Some(Buffer::empty(Rect::from((Position::ORIGIN, size)))),
            scrolls,
            margins: None,
        }
    }

    /// Paints `next` over what is shown: scrolling part of the screen
    /// first where that makes the frame shorter.
    fn paint(&mut self, shown: &Buffer, next: &Buffer) {
        let at = self.cursor_at.map(|p| (p.x, p.y));
        let width = next.area.width;
        let mut plain = Vec::new();
        let mut painter = Painter::new(&mut plain, at, width, self.margins);
        paint_changes(&mut painter, shown, next);
        let mut end = painter.finish();
        let mut margins = self.margins;
        if self.scrolls
            && let Some(scroll) = scroll::best(shown, next)
        {
            let mut scrolled = Vec::new();
            let mut painter = Painter::new(&mut scrolled, at, width, self.margins);
            scroll.perform(&mut painter);
            let scrolled_margins = painter.margins;
            paint_changes(&mut painter, &scroll.apply(shown), next);
            let scrolled_end = painter.finish();
            if scrolled.len() < plain.len() {
                (plain, end, margins) = (scrolled, scrolled_end, scrolled_margins);
            }
        }
        self.frame.extend_from_slice(&plain);
        self.cursor_at = end.map(|(x, y)| Position { x, y });
        self.margins = margins;
    }
}

/// Whether scroll regions may be used on a terminal called `term`, in a
/// session that asked for plain ASCII or not. ASCII is asked for on the
/// oldest and oddest terminals; a `TERM` that names none of the families
/// known to scroll a region gets plain frames.
pub fn scroll_regions_work(term: Option<&str>, ascii: bool) -> bool {
    const FAMILIES: [&str; 22] = [
        "xterm",
        "screen",
        "tmux",
        "vt100",
        "vt102",
        "vt220",
        "vt320",
        "vt420",
        "vt520",
        "linux",
        "rxvt",
        "putty",
        "konsole",
        "gnome",
        "alacritty",
        "kitty",
        "foot",
        "wezterm",
        "st",
        "ms-terminal",
        "mintty",
        "iterm",
    ];
    let term = term.unwrap_or("").to_ascii_lowercase();
    !ascii && FAMILIES.iter().any(|family| term.starts_with(family))
}

/// The SGR parameter of a colour: the 16 named ones by their short codes
/// (`31`, `91`), not by index (`38;5;1`).
fn sgr_color(color: Color, background: bool) -> String {
    let base = if background { 40 } else { 30 };
    let named = |n: u8| -> String {
        if n < 8 {
            (base + u16::from(n)).to_string()
        } else {
            (base + 60 + u16::from(n - 8)).to_string()
        }
    };
    match color {
        Color::Reset => (base + 9).to_string(),
        Color::Black => named(0),
        Color::Red => named(1),
        Color::Green => named(2),
        Color::Yellow => named(3),
        Color::Blue => named(4),
        Color::Magenta => named(5),
        Color::Cyan => named(6),
        Color::Gray => named(7),
        Color::DarkGray => named(8),
        Color::LightRed => named(9),
        Color::LightGreen => named(10),
        Color::LightYellow => named(11),
        Color::LightBlue => named(12),
        Color::LightMagenta => named(13),
        Color::LightCyan => named(14),
        Color::White => named(15),
        Color::Indexed(i) => format!("{};5;{i}", base + 8),
        Color::Rgb(r, g, b) => format!("{};2;{r};{g};{b}", base + 8),
    }
}

impl<W: Write> Backend for LeanBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let Some(shown) = self.shown.take() else {
            // What is shown is not known: paint the cells as they come.
            let mut painter = Painter::new(&mut self.frame, None, u16::MAX, self.margins);
            for (x, y, cell) in content {
                painter.move_to(x, y);
                painter.print(cell);
            }
            painter.finish();
            self.cursor_at = None;
            return Ok(());
        };
        let mut next = shown.clone();
        for (x, y, cell) in content {
            if next.area.contains(Position { x, y }) {
                next[(x, y)] = cell.clone();
                // ratatui sends a wide letter without the cells it covers;
                // in its buffers, and so here, they are blank.
                let covers = cell.symbol().width() as u16;
                let end = x.saturating_add(covers).min(next.area.width);
                for covered in x + 1..end {
                    next[(covered, y)] = Cell::EMPTY;
                }
            }
        }
        self.paint(&shown, &next);
        self.shown = Some(next);
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_visible != Some(false) {
            self.frame.extend_from_slice(b"\x1b[?25l");
            self.cursor_visible = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.cursor_visible != Some(true) {
            self.frame.extend_from_slice(b"\x1b[?25h");
            self.cursor_visible = Some(true);
        }
        Ok(())
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        let (x, y) = crossterm::cursor::position()?;
        Ok(Position { x, y })
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let position = position.into();
        let width = self.shown.as_ref().map_or(u16::MAX, |s| s.area.width);
        let at = self.cursor_at.map(|p| (p.x, p.y));
        let mut painter = Painter::new(&mut self.frame, at, width, self.margins);
        painter.move_to(position.x, position.y);
        self.cursor_at = Some(position);
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    /// Campo clears only the whole screen (ratatui does, on a resize):
    /// what is shown is then known again, blank at the window's size, and
    /// the whole screen scrolls again (the old region may not fit).
    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        if self.margins.take().is_some() {
            self.frame.extend_from_slice(RESET_MARGINS);
            self.cursor_at = None;
        }
        let sequence: &[u8] = match clear_type {
            ClearType::All => b"\x1b[2J",
            ClearType::AfterCursor => b"\x1b[J",
            ClearType::BeforeCursor => b"\x1b[1J",
            ClearType::CurrentLine => b"\x1b[2K",
            ClearType::UntilNewLine => b"\x1b[K",
        };
        self.frame.extend_from_slice(sequence);
        self.shown = match clear_type {
            ClearType::All => Some(Buffer::empty(Rect::from((Position::ORIGIN, self.size()?)))),
            _ => None,
        };
        Ok(())
    }

    fn size(&self) -> io::Result<Size> {
        let (width, height) = crossterm::terminal::size()?;
        Ok(drawn_size(width, height))
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        let size = crossterm::terminal::window_size()?;
        Ok(WindowSize {
            columns_rows: drawn_size(size.columns, size.rows),
            pixels: Size {
                width: size.width,
                height: size.height,
            },
        })
    }

    /// Sends the frame in one write. Nothing changed, nothing is sent.
    fn flush(&mut self) -> io::Result<()> {
        if !self.frame.is_empty() {
            self.out.write_all(&self.frame)?;
            self.frame.clear();
        }
        Ok(())
    }
}

/// The most columns and rows ever drawn. Any SSH client may announce a
/// window of 65,535 × 65,535, and ratatui keeps two buffers of the whole
/// window: a few such connections would take the machine's memory. A
/// bigger window shows the interface in its top-left corner.
pub const MAX_DRAWN: Size = Size {
    width: 500,
    height: 200,
};

/// The size drawn in a window of `width` × `height`.
pub fn drawn_size(width: u16, height: u16) -> Size {
    Size {
        width: width.min(MAX_DRAWN.width),
        height: height.min(MAX_DRAWN.height),
    }
}

#[cfg(test)]
mod tests;
