//! End to end: the real binary in a pseudo-terminal, driven by keys.

mod support;

use std::fs;
use std::path::Path;

use support::*;

/// Fills the whole questionnaire taking the "yes" branches: in Italian,
/// switching to English half way, quitting, coming back, finishing, marking
/// it complete; then `campo show` prints every answer.
#[test]
fn the_whole_questionnaire_by_keys_across_two_sessions() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let mut tty = Tty::spawn(data, &["--lang", "it", "new"]);
    tty.wait_for("Domanda 1 di 9");
    // Veneto starts with "ven": it comes before Friuli Venezia Giulia.
    tty.keys("ven", "1 ( ) Veneto");
    tty.keys("1", "1 (•) Veneto");
    tty.keys(ENTER, "Denominazione del Dipartimento");
    tty.keys("DSM-DP ULSS 9 Scaligera, perché sì", "perché sì");
    tty.keys(ENTER, "Il suo DSM ha attivato iniziative");
    tty.keys("1", "1 (•) Sì");
    tty.keys(ENTER, "Da quanto tempo");
    tty.keys("3", "3 (•) Da 4 a 6 anni");
    tty.keys(ENTER, "Quanti esperti in supporto");
    tty.keys("2", "2 (•) 1–3");
    tty.keys(ENTER, "In quali servizi del DSM");
    tty.keys("1", "1 [x] Centri di Salute Mentale");
    tty.keys("5", "Altro (specificare)");
    tty.keys(
        "Ambulatorio di Valle d'Aosta",
        "Ambulatorio di Valle d'Aosta",
    );
    tty.keys(ENTER, "Quali sono le principali attività");
    tty.keys("12", "2 [x] Conduzione o co-conduzione");
    // Half way: on to English, in the same place.
    tty.keys(F2, "What are the main activities carried out by PSWs?");
    tty.wait_for("1 [x] Supporting individual recovery paths");
    tty.keys(ENTER, "Do PSWs receive specific training");
    for (keys, next) in [
        ("1", "Who organises the training?"),
        ("1", "Do PSWs in your MHD receive any form"),
        ("1", "Where does the funding"),
        ("2", "Does your MHD have protocols"),
        ("1", "Do you consider PSWs effective"),
        ("4", "Do PSWs play a role in reducing stigma"),
        ("1", "How do PSWs contribute to reducing"),
        ("12", "Has PSW involvement improved"),
        ("1", "What difficulties has your MHD met"),
    ] {
        tty.send(keys);
        tty.keys(ENTER, next);
    }
    // Ctrl-C saves and quits, leaving the terminal as it was.
    tty.send(CTRL_C);
    assert!(tty.wait_exit().success());
    assert!(
        !tty.in_alternate_screen(),
        "the alternate screen is left on exit"
    );

    let saved = only_response(data);
    assert_eq!(saved["status"], "draft");
    assert_eq!(saved["position"], "ps_difficulties");
    assert_eq!(
        saved["answers"]["ps_services_other"],
        "Ambulatorio di Valle d'Aosta"
    );
    let id = saved["id"].as_str().unwrap().to_string();

    // Back the next day: campo opens where it was left.
    let mut tty = Tty::spawn(data, &["--lang", "en", "edit", &id[..8]]);
    tty.wait_for("What difficulties has your MHD met");
    for (keys, next) in [
        // Fifteen options: a key between digits keeps them apart (1, 2, 3
        // rather than 12 and 3).
        (
            "1\x1b[B2\x1b[B3",
            "What role do users have in the strategic",
        ),
        ("2", "Does your MHD use structured tools"),
        ("1", "Does your MHD engage in co-production"),
        ("1", "In which areas does co-production"),
        ("1", "To what extent do users actively"),
        ("3", "What positive outcomes of co-production"),
        ("1", "What barriers to co-production"),
        ("2", "Does your MHD adopt specific strategies"),
        ("1", "What are the main actions taken"),
        ("1\x1b[B4", "To what extent do you think peer support"),
        ("4", "Describe any promising practice"),
    ] {
        tty.send(keys);
        tty.keys(ENTER, next);
    }
    tty.keys("Gruppi di auto mutuo aiuto", "auto mutuo aiuto");
    tty.keys(&format!("{ENTER}nel CSM"), "nel CSM");
    tty.keys(TAB, "Review · Draft · 28 of 28 answered");
    tty.keys("c", "Response marked complete");
    tty.wait_for("Review · Complete");
    tty.send(CTRL_C);
    assert!(tty.wait_exit().success());

    let done = only_response(data);
    assert_eq!(done["status"], "complete");
    let answers = done["answers"].as_object().unwrap();
    assert_eq!(
        answers.len(),
        29,
        "28 items and one 'other' text: {answers:?}"
    );
    assert_eq!(done["answers"]["dept_region"], "veneto");
    assert_eq!(
        done["answers"]["dept_name"],
        "DSM-DP ULSS 9 Scaligera, perché sì"
    );
    assert_eq!(
        done["answers"]["ps_services"],
        serde_json::json!(["cmhc", "other"])
    );
    assert_eq!(
        done["answers"]["ps_activities"],
        serde_json::json!(["individual_recovery", "group_facilitation"])
    );
    assert_eq!(
        done["answers"]["rec_actions"],
        serde_json::json!(["care_plans", "education_work"])
    );
    assert_eq!(
        done["answers"]["promising_practices"],
        "Gruppi di auto mutuo aiuto\nnel CSM"
    );
    assert_eq!(done["derived"]["macro_area"], "north_east");

    let show = std::process::Command::new(env!("CARGO_BIN_EXE_campo"))
        .args(["--lang", "it", "--data-dir"])
        .arg(data)
        .args(["show", &id[..6]])
        .output()
        .unwrap();
    let text = String::from_utf8(show.stdout).unwrap();
    for expected in [
        "Completato · risposte: 28 su 28",
        "In quale regione (o provincia autonoma) si trova il suo DSM?\n    Veneto",
        "Centri di Salute Mentale (CSM); Altro (Ambulatorio di Valle d'Aosta)",
        "Da 4 a 6 anni",
        "Molto efficaci",
        "Gruppi di auto mutuo aiuto\n    nel CSM",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    assert!(!text.contains("! "), "nothing is marked missing:\n{text}");
}

