//! The SQLite storage's own tests.
use super::*;

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
        db.put_response(id, 1, b"one", Some("t")).unwrap(),
        PutOutcome::Stored
    );
    assert_eq!(
        db.put_response(id, 1, b"one", Some("t")).unwrap(),
        PutOutcome::AlreadyThere
    );
    assert_eq!(
        db.put_response(id, 1, b"uno", Some("t")).unwrap(),
        PutOutcome::Conflict
    );
    assert_eq!(
        db.put_response(id, 3, b"three", Some("t")).unwrap(),
        PutOutcome::Stored
    );
    assert_eq!(
        db.put_response(id, 2, b"two", Some("t")).unwrap(),
        PutOutcome::Stale { current: 3 }
    );
    assert_eq!(db.current_response(id, "t").unwrap().unwrap(), b"three");
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

#[test]
fn a_response_belongs_to_the_token_that_first_stored_it() {
    let (_dir, db) = storage();
    let id = Uuid::new_v4();
    assert_eq!(
        db.put_response(id, 2, b"a", Some("verona")).unwrap(),
        PutOutcome::Stored
    );
    assert_eq!(
        db.put_response(id, i64::MAX as u64, b"tampered", Some("milano"))
            .unwrap(),
        PutOutcome::NotYours
    );
    assert_eq!(db.current_response(id, "milano").unwrap(), None);
    assert_eq!(db.current_response(id, "verona").unwrap().unwrap(), b"a");
    assert_eq!(
        db.put_response(id, 3, b"b", Some("verona")).unwrap(),
        PutOutcome::Stored
    );
    // Imported by the team: the first office to send it owns it.
    let imported = Uuid::new_v4();
    assert_eq!(
        db.put_response(imported, 1, b"i", None).unwrap(),
        PutOutcome::Stored
    );
    assert_eq!(
        db.put_response(imported, 1, b"i", Some("verona")).unwrap(),
        PutOutcome::AlreadyThere
    );
    assert_eq!(
        db.current_response(imported, "verona").unwrap().unwrap(),
        b"i"
    );
    assert_eq!(
        db.put_response(imported, 2, b"j", Some("milano")).unwrap(),
        PutOutcome::NotYours
    );
}

#[test]
fn old_revisions_and_a_tokens_bytes_are_bounded() {
    let dir = tempfile::tempdir().unwrap();
    let bounds = Bounds {
        kept_revisions: 3,
        bytes_per_token: 1000,
    };
    let db = SqliteStorage::open(&dir.path().join("db.sqlite"), bounds).unwrap();
    let id = Uuid::new_v4();
    for revision in 1..=10 {
        assert_eq!(
            db.put_response(id, revision, &[b'x'; 100], Some("t"))
                .unwrap(),
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
        db.put_response(other, 1, &[b'y'; 701], Some("t")).unwrap(),
        PutOutcome::OverQuota
    );
    assert_eq!(
        db.put_response(other, 1, &[b'y'; 700], Some("t")).unwrap(),
        PutOutcome::Stored
    );
    assert_eq!(
        db.put_response(other, 2, &[b'y'; 1], Some("another"))
            .unwrap(),
        PutOutcome::NotYours
    );
}

#[test]
fn the_database_files_are_readable_by_their_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, db) = storage();
    db.put_response(Uuid::new_v4(), 1, b"x", Some("t")).unwrap();
    for name in ["db.sqlite", "db.sqlite-wal", "db.sqlite-shm"] {
        let mode = std::fs::metadata(dir.path().join(name))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{name}");
    }
}
