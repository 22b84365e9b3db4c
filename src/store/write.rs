//! Writes. Each public method is one IMMEDIATE transaction that validates, changes the
//! rows, keeps the search index in step and appends audit entries.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Transaction};

use super::audit::{record, snapshot};
use super::search::{index_entry, SearchKind};
use super::{now_stamp, Refusal, Result, Store, StoreError};
use crate::identity::Actor;
use crate::locale::strings::Msg;
use crate::model::rules::{
    check_resolution_format, format_resolution_number, MeetingRule, NumberParts, QuorumRule,
};
use crate::model::*;

#[derive(Debug, Clone, Default)]
pub struct NewPerson {
    pub name: Name,
    pub login: Option<String>,
    pub organization: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NewBody {
    pub name: Name,
    pub kind: BodyKind,
    pub parent_id: Option<i64>,
    pub quorum: QuorumRule,
    pub meeting_rule: MeetingRule,
    pub resolution_format: String,
    pub agenda_template: Vec<String>,
    pub confidential: bool,
    pub formed_on: Option<NaiveDate>,
    pub procedure: crate::model::voting::Procedure,
    /// Closing standing items (adjournment), after every other item of a new session.
    pub agenda_closing: Vec<String>,
    pub number_per_term: bool,
    pub fiscal_year: crate::model::rules::FiscalYear,
    pub signing: Signing,
    /// The law profile's code (`none` when empty).
    pub law_profile: String,
    pub absence_rule: crate::model::rules::AbsenceRule,
}

/// A body's stored fields, in the order [`body_values`] gives them.
pub(crate) const BODY_FIELDS: &str =
    "name_fa, name_en, kind, parent_id, quorum_rule, meeting_rule, \
    resolution_format, agenda_template, confidential, formed_on, voting_rule, second_required, \
    number_rejected, agenda_closing, number_per_term, fiscal_year, signing, law_profile, absence_rule";

/// The values of [`BODY_FIELDS`] for a body (its name and format already checked).
pub(crate) fn body_values(name: &Name, format: &str, b: &NewBody) -> Vec<rusqlite::types::Value> {
    use rusqlite::types::Value;
    let text = |s: Option<String>| s.map_or(Value::Null, Value::Text);
    vec![
        text(name.fa.clone()),
        text(name.en.clone()),
        Value::Text(b.kind.code().into()),
        b.parent_id.map_or(Value::Null, Value::Integer),
        Value::Text(b.quorum.code()),
        Value::Text(b.meeting_rule.code()),
        Value::Text(format.into()),
        Value::Text(b.agenda_template.join("\n")),
        Value::Integer(b.confidential.into()),
        text(b.formed_on.map(|d| d.to_string())),
        Value::Text(b.procedure.voting_rule.code()),
        Value::Integer(b.procedure.second_required.into()),
        Value::Integer(b.procedure.number_rejected.into()),
        Value::Text(b.agenda_closing.join("\n")),
        Value::Integer(b.number_per_term.into()),
        Value::Text(b.fiscal_year.code()),
        Value::Text(b.signing.code().into()),
        Value::Text(if b.law_profile.trim().is_empty() {
            "none".into()
        } else {
            b.law_profile.trim().into()
        }),
        Value::Text(b.absence_rule.code()),
    ]
}

/// `?from, ?from+1, …`: `n` numbered placeholders.
pub(crate) fn placeholders(from: usize, n: usize) -> String {
    (from..from + n)
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl NewBody {
    /// A body's fields as they are, to save with some changed.
    pub fn from_body(b: &Body) -> NewBody {
        NewBody {
            name: b.name.clone(),
            kind: b.kind,
            parent_id: b.parent_id,
            quorum: b.quorum,
            meeting_rule: b.meeting_rule.clone(),
            resolution_format: b.resolution_format.clone(),
            agenda_template: b.agenda_template.clone(),
            confidential: b.confidential,
            formed_on: b.formed_on,
            procedure: b.procedure.clone(),
            agenda_closing: b.agenda_closing.clone(),
            number_per_term: b.number_per_term,
            fiscal_year: b.fiscal_year,
            signing: b.signing,
            law_profile: b.law_profile.clone(),
            absence_rule: b.absence_rule,
        }
    }
}

#[derive(Debug, Clone)]
pub struct NewMembership {
    pub body_id: i64,
    pub person_id: i64,
    pub role: Role,
    pub voting: bool,
    pub term_start: Option<NaiveDate>,
    pub term_end: Option<NaiveDate>,
}

#[derive(Debug, Clone)]
pub struct NewSession {
    pub body_id: i64,
    pub kind: SessionKind,
    pub date: NaiveDate,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub place: Option<String>,
    /// Start the agenda from the body's template, carried-over items and a review item.
    pub prepare_agenda: bool,
    /// The session's number when given (the first session of a body that existed
    /// before shura, or to continue a series); else the next one. For a body that
    /// numbers per term and a date in a term, its number in that term.
    pub number: Option<i64>,
}

#[derive(Debug, Clone, Default)]
pub struct NewAgendaItem {
    pub session_id: i64,
    pub title: String,
    pub presenter: Option<String>,
    pub duration_min: Option<i64>,
    pub kind: ItemKind,
    /// The section it goes under.
    pub parent_id: Option<i64>,
    pub urgency: Option<Urgency>,
    /// The members who signed a members' proposal (طرح).
    pub signatories: Vec<i64>,
}

#[derive(Debug, Clone)]
pub struct NewResolution {
    pub body_id: i64,
    pub session_id: Option<i64>,
    pub agenda_item_id: Option<i64>,
    pub text: String,
    pub decision: Decision,
    pub tally: Option<Tally>,
    pub votes: Vec<(i64, Vote)>,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    /// The day it was decided (defaults to the session's date, else today).
    pub created_on: Option<NaiveDate>,
    /// The number given by hand, for a body that already numbers its resolutions
    /// (refused when taken); else from the body's format and sequence.
    pub number: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NewTask {
    pub body_id: Option<i64>,
    pub resolution_id: Option<i64>,
    pub agenda_item_id: Option<i64>,
    pub title: String,
    pub description: Option<String>,
    pub assignee_id: Option<i64>,
    pub assignee_unit: Option<String>,
    pub due: Option<NaiveDate>,
    pub priority: Priority,
    pub created_on: Option<NaiveDate>,
}

/// A progress report on a task, optionally made at a session that reviewed it.
#[derive(Debug, Clone)]
pub struct TaskProgress {
    pub task_id: i64,
    pub status: Option<WorkStatus>,
    pub percent: Option<i64>,
    pub note: String,
    pub session_id: Option<i64>,
    pub due: Option<NaiveDate>,
    /// The day the change happened (defaults to today).
    pub on: Option<NaiveDate>,
    pub expected_version: Option<i64>,
}

/// A follow-up recorded on a resolution itself: its new status (unchanged when None)
/// and a note, at a session's review when `session_id` is given.
#[derive(Debug, Clone, Default)]
pub struct ResolutionProgress {
    pub resolution_id: i64,
    pub status: Option<WorkStatus>,
    pub note: String,
    pub session_id: Option<i64>,
    /// The day the change happened (defaults to today).
    pub on: Option<NaiveDate>,
    pub expected_version: Option<i64>,
}

/// A progress note: at most [`MAX_TEXT`] characters.
/// A note as stored (cleaned, trimmed), or why not.
pub(crate) fn check_note(note: &str) -> Result<String> {
    let note = crate::model::clean_text(note);
    let n = note.chars().count();
    if n > MAX_TEXT {
        return Err(InvalidValue {
            what: Entity::Note,
            value: format!("({n} characters)"),
            expected: Expected::with(Msg::ExpectedAtMostChars, &[&MAX_TEXT.to_string()]),
        }
        .into());
    }
    Ok(note.trim().to_string())
}

/// When an update happened: its day, and the time of the clock now.
fn stamp(on: NaiveDate) -> String {
    format!("{on}T{}", chrono::Utc::now().format("%H:%M:%SZ"))
}

pub(crate) fn opt_text(s: &Option<String>) -> Option<String> {
    s.as_ref()
        .map(|s| crate::model::clean_text(s).trim().to_string())
        .filter(|s| !s.is_empty())
}

/// A name as stored (each language cleaned and trimmed), or why not.
pub(crate) fn check_name(name: &Name, what: Entity) -> Result<Name> {
    if name.is_empty() {
        return Err(InvalidValue {
            what,
            value: String::new(),
            expected: Expected::msg(Msg::ExpectedName),
        }
        .into());
    }
    let clean = |n: &Option<String>| -> Result<Option<String>> {
        n.as_deref()
            .map(|n| check_text(what, n, MAX_TITLE))
            .transpose()
            .map_err(Into::into)
    };
    let name = Name {
        fa: clean(&name.fa)?,
        en: clean(&name.en)?,
    };
    Ok(name)
}

pub(crate) fn check_version(
    tx: &Transaction,
    table: &str,
    what: Entity,
    id: i64,
    expected: Option<i64>,
) -> Result<()> {
    let found: Option<i64> = tx
        .query_row(
            &format!("SELECT version FROM {table} WHERE id = ?1"),
            [id],
            |r| r.get(0),
        )
        .optional()?;
    match (found, expected) {
        (None, _) => Err(StoreError::NotFound {
            what,
            key: id.to_string(),
        }),
        (Some(v), Some(e)) if v != e => Err(StoreError::Conflict { what, id }),
        _ => Ok(()),
    }
}

pub(crate) fn exists(tx: &Transaction, table: &str, what: Entity, id: i64) -> Result<()> {
    let n: i64 = tx.query_row(
        &format!("SELECT count(*) FROM {table} WHERE id = ?1"),
        [id],
        |r| r.get(0),
    )?;
    if n == 0 {
        return Err(StoreError::NotFound {
            what,
            key: id.to_string(),
        });
    }
    Ok(())
}

/// Records one row change in the audit trail, with snapshots.
pub(crate) fn audited(
    tx: &Transaction,
    actor: &Actor,
    action: &str,
    table: &str,
    id: i64,
    before: Option<String>,
) -> Result<()> {
    let after = snapshot(tx, table, "id = ?1", &[&id])?;
    record(
        tx,
        actor,
        action,
        table,
        Some(id),
        before.as_deref(),
        after.as_deref(),
    )
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Inserts a task (checked: its title, description, parent and assignee), indexed for
/// search and audited, in the caller's transaction: [`Store::add_task`], and a visit's
/// finding made a task with its link in one transaction.
pub(crate) fn insert_task(tx: &Transaction, actor: &Actor, t: &NewTask) -> Result<i64> {
    let title = check_text(Entity::TaskTitle, &t.title, MAX_TITLE)?;
    if let Some(d) = &t.description {
        if d.chars().count() > MAX_TEXT {
            return Err(InvalidValue {
                what: Entity::TaskDescription,
                value: format!("({} characters)", d.chars().count()),
                expected: Expected::with(Msg::ExpectedAtMostChars, &[&MAX_TEXT.to_string()]),
            }
            .into());
        }
    }
    let unit = opt_text(&t.assignee_unit);
    let created_on = t.created_on.unwrap_or_else(today);
    let mut body_id = t.body_id;
    if let Some(r) = t.resolution_id {
        let b: Option<i64> = tx
            .query_row("SELECT body_id FROM resolution WHERE id = ?1", [r], |row| {
                row.get(0)
            })
            .optional()?;
        let b = b.ok_or(StoreError::NotFound {
            what: Entity::Resolution,
            key: r.to_string(),
        })?;
        body_id = body_id.or(Some(b));
    }
    if let Some(a) = t.agenda_item_id {
        let b: Option<i64> = tx
            .query_row(
                "SELECT s.body_id FROM agenda_item a JOIN session s ON s.id = a.session_id WHERE a.id = ?1",
                [a],
                |row| row.get(0),
            )
            .optional()?;
        let b = b.ok_or(StoreError::NotFound {
            what: Entity::AgendaItem,
            key: a.to_string(),
        })?;
        body_id = body_id.or(Some(b));
    }
    let Some(body_id) = body_id else {
        return Err(InvalidValue {
            what: Entity::Task,
            value: title.clone(),
            expected: Expected::msg(Msg::ExpectedTaskParent),
        }
        .into());
    };
    exists(tx, "body", Entity::Body, body_id)?;
    if let Some(p) = t.assignee_id {
        exists(tx, "person", Entity::Assignee, p)?;
    }
    tx.execute(
        "INSERT INTO task(body_id, resolution_id, agenda_item_id, title, description, assignee_id,
           assignee_unit, due, status, priority, created_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'open', ?9, ?10)",
        params![
            body_id,
            t.resolution_id,
            t.agenda_item_id,
            title,
            opt_text(&t.description),
            t.assignee_id,
            unit,
            t.due.map(|d| d.to_string()),
            t.priority.code(),
            created_on.to_string()
        ],
    )?;
    let id = tx.last_insert_rowid();
    let text = match &t.description {
        Some(d) => format!("{title} {d}"),
        None => title.clone(),
    };
    index_entry(tx, SearchKind::Task, id, body_id, &text)?;
    audited(tx, actor, "insert", "task", id, None)?;
    Ok(id)
}

impl Store {
    pub fn add_person(&mut self, p: &NewPerson) -> Result<i64> {
        let name = check_name(&p.name, Entity::PersonName)?;
        let login = opt_text(&p.login);
        let actor = self.actor.clone();
        self.write(|tx| {
            if let Some(l) = &login {
                let taken: Option<i64> = tx
                    .query_row("SELECT id FROM person WHERE login = ?1", [l], |r| r.get(0))
                    .optional()?;
                if let Some(other) = taken {
                    return Err(StoreError::Refused(Refusal::LoginTaken {
                        login: l.to_string(),
                        person: other,
                    }));
                }
            }
            tx.execute(
                "INSERT INTO person(name_fa, name_en, login, organization, email, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    name.fa,
                    name.en,
                    login,
                    opt_text(&p.organization),
                    opt_text(&p.email),
                    now_stamp()
                ],
            )?;
            let id = tx.last_insert_rowid();
            audited(tx, &actor, "insert", "person", id, None)?;
            Ok(id)
        })
    }

    pub fn add_body(&mut self, b: &NewBody) -> Result<i64> {
        let name = check_name(&b.name, Entity::BodyName)?;
        let format = check_resolution_format(&b.resolution_format)?;
        let actor = self.actor.clone();
        self.write(|tx| {
            if let Some(parent) = b.parent_id {
                exists(tx, "body", Entity::ParentBody, parent)?;
            }
            super::legal::check_law_profile(tx, &b.law_profile)?;
            let mut values = body_values(&name, &format, b);
            values.push(now_stamp().into());
            tx.execute(
                &format!(
                    "INSERT INTO body({BODY_FIELDS}, created_at) VALUES ({})",
                    placeholders(1, values.len())
                ),
                rusqlite::params_from_iter(values),
            )?;
            let id = tx.last_insert_rowid();
            audited(tx, &actor, "insert", "body", id, None)?;
            Ok(id)
        })
    }

    /// Changes a body's procedure (voting rule, second required, rejected motions
    /// numbered) and its quorum; refused when the body changed since `expected_version`.
    pub fn update_body_procedure(
        &mut self,
        body_id: i64,
        procedure: &crate::model::voting::Procedure,
        quorum: crate::model::rules::QuorumRule,
        expected_version: Option<i64>,
    ) -> Result<()> {
        let b = self.body(body_id)?;
        self.update_body(
            body_id,
            &NewBody {
                procedure: procedure.clone(),
                quorum,
                ..NewBody::from_body(&b)
            },
            expected_version,
        )
    }

    pub fn add_membership(&mut self, m: &NewMembership) -> Result<i64> {
        if let (Some(s), Some(e)) = (m.term_start, m.term_end) {
            if e < s {
                return Err(InvalidValue {
                    what: Entity::TermEnd,
                    value: e.to_string(),
                    expected: Expected::with(Msg::ExpectedOnOrAfterTermStart, &[&s.to_string()]),
                }
                .into());
            }
        }
        let actor = self.actor.clone();
        self.write(|tx| insert_membership(tx, &actor, m))
    }

    /// Adds a member by name: the person with that name (Persian or English, any
    /// spelling variant), or a new person when there is none, in the same transaction
    /// as the membership, so two secretaries adding the same newcomer at once make one
    /// person. Returns (person id, membership id).
    pub fn add_member_named(&mut self, p: &NewPerson, m: &NewMembership) -> Result<(i64, i64)> {
        let name = check_name(&p.name, Entity::PersonName)?;
        if let (Some(s), Some(e)) = (m.term_start, m.term_end) {
            if e < s {
                return Err(InvalidValue {
                    what: Entity::TermEnd,
                    value: e.to_string(),
                    expected: Expected::with(Msg::ExpectedOnOrAfterTermStart, &[&s.to_string()]),
                }
                .into());
            }
        }
        let actor = self.actor.clone();
        let typed = name.get(crate::locale::Lang::Fa).to_string();
        self.write(|tx| {
            let mut stmt = tx.prepare("SELECT id, name_fa, name_en FROM person")?;
            let hits: Vec<i64> = stmt
                .query_map([], |r| {
                    Ok((r.get::<_, i64>(0)?, Name::new(r.get(1)?, r.get(2)?)))
                })?
                .filter_map(|r| r.ok())
                .filter(|(_, n)| n.matches(&typed))
                .map(|(id, _)| id)
                .collect();
            let person_id = match hits.as_slice() {
                [one] => *one,
                [] => {
                    tx.execute(
                        "INSERT INTO person(name_fa, name_en, login, organization, email, created_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                        params![
                            name.fa,
                            name.en,
                            opt_text(&p.login),
                            opt_text(&p.organization),
                            opt_text(&p.email),
                            now_stamp()
                        ],
                    )?;
                    let id = tx.last_insert_rowid();
                    audited(tx, &actor, "insert", "person", id, None)?;
                    id
                }
                _ => {
                    return Err(StoreError::Refused(Refusal::AmbiguousPerson {
                        key: typed.to_string(),
                    }))
                }
            };
            let m = NewMembership { person_id, ..m.clone() };
            Ok((person_id, insert_membership(tx, &actor, &m)?))
        })
    }

    /// Schedules a session; its number is the one given (refused when taken), else the
    /// body's next; it joins the council term its date falls in, numbered in it when the
    /// body numbers per term ([`super::numbering::session_numbers`]). With
    /// `prepare_agenda`, the agenda is the body's standing order: its opening items (the
    /// template, then a review of open resolutions and tasks), the items of the previous
    /// session that were deferred or not reached, then its closing items (adjournment).
    pub fn add_session(&mut self, s: &NewSession) -> Result<Session> {
        if let Some(t) = &s.start_time {
            check_time(t)?;
        }
        if let Some(t) = &s.end_time {
            check_time(t)?;
        }
        let actor = self.actor.clone();
        let body = self.body(s.body_id)?;
        let review_title = review_item_title(&body);
        let id = self.write(|tx| {
            let numbers = super::numbering::session_numbers(tx, &body, s.date, s.number, None)?;
            let previous: Option<i64> = tx
                .query_row(
                    "SELECT id FROM session WHERE body_id = ?1 AND status <> 'cancelled' ORDER BY number DESC LIMIT 1",
                    [s.body_id],
                    |r| r.get(0),
                )
                .optional()?;
            tx.execute(
                "INSERT INTO session(body_id, number, kind, date, start_time, end_time, place, status, created_at,
                                     term_id, number_in_term)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'planned', ?8, ?9, ?10)",
                params![
                    s.body_id,
                    numbers.number,
                    s.kind.code(),
                    s.date.to_string(),
                    s.start_time,
                    s.end_time,
                    opt_text(&s.place),
                    now_stamp(),
                    numbers.term_id,
                    numbers.number_in_term
                ],
            )?;
            let id = tx.last_insert_rowid();
            audited(tx, &actor, "insert", "session", id, None)?;
            if s.prepare_agenda {
                prepare_agenda(tx, &actor, &body, id, previous, &review_title)?;
            }
            Ok(id)
        })?;
        self.session(id)
    }

    /// Changes date, time or place of a session that is not yet approved. A new date
    /// puts it in the council term it falls in (the next number there, for a body that
    /// numbers per term, unless it stays in its term).
    pub fn update_session(
        &mut self,
        id: i64,
        date: Option<NaiveDate>,
        start_time: Option<Option<String>>,
        end_time: Option<Option<String>>,
        place: Option<Option<String>>,
    ) -> Result<Session> {
        for t in [&start_time, &end_time].into_iter().flatten().flatten() {
            check_time(t)?;
        }
        let actor = self.actor.clone();
        self.write(|tx| {
            let before = snapshot(tx, "session", "id = ?1", &[&id])?;
            exists(tx, "session", Entity::Session, id)?;
            if let Some(d) = date {
                // A new date may put it in another council term, numbered there.
                let (body_id, number, term_id, number_in_term): (i64, i64, Option<i64>, Option<i64>) = tx.query_row(
                    "SELECT body_id, number, term_id, number_in_term FROM session WHERE id = ?1",
                    [id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )?;
                let body = super::read::body_in(tx, body_id)?;
                let old = super::numbering::SessionNumbers {
                    number,
                    term_id,
                    number_in_term,
                };
                let numbers = super::numbering::session_numbers(tx, &body, d, None, Some((id, old)))?;
                tx.execute(
                    "UPDATE session SET date = ?2, term_id = ?3, number_in_term = ?4, version = version + 1 WHERE id = ?1",
                    params![id, d.to_string(), numbers.term_id, numbers.number_in_term],
                )?;
            }
            if let Some(t) = &start_time {
                tx.execute(
                    "UPDATE session SET start_time = ?2, version = version + 1 WHERE id = ?1",
                    params![id, t],
                )?;
            }
            if let Some(t) = &end_time {
                tx.execute(
                    "UPDATE session SET end_time = ?2, version = version + 1 WHERE id = ?1",
                    params![id, t],
                )?;
            }
            if let Some(p) = &place {
                tx.execute(
                    "UPDATE session SET place = ?2, version = version + 1 WHERE id = ?1",
                    params![id, opt_text(p)],
                )?;
            }
            audited(tx, &actor, "update", "session", id, before)
        })?;
        self.session(id)
    }

    /// Moves a session along planned → open → closed → approved (or cancels it).
    /// Opening stamps the start time and closing the end time when they are empty.
    /// Approving records the audit chain head, after which nothing of it changes.
    pub fn set_session_status(&mut self, id: i64, to: SessionStatus) -> Result<Session> {
        let actor = self.actor.clone();
        self.write(|tx| {
            check_transition(tx, id, to)?;
            use SessionStatus::*;
            let before = snapshot(tx, "session", "id = ?1", &[&id])?;
            // The clock gives the start or end time only on the session's own day: a
            // session recorded afterwards does not get the hour it was typed in.
            let session_day: String =
                tx.query_row("SELECT date FROM session WHERE id = ?1", [id], |r| r.get(0))?;
            let clock = (session_day == super::today().to_string())
                .then(|| chrono::Local::now().format("%H:%M").to_string());
            match to {
                Open => {
                    tx.execute(
                        "UPDATE session SET status = 'open', start_time = coalesce(start_time, ?2), version = version + 1 WHERE id = ?1",
                        params![id, clock],
                    )?;
                }
                Closed => {
                    tx.execute(
                        "UPDATE session SET status = 'closed', end_time = coalesce(end_time, ?2), version = version + 1 WHERE id = ?1",
                        params![id, clock],
                    )?;
                }
                Approved => {
                    let head = super::audit::head(tx)?;
                    tx.execute(
                        "UPDATE session SET status = 'approved', approved_by = ?2, approved_at = ?3,
                         approved_audit_head = ?4, version = version + 1 WHERE id = ?1",
                        params![id, actor.login, now_stamp(), head],
                    )?;
                }
                other => {
                    tx.execute(
                        "UPDATE session SET status = ?2, version = version + 1 WHERE id = ?1",
                        params![id, other.code()],
                    )?;
                }
            }
            audited(tx, &actor, "update", "session", id, before)
        })?;
        self.session(id)
    }

    pub fn add_agenda_item(&mut self, a: &NewAgendaItem) -> Result<i64> {
        let title = check_text(Entity::AgendaItemTitle, &a.title, MAX_TITLE)?;
        if let Some(d) = a.duration_min {
            if !(0..=24 * 60).contains(&d) {
                return Err(InvalidValue {
                    what: Entity::Duration,
                    value: d.to_string(),
                    expected: Expected::msg(Msg::ExpectedDurationMinutes),
                }
                .into());
            }
        }
        let actor = self.actor.clone();
        self.write(|tx| {
            let body_id: Option<i64> = tx
                .query_row("SELECT body_id FROM session WHERE id = ?1", [a.session_id], |r| r.get(0))
                .optional()?;
            let Some(body_id) = body_id else {
                return Err(StoreError::NotFound {
                    what: Entity::Session,
                    key: a.session_id.to_string(),
                });
            };
            if let Some(p) = a.parent_id {
                let parent_session: Option<i64> = tx
                    .query_row("SELECT session_id FROM agenda_item WHERE id = ?1", [p], |r| r.get(0))
                    .optional()?;
                match parent_session {
                    None => {
                        return Err(StoreError::NotFound {
                            what: Entity::AgendaItem,
                            key: p.to_string(),
                        })
                    }
                    Some(ps) if ps != a.session_id => {
                        return Err(StoreError::Refused(Refusal::Agenda(
                            crate::model::agenda::AgendaProblem::SectionOfOtherSession { section: p },
                        )))
                    }
                    Some(_) => {}
                }
            }
            for person in &a.signatories {
                exists(tx, "person", Entity::Person, *person)?;
            }
            // Its place: under its section after the last sub-item, else before the
            // closing standing items; the items after it move down one.
            let items = session_agenda(tx, a.session_id)?;
            let at = crate::model::agenda::insert_index(&items, a.parent_id);
            let mut order: Vec<crate::model::agenda::Placement> =
                items.iter().map(|i| (i.id, i.parent_id)).collect();
            order.insert(at, (0, a.parent_id));
            let shifted: Vec<(i64, Option<i64>, i64)> = order
                .iter()
                .enumerate()
                .filter(|(_, (id, _))| *id != 0)
                .map(|(i, (id, parent))| (*id, *parent, i as i64 + 1))
                .collect();
            apply_positions(tx, &actor, &items, &shifted)?;
            tx.execute(
                "INSERT INTO agenda_item(session_id, position, title, presenter, duration_min, status, kind, parent_id, urgency)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'pending', ?6, ?7, ?8)",
                params![
                    a.session_id,
                    at as i64 + 1,
                    title,
                    opt_text(&a.presenter),
                    a.duration_min,
                    a.kind.code(),
                    a.parent_id,
                    a.urgency.map(|u| u.code())
                ],
            )?;
            let id = tx.last_insert_rowid();
            index_entry(tx, SearchKind::Agenda, id, body_id, &title)?;
            audited(tx, &actor, "insert", "agenda_item", id, None)?;
            add_signatories(tx, &actor, id, &a.signatories)?;
            Ok(id)
        })
    }

    /// Changes an agenda item's title, presenter and duration.
    pub fn update_agenda_item(
        &mut self,
        id: i64,
        title: &str,
        presenter: Option<String>,
        duration_min: Option<i64>,
        expected_version: Option<i64>,
    ) -> Result<()> {
        let title = check_text(Entity::AgendaItemTitle, title, MAX_TITLE)?;
        let actor = self.actor.clone();
        self.write(|tx| {
            check_version(tx, "agenda_item", Entity::AgendaItem, id, expected_version)?;
            let before = snapshot(tx, "agenda_item", "id = ?1", &[&id])?;
            tx.execute(
                "UPDATE agenda_item SET title = ?2, presenter = ?3, duration_min = ?4, version = version + 1 WHERE id = ?1",
                params![id, title, opt_text(&presenter), duration_min],
            )?;
            reindex_agenda(tx, id)?;
            audited(tx, &actor, "update", "agenda_item", id, before)
        })
    }

    pub fn set_agenda_status(&mut self, id: i64, status: AgendaStatus) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| {
            exists(tx, "agenda_item", Entity::AgendaItem, id)?;
            let before = snapshot(tx, "agenda_item", "id = ?1", &[&id])?;
            tx.execute(
                "UPDATE agenda_item SET status = ?2, version = version + 1 WHERE id = ?1",
                params![id, status.code()],
            )?;
            audited(tx, &actor, "update", "agenda_item", id, before)
        })
    }

    /// Moves an agenda item one step up (`delta` < 0) or down: a section with its
    /// sub-items, a sub-item within its section, never past a standing item of another
    /// place ([`crate::model::agenda::step`]). Returns whether it moved.
    pub fn move_agenda_item(&mut self, id: i64, delta: i64) -> Result<bool> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let items = agenda_of_item(tx, id)?;
            let Some(order) = crate::model::agenda::step(&items, id, delta < 0) else {
                return Ok(false);
            };
            apply_order(tx, &actor, &items, &order)?;
            Ok(true)
        })
    }

    /// Moves an agenda item to the number `label` ("3", or "7.2" into section 7), in
    /// one transaction renumbering the positions (audited per item changed); returns
    /// the number it has now.
    pub fn move_agenda_item_to(&mut self, id: i64, label: &str) -> Result<String> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let items = agenda_of_item(tx, id)?;
            let order = crate::model::agenda::move_to(&items, id, label)
                .map_err(|p| StoreError::Refused(Refusal::Agenda(p)))?;
            apply_order(tx, &actor, &items, &order)?;
            let after = agenda_of_item(tx, id)?;
            let labels = crate::model::agenda::agenda_labels(&after);
            Ok(after
                .iter()
                .position(|i| i.id == id)
                .and_then(|i| labels.get(i).cloned())
                .unwrap_or_default())
        })
    }

    /// Saves the minutes of an agenda item. With `expected_version`, a save over a
    /// version someone else wrote meanwhile is refused as a conflict.
    pub fn set_minutes(
        &mut self,
        item_id: i64,
        text: &str,
        expected_version: Option<i64>,
    ) -> Result<i64> {
        if text.chars().count() > MAX_TEXT {
            return Err(InvalidValue {
                what: Entity::Minutes,
                value: format!("({} characters)", text.chars().count()),
                expected: Expected::with(Msg::ExpectedAtMostChars, &[&MAX_TEXT.to_string()]),
            }
            .into());
        }
        let text = crate::model::clean_text(text);
        let text = text.as_str();
        let actor = self.actor.clone();
        self.write(|tx| {
            check_version(tx, "agenda_item", Entity::AgendaItem, item_id, expected_version)?;
            let before = snapshot(tx, "agenda_item", "id = ?1", &[&item_id])?;
            let text = if text.trim().is_empty() { None } else { Some(text) };
            tx.execute(
                "UPDATE agenda_item SET minutes = ?2, minutes_author = ?3, minutes_at = ?4,
                   status = CASE WHEN status = 'pending' AND ?2 IS NOT NULL THEN 'discussed' ELSE status END,
                   version = version + 1 WHERE id = ?1",
                params![item_id, text, actor.login, now_stamp()],
            )?;
            reindex_agenda(tx, item_id)?;
            audited(tx, &actor, "update", "agenda_item", item_id, before)?;
            Ok(tx.query_row("SELECT version FROM agenda_item WHERE id = ?1", [item_id], |r| r.get(0))?)
        })
    }

    pub fn set_attendance(
        &mut self,
        session_id: i64,
        person_id: i64,
        presence: Presence,
    ) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| {
            exists(tx, "session", Entity::Session, session_id)?;
            exists(tx, "person", Entity::Person, person_id)?;
            let before = snapshot(
                tx,
                "attendance",
                "session_id = ?1 AND person_id = ?2",
                &[&session_id, &person_id],
            )?;
            tx.execute(
                // Marked in the room again: back after leaving.
                "INSERT INTO attendance(session_id, person_id, presence) VALUES (?1, ?2, ?3)
                 ON CONFLICT(session_id, person_id) DO UPDATE SET presence = excluded.presence,
                 left_at = CASE WHEN excluded.presence IN ('present', 'late', 'remote')
                                THEN NULL ELSE left_at END",
                params![session_id, person_id, presence.code()],
            )?;
            let after = snapshot(
                tx,
                "attendance",
                "session_id = ?1 AND person_id = ?2",
                &[&session_id, &person_id],
            )?;
            record(
                tx,
                &actor,
                if before.is_some() { "update" } else { "insert" },
                "attendance",
                Some(session_id),
                before.as_deref(),
                after.as_deref(),
            )
        })
    }

    pub fn add_guest(
        &mut self,
        session_id: i64,
        name: &str,
        organization: Option<String>,
    ) -> Result<i64> {
        self.add_guest_with_email(session_id, name, organization, None)
    }

    /// A guest with the mail address their invitation goes to.
    pub fn add_guest_with_email(
        &mut self,
        session_id: i64,
        name: &str,
        organization: Option<String>,
        email: Option<String>,
    ) -> Result<i64> {
        let name = check_text(Entity::GuestName, name, MAX_TITLE)?;
        let actor = self.actor.clone();
        self.write(|tx| {
            exists(tx, "session", Entity::Session, session_id)?;
            tx.execute(
                "INSERT INTO guest(session_id, name, organization, email) VALUES (?1, ?2, ?3, ?4)",
                params![session_id, name, opt_text(&organization), opt_text(&email)],
            )?;
            let id = tx.last_insert_rowid();
            audited(tx, &actor, "insert", "guest", id, None)?;
            Ok(id)
        })
    }

    /// Records a resolution; its number comes from the body's format and sequence.
    /// Per-member votes, when given, also set the tally.
    pub fn add_resolution(&mut self, r: &NewResolution) -> Result<Resolution> {
        let prepared = self.prepare_resolution(r)?;
        let actor = self.actor.clone();
        let id = self.write(|tx| insert_resolution(tx, &actor, &prepared, None))?;
        self.resolution(id)
    }

    /// Checks a resolution before it is written (in [`insert_resolution`], possibly in
    /// a larger transaction): its text, session and tally.
    pub(crate) fn prepare_resolution(&self, r: &NewResolution) -> Result<PreparedResolution> {
        let text = check_text(Entity::ResolutionText, &r.text, MAX_TEXT)?;
        let body = self.body(r.body_id)?;
        let session = match r.session_id {
            Some(s) => Some(self.session(s)?),
            None => None,
        };
        if let Some(s) = &session {
            if s.body_id != r.body_id {
                return Err(StoreError::Refused(Refusal::SessionOfOtherBody {
                    session: s.id,
                    body: r.body_id,
                }));
            }
        }
        let tally = if r.votes.is_empty() {
            r.tally.clone()
        } else {
            let count = |v: Vote| r.votes.iter().filter(|(_, x)| *x == v).count() as i64;
            Some(Tally {
                yes: count(Vote::Yes),
                no: count(Vote::No),
                abstain: count(Vote::Abstain),
            })
        };
        if let Some(t) = &tally {
            if t.yes < 0 || t.no < 0 || t.abstain < 0 {
                return Err(InvalidValue {
                    what: Entity::VoteTally,
                    value: format!("{}/{}/{}", t.yes, t.no, t.abstain),
                    expected: Expected::msg(Msg::ExpectedCounts),
                }
                .into());
            }
        }
        let created_on = r
            .created_on
            .or(session.as_ref().map(|s| s.date))
            .unwrap_or_else(today);
        let number = r
            .number
            .as_deref()
            .map(crate::model::numbering::check_resolution_number)
            .transpose()?;
        Ok(PreparedResolution {
            r: r.clone(),
            text,
            body,
            session,
            tally,
            created_on,
            number,
        })
    }

    pub fn set_resolution_status(&mut self, id: i64, status: WorkStatus) -> Result<Resolution> {
        let actor = self.actor.clone();
        self.write(|tx| {
            exists(tx, "resolution", Entity::Resolution, id)?;
            let before = snapshot(tx, "resolution", "id = ?1", &[&id])?;
            tx.execute(
                "UPDATE resolution SET status = ?2, version = version + 1 WHERE id = ?1",
                params![id, status.code()],
            )?;
            audited(tx, &actor, "update", "resolution", id, before)
        })?;
        self.resolution(id)
    }

    /// Records the follow-up of a resolution (its status and a note) as an update linked
    /// to the session that reviewed it when there is one. A save over a version someone
    /// else wrote meanwhile is refused as a conflict when `expected_version` is given.
    pub fn update_resolution(&mut self, p: &ResolutionProgress) -> Result<Resolution> {
        let note = check_note(&p.note)?;
        let actor = self.actor.clone();
        let on = p.on.unwrap_or_else(today);
        self.write(|tx| {
            check_version(
                tx,
                "resolution",
                Entity::Resolution,
                p.resolution_id,
                p.expected_version,
            )?;
            if let Some(s) = p.session_id {
                exists(tx, "session", Entity::Session, s)?;
            }
            let before = snapshot(tx, "resolution", "id = ?1", &[&p.resolution_id])?;
            let old_status: String = tx.query_row(
                "SELECT status FROM resolution WHERE id = ?1",
                [p.resolution_id],
                |r| r.get(0),
            )?;
            let status = p.status.unwrap_or(WorkStatus::parse(&old_status)?);
            tx.execute(
                "UPDATE resolution SET status = ?2, version = version + 1 WHERE id = ?1",
                params![p.resolution_id, status.code()],
            )?;
            tx.execute(
                "INSERT INTO resolution_update(resolution_id, session_id, status, note, author, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    p.resolution_id,
                    p.session_id,
                    status.code(),
                    note.as_str(),
                    actor.login,
                    stamp(on)
                ],
            )?;
            audited(tx, &actor, "update", "resolution", p.resolution_id, before)
        })?;
        self.resolution(p.resolution_id)
    }

    /// Creates a follow-up task. Its body is the given one, or its resolution's, or its
    /// agenda item's session's.
    pub fn add_task(&mut self, t: &NewTask) -> Result<i64> {
        let actor = self.actor.clone();
        self.write(|tx| insert_task(tx, &actor, t))
    }

    /// Records progress on a task (status, percent, note), as an update linked to the
    /// session that reviewed it when there is one.
    pub fn update_task(&mut self, p: &TaskProgress) -> Result<Task> {
        if let Some(pc) = p.percent {
            if !(0..=100).contains(&pc) {
                return Err(InvalidValue {
                    what: Entity::PercentDone,
                    value: pc.to_string(),
                    expected: Expected::msg(Msg::ExpectedPercent),
                }
                .into());
            }
        }
        let note = check_note(&p.note)?;
        let actor = self.actor.clone();
        let on = p.on.unwrap_or_else(today);
        self.write(|tx| {
            check_version(tx, "task", Entity::Task, p.task_id, p.expected_version)?;
            if let Some(s) = p.session_id {
                exists(tx, "session", Entity::Session, s)?;
            }
            let before = snapshot(tx, "task", "id = ?1", &[&p.task_id])?;
            let (old_status, old_percent): (String, i64) = tx.query_row(
                "SELECT status, percent FROM task WHERE id = ?1",
                [p.task_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let status = p.status.unwrap_or(WorkStatus::parse(&old_status)?);
            let mut percent = p.percent.unwrap_or(old_percent);
            if status == WorkStatus::Done {
                percent = 100;
            }
            let status = if status == WorkStatus::Open && percent > 0 {
                WorkStatus::InProgress
            } else {
                status
            };
            let done_on = (status == WorkStatus::Done).then(|| on.to_string());
            tx.execute(
                "UPDATE task SET status = ?2, percent = ?3, done_on = ?4, due = coalesce(?5, due),
                 version = version + 1 WHERE id = ?1",
                params![
                    p.task_id,
                    status.code(),
                    percent,
                    done_on,
                    p.due.map(|d| d.to_string())
                ],
            )?;
            tx.execute(
                "INSERT INTO task_update(task_id, session_id, status, percent, note, author, at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    p.task_id,
                    p.session_id,
                    status.code(),
                    percent,
                    note.as_str(),
                    actor.login,
                    stamp(on)
                ],
            )?;
            audited(tx, &actor, "update", "task", p.task_id, before)
        })?;
        self.task(p.task_id)
    }
}

