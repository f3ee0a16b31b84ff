//! The command line: parses arguments, picks the language, loads the form,
//! opens the data folder and runs the command asked for.

mod doctor;
mod export;
mod help;
mod leaving;
mod list;
mod report;
mod serve;
mod show;
mod sync;

use crate::text::printable;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::i18n::{self, Catalog, Describe, Lang, Texts};
use crate::package::FormPackage;
use crate::store::{DataDir, Responses, StoreError};
use crate::tui::app::{App, Start};

#[derive(Parser)]
#[command(
    name = "campo",
    version,
    about = "Enter survey data in the terminal, over SSH and on poor links"
)]
struct Cli {
    /// Language of the interface (default: from LC_ALL, LC_MESSAGES or LANG)
    #[arg(long, global = true, value_enum)]
    lang: Option<Lang>,
    /// Folder of the responses (default: the platform's data folder)
    #[arg(long, global = true, env = "CAMPO_DATA_DIR", value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// Run another form: a folder with form.json and locales/{en,it}/*.ftl
    #[arg(long, global = true, value_name = "DIR")]
    form: Option<PathBuf>,
    /// Ask line by line, without a full-screen interface (automatic when
    /// TERM=dumb or input or output is not a terminal)
    #[arg(long, global = true)]
    plain: bool,
    /// A digit answering a single choice moves straight to the next question
    #[arg(long, global = true)]
    auto_advance: bool,
    /// Draw borders and marks in ASCII (automatic when the locale is not UTF-8)
    #[arg(long, global = true)]
    ascii: bool,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// List the saved responses
    List {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Print one response's answers (ID or a unique prefix of it)
    Show {
        id: String,
        /// Print the stored document
        #[arg(long)]
        json: bool,
    },
    /// Start a new response straight away
    New,
    /// Continue a response (ID or a unique prefix of it)
    Edit { id: Option<String> },
    /// The paper's frequency tables from the saved responses
    Report {
        /// Which responses to count
        #[arg(long, value_enum, default_value = "complete")]
        status: crate::report::StatusFilter,
        #[arg(long, value_enum, default_value = "table")]
        format: crate::report::format::Format,
        /// Break every table down by a derived value, e.g. macro_area
        #[arg(long, value_name = "DERIVED")]
        by: Option<String>,
        /// Order multiple-choice options as in the form, or by frequency
        #[arg(long, value_enum, default_value = "form")]
        sort: crate::report::format::Sort,
    },
    /// Files for analysts: CSV with a codebook, XLSX, SPSS syntax
    Export {
        #[arg(long, value_enum, default_value = "all")]
        format: crate::export::ExportFormat,
        /// The folder to write into
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
        /// Which responses to export
        #[arg(long, value_enum, default_value = "complete")]
        status: crate::report::StatusFilter,
    },
    /// Check every file of the data folder and report those campo cannot use
    Doctor,
    /// Send complete responses to the collection server (or to a folder)
    Sync {
        /// The server's address, e.g. https://campo.example.org
        #[arg(long)]
        server: Option<String>,
        /// The token the server's administrators gave this office
        #[arg(long, env = "CAMPO_TOKEN", hide_env_values = true)]
        token: Option<String>,
        /// Send drafts too
        #[arg(long)]
        include_drafts: bool,
        /// Write the responses into a folder instead (no network)
        #[arg(long, value_name = "DIR", conflicts_with_all = ["server", "token", "setup"])]
        to: Option<PathBuf>,
        /// Save --server and --token (asked for if missing) as the defaults
        #[arg(long)]
        setup: bool,
        /// With --setup: register for a department with its access code
        /// (from the invitation) instead of a token; - reads it from input
        #[arg(
            long,
            value_name = "CODE",
            requires = "setup",
            conflicts_with = "token"
        )]
        code: Option<String>,
    },
    /// Run the collection server, or administer it
    Serve(serve::ServeArgs),
}

/// What went wrong, already in the user's words.
struct Failure(String);

