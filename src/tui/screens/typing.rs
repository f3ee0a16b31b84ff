//! Keys and pastes taken by the field in focus before they become actions:
//! the answer being typed, the reason for a soft check's warning, the filter
//! of a long list.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::entry::{Entry, Outcome, Refused};
use crate::form::Form;
use crate::session::Session;
use crate::tui::keymap::Context;
use crate::tui::widgets::text_editor::Edit;

impl Entry {
    /// Offers a key to the focused field before it becomes an action: the
    /// text being edited, or the filter of a filterable list.
    pub fn take_key(
        &mut self,
        form: &Form,
        session: &mut Session,
        key: &KeyEvent,
    ) -> Option<Outcome> {
        if let Some(editor) = &mut self.reason {
            return match editor.handle(key) {
                Edit::Changed => {
                    session.set_reason(form, self.item, Some(editor.text()));
                    Some(Outcome::Redraw)
                }
                Edit::Moved => Some(Outcome::Redraw),
                Edit::Full { max } => Some(Outcome::Refused(Refused::Full { max })),
                Edit::NotMine => None,
            };
        }
        if let Some((item, editor)) = &mut self.editing {
            return match editor.handle(key) {
                Edit::Changed => {
                    let item = *item;
                    let answer = form.typed_answer(item, &editor.text(), self.convention);
                    session.set_answer(form, item, answer);
                    Some(Outcome::Redraw)
                }
                Edit::Moved => Some(Outcome::Redraw),
                Edit::Full { max } => Some(Outcome::Refused(Refused::Full { max })),
                Edit::NotMine => None,
            };
        }
        if self.context(form) != Context::FilteredChoice
            || key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
        {
            return None;
        }
        match key.code {
            KeyCode::Char(c) if !c.is_ascii_digit() && (c != ' ' || !self.filter.is_empty()) => {
                self.filter.push(c);
                self.cursor = 0;
                self.pointed = true;
                Some(Outcome::Redraw)
            }
            KeyCode::Backspace if !self.filter.is_empty() => {
                self.filter.pop();
                self.cursor = 0;
                Some(Outcome::Redraw)
            }
            _ => None,
        }
    }

    /// Pasted text, as one change: into the field being edited, or the
    /// filter of a filterable list; anywhere else it is refused.
    pub fn paste(&mut self, form: &Form, session: &mut Session, text: &str) -> Outcome {
        if let Some(editor) = &mut self.reason {
            let left_out = editor.paste(text);
            session.set_reason(form, self.item, Some(editor.text()));
            return match left_out {
                0 => Outcome::Redraw,
                left_out => Outcome::Refused(Refused::PasteCut { left_out }),
            };
        }
        if let Some((item, editor)) = &mut self.editing {
            let left_out = editor.paste(text);
            let answer = form.typed_answer(*item, &editor.text(), self.convention);
            session.set_answer(form, *item, answer);
            return match left_out {
                0 => Outcome::Redraw,
                left_out => Outcome::Refused(Refused::PasteCut { left_out }),
            };
        }
        if self.context(form) == Context::FilteredChoice {
            self.filter
                .extend(text.chars().filter(|c| !c.is_control()).take(40));
            self.cursor = 0;
            self.pointed = true;
            return Outcome::Redraw;
        }
        Outcome::Refused(Refused::NowhereToPaste)
    }
}
