//! The commands that work without the interface, run as a user would run
//! them: the real binary, its output and its exit code.

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const AOSTA: &str = r#"{
  "id": "0a1b2c3d-0000-4000-8000-000000000002",
  "form": {"id": "mhd-peer-support-2025", "version": 1},
  "status": "draft",
  "created": "2026-02-01T08:00:00Z",
  "updated": "2026-02-03T16:40:00Z",
  "lang": "it",
  "answers": {"dept_region": "valle_d_aosta", "dept_name": "DSM Valle d'Aosta", "ps_active": "yes",
              "ps_services": ["cmhc", "other"], "ps_services_other": "Ambulatorio"}
}"#;

fn campo(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_campo"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("TZ", "UTC")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn data_with(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let responses = dir.path().join("responses");
    fs::create_dir_all(&responses).unwrap();
    for (name, text) in files {
        fs::write(responses.join(name), text).unwrap();
    }
    dir
}

#[test]
fn list_shows_responses_and_damaged_files_with_their_path() {
    let dir = data_with(&[
        ("0a1b2c3d-0000-4000-8000-000000000002.json", AOSTA),
        ("bad.json", "not json"),
    ]);
    let output = campo(dir.path(), &["--lang", "it", "list"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("0a1b2c3d  Bozza"), "{text}");
    assert!(text.contains("DSM Valle d'Aosta  Valle d'Aosta"), "{text}");
    let bad = dir.path().join("responses/bad.json");
    assert!(
        text.contains(&format!(
            "File danneggiato {}: non è JSON valido (riga 1, colonna 2)",
            bad.display()
        )),
        "{text}"
    );
    assert_eq!(
        fs::read(&bad).unwrap(),
        b"not json",
        "a damaged file is never rewritten"
    );
}

#[test]
fn list_json_is_machine_readable() {
    let dir = data_with(&[
        ("0a1b2c3d-0000-4000-8000-000000000002.json", AOSTA),
        ("bad.json", ""),
    ]);
    let output = campo(dir.path(), &["list", "--json"]);
    let value: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(
        value["responses"][0]["id"],
        "0a1b2c3d-0000-4000-8000-000000000002"
    );
    assert_eq!(value["responses"][0]["answered"], 4);
    let reason = value["damaged"][0]["reason"].as_str().unwrap();
    assert!(reason.contains("the file is empty"), "{reason}");
}

#[test]
fn show_prints_the_answers_by_unique_prefix() {
    let dir = data_with(&[("0a1b2c3d-0000-4000-8000-000000000002.json", AOSTA)]);
    let output = campo(dir.path(), &["--lang", "en", "show", "0a1b"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("== (a) Implementation =="), "{text}");
    assert!(
        text.contains("    Community Mental Health Centres; Other (Ambulatorio)\n"),
        "{text}"
    );
    assert!(
        text.contains("! How long have these initiatives been active?\n    Not answered: required"),
        "{text}"
    );
    let json = campo(dir.path(), &["show", "0a1b2c3d", "--json"]);
    let document: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    assert_eq!(document["answers"]["ps_services_other"], "Ambulatorio");
}

#[test]
fn an_unknown_id_is_reported_in_the_users_language() {
    let dir = data_with(&[]);
    let output = campo(dir.path(), &["--lang", "it", "show", "ffff"]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("Nessun questionario ha il codice \"ffff\""),
        "{}",
        stderr(&output)
    );
    let output = campo(dir.path(), &["edit", "ffff"]);
    assert!(!output.status.success());
    assert!(
        stderr(&output).contains("No response has the id \"ffff\""),
        "{}",
        stderr(&output)
    );
}

#[test]
fn without_a_terminal_campo_asks_line_by_line() {
    let dir = data_with(&[]);
    let output = campo(dir.path(), &["--lang", "en", "new"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("[1/9] In which region (or autonomous province) is your MHD?"),
        "{text}"
    );
    assert!(
        !text.contains('\x1b'),
        "no escape sequences in plain mode: {text:?}"
    );
    let files = std::fs::read_dir(dir.path().join("responses"))
        .unwrap()
        .count();
    assert_eq!(files, 0, "nothing answered, nothing written");
}

#[test]
fn language_comes_from_the_environment() {
    let dir = data_with(&[]);
    let output = Command::new(env!("CARGO_BIN_EXE_campo"))
        .arg("--data-dir")
        .arg(dir.path())
        .arg("list")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "it_IT.UTF-8")
        .output()
        .unwrap();
    assert!(
        stdout(&output).contains("Ancora nessun questionario"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn another_form_runs_from_a_folder() {
    let dir = data_with(&[(
        "0a1b2c3d-0000-4000-8000-000000000009.json",
        r#"{"id": "0a1b2c3d-0000-4000-8000-000000000009", "form": {"id": "library-visit", "version": 3},
            "status": "draft", "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z",
            "lang": "en", "answers": {"branch": "Centrale", "liked": "n", "came_for": ["books"]}}"#,
    )]);
    let form = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/forms/tiny");
    let output = campo(
        dir.path(),
        &[
            "--form",
            form.to_str().unwrap(),
            "--lang",
            "it",
            "show",
            "0a1b",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("Visita in biblioteca"), "{text}");
    assert!(
        text.contains("Quale sede ha visitato?\n    Centrale"),
        "{text}"
    );
    // why_not is asked: liked = n and Wi-Fi was not what they came for.
    assert!(text.contains("! Perché no?"), "{text}");
    // The bundled form does not know this response.
    let bundled = campo(dir.path(), &["show", "0a1b"]);
    assert!(
        stdout(&bundled).contains("belongs to form \"library-visit\", version 3"),
        "{}",
        stdout(&bundled)
    );
}

#[test]
fn a_broken_form_is_refused_with_the_problem_named() {
    let original = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/forms/tiny");
    let form = tempfile::tempdir().unwrap();
    for sub in ["locales/en", "locales/it"] {
        fs::create_dir_all(form.path().join(sub)).unwrap();
        fs::copy(
            original.join(sub).join("form.ftl"),
            form.path().join(sub).join("form.ftl"),
        )
        .unwrap();
    }
    let definition = fs::read_to_string(original.join("form.json")).unwrap();
    let cases = [
        (
            definition.replace(r#"["liked", "n"]"#, r#"["likd", "n"]"#),
            "refers to \"likd\"",
        ),
        (
            definition.replace(r#""option": "other""#, r#""option": "else""#),
            "details option \"else\"",
        ),
        (
            definition.replace(r#""q-why_not""#, r#""q-missing""#),
            "the message \"q-missing\" is missing",
        ),
        (
            definition.replace(r#""type": "single""#, r#""type": "single", "colour": 1"#),
            "unknown field `colour`",
        ),
    ];
    let data = data_with(&[]);
    for (text, expected) in cases {
        fs::write(form.path().join("form.json"), &text).unwrap();
        let output = campo(
            data.path(),
            &[
                "--form",
                form.path().to_str().unwrap(),
                "--lang",
                "en",
                "list",
            ],
        );
        assert!(!output.status.success());
        let message = stderr(&output);
        assert!(
            message.contains("The form cannot be used") && message.contains(expected),
            "{message}"
        );
    }
}