pub fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let texts = interface_texts(help::early_lang(&args));
    let command = help::localize(Cli::command(), &texts, "");
    let cli = match command
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m))
    {
        Ok(cli) => cli,
        Err(error)
            if matches!(
                error.kind(),
                ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
            ) =>
        {
            // The help and version, already in the user's language.
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            eprintln!(
                "campo: {}",
                printable(&help::describe_error(&error, &texts))
            );
            return ExitCode::from(2);
        }
    };
    let lang = cli
        .lang
        .unwrap_or_else(|| Lang::from_env(|name| std::env::var(name).ok()));
    let not_utf8 = crate::text::locale_is_not_utf8(|name| std::env::var(name).ok());
    crate::text::use_ascii(cli.ascii || not_utf8);
    match run(cli, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) => {
            eprintln!("campo: {}", printable(&message));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli, lang: Lang) -> Result<(), Failure> {
    let package = match &cli.form {
        Some(dir) => FormPackage::from_dir(dir),
        None => Ok(FormPackage::bundled()),
    };
    // The interface's messages alone: for what goes wrong before, or after,
    // the form's catalog is at hand. Built once.
    let ui = interface_texts(lang);
    let loaded = package.and_then(|p| {
        let (form, catalog) = i18n::load_form(&p)?;
        let older = i18n::load_older_forms(&p, &catalog)?;
        Ok((form, catalog, older))
    });
    let (form, catalog, older_forms) = loaded
        .map_err(|e| Failure(ui.t_args("form-refused", &[("reason", e.describe(&ui).into())])))?;
    let texts = Texts::new(lang, catalog);
    // Every version campo has, the newest first.
    let forms: Vec<crate::form::Form> = std::iter::once(form.clone())
        .chain(older_forms.iter().cloned())
        .collect();
    let root = match cli.data_dir {
        Some(dir) => dir,
        None => default_data_dir().ok_or_else(|| Failure(texts.t("no-data-dir")))?,
    };
    let data = DataDir::open(&root).map_err(|e| Failure(e.describe(&texts)))?;
    let fail = |e: StoreError| Failure(e.describe(&ui));
    let start = match cli.command {
        Some(Command::Report {
            status,
            format,
            by,
            sort,
        }) => {
            let options = crate::report::format::Options {
                format,
                by: by.as_deref(),
                sort,
            };
            return report::run(&form, &texts, &data, status, &options);
        }
        Some(Command::Doctor) => return doctor::run(&forms, &texts, &data),
        Some(Command::Export {
            format,
            out,
            status,
        }) => return export::run(&form, &texts, &data, status, &out, format),
        Some(Command::Sync {
            server,
            token,
            include_drafts,
            to,
            setup,
            code,
        }) => {
            let args = sync::SyncArgs {
                server,
                token,
                include_drafts,
                to,
                setup,
                code,
            };
            return sync::run(&texts, &data, args);
        }
        Some(Command::Serve(args)) => {
            let db = args
                .db
                .clone()
                .unwrap_or_else(|| data.root().join("server.sqlite").display().to_string());
            return serve::run(&texts, forms, &db, args);
        }
        Some(Command::List { json }) => {
            return list::run(&forms, &texts, &data, json).map_err(fail);
        }
        Some(Command::Show { id, json }) => {
            let id = data.resolve(&id).map_err(fail)?;
            return show::run(&forms, &texts, &data, id, json).map_err(fail);
        }
        Some(Command::New) => Start::New,
        Some(Command::Edit { id: None }) => {
            return list::drafts(&forms, &texts, &data).map_err(fail);
        }
        Some(Command::Edit { id: Some(id) }) => {
            let response = data.load(data.resolve(&id).map_err(fail)?).map_err(fail)?;
            if list::version_of(&forms, &response).is_none() {
                let args = [
                    ("form", response.form.id.as_str().into()),
                    ("version", response.form.version.into()),
                ];
                return Err(Failure(texts.t_args("notice-unknown-form", &args)));
            }
            Start::Edit(response.id)
        }
        None => Start::Home,
    };
    let for_unit = registered_unit(&texts);
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    if cli.plain || dumb || !crate::tui::has_terminal() {
        let how = PlainStart {
            start,
            for_unit,
            follow_response_lang: cli.lang.is_none(),
        };
        return run_plain(&forms, texts, &data, how);
    }
    // The interface takes the texts; errors after that are worded with `ui`.
    let texts_for_errors = ui;
    let data_for_sync = data.clone();
    let data_for_sync_locks = data.clone();
    let data_root = data.root().display().to_string();
    let follow_response_lang = cli.lang.is_none();
    let mut texts = texts;
    if let (Start::Edit(id), true) = (&start, follow_response_lang) {
        texts.lang = leaving::language_of(&data, *id).unwrap_or(texts.lang);
    }
    let mut app = App::new(form, older_forms, texts, Box::new(data));
    app.auto_advance = cli.auto_advance;
    app.follow_response_lang = follow_response_lang;
    app.for_unit = for_unit;
    app.start(start)
        .map_err(|e| Failure(e.describe(&texts_for_errors)))?;
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
    let after_panic = texts_for_errors.t_args("after-panic", &[("dir", data_root.into())]);
    let data_for_locks = data_for_sync_locks;
    let wait_for_lock: crate::tui::LockWaiter = Box::new(move |id, give| {
        let data = data_for_locks.clone();
        std::thread::spawn(move || give(data.wait_for_lock(id)));
    });
    let background = crate::tui::Background {
        start_sync,
        wait_for_lock,
    };
    let ended = crate::tui::run(app, background, after_panic);
    let lost_answers = ended.unsaved.is_some();
    if let Some(unsaved) = ended.unsaved {
        leaving::put_unsaved_in_safety(&texts_for_errors, &unsaved);
    } else if let Some(left) = &ended.left {
        leaving::say_how_to_come_back(&forms, &interface_texts(ended.lang), left);
    }
    match ended.ending {
        Ok(crate::tui::Ending::Quit) if !lost_answers => Ok(()),
        Ok(crate::tui::Ending::Quit) => std::process::exit(1),
        // Everything is saved and the terminal given back: end as a
        // process killed by that signal would, so scripts can tell.
        Ok(crate::tui::Ending::Signal(signal)) => std::process::exit(128 + signal),
        Err(e) => Err(Failure(
            texts_for_errors.t_args("terminal-failed", &[("reason", e.to_string().into())]),
        )),
    }
}

