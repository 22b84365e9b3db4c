//! The use cases: one function per act of the domain (record a resolution, mark
//! attendance, approve minutes…), from typed input and a [`Context`] (the store, who is
//! acting, today, preferences) to a typed result. Each does the role check, the
//! validation, the domain rules and the write, so the TUI and the CLI only turn keys or
//! flags into that input and present the result: the same input gives the same stored
//! rows and the same refusal from either front end.
//!
//! Areas: [`authz`] (who may do what), [`setup`] (bodies, people, memberships,
//! administrators), [`sessions`] (scheduling, status, roll call, guests), [`clock`] (the
//! session's times, arrivals and departures), [`agenda`]
//! (items and minutes), [`resolutions`], [`tasks`] (follow-up), [`record`] (a session's
//! whole record), [`dashboard`] (the chair's figures), [`export`] (minutes, calendars).

pub mod absences;
pub mod agenda;
pub mod approval;
pub mod authz;
pub mod clock;
pub mod corrections;
pub mod dashboard;
pub mod evaluation;
pub mod export;
pub mod ics;
pub mod invitations;
pub mod legal;
pub mod letters;
pub mod mail;
pub mod motions;
pub mod plans;
pub mod record;
pub mod resolutions;
pub mod sessions;
pub mod setup;
pub mod signatures;
pub mod tasks;
pub mod terms;

use chrono::NaiveDate;

use crate::locale::calendar::format_date;
use crate::locale::dateparse::{parse_date, DateParseError};
use crate::locale::Prefs;
use crate::store::Store;

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
        authz::apply_visibility(&mut store, crate::store::clock_today());
        Context {
            store,
            prefs,
            today,
        }
    }

    /// Reads the user's roles again (memberships may have changed meanwhile) and hides
    /// what they may not see.
    pub fn refresh_visibility(&mut self) {
        authz::apply_visibility(&mut self.store, crate::store::clock_today());
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

/// Refuses a change to a session whose minutes are approved: the record is frozen. The
/// store's triggers refuse it too; this keeps the rule when a trigger has been dropped
/// behind shura's back (which `shura doctor` reports).
///
/// While a correction of the approved minutes is open (made at a later session, see
/// [`approval::open_correction`]) the record may change again, until it is approved
/// as corrected.
pub fn not_frozen(ctx: &Context, session_id: i64) -> crate::store::Result<()> {
    if ctx.store.session(session_id)?.status == crate::model::SessionStatus::Approved
        && !ctx.store.correction_open(session_id)?
    {
        return Err(crate::store::StoreError::Refused(
            crate::store::Refusal::ApprovedMinutes,
        ));
    }
    Ok(())
}

/// [`not_frozen`] for the session of an agenda item.
pub(crate) fn item_not_frozen(ctx: &Context, item_id: i64) -> crate::store::Result<()> {
    not_frozen(ctx, ctx.store.agenda_item(item_id)?.session_id)
}
