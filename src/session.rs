//! The life of an open response, in one place for every front (the terminal
//! interface, plain mode): take it (lock first, then the file as it is on
//! disk now), answer, save what changed, complete, and leave — saying what
//! could not be saved rather than pretending.

use std::collections::BTreeSet;
use std::path::PathBuf;

use chrono::{SubsecRound, Utc};

use crate::form::{Answer, Asked, Form};
use crate::store::{EditLock, Lock, Recipe, Response, Responses, Status, StoreError};

/// What listings of responses of these forms show (the store knows no
/// forms, so the session, which knows both, makes its recipe): the answers of
/// every summary column of every version, and the progress through
/// the response's own version. The key changes with the forms and
/// columns, so that an index made for others is rebuilt.
pub fn listing_recipe(forms: &[Form]) -> Recipe {
    let forms = forms.to_vec();
    let items: BTreeSet<String> = forms
        .iter()
        .flat_map(|f| f.summary.iter().map(|c| c.item.clone()))
        .collect();
    // A form's id and version name its content: a changed form is a
    // new version.
    let key = forms
        .iter()
        .map(|f| format!("{}@{}", f.id, f.version))
        .chain(items.iter().cloned())
        .collect::<Vec<_>>()
        .join(" ");
    Recipe {
        key,
        take: Box::new(move |response| {
            let answers = items
                .iter()
                .filter_map(|item| Some((item.clone(), response.answers.get(item)?.clone())))
                .collect();
            let progress = response
                .form
                .among(&forms)
                .map(|f| f.progress(&response.answers));
            (answers, progress)
        }),
    }
}

/// Idle for this long, a session is likely a dropped link or a terminal
/// left behind: another may take its response over.
pub const STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(120);

pub struct Session {
    pub response: Response,
    pub asked: Asked,
    /// Held while this session may change the response.
    lock: Option<EditLock>,
    /// Opened to look only: another session is editing it.
    pub read_only: bool,
    /// The response as it is on disk, as far as this session knows: what
    /// it read or last wrote. `None` for a response never written.
    on_disk: Option<Response>,
    /// Why the last save failed, while the answers are in memory only.
    pub unsaved: Option<StoreError>,
    /// What the answers set since it was last asked did, as `set_answer`
    /// said it: the front saves (and tells) on that, without working it
    /// out again.
    changed: Changed,
}

/// What [`Session::take`] found.
pub enum Taken {
    /// The response is ours to edit, read afresh once the lock was held.
    Mine(EditLock, Response),
    /// Another session has it open; here is what is on disk, to read only.
    Elsewhere {
        holder: String,
        response: Response,
        /// How long the other session has been left without a key.
        idle: Option<std::time::Duration>,
    },
}

/// What a change of answer did beyond the answer itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Changed {
    Nothing,
    Answer,
    /// The answer changed a completed response, which is a draft again until
    /// it is marked complete anew.
    Reopened,
}

impl Session {
    /// Takes a stored response for editing. The file is read only after the
    /// lock is held, so what is shown is what the last session left, never
    /// a copy read before. A folder that cannot hold locks is an error:
    /// editing without a lock could lose another session's answers.
    pub fn take(store: &dyn Responses, id: uuid::Uuid) -> Result<Taken, StoreError> {
        match store.lock(id)? {
            Lock::Mine(lock) => Ok(Taken::Mine(lock, store.load(id)?)),
            Lock::Elsewhere { holder, idle } => Ok(Taken::Elsewhere {
                holder,
                idle,
                response: store.load(id)?,
            }),
        }
    }

    /// A response just read from disk, to edit under `lock`.
    pub fn editing(form: &Form, response: Response, lock: EditLock) -> Session {
        let mut session = Session::unlocked(form, response.clone());
        session.lock = Some(lock);
        session.on_disk = Some(response);
        session
    }

    /// A response another session has open, to read only.
    pub fn reading(form: &Form, response: Response) -> Session {
        let mut session = Session::unlocked(form, response.clone());
        session.read_only = true;
        session.on_disk = Some(response);
        session
    }

