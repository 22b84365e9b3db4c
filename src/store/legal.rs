//! After the meeting: law profiles, official holidays, the sending of resolutions and
//! the legal events after it (objections, answers, rulings).

use std::collections::BTreeSet;

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row};

use super::read::{code_at, date_at, opt_date_at};
use super::write::audited;
use super::{Refusal, Result, Store, StoreError};
use crate::locale::strings::Msg;
use crate::model::legal::{
    parse_weekend, weekend_code, DayCount, LawProfile, LegalEvent, LegalEventKind, LegalRefusal,
    Period, RecipientKind, SendMethod, Sending,
};
use crate::model::{Entity, Expected, InvalidValue, Name};

/// Refuses a law profile code no profile has, listing the ones there are.
pub(crate) fn check_law_profile(tx: &rusqlite::Connection, code: &str) -> Result<()> {
    let code = if code.trim().is_empty() {
        "none"
    } else {
        code.trim()
    };
    let mut stmt = tx.prepare_cached("SELECT code FROM law_profile ORDER BY code")?;
    let codes = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if codes.iter().any(|c| c == code) {
        return Ok(());
    }
    Err(InvalidValue {
        what: Entity::LawProfile,
        value: code.to_string(),
        expected: Expected::with(Msg::ExpectedLawProfile, &[&codes.join(", ")]),
    }
    .into())
}

/// A letter of the secretariat's register, to insert.
#[derive(Debug, Clone)]
pub struct NewLetter {
    pub body_id: i64,
    /// `in` (received) or `out` (sent).
    pub direction: crate::model::legal::LetterDirection,
    pub number: String,
    pub dated: chrono::NaiveDate,
    /// Who it is from (incoming) or to (outgoing).
    pub correspondent: String,
    pub subject: String,
    pub agenda_item_id: Option<i64>,
    pub resolution_id: Option<i64>,
}

/// Inserts a letter, audited; refused when the body's register has its number in the
/// same direction already, whatever its digits (see `store::letters::number_free`).
pub(crate) fn insert_letter(
    tx: &rusqlite::Transaction,
    actor: &crate::identity::Actor,
    l: &NewLetter,
) -> Result<i64> {
    super::letters::number_free(tx, l.body_id, l.direction, &l.number, None)?;
    tx.execute(
        "INSERT INTO letter(body_id, direction, number, dated, correspondent, subject, agenda_item_id, resolution_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        rusqlite::params![
            l.body_id,
            l.direction.code(),
            l.number.trim(),
            l.dated.to_string(),
            l.correspondent.trim(),
            l.subject.trim(),
            l.agenda_item_id,
            l.resolution_id,
            super::now_stamp(),
        ],
    )?;
    let id = tx.last_insert_rowid();
    super::write::audited(tx, actor, "insert", "letter", id, None)?;
    Ok(id)
}

const PROFILE_COLS: &str = "code, name_fa, name_en, clock, send_days, send_count, objection_days, objection_count, answer_days, answer_count, weekend, version";

fn profile_from(r: &Row) -> rusqlite::Result<LawProfile> {
    let period = |days: usize, count: usize| -> rusqlite::Result<Period> {
        Ok(Period {
            days: r.get(days)?,
            count: code_at(r, count, DayCount::parse)?,
        })
    };
    let weekend: String = r.get(10)?;
    Ok(LawProfile {
        code: r.get(0)?,
        name: Name::new(r.get(1)?, r.get(2)?),
        clock: r.get(3)?,
        send: period(4, 5)?,
        objection: period(6, 7)?,
        answer: period(8, 9)?,
        weekend: parse_weekend(&weekend).unwrap_or_default(),
        version: r.get(11)?,
    })
}

const SENDING_COLS: &str = "s.id, s.resolution_id, s.recipient_kind, s.recipient, s.person_id, s.sent_on, s.method, s.letter_id, (SELECT l.number FROM letter l WHERE l.id = s.letter_id), s.acknowledged_on, s.law";

