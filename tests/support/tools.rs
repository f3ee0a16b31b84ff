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

/// ODK's own converter and engine (`../shared/tools/odk-oracle`, installed
/// by .ci/run into target/odk-oracle, or where CAMPO_ODK_ORACLE says): its
/// launcher. The tests that need it are marked ignored where it is not
/// installed (build.rs), so here it must be.
pub fn odk_oracle() -> std::path::PathBuf {
    let launcher = std::env::var_os("CAMPO_ODK_ORACLE")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/odk-oracle/odk-oracle")
        });
    let installed = launcher
        .parent()
        .is_some_and(|folder| folder.join(".venv/bin/python").exists());
    assert!(
        installed,
        "ODK's oracle is not installed at {} \
         (cp -r ../shared/tools/odk-oracle target/odk-oracle && target/odk-oracle/setup.sh)",
        launcher.display()
    );
    launcher
}
