//! File-system failures sorted into the kinds a user can act on, so they can
//! be explained in the user's language rather than the OS's.

use std::io;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IoFailure {
    NotFound,
    PermissionDenied,
    /// The bytes are not UTF-8 text.
    NotText,
    NoSpace,
    ReadOnly,
    /// A FIFO, a device, a folder: anything but a regular file.
    NotAFile,
    /// A symbolic link, which campo does not follow where it reads data.
    Link,
    /// A file larger than campo reads.
    TooLarge {
        limit: u64,
    },
    /// Anything else, with the system's own words.
    Other(String),
}

impl From<&io::Error> for IoFailure {
    fn from(error: &io::Error) -> Self {
        match error.kind() {
            io::ErrorKind::NotFound => IoFailure::NotFound,
            io::ErrorKind::PermissionDenied => IoFailure::PermissionDenied,
            io::ErrorKind::InvalidData => IoFailure::NotText,
            io::ErrorKind::StorageFull
            | io::ErrorKind::QuotaExceeded
            | io::ErrorKind::FileTooLarge => IoFailure::NoSpace,
            io::ErrorKind::ReadOnlyFilesystem => IoFailure::ReadOnly,
            _ => IoFailure::Other(error.to_string()),
        }
    }
}
