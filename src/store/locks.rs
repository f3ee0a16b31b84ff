//! `locks/<id>.lock`: an advisory lock per response (flock), released by
//! the kernel when its holder ends, however it ends. The file is never
//! opened through a link, and says who holds it ("user pid").
//!
//! The holder removes the file as it lets go. Whoever was waiting on the
//! removed file then holds a lock on a file no longer in the folder: it
//! checks, after locking, that the path still names the file it locked,
//! and otherwise starts again on the file now there.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use uuid::Uuid;

use super::data_dir::{create_private_dir, io_error};
use super::{EditLock, Lock, StoreError};
use crate::io_failure::IoFailure;

/// Takes the response's lock if no other session has it.
pub(super) fn take(root: &Path, id: Uuid) -> Result<Lock, StoreError> {
    let (path, mut file) = lock_file(root, id)?;
    match file.try_lock() {
        Ok(()) if !still_there(&path, &file) => take(root, id),
        Ok(()) => {
            sign(&mut file);
            Ok(Lock::Mine(EditLock { file, path }))
        }
        Err(TryLockError::WouldBlock) => {
            let holder = crate::text::printable(read_note(&mut file).trim());
            let idle = file
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|at| at.elapsed().ok());
            Ok(Lock::Elsewhere { holder, idle })
        }
        Err(TryLockError::Error(e)) => Err(io_error(&path, &e)),
    }
}

/// `locks/<id>.lock`: an advisory lock per response, beside the files
/// rather than on them, since every save replaces the response's file.
fn lock_file(root: &Path, id: Uuid) -> Result<(PathBuf, File), StoreError> {
    let dir = root.join("locks");
    create_private_dir(&dir)?;
    let path = dir.join(format!("{id}.lock"));
    // Never through a link: a lock file linked to another file would
    // have campo write over that file.
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .mode(0o600)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(&path)
        .map_err(|e| match e.raw_os_error() {
            Some(libc::ELOOP) => StoreError::Io {
                path: path.display().to_string(),
                failure: IoFailure::Link,
            },
            _ => io_error(&path, &e),
        })?;
    let is_file = file.metadata().is_ok_and(|m| m.is_file());
    if !is_file {
        return Err(StoreError::Io {
            path: path.display().to_string(),
            failure: IoFailure::NotAFile,
        });
    }
    Ok((path, file))
}

/// Waits until no other session has the response, then takes it. Blocks:
/// call it from a thread of its own.
pub(super) fn wait(root: &Path, id: Uuid) -> Result<EditLock, StoreError> {
    loop {
        let (path, mut file) = lock_file(root, id)?;
        file.lock().map_err(|e| io_error(&path, &e))?;
        if still_there(&path, &file) {
            sign(&mut file);
            return Ok(EditLock { file, path });
        }
    }
}

/// Whether `path` still names the file locked (the holder before may have
/// removed it while this one waited).
fn still_there(path: &Path, file: &File) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::symlink_metadata(path), file.metadata()) {
        (Ok(named), Ok(held)) => named.ino() == held.ino() && named.dev() == held.dev(),
        _ => false,
    }
}

/// Removes the lock file its holder is letting go of, if the path still
/// names it.
pub(super) fn remove_own(path: &Path, file: &File) {
    if still_there(path, file) {
        let _ = std::fs::remove_file(path);
    }
}

/// How long the session holding a lock has to save and let go when asked.
const LET_GO: Duration = Duration::from_secs(5);

/// Asks the holder (its pid is in the note) to save and let go (SIGUSR1),
/// waits for the lock, and if the holder is stuck (a terminal that takes
/// no more output, say) ends it with SIGKILL: it saved every answer as it
/// was given, so nothing is lost, and the kernel frees the lock.
pub(super) fn take_over(root: &Path, id: Uuid) -> Result<EditLock, StoreError> {
    let (path, mut file) = lock_file(root, id)?;
    // Let go of already (m9): no one to signal, whatever pid the note
    // still names.
    match file.try_lock() {
        Ok(()) if still_there(&path, &file) => {
            sign(&mut file);
            return Ok(EditLock { file, path });
        }
        Ok(()) => return take_over(root, id),
        Err(TryLockError::WouldBlock) => {}
        Err(TryLockError::Error(e)) => return Err(io_error(&path, &e)),
    }
    let note = read_note(&mut file);
    let holder = crate::text::printable(note.trim());
    let pid = note
        .split_whitespace()
        .last()
        .and_then(|p| p.parse::<libc::pid_t>().ok())
        .filter(|&p| p > 1 && p != std::process::id() as libc::pid_t);
    for signal in [libc::SIGUSR1, libc::SIGKILL] {
        if let Some(pid) = pid {
            // SAFETY: kill(2) with a pid read from the lock file; a process
            // of another user is refused by the kernel (EPERM).
            unsafe { libc::kill(pid, signal) };
        }
        let deadline = Instant::now() + LET_GO;
        while Instant::now() < deadline {
            match file.try_lock() {
                // Its holder let go and removed the file: take the new one.
                Ok(()) if !still_there(&path, &file) => return wait(root, id),
                Ok(()) => {
                    sign(&mut file);
                    return Ok(EditLock { file, path });
                }
                Err(TryLockError::WouldBlock) => std::thread::sleep(Duration::from_millis(20)),
                Err(TryLockError::Error(e)) => return Err(io_error(&path, &e)),
            }
        }
    }
    Err(StoreError::Locked { holder })
}

