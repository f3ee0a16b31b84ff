//! The words of an invitation or a reminder: campo's own letter, written as
//! a research group writes one (who asks and why, that taking part is
//! voluntary, how the answers are used, the deadline, the way in step by
//! step, whom to ask), or the team's own letter in each language of the
//! form, `--letter it=FILE`, with placeholders for what differs by unit.

use std::path::Path;

use crate::i18n::{Lang, Texts};
use crate::server::storage::MailKind;
use crate::text::printable;

use super::Failure;

/// What a letter may say of each unit, and its placeholders in the two
/// languages (either may be used in any letter).
#[derive(Clone, Copy, PartialEq)]
enum Field {
    Name,
    Code,
    Deadline,
    Access,
    Title,
}

const PLACEHOLDERS: [(&str, &str, Field); 5] = [
    ("nome", "name", Field::Name),
    ("codice", "code", Field::Code),
    ("scadenza", "deadline", Field::Deadline),
    ("accesso", "access", Field::Access),
    ("titolo", "title", Field::Title),
];

/// A team's letter in one language, read and checked.
pub(super) struct TeamLetter {
    lang: Lang,
    text: String,
}

/// The facts of one unit's letter in one language.
pub(super) struct Facts {
    pub name: String,
    pub title: String,
    pub code: String,
    pub deadline: Option<String>,
    /// The way in, step by step, with the code.
    pub access: String,
    /// Who writes (the sender's name, or its address).
    pub sender: String,
    /// The address to write back to.
    pub contact: String,
    /// The form's own sentence on the study's purpose, if it has one.
    pub purpose: Option<String>,
}

/// The team's letters of `--letter LANG=FILE`: none, or one for each
/// language of the e-mail, each using only known placeholders, saying how
/// to get in, and naming a deadline only if the survey has a closing.
pub(super) fn read_letters(
    texts: &Texts,
    given: &[String],
    langs: &[Lang],
    has_closing: bool,
) -> Result<Vec<TeamLetter>, Failure> {
    let mut letters: Vec<TeamLetter> = Vec::new();
    for argument in given {
        let (code, path) = argument.split_once('=').ok_or_else(|| {
            Failure(texts.t_args("mail-letter-bad", &[("given", printable(argument).into())]))
        })?;
        let lang = Lang::from_code(code.trim())
            .filter(|lang| langs.contains(lang))
            .ok_or_else(|| {
                Failure(texts.t_args("mail-letter-lang", &[("lang", printable(code).into())]))
            })?;
        if letters.iter().any(|letter| letter.lang == lang) {
            return Err(Failure(
                texts.t_args("mail-letter-twice", &[("lang", lang.code().into())]),
            ));
        }
        let text = read_letter(texts, Path::new(path))?;
        check_letter(texts, path, &text, has_closing)?;
        letters.push(TeamLetter { lang, text });
    }
    if let Some(missing) = langs
        .iter()
        .find(|lang| !letters.is_empty() && !letters.iter().any(|l| l.lang == **lang))
    {
        return Err(Failure(
            texts.t_args("mail-letter-missing", &[("lang", missing.code().into())]),
        ));
    }
    Ok(letters)
}

fn read_letter(texts: &Texts, path: &Path) -> Result<String, Failure> {
    let bytes = super::read_team_file(texts, path)?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Failure(texts.t_args(
            "mail-letter-not-text",
            &[("path", path.display().to_string().into())],
        ))
    })?;
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    Ok(text.trim_end().to_string())
}

fn check_letter(texts: &Texts, path: &str, text: &str, has_closing: bool) -> Result<(), Failure> {
    let mut fields = Vec::new();
    for word in placeholder_words(text) {
        let field = PLACEHOLDERS
            .iter()
            .find(|(it, en, _)| word == *it || word == *en)
            .map(|(_, _, field)| *field)
            .ok_or_else(|| {
                let known: Vec<String> = PLACEHOLDERS
                    .iter()
                    .map(|(it, en, _)| format!("{{{it}}} {{{en}}}"))
                    .collect();
                Failure(texts.t_args(
                    "mail-letter-unknown",
                    &[
                        ("path", path.into()),
                        ("placeholder", format!("{{{word}}}").into()),
                        ("known", known.join(", ").into()),
                    ],
                ))
            })?;
        if field == Field::Deadline && !has_closing {
            return Err(Failure(texts.t_args(
                "mail-letter-no-deadline",
                &[
                    ("path", path.into()),
                    ("placeholder", format!("{{{word}}}").into()),
                ],
            )));
        }
        fields.push(field);
    }
    if !fields.contains(&Field::Access) && !fields.contains(&Field::Code) {
        return Err(Failure(texts.t_args(
            "mail-letter-no-way-in",
            &[
                ("path", path.into()),
                ("access", "{accesso}".into()),
                ("code", "{codice}".into()),
            ],
        )));
    }
    Ok(())
}

