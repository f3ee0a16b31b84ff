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
    // Written a response at a time, laid out as one pretty document.
    let pretty = serde_json::to_string_pretty(&value).unwrap() + "\n";
    assert_eq!(stdout(&output), pretty);
}

#[test]
fn show_prints_the_answers_by_unique_prefix() {
    let dir = data_with(&[("0a1b2c3d-0000-4000-8000-000000000002.json", AOSTA)]);
    let output = campo(dir.path(), &["--lang", "en", "show", "0a1b"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("== (a) Peer support =="), "{text}");
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
        stderr(&output).contains("No response has the ID \"ffff\""),
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
            "specifies option \"else\"",
        ),
        (
            definition.replace(r#""q-why_not""#, r#""q-missing""#),
            "the message \"q-missing\" is missing",
        ),
        (
            definition.replace(r#""type": "single""#, r#""type": "single", "colour": 1"#),
            "unknown field `colour`",
        ),
        (
            definition.replace(
                r#"{"equals": ["liked", "n"]}"#,
                r#"{"expression": "${liked} = 'n' and"}"#,
            ),
            "the expression of item \"why_not\", ${liked} = 'n' and, cannot be read: it ends before it is complete",
        ),
        (
            definition.replace(
                r#"{"equals": ["liked", "n"]}"#,
                r#"{"expression": "pulldata('a', 'b', 'c', 'd')"}"#,
            ),
            "campo does not know the function pulldata()",
        ),
        (
            definition.replace(
                r#"{"equals": ["liked", "n"]}"#,
                r#"{"expression": "if(${liked} = 'n', 1)"}"#,
            ),
            "if() takes 3 arguments, not 2",
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

/// An item asked when an expression in XLSForm's language holds, as ODK
/// works it out: the same questions as the JSON condition it replaces.
#[test]
fn an_item_may_be_asked_when_an_expression_holds() {
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
    let condition =
        r#"{"all": [{"equals": ["liked", "n"]}, {"not": {"includes": ["came_for", "wifi"]}}]}"#;
    assert!(definition.contains(condition));
    let expression = r#"{"expression": "${liked} = 'n' and not(selected(${came_for}, 'wifi'))"}"#;
    fs::write(
        form.path().join("form.json"),
        definition.replace(condition, expression),
    )
    .unwrap();
    let response = |n: u8, liked: &str, came_for: &str| {
        let id = format!("0a1b2c3d-0000-4000-8000-00000000000{n}");
        let document = format!(
            r#"{{"id": "{id}", "form": {{"id": "library-visit", "version": 3}},
            "status": "draft", "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z",
            "lang": "en", "answers": {{"branch": "Centrale", "liked": "{liked}", "came_for": ["{came_for}"]}}}}"#
        );
        (format!("{id}.json"), document)
    };
    let files = [
        response(1, "n", "books"),
        response(2, "n", "wifi"),
        response(3, "y", "books"),
    ];
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_str()))
        .collect();
    let dir = data_with(&files);
    for (n, asked) in [(1, true), (2, false), (3, false)] {
        let output = campo(
            dir.path(),
            &[
                "--form",
                form.path().to_str().unwrap(),
                "--lang",
                "it",
                "show",
                &format!("0a1b2c3d-0000-4000-8000-00000000000{n}"),
            ],
        );
        assert!(output.status.success(), "{}", stderr(&output));
        assert_eq!(
            stdout(&output).contains("Perché no?"),
            asked,
            "{}",
            stdout(&output)
        );
    }
}

