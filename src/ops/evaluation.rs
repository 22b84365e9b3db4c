//! Evaluations: checklists, field visits, scores and findings, the scoreboard of units
//! and the visits due, from the command line and the TUI alike.
//!
//! Rules: keeping checklists and recording visits is [`Activity::RecordEvaluations`]
//! (the body's secretary, chair or vice-chair, or an administrator); making a finding a
//! follow-up task is also [`Activity::ManageTasks`]; reading needs only to see the body.
//! A visit is recorded once made: its day is not after today. A criterion is named by
//! its number or its name ([`Checklist::criterion`]). Dates of the scoreboard are
//! counted in the body's calendar.

use chrono::NaiveDate;
use serde::Serialize;

use super::authz;
use super::Context;
use crate::locale::strings::Msg;
use crate::model::evaluation::{
    check_score, rank, standing_of_recent, visit_score, Checklist, Criterion, EvaluationRefusal,
    NewCriterion, UnitStanding, Visit, VisitScore,
};
use crate::model::roles::Activity;
use crate::model::{Entity, Expected, InvalidValue, Priority, Task};
use crate::store::evaluation::{
    ChecklistCorrection, NewChecklist, NewVisit, VisitCorrection, VisitFilter,
};
use crate::store::write::NewTask;
use crate::store::{Refusal, Result, Store, StoreError};

/// Adds a checklist to a body.
pub fn add_checklist(ctx: &mut Context, c: &NewChecklist) -> Result<Checklist> {
    authz::check(ctx, Activity::RecordEvaluations, Some(c.body_id))?;
    ctx.store.add_checklist(c)
}

/// One checklist.
pub fn checklist(ctx: &Context, id: i64) -> Result<Checklist> {
    ctx.store.checklist(id)
}

/// The checklists of a body, or of every body the user sees.
pub fn checklists(ctx: &Context, body_id: Option<i64>) -> Result<Vec<Checklist>> {
    if let Some(b) = body_id {
        authz::check_visible(ctx, b)?;
    }
    ctx.store.checklists(body_id)
}

/// A checklist's changes as typed: criteria named by number or name.
#[derive(Debug, Clone, Default)]
pub struct ChecklistEdit {
    pub title: Option<String>,
    pub scale_max: Option<i64>,
    pub every: Option<crate::model::plans::PeriodKind>,
    pub add_criteria: Vec<NewCriterion>,
    /// (criterion, new name).
    pub rename_criteria: Vec<(String, String)>,
    /// (criterion, new weight).
    pub reweigh_criteria: Vec<(String, f64)>,
    pub remove_criteria: Vec<String>,
    pub add_units: Vec<String>,
    pub remove_units: Vec<String>,
    pub expected_version: Option<i64>,
}

/// The criterion a typed key names, or the refusal naming it.
pub fn criterion_named<'a>(c: &'a Checklist, key: &str) -> Result<&'a Criterion> {
    c.criterion(key).ok_or_else(|| {
        StoreError::Refused(Refusal::Evaluation(EvaluationRefusal::NoSuchCriterion {
            checklist: c.id,
            key: key.to_string(),
        }))
    })
}

/// A refusal of the store names a criterion by its row id; people know it by its
/// number in the checklist (`visit show`, `checklist show`), so the refusal is told
/// with that.
fn by_position(c: &Checklist, e: StoreError) -> StoreError {
    let position = |id: i64| {
        c.criteria
            .iter()
            .find(|k| k.id == id)
            .map_or(id, |k| k.position)
    };
    match e {
        StoreError::Refused(Refusal::Evaluation(r)) => {
            StoreError::Refused(Refusal::Evaluation(match r {
                EvaluationRefusal::NoFinding { visit, criterion } => EvaluationRefusal::NoFinding {
                    visit,
                    criterion: position(criterion),
                },
                EvaluationRefusal::NotScored { visit, criterion } => EvaluationRefusal::NotScored {
                    visit,
                    criterion: position(criterion),
                },
                EvaluationRefusal::CriterionScored { criterion, visits } => {
                    EvaluationRefusal::CriterionScored {
                        criterion: position(criterion),
                        visits,
                    }
                }
                other => other,
            }))
        }
        other => other,
    }
}

