//! A team's XLSForm run by campo: filled in line by line from pyxform's
//! markdown and from a real .xlsx, and pyxform's own test forms imported or
//! refused as counted.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

mod support;
use support::only_response;

/// A small survey with a group, a choice list, relevance, a hint and both
/// languages, as pyxform's tests write XLSForms.
const WORK_SURVEY: &str = include_str!("fixtures/xlsform/work.md");

fn plain(data: &Path, form: &Path, input: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_campo"))
        .arg("--data-dir")
        .arg(data)
        .arg("--form")
        .arg(form)
        .args(["--lang", "it", "--plain", "new"])
        .env("LANG", "C")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input.as_bytes()).unwrap();
    drop(stdin);
    let output = child.wait_with_output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn a_teams_xlsform_in_markdown_is_asked_with_its_relevance_in_italian() {
    let folder = tempfile::tempdir().unwrap();
    let form = folder.path().join("work.md");
    std::fs::write(&form, WORK_SURVEY).unwrap();
    let data = tempfile::tempdir().unwrap();
    // Fifteen: "do you work?" is not relevant, so neither is the job.
    let text = plain(data.path(), &form, "15\n");
    assert!(text.contains("Quanti anni hai?"), "{text}");
    assert!(text.contains("In anni compiuti"), "{text}");
    assert!(!text.contains("Lavori?"), "{text}");
    let response = only_response(data.path());
    assert_eq!(response["form"]["id"], "work");
    assert_eq!(response["answers"]["age"], 15);
    assert!(response["answers"].get("works").is_none());
}

/// The same form as a real spreadsheet, written by rust_xlsxwriter and
/// read back by calamine: older, working, the job asked.
#[test]
fn a_teams_xlsx_is_asked_the_same_way() {
    let folder = tempfile::tempdir().unwrap();
    let form = folder.path().join("work.xlsx");
    let sheets = campo::xlsform::sheets::read_markdown(WORK_SURVEY);
    let mut workbook = rust_xlsxwriter::Workbook::new();
    for sheet in &sheets {
        let worksheet = workbook.add_worksheet().set_name(&sheet.name).unwrap();
        for (column, name) in sheet.header.iter().enumerate() {
            worksheet.write(0, column as u16, name.as_str()).unwrap();
        }
        for (row, cells) in sheet.rows.iter().enumerate() {
            for (column, cell) in cells.cells.iter().enumerate() {
                worksheet
                    .write(row as u32 + 1, column as u16, cell.as_str())
                    .unwrap();
            }
        }
    }
    workbook.save(&form).unwrap();
    let data = tempfile::tempdir().unwrap();
    let text = plain(data.path(), &form, "40\n1\ninfermiere\n");
    assert!(text.contains("Lavori?"), "{text}");
    assert!(text.contains("Che lavoro fai?"), "{text}");
    let response = only_response(data.path());
    assert_eq!(response["answers"]["works"], "y");
    assert_eq!(response["answers"]["job"], "infermiere");
}

#[test]
fn an_xlsform_campo_cannot_run_yet_is_refused_naming_sheet_row_and_column() {
    let folder = tempfile::tempdir().unwrap();
    let form = folder.path().join("checks.md");
    std::fs::write(
        &form,
        "
| survey |
| | type | name | label | default |
| | integer | age | Age | |
| | integer | kids | Kids | 2 |
",
    )
    .unwrap();
    let data = tempfile::tempdir().unwrap();
    for (lang, expected) in [
        (
            "en",
            "sheet \"survey\", row 3, column \"default\": campo does not run this column yet",
        ),
        (
            "it",
            "foglio \"survey\", riga 3, colonna \"default\": campo non gestisce ancora questa colonna",
        ),
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_campo"))
            .arg("--data-dir")
            .arg(data.path())
            .arg("--form")
            .arg(&form)
            .args(["--lang", lang, "--plain", "new"])
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(!output.status.success());
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(message.contains(expected), "{message}");
    }
}

