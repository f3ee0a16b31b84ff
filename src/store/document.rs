use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, SubsecRound, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::form::{Answers, FormRef, Reasons};

/// The version of the file format this campo writes. A file with a higher
/// one was written by a newer campo and is left alone.
pub const FORMAT_VERSION: u32 = 1;

/// One response as stored in `<data dir>/responses/<id>.json`.
///
/// Only `id`, `form`, `status`, `created`, `updated`, `lang` and `answers`
/// are required on reading; every other key is optional, and keys campo does
/// not know are kept as they are when the file is written again.
/// Read by the hand-written reader in `reading.rs`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Response {
    pub id: Uuid,
    pub form: FormRef,
    pub status: Status,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    /// The language the response was last edited in.
    pub lang: String,
    pub answers: Answers,
    /// For an answer a soft check of the form warned about, the reason the
    /// respondent gave for keeping it, by item id.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub reasons: Reasons,
    pub format: u32,
    /// Raised on every save: tells one version of a response from the next.
    pub revision: u64,
    /// Values computed from the answers, such as `macro_area`.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub derived: BTreeMap<String, String>,
    /// The item the user was on, to reopen the response there.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// The account that created it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entered_by: Option<String>,
    /// The unit of the survey's list (a department) the response is for,
    /// when the office registered with the unit's access code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Items answered from the list of units: shown, and not editable.
    #[serde(skip_serializing_if = "BTreeSet::is_empty")]
    pub prefilled: BTreeSet<String>,
    /// What the collection server last said about this response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sync: Option<SyncRecord>,
    #[serde(flatten)]
    pub other_keys: BTreeMap<String, serde_json::Value>,
}

/// The server's last word on a response: it confirmed `revision`, or it
/// refused it (with the reason in `refused`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncRecord {
    pub server: String,
    pub revision: u64,
    pub at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refused: Option<serde_json::Value>,
}

/// Where a response stands with the collection server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncState {
    /// A draft: drafts stay on this machine unless asked otherwise.
    Draft,
    NotSent,
    Sent,
    ChangedSinceSent,
    Refused,
    /// The research team set it aside: the server takes no revision of it.
    Withdrawn,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Draft,
    Complete,
}

/// Why a file could not be read as a response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Damage {
    Empty,
    /// The file stops in the middle of the JSON.
    Truncated,
    NotJson {
        line: usize,
        column: usize,
    },
    MissingKey {
        key: String,
    },
    /// JSON, but not a response: a value of the wrong type somewhere.
    WrongShape {
        line: usize,
        column: usize,
    },
    /// Written by a newer campo, in a format this one does not know.
    NewerFormat {
        format: u32,
    },
    /// The id inside does not match the file's name.
    MisnamedFile {
        id: String,
    },
}

/// The unit of the survey's list an office registered for (with its
/// access code), and the answers the list gives it (item → code or text).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ForUnit {
    pub unit: String,
    pub answers: BTreeMap<String, String>,
}

impl Response {
    /// Makes a new response the unit's: it names the unit, and starts with
    /// the list's answers filled in and locked (those the form has).
    pub fn fill_in_for(&mut self, form: &crate::form::Form, unit: &ForUnit) {
        self.unit = Some(unit.unit.clone());
        for (item, value) in &unit.answers {
            if form.position(item).is_some() {
                self.answers
                    .insert(item.clone(), crate::form::Answer::One(value.clone()));
                self.prefilled.insert(item.clone());
            }
        }
        self.derived = form.derived_values(&self.answers);
    }

    pub fn new(form: FormRef, lang: &str, now: DateTime<Utc>) -> Response {
        let now = now.trunc_subsecs(0);
        Response {
            id: Uuid::new_v4(),
            form,
            status: Status::Draft,
            created: now,
            updated: now,
            lang: lang.into(),
            answers: Answers::new(),
            format: FORMAT_VERSION,
            revision: 0,
            derived: BTreeMap::new(),
            unit: None,
            prefilled: BTreeSet::new(),
            reasons: Reasons::new(),
            position: None,
            entered_by: None,
            sync: None,
            other_keys: BTreeMap::new(),
        }
    }

