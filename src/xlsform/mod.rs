//! XLSForm in: a team's questionnaire as a spreadsheet (`survey`,
//! `choices`, `settings`) becomes a campo form, its definition and a Fluent
//! file per language, which then go through the same checks as any form.
//!
//! What campo does not run yet is refused, naming the sheet, row and column
//! (as pyxform names them), never dropped: a column that only shapes how
//! other tools present a question is taken and named in a warning.

pub mod sheets;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde_json::{Value as Json, json};

use crate::form::expr;
use sheets::{Row, Sheet};

/// The two languages campo's forms are in.
const LANGUAGES: [&str; 2] = ["en", "it"];

/// A form made from an XLSForm.
#[derive(Debug, Clone)]
pub struct Imported {
    pub definition: String,
    /// A Fluent file for each of campo's languages.
    pub messages: Vec<(&'static str, String)>,
    pub warnings: Vec<Place>,
}

/// A cell of the spreadsheet: sheet, row (as numbered there) and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub sheet: String,
    pub row: usize,
    pub column: String,
}

/// Why an XLSForm cannot be imported, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub place: Place,
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file cannot be read.
    Unreadable(crate::io_failure::IoFailure),
    /// It is not a spreadsheet campo can read (`.xlsx`, `.xls`, `.ods`).
    NotASpreadsheet,
    NoSurveySheet,
    /// A sheet that changes what is kept, which campo does not run yet
    /// (`entities`).
    UnsupportedSheet,
    /// `${name}` where campo does not fill it in yet (a choice's label, a
    /// constraint's message).
    LabelReference,
    /// `${name}` naming no question of the form.
    UnknownReference(String),
    /// A name that is no XML name (`[A-Za-z_][A-Za-z0-9_.-]*`), as ODK
    /// needs it.
    InvalidName(String),
    NoTypeColumn,
    /// A question type campo does not run (yet): `geopoint`, `audio`…
    UnsupportedType(String),
    /// A column that changes what is asked or stored, which campo does not
    /// run (yet): `choice_filter`, `default`…
    UnsupportedColumn,
    /// A language other than campo's two (English and Italian).
    UnsupportedLanguage(String),
    MissingName,
    DuplicateName(String),
    MissingLabel,
    /// A `calculate` with no `calculation`.
    MissingCalculation,
    UnknownChoiceList(String),
    EmptyChoiceList(String),
    /// An `end group` with no group open, or a group never closed.
    UnbalancedGroup,
    Expression(expr::SyntaxError),
}

/// Columns that only shape how other tools present a question: taken,
/// and named in a warning.
const PRESENTATION: [&str; 8] = [
    "appearance",
    "guidance_hint",
    "image",
    "audio",
    "video",
    "required_message",
    "autoplay",
    "note",
];

/// Columns campo reads (`campo:soft`, campo's own: a constraint that
/// warns and takes a reason instead of refusing).
const READ: [&str; 10] = [
    "type",
    "calculation",
    "name",
    "label",
    "hint",
    "required",
    "relevant",
    "constraint",
    "constraint_message",
    "campo:soft",
];

/// Reads an XLSForm from a spreadsheet or pyxform's markdown.
pub fn import(path: &Path) -> Result<Imported, ImportError> {
    let is_markdown = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("md"));
    let bytes = crate::files::read_regular(path, crate::files::MAX_FILE_BYTES)
        .map_err(|failure| whole_file(Problem::Unreadable(failure)))?;
    let sheets = if is_markdown {
        let text = String::from_utf8(bytes)
            .map_err(|_| whole_file(Problem::Unreadable(crate::io_failure::IoFailure::NotText)))?;
        sheets::read_markdown(&text)
    } else {
        sheets::read_spreadsheet(bytes).map_err(|_| whole_file(Problem::NotASpreadsheet))?
    };
    let fallback_id = path
        .file_stem()
        .map_or("form".into(), |s| s.to_string_lossy().into_owned());
    convert(&sheets, &fallback_id)
}

fn whole_file(problem: Problem) -> ImportError {
    ImportError {
        place: Place {
            sheet: String::new(),
            row: 0,
            column: String::new(),
        },
        problem,
    }
}

