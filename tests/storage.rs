//! The server's storage, the same cases on SQLite and on a real
//! PostgreSQL: revisions, owners, units, tokens, codes; and what only a
//! shared database must hold, two instances racing on the same responses,
//! the same codes and the same request budget.

mod support;

use std::sync::{Arc, Barrier};
use std::thread;

use campo::server::frame::Unit;
use campo::server::limit::RateLimit;
use campo::server::storage::{
    Bounds, Caller, Offer, PutOutcome, Registration, Storage, StorageError, TokenKind,
};
use campo::server::{PoolSettings, open_storage};
use support::backend::{Backend, Db};
use uuid::Uuid;

fn office(name: &str) -> Caller {
    Caller {
        name: name.into(),
        unit: None,
        team: false,
        kiosk: false,
    }
}

fn unit_token(name: &str, unit: &str) -> Caller {
    Caller {
        name: name.into(),
        unit: Some(unit.into()),
        team: false,
        kiosk: false,
    }
}

fn put(
    db: &dyn Storage,
    id: Uuid,
    revision: u64,
    body: &[u8],
    caller: Option<&Caller>,
) -> Result<PutOutcome, StorageError> {
    let digest = campo::server::storage::digest(body);
    let offer = Offer {
        id,
        revision,
        body,
        digest: &digest,
        complete: false,
        unit: caller.and_then(|c| c.unit.as_deref()),
    };
    db.put_response(&offer, caller)
}

/// A fresh database of the backend, opened as `campo serve` opens it.
fn storage(backend: Backend, bounds: Bounds) -> Option<(Db, Arc<dyn Storage>)> {
    let db = Db::fresh(backend)?;
    let storage = open(&db, bounds);
    Some((db, storage))
}

/// Another opening of the same database: what a second instance has.
fn open(db: &Db, bounds: Bounds) -> Arc<dyn Storage> {
    open_storage(db.arg(), bounds, PoolSettings::default()).unwrap()
}

fn revisions_are_idempotent_versioned_and_never_go_back(backend: Backend) {
    let Some((_db, db)) = storage(backend, Bounds::default()) else {
        return;
    };
    let id = Uuid::new_v4();
    assert_eq!(
        put(&*db, id, 1, b"one", Some(&office("t"))).unwrap(),
        PutOutcome::Stored
    );
    assert_eq!(
        put(&*db, id, 1, b"one", Some(&office("t"))).unwrap(),
        PutOutcome::AlreadyThere
    );
    assert_eq!(
        put(&*db, id, 1, b"uno", Some(&office("t"))).unwrap(),
        PutOutcome::Conflict
    );
    assert_eq!(
        put(&*db, id, 3, b"three", Some(&office("t"))).unwrap(),
        PutOutcome::Stored
    );
    assert_eq!(
        put(&*db, id, 2, b"two", Some(&office("t"))).unwrap(),
        PutOutcome::Stale { current: 3 }
    );
    assert_eq!(
        db.current_response(id, &office("t")).unwrap().unwrap(),
        b"three"
    );
    assert_eq!(db.revisions(id).unwrap(), [1, 3]);
    assert_eq!(db.latest_responses().unwrap(), [b"three".to_vec()]);
}

fn tokens_are_found_by_hash_until_revoked(backend: Backend) {
    let Some((_db, db)) = storage(backend, Bounds::default()) else {
        return;
    };
    assert!(db.add_token("verona", "h1", TokenKind::Office).unwrap());
    assert!(!db.add_token("verona", "h2", TokenKind::Office).unwrap());
    assert_eq!(db.caller("h1").unwrap(), Some(office("verona")));
    assert!(db.revoke_token("verona").unwrap());
    assert!(!db.revoke_token("verona").unwrap());
    assert_eq!(db.caller("h1").unwrap(), None);
    assert!(db.tokens().unwrap()[0].revoked.is_some());
    // A revoked name can be given a new token.
    assert!(db.add_token("verona", "h3", TokenKind::Team).unwrap());
    assert!(db.caller("h3").unwrap().unwrap().team);
}

