//! What the server checks before it stores anything.

use uuid::Uuid;

use crate::form::Form;
use crate::protocol::Refusal;
use crate::store::{Damage, Response, Status};

/// A document that passed every check, ready to store.
pub struct Checked {
    /// The response as stored: without this machine's sync record, its
    /// derived values worked out here.
    pub response: Response,
    /// The document as stored: campo's own canonical form of it.
    pub body: Vec<u8>,
    /// What names the revision's content: the body without the fields
    /// that only remember where its user was (`position`, `lang`). The
    /// interface writes those again at the same revision (leaving a
    /// question, switching language), so a revision sent again after a
    /// lost confirmation is the same revision, not a conflict.
    pub digest: String,
}

impl Checked {
    fn sealed(response: Response) -> Checked {
        let body = response.to_json();
        let digest = content_digest(&response);
        Checked {
            response,
            body,
            digest,
        }
    }

    /// The document as stored for `unit`: the unit is one fact, taken
    /// from the credential that sent it and written into the document,
    /// so that the database, `status` and `dump` say the same.
    pub fn stamped(mut self, unit: Option<String>) -> Checked {
        if self.response.unit == unit {
            return self;
        }
        self.response.unit = unit;
        Checked::sealed(self.response)
    }
}

/// Checks a request body for `PUT /v1/responses/{path_id}` (or a file being
/// imported) against the forms the server knows.
pub fn check(forms: &[Form], path_id: &str, body: &[u8]) -> Result<Checked, Refusal> {
    let id: Uuid = path_id.parse().map_err(|_| Refusal::BadId)?;
    if id.to_string() != path_id.to_ascii_lowercase() {
        return Err(Refusal::BadId);
    }
    serde_json::from_slice::<serde_json::Value>(body).map_err(|_| Refusal::NotJson)?;
    let response = Response::from_json(body).map_err(|damage| Refusal::NotAResponse {
        detail: damage_code(&damage),
    })?;
    if response.id != id {
        return Err(Refusal::IdMismatch);
    }
    let form = response
        .form
        .among(forms)
        .ok_or_else(|| Refusal::UnknownForm {
            form: response.form.id.clone(),
            version: response.form.version,
        })?;
    let problems = form.check_document(
        &response.answers,
        &response.reasons,
        response.status == Status::Complete,
    );
    if !problems.is_empty() {
        return Err(Refusal::Invalid { problems });
    }
    check_bounds(form, &response).map_err(|detail| Refusal::NotAResponse {
        detail: detail.into(),
    })?;
    let mut stored = response;
    stored.sync = None;
    // Computed here, not taken from the client.
    stored.derived = form.derived_values(&stored.answers);
    Ok(Checked::sealed(stored))
}

/// The answers a response says came from the list of units (`prefilled`)
/// must be the list's for its unit: locked in the interface, they are
/// checked here too, where no client can change them. The team's own
/// sends are not checked (`frame` is then empty).
pub fn from_the_list(frame: &[super::frame::Unit], response: &Response) -> Result<(), Refusal> {
    let Some(unit) = response
        .unit
        .as_deref()
        .and_then(|code| frame.iter().find(|u| u.unit == code))
    else {
        return Ok(());
    };
    for item in &response.prefilled {
        let listed = unit.prefill.get(item).map(String::as_str);
        let given = response.answers.get(item).and_then(|a| a.as_one());
        if given.is_some() && given != listed {
            return Err(Refusal::NotFromTheList { item: item.clone() });
        }
    }
    Ok(())
}

/// The digest of a response's content: all of it but where its user was.
fn content_digest(response: &Response) -> String {
    let mut content = response.clone();
    content.position = None;
    content.lang.clear();
    super::storage::digest(&content.to_json())
}

/// Whether a stored document has the content `digest` names. A revision
/// stored by an earlier campo has the digest of its whole body: it is read
/// again to tell a re-send from a conflict.
pub fn has_content(stored: &[u8], digest: &str) -> bool {
    Response::from_json(stored).is_ok_and(|response| content_digest(&response) == digest)
}

/// The most bytes of keys campo does not know that a document may carry
/// (a newer campo's additions): enough for them, too little to fill a disk.
const MAX_OTHER_KEYS_BYTES: usize = 16 * 1024;

