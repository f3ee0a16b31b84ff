//! What a listing shows of each response, kept in an index beside the
//! files so that a folder of 100,000 responses lists in a fraction of a
//! second. The index is a cache, never the truth: an entry counts only
//! while its file has the same inode, size and modification time as when
//! it was read; any other file is read again, and a missing, damaged or
//! foreign index is simply rebuilt from the files.

use std::fs;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::document::{Response, Status, SyncState};
use crate::form::{Answer, Answers, FormRef, SectionProgress};

/// One response as listings show it: its state, and the few answers and
/// the progress the caller's [`Recipe`] takes from it.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub id: Uuid,
    pub form: FormRef,
    pub status: Status,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    pub revision: u64,
    pub unit: Option<String>,
    sync_state: SyncState,
    /// The answers the listing shows (the form's summary columns).
    pub answers: Answers,
    /// How far the response has got, when its form is known.
    pub progress: Option<SectionProgress>,
}

impl Summary {
    pub fn sync_state(&self) -> SyncState {
        self.sync_state
    }

    /// The state the server's last word gives this revision.
    pub(super) fn confirmed(&mut self, record: &super::SyncRecord) {
        self.sync_state = super::document::sync_state_of(Some(record), self.status, self.revision);
    }

    /// A short form of the id, as shown in lists (`campo edit` accepts it).
    pub fn short_id(&self) -> String {
        self.id.simple().to_string()[..8].to_string()
    }
}

/// What a listing takes from a response beyond its state: the storage
/// knows nothing of forms, so the caller says. `key` names the recipe
/// (forms and columns): an index made with another one is rebuilt.
pub struct Recipe {
    pub key: String,
    #[allow(clippy::type_complexity)]
    pub take: Box<dyn Fn(&Response) -> (Answers, Option<SectionProgress>) + Send + Sync>,
}

impl std::fmt::Debug for Recipe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recipe").field("key", &self.key).finish()
    }
}

impl Recipe {
    /// A recipe that takes nothing: state only.
    pub fn state_only() -> Arc<Recipe> {
        Arc::new(Recipe {
            key: String::new(),
            take: Box::new(|_| (Answers::new(), None)),
        })
    }

    pub fn summarize(&self, response: &Response) -> Summary {
        let (answers, progress) = (self.take)(response);
        Summary {
            id: response.id,
            form: response.form.clone(),
            status: response.status,
            created: response.created,
            updated: response.updated,
            revision: response.revision,
            unit: response.unit.clone(),
            sync_state: response.sync_state(),
            answers,
            progress,
        }
    }
}

/// Which version of a file an entry was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    inode: u64,
    size: u64,
    modified_ns: i64,
    /// The inode's change time, which no one can set back (`touch` and
    /// `utime` set the modification time only): a file rewritten in place
    /// with its size and modification time restored is still seen.
    changed_ns: i64,
}

impl Stamp {
    pub fn of(metadata: &fs::Metadata) -> Stamp {
        Stamp {
            inode: metadata.ino(),
            size: metadata.size(),
            modified_ns: metadata.mtime() * 1_000_000_000 + metadata.mtime_nsec(),
            changed_ns: metadata.ctime() * 1_000_000_000 + metadata.ctime_nsec(),
        }
    }
}

/// The largest index read: sixteen times what 100,000 responses take
/// (16 MB), and never the whole memory. (A FIFO or a link to /dev/zero is
/// not read at all.)
const MAX_INDEX_BYTES: u64 = 256 * 1024 * 1024;

/// The index: `<data dir>/.campo-index`, in postcard's compact binary
/// form (a JSON index of 100,000 responses took longer to read than the
/// listing it saves).
#[derive(Debug, Default)]
pub struct Index {
    recipe: String,
    /// In the order of their file names.
    entries: Vec<(String, Stamp, Arc<Summary>)>,
}

/// The index format: another one is rebuilt.
const INDEX_VERSION: u32 = 2;

/// The index file starts with this, and the entries follow one after
/// another, so that neither reading nor writing holds them all twice.
#[derive(Serialize, Deserialize)]
struct Header {
    version: u32,
    recipe: String,
}

/// One summary as the index keeps it: times as seconds and nanoseconds,
/// answers and sync state as plain codes.
#[derive(Serialize, Deserialize)]
struct Entry {
    name: String,
    stamp: Stamp,
    id: Uuid,
    form: (String, u32),
    complete: bool,
    created: (i64, u32),
    updated: (i64, u32),
    revision: u64,
    unit: Option<String>,
    sync_state: u8,
    answers: Vec<(String, Vec<String>, bool)>,
    progress: Option<(u32, u32, bool)>,
}

const SYNC_STATES: [SyncState; 6] = [
    SyncState::Draft,
    SyncState::NotSent,
    SyncState::Sent,
    SyncState::ChangedSinceSent,
    SyncState::Refused,
    SyncState::Withdrawn,
];

fn time_of(when: DateTime<Utc>) -> (i64, u32) {
    (when.timestamp(), when.timestamp_subsec_nanos())
}