fn a_response_belongs_to_the_token_that_first_stored_it(backend: Backend) {
    let Some((_db, db)) = storage(backend, Bounds::default()) else {
        return;
    };
    let id = Uuid::new_v4();
    assert_eq!(
        put(&*db, id, 2, b"a", Some(&office("verona"))).unwrap(),
        PutOutcome::Stored
    );
    assert_eq!(
        put(
            &*db,
            id,
            i64::MAX as u64,
            b"tampered",
            Some(&office("milano"))
        )
        .unwrap(),
        PutOutcome::NotYours
    );
    assert_eq!(db.current_response(id, &office("milano")).unwrap(), None);
    assert_eq!(
        db.current_response(id, &office("verona")).unwrap().unwrap(),
        b"a"
    );
    assert_eq!(
        put(&*db, id, 3, b"b", Some(&office("verona"))).unwrap(),
        PutOutcome::Stored
    );
    // Imported by the team: the first office to send it owns it.
    let imported = Uuid::new_v4();
    assert_eq!(
        put(&*db, imported, 1, b"i", None).unwrap(),
        PutOutcome::Stored
    );
    assert_eq!(
        put(&*db, imported, 1, b"i", Some(&office("verona"))).unwrap(),
        PutOutcome::AlreadyThere
    );
    assert_eq!(
        db.current_response(imported, &office("verona"))
            .unwrap()
            .unwrap(),
        b"i"
    );
    assert_eq!(
        put(&*db, imported, 2, b"j", Some(&office("milano"))).unwrap(),
        PutOutcome::NotYours
    );
}

fn old_revisions_and_a_tokens_bytes_are_bounded(backend: Backend) {
    let bounds = Bounds {
        kept_revisions: 3,
        bytes_per_token: 1000,
        ..Bounds::default()
    };
    let Some((_db, db)) = storage(backend, bounds) else {
        return;
    };
    let id = Uuid::new_v4();
    for revision in 1..=10 {
        assert_eq!(
            put(&*db, id, revision, &[b'x'; 100], Some(&office("t"))).unwrap(),
            PutOutcome::Stored
        );
    }
    assert_eq!(
        db.revisions(id).unwrap(),
        [8, 9, 10],
        "the newest three kept"
    );
    // 300 bytes in use: 700 more fit, 701 do not.
    let other = Uuid::new_v4();
    assert_eq!(
        put(&*db, other, 1, &[b'y'; 701], Some(&office("t"))).unwrap(),
        PutOutcome::OverQuota
    );
    assert_eq!(
        put(&*db, other, 1, &[b'y'; 700], Some(&office("t"))).unwrap(),
        PutOutcome::Stored
    );
    assert_eq!(
        put(&*db, other, 2, &[b'y'; 1], Some(&office("another"))).unwrap(),
        PutOutcome::NotYours
    );
}

fn frame_unit(code: &str) -> Unit {
    Unit {
        unit: code.into(),
        prefill: [("dept_name".to_string(), format!("DSM {code}"))].into(),
        population: Some(1000),
        emails: vec![],
        in_coverage: true,
    }
}

