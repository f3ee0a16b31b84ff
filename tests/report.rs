//! `campo report` and `campo export` on a fixture whose numbers were worked
//! out by hand, read back with real tools: a CSV reader, calamine for the
//! workbook, and GNU PSPP for the SPSS syntax.

#[path = "support/tools.rs"]
mod tools;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};

use serde_json::{Value, json};
use tools::pspp_is_here;

const CAMPO: &str = env!("CARGO_BIN_EXE_campo");

/// Ten complete responses (and a draft, a response of another form, and a
/// damaged file). By hand: ps_active yes 6 / no 3 / dk 1; of the 6 asked,
/// ps_years under_1 1, y1_3 3, y4_6 0, over_6 2; ps_count n1_3 4, n4_6 2;
/// ps_services cmhc 5, day_centre 3, residential 1, inpatient 0, other 2;
/// of all 10, ps_difficulties recognition 7, resources 4. R1–R5 are in
/// Veneto (North-East), R6–R10 in Sicily (Islands).
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let responses = dir.path().join("responses");
    std::fs::create_dir_all(&responses).unwrap();
    let years = ["under_1", "y1_3", "y1_3", "y1_3", "over_6", "over_6"];
    let counts = ["n1_3", "n1_3", "n1_3", "n1_3", "n4_6", "n4_6"];
    let services: [&[&str]; 6] = [
        &["cmhc", "day_centre"],
        &["cmhc", "day_centre"],
        &["cmhc", "day_centre", "residential"],
        &["cmhc"],
        &["cmhc", "other"],
        &["other"],
    ];
    for n in 0..10 {
        let active = match n {
            0..=5 => "yes",
            6..=8 => "no",
            _ => "dk",
        };
        let mut answers = json!({
            "dept_region": if n < 5 { "veneto" } else { "sicilia" },
            "dept_name": format!("DSM {n}"),
            "ps_active": active,
            "ps_difficulties": if n < 4 { json!(["recognition", "resources"]) } else if n < 7 { json!(["recognition"]) } else { json!(["supervision"]) },
            "cp_planning_role": "none", "cp_tools": "no", "cp_active": "no", "rec_strategies": "no"
        });
        if active == "yes" {
            let more = json!({
                "ps_years": years[n], "ps_count": counts[n], "ps_services": services[n],
                "ps_activities": ["training"], "ps_trained": "no", "ps_paid": "no", "ps_protocols": "dk",
                "ps_effective": "very", "ps_stigma": "no", "ps_satisfaction": "dk", "rec_contribution": "a_little"
            });
            answers
                .as_object_mut()
                .unwrap()
                .extend(more.as_object().unwrap().clone());
            if services[n].contains(&"other") {
                answers["ps_services_other"] = json!("Ambulatorio 1–3");
            }
        }
        write(&responses, n, "complete", 1, answers);
    }
    write(&responses, 10, "draft", 1, json!({"ps_active": "no"}));
    write(&responses, 11, "complete", 2, json!({"ps_active": "no"}));
    std::fs::write(responses.join("broken.json"), "{").unwrap();
    dir
}

/// `campo export … --out DIR` into a new folder, which it returns.
fn exported(data: &Path, args: &[&str]) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let mut all = args.to_vec();
    all.extend(["--out", out.path().to_str().unwrap()]);
    let output = campo(data, &all);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    out
}

fn write(dir: &Path, n: usize, status: &str, version: u32, answers: Value) {
    let id = format!("00000000-0000-4000-8000-{n:012}");
    let document = json!({
        "id": id, "form": {"id": "mhd-peer-support-2025", "version": version}, "status": status,
        "created": "2026-01-10T09:00:00Z", "updated": "2026-01-10T09:30:00Z", "lang": "it", "answers": answers
    });
    std::fs::write(
        dir.join(format!("{id}.json")),
        serde_json::to_vec(&document).unwrap(),
    )
    .unwrap();
}

fn campo(data: &Path, args: &[&str]) -> Output {
    let output = Command::new(CAMPO)
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env("LANG", "C")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// item → option → (n, pct, asked), from `campo report --format csv`.
fn report_csv(text: &str) -> BTreeMap<(String, String), (usize, String, usize)> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec!["item", "option", "n", "pct", "asked"]
    );
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (
                (r[0].to_string(), r[1].to_string()),
                (
                    r[2].parse().unwrap(),
                    r[3].to_string(),
                    r[4].parse().unwrap(),
                ),
            )
        })
        .collect()
}

