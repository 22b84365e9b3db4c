//! Numbering as bodies number: council terms (دوره), the term and numbers a session
//! takes (its number in the body's series, given or the next; its number in its term
//! when the body numbers per term), and resolution numbers that are not taken.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};

use super::read::{date_at, opt_date_at};
use super::write::audited;
use super::{Refusal, Result, Store, StoreError};
use crate::locale::strings::Msg;
use crate::model::numbering::{check_session_number, term_of, NumberingRefusal};
use crate::model::{Body, Entity, Expected, InvalidValue, Term};

/// A council term to add.
#[derive(Debug, Clone)]
pub struct NewTerm {
    pub body_id: i64,
    pub number: i64,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
}

/// The numbers a session takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct SessionNumbers {
    /// In the body's series (unique per body).
    pub number: i64,
    pub term_id: Option<i64>,
    /// In its term, when the body numbers per term and the day falls in a term.
    pub number_in_term: Option<i64>,
}

fn refuse(r: NumberingRefusal) -> StoreError {
    StoreError::Refused(Refusal::Numbering(r))
}

pub(crate) fn terms_in(tx: &rusqlite::Connection, body_id: i64) -> Result<Vec<Term>> {
    let mut stmt = tx.prepare_cached(
        "SELECT id, body_id, number, starts_on, ends_on FROM term WHERE body_id = ?1 ORDER BY starts_on, number",
    )?;
    let rows = stmt.query_map([body_id], |r| {
        Ok(Term {
            id: r.get(0)?,
            body_id: r.get(1)?,
            number: r.get(2)?,
            starts_on: date_at(r, 3)?,
            ends_on: opt_date_at(r, 4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The session that has `number` in the body (or in the term), other than `except`.
fn holder(
    tx: &rusqlite::Connection,
    column: &str,
    owner_column: &str,
    owner: i64,
    number: i64,
    except: Option<i64>,
) -> Result<Option<(i64, NaiveDate)>> {
    Ok(tx
        .query_row(
            &format!(
                "SELECT id, date FROM session WHERE {owner_column} = ?1 AND {column} = ?2 AND id IS NOT ?3"
            ),
            params![owner, number, except],
            |r| Ok((r.get(0)?, date_at(r, 1)?)),
        )
        .optional()?)
}

/// The numbers a session of `body` on `date` takes: `given` (when the secretary typed
/// one) is its number in its term for a body that numbers per term and a day in a term,
/// else its number in the body's series; refused when another session has it. What is
/// not given is the next after the highest. `except` is the session itself, when its
/// date changes (it keeps its numbers when it stays in its term).
pub(crate) fn session_numbers(
    tx: &rusqlite::Connection,
    body: &Body,
    date: NaiveDate,
    given: Option<i64>,
    except: Option<(i64, SessionNumbers)>,
) -> Result<SessionNumbers> {
    if let Some(n) = given {
        check_session_number(n)?;
    }
    let except_id = except.map(|(id, _)| id);
    let terms = terms_in(tx, body.id)?;
    let term = term_of(&terms, date);
    let per_term = body.number_per_term.then_some(term).flatten();
    let next_in_body = || -> Result<i64> {
        Ok(tx.query_row(
            "SELECT coalesce(max(number), 0) + 1 FROM session WHERE body_id = ?1 AND id IS NOT ?2",
            params![body.id, except_id],
            |r| r.get(0),
        )?)
    };
    let number = match (except, per_term, given) {
        (Some((_, old)), _, None) => old.number,
        (_, None, Some(n)) => {
            if let Some((session, date)) = holder(tx, "number", "body_id", body.id, n, except_id)? {
                return Err(refuse(NumberingRefusal::SessionNumberTaken {
                    number: n,
                    term: None,
                    session,
                    date,
                }));
            }
            n
        }
        _ => next_in_body()?,
    };
    let number_in_term = match per_term {
        None => None,
        Some(t) => match (except, given) {
            (Some((_, old)), None) if old.term_id == Some(t.id) && old.number_in_term.is_some() => {
                old.number_in_term
            }
            (_, Some(n)) => {
                if let Some((session, date)) =
                    holder(tx, "number_in_term", "term_id", t.id, n, except_id)?
                {
                    return Err(refuse(NumberingRefusal::SessionNumberTaken {
                        number: n,
                        term: Some(t.number),
                        session,
                        date,
                    }));
                }
                Some(n)
            }
            _ => Some(tx.query_row(
                "SELECT coalesce(max(number_in_term), 0) + 1 FROM session WHERE term_id = ?1 AND id IS NOT ?2",
                params![t.id, except_id],
                |r| r.get(0),
            )?),
        },
    };
    Ok(SessionNumbers {
        number,
        term_id: term.map(|t| t.id),
        number_in_term,
    })
}

/// The term number a resolution decided on `date` outside a session falls in.
pub(crate) fn term_number_on(
    tx: &rusqlite::Connection,
    body_id: i64,
    date: NaiveDate,
) -> Result<Option<i64>> {
    Ok(term_of(&terms_in(tx, body_id)?, date).map(|t| t.number))
}

/// Refuses a resolution number the body has already given, naming the resolution.
pub(crate) fn resolution_number_free(
    tx: &rusqlite::Connection,
    body_id: i64,
    number: &str,
) -> Result<()> {
    let taken: Option<i64> = tx
        .query_row(
            "SELECT id FROM resolution WHERE body_id = ?1 AND number = ?2",
            params![body_id, number],
            |r| r.get(0),
        )
        .optional()?;
    match taken {
        Some(resolution) => Err(refuse(NumberingRefusal::ResolutionNumberTaken {
            number: number.to_string(),
            resolution,
        })),
        None => Ok(()),
    }
}

impl Store {
    /// The number the next session of a body on `date` would be shown by (in its term
    /// for a body that numbers per term).
    pub fn next_session_number(&self, body_id: i64, date: NaiveDate) -> Result<i64> {
        let body = self.body(body_id)?;
        let n = session_numbers(&self.conn, &body, date, None, None)?;
        Ok(n.number_in_term.unwrap_or(n.number))
    }

    /// Checks a resolution number typed by hand before anything is written: as stored
    /// ([`crate::model::numbering::check_resolution_number`]) and not the body's already.
    pub fn resolution_number_available(&self, body_id: i64, number: &str) -> Result<String> {
        let number = crate::model::numbering::check_resolution_number(number)?;
        resolution_number_free(&self.conn, body_id, &number)?;
        Ok(number)
    }

    /// A body's council terms, earliest first.
    pub fn terms(&self, body_id: i64) -> Result<Vec<Term>> {
        let body = self.body(body_id)?;
        terms_in(&self.conn, body.id)
    }

    /// Adds a council term; refused when its number is the body's already or its days
    /// overlap another term's. The sessions not yet approved whose date falls in it join
    /// it (numbered in it in date order when the body numbers per term).
    pub fn add_term(&mut self, t: &NewTerm) -> Result<Term> {
        if t.number <= 0 {
            return Err(InvalidValue {
                what: Entity::Term,
                value: t.number.to_string(),
                expected: Expected::msg(Msg::ExpectedTermNumber),
            }
            .into());
        }
        if let Some(e) = t.ends_on {
            if e < t.starts_on {
                return Err(InvalidValue {
                    what: Entity::TermEnd,
                    value: e.to_string(),
                    expected: Expected::with(
                        Msg::ExpectedOnOrAfterTermStart,
                        &[&t.starts_on.to_string()],
                    ),
                }
                .into());
            }
        }
        let body = self.body(t.body_id)?;
        let actor = self.actor.clone();
        let id = self.write(|tx| {
            let new = Term {
                id: 0,
                body_id: body.id,
                number: t.number,
                starts_on: t.starts_on,
                ends_on: t.ends_on,
            };
            for other in terms_in(tx, body.id)? {
                if other.number == t.number {
                    return Err(refuse(NumberingRefusal::TermNumberTaken {
                        number: other.number,
                        from: other.starts_on,
                    }));
                }
                if other.overlaps(&new) {
                    return Err(refuse(NumberingRefusal::TermOverlaps {
                        term: t.number,
                        other: other.number,
                        other_from: other.starts_on,
                        other_to: other.ends_on,
                    }));
                }
            }
            tx.execute(
                "INSERT INTO term(body_id, number, starts_on, ends_on) VALUES (?1, ?2, ?3, ?4)",
                params![
                    body.id,
                    t.number,
                    t.starts_on.to_string(),
                    t.ends_on.map(|d| d.to_string())
                ],
            )?;
            let id = tx.last_insert_rowid();
            audited(tx, &actor, "insert", "term", id, None)?;
            // Sessions already recorded on its days belong to it, but for approved ones,
            // whose record no longer changes.
            let mut stmt = tx.prepare(
                "SELECT id FROM session WHERE body_id = ?1 AND term_id IS NULL AND status <> 'approved' AND date >= ?2
                   AND (?3 IS NULL OR date <= ?3) ORDER BY date, number",
            )?;
            let joining: Vec<i64> = stmt
                .query_map(
                    params![
                        body.id,
                        t.starts_on.to_string(),
                        t.ends_on.map(|d| d.to_string())
                    ],
                    |r| r.get(0),
                )?
                .collect::<rusqlite::Result<_>>()?;
            for (i, session) in joining.iter().enumerate() {
                let before = super::audit::snapshot(tx, "session", "id = ?1", &[session])?;
                let in_term = body.number_per_term.then_some(i as i64 + 1);
                tx.execute(
                    "UPDATE session SET term_id = ?2, number_in_term = ?3, version = version + 1 WHERE id = ?1",
                    params![session, id, in_term],
                )?;
                audited(tx, &actor, "update", "session", *session, before)?;
            }
            Ok(id)
        })?;
        self.terms(body.id)?
            .into_iter()
            .find(|t| t.id == id)
            .ok_or(StoreError::NotFound {
                what: Entity::Term,
                key: id.to_string(),
            })
    }
}
