//! A body's plan: goals, policies, indicators and measurements, from the command line
//! and the TUI alike.
//!
//! Rules: keeping a body's plan is [`Activity::KeepPlans`] (its secretary, chair or
//! vice-chair, or an administrator); reading it needs only to see the body. A policy's
//! goal is named by its title (an unknown title adds the goal) or its id; a policy is
//! linked only to its own body's resolutions and tasks. A measurement's period is typed
//! in the indicator's kind and calendar ([`crate::model::plans::parse_period`]) and
//! stored as its code; recording a period again corrects it.

use serde::Serialize;

use super::authz;
use super::Context;
use crate::locale::normalize::normalize_for_search;
use crate::locale::Lang;
use crate::model::plans::{
    figures, parse_period, period_error, Figures, Goal, MeasuredValue, Period, PeriodKind,
    PolicyLink,
};
use crate::model::roles::Activity;
use crate::model::{Indicator, Measurement, Policy};
use crate::store::plans::{
    IndicatorCorrection, NewIndicator, NewMeasurement, NewPolicy, PolicyCorrection,
};
use crate::store::{Result, StoreError};

/// A policy with its goal, indicators and links.
#[derive(Debug, Clone, Serialize)]
pub struct PolicyView {
    #[serde(flatten)]
    pub policy: Policy,
    pub goal: Option<Goal>,
    pub indicators: Vec<IndicatorView>,
    pub links: Vec<LinkView>,
}

/// A resolution or task a policy is linked to, as the user may read it.
#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    #[serde(flatten)]
    pub link: PolicyLink,
    /// The resolution's number or the task's title.
    pub label: String,
    /// Whether it is done (a task done, a resolution implemented).
    pub done: bool,
}

/// A measurement with its period as the user reads it.
#[derive(Debug, Clone, Serialize)]
pub struct MeasurementView {
    #[serde(flatten)]
    pub measurement: Measurement,
    pub period_label: String,
}

/// An indicator with its measurements and figures.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorView {
    #[serde(flatten)]
    pub indicator: Indicator,
    pub body_id: i64,
    pub policy_title: String,
    pub measurements: Vec<MeasurementView>,
    pub figures: Figures,
    /// The last period's label.
    pub last_period_label: Option<String>,
    /// The period before the current one (by today) when it has no value: the
    /// measurement that is due.
    pub missing_period: Option<String>,
}

/// A body's whole plan: each goal with its policies, then the policies with no goal.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    pub body_id: i64,
    pub goals: Vec<GoalView>,
    pub without_goal: Vec<PolicyView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GoalView {
    #[serde(flatten)]
    pub goal: Goal,
    pub policies: Vec<PolicyView>,
}

/// How a goal is named when a policy is added or edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GoalRef {
    /// Its id.
    Id(i64),
    /// Its title: the body's goal of that title (normalized for search), else a new one.
    Title(String),
}

impl GoalRef {
    /// `#12` or digits only is an id; anything else a title.
    pub fn parse(typed: &str) -> GoalRef {
        let t = crate::locale::digits::to_latin_digits(typed.trim());
        let digits = t.strip_prefix('#').unwrap_or(&t);
        match digits.parse::<i64>() {
            Ok(id) if !digits.is_empty() => GoalRef::Id(id),
            _ => GoalRef::Title(typed.trim().to_string()),
        }
    }
}

fn lang(ctx: &Context) -> Lang {
    ctx.prefs.lang
}

/// The goal a reference names in a body, added when a title is new.
fn goal_for(ctx: &mut Context, body_id: i64, goal: &GoalRef) -> Result<i64> {
    match goal {
        GoalRef::Id(id) => Ok(ctx.store.goal(*id)?.id),
        GoalRef::Title(title) => {
            let wanted = normalize_for_search(title);
            if let Some(g) = ctx
                .store
                .goals(body_id)?
                .into_iter()
                .find(|g| normalize_for_search(&g.title) == wanted)
            {
                return Ok(g.id);
            }
            Ok(ctx.store.add_goal(body_id, title)?.id)
        }
    }
}

/// Adds a goal to a body's plan.
pub fn add_goal(ctx: &mut Context, body_id: i64, title: &str) -> Result<Goal> {
    authz::check(ctx, Activity::KeepPlans, Some(body_id))?;
    goal_free(ctx, body_id, title, None)?;
    ctx.store.add_goal(body_id, title)
}

