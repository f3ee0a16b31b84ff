//! A text field that edits by characters, not bytes, so accented letters and
//! apostrophes ("perché", "Valle d'Aosta") behave, and that wraps long text
//! by display width with the cursor placed where the letter is.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthChar;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextEditor {
    chars: Vec<char>,
    /// Position of the cursor, in characters from the start.
    cursor: usize,
    multiline: bool,
    /// The most characters the field takes (the form's `max_length`).
    max_chars: Option<usize>,
}

/// What a key did to the field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    /// The text changed.
    Changed,
    /// Only the cursor moved.
    Moved,
    /// The field is full: the character was not taken.
    Full { max: usize },
    /// Not an editing key: someone else's to handle.
    NotMine,
}

/// Wrapped text ready to draw, with the cursor's row and column.
pub struct Wrapped {
    pub lines: Vec<String>,
    pub cursor: (usize, usize),
}

impl TextEditor {
    pub fn new(text: &str, multiline: bool) -> TextEditor {
        let chars: Vec<char> = text.chars().collect();
        TextEditor {
            cursor: chars.len(),
            chars,
            multiline,
            max_chars: None,
        }
    }

    /// A field that takes at most `max` characters.
    pub fn with_limit(mut self, max: Option<usize>) -> TextEditor {
        self.max_chars = max;
        self
    }

    pub fn is_multiline(&self) -> bool {
        self.multiline
    }

    pub fn text(&self) -> String {
        self.chars.iter().collect()
    }

    pub fn handle(&mut self, key: &KeyEvent) -> Edit {
        if key
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return self.handle_control(key);
        }
        match key.code {
            KeyCode::Char(c) => self.insert(c),
            KeyCode::Enter if self.multiline => self.insert('\n'),
            // By letters as people see them: "è" typed as e and a combining
            // accent is one letter to move over and to erase.
            KeyCode::Backspace if self.cursor > 0 => {
                let start = self.letter_before(self.cursor);
                self.chars.drain(start..self.cursor);
                self.cursor = start;
                Edit::Changed
            }
            KeyCode::Delete if self.cursor < self.chars.len() => {
                let end = self.letter_after(self.cursor);
                self.chars.drain(self.cursor..end);
                Edit::Changed
            }
            KeyCode::Backspace | KeyCode::Delete => Edit::Moved,
            KeyCode::Left => self.move_to(self.letter_before(self.cursor)),
            KeyCode::Right => self.move_to(self.letter_after(self.cursor)),
            KeyCode::Home => self.move_to(self.line_start(self.cursor)),
            KeyCode::End => self.move_to(self.line_end(self.cursor)),
            KeyCode::Up if self.multiline && self.line_start(self.cursor) > 0 => {
                let column = self.cursor - self.line_start(self.cursor);
                let previous_start = self.line_start(self.line_start(self.cursor) - 1);
                self.move_to((previous_start + column).min(self.line_start(self.cursor) - 1))
            }
            KeyCode::Down if self.multiline && self.line_end(self.cursor) < self.chars.len() => {
                let column = self.cursor - self.line_start(self.cursor);
                let next_start = self.line_end(self.cursor) + 1;
                self.move_to((next_start + column).min(self.line_end(next_start)))
            }
            _ => Edit::NotMine,
        }
    }

    /// The few control keys of every shell line: start, end, erase.
    fn handle_control(&mut self, key: &KeyEvent) -> Edit {
        match key.code {
            KeyCode::Char('a') => self.move_to(self.line_start(self.cursor)),
            KeyCode::Char('e') => self.move_to(self.line_end(self.cursor)),
            KeyCode::Char('u') => {
                let start = self.line_start(self.cursor);
                self.chars.drain(start..self.cursor);
                self.cursor = start;
                Edit::Changed
            }
            _ => Edit::NotMine,
        }
    }

    fn insert(&mut self, c: char) -> Edit {
        if let Some(max) = self.max_chars
            && self.chars.len() >= max
        {
            return Edit::Full { max };
        }
        self.chars.insert(self.cursor, self.fitting(c));
        self.cursor += 1;
        Edit::Changed
    }

    /// Pasted text may bring newlines and tabs: flattened in one-line fields.
    fn fitting(&self, c: char) -> char {
        if !self.multiline && c.is_whitespace() {
            ' '
        } else {
            c
        }
    }

    /// Inserts pasted text as one change: line ends made `\n`, control
    /// characters left out, and no more than the field takes. Returns how
    /// many characters were left out.
    pub fn paste(&mut self, text: &str) -> usize {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        let room = self
            .max_chars
            .map_or(usize::MAX, |max| max.saturating_sub(self.chars.len()));
        let wanted: Vec<char> = text
            .chars()
            .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
            .map(|c| self.fitting(c))
            .collect();
        let taken = wanted.len().min(room);
        self.chars
            .splice(self.cursor..self.cursor, wanted[..taken].iter().copied());
        self.cursor += taken;
        text.chars().count() - taken
    }

    /// Where the letter (grapheme cluster) before `at` starts.
    fn letter_before(&self, at: usize) -> usize {
        let before: String = self.chars[..at].iter().collect();
        let last = before
            .graphemes(true)
            .next_back()
            .map_or(0, |g| g.chars().count());
        at - last
    }

    /// Where the letter (grapheme cluster) that starts at `at` ends.
    fn letter_after(&self, at: usize) -> usize {
        let after: String = self.chars[at..].iter().collect();
        let first = after
            .graphemes(true)
            .next()
            .map_or(0, |g| g.chars().count());
        at + first
    }

    fn move_to(&mut self, position: usize) -> Edit {
        self.cursor = position;
        Edit::Moved
    }

    fn line_start(&self, from: usize) -> usize {
        self.chars[..from]
            .iter()
            .rposition(|&c| c == '\n')
            .map_or(0, |i| i + 1)
    }

    fn line_end(&self, from: usize) -> usize {
        self.chars[from..]
            .iter()
            .position(|&c| c == '\n')
            .map_or(self.chars.len(), |i| from + i)
    }

    /// Breaks the text into rows of at most `width` columns, between
    /// words where it can (a word longer than a row is cut): never
    /// "Forl|ì", and no row starts with the space it broke at.
    pub fn wrap(&self, width: usize) -> Wrapped {
        let width = width.max(2);
        let mut lines = Vec::new();
        let mut cursor = (0, 0);
        let mut base = 0;
        for line in self.chars.split(|&c| c == '\n') {
            let rows = rows_of(line, width);
            let last = rows.len() - 1;
            for (k, (start, end)) in rows.into_iter().enumerate() {
                let (start, end) = (base + start, base + end);
                let here = self.cursor >= start
                    && (self.cursor < end || (self.cursor == end && k == last));
                if here {
                    let column: usize = self.chars[start..self.cursor]
                        .iter()
                        .map(|c| c.width().unwrap_or(0))
                        .sum();
                    cursor = (lines.len(), column.min(width));
                }
                lines.push(self.chars[start..end].iter().collect::<String>());
            }
            base += line.len() + 1;
        }
        // The cursor after the last letter of a full row goes to the next row.
        if self.cursor == self.chars.len() && cursor.1 >= width {
            cursor = (lines.len(), 0);
            lines.push(String::new());
        }
        Wrapped { lines, cursor }
    }
}

