//! The server's database as the survey runs: two instances on one
//! database, a PostgreSQL backup restored, the frame imported and updated,
//! the survey closed.

mod support;
use support::backend::{Backend, Db};
use support::server::{Server, add_token, campo, complete_response, server_with_token};
use support::sync::*;
use support::text;

use std::process::Output;
use std::thread;

use serde_json::json;

/// A proxy that cuts every `every`-th request in the middle, as a flaky
/// link does.
/// The README's backup: `pg_dump` of a live database, restored with
/// `pg_restore` into a fresh one, gives the same `serve dump`, and the
/// offices' tokens still work on it.
#[test]
#[cfg_attr(
    no_postgres,
    ignore = "PostgreSQL is not installed (apt-get install postgresql)"
)]
fn a_postgres_backup_restores_into_a_fresh_database_with_the_same_responses() {
    let Some(cluster) = support::backend::cluster() else {
        return;
    };
    let Some((db, token, server)) = server_with_token(Backend::Postgres, "verona") else {
        return;
    };
    let data = office(41, 25);
    assert!(sync(data.path(), &server.url, &token).status.success());
    let mut edited = complete_response(&id_for(41, 3), 3, 2);
    edited["answers"]["dept_name"] = json!("DSM rivisto");
    write_response(data.path(), &edited);
    assert!(sync(data.path(), &server.url, &token).status.success());

    let backup = db.dir.path().join("campo.pgdump");
    let dumped = cluster
        .tool("pg_dump")
        .args(["--format=custom", "--file"])
        .arg(&backup)
        .arg(db.arg())
        .output()
        .unwrap();
    assert!(dumped.status.success(), "{}", text(&dumped));
    let fresh = cluster.new_database();
    let restored = cluster
        .tool("pg_restore")
        .args(["--no-owner", "--exit-on-error", "--dbname", &fresh])
        .arg(&backup)
        .output()
        .unwrap();
    assert!(restored.status.success(), "{}", text(&restored));

    let (before, after) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    dump_into(&db, before.path());
    dump_into(&fresh, after.path());
    let (before, after) = (
        files(&before.path().join("responses")),
        files(&after.path().join("responses")),
    );
    assert_eq!(before.len(), 25);
    assert_eq!(before, after);
    assert!(
        after
            .iter()
            .any(|r| r["answers"]["dept_name"] == "DSM rivisto")
    );
    let on_restored = Server::start(&fresh);
    assert_eq!(
        get_status(&format!("{}/v1/whoami", on_restored.url), Some(&token)),
        200
    );
}