#[test]
fn report_numbers_equal_the_hand_computed_ones() {
    let data = fixture();
    let rows = report_csv(&stdout(&campo(data.path(), &["report", "--format", "csv"])));
    let row = |item: &str, option: &str| rows[&(item.to_string(), option.to_string())].clone();
    assert_eq!(row("ps_active", "yes"), (6, "60.0".into(), 10));
    assert_eq!(row("ps_active", "no"), (3, "30.0".into(), 10));
    assert_eq!(row("ps_active", "dk"), (1, "10.0".into(), 10));
    assert_eq!(row("ps_years", "under_1"), (1, "16.7".into(), 6));
    assert_eq!(row("ps_years", "y1_3"), (3, "50.0".into(), 6));
    assert_eq!(
        row("ps_years", "y4_6"),
        (0, "0.0".into(), 6),
        "options nobody chose are listed"
    );
    assert_eq!(row("ps_years", "over_6"), (2, "33.3".into(), 6));
    assert_eq!(row("ps_count", "n1_3"), (4, "66.7".into(), 6));
    // Multiple choice: the denominator is those asked.
    assert_eq!(row("ps_services", "cmhc"), (5, "83.3".into(), 6));
    assert_eq!(row("ps_services", "day_centre"), (3, "50.0".into(), 6));
    assert_eq!(row("ps_services", "inpatient"), (0, "0.0".into(), 6));
    assert_eq!(row("ps_services", "other"), (2, "33.3".into(), 6));
    assert_eq!(
        row("ps_difficulties", "recognition"),
        (7, "70.0".into(), 10)
    );
    assert_eq!(row("ps_difficulties", "resources"), (4, "40.0".into(), 10));
    // Nobody was asked about training bodies: no percentage, not a zero.
    assert_eq!(row("ps_training_by", "mhd"), (0, "".into(), 0));
    assert!(
        !rows.keys().any(|(item, _)| item == "dept_name"),
        "text items have no option rows"
    );
    // One row per option of every choice item.
    assert_eq!(
        rows.keys()
            .filter(|(item, _)| item == "dept_region")
            .count(),
        21
    );
}

#[test]
fn drafts_count_only_when_asked_for() {
    let data = fixture();
    let rows = report_csv(&stdout(&campo(
        data.path(),
        &["report", "--format", "csv", "--status", "all"],
    )));
    assert_eq!(
        rows[&("ps_active".to_string(), "no".to_string())],
        (4, "36.4".into(), 11)
    );
}

#[test]
fn the_table_reads_like_the_papers_in_either_language() {
    let data = fixture();
    let italian = stdout(&campo(data.path(), &["--lang", "it", "report"]));
    assert!(
        italian.contains("10 questionari letti · una bozza esclusa"),
        "{italian}"
    );
    assert!(
        italian.contains("un questionario di un altro modulo escluso"),
        "{italian}"
    );
    assert!(italian.contains("Escluso: File danneggiato"), "{italian}");
    assert!(
        italian.contains("Da quanto tempo sono attive queste iniziative? (4 NA)"),
        "{italian}"
    );
    assert!(
        italian.contains("In quali servizi del DSM operano gli ESP? (4 NA; risposta multipla)"),
        "{italian}"
    );
    assert!(italian.contains("Da 1 a 3 anni"), "{italian}");
    // m10: an "other, specify" says whose it is, and no colon follows a
    // question's own full stop.
    assert!(
        italian.contains("Altro (specificare), ps_services (8 NA)\n  2 risposte"),
        "{italian}"
    );
    assert!(
        !italian.contains("?:") && !italian.contains(".:"),
        "{italian}"
    );
    assert!(italian.contains("50,0"), "Italian decimals: {italian}");
    let english = stdout(&campo(
        data.path(),
        &["--lang", "en", "report", "--format", "md", "--sort", "freq"],
    ));
    assert!(
        english.contains("**In which MHD services are PSWs employed? (4 NA; multiple choice)**"),
        "{english}"
    );
    let services = english.split("In which MHD services").nth(1).unwrap();
    let order: Vec<&str> = services
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| Answer"))
        .take(5)
        .collect();
    assert!(
        order[0].starts_with("| Community Mental Health Centres | 5 | 83.3 |"),
        "{order:?}"
    );
    assert!(
        order[1].starts_with("| Day Centres | 3 | 50.0 |"),
        "{order:?}"
    );
}

