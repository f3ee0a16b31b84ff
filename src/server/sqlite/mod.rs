//! The default storage: an SQLite file in WAL mode. The responses and
//! tokens are here; the survey around them (frame, codes, mailings) in
//! `survey.rs`.

mod schema;
mod survey;

use std::path::Path;
use std::sync::Mutex;

use chrono::{SecondsFormat, Utc};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use uuid::Uuid;

use super::check::has_content;

use super::storage::{
    self, Bounds, Caller, Current, Offer, PutOutcome, Step, Storage, StorageError, TokenInfo,
    TokenKind,
};

pub struct SqliteStorage {
    connection: Mutex<Connection>,
    bounds: Bounds,
}

fn failed(error: rusqlite::Error) -> StorageError {
    StorageError(error.to_string())
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

impl SqliteStorage {
    pub fn open(path: &Path, bounds: Bounds) -> Result<SqliteStorage, StorageError> {
        create_private_file(path)?;
        let connection = Connection::open(path).map_err(failed)?;
        connection
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(failed)?;
        connection
            .pragma_update(None, "synchronous", "FULL")
            .map_err(failed)?;
        connection
            .busy_timeout(std::time::Duration::from_secs(10))
            .map_err(failed)?;
        let mut connection = connection;
        schema::migrate(&mut connection).map_err(StorageError)?;
        Ok(SqliteStorage {
            connection: Mutex::new(connection),
            bounds,
        })
    }

    fn with<T>(
        &self,
        f: impl FnOnce(&mut Connection) -> rusqlite::Result<T>,
    ) -> Result<T, StorageError> {
        let mut connection = self
            .connection
            .lock()
            .map_err(|_| StorageError("poisoned lock".into()))?;
        f(&mut connection).map_err(failed)
    }
}

impl Storage for SqliteStorage {
    fn backend(&self) -> (&'static str, u32) {
        ("sqlite", schema::VERSION)
    }

    fn put_responses(
        &self,
        offers: &[Offer],
        caller: Option<&Caller>,
    ) -> Result<Vec<PutOutcome>, StorageError> {
        let bounds = self.bounds;
        self.with(|connection| {
            // One transaction, one flush, for the whole batch.
            let tx = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let outcomes = offers
                .iter()
                .map(|offer| offer_in(&tx, offer, caller, bounds))
                .collect::<rusqlite::Result<Vec<_>>>()?;
            tx.commit()?;
            Ok(outcomes)
        })
    }

    fn current_response(&self, id: Uuid, caller: &Caller) -> Result<Option<Vec<u8>>, StorageError> {
        self.with(|c| {
            let found: Option<(Vec<u8>, Option<String>, Option<String>)> = c
                .query_row(
                    "SELECT v.body, c.owner, c.unit FROM current c
                     JOIN versions v ON v.id = c.id AND v.revision = c.revision
                     WHERE c.id = ?1",
                    params![id.to_string()],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            Ok(found.and_then(|(body, owner, unit)| {
                caller
                    .may_touch(owner.as_deref(), unit.as_deref())
                    .then_some(body)
            }))
        })
    }

    fn latest_responses(&self) -> Result<Vec<Vec<u8>>, StorageError> {
        self.with(|c| {
            let mut statement = c.prepare(
                "SELECT v.body FROM current c JOIN versions v ON v.id = c.id AND v.revision = c.revision
                 WHERE c.withdrawn IS NULL ORDER BY c.id",
            )?;
            let rows = statement.query_map([], |r| r.get(0))?;
            rows.collect()
        })
    }

    fn revisions(&self, id: Uuid) -> Result<Vec<u64>, StorageError> {
        self.with(|c| {
            let mut statement =
                c.prepare("SELECT revision FROM versions WHERE id = ?1 ORDER BY revision")?;
            let rows = statement.query_map(params![id.to_string()], |r| {
                r.get::<_, i64>(0).map(|v| v as u64)
            })?;
            rows.collect()
        })
    }

    fn ids_starting(&self, prefix: &str) -> Result<Vec<Uuid>, StorageError> {
        self.with(|c| {
            let mut statement = c.prepare(
                "SELECT id FROM current WHERE substr(id, 1, length(?1)) = ?1 ORDER BY id LIMIT 2",
            )?;
            let rows = statement.query_map(params![prefix], |r| r.get::<_, String>(0))?;
            rows.collect::<rusqlite::Result<Vec<String>>>()
        })
        .map(|ids| ids.iter().filter_map(|id| id.parse().ok()).collect())
    }

    fn withdraw(&self, id: Uuid) -> Result<Option<Option<String>>, StorageError> {
        self.with(|c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let unit: Option<Option<String>> = tx
                .query_row(
                    "SELECT unit FROM current WHERE id = ?1",
                    params![id.to_string()],
                    |r| r.get(0),
                )
                .optional()?;
            tx.execute(
                "UPDATE current SET withdrawn = ?2 WHERE id = ?1 AND withdrawn IS NULL",
                params![id.to_string(), now()],
            )?;
            tx.commit()?;
            Ok(unit)
        })
    }

    fn caller(&self, hash: &str) -> Result<Option<Caller>, StorageError> {
        self.with(|c| {
            c.query_row(
                "SELECT name, unit, team, kiosk FROM tokens WHERE hash = ?1 AND revoked IS NULL",
                params![hash],
                |r| {
                    Ok(Caller {
                        name: r.get(0)?,
                        unit: r.get(1)?,
                        team: r.get(2)?,
                        kiosk: r.get(3)?,
                    })
                },
            )
            .optional()
        })
    }

    fn add_token(&self, name: &str, hash: &str, kind: TokenKind) -> Result<bool, StorageError> {
        self.with(|c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let added = add_token(&tx, name, hash, kind, None)?;
            tx.commit()?;
            Ok(added)
        })
    }

    fn tokens(&self) -> Result<Vec<TokenInfo>, StorageError> {
        self.with(|c| {
            let mut statement = c.prepare(
                "SELECT name, created, revoked, unit, team, kiosk FROM tokens ORDER BY name",
            )?;
            let rows = statement.query_map([], |r| {
                Ok(TokenInfo {
                    name: r.get(0)?,
                    created: r.get(1)?,
                    revoked: r.get(2)?,
                    unit: r.get(3)?,
                    team: r.get(4)?,
                    kiosk: r.get(5)?,
                })
            })?;
            rows.collect()
        })
    }

    fn revoke_token(&self, name: &str) -> Result<bool, StorageError> {
        self.with(|c| {
            let changed = c.execute(
                "UPDATE tokens SET revoked = ?2 WHERE name = ?1 AND revoked IS NULL",
                params![name, now()],
            )?;
            Ok(changed > 0)
        })
    }
}

