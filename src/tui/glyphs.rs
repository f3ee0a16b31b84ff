//! The marks, bars and borders the screens draw, in Unicode or, on
//! terminals and locales that cannot show it, in ASCII.

use ratatui::symbols::border;
use ratatui::widgets::{Block, Borders};

use crate::text::ascii;

const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

/// A block with these borders, drawn in the current glyphs.
pub fn block(borders: Borders) -> Block<'static> {
    let set = if ascii() { ASCII_BORDER } else { border::PLAIN };
    Block::new().borders(borders).border_set(set)
}

/// The box before an option: a radio button or a check box, chosen or not.
pub fn choice_mark(multiple: bool, chosen: bool) -> &'static str {
    match (multiple, chosen, ascii()) {
        (true, true, _) => "[x]",
        (true, false, _) => "[ ]",
        (false, true, false) => "(\u{2022})",
        (false, true, true) => "(*)",
        (false, false, _) => "( )",
    }
}

/// Marks the current section.
pub fn section_mark() -> &'static str {
    if ascii() { "> " } else { "\u{25b8} " }
}

/// Marks a section whose questions are all answered.
pub fn done_mark() -> &'static str {
    if ascii() { "* " } else { "\u{2713} " }
}

/// Points up or down a list that goes on past the screen.
pub fn more_mark(above: bool) -> &'static str {
    match (ascii(), above) {
        (false, true) => "\u{2191}",
        (false, false) => "\u{2193}",
        (true, true) => "^",
        (true, false) => "v",
    }
}

/// A bar `eighths`/8 cells long: full blocks and a partial one, or `#`.
pub fn bar(eighths: usize) -> String {
    const PARTS: [&str; 8] = [
        "", "\u{258f}", "\u{258e}", "\u{258d}", "\u{258c}", "\u{258b}", "\u{258a}", "\u{2589}",
    ];
    if ascii() {
        "#".repeat((eighths + 4) / 8)
    } else {
        format!("{}{}", "\u{2588}".repeat(eighths / 8), PARTS[eighths % 8])
    }
}

/// Arrows in key names become words in ASCII.
pub fn key_name(label: &str) -> String {
    if ascii() {
        label
            .replace('\u{2191}', "Up ")
            .replace('\u{2193}', "Down ")
            .replace("  ", " ")
            .trim()
            .to_string()
    } else {
        label.to_string()
    }
}