/// pyxform's own test forms (`../shared/corpus/pyxform-4.5.0/cases.jsonl`):
/// how many campo imports of those pyxform accepts, and how many it
/// refuses of those pyxform refuses. The floors are this round's counts:
/// they may only rise.
#[test]
#[cfg_attr(
    no_pyxform_corpus,
    ignore = "pyxform's test forms are not in ../shared/corpus/pyxform-4.5.0"
)]
fn pyxforms_test_forms_are_imported_or_refused_as_counted() {
    const IMPORTED_AT_LEAST: usize = 130;
    const REFUSED_AT_LEAST: usize = 178;
    let corpus =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/pyxform-4.5.0/cases.jsonl");
    let text = std::fs::read_to_string(&corpus).expect("pyxform's corpus (build.rs looked for it)");
    let folder = tempfile::tempdir().unwrap();
    let (mut accepted, mut imported, mut refused, mut also_refused) = (0, 0, 0, 0);
    for (n, line) in text.lines().enumerate() {
        let case: serde_json::Value = serde_json::from_str(line).unwrap();
        let file = folder.path().join(format!("case{n}.md"));
        std::fs::write(&file, case["md"].as_str().unwrap()).unwrap();
        let runs = campo::package::FormPackage::from_xlsform(&file)
            .ok()
            .is_some_and(|package| campo::i18n::load_form(&package).is_ok());
        if case["errored"].as_bool().unwrap() {
            refused += 1;
            also_refused += usize::from(!runs);
        } else {
            accepted += 1;
            imported += usize::from(runs);
        }
    }
    eprintln!(
        "pyxform accepts {accepted}: campo imports {imported}; \
         pyxform refuses {refused}: campo refuses {also_refused}"
    );
    assert!(imported >= IMPORTED_AT_LEAST, "{imported} imported");
    assert!(also_refused >= REFUSED_AT_LEAST, "{also_refused} refused");
}

/// `campo form try` for a person: each question, asked or not, with what
/// it would submit, in the user's language; a step it cannot set is said.
#[test]
fn form_try_shows_a_form_authors_what_their_logic_asks_in_italian() {
    let folder = tempfile::tempdir().unwrap();
    let answers = folder.path().join("answers.json");
    std::fs::write(
        &answers,
        r#"[["age", 15], ["colour", "red"], ["age", "old"]]"#,
    )
    .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_campo"))
        .args([
            "--lang",
            "it",
            "form",
            "try",
            "tests/fixtures/xlsform/work.md",
        ])
        .arg(&answers)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("/data/about/age    15\n"), "{text}");
    assert!(
        text.contains("/data/about/works  (non chiesta)\n"),
        "{text}"
    );
    assert!(
        text.contains("/data/job          (non chiesta)\n"),
        "{text}"
    );
    let each = Command::new(env!("CARGO_BIN_EXE_campo"))
        .args([
            "--lang",
            "it",
            "form",
            "try",
            "tests/fixtures/xlsform/work.md",
        ])
        .arg(&answers)
        .arg("--each")
        .output()
        .unwrap();
    let text = String::from_utf8(each.stdout).unwrap();
    assert!(
        text.contains("! il modulo non ha una domanda di nome colour"),
        "{text}"
    );
    assert!(text.contains("! \"old\" non è un numero"), "{text}");
    assert!(
        text.contains("/data/about/age    (obbligatoria, senza risposta)"),
        "{text}"
    );
}

/// A constraint refuses an answer with its message in the user's language;
/// `campo:soft` makes it a warning the respondent confirms with a reason.
#[test]
fn a_constraint_refuses_with_its_message_and_campo_soft_asks_a_reason() {
    let folder = tempfile::tempdir().unwrap();
    let form = folder.path().join("checks.md");
    std::fs::write(
        &form,
        "
| survey |
| | type | name | label::English (en) | label::Italiano (it) | constraint | constraint_message::English (en) | constraint_message::Italiano (it) | campo:soft | required |
| | integer | age | Age | Età | . >= 18 | An adult's age, please | L'età di un adulto, per favore | | yes |
| | integer | staff | Staff | Personale | . <= 50 | More than 50 is unusual | Più di 50 è insolito | yes | yes |
",
    )
    .unwrap();
    let data = tempfile::tempdir().unwrap();
    let text = plain(data.path(), &form, "12\n30\n80\ncontati due volte\n");
    assert!(text.contains("L'età di un adulto, per favore"), "{text}");
    assert!(text.contains("Più di 50 è insolito"), "{text}");
    let response = only_response(data.path());
    assert_eq!(response["answers"]["age"], 30);
    assert_eq!(response["answers"]["staff"], 80);
    assert_eq!(response["reasons"]["staff"], "contati due volte");
}

