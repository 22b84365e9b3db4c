//! Motions and votes: the meeting as it runs, the same from the TUI and the CLI.
//!
//! The rules that live here and nowhere else:
//! - moving, seconding, amending, withdrawing a motion and recording its vote need the
//!   body's secretary, chair or vice-chair; a member declares their own interest, or
//!   the secretary does for them; a member casts only their own vote, from their own
//!   login, while the vote is open, when they are a voting member in the room and not
//!   recused on the item;
//! - a motion is voted only while it is before the body, after its pending amendments,
//!   and, when the body requires one, once seconded; an amendment of an amendment is
//!   the last degree; a carried (or accepted) amendment becomes its motion's text;
//! - the room at the vote: voting members in office on the session's day, those of
//!   them in the room (the roll call; when no roll call was taken, every voting member
//!   in office), and those of them recused on the item; each vote stores it, with the
//!   rule and quorum in force;
//! - a vote without quorum is refused unless recorded as taken without it;
//! - the outcome follows from the body's rule ([`crate::model::voting::decide`]); a
//!   chair who declares otherwise is recorded as having done so;
//! - a carried main motion becomes a numbered resolution, a rejected one too when the
//!   body numbers rejected motions; procedural motions never do; a carried consent
//!   motion adopts every item on the consent agenda, each as a resolution.

use chrono::NaiveDate;
use serde::Serialize;

use super::authz;
use super::record::roll_call;
use super::Context;
use crate::locale::Lang;
use crate::model::roles::Activity;
use crate::model::voting::{
    decide, quorum_problem, requirement_text, Ballot, Choice, Motion, MotionKind, MotionProblem,
    MotionStatus, Outcome, Room, VoteMethod, VoteProblem,
};
use crate::model::{
    AgendaStatus, Decision, Name, Session, SessionEventKind, SessionStatus, Tally, Vote,
};
use crate::store::meeting::{CloseBallot, NewBallot, NewMotion};
use crate::store::write::NewResolution;
use crate::store::{Refusal, Result, Store, StoreError};

fn refuse<T>(p: MotionProblem) -> Result<T> {
    Err(StoreError::Refused(Refusal::Motion(p)))
}

fn refuse_vote<T>(p: VoteProblem) -> Result<T> {
    Err(StoreError::Refused(Refusal::Vote(p)))
}

/// The clock now, as HH:MM.
pub fn now_hhmm() -> String {
    crate::store::clock::now_time()
}

fn time_or_now(at: &Option<String>) -> Result<String> {
    match at {
        Some(t) => crate::store::write::check_time(t),
        None => Ok(now_hhmm()),
    }
}

/// Who can vote on an item at this moment.
#[derive(Debug, Clone, Serialize)]
pub struct RoomNow {
    pub room: Room,
    /// Voting members in the room.
    pub present_ids: Vec<i64>,
    /// Of them, those recused on the item.
    pub recused_ids: Vec<i64>,
    /// Whether a roll call was taken (else every voting member counts as present).
    pub roll_taken: bool,
}

impl RoomNow {
    pub fn may_vote(&self, person: i64) -> bool {
        self.present_ids.contains(&person) && !self.recused_ids.contains(&person)
    }
}

/// The room of a session for a vote on an item (or on the session itself).
pub fn room_now(store: &Store, session: &Session, item: Option<i64>) -> Result<RoomNow> {
    let body = store.body(session.body_id)?;
    let (rows, _) = roll_call(store, &body, session)?;
    let roll_taken = rows.iter().any(|r| r.presence.is_some());
    let in_office: Vec<i64> = rows
        .iter()
        .filter(|r| r.voting)
        .map(|r| r.person_id)
        .collect();
    let present_ids: Vec<i64> = if roll_taken {
        rows.iter()
            .filter(|r| r.votes_here())
            .map(|r| r.person_id)
            .collect()
    } else {
        in_office.clone()
    };
    let recused_ids: Vec<i64> = match item {
        Some(item) => store
            .conflicts(session.id)?
            .into_iter()
            .filter(|c| c.agenda_item_id == item && present_ids.contains(&c.person_id))
            .map(|c| c.person_id)
            .collect(),
        None => Vec::new(),
    };
    Ok(RoomNow {
        room: Room {
            in_office: in_office.len() as u32,
            present: present_ids.len() as u32,
            recused: recused_ids.len() as u32,
        },
        present_ids,
        recused_ids,
        roll_taken,
    })
}

