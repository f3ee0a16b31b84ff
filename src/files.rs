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
    open_regular_sized(path).map(|(file, _)| file)
}

/// As [`open_regular`], with the file's size when opened.
fn open_regular_sized(path: &Path) -> Result<(File, u64), IoFailure> {
    let file = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)
        .map_err(|e| refusal_of_open(path, &e))?;
    let meta = file.metadata().map_err(|e| IoFailure::from(&e))?;
    if !meta.is_file() {
        return Err(IoFailure::NotAFile);
    }
    Ok((file, meta.len()))
}

/// Reads a regular file of at most `limit` bytes whole.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, IoFailure> {
    let (mut file, size) = open_regular_sized(path)?;
    if size > limit {
        return Err(IoFailure::TooLarge { limit });
    }
    // Room for one byte more than the size: a file that has not grown
    // fills less than its buffer, and a short read of a regular file is
    // its end, so most files take one read. One that grew is read on, up
    // to one byte past the limit, to tell it from one at the limit.
    let mut bytes = vec![0; size as usize + 1];
    let mut filled = 0;
    loop {
        let read = match file.read(&mut bytes[filled..]) {
            Ok(read) => read,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(IoFailure::from(&e)),
        };
        filled += read;
        if read == 0 || filled < bytes.len() {
            break;
        }
        if filled as u64 > limit {
            return Err(IoFailure::TooLarge { limit });
        }
        let grown = (bytes.len() * 2).min(limit as usize + 1);
        bytes.resize(grown.max(filled + 1), 0);
    }
    bytes.truncate(filled);
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
    Ok(named_files_with_extension(dir, extension)?
        .into_iter()
        .map(|(_, path)| path)
        .collect())
}

/// As [`files_with_extension`], each with its name (sorting and indexing
/// by name is quicker than taking names apart from paths).
pub fn named_files_with_extension(
    dir: &Path,
    extension: &str,
) -> io::Result<Vec<(String, PathBuf)>> {
    let suffix = format!(".{extension}");
    let mut files: Vec<(String, PathBuf)> = fs::read_dir(dir)?
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            (!name.starts_with('.') && name.ends_with(&suffix)).then(|| (name, entry.path()))
        })
        .collect();
    files.sort_unstable_by(|a, b| a.0.cmp(&b.0));
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