/// `campo form import`: a form folder campo then runs with `--form DIR`,
/// what it leaves aside said by sheet, row and column.
#[test]
fn form_import_writes_a_form_folder_that_runs_and_says_what_it_left_aside() {
    let folder = tempfile::tempdir().unwrap();
    let form = folder.path().join("survey.md");
    std::fs::write(
        &form,
        "
| survey |
| | type | name | label | appearance |
| | text | q | Your name? | multiline |
",
    )
    .unwrap();
    let out = folder.path().join("survey-form");
    let output = Command::new(env!("CARGO_BIN_EXE_campo"))
        .args(["--lang", "it", "form", "import"])
        .arg(&form)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let said = String::from_utf8(output.stdout).unwrap();
    assert!(
        said.contains("Modulo survey, versione 1: una domanda in una sezione, scritto in"),
        "{said}"
    );
    let warned = String::from_utf8(output.stderr).unwrap();
    assert!(
        warned.contains("foglio \"survey\", riga 2, colonna \"appearance\": lasciata da parte"),
        "{warned}"
    );
    for file in ["form.json", "locales/en/form.ftl", "locales/it/form.ftl"] {
        assert!(out.join(file).is_file(), "{file}");
    }
    let data = tempfile::tempdir().unwrap();
    let text = plain(data.path(), &out, "Ada\n");
    assert!(text.contains("Your name?"), "{text}");
    assert_eq!(only_response(data.path())["answers"]["q"], "Ada");
}

/// The team's form by keys in a pseudo-terminal, in Italian: a constraint
/// refuses with its own message, relevance opens the next questions, the
/// response is completed.
#[test]
fn a_teams_xlsform_is_filled_in_by_keys_with_its_constraint_and_relevance() {
    use support::{BACKSPACE, CTRL_C, ENTER, Tty};
    let folder = tempfile::tempdir().unwrap();
    let checked = folder.path().join("checked.md");
    std::fs::write(
        &checked,
        "
| survey |
| | type | name | label::English (en) | label::Italiano (it) | relevant | constraint | constraint_message::English (en) | constraint_message::Italiano (it) | required |
| | integer | age | How old are you? | Quanti anni hai? | | . < 120 | Less than 120, please | Meno di 120, per favore | yes |
| | select_one yn | works | Do you work? | Lavori? | ${age} >= 16 | | | | yes |
| | text | job | What is your job? | Che lavoro fai? | selected(${works}, 'y') | | | | yes |
| choices |
| | list_name | name | label::English (en) | label::Italiano (it) |
| | yn | y | Yes | Sì |
| | yn | n | No | No |
",
    )
    .unwrap();
    let data = tempfile::tempdir().unwrap();
    let mut tty = Tty::spawn(
        data.path(),
        &["--lang", "it", "--form", checked.to_str().unwrap(), "new"],
    );
    tty.wait_for("Quanti anni hai?");
    tty.keys("130", "130");
    tty.keys(ENTER, "Meno di 120, per favore");
    for _ in 0..3 {
        tty.send(BACKSPACE);
    }
    tty.keys("40", "40");
    tty.keys(ENTER, "Lavori?");
    tty.keys("1", "Sì");
    tty.keys(ENTER, "Che lavoro fai?");
    tty.keys("infermiere", "infermiere");
    tty.keys(ENTER, "Riepilogo");
    tty.send(CTRL_C);
    assert!(tty.wait_exit().success());
    let response = only_response(data.path());
    assert_eq!(response["form"]["id"], "checked");
    assert_eq!(response["answers"]["age"], 40);
    assert_eq!(response["answers"]["works"], "y");
    assert_eq!(response["answers"]["job"], "infermiere");
}

