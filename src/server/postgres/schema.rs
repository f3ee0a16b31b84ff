//! The PostgreSQL schema, made and brought up to date by campo itself:
//! each migration runs once, in order, in one transaction with the version
//! it reaches (the one row of `campo_schema`). Instances starting at the
//! same moment take turns on an advisory lock, so each migration runs once.

use postgres::Client;
use postgres::types::Type;

/// Every table of a campo database, as PostgreSQL holds it: the same
/// tables as SQLite's (`server/sqlite/schema.rs`), with PostgreSQL's types.
const FIRST: &str = "
CREATE TABLE tokens (
    name TEXT PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL,
    revoked TEXT,
    team BOOLEAN NOT NULL DEFAULT FALSE,
    kiosk BOOLEAN NOT NULL DEFAULT FALSE,
    unit TEXT
);
CREATE INDEX tokens_by_unit ON tokens (unit);
CREATE TABLE versions (
    id TEXT NOT NULL,
    revision BIGINT NOT NULL,
    digest TEXT NOT NULL,
    body BYTEA NOT NULL,
    received TEXT NOT NULL,
    token TEXT NOT NULL,
    PRIMARY KEY (id, revision)
);
CREATE TABLE current (
    id TEXT PRIMARY KEY,
    revision BIGINT NOT NULL,
    digest TEXT NOT NULL,
    owner TEXT,
    unit TEXT,
    complete BOOLEAN NOT NULL DEFAULT FALSE,
    received TEXT,
    withdrawn TEXT
);
CREATE UNIQUE INDEX one_response_per_unit ON current (unit)
    WHERE unit IS NOT NULL AND withdrawn IS NULL;
CREATE TABLE usage (
    token TEXT PRIMARY KEY,
    bytes BIGINT NOT NULL
);
CREATE TABLE units (
    unit TEXT PRIMARY KEY,
    prefill TEXT NOT NULL,
    population BIGINT,
    emails TEXT NOT NULL,
    in_coverage BOOLEAN NOT NULL
);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE codes (
    unit TEXT PRIMARY KEY REFERENCES units (unit),
    hash TEXT NOT NULL UNIQUE,
    issued TEXT NOT NULL
);
CREATE TABLE guesses (
    address TEXT NOT NULL,
    at BIGINT NOT NULL
);
CREATE INDEX guesses_by_address ON guesses (address, at);
CREATE TABLE mailings (
    n BIGSERIAL PRIMARY KEY,
    unit TEXT NOT NULL,
    kind TEXT NOT NULL,
    at TEXT NOT NULL
);
-- Each token's (and each address's) request budget, shared by every
-- instance. Unlogged: a budget need not outlive a crash, and writing it
-- costs no flush of the log.
CREATE UNLOGGED TABLE budgets (
    key TEXT PRIMARY KEY,
    tokens DOUBLE PRECISION NOT NULL,
    at DOUBLE PRECISION NOT NULL,
    allowed BOOLEAN NOT NULL
);
";

/// Each version's migration, in order: version `n` is `MIGRATIONS[n - 1]`.
const MIGRATIONS: &[&str] = &[FIRST];

/// The schema version this build makes.
pub const VERSION: u32 = MIGRATIONS.len() as u32;

/// Any number that no other program on the database is likely to lock.
const MIGRATION_LOCK: i64 = 0x0063_616d_706f; // "campo"

/// Brings the database to [`VERSION`]; a database made by a newer campo
/// is left alone and refused.
pub fn migrate(client: &mut Client) -> Result<u32, String> {
    let text = |e: postgres::Error| e.to_string();
    let mut tx = client.transaction().map_err(text)?;
    tx.query_typed(
        "SELECT pg_advisory_xact_lock($1)",
        &[(&MIGRATION_LOCK, Type::INT8)],
    )
    .map_err(text)?;
    tx.batch_execute("CREATE TABLE IF NOT EXISTS campo_schema (version INTEGER NOT NULL)")
        .map_err(text)?;
    let found: Option<i32> = tx
        .query_typed("SELECT version FROM campo_schema", &[])
        .map_err(text)?
        .first()
        .map(|row| row.get(0));
    let found = found.unwrap_or(0) as u32;
    if found > VERSION {
        return Err(format!(
            "the database's schema is version {found}, newer than this campo's ({VERSION})"
        ));
    }
    for migration in &MIGRATIONS[found as usize..] {
        tx.batch_execute(migration).map_err(text)?;
    }
    if found < VERSION {
        tx.batch_execute("DELETE FROM campo_schema").map_err(text)?;
        tx.query_typed(
            "INSERT INTO campo_schema (version) VALUES ($1)",
            &[(&(VERSION as i32), Type::INT4)],
        )
        .map_err(text)?;
    }
    tx.commit().map_err(text)?;
    Ok(VERSION)
}