/// The interface's messages alone, for errors that need no form.
fn interface_texts(lang: Lang) -> Texts {
    Texts::new(lang, Catalog::new([]).expect("no sources cannot fail"))
}

/// Plain line mode on standard input and output.
/// Where plain mode starts, and with what.
struct PlainStart {
    start: Start,
    for_unit: Option<crate::store::ForUnit>,
    follow_response_lang: bool,
}

fn run_plain(
    forms: &[crate::form::Form],
    mut texts: Texts,
    data: &DataDir,
    how: PlainStart,
) -> Result<(), Failure> {
    let PlainStart {
        start,
        for_unit,
        follow_response_lang,
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
        .and_then(|r| list::version_of(forms, r))
        .unwrap_or(&forms[0]);
    if let Some(lang) = response
        .as_ref()
        .filter(|_| follow_response_lang)
        .and_then(|r| Lang::from_code(&r.lang))
    {
        texts.lang = lang;
    }
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
            leaving::say_how_to_come_back(forms, &texts, &left);
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

/// The unit this office registered for (`campo sync --setup --code`), if
/// it did: new responses are the unit's. A config campo cannot read is
/// said, and answering goes on without a unit (the server still files a
/// unit token's responses under its unit): it never stops data entry.
fn registered_unit(texts: &Texts) -> Option<crate::store::ForUnit> {
    let path = crate::sync::config::default_path()?;
    let config = crate::sync::config::Config::load(&path)
        .inspect_err(|e| eprintln!("campo: {}", printable(&e.describe(texts))))
        .ok()?;
    config.unit.map(|unit| crate::store::ForUnit {
        unit,
        answers: config.prefill,
    })
}

fn default_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("org", "campo", "campo")
        .map(|dirs| dirs.data_dir().to_path_buf())
}
