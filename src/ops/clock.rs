//! The session's clock: opening (the call to order), recesses, the closed session,
//! closing (the adjournment), and members' arrivals and departures.
//!
//! Rules:
//! - The time of an act is the one given, else the time now, when the act is
//!   recorded — on the session's own day only: a session recorded on another day gets
//!   no time from the clock (opening and closing it then record no event; a recess, a
//!   closed session or a departure needs its time given).
//! - Events follow one another in time and in a sensible order
//!   (`model::clock::check_next`, applied by the store inside the write: no second
//!   recess while in recess, no resumption without a recess, nothing after the
//!   adjournment); a refusal names both times.
//! - A recess, a closed session and an adjournment before closing are recorded only
//!   while the session is open.
//! - Closing uses the time of an adjournment already recorded (a carried motion to
//!   adjourn records one), never the time of closing; another time given is refused.
//! - The session's start time is its call to order, its end time its adjournment.
//! - A late arrival marks the member late with the time they arrived; a departure
//!   records when a member in the room left, not before they arrived; marking them
//!   present again brings them back. The quorum counts the voting members in the room.
//! - Roles: the clock needs the body's secretary or chair (as any change of a
//!   session's status); arrivals and departures as the roll call. Nothing changes once
//!   the minutes are approved.

use super::authz;
use super::record::{roll_call, AttendanceRow};
use super::Context;
use crate::locale::digits::localize_digits;
use crate::locale::strings::{t, tf, Msg};
use crate::locale::text::sanitize_line;
use crate::locale::Lang;
use crate::model::clock::{ClockRefusal, Timeline};
use crate::model::roles::Activity;
use crate::model::rules::QuorumState;
use crate::model::{Session, SessionEvent, SessionEventKind, SessionStatus};
pub use crate::store::clock::{now_time, ClockStep};
use crate::store::write::check_time;
use crate::store::{Refusal, Result, StoreError};

fn refused(r: ClockRefusal) -> StoreError {
    StoreError::Refused(Refusal::Clock(r))
}

/// The time of an act: the one given (checked), else now on the session's own day,
/// else none.
pub fn time_of(ctx: &Context, s: &Session, at: Option<&str>) -> Result<Option<String>> {
    match at {
        Some(t) => Ok(Some(check_time(t)?)),
        None if s.date == ctx.today => Ok(Some(now_time())),
        None => Ok(None),
    }
}

/// [`time_of`], refused when no time can be known.
fn time_needed(ctx: &Context, s: &Session, at: Option<&str>) -> Result<String> {
    time_of(ctx, s, at)?.ok_or_else(|| refused(ClockRefusal::TimeNeeded))
}

fn session_for_clock(ctx: &Context, session_id: i64) -> Result<Session> {
    let s = ctx.store.session(session_id)?;
    authz::check(ctx, Activity::ChangeSessionStatus, Some(s.body_id))?;
    super::not_frozen(ctx, s.id)?;
    Ok(s)
}

/// What a session's recorded events add up to.
pub fn timeline(ctx: &Context, session_id: i64) -> Result<Timeline> {
    Ok(Timeline::of(&ctx.store.session_events(session_id)?))
}

/// Opens a session: status open and its call to order, at the time given or now.
/// A session called to order already (opened before, then set back to planned, or
/// closed and reopened) keeps that time, and another time given is refused.
pub fn open(ctx: &mut Context, session_id: i64, at: Option<&str>) -> Result<ClockStep> {
    let s = session_for_clock(ctx, session_id)?;
    let events = ctx.store.session_events(s.id)?;
    let called = Timeline::of(&events).called_to_order;
    if let (Some(recorded), Some(given)) = (&called, at.map(check_time).transpose()?) {
        if *recorded != given {
            return Err(refused(ClockRefusal::CalledToOrder {
                at: recorded.clone(),
            }));
        }
    }
    let event = match s.status {
        SessionStatus::Planned if called.is_none() => time_of(ctx, &s, at)?,
        _ => None,
    };
    ctx.store.clock_step(
        s.id,
        event
            .as_deref()
            .map(|at| (SessionEventKind::CalledToOrder, at)),
        Some(SessionStatus::Open),
    )
}

