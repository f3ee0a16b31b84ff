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
            match app.update(event::read()?) {
                Update::Nothing => {}
                other => update = other,
            }
        }
        match update {
            Update::Quit => return Ok(()),
            Update::Redraw => {
                terminal.draw(|frame| view::draw(frame, &app))?;
            }
            Update::Nothing => {}
        }
    }
}
