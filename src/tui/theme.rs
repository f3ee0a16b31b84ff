//! Every style of the interface in one place. Focus and selection are shown
//! with marks and attributes (bold, reverse) so they read on any terminal;
//! colour only adds to them, and `NO_COLOR` (no-color.org) takes it away.

use std::sync::OnceLock;

use ratatui::style::{Color, Modifier, Style};

/// Whether colours may be used, given the value of `NO_COLOR`: any
/// non-empty value turns them off.
pub fn colours_allowed(no_color: Option<&str>) -> bool {
    no_color.is_none_or(str::is_empty)
}

fn colour(style: Style, colour: Color) -> Style {
    static ALLOWED: OnceLock<bool> = OnceLock::new();
    let allowed =
        *ALLOWED.get_or_init(|| colours_allowed(std::env::var("NO_COLOR").ok().as_deref()));
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
        assert!(colours_allowed(None));
        assert!(colours_allowed(Some("")));
        assert!(!colours_allowed(Some("1")));
        assert!(!colours_allowed(Some("yes")));
    }
}
