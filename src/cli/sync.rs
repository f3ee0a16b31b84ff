//! `campo sync`: send responses to the collection server, or to a folder.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::i18n::{Describe, Texts};
use crate::store::DataDir;
use crate::sync::config::{self, Config};
use crate::sync::{self, Backoff, Client, Progress};
use crate::text::printable;

use super::Failure;

pub struct SyncArgs {
    pub server: Option<String>,
    pub token: Option<String>,
    pub include_drafts: bool,
    pub to: Option<PathBuf>,
    pub setup: bool,
    pub code: Option<String>,
}

pub fn run(texts: &Texts, data: &DataDir, args: SyncArgs) -> Result<(), Failure> {
    let config_path = config::default_path().ok_or_else(|| Failure(texts.t("no-data-dir")))?;
    if args.setup {
        return setup(texts, &config_path, args);
    }
    if let Some(dir) = &args.to {
        let count =
            sync::export(data, dir, args.include_drafts).map_err(|e| Failure(e.describe(texts)))?;
        let dir = dir.display().to_string();
        println!(
            "{}",
            texts.t_args(
                "sync-exported",
                &[("count", count.into()), ("dir", dir.into())]
            )
        );
        return Ok(());
    }
    let config = Config::load(&config_path).map_err(|e| Failure(e.describe(texts)))?;
    warn_if_others_can_read(texts, &config_path);
    let server = args
        .server
        .or(config.server)
        .ok_or_else(|| Failure(texts.t("sync-no-server")))?;
    let token = match args.token {
        Some(token) => secret_from(texts, token)?,
        None => config
            .token
            .ok_or_else(|| Failure(texts.t("sync-no-token")))?,
    };
    let client = Client::new(&server, &token, backoff_from_env());
    let live = std::io::stderr().is_terminal();
    let mut report = |progress: Progress| show_progress(texts, &progress, live);
    let summary = sync::sync(data, &server, &client, args.include_drafts, &mut report)
        .map_err(|e| Failure(e.describe(texts)))?;
    if live {
        eprintln!();
    }
    let said = crate::text::printable(&summary.describe(texts));
    println!("{}", said.trim_end_matches('\n'));
    if summary.all_delivered() {
        Ok(())
    } else {
        Err(Failure(texts.t("sync-not-all-delivered")))
    }
}

/// One line on the terminal, rewritten as the sync goes; nothing in a log.
fn show_progress(texts: &Texts, progress: &Progress, live: bool) {
    if !live {
        return;
    }
    let line = match progress {
        Progress::Planned { total } => texts.t_args("sync-planned", &[("total", (*total).into())]),
        Progress::Done { done, total, bytes } => texts.t_args(
            "sync-progress",
            &[
                ("done", (*done).into()),
                ("total", (*total).into()),
                ("kb", texts.one_decimal(*bytes as f64 / 1024.0).into()),
            ],
        ),
        Progress::Retrying { attempt, problem } => texts.t_args(
            "sync-retrying",
            &[
                ("attempt", (*attempt).into()),
                ("problem", problem.describe(texts).into()),
            ],
        ),
    };
    let mut err = std::io::stderr();
    let _ = write!(err, "\r\x1b[2K{}", crate::text::printable(&line));
    let _ = err.flush();
}

fn setup(texts: &Texts, path: &Path, args: SyncArgs) -> Result<(), Failure> {
    let mut config = Config::load(path).map_err(|e| Failure(e.describe(texts)))?;
    let server = match args.server {
        Some(server) => server,
        None => ask(texts, "sync-ask-server", config.server.as_deref())?,
    };
    let server = server.trim().trim_end_matches('/').to_string();
    if !(server.starts_with("https://") || server.starts_with("http://")) {
        return Err(Failure(
            texts.t_args("sync-setup-no-scheme", &[("server", server.into())]),
        ));
    }
    if let Some(code) = args.code {
        let code = secret_from(texts, code)?;
        if !crate::server::codes::could_be_a_code(&code) {
            return Err(Failure(texts.t_args(
                "sync-setup-refused",
                &[("reason", texts.t("code-shape").into())],
            )));
        }
        return register(texts, path, config, server, &code);
    }
    let token = match args.token {
        Some(token) => secret_from(texts, token)?,
        None => ask(texts, "sync-ask-token", None)?,
    };
    // The token is tried before anything is saved: a wrong one is said now,
    // not at the first sync in the field.
    let client = Client::new(&server, &token, Backoff::default());
    match client.who_am_i() {
        Ok(name) => eprintln!(
            "{}",
            printable(&texts.t_args("sync-setup-checked", &[("name", name.into())]))
        ),
        Err(sync::Delivery::GaveUp(problem)) => eprintln!(
            "{}",
            texts.t_args(
                "sync-setup-unchecked",
                &[("problem", problem.describe(texts).into())]
            )
        ),
        Err(sync::Delivery::Fatal(fatal)) => {
            return Err(Failure(texts.t_args(
                "sync-setup-refused",
                &[("reason", fatal.describe(texts).into())],
            )));
        }
        Err(_) => return Err(Failure(texts.t("sync-setup-refused-plain"))),
    }
    config.server = Some(server);
    config.token = Some(token);
    // A plain token is no unit's: what an earlier registration said goes.
    config.unit = None;
    config.prefill.clear();
    save_config(texts, path, &config)
}

