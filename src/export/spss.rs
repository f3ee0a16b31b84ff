//! SPSS syntax and the data it reads, for SPSS and GNU PSPP: one case per
//! response whatever its answers hold, single choices as numbers in the
//! form's order with value labels (so categories sort as the questionnaire
//! lists them), ordinal scales marked ordinal, and variable labels in the
//! chosen language.
//!
//! The data has a file of its own, `responses-spss.csv`, because SPSS reads
//! delimited text one line per case: a line break inside an answer would
//! split a response in two. There it is written as the byte 0x1F (which no
//! answer holds: campo keeps control characters out of answers) and the
//! syntax turns it back into a line break once the data is read.

use std::path::{Path, PathBuf};

use super::{Cell, ExportError, SPSS_DATA, Variable, io_error};
use crate::form::Form;
use crate::i18n::Texts;
use crate::store::{AtomicFile, write_atomic};

/// Stands for a line break inside a value in the data file.
const LINE_BREAK: char = '\u{1f}';

/// The widest string SPSS and PSPP hold, in bytes.
const MAX_STRING_BYTES: usize = 32_767;

/// A string literal in syntax: quotes doubled, on one line.
fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''").replace(['\n', '\r'], " "))
}

/// What a variable is in SPSS.
enum Column {
    /// A choice: the option's position in the form (1, 2, …).
    Coded {
        codes: Vec<String>,
        ordinal: bool,
    },
    /// A multiple choice's option: 0 or 1.
    Flag,
    /// With as many decimals as the longest fraction seen.
    Number {
        decimals: usize,
    },
    /// Written dd.mm.yyyy, read as a date (EDATE10).
    Date,
    Text,
}

fn column(form: &Form, variable: &Variable) -> Column {
    match variable {
        Variable::Single(item) => Column::Coded {
            codes: form.items[*item]
                .options()
                .iter()
                .map(|o| o.code.clone())
                .collect(),
            ordinal: form.items[*item].ordinal,
        },
        Variable::Derived(index) => Column::Coded {
            codes: form.derived[*index]
                .values
                .iter()
                .map(|v| v.code.clone())
                .collect(),
            ordinal: false,
        },
        Variable::Option { .. } => Column::Flag,
        Variable::Number(_) => Column::Number { decimals: 0 },
        Variable::Date(_) => Column::Date,
        _ => Column::Text,
    }
}

/// A value as the data file holds it: a code's position, a flag, or text
/// with its line breaks folded and cut to what SPSS can hold.
fn data_value(column: &Column, cell: &Cell) -> String {
    match (column, cell) {
        (_, Cell::Empty) => String::new(),
        (Column::Coded { codes, .. }, Cell::Text(code)) => codes
            .iter()
            .position(|c| c == code)
            .map_or(String::new(), |p| (p + 1).to_string()),
        (_, Cell::Flag(chosen)) => u8::from(*chosen).to_string(),
        (_, Cell::Number(number)) => number.to_string(),
        (_, Cell::Date(date)) => date.format("%d.%m.%Y").to_string(),
        (_, Cell::Text(text)) => {
            let folded: String = text
                .replace("\r\n", "\n")
                .chars()
                .map(|c| match c {
                    '\n' | '\r' => LINE_BREAK,
                    c if c.is_control() && c != '\t' => '\u{fffd}',
                    c => c,
                })
                .collect();
            cut_to_bytes(&folded, MAX_STRING_BYTES).to_string()
        }
    }
}

fn cut_to_bytes(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let end = (0..=max)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    &text[..end]
}

fn format(column: &Column, widest: usize) -> String {
    match column {
        Column::Coded { codes, .. } => format!("F{}.0", codes.len().to_string().len()),
        Column::Flag => "F1.0".into(),
        Column::Number { decimals } => {
            let decimals = (*decimals).min(16);
            format!("F{}.{decimals}", widest.clamp(decimals + 2, 40))
        }
        Column::Date => "EDATE10".into(),
        Column::Text => format!("A{}", widest.clamp(8, MAX_STRING_BYTES)),
    }
}

/// `responses-spss.csv`, a row at a time, and `responses.sps` once every
/// row is in (a text variable's width is its widest value).
pub struct Spss {
    columns: Vec<Column>,
    widest: Vec<usize>,
    writer: ::csv::Writer<AtomicFile>,
    data_path: PathBuf,
    syntax_path: PathBuf,
}

fn csv_failed(error: ::csv::Error) -> ExportError {
    ExportError::Workbook(error.to_string())
}