fn sending_from(r: &Row) -> rusqlite::Result<Sending> {
    Ok(Sending {
        id: r.get(0)?,
        resolution_id: r.get(1)?,
        recipient_kind: code_at(r, 2, RecipientKind::parse)?,
        recipient: r.get(3)?,
        person_id: r.get(4)?,
        sent_on: date_at(r, 5)?,
        method: code_at(r, 6, SendMethod::parse)?,
        letter_id: r.get(7)?,
        letter_number: r.get(8)?,
        acknowledged_on: opt_date_at(r, 9)?,
        law: r.get(10)?,
    })
}

const EVENT_COLS: &str =
    "e.id, e.resolution_id, e.kind, e.on_date, e.by_whom, e.session_id, e.reason";

fn event_from(r: &Row) -> rusqlite::Result<LegalEvent> {
    Ok(LegalEvent {
        id: r.get(0)?,
        resolution_id: r.get(1)?,
        kind: code_at(r, 2, LegalEventKind::parse)?,
        on: date_at(r, 3)?,
        by: r.get(4)?,
        session_id: r.get(5)?,
        reason: r.get(6)?,
    })
}

/// A resolution sent to one or more recipients on one day.
#[derive(Debug, Clone)]
pub struct NewSending {
    pub resolution_id: i64,
    /// (kind, name as shown, the person when one).
    pub recipients: Vec<(RecipientKind, String, Option<i64>)>,
    pub sent_on: NaiveDate,
    pub method: SendMethod,
    /// The outgoing letter's number: the register's letter with it, or a new one.
    pub letter_number: Option<String>,
    /// The body's law profile's periods now ([`LawProfile::periods_code`]).
    pub law: String,
}

/// An objection, an answer or a ruling to record.
#[derive(Debug, Clone)]
pub struct NewLegalEvent {
    pub resolution_id: i64,
    pub kind: LegalEventKind,
    pub on: NaiveDate,
    pub by: String,
    pub session_id: Option<i64>,
    pub reason: String,
}

/// How far back the dashboard looks for a resolution whose legal life may still run: a
/// year, longer than any period of a law (weeks) together.
pub const LEGAL_LOOKBACK_DAYS: i64 = 366;

/// Up to this many resolutions, their sendings and events are read by the index, one
/// resolution at a time; beyond, each table is read once.
const PER_RESOLUTION_READS: usize = 2_000;

/// What the legal clock reads of a resolution.
#[derive(Debug, Clone)]
pub struct LegalHead {
    pub id: i64,
    pub body_id: i64,
    pub number: String,
    pub decision: crate::model::Decision,
}

/// A resolution with what its legal life is derived from.
#[derive(Debug, Clone)]
pub struct LegalRecord {
    pub resolution: LegalHead,
    /// The day it was adopted: its session's, else the day it was recorded.
    pub adopted_on: NaiveDate,
    pub profile: String,
    pub sendings: Vec<Sending>,
    pub events: Vec<LegalEvent>,
}

