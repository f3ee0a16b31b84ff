//! `campo serve status`: who has answered, and the response rates and
//! population coverage by group, as a table, CSV or JSON.

use clap::Args;
use unicode_width::UnicodeWidthStr;

use crate::form::{Answer, Form};
use crate::i18n::Texts;
use crate::server::fieldwork::{self, Fieldwork, Figures, Grouping, Spread, State};
use crate::server::storage::Storage;
use crate::text::printable;

use super::{Failure, db_failed, local_date};

#[derive(Args)]
pub struct StatusArgs {
    /// Group the units by an item the frame fills in or a value derived from it (region, macro_area)
    #[arg(long, value_name = "ITEM")]
    by: Option<String>,
    #[arg(long, value_enum, default_value = "table")]
    format: StatusFormat,
    /// Compare the catchment populations of responding and non-responding units
    #[arg(long)]
    catchment: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum StatusFormat {
    Table,
    Csv,
    Json,
}

pub(super) fn run(
    texts: &Texts,
    form: &Form,
    storage: &dyn Storage,
    args: &StatusArgs,
) -> Result<(), Failure> {
    let grouping = match &args.by {
        None => None,
        Some(by) => Some(Grouping::named(form, by).ok_or_else(|| {
            Failure(texts.t_args("status-unknown-grouping", &[("by", printable(by).into())]))
        })?),
    };
    let frame = storage.frame().map_err(db_failed(texts))?;
    if frame.is_empty() {
        return Err(Failure(texts.t("frame-empty")));
    }
    let responses = storage.unit_responses().map_err(db_failed(texts))?;
    let mailings = storage.mailings().map_err(db_failed(texts))?;
    let work = fieldwork::fieldwork(form, &frame, &responses, &mailings, grouping.as_ref());
    let names: Vec<Option<String>> = frame
        .iter()
        .map(|u| texts.unit_name(form, &u.prefill))
        .collect();
    let out = match args.format {
        StatusFormat::Csv if args.catchment => catchment_csv(&work),
        StatusFormat::Csv => groups_csv(&work),
        StatusFormat::Json => json(&work, args.catchment),
        StatusFormat::Table => {
            let mut out = units_table(texts, &work, &names);
            out += "\n";
            out += &groups_table(texts, form, grouping.as_ref(), &work);
            if args.catchment {
                out += "\n";
                out += &catchment_table(texts, &work);
            }
            out
        }
    };
    print!("{}", printable(&out));
    Ok(())
}

/// A figure to one decimal with a dot, or nothing when it has no meaning
/// (a rate of no units).
fn dot(value: Option<f64>) -> String {
    value.map(|v| format!("{v:.1}")).unwrap_or_default()
}

fn groups_csv(work: &Fieldwork) -> String {
    let mut out =
        String::from("group,units,responded,rate_pct,population,population_covered,coverage_pct\n");
    for figures in work.groups.iter().chain([&work.all]) {
        out += &format!(
            "{},{},{},{},{},{},{}\n",
            figures.group,
            figures.units,
            figures.responded,
            dot(figures.rate_pct()),
            figures.population,
            figures.population_covered,
            dot(figures.coverage_pct()),
        );
    }
    out
}

fn catchment_csv(work: &Fieldwork) -> String {
    let mut out = String::from("units,n,mean,median,q1,q3\n");
    for (name, spread) in [
        ("responding", &work.catchment.responding),
        ("not_responding", &work.catchment.not_responding),
    ] {
        out += &format!(
            "{name},{},{},{},{},{}\n",
            spread.n,
            dot(spread.mean),
            dot(spread.median),
            dot(spread.q1),
            dot(spread.q3)
        );
    }
    out
}

fn json(work: &Fieldwork, catchment: bool) -> String {
    let figures = |f: &Figures| {
        serde_json::json!({
            "group": f.group, "units": f.units, "responded": f.responded,
            "rate_pct": f.rate_pct(), "population": f.population,
            "population_covered": f.population_covered, "coverage_pct": f.coverage_pct(),
        })
    };
    let spread = |s: &Spread| serde_json::json!({"n": s.n, "mean": s.mean, "median": s.median, "q1": s.q1, "q3": s.q3});
    let units: Vec<serde_json::Value> = work
        .units
        .iter()
        .map(|u| {
            serde_json::json!({
                "unit": u.unit, "state": state_code(u.state), "last_sent": u.last_sent,
                "invited": u.invited, "reminded": u.reminded,
            })
        })
        .collect();
    let mut value = serde_json::json!({
        "units": units,
        "groups": work.groups.iter().map(figures).collect::<Vec<_>>(),
        "all": figures(&work.all),
    });
    if catchment {
        value["catchment"] = serde_json::json!({
            "responding": spread(&work.catchment.responding),
            "not_responding": spread(&work.catchment.not_responding),
            "quantiles": "type 7 (linear interpolation; R's default, Excel's QUARTILE.INC)",
        });
    }
    serde_json::to_string_pretty(&value).expect("JSON serialises") + "\n"
}

fn state_code(state: State) -> &'static str {
    match state {
        State::NotStarted => "not_started",
        State::Draft => "draft",
        State::Complete => "complete",
    }
}

