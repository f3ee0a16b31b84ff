use std::fs::{self, DirBuilder};
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use uuid::Uuid;

use crate::io_failure::IoFailure;

use super::confirmations::{Confirmations, confirm};
use super::summary::{Index, Recipe};
use super::{EditLock, Listed, Lock, Response, Responses, StoreError, write_atomic};

/// A data folder: `responses/` holds one `<id>.json` per response, `trash/`
/// what was deleted, `.campo-index` what listings show of each (a
/// cache of the files, see [`super::summary`]).
#[derive(Debug, Clone)]
pub struct DataDir {
    root: PathBuf,
    pub(super) recipe: Arc<Recipe>,
    /// The index as last read or made, so that listing again reads only
    /// what changed.
    pub(super) index: Arc<Mutex<Option<Index>>>,
    /// The confirmations log as last read, with the size and time it had
    /// then: read again only when it changed.
    pub(super) confirmations: Arc<Mutex<Option<ReadLog>>>,
}

/// The log's size and time when read (none: no log), and what it said.
pub(super) type ReadLog = (Option<(u64, std::time::SystemTime)>, Arc<Confirmations>);

impl DataDir {
    /// Opens the folder, creating it (readable by its owner only) if needed.
    pub fn open(root: &Path) -> Result<DataDir, StoreError> {
        let data = DataDir {
            root: root.to_path_buf(),
            recipe: Recipe::state_only(),
            index: Arc::new(Mutex::new(None)),
            confirmations: Arc::new(Mutex::new(None)),
        };
        create_private_dir(&data.responses_dir())?;
        Ok(data)
    }

    /// Listings take from each response what `recipe` says.
    pub fn summarized_by(mut self, recipe: Recipe) -> DataDir {
        self.recipe = Arc::new(recipe);
        self.index = Arc::new(Mutex::new(None));
        self
    }

    pub(super) fn index_path(&self) -> PathBuf {
        self.root.join(".campo-index")
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    pub(super) fn responses_dir(&self) -> PathBuf {
        self.root.join("responses")
    }

    /// Where a response's file is (or would be).
    pub fn file_of(&self, id: Uuid) -> PathBuf {
        self.responses_dir().join(format!("{id}.json"))
    }

    /// The response files, skipping temporary files of writes in progress.
    pub(super) fn response_files(&self) -> Result<Vec<PathBuf>, StoreError> {
        let dir = self.responses_dir();
        crate::files::files_with_extension(&dir, "json").map_err(|e| io_error(&dir, &e))
    }

    pub(super) fn read_file(path: &Path) -> Result<Response, StoreError> {
        let bytes =
            crate::files::read_regular(path, crate::files::MAX_FILE_BYTES).map_err(|failure| {
                StoreError::Io {
                    path: path.display().to_string(),
                    failure,
                }
            })?;
        let response = Response::from_json(&bytes).map_err(|damage| damaged(path, damage))?;
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if stem != response.id.to_string() {
            return Err(damaged(
                path,
                super::Damage::MisnamedFile {
                    id: response.id.to_string(),
                },
            ));
        }
        Ok(response)
    }

    /// Temporary files left by saves that were interrupted (a kill, a power
    /// cut): the response file itself is whole, these are safe to delete.
    pub fn leftover_temporary_files(&self) -> Result<Vec<String>, StoreError> {
        let dir = self.responses_dir();
        let entries = fs::read_dir(&dir).map_err(|e| io_error(&dir, &e))?;
        let mut found: Vec<String> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(".campo-") && n.ends_with(".part"))
            })
            .map(|p| p.display().to_string())
            .collect();
        found.sort();
        Ok(found)
    }
}

impl Responses for DataDir {
    /// Newest first, then the files that cannot be read (see
    /// `passes.rs`).
    fn list(&self) -> Result<Vec<Listed>, StoreError> {
        self.summaries()
    }

    fn each(&self, visit: &mut dyn FnMut(Result<Response, StoreError>)) -> Result<(), StoreError> {
        self.read_each(visit)
    }

