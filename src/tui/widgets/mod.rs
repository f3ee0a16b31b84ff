//! Reusable pieces of the screens.

pub mod footer;
pub mod option_list;
pub mod popup;
pub mod text_editor;