/// Everything besides the answers, held to what it can be: a revision
/// the database can hold, a language code, a user name, a position on an
/// item of the form, and little else.
fn check_bounds(form: &Form, response: &Response) -> Result<(), &'static str> {
    if i64::try_from(response.revision).is_err() {
        return Err("revision out of range");
    }
    let is_code = |s: &str| {
        !s.is_empty() && s.len() <= 16 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    if !is_code(&response.lang) {
        return Err("lang is not a language code");
    }
    if response
        .entered_by
        .as_ref()
        .is_some_and(|who| who.chars().count() > 200 || who.chars().any(char::is_control))
    {
        return Err("entered_by too long or not text");
    }
    if response
        .position
        .as_ref()
        .is_some_and(|item| form.position(item).is_none())
    {
        return Err("position is not an item of the form");
    }
    if response
        .unit
        .as_deref()
        .is_some_and(|unit| !is_unit_code(unit))
    {
        return Err("unit is not a unit code");
    }
    if response
        .prefilled
        .iter()
        .any(|item| form.position(item).is_none())
    {
        return Err("prefilled names an item not in the form");
    }
    let other = serde_json::to_vec(&response.other_keys).map_or(usize::MAX, |b| b.len());
    if other > MAX_OTHER_KEYS_BYTES {
        return Err("unknown keys too large");
    }
    Ok(())
}

/// What a unit's code may be, as the frame file gives it: short,
/// printable, without spaces.
pub fn is_unit_code(unit: &str) -> bool {
    !unit.is_empty()
        && unit.chars().count() <= 64
        && unit
            .chars()
            .all(|c| c.is_alphanumeric() || "-_.".contains(c))
}

