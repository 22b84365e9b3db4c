//! The meeting as it runs: motions and amendments, the vote on each (ballots and the
//! members' votes), conflicts of interest, and the consent and closed-session marks of
//! agenda items. The rules are in `ops::motions`; this is their SQL.

use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::audit::{record, snapshot};
use super::read::code_at;
use super::write::{audited, exists, insert_resolution, NewResolution, PreparedResolution};
use super::{now_stamp, Result, Store, StoreError};
use crate::model::rules::QuorumRule;
use crate::model::voting::{
    Ballot, BallotVote, Choice, Conflict, Motion, MotionKind, MotionStatus, Room, VoteMethod,
    VotingRule,
};
use crate::model::{check_text, Entity, Tally, Vote, MAX_TEXT};

/// A motion as moved.
#[derive(Debug, Clone)]
pub struct NewMotion {
    pub session_id: i64,
    pub agenda_item_id: Option<i64>,
    pub amends: Option<i64>,
    pub kind: MotionKind,
    pub text: String,
    pub mover_id: Option<i64>,
    pub seconder_id: Option<i64>,
    pub moved_at: String,
}

/// A vote opened on a motion, with the rule in force and the room at that moment.
#[derive(Debug, Clone)]
pub struct NewBallot {
    pub motion_id: i64,
    pub method: VoteMethod,
    pub rule: VotingRule,
    pub quorum: QuorumRule,
    pub room: Room,
    pub present_ids: Vec<i64>,
    pub recused_ids: Vec<i64>,
    pub without_quorum: bool,
}

