//! Corrections of the record before its minutes are approved: a typo in a resolution, a
//! wrong count, a member's role, a guest's name, a body's formed date.
//!
//! The rules that live here and nowhere else:
//! - bodies, people and memberships are set up by administrators, and corrected by
//!   them (every field; a body's parent never itself or a body under it); a membership
//!   is ended on a day, never removed, since sessions counted it;
//! - what belongs to a session (its agenda items, guests, motions, resolutions) is
//!   corrected by the body's secretary, chair or vice-chair, and only while its minutes
//!   are not approved (or a correction of them is open, see [`super::not_frozen`]);
//! - a resolution's votes corrected as a count give its motion's outcome again under
//!   the rule recorded on the ballot: the decision follows from it, and a decision
//!   typed against it is refused with the outcome; a vote recorded member by member is
//!   not overwritten by a count (the names would be lost);
//! - a task is follow-up and stays correctable after approval (title, assignee, due
//!   date, priority); the approved minutes keep it as it was;
//! - an agenda item is removed only when nothing refers to it; otherwise the refusal
//!   names what does, and it can be withdrawn instead.
//!
//! Every correction is audited with the row before and after (the store does that).

use chrono::NaiveDate;

use super::authz;
use super::setup::Member;
use super::Context;
use crate::model::record::RecordRefusal;
use crate::model::roles::Activity;
use crate::model::rules::{FiscalYear, MeetingRule, QuorumRule, VoteEntry};
use crate::model::voting::{decide, Procedure};
use crate::model::{
    Body, BodyKind, Decision, Guest, Membership, Name, Person, Resolution, Role, Signing, Tally,
    Task,
};
use crate::store::edit::{BallotCorrection, MotionCorrection, ResolutionCorrection};
use crate::store::write::{NewBody, NewPerson};
use crate::store::{Refusal, Result, StoreError};

/// A body's fields to change; `None` leaves one as it is.
#[derive(Debug, Clone, Default)]
pub struct BodyChanges {
    pub name: Option<Name>,
    pub kind: Option<BodyKind>,
    /// `Some(None)`: no parent any more.
    pub parent_id: Option<Option<i64>>,
    pub quorum: Option<QuorumRule>,
    pub meeting_rule: Option<MeetingRule>,
    pub resolution_format: Option<String>,
    pub agenda_template: Option<Vec<String>>,
    pub agenda_closing: Option<Vec<String>>,
    pub confidential: Option<bool>,
    pub formed_on: Option<Option<NaiveDate>>,
    pub procedure: Option<Procedure>,
    pub number_per_term: Option<bool>,
    pub fiscal_year: Option<FiscalYear>,
    pub signing: Option<Signing>,
    pub law_profile: Option<String>,
    pub absence_rule: Option<crate::model::rules::AbsenceRule>,
}

/// The body with the changes applied, as it would be saved.
fn changed_body(b: &Body, c: &BodyChanges) -> NewBody {
    let mut n = NewBody::from_body(b);
    if let Some(v) = &c.name {
        n.name = v.clone();
    }
    if let Some(v) = c.kind {
        n.kind = v;
    }
    if let Some(v) = c.parent_id {
        n.parent_id = v;
    }
    if let Some(v) = c.quorum {
        n.quorum = v;
    }
    if let Some(v) = &c.meeting_rule {
        n.meeting_rule = v.clone();
    }
    if let Some(v) = &c.resolution_format {
        n.resolution_format = v.clone();
    }
    if let Some(v) = &c.agenda_template {
        n.agenda_template = v.clone();
    }
    if let Some(v) = &c.agenda_closing {
        n.agenda_closing = v.clone();
    }
    if let Some(v) = c.confidential {
        n.confidential = v;
    }
    if let Some(v) = c.formed_on {
        n.formed_on = v;
    }
    if let Some(v) = &c.procedure {
        n.procedure = v.clone();
    }
    if let Some(v) = c.number_per_term {
        n.number_per_term = v;
    }
    if let Some(v) = c.fiscal_year {
        n.fiscal_year = v;
    }
    if let Some(v) = c.signing {
        n.signing = v;
    }
    if let Some(v) = &c.law_profile {
        n.law_profile = v.trim().to_string();
    }
    if let Some(v) = c.absence_rule {
        n.absence_rule = v;
    }
    n
}