/// A motion as moved.
#[derive(Debug, Clone)]
pub struct MoveMotion {
    pub session_id: i64,
    pub item_id: Option<i64>,
    pub kind: MotionKind,
    pub text: String,
    pub mover: Option<i64>,
    pub seconder: Option<i64>,
    /// When it was moved (HH:MM); now by default.
    pub at: Option<String>,
}

fn name_of(store: &Store, person: i64, lang: Lang) -> String {
    store
        .person(person)
        .map(|p| p.name.get(lang).to_string())
        .unwrap_or_else(|_| person.to_string())
}

/// Moves a motion; returns it. An amendment is moved with [`amend`], on its motion.
pub fn move_motion(ctx: &mut Context, m: &MoveMotion) -> Result<Motion> {
    if m.kind == MotionKind::Amendment {
        return Err(MotionKind::not_movable(m.kind.code()).into());
    }
    let session = ctx.store.session(m.session_id)?;
    authz::check(ctx, Activity::RecordResolutions, Some(session.body_id))?;
    super::not_frozen(ctx, session.id)?;
    if let Some(item) = m.item_id {
        let it = ctx.store.agenda_item(item)?;
        if it.session_id != session.id {
            return Err(StoreError::Refused(Refusal::ItemOfOtherSession {
                item,
                session: it.session_id,
            }));
        }
    }
    if let (Some(a), Some(b)) = (m.mover, m.seconder) {
        if a == b {
            let person = name_of(&ctx.store, a, ctx.prefs.lang);
            return refuse(MotionProblem::SecondsOwnMotion { person });
        }
    }
    let moved_at = time_or_now(&m.at)?;
    ctx.store.add_motion(&NewMotion {
        session_id: session.id,
        agenda_item_id: m.item_id,
        amends: None,
        kind: m.kind,
        text: m.text.clone(),
        mover_id: m.mover,
        seconder_id: m.seconder,
        moved_at,
    })
}

/// The motion and its session, after the role and frozen checks, refusing a motion no
/// longer before the body.
fn pending_motion(ctx: &Context, id: i64) -> Result<(Motion, Session)> {
    let motion = ctx.store.motion(id)?;
    let session = ctx.store.session(motion.session_id)?;
    authz::check(ctx, Activity::RecordResolutions, Some(session.body_id))?;
    super::not_frozen(ctx, session.id)?;
    if motion.status != MotionStatus::Pending {
        return refuse(MotionProblem::NotPending {
            motion: id,
            status: motion.status,
        });
    }
    Ok((motion, session))
}

/// Moves an amendment to a motion (first degree), or to an amendment (second degree).
/// `text` is the motion's wording as the amendment would make it.
pub fn amend(
    ctx: &mut Context,
    motion_id: i64,
    text: &str,
    mover: Option<i64>,
    seconder: Option<i64>,
    at: Option<String>,
) -> Result<Motion> {
    let (motion, session) = pending_motion(ctx, motion_id)?;
    if let Some(parent) = motion.amends {
        if ctx.store.motion(parent)?.amends.is_some() {
            return refuse(MotionProblem::ThirdDegree { motion: motion_id });
        }
    }
    if let (Some(a), Some(b)) = (mover, seconder) {
        if a == b {
            let person = name_of(&ctx.store, a, ctx.prefs.lang);
            return refuse(MotionProblem::SecondsOwnMotion { person });
        }
    }
    let moved_at = time_or_now(&at)?;
    ctx.store.add_motion(&NewMotion {
        session_id: session.id,
        agenda_item_id: motion.agenda_item_id,
        amends: Some(motion.id),
        kind: MotionKind::Amendment,
        text: text.to_string(),
        mover_id: mover,
        seconder_id: seconder,
        moved_at,
    })
}

/// Records the seconder of a motion.
pub fn second(ctx: &mut Context, motion_id: i64, seconder: i64) -> Result<Motion> {
    let (motion, _) = pending_motion(ctx, motion_id)?;
    if motion.mover_id == Some(seconder) {
        let person = name_of(&ctx.store, seconder, ctx.prefs.lang);
        return refuse(MotionProblem::SecondsOwnMotion { person });
    }
    ctx.store.second_motion(motion_id, seconder)
}

