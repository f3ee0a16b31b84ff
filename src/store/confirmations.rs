//! The server's confirmations, one JSON line each in
//! `<data dir>/confirmations.log`, appended a batch at a time and flushed
//! to disk once per batch: a sync no longer rewrites every response file to
//! note that the server has it. A response's record is the later (by
//! revision, then time) of the one in its file (written by earlier
//! versions of campo) and the last one here.
//!
//! A line cut short by a kill is one whose confirmation was never counted:
//! it is skipped, and the next sync hears "already there" and notes it
//! again. Deleting the file is always safe in the same way.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use std::sync::Arc;

use super::data_dir::io_error;
use super::{DataDir, Response, StoreError, SyncRecord};

const FILE_NAME: &str = "confirmations.log";

/// The last record of each response in the log.
pub type Confirmations = HashMap<Uuid, SyncRecord>;

#[derive(Serialize, Deserialize)]
struct Line {
    id: Uuid,
    #[serde(flatten)]
    record: SyncRecord,
}

pub fn path_in(root: &Path) -> PathBuf {
    root.join(FILE_NAME)
}

/// The log's records; none if there is no log yet.
pub fn read(root: &Path) -> Result<Confirmations, StoreError> {
    let path = path_in(root);
    let mut bytes = Vec::new();
    match File::open(&path) {
        Ok(mut file) => file
            .read_to_end(&mut bytes)
            .map_err(|e| io_error(&path, &e))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Confirmations::new()),
        Err(e) => return Err(io_error(&path, &e)),
    };
    let mut confirmations = Confirmations::new();
    for line in bytes.split(|b| *b == b'\n') {
        // Anything else than a whole line (a kill mid-append) says nothing.
        let Ok(Line { id, record }) = serde_json::from_slice::<Line>(line) else {
            continue;
        };
        let newer = later(confirmations.get(&id), Some(&record)).cloned();
        confirmations.insert(id, newer.expect("one of the two is there"));
    }
    Ok(confirmations)
}

/// The later of two records of the same response: the higher revision,
/// then the later time.
pub fn later<'a>(a: Option<&'a SyncRecord>, b: Option<&'a SyncRecord>) -> Option<&'a SyncRecord> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if (b.revision, b.at) >= (a.revision, a.at) {
            b
        } else {
            a
        }),
        (a, b) => a.or(b),
    }
}

/// Appends `records` and flushes them to disk before returning: only then
/// may a sync count them. Sessions appending at once take turns (a lock
/// on the log itself); a line cut short before is ended first.
pub fn append(root: &Path, records: &[(Uuid, SyncRecord)]) -> Result<(), StoreError> {
    if records.is_empty() {
        return Ok(());
    }
    let path = path_in(root);
    let fail = |e: std::io::Error| io_error(&path, &e);
    let created = !path.exists();
    let mut file = OpenOptions::new()
        .read(true)
        .append(true)
        .create(true)
        .mode(0o600)
        .open(&path)
        .map_err(fail)?;
    file.lock().map_err(fail)?;
    let mut lines = Vec::new();
    if !ends_a_line(&mut file).map_err(fail)? {
        lines.push(b'\n');
    }
    for (id, record) in records {
        let line = Line {
            id: *id,
            record: record.clone(),
        };
        serde_json::to_writer(&mut lines, &line).expect("a record serialises");
        lines.push(b'\n');
    }
    file.write_all(&lines).map_err(fail)?;
    file.sync_data().map_err(fail)?;
    if created {
        File::open(root)
            .and_then(|dir| dir.sync_all())
            .map_err(fail)?;
    }
    Ok(())
}

/// Whether the file is empty or ends with a line feed.
fn ends_a_line(file: &mut File) -> std::io::Result<bool> {
    if file.metadata()?.len() == 0 {
        return Ok(true);
    }
    file.seek(SeekFrom::End(-1))?;
    let mut last = [0u8];
    file.read_exact(&mut last)?;
    Ok(last[0] == b'\n')
}

impl DataDir {
    /// Notes the server's word on these responses (the confirmations log,
    /// flushed to disk before this returns); their files are left as they
    /// are.
    pub fn record_confirmations(&self, records: &[(Uuid, SyncRecord)]) -> Result<(), StoreError> {
        append(self.root(), records)
    }

    /// The confirmations log, read again if it changed since last time.
    pub(super) fn confirmations(&self) -> Result<Arc<Confirmations>, StoreError> {
        let path = path_in(self.root());
        let stamp = std::fs::metadata(&path)
            .ok()
            .map(|m| (m.len(), m.modified().unwrap_or(std::time::UNIX_EPOCH)));
        let mut cache = self.confirmations.lock().unwrap_or_else(|p| p.into_inner());
        if let Some((seen, read)) = cache.as_ref()
            && *seen == stamp
        {
            return Ok(read.clone());
        }
        let read = Arc::new(read(self.root())?);
        *cache = Some((stamp, read.clone()));
        Ok(read)
    }
}

/// The response with the later of its file's record and the log's.
pub fn confirm(response: &mut Response, confirmations: &Confirmations) {
    if let Some(logged) = confirmations.get(&response.id) {
        response.sync = later(response.sync.as_ref(), Some(logged)).cloned();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(revision: u64, minute: u32) -> SyncRecord {
        SyncRecord {
            server: "https://example.org/".into(),
            revision,
            at: chrono::TimeZone::with_ymd_and_hms(&chrono::Utc, 2026, 12, 3, 8, minute, 0)
                .unwrap(),
            refused: None,
        }
    }

    #[test]
    fn the_last_word_on_each_response_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        append(dir.path(), &[(a, record(1, 0)), (b, record(1, 0))]).unwrap();
        append(dir.path(), &[(a, record(2, 1))]).unwrap();
        // An older word arriving late does not undo a newer one.
        append(dir.path(), &[(b, record(1, 2)), (a, record(1, 3))]).unwrap();
        let read = read(dir.path()).unwrap();
        assert_eq!(read[&a], record(2, 1));
        assert_eq!(read[&b], record(1, 2));
    }

    #[test]
    fn a_line_cut_short_by_a_kill_is_skipped_and_ended_by_the_next_append() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        append(dir.path(), &[(a, record(1, 0))]).unwrap();
        let mut file = OpenOptions::new()
            .append(true)
            .open(path_in(dir.path()))
            .unwrap();
        file.write_all(br#"{"id":"#).unwrap();
        assert_eq!(read(dir.path()).unwrap().len(), 1);
        append(dir.path(), &[(b, record(1, 0))]).unwrap();
        let read = read(dir.path()).unwrap();
        assert_eq!((read[&a].revision, read[&b].revision), (1, 1));
    }

    #[test]
    fn no_log_is_no_confirmation() {
        let dir = tempfile::tempdir().unwrap();
        assert!(read(dir.path()).unwrap().is_empty());
    }
}
