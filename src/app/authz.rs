//! The TUI's side of the role check: what a key or a form would change, checked before
//! the form opens and again on saving, with the one rule in [`crate::ops::authz`].

use crate::model::roles::Activity;
use crate::ops::authz::{
    check, check_item, check_session, check_task_progress, hidden_as_not_found,
};
use crate::ops::Context;
use crate::store::Result;

/// Checks what saving a form of the interactive screen would change.
pub fn check_form(ctx: &Context, form: &crate::app::form::Form) -> Result<()> {
    use crate::app::form::FormPurpose::*;
    match &form.purpose {
        NewBody => check(ctx, Activity::SetUpBodies, None),
        NewMember { body_id } => {
            hidden_as_not_found(ctx, *body_id)?;
            // Adding an unknown name also adds the person: both are set-up.
            check(ctx, Activity::SetUpMemberships, None)
        }
        NewSession { body_id } => check(ctx, Activity::ScheduleSessions, Some(*body_id)),
        NewItem { session_id } => check_session(ctx, Activity::EditAgenda, *session_id),
        EditItem { item_id, .. } => check_item(ctx, Activity::EditAgenda, *item_id),
        NewResolution { session_id, .. } => {
            check_session(ctx, Activity::RecordResolutions, *session_id)
        }
        NewTask { session_id, .. } => check_session(ctx, Activity::ManageTasks, *session_id),
        ReviewTask { task_id, .. } => {
            let task = ctx.store.task(*task_id)?;
            let due = form.opt("due").and_then(|d| ctx.parse_date(&d).ok());
            if due.is_some() && due != task.due {
                // Moving a deadline is following up, not recording one's own progress.
                return check(ctx, Activity::ManageTasks, Some(task.body_id));
            }
            check_task_progress(ctx, &task)
        }
        ReviewResolution { resolution_id, .. } => {
            let r = ctx.store.resolution(*resolution_id)?;
            check(ctx, Activity::RecordResolutions, Some(r.body_id))
        }
        Guest { session_id } => check_session(ctx, Activity::InviteGuests, *session_id),
        // Narrowing a browser writes nothing.
        BrowseFilter => Ok(()),
    }
}

/// What a key of the interactive screen would change, when that is known before any
/// input: checked at the key press so nobody fills a form only to be refused. (Saving
/// checks again; progress on a task depends on the task and is checked on saving.)
pub fn activity_of(action: crate::app::keymap::Action) -> Option<Activity> {
    use crate::app::keymap::Action::*;
    Some(match action {
        NewBody => Activity::SetUpBodies,
        AddMember => Activity::SetUpMemberships,
        NewSession => Activity::ScheduleSessions,
        OpenSession | CloseSession | CancelSession => Activity::ChangeSessionStatus,
        ApproveMinutes => Activity::ApproveMinutes,
        AddItem | EditItem | MoveItemUp | MoveItemDown | DeferItem | WithdrawItem => {
            Activity::EditAgenda
        }
        WriteMinutes | ExternalEditor => Activity::RecordMinutes,
        AddResolution => Activity::RecordResolutions,
        AddTask => Activity::ManageTasks,
        InviteGuest => Activity::InviteGuests,
        MarkPresent | MarkAbsent | MarkExcused | MarkLate | MarkRemote | AllPresent => {
            Activity::RecordAttendance
        }
        _ => return None,
    })
}

/// Checks a key's activity in the body on screen (the open session's, else the
/// selected one); with no body on screen only set-up is checked here.
pub fn check_key(
    ctx: &Context,
    action: crate::app::keymap::Action,
    body_on_screen: Option<i64>,
) -> Result<()> {
    let Some(activity) = activity_of(action) else {
        return Ok(());
    };
    match (activity.is_per_body(), body_on_screen) {
        (false, _) => check(ctx, activity, None),
        (true, Some(b)) => check(ctx, activity, Some(b)),
        (true, None) => Ok(()),
    }
}
