//! Answering one question at a time.

use crate::form::value::Convention;
use crate::form::{Answer, Form, ItemKind};
use crate::session::{Changed, Session};
use crate::tui::keymap::{Action, Context};
use crate::tui::widgets::text_editor::TextEditor;

pub struct Entry {
    /// The question shown (an index into `Form::items`).
    pub item: usize,
    /// The highlighted option, as a position among the visible options.
    pub cursor: usize,
    /// What was typed to narrow a filterable list.
    pub filter: String,
    /// The text being edited: the question's own, or the "other, specify"
    /// companion of the highlighted option, with the item it belongs to.
    pub editing: Option<(usize, TextEditor)>,
    /// Show the current question's problem (after Enter, or from review).
    pub show_problem: bool,
    /// The user moved the cursor or filtered the list on this question:
    /// only then does Enter take the highlighted option. A cursor that has
    /// not moved points at an option nobody chose.
    pub pointed: bool,
    /// In a list of ten options or more, the digit just typed, which the
    /// next one may turn into a two-digit number ("1" then "2": option 12).
    pub pending_digit: Option<usize>,
    /// The answer came from the list of units: shown, not changed.
    pub locked: bool,
    /// How numbers and dates are typed in the user's language.
    pub convention: Convention,
    /// The reason being typed for an answer a soft check warned about.
    pub reason: Option<TextEditor>,
}

/// What handling a key led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Ignored,
    Redraw,
    Leave(Leave),
    /// Something typed or pasted was not taken, and the user must hear why.
    Refused(Refused),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// The field holds all it takes.
    Full { max: usize },
    /// Part of a paste was left out (past the limit, or control characters).
    PasteCut { left_out: usize },
    /// A paste where there is no text to paste into.
    NowhereToPaste,
    /// The answer comes from the list of units.
    Locked,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leave {
    Home,
    Review,
}

impl Entry {
    /// Stands on `item` of an open response.
    pub fn at(form: &Form, session: &mut Session, item: usize, convention: Convention) -> Entry {
        let mut entry = Entry {
            convention,
            reason: None,
            item,
            cursor: 0,
            filter: String::new(),
            editing: None,
            show_problem: false,
            pointed: false,
            pending_digit: None,
            locked: false,
        };
        entry.go_to(form, session, item);
        entry
    }

    /// Where a response opens: where it was left, else its first question.
    pub fn resume(form: &Form, session: &mut Session, convention: Convention) -> Entry {
        let saved = session
            .response
            .position
            .as_deref()
            .and_then(|id| form.position(id));
        let item = saved
            .and_then(|i| form.nearest_question(&session.asked, i))
            .or_else(|| form.first_question(&session.asked))
            .unwrap_or(0);
        Entry::at(form, session, item, convention)
    }

    pub fn context(&self, form: &Form) -> Context {
        if self.locked {
            return Context::LockedAnswer;
        }
        if self.reason.is_some() {
            return Context::Text;
        }
        if !form.items[self.item].takes_answer() {
            return Context::Note;
        }
        match (&self.editing, &form.items[self.item].kind) {
            (Some((_, editor)), _) if editor.is_multiline() => Context::MultilineText,
            (Some(_), _) => Context::Text,
            (
                None,
                ItemKind::Single {
                    filterable: true, ..
                },
            ) => Context::FilteredChoice,
            _ => Context::Choice,
        }
    }

    /// The options shown, as positions among the item's options: all, or
    /// those whose label or code contains the filter (so "toscana" finds
    /// Tuscany in the English interface too), best match first: a name
    /// that starts with the filter, then one with a word that does, then
    /// the rest ("ven" puts Veneto before Friuli Venezia Giulia).
    pub fn visible_options(&self, form: &Form, label: &dyn Fn(&str) -> String) -> Vec<usize> {
        let options = form.items[self.item].options();
        if self.filter.is_empty() {
            return (0..options.len()).collect();
        }
        let filter = self.filter.to_lowercase();
        let rank = |text: &str| crate::text::match_rank(text, &filter);
        let mut ranked: Vec<(u8, usize)> = (0..options.len())
            .filter_map(|i| {
                let by_label = rank(&label(&options[i].label).to_lowercase());
                let by_code = rank(&options[i].code.replace('_', " "));
                by_label.into_iter().chain(by_code).min().map(|r| (r, i))
            })
            .collect();
        ranked.sort();
        ranked.into_iter().map(|(_, i)| i).collect()
    }

