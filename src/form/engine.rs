//! Pure rules over (form, answers): what is asked, where to go next, what a
//! completed response keeps (how far along each section is: `progress.rs`).

use std::collections::BTreeMap;

use super::{Answer, Answers, Form, Item, ItemKind};

/// Which items of a form are asked for a given set of answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked(Vec<bool>);

impl Asked {
    pub fn is_asked(&self, item: usize) -> bool {
        self.0.get(item).copied().unwrap_or(false)
    }
}

impl Form {
    /// Works out which items are asked. Items are settled in form order and a
    /// condition only sees the answers of items that are themselves asked, so
    /// a stale answer behind a skipped question cannot switch on later items.
    pub fn asked(&self, answers: &Answers) -> Asked {
        let mut asked = vec![false; self.items.len()];
        for i in 0..self.items.len() {
            asked[i] = self.is_asked_after(i, &asked, answers);
        }
        Asked(asked)
    }

    /// Works out every calculate's value again, in form order, and stores it
    /// among the answers under its id (a calculate not asked, or worth an
    /// empty text, has none: ODK submits nothing for it). A calculate reads
    /// only earlier items, so one pass settles them all, chains included.
    pub fn with_calculates(&self, answers: &mut Answers) {
        if !self.items.iter().any(Item::is_calculate) {
            return;
        }
        let mut asked = vec![false; self.items.len()];
        for (i, item) in self.items.iter().enumerate() {
            asked[i] = self.is_asked_after(i, &asked, answers);
            let ItemKind::Calculate(calculation) = &item.kind else {
                continue;
            };
            let value = asked[i]
                .then(|| calculation.value(&|id: &str| self.visible(id, i, &asked, answers)))
                .filter(|value| !value.is_empty());
            match value {
                Some(value) => answers.insert(item.id.clone(), Answer::One(value)),
                None => answers.remove(&item.id),
            };
        }
    }

    /// Whether item `i` is asked, those before it being settled in `asked`.
    fn is_asked_after(&self, i: usize, asked: &[bool], answers: &Answers) -> bool {
        match &self.items[i].specifies {
            Some((parent, option)) => {
                asked[*parent]
                    && answers
                        .get(&self.items[*parent].id)
                        .is_some_and(|a| a.includes(option))
            }
            None => self.items[i]
                .asked_when
                .as_ref()
                .is_none_or(|c| c.holds(&|id: &str| self.visible(id, i, asked, answers))),
        }
    }

