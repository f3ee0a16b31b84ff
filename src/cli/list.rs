//! `campo list`: the saved responses, as a table or as JSON.

use serde_json::json;

use crate::form::Form;
use crate::i18n::{Describe, Texts};
use crate::store::{DataDir, Listed, Response, Responses, Status, StoreError};

pub fn run(form: &Form, texts: &Texts, data: &DataDir, json: bool) -> Result<(), StoreError> {
    let entries = data.list()?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&as_json(form, texts, &entries))
                .expect("JSON values serialise")
        );
    } else {
        print!("{}", as_table(form, texts, &entries));
    }
    Ok(())
}

fn known(form: &Form, response: &Response) -> bool {
    response.form.id == form.id && response.form.version == form.version
}

fn summary(form: &Form, texts: &Texts, response: &Response) -> Vec<String> {
    form.summary
        .iter()
        .map(|column| {
            match (
                form.position(&column.item),
                response.answers.get(&column.item),
            ) {
                (Some(item), Some(answer)) if known(form, response) => {
                    texts.answer(form, item, answer)
                }
                _ => String::new(),
            }
        })
        .collect()
}

fn status(texts: &Texts, form: &Form, response: &Response) -> String {
    match (known(form, response), response.status) {
        (false, _) => texts.t("status-unknown-form"),
        (true, Status::Draft) => texts.t("status-draft"),
        (true, Status::Complete) => texts.t("status-complete"),
    }
}

fn as_table(form: &Form, texts: &Texts, entries: &[Listed]) -> String {
    let mut header = vec![
        texts.t("list-id"),
        texts.t("home-status"),
        texts.t("home-progress"),
        texts.t("home-changed"),
    ];
    header.extend(form.summary.iter().map(|c| texts.form_text(&c.label)));
    let mut rows = vec![header];
    let mut broken = Vec::new();
    for entry in entries {
        match entry {
            Listed::Response(response) => {
                let progress = form.progress(&response.answers);
                let mut row = vec![
                    response.short_id(),
                    status(texts, form, response),
                    format!("{}/{}", progress.answered, progress.asked),
                    texts.datetime(response.updated),
                ];
                row.extend(summary(form, texts, response));
                rows.push(row);
            }
            Listed::Broken(error) => broken.push(error.describe(texts)),
        }
    }
    let count = rows.len() - 1;
    let mut out = String::new();
    if count == 0 {
        out.push_str(&texts.t("home-empty"));
        out.push('\n');
    } else {
        out.push_str(&align(&rows));
    }
    for line in broken {
        out.push_str(&format!("! {line}\n"));
    }
    out
}

/// Pads every column to its widest cell, by display width.
fn align(rows: &[Vec<String>]) -> String {
    use unicode_width::UnicodeWidthStr;
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| s.width())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, cell)| format!("{cell}{}", " ".repeat(widths[c] - cell.width())))
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    out
}

fn as_json(form: &Form, texts: &Texts, entries: &[Listed]) -> serde_json::Value {
    let mut responses = Vec::new();
    let mut damaged = Vec::new();
    for entry in entries {
        match entry {
            Listed::Response(response) => {
                let progress = form.progress(&response.answers);
                let summary: serde_json::Map<String, serde_json::Value> = form
                    .summary
                    .iter()
                    .filter_map(|c| {
                        response
                            .answers
                            .get(&c.item)
                            .map(|a| (c.item.clone(), json!(a)))
                    })
                    .collect();
                responses.push(json!({
                    "id": response.id,
                    "form": response.form,
                    "status": response.status,
                    "known_form": known(form, response),
                    "created": response.created,
                    "updated": response.updated,
                    "revision": response.revision,
                    "answered": progress.answered,
                    "asked": progress.asked,
                    "summary": summary,
                }));
            }
            Listed::Broken(error) => {
                let path = match error {
                    StoreError::Damaged { path, .. } | StoreError::Io { path, .. } => path.clone(),
                    _ => String::new(),
                };
                damaged.push(json!({ "path": path, "reason": error.describe(texts) }));
            }
        }
    }
    json!({ "responses": responses, "damaged": damaged })
}
