//! `campo serve` and its administration commands.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use crate::form::Form;
use crate::i18n::{Describe, Texts};
use crate::server::{self, DatabaseError, Server, tokens};
use crate::store::DataDir;

use super::Failure;

pub enum ServeCommand {
    Run {
        listen: SocketAddr,
        limits: server::Limits,
    },
    TokenAdd {
        name: String,
    },
    TokenList,
    TokenRevoke {
        name: String,
    },
    Import {
        dir: PathBuf,
    },
    FrameImport {
        file: PathBuf,
    },
    FrameList,
    Codes {
        units: Vec<String>,
        out: Option<PathBuf>,
    },
    Close {
        at: Option<String>,
    },
    Reopen,
    Dump {
        out: PathBuf,
    },
}

pub fn run(
    texts: &Texts,
    forms: Vec<Form>,
    db: &str,
    command: ServeCommand,
) -> Result<(), Failure> {
    let bounds = server::storage::Bounds::default();
    let storage =
        server::open_storage(db, bounds).map_err(|e| Failure(describe_db(texts, db, &e)))?;
    let db_failed = |e: server::storage::StorageError| {
        Failure(texts.t_args("serve-db-failed", &[("reason", e.0.into())]))
    };
    match command {
        ServeCommand::Run { listen, limits } => {
            let server = Server {
                forms,
                storage,
                limits,
                bounds,
            };
            server::serve(server, listen, |address| {
                eprintln!(
                    "{}",
                    texts.t_args(
                        "serve-listening",
                        &[("address", address.to_string().into()), ("db", db.into())]
                    )
                );
            })
            .map_err(|e| Failure(texts.t_args("serve-failed", &[("reason", e.to_string().into())])))
        }
        ServeCommand::TokenAdd { name } => {
            let token = tokens::generate();
            if !storage
                .add_token(&name, &tokens::hash(&token))
                .map_err(db_failed)?
            {
                return Err(Failure(
                    texts.t_args("token-exists", &[("name", name.into())]),
                ));
            }
            eprintln!("{}", texts.t_args("token-added", &[("name", name.into())]));
            println!("{token}");
            Ok(())
        }
        ServeCommand::TokenList => {
            // Dates as people of the language write them (stored as ISO).
            let date = |iso: &str| {
                chrono::DateTime::parse_from_rfc3339(iso)
                    .map(|d| texts.datetime(d.with_timezone(&chrono::Utc)))
                    .unwrap_or_else(|_| iso.to_string())
            };
            for token in storage.tokens().map_err(db_failed)? {
                let created = date(&token.created);
                let line = match token.revoked {
                    Some(when) => texts.t_args(
                        "token-line-revoked",
                        &[
                            ("name", token.name.into()),
                            ("created", created.into()),
                            ("revoked", date(&when).into()),
                        ],
                    ),
                    None => texts.t_args(
                        "token-line",
                        &[("name", token.name.into()), ("created", created.into())],
                    ),
                };
                println!("{}", crate::text::printable(&line));
            }
            Ok(())
        }
        ServeCommand::TokenRevoke { name } => {
            if storage.revoke_token(&name).map_err(db_failed)? {
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
        ServeCommand::FrameImport { file } => frame_import(texts, &forms[0], &*storage, &file),
        ServeCommand::FrameList => frame_list(texts, &forms[0], &*storage),
        ServeCommand::Codes { units, out } => codes(texts, &*storage, units, out.as_deref()),
        ServeCommand::Close { at } => {
            let at =
                closing_time(at.as_deref()).ok_or_else(|| Failure(texts.t("close-bad-date")))?;
            storage.set_closing(Some(&at)).map_err(db_failed)?;
            let date = crate::i18n::closing_date(texts, &at);
            println!("{}", texts.t_args("closed", &[("date", date.into())]));
            Ok(())
        }
        ServeCommand::Reopen => {
            storage.set_closing(None).map_err(db_failed)?;
            println!("{}", texts.t("reopened"));
            Ok(())
        }
        ServeCommand::Import { dir } => {
            // Importing is local: no client to limit.
            let limits = server::Limits::new(u32::MAX, u64::MAX / 4);
            import(
                texts,
                &Server {
                    forms,
                    storage,
                    limits,
                    bounds,
                },
                &dir,
            )
        }
        ServeCommand::Dump { out } => {
            let data = DataDir::open(&out).map_err(|e| Failure(e.describe(texts)))?;
            let count = server::dump(storage.as_ref(), &data).map_err(|e| match e {
                server::DumpError::Storage(e) => db_failed(e),
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
    }
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
    if refused == 0 {
        Ok(())
    } else {
        Err(Failure(texts.t("import-not-all")))
    }
}

/// `campo serve frame import FILE`: every unit or none.
fn frame_import(
    texts: &Texts,
    form: &Form,
    storage: &dyn server::storage::Storage,
    file: &Path,
) -> Result<(), Failure> {
    let bytes =
        crate::files::read_regular(file, crate::files::MAX_FILE_BYTES).map_err(|failure| {
            Failure(
                crate::store::StoreError::Io {
                    path: file.display().to_string(),
                    failure,
                }
                .describe(texts),
            )
        })?;
    let units = match server::frame::parse(form, &bytes) {
        Ok(units) => units,
        Err(problems) => {
            for problem in &problems {
                println!("{}", crate::text::printable(&problem.describe(texts)));
            }
            return Err(Failure(
                texts.t_args("frame-refused", &[("count", problems.len().into())]),
            ));
        }
    };
    let change = storage
        .put_frame(&units)
        .map_err(|e| Failure(texts.t_args("serve-db-failed", &[("reason", e.0.into())])))?;
    println!(
        "{}",
        texts.t_args(
            "frame-imported",
            &[
                ("added", change.added.into()),
                ("updated", change.updated.into())
            ]
        )
    );
    Ok(())
}

/// `campo serve codes`: a new access code for each unit asked for (every
/// unit of the frame without `--unit`), shown once: on the screen, or in a
/// CSV file readable by its owner only.
fn codes(
    texts: &Texts,
    storage: &dyn server::storage::Storage,
    units: Vec<String>,
    out: Option<&Path>,
) -> Result<(), Failure> {
    let db_failed = |e: server::storage::StorageError| {
        Failure(texts.t_args("serve-db-failed", &[("reason", e.0.into())]))
    };
    let units = if units.is_empty() {
        storage
            .frame()
            .map_err(db_failed)?
            .into_iter()
            .map(|u| u.unit)
            .collect()
    } else {
        units
    };
    let mut lines = vec!["unit,code".to_string()];
    for unit in units {
        let code = server::codes::generate();
        if !storage
            .set_code(&unit, &server::codes::hash(&code))
            .map_err(db_failed)?
        {
            return Err(Failure(texts.t_args(
                "codes-unknown-unit",
                &[("unit", crate::text::printable(&unit).into())],
            )));
        }
        lines.push(format!("{unit},{code}"));
    }
    let table = lines.join("\n") + "\n";
    match out {
        None => print!("{}", crate::text::printable(&table)),
        Some(path) => {
            crate::store::write_atomic(path, table.as_bytes())
                .map_err(|e| Failure(crate::store::StoreError::io(path, &e).describe(texts)))?;
            eprintln!(
                "{}",
                texts.t_args(
                    "codes-written",
                    &[
                        ("count", (lines.len() - 1).into()),
                        ("path", path.display().to_string().into())
                    ]
                )
            );
        }
    }
    Ok(())
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

/// `campo serve frame list`: a line per unit.
fn frame_list(
    texts: &Texts,
    form: &Form,
    storage: &dyn server::storage::Storage,
) -> Result<(), Failure> {
    let units = storage
        .frame()
        .map_err(|e| Failure(texts.t_args("serve-db-failed", &[("reason", e.0.into())])))?;
    if units.is_empty() {
        println!("{}", texts.t("frame-empty"));
    }
    for unit in units {
        let answers: Vec<String> = unit
            .prefill
            .iter()
            .filter_map(|(item, value)| {
                let position = form.position(item)?;
                let answer = crate::form::Answer::One(value.clone());
                Some(texts.answer(form, position, &answer))
            })
            .collect();
        let population = unit
            .population
            .map_or_else(|| "-".to_string(), |p| p.to_string());
        let coverage = texts.t(if unit.in_coverage {
            "frame-in-coverage"
        } else {
            "frame-out-of-coverage"
        });
        let line = format!(
            "{}  {}  {}  {coverage}  {}",
            unit.unit,
            answers.join(" · "),
            texts.t_args("frame-population", &[("population", population.into())]),
            unit.emails.join(", ")
        );
        println!("{}", crate::text::printable(line.trim_end()));
    }
    Ok(())
}

fn describe_db(texts: &Texts, db: &str, error: &DatabaseError) -> String {
    match error {
        DatabaseError::Unsupported { scheme } => texts.t_args(
            "serve-db-unsupported",
            &[("scheme", scheme.as_str().into())],
        ),
        DatabaseError::Failed(e) => texts.t_args(
            "serve-db-open-failed",
            &[("db", db.into()), ("reason", e.0.as_str().into())],
        ),
    }
}