/// SIGKILL in the middle of typing: the file on disk is whole and holds
/// everything the screen had shown.
#[test]
fn a_kill_mid_entry_leaves_a_valid_file_with_what_was_shown() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let mut tty = Tty::spawn(data, &["--lang", "en", "new"]);
    tty.wait_for("Question 1 of 9");
    tty.keys("tos", "1 ( ) Tuscany");
    tty.keys(ENTER, "Name of the Mental Health");
    tty.keys("DSM Firenze, Valle d'Aosta è", "Valle d'Aosta è");
    tty.kill_hard();
    let saved = only_response(data);
    assert_eq!(saved["answers"]["dept_region"], "toscana");
    assert_eq!(
        saved["answers"]["dept_name"],
        "DSM Firenze, Valle d'Aosta è"
    );
    let leftovers: Vec<_> = fs::read_dir(data.join("responses"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".json"))
        .collect();
    assert!(
        leftovers.is_empty() || leftovers.iter().all(|n| n.starts_with(".campo-")),
        "{leftovers:?}"
    );
}

#[test]
fn home_lists_opens_and_deletes_with_confirmation() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let mut tty = Tty::spawn(data, &["--lang", "it"]);
    tty.wait_for("Ancora nessun questionario");
    tty.keys("n", "Domanda 1 di 9");
    tty.keys("3", "3 (•) Calabria");
    tty.keys(ESC, "1 questionario");
    tty.wait_for("Calabria");
    tty.keys("d", "Eliminare il questionario");
    tty.keys("n", "Questionario ");
    tty.keys("r", "Riepilogo · Bozza");
    tty.keys(ESC, "1 questionario");
    tty.keys("d", "Eliminare il questionario");
    tty.keys("s", "Questionario spostato nel cestino");
    tty.wait_for("0 questionari");
    tty.keys("q", "");
    assert!(tty.wait_exit().success());
    assert!(responses(data).is_empty());
    assert_eq!(fs::read_dir(data.join("trash")).unwrap().count(), 1);
}

/// A terminal that gives no size (`ssh -tt` from a script) would get a
/// blank screen: plain mode asks line by line instead.
#[test]
fn a_terminal_of_no_size_gets_plain_mode_not_a_blank_screen() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().display().to_string();
    let mut tty = Tty::spawn_sized(
        env!("CARGO_BIN_EXE_campo"),
        &["--data-dir", &data, "--lang", "en", "new"],
        &[("TERM", "xterm-256color")],
        (0, 0),
    );
    tty.wait_for("[1/9] In which region");
    tty.send(":q\r");
    assert!(tty.wait_exit().success());
}