fn units_table(texts: &Texts, work: &Fieldwork, names: &[Option<String>]) -> String {
    let rows: Vec<Vec<String>> = work
        .units
        .iter()
        .zip(names)
        .map(|(unit, name)| {
            let sent = unit.last_sent.as_deref().map(|at| local_date(texts, at));
            let reminded = match unit.reminded.last() {
                Some(last) => texts.t_args(
                    "status-reminded",
                    &[
                        ("count", unit.reminded.len().into()),
                        ("last", local_date(texts, last).into()),
                    ],
                ),
                None => String::new(),
            };
            vec![
                unit.unit.clone(),
                name.clone().unwrap_or_default(),
                texts.t(&format!("status-state-{}", state_code(unit.state))),
                sent.unwrap_or_default(),
                unit.invited
                    .as_deref()
                    .map(|at| local_date(texts, at))
                    .unwrap_or_default(),
                reminded,
            ]
        })
        .collect();
    let header = [
        "status-col-unit",
        "status-col-name",
        "status-col-state",
        "status-col-last-sent",
        "status-col-invited",
        "status-col-reminded",
    ]
    .map(|id| texts.t(id));
    columns(&header, &rows, &[])
}

fn groups_table(
    texts: &Texts,
    form: &Form,
    grouping: Option<&Grouping>,
    work: &Fieldwork,
) -> String {
    let percent = |v: Option<f64>| {
        v.map(|v| format!("{}%", texts.one_decimal(v)))
            .unwrap_or_else(|| "-".into())
    };
    let rows: Vec<Vec<String>> = work
        .groups
        .iter()
        .chain([&work.all])
        .map(|f| {
            vec![
                group_label(texts, form, grouping, &f.group),
                f.units.to_string(),
                f.responded.to_string(),
                percent(f.rate_pct()),
                texts.whole(f.population),
                texts.whole(f.population_covered),
                percent(f.coverage_pct()),
            ]
        })
        .collect();
    let header = [
        "status-col-group",
        "status-col-units",
        "status-col-responded",
        "status-col-rate",
        "status-col-population",
        "status-col-covered",
        "status-col-coverage",
    ]
    .map(|id| texts.t(id));
    columns(&header, &rows, &[1, 2, 3, 4, 5, 6])
}

fn catchment_table(texts: &Texts, work: &Fieldwork) -> String {
    let number = |v: Option<f64>| {
        v.map(|v| texts.whole(v.round() as u64))
            .unwrap_or_else(|| "-".into())
    };
    let rows: Vec<Vec<String>> = [
        ("status-responding", &work.catchment.responding),
        ("status-not-responding", &work.catchment.not_responding),
    ]
    .iter()
    .map(|(id, s)| {
        vec![
            texts.t(id),
            s.n.to_string(),
            number(s.mean),
            number(s.median),
            match (s.q1, s.q3) {
                (Some(_), Some(_)) => format!("{} – {}", number(s.q1), number(s.q3)),
                _ => "-".into(),
            },
        ]
    })
    .collect();
    let header = [
        "status-col-catchment",
        "status-col-n",
        "status-col-mean",
        "status-col-median",
        "status-col-iqr",
    ]
    .map(|id| texts.t(id));
    columns(&header, &rows, &[1, 2, 3, 4]) + &texts.t("status-quantiles-note") + "\n"
}

/// A group's name in the user's language.
fn group_label(texts: &Texts, form: &Form, grouping: Option<&Grouping>, code: &str) -> String {
    match (code, grouping) {
        ("all", _) => texts.t("status-all"),
        ("none", _) => texts.t("status-no-group"),
        (_, Some(Grouping::Item(item))) => form
            .position(item)
            .map(|p| texts.answer(form, p, &Answer::One(code.into())))
            .unwrap_or_else(|| code.into()),
        (_, Some(Grouping::Derived(id))) => form
            .derived
            .iter()
            .find(|d| &d.id == id)
            .and_then(|d| d.values.iter().find(|v| v.code == code))
            .map(|v| texts.form_text(&v.label))
            .unwrap_or_else(|| code.into()),
        (_, None) => code.into(),
    }
}

/// Rows in columns two spaces apart; the columns in `right` aligned right.
fn columns(header: &[String], rows: &[Vec<String>], right: &[usize]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.width()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(cell.width());
        }
    }
    let line = |cells: &[String]| {
        let padded: Vec<String> = cells
            .iter()
            .enumerate()
            .map(|(i, cell)| {
                let pad = " ".repeat(widths[i] - cell.width());
                if right.contains(&i) {
                    format!("{pad}{cell}")
                } else {
                    format!("{cell}{pad}")
                }
            })
            .collect();
        padded.join("  ").trim_end().to_string() + "\n"
    };
    std::iter::once(line(header))
        .chain(rows.iter().map(|r| line(r)))
        .collect()
}