/// `${name}` in a label or hint is filled in with the answer, as ODK
/// fills it, where the question is asked.
#[test]
fn a_label_names_an_earlier_answer() {
    let data = tempfile::tempdir().unwrap();
    let form = Path::new("tests/fixtures/xlsform/references.md");
    let text = plain(data.path(), form, "Ada\n7\n");
    assert!(text.contains("Quanti anni ha Ada?"), "{text}");
    assert!(text.contains("Età di Ada in anni"), "{text}");
    assert!(text.contains("Ada va a scuola?"), "{text}");
    let unknown = tempfile::tempdir().unwrap();
    let broken = unknown.path().join("broken.md");
    std::fs::write(
        &broken,
        "
| survey |
| | type | name | label |
| | text | q | Hello ${nobody} |
",
    )
    .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_campo"))
        .args(["--lang", "en", "form", "try"])
        .arg(&broken)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(
        message.contains("row 2, column \"label\": ${nobody} names no question of the form"),
        "{message}"
    );
}

const CALCULATIONS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/xlsform/calculations.md"
);

/// A note is read and passed; a calculate is never asked, but worked out
/// as the answers change, kept in the response and exported as a column
/// (a note is not).
#[test]
fn notes_are_read_and_calculates_worked_out_kept_and_exported_line_by_line() {
    let data = tempfile::tempdir().unwrap();
    let text = plain(
        data.path(),
        Path::new(CALCULATIONS),
        "20\n5\n\n1,2\n\nperché sì\n:complete\n",
    );
    assert!(text.contains("[Nota] 5 su 20: 25%"), "{text}");
    assert!(text.contains("[Nota] Usate 2 strumenti"), "{text}");
    assert!(!text.contains("share"), "a calculate is not asked: {text}");
    let response = only_response(data.path());
    let answers = &response["answers"];
    assert_eq!(answers["share"], "25");
    assert_eq!(answers["many"], "true");
    assert_eq!(answers["tool_count"], "2");
    assert_eq!(answers["summary"], "20/2 plan");
    assert_eq!(answers["why"], "perché sì");
    assert!(answers.get("share_note").is_none(), "a note stores nothing");
    let out = data.path().join("out");
    let export = Command::new(env!("CARGO_BIN_EXE_campo"))
        .arg("--data-dir")
        .arg(data.path())
        .args([
            "--form",
            CALCULATIONS,
            "--lang",
            "en",
            "export",
            "--format",
            "csv",
        ])
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        export.status.success(),
        "{}",
        String::from_utf8_lossy(&export.stderr)
    );
    let csv = std::fs::read_to_string(out.join("responses.csv")).unwrap();
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    for column in ["share", "many", "tool_count", "summary", "unanswered"] {
        assert!(header.contains(&column), "{column} in {header:?}");
    }
    assert!(!header.iter().any(|c| c.ends_with("_note")), "{header:?}");
    assert!(csv.lines().nth(1).unwrap().contains(",25,true,"), "{csv}");
    let codebook = std::fs::read_to_string(out.join("codebook.csv")).unwrap();
    assert!(
        codebook.contains(
            "share,share,text,\"= if(${staff} > 0, round(${psw} div ${staff} * 100, 1), '')\""
        ),
        "{codebook}"
    );
}

