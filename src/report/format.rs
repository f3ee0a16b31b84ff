//! The report laid out: a plain table for the terminal, Markdown, CSV with
//! codes for other programs, or JSON.

use serde_json::json;
use unicode_width::UnicodeWidthStr;

use super::{Gathered, Selection, Tally, ValueSummary, percent};
use crate::form::Form;
use crate::i18n::{Describe, Texts};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Md,
    Csv,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Sort {
    // Options in the order of the form.
    Form,
    // Options most chosen first.
    Freq,
}

pub struct Options<'a> {
    pub format: Format,
    /// Break every table down by this derived value (e.g. `macro_area`).
    pub by: Option<&'a str>,
    pub sort: Sort,
}

/// One column of counts: all responses, or one group of them.
struct Column {
    /// The group's code (`None` for all responses).
    code: Option<String>,
    title: String,
    tallies: Vec<Tally>,
}

fn columns(form: &Form, texts: &Texts, gathered: &Gathered, options: &Options) -> Vec<Column> {
    let sorted = |tallies: Vec<Tally>| match options.sort {
        Sort::Form => tallies,
        Sort::Freq => tallies.into_iter().map(Tally::by_frequency).collect(),
    };
    let mut columns = Vec::new();
    if let Some(derived) = options
        .by
        .and_then(|by| form.derived.iter().find(|d| d.id == by))
    {
        for (code, counts) in &gathered.groups {
            let label = derived
                .values
                .iter()
                .find(|v| v.code == *code)
                .map(|v| texts.form_text(&v.label))
                .unwrap_or_default();
            columns.push(Column {
                code: Some(code.clone()),
                title: label,
                tallies: sorted(counts.tallies(form)),
            });
        }
    }
    columns.push(Column {
        code: None,
        title: texts.t("report-total"),
        tallies: sorted(gathered.total.tallies(form)),
    });
    columns
}

pub fn render(
    form: &Form,
    texts: &Texts,
    gathered: &Gathered,
    selection: &Selection,
    options: &Options,
) -> String {
    let columns = columns(form, texts, gathered, options);
    match options.format {
        Format::Table => table(form, texts, selection, &columns),
        Format::Md => markdown(form, texts, selection, &columns),
        Format::Csv => csv(form, &columns),
        Format::Json => json(form, texts, selection, &columns),
    }
}

/// A percentage as this language writes it: 37.7 or 37,7.
fn pct(texts: &Texts, n: usize, asked: usize) -> String {
    percent(n, asked)
        .map(|p| texts.one_decimal(p))
        .unwrap_or_else(|| "-".into())
}

/// A typed item's line: how many answered a text; n, mean, median and
/// range of a number; n and the first and last day of a date.
pub fn typed_figures(texts: &Texts, tally: &Tally) -> String {
    let decimal = |x: f64| {
        let fixed = format!("{x:.2}");
        let trimmed = fixed.trim_end_matches('0').trim_end_matches('.');
        trimmed.replace('.', &texts.convention().decimal.to_string())
    };
    match &tally.values {
        Some(ValueSummary::Numbers {
            n,
            mean,
            median,
            min,
            max,
        }) => texts.t_args(
            "report-numbers",
            &[
                ("n", (*n).into()),
                ("mean", decimal(*mean).into()),
                ("median", decimal(*median).into()),
                ("min", decimal(*min).into()),
                ("max", decimal(*max).into()),
            ],
        ),
        Some(ValueSummary::Dates { n, first, last }) => texts.t_args(
            "report-dates",
            &[
                ("n", (*n).into()),
                ("first", texts.date(*first).into()),
                ("last", texts.date(*last).into()),
            ],
        ),
        None => texts.t_args("report-text-answers", &[("count", tally.answered.into())]),
    }
}

/// "How many were read, and what was left out", for the top of a report.
pub fn header(texts: &Texts, selection: &Selection) -> String {
    let mut out = texts.t_args("report-read", &[("count", selection.used.into())]);
    if selection.drafts_left_out > 0 {
        out += &format!(
            " · {}",
            texts.t_args(
                "report-drafts-left-out",
                &[("count", selection.drafts_left_out.into())]
            )
        );
    }
    if selection.other_form > 0 {
        out += &format!(
            " · {}",
            texts.t_args(
                "report-other-form",
                &[("count", selection.other_form.into())]
            )
        );
    }
    for error in &selection.damaged {
        out += &format!(
            "\n{}",
            texts.t_args(
                "report-damaged",
                &[("reason", error.describe(texts).into())]
            )
        );
    }
    out
}

