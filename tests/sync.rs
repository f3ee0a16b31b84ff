//! An office's sync against the real collection server: the server binary
//! on a loopback port with a temporary database, the client binary on
//! temporary data folders; what is sent, confirmed, re-sent and kept.

mod support;
use support::backend::{Backend, Db};
use support::server::{Server, add_token, campo, complete_response, server_with_token};
use support::sync::*;
use support::text;

use std::path::Path;
use std::sync::atomic::Ordering;
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

fn first_sync_sends_complete_responses_and_a_second_sends_nothing(backend: Backend) {
    let Some((db, token, server)) = server_with_token(backend, "verona") else {
        return;
    };
    let data = office(1, 5);
    let mut draft = complete_response(&id_for(1, 99), 99, 1);
    draft["status"] = json!("draft");
    write_response(data.path(), &draft);

    let first = sync(data.path(), &server.url, &token);
    assert!(first.status.success(), "{}", text(&first));
    assert!(
        text(&first).contains("Sent: 5 · already there: 0 · refused: 0 · not sent: 0"),
        "{}",
        text(&first)
    );
    assert_eq!(stored(&db).len(), 5, "drafts stay home");
    for response in files(&data.path().join("responses")) {
        if response["status"] == "complete" {
            assert_eq!(response["sync"]["revision"], 1);
            assert_eq!(response["sync"]["server"], server.url.as_str());
        } else {
            assert!(response.get("sync").is_none());
        }
    }

    let puts = server.count_once(" /v1/responses", 2);
    let again = sync(data.path(), &server.url, &token);
    assert!(again.status.success());
    assert!(
        text(&again).contains("Sent: 0 · already there: 0"),
        "{}",
        text(&again)
    );
    assert_eq!(
        server.count(" /v1/responses"),
        puts,
        "a sync with nothing new sends nothing"
    );
    assert!(
        server.count("token=verona") >= puts && puts >= 2,
        "one log line per request, naming the token"
    );
}

fn an_edit_after_sync_replaces_the_current_version_and_keeps_the_old(backend: Backend) {
    let Some((db, token, server)) = server_with_token(backend, "bari") else {
        return;
    };
    let data = office(2, 2);
    assert!(sync(data.path(), &server.url, &token).status.success());

    let path = data
        .path()
        .join("responses")
        .join(format!("{}.json", id_for(2, 0)));
    let mut edited: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    edited["answers"]["dept_name"] = json!("DSM Bari, corretto");
    edited["revision"] = json!(2);
    std::fs::write(&path, serde_json::to_vec(&edited).unwrap()).unwrap();

    let output = sync(data.path(), &server.url, &token);
    assert!(
        text(&output).contains("Sent: 1 · already there: 0"),
        "{}",
        text(&output)
    );
    let current = stored(&db)
        .into_iter()
        .find(|r| r["id"] == id_for(2, 0).as_str())
        .unwrap();
    assert_eq!(current["answers"]["dept_name"], "DSM Bari, corretto");
    assert_eq!(current["revision"], 2);
    assert!(
        current.get("sync").is_none(),
        "the client's sync record is not sent"
    );

    // Both revisions are kept: ask the server for the old one's existence
    // through a stale send from a second, older copy.
    let old_copy = office(2, 1);
    let stale = sync(old_copy.path(), &server.url, &token);
    assert!(!stale.status.success());
    assert!(
        text(&stale).contains("the server already has a newer version (revision 2)"),
        "{}",
        text(&stale)
    );
    let recorded = &files(&old_copy.path().join("responses"))[0];
    assert_eq!(recorded["sync"]["refused"]["error"], "stale");
}

fn a_lost_confirmation_is_already_there_on_the_next_sync(backend: Backend) {
    let Some((db, token, server)) = server_with_token(backend, "pisa") else {
        return;
    };
    let data = office(3, 3);
    assert!(sync(data.path(), &server.url, &token).status.success());
    lose_confirmation(data.path(), &id_for(3, 1));

    let output = sync(data.path(), &server.url, &token);
    assert!(output.status.success(), "{}", text(&output));
    assert!(
        text(&output).contains("Sent: 0 · already there: 1"),
        "{}",
        text(&output)
    );
    assert_eq!(stored(&db).len(), 3);
}

