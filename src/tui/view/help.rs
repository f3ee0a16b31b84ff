use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::text::wrap_words;
use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::theme::Theme;
use crate::tui::widgets::footer::{does, key_label};
use crate::tui::widgets::popup::centred;

/// Every key of the screen under the help, from the same table the keys
/// are handled by.
pub fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let texts = &app.texts;
    let width = area.width.min(64);
    // A key's description wraps under itself, past the column of keys.
    let key_column = 14;
    let described = usize::from(width.saturating_sub(2 + key_column as u16));
    let mut lines: Vec<Line> = Vec::new();
    // The help's own key needs no explaining here.
    for binding in keymap::bindings(app.screen_context())
        .into_iter()
        .filter(|b| b.action != keymap::Action::Help)
    {
        let key = key_label(texts, binding);
        let mut what = does(texts, binding);
        // Where digits choose, how two of them make one number.
        if binding.action == keymap::Action::Pick(0) {
            what = format!("{what}; {}", texts.t("help-digits"));
        }
        for (at, part) in wrap_words(&what, described).into_iter().enumerate() {
            let key = if at == 0 { key.as_str() } else { "" };
            lines.push(Line::from(vec![
                Span::styled(format!("{key:>12}"), Theme::key()),
                Span::raw("  "),
                Span::raw(part),
            ]));
        }
    }
    // The note follows the keys in its own colour, with no empty line
    // between them: at 80×24 every line counts. It speaks of answers, so
    // only where there are answers (m12).
    let note = match app.screen_context() {
        keymap::Context::Home
        | keymap::Context::ConfirmDelete
        | keymap::Context::Report
        | keymap::Context::Syncing => Vec::new(),
        _ => wrap_words(&texts.t("help-saved"), usize::from(width.saturating_sub(2))),
    };
    lines.extend(
        note.into_iter()
            .map(|l| Line::from(Span::styled(l, Theme::dim()))),
    );
    let height = (lines.len() as u16 + 2).min(area.height);
    let popup = centred(area, width, height);
    let block = crate::tui::glyphs::block(ratatui::widgets::Borders::ALL).title(Span::styled(
        format!(" {} ", texts.t("help-title")),
        Theme::title(),
    ));
    frame.render_widget(Clear, popup);
    frame.render_widget(Paragraph::new(lines).block(block), popup);
}
