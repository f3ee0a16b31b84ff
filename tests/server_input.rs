//! What the collection server refuses, and how it holds up: bad documents,
//! hostile and oversized input, other offices' tokens, silent or stalled
//! connections, rate limits, its log, and a stop while requests run.

mod support;
use support::backend::{Backend, Db};
use support::server::{Server, add_token, complete_response, server_with_token};
use support::sync::*;
use support::text;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

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

/// Every route but the health check and registering with a code wants a
/// live token (the caller is an argument of each handler): without one, or
/// with one the server never gave, each says 401 and does nothing.
fn every_route_but_health_and_register_wants_a_live_token(backend: Backend) {
    let Some((db, _token, server)) = server_with_token(backend, "verona") else {
        return;
    };
    let id = id_for(31, 0);
    let document = serde_json::to_vec(&complete_response(&id, 31, 1)).unwrap();
    let routes = [
        ("GET", "/v1/whoami".to_string()),
        ("GET", format!("/v1/responses/{id}")),
        ("PUT", format!("/v1/responses/{id}")),
        ("POST", "/v1/responses".to_string()),
        ("POST", "/v1/codes/check".to_string()),
    ];
    for token in [None, Some("not-a-token-the-server-gave")] {
        for (method, path) in &routes {
            let url = format!("{}{path}", server.url);
            let mut request = ureq::http::Request::builder().method(*method).uri(&url);
            if let Some(token) = token {
                request = request.header("Authorization", format!("Bearer {token}"));
            }
            let request = request.body(document.clone()).unwrap();
            let status = raw_agent()
                .run(request)
                .map(|r| r.status().as_u16())
                .unwrap_or(0);
            assert_eq!(status, 401, "{method} {path} with {token:?}");
        }
    }
    assert_eq!(get_status(&format!("{}/v1/health", server.url), None), 200);
    assert!(stored(&db).is_empty(), "nothing was stored");
}

on_both_backends!(
    every_route_but_health_and_register_wants_a_live_token,
    every_kind_of_bad_document_is_refused_and_nothing_stored,
    hostile_input_is_refused_and_the_server_stays_up,
    another_offices_token_can_neither_read_nor_overwrite_a_response,
    a_revision_past_what_the_database_holds_is_refused_and_blocks_nothing,
    reads_and_requests_without_a_token_are_rate_limited_too,
    after_sigterm_new_connections_are_refused_while_requests_finish,
);