/// What closing a vote writes, in one transaction.
#[derive(Debug)]
pub struct CloseBallot {
    pub motion_id: i64,
    /// Votes entered at the close (a roll call or a unanimous vote), besides those cast
    /// while it was open.
    pub votes: Vec<(i64, Choice)>,
    /// Who was in the room when the vote closed.
    pub room: Room,
    pub present_ids: Vec<i64>,
    pub recused_ids: Vec<i64>,
    pub tally: Tally,
    pub needed: u32,
    pub carried: bool,
    pub casting_vote: Option<Vote>,
    pub declared: Option<bool>,
    pub without_quorum: bool,
    /// The motion's status from the result.
    pub status: MotionStatus,
    /// A carried amendment: the motion it amends takes this text.
    pub amend_parent: Option<(i64, String)>,
    /// Resolutions the result makes (checked beforehand).
    pub resolutions: Vec<PreparedResolution>,
    /// Agenda items the result affects: (item, new status code) e.g. deferred.
    pub item_status: Option<(i64, &'static str)>,
    /// The items to mark taken in closed session.
    pub close_items: Vec<i64>,
    /// The session event a carried procedural motion records (a recess, the closed
    /// session's start, the adjournment) at a time (HH:MM).
    pub clock_event: Option<(i64, crate::model::SessionEventKind, String)>,
}

pub const MOTION_COLS: &str = "m.id, m.session_id, m.agenda_item_id, m.amends, m.kind, m.text, m.final_text, m.mover_id, m.seconder_id, m.status, (SELECT min(r.id) FROM resolution r WHERE r.motion_id = m.id), m.moved_at, m.version";

fn motion_from(r: &Row, o: usize) -> rusqlite::Result<Motion> {
    Ok(Motion {
        id: r.get(o)?,
        session_id: r.get(o + 1)?,
        agenda_item_id: r.get(o + 2)?,
        amends: r.get(o + 3)?,
        kind: code_at(r, o + 4, MotionKind::parse)?,
        text: r.get(o + 5)?,
        final_text: r.get(o + 6)?,
        mover_id: r.get(o + 7)?,
        seconder_id: r.get(o + 8)?,
        status: code_at(r, o + 9, MotionStatus::parse)?,
        resolution_id: r.get(o + 10)?,
        moved_at: r.get(o + 11)?,
        version: r.get(o + 12)?,
    })
}

const BALLOT_COLS: &str = "b.motion_id, b.method, b.status, b.rule, b.quorum_rule, b.in_office, b.present, b.recused, b.present_ids, b.recused_ids, b.yes, b.no, b.abstain, b.needed, b.carried, b.casting_vote, b.declared, b.without_quorum, b.opened_at, b.opened_by, b.closed_at";

fn ids_of(s: &str) -> Vec<i64> {
    s.split(',').filter_map(|p| p.trim().parse().ok()).collect()
}

fn ids_text(ids: &[i64]) -> String {
    ids.iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

fn ballot_from(r: &Row) -> rusqlite::Result<Ballot> {
    let yes: Option<i64> = r.get(10)?;
    let no: Option<i64> = r.get(11)?;
    let abstain: Option<i64> = r.get(12)?;
    let status: String = r.get(2)?;
    let casting: Option<String> = r.get(15)?;
    let declared: Option<String> = r.get(16)?;
    let present_ids: String = r.get(8)?;
    let recused_ids: String = r.get(9)?;
    Ok(Ballot {
        motion_id: r.get(0)?,
        method: code_at(r, 1, VoteMethod::parse)?,
        open: status == "open",
        rule: code_at(r, 3, VotingRule::parse)?,
        quorum: code_at(r, 4, QuorumRule::parse)?,
        room: Room {
            in_office: r.get(5)?,
            present: r.get(6)?,
            recused: r.get(7)?,
        },
        present_ids: ids_of(&present_ids),
        recused_ids: ids_of(&recused_ids),
        tally: match (yes, no, abstain) {
            (Some(yes), Some(no), Some(abstain)) => Some(Tally { yes, no, abstain }),
            _ => None,
        },
        needed: r.get(13)?,
        carried: r.get(14)?,
        casting_vote: casting.as_deref().and_then(|c| Vote::parse(c).ok()),
        declared: declared.as_deref().map(|d| d == "carried"),
        without_quorum: r.get(17)?,
        opened_at: r.get(18)?,
        opened_by: r.get(19)?,
        closed_at: r.get(20)?,
    })
}

fn bump(tx: &Transaction, table: &str, id: i64) -> Result<()> {
    tx.execute(
        &format!("UPDATE {table} SET version = version + 1 WHERE id = ?1"),
        [id],
    )?;
    Ok(())
}

impl Store {
    /// Records a motion as moved (pending; its final text is its text).
    pub fn add_motion(&mut self, m: &NewMotion) -> Result<Motion> {
        let text = check_text(Entity::Motion, &m.text, MAX_TEXT)?;
        let actor = self.actor.clone();
        let id = self.write(|tx| {
            exists(tx, "session", Entity::Session, m.session_id)?;
            if let Some(item) = m.agenda_item_id {
                exists(tx, "agenda_item", Entity::AgendaItem, item)?;
            }
            for p in [m.mover_id, m.seconder_id].into_iter().flatten() {
                exists(tx, "person", Entity::Person, p)?;
            }
            tx.execute(
                "INSERT INTO motion(session_id, agenda_item_id, amends, kind, text, final_text,
                                    mover_id, seconder_id, status, moved_at, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7, 'pending', ?8, ?9)",
                params![
                    m.session_id,
                    m.agenda_item_id,
                    m.amends,
                    m.kind.code(),
                    text,
                    m.mover_id,
                    m.seconder_id,
                    m.moved_at,
                    now_stamp()
                ],
            )?;
            let id = tx.last_insert_rowid();
            audited(tx, &actor, "insert", "motion", id, None)?;
            Ok(id)
        })?;
        self.motion(id)
    }

    /// One motion; not found when its body is hidden, or when it was moved on a
    /// closed-session item the actor may not read.
    pub fn motion(&self, id: i64) -> Result<Motion> {
        let visible = self.visible_sql("s.body_id")
            + &self.closed_item_sql("s.body_id", &["m.agenda_item_id"]);
        self.conn
            .prepare_cached(&format!(
                "SELECT {MOTION_COLS} FROM motion m JOIN session s ON s.id = m.session_id
                 WHERE m.id = ?1{visible}"
            ))?
            .query_row([id], |r| motion_from(r, 0))
            .optional()?
            .ok_or(StoreError::NotFound {
                what: Entity::Motion,
                key: id.to_string(),
            })
    }

    /// A session's motions in the order they were moved (those on closed-session items
    /// left out for an actor who may not read them).
    pub fn motions(&self, session_id: i64) -> Result<Vec<Motion>> {
        let visible = self.visible_sql("s.body_id")
            + &self.closed_item_sql("s.body_id", &["m.agenda_item_id"]);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {MOTION_COLS} FROM motion m JOIN session s ON s.id = m.session_id
             WHERE m.session_id = ?1{visible} ORDER BY m.id"
        ))?;
        let rows = stmt.query_map([session_id], |r| motion_from(r, 0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The motion a resolution was adopted on.
    pub fn motion_of_resolution(&self, resolution_id: i64) -> Result<Option<Motion>> {
        let id: Option<i64> = self
            .conn
            .prepare_cached("SELECT motion_id FROM resolution WHERE id = ?1")?
            .query_row([resolution_id], |r| r.get(0))
            .optional()?
            .flatten();
        match id {
            Some(id) => self.motion(id).map(Some),
            None => Ok(None),
        }
    }

    fn update_motion(
        &mut self,
        id: i64,
        sql: &str,
        args: &[&dyn rusqlite::ToSql],
    ) -> Result<Motion> {
        let actor = self.actor.clone();
        self.write(|tx| {
            exists(tx, "motion", Entity::Motion, id)?;
            let before = snapshot(tx, "motion", "id = ?1", &[&id])?;
            let mut all: Vec<&dyn rusqlite::ToSql> = vec![&id];
            all.extend_from_slice(args);
            tx.execute(sql, all.as_slice())?;
            bump(tx, "motion", id)?;
            audited(tx, &actor, "update", "motion", id, before)
        })?;
        self.motion(id)
    }

    pub fn set_motion_status(&mut self, id: i64, status: MotionStatus) -> Result<Motion> {
        self.update_motion(
            id,
            "UPDATE motion SET status = ?2 WHERE id = ?1",
            &[&status.code()],
        )
    }

    pub fn second_motion(&mut self, id: i64, seconder: i64) -> Result<Motion> {
        self.update_motion(
            id,
            "UPDATE motion SET seconder_id = ?2 WHERE id = ?1",
            &[&seconder],
        )
    }

    /// An amendment accepted without objection: the motion it amends takes its text.
    pub fn accept_amendment(&mut self, id: i64) -> Result<Motion> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let (parent, text): (Option<i64>, String) = tx.query_row(
                "SELECT amends, final_text FROM motion WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let before = snapshot(tx, "motion", "id = ?1", &[&id])?;
            tx.execute("UPDATE motion SET status = 'accepted' WHERE id = ?1", [id])?;
            bump(tx, "motion", id)?;
            audited(tx, &actor, "update", "motion", id, before)?;
            if let Some(parent) = parent {
                set_final_text(tx, &actor, parent, &text)?;
            }
            Ok(())
        })?;
        self.motion(id)
    }

