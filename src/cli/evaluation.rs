//! `shura checklist add|edit|list|show` and `shura visit add|score|task|edit|list|show|
//! board`: a body's evaluation checklists (criteria with weights, a scale), the field
//! visits that fill them in, their findings made follow-up tasks, and the scoreboard of
//! units by their latest score, with the visits due.
//!
//! Everything typed is read as people type it: Persian digits in ids, scores, weights
//! and scales, Jalali dates, criteria by number or name, persons by id, login or name.
//! The rules are `ops::evaluation`'s; this only reads arguments and prints results.

use clap::{Args, Subcommand};

use super::commands::{print_json, say, Out};
use super::table::{display_line, Table};
use super::CliResult;
use crate::locale::digits::{localize_digits, to_latin_digits};
use crate::locale::normalize::normalize_for_search;
use crate::locale::strings::{t, tf, Msg};
use crate::locale::Lang;
use crate::model::evaluation::{parse_criterion, Checklist, EvaluationRefusal, UnitStanding};
use crate::model::plans::{format_number, parse_number, Direction, PeriodKind};
use crate::model::{Entity, Expected, InvalidValue, Priority};
use crate::ops::evaluation::{ChecklistEdit, FindingTask, VisitView};
use crate::ops::{self, authz, Context};
use crate::store::evaluation::{NewChecklist, NewVisit, VisitCorrection, VisitFilter};
use crate::store::{Refusal, StoreError};

// ---- Checklists

#[derive(Debug, Subcommand)]
pub enum ChecklistCmd {
    /// Add an evaluation checklist to a body: its criteria as NAME:WEIGHT, the scale
    /// scores run on (0 to N), how often each unit is to be visited, its units
    Add(ChecklistAdd),
    /// Correct a checklist: title, scale, period, criteria (added, renamed, reweighted,
    /// removed) and units
    Edit(ChecklistEditArgs),
    /// The checklists of a body, or of every body you may see
    List(ChecklistList),
    /// One checklist: its criteria (number, name, weight) and units
    Show(ChecklistShow),
}

impl ChecklistCmd {
    pub fn only_reads(&self) -> bool {
        matches!(self, ChecklistCmd::List(_) | ChecklistCmd::Show(_))
    }
}