/// The rows of one line (no line breaks in it), as ranges of characters.
/// Spaces never start a row: they end the one before, even past its edge.
fn rows_of(line: &[char], width: usize) -> Vec<(usize, usize)> {
    let mut rows = Vec::new();
    let (mut start, mut used, mut after_space) = (0, 0, None);
    let mut i = 0;
    while i < line.len() {
        let w = line[i].width().unwrap_or(0);
        if line[i] == ' ' {
            used += w;
            i += 1;
            after_space = Some(i);
            continue;
        }
        if used + w > width && i > start {
            let end = after_space.filter(|&s| s > start).unwrap_or(i);
            rows.push((start, end));
            start = end;
            used = line[start..i].iter().map(|c| c.width().unwrap_or(0)).sum();
            after_space = None;
            continue;
        }
        used += w;
        i += 1;
    }
    rows.push((start, line.len()));
    rows
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_full_field_refuses_more_and_a_paste_stops_at_the_limit() {
        let mut editor = super::TextEditor::new("abc", false).with_limit(Some(5));
        assert_eq!(editor.paste("de\r\nfgh"), 4, "four left out");
        assert_eq!(editor.text(), "abcde");
        let key = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char('x'));
        assert_eq!(editor.handle(&key), super::Edit::Full { max: 5 });
        assert_eq!(editor.text(), "abcde");
    }

    #[test]
    fn a_paste_keeps_line_breaks_in_a_multiline_field_and_drops_controls() {
        let mut editor = super::TextEditor::new("", true);
        assert_eq!(editor.paste("uno\r\ndue\u{1b}[2J\rtre"), 1);
        assert_eq!(editor.text(), "uno\ndue[2J\ntre");
    }

    use super::*;

    fn press(editor: &mut TextEditor, code: KeyCode) -> Edit {
        editor.handle(&KeyEvent::new(code, KeyModifiers::NONE))
    }

    fn type_text(editor: &mut TextEditor, text: &str) {
        for c in text.chars() {
            press(editor, KeyCode::Char(c));
        }
    }

    #[test]
    fn accents_and_apostrophes_edit_as_single_letters() {
        let mut editor = TextEditor::new("", false);
        type_text(&mut editor, "Valle d'Aosta perché");
        press(&mut editor, KeyCode::Backspace);
        press(&mut editor, KeyCode::Left);
        press(&mut editor, KeyCode::Left);
        type_text(&mut editor, "è");
        assert_eq!(editor.text(), "Valle d'Aosta perèch");
        press(&mut editor, KeyCode::Home);
        press(&mut editor, KeyCode::Delete);
        assert_eq!(editor.text(), "alle d'Aosta perèch");
        assert_eq!(press(&mut editor, KeyCode::Tab), Edit::NotMine);
    }

    #[test]
    fn enter_is_a_new_line_only_in_multiline_fields() {
        let mut one = TextEditor::new("a", false);
        assert_eq!(press(&mut one, KeyCode::Enter), Edit::NotMine);
        let mut many = TextEditor::new("a", true);
        assert_eq!(press(&mut many, KeyCode::Enter), Edit::Changed);
        type_text(&mut many, "bc");
        press(&mut many, KeyCode::Up);
        type_text(&mut many, "X");
        assert_eq!(many.text(), "aX\nbc");
        press(&mut many, KeyCode::Down);
        type_text(&mut many, "Y");
        assert_eq!(many.text(), "aX\nbcY");
    }

    #[test]
    fn one_line_fields_flatten_pasted_newlines() {
        let mut one = TextEditor::new("", false);
        type_text(&mut one, "a\nb");
        assert_eq!(one.text(), "a b");
    }

    #[test]
    fn wrapping_places_the_cursor_by_display_width() {
        let mut editor = TextEditor::new("perché no", false);
        let wrapped = editor.wrap(6);
        assert_eq!(wrapped.lines, ["perché ", "no"]);
        assert_eq!(wrapped.cursor, (1, 2));
        press(&mut editor, KeyCode::Home);
        press(&mut editor, KeyCode::Right);
        assert_eq!(editor.wrap(6).cursor, (0, 1));
        let full = TextEditor::new("abcdef", false);
        assert_eq!(full.wrap(6).cursor, (1, 0));
        let lines = TextEditor::new("ab\ncd", true);
        assert_eq!(lines.wrap(10).lines, ["ab", "cd"]);
    }

    #[test]
    fn text_wraps_between_words_and_no_row_starts_with_a_space() {
        let editor = TextEditor::new("DSM-DP Forlì-Cesena, AUSL di Bologna", false);
        let rows = editor.wrap(14).lines;
        assert_eq!(rows, ["DSM-DP ", "Forlì-Cesena, ", "AUSL di ", "Bologna"]);
        assert!(rows.iter().all(|r| !r.starts_with(' ')));
        // A word longer than a row is cut, as it must be.
        assert_eq!(
            TextEditor::new("Supercalifragilistico", false)
                .wrap(8)
                .lines[0],
            "Supercal"
        );
        // The cursor follows the word to its new row.
        let mut typing = TextEditor::new("", false);
        type_text(&mut typing, "uno due");
        assert_eq!(typing.wrap(5).cursor, (1, 3));
    }

    #[test]
    fn a_letter_with_a_combining_accent_is_one_letter() {
        let mut editor = TextEditor::new("perche\u{301}x", false);
        press(&mut editor, KeyCode::Left);
        press(&mut editor, KeyCode::Left);
        press(&mut editor, KeyCode::Delete);
        assert_eq!(editor.text(), "perchx");
        let mut editor = TextEditor::new("cafe\u{301}", false);
        press(&mut editor, KeyCode::Backspace);
        assert_eq!(editor.text(), "caf");
    }

    #[test]
    fn ctrl_u_erases_to_the_start_of_the_line() {
        let mut editor = TextEditor::new("one two", false);
        editor.handle(&KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL));
        assert_eq!(editor.text(), "");
    }
}
