//! Who has answered: each unit's state, and for each group of units (a
//! region, a macro-area) and overall the response rate and the population
//! coverage, as the paper reports them; and the catchment sizes of units
//! that responded and of those that did not. Pure figures, no words.

use std::collections::BTreeMap;

use super::frame::Unit;
use super::storage::{MailKind, Mailing, UnitResponse};
use crate::form::{Answer, Answers, Form, ItemKind};

/// Where a unit stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    NotStarted,
    /// A draft reached the server; not yet complete.
    Draft,
    Complete,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitState {
    pub unit: String,
    pub state: State,
    /// When its response was last sent (RFC 3339).
    pub last_sent: Option<String>,
    /// When it was first invited.
    pub invited: Option<String>,
    /// When it was reminded, oldest first.
    pub reminded: Vec<String>,
}

/// What units are grouped by: a single-choice item the frame fills in
/// (`dept_region`), or a value derived from one (`macro_area`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Grouping {
    Item(String),
    Derived(String),
}

impl Grouping {
    /// The grouping named `by`: an item or derived value by its id, or by
    /// the end of its id after an underscore (`region` for `dept_region`)
    /// when only one single-choice item or derived value ends so.
    pub fn named(form: &Form, by: &str) -> Option<Grouping> {
        let groupable: Vec<Grouping> = form
            .items
            .iter()
            .filter(|i| matches!(i.kind, ItemKind::Single { .. }))
            .map(|i| Grouping::Item(i.id.clone()))
            .chain(form.derived.iter().map(|d| Grouping::Derived(d.id.clone())))
            .collect();
        let id = |g: &Grouping| match g {
            Grouping::Item(id) | Grouping::Derived(id) => id.clone(),
        };
        if let Some(exact) = groupable.iter().find(|g| id(g) == by) {
            return Some(exact.clone());
        }
        let suffix = format!("_{by}");
        let mut ending: Vec<&Grouping> = groupable
            .iter()
            .filter(|g| id(g).ends_with(&suffix))
            .collect();
        (ending.len() == 1).then(|| ending.remove(0).clone())
    }

    /// The codes of the groups, in the form's order.
    pub fn codes(&self, form: &Form) -> Vec<String> {
        match self {
            Grouping::Item(id) => form
                .position(id)
                .map(|p| {
                    form.items[p]
                        .options()
                        .iter()
                        .map(|o| o.code.clone())
                        .collect()
                })
                .unwrap_or_default(),
            Grouping::Derived(id) => form
                .derived
                .iter()
                .find(|d| &d.id == id)
                .map(|d| d.values.iter().map(|v| v.code.clone()).collect())
                .unwrap_or_default(),
        }
    }

    /// The group a unit is in, from the answers the frame gives it.
    fn of(&self, form: &Form, unit: &Unit) -> Option<String> {
        match self {
            Grouping::Item(id) => unit.prefill.get(id).cloned(),
            Grouping::Derived(id) => {
                let answers: Answers = unit
                    .prefill
                    .iter()
                    .map(|(item, value)| (item.clone(), Answer::One(value.clone())))
                    .collect();
                form.derived_values(&answers).remove(id)
            }
        }
    }
}

/// The figures of one group of units, or of all (`group` = `all`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Figures {
    /// The group's code; `all` for the whole frame, `none` for units the
    /// frame gives no value.
    pub group: String,
    pub units: usize,
    /// Units with a complete response.
    pub responded: usize,
    /// Residents of the group's units in coverage.
    pub population: u64,
    /// Residents of those of them that responded.
    pub population_covered: u64,
}

impl Figures {
    pub fn rate_pct(&self) -> Option<f64> {
        percent(self.responded as f64, self.units as f64)
    }

    pub fn coverage_pct(&self) -> Option<f64> {
        percent(self.population_covered as f64, self.population as f64)
    }

    fn count(&mut self, unit: &Unit, responded: bool) {
        self.units += 1;
        self.responded += usize::from(responded);
        if let (true, Some(population)) = (unit.in_coverage, unit.population) {
            self.population += population;
            if responded {
                self.population_covered += population;
            }
        }
    }
}

fn percent(part: f64, whole: f64) -> Option<f64> {
    (whole > 0.0).then(|| part / whole * 100.0)
}

/// The catchment sizes (population) of a set of units in coverage.
#[derive(Debug, Clone, PartialEq)]
pub struct Spread {
    pub n: usize,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    /// First and third quartiles, by linear interpolation between order
    /// statistics (Hyndman and Fan's type 7: R's default, and Excel's
    /// QUARTILE.INC).
    pub q1: Option<f64>,
    pub q3: Option<f64>,
}

impl Spread {
    pub fn of(mut values: Vec<u64>) -> Spread {
        values.sort_unstable();
        let n = values.len();
        let mean = (n > 0).then(|| values.iter().map(|&v| v as f64).sum::<f64>() / n as f64);
        Spread {
            n,
            mean,
            median: quantile(&values, 0.5),
            q1: quantile(&values, 0.25),
            q3: quantile(&values, 0.75),
        }
    }
}

/// Type 7 quantile of sorted values.
fn quantile(sorted: &[u64], p: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let h = last as f64 * p;
    let (low, high) = (h.floor() as usize, h.ceil() as usize);
    let (a, b) = (sorted[low] as f64, sorted[high] as f64);
    Some(a + (h - low as f64) * (b - a))
}

