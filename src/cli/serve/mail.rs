//! `campo serve invite` and `campo serve remind`: one e-mail per unit, in
//! Italian with the English below it, carrying the unit's access code and
//! exactly what to type; written as `.eml` files (RFC 5322, UTF-8) or sent
//! through an SMTP server. Each one sent is recorded for `status`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use clap::Args;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::transport::smtp::client::{Tls, TlsParameters};
use lettre::{Message, SmtpTransport, Transport};

use crate::form::Form;
use crate::i18n::{Lang, Texts};
use crate::server::codes;
use crate::server::frame::Unit;
use crate::server::storage::{MailKind, Storage};
use crate::text::printable;

use super::{Failure, db_failed, letter};

#[derive(Args)]
pub struct MailArgs {
    /// The folder to write into
    #[arg(
        long,
        value_name = "DIR",
        required_unless_present = "smtp",
        conflicts_with = "smtp"
    )]
    out: Option<PathBuf>,
    /// Send through this SMTP server: smtp://HOST[:PORT] (STARTTLS when offered) or smtps://HOST[:PORT]; user and password from CAMPO_SMTP_USER and CAMPO_SMTP_PASSWORD
    #[arg(long, value_name = "URL")]
    smtp: Option<String>,
    /// The sender's address, e.g. "Survey team <survey@example.org>"
    #[arg(long, value_name = "ADDRESS")]
    from: String,
    /// What directors type to answer over SSH, e.g. questionario@survey.example.org
    #[arg(long, value_name = "ACCOUNT", required_unless_present = "server")]
    ssh: Option<String>,
    /// The server's address, e.g. https://campo.example.org
    #[arg(long, value_name = "URL")]
    server: Option<String>,
    /// The codes to send, as campo serve codes --out wrote them (without it, each unit gets a new code)
    #[arg(long, value_name = "FILE")]
    codes: Option<PathBuf>,
    /// Only these units (all of the frame without it)
    #[arg(long = "unit", value_name = "UNIT")]
    units: Vec<String>,
    /// The team's own letter in one language, as LANG=FILE; repeated, one for each language
    #[arg(long = "letter", value_name = "LANG=FILE")]
    letters: Vec<String>,
}

/// The languages of an e-mail, in order: Italian, then English below it.
const LANGS: [Lang; 2] = [Lang::It, Lang::En];

pub(super) fn run(
    texts: &Texts,
    form: &Form,
    storage: &dyn Storage,
    kind: MailKind,
    args: &MailArgs,
) -> Result<(), Failure> {
    let closing = storage.closing().map_err(db_failed(texts))?;
    let letters = letter::read_letters(texts, &args.letters, &LANGS, closing.is_some())?;
    let units = addressees(texts, storage, kind, &args.units)?;
    let given = match &args.codes {
        Some(path) => read_codes(texts, path)?,
        None => BTreeMap::new(),
    };
    // Everything is checked and composed before anything changes: an
    // address the mailer refuses stops the run with every unit's code as
    // it was. A unit's new code replaces its old one only once its message
    // is delivered, so a message that fails leaves the old code working.
    let mut messages = Vec::new();
    for unit in &units {
        let code = code_for(texts, storage, unit, &given, args.codes.is_some())?;
        messages.push((
            unit,
            compose(
                texts,
                form,
                kind,
                args,
                &letters,
                closing.as_deref(),
                unit,
                &code.text,
            )?,
            code,
        ));
    }
    let transport = args
        .smtp
        .as_deref()
        .map(|url| smtp(texts, url))
        .transpose()?;
    let mut failed = 0;
    for (unit, message, code) in messages {
        let delivered = match (&transport, &args.out) {
            (Some(transport), _) => transport
                .send(&message)
                .map(drop)
                .map_err(|e| e.to_string()),
            (None, Some(dir)) => write_eml(dir, unit, kind, &message),
            (None, None) => unreachable!("clap requires --out or --smtp"),
        };
        match delivered {
            Ok(()) => {
                if code.new {
                    storage
                        .set_code(&unit.unit, &codes::hash(&code.text))
                        .map_err(db_failed(texts))?;
                }
                storage
                    .record_mailing(&unit.unit, kind)
                    .map_err(db_failed(texts))?
            }
            Err(reason) => {
                failed += 1;
                eprintln!(
                    "{}",
                    printable(&texts.t_args(
                        "mail-failed",
                        &[
                            ("unit", unit.unit.as_str().into()),
                            ("reason", reason.into())
                        ]
                    ))
                );
            }
        }
    }
    let sent = units.len() - failed;
    let done = match &args.out {
        Some(dir) => texts.t_args(
            "mail-done-written",
            &[
                ("count", sent.into()),
                ("kind", kind.as_str().into()),
                ("dir", dir.display().to_string().into()),
            ],
        ),
        None => texts.t_args(
            "mail-done-sent",
            &[("count", sent.into()), ("kind", kind.as_str().into())],
        ),
    };
    println!("{}", printable(&done));
    if failed == 0 {
        Ok(())
    } else {
        Err(Failure(
            texts.t_args("mail-not-all", &[("count", failed.into())]),
        ))
    }
}

