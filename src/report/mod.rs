//! The paper's frequency tables from the collected responses: for every
//! item, n and % of those asked, and how many were not asked (NA). Pure
//! counting here; `format` lays the tables out, `crate::export` writes
//! files for analysts.

pub mod format;

use crate::form::{Answer, Form, ItemKind};
use crate::store::{Listed, Response, Status, StoreError};

/// Which responses a report reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusFilter {
    Complete,
    All,
}

/// What was read, and what was left out and why.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    pub used: usize,
    /// Responses of the right form left out by the status filter (drafts).
    pub drafts_left_out: usize,
    pub other_form: usize,
    pub damaged: Vec<StoreError>,
}

/// Picks the responses of `form` with the wanted status.
pub fn select(
    form: &Form,
    entries: Vec<Listed>,
    filter: StatusFilter,
) -> (Vec<Response>, Selection) {
    let mut selection = Selection::default();
    let mut chosen = Vec::new();
    for entry in entries {
        match entry {
            Listed::Broken(error) => selection.damaged.push(error),
            Listed::Response(r) if r.form.id != form.id || r.form.version != form.version => {
                selection.other_form += 1
            }
            Listed::Response(r)
                if filter == StatusFilter::Complete && r.status != Status::Complete =>
            {
                selection.drafts_left_out += 1
            }
            Listed::Response(r) => chosen.push(*r),
        }
    }
    selection.used = chosen.len();
    (chosen, selection)
}

/// The counts of one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    pub item: usize,
    /// Responses the item was asked in: the denominator of every %.
    pub asked: usize,
    pub not_asked: usize,
    /// For choice items: each option's code and how many chose it, in
    /// form order (or by count, after [`Tally::by_frequency`]).
    pub options: Vec<(String, usize)>,
    /// Asked responses with an answer (for text items, the figure shown).
    pub answered: usize,
}

impl Tally {
    pub fn is_choice(&self, form: &Form) -> bool {
        !matches!(form.items[self.item].kind, ItemKind::Text(_))
    }

    pub fn is_multiple(&self, form: &Form) -> bool {
        matches!(form.items[self.item].kind, ItemKind::Multi { .. })
    }

    /// Options most chosen first (ties keep form order), as the paper
    /// orders some tables.
    pub fn by_frequency(mut self) -> Tally {
        self.options.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        self
    }
}

/// n as a percentage of `asked`, to one decimal; none when nobody was asked.
pub fn percent(n: usize, asked: usize) -> Option<f64> {
    (asked > 0).then(|| (n as f64 * 1000.0 / asked as f64).round() / 10.0)
}

/// Counts every item of the form over the responses, in form order.
pub fn tally(form: &Form, responses: &[Response]) -> Vec<Tally> {
    let asked: Vec<_> = responses.iter().map(|r| form.asked(&r.answers)).collect();
    (0..form.items.len())
        .map(|item| {
            let id = &form.items[item].id;
            let answers: Vec<Option<&Answer>> = responses
                .iter()
                .zip(&asked)
                .filter(|(_, a)| a.is_asked(item))
                .map(|(r, _)| r.answers.get(id).filter(|a| !a.is_empty()))
                .collect();
            let options = form.items[item]
                .options()
                .iter()
                .map(|o| {
                    (
                        o.code.clone(),
                        answers
                            .iter()
                            .flatten()
                            .filter(|a| a.includes(&o.code))
                            .count(),
                    )
                })
                .collect();
            Tally {
                item,
                asked: answers.len(),
                not_asked: responses.len() - answers.len(),
                options,
                answered: answers.iter().flatten().count(),
            }
        })
        .collect()
}