    /// Parses a stored document, telling what is wrong with a bad one.
    pub fn from_json(bytes: &[u8]) -> Result<Response, Damage> {
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(Damage::Empty);
        }
        let newer = |format: u64| Damage::NewerFormat {
            format: u32::try_from(format).unwrap_or(u32::MAX),
        };
        match serde_json::from_slice::<Response>(bytes) {
            Ok(response) if response.format > FORMAT_VERSION => {
                Err(newer(u64::from(response.format)))
            }
            Ok(response) => Ok(response),
            // A newer campo may have changed the shape, and that is not
            // damage: its format says so.
            Err(error) => match serde_json::from_slice::<serde_json::Value>(bytes) {
                Ok(serde_json::Value::Object(map))
                    if let Some(format) = map.get("format").and_then(serde_json::Value::as_u64)
                        && format > u64::from(FORMAT_VERSION) =>
                {
                    Err(newer(format))
                }
                _ => Err(damage_of(&error)),
            },
        }
    }

    pub fn to_json(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).expect("a response always serialises");
        bytes.push(b'\n');
        bytes
    }

    /// Records a change of content: a new revision, stamped with its time.
    pub fn record_change(&mut self, now: DateTime<Utc>) {
        self.revision += 1;
        self.updated = now.trunc_subsecs(0);
    }

    pub fn sync_state(&self) -> SyncState {
        sync_state_of(self.sync.as_ref(), self.status, self.revision)
    }

    /// The document as sent to a server: without this machine's record of
    /// what servers said.
    pub fn to_json_for_sending(&self) -> Vec<u8> {
        let mut copy = self.clone();
        copy.sync = None;
        serde_json::to_vec(&copy).expect("a response always serialises")
    }

    /// A short form of the id, as shown in lists (`campo edit` accepts it).
    pub fn short_id(&self) -> String {
        self.id.simple().to_string()[..8].to_string()
    }
}

/// Where a response of `status` at `revision` stands, given the server's
/// last word on it.
pub fn sync_state_of(sync: Option<&SyncRecord>, status: Status, revision: u64) -> SyncState {
    let withdrawn = |record: &SyncRecord| {
        record
            .refused
            .as_ref()
            .is_some_and(|r| r.get("error").and_then(|e| e.as_str()) == Some("withdrawn"))
    };
    match (sync, status) {
        // Whatever revision: the server refuses them all.
        (Some(record), _) if withdrawn(record) => SyncState::Withdrawn,
        (Some(record), _) if record.refused.is_some() && record.revision == revision => {
            SyncState::Refused
        }
        (Some(record), _) if record.refused.is_none() && record.revision == revision => {
            SyncState::Sent
        }
        (Some(record), _) if record.refused.is_none() => SyncState::ChangedSinceSent,
        (_, Status::Draft) => SyncState::Draft,
        (_, Status::Complete) => SyncState::NotSent,
    }
}

fn damage_of(error: &serde_json::Error) -> Damage {
    use serde_json::error::Category;
    match error.classify() {
        Category::Eof => Damage::Truncated,
        Category::Syntax | Category::Io => Damage::NotJson {
            line: error.line(),
            column: error.column(),
        },
        Category::Data => match missing_key(&error.to_string()) {
            Some(key) => Damage::MissingKey { key },
            None => Damage::WrongShape {
                line: error.line(),
                column: error.column(),
            },
        },
    }
}

