//! The model of the whole interface and its update function: an event comes
//! in, the model changes, and the caller redraws if anything did.

use chrono::Utc;
use crossterm::event::{Event, KeyEvent, KeyEventKind};
use uuid::Uuid;

use super::keymap::{self, Action, Context};
use super::screens::entry::{Entry, Leave, Outcome, Refused};
use super::screens::home::Home;
use super::screens::report::Report;
use super::screens::review::Review;
use crate::form::Form;
use crate::i18n::Texts;
use crate::session::{Changed, Session, Taken, Unsaved};
use crate::store::{EditLock, FormRef, Response, Responses, Status, StoreError};

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
    AutoAdvance(bool),
    ReadOnly,
    NowEditable,
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
}

/// Whether the screen must be drawn again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Update {
    Nothing,
    Redraw,
    /// The terminal may have lost what it showed (a resize reflows it):
    /// clear it and draw everything.
    Repaint,
    /// Start a sync in the background (the runtime has the means).
    StartSync,
    /// Wait in the background until no other session has this response.
    WaitForLock(Uuid),
    Quit,
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

pub struct App {
    pub form: Form,
    pub texts: Texts,
    store: Box<dyn Responses>,
    pub screen: Screen,
    pub help_open: bool,
    pub notice: Option<Notice>,
    pub syncing: Option<SyncView>,
    /// A digit on a single choice moves straight to the next question.
    pub auto_advance: bool,
    /// A response someone else has open: read it, wait for it, or leave it.
    pub lock_prompt: Option<LockPrompt>,
    /// Earlier versions of the form, for responses begun with them.
    pub older_forms: Vec<Form>,
    /// While a response of an earlier version is open, the newest version,
    /// put back on the way home.
    newest: Option<Form>,
    /// The last key warned that leaving loses unsaved answers: pressed
    /// again, it leaves.
    leave_armed: bool,
    /// A response opens in the language it was last used in (no `--lang`
    /// was given).
    pub follow_response_lang: bool,
}

pub struct LockPrompt {
    pub response: Response,
    pub review: bool,
    pub holder: String,
    pub waiting: bool,
}

/// Where the interface starts.
pub enum Start {
    Home,
    New,
    Edit(Uuid),
}

impl App {
    pub fn new(
        form: Form,
        older_forms: Vec<Form>,
        texts: Texts,
        store: Box<dyn Responses>,
        start: Start,
    ) -> Result<App, StoreError> {
        let mut app = App {
            form,
            texts,
            store,
            screen: Screen::Home(Home::new(Vec::new())),
            help_open: false,
            notice: None,
            syncing: None,
            auto_advance: false,
            lock_prompt: None,
            older_forms,
            newest: None,
            leave_armed: false,
            follow_response_lang: false,
        };
        app.go_home();
        match start {
            Start::Home => {}
            Start::New => app.start_new(),
            Start::Edit(id) => {
                app.store.load(id)?;
                app.open(id, false);
            }
        }
        Ok(app)
    }

    /// Where keys are read now, for the keymap and the footer.
    pub fn context(&self) -> Context {
        if self.help_open {
            Context::Help
        } else if self.syncing.is_some() {
            Context::Syncing
        } else if self.lock_prompt.is_some() {
            Context::LockPrompt
        } else {
            self.screen_context()
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
            Event::Key(key) if key.kind == KeyEventKind::Press => self.on_key(&key),
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
        if self.read_only()
            && !self.help_open
            && self.lock_prompt.is_none()
            && changes_answers(self.context(), key)
        {
            self.notice = Some(Notice::ReadOnly);
            return Update::Redraw;
        }
        if !self.help_open && matches!(self.screen, Screen::Entry(..)) {
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
                Update::Quit
            }
            Action::SwitchLanguage => {
                self.switch_language();
                Update::Redraw
            }
            Action::Repaint => Update::Repaint,
            Action::ToggleAutoAdvance => {
                self.auto_advance = !self.auto_advance;
                self.notice = Some(Notice::AutoAdvance(self.auto_advance));
                Update::Redraw
            }
            Action::Help => {
                self.help_open = true;
                Update::Redraw
            }
            Action::Back if self.help_open => {
                self.help_open = false;
                Update::Redraw
            }
            _ if self.help_open => Update::Nothing,
            Action::Back if self.syncing.as_ref().is_some_and(|s| s.finished.is_some()) => {
                self.syncing = None;
                self.reload_home();
                Update::Redraw
            }
            _ if self.syncing.is_some() => Update::Nothing,
            _ if self.lock_prompt.is_some() => self.apply_lock_prompt(action),
            _ => self.apply(action, armed),
        }
    }