    /// A new response, not yet on disk, locked from the start.
    /// A new response of `form` in `lang`, by this account's user, with
    /// the list's answers of `for_unit` filled in and locked: the one place
    /// a response is begun, for the interface and plain mode alike.
    pub fn begin_new(
        form: &Form,
        store: &dyn Responses,
        lang: &str,
        for_unit: Option<&crate::store::ForUnit>,
    ) -> Result<Session, StoreError> {
        let form_ref = crate::form::FormRef {
            id: form.id.clone(),
            version: form.version,
        };
        let mut response = Response::new(form_ref, lang, Utc::now());
        response.entered_by = std::env::var("USER").ok().filter(|u| !u.is_empty());
        if let Some(unit) = for_unit {
            response.fill_in_for(form, unit);
        }
        Session::begin(form, store, response)
    }

    fn begin(
        form: &Form,
        store: &dyn Responses,
        response: Response,
    ) -> Result<Session, StoreError> {
        match store.lock(response.id)? {
            Lock::Mine(lock) => {
                let mut session = Session::unlocked(form, response);
                session.lock = Some(lock);
                Ok(session)
            }
            // A fresh random id taken: only a copied file could do that.
            Lock::Elsewhere { holder, .. } => Err(StoreError::Locked { holder }),
        }
    }

    fn unlocked(form: &Form, mut response: Response) -> Session {
        // A new draft has the calculates that need no answer (a constant,
        // today()); those of a completed response stay as they were sent.
        if response.status == Status::Draft {
            form.with_calculates(&mut response.answers);
        }
        let asked = form.asked(&response.answers);
        Session {
            response,
            asked,
            lock: None,
            read_only: false,
            on_disk: None,
            unsaved: None,
            changed: Changed::Nothing,
        }
    }

    pub fn answer(&self, form: &Form, item: usize) -> Option<&Answer> {
        self.response.answers.get(&form.items[item].id)
    }

    /// Sets (or with `None` removes) an item's answer. Answers to items that
    /// stop being asked are kept while the response is a draft.
    /// An answer from the list of units is locked: it is never changed.
    pub fn set_answer(&mut self, form: &Form, item: usize, answer: Option<Answer>) -> Changed {
        let id = &form.items[item].id;
        if self.response.prefilled.contains(id) {
            return Changed::Nothing;
        }
        let answer = answer.filter(|a| !matches!(a, Answer::Many(codes) if codes.is_empty()));
        if self.response.answers.get(id) == answer.as_ref() {
            return Changed::Nothing;
        }
        match answer {
            Some(answer) => self.response.answers.insert(id.clone(), answer),
            None => self.response.answers.remove(id),
        };
        // A reason was given for the answer a soft check warned about, not
        // for whatever the answer becomes.
        self.response.reasons.remove(id);
        form.with_calculates(&mut self.response.answers);
        self.asked = form.asked(&self.response.answers);
        self.response.derived = form.derived_values(&self.response.answers);
        self.record_change();
        self.record_edit()
    }

    /// Keeps (or, with `None`, drops) the reason for the answer of `item`
    /// that a soft check warned about.
    pub fn set_reason(&mut self, form: &Form, item: usize, reason: Option<String>) -> Changed {
        let id = &form.items[item].id;
        let reason = reason.filter(|r| !r.trim().is_empty());
        if self.response.reasons.get(id) == reason.as_ref() {
            return Changed::Nothing;
        }
        match reason {
            Some(reason) => self.response.reasons.insert(id.clone(), reason),
            None => self.response.reasons.remove(id),
        };
        self.record_change();
        self.record_edit()
    }

    pub fn reason(&self, form: &Form, item: usize) -> Option<&str> {
        self.response
            .reasons
            .get(&form.items[item].id)
            .map(String::as_str)
    }

    /// The problem of an item, checks across answers included.
    pub fn problem(&self, form: &Form, item: usize) -> Option<crate::form::Problem> {
        form.problem_of(item, &self.response.answers, &self.response.reasons)
    }

    /// A change of content: a new revision if the last one is on disk,
    /// else the same unsaved one, newer. A revision is what one save
    /// writes, so a burst of keys saved at once is one revision, not one a
    /// key.
    fn record_change(&mut self) {
        let saved = self.on_disk.as_ref().map_or(0, |r| r.revision);
        if self.response.revision <= saved {
            self.response.record_change(Utc::now());
        } else {
            self.response.updated = Utc::now().trunc_subsecs(0);
        }
    }

