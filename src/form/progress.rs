//! How far along each section is: answered of asked questions, and whether
//! a section not asked yet is still undecided.

use super::{Answer, Answers, Asked, Form};

/// Answered and asked questions of one section ("other, specify" companions
/// count with their question, not on their own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SectionProgress {
    pub answered: usize,
    pub asked: usize,
    /// Nothing is asked yet, but an answer still to be given may change
    /// that: the section is not decided, rather than not applicable.
    pub undecided: bool,
}

impl SectionProgress {
    /// Nothing in the section is asked with the current answers.
    pub fn skipped(&self) -> bool {
        self.asked == 0
    }
}

impl Form {
    pub fn section_progress(&self, asked: &Asked, answers: &Answers) -> Vec<SectionProgress> {
        let undecided = self.undecided(asked, answers);
        self.sections
            .iter()
            .map(|section| {
                let questions: Vec<usize> = section
                    .items
                    .clone()
                    .filter(|&i| self.is_question(asked, i) && self.items[i].takes_answer())
                    .collect();
                let answered = questions
                    .iter()
                    .filter(|&&i| self.is_answered_whole(asked, answers, i))
                    .count();
                SectionProgress {
                    answered,
                    asked: questions.len(),
                    undecided: section.items.clone().any(|i| undecided[i]),
                }
            })
            .collect()
    }

    /// A question answered, with its "other, specify" too when that is
    /// asked (m34: a section with an empty required detail is not done).
    fn is_answered_whole(&self, asked: &Asked, answers: &Answers, question: usize) -> bool {
        let answered = |i: usize| {
            answers
                .get(&self.items[i].id)
                .is_some_and(|a| !a.is_empty())
        };
        let details_answered = self
            .items
            .iter()
            .enumerate()
            .filter(|(_, item)| item.specifies.as_ref().is_some_and(|(p, _)| *p == question))
            .all(|(detail, _)| !asked.is_asked(detail) || answered(detail));
        answered(question) && details_answered
    }

    /// Items not asked only because a question they depend on has no
    /// answer yet (or is itself undecided).
    fn undecided(&self, asked: &Asked, answers: &Answers) -> Vec<bool> {
        let mut undecided = vec![false; self.items.len()];
        for (i, item) in self.items.iter().enumerate() {
            if asked.is_asked(i) {
                continue;
            }
            let open = |id: &str| {
                self.position(id).is_some_and(|p| {
                    undecided[p]
                        || (asked.is_asked(p) && answers.get(id).is_none_or(Answer::is_empty))
                })
            };
            undecided[i] = match (&item.specifies, &item.asked_when) {
                (Some((parent, _)), _) => open(&self.items[*parent].id),
                (None, Some(condition)) => condition.references().iter().any(|(id, _)| open(id)),
                (None, None) => false,
            };
        }
        undecided
    }

    /// Answered and asked questions over the whole form.
    pub fn progress(&self, answers: &Answers) -> SectionProgress {
        let asked = self.asked(answers);
        self.section_progress(&asked, answers).iter().fold(
            SectionProgress {
                answered: 0,
                asked: 0,
                undecided: false,
            },
            |acc, p| SectionProgress {
                answered: acc.answered + p.answered,
                asked: acc.asked + p.asked,
                undecided: acc.undecided || p.undecided,
            },
        )
    }
}