    /// Opens the vote on a motion (the motion goes to "vote open").
    pub fn open_ballot(&mut self, b: &NewBallot) -> Result<Ballot> {
        let actor = self.actor.clone();
        self.write(|tx| insert_ballot(tx, &actor, b))?;
        self.ballot(b.motion_id)?.ok_or(StoreError::NotFound {
            what: Entity::Motion,
            key: b.motion_id.to_string(),
        })
    }

    /// A vote taken at once (by count, roll call, unanimously or by secret ballot):
    /// opened and closed in one transaction. Gives the resolutions' ids.
    pub fn take_ballot(&mut self, b: &NewBallot, c: &CloseBallot) -> Result<Vec<i64>> {
        let actor = self.actor.clone();
        self.write(|tx| {
            insert_ballot(tx, &actor, b)?;
            close_ballot_tx(tx, &actor, c)
        })
    }

    pub fn ballot(&self, motion_id: i64) -> Result<Option<Ballot>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {BALLOT_COLS} FROM ballot b WHERE b.motion_id = ?1"
            ))?
            .query_row([motion_id], ballot_from)
            .optional()?)
    }

    /// The members' votes on a motion, by person id.
    pub fn ballot_votes(&self, motion_id: i64) -> Result<Vec<BallotVote>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT motion_id, person_id, vote, cast_by, at FROM ballot_vote
             WHERE motion_id = ?1 ORDER BY person_id",
        )?;
        let rows = stmt.query_map([motion_id], |r| {
            Ok(BallotVote {
                motion_id: r.get(0)?,
                person_id: r.get(1)?,
                choice: code_at(r, 2, Choice::parse)?,
                cast_by: r.get(3)?,
                at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Records one member's vote while the vote is open (a later vote replaces an
    /// earlier one); `cast_by` is the login of whoever entered it.
    pub fn cast_ballot_vote(
        &mut self,
        motion_id: i64,
        person_id: i64,
        choice: Choice,
    ) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let key = "motion_id = ?1 AND person_id = ?2";
            let before = snapshot(tx, "ballot_vote", key, &[&motion_id, &person_id])?;
            tx.execute(
                "INSERT INTO ballot_vote(motion_id, person_id, vote, cast_by, at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(motion_id, person_id) DO UPDATE SET
                   vote = excluded.vote, cast_by = excluded.cast_by, at = excluded.at",
                params![
                    motion_id,
                    person_id,
                    choice.code(),
                    actor.login,
                    now_stamp()
                ],
            )?;
            let after = snapshot(tx, "ballot_vote", key, &[&motion_id, &person_id])?;
            record(
                tx,
                &actor,
                if before.is_some() { "update" } else { "insert" },
                "ballot_vote",
                Some(motion_id),
                before.as_deref(),
                after.as_deref(),
            )
        })
    }

    /// Closes a vote: the tally and result, the members' votes entered at the close,
    /// the motion's status, the amended text, the resolutions it makes and the items it
    /// affects, all in one transaction. Gives the resolutions' ids.
    pub fn close_ballot(&mut self, c: &CloseBallot) -> Result<Vec<i64>> {
        let actor = self.actor.clone();
        self.write(|tx| close_ballot_tx(tx, &actor, c))
    }

    /// Open votes of the sessions where this person is marked present (for voting
    /// from their own terminal), oldest first.
    pub fn open_ballots_for(&self, person_id: i64) -> Result<Vec<(Motion, Ballot)>> {
        let ids: Vec<i64> = {
            let mut stmt = self.conn.prepare_cached(
                "SELECT b.motion_id FROM ballot b JOIN motion m ON m.id = b.motion_id
                 JOIN attendance a ON a.session_id = m.session_id AND a.person_id = ?1
                 WHERE b.status = 'open' ORDER BY b.motion_id",
            )?;
            let rows = stmt.query_map([person_id], |r| r.get(0))?;
            rows.collect::<rusqlite::Result<Vec<_>>>()?
        };
        let mut out = Vec::new();
        for id in ids {
            let Ok(m) = self.motion(id) else { continue };
            if let Some(b) = self.ballot(id)? {
                out.push((m, b));
            }
        }
        Ok(out)
    }

    /// Declares a member's interest in an agenda item (a second declaration replaces
    /// the reason).
    pub fn declare_conflict(&mut self, item: i64, person: i64, reason: &str) -> Result<()> {
        // As long as a note may be (cleaned and trimmed; it may be empty).
        let reason = super::write::check_note(reason)?;
        let actor = self.actor.clone();
        self.write(|tx| {
            exists(tx, "agenda_item", Entity::AgendaItem, item)?;
            exists(tx, "person", Entity::Person, person)?;
            let key = "agenda_item_id = ?1 AND person_id = ?2";
            let before = snapshot(tx, "conflict", key, &[&item, &person])?;
            tx.execute(
                "INSERT INTO conflict(agenda_item_id, person_id, reason, declared_at, declared_by)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(agenda_item_id, person_id) DO UPDATE SET reason = excluded.reason",
                params![item, person, reason, now_stamp(), actor.login],
            )?;
            let after = snapshot(tx, "conflict", key, &[&item, &person])?;
            record(
                tx,
                &actor,
                if before.is_some() { "update" } else { "insert" },
                "conflict",
                Some(item),
                before.as_deref(),
                after.as_deref(),
            )
        })
    }

    /// The conflicts of interest declared on a session's items.
    pub fn conflicts(&self, session_id: i64) -> Result<Vec<Conflict>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT c.agenda_item_id, c.person_id, c.reason, c.declared_at, c.declared_by
             FROM conflict c JOIN agenda_item a ON a.id = c.agenda_item_id
             WHERE a.session_id = ?1 ORDER BY a.position, c.person_id",
        )?;
        let rows = stmt.query_map([session_id], |r| {
            Ok(Conflict {
                agenda_item_id: r.get(0)?,
                person_id: r.get(1)?,
                reason: r.get(2)?,
                declared_at: r.get(3)?,
                declared_by: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Puts an item on the consent agenda, or takes it off.
    pub fn set_consent(&mut self, item: i64, consent: bool) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| set_item(tx, &actor, item, "consent = ?2", &consent))
    }

    /// Marks an item as taken in closed session, or not.
    pub fn set_closed(&mut self, item: i64, closed: bool) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| set_item(tx, &actor, item, "closed = ?2", &closed))
    }

    /// Checks a resolution a vote will make, before the vote is closed.
    pub fn check_resolution(&self, r: &NewResolution) -> Result<PreparedResolution> {
        self.prepare_resolution(r)
    }
}