/// Changes a body's fields; refused when it changed since `expected_version`.
pub fn edit_body(
    ctx: &mut Context,
    body_id: i64,
    c: &BodyChanges,
    expected_version: Option<i64>,
) -> Result<Body> {
    authz::check(ctx, Activity::SetUpBodies, None)?;
    let b = ctx.store.body(body_id)?;
    ctx.store
        .update_body(b.id, &changed_body(&b, c), expected_version)?;
    ctx.store.body(b.id)
}

/// A person's fields to change; `None` leaves one as it is, `Some(None)` clears it.
#[derive(Debug, Clone, Default)]
pub struct PersonChanges {
    pub name: Option<Name>,
    pub login: Option<Option<String>>,
    pub organization: Option<Option<String>>,
    pub email: Option<Option<String>>,
}

/// Changes a person's name, login, organization or email. The minutes already
/// approved keep the name they were approved with.
pub fn edit_person(ctx: &mut Context, person_id: i64, c: &PersonChanges) -> Result<Person> {
    authz::check(ctx, Activity::SetUpPeople, None)?;
    let p = ctx.store.person(person_id)?;
    ctx.store.update_person(
        p.id,
        &NewPerson {
            name: c.name.clone().unwrap_or_else(|| p.name.clone()),
            login: c.login.clone().unwrap_or_else(|| p.login.clone()),
            organization: c
                .organization
                .clone()
                .unwrap_or_else(|| p.organization.clone()),
            email: c.email.clone().unwrap_or_else(|| p.email.clone()),
        },
        None,
    )?;
    ctx.store.person(p.id)
}

/// The person a new member is, typed as a name or an id: text that is all digits (in
/// any script) is an id, and refused when no person has it, so `999` never becomes a
/// person called "999"; otherwise an existing person by login or name, else a new one
/// (`new`, with the typed name).
pub fn member_named(ctx: &Context, typed: &str, new: NewPerson) -> Result<Member> {
    let typed = typed.trim();
    let latin = crate::locale::digits::to_latin_digits(typed);
    if !latin.is_empty() && latin.chars().all(|c| c.is_ascii_digit()) {
        let refused = || {
            StoreError::Refused(Refusal::Record(RecordRefusal::NoPersonWithId {
                id: latin.clone(),
            }))
        };
        let id = latin.parse::<i64>().map_err(|_| refused())?;
        return match ctx.store.person(id) {
            Ok(p) => Ok(Member::Existing(p.id)),
            Err(StoreError::NotFound { .. }) => Err(refused()),
            Err(e) => Err(e),
        };
    }
    match ctx.store.find_person(typed) {
        Ok(p) => Ok(Member::Existing(p.id)),
        Err(StoreError::NotFound { .. }) => Ok(Member::New(new)),
        Err(e) => Err(e),
    }
}

/// A membership's fields to change.
#[derive(Debug, Clone, Default)]
pub struct MembershipChanges {
    pub role: Option<Role>,
    pub voting: Option<bool>,
    pub term_start: Option<Option<NaiveDate>>,
    pub term_end: Option<Option<NaiveDate>>,
}

/// Changes a membership's role, vote or term.
pub fn edit_membership(
    ctx: &mut Context,
    membership_id: i64,
    c: &MembershipChanges,
) -> Result<Membership> {
    authz::check(ctx, Activity::SetUpMemberships, None)?;
    let m = ctx.store.membership(membership_id)?;
    ctx.store.update_membership(
        m.id,
        c.role.unwrap_or(m.role),
        c.voting.unwrap_or(m.voting),
        c.term_start.unwrap_or(m.term_start),
        c.term_end.unwrap_or(m.term_end),
    )?;
    ctx.store.membership(m.id)
}

/// Ends a membership on a day (today when not given): the member no longer counts
/// from the day after. Refused when it has ended already.
pub fn end_membership(
    ctx: &mut Context,
    membership_id: i64,
    on: Option<NaiveDate>,
) -> Result<Membership> {
    authz::check(ctx, Activity::SetUpMemberships, None)?;
    let m = ctx.store.membership(membership_id)?;
    let on = on.unwrap_or(ctx.today);
    if let Some(ended) = m.term_end {
        if ended <= on {
            return Err(StoreError::Refused(Refusal::Record(
                RecordRefusal::MembershipEnded {
                    membership: m.id,
                    on: ctx.date(ended),
                },
            )));
        }
    }
    ctx.store
        .update_membership(m.id, m.role, m.voting, m.term_start, Some(on))?;
    ctx.store.membership(m.id)
}

