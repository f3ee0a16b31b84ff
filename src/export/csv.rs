//! The data as CSV (codes; 0/1 per option of a multiple choice; empty when
//! not asked), and the codebook that explains every column.

use std::path::{Path, PathBuf};

use super::{Cell, ExportError, Variable, io_error};
use crate::form::Form;
use crate::i18n::Texts;
use crate::store::{AtomicFile, write_atomic};

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
        Cell::Number(number) => number.to_string(),
        Cell::Date(date) => date.format("%Y-%m-%d").to_string(),
    }
}

/// A cell for a spreadsheet in English: texts made inert, numbers and
/// dates left for the spreadsheet to read as such (a negative number
/// starts with `-` and is no formula).
fn spreadsheet_cell(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => inert(text.clone()),
        cell => cell_text(cell),
    }
}

/// The same in Italian: decimal commas, which an Italian spreadsheet reads
/// as numbers (ISO dates it reads as dates in every language).
fn spreadsheet_cell_decimal_comma(cell: &Cell) -> String {
    match cell {
        Cell::Number(number) => number.to_string().replace('.', ","),
        cell => spreadsheet_cell(cell),
    }
}

/// A CSV file written a row at a time, in place only once finished.
pub struct Table {
    writer: ::csv::Writer<AtomicFile>,
    path: PathBuf,
    show: fn(&Cell) -> String,
}

fn csv_failed(error: ::csv::Error) -> ExportError {
    ExportError::Workbook(error.to_string())
}

impl Table {
    /// The raw data: codes, UTF-8, commas, texts exactly as typed.
    pub fn data(form: &Form, variables: &[Variable], path: &Path) -> Result<Table, ExportError> {
        Table::begin(form, variables, path, b"", b',', cell_text)
    }

    /// The data for a spreadsheet opened by double-click: a byte-order mark
    /// so accents survive, `;` between columns in Italian (where `,` is the
    /// decimal comma), and any text that a spreadsheet would run as a
    /// formula (`=`, `+`, `-`, `@` first) made plain text with a leading
    /// apostrophe.
    pub fn spreadsheet(
        form: &Form,
        texts: &Texts,
        variables: &[Variable],
        path: &Path,
    ) -> Result<Table, ExportError> {
        let (delimiter, show): (u8, fn(&Cell) -> String) = match texts.lang {
            crate::i18n::Lang::It => (b';', spreadsheet_cell_decimal_comma),
            crate::i18n::Lang::En => (b',', spreadsheet_cell),
        };
        Table::begin(
            form,
            variables,
            path,
            "\u{feff}".as_bytes(),
            delimiter,
            show,
        )
    }

    fn begin(
        form: &Form,
        variables: &[Variable],
        path: &Path,
        preamble: &[u8],
        delimiter: u8,
        show: fn(&Cell) -> String,
    ) -> Result<Table, ExportError> {
        use std::io::Write;
        let mut file = AtomicFile::create(path).map_err(|e| io_error(path, &e))?;
        file.write_all(preamble).map_err(|e| io_error(path, &e))?;
        let mut writer = ::csv::WriterBuilder::new()
            .delimiter(delimiter)
            .from_writer(file);
        writer
            .write_record(variables.iter().map(|v| v.name(form)))
            .map_err(csv_failed)?;
        Ok(Table {
            writer,
            path: path.to_path_buf(),
            show,
        })
    }

    pub fn row(&mut self, row: &[Cell]) -> Result<(), ExportError> {
        self.writer
            .write_record(row.iter().map(self.show))
            .map_err(csv_failed)
    }

    pub fn finish(self) -> Result<PathBuf, ExportError> {
        let file = self
            .writer
            .into_inner()
            .map_err(|e| ExportError::Workbook(e.to_string()))?;
        file.commit().map_err(|e| io_error(&self.path, &e))?;
        Ok(self.path)
    }
}