/// The sheets of an XLSForm as a campo form.
pub fn convert(sheets: &[Sheet], fallback_id: &str) -> Result<Imported, ImportError> {
    let find = |name: &str| sheets.iter().find(|s| s.name.eq_ignore_ascii_case(name));
    let Some(survey) = find("survey") else {
        return Err(whole_file(Problem::NoSurveySheet));
    };
    if let Some(entities) = find("entities") {
        return Err(ImportError {
            place: Place {
                sheet: entities.name.clone(),
                row: 1,
                column: entities.header.first().cloned().unwrap_or_default(),
            },
            problem: Problem::UnsupportedSheet,
        });
    }
    let mut form = Builder {
        messages: HashMap::new(),
        message_ids: HashSet::new(),
        warnings: Vec::new(),
        choices: HashMap::new(),
    };
    let settings = find("settings").map(settings_of).unwrap_or_default();
    if let Some(choices) = find("choices") {
        form.read_choices(choices)?;
    }
    let (sections, names) = form.read_survey(survey, &settings)?;
    check_references(sheets, &names)?;
    let id = settings
        .get("form_id")
        .cloned()
        .unwrap_or(fallback_id.into());
    let version: u64 = settings
        .get("version")
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let title = settings.get("form_title").cloned().unwrap_or(id.clone());
    form.message("title", &[(None, title.as_str())]);
    let mut definition = json!({
        "id": id,
        "version": version,
        "title": "title",
        "sections": sections,
    });
    if let Some(root) = settings.get("name").filter(|name| is_xml_name(name)) {
        definition["root"] = json!(root);
    }
    let messages = LANGUAGES
        .iter()
        .map(|lang| (*lang, form.fluent_file(lang)))
        .collect();
    Ok(Imported {
        definition: serde_json::to_string_pretty(&definition).expect("JSON of strings"),
        messages,
        warnings: form.warnings,
    })
}

/// Every `${name}` in any cell of the form names one of its questions, as
/// pyxform checks (in a column campo leaves aside too).
fn check_references(sheets: &[Sheet], names: &HashSet<String>) -> Result<(), ImportError> {
    for sheet in sheets {
        let rows = std::iter::once((1, &sheet.header))
            .chain(sheet.rows.iter().map(|r| (r.number, &r.cells)));
        for (number, cells) in rows {
            for (n, cell) in cells.iter().enumerate() {
                let mut rest = cell.as_str();
                while let Some(start) = rest.find("${") {
                    let Some(length) = rest[start..].find('}') else {
                        break;
                    };
                    let name = rest[start + 2..start + length].trim();
                    if !names.contains(name) {
                        return Err(ImportError {
                            place: Place {
                                sheet: sheet.name.clone(),
                                row: number,
                                column: sheet.header.get(n).cloned().unwrap_or_default(),
                            },
                            problem: Problem::UnknownReference(name.to_string()),
                        });
                    }
                    rest = &rest[start + length + 1..];
                }
            }
        }
    }
    Ok(())
}

/// The `settings` sheet: its first row under the header, by column.
fn settings_of(sheet: &Sheet) -> HashMap<String, String> {
    let Some(row) = sheet.rows.first() else {
        return HashMap::new();
    };
    sheet
        .header
        .iter()
        .enumerate()
        .map(|(n, name)| (name.trim().to_lowercase(), row.cell(Some(n)).to_string()))
        .filter(|(_, value)| !value.is_empty())
        .collect()
}

/// A text in each language it is given in (`None`: no language named).
type Texts<'a> = [(Option<&'static str>, &'a str)];

struct Builder {
    /// Message id → its text per language (`None`: the form's only one).
    messages: HashMap<String, Vec<(Option<&'static str>, String)>>,
    /// In the order made, so that the files read as the form does.
    message_ids: HashSet<String>,
    warnings: Vec<Place>,
    /// List name → its choices (code, message id).
    choices: HashMap<String, Vec<(String, String)>>,
}

/// A column's kind and language: `label::Italiano (it)` is `label`, `it`;
/// `label::English` and pyxform's older `label:English` are `label`, `en`
/// (a language named without a code is known by its English or Italian
/// name, or its three-letter code, `eng`, `ita`).
fn column_parts(column: &str) -> (String, Option<String>) {
    let column = column.trim();
    if column.to_lowercase().starts_with("campo:") {
        return (column.to_lowercase(), None);
    }
    let split = column.split_once("::").or_else(|| column.split_once(':'));
    match split {
        Some((kind, language)) => {
            let code = match language.rsplit_once('(') {
                Some((_, code)) => code.strip_suffix(')').unwrap_or(code),
                None => language,
            };
            let code = match code.trim().to_lowercase().as_str() {
                "english" | "eng" => "en".to_string(),
                "italian" | "italiano" | "ita" => "it".to_string(),
                other => other.to_string(),
            };
            (kind.trim().to_lowercase(), Some(code))
        }
        None => (column.to_lowercase(), None),
    }
}

impl Builder {
    fn place(sheet: &Sheet, row: &Row, column: &str) -> Place {
        Place {
            sheet: sheet.name.clone(),
            row: row.number,
            column: column.into(),
        }
    }