#[test]
fn a_window_too_small_gets_a_message_and_a_resize_redraws() {
    let dir = tempfile::tempdir().unwrap();
    let mut tty = Tty::spawn(dir.path(), &["--lang", "en", "new"]);
    // The footer is drawn last: once it shows, the whole first frame is in.
    tty.wait_for("F2 italiano");
    tty.resize(50, 12);
    tty.wait_for("The window is too small");
    tty.resize(80, 24);
    tty.wait_for("Question 1 of 9");
    tty.wait_for("F2 italiano");
    assert!(!tty.screen().contains("too small"), "{}", tty.screen());
    tty.send(CTRL_C);
    assert!(tty.wait_exit().success());
}

/// The keys as a real terminal spells them: arrows, Shift-Tab, PgDn, F3.
#[test]
fn terminal_key_sequences_reach_the_right_actions() {
    let dir = tempfile::tempdir().unwrap();
    let mut tty = Tty::spawn(dir.path(), &["--lang", "en", "new"]);
    tty.wait_for("Question 1 of 9");
    tty.keys(TAB, "Question 2 of 9");
    tty.keys(BACK_TAB, "Question 1 of 9");
    tty.keys(&format!("{DOWN}{DOWN} "), "3 (•) Calabria");
    tty.keys(PAGE_DOWN, "Does your MHD implement peer support");
    tty.keys(F3, "Review · Draft · 1 of 9 answered");
    tty.send(CTRL_C);
    assert!(tty.wait_exit().success());
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Whether any SGR sequence in `raw` sets a foreground or background
/// colour: a short code (30–37, 40–47, 90–97, 100–107) or an extended one
/// (38;…, 48;…).
fn sets_a_colour(raw: &[u8]) -> bool {
    let text = String::from_utf8_lossy(raw);
    text.split("\x1b[").skip(1).any(|sequence| {
        let Some(end) = sequence.find(|c: char| !(c.is_ascii_digit() || c == ';')) else {
            return false;
        };
        sequence[end..].starts_with('m')
            && sequence[..end].split(';').any(|code| {
                matches!(
                    code.parse::<u16>(),
                    Ok(30..=38 | 40..=48 | 90..=97 | 100..=107)
                )
            })
    })
}

/// NO_COLOR takes colour away and leaves the marks; Ctrl-L redraws all.
#[test]
fn no_color_is_respected_and_ctrl_l_redraws() {
    for no_color in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let mut env = vec![("TERM", "xterm-256color")];
        if no_color {
            env.push(("NO_COLOR", "1"));
        }
        let mut tty = Tty::spawn_with(dir.path(), &["--lang", "en", "new"], &env);
        tty.wait_for("Question 1 of 9");
        tty.keys("1", "(•) Abruzzo");
        tty.keys(ENTER, "Question 2 of 9");
        tty.keys(ENTER, "An answer is required.");
        let raw = tty.raw();
        assert_eq!(sets_a_colour(&raw), !no_color, "NO_COLOR={no_color}");
        assert!(
            contains(&raw, b"\x1b[1m"),
            "bold still marks focus and errors"
        );
        let before = raw.len();
        tty.send("\x0c");
        let start = std::time::Instant::now();
        while !contains(&tty.raw()[before..], b"\x1b[2J") {
            assert!(
                start.elapsed() < std::time::Duration::from_secs(20),
                "Ctrl-L did not clear the screen"
            );
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        tty.wait_for("F2 italiano");
        assert!(
            tty.screen()
                .contains("Name of the Mental Health Department")
        );
        tty.send(CTRL_C);
        assert!(tty.wait_exit().success());
    }
}

/// The same screens under the terminals people have: a modern emulator,
/// tmux or screen, the Linux console, a VT100.
#[test]
fn works_under_common_term_values() {
    for term in ["xterm-256color", "screen-256color", "linux", "vt100"] {
        let dir = tempfile::tempdir().unwrap();
        let mut tty = Tty::spawn_with(dir.path(), &["--lang", "it", "new"], &[("TERM", term)]);
        tty.wait_for("Domanda 1 di 9");
        tty.keys(&format!("{DOWN}{DOWN} "), "3 (•) Calabria");
        tty.keys(TAB, "Domanda 2 di 9");
        tty.send(CTRL_C);
        assert!(tty.wait_exit().success(), "TERM={term}");
        assert_eq!(
            only_response(dir.path())["answers"]["dept_region"],
            "calabria",
            "TERM={term}"
        );
    }
}

/// `--ascii`, or a locale that is not UTF-8: no box-drawing, no bullets,
/// no arrows; the same screens otherwise.
#[test]
fn ascii_draws_without_box_drawing_characters() {
    // (flags, environment)
    type Case<'a> = (&'a [&'a str], &'a [(&'a str, &'a str)]);
    let cases: [Case; 2] = [
        (&["--ascii"], &[("TERM", "vt100")]),
        (&[], &[("TERM", "xterm"), ("LANG", "en_GB.ISO-8859-1")]),
    ];
    for (flags, env) in cases {
        let dir = tempfile::tempdir().unwrap();
        let mut args = flags.to_vec();
        args.extend(["--lang", "en", "new"]);
        let mut tty = Tty::spawn_with(dir.path(), &args, env);
        tty.wait_for("Question 1 of 9");
        tty.keys("3", "(*) Calabria");
        tty.keys(TAB, "Question 2 of 9");
        tty.wait_for("+---");
        let raw = String::from_utf8_lossy(&tty.raw()).into_owned();
        let fancy: Vec<char> = raw
            .chars()
            .filter(|c| matches!(*c, '\u{2190}'..='\u{21ff}' | '\u{2500}'..='\u{259f}' | '•' | '…'))
            .collect();
        assert!(fancy.is_empty(), "{flags:?} {env:?}: {fancy:?}");
        tty.send(CTRL_C);
        assert!(tty.wait_exit().success());
    }
}

/// A dropped SSH connection (SIGHUP) or a shutdown (SIGTERM): campo saves,
/// gives the terminal back, and exits; reopening goes back to the same
/// response and question.
#[test]
fn hang_up_and_terminate_save_and_reopen_in_place() {
    for (signal, code) in [(libc::SIGHUP, 129), (libc::SIGTERM, 143)] {
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path();
        let mut tty = Tty::spawn(data, &["--lang", "en", "new"]);
        tty.wait_for("Question 1 of 9");
        tty.keys("2", "(•) Basilicata");
        tty.keys(ENTER, "Question 2 of 9");
        tty.keys(TAB, "Question 3 of 9");
        tty.signal(signal);
        let status = tty.wait_exit();
        assert_eq!(status.exit_code(), code, "signal {signal}");
        assert!(!tty.in_alternate_screen(), "the terminal is given back");
        let saved = only_response(data);
        assert_eq!(
            saved["position"], "ps_active",
            "the place is saved with the answers"
        );
        let id = saved["id"].as_str().unwrap().to_string();
        let mut again = Tty::spawn(data, &["--lang", "en", "edit", &id[..8]]);
        again.wait_for("Does your MHD implement peer support initiatives?");
        again.send(CTRL_C);
        assert!(again.wait_exit().success());
    }
}

/// A panic restores the terminal, loses nothing, and says where the
/// answers are. (F12 panics only in debug builds with CAMPO_DEBUG_PANIC.)
#[test]
fn a_panic_costs_no_data_and_says_where_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    let mut tty = Tty::spawn_with(
        data,
        &["--lang", "it", "new"],
        &[("TERM", "xterm-256color"), ("CAMPO_DEBUG_PANIC", "1")],
    );
    tty.wait_for("Domanda 1 di 9");
    tty.keys("4", "(•) Campania");
    tty.send("\x1b[24~");
    let status = tty.wait_exit();
    assert!(!status.success());
    assert!(!tty.in_alternate_screen());
    let screen = tty.screen();
    assert!(
        screen.contains("Tutte le risposte date erano già salvate"),
        "{screen}"
    );
    assert!(
        screen
            .replace('\n', "")
            .contains(&data.display().to_string()),
        "{screen}"
    );
    assert_eq!(only_response(data)["answers"]["dept_region"], "campania");
}