fn a_unit_has_one_response_touched_only_by_its_own_tokens_and_the_team(backend: Backend) {
    let Some((_db, db)) = storage(backend, Bounds::default()) else {
        return;
    };
    db.put_frame(&[frame_unit("verona"), frame_unit("padova")])
        .unwrap();
    let (verona, padova) = (
        unit_token("verona/1", "verona"),
        unit_token("padova/1", "padova"),
    );
    let first = Uuid::new_v4();
    assert_eq!(
        put(&*db, first, 1, b"a", Some(&verona)).unwrap(),
        PutOutcome::Stored
    );
    // Another office of the same unit reaches it; another unit does not.
    let verona_again = unit_token("verona/2", "verona");
    assert_eq!(
        put(&*db, first, 2, b"b", Some(&verona_again)).unwrap(),
        PutOutcome::Stored
    );
    assert_eq!(
        put(&*db, first, 3, b"x", Some(&padova)).unwrap(),
        PutOutcome::NotYours
    );
    assert_eq!(db.current_response(first, &padova).unwrap(), None);
    assert_eq!(
        put(&*db, first, 3, b"x", Some(&office("plain"))).unwrap(),
        PutOutcome::NotYours
    );
    let team = Caller {
        name: "team".into(),
        unit: None,
        team: true,
        kiosk: false,
    };
    assert_eq!(db.current_response(first, &team).unwrap().unwrap(), b"b");
    // A kiosk touches any unit's response, and none without a unit.
    let kiosk = Caller {
        name: "kiosk".into(),
        unit: None,
        team: false,
        kiosk: true,
    };
    assert_eq!(db.current_response(first, &kiosk).unwrap().unwrap(), b"b");
    assert!(!kiosk.may_touch(Some("plain"), None));
    // A second response of the unit is refused, naming the first…
    let second = Uuid::new_v4();
    assert_eq!(
        put(&*db, second, 1, b"c", Some(&verona)).unwrap(),
        PutOutcome::UnitAnswered { first }
    );
    // …until the team withdraws the first: it is kept, but no longer counted.
    assert_eq!(db.withdraw(first).unwrap(), Some(Some("verona".into())));
    assert_eq!(
        put(&*db, second, 1, b"c", Some(&verona)).unwrap(),
        PutOutcome::Stored
    );
    let units = db.unit_responses().unwrap();
    assert_eq!(units.len(), 1);
    assert_eq!((units[0].unit.as_str(), units[0].id), ("verona", second));
    assert_eq!(db.revisions(first).unwrap(), [1, 2]);
    assert_eq!(db.latest_responses().unwrap(), [b"c".to_vec()]);
    assert_eq!(db.withdraw(Uuid::new_v4()).unwrap(), None);
}

/// P3, N75: a withdrawn response takes no revision from anyone, not even
/// the one it has (which would read as delivered), and is found by a unique
/// prefix of its id as the office is told it.
fn a_withdrawn_response_refuses_every_revision_and_is_found_by_prefix(backend: Backend) {
    let Some((_db, db)) = storage(backend, Bounds::default()) else {
        return;
    };
    db.put_frame(&[frame_unit("verona")]).unwrap();
    let verona = unit_token("verona/1", "verona");
    let id: Uuid = "3f3bced7-84ed-4886-ae0d-0057a2f7aa69".parse().unwrap();
    let other: Uuid = "3f3bced8-0000-4000-8000-000000000000".parse().unwrap();
    put(&*db, id, 1, b"a", Some(&verona)).unwrap();
    put(&*db, other, 1, b"b", None).unwrap();
    let prefix = |typed: &str| campo::server::storage::id_prefix(typed).unwrap();
    assert_eq!(db.ids_starting(&prefix("3f3bced7")).unwrap(), [id]);
    assert_eq!(db.ids_starting(&prefix("3F3BCED784ED")).unwrap(), [id]);
    assert_eq!(db.ids_starting(&prefix("3f3bced")).unwrap(), [id, other]);
    assert!(db.ids_starting(&prefix("3f3bced9")).unwrap().is_empty());
    assert_eq!(campo::server::storage::id_prefix("3f3b%"), None);

    assert_eq!(db.withdraw(id).unwrap(), Some(Some("verona".into())));
    for (revision, body) in [(2, b"a2".as_slice()), (1, b"a"), (1, b"changed")] {
        assert_eq!(
            put(&*db, id, revision, body, Some(&verona)).unwrap(),
            PutOutcome::Withdrawn,
            "revision {revision}"
        );
    }
    assert_eq!(put(&*db, id, 5, b"t", None).unwrap(), PutOutcome::Withdrawn);
    assert_eq!(db.revisions(id).unwrap(), [1]);
}