/// The question with what the paper puts after it: "(27 NA; multiple choice)".
fn heading(form: &Form, texts: &Texts, tally: &Tally) -> String {
    let item = &form.items[tally.item];
    let mut question = texts.form_text(&item.question);
    // An "other, specify" says whose it is (m10): there are several.
    if let Some((parent, _)) = &item.specifies {
        question = format!("{question}, {}", form.items[*parent].id);
    }
    let note = match (tally.not_asked, tally.is_multiple(form)) {
        (0, false) => return question,
        (0, true) => texts.t("report-multiple"),
        (na, false) => texts.t_args("report-na", &[("count", na.into())]),
        (na, true) => texts.t_args("report-na-multiple", &[("count", na.into())]),
    };
    format!("{question} ({note})")
}

fn option_label(form: &Form, texts: &Texts, tally: &Tally, code: &str) -> String {
    let option = form.items[tally.item]
        .options()
        .iter()
        .find(|o| o.code == code);
    option
        .map(|o| texts.form_text(&o.label))
        .unwrap_or_else(|| code.to_string())
}

fn table(form: &Form, texts: &Texts, selection: &Selection, columns: &[Column]) -> String {
    let mut out = format!(
        "{}\n{}\n",
        texts.form_text(&form.title),
        header(texts, selection)
    );
    let total = columns.last().expect("there is always a total column");
    for (index, main) in total.tallies.iter().enumerate() {
        out.push('\n');
        if !main.is_choice(form) {
            // The figures under the question: after one that ends in "." or
            // "?", a colon would double the punctuation (m10).
            out += &format!(
                "{}\n  {}\n",
                heading(form, texts, main),
                typed_figures(texts, main)
            );
            continue;
        }
        out += &format!("{}\n", heading(form, texts, main));
        let labels: Vec<String> = main
            .options
            .iter()
            .map(|(code, _)| option_label(form, texts, main, code))
            .collect();
        let width = labels.iter().map(|l| l.width()).max().unwrap_or(0).min(60);
        if columns.len() > 1 {
            let titles: Vec<String> = columns.iter().map(|c| format!("{:>14}", c.title)).collect();
            out += &format!("  {}{}\n", " ".repeat(width), titles.join(""));
        }
        // "n" and "%" over the figures of every column, as in the paper.
        out += &format!(
            "  {}{}\n",
            " ".repeat(width),
            format!("{:>7}{:>7}", "n", "%").repeat(columns.len())
        );
        for ((code, _), label) in main.options.iter().zip(&labels) {
            // A long label wraps, whole, with its figures on its last line.
            let mut rows = crate::text::wrap_words(label, width);
            let label = rows.pop().unwrap_or_default();
            for row in rows {
                out += &format!("  {row}\n");
            }
            let cells: Vec<String> = columns
                .iter()
                .map(|c| {
                    let t = &c.tallies[index];
                    let n = t
                        .options
                        .iter()
                        .find(|(c, _)| c == code)
                        .map_or(0, |(_, n)| *n);
                    format!("{:>7}{:>7}", n, pct(texts, n, t.asked))
                })
                .collect();
            out += &format!(
                "  {label}{}{}\n",
                " ".repeat(width - label.width()),
                cells.join("")
            );
        }
    }
    out
}

