//! The terminal interface: a model (`app`), keys turned into actions
//! (`keymap`), screen states (`screens`) and drawing (`view`). The loop
//! waits for an event, updates the model, and draws only if it changed:
//! nothing is written while the user is idle.

pub mod app;
mod backend;
pub mod glyphs;
pub mod input;
pub mod keymap;
pub mod screens;
mod terminal;
pub mod theme;
pub mod view;
pub mod widgets;

use std::io::{self, IsTerminal, Read};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use signal_hook::consts::{SIGHUP, SIGTERM, SIGUSR1, SIGWINCH};
use uuid::Uuid;

use crate::store::{EditLock, Listed, StoreError};
use signal_hook::iterator::Signals;

use crossterm::event;

use app::{App, Command, Update};

/// Whether the interface can run: both ends must be a terminal.
/// Whether the full-screen interface can run: input and output are a
/// terminal that says its size. A terminal of no size (`ssh -tt` from a
/// script, some serial lines) would show nothing: plain mode serves it.
pub fn has_terminal() -> bool {
    io::stdin().is_terminal()
        && io::stdout().is_terminal()
        && crossterm::terminal::size().is_ok_and(|(columns, rows)| columns > 0 && rows > 0)
}

/// Starts a sync in the background; the callback hears how it goes.
pub type SyncStarter = Box<dyn Fn(Box<dyn FnMut(crate::sync::Event) + Send>)>;

/// Lists the responses in the background; the callback gets the listing.
pub type Lister = Box<dyn Fn(Box<dyn FnOnce(Result<Vec<Listed>, StoreError>) + Send>)>;

/// The complete responses counted for the results screen, and which.
pub type Gathered = (crate::report::Gathered, crate::report::Selection);

/// Counts the complete responses of a form in the background; the
/// callback gets them. The form is the interface's, copied when asked (not
/// at start, which would cost the first paint a form's copy).
pub type Gatherer =
    Box<dyn Fn(crate::form::Form, Box<dyn FnOnce(Result<Gathered, StoreError>) + Send>)>;

/// Waits in the background for a response's lock; the callback gets it.
pub type LockWaiter = Box<dyn Fn(Uuid, Box<dyn FnOnce(Result<EditLock, StoreError>) + Send>)>;

/// What the interface may set going without waiting for it: the means come
/// from outside, since the interface knows nothing of files or networks.
pub struct Background {
    pub start_sync: SyncStarter,
    pub wait_for_lock: LockWaiter,
    /// Takes a response from an idle session (`DataDir::take_over`).
    pub take_over: LockWaiter,
    /// Lists the responses, checked against the files (`DataDir::list`).
    pub list: Lister,
    /// Counts the complete responses (`report::gather`).
    pub gather: Gatherer,
    /// Sends the responses, unseen, when the open one is completed or
    /// reopened (the kiosk's; nothing elsewhere).
    pub on_status_change: Option<Box<dyn Fn()>>,
    /// With no key for this long, the session ends (the kiosk's).
    pub idle_limit: Option<std::time::Duration>,
}

/// What wakes the interface up: a key, a resize, or news from a sync.
enum Message {
    Terminal(io::Result<event::Event>),
    /// What the terminal sent in one read: keys, pastes, and bytes that
    /// are not UTF-8.
    Typed(Vec<input::Input>),
    Sync(crate::sync::Event),
    Signal(i32),
    Lock(Uuid, Result<EditLock, StoreError>),
    Listed(Result<Vec<Listed>, StoreError>),
    Gathered(Result<Gathered, StoreError>),
}

/// How the interface ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// A hang-up or termination signal (its number): the connection dropped
    /// or the system is stopping.
    Signal(i32),
    /// No key came for the idle limit.
    Idle,
    /// Another session took the response over (in the kiosk, where there is
    /// nothing else to do, the session ends).
    TakenOver,
}

/// How the interface ended, and the answers it could not save, if any: the
/// caller puts them somewhere safe once the terminal is given back.
pub struct Ended {
    pub ending: io::Result<Ending>,
    pub unsaved: Option<crate::session::Unsaved>,
    /// The response that was open at the end, as saved.
    pub left: Option<crate::store::Response>,
    /// The language the interface ended in.
    pub lang: crate::i18n::Lang,
}

pub fn run(mut app: App, background: Background, after_panic: String) -> Ended {
    let mut terminal = match terminal::enter(after_panic) {
        Ok(terminal) => terminal,
        Err(error) => {
            return Ended {
                ending: Err(error),
                unsaved: None,
                left: None,
                lang: app.texts.lang,
            };
        }
    };
    let result = event_loop(&mut terminal, &mut app, background);
    // Whatever ended the loop (a quit, a signal, a terminal that is gone),
    // the open response is saved with its position before anything else.
    app.leave_session();
    // After a hang-up there may be no terminal left to restore.
    let restored = terminal.leave();
    let ending = match result {
        Ok(Ending::Quit) => restored.map(|()| Ending::Quit),
        other => other,
    };
    Ended {
        ending,
        unsaved: app.unsaved_answers(),
        left: app.open_response().cloned(),
        lang: app.texts.lang,
    }
}

