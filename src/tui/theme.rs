//! Every style of the interface in one place. Focus and selection are shown
//! with attributes (reverse, bold) so they read on any terminal, colour or not.

use ratatui::style::{Color, Modifier, Style};

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
        Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
    }

    pub fn ok() -> Style {
        Style::new().fg(Color::Green)
    }

    pub fn key() -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
}
