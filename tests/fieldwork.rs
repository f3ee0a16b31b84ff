//! Running a survey, whole: the research team loads the list of
//! departments, gives each its access code, offices register with their
//! codes and send; one tries a second response, one another unit's, one
//! guesses codes; the survey closes; the response rates, the population
//! coverage and the catchment comparison come out as worked out by hand.
//! Then the reminders reach a real SMTP listener with the right codes.

mod support;
use support::backend::{Backend, Db};
use support::server::{Server, campo, complete_response};
use support::text;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

use serde_json::Value;

/// Twelve departments in three macro-areas; c4 has no territorial
/// catchment (a hospital-only organisation): it counts in the response
/// rate, not in the coverage.
const FRAME: &str = "\
unit,dept_name,dept_region,population,in_coverage,email
ne1,DSM Verona,veneto,100000,yes,dsm.verona@example.org
ne2,DSM Padova,veneto,200000,yes,dsm.padova@example.org
ne3,DSM Vicenza,veneto,300000,yes,dsm.vicenza@example.org
ne4,DSM Treviso,veneto,400000,yes,dsm.treviso@example.org
c1,DSM Firenze,toscana,150000,yes,dsm.firenze@example.org
c2,DSM Pisa,toscana,250000,yes,dsm.pisa@example.org
c3,DSM Siena,toscana,350000,yes,dsm.siena@example.org
c4,Ospedale psichiatrico di Lucca,toscana,,no,opl@example.org
s1,DSM Napoli 1,campania,120000,yes,dsm.napoli1@example.org
s2,DSM Napoli 2,campania,220000,yes,dsm.napoli2@example.org
s3,DSM Salerno,campania,320000,yes,dsm.salerno@example.org;direzione.salerno@example.org
s4,DSM Caserta,campania,420000,yes,dsm.caserta@example.org
";

/// The team's side: `campo serve --db DB …`.
fn admin(db: &str, args: &[&str]) -> Output {
    let mut all = vec!["serve", "--db", db];
    all.extend(args);
    campo(&all).output().unwrap()
}

fn admin_ok(db: &str, args: &[&str]) -> String {
    let output = admin(db, args);
    assert!(output.status.success(), "{args:?}: {}", text(&output));
    String::from_utf8(output.stdout).unwrap()
}

/// A survey with the frame loaded and every unit's code issued, in a
/// fresh database of `backend` (none when it is not installed here).
fn survey(backend: Backend) -> Option<(Db, BTreeMap<String, String>)> {
    let db = Db::fresh(backend)?;
    let dir = &db.dir;
    let frame = dir.path().join("frame.csv");
    std::fs::write(&frame, FRAME).unwrap();
    admin_ok(&db, &["frame", "import", frame.to_str().unwrap()]);
    let codes_file = dir.path().join("codes.csv");
    admin_ok(&db, &["codes", "--out", codes_file.to_str().unwrap()]);
    let codes = std::fs::read_to_string(&codes_file)
        .unwrap()
        .lines()
        .skip(1)
        .map(|l| {
            let (unit, code) = l.split_once(',').unwrap();
            (unit.to_string(), code.to_string())
        })
        .collect();
    Some((db, codes))
}

/// One office: its own config file and data folder.
struct Office {
    _dir: tempfile::TempDir,
    config: PathBuf,
    data: PathBuf,
}

impl Office {
    fn new() -> Office {
        let dir = tempfile::tempdir().unwrap();
        Office {
            config: dir.path().join("config.toml"),
            data: dir.path().join("data"),
            _dir: dir,
        }
    }

    fn campo(&self, args: &[&str]) -> Command {
        let mut command = campo(args);
        command
            .env("CAMPO_CONFIG", &self.config)
            .env("CAMPO_DATA_DIR", &self.data);
        command
    }

    fn register(&self, server: &str, code: &str) -> Output {
        self.campo(&["sync", "--setup", "--server", server, "--code", code])
            .output()
            .unwrap()
    }

