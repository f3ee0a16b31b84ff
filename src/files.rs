//! Reading files campo did not write itself: response files, import folders,
//! configuration. Only regular files of bounded size are read, and a link is
//! never followed, so a FIFO, a device or a link to `/dev/zero` named
//! `*.json` is reported instead of hanging campo or filling its memory.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use crate::io_failure::IoFailure;

/// The largest file campo reads as a response or a form: far above any real
/// response (the server takes 1 MiB), far below what would strain memory.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Opens `path` for reading if it is a regular file and not a link. The
/// open never blocks (a FIFO with no writer would) and never follows a link.
pub fn open_regular(path: &Path) -> Result<File, IoFailure> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)
        .map_err(|e| refusal_of_open(path, &e))?;
    let meta = file.metadata().map_err(|e| IoFailure::from(&e))?;
    if !meta.is_file() {
        return Err(IoFailure::NotAFile);
    }
    Ok(file)
}

/// Reads a regular file of at most `limit` bytes whole.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, IoFailure> {
    let file = open_regular(path)?;
    let size = file.metadata().map_err(|e| IoFailure::from(&e))?.len();
    if size > limit {
        return Err(IoFailure::TooLarge { limit });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // The size may grow while reading: read one byte more than allowed to
    // tell a file that grew past the limit.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| IoFailure::from(&e))?;
    if bytes.len() as u64 > limit {
        return Err(IoFailure::TooLarge { limit });
    }
    Ok(bytes)
}

/// A link, a FIFO's refusal or any other open error, in campo's terms.
fn refusal_of_open(path: &Path, error: &io::Error) -> IoFailure {
    // O_NOFOLLOW on a link fails with ELOOP.
    if error.raw_os_error() == Some(libc::ELOOP) {
        return IoFailure::Link;
    }
    // Opening a folder for reading succeeds on Linux; other systems refuse.
    if fs::symlink_metadata(path).is_ok_and(|m| !m.is_file()) {
        return IoFailure::NotAFile;
    }
    IoFailure::from(error)
}

/// The entries of `dir` whose names end in `.{extension}` and do not start
/// with a dot (temporary files), sorted by name. Whatever they are: the
/// reader says which ones are not regular files.
pub fn files_with_extension(dir: &Path, extension: &str) -> io::Result<Vec<PathBuf>> {
    let suffix = format!(".{extension}");
    let mut files: Vec<PathBuf> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            !name.starts_with('.') && name.ends_with(&suffix)
        })
        .collect();
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fifo_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.json");
        let made = std::process::Command::new("mkfifo").arg(&path).status();
        assert!(made.unwrap().success());
        assert_eq!(read_regular(&path, 100), Err(IoFailure::NotAFile));
    }

    #[test]
    fn a_link_is_never_followed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.json");
        std::os::unix::fs::symlink("/dev/zero", &path).unwrap();
        assert_eq!(read_regular(&path, 100), Err(IoFailure::Link));
    }

    #[test]
    fn a_folder_is_not_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.json");
        fs::create_dir(&path).unwrap();
        assert_eq!(read_regular(&path, 100), Err(IoFailure::NotAFile));
    }

    #[test]
    fn a_file_over_the_limit_is_refused_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.json");
        fs::write(&path, [b'x'; 101]).unwrap();
        assert_eq!(
            read_regular(&path, 100),
            Err(IoFailure::TooLarge { limit: 100 })
        );
        fs::write(&path, [b'x'; 100]).unwrap();
        assert_eq!(read_regular(&path, 100).unwrap().len(), 100);
    }
}