/// M1: after a lost confirmation, the interface opens the response, the
/// user moves to a question and switches language (written again at the
/// same revision); the next sync finds it already there, not a conflict.
fn a_lost_confirmation_then_a_move_and_a_language_switch_is_already_there(backend: Backend) {
    let Some((_db, token, server)) = server_with_token(backend, "lucca") else {
        return;
    };
    let data = office(5, 1);
    assert!(sync(data.path(), &server.url, &token).status.success());
    let id = id_for(5, 0);
    let path = data.path().join("responses").join(format!("{id}.json"));
    lose_confirmation(data.path(), &id);
    let response: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();

    let config = data.path().join("no-config.toml").display().to_string();
    let mut tty = support::Tty::spawn_with(
        data.path(),
        &["--lang", "it", "edit", &id[..8]],
        &[("TERM", "xterm-256color"), ("CAMPO_CONFIG", &config)],
    );
    tty.wait_for("Riepilogo");
    // Down to a question, into it, then English, then out.
    tty.send("\x1b[B");
    tty.keys(support::ENTER, "Domanda");
    tty.keys(support::F2, "Question");
    tty.send(support::CTRL_C);
    assert!(tty.wait_exit().success());
    let rewritten: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(rewritten["revision"], response["revision"]);
    assert_eq!(rewritten["lang"], "en", "the interface wrote where it was");

    let output = sync(data.path(), &server.url, &token);
    assert!(output.status.success(), "{}", text(&output));
    assert!(
        text(&output).contains("Sent: 0 · already there: 1"),
        "{}",
        text(&output)
    );
}

fn a_wrong_token_stops_at_once_and_stores_nothing(backend: Backend) {
    let Some(db) = Db::fresh(backend) else {
        return;
    };
    add_token(&db, "real");
    let server = Server::start(&db);
    let data = office(4, 4);
    let output = sync(data.path(), &server.url, "not-the-token");
    assert!(!output.status.success());
    assert!(
        text(&output).contains("did not accept the token"),
        "{}",
        text(&output)
    );
    assert!(text(&output).contains("not sent: 4"), "{}", text(&output));
    assert_eq!(
        server.count_once(" /v1/responses", 1),
        1,
        "no hammering after a 401"
    );
    assert!(stored(&db).is_empty());
    assert!(
        files(&data.path().join("responses"))
            .iter()
            .all(|r| r.get("sync").is_none())
    );
}

fn a_revoked_token_is_refused(backend: Backend) {
    let Some(db) = Db::fresh(backend) else {
        return;
    };
    let token = add_token(&db, "gone");
    let revoke = campo(&["serve", "--db", &db, "token", "revoke", "gone"])
        .output()
        .unwrap();
    assert!(revoke.status.success());
    let list = campo(&["serve", "--db", &db, "token", "list"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&list.stdout).contains("gone  office  created"),
        "{}",
        text(&list)
    );
    // Dates as people write them, not raw ISO.
    let listed = String::from_utf8_lossy(&list.stdout).to_string();
    assert!(!listed.contains('T') || !listed.contains('Z'), "{listed}");
    let server = Server::start(&db);
    let data = office(5, 1);
    let output = sync(data.path(), &server.url, &token);
    assert!(
        text(&output).contains("did not accept the token"),
        "{}",
        text(&output)
    );
}

fn two_offices_at_once_each_response_stored_once(backend: Backend) {
    let Some(db) = Db::fresh(backend) else {
        return;
    };
    let (a, b) = (add_token(&db, "a"), add_token(&db, "b"));
    let server = Server::start(&db);
    let (one, two) = (office(6, 40), office(7, 40));
    let url = server.url.clone();
    let (p1, u1) = (one.path().to_path_buf(), url.clone());
    let first = thread::spawn(move || sync(&p1, &u1, &a));
    let second = sync(two.path(), &url, &b);
    let first = first.join().unwrap();
    assert!(
        first.status.success() && second.status.success(),
        "{}\n{}",
        text(&first),
        text(&second)
    );
    let all = stored(&db);
    assert_eq!(all.len(), 80);
}

