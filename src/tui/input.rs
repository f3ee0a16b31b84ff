//! Bytes from the terminal turned into key and paste events. campo reads
//! the terminal itself rather than through crossterm's reader, which drops
//! the letter after a byte that is not UTF-8 (a Latin-1 terminal's "é"),
//! leaves the tail of a burst over 1 KiB unread until the next key, and
//! takes the ESC of an arrow key split by a slow link for the Esc key.
//!
//! The decoder is pure: bytes in, events out. The caller waits
//! [`ESC_WAIT`] for the rest of a sequence before calling
//! [`Decoder::flush`], as terminals and editors do (vim's `ttimeoutlen`).

use std::collections::VecDeque;
use std::time::Duration;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

/// How long a lone ESC (or an unfinished sequence) waits for the bytes that
/// would complete it before it counts as the Esc key.
pub const ESC_WAIT: Duration = Duration::from_millis(150);

/// The longest escape sequence campo expects; a longer one is noise.
const MAX_SEQUENCE: usize = 64;

const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

/// What the terminal sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Event(Event),
    /// A byte that is not UTF-8 in a UTF-8 terminal: refused, and said.
    NotUtf8,
}

#[derive(Debug, Default)]
pub struct Decoder {
    pending: Vec<u8>,
    /// Inside a bracketed paste: the text so far.
    paste: Option<Vec<u8>>,
    /// The terminal speaks Latin-1 (its locale is not UTF-8).
    latin1: bool,
    out: VecDeque<Input>,
}

/// One step of parsing.
enum Parsed {
    Input(Input, usize),
    /// Bytes with no meaning for campo (an unknown sequence): consumed.
    Skip(usize),
    PasteStart(usize),
    /// More bytes are needed to tell.
    Incomplete,
}

impl Decoder {
    pub fn new(latin1: bool) -> Decoder {
        Decoder {
            latin1,
            ..Decoder::default()
        }
    }

    /// Takes bytes as they came; complete events are ready at once.
    pub fn feed(&mut self, bytes: &[u8]) {
        self.pending.extend_from_slice(bytes);
        self.parse(false);
    }

    /// Whether bytes wait for the rest of a sequence (see [`ESC_WAIT`]).
    pub fn waiting(&self) -> bool {
        !self.pending.is_empty()
    }

    /// No more bytes came in time: what is pending stands as it is (a lone
    /// ESC is the Esc key).
    pub fn flush(&mut self) {
        self.parse(true);
    }

    pub fn take(&mut self) -> Option<Input> {
        self.out.pop_front()
    }

    fn parse(&mut self, last: bool) {
        loop {
            if self.paste.is_some() {
                if !self.take_paste() {
                    return;
                }
                continue;
            }
            if self.pending.is_empty() {
                return;
            }
            match self.parse_one(last) {
                Parsed::Input(input, used) => {
                    self.out.push_back(input);
                    self.pending.drain(..used);
                }
                Parsed::Skip(used) => {
                    self.pending.drain(..used);
                }
                Parsed::PasteStart(used) => {
                    self.pending.drain(..used);
                    self.paste = Some(Vec::new());
                }
                Parsed::Incomplete => return,
            }
        }
    }

    /// Moves pasted bytes out of `pending`; true when the paste ended.
    fn take_paste(&mut self) -> bool {
        let paste = self.paste.as_mut().expect("in a paste");
        if let Some(end) = find(&self.pending, PASTE_END) {
            paste.extend_from_slice(&self.pending[..end]);
            self.pending.drain(..end + PASTE_END.len());
            let bytes = self.paste.take().expect("in a paste");
            let text = self.text_of(&bytes);
            self.out.push_back(Input::Event(Event::Paste(text)));
            return true;
        }
        // Keep what could be the start of the end marker.
        let keep = (1..PASTE_END.len())
            .rev()
            .find(|&n| self.pending.ends_with(&PASTE_END[..n]))
            .unwrap_or(0);
        let take = self.pending.len() - keep;
        paste.extend(self.pending.drain(..take));
        false
    }

