//! `campo form try FORM [ANSWERS.json] [--each] [--json]`: sets answers in
//! order and prints the form's state: the tool a form's author checks their
//! logic with, and the way campo is compared with ODK. The input and the
//! JSON are those of `../shared/tools/odk-oracle`: answers
//! `[["name", value], …]`, and `{"state": {"nodes": [...], "calculates":
//! {...}}}` with each question's path, relevance, requirement, value and
//! choices.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use serde_json::{Value as Json, json};

use crate::form::state::{Node, Role, Select};
use crate::form::{Answer, Answers, Form, ItemKind};
use crate::i18n::{self, Describe, Lang, Texts};
use crate::package::FormPackage;

use super::Failure;

#[derive(Subcommand)]
pub enum FormCommand {
    /// Set answers in order and print the form's state
    Try {
        /// The form: a bundled one by name, a folder, or an XLSForm
        #[arg(value_name = "FORM")]
        definition: PathBuf,
        /// The answers, [["name", value], …], set in order (- reads them
        /// from standard input)
        #[arg(value_name = "ANSWERS")]
        answers: Option<PathBuf>,
        /// The state before the first answer and after each
        #[arg(long)]
        each: bool,
        /// Print JSON
        #[arg(long)]
        json: bool,
    },
    /// Make a campo form folder of an XLSForm (form.json and a Fluent file
    /// per language)
    Import {
        /// The XLSForm: .xlsx, .xls, .ods, or pyxform's .md
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// The folder to write (default: the file's name, here)
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
}

pub fn run(command: FormCommand, ui: &Texts) -> Result<(), Failure> {
    match command {
        FormCommand::Try {
            definition,
            answers,
            each,
            json,
        } => try_form(&definition, answers.as_deref(), each, json, ui),
        FormCommand::Import { file, out } => {
            let out = out.unwrap_or_else(|| PathBuf::from(file.file_stem().unwrap_or_default()));
            import(&file, &out, ui)
        }
    }
}

/// `campo form import`: the XLSForm checked as campo loads any form, then
/// written as a form folder, each file atomically; what campo leaves aside
/// is said.
fn import(file: &Path, out: &Path, ui: &Texts) -> Result<(), Failure> {
    let refused = |reason: String| Failure(ui.t_args("form-refused", &[("reason", reason.into())]));
    let imported = crate::xlsform::import(file).map_err(|e| refused(e.describe(ui)))?;
    let package = FormPackage::from_xlsform(file).map_err(|e| refused(e.describe(ui)))?;
    let (form, _) = i18n::load_form(&package).map_err(|e| refused(e.describe(ui)))?;
    let unwritable = |path: &Path, error: std::io::Error| {
        Failure(
            ui.t_args(
                "form-import-unwritable",
                &[
                    ("path", path.display().to_string().into()),
                    (
                        "reason",
                        crate::io_failure::IoFailure::from(&error)
                            .describe(ui)
                            .into(),
                    ),
                ],
            ),
        )
    };
    let mut files = vec![(out.join("form.json"), imported.definition.clone())];
    for (lang, text) in &imported.messages {
        files.push((
            out.join("locales").join(lang).join("form.ftl"),
            text.clone(),
        ));
    }
    for (path, text) in &files {
        let folder = path.parent().expect("a file in the folder");
        std::fs::create_dir_all(folder).map_err(|e| unwritable(folder, e))?;
        crate::store::write_atomic(path, text.as_bytes()).map_err(|e| unwritable(path, e))?;
    }
    for place in &imported.warnings {
        eprintln!(
            "campo: {}",
            ui.t_args(
                "form-import-left-aside",
                &[
                    ("sheet", place.sheet.clone().into()),
                    ("row", place.row.into()),
                    ("column", place.column.clone().into()),
                ],
            )
        );
    }
    let questions = form.items.len();
    println!(
        "{}",
        ui.t_args(
            "form-import-written",
            &[
                ("id", form.id.clone().into()),
                ("version", form.version.into()),
                ("questions", questions.into()),
                ("sections", form.sections.len().into()),
                ("dir", out.display().to_string().into()),
            ],
        )
    );
    Ok(())
}

fn try_form(
    definition: &Path,
    answers: Option<&Path>,
    each: bool,
    json: bool,
    ui: &Texts,
) -> Result<(), Failure> {
    let refused = |reason: String| Failure(ui.t_args("form-refused", &[("reason", reason.into())]));
    let package = FormPackage::chosen(definition).map_err(|e| refused(e.describe(ui)))?;
    let (form, catalog) = i18n::load_form(&package).map_err(|e| refused(e.describe(ui)))?;
    let texts = Texts::new(ui.lang, catalog);
    let steps = match answers {
        Some(path) => read_steps(path, ui)?,
        None => Vec::new(),
    };
    let mut given = Answers::new();
    form.with_calculates(&mut given);
    let mut states = vec![(Json::Null, None, form.state(&given), given.clone())];
    for step in &steps {
        let error = apply(&form, &mut given, step, &texts).err();
        form.with_calculates(&mut given);
        states.push((step.clone(), error, form.state(&given), given.clone()));
    }
    let shown = Shown {
        form: &form,
        texts: &texts,
    };
    let out = if json {
        let body = if each {
            let steps: Vec<Json> = states
                .iter()
                .map(|(answer, error, state, answers)| {
                    shown.step_json(answer, error.as_deref(), state, answers)
                })
                .collect();
            json!({"form": definition.display().to_string(), "steps": steps})
        } else {
            let (_, _, state, answers) = states.last().expect("the state before any answer");
            let errors: Vec<Json> = states
                .iter()
                .filter_map(|(answer, error, _, _)| {
                    error
                        .as_ref()
                        .map(|e| json!({"answer": answer, "error": e}))
                })
                .collect();
            let mut body = json!({
                "form": definition.display().to_string(),
                "answers": steps,
                "state": shown.state_json(state, answers),
            });
            if !errors.is_empty() {
                body["errors"] = json!(errors);
            }
            body
        };
        serde_json::to_string_pretty(&body).expect("JSON of values") + "\n"
    } else {
        let steps: Vec<_> = if each {
            states.iter().collect()
        } else {
            states.last().into_iter().collect()
        };
        steps
            .iter()
            .map(|(answer, error, state, _)| table(answer, error.as_deref(), state, &texts))
            .collect::<Vec<_>>()
            .join("\n")
    };
    print!("{}", crate::text::printable(&out));
    Ok(())
}

fn read_steps(path: &Path, ui: &Texts) -> Result<Vec<Json>, Failure> {
    let unreadable = |reason: String| {
        Failure(ui.t_args(
            "form-try-answers-unreadable",
            &[
                ("path", path.display().to_string().into()),
                ("reason", reason.into()),
            ],
        ))
    };
    let text = if path == Path::new("-") {
        std::io::read_to_string(std::io::stdin())
            .map_err(|e| unreadable(crate::io_failure::IoFailure::from(&e).describe(ui)))?
    } else {
        let bytes = crate::files::read_regular(path, crate::files::MAX_FILE_BYTES)
            .map_err(|e| unreadable(e.describe(ui)))?;
        String::from_utf8_lossy(&bytes).into_owned()
    };
    match serde_json::from_str::<Json>(&text) {
        Ok(Json::Array(steps)) => Ok(steps),
        _ => Err(unreadable(ui.t("form-try-answers-shape"))),
    }
}

/// Sets one `["name", value]` step, or says (in `texts`' language) why it
/// cannot be (the run goes on).
fn apply(form: &Form, answers: &mut Answers, step: &Json, texts: &Texts) -> Result<(), String> {
    let (Some(name), Some(value)) = (step.get(0).and_then(Json::as_str), step.get(1)) else {
        return Err(texts.t("form-try-step-shape"));
    };
    let name = name.rsplit('/').next().unwrap_or(name);
    let Some(item) = form.item(name) else {
        return Err(texts.t_args("form-try-no-question", &[("name", name.to_string().into())]));
    };
    if !item.takes_answer() {
        return Err(texts.t_args(
            "form-try-takes-no-answer",
            &[("name", name.to_string().into())],
        ));
    }
    if value.is_null() {
        answers.remove(name);
        return Ok(());
    }
    let text = match value {
        Json::String(text) => text.clone(),
        other => other.to_string(),
    };
    let answer = match &item.kind {
        ItemKind::Number(_) => {
            let number: serde_json::Number = text.trim().parse().map_err(|_| {
                texts.t_args("form-try-not-a-number", &[("value", text.clone().into())])
            })?;
            Answer::Number(number)
        }
        ItemKind::Multi { .. } => Answer::Many(match value {
            Json::Array(codes) => codes
                .iter()
                .map(|c| c.as_str().unwrap_or_default().to_string())
                .collect(),
            _ => text.split_whitespace().map(str::to_string).collect(),
        }),
        _ => Answer::One(text),
    };
    answers.insert(name.to_string(), answer);
    Ok(())
}

/// How the states are written: with the form's texts, `${name}` filled
/// in from the answers of that step.
struct Shown<'a> {
    form: &'a Form,
    texts: &'a Texts,
}

