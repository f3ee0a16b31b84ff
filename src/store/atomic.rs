use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

/// Replaces `path` with `bytes` so that a crash at any moment leaves either
/// the old file or the new one, never a mix: write a temporary file in the
/// same folder, flush it to disk, rename it over the target, then flush the
/// folder so the rename itself survives a power cut.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = AtomicFile::create(path)?;
    file.write_all(bytes)?;
    file.commit()
}

/// A file written a piece at a time that appears whole, or not at all: a
/// temporary file beside `path` until [`AtomicFile::commit`] puts it in
/// place as [`write_atomic`] does. Dropped without a commit, it leaves
/// nothing behind.
pub struct AtomicFile {
    temp: tempfile::NamedTempFile,
    path: std::path::PathBuf,
}

impl AtomicFile {
    pub fn create(path: &Path) -> io::Result<AtomicFile> {
        // Temporary files start with a dot and end in `.part`: listings
        // skip them.
        let temp = tempfile::Builder::new()
            .prefix(".campo-")
            .suffix(".part")
            .tempfile_in(folder_of(path))?;
        Ok(AtomicFile {
            temp,
            path: path.to_path_buf(),
        })
    }

    /// The bytes on disk, then the file in place, then the folder on disk.
    pub fn commit(self) -> io::Result<()> {
        self.temp.as_file().sync_all()?;
        self.temp.persist(&self.path).map_err(|e| e.error)?;
        File::open(folder_of(&self.path))?.sync_all()
    }
}

impl Write for AtomicFile {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.temp.write(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.temp.flush()
    }
}

impl io::Seek for AtomicFile {
    fn seek(&mut self, to: io::SeekFrom) -> io::Result<u64> {
        self.temp.seek(to)
    }
}

fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Replaces many files of one folder at once, each atomically as
/// [`write_atomic`] does, with two flushes in all instead of one per file:
/// every temporary file is written, the file system is flushed once
/// (syncfs), each is renamed over its target, and the folder is flushed.
/// A crash leaves each file old or new, never a mix.
pub fn write_all_atomic(dir: &Path, files: &[(&Path, Vec<u8>)]) -> io::Result<()> {
    // Each temporary file is closed once written (its path kept): open
    // files do not grow with the number written, under any `ulimit -n`.
    let mut temps = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        let mut temp = tempfile::Builder::new()
            .prefix(".campo-")
            .suffix(".part")
            .tempfile_in(dir)?;
        temp.write_all(bytes)?;
        flush_one(temp.as_file())?;
        temps.push((temp.into_temp_path(), *path));
    }
    let folder = File::open(dir)?;
    flush_file_system(&folder)?;
    for (temp, path) in temps {
        temp.persist(path).map_err(|e| e.error)?;
    }
    folder.sync_all()
}

/// One file's bytes on disk, where [`flush_file_system`] cannot do it for
/// them all at once.
fn flush_one(file: &File) -> io::Result<()> {
    if cfg!(target_os = "linux") {
        Ok(())
    } else {
        file.sync_all()
    }
}

/// Every temporary file's bytes on disk: one syncfs on Linux (elsewhere
/// each was flushed as it was written, by [`flush_one`]).
fn flush_file_system(folder: &File) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        // SAFETY: syncfs(2) on an open descriptor of ours has no memory effects.
        if unsafe { libc::syncfs(folder.as_raw_fd()) } != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = folder;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    use super::*;

    #[test]
    fn many_files_are_replaced_at_once_and_no_temporary_is_left() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.json"), dir.path().join("b.json"));
        std::fs::write(&a, b"old").unwrap();
        write_all_atomic(
            dir.path(),
            &[(&a, b"new a".to_vec()), (&b, b"new b".to_vec())],
        )
        .unwrap();
        assert_eq!(std::fs::read(&a).unwrap(), b"new a");
        assert_eq!(std::fs::read(&b).unwrap(), b"new b");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
    }

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.json");
        write_atomic(&path, b"first").unwrap();
        write_atomic(&path, b"second").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["r.json"]);
    }

    #[test]
    fn files_are_readable_by_their_owner_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.json");
        write_atomic(&path, b"{}").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}
