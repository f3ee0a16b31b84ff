//! SPSS syntax that reads `responses.csv` and labels it: variable labels,
//! value labels and missing values in the chosen language, so that the
//! team's SPSS (or GNU PSPP) work starts from one file.

use std::path::{Path, PathBuf};

use super::{Cell, DATA_CSV, ExportError, Variable, io_error};
use crate::form::Form;
use crate::i18n::Texts;
use crate::store::write_atomic;

/// A string literal in syntax: quotes doubled, on one line.
fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''").replace(['\n', '\r'], " "))
}

/// The SPSS format of a variable: a string as wide as its widest value
/// (at least 8), or a one-digit number for the 0/1 options.
fn format(variable: &Variable, column: usize, rows: &[Vec<Cell>]) -> String {
    if matches!(variable, Variable::Option { .. }) {
        return "F1.0".into();
    }
    let widest = rows
        .iter()
        .map(|row| match &row[column] {
            Cell::Text(text) => text.len(),
            _ => 0,
        })
        .max()
        .unwrap_or(0);
    format!("A{}", widest.max(8))
}

pub fn write(
    form: &Form,
    texts: &Texts,
    variables: &[Variable],
    rows: &[Vec<Cell>],
    path: &Path,
) -> Result<PathBuf, ExportError> {
    let mut out = String::new();
    out += &format!(
        "* {}\n",
        texts.t_args(
            "export-spss-comment",
            &[
                ("form", form.id.as_str().into()),
                ("version", form.version.into())
            ]
        )
    );
    out += &format!(
        "GET DATA\n  /TYPE=TXT\n  /FILE={}\n  /ENCODING='UTF8'\n  /ARRANGEMENT=DELIMITED\n  /DELCASE=LINE\n  /FIRSTCASE=2\n  /DELIMITERS=\",\"\n  /QUALIFIER='\"'\n  /VARIABLES=\n",
        quoted(DATA_CSV)
    );
    for (column, variable) in variables.iter().enumerate() {
        out += &format!(
            "    {} {}\n",
            variable.name(form),
            format(variable, column, rows)
        );
    }
    out += ".\n\nVARIABLE LABELS\n";
    let labels: Vec<String> = variables
        .iter()
        .map(|v| format!("  {} {}", v.name(form), quoted(&v.label(form, texts))))
        .collect();
    out += &labels.join("\n  /");
    out += ".\n\nVALUE LABELS\n";
    let value_labels: Vec<String> = variables
        .iter()
        .filter_map(|v| {
            let pairs = v.value_labels(form, texts);
            (!pairs.is_empty()).then(|| {
                let numeric = matches!(v, Variable::Option { .. });
                let list: Vec<String> = pairs
                    .iter()
                    .map(|(code, label)| {
                        let code = if numeric { code.clone() } else { quoted(code) };
                        format!("{code} {}", quoted(label))
                    })
                    .collect();
                format!("  {} {}", v.name(form), list.join(" "))
            })
        })
        .collect();
    out += &value_labels.join("\n  /");
    // An empty answer (not asked, or not answered) is missing: numeric
    // blanks are system-missing already; strings need saying.
    let strings: Vec<String> = variables
        .iter()
        .filter(|v| matches!(v, Variable::Single(_) | Variable::Derived(_)))
        .map(|v| v.name(form))
        .collect();
    out += &format!(
        ".\n\nMISSING VALUES {} ('').\n\nEXECUTE.\n",
        strings.join(" ")
    );
    write_atomic(path, out.as_bytes()).map_err(|e| io_error(path, &e))?;
    Ok(path.to_path_buf())
}
