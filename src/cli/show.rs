//! `campo show ID`: a response's answers as review text, or its document.

use std::io::Write;

use uuid::Uuid;

use crate::form::Form;
use crate::i18n::{Describe, Texts};
use crate::store::{DataDir, Response, Responses, Status, StoreError};

pub fn run(
    form: &Form,
    texts: &Texts,
    data: &DataDir,
    id: Uuid,
    json: bool,
) -> Result<(), StoreError> {
    let response = data.load(id)?;
    let out = if json {
        String::from_utf8(response.to_json()).expect("JSON is UTF-8")
    } else if response.form.id != form.id || response.form.version != form.version {
        let args = [
            ("form", response.form.id.as_str().into()),
            ("version", response.form.version.into()),
        ];
        format!("{}\n", texts.t_args("notice-unknown-form", &args))
    } else {
        review_text(form, texts, &response)
    };
    // A closed pipe (`campo show … | head`) is not an error worth a panic.
    let _ = std::io::stdout().write_all(out.as_bytes());
    Ok(())
}

/// Every asked item under its section heading with its answer, as the
/// review screen shows them.
pub fn review_text(form: &Form, texts: &Texts, response: &Response) -> String {
    let status = match response.status {
        Status::Draft => texts.t("status-draft"),
        Status::Complete => texts.t("status-complete"),
    };
    let progress = form.progress(&response.answers);
    let mut out = format!("{}\n", texts.form_text(&form.title));
    out += &texts.t_args(
        "show-header",
        &[
            ("id", response.id.to_string().into()),
            ("status", status.into()),
            ("answered", progress.answered.into()),
            ("asked", progress.asked.into()),
            ("updated", texts.datetime(response.updated).into()),
        ],
    );
    out.push('\n');
    let asked = form.asked(&response.answers);
    for (s, section) in form.sections.iter().enumerate() {
        let items: Vec<usize> = section
            .items
            .clone()
            .filter(|&i| asked.is_asked(i))
            .collect();
        if items.is_empty() {
            continue;
        }
        out += &format!("\n== {} ==\n", texts.form_text(&form.sections[s].title));
        for item in items {
            let answer = response
                .answers
                .get(&form.items[item].id)
                .filter(|a| !a.is_empty());
            let problem = form.check_answer(item, answer);
            let mark = if problem.is_some() { "! " } else { "" };
            out += &format!("{mark}{}\n", texts.form_text(&form.items[item].question));
            let shown = match (
                texts.answer_with_details(form, &response.answers, item),
                &problem,
            ) {
                (Some(text), _) => text.replace('\n', "\n    "),
                (None, Some(_)) => texts.t("review-missing"),
                (None, None) => texts.t("review-unanswered"),
            };
            out += &format!("    {shown}\n");
            if let (Some(_), Some(problem)) = (answer, problem) {
                out += &format!("    ! {}\n", problem.describe(texts));
            }
        }
    }
    out
}