    /// A response as campo makes it for the unit: the list's answers in,
    /// and marked as the list's.
    fn write_response(&self, id: &str, unit: &str, complete: bool, revision: u64) -> Value {
        let (name, region) = frame_row(unit);
        let mut response = complete_response(id, 0, revision);
        response["unit"] = unit.into();
        response["answers"]["dept_name"] = name.into();
        response["answers"]["dept_region"] = region.into();
        response["prefilled"] = serde_json::json!(["dept_name", "dept_region"]);
        if !complete {
            response["status"] = "draft".into();
        }
        let dir = self.data.join("responses");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join(format!("{id}.json")),
            serde_json::to_vec_pretty(&response).unwrap(),
        )
        .unwrap();
        response
    }

    fn sync(&self, extra: &[&str]) -> Output {
        let mut args = vec!["sync"];
        args.extend(extra);
        self.campo(&args).output().unwrap()
    }
}

fn frame_row(unit: &str) -> (String, String) {
    let line = FRAME
        .lines()
        .find(|l| l.starts_with(&format!("{unit},")))
        .unwrap();
    let cells: Vec<&str> = line.split(',').collect();
    (cells[1].to_string(), cells[2].to_string())
}

/// The characters access codes are made of.
const ALPHABET: &[char] = &[
    '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'M',
    'N', 'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z',
];

fn id_of(n: usize) -> String {
    format!("0f1e1d00-0000-4000-8000-{n:012x}")
}

/// The current stored document of every response, through `serve dump`.
fn stored(db: &str) -> Vec<Value> {
    let out = tempfile::tempdir().unwrap();
    admin_ok(db, &["dump", "--out", out.path().to_str().unwrap()]);
    support::responses(out.path())
}

