//! The questionnaire engine: a form definition read from data, the answers
//! given to it, and the pure rules over both (which items are asked, what is
//! valid, where to go next). Nothing here knows about terminals, files or
//! languages: messages are referred to by their Fluent ids only.

mod answers;
mod build;
mod condition;
mod definition;
mod engine;
mod error;
pub mod expr;
mod progress;
mod reference;
mod rules;
pub mod state;
#[cfg(test)]
mod typed_tests;
mod validation;
pub mod value;

pub use answers::{Answer, Answers, MAX_REASON_CHARS, Reasons};
pub use condition::Condition;
pub use definition::{
    Check, DateRules, DerivedValue, Form, Item, ItemKind, NumberRules, OptionDef, Section,
    SummaryColumn, TextFormat, TextRules,
};
pub use engine::Asked;
pub use error::FormError;
pub use progress::SectionProgress;
pub use reference::FormRef;
pub use validation::{DocumentProblem, Problem};
