//! The functions an expression may call, with the number of arguments each
//! takes. What each does is in `eval.rs`.

/// How many arguments a function takes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arity {
    pub least: usize,
    /// `None`: any number from `least` on.
    pub most: Option<usize>,
}

impl Arity {
    pub fn admits(self, count: usize) -> bool {
        count >= self.least && self.most.is_none_or(|most| count <= most)
    }
}

const fn exactly(n: usize) -> Arity {
    Arity {
        least: n,
        most: Some(n),
    }
}

const fn between(least: usize, most: usize) -> Arity {
    Arity {
        least,
        most: Some(most),
    }
}

const fn at_least(least: usize) -> Arity {
    Arity { least, most: None }
}

/// XLSForm's functions that campo knows (ODK's names).
const FUNCTIONS: &[(&str, Arity)] = &[
    ("selected", exactly(2)),
    ("count-selected", exactly(1)),
    ("selected-at", exactly(2)),
    ("jr:choice-name", exactly(2)),
    ("string-length", between(0, 1)),
    ("substr", between(2, 3)),
    ("concat", at_least(0)),
    ("contains", exactly(2)),
    ("starts-with", exactly(2)),
    ("ends-with", exactly(2)),
    ("regex", exactly(2)),
    ("if", exactly(3)),
    ("coalesce", exactly(2)),
    ("not", exactly(1)),
    ("true", exactly(0)),
    ("false", exactly(0)),
    ("boolean", exactly(1)),
    ("number", between(0, 1)),
    ("int", exactly(1)),
    ("round", between(1, 2)),
    ("string", between(0, 1)),
    ("today", exactly(0)),
    ("now", exactly(0)),
    ("date", exactly(1)),
    ("decimal-date-time", exactly(1)),
    ("format-date", exactly(2)),
    ("once", exactly(1)),
    ("abs", exactly(1)),
    ("floor", exactly(1)),
    ("ceiling", exactly(1)),
    ("pow", exactly(2)),
    ("normalize-space", between(0, 1)),
    ("translate", exactly(3)),
];

pub fn arity(name: &str) -> Option<Arity> {
    FUNCTIONS
        .iter()
        .find(|(known, _)| *known == name)
        .map(|(_, arity)| *arity)
}
