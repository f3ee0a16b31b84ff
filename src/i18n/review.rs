//! A response as review text: every asked item under its section heading
//! with its answer, as `campo show` and the plain mode's `:review` print it.

use super::{Describe, Texts};
use crate::form::{Form, ItemKind};
use crate::store::{Response, Status};

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
        // An "other" detail shows inline with its choice; on a line of its
        // own only when something is wrong with it (missing, say).
        let items: Vec<usize> = section
            .items
            .clone()
            // A note says nothing about this response.
            .filter(|&i| asked.is_asked(i) && !matches!(form.items[i].kind, ItemKind::Note))
            .filter(|&i| {
                !form.items[i].is_companion()
                    || form
                        .problem_of(i, &response.answers, &response.reasons)
                        .is_some()
            })
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
            let problem = form.problem_of(item, &response.answers, &response.reasons);
            let mark = if problem.is_some() { "! " } else { "" };
            let mut question =
                texts.form_text_filled(&form.items[item].question, form, &response.answers);
            if form.items[item].is_calculate() {
                question = format!("{question} {}", texts.t("show-calculated"));
            }
            out += &format!("{mark}{question}\n");
            let shown = match (
                texts.answer_with_details(form, &response.answers, item),
                &problem,
            ) {
                (Some(text), _) => text.replace('\n', "\n    "),
                (None, Some(_)) => texts.t("review-missing"),
                (None, None) => texts.t("review-unanswered"),
            };
            out += &format!("    {shown}\n");
            if let Some(reason) = response.reasons.get(&form.items[item].id) {
                let said = texts.t_args("review-reason", &[("reason", reason.as_str().into())]);
                out += &format!("    {said}\n");
            }
            if let (Some(_), Some(problem)) = (answer, problem) {
                out += &format!("    ! {}\n", problem.describe(texts));
            }
        }
    }
    out
}
