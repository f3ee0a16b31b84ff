//! What each screen does with an action: home, a question, the review, the
//! results, and the news of a sync in progress.

use super::*;

impl App {
    pub(super) fn apply_report(&mut self, action: Action) -> Update {
        let Screen::Report(report) = &mut self.screen else {
            return Update::Nothing;
        };
        match report.apply(&self.form, action) {
            ReportOutcome::Ignored => Update::Nothing,
            ReportOutcome::Redraw => Update::Redraw,
            ReportOutcome::Back => {
                self.go_home();
                Update::Redraw
            }
        }
    }

    /// The results of the complete responses saved here: counted in the
    /// background, like the listing, and shown when they come.
    pub(super) fn open_report(&mut self) {
        self.report_asked = true;
        self.notice = Some(Notice::Counting);
        self.ask(Command::Gather);
    }

    /// The counts asked for by [`Command::Gather`]: the results screen,
    /// unless the user has moved on from the home screen meanwhile.
    pub fn gathered(
        &mut self,
        gathered: Result<(crate::report::Gathered, crate::report::Selection), StoreError>,
    ) -> Update {
        if !std::mem::take(&mut self.report_asked) || !matches!(self.screen, Screen::Home(_)) {
            return Update::Nothing;
        }
        self.notice = None;
        match gathered {
            Ok((gathered, selection)) => {
                let tallies = gathered.total.tallies(&self.form);
                self.screen = Screen::Report(Report::new(tallies, selection));
            }
            Err(error) => self.notice = Some(Notice::Failed(error)),
        }
        Update::Redraw
    }

    /// Runs `step` on the open question, then saves the response if the
    /// step changed it. Every change is on disk before the screen shows it.
    pub(super) fn in_entry<T>(
        &mut self,
        step: impl FnOnce(&mut Entry, &Form, &mut Session, &Texts) -> T,
    ) -> Option<T> {
        let Screen::Entry(session, entry) = &mut self.screen else {
            return None;
        };
        let result = step(entry, &self.form, session, &self.texts);
        let changed = session.take_changed();
        if changed != Changed::Nothing {
            self.save_session(changed);
        }
        Some(result)
    }

    pub(super) fn after_entry(&mut self, outcome: Outcome, armed: bool) -> Update {
        match outcome {
            Outcome::Ignored => Update::Nothing,
            Outcome::Redraw => Update::Redraw,
            Outcome::Leave(Leave::Home) => self.leave_for_home(armed),
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

    pub(super) fn apply_home(&mut self, action: Action) -> Update {
        let Screen::Home(home) = &mut self.screen else {
            return Update::Nothing;
        };
        match home.apply(action) {
            HomeOutcome::Ignored => Update::Nothing,
            HomeOutcome::Redraw => Update::Redraw,
            HomeOutcome::New => {
                self.start_new();
                Update::Redraw
            }
            HomeOutcome::Open { review } => {
                self.open_selected(review);
                Update::Redraw
            }
            HomeOutcome::Delete(id) => {
                self.notice = Some(match self.store.delete(id) {
                    Ok(()) => Notice::Deleted,
                    Err(error) => Notice::Failed(error),
                });
                self.reload_home();
                Update::Redraw
            }
            HomeOutcome::Sync => {
                self.overlays.push(Overlay::Sync(SyncView::default()));
                self.ask(Command::StartSync);
                Update::Redraw
            }
            HomeOutcome::Report => {
                self.open_report();
                Update::Redraw
            }
            HomeOutcome::Quit => {
                self.ask(Command::Quit);
                Update::Nothing
            }
        }
    }

    /// News from the background sync.
    pub fn on_sync_event(&mut self, event: crate::sync::Event) -> Update {
        let Some(view) = self.overlays.iter_mut().find_map(|o| match o {
            Overlay::Sync(view) => Some(view),
            _ => None,
        }) else {
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

    pub(super) fn apply_review(&mut self, action: Action, armed: bool) -> Update {
        let Screen::Review(session, review) = &mut self.screen else {
            return Update::Nothing;
        };
        match review.apply(&self.form, &session.asked, action) {
            ReviewOutcome::Ignored => Update::Nothing,
            ReviewOutcome::Redraw => Update::Redraw,
            ReviewOutcome::Change(item) => {
                self.back_to_entry(item, true);
                Update::Redraw
            }
            ReviewOutcome::MarkComplete => {
                match session.mark_complete(&self.form) {
                    Ok(()) => {
                        // Done: leaving now goes to the list (in the kiosk,
                        // ends the session), not back into a question.
                        review.from_home = true;
                        self.notice = Some(Notice::MarkedComplete);
                        self.ask(Command::StatusChanged);
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
            ReviewOutcome::Back { home: true } => self.leave_for_home(armed),
            ReviewOutcome::Back { home: false } => {
                self.back_to_entry(None, false);
                Update::Redraw
            }
        }
    }
}

/// A question: the action, a digit that waits for a second one, and
/// auto-advance.
impl App {
    /// Whether a digit just typed waits for a second one (the loop settles
    /// it after [`DIGIT_WAIT`] without a key).
    pub fn digit_pending(&self) -> bool {
        matches!(&self.screen, Screen::Entry(_, entry) if entry.pending_digit.is_some())
    }

    /// No second digit came in time: the first one's choice stands, and
    /// with auto-advance a single choice moves on.
    pub fn settle_digit(&mut self) -> Update {
        self.notice
            .take_if(|n| matches!(n, Notice::DigitPending { .. }));
        let auto_advance = self.options.auto_advance;
        let outcome = self.in_entry(|entry, form, session, texts| {
            if entry.pending_digit.take().is_none() {
                return Outcome::Ignored;
            }
            let single = matches!(
                form.items[entry.item].kind,
                crate::form::ItemKind::Single { .. }
            );
            if auto_advance && single && entry.editing.is_none() {
                let label = |id: &str| texts.form_text(id);
                return entry.apply(form, session, Action::Confirm, &label);
            }
            Outcome::Redraw
        });
        self.after_entry(outcome.unwrap_or(Outcome::Ignored), false)
    }

    pub(super) fn apply_entry(&mut self, action: Action, armed: bool) -> Update {
        let auto_advance = self.options.auto_advance;
        let applied = self.in_entry(|entry, form, session, texts| {
            let label = |id: &str| texts.form_text(id);
            let outcome = entry.apply(form, session, action, &label);
            // A digit that may begin a two-digit number waits, and says so.
            if let Some(digit) = entry.pending_digit {
                let count = entry.visible_options(form, &label).len();
                let pending = Notice::DigitPending {
                    digit,
                    first: digit * 10,
                    last: count.min(digit * 10 + 9),
                };
                return (outcome, Some(pending));
            }
            // Heads-down entry: a digit on a single choice is the whole
            // answer, so it moves on, unless "other" needs text.
            let single = matches!(
                form.items[entry.item].kind,
                crate::form::ItemKind::Single { .. }
            );
            if auto_advance
                && single
                && matches!(action, Action::Pick(_))
                && entry.editing.is_none()
            {
                return (entry.apply(form, session, Action::Confirm, &label), None);
            }
            (outcome, None)
        });
        let (outcome, pending) = applied.unwrap_or((Outcome::Ignored, None));
        let update = self.after_entry(outcome, armed);
        match pending {
            Some(pending) if self.notice.is_none() => {
                self.notice = Some(pending);
                stronger_than_nothing(update)
            }
            _ => update,
        }
    }
}

/// At least a redraw: something new is to be shown.
fn stronger_than_nothing(update: Update) -> Update {
    match update {
        Update::Nothing => Update::Redraw,
        update => update,
    }
}
