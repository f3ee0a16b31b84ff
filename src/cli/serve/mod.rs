//! `campo serve` and its administration commands.

mod frame;
mod letter;
mod mail;
mod status;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};

use crate::form::Form;
use crate::i18n::{Describe, Texts};
use crate::server::storage::{MailKind, Storage, StorageError, TokenInfo, TokenKind};
use crate::server::{self, DatabaseError, Server, tokens};
use crate::store::DataDir;
use crate::text::printable;

use super::Failure;

#[derive(Args)]
pub struct ServeArgs {
    /// Address to listen on
    #[arg(long, default_value = "127.0.0.1:8750")]
    listen: SocketAddr,
    /// Requests a second one token may make on average (twice as many at once)
    #[arg(long, default_value_t = 1000, value_name = "N")]
    rate_limit: u32,
    /// Seconds a request's headers, and then its body, may take to arrive
    #[arg(long, default_value_t = 30, value_name = "SECONDS")]
    body_timeout: u64,
    /// A reverse proxy whose X-Forwarded-For names the client (repeat for each; e.g. 127.0.0.1 for nginx on the same machine)
    #[arg(long = "trusted-proxy", value_name = "ADDRESS")]
    trusted_proxies: Vec<std::net::IpAddr>,
    /// The database: a path, sqlite://PATH, or postgres://USER@HOST/NAME (default: server.sqlite in the data folder)
    #[arg(long, global = true, env = "CAMPO_DB", value_name = "PATH-or-URL")]
    pub db: Option<String>,
    /// PostgreSQL: connections this instance keeps open at most
    #[arg(long, global = true, default_value_t = 8, value_name = "N")]
    db_pool: u32,
    /// PostgreSQL: seconds to wait for a connection before a request fails
    #[arg(long, global = true, default_value_t = 10, value_name = "SECONDS")]
    db_timeout: u64,
    #[command(subcommand)]
    command: Option<ServeCommand>,
}

