//! The default storage: an SQLite file in WAL mode.

use std::path::Path;
use std::sync::Mutex;

use chrono::{SecondsFormat, Utc};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::frame::Unit;
use super::storage::{Bounds, FrameChange, PutOutcome, Storage, StorageError, TokenInfo};

pub struct SqliteStorage {
    connection: Mutex<Connection>,
    bounds: Bounds,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS tokens (
    name TEXT PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL,
    revoked TEXT
);
CREATE TABLE IF NOT EXISTS versions (
    id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    digest TEXT NOT NULL,
    body BLOB NOT NULL,
    received TEXT NOT NULL,
    token TEXT NOT NULL,
    PRIMARY KEY (id, revision)
);
CREATE TABLE IF NOT EXISTS current (
    id TEXT PRIMARY KEY,
    revision INTEGER NOT NULL,
    digest TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS usage (
    token TEXT PRIMARY KEY,
    bytes INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS units (
    unit TEXT PRIMARY KEY,
    prefill TEXT NOT NULL,
    population INTEGER,
    emails TEXT NOT NULL,
    in_coverage INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS codes (
    unit TEXT PRIMARY KEY REFERENCES units (unit),
    hash TEXT NOT NULL UNIQUE,
    issued TEXT NOT NULL
);
";

/// Databases made before responses had owners: the owner of each is the
/// token of its first kept revision (none for imported ones), and each
/// token's usage is counted from what is stored.
const ADD_OWNERS: &str = "
ALTER TABLE current ADD COLUMN owner TEXT;
UPDATE current SET owner = (
    SELECT v.token FROM versions v WHERE v.id = current.id ORDER BY v.revision LIMIT 1
);
UPDATE current SET owner = NULL WHERE owner = 'import';
DELETE FROM usage;
INSERT INTO usage (token, bytes)
    SELECT token, SUM(length(body)) FROM versions WHERE token <> 'import' GROUP BY token;
";

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
        connection.execute_batch(SCHEMA).map_err(failed)?;
        let has_owners = connection
            .prepare("SELECT owner FROM current LIMIT 0")
            .is_ok();
        if !has_owners {
            connection
                .execute_batch(&format!("BEGIN; {ADD_OWNERS} COMMIT;"))
                .map_err(failed)?;
        }
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
    fn put_response(
        &self,
        id: Uuid,
        revision: u64,
        body: &[u8],
        token: Option<&str>,
    ) -> Result<PutOutcome, StorageError> {
        let digest = hex::encode(Sha256::digest(body));
        let id = id.to_string();
        let revision =
            i64::try_from(revision).map_err(|_| StorageError("revision out of range".into()))?;
        let bounds = self.bounds;
        self.with(|connection| {
            let tx = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let current: Option<(i64, String, Option<String>)> = tx
                .query_row(
                    "SELECT revision, digest, owner FROM current WHERE id = ?1",
                    params![id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?;
            let outcome = match current {
                Some((_, _, Some(owner))) if token.is_some_and(|t| t != owner) => {
                    PutOutcome::NotYours
                }
                Some((current, stored, owner)) if current == revision => {
                    if stored != digest {
                        PutOutcome::Conflict
                    } else {
                        // An imported response is claimed by the first
                        // office that sends it, even unchanged.
                        if let (None, Some(token)) = (owner, token) {
                            tx.execute(
                                "UPDATE current SET owner = ?2 WHERE id = ?1",
                                params![id, token],
                            )?;
                        }
                        PutOutcome::AlreadyThere
                    }
                }
                Some((current, _, _)) if current > revision => PutOutcome::Stale {
                    current: current as u64,
                },
                _ if token.is_some_and(|t| {
                    used_by(&tx, t)
                        .is_ok_and(|used| used + body.len() as u64 > bounds.bytes_per_token)
                }) =>
                {
                    PutOutcome::OverQuota
                }
                _ => {
                    store(&tx, &id, revision, &digest, body, token)?;
                    prune(&tx, &id, bounds.kept_revisions)?;
                    PutOutcome::Stored
                }
            };
            tx.commit()?;
            Ok(outcome)
        })
    }

    fn current_response(&self, id: Uuid, token: &str) -> Result<Option<Vec<u8>>, StorageError> {
        self.with(|c| {
            c.query_row(
                "SELECT v.body FROM current c JOIN versions v ON v.id = c.id AND v.revision = c.revision WHERE c.id = ?1 AND c.owner = ?2",
                params![id.to_string(), token],
                |r| r.get(0),
            )
            .optional()
        })
    }

    fn latest_responses(&self) -> Result<Vec<Vec<u8>>, StorageError> {
        self.with(|c| {
            let mut statement = c.prepare(
                "SELECT v.body FROM current c JOIN versions v ON v.id = c.id AND v.revision = c.revision ORDER BY c.id",
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

    fn token_name(&self, hash: &str) -> Result<Option<String>, StorageError> {
        self.with(|c| {
            c.query_row(
                "SELECT name FROM tokens WHERE hash = ?1 AND revoked IS NULL",
                params![hash],
                |r| r.get(0),
            )
            .optional()
        })
    }

    fn add_token(&self, name: &str, hash: &str) -> Result<bool, StorageError> {
        self.with(|c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let live: Option<String> =
                tx.query_row("SELECT name FROM tokens WHERE name = ?1 AND revoked IS NULL", params![name], |r| r.get(0))
                    .optional()?;
            if live.is_some() {
                return Ok(false);
            }
            tx.execute(
                "INSERT INTO tokens (name, hash, created) VALUES (?1, ?2, ?3)
                 ON CONFLICT (name) DO UPDATE SET hash = excluded.hash, created = excluded.created, revoked = NULL",
                params![name, hash, now()],
            )?;
            tx.commit()?;
            Ok(true)
        })
    }

    fn tokens(&self) -> Result<Vec<TokenInfo>, StorageError> {
        self.with(|c| {
            let mut statement =
                c.prepare("SELECT name, created, revoked FROM tokens ORDER BY name")?;
            let rows = statement.query_map([], |r| {
                Ok(TokenInfo {
                    name: r.get(0)?,
                    created: r.get(1)?,
                    revoked: r.get(2)?,
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

    fn put_frame(&self, units: &[Unit]) -> Result<FrameChange, StorageError> {
        self.with(|c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let mut change = FrameChange::default();
            for unit in units {
                let known: bool = tx
                    .query_row(
                        "SELECT 1 FROM units WHERE unit = ?1",
                        params![unit.unit],
                        |_| Ok(true),
                    )
                    .optional()?
                    .unwrap_or(false);
                tx.execute(
                    "INSERT INTO units (unit, prefill, population, emails, in_coverage)
                     VALUES (?1, ?2, ?3, ?4, ?5)
                     ON CONFLICT (unit) DO UPDATE SET prefill = excluded.prefill,
                         population = excluded.population, emails = excluded.emails,
                         in_coverage = excluded.in_coverage",
                    params![
                        unit.unit,
                        serde_json::to_string(&unit.prefill).expect("a map serialises"),
                        unit.population.map(|p| p as i64),
                        serde_json::to_string(&unit.emails).expect("a list serialises"),
                        unit.in_coverage,
                    ],
                )?;
                if known {
                    change.updated += 1;
                } else {
                    change.added += 1;
                }
            }
            tx.commit()?;
            Ok(change)
        })
    }

    fn closing(&self) -> Result<Option<String>, StorageError> {
        self.with(|c| {
            c.query_row(
                "SELECT value FROM settings WHERE key = 'closing'",
                [],
                |r| r.get(0),
            )
            .optional()
        })
    }

    fn set_closing(&self, at: Option<&str>) -> Result<(), StorageError> {
        self.with(|c| {
            match at {
                Some(at) => c.execute(
                    "INSERT INTO settings (key, value) VALUES ('closing', ?1)
                     ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    params![at],
                )?,
                None => c.execute("DELETE FROM settings WHERE key = 'closing'", [])?,
            };
            Ok(())
        })
    }

    fn set_code(&self, unit: &str, hash: &str) -> Result<bool, StorageError> {
        self.with(|c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let known = tx
                .query_row("SELECT 1 FROM units WHERE unit = ?1", params![unit], |_| Ok(()))
                .optional()?
                .is_some();
            if known {
                tx.execute(
                    "INSERT INTO codes (unit, hash, issued) VALUES (?1, ?2, ?3)
                     ON CONFLICT (unit) DO UPDATE SET hash = excluded.hash, issued = excluded.issued",
                    params![unit, hash, now()],
                )?;
            }
            tx.commit()?;
            Ok(known)
        })
    }

    fn frame(&self) -> Result<Vec<Unit>, StorageError> {
        self.with(|c| {
            let mut statement = c.prepare(
                "SELECT unit, prefill, population, emails, in_coverage FROM units ORDER BY unit",
            )?;
            let rows = statement.query_map([], |r| {
                let prefill: String = r.get(1)?;
                let emails: String = r.get(3)?;
                Ok(Unit {
                    unit: r.get(0)?,
                    prefill: serde_json::from_str(&prefill).unwrap_or_default(),
                    population: r.get::<_, Option<i64>>(2)?.map(|p| p as u64),
                    emails: serde_json::from_str(&emails).unwrap_or_default(),
                    in_coverage: r.get(4)?,
                })
            })?;
            rows.collect()
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

fn store(
    tx: &rusqlite::Transaction,
    id: &str,
    revision: i64,
    digest: &str,
    body: &[u8],
    token: Option<&str>,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO versions (id, revision, digest, body, received, token) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![id, revision, digest, body, now(), token.unwrap_or("import")],
    )?;
    tx.execute(
        "INSERT INTO current (id, revision, digest, owner) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, digest = excluded.digest,
             owner = COALESCE(current.owner, excluded.owner)",
        params![id, revision, digest, token],
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