    /// The texts of a row's `label` (or `hint`) columns, by language.
    fn texts_of<'r>(
        sheet: &Sheet,
        row: &'r Row,
        kind: &str,
    ) -> Result<Vec<(Option<&'static str>, &'r str)>, ImportError> {
        Builder::texts_referring(sheet, row, kind, false)
    }

    /// The same, where `${name}` may stand in them (a question's label and
    /// hint: filled in with that answer when shown).
    fn texts_referring<'r>(
        sheet: &Sheet,
        row: &'r Row,
        kind: &str,
        references: bool,
    ) -> Result<Vec<(Option<&'static str>, &'r str)>, ImportError> {
        let mut texts = Vec::new();
        for (n, column) in sheet.header.iter().enumerate() {
            let (column_kind, language) = column_parts(column);
            if column_kind != kind || row.cell(Some(n)).is_empty() {
                continue;
            }
            let language = match language {
                None => None,
                Some(code) => match LANGUAGES.iter().find(|l| **l == code) {
                    Some(lang) => Some(*lang),
                    None => {
                        return Err(ImportError {
                            place: Builder::place(sheet, row, column),
                            problem: Problem::UnsupportedLanguage(code),
                        });
                    }
                },
            };
            if !references && row.cell(Some(n)).contains("${") {
                return Err(ImportError {
                    place: Builder::place(sheet, row, column),
                    problem: Problem::LabelReference,
                });
            }
            texts.push((language, row.cell(Some(n))));
        }
        Ok(texts)
    }

    /// Keeps a message under an id made from `wanted` (a Fluent id, made
    /// unique); gives the id.
    fn message(&mut self, wanted: &str, texts: &Texts) -> String {
        let mut id: String = wanted
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        let base = id.clone();
        let mut n = 2;
        while !self.message_ids.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let texts = texts.iter().map(|(l, t)| (*l, t.to_string())).collect();
        self.messages.insert(id.clone(), texts);
        id
    }

    fn read_choices(&mut self, sheet: &Sheet) -> Result<(), ImportError> {
        let list = sheet.column("list_name").or(sheet.column("list name"));
        let name = sheet.column("name");
        for (n, column) in sheet.header.iter().enumerate() {
            let (kind, _) = column_parts(column);
            if Some(n) != list && Some(n) != name && kind != "label" && !column.trim().is_empty() {
                self.warnings.push(Place {
                    sheet: sheet.name.clone(),
                    row: 1,
                    column: column.clone(),
                });
            }
        }
        for row in &sheet.rows {
            let (list_name, code) = (row.cell(list), row.cell(name));
            if list_name.is_empty() {
                continue;
            }
            if code.is_empty() {
                return Err(ImportError {
                    place: Builder::place(sheet, row, "name"),
                    problem: Problem::MissingName,
                });
            }
            let texts = Builder::texts_of(sheet, row, "label")?;
            let texts = if texts.is_empty() {
                vec![(None, code)]
            } else {
                texts
            };
            let id = self.message(&format!("o-{list_name}-{code}"), &texts);
            let list = self.choices.entry(list_name.to_string()).or_default();
            if list.iter().any(|(c, _)| c == code) {
                return Err(ImportError {
                    place: Builder::place(sheet, row, "name"),
                    problem: Problem::DuplicateName(code.into()),
                });
            }
            list.push((code.to_string(), id));
        }
        Ok(())
    }

    /// The survey sheet as sections: each top-level group one, the
    /// questions between groups one each; a group's relevance goes to
    /// every item in it.
    fn read_survey(
        &mut self,
        sheet: &Sheet,
        settings: &HashMap<String, String>,
    ) -> Result<(Vec<Json>, HashSet<String>), ImportError> {
        let Some(type_column) = sheet.column("type") else {
            return Err(ImportError {
                place: Place {
                    sheet: sheet.name.clone(),
                    row: 1,
                    column: "type".into(),
                },
                problem: Problem::NoTypeColumn,
            });
        };
        self.check_columns(sheet)?;
        let title = settings.get("form_title").map_or("", String::as_str);
        let mut sections: Vec<Json> = Vec::new();
        let mut items: Vec<Json> = Vec::new();
        // The groups open: name, title's message and relevance.
        let mut groups: Vec<(String, Option<String>)> = Vec::new();
        let mut section: Option<(String, String)> = None;
        let mut names = HashSet::new();
        for row in &sheet.rows {
            let kind = normalise_type(row.cell(Some(type_column)));
            if kind.is_empty() {
                continue;
            }
            let name = row.cell(sheet.column("name")).to_string();
            let relevant = self.relevance(sheet, row)?;
            match kind.as_str() {
                "begin group" => {
                    if groups.is_empty() {
                        close_section(&mut sections, &mut items, section.take());
                        let texts = Builder::texts_of(sheet, row, "label")?;
                        let texts = if texts.is_empty() {
                            vec![(None, name.as_str())]
                        } else {
                            texts
                        };
                        let title = self.message(&format!("s-{name}"), &texts);
                        section = Some((name.clone(), title));
                    }
                    groups.push((name, relevant));
                    continue;
                }
                "end group" => {
                    if groups.pop().is_none() {
                        return Err(ImportError {
                            place: Builder::place(sheet, row, "type"),
                            problem: Problem::UnbalancedGroup,
                        });
                    }
                    if groups.is_empty() {
                        close_section(&mut sections, &mut items, section.take());
                    }
                    continue;
                }
                _ => {}
            }
            if name.is_empty() {
                return Err(ImportError {
                    place: Builder::place(sheet, row, "name"),
                    problem: Problem::MissingName,
                });
            }
            if !is_xml_name(&name) {
                return Err(ImportError {
                    place: Builder::place(sheet, row, "name"),
                    problem: Problem::InvalidName(name),
                });
            }
            if !names.insert(name.clone()) {
                return Err(ImportError {
                    place: Builder::place(sheet, row, "name"),
                    problem: Problem::DuplicateName(name),
                });
            }
            if section.is_none() {
                let id = format!("survey-{}", sections.len() + 1);
                let texts = [(
                    None,
                    if title.is_empty() {
                        name.as_str()
                    } else {
                        title
                    },
                )];
                let message = self.message(&format!("s-{id}"), &texts);
                section = Some((id, message));
            }
            let conditions: Vec<&String> = groups
                .iter()
                .filter_map(|(_, r)| r.as_ref())
                .chain(relevant.as_ref())
                .collect();
            let mut item = self.question(sheet, row, &kind, &name, &conditions)?;
            if !groups.is_empty() {
                let path: Vec<&str> = groups.iter().map(|(name, _)| name.as_str()).collect();
                item["group"] = json!(path.join("/"));
            }
            items.push(item);
        }
        if !groups.is_empty() {
            let last = sheet.rows.last().map_or(1, |r| r.number);
            return Err(ImportError {
                place: Place {
                    sheet: sheet.name.clone(),
                    row: last,
                    column: "type".into(),
                },
                problem: Problem::UnbalancedGroup,
            });
        }
        close_section(&mut sections, &mut items, section.take());
        Ok((sections, names))
    }

    /// Columns campo reads are read; presentation columns warned of; any
    /// other column with a value is refused where it first has one.
    fn check_columns(&mut self, sheet: &Sheet) -> Result<(), ImportError> {
        for (n, column) in sheet.header.iter().enumerate() {
            let (kind, _) = column_parts(column);
            let first_value = sheet.rows.iter().find(|row| !row.cell(Some(n)).is_empty());
            let Some(row) = first_value else {
                continue;
            };
            let presentation = PRESENTATION.contains(&kind.as_str())
                || kind.starts_with("media")
                || kind.starts_with("body")
                || kind.starts_with("instance");
            if presentation {
                self.warnings.push(Builder::place(sheet, row, column));
            } else if !READ.contains(&kind.as_str()) {
                return Err(ImportError {
                    place: Builder::place(sheet, row, column),
                    problem: Problem::UnsupportedColumn,
                });
            }
        }
        Ok(())
    }

    fn relevance(&self, sheet: &Sheet, row: &Row) -> Result<Option<String>, ImportError> {
        Builder::expression(sheet, row, "relevant")
    }

    /// A column's expression, read (so that a mistake is named here), or
    /// `None` where the cell is empty.
    fn expression(sheet: &Sheet, row: &Row, column: &str) -> Result<Option<String>, ImportError> {
        let source = row.cell(sheet.column(column));
        if source.is_empty() {
            return Ok(None);
        }
        expr::parse(source).map_err(|problem| ImportError {
            place: Builder::place(sheet, row, column),
            problem: Problem::Expression(problem),
        })?;
        Ok(Some(source.to_string()))
    }

    /// `constraint` as a check: refused (or, with `campo:soft`, warned of)
    /// when the item has an answer and the constraint does not hold, as
    /// ODK checks a constraint only on an answer given.
    fn constraint(
        &mut self,
        sheet: &Sheet,
        row: &Row,
        name: &str,
    ) -> Result<Option<Json>, ImportError> {
        let Some(constraint) = Builder::expression(sheet, row, "constraint")? else {
            return Ok(None);
        };
        let mut check = json!({
            "when": {"all": [{"answered": name}, {"not": {"expression": constraint}}]},
            "soft": yes(row.cell(sheet.column("campo:soft"))),
        });
        let messages = Builder::texts_of(sheet, row, "constraint_message")?;
        if !messages.is_empty() {
            check["message"] = json!(self.message(&format!("c-{name}"), &messages));
        }
        Ok(Some(check))
    }

    fn question(
        &mut self,
        sheet: &Sheet,
        row: &Row,
        kind: &str,
        name: &str,
        conditions: &[&String],
    ) -> Result<Json, ImportError> {
        let words: Vec<&str> = kind.split_whitespace().collect();
        let campo_type = match words.as_slice() {
            ["text"] => "text",
            ["integer"] => "integer",
            ["decimal"] => "decimal",
            ["date"] => "date",
            ["note"] => "note",
            ["calculate"] => "calculate",
            ["select_one", _] => "single",
            ["select_multiple", _] => "multi",
            _ => {
                return Err(ImportError {
                    place: Builder::place(sheet, row, "type"),
                    problem: Problem::UnsupportedType(kind.into()),
                });
            }
        };
        let calculation = Builder::expression(sheet, row, "calculation")?;
        match (campo_type, &calculation) {
            ("calculate", None) => {
                return Err(ImportError {
                    place: Builder::place(sheet, row, "calculation"),
                    problem: Problem::MissingCalculation,
                });
            }
            // ODK's calculated default of a question: not run (yet).
            (_, Some(_)) if campo_type != "calculate" => {
                return Err(ImportError {
                    place: Builder::place(sheet, row, "calculation"),
                    problem: Problem::UnsupportedColumn,
                });
            }
            _ => {}
        }
        let labels = Builder::texts_referring(sheet, row, "label", true)?;
        let labels = match (labels.is_empty(), campo_type) {
            (false, _) => labels,
            // A calculate is never shown: its name stands for its label.
            (true, "calculate") => vec![(None, name)],
            (true, _) => {
                return Err(ImportError {
                    place: Builder::place(sheet, row, "label"),
                    problem: Problem::MissingLabel,
                });
            }
        };
        let question = self.message(&format!("q-{name}"), &labels);
        let mut item = json!({
            "id": name,
            "type": campo_type,
            "question": question,
        });
        if let Some(calculation) = calculation {
            item["calculation"] = json!(calculation);
        } else if campo_type != "note" {
            required(sheet, row, &mut item)?;
        }
        let hints = Builder::texts_referring(sheet, row, "hint", true)?;
        if !hints.is_empty() {
            item["help"] = json!(self.message(&format!("h-{name}"), &hints));
        }
        if let ["select_one" | "select_multiple", list] = words.as_slice() {
            let Some(choices) = self.choices.get(*list) else {
                return Err(ImportError {
                    place: Builder::place(sheet, row, "type"),
                    problem: Problem::UnknownChoiceList(list.to_string()),
                });
            };
            if choices.is_empty() {
                return Err(ImportError {
                    place: Builder::place(sheet, row, "type"),
                    problem: Problem::EmptyChoiceList(list.to_string()),
                });
            }
            let options: Vec<Json> = choices
                .iter()
                .map(|(code, label)| json!({"code": code, "label": label}))
                .collect();
            item["options"] = json!(options);
        }
        if let Some(check) = self.constraint(sheet, row, name)? {
            item["checks"] = json!([check]);
        }
        if !conditions.is_empty() {
            let all: Vec<Json> = conditions
                .iter()
                .map(|c| json!({"expression": c}))
                .collect();
            item["asked_when"] = match all.len() {
                1 => all.into_iter().next().expect("one"),
                _ => json!({"all": all}),
            };
        }
        Ok(item)
    }

    /// A Fluent file of every message in one language: its own text, else
    /// the form's only text, else another language's.
    fn fluent_file(&self, lang: &str) -> String {
        let mut ids: Vec<&String> = self.messages.keys().collect();
        ids.sort();
        let mut file = String::new();
        for id in ids {
            let texts = &self.messages[id];
            let text = texts
                .iter()
                .find(|(l, _)| *l == Some(lang))
                .or_else(|| texts.iter().find(|(l, _)| l.is_none()))
                .or_else(|| texts.first())
                .map_or("", |(_, t)| t.as_str());
            file.push_str(&format!("{id} = {}\n", fluent_text(text)));
        }
        file
    }
}

