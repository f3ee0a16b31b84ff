//! A form's state over a set of answers, question by question, as ODK's
//! engine reports it (`campo form try`, and the way campo is compared with
//! ODK): where each question is, whether it is relevant and required, the
//! value it would submit, whether its required answer is there, and the
//! choices it offers.

use super::{Answers, Form, ItemKind, Reasons};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    /// `/data/group/name`, as ODK's engine names it.
    pub path: String,
    pub name: String,
    pub role: Role,
    pub select: Option<Select>,
    pub relevant: bool,
    pub required: bool,
    /// The answer as it would be submitted; "" when not relevant.
    pub value: String,
    /// The codes chosen (selects only).
    pub selected: Vec<String>,
    /// False when a relevant, required question has no answer.
    pub required_valid: bool,
    /// False when a relevant question's answer fails one of its checks.
    pub constraint_valid: bool,
    /// The codes of the choices offered now.
    pub choices: Vec<String>,
    /// Fluent ids of its label and hint.
    pub label: String,
    pub hint: Option<String>,
}

/// What a node is to the respondent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Question,
    /// Text shown, nothing asked.
    Note,
    /// Worked out, never shown.
    Calculate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Select {
    One,
    Many,
}

impl Form {
    /// Every item's state, in form order.
    pub fn state(&self, answers: &Answers) -> Vec<Node> {
        let asked = self.asked(answers);
        self.items
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let relevant = asked.is_asked(i);
                let answer = answers.get(&item.id).filter(|_| relevant);
                let value = answer.map(|a| a.submitted()).unwrap_or_default();
                // A decimal is submitted with its point, as ODK writes one.
                let value = match &item.kind {
                    ItemKind::Number(rules)
                        if !rules.whole && !value.is_empty() && !value.contains(['.', 'e']) =>
                    {
                        format!("{value}.0")
                    }
                    _ => value,
                };
                let (select, choices) = match &item.kind {
                    ItemKind::Single { options, .. } => (Some(Select::One), options),
                    ItemKind::Multi { options } => (Some(Select::Many), options),
                    _ => (None, &Vec::new()),
                };
                let selected = match select {
                    Some(_) => value.split_whitespace().map(str::to_string).collect(),
                    None => Vec::new(),
                };
                let path = match &item.group {
                    Some(group) => format!("/{}/{group}/{}", self.root, item.id),
                    None => format!("/{}/{}", self.root, item.id),
                };
                let required = self.requires(i, answers, &asked);
                let role = match &item.kind {
                    ItemKind::Note => Role::Note,
                    ItemKind::Calculate(_) => Role::Calculate,
                    _ => Role::Question,
                };
                Node {
                    path,
                    name: item.id.clone(),
                    role,
                    select,
                    relevant,
                    required,
                    required_valid: !(relevant && required && value.trim().is_empty()),
                    constraint_valid: !relevant
                        || self
                            .failed_check(i, answers, &Reasons::new(), &asked)
                            .is_none(),
                    value,
                    selected,
                    choices: choices.iter().map(|o| o.code.clone()).collect(),
                    label: item.question.clone(),
                    hint: item.help.clone(),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::Answer;
    use super::*;

    #[test]
    fn a_skipped_question_submits_nothing_and_its_requirement_holds() {
        let form = Form::from_json(
            r#"{"id": "t", "version": 1, "title": "t", "sections": [{"id": "s", "title": "s", "items": [
                {"id": "age", "type": "integer", "question": "q", "group": "about"},
                {"id": "job", "type": "single", "question": "q", "asked_when": {"expression": "${age} >= 16"},
                 "options": [{"code": "y", "label": "y"}, {"code": "n", "label": "n"}]}]}]}"#,
        )
        .unwrap();
        let answers = Answers::from([
            ("age".to_string(), Answer::Number(15.into())),
            ("job".to_string(), Answer::One("y".into())),
        ]);
        let state = form.state(&answers);
        assert_eq!(state[0].path, "/data/about/age");
        assert_eq!(state[0].value, "15");
        assert_eq!(state[1].path, "/data/job");
        assert!(!state[1].relevant);
        assert_eq!(state[1].value, "", "a stale answer is not submitted");
        assert!(state[1].required_valid);
        assert_eq!(state[1].choices, ["y", "n"]);
        let none = form.state(&Answers::new());
        assert!(!none[0].required_valid);
    }
}
