//! Answers in words: option labels, numbers with their unit, dates in the
//! language's order, "other" details, a unit's name from its list.

use crate::form::Form;

use super::Texts;

impl Texts {
    /// An answer in words: option labels for choices, the text for text,
    /// numbers with their unit, dates in the language's order.
    pub fn answer(&self, form: &Form, item: usize, answer: &crate::form::Answer) -> String {
        match &form.items[item].kind {
            crate::form::ItemKind::Number(rules) => {
                let unit = rules.unit.as_deref().map(|u| self.form_text(u));
                let typed = form.typed_text(item, answer, self.convention());
                return match (answer, unit) {
                    (crate::form::Answer::Number(_), Some(unit)) => format!("{typed} {unit}"),
                    _ => typed,
                };
            }
            crate::form::ItemKind::Date(_) => {
                return form.typed_text(item, answer, self.convention());
            }
            _ => {}
        }
        let options = form.items[item].options();
        let label = |code: &str| match options.iter().find(|o| o.code == code) {
            Some(option) => self.form_text(&option.label),
            None => code.to_string(),
        };
        match answer {
            crate::form::Answer::One(value) if options.is_empty() => value.clone(),
            crate::form::Answer::One(code) => label(code),
            crate::form::Answer::Number(number) => number.to_string(),
            crate::form::Answer::Many(codes) => codes
                .iter()
                .map(|c| label(c))
                .collect::<Vec<_>>()
                .join("; "),
        }
    }

    /// An answer where a column is narrow: an option's short label
    /// (`region-bolzano-short`, "P.A. Bolzano") when the form has one.
    pub fn short_answer(&self, form: &Form, item: usize, answer: &crate::form::Answer) -> String {
        if let crate::form::Answer::One(code) = answer
            && let Some(option) = form.items[item].options().iter().find(|o| &o.code == code)
            && let Some(short) =
                self.optional_form_text_in(self.lang, &format!("{}-short", option.label))
        {
            return short;
        }
        self.answer(form, item, answer)
    }

    /// A unit as its list names it (the first of the form's summary items
    /// that the list fills in), e.g. "DSM Verona"; `None` when it names none.
    pub fn unit_name(
        &self,
        form: &Form,
        prefill: &std::collections::BTreeMap<String, String>,
    ) -> Option<String> {
        form.summary.iter().find_map(|s| {
            let value = prefill.get(&s.item)?;
            let position = form.position(&s.item)?;
            Some(self.answer(form, position, &crate::form::Answer::One(value.clone())))
        })
    }

    /// An answer in words with its "other, specify" details, e.g.
    /// "Day Centres; Other (Outpatient clinic)"; `None` when unanswered.
    pub fn answer_with_details(
        &self,
        form: &Form,
        answers: &crate::form::Answers,
        item: usize,
    ) -> Option<String> {
        let answer = answers
            .get(&form.items[item].id)
            .filter(|a| !a.is_empty())?;
        let mut text = self.answer(form, item, answer);
        for companion in form.companions_of(item) {
            let Some((_, option)) = &form.items[companion].specifies else {
                continue;
            };
            if let Some(detail) = answers
                .get(&form.items[companion].id)
                .filter(|_| answer.includes(option))
            {
                text = format!("{text} ({})", self.answer(form, companion, detail));
            }
        }
        Some(text)
    }
}
