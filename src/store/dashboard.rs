//! Reads for the chair's dashboard and the digests: counts grouped by body or member.
//! Plain aggregate queries; nothing here keeps a read transaction open.

use chrono::NaiveDate;
use rusqlite::{params_from_iter, OptionalExtension};

use super::read::{code_at, date_at};
use super::{Result, Store};
use crate::model::*;

/// Open (open or in-progress) resolutions of one body.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenResolutionCount {
    pub body_id: i64,
    pub body_name: Name,
    pub count: i64,
}

/// How one body followed up its tasks whose due date has passed.
#[derive(Debug, Clone, PartialEq)]
pub struct FollowUpCount {
    pub body_id: i64,
    pub body_name: Name,
    /// Tasks (not cancelled) due before the day asked about.
    pub due: i64,
    /// Of those, the ones done on or before their due date.
    pub done_on_time: i64,
}

/// One person's attendance at one body's sessions.
#[derive(Debug, Clone, PartialEq)]
pub struct AttendanceCount {
    pub body_id: i64,
    pub person_id: i64,
    pub person_name: Name,
    /// Sessions with this person's attendance recorded.
    pub recorded: i64,
    /// Of those, present, late or remote.
    pub attended: i64,
    /// Of those, excused absences (the rest are unexcused).
    pub excused: i64,
}

fn scope_sql(col: &str, ids: Option<&[i64]>, args: &mut Vec<rusqlite::types::Value>) -> String {
    match ids {
        None => String::new(),
        Some(ids) => {
            args.extend(ids.iter().map(|i| (*i).into()));
            format!(" AND {col} IN ({})", vec!["?"; ids.len()].join(","))
        }
    }
}

