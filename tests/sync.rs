//! The collection server and the sync client against each other, for real:
//! the server binary on a loopback port with a temporary database, the
//! client binary on temporary data folders.

mod support;
use support::backend::{Backend, Db};
use support::server::{Server, add_token, campo, complete_response, server_with_token};
use support::text;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::path::Path;
use std::process::Output;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

/// Runs `campo serve dump` of `db` into `out`.
fn dump_into(db: &str, out: &Path) {
    let output = campo(&["serve", "--db", db, "dump", "--out", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// The server's current revision of every response, read back through
/// `campo serve dump`.
fn stored(db: &str) -> Vec<Value> {
    let out = tempfile::tempdir().unwrap();
    dump_into(db, out.path());
    files(&out.path().join("responses"))
}

/// The response files of `dir`, each with the server's last word on it as
/// campo reads it: the confirmations log beside the folder, if any, over
/// what the file says.
fn files(dir: &Path) -> Vec<Value> {
    let confirmed = confirmations(&dir.join("..").join("confirmations.log"));
    let mut all: Vec<Value> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| serde_json::from_slice(&std::fs::read(e.unwrap().path()).unwrap()).unwrap())
        .map(|mut response: Value| {
            if let Some(record) = confirmed.get(response["id"].as_str().unwrap()) {
                response["sync"] = record.clone();
            }
            response
        })
        .collect();
    all.sort_by_key(|v| v["id"].as_str().unwrap().to_string());
    all
}

/// The last record of each response in a confirmations log.
fn confirmations(log: &Path) -> std::collections::HashMap<String, Value> {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let mut last = std::collections::HashMap::new();
    for line in text.lines() {
        // A line cut short by a kill, as campo reads it: no word at all.
        let Ok(mut record) = serde_json::from_str::<Value>(line) else {
            continue;
        };
        let id = record["id"].as_str().unwrap().to_string();
        record.as_object_mut().unwrap().remove("id");
        last.insert(id, record);
    }
    last
}

/// As if campo died after the server stored the response but before the
/// confirmation reached the disk: no record of it, in its file or the log.
fn lose_confirmation(data: &Path, id: &str) {
    let path = data.join("responses").join(format!("{id}.json"));
    let mut response: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    response.as_object_mut().unwrap().remove("sync");
    std::fs::write(&path, serde_json::to_vec(&response).unwrap()).unwrap();
    let log = data.join("confirmations.log");
    let kept: String = std::fs::read_to_string(&log)
        .unwrap_or_default()
        .lines()
        .filter(|line| !line.contains(id))
        .map(|line| format!("{line}\n"))
        .collect();
    std::fs::write(&log, kept).unwrap();
}

fn id_for(office: usize, n: usize) -> String {
    format!("{office:08x}-0000-4000-8000-{n:012x}")
}

/// An office's data folder with `count` complete responses.
fn office(number: usize, count: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("responses")).unwrap();
    for n in 0..count {
        write_response(dir.path(), &complete_response(&id_for(number, n), n, 1));
    }
    dir
}

fn write_response(data: &Path, response: &Value) {
    let path = data
        .join("responses")
        .join(format!("{}.json", response["id"].as_str().unwrap()));
    std::fs::write(path, serde_json::to_vec_pretty(response).unwrap()).unwrap();
}

fn sync(data: &Path, url: &str, token: &str) -> Output {
    campo(&[
        "--data-dir",
        data.to_str().unwrap(),
        "sync",
        "--server",
        url,
        "--token",
        token,
    ])
    .env("CAMPO_CONFIG", data.join("no-config.toml"))
    .env("CAMPO_SYNC_RETRY_MS", "20")
    .output()
    .unwrap()
}

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

fn flaky_proxy(target: String, every: usize) -> (String, Arc<AtomicUsize>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let cut = Arc::new(AtomicUsize::new(0));
    let (requests, cuts) = (Arc::new(AtomicUsize::new(0)), cut.clone());
    thread::spawn(move || {
        for client in listener.incoming().map_while(Result::ok) {
            let Ok(upstream) = TcpStream::connect(target.trim_start_matches("http://")) else {
                continue;
            };
            let (requests, cuts) = (requests.clone(), cuts.clone());
            let (mut client_in, mut upstream_out) =
                (client.try_clone().unwrap(), upstream.try_clone().unwrap());
            let (mut upstream_in, mut client_out) = (upstream, client);
            thread::spawn(move || {
                let mut buffer = [0u8; 16 * 1024];
                while let Ok(n) = client_in.read(&mut buffer) {
                    if n == 0 {
                        break;
                    }
                    let starts = buffer[..n]
                        .windows(4)
                        .filter(|w| w == b"PUT " || w == b"POST")
                        .count();
                    let seen = requests.fetch_add(starts, Ordering::SeqCst) + starts;
                    if starts > 0 && seen % every == 0 {
                        cuts.fetch_add(1, Ordering::SeqCst);
                        let _ = upstream_out.write_all(&buffer[..n / 2]);
                        let _ = upstream_out.shutdown(Shutdown::Both);
                        let _ = client_in.shutdown(Shutdown::Both);
                        return;
                    }
                    if upstream_out.write_all(&buffer[..n]).is_err() {
                        break;
                    }
                }
                let _ = upstream_out.shutdown(Shutdown::Both);
            });
            thread::spawn(move || {
                let _ = std::io::copy(&mut upstream_in, &mut client_out);
                let _ = client_out.shutdown(Shutdown::Both);
            });
        }
    });
    (address, cut)
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

fn every_kind_of_bad_document_is_refused_and_nothing_stored(backend: Backend) {
    let Some((db, token, server)) = server_with_token(backend, "checks") else {
        return;
    };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let id = id_for(9, 1);
    let good = complete_response(&id, 1, 1);
    let put = |path_id: &str, body: Vec<u8>, token: Option<&str>, gzip: bool| -> (u16, String) {
        let mut request = agent.put(&format!("{}/v1/responses/{path_id}", server.url));
        if let Some(token) = token {
            request = request.header("Authorization", &format!("Bearer {token}"));
        }
        if gzip {
            request = request.header("Content-Encoding", "gzip");
        }
        let mut response = request.send(&body[..]).unwrap();
        (
            response.status().as_u16(),
            response.body_mut().read_to_string().unwrap_or_default(),
        )
    };
    let with = |f: &dyn Fn(&mut Value)| {
        let mut document = good.clone();
        f(&mut document);
        serde_json::to_vec(&document).unwrap()
    };
    // (what, status expected, body, token, gzipped, what the answer names)
    type Case<'a> = (&'a str, u16, Vec<u8>, Option<&'a str>, bool, &'a str);
    let cases: Vec<Case> = vec![
        ("no token", 401, with(&|_| {}), None, false, "unauthorized"),
        (
            "wrong token",
            401,
            with(&|_| {}),
            Some("nope"),
            false,
            "unauthorized",
        ),
        (
            "not JSON",
            400,
            b"{\"id\": ".to_vec(),
            Some(&token),
            false,
            "not_json",
        ),
        (
            "bad gzip",
            400,
            b"not gzip at all".to_vec(),
            Some(&token),
            true,
            "not_json",
        ),
        (
            "not a response",
            422,
            b"[1, 2, 3]".to_vec(),
            Some(&token),
            false,
            "not_a_response",
        ),
        (
            "unknown form",
            422,
            with(&|d| d["form"]["id"] = json!("other-survey")),
            Some(&token),
            false,
            "unknown_form",
        ),
        (
            "bad code",
            422,
            with(&|d| d["answers"]["ps_active"] = json!("maybe")),
            Some(&token),
            false,
            "ps_active",
        ),
        (
            "wrong type",
            422,
            with(&|d| d["answers"]["cp_tools"] = json!(["no"])),
            Some(&token),
            false,
            "cp_tools",
        ),
        (
            "unknown item",
            422,
            with(&|d| d["answers"]["shoe_size"] = json!("42")),
            Some(&token),
            false,
            "shoe_size",
        ),
        (
            "missing required",
            422,
            with(&|d| {
                d["answers"].as_object_mut().unwrap().remove("dept_name");
            }),
            Some(&token),
            false,
            "dept_name",
        ),
        (
            "not asked",
            422,
            with(&|d| d["answers"]["ps_years"] = json!("y1_3")),
            Some(&token),
            false,
            "ps_years",
        ),
        (
            "id mismatch",
            422,
            with(&|d| d["id"] = json!(id_for(9, 2))),
            Some(&token),
            false,
            "id_mismatch",
        ),
        (
            "too large",
            413,
            with(&|d| d["answers"]["promising_practices"] = json!("x".repeat(2 * 1024 * 1024))),
            Some(&token),
            false,
            "too_large",
        ),
    ];
    for (name, status, body, token, gzip, mentions) in cases {
        let (got, answer) = put(&id, body, token, gzip);
        assert_eq!(got, status, "{name}: {answer}");
        assert!(answer.contains(mentions), "{name}: {answer}");
    }
    let (status, answer) = put("..%2F..%2Fetc%2Fpasswd", with(&|_| {}), Some(&token), false);
    assert_eq!(status, 422, "path tricks: {answer}");
    assert!(answer.contains("bad_id"), "{answer}");
    assert!(
        stored(&db).is_empty(),
        "nothing is stored for a refused request"
    );
    // And the good one goes in, once.
    assert_eq!(put(&id, with(&|_| {}), Some(&token), false).0, 200);
    let (status, answer) = put(&id, with(&|_| {}), Some(&token), false);
    assert_eq!(
        (status, answer.contains("already_there")),
        (200, true),
        "{answer}"
    );
    let (status, answer) = put(
        &id,
        with(&|d| d["answers"]["dept_name"] = json!("Altro")),
        Some(&token),
        false,
    );
    assert_eq!(
        (status, answer.contains("conflict")),
        (409, true),
        "{answer}"
    );
    assert_eq!(stored(&db).len(), 1);

    // Health needs no token and lists the forms; reading a response needs one.
    let mut health = agent
        .get(&format!("{}/v1/health", server.url))
        .call()
        .unwrap();
    let health: Value = serde_json::from_str(&health.body_mut().read_to_string().unwrap()).unwrap();
    assert_eq!(health["forms"][0]["id"], "mhd-peer-support-2025");
    // The backend and the schema's version, as the migrations left it.
    let (name, schema) = match backend {
        Backend::Sqlite => ("sqlite", 3),
        Backend::Postgres => ("postgres", 1),
    };
    assert_eq!(health["backend"], name);
    assert_eq!(health["schema"], schema);
    let url = format!("{}/v1/responses/{id}", server.url);
    assert_eq!(agent.get(&url).call().unwrap().status().as_u16(), 401);
    let mut current = agent
        .get(&url)
        .header("Authorization", &format!("Bearer {token}"))
        .call()
        .unwrap();
    let current: Value =
        serde_json::from_str(&current.body_mut().read_to_string().unwrap()).unwrap();
    assert_eq!(current["answers"]["dept_name"], "DSM n. 1, perché sì");
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

/// HTTPS to something that does not speak TLS: a TLS failure is fatal and
/// is not retried.
#[test]
fn a_tls_failure_stops_at_once() {
    let backend = Backend::Sqlite;
    let Some((db, token, server)) = server_with_token(backend, "tls") else {
        return;
    };
    let data = office(12, 3);
    let https = server.url.replace("http://", "https://");
    let started = Instant::now();
    let output = sync(data.path(), &https, &token);
    assert!(!output.status.success());
    assert!(
        text(&output).contains("the secure connection failed"),
        "{}",
        text(&output)
    );
    assert!(text(&output).contains("not sent: 3"), "{}", text(&output));
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "no retries after a TLS failure"
    );
    assert!(stored(&db).is_empty());
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

/// Hostile clients: a flood from one token, a body that never finishes,
/// JSON nested past reason, bytes that are not UTF-8. The server refuses
/// each, stays up, and stores nothing it refused.
fn hostile_input_is_refused_and_the_server_stays_up(backend: Backend) {
    let Some(db) = Db::fresh(backend) else {
        return;
    };
    let token = add_token(&db, "flood");
    let server = Server::start_with(
        &db,
        "127.0.0.1:0",
        &["--rate-limit", "5", "--body-timeout", "1"],
    );
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let put = |id: &str, body: &[u8]| -> u16 {
        put_bytes(&format!("{}/v1/responses/{id}", server.url), &token, body)
    };
    // A flood: 60 requests at once from one token.
    let statuses: Vec<u16> = (0..60)
        .map(|n| {
            let id = id_for(20, n);
            put(
                &id,
                &serde_json::to_vec(&complete_response(&id, n, 1)).unwrap(),
            )
        })
        .collect();
    let (stored_ok, limited) = (
        statuses.iter().filter(|s| **s == 200).count(),
        statuses.iter().filter(|s| **s == 429).count(),
    );
    assert!(limited > 0 && stored_ok + limited == 60, "{statuses:?}");
    assert_eq!(stored(&db).len(), stored_ok, "nothing stored for a 429");
    // What follows is about other limits: a token of its own, with a
    // full bucket, rather than waiting for this one's to refill.
    let token = add_token(&db, "patient");
    let put = |id: &str, body: &[u8]| -> u16 {
        put_bytes(&format!("{}/v1/responses/{id}", server.url), &token, body)
    };

    // JSON nested far too deep, and bytes that are not UTF-8.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(put(&id_for(21, 1), deep.as_bytes()), 400);
    assert_eq!(put(&id_for(21, 2), &[0xff, 0xfe, b'{', 0x80]), 400);

    // A body that never finishes: told so after the timeout, and let go.
    let mut slow = TcpStream::connect(server.url.trim_start_matches("http://")).unwrap();
    let id = id_for(21, 3);
    write!(
        slow,
        "PUT /v1/responses/{id} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nContent-Length: 500\r\n\r\n{{\"id\""
    )
    .unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let started = Instant::now();
    let mut answer = String::new();
    let _ = slow.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer:?}");
    assert!(started.elapsed() < Duration::from_secs(10));

    // Headers that never finish (slowloris): the connection is closed.
    let mut trickle = TcpStream::connect(server.url.trim_start_matches("http://")).unwrap();
    write!(trickle, "GET /v1/health HTTP/1.1\r\nHost: x\r\n").unwrap();
    trickle
        .set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let started = Instant::now();
    let mut rest = Vec::new();
    let closed = trickle.read_to_end(&mut rest).is_ok();
    assert!(
        closed && started.elapsed() < Duration::from_secs(10),
        "still open after {:?}",
        started.elapsed()
    );

    // Still up, and it still stores good documents.
    let mut health = agent
        .get(&format!("{}/v1/health", server.url))
        .call()
        .unwrap();
    assert!(health.body_mut().read_to_string().unwrap().contains("ok"));
    let total = stored(&db).len();
    assert_eq!(total, stored_ok, "nothing refused was stored");
}

fn raw_agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .build()
        .into()
}