/// Refuses a title another goal of the body has (normalized for search): a policy's
/// goal is named by its title, which must then name one goal.
fn goal_free(ctx: &Context, body_id: i64, title: &str, except: Option<i64>) -> Result<()> {
    let wanted = normalize_for_search(title);
    match ctx
        .store
        .goals(body_id)?
        .into_iter()
        .find(|g| Some(g.id) != except && normalize_for_search(&g.title) == wanted)
    {
        Some(g) => Err(StoreError::Refused(crate::store::Refusal::Plan(
            crate::model::plans::PlanRefusal::GoalTaken {
                goal: g.id,
                body: body_id,
            },
        ))),
        None => Ok(()),
    }
}

/// Renames a goal.
pub fn rename_goal(
    ctx: &mut Context,
    id: i64,
    title: &str,
    expected_version: Option<i64>,
) -> Result<Goal> {
    let goal = ctx.store.goal(id)?;
    authz::check(ctx, Activity::KeepPlans, Some(goal.body_id))?;
    goal_free(ctx, goal.body_id, title, Some(id))?;
    ctx.store.rename_goal(id, title, expected_version)
}

/// What `policy add` takes.
#[derive(Debug, Clone, Default)]
pub struct PolicyInput {
    pub body_id: i64,
    pub title: String,
    pub goal: Option<GoalRef>,
    pub description: String,
}

/// Adds a policy, with its goal (added when new).
pub fn add_policy(ctx: &mut Context, p: &PolicyInput) -> Result<PolicyView> {
    authz::check(ctx, Activity::KeepPlans, Some(p.body_id))?;
    // The policy's own checks first, so a bad title adds no goal.
    crate::model::check_text(
        crate::model::Entity::PolicyTitle,
        &p.title,
        crate::model::MAX_TITLE,
    )?;
    let goal_id = match &p.goal {
        Some(g) => Some(goal_for(ctx, p.body_id, g)?),
        None => None,
    };
    let policy = ctx.store.add_policy_with(&NewPolicy {
        body_id: p.body_id,
        title: p.title.clone(),
        goal_id,
        description: p.description.clone(),
    })?;
    policy_view(ctx, policy)
}

/// What `policy edit` changes: each `Some` replaces (`goal: Some(None)` detaches).
#[derive(Debug, Clone, Default)]
pub struct PolicyEdit {
    pub title: Option<String>,
    pub goal: Option<Option<GoalRef>>,
    pub description: Option<String>,
    pub expected_version: Option<i64>,
}

pub fn edit_policy(ctx: &mut Context, id: i64, e: &PolicyEdit) -> Result<PolicyView> {
    let policy = ctx.store.policy(id)?;
    authz::check(ctx, Activity::KeepPlans, Some(policy.body_id))?;
    let goal_id = match &e.goal {
        Some(Some(g)) => Some(Some(goal_for(ctx, policy.body_id, g)?)),
        Some(None) => Some(None),
        None => None,
    };
    let policy = ctx.store.update_policy(
        id,
        &PolicyCorrection {
            title: e.title.clone(),
            goal_id,
            description: e.description.clone(),
            expected_version: e.expected_version,
        },
    )?;
    policy_view(ctx, policy)
}

/// One policy with its goal, indicators and links.
pub fn policy(ctx: &Context, id: i64) -> Result<PolicyView> {
    let p = ctx.store.policy(id)?;
    policy_view(ctx, p)
}

fn policy_view(ctx: &Context, policy: Policy) -> Result<PolicyView> {
    let goal = match policy.goal_id {
        Some(g) => Some(ctx.store.goal(g)?),
        None => None,
    };
    let indicators = ctx
        .store
        .indicators(policy.id)?
        .into_iter()
        .map(|i| indicator_view(ctx, i, &policy))
        .collect::<Result<Vec<_>>>()?;
    let mut links = Vec::new();
    for link in ctx.store.policy_links(policy.id)? {
        let (label, done) = match link {
            PolicyLink::Resolution(r) => match ctx.store.resolution(r) {
                Ok(r) => (r.number, r.status == crate::model::WorkStatus::Done),
                Err(StoreError::NotFound { .. }) => continue,
                Err(e) => return Err(e),
            },
            PolicyLink::Task(t) => match ctx.store.task(t) {
                Ok(t) => (t.title, t.status == crate::model::WorkStatus::Done),
                Err(StoreError::NotFound { .. }) => continue,
                Err(e) => return Err(e),
            },
        };
        links.push(LinkView { link, label, done });
    }
    Ok(PolicyView {
        policy,
        goal,
        indicators,
        links,
    })
}

