//! The SSH front door with the real thing: an OpenSSH `sshd` on a loopback
//! port, configured with the `Match` block of docs/survey.md (read from
//! it), running `campo kiosk` for the test's own account; real `ssh`
//! clients, in a pseudo-terminal or not; the real collection server.
//!
//! sshd must run as root (its privilege separation); where it is missing
//! or the tests are not root, these tests say so and pass, unless
//! `CAMPO_REQUIRE_SSHD` is set, as `.ci/run` does.

mod support;
use support::server::{Server, campo};
use support::{ENTER, ESC, F3, Tty, text};

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const FRAME: &str = "\
unit,dept_name,dept_region,population,email
dsm-verona,DSM Verona,veneto,927000,verona@example.org
dsm-lecce,DSM Lecce,puglia,780000,lecce@example.org
dsm-sassari,DSM Sassari,sardegna,480000,sassari@example.org
";

/// The collection server with the frame, the units' codes, and a kiosk
/// account's data folder and config set up with a kiosk token.
struct Survey {
    dir: tempfile::TempDir,
    db: PathBuf,
    // Kept running as long as the survey is.
    _server: Server,
    codes: Vec<(String, String)>,
}

impl Survey {
    fn new() -> Survey {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("server.sqlite");
        std::fs::write(dir.path().join("frame.csv"), FRAME).unwrap();
        let admin = |args: &[&str]| {
            let mut all = vec!["serve", "--db", db.to_str().unwrap()];
            all.extend(args);
            let output = campo(&all).output().unwrap();
            assert!(output.status.success(), "{args:?}: {}", text(&output));
            String::from_utf8(output.stdout).unwrap()
        };
        admin(&[
            "frame",
            "import",
            dir.path().join("frame.csv").to_str().unwrap(),
        ]);
        let codes = admin(&["codes"])
            .lines()
            .skip(1)
            .map(|l| {
                let (unit, code) = l.split_once(',').unwrap();
                (unit.to_string(), code.to_string())
            })
            .collect();
        let token = admin(&["token", "add", "kiosk", "--kiosk"])
            .trim()
            .to_string();
        let server = Server::start(db.to_str().unwrap());
        let setup = campo(&[
            "sync",
            "--setup",
            "--server",
            &server.url,
            "--token",
            &token,
        ])
        .env("CAMPO_CONFIG", dir.path().join("kiosk.toml"))
        .output()
        .unwrap();
        assert!(setup.status.success(), "{}", text(&setup));
        Survey {
            dir,
            db,
            _server: server,
            codes,
        }
    }

    fn code(&self, unit: &str) -> &str {
        &self.codes.iter().find(|(u, _)| u == unit).unwrap().1
    }

    fn kiosk_data(&self) -> PathBuf {
        self.dir.path().join("kiosk-data")
    }

    /// What OpenSSH runs for the account: `campo kiosk` on the kiosk's
    /// config and data folder.
    fn force_command(&self) -> String {
        self.force_command_idle("5")
    }

    /// The same, ending a session after `minutes` without a key.
    fn force_command_idle(&self, minutes: &str) -> String {
        format!(
            "CAMPO_CONFIG={} exec {} --data-dir {} kiosk --idle-minutes {minutes} --takeover-after 1",
            self.dir.path().join("kiosk.toml").display(),
            env!("CARGO_BIN_EXE_campo"),
            self.kiosk_data().display()
        )
    }

    /// The server's current documents, through `serve dump`.
    fn stored(&self) -> Vec<serde_json::Value> {
        let out = tempfile::tempdir().unwrap();
        let dump = campo(&[
            "serve",
            "--db",
            self.db.to_str().unwrap(),
            "dump",
            "--out",
            out.path().to_str().unwrap(),
        ])
        .output()
        .unwrap();
        assert!(dump.status.success(), "{}", text(&dump));
        support::responses(out.path())
    }
}

