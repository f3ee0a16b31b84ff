//! What makes an answer, and a whole response, valid.

use super::{Answer, Answers, Form, ItemKind};

/// Why one answer is not acceptable.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum Problem {
    /// A required item has no answer (for multiple choice: no option chosen).
    Required,
    TooShort {
        min: usize,
    },
    TooLong {
        max: usize,
    },
    /// A code that is not among the item's options.
    NotAnOption {
        code: String,
    },
    /// A list where one value belongs, or the reverse.
    WrongType,
    /// Control characters (escape sequences and the like) in a text: only
    /// line breaks and tabs, and only in a multi-line text, are answers.
    ControlCharacters,
}

/// Why a stored document does not fit its form.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum DocumentProblem {
    UnknownItem {
        item: String,
    },
    /// An answer to an item that is not asked, in a completed response.
    NotAsked {
        item: String,
    },
    Invalid {
        item: String,
        problem: Problem,
    },
}

impl Form {
    /// Checks the answer of an asked item.
    pub fn check_answer(&self, item: usize, answer: Option<&Answer>) -> Option<Problem> {
        let item = &self.items[item];
        let answer = match answer {
            Some(a) if !a.is_empty() => a,
            _ => return item.required.then_some(Problem::Required),
        };
        match (&item.kind, answer) {
            (ItemKind::Single { .. }, Answer::One(code)) => unknown_code(item.options(), [code]),
            (ItemKind::Multi { options }, Answer::Many(codes)) => unknown_code(options, codes),
            (ItemKind::Text(rules), Answer::One(text)) => {
                let allowed = |c: char| rules.multiline && (c == '\n' || c == '\t');
                if text.chars().any(|c| c.is_control() && !allowed(c)) {
                    return Some(Problem::ControlCharacters);
                }
                let length = text.trim().chars().count();
                match (rules.min_length, rules.max_length) {
                    (Some(min), _) if length < min => Some(Problem::TooShort { min }),
                    (_, Some(max)) if length > max => Some(Problem::TooLong { max }),
                    _ => None,
                }
            }
            _ => Some(Problem::WrongType),
        }
    }

    /// Every problem among the asked items, in form order: what stands
    /// between a draft and a completed response.
    pub fn problems(&self, answers: &Answers) -> Vec<(usize, Problem)> {
        let asked = self.asked(answers);
        (0..self.items.len())
            .filter(|&i| asked.is_asked(i))
            .filter_map(|i| {
                self.check_answer(i, answers.get(&self.items[i].id))
                    .map(|p| (i, p))
            })
            .collect()
    }

    /// Checks a document written by anyone: every key must be an item of the
    /// form with a well-typed value; a complete one must also be valid and
    /// hold no answers to items that are not asked.
    pub fn check_document(&self, answers: &Answers, complete: bool) -> Vec<DocumentProblem> {
        let asked = self.asked(answers);
        let mut found = Vec::new();
        for (id, answer) in answers {
            let Some(position) = self.position(id) else {
                found.push(DocumentProblem::UnknownItem { item: id.clone() });
                continue;
            };
            if complete && !asked.is_asked(position) {
                found.push(DocumentProblem::NotAsked { item: id.clone() });
            } else if let Some(problem) = self
                .check_answer(position, Some(answer))
                .filter(|p| *p != Problem::Required)
            {
                found.push(DocumentProblem::Invalid {
                    item: id.clone(),
                    problem,
                });
            }
        }
        if complete {
            found.extend(
                self.problems(answers)
                    .into_iter()
                    .filter(|(_, p)| *p == Problem::Required)
                    .map(|(i, problem)| DocumentProblem::Invalid {
                        item: self.items[i].id.clone(),
                        problem,
                    }),
            );
        }
        found
    }
}

fn unknown_code<'a>(
    options: &[super::OptionDef],
    codes: impl IntoIterator<Item = &'a String>,
) -> Option<Problem> {
    codes
        .into_iter()
        .find(|code| !options.iter().any(|o| &o.code == *code))
        .map(|code| Problem::NotAnOption { code: code.clone() })
}

#[cfg(test)]
mod tests {
    #[test]
    fn control_characters_are_refused_but_line_breaks_in_a_long_text_are_not() {
        let form = crate::package::FormPackage::bundled().form().unwrap();
        let position = |id: &str| form.position(id).unwrap();
        let one = |text: &str| crate::form::Answer::One(text.into());
        let name = position("dept_name");
        let practices = position("promising_practices");
        assert_eq!(
            form.check_answer(name, Some(&one("DSM \u{1b}]0;OWNED\u{7}"))),
            Some(super::Problem::ControlCharacters)
        );
        assert_eq!(
            form.check_answer(name, Some(&one("DSM\nVerona"))),
            Some(super::Problem::ControlCharacters)
        );
        assert_eq!(
            form.check_answer(practices, Some(&one("uno\ndue\ttre"))),
            None
        );
        assert_eq!(
            form.check_answer(practices, Some(&one("uno\rdue"))),
            Some(super::Problem::ControlCharacters)
        );
    }