/// Corrects a checklist: its title, scale, period, criteria and units.
pub fn edit_checklist(ctx: &mut Context, id: i64, e: &ChecklistEdit) -> Result<Checklist> {
    let c = ctx.store.checklist(id)?;
    authz::check(ctx, Activity::RecordEvaluations, Some(c.body_id))?;
    let ids = |keys: &[String]| -> Result<Vec<i64>> {
        keys.iter()
            .map(|k| criterion_named(&c, k).map(|x| x.id))
            .collect()
    };
    let rename = e
        .rename_criteria
        .iter()
        .map(|(k, n)| criterion_named(&c, k).map(|x| (x.id, n.clone())))
        .collect::<Result<Vec<_>>>()?;
    let reweigh = e
        .reweigh_criteria
        .iter()
        .map(|(k, w)| criterion_named(&c, k).map(|x| (x.id, *w)))
        .collect::<Result<Vec<_>>>()?;
    ctx.store
        .update_checklist(
            id,
            &ChecklistCorrection {
                title: e.title.clone(),
                scale_max: e.scale_max,
                every: e.every,
                add_criteria: e.add_criteria.clone(),
                rename_criteria: rename,
                reweigh_criteria: reweigh,
                remove_criteria: ids(&e.remove_criteria)?,
                add_units: e.add_units.clone(),
                remove_units: e.remove_units.clone(),
                expected_version: e.expected_version,
            },
        )
        .map_err(|err| by_position(&c, err))
}

// ---- Visits

/// A visit with its checklist, score and lines, for `visit show` and the TUI.
#[derive(Debug, Clone, Serialize)]
pub struct VisitView {
    #[serde(flatten)]
    pub visit: Visit,
    pub checklist_title: String,
    pub scale_max: i64,
    /// The weighted score in percent, over the criteria scored.
    pub score: Option<VisitScore>,
    pub lines: Vec<ScoreLine>,
    /// The visitors' names in the user's language.
    pub visitor_names: Vec<String>,
}

/// One criterion on a visit: scored or not.
#[derive(Debug, Clone, Serialize)]
pub struct ScoreLine {
    pub criterion: Criterion,
    pub score: Option<f64>,
    pub finding: String,
    pub task_id: Option<i64>,
}

fn refuse_future(ctx: &Context, on: NaiveDate) -> Result<()> {
    if on > ctx.today {
        return Err(InvalidValue {
            what: Entity::Date,
            value: ctx.date(on),
            expected: Expected::msg(Msg::ExpectedVisitDay),
        }
        .into());
    }
    Ok(())
}

/// Records a visit to a unit (listed for the checklist if it was not).
pub fn add_visit(ctx: &mut Context, v: &NewVisit) -> Result<VisitView> {
    let c = ctx.store.checklist(v.checklist_id)?;
    authz::check(ctx, Activity::RecordEvaluations, Some(c.body_id))?;
    refuse_future(ctx, v.visited_on)?;
    let visit = ctx.store.add_visit(v)?;
    view(ctx, visit, &c)
}

/// Corrects a visit's unit, day, visitors or note.
pub fn edit_visit(ctx: &mut Context, id: i64, e: &VisitCorrection) -> Result<VisitView> {
    let visit = ctx.store.visit(id)?;
    let c = ctx.store.checklist(visit.checklist_id)?;
    authz::check(ctx, Activity::RecordEvaluations, Some(c.body_id))?;
    if let Some(d) = e.visited_on {
        refuse_future(ctx, d)?;
    }
    let visit = ctx.store.update_visit(id, e)?;
    view(ctx, visit, &c)
}