fn damage_code(damage: &Damage) -> String {
    match damage {
        Damage::MissingKey { key } => format!("missing key {key}"),
        Damage::NewerFormat { format } => format!("format {format}"),
        Damage::WrongShape { line, column } => format!("wrong shape at {line}:{column}"),
        other => format!("{other:?}").to_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::{DocumentProblem, Problem};
    use crate::package::FormPackage;

    fn forms() -> Vec<Form> {
        vec![FormPackage::bundled().form().unwrap()]
    }

    const ID: &str = "0a1b2c3d-0000-4000-8000-000000000002";

    fn document(status: &str, answers: &str) -> String {
        format!(
            r#"{{"id": "{ID}", "form": {{"id": "mhd-peer-support-2025", "version": 1}}, "status": "{status}",
               "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z", "lang": "it",
               "answers": {answers}}}"#
        )
    }

    #[test]
    fn a_good_draft_passes() {
        let checked = check(
            &forms(),
            ID,
            document("draft", r#"{"ps_active": "yes"}"#).as_bytes(),
        )
        .unwrap();
        assert_eq!(checked.response.id.to_string(), ID);
    }

    #[test]
    fn bad_documents_are_refused_naming_the_item() {
        let forms = forms();
        assert_eq!(
            check(&forms, "../etc/passwd", b"{}").err(),
            Some(Refusal::BadId)
        );
        assert_eq!(check(&forms, ID, b"{nope").err(), Some(Refusal::NotJson));
        assert!(matches!(
            check(&forms, ID, b"{\"id\": 1}"),
            Err(Refusal::NotAResponse { .. })
        ));
        let other_id = document("draft", "{}").replace(ID, "0a1b2c3d-0000-4000-8000-000000000003");
        assert_eq!(
            check(&forms, ID, other_id.as_bytes()).err(),
            Some(Refusal::IdMismatch)
        );
        let unknown_form = document("draft", "{}").replace("\"version\": 1", "\"version\": 9");
        assert_eq!(
            check(&forms, ID, unknown_form.as_bytes()).err(),
            Some(Refusal::UnknownForm {
                form: "mhd-peer-support-2025".into(),
                version: 9
            })
        );
        let bad_code = document("draft", r#"{"ps_active": "maybe"}"#);
        assert_eq!(
            check(&forms, ID, bad_code.as_bytes()).err(),
            Some(Refusal::Invalid {
                problems: vec![DocumentProblem::Invalid {
                    item: "ps_active".into(),
                    problem: Problem::NotAnOption {
                        code: "maybe".into()
                    }
                }]
            })
        );
        let escapes = document("draft", r#"{"dept_name": "DSM \u001b]0;OWNED\u0007"}"#);
        assert_eq!(
            check(&forms, ID, escapes.as_bytes()).err(),
            Some(Refusal::Invalid {
                problems: vec![DocumentProblem::Invalid {
                    item: "dept_name".into(),
                    problem: Problem::ControlCharacters
                }]
            }),
            "no terminal escape reaches the research team through the server"
        );
        for (document, detail) in [
            (
                document("draft", "{}").replace(
                    "\"lang\": \"it\"",
                    "\"lang\": \"it\", \"revision\": 9223372036854775808",
                ),
                "revision out of range",
            ),
            (
                document("draft", "{}").replace(
                    "\"lang\": \"it\"",
                    &format!("\"lang\": \"it\", \"junk\": \"{}\"", "x".repeat(20_000)),
                ),
                "unknown keys too large",
            ),
            (
                document("draft", "{}").replace(
                    "\"lang\": \"it\"",
                    "\"lang\": \"it\", \"position\": \"nowhere\"",
                ),
                "position is not an item of the form",
            ),
        ] {
            assert_eq!(
                check(&forms, ID, document.as_bytes()).err(),
                Some(Refusal::NotAResponse {
                    detail: detail.into()
                })
            );
        }
        let incomplete = document("complete", r#"{"ps_active": "no"}"#);
        let Err(Refusal::Invalid { problems }) = check(&forms, ID, incomplete.as_bytes()) else {
            panic!()
        };
        assert!(problems.contains(&DocumentProblem::Invalid {
            item: "dept_region".into(),
            problem: Problem::Required
        }));
    }

    fn typed_document(status: &str, answers: &str, reasons: &str) -> String {
        format!(
            r#"{{"id": "{ID}", "form": {{"id": "typed-form", "version": 1}}, "status": "{status}",
               "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z", "lang": "it",
               "answers": {answers}, "reasons": {reasons}}}"#
        )
    }

    #[test]
    fn an_exclusive_option_with_others_or_an_unconfirmed_warning_is_refused() {
        let forms = vec![
            Form::from_json(include_str!("../../tests/fixtures/typed-form/form.json")).unwrap(),
        ];
        let good = r#"{"staff": 60, "hours": 3.5, "started": "2024-02-29", "kinds": ["none"]}"#;
        let confirmed = r#"{"staff": "Due servizi uniti"}"#;
        let checked = check(
            &forms,
            ID,
            typed_document("complete", good, confirmed).as_bytes(),
        )
        .unwrap();
        assert_eq!(checked.response.reasons["staff"], "Due servizi uniti");
        let refused = |answers: &str, reasons: &str| match check(
            &forms,
            ID,
            typed_document("complete", answers, reasons).as_bytes(),
        ) {
            Err(Refusal::Invalid { problems }) => problems,
            other => panic!("not refused: {:?}", other.map(|c| c.response)),
        };
        // N57: an option listed twice is no answer anyone gave.
        let twice = good.replace(r#"["none"]"#, r#"["groups", "groups"]"#);
        assert_eq!(
            refused(&twice, confirmed),
            [DocumentProblem::Invalid {
                item: "kinds".into(),
                problem: Problem::Repeated {
                    code: "groups".into()
                }
            }]
        );
        let both = good.replace(r#"["none"]"#, r#"["groups", "none"]"#);
        assert_eq!(
            refused(&both, confirmed),
            [DocumentProblem::Invalid {
                item: "kinds".into(),
                problem: Problem::NotAlone {
                    code: "none".into()
                }
            }]
        );
        assert_eq!(
            refused(good, "{}"),
            [DocumentProblem::Invalid {
                item: "staff".into(),
                problem: Problem::Unconfirmed {
                    message: Some("t-staff-many".into())
                }
            }]
        );
        let typed = good.replace("3.5", r#""3,5""#);
        assert_eq!(
            refused(&typed, confirmed),
            [DocumentProblem::Invalid {
                item: "hours".into(),
                problem: Problem::NotANumber
            }]
        );
    }
}