/// The mover withdraws the motion (with its pending amendments).
pub fn withdraw(ctx: &mut Context, motion_id: i64) -> Result<Motion> {
    let (motion, _) = pending_motion(ctx, motion_id)?;
    for a in pending_amendments(&ctx.store, &motion)? {
        ctx.store.set_motion_status(a, MotionStatus::Withdrawn)?;
    }
    ctx.store
        .set_motion_status(motion_id, MotionStatus::Withdrawn)
}

/// The motion failed for lack of a second.
pub fn lapse(ctx: &mut Context, motion_id: i64) -> Result<Motion> {
    pending_motion(ctx, motion_id)?;
    ctx.store
        .set_motion_status(motion_id, MotionStatus::NoSecond)
}

/// An amendment accepted without objection (a friendly amendment): its motion takes
/// its text, with no vote.
pub fn accept(ctx: &mut Context, amendment_id: i64) -> Result<Motion> {
    let (motion, _) = pending_motion(ctx, amendment_id)?;
    if motion.amends.is_none() {
        return refuse(MotionProblem::NotAnAmendment {
            motion: amendment_id,
        });
    }
    if let Some(a) = pending_amendments(&ctx.store, &motion)?.first() {
        return refuse(MotionProblem::AmendmentPending {
            motion: amendment_id,
            amendment: *a,
        });
    }
    ctx.store.accept_amendment(amendment_id)
}

fn pending_amendments(store: &Store, motion: &Motion) -> Result<Vec<i64>> {
    Ok(store
        .motions(motion.session_id)?
        .into_iter()
        .filter(|m| m.amends == Some(motion.id) && m.status.is_pending())
        .map(|m| m.id)
        .collect())
}

/// How a vote was taken, as entered.
#[derive(Debug, Clone)]
pub enum HowVoted {
    /// FOR/AGAINST/ABSTAIN counted.
    Count(Tally),
    /// Each member's vote, by person id.
    Roll(Vec<(i64, Choice)>),
    /// Every voting member in the room (less those recused) for.
    Unanimous,
    /// The count only; no names are ever stored.
    Secret(Tally),
}

/// A vote to record.
#[derive(Debug, Clone)]
pub struct TakeVote {
    pub motion_id: i64,
    pub how: HowVoted,
    /// The chair's casting vote on a tie, when the rule gives one.
    pub casting_vote: Option<Vote>,
    /// The chair declared the motion carried (true) or failed (false) otherwise than
    /// the rule gives.
    pub declared: Option<bool>,
    pub without_quorum: bool,
    /// For a main motion that becomes a resolution: who carries it out, and by when.
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    /// The number of the resolution a carried main motion makes, given by hand (a body
    /// that already numbers; refused when taken); else from the body's format.
    pub number: Option<String>,
}

/// What a vote gave.
#[derive(Debug, Clone, Serialize)]
pub struct VoteResult {
    pub motion: Motion,
    pub outcome: Outcome,
    /// The resolutions it made, with their numbers.
    pub resolutions: Vec<crate::model::Resolution>,
}

/// Checks a motion can be put to a vote now; gives it, its session and the room.
fn ready_to_vote(
    ctx: &Context,
    motion_id: i64,
    without_quorum: bool,
) -> Result<(Motion, Session, RoomNow)> {
    let (motion, session) = pending_motion(ctx, motion_id)?;
    if let Some(a) = pending_amendments(&ctx.store, &motion)?.first() {
        return refuse(MotionProblem::AmendmentPending {
            motion: motion_id,
            amendment: *a,
        });
    }
    let body = ctx.store.body(session.body_id)?;
    if body.procedure.second_required
        && motion.seconder_id.is_none()
        && motion.kind != MotionKind::Consent
    {
        return refuse(MotionProblem::NeedsSecond { motion: motion_id });
    }
    let room = room_now(&ctx.store, &session, motion.agenda_item_id)?;
    if !without_quorum {
        if let Some(p) = quorum_problem(body.quorum, room.room) {
            return refuse_vote(p);
        }
    }
    Ok((motion, session, room))
}

/// What a motion needs in the room now: "needs 5 of 9 members present".
pub fn requirement_now(ctx: &Context, motion: &Motion) -> Result<(String, RoomNow)> {
    let session = ctx.store.session(motion.session_id)?;
    let body = ctx.store.body(session.body_id)?;
    let room = room_now(&ctx.store, &session, motion.agenda_item_id)?;
    let text = requirement_text(
        &body.procedure.voting_rule,
        motion.kind,
        room.room,
        ctx.prefs.lang,
    );
    Ok((text, room))
}