impl Shown<'_> {
    /// A message in every language, as the oracle keys them.
    fn in_every_language(&self, id: &str, answers: &Answers) -> Json {
        let labels: serde_json::Map<String, Json> = Lang::ALL
            .iter()
            .map(|lang| {
                let text = self.texts.form_text_in(*lang, id);
                let filled = i18n::fill_references(text, self.form, answers);
                (lang.code().to_string(), json!(filled))
            })
            .collect();
        Json::Object(labels)
    }

    fn state_json(&self, state: &[Node], answers: &Answers) -> Json {
        let nodes: Vec<Json> = state
            .iter()
            .map(|node| self.node_json(node, answers))
            .collect();
        let calculates: serde_json::Map<String, Json> = state
            .iter()
            .filter(|node| node.role == Role::Calculate)
            .map(|node| (node.path.clone(), json!(node.value)))
            .collect();
        json!({
            "languages": Lang::ALL.iter().map(|l| l.code()).collect::<Vec<_>>(),
            "nodes": nodes,
            "calculates": calculates,
        })
    }

    fn node_json(&self, node: &Node, answers: &Answers) -> Json {
        let mut json = json!({
            "path": node.path,
            "name": node.name,
            "kind": match (node.role, node.select) {
                (Role::Note, _) => "note",
                (Role::Calculate, _) => "model-value",
                (Role::Question, Some(_)) => "select",
                (Role::Question, None) => "input",
            },
            "relevant": node.relevant,
            "required": node.required,
            "value": node.value,
            "constraintValid": node.constraint_valid,
            "requiredValid": node.required_valid,
            "labels": self.in_every_language(&node.label, answers),
        });
        if let Some(hint) = &node.hint {
            json["hints"] = self.in_every_language(hint, answers);
        }
        if let Some(select) = node.select {
            json["selectType"] = json!(match select {
                Select::One => "select_one",
                Select::Many => "select_multiple",
            });
            json["selected"] = json!(node.selected);
            json["choices"] = json!(
                node.choices
                    .iter()
                    .map(|c| json!({"name": c}))
                    .collect::<Vec<_>>()
            );
        }
        json
    }

    fn step_json(
        &self,
        answer: &Json,
        error: Option<&str>,
        state: &[Node],
        answers: &Answers,
    ) -> Json {
        let mut step = json!({"answer": answer, "state": self.state_json(state, answers)});
        if let Some(error) = error {
            step["error"] = json!(error);
        }
        step
    }
}

/// The state for a person: each question, whether it is asked, its answer.
fn table(answer: &Json, error: Option<&str>, state: &[Node], texts: &Texts) -> String {
    let mut out = String::new();
    if !answer.is_null() {
        out += &format!("{} {answer}\n", texts.t("form-try-after"));
    }
    if let Some(error) = error {
        out += &format!("! {error}\n");
    }
    let width = state
        .iter()
        .map(|n| n.path.chars().count())
        .max()
        .unwrap_or(0);
    for node in state {
        let status = match (node.relevant, node.required_valid) {
            (false, _) => texts.t("form-try-not-asked"),
            (true, _) if node.role == Role::Note => texts.t("form-try-note"),
            (true, false) => texts.t("form-try-required-missing"),
            (true, true) if node.value.is_empty() => texts.t("form-try-unanswered"),
            (true, true) => node.value.clone(),
        };
        out += &format!("{:width$}  {status}\n", node.path);
    }
    out
}
