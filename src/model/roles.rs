//! Who may do what: the one place where roles become permissions. Pure: the app layer
//! loads the facts (administrator or not, the person's roles in a body, the task's
//! assignee) and asks [`allowed`] before every write, in the CLI and the TUI alike.
//!
//! The rules:
//! - an **administrator** (the database's creator, and logins granted with
//!   `shura admin grant`) sets up bodies, people, memberships and administrators, and
//!   may act for any role in any body (every such act is in the audit trail under the
//!   administrator's login), and sees confidential bodies (they set them up);
//! - a body's **secretary** keeps its record: sessions, agenda, attendance, guests,
//!   minutes, resolutions and tasks;
//! - its **chair** and **vice-chair** (who stands in for the chair) do all that and
//!   also approve minutes;
//! - a **member** or **observer** reads, and records progress on tasks assigned to them;
//! - anyone records progress on a task whose assignee is their own person;
//! - what a body took in **closed session** (its items marked closed: minutes, motions,
//!   votes) is read by the body's current members (any role) and administrators only;
//!   the public minutes say only that the item was taken in closed session;
//! - everyone else reads non-confidential bodies only; a confidential body is visible
//!   to its current members and to administrators, and to nobody else.
//!
//! Only memberships in force on the day count (term start and end).

use serde::Serialize;

use super::{Lang, Role};

coded_enum!(
    /// A kind of change someone may ask for.
    Activity, Activity {
        SetUpBodies = "set_up_bodies" / "setting up bodies" / "تعریف شوراها و کمیسیون‌ها",
        SetUpPeople = "set_up_people" / "adding people" / "تعریف اشخاص",
        SetUpMemberships = "set_up_memberships" / "setting up memberships" / "تعیین اعضا",
        ManageAdministrators = "manage_administrators" / "granting or revoking administrators" / "تعیین مدیران سامانه",
        ScheduleSessions = "schedule_sessions" / "scheduling sessions" / "تعیین جلسه",
        ChangeSessionStatus = "change_session_status" / "opening, closing or cancelling sessions" / "گشودن، ختم یا لغو جلسه",
        EditAgenda = "edit_agenda" / "editing the agenda" / "ویرایش دستور جلسه",
        RecordAttendance = "record_attendance" / "recording attendance" / "ثبت حضور و غیاب",
        InviteGuests = "invite_guests" / "inviting guests" / "دعوت از مدعوین",
        RecordMinutes = "record_minutes" / "recording minutes" / "ثبت صورتجلسه",
        RecordResolutions = "record_resolutions" / "recording resolutions" / "ثبت مصوبات",
        ManageTasks = "manage_tasks" / "assigning and following up tasks" / "تعیین و پیگیری اقدامات",
        ApproveMinutes = "approve_minutes" / "approving minutes" / "تأیید صورتجلسه",
        RecordOwnTaskProgress = "record_own_task_progress" / "recording progress on your own tasks" / "ثبت پیشرفت اقدامات خود",
        ReadAuditLog = "read_audit_log" / "reading the whole audit log" / "خواندن کل سوابق تغییرات",
        ReadClosedSession = "read_closed_session" / "reading what was taken in closed session" / "خواندن صورتجلسه بخش غیرعلنی",
        KeepPlans = "keep_plans" / "keeping plans: goals, policies, indicators and measurements" / "تدوین برنامه: اهداف، سیاست‌ها، شاخص‌ها و سنجش‌ها",
        RecordEvaluations = "record_evaluations" / "keeping checklists and recording field visits" / "تدوین چک‌لیست و ثبت بازدیدهای میدانی",
    }
);

/// Who must ask for an activity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Need {
    /// An administrator.
    Administrator,
    /// The body's secretary, chair or vice-chair.
    Editor,
    /// The body's chair or vice-chair.
    Chair,
    /// The task's assignee, or the body's secretary, chair or vice-chair.
    AssigneeOrEditor,
    /// A member of the body (any role in force: chair, vice-chair, secretary, member,
    /// observer).
    Member,
}

impl Activity {
    pub fn need(self) -> Need {
        use Activity::*;
        match self {
            SetUpBodies | SetUpPeople | SetUpMemberships | ManageAdministrators | ReadAuditLog => {
                Need::Administrator
            }
            ScheduleSessions | ChangeSessionStatus | EditAgenda | RecordAttendance
            | InviteGuests | RecordMinutes | RecordResolutions | ManageTasks | KeepPlans
            | RecordEvaluations => Need::Editor,
            ApproveMinutes => Need::Chair,
            RecordOwnTaskProgress => Need::AssigneeOrEditor,
            ReadClosedSession => Need::Member,
        }
    }