/// Changes a guest's name or organization.
pub fn edit_guest(
    ctx: &mut Context,
    guest_id: i64,
    name: Option<String>,
    organization: Option<Option<String>>,
) -> Result<Guest> {
    let g = ctx.store.guest(guest_id)?;
    authz::check_session(ctx, Activity::InviteGuests, g.session_id)?;
    super::not_frozen(ctx, g.session_id)?;
    ctx.store.update_guest(
        g.id,
        name.as_deref().unwrap_or(&g.name),
        organization.unwrap_or(g.organization.clone()),
    )?;
    ctx.store.guest(g.id)
}

/// Removes a guest from a session's list.
pub fn remove_guest(ctx: &mut Context, guest_id: i64) -> Result<Guest> {
    let g = ctx.store.guest(guest_id)?;
    authz::check_session(ctx, Activity::InviteGuests, g.session_id)?;
    super::not_frozen(ctx, g.session_id)?;
    ctx.store.remove_guest(g.id)?;
    Ok(g)
}

/// A resolution's fields to correct.
#[derive(Debug, Clone, Default)]
pub struct ResolutionChanges {
    pub text: Option<String>,
    pub decision: Option<Decision>,
    /// The votes as typed: a count (`7/2/1`) or unanimous.
    pub votes: Option<VoteEntry>,
    pub owner: Option<Option<String>>,
    pub due: Option<Option<NaiveDate>>,
    /// The agenda item it was decided on, when it was recorded on the wrong one.
    pub agenda_item_id: Option<i64>,
    pub expected_version: Option<i64>,
}

/// Corrects a resolution before its session's minutes are approved.
pub fn edit_resolution(
    ctx: &mut Context,
    resolution_id: i64,
    c: &ResolutionChanges,
) -> Result<Resolution> {
    let r = ctx.store.resolution(resolution_id)?;
    authz::check(ctx, Activity::RecordResolutions, Some(r.body_id))?;
    if let Some(s) = r.session_id {
        super::not_frozen(ctx, s)?;
    }
    let mut fix = ResolutionCorrection {
        text: c.text.clone(),
        decision: c.decision,
        owner: c.owner.clone(),
        due: c.due,
        agenda_item_id: c.agenda_item_id,
        expected_version: c.expected_version,
        ..Default::default()
    };
    if let Some(entry) = &c.votes {
        if ctx.store.resolution_has_named_votes(r.id)? {
            return Err(StoreError::Refused(Refusal::Record(
                RecordRefusal::NamedVotes { resolution: r.id },
            )));
        }
        let motion = ctx.store.motion_of_resolution(r.id)?;
        let ballot = match &motion {
            Some(m) => ctx.store.ballot(m.id)?,
            None => None,
        };
        let tally = match entry {
            VoteEntry::Tally(t) => t.clone(),
            VoteEntry::Unanimous => {
                let eligible = match &ballot {
                    Some(b) => i64::from(b.room.present.saturating_sub(b.room.recused)),
                    None => match r.session_id {
                        Some(s) => {
                            let session = ctx.store.session(s)?;
                            let body = ctx.store.body(session.body_id)?;
                            i64::from(
                                super::record::roll_call(&ctx.store, &body, &session)?
                                    .1
                                    .present,
                            )
                        }
                        None => 0,
                    },
                };
                Tally {
                    yes: eligible,
                    no: 0,
                    abstain: 0,
                }
            }
            VoteEntry::NotTaken => {
                fix.tally = Some(None);
                return finish(ctx, r.id, fix);
            }
        };
        if let (Some(m), Some(b)) = (&motion, &ballot) {
            let outcome = decide(&b.rule, m.kind, b.room, &tally, b.casting_vote)
                .map_err(|p| StoreError::Refused(Refusal::Vote(p)))?;
            let carried = b.declared.unwrap_or(outcome.carried);
            let follows = if carried {
                Decision::Adopted
            } else {
                Decision::Rejected
            };
            if let Some(d) = c.decision {
                if d != follows && matches!(d, Decision::Adopted | Decision::Rejected) {
                    return Err(StoreError::Refused(Refusal::Record(
                        RecordRefusal::DecisionAgainstVotes {
                            decision: d.label(ctx.prefs.lang).to_string(),
                            explanation: outcome.explanation(ctx.prefs.lang),
                        },
                    )));
                }
            }
            fix.decision = Some(c.decision.unwrap_or(follows));
            fix.ballot = Some(BallotCorrection {
                motion_id: m.id,
                tally: (tally.yes, tally.no, tally.abstain),
                needed: outcome.needed,
                carried: outcome.carried,
            });
        }
        fix.tally = Some(Some(tally));
    }
    finish(ctx, r.id, fix)
}