/// Ten offices' worth of responses through a link that drops every few
/// requests: none lost, none doubled.
fn a_link_that_drops_every_few_requests_loses_and_doubles_nothing(backend: Backend) {
    let Some((db, token, server)) = server_with_token(backend, "flaky") else {
        return;
    };
    // Every other request: a batch of thirty is cut as often as one.
    let (proxy, cuts) = flaky_proxy(server.url.clone(), 2);
    let mut offices = Vec::new();
    for number in 0..10 {
        let data = office(100 + number, 30);
        let output = sync(data.path(), &proxy, &token);
        assert!(
            output.status.success(),
            "office {number}: {}",
            text(&output)
        );
        assert!(
            files(&data.path().join("responses"))
                .iter()
                .all(|r| r["sync"]["revision"] == 1)
        );
        offices.push(data);
    }
    assert!(
        cuts.load(Ordering::SeqCst) >= 10,
        "the proxy really cut requests"
    );
    let all = stored(&db);
    assert_eq!(all.len(), 300);
    let mut ids: Vec<&str> = all.iter().map(|r| r["id"].as_str().unwrap()).collect();
    ids.dedup();
    assert_eq!(ids.len(), 300);
}

fn the_server_restarted_mid_sync_costs_nothing(backend: Backend) {
    let Some((_db, token, mut server)) = server_with_token(backend, "restart") else {
        return;
    };
    let port = server.port().to_string();
    let url = server.url.clone();
    let data = office(8, 400);
    let path = data.path().to_path_buf();
    let client = thread::spawn(move || sync(&path, &url, &token));
    let started = Instant::now();
    while server.count(" /v1/responses") < 3 {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the sync never started"
        );
        thread::sleep(Duration::from_millis(5));
    }
    server.stop();
    thread::sleep(Duration::from_millis(300));
    let restarted = Server::start_on(&server.db, &format!("127.0.0.1:{port}"));
    let output = client.join().unwrap();
    assert!(output.status.success(), "{}", text(&output));
    assert_eq!(stored(&restarted.db).len(), 400);
    assert!(
        files(&data.path().join("responses"))
            .iter()
            .all(|r| r["sync"]["revision"] == 1)
    );
}

fn without_network_a_folder_carries_responses_and_import_checks_them(backend: Backend) {
    let Some(db) = Db::fresh(backend) else {
        return;
    };
    let data = office(10, 4);
    let stick = tempfile::tempdir().unwrap();
    let export = campo(&[
        "--data-dir",
        data.path().to_str().unwrap(),
        "sync",
        "--to",
        stick.path().to_str().unwrap(),
    ])
    .output()
    .unwrap();
    assert!(export.status.success(), "{}", text(&export));
    assert!(
        text(&export).contains("4 responses written"),
        "{}",
        text(&export)
    );
    let import = |dir: &Path| {
        campo(&["serve", "--db", &db, "import", dir.to_str().unwrap()])
            .output()
            .unwrap()
    };
    let first = import(stick.path());
    assert!(first.status.success(), "{}", text(&first));
    assert!(
        text(&first).contains("Imported: 4 · already there: 0 · refused: 0"),
        "{}",
        text(&first)
    );
    let again = import(stick.path());
    assert!(
        text(&again).contains("Imported: 0 · already there: 4 · refused: 0"),
        "{}",
        text(&again)
    );
    std::fs::write(
        stick.path().join(format!("{}.json", id_for(10, 9))),
        b"{\"broken\": ",
    )
    .unwrap();
    let bad = import(stick.path());
    assert!(!bad.status.success());
    assert!(
        text(&bad).contains("refused: the document is not valid JSON"),
        "{}",
        text(&bad)
    );

    // The dump is a campo data folder like any other.
    let central = tempfile::tempdir().unwrap();
    dump_into(&db, central.path());
    let list = campo(&["--data-dir", central.path().to_str().unwrap(), "list"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&list.stdout)
            .matches("Complete")
            .count()
            == 4,
        "{}",
        text(&list)
    );
}

#[test]
fn setup_saves_the_defaults_sync_uses() {
    let backend = Backend::Sqlite;
    let Some((_db, token, server)) = server_with_token(backend, "setup") else {
        return;
    };
    let data = office(11, 2);
    let config = data.path().join("config.toml");
    let setup = campo(&[
        "--data-dir",
        data.path().to_str().unwrap(),
        "sync",
        "--setup",
        "--server",
        &server.url,
        "--token",
        &token,
    ])
    .env("CAMPO_CONFIG", &config)
    .output()
    .unwrap();
    assert!(setup.status.success(), "{}", text(&setup));
    let plain = campo(&["--data-dir", data.path().to_str().unwrap(), "sync"])
        .env("CAMPO_CONFIG", &config)
        .output()
        .unwrap();
    assert!(plain.status.success(), "{}", text(&plain));
    assert!(text(&plain).contains("Sent: 2"), "{}", text(&plain));
    let unset = campo(&["--data-dir", data.path().to_str().unwrap(), "sync"])
        .env("CAMPO_CONFIG", data.path().join("none.toml"))
        .output()
        .unwrap();
    assert!(!unset.status.success());
    assert!(
        text(&unset).contains("No server to send to"),
        "{}",
        text(&unset)
    );
}