/// Damaged and foreign files: each reported with its path and reason, in
/// either language, and left exactly as they were.
#[test]
fn doctor_reports_every_file_campo_cannot_use_and_touches_none() {
    let newer = AOSTA
        .replace("\"lang\": \"it\",", "\"lang\": \"it\", \"format\": 7,")
        .replace("000000000002", "000000000007");
    let unknown_form = AOSTA
        .replace("mhd-peer-support-2025", "other-survey")
        .replace("000000000002", "000000000008");
    let retired_code = AOSTA
        .replace("\"ps_active\": \"yes\"", "\"ps_active\": \"maybe\"")
        .replace("000000000002", "000000000009");
    let files = [
        (
            "0a1b2c3d-0000-4000-8000-000000000002.json",
            AOSTA.to_string(),
        ),
        ("truncated.json", AOSTA[..80].to_string()),
        ("empty.json", String::new()),
        ("notes.json", "appunti della riunione".to_string()),
        ("shape.json", "{\"id\": [1, 2]}".to_string()),
        ("0a1b2c3d-0000-4000-8000-000000000007.json", newer),
        ("0a1b2c3d-0000-4000-8000-000000000008.json", unknown_form),
        ("0a1b2c3d-0000-4000-8000-000000000009.json", retired_code),
        (".campo-x1y2.part", "{\"half".to_string()),
    ];
    let borrowed: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
    let dir = data_with(&borrowed);
    let responses = dir.path().join("responses");
    let before: Vec<Vec<u8>> = files
        .iter()
        .map(|(n, _)| fs::read(responses.join(n)).unwrap())
        .collect();

    let output = campo(dir.path(), &["--lang", "en", "doctor"]);
    assert!(!output.status.success());
    let text = stdout(&output);
    let line_for = |name: &str| {
        let path = responses.join(name).display().to_string();
        text.lines()
            .find(|l| l.contains(&path))
            .unwrap_or_else(|| panic!("{name} not reported:\n{text}"))
            .to_string()
    };
    assert!(
        line_for("truncated.json").contains("ends in the middle"),
        "{text}"
    );
    assert!(
        line_for("empty.json").contains("the file is empty"),
        "{text}"
    );
    assert!(line_for("notes.json").contains("not valid JSON"), "{text}");
    assert!(
        line_for("shape.json").contains("not a campo response"),
        "{text}"
    );
    assert!(
        line_for("0a1b2c3d-0000-4000-8000-000000000007.json").contains("newer campo (format 7)"),
        "{text}"
    );
    assert!(
        line_for("0a1b2c3d-0000-4000-8000-000000000008.json")
            .contains("\"other-survey\", version 1"),
        "{text}"
    );
    assert!(
        line_for("0a1b2c3d-0000-4000-8000-000000000009.json")
            .contains("\"maybe\" is not one of the options"),
        "{text}"
    );
    assert!(
        line_for(".campo-x1y2.part").contains("interrupted save"),
        "{text}"
    );
    assert!(
        text.contains("One response is fine; 8 problems found."),
        "{text}"
    );

    let italian = stdout(&campo(dir.path(), &["--lang", "it", "doctor"]));
    assert!(italian.contains("il file è vuoto"), "{italian}");
    assert!(
        italian.contains("Un questionario è in ordine; 8 problemi trovati."),
        "{italian}"
    );

    let after: Vec<Vec<u8>> = files
        .iter()
        .map(|(n, _)| fs::read(responses.join(n)).unwrap())
        .collect();
    assert_eq!(before, after, "doctor changes nothing");
    // The rest of campo keeps working on the good response.
    assert!(stdout(&campo(dir.path(), &["list"])).contains("DSM Valle d'Aosta"));
}

