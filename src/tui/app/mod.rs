//! The model of the whole interface and its update function: an event comes
//! in, the model changes, and the caller redraws if anything did.

mod commands;
mod responses;
mod screens;

pub use commands::Command;

use crossterm::event::{Event, KeyEvent, KeyEventKind};
use uuid::Uuid;

use super::keymap::{self, Action, Context};
use super::screens::entry::{Entry, Leave, Outcome, Refused};
use super::screens::home::{Home, HomeOutcome};
use super::screens::report::{Report, ReportOutcome};
use super::screens::review::{Review, ReviewOutcome};
use crate::form::{Form, FormRef};
use crate::i18n::Texts;
use crate::session::{Changed, Session, Taken, Unsaved};
use crate::store::{EditLock, Listed, Response, Responses, Status, StoreError};

pub enum Screen {
    Home(Home),
    Report(Report),
    Entry(Session, Entry),
    Review(Session, Review),
}

/// A one-line message under the screen, kept as data so that it follows a
/// change of language.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    SaveFailed(StoreError),
    Reopened,
    MarkedComplete,
    Missing(usize),
    UnknownForm {
        id: String,
        version: u32,
    },
    Damaged(StoreError),
    Deleted,
    Failed(StoreError),
    /// The results screen's counts are being made.
    Counting,
    AutoAdvance(bool),
    ReadOnly,
    NowEditable,
    /// Another session took the response over; it was saved first.
    TakenOver,
    /// Leaving (`quit` true: quitting) would lose answers that could not
    /// be saved: the same key again leaves all the same.
    UnsavedAnswers {
        quit: bool,
    },
    /// Answers that could not be saved were written to this file instead.
    Rescued(String),
    /// Typed or pasted text that was not taken.
    Refused(Refused),
    /// The terminal sent a character that is not UTF-8: it was not taken.
    NotUtf8,
    /// A digit waits for a second one, which would make a number from
    /// `first` to `last`.
    DigitPending {
        digit: usize,
        first: usize,
        last: usize,
    },
}

/// Whether the screen must be drawn again, the least first: of several in
/// one batch, the greatest is done. Other work is asked as a [`Command`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Update {
    Nothing,
    Redraw,
    /// The terminal may have lost what it showed (a resize reflows it):
    /// clear it and draw everything.
    Repaint,
}

/// How the interface runs, set by whoever starts it.
#[derive(Debug, Clone)]
pub struct Options {
    /// A digit on a single choice moves straight to the next question
    /// (F4 switches it).
    pub auto_advance: bool,
    /// A response opens in the language it was last used in (no `--lang`
    /// was given).
    pub follow_response_lang: bool,
    /// The unit this office registered for: a new response is its, with
    /// the list's answers filled in and locked.
    pub for_unit: Option<crate::store::ForUnit>,
    /// Run by `campo kiosk`: one response, and leaving it ends the session
    /// (there is no list of others to go back to).
    pub kiosk: bool,
    /// A session left this long without a key may be taken over.
    pub stale_after: std::time::Duration,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            auto_advance: false,
            follow_response_lang: false,
            for_unit: None,
            kiosk: false,
            stale_after: STALE_AFTER,
        }
    }
}

/// A sync in progress, or just finished, shown over the home screen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SyncView {
    pub total: Option<usize>,
    pub done: usize,
    pub bytes: u64,
    pub retrying: Option<crate::sync::Transient>,
    pub finished: Option<Result<crate::sync::Summary, crate::sync::SyncError>>,
}

/// What stands over the screen and takes the keys first.
pub enum Overlay {
    Help,
    /// A sync in progress, or just finished.
    Sync(SyncView),
    /// A response someone else has open: read it, wait for it, or leave it.
    Lock(Box<LockPrompt>),
}

pub struct App {
    pub form: Form,
    pub texts: Texts,
    store: Box<dyn Responses>,
    pub screen: Screen,
    /// Over the screen, the top one last (help may open over the others).
    pub overlays: Vec<Overlay>,
    pub notice: Option<Notice>,
    options: Options,
    /// Earlier versions of the form, for responses begun with them.
    pub older_forms: Vec<Form>,
    /// While a response of an earlier version is open, the newest version,
    /// put back on the way home.
    newest: Option<Form>,
    /// The last key warned that leaving loses unsaved answers: pressed
    /// again, it leaves.
    leave_armed: bool,
    /// The responses as last listed: the home screen shows them at once,
    /// while a fresh listing is made in the background.
    listing: Vec<Listed>,
    /// Changes wait to be saved together ([`App::hold_saves`]).
    holding_saves: bool,
    /// A change came while saves were held.
    save_held: bool,
    /// Work asked of the loop, in order ([`Command`]).
    commands: Vec<Command>,
    /// The results screen was asked for and is being counted.
    report_asked: bool,
}

