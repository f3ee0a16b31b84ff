//! What each screen does with an action: home, a question, the review, the
//! results, and the news of a sync in progress.

use super::*;

impl App {
    pub(super) fn apply_report(&mut self, action: Action) -> Update {
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
    pub(super) fn open_report(&mut self) {
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

    pub(super) fn apply_home(&mut self, action: Action) -> Update {
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
                self.overlays.push(Overlay::Sync(SyncView::default()));
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
}