/// Inserts a membership after checking the body, the person and that the person has
/// no overlapping membership in the body.
fn insert_membership(tx: &Transaction, actor: &Actor, m: &NewMembership) -> Result<i64> {
    exists(tx, "body", Entity::Body, m.body_id)?;
    exists(tx, "person", Entity::Person, m.person_id)?;
    // Two memberships of one person in one body may not overlap in time.
    let overlapping: Option<(i64, String)> = tx
        .query_row(
            "SELECT id, role FROM membership WHERE body_id = ?1 AND person_id = ?2
               AND coalesce(term_start, '0000-01-01') <= coalesce(?4, '9999-12-31')
               AND coalesce(term_end, '9999-12-31') >= coalesce(?3, '0000-01-01')",
            params![
                m.body_id,
                m.person_id,
                m.term_start.map(|d| d.to_string()),
                m.term_end.map(|d| d.to_string())
            ],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    if let Some((id, role)) = overlapping {
        return Err(StoreError::Refused(Refusal::OverlappingMembership {
            person: m.person_id,
            role,
            body: m.body_id,
            membership: id,
        }));
    }
    tx.execute(
        "INSERT INTO membership(body_id, person_id, role, voting, term_start, term_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            m.body_id,
            m.person_id,
            m.role.code(),
            m.voting,
            m.term_start.map(|d| d.to_string()),
            m.term_end.map(|d| d.to_string())
        ],
    )?;
    let id = tx.last_insert_rowid();
    audited(tx, actor, "insert", "membership", id, None)?;
    Ok(id)
}

