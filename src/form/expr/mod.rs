//! The expression language of XLSForm (`relevant`, `constraint`,
//! `calculation`, `choice_filter`, `required`, `${name}` in labels): one
//! parser and one evaluator for every place an expression goes, pure, with
//! ODK Web Forms' semantics (what an unanswered answer is worth, dates
//! compared as dates, numbers written as ODK writes them), checked against
//! ODK's own engine by tests/expressions.rs.

mod eval;
mod functions;
mod syntax;
mod value;

pub use eval::{Scope, evaluate};
pub use functions::Arity;
pub use syntax::{Expr, Operator, Path, Step, SyntaxError, parse};
pub use value::{Value, number_to_text};