impl Entry {
    fn of(name: &str, stamp: Stamp, summary: &Summary) -> Entry {
        Entry {
            name: name.to_string(),
            stamp,
            id: summary.id,
            form: (summary.form.id.clone(), summary.form.version),
            complete: summary.status == Status::Complete,
            created: time_of(summary.created),
            updated: time_of(summary.updated),
            revision: summary.revision,
            unit: summary.unit.clone(),
            sync_state: SYNC_STATES
                .iter()
                .position(|s| *s == summary.sync_state)
                .unwrap_or(0) as u8,
            answers: summary
                .answers
                .iter()
                .map(|(item, answer)| match answer {
                    Answer::One(code) => (item.clone(), vec![code.clone()], false),
                    Answer::Many(codes) => (item.clone(), codes.clone(), true),
                    // Shown in lists only, where "12" reads as 12.
                    Answer::Number(number) => (item.clone(), vec![number.to_string()], false),
                })
                .collect(),
            progress: summary
                .progress
                .map(|p| (p.answered as u32, p.asked as u32, p.undecided)),
        }
    }

    fn into_summary(self) -> Option<(String, Stamp, Summary)> {
        let time = |(secs, nanos): (i64, u32)| DateTime::from_timestamp(secs, nanos);
        let summary = Summary {
            id: self.id,
            form: FormRef {
                id: self.form.0,
                version: self.form.1,
            },
            status: if self.complete {
                Status::Complete
            } else {
                Status::Draft
            },
            created: time(self.created)?,
            updated: time(self.updated)?,
            revision: self.revision,
            unit: self.unit,
            sync_state: *SYNC_STATES.get(usize::from(self.sync_state))?,
            answers: self
                .answers
                .into_iter()
                .map(|(item, mut codes, many)| {
                    let answer = match (many, codes.pop()) {
                        (false, Some(code)) if codes.is_empty() => Answer::One(code),
                        (_, last) => Answer::Many(codes.into_iter().chain(last).collect()),
                    };
                    (item, answer)
                })
                .collect(),
            progress: self
                .progress
                .map(|(answered, asked, undecided)| SectionProgress {
                    answered: answered as usize,
                    asked: asked as usize,
                    undecided,
                }),
        };
        Some((self.name, self.stamp, summary))
    }
}

impl Index {
    /// The index at `path` if it was made by this campo with `recipe`;
    /// otherwise (missing, damaged, older, another recipe) an empty one.
    pub fn read(path: &Path, recipe: &str) -> Index {
        let mut entries = Vec::new();
        // Read as a response file is: a regular file, not a link, of
        // bounded size; anything else is no index.
        if let Ok(bytes) = crate::files::read_regular(path, MAX_INDEX_BYTES)
            && let Ok((header, mut rest)) = postcard::take_from_bytes::<Header>(&bytes)
            && header.version == INDEX_VERSION
            && header.recipe == recipe
        {
            while let Ok((entry, after)) = postcard::take_from_bytes::<Entry>(rest) {
                entries.extend(entry.into_summary());
                rest = after;
            }
            // A cut or damaged index is not used at all.
            if !rest.is_empty() {
                entries.clear();
            }
        }
        let mut entries: Vec<_> = entries
            .into_iter()
            .map(|(name, stamp, summary)| (name, stamp, Arc::new(summary)))
            .collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        Index {
            recipe: recipe.to_string(),
            entries,
        }
    }

    /// For each file (by name, in order of their names, with its stamp),
    /// its summary if the file is still the one it was made of.
    pub fn fresh<P>(
        &self,
        files: &[(String, P)],
        stamps: &[Option<Stamp>],
    ) -> Vec<Option<Arc<Summary>>> {
        let mut entries = self.entries.iter().peekable();
        files
            .iter()
            .zip(stamps)
            .map(|((name, _), stamp)| {
                while entries.next_if(|(known, _, _)| known < name).is_some() {}
                let (_, known, summary) = entries.next_if(|(known, _, _)| known == name)?;
                (Some(*known) == *stamp).then(|| summary.clone())
            })
            .collect()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every summary the index holds.
    pub fn all(&self) -> Vec<Arc<Summary>> {
        self.entries.iter().map(|(_, _, s)| Arc::clone(s)).collect()
    }

    /// Keeps exactly these entries (in order of their names); whether
    /// anything changed.
    pub fn replace(&mut self, entries: Vec<(String, Stamp, Arc<Summary>)>) -> bool {
        let changed = entries.len() != self.entries.len()
            || entries
                .iter()
                .zip(&self.entries)
                .any(|(new, old)| new.0 != old.0 || new.1 != old.1);
        self.entries = entries;
        changed
    }

    /// Writes the index atomically; a folder that cannot take it lists
    /// just the same, only slower next time.
    pub fn write(&self, path: &Path) {
        let header = Header {
            version: INDEX_VERSION,
            recipe: self.recipe.clone(),
        };
        let Ok(mut bytes) = postcard::to_stdvec(&header) else {
            return;
        };
        for (name, stamp, summary) in &self.entries {
            match postcard::to_extend(&Entry::of(name, *stamp, summary), bytes) {
                Ok(more) => bytes = more,
                Err(_) => return,
            }
        }
        let _ = super::write_atomic(path, &bytes);
    }
}

/// A response file's stamp (none if it cannot be looked at).
pub fn stamp(path: &Path) -> Option<Stamp> {
    fs::symlink_metadata(path).ok().map(|m| Stamp::of(&m))
}
