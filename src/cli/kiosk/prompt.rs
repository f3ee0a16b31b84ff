//! The kiosk's code prompt: key by key in a terminal, where F2 switches
//! the language at once, or a line at a time without one.

use std::io::{BufRead, Write};

/// F2 as terminals send it (xterm, the Linux console, PuTTY's ESC[n~).
const F2_KEYS: [&str; 3] = ["\x1bOQ", "\x1b[12~", "\x1b[[B"];

/// What the director gave at the code prompt.
pub(super) enum Typed {
    Text(String),
    SwitchLanguage,
    /// The input ended (Ctrl-D, Ctrl-C, a closed connection).
    Closed,
}

/// A line of input; F2 in it (a client that sends lines) switches.
pub(super) fn read_line(input: &mut dyn BufRead) -> Typed {
    let mut line = Vec::new();
    if input.read_until(b'\n', &mut line).unwrap_or(0) == 0 {
        return Typed::Closed;
    }
    let line = String::from_utf8_lossy(&line).into_owned();
    if F2_KEYS.iter().any(|k| line.contains(k)) {
        Typed::SwitchLanguage
    } else {
        Typed::Text(line)
    }
}

/// Keys one by one in raw mode, echoed as typed: Enter gives the text, F2
/// switches the language at once (the line is started again). The prompt
/// is shown once raw mode is on, so that no key waits in the terminal's
/// line buffer. The bytes are read here rather than through crossterm's
/// events, which leave a long paste unread until the next key.
pub(super) fn read_keys(input: &mut dyn BufRead, out: &mut impl Write, prompt: &str) -> Typed {
    if crossterm::terminal::enable_raw_mode().is_err() {
        return Typed::Closed;
    }
    let _ = write!(out, "{prompt}");
    let _ = out.flush();
    let mut keys = KeyReader::default();
    let typed = 'read: loop {
        let bytes = match input.fill_buf() {
            Ok([]) | Err(_) => break Typed::Closed,
            Ok(bytes) => bytes.to_vec(),
        };
        input.consume(bytes.len());
        for byte in bytes {
            if let Some(typed) = keys.take(byte, out) {
                break 'read typed;
            }
        }
        let _ = out.flush();
    };
    let _ = crossterm::terminal::disable_raw_mode();
    // In raw mode Enter moved nowhere: the next line starts here. After
    // F2 the prompt is written again over the old one.
    let end = match typed {
        Typed::SwitchLanguage => "\r\x1b[2K",
        _ => "\r\n",
    };
    let _ = write!(out, "{end}");
    let _ = out.flush();
    typed
}

/// The longest text kept at the code prompt: a code is 19 characters.
const MOST_TYPED: usize = 64;

/// The code prompt's keys, byte by byte: text, Backspace, Enter, Ctrl-C
/// and Ctrl-D, F2 as terminals send it; any other escape sequence is
/// dropped whole, so that nothing of it is echoed or taken as text.
#[derive(Default)]
struct KeyReader {
    text: Vec<u8>,
    escape: Escape,
}

#[derive(Default, PartialEq)]
enum Escape {
    #[default]
    None,
    /// After ESC.
    Start,
    /// ESC [ and its parameters so far.
    Csi(Vec<u8>),
    /// ESC O (xterm's F1–F4).
    Ss3,
    /// ESC [ [ (the Linux console's F1–F5).
    LinuxFunction,
    /// ESC ] up to BEL or ESC \.
    Osc,
}

impl KeyReader {
    fn take(&mut self, byte: u8, out: &mut impl Write) -> Option<Typed> {
        let escape = std::mem::take(&mut self.escape);
        let f2 = match (escape, byte) {
            (Escape::None, 0x1b) => {
                self.escape = Escape::Start;
                false
            }
            (Escape::None, _) => return self.plain(byte, out),
            (Escape::Start, b'[') => {
                self.escape = Escape::Csi(Vec::new());
                false
            }
            (Escape::Start, b'O') => {
                self.escape = Escape::Ss3;
                false
            }
            (Escape::Start, b']') => {
                self.escape = Escape::Osc;
                false
            }
            (Escape::Start, _) => false,
            (Escape::LinuxFunction, byte) => byte == b'B',
            (Escape::Ss3, byte) => byte == b'Q',
            (Escape::Csi(params), b'[') if params.is_empty() => {
                self.escape = Escape::LinuxFunction;
                false
            }
            (Escape::Csi(params), 0x40..=0x7e) => params == b"12" && byte == b'~',
            (Escape::Csi(mut params), _) => {
                params.push(byte);
                self.escape = Escape::Csi(params);
                false
            }
            (Escape::Osc, 0x07 | 0x1b) => false,
            (Escape::Osc, _) => {
                self.escape = Escape::Osc;
                false
            }
        };
        f2.then_some(Typed::SwitchLanguage)
    }

    /// A byte outside an escape sequence.
    fn plain(&mut self, byte: u8, out: &mut impl Write) -> Option<Typed> {
        match byte {
            b'\r' | b'\n' => {
                let text = String::from_utf8_lossy(&self.text).into_owned();
                return Some(Typed::Text(text));
            }
            0x03 | 0x04 => return Some(Typed::Closed),
            0x7f | 0x08 if !self.text.is_empty() => {
                // A whole character goes: its continuation bytes first.
                while self.text.pop().is_some_and(|b| b & 0xc0 == 0x80) {}
                let _ = write!(out, "\x08 \x08");
            }
            0x00..=0x1f | 0x7f => {}
            _ if self.text.len() < MOST_TYPED => {
                self.text.push(byte);
                let _ = out.write_all(&[byte]);
            }
            _ => {}
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the keys give, and what was echoed.
    fn typed(bytes: &[u8]) -> (Option<String>, String) {
        let mut keys = KeyReader::default();
        let mut echo = Vec::new();
        for &byte in bytes {
            match keys.take(byte, &mut echo) {
                Some(Typed::Text(text)) => return (Some(text), String::from_utf8(echo).unwrap()),
                Some(Typed::SwitchLanguage) => return (Some("F2".into()), String::new()),
                Some(Typed::Closed) => return (None, String::new()),
                None => {}
            }
        }
        panic!("no end in {bytes:?}")
    }

    #[test]
    fn f2_switches_at_the_code_prompt_as_each_terminal_sends_it() {
        for f2 in [&b"\x1bOQ"[..], b"\x1b[12~", b"\x1b[[B", b"ab\x1bOQ"] {
            assert_eq!(typed(f2).0.as_deref(), Some("F2"), "{f2:?}");
        }
    }

    #[test]
    fn other_escape_sequences_at_the_code_prompt_are_dropped_whole() {
        let (text, echo) = typed(b"\x1b]0;title\x07\x1b[6n\x1bOPk7qm\x1b[A\r");
        assert_eq!(text.as_deref(), Some("k7qm"));
        assert_eq!(echo, "k7qm");
    }

    #[test]
    fn backspace_at_the_code_prompt_takes_back_a_whole_character() {
        let (text, echo) = typed("\x7fxè\x7f\x7fab\r".as_bytes());
        assert_eq!(text.as_deref(), Some("ab"));
        assert_eq!(echo, "xè\x08 \x08\x08 \x08ab");
        assert_eq!(typed(b"ab\x03").0, None);
    }
}