impl Spss {
    pub fn begin(
        form: &Form,
        variables: &[Variable],
        dir: &Path,
        syntax_name: &str,
    ) -> Result<Spss, ExportError> {
        let data_path = dir.join(SPSS_DATA);
        let file = AtomicFile::create(&data_path).map_err(|e| io_error(&data_path, &e))?;
        let mut writer = ::csv::WriterBuilder::new()
            .terminator(::csv::Terminator::Any(b'\n'))
            .from_writer(file);
        writer
            .write_record(variables.iter().map(|v| v.name(form)))
            .map_err(csv_failed)?;
        let columns: Vec<Column> = variables.iter().map(|v| column(form, v)).collect();
        Ok(Spss {
            widest: vec![0; columns.len()],
            columns,
            writer,
            data_path,
            syntax_path: dir.join(syntax_name),
        })
    }

    pub fn row(&mut self, row: &[Cell]) -> Result<(), ExportError> {
        let values: Vec<String> = self
            .columns
            .iter()
            .zip(row)
            .map(|(column, cell)| data_value(column, cell))
            .collect();
        for ((widest, column), value) in self.widest.iter_mut().zip(&mut self.columns).zip(&values)
        {
            *widest = (*widest).max(value.len());
            if let Column::Number { decimals } = column
                && let Some((_, fraction)) = value.split_once('.')
            {
                *decimals = (*decimals).max(fraction.trim_end_matches('0').len());
            }
        }
        self.writer.write_record(&values).map_err(csv_failed)
    }

    pub fn finish(
        self,
        form: &Form,
        texts: &Texts,
        variables: &[Variable],
    ) -> Result<Vec<PathBuf>, ExportError> {
        let file = self
            .writer
            .into_inner()
            .map_err(|e| ExportError::Workbook(e.to_string()))?;
        file.commit().map_err(|e| io_error(&self.data_path, &e))?;
        let formats: Vec<String> = self
            .columns
            .iter()
            .zip(&self.widest)
            .map(|(column, widest)| format(column, *widest))
            .collect();
        let syntax = syntax(form, texts, variables, &self.columns, &formats);
        write_atomic(&self.syntax_path, syntax.as_bytes())
            .map_err(|e| io_error(&self.syntax_path, &e))?;
        Ok(vec![self.data_path, self.syntax_path])
    }
}

fn syntax(
    form: &Form,
    texts: &Texts,
    variables: &[Variable],
    columns: &[Column],
    formats: &[String],
) -> String {
    let name = |v: &Variable| v.name(form);
    let mut out = format!(
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
        quoted(SPSS_DATA)
    );
    for (variable, format) in variables.iter().zip(formats) {
        out += &format!("    {} {format}\n", name(variable));
    }
    out += ".\n\n";
    // Line breaks back where the answers had them.
    for (variable, column) in variables.iter().zip(columns) {
        if matches!(variable, Variable::Text(_)) && matches!(column, Column::Text) {
            out += &format!(
                "COMPUTE {0} = REPLACE({0}, X'1F', X'0A').\n",
                name(variable)
            );
        }
    }
    out += "\nVARIABLE LABELS\n";
    let labels: Vec<String> = variables
        .iter()
        .map(|v| format!("  {} {}", name(v), quoted(&v.label(form, texts))))
        .collect();
    out += &labels.join("\n  /");
    out += ".\n\nVALUE LABELS\n";
    let value_labels: Vec<String> = variables
        .iter()
        .zip(columns)
        .filter_map(|(v, column)| {
            let pairs = v.value_labels(form, texts);
            (!pairs.is_empty()).then(|| {
                let list: Vec<String> = pairs
                    .iter()
                    .enumerate()
                    .map(|(position, (code, label))| {
                        let value = match column {
                            Column::Coded { .. } => (position + 1).to_string(),
                            // A string variable's value is itself a string.
                            Column::Text => quoted(code),
                            _ => code.clone(),
                        };
                        format!("{value} {}", quoted(label))
                    })
                    .collect();
                format!("  {} {}", name(v), list.join(" "))
            })
        })
        .collect();
    out += &value_labels.join("\n  /");
    out += ".\n\n";
    let level = |wanted: fn(&Column) -> bool| -> Vec<String> {
        variables
            .iter()
            .zip(columns)
            .filter(|(_, c)| wanted(c))
            .map(|(v, _)| name(v))
            .collect()
    };
    let ordinal = level(|c| matches!(c, Column::Coded { ordinal: true, .. }));
    let nominal = level(|c| matches!(c, Column::Coded { ordinal: false, .. } | Column::Flag));
    let scale = level(|c| matches!(c, Column::Number { .. } | Column::Date));
    if !ordinal.is_empty() {
        out += &format!("VARIABLE LEVEL {} (ORDINAL).\n", ordinal.join(" "));
    }
    if !nominal.is_empty() {
        out += &format!("VARIABLE LEVEL {} (NOMINAL).\n", nominal.join(" "));
    }
    if !scale.is_empty() {
        out += &format!("VARIABLE LEVEL {} (SCALE).\n", scale.join(" "));
    }
    out += "\nEXECUTE.\n";
    out
}
