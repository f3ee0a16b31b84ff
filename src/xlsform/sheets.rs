//! An XLSForm's sheets as rows of texts: from a spreadsheet (`.xlsx`,
//! `.xls`, `.ods`, read by calamine) or from pyxform's markdown tables
//! (`.md`, the form its own tests are written in). Both become the same
//! [`Sheet`]s, so one importer reads them.

use calamine::{Data, Reader};

/// One sheet: its header (column names as written) and the rows under it,
/// each numbered as the spreadsheet numbers it.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Row>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<String>,
}

impl Sheet {
    /// Where the column of that name is (names compared without case).
    pub fn column(&self, name: &str) -> Option<usize> {
        self.header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    }
}

impl Row {
    pub fn cell(&self, column: Option<usize>) -> &str {
        column
            .and_then(|c| self.cells.get(c))
            .map_or("", |c| c.trim())
    }
}

/// Bytes that are no spreadsheet calamine reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotASpreadsheet;

/// A spreadsheet's bytes, every sheet of it.
pub fn read_spreadsheet(bytes: Vec<u8>) -> Result<Vec<Sheet>, NotASpreadsheet> {
    let mut workbook = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|_| NotASpreadsheet)?;
    let mut sheets = Vec::new();
    for name in workbook.sheet_names() {
        let range = workbook
            .worksheet_range(&name)
            .map_err(|_| NotASpreadsheet)?;
        let first_row = range.start().map_or(0, |(row, _)| row as usize);
        let first_column = range.start().map_or(0, |(_, column)| column as usize);
        let rows: Vec<Row> = range
            .rows()
            .enumerate()
            .map(|(n, cells)| Row {
                number: first_row + n + 1,
                cells: std::iter::repeat_n(String::new(), first_column)
                    .chain(cells.iter().map(cell_text))
                    .collect(),
            })
            .collect();
        sheets.push(sheet(name, rows));
    }
    Ok(sheets)
}

/// A cell as its text: whole numbers without a point, as a person typed
/// them (a spreadsheet keeps `1` as the number 1.0).
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Float(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        Data::Bool(b) => b.to_string(),
        other => other.to_string(),
    }
}

/// pyxform's markdown: a row whose first cell is not empty names a sheet,
/// the next row is its header, and the rows after are its rows (the
/// header is row 1).
pub fn read_markdown(text: &str) -> Vec<Sheet> {
    let mut sheets: Vec<(String, Vec<Row>)> = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if !line.starts_with('|') {
            continue;
        }
        let inner = line.trim_start_matches('|');
        let inner = inner.strip_suffix('|').unwrap_or(inner);
        let cells: Vec<String> = inner.split('|').map(|c| c.trim().to_string()).collect();
        match cells.first() {
            Some(first) if !first.is_empty() => sheets.push((first.clone(), Vec::new())),
            _ => {
                if let Some((_, rows)) = sheets.last_mut() {
                    let number = rows.len() + 1;
                    rows.push(Row {
                        number,
                        cells: cells.into_iter().skip(1).collect(),
                    });
                }
            }
        }
    }
    sheets
        .into_iter()
        .map(|(name, rows)| sheet(name, rows))
        .collect()
}

/// A sheet from its rows: the first row with a cell is the header; rows
/// with no cell are left out.
fn sheet(name: String, rows: Vec<Row>) -> Sheet {
    let mut rows = rows
        .into_iter()
        .filter(|row| row.cells.iter().any(|c| !c.trim().is_empty()));
    let header = rows.next().map(|row| row.cells).unwrap_or_default();
    Sheet {
        name,
        header,
        rows: rows.collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_tables_become_sheets_with_their_rows_numbered() {
        let sheets = read_markdown(
            "
            | survey |
            | | type | name | label |
            | | text | q1 | Q one |

            | | integer | q2 | Q two |
            | choices |
            | | list_name | name | label |
            | | yn | y | Yes |
            ",
        );
        assert_eq!(sheets.len(), 2);
        assert_eq!(sheets[0].name, "survey");
        assert_eq!(sheets[0].header, ["type", "name", "label"]);
        assert_eq!(sheets[0].rows[1].number, 3);
        assert_eq!(sheets[0].rows[1].cells, ["integer", "q2", "Q two"]);
        assert_eq!(sheets[1].column("LIST_NAME"), Some(0));
    }
}
