//! Text measured by display width: wrapped at spaces, or cut with an
//! ellipsis. "perché" is six columns, not seven bytes.

use std::sync::atomic::{AtomicBool, Ordering};

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

static ASCII: AtomicBool = AtomicBool::new(false);

/// Draw with ASCII only (`--ascii`, or a locale that is not UTF-8): set
/// once at start, read by everything that draws marks, bars and borders.
pub fn use_ascii(on: bool) {
    ASCII.store(on, Ordering::Relaxed);
}

pub fn ascii() -> bool {
    ASCII.load(Ordering::Relaxed)
}

/// Whether the locale (LC_ALL, LC_CTYPE, LANG: the first one set) is not
/// UTF-8. With none set, UTF-8 is assumed, as terminals are today.
pub fn locale_is_not_utf8(var: impl Fn(&str) -> Option<String>) -> bool {
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .into_iter()
        .find_map(|name| var(name).filter(|v| !v.is_empty()));
    locale.is_some_and(|l| {
        let l = l.to_ascii_lowercase();
        !(l.contains("utf-8") || l.contains("utf8"))
    })
}

/// Whether the locale names a Latin-1 character set (ISO 8859-1 or -15):
/// such a terminal sends "é" as one byte. Any other locale, "C" included,
/// is read as UTF-8, which is what terminals send today.
pub fn locale_is_latin1(var: impl Fn(&str) -> Option<String>) -> bool {
    let locale = ["LC_ALL", "LC_CTYPE", "LANG"]
        .into_iter()
        .find_map(|name| var(name).filter(|v| !v.is_empty()));
    locale.is_some_and(|l| {
        let l = l.to_ascii_lowercase().replace(['-', '_'], "");
        l.contains("iso88591") || l.contains("latin1") || l.contains("latin9")
    })
}

/// Text from data (answers, file names, a server's words) made safe to
/// print to a terminal: control characters, which could move the cursor,
/// retitle the window or hide text, are shown in caret notation (`^[`), and
/// bidirectional overrides by their code point. Line breaks and tabs stay.
pub fn printable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            _ if !is_unsafe(c) => out.push(c),
            '\u{0}'..='\u{1f}' => {
                out.push('^');
                out.push(char::from(c as u8 + b'@'));
            }
            '\u{7f}' => out.push_str("^?"),
            _ => out.push_str(&format!("<U+{:04X}>", c as u32)),
        }
    }
    out
}

/// JSON made safe to print: the characters [`printable`] would change are
/// written as `\uXXXX` escapes, which read back as the same value (they
/// can only stand inside strings, and serde_json already escapes C0).
pub fn printable_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if is_unsafe(c) {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// The text with its first letter upper-case, to stand as a sentence of
/// its own ("troppi codici…" after "campo: " reads "Troppi codici…" alone).
pub fn sentence_case(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Whether `text` holds a character that must not reach a terminal as it is.
pub fn has_control(text: &str) -> bool {
    text.chars().any(is_unsafe)
}

fn is_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// How well `text` matches what was typed (both in lower case): 0 when it
/// starts with it, 1 when one of its words does, 2 when it only contains
/// it, `None` when it does not. "ven": Veneto 0, Friuli Venezia Giulia 1.
pub fn match_rank(text: &str, typed: &str) -> Option<u8> {
    if text.starts_with(typed) {
        Some(0)
    } else if text
        .split(|c: char| !c.is_alphanumeric())
        .any(|word| word.starts_with(typed))
    {
        Some(1)
    } else if text.contains(typed) {
        Some(2)
    } else {
        None
    }
}

/// Breaks text at spaces into rows of at most `width` columns, cutting
/// words longer than a row.
pub fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let mut rows = vec![String::new()];
    for word in text.split(' ') {
        let row = rows.last_mut().expect("at least one row");
        let joined = if row.is_empty() {
            word.width()
        } else {
            row.width() + 1 + word.width()
        };
        if joined <= width {
            if !row.is_empty() {
                row.push(' ');
            }
            row.push_str(word);
            continue;
        }
        if !row.is_empty() {
            rows.push(String::new());
        }
        for c in word.chars() {
            if rows
                .last()
                .is_some_and(|r| r.width() + c.width().unwrap_or(0) > width)
            {
                rows.push(String::new());
            }
            rows.last_mut().expect("at least one row").push(c);
        }
    }
    rows
}

/// Cuts text after the last whole word that fits in `width` columns, with
/// "…" after it (a title cut mid-word reads as a mistake); a first word
/// too long for the width is cut as [`truncate`] cuts.
pub fn truncate_at_word(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let ellipsis = ellipsis();
    let mut kept = String::new();
    for word in text.split_whitespace() {
        let longer = if kept.is_empty() {
            word.to_string()
        } else {
            format!("{kept} {word}")
        };
        if longer.width() + ellipsis.width() > width {
            break;
        }
        kept = longer;
    }
    if kept.is_empty() {
        return truncate(text, width);
    }
    let kept = kept.trim_end_matches([',', ';', ':']);
    format!("{kept}{ellipsis}")
}

/// Cuts text to `width` columns, ending with "…" (or "~" in ASCII) when it
/// had to cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out + ellipsis()
}

