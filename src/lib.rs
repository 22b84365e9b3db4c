//! shura: council and committee meeting management in the terminal.
//!
//! Layers, each using only those below it:
//! `model` (pure types and rules) ← `store` (SQLite) ← `app` (state and actions)
//! ← `tui` / `cli`; `locale` (calendars, digits, Persian text, bidi) is used by all.

pub mod app;
pub mod cli;
pub mod config;
pub mod demo;
pub mod identity;
pub mod locale;
pub mod model;
pub mod ops;
pub mod store;
pub mod tui;