fn get_status(url: &str, token: Option<&str>) -> u16 {
    let mut request = raw_agent().get(url);
    if let Some(token) = token {
        request = request.header("Authorization", &format!("Bearer {token}"));
    }
    request.call().map(|r| r.status().as_u16()).unwrap_or(0)
}

fn put_status(url: &str, token: &str, document: &Value) -> u16 {
    put_bytes(url, token, &serde_json::to_vec(document).unwrap())
}

fn put_bytes(url: &str, token: &str, body: &[u8]) -> u16 {
    raw_agent()
        .put(url)
        .header("Authorization", &format!("Bearer {token}"))
        .send(body)
        .map(|r| r.status().as_u16())
        .unwrap_or(0)
}

fn another_offices_token_can_neither_read_nor_overwrite_a_response(backend: Backend) {
    let Some((db, verona, server)) = server_with_token(backend, "verona") else {
        return;
    };
    let milano = add_token(&db, "milano");
    let data = office(30, 1);
    assert!(sync(data.path(), &server.url, &verona).status.success());
    let id = id_for(30, 0);
    let url = format!("{}/v1/responses/{id}", server.url);
    assert_eq!(get_status(&url, Some(&verona)), 200);
    assert_eq!(
        get_status(&url, Some(&milano)),
        404,
        "as if it did not exist"
    );
    let mut tampered = complete_response(&id, 0, i64::MAX as u64);
    tampered["answers"]["dept_name"] = "TAMPERED BY MILANO".into();
    assert_eq!(put_status(&url, &milano, &tampered), 404);
    // Verona goes on as if nothing happened.
    write_response(data.path(), &complete_response(&id, 1, 2));
    let output = sync(data.path(), &server.url, &verona);
    assert!(output.status.success(), "{}", text(&output));
    let stored = stored(&db);
    assert_eq!(stored[0]["revision"], 2);
    assert_ne!(stored[0]["answers"]["dept_name"], "TAMPERED BY MILANO");
}

