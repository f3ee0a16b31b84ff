//! Why a form definition was refused.

/// Why a form definition was refused. Each variant names the item, option or
/// message at fault so the author can fix the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormError {
    /// The definition is not JSON of the expected shape.
    Syntax {
        line: usize,
        column: usize,
        detail: String,
    },
    /// A `.ftl` file of the form does not parse.
    Messages {
        file: String,
        detail: String,
    },
    NoSections,
    EmptySection {
        section: String,
    },
    DuplicateSection {
        section: String,
    },
    DuplicateItem {
        item: String,
    },
    DuplicateOption {
        item: String,
        code: String,
    },
    ChoiceWithoutOptions {
        item: String,
    },
    OptionsOnText {
        item: String,
    },
    /// `ordinal` on an item that is not a single choice.
    OrdinalNotSingle {
        item: String,
    },
    TextRulesOnChoice {
        item: String,
    },
    /// A minimum above its maximum (length, words, number or date).
    LengthRange {
        item: String,
    },
    /// A key that the item's type does not take (`unit` on a date).
    KeyNotForType {
        item: String,
        key: String,
    },
    /// `min` or `max` of the wrong kind: a number for numbers (whole for
    /// `integer`), an ISO date for dates.
    BadBound {
        item: String,
        key: String,
    },
    /// `exclusive` on an option of a single choice, where every option is.
    ExclusiveNotMulti {
        item: String,
        code: String,
    },
    /// `above` or `below` on an item that is not a number.
    ConditionNotNumber {
        item: String,
        refers: String,
    },
    ConditionOnUnknownItem {
        item: String,
        refers: String,
    },
    ConditionOnLaterItem {
        item: String,
        refers: String,
    },
    /// An expression (XLSForm's language) that cannot be read.
    UnreadableExpression {
        item: String,
        expression: String,
        problem: super::expr::SyntaxError,
    },
    ConditionOnUnknownOption {
        item: String,
        refers: String,
        code: String,
    },
    SpecifyUnknownItem {
        item: String,
        refers: String,
    },
    SpecifyUnknownOption {
        item: String,
        refers: String,
        code: String,
    },
    SpecifyNotText {
        item: String,
    },
    /// A `calculate` item with no `calculation` to work out.
    CalculateWithoutCalculation {
        item: String,
    },
    DerivedUnknownItem {
        derived: String,
        refers: String,
    },
    DerivedUnknownOption {
        derived: String,
        code: String,
    },
    SummaryUnknownItem {
        item: String,
    },
    MissingMessage {
        id: String,
        lang: String,
    },
}