    fn apply(&mut self, action: Action, armed: bool) -> Update {
        match &mut self.screen {
            Screen::Home(_) => self.apply_home(action),
            Screen::Entry(..) => {
                let auto_advance = self.auto_advance;
                let outcome = self.in_entry(|entry, form, session, texts| {
                    let label = |id: &str| texts.form_text(id);
                    let outcome = entry.apply(form, session, action, &label);
                    // Heads-down entry: a digit on a single choice is the
                    // whole answer, so it moves on, unless "other" needs text.
                    let single = matches!(
                        form.items[entry.item].kind,
                        crate::form::ItemKind::Single { .. }
                    );
                    // A digit that may begin a two-digit number waits.
                    if auto_advance
                        && single
                        && matches!(action, Action::Pick(_))
                        && entry.editing.is_none()
                        && entry.pending_digit.is_none()
                    {
                        return entry.apply(form, session, Action::Confirm, &label);
                    }
                    outcome
                });
                self.after_entry(outcome.unwrap_or(Outcome::Ignored), armed)
            }
            Screen::Review(..) => self.apply_review(action, armed),
            Screen::Report(_) => self.apply_report(action),
        }
    }

    fn apply_report(&mut self, action: Action) -> Update {
        let Screen::Report(report) = &mut self.screen else {
            return Update::Nothing;
        };
        let moved = match action {
            Action::NextQuestion => report.move_by(1),
            Action::PreviousQuestion => report.move_by(-1),
            Action::NextSection => report.jump_section(&self.form, true),
            Action::PreviousSection => report.jump_section(&self.form, false),
            Action::Back => {
                self.go_home();
                true
            }
            _ => false,
        };
        redraw_if(moved)
    }

    /// The results of the complete responses saved here.
    fn open_report(&mut self) {
        match self.store.list() {
            Ok(entries) => {
                let (responses, selection) = crate::report::select(
                    &self.form,
                    entries,
                    crate::report::StatusFilter::Complete,
                );
                let tallies = crate::report::tally(&self.form, &responses);
                self.screen = Screen::Report(Report::new(tallies, selection));
            }
            Err(error) => self.notice = Some(Notice::Failed(error)),
        }
    }

    /// Runs `step` on the open question, then saves the response if the
    /// step changed it. Every change is on disk before the screen shows it.
    fn in_entry<T>(
        &mut self,
        step: impl FnOnce(&mut Entry, &Form, &mut Session, &Texts) -> T,
    ) -> Option<T> {
        let Screen::Entry(session, entry) = &mut self.screen else {
            return None;
        };
        let (revision, status) = (session.response.revision, session.response.status);
        let result = step(entry, &self.form, session, &self.texts);
        if session.response.revision != revision {
            let reopened = status == Status::Complete && session.response.status == Status::Draft;
            self.save_session(if reopened {
                Changed::Reopened
            } else {
                Changed::Answer
            });
        }
        Some(result)
    }

    fn after_entry(&mut self, outcome: Outcome, armed: bool) -> Update {
        match outcome {
            Outcome::Ignored => Update::Nothing,
            Outcome::Redraw => Update::Redraw,
            Outcome::Leave(Leave::Home) => {
                self.leave_for_home(armed);
                Update::Redraw
            }
            Outcome::Leave(Leave::Review) => {
                self.open_review();
                Update::Redraw
            }
            Outcome::Refused(refused) => {
                self.notice = Some(Notice::Refused(refused));
                Update::Redraw
            }
        }
    }

    fn apply_home(&mut self, action: Action) -> Update {
        let Screen::Home(home) = &mut self.screen else {
            return Update::Nothing;
        };
        if home.confirm_delete {
            home.confirm_delete = false;
            if action == Action::Yes
                && let Some(id) = home.selected_response().map(|r| r.id)
            {
                self.notice = Some(match self.store.delete(id) {
                    Ok(()) => Notice::Deleted,
                    Err(error) => Notice::Failed(error),
                });
                self.reload_home();
            }
            return Update::Redraw;
        }
        match action {
            Action::Up => redraw_if(home.move_by(-1)),
            Action::Down => redraw_if(home.move_by(1)),
            Action::NextSection => redraw_if(home.move_by(HOME_PAGE)),
            Action::PreviousSection => redraw_if(home.move_by(-HOME_PAGE)),
            Action::New => {
                self.start_new();
                Update::Redraw
            }
            Action::Open | Action::Review => {
                self.open_selected(action == Action::Review);
                Update::Redraw
            }
            Action::Delete if home.selected_response().is_some() => {
                home.confirm_delete = true;
                Update::Redraw
            }
            Action::Quit => Update::Quit,
            Action::Sync => {
                self.syncing = Some(SyncView::default());
                Update::StartSync
            }
            Action::Report => {
                self.open_report();
                Update::Redraw
            }
            _ => Update::Nothing,
        }
    }

