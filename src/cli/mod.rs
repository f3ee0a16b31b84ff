//! The command line: parses arguments, picks the language, loads the form,
//! opens the data folder and runs the command asked for.

mod binaries;
mod doctor;
mod export;
mod form;
mod fronts;
mod help;
mod kiosk;
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
    /// Run another form: a bundled one by name (abstract-bologna), or a
    /// folder with form.json and locales/{en,it}/*.ftl, or an XLSForm
    /// spreadsheet
    #[arg(long, global = true, value_name = "NAME|DIR|FILE")]
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
    /// The survey's SSH front door: asks a department's access code and opens its questionnaire
    Kiosk(kiosk::KioskArgs),
    /// Check a form's logic: set answers and see what it asks
    #[command(subcommand)]
    Form(form::FormCommand),
}

/// What went wrong, already in the user's words.
struct Failure(String);

/// `campo`: the interface, handing `serve` and `export` to `campo-server`.
pub fn main() -> ExitCode {
    start(binaries::hand_over)
}

/// `campo-server`: every command, `serve` and `export` included.
pub fn main_server() -> ExitCode {
    start(binaries::in_process)
}

fn start(heavy: binaries::RunHeavy) -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let texts = interface_texts(help::early_lang(&args));
    // Arguments clap accepts as they are need no words: the command is
    // translated (every argument's help looked up) only when clap has
    // something to say, which keeps it out of the time to first paint.
    let parsed = Cli::try_parse_from(&args).or_else(|_| {
        help::localize(Cli::command(), &texts, "")
            .try_get_matches_from(&args)
            .and_then(|m| Cli::from_arg_matches(&m))
    });
    let cli = match parsed {
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
    // A director at the kiosk never typed "campo": its messages are
    // sentences to them, not a program's diagnostics (P13).
    let kiosk = matches!(cli.command, Some(Command::Kiosk(_)));
    match run(cli, lang, heavy) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure(message)) if kiosk => {
            eprintln!("{}", printable(&crate::text::sentence_case(&message)));
            ExitCode::FAILURE
        }
        Err(Failure(message)) => {
            eprintln!("campo: {}", printable(&message));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli, lang: Lang, heavy: binaries::RunHeavy) -> Result<(), Failure> {
    // A form of its own and no data folder.
    if let Some(Command::Form(command)) = cli.command {
        return form::run(command, &interface_texts(lang));
    }
    let package = match &cli.form {
        Some(form) => FormPackage::chosen(form),
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
    // A command that only reads does not make a folder the user may have
    // mistyped, nor say "no problems" of it (P9).
    let reads_only = matches!(
        cli.command,
        Some(
            Command::List { .. }
                | Command::Show { .. }
                | Command::Report { .. }
                | Command::Export { .. }
                | Command::Doctor
        )
    );
    if let Some(dir) = cli
        .data_dir
        .as_ref()
        .filter(|dir| reads_only && !dir.exists())
    {
        return Err(Failure(texts.t_args(
            "data-dir-missing",
            &[("path", dir.display().to_string().into())],
        )));
    }
    let root = match cli.data_dir {
        Some(dir) => dir,
        None => default_data_dir().ok_or_else(|| Failure(texts.t("no-data-dir")))?,
    };
    let data = DataDir::open(&root)
        .map_err(|e| Failure(e.describe(&texts)))?
        .summarized_by(crate::session::listing_recipe(&forms));
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
        Some(Command::Form(_)) => unreachable!("run before any form is loaded"),
        Some(Command::Export {
            format,
            out,
            status,
        }) => {
            return heavy(binaries::Heavy::Export {
                form: &form,
                texts: &texts,
                data: &data,
                status,
                out,
                format,
            });
        }
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
            return heavy(binaries::Heavy::Serve {
                texts: &texts,
                forms,
                db,
                args,
            });
        }
        Some(Command::Kiosk(args)) => {
            return kiosk::run(texts, &forms, &data, cli.lang, &args);
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
            if list::version_of(&forms, &response.form).is_none() {
                return Err(Failure(texts.unknown_form(&response.form)));
            }
            Start::Edit(response.id)
        }
        None => Start::Home,
    };
    let for_unit = registered_unit(&texts);
    let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
    if cli.plain || dumb || !crate::tui::has_terminal() {
        let how = fronts::PlainStart {
            start,
            for_unit,
            follow_response_lang: cli.lang.is_none(),
            kiosk: false,
        };
        return fronts::run_plain(&forms, texts, &data, how);
    }
    let options = crate::tui::app::Options {
        auto_advance: cli.auto_advance,
        follow_response_lang: cli.lang.is_none(),
        for_unit,
        ..Default::default()
    };
    let app = App::new(form, older_forms, texts, Box::new(data.clone()), options);
    fronts::run_interface(app, start, &data, &forms, ui, fronts::Extras::default())
}

/// The interface's messages alone, for errors that need no form.
fn interface_texts(lang: Lang) -> Texts {
    Texts::new(lang, Catalog::new([]).expect("no sources cannot fail"))
}

/// Plain line mode on standard input and output.
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