fn event_loop(
    terminal: &mut terminal::Tty,
    app: &mut App,
    background: Background,
) -> io::Result<Ending> {
    // The signals are caught from here on (one that comes meanwhile waits
    // in signal-hook's pipe), but the threads that read them and the keys
    // start after the first paint: starting them is a tenth of the time to
    // it, and keys typed meanwhile wait in the terminal.
    // SIGUSR1: another session takes over the open response.
    let mut hangups = Signals::new([SIGHUP, SIGTERM, SIGWINCH, SIGUSR1])?;
    terminal.draw(|frame| view::draw(frame, app))?;
    let (sender, messages) = mpsc::channel();
    let keys = sender.clone();
    let latin1 = crate::text::locale_is_latin1(|name| std::env::var(name).ok());
    thread::spawn(move || read_terminal(&keys, latin1));
    let signals = sender.clone();
    thread::spawn(move || {
        for signal in hangups.forever() {
            let message = match signal {
                SIGWINCH => Message::Terminal(
                    crossterm::terminal::size().map(|(w, h)| event::Event::Resize(w, h)),
                ),
                signal => Message::Signal(signal),
            };
            if signals.send(message).is_err() {
                break;
            }
        }
    });
    // When a digit waiting for a second one settles by itself.
    let mut digit_deadline: Option<Instant> = None;
    loop {
        if carry_out(app, &background, &sender) {
            return Ok(Ending::Quit);
        }
        // One wait for the next message, however long: no tick. With an
        // idle limit or a digit waiting, that wait has a deadline.
        let first = match next_message(&messages, background.idle_limit, digit_deadline) {
            Waited::Message(message) => message,
            Waited::Idle => return Ok(Ending::Idle),
            Waited::DigitSettles => {
                digit_deadline = None;
                let update = app.settle_digit();
                draw(terminal, app, update)?;
                continue;
            }
        };
        // A second digit that comes too late is an answer of its own, even
        // if the loop was busy when the first one's time ran out.
        if digit_deadline.is_some_and(|deadline| Instant::now() >= deadline) {
            digit_deadline = None;
            app.settle_digit();
        }
        let mut typed = matches!(first, Message::Typed(_));
        // Whatever is waiting (a burst of keys, of resizes) is handled, saved
        // once and drawn once.
        app.hold_saves();
        let mut update = match handle(app, first)? {
            Ok(update) => update,
            Err(ending) => return Ok(ending),
        };
        while !app.quitting()
            && let Ok(message) = messages.try_recv()
        {
            typed |= matches!(message, Message::Typed(_));
            match handle(app, message)? {
                Ok(next) => update = update.max(next),
                Err(ending) => return Ok(ending),
            }
        }
        app.release_saves();
        // Every key settles a waiting digit or makes a new one wait.
        if !app.digit_pending() {
            digit_deadline = None;
        } else if typed {
            digit_deadline = Some(Instant::now() + app::DIGIT_WAIT);
        }
        if !app.quitting() {
            draw(terminal, app, update)?;
        }
    }
}

/// Draws what changed, or everything after a resize.
fn draw(terminal: &mut terminal::Tty, app: &App, update: Update) -> io::Result<()> {
    match update {
        Update::Nothing => return Ok(()),
        Update::Repaint => {
            // A burst of resizes can end at the size it started from:
            // ratatui would then see no change and draw nothing, while
            // the terminal has reflowed the old picture.
            // (Terminal::clear would ask the terminal where its cursor
            // is, a question that can go unanswered over SSH; resize
            // clears without asking.)
            let size = terminal.size()?;
            terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
        }
        Update::Redraw => {}
    }
    terminal.draw(|frame| view::draw(frame, app))?;
    Ok(())
}