/// Two `campo serve` instances on one database, as behind a load
/// balancer: two copies of the same office's folder sync at the same
/// moment, one through each. Each response is stored once, every copy
/// hears it confirmed, and a second round sends nothing.
fn two_instances_on_one_database_store_what_both_are_sent_once(backend: Backend) {
    let Some(db) = Db::fresh(backend) else {
        return;
    };
    let token = add_token(&db, "verona");
    let (first, second) = (Server::start(&db), Server::start(&db));
    let (one, two) = (office(40, 300), office(40, 300));
    let (p1, u1, t1) = (one.path().to_path_buf(), first.url.clone(), token.clone());
    let racing = thread::spawn(move || sync(&p1, &u1, &t1));
    let other = sync(two.path(), &second.url, &token);
    let racing = racing.join().unwrap();
    assert!(
        racing.status.success() && other.status.success(),
        "{}\n{}",
        text(&racing),
        text(&other)
    );
    for copy in [&one, &two] {
        let sent = files(&copy.path().join("responses"));
        assert!(
            sent.iter().all(|r| r["sync"]["revision"] == 1),
            "all confirmed"
        );
    }
    // Between them, each response was stored by one and found there by
    // the other.
    let counted = |output: &Output, what: &str| -> usize {
        let said = text(output);
        let after = said.split(what).nth(1).expect(&said);
        after
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    assert_eq!(counted(&racing, "Sent: ") + counted(&other, "Sent: "), 300);
    assert_eq!(
        counted(&racing, "already there: ") + counted(&other, "already there: "),
        300
    );
    assert_eq!(stored(&db).len(), 300, "each response once");
    let again = sync(one.path(), &first.url, &token);
    assert!(
        text(&again).contains("Sent: 0 · already there: 0"),
        "{}",
        text(&again)
    );
}

fn a_frame_is_imported_whole_or_not_at_all_and_updated_by_unit(backend: Backend) {
    let Some(db) = Db::fresh(backend) else {
        return;
    };
    let (dir, db_arg) = (&db.dir, db.arg());
    let frame = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        campo(&[
            "--lang",
            "it",
            "serve",
            "--db",
            db_arg,
            "frame",
            "import",
            path.to_str().unwrap(),
        ])
        .output()
        .unwrap()
    };
    let list = || {
        let output = campo(&["--lang", "en", "serve", "--db", db_arg, "frame", "list"])
            .output()
            .unwrap();
        String::from_utf8(output.stdout).unwrap()
    };
    let bad = frame(
        "bad.csv",
        "unit;dept_region;population\ndsm-a;veneto;100\ndsm-b;atlantide;cento\n",
    );
    assert!(!bad.status.success());
    let said = text(&bad);
    assert!(said.contains("riga 3, colonna dept_region"), "{said}");
    assert!(said.contains("riga 3, colonna population"), "{said}");
    assert!(said.contains("non è cambiato nulla"), "{said}");
    assert!(list().contains("No units yet"), "nothing half-imported");
    let good = frame(
        "good.csv",
        "\u{feff}unit;dept_name;dept_region;population;email;in_coverage\n\
         dsm-a;DSM A;veneto;100;a@dsm.it;yes\n\
         osp-b;Ospedale B;lazio;;b@osp.it;no\n",
    );
    assert!(good.status.success(), "{}", text(&good));
    assert!(text(&good).contains("Unità aggiunte: 2"), "{}", text(&good));
    let again = frame("again.csv", "unit,population\ndsm-a,123000\n");
    assert!(text(&again).contains("aggiornate: 1"), "{}", text(&again));
    let listed = list();
    assert!(
        // m9: in thousands, as serve status writes them.
        listed.contains("dsm-a") && listed.contains("population 123,000"),
        "{listed}"
    );
    assert!(
        listed.contains("osp-b") && listed.contains("out of coverage"),
        "{listed}"
    );
    // An access code for every unit, shown once; again, a new one.
    let codes = |args: &[&str]| {
        let mut all = vec!["--lang", "en", "serve", "--db", db_arg, "codes"];
        all.extend(args);
        campo(&all).output().unwrap()
    };
    let first = String::from_utf8(codes(&[]).stdout).unwrap();
    let lines: Vec<&str> = first.lines().collect();
    assert_eq!(lines[0], "unit,code");
    assert_eq!(lines.len(), 3, "{first}");
    let code = lines[1].split(',').nth(1).unwrap();
    assert_eq!(code.len(), 19, "{code}");
    assert!(!code.contains(['0', 'O', '1', 'I', 'L']), "{code}");
    let file = dir.path().join("codes.csv");
    let again = codes(&["--unit", "dsm-a", "--out", file.to_str().unwrap()]);
    assert!(again.status.success(), "{}", text(&again));
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(
        written.starts_with("unit,code\ndsm-a,") && !written.contains(code),
        "{written}"
    );
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let unknown = codes(&["--unit", "dsm-z"]);
    assert!(!unknown.status.success());
    assert!(
        text(&unknown).contains("There is no unit \"dsm-z\""),
        "{}",
        text(&unknown)
    );
}

fn a_closed_survey_takes_nothing_and_the_office_is_told_when_it_closed(backend: Backend) {
    let Some((db, token, server)) = server_with_token(backend, "late") else {
        return;
    };
    let db_arg = &db;
    let serve = |args: &[&str]| {
        let mut all = vec!["--lang", "en", "serve", "--db", db_arg];
        all.extend(args);
        campo(&all).output().unwrap()
    };
    // A closing still to come leaves the survey open.
    assert!(serve(&["close", "--at", "2999-12-31"]).status.success());
    let early = office(42, 1);
    assert!(sync(early.path(), &server.url, &token).status.success());
    assert_eq!(stored(&db).len(), 1);
    // Closed now: refused, said, nothing stored, no more requests.
    let closed = serve(&["close"]);
    assert!(
        text(&closed).contains("The survey is closed from"),
        "{}",
        text(&closed)
    );
    let late = office(43, 3);
    let output = sync(late.path(), &server.url, &token);
    let said = text(&output);
    assert!(!output.status.success());
    assert!(said.contains("the survey closed on"), "{said}");
    assert!(
        said.contains("in 1 request"),
        "it stops at the first: {said}"
    );
    assert_eq!(stored(&db).len(), 1);
    // Reopened: it goes through.
    assert!(serve(&["reopen"]).status.success());
    assert!(sync(late.path(), &server.url, &token).status.success());
    assert_eq!(stored(&db).len(), 4);
}

on_both_backends!(
    a_closed_survey_takes_nothing_and_the_office_is_told_when_it_closed,
    a_frame_is_imported_whole_or_not_at_all_and_updated_by_unit,
    two_instances_on_one_database_store_what_both_are_sent_once,
);
