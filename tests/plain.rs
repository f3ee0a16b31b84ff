//! Plain line mode driven by a script: a whole questionnaire piped into
//! `campo --plain new`, in both languages, and the file it leaves.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

mod support;
use support::only_response;

fn plain(data: &Path, args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_campo"))
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .env("LANG", "C")
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

/// Every item, "yes" branches, answered by numbers, codes and labels; a
/// wrong answer, the help, going back and forth, a language switch.
const WHOLE_QUESTIONNAIRE: &str = "\
veneto
DSM-DP ULSS 9 Scaligera, perché sì
?
1
3
2
1 5
Ambulatorio
<
>
1,2
1
1 mhd
1
2
1
:lang it
9
4
1
narratives awareness
1
1 2 3
consultative
1
1
1
3
1
2
1
1,4
4
Gruppi di auto mutuo aiuto nel CSM
:review
:complete
:quit
";

#[test]
fn a_script_fills_the_whole_questionnaire() {
    let dir = tempfile::tempdir().unwrap();
    let output = plain(
        dir.path(),
        &["--lang", "en", "--plain", "new"],
        WHOLE_QUESTIONNAIRE,
    );
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        output.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(!text.contains('\x1b'), "no escape sequences: {text:?}");
    assert!(
        text.contains("== The department ==\n\n[1/9] In which region"),
        "{text}"
    );
    assert!(text.contains("Commands: ? help"), "help is shown: {text}");
    assert!(
        text.contains("\"9\" non è tra le opzioni previste."),
        "a wrong answer is said, in Italian after :lang it: {text}"
    );
    assert!(text.contains("Questionario completato. Grazie!"), "{text}");
    let response = only_response(dir.path());
    assert_eq!(response["status"], "complete");
    let answers = response["answers"].as_object().unwrap();
    assert_eq!(answers.len(), 29, "{answers:?}");
    assert_eq!(response["answers"]["dept_region"], "veneto");
    assert_eq!(
        response["answers"]["dept_name"],
        "DSM-DP ULSS 9 Scaligera, perché sì"
    );
    assert_eq!(
        response["answers"]["ps_services"],
        serde_json::json!(["cmhc", "other"])
    );
    assert_eq!(response["answers"]["ps_services_other"], "Ambulatorio");
    assert_eq!(
        response["answers"]["ps_training_by"],
        serde_json::json!(["mhd"])
    );
    assert_eq!(
        response["answers"]["ps_difficulties"],
        serde_json::json!(["recognition", "resources", "cultural_resistance"])
    );
    assert_eq!(response["answers"]["cp_planning_role"], "consultative");
    assert_eq!(
        response["answers"]["rec_actions"],
        serde_json::json!(["care_plans", "education_work"])
    );
    assert_eq!(response["lang"], "it");
}

#[test]
fn a_required_answer_is_asked_again_and_the_italian_reads_italian() {
    let dir = tempfile::tempdir().unwrap();
    let output = plain(
        dir.path(),
        &["--lang", "it", "--plain", "new"],
        "\n22\ntosc\n",
    );
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("! La risposta è obbligatoria."), "{text}");
    assert!(
        text.contains("! \"22\" non è tra le opzioni previste."),
        "{text}"
    );
    assert!(
        text.contains("[2/9] Denominazione del Dipartimento"),
        "{text}"
    );
    assert_eq!(
        only_response(dir.path())["answers"]["dept_region"],
        "toscana"
    );
}

#[test]
fn plain_mode_continues_a_response_where_it_was_left() {
    let dir = tempfile::tempdir().unwrap();
    plain(
        dir.path(),
        &["--lang", "en", "--plain", "new"],
        "2\nDSM Potenza\n:quit\n",
    );
    let id = only_response(dir.path())["id"]
        .as_str()
        .unwrap()
        .to_string();
    let output = plain(dir.path(), &["--lang", "en", "edit", &id[..8]], "3\n");
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.starts_with("\n== (a) Peer support ==\n\n[3/9] Does your MHD implement"),
        "{text}"
    );
    assert_eq!(only_response(dir.path())["answers"]["ps_active"], "dk");
}

#[test]
fn a_screen_reader_user_hears_each_answer_once_and_only_the_problem_after_a_mistake() {
    let dir = tempfile::tempdir().unwrap();
    let script = "?\ntoscanaa\ntosc\nDSM Firenze\n1\n2\n3\naltro, diurni\n:quit\n";
    let output = plain(dir.path(), &["--lang", "it", "--plain", "new"], script);
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(output.status.success(), "{text}");
    assert!(
        text.contains("Scriva il numero di una regione, o parte del suo nome"),
        "? says what works here, not the full screen's filter: {text}"
    );
    assert!(!text.contains("restringere l'elenco"), "{text}");
    assert_eq!(
        text.matches("In quale regione").count(),
        1,
        "a wrong answer repeats only the problem: {text}"
    );
    assert!(
        text.contains("\"toscanaa\" non è tra le opzioni previste."),
        "{text}"
    );
    assert!(text.contains("Registrato: Toscana"), "{text}");
    assert!(text.contains("Registrato: DSM Firenze"), "{text}");
    assert!(
        !text.contains("codice"),
        "no mention of codes it never shows: {text}"
    );
    let response = only_response(dir.path());
    assert_eq!(
        response["answers"]["ps_services"],
        serde_json::json!(["day_centre", "other"]),
        "labels and parts of labels in a multiple choice: {text}"
    );
}