fn set_final_text(
    tx: &Transaction,
    actor: &crate::identity::Actor,
    id: i64,
    text: &str,
) -> Result<()> {
    let before = snapshot(tx, "motion", "id = ?1", &[&id])?;
    tx.execute(
        "UPDATE motion SET final_text = ?2 WHERE id = ?1",
        params![id, text],
    )?;
    bump(tx, "motion", id)?;
    audited(tx, actor, "update", "motion", id, before)
}

fn set_item(
    tx: &Transaction,
    actor: &crate::identity::Actor,
    item: i64,
    set: &str,
    value: &dyn rusqlite::ToSql,
) -> Result<()> {
    exists(tx, "agenda_item", Entity::AgendaItem, item)?;
    let before = snapshot(tx, "agenda_item", "id = ?1", &[&item])?;
    tx.execute(
        &format!("UPDATE agenda_item SET {set}, version = version + 1 WHERE id = ?1"),
        params![item, value],
    )?;
    audited(tx, actor, "update", "agenda_item", item, before)
}

fn insert_ballot(tx: &Transaction, actor: &crate::identity::Actor, b: &NewBallot) -> Result<()> {
    exists(tx, "motion", Entity::Motion, b.motion_id)?;
    tx.execute(
        "INSERT INTO ballot(motion_id, method, status, rule, quorum_rule, in_office, present,
                            recused, present_ids, recused_ids, without_quorum, opened_at, opened_by)
         VALUES (?1, ?2, 'open', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            b.motion_id,
            b.method.code(),
            b.rule.code(),
            b.quorum.code(),
            b.room.in_office,
            b.room.present,
            b.room.recused,
            ids_text(&b.present_ids),
            ids_text(&b.recused_ids),
            b.without_quorum,
            now_stamp(),
            actor.login
        ],
    )?;
    let after = snapshot(tx, "ballot", "motion_id = ?1", &[&b.motion_id])?;
    record(
        tx,
        actor,
        "insert",
        "ballot",
        Some(b.motion_id),
        None,
        after.as_deref(),
    )?;
    let before = snapshot(tx, "motion", "id = ?1", &[&b.motion_id])?;
    tx.execute(
        "UPDATE motion SET status = 'voting' WHERE id = ?1",
        [b.motion_id],
    )?;
    bump(tx, "motion", b.motion_id)?;
    audited(tx, actor, "update", "motion", b.motion_id, before)
}

