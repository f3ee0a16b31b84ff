//! The SQLite storage's own tests.
use super::*;

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
    db: &SqliteStorage,
    id: Uuid,
    revision: u64,
    body: &[u8],
    caller: Option<&Caller>,
) -> Result<PutOutcome, StorageError> {
    let offer = Offer {
        id,
        revision,
        body,
        complete: false,
        unit: caller.and_then(|c| c.unit.as_deref()),
    };
    db.put_response(&offer, caller)
}

fn storage() -> (tempfile::TempDir, SqliteStorage) {
    let dir = tempfile::tempdir().unwrap();
    let storage = SqliteStorage::open(&dir.path().join("db.sqlite"), Bounds::default()).unwrap();
    (dir, storage)
}

#[test]
fn revisions_are_idempotent_versioned_and_never_go_back() {
    let (_dir, db) = storage();
    let id = Uuid::new_v4();
    assert_eq!(
        put(&db, id, 1, b"one", Some(&office("t"))).unwrap(),
        PutOutcome::Stored
    );
    assert_eq!(
        put(&db, id, 1, b"one", Some(&office("t"))).unwrap(),
        PutOutcome::AlreadyThere
    );
    assert_eq!(
        put(&db, id, 1, b"uno", Some(&office("t"))).unwrap(),
        PutOutcome::Conflict
    );
    assert_eq!(
        put(&db, id, 3, b"three", Some(&office("t"))).unwrap(),
        PutOutcome::Stored
    );
    assert_eq!(
        put(&db, id, 2, b"two", Some(&office("t"))).unwrap(),
        PutOutcome::Stale { current: 3 }
    );
    assert_eq!(
        db.current_response(id, &office("t")).unwrap().unwrap(),
        b"three"
    );
    assert_eq!(db.revisions(id).unwrap(), [1, 3]);
    assert_eq!(db.latest_responses().unwrap(), [b"three".to_vec()]);
}

#[test]
fn tokens_are_found_by_hash_until_revoked() {
    let (_dir, db) = storage();
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

#[test]
fn a_response_belongs_to_the_token_that_first_stored_it() {
    let (_dir, db) = storage();
    let id = Uuid::new_v4();
    assert_eq!(
        put(&db, id, 2, b"a", Some(&office("verona"))).unwrap(),
        PutOutcome::Stored
    );
    assert_eq!(
        put(
            &db,
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
        put(&db, id, 3, b"b", Some(&office("verona"))).unwrap(),
        PutOutcome::Stored
    );
    // Imported by the team: the first office to send it owns it.
    let imported = Uuid::new_v4();
    assert_eq!(
        put(&db, imported, 1, b"i", None).unwrap(),
        PutOutcome::Stored
    );
    assert_eq!(
        put(&db, imported, 1, b"i", Some(&office("verona"))).unwrap(),
        PutOutcome::AlreadyThere
    );
    assert_eq!(
        db.current_response(imported, &office("verona"))
            .unwrap()
            .unwrap(),
        b"i"
    );
    assert_eq!(
        put(&db, imported, 2, b"j", Some(&office("milano"))).unwrap(),
        PutOutcome::NotYours
    );
}

#[test]
fn old_revisions_and_a_tokens_bytes_are_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let bounds = Bounds {
        kept_revisions: 3,
        bytes_per_token: 1000,
        ..Bounds::default()
    };
    let db = SqliteStorage::open(&dir.path().join("db.sqlite"), bounds).unwrap();
    let id = Uuid::new_v4();
    for revision in 1..=10 {
        assert_eq!(
            put(&db, id, revision, &[b'x'; 100], Some(&office("t"))).unwrap(),
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
        put(&db, other, 1, &[b'y'; 701], Some(&office("t"))).unwrap(),
        PutOutcome::OverQuota
    );
    assert_eq!(
        put(&db, other, 1, &[b'y'; 700], Some(&office("t"))).unwrap(),
        PutOutcome::Stored
    );
    assert_eq!(
        put(&db, other, 2, &[b'y'; 1], Some(&office("another"))).unwrap(),
        PutOutcome::NotYours
    );
}

#[test]
fn the_database_files_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, db) = storage();
    put(&db, Uuid::new_v4(), 1, b"x", Some(&office("t"))).unwrap();
    for name in ["db.sqlite", "db.sqlite-wal", "db.sqlite-shm"] {
        let mode = std::fs::metadata(dir.path().join(name))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{name}");
    }
}

