//! `campo doctor`: checks every file of a data folder and reports each one
//! that campo cannot use as it is, with its path and the reason. It changes
//! nothing.

use crate::form::Form;
use crate::i18n::{Describe, Texts};
use crate::store::{DataDir, Responses, Status, StoreError};

use super::Failure;

/// `forms`: every version campo has, the newest first.
pub fn run(forms: &[Form], texts: &Texts, data: &DataDir) -> Result<(), Failure> {
    let mut problems = Vec::new();
    let mut good = 0;
    data.each(&mut |read| match read {
        Err(error) => problems.push(error.describe(texts)),
        Ok(response) => {
            let path = data.location(response.id);
            let Some(form) = super::list::version_of(forms, &response.form) else {
                let reason = texts.unknown_form(&response.form);
                problems.push(texts.t_args(
                    "doctor-line",
                    &[("path", path.into()), ("reason", reason.into())],
                ));
                return;
            };
            let found = form.check_document(
                &response.answers,
                &response.reasons,
                response.status == Status::Complete,
            );
            if found.is_empty() {
                good += 1;
            }
            for problem in found {
                let reason = problem.describe(texts);
                problems.push(texts.t_args(
                    "doctor-line",
                    &[("path", path.clone().into()), ("reason", reason.into())],
                ));
            }
        }
    })
    .map_err(|e| Failure(e.describe(texts)))?;
    for leftover in data
        .leftover_temporary_files()
        .map_err(|e: StoreError| Failure(e.describe(texts)))?
    {
        problems.push(texts.t_args("doctor-leftover", &[("path", leftover.into())]));
    }
    for line in &problems {
        println!("{}", crate::text::printable(line));
    }
    let summary = if good == 0 && problems.is_empty() {
        texts.t("doctor-empty")
    } else {
        texts.t_args(
            "doctor-summary",
            &[("good", good.into()), ("problems", problems.len().into())],
        )
    };
    println!("{summary}");
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Failure(texts.t("doctor-found-problems")))
    }
}
