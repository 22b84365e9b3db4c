//! The TUI's side of the role check: what a key would change, checked at the key press
//! so nobody fills a form only to be refused. Saving checks again, in the operation
//! itself ([`crate::ops`]), with the one rule in [`crate::ops::authz`].

use crate::model::roles::Activity;
use crate::ops::authz::check;
use crate::ops::Context;
use crate::store::Result;

/// What a key of the interactive screen would change, when that is known before any
/// input: checked at the key press so nobody fills a form only to be refused. (Saving
/// checks again; progress on a task depends on the task and is checked on saving.)
pub fn activity_of(action: crate::app::keymap::Action) -> Option<Activity> {
    use crate::app::keymap::Action::*;
    Some(match action {
        NewBody => Activity::SetUpBodies,
        AddMember => Activity::SetUpMemberships,
        NewSession => Activity::ScheduleSessions,
        OpenSession | CloseSession | CancelSession | Recess | Resume => {
            Activity::ChangeSessionStatus
        }
        ApproveMinutes | CorrectMinutes => Activity::ApproveMinutes,
        AddItem | EditItem | MoveItemUp | MoveItemDown | MoveItemTo | DeferItem | WithdrawItem => {
            Activity::EditAgenda
        }
        WriteMinutes | ExternalEditor => Activity::RecordMinutes,
        AddResolution | MoveMotion | AmendMotion | SecondMotion | WithdrawMotion | LapseMotion
        | AcceptAmendment | TakeVote | OpenVote | CloseVote | CastFor | MoveConsent => {
            Activity::RecordResolutions
        }
        ToggleConsent => Activity::EditAgenda,
        AddTask => Activity::ManageTasks,
        EditBody => Activity::SetUpBodies,
        EditMember | EndMember => Activity::SetUpMemberships,
        EditPerson => Activity::SetUpPeople,
        EditGuest | RemoveGuest => Activity::InviteGuests,
        RemoveItem => Activity::EditAgenda,
        // EditResolution and EditTask are checked in the body of the record when the
        // form opens (`app::corrections`): a browser or a page is not the body on screen.
        InviteGuest => Activity::InviteGuests,
        SendResolution | AcknowledgeSending | ObjectResolution | AnswerObjection
        | RuleOnResolution => Activity::RecordResolutions,
        MarkPresent | MarkAbsent | MarkExcused | MarkLate | MarkRemote | MarkLeft | AllPresent => {
            Activity::RecordAttendance
        }
        NewGoal | NewPolicy | NewIndicator | EditPlanRow | RecordMeasurement => Activity::KeepPlans,
        // Signing is for the person at the keyboard, who signs: checked by the operation.
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