/// The interface opens a response with the form version it was begun
/// with, and the list knows it.
#[test]
fn the_interface_opens_an_earlier_form_version() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path();
    fs::create_dir_all(data.join("responses")).unwrap();
    fs::write(
        data.join("responses/0a1b2c3d-0000-4000-8000-000000000010.json"),
        r#"{"id": "0a1b2c3d-0000-4000-8000-000000000010", "form": {"id": "library-visit", "version": 2},
            "status": "draft", "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z",
            "lang": "en", "answers": {"branch": "Centrale", "came_for": ["books"], "liked": "meh"}, "position": "liked"}"#,
    )
    .unwrap();
    let form = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/forms/tiny");
    let mut tty = Tty::spawn(data, &["--form", form.to_str().unwrap(), "--lang", "en"]);
    tty.wait_for("Centrale");
    assert!(tty.screen().contains("Draft"), "{}", tty.screen());
    tty.keys(ENTER, "Did you like it?");
    tty.wait_for("(•) So-so");
    tty.send(CTRL_C);
    assert!(tty.wait_exit().success());
}

/// Opens a new response in Italian and goes to `ps_difficulties`, the
/// fifteen-option list (the "no" branch of `ps_active`).
fn at_the_difficulties(data: &Path) -> Tty {
    let mut tty = Tty::spawn(data, &["--lang", "it", "new"]);
    tty.wait_for("Domanda 1 di 9");
    tty.keys("ven", "1 ( ) Veneto");
    tty.keys(ENTER, "Denominazione del Dipartimento");
    tty.keys("DSM Padova", "DSM Padova");
    tty.keys(ENTER, "Il suo DSM ha attivato iniziative");
    tty.keys("2", "2 (•) No");
    tty.keys(ENTER, "Quali difficoltà");
    tty
}

