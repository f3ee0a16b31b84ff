//! The workbook: the data with codes, the same with labels, and the
//! codebook. Every cell is written with its type, so no spreadsheet reads
//! "1–3" as a date or a code as a number.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

use super::{Cell, ExportError, Variable, io_error};
use crate::form::Form;
use crate::i18n::Texts;
use crate::store::AtomicFile;

/// The most characters a spreadsheet cell holds.
const MAX_CELL_CHARS: usize = 32_767;

/// Sheet names and codebook headings stay the same in every language:
/// scripts read them. Only the labels inside are translated.
const CODEBOOK_HEAD: [&str; 5] = ["variable", "question", "type", "codes", "asked_when"];

fn failed(error: XlsxError) -> ExportError {
    ExportError::Workbook(error.to_string())
}

/// The workbook, a row at a time: the two data sheets are kept on disk as
/// they grow (rust_xlsxwriter's constant-memory sheets), the codebook is
/// written first, and the file is put in place once finished.
pub struct Book {
    workbook: Workbook,
    path: PathBuf,
    text: Format,
    /// Each variable's label for each of its codes (Labels sheet).
    labels: Vec<HashMap<String, String>>,
    /// Rows written so far, the header row not counted.
    rows: u32,
    /// Texts cut to fit a cell, in the Data sheet.
    pub cut: usize,
}

const DATA: usize = 0;
const LABELS: usize = 1;

impl Book {
    pub fn begin(
        form: &Form,
        texts: &Texts,
        variables: &[Variable],
        path: &Path,
    ) -> Result<Book, ExportError> {
        let mut workbook = Workbook::new();
        // Deflate at level 3: at 100,000 responses the export takes 9.5 s
        // rather than 15–16 s at the default 6, for a workbook of 65 MB
        // rather than 52 (level 1: 97 MB, no faster).
        workbook.set_zip_compression_level(3);
        let bold = Format::new().set_bold();
        // Text cells carry the "@" (text) number format as well: typing
        // into them later keeps text as text.
        let text = Format::new().set_num_format("@");
        for name in ["Data", "Labels"] {
            let sheet = workbook
                .add_worksheet_with_constant_memory()
                .map_err(failed)?
                .set_name(name)
                .map_err(failed)?;
            for (c, variable) in variables.iter().enumerate() {
                sheet
                    .write_string_with_format(0, c as u16, variable.name(form), &bold)
                    .map_err(failed)?;
            }
            sheet.set_freeze_panes(1, 1).map_err(failed)?;
        }
        write_codebook(
            workbook.add_worksheet(),
            form,
            texts,
            variables,
            &bold,
            &text,
        )?;
        let labels = variables
            .iter()
            .map(|variable| match variable {
                Variable::Single(_) | Variable::Derived(_) | Variable::Status | Variable::Lang => {
                    variable.value_labels(form, texts).into_iter().collect()
                }
                _ => HashMap::new(),
            })
            .collect();
        Ok(Book {
            workbook,
            path: path.to_path_buf(),
            text,
            labels,
            rows: 0,
            cut: 0,
        })
    }

    pub fn row(&mut self, variables: &[Variable], row: &[Cell]) -> Result<(), ExportError> {
        self.rows += 1;
        let r = self.rows;
        let data = self.workbook.worksheet_from_index(DATA).map_err(failed)?;
        self.cut += write_row(data, r, row, &self.text)?;
        let labelled: Vec<Cell> = variables
            .iter()
            .zip(row)
            .zip(&self.labels)
            .map(|((variable, cell), labels)| match (variable, cell) {
                (_, Cell::Text(code)) if !labels.is_empty() => {
                    Cell::Text(labels.get(code).unwrap_or(code).clone())
                }
                _ => cell.clone(),
            })
            .collect();
        let sheet = self.workbook.worksheet_from_index(LABELS).map_err(failed)?;
        write_row(sheet, r, &labelled, &self.text)?;
        Ok(())
    }

    pub fn finish(mut self) -> Result<(PathBuf, usize), ExportError> {
        let mut file = AtomicFile::create(&self.path).map_err(|e| io_error(&self.path, &e))?;
        self.workbook.save_to_writer(&mut file).map_err(failed)?;
        file.commit().map_err(|e| io_error(&self.path, &e))?;
        Ok((self.path, self.cut))
    }
}

fn write_codebook(
    codebook: &mut Worksheet,
    form: &Form,
    texts: &Texts,
    variables: &[Variable],
    bold: &Format,
    text: &Format,
) -> Result<(), ExportError> {
    codebook.set_name("Codebook").map_err(failed)?;
    for (c, title) in CODEBOOK_HEAD.iter().enumerate() {
        codebook
            .write_string_with_format(0, c as u16, *title, bold)
            .map_err(failed)?;
    }
    for (r, variable) in variables.iter().enumerate() {
        let row = [
            variable.name(form),
            variable.label(form, texts),
            variable.kind().into(),
            variable.codes_text(form, texts),
            variable.asked_when(form),
        ];
        for (c, value) in row.iter().enumerate() {
            codebook
                .write_string_with_format(r as u32 + 1, c as u16, value, text)
                .map_err(failed)?;
        }
    }
    Ok(())
}

/// One row of cells; how many texts were cut to fit.
fn write_row(
    sheet: &mut Worksheet,
    r: u32,
    row: &[Cell],
    text: &Format,
) -> Result<usize, ExportError> {
    let mut cut = 0;
    for (c, cell) in row.iter().enumerate() {
        let c = c as u16;
        match cell {
            Cell::Empty => {}
            Cell::Text(value) => {
                let fits = fit_in_cell(value);
                cut += usize::from(fits.len() < value.len());
                sheet
                    .write_string_with_format(r, c, fits, text)
                    .map_err(failed)?;
            }
            Cell::Flag(chosen) => {
                sheet
                    .write_number(r, c, if *chosen { 1.0 } else { 0.0 })
                    .map_err(failed)?;
            }
            Cell::Number(number) => {
                let value = number.as_f64().unwrap_or_default();
                sheet.write_number(r, c, value).map_err(failed)?;
            }
            Cell::Date(date) => match excel_date(*date) {
                Some(day) => {
                    let format = rust_xlsxwriter::Format::new().set_num_format("yyyy-mm-dd");
                    sheet
                        .write_datetime_with_format(r, c, &day, &format)
                        .map_err(failed)?;
                }
                // One bad cell never stops an export: a date Excel cannot
                // hold (before 1900) goes out as its text, as the codebook
                // says.
                None => {
                    sheet
                        .write_string_with_format(r, c, date.to_string(), text)
                        .map_err(failed)?;
                }
            },
        }
    }
    Ok(cut)
}

/// The date as a spreadsheet holds it, if it can (1900 to 9999).
fn excel_date(date: chrono::NaiveDate) -> Option<rust_xlsxwriter::ExcelDateTime> {
    use chrono::Datelike;
    let year = u16::try_from(date.year()).ok()?;
    rust_xlsxwriter::ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8).ok()
}

/// A text cut to what a cell holds (the CSV files keep it whole).
fn fit_in_cell(text: &str) -> &str {
    match text.char_indices().nth(MAX_CELL_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}