/// Carries out the work the model asked for, in order, each answer coming
/// back as a message; says whether the model asked to end (after the
/// rest).
fn carry_out(app: &mut App, background: &Background, sender: &mpsc::Sender<Message>) -> bool {
    let mut quit = false;
    for command in app.take_commands() {
        let sender = sender.clone();
        match command {
            Command::StartSync => (background.start_sync)(Box::new(move |event| {
                let _ = sender.send(Message::Sync(event));
            })),
            Command::WaitForLock(id) => (background.wait_for_lock)(
                id,
                Box::new(move |lock| {
                    let _ = sender.send(Message::Lock(id, lock));
                }),
            ),
            Command::TakeOver(id) => (background.take_over)(
                id,
                Box::new(move |lock| {
                    let _ = sender.send(Message::Lock(id, lock));
                }),
            ),
            Command::List => (background.list)(Box::new(move |listed| {
                let _ = sender.send(Message::Listed(listed));
            })),
            Command::Gather => (background.gather)(
                app.form.clone(),
                Box::new(move |gathered| {
                    let _ = sender.send(Message::Gathered(gathered));
                }),
            ),
            Command::StatusChanged => {
                if let Some(send) = &background.on_status_change {
                    send();
                }
            }
            Command::Quit => quit = true,
        }
    }
    quit
}

/// What waiting for the next message ended with.
enum Waited {
    Message(Message),
    /// No key for the idle limit.
    Idle,
    /// No second digit in time.
    DigitSettles,
}

/// Waits for the next message, until the idle limit or a waiting digit's
/// deadline, whichever is sooner; with neither, for as long as it takes.
fn next_message(
    messages: &mpsc::Receiver<Message>,
    idle_limit: Option<Duration>,
    digit_deadline: Option<Instant>,
) -> Waited {
    let digit_wait = digit_deadline.map(|d| d.saturating_duration_since(Instant::now()));
    let wait = match (idle_limit, digit_wait) {
        (None, None) => {
            return Waited::Message(
                messages
                    .recv()
                    .expect("the key reader lives as long as the loop"),
            );
        }
        (Some(idle), Some(digit)) => idle.min(digit),
        (Some(wait), None) | (None, Some(wait)) => wait,
    };
    match messages.recv_timeout(wait) {
        Ok(message) => Waited::Message(message),
        Err(mpsc::RecvTimeoutError::Timeout) if digit_wait == Some(wait) => Waited::DigitSettles,
        Err(mpsc::RecvTimeoutError::Timeout) => Waited::Idle,
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            unreachable!("the key reader lives as long as the loop")
        }
    }
}

/// Reads the terminal and sends what it typed. Blocks until the terminal
/// has something (no tick, no polling), except while a sequence waits for
/// its end, for at most [`input::ESC_WAIT`].
fn read_terminal(sender: &mpsc::Sender<Message>, latin1: bool) {
    let (bytes_in, bytes) = mpsc::channel::<io::Result<Vec<u8>>>();
    thread::spawn(move || {
        let mut stdin = io::stdin();
        let mut buffer = [0u8; 4096];
        loop {
            let read = match stdin.read(&mut buffer) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Ok(0) => Err(io::Error::from(io::ErrorKind::UnexpectedEof)),
                read => read.map(|n| buffer[..n].to_vec()),
            };
            let end = read.is_err();
            if bytes_in.send(read).is_err() || end {
                return;
            }
        }
    });
    let mut decoder = input::Decoder::new(latin1);
    loop {
        let received = if decoder.waiting() {
            match bytes.recv_timeout(input::ESC_WAIT) {
                Ok(read) => Some(read),
                Err(mpsc::RecvTimeoutError::Timeout) => None,
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            }
        } else {
            match bytes.recv() {
                Ok(read) => Some(read),
                Err(_) => return,
            }
        };
        match received {
            Some(Ok(read)) => decoder.feed(&read),
            Some(Err(error)) => {
                let _ = sender.send(Message::Terminal(Err(error)));
                return;
            }
            None => decoder.flush(),
        }
        // What one read brought is one message: a burst of keys (a paste
        // from a terminal without bracketed paste) is handled, saved and
        // drawn once.
        let inputs: Vec<input::Input> = std::iter::from_fn(|| decoder.take()).collect();
        if !inputs.is_empty() && sender.send(Message::Typed(inputs)).is_err() {
            return;
        }
    }
}

/// What one message does: an update to draw, or the end (a signal).
fn handle(app: &mut App, message: Message) -> io::Result<Result<Update, Ending>> {
    Ok(Ok(match message {
        Message::Terminal(event) => app.update(event?),
        Message::Typed(inputs) => inputs
            .into_iter()
            .map(|input| match input {
                input::Input::Event(event) => app.update(event),
                input::Input::NotUtf8 => app.on_not_utf8(),
            })
            .fold(Update::Nothing, Update::max),
        Message::Sync(event) => app.on_sync_event(event),
        Message::Signal(SIGUSR1) => {
            if app.give_up() {
                return Ok(Err(Ending::TakenOver));
            }
            Update::Redraw
        }
        Message::Signal(signal) => return Ok(Err(Ending::Signal(signal))),
        Message::Lock(id, lock) => app.on_lock(id, lock),
        Message::Listed(listed) => app.listed(listed),
        Message::Gathered(gathered) => app.gathered(gathered),
    }))
}
