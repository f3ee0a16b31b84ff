//! What the break-it review found, each as it was reproduced, run against
//! the real binary: answers are never lost, never written over another
//! session's, and no file in a data folder can hang campo.

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

mod support;
use support::{CTRL_C, DOWN, ENTER, Tty, only_response, text};

const AOSTA_ID: &str = "0a1b2c3d-0000-4000-8000-000000000002";
const AOSTA: &str = r#"{
  "id": "0a1b2c3d-0000-4000-8000-000000000002",
  "form": {"id": "mhd-peer-support-2025", "version": 1},
  "status": "draft",
  "created": "2026-02-01T08:00:00Z",
  "updated": "2026-02-03T16:40:00Z",
  "lang": "it",
  "revision": 2,
  "answers": {"dept_region": "valle_d_aosta", "dept_name": "DSM Valle d'Aosta"}
}"#;

/// campo under `timeout`, so that a hang fails the test (exit 124) rather
/// than the whole run.
fn campo_in(data: &Path, args: &[&str], input: &str) -> Output {
    let mut child = Command::new("timeout")
        .arg("20")
        .arg(env!("CARGO_BIN_EXE_campo"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env("LANG", "C.UTF-8")
        .env("TZ", "UTC")
        .env("TMPDIR", data.join("tmp"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(input.as_bytes()).unwrap();
    drop(stdin);
    child.wait_with_output().unwrap()
}

fn data_with_aosta() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("responses")).unwrap();
    fs::create_dir_all(dir.path().join("tmp")).unwrap();
    fs::write(dir.path().join(format!("responses/{AOSTA_ID}.json")), AOSTA).unwrap();
    dir
}

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
}

#[test]
fn a_lock_file_linked_elsewhere_overwrites_nothing_and_editing_is_refused() {
    let dir = data_with_aosta();
    let victim = dir.path().join("victim.txt");
    fs::write(&victim, "precious content").unwrap();
    fs::create_dir_all(dir.path().join("locks")).unwrap();
    std::os::unix::fs::symlink(&victim, dir.path().join(format!("locks/{AOSTA_ID}.lock"))).unwrap();
    let output = campo_in(
        dir.path(),
        &["--plain", "--lang", "en", "edit", "0a1b"],
        "1\n:quit\n",
    );
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    assert!(text(&output).contains("symbolic link"), "{}", text(&output));
    assert_eq!(fs::read_to_string(&victim).unwrap(), "precious content");
    let on_disk = fs::read_to_string(dir.path().join(format!("responses/{AOSTA_ID}.json")));
    assert_eq!(on_disk.unwrap(), AOSTA, "nothing was edited without a lock");
}

#[test]
fn a_locks_folder_that_cannot_be_used_refuses_editing() {
    let dir = data_with_aosta();
    fs::write(dir.path().join("locks"), "a file, not a folder").unwrap();
    let output = campo_in(
        dir.path(),
        &["--plain", "--lang", "en", "edit", "0a1b"],
        "1\n:quit\n",
    );
    assert_eq!(output.status.code(), Some(1), "{}", text(&output));
    let on_disk = fs::read_to_string(dir.path().join(format!("responses/{AOSTA_ID}.json")));
    assert_eq!(on_disk.unwrap(), AOSTA);
}

#[test]
fn quitting_plain_mode_with_answers_the_disk_refused_says_so_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let campo = env!("CARGO_BIN_EXE_campo");
    // Past 1 KiB no file can grow, the rescue file included: the answers
    // must then come out on standard error, whole.
    let script = format!(
        "trap '' XFSZ; ulimit -f 1; exec {campo} --plain --lang en --data-dir {} new",
        dir.path().display()
    );
    let long = "Centro ".repeat(180);
    let mut child = Command::new("bash")
        .args(["-c", &script])
        .env("TMPDIR", dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let input = format!("veneto\n{}\n:quit\n:quit\n", long.trim());
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    let all = text(&output);
    assert_eq!(output.status.code(), Some(1), "{all}");
    assert!(all.contains("Your last answers are not saved"), "{all}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(long.trim()),
        "the answers are printed: {stderr}"
    );
}

#[test]
fn fifos_links_and_folders_named_json_never_hang_a_command() {
    let dir = data_with_aosta();
    let responses = dir.path().join("responses");
    mkfifo(&responses.join("aaaaaaaa-0000-4000-8000-000000000000.json"));
    std::os::unix::fs::symlink("/dev/zero", responses.join("zero.json")).unwrap();
    fs::create_dir(responses.join("x.json")).unwrap();
    for args in [
        &["--lang", "en", "list"][..],
        &["--lang", "en", "doctor"],
        &["--lang", "en", "report", "--status", "all"],
        &["--lang", "en", "sync", "--include-drafts", "--to"],
    ] {
        let mut args = args.to_vec();
        let out = dir.path().join("stick");
        let out = out.to_str().unwrap();
        if args.ends_with(&["--to"]) {
            args.push(out);
        }
        let output = campo_in(dir.path(), &args, "");
        assert_ne!(output.status.code(), Some(124), "{args:?} hung");
        let all = text(&output);
        if args.contains(&"list") || args.contains(&"doctor") {
            assert!(all.contains("zero.json"), "{args:?}: {all}");
            assert!(all.contains("symbolic link"), "{args:?}: {all}");
            assert!(all.contains("not a regular file"), "{args:?}: {all}");
        }
    }
    // The same junk in a folder brought to the server.
    let stick = dir.path().join("import");
    fs::create_dir(&stick).unwrap();
    mkfifo(&stick.join("bbbbbbbb-0000-4000-8000-000000000000.json"));
    std::os::unix::fs::symlink("/dev/zero", stick.join("zero.json")).unwrap();
    fs::create_dir(stick.join("x.json")).unwrap();
    let db = dir.path().join("server.sqlite");
    let output = campo_in(
        dir.path(),
        &[
            "--lang",
            "en",
            "serve",
            "--db",
            db.to_str().unwrap(),
            "import",
            stick.to_str().unwrap(),
        ],
        "",
    );
    let all = text(&output);
    assert_ne!(output.status.code(), Some(124), "import hung");
    assert!(all.contains("refused: 3"), "a summary at the end: {all}");
}

/// A new questionnaire at its second question, the department's name.
fn at_the_name(data: &Path, env: &[(&str, &str)]) -> Tty {
    let mut tty = Tty::spawn_with(data, &["--lang", "en", "new"], env);
    tty.wait_for("Question 1 of 9");
    tty.keys("5", "Emilia-Romagna");
    tty.keys(ENTER, "Question 2 of 9");
    tty
}

#[test]
fn a_latin1_terminal_types_perche_whole_and_the_next_letter_too() {
    let dir = tempfile::tempdir().unwrap();
    let env = [("TERM", "xterm-256color"), ("LANG", "it_IT.ISO-8859-1")];
    let mut tty = at_the_name(dir.path(), &env);
    tty.send_bytes(b"perch\xe9abc");
    tty.wait_for("9 of 200 characters");
    tty.send(CTRL_C);
    assert!(tty.wait_exit().success());
    assert_eq!(
        only_response(dir.path())["answers"]["dept_name"],
        "perchéabc"
    );
}

#[test]
fn a_byte_that_is_not_utf8_is_refused_with_a_message_and_drops_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let env = [("TERM", "xterm-256color"), ("LANG", "C.UTF-8")];
    let mut tty = at_the_name(dir.path(), &env);
    tty.send_bytes(b"perch\xe9abc");
    tty.wait_for("not UTF-8");
    tty.wait_for("8 of 200 characters");
    tty.send(CTRL_C);
    assert!(tty.wait_exit().success());
    assert_eq!(
        only_response(dir.path())["answers"]["dept_name"],
        "perchabc"
    );
}