/// Checks a roll call against the room: each named member votes once, in the room,
/// not recused; secret ballots carry no names.
fn check_roll(ctx: &Context, room: &RoomNow, roll: &[(i64, Choice)]) -> Result<()> {
    let lang = ctx.prefs.lang;
    for (i, (person, _)) in roll.iter().enumerate() {
        let name = || name_of(&ctx.store, *person, lang);
        if roll[..i].iter().any(|(p, _)| p == person) {
            return refuse(MotionProblem::VotedTwice { person: name() });
        }
        if room.recused_ids.contains(person) {
            return refuse(MotionProblem::Recused { person: name() });
        }
        if !room.present_ids.contains(person) {
            return refuse(MotionProblem::NotInRoom { person: name() });
        }
    }
    Ok(())
}

fn tally_of(votes: &[(i64, Choice)]) -> Tally {
    let n = |c: Choice| votes.iter().filter(|(_, x)| *x == c).count() as i64;
    Tally {
        yes: n(Choice::Yes),
        no: n(Choice::No),
        abstain: n(Choice::Abstain),
    }
}

/// The close of a vote: applies the rule, and works out what the result writes.
#[allow(clippy::too_many_arguments)]
fn conclude(
    ctx: &Context,
    motion: &Motion,
    session: &Session,
    room: &RoomNow,
    votes: Vec<(i64, Choice)>,
    all_votes: &[(i64, Choice)],
    tally: Tally,
    v: &TakeVote,
) -> Result<(CloseBallot, Outcome)> {
    let body = ctx.store.body(session.body_id)?;
    let rule = &body.procedure.voting_rule;
    let outcome = match decide(rule, motion.kind, room.room, &tally, v.casting_vote) {
        Ok(o) => o,
        Err(p) => return refuse_vote(p),
    };
    let declared = v.declared.filter(|d| *d != outcome.carried);
    let carried = declared.unwrap_or(outcome.carried);
    let status = if carried {
        MotionStatus::Carried
    } else {
        MotionStatus::Failed
    };
    let amend_parent = match (carried, motion.amends) {
        (true, Some(parent)) => Some((parent, motion.final_text.clone())),
        _ => None,
    };
    let per_member: Vec<(i64, Vote)> = all_votes
        .iter()
        .filter_map(|(p, c)| c.vote().map(|v| (*p, v)))
        .collect();
    let resolution = |text: String, item: Option<i64>, decision: Decision| NewResolution {
        body_id: session.body_id,
        session_id: Some(session.id),
        agenda_item_id: item,
        text,
        decision,
        tally: Some(tally.clone()),
        votes: per_member.clone(),
        owner: v.owner.clone(),
        due: v.due,
        created_on: None,
        number: None,
    };
    // The hand-given number is the main motion's resolution's (never a consent
    // agenda's several).
    let numbered = |text: String, item: Option<i64>, decision: Decision| NewResolution {
        number: v.number.clone(),
        ..resolution(text, item, decision)
    };
    let mut resolutions = Vec::new();
    let mut item_status = None;
    let mut close_items = Vec::new();
    match motion.kind {
        MotionKind::Substantive if carried => {
            resolutions.push(numbered(
                motion.final_text.clone(),
                motion.agenda_item_id,
                Decision::Adopted,
            ));
        }
        MotionKind::Substantive if body.procedure.number_rejected => {
            resolutions.push(numbered(
                motion.final_text.clone(),
                motion.agenda_item_id,
                Decision::Rejected,
            ));
        }
        MotionKind::Consent if carried => {
            for item in ctx
                .store
                .agenda(session.id)?
                .into_iter()
                .filter(|i| i.consent)
            {
                resolutions.push(resolution(
                    item.title.clone(),
                    Some(item.id),
                    Decision::Adopted,
                ));
            }
        }
        MotionKind::Defer if carried => {
            item_status = motion
                .agenda_item_id
                .map(|i| (i, AgendaStatus::Deferred.code()));
        }
        MotionKind::ClosedSession if carried => {
            close_items.extend(motion.agenda_item_id);
        }
        _ => {}
    }
    // An item a motion was voted on has been discussed.
    if item_status.is_none() {
        if let Some(item) = motion.agenda_item_id {
            if ctx.store.agenda_item(item)?.status == AgendaStatus::Pending {
                item_status = Some((item, AgendaStatus::Discussed.code()));
            }
        }
    }
    // A carried recess, closed session or adjournment is also an event of the
    // session's clock, at the time the motion was moved (now when it was recorded, or
    // the time given), while the session is open.
    let clock_kind = match motion.kind {
        MotionKind::Recess => Some(SessionEventKind::Recess),
        MotionKind::ClosedSession => Some(SessionEventKind::ClosedStart),
        MotionKind::Adjourn => Some(SessionEventKind::Adjourned),
        _ => None,
    };
    let clock_event = match clock_kind {
        Some(kind) if carried && session.status == SessionStatus::Open => {
            Some((session.id, kind, motion.moved_at.clone()))
        }
        _ => None,
    };
    let prepared = resolutions
        .iter()
        .map(|r| ctx.store.check_resolution(r))
        .collect::<Result<Vec<_>>>()?;
    Ok((
        CloseBallot {
            motion_id: motion.id,
            votes,
            room: room.room,
            present_ids: room.present_ids.clone(),
            recused_ids: room.recused_ids.clone(),
            tally,
            needed: outcome.needed,
            carried: outcome.carried,
            casting_vote: outcome.casting_vote,
            declared,
            without_quorum: v.without_quorum,
            status,
            amend_parent,
            resolutions: prepared,
            item_status,
            close_items,
            clock_event,
        },
        outcome,
    ))
}