#[test]
fn tables_break_down_by_macro_area() {
    let data = fixture();
    let text = stdout(&campo(
        data.path(),
        &["report", "--format", "csv", "--by", "macro_area"],
    ));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap(),
        vec!["group", "item", "option", "n", "pct", "asked"]
    );
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    let find = |group: &str, option: &str| {
        rows.iter()
            .find(|r| r[0] == group && r[1] == "ps_active" && r[2] == option)
            .cloned()
            .unwrap()
    };
    assert_eq!(find("north_east", "yes")[3..], ["5", "100.0", "5"]);
    assert_eq!(find("islands", "no")[3..], ["3", "60.0", "5"]);
    assert_eq!(find("centre", "yes")[3..], ["0", "", "0"]);
    assert_eq!(find("all", "yes")[3..], ["6", "60.0", "10"]);
    let json: Value = serde_json::from_str(&stdout(&campo(
        data.path(),
        &["report", "--format", "json", "--by", "macro_area"],
    )))
    .unwrap();
    assert_eq!(json["responses"], 10);
    assert_eq!(json["groups"]["islands"]["label"], "Islands");
}

#[test]
fn csv_export_round_trips_to_the_answers() {
    let data = fixture();
    let out = exported(data.path(), &["export", "--format", "csv"]);
    let mut reader = csv::Reader::from_path(out.path().join("responses.csv")).unwrap();
    let headers: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        headers[..6],
        ["id", "status", "created", "updated", "lang", "dept_region"]
    );
    assert!(
        headers.contains(&"ps_services__cmhc".to_string())
            && headers.last().unwrap() == "macro_area"
    );
    let rows: Vec<BTreeMap<String, String>> = reader
        .records()
        .map(|r| {
            headers
                .iter()
                .cloned()
                .zip(r.unwrap().iter().map(String::from))
                .collect()
        })
        .collect();
    assert_eq!(rows.len(), 10, "complete responses of this form only");
    for row in &rows {
        let file = data
            .path()
            .join("responses")
            .join(format!("{}.json", row["id"]));
        let document: Value = serde_json::from_slice(&std::fs::read(file).unwrap()).unwrap();
        let answers = document["answers"].as_object().unwrap();
        for (name, value) in row {
            if let Some((item, code)) = name.split_once("__") {
                let expected = match answers.get(item) {
                    Some(list) => {
                        if list.as_array().unwrap().iter().any(|c| c == code) {
                            "1"
                        } else {
                            "0"
                        }
                    }
                    None => "",
                };
                assert_eq!(value, expected, "{name} of {}", row["id"]);
            } else if let Some(answer) = answers.get(name) {
                assert_eq!(Some(value.as_str()), answer.as_str(), "{name}");
            }
        }
        if row["ps_active"] != "yes" {
            assert_eq!(row["ps_years"], "", "not asked is empty");
            assert_eq!(row["ps_services__cmhc"], "", "not asked is empty, not 0");
        }
    }
    let codebook = std::fs::read_to_string(out.path().join("codebook.csv")).unwrap();
    assert!(codebook.contains("ps_years,How long have these initiatives been active?,single,under_1 = Less than 1 year; y1_3 = 1–3 years; y4_6 = 4–6 years; over_6 = More than 6 years,ps_active = yes"), "{codebook}");
    assert!(codebook.contains("ps_services_other,"), "{codebook}");
    assert!(codebook.contains("status,"), "{codebook}");
    assert!(
        codebook.contains("complete = Complete; draft = Draft"),
        "m31: {codebook}"
    );
}

