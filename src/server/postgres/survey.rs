//! The survey around the responses, in PostgreSQL: the frame of units,
//! their access codes and the wrong guesses at them, mailings, the
//! closing. What one instance counts, every instance sees.

use crate::server::storage::{Guesser, RegisterSteps, register_with};
use postgres::Row;
use postgres::types::Type;

use super::{PostgresStorage, Tx, add_token, now, query};
use crate::server::frame::Unit;
use crate::server::storage::{
    FrameChange, MailKind, Mailing, Registration, StorageError, Survey, TokenKind, UnitResponse,
};

impl Survey for PostgresStorage {
    fn put_frame(&self, units: &[Unit]) -> Result<FrameChange, StorageError> {
        self.transaction(|tx| {
            let mut change = FrameChange::default();
            for unit in units {
                let prefill = serde_json::to_string(&unit.prefill).expect("a map serialises");
                let emails = serde_json::to_string(&unit.emails).expect("a list serialises");
                let population = unit.population.map(|p| p as i64);
                // `xmax` is 0 for a row this statement inserted.
                let inserted: bool = query(
                    tx,
                    "INSERT INTO units AS u (unit, prefill, population, emails, in_coverage)
                     VALUES ($1, $2, $3, $4, $5)
                     ON CONFLICT (unit) DO UPDATE SET prefill = excluded.prefill,
                         population = excluded.population, emails = excluded.emails,
                         in_coverage = excluded.in_coverage
                     RETURNING (xmax = 0)",
                    &[
                        (&unit.unit, Type::TEXT),
                        (&prefill, Type::TEXT),
                        (&population, Type::INT8),
                        (&emails, Type::TEXT),
                        (&unit.in_coverage, Type::BOOL),
                    ],
                )?[0]
                    .get(0);
                if inserted {
                    change.added += 1;
                } else {
                    change.updated += 1;
                }
            }
            Ok(change)
        })
    }

    fn frame(&self) -> Result<Vec<Unit>, StorageError> {
        let rows = self.rows(&format!("{UNIT_COLUMNS} ORDER BY unit"), &[])?;
        Ok(rows.iter().map(unit_from_row).collect())
    }

    fn closing(&self) -> Result<Option<String>, StorageError> {
        let rows = self.rows("SELECT value FROM settings WHERE key = 'closing'", &[])?;
        Ok(rows.first().map(|row| row.get(0)))
    }

    fn set_closing(&self, at: Option<&str>) -> Result<(), StorageError> {
        match at {
            Some(at) => self.rows(
                "INSERT INTO settings (key, value) VALUES ('closing', $1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                &[(&at, Type::TEXT)],
            ),
            None => self.rows("DELETE FROM settings WHERE key = 'closing'", &[]),
        }
        .map(drop)
    }

    fn set_code(&self, unit: &str, hash: &str) -> Result<bool, StorageError> {
        self.transaction(|tx| {
            let known = find_unit(tx, unit)?.is_some();
            if known {
                query(
                    tx,
                    "INSERT INTO codes (unit, hash, issued) VALUES ($1, $2, $3)
                     ON CONFLICT (unit) DO UPDATE SET hash = excluded.hash, issued = excluded.issued",
                    &[(&unit, Type::TEXT), (&hash, Type::TEXT), (&now(), Type::TEXT)],
                )?;
            }
            Ok(known)
        })
    }

    fn code_is(&self, unit: &str, code_hash: &str) -> Result<bool, StorageError> {
        let rows = self.rows(
            "SELECT 1 FROM codes WHERE unit = $1 AND hash = $2",
            &[(&unit, Type::TEXT), (&code_hash, Type::TEXT)],
        )?;
        Ok(!rows.is_empty())
    }

    fn register_as(
        &self,
        code_hash: &str,
        guessers: &[Guesser],
        token_hash: Option<&str>,
    ) -> Result<Registration, StorageError> {
        let bounds = self.bounds;
        self.transaction(|tx| {
            // One guess of an address at a time, across every instance:
            // ten guesses at once on ten instances still count as ten.
            // (Locks taken in one order, so that two never wait in a circle.)
            let mut keys: Vec<&str> = guessers.iter().map(|g| g.key).collect();
            keys.sort_unstable();
            for key in keys {
                lock(tx, &format!("guesses {key}"))?;
            }
            register_with(&mut Steps(tx), code_hash, guessers, token_hash, &bounds)
        })
    }

    fn unit_responses(&self) -> Result<Vec<UnitResponse>, StorageError> {
        let rows = self.rows(
            "SELECT unit, id, complete, received FROM current
             WHERE unit IS NOT NULL AND withdrawn IS NULL ORDER BY unit",
            &[],
        )?;
        Ok(rows
            .iter()
            .map(|row| UnitResponse {
                unit: row.get(0),
                id: row.get::<_, String>(1).parse().unwrap_or_default(),
                complete: row.get(2),
                received: row.get::<_, Option<String>>(3).unwrap_or_default(),
            })
            .collect())
    }

