//! PostgreSQL behind `campo serve --db postgres://…`: the same storage as
//! SQLite's, for many offices at once and for several server instances on
//! one database. Nothing here is held in one process: exactly-once comes
//! from the database (row locks, unique constraints, transactions retried
//! when PostgreSQL says two of them collided). The responses and tokens
//! are here; the survey around them in `survey.rs`.

mod offer;
mod pool;
mod schema;
mod survey;

use std::time::Duration;

use chrono::{SecondsFormat, Utc};
use postgres::Row;
use postgres::error::SqlState;
use postgres::types::{ToSql, Type};
use uuid::Uuid;

use offer::{add_usage, lock_usage, offer_in};
use pool::{Manager, Pool, Tx, query};

use super::limit::RateLimit;
use super::storage::{
    Bounds, Caller, Offer, PutOutcome, Storage, StorageError, TokenInfo, TokenKind,
};

/// How the server's connections to PostgreSQL are pooled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolSettings {
    /// Connections each instance keeps open at most.
    pub size: u32,
    /// How long a request waits for a connection (and a connection for
    /// the database) before it fails.
    pub timeout: Duration,
}

impl Default for PoolSettings {
    fn default() -> Self {
        PoolSettings {
            size: 8,
            timeout: Duration::from_secs(10),
        }
    }
}

pub struct PostgresStorage {
    pool: Pool,
    bounds: Bounds,
}

/// Times a transaction is tried when it collides with another one.
const ATTEMPTS: u32 = 10;

fn failed(error: impl std::fmt::Display) -> StorageError {
    StorageError(error.to_string())
}

/// What PostgreSQL said, with its SQLSTATE: "db error" alone names nothing.
fn db_failed(error: postgres::Error) -> StorageError {
    match error.as_db_error() {
        Some(db) => StorageError(format!(
            "{} {}: {}",
            db.severity(),
            db.code().code(),
            db.message()
        )),
        None => failed(error),
    }
}

fn now() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// Whether a failed transaction may simply be tried again: it lost a race
/// to another (two offices, or two instances, storing the same response
/// or the same unit's at once), and the next try will see what won.
fn collided(error: &postgres::Error) -> bool {
    matches!(
        error.code(),
        Some(&SqlState::UNIQUE_VIOLATION)
            | Some(&SqlState::T_R_SERIALIZATION_FAILURE)
            | Some(&SqlState::T_R_DEADLOCK_DETECTED)
    )
}

impl PostgresStorage {
    pub fn open(
        url: &str,
        bounds: Bounds,
        pool: PoolSettings,
    ) -> Result<PostgresStorage, StorageError> {
        let mut config: postgres::Config = url.parse().map_err(failed)?;
        config.connect_timeout(pool.timeout);
        if config.get_application_name().is_none() {
            config.application_name("campo serve");
        }
        let manager = Manager { config };
        let pool = r2d2::Pool::builder()
            .max_size(pool.size.max(1))
            .min_idle(Some(1))
            .connection_timeout(pool.timeout)
            // A connection found closed is dropped by the pool; checking
            // each one before use would cost a round trip a request.
            .test_on_check_out(false)
            .error_handler(Box::new(r2d2::NopErrorHandler))
            .build(manager)
            .map_err(failed)?;
        let mut connection = pool.get().map_err(failed)?;
        schema::migrate(&mut connection).map_err(StorageError)?;
        drop(connection);
        Ok(PostgresStorage { pool, bounds })
    }

    /// Runs `f` in a transaction, again from the start when it collided
    /// with another one (up to [`ATTEMPTS`] times).
    fn transaction<T>(
        &self,
        mut f: impl FnMut(&mut Tx) -> Result<T, postgres::Error>,
    ) -> Result<T, StorageError> {
        let mut client = self.pool.get().map_err(failed)?;
        let mut attempt = 1;
        loop {
            let mut tx = client.transaction().map_err(db_failed)?;
            let done = f(&mut tx).and_then(|value| tx.commit().map(|()| value));
            match done {
                Ok(value) => return Ok(value),
                Err(error) if collided(&error) && attempt < ATTEMPTS => {
                    attempt += 1;
                    // A little later each time, so that the two do not
                    // collide again in step.
                    std::thread::sleep(Duration::from_millis(u64::from(attempt) * 2));
                }
                Err(error) => return Err(db_failed(error)),
            }
        }
    }