/// The holder's note: "user pid".
fn read_note(file: &mut File) -> String {
    use std::io::Seek;
    let mut note = String::new();
    let _ = file.rewind();
    let _ = file.take(200).read_to_string(&mut note);
    note
}

/// Writes who holds the lock into the lock file, for whoever finds it taken.
fn sign(file: &mut File) {
    let user = std::env::var("USER").unwrap_or_default();
    // "user pid": who holds it, worded by whoever shows it.
    let note = format!("{user} {}\n", std::process::id());
    // Best effort: the lock works whether or not the note is written.
    let _ = file
        .set_len(0)
        .and_then(|()| file.write_all(note.as_bytes()));
}

#[cfg(test)]
mod tests {
    use std::fs;

    use uuid::Uuid;

    use super::super::{DataDir, Lock, Responses, StoreError};
    use crate::io_failure::IoFailure;

    fn data() -> (tempfile::TempDir, DataDir) {
        let dir = tempfile::tempdir().unwrap();
        let data = DataDir::open(&dir.path().join("campo")).unwrap();
        (dir, data)
    }

    #[test]
    fn a_response_is_locked_until_its_lock_is_dropped() {
        let (_dir, data) = data();
        let id = Uuid::new_v4();
        let Lock::Mine(first) = data.lock(id).unwrap() else {
            panic!("the first lock is ours")
        };
        // A second open file description conflicts even in the same process,
        // as a second campo would.
        assert!(
            matches!(data.lock(id).unwrap(), Lock::Elsewhere { holder, .. } if holder.ends_with(&std::process::id().to_string()))
        );
        drop(first);
        assert!(matches!(data.lock(id).unwrap(), Lock::Mine(_)));
    }

    /// The holder removes its lock file as it lets go; one that was
    /// waiting on the removed file starts again on the path, so that two
    /// sessions never both hold a response.
    #[test]
    fn a_lock_let_go_is_removed_and_a_waiter_holds_the_one_in_the_folder() {
        let (_dir, data) = data();
        let id = Uuid::new_v4();
        let Lock::Mine(first) = data.lock(id).unwrap() else {
            panic!("the first lock is ours")
        };
        let waiter = {
            let data = data.clone();
            std::thread::spawn(move || data.wait_for_lock(id).unwrap())
        };
        std::thread::sleep(std::time::Duration::from_millis(100));
        drop(first);
        let second = waiter.join().unwrap();
        assert!(
            matches!(data.lock(id).unwrap(), Lock::Elsewhere { .. }),
            "the waiter holds the lock file now in the folder"
        );
        drop(second);
        let locks = data.root().join("locks");
        assert_eq!(fs::read_dir(&locks).unwrap().count(), 0, "no file left");
    }

    /// m9: a lock already let go is taken without signalling the pid its
    /// note still names (which may be anyone's by now).
    #[test]
    fn taking_over_a_lock_let_go_signals_no_one() {
        let (_dir, data) = data();
        let id = Uuid::new_v4();
        let mut bystander = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .unwrap();
        let locks = data.root().join("locks");
        fs::create_dir_all(&locks).unwrap();
        fs::write(
            locks.join(format!("{id}.lock")),
            format!("someone {}\n", bystander.id()),
        )
        .unwrap();
        let lock = data.take_over(id).unwrap();
        assert!(
            bystander.try_wait().unwrap().is_none(),
            "the bystander lives"
        );
        drop(lock);
        let _ = bystander.kill();
        let _ = bystander.wait();
    }

    #[test]
    fn a_lock_file_that_is_a_link_is_refused_and_its_target_untouched() {
        let (dir, data) = data();
        let victim = dir.path().join("victim.txt");
        fs::write(&victim, b"precious").unwrap();
        let id = Uuid::new_v4();
        fs::create_dir_all(data.root().join("locks")).unwrap();
        std::os::unix::fs::symlink(&victim, data.root().join(format!("locks/{id}.lock"))).unwrap();
        assert!(matches!(
            data.lock(id),
            Err(StoreError::Io {
                failure: IoFailure::Link,
                ..
            })
        ));
        assert!(data.wait_for_lock(id).is_err());
        assert_eq!(fs::read(&victim).unwrap(), b"precious");
    }

    #[test]
    fn a_locks_folder_that_cannot_be_used_is_an_error_not_a_free_pass() {
        let (_dir, data) = data();
        fs::write(data.root().join("locks"), b"not a folder").unwrap();
        assert!(data.lock(Uuid::new_v4()).is_err());
    }
}
