//! Resolutions: recording what a body decided, with its vote, the same from the TUI's
//! form and `shura resolution add`.
//!
//! The rules that live here and nowhere else:
//! - recording a resolution needs the body's secretary, chair or vice-chair;
//! - a unanimous vote is stored as a "for" from every voting member counted present,
//!   so the per-member record and the tally agree (and a unanimous vote with nobody
//!   present is refused);
//! - a resolution at a session whose roll call shows no quorum is recorded only when
//!   the user confirms it (a second Enter in the form, `--without-quorum` in the CLI).
//!   When no one has been marked at all, the roll was not taken and nothing is asked.
//! - a resolution number given by hand is checked (and refused when the body has it)
//!   before anything is written, so a refusal leaves no motion behind.

use chrono::NaiveDate;

use super::authz;
use super::motions::{self, room_now, HowVoted, MoveMotion, TakeVote, VoteResult};
use super::record::roll_call;
use super::Context;
use crate::locale::digits::localize_digits;
use crate::locale::strings::{tf, Msg};
use crate::model::roles::Activity;
use crate::model::rules::{QuorumState, VoteEntry};
use crate::model::voting::{decide, Choice, MotionKind};
use crate::model::AgendaStatus;
use crate::model::{Decision, Resolution, Session, Vote};
use crate::store::write::NewResolution;
use crate::store::{Refusal, Result, StoreError};

/// Where a resolution was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecidedAt {
    /// At a session (its body and day follow from it).
    Session(i64),
    /// Outside any session (e.g. by circulation), in this body, today.
    Body(i64),
}

/// A resolution as the secretary enters it.
#[derive(Debug, Clone)]
pub struct RecordResolution {
    pub at: DecidedAt,
    pub agenda_item_id: Option<i64>,
    pub text: String,
    /// The decision as typed. With a vote at a session it follows from the body's rule,
    /// and one typed otherwise is recorded as the chair's declaration; without a vote
    /// it is the decision (adopted when not given).
    pub decision: Option<Decision>,
    pub vote: VoteEntry,
    /// Votes member by member (person id, vote); when given they make the tally.
    pub member_votes: Vec<(i64, Vote)>,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    /// The user has seen that quorum is not met and records it anyway.
    pub without_quorum: bool,
    /// The number given by hand (a body that already numbers); else from the format.
    pub number: Option<String>,
}

/// What recording gave.
#[derive(Debug, Clone)]
pub enum Recorded {
    Saved(Resolution),
    /// The vote was recorded and the motion failed; the body does not number rejected
    /// motions, so no resolution was made.
    Failed(VoteResult),
    /// Nothing was written: the session's roll call shows no quorum; ask the user,
    /// then call again with `without_quorum`.
    NeedsQuorumConfirmation(QuorumState),
}

/// The quorum message shown before recording a vote without it.
pub fn no_quorum_text(ctx: &Context, q: &QuorumState) -> String {
    let l = ctx.prefs.lang;
    let d = |n: u32| localize_digits(&n.to_string(), l);
    tf(
        l,
        Msg::NoQuorumWarning,
        &[&d(q.present), &d(q.voting), &d(q.required)],
    )
}

