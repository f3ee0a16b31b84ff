//! Where `campo sync` sends by default: a small TOML file in the platform's
//! config folder (`~/.config/campo/config.toml` on Linux), written by
//! `campo sync --setup` or by hand:
//!
//! ```toml
//! server = "https://campo.example.org"
//! token = "…"
//! unit = "dsm-verona"            # after registering with the unit's code
//!
//! [prefill]                      # the unit's answers from the list
//! dept_name = "DSM-DP Verona"
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::io_failure::IoFailure;
use crate::store::write_atomic;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub server: Option<String>,
    pub token: Option<String>,
    /// The unit this office registered for with its access code: new
    /// responses are for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The answers the list of units gives the unit (item → code or text):
    /// a new response starts with them, locked.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub prefill: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigError {
    Unreadable { path: String, failure: IoFailure },
    Invalid { path: String, detail: String },
}

/// The config file: `CAMPO_CONFIG` if set, else the platform's.
pub fn default_path() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CAMPO_CONFIG") {
        return Some(PathBuf::from(path));
    }
    directories::ProjectDirs::from("org", "campo", "campo")
        .map(|d| d.config_dir().join("config.toml"))
}

impl Config {
    /// Reads the file; a missing file is an empty config.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(e) => {
                return Err(ConfigError::Unreadable {
                    path: path.display().to_string(),
                    failure: (&e).into(),
                });
            }
        };
        toml::from_str(&text).map_err(|e| ConfigError::Invalid {
            path: path.display().to_string(),
            detail: e.message().to_string(),
        })
    }

    /// Writes the file atomically, readable by its owner only: it holds a token.
    pub fn save(&self, path: &Path) -> Result<(), ConfigError> {
        let fail = |e: std::io::Error| ConfigError::Unreadable {
            path: path.display().to_string(),
            failure: (&e).into(),
        };
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(fail)?;
        }
        let text = toml::to_string(self).expect("a config always serialises");
        write_atomic(path, text.as_bytes()).map_err(fail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_empty_and_a_saved_one_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/config.toml");
        assert_eq!(Config::load(&path).unwrap(), Config::default());
        let config = Config {
            server: Some("https://x.org".into()),
            token: Some("t".into()),
            unit: Some("dsm-verona".into()),
            prefill: [("dept_name".to_string(), "DSM Verona".to_string())].into(),
        };
        config.save(&path).unwrap();
        assert_eq!(Config::load(&path).unwrap(), config);
        std::fs::write(&path, "servr = 1").unwrap();
        assert!(matches!(
            Config::load(&path),
            Err(ConfigError::Invalid { .. })
        ));
    }
}
