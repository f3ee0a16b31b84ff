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
    pub highlighted: bool,
    /// The "other, specify" text under the option: its prompt and editor,
    /// and whether it has the keyboard.
    pub specify: Option<(String, Cow<'a, TextEditor>, bool)>,
}

/// Columns before a label: the cursor mark, the number, the box.
const INDENT: usize = 7;

/// Draws the rows, returning where the text cursor goes when a "specify"
/// text is being edited.
pub fn draw_options(
    rows: &[OptionRow],
    multi: bool,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    let width = usize::from(area.width).saturating_sub(INDENT).max(4);
    let mut lines: Vec<Line> = Vec::new();
    let mut highlighted_span = (0, 0);
    let mut cursor = None;
    for row in rows {
        let start = lines.len();
        let mark = crate::tui::glyphs::choice_mark(multi, row.chosen);
        let number = if row.number <= 9 {
            format!("{}", row.number)
        } else {
            " ".into()
        };
        // The cursor is a mark in the first column, not a highlighted row:
        // moving it rewrites two characters, not two whole lines.
        let pointer = if row.highlighted {
            Span::styled(">", Theme::key())
        } else {
            Span::raw(" ")
        };
        for (i, piece) in wrap_words(&row.label, width).into_iter().enumerate() {
            let lead = if i == 0 {
                format!("{number} {mark} ")
            } else {
                " ".repeat(INDENT - 1)
            };
            let first = if i == 0 {
                pointer.clone()
            } else {
                Span::raw(" ")
            };
            lines.push(Line::from(vec![first, Span::raw(lead), Span::raw(piece)]));
        }
        if let Some((prompt, editor, focused)) = &row.specify {
            lines.push(Line::from(Span::styled(
                format!("{}{prompt}", " ".repeat(INDENT)),
                Theme::dim(),
            )));
            let wrapped = editor.wrap(width.saturating_sub(1));
            if *focused {
                cursor = Some((lines.len() + wrapped.cursor.0, INDENT + wrapped.cursor.1));
            }
            for text in wrapped.lines {
                lines.push(Line::from(format!("{}{text}", " ".repeat(INDENT))));
            }
        }
        if row.highlighted {
            highlighted_span = (start, lines.len());
        }
    }
    let height = usize::from(area.height);
    let (first, last) = highlighted_span;
    let focus_end = cursor.map_or(last, |(line, _)| last.max(line + 1));
    let offset = focus_end.saturating_sub(height).min(first);
    let visible: Vec<Line> = lines.into_iter().skip(offset).take(height).collect();
    Paragraph::new(visible).render(area, buf);
    cursor.and_then(|(line, column)| {
        let line = line.checked_sub(offset)?;
        (line < height).then(|| Position::new(area.x + column as u16, area.y + line as u16))
    })
}
