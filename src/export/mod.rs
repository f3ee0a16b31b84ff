//! Files for analysts: one row per response, one column per variable, in
//! CSV (with a codebook), XLSX and SPSS syntax. Every format is built from
//! the same list of variables and the same cells, so they cannot disagree.

mod csv;
mod spss;
mod xlsx;

use std::path::{Path, PathBuf};

use crate::form::{Answer, Asked, Form, ItemKind};
use crate::i18n::{Describe, Texts};
use crate::store::{Response, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExportFormat {
    Csv,
    Xlsx,
    Spss,
    All,
}

/// The file names written into the output folder. `responses.csv` is raw
/// (UTF-8, commas, text exactly as typed) for statistics packages;
/// `responses-spreadsheet.csv` is for opening by double-click.
pub const DATA_CSV: &str = "responses.csv";
pub const SPREADSHEET_CSV: &str = "responses-spreadsheet.csv";
pub const SPSS_DATA: &str = "responses-spss.csv";
pub const CODEBOOK_CSV: &str = "codebook.csv";
pub const WORKBOOK: &str = "responses.xlsx";
pub const SPSS_SYNTAX: &str = "responses.sps";

/// One column of the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Variable {
    Id,
    Status,
    Created,
    Updated,
    Lang,
    /// A single-choice item: its code.
    Single(usize),
    /// One option of a multiple choice: 1 chosen, 0 not.
    Option {
        item: usize,
        code: String,
    },
    /// A text item (and the "other, specify" companions).
    Text(usize),
    /// An `integer` or `decimal` item: a number.
    Number(usize),
    /// A `date` item: a date.
    Date(usize),
    /// The reason given for keeping an answer a soft check warned about.
    Reason(usize),
    /// A derived value, such as `macro_area`.
    Derived(usize),
}

/// One cell: typed, so no format has to guess.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    /// Not asked, or asked and not answered.
    Empty,
    Text(String),
    Flag(bool),
    Number(serde_json::Number),
    Date(chrono::NaiveDate),
}

impl Variable {
    pub fn name(&self, form: &Form) -> String {
        match self {
            Variable::Id => "id".into(),
            Variable::Status => "status".into(),
            Variable::Created => "created".into(),
            Variable::Updated => "updated".into(),
            Variable::Lang => "lang".into(),
            Variable::Single(item)
            | Variable::Text(item)
            | Variable::Number(item)
            | Variable::Date(item) => form.items[*item].id.clone(),
            Variable::Reason(item) => format!("{}__reason", form.items[*item].id),
            Variable::Option { item, code } => format!("{}__{code}", form.items[*item].id),
            Variable::Derived(index) => form.derived[*index].id.clone(),
        }
    }

    /// What the variable holds, in words of the chosen language.
    pub fn label(&self, form: &Form, texts: &Texts) -> String {
        match self {
            Variable::Id => texts.t("export-var-id"),
            Variable::Status => texts.t("export-var-status"),
            Variable::Created => texts.t("export-var-created"),
            Variable::Updated => texts.t("export-var-updated"),
            Variable::Lang => texts.t("export-var-lang"),
            Variable::Single(item)
            | Variable::Text(item)
            | Variable::Number(item)
            | Variable::Date(item) => question(form, texts, *item),
            Variable::Reason(item) => texts.t_args(
                "export-var-reason",
                &[("question", question(form, texts, *item).into())],
            ),
            Variable::Option { item, code } => {
                let option = form.items[*item]
                    .options()
                    .iter()
                    .find(|o| o.code == *code)
                    .expect("options come from the form");
                format!(
                    "{}: {}",
                    question(form, texts, *item),
                    texts.form_text(&option.label)
                )
            }
            Variable::Derived(index) => texts.form_text(&form.derived[*index].label),
        }
    }