/// The responses in each group of a derived value (e.g. macro-area), in the
/// order the form lists the groups; responses without a value are left out.
pub fn by_group(
    form: &Form,
    derived: &str,
    responses: &[Response],
) -> Option<Vec<(String, Vec<Response>)>> {
    let definition = form.derived.iter().find(|d| d.id == derived)?;
    let value_of = |r: &Response| {
        form.derive(
            definition,
            r.answers.get(&definition.from).and_then(Answer::as_one),
        )
    };
    Some(
        definition
            .values
            .iter()
            .map(|value| {
                let members = responses
                    .iter()
                    .filter(|r| value_of(r) == Some(value.code.as_str()))
                    .cloned()
                    .collect();
                (value.code.clone(), members)
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::form::Answers;
    use crate::package::FormPackage;
    use crate::store::FormRef;

    fn response(status: Status, answers: &[(&str, Answer)]) -> Response {
        let mut r = Response::new(
            FormRef {
                id: "mhd-peer-support-2025".into(),
                version: 1,
            },
            "it",
            Utc::now(),
        );
        r.status = status;
        r.answers = answers
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect::<Answers>();
        r
    }

    fn one(v: &str) -> Answer {
        Answer::One(v.into())
    }

    fn many(v: &[&str]) -> Answer {
        Answer::Many(v.iter().map(|s| s.to_string()).collect())
    }

    fn fixture() -> Vec<Response> {
        vec![
            response(
                Status::Complete,
                &[
                    ("ps_active", one("yes")),
                    ("ps_services", many(&["cmhc", "day_centre"])),
                    ("dept_region", one("veneto")),
                ],
            ),
            response(
                Status::Complete,
                &[
                    ("ps_active", one("yes")),
                    ("ps_services", many(&["cmhc"])),
                    ("dept_region", one("sicilia")),
                ],
            ),
            response(
                Status::Complete,
                &[("ps_active", one("no")), ("dept_region", one("veneto"))],
            ),
            response(
                Status::Complete,
                &[("ps_active", one("dk")), ("dept_name", one("DSM"))],
            ),
        ]
    }

    #[test]
    fn counts_are_of_those_asked_with_the_rest_not_asked() {
        let form = FormPackage::bundled().form().unwrap();
        let tallies = tally(&form, &fixture());
        let active = &tallies[form.position("ps_active").unwrap()];
        assert_eq!((active.asked, active.not_asked), (4, 0));
        assert_eq!(
            active.options,
            [("yes".into(), 2), ("no".into(), 1), ("dk".into(), 1)]
        );
        let services = &tallies[form.position("ps_services").unwrap()];
        assert_eq!((services.asked, services.not_asked), (2, 2));
        // Multiple choice: the denominator is the number asked, not of answers.
        assert_eq!(services.options[0], ("cmhc".into(), 2));
        assert_eq!(percent(services.options[1].1, services.asked), Some(50.0));
        let name = &tallies[form.position("dept_name").unwrap()];
        assert_eq!((name.asked, name.answered), (4, 1));
    }

    #[test]
    fn percentages_round_to_one_decimal() {
        assert_eq!(percent(23, 61), Some(37.7));
        assert_eq!(percent(25, 34), Some(73.5));
        assert_eq!(percent(1, 3), Some(33.3));
        assert_eq!(percent(0, 0), None);
    }

    #[test]
    fn frequency_order_keeps_ties_in_form_order() {
        let form = FormPackage::bundled().form().unwrap();
        let tallies = tally(&form, &fixture());
        let active = tallies[form.position("ps_active").unwrap()]
            .clone()
            .by_frequency();
        assert_eq!(
            active.options,
            [("yes".into(), 2), ("no".into(), 1), ("dk".into(), 1)]
        );
    }

    #[test]
    fn groups_follow_the_derived_value() {
        let form = FormPackage::bundled().form().unwrap();
        let responses = fixture();
        let groups = by_group(&form, "macro_area", &responses).unwrap();
        let sizes: Vec<(String, usize)> =
            groups.iter().map(|(g, r)| (g.clone(), r.len())).collect();
        assert_eq!(
            sizes,
            [
                ("north_west".into(), 0),
                ("north_east".into(), 2),
                ("centre".into(), 0),
                ("south".into(), 0),
                ("islands".into(), 1)
            ]
        );
        assert!(by_group(&form, "nothing", &responses).is_none());
    }

    #[test]
    fn selection_leaves_out_drafts_and_other_forms() {
        let form = FormPackage::bundled().form().unwrap();
        let mut other = response(Status::Complete, &[]);
        other.form.version = 2;
        let entries = vec![
            Listed::Response(Box::new(response(Status::Complete, &[]))),
            Listed::Response(Box::new(response(Status::Draft, &[]))),
            Listed::Response(Box::new(other)),
        ];
        let (chosen, selection) = select(&form, entries.clone(), StatusFilter::Complete);
        assert_eq!(
            (
                chosen.len(),
                selection.drafts_left_out,
                selection.other_form
            ),
            (1, 1, 1)
        );
        let (all, _) = select(&form, entries, StatusFilter::All);
        assert_eq!(all.len(), 2);
    }
}
