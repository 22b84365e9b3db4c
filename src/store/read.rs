//! Reads: rows mapped to model types, and the listings the views and commands use.
//! Statements are short: nothing here keeps a read transaction open.

use chrono::NaiveDate;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, Row};
use serde::Serialize;

use super::{Refusal, Result, Store, StoreError};
use crate::locale::strings::Msg;
use crate::model::rules::{MeetingRule, QuorumRule};
use crate::model::*;

/// Registers the `fa` collation (Persian alphabetical order through ICU4X) and `norm`.
pub fn register_functions(conn: &Connection) -> Result<()> {
    let collator = crate::locale::collate::persian_collator();
    conn.create_collation("fa", move |a, b| collator.compare(a, b))?;
    Ok(())
}

fn conv_err(idx: usize, msg: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        idx,
        rusqlite::types::Type::Text,
        Box::new(InvalidValue {
            what: Entity::StoredValue,
            value: msg,
            expected: Expected::msg(Msg::ExpectedStoredValue),
        }),
    )
}

/// Reads a stored `YYYY-MM-DD` date: the digits directly (chrono's format parser is
/// most of the cost of reading many rows), else chrono's parser.
pub(crate) fn iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        b.get(r)?.iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    if b.len() == 10 && b[4] == b'-' && b[7] == b'-' {
        if let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) {
            return NaiveDate::from_ymd_opt(y as i32, m, d);
        }
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

pub(crate) fn date_at(r: &Row, idx: usize) -> rusqlite::Result<NaiveDate> {
    let s: String = r.get(idx)?;
    iso_date(&s).ok_or_else(|| conv_err(idx, s))
}

pub(crate) fn opt_date_at(r: &Row, idx: usize) -> rusqlite::Result<Option<NaiveDate>> {
    let s: Option<String> = r.get(idx)?;
    match s {
        None => Ok(None),
        Some(s) if s.is_empty() => Ok(None),
        Some(s) => iso_date(&s).map(Some).ok_or_else(|| conv_err(idx, s)),
    }
}

/// Reads a coded enum column.
pub(crate) fn code_at<T>(
    r: &Row,
    idx: usize,
    parse: fn(&str) -> std::result::Result<T, InvalidValue>,
) -> rusqlite::Result<T> {
    let s: String = r.get(idx)?;
    parse(&s).map_err(|e| conv_err(idx, e.to_string()))
}

pub(crate) fn opt_code_at<T>(
    r: &Row,
    idx: usize,
    parse: fn(&str) -> std::result::Result<T, InvalidValue>,
) -> rusqlite::Result<Option<T>> {
    let s: Option<String> = r.get(idx)?;
    s.map(|s| parse(&s).map_err(|e| conv_err(idx, e.to_string())))
        .transpose()
}

pub const PERSON_COLS: &str = "p.id, p.name_fa, p.name_en, p.login, p.organization, p.email";
pub(crate) fn person_from(r: &Row, o: usize) -> rusqlite::Result<Person> {
    Ok(Person {
        id: r.get(o)?,
        name: Name::new(r.get(o + 1)?, r.get(o + 2)?),
        login: r.get(o + 3)?,
        organization: r.get(o + 4)?,
        email: r.get(o + 5)?,
    })
}

pub const BODY_COLS: &str = "b.id, b.name_fa, b.name_en, b.kind, b.parent_id, b.quorum_rule, b.meeting_rule, b.resolution_format, b.agenda_template, b.confidential, b.formed_on, b.version, b.voting_rule, b.second_required, b.number_rejected, b.agenda_closing, b.number_per_term, b.fiscal_year, b.signing, b.law_profile, b.absence_rule";
/// A body read inside a write's transaction.
pub(crate) fn body_in(tx: &rusqlite::Connection, id: i64) -> Result<Body> {
    tx.prepare_cached(&format!("SELECT {BODY_COLS} FROM body b WHERE b.id = ?1"))?
        .query_row([id], |r| body_from(r, 0))
        .optional()?
        .ok_or(StoreError::NotFound {
            what: Entity::Body,
            key: id.to_string(),
        })
}

fn body_from(r: &Row, o: usize) -> rusqlite::Result<Body> {
    let template: String = r.get(o + 8)?;
    Ok(Body {
        id: r.get(o)?,
        name: Name::new(r.get(o + 1)?, r.get(o + 2)?),
        kind: code_at(r, o + 3, BodyKind::parse)?,
        parent_id: r.get(o + 4)?,
        quorum: code_at(r, o + 5, QuorumRule::parse)?,
        meeting_rule: code_at(r, o + 6, MeetingRule::parse)?,
        resolution_format: r.get(o + 7)?,
        agenda_template: template
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
        confidential: r.get(o + 9)?,
        formed_on: opt_date_at(r, o + 10)?,
        version: r.get(o + 11)?,
        procedure: crate::model::voting::Procedure {
            voting_rule: code_at(r, o + 12, crate::model::voting::VotingRule::parse)?,
            second_required: r.get(o + 13)?,
            number_rejected: r.get(o + 14)?,
        },
        agenda_closing: r
            .get::<_, String>(o + 15)?
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect(),
        number_per_term: r.get(o + 16)?,
        fiscal_year: code_at(r, o + 17, crate::model::rules::FiscalYear::parse)?,
        signing: code_at(r, o + 18, Signing::parse)?,
        law_profile: r.get(o + 19)?,
        absence_rule: code_at(r, o + 20, crate::model::rules::AbsenceRule::parse)?,
    })
}

pub const SESSION_COLS: &str = "s.id, s.body_id, s.number, s.kind, s.date, s.start_time, s.end_time, s.place, s.status, s.approved_by, s.approved_at, s.approved_audit_head, s.version, s.term_id, s.number_in_term, (SELECT t.number FROM term t WHERE t.id = s.term_id)";
/// How many columns [`SESSION_COLS`] has (the columns after it start here).
pub const SESSION_NCOLS: usize = 16;
fn session_from(r: &Row, o: usize) -> rusqlite::Result<Session> {
    Ok(Session {
        id: r.get(o)?,
        body_id: r.get(o + 1)?,
        number: r.get(o + 2)?,
        kind: code_at(r, o + 3, SessionKind::parse)?,
        date: date_at(r, o + 4)?,
        start_time: r.get(o + 5)?,
        end_time: r.get(o + 6)?,
        place: r.get(o + 7)?,
        status: code_at(r, o + 8, SessionStatus::parse)?,
        approved_by: r.get(o + 9)?,
        approved_at: r.get(o + 10)?,
        approved_audit_head: r.get(o + 11)?,
        version: r.get(o + 12)?,
        term_id: r.get(o + 13)?,
        number_in_term: r.get(o + 14)?,
        term_number: r.get(o + 15)?,
    })
}

