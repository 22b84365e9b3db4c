//! Reads for the absence rule (`model::absences`): a body's members and their
//! attendance at its held sessions over some days.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::params_from_iter;

use super::read::{code_at, date_at, opt_date_at, person_from, MemberRow, PERSON_COLS};
use super::{Result, Store};
use crate::model::{Membership, Presence, Role};

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
    /// (both included). Empty for a body the actor may not see.
    pub fn absence_sheet(
        &self,
        body_id: i64,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<AbsenceSheet> {
        Ok(self
            .absence_sheets(&[body_id], from, to)?
            .remove(&body_id)
            .unwrap_or(AbsenceSheet {
                members: Vec::new(),
                attendance: Vec::new(),
            }))
    }

    /// [`Store::absence_sheet`] for several bodies at once (the dashboard's): two
    /// queries whatever the number of bodies, the memberships by the body's index and
    /// the attendance by ranges of the session calendar index joined to the attendance
    /// by its key. Bodies the actor may not see are left out.
    pub fn absence_sheets(
        &self,
        body_ids: &[i64],
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<BTreeMap<i64, AbsenceSheet>> {
        let ids: Vec<i64> = body_ids
            .iter()
            .copied()
            .filter(|id| !self.is_hidden(*id))
            .collect();
        let mut out: BTreeMap<i64, AbsenceSheet> = ids
            .iter()
            .map(|id| {
                (
                    *id,
                    AbsenceSheet {
                        members: Vec::new(),
                        attendance: Vec::new(),
                    },
                )
            })
            .collect();
        if ids.is_empty() {
            return Ok(out);
        }
        let list = vec!["?"; ids.len()].join(",");
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT m.id, m.body_id, m.person_id, m.role, m.voting, m.term_start, m.term_end, {PERSON_COLS}
             FROM membership m JOIN person p ON p.id = m.person_id WHERE m.body_id IN ({list})
             ORDER BY m.body_id, CASE m.role WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1 WHEN 'secretary' THEN 2 WHEN 'member' THEN 3 ELSE 4 END, m.id"
        ))?;
        let rows = stmt.query_map(params_from_iter(ids.iter()), |r| {
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
        for row in rows {
            let row = row?;
            if let Some(sheet) = out.get_mut(&row.membership.body_id) {
                sheet.members.push(row);
            }
        }
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT s.body_id, a.person_id, s.id, coalesce(s.number_in_term, s.number), s.date, a.presence
             FROM session s JOIN attendance a ON a.session_id = s.id
             WHERE s.body_id IN ({list}) AND s.date >= ? AND s.date <= ?
               AND s.status IN ('open','closed','approved')
             ORDER BY s.body_id, s.date, s.id, a.person_id"
        ))?;
        let mut args: Vec<rusqlite::types::Value> = ids.iter().map(|i| (*i).into()).collect();
        args.push(from.to_string().into());
        args.push(to.to_string().into());
        let rows = stmt.query_map(params_from_iter(args), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                HeldAttendance {
                    person_id: r.get(1)?,
                    session_id: r.get(2)?,
                    session_number: r.get(3)?,
                    date: date_at(r, 4)?,
                    presence: code_at(r, 5, Presence::parse)?,
                },
            ))
        })?;
        for row in rows {
            let (body_id, a) = row?;
            if let Some(sheet) = out.get_mut(&body_id) {
                sheet.attendance.push(a);
            }
        }
        Ok(out)
    }
}