fn frame_unit(code: &str) -> crate::server::frame::Unit {
    crate::server::frame::Unit {
        unit: code.into(),
        prefill: [("dept_name".to_string(), format!("DSM {code}"))].into(),
        population: Some(1000),
        emails: vec![],
        in_coverage: true,
    }
}

#[test]
fn a_unit_has_one_response_touched_only_by_its_own_tokens_and_the_team() {
    use crate::server::storage::Survey;
    let (_dir, db) = storage();
    db.put_frame(&[frame_unit("verona"), frame_unit("padova")])
        .unwrap();
    let (verona, padova) = (
        unit_token("verona/1", "verona"),
        unit_token("padova/1", "padova"),
    );
    let first = Uuid::new_v4();
    assert_eq!(
        put(&db, first, 1, b"a", Some(&verona)).unwrap(),
        PutOutcome::Stored
    );
    // Another office of the same unit reaches it; another unit does not.
    let verona_again = unit_token("verona/2", "verona");
    assert_eq!(
        put(&db, first, 2, b"b", Some(&verona_again)).unwrap(),
        PutOutcome::Stored
    );
    assert_eq!(
        put(&db, first, 3, b"x", Some(&padova)).unwrap(),
        PutOutcome::NotYours
    );
    assert_eq!(db.current_response(first, &padova).unwrap(), None);
    assert_eq!(
        put(&db, first, 3, b"x", Some(&office("plain"))).unwrap(),
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
        put(&db, second, 1, b"c", Some(&verona)).unwrap(),
        PutOutcome::UnitAnswered { first }
    );
    // …until the team withdraws the first: it is kept, but no longer counted.
    assert_eq!(db.withdraw(first).unwrap(), Some(Some("verona".into())));
    assert_eq!(
        put(&db, second, 1, b"c", Some(&verona)).unwrap(),
        PutOutcome::Stored
    );
    let units = db.unit_responses().unwrap();
    assert_eq!(units.len(), 1);
    assert_eq!((units[0].unit.as_str(), units[0].id), ("verona", second));
    assert_eq!(db.revisions(first).unwrap(), [1, 2]);
    assert_eq!(db.latest_responses().unwrap(), [b"c".to_vec()]);
    assert_eq!(db.withdraw(Uuid::new_v4()).unwrap(), None);
}

#[test]
fn a_right_code_registers_and_wrong_ones_are_limited_per_address() {
    use crate::server::storage::{Registration, Survey};
    let dir = tempfile::tempdir().unwrap();
    let bounds = Bounds {
        guesses_per_hour: 3,
        ..Bounds::default()
    };
    let db = SqliteStorage::open(&dir.path().join("db.sqlite"), bounds).unwrap();
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

#[test]
fn a_database_of_campo_0_1_is_migrated_and_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    {
        // The schema as campo 0.1 made it, without a version.
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(
            "CREATE TABLE tokens (name TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, created TEXT NOT NULL, revoked TEXT);
             CREATE TABLE versions (id TEXT NOT NULL, revision INTEGER NOT NULL, digest TEXT NOT NULL, body BLOB NOT NULL, received TEXT NOT NULL, token TEXT NOT NULL, PRIMARY KEY (id, revision));
             CREATE TABLE current (id TEXT PRIMARY KEY, revision INTEGER NOT NULL, digest TEXT NOT NULL);
             INSERT INTO tokens VALUES ('verona', 'h', '2026-01-01T00:00:00Z', NULL);
             INSERT INTO versions VALUES ('0a1b2c3d-0000-4000-8000-000000000001', 1, 'd', CAST('{\"status\":\"complete\"}' AS BLOB), '2026-01-02T00:00:00Z', 'verona');
             INSERT INTO current VALUES ('0a1b2c3d-0000-4000-8000-000000000001', 1, 'd');",
        )
        .unwrap();
    }
    let db = SqliteStorage::open(&path, Bounds::default()).unwrap();
    let id: Uuid = "0a1b2c3d-0000-4000-8000-000000000001".parse().unwrap();
    assert_eq!(db.caller("h").unwrap(), Some(office("verona")));
    assert_eq!(
        db.current_response(id, &office("verona")).unwrap().unwrap(),
        b"{\"status\":\"complete\"}"
    );
    assert_eq!(db.current_response(id, &office("milano")).unwrap(), None);
    let version: u32 = db
        .with(|c| c.pragma_query_value(None, "user_version", |r| r.get(0)))
        .unwrap();
    assert_eq!(version, schema::VERSION);
    drop(db);
    // Opening again runs nothing twice.
    SqliteStorage::open(&path, Bounds::default()).unwrap();
}
