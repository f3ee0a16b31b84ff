//! The state of each screen and how actions change it. Drawing lives in
//! `tui::view`; keys become actions in `tui::keymap`.

pub mod entry;
pub mod home;
pub mod report;
pub mod review;
mod typing;
