//! campo: enter survey data in the terminal, over SSH and on poor links.
//!
//! - [`form`]: the questionnaire engine (definitions, conditions, validation);
//! - [`xlsform`]: a team's XLSForm read as a campo form;
//! - [`i18n`]: every word shown, through Fluent, in English and Italian;
//! - [`store`]: one JSON file per response, written atomically;
//! - [`tui`]: the terminal interface;
//! - [`sync`] and [`server`]: sending responses to the collection server,
//!   and the server itself, speaking the API in [`protocol`];
//! - [`cli`]: the command line that ties them together.

pub mod cli;
pub mod export;
pub mod files;
pub mod form;
pub mod i18n;
pub mod io_failure;
pub mod package;
pub mod plain;
pub mod protocol;
pub mod report;
pub mod server;
pub mod session;
pub mod store;
pub mod sync;
pub mod text;
pub mod tui;
pub mod xlsform;