fn markdown(form: &Form, texts: &Texts, selection: &Selection, columns: &[Column]) -> String {
    let mut out = format!(
        "# {}\n\n{}\n",
        texts.form_text(&form.title),
        header(texts, selection).replace('\n', "  \n")
    );
    let total = columns.last().expect("there is always a total column");
    let mut section = None;
    for (index, main) in total.tallies.iter().enumerate() {
        let item = &form.items[main.item];
        if section != Some(item.section) {
            section = Some(item.section);
            out += &format!(
                "\n## {}\n",
                texts.form_text(&form.sections[item.section].title)
            );
        }
        if !main.is_choice(form) {
            let figures = typed_figures(texts, main);
            out += &format!("\n**{}**: {figures}\n", heading(form, texts, main));
            continue;
        }
        out += &format!(
            "\n**{}**\n\n| {} |",
            heading(form, texts, main),
            texts.t("report-option")
        );
        let mut rule = String::from("|---|");
        for column in columns {
            let title = if columns.len() > 1 {
                format!("{} ", column.title)
            } else {
                String::new()
            };
            out += &format!(" {title}n | {title}% |");
            rule += "---:|---:|";
        }
        out += &format!("\n{rule}\n");
        for (code, _) in &main.options {
            out += &format!(
                "| {} |",
                option_label(form, texts, main, code).replace('|', "\\|")
            );
            for column in columns {
                let t = &column.tallies[index];
                let n = t
                    .options
                    .iter()
                    .find(|(c, _)| c == code)
                    .map_or(0, |(_, n)| *n);
                out += &format!(" {n} | {} |", pct(texts, n, t.asked));
            }
            out.push('\n');
        }
    }
    out
}

/// Codes, not labels: `item,option,n,pct,asked`, one row per option of every
/// choice item, unchosen options included with n = 0. Broken down, a first
/// column names the group (`all` for the total).
fn csv(form: &Form, columns: &[Column]) -> String {
    let grouped = columns.len() > 1;
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let mut head = vec!["item", "option", "n", "pct", "asked"];
    if grouped {
        head.insert(0, "group");
    }
    writer.write_record(&head).expect("writing to memory");
    for column in columns {
        for t in column.tallies.iter().filter(|t| t.is_choice(form)) {
            for (code, n) in &t.options {
                let mut record = vec![
                    form.items[t.item].id.clone(),
                    code.clone(),
                    n.to_string(),
                    percent(*n, t.asked)
                        .map(|p| format!("{p:.1}"))
                        .unwrap_or_default(),
                    t.asked.to_string(),
                ];
                if grouped {
                    record.insert(0, column.code.clone().unwrap_or_else(|| "all".into()));
                }
                writer.write_record(&record).expect("writing to memory");
            }
        }
    }
    String::from_utf8(writer.into_inner().expect("writing to memory"))
        .expect("CSV of UTF-8 is UTF-8")
}

fn json(form: &Form, texts: &Texts, selection: &Selection, columns: &[Column]) -> String {
    let tallies = |column: &Column| -> Vec<serde_json::Value> {
        column
            .tallies
            .iter()
            .map(|t| {
                let options: Vec<_> = t
                    .options
                    .iter()
                    .map(|(code, n)| json!({"code": code, "label": option_label(form, texts, t, code), "n": n, "pct": percent(*n, t.asked)}))
                    .collect();
                let mut item = json!({
                    "item": form.items[t.item].id,
                    "question": texts.form_text(&form.items[t.item].question),
                    "asked": t.asked,
                    "not_asked": t.not_asked,
                    "answered": t.answered,
                    "options": options,
                });
                match &t.values {
                    Some(ValueSummary::Numbers { n, mean, median, min, max }) => {
                        item["numbers"] = json!({"n": n, "mean": mean, "median": median, "min": min, "max": max});
                    }
                    Some(ValueSummary::Dates { n, first, last }) => {
                        item["dates"] = json!({"n": n, "first": first.to_string(), "last": last.to_string()});
                    }
                    None => {}
                }
                item
            })
            .collect()
    };
    let total = columns.last().expect("there is always a total column");
    let groups: serde_json::Map<String, serde_json::Value> = columns
        .iter()
        .filter_map(|c| {
            c.code
                .clone()
                .map(|code| (code, json!({"label": c.title, "items": tallies(c)})))
        })
        .collect();
    let damaged: Vec<String> = selection
        .damaged
        .iter()
        .map(|e| e.describe(texts))
        .collect();
    let mut value = json!({
        "form": {"id": form.id, "version": form.version},
        "responses": selection.used,
        "left_out": {"drafts": selection.drafts_left_out, "other_form": selection.other_form, "damaged": damaged},
        "items": tallies(total),
    });
    if !groups.is_empty() {
        value["groups"] = serde_json::Value::Object(groups);
    }
    serde_json::to_string_pretty(&value).expect("JSON values serialise") + "\n"
}