/// The sync key of the home screen, in a pseudo-terminal, against the real
/// server: progress, summary, and the list then says "sent".
#[test]
fn the_home_screen_syncs_with_a_key() {
    let backend = Backend::Sqlite;
    let Some((db, token, server)) = server_with_token(backend, "tui") else {
        return;
    };
    let data = office(13, 3);
    let config = data.path().join("config.toml");
    std::fs::write(
        &config,
        format!("server = \"{}\"\ntoken = \"{token}\"\n", server.url),
    )
    .unwrap();
    let config = config.to_str().unwrap().to_string();
    let mut tty = support::Tty::spawn_with(
        data.path(),
        &["--lang", "it"],
        &[("TERM", "xterm-256color"), ("CAMPO_CONFIG", &config)],
    );
    tty.wait_for("3 questionari");
    tty.wait_for("da inviare");
    tty.keys(
        "s",
        "Inviati: 3 · già presenti: 0 · rifiutati: 0 · non inviati: 0",
    );
    tty.send(support::ESC);
    tty.wait_for("inviato");
    assert!(!tty.screen().contains("da inviare"), "{}", tty.screen());
    tty.send("q");
    assert!(tty.wait_exit().success());
    assert_eq!(stored(&db).len(), 3);
}

fn pointed_at_a_new_server_an_office_sends_everything_again(backend: Backend) {
    let Some((_old_db, old_token, old)) = server_with_token(backend, "verona") else {
        return;
    };
    let Some((new_db, new_token, new)) = server_with_token(backend, "verona") else {
        return;
    };
    let data = office(37, 3);
    assert!(sync(data.path(), &old.url, &old_token).status.success());
    let output = sync(data.path(), &new.url, &new_token);
    assert!(text(&output).contains("Sent: 3"), "{}", text(&output));
    assert_eq!(stored(&new_db).len(), 3);
}

/// `POST /v1/responses`: each document of a batch is checked and answered
/// on its own, in order; the good ones are stored, once; a batch too big
/// is refused whole.
fn a_batch_answers_each_document_and_stores_the_good_ones_once(backend: Backend) {
    let Some((db, token, server)) = server_with_token(backend, "batch") else {
        return;
    };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let post = |documents: &[Value]| -> (u16, Value) {
        let mut answer = agent
            .post(&format!("{}/v1/responses", server.url))
            .header("Authorization", &format!("Bearer {token}"))
            .send(serde_json::to_vec(documents).unwrap().as_slice())
            .unwrap();
        let status = answer.status().as_u16();
        let body = answer.body_mut().read_to_string().unwrap();
        (status, serde_json::from_str(&body).unwrap_or(Value::Null))
    };
    let mut bad = complete_response(&id_for(40, 2), 2, 1);
    bad["answers"]["ps_active"] = json!("maybe");
    let batch = [
        complete_response(&id_for(40, 1), 1, 1),
        bad,
        complete_response(&id_for(40, 3), 3, 1),
    ];
    let (status, answer) = post(&batch);
    assert_eq!(status, 200, "{answer}");
    let results = answer["results"].as_array().unwrap();
    assert_eq!(results.len(), 3);
    assert_eq!(results[0]["accepted"]["result"], "stored");
    assert_eq!(results[1]["refused"]["error"], "invalid");
    assert_eq!(results[1]["id"], id_for(40, 2).as_str());
    assert_eq!(results[2]["accepted"]["result"], "stored");
    // Sent again: already there, nothing doubled.
    let (_, again) = post(&batch);
    assert_eq!(again["results"][0]["accepted"]["result"], "already_there");
    assert_eq!(stored(&db).len(), 2);
    // More than the limit: refused whole.
    let many: Vec<Value> = (0..501)
        .map(|n| complete_response(&id_for(41, n), n, 1))
        .collect();
    let (status, answer) = post(&many);
    assert_eq!((status, &answer["error"]), (413, &json!("too_large")));
    assert_eq!(stored(&db).len(), 2);
}