pub const AGENDA_COLS: &str = "a.id, a.session_id, a.position, a.title, a.presenter, a.duration_min, a.status, a.carried_from, a.is_review, a.minutes, a.minutes_author, a.minutes_at, a.version, a.consent, a.closed, a.parent_id, a.kind, a.urgency, a.standing";
pub(crate) fn agenda_from(r: &Row, o: usize) -> rusqlite::Result<AgendaItem> {
    Ok(AgendaItem {
        id: r.get(o)?,
        session_id: r.get(o + 1)?,
        position: r.get(o + 2)?,
        title: r.get(o + 3)?,
        presenter: r.get(o + 4)?,
        duration_min: r.get(o + 5)?,
        status: code_at(r, o + 6, AgendaStatus::parse)?,
        carried_from: r.get(o + 7)?,
        is_review: r.get(o + 8)?,
        minutes: r.get(o + 9)?,
        minutes_author: r.get(o + 10)?,
        minutes_at: r.get(o + 11)?,
        version: r.get(o + 12)?,
        consent: r.get(o + 13)?,
        closed: r.get(o + 14)?,
        parent_id: r.get(o + 15)?,
        kind: code_at(r, o + 16, ItemKind::parse)?,
        urgency: opt_code_at(r, o + 17, Urgency::parse)?,
        standing: opt_code_at(r, o + 18, Standing::parse)?,
    })
}

pub const RESOLUTION_COLS: &str = "r.id, r.body_id, r.session_id, r.agenda_item_id, r.seq, r.number, r.text, r.decision, r.votes_yes, r.votes_no, r.votes_abstain, r.status, r.owner, r.due, r.created_on, r.version";
pub(crate) fn resolution_from(r: &Row, o: usize) -> rusqlite::Result<Resolution> {
    let yes: Option<i64> = r.get(o + 8)?;
    let no: Option<i64> = r.get(o + 9)?;
    let abstain: Option<i64> = r.get(o + 10)?;
    Ok(Resolution {
        id: r.get(o)?,
        body_id: r.get(o + 1)?,
        session_id: r.get(o + 2)?,
        agenda_item_id: r.get(o + 3)?,
        seq: r.get(o + 4)?,
        number: r.get(o + 5)?,
        text: r.get(o + 6)?,
        decision: code_at(r, o + 7, Decision::parse)?,
        tally: match (yes, no, abstain) {
            (None, None, None) => None,
            (y, n, a) => Some(Tally {
                yes: y.unwrap_or(0),
                no: n.unwrap_or(0),
                abstain: a.unwrap_or(0),
            }),
        },
        status: code_at(r, o + 11, WorkStatus::parse)?,
        owner: r.get(o + 12)?,
        due: opt_date_at(r, o + 13)?,
        created_on: date_at(r, o + 14)?,
        version: r.get(o + 15)?,
    })
}

pub const TASK_COLS: &str = "t.id, t.body_id, t.resolution_id, t.agenda_item_id, t.title, t.assignee_id, t.assignee_unit, t.due, t.status, t.priority, t.percent, t.done_on, t.created_on, t.version";
fn task_from(r: &Row, o: usize) -> rusqlite::Result<Task> {
    Ok(Task {
        id: r.get(o)?,
        body_id: r.get(o + 1)?,
        resolution_id: r.get(o + 2)?,
        agenda_item_id: r.get(o + 3)?,
        title: r.get(o + 4)?,
        assignee_id: r.get(o + 5)?,
        assignee_unit: r.get(o + 6)?,
        due: opt_date_at(r, o + 7)?,
        status: code_at(r, o + 8, WorkStatus::parse)?,
        priority: code_at(r, o + 9, Priority::parse)?,
        percent: r.get(o + 10)?,
        done_on: opt_date_at(r, o + 11)?,
        created_on: date_at(r, o + 12)?,
        version: r.get(o + 13)?,
    })
}

/// A membership with the person it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemberRow {
    #[serde(flatten)]
    pub membership: Membership,
    pub person: Person,
}

/// A task with the names a listing shows beside it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskRow {
    #[serde(flatten)]
    pub task: Task,
    pub body_name: Name,
    pub assignee_name: Option<Name>,
    pub resolution_number: Option<String>,
}

impl TaskRow {
    /// Who carries the task: the person's name in `lang`, else the unit, else nothing.
    pub fn assignee(&self, lang: crate::locale::Lang) -> String {
        self.assignee_name
            .as_ref()
            .map(|n| n.get(lang).to_string())
            .or_else(|| self.task.assignee_unit.clone())
            .unwrap_or_default()
    }
}

/// A resolution with its body's name and open-task count.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResolutionRow {
    #[serde(flatten)]
    pub resolution: Resolution,
    pub body_name: Name,
    /// The number its session is shown by (in its term, for a body that numbers per term).
    pub session_number: Option<i64>,
    pub open_tasks: i64,
}

/// A session with its body's name.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionRow {
    #[serde(flatten)]
    pub session: Session,
    pub body_name: Name,
}

/// What task listings can be narrowed by. Empty means no narrowing.
#[derive(Debug, Clone, Default)]
pub struct TaskFilter {
    pub body_ids: Option<Vec<i64>>,
    pub statuses: Vec<WorkStatus>,
    /// Only open tasks whose due date is before this day.
    pub overdue_on: Option<NaiveDate>,
    pub assignee_id: Option<i64>,
    pub assignee_unit: Option<String>,
    pub due_before: Option<NaiveDate>,
    pub due_after: Option<NaiveDate>,
    pub resolution_id: Option<i64>,
    /// Words that must occur in the task's text (full-text index, as `shura search`).
    pub text: Option<String>,
    pub order: ListOrder,
    pub limit: Option<i64>,
    pub offset: i64,
}

/// What resolution listings can be narrowed by.
#[derive(Debug, Clone, Default)]
pub struct ResolutionFilter {
    pub body_ids: Option<Vec<i64>>,
    pub statuses: Vec<WorkStatus>,
    pub overdue_on: Option<NaiveDate>,
    pub due_before: Option<NaiveDate>,
    pub due_after: Option<NaiveDate>,
    pub session_id: Option<i64>,
    /// Words that must occur in the resolution's text (full-text index).
    pub text: Option<String>,
    /// Resolutions with at least one open task assigned to this person.
    pub assignee_id: Option<i64>,
    pub order: ListOrder,
    pub limit: Option<i64>,
    pub offset: i64,
}