#[test]
fn the_workbook_keeps_text_as_text() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let data = fixture();
    let out = exported(data.path(), &["--lang", "en", "export", "--format", "xlsx"]);
    let mut workbook: Xlsx<_> = open_workbook(out.path().join("responses.xlsx")).unwrap();
    assert_eq!(workbook.sheet_names(), ["Data", "Labels", "Codebook"]);
    let codes = workbook.worksheet_range("Data").unwrap();
    let labels = workbook.worksheet_range("Labels").unwrap();
    let header: Vec<String> = codes
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let first = codes.rows().nth(1).unwrap();
    assert_eq!(first[column("ps_count")], Data::String("n1_3".into()));
    assert_eq!(first[column("ps_services__cmhc")], Data::Float(1.0));
    let labelled = labels.rows().nth(1).unwrap();
    assert_eq!(
        labelled[column("ps_count")],
        Data::String("1–3".into()),
        "a label stays a string, never a date"
    );
    assert_eq!(
        labelled[column("ps_years")],
        Data::String("Less than 1 year".into())
    );
    assert_eq!(
        labelled[column("status")],
        Data::String("Complete".into()),
        "the status labelled too"
    );
    // m31: the language in words too.
    assert!(
        matches!(&labelled[column("lang")], Data::String(l) if l == "English" || l == "Italian"),
        "{:?}",
        labelled[column("lang")]
    );
    assert_eq!(
        labelled[column("macro_area")],
        Data::String("North-East".into())
    );
    let other = labels
        .rows()
        .skip(1)
        .find(|r| r[column("ps_services_other")] != Data::Empty)
        .unwrap();
    assert_eq!(
        other[column("ps_services_other")],
        Data::String("Ambulatorio 1–3".into())
    );
    let codebook = workbook.worksheet_range("Codebook").unwrap();
    assert!(codebook.rows().any(
        |r| r[0] == Data::String("ps_count".into()) && r[3].to_string().contains("n1_3 = 1–3")
    ));
}

/// PSPP runs the syntax file, and its frequencies agree with the report.
/// Needs GNU PSPP (Debian package `pspp`, which CI installs); without it
/// the test says so and passes, unless CAMPO_REQUIRE_PSPP=1.
#[test]
#[cfg_attr(no_pspp, ignore = "GNU PSPP is not installed (apt-get install pspp)")]
fn pspp_reads_the_spss_syntax_and_agrees_with_the_report() {
    if !pspp_is_here() {
        return;
    }
    let data = fixture();
    let out = exported(data.path(), &["--lang", "en", "export", "--format", "spss"]);
    let items = [
        "ps_active",
        "ps_years",
        "ps_count",
        "ps_services__cmhc",
        "ps_difficulties__resources",
    ];
    let syntax = std::fs::read_to_string(out.path().join("responses.sps")).unwrap();
    let run = format!(
        "{syntax}\nFREQUENCIES VARIABLES={} /STATISTICS=NONE.\n",
        items.join(" ")
    );
    std::fs::write(out.path().join("run.sps"), run).unwrap();
    let pspp = Command::new("pspp")
        .current_dir(out.path())
        .args(["run.sps", "-O", "format=csv", "-o", "frequencies.csv"])
        .output()
        .unwrap();
    assert!(
        pspp.status.success(),
        "{}",
        String::from_utf8_lossy(&pspp.stdout)
    );
    let frequencies = std::fs::read_to_string(out.path().join("frequencies.csv")).unwrap();
    assert!(
        !frequencies.contains("Error") && !frequencies.contains("Warning"),
        "{frequencies}"
    );
    // Each table: "Table: <variable label>", then "Valid,<value label>,n,…,valid %,…".
    let tables: Vec<&str> = frequencies.split("Table: ").skip(1).collect();
    let table_of = |label: &str| {
        tables
            .iter()
            .find(|t| t.starts_with(label))
            .unwrap_or_else(|| panic!("{label}: {frequencies}"))
    };
    let row_of = |table: &str, value: &str| -> (usize, String) {
        let line = table
            .lines()
            .find(|l| l.split(',').nth(1) == Some(value))
            .unwrap_or_else(|| panic!("{value} in {table}"));
        let cells: Vec<&str> = line.split(',').collect();
        (
            cells[2].parse().unwrap(),
            cells[4].trim_end_matches('%').to_string(),
        )
    };
    let report = report_csv(&stdout(&campo(data.path(), &["report", "--format", "csv"])));
    let check = |label: &str, value: &str, item: &str, code: &str| {
        let (n, pct) = row_of(table_of(label), value);
        let (expected_n, expected_pct, _) = &report[&(item.to_string(), code.to_string())];
        assert_eq!(
            (n, pct.as_str()),
            (*expected_n, expected_pct.as_str()),
            "{item}={code}"
        );
    };
    check(
        "Does your MHD implement peer support initiatives?",
        "Yes",
        "ps_active",
        "yes",
    );
    check(
        "Does your MHD implement peer support initiatives?",
        "Do not know",
        "ps_active",
        "dk",
    );
    check(
        "How long have these initiatives been active?",
        "1–3 years",
        "ps_years",
        "y1_3",
    );
    check(
        "How many peer support workers are active in your MHD?",
        "4–6",
        "ps_count",
        "n4_6",
    );
    check(
        "In which MHD services are PSWs employed?: Community Mental Health Centres",
        "Chosen",
        "ps_services",
        "cmhc",
    );
    let resources = table_of("What difficulties has your MHD met");
    assert_eq!(row_of(resources, "Chosen").0, 4);
}

