//! The data as CSV (codes; 0/1 per option of a multiple choice; empty when
//! not asked), and the codebook that explains every column.

use std::path::{Path, PathBuf};

use super::{Cell, ExportError, Variable, io_error};
use crate::form::Form;
use crate::i18n::Texts;
use crate::store::write_atomic;

fn finish(writer: ::csv::Writer<Vec<u8>>, path: &Path) -> Result<PathBuf, ExportError> {
    let bytes = writer
        .into_inner()
        .map_err(|e| ExportError::Workbook(e.to_string()))?;
    write_atomic(path, &bytes).map_err(|e| io_error(path, &e))?;
    Ok(path.to_path_buf())
}

pub fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Empty => String::new(),
        Cell::Text(text) => text.clone(),
        Cell::Flag(chosen) => if *chosen { "1" } else { "0" }.into(),
    }
}

pub fn write_data(
    form: &Form,
    variables: &[Variable],
    rows: &[Vec<Cell>],
    path: &Path,
) -> Result<PathBuf, ExportError> {
    let bytes = table(form, variables, rows, b',', cell_text)?;
    write_atomic(path, &bytes).map_err(|e| io_error(path, &e))?;
    Ok(path.to_path_buf())
}

/// The data for a spreadsheet opened by double-click: a byte-order mark
/// so accents survive, `;` between columns in Italian (where `,` is the
/// decimal comma), and any text that a spreadsheet would run as a formula
/// (`=`, `+`, `-`, `@` first) made plain text with a leading apostrophe.
pub fn write_spreadsheet(
    form: &Form,
    texts: &Texts,
    variables: &[Variable],
    rows: &[Vec<Cell>],
    path: &Path,
) -> Result<PathBuf, ExportError> {
    let delimiter = match texts.lang {
        crate::i18n::Lang::It => b';',
        crate::i18n::Lang::En => b',',
    };
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend(table(form, variables, rows, delimiter, |cell| {
        inert(cell_text(cell))
    })?);
    write_atomic(path, &bytes).map_err(|e| io_error(path, &e))?;
    Ok(path.to_path_buf())
}

/// The header and a row per response, each cell as `show` writes it.
fn table(
    form: &Form,
    variables: &[Variable],
    rows: &[Vec<Cell>],
    delimiter: u8,
    show: impl Fn(&Cell) -> String,
) -> Result<Vec<u8>, ExportError> {
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Vec::new());
    let failed = |e: ::csv::Error| ExportError::Workbook(e.to_string());
    writer
        .write_record(variables.iter().map(|v| v.name(form)))
        .map_err(failed)?;
    for row in rows {
        writer.write_record(row.iter().map(&show)).map_err(failed)?;
    }
    writer
        .into_inner()
        .map_err(|e| ExportError::Workbook(e.to_string()))
}

/// Text a spreadsheet will show, never evaluate.
fn inert(text: String) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

pub fn write_codebook(
    form: &Form,
    texts: &Texts,
    variables: &[Variable],
    path: &Path,
) -> Result<PathBuf, ExportError> {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    let failed = |e: ::csv::Error| ExportError::Workbook(e.to_string());
    writer
        .write_record(["variable", "question", "type", "codes", "asked_when"])
        .map_err(failed)?;
    for variable in variables {
        let codes: Vec<String> = variable
            .value_labels(form, texts)
            .into_iter()
            .map(|(code, label)| format!("{code} = {label}"))
            .collect();
        writer
            .write_record([
                variable.name(form),
                variable.label(form, texts),
                variable.kind().into(),
                codes.join("; "),
                variable.asked_when(form),
            ])
            .map_err(failed)?;
    }
    finish(writer, path)
}