#[test]
fn a_burst_longer_than_a_kilobyte_is_taken_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut tty = at_the_name(dir.path(), &[("TERM", "xterm-256color")]);
    // 300 bytes of Left, then 760 bytes of letters: the tail must not wait
    // for another key.
    let burst = format!("{}{}", "\x1b[D".repeat(100), "\u{1d11e}".repeat(190));
    assert!(burst.len() > 1024);
    tty.send(&burst);
    tty.wait_for("190 of 200 characters");
    tty.send(CTRL_C);
    assert!(tty.wait_exit().success());
    let name = only_response(dir.path())["answers"]["dept_name"].clone();
    assert_eq!(name.as_str().unwrap().chars().count(), 190);
}

#[test]
fn a_huge_paste_is_one_change_cut_at_the_limit_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let mut tty = at_the_name(dir.path(), &[("TERM", "xterm-256color")]);
    let before = only_response(dir.path())["revision"].as_u64().unwrap();
    let paste = format!("\x1b[200~{}\x1b[201~", "x".repeat(100_000));
    tty.send(&paste);
    tty.wait_for("200 of 200 characters");
    tty.wait_for("pasted characters were left out");
    tty.send(CTRL_C);
    assert!(tty.wait_exit().success());
    let response = only_response(dir.path());
    assert_eq!(response["answers"]["dept_name"], "x".repeat(200));
    assert_eq!(
        response["revision"].as_u64().unwrap(),
        before + 1,
        "one change, one save"
    );
}

