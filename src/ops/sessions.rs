//! Sessions: scheduling, their status (open, closed, approved, cancelled), the roll
//! call and guests.
//!
//! Rules: scheduling needs the body's secretary or chair; approving the minutes needs
//! its chair or vice-chair, any other change of status its secretary or chair; marking
//! attendance and inviting guests need its secretary or chair, and none of it changes
//! once the minutes are approved. The store refuses what
//! the session's state forbids (a frozen record, a status it cannot go to).

use super::authz;
use super::record::roll_call;
use super::Context;
use crate::model::roles::Activity;
use crate::model::rules::QuorumState;
use crate::model::{Presence, Session, SessionStatus};
use crate::store::write::NewSession;
use crate::store::Result;

/// Schedules a session.
pub fn schedule(ctx: &mut Context, s: &NewSession) -> Result<Session> {
    authz::check(
        ctx,
        Activity::ScheduleSessions,
        Some(ctx.store.body(s.body_id)?.id),
    )?;
    ctx.store.add_session(s)
}

/// The activity a change of status is.
pub fn status_activity(to: SessionStatus) -> Activity {
    match to {
        SessionStatus::Approved => Activity::ApproveMinutes,
        _ => Activity::ChangeSessionStatus,
    }
}

/// Opens, closes, approves or cancels a session. Opening and closing go by the
/// session's clock ([`super::clock::open`], [`super::clock::close`]) at the time now.
pub fn set_status(ctx: &mut Context, session_id: i64, to: SessionStatus) -> Result<Session> {
    match to {
        SessionStatus::Open => return Ok(super::clock::open(ctx, session_id, None)?.session),
        SessionStatus::Closed => return Ok(super::clock::close(ctx, session_id, None)?.session),
        _ => {}
    }
    if to == SessionStatus::Approved {
        // Approval stores the minutes as they are (see [`super::approval::approve`]).
        let a = super::approval::approve(ctx, session_id)?;
        return ctx.store.session(a.session_id);
    }
    let s = ctx.store.session(session_id)?;
    authz::check(ctx, status_activity(to), Some(s.body_id))?;
    ctx.store.set_session_status(s.id, to)
}

/// Marks one member's attendance; returns the quorum it makes.
pub fn mark_attendance(
    ctx: &mut Context,
    session_id: i64,
    person_id: i64,
    presence: Presence,
) -> Result<QuorumState> {
    let s = ctx.store.session(session_id)?;
    authz::check(ctx, Activity::RecordAttendance, Some(s.body_id))?;
    super::not_frozen(ctx, s.id)?;
    ctx.store.set_attendance(s.id, person_id, presence)?;
    quorum(ctx, &s)
}

/// Marks present every member in office not marked yet; returns how many and the
/// quorum it makes.
pub fn mark_rest_present(ctx: &mut Context, session_id: i64) -> Result<(usize, QuorumState)> {
    let s = ctx.store.session(session_id)?;
    authz::check(ctx, Activity::RecordAttendance, Some(s.body_id))?;
    super::not_frozen(ctx, s.id)?;
    let body = ctx.store.body(s.body_id)?;
    let (roll, _) = roll_call(&ctx.store, &body, &s)?;
    let mut n = 0;
    for a in roll.iter().filter(|a| a.presence.is_none()) {
        ctx.store
            .set_attendance(s.id, a.person_id, Presence::Present)?;
        n += 1;
    }
    Ok((n, quorum(ctx, &s)?))
}

fn quorum(ctx: &Context, s: &Session) -> Result<QuorumState> {
    let body = ctx.store.body(s.body_id)?;
    Ok(roll_call(&ctx.store, &body, s)?.1)
}

/// Invites a guest to a session; returns the guest's id.
pub fn invite_guest(
    ctx: &mut Context,
    session_id: i64,
    name: &str,
    organization: Option<String>,
) -> Result<i64> {
    invite_guest_with_email(ctx, session_id, name, organization, None)
}

/// [`invite_guest`] with the mail address their invitation goes to
/// (`ops::invitations`).
pub fn invite_guest_with_email(
    ctx: &mut Context,
    session_id: i64,
    name: &str,
    organization: Option<String>,
    email: Option<String>,
) -> Result<i64> {
    let s = ctx.store.session(session_id)?;
    authz::check(ctx, Activity::InviteGuests, Some(s.body_id))?;
    super::not_frozen(ctx, s.id)?;
    ctx.store
        .add_guest_with_email(s.id, name, organization, email)
}
