//! The TUI's state: the screens, forms and keymap of the interactive program, calling
//! [`crate::ops`] for every act (no terminal I/O here, so it is testable alone).

pub mod authz;
pub mod ballot;
pub mod browse;
pub mod component;
pub mod corrections;
pub mod dashboard_screen;
pub mod form;
pub mod home;
pub mod keymap;
pub mod legal;
pub mod meeting;
pub mod motions_pane;
pub mod pages;
pub mod plans_screen;
pub mod popups;
pub mod screens;
pub mod session_screen;
pub mod state;
pub mod visits_screen;

pub use crate::locale::Prefs;
pub use crate::ops::Context;
pub use crate::store::today;
