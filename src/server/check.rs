//! What the server checks before it stores anything.

use uuid::Uuid;

use crate::form::Form;
use crate::protocol::Refusal;
use crate::store::{Damage, Response, Status};

/// A document that passed every check, ready to store.
pub struct Checked {
    pub response: Response,
    /// The document as stored: campo's own canonical form of it, so that
    /// the same revision sent twice compares equal byte for byte.
    pub body: Vec<u8>,
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
    let form = forms
        .iter()
        .find(|f| f.id == response.form.id && f.version == response.form.version)
        .ok_or_else(|| Refusal::UnknownForm {
            form: response.form.id.clone(),
            version: response.form.version,
        })?;
    let problems = form.check_document(&response.answers, response.status == Status::Complete);
    if !problems.is_empty() {
        return Err(Refusal::Invalid { problems });
    }
    let mut stored = response.clone();
    stored.sync = None;
    let body = stored.to_json();
    Ok(Checked { response, body })
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
    use crate::form::{DocumentProblem, FormPackage, Problem};

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
        let incomplete = document("complete", r#"{"ps_active": "no"}"#);
        let Err(Refusal::Invalid { problems }) = check(&forms, ID, incomplete.as_bytes()) else {
            panic!()
        };
        assert!(problems.contains(&DocumentProblem::Invalid {
            item: "dept_region".into(),
            problem: Problem::Required
        }));
    }
}
