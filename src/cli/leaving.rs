//! Leaving: one line saying what was saved and how to come back, or, when
//! answers could not be saved, putting them somewhere safe and saying where.

use crate::i18n::{Describe, Lang, Texts};
use crate::store::{DataDir, Responses};

use super::list;

/// The language a response was last used in.
pub fn language_of(data: &DataDir, id: uuid::Uuid) -> Option<Lang> {
    Lang::from_code(&data.load(id).ok()?.lang)
}

/// One line on leaving: what was saved, and the command to go on.
pub fn say_how_to_come_back(
    forms: &[crate::form::Form],
    texts: &Texts,
    left: &crate::store::Response,
) {
    if left.revision == 0 {
        return; // nothing was ever answered, so nothing was saved
    }
    let (answered, asked) = list::version_of(forms, &left.form).map_or((0, 0), |form| {
        let p = form.progress(&left.answers);
        (p.answered, p.asked)
    });
    let status = match left.status {
        crate::store::Status::Draft => texts.t("status-draft"),
        crate::store::Status::Complete => texts.t("status-complete"),
    };
    let mut args = vec![
        ("id", left.short_id().into()),
        ("status", status.to_lowercase().into()),
        ("answered", answered.into()),
        ("asked", asked.into()),
    ];
    args.extend(texts.noun_args());
    let line = texts.t_args("left-saved", &args);
    println!("{}", crate::text::printable(&line));
}

/// Answers the data folder would not take: written to a file of their own,
/// or, if even that fails, printed whole, so that none is lost; said on
/// standard error either way.
pub fn put_unsaved_in_safety(texts: &Texts, unsaved: &crate::session::Unsaved) {
    let reason = unsaved
        .reason
        .as_ref()
        .map(|e| e.describe(texts))
        .unwrap_or_default();
    match unsaved.rescue() {
        Ok(path) => eprintln!(
            "{}",
            texts.t_args(
                "unsaved-rescued",
                &[
                    ("reason", reason.into()),
                    ("path", path.display().to_string().into())
                ]
            )
        ),
        Err(error) => {
            let failure = crate::io_failure::IoFailure::from(&error).describe(texts);
            eprintln!(
                "{}",
                texts.t_args(
                    "unsaved-printed",
                    &[("reason", reason.into()), ("failure", failure.into())]
                )
            );
            eprintln!("{}", String::from_utf8_lossy(&unsaved.response.to_json()));
        }
    }
}
