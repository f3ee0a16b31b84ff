//! What makes an answer, and a whole response, valid.

use chrono::{Days, NaiveDate};
use serde_json::Number;

use super::rules::{check_date, check_number, check_text, not_alone, repeated, unknown_code};
use super::{Answer, Answers, Asked, Form, ItemKind, Reasons};

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
    TooFewWords {
        min: usize,
    },
    TooManyWords {
        max: usize,
    },
    /// Text where a number belongs (a draft keeps what was typed).
    NotANumber,
    /// A decimal part in an `integer` item.
    NotWhole,
    TooSmall {
        min: Number,
    },
    TooLarge {
        max: Number,
    },
    /// Text that is not a date (ISO 8601 once stored).
    NotADate,
    TooEarly {
        min: NaiveDate,
    },
    TooLate {
        max: NaiveDate,
    },
    InTheFuture,
    NotAnEmail,
    NotAPhone,
    /// An exclusive option ("None") chosen together with others.
    NotAlone {
        code: String,
    },
    /// An option listed twice in a multiple choice.
    Repeated {
        code: String,
    },
    /// A hard check of the form holds: the answer is refused.
    Refused {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        message: Option<String>,
    },
    /// A soft check holds and no reason was given for the answer.
    Unconfirmed {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        message: Option<String>,
    },
}

impl Problem {
    /// A warning the respondent may confirm with a reason, rather than an
    /// answer that must change.
    pub fn is_soft(&self) -> bool {
        matches!(self, Problem::Unconfirmed { .. })
    }

    /// What a draft may still hold while it is being filled in: missing
    /// answers, and what is being typed and not yet right. Never what no
    /// typing produces (a code not in the form, a wrong type, control
    /// characters, an exclusive option with others) nor more than a field
    /// takes, which would let a draft grow without bound. A completed
    /// response may hold none of these.
    pub fn allowed_in_draft(&self) -> bool {
        !matches!(
            self,
            Problem::NotAnOption { .. }
                | Problem::WrongType
                | Problem::ControlCharacters
                | Problem::NotAlone { .. }
                | Problem::Repeated { .. }
                | Problem::TooLong { .. }
                | Problem::TooManyWords { .. }
        )
    }
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
    /// A reason for an item without soft checks, or one too long or with
    /// control characters.
    BadReason {
        item: String,
    },
}

/// How many days after this machine's date a stored date may be and still
/// pass "not in the future" (see [`Form::check_document`]).
const STORED_DATE_LEEWAY_DAYS: u64 = 1;

impl Form {
    /// Checks the answer of an asked item on its own (its checks across
    /// answers are [`Form::problem_of`]'s).
    pub fn check_answer(&self, item: usize, answer: Option<&Answer>) -> Option<Problem> {
        self.check_answer_ahead(item, answer, 0)
    }

    /// [`Form::check_answer`] taking dates up to `days` after this
    /// machine's today as not in the future.
    fn check_answer_ahead(
        &self,
        item: usize,
        answer: Option<&Answer>,
        days: u64,
    ) -> Option<Problem> {
        // The clock (and the time zone behind it) is read only where a date
        // must not be in the future: reading it costs more than a check.
        let today = match &self.items[item].kind {
            ItemKind::Date(rules) if rules.not_in_future => {
                let today = chrono::Local::now().date_naive();
                today.checked_add_days(Days::new(days)).unwrap_or(today)
            }
            _ => NaiveDate::MAX,
        };
        self.check_answer_on(item, answer, today)
    }

    /// [`Form::check_answer`] with today's date given, for "not in the
    /// future".
    pub fn check_answer_on(
        &self,
        item: usize,
        answer: Option<&Answer>,
        today: NaiveDate,
    ) -> Option<Problem> {
        let item = &self.items[item];
        let answer = match answer {
            Some(a) if !a.is_empty() => a,
            _ => return item.required.then_some(Problem::Required),
        };
        match (&item.kind, answer) {
            (ItemKind::Single { .. }, Answer::One(code)) => unknown_code(item.options(), [code]),
            (ItemKind::Multi { options }, Answer::Many(codes)) => unknown_code(options, codes)
                .or_else(|| repeated(codes))
                .or_else(|| not_alone(options, codes)),
            (ItemKind::Text(rules), Answer::One(text)) => check_text(rules, text),
            (ItemKind::Number(rules), Answer::Number(number)) => check_number(rules, number),
            (ItemKind::Number(_), Answer::One(_)) => Some(Problem::NotANumber),
            (ItemKind::Date(rules), Answer::One(text)) => check_date(rules, text, today),
            // Worked out by the form itself: any text it gives.
            (ItemKind::Calculate(_), Answer::One(_)) => None,
            _ => Some(Problem::WrongType),
        }
    }

    /// The answer's own problem, else the first of the item's checks across
    /// answers that holds: a hard one refuses, a soft one asks for a reason
    /// unless `reasons` has one for this item.
    pub fn problem_of(&self, item: usize, answers: &Answers, reasons: &Reasons) -> Option<Problem> {
        let own = self.check_answer(item, answers.get(&self.items[item].id));
        let it = &self.items[item];
        if own.is_some() || (it.checks.is_empty() && it.required_when.is_none()) {
            return own;
        }
        let asked = self.asked(answers);
        self.required_now(item, answers, &asked)
            .or_else(|| self.failed_check(item, answers, reasons, &asked))
    }