    fn record_mailing(&self, unit: &str, kind: MailKind) -> Result<(), StorageError> {
        self.rows(
            "INSERT INTO mailings (unit, kind, at) VALUES ($1, $2, $3)",
            &[
                (&unit, Type::TEXT),
                (&kind.as_str(), Type::TEXT),
                (&now(), Type::TEXT),
            ],
        )
        .map(drop)
    }

    fn mailings(&self) -> Result<Vec<Mailing>, StorageError> {
        let rows = self.rows("SELECT unit, kind, at FROM mailings ORDER BY at, n", &[])?;
        Ok(rows
            .iter()
            .map(|row| Mailing {
                unit: row.get(0),
                kind: if row.get::<_, String>(1) == "reminder" {
                    MailKind::Reminder
                } else {
                    MailKind::Invitation
                },
                at: row.get(2),
            })
            .collect())
    }
}

const UNIT_COLUMNS: &str = "SELECT unit, prefill, population, emails, in_coverage FROM units";

fn unit_from_row(row: &Row) -> Unit {
    let (prefill, emails): (String, String) = (row.get(1), row.get(3));
    Unit {
        unit: row.get(0),
        prefill: serde_json::from_str(&prefill).unwrap_or_default(),
        population: row.get::<_, Option<i64>>(2).map(|p| p as u64),
        emails: serde_json::from_str(&emails).unwrap_or_default(),
        in_coverage: row.get(4),
    }
}

fn find_unit(tx: &mut Tx, unit: &str) -> Result<Option<Unit>, postgres::Error> {
    let rows = query(
        tx,
        &format!("{UNIT_COLUMNS} WHERE unit = $1"),
        &[(&unit, Type::TEXT)],
    )?;
    Ok(rows.first().map(unit_from_row))
}

/// Holds a lock named `what` until the transaction ends, in every
/// instance on the database.
fn lock(tx: &mut Tx, what: &str) -> Result<(), postgres::Error> {
    query(
        tx,
        "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
        &[(&what, Type::TEXT)],
    )
    .map(drop)
}

/// A unit's tokens are named after it, one per office that registered:
/// `dsm-verona/1`, `dsm-verona/2`…
fn next_token_name(tx: &mut Tx, unit: &str) -> Result<String, postgres::Error> {
    let count: i64 = query(
        tx,
        "SELECT COUNT(*) FROM tokens WHERE unit = $1",
        &[(&unit, Type::TEXT)],
    )?[0]
        .get(0);
    Ok(format!("{unit}/{}", count + 1))
}

/// Registering's statements, on PostgreSQL.
struct Steps<'a, 'c>(&'a mut Tx<'c>);

impl RegisterSteps for Steps<'_, '_> {
    type Error = postgres::Error;

    fn forget_guesses(&mut self, until: i64) -> Result<(), postgres::Error> {
        // Removing them changes no count (a count takes only the window);
        // rows another instance is removing just now are skipped, so that
        // two never wait on each other.
        query(
            self.0,
            "DELETE FROM guesses WHERE ctid IN
             (SELECT ctid FROM guesses WHERE at <= $1 FOR UPDATE SKIP LOCKED)",
            &[(&until, Type::INT8)],
        )
        .map(drop)
    }

    fn guesses_since(&mut self, key: &str, since: i64) -> Result<i64, postgres::Error> {
        Ok(query(
            self.0,
            "SELECT COUNT(*) FROM guesses WHERE address = $1 AND at > $2",
            &[(&key, Type::TEXT), (&since, Type::INT8)],
        )?[0]
            .get(0))
    }

    fn unit_of_code(&mut self, code_hash: &str) -> Result<Option<Unit>, postgres::Error> {
        Ok(query(
            self.0,
            "SELECT u.unit, u.prefill, u.population, u.emails, u.in_coverage
             FROM codes c JOIN units u ON u.unit = c.unit WHERE c.hash = $1",
            &[(&code_hash, Type::TEXT)],
        )?
        .first()
        .map(unit_from_row))
    }

    fn record_guess(&mut self, key: &str, at: i64) -> Result<(), postgres::Error> {
        query(
            self.0,
            "INSERT INTO guesses (address, at) VALUES ($1, $2)",
            &[(&key, Type::TEXT), (&at, Type::INT8)],
        )
        .map(drop)
    }

    fn add_office_token(
        &mut self,
        unit: &str,
        token_hash: &str,
    ) -> Result<String, postgres::Error> {
        // Two offices of a unit registering at once are named one after
        // the other.
        lock(self.0, &format!("unit {unit}"))?;
        let name = next_token_name(self.0, unit)?;
        add_token(self.0, &name, token_hash, TokenKind::Office, Some(unit))?;
        Ok(name)
    }
}