/// Text a spreadsheet will show as typed: one it would run as a formula
/// (`=`, `+`, `-`, `@` first) or read as a number, a date or a truth value
/// (a phone `0516584000` losing its zero, `31/03/2025` becoming a date) is
/// written as a formula that gives back the text, `="0516584000"`. A
/// leading apostrophe would not do: LibreOffice keeps it in the cell.
fn inert(text: String) -> String {
    if !(could_run(&text) || could_be_read_as_a_value(&text)) {
        return text;
    }
    text_formula(&text).unwrap_or_else(|| format!("'{text}"))
}

fn could_run(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// A short text with a digit in it may be a number, a date, a time or a
/// percentage in some spreadsheet's reading ("1e5", "3 mar", "12:30",
/// "1-3"); the words of truth values are read as such.
fn could_be_read_as_a_value(text: &str) -> bool {
    let short = text.chars().count() <= 40 && !text.contains('\n');
    let truth = ["TRUE", "FALSE", "VERO", "FALSO"]
        .iter()
        .any(|word| text.trim().eq_ignore_ascii_case(word));
    truth || (short && text.chars().any(|c| c.is_ascii_digit()))
}

/// `="…"` giving back `text`: quotes doubled, line breaks and tabs as
/// CHAR(), pieces of at most 255 characters (Excel's longest string in a
/// formula) joined with `&`; `None` past Excel's 8,192 characters of formula.
fn text_formula(text: &str) -> Option<String> {
    let mut parts = Vec::new();
    let mut piece = String::new();
    let mut length = 0;
    let end_piece = |piece: &mut String, length: &mut usize, parts: &mut Vec<String>| {
        if *length > 0 {
            parts.push(format!("\"{piece}\""));
        }
        piece.clear();
        *length = 0;
    };
    for c in text.chars() {
        match c {
            '\n' | '\r' | '\t' => {
                end_piece(&mut piece, &mut length, &mut parts);
                parts.push(format!("CHAR({})", c as u32));
            }
            _ => {
                if length == 255 {
                    end_piece(&mut piece, &mut length, &mut parts);
                }
                if c == '"' {
                    piece.push('"');
                }
                piece.push(c);
                length += 1;
            }
        }
    }
    end_piece(&mut piece, &mut length, &mut parts);
    let formula = format!("={}", parts.join("&"));
    (formula.chars().count() <= 8192).then_some(formula)
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
        writer
            .write_record([
                variable.name(form),
                variable.label(form, texts),
                variable.kind().into(),
                variable.codes_text(form, texts),
                variable.asked_when(form),
            ])
            .map_err(failed)?;
    }
    finish(writer, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_numbers_stay_numbers_and_texts_stay_inert_in_a_spreadsheet() {
        let minus = Cell::Number(serde_json::Number::from_f64(-2.5).unwrap());
        assert_eq!(spreadsheet_cell(&minus), "-2.5");
        assert_eq!(spreadsheet_cell_decimal_comma(&minus), "-2,5");
        let formula = Cell::Text("-2+3".into());
        assert_eq!(spreadsheet_cell(&formula), r#"="-2+3""#);
        assert_eq!(spreadsheet_cell_decimal_comma(&formula), r#"="-2+3""#);
    }

    #[test]
    fn texts_a_spreadsheet_would_read_as_numbers_or_dates_come_back_as_typed() {
        for (typed, written) in [
            ("0516584000", r#"="0516584000""#),
            ("31/03/2025", r#"="31/03/2025""#),
            ("+39 051 658 4000", r#"="+39 051 658 4000""#),
            ("vero", r#"="vero""#),
            ("Via \"Roma\" 1", r#"="Via ""Roma"" 1""#),
            ("=SOMMA(1;2)\nA", r#"="=SOMMA(1;2)"&CHAR(10)&"A""#),
            ("Centro diurno", "Centro diurno"),
        ] {
            assert_eq!(inert(typed.into()), written, "{typed:?}");
        }
    }

    #[test]
    fn a_long_text_formula_is_cut_into_pieces_a_spreadsheet_takes() {
        let long = format!("={}", "a".repeat(300));
        let formula = inert(long);
        assert_eq!(
            formula,
            format!(r#"="={}"&"{}""#, "a".repeat(254), "a".repeat(46))
        );
        let huge = format!("={}", "a".repeat(9000));
        assert!(inert(huge).starts_with("'="));
    }
}
