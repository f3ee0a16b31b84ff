//! Forms beyond the bundled questionnaire: the Bologna abstract form (a
//! second bundled form, chosen by name) filled in by keys and line by line,
//! and a form with numbers, dates, exclusive options and soft checks
//! (tests/fixtures/typed-form) from its folder.

mod support;

use std::path::Path;
use std::process::Command;

use support::*;

fn campo(data: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_campo"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .output()
        .unwrap()
}

/// A new response of `form` in plain mode, fed `lines`; what it printed.
fn plain_mode(data: &Path, form: &str, lang: &str, lines: &[&str]) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_campo"))
        .arg("--data-dir")
        .arg(data)
        .args(["--lang", lang, "--form", form, "--plain", "new"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        writeln!(stdin, "{}", lines.join("\n")).unwrap();
    }
    String::from_utf8(child.wait_with_output().unwrap().stdout).unwrap()
}

/// The abstract form in Italian, by keys in a pseudo-terminal: a phone
/// number and an e-mail address refused until they are right, the words of
/// the abstract counted as they are typed, marked complete; then exported.
#[test]
fn the_abstract_form_by_keys_in_italian_then_exported() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let mut tty = Tty::spawn(data, &["--lang", "it", "--form", "abstract-bologna", "new"]);
    tty.wait_for("Domanda 1 di 10");
    tty.wait_for("Nome");
    tty.keys("Guzzetta F., Cattani A., Kaczor I.", "Kaczor I.");
    tty.keys(ENTER, "Paese");
    tty.keys("Italia", "Italia");
    tty.keys(ENTER, "Organizzazione (Università/Azienda/ONG)");
    tty.keys("DSM-DP, AUSL Bologna", "AUSL Bologna");
    tty.keys(ENTER, "Indirizzo");
    tty.keys("viale C. Pepoli 5", "Pepoli 5");
    tty.keys(ENTER, "Telefono");
    tty.keys("348 tel", "348 tel");
    tty.keys(ENTER, "Scriva un numero di telefono");
    for _ in 0..3 {
        tty.send(BACKSPACE);
    }
    tty.keys("8935528", "348 8935528");
    tty.keys(ENTER, "Fax");
    // Optional: Enter on an empty field moves on.
    tty.keys(ENTER, "E-mail");
    tty.keys("f.guzzetta@ausl", "f.guzzetta@ausl");
    tty.keys(ENTER, "Scriva un indirizzo e-mail");
    tty.keys(".bologna.it", "f.guzzetta@ausl.bologna.it");
    tty.keys(ENTER, "Titolo del contributo");
    tty.keys("Peer-support nei CSM di Bologna", "nei CSM di Bologna");
    tty.keys(ENTER, "Obiettivi");
    tty.keys("Coordinare le attività", "Coordinare le attività");
    tty.keys(TAB, "Contenuto-testo (max. 400 parole)");
    tty.wait_for("0/400 parole");
    // "dell'ASL" is one word.
    tty.keys(
        "Premesse: il programma dell'ASL di Bologna.",
        "6/400 parole",
    );
    tty.keys(TAB, "Riepilogo · Bozza · risposte: 9 su 10");
    tty.keys("c", "Completato");
    tty.send(CTRL_C);
    assert!(tty.wait_exit().success());

    let done = only_response(data);
    assert_eq!(done["status"], "complete");
    assert_eq!(done["form"]["id"], "abstract-bologna");
    assert_eq!(done["answers"]["phone"], "348 8935528");
    assert_eq!(done["answers"]["email"], "f.guzzetta@ausl.bologna.it");
    assert_eq!(
        done["answers"]["contents"],
        "Premesse: il programma dell'ASL di Bologna."
    );
    assert!(done["answers"].get("fax").is_none());

    let out = dir.path().join("out");
    let export = campo(
        data,
        &[
            "--form",
            "abstract-bologna",
            "--lang",
            "it",
            "export",
            "--format",
            "all",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(export.status.success(), "{export:?}");
    let csv = std::fs::read_to_string(out.join("responses.csv")).unwrap();
    let header = csv.lines().next().unwrap();
    assert_eq!(
        header,
        "id,status,created,updated,lang,authors,country,affiliation,address,phone,fax,email,title,objectives,contents"
    );
    assert!(
        csv.contains("\"Guzzetta F., Cattani A., Kaczor I.\",Italia"),
        "{csv}"
    );
    assert!(out.join("responses.xlsx").exists() && out.join("responses.sps").exists());
}

/// The same form in English, line by line: what is wrong is said, and a
/// good answer moves on.
#[test]
fn the_abstract_form_line_by_line_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let lines = [
        "Guzzetta F., Cattani A.",
        "Italy",
        "DSM-DP, AUSL Bologna",
        "viale C. Pepoli 5",
        "not a phone",
        "+39 348 893 5528",
        "",
        "f.guzzetta",
        "f.guzzetta@ausl.bologna.it",
        "Peer-support in Community Mental Health Centres",
        "To coordinate and formalise peer support",
        "Background: collaborations grew in Bologna's CMHCs.",
        ":complete",
        ":quit",
    ];
    let text = plain_mode(data, "abstract-bologna", "en", &lines);
    for expected in [
        "[5/10] Phone-mobile",
        "! Type a phone number",
        "! Type an e-mail address",
        "Type the answer on one line (a new line cannot be started here): at most 400 words.",
        "Abstract marked complete. Thank you!",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    let done = only_response(data);
    assert_eq!(done["status"], "complete");
    assert_eq!(done["answers"]["phone"], "+39 348 893 5528");
    assert_eq!(done["lang"], "en");
}

/// In English, by keys: the same form, labels and checks in English.
#[test]
fn the_abstract_form_by_keys_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let mut tty = Tty::spawn(data, &["--lang", "en", "--form", "abstract-bologna", "new"]);
    tty.wait_for("Question 1 of 10");
    for (answer, next) in [
        ("Guzzetta F., Cattani A.", "Country"),
        ("Italy", "Affiliation (University/Agency/NGO)"),
        ("DSM-DP, AUSL Bologna", "Address"),
        ("viale C. Pepoli 5", "Phone-mobile"),
        ("+39 348 893 5528", "Fax"),
        ("", "E-mail"),
        ("f.guzzetta@ausl.bologna.it", "Title of the contribution"),
    ] {
        tty.keys(answer, answer);
        tty.keys(ENTER, next);
    }
    tty.keys(
        "Peer-support in Community Mental Health Centres",
        "Health Centres",
    );
    tty.keys(ENTER, "Objectives");
    tty.keys("To coordinate peer support", "To coordinate peer support");
    tty.keys(TAB, "Contents-text (max. 400 words)");
    tty.keys("Background: the CMHCs' peer supporters.", "5/400 words");
    tty.keys(TAB, "Review · Draft · 9 of 10 answered");
    tty.keys("c", "Abstract marked complete");
    tty.send(CTRL_C);
    assert!(tty.wait_exit().success());
    let done = only_response(data);
    assert_eq!(done["status"], "complete");
    assert_eq!(done["lang"], "en");
    assert_eq!(done["answers"]["phone"], "+39 348 893 5528");
    // Without --form, campo says how to open it.
    let id = done["id"].as_str().unwrap();
    let show = campo(data, &["--lang", "it", "show", &id[..8]]);
    let text = String::from_utf8_lossy(&show.stdout);
    assert!(
        text.contains("incluso in campo: lo apra con campo --form abstract-bologna"),
        "{text}"
    );
}

