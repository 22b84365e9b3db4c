//! Reads for the absence rule (`model::absences`): a body's members and their
//! attendance at its held sessions over some days.

use chrono::NaiveDate;
use rusqlite::params;

use super::read::{code_at, date_at, MemberRow};
use super::{Result, Store};
use crate::model::Presence;

/// One attendance row at a held session of the body.
#[derive(Debug, Clone, PartialEq)]
pub struct HeldAttendance {
    pub person_id: i64,
    pub session_id: i64,
    /// The number the session is known by (its number in its term, else in the body).
    pub session_number: i64,
    pub date: NaiveDate,
    pub presence: Presence,
}

/// What the absence rule needs of one body.
#[derive(Debug, Clone, PartialEq)]
pub struct AbsenceSheet {
    /// Every membership of the body (in office or not), with the person.
    pub members: Vec<MemberRow>,
    /// Attendance at the body's sessions held (open, closed or approved: not planned,
    /// not cancelled) from `from` to `to`, by date.
    pub attendance: Vec<HeldAttendance>,
}

impl Store {
    /// A body's memberships and the attendance at its sessions held from `from` to `to`
    /// (both included): one range of the body's session calendar index, joined to the
    /// attendance by its key. Empty for a body the actor may not see.
    pub fn absence_sheet(
        &self,
        body_id: i64,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<AbsenceSheet> {
        let members = self.members(body_id)?;
        if self.is_hidden(body_id) {
            return Ok(AbsenceSheet {
                members,
                attendance: Vec::new(),
            });
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT a.person_id, s.id, coalesce(s.number_in_term, s.number), s.date, a.presence
             FROM session s JOIN attendance a ON a.session_id = s.id
             WHERE s.body_id = ?1 AND s.date >= ?2 AND s.date <= ?3
               AND s.status IN ('open','closed','approved')
             ORDER BY s.date, s.id, a.person_id",
        )?;
        let rows = stmt.query_map(params![body_id, from.to_string(), to.to_string()], |r| {
            Ok(HeldAttendance {
                person_id: r.get(0)?,
                session_id: r.get(1)?,
                session_number: r.get(2)?,
                date: date_at(r, 3)?,
                presence: code_at(r, 4, Presence::parse)?,
            })
        })?;
        Ok(AbsenceSheet {
            members,
            attendance: rows.collect::<rusqlite::Result<Vec<_>>>()?,
        })
    }
}