/// A body's policies, each with its indicators.
pub fn policies(ctx: &Context, body_id: i64) -> Result<Vec<PolicyView>> {
    authz::check_visible(ctx, body_id)?;
    ctx.store
        .policies(body_id)?
        .into_iter()
        .map(|p| policy_view(ctx, p))
        .collect()
}

/// A body's plan, goal by goal.
pub fn plan(ctx: &Context, body_id: i64) -> Result<Plan> {
    let all = policies(ctx, body_id)?;
    let mut goals: Vec<GoalView> = ctx
        .store
        .goals(body_id)?
        .into_iter()
        .map(|goal| GoalView {
            goal,
            policies: Vec::new(),
        })
        .collect();
    let mut without_goal = Vec::new();
    for p in all {
        match p
            .policy
            .goal_id
            .and_then(|g| goals.iter_mut().find(|v| v.goal.id == g))
        {
            Some(g) => g.policies.push(p),
            None => without_goal.push(p),
        }
    }
    Ok(Plan {
        body_id,
        goals,
        without_goal,
    })
}

/// Links a policy to a resolution or task of its body.
pub fn link(ctx: &mut Context, policy_id: i64, link: PolicyLink) -> Result<PolicyView> {
    let p = ctx.store.policy(policy_id)?;
    authz::check(ctx, Activity::KeepPlans, Some(p.body_id))?;
    ctx.store.link_policy(policy_id, link)?;
    policy(ctx, policy_id)
}

/// Removes a policy's link.
pub fn unlink(ctx: &mut Context, policy_id: i64, link: PolicyLink) -> Result<PolicyView> {
    let p = ctx.store.policy(policy_id)?;
    authz::check(ctx, Activity::KeepPlans, Some(p.body_id))?;
    ctx.store.unlink_policy(policy_id, link)?;
    policy(ctx, policy_id)
}

// ---- Indicators

/// What `indicator add` takes.
#[derive(Debug, Clone)]
pub struct IndicatorInput {
    pub policy_id: i64,
    pub name: String,
    pub unit: Option<String>,
    pub target: f64,
    pub baseline: Option<f64>,
    pub lower_is_better: bool,
    pub period: PeriodKind,
}

/// Adds an indicator to a policy, counted in the body's calendar.
pub fn add_indicator(ctx: &mut Context, i: &IndicatorInput) -> Result<IndicatorView> {
    let policy = ctx.store.policy(i.policy_id)?;
    authz::check(ctx, Activity::KeepPlans, Some(policy.body_id))?;
    let calendar = ctx.store.body(policy.body_id)?.fiscal_year.calendar;
    let ind = ctx.store.add_indicator_with(&NewIndicator {
        policy_id: i.policy_id,
        name: i.name.clone(),
        unit: i.unit.clone(),
        target: i.target,
        baseline: i.baseline,
        higher_is_better: !i.lower_is_better,
        period: i.period,
        calendar: Some(calendar),
    })?;
    indicator_view(ctx, ind, &policy)
}

/// Corrects an indicator (its period only while it has no measurement).
pub fn edit_indicator(
    ctx: &mut Context,
    id: i64,
    c: &IndicatorCorrection,
) -> Result<IndicatorView> {
    let ind = ctx.store.indicator(id)?;
    let policy = ctx.store.policy(ind.policy_id)?;
    authz::check(ctx, Activity::KeepPlans, Some(policy.body_id))?;
    let ind = ctx.store.update_indicator(id, c)?;
    indicator_view(ctx, ind, &policy)
}

/// One indicator with its measurements and figures.
pub fn indicator(ctx: &Context, id: i64) -> Result<IndicatorView> {
    let ind = ctx.store.indicator(id)?;
    let policy = ctx.store.policy(ind.policy_id)?;
    indicator_view(ctx, ind, &policy)
}

