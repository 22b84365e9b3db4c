//! A body's plan screen: its goals, their policies and the policies' indicators as one
//! tree list (from [`crate::ops::plans::plan`]), and the measurements of the indicator
//! under the cursor. The forms it opens (goals, policies, indicators, measurements) only
//! gather what was typed; the rules are [`crate::ops::plans`]'s, so a refusal reads as
//! it does on the command line, and the typed text survives it.

use serde::{Deserialize, Serialize};

use super::component::{next_pane, Component};
use super::form::{Field, Form, FormPurpose};
use super::keymap::Action;
use super::state::{store_err, App, Cursor, ListKind, Modal, Outcome, Screen};
use crate::locale::strings::{t, tf, Msg};
use crate::locale::Lang;
use crate::model::plans::{example, format_number, parse_number, Goal, PeriodKind};
use crate::model::{Entity, Name};
use crate::ops::plans::{
    GoalRef, IndicatorInput, IndicatorView, MeasurementInput, PolicyEdit, PolicyInput, PolicyView,
};
use crate::ops::Context;
use crate::store::plans::IndicatorCorrection;
use crate::store::Result;

/// One row of the plan's tree.
#[derive(Debug, Clone)]
pub enum PlanRow {
    Goal(Goal),
    /// The heading of the policies that serve no goal.
    NoGoal,
    Policy(Box<PolicyView>),
    Indicator(Box<IndicatorView>),
}