/// The units to write to: those asked for (all of the frame), and for a
/// reminder only those without a complete response. A unit without an
/// address is said and passed over.
fn addressees(
    texts: &Texts,
    storage: &dyn Storage,
    kind: MailKind,
    only: &[String],
) -> Result<Vec<Unit>, Failure> {
    let frame = storage.frame().map_err(db_failed(texts))?;
    if let Some(unknown) = only.iter().find(|u| !frame.iter().any(|f| &f.unit == *u)) {
        return Err(Failure(texts.t_args(
            "codes-unknown-unit",
            &[("unit", printable(unknown).into())],
        )));
    }
    let complete: Vec<String> = storage
        .unit_responses()
        .map_err(db_failed(texts))?
        .into_iter()
        .filter(|r| r.complete)
        .map(|r| r.unit)
        .collect();
    let mut units = Vec::new();
    for unit in frame {
        if !only.is_empty() && !only.contains(&unit.unit) {
            continue;
        }
        if kind == MailKind::Reminder && complete.contains(&unit.unit) {
            continue;
        }
        if unit.emails.is_empty() {
            eprintln!(
                "{}",
                texts.t_args("mail-no-address", &[("unit", unit.unit.as_str().into())])
            );
            continue;
        }
        units.push(unit);
    }
    Ok(units)
}

/// `unit,code` lines as `campo serve codes --out` writes them.
fn read_codes(texts: &Texts, path: &Path) -> Result<BTreeMap<String, String>, Failure> {
    let bytes = super::read_team_file(texts, path)?;
    let text = String::from_utf8_lossy(&bytes);
    Ok(text
        .lines()
        .skip(1)
        .filter_map(|line| line.split_once(','))
        .map(|(unit, code)| (unit.trim().to_string(), code.trim().to_string()))
        .collect())
}

/// The unit's code: from the file, checked against the one the server
/// holds (an old code would let nobody in), or a new one.
/// The code a message carries: the unit's live one from `--codes`, or a
/// new one, stored only once its message is delivered.
struct Code {
    text: String,
    new: bool,
}

fn code_for(
    texts: &Texts,
    storage: &dyn Storage,
    unit: &Unit,
    given: &BTreeMap<String, String>,
    from_file: bool,
) -> Result<Code, Failure> {
    if from_file {
        let code = given.get(&unit.unit).filter(|code| {
            storage
                .code_is(&unit.unit, &codes::hash(code))
                .unwrap_or(false)
        });
        return code
            .map(|text| Code {
                text: text.clone(),
                new: false,
            })
            .ok_or_else(|| {
                Failure(texts.t_args("mail-code-stale", &[("unit", unit.unit.as_str().into())]))
            });
    }
    Ok(Code {
        text: codes::generate(),
        new: true,
    })
}