/// N26: wrong codes through a kiosk count against the kiosk as a whole
/// too: inventing a new address for each guess does not get past its own
/// budget.
fn a_kiosk_that_names_a_new_address_each_guess_is_still_limited(backend: Backend) {
    use campo::server::storage::Guesser;
    let Some((_db, db)) = storage(backend, Bounds::default()) else {
        return;
    };
    db.put_frame(&[frame_unit("verona")]).unwrap();
    assert!(db.set_code("verona", "right").unwrap());
    let try_from = |address: &str, code: &str| {
        let guessers = [
            Guesser {
                key: "kiosk k",
                allowed: Some(3),
            },
            Guesser {
                key: address,
                allowed: None,
            },
        ];
        db.register_as(code, &guessers, None).unwrap()
    };
    for n in 0..3 {
        let address = format!("10.0.{n}.1");
        assert_eq!(try_from(&address, "wrong"), Registration::WrongCode);
    }
    assert_eq!(try_from("10.0.9.1", "wrong"), Registration::TooManyGuesses);
    assert_eq!(try_from("10.0.10.1", "right"), Registration::TooManyGuesses);
    // An office registering by itself is not the kiosk's business.
    assert!(matches!(
        db.register("right", "10.0.11.1", Some("t")).unwrap(),
        Registration::Registered { .. }
    ));
}