/// By keys: a note has its own screen, with nothing to answer and Enter
/// to go on; the review lists questions only, not the form's workings.
#[test]
fn a_note_is_a_screen_of_its_own_and_the_review_lists_no_calculate() {
    use support::{ENTER, F3, Tty};
    let data = tempfile::tempdir().unwrap();
    let mut tty = Tty::spawn(
        data.path(),
        &["--lang", "en", "--form", CALCULATIONS, "new"],
    );
    tty.wait_for("How many staff?");
    tty.keys("40", "40");
    tty.keys(ENTER, "How many of them are peer");
    tty.keys("2", "2");
    tty.keys(ENTER, "2 of 40: 5%");
    let screen = tty.screen();
    assert!(screen.contains("· Note"), "{screen}");
    assert!(screen.contains("Enter go on"), "{screen}");
    assert!(!screen.contains("optional"), "{screen}");
    tty.keys(ENTER, "Which tools?");
    tty.keys(F3, "Review");
    let screen = tty.screen();
    assert!(screen.contains("How many staff?"), "{screen}");
    for hidden in ["share", "tool_count", "2 of 40"] {
        assert!(!screen.contains(hidden), "{hidden} in the review: {screen}");
    }
    tty.send(support::CTRL_C);
    assert!(tty.wait_exit().success());
    let response = only_response(data.path());
    assert_eq!(response["answers"]["share"], "5");
}

/// `campo form try` prints a calculate's value and a note as the oracle
/// does, and says a step cannot set either.
#[test]
fn form_try_prints_calculates_and_refuses_to_set_one() {
    let folder = tempfile::tempdir().unwrap();
    let answers = folder.path().join("answers.json");
    std::fs::write(&answers, r#"[["staff", 10], ["psw", 4], ["share", "99"]]"#).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_campo"))
        .args(["--lang", "en", "form", "try", CALCULATIONS])
        .arg(&answers)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let state: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(state["state"]["calculates"]["/data/share"], "40");
    assert_eq!(state["state"]["calculates"]["/data/more/summary"], "10/0");
    let nodes = state["state"]["nodes"].as_array().unwrap();
    let kind = |name: &str| nodes.iter().find(|n| n["name"] == name).unwrap()["kind"].clone();
    assert_eq!(kind("share"), "model-value");
    assert_eq!(kind("share_note"), "note");
    assert_eq!(
        state["errors"][0]["error"],
        "share takes no answer: it is a note, or worked out by the form"
    );
}

/// A calculate without its calculation, or a calculation where campo does
/// not run one, is refused at import naming row and column.
#[test]
fn a_calculation_campo_cannot_run_is_refused_at_its_cell() {
    let folder = tempfile::tempdir().unwrap();
    for (body, said) in [
        (
            "| | calculate | c | | |",
            "row 3, column \"calculation\": a calculate needs its calculation",
        ),
        (
            "| | text | t | T | 1 + 1 |",
            "row 3, column \"calculation\": campo does not run this column yet",
        ),
    ] {
        let form = folder.path().join("c.md");
        std::fs::write(
            &form,
            format!("| survey |\n| | type | name | label | calculation |\n| | integer | n | N | |\n{body}\n"),
        )
        .unwrap();
        let output = Command::new(env!("CARGO_BIN_EXE_campo"))
            .args(["--lang", "en", "form", "try"])
            .arg(&form)
            .output()
            .unwrap();
        assert!(!output.status.success());
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(message.contains(said), "{message}");
    }
}

/// `required` as an expression: the question says it is optional while
/// the expression does not hold, and refuses an empty answer once it does.
#[test]
fn a_question_is_required_while_its_required_expression_holds() {
    let data = tempfile::tempdir().unwrap();
    let form = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/xlsform/required.md"
    ));
    let text = plain(data.path(), form, "y\n\n5\n\n\n");
    let asked = |question: &str| {
        let at = text
            .find(question)
            .unwrap_or_else(|| panic!("{question}: {text}"));
        let end = text[at..].find("\n[").map_or(text.len(), |n| at + n);
        text[at..end].to_string()
    };
    let how_many = asked("Quanti?");
    assert!(!how_many.contains("(facoltativa)"), "{how_many}");
    assert!(
        how_many.contains("La risposta è obbligatoria."),
        "{how_many}"
    );
    assert!(asked("Perché no?").contains("(facoltativa)"), "{text}");
    // More than three workers: the project is asked for.
    assert!(
        asked("Quale progetto?").contains("La risposta è obbligatoria."),
        "{text}"
    );
    let response = only_response(data.path());
    assert_eq!(response["answers"]["psw"], 5);
    assert_eq!(response["status"], "draft");
}