    fn list_quickly(&self) -> Result<Vec<Listed>, StoreError> {
        self.summaries_unchecked()
    }

    fn summary_of(&self, response: &Response) -> super::Summary {
        self.recipe.summarize(response)
    }

    fn load(&self, id: Uuid) -> Result<Response, StoreError> {
        let path = self.file_of(id);
        if !path.exists() {
            return Err(StoreError::NoSuchResponse { id: id.to_string() });
        }
        let mut response = Self::read_file(&path)?;
        confirm(&mut response, &*self.confirmations()?);
        Ok(response)
    }

    fn save(&self, response: &Response) -> Result<(), StoreError> {
        let path = self.file_of(response.id);
        self.refuse_to_go_back(&path, response)?;
        write_atomic(&path, &response.to_json()).map_err(|e| io_error(&path, &e))
    }

    fn delete(&self, id: Uuid) -> Result<(), StoreError> {
        // Never from under a session that has it open: its next save would
        // bring the file back.
        let _lock = match self.lock(id)? {
            Lock::Mine(lock) => lock,
            Lock::Elsewhere { holder, .. } => return Err(StoreError::Locked { holder }),
        };
        let trash = self.root.join("trash");
        create_private_dir(&trash)?;
        let from = self.file_of(id);
        let to = trash.join(format!("{id}.json"));
        fs::rename(&from, &to).map_err(|e| io_error(&from, &e))
    }

    fn location(&self, id: Uuid) -> String {
        self.file_of(id).display().to_string()
    }

    /// A session left idle (a dropped link, a frozen client) is asked to
    /// save and let go, and failing that ended.
    fn take_over(&self, id: Uuid) -> Result<EditLock, StoreError> {
        super::locks::take_over(&self.root, id)
    }

    fn lock(&self, id: Uuid) -> Result<Lock, StoreError> {
        super::locks::take(&self.root, id)
    }
}

impl DataDir {
    /// A save may only move a response forwards: a file on disk with a
    /// higher revision was written by someone else and is kept, and a
    /// damaged one is never written over.
    fn refuse_to_go_back(&self, path: &Path, response: &Response) -> Result<(), StoreError> {
        let on_disk = match Self::read_file(path) {
            Ok(on_disk) => on_disk,
            Err(StoreError::Io {
                failure: IoFailure::NotFound,
                ..
            }) => return Ok(()),
            // A link in place of the file is replaced, as it always was;
            // the file it points to is left alone.
            Err(StoreError::Io {
                failure: IoFailure::Link,
                ..
            }) => return Ok(()),
            Err(error) => return Err(error),
        };
        if on_disk.revision > response.revision {
            return Err(StoreError::Stale {
                path: path.display().to_string(),
                on_disk: on_disk.revision,
                ours: response.revision,
            });
        }
        Ok(())
    }

    /// Saves many responses at once, each atomically, with two flushes in
    /// all (see [`write_all_atomic`]); the caller holds their locks. A
    /// response the disk has a later revision of is left out and said.
    pub fn save_all(&self, responses: &[Response]) -> Result<(), StoreError> {
        let paths: Vec<PathBuf> = responses.iter().map(|r| self.file_of(r.id)).collect();
        for (path, response) in paths.iter().zip(responses) {
            self.refuse_to_go_back(path, response)?;
        }
        let files: Vec<(&Path, Vec<u8>)> = paths
            .iter()
            .zip(responses)
            .map(|(path, response)| (path.as_path(), response.to_json()))
            .collect();
        let dir = self.root.join("responses");
        crate::store::write_all_atomic(&dir, &files).map_err(|e| io_error(&dir, &e))
    }

    /// Waits until no other session has the response, then takes it. Blocks:
    /// call it from a thread of its own.
    pub fn wait_for_lock(&self, id: Uuid) -> Result<EditLock, StoreError> {
        super::locks::wait(&self.root, id)
    }