/// Closes a session: status closed and its adjournment, at the time of an
/// adjournment already recorded, else the time given or now.
pub fn close(ctx: &mut Context, session_id: i64, at: Option<&str>) -> Result<ClockStep> {
    let s = session_for_clock(ctx, session_id)?;
    let events = ctx.store.session_events(s.id)?;
    let timeline = Timeline::of(&events);
    // A recess under way ends with its resumption, even when no time is known.
    if let Some(since) = timeline.recess_since() {
        return Err(refused(ClockRefusal::InRecess {
            since: since.to_string(),
        }));
    }
    let event = match timeline.adjourned {
        Some(recorded) => {
            if let Some(given) = at.map(check_time).transpose()? {
                if given != recorded {
                    return Err(refused(ClockRefusal::AdjournedAtOther { recorded, given }));
                }
            }
            None
        }
        // Only an open session is closed; the store refuses the rest by its status.
        None if s.status == SessionStatus::Open => time_of(ctx, &s, at)?,
        None => None,
    };
    ctx.store.clock_step(
        s.id,
        event.as_deref().map(|at| (SessionEventKind::Adjourned, at)),
        Some(SessionStatus::Closed),
    )
}

/// Records an event of an open session (a recess, its resumption, a closed session's
/// start or end, the adjournment) at the time given or now.
pub fn record_event(
    ctx: &mut Context,
    session_id: i64,
    kind: SessionEventKind,
    at: Option<&str>,
) -> Result<SessionEvent> {
    let s = session_for_clock(ctx, session_id)?;
    if s.status != SessionStatus::Open {
        return Err(refused(ClockRefusal::NotOpen {
            kind,
            status: s.status,
        }));
    }
    let at = time_needed(ctx, &s, at)?;
    let step = ctx.store.clock_step(s.id, Some((kind, &at)), None)?;
    step.event.ok_or_else(|| StoreError::NotFound {
        what: crate::model::Entity::SessionEvent,
        key: format!("{}/{}", s.id, kind.code()),
    })
}

/// A recess, while the session is open and not in recess already.
pub fn recess(ctx: &mut Context, session_id: i64, at: Option<&str>) -> Result<SessionEvent> {
    record_event(ctx, session_id, SessionEventKind::Recess, at)
}

/// The session resumes after a recess.
pub fn resume(ctx: &mut Context, session_id: i64, at: Option<&str>) -> Result<SessionEvent> {
    record_event(ctx, session_id, SessionEventKind::Resumed, at)
}

/// The closed (non-public) part of the session begins.
pub fn enter_closed_session(
    ctx: &mut Context,
    session_id: i64,
    at: Option<&str>,
) -> Result<SessionEvent> {
    record_event(ctx, session_id, SessionEventKind::ClosedStart, at)
}

/// The closed part of the session ends.
pub fn leave_closed_session(
    ctx: &mut Context,
    session_id: i64,
    at: Option<&str>,
) -> Result<SessionEvent> {
    record_event(ctx, session_id, SessionEventKind::ClosedEnd, at)
}

/// The adjournment of an open session (a carried motion to adjourn), which closing
/// then takes as the session's end.
pub fn record_adjournment(
    ctx: &mut Context,
    session_id: i64,
    at: Option<&str>,
) -> Result<SessionEvent> {
    record_event(ctx, session_id, SessionEventKind::Adjourned, at)
}

/// A member arrives late, at the time given or now (none on another day); returns
/// the time recorded and the quorum it makes.
pub fn arrive(
    ctx: &mut Context,
    session_id: i64,
    person_id: i64,
    at: Option<&str>,
) -> Result<(Option<String>, QuorumState)> {
    let s = ctx.store.session(session_id)?;
    authz::check(ctx, Activity::RecordAttendance, Some(s.body_id))?;
    super::not_frozen(ctx, s.id)?;
    let at = time_of(ctx, &s, at)?;
    ctx.store.set_arrival(s.id, person_id, at.as_deref())?;
    Ok((at, quorum(ctx, &s)?))
}