    fn text_of(&self, bytes: &[u8]) -> String {
        if self.latin1 {
            bytes.iter().map(|&b| char::from(b)).collect()
        } else {
            String::from_utf8_lossy(bytes).into_owned()
        }
    }

    fn parse_one(&self, last: bool) -> Parsed {
        let buf = &self.pending;
        match buf[0] {
            0x1b => self.escape(last),
            b'\r' | b'\n' => key(KeyCode::Enter, KeyModifiers::NONE, 1),
            b'\t' => key(KeyCode::Tab, KeyModifiers::NONE, 1),
            0x7f | 0x08 => key(KeyCode::Backspace, KeyModifiers::NONE, 1),
            0x00 => key(KeyCode::Char(' '), KeyModifiers::CONTROL, 1),
            b @ 0x01..=0x1a => key(
                KeyCode::Char(char::from(b - 1 + b'a')),
                KeyModifiers::CONTROL,
                1,
            ),
            b @ 0x1c..=0x1f => key(
                KeyCode::Char(char::from(b - 0x1c + b'4')),
                KeyModifiers::CONTROL,
                1,
            ),
            _ => match self.character(buf, last) {
                Some((Some(c), used)) => key(KeyCode::Char(c), KeyModifiers::NONE, used),
                Some((None, used)) => Parsed::Input(Input::NotUtf8, used),
                None => Parsed::Incomplete,
            },
        }
    }

    /// One character at the start of `buf`: `Some((None, n))` for a byte
    /// that is not UTF-8 (only that byte is consumed: the next letter is
    /// kept), `None` while a UTF-8 sequence is still arriving.
    fn character(&self, buf: &[u8], last: bool) -> Option<(Option<char>, usize)> {
        let lead = buf[0];
        if lead < 0x80 {
            return Some((Some(char::from(lead)), 1));
        }
        if self.latin1 {
            return Some((Some(char::from(lead)), 1));
        }
        let width = match lead {
            0xc2..=0xdf => 2,
            0xe0..=0xef => 3,
            0xf0..=0xf4 => 4,
            _ => return Some((None, 1)),
        };
        let available = buf.len().min(width);
        if buf[1..available].iter().any(|b| b & 0xc0 != 0x80) {
            return Some((None, 1));
        }
        if available < width {
            return if last { Some((None, 1)) } else { None };
        }
        match std::str::from_utf8(&buf[..width]) {
            Ok(s) => Some((s.chars().next(), width)),
            Err(_) => Some((None, 1)),
        }
    }

    fn escape(&self, last: bool) -> Parsed {
        let buf = &self.pending;
        let Some(&second) = buf.get(1) else {
            return if last {
                key(KeyCode::Esc, KeyModifiers::NONE, 1)
            } else {
                Parsed::Incomplete
            };
        };
        let parsed = match second {
            b'[' => csi(buf),
            b'O' => ss3(buf),
            0x1b => key(KeyCode::Esc, KeyModifiers::NONE, 1),
            _ => match self.character(&buf[1..], last) {
                Some((Some(c), used)) if !c.is_control() => {
                    key(KeyCode::Char(c), KeyModifiers::ALT, used + 1)
                }
                // ESC before a control byte: the Esc key, then that byte.
                Some(_) => key(KeyCode::Esc, KeyModifiers::NONE, 1),
                None => Parsed::Incomplete,
            },
        };
        match parsed {
            // The rest never came: the Esc key, and the bytes after it
            // stand for themselves.
            Parsed::Incomplete if last || buf.len() > MAX_SEQUENCE => {
                key(KeyCode::Esc, KeyModifiers::NONE, 1)
            }
            parsed => parsed,
        }
    }
}

