//! An open response: the document and what the form makes of its answers,
//! shared by the terminal interface and the plain line mode.

use chrono::Utc;

use crate::form::{Answer, Asked, Form};
use crate::store::{EditLock, Response, Status};

pub struct Session {
    pub response: Response,
    pub asked: Asked,
    /// Held while this session may change the response.
    pub lock: Option<EditLock>,
    /// Opened to look only: another session is editing it.
    pub read_only: bool,
}

/// What a change of answer did beyond the answer itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changed {
    Nothing,
    Answer,
    /// The answer changed a completed response, which is a draft again until
    /// it is marked complete anew.
    Reopened,
}

impl Session {
    pub fn new(form: &Form, response: Response) -> Session {
        let asked = form.asked(&response.answers);
        Session {
            response,
            asked,
            lock: None,
            read_only: false,
        }
    }

    pub fn answer(&self, form: &Form, item: usize) -> Option<&Answer> {
        self.response.answers.get(&form.items[item].id)
    }

    /// Sets (or with `None` removes) an item's answer. Answers to items that
    /// stop being asked are kept while the response is a draft.
    pub fn set_answer(&mut self, form: &Form, item: usize, answer: Option<Answer>) -> Changed {
        let id = &form.items[item].id;
        let answer = answer.filter(|a| !matches!(a, Answer::Many(codes) if codes.is_empty()));
        if self.response.answers.get(id) == answer.as_ref() {
            return Changed::Nothing;
        }
        match answer {
            Some(answer) => self.response.answers.insert(id.clone(), answer),
            None => self.response.answers.remove(id),
        };
        self.asked = form.asked(&self.response.answers);
        self.response.derived = form.derived_values(&self.response.answers);
        self.response.record_change(Utc::now());
        if self.response.status == Status::Complete {
            self.response.status = Status::Draft;
            return Changed::Reopened;
        }
        Changed::Answer
    }

    /// Marks the response complete if it is valid, dropping the answers to
    /// items that are not asked; otherwise returns the items at fault.
    pub fn mark_complete(&mut self, form: &Form) -> Result<(), Vec<usize>> {
        let problems = form.problems(&self.response.answers);
        if !problems.is_empty() {
            return Err(problems.into_iter().map(|(i, _)| i).collect());
        }
        self.response.answers = form.without_skipped(&self.response.answers);
        self.response.status = Status::Complete;
        self.response.record_change(Utc::now());
        Ok(())
    }

    /// Remembers where the user stands, to reopen the response there.
    pub fn set_position(&mut self, form: &Form, item: usize) -> bool {
        let id = Some(form.items[item].id.clone());
        let moved = self.response.position != id;
        self.response.position = id;
        moved
    }
}