    /// Takes the response from a session left idle (a dropped link, a
    /// frozen client): asks it to save and let go, and failing that ends
    /// it. Blocks for seconds: call it from a thread of its own.
    pub fn take_over(&self, id: Uuid) -> Result<EditLock, StoreError> {
        super::locks::take_over(&self.root, id)
    }
}

pub(super) fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| io_error(dir, &e))
}

pub(super) fn io_error(path: &Path, error: &std::io::Error) -> StoreError {
    StoreError::io(path, error)
}

fn damaged(path: &Path, damage: super::Damage) -> StoreError {
    StoreError::Damaged {
        path: path.display().to_string(),
        damage,
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use chrono::Utc;

    use super::*;
    use crate::form::{Answer, FormRef};
    use crate::store::Damage;

    fn data() -> (tempfile::TempDir, DataDir) {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::open(&dir.path().join("campo")).unwrap();
        (dir, data)
    }

    fn new_response() -> Response {
        Response::new(
            FormRef {
                id: "f".into(),
                version: 1,
            },
            "it",
            Utc::now(),
        )
    }

    #[test]
    fn saves_load_back_with_a_higher_revision() {
        let (_dir, data) = data();
        let mut response = new_response();
        response
            .answers
            .insert("dept_name".into(), Answer::One("DSM Valle d'Aosta".into()));
        data.save(&response).unwrap();
        response.revision = 2;
        data.save(&response).unwrap();
        let loaded = data.load(response.id).unwrap();
        assert_eq!(loaded.revision, 2);
        assert_eq!(loaded, response);
    }

    #[test]
    fn the_folder_is_private() {
        let (_dir, data) = data();
        for dir in [data.root().to_path_buf(), data.responses_dir()] {
            assert_eq!(
                fs::metadata(&dir).unwrap().permissions().mode() & 0o777,
                0o700,
                "{dir:?}"
            );
        }
    }

    #[test]
    fn damaged_files_are_listed_with_their_path_and_left_untouched() {
        let (_dir, data) = data();
        let good = new_response();
        data.save(&good).unwrap();
        let bad = data.responses_dir().join("broken.json");
        fs::write(&bad, b"{\"id\": ").unwrap();
        fs::write(data.responses_dir().join(".campo-x.part"), b"half").unwrap();
        let listed = data.list().unwrap();
        assert_eq!(listed.len(), 2);
        assert!(matches!(&listed[0], Listed::Response(r) if r.id == good.id));
        match &listed[1] {
            Listed::Broken(StoreError::Damaged { path, damage }) => {
                assert_eq!(path, &bad.display().to_string());
                assert_eq!(damage, &Damage::Truncated);
            }
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(fs::read(&bad).unwrap(), b"{\"id\": ");
    }

    #[test]
    fn newest_change_comes_first() {
        let (_dir, data) = data();
        let older = new_response();
        let mut newer = new_response();
        data.save(&older).unwrap();
        data.save(&newer).unwrap();
        newer.updated = older.updated + chrono::Duration::seconds(5);
        write_atomic(&data.file_of(newer.id), &newer.to_json()).unwrap();
        let ids: Vec<Uuid> = data
            .list()
            .unwrap()
            .iter()
            .filter_map(|l| match l {
                Listed::Response(r) => Some(r.id),
                _ => None,
            })
            .collect();
        assert_eq!(ids, [newer.id, older.id]);
    }

    #[test]
    fn ids_resolve_from_unique_prefixes() {
        let (_dir, data) = data();
        let response = new_response();
        data.save(&response).unwrap();
        let full = response.id.to_string();
        assert_eq!(data.resolve(&full[..6]).unwrap(), response.id);
        assert_eq!(data.resolve(&full.to_uppercase()).unwrap(), response.id);
        assert_eq!(
            data.resolve("zzzz"),
            Err(StoreError::NoSuchResponse { id: "zzzz".into() })
        );
        assert_eq!(
            data.resolve(""),
            Err(StoreError::NoSuchResponse { id: "".into() })
        );
        let mut first = new_response();
        first.id = "abcd0001-0000-4000-8000-000000000000".parse().unwrap();
        let mut second = new_response();
        second.id = "abcd0002-0000-4000-8000-000000000000".parse().unwrap();
        data.save(&first).unwrap();
        data.save(&second).unwrap();
        assert_eq!(
            data.resolve("abcd"),
            Err(StoreError::Ambiguous {
                prefix: "abcd".into(),
                matches: 2
            })
        );
        assert_eq!(data.resolve("abcd0002").unwrap(), second.id);
    }

    #[test]
    fn a_file_whose_name_does_not_match_its_id_is_damaged() {
        let (_dir, data) = data();
        let response = new_response();
        let path = data.responses_dir().join("copy.json");
        fs::write(&path, response.to_json()).unwrap();
        assert!(matches!(
            &data.list().unwrap()[0],
            Listed::Broken(StoreError::Damaged {
                damage: Damage::MisnamedFile { .. },
                ..
            })
        ));
    }

    #[test]
    fn delete_moves_to_the_trash() {
        let (_dir, data) = data();
        let response = new_response();
        data.save(&response).unwrap();
        data.delete(response.id).unwrap();
        assert!(data.list().unwrap().is_empty());
        assert!(
            data.root()
                .join("trash")
                .join(format!("{}.json", response.id))
                .exists()
        );
        assert_eq!(
            data.load(response.id),
            Err(StoreError::NoSuchResponse {
                id: response.id.to_string()
            })
        );
    }

    #[test]
    fn a_save_never_moves_a_revision_backwards() {
        let (_dir, data) = data();
        let mut response = new_response();
        response.revision = 5;
        data.save(&response).unwrap();
        let mut stale = response.clone();
        stale.revision = 2;
        assert!(matches!(
            data.save(&stale),
            Err(StoreError::Stale {
                on_disk: 5,
                ours: 2,
                ..
            })
        ));
        assert_eq!(data.load(response.id).unwrap().revision, 5);
    }

    #[test]
    fn a_damaged_file_is_never_written_over() {
        let (_dir, data) = data();
        let response = new_response();
        let path = data.file_of(response.id);
        fs::write(&path, b"{\"id\": ").unwrap();
        assert!(matches!(
            data.save(&response),
            Err(StoreError::Damaged { .. })
        ));
        assert_eq!(fs::read(&path).unwrap(), b"{\"id\": ");
    }

    #[test]
    fn a_response_open_elsewhere_is_not_deleted() {
        let (_dir, data) = data();
        let response = new_response();
        data.save(&response).unwrap();
        let Lock::Mine(_held) = data.lock(response.id).unwrap() else {
            panic!("the first lock is ours")
        };
        assert!(matches!(
            data.delete(response.id),
            Err(StoreError::Locked { .. })
        ));
        assert!(data.load(response.id).is_ok());
    }

    #[test]
    fn fifos_links_and_folders_named_json_are_listed_as_unreadable() {
        let (_dir, data) = data();
        let good = new_response();
        data.save(&good).unwrap();
        let dir = data.responses_dir();
        let fifo = dir.join("aaaaaaaa-0000-4000-8000-000000000000.json");
        assert!(
            std::process::Command::new("mkfifo")
                .arg(&fifo)
                .status()
                .unwrap()
                .success()
        );
        std::os::unix::fs::symlink("/dev/zero", dir.join("zero.json")).unwrap();
        fs::create_dir(dir.join("x.json")).unwrap();
        let listed = data.list().unwrap();
        let failures: Vec<IoFailure> = listed
            .iter()
            .filter_map(|l| match l {
                Listed::Broken(StoreError::Io { failure, .. }) => Some(failure.clone()),
                _ => None,
            })
            .collect();
        assert_eq!(
            failures,
            [IoFailure::NotAFile, IoFailure::NotAFile, IoFailure::Link]
        );
        assert!(matches!(&listed[0], Listed::Response(r) if r.id == good.id));
    }
}