    /// One statement, outside any transaction.
    fn rows(
        &self,
        sql: &str,
        params: &[(&(dyn ToSql + Sync), Type)],
    ) -> Result<Vec<Row>, StorageError> {
        let mut client = self.pool.get().map_err(failed)?;
        client.query_typed(sql, params).map_err(db_failed)
    }
}

impl Storage for PostgresStorage {
    fn backend(&self) -> (&'static str, u32) {
        ("postgres", schema::VERSION)
    }

    fn put_responses(
        &self,
        offers: &[Offer],
        caller: Option<&Caller>,
    ) -> Result<Vec<PutOutcome>, StorageError> {
        let bounds = self.bounds;
        // Rows are locked in the order of their ids, whoever sends them,
        // so that two batches never wait on each other in a circle.
        let mut order: Vec<usize> = (0..offers.len()).collect();
        order.sort_by_key(|&i| offers[i].id);
        let token = caller.map(|c| c.name.as_str());
        self.transaction(|tx| {
            // The sender's bytes in use, read and locked once a batch (its
            // other batches wait here, before any response row is locked)
            // and written back once.
            let before = match token {
                Some(token) => lock_usage(tx, token)?,
                None => 0,
            };
            let mut used = before;
            let mut outcomes = vec![PutOutcome::AlreadyThere; offers.len()];
            for &i in &order {
                outcomes[i] = offer_in(tx, &offers[i], caller, bounds, &mut used)?;
            }
            if let Some(token) = token.filter(|_| used != before) {
                add_usage(tx, token, used as i64 - before as i64)?;
            }
            Ok(outcomes)
        })
    }

    fn current_response(&self, id: Uuid, caller: &Caller) -> Result<Option<Vec<u8>>, StorageError> {
        let id = id.to_string();
        let rows = self.rows(
            "SELECT v.body, c.owner, c.unit FROM current c
             JOIN versions v ON v.id = c.id AND v.revision = c.revision
             WHERE c.id = $1",
            &[(&id, Type::TEXT)],
        )?;
        Ok(rows.first().and_then(|row| {
            let (owner, unit): (Option<String>, Option<String>) = (row.get(1), row.get(2));
            caller
                .may_touch(owner.as_deref(), unit.as_deref())
                .then(|| row.get(0))
        }))
    }

    fn latest_responses(&self) -> Result<Vec<Vec<u8>>, StorageError> {
        let rows = self.rows(
            "SELECT v.body FROM current c JOIN versions v ON v.id = c.id AND v.revision = c.revision
             WHERE c.withdrawn IS NULL ORDER BY c.id",
            &[],
        )?;
        Ok(rows.iter().map(|row| row.get(0)).collect())
    }

    fn revisions(&self, id: Uuid) -> Result<Vec<u64>, StorageError> {
        let id = id.to_string();
        let rows = self.rows(
            "SELECT revision FROM versions WHERE id = $1 ORDER BY revision",
            &[(&id, Type::TEXT)],
        )?;
        Ok(rows.iter().map(|row| row.get::<_, i64>(0) as u64).collect())
    }

    fn ids_starting(&self, prefix: &str) -> Result<Vec<Uuid>, StorageError> {
        let rows = self.rows(
            "SELECT id FROM current WHERE left(id, length($1)) = $1 ORDER BY id LIMIT 2",
            &[(&prefix, Type::TEXT)],
        )?;
        Ok(rows
            .iter()
            .filter_map(|row| row.get::<_, String>(0).parse().ok())
            .collect())
    }

