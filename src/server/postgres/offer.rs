//! Storing one offered revision in PostgreSQL, inside the transaction of
//! a batch: the rules of [`Storage::put_responses`] ([`storage::step`]).

use postgres::types::Type;
use uuid::Uuid;

use super::now;
use super::pool::{Tx, query};
use crate::server::storage::{self, Bounds, Caller, Current, Offer, PutOutcome, Step};

/// Offers one revision inside a transaction, its row locked first: the
/// rules of [`Storage::put_responses`] ([`storage::step`]).
pub fn offer_in(
    tx: &mut Tx,
    offer: &Offer,
    caller: Option<&Caller>,
    bounds: Bounds,
    used: &mut u64,
) -> Result<PutOutcome, postgres::Error> {
    let digest = offer.digest;
    let id = offer.id.to_string();
    let token = caller.map(|c| c.name.clone());
    let current = query(
        tx,
        "SELECT revision, digest, owner, unit, withdrawn IS NOT NULL FROM current WHERE id = $1 FOR UPDATE",
        &[(&id, Type::TEXT)],
    )?
    .first()
    .map(|row| Current {
        revision: row.get::<_, i64>(0) as u64,
        digest: row.get(1),
        owner: row.get(2),
        unit: row.get(3),
        withdrawn: row.get(4),
    });
    // A revision stored by an earlier campo has its whole body's digest.
    let current = match current {
        Some(mut current)
            if current.revision == offer.revision
                && current.digest != offer.digest
                && stored_body(tx, &id, offer.revision)?
                    .is_some_and(|body| super::super::check::has_content(&body, offer.digest)) =>
        {
            current.digest = offer.digest.to_string();
            Some(current)
        }
        current => current,
    };
    // A new response of a unit that has one already. Two new ones of the
    // same unit at once: the unique index refuses the second, whose
    // transaction is then tried again and finds the first here.
    let unit_answered_by = match (&current, offer.unit) {
        (None, Some(unit)) => answered_by(tx, unit)?,
        _ => None,
    };
    let over_quota = || *used + offer.body.len() as u64 > bounds.bytes_per_token;
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
                query(
                    tx,
                    "UPDATE current SET received = $2, owner = COALESCE(owner, $3) WHERE id = $1",
                    &[
                        (&id, Type::TEXT),
                        (&now(), Type::TEXT),
                        (&token, Type::TEXT),
                    ],
                )?;
                PutOutcome::AlreadyThere
            }
            Step::Store => {
                store(tx, offer, digest, token.as_deref(), current.is_some())?;
                if token.is_some() {
                    *used += offer.body.len() as u64;
                }
                // A response seen for the first time has one revision.
                if current.is_some() {
                    prune(tx, &id, bounds.kept_revisions)?;
                }
                PutOutcome::Stored
            }
        },
    )
}

/// The bytes a token has in use, its row locked until the transaction
/// ends.
pub fn lock_usage(tx: &mut Tx, token: &str) -> Result<u64, postgres::Error> {
    query(
        tx,
        "INSERT INTO usage (token, bytes) VALUES ($1, 0) ON CONFLICT (token) DO NOTHING",
        &[(&token, Type::TEXT)],
    )?;
    let rows = query(
        tx,
        "SELECT bytes FROM usage WHERE token = $1 FOR UPDATE",
        &[(&token, Type::TEXT)],
    )?;
    Ok(rows.first().map_or(0, |row| row.get::<_, i64>(0) as u64))
}

pub fn add_usage(tx: &mut Tx, token: &str, bytes: i64) -> Result<(), postgres::Error> {
    query(
        tx,
        "INSERT INTO usage AS u (token, bytes) VALUES ($1, $2)
         ON CONFLICT (token) DO UPDATE SET bytes = u.bytes + excluded.bytes",
        &[(&token, Type::TEXT), (&bytes, Type::INT8)],
    )?;
    Ok(())
}

/// The response a unit has already, if any (withdrawn ones do not count).
fn answered_by(tx: &mut Tx, unit: &str) -> Result<Option<Uuid>, postgres::Error> {
    let rows = query(
        tx,
        "SELECT id FROM current WHERE unit = $1 AND withdrawn IS NULL",
        &[(&unit, Type::TEXT)],
    )?;
    Ok(rows
        .first()
        .and_then(|row| row.get::<_, String>(0).parse().ok()))
}

/// Stores a revision as the current one. The current row of a response
/// seen before is locked already; a new one is inserted without `ON
/// CONFLICT`, so that if another transaction made it first, this one fails
/// on the key, is tried again, and finds it.
fn store(
    tx: &mut Tx,
    offer: &Offer,
    digest: &str,
    token: Option<&str>,
    seen_before: bool,
) -> Result<(), postgres::Error> {
    let (id, received) = (offer.id.to_string(), now());
    // At most i64::MAX: the server's checks refuse more before this.
    let revision = i64::try_from(offer.revision).unwrap_or(i64::MAX);
    query(
        tx,
        "INSERT INTO versions (id, revision, digest, body, received, token)
         VALUES ($1, $2, $3, $4, $5, $6)",
        &[
            (&id, Type::TEXT),
            (&revision, Type::INT8),
            (&digest, Type::TEXT),
            (&offer.body, Type::BYTEA),
            (&received, Type::TEXT),
            (&token.unwrap_or("import"), Type::TEXT),
        ],
    )?;
    let sql = if seen_before {
        "UPDATE current SET revision = $2, digest = $3, owner = COALESCE(owner, $4),
             unit = COALESCE(unit, $5), complete = $6, received = $7
         WHERE id = $1"
    } else {
        "INSERT INTO current (id, revision, digest, owner, unit, complete, received)
         VALUES ($1, $2, $3, $4, $5, $6, $7)"
    };
    query(
        tx,
        sql,
        &[
            (&id, Type::TEXT),
            (&revision, Type::INT8),
            (&digest, Type::TEXT),
            (&token, Type::TEXT),
            (&offer.unit, Type::TEXT),
            (&offer.complete, Type::BOOL),
            (&received, Type::TEXT),
        ],
    )?;
    Ok(())
}

/// Drops all but the newest `kept` revisions of a response, and gives the
/// bytes back to the tokens that sent them.
fn prune(tx: &mut Tx, id: &str, kept: u32) -> Result<(), postgres::Error> {
    let kept = i64::from(kept);
    let dropped = query(
        tx,
        "DELETE FROM versions WHERE id = $1 AND revision IN
             (SELECT revision FROM versions WHERE id = $1 ORDER BY revision DESC OFFSET $2)
         RETURNING token, octet_length(body)",
        &[(&id, Type::TEXT), (&kept, Type::INT8)],
    )?;
    for row in &dropped {
        let (token, bytes): (String, i32) = (row.get(0), row.get(1));
        add_usage(tx, &token, -i64::from(bytes))?;
    }
    Ok(())
}

/// The body of one stored revision, if there is one.
fn stored_body(tx: &mut Tx, id: &str, revision: u64) -> Result<Option<Vec<u8>>, postgres::Error> {
    let revision = i64::try_from(revision).unwrap_or(i64::MAX);
    Ok(query(
        tx,
        "SELECT body FROM versions WHERE id = $1 AND revision = $2",
        &[(&id, Type::TEXT), (&revision, Type::INT8)],
    )?
    .first()
    .map(|row| row.get(0)))
}
