//! `campo kiosk`: the program OpenSSH runs for the survey's account
//! (`ForceCommand`). It asks for a department's access code, has the
//! collection server check it, and opens that department's questionnaire
//! and nothing else: no list, no other unit, no command, whatever the
//! client asks for (`SSH_ORIGINAL_COMMAND` is never read). The
//! questionnaire is sent when it is completed or reopened and when the
//! session ends; what cannot be sent stays in the kiosk's data folder for
//! the next session (or `campo sync`) to send.

use std::io::{BufRead, Write};
use std::time::Duration;

use clap::Args;

use crate::form::Form;
use crate::i18n::{Describe, Lang, Texts};
use crate::store::{DataDir, ForUnit, Listed, Lock, Responses};
use crate::sync::{Backoff, Client, Delivery, config::Config};
use crate::tui::app::{App, Start};

use super::{Failure, fronts, interface_texts};

mod prompt;
use prompt::{Typed, read_keys, read_line};

#[derive(Args)]
pub struct KioskArgs {
    /// Minutes without a key after which the session saves and ends
    #[arg(long, default_value_t = 30.0, value_name = "MINUTES")]
    idle_minutes: f64,
    /// Wrong codes one connection may try before it is ended
    #[arg(long, default_value_t = 3, value_name = "N")]
    tries: u32,
    /// Seconds without a key after which a session holding the questionnaire may be taken over (a dropped link)
    #[arg(long, default_value_t = 120, value_name = "SECONDS")]
    takeover_after: u64,
}

pub fn run(
    mut texts: Texts,
    forms: &[Form],
    data: &DataDir,
    ui_lang: Option<Lang>,
    args: &KioskArgs,
) -> Result<(), Failure> {
    ignore_job_control();
    // A PuTTY client sends no LANG: the survey's first language, Italian,
    // unless the team's --lang says otherwise.
    let mut lang = ui_lang.unwrap_or(Lang::It);
    let client = kiosk_client(&interface_texts(lang))?;
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let Some(unit) = ask_for_code(&mut lang, &forms[0], &client, &mut input, args.tries)? else {
        return Ok(());
    };
    drop(input);
    texts.lang = lang;
    let form = &forms[0];
    let start = match unit_response(data, &unit.unit) {
        Some(id) => {
            let stale = Duration::from_secs(args.takeover_after);
            take_back_from_stale(data, id, stale, &interface_texts(lang))?;
            Start::Edit(id)
        }
        None => Start::New,
    };
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    let answered = if dumb || !crate::tui::has_terminal() {
        let how = fronts::PlainStart {
            start,
            for_unit: Some(unit),
            follow_response_lang: true,
            kiosk: true,
        };
        fronts::run_plain(forms, texts, data, how)
    } else {
        let options = crate::tui::app::Options {
            kiosk: true,
            follow_response_lang: true,
            for_unit: Some(unit),
            ..Default::default()
        };
        let app = App::new(
            form.clone(),
            forms[1..].to_vec(),
            texts,
            Box::new(data.clone()),
            options,
        );
        let extras = fronts::Extras {
            on_status_change: Some(send_in_background(data, &client)),
            // At least a second: fractions of a minute are for tests.
            idle_limit: Some(Duration::from_secs_f64((args.idle_minutes * 60.0).max(1.0))),
        };
        fronts::run_interface(app, start, data, forms, interface_texts(lang), extras)
    };
    send_now(&interface_texts(lang), data, &client);
    answered
}

/// Ctrl-Z and Ctrl-\ do nothing: a stopped kiosk would hang the
/// A director who comes back after a dropped link finds the questionnaire
/// held by the old session, still running on the server: if it has had no
/// key for `stale`, it is asked to save and let go (and ended if it cannot).
/// A session in use is left alone, and said.
fn take_back_from_stale(
    data: &DataDir,
    id: uuid::Uuid,
    stale: Duration,
    texts: &Texts,
) -> Result<(), Failure> {
    match data.lock(id) {
        Ok(Lock::Elsewhere { idle, .. }) if idle.is_some_and(|idle| idle >= stale) => {
            println!("{}", texts.t("kiosk-taking-over"));
            data.take_over(id).map_err(|e| Failure(e.describe(texts)))?;
            Ok(())
        }
        Ok(Lock::Elsewhere { .. }) => Err(Failure(texts.t("kiosk-open-elsewhere"))),
        Ok(Lock::Mine(_)) => Ok(()),
        Err(error) => Err(Failure(error.describe(texts))),
    }
}