impl PlanRow {
    /// How deep the row sits in the tree (goals 0, policies 1, indicators 2).
    pub fn depth(&self) -> usize {
        match self {
            PlanRow::Goal(_) | PlanRow::NoGoal => 0,
            PlanRow::Policy(_) => 1,
            PlanRow::Indicator(_) => 2,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PlansPane {
    #[default]
    Tree,
    Measurements,
}

/// The plan screen's cached data and cursors.
#[derive(Debug)]
pub struct PlansScreen {
    pub body_id: i64,
    pub body_name: Name,
    pub rows: Vec<PlanRow>,
    pub pane: PlansPane,
    pub tree: Cursor,
    pub measurement: Cursor,
}

impl PlansScreen {
    pub fn load(ctx: &Context, body_id: i64) -> Result<PlansScreen> {
        let body = ctx.store.body(body_id)?;
        let mut s = PlansScreen {
            body_id,
            body_name: body.name,
            rows: Vec::new(),
            pane: PlansPane::Tree,
            tree: Cursor::default(),
            measurement: Cursor::default(),
        };
        s.refresh(ctx)?;
        Ok(s)
    }

    /// Reads the plan again; the cursors stay where they were.
    pub fn refresh(&mut self, ctx: &Context) -> Result<()> {
        let plan = crate::ops::plans::plan(ctx, self.body_id)?;
        let mut rows = Vec::new();
        let push_policy = |rows: &mut Vec<PlanRow>, p: PolicyView| {
            let indicators = p.indicators.clone();
            rows.push(PlanRow::Policy(Box::new(p)));
            for mut i in indicators {
                i.measurements
                    .sort_by(|a, b| a.measurement.period.cmp(&b.measurement.period));
                rows.push(PlanRow::Indicator(Box::new(i)));
            }
        };
        for g in plan.goals {
            rows.push(PlanRow::Goal(g.goal));
            for p in g.policies {
                push_policy(&mut rows, p);
            }
        }
        if !plan.without_goal.is_empty() {
            rows.push(PlanRow::NoGoal);
            for p in plan.without_goal {
                push_policy(&mut rows, p);
            }
        }
        self.rows = rows;
        self.tree.clamp(self.rows.len());
        let n = self.measurements_len();
        self.measurement.clamp(n);
        Ok(())
    }

    /// The indicator of a row of the tree.
    pub fn indicator_at(&self, row: Option<usize>) -> Option<&IndicatorView> {
        match self.rows.get(row?)? {
            PlanRow::Indicator(i) => Some(i),
            _ => None,
        }
    }

    /// The indicator under the tree's cursor (no filter: the cursor indexes the rows).
    fn current_indicator(&self) -> Option<&IndicatorView> {
        self.indicator_at(Some(self.tree.selected))
    }

    fn measurements_len(&self) -> usize {
        self.current_indicator().map_or(0, |i| i.measurements.len())
    }

    /// The policy a row belongs to: itself, or an indicator's.
    pub fn policy_of(&self, row: usize) -> Option<&PolicyView> {
        let mut i = row;
        loop {
            match self.rows.get(i)? {
                PlanRow::Policy(p) => return Some(p),
                PlanRow::Indicator(_) if i > 0 => i -= 1,
                _ => return None,
            }
        }
    }

    /// The goal a row sits under, by its title (for a new policy's goal field).
    pub fn goal_title_of(&self, row: usize) -> Option<String> {
        let mut i = row.min(self.rows.len().checked_sub(1)?);
        loop {
            match self.rows.get(i)? {
                PlanRow::Goal(g) => return Some(g.title.clone()),
                PlanRow::NoGoal => return None,
                _ if i > 0 => i -= 1,
                _ => return None,
            }
        }
    }

    /// Puts the tree's cursor on the row that matches (when the tree is unfiltered).
    pub fn select(&mut self, matches: impl Fn(&PlanRow) -> bool) {
        if let Some(i) = self.rows.iter().position(matches) {
            self.tree.selected = i;
            self.measurement = Cursor::default();
        }
    }
}

/// The text `/` matches for a row of the tree.
fn row_text(row: &PlanRow, lang: Lang) -> String {
    match row {
        PlanRow::Goal(g) => g.title.clone(),
        PlanRow::NoGoal => t(lang, Msg::PlanNoGoal).to_string(),
        PlanRow::Policy(p) => p.policy.title.clone(),
        PlanRow::Indicator(i) => format!("{} {}", i.indicator.name, i.policy_title),
    }
}

impl Component for PlansScreen {
    fn lists(&self) -> &'static [ListKind] {
        &[ListKind::PlanTree, ListKind::PlanMeasurements]
    }

    fn focused(&self) -> ListKind {
        match self.pane {
            PlansPane::Tree => ListKind::PlanTree,
            PlansPane::Measurements => ListKind::PlanMeasurements,
        }
    }

    fn len(&self, kind: ListKind) -> usize {
        match kind {
            ListKind::PlanTree => self.rows.len(),
            ListKind::PlanMeasurements => self.measurements_len(),
            _ => 0,
        }
    }

    fn row_texts(&self, kind: ListKind, ctx: &Context) -> Vec<String> {
        let l = ctx.prefs.lang;
        match kind {
            ListKind::PlanTree => self.rows.iter().map(|r| row_text(r, l)).collect(),
            ListKind::PlanMeasurements => self
                .current_indicator()
                .map(|i| {
                    i.measurements
                        .iter()
                        .map(|m| {
                            format!(
                                "{} {} {} {}",
                                m.period_label,
                                m.measurement.period,
                                m.measurement.source,
                                m.measurement.note
                            )
                        })
                        .collect()
                })
                .unwrap_or_default(),
            _ => vec![],
        }
    }

    fn cursor(&self, kind: ListKind) -> Option<usize> {
        match kind {
            ListKind::PlanTree => Some(self.tree.selected),
            ListKind::PlanMeasurements => Some(self.measurement.selected),
            _ => None,
        }
    }

    /// Another row of the tree shows its indicator's measurements from the top.
    fn set_cursor(&mut self, kind: ListKind, row: usize) {
        match kind {
            ListKind::PlanTree => {
                if row != self.tree.selected {
                    self.measurement = Cursor::default();
                }
                self.tree.selected = row;
            }
            ListKind::PlanMeasurements => self.measurement.selected = row,
            _ => {}
        }
    }

    fn switch_pane(&mut self, forward: bool) {
        use PlansPane::*;
        self.pane = next_pane(&[Tree, Measurements], self.pane, forward);
    }

    fn focus(&mut self, kind: ListKind) -> bool {
        self.pane = if kind == ListKind::PlanMeasurements {
            PlansPane::Measurements
        } else {
            PlansPane::Tree
        };
        true
    }
}

/// What a plan form creates or changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PlanForm {
    NewGoal { body_id: i64 },
    RenameGoal { goal_id: i64, version: i64 },
    NewPolicy { body_id: i64 },
    EditPolicy { policy_id: i64, version: i64 },
    NewIndicator { policy_id: i64 },
    EditIndicator { indicator_id: i64, version: i64 },
    Record { indicator_id: i64 },
}

/// The period kinds as a choice field offers them.
fn period_choices(l: Lang) -> Vec<(String, String)> {
    [PeriodKind::Month, PeriodKind::Quarter, PeriodKind::Year]
        .iter()
        .map(|k| (k.code().to_string(), k.label(l).to_string()))
        .collect()
}

/// A number as a field shows it to be edited (Latin digits read back either way).
fn number_field(v: f64) -> String {
    format_number(v, Lang::En)
}

impl App {
    /// The plan screen's state and the row under its tree's cursor.
    fn plan_row(&self) -> std::result::Result<(&PlansScreen, Option<usize>), String> {
        let p = self
            .plans
            .as_ref()
            .ok_or_else(|| t(self.lang(), Msg::NothingSelected).to_string())?;
        Ok((p, self.selected_row(ListKind::PlanTree)))
    }

