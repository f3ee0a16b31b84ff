//! Which form, and which version of it, a response answers.

use serde::{Deserialize, Serialize};

use super::Form;

/// A form by its id and version, as a response names the one it answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormRef {
    pub id: String,
    pub version: u32,
}

impl FormRef {
    /// The version of the form a response was begun with, among the
    /// versions campo has: the one place this is looked up.
    pub fn among<'a>(&self, forms: impl IntoIterator<Item = &'a Form>) -> Option<&'a Form> {
        forms
            .into_iter()
            .find(|f| f.id == self.id && f.version == self.version)
    }
}
