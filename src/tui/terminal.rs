//! Taking over the terminal and giving it back, on every way out: a normal
//! return, an error, or a panic.

use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

use crossterm::cursor::Show;
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;

use super::backend::{LeanBackend, RESET_MARGINS, scroll_regions_work};

/// Whether campo has the terminal: giving it back is done once, whichever
/// of the panic hook, `Tty::leave` and dropping the `Tty` comes first (a
/// second "leave the alternate screen" would move the cursor over what the
/// first left on the screen).
static HELD: AtomicBool = AtomicBool::new(false);

/// The terminal while campo has it; given back by `leave`, which says
/// whether that worked, else when dropped, whatever the way out.
pub struct Tty {
    terminal: Terminal<LeanBackend<std::fs::File>>,
}

impl Tty {
    pub fn leave(&mut self) -> io::Result<()> {
        leave()
    }
}

impl Drop for Tty {
    fn drop(&mut self) {
        let _ = leave();
    }
}

impl std::ops::Deref for Tty {
    type Target = Terminal<LeanBackend<std::fs::File>>;
    fn deref(&self) -> &Self::Target {
        &self.terminal
    }
}

impl std::ops::DerefMut for Tty {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.terminal
    }
}

/// Raw mode and the alternate screen, with a panic hook that restores both
/// before the panic message is printed, then says `after_panic` (where the
/// answers are: all of them were saved before the panic). Failing half
/// way, it gives back what it took.
pub fn enter(after_panic: String) -> io::Result<Tty> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = leave();
        previous(info);
        eprintln!("{after_panic}");
    }));
    enable_raw_mode()?;
    HELD.store(true, Ordering::SeqCst);
    let taken = (|| {
        // A paste then comes as one event, saved once, not as a key per letter.
        execute!(io::stdout(), EnterAlternateScreen, EnableBracketedPaste)?;
        let term = std::env::var("TERM").ok();
        let scrolls = scroll_regions_work(term.as_deref(), crate::text::ascii());
        Terminal::new(LeanBackend::stdout(scrolls)?)
    })();
    match taken {
        Ok(terminal) => Ok(Tty { terminal }),
        Err(error) => {
            let _ = leave();
            Err(error)
        }
    }
}

fn leave() -> io::Result<()> {
    if !HELD.swap(false, Ordering::SeqCst) {
        return Ok(());
    }
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
