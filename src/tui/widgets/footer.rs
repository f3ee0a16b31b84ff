//! The key hints at the bottom, built from the keymap of the current
//! context so that they always match the keys handled.

use ratatui::text::{Line, Span};

use crate::i18n::Texts;
use crate::tui::keymap::{self, Action, Binding, Context};
use crate::tui::theme::Theme;

/// The keys of a binding, named in this language.
pub fn key_label(texts: &Texts, binding: &Binding) -> String {
    binding.label(texts)
}

/// What a binding does; the language switch names the language it goes to.
pub fn does(texts: &Texts, binding: &Binding) -> String {
    texts.t(binding.does)
}

/// The key hints: one line if they fit in `width` columns, else two. The
/// language switch always shows, at the end: it is how someone who cannot
/// read the other hints gets to a language they can.
pub fn footer(texts: &Texts, context: Context, width: usize) -> Vec<Line<'static>> {
    let hint = |binding: &Binding| {
        let key = key_label(texts, binding);
        let what = does(texts, binding);
        let cost = unicode_width::UnicodeWidthStr::width(format!(" {key} {what} ").as_str());
        let spans = [
            Span::raw(" "),
            Span::styled(key, Theme::key()),
            Span::raw(format!(" {what} ")),
        ];
        (cost, spans)
    };
    let shown: Vec<&Binding> = keymap::bindings(context)
        .into_iter()
        .filter(|b| b.in_footer)
        .collect();
    let (pinned, others): (Vec<&Binding>, Vec<&Binding>) = shown
        .into_iter()
        .partition(|b| b.action == Action::SwitchLanguage);
    let pinned_cost: usize = pinned.iter().map(|b| hint(b).0).sum();
    let mut lines: Vec<(usize, Vec<Span<'static>>)> = vec![(0, Vec::new())];
    for binding in others {
        let (cost, parts) = hint(binding);
        let (used, _) = lines.last().expect("at least one line");
        if used + cost > width {
            if lines.len() == 2 {
                break;
            }
            lines.push((0, Vec::new()));
        }
        let (used, spans) = lines.last_mut().expect("at least one line");
        *used += cost;
        spans.extend(parts);
    }
    if lines
        .last()
        .is_some_and(|(used, _)| used + pinned_cost > width)
        && lines.len() < 2
    {
        lines.push((0, Vec::new()));
    }
    let last = lines.last_mut().expect("at least one line");
    last.1.extend(pinned.into_iter().flat_map(|b| hint(b).1));
    lines
        .into_iter()
        .map(|(_, spans)| Line::from(spans))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, load_form};
    use crate::package::FormPackage;

    #[test]
    fn the_language_key_is_always_in_the_footer_within_80_columns() {
        let (_, catalog) = load_form(&FormPackage::bundled()).unwrap();
        let mut texts = Texts::new(Lang::En, catalog);
        for lang in Lang::ALL {
            texts.lang = lang;
            for context in Context::ALL {
                let lines = footer(&texts, context, 80);
                let text: Vec<String> = lines.iter().map(ToString::to_string).collect();
                assert!(
                    text.last().unwrap().contains("F2"),
                    "{lang:?} {context:?}: {text:?}"
                );
                assert!(
                    lines.iter().all(|l| l.width() <= 80),
                    "{lang:?} {context:?}: {text:?}"
                );
            }
        }
    }
}