/// A draft begun with version 2 of a form keeps opening with version 2
/// after version 3 is installed: its answers, even to an option version 3
/// dropped, are shown and kept, never silently dropped.
#[test]
fn a_response_opens_with_the_form_version_it_was_begun_with() {
    let dir = data_with(&[(
        "0a1b2c3d-0000-4000-8000-000000000010.json",
        r#"{"id": "0a1b2c3d-0000-4000-8000-000000000010", "form": {"id": "library-visit", "version": 2},
            "status": "draft", "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z",
            "lang": "it", "answers": {"branch": "Centrale", "liked": "meh"}}"#,
    )]);
    let form = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/forms/tiny");
    let form = form.to_str().unwrap();
    let show = campo(
        dir.path(),
        &["--form", form, "--lang", "it", "show", "0a1b"],
    );
    assert!(show.status.success(), "{}", stderr(&show));
    assert!(
        stdout(&show).contains("Le è piaciuta?\n    Così così"),
        "{}",
        stdout(&show)
    );
    let list = stdout(&campo(
        dir.path(),
        &["--form", form, "--lang", "en", "list"],
    ));
    assert!(
        list.contains("Draft") && list.contains("Centrale"),
        "{list}"
    );
    assert!(
        campo(dir.path(), &["--form", form, "doctor"])
            .status
            .success()
    );
    // Plain mode asks with version 2 (three options, no "why not").
    let mut child = Command::new(env!("CARGO_BIN_EXE_campo"))
        .args([
            "--data-dir",
            dir.path().to_str().unwrap(),
            "--form",
            form,
            "--lang",
            "en",
            "--plain",
            "edit",
            "0a1b",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), b"\n1\n\n:quit\n").unwrap();
    let text = String::from_utf8(child.wait_with_output().unwrap().stdout).unwrap();
    assert!(
        text.contains("2) So-so") && text.contains("Current answer: So-so"),
        "{text}"
    );
    let saved: serde_json::Value = serde_json::from_slice(
        &fs::read(
            dir.path()
                .join("responses/0a1b2c3d-0000-4000-8000-000000000010.json"),
        )
        .unwrap(),
    )
    .unwrap();
    assert_eq!(saved["form"]["version"], 2);
    assert_eq!(saved["answers"]["liked"], "meh");
}

/// `--help` and the command line's errors speak the user's language too.
#[test]
fn help_and_usage_errors_are_in_the_users_language() {
    let dir = data_with(&[]);
    let help = campo(dir.path(), &["--lang", "it", "--help"]);
    assert!(help.status.success());
    let text = stdout(&help);
    for italian in [
        "Uso: campo [OPZIONI] [COMANDO]",
        "Comandi:",
        "Opzioni:",
        "Mostra questo aiuto",
        "Elenca i questionari salvati",
    ] {
        assert!(text.contains(italian), "{italian:?} missing from:\n{text}");
    }
    for english in [
        "Usage",
        "Options",
        "Commands",
        "Print help",
        "possible values",
    ] {
        assert!(
            !text.contains(english),
            "{english:?} in the Italian help:\n{text}"
        );
    }
    let sub = stdout(&campo(
        dir.path(),
        &["--lang", "it", "serve", "token", "add", "--help"],
    ));
    assert!(
        sub.contains("Uso: campo serve token add [OPZIONI] <NOME>"),
        "{sub}"
    );
    let wrong = campo(dir.path(), &["--lang", "it", "report", "--format", "pdf"]);
    assert_eq!(wrong.status.code(), Some(2));
    assert!(
        stderr(&wrong).contains("\"pdf\" non è un valore valido per --format"),
        "{}",
        stderr(&wrong)
    );
    let unknown = campo(dir.path(), &["--lang", "en", "frobnicate"]);
    assert!(
        stderr(&unknown).contains("\"frobnicate\" is not a campo command."),
        "{}",
        stderr(&unknown)
    );
}

#[test]
fn show_prints_an_other_detail_once_with_its_choice() {
    let dir = data_with(&[("0a1b2c3d-0000-4000-8000-000000000002.json", AOSTA)]);
    let output = campo(dir.path(), &["--lang", "it", "show", "0a1b"]);
    let text = stdout(&output);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(text.matches("Ambulatorio").count(), 1, "{text}");
    assert!(text.contains("Altro (Ambulatorio)"), "{text}");
}