    /// News from the background sync.
    pub fn on_sync_event(&mut self, event: crate::sync::Event) -> Update {
        let Some(view) = &mut self.syncing else {
            return Update::Nothing;
        };
        match event {
            crate::sync::Event::Progress(crate::sync::Progress::Planned { total }) => {
                view.total = Some(total)
            }
            crate::sync::Event::Progress(crate::sync::Progress::Done { done, bytes, .. }) => {
                (view.done, view.bytes, view.retrying) = (done, bytes, None);
            }
            crate::sync::Event::Progress(crate::sync::Progress::Retrying { problem, .. }) => {
                view.retrying = Some(problem)
            }
            crate::sync::Event::Finished(result) => view.finished = Some(result),
        }
        Update::Redraw
    }

    fn apply_review(&mut self, action: Action, armed: bool) -> Update {
        let Screen::Review(session, review) = &mut self.screen else {
            return Update::Nothing;
        };
        let questions = Review::questions(&self.form, &session.asked);
        match action {
            Action::Up => redraw_if(review.move_by(questions.len(), -1)),
            Action::Down => redraw_if(review.move_by(questions.len(), 1)),
            Action::NextSection => redraw_if(review.move_by(questions.len(), Review::PAGE)),
            Action::PreviousSection => redraw_if(review.move_by(questions.len(), -Review::PAGE)),
            Action::First => redraw_if(review.move_by(questions.len(), isize::MIN / 2)),
            Action::Last => redraw_if(review.move_by(questions.len(), isize::MAX / 2)),
            Action::Open => {
                let item = questions.get(review.selected).copied();
                self.back_to_entry(item, true);
                Update::Redraw
            }
            Action::MarkComplete => {
                match session.mark_complete(&self.form) {
                    Ok(()) => {
                        self.notice = Some(Notice::MarkedComplete);
                        self.save_current();
                    }
                    Err(items) => {
                        review.show_missing = true;
                        review.select_item(&self.form, &session.asked, items[0]);
                        self.notice = Some(Notice::Missing(items.len()));
                    }
                }
                Update::Redraw
            }
            Action::Back if review.from_home => {
                self.leave_for_home(armed);
                Update::Redraw
            }
            Action::Back => {
                self.back_to_entry(None, false);
                Update::Redraw
            }
            _ => Update::Nothing,
        }
    }

    fn switch_language(&mut self) {
        self.texts.lang = self.texts.lang.other();
        // Remembered in the response, which reopens in it.
        if let Screen::Entry(session, _) | Screen::Review(session, _) = &mut self.screen
            && !session.read_only
        {
            session.response.lang = self.texts.lang.code().to_string();
        }
        if let Screen::Entry(_, entry) = &mut self.screen {
            let texts = &self.texts;
            entry.relabelled(&self.form, &|id| texts.form_text(id));
        }
    }

    fn form_ref(&self) -> FormRef {
        FormRef {
            id: self.form.id.clone(),
            version: self.form.version,
        }
    }

    /// The version of the form a response was begun with, if campo has it.
    pub fn form_for(&self, form: &FormRef) -> Option<&Form> {
        let newest = self.newest.as_ref().unwrap_or(&self.form);
        std::iter::once(newest)
            .chain(&self.older_forms)
            .find(|f| f.id == form.id && f.version == form.version)
    }

    /// Opens responses with the version of the form they were begun with.
    fn use_form_of(&mut self, response: &Response) {
        if response.form == self.form_ref() {
            return;
        }
        if let Some(version) = self.form_for(&response.form).cloned() {
            let current = std::mem::replace(&mut self.form, version);
            self.newest.get_or_insert(current);
        }
    }

    fn check_form(&self, response: &Response) -> Result<(), Notice> {
        if self.form_for(&response.form).is_some() {
            Ok(())
        } else {
            Err(Notice::UnknownForm {
                id: response.form.id.clone(),
                version: response.form.version,
            })
        }
    }

