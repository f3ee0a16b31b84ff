//! campo's two binaries. `campo`, the one people start, runs the interface
//! and every command but two: `serve` and `export` need the server's and
//! the exporter's libraries (axum, tokio, SQLite, PostgreSQL, XLSX), so it
//! hands them, arguments unchanged, to `campo-server` installed beside it.
//! What the interface maps then stays small: its memory counts the pages
//! of its own binary (issue 23). `campo-server` runs every command itself.

use std::os::unix::process::CommandExt;
use std::path::PathBuf;

use crate::export::ExportFormat;
use crate::form::Form;
use crate::i18n::{Describe, Texts};
use crate::io_failure::IoFailure;
use crate::report::StatusFilter;
use crate::store::DataDir;

use super::{Failure, export, serve};

/// The name of the binary that runs `serve` and `export`.
const SERVER_BINARY: &str = "campo-server";

/// A command that needs the server's or the exporter's libraries, ready
/// to run.
pub(super) enum Heavy<'a> {
    Serve {
        texts: &'a Texts,
        forms: Vec<Form>,
        db: String,
        args: serve::ServeArgs,
    },
    Export {
        form: &'a Form,
        texts: &'a Texts,
        data: &'a DataDir,
        status: StatusFilter,
        out: PathBuf,
        format: ExportFormat,
    },
}

/// How a binary runs its heavy commands.
pub(super) type RunHeavy = fn(Heavy<'_>) -> Result<(), Failure>;

/// `campo-server`: runs them here.
pub(super) fn in_process(heavy: Heavy<'_>) -> Result<(), Failure> {
    match heavy {
        Heavy::Serve {
            texts,
            forms,
            db,
            args,
        } => serve::run(texts, forms, &db, args),
        Heavy::Export {
            form,
            texts,
            data,
            status,
            out,
            format,
        } => export::run(form, texts, data, status, &out, format),
    }
}

/// `campo`: becomes `campo-server` with the same arguments (the same
/// process, so its exit status, signals and terminal are the caller's).
pub(super) fn hand_over(heavy: Heavy<'_>) -> Result<(), Failure> {
    let texts = match heavy {
        Heavy::Serve { texts, .. } | Heavy::Export { texts, .. } => texts,
    };
    let path = std::env::current_exe()
        .map(|exe| exe.with_file_name(SERVER_BINARY))
        .unwrap_or_else(|_| PathBuf::from(SERVER_BINARY));
    let error = std::process::Command::new(&path)
        .args(std::env::args_os().skip(1))
        .exec();
    Err(Failure(texts.t_args(
        "server-binary-missing",
        &[
            ("path", path.display().to_string().into()),
            ("reason", IoFailure::from(&error).describe(texts).into()),
        ],
    )))
}
