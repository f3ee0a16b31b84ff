//! Fault injection: campo killed at random points while typing, and a disk
//! that refuses to take more. `CAMPO_KILL_RUNS` sets how many kills (20 by
//! default; the dedicated run uses 200).

mod support;

use support::*;

/// A small, seeded generator: the same runs every time for the same seed.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

const LETTERS: &[char] = &['a', 'è', 'é', 'ò', '\'', ' ', 'D', 'S', 'M', 'z'];

#[test]
fn killed_anywhere_every_file_parses_and_keeps_what_the_screen_showed() {
    let runs: u64 = std::env::var("CAMPO_KILL_RUNS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let mut random = Lcg(0x5eed);
    for run in 0..runs {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path();
        let mut tty = Tty::spawn(data, &["--lang", "en", "new"]);
        tty.wait_for("Question 1 of 9");
        let region = 1 + random.below(9);
        tty.keys(&region.to_string(), "(•)");
        tty.keys(ENTER, "Question 2 of 9");
        // Type, each letter confirmed on screen, then kill: sometimes right
        // after a letter is sent (in flight), sometimes once it shows.
        let (typed_count, in_flight) = (random.below(30), random.below(2) == 1);
        let mut confirmed = String::new();
        for _ in 0..typed_count {
            let c = LETTERS[random.below(LETTERS.len() as u64) as usize];
            confirmed.push(c);
            // Confirmed when the field's counter has it (a trailing space is
            // not counted: it shows with the next letter).
            let shown = confirmed.trim().chars().count();
            tty.keys(&c.to_string(), &format!(" {shown} of 200 characters"));
            tty.wait_for(confirmed.trim());
        }
        let mut last_sent = None;
        if in_flight {
            let c = LETTERS[random.below(LETTERS.len() as u64) as usize];
            tty.send(&c.to_string());
            last_sent = Some(c);
        }
        // Sometimes go on through the questionnaire: option 1 of each next
        // question, each answer confirmed on screen before the next, and at
        // the end perhaps one more answer in flight.
        let mut walked = 0;
        if !in_flight {
            let steps = random.below(WALK.len() as u64 + 1) as usize;
            if steps > 0 {
                tty.keys(TAB, "Question 3 of 9");
            }
            for (step, (_, expected_screen)) in WALK.iter().enumerate().take(steps) {
                tty.keys("1", expected_screen);
                walked = step + 1;
                if step + 1 < steps {
                    tty.keys(TAB, &format!("Question {} of 20", step + 4));
                }
            }
            if steps > 0 && random.below(2) == 1 && steps < WALK.len() {
                tty.send(&format!("{TAB}1"));
            }
        }
        tty.kill_hard();
        let all = responses(data);
        assert_eq!(all.len(), 1, "run {run}: one response, whole");
        let saved = &all[0];
        assert_eq!(
            saved["answers"]["dept_region"],
            REGION_CODES[region as usize - 1],
            "run {run}"
        );
        let name = saved["answers"]["dept_name"].as_str().unwrap_or("");
        // At least what the screen showed (trailing spaces do not show), and
        // nothing that was never sent.
        let sent = format!(
            "{confirmed}{}",
            last_sent.map(String::from).unwrap_or_default()
        );
        assert!(
            name.starts_with(confirmed.trim_end()) && sent.starts_with(name),
            "run {run}: the file has {name:?}; the screen showed {confirmed:?}, and {sent:?} was sent"
        );
        for (item, _) in &WALK[..walked] {
            let (id, value) = item;
            assert_eq!(
                &saved["answers"][*id],
                &serde_json::from_str::<serde_json::Value>(value).unwrap(),
                "run {run}: {id}"
            );
        }
    }
}

/// Option 1 of the questions after the name, with what the file then holds
/// and what the screen shows once the answer is in.
const WALK: [((&str, &str), &str); 6] = [
    (("ps_active", r#""yes""#), "(•) Yes"),
    (("ps_years", r#""under_1""#), "(•) Less than 1 year"),
    (("ps_count", r#""none""#), "(•) None"),
    (
        ("ps_services", r#"["cmhc"]"#),
        "[x] Community Mental Health Centres",
    ),
    (
        ("ps_activities", r#"["individual_recovery"]"#),
        "[x] Supporting individual recovery paths",
    ),
    (("ps_trained", r#""yes""#), "(•) Yes"),
];

const REGION_CODES: [&str; 9] = [
    "abruzzo",
    "basilicata",
    "calabria",
    "campania",
    "emilia_romagna",
    "friuli_venezia_giulia",
    "lazio",
    "liguria",
    "lombardia",
];

/// A disk that takes no more (a file size limit, as a full disk would): the
/// save fails on screen, the answer stays in memory, the file on disk stays
/// the last good one, and the next change that fits is saved.
#[test]
fn a_full_disk_keeps_the_answers_and_the_last_good_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let campo = env!("CARGO_BIN_EXE_campo");
    let script = format!(
        "trap '' XFSZ; ulimit -f 1; exec {campo} --lang en --data-dir {} new",
        data.display()
    );
    let mut tty = Tty::spawn_command("bash", &["-c", &script], &[("TERM", "xterm-256color")]);
    tty.wait_for("Question 1 of 9");
    tty.keys("5", "(•) Emilia-Romagna");
    tty.keys(ENTER, "Question 2 of 9");
    // Past 1 KiB the file cannot grow: a name as long as the field takes,
    // of letters four bytes long, fills it.
    let long = "\u{1d11e}".repeat(200);
    tty.send(&long);
    tty.wait_for("Not saved:");
    tty.wait_for("200 of 200 characters");
    let on_disk = &responses(data)[0];
    let kept = on_disk["answers"]["dept_name"].as_str().unwrap_or("");
    assert!(
        long.starts_with(kept) && kept.len() < long.len(),
        "the last good file is kept: {kept:?}"
    );
    // Shorter again: the next change fits, is saved, and the warning goes.
    tty.send("\x15");
    tty.keys("DSM Bologna", "DSM Bologna");
    let start = std::time::Instant::now();
    while tty.screen().contains("Not saved:") {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(20),
            "{}",
            tty.screen()
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert_eq!(responses(data)[0]["answers"]["dept_name"], "DSM Bologna");
    tty.send(CTRL_C);
    assert!(tty.wait_exit().success());
}

/// Two sessions, one response: the second is offered a read-only view or a
/// wait, and never overwrites the first's answers.
#[test]
fn a_second_session_reads_only_or_waits_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let mut first = Tty::spawn(data, &["--lang", "en", "new"]);
    first.wait_for("Question 1 of 9");
    first.keys("6", "(•) Friuli Venezia Giulia");
    first.keys(ENTER, "Question 2 of 9");
    first.keys("DSM Trieste", "DSM Trieste");
    let id = responses(data)[0]["id"].as_str().unwrap().to_string();

    // Read only: typing changes nothing, on screen or on disk.
    let mut second = Tty::spawn(data, &["--lang", "en", "edit", &id[..8]]);
    second.wait_for("Someone is editing this response in another session");
    second.keys("r", "Read only: another session is editing this response.");
    second.send("xyz");
    second.wait_for("Read only");
    second.send(CTRL_C);
    assert!(second.wait_exit().success());
    assert_eq!(responses(data)[0]["answers"]["dept_name"], "DSM Trieste");

    // Wait: it opens for editing once the first lets go, with its answers.
    let mut third = Tty::spawn(data, &["--lang", "en", "edit", &id[..8]]);
    third.wait_for("Someone is editing this response in another session");
    third.keys("w", "Waiting for the other session");
    first.keys(" 1", "DSM Trieste 1");
    first.send(CTRL_C);
    assert!(first.wait_exit().success());
    third.wait_for("The other session closed it: you can edit now.");
    third.wait_for("DSM Trieste 1");
    third.send("2");
    third.wait_for("DSM Trieste 12");
    third.send(CTRL_C);
    assert!(third.wait_exit().success());
    assert_eq!(responses(data)[0]["answers"]["dept_name"], "DSM Trieste 12");

    // Plain mode says so and does not ask.
    let holder = Tty::spawn(data, &["--lang", "en", "edit", &id[..8]]);
    holder.wait_for("Question 2 of 9");
    let plain = std::process::Command::new(env!("CARGO_BIN_EXE_campo"))
        .args(["--lang", "en", "--plain", "--data-dir"])
        .arg(data)
        .args(["edit", &id[..8]])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(!plain.status.success());
    assert!(String::from_utf8_lossy(&plain.stdout).contains("Someone is editing this response"));
}

/// A session left without a key (a dropped link, a terminal left behind)
/// can be taken over from another: the old one saves, lets go and says
/// so on its own screen; nothing typed in either is lost. A session in
/// use is not offered.
#[test]
fn a_session_left_idle_is_taken_over_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let mut old = Tty::spawn(data, &["--lang", "en", "new"]);
    old.wait_for("Question 1 of 9");
    old.keys("6", "(•) Friuli Venezia Giulia");
    old.keys(ENTER, "Question 2 of 9");
    old.keys("DSM Trieste", "DSM Trieste");
    let id = responses(data)[0]["id"].as_str().unwrap().to_string();

    // In use: the usual choice, no taking over.
    let mut active = Tty::spawn(data, &["--lang", "en", "edit", &id[..8]]);
    active.wait_for("Someone is editing this response in another session");
    active.send("t");
    active.wait_for("w: wait");
    active.send(CTRL_C);
    assert!(active.wait_exit().success());

    // Ten minutes without a key, as the lock file tells.
    let lock = std::fs::File::options()
        .write(true)
        .open(data.join(format!("locks/{id}.lock")))
        .unwrap();
    lock.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(600))
        .unwrap();
    let mut new = Tty::spawn(data, &["--lang", "en", "edit", &id[..8]]);
    new.wait_for("without a key for 10 min");
    new.wait_for("t take over");
    new.send("t");
    new.wait_for("Question 2 of 9");
    new.wait_for("DSM Trieste");
    old.wait_for("Another session took this response over");
    new.keys(" 2", "DSM Trieste 2");
    new.send(CTRL_C);
    assert!(new.wait_exit().success());
    old.send(CTRL_C);
    assert!(old.wait_exit().success());
    let saved = &responses(data)[0];
    assert_eq!(saved["answers"]["dept_name"], "DSM Trieste 2");
    assert_eq!(saved["answers"]["dept_region"], "friuli_venezia_giulia");
}

/// Plain mode takes a response left idle in another session by itself
/// (a screen-reader user has no lock prompt to answer): the other saves,
/// lets go and says so.
#[test]
fn plain_mode_takes_over_a_session_left_idle() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let mut old = Tty::spawn(data, &["--lang", "en", "new"]);
    old.wait_for("Question 1 of 9");
    old.keys("6", "(•) Friuli Venezia Giulia");
    let id = responses(data)[0]["id"].as_str().unwrap().to_string();
    let lock = std::fs::File::options()
        .write(true)
        .open(data.join(format!("locks/{id}.lock")))
        .unwrap();
    lock.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(600))
        .unwrap();
    let mut plain = std::process::Command::new(env!("CARGO_BIN_EXE_campo"))
        .args(["--lang", "en", "--plain", "--data-dir"])
        .arg(data)
        .args(["edit", &id[..8]])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    plain
        .stdin
        .take()
        .unwrap()
        .write_all(b"\nDSM Trieste\n:q\n")
        .unwrap();
    let said = plain.wait_with_output().unwrap();
    let out = String::from_utf8_lossy(&said.stdout);
    assert!(said.status.success(), "{out}");
    assert!(out.contains("taking it over"), "{out}");
    old.wait_for("Another session took this response over");
    old.send(CTRL_C);
    assert!(old.wait_exit().success());
    let saved = &responses(data)[0];
    assert_eq!(saved["answers"]["dept_region"], "friuli_venezia_giulia");
    assert_eq!(saved["answers"]["dept_name"], "DSM Trieste");
}