/// connection, a quit would leave a core file.
fn ignore_job_control() {
    // SAFETY: setting a signal's disposition to "ignore" has no handler to
    // run; it is done before any thread that could race it is started.
    unsafe {
        libc::signal(libc::SIGTSTP, libc::SIG_IGN);
        libc::signal(libc::SIGQUIT, libc::SIG_IGN);
    }
}

/// The collection server and the kiosk's token, from the kiosk account's
/// config (`campo sync --setup --server URL --token TOKEN`, run once by
/// the team as that account).
fn kiosk_client(texts: &Texts) -> Result<Client, Failure> {
    let not_set_up = || Failure(texts.t("kiosk-not-set-up"));
    let path = crate::sync::config::default_path().ok_or_else(not_set_up)?;
    let config = Config::load(&path).map_err(|e| Failure(e.describe(texts)))?;
    match (config.server, config.token) {
        (Some(server), Some(token)) => Ok(Client::new(&server, &token, Backoff::default())),
        _ => Err(not_set_up()),
    }
}

/// Asks for the code until the server knows it, F2 switching the language;
/// `None` when the connection ends (input closed, or too many wrong codes,
/// which is said).
fn ask_for_code(
    lang: &mut Lang,
    form: &Form,
    client: &Client,
    input: &mut dyn BufRead,
    tries: u32,
) -> Result<Option<ForUnit>, Failure> {
    let guesser = guesser_address();
    // In a terminal each key is read as it comes, so that F2 acts at once;
    // without one, lines come in and F2 cannot be pressed.
    let keys = crate::tui::has_terminal();
    let mut wrong = 0;
    let mut out = std::io::stdout();
    while wrong < tries {
        let texts = interface_texts(*lang);
        let prompt = if keys {
            "kiosk-ask-code"
        } else {
            "kiosk-ask-code-plain"
        };
        let prompt = format!("{} ", texts.t(prompt));
        let typed = if keys {
            read_keys(input, &mut out, &prompt)
        } else {
            let _ = write!(out, "{prompt}");
            let _ = out.flush();
            read_line(input)
        };
        let line = match typed {
            Typed::Closed => {
                let _ = writeln!(out);
                return Ok(None);
            }
            Typed::SwitchLanguage => {
                *lang = lang.other();
                continue;
            }
            Typed::Text(line) => line,
        };
        let code = crate::server::codes::normalise(&line);
        if code.is_empty() {
            continue;
        }
        // A typo of the wrong length is said here, costing no guess.
        if !crate::server::codes::could_be_a_code(&code) {
            let _ = writeln!(out, "{}", texts.t("code-shape"));
            continue;
        }
        match client.check_code(&code, &guesser) {
            Ok(checked) => {
                let name = texts
                    .unit_name(form, &checked.prefill)
                    .unwrap_or_else(|| checked.unit.clone());
                let _ = writeln!(
                    out,
                    "{}",
                    texts.t_args("kiosk-welcome", &[("name", name.into())])
                );
                return Ok(Some(ForUnit {
                    unit: checked.unit,
                    answers: checked.prefill,
                }));
            }
            Err(Delivery::Refused(crate::protocol::Refusal::WrongCode)) => {
                wrong += 1;
                let left = tries - wrong;
                let _ = writeln!(
                    out,
                    "{}",
                    texts.t_args("kiosk-wrong-code", &[("left", left.into())])
                );
            }
            Err(Delivery::Refused(refusal)) => return Err(Failure(refusal.describe(&texts))),
            Err(Delivery::Fatal(fatal)) => return Err(Failure(fatal.describe(&texts))),
            Err(Delivery::GaveUp(problem)) => {
                return Err(Failure(texts.t_args(
                    "kiosk-unreachable",
                    &[("problem", problem.describe(&texts).into())],
                )));
            }
            Err(_) => return Err(Failure(texts.t("kiosk-unreachable-plain"))),
        }
    }
    let _ = writeln!(out, "{}", interface_texts(*lang).t("kiosk-too-many-tries"));
    Ok(None)
}

