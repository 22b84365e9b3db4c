//! A body's plan: goals, policies (and the resolutions and tasks linked to them),
//! indicators and their measurements. Every write is one IMMEDIATE transaction,
//! audited with the row before and after; reads leave hidden bodies out.

use std::collections::BTreeMap;

use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::audit::{record, snapshot};
use super::read::code_at;
use super::write::{audited, check_version, exists};
use super::{Refusal, Result, Store, StoreError};
use crate::locale::strings::Msg;
use crate::locale::Calendar;
use crate::model::plans::{
    calendar_code, parse_calendar_code, Goal, MeasuredValue, PeriodKind, PlanRefusal, PolicyLink,
};
use crate::model::{
    check_text, Entity, Expected, Indicator, InvalidValue, Measurement, Policy, MAX_TEXT, MAX_TITLE,
};

/// A new policy of a body.
#[derive(Debug, Clone, Default)]
pub struct NewPolicy {
    pub body_id: i64,
    pub title: String,
    pub goal_id: Option<i64>,
    pub description: String,
}

/// A policy's fields corrected: each `Some` replaces the stored value (`goal_id:
/// Some(None)` detaches it from its goal).
#[derive(Debug, Clone, Default)]
pub struct PolicyCorrection {
    pub title: Option<String>,
    pub goal_id: Option<Option<i64>>,
    pub description: Option<String>,
    pub expected_version: Option<i64>,
}

/// A new indicator of a policy.
#[derive(Debug, Clone)]
pub struct NewIndicator {
    pub policy_id: i64,
    pub name: String,
    pub unit: Option<String>,
    pub target: f64,
    pub baseline: Option<f64>,
    pub higher_is_better: bool,
    pub period: PeriodKind,
    /// `None`: the body's calendar (its fiscal year's).
    pub calendar: Option<Calendar>,
}

/// An indicator's fields corrected: each `Some` replaces the stored value.
#[derive(Debug, Clone, Default)]
pub struct IndicatorCorrection {
    pub name: Option<String>,
    pub unit: Option<Option<String>>,
    pub target: Option<f64>,
    pub baseline: Option<Option<f64>>,
    pub higher_is_better: Option<bool>,
    pub period: Option<PeriodKind>,
    pub expected_version: Option<i64>,
}

/// A measured value for one period (its stored code).
#[derive(Debug, Clone, Default)]
pub struct NewMeasurement {
    pub indicator_id: i64,
    pub period: String,
    pub value: f64,
    pub source: String,
    pub note: String,
}

const POLICY_COLS: &str = "p.id, p.body_id, p.title, p.goal_id, p.description, p.version";
const INDICATOR_COLS: &str = "i.id, i.policy_id, i.name, i.unit, i.target, i.higher_is_better, i.baseline, i.period, i.calendar, i.version";
const MEASUREMENT_COLS: &str =
    "m.indicator_id, m.period, m.value, m.source, m.note, m.recorded_by, m.recorded_at";

fn policy_from(r: &Row) -> rusqlite::Result<Policy> {
    Ok(Policy {
        id: r.get(0)?,
        body_id: r.get(1)?,
        title: r.get(2)?,
        goal_id: r.get(3)?,
        description: r.get(4)?,
        version: r.get(5)?,
    })
}

fn indicator_from(r: &Row) -> rusqlite::Result<Indicator> {
    Ok(Indicator {
        id: r.get(0)?,
        policy_id: r.get(1)?,
        name: r.get(2)?,
        unit: r.get(3)?,
        target: r.get(4)?,
        higher_is_better: r.get(5)?,
        baseline: r.get(6)?,
        period: code_at(r, 7, PeriodKind::parse)?,
        calendar: code_at(r, 8, |s| {
            parse_calendar_code(s).ok_or(InvalidValue {
                what: Entity::StoredValue,
                value: s.to_string(),
                expected: Expected::msg(Msg::ExpectedSomeText),
            })
        })?,
        version: r.get(9)?,
    })
}

fn measurement_from(r: &Row) -> rusqlite::Result<Measurement> {
    Ok(Measurement {
        indicator_id: r.get(0)?,
        period: r.get(1)?,
        value: r.get(2)?,
        source: r.get(3)?,
        note: r.get(4)?,
        recorded_by: r.get(5)?,
        recorded_at: r.get(6)?,
    })
}