/// The file readable by its owner only, before SQLite opens it: its
/// `-wal` and `-shm` files take the same permissions.
fn create_private_file(path: &Path) -> Result<(), StorageError> {
    use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(parent)
            .map_err(|e| StorageError(e.to_string()))?;
    }
    std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .mode(0o600)
        .open(path)
        .map(drop)
        .map_err(|e| StorageError(e.to_string()))
}

/// Offers one revision inside a transaction: the rules of
/// [`Storage::put_responses`] ([`storage::step`]), one response at a time.
fn offer_in(
    tx: &rusqlite::Transaction,
    offer: &Offer,
    caller: Option<&Caller>,
    bounds: Bounds,
) -> rusqlite::Result<PutOutcome> {
    let digest = offer.digest;
    let id = offer.id.to_string();
    // At most i64::MAX: the server's checks refuse more before this.
    let revision = i64::try_from(offer.revision).unwrap_or(i64::MAX);
    let token = caller.map(|c| c.name.as_str());
    let current = tx
        .query_row(
            "SELECT revision, digest, owner, unit, withdrawn IS NOT NULL FROM current WHERE id = ?1",
            params![id],
            |r| {
                Ok(Current {
                    revision: r.get::<_, i64>(0)? as u64,
                    digest: r.get(1)?,
                    owner: r.get(2)?,
                    unit: r.get(3)?,
                    withdrawn: r.get(4)?,
                })
            },
        )
        .optional()?;
    let current = current.map(|mut current| {
        if current.revision == offer.revision
            && current.digest != offer.digest
            && stored_body(tx, &id, revision).is_some_and(|b| has_content(&b, offer.digest))
        {
            current.digest = offer.digest.to_string();
        }
        current
    });
    // A new response of a unit that has one already.
    let unit_answered_by = match (&current, offer.unit) {
        (None, Some(unit)) => answered_by(tx, unit)?,
        _ => None,
    };
    let over_quota = || {
        token.is_some_and(|t| {
            used_by(tx, t).is_ok_and(|used| used + offer.body.len() as u64 > bounds.bytes_per_token)
        })
    };
    Ok(
        match storage::step(
            offer,
            digest,
            current.as_ref(),
            caller,
            unit_answered_by,
            over_quota,
        ) {
            Step::Answer(outcome) => outcome,
            Step::SentAgain => {
                tx.execute(
                    "UPDATE current SET received = ?2, owner = COALESCE(owner, ?3) WHERE id = ?1",
                    params![id, now(), token],
                )?;
                PutOutcome::AlreadyThere
            }
            Step::Store => {
                store(tx, offer, revision, digest, token)?;
                prune(tx, &id, bounds.kept_revisions)?;
                PutOutcome::Stored
            }
        },
    )
}

