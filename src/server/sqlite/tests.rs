//! What only the SQLite storage has: its files and its migrations. The
//! rules every backend keeps are tested on each in `tests/storage.rs`.
use super::*;

fn office(name: &str) -> Caller {
    Caller {
        name: name.into(),
        unit: None,
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
    let digest = crate::server::storage::digest(body);
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

fn storage() -> (tempfile::TempDir, SqliteStorage) {
    let dir = tempfile::tempdir().unwrap();
    let storage = SqliteStorage::open(&dir.path().join("db.sqlite"), Bounds::default()).unwrap();
    (dir, storage)
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