fn a_revision_past_what_the_database_holds_is_refused_and_blocks_nothing(backend: Backend) {
    let Some((db, token, server)) = server_with_token(backend, "verona") else {
        return;
    };
    let data = office(31, 3);
    let mut huge = complete_response(&id_for(31, 0), 0, 1);
    huge["revision"] = serde_json::Value::Number(9_223_372_036_854_775_808u64.into());
    huge["updated"] = "2026-01-01T00:00:00Z".into();
    write_response(data.path(), &huge);
    let output = sync(data.path(), &server.url, &token);
    let said = text(&output);
    assert!(!output.status.success());
    assert!(said.contains("Sent: 2"), "{said}");
    assert!(said.contains("refused: 1"), "{said}");
    assert_eq!(stored(&db).len(), 2, "the others went through");
    assert_eq!(server.count(" 500 "), 0, "no server error: {said}");
}

#[test]
fn a_connection_that_sends_nothing_is_let_go() {
    let db_dir = tempfile::tempdir().unwrap();
    let server = Server::start_with(
        db_dir.path().join("campo.sqlite").to_str().unwrap(),
        "127.0.0.1:0",
        &["--body-timeout", "1"],
    );
    for first in ["", "P"] {
        let mut silent = TcpStream::connect(server.url.trim_start_matches("http://")).unwrap();
        silent.write_all(first.as_bytes()).unwrap();
        silent
            .set_read_timeout(Some(Duration::from_secs(20)))
            .unwrap();
        let started = Instant::now();
        let mut rest = Vec::new();
        let closed = silent.read_to_end(&mut rest).is_ok();
        assert!(
            closed && started.elapsed() < Duration::from_secs(10),
            "{first:?}: still open after {:?}",
            started.elapsed()
        );
    }
}