fn a_right_code_registers_and_wrong_ones_are_limited_per_address(backend: Backend) {
    let bounds = Bounds {
        guesses_per_hour: 3,
        ..Bounds::default()
    };
    let Some((_db, db)) = storage(backend, bounds) else {
        return;
    };
    db.put_frame(&[frame_unit("verona")]).unwrap();
    assert!(db.set_code("verona", "right").unwrap());
    assert!(!db.set_code("nowhere", "x").unwrap());
    assert!(db.code_is("verona", "right").unwrap());
    match db.register("right", "192.0.2.1", Some("t1")).unwrap() {
        Registration::Registered { name, unit } => {
            assert_eq!(name.as_deref(), Some("verona/1"));
            assert_eq!(unit.prefill["dept_name"], "DSM verona");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        db.caller("t1").unwrap(),
        Some(unit_token("verona/1", "verona"))
    );
    for _ in 0..3 {
        assert_eq!(
            db.register("wrong", "192.0.2.9", Some("t")).unwrap(),
            Registration::WrongCode
        );
    }
    // Past the limit, not even the right code is checked from there…
    assert_eq!(
        db.register("right", "192.0.2.9", Some("t2")).unwrap(),
        Registration::TooManyGuesses
    );
    // …while another address still registers (a second office: verona/2).
    assert!(matches!(
        db.register("right", "192.0.2.10", Some("t3")).unwrap(),
        Registration::Registered { name, .. } if name.as_deref() == Some("verona/2")
    ));
    // A kiosk only checks: no token is made.
    assert!(matches!(
        db.register("right", "192.0.2.11", None).unwrap(),
        Registration::Registered { name: None, unit } if unit.unit == "verona"
    ));
    assert_eq!(db.tokens().unwrap().len(), 2);
}

/// Two instances, each with offices sending the same responses at the
/// same moment: every response is stored once, and every sender hears
/// that it is there (stored, or already there).
fn two_instances_store_a_response_sent_to_both_at_once_only_once(backend: Backend) {
    let Some((db, first)) = storage(backend, Bounds::default()) else {
        return;
    };
    let second = open(&db, Bounds::default());
    let ids: Vec<Uuid> = (0..200).map(|_| Uuid::new_v4()).collect();
    let start = Arc::new(Barrier::new(4));
    let outcomes: Vec<Vec<PutOutcome>> = thread::scope(|scope| {
        let senders: Vec<_> = [&first, &second, &first, &second]
            .into_iter()
            .enumerate()
            .map(|(n, instance)| {
                let (ids, start) = (&ids, start.clone());
                scope.spawn(move || {
                    start.wait();
                    // Each sender its own order, batches of 20.
                    let mut mine = ids.clone();
                    if n % 2 == 1 {
                        mine.reverse();
                    }
                    let team = Caller {
                        team: true,
                        ..office("team")
                    };
                    let digest = campo::server::storage::digest(b"the same");
                    mine.chunks(20)
                        .flat_map(|chunk| {
                            let offers: Vec<Offer> = chunk
                                .iter()
                                .map(|&id| Offer {
                                    id,
                                    revision: 1,
                                    body: b"the same",
                                    digest: &digest,
                                    complete: true,
                                    unit: None,
                                })
                                .collect();
                            instance.put_responses(&offers, Some(&team)).unwrap()
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        senders.into_iter().map(|s| s.join().unwrap()).collect()
    });
    let stored = outcomes
        .iter()
        .flatten()
        .filter(|o| **o == PutOutcome::Stored)
        .count();
    assert_eq!(
        stored,
        ids.len(),
        "each response stored by exactly one sender"
    );
    assert!(
        outcomes
            .iter()
            .flatten()
            .all(|o| matches!(o, PutOutcome::Stored | PutOutcome::AlreadyThere))
    );
    assert_eq!(first.latest_responses().unwrap().len(), ids.len());
    for id in &ids {
        assert_eq!(second.revisions(*id).unwrap(), [1]);
    }
}

/// Revisions of one response racing through two instances: whichever
/// order they land in, every one is kept and the highest is current.
fn racing_revisions_end_with_the_highest_current_and_all_kept(backend: Backend) {
    let Some((db, first)) = storage(backend, Bounds::default()) else {
        return;
    };
    let second = open(&db, Bounds::default());
    let team = Caller {
        team: true,
        ..office("team")
    };
    let ids: Vec<Uuid> = (0..30).map(|_| Uuid::new_v4()).collect();
    let start = Arc::new(Barrier::new(10));
    thread::scope(|scope| {
        for revision in 1..=10u64 {
            let instance = if revision % 2 == 0 { &first } else { &second };
            let (ids, start, team) = (&ids, start.clone(), &team);
            scope.spawn(move || {
                start.wait();
                for &id in ids {
                    let body = format!("revision {revision}");
                    let digest = campo::server::storage::digest(body.as_bytes());
                    let offer = Offer {
                        id,
                        revision,
                        body: body.as_bytes(),
                        digest: &digest,
                        complete: true,
                        unit: None,
                    };
                    let outcome = instance.put_response(&offer, Some(team)).unwrap();
                    assert!(
                        matches!(outcome, PutOutcome::Stored | PutOutcome::Stale { .. }),
                        "{outcome:?}"
                    );
                }
            });
        }
    });
    for id in &ids {
        let current = first.current_response(*id, &team).unwrap().unwrap();
        assert_eq!(current, b"revision 10", "the highest is current");
        let kept = second.revisions(*id).unwrap();
        assert!(kept.ends_with(&[10]), "{kept:?}");
    }
}

/// Wrong codes guessed at once through two instances count against the
/// one address together.
fn guesses_are_limited_across_instances(backend: Backend) {
    let bounds = Bounds {
        guesses_per_hour: 5,
        ..Bounds::default()
    };
    let Some((db, first)) = storage(backend, bounds) else {
        return;
    };
    let second = open(&db, bounds);
    let start = Arc::new(Barrier::new(20));
    let answers: Vec<Registration> = thread::scope(|scope| {
        let guessers: Vec<_> = (0..20)
            .map(|n| {
                let instance = if n % 2 == 0 { &first } else { &second };
                let start = start.clone();
                scope.spawn(move || {
                    start.wait();
                    instance
                        .register(&format!("wrong {n}"), "198.51.100.7", None)
                        .unwrap()
                })
            })
            .collect();
        guessers.into_iter().map(|g| g.join().unwrap()).collect()
    });
    let wrong = answers
        .iter()
        .filter(|a| **a == Registration::WrongCode)
        .count();
    assert_eq!(wrong, 5, "{answers:?}");
    assert_eq!(
        answers
            .iter()
            .filter(|a| **a == Registration::TooManyGuesses)
            .count(),
        15
    );
}

/// One token's requests through two instances spend one budget: on a
/// shared database, twice the burst at once is not let through.
fn a_tokens_request_budget_is_one_across_instances(backend: Backend) {
    let Some((db, first)) = storage(backend, Bounds::default()) else {
        return;
    };
    let second = open(&db, Bounds::default());
    // 10 a second, 20 at once; refilled at 10 a second while the test
    // runs, so a few more may pass, never the 40 two separate budgets give.
    // Each instance has its own limits, as each `campo serve` process.
    let (first_rate, second_rate) = (RateLimit::new(10), RateLimit::new(10));
    let allowed = (0..40)
        .filter(|n| match n % 2 {
            0 => first.allow_request("office", &first_rate).unwrap(),
            _ => second.allow_request("office", &second_rate).unwrap(),
        })
        .count();
    match backend {
        Backend::Postgres => assert!((20..30).contains(&allowed), "{allowed}"),
        // One SQLite file has one server: each opening counts its own.
        Backend::Sqlite => assert_eq!(allowed, 40),
    }
}

/// Runs one statement straight on the database, as an operator would,
/// and gives the first column of its first row, if it has one.
fn sql(backend: Backend, db: &Db, statement: &str) -> Option<i64> {
    match backend {
        Backend::Sqlite => {
            let connection = rusqlite::Connection::open(db.arg()).unwrap();
            let mut prepared = connection.prepare(statement).unwrap();
            let mut rows = prepared.query([]).unwrap();
            rows.next().unwrap().map(|row| row.get(0).unwrap())
        }
        Backend::Postgres => {
            let mut client = postgres::Client::connect(db.arg(), postgres::NoTls).unwrap();
            let rows = client.query(statement, &[]).unwrap();
            rows.first().map(|row| row.get(0))
        }
    }
}

/// An address that guessed once, long ago, and never came back leaves no
/// row behind: any guess clears every address's expired ones (on
/// PostgreSQL only the guesser's went, and the table grew for ever).
fn expired_guesses_of_every_address_go_at_the_next_guess(backend: Backend) {
    let Some((db, storage)) = storage(backend, Bounds::default()) else {
        return;
    };
    storage.put_frame(&[frame_unit("verona")]).unwrap();
    assert!(storage.set_code("verona", "right").unwrap());
    let long_ago = chrono::Utc::now().timestamp() - 3 * 3600;
    sql(
        backend,
        &db,
        &format!("INSERT INTO guesses (address, at) VALUES ('10.9.9.9', {long_ago})"),
    );
    let count = "SELECT COUNT(*) FROM guesses WHERE address = '10.9.9.9'";
    assert_eq!(sql(backend, &db, count), Some(1));
    assert_eq!(
        storage.register("wrong", "10.0.0.1", None).unwrap(),
        Registration::WrongCode
    );
    assert_eq!(sql(backend, &db, count), Some(0), "the old guess is gone");
}

on_both_backends!(
    revisions_are_idempotent_versioned_and_never_go_back,
    tokens_are_found_by_hash_until_revoked,
    a_response_belongs_to_the_token_that_first_stored_it,
    old_revisions_and_a_tokens_bytes_are_bounded,
    a_unit_has_one_response_touched_only_by_its_own_tokens_and_the_team,
    a_right_code_registers_and_wrong_ones_are_limited_per_address,
    a_withdrawn_response_refuses_every_revision_and_is_found_by_prefix,
    a_kiosk_that_names_a_new_address_each_guess_is_still_limited,
    two_instances_store_a_response_sent_to_both_at_once_only_once,
    racing_revisions_end_with_the_highest_current_and_all_kept,
    guesses_are_limited_across_instances,
    a_tokens_request_budget_is_one_across_instances,
    expired_guesses_of_every_address_go_at_the_next_guess,
);

/// A folder of `count` complete responses, ids from `first`.
fn responses_folder(first: usize, count: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let responses = dir.path().join("responses");
    std::fs::create_dir_all(&responses).unwrap();
    for n in first..first + count {
        let id = format!("0b0b0b0b-0000-4000-8000-{n:012x}");
        let response = support::server::complete_response(&id, n, 1);
        std::fs::write(
            responses.join(format!("{id}.json")),
            serde_json::to_vec(&response).unwrap(),
        )
        .unwrap();
    }
    dir
}

/// What a command said, if it succeeded.
fn succeeded(output: std::process::Output) -> Result<String, String> {
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    if output.status.success() {
        Ok(said)
    } else {
        Err(said)
    }
}

/// survey-systems.md §5.2: behind a real PgBouncer with a pool of two
/// server connections, in transaction and in session pooling, two
/// `campo serve` instances take two offices' responses while imports run,
/// and every write is stored: nothing is refused for a statement prepared
/// on another client's connection, and `serve dump` works every time.
#[test]
#[cfg_attr(
    no_pgbouncer,
    ignore = "PgBouncer is not installed (apt-get install pgbouncer)"
)]
fn behind_pgbouncer_every_write_is_stored_and_dumps_work() {
    use support::backend::{Bouncer, PoolMode};
    use support::server::{Server, add_token, campo};
    // Transaction pooling shares two server connections among them all;
    // session pooling gives each client connection its own for as long as
    // it is open, so there the pool holds every instance's (README).
    for (mode, size) in [(PoolMode::Transaction, 2), (PoolMode::Session, 60)] {
        let Some(bouncer) = Bouncer::start(mode, size) else {
            return;
        };
        let direct = support::backend::cluster().unwrap().new_database();
        let db = bouncer.url_of(&direct);
        let tokens = [add_token(&db, "office-a"), add_token(&db, "office-b")];
        let servers = [Server::start(&db), Server::start(&db)];
        let offices = [responses_folder(0, 100), responses_folder(100, 100)];
        let imports = [responses_folder(200, 150), responses_folder(350, 150)];
        let failures: Vec<String> = thread::scope(|scope| {
            let mut runs = Vec::new();
            for ((office, server), token) in offices.iter().zip(&servers).zip(&tokens) {
                runs.push(scope.spawn(move || {
                    succeeded(
                        campo(&["--data-dir", office.path().to_str().unwrap(), "sync"])
                            .args(["--server", &server.url, "--token", token])
                            .env("CAMPO_CONFIG", office.path().join("none.toml"))
                            .output()
                            .unwrap(),
                    )
                }));
            }
            for folder in &imports {
                let db = &db;
                runs.push(scope.spawn(move || {
                    let dir = folder.path().join("responses");
                    let import = || {
                        campo(&["serve", "--db", db, "import", dir.to_str().unwrap()])
                            .output()
                            .unwrap()
                    };
                    succeeded(import()).and_then(|_| succeeded(import()))
                }));
            }
            runs.into_iter()
                .filter_map(|run| run.join().unwrap().err())
                .collect()
        });
        assert!(failures.is_empty(), "{failures:#?}\n{}", bouncer.log());
        for _ in 0..3 {
            let out = tempfile::tempdir().unwrap();
            let dump = campo(&["serve", "--db", &db, "dump", "--out"])
                .arg(out.path())
                .output()
                .unwrap();
            if let Err(said) = succeeded(dump) {
                panic!("{mode:?}: {said}\n{}", bouncer.log());
            }
            assert_eq!(
                std::fs::read_dir(out.path().join("responses"))
                    .unwrap()
                    .count(),
                500,
                "{mode:?}"
            );
        }
        assert!(
            !bouncer.log().contains("already exists"),
            "{}",
            bouncer.log()
        );
    }
}

/// A database that fails (here, a table gone) is said with PostgreSQL's
/// SQLSTATE and message, and stops an import there: the file being stored
/// is not blamed as "not a campo response".
#[test]
#[cfg_attr(
    no_postgres,
    ignore = "PostgreSQL is not installed (apt-get install postgresql)"
)]
fn a_database_failure_is_said_with_its_sqlstate_and_blames_no_document() {
    use support::server::campo;
    let Some(db) = Db::fresh(Backend::Postgres) else {
        return;
    };
    let storage = open(&db, Bounds::default());
    let mut admin = postgres::Client::connect(db.arg(), postgres::NoTls).unwrap();
    admin.batch_execute("DROP TABLE versions CASCADE").unwrap();
    let error = storage.latest_responses().unwrap_err();
    assert!(error.0.contains("42P01"), "{error:?}");

    let folder = responses_folder(0, 3);
    let import = campo(&["--lang", "en", "serve", "--db", db.arg(), "import"])
        .arg(folder.path().join("responses"))
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&import.stdout),
        String::from_utf8_lossy(&import.stderr)
    );
    assert!(!import.status.success(), "{said}");
    assert!(said.contains("The import stopped at"), "{said}");
    assert!(said.contains("42P01"), "{said}");
    assert!(!said.contains("not a campo response"), "{said}");
}