fn new_ballot(
    body_rule: &crate::model::Body,
    motion_id: i64,
    method: VoteMethod,
    room: &RoomNow,
    without_quorum: bool,
) -> NewBallot {
    NewBallot {
        motion_id,
        method,
        rule: body_rule.procedure.voting_rule.clone(),
        quorum: body_rule.quorum,
        room: room.room,
        present_ids: room.present_ids.clone(),
        recused_ids: room.recused_ids.clone(),
        without_quorum,
    }
}

fn result_of(ctx: &Context, motion_id: i64, outcome: Outcome, ids: Vec<i64>) -> Result<VoteResult> {
    let resolutions = ids
        .into_iter()
        .map(|id| ctx.store.resolution(id))
        .collect::<Result<Vec<_>>>()?;
    Ok(VoteResult {
        motion: ctx.store.motion(motion_id)?,
        outcome,
        resolutions,
    })
}

/// A vote as taken, checked against the room: its method, the members' votes (a roll
/// call's, or unanimity's "for" from each member who may vote) and the tally. A roll
/// call names each member once, in the room and not recused; unanimity needs the roll
/// call that says who was there.
pub(crate) fn ballot_of(ctx: &Context, room: &RoomNow, how: &HowVoted) -> Result<TakenVote> {
    let (method, votes, tally) = match how {
        HowVoted::Count(t) => (VoteMethod::Count, vec![], t.clone()),
        HowVoted::Secret(t) => (VoteMethod::Secret, vec![], t.clone()),
        HowVoted::Roll(roll) => {
            check_roll(ctx, room, roll)?;
            (VoteMethod::Roll, roll.clone(), tally_of(roll))
        }
        HowVoted::Unanimous => {
            let roll: Vec<(i64, Choice)> = room
                .present_ids
                .iter()
                .filter(|p| !room.recused_ids.contains(p))
                .map(|p| (*p, Choice::Yes))
                .collect();
            // A vote per member needs the roll call that says who they are.
            if roll.is_empty() || !room.roll_taken {
                return Err(StoreError::Refused(Refusal::UnanimousNobodyPresent));
            }
            let t = tally_of(&roll);
            (VoteMethod::Unanimous, roll, t)
        }
    };
    Ok(TakenVote {
        method,
        votes,
        tally,
    })
}

/// A vote as taken ([`ballot_of`]).
pub(crate) struct TakenVote {
    pub method: VoteMethod,
    pub votes: Vec<(i64, Choice)>,
    pub tally: Tally,
}

/// Records a vote taken at once: by count, roll call, unanimously or by secret ballot.
pub fn vote(ctx: &mut Context, v: &TakeVote) -> Result<VoteResult> {
    let (motion, session, room) = ready_to_vote(ctx, v.motion_id, v.without_quorum)?;
    if motion.status == MotionStatus::Voting {
        return refuse(MotionProblem::VoteAlreadyOpen { motion: motion.id });
    }
    let TakenVote {
        method,
        votes,
        tally,
    } = ballot_of(ctx, &room, &v.how)?;
    let (close, outcome) = conclude(
        ctx,
        &motion,
        &session,
        &room,
        votes.clone(),
        &votes,
        tally,
        v,
    )?;
    let body = ctx.store.body(session.body_id)?;
    let ballot = new_ballot(&body, motion.id, method, &room, v.without_quorum);
    let ids = ctx.store.take_ballot(&ballot, &close)?;
    result_of(ctx, motion.id, outcome, ids)
}

