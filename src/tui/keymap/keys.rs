//! Keys as written in the keymap ("ctrl-c", "f2", "enter", "up down | k j",
//! "1-9"): parsed, matched against what the terminal sent, and named for the
//! footer and help. A binding's label is made from its own keys, so what is
//! shown cannot drift from what is handled.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Texts;

/// One key of a binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Code(KeyCode),
    Char(char),
    Ctrl(char),
    /// Any of 0–9 ("1-9" as written: 0 only completes 10, 20…).
    Digit,
    /// Shift-Tab, however the terminal spells it.
    BackTab,
    /// Yes in the user's language: y, or s for sì (both always work).
    Yes,
    /// No: n.
    No,
    /// Read only, in the user's language: r, or l for leggere.
    Read,
    /// Wait: w, or a for attendere.
    Wait,
    /// Take over: t, or p for prendere.
    Take,
}

/// Reads one key as written. Panics on a key no table should hold: the
/// tables are code, and a test reads every one of them.
pub fn parse(word: &str) -> Key {
    if let Some(c) = word.strip_prefix("ctrl-") {
        return Key::Ctrl(single(c));
    }
    if let Some(n) = word.strip_prefix('f').and_then(|n| n.parse().ok()) {
        return Key::Code(KeyCode::F(n));
    }
    match word {
        "up" => Key::Code(KeyCode::Up),
        "down" => Key::Code(KeyCode::Down),
        "left" => Key::Code(KeyCode::Left),
        "right" => Key::Code(KeyCode::Right),
        "enter" => Key::Code(KeyCode::Enter),
        "esc" => Key::Code(KeyCode::Esc),
        "tab" => Key::Code(KeyCode::Tab),
        "shift-tab" => Key::BackTab,
        "space" => Key::Char(' '),
        "del" => Key::Code(KeyCode::Delete),
        "pgdn" => Key::Code(KeyCode::PageDown),
        "pgup" => Key::Code(KeyCode::PageUp),
        "home" => Key::Code(KeyCode::Home),
        "end" => Key::Code(KeyCode::End),
        "1-9" => Key::Digit,
        "yes" => Key::Yes,
        "no" => Key::No,
        "read" => Key::Read,
        "wait" => Key::Wait,
        "take" => Key::Take,
        other => Key::Char(single(other)),
    }
}

fn single(word: &str) -> char {
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => c,
        _ => panic!("not a key: {word:?}"),
    }
}

/// The keys of a binding as written: those before `|` are named in the
/// footer and help, those after it work as well.
pub fn parse_all(keys: &str) -> (Vec<Key>, Vec<Key>) {
    let (shown, also) = keys.split_once('|').unwrap_or((keys, ""));
    let read = |part: &str| part.split_whitespace().map(parse).collect();
    (read(shown), read(also))
}

/// Whether `key` is `pattern`; for a digit, which one.
pub fn matches(pattern: Key, key: &KeyEvent) -> Option<Option<usize>> {
    let plain = !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    let hit = match pattern {
        Key::Code(KeyCode::Tab) => key.code == KeyCode::Tab && key.modifiers.is_empty(),
        Key::Code(code) => key.code == code && plain,
        Key::Char(c) => key.code == KeyCode::Char(c) && plain,
        Key::Ctrl(c) => {
            key.code == KeyCode::Char(c) && key.modifiers.contains(KeyModifiers::CONTROL)
        }
        Key::BackTab => is_back_tab(key),
        Key::Yes => matches!(key.code, KeyCode::Char('y' | 's')) && plain,
        Key::No => key.code == KeyCode::Char('n') && plain,
        Key::Read => matches!(key.code, KeyCode::Char('r' | 'l')) && plain,
        Key::Wait => matches!(key.code, KeyCode::Char('w' | 'a')) && plain,
        Key::Take => matches!(key.code, KeyCode::Char('t' | 'p')) && plain,
        Key::Digit => {
            return match key.code {
                // 0 only completes a two-digit number (10, 20).
                KeyCode::Char(d @ '0'..='9') if plain => Some(Some(d as usize - '0' as usize)),
                _ => None,
            };
        }
    };
    hit.then_some(None)
}

/// Shift-Tab arrives as BackTab from most terminals, as Tab with Shift under
/// the kitty keyboard protocol, and as Tab with Alt from the Linux console.
pub fn is_back_tab(key: &KeyEvent) -> bool {
    key.code == KeyCode::BackTab
        || (key.code == KeyCode::Tab
            && key
                .modifiers
                .intersects(KeyModifiers::SHIFT | KeyModifiers::ALT))
}

/// The shown keys named as people know them, in this language: "↑↓ j k",
/// "Invio", "Ctrl-C", "1-9".
pub fn label(texts: &Texts, keys: &[Key]) -> String {
    let mut names: Vec<String> = Vec::new();
    let mut i = 0;
    while i < keys.len() {
        // Up and down together are one pair of arrows.
        if keys[i] == Key::Code(KeyCode::Up) && keys.get(i + 1) == Some(&Key::Code(KeyCode::Down)) {
            names.push("↑↓".into());
            i += 2;
            continue;
        }
        names.push(name(texts, keys[i]));
        i += 1;
    }
    crate::tui::glyphs::key_name(&names.join(" "))
}

fn name(texts: &Texts, key: Key) -> String {
    match key {
        Key::Code(KeyCode::Up) => "↑".into(),
        Key::Code(KeyCode::Down) => "↓".into(),
        Key::Code(KeyCode::Left) => "←".into(),
        Key::Code(KeyCode::Right) => "→".into(),
        Key::Code(KeyCode::Enter) => texts.t("key-enter"),
        Key::Code(KeyCode::Esc) => "Esc".into(),
        Key::Code(KeyCode::Tab) => "Tab".into(),
        Key::Code(KeyCode::Delete) => texts.t("key-del"),
        Key::Code(KeyCode::PageDown) => texts.t("key-pgdn"),
        Key::Code(KeyCode::PageUp) => texts.t("key-pgup"),
        Key::Code(KeyCode::Home) => texts.t("key-home"),
        Key::Code(KeyCode::End) => texts.t("key-end"),
        Key::Code(KeyCode::F(n)) => format!("F{n}"),
        Key::Code(other) => format!("{other:?}"),
        Key::Char(' ') => texts.t("key-space"),
        Key::Char(c) => c.to_string(),
        Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
        Key::Digit => "1-9".into(),
        Key::BackTab => texts.t("key-shift-tab"),
        Key::Yes => texts.t("key-yes"),
        Key::No => texts.t("key-no"),
        Key::Read => texts.t("key-read"),
        Key::Wait => texts.t("key-wait"),
        Key::Take => texts.t("key-take"),
    }
}

/// A key event that presses `key`, to check that a named key does what its
/// binding says.
#[cfg(test)]
pub fn press(key: Key) -> KeyEvent {
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    match key {
        Key::Code(code) => plain(code),
        Key::Char(c) => plain(KeyCode::Char(c)),
        Key::Ctrl(c) => KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL),
        Key::Digit => plain(KeyCode::Char('1')),
        Key::BackTab => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        Key::Yes => plain(KeyCode::Char('y')),
        Key::No => plain(KeyCode::Char('n')),
        Key::Read => plain(KeyCode::Char('r')),
        Key::Wait => plain(KeyCode::Char('w')),
        Key::Take => plain(KeyCode::Char('t')),
    }
}