    /// An edit reopens a completed response.
    fn record_edit(&mut self) -> Changed {
        let changed = if self.response.status == Status::Complete {
            self.response.status = Status::Draft;
            Changed::Reopened
        } else {
            Changed::Answer
        };
        self.changed = self.changed.max(changed);
        changed
    }

    /// Says the session is in use (a key, a line): another session finds
    /// it active, not stale.
    pub fn touch(&self) {
        if let Some(lock) = &self.lock {
            lock.touch();
        }
    }

    /// Whether the item's answer came from the list of units, and is not
    /// to be changed.
    pub fn is_locked(&self, form: &Form, item: usize) -> bool {
        self.response.prefilled.contains(&form.items[item].id)
    }

    /// The strongest change since the last call, and forgets it.
    pub fn take_changed(&mut self) -> Changed {
        std::mem::replace(&mut self.changed, Changed::Nothing)
    }

    /// Marks the response complete if it is valid, dropping the answers to
    /// items that are not asked; otherwise returns the items at fault.
    pub fn mark_complete(&mut self, form: &Form) -> Result<(), Vec<usize>> {
        let problems = form.problems(&self.response.answers, &self.response.reasons);
        if !problems.is_empty() {
            return Err(problems.into_iter().map(|(i, _)| i).collect());
        }
        self.response.answers = form.without_skipped(&self.response.answers);
        let kept = &self.response.answers;
        self.response.reasons.retain(|id, _| kept.contains_key(id));
        self.response.status = Status::Complete;
        self.record_change();
        Ok(())
    }

    /// Remembers where the user stands, to reopen the response there.
    pub fn set_position(&mut self, form: &Form, item: usize) -> bool {
        let id = Some(form.items[item].id.clone());
        let moved = self.response.position != id;
        self.response.position = id;
        moved
    }

    /// The place a response opens at, chosen by opening it, is no change
    /// of the user's: a session that changes nothing writes nothing.
    pub fn opened_here(&mut self) {
        if let Some(on_disk) = &mut self.on_disk
            && on_disk.revision == self.response.revision
        {
            on_disk.position = self.response.position.clone();
        }
    }

    /// Writes the response if it differs from what is on disk. Nothing is
    /// written for a response never answered, nor for one opened to read.
    /// A failure is kept in [`Session::unsaved`] until a save succeeds.
    pub fn save(&mut self, store: &dyn Responses) -> Result<(), StoreError> {
        if self.read_only
            || self.response.revision == 0
            || self.on_disk.as_ref() == Some(&self.response)
        {
            return Ok(());
        }
        match store.save(&self.response) {
            Ok(()) => {
                self.on_disk = Some(self.response.clone());
                self.unsaved = None;
                Ok(())
            }
            Err(error) => {
                self.unsaved = Some(error.clone());
                Err(error)
            }
        }
    }

    /// Whether answers were given that are not on disk.
    pub fn has_unsaved_answers(&self) -> bool {
        !self.read_only
            && self.response.revision > 0
            && self.on_disk.as_ref().map(|r| r.revision) != Some(self.response.revision)
    }

    /// The answers that could not be saved, with why.
    pub fn unsaved_answers(&self) -> Option<Unsaved> {
        self.has_unsaved_answers().then(|| Unsaved {
            response: self.response.clone(),
            reason: self.unsaved.clone(),
        })
    }
}

/// A response whose last answers are not in the data folder, carried out of
/// a front that is closing so that they can be put somewhere safe.
#[derive(Debug, Clone)]
pub struct Unsaved {
    pub response: Response,
    pub reason: Option<StoreError>,
}

impl Unsaved {
    /// Writes the response, atomically, as `<id>.json` in a new private
    /// folder in the system's temporary folder (often another disk than a
    /// full data folder), ready to be copied back into `responses/`.
    pub fn rescue(&self) -> std::io::Result<PathBuf> {
        use std::os::unix::fs::PermissionsExt;
        // Readable by its owner only, like the data folder.
        let folder = tempfile::Builder::new()
            .prefix("campo-unsaved-")
            .permissions(std::fs::Permissions::from_mode(0o700))
            .tempdir()?
            .keep();
        let path = folder.join(format!("{}.json", self.response.id));
        crate::store::write_atomic(&path, &self.response.to_json())?;
        Ok(path)
    }
}