fn a_survey_runs_from_the_frame_to_rates_and_coverage_worked_out_by_hand(backend: Backend) {
    let Some((db, codes)) = survey(backend) else {
        return;
    };
    let server = Server::start(&db);
    let url = server.url.clone();

    // Seven departments register and send; s2 only a draft, made in plain
    // mode, where the list's answers are shown and passed over.
    let mut offices = BTreeMap::new();
    for unit in ["ne1", "ne2", "ne3", "c1", "c4", "s1", "s2"] {
        let office = Office::new();
        let registered = office.register(&url, &codes[unit]);
        assert!(registered.status.success(), "{unit}: {}", text(&registered));
        assert!(
            text(&registered).contains(&format!("Registered for the unit \"{unit}\"")),
            "{}",
            text(&registered)
        );
        let config = std::fs::read_to_string(&office.config).unwrap();
        assert!(config.contains(&format!("unit = \"{unit}\"")), "{config}");
        offices.insert(unit, office);
    }
    for (n, unit) in ["ne1", "ne2", "ne3", "c1", "c4", "s1"].iter().enumerate() {
        offices[unit].write_response(&id_of(n), unit, true, 1);
        let sent = offices[unit].sync(&[]);
        assert!(sent.status.success(), "{unit}: {}", text(&sent));
    }
    let s2 = &offices["s2"];
    let mut plain = s2
        .campo(&["--plain", "new"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    // Enter past the two answers from the list, answer the next, leave.
    plain
        .stdin
        .take()
        .unwrap()
        .write_all(b"\n\n1\nq\n")
        .unwrap();
    let said = plain.wait_with_output().unwrap();
    assert!(said.status.success(), "{}", text(&said));
    assert_eq!(
        text(&said).matches("From the list of departments").count(),
        2,
        "{}",
        text(&said)
    );
    let draft = support::only_response(&s2.data);
    assert_eq!(draft["unit"], "s2");
    assert_eq!(draft["answers"]["dept_name"], "DSM Napoli 2");
    assert_eq!(draft["answers"]["dept_region"], "campania");
    assert_eq!(
        draft["prefilled"],
        serde_json::json!(["dept_name", "dept_region"])
    );
    let sent = s2.sync(&["--include-drafts"]);
    assert!(sent.status.success(), "{}", text(&sent));

    // ne1 tries a second response: refused, naming the first.
    offices["ne1"].write_response(&id_of(100), "ne1", true, 1);
    let second = offices["ne1"].sync(&[]);
    assert!(!second.status.success());
    assert!(
        text(&second).contains("already sent another questionnaire (0f1e1d00)"),
        "{}",
        text(&second)
    );
    std::fs::remove_file(
        offices["ne1"]
            .data
            .join(format!("responses/{}.json", id_of(100))),
    )
    .unwrap();

    // c1 tries to overwrite ne1's response, and to send one for ne2.
    let c1 = &offices["c1"];
    std::fs::remove_file(c1.data.join(format!("responses/{}.json", id_of(3)))).unwrap();
    c1.write_response(&id_of(0), "c1", true, 7);
    let over = c1.sync(&[]);
    assert!(!over.status.success());
    assert!(
        text(&over).contains("no such response for this office"),
        "{}",
        text(&over)
    );
    std::fs::remove_file(c1.data.join(format!("responses/{}.json", id_of(0)))).unwrap();
    c1.write_response(&id_of(101), "ne2", true, 1);
    let other_unit = c1.sync(&[]);
    assert!(
        text(&other_unit).contains("not registered for the unit \"ne2\""),
        "{}",
        text(&other_unit)
    );
    std::fs::remove_file(c1.data.join(format!("responses/{}.json", id_of(101)))).unwrap();
    let ne1 = stored(&db)
        .into_iter()
        .find(|r| r["id"] == id_of(0).as_str())
        .unwrap();
    assert_eq!(
        (ne1["unit"].as_str(), ne1["revision"].as_u64()),
        (Some("ne1"), Some(1))
    );

    // Someone guesses codes: ten wrong ones (answered slowly, so in
    // parallel), then not even a right one is checked from that address.
    let guesses: Vec<Child> = (0..10)
        .map(|n| {
            Office::new()
                .campo(&[
                    "sync",
                    "--setup",
                    "--server",
                    &url,
                    "--code",
                    // Codes of the right shape: a wrong shape costs no guess.
                    &format!("2222-3333-4444-55{}{}", ALPHABET[n / 31], ALPHABET[n % 31]),
                ])
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for guess in guesses {
        let output = guess.wait_with_output().unwrap();
        assert!(!output.status.success());
        assert!(
            text(&output).contains("no department has this access code"),
            "{}",
            text(&output)
        );
    }
    let late = Office::new().register(&url, &codes["s3"]);
    assert!(
        text(&late).contains("too many wrong access codes"),
        "{}",
        text(&late)
    );

    // The survey closes: a further send is refused and said.
    admin_ok(&db, &["close"]);
    offices["c4"].write_response(&id_of(4), "c4", true, 2);
    let closed = offices["c4"].sync(&[]);
    assert!(!closed.status.success());
    assert!(
        text(&closed).contains("the survey closed on"),
        "{}",
        text(&closed)
    );

    // The figures, worked out by hand from the frame:
    // north_east: 3 of 4; residents 1,000,000, of whom 600,000 covered.
    // centre: c1 and c4 of 4 (c4 out of coverage): 750,000 and 150,000.
    // south: s1 of 4 (s2 a draft): 1,080,000 and 120,000 (11.1%).
    // all: 6 of 12; 2,830,000 and 870,000 (30.7%).
    let csv = admin_ok(&db, &["status", "--by", "macro_area", "--format", "csv"]);
    assert_eq!(
        csv,
        "group,units,responded,rate_pct,population,population_covered,coverage_pct\n\
         north_east,4,3,75.0,1000000,600000,60.0\n\
         centre,4,2,50.0,750000,150000,20.0\n\
         south,4,1,25.0,1080000,120000,11.1\n\
         all,12,6,50.0,2830000,870000,30.7\n"
    );
    // Responding in coverage: 100, 120, 150, 200, 300 thousand: mean
    // 174,000, median 150,000, quartiles (type 7) 120,000 and 200,000.
    // Not responding: 220, 250, 320, 350, 400, 420 thousand: mean
    // 326,666.7, median 335,000, quartiles 267,500 and 387,500.
    let catchment = admin_ok(&db, &["status", "--catchment", "--format", "csv"]);
    assert_eq!(
        catchment,
        "units,n,mean,median,q1,q3\n\
         responding,5,174000.0,150000.0,120000.0,200000.0\n\
         not_responding,6,326666.7,335000.0,267500.0,387500.0\n"
    );
    let table = admin_ok(&db, &["--lang", "it", "status", "--by", "region"]);
    for expected in [
        "Veneto",
        "75,0%",
        "2.830.000",
        "bozza ricevuta",
        "non iniziato",
    ] {
        assert!(table.contains(expected), "{expected}:\n{table}");
    }
}

/// The SMTP listener of the tests, or `None` where aiosmtpd is missing
/// (CI requires it).
fn smtp_sink(out: &Path) -> Option<(Child, u16)> {
    // Debian's python3-aiosmtpd is for the system's Python, which another
    // python3 first on the PATH (pyenv's) may hide.
    let python = ["/usr/bin/python3", "python3"].into_iter().find(|python| {
        Command::new(python)
            .args(["-c", "import aiosmtpd"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    });
    let Some(python) = python else {
        assert!(
            std::env::var_os("CAMPO_REQUIRE_SMTP").is_none(),
            "aiosmtpd is required (apt-get install python3-aiosmtpd)"
        );
        eprintln!("aiosmtpd is missing: the SMTP check is skipped");
        return None;
    };
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/support/smtp_sink.py");
    let mut child = Command::new(python)
        .arg(script)
        .arg(out)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    Some((child, line.trim().parse().expect("the sink says its port")))
}

fn reminders_reach_a_real_smtp_listener_with_each_units_code(backend: Backend) {
    let Some((db, codes)) = survey(backend) else {
        return;
    };
    let dir = &db.dir;
    let inbox = tempfile::tempdir().unwrap();
    let Some((mut sink, port)) = smtp_sink(inbox.path()) else {
        return;
    };
    // ne1 and c1 have answered: the other ten are reminded.
    let server = Server::start(&db);
    for (n, unit) in ["ne1", "c1"].iter().enumerate() {
        let office = Office::new();
        assert!(office.register(&server.url, &codes[*unit]).status.success());
        office.write_response(&id_of(n), unit, true, 1);
        assert!(office.sync(&[]).status.success());
    }
    let codes_file = dir.path().join("codes.csv");
    let smtp = format!("smtp://127.0.0.1:{port}");
    // The team's own letter in each language, with a deadline: the survey
    // closes at noon on 31 January 2099.
    admin_ok(&db, &["close", "--at", "2099-01-31T12:00:00Z"]);
    let letter_it = dir.path().join("lettera-it.txt");
    let letter_en = dir.path().join("letter-en.txt");
    std::fs::write(
        &letter_it,
        "Gentile Direttrice, gentile Direttore del {nome},\n\n\
         l'Università di Verona (prof. Rossi) le ricorda l'indagine «{titolo}», \
         da completare entro il {scadenza}.\n\n{accesso}\n\nCordiali saluti,\nGruppo PSW Verona\n",
    )
    .unwrap();
    std::fs::write(
        &letter_en,
        "Dear Director of {name},\n\nthe University of Verona (Prof. Rossi) reminds you \
         of the survey, due by {deadline}.\n\n{access}\n\nKind regards,\nThe PSW team, Verona\n",
    )
    .unwrap();
    let sent = admin(
        &db,
        &[
            "remind",
            "--letter",
            &format!("it={}", letter_it.display()),
            "--letter",
            &format!("en={}", letter_en.display()),
            "--smtp",
            &smtp,
            "--from",
            "Gruppo di ricerca <indagine@example.org>",
            "--ssh",
            "questionario@survey.example.org",
            "--codes",
            codes_file.to_str().unwrap(),
        ],
    );
    assert!(sent.status.success(), "{}", text(&sent));
    let mut mails: Vec<Value> = std::fs::read_dir(inbox.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap())
        .collect();
    mails.sort_by_key(|m| m["to"].as_str().unwrap().to_string());
    assert_eq!(mails.len(), 10, "{mails:#?}");
    for unit in [
        "ne2", "ne3", "ne4", "c2", "c3", "c4", "s1", "s2", "s3", "s4",
    ] {
        let line = FRAME
            .lines()
            .find(|l| l.starts_with(&format!("{unit},")))
            .unwrap();
        let first_address = line.rsplit(',').next().unwrap().split(';').next().unwrap();
        let mail = mails
            .iter()
            .find(|m| {
                m["rcpt_tos"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|a| a == first_address)
            })
            .unwrap_or_else(|| panic!("no mail to {unit}"));
        let body = mail["body"].as_str().unwrap();
        // Once in each language's letter, in its steps to get in.
        assert_eq!(body.matches(&codes[unit]).count(), 2, "{unit}: {body}");
        assert!(body.contains(&frame_row(unit).0), "{unit}: {body}");
        assert!(
            body.contains("ssh questionario@survey.example.org"),
            "{body}"
        );
        // The team's letter, Italian first, English below, filled in.
        for part in [
            "l'Università di Verona (prof. Rossi) le ricorda",
            "da completare entro il 31/01/2099",
            "Prompt dei comandi",
            "Gruppo PSW Verona",
            "the University of Verona (Prof. Rossi) reminds you",
            "Command Prompt",
            "The PSW team, Verona",
        ] {
            assert!(body.contains(part), "{part:?} missing from {body}");
        }
        assert!(
            !body.contains("{nome}") && !body.contains("{access}"),
            "{body}"
        );
        let (italian, english) = (body.find("Gentile Direttrice"), body.find("Dear Director"));
        assert!(italian < english && italian.is_some(), "{body}");
        assert!(
            mail["subject"]
                .as_str()
                .unwrap()
                .starts_with("Promemoria: ")
        );
    }
    let s3 = mails
        .iter()
        .find(|m| m["to"].as_str().unwrap().contains("dsm.salerno"))
        .unwrap();
    assert_eq!(s3["rcpt_tos"].as_array().unwrap().len(), 2);
    assert!(
        !mails
            .iter()
            .any(|m| m["body"].as_str().unwrap().contains(&codes["ne1"]))
    );
    // The reminders are recorded, and shown by status.
    let status: Value =
        serde_json::from_str(&admin_ok(&db, &["status", "--format", "json"])).unwrap();
    let reminded: Vec<&str> = status["units"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["reminded"].as_array().unwrap().len() == 1)
        .map(|u| u["unit"].as_str().unwrap())
        .collect();
    assert_eq!(reminded.len(), 10, "{status:#}");
    assert!(!reminded.contains(&"ne1"));
    let _ = sink.kill();
    let _ = sink.wait();
    drop(server);
}

#[test]
fn invitations_are_written_as_eml_files_that_a_mail_reader_parses() {
    let (db, _codes) = survey(Backend::Sqlite).unwrap();
    let dir = &db.dir;
    let out = dir.path().join("mail");
    let written = admin(
        &db,
        &[
            "invite",
            "--out",
            out.to_str().unwrap(),
            "--from",
            "indagine@example.org",
            "--server",
            "https://campo.example.org",
            "--unit",
            "c4",
        ],
    );
    assert!(written.status.success(), "{}", text(&written));
    let eml = out.join("c4-invitation.eml");
    // Python's own e-mail parser reads it back: headers and the UTF-8 body.
    let parsed = Command::new("python3")
        .args([
            "-c",
            "import email, sys\n\
             from email import policy\n\
             m = email.message_from_binary_file(open(sys.argv[1], 'rb'), policy=policy.default)\n\
             print(m['To']); print(m['Subject']); print(m.get_content())",
        ])
        .arg(&eml)
        .output()
        .unwrap();
    assert!(parsed.status.success(), "{}", text(&parsed));
    let parsed = String::from_utf8(parsed.stdout).unwrap();
    assert!(parsed.starts_with("opl@example.org\nInvito: "), "{parsed}");
    // campo's own letter, as a research group writes one: who asks and
    // why, that it is voluntary, how the data are used, whom to ask, the
    // way in step by step; the code once in each language.
    for part in [
        "promossa da: indagine@example.org",
        "L'indagine vuole conoscere la diffusione",
        "La partecipazione è volontaria",
        "Regolamento UE 2016/679",
        "può rispondere a questa e-mail (indagine@example.org)",
        "«Prompt dei comandi»",
        "scriva campo e prema Invio",
        "Taking part is voluntary",
        "reply to this e-mail (indagine@example.org)",
    ] {
        assert!(parsed.contains(part), "{part:?} missing from {parsed}");
    }
    assert!(
        parsed.contains("Ospedale psichiatrico di Lucca"),
        "{parsed}"
    );
    // The code in the e-mail is the one the server now holds: it registers.
    let code = parsed
        .split("--code ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap()
        .to_string();
    assert_eq!(parsed.matches(&code).count(), 2, "{parsed}");
    assert!(
        text(&written).contains("One invitation written in "),
        "{}",
        text(&written)
    );
    let server = Server::start(&db);
    let office = Office::new();
    let registered = office.register(&server.url, &code);
    assert!(registered.status.success(), "{}", text(&registered));
    let status: Value =
        serde_json::from_str(&admin_ok(&db, &["status", "--format", "json"])).unwrap();
    let c4 = status["units"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["unit"] == "c4")
        .unwrap();
    assert!(c4["invited"].is_string(), "{c4}");
}

#[test]
fn a_config_campo_cannot_read_is_said_and_answering_goes_on() {
    let office = Office::new();
    std::fs::write(&office.config, "unit = [not toml").unwrap();
    let mut plain = office
        .campo(&["--plain", "new"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    plain.stdin.take().unwrap().write_all(b"3\nq\n").unwrap();
    let said = plain.wait_with_output().unwrap();
    assert!(said.status.success(), "{}", text(&said));
    assert!(
        String::from_utf8_lossy(&said.stderr).contains(office.config.to_str().unwrap()),
        "{}",
        text(&said)
    );
    let response = support::only_response(&office.data);
    assert!(response.get("unit").is_none());
    assert!(response["answers"]["dept_region"].is_string(), "{response}");
}

/// P3, N75, P10: the team withdraws a response by the short id the office
/// was told; the office's next change is refused as withdrawn, said in its
/// language, and its list says so.
fn an_office_is_told_when_its_response_was_withdrawn(backend: Backend) {
    let Some((db, codes)) = survey(backend) else {
        return;
    };
    let server = Server::start(&db);
    let office = Office::new();
    assert!(office.register(&server.url, &codes["ne1"]).status.success());
    office.write_response(&id_of(7), "ne1", true, 1);
    assert!(office.sync(&[]).status.success());

    let withdrawn = admin_ok(&db, &["withdraw", &id_of(7)[..8]]);
    assert!(withdrawn.contains(&id_of(7)), "{withdrawn}");

    office.write_response(&id_of(7), "ne1", true, 2);
    let refused = office.campo(&["--lang", "it", "sync"]).output().unwrap();
    assert!(!refused.status.success());
    assert!(
        text(&refused).contains("il gruppo di ricerca ha ritirato questo questionario"),
        "{}",
        text(&refused)
    );
    let config = office.config.display().to_string();
    let mut home = support::Tty::spawn_with(
        &office.data,
        &["--lang", "it"],
        &[("TERM", "xterm-256color"), ("CAMPO_CONFIG", &config)],
    );
    home.wait_for("ritirato");
    home.send("q");
    assert!(home.wait_exit().success());
    // Nothing of it is counted or dumped.
    assert!(stored(&db).is_empty());
}

/// N45: an invitation run that stops (here on a sender address the mailer
/// refuses, or on an SMTP server that is not there) leaves every unit's
/// code as it was: the codes handed out before still register.
fn a_failed_invitation_run_replaces_no_code(backend: Backend) {
    let Some((db, codes)) = survey(backend) else {
        return;
    };
    let out = tempfile::tempdir().unwrap();
    let out_dir = out.path().to_str().unwrap();
    let ssh = "questionario@survey.example.org";
    for args in [
        &[
            "invite",
            "--out",
            out_dir,
            "--from",
            "not an address",
            "--ssh",
            ssh,
        ][..],
        &[
            "invite",
            "--smtp",
            "smtp://127.0.0.1:9",
            "--from",
            "t@example.org",
            "--ssh",
            ssh,
        ][..],
    ] {
        let failed = admin(&db, args);
        assert!(!failed.status.success(), "{args:?}: {}", text(&failed));
    }
    let server = Server::start(&db);
    for unit in ["ne1", "c1", "s2"] {
        let office = Office::new();
        let registered = office.register(&server.url, &codes[unit]);
        assert!(registered.status.success(), "{unit}: {}", text(&registered));
    }
}

/// N31, N32: the unit is one fact. A unit's office sending a response that
/// names no unit has it stamped in the stored document (so `dump` and
/// `status` agree); an answer marked as from the list but changed is
/// refused; a later revision that names another unit is refused, even the
/// team's.
fn the_unit_is_stamped_from_the_credential_and_never_changes(backend: Backend) {
    let Some((db, codes)) = survey(backend) else {
        return;
    };
    let server = Server::start(&db);
    let office = Office::new();
    assert!(office.register(&server.url, &codes["ne1"]).status.success());
    let mut response = office.write_response(&id_of(20), "ne1", true, 1);
    response.as_object_mut().unwrap().remove("unit");
    let file = office.data.join(format!("responses/{}.json", id_of(20)));
    std::fs::write(&file, serde_json::to_vec(&response).unwrap()).unwrap();
    let sent = office.sync(&[]);
    assert!(sent.status.success(), "{}", text(&sent));
    let dumped = stored(&db);
    assert_eq!(dumped[0]["unit"], "ne1", "{dumped:?}");

    // The list's name, changed by hand in the file: refused, said.
    let mut forged = office.write_response(&id_of(20), "ne1", true, 2);
    forged["answers"]["dept_name"] = "DSM FAKE".into();
    std::fs::write(&file, serde_json::to_vec(&forged).unwrap()).unwrap();
    let refused = office.sync(&[]);
    assert!(!refused.status.success());
    assert!(
        text(&refused).contains("should come from the list of departments"),
        "{}",
        text(&refused)
    );

    // The team relabelling it: refused too, the unit stays.
    let folder = tempfile::tempdir().unwrap();
    let mut relabelled = forged.clone();
    relabelled["unit"] = "c1".into();
    relabelled["revision"] = 3.into();
    relabelled["answers"]["dept_name"] = frame_row("ne1").0.into();
    std::fs::write(
        folder.path().join(format!("{}.json", id_of(20))),
        serde_json::to_vec(&relabelled).unwrap(),
    )
    .unwrap();
    let import = admin(&db, &["import", folder.path().to_str().unwrap()]);
    assert!(!import.status.success());
    assert!(
        text(&import).contains("as another department's"),
        "{}",
        text(&import)
    );
    assert_eq!(stored(&db)[0]["unit"], "ne1");
}

/// `POST /v1/register` with `code`, as from `forwarded` (in
/// X-Forwarded-For) through a proxy on loopback; the status.
fn register_as(url: &str, code: &str, forwarded: &str) -> u16 {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    agent
        .post(&format!("{url}/v1/register"))
        .header("X-Forwarded-For", forwarded)
        .content_type("application/json")
        .send(serde_json::json!({ "code": code }).to_string())
        .unwrap()
        .status()
        .as_u16()
}

/// N25: behind a proxy named with --trusted-proxy, one office's ten wrong
/// codes block that office only; without it, X-Forwarded-For is a
/// client's words and ignored (all count as the proxy's address).
fn behind_a_trusted_proxy_each_office_has_its_own_guesses(backend: Backend) {
    let Some((db, codes)) = survey(backend) else {
        return;
    };
    let wrong = |n: usize| format!("2222-3333-4444-55{}{}", ALPHABET[n / 31], ALPHABET[n % 31]);
    let trusting = Server::start_with(&db, "127.0.0.1:0", &["--trusted-proxy", "127.0.0.1"]);
    for n in 0..10 {
        assert_eq!(register_as(&trusting.url, &wrong(n), "192.0.2.1"), 403);
    }
    assert_eq!(register_as(&trusting.url, &codes["ne1"], "192.0.2.1"), 429);
    assert_eq!(register_as(&trusting.url, &codes["ne1"], "192.0.2.2"), 200);
    drop(trusting);

    let plain = Server::start(&db);
    for n in 10..20 {
        assert_eq!(register_as(&plain.url, &wrong(n), "198.51.100.1"), 403);
    }
    // A forged header changes nothing: all came from 127.0.0.1.
    assert_eq!(register_as(&plain.url, &codes["c1"], "198.51.100.2"), 429);
}

/// m1: a request without a token over its address's budget does not run:
/// at one request a second (two at once), eight registrations at once
/// make at most two tokens.
fn a_request_over_its_budget_does_not_run(backend: Backend) {
    let Some((db, codes)) = survey(backend) else {
        return;
    };
    let server = Server::start_with(&db, "127.0.0.1:0", &["--rate-limit", "1"]);
    let code = &codes["ne2"];
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let runs: Vec<_> = (0..8)
            .map(|_| scope.spawn(|| register_as(&server.url, code, "192.0.2.9")))
            .collect();
        runs.into_iter().map(|run| run.join().unwrap()).collect()
    });
    let made = statuses.iter().filter(|&&s| s == 200).count();
    assert!((1..=2).contains(&made), "{statuses:?}");
    let tokens = admin_ok(&db, &["token", "list"]);
    assert!(
        (1..=2).contains(&tokens.matches("ne2/").count()),
        "{statuses:?}\n{tokens}"
    );
}

on_both_backends!(
    behind_a_trusted_proxy_each_office_has_its_own_guesses,
    a_request_over_its_budget_does_not_run,
    the_unit_is_stamped_from_the_credential_and_never_changes,
    a_failed_invitation_run_replaces_no_code,
    an_office_is_told_when_its_response_was_withdrawn,
    a_survey_runs_from_the_frame_to_rates_and_coverage_worked_out_by_hand,
);

/// The reminders need the SMTP listener as well as the database.
mod reminders_reach_a_real_smtp_listener_with_each_units_code {
    #[test]
    #[cfg_attr(
        no_smtp,
        ignore = "aiosmtpd is not installed (apt-get install python3-aiosmtpd)"
    )]
    fn sqlite() {
        super::reminders_reach_a_real_smtp_listener_with_each_units_code(
            crate::support::backend::Backend::Sqlite,
        )
    }
    #[test]
    #[cfg_attr(
        any(no_smtp, no_postgres),
        ignore = "aiosmtpd or PostgreSQL is not installed (apt-get install python3-aiosmtpd postgresql)"
    )]
    fn postgres() {
        super::reminders_reach_a_real_smtp_listener_with_each_units_code(
            crate::support::backend::Backend::Postgres,
        )
    }
}