/// serde reports a missing key as "missing field `name` at line …".
fn missing_key(message: &str) -> Option<String> {
    let rest = message.strip_prefix("missing field `")?;
    Some(rest[..rest.find('`')?].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{
        "id": "6f0c7d1e-3a52-4c1b-9a57-2f0b3c4d5e6f",
        "form": {"id": "mhd-peer-support-2025", "version": 1},
        "status": "draft",
        "created": "2026-01-10T09:00:00Z",
        "updated": "2026-01-10T09:30:00Z",
        "lang": "it",
        "answers": {"ps_active": "yes", "ps_services": ["cmhc", "other"], "ps_services_other": "Ambulatorio"}
    }"#;

    #[test]
    fn a_file_with_only_the_required_keys_loads() {
        let response = Response::from_json(MINIMAL.as_bytes()).unwrap();
        assert_eq!(response.status, Status::Draft);
        assert_eq!(response.revision, 0);
        assert_eq!(response.format, FORMAT_VERSION);
        assert_eq!(response.answers.len(), 3);
    }

    #[test]
    fn unknown_keys_survive_a_rewrite() {
        let with_extra =
            MINIMAL.replacen("\"lang\"", "\"interviewer\": {\"code\": 7}, \"lang\"", 1);
        let response = Response::from_json(with_extra.as_bytes()).unwrap();
        let again: serde_json::Value = serde_json::from_slice(&response.to_json()).unwrap();
        assert_eq!(again["interviewer"]["code"], 7);
    }

    #[test]
    fn damage_is_classified() {
        assert_eq!(Response::from_json(b""), Err(Damage::Empty));
        assert_eq!(Response::from_json(b" \n"), Err(Damage::Empty));
        assert_eq!(
            Response::from_json(&MINIMAL.as_bytes()[..60]),
            Err(Damage::Truncated)
        );
        assert_eq!(
            Response::from_json(b"hello"),
            Err(Damage::NotJson { line: 1, column: 1 })
        );
        assert_eq!(
            Response::from_json(b"{\"id\": 3}"),
            Err(Damage::WrongShape { line: 1, column: 8 })
        );
        assert_eq!(
            Response::from_json(MINIMAL.replace("\"lang\": \"it\",", "").as_bytes()),
            Err(Damage::MissingKey { key: "lang".into() })
        );
        assert!(matches!(
            Response::from_json(b"[1, 2]"),
            Err(Damage::WrongShape { .. })
        ));
    }

    #[test]
    fn a_key_given_twice_or_a_wrong_answer_is_damage_with_its_place() {
        let twice = MINIMAL.replacen(
            "\"lang\": \"it\",",
            "\"lang\": \"it\", \"lang\": \"en\",",
            1,
        );
        assert!(twice.contains("\"lang\": \"en\""), "the fixture has a lang");
        assert!(matches!(
            Response::from_json(twice.as_bytes()),
            Err(Damage::WrongShape { .. })
        ));
        // Numbers are answers (to integer and decimal items); a boolean is none.
        let boolean = MINIMAL.replacen("\"answers\": {", "\"answers\": {\"ps_active\": true,", 1);
        assert!(matches!(
            Response::from_json(boolean.as_bytes()),
            Err(Damage::WrongShape { line, .. }) if line > 1
        ));
        let missing = MINIMAL.replacen("\"lang\": \"it\",", "", 1);
        assert_eq!(
            Response::from_json(missing.as_bytes()),
            Err(Damage::MissingKey { key: "lang".into() })
        );
    }

    #[test]
    fn a_newer_format_is_recognised_before_its_shape() {
        let newer = r#"{"format": 2, "whatever": true}"#;
        assert_eq!(
            Response::from_json(newer.as_bytes()),
            Err(Damage::NewerFormat { format: 2 })
        );
    }

    #[test]
    fn new_responses_round_trip() {
        let form = FormRef {
            id: "f".into(),
            version: 1,
        };
        let response = Response::new(form, "en", Utc::now());
        assert_eq!(Response::from_json(&response.to_json()).unwrap(), response);
        assert_eq!(response.short_id().len(), 8);
    }
}