/// Opens a vote that members cast from their own terminals.
pub fn open_vote(ctx: &mut Context, motion_id: i64, without_quorum: bool) -> Result<Ballot> {
    let (motion, session, room) = ready_to_vote(ctx, motion_id, without_quorum)?;
    let body = ctx.store.body(session.body_id)?;
    ctx.store.open_ballot(&new_ballot(
        &body,
        motion.id,
        VoteMethod::Live,
        &room,
        without_quorum,
    ))
}

/// The open vote on a motion, with the motion and its session.
fn open_ballot_of(store: &Store, motion_id: i64) -> Result<(Motion, Session, Ballot)> {
    let motion = store.motion(motion_id)?;
    let session = store.session(motion.session_id)?;
    match store.ballot(motion_id)? {
        Some(b) if b.open => Ok((motion, session, b)),
        _ => refuse(MotionProblem::VoteNotOpen { motion: motion_id }),
    }
}

/// The person at the keyboard, by their Unix login.
pub fn person_at_keyboard(ctx: &Context) -> Result<crate::model::Person> {
    match ctx.store.person_by_login(&ctx.store.actor.login)? {
        Some(p) => Ok(p),
        None => refuse(MotionProblem::NoPersonForLogin {
            login: ctx.store.actor.login.clone(),
        }),
    }
}

fn check_voter(ctx: &Context, session: &Session, motion: &Motion, person: i64) -> Result<()> {
    let room = room_now(&ctx.store, session, motion.agenda_item_id)?;
    let name = || name_of(&ctx.store, person, ctx.prefs.lang);
    if room.recused_ids.contains(&person) {
        return refuse(MotionProblem::Recused { person: name() });
    }
    if !room.roll_taken || !room.present_ids.contains(&person) {
        return refuse(MotionProblem::NotInRoom { person: name() });
    }
    Ok(())
}

/// A member casts their own vote, from their own login, while the vote is open.
pub fn cast_own(ctx: &mut Context, motion_id: i64, choice: Choice) -> Result<()> {
    let me = person_at_keyboard(ctx)?;
    let (motion, session, _) = open_ballot_of(&ctx.store, motion_id)?;
    super::not_frozen(ctx, session.id)?;
    check_voter(ctx, &session, &motion, me.id)?;
    ctx.store.cast_ballot_vote(motion_id, me.id, choice)
}

/// The secretary enters the vote of a member who has no terminal.
pub fn cast_for(ctx: &mut Context, motion_id: i64, person: i64, choice: Choice) -> Result<()> {
    let (motion, session, _) = open_ballot_of(&ctx.store, motion_id)?;
    authz::check(ctx, Activity::RecordResolutions, Some(session.body_id))?;
    super::not_frozen(ctx, session.id)?;
    check_voter(ctx, &session, &motion, person)?;
    ctx.store.cast_ballot_vote(motion_id, person, choice)
}

/// The votes cast so far on an open vote, and how many may still vote.
#[derive(Debug, Clone, Serialize)]
pub struct LiveTally {
    pub tally: Tally,
    pub voted: u32,
    pub eligible: u32,
    /// (person id, name, vote) of those who voted.
    pub votes: Vec<(i64, Name, Choice)>,
}

pub fn live_tally(store: &Store, motion_id: i64) -> Result<LiveTally> {
    let motion = store.motion(motion_id)?;
    let session = store.session(motion.session_id)?;
    let room = room_now(store, &session, motion.agenda_item_id)?;
    let votes: Vec<(i64, Choice)> = store
        .ballot_votes(motion_id)?
        .into_iter()
        .map(|v| (v.person_id, v.choice))
        .collect();
    let named = votes
        .iter()
        .map(|(p, c)| {
            let name = store.person(*p).map(|p| p.name).unwrap_or_default();
            (*p, name, *c)
        })
        .collect();
    Ok(LiveTally {
        tally: tally_of(&votes),
        voted: votes.len() as u32,
        eligible: room.room.eligible(),
        votes: named,
    })
}