#[derive(Subcommand)]
enum ServeCommand {
    /// Manage the tokens offices sync with
    Token {
        #[command(subcommand)]
        command: TokenCommand,
    },
    /// The sampling frame: the units the survey is sent to
    Frame {
        #[command(subcommand)]
        command: FrameCommand,
    },
    /// Give each unit a personal access code (printed once)
    Codes {
        /// Only these units (all of the frame without it)
        #[arg(long = "unit", value_name = "UNIT")]
        units: Vec<String>,
        /// Write unit,code to this CSV file instead of the screen
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Who has answered: each unit, response rates and population coverage
    Status(status::StatusArgs),
    /// Write or send each unit its invitation, with its access code
    Invite(Box<mail::MailArgs>),
    /// Write or send a reminder to each unit without a complete response
    Remind(Box<mail::MailArgs>),
    /// Set a response aside, so that its unit can send another in its place
    Withdraw { id: String },
    /// Close the survey: sends are refused from then on
    Close {
        /// When: a date (open until the end of that day, UTC) or a time in RFC 3339; now without it
        #[arg(long, value_name = "DATE")]
        at: Option<String>,
    },
    /// Open the survey again
    Reopen,
    /// Ingest a folder written by `campo sync --to`
    Import { dir: PathBuf },
    /// Write the latest revision of every response as campo files
    Dump {
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum FrameCommand {
    /// Load or update the units from a CSV file
    Import { file: PathBuf },
    /// List the units
    List,
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create a token (printed once)
    Add {
        name: String,
        /// A research team's token: reads every response and may import
        #[arg(long, conflicts_with = "kiosk")]
        team: bool,
        /// The token of `campo kiosk`: checks directors' codes and sends their units' responses
        #[arg(long)]
        kiosk: bool,
    },
    /// List tokens
    List,
    /// Revoke a token
    Revoke { name: String },
}

pub fn run(texts: &Texts, forms: Vec<Form>, db: &str, args: ServeArgs) -> Result<(), Failure> {
    let bounds = server::storage::Bounds::default();
    let pool = server::PoolSettings {
        size: args.db_pool,
        timeout: std::time::Duration::from_secs(args.db_timeout),
    };
    let storage =
        server::open_storage(db, bounds, pool).map_err(|e| Failure(describe_db(texts, db, &e)))?;
    let Some(command) = args.command else {
        let mut limits = server::Limits::new(args.rate_limit, args.body_timeout);
        limits.trusted_proxies = args.trusted_proxies.clone();
        let server = Server {
            forms,
            storage,
            limits,
            bounds,
        };
        return run_server(texts, server, db, args.listen);
    };
    let form = &forms[0];
    match command {
        ServeCommand::Token { command } => token(texts, &*storage, command),
        ServeCommand::Frame {
            command: FrameCommand::Import { file },
        } => frame::import(texts, form, &*storage, &file),
        ServeCommand::Frame {
            command: FrameCommand::List,
        } => frame::list(texts, form, &*storage),
        ServeCommand::Codes { units, out } => frame::codes(texts, &*storage, units, out.as_deref()),
        ServeCommand::Status(args) => status::run(texts, form, &*storage, &args),
        ServeCommand::Invite(args) => {
            mail::run(texts, form, &*storage, MailKind::Invitation, &args)
        }
        ServeCommand::Remind(args) => mail::run(texts, form, &*storage, MailKind::Reminder, &args),
        ServeCommand::Withdraw { id } => withdraw(texts, &*storage, &id),
        ServeCommand::Close { at } => {
            let at =
                closing_time(at.as_deref()).ok_or_else(|| Failure(texts.t("close-bad-date")))?;
            storage.set_closing(Some(&at)).map_err(db_failed(texts))?;
            let date = crate::i18n::closing_date(texts, &at);
            println!("{}", texts.t_args("closed", &[("date", date.into())]));
            Ok(())
        }
        ServeCommand::Reopen => {
            storage.set_closing(None).map_err(db_failed(texts))?;
            println!("{}", texts.t("reopened"));
            Ok(())
        }
        ServeCommand::Import { dir } => {
            // Importing is local: no client to limit.
            let limits = server::Limits::new(u32::MAX, u64::MAX / 4);
            let server = Server {
                forms,
                storage,
                limits,
                bounds,
            };
            import(texts, &server, &dir)
        }
        ServeCommand::Dump { out } => dump(texts, &*storage, &out),
    }
}

/// The database's failure, in the user's words.
fn db_failed(texts: &Texts) -> impl Fn(StorageError) -> Failure + '_ {
    |e| Failure(texts.t_args("serve-db-failed", &[("reason", e.0.into())]))
}

fn run_server(texts: &Texts, server: Server, db: &str, listen: SocketAddr) -> Result<(), Failure> {
    let (backend, schema) = server.storage.backend();
    server::serve(server, listen, |address| {
        eprintln!(
            "{}",
            texts.t_args(
                "serve-listening",
                &[
                    ("address", address.to_string().into()),
                    ("db", without_password(db).into()),
                    ("backend", backend.into()),
                    ("schema", schema.into()),
                ]
            )
        );
    })
    .map_err(|e| Failure(texts.t_args("serve-failed", &[("reason", e.to_string().into())])))
}

fn token(texts: &Texts, storage: &dyn Storage, command: TokenCommand) -> Result<(), Failure> {
    match command {
        TokenCommand::Add { name, team, kiosk } => {
            let token = tokens::generate();
            let kind = match (team, kiosk) {
                (true, _) => TokenKind::Team,
                (_, true) => TokenKind::Kiosk,
                _ => TokenKind::Office,
            };
            if !storage
                .add_token(&name, &tokens::hash(&token), kind)
                .map_err(db_failed(texts))?
            {
                return Err(Failure(
                    texts.t_args("token-exists", &[("name", name.into())]),
                ));
            }
            eprintln!("{}", texts.t_args("token-added", &[("name", name.into())]));
            println!("{token}");
            Ok(())
        }
        TokenCommand::List => {
            for token in storage.tokens().map_err(db_failed(texts))? {
                println!("{}", crate::text::printable(&token_line(texts, token)));
            }
            Ok(())
        }
        TokenCommand::Revoke { name } => {
            if storage.revoke_token(&name).map_err(db_failed(texts))? {
                println!(
                    "{}",
                    texts.t_args("token-revoked", &[("name", name.into())])
                );
                Ok(())
            } else {
                Err(Failure(
                    texts.t_args("token-unknown", &[("name", name.into())]),
                ))
            }
        }
    }
}

/// A token's line: its name, what it is for, when it was made and revoked.
fn token_line(texts: &Texts, token: TokenInfo) -> String {
    let created = local_date(texts, &token.created);
    let kind = match (&token.unit, token.team) {
        (_, true) => texts.t("token-kind-team"),
        _ if token.kiosk => texts.t("token-kind-kiosk"),
        (Some(unit), false) => texts.t_args("token-kind-unit", &[("unit", unit.as_str().into())]),
        (None, false) => texts.t("token-kind-office"),
    };
    let name = format!("{}  {kind}", token.name);
    match token.revoked {
        Some(when) => texts.t_args(
            "token-line-revoked",
            &[
                ("name", name.into()),
                ("created", created.into()),
                ("revoked", local_date(texts, &when).into()),
            ],
        ),
        None => texts.t_args(
            "token-line",
            &[("name", name.into()), ("created", created.into())],
        ),
    }
}

/// A stored RFC 3339 time as people of the language write it.
pub(super) fn local_date(texts: &Texts, iso: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(iso)
        .map(|d| texts.datetime(d.with_timezone(&chrono::Utc)))
        .unwrap_or_else(|_| iso.to_string())
}

/// `campo serve withdraw ID`: the response is kept but set aside.
fn withdraw(texts: &Texts, storage: &dyn Storage, id: &str) -> Result<(), Failure> {
    let unknown = || Failure(texts.t_args("withdraw-unknown", &[("id", printable(id).into())]));
    let prefix = server::storage::id_prefix(id).ok_or_else(unknown)?;
    let uuid = match storage.ids_starting(&prefix).map_err(db_failed(texts))?[..] {
        [] => return Err(unknown()),
        [only] => only,
        [..] => {
            return Err(Failure(
                texts.t_args("withdraw-ambiguous", &[("prefix", printable(id).into())]),
            ));
        }
    };
    let id = &uuid.to_string();
    match storage.withdraw(uuid).map_err(db_failed(texts))? {
        None => Err(unknown()),
        Some(unit) => {
            let unit = unit.unwrap_or_else(|| "-".into());
            println!(
                "{}",
                printable(&texts.t_args("withdrawn", &[("id", id.into()), ("unit", unit.into())]))
            );
            Ok(())
        }
    }
}

fn dump(texts: &Texts, storage: &dyn Storage, out: &Path) -> Result<(), Failure> {
    let data = DataDir::open(out).map_err(|e| Failure(e.describe(texts)))?;
    let count = server::dump(storage, &data).map_err(|e| match e {
        server::DumpError::Storage(e) => db_failed(texts)(e),
        server::DumpError::Store(e) => Failure(e.describe(texts)),
    })?;
    let dir = out.display().to_string();
    println!(
        "{}",
        texts.t_args(
            "serve-dumped",
            &[("count", count.into()), ("dir", dir.into())]
        )
    );
    Ok(())
}

fn import(texts: &Texts, server: &Server, dir: &Path) -> Result<(), Failure> {
    let summary = server::import(server, dir).map_err(|e| Failure(e.describe(texts)))?;
    let refused = summary
        .refused
        .iter()
        .map(|(path, refusal)| (path, refusal.describe(texts)))
        .chain(
            summary
                .unreadable
                .iter()
                .map(|(path, failure)| (path, failure.describe(texts))),
        );
    for (path, reason) in refused {
        let path = crate::text::printable(&path.display().to_string());
        println!(
            "{}",
            texts.t_args(
                "import-refused-line",
                &[("path", path.into()), ("reason", reason.into())]
            )
        );
    }
    let refused = summary.refused.len() + summary.unreadable.len();
    println!(
        "{}",
        texts.t_args(
            "import-summary",
            &[
                ("stored", summary.stored.into()),
                ("already", summary.already_there.into()),
                ("refused", refused.into()),
            ],
        )
    );
    if let Some((path, error)) = summary.stopped {
        let path = crate::text::printable(&path.display().to_string());
        return Err(Failure(texts.t_args(
            "import-stopped",
            &[
                ("path", path.into()),
                ("reason", printable(&error.0).into()),
            ],
        )));
    }
    if refused == 0 {
        Ok(())
    } else {
        Err(Failure(texts.t("import-not-all")))
    }
}

/// A file the team gives (a frame, codes, a letter): a regular file of a
/// sensible size, or what is wrong with it, with its path.
fn read_team_file(texts: &Texts, path: &Path) -> Result<Vec<u8>, Failure> {
    crate::files::read_regular(path, crate::files::MAX_FILE_BYTES).map_err(|failure| {
        Failure(
            crate::store::StoreError::Io {
                path: path.display().to_string(),
                failure,
            }
            .describe(texts),
        )
    })
}

/// When the survey closes, as stored (RFC 3339, UTC): now, the end of a
/// day given as YYYY-MM-DD, or a time given in RFC 3339.
fn closing_time(at: Option<&str>) -> Option<String> {
    use chrono::{NaiveDate, SecondsFormat, Utc};
    let when = match at {
        None => Utc::now(),
        Some(at) => match NaiveDate::parse_from_str(at, "%Y-%m-%d") {
            Ok(day) => day.and_hms_opt(23, 59, 59)?.and_utc(),
            Err(_) => chrono::DateTime::parse_from_rfc3339(at)
                .ok()?
                .with_timezone(&Utc),
        },
    };
    Some(when.to_rfc3339_opts(SecondsFormat::Secs, true))
}

fn describe_db(texts: &Texts, db: &str, error: &DatabaseError) -> String {
    match error {
        DatabaseError::Unsupported { scheme } => texts.t_args(
            "serve-db-unsupported",
            &[("scheme", scheme.as_str().into())],
        ),
        DatabaseError::Failed(e) => texts.t_args(
            "serve-db-open-failed",
            &[
                ("db", without_password(db).into()),
                ("reason", e.0.as_str().into()),
            ],
        ),
    }
}

/// The database's name as it may be shown or logged: a URL's password is
/// replaced by `***` (`postgres://campo:***@db/campo`).
fn without_password(db: &str) -> String {
    let Some((scheme, rest)) = db.split_once("://") else {
        return db.to_string();
    };
    let authority_end = rest.find('/').unwrap_or(rest.len());
    let (authority, path) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((user_info, host)) if user_info.contains(':') => {
            let user = user_info.split(':').next().unwrap_or_default();
            format!("{scheme}://{user}:***@{host}{path}")
        }
        _ => db.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::without_password;

    #[test]
    fn a_database_password_is_never_shown() {
        assert_eq!(
            without_password("postgres://campo:s3cret@db.example:5432/campo"),
            "postgres://campo:***@db.example:5432/campo"
        );
        assert_eq!(
            without_password("postgres://campo@localhost/campo"),
            "postgres://campo@localhost/campo"
        );
        assert_eq!(without_password("/srv/campo.sqlite"), "/srv/campo.sqlite");
    }
}