fn close_ballot_tx(
    tx: &Transaction,
    actor: &crate::identity::Actor,
    c: &CloseBallot,
) -> Result<Vec<i64>> {
    let key = "motion_id = ?1";
    let before = snapshot(tx, "ballot", key, &[&c.motion_id])?;
    if before.is_none() {
        return Err(StoreError::NotFound {
            what: Entity::Motion,
            key: c.motion_id.to_string(),
        });
    }
    for (person, choice) in &c.votes {
        tx.execute(
            "INSERT INTO ballot_vote(motion_id, person_id, vote, cast_by, at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(motion_id, person_id) DO UPDATE SET
                   vote = excluded.vote, cast_by = excluded.cast_by, at = excluded.at",
            params![c.motion_id, person, choice.code(), actor.login, now_stamp()],
        )?;
    }
    tx.execute(
        "UPDATE ballot SET status = 'closed', yes = ?2, no = ?3, abstain = ?4, needed = ?5,
               carried = ?6, casting_vote = ?7, declared = ?8, without_quorum = ?9, closed_at = ?10,
            in_office = ?11, present = ?12, recused = ?13, present_ids = ?14, recused_ids = ?15
             WHERE motion_id = ?1",
        params![
            c.motion_id,
            c.tally.yes,
            c.tally.no,
            c.tally.abstain,
            c.needed,
            c.carried,
            c.casting_vote.map(|v| v.code()),
            c.declared.map(|d| if d { "carried" } else { "failed" }),
            c.without_quorum,
            now_stamp(),
            c.room.in_office,
            c.room.present,
            c.room.recused,
            ids_text(&c.present_ids),
            ids_text(&c.recused_ids)
        ],
    )?;
    let after = snapshot(tx, "ballot", key, &[&c.motion_id])?;
    record(
        tx,
        actor,
        "update",
        "ballot",
        Some(c.motion_id),
        before.as_deref(),
        after.as_deref(),
    )?;
    let before = snapshot(tx, "motion", "id = ?1", &[&c.motion_id])?;
    tx.execute(
        "UPDATE motion SET status = ?2 WHERE id = ?1",
        params![c.motion_id, c.status.code()],
    )?;
    bump(tx, "motion", c.motion_id)?;
    audited(tx, actor, "update", "motion", c.motion_id, before)?;
    if let Some((parent, text)) = &c.amend_parent {
        set_final_text(tx, actor, *parent, text)?;
    }
    let mut ids = Vec::new();
    for p in &c.resolutions {
        ids.push(insert_resolution(tx, actor, p, Some(c.motion_id))?);
    }
    if let Some((item, status)) = c.item_status {
        set_item(tx, actor, item, "status = ?2", &status)?;
    }
    for item in &c.close_items {
        set_item(tx, actor, *item, "closed = ?2", &true)?;
    }
    if let Some((session, kind, at)) = &c.clock_event {
        super::clock::clock_step_in(tx, actor, *session, Some((*kind, at)), None)?;
    }
    Ok(ids)
}
