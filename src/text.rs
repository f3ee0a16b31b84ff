//! Text measured by display width: wrapped at spaces, or cut with an
//! ellipsis. "perché" is six columns, not seven bytes.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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

/// Cuts text to `width` columns, ending with "…" when it had to cut.
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
    out + "…"
}

#[cfg(test)]
mod tests {
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
    fn truncation_counts_columns_not_bytes() {
        assert_eq!(truncate("perché", 6), "perché");
        assert_eq!(truncate("perché sì", 6), "perch…");
        assert_eq!(truncate("Valle d'Aosta", 8), "Valle d…");
    }
}
