//! The key hints at the bottom, built from the keymap of the current
//! context so that they always match the keys handled.

use ratatui::text::{Line, Span};

use crate::i18n::Texts;
use crate::tui::keymap::{self, Binding, Context};
use crate::tui::theme::Theme;

/// The label of a key: literal (`=F2`) or a Fluent id (`key-enter`).
pub fn key_label(texts: &Texts, binding: &Binding) -> String {
    match binding.label.strip_prefix('=') {
        Some(literal) => literal.to_string(),
        None => texts.t(binding.label),
    }
}

/// What a binding does; the language switch names the language it goes to.
pub fn does(texts: &Texts, binding: &Binding) -> String {
    texts.t(binding.does)
}

/// One line of hints, as many as fit in `width` columns.
pub fn footer(texts: &Texts, context: Context, width: usize) -> Line<'static> {
    let mut spans = Vec::new();
    let mut used = 0;
    for binding in keymap::bindings(context).into_iter().filter(|b| b.in_footer) {
        let key = key_label(texts, binding);
        let what = does(texts, binding);
        let cost = unicode_width::UnicodeWidthStr::width(format!(" {key} {what} ").as_str());
        if used + cost > width {
            break;
        }
        used += cost;
        spans.push(Span::raw(" "));
        spans.push(Span::styled(key, Theme::key()));
        spans.push(Span::raw(format!(" {what} ")));
    }
    Line::from(spans)
}