/// Closes an open vote: the votes cast make the tally, under the rule, in the room as
/// it is now.
pub fn close_vote(
    ctx: &mut Context,
    motion_id: i64,
    casting_vote: Option<Vote>,
    declared: Option<bool>,
) -> Result<VoteResult> {
    let (motion, session, ballot) = open_ballot_of(&ctx.store, motion_id)?;
    authz::check(ctx, Activity::RecordResolutions, Some(session.body_id))?;
    super::not_frozen(ctx, session.id)?;
    let room = room_now(&ctx.store, &session, motion.agenda_item_id)?;
    // Votes of members who have since left the room (or been recused) do not count.
    let cast: Vec<(i64, Choice)> = ctx
        .store
        .ballot_votes(motion_id)?
        .into_iter()
        .filter(|v| room.may_vote(v.person_id))
        .map(|v| (v.person_id, v.choice))
        .collect();
    let take = TakeVote {
        motion_id,
        how: HowVoted::Roll(cast.clone()),
        casting_vote,
        declared,
        without_quorum: ballot.without_quorum,
        owner: None,
        due: None,
        number: None,
    };
    let tally = tally_of(&cast);
    let (close, outcome) = conclude(ctx, &motion, &session, &room, vec![], &cast, tally, &take)?;
    let ids = ctx.store.close_ballot(&close)?;
    result_of(ctx, motion_id, outcome, ids)
}

/// A member's declared interest in an item: they are left out of its votes. The member
/// declares it themself, or the secretary for them.
pub fn declare_conflict(ctx: &mut Context, item: i64, person: i64, reason: &str) -> Result<()> {
    let it = ctx.store.agenda_item(item)?;
    let session = ctx.store.session(it.session_id)?;
    super::not_frozen(ctx, session.id)?;
    let own = ctx
        .store
        .person_by_login(&ctx.store.actor.login)?
        .is_some_and(|p| p.id == person);
    if !own {
        authz::check(ctx, Activity::RecordResolutions, Some(session.body_id))?;
    } else {
        authz::check_visible(ctx, session.body_id)?;
    }
    ctx.store.person(person)?;
    ctx.store.declare_conflict(item, person, reason)
}

/// Puts an item on the consent agenda, or takes it off (any member may ask; the
/// secretary records it).
pub fn set_consent(ctx: &mut Context, item: i64, on: bool) -> Result<()> {
    let it = ctx.store.agenda_item(item)?;
    let session = ctx.store.session(it.session_id)?;
    authz::check(ctx, Activity::EditAgenda, Some(session.body_id))?;
    super::not_frozen(ctx, session.id)?;
    ctx.store.set_consent(item, on)
}

/// Moves the consent agenda as one motion (to be voted like any other).
pub fn move_consent(
    ctx: &mut Context,
    session_id: i64,
    mover: Option<i64>,
    seconder: Option<i64>,
) -> Result<Motion> {
    let session = ctx.store.session(session_id)?;
    // Approved minutes first: "no consent items" would hide why nothing can be moved.
    super::not_frozen(ctx, session.id)?;
    let items: Vec<String> = ctx
        .store
        .agenda(session.id)?
        .into_iter()
        .filter(|i| i.consent)
        .map(|i| i.title)
        .collect();
    if items.is_empty() {
        return refuse(MotionProblem::NoConsentItems {
            session: session_id,
        });
    }
    let lang = ctx.prefs.lang;
    let text = format!(
        "{}: {}",
        MotionKind::Consent.label(lang),
        items.join(crate::locale::strings::Msg::ListSeparator.text(lang))
    );
    move_motion(
        ctx,
        &MoveMotion {
            session_id,
            item_id: None,
            kind: MotionKind::Consent,
            text,
            mover,
            seconder,
            at: None,
        },
    )
}