/// The body of one stored revision, if there is one.
fn stored_body(tx: &rusqlite::Transaction, id: &str, revision: i64) -> Option<Vec<u8>> {
    tx.query_row(
        "SELECT body FROM versions WHERE id = ?1 AND revision = ?2",
        params![id, revision],
        |r| r.get(0),
    )
    .ok()
}

fn used_by(tx: &rusqlite::Transaction, token: &str) -> rusqlite::Result<u64> {
    let used: Option<i64> = tx
        .query_row(
            "SELECT bytes FROM usage WHERE token = ?1",
            params![token],
            |r| r.get(0),
        )
        .optional()?;
    Ok(used.unwrap_or(0) as u64)
}

fn add_usage(tx: &rusqlite::Transaction, token: &str, bytes: i64) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO usage (token, bytes) VALUES (?1, ?2)
         ON CONFLICT (token) DO UPDATE SET bytes = bytes + excluded.bytes",
        params![token, bytes],
    )?;
    Ok(())
}

/// Adds a token, unless a live one has the name; a revoked name is
/// given the new token.
fn add_token(
    tx: &rusqlite::Transaction,
    name: &str,
    hash: &str,
    kind: TokenKind,
    unit: Option<&str>,
) -> rusqlite::Result<bool> {
    let (team, kiosk) = (kind == TokenKind::Team, kind == TokenKind::Kiosk);
    let live: Option<String> = tx
        .query_row(
            "SELECT name FROM tokens WHERE name = ?1 AND revoked IS NULL",
            params![name],
            |r| r.get(0),
        )
        .optional()?;
    if live.is_some() {
        return Ok(false);
    }
    tx.execute(
        "INSERT INTO tokens (name, hash, created, team, kiosk, unit) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (name) DO UPDATE SET hash = excluded.hash, created = excluded.created,
             revoked = NULL, team = excluded.team, kiosk = excluded.kiosk, unit = excluded.unit",
        params![name, hash, now(), team, kiosk, unit],
    )?;
    Ok(true)
}

/// The response a unit has already, if any (withdrawn ones do not count).
fn answered_by(tx: &rusqlite::Transaction, unit: &str) -> rusqlite::Result<Option<Uuid>> {
    let id: Option<String> = tx
        .query_row(
            "SELECT id FROM current WHERE unit = ?1 AND withdrawn IS NULL",
            params![unit],
            |r| r.get(0),
        )
        .optional()?;
    Ok(id.and_then(|id| id.parse().ok()))
}

fn store(
    tx: &rusqlite::Transaction,
    offer: &Offer,
    revision: i64,
    digest: &str,
    token: Option<&str>,
) -> rusqlite::Result<()> {
    let (id, body, received) = (offer.id.to_string(), offer.body, now());
    tx.execute(
        "INSERT INTO versions (id, revision, digest, body, received, token) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, revision, digest, body, received, token.unwrap_or("import")],
    )?;
    tx.execute(
        "INSERT INTO current (id, revision, digest, owner, unit, complete, received)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, digest = excluded.digest,
             owner = COALESCE(current.owner, excluded.owner),
             unit = COALESCE(current.unit, excluded.unit),
             complete = excluded.complete, received = excluded.received",
        params![
            id,
            revision,
            digest,
            token,
            offer.unit,
            offer.complete,
            received
        ],
    )?;
    if let Some(token) = token {
        add_usage(tx, token, body.len() as i64)?;
    }
    Ok(())
}

/// Drops all but the newest `kept` revisions of a response, and gives the
/// bytes back to the tokens that sent them.
fn prune(tx: &rusqlite::Transaction, id: &str, kept: u32) -> rusqlite::Result<()> {
    let dropped: Vec<(String, i64)> = {
        let mut statement = tx.prepare(
            "SELECT token, length(body) FROM versions WHERE id = ?1
             ORDER BY revision DESC LIMIT -1 OFFSET ?2",
        )?;
        let rows = statement.query_map(params![id, kept], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    if dropped.is_empty() {
        return Ok(());
    }
    for (token, bytes) in &dropped {
        add_usage(tx, token, -bytes)?;
    }
    tx.execute(
        "DELETE FROM versions WHERE id = ?1 AND revision NOT IN
             (SELECT revision FROM versions WHERE id = ?1 ORDER BY revision DESC LIMIT ?2)",
        params![id, kept],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests;