fn finish(ctx: &mut Context, id: i64, fix: ResolutionCorrection) -> Result<Resolution> {
    ctx.store.correct_resolution(id, &fix)
}

/// A task's fields to correct: the store's correction as it is (no rule turns one into
/// the other).
pub use crate::store::edit::TaskCorrection as TaskChanges;

/// Corrects a task (its follow-up goes on after approval; the approved minutes keep
/// it as it was). A new due date needs the people who manage tasks, as in
/// [`super::tasks`].
pub fn edit_task(ctx: &mut Context, task_id: i64, c: &TaskChanges) -> Result<Task> {
    let task = ctx.store.task(task_id)?;
    authz::check(ctx, Activity::ManageTasks, Some(task.body_id))?;
    ctx.store.correct_task(task.id, c)
}

/// Corrects a motion as moved (its wording, mover, seconder) before approval.
pub fn edit_motion(
    ctx: &mut Context,
    motion_id: i64,
    c: &MotionCorrection,
) -> Result<crate::model::voting::Motion> {
    let m = ctx.store.motion(motion_id)?;
    authz::check_session(ctx, Activity::RecordResolutions, m.session_id)?;
    super::not_frozen(ctx, m.session_id)?;
    ctx.store.correct_motion(m.id, c)
}

/// Removes an agenda item nothing refers to, before approval.
pub fn remove_item(ctx: &mut Context, item_id: i64) -> Result<()> {
    authz::check_item(ctx, Activity::EditAgenda, item_id)?;
    super::item_not_frozen(ctx, item_id)?;
    ctx.store.remove_agenda_item(item_id)
}

/// Corrects what an agenda item is, before approval: its kind, its urgency and the
/// signatories of a members' proposal (`None` leaves each as it is). The same rules as
/// for a new item ([`crate::model::agenda::check_new_item`]); a section keeps its kind
/// while it has sub-items.
pub fn edit_item_kind(
    ctx: &mut Context,
    item_id: i64,
    kind: Option<crate::model::ItemKind>,
    urgency: Option<Option<crate::model::Urgency>>,
    signatories: Option<Vec<i64>>,
) -> Result<()> {
    use crate::model::ItemKind;
    authz::check_item(ctx, Activity::EditAgenda, item_id)?;
    super::item_not_frozen(ctx, item_id)?;
    let item = ctx.store.agenda_item(item_id)?;
    let items = ctx.store.agenda(item.session_id)?;
    let kind = kind.unwrap_or(item.kind);
    let urgency = urgency.unwrap_or(item.urgency);
    let current: Vec<i64> = ctx
        .store
        .agenda_signatories(item.session_id)?
        .into_iter()
        .filter(|(i, _)| *i == item.id)
        .map(|(_, p)| p.id)
        .collect();
    let signed = signatories.as_ref().map_or(current.len(), Vec::len);
    if item.kind == ItemKind::Section && kind != ItemKind::Section {
        let under: Vec<(crate::model::Entity, i64)> = items
            .iter()
            .filter(|i| i.parent_id == Some(item.id))
            .map(|i| (crate::model::Entity::AgendaItem, i.id))
            .collect();
        if !under.is_empty() {
            return Err(StoreError::Refused(Refusal::Record(
                RecordRefusal::Referenced {
                    what: crate::model::Entity::AgendaItem,
                    id: item.id,
                    by: under,
                },
            )));
        }
    }
    let labels = crate::model::agenda::agenda_labels(&items);
    let parent = item.parent_id.and_then(|p| {
        items
            .iter()
            .position(|i| i.id == p)
            .map(|at| (&items[at], labels[at].as_str()))
    });
    crate::model::agenda::check_new_item(kind, urgency, signed, parent)
        .map_err(|p| StoreError::Refused(Refusal::Agenda(p)))?;
    ctx.store
        .correct_item_kind(item.id, kind, urgency, signatories.as_deref())
}