fn reads_and_requests_without_a_token_are_rate_limited_too(backend: Backend) {
    let Some(db) = Db::fresh(backend) else {
        return;
    };
    let token = add_token(&db, "reader");
    // A server of its own for each case: each starts with full buckets.
    for (what, path, token) in [
        (
            "reads",
            format!("/v1/responses/{}", id_for(32, 0)),
            Some(token.as_str()),
        ),
        ("no token", format!("/v1/responses/{}", id_for(32, 0)), None),
        (
            "wrong token",
            format!("/v1/responses/{}", id_for(32, 0)),
            Some("nope"),
        ),
        ("health", "/v1/health".to_string(), None),
    ] {
        let server = Server::start_with(&db, "127.0.0.1:0", &["--rate-limit", "5"]);
        let url = format!("{}{path}", server.url);
        let statuses: Vec<u16> = (0..40).map(|_| get_status(&url, token)).collect();
        assert!(statuses.contains(&429), "{what}: {statuses:?}");
    }
}

#[test]
fn the_log_carries_no_raw_bytes_from_the_url() {
    let db_dir = tempfile::tempdir().unwrap();
    let server = Server::start(db_dir.path().join("campo.sqlite").to_str().unwrap());
    let mut stream = TcpStream::connect(server.url.trim_start_matches("http://")).unwrap();
    stream
        .write_all(
            "GET /v1/responses/é\u{202e} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                .as_bytes(),
        )
        .unwrap();
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let start = Instant::now();
    while server.count("/v1/responses/") == 0 && start.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(10));
    }
    let log = server.log.lock().unwrap().join("\n");
    assert!(log.contains("%E2%80%AE"), "{log}");
    assert!(!log.contains('\u{202e}') && !log.contains('é'), "{log}");
}

