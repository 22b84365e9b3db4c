//! The session's clock in the database: its events (call to order, recesses, closed
//! session, adjournment) and members' arrivals and departures. Each write is one
//! IMMEDIATE transaction and audited. Which event may come next is the rule of
//! `model::clock`, checked here inside the write; the other rules (the time of an
//! act, who may record it, an open session) are in `ops::clock`.

use rusqlite::{params, OptionalExtension, Transaction};

use super::audit::{record, snapshot};
use super::read::code_at;
use super::write::{audited, check_time, check_transition, exists};
use super::{now_stamp, Refusal, Result, Store, StoreError};
use crate::identity::Actor;
use crate::model::clock::check_next;
use crate::model::{Entity, Session, SessionEvent, SessionEventKind, SessionStatus};

/// The time of day now (HH:MM), from the clock, or from `SHURA_NOW` (HH:MM) for
/// reproducible runs (as `SHURA_TODAY` gives the day).
pub fn now_time() -> String {
    if let Ok(s) = std::env::var("SHURA_NOW") {
        if let Ok(t) = check_time(&s) {
            return t;
        }
    }
    chrono::Local::now().format("%H:%M").to_string()
}

/// What one step of a session's clock wrote.
#[derive(Debug, Clone)]
pub struct ClockStep {
    pub session: Session,
    /// The event recorded, if one was.
    pub event: Option<SessionEvent>,
}

impl Store {
    /// A session's events in time order (the order they were recorded within a minute).
    pub fn session_events(&self, session_id: i64) -> Result<Vec<SessionEvent>> {
        events_of(&self.conn, session_id)
    }

    /// One step of a session's clock, in one transaction: records the event (kind and
    /// time, HH:MM) if given and in order ([`check_next`]), moves the session to the
    /// status `to` if given, and keeps the session's start time at its call to order
    /// and its end time at its adjournment, when those are recorded.
    pub fn clock_step(
        &mut self,
        session_id: i64,
        event: Option<(SessionEventKind, &str)>,
        to: Option<SessionStatus>,
    ) -> Result<ClockStep> {
        let event = match event {
            Some((kind, at)) => Some((kind, check_time(at)?)),
            None => None,
        };
        let actor = self.actor.clone();
        let event_id = self.write(|tx| {
            clock_step_in(
                tx,
                &actor,
                session_id,
                event.as_ref().map(|(k, at)| (*k, at.as_str())),
                to,
            )
        })?;
        let event = match event_id {
            Some(id) => self
                .session_events(session_id)?
                .into_iter()
                .find(|e| e.id == id),
            None => None,
        };
        Ok(ClockStep {
            session: self.session(session_id)?,
            event,
        })
    }

    /// A member arrives late: marked `late`, with the time of arrival when known (a
    /// time already recorded stays when none is given). Back in the room, so no longer
    /// gone.
    pub fn set_arrival(&mut self, session_id: i64, person_id: i64, at: Option<&str>) -> Result<()> {
        let at = at.map(check_time).transpose()?;
        let actor = self.actor.clone();
        self.write(|tx| {
            attendance_change(tx, &actor, session_id, person_id, |tx| {
                tx.execute(
                    "INSERT INTO attendance(session_id, person_id, presence, arrived_at)
                     VALUES (?1, ?2, 'late', ?3)
                     ON CONFLICT(session_id, person_id) DO UPDATE SET presence = 'late',
                     arrived_at = coalesce(excluded.arrived_at, arrived_at), left_at = NULL",
                    params![session_id, person_id, at],
                )?;
                Ok(())
            })
        })
    }

    /// A member leaves before the end, at a time (HH:MM). They must have a mark.
    pub fn set_departure(&mut self, session_id: i64, person_id: i64, at: &str) -> Result<()> {
        let at = check_time(at)?;
        let actor = self.actor.clone();
        self.write(|tx| {
            attendance_change(tx, &actor, session_id, person_id, |tx| {
                let n = tx.execute(
                    "UPDATE attendance SET left_at = ?3 WHERE session_id = ?1 AND person_id = ?2",
                    params![session_id, person_id, at],
                )?;
                if n == 0 {
                    return Err(StoreError::NotFound {
                        what: Entity::Attendance,
                        key: format!("{session_id}/{person_id}"),
                    });
                }
                Ok(())
            })
        })
    }
}