/// `--setup --code`: the server checks the unit's access code and gives
/// this office a token of its own for the unit, with the unit's answers
/// from the list; all three are saved.
fn register(
    texts: &Texts,
    path: &Path,
    mut config: Config,
    server: String,
    code: &str,
) -> Result<(), Failure> {
    let registered = sync::register(&server, code).map_err(|delivery| match delivery {
        sync::Delivery::Refused(refusal) => Failure(texts.t_args(
            "sync-setup-refused",
            &[("reason", refusal.describe(texts).into())],
        )),
        sync::Delivery::Fatal(fatal) => Failure(texts.t_args(
            "sync-setup-refused",
            &[("reason", fatal.describe(texts).into())],
        )),
        sync::Delivery::GaveUp(problem) => Failure(texts.t_args(
            "sync-setup-unreachable",
            &[("problem", problem.describe(texts).into())],
        )),
        _ => Failure(texts.t("sync-setup-refused-plain")),
    })?;
    eprintln!(
        "{}",
        printable(&texts.t_args(
            "sync-setup-registered",
            &[
                ("unit", registered.unit.as_str().into()),
                ("name", registered.name.as_str().into()),
                ("count", registered.prefill.len().into()),
            ]
        ))
    );
    config.server = Some(server);
    config.token = Some(registered.token);
    config.unit = Some(registered.unit);
    config.prefill = registered.prefill;
    save_config(texts, path, &config)
}

fn save_config(texts: &Texts, path: &Path, config: &Config) -> Result<(), Failure> {
    config.save(path).map_err(|e| Failure(e.describe(texts)))?;
    println!(
        "{}",
        texts.t_args(
            "sync-setup-saved",
            &[("path", path.display().to_string().into())]
        )
    );
    Ok(())
}

/// `--token -` (or `--code -`) reads it from standard input, so that it
/// shows in no process list (as does `CAMPO_TOKEN`).
fn secret_from(texts: &Texts, secret: String) -> Result<String, Failure> {
    if secret != "-" {
        return Ok(secret);
    }
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .map_err(|_| Failure(texts.t("sync-setup-no-answer")))?;
    let token = line.trim().to_string();
    if token.is_empty() {
        return Err(Failure(texts.t("sync-setup-no-answer")));
    }
    Ok(token)
}

/// The config holds the token: readable by others, it is said (once per
/// run) with the command that fixes it.
fn warn_if_others_can_read(texts: &Texts, path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    let Ok(meta) = std::fs::metadata(path) else {
        return;
    };
    if meta.permissions().mode() & 0o077 != 0 {
        let path = path.display().to_string();
        eprintln!(
            "{}",
            printable(&texts.t_args("sync-config-readable", &[("path", path.into())]))
        );
    }
}

/// Asks on the terminal; an empty answer keeps `current`.
fn ask(texts: &Texts, prompt: &str, current: Option<&str>) -> Result<String, Failure> {
    eprint!(
        "{} ",
        texts.t_args(prompt, &[("current", current.unwrap_or("").into())])
    );
    let mut line = String::new();
    std::io::stdin()
        .read_line(&mut line)
        .map_err(|_| Failure(texts.t("sync-setup-no-answer")))?;
    let answer = line.trim();
    match (answer.is_empty(), current) {
        (false, _) => Ok(answer.to_string()),
        (true, Some(current)) => Ok(current.to_string()),
        (true, None) => Err(Failure(texts.t("sync-setup-no-answer"))),
    }
}

/// The retry schedule; `CAMPO_SYNC_RETRY_MS` sets the first wait (on a
/// satellite link a longer one is kinder, in tests a shorter one quicker).
fn backoff_from_env() -> Backoff {
    let mut backoff = Backoff::default();
    if let Some(ms) = std::env::var("CAMPO_SYNC_RETRY_MS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        backoff.first = std::time::Duration::from_millis(ms);
    }
    backoff
}