/// A motion as the minutes, `motion list` and the TUI show it.
#[derive(Debug, Clone, Serialize)]
pub struct MotionView {
    #[serde(flatten)]
    pub motion: Motion,
    pub mover: Option<Name>,
    pub seconder: Option<Name>,
    /// Amendment degree: 0 for a motion, 1 or 2 for an amendment.
    pub degree: u8,
    pub ballot: Option<Ballot>,
    pub outcome: Option<OutcomeView>,
    /// Per member (none for a secret ballot).
    pub votes: Vec<MemberVote>,
    /// Recused members, with their reasons.
    pub recused: Vec<Recusal>,
    pub resolution_number: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OutcomeView {
    pub carried: bool,
    /// What the rule gave, when the chair declared otherwise.
    pub rule_gave: bool,
    pub declared: bool,
    pub needed: u32,
    pub of: u32,
    pub basis: crate::model::voting::VoteBasis,
    pub without_quorum: bool,
    pub explanation: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MemberVote {
    pub person_id: i64,
    pub person: String,
    pub vote: Choice,
}

#[derive(Debug, Clone, Serialize)]
pub struct Recusal {
    pub person_id: i64,
    pub person: String,
    pub reason: String,
}

/// The outcome of a closed ballot, as the rule stored with it gives it.
pub fn outcome_of(ballot: &Ballot, kind: MotionKind) -> Option<Outcome> {
    let tally = ballot.tally.as_ref()?;
    decide(&ballot.rule, kind, ballot.room, tally, ballot.casting_vote).ok()
}

/// The explanation of an outcome as recorded, with the chair's declaration and a vote
/// without quorum.
pub fn explain(ballot: &Ballot, outcome: &Outcome, lang: Lang) -> String {
    use crate::locale::strings::{t, Msg};
    let mut s = outcome.explanation(lang);
    if let Some(d) = ballot.declared {
        s.push_str(t(
            lang,
            if d {
                Msg::OutcomeDeclaredCarried
            } else {
                Msg::OutcomeDeclaredFailed
            },
        ));
    }
    if ballot.without_quorum {
        s.push_str(t(lang, Msg::OutcomeWithoutQuorum));
    }
    s
}

/// One motion as shown.
pub fn motion_view(
    store: &Store,
    motion: Motion,
    all: &[Motion],
    lang: Lang,
) -> Result<MotionView> {
    let name = |id: Option<i64>| id.and_then(|i| store.person(i).ok()).map(|p| p.name);
    let mut degree = 0u8;
    let mut up = motion.amends;
    while let Some(p) = up {
        degree += 1;
        up = all.iter().find(|m| m.id == p).and_then(|m| m.amends);
        if degree > 2 {
            break;
        }
    }
    let ballot = store.ballot(motion.id)?;
    let outcome = ballot.as_ref().and_then(|b| {
        let o = outcome_of(b, motion.kind)?;
        Some(OutcomeView {
            carried: b.result().unwrap_or(o.carried),
            rule_gave: o.carried,
            declared: b.declared.is_some(),
            needed: o.needed,
            of: o.of,
            basis: o.basis,
            without_quorum: b.without_quorum,
            explanation: explain(b, &o, lang),
        })
    });
    let votes = match &ballot {
        Some(b) if b.method != VoteMethod::Secret => store
            .ballot_votes(motion.id)?
            .into_iter()
            .map(|v| MemberVote {
                person_id: v.person_id,
                person: store
                    .person(v.person_id)
                    .map(|p| p.name.get(lang).to_string())
                    .unwrap_or_default(),
                vote: v.choice,
            })
            .collect(),
        _ => vec![],
    };
    let recused = match &ballot {
        Some(b) => b.recused_ids.clone(),
        None => match motion.agenda_item_id {
            Some(item) => store
                .conflicts(motion.session_id)?
                .into_iter()
                .filter(|c| c.agenda_item_id == item)
                .map(|c| c.person_id)
                .collect(),
            None => vec![],
        },
    };
    let conflicts = store.conflicts(motion.session_id)?;
    let recused = recused
        .into_iter()
        .map(|p| Recusal {
            person_id: p,
            person: store
                .person(p)
                .map(|x| x.name.get(lang).to_string())
                .unwrap_or_default(),
            reason: conflicts
                .iter()
                .find(|c| c.person_id == p && Some(c.agenda_item_id) == motion.agenda_item_id)
                .map(|c| c.reason.clone())
                .unwrap_or_default(),
        })
        .collect();
    let resolution_number = match motion.resolution_id {
        Some(r) => Some(store.resolution(r)?.number),
        None => None,
    };
    Ok(MotionView {
        mover: name(motion.mover_id),
        seconder: name(motion.seconder_id),
        degree,
        ballot,
        outcome,
        votes,
        recused,
        resolution_number,
        motion,
    })
}

/// A session's motions as shown, in the order moved.
pub fn motion_views(store: &Store, session_id: i64, lang: Lang) -> Result<Vec<MotionView>> {
    let all = store.motions(session_id)?;
    all.iter()
        .cloned()
        .map(|m| motion_view(store, m, &all, lang))
        .collect()
}
