//! The secretariat's register of letters: added (through [`super::legal::insert_letter`]),
//! read, listed, corrected and linked, each write in one IMMEDIATE transaction and
//! audited (a correction or a link with the row before and after).
//!
//! A number is stored as typed and compared digit-insensitively
//! ([`crate::model::letters::number_key`]): the register refuses «۱۲۳» when it has «123»
//! in the same direction.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::audit::snapshot;
use super::legal::{insert_letter, NewLetter};
use super::read::{code_at, date_at};
use super::write::{audited, check_version};
use super::{Refusal, Result, Store, StoreError};
use crate::model::legal::{LegalRefusal, LetterDirection};
use crate::model::letters::{number_key, Letter, LetterLink, LetterRefusal};
use crate::model::{check_text, Entity, MAX_TITLE};

const LETTER_COLS: &str = "l.id, l.body_id, l.direction, l.number, l.dated, l.correspondent, l.subject, l.agenda_item_id, l.resolution_id, l.created_at, l.version";

fn letter_from(r: &Row) -> rusqlite::Result<Letter> {
    Ok(Letter {
        id: r.get(0)?,
        body_id: r.get(1)?,
        direction: code_at(r, 2, LetterDirection::parse)?,
        number: r.get(3)?,
        dated: date_at(r, 4)?,
        correspondent: r.get(5)?,
        subject: r.get(6)?,
        agenda_item_id: r.get(7)?,
        resolution_id: r.get(8)?,
        created_at: r.get(9)?,
        version: r.get(10)?,
    })
}

/// Which letters a listing shows (every field `None`: all the visible ones).
#[derive(Debug, Clone, Default)]
pub struct LetterFilter {
    pub body_id: Option<i64>,
    pub direction: Option<LetterDirection>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// A text the number, correspondent or subject contains (normalized for search).
    pub text: Option<String>,
    /// Linked to an item or a resolution (`Some(true)`), or to neither.
    pub linked: Option<bool>,
    pub agenda_item_id: Option<i64>,
    pub resolution_id: Option<i64>,
}

/// A letter's fields, corrected: each `Some` replaces the stored value.
#[derive(Debug, Clone, Default)]
pub struct LetterCorrection {
    pub number: Option<String>,
    pub dated: Option<NaiveDate>,
    pub correspondent: Option<String>,
    pub subject: Option<String>,
    pub expected_version: Option<i64>,
}

/// The checked texts of a letter: number, correspondent, subject.
fn clean(number: &str, correspondent: &str, subject: &str) -> Result<(String, String, String)> {
    Ok((
        check_text(Entity::LetterNumber, number, 100)?,
        check_text(Entity::LetterCorrespondent, correspondent, MAX_TITLE)?,
        check_text(Entity::LetterSubject, subject, MAX_TITLE)?,
    ))
}

/// Refuses a number the body's register has in that direction, whatever its digits
/// (but the letter `except`, being corrected). The one check of a letter's number:
/// [`insert_letter`] makes it for every new letter.
pub(crate) fn number_free(
    tx: &Transaction,
    body_id: i64,
    direction: LetterDirection,
    number: &str,
    except: Option<i64>,
) -> Result<()> {
    let key = number_key(number);
    let mut stmt =
        tx.prepare_cached("SELECT id, number FROM letter WHERE body_id = ?1 AND direction = ?2")?;
    let rows = stmt.query_map(params![body_id, direction.code()], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
    })?;
    for row in rows {
        let (id, other) = row?;
        if Some(id) != except && number_key(&other) == key {
            return Err(StoreError::Refused(Refusal::Legal(
                LegalRefusal::LetterNumberTaken {
                    number: other,
                    letter: id,
                },
            )));
        }
    }
    Ok(())
}

/// The body of an agenda item's session.
fn item_body(tx: &Transaction, item: i64) -> Result<i64> {
    tx.query_row(
        "SELECT s.body_id FROM agenda_item a JOIN session s ON s.id = a.session_id WHERE a.id = ?1",
        [item],
        |r| r.get(0),
    )
    .optional()?
    .ok_or(StoreError::NotFound {
        what: Entity::AgendaItem,
        key: item.to_string(),
    })
}

/// The body of a resolution.
fn resolution_body(tx: &Transaction, resolution: i64) -> Result<i64> {
    tx.query_row(
        "SELECT body_id FROM resolution WHERE id = ?1",
        [resolution],
        |r| r.get(0),
    )
    .optional()?
    .ok_or(StoreError::NotFound {
        what: Entity::Resolution,
        key: resolution.to_string(),
    })
}

/// Refuses a link to an item or a resolution of another body than the letter's.
fn same_body(tx: &Transaction, letter: i64, body: i64, link: LetterLink) -> Result<()> {
    let refusal = match link {
        LetterLink::Item(item) => {
            let item_body = item_body(tx, item)?;
            (item_body != body).then_some(LetterRefusal::ItemOfOtherBody {
                letter,
                body,
                item,
                item_body,
            })
        }
        LetterLink::Resolution(resolution) => {
            let resolution_body = resolution_body(tx, resolution)?;
            (resolution_body != body).then_some(LetterRefusal::ResolutionOfOtherBody {
                letter,
                body,
                resolution,
                resolution_body,
            })
        }
    };
    match refusal {
        Some(r) => Err(StoreError::Refused(Refusal::Letter(r))),
        None => Ok(()),
    }
}

