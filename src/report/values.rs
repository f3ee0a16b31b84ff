//! What the answers to a number or date item add up to: n, mean, median,
//! smallest and largest for numbers; n and the first and last day for
//! dates.

use chrono::NaiveDate;

use crate::form::{Answer, ItemKind};

/// The summary of a number or date item over the responses that answered it.
#[derive(Debug, Clone, PartialEq)]
pub enum ValueSummary {
    Numbers {
        n: usize,
        mean: f64,
        median: f64,
        min: f64,
        max: f64,
    },
    Dates {
        n: usize,
        first: NaiveDate,
        last: NaiveDate,
    },
}

/// The values seen so far. Numbers are all kept, for the median (eight
/// bytes a response: 800 KB an item at 100,000); dates only as a range.
#[derive(Debug, Clone, Default)]
pub struct Values {
    numbers: Vec<f64>,
    dates: Option<(usize, NaiveDate, NaiveDate)>,
}

impl Values {
    /// Takes a valid answer of a number or date item; anything else (a
    /// draft's text that is not yet a number, a choice) is not a value.
    pub fn add(&mut self, kind: &ItemKind, answer: &Answer) {
        match (kind, answer) {
            (ItemKind::Number(_), Answer::Number(number)) => {
                self.numbers.extend(number.as_f64());
            }
            (ItemKind::Date(_), Answer::One(text)) => {
                if let Some(date) = crate::form::value::stored_date(text) {
                    self.dates = Some(match self.dates {
                        None => (1, date, date),
                        Some((n, first, last)) => (n + 1, first.min(date), last.max(date)),
                    });
                }
            }
            _ => {}
        }
    }

    pub fn summary(&self) -> Option<ValueSummary> {
        if let Some((n, first, last)) = self.dates {
            return Some(ValueSummary::Dates { n, first, last });
        }
        if self.numbers.is_empty() {
            return None;
        }
        let mut sorted = self.numbers.clone();
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len();
        let median = if n % 2 == 1 {
            sorted[n / 2]
        } else {
            (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
        };
        Some(ValueSummary::Numbers {
            n,
            mean: sorted.iter().sum::<f64>() / n as f64,
            median,
            min: sorted[0],
            max: sorted[n - 1],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::{DateRules, NumberRules};

    fn number_kind() -> ItemKind {
        ItemKind::Number(NumberRules {
            whole: false,
            min: None,
            max: None,
            unit: None,
        })
    }

    #[test]
    fn numbers_give_n_mean_median_and_range() {
        let kind = number_kind();
        let mut values = Values::default();
        assert_eq!(values.summary(), None);
        for json in ["3", "60", "12.5", "4"] {
            values.add(&kind, &Answer::Number(serde_json::from_str(json).unwrap()));
        }
        // Text typed into a draft is not a number.
        values.add(&kind, &Answer::One("12,".into()));
        assert_eq!(
            values.summary(),
            Some(ValueSummary::Numbers {
                n: 4,
                mean: 19.875,
                median: 8.25,
                min: 3.0,
                max: 60.0
            })
        );
        values.add(&kind, &Answer::Number(1.into()));
        assert!(
            matches!(values.summary(), Some(ValueSummary::Numbers { median, .. }) if median == 4.0)
        );
    }

    #[test]
    fn dates_give_n_and_their_range() {
        let kind = ItemKind::Date(DateRules {
            min: None,
            max: None,
            not_in_future: false,
        });
        let mut values = Values::default();
        for date in ["2024-02-29", "2019-03-01", "2021-12-31", "not a date"] {
            values.add(&kind, &Answer::One(date.into()));
        }
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            values.summary(),
            Some(ValueSummary::Dates {
                n: 3,
                first: day(2019, 3, 1),
                last: day(2024, 2, 29)
            })
        );
    }
}
