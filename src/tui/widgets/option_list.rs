//! A list of options with their numbers, marks and wrapped labels; an
//! "other, specify" text shows under its option. Scrolls to keep the
//! highlighted option in view.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::text_editor::TextEditor;
use crate::text::wrap_words;
use crate::tui::theme::Theme;

pub struct OptionRow<'a> {
    pub number: usize,
    pub label: String,
    pub chosen: bool,
    /// The cursor is on this option (drawn with a mark).
    pub highlighted: bool,
    /// The list is about this option: the cursor is on it, or its
    /// "specify" text is being typed. It is always kept in view.
    pub focused: bool,
    /// The "other, specify" text under the option: its prompt and editor,
    /// and whether it has the keyboard.
    pub specify: Option<(String, Cow<'a, TextEditor>, bool)>,
}

/// What one option takes on screen.
struct Drawn<'a> {
    lines: Vec<Line<'a>>,
    /// The text cursor, as (line within the option, column).
    cursor: Option<(usize, usize)>,
}

/// Draws the rows, returning where the text cursor goes when a "specify"
/// text is being edited. A list longer than the area scrolls by whole
/// options (never starting on half of one), keeps the focused option and
/// its "specify" text in view, and says how many options are above and
/// below.
pub fn draw_options(
    rows: &[OptionRow],
    multi: bool,
    area: Rect,
    buf: &mut Buffer,
    more: &dyn Fn(bool) -> String,
) -> Option<Position> {
    let digits = rows.len().to_string().len();
    let indent = digits + 6;
    let width = usize::from(area.width).saturating_sub(indent).max(4);
    let drawn: Vec<Drawn> = rows
        .iter()
        .map(|row| draw_row(row, multi, digits, indent, width))
        .collect();
    let heights: Vec<usize> = drawn.iter().map(|d| d.lines.len()).collect();
    let focus = rows.iter().position(|r| r.focused).unwrap_or(0);
    let window = window(&heights, focus, usize::from(area.height));
    let mut lines: Vec<Line> = Vec::new();
    if window.first > 0 {
        lines.push(marker(more(true)));
    }
    let mut cursor = None;
    for (n, row) in drawn
        .into_iter()
        .enumerate()
        .take(window.last)
        .skip(window.first)
    {
        if let Some((line, column)) = row.cursor {
            cursor = Some((lines.len() + line, column));
        }
        lines.extend(row.lines);
        if n == focus {
            // A focused option taller than the area shows its start.
            lines.truncate(usize::from(area.height));
        }
    }
    lines.truncate(usize::from(area.height));
    if window.last < rows.len() {
        // On the area's last row, where it stays while the list scrolls.
        lines.resize(usize::from(area.height).saturating_sub(1), Line::default());
        lines.push(marker(more(false)));
    }
    Paragraph::new(lines).render(area, buf);
    cursor.and_then(|(line, column)| {
        (line < usize::from(area.height))
            .then(|| Position::new(area.x + column as u16, area.y + line as u16))
    })
}

fn marker(text: String) -> Line<'static> {
    // The indent unstyled: blanks that carry no style cost no SGR.
    Line::from(vec![Span::raw("  "), Span::styled(text, Theme::dim())])
}

/// The options shown: from `first` to before `last`.
#[derive(Debug, PartialEq, Eq)]
struct Window {
    first: usize,
    last: usize,
}

/// The first window, from the top, that shows the focused option whole,
/// with a line for each "more" marker it needs.
fn window(heights: &[usize], focus: usize, height: usize) -> Window {
    for first in 0..=focus.min(heights.len().saturating_sub(1)) {
        let mut room = height.saturating_sub(usize::from(first > 0));
        let mut last = first;
        while last < heights.len() && heights[last] <= room {
            room -= heights[last];
            last += 1;
        }
        // The marker below needs a line of its own.
        if last > first && last < heights.len() && room == 0 {
            last -= 1;
        }
        if last > focus {
            return Window { first, last };
        }
    }
    Window {
        first: focus,
        last: focus + 1,
    }
}

fn draw_row<'a>(
    row: &OptionRow<'a>,
    multi: bool,
    digits: usize,
    indent: usize,
    width: usize,
) -> Drawn<'a> {
    let mark = crate::tui::glyphs::choice_mark(multi, row.chosen);
    // The cursor is a plain mark in the first column, not a highlighted
    // row nor a bold one: moving it costs two characters and two moves.
    let pointer = if row.highlighted {
        Span::raw(">")
    } else {
        Span::raw(" ")
    };
    let mut lines = Vec::new();
    for (i, piece) in wrap_words(&row.label, width).into_iter().enumerate() {
        if i == 0 {
            let lead = format!("{:>digits$} {mark} ", row.number);
            lines.push(Line::from(vec![
                pointer.clone(),
                Span::raw(lead),
                Span::raw(piece),
            ]));
        } else {
            lines.push(Line::from(format!("{}{piece}", " ".repeat(indent))));
        }
    }
    let mut cursor = None;
    if let Some((prompt, editor, focused)) = &row.specify {
        lines.push(Line::from(Span::styled(
            format!("{}{prompt}", " ".repeat(indent)),
            Theme::dim(),
        )));
        let wrapped = editor.wrap(width.saturating_sub(1));
        if *focused {
            cursor = Some((lines.len() + wrapped.cursor.0, indent + wrapped.cursor.1));
        }
        for text in wrapped.lines {
            lines.push(Line::from(format!("{}{text}", " ".repeat(indent))));
        }
    }
    Drawn { lines, cursor }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_starts_on_a_whole_option_and_keeps_the_focus_with_its_markers() {
        // Fifteen options of two lines; eight lines of room.
        let heights = [2; 15];
        assert_eq!(window(&heights, 0, 8), Window { first: 0, last: 3 });
        // The last one: a marker above, the option whole, nothing below.
        let bottom = window(&heights, 14, 8);
        assert_eq!(bottom.last, 15);
        assert!(
            2 * (bottom.last - bottom.first) < 8,
            "with the marker above"
        );
        // An "other" that grew a text of five lines under it stays whole.
        let mut other = [2; 15];
        other[14] = 7;
        assert_eq!(
            window(&other, 14, 8),
            Window {
                first: 14,
                last: 15
            }
        );
        // Everything fits: no markers, nothing cut.
        assert_eq!(window(&[1, 1, 1], 2, 8), Window { first: 0, last: 3 });
    }
}
