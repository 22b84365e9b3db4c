//! `shura goal|policy|indicator …`: a body's plan from the command line: its goals,
//! the policies that serve them (linked to resolutions and tasks), the indicators that
//! measure each policy, and their measurements, one a period.
//!
//! Every rule is in `ops::plans`; this file only reads the flags (ids and numbers in
//! Persian digits too, periods as people type them) and shows the results.

use clap::{ArgGroup, Args, Subcommand};
use serde::Serialize;

use super::commands::{print_json, say, Out};
use super::table::{display_line, Table};
use super::CliResult;
use crate::locale::digits::{localize_digits, to_latin_digits};
use crate::locale::strings::{t, tf, Msg};
use crate::locale::{Calendar, Lang};
use crate::model::plans::{format_number, parse_number, Direction, Goal, PeriodKind, PolicyLink};
use crate::model::Entity;
use crate::ops::plans::{
    GoalRef, IndicatorInput, IndicatorView, MeasurementInput, MeasurementView, PolicyEdit,
    PolicyInput, PolicyView,
};
use crate::ops::{self, Context};
use crate::store::plans::IndicatorCorrection;
use crate::store::StoreError;

// ---- Goals

#[derive(Debug, Subcommand)]
pub enum GoalCmd {
    /// Add a goal to a body's plan (policies serve goals)
    Add(GoalAdd),
    /// A body's goals, each with its policies
    List(PlanBody),
    /// Rename a goal
    Edit(GoalEdit),
}

impl GoalCmd {
    pub fn only_reads(&self) -> bool {
        matches!(self, GoalCmd::List(_))
    }
}

