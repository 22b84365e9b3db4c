//! A session's whole record (attendance, quorum, agenda with minutes, motions and their
//! votes, resolutions and tasks), as the views show it and the exports print it.
//!
//! What was taken in closed session (items marked closed) is for the body's members
//! and administrators only ([`Activity::ReadClosedSession`]): [`visible_record`] leaves
//! it out for anyone else, [`public_record`] (the public minutes) for everybody, and
//! [`closed_record`] gives that part alone to those who may read it.
//!
//! The record also holds what its minutes tell beyond the session's own rows: each
//! item's number on the agenda, the signatories of a members' proposal and the tasks
//! given on an item without a resolution; the progress on earlier resolutions reported
//! at the session (its review); the body's next session; who signs ([`signers`], by the
//! body's way of signing); whether the minutes are still a draft. An item's resolutions
//! come in the order adopted.

use serde::Serialize;

use super::motions::{motion_views, MemberVote, MotionView, Recusal};
use super::Context;
use crate::locale::Lang;
use crate::model::roles::Activity;
use crate::model::rules::QuorumState;
use crate::model::voting::{Choice, MotionKind};
use crate::model::*;
use crate::store::read::{ResolutionFilter, TaskFilter};
use crate::store::Store;

/// A session's whole record, as shown and exported.
#[derive(Serialize)]
pub struct SessionRecord {
    #[serde(flatten)]
    pub session: Session,
    pub body: Body,
    pub attendance: Vec<AttendanceRow>,
    pub guests: Vec<Guest>,
    pub agenda: Vec<AgendaRecord>,
    pub quorum: QuorumState,
    /// The session's clock: its events in time order, and what they add up to.
    pub events: Vec<SessionEvent>,
    pub timeline: crate::model::clock::Timeline,
    /// Motions of the session itself, on no agenda item (approve the agenda or the
    /// previous minutes, recess, adjourn, the consent agenda…), in the order moved.
    pub motions: Vec<MotionView>,
    /// The record holds only what was taken in closed session (see [`closed_record`]).
    pub closed_part: bool,
    /// The progress on earlier resolutions and their tasks recorded at this session
    /// (its review of previous resolutions), in the order recorded.
    pub review: Vec<ReviewEntry>,
    /// The body's next session, once scheduled (not cancelled).
    pub next_session: Option<Session>,
    /// Who signs the minutes, by the body's way of signing ([`signers`]).
    pub signers: Vec<Signer>,
    /// The minutes are a draft: not approved yet.
    pub draft: bool,
}

/// One progress report recorded at the session: on a task (with its resolution's
/// number when it has one) or on a resolution itself.
#[derive(Serialize)]
pub struct ReviewEntry {
    /// When it was recorded.
    pub at: String,
    pub resolution_number: Option<String>,
    /// The resolution's text, for a follow-up on the resolution itself.
    pub resolution_text: Option<String>,
    /// The task reported on; none for a follow-up on the resolution itself.
    pub task: Option<crate::store::read::TaskRow>,
    pub status: WorkStatus,
    /// The task's percentage done as reported.
    pub percent: Option<i64>,
    pub note: String,
    /// Made on an item taken in closed session: left out of the public minutes.
    pub closed_origin: bool,
}

/// One signature line of the minutes: the signer's role and name (none when the body
/// has nobody in that role on the session's day: the line names the role alone).
#[derive(Serialize, Debug, Clone, PartialEq)]
pub struct Signer {
    pub role: Role,
    pub name: Option<Name>,
}

#[derive(Serialize)]
pub struct AttendanceRow {
    pub person_id: i64,
    pub name: Name,
    pub role: Role,
    pub voting: bool,
    pub presence: Option<Presence>,
    /// When a member who came late arrived (HH:MM).
    pub arrived_at: Option<String>,
    /// When a member left before the end (HH:MM).
    pub left_at: Option<String>,
}

#[derive(Serialize)]
pub struct AgendaRecord {
    #[serde(flatten)]
    pub item: AgendaItem,
    pub resolutions: Vec<Resolution>,
    pub tasks: Vec<crate::store::read::TaskRow>,
    /// The item's motions and amendments, in the order moved.
    pub motions: Vec<MotionView>,
    /// Members who declared an interest in the item, with their reasons.
    pub recusals: Vec<Recusal>,
    /// For each of the item's resolutions: the motion it was adopted on (none when it
    /// was recorded directly) and its per-member votes.
    pub resolution_votes: Vec<ResolutionVotes>,
    /// Taken in closed session and left out of this record for its reader.
    pub redacted: bool,
    /// Its number on the agenda ("3", "3.1"; Latin digits), from
    /// [`crate::model::agenda::agenda_labels`].
    pub label: String,
    /// The members who signed it, for a members' proposal.
    pub signatories: Vec<Person>,
    /// Tasks given on the item without a resolution, in the order given.
    pub item_tasks: Vec<crate::store::read::TaskRow>,
}