/// P1: "1", a pause, "3" are two answers, options 1 and 3, not option 13.
#[test]
fn two_digits_apart_in_time_tick_two_options_not_one_number() {
    let dir = tempfile::tempdir().unwrap();
    let mut tty = at_the_difficulties(dir.path());
    tty.keys("1", " 1 [x]");
    // While it waits for a second digit, the first one says so.
    tty.wait_for("1_");
    tty.wait_for("da 10 a 15");
    // A real pause, longer than a second digit may wait: this is what is
    // tested, not a wait for output.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    assert!(
        !tty.screen().contains("1_"),
        "the pending digit settled by itself:\n{}",
        tty.screen()
    );
    tty.keys("3", " 3 [x]");
    tty.send(CTRL_C);
    assert!(tty.wait_exit().success());
    assert_eq!(
        only_response(dir.path())["answers"]["ps_difficulties"],
        serde_json::json!(["recognition", "cultural_resistance"])
    );
}

/// Two digits typed together still make one number where it is an option.
#[test]
fn two_quick_digits_make_one_option_number() {
    let dir = tempfile::tempdir().unwrap();
    let mut tty = at_the_difficulties(dir.path());
    tty.keys("13", "13 [x]");
    tty.send(CTRL_C);
    assert!(tty.wait_exit().success());
    assert_eq!(
        only_response(dir.path())["answers"]["ps_difficulties"],
        serde_json::json!(["user_autonomy"])
    );

    // In the 21 regions, a quick "21" is Veneto.
    let dir = tempfile::tempdir().unwrap();
    let mut tty = Tty::spawn(dir.path(), &["--lang", "it", "new"]);
    tty.wait_for("Domanda 1 di 9");
    tty.keys("21", "21 (•) Veneto");
    tty.send(CTRL_C);
    assert!(tty.wait_exit().success());
    assert_eq!(
        only_response(dir.path())["answers"]["dept_region"],
        "veneto"
    );
}

/// N10: a terminal that announces 10,000 × 10,000, from the start or by a
/// window change mid-session, gets the interface drawn in a bounded area:
/// memory stays small and Ctrl-C ends campo.
#[test]
fn a_huge_terminal_is_drawn_in_bounded_memory_and_ctrl_c_still_quits() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().display().to_string();
    let mut tty = Tty::spawn_sized(
        env!("CARGO_BIN_EXE_campo"),
        &["--data-dir", &data, "--lang", "it", "new"],
        &[("TERM", "xterm-256color")],
        (10_000, 10_000),
    );
    tty.wait_for("campo");
    tty.keys("ven", "Veneto");
    let limit_kb = 200 * 1024;
    eprintln!("peak at 10,000 × 10,000: {} kB", tty.peak_memory_kb());
    assert!(
        tty.peak_memory_kb() < limit_kb,
        "{} kB",
        tty.peak_memory_kb()
    );
    tty.send(CTRL_C);
    assert!(tty.wait_exit().success());

    // The same after a window change in the middle of a normal session.
    let mut tty = Tty::spawn(dir.path(), &["--lang", "it", "new"]);
    tty.wait_for("Domanda 1 di 9");
    tty.announce_size(u16::MAX, u16::MAX);
    tty.keys("ven", "Veneto");
    assert!(
        tty.peak_memory_kb() < limit_kb,
        "{} kB",
        tty.peak_memory_kb()
    );
    tty.send(CTRL_C);
    assert!(tty.wait_exit().success());
}