/// The indicators of a body (or of one policy), each with its figures; `off_target`
/// keeps those whose last value misses the target.
pub fn indicators(
    ctx: &Context,
    body_id: Option<i64>,
    policy_id: Option<i64>,
    off_target: bool,
) -> Result<Vec<IndicatorView>> {
    let mut out = Vec::new();
    let policies: Vec<Policy> = match (policy_id, body_id) {
        (Some(p), _) => vec![ctx.store.policy(p)?],
        (None, Some(b)) => {
            authz::check_visible(ctx, b)?;
            ctx.store.policies(b)?
        }
        (None, None) => {
            let mut all = Vec::new();
            for b in ctx.store.bodies()? {
                all.extend(ctx.store.policies(b.id)?);
            }
            all
        }
    };
    for p in &policies {
        for i in ctx.store.indicators(p.id)? {
            let v = indicator_view(ctx, i, p)?;
            if !off_target || v.figures.on_target == Some(false) {
                out.push(v);
            }
        }
    }
    Ok(out)
}

/// The label of a stored period code in an indicator's calendar (the code itself if it
/// is not one, as a period stored before periods were checked may be).
pub fn period_label(ind: &Indicator, code: &str, lang: Lang) -> String {
    match Period::from_code(code, ind.calendar) {
        Some(p) => p.label(lang),
        None => crate::locale::digits::localize_digits(code, lang),
    }
}

fn indicator_view(ctx: &Context, ind: Indicator, policy: &Policy) -> Result<IndicatorView> {
    let lang = lang(ctx);
    let measurements: Vec<MeasurementView> = ctx
        .store
        .measurements(ind.id)?
        .into_iter()
        .map(|m| MeasurementView {
            period_label: period_label(&ind, &m.period, lang),
            measurement: m,
        })
        .collect();
    let series: Vec<MeasuredValue> = measurements
        .iter()
        .map(|m| MeasuredValue {
            period: m.measurement.period.clone(),
            value: m.measurement.value,
        })
        .collect();
    let figures = figures(&series, ind.target, ind.baseline, ind.higher_is_better);
    let due = Period::containing(ctx.today, ind.period, ind.calendar).previous();
    let missing_period = (!measurements
        .iter()
        .any(|m| m.measurement.period == due.code()))
    .then(|| due.label(lang));
    Ok(IndicatorView {
        body_id: policy.body_id,
        policy_title: policy.title.clone(),
        last_period_label: figures
            .last_period
            .as_deref()
            .map(|p| period_label(&ind, p, lang)),
        missing_period,
        figures,
        measurements,
        indicator: ind,
    })
}

/// What `indicator record` takes: the period as typed.
#[derive(Debug, Clone, Default)]
pub struct MeasurementInput {
    pub indicator_id: i64,
    pub period: String,
    pub value: f64,
    pub source: String,
    pub note: String,
}

/// Parses a typed period for an indicator (its kind and calendar).
pub fn parse_indicator_period(ind: &Indicator, typed: &str) -> Result<Period> {
    parse_period(typed, ind.period, ind.calendar)
        .map_err(|_| period_error(typed, ind.period, ind.calendar).into())
}

/// Records (or corrects) an indicator's value for a period typed in its calendar.
pub fn record(ctx: &mut Context, m: &MeasurementInput) -> Result<MeasurementView> {
    let ind = ctx.store.indicator(m.indicator_id)?;
    let policy = ctx.store.policy(ind.policy_id)?;
    authz::check(ctx, Activity::KeepPlans, Some(policy.body_id))?;
    let period = parse_indicator_period(&ind, &m.period)?;
    // A period not begun yet has nothing to measure (a year typed wrong, most often).
    if period.start().is_none_or(|d| d > ctx.today) {
        return Err(crate::model::InvalidValue {
            what: crate::model::Entity::Period,
            value: m.period.clone(),
            expected: crate::model::Expected::msg(crate::locale::strings::Msg::ExpectedPeriodBegun),
        }
        .into());
    }
    let measurement = ctx.store.record_measurement(&NewMeasurement {
        indicator_id: ind.id,
        period: period.code(),
        value: m.value,
        source: m.source.clone(),
        note: m.note.clone(),
    })?;
    Ok(MeasurementView {
        period_label: period.label(lang(ctx)),
        measurement,
    })
}