/// A session's events in time order, read on a connection or in a transaction.
fn events_of(conn: &rusqlite::Connection, session_id: i64) -> Result<Vec<SessionEvent>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, session_id, kind, at, recorded_at, recorded_by FROM session_event
             WHERE session_id = ?1 ORDER BY at, id",
    )?;
    let rows = stmt.query_map([session_id], |r| {
        Ok(SessionEvent {
            id: r.get(0)?,
            session_id: r.get(1)?,
            kind: code_at(r, 2, SessionEventKind::parse)?,
            at: r.get(3)?,
            recorded_at: r.get(4)?,
            recorded_by: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// [`Store::clock_step`] inside a transaction already begun (a carried motion to
/// adjourn, recess or go into closed session records its event with the motion):
/// `at` is a checked HH:MM ([`check_time`]); an event out of order is refused
/// ([`check_next`]). Returns the event's id.
pub(crate) fn clock_step_in(
    tx: &Transaction,
    actor: &Actor,
    session_id: i64,
    event: Option<(SessionEventKind, &str)>,
    to: Option<SessionStatus>,
) -> Result<Option<i64>> {
    exists(tx, "session", Entity::Session, session_id)?;
    let before = snapshot(tx, "session", "id = ?1", &[&session_id])?;
    if let Some(to) = to {
        check_transition(tx, session_id, to)?;
    }
    let mut event_id = None;
    if let Some((kind, at)) = event {
        // The order of events, checked where no other writer can slip one in between.
        check_next(&events_of(tx, session_id)?, kind, at)
            .map_err(|r| StoreError::Refused(Refusal::Clock(r)))?;
        tx.execute(
            "INSERT INTO session_event(session_id, kind, at, recorded_at, recorded_by)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![session_id, kind.code(), at, now_stamp(), actor.login],
        )?;
        let id = tx.last_insert_rowid();
        audited(tx, actor, "insert", "session_event", id, None)?;
        event_id = Some(id);
    }
    // The status, and the times the events give, in one change of the session.
    let (start, end) = times_of_events(tx, session_id)?;
    tx.execute(
        "UPDATE session SET status = coalesce(?2, status),
         start_time = coalesce(?3, start_time), end_time = coalesce(?4, end_time),
         version = version + 1
         WHERE id = ?1 AND (coalesce(?2, status) IS NOT status
           OR coalesce(?3, start_time) IS NOT start_time
           OR coalesce(?4, end_time) IS NOT end_time)",
        params![session_id, to.map(|t| t.code()), start, end],
    )?;
    let after = snapshot(tx, "session", "id = ?1", &[&session_id])?;
    if after != before {
        record(
            tx,
            actor,
            "update",
            "session",
            Some(session_id),
            before.as_deref(),
            after.as_deref(),
        )?;
    }
    Ok(event_id)
}

/// The times a session's events give it: the call to order (its start) and the
/// adjournment (its end), when recorded.
fn times_of_events(tx: &Transaction, session_id: i64) -> Result<(Option<String>, Option<String>)> {
    let first = |kind: SessionEventKind| -> Result<Option<String>> {
        Ok(tx
            .query_row(
                "SELECT at FROM session_event WHERE session_id = ?1 AND kind = ?2
                 ORDER BY at, id LIMIT 1",
                params![session_id, kind.code()],
                |r| r.get(0),
            )
            .optional()?)
    };
    Ok((
        first(SessionEventKind::CalledToOrder)?,
        first(SessionEventKind::Adjourned)?,
    ))
}

/// Changes one attendance row with `change` and audits it (as `set_attendance` does).
fn attendance_change(
    tx: &Transaction,
    actor: &Actor,
    session_id: i64,
    person_id: i64,
    change: impl FnOnce(&Transaction) -> Result<()>,
) -> Result<()> {
    exists(tx, "session", Entity::Session, session_id)?;
    exists(tx, "person", Entity::Person, person_id)?;
    let key = "session_id = ?1 AND person_id = ?2";
    let before = snapshot(tx, "attendance", key, &[&session_id, &person_id])?;
    change(tx)?;
    let after = snapshot(tx, "attendance", key, &[&session_id, &person_id])?;
    record(
        tx,
        actor,
        if before.is_some() { "update" } else { "insert" },
        "attendance",
        Some(session_id),
        before.as_deref(),
        after.as_deref(),
    )
}
