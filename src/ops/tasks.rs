//! Follow-up tasks and the progress recorded on them and on resolutions.
//!
//! Rules: adding a task needs the body's secretary, chair or vice-chair (it may be
//! assigned later: a person, a unit, or no one yet); progress on a task may come from its assignee or from
//! those who manage tasks, but moving its deadline is following up, not one's own
//! progress, so it needs the latter. Progress recorded at a session (its review of
//! previous resolutions) is refused once that session's minutes are approved.

use super::authz;
use super::Context;
use crate::model::roles::Activity;
use crate::model::{Resolution, Task};
use crate::store::write::{NewTask, ResolutionProgress, TaskProgress};
use crate::store::{Refusal, Result, StoreError};

/// The body a new task belongs to: given, or that of its resolution or agenda item.
fn body_of(ctx: &Context, t: &NewTask) -> Result<i64> {
    if let Some(b) = t.body_id {
        return Ok(ctx.store.body(b)?.id);
    }
    if let Some(r) = t.resolution_id {
        return Ok(ctx.store.resolution(r)?.body_id);
    }
    if let Some(i) = t.agenda_item_id {
        return Ok(ctx
            .store
            .session(ctx.store.agenda_item(i)?.session_id)?
            .body_id);
    }
    Err(StoreError::Refused(Refusal::TaskNeedsABody))
}

/// Adds a task; returns its id.
pub fn add(ctx: &mut Context, t: &NewTask) -> Result<i64> {
    let body_id = body_of(ctx, t)?;
    authz::check(ctx, Activity::ManageTasks, Some(body_id))?;
    let mut t = t.clone();
    t.body_id = Some(body_id);
    ctx.store.add_task(&t)
}

/// Who may record this progress: moving the deadline needs those who manage tasks.
pub fn check_progress(ctx: &Context, task: &Task, p: &TaskProgress) -> Result<()> {
    if p.due.is_some() && p.due != task.due {
        authz::check(ctx, Activity::ManageTasks, Some(task.body_id))
    } else {
        authz::check_task_progress(ctx, task)
    }
}

/// Records progress on a task (status, percent, a note, a new deadline).
pub fn record_progress(ctx: &mut Context, p: &TaskProgress) -> Result<Task> {
    let task = ctx.store.task(p.task_id)?;
    check_progress(ctx, &task, p)?;
    // Progress recorded at a session belongs to its minutes: not once they are approved.
    if let Some(s) = p.session_id {
        super::not_frozen(ctx, s)?;
    }
    ctx.store.update_task(p)
}

/// Records a follow-up on a resolution itself (its status and what was reported).
pub fn follow_up_resolution(ctx: &mut Context, p: &ResolutionProgress) -> Result<Resolution> {
    let body_id = ctx.store.resolution(p.resolution_id)?.body_id;
    authz::check(ctx, Activity::RecordResolutions, Some(body_id))?;
    if let Some(s) = p.session_id {
        super::not_frozen(ctx, s)?;
    }
    ctx.store.update_resolution(p)
}