    use super::*;
    use crate::package::FormPackage;

    fn form() -> Form {
        FormPackage::bundled().form_unchecked()
    }

    fn one(v: &str) -> Answer {
        Answer::One(v.into())
    }

    fn check(form: &Form, id: &str, answer: Option<Answer>) -> Option<Problem> {
        form.check_answer(form.position(id).unwrap(), answer.as_ref())
    }

    #[test]
    fn text_length_counts_characters_after_trimming() {
        let form = form();
        assert_eq!(
            check(&form, "dept_name", Some(one(" A "))),
            Some(Problem::TooShort { min: 2 })
        );
        assert_eq!(
            check(&form, "dept_name", Some(one("Valle d'Aosta è qui"))),
            None
        );
        // 200 accented letters are 400 bytes but 200 characters: accepted.
        assert_eq!(check(&form, "dept_name", Some(one(&"è".repeat(200)))), None);
        assert_eq!(
            check(&form, "dept_name", Some(one(&"è".repeat(201)))),
            Some(Problem::TooLong { max: 200 })
        );
        assert_eq!(
            check(&form, "promising_practices", Some(one(&"a".repeat(2001)))),
            Some(Problem::TooLong { max: 2000 })
        );
    }

    #[test]
    fn required_and_optional_items() {
        let form = form();
        assert_eq!(check(&form, "dept_name", None), Some(Problem::Required));
        assert_eq!(
            check(&form, "dept_name", Some(one("   "))),
            Some(Problem::Required)
        );
        assert_eq!(
            check(&form, "ps_services", Some(Answer::Many(vec![]))),
            Some(Problem::Required)
        );
        assert_eq!(check(&form, "promising_practices", None), None);
    }

    #[test]
    fn codes_and_types_are_checked() {
        let form = form();
        assert_eq!(
            check(&form, "ps_active", Some(one("maybe"))),
            Some(Problem::NotAnOption {
                code: "maybe".into()
            })
        );
        assert_eq!(
            check(&form, "ps_active", Some(Answer::Many(vec!["yes".into()]))),
            Some(Problem::WrongType)
        );
        assert_eq!(
            check(&form, "dept_name", Some(Answer::Many(vec!["x".into()]))),
            Some(Problem::WrongType)
        );
        assert_eq!(
            check(
                &form,
                "ps_services",
                Some(Answer::Many(vec!["cmhc".into(), "zoo".into()]))
            ),
            Some(Problem::NotAnOption { code: "zoo".into() })
        );
    }

    #[test]
    fn problems_list_only_asked_items() {
        let form = form();
        let answers = Answers::from([("ps_active".into(), one("no"))]);
        let missing: Vec<&str> = form
            .problems(&answers)
            .iter()
            .map(|(i, _)| form.items[*i].id.as_str())
            .collect();
        assert_eq!(
            missing,
            [
                "dept_region",
                "dept_name",
                "ps_difficulties",
                "cp_planning_role",
                "cp_tools",
                "cp_active",
                "rec_strategies"
            ]
        );
    }

    #[test]
    fn other_companion_is_required_when_other_is_chosen() {
        let form = form();
        let answers =
            Answers::from([("ps_difficulties".into(), Answer::Many(vec!["other".into()]))]);
        assert!(
            form.problems(&answers)
                .iter()
                .any(|(i, p)| form.items[*i].id == "ps_difficulties_other"
                    && *p == Problem::Required)
        );
    }

    #[test]
    fn documents_with_foreign_keys_or_skipped_answers() {
        let form = form();
        let answers = Answers::from([
            ("ps_active".into(), one("no")),
            ("ps_years".into(), one("y1_3")),
            ("mystery".into(), one("x")),
            ("cp_tools".into(), one("perhaps")),
        ]);
        let draft = form.check_document(&answers, false);
        assert_eq!(
            draft,
            [
                DocumentProblem::Invalid {
                    item: "cp_tools".into(),
                    problem: Problem::NotAnOption {
                        code: "perhaps".into()
                    }
                },
                DocumentProblem::UnknownItem {
                    item: "mystery".into()
                },
            ]
        );
        let complete = form.check_document(&answers, true);
        assert!(complete.contains(&DocumentProblem::NotAsked {
            item: "ps_years".into()
        }));
        assert!(complete.contains(&DocumentProblem::Invalid {
            item: "dept_region".into(),
            problem: Problem::Required
        }));
    }
}