#[derive(Debug, Args)]
pub struct GoalAdd {
    /// The body whose plan it is in (id or name)
    #[arg(long)]
    pub body: String,
    /// The goal's title
    pub title: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct PlanBody {
    /// The body (id or name)
    #[arg(long)]
    pub body: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct GoalEdit {
    /// The goal's id
    pub goal: String,
    /// Its new title
    pub title: String,
    /// The version you read; refused when it changed since
    #[arg(long)]
    pub version: Option<i64>,
    #[arg(long)]
    pub json: bool,
}

// ---- Policies

#[derive(Debug, Subcommand)]
pub enum PolicyCmd {
    /// Add a policy to a body's plan, under a goal (named by its title, added when new,
    /// or #ID)
    Add(PolicyAdd),
    /// Correct a policy's title, goal or description
    Edit(PolicyEditArgs),
    /// A body's policies, goal by goal, with their indicators' last values
    List(PlanBody),
    /// One policy: its goal, its indicators with their figures, and its links
    Show(PolicyShow),
    /// Link a policy to a resolution or a task of its body that serves it
    Link(PolicyLinkArgs),
    /// Remove a policy's link to a resolution or a task
    Unlink(PolicyLinkArgs),
}

impl PolicyCmd {
    pub fn only_reads(&self) -> bool {
        matches!(self, PolicyCmd::List(_) | PolicyCmd::Show(_))
    }
}

#[derive(Debug, Args)]
pub struct PolicyAdd {
    /// The body whose plan it is in (id or name)
    #[arg(long)]
    pub body: String,
    /// The policy's title
    pub title: String,
    /// The goal it serves: a goal's title (added when new) or #ID
    #[arg(long)]
    pub goal: Option<String>,
    /// What the policy is about
    #[arg(long, default_value = "")]
    pub description: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct PolicyEditArgs {
    /// The policy's id
    pub policy: String,
    /// Its new title
    #[arg(long)]
    pub title: Option<String>,
    /// The goal it serves: a goal's title (added when new) or #ID
    #[arg(long, conflicts_with = "no_goal")]
    pub goal: Option<String>,
    /// It serves no goal any more
    #[arg(long)]
    pub no_goal: bool,
    /// Its description ("" clears it)
    #[arg(long)]
    pub description: Option<String>,
    /// The version you read (`policy show`); refused when it changed since
    #[arg(long)]
    pub version: Option<i64>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct PolicyShow {
    /// The policy's id
    pub policy: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("target").required(true).args(["resolution", "task"])))]
pub struct PolicyLinkArgs {
    /// The policy's id
    pub policy: String,
    /// The resolution (its id)
    #[arg(long)]
    pub resolution: Option<String>,
    /// The task (its id)
    #[arg(long)]
    pub task: Option<String>,
    #[arg(long)]
    pub json: bool,
}

// ---- Indicators

#[derive(Debug, Subcommand)]
pub enum IndicatorCmd {
    /// Add an indicator to a policy: its target, unit, baseline, better direction and
    /// period (month, quarter or year, in the body's calendar)
    Add(IndicatorAdd),
    /// Correct an indicator (its period only while nothing is measured)
    Edit(IndicatorEditArgs),
    /// Indicators with their last value, change, progress and standing
    List(IndicatorList),
    /// One indicator: its figures and every measurement
    Show(IndicatorShow),
    /// Record an indicator's value for a period (1404-Q2, «بهار ۱۴۰۴», 2025-Q3,
    /// 1404/07); recording a period again corrects it
    Record(IndicatorRecord),
}

impl IndicatorCmd {
    pub fn only_reads(&self) -> bool {
        matches!(self, IndicatorCmd::List(_) | IndicatorCmd::Show(_))
    }
}

#[derive(Debug, Args)]
#[command(allow_negative_numbers = true)]
pub struct IndicatorAdd {
    /// The policy it measures (its id)
    #[arg(long)]
    pub policy: String,
    /// The indicator's name
    pub name: String,
    /// The value to reach (Persian digits too)
    #[arg(long, allow_hyphen_values = true)]
    pub target: String,
    /// What it is counted in (%, hours, tonnes)
    #[arg(long)]
    pub unit: Option<String>,
    /// Where it started: 0 % of the way to the target
    #[arg(long, allow_hyphen_values = true)]
    pub baseline: Option<String>,
    /// A lower value is better (hours to answer, complaints)
    #[arg(long)]
    pub lower_is_better: bool,
    /// How often it is measured: month, quarter or year (ماهانه، فصلی، سالانه)
    #[arg(long, default_value = "quarter")]
    pub period: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(allow_negative_numbers = true)]
pub struct IndicatorEditArgs {
    /// The indicator's id
    pub indicator: String,
    /// Its new name
    #[arg(long)]
    pub name: Option<String>,
    /// The value to reach
    #[arg(long, allow_hyphen_values = true)]
    pub target: Option<String>,
    /// What it is counted in
    #[arg(long, conflicts_with = "no_unit")]
    pub unit: Option<String>,
    /// It has no unit
    #[arg(long)]
    pub no_unit: bool,
    /// Where it started
    #[arg(long, allow_hyphen_values = true, conflicts_with = "no_baseline")]
    pub baseline: Option<String>,
    /// It has no baseline
    #[arg(long)]
    pub no_baseline: bool,
    /// A lower value is better
    #[arg(long, conflicts_with = "higher_is_better")]
    pub lower_is_better: bool,
    /// A higher value is better
    #[arg(long)]
    pub higher_is_better: bool,
    /// How often it is measured: month, quarter or year
    #[arg(long)]
    pub period: Option<String>,
    /// The version you read (`indicator show`); refused when it changed since
    #[arg(long)]
    pub version: Option<i64>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct IndicatorList {
    /// The body (id or name); every body you may see when left out
    #[arg(long)]
    pub body: Option<String>,
    /// One policy's indicators (its id)
    #[arg(long)]
    pub policy: Option<String>,
    /// Only those whose last value misses the target
    #[arg(long)]
    pub off_target: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct IndicatorShow {
    /// The indicator's id
    pub indicator: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(allow_negative_numbers = true)]
pub struct IndicatorRecord {
    /// The indicator's id
    pub indicator: String,
    /// The period, in the indicator's kind and calendar: 1404-Q2, «بهار ۱۴۰۴», 2025-Q3,
    /// 1404/07, «مهر ۱۴۰۴», 1404
    #[arg(long)]
    pub period: String,
    /// The value measured (Persian digits too; negative values allowed)
    #[arg(allow_hyphen_values = true)]
    pub value: String,
    /// Where the figure comes from (a report, a survey, a department)
    #[arg(long, default_value = "")]
    pub source: String,
    #[arg(long, default_value = "")]
    pub note: String,
    #[arg(long)]
    pub json: bool,
}

pub fn goal(ctx: &mut Context, cmd: &GoalCmd, out: Out) -> CliResult {
    match cmd {
        GoalCmd::Add(a) => goal_add(ctx, a, out),
        GoalCmd::List(a) => goal_list(ctx, a, out),
        GoalCmd::Edit(a) => goal_edit(ctx, a, out),
    }
}

pub fn policy(ctx: &mut Context, cmd: &PolicyCmd, out: Out) -> CliResult {
    match cmd {
        PolicyCmd::Add(a) => policy_add(ctx, a, out),
        PolicyCmd::Edit(a) => policy_edit(ctx, a, out),
        PolicyCmd::List(a) => policy_list(ctx, a, out),
        PolicyCmd::Show(a) => policy_show(ctx, a, out),
        PolicyCmd::Link(a) => policy_link(ctx, a, true, out),
        PolicyCmd::Unlink(a) => policy_link(ctx, a, false, out),
    }
}

pub fn indicator(ctx: &mut Context, cmd: &IndicatorCmd, out: Out) -> CliResult {
    match cmd {
        IndicatorCmd::Add(a) => indicator_add(ctx, a, out),
        IndicatorCmd::Edit(a) => indicator_edit(ctx, a, out),
        IndicatorCmd::List(a) => indicator_list(ctx, a, out),
        IndicatorCmd::Show(a) => indicator_show(ctx, a, out),
        IndicatorCmd::Record(a) => indicator_record(ctx, a, out),
    }
}

// ---- Reading what was typed

/// An id as typed: digits (Persian too), with an optional leading `#`.
fn id_of(what: Entity, key: &str) -> Result<i64, StoreError> {
    let latin = to_latin_digits(key.trim());
    latin
        .strip_prefix('#')
        .unwrap_or(&latin)
        .parse::<i64>()
        .map_err(|_| StoreError::NotFound {
            what,
            key: key.to_string(),
        })
}

fn number(what: Entity, typed: &str) -> CliResult<f64> {
    Ok(parse_number(what, typed)?)
}

// ---- Showing figures

fn n(i: i64, lang: Lang) -> String {
    localize_digits(&i.to_string(), lang)
}

fn num(v: f64, lang: Lang) -> String {
    format_number(v, lang)
}

fn opt_num(v: Option<f64>, lang: Lang) -> String {
    v.map(|v| num(v, lang)).unwrap_or_else(|| "—".to_string())
}

/// A change with its sign and arrow: `+6 ↑`, `-3 ↓`, `0 →`.
fn change_text(change: Option<f64>, lang: Lang) -> String {
    match change {
        None => "—".to_string(),
        Some(c) if c.abs() < 1e-9 => format!("{} →", num(0.0, lang)),
        Some(c) if c > 0.0 => format!("+{} ↑", num(c, lang)),
        Some(c) => format!("{} ↓", num(c, lang)),
    }
}

fn direction_text(d: Option<Direction>, lang: Lang) -> &'static str {
    match d {
        Some(Direction::Better) => t(lang, Msg::CliPlanBetter),
        Some(Direction::Worse) => t(lang, Msg::CliPlanWorse),
        Some(Direction::Same) => t(lang, Msg::CliPlanSame),
        None => "—",
    }
}

fn progress_text(p: Option<f64>, lang: Lang) -> String {
    match p {
        Some(p) => tf(lang, Msg::CliPlanPercent, &[&num(p, lang)]),
        None => "—".to_string(),
    }
}

fn standing_text(on_target: Option<bool>, lang: Lang) -> &'static str {
    match on_target {
        Some(true) => t(lang, Msg::OnTarget),
        Some(false) => t(lang, Msg::CliPlanOffTarget),
        None => t(lang, Msg::CliPlanNotMeasured),
    }
}

fn calendar_text(c: Calendar, lang: Lang) -> &'static str {
    match c {
        Calendar::Jalali => t(lang, Msg::Jalali),
        Calendar::Gregorian => t(lang, Msg::Gregorian),
    }
}

/// A value with the indicator's unit, when it has one: `41%`, `6 districts`.
fn with_unit(v: Option<f64>, unit: &Option<String>, lang: Lang) -> String {
    match v {
        Some(v) => crate::model::plans::with_unit(&num(v, lang), unit.as_deref()),
        None => opt_num(v, lang),
    }
}

/// The values as a one-line sparkline of Unicode blocks, lowest `▁`, highest `█`
/// (all `▄` when they are all equal).
pub fn sparkline(values: &[f64]) -> String {
    const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    values
        .iter()
        .map(|v| {
            if hi - lo < 1e-12 {
                BLOCKS[3]
            } else {
                let i = ((v - lo) / (hi - lo) * 7.0).round() as usize;
                BLOCKS[i.min(7)]
            }
        })
        .collect()
}

fn line(out: Out, ctx: &Context, s: &str) -> CliResult {
    writeln!(out, "{}", display_line(s, ctx.prefs))?;
    Ok(())
}

// ---- Goals

fn goal_add(ctx: &mut Context, a: &GoalAdd, out: Out) -> CliResult {
    let body = ctx.store.find_body(&a.body)?;
    let goal = ops::plans::add_goal(ctx, body.id, &a.title)?;
    if a.json {
        return print_json(out, &goal);
    }
    say(
        out,
        ctx.prefs,
        Msg::CliGoalAdded,
        &[&goal.id.to_string(), &goal.title],
    )
}

/// A goal with the ids of the policies that serve it (`goal list --json`).
#[derive(Debug, Serialize)]
struct GoalLine {
    #[serde(flatten)]
    goal: Goal,
    policy_ids: Vec<i64>,
}

fn goal_list(ctx: &mut Context, a: &PlanBody, out: Out) -> CliResult {
    let body = ctx.store.find_body(&a.body)?;
    let plan = ops::plans::plan(ctx, body.id)?;
    let goals: Vec<GoalLine> = plan
        .goals
        .into_iter()
        .map(|g| GoalLine {
            policy_ids: g.policies.iter().map(|p| p.policy.id).collect(),
            goal: g.goal,
        })
        .collect();
    if a.json {
        return print_json(out, &goals);
    }
    let lang = ctx.prefs.lang;
    if goals.is_empty() {
        return line(out, ctx, t(lang, Msg::CliGoalNone));
    }
    let mut table = Table::new(&[
        t(lang, Msg::Id),
        t(lang, Msg::CliPlanGoalCol),
        t(lang, Msg::CliPlanPoliciesCol),
    ])
    .numeric(&[0, 2]);
    for g in &goals {
        table.push(vec![
            n(g.goal.id, lang),
            g.goal.title.clone(),
            n(g.policy_ids.len() as i64, lang),
        ]);
    }
    write!(out, "{}", table.render(ctx.prefs))?;
    Ok(())
}

fn goal_edit(ctx: &mut Context, a: &GoalEdit, out: Out) -> CliResult {
    let id = id_of(Entity::Goal, &a.goal)?;
    let goal = ops::plans::rename_goal(ctx, id, &a.title, a.version)?;
    if a.json {
        return print_json(out, &goal);
    }
    say(
        out,
        ctx.prefs,
        Msg::CliGoalEdited,
        &[&goal.id.to_string(), &goal.title, &goal.version.to_string()],
    )
}

// ---- Policies

fn policy_add(ctx: &mut Context, a: &PolicyAdd, out: Out) -> CliResult {
    let body = ctx.store.find_body(&a.body)?;
    let view = ops::plans::add_policy(
        ctx,
        &PolicyInput {
            body_id: body.id,
            title: a.title.clone(),
            goal: a.goal.as_deref().map(GoalRef::parse),
            description: a.description.clone(),
        },
    )?;
    if a.json {
        return print_json(out, &view);
    }
    let id = view.policy.id.to_string();
    match &view.goal {
        Some(g) => say(
            out,
            ctx.prefs,
            Msg::CliPolicyAddedUnder,
            &[&id, &g.id.to_string(), &g.title, &view.policy.title],
        ),
        None => say(
            out,
            ctx.prefs,
            Msg::CliPolicyAdded,
            &[&id, &view.policy.title],
        ),
    }
}

fn policy_edit(ctx: &mut Context, a: &PolicyEditArgs, out: Out) -> CliResult {
    let id = id_of(Entity::Policy, &a.policy)?;
    let goal = match (&a.goal, a.no_goal) {
        (_, true) => Some(None),
        (Some(g), false) => Some(Some(GoalRef::parse(g))),
        (None, false) => None,
    };
    let view = ops::plans::edit_policy(
        ctx,
        id,
        &PolicyEdit {
            title: a.title.clone(),
            goal,
            description: a.description.clone(),
            expected_version: a.version,
        },
    )?;
    if a.json {
        return print_json(out, &view);
    }
    say(
        out,
        ctx.prefs,
        Msg::CliPolicyEdited,
        &[
            &view.policy.id.to_string(),
            &view.policy.version.to_string(),
        ],
    )
}

fn policy_list(ctx: &mut Context, a: &PlanBody, out: Out) -> CliResult {
    let body = ctx.store.find_body(&a.body)?;
    let plan = ops::plans::plan(ctx, body.id)?;
    if a.json {
        return print_json(out, &plan);
    }
    let lang = ctx.prefs.lang;
    let groups: Vec<(String, &Vec<PolicyView>)> = plan
        .goals
        .iter()
        .map(|g| (g.goal.title.clone(), &g.policies))
        .chain(std::iter::once((
            t(lang, Msg::CliPlanNoGoal).to_string(),
            &plan.without_goal,
        )))
        .filter(|(_, ps)| !ps.is_empty())
        .collect();
    if groups.is_empty() {
        return line(out, ctx, t(lang, Msg::CliPolicyNone));
    }
    let mut table = Table::new(&[
        t(lang, Msg::CliPlanGoalCol),
        t(lang, Msg::Id),
        t(lang, Msg::CliPlanPolicyCol),
        t(lang, Msg::CliPlanIndicatorCol),
        t(lang, Msg::CliPlanLastCol),
        t(lang, Msg::CliPlanTargetCol),
        t(lang, Msg::CliPlanStandingCol),
    ])
    .numeric(&[1, 4, 5]);
    for (goal, policies) in groups {
        let mut goal_cell = goal;
        for p in policies {
            let mut policy_cells = vec![n(p.policy.id, lang), p.policy.title.clone()];
            if p.indicators.is_empty() {
                let mut row = vec![std::mem::take(&mut goal_cell)];
                row.append(&mut policy_cells);
                row.extend(["—".to_string(), String::new(), String::new(), String::new()]);
                table.push(row);
                continue;
            }
            for i in &p.indicators {
                let mut row = vec![std::mem::take(&mut goal_cell)];
                row.append(&mut std::mem::take(&mut policy_cells));
                row.resize(3, String::new());
                row.extend([
                    i.indicator.name.clone(),
                    with_unit(i.figures.last_value, &i.indicator.unit, lang),
                    num(i.indicator.target, lang),
                    standing_text(i.figures.on_target, lang).to_string(),
                ]);
                table.push(row);
            }
        }
    }
    write!(out, "{}", table.render(ctx.prefs))?;
    Ok(())
}

/// The indicators' table of `policy show` and `indicator list`.
fn indicator_table(ctx: &Context, indicators: &[IndicatorView], with_policy: bool) -> Table {
    let lang = ctx.prefs.lang;
    let mut headers = vec![t(lang, Msg::Id), t(lang, Msg::CliPlanIndicatorCol)];
    if with_policy {
        headers.push(t(lang, Msg::CliPlanPolicyCol));
    }
    headers.extend([
        t(lang, Msg::CliPlanLastPeriodCol),
        t(lang, Msg::CliPlanLastCol),
        t(lang, Msg::CliPlanTargetCol),
        t(lang, Msg::CliPlanChangeCol),
        t(lang, Msg::CliPlanTrendCol),
        t(lang, Msg::CliPlanProgressCol),
        t(lang, Msg::CliPlanStandingCol),
    ]);
    let shift = usize::from(with_policy);
    let mut table = Table::new(&headers).numeric(&[0, 3 + shift, 4 + shift, 7 + shift]);
    for i in indicators {
        let f = &i.figures;
        let mut row = vec![n(i.indicator.id, lang), i.indicator.name.clone()];
        if with_policy {
            row.push(i.policy_title.clone());
        }
        row.extend([
            i.last_period_label.clone().unwrap_or_else(|| "—".into()),
            with_unit(f.last_value, &i.indicator.unit, lang),
            num(i.indicator.target, lang),
            change_text(f.change, lang),
            direction_text(f.direction, lang).to_string(),
            progress_text(f.progress, lang),
            standing_text(f.on_target, lang).to_string(),
        ]);
        table.push(row);
    }
    table
}

fn policy_show(ctx: &mut Context, a: &PolicyShow, out: Out) -> CliResult {
    let view = ops::plans::policy(ctx, id_of(Entity::Policy, &a.policy)?)?;
    if a.json {
        return print_json(out, &view);
    }
    let lang = ctx.prefs.lang;
    let p = &view.policy;
    line(
        out,
        ctx,
        &tf(lang, Msg::CliPlanPolicyHead, &[&n(p.id, lang), &p.title]),
    )?;
    match &view.goal {
        Some(g) => line(
            out,
            ctx,
            &tf(lang, Msg::CliPlanGoalLine, &[&n(g.id, lang), &g.title]),
        )?,
        None => line(out, ctx, t(lang, Msg::CliPlanGoalNone))?,
    }
    if !p.description.trim().is_empty() {
        line(
            out,
            ctx,
            &tf(lang, Msg::CliPlanDescription, &[&p.description]),
        )?;
    }
    if view.indicators.is_empty() {
        line(
            out,
            ctx,
            &format!(
                "{} {}",
                t(lang, Msg::CliPlanIndicatorsHead),
                t(lang, Msg::CliIndicatorNone)
            ),
        )?;
    } else {
        line(out, ctx, t(lang, Msg::CliPlanIndicatorsHead))?;
        write!(
            out,
            "{}",
            indicator_table(ctx, &view.indicators, false).render(ctx.prefs)
        )?;
    }
    let links: Vec<String> = view
        .links
        .iter()
        .map(|l| {
            let text = match l.link {
                PolicyLink::Resolution(r) => tf(
                    lang,
                    Msg::CliPlanLinkResolution,
                    &[&localize_digits(&l.label, lang), &n(r, lang)],
                ),
                PolicyLink::Task(task) => {
                    tf(lang, Msg::CliPlanLinkTask, &[&n(task, lang), &l.label])
                }
            };
            if l.done {
                format!("{text} ({})", t(lang, Msg::ChoiceDone))
            } else {
                text
            }
        })
        .collect();
    if links.is_empty() {
        line(out, ctx, t(lang, Msg::CliPlanNotLinked))?;
    } else {
        line(
            out,
            ctx,
            &tf(
                lang,
                Msg::CliPlanLinksLine,
                &[&links.join(t(lang, Msg::ListSeparator))],
            ),
        )?;
    }
    line(
        out,
        ctx,
        &tf(lang, Msg::CliPlanVersion, &[&n(p.version, lang)]),
    )
}

fn policy_link(ctx: &mut Context, a: &PolicyLinkArgs, add: bool, out: Out) -> CliResult {
    let id = id_of(Entity::Policy, &a.policy)?;
    let lang = ctx.prefs.lang;
    let (link, what) = match (&a.resolution, &a.task) {
        (Some(r), _) => {
            let r = id_of(Entity::Resolution, r)?;
            (
                PolicyLink::Resolution(r),
                tf(lang, Msg::PlanLinkResolution, &[&n(r, lang)]),
            )
        }
        (None, Some(task)) => {
            let task = id_of(Entity::Task, task)?;
            (
                PolicyLink::Task(task),
                tf(lang, Msg::PlanLinkTask, &[&n(task, lang)]),
            )
        }
        // clap requires one of the two.
        (None, None) => {
            return policy_show(
                ctx,
                &PolicyShow {
                    policy: a.policy.clone(),
                    json: a.json,
                },
                out,
            )
        }
    };
    let view = if add {
        ops::plans::link(ctx, id, link)?
    } else {
        ops::plans::unlink(ctx, id, link)?
    };
    if a.json {
        return print_json(out, &view);
    }
    let msg = if add {
        Msg::CliPolicyLinked
    } else {
        Msg::CliPolicyUnlinked
    };
    say(out, ctx.prefs, msg, &[&view.policy.id.to_string(), &what])
}

// ---- Indicators

fn indicator_add(ctx: &mut Context, a: &IndicatorAdd, out: Out) -> CliResult {
    let policy_id = id_of(Entity::Policy, &a.policy)?;
    let target = number(Entity::Target, &a.target)?;
    let baseline = a
        .baseline
        .as_deref()
        .map(|b| number(Entity::Baseline, b))
        .transpose()?;
    let period = PeriodKind::parse(&a.period)?;
    let view = ops::plans::add_indicator(
        ctx,
        &IndicatorInput {
            policy_id,
            name: a.name.clone(),
            unit: a.unit.clone().filter(|u| !u.trim().is_empty()),
            target,
            baseline,
            lower_is_better: a.lower_is_better,
            period,
        },
    )?;
    if a.json {
        return print_json(out, &view);
    }
    let lang = ctx.prefs.lang;
    let i = &view.indicator;
    say(
        out,
        ctx.prefs,
        Msg::CliIndicatorAdded,
        &[
            &i.id.to_string(),
            &i.policy_id.to_string(),
            &i.name,
            &with_unit(Some(i.target), &i.unit, lang),
            i.period.label(lang),
        ],
    )
}

fn indicator_edit(ctx: &mut Context, a: &IndicatorEditArgs, out: Out) -> CliResult {
    let id = id_of(Entity::Indicator, &a.indicator)?;
    let target = a
        .target
        .as_deref()
        .map(|v| number(Entity::Target, v))
        .transpose()?;
    let baseline = match (&a.baseline, a.no_baseline) {
        (_, true) => Some(None),
        (Some(b), false) => Some(Some(number(Entity::Baseline, b)?)),
        (None, false) => None,
    };
    let unit = match (&a.unit, a.no_unit) {
        (_, true) => Some(None),
        (Some(u), false) => Some(Some(u.clone()).filter(|u| !u.trim().is_empty())),
        (None, false) => None,
    };
    let higher_is_better = match (a.lower_is_better, a.higher_is_better) {
        (true, _) => Some(false),
        (_, true) => Some(true),
        _ => None,
    };
    let period = a.period.as_deref().map(PeriodKind::parse).transpose()?;
    let view = ops::plans::edit_indicator(
        ctx,
        id,
        &IndicatorCorrection {
            name: a.name.clone(),
            unit,
            target,
            baseline,
            higher_is_better,
            period,
            expected_version: a.version,
        },
    )?;
    if a.json {
        return print_json(out, &view);
    }
    say(
        out,
        ctx.prefs,
        Msg::CliIndicatorEdited,
        &[
            &view.indicator.id.to_string(),
            &view.indicator.version.to_string(),
        ],
    )
}

fn indicator_list(ctx: &mut Context, a: &IndicatorList, out: Out) -> CliResult {
    let body_id = match &a.body {
        Some(b) => Some(ctx.store.find_body(b)?.id),
        None => None,
    };
    let policy_id = a
        .policy
        .as_deref()
        .map(|p| id_of(Entity::Policy, p))
        .transpose()?;
    let mut list = ops::plans::indicators(ctx, body_id, policy_id, a.off_target)?;
    // A policy and a body both given: only the policy's indicators if it is the body's.
    if let Some(b) = body_id {
        list.retain(|i| i.body_id == b);
    }
    if a.json {
        return print_json(out, &list);
    }
    if list.is_empty() {
        return line(out, ctx, t(ctx.prefs.lang, Msg::CliIndicatorNone));
    }
    write!(
        out,
        "{}",
        indicator_table(ctx, &list, true).render(ctx.prefs)
    )?;
    Ok(())
}

fn indicator_show(ctx: &mut Context, a: &IndicatorShow, out: Out) -> CliResult {
    let view = ops::plans::indicator(ctx, id_of(Entity::Indicator, &a.indicator)?)?;
    if a.json {
        return print_json(out, &view);
    }
    let lang = ctx.prefs.lang;
    let i = &view.indicator;
    let f = &view.figures;
    line(
        out,
        ctx,
        &tf(
            lang,
            Msg::CliIndicatorHead,
            &[
                &n(i.id, lang),
                &i.name,
                &n(i.policy_id, lang),
                &view.policy_title,
            ],
        ),
    )?;
    if let Some(u) = i.unit.as_deref().filter(|u| !u.is_empty()) {
        line(out, ctx, &tf(lang, Msg::CliIndicatorUnit, &[u]))?;
    }
    let better = if i.higher_is_better {
        Msg::CliIndicatorHigherBetter
    } else {
        Msg::CliIndicatorLowerBetter
    };
    line(
        out,
        ctx,
        &tf(
            lang,
            Msg::CliIndicatorTarget,
            &[&num(i.target, lang), t(lang, better)],
        ),
    )?;
    if let Some(b) = i.baseline {
        line(
            out,
            ctx,
            &tf(lang, Msg::CliIndicatorBaseline, &[&num(b, lang)]),
        )?;
    }
    line(
        out,
        ctx,
        &tf(
            lang,
            Msg::CliIndicatorPeriod,
            &[i.period.label(lang), calendar_text(i.calendar, lang)],
        ),
    )?;
    if view.measurements.is_empty() {
        line(out, ctx, t(lang, Msg::CliIndicatorNoMeasurement))?;
    } else {
        line(
            out,
            ctx,
            &tf(
                lang,
                Msg::CliIndicatorLast,
                &[
                    &with_unit(f.last_value, &i.unit, lang),
                    view.last_period_label.as_deref().unwrap_or("—"),
                    &format!(
                        "{} ({})",
                        change_text(f.change, lang),
                        direction_text(f.direction, lang)
                    ),
                    &progress_text(f.progress, lang),
                    standing_text(f.on_target, lang),
                ],
            ),
        )?;
        let values: Vec<f64> = view
            .measurements
            .iter()
            .map(|m| m.measurement.value)
            .collect();
        let first = view
            .measurements
            .first()
            .map(|m| m.period_label.as_str())
            .unwrap_or_default();
        let last = view
            .measurements
            .last()
            .map(|m| m.period_label.as_str())
            .unwrap_or_default();
        line(
            out,
            ctx,
            &tf(
                lang,
                Msg::CliIndicatorSpark,
                &[first, last, &sparkline(&values)],
            ),
        )?;
    }
    if let Some(missing) = &view.missing_period {
        line(out, ctx, &tf(lang, Msg::CliIndicatorMissing, &[missing]))?;
    }
    if !view.measurements.is_empty() {
        let mut table = Table::new(&[
            t(lang, Msg::CliPlanPeriodCol),
            t(lang, Msg::CliPlanValueCol),
            t(lang, Msg::CliPlanSourceCol),
            t(lang, Msg::CliPlanNoteCol),
        ])
        .numeric(&[1]);
        for m in &view.measurements {
            table.push(vec![
                m.period_label.clone(),
                num(m.measurement.value, lang),
                m.measurement.source.clone(),
                m.measurement.note.clone(),
            ]);
        }
        write!(out, "{}", table.render(ctx.prefs))?;
    }
    line(
        out,
        ctx,
        &tf(lang, Msg::CliPlanVersion, &[&n(i.version, lang)]),
    )
}

/// `indicator record --json`: the measurement, and whether it corrected a value
/// already recorded for that period (and which).
#[derive(Debug, Serialize)]
struct Recorded {
    #[serde(flatten)]
    measurement: MeasurementView,
    corrected: bool,
    previous_value: Option<f64>,
}

fn indicator_record(ctx: &mut Context, a: &IndicatorRecord, out: Out) -> CliResult {
    let id = id_of(Entity::Indicator, &a.indicator)?;
    let value = number(Entity::Value, &a.value)?;
    // What the period held before, to say "corrected" rather than "recorded"; a period
    // that cannot be read is refused by the op, with the expected form.
    let before = ops::plans::indicator(ctx, id)?;
    let previous_value = ops::plans::parse_indicator_period(&before.indicator, &a.period)
        .ok()
        .and_then(|p| {
            before
                .measurements
                .iter()
                .find(|m| m.measurement.period == p.code())
                .map(|m| m.measurement.value)
        });
    let m = ops::plans::record(
        ctx,
        &MeasurementInput {
            indicator_id: id,
            period: a.period.clone(),
            value,
            source: a.source.clone(),
            note: a.note.clone(),
        },
    )?;
    if a.json {
        return print_json(
            out,
            &Recorded {
                measurement: m,
                corrected: previous_value.is_some(),
                previous_value,
            },
        );
    }
    let lang = ctx.prefs.lang;
    let value = with_unit(Some(m.measurement.value), &before.indicator.unit, lang);
    match previous_value {
        Some(was) => say(
            out,
            ctx.prefs,
            Msg::CliMeasurementCorrected,
            &[&id.to_string(), &value, &m.period_label, &num(was, lang)],
        ),
        None => say(
            out,
            ctx.prefs,
            Msg::CliMeasurementRecorded,
            &[&id.to_string(), &value, &m.period_label],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparkline_scales_from_lowest_to_highest() {
        assert_eq!(sparkline(&[35.0, 41.0]), "▁█");
        assert_eq!(sparkline(&[0.0, 7.0, 3.5, 14.0]), "▁▅▃█");
        assert_eq!(sparkline(&[5.0, 5.0]), "▄▄");
        assert_eq!(sparkline(&[]), "");
    }

    #[test]
    fn changes_carry_their_sign_and_arrow() {
        assert_eq!(change_text(Some(6.0), Lang::En), "+6 ↑");
        assert_eq!(change_text(Some(-2.5), Lang::Fa), "-۲٫۵ ↓");
        assert_eq!(change_text(Some(0.0), Lang::En), "0 →");
        assert_eq!(change_text(None, Lang::En), "—");
    }

    #[test]
    fn ids_in_either_digits() {
        assert_eq!(id_of(Entity::Policy, "۱۲").ok(), Some(12));
        assert_eq!(id_of(Entity::Policy, "#3").ok(), Some(3));
        assert!(id_of(Entity::Policy, "three").is_err());
    }
}
