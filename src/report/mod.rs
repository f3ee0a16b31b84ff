//! The paper's frequency tables from the collected responses: for every
//! item, n and % of those asked, and how many were not asked (NA). Pure
//! counting here; `format` lays the tables out, `crate::export` writes
//! files for analysts.

pub mod format;
mod values;

pub use values::ValueSummary;
use values::Values;

use crate::form::{Answer, Form, ItemKind};
use crate::store::{Response, Responses, Status, StoreError};

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

impl Selection {
    /// Whether a response read is one the report counts, noting why not.
    pub fn takes(
        &mut self,
        form: &Form,
        read: &Result<Response, StoreError>,
        filter: StatusFilter,
    ) -> bool {
        match read {
            Err(error) => self.damaged.push(error.clone()),
            Ok(r) if r.form.id != form.id || r.form.version != form.version => self.other_form += 1,
            Ok(r) if filter == StatusFilter::Complete && r.status != Status::Complete => {
                self.drafts_left_out += 1
            }
            Ok(_) => {
                self.used += 1;
                return true;
            }
        }
        false
    }
}

/// Reads every response of the store, one at a time, into the counts of a
/// report (broken down by the derived value `by`, if given): none is kept,
/// so 100,000 responses take the memory of one.
pub fn gather(
    form: &Form,
    store: &dyn Responses,
    filter: StatusFilter,
    by: Option<&str>,
) -> Result<(Gathered, Selection), StoreError> {
    let mut gathered = Gathered::new(form, by);
    let mut selection = Selection::default();
    store.each(&mut |read| {
        if selection.takes(form, &read, filter)
            && let Ok(response) = read
        {
            gathered.add(form, &response);
        }
    })?;
    Ok((gathered, selection))
}

/// The counts of every item, over all responses and in each group of a
/// derived value (e.g. macro-area), in the order the form lists the groups;
/// a response without a value counts in the total only.
pub struct Gathered {
    pub total: Counts,
    pub groups: Vec<(String, Counts)>,
    by: Option<usize>,
}

impl Gathered {
    pub fn new(form: &Form, by: Option<&str>) -> Gathered {
        let by = by.and_then(|by| form.derived.iter().position(|d| d.id == by));
        let groups = by
            .map(|d| {
                form.derived[d]
                    .values
                    .iter()
                    .map(|v| (v.code.clone(), Counts::new(form)))
                    .collect()
            })
            .unwrap_or_default();
        Gathered {
            total: Counts::new(form),
            groups,
            by,
        }
    }

    pub fn add(&mut self, form: &Form, response: &Response) {
        self.total.add(form, response);
        let Some(definition) = self.by.map(|d| &form.derived[d]) else {
            return;
        };
        let value = form.derive(
            definition,
            response
                .answers
                .get(&definition.from)
                .and_then(Answer::as_one),
        );
        if let Some((_, counts)) = self
            .groups
            .iter_mut()
            .find(|(code, _)| Some(code.as_str()) == value)
        {
            counts.add(form, response);
        }
    }
}

/// Counts of every item of a form over responses added one at a time.
#[derive(Debug, Clone)]
pub struct Counts {
    pub responses: usize,
    items: Vec<ItemCounts>,
}

#[derive(Debug, Clone)]
struct ItemCounts {
    asked: usize,
    answered: usize,
    /// For each option of the item, in form order.
    chosen: Vec<usize>,
    /// For number and date items.
    values: Values,
}

impl Counts {
    pub fn new(form: &Form) -> Counts {
        Counts {
            responses: 0,
            items: form
                .items
                .iter()
                .map(|item| ItemCounts {
                    asked: 0,
                    answered: 0,
                    chosen: vec![0; item.options().len()],
                    values: Values::default(),
                })
                .collect(),
        }
    }

    pub fn add(&mut self, form: &Form, response: &Response) {
        self.responses += 1;
        let asked = form.asked(&response.answers);
        for (n, (item, counts)) in form.items.iter().zip(&mut self.items).enumerate() {
            if !asked.is_asked(n) {
                continue;
            }
            counts.asked += 1;
            let Some(answer) = response.answers.get(&item.id).filter(|a| !a.is_empty()) else {
                continue;
            };
            counts.answered += 1;
            counts.values.add(&item.kind, answer);
            for (option, chosen) in item.options().iter().zip(&mut counts.chosen) {
                if answer.includes(&option.code) {
                    *chosen += 1;
                }
            }
        }
    }

    /// Every item's tally, in form order; a note has none (it is no
    /// question), a calculate one as a text's.
    pub fn tallies(&self, form: &Form) -> Vec<Tally> {
        form.items
            .iter()
            .zip(&self.items)
            .enumerate()
            .filter(|(_, (item, _))| !matches!(item.kind, ItemKind::Note))
            .map(|(n, (item, counts))| Tally {
                item: n,
                asked: counts.asked,
                not_asked: self.responses - counts.asked,
                options: item
                    .options()
                    .iter()
                    .map(|o| o.code.clone())
                    .zip(counts.chosen.iter().copied())
                    .collect(),
                answered: counts.answered,
                values: counts.values.summary(),
            })
            .collect()
    }
}

/// The counts of one item.
#[derive(Debug, Clone, PartialEq)]
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
    /// For number and date items: what the answers add up to.
    pub values: Option<ValueSummary>,
}

impl Tally {
    pub fn is_choice(&self, form: &Form) -> bool {
        !form.items[self.item].options().is_empty()
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
    let mut counts = Counts::new(form);
    for response in responses {
        counts.add(form, response);
    }
    counts.tallies(form)
}

#[cfg(test)]
mod tests {
    use chrono::Utc;

    use super::*;
    use crate::form::Answers;
    use crate::form::FormRef;
    use crate::package::FormPackage;

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
        let mut gathered = Gathered::new(&form, Some("macro_area"));
        for response in fixture() {
            gathered.add(&form, &response);
        }
        let sizes: Vec<(String, usize)> = gathered
            .groups
            .iter()
            .map(|(g, counts)| (g.clone(), counts.responses))
            .collect();
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
        assert_eq!(gathered.total.responses, 4, "every response in the total");
        assert!(Gathered::new(&form, Some("nothing")).groups.is_empty());
    }

    #[test]
    fn selection_leaves_out_drafts_and_other_forms() {
        let form = FormPackage::bundled().form().unwrap();
        let mut other = response(Status::Complete, &[]);
        other.form.version = 2;
        let read = [
            Ok(response(Status::Complete, &[])),
            Ok(response(Status::Draft, &[])),
            Ok(other),
        ];
        let mut selection = Selection::default();
        let taken = read
            .iter()
            .filter(|r| selection.takes(&form, r, StatusFilter::Complete))
            .count();
        assert_eq!(
            (
                taken,
                selection.used,
                selection.drafts_left_out,
                selection.other_form
            ),
            (1, 1, 1, 1)
        );
        let mut all = Selection::default();
        let taken = read
            .iter()
            .filter(|r| all.takes(&form, r, StatusFilter::All))
            .count();
        assert_eq!(taken, 2);
    }
}
