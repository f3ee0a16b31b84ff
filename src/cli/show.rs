//! `campo show ID`: a response's answers as review text, or its document.

use std::io::Write;

use uuid::Uuid;

use crate::form::Form;
use crate::i18n::Texts;
use crate::store::{DataDir, Responses, StoreError};

/// `forms`: every version campo has; the response is shown with its own.
pub fn run(
    forms: &[Form],
    texts: &Texts,
    data: &DataDir,
    id: Uuid,
    json: bool,
) -> Result<(), StoreError> {
    let response = data.load(id)?;
    let out = match (json, super::list::version_of(forms, &response.form)) {
        (true, _) => crate::text::printable_json(
            &String::from_utf8(response.to_json()).expect("JSON is UTF-8"),
        ),
        (false, Some(form)) => crate::i18n::review_text(form, texts, &response),
        (false, None) => format!("{}\n", texts.unknown_form(&response.form)),
    };
    // A closed pipe (`campo show … | head`) is not an error worth a panic.
    let out = if json {
        out
    } else {
        crate::text::printable(&out)
    };
    let _ = std::io::stdout().write_all(out.as_bytes());
    Ok(())
}
