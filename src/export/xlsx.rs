//! The workbook: the data with codes, the same with labels, and the
//! codebook. Every cell is written with its type, so no spreadsheet reads
//! "1–3" as a date or a code as a number.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::{Cell, ExportError, Variable};
use crate::form::Form;
use crate::i18n::Texts;

/// The most characters a spreadsheet cell holds.
const MAX_CELL_CHARS: usize = 32_767;

/// Sheet names and codebook headings stay the same in every language:
/// scripts read them. Only the labels inside are translated.
const CODEBOOK_HEAD: [&str; 5] = ["variable", "question", "type", "codes", "asked_when"];

fn failed(error: XlsxError) -> ExportError {
    ExportError::Workbook(error.to_string())
}

pub fn write(
    form: &Form,
    texts: &Texts,
    variables: &[Variable],
    rows: &[Vec<Cell>],
    path: &Path,
) -> Result<(PathBuf, usize), ExportError> {
    let mut workbook = Workbook::new();
    let mut cut = 0;
    let bold = Format::new().set_bold();
    // Text cells carry the "@" (text) number format as well: typing into
    // them later keeps text as text.
    let text = Format::new().set_num_format("@");

    let data = workbook.add_worksheet().set_name("Data").map_err(failed)?;
    cut += write_table(data, form, variables, rows, &bold, &text, |_, cell| {
        cell.clone()
    })?;

    let labels = workbook
        .add_worksheet()
        .set_name("Labels")
        .map_err(failed)?;
    write_table(
        labels,
        form,
        variables,
        rows,
        &bold,
        &text,
        |variable, cell| match (variable, cell) {
            (Variable::Status, Cell::Text(code)) => Cell::Text(match code.as_str() {
                "complete" => texts.t("status-complete"),
                _ => texts.t("status-draft"),
            }),
            (Variable::Single(_) | Variable::Derived(_), Cell::Text(code)) => {
                let labels = variable.value_labels(form, texts);
                Cell::Text(
                    labels
                        .into_iter()
                        .find(|(c, _)| c == code)
                        .map_or(code.clone(), |(_, label)| label),
                )
            }
            _ => cell.clone(),
        },
    )?;

    let codebook = workbook
        .add_worksheet()
        .set_name("Codebook")
        .map_err(failed)?;
    for (c, title) in CODEBOOK_HEAD.iter().enumerate() {
        codebook
            .write_string_with_format(0, c as u16, *title, &bold)
            .map_err(failed)?;
    }
    for (r, variable) in variables.iter().enumerate() {
        let codes: Vec<String> = variable
            .value_labels(form, texts)
            .into_iter()
            .map(|(code, label)| format!("{code} = {label}"))
            .collect();
        let row = [
            variable.name(form),
            variable.label(form, texts),
            variable.kind().into(),
            codes.join("; "),
            variable.asked_when(form),
        ];
        for (c, value) in row.iter().enumerate() {
            codebook
                .write_string_with_format(r as u32 + 1, c as u16, value, &text)
                .map_err(failed)?;
        }
    }
    let bytes = workbook.save_to_buffer().map_err(failed)?;
    crate::store::write_atomic(path, &bytes).map_err(|e| super::io_error(path, &e))?;
    Ok((path.to_path_buf(), cut))
}

fn write_table(
    sheet: &mut Worksheet,
    form: &Form,
    variables: &[Variable],
    rows: &[Vec<Cell>],
    bold: &Format,
    text: &Format,
    show: impl Fn(&Variable, &Cell) -> Cell,
) -> Result<usize, ExportError> {
    let mut cut = 0;
    for (c, variable) in variables.iter().enumerate() {
        sheet
            .write_string_with_format(0, c as u16, variable.name(form), bold)
            .map_err(failed)?;
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, (variable, cell)) in variables.iter().zip(row).enumerate() {
            let (r, c) = (r as u32 + 1, c as u16);
            match show(variable, cell) {
                Cell::Empty => {}
                Cell::Text(value) => {
                    let fits = fit_in_cell(&value);
                    cut += usize::from(fits.len() < value.len());
                    sheet
                        .write_string_with_format(r, c, fits, text)
                        .map_err(failed)?;
                }
                Cell::Flag(chosen) => {
                    sheet
                        .write_number(r, c, if chosen { 1.0 } else { 0.0 })
                        .map_err(failed)?;
                }
            }
        }
    }
    sheet.set_freeze_panes(1, 1).map_err(failed)?;
    Ok(cut)
}

/// A text cut to what a cell holds (the CSV files keep it whole).
fn fit_in_cell(text: &str) -> &str {
    match text.char_indices().nth(MAX_CELL_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}