    pub fn apply(
        &mut self,
        form: &Form,
        session: &mut Session,
        action: Action,
        label: &dyn Fn(&str) -> String,
    ) -> Outcome {
        let visible = self.visible_options(form, label);
        let pending_digit = self.pending_digit.take();
        if self.locked {
            match action {
                Action::Toggle | Action::Pick(_) | Action::ClearAnswer => {
                    return Outcome::Refused(Refused::Locked);
                }
                Action::Confirm => {
                    let next = form.next_question(&session.asked, self.item);
                    return self.step(form, session, next, true);
                }
                _ => {}
            }
        }
        if self.reason.is_some() {
            match action {
                Action::Confirm => return self.confirm(form, session, &visible),
                Action::Back => {
                    self.reason = None;
                    return Outcome::Redraw;
                }
                _ => {}
            }
        }
        match action {
            // An arrow leaves the "other" text for the options, and moves.
            Action::Up | Action::Down if self.editing_companion() => {
                self.editing = None;
                let step = if action == Action::Up { -1 } else { 1 };
                self.move_cursor(form, session, &visible, step);
                Outcome::Redraw
            }
            Action::Up => self.move_cursor(form, session, &visible, -1),
            Action::Down => self.move_cursor(form, session, &visible, 1),
            Action::Toggle => match visible.get(self.cursor) {
                Some(&option) => self.choose(form, session, option),
                None => Outcome::Ignored,
            },
            Action::Pick(digit) => self.pick(form, session, &visible, pending_digit, digit),
            Action::Confirm => self.confirm(form, session, &visible),
            Action::ClearAnswer => {
                redraw_if(session.set_answer(form, self.item, None) != Changed::Nothing)
            }
            Action::NextQuestion => self.step(
                form,
                session,
                form.next_question(&session.asked, self.item),
                true,
            ),
            Action::PreviousQuestion => self.step(
                form,
                session,
                form.previous_question(&session.asked, self.item),
                false,
            ),
            Action::NextSection => self.step(
                form,
                session,
                form.next_section(&session.asked, self.item),
                false,
            ),
            Action::PreviousSection => {
                let start = form.section_start(&session.asked, form.items[self.item].section);
                let target = if start == Some(self.item) {
                    form.previous_section(&session.asked, self.item)
                } else {
                    start
                };
                self.step(form, session, target, false)
            }
            Action::Back if self.editing_companion() => {
                self.editing = None;
                Outcome::Redraw
            }
            Action::Back if !self.filter.is_empty() => {
                self.filter.clear();
                Outcome::Redraw
            }
            Action::Back => Outcome::Leave(Leave::Home),
            Action::Review => Outcome::Leave(Leave::Review),
            _ => Outcome::Ignored,
        }
    }

    /// A digit: option N at once. In a list of ten or more, a digit that
    /// can begin a two-digit number waits for the next key: another digit
    /// makes the number (the first choice is taken back), anything else
    /// leaves the first choice as it is.
    fn pick(
        &mut self,
        form: &Form,
        session: &mut Session,
        visible: &[usize],
        pending: Option<usize>,
        digit: usize,
    ) -> Outcome {
        if let Some(first) = pending
            && let Some(&option) = visible.get((first * 10 + digit).wrapping_sub(1))
        {
            if matches!(form.items[self.item].kind, ItemKind::Multi { .. }) {
                self.choose(form, session, visible[first - 1]);
            }
            self.cursor = first * 10 + digit - 1;
            return self.choose(form, session, option);
        }
        let Some(&option) = visible.get(digit.wrapping_sub(1)) else {
            return Outcome::Ignored;
        };
        self.cursor = digit - 1;
        let outcome = self.choose(form, session, option);
        if digit * 10 <= visible.len() && self.editing.is_none() {
            self.pending_digit = Some(digit);
        }
        outcome
    }

    fn editing_companion(&self) -> bool {
        matches!(&self.editing, Some((item, _)) if *item != self.item)
    }

    /// Moves the highlight; landing on a chosen "other" opens its text, so
    /// that text typed before (and left half done) is reached with the
    /// arrows the footer shows.
    fn move_cursor(
        &mut self,
        form: &Form,
        session: &Session,
        visible: &[usize],
        step: isize,
    ) -> Outcome {
        let next = self
            .cursor
            .saturating_add_signed(step)
            .min(visible.len().saturating_sub(1));
        if next == self.cursor {
            return Outcome::Ignored;
        }
        self.cursor = next;
        self.pointed = true;
        let code = &form.items[self.item].options()[visible[next]].code;
        if session
            .answer(form, self.item)
            .is_some_and(|answer| answer.includes(code))
            && let Some(companion) = form.companion_for(self.item, code)
        {
            self.open_editor(form, session, companion);
        }
        Outcome::Redraw
    }

    /// Chooses (single) or toggles (multiple) option `option`; an "other"
    /// that is now chosen opens its text at once.
    fn choose(&mut self, form: &Form, session: &mut Session, option: usize) -> Outcome {
        let item = &form.items[self.item];
        let code = item.options()[option].code.clone();
        let answer = match &item.kind {
            ItemKind::Multi { .. } => {
                let mut codes = session
                    .answer(form, self.item)
                    .and_then(Answer::as_many)
                    .map(<[String]>::to_vec)
                    .unwrap_or_default();
                if let Some(at) = codes.iter().position(|c| *c == code) {
                    codes.remove(at);
                } else {
                    codes = item.with_chosen(&codes, &code);
                }
                Answer::Many(form.in_form_order(self.item, &codes))
            }
            _ => Answer::One(code.clone()),
        };
        let chosen = answer.includes(&code);
        self.show_problem = false;
        let changed = session.set_answer(form, self.item, Some(answer));
        self.editing = None;
        if chosen && let Some(companion) = form.companion_for(self.item, &code) {
            self.open_editor(form, session, companion);
            return Outcome::Redraw;
        }
        redraw_if(changed != Changed::Nothing)
    }