/// Line by line in Italian: the hints and the refusals in Italian.
#[test]
fn the_abstract_form_line_by_line_in_italian() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let lines = [
        "Guzzetta F.",
        "Italia",
        "DSM-DP, AUSL Bologna",
        "viale C. Pepoli 5",
        "3488935528",
        "",
        "f.guzzetta@ausl.bologna.it",
        "Il peer support nei CSM",
        "Coordinare le attività",
        "Premesse: il programma dell'ASL.",
        ":complete",
        ":quit",
    ];
    let text = plain_mode(data, "abstract-bologna", "it", &lines);
    for expected in [
        "[5/10] Telefono",
        "Scriva la risposta su una riga (qui non si può andare a capo): al massimo 400 parole.",
        // m13: the help under its question, as in the interface.
        "cognome e iniziali",
        "Scheda completata. Grazie!",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    assert_eq!(only_response(data)["status"], "complete");
}

/// The typed form line by line in Italian: a warning taken with a reason
/// on the next line, a point refused where a comma belongs, a day that
/// does not exist, an exclusive option typed last.
#[test]
fn numbers_dates_and_a_soft_check_line_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let lines = [
        "60",
        "-",
        // An empty line keeps the answer, and the warning asks again.
        "",
        "Due servizi uniti",
        "3.5",
        "3,5",
        "29/02/2023",
        "29/02/2024",
        "1, 3",
        "",
        ":complete",
        ":quit",
    ];
    let text = plain_mode(data, TYPED_FORM, "it", &lines);
    for expected in [
        "Scriva un numero intero (persone).",
        "! Più di 50 esperti in supporto tra pari in un solo servizio è un numero insolito.",
        "Nessun motivo indicato",
        "Motivo registrato.",
        "! Scriva un numero, con la virgola per i decimali",
        "! Scriva la data come gg/mm/aaaa",
        "Registrato: Nessuna di queste",
        "Questionario completato",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    let done = only_response(data);
    assert_eq!(done["answers"]["hours"], serde_json::json!(3.5));
    assert_eq!(done["answers"]["started"], "2024-02-29");
    assert_eq!(done["answers"]["kinds"], serde_json::json!(["none"]));
    assert_eq!(done["reasons"]["staff"], "Due servizi uniti");
}