fn after_sigterm_new_connections_are_refused_while_requests_finish(backend: Backend) {
    let Some(db) = Db::fresh(backend) else {
        return;
    };
    let token = add_token(&db, "slow");
    let mut server = Server::start(&db);
    let address = server.url.trim_start_matches("http://").to_string();
    // A request under way: headers sent, the body still coming.
    let id = id_for(33, 0);
    let body = serde_json::to_vec(&complete_response(&id, 0, 1)).unwrap();
    // "Expect: 100-continue": the server says when it starts reading the
    // body, so the test knows the request is under way before SIGTERM.
    let mut slow = TcpStream::connect(&address).unwrap();
    write!(
        slow,
        "PUT /v1/responses/{id} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nContent-Length: {}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n",
        body.len()
    )
    .unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(20)))
        .unwrap();
    let mut continued = [0u8; 25];
    slow.read_exact(&mut continued).unwrap();
    assert!(continued.starts_with(b"HTTP/1.1 100 Continue"));
    slow.write_all(&body[..10]).unwrap();
    let pid = server.child.id() as libc::pid_t;
    // SAFETY: kill(2) on our own child's pid has no memory effects.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    let start = Instant::now();
    while TcpStream::connect(&address).is_ok() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "new connections still accepted after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // The request under way is still served.
    slow.write_all(&body[10..]).unwrap();
    let mut answer = String::new();
    let _ = slow.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(server.child.wait().unwrap().success());
}

