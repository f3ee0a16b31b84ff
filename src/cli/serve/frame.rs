//! `campo serve frame` and `campo serve codes`: the units and their
//! access codes.

use std::path::Path;

use crate::form::Form;
use crate::i18n::{Describe, Texts};
use crate::server::{self, storage::Storage};

use super::{Failure, db_failed};

/// `campo serve frame import FILE`: every unit or none.
pub(super) fn import(
    texts: &Texts,
    form: &Form,
    storage: &dyn Storage,
    file: &Path,
) -> Result<(), Failure> {
    let bytes = super::read_team_file(texts, file)?;
    let units = match server::frame::parse(form, &bytes) {
        Ok(units) => units,
        Err(problems) => {
            for problem in &problems {
                println!("{}", crate::text::printable(&problem.describe(texts)));
            }
            return Err(Failure(
                texts.t_args("frame-refused", &[("count", problems.len().into())]),
            ));
        }
    };
    let change = storage.put_frame(&units).map_err(db_failed(texts))?;
    println!(
        "{}",
        texts.t_args(
            "frame-imported",
            &[
                ("added", change.added.into()),
                ("updated", change.updated.into())
            ]
        )
    );
    Ok(())
}

/// `campo serve codes`: a new access code for each unit asked for (every
/// unit of the frame without `--unit`), shown once: on the screen, or in a
/// CSV file readable by its owner only.
pub(super) fn codes(
    texts: &Texts,
    storage: &dyn Storage,
    units: Vec<String>,
    out: Option<&Path>,
) -> Result<(), Failure> {
    let units = if units.is_empty() {
        storage
            .frame()
            .map_err(db_failed(texts))?
            .into_iter()
            .map(|u| u.unit)
            .collect()
    } else {
        units
    };
    let mut lines = vec!["unit,code".to_string()];
    for unit in units {
        let code = server::codes::generate();
        if !storage
            .set_code(&unit, &server::codes::hash(&code))
            .map_err(db_failed(texts))?
        {
            return Err(Failure(texts.t_args(
                "codes-unknown-unit",
                &[("unit", crate::text::printable(&unit).into())],
            )));
        }
        lines.push(format!("{unit},{code}"));
    }
    let table = lines.join("\n") + "\n";
    match out {
        None => print!("{}", crate::text::printable(&table)),
        Some(path) => {
            crate::store::write_atomic(path, table.as_bytes())
                .map_err(|e| Failure(crate::store::StoreError::io(path, &e).describe(texts)))?;
            eprintln!(
                "{}",
                texts.t_args(
                    "codes-written",
                    &[
                        ("count", (lines.len() - 1).into()),
                        ("path", path.display().to_string().into())
                    ]
                )
            );
        }
    }
    Ok(())
}

/// `campo serve frame list`: a line per unit.
pub(super) fn list(texts: &Texts, form: &Form, storage: &dyn Storage) -> Result<(), Failure> {
    let units = storage.frame().map_err(db_failed(texts))?;
    if units.is_empty() {
        println!("{}", texts.t("frame-empty"));
    }
    for unit in units {
        let answers: Vec<String> = unit
            .prefill
            .iter()
            .filter_map(|(item, value)| {
                let position = form.position(item)?;
                let answer = crate::form::Answer::One(value.clone());
                Some(texts.answer(form, position, &answer))
            })
            .collect();
        let population = unit
            .population
            .map_or_else(|| "-".to_string(), |p| texts.whole(p));
        let coverage = texts.t(if unit.in_coverage {
            "frame-in-coverage"
        } else {
            "frame-out-of-coverage"
        });
        let line = format!(
            "{}  {}  {}  {coverage}  {}",
            unit.unit,
            answers.join(" · "),
            texts.t_args("frame-population", &[("population", population.into())]),
            unit.emails.join(", ")
        );
        println!("{}", crate::text::printable(line.trim_end()));
    }
    Ok(())
}