#[derive(Debug, Args)]
pub struct ChecklistAdd {
    /// The body (id or name)
    #[arg(long)]
    pub body: String,
    /// The checklist's title
    pub title: String,
    /// A criterion as NAME:WEIGHT ("Cleanliness:3"), or NAME for weight 1; repeat it
    #[arg(long = "criterion", value_name = "NAME:WEIGHT", required = true)]
    pub criteria: Vec<String>,
    /// The highest score of a criterion (scores run from 0 to it)
    #[arg(long, default_value = "5")]
    pub scale: String,
    /// How often each unit is to be visited: month, quarter or year
    #[arg(long, default_value = "quarter")]
    pub every: String,
    /// A unit (district, department) it evaluates; repeat it
    #[arg(long = "unit", value_name = "UNIT")]
    pub units: Vec<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ChecklistEditArgs {
    /// The checklist (id or title)
    pub checklist: String,
    #[arg(long)]
    pub title: Option<String>,
    /// The highest score of a criterion
    #[arg(long)]
    pub scale: Option<String>,
    /// How often each unit is to be visited: month, quarter or year
    #[arg(long)]
    pub every: Option<String>,
    /// A new criterion as NAME:WEIGHT; repeat it
    #[arg(long = "add-criterion", value_name = "NAME:WEIGHT")]
    pub add_criteria: Vec<String>,
    /// A criterion to remove (its number or name; one scored on a visit is kept)
    #[arg(long = "remove-criterion", value_name = "KEY")]
    pub remove_criteria: Vec<String>,
    /// A criterion renamed: KEY=NAME
    #[arg(long = "rename-criterion", value_name = "KEY=NAME")]
    pub rename_criteria: Vec<String>,
    /// A criterion reweighted: KEY=WEIGHT
    #[arg(long = "weight", value_name = "KEY=WEIGHT")]
    pub weights: Vec<String>,
    /// A unit to add
    #[arg(long = "add-unit", value_name = "UNIT")]
    pub add_units: Vec<String>,
    /// A unit to remove
    #[arg(long = "remove-unit", value_name = "UNIT")]
    pub remove_units: Vec<String>,
    /// The version you read (`checklist show`); refused when it changed since
    #[arg(long)]
    pub version: Option<i64>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ChecklistList {
    /// The body (id or name); every body you may see when left out
    #[arg(long)]
    pub body: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ChecklistShow {
    /// The checklist (id or title)
    pub checklist: String,
    #[arg(long)]
    pub json: bool,
}

// ---- Visits

#[derive(Debug, Subcommand)]
pub enum VisitCmd {
    /// Record a field visit to a unit with a checklist: the day, the visitors
    Add(VisitAdd),
    /// Score a criterion on a visit (by its number or name), with a finding; --task
    /// makes the finding a follow-up task
    Score(VisitScoreArgs),
    /// Make a finding recorded on a visit a follow-up task of the body
    Task(VisitTaskArgs),
    /// Correct a visit's unit, day, visitors or note
    Edit(VisitEditArgs),
    /// The visits, latest first: of a checklist, a body, a unit, between days
    List(VisitList),
    /// One visit: each criterion's score, finding and task, and the weighted score
    Show(VisitShow),
    /// The scoreboard: per checklist, units ranked by their latest score, their trend,
    /// when they are due and how many days overdue
    Board(VisitBoard),
}

impl VisitCmd {
    pub fn only_reads(&self) -> bool {
        matches!(
            self,
            VisitCmd::List(_) | VisitCmd::Show(_) | VisitCmd::Board(_)
        )
    }
}

#[derive(Debug, Args)]
pub struct VisitAdd {
    /// The checklist filled in (id or title)
    #[arg(long)]
    pub checklist: String,
    /// The unit or district visited
    #[arg(long)]
    pub unit: String,
    /// The day of the visit (not after today)
    #[arg(long)]
    pub on: String,
    /// A visitor (person id, login or name); repeat it
    #[arg(long = "visitor", value_name = "PERSON")]
    pub visitors: Vec<String>,
    #[arg(long)]
    pub note: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct VisitScoreArgs {
    /// The visit's id
    pub visit: String,
    /// The criterion: its number or its name
    pub criterion: String,
    /// The score, from 0 to the checklist's scale
    #[arg(allow_hyphen_values = true)]
    pub score: String,
    /// What was found (kept as recorded when left out)
    #[arg(long)]
    pub finding: Option<String>,
    /// Also make the finding a follow-up task of the body
    #[arg(long)]
    pub task: bool,
    /// Who the task is assigned to (person id, login or name); the unit visited when
    /// left out
    #[arg(long, requires = "task")]
    pub assignee: Option<String>,
    /// The task's due day
    #[arg(long, requires = "task")]
    pub due: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct VisitTaskArgs {
    /// The visit's id
    pub visit: String,
    /// The criterion whose finding it is: its number or its name
    pub criterion: String,
    /// The task's title (the finding when left out)
    #[arg(long)]
    pub title: Option<String>,
    /// Who it is assigned to (person id, login or name)
    #[arg(long)]
    pub assignee: Option<String>,
    /// The unit it is assigned to (the unit visited when neither is given)
    #[arg(long)]
    pub unit: Option<String>,
    /// The due day
    #[arg(long)]
    pub due: Option<String>,
    /// low, normal, high or urgent
    #[arg(long)]
    pub priority: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct VisitEditArgs {
    /// The visit's id
    pub visit: String,
    #[arg(long)]
    pub unit: Option<String>,
    /// The day of the visit
    #[arg(long)]
    pub on: Option<String>,
    /// The visitors, all of them (person id, login or name); repeat it
    #[arg(
        long = "visitor",
        value_name = "PERSON",
        conflicts_with = "no_visitors"
    )]
    pub visitors: Vec<String>,
    /// No visitors recorded
    #[arg(long)]
    pub no_visitors: bool,
    #[arg(long)]
    pub note: Option<String>,
    /// The version you read (`visit show`); refused when it changed since
    #[arg(long)]
    pub version: Option<i64>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct VisitList {
    /// The checklist (id or title)
    #[arg(long)]
    pub checklist: Option<String>,
    /// The body (id or name)
    #[arg(long)]
    pub body: Option<String>,
    /// The unit visited
    #[arg(long)]
    pub unit: Option<String>,
    /// Visited on or after this day
    #[arg(long)]
    pub from: Option<String>,
    /// Visited on or before this day
    #[arg(long)]
    pub to: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct VisitShow {
    /// The visit's id
    pub visit: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct VisitBoard {
    /// The body (id or name)
    #[arg(long)]
    pub body: Option<String>,
    /// One checklist (id or title)
    #[arg(long)]
    pub checklist: Option<String>,
    /// Only the units overdue for a visit
    #[arg(long)]
    pub overdue: bool,
    #[arg(long)]
    pub json: bool,
}

pub fn checklist(ctx: &mut Context, cmd: &ChecklistCmd, out: Out) -> CliResult {
    match cmd {
        ChecklistCmd::Add(a) => checklist_add(ctx, a, out),
        ChecklistCmd::Edit(a) => checklist_edit(ctx, a, out),
        ChecklistCmd::List(a) => checklist_list(ctx, a, out),
        ChecklistCmd::Show(a) => checklist_show(ctx, a, out),
    }
}

pub fn visit(ctx: &mut Context, cmd: &VisitCmd, out: Out) -> CliResult {
    match cmd {
        VisitCmd::Add(a) => visit_add(ctx, a, out),
        VisitCmd::Score(a) => visit_score(ctx, a, out),
        VisitCmd::Task(a) => visit_task(ctx, a, out),
        VisitCmd::Edit(a) => visit_edit(ctx, a, out),
        VisitCmd::List(a) => visit_list(ctx, a, out),
        VisitCmd::Show(a) => visit_show(ctx, a, out),
        VisitCmd::Board(a) => visit_board(ctx, a, out),
    }
}

// ---- Reading what is typed

/// An id as typed (Persian digits too).
fn typed_id(key: &str) -> Option<i64> {
    to_latin_digits(key.trim()).parse::<i64>().ok()
}

/// A checklist by its id, or by its title among the checklists the user sees.
fn checklist_key(ctx: &Context, key: &str) -> Result<Checklist, StoreError> {
    if let Some(id) = typed_id(key) {
        return ops::evaluation::checklist(ctx, id);
    }
    let wanted = normalize_for_search(key);
    let all = ops::evaluation::checklists(ctx, None)?;
    let mut found = all
        .into_iter()
        .filter(|c| !wanted.is_empty() && normalize_for_search(&c.title) == wanted);
    match (found.next(), found.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(InvalidValue {
            what: Entity::Checklist,
            value: key.to_string(),
            expected: Expected::msg(Msg::ExpectedChecklistKey),
        }
        .into()),
    }
}

fn visit_id(key: &str) -> Result<i64, StoreError> {
    typed_id(key).ok_or_else(|| {
        InvalidValue {
            what: Entity::Visit,
            value: key.to_string(),
            expected: Expected::msg(Msg::ExpectedVisitKey),
        }
        .into()
    })
}

fn scale(typed: &str) -> Result<i64, InvalidValue> {
    to_latin_digits(typed.trim())
        .parse::<i64>()
        .map_err(|_| InvalidValue {
            what: Entity::Scale,
            value: typed.to_string(),
            expected: Expected::msg(Msg::ExpectedScale),
        })
}

/// `KEY=VALUE` split at the first `=` (the key a criterion's number or name).
fn key_value(typed: &str, expected: Msg) -> Result<(String, String), InvalidValue> {
    match typed.split_once('=') {
        Some((k, v)) if !k.trim().is_empty() && !v.trim().is_empty() => {
            Ok((k.trim().to_string(), v.trim().to_string()))
        }
        _ => Err(InvalidValue {
            what: Entity::Criterion,
            value: typed.to_string(),
            expected: Expected::msg(expected),
        }),
    }
}

fn persons(ctx: &Context, typed: &[String]) -> Result<Vec<i64>, StoreError> {
    typed
        .iter()
        .map(|p| ctx.store.find_person(p).map(|p| p.id))
        .collect()
}

fn body_name(ctx: &Context, id: i64) -> String {
    match ctx.store.body(id) {
        Ok(b) => b.name.get(ctx.prefs.lang).to_string(),
        Err(_) => localize_digits(&id.to_string(), ctx.prefs.lang),
    }
}

// ---- Presenting

fn n(i: i64, lang: Lang) -> String {
    localize_digits(&i.to_string(), lang)
}

/// A score in percent: "76.67%", «۷۶٫۶۷٪».
pub fn percent(v: f64, lang: Lang) -> String {
    let sign = match lang {
        Lang::En => "%",
        Lang::Fa => "٪",
    };
    format!("{}{sign}", format_number(v, lang))
}

/// ▲ better, ▼ worse, = the same.
pub fn trend_mark(d: Option<Direction>) -> &'static str {
    match d {
        Some(Direction::Better) => "▲",
        Some(Direction::Worse) => "▼",
        Some(Direction::Same) => "=",
        None => "",
    }
}

fn dash() -> String {
    "—".to_string()
}

// ---- Checklist commands

fn checklist_add(ctx: &mut Context, a: &ChecklistAdd, out: Out) -> CliResult {
    let body = ctx.store.find_body(&a.body)?;
    let criteria = a
        .criteria
        .iter()
        .map(|c| parse_criterion(c))
        .collect::<Result<Vec<_>, _>>()?;
    let c = ops::evaluation::add_checklist(
        ctx,
        &NewChecklist {
            body_id: body.id,
            title: a.title.clone(),
            scale_max: scale(&a.scale)?,
            every: PeriodKind::parse(&a.every)?,
            criteria,
            units: a.units.clone(),
        },
    )?;
    if a.json {
        return print_json(out, &c);
    }
    say(
        out,
        ctx.prefs,
        Msg::CliChecklistAdded,
        &[
            &c.id.to_string(),
            &c.title,
            &c.criteria.len().to_string(),
            &c.scale_max.to_string(),
        ],
    )
}

fn checklist_edit(ctx: &mut Context, a: &ChecklistEditArgs, out: Out) -> CliResult {
    let c = checklist_key(ctx, &a.checklist)?;
    let edit = ChecklistEdit {
        title: a.title.clone(),
        scale_max: a.scale.as_deref().map(scale).transpose()?,
        every: a.every.as_deref().map(PeriodKind::parse).transpose()?,
        add_criteria: a
            .add_criteria
            .iter()
            .map(|c| parse_criterion(c))
            .collect::<Result<Vec<_>, _>>()?,
        rename_criteria: a
            .rename_criteria
            .iter()
            .map(|r| key_value(r, Msg::ExpectedCriterionRename))
            .collect::<Result<Vec<_>, _>>()?,
        reweigh_criteria: a
            .weights
            .iter()
            .map(|w| {
                let (k, v) = key_value(w, Msg::ExpectedCriterionWeight)?;
                let bad = || InvalidValue {
                    what: Entity::Weight,
                    value: w.clone(),
                    expected: Expected::msg(Msg::ExpectedCriterionWeight),
                };
                let weight = parse_number(Entity::Weight, &v).map_err(|_| bad())?;
                if weight <= 0.0 {
                    return Err(bad());
                }
                Ok((k, weight))
            })
            .collect::<Result<Vec<_>, InvalidValue>>()?,
        remove_criteria: a.remove_criteria.clone(),
        add_units: a.add_units.clone(),
        remove_units: a.remove_units.clone(),
        expected_version: a.version,
    };
    let c = ops::evaluation::edit_checklist(ctx, c.id, &edit)?;
    if a.json {
        return print_json(out, &c);
    }
    say(
        out,
        ctx.prefs,
        Msg::CliChecklistEdited,
        &[&c.id.to_string(), &c.version.to_string()],
    )
}

fn checklist_list(ctx: &mut Context, a: &ChecklistList, out: Out) -> CliResult {
    let body_id = match &a.body {
        Some(b) => Some(ctx.store.find_body(b)?.id),
        None => None,
    };
    let all = ops::evaluation::checklists(ctx, body_id)?;
    if a.json {
        return print_json(out, &all);
    }
    let lang = ctx.prefs.lang;
    if all.is_empty() {
        writeln!(
            out,
            "{}",
            display_line(t(lang, Msg::EvalChecklistNone), ctx.prefs)
        )?;
        return Ok(());
    }
    let mut table = Table::new(&[
        t(lang, Msg::Id),
        t(lang, Msg::EvalTitle),
        t(lang, Msg::EvalBody),
        t(lang, Msg::EvalCriteria),
        t(lang, Msg::EvalScale),
        t(lang, Msg::EvalEvery),
        t(lang, Msg::EvalUnits),
    ])
    .numeric(&[0, 3, 4]);
    for c in &all {
        table.push(vec![
            c.id.to_string(),
            c.title.clone(),
            body_name(ctx, c.body_id),
            c.criteria.len().to_string(),
            c.scale_max.to_string(),
            c.every.label(lang).to_string(),
            c.units.join(t(lang, Msg::ListSeparator)),
        ]);
    }
    write!(out, "{}", table.render(ctx.prefs))?;
    Ok(())
}

fn checklist_show(ctx: &mut Context, a: &ChecklistShow, out: Out) -> CliResult {
    let c = checklist_key(ctx, &a.checklist)?;
    if a.json {
        return print_json(out, &c);
    }
    let lang = ctx.prefs.lang;
    let p = ctx.prefs;
    let line = |out: Out, s: String| -> CliResult {
        writeln!(out, "{}", display_line(&s, p))?;
        Ok(())
    };
    line(
        out,
        tf(
            lang,
            Msg::EvalChecklistHead,
            &[&n(c.id, lang), &c.title, &body_name(ctx, c.body_id)],
        ),
    )?;
    line(
        out,
        tf(
            lang,
            Msg::EvalScaleLine,
            &[&n(c.scale_max, lang), c.every.label(lang)],
        ),
    )?;
    let units = if c.units.is_empty() {
        t(lang, Msg::EvalNone).to_string()
    } else {
        c.units.join(t(lang, Msg::ListSeparator))
    };
    line(out, tf(lang, Msg::EvalUnitsLine, &[&units]))?;
    line(out, tf(lang, Msg::EvalVersionLine, &[&n(c.version, lang)]))?;
    let mut table = Table::new(&[
        t(lang, Msg::EvalNumber),
        t(lang, Msg::EvalCriterion),
        t(lang, Msg::EvalWeight),
    ])
    .numeric(&[0]);
    for k in &c.criteria {
        table.push(vec![
            k.position.to_string(),
            k.name.clone(),
            format_number(k.weight, lang),
        ]);
    }
    write!(out, "{}", table.render(ctx.prefs))?;
    Ok(())
}

// ---- Visit commands

fn visit_add(ctx: &mut Context, a: &VisitAdd, out: Out) -> CliResult {
    let c = checklist_key(ctx, &a.checklist)?;
    let on = ctx.parse_date(&a.on)?;
    let visitors = persons(ctx, &a.visitors)?;
    let v = ops::evaluation::add_visit(
        ctx,
        &NewVisit {
            checklist_id: c.id,
            unit: a.unit.clone(),
            visited_on: on,
            visitors,
            note: a.note.clone().unwrap_or_default(),
        },
    )?;
    if a.json {
        return print_json(out, &v);
    }
    say(
        out,
        ctx.prefs,
        Msg::CliVisitAdded,
        &[
            &v.visit.id.to_string(),
            &v.visit.unit,
            &ctx.date(v.visit.visited_on),
        ],
    )
}

fn visit_score(ctx: &mut Context, a: &VisitScoreArgs, out: Out) -> CliResult {
    let id = visit_id(&a.visit)?;
    let before = ops::evaluation::visit(ctx, id)?;
    let c = ops::evaluation::checklist(ctx, before.visit.checklist_id)?;
    let k = ops::evaluation::criterion_named(&c, &a.criterion)?.clone();
    let mut task = None;
    if a.task {
        // Checked before the score is written, so a refused task leaves nothing half done.
        authz::check(
            ctx,
            crate::model::roles::Activity::ManageTasks,
            Some(c.body_id),
        )?;
        let kept = before
            .lines
            .iter()
            .find(|l| l.criterion.id == k.id)
            .map(|l| l.finding.clone())
            .unwrap_or_default();
        let finding = a.finding.clone().unwrap_or(kept);
        if finding.trim().is_empty() {
            return Err(
                StoreError::Refused(Refusal::Evaluation(EvaluationRefusal::NoFinding {
                    visit: id,
                    criterion: k.position,
                }))
                .into(),
            );
        }
        task = Some(FindingTask {
            assignee_id: a
                .assignee
                .as_deref()
                .map(|p| ctx.store.find_person(p).map(|p| p.id))
                .transpose()?,
            due: a.due.as_deref().map(|d| ctx.parse_date(d)).transpose()?,
            ..Default::default()
        });
    }
    let mut v = ops::evaluation::score(ctx, id, &a.criterion, &a.score, a.finding.as_deref())?;
    let made = match &task {
        Some(t) => {
            let made = ops::evaluation::finding_task(ctx, id, &a.criterion, t)?;
            v = ops::evaluation::visit(ctx, id)?;
            Some(made)
        }
        None => None,
    };
    if a.json {
        return print_json(out, &v);
    }
    let lang = ctx.prefs.lang;
    let given = v
        .lines
        .iter()
        .find(|l| l.criterion.id == k.id)
        .and_then(|l| l.score)
        .unwrap_or_default();
    let total = v
        .score
        .map(|s| percent(s.percent, lang))
        .unwrap_or_else(dash);
    say(
        out,
        ctx.prefs,
        Msg::CliVisitScored,
        &[
            &id.to_string(),
            &k.position.to_string(),
            &k.name,
            &format_number(given, lang),
            &v.scale_max.to_string(),
            &total,
        ],
    )?;
    if let Some(t) = made {
        say(
            out,
            ctx.prefs,
            Msg::CliFindingTask,
            &[&k.position.to_string(), &id.to_string(), &t.id.to_string()],
        )?;
    }
    Ok(())
}

fn visit_task(ctx: &mut Context, a: &VisitTaskArgs, out: Out) -> CliResult {
    let id = visit_id(&a.visit)?;
    let v = ops::evaluation::visit(ctx, id)?;
    let c = ops::evaluation::checklist(ctx, v.visit.checklist_id)?;
    let k = ops::evaluation::criterion_named(&c, &a.criterion)?.clone();
    let t = FindingTask {
        title: a.title.clone().unwrap_or_default(),
        assignee_id: a
            .assignee
            .as_deref()
            .map(|p| ctx.store.find_person(p).map(|p| p.id))
            .transpose()?,
        assignee_unit: a.unit.clone(),
        due: a.due.as_deref().map(|d| ctx.parse_date(d)).transpose()?,
        priority: a.priority.as_deref().map(Priority::parse).transpose()?,
    };
    let task = ops::evaluation::finding_task(ctx, id, &a.criterion, &t)?;
    if a.json {
        return print_json(out, &task);
    }
    say(
        out,
        ctx.prefs,
        Msg::CliFindingTask,
        &[
            &k.position.to_string(),
            &id.to_string(),
            &task.id.to_string(),
        ],
    )
}

fn visit_edit(ctx: &mut Context, a: &VisitEditArgs, out: Out) -> CliResult {
    let id = visit_id(&a.visit)?;
    let visitors = if a.no_visitors {
        Some(Vec::new())
    } else if a.visitors.is_empty() {
        None
    } else {
        Some(persons(ctx, &a.visitors)?)
    };
    let e = VisitCorrection {
        unit: a.unit.clone(),
        visited_on: a.on.as_deref().map(|d| ctx.parse_date(d)).transpose()?,
        visitors,
        note: a.note.clone(),
        expected_version: a.version,
    };
    let v = ops::evaluation::edit_visit(ctx, id, &e)?;
    if a.json {
        return print_json(out, &v);
    }
    say(
        out,
        ctx.prefs,
        Msg::CliVisitEdited,
        &[&v.visit.id.to_string(), &v.visit.version.to_string()],
    )
}

fn visit_list(ctx: &mut Context, a: &VisitList, out: Out) -> CliResult {
    let filter = VisitFilter {
        checklist_id: match &a.checklist {
            Some(c) => Some(checklist_key(ctx, c)?.id),
            None => None,
        },
        body_id: match &a.body {
            Some(b) => Some(ctx.store.find_body(b)?.id),
            None => None,
        },
        unit: a.unit.clone(),
        from: a.from.as_deref().map(|d| ctx.parse_date(d)).transpose()?,
        to: a.to.as_deref().map(|d| ctx.parse_date(d)).transpose()?,
    };
    let visits = ops::evaluation::visits(ctx, &filter)?;
    if a.json {
        return print_json(out, &visits);
    }
    let lang = ctx.prefs.lang;
    if visits.is_empty() {
        writeln!(
            out,
            "{}",
            display_line(t(lang, Msg::EvalVisitNone), ctx.prefs)
        )?;
        return Ok(());
    }
    let mut table = Table::new(&[
        t(lang, Msg::Id),
        t(lang, Msg::EvalDate),
        t(lang, Msg::EvalUnit),
        t(lang, Msg::EvalChecklist),
        t(lang, Msg::EvalScore),
        t(lang, Msg::EvalComplete),
        t(lang, Msg::EvalVisitors),
    ])
    .numeric(&[0]);
    for v in &visits {
        table.push(vec![
            v.visit.id.to_string(),
            ctx.date(v.visit.visited_on),
            v.visit.unit.clone(),
            v.checklist_title.clone(),
            v.score
                .map(|s| percent(s.percent, lang))
                .unwrap_or_else(dash),
            complete(v, lang).to_string(),
            v.visitor_names.join(t(lang, Msg::ListSeparator)),
        ]);
    }
    write!(out, "{}", table.render(ctx.prefs))?;
    Ok(())
}

/// A score of a visit still being scored, marked so.
fn incomplete_mark(score: String, complete: bool, lang: Lang) -> String {
    if complete {
        score
    } else {
        format!("{score} ({})", t(lang, Msg::EvalIncomplete))
    }
}

fn complete(v: &VisitView, lang: Lang) -> &'static str {
    if v.score.is_some_and(|s| s.complete()) {
        t(lang, Msg::Yes)
    } else {
        t(lang, Msg::No)
    }
}

fn visit_show(ctx: &mut Context, a: &VisitShow, out: Out) -> CliResult {
    let v = ops::evaluation::visit(ctx, visit_id(&a.visit)?)?;
    if a.json {
        return print_json(out, &v);
    }
    let lang = ctx.prefs.lang;
    let p = ctx.prefs;
    let line = |out: Out, s: String| -> CliResult {
        writeln!(out, "{}", display_line(&s, p))?;
        Ok(())
    };
    line(
        out,
        tf(
            lang,
            Msg::EvalVisitHead,
            &[
                &n(v.visit.id, lang),
                &v.visit.unit,
                &ctx.date(v.visit.visited_on),
            ],
        ),
    )?;
    line(
        out,
        tf(
            lang,
            Msg::EvalVisitChecklistLine,
            &[
                &n(v.visit.checklist_id, lang),
                &v.checklist_title,
                &n(v.scale_max, lang),
            ],
        ),
    )?;
    let visitors = if v.visitor_names.is_empty() {
        t(lang, Msg::EvalNone).to_string()
    } else {
        v.visitor_names.join(t(lang, Msg::ListSeparator))
    };
    line(out, tf(lang, Msg::EvalVisitorsLine, &[&visitors]))?;
    if !v.visit.note.trim().is_empty() {
        line(out, tf(lang, Msg::EvalNoteLine, &[&v.visit.note]))?;
    }
    let mut table = Table::new(&[
        t(lang, Msg::EvalNumber),
        t(lang, Msg::EvalCriterion),
        t(lang, Msg::EvalWeight),
        t(lang, Msg::EvalScore),
        t(lang, Msg::EvalFinding),
        t(lang, Msg::EvalTask),
    ])
    .numeric(&[0, 5]);
    for l in &v.lines {
        table.push(vec![
            l.criterion.position.to_string(),
            l.criterion.name.clone(),
            format_number(l.criterion.weight, lang),
            l.score.map(|s| format_number(s, lang)).unwrap_or_else(dash),
            l.finding.clone(),
            l.task_id.map(|i| i.to_string()).unwrap_or_default(),
        ]);
    }
    write!(out, "{}", table.render(ctx.prefs))?;
    match v.score {
        Some(s) => line(
            out,
            tf(
                lang,
                Msg::EvalScoreLine,
                &[
                    &percent(s.percent, lang),
                    &n(s.scored as i64, lang),
                    &n(s.criteria as i64, lang),
                ],
            ),
        ),
        None => line(out, t(lang, Msg::EvalNotScored).to_string()),
    }
}

fn visit_board(ctx: &mut Context, a: &VisitBoard, out: Out) -> CliResult {
    let body_id = match &a.body {
        Some(b) => Some(ctx.store.find_body(b)?.id),
        None => None,
    };
    let checklist_id = match &a.checklist {
        Some(c) => Some(checklist_key(ctx, c)?.id),
        None => None,
    };
    let mut boards = ops::evaluation::board(ctx, body_id, checklist_id)?;
    if a.overdue {
        for b in &mut boards {
            b.units.retain(|u| u.days_overdue.is_some());
        }
        boards.retain(|b| !b.units.is_empty());
    }
    if a.json {
        return print_json(out, &boards);
    }
    let lang = ctx.prefs.lang;
    let p = ctx.prefs;
    let none = if a.overdue {
        Msg::EvalBoardOverdueNone
    } else {
        Msg::EvalBoardNone
    };
    if boards.iter().all(|b| b.units.is_empty()) {
        writeln!(out, "{}", display_line(t(lang, none), p))?;
        return Ok(());
    }
    for (i, b) in boards.iter().filter(|b| !b.units.is_empty()).enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        writeln!(
            out,
            "{}",
            display_line(
                &tf(
                    lang,
                    Msg::EvalBoardHead,
                    &[
                        &n(b.checklist_id, lang),
                        &b.title,
                        &body_name(ctx, b.body_id)
                    ]
                ),
                p
            )
        )?;
        let mut table = Table::new(&[
            t(lang, Msg::EvalRank),
            t(lang, Msg::EvalUnit),
            t(lang, Msg::EvalScore),
            t(lang, Msg::EvalPrevious),
            t(lang, Msg::EvalTrend),
            t(lang, Msg::EvalLastVisited),
            t(lang, Msg::EvalDue),
            t(lang, Msg::EvalDaysOverdue),
        ])
        .numeric(&[0, 7]);
        for (r, u) in b.units.iter().enumerate() {
            table.push(board_row(ctx, r + 1, u));
        }
        write!(out, "{}", table.render(p))?;
    }
    Ok(())
}

fn board_row(ctx: &Context, rank: usize, u: &UnitStanding) -> Vec<String> {
    let lang = ctx.prefs.lang;
    vec![
        rank.to_string(),
        u.unit.clone(),
        u.score
            .map(|s| incomplete_mark(percent(s, lang), u.complete, lang))
            .unwrap_or_else(dash),
        u.previous_score
            .map(|s| percent(s, lang))
            .unwrap_or_else(dash),
        trend_mark(u.trend).to_string(),
        u.last_visited
            .map(|d| ctx.date(d))
            .unwrap_or_else(|| t(lang, Msg::EvalNever).to_string()),
        u.due.map(|d| ctx.date(d)).unwrap_or_else(dash),
        u.days_overdue.map(|d| d.to_string()).unwrap_or_default(),
    ]
}
