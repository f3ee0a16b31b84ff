//! `campo list`: the saved responses, as a table or as JSON.

use crate::text::{printable, printable_json};
use serde_json::json;

use crate::form::Form;
use crate::i18n::{Describe, Texts};
use crate::store::{DataDir, Listed, Response, Responses, Status, StoreError};

/// `forms`: every version campo has, the newest first.
pub fn run(forms: &[Form], texts: &Texts, data: &DataDir, json: bool) -> Result<(), StoreError> {
    let entries = data.list()?;
    if json {
        let value = as_json(forms, texts, &entries);
        println!(
            "{}",
            printable_json(&serde_json::to_string_pretty(&value).expect("JSON values serialise"))
        );
    } else {
        print!(
            "{}",
            printable(&as_table(forms, texts, &entries, screen_width()))
        );
    }
    Ok(())
}

/// `campo edit` without an id: the drafts to choose from, and how.
pub fn drafts(forms: &[Form], texts: &Texts, data: &DataDir) -> Result<(), StoreError> {
    let drafts: Vec<Listed> = data
        .list()?
        .into_iter()
        .filter(|e| matches!(e, Listed::Response(r) if r.status == Status::Draft))
        .collect();
    if drafts.is_empty() {
        println!("{}", texts.t("edit-no-drafts"));
        return Ok(());
    }
    print!(
        "{}",
        printable(&as_table(forms, texts, &drafts, screen_width()))
    );
    println!("{}", texts.t("edit-choose"));
    Ok(())
}

/// The terminal's width when standard output is one: a table then fits
/// it, cutting names with an ellipsis, rather than wrapping. Into a pipe or
/// a file every name goes whole.
fn screen_width() -> Option<usize> {
    use std::io::IsTerminal;
    std::io::stdout()
        .is_terminal()
        .then(|| crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w)))
}

/// The version of the form a response was begun with, if campo has it.
pub fn version_of<'a>(forms: &'a [Form], response: &Response) -> Option<&'a Form> {
    response.form.among(forms)
}

fn summary(forms: &[Form], texts: &Texts, response: &Response) -> Vec<String> {
    let Some(form) = version_of(forms, response) else {
        return vec![String::new(); forms[0].summary.len()];
    };
    forms[0]
        .summary
        .iter()
        .map(|column| {
            match (
                form.position(&column.item),
                response.answers.get(&column.item),
            ) {
                (Some(item), Some(answer)) => texts.answer(form, item, answer),
                _ => String::new(),
            }
        })
        .collect()
}

fn status(forms: &[Form], texts: &Texts, response: &Response) -> String {
    match (version_of(forms, response).is_some(), response.status) {
        (false, _) => texts.t("status-unknown-form"),
        (true, Status::Draft) => texts.t("status-draft"),
        (true, Status::Complete) => texts.t("status-complete"),
    }
}

fn progress(forms: &[Form], response: &Response) -> (usize, usize) {
    version_of(forms, response).map_or((0, 0), |form| {
        let p = form.progress(&response.answers);
        (p.answered, p.asked)
    })
}

fn as_table(forms: &[Form], texts: &Texts, entries: &[Listed], width: Option<usize>) -> String {
    let mut header = vec![
        texts.t("list-id"),
        texts.t("home-status"),
        texts.t("home-progress"),
        texts.t("home-changed"),
    ];
    header.extend(forms[0].summary.iter().map(|c| texts.form_text(&c.label)));
    let mut rows = vec![header];
    let mut broken = Vec::new();
    for entry in entries {
        match entry {
            Listed::Response(response) => {
                let (answered, asked) = progress(forms, response);
                let mut row = vec![
                    response.short_id(),
                    status(forms, texts, response),
                    format!("{answered}/{asked}"),
                    texts.datetime(response.updated),
                ];
                row.extend(summary(forms, texts, response));
                rows.push(row);
            }
            Listed::Broken(error) => broken.push(error.describe(texts)),
        }
    }
    let mut out = String::new();
    if rows.len() == 1 {
        out.push_str(&texts.t("list-empty"));
        out.push('\n');
    } else {
        if let Some(width) = width {
            fit(&mut rows, 4, width);
        }
        out.push_str(&align(&rows));
    }
    for line in broken {
        out.push_str(&format!("! {line}\n"));
    }
    out
}

/// Cuts the columns from `first_cut` on (the names) so that a row fits in
/// `width` columns: the last of them gives up room first.
fn fit(rows: &mut [Vec<String>], first_cut: usize, width: usize) {
    use unicode_width::UnicodeWidthStr;
    let column_width = |rows: &[Vec<String>], c: usize| {
        rows.iter()
            .filter_map(|r| r.get(c))
            .map(|s| s.width())
            .max()
            .unwrap_or(0)
    };
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    for c in (first_cut..columns).rev() {
        let total: usize = (0..columns).map(|c| column_width(rows, c)).sum::<usize>()
            + 2 * columns.saturating_sub(1);
        if total <= width {
            return;
        }
        let room = column_width(rows, c).saturating_sub(total - width).max(6);
        for row in rows.iter_mut() {
            if let Some(cell) = row.get_mut(c) {
                *cell = crate::text::truncate(cell, room);
            }
        }
    }
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

fn as_json(forms: &[Form], texts: &Texts, entries: &[Listed]) -> serde_json::Value {
    let mut responses = Vec::new();
    let mut damaged = Vec::new();
    for entry in entries {
        match entry {
            Listed::Response(response) => {
                let (answered, asked) = progress(forms, response);
                let summary: serde_json::Map<String, serde_json::Value> = forms[0]
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
                    "known_form": version_of(forms, response).is_some(),
                    "created": response.created,
                    "updated": response.updated,
                    "revision": response.revision,
                    "answered": answered,
                    "asked": asked,
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
