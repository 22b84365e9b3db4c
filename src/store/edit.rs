//! Corrections of the record: bodies, people, memberships, guests, resolutions, tasks,
//! motions and agenda items changed after they were entered, each in one IMMEDIATE
//! transaction audited with the row before and after. The freeze triggers refuse
//! whatever belongs to approved minutes; ops refuses it first with a typed refusal.
//!
//! Removal: a guest goes; an agenda item only when nothing refers to it (the refusal
//! names what does, and the item can be withdrawn instead); a membership is ended,
//! never removed.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};

use super::audit::snapshot;
use super::search::{index_entry, SearchKind};
use super::write::{
    audited, body_values, check_name, check_version, exists, opt_text, placeholders, NewBody,
    NewPerson, BODY_FIELDS,
};
use super::{Refusal, Result, Store, StoreError};
use crate::locale::strings::Msg;
use crate::model::record::RecordRefusal;
use crate::model::rules::check_resolution_format;
use crate::model::*;

/// A resolution's recorded fields, corrected: each `Some` replaces the stored value.
#[derive(Debug, Clone, Default)]
pub struct ResolutionCorrection {
    pub text: Option<String>,
    pub decision: Option<Decision>,
    /// The tally; `Some(None)` clears it.
    pub tally: Option<Option<Tally>>,
    /// The ballot of the motion it was adopted on, corrected with the tally: the
    /// outcome the rule gives for the corrected votes.
    pub ballot: Option<BallotCorrection>,
    pub owner: Option<Option<String>>,
    pub due: Option<Option<NaiveDate>>,
    /// The agenda item it was decided on (of the same session), with its motion.
    pub agenda_item_id: Option<i64>,
    pub expected_version: Option<i64>,
}

/// The count of a motion's vote as corrected, and what the rule makes of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BallotCorrection {
    pub motion_id: i64,
    pub tally: (i64, i64, i64),
    pub needed: u32,
    pub carried: bool,
}

/// A task's fields, corrected: each `Some` replaces the stored value.
#[derive(Debug, Clone, Default)]
pub struct TaskCorrection {
    pub title: Option<String>,
    pub description: Option<Option<String>>,
    pub assignee_id: Option<Option<i64>>,
    pub assignee_unit: Option<Option<String>>,
    pub due: Option<Option<NaiveDate>>,
    pub priority: Option<Priority>,
    pub expected_version: Option<i64>,
}

/// A motion as moved, corrected.
#[derive(Debug, Clone, Default)]
pub struct MotionCorrection {
    pub text: Option<String>,
    pub mover_id: Option<Option<i64>>,
    pub seconder_id: Option<Option<i64>>,
}

fn day(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.to_string())
}

fn term_order(start: Option<NaiveDate>, end: Option<NaiveDate>) -> Result<()> {
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            return Err(InvalidValue {
                what: Entity::TermEnd,
                value: e.to_string(),
                expected: Expected::with(Msg::ExpectedOnOrAfterTermStart, &[&s.to_string()]),
            }
            .into());
        }
    }
    Ok(())
}

impl Store {
    /// Replaces every field of a body (its name, kind, parent, rules, template, formed
    /// date…); refused when it changed since `expected_version`, or when its parent
    /// would be itself or a body under it.
    pub fn update_body(
        &mut self,
        id: i64,
        b: &NewBody,
        expected_version: Option<i64>,
    ) -> Result<()> {
        let name = check_name(&b.name, Entity::BodyName)?;
        let format = check_resolution_format(&b.resolution_format)?;
        let actor = self.actor.clone();
        self.write(|tx| {
            check_version(tx, "body", Entity::Body, id, expected_version)?;
            super::legal::check_law_profile(tx, &b.law_profile)?;
            if let Some(parent) = b.parent_id {
                exists(tx, "body", Entity::ParentBody, parent)?;
                // Walk up from the new parent: reaching this body would make a loop.
                let mut at = Some(parent);
                let mut steps = 0;
                while let Some(p) = at {
                    if p == id || steps > 1000 {
                        return Err(StoreError::Refused(Refusal::Record(
                            RecordRefusal::BodyCycle { body: id, parent },
                        )));
                    }
                    at = tx
                        .query_row("SELECT parent_id FROM body WHERE id = ?1", [p], |r| {
                            r.get(0)
                        })
                        .optional()?
                        .flatten();
                    steps += 1;
                }
            }
            let before = snapshot(tx, "body", "id = ?1", &[&id])?;
            let values = body_values(&name, &format, b);
            tx.execute(
                &format!(
                    "UPDATE body SET ({BODY_FIELDS}) = ({}), version = version + 1 WHERE id = ?1",
                    placeholders(2, values.len())
                ),
                rusqlite::params_from_iter(
                    std::iter::once(rusqlite::types::Value::Integer(id)).chain(values),
                ),
            )?;
            audited(tx, &actor, "update", "body", id, before)
        })
    }