    /// The answer item `i`'s expressions see for `id`: an earlier item's,
    /// when that item is asked.
    fn visible<'a>(
        &self,
        id: &str,
        i: usize,
        asked: &[bool],
        answers: &'a Answers,
    ) -> Option<&'a Answer> {
        let position = self.position(id)?;
        if position < i && asked[position] {
            answers.get(id)
        } else {
            None
        }
    }

    /// Whether an item must be answered with these answers: always, or
    /// while its `required_when` holds over the answers of items asked.
    pub fn requires(&self, item: usize, answers: &Answers, asked: &Asked) -> bool {
        let it = &self.items[item];
        it.required
            || it.required_when.as_ref().is_some_and(|condition| {
                condition.holds(&|id: &str| {
                    let position = self.position(id)?;
                    asked.is_asked(position).then(|| answers.get(id)).flatten()
                })
            })
    }

    /// Questions are the items shown one at a time; companions go with them.
    /// A calculate is never shown; a note is, though nothing is asked.
    pub(super) fn is_question(&self, asked: &Asked, item: usize) -> bool {
        asked.is_asked(item) && !self.items[item].is_companion() && !self.items[item].is_calculate()
    }

    /// Which question an item is, and of how many, counting the questions
    /// asked (every one, with `None`): an "other, specify" line is part of
    /// its question and takes its number. The one count every screen uses.
    pub fn question_number(&self, asked: Option<&Asked>, item: usize) -> (usize, usize) {
        let item = self.items[item]
            .specifies
            .as_ref()
            .map_or(item, |(p, _)| *p);
        let counted = |i: usize| {
            let item = &self.items[i];
            !item.is_companion() && item.takes_answer() && asked.is_none_or(|a| a.is_asked(i))
        };
        let number = (0..=item).filter(|&i| counted(i)).count();
        let total = (0..self.items.len()).filter(|&i| counted(i)).count();
        (number, total)
    }

    pub fn first_question(&self, asked: &Asked) -> Option<usize> {
        (0..self.items.len()).find(|&i| self.is_question(asked, i))
    }

    pub fn next_question(&self, asked: &Asked, from: usize) -> Option<usize> {
        (from + 1..self.items.len()).find(|&i| self.is_question(asked, i))
    }

    pub fn previous_question(&self, asked: &Asked, from: usize) -> Option<usize> {
        (0..from.min(self.items.len()))
            .rev()
            .find(|&i| self.is_question(asked, i))
    }

    /// The first asked question of the next section that has one.
    pub fn next_section(&self, asked: &Asked, from: usize) -> Option<usize> {
        let current = self.items.get(from)?.section;
        self.sections[current + 1..]
            .iter()
            .find_map(|s| s.items.clone().find(|&i| self.is_question(asked, i)))
    }

    /// The first asked question of the previous section that has one.
    pub fn previous_section(&self, asked: &Asked, from: usize) -> Option<usize> {
        let current = self.items.get(from)?.section;
        self.sections[..current]
            .iter()
            .rev()
            .find_map(|s| s.items.clone().find(|&i| self.is_question(asked, i)))
    }

    /// The first asked question at or after the start of section `section`.
    pub fn section_start(&self, asked: &Asked, section: usize) -> Option<usize> {
        let start = self.sections.get(section)?.items.start;
        (start..self.items.len()).find(|&i| self.is_question(asked, i))
    }

    /// The asked question nearest to `item` going back, else forward: where
    /// to stand when the item under the cursor stops being asked.
    pub fn nearest_question(&self, asked: &Asked, item: usize) -> Option<usize> {
        if item < self.items.len() && self.is_question(asked, item) {
            return Some(item);
        }
        self.previous_question(asked, item)
            .or_else(|| self.next_question(asked, item))
    }

    /// The answers a completed response keeps: those of asked items, non-empty.
    pub fn without_skipped(&self, answers: &Answers) -> Answers {
        let asked = self.asked(answers);
        answers
            .iter()
            .filter(|(id, answer)| {
                self.position(id).is_some_and(|i| asked.is_asked(i)) && !answer.is_empty()
            })
            .map(|(id, answer)| (id.clone(), answer.clone()))
            .collect()
    }

    /// The derived values (such as the macro-area) for these answers.
    pub fn derived_values(&self, answers: &Answers) -> BTreeMap<String, String> {
        self.derived
            .iter()
            .filter_map(|d| {
                let source = answers.get(&d.from).and_then(Answer::as_one);
                self.derive(d, source)
                    .map(|code| (d.id.clone(), code.to_string()))
            })
            .collect()
    }

    /// Puts the codes of a multiple choice in form order, whatever order
    /// they were picked in.
    pub fn in_form_order(&self, item: usize, codes: &[String]) -> Vec<String> {
        self.items[item]
            .options()
            .iter()
            .filter(|o| codes.contains(&o.code))
            .map(|o| o.code.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::SectionProgress;
    use crate::package::FormPackage;

    fn form() -> Form {
        FormPackage::bundled().form_unchecked()
    }

    fn one(v: &str) -> Answer {
        Answer::One(v.into())
    }

    fn many(v: &[&str]) -> Answer {
        Answer::Many(v.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn an_other_line_takes_its_questions_number_on_every_screen() {
        let form = form();
        let answers = Answers::from([
            ("ps_active".into(), one("yes")),
            ("ps_services".into(), many(&["other"])),
        ]);
        let asked = form.asked(&answers);
        let services = form.position("ps_services").unwrap();
        let other = form.position("ps_services_other").unwrap();
        assert_eq!(
            form.question_number(Some(&asked), other),
            form.question_number(Some(&asked), services)
        );
        assert_eq!(form.question_number(Some(&asked), services), (6, 20));
        assert_eq!(
            form.question_number(None, services).1,
            28,
            "every question of the form"
        );
    }

    #[test]
    fn a_branch_is_undecided_until_its_question_is_answered_then_skipped() {
        let form = form();
        let mut answers = Answers::new();
        let progress = |answers: &Answers| form.section_progress(&form.asked(answers), answers);
        let before = progress(&answers);
        assert!(!before[1].skipped(), "(a) asks ps_active");
        assert!(
            before[2].skipped() && before[2].undecided,
            "(b) waits on ps_active"
        );
        answers.insert("ps_active".into(), one("no"));
        let after = progress(&answers);
        assert!(
            after[2].skipped() && !after[2].undecided,
            "(b) is now not applicable"
        );
        answers.insert("ps_active".into(), one("yes"));
        assert!(!progress(&answers)[2].skipped());
    }

    fn ids(form: &Form, asked: &Asked) -> Vec<String> {
        form.items
            .iter()
            .enumerate()
            .filter(|(i, _)| asked.is_asked(*i))
            .map(|(_, it)| it.id.clone())
            .collect()
    }

    #[test]
    fn with_no_answers_only_unconditional_items_are_asked() {
        let form = form();
        let asked = ids(&form, &form.asked(&Answers::new()));
        assert_eq!(
            asked,
            [
                "dept_region",
                "dept_name",
                "ps_active",
                "ps_difficulties",
                "cp_planning_role",
                "cp_tools",
                "cp_active",
                "rec_strategies",
                "promising_practices"
            ]
        );
    }

    #[test]
    fn yes_branches_open_their_items_and_companions() {
        let form = form();
        let answers = Answers::from([
            ("ps_active".into(), one("yes")),
            ("ps_trained".into(), one("yes")),
            ("ps_services".into(), many(&["cmhc", "other"])),
        ]);
        let asked = form.asked(&answers);
        for id in [
            "ps_years",
            "ps_count",
            "ps_services",
            "ps_services_other",
            "ps_training_by",
            "rec_contribution",
        ] {
            assert!(
                asked.is_asked(form.position(id).unwrap()),
                "{id} should be asked"
            );
        }
        for id in [
            "ps_funding",
            "ps_stigma_how",
            "cp_areas",
            "rec_actions",
            "ps_activities_other",
        ] {
            assert!(
                !asked.is_asked(form.position(id).unwrap()),
                "{id} should not be asked"
            );
        }
    }

    #[test]
    fn a_stale_answer_behind_a_skipped_question_opens_nothing() {
        let form = form();
        // ps_trained = yes was given, then ps_active turned to no.
        let answers = Answers::from([
            ("ps_active".into(), one("no")),
            ("ps_trained".into(), one("yes")),
        ]);
        let asked = form.asked(&answers);
        assert!(!asked.is_asked(form.position("ps_trained").unwrap()));
        assert!(!asked.is_asked(form.position("ps_training_by").unwrap()));
    }

    #[test]
    fn navigation_skips_what_is_not_asked() {
        let form = form();
        let answers = Answers::from([("ps_active".into(), one("no"))]);
        let asked = form.asked(&answers);
        let at = |id| form.position(id).unwrap();
        assert_eq!(form.first_question(&asked), Some(at("dept_region")));
        assert_eq!(
            form.next_question(&asked, at("ps_active")),
            Some(at("ps_difficulties"))
        );
        assert_eq!(
            form.previous_question(&asked, at("ps_difficulties")),
            Some(at("ps_active"))
        );
        // Sections roles, training and benefits are skipped entirely.
        assert_eq!(
            form.next_section(&asked, at("ps_active")),
            Some(at("ps_difficulties"))
        );
        assert_eq!(
            form.previous_section(&asked, at("ps_difficulties")),
            Some(at("ps_active"))
        );
        assert_eq!(form.next_question(&asked, at("promising_practices")), None);
        assert_eq!(form.previous_question(&asked, at("dept_region")), None);
        // Companions are never stood on: they are edited with their question.
        let with_other = Answers::from([("cp_planning_role".into(), one("other"))]);
        let asked = form.asked(&with_other);
        assert_eq!(
            form.next_question(&asked, at("cp_planning_role")),
            Some(at("cp_tools"))
        );
    }

    #[test]
    fn progress_counts_answered_of_asked_per_section() {
        let form = form();
        let answers = Answers::from([
            ("dept_region".into(), one("veneto")),
            ("ps_active".into(), one("yes")),
            ("ps_years".into(), one("y1_3")),
            ("ps_services".into(), many(&[])),
        ]);
        let asked = form.asked(&answers);
        let progress = form.section_progress(&asked, &answers);
        assert_eq!(
            progress[0],
            SectionProgress {
                answered: 1,
                asked: 2,
                undecided: false
            }
        );
        assert_eq!(
            progress[1],
            SectionProgress {
                answered: 2,
                asked: 4,
                // ps_services has no answer: whether "other" is asked is open.
                undecided: true
            }
        );
        // m34: "Other" ticked and not specified: not answered yet.
        let mut other = answers.clone();
        other.insert("ps_services".into(), many(&["cmhc", "other"]));
        let progress = form.section_progress(&form.asked(&other), &other);
        assert_eq!(progress[1].answered, 2);
        other.insert("ps_services_other".into(), one("Ambulatorio"));
        let progress = form.section_progress(&form.asked(&other), &other);
        assert_eq!(progress[1].answered, 3);
        let no = Answers::from([("ps_active".into(), one("no"))]);
        let progress = form.section_progress(&form.asked(&no), &no);
        assert!(progress[2].skipped() && progress[3].skipped() && progress[4].skipped());
        assert!(!progress[5].skipped());
    }

    #[test]
    fn completing_drops_skipped_and_empty_answers() {
        let form = form();
        let answers = Answers::from([
            ("ps_active".into(), one("no")),
            ("ps_years".into(), one("y1_3")),
            ("cp_planning_role".into(), one("consultative")),
            ("cp_planning_role_other".into(), one("left over")),
            ("promising_practices".into(), one("   ")),
            ("not_in_form".into(), one("x")),
        ]);
        let kept = form.without_skipped(&answers);
        assert_eq!(
            kept,
            Answers::from([
                ("ps_active".into(), one("no")),
                ("cp_planning_role".into(), one("consultative"))
            ])
        );
    }

    #[test]
    fn macro_area_is_derived_from_the_region() {
        let form = form();
        let answers = Answers::from([("dept_region".into(), one("valle_d_aosta"))]);
        assert_eq!(
            form.derived_values(&answers)
                .get("macro_area")
                .map(String::as_str),
            Some("north_west")
        );
        assert!(form.derived_values(&Answers::new()).is_empty());
        let islands = Answers::from([("dept_region".into(), one("sardegna"))]);
        assert_eq!(form.derived_values(&islands)["macro_area"], "islands");
    }

    /// staff → share (a chain through two calculates), a gated calculate,
    /// a note, and a question asked on a calculate's value.
    fn with_calculates() -> Form {
        Form::from_json(
            r#"{"id": "c", "version": 1, "title": "t", "sections": [{"id": "s", "title": "s", "items": [
                {"id": "staff", "type": "integer", "question": "q"},
                {"id": "psw", "type": "integer", "question": "q"},
                {"id": "ratio", "type": "calculate", "question": "q", "calculation": "${psw} div ${staff}"},
                {"id": "share", "type": "calculate", "question": "q", "calculation": "round(${ratio} * 100, 1)"},
                {"id": "big", "type": "calculate", "question": "q", "calculation": "concat(${share}, '%')",
                 "asked_when": {"expression": "${share} >= 10"}},
                {"id": "said", "type": "note", "question": "q"},
                {"id": "why", "type": "text", "question": "q", "asked_when": {"answered": "big"}}]}]}"#,
        )
        .unwrap()
    }

    fn number(n: i64) -> Answer {
        Answer::Number(n.into())
    }

    #[test]
    fn calculates_follow_their_answers_in_a_chain_and_drop_when_not_asked() {
        let form = with_calculates();
        let mut answers = Answers::from([("staff".into(), number(20)), ("psw".into(), number(5))]);
        form.with_calculates(&mut answers);
        assert_eq!(answers["ratio"], one("0.25"));
        assert_eq!(answers["share"], one("25"));
        assert_eq!(answers["big"], one("25%"));
        assert!(form.asked(&answers).is_asked(form.position("why").unwrap()));
        answers.insert("psw".into(), number(1));
        form.with_calculates(&mut answers);
        assert_eq!(answers["share"], one("5"));
        assert!(!answers.contains_key("big"), "not asked: no value kept");
        assert!(!form.asked(&answers).is_asked(form.position("why").unwrap()));
        // Without an answer the arithmetic gives NaN, which ODK stores as
        // an empty value (its oracle agrees): nothing is kept.
        answers.remove("staff");
        form.with_calculates(&mut answers);
        assert!(!answers.contains_key("ratio") && !answers.contains_key("share"));
    }

    #[test]
    fn a_calculate_is_never_stood_on_and_a_note_is_shown_but_not_counted() {
        let form = with_calculates();
        let mut answers = Answers::from([
            ("staff".into(), number(10)),
            ("psw".into(), number(5)),
            ("why".into(), one("a project")),
        ]);
        form.with_calculates(&mut answers);
        let asked = form.asked(&answers);
        let at = |id| form.position(id).unwrap();
        assert_eq!(form.next_question(&asked, at("psw")), Some(at("said")));
        assert_eq!(form.previous_question(&asked, at("said")), Some(at("psw")));
        assert_eq!(form.question_number(Some(&asked), at("why")), (3, 3));
        let progress = form.section_progress(&asked, &answers);
        assert_eq!((progress[0].answered, progress[0].asked), (3, 3));
        let kept = form.without_skipped(&answers);
        assert_eq!(
            kept["big"],
            one("50%"),
            "a calculate is kept with the response"
        );
    }

    #[test]
    fn multiple_choice_codes_are_kept_in_form_order() {
        let form = form();
        let at = form.position("ps_services").unwrap();
        let codes = vec![
            "other".to_string(),
            "cmhc".to_string(),
            "inpatient".to_string(),
        ];
        assert_eq!(
            form.in_form_order(at, &codes),
            ["cmhc", "inpatient", "other"]
        );
    }
}