#[derive(Debug, Clone, PartialEq)]
pub struct Catchment {
    pub responding: Spread,
    pub not_responding: Spread,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Fieldwork {
    pub units: Vec<UnitState>,
    /// One per group with units, in the form's order (units the frame
    /// gives no value for the grouping last, as `none`).
    pub groups: Vec<Figures>,
    pub all: Figures,
    pub catchment: Catchment,
}

/// The state of the fieldwork from the frame, the responses the server
/// holds for units and the mailings sent.
pub fn fieldwork(
    form: &Form,
    frame: &[Unit],
    responses: &[UnitResponse],
    mailings: &[Mailing],
    grouping: Option<&Grouping>,
) -> Fieldwork {
    let by_unit: BTreeMap<&str, &UnitResponse> =
        responses.iter().map(|r| (r.unit.as_str(), r)).collect();
    let units: Vec<UnitState> = frame
        .iter()
        .map(|unit| unit_state(unit, by_unit.get(unit.unit.as_str()).copied(), mailings))
        .collect();
    let responded = |unit: &Unit| by_unit.get(unit.unit.as_str()).is_some_and(|r| r.complete);
    let mut all = Figures {
        group: "all".into(),
        ..Figures::default()
    };
    let mut groups: BTreeMap<String, Figures> = BTreeMap::new();
    for unit in frame {
        all.count(unit, responded(unit));
        if let Some(grouping) = grouping {
            let group = grouping.of(form, unit).unwrap_or_else(|| "none".into());
            groups
                .entry(group.clone())
                .or_insert_with(|| Figures {
                    group,
                    ..Figures::default()
                })
                .count(unit, responded(unit));
        }
    }
    let order = grouping.map(|g| g.codes(form)).unwrap_or_default();
    let mut ordered: Vec<Figures> = order
        .iter()
        .filter_map(|code| groups.remove(code))
        .collect();
    ordered.extend(groups.into_values());
    let in_coverage = |want: bool| {
        frame
            .iter()
            .filter(|u| u.in_coverage && responded(u) == want)
            .filter_map(|u| u.population)
            .collect::<Vec<u64>>()
    };
    Fieldwork {
        units,
        groups: ordered,
        all,
        catchment: Catchment {
            responding: Spread::of(in_coverage(true)),
            not_responding: Spread::of(in_coverage(false)),
        },
    }
}

fn unit_state(unit: &Unit, response: Option<&UnitResponse>, mailings: &[Mailing]) -> UnitState {
    let sent = |kind: MailKind| {
        mailings
            .iter()
            .filter(move |m| m.unit == unit.unit && m.kind == kind)
            .map(|m| m.at.clone())
    };
    UnitState {
        unit: unit.unit.clone(),
        state: match response {
            None => State::NotStarted,
            Some(r) if r.complete => State::Complete,
            Some(_) => State::Draft,
        },
        last_sent: response.map(|r| r.received.clone()),
        invited: sent(MailKind::Invitation).next(),
        reminded: sent(MailKind::Reminder).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quartiles_interpolate_between_order_statistics() {
        let spread = Spread::of(vec![400, 100, 300, 200]);
        assert_eq!(spread.n, 4);
        assert_eq!(spread.mean, Some(250.0));
        assert_eq!(spread.median, Some(250.0));
        // h = 3 × 0.25 = 0.75: 100 + 0.75 × 100.
        assert_eq!(spread.q1, Some(175.0));
        assert_eq!(spread.q3, Some(325.0));
        let one = Spread::of(vec![7]);
        assert_eq!(
            (one.median, one.q1, one.q3),
            (Some(7.0), Some(7.0), Some(7.0))
        );
        let none = Spread::of(vec![]);
        assert_eq!((none.n, none.mean, none.median), (0, None, None));
    }

    #[test]
    fn a_grouping_is_named_by_its_id_or_the_end_of_it() {
        let form = crate::package::FormPackage::bundled().form().unwrap();
        assert_eq!(
            Grouping::named(&form, "region"),
            Some(Grouping::Item("dept_region".into()))
        );
        assert_eq!(
            Grouping::named(&form, "macro_area"),
            Some(Grouping::Derived("macro_area".into()))
        );
        assert_eq!(Grouping::named(&form, "nowhere"), None);
    }

    #[test]
    fn a_rate_counts_units_and_coverage_counts_residents_in_coverage() {
        let form = crate::package::FormPackage::bundled().form().unwrap();
        let unit = |code: &str, region: &str, population: Option<u64>, in_coverage: bool| Unit {
            unit: code.into(),
            prefill: [("dept_region".to_string(), region.to_string())].into(),
            population,
            emails: vec![],
            in_coverage,
        };
        let frame = [
            unit("a", "veneto", Some(100), true),
            unit("b", "veneto", Some(300), true),
            unit("c", "toscana", Some(200), true),
            unit("h", "toscana", None, false),
        ];
        let answered = |unit: &str, complete| UnitResponse {
            unit: unit.into(),
            id: uuid::Uuid::new_v4(),
            complete,
            received: "2026-11-23T10:00:00Z".into(),
        };
        let responses = [
            answered("a", true),
            answered("h", true),
            answered("c", false),
        ];
        let by = Grouping::Derived("macro_area".into());
        let work = fieldwork(&form, &frame, &responses, &[], Some(&by));
        let groups: Vec<(&str, usize, usize, u64, u64)> = work
            .groups
            .iter()
            .map(|g| {
                (
                    g.group.as_str(),
                    g.units,
                    g.responded,
                    g.population,
                    g.population_covered,
                )
            })
            .collect();
        assert_eq!(
            groups,
            [("north_east", 2, 1, 400, 100), ("centre", 2, 1, 200, 0)]
        );
        assert_eq!(work.all.rate_pct(), Some(50.0));
        assert_eq!(work.all.coverage_pct(), Some(100.0 / 600.0 * 100.0));
        assert_eq!(work.units[2].state, State::Draft);
        assert_eq!(work.units[1].state, State::NotStarted);
        assert_eq!(work.catchment.responding.n, 1);
        assert_eq!(work.catchment.not_responding.n, 2);
    }
}