/// performance.md: `campo sync` of 2,000 responses under a soft and hard
/// limit of 256 open files (so that raising the soft limit is no way
/// out): open files do not grow with the folder, and no lock file is left.
#[test]
fn a_sync_of_2000_responses_stays_within_256_open_files_and_leaves_no_lock() {
    use std::os::unix::process::CommandExt;
    let Some((_db, token, server)) = server_with_token(Backend::Sqlite, "many") else {
        return;
    };
    let data = office(6, 2000);
    let mut command = campo(&[
        "--data-dir",
        data.path().to_str().unwrap(),
        "sync",
        "--server",
        &server.url,
        "--token",
        &token,
    ]);
    command.env("CAMPO_CONFIG", data.path().join("no-config.toml"));
    // SAFETY: setrlimit(2) in the child before exec touches no memory of ours.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: 256,
                rlim_max: 256,
            };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let output = command.output().unwrap();
    assert!(output.status.success(), "{}", text(&output));
    assert!(
        text(&output).contains("Sent: 2000 · already there: 0 · refused: 0 · not sent: 0"),
        "{}",
        text(&output)
    );
    let locks = std::fs::read_dir(data.path().join("locks"))
        .map(|entries| entries.count())
        .unwrap_or(0);
    assert_eq!(locks, 0, "lock files left behind");
}

/// Killed (SIGKILL) while confirmations are being appended: every response
/// file is whole and untouched, the log is read as far as it is whole, and
/// the next sync sends or finds "already there" exactly what was not yet
/// confirmed; the one after sends nothing and the server holds each
/// response once.
#[test]
fn a_sync_killed_while_it_records_confirmations_loses_and_doubles_nothing() {
    let Some((db, token, server)) = server_with_token(Backend::Sqlite, "killed") else {
        return;
    };
    let count = 3000;
    let data = office(7, count);
    let before: Vec<Vec<u8>> = sorted_file_bytes(&data.path().join("responses"));
    let log = data.path().join("confirmations.log");
    let mut child = campo(&[
        "--data-dir",
        data.path().to_str().unwrap(),
        "sync",
        "--server",
        &server.url,
        "--token",
        &token,
    ])
    .env("CAMPO_CONFIG", data.path().join("no-config.toml"))
    .stdout(std::process::Stdio::null())
    .stderr(std::process::Stdio::null())
    .spawn()
    .unwrap();
    // Killed once the first batch is on disk, while the rest are in flight.
    let start = std::time::Instant::now();
    while std::fs::metadata(&log).map_or(0, |m| m.len()) == 0 {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "no confirmation"
        );
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    child.kill().unwrap();
    child.wait().unwrap();

    assert_eq!(
        sorted_file_bytes(&data.path().join("responses")),
        before,
        "no response file is rewritten by a sync"
    );
    let confirmed = confirmations(&log).len();
    assert!(
        confirmed < count,
        "killed after the sync ended: nothing tested"
    );
    let again = sync(data.path(), &server.url, &token);
    assert!(again.status.success(), "{}", text(&again));
    let said = text(&again);
    let numbers: Vec<usize> = ["Sent: ", "already there: "]
        .iter()
        .map(|label| {
            let at = said.find(label).unwrap() + label.len();
            said[at..]
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    assert_eq!(numbers[0] + numbers[1], count - confirmed, "{said}");
    let third = sync(data.path(), &server.url, &token);
    assert!(
        text(&third).contains("Sent: 0 · already there: 0"),
        "{}",
        text(&third)
    );
    assert_eq!(stored(&db).len(), count);
    assert_eq!(confirmations(&log).len(), count);
}

on_both_backends!(
    first_sync_sends_complete_responses_and_a_second_sends_nothing,
    an_edit_after_sync_replaces_the_current_version_and_keeps_the_old,
    a_lost_confirmation_is_already_there_on_the_next_sync,
    a_lost_confirmation_then_a_move_and_a_language_switch_is_already_there,
    a_wrong_token_stops_at_once_and_stores_nothing,
    a_revoked_token_is_refused,
    two_offices_at_once_each_response_stored_once,
    a_link_that_drops_every_few_requests_loses_and_doubles_nothing,
    the_server_restarted_mid_sync_costs_nothing,
    without_network_a_folder_carries_responses_and_import_checks_them,
    pointed_at_a_new_server_an_office_sends_everything_again,
    a_batch_answers_each_document_and_stores_the_good_ones_once,
);
