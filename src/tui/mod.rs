//! The terminal interface: a model (`app`), keys turned into actions
//! (`keymap`), screen states (`screens`) and drawing (`view`). The loop
//! waits for an event, updates the model, and draws only if it changed:
//! nothing is written while the user is idle.

pub mod app;
pub mod keymap;
pub mod screens;
pub mod session;
pub mod theme;
pub mod view;
pub mod widgets;

use std::io::{self, IsTerminal};
use std::time::Duration;

use crossterm::event;
use ratatui::DefaultTerminal;

use app::{App, Update};

/// Whether the interface can run: both ends must be a terminal.
pub fn has_terminal() -> bool {
    io::stdin().is_terminal() && io::stdout().is_terminal()
}

pub fn run(app: App) -> io::Result<()> {
    // Installs a panic hook that restores the terminal, and enters raw mode
    // and the alternate screen.
    let mut terminal = ratatui::try_init()?;
    let result = event_loop(&mut terminal, app);
    ratatui::try_restore()?;
    result
}

fn event_loop(terminal: &mut DefaultTerminal, mut app: App) -> io::Result<()> {
    terminal.draw(|frame| view::draw(frame, &app))?;
    loop {
        // Blocks until something happens: no tick, no clock, no spinner.
        let mut update = app.update(event::read()?);
        // Take whatever else is already waiting (a paste, a burst of resizes)
        // before drawing once.
        while update != Update::Quit && event::poll(Duration::ZERO)? {
            update = stronger(update, app.update(event::read()?));
        }
        match update {
            Update::Quit => return Ok(()),
            Update::Repaint => {
                // A burst of resizes can end at the size it started from:
                // ratatui would then see no change and draw nothing, while
                // the terminal has reflowed the old picture.
                // (Terminal::clear would ask the terminal where its cursor
                // is, a question that can go unanswered over SSH; resize
                // clears without asking.)
                let size = terminal.size()?;
                terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
                terminal.draw(|frame| view::draw(frame, &app))?;
            }
            Update::Redraw => {
                terminal.draw(|frame| view::draw(frame, &app))?;
            }
            Update::Nothing => {}
        }
    }
}

/// Of two updates in one batch, the one that does more.
fn stronger(a: Update, b: Update) -> Update {
    let rank = |u: Update| match u {
        Update::Nothing => 0,
        Update::Redraw => 1,
        Update::Repaint => 2,
        Update::Quit => 3,
    };
    if rank(b) > rank(a) { b } else { a }
}