#[derive(Serialize)]
pub struct ResolutionVotes {
    pub resolution_id: i64,
    pub motion_id: Option<i64>,
    pub votes: Vec<MemberVote>,
}

impl AgendaRecord {
    /// The per-member votes and motion of one of the item's resolutions.
    pub fn votes_of(&self, resolution_id: i64) -> Option<&ResolutionVotes> {
        self.resolution_votes
            .iter()
            .find(|v| v.resolution_id == resolution_id)
    }
}

impl AttendanceRow {
    /// Counted present (in the room, late or remote) and not gone: in the room now.
    pub fn in_room(&self) -> bool {
        self.left_at.is_none()
            && matches!(
                self.presence,
                Some(Presence::Present | Presence::Late | Presence::Remote)
            )
    }

    /// A voting member in the room.
    pub fn votes_here(&self) -> bool {
        self.voting && self.in_room()
    }

    /// In the room at a time of the session (HH:MM): counted present, arrived by then
    /// (one marked late with no time of arrival is not), and not gone by then.
    pub fn in_room_at(&self, at: &str) -> bool {
        let counted = matches!(
            self.presence,
            Some(Presence::Present | Presence::Late | Presence::Remote)
        );
        let arrived = match (&self.arrived_at, self.presence) {
            (Some(arrived), _) => arrived.as_str() <= at,
            (None, Some(Presence::Late)) => false,
            (None, _) => true,
        };
        let stayed = self.left_at.as_deref().is_none_or(|left| left > at);
        counted && arrived && stayed
    }
}

/// The quorum of a session's roll at a time of the session (HH:MM): the voting members
/// in the room then.
pub fn quorum_at(rec: &SessionRecord, at: &str) -> QuorumState {
    let voting = rec.attendance.iter().filter(|a| a.voting).count() as u32;
    let present = rec
        .attendance
        .iter()
        .filter(|a| a.voting && a.in_room_at(at))
        .count() as u32;
    QuorumState::new(rec.body.quorum, voting, present)
}

/// A session's roll: every member in office on its day with their mark, and the
/// quorum it makes under the body's rule, counting the voting members in the room
/// (those who left are not).
pub fn roll_call(
    store: &Store,
    body: &Body,
    session: &Session,
) -> crate::store::Result<(Vec<AttendanceRow>, QuorumState)> {
    let members = store.members(body.id)?;
    let marks = store.attendance(session.id)?;
    let attendance: Vec<AttendanceRow> = members
        .iter()
        .filter(|m| m.membership.active_on(session.date))
        .map(|m| AttendanceRow {
            person_id: m.person.id,
            name: m.person.name.clone(),
            role: m.membership.role,
            voting: m.membership.voting,
            presence: None,
            arrived_at: None,
            left_at: None,
        })
        .map(|mut row| {
            if let Some(a) = marks.iter().find(|a| a.person_id == row.person_id) {
                row.presence = Some(a.presence);
                row.arrived_at = a.arrived_at.clone();
                row.left_at = a.left_at.clone();
            }
            row
        })
        .collect();
    let voting = attendance.iter().filter(|a| a.voting).count() as u32;
    let present = attendance.iter().filter(|a| a.votes_here()).count() as u32;
    Ok((attendance, QuorumState::new(body.quorum, voting, present)))
}

