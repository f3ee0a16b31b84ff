//! The survey around the responses, in SQLite: the frame of units, their
//! access codes and the wrong guesses at them, mailings, the closing.

use crate::server::storage::{Guesser, RegisterSteps, register_with};
use rusqlite::{OptionalExtension, TransactionBehavior, params};

use super::{SqliteStorage, add_token, now};
use crate::server::frame::Unit;
use crate::server::storage::{
    FrameChange, MailKind, Mailing, Registration, StorageError, Survey, TokenKind, UnitResponse,
};

impl Survey for SqliteStorage {
    fn put_frame(&self, units: &[Unit]) -> Result<FrameChange, StorageError> {
        self.with(|c| {
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let mut change = FrameChange::default();
            for unit in units {
                if find_unit(&tx, &unit.unit)?.is_some() {
                    change.updated += 1;
                } else {
                    change.added += 1;
                }
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
            }
            tx.commit()?;
            Ok(change)
        })
    }

    fn frame(&self) -> Result<Vec<Unit>, StorageError> {
        self.with(|c| {
            let mut statement = c.prepare(&format!("{UNIT_COLUMNS} ORDER BY unit"))?;
            let rows = statement.query_map([], unit_from_row)?;
            rows.collect()
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
            let known = find_unit(&tx, unit)?.is_some();
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

    fn code_is(&self, unit: &str, code_hash: &str) -> Result<bool, StorageError> {
        self.with(|c| {
            c.query_row(
                "SELECT 1 FROM codes WHERE unit = ?1 AND hash = ?2",
                params![unit, code_hash],
                |_| Ok(()),
            )
            .optional()
            .map(|found| found.is_some())
        })
    }

    fn register_as(
        &self,
        code_hash: &str,
        guessers: &[Guesser],
        token_hash: Option<&str>,
    ) -> Result<Registration, StorageError> {
        let bounds = self.bounds;
        self.with(|c| {
            // One writer at a time.
            let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let registration =
                register_with(&mut Steps(&tx), code_hash, guessers, token_hash, &bounds)?;
            tx.commit()?;
            Ok(registration)
        })
    }

    fn unit_responses(&self) -> Result<Vec<UnitResponse>, StorageError> {
        self.with(|c| {
            let mut statement = c.prepare(
                "SELECT unit, id, complete, received FROM current
                 WHERE unit IS NOT NULL AND withdrawn IS NULL ORDER BY unit",
            )?;
            let rows = statement.query_map([], |r| {
                let id: String = r.get(1)?;
                Ok(UnitResponse {
                    unit: r.get(0)?,
                    id: id.parse().unwrap_or_default(),
                    complete: r.get(2)?,
                    received: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                })
            })?;
            rows.collect()
        })
    }

    fn record_mailing(&self, unit: &str, kind: MailKind) -> Result<(), StorageError> {
        self.with(|c| {
            c.execute(
                "INSERT INTO mailings (unit, kind, at) VALUES (?1, ?2, ?3)",
                params![unit, kind.as_str(), now()],
            )?;
            Ok(())
        })
    }

    fn mailings(&self) -> Result<Vec<Mailing>, StorageError> {
        self.with(|c| {
            let mut statement =
                c.prepare("SELECT unit, kind, at FROM mailings ORDER BY at, rowid")?;
            let rows = statement.query_map([], |r| {
                let kind: String = r.get(1)?;
                Ok(Mailing {
                    unit: r.get(0)?,
                    kind: if kind == "reminder" {
                        MailKind::Reminder
                    } else {
                        MailKind::Invitation
                    },
                    at: r.get(2)?,
                })
            })?;
            rows.collect()
        })
    }
}

const UNIT_COLUMNS: &str = "SELECT unit, prefill, population, emails, in_coverage FROM units";

fn unit_from_row(r: &rusqlite::Row) -> rusqlite::Result<Unit> {
    let prefill: String = r.get(1)?;
    let emails: String = r.get(3)?;
    Ok(Unit {
        unit: r.get(0)?,
        prefill: serde_json::from_str(&prefill).unwrap_or_default(),
        population: r.get::<_, Option<i64>>(2)?.map(|p| p as u64),
        emails: serde_json::from_str(&emails).unwrap_or_default(),
        in_coverage: r.get(4)?,
    })
}

fn find_unit(tx: &rusqlite::Transaction, unit: &str) -> rusqlite::Result<Option<Unit>> {
    tx.query_row(
        &format!("{UNIT_COLUMNS} WHERE unit = ?1"),
        params![unit],
        unit_from_row,
    )
    .optional()
}

/// A unit's tokens are named after it, one per office that registered:
/// `dsm-verona/1`, `dsm-verona/2`…
fn next_token_name(tx: &rusqlite::Transaction, unit: &str) -> rusqlite::Result<String> {
    let count: i64 = tx.query_row(
        "SELECT COUNT(*) FROM tokens WHERE unit = ?1",
        params![unit],
        |r| r.get(0),
    )?;
    Ok(format!("{unit}/{}", count + 1))
}

/// Registering's statements, on SQLite.
struct Steps<'a>(&'a rusqlite::Transaction<'a>);

impl RegisterSteps for Steps<'_> {
    type Error = rusqlite::Error;

    fn forget_guesses(&mut self, until: i64) -> rusqlite::Result<()> {
        self.0
            .execute("DELETE FROM guesses WHERE at <= ?1", params![until])
            .map(drop)
    }

    fn guesses_since(&mut self, key: &str, since: i64) -> rusqlite::Result<i64> {
        self.0.query_row(
            "SELECT COUNT(*) FROM guesses WHERE address = ?1 AND at > ?2",
            params![key, since],
            |r| r.get(0),
        )
    }

    fn unit_of_code(&mut self, code_hash: &str) -> rusqlite::Result<Option<Unit>> {
        let unit: Option<String> = self
            .0
            .query_row(
                "SELECT unit FROM codes WHERE hash = ?1",
                params![code_hash],
                |r| r.get(0),
            )
            .optional()?;
        Ok(unit.map(|u| find_unit(self.0, &u)).transpose()?.flatten())
    }

    fn record_guess(&mut self, key: &str, at: i64) -> rusqlite::Result<()> {
        self.0
            .execute(
                "INSERT INTO guesses (address, at) VALUES (?1, ?2)",
                params![key, at],
            )
            .map(drop)
    }

    fn add_office_token(&mut self, unit: &str, token_hash: &str) -> rusqlite::Result<String> {
        let name = next_token_name(self.0, unit)?;
        add_token(self.0, &name, token_hash, TokenKind::Office, Some(unit))?;
        Ok(name)
    }
}
