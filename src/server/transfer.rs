//! The team's transfers between the server and data folders: `serve
//! import` takes in a folder written by `campo sync --to` (or any campo
//! folder), `serve dump` writes the current revisions out into one.

use std::path::{Path, PathBuf};

use super::storage::{self, Storage, StorageError};
use super::{Server, answer_to, check};
use crate::protocol::{Accepted, MAX_BODY_BYTES, Refusal};
use crate::store::{DataDir, StoreError, write_all_atomic};

/// What an import did with each file.
#[derive(Debug, Default)]
pub struct ImportSummary {
    pub stored: usize,
    pub already_there: usize,
    pub refused: Vec<(PathBuf, Refusal)>,
    /// Files not read: not regular files, links, or too large.
    pub unreadable: Vec<(PathBuf, crate::io_failure::IoFailure)>,
    /// The database failed: the import stopped there. The file it was
    /// storing is not to blame, and those after it were not tried.
    pub stopped: Option<(PathBuf, StorageError)>,
}

/// Ingests a folder written by `campo sync --to`, with the same checks and
/// the same idempotency as the HTTP API.
pub fn import(server: &Server, dir: &Path) -> Result<ImportSummary, StoreError> {
    let files =
        crate::files::files_with_extension(dir, "json").map_err(|e| StoreError::io(dir, &e))?;
    let mut summary = ImportSummary::default();
    for path in files {
        // A folder, a FIFO, a link or a huge file is passed over and said:
        // an import folder may come on anyone's USB stick.
        let body = match crate::files::read_regular(&path, MAX_BODY_BYTES as u64) {
            Ok(body) => body,
            Err(failure) => {
                summary.unreadable.push((path, failure));
                continue;
            }
        };
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let checked = match check::check(&server.forms, &id, &body) {
            Ok(checked) => checked,
            Err(refusal) => {
                summary.refused.push((path, refusal));
                continue;
            }
        };
        let offer = storage::Offer {
            id: checked.response.id,
            revision: checked.response.revision,
            body: &checked.body,
            digest: &checked.digest,
            complete: checked.response.status == crate::store::Status::Complete,
            // Only the team imports: the unit is taken as written.
            unit: checked.response.unit.as_deref(),
        };
        let outcome = match server.storage.put_response(&offer, None) {
            Ok(outcome) => outcome,
            Err(error) => {
                summary.stopped = Some((path, error));
                break;
            }
        };
        match answer_to(outcome, offer.revision, &server.bounds) {
            Ok(Accepted::Stored { .. }) => summary.stored += 1,
            Ok(Accepted::AlreadyThere { .. }) => summary.already_there += 1,
            Err(refusal) => summary.refused.push((path, refusal)),
        }
    }
    Ok(summary)
}

/// Writes the current revision of every stored response into a campo data
/// folder, where every other campo command can read them.
pub fn dump(storage: &dyn Storage, out: &DataDir) -> Result<usize, DumpError> {
    let bodies = storage.latest_responses().map_err(DumpError::Storage)?;
    // A thousand files at a time, each atomic, two flushes for them all
    // (not one a file: 100,000 responses would take minutes of fsync).
    for chunk in bodies.chunks(1024) {
        let paths = chunk
            .iter()
            .map(|body| {
                let response = crate::store::Response::from_json(body).map_err(|_| {
                    DumpError::Storage(StorageError("a stored document no longer parses".into()))
                })?;
                Ok(out.file_of(response.id))
            })
            .collect::<Result<Vec<PathBuf>, DumpError>>()?;
        let files: Vec<(&Path, Vec<u8>)> = paths
            .iter()
            .zip(chunk)
            .map(|(path, body)| (path.as_path(), body.clone()))
            .collect();
        let dir = out.root().join("responses");
        write_all_atomic(&dir, &files).map_err(|e| DumpError::Store(StoreError::io(&dir, &e)))?;
    }
    Ok(bodies.len())
}

#[derive(Debug)]
pub enum DumpError {
    Storage(StorageError),
    Store(StoreError),
}
