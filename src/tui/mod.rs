//! The terminal interface: a model (`app`), keys turned into actions
//! (`keymap`), screen states (`screens`) and drawing (`view`). The loop
//! waits for an event, updates the model, and draws only if it changed:
//! nothing is written while the user is idle.

pub mod app;
mod backend;
pub mod glyphs;
pub mod keymap;
pub mod screens;
mod terminal;
pub mod theme;
pub mod view;
pub mod widgets;

use std::io::{self, IsTerminal};
use std::sync::mpsc;
use std::thread;

use crossterm::event;

use app::{App, Update};

/// Whether the interface can run: both ends must be a terminal.
pub fn has_terminal() -> bool {
    io::stdin().is_terminal() && io::stdout().is_terminal()
}

/// Starts a sync in the background; the callback hears how it goes.
pub type SyncStarter = Box<dyn Fn(Box<dyn FnMut(crate::sync::Event) + Send>)>;

/// What wakes the interface up: a key, a resize, or news from a sync.
enum Message {
    Terminal(io::Result<event::Event>),
    Sync(crate::sync::Event),
}

pub fn run(app: App, start_sync: SyncStarter) -> io::Result<()> {
    let mut terminal = terminal::enter()?;
    let result = event_loop(&mut terminal, app, start_sync);
    terminal::leave()?;
    result
}

fn event_loop(
    terminal: &mut terminal::Tty,
    mut app: App,
    start_sync: SyncStarter,
) -> io::Result<()> {
    let (sender, messages) = mpsc::channel();
    let keys = sender.clone();
    thread::spawn(move || {
        // Blocks until the terminal has something: no tick, no polling.
        while keys.send(Message::Terminal(event::read())).is_ok() {}
    });
    terminal.draw(|frame| view::draw(frame, &app))?;
    loop {
        let mut update = handle(
            &mut app,
            messages
                .recv()
                .expect("the key reader lives as long as the loop"),
        )?;
        // Take whatever else is already waiting (a paste, a burst of resizes)
        // before drawing once.
        while update != Update::Quit
            && let Ok(message) = messages.try_recv()
        {
            update = stronger(update, handle(&mut app, message)?);
        }
        match update {
            Update::Quit => return Ok(()),
            Update::StartSync => {
                let sender = sender.clone();
                start_sync(Box::new(move |event| {
                    let _ = sender.send(Message::Sync(event));
                }));
                terminal.draw(|frame| view::draw(frame, &app))?;
            }
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

fn handle(app: &mut App, message: Message) -> io::Result<Update> {
    Ok(match message {
        Message::Terminal(event) => app.update(event?),
        Message::Sync(event) => app.on_sync_event(event),
    })
}

/// Of two updates in one batch, the one that does more.
fn stronger(a: Update, b: Update) -> Update {
    let rank = |u: Update| match u {
        Update::Nothing => 0,
        Update::Redraw => 1,
        Update::Repaint => 2,
        Update::StartSync => 3,
        Update::Quit => 4,
    };
    if rank(b) > rank(a) { b } else { a }
}