/// `required`: yes or no (ODK's default, no), or an expression: required
/// while it holds (`required_when`).
fn required(sheet: &Sheet, row: &Row, item: &mut Json) -> Result<(), ImportError> {
    let cell = row.cell(sheet.column("required"));
    item["required"] = match cell.to_lowercase().as_str() {
        "" | "no" | "false" | "false()" | "0" => json!(false),
        "yes" | "true" | "true()" | "1" => json!(true),
        _ => {
            let expression = Builder::expression(sheet, row, "required")?;
            item["required_when"] = json!({"expression": expression});
            json!(false)
        }
    };
    Ok(())
}

fn yes(cell: &str) -> bool {
    matches!(
        cell.to_lowercase().as_str(),
        "yes" | "true" | "true()" | "1"
    )
}

/// `[A-Za-z_][A-Za-z0-9_.-]*`, what ODK takes as a question's name.
fn is_xml_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

fn close_section(
    sections: &mut Vec<Json>,
    items: &mut Vec<Json>,
    section: Option<(String, String)>,
) {
    let Some((id, title)) = section else {
        return;
    };
    if items.is_empty() {
        return; // an empty group asks nothing
    }
    sections.push(json!({"id": id, "title": title, "items": std::mem::take(items)}));
}

/// `begin_group`, `begin group` and `Begin Group` are one type; `select one
/// x` is `select_one x`.
fn normalise_type(cell: &str) -> String {
    let lower = cell.trim().to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| c == '_' || c.is_whitespace())
        .collect();
    match words.as_slice() {
        ["begin", "group"] | ["end", "group"] => words.join(" "),
        ["begin", "repeat"] | ["end", "repeat"] => words.join(" "),
        _ => {
            let lower = lower
                .replace("select one ", "select_one ")
                .replace("select_one from ", "select_one ")
                .replace("select_multiple from ", "select_multiple ");
            let lower = lower.replace("select all that apply ", "select_multiple ");
            match lower.as_str() {
                "string" => "text".into(),
                "int" => "integer".into(),
                _ => lower.split_whitespace().collect::<Vec<_>>().join(" "),
            }
        }
    }
}

/// A text as a Fluent value: braces escaped, a leading space kept, lines
/// after the first indented (and a line's special first character escaped).
fn fluent_text(text: &str) -> String {
    let escaped: String = text
        .chars()
        .map(|c| match c {
            '{' | '}' => format!("{{\"{c}\"}}"),
            other => other.to_string(),
        })
        .collect();
    let mut lines = escaped.lines();
    let first = lines.next().unwrap_or("");
    let mut value = match first.strip_prefix(' ') {
        Some(rest) => format!("{{\" \"}}{rest}"),
        None => first.to_string(),
    };
    for line in lines {
        let line = line.trim_start();
        let line = match line.chars().next() {
            Some(c @ ('[' | '*' | '.')) => format!("{{\"{c}\"}}{}", &line[1..]),
            _ => line.to_string(),
        };
        value.push_str("\n    ");
        value.push_str(&line);
    }
    value
}

#[cfg(test)]
mod tests;