fn reindex_agenda(tx: &Transaction, id: i64) -> Result<()> {
    let (title, minutes, body_id): (String, Option<String>, i64) = tx.query_row(
        "SELECT a.title, a.minutes, s.body_id FROM agenda_item a JOIN session s ON s.id = a.session_id WHERE a.id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let text = match minutes {
        Some(m) => format!("{title}\n{m}"),
        None => title,
    };
    index_entry(tx, SearchKind::Agenda, id, body_id, &text)
}

/// The session's status now, when it may go from it to `to` (else the refusal).
pub(super) fn check_transition(
    tx: &Transaction,
    id: i64,
    to: SessionStatus,
) -> Result<SessionStatus> {
    let from: Option<String> = tx
        .query_row("SELECT status FROM session WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    let Some(from) = from else {
        return Err(StoreError::NotFound {
            what: Entity::Session,
            key: id.to_string(),
        });
    };
    let from = SessionStatus::parse(&from)?;
    use SessionStatus::*;
    let allowed = matches!(
        (from, to),
        (Planned, Open)
            | (Planned, Cancelled)
            | (Open, Closed)
            | (Open, Planned)
            | (Closed, Open)
            | (Closed, Approved)
            | (Cancelled, Planned)
    );
    if !allowed {
        return Err(StoreError::Refused(Refusal::SessionTransition { from, to }));
    }
    Ok(from)
}