fn key(code: KeyCode, modifiers: KeyModifiers, used: usize) -> Parsed {
    Parsed::Input(
        Input::Event(Event::Key(KeyEvent::new(code, modifiers))),
        used,
    )
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// `ESC [ params final`: cursor keys, Home/End, PgUp/PgDn, Delete, F-keys,
/// Shift-Tab, and the start of a bracketed paste.
fn csi(buf: &[u8]) -> Parsed {
    // The Linux console's F1–F5: ESC [ [ A … E.
    if buf.get(2) == Some(&b'[') {
        return match buf.get(3) {
            Some(&c @ b'A'..=b'E') => key(KeyCode::F(c - b'A' + 1), KeyModifiers::NONE, 4),
            Some(_) => Parsed::Skip(4),
            None => Parsed::Incomplete,
        };
    }
    let Some(end) = buf[2..].iter().position(|b| (0x40..=0x7e).contains(b)) else {
        return Parsed::Incomplete;
    };
    let end = end + 2;
    let used = end + 1;
    if buf.starts_with(PASTE_START) {
        return Parsed::PasteStart(PASTE_START.len());
    }
    let params: Vec<u16> = std::str::from_utf8(&buf[2..end])
        .unwrap_or("")
        .split(';')
        .map(|p| p.parse().unwrap_or(0))
        .collect();
    let modifiers = modifiers_of(params.get(1).copied().unwrap_or(1));
    let code = match (buf[end], params[0]) {
        (b'A', _) => KeyCode::Up,
        (b'B', _) => KeyCode::Down,
        (b'C', _) => KeyCode::Right,
        (b'D', _) => KeyCode::Left,
        (b'H', _) => KeyCode::Home,
        (b'F', _) => KeyCode::End,
        (b'Z', _) => return key(KeyCode::BackTab, KeyModifiers::SHIFT, used),
        (c @ b'P'..=b'S', _) => KeyCode::F(c - b'P' + 1),
        (b'~', 1 | 7) => KeyCode::Home,
        (b'~', 2) => KeyCode::Insert,
        (b'~', 3) => KeyCode::Delete,
        (b'~', 4 | 8) => KeyCode::End,
        (b'~', 5) => KeyCode::PageUp,
        (b'~', 6) => KeyCode::PageDown,
        (b'~', n @ 11..=15) => KeyCode::F((n - 10) as u8),
        (b'~', n @ 17..=21) => KeyCode::F((n - 11) as u8),
        (b'~', n @ 23..=24) => KeyCode::F((n - 12) as u8),
        _ => return Parsed::Skip(used),
    };
    key(code, modifiers, used)
}

/// `ESC O x`: cursor keys in application mode, and F1–F4.
fn ss3(buf: &[u8]) -> Parsed {
    let Some(&c) = buf.get(2) else {
        return Parsed::Incomplete;
    };
    let code = match c {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'M' => KeyCode::Enter,
        b'P'..=b'S' => KeyCode::F(c - b'P' + 1),
        _ => return Parsed::Skip(3),
    };
    key(code, KeyModifiers::NONE, 3)
}

/// xterm's modifier parameter: 1 + (shift 1, alt 2, ctrl 4).
fn modifiers_of(parameter: u16) -> KeyModifiers {
    let bits = parameter.saturating_sub(1);
    let mut modifiers = KeyModifiers::NONE;
    if bits & 1 != 0 {
        modifiers |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        modifiers |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        modifiers |= KeyModifiers::CONTROL;
    }
    modifiers
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(latin1: bool, chunks: &[&[u8]]) -> Vec<Input> {
        let mut decoder = Decoder::new(latin1);
        let mut out = Vec::new();
        for chunk in chunks {
            decoder.feed(chunk);
            while let Some(input) = decoder.take() {
                out.push(input);
            }
        }
        decoder.flush();
        while let Some(input) = decoder.take() {
            out.push(input);
        }
        out
    }

    fn keys(inputs: &[Input]) -> Vec<KeyCode> {
        inputs
            .iter()
            .filter_map(|i| match i {
                Input::Event(Event::Key(k)) => Some(k.code),
                _ => None,
            })
            .collect()
    }

    fn chars(inputs: &[Input]) -> String {
        keys(inputs)
            .into_iter()
            .filter_map(|k| match k {
                KeyCode::Char(c) => Some(c),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn latin1_accents_are_kept_and_the_next_letter_too() {
        let inputs = decode(true, &[b"perch\xe9abc"]);
        assert_eq!(chars(&inputs), "perchéabc");
    }

    #[test]
    fn a_byte_that_is_not_utf8_is_refused_alone() {
        let inputs = decode(false, &[b"perch\xe9abc"]);
        assert_eq!(chars(&inputs), "perchabc");
        assert_eq!(inputs.iter().filter(|i| **i == Input::NotUtf8).count(), 1);
    }

    #[test]
    fn utf8_split_across_reads_is_one_letter() {
        let inputs = decode(false, &[b"perch\xc3", b"\xa9"]);
        assert_eq!(chars(&inputs), "perché");
    }

    #[test]
    fn an_arrow_split_by_a_slow_link_is_still_an_arrow() {
        let mut decoder = Decoder::new(false);
        decoder.feed(b"\x1b");
        assert!(decoder.take().is_none(), "a lone ESC waits for more");
        assert!(decoder.waiting());
        decoder.feed(b"[B");
        assert_eq!(
            decoder.take(),
            Some(Input::Event(Event::Key(KeyEvent::new(
                KeyCode::Down,
                KeyModifiers::NONE
            ))))
        );
        assert!(!decoder.waiting());
    }

    #[test]
    fn a_lone_esc_is_the_esc_key_once_nothing_follows() {
        assert_eq!(keys(&decode(false, &[b"\x1b"])), [KeyCode::Esc]);
        assert_eq!(
            keys(&decode(false, &[b"\x1b\x1b[A"])),
            [KeyCode::Esc, KeyCode::Up]
        );
    }

    #[test]
    fn the_keys_campo_uses_are_recognised() {
        let inputs = decode(
            false,
            &[b"\x1b[A\x1bOB\x1b[5~\x1b[6~\x1b[Z\x1bOQ\x1b[12~\x1b[[A\x1b[3~\r\t\x7f\x03"],
        );
        assert_eq!(
            keys(&inputs),
            [
                KeyCode::Up,
                KeyCode::Down,
                KeyCode::PageUp,
                KeyCode::PageDown,
                KeyCode::BackTab,
                KeyCode::F(2),
                KeyCode::F(2),
                KeyCode::F(1),
                KeyCode::Delete,
                KeyCode::Enter,
                KeyCode::Tab,
                KeyCode::Backspace,
                KeyCode::Char('c'),
            ]
        );
        let Input::Event(Event::Key(ctrl_c)) = &inputs[12] else {
            panic!()
        };
        assert_eq!(ctrl_c.modifiers, KeyModifiers::CONTROL);
    }

    #[test]
    fn a_burst_longer_than_any_buffer_is_read_whole() {
        let burst = "x".repeat(5000);
        assert_eq!(chars(&decode(false, &[burst.as_bytes()])), burst);
    }

    #[test]
    fn a_bracketed_paste_is_one_event_even_split_anywhere() {
        let text = "uno\r\ndue \u{e8}";
        let whole = [PASTE_START, text.as_bytes(), PASTE_END, b"z"].concat();
        for cut in 0..whole.len() {
            let inputs = decode(false, &[&whole[..cut], &whole[cut..]]);
            assert_eq!(
                inputs[0],
                Input::Event(Event::Paste(text.into())),
                "cut at {cut}"
            );
            assert_eq!(chars(&inputs[1..]), "z");
        }
    }
}