/// The order of a task or resolution listing. `Default` is each listing's own order:
/// tasks by due date, resolutions newest first.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ListOrder {
    #[default]
    Default,
    DueFirst,
    DueLast,
    Newest,
    Oldest,
}

impl ListOrder {
    pub const ALL: [ListOrder; 5] = [
        ListOrder::Default,
        ListOrder::DueFirst,
        ListOrder::DueLast,
        ListOrder::Newest,
        ListOrder::Oldest,
    ];
}

/// `rowid` range of one kind in the search index (see `search::SearchKind`).
fn text_match_ids(kind: super::search::SearchKind) -> String {
    let (lo, hi) = kind_range(kind);
    format!(
        "(SELECT rowid - {lo} FROM search_index WHERE search_index MATCH ? AND rowid BETWEEN {lo} AND {hi})"
    )
}

fn kind_range(kind: super::search::SearchKind) -> (i64, i64) {
    let lo = (kind as i64) << 40;
    (lo, ((kind as i64 + 1) << 40) - 1)
}

/// Above this many matches of a listing's text, the listing does not read the matching
/// rows one by one (see [`Store::text_filter_term`]).
pub const TEXT_MATCHES_READ_DIRECTLY: i64 = 5_000;

impl Store {
    /// The term narrowing `column` (a task's or resolution's id) to the rows whose text
    /// matches the FTS expression (its one argument). Few matches are read row by row
    /// (`id IN (matches)`). Many are only checked (`+id IN`): a common word matches
    /// 170,000 of a million tasks at scale 1, and SQLite then walks the listing's own
    /// index in order, checks each row against the matches and stops at the page's end,
    /// where it had read every match's row and sorted them all (the first 200 open tasks
    /// matching "budget": 2.7 s cold, 0.3 s warm, against 56 ms). The matches are counted
    /// first, up to the threshold only. A row-by-row check of a narrow listing (`EXISTS
    /// ... rowid = id`) was tried: FTS5 reads a prefix's every match again for each row,
    /// and the last word is always a prefix here (2 s for one body).
    fn text_filter_term(
        &self,
        column: &str,
        kind: super::search::SearchKind,
        expr: &str,
    ) -> String {
        let (lo, hi) = kind_range(kind);
        let many = self
            .conn
            .prepare_cached(
                "SELECT count(*) FROM (SELECT 1 FROM search_index
                 WHERE search_index MATCH ?1 AND rowid BETWEEN ?2 AND ?3 LIMIT ?4)",
            )
            .and_then(|mut st| {
                st.query_row(params![expr, lo, hi, TEXT_MATCHES_READ_DIRECTLY + 1], |r| {
                    r.get::<_, i64>(0)
                })
            })
            // A count that fails leaves the plain form, whose own error is then reported.
            .map(|n| n > TEXT_MATCHES_READ_DIRECTLY)
            .unwrap_or(false);
        let plus = if many { "+" } else { "" };
        format!(" AND {plus}{column} IN {}", text_match_ids(kind))
    }
}

/// Counts rows of a listing up to `cap` (so a count never scans a million rows):
/// returns the count and whether it reached the cap.
fn capped_count(
    conn: &Connection,
    from_where: &str,
    args: Vec<rusqlite::types::Value>,
    cap: i64,
) -> Result<(i64, bool)> {
    let sql = format!(
        "SELECT count(*) FROM (SELECT 1 {from_where} LIMIT {})",
        cap + 1
    );
    let n: i64 = conn
        .prepare_cached(&sql)?
        .query_row(params_from_iter(args), |r| r.get(0))?;
    Ok((n.min(cap), n > cap))
}

fn in_list(col: &str, n: usize) -> String {
    format!("{col} IN ({})", vec!["?"; n].join(","))
}