/// Gathers a session's record from the store (names and outcome sentences of its
/// motions in `lang`), closed items included: see [`visible_record`] for what to show.
pub fn session_record(
    store: &Store,
    session: Session,
    lang: Lang,
) -> crate::store::Result<SessionRecord> {
    let body = store.body(session.body_id)?;
    let (attendance, quorum) = roll_call(store, &body, &session)?;
    let resolutions = store.resolutions(&ResolutionFilter {
        session_id: Some(session.id),
        ..Default::default()
    })?;
    let mut motions = motion_views(store, session.id, lang)?;
    let conflicts = store.conflicts(session.id)?;
    let name = |id: i64| {
        store
            .person(id)
            .map(|p| p.name.get(lang).to_string())
            .unwrap_or_default()
    };
    let mut agenda = Vec::new();
    let items = store.agenda(session.id)?;
    let labels = crate::model::agenda::agenda_labels(&items);
    let signatories = store.agenda_signatories(session.id)?;
    let item_tasks = store.item_tasks_without_resolution(session.id)?;
    for (item, label) in items.into_iter().zip(labels) {
        let mut item_resolutions: Vec<Resolution> = resolutions
            .iter()
            .filter(|r| r.resolution.agenda_item_id == Some(item.id))
            .map(|r| r.resolution.clone())
            .collect();
        // In the order adopted (the body's sequence), as the minutes tell them.
        item_resolutions.sort_by_key(|r| (r.seq, r.id));
        let mut tasks = Vec::new();
        let mut resolution_votes = Vec::new();
        for r in &item_resolutions {
            tasks.extend(store.tasks(&TaskFilter {
                resolution_id: Some(r.id),
                ..Default::default()
            })?);
            resolution_votes.push(ResolutionVotes {
                resolution_id: r.id,
                motion_id: store.motion_of_resolution(r.id)?.map(|m| m.id),
                votes: store
                    .votes(r.id)?
                    .into_iter()
                    .map(|(p, v)| MemberVote {
                        person_id: p,
                        person: name(p),
                        vote: choice_of(v),
                    })
                    .collect(),
            });
        }
        let (mine, rest): (Vec<MotionView>, Vec<MotionView>) = motions
            .into_iter()
            .partition(|m| m.motion.agenda_item_id == Some(item.id));
        motions = rest;
        let recusals = conflicts
            .iter()
            .filter(|c| c.agenda_item_id == item.id)
            .map(|c| Recusal {
                person_id: c.person_id,
                person: name(c.person_id),
                reason: c.reason.clone(),
            })
            .collect();
        agenda.push(AgendaRecord {
            signatories: signatories
                .iter()
                .filter(|(i, _)| *i == item.id)
                .map(|(_, p)| p.clone())
                .collect(),
            item_tasks: item_tasks
                .iter()
                .filter(|t| t.task.agenda_item_id == Some(item.id))
                .cloned()
                .collect(),
            label,
            item,
            resolutions: item_resolutions,
            tasks,
            motions: mine,
            recusals,
            resolution_votes,
            redacted: false,
        });
    }
    let events = store.session_events(session.id)?;
    Ok(SessionRecord {
        timeline: crate::model::clock::Timeline::of(&events),
        events,
        quorum,
        guests: store.guests(session.id)?,
        review: review_at(store, session.id)?,
        next_session: store.next_session_after(&session)?,
        signers: signers(&body, &attendance),
        draft: session.status != SessionStatus::Approved,
        session,
        body,
        attendance,
        agenda,
        motions,
        closed_part: false,
    })
}

/// The progress recorded at a session on tasks and on resolutions themselves, merged
/// in the order recorded.
fn review_at(store: &Store, session_id: i64) -> crate::store::Result<Vec<ReviewEntry>> {
    let mut review: Vec<ReviewEntry> = store
        .task_progress_at(session_id)?
        .into_iter()
        .map(|p| ReviewEntry {
            at: p.update.at,
            resolution_number: p.task.resolution_number.clone(),
            resolution_text: None,
            status: p.update.status,
            percent: Some(p.update.percent),
            note: p.update.note,
            closed_origin: p.closed_origin,
            task: Some(p.task),
        })
        .collect();
    review.extend(
        store
            .resolution_progress_at(session_id)?
            .into_iter()
            .map(|p| ReviewEntry {
                at: p.update.at,
                resolution_number: Some(p.resolution.number),
                resolution_text: Some(p.resolution.text),
                task: None,
                status: p.update.status,
                percent: None,
                note: p.update.note,
                closed_origin: p.closed_origin,
            }),
    );
    // Stable: task progress before a resolution's follow-up recorded the same moment.
    review.sort_by(|a, b| a.at.cmp(&b.at));
    Ok(review)
}

/// Who signs a session's minutes, from its roll (the memberships in force on its day):
/// the chair and the secretary (by name, or the role alone when the body has nobody in
/// it), or every voting member present (late and remote ones included) for a body that
/// signs that way.
pub fn signers(body: &Body, roll: &[AttendanceRow]) -> Vec<Signer> {
    let rows = signing_rows(body, roll);
    match body.signing {
        Signing::ChairSecretary => [Role::Chair, Role::Secretary]
            .into_iter()
            .map(|role| Signer {
                role,
                name: rows.iter().find(|a| a.role == role).map(|a| a.name.clone()),
            })
            .collect(),
        Signing::PresentMembers => rows
            .iter()
            .map(|a| Signer {
                role: a.role,
                name: Some(a.name.clone()),
            })
            .collect(),
    }
}

