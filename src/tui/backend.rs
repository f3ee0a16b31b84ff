//! A terminal backend that writes as little as it can: ratatui's crossterm
//! backend re-sends the cursor state and a full style reset on every draw,
//! which on a slow link costs more than the change itself. This one sends a
//! style only when it changes, resets only what was set, hides or shows the
//! cursor only when that changes, and hands each frame to the terminal in a
//! single write.

use std::fs::File;
use std::io::{self, Write};
use std::os::fd::AsFd;

use crossterm::cursor::{Hide, MoveTo, Show};
use crossterm::queue;
use crossterm::style::{
    Attribute, Color as CColor, Print, SetAttribute, SetBackgroundColor, SetForegroundColor,
};
use crossterm::terminal::{Clear, ClearType as CClearType};
use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

pub struct LeanBackend<W: Write> {
    out: W,
    frame: Vec<u8>,
    cursor_visible: Option<bool>,
    /// Where the terminal's cursor is, when known.
    cursor_at: Option<Position>,
}

impl LeanBackend<File> {
    /// Writes to a duplicate of standard output, so that a frame goes out in
    /// one `write` rather than through a line buffer.
    pub fn stdout() -> io::Result<LeanBackend<File>> {
        Ok(LeanBackend::new(File::from(
            io::stdout().as_fd().try_clone_to_owned()?,
        )))
    }
}

impl<W: Write> LeanBackend<W> {
    pub fn new(out: W) -> LeanBackend<W> {
        LeanBackend {
            out,
            frame: Vec::with_capacity(8192),
            cursor_visible: None,
            cursor_at: None,
        }
    }
}

fn color(color: Color) -> CColor {
    match color {
        Color::Reset => CColor::Reset,
        Color::Black => CColor::Black,
        Color::Red => CColor::DarkRed,
        Color::Green => CColor::DarkGreen,
        Color::Yellow => CColor::DarkYellow,
        Color::Blue => CColor::DarkBlue,
        Color::Magenta => CColor::DarkMagenta,
        Color::Cyan => CColor::DarkCyan,
        Color::Gray => CColor::Grey,
        Color::DarkGray => CColor::DarkGrey,
        Color::LightRed => CColor::Red,
        Color::LightGreen => CColor::Green,
        Color::LightYellow => CColor::Yellow,
        Color::LightBlue => CColor::Blue,
        Color::LightMagenta => CColor::Magenta,
        Color::LightCyan => CColor::Cyan,
        Color::White => CColor::White,
        Color::Indexed(i) => CColor::AnsiValue(i),
        Color::Rgb(r, g, b) => CColor::Rgb { r, g, b },
    }
}

const ATTRIBUTES: [(Modifier, Attribute); 6] = [
    (Modifier::BOLD, Attribute::Bold),
    (Modifier::DIM, Attribute::Dim),
    (Modifier::ITALIC, Attribute::Italic),
    (Modifier::UNDERLINED, Attribute::Underlined),
    (Modifier::REVERSED, Attribute::Reverse),
    (Modifier::CROSSED_OUT, Attribute::CrossedOut),
];

impl<W: Write> Backend for LeanBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let (mut fg, mut bg, mut modifier) = (Color::Reset, Color::Reset, Modifier::empty());
        let mut last: Option<Position> = None;
        for (x, y, cell) in content {
            if !matches!(last, Some(p) if p.x + 1 == x && p.y == y) {
                queue!(self.frame, MoveTo(x, y))?;
            }
            last = Some(Position { x, y });
            if cell.modifier != modifier {
                // Dropping an attribute takes a full reset; adding one does not.
                if !(modifier - cell.modifier).is_empty() {
                    queue!(self.frame, SetAttribute(Attribute::Reset))?;
                    (fg, bg, modifier) = (Color::Reset, Color::Reset, Modifier::empty());
                }
                for (flag, attribute) in ATTRIBUTES {
                    if cell.modifier.contains(flag) && !modifier.contains(flag) {
                        queue!(self.frame, SetAttribute(attribute))?;
                    }
                }
                modifier = cell.modifier;
            }
            if cell.fg != fg {
                queue!(self.frame, SetForegroundColor(color(cell.fg)))?;
                fg = cell.fg;
            }
            if cell.bg != bg {
                queue!(self.frame, SetBackgroundColor(color(cell.bg)))?;
                bg = cell.bg;
            }
            queue!(self.frame, Print(cell.symbol()))?;
        }
        if fg != Color::Reset || bg != Color::Reset || !modifier.is_empty() {
            queue!(self.frame, SetAttribute(Attribute::Reset))?;
        }
        if last.is_some() {
            self.cursor_at = None;
        }
        Ok(())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        if self.cursor_visible != Some(false) {
            queue!(self.frame, Hide)?;
            self.cursor_visible = Some(false);
        }
        Ok(())
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        if self.cursor_visible != Some(true) {
            queue!(self.frame, Show)?;
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
        if self.cursor_at != Some(position) {
            queue!(self.frame, MoveTo(position.x, position.y))?;
            self.cursor_at = Some(position);
        }
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.clear_region(ClearType::All)
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        let kind = match clear_type {
            ClearType::All => CClearType::All,
            ClearType::AfterCursor => CClearType::FromCursorDown,
            ClearType::BeforeCursor => CClearType::FromCursorUp,
            ClearType::CurrentLine => CClearType::CurrentLine,
            ClearType::UntilNewLine => CClearType::UntilNewLine,
        };
        queue!(self.frame, Clear(kind))
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
mod tests {
    use ratatui::style::Style;

    use super::*;

    fn cell(symbol: &'static str, style: Style) -> Cell {
        let mut cell = Cell::new(symbol);
        cell.set_style(style);
        cell
    }

    fn frame(backend: &mut LeanBackend<Vec<u8>>, cells: &[(u16, u16, Cell)]) -> String {
        backend
            .draw(cells.iter().map(|(x, y, c)| (*x, *y, c)))
            .unwrap();
        backend.flush().unwrap();
        let written = String::from_utf8(backend.out.clone()).unwrap();
        backend.out.clear();
        written
    }

    #[test]
    fn plain_text_needs_no_style_reset() {
        let mut backend = LeanBackend::new(Vec::new());
        let plain = Style::new();
        assert_eq!(
            frame(
                &mut backend,
                &[(2, 1, cell("a", plain)), (3, 1, cell("b", plain))]
            ),
            "\x1b[2;3Hab"
        );
    }

    #[test]
    fn a_style_is_sent_once_and_reset_at_the_end() {
        let mut backend = LeanBackend::new(Vec::new());
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let written = frame(
            &mut backend,
            &[(0, 0, cell(">", bold)), (0, 1, cell(" ", Style::new()))],
        );
        assert_eq!(written, "\x1b[1;1H\x1b[1m>\x1b[2;1H\x1b[0m ");
    }

    #[test]
    fn the_cursor_state_is_sent_only_when_it_changes() {
        let mut backend = LeanBackend::new(Vec::new());
        backend.hide_cursor().unwrap();
        backend.hide_cursor().unwrap();
        backend.set_cursor_position((4, 2)).unwrap();
        backend.set_cursor_position((4, 2)).unwrap();
        backend.flush().unwrap();
        assert_eq!(
            String::from_utf8(backend.out.clone()).unwrap(),
            "\x1b[?25l\x1b[3;5H"
        );
        backend.out.clear();
        backend.hide_cursor().unwrap();
        backend.flush().unwrap();
        assert!(backend.out.is_empty(), "nothing changed, nothing is sent");
    }
}