impl Store {
    /// Every law profile, `none` first.
    pub fn law_profiles(&self) -> Result<Vec<LawProfile>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {PROFILE_COLS} FROM law_profile ORDER BY code <> 'none', code"
        ))?;
        let rows = stmt.query_map([], profile_from)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn law_profile(&self, code: &str) -> Result<LawProfile> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {PROFILE_COLS} FROM law_profile WHERE code = ?1"
            ))?
            .query_row([code.trim()], profile_from)
            .optional()?
            .ok_or(StoreError::NotFound {
                what: Entity::LawProfile,
                key: code.to_string(),
            })
    }

    /// Adds a law profile or changes one (`expected_version` for a change). Resolutions
    /// already sent keep the periods they were sent under.
    pub fn save_law_profile(
        &mut self,
        p: &LawProfile,
        expected_version: Option<i64>,
    ) -> Result<()> {
        let actor = self.actor.clone();
        let code = p.code.trim().to_string();
        if code.is_empty() || code.chars().any(char::is_whitespace) {
            return Err(InvalidValue {
                what: Entity::LawProfile,
                value: p.code.clone(),
                expected: Expected::msg(Msg::ExpectedLawProfileCode),
            }
            .into());
        }
        let name_fa = p
            .name
            .fa
            .clone()
            .or(p.name.en.clone())
            .unwrap_or(code.clone());
        let name_en = p
            .name
            .en
            .clone()
            .or(p.name.fa.clone())
            .unwrap_or(code.clone());
        self.write(|tx| {
            let before = super::audit::snapshot(tx, "law_profile", "code = ?1", &[&code])?;
            let values = params![
                code,
                name_fa,
                name_en,
                p.clock,
                p.send.days,
                p.send.count.code(),
                p.objection.days,
                p.objection.count.code(),
                p.answer.days,
                p.answer.count.code(),
                weekend_code(&p.weekend),
            ];
            if before.is_some() {
                let version: i64 = tx.query_row(
                    "SELECT version FROM law_profile WHERE code = ?1",
                    [&code],
                    |r| r.get(0),
                )?;
                if expected_version.is_some_and(|v| v != version) {
                    return Err(StoreError::Conflict {
                        what: Entity::LawProfile,
                        id: version,
                    });
                }
                tx.execute(
                    "UPDATE law_profile SET name_fa = ?2, name_en = ?3, clock = ?4, send_days = ?5, send_count = ?6,
                     objection_days = ?7, objection_count = ?8, answer_days = ?9, answer_count = ?10, weekend = ?11,
                     version = version + 1 WHERE code = ?1",
                    values,
                )?;
            } else {
                tx.execute(
                    "INSERT INTO law_profile(code, name_fa, name_en, clock, send_days, send_count, objection_days,
                     objection_count, answer_days, answer_count, weekend) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                    values,
                )?;
            }
            let after = super::audit::snapshot(tx, "law_profile", "code = ?1", &[&code])?;
            super::audit::record(
                tx,
                &actor,
                if before.is_some() { "update" } else { "insert" },
                "law_profile",
                None,
                before.as_deref(),
                after.as_deref(),
            )
        })
    }

    /// The official holidays, by day, with their names.
    pub fn holidays(&self) -> Result<Vec<(NaiveDate, Name)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT day, name_fa, name_en FROM holiday ORDER BY day")?;
        let rows = stmt.query_map([], |r| {
            Ok((date_at(r, 0)?, Name::new(r.get(1)?, r.get(2)?)))
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn holiday_days(&self) -> Result<BTreeSet<NaiveDate>> {
        Ok(self.holidays()?.into_iter().map(|(d, _)| d).collect())
    }

    /// Records an official holiday (again: its name changes).
    pub fn add_holiday(&mut self, day: NaiveDate, name: &Name) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO holiday(day, name_fa, name_en) VALUES (?1, ?2, ?3)
                 ON CONFLICT(day) DO UPDATE SET name_fa = excluded.name_fa, name_en = excluded.name_en",
                params![day.to_string(), name.fa, name.en],
            )?;
            let after = super::audit::snapshot(tx, "holiday", "day = ?1", &[&day.to_string()])?;
            super::audit::record(tx, &actor, "insert", "holiday", None, None, after.as_deref())
        })
    }

    /// Records the sending of a resolution to each recipient, with its outgoing letter
    /// (the register's letter with that number, or a new one); returns the sendings' ids.
    pub fn send_resolution(&mut self, s: &NewSending) -> Result<Vec<i64>> {
        let actor = self.actor.clone();
        let r = self.resolution(s.resolution_id)?;
        // The register's letter with that number, whatever its digits.
        let found = match s.letter_number.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(number) => self
                .letter_by_number(r.body_id, crate::model::legal::LetterDirection::Out, number)?
                .map(|l| l.id),
        };
        self.write(|tx| {
            let letter_id = match s.letter_number.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(number) => {
                    match found {
                        Some(id) => {
                            let before =
                                super::audit::snapshot(tx, "letter", "id = ?1", &[&id])?;
                            if tx.execute(
                                "UPDATE letter SET resolution_id = ?2, version = version + 1 WHERE id = ?1 AND resolution_id IS NULL",
                                params![id, r.id],
                            )? > 0
                            {
                                audited(tx, &actor, "update", "letter", id, before)?;
                            }
                            Some(id)
                        }
                        None => {
                            let to: Vec<&str> =
                                s.recipients.iter().map(|(_, name, _)| name.as_str()).collect();
                            Some(insert_letter(
                                tx,
                                &actor,
                                &NewLetter {
                                    body_id: r.body_id,
                                    direction: crate::model::legal::LetterDirection::Out,
                                    number: number.to_string(),
                                    dated: s.sent_on,
                                    correspondent: to.join("، "),
                                    subject: format!(
                                        "{} — {}",
                                        r.number,
                                        r.text.chars().take(80).collect::<String>()
                                    ),
                                    agenda_item_id: None,
                                    resolution_id: Some(r.id),
                                },
                            )?)
                        }
                    }
                }
            };
            let mut ids = Vec::new();
            for (kind, name, person) in &s.recipients {
                tx.execute(
                    "INSERT INTO sending(resolution_id, recipient_kind, recipient, person_id, sent_on, method, letter_id, created_at, created_by, law)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
                    params![
                        r.id,
                        kind.code(),
                        name.trim(),
                        person,
                        s.sent_on.to_string(),
                        s.method.code(),
                        letter_id,
                        super::now_stamp(),
                        actor.login,
                        s.law,
                    ],
                )?;
                let id = tx.last_insert_rowid();
                audited(tx, &actor, "insert", "sending", id, None)?;
                ids.push(id);
            }
            Ok(ids)
        })
    }

    /// Records that a recipient had the resolution on a day (every sending to them not
    /// acknowledged yet); refused when it was not sent to them.
    pub fn acknowledge_sending(
        &mut self,
        resolution_id: i64,
        sending_ids: &[i64],
        on: NaiveDate,
        recipient: &str,
    ) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| {
            if sending_ids.is_empty() {
                return Err(StoreError::Refused(Refusal::Legal(
                    LegalRefusal::NotSentTo {
                        resolution: resolution_id,
                        recipient: recipient.to_string(),
                    },
                )));
            }
            for id in sending_ids {
                let before = super::audit::snapshot(tx, "sending", "id = ?1", &[id])?;
                tx.execute(
                    "UPDATE sending SET acknowledged_on = ?2 WHERE id = ?1 AND resolution_id = ?3",
                    params![id, on.to_string(), resolution_id],
                )?;
                audited(tx, &actor, "update", "sending", *id, before)?;
            }
            Ok(())
        })
    }

    pub fn add_legal_event(&mut self, e: &NewLegalEvent) -> Result<i64> {
        let actor = self.actor.clone();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO legal_event(resolution_id, kind, on_date, by_whom, session_id, reason, created_at, created_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    e.resolution_id,
                    e.kind.code(),
                    e.on.to_string(),
                    e.by.trim(),
                    e.session_id,
                    e.reason.trim(),
                    super::now_stamp(),
                    actor.login,
                ],
            )?;
            let id = tx.last_insert_rowid();
            audited(tx, &actor, "insert", "legal_event", id, None)?;
            Ok(id)
        })
    }

    pub fn sendings(&self, resolution_id: i64) -> Result<Vec<Sending>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SENDING_COLS} FROM sending s WHERE s.resolution_id = ?1 ORDER BY s.sent_on, s.id"
        ))?;
        let rows = stmt.query_map([resolution_id], sending_from)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn legal_events(&self, resolution_id: i64) -> Result<Vec<LegalEvent>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {EVENT_COLS} FROM legal_event e WHERE e.resolution_id = ?1 ORDER BY e.on_date, e.id"
        ))?;
        let rows = stmt.query_map([resolution_id], event_from)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// One resolution with what its legal life is derived from.
    pub fn legal_record(&self, resolution_id: i64) -> Result<LegalRecord> {
        let r = self.resolution(resolution_id)?;
        let resolution = LegalHead {
            id: r.id,
            body_id: r.body_id,
            number: r.number,
            decision: r.decision,
        };
        let (adopted_on, profile): (NaiveDate, String) = self.conn.query_row(
            "SELECT coalesce((SELECT s.date FROM session s WHERE s.id = r.session_id), r.created_on), b.law_profile
             FROM resolution r JOIN body b ON b.id = r.body_id WHERE r.id = ?1",
            [resolution_id],
            |row| Ok((date_at(row, 0)?, row.get(1)?)),
        )?;
        Ok(LegalRecord {
            sendings: self.sendings(resolution_id)?,
            events: self.legal_events(resolution_id)?,
            resolution,
            adopted_on,
            profile,
        })
    }

    /// The adopted resolutions of the bodies (visible to the user) whose law has a
    /// clock and whose legal life may still be in a figure on `today`, with their
    /// sendings and events: what the dashboard's legal figures read. Left out are those
    /// first sent more than a year ago with no event since and no objection still to
    /// answer nor insistence before the dispute board: no period of any law runs that
    /// long, so they are settled (in force, annulled or withdrawn) before this month.
    pub fn resolutions_under_law(&self, today: NaiveDate) -> Result<Vec<LegalRecord>> {
        let closed = self.closed_resolution_sql("r");
        let since = (today - chrono::Duration::days(LEGAL_LOOKBACK_DAYS)).to_string();
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT r.id, r.body_id, r.number, r.decision,
                    coalesce((SELECT s.date FROM session s WHERE s.id = r.session_id), r.created_on), b.law_profile
             FROM law_profile lp JOIN body b ON b.law_profile = lp.code CROSS JOIN resolution r ON r.body_id = b.id
             WHERE lp.clock = 1 AND r.decision = 'adopted'{closed}
               AND (NOT EXISTS (SELECT 1 FROM sending s WHERE s.resolution_id = r.id)
                    OR EXISTS (SELECT 1 FROM sending s WHERE s.resolution_id = r.id AND s.sent_on >= ?1)
                    OR EXISTS (SELECT 1 FROM legal_event e WHERE e.resolution_id = r.id
                               AND (e.on_date >= ?1 OR e.kind = 'insist' AND NOT EXISTS
                                    (SELECT 1 FROM legal_event f WHERE f.resolution_id = r.id AND f.kind IN ('upheld','annulled')))
                                  OR e.kind = 'objection' AND NOT EXISTS
                                    (SELECT 1 FROM legal_event f WHERE f.resolution_id = r.id AND f.kind IN ('insist','amend','withdraw','upheld','annulled'))))
             ORDER BY r.id"
        ))?;
        let rows = stmt.query_map([&since], |row| {
            Ok(LegalRecord {
                resolution: LegalHead {
                    id: row.get(0)?,
                    body_id: row.get(1)?,
                    number: row.get(2)?,
                    decision: code_at(row, 3, crate::model::Decision::parse)?,
                },
                adopted_on: date_at(row, 4)?,
                profile: row.get(5)?,
                sendings: Vec::new(),
                events: Vec::new(),
            })
        })?;
        let mut records: Vec<LegalRecord> = rows
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .filter(|r| !self.is_hidden(r.resolution.body_id))
            .collect();
        if records.is_empty() {
            return Ok(records);
        }
        let index: std::collections::HashMap<i64, usize> = records
            .iter()
            .enumerate()
            .map(|(i, r)| (r.resolution.id, i))
            .collect();
        // A few resolutions: their rows by the index; many: one pass over each table.
        if records.len() <= PER_RESOLUTION_READS {
            for r in &mut records {
                r.sendings = self.sendings(r.resolution.id)?;
                r.events = self.legal_events(r.resolution.id)?;
            }
            return Ok(records);
        }
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SENDING_COLS} FROM sending s ORDER BY s.sent_on, s.id"
        ))?;
        for s in stmt.query_map([], sending_from)? {
            let s = s?;
            if let Some(&i) = index.get(&s.resolution_id) {
                records[i].sendings.push(s);
            }
        }
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {EVENT_COLS} FROM legal_event e ORDER BY e.on_date, e.id"
        ))?;
        for e in stmt.query_map([], event_from)? {
            let e = e?;
            if let Some(&i) = index.get(&e.resolution_id) {
                records[i].events.push(e);
            }
        }
        Ok(records)
    }
}