    /// Whether the activity concerns one body (the others are set-up for the whole
    /// database).
    pub fn is_per_body(self) -> bool {
        self.need() != Need::Administrator
    }
}

/// What the app knows about the person at the keyboard, for one body.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Standing {
    /// Granted administration (or created the database).
    pub administrator: bool,
    /// Their roles in the body in question (memberships in force), empty when none.
    pub roles: Vec<Role>,
    /// Whether the task in question is assigned to their own person.
    pub own_task: bool,
}

fn edits(roles: &[Role]) -> bool {
    roles
        .iter()
        .any(|r| matches!(r, Role::Chair | Role::ViceChair | Role::Secretary))
}

fn chairs(roles: &[Role]) -> bool {
    roles
        .iter()
        .any(|r| matches!(r, Role::Chair | Role::ViceChair))
}

/// Whether someone with this standing may do the activity. The one rule of the program.
pub fn allowed(standing: &Standing, activity: Activity) -> bool {
    if standing.administrator {
        return true;
    }
    match activity.need() {
        Need::Administrator => false,
        Need::Editor => edits(&standing.roles),
        Need::Chair => chairs(&standing.roles),
        Need::AssigneeOrEditor => standing.own_task || edits(&standing.roles),
        Need::Member => !standing.roles.is_empty(),
    }
}

/// Whether a body is visible to someone: non-confidential ones to everybody; a
/// confidential one to administrators and to its current members (any role).
pub fn may_see(confidential: bool, administrator: bool, roles: &[Role]) -> bool {
    !confidential || administrator || !roles.is_empty()
}

/// Every activity allowed with a standing (for `whoami`).
pub fn allowed_activities(standing: &Standing) -> Vec<Activity> {
    Activity::ALL
        .iter()
        .copied()
        .filter(|a| {
            // Progress on one's own tasks depends on the task; list it for anyone who
            // holds a role in the body.
            if *a == Activity::RecordOwnTaskProgress {
                return standing.administrator || !standing.roles.is_empty();
            }
            allowed(standing, *a)
        })
        .filter(|a| a.is_per_body() || standing.administrator)
        .collect()
}

/// The highest of a set of roles, for telling someone what they are in a body.
pub fn principal_role(roles: &[Role]) -> Option<Role> {
    [
        Role::Chair,
        Role::ViceChair,
        Role::Secretary,
        Role::Member,
        Role::Observer,
    ]
    .into_iter()
    .find(|r| roles.contains(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(roles: &[Role]) -> Standing {
        Standing {
            roles: roles.to_vec(),
            ..Default::default()
        }
    }

    #[test]
    fn the_table() {
        let admin = Standing {
            administrator: true,
            ..Default::default()
        };
        for a in Activity::ALL {
            assert!(allowed(&admin, *a), "admin {a:?}");
            assert!(!allowed(&Standing::default(), *a), "nobody {a:?}");
        }
        let secretary = with(&[Role::Secretary]);
        assert!(allowed(&secretary, Activity::RecordMinutes));
        assert!(!allowed(&secretary, Activity::ApproveMinutes));
        assert!(!allowed(&secretary, Activity::SetUpBodies));
        for chair in [Role::Chair, Role::ViceChair] {
            assert!(allowed(&with(&[chair]), Activity::ApproveMinutes));
            assert!(allowed(&with(&[chair]), Activity::RecordResolutions));
        }
        for reader in [Role::Member, Role::Observer] {
            let s = with(&[reader]);
            assert!(!allowed(&s, Activity::RecordMinutes));
            assert!(!allowed(&s, Activity::RecordOwnTaskProgress));
            let own = Standing {
                own_task: true,
                ..s
            };
            assert!(allowed(&own, Activity::RecordOwnTaskProgress));
            assert!(!allowed(&own, Activity::ManageTasks));
            assert!(
                allowed(&with(&[reader]), Activity::ReadClosedSession),
                "{reader:?}"
            );
        }
        assert!(allowed(&secretary, Activity::ReadClosedSession));
    }

    #[test]
    fn confidential_bodies_are_for_members_and_administrators() {
        assert!(may_see(false, false, &[]));
        assert!(!may_see(true, false, &[]));
        assert!(may_see(true, false, &[Role::Observer]));
        assert!(may_see(true, true, &[]));
    }

    #[test]
    fn principal_role_is_the_highest() {
        assert_eq!(
            principal_role(&[Role::Member, Role::Secretary]),
            Some(Role::Secretary)
        );
        assert_eq!(principal_role(&[]), None);
    }
}