/// Resident memory of a process, in kB.
fn resident_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap()
}

#[test]
fn stalled_uploads_hold_at_most_the_limit_each_in_memory() {
    let backend = Backend::Sqlite;
    let Some(db) = Db::fresh(backend) else {
        return;
    };
    let token = add_token(&db, "big");
    let server = Server::start(&db);
    let address = server.url.trim_start_matches("http://").to_string();
    let before = resident_kb(server.child.id());
    let chunk = vec![b' '; 1024 * 1024];
    let stalled: Vec<TcpStream> = (0..30)
        .map(|n| {
            let mut stream = TcpStream::connect(&address).unwrap();
            write!(
                stream,
                "PUT /v1/responses/{} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nContent-Length: {}\r\n\r\n",
                id_for(34, n),
                16 * 1024 * 1024
            )
            .unwrap();
            for _ in 0..15 {
                stream.write_all(&chunk).unwrap();
            }
            stream
        })
        .collect();
    let grown_mb = resident_kb(server.child.id()).saturating_sub(before) / 1024;
    // Buffering each upload whole took 30 × 15 MiB: about 450 MB.
    assert!(grown_mb < 150, "the server grew by {grown_mb} MB");
    drop(stalled);
}

/// A stand-in server that answers each request with the next of `answers`
/// (whole HTTP responses), and keeps what it was sent.
fn fake_server(answers: Vec<String>) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    thread::spawn(move || {
        for (stream, answer) in listener.incoming().zip(answers) {
            let mut stream = stream.unwrap();
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut head = String::new();
            let mut length = 0;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                if let Some(value) = line.to_ascii_lowercase().strip_prefix("content-length:") {
                    length = value.trim().parse().unwrap_or(0);
                }
                head.push_str(&line);
            }
            let mut body = vec![0; length];
            let _ = reader.read_exact(&mut body);
            log.lock().unwrap().push(head);
            let _ = stream.write_all(answer.as_bytes());
            let _ = stream.shutdown(Shutdown::Both);
        }
    });
    (url, seen)
}