    /// `Required` for an unanswered item that its `required_when` makes
    /// required with these answers (an always required one is
    /// [`Form::check_answer`]'s).
    fn required_now(&self, item: usize, answers: &Answers, asked: &Asked) -> Option<Problem> {
        let unanswered = answers
            .get(&self.items[item].id)
            .is_none_or(Answer::is_empty);
        (unanswered && self.requires(item, answers, asked)).then_some(Problem::Required)
    }

    /// The first of the item's checks across answers that holds, seeing
    /// only the answers of asked items.
    pub(super) fn failed_check(
        &self,
        item: usize,
        answers: &Answers,
        reasons: &Reasons,
        asked: &Asked,
    ) -> Option<Problem> {
        let item = &self.items[item];
        let visible = |id: &str| -> Option<&Answer> {
            let position = self.position(id)?;
            asked.is_asked(position).then(|| answers.get(id)).flatten()
        };
        let confirmed = reasons.get(&item.id).is_some_and(|r| !r.trim().is_empty());
        item.checks
            .iter()
            .filter(|check| check.when.holds_with(answers.get(&item.id), &visible))
            .find(|check| !(check.soft && confirmed))
            .map(|check| {
                let message = check.message.clone();
                if check.soft {
                    Problem::Unconfirmed { message }
                } else {
                    Problem::Refused { message }
                }
            })
    }

    /// Every problem among the asked items, in form order: what stands
    /// between a draft and a completed response.
    pub fn problems(&self, answers: &Answers, reasons: &Reasons) -> Vec<(usize, Problem)> {
        self.problems_ahead(answers, reasons, 0)
    }

    fn problems_ahead(
        &self,
        answers: &Answers,
        reasons: &Reasons,
        days: u64,
    ) -> Vec<(usize, Problem)> {
        let asked = self.asked(answers);
        (0..self.items.len())
            .filter(|&i| asked.is_asked(i))
            .filter_map(|i| {
                self.check_answer_ahead(i, answers.get(&self.items[i].id), days)
                    .or_else(|| self.required_now(i, answers, &asked))
                    .or_else(|| self.failed_check(i, answers, reasons, &asked))
                    .map(|p| (i, p))
            })
            .collect()
    }

    /// Checks a document written by anyone: every key must be an item of the
    /// form with a well-typed value; a complete one must also be valid and
    /// hold no answers to items that are not asked. A date "not in the
    /// future" may be a day ahead of this machine's: the respondent's day
    /// may have begun already where it was typed (a server in another time
    /// zone must not refuse it).
    pub fn check_document(
        &self,
        answers: &Answers,
        reasons: &Reasons,
        complete: bool,
    ) -> Vec<DocumentProblem> {
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
                .check_answer_ahead(position, Some(answer), STORED_DATE_LEEWAY_DAYS)
                .filter(|p| !p.allowed_in_draft() || (complete && *p != Problem::Required))
            {
                found.push(DocumentProblem::Invalid {
                    item: id.clone(),
                    problem,
                });
            }
        }
        for (id, reason) in reasons {
            let takes_reasons = self
                .item(id)
                .is_some_and(|item| item.checks.iter().any(|c| c.soft));
            if !takes_reasons
                || reason.chars().count() > super::MAX_REASON_CHARS
                || reason.chars().any(char::is_control)
            {
                found.push(DocumentProblem::BadReason { item: id.clone() });
            }
        }
        if complete {
            let own = |i: usize| {
                self.check_answer_ahead(i, answers.get(&self.items[i].id), STORED_DATE_LEEWAY_DAYS)
            };
            found.extend(
                self.problems_ahead(answers, reasons, STORED_DATE_LEEWAY_DAYS)
                    .into_iter()
                    .filter(|(i, p)| *p == Problem::Required || own(*i).is_none())
                    .map(|(i, problem)| DocumentProblem::Invalid {
                        item: self.items[i].id.clone(),
                        problem,
                    }),
            );
        }
        found
    }
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
            .problems(&answers, &Reasons::new())
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
            form.problems(&answers, &Reasons::new())
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
        let draft = form.check_document(&answers, &Reasons::new(), false);
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
        let complete = form.check_document(&answers, &Reasons::new(), true);
        assert!(complete.contains(&DocumentProblem::NotAsked {
            item: "ps_years".into()
        }));
        assert!(complete.contains(&DocumentProblem::Invalid {
            item: "dept_region".into(),
            problem: Problem::Required
        }));
    }

    #[test]
    fn required_when_holds_only_with_its_answers_and_a_complete_document_needs_it() {
        let form = Form::from_json(
            r#"{"id": "r", "version": 1, "title": "t", "sections": [{"id": "s", "title": "s", "items": [
                {"id": "n", "type": "integer", "question": "q", "required": false},
                {"id": "why", "type": "text", "question": "q",
                 "required_when": {"expression": "${n} > 3"}}]}]}"#,
        )
        .unwrap();
        let why = form.position("why").unwrap();
        let few = Answers::from([("n".to_string(), Answer::Number(2.into()))]);
        let many = Answers::from([("n".to_string(), Answer::Number(5.into()))]);
        assert_eq!(form.problem_of(why, &few, &Reasons::new()), None);
        assert_eq!(
            form.problem_of(why, &many, &Reasons::new()),
            Some(Problem::Required)
        );
        assert!(
            form.check_document(&many, &Reasons::new(), false)
                .is_empty()
        );
        assert_eq!(
            form.check_document(&many, &Reasons::new(), true),
            [DocumentProblem::Invalid {
                item: "why".into(),
                problem: Problem::Required
            }]
        );
    }
}