    /// Replaces a person's name, login, organization and email; a login another person
    /// has is refused, naming them.
    pub fn update_person(
        &mut self,
        id: i64,
        p: &NewPerson,
        expected_version: Option<i64>,
    ) -> Result<()> {
        let name = check_name(&p.name, Entity::PersonName)?;
        let login = opt_text(&p.login);
        let actor = self.actor.clone();
        self.write(|tx| {
            check_version(tx, "person", Entity::Person, id, expected_version)?;
            if let Some(l) = &login {
                let taken: Option<i64> = tx
                    .query_row(
                        "SELECT id FROM person WHERE login = ?1 AND id <> ?2",
                        params![l, id],
                        |r| r.get(0),
                    )
                    .optional()?;
                if let Some(other) = taken {
                    return Err(StoreError::Refused(Refusal::LoginTaken {
                        login: l.to_string(),
                        person: other,
                    }));
                }
            }
            let before = snapshot(tx, "person", "id = ?1", &[&id])?;
            tx.execute(
                "UPDATE person SET name_fa = ?2, name_en = ?3, login = ?4, organization = ?5, email = ?6,
                   version = version + 1 WHERE id = ?1",
                params![
                    id,
                    name.fa,
                    name.en,
                    login,
                    opt_text(&p.organization),
                    opt_text(&p.email)
                ],
            )?;
            audited(tx, &actor, "update", "person", id, before)
        })
    }