/// The title of the standing review item, in the body's own language.
/// A session's agenda read inside a write, in position order.
fn session_agenda(tx: &Transaction, session_id: i64) -> Result<Vec<AgendaItem>> {
    let mut stmt = tx.prepare_cached(&format!(
        "SELECT {} FROM agenda_item a WHERE a.session_id = ?1 ORDER BY a.position, a.id",
        super::read::AGENDA_COLS
    ))?;
    let rows = stmt.query_map([session_id], |r| super::read::agenda_from(r, 0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The agenda of the session an item is on; not found when there is no such item.
fn agenda_of_item(tx: &Transaction, id: i64) -> Result<Vec<AgendaItem>> {
    let session: i64 = tx
        .query_row(
            "SELECT session_id FROM agenda_item WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(StoreError::NotFound {
            what: Entity::AgendaItem,
            key: id.to_string(),
        })?;
    session_agenda(tx, session)
}

/// Writes an arranged agenda: positions 1, 2, 3… in the order given, each item's
/// section as given; only the items that change are written (and audited).
fn apply_order(
    tx: &Transaction,
    actor: &Actor,
    items: &[AgendaItem],
    order: &[crate::model::agenda::Placement],
) -> Result<()> {
    let placed: Vec<(i64, Option<i64>, i64)> = order
        .iter()
        .enumerate()
        .map(|(i, (id, parent))| (*id, *parent, i as i64 + 1))
        .collect();
    apply_positions(tx, actor, items, &placed)
}

/// Sets (item, section, position) where they differ from what `items` holds, one
/// audited update per item changed.
fn apply_positions(
    tx: &Transaction,
    actor: &Actor,
    items: &[AgendaItem],
    placed: &[(i64, Option<i64>, i64)],
) -> Result<()> {
    for (id, parent, position) in placed {
        let Some(item) = items.iter().find(|i| i.id == *id) else {
            continue;
        };
        if item.position == *position && item.parent_id == *parent {
            continue;
        }
        let before = snapshot(tx, "agenda_item", "id = ?1", &[id])?;
        tx.execute(
            "UPDATE agenda_item SET position = ?2, parent_id = ?3, version = version + 1 WHERE id = ?1",
            params![id, position, parent],
        )?;
        audited(tx, actor, "update", "agenda_item", *id, before)?;
    }
    Ok(())
}

/// Records the signatories of a members' proposal, each row audited.
pub(crate) fn add_signatories(
    tx: &Transaction,
    actor: &Actor,
    item: i64,
    people: &[i64],
) -> Result<()> {
    for person in people {
        let added = tx.execute(
            "INSERT OR IGNORE INTO agenda_signatory(agenda_item_id, person_id) VALUES (?1, ?2)",
            [item, *person],
        )?;
        if added == 0 {
            continue;
        }
        let after = snapshot(
            tx,
            "agenda_signatory",
            "agenda_item_id = ?1 AND person_id = ?2",
            &[&item, person],
        )?;
        record(
            tx,
            actor,
            "insert",
            "agenda_signatory",
            Some(item),
            None,
            after.as_deref(),
        )?;
    }
    Ok(())
}

/// A new session's agenda in the body's standing order: the opening items (the
/// template; then the review of open resolutions and tasks, which reviews what the
/// opening formalities lead to), the items of the previous session deferred or not
/// reached (with their kind, urgency and signatories; a sub-item under a copy of its
/// section, a section carried only for the sub-items it still holds), then the closing
/// items (adjournment).
fn prepare_agenda(
    tx: &Transaction,
    actor: &Actor,
    body: &Body,
    session: i64,
    previous: Option<i64>,
    review_title: &str,
) -> Result<()> {
    struct Planned {
        title: String,
        presenter: Option<String>,
        carried: Option<i64>,
        review: bool,
        standing: Option<Standing>,
        kind: ItemKind,
        urgency: Option<Urgency>,
        /// The planned section it goes under (its index in the plan).
        parent: Option<usize>,
    }
    let standing = |title: &str, s: Standing| Planned {
        title: title.to_string(),
        presenter: None,
        carried: None,
        review: false,
        standing: Some(s),
        kind: ItemKind::Item,
        urgency: None,
        parent: None,
    };
    let mut plan: Vec<Planned> = body
        .agenda_template
        .iter()
        .map(|t| standing(t, Standing::Opening))
        .collect();
    let has_open: bool = tx.query_row(
        "SELECT EXISTS(SELECT 1 FROM resolution WHERE body_id = ?1 AND status IN ('open','in_progress'))
             OR EXISTS(SELECT 1 FROM task WHERE body_id = ?1 AND status IN ('open','in_progress'))",
        [body.id],
        |r| r.get(0),
    )?;
    if has_open {
        plan.push(Planned {
            review: true,
            ..standing(review_title, Standing::Opening)
        });
    }
    if let Some(prev) = previous {
        let mut stmt = tx.prepare(
            "SELECT a.id, a.title, a.presenter, a.kind, a.urgency, p.id, p.title FROM agenda_item a
             LEFT JOIN agenda_item p ON p.id = a.parent_id AND p.kind = 'section' AND p.standing IS NULL
             WHERE a.session_id = ?1 AND a.is_review = 0 AND a.standing IS NULL AND a.kind <> 'section'
               AND a.status IN ('pending','deferred') ORDER BY a.position, a.id",
        )?;
        // (id, title, presenter, kind, urgency, its section's id and title) of each item
        // carried over.
        type Carried = (
            i64,
            String,
            Option<String>,
            String,
            Option<String>,
            Option<i64>,
            Option<String>,
        );
        let carried: Vec<Carried> = stmt
            .query_map([prev], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?;
        for (from, title, presenter, kind, urgency, section, section_title) in carried {
            if body.agenda_template.contains(&title) || body.agenda_closing.contains(&title) {
                continue;
            }
            let parent = match (section, section_title) {
                (Some(sid), Some(stitle)) => Some(
                    match plan
                        .iter()
                        .position(|p| p.carried == Some(sid) && p.kind == ItemKind::Section)
                    {
                        Some(i) => i,
                        None => {
                            plan.push(Planned {
                                title: stitle,
                                presenter: None,
                                carried: Some(sid),
                                review: false,
                                standing: None,
                                kind: ItemKind::Section,
                                urgency: None,
                                parent: None,
                            });
                            plan.len() - 1
                        }
                    },
                ),
                _ => None,
            };
            plan.push(Planned {
                title,
                presenter,
                carried: Some(from),
                review: false,
                standing: None,
                kind: ItemKind::parse(&kind)?,
                urgency: urgency.as_deref().map(Urgency::parse).transpose()?,
                parent,
            });
        }
    }
    plan.extend(
        body.agenda_closing
            .iter()
            .map(|t| standing(t, Standing::Closing)),
    );
    let mut ids: Vec<i64> = Vec::with_capacity(plan.len());
    for (i, p) in plan.iter().enumerate() {
        let parent_id = p.parent.and_then(|at| ids.get(at).copied());
        tx.execute(
            "INSERT INTO agenda_item(session_id, position, title, presenter, status, carried_from, is_review, standing, kind, urgency, parent_id)
             VALUES (?1, ?2, ?3, ?4, 'pending', ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                session,
                i as i64 + 1,
                p.title,
                p.presenter,
                p.carried,
                p.review,
                p.standing.map(|s| s.code()),
                p.kind.code(),
                p.urgency.map(|u| u.code()),
                parent_id
            ],
        )?;
        let item = tx.last_insert_rowid();
        ids.push(item);
        index_entry(tx, SearchKind::Agenda, item, body.id, &p.title)?;
        audited(tx, actor, "insert", "agenda_item", item, None)?;
        if let (Some(from), false) = (p.carried, p.kind == ItemKind::Section) {
            let mut stmt = tx.prepare(
                "SELECT person_id FROM agenda_signatory WHERE agenda_item_id = ?1 ORDER BY person_id",
            )?;
            let people: Vec<i64> = stmt
                .query_map([from], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            add_signatories(tx, actor, item, &people)?;
        }
    }
    Ok(())
}

pub fn review_item_title(body: &Body) -> String {
    if body.name.fa.is_some() {
        "بررسی پیشرفت مصوبات و پیگیری‌های جلسات قبل".to_string()
    } else {
        "Review of previous resolutions and follow-up tasks".to_string()
    }
}

/// Accepts `HH:MM` (24-hour), with Latin or Persian digits; returns it normalized.
pub fn check_time(t: &str) -> Result<String> {
    let latin = crate::locale::digits::to_latin_digits(t.trim());
    let bad = || InvalidValue {
        what: Entity::Time,
        value: t.to_string(),
        expected: Expected::msg(Msg::ExpectedTime),
    };
    let (h, m) = latin.split_once(':').ok_or_else(bad)?;
    let h: u32 = h.parse().map_err(|_| bad())?;
    let m: u32 = m.parse().map_err(|_| bad())?;
    if h > 23 || m > 59 || latin.len() > 5 {
        return Err(bad().into());
    }
    Ok(format!("{h:02}:{m:02}"))
}

/// A resolution checked by [`Store::prepare_resolution`], ready to insert.
#[derive(Debug)]
pub struct PreparedResolution {
    r: NewResolution,
    text: String,
    body: Body,
    session: Option<Session>,
    tally: Option<Tally>,
    created_on: NaiveDate,
    /// The number given by hand, checked.
    number: Option<String>,
}

/// Inserts a prepared resolution (number, votes, search entry, audit) in `tx`.
pub(crate) fn insert_resolution(
    tx: &Transaction,
    actor: &Actor,
    p: &PreparedResolution,
    motion_id: Option<i64>,
) -> Result<i64> {
    let r = &p.r;
    if let Some(item) = r.agenda_item_id {
        let owner: Option<(i64, i64)> = tx
            .query_row(
                "SELECT a.session_id, s.body_id FROM agenda_item a JOIN session s ON s.id = a.session_id WHERE a.id = ?1",
                [item],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        let Some((item_session, item_body)) = owner else {
            return Err(StoreError::NotFound {
                what: Entity::AgendaItem,
                key: item.to_string(),
            });
        };
        if r.session_id.is_some_and(|s| s != item_session) || item_body != r.body_id {
            return Err(StoreError::Refused(Refusal::ItemOfOtherSession {
                item,
                session: item_session,
            }));
        }
    }
    let seq: i64 = tx.query_row(
        "SELECT coalesce(max(seq), 0) + 1 FROM resolution WHERE body_id = ?1",
        [r.body_id],
        |row| row.get(0),
    )?;
    // A number given by hand stands as given; the sequence advances all the same.
    let number = match &p.number {
        Some(n) => n.clone(),
        None => {
            let term = match &p.session {
                Some(s) => s.term_number,
                None => super::numbering::term_number_on(tx, r.body_id, p.created_on)?,
            };
            format_resolution_number(
                &p.body.resolution_format,
                &NumberParts {
                    seq,
                    session: p.session.as_ref().map(Session::shown_number),
                    term,
                    date: p.created_on,
                    fiscal_year: p.body.fiscal_year,
                },
            )
        }
    };
    super::numbering::resolution_number_free(tx, r.body_id, &number)?;
    let status = match r.decision {
        Decision::Adopted => WorkStatus::Open,
        _ => WorkStatus::Cancelled,
    };
    let tally = &p.tally;
    tx.execute(
        "INSERT INTO resolution(body_id, session_id, agenda_item_id, seq, number, text, decision,
           votes_yes, votes_no, votes_abstain, status, owner, due, created_on, motion_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        params![
            r.body_id,
            r.session_id,
            r.agenda_item_id,
            seq,
            number,
            p.text,
            r.decision.code(),
            tally.as_ref().map(|t| t.yes),
            tally.as_ref().map(|t| t.no),
            tally.as_ref().map(|t| t.abstain),
            status.code(),
            opt_text(&r.owner),
            r.due.map(|d| d.to_string()),
            p.created_on.to_string(),
            motion_id
        ],
    )?;
    let id = tx.last_insert_rowid();
    for (person, vote) in &r.votes {
        exists(tx, "person", Entity::Person, *person)?;
        tx.execute(
            "INSERT INTO vote(resolution_id, person_id, vote) VALUES (?1, ?2, ?3)
             ON CONFLICT(resolution_id, person_id) DO UPDATE SET vote = excluded.vote",
            params![id, person, vote.code()],
        )?;
    }
    index_entry(
        tx,
        SearchKind::Resolution,
        id,
        r.body_id,
        &format!("{number} {}", p.text),
    )?;
    audited(tx, actor, "insert", "resolution", id, None)?;
    Ok(id)
}