/// A member in the room leaves, at the time given or now; returns the time and the
/// quorum without them.
pub fn depart(
    ctx: &mut Context,
    session_id: i64,
    person_id: i64,
    at: Option<&str>,
) -> Result<(String, QuorumState)> {
    let s = ctx.store.session(session_id)?;
    authz::check(ctx, Activity::RecordAttendance, Some(s.body_id))?;
    super::not_frozen(ctx, s.id)?;
    let at = time_needed(ctx, &s, at)?;
    let body = ctx.store.body(s.body_id)?;
    let (roll, _) = roll_call(&ctx.store, &body, &s)?;
    let person = ctx.store.person(person_id)?;
    let name = sanitize_line(person.name.get(ctx.prefs.lang)).into_owned();
    let row = roll.iter().find(|a| a.person_id == person_id);
    let Some(row) = row.filter(|a| a.in_room()) else {
        return Err(refused(ClockRefusal::NotInRoom { name }));
    };
    if let Some(arrived) = row.arrived_at.as_deref().filter(|a| *a > at.as_str()) {
        return Err(refused(ClockRefusal::LeftBeforeArrival {
            name,
            left: at,
            arrived: arrived.to_string(),
        }));
    }
    ctx.store.set_departure(s.id, person_id, &at)?;
    Ok((at, quorum(ctx, &s)?))
}

fn quorum(ctx: &Context, s: &Session) -> Result<QuorumState> {
    let body = ctx.store.body(s.body_id)?;
    Ok(roll_call(&ctx.store, &body, s)?.1)
}

/// A stretch of time as shown: "17:45–18:00", or "17:45–…" while it lasts.
fn span_text(s: &crate::model::clock::Span, lang: Lang) -> String {
    localize_digits(
        &format!("{}–{}", s.from, s.to.as_deref().unwrap_or("…")),
        lang,
    )
}

/// A session's times as (what, when) in the user's language and digits, in time
/// order of their kind: called to order, each recess (from–to), each closed session
/// (from–to), adjourned.
pub fn time_lines(timeline: &Timeline, lang: Lang) -> Vec<(String, String)> {
    let mut out = Vec::new();
    if let Some(at) = &timeline.called_to_order {
        out.push((
            SessionEventKind::CalledToOrder.label(lang).to_string(),
            localize_digits(at, lang),
        ));
    }
    for r in &timeline.recesses {
        out.push((
            SessionEventKind::Recess.label(lang).to_string(),
            span_text(r, lang),
        ));
    }
    for c in &timeline.closed {
        out.push((
            t(lang, Msg::ClockClosedSession).to_string(),
            span_text(c, lang),
        ));
    }
    if let Some(at) = &timeline.adjourned {
        out.push((
            SessionEventKind::Adjourned.label(lang).to_string(),
            localize_digits(at, lang),
        ));
    }
    out
}

/// Members' arrivals and departures with their times ("Ali Rahimi arrived 17:20",
/// "Sara Ahmadi left 18:05"), in time order (the roll's order within a minute); names
/// as stored (the edge escapes them).
pub fn movements(attendance: &[AttendanceRow], lang: Lang) -> Vec<String> {
    let mut moves: Vec<(&str, Msg, &str)> = Vec::new();
    for a in attendance {
        let name = a.name.get(lang);
        if let Some(at) = &a.arrived_at {
            moves.push((at, Msg::ClockArrived, name));
        }
        if let Some(at) = &a.left_at {
            moves.push((at, Msg::ClockLeft, name));
        }
    }
    moves.sort_by_key(|(at, _, _)| *at);
    moves
        .into_iter()
        .map(|(at, msg, name)| tf(lang, msg, &[name, &localize_digits(at, lang)]))
        .collect()
}
