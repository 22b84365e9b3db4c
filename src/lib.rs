//! shura: council and committee meeting management in the terminal.
//!
//! Layers, each using only those below it (see ARCHITECTURE.md):
//! `model` (plain types and rules) ← `store` (SQLite; all SQL) ← `ops` (the use cases,
//! one function per act, shared by both front ends) ← `app` (the TUI's state) ← `tui`
//! (terminal), and `ops` ← `cli` (the commands). `locale` (calendars, digits, Persian
//! text, bidi, the message catalogue, preferences) is used by all; `config` (the user's
//! settings file, checked against the TUI's keymap) sits between `app` and the front
//! ends; `demo` builds demo and benchmark data through `store`.

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