#[test]
fn the_bundled_survey_stays_the_default_and_an_unknown_form_name_is_said() {
    let dir = tempfile::tempdir().unwrap();
    let help = campo(dir.path(), &["--lang", "en", "--plain", "new"]);
    let text = String::from_utf8_lossy(&help.stdout);
    assert!(text.contains("In which region"), "{text}");
    let unknown = campo(
        dir.path(),
        &["--lang", "it", "--form", "abstract-milano", "list"],
    );
    assert!(!unknown.status.success());
    let said = String::from_utf8_lossy(&unknown.stderr);
    assert!(said.contains("abstract-milano"), "{said}");
}

const TYPED_FORM: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/typed-form");

/// Numbers with a decimal comma, a leap day, an exclusive option ticked
/// last and a soft check confirmed with a reason, by keys in Italian; then
/// what `show`, `report` and the exports make of them.
#[test]
fn numbers_dates_an_exclusive_option_and_a_soft_check_by_keys() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let mut tty = Tty::spawn(data, &["--lang", "it", "--form", TYPED_FORM, "new"]);
    tty.wait_for("Quanti esperti in supporto tra pari");
    tty.keys("60", "persone");
    tty.keys(ENTER, "Più di 50 esperti");
    tty.wait_for("Perché la risposta è corretta");
    tty.keys("Due servizi uniti", "Due servizi uniti");
    tty.keys(ENTER, "Quante ore a settimana");
    // The other language's separator is refused, not guessed.
    tty.keys("3.5", "3.5");
    tty.keys(ENTER, "con la virgola per i decimali");
    tty.send(BACKSPACE);
    tty.send(BACKSPACE);
    tty.keys(",5", "3,5");
    tty.keys(ENTER, "Quando è stato avviato il servizio?");
    tty.keys("29/02/2023", "29/02/2023");
    tty.keys(ENTER, "Scriva la data come gg/mm/aaaa");
    tty.send(BACKSPACE);
    tty.keys("4", "29/02/2024");
    tty.keys(ENTER, "Quali attività svolgono?");
    tty.keys("1", "1 [x] Gruppi");
    tty.keys("2", "2 [x] Visite domiciliari");
    // "None of these", ticked last, clears the others.
    tty.keys("3", "3 [x] Nessuna di queste");
    tty.wait_for("1 [ ] Gruppi");
    tty.wait_for("2 [ ] Visite domiciliari");
    tty.keys(ENTER, "E-mail di contatto");
    tty.keys(TAB, "Riepilogo · Bozza · risposte: 4 su 5");
    tty.wait_for("Motivo indicato: Due servizi uniti");
    tty.keys("c", "Completato");
    tty.send(CTRL_C);
    assert!(tty.wait_exit().success());

    let done = only_response(data);
    assert_eq!(done["status"], "complete");
    assert_eq!(done["answers"]["staff"], serde_json::json!(60));
    assert_eq!(done["answers"]["hours"], serde_json::json!(3.5));
    assert_eq!(done["answers"]["started"], "2024-02-29");
    assert_eq!(done["answers"]["kinds"], serde_json::json!(["none"]));
    assert_eq!(done["reasons"]["staff"], "Due servizi uniti");

    let form = ["--form", TYPED_FORM];
    let id = done["id"].as_str().unwrap();
    let show = campo(
        data,
        &[&form[..], &["--lang", "it", "show", &id[..8]]].concat(),
    );
    let text = String::from_utf8(show.stdout).unwrap();
    for expected in [
        "60 persone",
        "Motivo indicato: Due servizi uniti",
        "3,5 ore",
        "29/02/2024",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    let report = campo(data, &[&form[..], &["--lang", "it", "report"]].concat());
    let text = String::from_utf8(report.stdout).unwrap();
    for expected in [
        "n = 1 · media 60 · mediana 60 · min 60 · max 60",
        "n = 1 · media 3,5",
        "n = 1 · dal 29/02/2024 al 29/02/2024",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    exports_hold_numbers_and_dates(data);
}

/// CSV with numbers as numbers, XLSX with number and date cells, and SPSS
/// syntax that PSPP reads into numeric and date variables.
fn exports_hold_numbers_and_dates(data: &Path) {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let out = data.join("out");
    let args = [
        "--form", TYPED_FORM, "--lang", "it", "export", "--format", "all", "--out",
    ];
    let export = campo(data, &[&args[..], &[out.to_str().unwrap()]].concat());
    assert!(export.status.success(), "{export:?}");
    let csv = std::fs::read_to_string(out.join("responses.csv")).unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "id,status,created,updated,lang,staff,staff__reason,hours,started,kinds__groups,kinds__visits,kinds__none,contact"
    );
    assert!(
        lines
            .next()
            .unwrap()
            .ends_with(",60,Due servizi uniti,3.5,2024-02-29,0,0,1,"),
        "{csv}"
    );
    let codebook = std::fs::read_to_string(out.join("codebook.csv")).unwrap();
    for row in [
        "staff,Quanti esperti in supporto tra pari lavorano nel servizio?,number,min 0; max 500; persone,",
        "staff__reason,Motivo indicato per confermare la risposta: Quanti esperti in supporto tra pari lavorano nel servizio?,reason,,",
        "started,Quando è stato avviato il servizio?,date,yyyy-mm-dd; min 2000-01-01; nel file XLSX una data anteriore al 1900 (che un foglio di calcolo non può contenere) è scritta come testo,",
    ] {
        assert!(codebook.contains(row), "missing {row:?} in:\n{codebook}");
    }
    let spreadsheet = std::fs::read_to_string(out.join("responses-spreadsheet.csv")).unwrap();
    assert!(
        spreadsheet.contains(";60;Due servizi uniti;3,5;2024-02-29;"),
        "{spreadsheet}"
    );

    let mut book: Xlsx<_> = open_workbook(out.join("responses.xlsx")).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    let header: Vec<String> = sheet
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let cell = |name: &str| {
        let column = header.iter().position(|h| h == name).unwrap();
        sheet.get((1, column)).unwrap().clone()
    };
    assert_eq!(cell("staff"), Data::Float(60.0));
    assert_eq!(cell("hours"), Data::Float(3.5));
    match cell("started") {
        Data::DateTime(date) => {
            // Excel counts days from 1899-12-30.
            let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let serial = (day(2024, 2, 29) - day(1899, 12, 30)).num_days() as f64;
            assert!(date.is_datetime());
            assert_eq!(date.as_f64(), serial);
        }
        other => panic!("started is not a date cell: {other:?}"),
    }

    libreoffice_reads_numbers_and_dates(&out);
    if !pspp_is_here() {
        return;
    }
    let syntax = std::fs::read_to_string(out.join("responses.sps")).unwrap();
    let run = format!(
        "{syntax}\nCOMPUTE year = XDATE.YEAR(started).\nCOMPUTE total = staff * hours.\nLIST VARIABLES=year total staff__reason.\n"
    );
    std::fs::write(out.join("run.sps"), run).unwrap();
    let pspp = Command::new("pspp")
        .current_dir(&out)
        .args(["run.sps", "-O", "format=csv", "-o", "list.csv"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&pspp.stdout);
    assert!(pspp.status.success() && !said.contains("error"), "{said}");
    let listed = std::fs::read_to_string(out.join("list.csv")).unwrap();
    assert!(
        listed.contains("2024")
            && listed.contains("210.00")
            && listed.contains("Due servizi uniti"),
        "{listed}"
    );
}

/// N59: a draft may hold a date before 1900, which no spreadsheet holds;
/// the export of every response still writes every file, that date as
/// its text in the XLSX.
#[test]
fn a_date_before_1900_goes_into_the_xlsx_as_text_and_stops_nothing() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let dir = tempfile::tempdir().unwrap();
    let responses = dir.path().join("responses");
    std::fs::create_dir_all(&responses).unwrap();
    for (n, started) in ["1850-01-01", "0001-01-01", "2001-05-06"]
        .iter()
        .enumerate()
    {
        let id = format!("0a1b2c3d-0000-4000-8000-00000000000{n}");
        std::fs::write(
            responses.join(format!("{id}.json")),
            format!(
                r#"{{"id": "{id}", "form": {{"id": "typed-form", "version": 1}}, "status": "draft",
                   "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z", "lang": "it",
                   "answers": {{"started": "{started}"}}}}"#
            ),
        )
        .unwrap();
    }
    let out = dir.path().join("out");
    let export = campo(
        dir.path(),
        &[
            "--form",
            TYPED_FORM,
            "--lang",
            "it",
            "export",
            "--status",
            "all",
            "--format",
            "all",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(export.status.success(), "{export:?}");
    let mut book: Xlsx<_> = open_workbook(out.join("responses.xlsx")).unwrap();
    let sheet = book.worksheet_range_at(0).unwrap().unwrap();
    let rows: Vec<_> = sheet.rows().collect();
    let column = rows[0]
        .iter()
        .position(|c| *c == Data::String("started".into()))
        .unwrap();
    let cells: Vec<&Data> = rows[1..].iter().map(|row| &row[column]).collect();
    assert_eq!(cells[0], &Data::String("1850-01-01".into()));
    assert_eq!(cells[1], &Data::String("0001-01-01".into()));
    assert!(matches!(cells[2], Data::DateTime(_)), "{:?}", cells[2]);
    assert!(out.join("responses.csv").exists() && out.join("responses.sps").exists());
}

/// A file edited by hand so that "None of these" is ticked with another
/// answer: `doctor` names it, in the user's language, with the file.
#[test]
fn doctor_refuses_an_exclusive_option_stored_with_others() {
    let dir = tempfile::tempdir().unwrap();
    let responses = dir.path().join("responses");
    std::fs::create_dir_all(&responses).unwrap();
    let id = "0a1b2c3d-0000-4000-8000-000000000009";
    std::fs::write(
        responses.join(format!("{id}.json")),
        format!(
            r#"{{"id": "{id}", "form": {{"id": "typed-form", "version": 1}}, "status": "draft",
               "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z", "lang": "it",
               "answers": {{"kinds": ["groups", "none"], "hours": 3.5}}}}"#
        ),
    )
    .unwrap();
    let doctor = campo(
        dir.path(),
        &["--form", TYPED_FORM, "--lang", "it", "doctor"],
    );
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&doctor.stdout),
        String::from_utf8_lossy(&doctor.stderr)
    );
    assert!(!doctor.status.success(), "{said}");
    assert!(
        said.contains("\"kinds\": «none» non si può scegliere insieme ad altre risposte"),
        "{said}"
    );
    assert!(said.contains(id), "{said}");
}