fn http_answer(status: &str, headers: &str, body: &str) -> String {
    format!(
        "HTTP/1.1 {status}\r\n{headers}Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
}

#[test]
fn only_a_confirmation_of_the_revision_sent_counts_and_no_redirect_is_followed() {
    for (answer, says) in [
        (
            http_answer(
                "200 OK",
                "",
                r#"{"results":[{"id":"x","accepted":{"result":"stored","revision":0}}]}"#,
            ),
            "confirmed revision 0",
        ),
        (
            http_answer(
                "303 See Other",
                "Location: http://127.0.0.1:9/elsewhere\r\n",
                "",
            ),
            "campo follows no redirect",
        ),
        (
            http_answer(
                "301 Moved Permanently",
                "Location: https://campo.example.org/\r\n",
                "",
            ),
            "https://campo.example.org/",
        ),
    ] {
        let data = office(35, 1);
        let (url, _) = fake_server(vec![answer]);
        let output = sync(data.path(), &url, "token");
        let said = text(&output);
        assert!(!output.status.success(), "{said}");
        assert!(said.contains(says), "{said}");
        assert!(!said.contains("token"), "not a token problem: {said}");
        assert!(
            files(&data.path().join("responses"))[0]
                .get("sync")
                .is_none()
        );
    }
}

#[test]
fn a_slow_link_answer_is_retried_not_taken_as_a_refusal() {
    let data = office(36, 1);
    let (url, seen) = fake_server(vec![
        http_answer("408 Request Timeout", "", ""),
        http_answer("408 Request Timeout", "", r#"{"error":"too_slow"}"#),
        http_answer(
            "200 OK",
            "",
            r#"{"results":[{"id":"x","accepted":{"result":"stored","revision":1}}]}"#,
        ),
    ]);
    let output = sync(data.path(), &url, "token");
    assert!(output.status.success(), "{}", text(&output));
    assert_eq!(seen.lock().unwrap().len(), 3);
    assert_eq!(
        files(&data.path().join("responses"))[0]["sync"]["revision"],
        1
    );
}

/// A campo from before batches answers `POST /v1/responses` with 404:
/// the responses go one by one, as before.
#[test]
fn a_server_without_batches_gets_the_responses_one_by_one() {
    let data = office(38, 1);
    let (url, seen) = fake_server(vec![
        http_answer("404 Not Found", "", ""),
        http_answer("200 OK", "", r#"{"result":"stored","revision":1}"#),
    ]);
    let output = sync(data.path(), &url, "token");
    assert!(output.status.success(), "{}", text(&output));
    let seen = seen.lock().unwrap();
    assert!(seen[0].starts_with("POST /v1/responses "), "{seen:?}");
    assert!(seen[1].starts_with("PUT /v1/responses/"), "{seen:?}");
    assert_eq!(
        files(&data.path().join("responses"))[0]["sync"]["revision"],
        1
    );
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

#[test]
fn setup_checks_the_address_and_the_token_before_saving() {
    let backend = Backend::Sqlite;
    let Some((_db, token, server)) = server_with_token(backend, "verona") else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config.toml");
    let setup = |server: &str, token: &str| {
        campo(&[
            "--lang", "en", "sync", "--setup", "--server", server, "--token", token,
        ])
        .env("CAMPO_CONFIG", &config)
        .output()
        .unwrap()
    };
    let output = setup("127.0.0.1:8750", &token);
    assert!(!output.status.success());
    assert!(
        text(&output).contains("must start with https://"),
        "{}",
        text(&output)
    );
    assert!(!config.exists());
    let output = setup(&server.url, "wrong");
    assert!(!output.status.success());
    assert!(
        text(&output).contains("Nothing was saved"),
        "{}",
        text(&output)
    );
    assert!(!config.exists());
    let output = setup(&server.url, &token);
    assert!(output.status.success(), "{}", text(&output));
    assert!(text(&output).contains("\"verona\""), "{}", text(&output));
    assert!(config.exists());
}

#[test]
fn an_unknown_host_is_said_at_once() {
    let data = office(38, 1);
    let output = sync(data.path(), "http://no-such-host.invalid", "token");
    let said = text(&output);
    assert!(!output.status.success());
    assert!(
        said.contains("no computer has that name") || said.contains("cannot be reached"),
        "{said}"
    );
    // m21: no kilobytes are said to have gone to a server never reached.
    assert!(
        said.contains("with no answer from the server") && !said.contains(" KB "),
        "{said}"
    );
}

#[test]
fn the_token_can_come_from_the_environment_and_a_readable_config_is_warned_of() {
    let backend = Backend::Sqlite;
    use std::os::unix::fs::PermissionsExt;
    let Some((db, token, server)) = server_with_token(backend, "verona") else {
        return;
    };
    let data = office(39, 1);
    let config = data.path().join("config.toml");
    std::fs::write(&config, format!("server = \"{}\"\n", server.url)).unwrap();
    std::fs::set_permissions(&config, std::fs::Permissions::from_mode(0o644)).unwrap();
    let output = campo(&[
        "--lang",
        "en",
        "--data-dir",
        data.path().to_str().unwrap(),
        "sync",
    ])
    .env("CAMPO_CONFIG", &config)
    .env("CAMPO_TOKEN", &token)
    .output()
    .unwrap();
    assert!(output.status.success(), "{}", text(&output));
    assert!(text(&output).contains("chmod 600"), "{}", text(&output));
    assert_eq!(stored(&db).len(), 1);
}

#[test]
fn a_server_that_is_down_is_said_in_the_users_language() {
    let data = office(40, 1);
    // A port nobody listens on: bound, then let go.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let output = campo(&[
        "--lang",
        "it",
        "--data-dir",
        data.path().to_str().unwrap(),
        "sync",
        "--server",
        &format!("http://127.0.0.1:{port}"),
        "--token",
        "token",
    ])
    .env("CAMPO_CONFIG", data.path().join("no-config.toml"))
    .env("CAMPO_SYNC_RETRY_MS", "5")
    .output()
    .unwrap();
    let said = text(&output);
    assert!(said.contains("connessione rifiutata"), "{said}");
    assert!(
        !said.contains("Connection refused") && !said.contains("os error"),
        "{said}"
    );
    // m21: the tries are counted; no kilobytes went to a server that is down.
    assert!(
        said.contains("tentativi, senza risposta dal server") && !said.contains(" KB"),
        "{said}"
    );
}

#[test]
fn an_address_that_is_no_address_is_said_at_once() {
    let data = office(41, 1);
    let output = sync(data.path(), "notaurl", "token");
    let said = text(&output);
    assert!(
        said.contains("\"notaurl\" is not a usable server address"),
        "{said}"
    );
    assert!(
        said.contains("one try, with no answer from the server"),
        "not retried: {said}"
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
    every_kind_of_bad_document_is_refused_and_nothing_stored,
    without_network_a_folder_carries_responses_and_import_checks_them,
    hostile_input_is_refused_and_the_server_stays_up,
    another_offices_token_can_neither_read_nor_overwrite_a_response,
    a_revision_past_what_the_database_holds_is_refused_and_blocks_nothing,
    reads_and_requests_without_a_token_are_rate_limited_too,
    after_sigterm_new_connections_are_refused_while_requests_finish,
    pointed_at_a_new_server_an_office_sends_everything_again,
    a_closed_survey_takes_nothing_and_the_office_is_told_when_it_closed,
    a_batch_answers_each_document_and_stores_the_good_ones_once,
    a_frame_is_imported_whole_or_not_at_all_and_updated_by_unit,
    two_instances_on_one_database_store_what_both_are_sent_once,
);

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

fn sorted_file_bytes(dir: &Path) -> Vec<Vec<u8>> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read(p).unwrap()).collect()
}
