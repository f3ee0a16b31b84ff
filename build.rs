//! Tells the tests which outside programs this machine lacks, so that a
//! test that needs one is marked ignored, with the reason, in the summary
//! `cargo test` ends with ("ignored, PSPP is not installed"), rather than
//! passing in no time. Where CI requires a program (`CAMPO_REQUIRE_…`),
//! its absence is not a reason to ignore: the test runs and fails.

use std::path::Path;

/// (cfg set when missing, files any one of which means it is here, the
/// variable that requires it).
const TOOLS: [(&str, &[&str], &str); 8] = [
    ("no_pspp", &["/usr/bin/pspp"], "CAMPO_REQUIRE_PSPP"),
    ("no_sshd", &["/usr/sbin/sshd"], "CAMPO_REQUIRE_SSHD"),
    (
        "no_smtp",
        &["/usr/lib/python3/dist-packages/aiosmtpd"],
        "CAMPO_REQUIRE_SMTP",
    ),
    (
        "no_postgres",
        &["/usr/lib/postgresql"],
        "CAMPO_REQUIRE_POSTGRES",
    ),
    (
        "no_pgbouncer",
        &["/usr/sbin/pgbouncer"],
        "CAMPO_REQUIRE_PGBOUNCER",
    ),
    (
        "no_libreoffice",
        &["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"],
        "CAMPO_REQUIRE_LIBREOFFICE",
    ),
    // ODK's own converter and engine, installed into a copy of
    // ../shared/tools/odk-oracle (as .ci/run does), and pyxform's test
    // forms beside the project.
    (
        "no_odk_oracle",
        &["target/odk-oracle/node_modules/.package-lock.json"],
        "CAMPO_REQUIRE_ODK_ORACLE",
    ),
    (
        "no_pyxform_corpus",
        &["../shared/corpus/pyxform-4.5.0/cases.jsonl"],
        "CAMPO_REQUIRE_ODK_ORACLE",
    ),
];

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    for (cfg, files, require) in TOOLS {
        println!("cargo::rustc-check-cfg=cfg({cfg})");
        println!("cargo::rerun-if-env-changed={require}");
        for file in files {
            // A program installed or removed since: look again.
            println!("cargo::rerun-if-changed={file}");
        }
        let here = files.iter().any(|f| Path::new(f).exists());
        if !here && std::env::var_os(require).is_none() {
            println!("cargo::rustc-cfg={cfg}");
        }
    }
}