    fn start_new(&mut self) {
        let mut response = Response::new(self.form_ref(), self.texts.lang.code(), Utc::now());
        response.entered_by = std::env::var("USER").ok().filter(|u| !u.is_empty());
        match Session::begin(&self.form, &*self.store, response) {
            Ok(session) => self.show(session, false),
            Err(error) => self.notice = Some(Notice::Failed(error)),
        }
    }

    fn open_selected(&mut self, review: bool) {
        let Screen::Home(home) = &self.screen else {
            return;
        };
        match home.selected_entry() {
            Some(crate::store::Listed::Response(response)) => {
                let id = response.id;
                self.open(id, review);
            }
            Some(crate::store::Listed::Broken(error)) => {
                self.notice = Some(Notice::Damaged(error.clone()))
            }
            None => {}
        }
    }

    /// Opens a response for editing if no other session has it; otherwise
    /// asks whether to read it only or to wait. What is shown is always
    /// read from disk after the lock is held. A data folder that cannot
    /// hold locks opens nothing: editing without one can lose answers.
    fn open(&mut self, id: Uuid, review: bool) {
        let taken = Session::take(&*self.store, id);
        let response = match &taken {
            Ok(Taken::Mine(_, response) | Taken::Elsewhere { response, .. }) => response,
            Err(error) => {
                self.notice = Some(Notice::Failed(error.clone()));
                return;
            }
        };
        if let Err(notice) = self.check_form(response) {
            self.notice = Some(notice);
            return;
        }
        self.use_form_of(response);
        if self.follow_response_lang
            && let Some(lang) = crate::i18n::Lang::from_code(&response.lang)
        {
            self.texts.lang = lang;
        }
        match taken {
            Ok(Taken::Mine(lock, response)) => {
                let session = Session::editing(&self.form, response, lock);
                self.show(session, review);
            }
            Ok(Taken::Elsewhere { holder, response }) => {
                self.lock_prompt = Some(LockPrompt {
                    response,
                    review,
                    holder,
                    waiting: false,
                })
            }
            Err(_) => unreachable!("returned above"),
        }
    }

    fn apply_lock_prompt(&mut self, action: Action) -> Update {
        let Some(prompt) = &mut self.lock_prompt else {
            return Update::Nothing;
        };
        match action {
            Action::Open if !prompt.waiting => {
                let prompt = self.lock_prompt.take().expect("checked above");
                let session = Session::reading(&self.form, prompt.response);
                self.show(session, prompt.review);
                self.notice = Some(Notice::ReadOnly);
                Update::Redraw
            }
            Action::Wait if !prompt.waiting => {
                prompt.waiting = true;
                Update::WaitForLock(prompt.response.id)
            }
            Action::Back => {
                self.lock_prompt = None;
                self.put_back_newest_form();
                Update::Redraw
            }
            _ => Update::Nothing,
        }
    }

    /// The other session let go: open the response afresh, for editing.
    pub fn on_lock(&mut self, id: Uuid, lock: Result<EditLock, StoreError>) -> Update {
        let waiting = self
            .lock_prompt
            .as_ref()
            .is_some_and(|p| p.waiting && p.response.id == id);
        if !waiting {
            return Update::Nothing; // no longer wanted: dropping the lock lets go
        }
        let prompt = self.lock_prompt.take().expect("checked above");
        match lock.and_then(|lock| Ok((self.store.load(id)?, lock))) {
            Ok((fresh, lock)) => {
                let session = Session::editing(&self.form, fresh, lock);
                self.show(session, prompt.review);
                self.notice = Some(Notice::NowEditable);
            }
            Err(error) => self.notice = Some(Notice::Failed(error)),
        }
        Update::Redraw
    }

    fn read_only(&self) -> bool {
        matches!(&self.screen, Screen::Entry(session, _) | Screen::Review(session, _) if session.read_only)
    }

    fn show(&mut self, mut session: Session, review: bool) {
        self.screen = if review {
            Screen::Review(session, Review::new(true))
        } else {
            let entry = Entry::resume(&self.form, &mut session);
            session.opened_here();
            Screen::Entry(session, entry)
        };
    }

    fn open_review(&mut self) {
        let Screen::Entry(..) = &self.screen else {
            return;
        };
        let Screen::Entry(session, entry) =
            std::mem::replace(&mut self.screen, Screen::Home(Home::new(Vec::new())))
        else {
            unreachable!("checked above")
        };
        let mut review = Review::new(false);
        review.select_item(&self.form, &session.asked, entry.item);
        self.screen = Screen::Review(session, review);
    }