/// Records a resolution. At a session with a vote, it is a main motion voted at once
/// (see [`super::motions`]): the tally is checked against the room and the decision
/// follows from the body's rule. Otherwise (no vote, or decided outside a session, or
/// deferred or withdrawn) it is recorded as typed.
pub fn record(ctx: &mut Context, r: &RecordResolution) -> Result<Recorded> {
    let (session, body_id): (Option<Session>, i64) = match r.at {
        DecidedAt::Session(id) => {
            let s = ctx.store.session(id)?;
            let body_id = s.body_id;
            (Some(s), body_id)
        }
        DecidedAt::Body(b) => (None, ctx.store.body(b)?.id),
    };
    authz::check(ctx, Activity::RecordResolutions, Some(body_id))?;
    if let Some(s) = &session {
        super::not_frozen(ctx, s.id)?;
    }
    // A number given by hand is checked before anything (a motion) is written.
    if let Some(n) = &r.number {
        ctx.store.resolution_number_available(body_id, n)?;
    }
    let voted = r.vote != VoteEntry::NotTaken || !r.member_votes.is_empty();
    let by_vote = matches!(
        r.decision,
        None | Some(Decision::Adopted | Decision::Rejected)
    );
    if let (Some(s), true, true) = (&session, voted, by_vote) {
        return record_by_vote(ctx, s, r);
    }

    let mut tally = None;
    let mut votes = r.member_votes.clone();
    let roll = match &session {
        Some(s) => {
            let body = ctx.store.body(s.body_id)?;
            Some(roll_call(&ctx.store, &body, s)?)
        }
        None => None,
    };
    match &r.vote {
        VoteEntry::NotTaken => {}
        VoteEntry::Tally(t) => {
            if votes.is_empty() {
                tally = Some(t.clone());
            }
        }
        VoteEntry::Unanimous => {
            let Some((attendance, _)) = &roll else {
                return Err(StoreError::Refused(Refusal::UnanimousNeedsSession));
            };
            votes = attendance
                .iter()
                .filter(|m| m.votes_here())
                .map(|m| (m.person_id, Vote::Yes))
                .collect();
            if votes.is_empty() {
                return Err(StoreError::Refused(Refusal::UnanimousNobodyPresent));
            }
        }
    }
    if let Some((attendance, q)) = &roll {
        let roll_taken = attendance.iter().any(|a| a.presence.is_some());
        if roll_taken && !q.met() && !r.without_quorum {
            return Ok(Recorded::NeedsQuorumConfirmation(*q));
        }
    }
    let saved = ctx.store.add_resolution(&NewResolution {
        body_id,
        session_id: session.as_ref().map(|s| s.id),
        agenda_item_id: r.agenda_item_id,
        text: r.text.clone(),
        decision: r.decision.unwrap_or(Decision::Adopted),
        tally,
        votes,
        owner: r.owner.clone(),
        due: r.due,
        created_on: if session.is_none() {
            Some(ctx.today)
        } else {
            None
        },
        number: r.number.clone(),
    })?;
    // An item decided on at its session has been discussed: it is not carried over.
    if let (Some(_), Some(item)) = (&session, r.agenda_item_id) {
        if ctx.store.agenda_item(item)?.status == AgendaStatus::Pending {
            ctx.store.set_agenda_status(item, AgendaStatus::Discussed)?;
        }
    }
    Ok(Recorded::Saved(saved))
}

/// A resolution at a session with a vote: a main motion moved and voted at once.
fn record_by_vote(ctx: &mut Context, session: &Session, r: &RecordResolution) -> Result<Recorded> {
    let body = ctx.store.body(session.body_id)?;
    let room = room_now(&ctx.store, session, r.agenda_item_id)?;
    let (_, q) = roll_call(&ctx.store, &body, session)?;
    if room.roll_taken && !q.met() && !r.without_quorum {
        return Ok(Recorded::NeedsQuorumConfirmation(q));
    }
    let how = if !r.member_votes.is_empty() {
        HowVoted::Roll(
            r.member_votes
                .iter()
                .map(|(p, v)| {
                    let c = match v {
                        Vote::Yes => Choice::Yes,
                        Vote::No => Choice::No,
                        Vote::Abstain => Choice::Abstain,
                    };
                    (*p, c)
                })
                .collect(),
        )
    } else {
        match &r.vote {
            VoteEntry::Tally(t) => HowVoted::Count(t.clone()),
            _ => HowVoted::Unanimous,
        }
    };
    // Check the vote before anything is written, so a refused tally leaves no motion.
    let tally = motions::ballot_of(ctx, &room, &how)?.tally;
    if let Err(p) = decide(
        &body.procedure.voting_rule,
        MotionKind::Substantive,
        room.room,
        &tally,
        None,
    ) {
        return Err(StoreError::Refused(Refusal::Vote(p)));
    }
    let motion = motions::move_motion(
        ctx,
        &MoveMotion {
            session_id: session.id,
            item_id: r.agenda_item_id,
            kind: MotionKind::Substantive,
            text: r.text.clone(),
            mover: None,
            seconder: None,
            at: None,
        },
    )?;
    let result = motions::vote(
        ctx,
        &TakeVote {
            motion_id: motion.id,
            how,
            casting_vote: None,
            declared: r.decision.map(|d| d == Decision::Adopted),
            // Asked about above (an unmarked roll counts every member present).
            without_quorum: r.without_quorum && room.roll_taken && !q.met(),
            owner: r.owner.clone(),
            due: r.due,
            number: r.number.clone(),
        },
    )?;
    match result.resolutions.first() {
        Some(res) => Ok(Recorded::Saved(res.clone())),
        None => Ok(Recorded::Failed(result)),
    }
}
