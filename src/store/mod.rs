//! Responses on disk: one JSON file per response in `<data dir>/responses/`,
//! every write atomic. Storage knows the document format and the file
//! system, and nothing about how either is shown to people.

mod atomic;
mod confirmations;
mod data_dir;
mod document;
mod locks;
mod passes;
mod reading;
mod summary;

pub use atomic::{AtomicFile, write_all_atomic, write_atomic};
pub use data_dir::DataDir;
pub use document::{Damage, FORMAT_VERSION, ForUnit, Response, Status, SyncRecord, SyncState};
pub use summary::{Recipe, Summary};

use uuid::Uuid;

use crate::io_failure::IoFailure;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// A file that cannot be read as a response; it is left as it is.
    Damaged {
        path: String,
        damage: Damage,
    },
    Io {
        path: String,
        failure: IoFailure,
    },
    NoSuchResponse {
        id: String,
    },
    /// The file on disk has a later revision than the one being saved:
    /// another session wrote it. It is kept, and nothing is written.
    Stale {
        path: String,
        on_disk: u64,
        ours: u64,
    },
    /// Another session has the response open.
    Locked {
        holder: String,
    },
    /// An id prefix that fits more than one response.
    Ambiguous {
        prefix: String,
        matches: usize,
    },
}

impl StoreError {
    /// A file-system failure on `path`, in campo's terms.
    pub fn io(path: &std::path::Path, error: &std::io::Error) -> StoreError {
        StoreError::Io {
            path: path.display().to_string(),
            failure: error.into(),
        }
    }
}

/// One entry of a data folder listing.
#[derive(Debug, Clone)]
pub enum Listed {
    Response(std::sync::Arc<Summary>),
    /// A file that could not be read: damaged, or unreadable.
    Broken(StoreError),
}

/// Proof that this process has a response to itself: others who try get
/// [`Lock::Elsewhere`] until it is dropped (or the process dies, at which
/// point the system releases it).
pub struct EditLock {
    file: std::fs::File,
    /// Where the lock file is: removed as the lock is let go, so that a
    /// folder does not keep a lock file for every response ever opened.
    path: std::path::PathBuf,
}

impl Drop for EditLock {
    fn drop(&mut self) {
        locks::remove_own(&self.path, &self.file);
    }
}

impl EditLock {
    /// Says the session holding it is still in use: the lock file's time
    /// is its last key. (A metadata update, no data written, no fsync.)
    pub fn touch(&self) {
        let _ = self.file.set_modified(std::time::SystemTime::now());
    }
}

impl std::fmt::Debug for EditLock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EditLock")
    }
}

pub enum Lock {
    Mine(EditLock),
    /// Another session has it open; `holder` says who, as it wrote it,
    /// and `idle` how long since that session was last used (when known).
    Elsewhere {
        holder: String,
        idle: Option<std::time::Duration>,
    },
}

/// What the rest of campo needs from storage. The TUI holds one of these and
/// never touches files itself.
pub trait Responses {
    /// Every response, newest change first, then the damaged files.
    /// What listings show of every response, newest first, then the
    /// files that cannot be read.
    fn list(&self) -> Result<Vec<Listed>, StoreError>;
    /// Every response, read whole, one after the other: for passes over
    /// all of them (reports, exports, checks) that keep none.
    fn each(&self, visit: &mut dyn FnMut(Result<Response, StoreError>)) -> Result<(), StoreError>;
    /// The listing as the store last knew it, quickly, not yet checked
    /// against the files: a screen shows it while [`Responses::list`]
    /// checks. A store without such a memory lists.
    fn list_quickly(&self) -> Result<Vec<Listed>, StoreError> {
        self.list()
    }
    /// What a listing shows of this response.
    fn summary_of(&self, response: &Response) -> Summary {
        Recipe::state_only().summarize(response)
    }
    fn load(&self, id: Uuid) -> Result<Response, StoreError>;
    /// Writes the response at once and atomically, as it is.
    fn save(&self, response: &Response) -> Result<(), StoreError>;
    /// Moves the response out of the way (to the data folder's trash).
    fn delete(&self, id: Uuid) -> Result<(), StoreError>;
    /// Where a response lives, to tell the user.
    fn location(&self, id: Uuid) -> String;
    /// Takes the response for editing if no other session has it.
    fn lock(&self, id: Uuid) -> Result<Lock, StoreError>;
    /// Takes the response from a session left idle (it saves and lets go,
    /// or is ended). Blocks for seconds. A store that cannot says so.
    fn take_over(&self, id: Uuid) -> Result<EditLock, StoreError> {
        let _ = id;
        Err(StoreError::Locked {
            holder: String::new(),
        })
    }
}