#[test]
fn an_option_given_twice_is_said_to_be_repeated_not_in_conflict() {
    let dir = data_with(&[]);
    let output = campo(dir.path(), &["--lang", "it", "--lang", "en", "list"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("è indicata più di una volta"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn each_command_says_what_its_own_format_option_takes() {
    let dir = data_with(&[]);
    let report = stdout(&campo(dir.path(), &["--lang", "en", "report", "--help"]));
    let export = stdout(&campo(dir.path(), &["--lang", "en", "export", "--help"]));
    assert!(
        report.contains("table (default), md, csv or json") && !report.contains("xlsx"),
        "{report}"
    );
    assert!(
        export.contains("csv, xlsx, spss or all") && !export.contains("md, csv"),
        "{export}"
    );
}

/// P8, m16: every command's `--help`, in both languages, says what each
/// option does: no message id shows where a text is missing, and the
/// Italian page has no English placeholder (`<NAME|DIR>`) or clap word.
#[test]
fn every_help_page_has_words_for_every_option_in_both_languages() {
    let dir = data_with(&[]);
    let help_page = |lang: &str, path: &[String]| {
        let mut args = vec!["--lang".to_string(), lang.to_string()];
        args.extend(path.iter().cloned());
        args.push("--help".into());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        stdout(&campo(dir.path(), &args))
    };
    let mut pending = vec![Vec::<String>::new()];
    let mut pages = 0;
    while let Some(path) = pending.pop() {
        let english = help_page("en", &path);
        let italian = help_page("it", &path);
        pages += 1;
        for (lang, help) in [("en", &english), ("it", &italian)] {
            for id in ["cli-arg-", "cli-cmd-", "cli-"] {
                assert!(!help.contains(id), "{lang} {path:?}: {id} in\n{help}");
            }
        }
        let english_placeholders = placeholders(&english);
        for placeholder in placeholders(&italian) {
            assert!(
                ["N", "FILE", "URL", "TOKEN"].contains(&placeholder.as_str())
                    || !english_placeholders.contains(&placeholder),
                "{path:?}: the English placeholder {placeholder} in the Italian help:\n{italian}"
            );
        }
        for clap_word in [
            "Usage",
            "Options",
            "Arguments",
            "Print help",
            "default",
            "possible",
        ] {
            assert!(
                !italian.contains(clap_word),
                "{path:?}: {clap_word:?} in the Italian help:\n{italian}"
            );
        }
        let commands = english
            .lines()
            .skip_while(|l| l.trim() != "Commands:")
            .skip(1)
            .take_while(|l| !l.trim().is_empty());
        for line in commands {
            let name = line.split_whitespace().next().unwrap_or_default();
            if name != "help" {
                let mut deeper = path.clone();
                deeper.push(name.to_string());
                pending.push(deeper);
            }
        }
    }
    assert!(pages > 20, "only {pages} help pages found");
}

/// The words of every `<PLACEHOLDER>` and `[PLACEHOLDER]` of a help page,
/// alternatives (`NAME|DIR`) one by one.
fn placeholders(help: &str) -> Vec<String> {
    help.split(['<', '['])
        .skip(1)
        .filter_map(|rest| rest.split_once(['>', ']']).map(|(inside, _)| inside))
        .filter(|inside| {
            !inside.is_empty()
                && inside
                    .chars()
                    .all(|c| c.is_uppercase() || "|-@".contains(c))
        })
        .flat_map(|inside| inside.split('|').map(str::to_string))
        .collect()
}

/// m17: the usage line and the argument list agree on an optional argument.
#[test]
fn an_optional_argument_is_bracketed_in_the_usage_line_too() {
    let dir = data_with(&[]);
    let help = stdout(&campo(dir.path(), &["--lang", "it", "edit", "--help"]));
    assert!(
        help.contains("Uso: campo edit [OPZIONI] [CODICE]"),
        "{help}"
    );
}

/// P7: a code of the wrong length is refused where it is typed, in the
/// user's language, without asking the server (here there is none: had it
/// asked, it would say the server cannot be reached).
#[test]
fn a_code_of_the_wrong_length_is_refused_without_asking_the_server() {
    let dir = data_with(&[]);
    let output = campo(
        dir.path(),
        &[
            "--lang",
            "it",
            "sync",
            "--setup",
            "--server",
            "http://127.0.0.1:9",
            "--code",
            "1234",
        ],
    );
    assert!(!output.status.success());
    let said = stderr(&output);
    assert!(
        said.contains("Un codice di accesso ha 16 lettere e cifre"),
        "{said}"
    );
    assert!(!said.contains("raggiungibile"), "{said}");
}

/// m1: the two autonomous provinces are told apart where the region
/// column is narrow; the whole name stays where there is room.
#[test]
fn the_list_names_the_autonomous_provinces_apart() {
    let bolzano = AOSTA.replace("valle_d_aosta", "bolzano");
    let trento = AOSTA
        .replace("valle_d_aosta", "trento")
        .replace("000000000002", "000000000003");
    let dir = data_with(&[
        ("0a1b2c3d-0000-4000-8000-000000000002.json", &bolzano),
        ("0a1b2c3d-0000-4000-8000-000000000003.json", &trento),
    ]);
    let listed = stdout(&campo(dir.path(), &["--lang", "it", "list"]));
    assert!(
        listed.contains("P.A. Bolzano") && listed.contains("P.A. Trento"),
        "{listed}"
    );
    let shown = stdout(&campo(
        dir.path(),
        &[
            "--lang",
            "it",
            "show",
            "0a1b2c3d-0000-4000-8000-000000000002",
        ],
    ));
    assert!(shown.contains("Provincia autonoma di Bolzano"), "{shown}");
}

/// P9, m20: a read-only command on a data folder that does not exist says
/// so and makes none; an empty folder is said to be empty, not in order.
#[test]
fn read_only_commands_neither_make_a_mistyped_folder_nor_call_it_fine() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("dati-sbagliati");
    let out = dir.path().join("export");
    let out = out.to_str().unwrap();
    for command in [
        &["list"][..],
        &["doctor"],
        &["report"],
        &["export", "--out", out],
    ] {
        let mut args = vec!["--lang", "it"];
        args.extend(command);
        let output = campo(&missing, &args);
        assert_eq!(output.status.code(), Some(1), "{command:?}");
        assert!(
            stderr(&output).contains("dati-sbagliati non esiste"),
            "{command:?}: {}",
            stderr(&output)
        );
        assert!(!missing.exists(), "{command:?} made the folder");
    }
    let empty = data_with(&[]);
    let doctor = campo(empty.path(), &["--lang", "it", "doctor"]);
    assert_eq!(
        stdout(&doctor).trim(),
        "Nessun questionario nella cartella dati."
    );
}

/// `campo` hands `serve` and `export` to `campo-server` beside it (the
/// interface's binary leaves their libraries out, issue 23): without it,
/// it says what to install, in the user's language, and fails.
#[test]
fn campo_without_campo_server_beside_it_says_what_to_install() {
    let lone = tempfile::tempdir().unwrap();
    let alone = lone.path().join("campo");
    fs::copy(env!("CARGO_BIN_EXE_campo"), &alone).unwrap();
    let data = tempfile::tempdir().unwrap();
    let out = data.path().join("out");
    for (lang, words) in [
        ("en", "campo runs serve and export with campo-server"),
        ("it", "campo affida serve ed export a campo-server"),
    ] {
        let output = Command::new(&alone)
            .args(["--lang", lang, "--data-dir"])
            .arg(data.path())
            .args(["export", "--out"])
            .arg(&out)
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{lang}");
        let said = stderr(&output);
        assert!(said.contains(words), "{lang}: {said}");
        assert!(said.contains(&lone.path().join("campo-server").display().to_string()));
        assert!(!out.exists(), "nothing was exported");
    }
}

/// Beside it, `campo export` is run by `campo-server` and writes its files.
#[test]
fn campo_hands_export_to_campo_server() {
    let data = tempfile::tempdir().unwrap();
    let out = data.path().join("out");
    let output = campo(
        data.path(),
        &["export", "--format", "csv", "--out", out.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(out.join("responses.csv").exists());
}
