//! Running a front: the full-screen interface, or plain line mode, on a
//! data folder, and what is said after it ends. `campo`, `campo new`,
//! `campo edit` and `campo kiosk` all come here.

use crate::form::Form;
use crate::i18n::{Describe, Lang, Texts};
use crate::store::{DataDir, Responses};
use crate::tui::app::{App, Start};

use super::{Failure, interface_texts, leaving, list};

/// What the kiosk adds to the interface: a quiet send when the response
/// is completed or reopened, and an idle limit.
#[derive(Default)]
pub struct Extras {
    pub on_status_change: Option<Box<dyn Fn()>>,
    pub idle_limit: Option<std::time::Duration>,
}

/// Runs the interface from `start` until it ends; `ui` words what goes
/// wrong after it has taken the texts.
pub fn run_interface(
    mut app: App,
    start: Start,
    data: &DataDir,
    forms: &[Form],
    ui: Texts,
    extras: Extras,
) -> Result<(), Failure> {
    if let (Start::Edit(id), true) = (&start, app.options().follow_response_lang) {
        app.texts.lang = leaving::language_of(data, *id).unwrap_or(app.texts.lang);
    }
    app.start(start).map_err(|e| Failure(e.describe(&ui)))?;
    // A kiosk's director cannot type `campo edit`: the kiosk says goodbye.
    let kiosk = app.options().kiosk;
    let data_for_sync = data.clone();
    let config = crate::sync::config::default_path();
    let start_sync: crate::tui::SyncStarter = Box::new(move |mut report| {
        let (data, config) = (data_for_sync.clone(), config.clone());
        std::thread::spawn(move || match config {
            Some(path) => crate::sync::sync_configured(&data, &path, &mut *report),
            None => report(crate::sync::Event::Finished(Err(
                crate::sync::SyncError::NoServer,
            ))),
        });
    });
    let data_root = data.root().display().to_string();
    let after_panic = ui.t_args("after-panic", &[("dir", data_root.into())]);
    let data_for_locks = data.clone();
    let wait_for_lock: crate::tui::LockWaiter = Box::new(move |id, give| {
        let data = data_for_locks.clone();
        std::thread::spawn(move || give(data.wait_for_lock(id)));
    });
    let data_for_takeover = data.clone();
    let take_over: crate::tui::LockWaiter = Box::new(move |id, give| {
        let data = data_for_takeover.clone();
        std::thread::spawn(move || give(data.take_over(id)));
    });
    let data_for_listing = data.clone();
    let list: crate::tui::Lister = Box::new(move |give| {
        let data = data_for_listing.clone();
        std::thread::spawn(move || give(data.list()));
    });
    let data_for_counts = data.clone();
    let gather: crate::tui::Gatherer = Box::new(move |form, give| {
        let data = data_for_counts.clone();
        std::thread::spawn(move || {
            give(crate::report::gather(
                &form,
                &data,
                crate::report::StatusFilter::Complete,
                None,
            ))
        });
    });
    let background = crate::tui::Background {
        start_sync,
        wait_for_lock,
        take_over,
        list,
        gather,
        on_status_change: extras.on_status_change,
        idle_limit: extras.idle_limit,
    };
    let ended = crate::tui::run(app, background, after_panic);
    let lost_answers = ended.unsaved.is_some();
    if let Some(unsaved) = ended.unsaved {
        leaving::put_unsaved_in_safety(&ui, &unsaved);
    } else if let Some(left) = ended.left.as_ref().filter(|_| !kiosk) {
        leaving::say_how_to_come_back(forms, &interface_texts(ended.lang), left);
    }
    match ended.ending {
        Ok(crate::tui::Ending::Quit) if !lost_answers => Ok(()),
        Ok(crate::tui::Ending::Quit) => std::process::exit(1),
        // Everything is saved and the terminal given back: end as a
        // process killed by that signal would, so scripts can tell.
        Ok(crate::tui::Ending::Signal(signal)) => std::process::exit(128 + signal),
        Ok(crate::tui::Ending::TakenOver) => {
            // Everything is saved; the response is the other session's
            // now: end at once, touching nothing more (no last sync).
            println!("{}", interface_texts(ended.lang).t("kiosk-taken-over"));
            std::process::exit(0)
        }
        Ok(crate::tui::Ending::Idle) => {
            println!("{}", interface_texts(ended.lang).t("kiosk-idle"));
            Ok(())
        }
        Err(e) => Err(Failure(
            ui.t_args("terminal-failed", &[("reason", e.to_string().into())]),
        )),
    }
}

/// Where plain mode starts, and with what.
pub struct PlainStart {
    pub start: Start,
    pub for_unit: Option<crate::store::ForUnit>,
    pub follow_response_lang: bool,
    /// Run by `campo kiosk`: no word of `campo edit` at the end.
    pub kiosk: bool,
}

pub fn run_plain(
    forms: &[crate::form::Form],
    mut texts: Texts,
    data: &DataDir,
    how: PlainStart,
) -> Result<(), Failure> {
    let PlainStart {
        start,
        for_unit,
        follow_response_lang,
        kiosk,
    } = how;
    let (id, response) = match start {
        Start::Home => {
            let listed = list::run(forms, &texts, data, false);
            println!("{}", texts.t("plain-home"));
            return listed.map_err(|e| Failure(e.describe(&texts)));
        }
        Start::New => (None, None),
        Start::Edit(id) => (
            Some(id),
            Some(data.load(id).map_err(|e| Failure(e.describe(&texts)))?),
        ),
    };
    // A response goes on with the version of the form it was begun with,
    // and in the language it was last used in unless --lang says otherwise.
    let form = response
        .as_ref()
        .and_then(|r| list::version_of(forms, &r.form))
        .unwrap_or(&forms[0]);
    if let Some(lang) = response
        .as_ref()
        .filter(|_| follow_response_lang)
        .and_then(|r| Lang::from_code(&r.lang))
    {
        texts.lang = lang;
    }
    say_goodbye_when_taken_over(&texts);
    let (stdin, stdout) = (std::io::stdin(), std::io::stdout());
    match crate::plain::run(
        form,
        &mut texts,
        data,
        match id {
            Some(id) => crate::plain::Opening::Stored(id),
            None => crate::plain::Opening::New {
                for_unit: for_unit.as_ref(),
            },
        },
        &mut stdin.lock(),
        &mut stdout.lock(),
    ) {
        // Whoever read the output stopped reading (`| head`): nothing is lost.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),

        Err(e) => Err(Failure(
            texts.t_args("terminal-failed", &[("reason", e.to_string().into())]),
        )),
        Ok(crate::plain::Finished::Done(left)) => {
            if !kiosk {
                leaving::say_how_to_come_back(forms, &texts, &left);
            }
            Ok(())
        }
        // Already said on the output, in the user's words.
        Ok(crate::plain::Finished::NotOpened) => std::process::exit(1),
        Ok(crate::plain::Finished::Unsaved(unsaved)) => {
            leaving::put_unsaved_in_safety(&texts, &unsaved);
            std::process::exit(1)
        }
    }
}

/// In plain mode every answer is saved as it is given: when another
/// session takes the response over (SIGUSR1), there is nothing to keep but
/// the word to the user.
fn say_goodbye_when_taken_over(texts: &Texts) {
    let goodbye = texts.t("plain-taken-over");
    if let Ok(mut signals) = signal_hook::iterator::Signals::new([signal_hook::consts::SIGUSR1]) {
        std::thread::spawn(move || {
            if signals.forever().next().is_some() {
                println!("{goodbye}");
                std::process::exit(0);
            }
        });
    }
}