fn ellipsis() -> &'static str {
    if ascii() { "~" } else { "…" }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_title_is_cut_after_a_whole_word() {
        let title = "Supporto tra pari e co-produzione nei Dipartimenti di Salute Mentale";
        assert_eq!(
            super::truncate_at_word(title, 52),
            "Supporto tra pari e co-produzione nei Dipartimenti…"
        );
        assert_eq!(super::truncate_at_word(title, 200), title);
        assert_eq!(super::truncate_at_word("Supercalifragilistic", 6), "Super…");
    }

    #[test]
    fn a_name_that_starts_with_what_was_typed_ranks_first() {
        use super::match_rank;
        assert_eq!(match_rank("veneto", "ven"), Some(0));
        assert_eq!(match_rank("friuli venezia giulia", "ven"), Some(1));
        assert_eq!(match_rank("provincia autonoma di trento", "ento"), Some(2));
        assert_eq!(match_rank("lazio", "ven"), None);
    }

    #[test]
    fn printable_text_carries_no_terminal_control() {
        let hostile = "a\u{1b}]0;OWNED\u{7}\u{1b}[2J\rb\u{202e}c\nd\te\u{9b}";
        let shown = super::printable(hostile);
        assert_eq!(shown, "a^[]0;OWNED^G^[[2J^Mb<U+202E>c\nd\te<U+009B>");
        assert!(!super::has_control(&shown));
        assert!(super::has_control(hostile));
        assert_eq!(super::printable("perché"), "perché");
        let json = serde_json::to_string(hostile).unwrap();
        let safe = super::printable_json(&json);
        assert!(!super::has_control(&safe));
        assert_eq!(serde_json::from_str::<String>(&safe).unwrap(), hostile);
    }

    use super::*;

    #[test]
    fn words_wrap_at_spaces_and_long_words_are_cut() {
        assert_eq!(
            wrap_words("Valle d'Aosta perché sì", 10),
            ["Valle", "d'Aosta", "perché sì"]
        );
        assert_eq!(wrap_words("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap_words("", 4), [""]);
    }

    #[test]
    fn a_locale_without_utf8_asks_for_ascii() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert!(!locale_is_not_utf8(env(&[("LANG", "it_IT.UTF-8")])));
        assert!(!locale_is_not_utf8(env(&[("LC_ALL", "en_US.utf8")])));
        assert!(locale_is_not_utf8(env(&[("LANG", "it_IT.ISO-8859-1")])));
        assert!(locale_is_not_utf8(env(&[
            ("LC_ALL", "C"),
            ("LANG", "it_IT.UTF-8")
        ])));
        assert!(!locale_is_not_utf8(env(&[])));
    }

    #[test]
    fn truncation_counts_columns_not_bytes() {
        assert_eq!(truncate("perché", 6), "perché");
        assert_eq!(truncate("perché sì", 6), "perch…");
        assert_eq!(truncate("Valle d'Aosta", 8), "Valle d…");
    }
}