/// Three responses whose texts hold what broke the SPSS import: line
/// breaks, quotes, commas, semicolons, accents, and the longest text the
/// form allows.
fn hard_texts() -> (tempfile::TempDir, Vec<(String, String, String)>) {
    let dir = tempfile::tempdir().unwrap();
    let responses = dir.path().join("responses");
    std::fs::create_dir_all(&responses).unwrap();
    let longest: String = "Riga, \"lunga\"; perché\n"
        .repeat(200)
        .chars()
        .take(2000)
        .collect();
    let texts = [
        "Una riga sola".to_string(),
        "Line one\nline two, with \"quotes\"; and à, è, ì\nline three".to_string(),
        longest,
    ];
    let names = [
        "DSM 1",
        "=HYPERLINK(\"http://evil.example\",\"x\")",
        "DSM, \"3\"",
    ];
    let mut expected = Vec::new();
    let regions = ["veneto", "sicilia", "lazio"];
    for (n, (text, name)) in texts.iter().zip(names).enumerate() {
        let region = regions[n];
        write(
            &responses,
            n,
            "complete",
            1,
            json!({
                "dept_region": region, "dept_name": name, "ps_active": "no",
                "ps_difficulties": ["recognition"], "cp_planning_role": "none", "cp_tools": "no",
                "cp_active": "no", "rec_strategies": "no", "promising_practices": text
            }),
        );
        expected.push((
            format!("00000000-0000-4000-8000-{n:012}"),
            name.to_string(),
            text.clone(),
        ));
    }
    (dir, expected)
}

fn run_pspp(dir: &Path, syntax: &str) -> String {
    std::fs::write(dir.join("run.sps"), syntax).unwrap();
    let pspp = Command::new("pspp")
        .current_dir(dir)
        .args(["run.sps", "-O", "format=csv", "-o", "output.csv"])
        .output()
        .unwrap();
    let output = std::fs::read_to_string(dir.join("output.csv")).unwrap_or_default();
    assert!(pspp.status.success(), "{output}");
    assert!(
        !output.contains("Error") && !output.contains("Warning"),
        "{output}"
    );
    output
}

#[test]
#[cfg_attr(no_pspp, ignore = "GNU PSPP is not installed (apt-get install pspp)")]
fn pspp_reads_one_case_per_response_with_every_text_intact() {
    if !pspp_is_here() {
        return;
    }
    let (data, expected) = hard_texts();
    let out = exported(data.path(), &["--lang", "it", "export", "--format", "spss"]);
    let syntax = std::fs::read_to_string(out.path().join("responses.sps")).unwrap();
    run_pspp(
        out.path(),
        &format!(
            "{syntax}\nSAVE TRANSLATE /OUTFILE='back.csv' /TYPE=CSV /REPLACE /FIELDNAMES /CELLS=VALUES.\n"
        ),
    );
    let mut back = csv::Reader::from_path(out.path().join("back.csv")).unwrap();
    let header = back.headers().unwrap().clone();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let cases: Vec<csv::StringRecord> = back.records().map(Result::unwrap).collect();
    assert_eq!(cases.len(), 3, "one case per response");
    for (case, (id, name, text)) in cases.iter().zip(&expected) {
        assert_eq!(case[column("id")].trim_end(), id);
        assert_eq!(case[column("dept_name")].trim_end(), name);
        assert_eq!(
            case[column("promising_practices")].trim_end(),
            text.trim_end()
        );
    }
    // Macro-areas by their place in the form: North-East 2, Islands 5,
    // Centre 3.
    let areas: Vec<&str> = cases.iter().map(|c| &c[column("macro_area")]).collect();
    assert_eq!(areas, ["2", "5", "3"]);
}