/// One visit.
pub fn visit(ctx: &Context, id: i64) -> Result<VisitView> {
    let visit = ctx.store.visit(id)?;
    let c = ctx.store.checklist(visit.checklist_id)?;
    view(ctx, visit, &c)
}

/// The visits a filter selects, latest first.
pub fn visits(ctx: &Context, f: &VisitFilter) -> Result<Vec<VisitView>> {
    if let Some(b) = f.body_id {
        authz::check_visible(ctx, b)?;
    }
    let mut checklists: Vec<Checklist> = Vec::new();
    let mut out = Vec::new();
    for v in ctx.store.visits(f)? {
        let c = match checklists.iter().find(|c| c.id == v.checklist_id) {
            Some(c) => c.clone(),
            None => {
                let c = ctx.store.checklist(v.checklist_id)?;
                checklists.push(c.clone());
                c
            }
        };
        out.push(view(ctx, v, &c)?);
    }
    Ok(out)
}

fn view(ctx: &Context, visit: Visit, c: &Checklist) -> Result<VisitView> {
    let lines = c
        .criteria
        .iter()
        .map(|k| {
            let s = visit.scores.iter().find(|s| s.criterion_id == k.id);
            ScoreLine {
                criterion: k.clone(),
                score: s.map(|s| s.score),
                finding: s.map(|s| s.finding.clone()).unwrap_or_default(),
                task_id: s.and_then(|s| s.task_id),
            }
        })
        .collect();
    let mut visitor_names = Vec::new();
    for p in &visit.visitors {
        match ctx.store.person(*p) {
            Ok(p) => visitor_names.push(p.name.get(ctx.prefs.lang).to_string()),
            Err(StoreError::NotFound { .. }) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(VisitView {
        score: visit_score(&c.criteria, &visit.scores, c.scale_max),
        checklist_title: c.title.clone(),
        scale_max: c.scale_max,
        lines,
        visitor_names,
        visit,
    })
}

/// Scores a criterion (by number or name) on a visit, with its finding (`None` keeps
/// the one recorded); the score is typed (Persian digits too) and checked against the
/// checklist's scale.
pub fn score(
    ctx: &mut Context,
    visit_id: i64,
    criterion: &str,
    typed_score: &str,
    finding: Option<&str>,
) -> Result<VisitView> {
    let visit = ctx.store.visit(visit_id)?;
    let c = ctx.store.checklist(visit.checklist_id)?;
    authz::check(ctx, Activity::RecordEvaluations, Some(c.body_id))?;
    let k = criterion_named(&c, criterion)?.id;
    let s = check_score(typed_score, c.scale_max)?;
    let visit = ctx.store.set_score(visit_id, k, s, finding)?;
    view(ctx, visit, &c)
}

/// What a finding's follow-up task takes besides the finding.
#[derive(Debug, Clone, Default)]
pub struct FindingTask {
    /// Empty: the finding.
    pub title: String,
    pub assignee_id: Option<i64>,
    /// `None`: the unit visited.
    pub assignee_unit: Option<String>,
    pub due: Option<NaiveDate>,
    pub priority: Option<Priority>,
}

/// Makes a visit's finding on a criterion a follow-up task of the body (assigned to
/// the unit visited unless someone else is named).
pub fn finding_task(
    ctx: &mut Context,
    visit_id: i64,
    criterion: &str,
    t: &FindingTask,
) -> Result<Task> {
    let visit = ctx.store.visit(visit_id)?;
    let c = ctx.store.checklist(visit.checklist_id)?;
    authz::check(ctx, Activity::RecordEvaluations, Some(c.body_id))?;
    authz::check(ctx, Activity::ManageTasks, Some(c.body_id))?;
    let k = criterion_named(&c, criterion)?.id;
    let unit = match (&t.assignee_unit, t.assignee_id) {
        (Some(u), _) => Some(u.clone()),
        (None, None) => Some(visit.unit.clone()),
        (None, Some(_)) => None,
    };
    let id = ctx
        .store
        .finding_to_task(
            visit_id,
            k,
            &NewTask {
                body_id: Some(c.body_id),
                resolution_id: None,
                agenda_item_id: None,
                title: t.title.clone(),
                description: None,
                assignee_id: t.assignee_id,
                assignee_unit: unit,
                due: t.due,
                priority: t.priority.unwrap_or(Priority::Normal),
                created_on: Some(ctx.today),
            },
        )
        .map_err(|err| by_position(&c, err))?;
    ctx.store.task(id)
}

// ---- The scoreboard

/// A checklist's scoreboard: its units ranked by their latest score.
#[derive(Debug, Clone, Serialize)]
pub struct Board {
    pub checklist_id: i64,
    pub body_id: i64,
    pub title: String,
    pub units: Vec<UnitStanding>,
}

/// The scoreboards of a body's checklists (or of every body the user sees, or one
/// checklist), each unit ranked by its latest score, with its trend and when it is
/// due.
pub fn board(ctx: &Context, body_id: Option<i64>, checklist_id: Option<i64>) -> Result<Vec<Board>> {
    if let Some(b) = body_id {
        authz::check_visible(ctx, b)?;
    }
    let body_filter = match checklist_id {
        Some(c) => Some(ctx.store.checklist(c)?.body_id),
        None => body_id,
    };
    let mut boards = boards(&ctx.store, body_filter, ctx.today)?;
    boards.retain(|b| checklist_id.is_none_or(|id| id == b.checklist_id));
    Ok(boards)
}

/// Every checklist's scoreboard (of one body, or of every visible one) on a day.
fn boards(store: &Store, body_id: Option<i64>, today: NaiveDate) -> Result<Vec<Board>> {
    let mut out = Vec::new();
    let mut calendars: Vec<(i64, crate::locale::Calendar)> = Vec::new();
    // A unit's standing reads its last two scored visits; three recent ones leave room
    // for a visit still unscored after them.
    for (c, units) in store.recent_visits_by_unit(body_id, 3)? {
        let calendar = match calendars.iter().find(|(b, _)| *b == c.body_id) {
            Some((_, cal)) => *cal,
            None => {
                let cal = store.body(c.body_id)?.fiscal_year.calendar;
                calendars.push((c.body_id, cal));
                cal
            }
        };
        let mut standings: Vec<UnitStanding> = units
            .iter()
            .map(|u| standing_of_recent(&c, &u.unit, &u.visits, u.total, calendar, today))
            .collect();
        rank(&mut standings);
        out.push(Board {
            checklist_id: c.id,
            body_id: c.body_id,
            title: c.title.clone(),
            units: standings,
        });
    }
    Ok(out)
}

/// The units overdue for a visit, most overdue first.
pub fn overdue(boards: &[Board]) -> Vec<UnitStanding> {
    let mut out: Vec<UnitStanding> = boards
        .iter()
        .flat_map(|b| b.units.iter().filter(|u| u.days_overdue.is_some()).cloned())
        .collect();
    out.sort_by_key(|u| std::cmp::Reverse(u.days_overdue.unwrap_or(0)));
    out
}

/// The dashboard's visit figures: units ranked by their last visit's score (every
/// checklist's, best first), and the visits overdue.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct VisitFigures {
    pub ranked: Vec<UnitStanding>,
    pub overdue: Vec<UnitStanding>,
}

/// The dashboard's figures for these bodies.
pub fn figures(store: &Store, bodies: &[i64], today: NaiveDate) -> Result<VisitFigures> {
    let mut boards = boards(store, None, today)?;
    boards.retain(|b| bodies.contains(&b.body_id));
    let mut ranked: Vec<UnitStanding> = boards
        .iter()
        .flat_map(|b| b.units.iter().filter(|u| u.score.is_some()).cloned())
        .collect();
    rank(&mut ranked);
    Ok(VisitFigures {
        ranked,
        overdue: overdue(&boards),
    })
}