impl Store {
    pub fn bodies(&self) -> Result<Vec<Body>> {
        let visible = self.visible_sql("b.id");
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {BODY_COLS} FROM body b WHERE 1=1{visible} ORDER BY coalesce(b.parent_id, b.id), b.parent_id IS NOT NULL, b.id"
        ))?;
        let rows = stmt.query_map([], |r| body_from(r, 0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn body(&self, id: i64) -> Result<Body> {
        if self.is_hidden(id) {
            return Err(StoreError::NotFound {
                what: Entity::Body,
                key: id.to_string(),
            });
        }
        self.conn
            .prepare_cached(&format!("SELECT {BODY_COLS} FROM body b WHERE b.id = ?1"))?
            .query_row([id], |r| body_from(r, 0))
            .optional()?
            .ok_or(StoreError::NotFound {
                what: Entity::Body,
                key: id.to_string(),
            })
    }

    /// Finds a body by id, or by its Persian or English name (normalized, exact).
    pub fn find_body(&self, key: &str) -> Result<Body> {
        let key = key.trim();
        let digits = crate::locale::digits::to_latin_digits(key);
        if let Ok(id) = digits.parse::<i64>() {
            return self.body(id).map_err(|_| StoreError::NotFound {
                what: Entity::Body,
                key: key.to_string(),
            });
        }
        let all = self.bodies()?;
        if let Some(b) = all.iter().find(|b| b.name.matches(key)) {
            return Ok(b.clone());
        }
        // A unique prefix or substring of a name is accepted too.
        let needle = crate::locale::normalize::normalize_for_search(key);
        let hits: Vec<&Body> = all
            .iter()
            .filter(|b| {
                [&b.name.fa, &b.name.en].iter().any(|n| {
                    n.as_deref()
                        .map(|n| {
                            crate::locale::normalize::normalize_for_search(n).contains(&needle)
                        })
                        .unwrap_or(false)
                })
            })
            .collect();
        match hits.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(StoreError::NotFound {
                what: Entity::Body,
                key: key.to_string(),
            }),
            many => Err(StoreError::Refused(Refusal::AmbiguousBody {
                key: key.to_string(),
                matches: many.iter().map(|b| (b.name.clone(), b.id)).collect(),
            })),
        }
    }

    /// The body and every body below it in the hierarchy.
    pub fn body_and_descendants(&self, id: i64) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION SELECT b.id FROM body b JOIN sub ON b.parent_id = sub.id)
             SELECT id FROM sub",
        )?;
        let rows = stmt.query_map([id], |r| r.get(0))?;
        let mut ids = rows.collect::<rusqlite::Result<Vec<i64>>>()?;
        ids.retain(|b| !self.is_hidden(*b));
        Ok(ids)
    }

    /// Everyone, but those who belong only to bodies hidden from the user (a person
    /// with no membership yet is listed: set-up needs them).
    pub fn people(&self) -> Result<Vec<Person>> {
        let visible = if self.hidden().is_empty() {
            String::new()
        } else {
            format!(
                " WHERE NOT EXISTS (SELECT 1 FROM membership m WHERE m.person_id = p.id)
                   OR EXISTS (SELECT 1 FROM membership m WHERE m.person_id = p.id{})",
                self.visible_sql("m.body_id")
            )
        };
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {PERSON_COLS} FROM person p{visible} ORDER BY p.id"
        ))?;
        let rows = stmt.query_map([], |r| person_from(r, 0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn person(&self, id: i64) -> Result<Person> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {PERSON_COLS} FROM person p WHERE p.id = ?1"
            ))?
            .query_row([id], |r| person_from(r, 0))
            .optional()?
            .ok_or(StoreError::NotFound {
                what: Entity::Person,
                key: id.to_string(),
            })
    }

    pub fn person_by_login(&self, login: &str) -> Result<Option<Person>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {PERSON_COLS} FROM person p WHERE p.login = ?1"
            ))?
            .query_row([login], |r| person_from(r, 0))
            .optional()?)
    }

    /// Finds a person by id, login, or name.
    pub fn find_person(&self, key: &str) -> Result<Person> {
        let key = key.trim();
        if let Ok(id) = crate::locale::digits::to_latin_digits(key).parse::<i64>() {
            return self.person(id);
        }
        if let Some(p) = self.person_by_login(key)? {
            return Ok(p);
        }
        let people = self.people()?;
        let hits: Vec<&Person> = people.iter().filter(|p| p.name.matches(key)).collect();
        match hits.as_slice() {
            [one] => Ok((*one).clone()),
            [] => Err(StoreError::NotFound {
                what: Entity::Person,
                key: key.to_string(),
            }),
            _ => Err(StoreError::Refused(Refusal::AmbiguousPerson {
                key: key.to_string(),
            })),
        }
    }

    pub fn members(&self, body_id: i64) -> Result<Vec<MemberRow>> {
        if self.is_hidden(body_id) {
            return Ok(Vec::new());
        }
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT m.id, m.body_id, m.person_id, m.role, m.voting, m.term_start, m.term_end, {PERSON_COLS}
             FROM membership m JOIN person p ON p.id = m.person_id WHERE m.body_id = ?1
             ORDER BY CASE m.role WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1 WHEN 'secretary' THEN 2 WHEN 'member' THEN 3 ELSE 4 END, m.id"
        ))?;
        let rows = stmt.query_map([body_id], |r| {
            Ok(MemberRow {
                membership: Membership {
                    id: r.get(0)?,
                    body_id: r.get(1)?,
                    person_id: r.get(2)?,
                    role: code_at(r, 3, Role::parse)?,
                    voting: r.get(4)?,
                    term_start: opt_date_at(r, 5)?,
                    term_end: opt_date_at(r, 6)?,
                },
                person: person_from(r, 7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Memberships of one person, with the bodies.
    pub fn memberships_of(&self, person_id: i64) -> Result<Vec<(Membership, Body)>> {
        let visible = self.visible_sql("b.id");
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT m.id, m.body_id, m.person_id, m.role, m.voting, m.term_start, m.term_end, {BODY_COLS}
             FROM membership m JOIN body b ON b.id = m.body_id WHERE m.person_id = ?1{visible} ORDER BY b.id"
        ))?;
        let rows = stmt.query_map([person_id], |r| {
            Ok((
                Membership {
                    id: r.get(0)?,
                    body_id: r.get(1)?,
                    person_id: r.get(2)?,
                    role: code_at(r, 3, Role::parse)?,
                    voting: r.get(4)?,
                    term_start: opt_date_at(r, 5)?,
                    term_end: opt_date_at(r, 6)?,
                },
                body_from(r, 7)?,
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn sessions(
        &self,
        body_ids: Option<&[i64]>,
        statuses: &[SessionStatus],
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        limit: Option<i64>,
    ) -> Result<Vec<SessionRow>> {
        let mut sql = format!(
            "SELECT {SESSION_COLS}, b.name_fa, b.name_en FROM session s JOIN body b ON b.id = s.body_id WHERE 1=1{}",
            self.visible_sql("s.body_id")
        );
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        if let Some(ids) = body_ids {
            sql.push_str(&format!(" AND {}", in_list("s.body_id", ids.len())));
            args.extend(ids.iter().map(|i| (*i).into()));
        }
        if !statuses.is_empty() {
            sql.push_str(&format!(" AND {}", in_list("s.status", statuses.len())));
            args.extend(statuses.iter().map(|s| s.code().to_string().into()));
        }
        if let Some(f) = from {
            sql.push_str(" AND s.date >= ?");
            args.push(f.to_string().into());
        }
        if let Some(t) = to {
            sql.push_str(" AND s.date <= ?");
            args.push(t.to_string().into());
        }
        sql.push_str(" ORDER BY s.date DESC, s.id DESC");
        if let Some(l) = limit {
            sql.push_str(&format!(" LIMIT {l}"));
        }
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), |r| {
            Ok(SessionRow {
                session: session_from(r, 0)?,
                body_name: Name::new(r.get(SESSION_NCOLS)?, r.get(SESSION_NCOLS + 1)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Planned and open sessions from `today` on, of the bodies `person_id` belongs to
    /// (a membership whose term has not ended), soonest first.
    pub fn upcoming_sessions_of(
        &self,
        person_id: i64,
        today: NaiveDate,
        limit: i64,
    ) -> Result<Vec<SessionRow>> {
        let sql = format!(
            "SELECT {SESSION_COLS}, b.name_fa, b.name_en FROM session s JOIN body b ON b.id = s.body_id
             WHERE s.date >= ?2 AND s.status IN ('planned','open'){}
               AND EXISTS (SELECT 1 FROM membership m WHERE m.body_id = s.body_id AND m.person_id = ?1
                           AND (m.term_end IS NULL OR m.term_end >= ?2))
             ORDER BY s.date, s.start_time, s.id LIMIT ?3",
            self.visible_sql("s.body_id")
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![person_id, today.to_string(), limit], |r| {
            Ok(SessionRow {
                session: session_from(r, 0)?,
                body_name: Name::new(r.get(SESSION_NCOLS)?, r.get(SESSION_NCOLS + 1)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Sessions `person_id` attended (present, late or remote), latest first.
    pub fn attended_sessions(&self, person_id: i64, limit: i64) -> Result<Vec<SessionRow>> {
        let sql = format!(
            "SELECT {SESSION_COLS}, b.name_fa, b.name_en FROM attendance a
             JOIN session s ON s.id = a.session_id JOIN body b ON b.id = s.body_id
             WHERE a.person_id = ?1 AND a.presence IN ('present','late','remote'){}
             ORDER BY s.date DESC, s.id DESC LIMIT ?2",
            self.visible_sql("s.body_id")
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params![person_id, limit], |r| {
            Ok(SessionRow {
                session: session_from(r, 0)?,
                body_name: Name::new(r.get(SESSION_NCOLS)?, r.get(SESSION_NCOLS + 1)?),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn session(&self, id: i64) -> Result<Session> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {SESSION_COLS} FROM session s WHERE s.id = ?1"
            ))?
            .query_row([id], |r| session_from(r, 0))
            .optional()?
            .filter(|s| !self.is_hidden(s.body_id))
            .ok_or(StoreError::NotFound {
                what: Entity::Session,
                key: id.to_string(),
            })
    }

    /// Finds a session by id, or as `BODY#NUMBER` (e.g. `7#39`, `Planning Council#39`,
    /// the number in the body's series), or `BODY#TERM/NUMBER` (`7#6/12`, session 12
    /// of term 6, for a body that numbers per term).
    pub fn find_session(&self, key: &str) -> Result<Session> {
        let key_latin = crate::locale::digits::to_latin_digits(key.trim());
        if let Some((body, number)) = key_latin.rsplit_once('#') {
            let body = self.find_body(body)?;
            if let Some((term, in_term)) = number.split_once('/') {
                let bad = || {
                    StoreError::Invalid(InvalidValue {
                        what: Entity::Session,
                        value: key.to_string(),
                        expected: Expected::msg(Msg::ExpectedSessionRef),
                    })
                };
                let term: i64 = term.trim().parse().map_err(|_| bad())?;
                let in_term: i64 = in_term.trim().parse().map_err(|_| bad())?;
                return self
                    .conn
                    .prepare_cached(&format!(
                        "SELECT {SESSION_COLS} FROM session s JOIN term t ON t.id = s.term_id
                         WHERE s.body_id = ?1 AND t.number = ?2 AND s.number_in_term = ?3"
                    ))?
                    .query_row([body.id, term, in_term], |r| session_from(r, 0))
                    .optional()?
                    .ok_or(StoreError::NotFound {
                        what: Entity::Session,
                        key: key.to_string(),
                    });
            }
            let number: i64 = number.trim().parse().map_err(|_| {
                StoreError::Invalid(InvalidValue {
                    what: Entity::Session,
                    value: key.to_string(),
                    expected: Expected::msg(Msg::ExpectedSessionRef),
                })
            })?;
            return self
                .conn
                .prepare_cached(&format!(
                    "SELECT {SESSION_COLS} FROM session s WHERE s.body_id = ?1 AND s.number = ?2"
                ))?
                .query_row([body.id, number], |r| session_from(r, 0))
                .optional()?
                .ok_or(StoreError::NotFound {
                    what: Entity::Session,
                    key: key.to_string(),
                });
        }
        match key_latin.parse::<i64>() {
            Ok(id) => self.session(id),
            Err(_) => Err(StoreError::Invalid(InvalidValue {
                what: Entity::Session,
                value: key.to_string(),
                expected: Expected::msg(Msg::ExpectedSessionRef),
            })),
        }
    }

    /// The latest session of a body before (or on) a date, skipping `except`.
    pub fn previous_session(&self, body_id: i64, except: Option<i64>) -> Result<Option<Session>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {SESSION_COLS} FROM session s WHERE s.body_id = ?1 AND s.id IS NOT ?2 AND s.status <> 'cancelled'
                 ORDER BY s.number DESC LIMIT 1"
            ))?
            .query_row(params![body_id, except], |r| session_from(r, 0))
            .optional()?)
    }

    pub fn agenda(&self, session_id: i64) -> Result<Vec<AgendaItem>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {AGENDA_COLS} FROM agenda_item a WHERE a.session_id = ?1 ORDER BY a.position, a.id"
        ))?;
        let rows = stmt.query_map([session_id], |r| agenda_from(r, 0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn agenda_item(&self, id: i64) -> Result<AgendaItem> {
        let visible = self.visible_sql("s.body_id");
        self.conn
            .prepare_cached(&format!(
                "SELECT {AGENDA_COLS} FROM agenda_item a JOIN session s ON s.id = a.session_id WHERE a.id = ?1{visible}"
            ))?
            .query_row([id], |r| agenda_from(r, 0))
            .optional()?
            .ok_or(StoreError::NotFound {
                what: Entity::AgendaItem,
                key: id.to_string(),
            })
    }

    pub fn attendance(&self, session_id: i64) -> Result<Vec<Attendance>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT session_id, person_id, presence, arrived_at, left_at FROM attendance
             WHERE session_id = ?1",
        )?;
        let rows = stmt.query_map([session_id], |r| {
            Ok(Attendance {
                session_id: r.get(0)?,
                person_id: r.get(1)?,
                presence: code_at(r, 2, Presence::parse)?,
                arrived_at: r.get(3)?,
                left_at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn guests(&self, session_id: i64) -> Result<Vec<Guest>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, session_id, name, organization, email FROM guest WHERE session_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([session_id], |r| {
            Ok(Guest {
                id: r.get(0)?,
                session_id: r.get(1)?,
                name: r.get(2)?,
                organization: r.get(3)?,
                email: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The signatories of the members' proposals on a session's agenda: (item id, the
    /// person), by item and person.
    pub fn agenda_signatories(&self, session_id: i64) -> Result<Vec<(i64, Person)>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT g.agenda_item_id, {PERSON_COLS} FROM agenda_signatory g
             JOIN agenda_item a ON a.id = g.agenda_item_id
             JOIN person p ON p.id = g.person_id
             WHERE a.session_id = ?1 ORDER BY a.position, g.person_id"
        ))?;
        let rows = stmt.query_map([session_id], |r| Ok((r.get(0)?, person_from(r, 1)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// One resolution; not found when its body is hidden, or when it was made on a
    /// closed-session item the actor may not read.
    pub fn resolution(&self, id: i64) -> Result<Resolution> {
        let closed = self.closed_resolution_sql("r");
        self.conn
            .prepare_cached(&format!(
                "SELECT {RESOLUTION_COLS} FROM resolution r WHERE r.id = ?1{closed}"
            ))?
            .query_row([id], |r| resolution_from(r, 0))
            .optional()?
            .filter(|r| !self.is_hidden(r.body_id))
            .ok_or(StoreError::NotFound {
                what: Entity::Resolution,
                key: id.to_string(),
            })
    }

    pub fn votes(&self, resolution_id: i64) -> Result<Vec<(i64, Vote)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT person_id, vote FROM vote WHERE resolution_id = ?1")?;
        let rows = stmt.query_map([resolution_id], |r| {
            Ok((r.get(0)?, code_at(r, 1, Vote::parse)?))
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The `FROM ... WHERE ...` of a resolution listing and its arguments (bodies
    /// hidden from the user left out).
    fn resolution_where(&self, f: &ResolutionFilter) -> (String, Vec<rusqlite::types::Value>) {
        let mut sql = format!(
            "FROM resolution r JOIN body b ON b.id = r.body_id LEFT JOIN session s ON s.id = r.session_id WHERE 1=1{}{}",
            self.visible_sql("r.body_id"),
            self.closed_resolution_sql("r")
        );
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        if let Some(ids) = &f.body_ids {
            sql.push_str(&format!(" AND {}", in_list("r.body_id", ids.len())));
            args.extend(ids.iter().map(|i| (*i).into()));
        }
        if !f.statuses.is_empty() {
            sql.push_str(&format!(" AND {}", in_list("r.status", f.statuses.len())));
            args.extend(f.statuses.iter().map(|s| s.code().to_string().into()));
        }
        if let Some(d) = f.overdue_on {
            sql.push_str(" AND r.status IN ('open','in_progress') AND r.due < ?");
            args.push(d.to_string().into());
        }
        if let Some(d) = f.due_before {
            sql.push_str(" AND r.due < ?");
            args.push(d.to_string().into());
        }
        if let Some(d) = f.due_after {
            sql.push_str(" AND r.due >= ?");
            args.push(d.to_string().into());
        }
        if let Some(s) = f.session_id {
            sql.push_str(" AND r.session_id = ?");
            args.push(s.into());
        }
        if let Some(a) = f.assignee_id {
            sql.push_str(
                " AND EXISTS (SELECT 1 FROM task t WHERE t.resolution_id = r.id AND t.assignee_id = ?)",
            );
            args.push(a.into());
        }
        if let Some(expr) = f.text.as_deref().and_then(super::search::match_expression) {
            let term = self.text_filter_term("r.id", super::search::SearchKind::Resolution, &expr);
            sql.push_str(&term);
            args.push(expr.into());
        }
        (sql, args)
    }

    /// Resolutions matching a filter, newest first unless the filter asks otherwise.
    pub fn resolutions(&self, f: &ResolutionFilter) -> Result<Vec<ResolutionRow>> {
        if let Some(text) = f.text.as_deref() {
            super::search::check_query(text)?;
        }
        let (from_where, args) = self.resolution_where(f);
        // Newest and oldest by the day of the decision (the index resolution_created).
        let order = match f.order {
            ListOrder::Default | ListOrder::Newest => "r.created_on DESC, r.id DESC",
            ListOrder::Oldest => "r.created_on, r.id",
            ListOrder::DueFirst => "r.due IS NULL, r.due, r.id",
            ListOrder::DueLast => "r.due IS NULL, r.due DESC, r.id DESC",
        };
        let sql = format!(
            "SELECT {RESOLUTION_COLS}, b.name_fa, b.name_en, coalesce(s.number_in_term, s.number),
               (SELECT count(*) FROM task t WHERE t.resolution_id = r.id AND t.status IN ('open','in_progress'))
             {from_where} ORDER BY {order} LIMIT {} OFFSET {}",
            f.limit.unwrap_or(-1),
            f.offset
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), |r| {
            Ok(ResolutionRow {
                resolution: resolution_from(r, 0)?,
                body_name: Name::new(r.get(16)?, r.get(17)?),
                session_number: r.get(18)?,
                open_tasks: r.get(19)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// How many resolutions match (limit and offset aside), counted up to `cap`.
    pub fn count_resolutions(&self, f: &ResolutionFilter, cap: i64) -> Result<(i64, bool)> {
        if let Some(text) = f.text.as_deref() {
            super::search::check_query(text)?;
        }
        let (from_where, args) = self.resolution_where(f);
        capped_count(&self.conn, &from_where, args, cap)
    }

    /// One task; not found when its body is hidden, or when it was made on a
    /// closed-session item (or its resolution) the actor may not read.
    pub fn task(&self, id: i64) -> Result<Task> {
        let closed = self.closed_task_sql("t");
        self.conn
            .prepare_cached(&format!(
                "SELECT {TASK_COLS} FROM task t WHERE t.id = ?1{closed}"
            ))?
            .query_row([id], |r| task_from(r, 0))
            .optional()?
            .filter(|t| !self.is_hidden(t.body_id))
            .ok_or(StoreError::NotFound {
                what: Entity::Task,
                key: id.to_string(),
            })
    }

    pub fn task_description(&self, id: i64) -> Result<Option<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT description FROM task WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?
            .flatten())
    }

    /// The `FROM ... WHERE ...` of a task listing and its arguments.
    fn task_where(&self, f: &TaskFilter) -> (String, Vec<rusqlite::types::Value>) {
        let mut sql = format!(
            "FROM task t JOIN body b ON b.id = t.body_id
             LEFT JOIN person p ON p.id = t.assignee_id
             LEFT JOIN resolution r ON r.id = t.resolution_id WHERE 1=1{}{}",
            self.visible_sql("t.body_id"),
            self.closed_task_sql("t")
        );
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        if let Some(ids) = &f.body_ids {
            sql.push_str(&format!(" AND {}", in_list("t.body_id", ids.len())));
            args.extend(ids.iter().map(|i| (*i).into()));
        }
        let mut statuses = f.statuses.clone();
        if let Some(d) = f.overdue_on {
            if statuses.is_empty() {
                statuses = vec![WorkStatus::Open, WorkStatus::InProgress];
            }
            statuses.retain(|s| s.is_open());
            if statuses.is_empty() {
                // Only open tasks can be overdue: done or cancelled ones never are.
                sql.push_str(" AND 0");
            }
            sql.push_str(" AND t.due < ?");
            args.push(d.to_string().into());
        }
        if !statuses.is_empty() {
            // Written as the partial indexes' own IN list when it matches, so they apply.
            if statuses.len() == 2 && statuses.iter().all(|s| s.is_open()) {
                sql.push_str(" AND t.status IN ('open','in_progress')");
            } else {
                sql.push_str(&format!(" AND {}", in_list("t.status", statuses.len())));
                args.extend(statuses.iter().map(|s| s.code().to_string().into()));
            }
        }
        if let Some(a) = f.assignee_id {
            sql.push_str(" AND t.assignee_id = ?");
            args.push(a.into());
        }
        if let Some(u) = &f.assignee_unit {
            sql.push_str(" AND t.assignee_unit = ?");
            args.push(u.clone().into());
        }
        if let Some(d) = f.due_before {
            sql.push_str(" AND t.due < ?");
            args.push(d.to_string().into());
        }
        if let Some(d) = f.due_after {
            sql.push_str(" AND t.due >= ?");
            args.push(d.to_string().into());
        }
        if let Some(r) = f.resolution_id {
            sql.push_str(" AND t.resolution_id = ?");
            args.push(r.into());
        }
        // Text with nothing searchable (only punctuation) does not narrow.
        if let Some(expr) = f.text.as_deref().and_then(super::search::match_expression) {
            let term = self.text_filter_term("t.id", super::search::SearchKind::Task, &expr);
            sql.push_str(&term);
            args.push(expr.into());
        }
        (sql, args)
    }

    /// Tasks matching a filter. Overdue listings come oldest-due first; others by due
    /// date unless the filter asks for another order.
    pub fn tasks(&self, f: &TaskFilter) -> Result<Vec<TaskRow>> {
        if let Some(text) = f.text.as_deref() {
            super::search::check_query(text)?;
        }
        let (from_where, args) = self.task_where(f);
        // DueFirst and DueLast follow the due-date indexes (tasks with no due date sort
        // first, as NULL does); Default keeps them last, for listings read whole.
        // With a due-date bound no row has a NULL due, and without the `IS NULL` term the
        // order is the due index's own, so a LIMIT stops early instead of sorting every
        // match (the week's or the overdue tasks of every body: thousands to millions).
        // Within some bodies the partial index of open tasks per body is better, and what
        // it finds is few enough to sort.
        let due_bound = f.overdue_on.is_some() || f.due_before.is_some() || f.due_after.is_some();
        let order = match f.order {
            ListOrder::Default if due_bound && f.body_ids.is_none() => "t.due, t.id",
            ListOrder::Default => "t.due IS NULL, t.due, t.id",
            ListOrder::DueFirst => "t.due, t.id",
            ListOrder::DueLast => "t.due DESC, t.id DESC",
            ListOrder::Newest => "t.id DESC",
            ListOrder::Oldest => "t.id",
        };
        let sql = format!(
            "SELECT {TASK_COLS}, b.name_fa, b.name_en, p.name_fa, p.name_en, r.number {from_where}
             ORDER BY {order} LIMIT {} OFFSET {}",
            f.limit.unwrap_or(-1),
            f.offset
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), |r| {
            let fa: Option<String> = r.get(16)?;
            let en: Option<String> = r.get(17)?;
            Ok(TaskRow {
                task: task_from(r, 0)?,
                body_name: Name::new(r.get(14)?, r.get(15)?),
                assignee_name: if fa.is_none() && en.is_none() {
                    None
                } else {
                    Some(Name::new(fa, en))
                },
                resolution_number: r.get(18)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// How many tasks match (limit and offset aside), counted up to `cap`.
    pub fn count_tasks(&self, f: &TaskFilter, cap: i64) -> Result<(i64, bool)> {
        if let Some(text) = f.text.as_deref() {
            super::search::check_query(text)?;
        }
        let (from_where, args) = self.task_where(f);
        capped_count(&self.conn, &from_where, args, cap)
    }

    /// Whether any task is assigned to this unit.
    pub fn unit_exists(&self, unit: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT EXISTS(SELECT 1 FROM task WHERE assignee_unit = ?1)")?
            .query_row([unit], |r| r.get(0))?)
    }

    /// The tasks that got a progress update linked to this session.
    pub fn tasks_reviewed_in(&self, session_id: i64) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT DISTINCT task_id FROM task_update WHERE session_id = ?1")?;
        let rows = stmt.query_map([session_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Resolutions whose follow-up was recorded at this session.
    pub fn resolutions_reviewed_in(&self, session_id: i64) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT resolution_id FROM resolution_update WHERE session_id = ?1",
        )?;
        let rows = stmt.query_map([session_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The follow-ups recorded on a resolution itself, oldest first.
    pub fn resolution_updates(&self, resolution_id: i64) -> Result<Vec<ResolutionUpdate>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, resolution_id, session_id, status, note, author, at FROM resolution_update
             WHERE resolution_id = ?1 ORDER BY at, id",
        )?;
        let rows = stmt.query_map([resolution_id], |r| {
            Ok(ResolutionUpdate {
                id: r.get(0)?,
                resolution_id: r.get(1)?,
                session_id: r.get(2)?,
                status: code_at(r, 3, WorkStatus::parse)?,
                note: r.get(4)?,
                author: r.get(5)?,
                at: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// A body's open resolutions that have no open task: at a session's review they are
    /// followed up themselves, oldest first (at most `limit`).
    pub fn open_resolutions_without_open_tasks(
        &self,
        body_id: i64,
        limit: i64,
    ) -> Result<Vec<Resolution>> {
        let rows: Vec<Resolution> = self
            .conn
            .prepare_cached(&format!(
                "SELECT {RESOLUTION_COLS} FROM resolution r
                 WHERE r.body_id = ?1 AND r.status IN ('open','in_progress')
                   AND NOT EXISTS (SELECT 1 FROM task t WHERE t.resolution_id = r.id
                                   AND t.status IN ('open','in_progress'))
                   {}{}
                 ORDER BY r.created_on, r.id LIMIT ?2",
                self.visible_sql("r.body_id"),
                self.closed_resolution_sql("r")
            ))?
            .query_map(params![body_id, limit], |r| resolution_from(r, 0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    pub fn task_updates(&self, task_id: i64) -> Result<Vec<TaskUpdate>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, task_id, session_id, status, percent, note, author, at FROM task_update
             WHERE task_id = ?1 ORDER BY at, id",
        )?;
        let rows = stmt.query_map([task_id], |r| {
            Ok(TaskUpdate {
                id: r.get(0)?,
                task_id: r.get(1)?,
                session_id: r.get(2)?,
                status: code_at(r, 3, WorkStatus::parse)?,
                percent: r.get(4)?,
                note: r.get(5)?,
                author: r.get(6)?,
                at: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}

// ---- The minutes: what the record of a session holds beyond its own rows (issue 14).

/// A task's progress recorded at a session (its review of previous resolutions), with
/// the task as it stands and whether it came from an item taken in closed session.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskProgressAt {
    pub update: TaskUpdate,
    pub task: TaskRow,
    /// The task (or its resolution) was made on an item taken in closed session.
    pub closed_origin: bool,
}

/// A resolution's follow-up recorded at a session, with the resolution.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResolutionProgressAt {
    pub update: ResolutionUpdate,
    pub resolution: Resolution,
    /// The resolution was made on an item taken in closed session.
    pub closed_origin: bool,
}

/// The select list giving a [`TaskRow`] for the task row `t` (with [`TASK_ROW_JOINS`]),
/// its columns from 0: those of [`task_row_from`].
fn task_row_select() -> String {
    format!("SELECT {TASK_COLS}, b.name_fa, b.name_en, p.name_fa, p.name_en, r.number")
}
const TASK_ROW_JOINS: &str = "JOIN body b ON b.id = t.body_id
     LEFT JOIN person p ON p.id = t.assignee_id
     LEFT JOIN resolution r ON r.id = t.resolution_id";

/// A [`TaskRow`] from the columns of [`task_row_select`] at `o`.
fn task_row_from(r: &Row, o: usize) -> rusqlite::Result<TaskRow> {
    let fa: Option<String> = r.get(o + 16)?;
    let en: Option<String> = r.get(o + 17)?;
    Ok(TaskRow {
        task: task_from(r, o)?,
        body_name: Name::new(r.get(o + 14)?, r.get(o + 15)?),
        assignee_name: if fa.is_none() && en.is_none() {
            None
        } else {
            Some(Name::new(fa, en))
        },
        resolution_number: r.get(o + 18)?,
    })
}

/// Whether the item (a SQL expression giving an agenda item id) was taken in closed
/// session.
fn closed_item_expr(item: &str) -> String {
    format!("EXISTS (SELECT 1 FROM agenda_item ca WHERE ca.id = {item} AND ca.closed = 1)")
}

impl Store {
    /// The tasks given on a session's agenda items without a resolution (follow-up
    /// decided on the item itself), in the order given.
    pub fn item_tasks_without_resolution(&self, session_id: i64) -> Result<Vec<TaskRow>> {
        let sql = format!(
            "{} FROM task t {TASK_ROW_JOINS}
             WHERE t.resolution_id IS NULL
               AND t.agenda_item_id IN (SELECT id FROM agenda_item WHERE session_id = ?1){}{}
             ORDER BY t.id",
            task_row_select(),
            self.visible_sql("t.body_id"),
            self.closed_task_sql("t")
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([session_id], |r| task_row_from(r, 0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The progress on tasks recorded at a session, in the order recorded.
    pub fn task_progress_at(&self, session_id: i64) -> Result<Vec<TaskProgressAt>> {
        let closed = format!(
            "({} OR {})",
            closed_item_expr("t.agenda_item_id"),
            closed_item_expr("r.agenda_item_id")
        );
        let sql = format!(
            "{}, u.id, u.task_id, u.session_id, u.status, u.percent, u.note, u.author, u.at, {closed}
             FROM task_update u JOIN task t ON t.id = u.task_id {TASK_ROW_JOINS}
             WHERE u.session_id = ?1{}{}
             ORDER BY u.at, u.id",
            task_row_select(),
            self.visible_sql("t.body_id"),
            self.closed_task_sql("t")
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([session_id], |r| {
            Ok(TaskProgressAt {
                task: task_row_from(r, 0)?,
                update: TaskUpdate {
                    id: r.get(19)?,
                    task_id: r.get(20)?,
                    session_id: r.get(21)?,
                    status: code_at(r, 22, WorkStatus::parse)?,
                    percent: r.get(23)?,
                    note: r.get(24)?,
                    author: r.get(25)?,
                    at: r.get(26)?,
                },
                closed_origin: r.get(27)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The follow-ups on resolutions themselves recorded at a session, in the order
    /// recorded.
    pub fn resolution_progress_at(&self, session_id: i64) -> Result<Vec<ResolutionProgressAt>> {
        let sql = format!(
            "SELECT {RESOLUTION_COLS}, u.id, u.resolution_id, u.session_id, u.status, u.note, u.author, u.at, {}
             FROM resolution_update u JOIN resolution r ON r.id = u.resolution_id
             WHERE u.session_id = ?1{}{}
             ORDER BY u.at, u.id",
            closed_item_expr("r.agenda_item_id"),
            self.visible_sql("r.body_id"),
            self.closed_resolution_sql("r")
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([session_id], |r| {
            Ok(ResolutionProgressAt {
                resolution: resolution_from(r, 0)?,
                update: ResolutionUpdate {
                    id: r.get(16)?,
                    resolution_id: r.get(17)?,
                    session_id: r.get(18)?,
                    status: code_at(r, 19, WorkStatus::parse)?,
                    note: r.get(20)?,
                    author: r.get(21)?,
                    at: r.get(22)?,
                },
                closed_origin: r.get(23)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The body's next session after this one (by date, then as scheduled) that is not
    /// cancelled, once scheduled.
    pub fn next_session_after(&self, session: &Session) -> Result<Option<Session>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {SESSION_COLS} FROM session s
                 WHERE s.body_id = ?1 AND s.id <> ?2 AND s.status <> 'cancelled'
                   AND (s.date > ?3 OR (s.date = ?3 AND s.id > ?2))
                 ORDER BY s.date, s.start_time, s.id LIMIT 1"
            ))?
            .query_row(
                params![session.body_id, session.id, session.date.to_string()],
                |r| session_from(r, 0),
            )
            .optional()?)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn session_columns_are_counted() {
        assert_eq!(super::SESSION_COLS.split(',').count(), super::SESSION_NCOLS);
    }
}