    /// The plan keys: opening the screen, and the forms of its rows.
    /// Opens a body's plan, with the cursor on an indicator (from the dashboard).
    pub fn open_plan_at(&mut self, body_id: i64, indicator: Option<i64>) -> Outcome {
        crate::ops::authz::check_visible(&self.ctx, body_id).map_err(store_err)?;
        let mut screen = PlansScreen::load(&self.ctx, body_id).map_err(store_err)?;
        if let Some(id) = indicator {
            screen.select(|r| matches!(r, PlanRow::Indicator(v) if v.indicator.id == id));
        }
        self.clear_filter();
        self.plans = Some(screen);
        self.stack.push(Screen::Plans(body_id));
        Ok(())
    }

    pub(crate) fn dispatch_plans(&mut self, action: Action) -> Outcome {
        let l = self.lang();
        if action == Action::GoPlans {
            let body = self
                .selected_body()
                .cloned()
                .ok_or_else(|| t(l, Msg::NoBodySelectedAddOne).to_string())?;
            let screen = PlansScreen::load(&self.ctx, body.id).map_err(store_err)?;
            self.clear_filter();
            self.plans = Some(screen);
            self.stack.push(Screen::Plans(body.id));
            return Ok(());
        }
        if !matches!(self.screen(), Screen::Plans(_)) {
            return Ok(());
        }
        let (p, row) = self.plan_row()?;
        let body_id = p.body_id;
        let form = match action {
            Action::NewGoal => Form::new(
                t(l, Msg::PlanFormNewGoal),
                FormPurpose::Plan(PlanForm::NewGoal { body_id }),
                vec![Field::text("title", t(l, Msg::Title), "")],
            ),
            Action::NewPolicy => {
                let goal = row.and_then(|r| p.goal_title_of(r)).unwrap_or_default();
                Form::new(
                    t(l, Msg::PlanFormNewPolicy),
                    FormPurpose::Plan(PlanForm::NewPolicy { body_id }),
                    vec![
                        Field::text("title", t(l, Msg::Title), ""),
                        Field::text("goal", t(l, Msg::PlanFieldGoal), &goal)
                            .with_hint(t(l, Msg::PlanHintGoal)),
                        Field::text("description", t(l, Msg::PlanFieldDescription), ""),
                    ],
                )
            }
            Action::NewIndicator => {
                let policy = row
                    .and_then(|r| p.policy_of(r))
                    .ok_or_else(|| t(l, Msg::PlanSelectPolicy).to_string())?;
                Form::new(
                    &tf(l, Msg::PlanFormNewIndicator, &[&policy.policy.title]),
                    FormPurpose::Plan(PlanForm::NewIndicator {
                        policy_id: policy.policy.id,
                    }),
                    vec![
                        Field::text("name", t(l, Msg::Name), ""),
                        Field::text("unit", t(l, Msg::PlanFieldUnit), "")
                            .with_hint(t(l, Msg::PlanHintOptional)),
                        Field::text("target", t(l, Msg::PlanColTarget), ""),
                        Field::text("baseline", t(l, Msg::PlanFieldBaseline), "")
                            .with_hint(t(l, Msg::PlanHintOptional)),
                        Field::toggle("lower", t(l, Msg::PlanFieldLower), false),
                        Field::choice(
                            "period",
                            t(l, Msg::PlanFieldPeriodKind),
                            period_choices(l),
                            PeriodKind::Quarter.code(),
                        ),
                    ],
                )
            }
            Action::EditPlanRow => {
                let r = row
                    .and_then(|r| p.rows.get(r))
                    .ok_or_else(|| t(l, Msg::PlanSelectRow).to_string())?;
                match r {
                    PlanRow::Goal(g) => Form::new(
                        &tf(l, Msg::PlanFormRenameGoal, &[&g.title]),
                        FormPurpose::Plan(PlanForm::RenameGoal {
                            goal_id: g.id,
                            version: g.version,
                        }),
                        vec![Field::text("title", t(l, Msg::Title), &g.title)],
                    ),
                    PlanRow::NoGoal => return Err(t(l, Msg::PlanSelectRow).into()),
                    PlanRow::Policy(pv) => {
                        let goal = pv
                            .goal
                            .as_ref()
                            .map(|g| g.title.clone())
                            .unwrap_or_default();
                        Form::new(
                            &tf(l, Msg::PlanFormEditPolicy, &[&pv.policy.title]),
                            FormPurpose::Plan(PlanForm::EditPolicy {
                                policy_id: pv.policy.id,
                                version: pv.policy.version,
                            }),
                            vec![
                                Field::text("title", t(l, Msg::Title), &pv.policy.title),
                                Field::text("goal", t(l, Msg::PlanFieldGoal), &goal)
                                    .with_hint(t(l, Msg::PlanHintGoal)),
                                Field::text(
                                    "description",
                                    t(l, Msg::PlanFieldDescription),
                                    &pv.policy.description,
                                ),
                            ],
                        )
                    }
                    PlanRow::Indicator(iv) => {
                        let i = &iv.indicator;
                        Form::new(
                            &tf(l, Msg::PlanFormEditIndicator, &[&i.name]),
                            FormPurpose::Plan(PlanForm::EditIndicator {
                                indicator_id: i.id,
                                version: i.version,
                            }),
                            vec![
                                Field::text("name", t(l, Msg::Name), &i.name),
                                Field::text(
                                    "unit",
                                    t(l, Msg::PlanFieldUnit),
                                    i.unit.as_deref().unwrap_or(""),
                                )
                                .with_hint(t(l, Msg::PlanHintOptional)),
                                Field::text(
                                    "target",
                                    t(l, Msg::PlanColTarget),
                                    &number_field(i.target),
                                ),
                                Field::text(
                                    "baseline",
                                    t(l, Msg::PlanFieldBaseline),
                                    &i.baseline.map(number_field).unwrap_or_default(),
                                )
                                .with_hint(t(l, Msg::PlanHintOptional)),
                                Field::toggle(
                                    "lower",
                                    t(l, Msg::PlanFieldLower),
                                    !i.higher_is_better,
                                ),
                                Field::choice(
                                    "period",
                                    t(l, Msg::PlanFieldPeriodKind),
                                    period_choices(l),
                                    i.period.code(),
                                ),
                            ],
                        )
                    }
                }
            }
            Action::RecordMeasurement => {
                let iv = p
                    .indicator_at(row)
                    .ok_or_else(|| t(l, Msg::PlanSelectIndicator).to_string())?;
                // On the measurements pane, the one under the cursor is offered to correct.
                let at = (p.pane == PlansPane::Measurements)
                    .then(|| self.selected_row(ListKind::PlanMeasurements))
                    .flatten()
                    .and_then(|m| iv.measurements.get(m));
                record_form(iv, at, l)
            }
            _ => return Ok(()),
        };
        self.modal = Some(Modal::Form(form));
        Ok(())
    }

