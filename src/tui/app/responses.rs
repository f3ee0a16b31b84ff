//! What happens to the open response as the interface sees it: opening it
//! (under its lock, read from disk, in its form version and language),
//! moving between its question and its review, saving it, and leaving it.

use std::cmp::Reverse;
use std::sync::Arc;

use super::*;

impl App {
    pub(super) fn switch_language(&mut self) {
        self.texts.lang = self.texts.lang.other();
        // Remembered in the response, which reopens in it.
        if let Screen::Entry(session, _) | Screen::Review(session, _) = &mut self.screen
            && !session.read_only
        {
            session.response.lang = self.texts.lang.code().to_string();
        }
        if let Screen::Entry(session, entry) = &mut self.screen {
            let texts = &self.texts;
            let convention = texts.convention();
            entry.relabelled(&self.form, session, &|id| texts.form_text(id), convention);
        }
    }

    pub(super) fn form_ref(&self) -> FormRef {
        FormRef {
            id: self.form.id.clone(),
            version: self.form.version,
        }
    }

    /// The version of the form a response was begun with, if campo has it.
    pub fn form_for(&self, form: &FormRef) -> Option<&Form> {
        let newest = self.newest.as_ref().unwrap_or(&self.form);
        form.among(std::iter::once(newest).chain(&self.older_forms))
    }

    /// Opens responses with the version of the form they were begun with.
    pub(super) fn use_form_of(&mut self, response: &Response) {
        if response.form == self.form_ref() {
            return;
        }
        if let Some(version) = self.form_for(&response.form).cloned() {
            let current = std::mem::replace(&mut self.form, version);
            self.newest.get_or_insert(current);
        }
    }

    pub(super) fn check_form(&self, response: &Response) -> Result<(), Notice> {
        if self.form_for(&response.form).is_some() {
            Ok(())
        } else {
            Err(Notice::UnknownForm {
                id: response.form.id.clone(),
                version: response.form.version,
            })
        }
    }

    pub(super) fn start_new(&mut self) {
        let lang = self.texts.lang.code();
        match Session::begin_new(
            &self.form,
            &*self.store,
            lang,
            self.options.for_unit.as_ref(),
        ) {
            Ok(session) => self.show(session, false),
            Err(error) => self.notice = Some(Notice::Failed(error)),
        }
    }

