//! campo's expressions beside ODK's own engine, live: every line of
//! tests/expressions/cases.txt becomes a calculate of one XLSForm (in
//! pyxform's markdown), ODK's oracle (pyxform and ODK Web Forms' engine,
//! `../shared/tools/odk-oracle`) works them all out over the answers of
//! tests/expressions/answers.json and again over no answers, and campo's
//! evaluator must write the same text for every one.

mod support;

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use campo::form::expr::{self, Scope};
use chrono::{DateTime, FixedOffset};

/// The questions the cases refer to, as XLSForm rows (type, name).
const QUESTIONS: [(&str, &str); 11] = [
    ("text", "t"),
    ("text", "e"),
    ("integer", "i"),
    ("integer", "ie"),
    ("decimal", "x"),
    ("date", "d"),
    ("date", "de"),
    ("select_one c", "s"),
    ("select_multiple c", "m"),
    ("select_multiple c", "mm"),
    ("note", "n"),
];

const CHOICES: [(&str, &str); 2] = [("a", "Apple"), ("b", "Banana")];

fn cases() -> Vec<String> {
    let text = std::fs::read_to_string("tests/expressions/cases.txt").unwrap();
    text.lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(str::to_string)
        .collect()
}

/// The form: the questions, then calculate `c0`, `c1`… one a case.
fn form(cases: &[String]) -> String {
    let mut rows = vec![
        "| survey |".to_string(),
        "| | type | name | label | calculation |".to_string(),
    ];
    for (kind, name) in QUESTIONS {
        rows.push(format!("| | {kind} | {name} | {name} | |"));
    }
    for (n, case) in cases.iter().enumerate() {
        assert!(!case.contains('|'), "a markdown cell cannot hold |: {case}");
        rows.push(format!("| | calculate | c{n} | | {case} |"));
    }
    rows.push("| choices |".into());
    rows.push("| | list_name | name | label |".into());
    for (name, label) in CHOICES {
        rows.push(format!("| | c | {name} | {label} |"));
    }
    rows.join("\n") + "\n"
}

/// What ODK's engine makes of every calculate after the answers.
fn odk_calculates(oracle: &Path, form: &Path, answers: &str) -> HashMap<String, String> {
    let answers_file = form.with_extension("answers.json");
    std::fs::write(&answers_file, answers).unwrap();
    let output = Command::new(oracle)
        .arg(form)
        .arg(&answers_file)
        .arg("--no-xml")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "the oracle refused the form: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let result: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert!(
        result.get("errors").is_none(),
        "answers not taken: {result}"
    );
    let calculates = result["state"]["calculates"].as_object().unwrap();
    calculates
        .iter()
        .map(|(path, value)| {
            let name = path.rsplit('/').next().unwrap().to_string();
            (name, value.as_str().unwrap_or_default().to_string())
        })
        .collect()
}

/// The answers as ODK would submit them.
struct Answers(HashMap<String, String>);

impl Answers {
    fn from_steps(steps: &str) -> Answers {
        let steps: Vec<(String, serde_json::Value)> = serde_json::from_str(steps).unwrap();
        let mut answers: HashMap<String, String> = QUESTIONS
            .iter()
            .map(|(_, name)| (name.to_string(), String::new()))
            .collect();
        for (name, value) in steps {
            let submitted = match value {
                serde_json::Value::String(text) => text,
                serde_json::Value::Array(choices) => choices
                    .iter()
                    .map(|c| c.as_str().unwrap())
                    .collect::<Vec<_>>()
                    .join(" "),
                other => other.to_string(),
            };
            answers.insert(name, submitted);
        }
        Answers(answers)
    }
}

impl Scope for Answers {
    fn reference(&self, name: &str) -> Option<String> {
        self.0.get(name).cloned()
    }

    fn path(&self, path: &expr::Path) -> Option<String> {
        match path.steps.as_slice() {
            [expr::Step::Child(root), expr::Step::Child(name)]
                if path.absolute && root == "data" =>
            {
                self.reference(name)
            }
            _ => None,
        }
    }

    fn current(&self) -> String {
        String::new()
    }

    fn choice_label(&self, item: &str, choice: &str) -> Option<String> {
        let select = QUESTIONS
            .iter()
            .any(|(kind, name)| *name == item && kind.starts_with("select"));
        let label = CHOICES.iter().find(|(name, _)| *name == choice);
        label.filter(|_| select).map(|(_, label)| label.to_string())
    }

    fn now(&self) -> DateTime<FixedOffset> {
        chrono::Local::now().fixed_offset()
    }
}

fn compare(answers: &str) {
    let oracle = support::odk_oracle();
    let cases = cases();
    let folder = tempfile::tempdir().unwrap();
    let form_file = folder.path().join("expressions.md");
    std::fs::write(&form_file, form(&cases)).unwrap();
    let odk = odk_calculates(&oracle, &form_file, answers);
    let scope = Answers::from_steps(answers);
    let differences: Vec<String> = cases
        .iter()
        .enumerate()
        .filter_map(|(n, case)| {
            let parsed = expr::parse(case).unwrap_or_else(|e| panic!("{case}: {e:?}"));
            let ours = expr::evaluate(&parsed, &scope).to_text();
            let theirs = &odk[&format!("c{n}")];
            (ours != *theirs).then(|| format!("{case}\n    campo: {ours:?}\n    ODK:   {theirs:?}"))
        })
        .collect();
    assert!(
        differences.is_empty(),
        "{} of {} expressions differ from ODK's engine:\n{}",
        differences.len(),
        cases.len(),
        differences.join("\n")
    );
}

#[test]
#[cfg_attr(
    no_odk_oracle,
    ignore = "ODK's oracle is not installed (cp -r ../shared/tools/odk-oracle target/odk-oracle && target/odk-oracle/setup.sh)"
)]
fn every_expression_is_worth_what_odks_engine_makes_of_it_over_answers() {
    compare(&std::fs::read_to_string("tests/expressions/answers.json").unwrap());
}

#[test]
#[cfg_attr(
    no_odk_oracle,
    ignore = "ODK's oracle is not installed (cp -r ../shared/tools/odk-oracle target/odk-oracle && target/odk-oracle/setup.sh)"
)]
fn every_expression_is_worth_what_odks_engine_makes_of_it_over_no_answers() {
    compare("[]");
}
