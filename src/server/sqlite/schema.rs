//! The database's schema, made and brought up to date by campo itself,
//! never by hand: each migration runs once, in order, in one transaction
//! with the version it reaches (SQLite's `user_version`).

use rusqlite::{Connection, TransactionBehavior};

/// The first schema, as campo 0.1 made it without a version: every
/// statement can run on a database that has it already.
const FIRST: &str = "
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

/// Responses belong to units, one each; team tokens; wrong codes and
/// mailings remembered. What is already stored is read for its state.
const UNITS: &str = "
ALTER TABLE tokens ADD COLUMN team INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tokens ADD COLUMN unit TEXT;
ALTER TABLE current ADD COLUMN unit TEXT;
ALTER TABLE current ADD COLUMN complete INTEGER NOT NULL DEFAULT 0;
ALTER TABLE current ADD COLUMN received TEXT;
ALTER TABLE current ADD COLUMN withdrawn TEXT;
UPDATE current SET
    received = (SELECT v.received FROM versions v
                WHERE v.id = current.id AND v.revision = current.revision),
    complete = COALESCE((SELECT json_extract(CAST(v.body AS TEXT), '$.status') = 'complete'
                FROM versions v WHERE v.id = current.id AND v.revision = current.revision), 0),
    unit = (SELECT json_extract(CAST(v.body AS TEXT), '$.unit') FROM versions v
                WHERE v.id = current.id AND v.revision = current.revision);
CREATE UNIQUE INDEX one_response_per_unit ON current (unit)
    WHERE unit IS NOT NULL AND withdrawn IS NULL;
CREATE TABLE guesses (
    address TEXT NOT NULL,
    at INTEGER NOT NULL
);
CREATE INDEX guesses_by_address ON guesses (address, at);
CREATE TABLE mailings (
    unit TEXT NOT NULL,
    kind TEXT NOT NULL,
    at TEXT NOT NULL
);
";

/// Kiosk tokens: `campo kiosk` checks codes and sends any unit's response.
const KIOSKS: &str = "
ALTER TABLE tokens ADD COLUMN kiosk INTEGER NOT NULL DEFAULT 0;
";

/// The schema version this build makes.
pub const VERSION: u32 = 3;

/// Brings the database to [`VERSION`]; a database made by a newer campo
/// is left alone and refused.
pub fn migrate(connection: &mut Connection) -> Result<u32, String> {
    let found: u32 = connection
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|e| e.to_string())?;
    if found > VERSION {
        return Err(format!(
            "the database's schema is version {found}, newer than this campo's ({VERSION})"
        ));
    }
    for version in found + 1..=VERSION {
        let tx = connection
            .transaction_with_behavior(TransactionBehavior::Exclusive)
            .map_err(|e| e.to_string())?;
        match version {
            1 => {
                tx.execute_batch(FIRST).map_err(|e| e.to_string())?;
                let has_owners = tx.prepare("SELECT owner FROM current LIMIT 0").is_ok();
                if !has_owners {
                    tx.execute_batch(ADD_OWNERS).map_err(|e| e.to_string())?;
                }
            }
            2 => tx.execute_batch(UNITS).map_err(|e| e.to_string())?,
            _ => tx.execute_batch(KIOSKS).map_err(|e| e.to_string())?,
        }
        tx.pragma_update(None, "user_version", version)
            .map_err(|e| e.to_string())?;
        tx.commit().map_err(|e| e.to_string())?;
    }
    Ok(VERSION)
}