    pub(super) fn open_selected(&mut self, review: bool) {
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
    pub(super) fn open(&mut self, id: Uuid, review: bool) {
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
        if self.options.follow_response_lang
            && let Some(lang) = crate::i18n::Lang::from_code(&response.lang)
        {
            self.texts.lang = lang;
        }
        match taken {
            Ok(Taken::Mine(lock, response)) => {
                let session = Session::editing(&self.form, response, lock);
                self.show(session, review);
            }
            Ok(Taken::Elsewhere {
                holder,
                response,
                idle,
            }) => {
                let stale_minutes = idle
                    .filter(|idle| *idle >= self.options.stale_after)
                    .map(|idle| idle.as_secs() / 60);
                self.overlays.push(Overlay::Lock(Box::new(LockPrompt {
                    response,
                    review,
                    holder,
                    waiting: false,
                    stale_minutes,
                })))
            }
            Err(_) => unreachable!("returned above"),
        }
    }

    pub(super) fn apply_lock_prompt(&mut self, action: Action) -> Update {
        let Some(prompt) = self.lock_prompt_mut() else {
            return Update::Nothing;
        };
        match action {
            Action::Open if !prompt.waiting => {
                let prompt = self.close_lock_prompt().expect("checked above");
                let session = Session::reading(&self.form, prompt.response);
                self.show(session, prompt.review);
                self.notice = Some(Notice::ReadOnly);
                Update::Redraw
            }
            Action::Wait if !prompt.waiting => {
                prompt.waiting = true;
                let id = prompt.response.id;
                self.ask(Command::WaitForLock(id));
                Update::Redraw
            }
            Action::TakeOver if !prompt.waiting && prompt.stale_minutes.is_some() => {
                prompt.waiting = true;
                let id = prompt.response.id;
                self.ask(Command::TakeOver(id));
                Update::Redraw
            }
            Action::Back => {
                self.close_lock_prompt();
                self.put_back_newest_form();
                Update::Redraw
            }
            _ => Update::Nothing,
        }
    }

    /// The other session let go: open the response afresh, for editing.
    pub fn on_lock(&mut self, id: Uuid, lock: Result<EditLock, StoreError>) -> Update {
        let waiting = self
            .lock_prompt()
            .is_some_and(|p| p.waiting && p.response.id == id);
        if !waiting {
            return Update::Nothing; // no longer wanted: dropping the lock lets go
        }
        let prompt = self.close_lock_prompt().expect("checked above");
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

    /// Another session took the open response over: it is saved and let
    /// go, and the screen says so. In the kiosk the session ends (true).
    pub fn give_up(&mut self) -> bool {
        if !matches!(self.screen, Screen::Entry(..) | Screen::Review(..)) || self.read_only() {
            return false;
        }
        if self.options.kiosk {
            return true;
        }
        self.go_home();
        self.notice = Some(Notice::TakenOver);
        false
    }

    pub(super) fn read_only(&self) -> bool {
        matches!(&self.screen, Screen::Entry(session, _) | Screen::Review(session, _) if session.read_only)
    }

    /// Shows an open response: its review if asked, or if it is complete
    /// (a complete response is read, and changed only on purpose: never
    /// reopened inside a text field where the next key would edit it).
    pub(super) fn show(&mut self, mut session: Session, review: bool) {
        let review = review || session.response.status == Status::Complete;
        self.screen = if review {
            Screen::Review(session, Review::new(true))
        } else {
            let entry = Entry::resume(&self.form, &mut session, self.texts.convention());
            session.opened_here();
            Screen::Entry(session, entry)
        };
    }

    pub(super) fn open_review(&mut self) {
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
    pub(super) fn back_to_entry(&mut self, item: Option<usize>, show_problem: bool) {
        let Screen::Review(..) = &self.screen else {
            return;
        };
        let Screen::Review(mut session, _) =
            std::mem::replace(&mut self.screen, Screen::Home(Home::new(Vec::new())))
        else {
            unreachable!("checked above")
        };
        let mut entry = match item {
            Some(item) => Entry::at(&self.form, &mut session, item, self.texts.convention()),
            None => Entry::resume(&self.form, &mut session, self.texts.convention()),
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
    pub(super) fn leaving_loses_answers(&mut self, armed: bool, quit: bool) -> bool {
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
    /// In the kiosk, leaving the response ends the session instead.
    pub(super) fn leave_for_home(&mut self, armed: bool) -> Update {
        if self.leaving_loses_answers(armed, false) {
            return Update::Redraw;
        }
        if self.options.kiosk {
            self.ask(Command::Quit);
            return Update::Nothing;
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
        Update::Redraw
    }

    /// Back to the list, shown at once: the listing last made, with the
    /// response just left as it is now; a fresh listing follows from the
    /// loop (a folder of 100,000 takes a few tenths of a second to check).
    pub(super) fn go_home(&mut self) {
        self.leave_session();
        if let Some(left) = self.open_response() {
            let summary = Arc::new(self.store.summary_of(left));
            self.listing
                .retain(|l| !matches!(l, Listed::Response(r) if r.id == summary.id));
            let at = self.listing.partition_point(
                |l| matches!(l, Listed::Response(r) if (Reverse(r.updated), r.id) < (Reverse(summary.updated), summary.id)),
            );
            self.listing.insert(at, Listed::Response(summary));
        }
        self.put_back_newest_form();
        self.screen = Screen::Home(Home::new(self.listing.clone()));
        self.ask(Command::List);
    }

    /// A listing made in the background: the home screen shows it.
    pub fn listed(&mut self, listed: Result<Vec<Listed>, StoreError>) -> Update {
        match listed {
            Ok(listing) => self.listing = listing,
            Err(error) => {
                self.notice = Some(Notice::Failed(error));
                return Update::Redraw;
            }
        }
        match &mut self.screen {
            Screen::Home(home) => {
                home.reload(self.listing.clone());
                Update::Redraw
            }
            _ => Update::Nothing,
        }
    }

    pub(super) fn put_back_newest_form(&mut self) {
        if let Some(newest) = self.newest.take() {
            self.form = newest;
        }
    }

    pub(super) fn reload_home(&mut self) {
        let Screen::Home(home) = &mut self.screen else {
            return;
        };
        match self.store.list() {
            Ok(entries) => {
                self.listing = entries;
                home.reload(self.listing.clone());
            }
            Err(error) => self.notice = Some(Notice::Failed(error)),
        }
    }

    pub(super) fn save_session(&mut self, changed: Changed) {
        if let Screen::Entry(session, _) = &mut self.screen {
            session.response.lang = self.texts.lang.code().to_string();
        }
        if self.holding_saves {
            self.save_held = true;
        } else {
            self.save_current();
        }
        if changed == Changed::Reopened {
            self.ask(Command::StatusChanged);
        }
        if changed == Changed::Reopened && !matches!(self.notice, Some(Notice::SaveFailed(_))) {
            self.notice = Some(Notice::Reopened);
        }
    }

    /// From now until [`App::release_saves`], changes are saved once, at
    /// the end: what the terminal sent at once (a paste from a terminal
    /// without bracketed paste is a burst of keys) is one save, not one a
    /// key. Nothing is drawn in between, so the screen never shows what is
    /// not on disk.
    pub fn hold_saves(&mut self) {
        self.holding_saves = true;
    }

    /// Saves what changed while saves were held.
    pub fn release_saves(&mut self) {
        self.holding_saves = false;
        if std::mem::take(&mut self.save_held) {
            self.save_current();
        }
    }

    /// Writes the open response if it changed. A failure is shown and the
    /// answers stay in memory; the next change tries again.
    pub(super) fn save_current(&mut self) {
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
