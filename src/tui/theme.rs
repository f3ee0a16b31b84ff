//! Every style of the interface in one place. Focus and selection are shown
//! with marks and attributes (bold, reverse) so they read on any terminal;
//! colour only adds to them, and `NO_COLOR` (no-color.org) takes it away.

use std::sync::OnceLock;

use ratatui::style::{Color, Modifier, Style};

/// Whether colours may be used, given the values of `NO_COLOR` (any
/// non-empty value turns them off) and `TERM`: a DEC VT terminal has none,
/// and reads the colour escape `38;5;2` as "blink" (P12).
pub fn colours_allowed(no_color: Option<&str>, term: Option<&str>) -> bool {
    let monochrome = term.is_some_and(|t| t.starts_with("vt") || t == "dumb");
    no_color.is_none_or(str::is_empty) && !monochrome
}

fn colour(style: Style, colour: Color) -> Style {
    static ALLOWED: OnceLock<bool> = OnceLock::new();
    let allowed = *ALLOWED.get_or_init(|| {
        let var = |name| std::env::var(name).ok();
        colours_allowed(var("NO_COLOR").as_deref(), var("TERM").as_deref())
    });
    if allowed { style.fg(colour) } else { style }
}

pub struct Theme;

impl Theme {
    pub fn title() -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn highlight() -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    pub fn question() -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn help() -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn dim() -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn error() -> Style {
        colour(Style::new().add_modifier(Modifier::BOLD), Color::Red)
    }

    pub fn ok() -> Style {
        colour(Style::new(), Color::Green)
    }

    pub fn key() -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_with_any_value_turns_colours_off() {
        let xterm = Some("xterm-256color");
        assert!(colours_allowed(None, xterm));
        assert!(colours_allowed(Some(""), xterm));
        assert!(!colours_allowed(Some("1"), xterm));
        assert!(!colours_allowed(Some("yes"), xterm));
    }

    #[test]
    fn a_vt_terminal_gets_no_colour() {
        for term in ["vt100", "vt220", "dumb"] {
            assert!(!colours_allowed(None, Some(term)), "{term}");
        }
        for term in ["xterm", "linux", "screen-256color", "putty"] {
            assert!(colours_allowed(None, Some(term)), "{term}");
        }
    }
}