/// A paste from a terminal without bracketed paste comes as a burst of
/// keys: it is one save and one revision, not one a character (earlier it
/// was 1,500 saves for 1,500 characters).
#[test]
fn a_burst_of_keys_is_saved_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut tty = Tty::spawn(dir.path(), &["--lang", "it", "new"]);
    tty.wait_for("Domanda 1 di 9");
    tty.keys("ven", "1 ( ) Veneto");
    tty.keys(ENTER, "Denominazione del Dipartimento");
    let before = only_response(dir.path())["revision"].as_u64().unwrap();
    let pasted = "DSM-DP ULSS 6 Euganea, Dipartimento di Salute Mentale di Padova e provincia";
    tty.keys(pasted, "provincia");
    let after = only_response(dir.path());
    assert_eq!(after["answers"]["dept_name"], pasted);
    assert_eq!(
        after["revision"].as_u64().unwrap(),
        before + 1,
        "one burst, one revision"
    );
    tty.send(CTRL_C);
    assert!(tty.wait_exit().success());
}

/// m4: a program that does not end fails the test at the deadline, killed,
/// instead of hanging the suite.
#[test]
fn waiting_for_an_exit_has_a_deadline() {
    let mut tty = Tty::spawn_command("sleep", &["60"], &[]);
    let started = std::time::Instant::now();
    let waited = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        tty.wait_exit_within(std::time::Duration::from_millis(300))
    }));
    assert!(waited.is_err(), "a hang is a failure");
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
}

/// P4: at 80×24 the results screen cannot show all 21 regions: it says
/// how many rows are below and which key shows them, and there they are.
#[test]
fn a_long_result_scrolls_and_says_that_more_is_below() {
    let dir = tempfile::tempdir().unwrap();
    let responses = dir.path().join("responses");
    std::fs::create_dir_all(&responses).unwrap();
    for n in 1..=2 {
        let id = format!("0a1b2c3d-0000-4000-8000-00000000000{n}");
        std::fs::write(
            responses.join(format!("{id}.json")),
            format!(
                r#"{{"id": "{id}", "form": {{"id": "mhd-peer-support-2025", "version": 1}},
                   "status": "complete", "created": "2026-01-01T00:00:00Z",
                   "updated": "2026-01-01T00:00:00Z", "lang": "it",
                   "answers": {{"dept_region": "veneto", "dept_name": "DSM {n}", "ps_active": "no"}}}}"#
            ),
        )
        .unwrap();
    }
    let mut tty = Tty::spawn(dir.path(), &["--lang", "it"]);
    tty.wait_for("DSM 1");
    tty.keys("t", "Ancora");
    assert!(!tty.screen().contains("Veneto"), "{}", tty.screen());
    tty.keys(" ", "righe sopra: b");
    tty.wait_for("100,0%");
    assert!(tty.screen().contains("Veneto"), "{}", tty.screen());
    tty.keys("?", "scorri giù");
    tty.send(CTRL_C);
    assert!(tty.wait_exit().success());
}

/// P12: a VT100 gets no colour escape (it reads `38;5;2` as "blink"); the
/// error shows all the same, in bold. An xterm gets its colour.
#[test]
fn a_vt100_gets_no_colour_escape() {
    for (term, coloured) in [("vt100", false), ("xterm-256color", true)] {
        let dir = tempfile::tempdir().unwrap();
        let mut tty = Tty::spawn_with(dir.path(), &["--lang", "it", "new"], &[("TERM", term)]);
        tty.wait_for("Domanda 1 di 9");
        tty.keys(ENTER, "Serve una risposta");
        let raw = tty.raw();
        assert_eq!(sets_a_colour(&raw), coloured, "TERM={term}");
        tty.send(CTRL_C);
        assert!(tty.wait_exit().success(), "TERM={term}");
    }
}