/// A real `campo serve` running the typed form on loopback: a response
/// with a number, a date and a confirmed warning is stored as sent; one
/// with an exclusive option ticked with another is refused, said, and kept.
#[test]
fn the_server_stores_numbers_and_reasons_and_refuses_a_broken_exclusive_option() {
    use support::backend::{Backend, Db};
    use support::server::{Server, add_token, campo as campo_command};
    let db = Db::fresh(Backend::Sqlite).expect("SQLite is always there");
    let token = add_token(&db, "bologna");
    let mut server = Server::start_with(&db, "127.0.0.1:0", &["--form", TYPED_FORM]);
    let office = tempfile::tempdir().unwrap();
    let responses = office.path().join("responses");
    std::fs::create_dir_all(&responses).unwrap();
    let write = |n: u32, kinds: &str| {
        let id = format!("0a1b2c3d-0000-4000-8000-00000000000{n}");
        let document = format!(
            r#"{{"id": "{id}", "form": {{"id": "typed-form", "version": 1}}, "status": "complete",
               "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z", "lang": "it",
               "answers": {{"staff": 60, "hours": 3.5, "started": "2024-02-29", "kinds": {kinds}}},
               "reasons": {{"staff": "Due servizi uniti"}}}}"#
        );
        std::fs::write(responses.join(format!("{id}.json")), document).unwrap();
        id
    };
    let good = write(1, r#"["none"]"#);
    let broken = write(2, r#"["groups", "none"]"#);
    let data = office.path().to_str().unwrap();
    let sync = campo_command(&[
        "--data-dir",
        data,
        "--form",
        TYPED_FORM,
        "--lang",
        "en",
        "sync",
        "--server",
        &server.url,
        "--token",
        &token,
    ])
    .env("CAMPO_CONFIG", office.path().join("no-config.toml"))
    .output()
    .unwrap();
    let said =
        String::from_utf8_lossy(&sync.stdout).to_string() + &String::from_utf8_lossy(&sync.stderr);
    assert!(
        said.contains("Sent: 1 · already there: 0 · refused: 1"),
        "{said}"
    );
    assert!(
        said.contains(&broken[..8]) && said.contains("\"none\" cannot be chosen together"),
        "{said}"
    );
    assert!(
        responses.join(format!("{broken}.json")).exists(),
        "a refused response is kept"
    );

    let out = tempfile::tempdir().unwrap();
    let dump = campo_command(&[
        "serve",
        "--db",
        &db,
        "dump",
        "--out",
        out.path().to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert!(dump.status.success());
    let stored: serde_json::Value = serde_json::from_slice(
        &std::fs::read(out.path().join("responses").join(format!("{good}.json"))).unwrap(),
    )
    .unwrap();
    assert_eq!(stored["answers"]["staff"], serde_json::json!(60));
    assert_eq!(stored["answers"]["hours"], serde_json::json!(3.5));
    assert_eq!(stored["reasons"]["staff"], "Due servizi uniti");
    server.stop();
}

/// LibreOffice (headless) opens the workbook, and the Italian spreadsheet
/// CSV as an Italian user's LibreOffice would (`;`, UTF-8, locale it-IT),
/// with numbers as numbers and dates as dates: its flat XML says each
/// cell's type.
fn libreoffice_reads_numbers_and_dates(out: &Path) {
    if !libreoffice_is_here() {
        return;
    }
    let profile = tempfile::tempdir().unwrap();
    let converted = out.join("libreoffice");
    for (file, filter) in [
        ("responses.xlsx", None),
        ("responses-spreadsheet.csv", Some("CSV:59,34,76,1,,1040")),
    ] {
        let mut soffice = Command::new("soffice");
        soffice
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.path().display()
            ))
            .arg("--headless");
        if let Some(filter) = filter {
            soffice.arg(format!("--infilter={filter}"));
        }
        let run = soffice
            .args(["--convert-to", "fods", "--outdir"])
            .arg(&converted)
            .arg(out.join(file))
            .output()
            .unwrap();
        assert!(run.status.success(), "{run:?}");
        let stem = file.rsplit_once('.').unwrap().0;
        let flat = std::fs::read_to_string(converted.join(format!("{stem}.fods"))).unwrap();
        for cell in [
            r#"office:value-type="float" office:value="60""#,
            r#"office:value-type="float" office:value="3.5""#,
            r#"office:value-type="date" office:date-value="2024-02-29""#,
        ] {
            assert!(flat.contains(cell), "{file}: no {cell}");
        }
    }
}

/// M2: in `responses-spreadsheet.csv`, opened as an Italian and as an
/// English LibreOffice opens a CSV (numbers and dates detected), each text
/// shows exactly as it was typed: the phone keeps its leading zero, a date
/// typed as text stays text, and no apostrophe shows before `+39` or a
/// formula.
#[test]
fn the_spreadsheet_csv_shows_every_text_as_typed_in_libreoffice() {
    if !libreoffice_is_here() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let typed = [
        "Verdi G.",
        "Italia",
        "=SOMMA(1;2)",
        "via Roma 1",
        "0516584000",
        "+39 051 658 4001",
        "verdi@example.it",
        "31/03/2025",
        "1-3",
        "12:30",
    ];
    let mut lines = typed.to_vec();
    lines.extend([":complete", ":quit"]);
    plain_mode(&data, "abstract-bologna", "it", &lines);
    let profile = tempfile::tempdir().unwrap();
    for (lang, filter) in [
        ("it", "CSV:59,34,76,1,,1040,false,true"),
        ("en", "CSV:44,34,76,1,,1033,false,true"),
    ] {
        let out = dir.path().join(format!("export-{lang}"));
        let export = campo(
            &data,
            &[
                "--lang",
                lang,
                "--form",
                "abstract-bologna",
                "export",
                "--format",
                "csv",
                "--out",
                out.to_str().unwrap(),
            ],
        );
        assert!(export.status.success(), "{export:?}");
        let run = Command::new("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.path().display()
            ))
            .args(["--headless", &format!("--infilter={filter}")])
            .args(["--convert-to", "fods", "--outdir"])
            .arg(&out)
            .arg(out.join("responses-spreadsheet.csv"))
            .output()
            .unwrap();
        assert!(run.status.success(), "{run:?}");
        let flat = std::fs::read_to_string(out.join("responses-spreadsheet.fods")).unwrap();
        let shown = shown_cells(&flat);
        for text in typed {
            assert!(
                shown
                    .iter()
                    .any(|(kind, cell)| kind == "string" && cell == text),
                "{lang}: {text:?} is not shown as typed among {shown:?}"
            );
        }
        assert!(
            !shown.iter().any(|(_, cell)| cell.starts_with('\'')),
            "{lang}: a stray apostrophe in {shown:?}"
        );
    }
}

/// Each cell of a flat ODF sheet: its value type and the text it shows.
fn shown_cells(flat: &str) -> Vec<(String, String)> {
    flat.split("<table:table-cell")
        .skip(1)
        .filter_map(|cell| {
            let (attributes, rest) = cell.split_once('>')?;
            let kind = attributes
                .split("office:value-type=\"")
                .nth(1)?
                .split('"')
                .next()?
                .to_string();
            let shown = rest
                .split("</table:table-cell>")
                .next()?
                .split('<')
                .filter_map(|part| part.split_once('>').map(|(_, text)| text.trim()))
                .collect::<String>();
            let shown = shown
                .replace("&apos;", "'")
                .replace("&quot;", "\"")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
            Some((kind, shown))
        })
        .collect()
}