/// The rows of the roll whose people sign the minutes ([`signers`] by name): the first
/// chair and the first secretary on it, or every voting member present.
pub fn signing_rows<'a>(body: &Body, roll: &'a [AttendanceRow]) -> Vec<&'a AttendanceRow> {
    match body.signing {
        Signing::ChairSecretary => [Role::Chair, Role::Secretary]
            .into_iter()
            .filter_map(|role| roll.iter().find(|a| a.role == role))
            .collect(),
        Signing::PresentMembers => roll
            .iter()
            .filter(|a| {
                a.voting
                    && matches!(
                        a.presence,
                        Some(Presence::Present | Presence::Late | Presence::Remote)
                    )
            })
            .collect(),
    }
}

fn choice_of(v: Vote) -> Choice {
    match v {
        Vote::Yes => Choice::Yes,
        Vote::No => Choice::No,
        Vote::Abstain => Choice::Abstain,
    }
}

/// Leaves out the content of the items taken in closed session: their title,
/// presenter, minutes, motions, votes, recusals, resolutions and tasks. What stays says
/// only that the item (by its position) was taken in closed session. A consent motion
/// that adopted a closed item loses its wording, which names the items.
pub fn redact_closed(rec: &mut SessionRecord) {
    let mut closed_on_consent = false;
    for a in rec.agenda.iter_mut().filter(|a| a.item.closed) {
        closed_on_consent |= a.item.consent;
        a.item.title = String::new();
        a.item.presenter = None;
        a.item.duration_min = None;
        a.item.minutes = None;
        a.item.minutes_author = None;
        a.item.minutes_at = None;
        a.resolutions.clear();
        a.tasks.clear();
        a.motions.clear();
        a.recusals.clear();
        a.resolution_votes.clear();
        a.signatories.clear();
        a.item_tasks.clear();
        a.redacted = true;
    }
    rec.review.retain(|r| !r.closed_origin);
    if closed_on_consent {
        for m in rec
            .motions
            .iter_mut()
            .filter(|m| m.motion.kind == MotionKind::Consent)
        {
            m.motion.text = String::new();
            m.motion.final_text = String::new();
        }
    }
}

/// Whether the store's actor may read what a body took in closed session.
pub fn may_read_closed(store: &Store, body_id: i64) -> crate::store::Result<bool> {
    let st = super::authz::standing(store, Some(body_id), crate::store::clock_today())?;
    Ok(crate::model::roles::allowed(
        &st,
        Activity::ReadClosedSession,
    ))
}

/// A session's record as its reader may see it: the closed items left out unless they
/// are a member of the body or an administrator. Used by `session show` and the TUI.
pub fn visible_record(
    store: &Store,
    session: Session,
    lang: Lang,
) -> crate::store::Result<SessionRecord> {
    let mut rec = session_record(store, session, lang)?;
    if !may_read_closed(store, rec.body.id)? {
        redact_closed(&mut rec);
    }
    Ok(rec)
}

/// The record for the public minutes: the closed items left out, for every reader.
pub fn public_record(
    store: &Store,
    session: Session,
    lang: Lang,
) -> crate::store::Result<SessionRecord> {
    let mut rec = session_record(store, session, lang)?;
    redact_closed(&mut rec);
    Ok(rec)
}

/// The part of a session taken in closed session, alone (the `--closed` minutes):
/// refused to anyone but the body's members and administrators.
pub fn closed_record(ctx: &Context, session: Session) -> crate::store::Result<SessionRecord> {
    closed_record_in(ctx, session, ctx.prefs.lang)
}

/// [`closed_record`] with names and sentences in `lang` (approval renders both languages).
pub fn closed_record_in(
    ctx: &Context,
    session: Session,
    lang: Lang,
) -> crate::store::Result<SessionRecord> {
    super::authz::check(ctx, Activity::ReadClosedSession, Some(session.body_id))?;
    let mut rec = session_record(&ctx.store, session, lang)?;
    rec.agenda.retain(|a| a.item.closed);
    rec.motions.clear();
    // The progress on what was decided in closed session, told with that part.
    rec.review.retain(|r| r.closed_origin);
    rec.closed_part = true;
    Ok(rec)
}
