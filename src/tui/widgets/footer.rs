//! The key hints at the bottom, built from the keymap of the current
//! context so that they always match the keys handled.

use ratatui::text::{Line, Span};

use crate::i18n::Texts;
use crate::tui::keymap::{self, Action, Binding, Context};
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

/// One line of hints, as many as fit in `width` columns. The language
/// switch always fits: it is how someone who cannot read the other hints
/// gets to a language they can.
pub fn footer(texts: &Texts, context: Context, width: usize) -> Line<'static> {
    let hint = |binding: &Binding| {
        let key = key_label(texts, binding);
        let what = does(texts, binding);
        let cost = unicode_width::UnicodeWidthStr::width(format!(" {key} {what} ").as_str());
        (
            cost,
            [
                Span::raw(" "),
                Span::styled(key, Theme::key()),
                Span::raw(format!(" {what} ")),
            ],
        )
    };
    let shown: Vec<&Binding> = keymap::bindings(context)
        .into_iter()
        .filter(|b| b.in_footer)
        .collect();
    let (pinned, others): (Vec<&Binding>, Vec<&Binding>) = shown
        .into_iter()
        .partition(|b| b.action == Action::SwitchLanguage);
    let mut budget = width.saturating_sub(pinned.iter().map(|b| hint(b).0).sum());
    let mut spans = Vec::new();
    for binding in others {
        let (cost, parts) = hint(binding);
        if cost > budget {
            break;
        }
        budget -= cost;
        spans.extend(parts);
    }
    spans.extend(pinned.into_iter().flat_map(|b| hint(b).1));
    Line::from(spans)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::FormPackage;
    use crate::i18n::{Lang, load_form};

    #[test]
    fn the_language_key_is_always_in_the_footer_at_80_columns() {
        let (_, catalog) = load_form(&FormPackage::bundled()).unwrap();
        let mut texts = Texts::new(Lang::En, catalog);
        for lang in Lang::ALL {
            texts.lang = lang;
            for context in Context::ALL {
                let line = footer(&texts, context, 80).to_string();
                assert!(line.contains("F2"), "{lang:?} {context:?}: {line}");
            }
        }
    }
}