fn goal_from(r: &Row) -> rusqlite::Result<Goal> {
    Ok(Goal {
        id: r.get(0)?,
        body_id: r.get(1)?,
        title: r.get(2)?,
        version: r.get(3)?,
    })
}

/// A finite number, or why not.
fn finite(what: Entity, v: f64) -> Result<f64> {
    if v.is_finite() {
        Ok(v)
    } else {
        Err(InvalidValue {
            what,
            value: v.to_string(),
            expected: Expected::msg(Msg::ExpectedNumber),
        }
        .into())
    }
}

fn optional_text(what: Entity, text: &str, max: usize) -> Result<String> {
    if text.trim().is_empty() {
        return Ok(String::new());
    }
    Ok(check_text(what, text, max)?)
}

/// Refuses a goal that is not the body's.
fn goal_of_body(tx: &Transaction, goal: i64, body: i64) -> Result<()> {
    let b: Option<i64> = tx
        .query_row("SELECT body_id FROM goal WHERE id = ?1", [goal], |r| {
            r.get(0)
        })
        .optional()?;
    match b {
        None => Err(StoreError::NotFound {
            what: Entity::Goal,
            key: goal.to_string(),
        }),
        Some(b) if b != body => Err(StoreError::Refused(Refusal::Plan(
            PlanRefusal::GoalOfOtherBody { goal, body },
        ))),
        Some(_) => Ok(()),
    }
}

fn body_of_policy(tx: &Transaction, policy: i64) -> Result<i64> {
    tx.query_row("SELECT body_id FROM policy WHERE id = ?1", [policy], |r| {
        r.get(0)
    })
    .optional()?
    .ok_or(StoreError::NotFound {
        what: Entity::Policy,
        key: policy.to_string(),
    })
}

fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

impl Store {
    // ---- Goals

    pub fn add_goal(&mut self, body_id: i64, title: &str) -> Result<Goal> {
        let title = check_text(Entity::GoalTitle, title, MAX_TITLE)?;
        let actor = self.actor.clone();
        let id = self.write(|tx| {
            exists(tx, "body", Entity::Body, body_id)?;
            tx.execute(
                "INSERT INTO goal(body_id, title, created_at) VALUES (?1, ?2, ?3)",
                params![body_id, title, now()],
            )?;
            let id = tx.last_insert_rowid();
            audited(tx, &actor, "insert", "goal", id, None)?;
            Ok(id)
        })?;
        self.goal(id)
    }

    pub fn goal(&self, id: i64) -> Result<Goal> {
        let visible = self.visible_sql("g.body_id");
        self.conn
            .prepare_cached(&format!(
                "SELECT g.id, g.body_id, g.title, g.version FROM goal g WHERE g.id = ?1{visible}"
            ))?
            .query_row([id], goal_from)
            .optional()?
            .ok_or(StoreError::NotFound {
                what: Entity::Goal,
                key: id.to_string(),
            })
    }

