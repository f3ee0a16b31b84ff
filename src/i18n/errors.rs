//! campo's errors as Rust errors, for whatever wants one (a log, `?` into
//! a `Box<dyn Error>`, a library user): they read as their English words.
//! People see them in their own language, through `Describe`.

use std::sync::OnceLock;

use super::{Catalog, Lang, Texts};

/// The interface's messages in English, for `Display`.
pub(crate) fn english() -> &'static Texts {
    static ENGLISH: OnceLock<Texts> = OnceLock::new();
    ENGLISH.get_or_init(|| Texts::new(Lang::En, Catalog::new([]).expect("no sources cannot fail")))
}

/// `Display` by the English words, and `std::error::Error`.
macro_rules! worded_errors {
    ($($error:ty),* $(,)?) => {$(
        impl std::fmt::Display for $error {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&$crate::i18n::Describe::describe(self, $crate::i18n::english()))
            }
        }
        impl std::error::Error for $error {}
    )*};
}
pub(crate) use worded_errors;

worded_errors!(
    crate::store::StoreError,
    crate::package::PackageError,
    crate::form::FormError,
    crate::sync::config::ConfigError,
    crate::sync::SyncError,
    crate::protocol::Refusal,
    crate::server::frame::FrameProblem,
);

#[cfg(test)]
mod tests {
    use crate::form::FormError;

    #[test]
    fn an_error_displays_its_english_words_and_is_a_std_error() {
        let error = FormError::NoSections;
        let boxed: Box<dyn std::error::Error> = Box::new(error.clone());
        assert_eq!(
            boxed.to_string(),
            crate::i18n::Describe::describe(&error, super::english())
        );
        assert!(!boxed.to_string().is_empty() && !boxed.to_string().starts_with("form-"));
    }
}
