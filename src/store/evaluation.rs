//! Evaluation checklists, the units they evaluate, field visits and their scores. Every
//! write is one IMMEDIATE transaction, audited; reads leave hidden bodies out. A
//! finding made a follow-up task is the task and its link, in one transaction.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::audit::{record, snapshot};
use super::read::{code_at, date_at};
use super::write::{audited, check_version, exists, insert_task, NewTask};
use super::{Refusal, Result, Store, StoreError};
use crate::locale::strings::Msg;
use crate::model::evaluation::{
    unit_key, Checklist, Criterion, EvaluationRefusal, NewCriterion, Score, Visit,
};
use crate::model::plans::PeriodKind;
use crate::model::{check_text, Entity, Expected, InvalidValue, MAX_TEXT, MAX_TITLE};

/// A unit's most recent visits, oldest first, each with its day and its weighted
/// score as kept with the visit, and how many visits it has had in all: what a
/// scoreboard line is computed from.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitRecent {
    pub unit: String,
    pub total: usize,
    pub visits: Vec<(i64, NaiveDate, Option<crate::model::evaluation::VisitScore>)>,
}

/// A new checklist of a body.
#[derive(Debug, Clone)]
pub struct NewChecklist {
    pub body_id: i64,
    pub title: String,
    pub scale_max: i64,
    pub every: PeriodKind,
    pub criteria: Vec<NewCriterion>,
    pub units: Vec<String>,
}

/// A checklist corrected: each `Some` replaces the stored value; criteria and units
/// are added, reweighted, renamed or removed (a criterion scored on a visit is kept).
#[derive(Debug, Clone, Default)]
pub struct ChecklistCorrection {
    pub title: Option<String>,
    pub scale_max: Option<i64>,
    pub every: Option<PeriodKind>,
    pub add_criteria: Vec<NewCriterion>,
    /// (criterion id, new name).
    pub rename_criteria: Vec<(i64, String)>,
    /// (criterion id, new weight).
    pub reweigh_criteria: Vec<(i64, f64)>,
    pub remove_criteria: Vec<i64>,
    pub add_units: Vec<String>,
    pub remove_units: Vec<String>,
    pub expected_version: Option<i64>,
}

/// A new field visit.
#[derive(Debug, Clone)]
pub struct NewVisit {
    pub checklist_id: i64,
    pub unit: String,
    pub visited_on: NaiveDate,
    pub visitors: Vec<i64>,
    pub note: String,
}

/// A visit corrected: each `Some` replaces the stored value.
#[derive(Debug, Clone, Default)]
pub struct VisitCorrection {
    pub unit: Option<String>,
    pub visited_on: Option<NaiveDate>,
    pub visitors: Option<Vec<i64>>,
    pub note: Option<String>,
    pub expected_version: Option<i64>,
}