    fn withdraw(&self, id: Uuid) -> Result<Option<Option<String>>, StorageError> {
        let id = id.to_string();
        self.transaction(|tx| {
            let unit = query(
                tx,
                "SELECT unit FROM current WHERE id = $1 FOR UPDATE",
                &[(&id, Type::TEXT)],
            )?
            .first()
            .map(|row| row.get::<_, Option<String>>(0));
            query(
                tx,
                "UPDATE current SET withdrawn = $2 WHERE id = $1 AND withdrawn IS NULL",
                &[(&id, Type::TEXT), (&now(), Type::TEXT)],
            )?;
            Ok(unit)
        })
    }

    fn caller(&self, hash: &str) -> Result<Option<Caller>, StorageError> {
        let rows = self.rows(
            "SELECT name, unit, team, kiosk FROM tokens WHERE hash = $1 AND revoked IS NULL",
            &[(&hash, Type::TEXT)],
        )?;
        Ok(rows.first().map(|row| Caller {
            name: row.get(0),
            unit: row.get(1),
            team: row.get(2),
            kiosk: row.get(3),
        }))
    }

    fn allow_request(&self, key: &str, rate: &RateLimit) -> Result<bool, StorageError> {
        // A token bucket in the database, so that every instance spends
        // from the same one; the database's clock, so that they agree.
        let (per_second, burst) = (rate.per_second(), rate.burst());
        let rows = self.rows(
            "INSERT INTO budgets AS b (key, tokens, at, allowed)
             VALUES ($1, $3 - 1, extract(epoch FROM clock_timestamp()), TRUE)
             ON CONFLICT (key) DO UPDATE SET
                 allowed = LEAST($3, b.tokens + (excluded.at - b.at) * $2) >= 1,
                 tokens = LEAST($3, b.tokens + (excluded.at - b.at) * $2)
                     - CASE WHEN LEAST($3, b.tokens + (excluded.at - b.at) * $2) >= 1 THEN 1 ELSE 0 END,
                 at = excluded.at
             RETURNING allowed",
            &[
                (&key, Type::TEXT),
                (&per_second, Type::FLOAT8),
                (&burst, Type::FLOAT8),
            ],
        )?;
        Ok(rows.first().is_some_and(|row| row.get(0)))
    }

    fn add_token(&self, name: &str, hash: &str, kind: TokenKind) -> Result<bool, StorageError> {
        self.transaction(|tx| add_token(tx, name, hash, kind, None))
    }

    fn tokens(&self) -> Result<Vec<TokenInfo>, StorageError> {
        let rows = self.rows(
            "SELECT name, created, revoked, unit, team, kiosk FROM tokens ORDER BY name",
            &[],
        )?;
        Ok(rows
            .iter()
            .map(|row| TokenInfo {
                name: row.get(0),
                created: row.get(1),
                revoked: row.get(2),
                unit: row.get(3),
                team: row.get(4),
                kiosk: row.get(5),
            })
            .collect())
    }

    fn revoke_token(&self, name: &str) -> Result<bool, StorageError> {
        let rows = self.rows(
            "UPDATE tokens SET revoked = $2 WHERE name = $1 AND revoked IS NULL RETURNING name",
            &[(&name, Type::TEXT), (&now(), Type::TEXT)],
        )?;
        Ok(!rows.is_empty())
    }
}

/// Adds a token, unless a live one has the name; a revoked name is given
/// the new token.
fn add_token(
    tx: &mut Tx,
    name: &str,
    hash: &str,
    kind: TokenKind,
    unit: Option<&str>,
) -> Result<bool, postgres::Error> {
    let (team, kiosk) = (kind == TokenKind::Team, kind == TokenKind::Kiosk);
    let added = query(
        tx,
        "INSERT INTO tokens AS t (name, hash, created, team, kiosk, unit)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (name) DO UPDATE SET hash = excluded.hash, created = excluded.created,
             revoked = NULL, team = excluded.team, kiosk = excluded.kiosk, unit = excluded.unit
             WHERE t.revoked IS NOT NULL
         RETURNING name",
        &[
            (&name, Type::TEXT),
            (&hash, Type::TEXT),
            (&now(), Type::TEXT),
            (&team, Type::BOOL),
            (&kiosk, Type::BOOL),
            (&unit, Type::TEXT),
        ],
    )?;
    Ok(!added.is_empty())
}
