//! What plain mode opens: a new response (the unit's, if the office
//! registered for one) or a stored one, taken under its lock.

use std::io::{self, Write};

use crate::form::Form;
use crate::i18n::{Describe, Texts};
use crate::session::{Session, Taken};
use crate::store::{ForUnit, Responses};

/// What plain mode opens.
#[derive(Clone, Copy)]
pub enum Opening<'a> {
    /// A new response, the unit's if the office registered for one.
    New {
        for_unit: Option<&'a ForUnit>,
    },
    Stored(uuid::Uuid),
}

/// A new response or a stored one, taken for editing; `None`
/// when it cannot be (what is wrong is said on `output`).
pub(super) fn open(
    form: &Form,
    texts: &Texts,
    store: &dyn Responses,
    opening: Opening,
    output: &mut dyn Write,
) -> io::Result<Option<Session>> {
    let taken = match opening {
        Opening::New { for_unit } => Session::begin_new(form, store, texts.lang.code(), for_unit),
        Opening::Stored(id) => Session::take(store, id).and_then(|taken| match taken {
            Taken::Mine(lock, response) => Ok(Session::editing(form, response, lock)),
            // Left without a key for long (a dropped link, a terminal left
            // behind): taken over, that session saving and letting go.
            Taken::Elsewhere { idle, .. }
                if idle.is_some_and(|idle| idle >= crate::session::STALE_AFTER) =>
            {
                let _ = writeln!(output, "{}", texts.t("plain-taking-over"));
                let lock = store.take_over(id)?;
                Ok(Session::editing(form, store.load(id)?, lock))
            }
            Taken::Elsewhere { holder, .. } => Err(crate::store::StoreError::Locked { holder }),
        }),
    };
    match taken {
        Ok(session) => Ok(Some(session)),
        Err(crate::store::StoreError::Locked { holder }) => {
            let holder = crate::i18n::holder(texts, &holder);
            let message = texts.t_args("plain-locked", &[("holder", holder.into())]);
            writeln!(output, "{message}")?;
            Ok(None)
        }
        Err(error) => {
            writeln!(output, "! {}", error.describe(texts))?;
            Ok(None)
        }
    }
}