/// Which visits a listing shows (every field `None`: all the visible ones).
#[derive(Debug, Clone, Default)]
pub struct VisitFilter {
    pub checklist_id: Option<i64>,
    pub body_id: Option<i64>,
    /// The unit, compared by [`unit_key`].
    pub unit: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn check_scale(scale: i64) -> Result<i64> {
    if (1..=100).contains(&scale) {
        Ok(scale)
    } else {
        Err(InvalidValue {
            what: Entity::Scale,
            value: scale.to_string(),
            expected: Expected::msg(Msg::ExpectedScale),
        }
        .into())
    }
}

fn refuse<T>(r: EvaluationRefusal) -> Result<T> {
    Err(StoreError::Refused(Refusal::Evaluation(r)))
}

fn check_unit(unit: &str) -> Result<String> {
    Ok(check_text(Entity::Unit, unit, MAX_TITLE)?)
}

fn check_weight(w: f64) -> Result<f64> {
    if w.is_finite() && w > 0.0 {
        Ok(w)
    } else {
        Err(InvalidValue {
            what: Entity::Weight,
            value: w.to_string(),
            expected: Expected::msg(Msg::ExpectedCriterion),
        }
        .into())
    }
}

/// Adds a criterion at the end of a checklist, refusing a name it has.
fn insert_criterion(
    tx: &Transaction,
    actor: &super::Actor,
    checklist: i64,
    c: &NewCriterion,
) -> Result<()> {
    let name = check_text(Entity::CriterionName, &c.name, MAX_TITLE)?;
    let weight = check_weight(c.weight)?;
    let key = crate::locale::normalize::normalize_for_search(&name);
    let mut stmt =
        tx.prepare_cached("SELECT name FROM criterion WHERE checklist_id = ?1 AND retired = 0")?;
    let names = stmt.query_map([checklist], |r| r.get::<_, String>(0))?;
    for n in names {
        let n = n?;
        if crate::locale::normalize::normalize_for_search(&n) == key {
            return refuse(EvaluationRefusal::DuplicateCriterion { name: n });
        }
    }
    let position: i64 = tx.query_row(
        "SELECT coalesce(max(position), 0) + 1 FROM criterion WHERE checklist_id = ?1",
        [checklist],
        |r| r.get(0),
    )?;
    tx.execute(
        "INSERT INTO criterion(checklist_id, position, name, weight) VALUES (?1, ?2, ?3, ?4)",
        params![checklist, position, name, weight],
    )?;
    let id = tx.last_insert_rowid();
    audited(tx, actor, "insert", "criterion", id, None)
}

/// Lists a unit for a checklist (listing it twice changes nothing).
fn insert_unit(tx: &Transaction, checklist: i64, unit: &str) -> Result<()> {
    let name = check_unit(unit)?;
    tx.execute(
        "INSERT OR IGNORE INTO checklist_unit(checklist_id, name, unit_key) VALUES (?1, ?2, ?3)",
        params![checklist, name, unit_key(&name)],
    )?;
    Ok(())
}

fn visit_body(tx: &Transaction, visit: i64) -> Result<(i64, i64)> {
    tx.query_row(
        "SELECT c.body_id, c.id FROM visit v JOIN checklist c ON c.id = v.checklist_id WHERE v.id = ?1",
        [visit],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?
    .ok_or(StoreError::NotFound {
        what: Entity::Visit,
        key: visit.to_string(),
    })
}

fn criterion_of(tx: &Transaction, checklist: i64, criterion: i64) -> Result<()> {
    let n: i64 = tx.query_row(
        "SELECT count(*) FROM criterion WHERE id = ?1 AND checklist_id = ?2 AND retired = 0",
        params![criterion, checklist],
        |r| r.get(0),
    )?;
    if n == 0 {
        return refuse(EvaluationRefusal::NoSuchCriterion {
            checklist,
            key: criterion.to_string(),
        });
    }
    Ok(())
}

/// Keeps the stored weighted score of one visit, or of every visit of a checklist, as
/// [`crate::model::evaluation::visit_score`] gives it from the checklist's criteria,
/// scale and the visit's scores (the one rule; the store only keeps its result).
pub(crate) fn refresh_visit_scores(
    conn: &rusqlite::Connection,
    checklist: i64,
    visit: Option<i64>,
) -> Result<()> {
    let scale: i64 = conn.query_row(
        "SELECT scale_max FROM checklist WHERE id = ?1",
        [checklist],
        |r| r.get(0),
    )?;
    let criteria = conn
        .prepare_cached(
            "SELECT id, position, weight FROM criterion WHERE checklist_id = ?1 AND retired = 0",
        )?
        .query_map([checklist], |r| {
            Ok(Criterion {
                id: r.get(0)?,
                checklist_id: checklist,
                position: r.get(1)?,
                name: String::new(),
                weight: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let visits: Vec<i64> = match visit {
        Some(v) => vec![v],
        None => conn
            .prepare_cached("SELECT id FROM visit WHERE checklist_id = ?1")?
            .query_map([checklist], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?,
    };
    let mut scores =
        conn.prepare_cached("SELECT criterion_id, score FROM visit_score WHERE visit_id = ?1")?;
    let mut update =
        conn.prepare_cached("UPDATE visit SET score_percent = ?2, scored = ?3 WHERE id = ?1")?;
    for v in visits {
        let given = scores
            .query_map([v], |r| {
                Ok(Score {
                    criterion_id: r.get(0)?,
                    score: r.get(1)?,
                    finding: String::new(),
                    task_id: None,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let s = crate::model::evaluation::visit_score(&criteria, &given, scale);
        update.execute(params![
            v,
            s.map(|s| s.percent),
            s.map(|s| s.scored as i64).unwrap_or(0)
        ])?;
    }
    Ok(())
}

impl Store {
    // ---- Checklists

    pub fn add_checklist(&mut self, c: &NewChecklist) -> Result<Checklist> {
        let title = check_text(Entity::ChecklistTitle, &c.title, MAX_TITLE)?;
        let scale = check_scale(c.scale_max)?;
        if c.criteria.is_empty() {
            return refuse(EvaluationRefusal::NoCriteria);
        }
        let actor = self.actor.clone();
        let id = self.write(|tx| {
            exists(tx, "body", Entity::Body, c.body_id)?;
            tx.execute(
                "INSERT INTO checklist(body_id, title, scale_max, every, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![c.body_id, title, scale, c.every.code(), now()],
            )?;
            let id = tx.last_insert_rowid();
            for k in &c.criteria {
                insert_criterion(tx, &actor, id, k)?;
            }
            for u in &c.units {
                insert_unit(tx, id, u)?;
            }
            audited(tx, &actor, "insert", "checklist", id, None)?;
            Ok(id)
        })?;
        self.checklist(id)
    }

    pub fn checklist(&self, id: i64) -> Result<Checklist> {
        let visible = self.visible_sql("c.body_id");
        let head = self
            .conn
            .prepare_cached(&format!(
                "SELECT c.id, c.body_id, c.title, c.scale_max, c.every, c.version FROM checklist c WHERE c.id = ?1{visible}"
            ))?
            .query_row([id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                    code_at(r, 4, PeriodKind::parse)?,
                    r.get::<_, i64>(5)?,
                ))
            })
            .optional()?
            .ok_or(StoreError::NotFound {
                what: Entity::Checklist,
                key: id.to_string(),
            })?;
        let criteria = self
            .conn
            .prepare_cached(
                "SELECT id, checklist_id, position, name, weight FROM criterion
                 WHERE checklist_id = ?1 AND retired = 0 ORDER BY position",
            )?
            .query_map([id], |r| {
                Ok(Criterion {
                    id: r.get(0)?,
                    checklist_id: r.get(1)?,
                    position: r.get(2)?,
                    name: r.get(3)?,
                    weight: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut units = self
            .conn
            .prepare_cached("SELECT name FROM checklist_unit WHERE checklist_id = ?1")?
            .query_map([id], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        crate::locale::collate::sort_persian(&mut units, |u| u.as_str());
        Ok(Checklist {
            id: head.0,
            body_id: head.1,
            title: head.2,
            scale_max: head.3,
            every: head.4,
            criteria,
            units,
            version: head.5,
        })
    }

    /// The checklists of a body (or of every visible body), in the order they were
    /// added.
    pub fn checklists(&self, body_id: Option<i64>) -> Result<Vec<Checklist>> {
        let visible = self.visible_sql("c.body_id");
        let ids = self
            .conn
            .prepare_cached(&format!(
                "SELECT c.id FROM checklist c WHERE (?1 IS NULL OR c.body_id = ?1){visible} ORDER BY c.body_id, c.id"
            ))?
            .query_map([body_id], |r| r.get::<_, i64>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        ids.into_iter().map(|id| self.checklist(id)).collect()
    }

    pub fn update_checklist(&mut self, id: i64, c: &ChecklistCorrection) -> Result<Checklist> {
        let title = c
            .title
            .as_deref()
            .map(|t| check_text(Entity::ChecklistTitle, t, MAX_TITLE))
            .transpose()?;
        let scale = c.scale_max.map(check_scale).transpose()?;
        let actor = self.actor.clone();
        self.write(|tx| {
            check_version(tx, "checklist", Entity::Checklist, id, c.expected_version)?;
            let before = snapshot(tx, "checklist", "id = ?1", &[&id])?;
            if let Some(t) = &title {
                tx.execute("UPDATE checklist SET title = ?2 WHERE id = ?1", params![id, t])?;
            }
            if let Some(s) = scale {
                let highest: Option<f64> = tx.query_row(
                    "SELECT max(s.score) FROM visit_score s JOIN visit v ON v.id = s.visit_id WHERE v.checklist_id = ?1",
                    [id],
                    |r| r.get(0),
                )?;
                if let Some(h) = highest.filter(|h| *h > s as f64) {
                    return refuse(EvaluationRefusal::ScaleBelowScores {
                        scale: s,
                        highest: crate::model::plans::format_number(h, crate::locale::Lang::En),
                    });
                }
                tx.execute("UPDATE checklist SET scale_max = ?2 WHERE id = ?1", params![id, s])?;
            }
            if let Some(e) = c.every {
                tx.execute("UPDATE checklist SET every = ?2 WHERE id = ?1", params![id, e.code()])?;
            }
            for k in &c.remove_criteria {
                criterion_of(tx, id, *k)?;
                let visits: i64 = tx.query_row(
                    "SELECT count(*) FROM visit_score WHERE criterion_id = ?1",
                    [k],
                    |r| r.get(0),
                )?;
                if visits > 0 {
                    return refuse(EvaluationRefusal::CriterionScored {
                        criterion: *k,
                        visits,
                    });
                }
                let b = snapshot(tx, "criterion", "id = ?1", &[k])?;
                tx.execute("UPDATE criterion SET retired = 1 WHERE id = ?1", [k])?;
                audited(tx, &actor, "update", "criterion", *k, b)?;
            }
            for (k, name) in &c.rename_criteria {
                criterion_of(tx, id, *k)?;
                let name = check_text(Entity::CriterionName, name, MAX_TITLE)?;
                let b = snapshot(tx, "criterion", "id = ?1", &[k])?;
                tx.execute("UPDATE criterion SET name = ?2 WHERE id = ?1", params![k, name])?;
                audited(tx, &actor, "update", "criterion", *k, b)?;
            }
            for (k, w) in &c.reweigh_criteria {
                criterion_of(tx, id, *k)?;
                let w = check_weight(*w)?;
                let b = snapshot(tx, "criterion", "id = ?1", &[k])?;
                tx.execute("UPDATE criterion SET weight = ?2 WHERE id = ?1", params![k, w])?;
                audited(tx, &actor, "update", "criterion", *k, b)?;
            }
            for k in &c.add_criteria {
                insert_criterion(tx, &actor, id, k)?;
            }
            let left: i64 = tx.query_row(
                "SELECT count(*) FROM criterion WHERE checklist_id = ?1 AND retired = 0",
                [id],
                |r| r.get(0),
            )?;
            if left == 0 {
                return refuse(EvaluationRefusal::NoCriteria);
            }
            for u in &c.add_units {
                insert_unit(tx, id, u)?;
            }
            for u in &c.remove_units {
                tx.execute(
                    "DELETE FROM checklist_unit WHERE checklist_id = ?1 AND unit_key = ?2",
                    params![id, unit_key(u)],
                )?;
            }
            tx.execute("UPDATE checklist SET version = version + 1 WHERE id = ?1", [id])?;
            // Weights, criteria or the scale may have changed every visit's score.
            refresh_visit_scores(tx, id, None)?;
            audited(tx, &actor, "update", "checklist", id, before)
        })?;
        self.checklist(id)
    }

    // ---- Visits

    /// Records a visit; its unit is listed for the checklist if it was not.
    pub fn add_visit(&mut self, v: &NewVisit) -> Result<Visit> {
        let unit = check_unit(&v.unit)?;
        let note = if v.note.trim().is_empty() {
            String::new()
        } else {
            check_text(Entity::Note, &v.note, MAX_TEXT)?
        };
        let actor = self.actor.clone();
        let id = self.write(|tx| {
            exists(tx, "checklist", Entity::Checklist, v.checklist_id)?;
            insert_unit(tx, v.checklist_id, &unit)?;
            tx.execute(
                "INSERT INTO visit(checklist_id, unit, unit_key, visited_on, note, created_at, created_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    v.checklist_id,
                    unit,
                    unit_key(&unit),
                    v.visited_on.to_string(),
                    note,
                    now(),
                    actor.login
                ],
            )?;
            let id = tx.last_insert_rowid();
            for p in &v.visitors {
                exists(tx, "person", Entity::Visitor, *p)?;
                tx.execute(
                    "INSERT OR IGNORE INTO visit_visitor(visit_id, person_id) VALUES (?1, ?2)",
                    params![id, p],
                )?;
            }
            audited(tx, &actor, "insert", "visit", id, None)?;
            Ok(id)
        })?;
        self.visit(id)
    }

    pub fn visit(&self, id: i64) -> Result<Visit> {
        self.visits_where("v.id = ?1", &[&id])?
            .pop()
            .ok_or(StoreError::NotFound {
                what: Entity::Visit,
                key: id.to_string(),
            })
    }

    /// The visits a filter selects, latest first.
    pub fn visits(&self, f: &VisitFilter) -> Result<Vec<Visit>> {
        let key = f.unit.as_deref().map(unit_key);
        let from = f.from.map(|d| d.to_string());
        let to = f.to.map(|d| d.to_string());
        self.visits_where(
            "(?1 IS NULL OR v.checklist_id = ?1) AND (?2 IS NULL OR c.body_id = ?2)
             AND (?3 IS NULL OR v.unit_key = ?3) AND (?4 IS NULL OR v.visited_on >= ?4)
             AND (?5 IS NULL OR v.visited_on <= ?5)",
            &[&f.checklist_id, &f.body_id, &key, &from, &to],
        )
    }

    fn visits_where(&self, cond: &str, args: &[&dyn rusqlite::ToSql]) -> Result<Vec<Visit>> {
        let visible = self.visible_sql("c.body_id");
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT v.id, v.checklist_id, c.body_id, v.unit, v.visited_on, v.note, v.created_by, v.version
             FROM visit v JOIN checklist c ON c.id = v.checklist_id
             WHERE {cond}{visible} ORDER BY v.visited_on DESC, v.id DESC"
        ))?;
        let rows = stmt.query_map(args, |r: &Row| {
            Ok(Visit {
                id: r.get(0)?,
                checklist_id: r.get(1)?,
                body_id: r.get(2)?,
                unit: r.get(3)?,
                visited_on: date_at(r, 4)?,
                note: r.get(5)?,
                created_by: r.get(6)?,
                version: r.get(7)?,
                visitors: Vec::new(),
                scores: Vec::new(),
            })
        })?;
        let mut visits = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        let mut who = self.conn.prepare_cached(
            "SELECT person_id FROM visit_visitor WHERE visit_id = ?1 ORDER BY person_id",
        )?;
        let mut scores = self.conn.prepare_cached(
            "SELECT s.criterion_id, s.score, s.finding, s.task_id FROM visit_score s
             JOIN criterion k ON k.id = s.criterion_id WHERE s.visit_id = ?1 ORDER BY k.position",
        )?;
        for v in &mut visits {
            v.visitors = who
                .query_map([v.id], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            v.scores = scores
                .query_map([v.id], |r| {
                    Ok(Score {
                        criterion_id: r.get(0)?,
                        score: r.get(1)?,
                        finding: r.get(2)?,
                        task_id: r.get(3)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
        }
        Ok(visits)
    }

    pub fn update_visit(&mut self, id: i64, c: &VisitCorrection) -> Result<Visit> {
        let unit = c.unit.as_deref().map(check_unit).transpose()?;
        let note = c
            .note
            .as_deref()
            .map(|n| {
                if n.trim().is_empty() {
                    Ok(String::new())
                } else {
                    check_text(Entity::Note, n, MAX_TEXT)
                }
            })
            .transpose()?;
        let actor = self.actor.clone();
        self.write(|tx| {
            check_version(tx, "visit", Entity::Visit, id, c.expected_version)?;
            let (_, checklist) = visit_body(tx, id)?;
            let before = snapshot(tx, "visit", "id = ?1", &[&id])?;
            if let Some(u) = &unit {
                insert_unit(tx, checklist, u)?;
                tx.execute(
                    "UPDATE visit SET unit = ?2, unit_key = ?3 WHERE id = ?1",
                    params![id, u, unit_key(u)],
                )?;
            }
            if let Some(d) = c.visited_on {
                tx.execute(
                    "UPDATE visit SET visited_on = ?2 WHERE id = ?1",
                    params![id, d.to_string()],
                )?;
            }
            if let Some(n) = &note {
                tx.execute("UPDATE visit SET note = ?2 WHERE id = ?1", params![id, n])?;
            }
            if let Some(people) = &c.visitors {
                tx.execute("DELETE FROM visit_visitor WHERE visit_id = ?1", [id])?;
                for p in people {
                    exists(tx, "person", Entity::Visitor, *p)?;
                    tx.execute(
                        "INSERT OR IGNORE INTO visit_visitor(visit_id, person_id) VALUES (?1, ?2)",
                        params![id, p],
                    )?;
                }
            }
            tx.execute("UPDATE visit SET version = version + 1 WHERE id = ?1", [id])?;
            audited(tx, &actor, "update", "visit", id, before)
        })?;
        self.visit(id)
    }

    /// Scores a criterion on a visit (again: the new score replaces the old), with its
    /// finding (`None` keeps the one recorded). The score is checked against the
    /// checklist's scale by the caller ([`crate::model::evaluation::check_score`]) and
    /// again here.
    pub fn set_score(
        &mut self,
        visit_id: i64,
        criterion_id: i64,
        score: f64,
        finding: Option<&str>,
    ) -> Result<Visit> {
        let finding = finding
            .map(|f| {
                if f.trim().is_empty() {
                    Ok(String::new())
                } else {
                    check_text(Entity::Finding, f, MAX_TEXT)
                }
            })
            .transpose()?;
        let actor = self.actor.clone();
        self.write(|tx| {
            let (_, checklist) = visit_body(tx, visit_id)?;
            criterion_of(tx, checklist, criterion_id)?;
            let scale: i64 = tx.query_row(
                "SELECT scale_max FROM checklist WHERE id = ?1",
                [checklist],
                |r| r.get(0),
            )?;
            if !score.is_finite() || score < 0.0 || score > scale as f64 {
                return Err(InvalidValue {
                    what: Entity::Score,
                    value: score.to_string(),
                    expected: Expected::with(Msg::ExpectedScore, &[&scale.to_string()]),
                }
                .into());
            }
            let before = snapshot(
                tx,
                "visit_score",
                "visit_id = ?1 AND criterion_id = ?2",
                &[&visit_id, &criterion_id],
            )?;
            tx.execute(
                "INSERT INTO visit_score(visit_id, criterion_id, score, finding) VALUES (?1, ?2, ?3, coalesce(?4, ''))
                 ON CONFLICT(visit_id, criterion_id) DO UPDATE SET score = excluded.score,
                   finding = coalesce(?4, finding)",
                params![visit_id, criterion_id, score, finding],
            )?;
            refresh_visit_scores(tx, checklist, Some(visit_id))?;
            let after = snapshot(
                tx,
                "visit_score",
                "visit_id = ?1 AND criterion_id = ?2",
                &[&visit_id, &criterion_id],
            )?;
            record(
                tx,
                &actor,
                if before.is_some() { "update" } else { "insert" },
                "visit_score",
                Some(visit_id),
                before.as_deref(),
                after.as_deref(),
            )
        })?;
        self.visit(visit_id)
    }

    /// Makes a visit's finding on a criterion a follow-up task of the checklist's body,
    /// and links the two, in one transaction; refused when the criterion has no
    /// finding or its finding is a task already. The task's title defaults to the
    /// finding.
    pub fn finding_to_task(
        &mut self,
        visit_id: i64,
        criterion_id: i64,
        task: &NewTask,
    ) -> Result<i64> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let (body, _) = visit_body(tx, visit_id)?;
            let row: Option<(String, Option<i64>)> = tx
                .query_row(
                    "SELECT finding, task_id FROM visit_score WHERE visit_id = ?1 AND criterion_id = ?2",
                    params![visit_id, criterion_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let Some((finding, linked)) = row else {
                return refuse(EvaluationRefusal::NotScored {
                    visit: visit_id,
                    criterion: criterion_id,
                });
            };
            if let Some(t) = linked {
                return refuse(EvaluationRefusal::FindingHasTask {
                    visit: visit_id,
                    task: t,
                });
            }
            if finding.trim().is_empty() {
                return refuse(EvaluationRefusal::NoFinding {
                    visit: visit_id,
                    criterion: criterion_id,
                });
            }
            let mut t = task.clone();
            t.body_id = Some(body);
            if t.title.trim().is_empty() {
                t.title = finding.chars().take(MAX_TITLE).collect();
            }
            if t.description.is_none() && t.title.trim() != finding.trim() {
                t.description = Some(finding.clone());
            }
            let task_id = insert_task(tx, &actor, &t)?;
            let before = snapshot(
                tx,
                "visit_score",
                "visit_id = ?1 AND criterion_id = ?2",
                &[&visit_id, &criterion_id],
            )?;
            tx.execute(
                "UPDATE visit_score SET task_id = ?3 WHERE visit_id = ?1 AND criterion_id = ?2",
                params![visit_id, criterion_id, task_id],
            )?;
            let after = snapshot(
                tx,
                "visit_score",
                "visit_id = ?1 AND criterion_id = ?2",
                &[&visit_id, &criterion_id],
            )?;
            record(
                tx,
                &actor,
                "update",
                "visit_score",
                Some(visit_id),
                before.as_deref(),
                after.as_deref(),
            )?;
            Ok(task_id)
        })
    }

    /// For each checklist of the visible bodies (or one body), each unit with its last
    /// `keep` visits, their weighted scores (kept with each visit) and its count of
    /// visits: the scoreboards and the dashboard's figures, which need a unit's latest
    /// scored visits and not its whole history or its scores (at scale 1, 100 checklists
    /// of 22 units visited in 8 rounds, reading every score took longer than the rest of
    /// the dashboard). Two reads besides the checklists.
    pub fn recent_visits_by_unit(
        &self,
        body_id: Option<i64>,
        keep: usize,
    ) -> Result<Vec<(Checklist, Vec<UnitRecent>)>> {
        use crate::model::evaluation::VisitScore;
        use std::collections::HashMap;
        let checklists = self.checklists(body_id)?;
        if checklists.is_empty() {
            return Ok(Vec::new());
        }
        let mut out: Vec<(Checklist, Vec<UnitRecent>)> = Vec::with_capacity(checklists.len());
        let mut index: HashMap<i64, (usize, HashMap<String, usize>)> = HashMap::new();
        for c in checklists {
            let keys: HashMap<String, usize> = c
                .units
                .iter()
                .enumerate()
                .map(|(i, u)| (unit_key(u), i))
                .collect();
            let units: Vec<UnitRecent> = c
                .units
                .iter()
                .map(|u| UnitRecent {
                    unit: u.clone(),
                    total: 0,
                    visits: Vec::new(),
                })
                .collect();
            index.insert(c.id, (out.len(), keys));
            out.push((c, units));
        }
        let visible = self.visible_sql("c.body_id");
        // Each unit's visits latest first, along the index (checklist, unit, day): the
        // first `keep` of a unit are kept, the others only counted.
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT v.id, v.checklist_id, v.unit, v.unit_key, v.visited_on, v.score_percent, v.scored
             FROM visit v JOIN checklist c ON c.id = v.checklist_id
             WHERE (?1 IS NULL OR c.body_id = ?1){visible}
             ORDER BY v.checklist_id, v.unit_key, v.visited_on DESC, v.id DESC"
        ))?;
        let rows = stmt.query_map([body_id], |r: &Row| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                date_at(r, 4)?,
                r.get::<_, Option<f64>>(5)?,
                r.get::<_, i64>(6)?,
            ))
        })?;
        let mut current: Option<(i64, String, usize)> = None;
        for row in rows {
            let (id, checklist, unit, key, on, percent, scored) = row?;
            let Some((at, keys)) = index.get_mut(&checklist) else {
                continue;
            };
            let (c, units) = &mut out[*at];
            let i = match keys.get(&key) {
                Some(&i) => i,
                None => {
                    keys.insert(key.clone(), units.len());
                    units.push(UnitRecent {
                        unit,
                        total: 0,
                        visits: Vec::new(),
                    });
                    units.len() - 1
                }
            };
            if current
                .as_ref()
                .is_none_or(|(ch, k, _)| *ch != checklist || *k != key)
            {
                current = Some((checklist, key, i));
            }
            let u = &mut units[i];
            u.total += 1;
            if u.visits.len() < keep {
                let score = percent.filter(|_| scored > 0).map(|p| VisitScore {
                    percent: p,
                    scored: usize::try_from(scored).unwrap_or(0),
                    criteria: c.criteria.len(),
                });
                // Read latest first; kept oldest first.
                u.visits.insert(0, (id, on, score));
            }
        }
        Ok(out)
    }
}
