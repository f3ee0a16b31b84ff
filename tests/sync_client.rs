//! The sync client against servers that misbehave (fake ones on loopback
//! that answer what a test says) and against addresses that are wrong:
//! what it counts as confirmed, what it retries, what it tells the user.

mod support;
use support::backend::Backend;
use support::server::{campo, server_with_token};
use support::sync::*;
use support::text;

use std::net::TcpListener;
use std::time::{Duration, Instant};

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