    /// The codes and their labels, for choice variables and the status and
    /// language of a response (m31).
    pub fn value_labels(&self, form: &Form, texts: &Texts) -> Vec<(String, String)> {
        match self {
            Variable::Status => vec![
                ("complete".into(), texts.t("status-complete")),
                ("draft".into(), texts.t("status-draft")),
            ],
            Variable::Lang => crate::i18n::Lang::ALL
                .iter()
                .map(|lang| {
                    (
                        lang.code().to_string(),
                        texts.t(&format!("export-lang-{}", lang.code())),
                    )
                })
                .collect(),
            Variable::Single(item) => form.items[*item]
                .options()
                .iter()
                .map(|o| (o.code.clone(), texts.form_text(&o.label)))
                .collect(),
            Variable::Option { .. } => vec![
                ("0".into(), texts.t("export-not-chosen")),
                ("1".into(), texts.t("export-chosen")),
            ],
            Variable::Derived(index) => form.derived[*index]
                .values
                .iter()
                .map(|v| (v.code.clone(), texts.form_text(&v.label)))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The codebook's "codes" column: each code with its label, or for a
    /// number its range and unit, for a date its range and format, for a
    /// calculate its calculation.
    pub fn codes_text(&self, form: &Form, texts: &Texts) -> String {
        let range = |min: Option<String>, max: Option<String>| {
            [("min", min), ("max", max)]
                .into_iter()
                .filter_map(|(name, bound)| bound.map(|b| format!("{name} {b}")))
                .collect::<Vec<_>>()
        };
        match self {
            // How the form works it out, as the form writes it.
            Variable::Text(item)
                if let ItemKind::Calculate(calculation) = &form.items[*item].kind =>
            {
                format!("= {}", calculation.source)
            }
            Variable::Number(item) => {
                let ItemKind::Number(rules) = &form.items[*item].kind else {
                    return String::new();
                };
                let mut parts = range(
                    rules.min.as_ref().map(ToString::to_string),
                    rules.max.as_ref().map(ToString::to_string),
                );
                parts.extend(rules.unit.as_deref().map(|u| texts.form_text(u)));
                parts.join("; ")
            }
            Variable::Date(item) => {
                let ItemKind::Date(rules) = &form.items[*item].kind else {
                    return String::new();
                };
                let mut parts = vec!["yyyy-mm-dd".to_string()];
                parts.extend(range(
                    rules.min.map(|d| d.to_string()),
                    rules.max.map(|d| d.to_string()),
                ));
                // A spreadsheet holds no date before 1900: such a date is
                // written there as its text.
                parts.push(texts.t("codebook-date-as-text"));
                parts.join("; ")
            }
            _ => self
                .value_labels(form, texts)
                .into_iter()
                .map(|(code, label)| format!("{code} = {label}"))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }

    pub fn kind(&self) -> &'static str {
        match self {
            Variable::Id
            | Variable::Status
            | Variable::Created
            | Variable::Updated
            | Variable::Lang => "meta",
            Variable::Single(_) => "single",
            Variable::Option { .. } => "option",
            Variable::Text(_) => "text",
            Variable::Number(_) => "number",
            Variable::Date(_) => "date",
            Variable::Reason(_) => "reason",
            Variable::Derived(_) => "derived",
        }
    }

    /// When the variable has a value: the item's condition, as text.
    pub fn asked_when(&self, form: &Form) -> String {
        let item = match self {
            Variable::Single(item)
            | Variable::Text(item)
            | Variable::Number(item)
            | Variable::Date(item)
            | Variable::Option { item, .. } => *item,
            _ => return String::new(),
        };
        match &form.items[item].specifies {
            Some((parent, option)) => format!("{} has {option}", form.items[*parent].id),
            None => form.items[item]
                .asked_when
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
        }
    }

    pub fn cell(&self, form: &Form, response: &Response, asked: &Asked) -> Cell {
        let text = |s: String| Cell::Text(s);
        match self {
            Variable::Id => text(response.id.to_string()),
            Variable::Status => text(match response.status {
                Status::Draft => "draft".into(),
                Status::Complete => "complete".into(),
            }),
            Variable::Created => text(
                response
                    .created
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            ),
            Variable::Updated => text(
                response
                    .updated
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            ),
            Variable::Lang => text(response.lang.clone()),
            Variable::Single(item) | Variable::Text(item) if asked.is_asked(*item) => {
                match response
                    .answers
                    .get(&form.items[*item].id)
                    .and_then(Answer::as_one)
                {
                    Some(value) if !value.trim().is_empty() => text(value.to_string()),
                    _ => Cell::Empty,
                }
            }
            Variable::Number(item) if asked.is_asked(*item) => response
                .answers
                .get(&form.items[*item].id)
                .and_then(Answer::as_number)
                .map_or(Cell::Empty, |n| Cell::Number(n.clone())),
            Variable::Date(item) if asked.is_asked(*item) => response
                .answers
                .get(&form.items[*item].id)
                .and_then(Answer::as_one)
                .and_then(crate::form::value::stored_date)
                .map_or(Cell::Empty, Cell::Date),
            Variable::Reason(item) if asked.is_asked(*item) => response
                .reasons
                .get(&form.items[*item].id)
                .map_or(Cell::Empty, |reason| text(reason.clone())),
            Variable::Option { item, code } if asked.is_asked(*item) => {
                match response
                    .answers
                    .get(&form.items[*item].id)
                    .filter(|a| !a.is_empty())
                {
                    Some(answer) => Cell::Flag(answer.includes(code)),
                    None => Cell::Empty,
                }
            }
            Variable::Derived(index) => {
                let definition = &form.derived[*index];
                let source = response
                    .answers
                    .get(&definition.from)
                    .and_then(Answer::as_one);
                form.derive(definition, source)
                    .map_or(Cell::Empty, |code| text(code.to_string()))
            }
            _ => Cell::Empty,
        }
    }
}

fn question(form: &Form, texts: &Texts, item: usize) -> String {
    match &form.items[item].specifies {
        Some((parent, _)) => {
            format!(
                "{}: {}",
                texts.form_text(&form.items[*parent].question),
                texts.form_text(&form.items[item].question)
            )
        }
        None => texts.form_text(&form.items[item].question),
    }
}

/// Every variable, in form order after the response's own.
pub fn variables(form: &Form) -> Vec<Variable> {
    let mut all = vec![
        Variable::Id,
        Variable::Status,
        Variable::Created,
        Variable::Updated,
        Variable::Lang,
    ];
    for (index, item) in form.items.iter().enumerate() {
        match &item.kind {
            ItemKind::Single { .. } => all.push(Variable::Single(index)),
            ItemKind::Multi { options } => all.extend(options.iter().map(|o| Variable::Option {
                item: index,
                code: o.code.clone(),
            })),
            // A calculate is stored as the text ODK would submit.
            ItemKind::Text(_) | ItemKind::Calculate(_) => all.push(Variable::Text(index)),
            ItemKind::Number(_) => all.push(Variable::Number(index)),
            ItemKind::Date(_) => all.push(Variable::Date(index)),
            ItemKind::Note => {}
        }
        if item.checks.iter().any(|c| c.soft) {
            all.push(Variable::Reason(index));
        }
    }
    all.extend((0..form.derived.len()).map(Variable::Derived));
    all
}

/// A response's row: a cell per variable.
pub fn row(form: &Form, variables: &[Variable], response: &Response) -> Vec<Cell> {
    let asked = form.asked(&response.answers);
    variables
        .iter()
        .map(|v| v.cell(form, response, &asked))
        .collect()
}

/// Why an export could not be written.
#[derive(Debug)]
pub enum ExportError {
    Io {
        path: String,
        failure: crate::io_failure::IoFailure,
    },
    Workbook(String),
}

/// In the user's words: the export knows the interface's language, so its
/// errors are worded here, beside them.
impl Describe for ExportError {
    fn describe(&self, texts: &Texts) -> String {
        match self {
            ExportError::Io { path, failure } => texts.t_args(
                "store-io",
                &[
                    ("path", path.as_str().into()),
                    ("reason", failure.describe(texts).into()),
                ],
            ),
            ExportError::Workbook(detail) => {
                texts.t_args("export-failed", &[("detail", detail.as_str().into())])
            }
        }
    }
}

crate::i18n::worded_errors!(ExportError);

fn io_error(path: &Path, error: &std::io::Error) -> ExportError {
    ExportError::Io {
        path: path.display().to_string(),
        failure: error.into(),
    }
}

/// What an export wrote.
#[derive(Debug, Default)]
pub struct Exported {
    pub files: Vec<PathBuf>,
    /// Texts longer than a spreadsheet cell holds, cut in the workbook
    /// (whole in the CSV files).
    pub cut_in_workbook: usize,
}

/// An export under way: the chosen formats are written a response at a
/// time, each file put in place only when [`Export::finish`] is reached,
/// so 100,000 responses take the memory of one.
pub struct Export<'a> {
    form: &'a Form,
    texts: &'a Texts,
    variables: Vec<Variable>,
    data: Option<csv::Table>,
    spreadsheet: Option<csv::Table>,
    codebook: Option<PathBuf>,
    workbook: Option<xlsx::Book>,
    spss: Option<spss::Spss>,
}

impl<'a> Export<'a> {
    /// Starts the files of `format` in `dir` (made if missing).
    pub fn begin(
        form: &'a Form,
        texts: &'a Texts,
        dir: &Path,
        format: ExportFormat,
    ) -> Result<Export<'a>, ExportError> {
        std::fs::create_dir_all(dir).map_err(|e| io_error(dir, &e))?;
        let variables = variables(form);
        let csv = matches!(
            format,
            ExportFormat::Csv | ExportFormat::Spss | ExportFormat::All
        );
        let workbook = matches!(format, ExportFormat::Xlsx | ExportFormat::All);
        let spss = matches!(format, ExportFormat::Spss | ExportFormat::All);
        Ok(Export {
            data: csv
                .then(|| csv::Table::data(form, &variables, &dir.join(DATA_CSV)))
                .transpose()?,
            spreadsheet: csv
                .then(|| {
                    csv::Table::spreadsheet(form, texts, &variables, &dir.join(SPREADSHEET_CSV))
                })
                .transpose()?,
            codebook: csv
                .then(|| csv::write_codebook(form, texts, &variables, &dir.join(CODEBOOK_CSV)))
                .transpose()?,
            workbook: workbook
                .then(|| xlsx::Book::begin(form, texts, &variables, &dir.join(WORKBOOK)))
                .transpose()?,
            spss: spss
                .then(|| spss::Spss::begin(form, &variables, dir, SPSS_SYNTAX))
                .transpose()?,
            form,
            texts,
            variables,
        })
    }

    pub fn add(&mut self, response: &Response) -> Result<(), ExportError> {
        let row = row(self.form, &self.variables, response);
        for table in [&mut self.data, &mut self.spreadsheet]
            .into_iter()
            .flatten()
        {
            table.row(&row)?;
        }
        if let Some(workbook) = &mut self.workbook {
            workbook.row(&self.variables, &row)?;
        }
        if let Some(spss) = &mut self.spss {
            spss.row(&row)?;
        }
        Ok(())
    }

    /// Puts every file in place; what was written.
    pub fn finish(self) -> Result<Exported, ExportError> {
        let mut written = Exported::default();
        written
            .files
            .extend(self.data.map(csv::Table::finish).transpose()?);
        written
            .files
            .extend(self.spreadsheet.map(csv::Table::finish).transpose()?);
        written.files.extend(self.codebook);
        if let Some(workbook) = self.workbook {
            let (path, cut) = workbook.finish()?;
            written.files.push(path);
            written.cut_in_workbook = cut;
        }
        if let Some(spss) = self.spss {
            written
                .files
                .extend(spss.finish(self.form, self.texts, &self.variables)?);
        }
        Ok(written)
    }
}