#[test]
fn an_arrow_key_split_by_a_slow_link_stays_an_arrow() {
    let dir = tempfile::tempdir().unwrap();
    let mut tty = Tty::spawn(dir.path(), &["--lang", "en", "new"]);
    tty.wait_for("Question 1 of 9");
    // The ESC arrives alone; the rest of the Down key 50 ms later, as the
    // trial's slow link delivered it.
    tty.send("\x1b");
    std::thread::sleep(std::time::Duration::from_millis(50));
    tty.send(&DOWN[1..]);
    tty.keys(" ", "(•) Basilicata");
    assert!(tty.screen().contains("Question 1 of 9"));
    tty.send(CTRL_C);
    assert!(tty.wait_exit().success());
}

#[test]
fn plain_mode_reads_a_latin1_terminal_and_refuses_a_line_it_cannot_read() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir_all(dir.path().join("tmp")).unwrap();
    let run = |lang: &str, input: &[u8]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_campo"))
            .arg("--data-dir")
            .arg(dir.path())
            .args(["--plain", "--lang", "en", "new"])
            .env("LANG", lang)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(input).unwrap();
        child.wait_with_output().unwrap()
    };
    let output = run("it_IT.ISO-8859-1", b"veneto\nDSM perch\xe9\n:quit\n");
    assert!(output.status.success(), "{}", text(&output));
    assert_eq!(
        only_response(dir.path())["answers"]["dept_name"],
        "DSM perché"
    );
    fs::remove_dir_all(dir.path().join("responses")).unwrap();
    let output = run("C.UTF-8", b"veneto\nDSM perch\xe9\nDSM Verona\n:quit\n");
    assert!(output.status.success(), "{}", text(&output));
    assert!(text(&output).contains("not UTF-8"), "{}", text(&output));
    assert_eq!(
        only_response(dir.path())["answers"]["dept_name"],
        "DSM Verona"
    );
}

#[test]
fn no_command_prints_control_characters_from_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let responses = dir.path().join("responses");
    fs::create_dir_all(&responses).unwrap();
    let hostile =
        "DSM \u{1b}]0;OWNED-TITLE\u{7}\u{1b}[2J\u{1b}[H\u{1b}[8mhidden\r\rOVERWRITE \u{202e}";
    let mut document: serde_json::Value = serde_json::from_str(AOSTA).unwrap();
    document["answers"]["dept_name"] = hostile.into();
    fs::write(
        responses.join(format!("{AOSTA_ID}.json")),
        document.to_string(),
    )
    .unwrap();
    fs::write(responses.join("evil\u{1b}]0;TITLE\u{7}name.json"), "{").unwrap();
    for args in [
        &["--lang", "en", "list"][..],
        &["--lang", "en", "list", "--json"],
        &["--lang", "en", "show", "0a1b"],
        &["--lang", "en", "show", "0a1b", "--json"],
        &["--lang", "en", "doctor"],
        &["--lang", "en", "report", "--status", "all"],
    ] {
        let output = campo_in(dir.path(), args, "");
        let all = [output.stdout.clone(), output.stderr.clone()].concat();
        assert!(
            !all.contains(&0x1b),
            "{args:?} printed an escape: {}",
            text(&output)
        );
        assert!(!all.contains(&0x07), "{args:?} printed a bell");
        assert!(!all.windows(2).any(|w| w == b"\r\r"), "{args:?}");
        assert!(
            !String::from_utf8_lossy(&all).contains('\u{202e}'),
            "{args:?} printed a right-to-left override"
        );
    }
    // The JSON still reads back as the same text.
    let output = campo_in(dir.path(), &["show", "0a1b", "--json"], "");
    let shown: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(shown["answers"]["dept_name"], hostile);
}

#[test]
fn leaving_says_how_to_come_back_and_the_language_chosen_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let env = [("TERM", "xterm-256color"), ("LANG", "C.UTF-8")];
    let mut tty = Tty::spawn_with(dir.path(), &["new"], &env);
    tty.wait_for("Question 1 of 9");
    tty.keys(support::F2, "Domanda 1 di 9");
    tty.keys("5", "(•) Emilia-Romagna");
    tty.send(CTRL_C);
    assert!(tty.wait_exit().success());
    let id = only_response(dir.path())["id"]
        .as_str()
        .unwrap()
        .to_string();
    let short = id.replace('-', "")[..8].to_string();
    tty.wait_for(&format!("Per riprenderlo: campo edit {short}"));
    // Reopened without --lang: in Italian, as it was left.
    let mut again = Tty::spawn_with(dir.path(), &["edit", &short], &env);
    again.wait_for("Domanda 1 di 9");
    again.send(CTRL_C);
    assert!(again.wait_exit().success());
    // campo edit alone lists the drafts to choose from.
    let output = campo_in(dir.path(), &["--lang", "en", "edit"], "");
    assert!(output.status.success(), "{}", text(&output));
    assert!(text(&output).contains(&short), "{}", text(&output));
    assert!(
        text(&output).contains("To continue one: campo edit ID"),
        "{}",
        text(&output)
    );
}