/// The address the director connected from, as OpenSSH tells it: wrong
/// codes count against it at the server, across connections.
fn guesser_address() -> String {
    ["SSH_CONNECTION", "SSH_CLIENT"]
        .iter()
        .find_map(|name| std::env::var(name).ok())
        .and_then(|v| v.split_whitespace().next().map(str::to_string))
        .unwrap_or_default()
}

/// The unit's response in the kiosk's folder, if it has one.
fn unit_response(data: &DataDir, unit: &str) -> Option<uuid::Uuid> {
    data.list()
        .ok()?
        .into_iter()
        .filter_map(|listed| match listed {
            Listed::Response(response) if response.unit.as_deref() == Some(unit) => {
                Some((response.updated, response.id))
            }
            _ => None,
        })
        .max()
        .map(|(_, id)| id)
}

/// Sends every response the server has not confirmed, drafts too (a
/// reopened questionnaire must reach it as a draft again), on a thread
/// of its own: the director goes on answering.
fn send_in_background(data: &DataDir, client: &Client) -> Box<dyn Fn()> {
    let (data, client) = (data.clone(), client.clone());
    Box::new(move || {
        let (data, client) = (data.clone(), client.clone());
        std::thread::spawn(move || {
            let server = client.base().to_string();
            let _ = crate::sync::sync(&data, &server, &client, true, &mut |_| {});
        });
    })
}

/// Sends before the connection ends, and says whether it went.
fn send_now(texts: &Texts, data: &DataDir, client: &Client) {
    let server = client.base().to_string();
    let sent = crate::sync::sync(data, &server, client, true, &mut |_| {});
    // What the sync in the background already delivered is not due now:
    // whether anything was answered is in the folder, not in this sync.
    let answered = data.list().map_or(true, |listed| {
        listed.iter().any(|l| matches!(l, Listed::Response(_)))
    });
    println!("{}", farewell(texts, sent.ok().as_ref(), answered));
}

/// What the director is told at the end, and only what is true: the
/// answers reached the team; nothing was answered; the server refused them
/// (why, and what to do); or it could not be reached.
fn farewell(texts: &Texts, summary: Option<&crate::sync::Summary>, answered: bool) -> String {
    match summary {
        Some(summary) if !summary.refused.is_empty() => texts.t_args(
            "kiosk-refused",
            &[("reason", summary.refused[0].1.describe(texts).into())],
        ),
        Some(summary) if summary.all_delivered() && !answered => texts.t("kiosk-nothing-answered"),
        Some(summary) if summary.all_delivered() => texts.t("kiosk-sent"),
        _ => texts.t("kiosk-not-sent"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, load_form};
    use crate::package::FormPackage;
    use crate::protocol::Refusal;
    use crate::sync::Summary;

    /// N18, N19: the kiosk says what happened, in the director's language.
    #[test]
    fn the_director_is_told_what_really_happened_to_the_answers() {
        let (_, catalog) = load_form(&FormPackage::bundled()).unwrap();
        let texts = Texts::new(Lang::It, catalog);
        let refused = Summary {
            refused: vec![(
                uuid::Uuid::nil(),
                Refusal::UnitAnswered {
                    first: uuid::Uuid::nil(),
                },
            )],
            ..Summary::default()
        };
        let said = farewell(&texts, Some(&refused), true);
        assert!(said.contains("non le ha accolte"), "{said}");
        assert!(
            said.contains("ha già inviato un altro questionario"),
            "{said}"
        );
        assert!(!said.contains("appena il server"), "{said}");
        let nothing = farewell(&texts, Some(&Summary::default()), false);
        assert!(nothing.contains("Nessuna risposta"), "{nothing}");
        // Delivered already, by the sync in the background: arrived.
        let before = farewell(&texts, Some(&Summary::default()), true);
        assert!(before.contains("sono arrivate"), "{before}");
        let sent = Summary {
            sent: 1,
            ..Summary::default()
        };
        assert!(farewell(&texts, Some(&sent), true).contains("sono arrivate"));
        assert!(farewell(&texts, None, true).contains("appena il server"));
    }
}
