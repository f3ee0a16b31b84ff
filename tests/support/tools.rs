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
/// by .ci/run into target/odk-oracle, or where CAMPO_ODK_ORACLE says):
/// its launcher, or `None` with a word that the checks did not run.
pub fn odk_oracle() -> Option<std::path::PathBuf> {
    let launcher = std::env::var_os("CAMPO_ODK_ORACLE")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| {
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/odk-oracle/odk-oracle")
        });
    let installed = launcher
        .parent()
        .is_some_and(|folder| folder.join(".venv/bin/python").exists());
    if installed {
        return Some(launcher);
    }
    assert!(
        std::env::var("CAMPO_REQUIRE_ODK_ORACLE").is_err(),
        "ODK's oracle is required here but not installed at {}",
        launcher.display()
    );
    eprintln!(
        "SKIPPED: ODK's oracle is not installed, so these checks against ODK did not run \
         (cp -r ../shared/tools/odk-oracle target/odk-oracle && target/odk-oracle/setup.sh)"
    );
    None
}