/// The words in `{braces}` that look like placeholders (lower-case
/// letters only); other braces are text.
fn placeholder_words(text: &str) -> impl Iterator<Item = &str> {
    text.split('{').skip(1).filter_map(|rest| {
        let (word, _) = rest.split_once('}')?;
        (!word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase())).then_some(word)
    })
}

/// The team's letter with its placeholders filled in.
fn fill(text: &str, facts: &Facts) -> String {
    let mut filled = text.to_string();
    for (it, en, field) in PLACEHOLDERS {
        let value = match field {
            Field::Name => facts.name.as_str(),
            Field::Code => facts.code.as_str(),
            Field::Deadline => facts.deadline.as_deref().unwrap_or_default(),
            Field::Access => facts.access.as_str(),
            Field::Title => facts.title.as_str(),
        };
        for word in [it, en] {
            filled = filled.replace(&format!("{{{word}}}"), value);
        }
    }
    filled
}

/// The letter in `lang`: the team's, if it gave one, else campo's own.
pub(super) fn letter(
    texts: &Texts,
    lang: Lang,
    kind: MailKind,
    team: &[TeamLetter],
    facts: &Facts,
) -> String {
    if let Some(letter) = team.iter().find(|letter| letter.lang == lang) {
        return fill(&letter.text, facts);
    }
    let t = |id: &str| {
        texts.t_args_in(
            lang,
            id,
            &[
                ("name", facts.name.as_str().into()),
                ("title", facts.title.as_str().into()),
                ("sender", facts.sender.as_str().into()),
                ("contact", facts.contact.as_str().into()),
                (
                    "deadline",
                    facts.deadline.as_deref().unwrap_or_default().into(),
                ),
            ],
        )
    };
    let mut paragraphs = vec![t("mail-greeting")];
    match kind {
        MailKind::Invitation => {
            paragraphs.push(t("mail-invitation-opening"));
            paragraphs.extend(facts.purpose.clone());
            paragraphs.push(t("mail-voluntary"));
            paragraphs.push(t("mail-data-use"));
        }
        MailKind::Reminder => paragraphs.push(t("mail-reminder-opening")),
    }
    if facts.deadline.is_some() {
        paragraphs.push(t("mail-deadline"));
    }
    paragraphs.push(facts.access.clone());
    paragraphs.push(t("mail-contact"));
    paragraphs.push(t("mail-signature"));
    paragraphs.join("\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> Facts {
        Facts {
            name: "DSM Verona".into(),
            title: "Supporto tra pari".into(),
            code: "K7QM-4XPD-9TWC-8HRN".into(),
            deadline: None,
            access: "ssh questionario@example.org, poi il codice K7QM-4XPD-9TWC-8HRN".into(),
            sender: "Università di Verona".into(),
            contact: "indagine@example.org".into(),
            purpose: None,
        }
    }

    #[test]
    fn a_team_letter_takes_its_placeholders_in_either_language() {
        let text = "Gentile {nome} ({name}), {accesso}. {titolo}; {x y}";
        assert_eq!(
            fill(text, &facts()),
            "Gentile DSM Verona (DSM Verona), ssh questionario@example.org, poi il codice \
             K7QM-4XPD-9TWC-8HRN. Supporto tra pari; {x y}"
        );
    }

    #[test]
    fn campo_s_own_invitation_states_the_code_once() {
        let texts = Texts::new(Lang::It, crate::i18n::Catalog::new([]).unwrap());
        let body = letter(&texts, Lang::It, MailKind::Invitation, &[], &facts());
        assert_eq!(body.matches("K7QM-4XPD-9TWC-8HRN").count(), 1, "{body}");
        for part in ["Università di Verona", "volontaria", "indagine@example.org"] {
            assert!(body.contains(part), "{part} missing from {body}");
        }
    }
}
