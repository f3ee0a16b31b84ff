//! Taking over the terminal and giving it back, on every way out: a normal
//! return, an error, or a panic.

use std::io::{self, Write};

use crossterm::cursor::Show;
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;

use super::backend::{LeanBackend, RESET_MARGINS, scroll_regions_work};

pub type Tty = Terminal<LeanBackend<std::fs::File>>;

/// Raw mode and the alternate screen, with a panic hook that restores both
/// before the panic message is printed, then says `after_panic` (where the
/// answers are: all of them were saved before the panic).
pub fn enter(after_panic: String) -> io::Result<Tty> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = leave();
        previous(info);
        eprintln!("{after_panic}");
    }));
    enable_raw_mode()?;
    // A paste then comes as one event, saved once, not as a key per letter.
    execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
    let term = std::env::var("TERM").ok();
    let scrolls = scroll_regions_work(term.as_deref(), crate::text::ascii());
    Terminal::new(LeanBackend::stdout(scrolls)?)
}

pub fn leave() -> io::Result<()> {
    disable_raw_mode()?;
    // A scroll region left set would outlive campo in the shell.
    io::stdout().write_all(RESET_MARGINS)?;
    execute!(
        io::stdout(),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        Show
    )
}