#[allow(clippy::too_many_arguments)]
fn compose(
    texts: &Texts,
    form: &Form,
    kind: MailKind,
    args: &MailArgs,
    letters: &[letter::TeamLetter],
    closing: Option<&str>,
    unit: &Unit,
    code: &str,
) -> Result<Message, Failure> {
    let name = texts
        .unit_name(form, &unit.prefill)
        .unwrap_or_else(|| unit.unit.clone());
    let subject: Vec<String> = LANGS
        .iter()
        .map(|&lang| {
            texts.t_args_in(
                lang,
                &format!("mail-subject-{}", kind.as_str()),
                &[("title", texts.form_text_in(lang, &form.title).into())],
            )
        })
        .collect();
    let bad_address = |address: &str| {
        Failure(texts.t_args("frame-bad-email", &[("address", printable(address).into())]))
    };
    let from: lettre::message::Mailbox = args.from.parse().map_err(|_| bad_address(&args.from))?;
    // The letter is signed with the sender's name, and its address is
    // where to write back.
    let sender = from.name.clone().unwrap_or_else(|| from.email.to_string());
    let contact = from.email.to_string();
    let bodies: Vec<String> = LANGS
        .iter()
        .map(|&lang| {
            let facts = letter::Facts {
                name: name.clone(),
                title: texts.form_text_in(lang, &form.title),
                code: code.to_string(),
                deadline: closing.and_then(|at| {
                    let at = chrono::DateTime::parse_from_rfc3339(at).ok()?;
                    Some(texts.datetime_in(lang, at.with_timezone(&chrono::Utc)))
                }),
                access: way_in(texts, lang, args, code),
                sender: sender.clone(),
                contact: contact.clone(),
                purpose: texts.optional_form_text_in(lang, "form-purpose"),
            };
            letter::letter(texts, lang, kind, letters, &facts)
        })
        .collect();
    let message_id = format!("<{}@{}>", uuid::Uuid::new_v4(), from.email.domain());
    let mut builder = Message::builder()
        .from(from)
        .message_id(Some(message_id))
        .subject(subject.join(" / "));
    for address in &unit.emails {
        builder = builder.to(address.parse().map_err(|_| bad_address(address))?);
    }
    builder
        .header(ContentType::TEXT_PLAIN)
        .body(bodies.join("\n\n----------\n\n"))
        .map_err(|e| {
            Failure(texts.t_args(
                "mail-failed",
                &[
                    ("unit", unit.unit.as_str().into()),
                    ("reason", e.to_string().into()),
                ],
            ))
        })
}

/// The way in, step by step: over SSH from the command prompt, or (for an
/// office) with campo on its own computer, or both, one after the other.
fn way_in(texts: &Texts, lang: Lang, args: &MailArgs, code: &str) -> String {
    let ssh = args.ssh.as_deref().map(|ssh| {
        texts.t_args_in(
            lang,
            "mail-how-ssh",
            &[("ssh", ssh.into()), ("code", code.into())],
        )
    });
    let sync = args.server.as_deref().map(|server| {
        texts.t_args_in(
            lang,
            if ssh.is_some() {
                "mail-how-sync-instead"
            } else {
                "mail-how-sync"
            },
            &[("server", server.into()), ("code", code.into())],
        )
    });
    ssh.into_iter().chain(sync).collect::<Vec<_>>().join("\n\n")
}

/// `<unit>-invitation.eml`, readable by its owner only: it holds a code.
fn write_eml(dir: &Path, unit: &Unit, kind: MailKind, message: &Message) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let path = dir.join(format!("{}-{}.eml", unit.unit, kind.as_str()));
    crate::store::write_atomic(&path, &message.formatted()).map_err(|e| e.to_string())
}

/// The SMTP server of `--smtp`: no credentials in the URL (they would
/// show in the process list), only in the environment.
fn smtp(texts: &Texts, url: &str) -> Result<SmtpTransport, Failure> {
    let bad = || Failure(texts.t_args("mail-bad-smtp", &[("url", printable(url).into())]));
    let (scheme, rest) = url.split_once("://").ok_or_else(bad)?;
    let authority = rest.trim_end_matches('/');
    if authority.is_empty() || authority.contains(['@', '/', '?']) {
        return Err(bad());
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) => (host, Some(port.parse::<u16>().map_err(|_| bad())?)),
        None => (authority, None),
    };
    let tls = TlsParameters::new(host.to_string()).map_err(|_| bad())?;
    let builder = match scheme {
        "smtps" => SmtpTransport::builder_dangerous(host)
            .port(port.unwrap_or(465))
            .tls(Tls::Wrapper(tls)),
        "smtp" => SmtpTransport::builder_dangerous(host)
            .port(port.unwrap_or(25))
            .tls(Tls::Opportunistic(tls)),
        _ => return Err(bad()),
    };
    let builder = match (
        std::env::var("CAMPO_SMTP_USER"),
        std::env::var("CAMPO_SMTP_PASSWORD"),
    ) {
        (Ok(user), Ok(password)) => builder.credentials(Credentials::new(user, password)),
        _ => builder,
    };
    Ok(builder
        .timeout(Some(std::time::Duration::from_secs(30)))
        .build())
}