    /// Enter on the plan: an indicator shows its measurements; a measurement opens its
    /// correction; a goal or policy its form.
    pub(crate) fn plans_open(&mut self) -> Outcome {
        let (p, row) = self.plan_row()?;
        // The form's key is checked as if it were pressed: Enter opens no form the user
        // may not save.
        let body = Some(p.body_id);
        let form = |app: &mut App, action: Action| {
            super::authz::check_key(&app.ctx, action, body).map_err(store_err)?;
            app.dispatch_plans(action)
        };
        match (p.pane, row.and_then(|r| p.rows.get(r))) {
            (PlansPane::Measurements, _) => form(self, Action::RecordMeasurement),
            (PlansPane::Tree, Some(PlanRow::Indicator(_))) => {
                self.clear_filter();
                if let Some(p) = &mut self.plans {
                    p.pane = PlansPane::Measurements;
                }
                Ok(())
            }
            (PlansPane::Tree, Some(PlanRow::Goal(_) | PlanRow::Policy(_))) => {
                form(self, Action::EditPlanRow)
            }
            _ => Ok(()),
        }
    }

    /// Saves a plan form through its use case; gives the status line's message.
    pub(crate) fn save_plan_form(
        &mut self,
        form: &mut Form,
        f: PlanForm,
    ) -> std::result::Result<String, String> {
        let l = self.lang();
        let number = |what: Entity, key: &str| -> std::result::Result<Option<f64>, String> {
            match form.opt(key) {
                Some(v) => parse_number(what, &v).map(Some).map_err(store_err),
                None => Ok(None),
            }
        };
        let goal_ref = |typed: Option<String>| typed.map(|g| GoalRef::parse(&g));
        let ctx = &mut self.ctx;
        let (msg, select): (String, Option<(u8, i64)>) = match f {
            PlanForm::NewGoal { body_id } => {
                let g = crate::ops::plans::add_goal(ctx, body_id, form.get("title"))
                    .map_err(store_err)?;
                (tf(l, Msg::PlanGoalAdded, &[&g.title]), Some((0, g.id)))
            }
            PlanForm::RenameGoal { goal_id, version } => {
                let g =
                    crate::ops::plans::rename_goal(ctx, goal_id, form.get("title"), Some(version))
                        .map_err(store_err)?;
                (tf(l, Msg::PlanGoalRenamed, &[&g.title]), Some((0, g.id)))
            }
            PlanForm::NewPolicy { body_id } => {
                let v = crate::ops::plans::add_policy(
                    ctx,
                    &PolicyInput {
                        body_id,
                        title: form.get("title").to_string(),
                        goal: goal_ref(form.opt("goal")),
                        description: form.get("description").trim().to_string(),
                    },
                )
                .map_err(store_err)?;
                (
                    tf(l, Msg::PlanPolicyAdded, &[&v.policy.title]),
                    Some((1, v.policy.id)),
                )
            }
            PlanForm::EditPolicy { policy_id, version } => {
                let v = crate::ops::plans::edit_policy(
                    ctx,
                    policy_id,
                    &PolicyEdit {
                        title: Some(form.get("title").to_string()),
                        goal: Some(goal_ref(form.opt("goal"))),
                        description: Some(form.get("description").trim().to_string()),
                        expected_version: Some(version),
                    },
                )
                .map_err(store_err)?;
                (
                    tf(l, Msg::PlanPolicySaved, &[&v.policy.title]),
                    Some((1, v.policy.id)),
                )
            }
            PlanForm::NewIndicator { policy_id } => {
                let target = parse_number(Entity::Target, form.get("target")).map_err(store_err)?;
                let baseline = number(Entity::Baseline, "baseline")?;
                let period = PeriodKind::parse(form.get("period")).map_err(store_err)?;
                let v = crate::ops::plans::add_indicator(
                    ctx,
                    &IndicatorInput {
                        policy_id,
                        name: form.get("name").to_string(),
                        unit: form.opt("unit"),
                        target,
                        baseline,
                        lower_is_better: !form.get("lower").is_empty(),
                        period,
                    },
                )
                .map_err(store_err)?;
                (
                    tf(l, Msg::PlanIndicatorAdded, &[&v.indicator.name]),
                    Some((2, v.indicator.id)),
                )
            }
            PlanForm::EditIndicator {
                indicator_id,
                version,
            } => {
                let target = number(Entity::Target, "target")?;
                let baseline = number(Entity::Baseline, "baseline")?;
                let period = PeriodKind::parse(form.get("period")).map_err(store_err)?;
                let was = crate::ops::plans::indicator(ctx, indicator_id).map_err(store_err)?;
                let v = crate::ops::plans::edit_indicator(
                    ctx,
                    indicator_id,
                    &IndicatorCorrection {
                        name: Some(form.get("name").to_string()),
                        unit: Some(form.opt("unit")),
                        target: Some(target.unwrap_or(was.indicator.target)),
                        baseline: Some(baseline),
                        higher_is_better: Some(form.get("lower").is_empty()),
                        period: (period != was.indicator.period).then_some(period),
                        expected_version: Some(version),
                    },
                )
                .map_err(store_err)?;
                (
                    tf(l, Msg::PlanIndicatorSaved, &[&v.indicator.name]),
                    Some((2, v.indicator.id)),
                )
            }
            PlanForm::Record { indicator_id } => {
                let value = parse_number(Entity::Value, form.get("value")).map_err(store_err)?;
                let m = crate::ops::plans::record(
                    ctx,
                    &MeasurementInput {
                        indicator_id,
                        period: form.get("period").to_string(),
                        value,
                        source: form.get("source").trim().to_string(),
                        note: form.get("note").trim().to_string(),
                    },
                )
                .map_err(store_err)?;
                let name = crate::ops::plans::indicator(ctx, indicator_id)
                    .map(|i| i.indicator.name)
                    .unwrap_or_default();
                (
                    tf(
                        l,
                        Msg::PlanRecorded,
                        &[
                            &name,
                            &format_number(m.measurement.value, l),
                            &m.period_label,
                        ],
                    ),
                    None,
                )
            }
        };
        // The new or changed row is put under the cursor.
        self.reload();
        if let (Some((depth, id)), Some(p)) = (select, &mut self.plans) {
            if self.filter.is_empty() {
                p.select(|r| match (depth, r) {
                    (0, PlanRow::Goal(g)) => g.id == id,
                    (1, PlanRow::Policy(v)) => v.policy.id == id,
                    (2, PlanRow::Indicator(v)) => v.indicator.id == id,
                    _ => false,
                });
            }
        }
        Ok(msg)
    }
}

/// The form recording a measurement of an indicator; a measurement given is offered to
/// be corrected (its period and figures filled in).
fn record_form(
    iv: &IndicatorView,
    at: Option<&crate::ops::plans::MeasurementView>,
    l: Lang,
) -> Form {
    let i = &iv.indicator;
    let mut ex = example(i.period, i.calendar, l);
    if l == Lang::Fa {
        // Persian digits, but the quarter's code keeps its Latin digit as typed (Q2).
        ex = crate::locale::digits::localize_digits(&ex, l).replace(", ", "، ");
        for (fa, latin) in [("Q۱", "Q1"), ("Q۲", "Q2"), ("Q۳", "Q3"), ("Q۴", "Q4")] {
            ex = ex.replace(fa, latin);
        }
    }
    let hint = tf(l, Msg::PlanHintPeriod, &[&ex]);
    let (period, value, source, note) = match at {
        Some(m) => (
            m.measurement.period.clone(),
            number_field(m.measurement.value),
            m.measurement.source.clone(),
            m.measurement.note.clone(),
        ),
        None => Default::default(),
    };
    let unit_hint = i.unit.clone().unwrap_or_default();
    Form::new(
        &tf(l, Msg::PlanFormRecord, &[&i.name]),
        FormPurpose::Plan(PlanForm::Record { indicator_id: i.id }),
        vec![
            Field::text("period", t(l, Msg::PlanColPeriod), &period).with_hint(&hint),
            Field::text("value", t(l, Msg::PlanColValue), &value).with_hint(&unit_hint),
            Field::text("source", t(l, Msg::PlanFieldSource), &source),
            Field::text("note", t(l, Msg::Note), &note),
        ],
    )
}