impl Store {
    /// Adds a letter to a body's register; refused when its number is taken in that
    /// direction (whatever its digits), or when the item or resolution it is linked to
    /// is another body's.
    pub fn add_letter(&mut self, l: &NewLetter) -> Result<Letter> {
        let (number, correspondent, subject) = clean(&l.number, &l.correspondent, &l.subject)?;
        let body = self.body(l.body_id)?;
        let actor = self.actor.clone();
        let new = NewLetter {
            body_id: body.id,
            number,
            correspondent,
            subject,
            ..l.clone()
        };
        let id = self.write(|tx| {
            // The new letter has no id yet: a refusal names it 0.
            if let Some(item) = new.agenda_item_id {
                same_body(tx, 0, new.body_id, LetterLink::Item(item))?;
            }
            if let Some(r) = new.resolution_id {
                same_body(tx, 0, new.body_id, LetterLink::Resolution(r))?;
            }
            insert_letter(tx, &actor, &new)
        })?;
        self.letter(id)
    }

    /// One letter; not found when its body is hidden from the user.
    pub fn letter(&self, id: i64) -> Result<Letter> {
        let visible = self.visible_sql("l.body_id");
        self.conn
            .prepare_cached(&format!(
                "SELECT {LETTER_COLS} FROM letter l WHERE l.id = ?1{visible}"
            ))?
            .query_row([id], letter_from)
            .optional()?
            .ok_or(StoreError::NotFound {
                what: Entity::Letter,
                key: id.to_string(),
            })
    }

    /// The body's letter of that number and direction (whatever its digits), if any.
    pub fn letter_by_number(
        &self,
        body_id: i64,
        direction: LetterDirection,
        number: &str,
    ) -> Result<Option<Letter>> {
        let key = number_key(number);
        Ok(self
            .letters(&LetterFilter {
                body_id: Some(body_id),
                direction: Some(direction),
                ..Default::default()
            })?
            .into_iter()
            .find(|l| number_key(&l.number) == key))
    }

    /// The letters a filter selects, latest first (by date, then as registered).
    pub fn letters(&self, f: &LetterFilter) -> Result<Vec<Letter>> {
        let mut sql = format!(
            "SELECT {LETTER_COLS} FROM letter l WHERE 1 = 1{}",
            self.visible_sql("l.body_id")
        );
        let mut args: Vec<rusqlite::types::Value> = Vec::new();
        let mut arg = |sql: &mut String, cond: &str, v: rusqlite::types::Value| {
            args.push(v);
            sql.push_str(&format!(" AND {cond} ?{}", args.len()));
        };
        if let Some(b) = f.body_id {
            arg(&mut sql, "l.body_id =", b.into());
        }
        if let Some(d) = f.direction {
            arg(&mut sql, "l.direction =", d.code().to_string().into());
        }
        if let Some(d) = f.from {
            arg(&mut sql, "l.dated >=", d.to_string().into());
        }
        if let Some(d) = f.to {
            arg(&mut sql, "l.dated <=", d.to_string().into());
        }
        if let Some(i) = f.agenda_item_id {
            arg(&mut sql, "l.agenda_item_id =", i.into());
        }
        if let Some(r) = f.resolution_id {
            arg(&mut sql, "l.resolution_id =", r.into());
        }
        match f.linked {
            Some(true) => {
                sql.push_str(" AND (l.agenda_item_id IS NOT NULL OR l.resolution_id IS NOT NULL)")
            }
            Some(false) => {
                sql.push_str(" AND l.agenda_item_id IS NULL AND l.resolution_id IS NULL")
            }
            None => {}
        }
        sql.push_str(" ORDER BY l.dated DESC, l.id DESC");
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), letter_from)?;
        let mut out = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        if let Some(text) = f.text.as_deref() {
            out.retain(|l| l.matches(text));
        }
        Ok(out)
    }

    /// Corrects a letter's number, date, correspondent or subject; refused when it
    /// changed since `expected_version`, or when the new number is taken.
    pub fn update_letter(&mut self, id: i64, c: &LetterCorrection) -> Result<Letter> {
        let old = self.letter(id)?;
        let (number, correspondent, subject) = clean(
            c.number.as_deref().unwrap_or(&old.number),
            c.correspondent.as_deref().unwrap_or(&old.correspondent),
            c.subject.as_deref().unwrap_or(&old.subject),
        )?;
        let dated = c.dated.unwrap_or(old.dated);
        let actor = self.actor.clone();
        self.write(|tx| {
            check_version(tx, "letter", Entity::Letter, id, c.expected_version)?;
            number_free(tx, old.body_id, old.direction, &number, Some(id))?;
            let before = snapshot(tx, "letter", "id = ?1", &[&id])?;
            tx.execute(
                "UPDATE letter SET number = ?2, dated = ?3, correspondent = ?4, subject = ?5,
                 version = version + 1 WHERE id = ?1",
                params![id, number, dated.to_string(), correspondent, subject],
            )?;
            audited(tx, &actor, "update", "letter", id, before)
        })?;
        self.letter(id)
    }

    /// Links a letter to an agenda item or a resolution of its body (replacing the link
    /// of that kind it had); refused for another body's.
    pub fn link_letter(
        &mut self,
        id: i64,
        link: LetterLink,
        expected_version: Option<i64>,
    ) -> Result<Letter> {
        let letter = self.letter(id)?;
        let actor = self.actor.clone();
        self.write(|tx| {
            check_version(tx, "letter", Entity::Letter, id, expected_version)?;
            same_body(tx, id, letter.body_id, link)?;
            let before = snapshot(tx, "letter", "id = ?1", &[&id])?;
            let (col, target) = match link {
                LetterLink::Item(i) => ("agenda_item_id", i),
                LetterLink::Resolution(r) => ("resolution_id", r),
            };
            tx.execute(
                &format!("UPDATE letter SET {col} = ?2, version = version + 1 WHERE id = ?1"),
                params![id, target],
            )?;
            audited(tx, &actor, "update", "letter", id, before)
        })?;
        self.letter(id)
    }
}
