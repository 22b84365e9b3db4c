//! Application layer: the open database with the user's preferences, and the state and
//! actions of the interactive program (no terminal I/O here, so it is testable alone).

pub mod authz;
pub mod browse;
pub mod dashboard;
pub mod dashboard_screen;
pub mod form;
pub mod keymap;
pub mod pages;
pub mod record;
pub mod screens;
pub mod state;

use chrono::NaiveDate;

use crate::locale::calendar::format_date;
use crate::locale::dateparse::{parse_date, DateParseError};
use crate::locale::text::BidiMode;
use crate::locale::{Calendar, Lang};
use crate::store::Store;

/// How the user wants things shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prefs {
    pub lang: Lang,
    pub calendar: Calendar,
    pub bidi: BidiMode,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            lang: Lang::En,
            calendar: Calendar::Gregorian,
            bidi: BidiMode::App,
        }
    }
}

/// Today, from the clock, or from `SHURA_TODAY` (ISO date) for reproducible runs.
pub use crate::store::today;

/// The store with the user's preferences and the current day.
pub struct Context {
    pub store: Store,
    pub prefs: Prefs,
    pub today: NaiveDate,
}

impl Context {
    /// The context of the store's actor: confidential bodies they may not see are
    /// hidden from every read (see [`authz`]).
    pub fn new(mut store: Store, prefs: Prefs) -> Context {
        let today = today();
        authz::apply_visibility(&mut store, today);
        Context {
            store,
            prefs,
            today,
        }
    }

    /// Reads the user's roles again (memberships may have changed meanwhile) and hides
    /// what they may not see.
    pub fn refresh_visibility(&mut self) {
        authz::apply_visibility(&mut self.store, self.today);
    }

    /// A date in the user's calendar and digits.
    pub fn date(&self, d: NaiveDate) -> String {
        format_date(d, self.prefs.calendar, self.prefs.lang)
    }

    pub fn opt_date(&self, d: Option<NaiveDate>) -> String {
        d.map(|d| self.date(d)).unwrap_or_default()
    }

    /// Reads a date typed in any accepted form.
    pub fn parse_date(&self, s: &str) -> Result<NaiveDate, DateParseError> {
        parse_date(s, self.today, self.prefs.calendar)
    }
}