    /// One membership.
    pub fn membership(&self, id: i64) -> Result<Membership> {
        self.conn
            .query_row(
                "SELECT id, body_id, person_id, role, voting, term_start, term_end FROM membership WHERE id = ?1",
                [id],
                |r| {
                    let opt_day = |i: usize| -> rusqlite::Result<Option<NaiveDate>> {
                        let s: Option<String> = r.get(i)?;
                        Ok(s.and_then(|s| s.parse().ok()))
                    };
                    Ok(Membership {
                        id: r.get(0)?,
                        body_id: r.get(1)?,
                        person_id: r.get(2)?,
                        role: super::read::code_at(r, 3, Role::parse)?,
                        voting: r.get(4)?,
                        term_start: opt_day(5)?,
                        term_end: opt_day(6)?,
                    })
                },
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: Entity::Membership,
                key: id.to_string(),
            })
    }

    /// Changes a membership's role, vote and term; refused when the term would end
    /// before it starts or overlap another membership of the person in the body.
    pub fn update_membership(
        &mut self,
        id: i64,
        role: Role,
        voting: bool,
        term_start: Option<NaiveDate>,
        term_end: Option<NaiveDate>,
    ) -> Result<()> {
        term_order(term_start, term_end)?;
        let actor = self.actor.clone();
        self.write(|tx| {
            exists(tx, "membership", Entity::Membership, id)?;
            let overlapping: Option<(i64, String, i64, i64)> = tx
                .query_row(
                    "SELECT o.id, o.role, o.person_id, o.body_id FROM membership m
                     JOIN membership o ON o.body_id = m.body_id AND o.person_id = m.person_id AND o.id <> m.id
                     WHERE m.id = ?1
                       AND coalesce(o.term_start, '0000-01-01') <= coalesce(?3, '9999-12-31')
                       AND coalesce(o.term_end, '9999-12-31') >= coalesce(?2, '0000-01-01')",
                    params![id, day(term_start), day(term_end)],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()?;
            if let Some((other, role, person, body)) = overlapping {
                return Err(StoreError::Refused(Refusal::OverlappingMembership {
                    person,
                    role,
                    body,
                    membership: other,
                }));
            }
            let before = snapshot(tx, "membership", "id = ?1", &[&id])?;
            tx.execute(
                "UPDATE membership SET role = ?2, voting = ?3, term_start = ?4, term_end = ?5 WHERE id = ?1",
                params![id, role.code(), voting, day(term_start), day(term_end)],
            )?;
            audited(tx, &actor, "update", "membership", id, before)
        })
    }

    /// One guest.
    pub fn guest(&self, id: i64) -> Result<Guest> {
        self.conn
            .query_row(
                "SELECT id, session_id, name, organization, email FROM guest WHERE id = ?1",
                [id],
                |r| {
                    Ok(Guest {
                        id: r.get(0)?,
                        session_id: r.get(1)?,
                        name: r.get(2)?,
                        organization: r.get(3)?,
                        email: r.get(4)?,
                    })
                },
            )
            .optional()?
            .ok_or(StoreError::NotFound {
                what: Entity::Guest,
                key: id.to_string(),
            })
    }

    /// Changes a guest's name and organization.
    pub fn update_guest(
        &mut self,
        id: i64,
        name: &str,
        organization: Option<String>,
    ) -> Result<()> {
        let name = check_text(Entity::GuestName, name, MAX_TITLE)?;
        let actor = self.actor.clone();
        self.write(|tx| {
            exists(tx, "guest", Entity::Guest, id)?;
            let before = snapshot(tx, "guest", "id = ?1", &[&id])?;
            tx.execute(
                "UPDATE guest SET name = ?2, organization = ?3 WHERE id = ?1",
                params![id, name, opt_text(&organization)],
            )?;
            audited(tx, &actor, "update", "guest", id, before)
        })
    }

    /// Removes a guest from a session's list (nothing refers to guests).
    pub fn remove_guest(&mut self, id: i64) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| {
            exists(tx, "guest", Entity::Guest, id)?;
            let before = snapshot(tx, "guest", "id = ?1", &[&id])?;
            tx.execute("DELETE FROM guest WHERE id = ?1", [id])?;
            super::audit::record(
                tx,
                &actor,
                "delete",
                "guest",
                Some(id),
                before.as_deref(),
                None,
            )
        })
    }

    /// Whether a resolution's vote was recorded member by member (on the resolution,
    /// or on the ballot of its motion).
    pub fn resolution_has_named_votes(&self, id: i64) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM vote WHERE resolution_id = ?1)
                 OR EXISTS(SELECT 1 FROM resolution r JOIN ballot_vote v ON v.motion_id = r.motion_id
                           WHERE r.id = ?1)",
            [id],
            |r| r.get(0),
        )?)
    }

    /// Corrects a resolution's recorded fields (and the count of its motion's ballot);
    /// refused when it changed since `expected_version`.
    pub fn correct_resolution(&mut self, id: i64, c: &ResolutionCorrection) -> Result<Resolution> {
        let text = c
            .text
            .as_deref()
            .map(|t| check_text(Entity::ResolutionText, t, MAX_TEXT))
            .transpose()?;
        let owner = c.owner.as_ref().map(opt_text);
        let actor = self.actor.clone();
        self.write(|tx| {
            check_version(tx, "resolution", Entity::Resolution, id, c.expected_version)?;
            let before = snapshot(tx, "resolution", "id = ?1", &[&id])?;
            if let Some(t) = &text {
                tx.execute("UPDATE resolution SET text = ?2 WHERE id = ?1", params![id, t])?;
                // The motion it was adopted on says the same words: its wording as
                // adopted (and as moved, when no amendment changed it) is corrected too.
                let motion: Option<i64> = tx.query_row(
                    "SELECT motion_id FROM resolution WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )?;
                if let Some(m) = motion {
                    let before = snapshot(tx, "motion", "id = ?1", &[&m])?;
                    tx.execute(
                        "UPDATE motion SET text = CASE WHEN text = final_text THEN ?2 ELSE text END,
                           final_text = ?2, version = version + 1 WHERE id = ?1 AND kind <> 'consent'",
                        params![m, t],
                    )?;
                    audited(tx, &actor, "update", "motion", m, before)?;
                }
            }
            if let Some(d) = c.decision {
                tx.execute("UPDATE resolution SET decision = ?2 WHERE id = ?1", params![id, d.code()])?;
            }
            if let Some(t) = &c.tally {
                tx.execute(
                    "UPDATE resolution SET votes_yes = ?2, votes_no = ?3, votes_abstain = ?4 WHERE id = ?1",
                    params![
                        id,
                        t.as_ref().map(|t| t.yes),
                        t.as_ref().map(|t| t.no),
                        t.as_ref().map(|t| t.abstain)
                    ],
                )?;
            }
            if let Some(o) = &owner {
                tx.execute("UPDATE resolution SET owner = ?2 WHERE id = ?1", params![id, o])?;
            }
            if let Some(d) = &c.due {
                tx.execute("UPDATE resolution SET due = ?2 WHERE id = ?1", params![id, day(*d)])?;
            }
            if let Some(item) = c.agenda_item_id {
                let (session, item_session): (Option<i64>, Option<i64>) = tx.query_row(
                    "SELECT r.session_id, (SELECT session_id FROM agenda_item WHERE id = ?2)
                     FROM resolution r WHERE r.id = ?1",
                    params![id, item],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )?;
                let Some(item_session) = item_session else {
                    return Err(StoreError::NotFound {
                        what: Entity::AgendaItem,
                        key: item.to_string(),
                    });
                };
                if session != Some(item_session) {
                    return Err(StoreError::Refused(Refusal::ItemOfOtherSession {
                        item,
                        session: session.unwrap_or(0),
                    }));
                }
                tx.execute(
                    "UPDATE resolution SET agenda_item_id = ?2 WHERE id = ?1",
                    params![id, item],
                )?;
                let motion: Option<i64> = tx.query_row(
                    "SELECT motion_id FROM resolution WHERE id = ?1",
                    [id],
                    |r| r.get(0),
                )?;
                if let Some(m) = motion {
                    let before = snapshot(tx, "motion", "id = ?1", &[&m])?;
                    // The motion and the amendments moved on it go with it.
                    tx.execute(
                        "UPDATE motion SET agenda_item_id = ?2, version = version + 1
                         WHERE (id = ?1 OR amends = ?1) AND kind <> 'consent'",
                        params![m, item],
                    )?;
                    audited(tx, &actor, "update", "motion", m, before)?;
                }
            }
            tx.execute("UPDATE resolution SET version = version + 1 WHERE id = ?1", [id])?;
            if let Some(b) = &c.ballot {
                let before = snapshot(tx, "ballot", "motion_id = ?1", &[&b.motion_id])?;
                tx.execute(
                    "UPDATE ballot SET yes = ?2, no = ?3, abstain = ?4, needed = ?5, carried = ?6,
                       method = CASE WHEN method = 'unanimous' THEN method ELSE 'count' END
                     WHERE motion_id = ?1",
                    params![b.motion_id, b.tally.0, b.tally.1, b.tally.2, b.needed, b.carried],
                )?;
                tx.execute(
                    "UPDATE motion SET status = ?2, version = version + 1 WHERE id = ?1 AND status IN ('carried','failed')",
                    params![b.motion_id, if b.carried { "carried" } else { "failed" }],
                )?;
                let after = snapshot(tx, "ballot", "motion_id = ?1", &[&b.motion_id])?;
                super::audit::record(
                    tx,
                    &actor,
                    "update",
                    "ballot",
                    Some(b.motion_id),
                    before.as_deref(),
                    after.as_deref(),
                )?;
            }
            let (number, body_text, body_id): (String, String, i64) = tx.query_row(
                "SELECT number, text, body_id FROM resolution WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
            index_entry(tx, SearchKind::Resolution, id, body_id, &format!("{number} {body_text}"))?;
            audited(tx, &actor, "update", "resolution", id, before)
        })?;
        self.resolution(id)
    }

    /// Corrects a task's title, description, assignee, due date or priority.
    pub fn correct_task(&mut self, id: i64, c: &TaskCorrection) -> Result<Task> {
        let title = c
            .title
            .as_deref()
            .map(|t| check_text(Entity::TaskTitle, t, MAX_TITLE))
            .transpose()?;
        if let Some(Some(d)) = &c.description {
            if d.chars().count() > MAX_TEXT {
                return Err(InvalidValue {
                    what: Entity::TaskDescription,
                    value: format!("({} characters)", d.chars().count()),
                    expected: Expected::with(Msg::ExpectedAtMostChars, &[&MAX_TEXT.to_string()]),
                }
                .into());
            }
        }
        let actor = self.actor.clone();
        self.write(|tx| {
            check_version(tx, "task", Entity::Task, id, c.expected_version)?;
            let before = snapshot(tx, "task", "id = ?1", &[&id])?;
            if let Some(t) = &title {
                tx.execute("UPDATE task SET title = ?2 WHERE id = ?1", params![id, t])?;
            }
            if let Some(d) = &c.description {
                tx.execute(
                    "UPDATE task SET description = ?2 WHERE id = ?1",
                    params![id, opt_text(d)],
                )?;
            }
            if let Some(a) = &c.assignee_id {
                if let Some(p) = a {
                    exists(tx, "person", Entity::Assignee, *p)?;
                }
                tx.execute(
                    "UPDATE task SET assignee_id = ?2 WHERE id = ?1",
                    params![id, a],
                )?;
            }
            if let Some(u) = &c.assignee_unit {
                tx.execute(
                    "UPDATE task SET assignee_unit = ?2 WHERE id = ?1",
                    params![id, opt_text(u)],
                )?;
            }
            if let Some(d) = &c.due {
                tx.execute(
                    "UPDATE task SET due = ?2 WHERE id = ?1",
                    params![id, day(*d)],
                )?;
            }
            if let Some(p) = c.priority {
                tx.execute(
                    "UPDATE task SET priority = ?2 WHERE id = ?1",
                    params![id, p.code()],
                )?;
            }
            tx.execute("UPDATE task SET version = version + 1 WHERE id = ?1", [id])?;
            let (t, d, body_id): (String, Option<String>, i64) = tx.query_row(
                "SELECT title, description, body_id FROM task WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
            let text = match d {
                Some(d) => format!("{t} {d}"),
                None => t,
            };
            index_entry(tx, SearchKind::Task, id, body_id, &text)?;
            audited(tx, &actor, "update", "task", id, before)
        })?;
        self.task(id)
    }

    /// Corrects a motion as moved: its wording (and the wording adopted, when no
    /// amendment changed it), its mover and its seconder.
    pub fn correct_motion(
        &mut self,
        id: i64,
        c: &MotionCorrection,
    ) -> Result<crate::model::voting::Motion> {
        let text = c
            .text
            .as_deref()
            .map(|t| check_text(Entity::Motion, t, MAX_TEXT))
            .transpose()?;
        let actor = self.actor.clone();
        self.write(|tx| {
            exists(tx, "motion", Entity::Motion, id)?;
            let before = snapshot(tx, "motion", "id = ?1", &[&id])?;
            if let Some(t) = &text {
                tx.execute(
                    "UPDATE motion SET final_text = CASE WHEN final_text = text THEN ?2 ELSE final_text END,
                       text = ?2 WHERE id = ?1",
                    params![id, t],
                )?;
            }
            for (col, who) in [("mover_id", &c.mover_id), ("seconder_id", &c.seconder_id)] {
                if let Some(p) = who {
                    if let Some(p) = p {
                        exists(tx, "person", Entity::Person, *p)?;
                    }
                    tx.execute(&format!("UPDATE motion SET {col} = ?2 WHERE id = ?1"), params![id, p])?;
                }
            }
            tx.execute("UPDATE motion SET version = version + 1 WHERE id = ?1", [id])?;
            audited(tx, &actor, "update", "motion", id, before)
        })?;
        self.motion(id)
    }

    /// Corrects what an item is: its kind, urgency and (for a members' proposal) its
    /// signatories, replaced when given. The rules are checked in ops first.
    pub fn correct_item_kind(
        &mut self,
        id: i64,
        kind: ItemKind,
        urgency: Option<Urgency>,
        signatories: Option<&[i64]>,
    ) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| {
            exists(tx, "agenda_item", Entity::AgendaItem, id)?;
            let before = snapshot(tx, "agenda_item", "id = ?1", &[&id])?;
            tx.execute(
                "UPDATE agenda_item SET kind = ?2, urgency = ?3, version = version + 1 WHERE id = ?1",
                params![id, kind.code(), urgency.map(|u| u.code())],
            )?;
            audited(tx, &actor, "update", "agenda_item", id, before)?;
            if let Some(people) = signatories {
                for p in people {
                    exists(tx, "person", Entity::Person, *p)?;
                }
                let mut stmt = tx.prepare(
                    "SELECT person_id FROM agenda_signatory WHERE agenda_item_id = ?1",
                )?;
                let old: Vec<i64> = stmt
                    .query_map([id], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                for gone in old.iter().filter(|p| !people.contains(p)) {
                    let before = snapshot(
                        tx,
                        "agenda_signatory",
                        "agenda_item_id = ?1 AND person_id = ?2",
                        &[&id, gone],
                    )?;
                    tx.execute(
                        "DELETE FROM agenda_signatory WHERE agenda_item_id = ?1 AND person_id = ?2",
                        [id, *gone],
                    )?;
                    super::audit::record(
                        tx,
                        &actor,
                        "delete",
                        "agenda_signatory",
                        Some(id),
                        before.as_deref(),
                        None,
                    )?;
                }
                super::write::add_signatories(tx, &actor, id, people)?;
            }
            Ok(())
        })
    }

    /// What refers to an agenda item: resolutions, tasks, motions, conflicts declared
    /// on it, later items carried over from it, its sub-items and signatories.
    pub fn agenda_item_references(&self, id: i64) -> Result<Vec<(Entity, i64)>> {
        references(&self.conn, id)
    }

    /// Removes an agenda item nothing refers to; otherwise refused naming what does.
    pub fn remove_agenda_item(&mut self, id: i64) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| {
            exists(tx, "agenda_item", Entity::AgendaItem, id)?;
            let by = references(tx, id)?;
            if !by.is_empty() {
                return Err(StoreError::Refused(Refusal::Record(
                    RecordRefusal::Referenced {
                        what: Entity::AgendaItem,
                        id,
                        by,
                    },
                )));
            }
            let before = snapshot(tx, "agenda_item", "id = ?1", &[&id])?;
            let rowid = SearchKind::Agenda as i64 * (1 << 40) + id;
            tx.execute("DELETE FROM search_index WHERE rowid = ?1", [rowid])?;
            tx.execute("DELETE FROM agenda_item WHERE id = ?1", [id])?;
            super::audit::record(
                tx,
                &actor,
                "delete",
                "agenda_item",
                Some(id),
                before.as_deref(),
                None,
            )
        })
    }
}

fn references(conn: &rusqlite::Connection, id: i64) -> Result<Vec<(Entity, i64)>> {
    let mut by = Vec::new();
    for (entity, sql) in [
        (Entity::Resolution, "SELECT id FROM resolution WHERE agenda_item_id = ?1 ORDER BY id"),
        (Entity::Task, "SELECT id FROM task WHERE agenda_item_id = ?1 ORDER BY id"),
        (Entity::Motion, "SELECT id FROM motion WHERE agenda_item_id = ?1 ORDER BY id"),
        (Entity::AgendaItem, "SELECT id FROM agenda_item WHERE carried_from = ?1 OR parent_id = ?1 ORDER BY id"),
        (Entity::Person, "SELECT person_id FROM conflict WHERE agenda_item_id = ?1 UNION SELECT person_id FROM agenda_signatory WHERE agenda_item_id = ?1"),
    ] {
        let mut stmt = conn.prepare_cached(sql)?;
        let ids = stmt
            .query_map([id], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        by.extend(ids.into_iter().map(|i| (entity, i)));
    }
    Ok(by)
}
