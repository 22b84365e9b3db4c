//! After the meeting: law profiles, official holidays, the sending of resolutions and
//! the legal events after it (objections, answers, rulings).

use super::Result;
use crate::locale::strings::Msg;
use crate::model::{Entity, Expected, InvalidValue};

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
#[allow(dead_code)] // used by the sending of resolutions and the register
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
