//! Outside programs some tests need (GNU PSPP, LibreOffice): present, or
//! the test says it skipped, unless CI requires them.
// Each test file uses its own share of these.
#![allow(dead_code)]

use std::process::Command;

/// Whether `program` runs here. When it does not, `require` (an environment
/// variable CI sets) makes that a failure; otherwise the test says it
/// skipped and what to install.
pub fn program_is_here(program: &str, require: &str, package: &str) -> bool {
    if Command::new(program).arg("--version").output().is_ok() {
        return true;
    }
    assert!(
        std::env::var(require).is_err(),
        "{program} is required here but not installed"
    );
    eprintln!("SKIPPED: {program} is not installed (apt-get install {package})");
    false
}

pub fn pspp_is_here() -> bool {
    program_is_here("pspp", "CAMPO_REQUIRE_PSPP", "pspp")
}

pub fn libreoffice_is_here() -> bool {
    program_is_here(
        "soffice",
        "CAMPO_REQUIRE_LIBREOFFICE",
        "libreoffice-calc-nogui",
    )
}
