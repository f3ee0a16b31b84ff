//! `campo list`: the saved responses, as a table or as JSON.

use crate::text::{printable, printable_json};
use serde_json::json;

use crate::form::{Form, FormRef};
use crate::i18n::{Describe, Texts};
use std::collections::HashMap;

use crate::store::{DataDir, Listed, Responses, Status, StoreError, Summary};

/// `forms`: every version campo has, the newest first.
pub fn run(forms: &[Form], texts: &Texts, data: &DataDir, json: bool) -> Result<(), StoreError> {
    let entries = data.list()?;
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if json {
        // A closed pipe ends the listing, as below.
        let _ = write_json(&mut out, forms, texts, &entries);
        let _ = out.flush();
    } else {
        // A closed pipe (`campo list | head`) ends the listing, nothing more.
        let mut failed = false;
        each_line(forms, texts, &entries, screen_width(), &mut |line| {
            failed = failed || writeln!(out, "{}", printable(line)).is_err();
        });
        let _ = out.flush();
    }
    // The process ends here: freeing 100,000 summaries one by one would
    // only make it end later.
    std::mem::forget(entries);
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
pub fn version_of<'a>(forms: &'a [Form], response: &FormRef) -> Option<&'a Form> {
    response.among(forms)
}

fn summary(forms: &[Form], texts: &Texts, response: &Summary) -> Vec<String> {
    let Some(form) = version_of(forms, &response.form) else {
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
                (Some(item), Some(answer)) => texts.short_answer(form, item, answer),
                _ => String::new(),
            }
        })
        .collect()
}

fn status(forms: &[Form], texts: &Texts, response: &Summary) -> String {
    match (version_of(forms, &response.form).is_some(), response.status) {
        (false, _) => texts.t("status-unknown-form"),
        (true, Status::Draft) => texts.t("status-draft"),
        (true, Status::Complete) => texts.t("status-complete"),
    }
}

fn progress(response: &Summary) -> (usize, usize) {
    response.progress.map_or((0, 0), |p| (p.answered, p.asked))
}

/// The table, a line at a time (100,000 rows are not first gathered
/// into one string, then copied into another).
fn each_line(
    forms: &[Form],
    texts: &Texts,
    entries: &[Listed],
    width: Option<usize>,
    mut line: &mut dyn FnMut(&str),
) {
    let mut header = vec![
        texts.t("list-id"),
        texts.t("home-status"),
        texts.t("home-progress"),
        texts.t("home-changed"),
    ];
    header.extend(forms[0].summary.iter().map(|c| texts.form_text(&c.label)));
    let mut rows = vec![header];
    let mut broken = Vec::new();
    // Rows of the same minute share its words: Fluent once a minute, not
    // once a row (a second at 100,000 rows).
    let mut minutes: HashMap<i64, String> = HashMap::new();
    for entry in entries {
        match entry {
            Listed::Response(response) => {
                let (answered, asked) = progress(response);
                let mut row = vec![
                    response.short_id(),
                    status(forms, texts, response),
                    format!("{answered}/{asked}"),
                    minutes
                        .entry(response.updated.timestamp().div_euclid(60))
                        .or_insert_with(|| texts.datetime(response.updated))
                        .clone(),
                ];
                row.extend(summary(forms, texts, response));
                rows.push(row);
            }
            Listed::Broken(error) => broken.push(error.describe(texts)),
        }
    }
    if rows.len() == 1 {
        line(&texts.t("list-empty"));
    } else {
        if let Some(width) = width {
            fit(&mut rows, 4, width);
        }
        align(&rows, &mut line);
    }
    for problem in broken {
        line(&format!("! {problem}"));
    }
}

/// The table as one string, lines ended with a newline.
fn as_table(forms: &[Form], texts: &Texts, entries: &[Listed], width: Option<usize>) -> String {
    let mut out = String::new();
    each_line(forms, texts, entries, width, &mut |line| {
        out.push_str(line);
        out.push('\n');
    });
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
fn align(rows: &[Vec<String>], line: &mut dyn FnMut(&str)) {
    use unicode_width::UnicodeWidthStr;
    let cell_widths: Vec<Vec<usize>> = rows
        .iter()
        .map(|row| row.iter().map(|cell| cell.width()).collect())
        .collect();
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| {
            cell_widths
                .iter()
                .filter_map(|r| r.get(c).copied())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for (row, row_widths) in rows.iter().zip(&cell_widths) {
        out.clear();
        for (c, (cell, width)) in row.iter().zip(row_widths).enumerate() {
            if c > 0 {
                out.push_str("  ");
            }
            out.push_str(cell);
            out.extend(std::iter::repeat_n(' ', widths[c] - width));
        }
        line(out.trim_end());
    }
}

/// `{"responses": [...], "damaged": [...]}`, one response at a time: the
/// listing of 100,000 responses is never held whole in memory.
fn write_json(
    out: &mut impl std::io::Write,
    forms: &[Form],
    texts: &Texts,
    entries: &[Listed],
) -> std::io::Result<()> {
    let responses = entries.iter().filter_map(|entry| match entry {
        Listed::Response(response) => Some(response_json(forms, response)),
        Listed::Broken(_) => None,
    });
    let damaged = entries.iter().filter_map(|entry| match entry {
        Listed::Broken(error) => Some(damaged_json(texts, error)),
        Listed::Response(_) => None,
    });
    // In the order serde_json gives an object's keys: alphabetical.
    out.write_all(b"{\n  \"damaged\": ")?;
    write_array(out, damaged)?;
    out.write_all(b",\n  \"responses\": ")?;
    write_array(out, responses)?;
    out.write_all(b"\n}\n")
}

/// A JSON array inside the listing's object, laid out as
/// `serde_json::to_string_pretty` lays it out there.
fn write_array(
    out: &mut impl std::io::Write,
    items: impl Iterator<Item = serde_json::Value>,
) -> std::io::Result<()> {
    let mut empty = true;
    for item in items {
        out.write_all(if empty { b"[\n" } else { b",\n" })?;
        empty = false;
        let text = serde_json::to_string_pretty(&item).expect("JSON values serialise");
        for (n, line) in text.lines().enumerate() {
            if n > 0 {
                out.write_all(b"\n")?;
            }
            write!(out, "    {}", printable_json(line))?;
        }
    }
    out.write_all(if empty { b"[]" } else { b"\n  ]" })
}

fn response_json(forms: &[Form], response: &Summary) -> serde_json::Value {
    let (answered, asked) = progress(response);
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
    json!({
        "id": response.id,
        "form": response.form,
        "status": response.status,
        "known_form": version_of(forms, &response.form).is_some(),
        "created": response.created,
        "updated": response.updated,
        "revision": response.revision,
        "answered": answered,
        "asked": asked,
        "summary": summary,
    })
}

fn damaged_json(texts: &Texts, error: &StoreError) -> serde_json::Value {
    let path = match error {
        StoreError::Damaged { path, .. } | StoreError::Io { path, .. } => path.clone(),
        _ => String::new(),
    };
    json!({ "path": path, "reason": error.describe(texts) })
}