#[test]
#[cfg_attr(no_pspp, ignore = "GNU PSPP is not installed (apt-get install pspp)")]
fn pspp_sorts_categories_in_the_form_order_and_knows_the_ordinal_scales() {
    if !pspp_is_here() {
        return;
    }
    let data = fixture();
    let out = exported(data.path(), &["--lang", "it", "export", "--format", "spss"]);
    let syntax = std::fs::read_to_string(out.path().join("responses.sps")).unwrap();
    let output = run_pspp(
        out.path(),
        &format!(
            "{syntax}\nFREQUENCIES VARIABLES=ps_active ps_years /STATISTICS=NONE.\nDISPLAY DICTIONARY /VARIABLES=ps_active ps_years.\n"
        ),
    );
    let position = |text: &str| {
        output
            .find(text)
            .unwrap_or_else(|| panic!("{text}: {output}"))
    };
    assert!(position(",Sì,") < position(",No,") && position(",No,") < position(",Non so,"));
    assert!(position("Da meno di un anno") < position("Da più di 6 anni"));
    let dictionary = &output[output.rfind("Variables").unwrap()..];
    let line_of = |name: &str| {
        dictionary
            .lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("{name}: {dictionary}"))
            .to_string()
    };
    assert!(line_of("ps_years").contains("Ordinal"), "{dictionary}");
    assert!(line_of("ps_active").contains("Nominal"), "{dictionary}");
}

#[test]
fn the_spreadsheet_csv_runs_no_formula_and_keeps_accents() {
    let (data, _) = hard_texts();
    let out = exported(data.path(), &["--lang", "it", "export", "--format", "csv"]);
    let bytes = std::fs::read(out.path().join("responses-spreadsheet.csv")).unwrap();
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "a byte-order mark"
    );
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let column = header.iter().position(|h| h == "dept_name").unwrap();
    let names: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[column].to_string())
        .collect();
    // A formula that only gives back the text, as a string: nothing runs.
    assert_eq!(
        names[1],
        "=\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\""
    );
    assert!(text.contains("à, è, ì"));
    // The raw file stays raw, for statistics packages.
    let raw = std::fs::read_to_string(out.path().join("responses.csv")).unwrap();
    assert!(raw.contains("\"=HYPERLINK("), "{raw}");
}

#[test]
fn a_draft_text_longer_than_a_spreadsheet_cell_does_not_stop_the_export() {
    let dir = tempfile::tempdir().unwrap();
    let responses = dir.path().join("responses");
    std::fs::create_dir_all(&responses).unwrap();
    let huge = "x".repeat(40_000);
    write(&responses, 0, "draft", 1, json!({"dept_name": huge}));
    let out = tempfile::tempdir().unwrap();
    let output = campo(
        dir.path(),
        &[
            "--lang",
            "en",
            "export",
            "--status",
            "all",
            "--out",
            out.path().to_str().unwrap(),
        ],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("cut in responses.xlsx"));
    let raw = std::fs::read_to_string(out.path().join("responses.csv")).unwrap();
    assert!(raw.contains(&huge), "whole in the CSV");
    use calamine::{Reader, Xlsx, open_workbook};
    let workbook: Xlsx<_> = open_workbook(out.path().join("responses.xlsx")).unwrap();
    assert_eq!(workbook.sheet_names(), ["Data", "Labels", "Codebook"]);
}

#[test]
fn sheet_names_and_codebook_headings_do_not_change_with_the_language() {
    use calamine::{Reader, Xlsx, open_workbook};
    let data = fixture();
    let out = exported(data.path(), &["--lang", "it", "export", "--format", "xlsx"]);
    let mut workbook: Xlsx<_> = open_workbook(out.path().join("responses.xlsx")).unwrap();
    assert_eq!(workbook.sheet_names(), ["Data", "Labels", "Codebook"]);
    let codebook = workbook.worksheet_range("Codebook").unwrap();
    let head: Vec<String> = codebook
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(
        head,
        ["variable", "question", "type", "codes", "asked_when"]
    );
}

#[test]
fn the_table_gives_long_labels_whole() {
    let data = fixture();
    let output = campo(data.path(), &["--lang", "it", "report"]);
    let table = stdout(&output);
    let flat: String = table.split_whitespace().collect::<Vec<_>>().join(" ");
    for label in [
        "Resistenze culturali e pregiudizi da parte degli operatori sanitari",
        "Assenza di una formazione specifica per ESP adeguata alle esigenze del DSM",
    ] {
        assert!(flat.contains(label), "{label:?} is cut in:\n{table}");
    }
}