    /// A body's goals, in the order they were added.
    pub fn goals(&self, body_id: i64) -> Result<Vec<Goal>> {
        let visible = self.visible_sql("g.body_id");
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT g.id, g.body_id, g.title, g.version FROM goal g WHERE g.body_id = ?1{visible} ORDER BY g.id"
        ))?;
        let rows = stmt.query_map([body_id], goal_from)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn rename_goal(
        &mut self,
        id: i64,
        title: &str,
        expected_version: Option<i64>,
    ) -> Result<Goal> {
        let title = check_text(Entity::GoalTitle, title, MAX_TITLE)?;
        let actor = self.actor.clone();
        self.write(|tx| {
            check_version(tx, "goal", Entity::Goal, id, expected_version)?;
            let before = snapshot(tx, "goal", "id = ?1", &[&id])?;
            tx.execute(
                "UPDATE goal SET title = ?2, version = version + 1 WHERE id = ?1",
                params![id, title],
            )?;
            audited(tx, &actor, "update", "goal", id, before)
        })?;
        self.goal(id)
    }

    // ---- Policies

    /// Adds a policy (a short title is all it takes; the goal must be the body's).
    pub fn add_policy(&mut self, body_id: i64, title: &str) -> Result<i64> {
        self.add_policy_with(&NewPolicy {
            body_id,
            title: title.to_string(),
            ..Default::default()
        })
        .map(|p| p.id)
    }

    pub fn add_policy_with(&mut self, p: &NewPolicy) -> Result<Policy> {
        let title = check_text(Entity::PolicyTitle, &p.title, MAX_TITLE)?;
        let description = optional_text(Entity::Note, &p.description, MAX_TEXT)?;
        let actor = self.actor.clone();
        let id = self.write(|tx| {
            exists(tx, "body", Entity::Body, p.body_id)?;
            if let Some(g) = p.goal_id {
                goal_of_body(tx, g, p.body_id)?;
            }
            tx.execute(
                "INSERT INTO policy(body_id, title, goal_id, description) VALUES (?1, ?2, ?3, ?4)",
                params![p.body_id, title, p.goal_id, description],
            )?;
            let id = tx.last_insert_rowid();
            audited(tx, &actor, "insert", "policy", id, None)?;
            Ok(id)
        })?;
        self.policy(id)
    }

    pub fn policy(&self, id: i64) -> Result<Policy> {
        let visible = self.visible_sql("p.body_id");
        self.conn
            .prepare_cached(&format!(
                "SELECT {POLICY_COLS} FROM policy p WHERE p.id = ?1{visible}"
            ))?
            .query_row([id], policy_from)
            .optional()?
            .ok_or(StoreError::NotFound {
                what: Entity::Policy,
                key: id.to_string(),
            })
    }

    /// A body's policies, in the order they were added.
    pub fn policies(&self, body_id: i64) -> Result<Vec<Policy>> {
        let visible = self.visible_sql("p.body_id");
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {POLICY_COLS} FROM policy p WHERE p.body_id = ?1{visible} ORDER BY p.id"
        ))?;
        let rows = stmt.query_map([body_id], policy_from)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn update_policy(&mut self, id: i64, c: &PolicyCorrection) -> Result<Policy> {
        let title = c
            .title
            .as_deref()
            .map(|t| check_text(Entity::PolicyTitle, t, MAX_TITLE))
            .transpose()?;
        let description = c
            .description
            .as_deref()
            .map(|d| optional_text(Entity::Note, d, MAX_TEXT))
            .transpose()?;
        let actor = self.actor.clone();
        self.write(|tx| {
            check_version(tx, "policy", Entity::Policy, id, c.expected_version)?;
            let body = body_of_policy(tx, id)?;
            if let Some(Some(g)) = c.goal_id {
                goal_of_body(tx, g, body)?;
            }
            let before = snapshot(tx, "policy", "id = ?1", &[&id])?;
            if let Some(t) = &title {
                tx.execute("UPDATE policy SET title = ?2 WHERE id = ?1", params![id, t])?;
            }
            if let Some(g) = c.goal_id {
                tx.execute(
                    "UPDATE policy SET goal_id = ?2 WHERE id = ?1",
                    params![id, g],
                )?;
            }
            if let Some(d) = &description {
                tx.execute(
                    "UPDATE policy SET description = ?2 WHERE id = ?1",
                    params![id, d],
                )?;
            }
            tx.execute(
                "UPDATE policy SET version = version + 1 WHERE id = ?1",
                [id],
            )?;
            audited(tx, &actor, "update", "policy", id, before)
        })?;
        self.policy(id)
    }

    /// What a policy is linked to, in the order the links were made.
    pub fn policy_links(&self, policy_id: i64) -> Result<Vec<PolicyLink>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT resolution_id, task_id FROM policy_link WHERE policy_id = ?1 ORDER BY id",
        )?;
        let rows = stmt.query_map([policy_id], |r| {
            Ok((r.get::<_, Option<i64>>(0)?, r.get::<_, Option<i64>>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            match row? {
                (Some(r), _) => out.push(PolicyLink::Resolution(r)),
                (None, Some(t)) => out.push(PolicyLink::Task(t)),
                (None, None) => {}
            }
        }
        Ok(out)
    }

    /// The policies a resolution or a task serves.
    pub fn policies_linked_to(&self, link: PolicyLink) -> Result<Vec<Policy>> {
        let (col, id) = match link {
            PolicyLink::Resolution(r) => ("resolution_id", r),
            PolicyLink::Task(t) => ("task_id", t),
        };
        let visible = self.visible_sql("p.body_id");
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {POLICY_COLS} FROM policy p JOIN policy_link l ON l.policy_id = p.id
             WHERE l.{col} = ?1{visible} ORDER BY p.id"
        ))?;
        let rows = stmt.query_map([id], policy_from)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Links a policy to a resolution or task of its body (linking twice changes
    /// nothing).
    pub fn link_policy(&mut self, policy_id: i64, link: PolicyLink) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let body = body_of_policy(tx, policy_id)?;
            let (sql, what, id, col) = match link {
                PolicyLink::Resolution(r) => (
                    "SELECT body_id FROM resolution WHERE id = ?1",
                    Entity::Resolution,
                    r,
                    "resolution_id",
                ),
                PolicyLink::Task(t) => (
                    "SELECT body_id FROM task WHERE id = ?1",
                    Entity::Task,
                    t,
                    "task_id",
                ),
            };
            let link_body: i64 =
                tx.query_row(sql, [id], |r| r.get(0))
                    .optional()?
                    .ok_or(StoreError::NotFound {
                        what,
                        key: id.to_string(),
                    })?;
            if link_body != body {
                return Err(StoreError::Refused(Refusal::Plan(
                    PlanRefusal::LinkOfOtherBody {
                        policy: policy_id,
                        body,
                        link,
                        link_body,
                    },
                )));
            }
            // The UNIQUE constraint does not hold rows whose other column is NULL (NULLs
            // are distinct in SQL), so an existing link is looked for first.
            let linked: Option<i64> = tx
                .query_row(
                    &format!("SELECT id FROM policy_link WHERE policy_id = ?1 AND {col} = ?2"),
                    params![policy_id, id],
                    |r| r.get(0),
                )
                .optional()?;
            if linked.is_none() {
                tx.execute(
                    &format!("INSERT INTO policy_link(policy_id, {col}) VALUES (?1, ?2)"),
                    params![policy_id, id],
                )?;
                let row = tx.last_insert_rowid();
                audited(tx, &actor, "insert", "policy_link", row, None)?;
            }
            Ok(())
        })
    }

    pub fn unlink_policy(&mut self, policy_id: i64, link: PolicyLink) -> Result<()> {
        let actor = self.actor.clone();
        let (col, id) = match link {
            PolicyLink::Resolution(r) => ("resolution_id", r),
            PolicyLink::Task(t) => ("task_id", t),
        };
        self.write(|tx| {
            body_of_policy(tx, policy_id)?;
            let row: Option<i64> = tx
                .query_row(
                    &format!("SELECT id FROM policy_link WHERE policy_id = ?1 AND {col} = ?2"),
                    params![policy_id, id],
                    |r| r.get(0),
                )
                .optional()?;
            let Some(row) = row else {
                return Err(StoreError::Refused(Refusal::Plan(PlanRefusal::NotLinked {
                    policy: policy_id,
                    link,
                })));
            };
            let before = snapshot(tx, "policy_link", "id = ?1", &[&row])?;
            tx.execute("DELETE FROM policy_link WHERE id = ?1", [row])?;
            record(
                tx,
                &actor,
                "delete",
                "policy_link",
                Some(row),
                before.as_deref(),
                None,
            )
        })
    }

    // ---- Indicators

    /// Adds a quarterly indicator in the body's calendar (the short form the demo and
    /// older callers use).
    pub fn add_indicator(
        &mut self,
        policy_id: i64,
        name: &str,
        unit: Option<String>,
        target: f64,
        higher_is_better: bool,
    ) -> Result<i64> {
        self.add_indicator_with(&NewIndicator {
            policy_id,
            name: name.to_string(),
            unit,
            target,
            baseline: None,
            higher_is_better,
            period: PeriodKind::Quarter,
            calendar: None,
        })
        .map(|i| i.id)
    }

    pub fn add_indicator_with(&mut self, n: &NewIndicator) -> Result<Indicator> {
        let name = check_text(Entity::IndicatorName, &n.name, MAX_TITLE)?;
        let unit = n
            .unit
            .as_deref()
            .filter(|u| !u.trim().is_empty())
            .map(|u| check_text(Entity::Unit, u, 100))
            .transpose()?;
        let target = finite(Entity::Target, n.target)?;
        let baseline = n
            .baseline
            .map(|b| finite(Entity::Baseline, b))
            .transpose()?;
        let calendar = match n.calendar {
            Some(c) => c,
            None => {
                let body_id = self.write(|tx| body_of_policy(tx, n.policy_id))?;
                self.body(body_id)?.fiscal_year.calendar
            }
        };
        let actor = self.actor.clone();
        let id = self.write(|tx| {
            exists(tx, "policy", Entity::Policy, n.policy_id)?;
            tx.execute(
                "INSERT INTO indicator(policy_id, name, unit, target, higher_is_better, baseline, period, calendar)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    n.policy_id,
                    name,
                    unit,
                    target,
                    n.higher_is_better,
                    baseline,
                    n.period.code(),
                    calendar_code(calendar)
                ],
            )?;
            let id = tx.last_insert_rowid();
            audited(tx, &actor, "insert", "indicator", id, None)?;
            Ok(id)
        })?;
        self.indicator(id)
    }

    pub fn indicator(&self, id: i64) -> Result<Indicator> {
        let visible = self.visible_sql("p.body_id");
        self.conn
            .prepare_cached(&format!(
                "SELECT {INDICATOR_COLS} FROM indicator i JOIN policy p ON p.id = i.policy_id
                 WHERE i.id = ?1{visible}"
            ))?
            .query_row([id], indicator_from)
            .optional()?
            .ok_or(StoreError::NotFound {
                what: Entity::Indicator,
                key: id.to_string(),
            })
    }

    /// A policy's indicators, in the order they were added.
    pub fn indicators(&self, policy_id: i64) -> Result<Vec<Indicator>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {INDICATOR_COLS} FROM indicator i WHERE i.policy_id = ?1 ORDER BY i.id"
        ))?;
        let rows = stmt.query_map([policy_id], indicator_from)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn update_indicator(&mut self, id: i64, c: &IndicatorCorrection) -> Result<Indicator> {
        let name = c
            .name
            .as_deref()
            .map(|t| check_text(Entity::IndicatorName, t, MAX_TITLE))
            .transpose()?;
        let unit = c
            .unit
            .as_ref()
            .map(|u| {
                u.as_deref()
                    .filter(|u| !u.trim().is_empty())
                    .map(|u| check_text(Entity::Unit, u, 100))
                    .transpose()
            })
            .transpose()?;
        let target = c.target.map(|t| finite(Entity::Target, t)).transpose()?;
        let baseline = c
            .baseline
            .map(|b| b.map(|b| finite(Entity::Baseline, b)).transpose())
            .transpose()?;
        let actor = self.actor.clone();
        self.write(|tx| {
            check_version(tx, "indicator", Entity::Indicator, id, c.expected_version)?;
            let before = snapshot(tx, "indicator", "id = ?1", &[&id])?;
            if let Some(p) = c.period {
                let current: String =
                    tx.query_row("SELECT period FROM indicator WHERE id = ?1", [id], |r| {
                        r.get(0)
                    })?;
                if current != p.code() {
                    let count: i64 = tx.query_row(
                        "SELECT count(*) FROM measurement WHERE indicator_id = ?1",
                        [id],
                        |r| r.get(0),
                    )?;
                    if count > 0 {
                        return Err(StoreError::Refused(Refusal::Plan(
                            PlanRefusal::PeriodWithMeasurements {
                                indicator: id,
                                count,
                            },
                        )));
                    }
                    tx.execute(
                        "UPDATE indicator SET period = ?2 WHERE id = ?1",
                        params![id, p.code()],
                    )?;
                }
            }
            if let Some(n) = &name {
                tx.execute(
                    "UPDATE indicator SET name = ?2 WHERE id = ?1",
                    params![id, n],
                )?;
            }
            if let Some(u) = &unit {
                tx.execute(
                    "UPDATE indicator SET unit = ?2 WHERE id = ?1",
                    params![id, u],
                )?;
            }
            if let Some(t) = target {
                tx.execute(
                    "UPDATE indicator SET target = ?2 WHERE id = ?1",
                    params![id, t],
                )?;
            }
            if let Some(b) = baseline {
                tx.execute(
                    "UPDATE indicator SET baseline = ?2 WHERE id = ?1",
                    params![id, b],
                )?;
            }
            if let Some(h) = c.higher_is_better {
                tx.execute(
                    "UPDATE indicator SET higher_is_better = ?2 WHERE id = ?1",
                    params![id, h],
                )?;
            }
            tx.execute(
                "UPDATE indicator SET version = version + 1 WHERE id = ?1",
                [id],
            )?;
            audited(tx, &actor, "update", "indicator", id, before)
        })?;
        self.indicator(id)
    }

    // ---- Measurements

    /// Records (or corrects) the value of an indicator for a period such as `1403-Q2`,
    /// with no source or note (the short form).
    pub fn set_measurement(&mut self, indicator_id: i64, period: &str, value: f64) -> Result<()> {
        self.record_measurement(&NewMeasurement {
            indicator_id,
            period: period.to_string(),
            value,
            ..Default::default()
        })
        .map(|_| ())
    }

    /// Records (or corrects) an indicator's value for a period: the period's stored code
    /// (see [`crate::model::plans::Period::code`]), with its source and a note.
    pub fn record_measurement(&mut self, m: &NewMeasurement) -> Result<Measurement> {
        let period = check_text(Entity::Period, &m.period, 40)?;
        let value = finite(Entity::Value, m.value)?;
        let source = optional_text(Entity::Source, &m.source, MAX_TITLE)?;
        let note = optional_text(Entity::Note, &m.note, MAX_TEXT)?;
        let actor = self.actor.clone();
        let at = now();
        let indicator_id = m.indicator_id;
        self.write(|tx| {
            exists(tx, "indicator", Entity::Indicator, indicator_id)?;
            let before = snapshot(
                tx,
                "measurement",
                "indicator_id = ?1 AND period = ?2",
                &[&indicator_id, &period],
            )?;
            tx.execute(
                "INSERT INTO measurement(indicator_id, period, value, source, note, recorded_by, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT(indicator_id, period) DO UPDATE SET value = excluded.value,
                   source = excluded.source, note = excluded.note,
                   recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at",
                params![indicator_id, period, value, source, note, actor.login, at],
            )?;
            let after = snapshot(
                tx,
                "measurement",
                "indicator_id = ?1 AND period = ?2",
                &[&indicator_id, &period],
            )?;
            record(
                tx,
                &actor,
                if before.is_some() { "update" } else { "insert" },
                "measurement",
                Some(indicator_id),
                before.as_deref(),
                after.as_deref(),
            )
        })?;
        self.measurements(indicator_id)?
            .into_iter()
            .find(|x| x.period == period)
            .ok_or(StoreError::NotFound {
                what: Entity::Period,
                key: period,
            })
    }

    /// An indicator's measurements, oldest period first.
    pub fn measurements(&self, indicator_id: i64) -> Result<Vec<Measurement>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {MEASUREMENT_COLS} FROM measurement m WHERE m.indicator_id = ?1 ORDER BY m.period"
        ))?;
        let rows = stmt.query_map([indicator_id], measurement_from)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Every visible policy with its indicators and their measured values (oldest period
    /// first; sources and notes left out), in three reads rather than three per body: the
    /// dashboard's figures.
    pub fn all_indicators(&self) -> Result<Vec<(Policy, Indicator, Vec<MeasuredValue>)>> {
        let visible = self.visible_sql("p.body_id");
        let policies: BTreeMap<i64, Policy> = self
            .conn
            .prepare_cached(&format!(
                "SELECT {POLICY_COLS} FROM policy p WHERE 1 = 1{visible}"
            ))?
            .query_map([], |r| Ok((r.get(0)?, policy_from(r)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut measurements: BTreeMap<i64, Vec<MeasuredValue>> = BTreeMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT indicator_id, period, value FROM measurement ORDER BY indicator_id, period",
        )?;
        for m in stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                MeasuredValue {
                    period: r.get(1)?,
                    value: r.get(2)?,
                },
            ))
        })? {
            let (i, m) = m?;
            measurements.entry(i).or_default().push(m);
        }
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {INDICATOR_COLS} FROM indicator i ORDER BY i.policy_id, i.id"
        ))?;
        let mut out = Vec::new();
        for i in stmt.query_map([], indicator_from)? {
            let i = i?;
            if let Some(p) = policies.get(&i.policy_id) {
                let m = measurements.remove(&i.id).unwrap_or_default();
                out.push((p.clone(), i, m));
            }
        }
        out.sort_by_key(|(p, i, _)| (p.body_id, p.id, i.id));
        Ok(out)
    }
}