    /// Enter: in a single choice, takes the highlighted option if the user
    /// moved to it (or filtered to it); then moves on if the question is
    /// answered well, or says why not.
    fn confirm(&mut self, form: &Form, session: &mut Session, visible: &[usize]) -> Outcome {
        let is_single = matches!(form.items[self.item].kind, ItemKind::Single { .. });
        if is_single
            && self.pointed
            && self.editing.is_none()
            && let Some(&option) = visible.get(self.cursor)
        {
            let code = &form.items[self.item].options()[option].code;
            if session.answer(form, self.item).and_then(Answer::as_one) != Some(code) {
                let outcome = self.choose(form, session, option);
                if self.editing.is_some() {
                    return outcome;
                }
            }
        }
        let problems = self.problem_items(form, session);
        let only_a_warning = problems == [self.item]
            && session
                .problem(form, self.item)
                .is_some_and(|p| p.is_soft());
        if only_a_warning && self.reason.is_none() {
            let given = session.reason(form, self.item).unwrap_or("");
            self.reason =
                Some(TextEditor::new(given, false).with_limit(Some(crate::form::MAX_REASON_CHARS)));
            self.show_problem = true;
            return Outcome::Redraw;
        }
        if problems.is_empty() {
            self.reason = None;
            let next = form.next_question(&session.asked, self.item);
            if next.is_none() {
                return Outcome::Leave(Leave::Review);
            }
            self.step(form, session, next, false)
        } else {
            self.show_problem = true;
            Outcome::Redraw
        }
    }

    /// The current question and its asked companions that have a problem.
    pub fn problem_items(&self, form: &Form, session: &Session) -> Vec<usize> {
        std::iter::once(self.item)
            .chain(form.companions_of(self.item))
            .filter(|&i| session.asked.is_asked(i) && session.problem(form, i).is_some())
            .collect()
    }

    /// Moves to another question; Tab past the last one goes to review.
    fn step(
        &mut self,
        form: &Form,
        session: &mut Session,
        target: Option<usize>,
        to_review_at_end: bool,
    ) -> Outcome {
        match target {
            Some(item) => {
                self.go_to(form, session, item);
                Outcome::Redraw
            }
            None if to_review_at_end => Outcome::Leave(Leave::Review),
            None => Outcome::Ignored,
        }
    }

    pub fn go_to(&mut self, form: &Form, session: &mut Session, item: usize) {
        self.item = item;
        self.filter.clear();
        self.show_problem = false;
        self.pointed = false;
        self.pending_digit = None;
        self.editing = None;
        self.reason = None;
        self.locked = session.is_locked(form, item);
        session.set_position(form, item);
        let answer = session.answer(form, item);
        self.cursor = match (&form.items[item].kind, answer) {
            (ItemKind::Single { options, .. }, Some(Answer::One(code))) => {
                options.iter().position(|o| &o.code == code).unwrap_or(0)
            }
            _ => 0,
        };
        if form.items[item].is_typed() && !self.locked {
            self.open_editor(form, session, item);
        }
    }

    fn open_editor(&mut self, form: &Form, session: &Session, item: usize) {
        let multiline = matches!(form.items[item].kind, ItemKind::Text(rules) if rules.multiline);
        let text = session
            .answer(form, item)
            .map(|answer| form.typed_text(item, answer, self.convention))
            .unwrap_or_default();
        let limit = match &form.items[item].kind {
            ItemKind::Text(rules) => rules.max_length,
            // As long as any number or date, and the field that shows it.
            _ => Some(20),
        };
        self.editing = Some((item, TextEditor::new(&text, multiline).with_limit(limit)));
    }

    /// The language changed: option labels did too, so an old filter may no
    /// longer match. Keep it, but bring the cursor back into range.
    /// Numbers and dates being typed are written again in the new
    /// language's convention ("3,5" becomes "3.5").
    pub fn relabelled(
        &mut self,
        form: &Form,
        session: &Session,
        label: &dyn Fn(&str) -> String,
        convention: Convention,
    ) {
        let count = self.visible_options(form, label).len();
        self.cursor = self.cursor.min(count.saturating_sub(1));
        self.convention = convention;
        if let Some((item, _)) = self.editing
            && matches!(
                form.items[item].kind,
                ItemKind::Number(_) | ItemKind::Date(_)
            )
        {
            self.open_editor(form, session, item);
        }
    }
}

fn redraw_if(changed: bool) -> Outcome {
    if changed {
        Outcome::Redraw
    } else {
        Outcome::Ignored
    }
}