    /// From review to a question: `item`, or where the user was.
    fn back_to_entry(&mut self, item: Option<usize>, show_problem: bool) {
        let Screen::Review(..) = &self.screen else {
            return;
        };
        let Screen::Review(mut session, _) =
            std::mem::replace(&mut self.screen, Screen::Home(Home::new(Vec::new())))
        else {
            unreachable!("checked above")
        };
        let mut entry = match item {
            Some(item) => Entry::at(&self.form, &mut session, item),
            None => Entry::resume(&self.form, &mut session),
        };
        entry.show_problem = show_problem && !entry.problem_items(&self.form, &session).is_empty();
        self.screen = Screen::Entry(session, entry);
    }

    /// Saves the open response (its position, at least) before leaving it.
    pub fn leave_session(&mut self) {
        if matches!(self.screen, Screen::Entry(..) | Screen::Review(..)) {
            self.save_current();
        }
    }

    /// The response open now, to say on the way out how to come back to it.
    pub fn open_response(&self) -> Option<&Response> {
        match &self.screen {
            Screen::Entry(session, _) | Screen::Review(session, _) => Some(&session.response),
            _ => None,
        }
    }

    /// Answers given in the open response that are not on disk.
    pub fn unsaved_answers(&self) -> Option<Unsaved> {
        match &self.screen {
            Screen::Entry(session, _) | Screen::Review(session, _) => session.unsaved_answers(),
            _ => None,
        }
    }

    /// Saves the open response; if answers still cannot be saved, warns
    /// and says so, unless the same key already warned (`armed`).
    fn leaving_loses_answers(&mut self, armed: bool, quit: bool) -> bool {
        self.leave_session();
        if self.unsaved_answers().is_none() || armed {
            return false;
        }
        self.notice = Some(Notice::UnsavedAnswers { quit });
        self.leave_armed = true;
        true
    }

    /// Back to the list of responses. Answers that cannot be saved are not
    /// dropped: the first try warns, the second writes them to a file of
    /// their own and says where.
    fn leave_for_home(&mut self, armed: bool) {
        if self.leaving_loses_answers(armed, false) {
            return;
        }
        let rescued = self.unsaved_answers().map(|unsaved| unsaved.rescue());
        self.go_home();
        match rescued {
            Some(Ok(path)) => self.notice = Some(Notice::Rescued(path.display().to_string())),
            Some(Err(error)) => {
                self.notice = Some(Notice::Failed(StoreError::Io {
                    path: std::env::temp_dir().display().to_string(),
                    failure: (&error).into(),
                }))
            }
            None => {}
        }
    }

    fn go_home(&mut self) {
        self.leave_session();
        self.put_back_newest_form();
        self.screen = Screen::Home(Home::new(Vec::new()));
        self.reload_home();
    }

    fn put_back_newest_form(&mut self) {
        if let Some(newest) = self.newest.take() {
            self.form = newest;
        }
    }

    fn reload_home(&mut self) {
        let Screen::Home(home) = &mut self.screen else {
            return;
        };
        match self.store.list() {
            Ok(entries) => home.reload(entries),
            Err(error) => self.notice = Some(Notice::Failed(error)),
        }
    }

    fn save_session(&mut self, changed: Changed) {
        if let Screen::Entry(session, _) = &mut self.screen {
            session.response.lang = self.texts.lang.code().to_string();
        }
        self.save_current();
        if changed == Changed::Reopened && !matches!(self.notice, Some(Notice::SaveFailed(_))) {
            self.notice = Some(Notice::Reopened);
        }
    }

    /// Writes the open response if it changed. A failure is shown and the
    /// answers stay in memory; the next change tries again.
    fn save_current(&mut self) {
        let (Screen::Entry(session, _) | Screen::Review(session, _)) = &mut self.screen else {
            return;
        };
        match session.save(&*self.store) {
            Ok(()) => {
                if matches!(self.notice, Some(Notice::SaveFailed(_))) {
                    self.notice = None;
                }
            }
            Err(error) => self.notice = Some(Notice::SaveFailed(error)),
        }
    }

    /// Where the open response is stored, for messages.
    pub fn location(&self, id: Uuid) -> String {
        self.store.location(id)
    }
}

/// How far PgDn and PgUp move in the list of responses.
const HOME_PAGE: isize = 10;

fn redraw_if(changed: bool) -> Update {
    if changed {
        Update::Redraw
    } else {
        Update::Nothing
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