pub use crate::session::STALE_AFTER;

/// How soon a second digit must follow the first to make one number with
/// it ("1" then "3": option 13), as on a phone's keypad or in CSPro. Later,
/// it is an answer of its own.
pub const DIGIT_WAIT: std::time::Duration = std::time::Duration::from_millis(800);

pub struct LockPrompt {
    pub response: Response,
    pub review: bool,
    pub holder: String,
    pub waiting: bool,
    /// The holder has been idle past [`App::stale_after`]: it may be
    /// taken over (for how long, in minutes).
    pub stale_minutes: Option<u64>,
}

/// Where the interface starts.
pub enum Start {
    Home,
    New,
    Edit(Uuid),
}

impl App {
    /// The interface at its home screen.
    pub fn new(
        form: Form,
        older_forms: Vec<Form>,
        texts: Texts,
        store: Box<dyn Responses>,
        options: Options,
    ) -> App {
        let mut app = App {
            form,
            texts,
            store,
            screen: Screen::Home(Home::new(Vec::new())),
            overlays: Vec::new(),
            notice: None,
            older_forms,
            newest: None,
            leave_armed: false,
            listing: Vec::new(),
            holding_saves: false,
            save_held: false,
            commands: Vec::new(),
            report_asked: false,
            options,
        };
        match app.store.list_quickly() {
            Ok(listing) => app.listing = listing,
            Err(error) => app.notice = Some(Notice::Failed(error)),
        }
        app.go_home();
        app
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    /// Goes where the interface was asked to start.
    pub fn start(&mut self, start: Start) -> Result<(), StoreError> {
        match start {
            Start::Home => {}
            Start::New => self.start_new(),
            Start::Edit(id) => {
                self.store.load(id)?;
                self.open(id, false);
            }
        }
        Ok(())
    }

    /// Where keys are read now, for the keymap and the footer.
    pub fn context(&self) -> Context {
        match self.overlays.last() {
            Some(Overlay::Help) => Context::Help,
            Some(Overlay::Sync(_)) => Context::Syncing,
            Some(Overlay::Lock(prompt)) if prompt.stale_minutes.is_some() => {
                Context::StaleLockPrompt
            }
            Some(Overlay::Lock(_)) => Context::LockPrompt,
            None => self.screen_context(),
        }
    }

    /// The sync shown over the home screen, if one is.
    pub fn sync_view(&self) -> Option<&SyncView> {
        self.overlays.iter().find_map(|o| match o {
            Overlay::Sync(view) => Some(view),
            _ => None,
        })
    }

    /// The lock prompt shown over the home screen, if one is.
    pub fn lock_prompt(&self) -> Option<&LockPrompt> {
        self.overlays.iter().find_map(|o| match o {
            Overlay::Lock(prompt) => Some(&**prompt),
            _ => None,
        })
    }

    fn lock_prompt_mut(&mut self) -> Option<&mut LockPrompt> {
        self.overlays.iter_mut().find_map(|o| match o {
            Overlay::Lock(prompt) => Some(&mut **prompt),
            _ => None,
        })
    }

    /// Takes the lock prompt away, returning it.
    fn close_lock_prompt(&mut self) -> Option<LockPrompt> {
        let at = self
            .overlays
            .iter()
            .position(|o| matches!(o, Overlay::Lock(_)))?;
        match self.overlays.remove(at) {
            Overlay::Lock(prompt) => Some(*prompt),
            _ => unreachable!("found above"),
        }
    }

    /// The context of the screen itself, under the help if it is open.
    pub fn screen_context(&self) -> Context {
        match &self.screen {
            Screen::Home(home) if home.confirm_delete => Context::ConfirmDelete,
            Screen::Home(_) => Context::Home,
            Screen::Entry(_, entry) => entry.context(&self.form),
            Screen::Review(session, _)
                if session.read_only || session.response.status == Status::Complete =>
            {
                Context::ReviewDone
            }
            Screen::Review(..) => Context::Review,
            Screen::Report(_) => Context::Report,
        }
    }

    pub fn update(&mut self, event: Event) -> Update {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                if let Screen::Entry(session, _) | Screen::Review(session, _) = &self.screen {
                    session.touch();
                }
                self.on_key(&key)
            }
            Event::Resize(..) => Update::Repaint,
            Event::Paste(text) => self.on_paste(&text),
            _ => Update::Nothing,
        }
    }

    /// A byte the terminal sent that campo cannot read as a letter: said,
    /// so that nothing is dropped in silence.
    pub fn on_not_utf8(&mut self) -> Update {
        self.notice = Some(Notice::NotUtf8);
        Update::Redraw
    }

    /// A paste is one change, saved once, whatever its length.
    fn on_paste(&mut self, text: &str) -> Update {
        self.notice.take_if(|n| !matches!(n, Notice::SaveFailed(_)));
        if self.read_only() {
            self.notice = Some(Notice::ReadOnly);
            return Update::Redraw;
        }
        let outcome = self.in_entry(|entry, form, session, _| entry.paste(form, session, text));
        self.after_entry(
            outcome.unwrap_or(Outcome::Refused(Refused::NowhereToPaste)),
            false,
        );
        Update::Redraw
    }

    fn on_key(&mut self, key: &KeyEvent) -> Update {
        // Any key but a digit settles a digit waiting for a second one.
        if !matches!(key.code, crossterm::event::KeyCode::Char('0'..='9'))
            && let Screen::Entry(_, entry) = &mut self.screen
        {
            entry.pending_digit = None;
        }
        // Lets the tests check what a panic costs; not in release builds.
        #[cfg(debug_assertions)]
        if key.code == crossterm::event::KeyCode::F(12)
            && std::env::var_os("CAMPO_DEBUG_PANIC").is_some()
        {
            panic!("a panic asked for by CAMPO_DEBUG_PANIC");
        }
        // A notice lasts until the next key, except a failed save, which
        // lasts until a save succeeds, and a refused character, which lasts
        // while the letters typed after it come in.
        let typing = matches!(key.code, crossterm::event::KeyCode::Char(_));
        let cleared = self
            .notice
            .take_if(|n| match n {
                Notice::SaveFailed(_) => false,
                Notice::NotUtf8 => !typing,
                _ => true,
            })
            .is_some();
        let armed = std::mem::take(&mut self.leave_armed);
        match self.handle_key(key, armed) {
            Update::Nothing if cleared => Update::Redraw,
            update => update,
        }
    }

    fn handle_key(&mut self, key: &KeyEvent, armed: bool) -> Update {
        if self.read_only() && self.overlays.is_empty() && changes_answers(self.context(), key) {
            self.notice = Some(Notice::ReadOnly);
            return Update::Redraw;
        }
        if self.overlays.is_empty() && matches!(self.screen, Screen::Entry(..)) {
            let outcome =
                self.in_entry(|entry, form, session, _| entry.take_key(form, session, key));
            if let Some(outcome) = outcome.flatten() {
                return self.after_entry(outcome, armed);
            }
        }
        let Some(action) = keymap::action(self.context(), key) else {
            return Update::Nothing;
        };
        match action {
            Action::SaveAndQuit => {
                if self.leaving_loses_answers(armed, true) {
                    return Update::Redraw;
                }
                self.ask(Command::Quit);
                Update::Nothing
            }
            Action::SwitchLanguage => {
                self.switch_language();
                Update::Redraw
            }
            Action::Repaint => Update::Repaint,
            Action::ToggleAutoAdvance => {
                self.options.auto_advance = !self.options.auto_advance;
                self.notice = Some(Notice::AutoAdvance(self.options.auto_advance));
                Update::Redraw
            }
            Action::Help => {
                if !matches!(self.overlays.last(), Some(Overlay::Help)) {
                    self.overlays.push(Overlay::Help);
                }
                Update::Redraw
            }
            _ => match self.overlays.last() {
                Some(Overlay::Help) if action == Action::Back => {
                    self.overlays.pop();
                    Update::Redraw
                }
                Some(Overlay::Help) => Update::Nothing,
                Some(Overlay::Sync(view)) if action == Action::Back && view.finished.is_some() => {
                    self.overlays.pop();
                    self.reload_home();
                    Update::Redraw
                }
                Some(Overlay::Sync(_)) => Update::Nothing,
                Some(Overlay::Lock(_)) => self.apply_lock_prompt(action),
                None => self.apply(action, armed),
            },
        }
    }

    fn apply(&mut self, action: Action, armed: bool) -> Update {
        match &mut self.screen {
            Screen::Home(_) => self.apply_home(action),
            Screen::Entry(..) => self.apply_entry(action, armed),
            Screen::Review(..) => self.apply_review(action, armed),
            Screen::Report(_) => self.apply_report(action),
        }
    }
}

/// Whether a key would change answers (refused in a read-only view). Moving
/// about, reviewing, switching language, help and quitting stay allowed.
fn changes_answers(context: Context, key: &KeyEvent) -> bool {
    use crossterm::event::KeyCode;
    match keymap::action(context, key) {
        Some(
            Action::Toggle
            | Action::Pick(_)
            | Action::ClearAnswer
            | Action::MarkComplete
            | Action::Confirm,
        ) => true,
        Some(_) => false,
        // Typing into a text field or a filter.
        None => {
            matches!(
                key.code,
                KeyCode::Char(_) | KeyCode::Backspace | KeyCode::Delete
            ) && matches!(context, Context::Text | Context::MultilineText)
        }
    }
}