struct Sshd {
    child: Child,
    dir: tempfile::TempDir,
    port: u16,
    user: String,
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The `sshd_config` block of docs/survey.md, for `user`, running
/// `force_command`.
fn readme_block(user: &str, force_command: &str) -> String {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/survey.md"))
            .unwrap();
    let block = readme
        .split("```sshd_config\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("docs/survey.md has an sshd_config block");
    block
        .lines()
        .map(|line| {
            if line.starts_with("Match User ") {
                format!("Match User {user}")
            } else if line.trim_start().starts_with("ForceCommand ") {
                format!("    ForceCommand {force_command}")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

impl Sshd {
    fn start(force_command: &str) -> Option<Sshd> {
        let required = std::env::var_os("CAMPO_REQUIRE_SSHD").is_some();
        let root = unsafe { libc::geteuid() } == 0;
        if !Path::new("/usr/sbin/sshd").exists() || !root {
            assert!(
                !required,
                "sshd is required: run as root with openssh-server installed"
            );
            eprintln!("sshd is missing or the tests are not root: the SSH checks are skipped");
            return None;
        }
        std::fs::create_dir_all("/run/sshd").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let keygen = |name: &str| {
            let made = Command::new("ssh-keygen")
                .args(["-q", "-t", "ed25519", "-N", "", "-f"])
                .arg(dir.path().join(name))
                .status()
                .unwrap();
            assert!(made.success());
        };
        keygen("host");
        keygen("client");
        std::fs::copy(
            dir.path().join("client.pub"),
            dir.path().join("authorized_keys"),
        )
        .unwrap();
        let user = String::from_utf8(Command::new("id").arg("-un").output().unwrap().stdout)
            .unwrap()
            .trim()
            .to_string();
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        // What only the test needs: a loopback port, its own host key, the
        // client's key instead of an empty password (root has one).
        let config = format!(
            "ListenAddress 127.0.0.1\nPort {port}\nHostKey {dir}/host\nPidFile none\nUsePAM no\n\
             StrictModes no\nAuthorizedKeysFile {dir}/authorized_keys\n{block}\n",
            dir = dir.path().display(),
            block = readme_block(&user, force_command),
        );
        std::fs::write(dir.path().join("sshd_config"), config).unwrap();
        let child = Command::new("/usr/sbin/sshd")
            .args(["-D", "-e", "-f"])
            .arg(dir.path().join("sshd_config"))
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(20),
                "sshd did not start"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        Some(Sshd {
            child,
            dir,
            port,
            user,
        })
    }

    /// `ssh` to the kiosk with the test's key, and `extra` options.
    fn args(&self, extra: &[&str]) -> Vec<String> {
        let mut args: Vec<String> = [
            "-F",
            "/dev/null",
            "-i",
            &self.dir.path().join("client").display().to_string(),
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
            "-o",
            "BatchMode=yes",
            "-o",
            "LogLevel=ERROR",
            "-p",
            &self.port.to_string(),
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        args.extend(extra.iter().map(|s| s.to_string()));
        args.push(format!("{}@127.0.0.1", self.user));
        args
    }

    fn tty(&self, extra: &[&str]) -> Tty {
        let args = self.args(&[&["-tt"], extra].concat());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        Tty::spawn_command("ssh", &args, &[("TERM", "xterm-256color")])
    }

    /// `ssh` without a terminal, fed `input`, with `command` asked for.
    fn plain(&self, extra: &[&str], command: &[&str], input: &str) -> std::process::Output {
        let mut args = self.args(&[&["-T"], extra].concat());
        args.extend(command.iter().map(|s| s.to_string()));
        let mut child = Command::new("ssh")
            .args(&args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap()
    }
}

/// The lock file of the kiosk's one response.
fn the_lock(data: &Path) -> PathBuf {
    std::fs::read_dir(data.join("locks"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path()
}

/// At the code prompt (in Italian), types `code` and waits for the first
/// question.
fn enter_with(tty: &mut Tty, code: &str) {
    tty.wait_for("Codice di accesso del suo dipartimento");
    tty.send(&format!("{code}{ENTER}"));
    tty.wait_for("In quale regione");
}

/// Waits until no session holds the response (its kiosk has ended).
fn wait_until_released(data: &Path) {
    let started = Instant::now();
    loop {
        use std::os::fd::AsRawFd;
        // Let go of, the lock file is removed with it.
        let Some(lock) = std::fs::read_dir(data.join("locks"))
            .ok()
            .and_then(|mut entries| entries.next())
            .and_then(Result::ok)
        else {
            return;
        };
        if let Ok(file) = std::fs::File::open(lock.path())
            && unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0
        {
            unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_UN) };
            return;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the kiosk kept the lock"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
#[cfg_attr(
    no_sshd,
    ignore = "OpenSSH sshd is not installed (apt-get install openssh-server)"
)]
fn a_director_answers_over_ssh_survives_a_dropped_link_and_the_response_arrives() {
    let survey = Survey::new();
    let Some(sshd) = Sshd::start(&survey.force_command()) else {
        return;
    };
    // Italian by default: the client sends no LANG.
    let mut tty = sshd.tty(&[]);
    enter_with(&mut tty, survey.code("dsm-lecce"));
    tty.wait_for("Puglia");
    tty.keys(ENTER, "Denominazione del Dipartimento");
    tty.keys(ENTER, "Il suo DSM ha attivato iniziative");
    tty.send("2");
    tty.keys(ENTER, "Quali difficoltà ha incontrato");
    tty.send("1");
    tty.keys(ENTER, "Che ruolo hanno gli utenti");
    // The link drops: the client is killed mid-answer.
    tty.send("1");
    tty.kill_hard();
    wait_until_released(&survey.kiosk_data());
    let saved = support::only_response(&survey.kiosk_data());
    assert_eq!(saved["unit"], "dsm-lecce");
    assert_eq!(saved["answers"]["ps_active"], "no");
    assert_eq!(saved["answers"]["dept_name"], "DSM Lecce");

    // Back again: the same question, every confirmed answer kept.
    let mut tty = sshd.tty(&[]);
    tty.wait_for("Codice di accesso del suo dipartimento");
    tty.send(&format!("{}{ENTER}", survey.code("dsm-lecce")));
    tty.wait_for("Che ruolo hanno gli utenti");
    for (keys, next) in [
        ("1", "strumenti strutturati"),
        ("2", "iniziative di co-produzione"),
        ("2", "strategie specifiche"),
        ("2", "buone pratiche"),
    ] {
        tty.send(keys);
        tty.keys(ENTER, next);
    }
    tty.keys(F3, "Riepilogo · Bozza");
    tty.keys("c", "Questionario completato");
    // Completed, Esc ends the session at once (P2): no way back into a
    // text field where the next key would change an answer.
    tty.send(ESC);
    tty.wait_for("sono arrivate al gruppo di ricerca");
    assert!(tty.wait_exit().success());
    let stored = survey.stored();
    assert_eq!(stored.len(), 1, "{stored:#?}");
    assert_eq!(stored[0]["unit"], "dsm-lecce");
    assert_eq!(stored[0]["status"], "complete");
    assert_eq!(stored[0]["answers"]["ps_active"], "no");
}

#[test]
#[cfg_attr(
    no_sshd,
    ignore = "OpenSSH sshd is not installed (apt-get install openssh-server)"
)]
fn without_a_terminal_the_kiosk_asks_line_by_line_and_ignores_the_command() {
    let survey = Survey::new();
    let Some(sshd) = Sshd::start(&survey.force_command()) else {
        return;
    };
    // A command asked for is never run: the kiosk asks for the code.
    let input = format!(
        "{}\n\n\n2\n1\n1\n2\n2\n2\n\n:complete\n:q\n",
        survey.code("dsm-sassari")
    );
    let said = sshd.plain(&[], &["sh", "-c", "'echo PWNED; id'"], &input);
    let out = text(&said);
    assert!(said.status.success(), "{out}");
    assert!(!out.contains("PWNED") && !out.contains("uid="), "{out}");
    // m2: the department by the name in the list; P6: no F2 where no
    // key can be pressed.
    assert!(
        out.contains("Codice accettato: DSM Sassari. Apro il questionario"),
        "{out}"
    );
    assert!(!out.contains("F2"), "{out}");
    assert!(out.contains("Dall'elenco dei dipartimenti"), "{out}");
    assert!(out.contains("sono arrivate al gruppo di ricerca"), "{out}");
    let stored = survey.stored();
    assert_eq!(stored.len(), 1, "{out}");
    assert_eq!(stored[0]["unit"], "dsm-sassari");
    assert_eq!(stored[0]["status"], "complete", "{out}");
}

#[test]
#[cfg_attr(
    no_sshd,
    ignore = "OpenSSH sshd is not installed (apt-get install openssh-server)"
)]
fn wrong_codes_end_the_connection_and_are_limited_across_connections() {
    let survey = Survey::new();
    let Some(sshd) = Sshd::start(&survey.force_command()) else {
        return;
    };
    let mut wrong = String::new();
    for n in 0..3 {
        // Of the right shape: a wrong shape costs no guess.
        wrong += &format!("2222-3333-4444-555{}\n", n + 2);
    }
    // Three wrong codes and the connection ends, though more lines follow.
    let first = sshd.plain(
        &[],
        &[],
        &(wrong.clone() + survey.code("dsm-verona") + "\n"),
    );
    let out = text(&first);
    assert_eq!(
        out.matches("Nessun dipartimento ha questo codice").count(),
        3,
        "{out}"
    );
    assert!(out.contains("Troppi codici sbagliati"), "{out}");
    assert!(!out.contains("Codice accettato"), "{out}");
    // Seven more over new connections make ten from this address in the
    // hour: then not even the right code is checked.
    for _ in 0..2 {
        sshd.plain(&[], &[], &wrong);
    }
    let last = sshd.plain(&[], &[], "2222-3333-4444-9999\n");
    assert!(
        text(&last).contains("Nessun dipartimento"),
        "{}",
        text(&last)
    );
    let refused = sshd.plain(&[], &[], &format!("{}\n", survey.code("dsm-verona")));
    assert!(
        text(&refused).contains("Troppi codici di accesso sbagliati"),
        "{}",
        text(&refused)
    );
    // P13: a sentence to a director, not a program's diagnostic.
    assert!(!text(&refused).contains("campo:"), "{}", text(&refused));
}

#[test]
#[cfg_attr(
    no_sshd,
    ignore = "OpenSSH sshd is not installed (apt-get install openssh-server)"
)]
fn forwarding_subsystems_and_keys_get_nothing() {
    let survey = Survey::new();
    let Some(sshd) = Sshd::start(&survey.force_command()) else {
        return;
    };
    // A service on loopback that would tell a secret to whoever reaches it.
    let secret = TcpListener::bind("127.0.0.1:0").unwrap();
    let secret_port = secret.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in secret.incoming().flatten() {
            let mut stream = stream;
            let _ = stream.write_all(b"SECRET");
        }
    });
    // -L: the client listens, but the server opens no channel to it.
    let local_port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let forward = format!("127.0.0.1:{local_port}:127.0.0.1:{secret_port}");
    let mut tunnel = Command::new("ssh")
        .args(sshd.args(&["-N", "-L", &forward]))
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let got = loop {
        if let Ok(mut stream) = TcpStream::connect(("127.0.0.1", local_port)) {
            stream
                .set_read_timeout(Some(Duration::from_secs(5)))
                .unwrap();
            let mut got = Vec::new();
            let _ = stream.read_to_end(&mut got);
            break got;
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "ssh -L never listened"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    let _ = tunnel.kill();
    let _ = tunnel.wait();
    assert!(!String::from_utf8_lossy(&got).contains("SECRET"));
    // -R and -D with ExitOnForwardFailure: refused outright.
    let remote = format!("127.0.0.1:0:127.0.0.1:{secret_port}");
    let refused = Command::new("ssh")
        .args(sshd.args(&["-N", "-o", "ExitOnForwardFailure=yes", "-R", &remote]))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!refused.status.success(), "remote forwarding was allowed");
    // A subsystem runs the kiosk too: sftp gets no file server.
    let sftp = sshd.plain(&["-s"], &["sftp"], "");
    assert!(!text(&sftp).contains("SSH2_FXP"), "{}", text(&sftp));
    let batch = Command::new("sftp")
        .args(["-b", "-", "-P", &sshd.port.to_string(), "-F", "/dev/null"])
        .args(["-i", &sshd.dir.path().join("client").display().to_string()])
        .args([
            "-o",
            "StrictHostKeyChecking=no",
            "-o",
            "UserKnownHostsFile=/dev/null",
        ])
        .arg(format!("{}@127.0.0.1", sshd.user))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    if let Ok(mut batch) = batch {
        batch.stdin.take().unwrap().write_all(b"ls /\n").unwrap();
        let listed = batch.wait_with_output().unwrap();
        assert!(!listed.status.success(), "sftp worked: {}", text(&listed));
    }
    // In the terminal: Ctrl-Z, Ctrl-\, escape sequences and a huge paste
    // at the code prompt change nothing; the kiosk still asks.
    let mut tty = sshd.tty(&[]);
    tty.wait_for("Codice di accesso del suo dipartimento");
    tty.send("\x1a\x1c\x1b]0;title\x07\x1b[6n");
    tty.send(&"A".repeat(100_000));
    tty.send(ENTER);
    // Not the shape of a code: said at once, no guess spent.
    tty.wait_for("Un codice di accesso ha 16 lettere e cifre");
    tty.send(&format!("{}{ENTER}", survey.code("dsm-verona")));
    tty.wait_for("In quale regione");
    tty.send("\x1a\x1c");
    tty.keys(ENTER, "Denominazione del Dipartimento");
    tty.send(ESC);
    tty.wait_for("Arrivederci");
    assert!(tty.wait_exit().success());
}

/// Waits until the session holding the response has had no key for
/// `idle` (the lock file's time is its last key).
fn wait_until_idle(data: &Path, idle: Duration) {
    let lock = the_lock(data);
    let started = Instant::now();
    while std::fs::metadata(&lock)
        .unwrap()
        .modified()
        .unwrap()
        .elapsed()
        .unwrap_or_default()
        < idle
    {
        assert!(started.elapsed() < Duration::from_secs(20), "never idle");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
#[cfg_attr(
    no_sshd,
    ignore = "OpenSSH sshd is not installed (apt-get install openssh-server)"
)]
fn a_frozen_clients_session_is_taken_over_by_the_director_coming_back() {
    let survey = Survey::new();
    let Some(sshd) = Sshd::start(&survey.force_command()) else {
        return;
    };
    let mut frozen = sshd.tty(&[]);
    enter_with(&mut frozen, survey.code("dsm-verona"));
    frozen.keys(ENTER, "Denominazione del Dipartimento");
    frozen.keys(ENTER, "Il suo DSM ha attivato iniziative");
    frozen.keys("1", "(•) Sì");
    // The client freezes (a laptop lid closed, a link gone silent): its
    // session on the server lives on, holding the questionnaire.
    frozen.signal(libc::SIGSTOP);
    wait_until_idle(&survey.kiosk_data(), Duration::from_secs(1));
    let mut back = sshd.tty(&[]);
    back.wait_for("Codice di accesso del suo dipartimento");
    back.send(&format!("{}{ENTER}", survey.code("dsm-verona")));
    back.wait_for("Il suo DSM ha attivato iniziative");
    back.wait_for("(•) Sì");
    back.keys(ENTER, "Da quanto tempo");
    back.send(ESC);
    back.wait_for("Arrivederci");
    assert!(back.wait_exit().success());
    frozen.signal(libc::SIGCONT);
    let saved = support::only_response(&survey.kiosk_data());
    assert_eq!(saved["answers"]["ps_active"], "yes");
    assert_eq!(saved["position"], "ps_years");
}

#[test]
#[cfg_attr(
    no_sshd,
    ignore = "OpenSSH sshd is not installed (apt-get install openssh-server)"
)]
fn an_idle_session_saves_and_ends_and_f2_asks_in_english() {
    let survey = Survey::new();
    // Two seconds without a key end the session.
    let Some(sshd) = Sshd::start(&survey.force_command_idle("0.034")) else {
        return;
    };
    let mut tty = sshd.tty(&[]);
    tty.wait_for("Codice di accesso del suo dipartimento (F2: English)");
    // P6: F2 acts when pressed, without Enter.
    tty.send("\x1bOQ");
    tty.wait_for("Access code of your department (F2: italiano)");
    tty.send(&format!("{}{ENTER}", survey.code("dsm-verona")));
    tty.wait_for("In which region");
    tty.keys(ENTER, "Name of the Mental Health");
    tty.keys(ENTER, "Does your MHD implement peer support");
    tty.keys("1", "(•) Yes");
    tty.wait_for("The session was idle and has ended; every answer is saved.");
    assert!(tty.wait_exit().success());
    let saved = support::only_response(&survey.kiosk_data());
    assert_eq!(saved["lang"], "en");
    assert_eq!(saved["answers"]["ps_active"], "yes");
    assert_eq!(saved["position"], "ps_active");
}
