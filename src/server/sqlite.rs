//! The default storage: an SQLite file in WAL mode.

use std::path::Path;
use std::sync::Mutex;

use chrono::{SecondsFormat, Utc};
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use super::storage::{PutOutcome, Storage, StorageError, TokenInfo};

pub struct SqliteStorage {
    connection: Mutex<Connection>,
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
";

fn failed(error: rusqlite::Error) -> StorageError {
    StorageError(error.to_string())
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

impl SqliteStorage {
    pub fn open(path: &Path) -> Result<SqliteStorage, StorageError> {
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
        Ok(SqliteStorage {
            connection: Mutex::new(connection),
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
        token: &str,
    ) -> Result<PutOutcome, StorageError> {
        let digest = hex::encode(Sha256::digest(body));
        let id = id.to_string();
        let revision =
            i64::try_from(revision).map_err(|_| StorageError("revision out of range".into()))?;
        self.with(|connection| {
            let tx = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let current: Option<(i64, String)> = tx
                .query_row("SELECT revision, digest FROM current WHERE id = ?1", params![id], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?;
            let outcome = match current {
                Some((current, stored)) if current == revision => {
                    if stored == digest { PutOutcome::AlreadyThere } else { PutOutcome::Conflict }
                }
                Some((current, _)) if current > revision => PutOutcome::Stale { current: current as u64 },
                _ => {
                    tx.execute(
                        "INSERT INTO versions (id, revision, digest, body, received, token) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        params![id, revision, digest, body, now(), token],
                    )?;
                    tx.execute(
                        "INSERT INTO current (id, revision, digest) VALUES (?1, ?2, ?3)
                         ON CONFLICT (id) DO UPDATE SET revision = excluded.revision, digest = excluded.digest",
                        params![id, revision, digest],
                    )?;
                    PutOutcome::Stored
                }
            };
            tx.commit()?;
            Ok(outcome)
        })
    }

    fn current_response(&self, id: Uuid) -> Result<Option<Vec<u8>>, StorageError> {
        self.with(|c| {
            c.query_row(
                "SELECT v.body FROM current c JOIN versions v ON v.id = c.id AND v.revision = c.revision WHERE c.id = ?1",
                params![id.to_string()],
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn storage() -> (tempfile::TempDir, SqliteStorage) {
        let dir = tempfile::tempdir().unwrap();
        let storage = SqliteStorage::open(&dir.path().join("db.sqlite")).unwrap();
        (dir, storage)
    }

    #[test]
    fn revisions_are_idempotent_versioned_and_never_go_back() {
        let (_dir, db) = storage();
        let id = Uuid::new_v4();
        assert_eq!(
            db.put_response(id, 1, b"one", "t").unwrap(),
            PutOutcome::Stored
        );
        assert_eq!(
            db.put_response(id, 1, b"one", "t").unwrap(),
            PutOutcome::AlreadyThere
        );
        assert_eq!(
            db.put_response(id, 1, b"uno", "t").unwrap(),
            PutOutcome::Conflict
        );
        assert_eq!(
            db.put_response(id, 3, b"three", "t").unwrap(),
            PutOutcome::Stored
        );
        assert_eq!(
            db.put_response(id, 2, b"two", "t").unwrap(),
            PutOutcome::Stale { current: 3 }
        );
        assert_eq!(db.current_response(id).unwrap().unwrap(), b"three");
        assert_eq!(db.revisions(id).unwrap(), [1, 3]);
        assert_eq!(db.latest_responses().unwrap(), [b"three".to_vec()]);
    }

    #[test]
    fn tokens_are_found_by_hash_until_revoked() {
        let (_dir, db) = storage();
        assert!(db.add_token("verona", "h1").unwrap());
        assert!(!db.add_token("verona", "h2").unwrap());
        assert_eq!(db.token_name("h1").unwrap().as_deref(), Some("verona"));
        assert!(db.revoke_token("verona").unwrap());
        assert!(!db.revoke_token("verona").unwrap());
        assert_eq!(db.token_name("h1").unwrap(), None);
        assert!(db.tokens().unwrap()[0].revoked.is_some());
        // A revoked name can be given a new token.
        assert!(db.add_token("verona", "h3").unwrap());
        assert_eq!(db.token_name("h3").unwrap().as_deref(), Some("verona"));
    }
}