impl Store {
    /// Open resolutions per body (bodies with none are left out), in body order.
    pub fn open_resolution_counts(
        &self,
        body_ids: Option<&[i64]>,
    ) -> Result<Vec<OpenResolutionCount>> {
        let mut args = Vec::new();
        let scope = scope_sql("r.body_id", body_ids, &mut args) + &self.visible_sql("r.body_id");
        // Counted per body from the partial index of open resolutions first, then joined
        // to the bodies: joining first looked a body up for every open resolution
        // (65,000 at scale 1: 45 ms against 7).
        let sql = format!(
            "SELECT b.id, b.name_fa, b.name_en, c.n
             FROM (SELECT r.body_id, count(*) AS n FROM resolution r
                   WHERE r.status IN ('open','in_progress'){scope} GROUP BY r.body_id) c
             JOIN body b ON b.id = c.body_id ORDER BY b.id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), |r| {
            Ok(OpenResolutionCount {
                body_id: r.get(0)?,
                body_name: Name::new(r.get(1)?, r.get(2)?),
                count: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Per body: tasks (not cancelled) due before `today`, and how many of them were done
    /// by their due date. The months before this one come from the tally the triggers
    /// keep (`task_due_tally`, schema V3), this month's days from the tasks themselves
    /// (an index range per body), so the cost does not grow with the years of tasks.
    pub fn follow_up_counts(
        &self,
        body_ids: Option<&[i64]>,
        today: NaiveDate,
    ) -> Result<Vec<FollowUpCount>> {
        let day = today.to_string();
        let month = day[..7].to_string();
        let month_start = format!("{month}-01");
        let mut args: Vec<rusqlite::types::Value> = vec![month.into()];
        let tally_scope = scope_sql("body_id", body_ids, &mut args) + &self.visible_sql("body_id");
        args.push(month_start.into());
        args.push(day.into());
        let task_scope = scope_sql("b.id", body_ids, &mut args) + &self.visible_sql("b.id");
        let sql = format!(
            "WITH counts(body_id, due, done) AS (
                 SELECT body_id, sum(tasks), sum(done_on_time) FROM task_due_tally
                 WHERE month < ?{tally_scope} GROUP BY body_id
                 UNION ALL
                 SELECT b.id, count(*),
                        coalesce(sum(t.status = 'done' AND t.done_on IS NOT NULL AND t.done_on <= t.due), 0)
                 FROM body b JOIN task t ON t.body_id = b.id AND t.due >= ? AND t.due < ?
                 WHERE t.status <> 'cancelled'{task_scope} GROUP BY b.id
             )
             SELECT b.id, b.name_fa, b.name_en, sum(c.due), sum(c.done)
             FROM counts c JOIN body b ON b.id = c.body_id
             GROUP BY b.id HAVING sum(c.due) > 0 ORDER BY b.id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), |r| {
            Ok(FollowUpCount {
                body_id: r.get(0)?,
                body_name: Name::new(r.get(1)?, r.get(2)?),
                due: r.get(3)?,
                done_on_time: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Per body and person: sessions with attendance recorded and sessions attended
    /// (present, late or remote), and excused absences. Cancelled sessions are left out.
    /// From the tally the triggers keep (`attendance_tally`, schema V3; `excused` V8).
    pub fn attendance_counts(&self, body_ids: Option<&[i64]>) -> Result<Vec<AttendanceCount>> {
        let mut args = Vec::new();
        let scope = scope_sql("t.body_id", body_ids, &mut args) + &self.visible_sql("t.body_id");
        let sql = format!(
            "SELECT t.body_id, p.id, p.name_fa, p.name_en, t.recorded, t.attended, t.excused
             FROM attendance_tally t JOIN person p ON p.id = t.person_id
             WHERE t.recorded > 0{scope}
             ORDER BY t.body_id, t.person_id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), |r| {
            Ok(AttendanceCount {
                body_id: r.get(0)?,
                person_id: r.get(1)?,
                person_name: Name::new(r.get(2)?, r.get(3)?),
                recorded: r.get(4)?,
                attended: r.get(5)?,
                excused: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The due date of the `n`-th most overdue task on `today` in `body_ids` (None: every
    /// body), or None when fewer are overdue: the tasks due on or before it are the
    /// first `n` and the few that share its day. Read from the partial indexes of open
    /// tasks in due order, so it stops after `n` entries.
    pub fn overdue_cutoff(
        &self,
        body_ids: Option<&[i64]>,
        today: NaiveDate,
        n: usize,
    ) -> Result<Option<NaiveDate>> {
        let mut args: Vec<rusqlite::types::Value> = vec![today.to_string().into()];
        let scope = scope_sql("body_id", body_ids, &mut args) + &self.visible_sql("body_id");
        args.push((n.max(1) as i64 - 1).into());
        let sql = format!(
            "SELECT due FROM task
             WHERE status IN ('open','in_progress') AND due <> '' AND due < ?{scope}
             ORDER BY due LIMIT 1 OFFSET ?"
        );
        let due: Option<String> = self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(args), |r| r.get(0))
            .optional()?;
        Ok(due.and_then(|d| d.parse().ok()))
    }

    /// Open or in-progress tasks due from `from` up to (not including) `to` in
    /// `body_ids` (None: every body): a count over the partial indexes of open tasks.
    pub fn open_task_count_due(
        &self,
        body_ids: Option<&[i64]>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<i64> {
        let mut args: Vec<rusqlite::types::Value> =
            vec![from.to_string().into(), to.to_string().into()];
        let scope = scope_sql("body_id", body_ids, &mut args) + &self.visible_sql("body_id");
        let sql = format!(
            "SELECT count(*) FROM task
             WHERE status IN ('open','in_progress') AND due >= ? AND due < ?{scope}"
        );
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(args), |r| r.get(0))?)
    }

    /// Tasks overdue on `today` (open or in progress, due before it) in `body_ids`
    /// (None: every body): a count over the partial indexes of open tasks.
    pub fn overdue_task_count(&self, body_ids: Option<&[i64]>, today: NaiveDate) -> Result<i64> {
        let mut args: Vec<rusqlite::types::Value> = vec![today.to_string().into()];
        let scope = scope_sql("body_id", body_ids, &mut args) + &self.visible_sql("body_id");
        let sql = format!(
            "SELECT count(*) FROM task
             WHERE status IN ('open','in_progress') AND due <> '' AND due < ?{scope}"
        );
        Ok(self
            .conn
            .prepare_cached(&sql)?
            .query_row(params_from_iter(args), |r| r.get(0))?)
    }

    /// Date, kind and status of every session of a body, oldest first (for the
    /// statutory-meeting check).
    pub fn session_calendar(
        &self,
        body_id: i64,
    ) -> Result<Vec<(NaiveDate, SessionKind, SessionStatus)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT date, kind, status FROM session WHERE body_id = ?1 ORDER BY date, id",
        )?;
        let rows = stmt.query_map([body_id], |r| {
            Ok((
                date_at(r, 0)?,
                code_at(r, 1, SessionKind::parse)?,
                code_at(r, 2, SessionStatus::parse)?,
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
