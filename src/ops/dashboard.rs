//! Figures for the chair: the overdue digest and the dashboard, computed from the store
//! (no terminal I/O; the commands in `cli::reports` print them).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::rules::{compliance, ComplianceMonth, ComplianceState, MeetingRule};
use crate::model::*;
use crate::store::read::{ResolutionFilter, TaskFilter, TaskRow};
use crate::store::{Result, Store};

/// How many days ahead "due this week" looks (today included).
pub const WEEK_DAYS: i64 = 7;

/// How many rows the dashboard lists of overdue tasks and of tasks due this week, at
/// most (the most overdue, the soonest due); their totals are counted in full. The
/// whole lists are `shura task list --overdue` and `shura report overdue`.
pub const DASHBOARD_ROWS: usize = 200;

/// An overdue task, with who owes it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OverdueTask {
    pub id: i64,
    pub title: String,
    pub body_id: i64,
    pub assignee_id: Option<i64>,
    /// The person's name, when a person is assigned.
    pub assignee_name: Option<Name>,
    /// The unit, when a unit is assigned.
    pub assignee_unit: Option<String>,
    pub resolution_number: Option<String>,
    pub due: NaiveDate,
    pub days_overdue: i64,
    pub status: WorkStatus,
    pub percent: i64,
}

impl OverdueTask {
    fn from_row(r: TaskRow, today: NaiveDate) -> Option<OverdueTask> {
        let days = r.task.days_overdue(today)?;
        Some(OverdueTask {
            id: r.task.id,
            title: r.task.title,
            body_id: r.task.body_id,
            assignee_id: r.task.assignee_id,
            assignee_name: r.assignee_name,
            assignee_unit: r.task.assignee_unit,
            resolution_number: r.resolution_number,
            due: r.task.due?,
            days_overdue: days,
            status: r.task.status,
            percent: r.task.percent,
        })
    }

    /// The person's name in `lang`, else the unit, else empty.
    pub fn assignee(&self, lang: crate::locale::Lang) -> String {
        self.assignee_name
            .as_ref()
            .map(|n| n.get(lang).to_string())
            .or_else(|| self.assignee_unit.clone())
            .unwrap_or_default()
    }
}

/// An open resolution past its due date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OverdueResolution {
    pub id: i64,
    pub number: String,
    pub text: String,
    pub body_id: i64,
    pub owner: Option<String>,
    pub due: NaiveDate,
    pub days_overdue: i64,
    pub status: WorkStatus,
    pub open_tasks: i64,
}

/// What one body has overdue.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BodyOverdue {
    pub body_id: i64,
    pub body_name: Name,
    /// Most days overdue first.
    pub tasks: Vec<OverdueTask>,
    /// Most days overdue first.
    pub resolutions: Vec<OverdueResolution>,
}

/// The overdue digest: every body with something overdue, in the bodies' tree order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OverdueDigest {
    pub date: NaiveDate,
    pub total_tasks: usize,
    pub total_resolutions: usize,
    pub bodies: Vec<BodyOverdue>,
}

impl OverdueDigest {
    pub fn is_empty(&self) -> bool {
        self.total_tasks == 0 && self.total_resolutions == 0
    }
}

/// Overdue tasks in `scope` (None: every body), most days overdue first, then by id.
pub fn overdue_tasks(
    store: &Store,
    scope: Option<&[i64]>,
    today: NaiveDate,
) -> Result<Vec<OverdueTask>> {
    overdue_tasks_first(store, scope, today, None)
}

/// The first `limit` (None: all) of [`overdue_tasks`]: the store returns them by due
/// date then id, which is most days overdue first.
pub fn overdue_tasks_first(
    store: &Store,
    scope: Option<&[i64]>,
    today: NaiveDate,
    limit: Option<usize>,
) -> Result<Vec<OverdueTask>> {
    // The first `limit` are those due up to the cutoff day: only they are read (and
    // sorted), not every overdue task.
    let due_before = match limit {
        Some(n) => store
            .overdue_cutoff(scope, today, n)?
            .map(|d| d + chrono::Duration::days(1)),
        None => None,
    };
    let rows = store.tasks(&TaskFilter {
        body_ids: scope.map(<[i64]>::to_vec),
        overdue_on: Some(today),
        due_before,
        ..Default::default()
    })?;
    let mut out: Vec<OverdueTask> = rows
        .into_iter()
        .filter_map(|r| OverdueTask::from_row(r, today))
        .collect();
    out.sort_by(|a, b| b.days_overdue.cmp(&a.days_overdue).then(a.id.cmp(&b.id)));
    if let Some(n) = limit {
        out.truncate(n);
    }
    Ok(out)
}

/// Open resolutions past their due date in `scope`, most days overdue first.
pub fn overdue_resolutions(
    store: &Store,
    scope: Option<&[i64]>,
    today: NaiveDate,
) -> Result<Vec<OverdueResolution>> {
    let rows = store.resolutions(&ResolutionFilter {
        body_ids: scope.map(<[i64]>::to_vec),
        overdue_on: Some(today),
        ..Default::default()
    })?;
    let mut out: Vec<OverdueResolution> = rows
        .into_iter()
        .filter_map(|r| {
            let due = r.resolution.due?;
            Some(OverdueResolution {
                id: r.resolution.id,
                number: r.resolution.number,
                text: r.resolution.text,
                body_id: r.resolution.body_id,
                owner: r.resolution.owner,
                due,
                days_overdue: (today - due).num_days(),
                status: r.resolution.status,
                open_tasks: r.open_tasks,
            })
        })
        .filter(|r| r.days_overdue > 0)
        .collect();
    out.sort_by(|a, b| b.days_overdue.cmp(&a.days_overdue).then(a.id.cmp(&b.id)));
    Ok(out)
}

/// The overdue digest for `scope` (None: every body) on `today`.
pub fn overdue_digest(
    store: &Store,
    scope: Option<&[i64]>,
    today: NaiveDate,
) -> Result<OverdueDigest> {
    let tasks = overdue_tasks(store, scope, today)?;
    let resolutions = overdue_resolutions(store, scope, today)?;
    let mut digest = OverdueDigest {
        date: today,
        total_tasks: tasks.len(),
        total_resolutions: resolutions.len(),
        bodies: Vec::new(),
    };
    for body in store.bodies()? {
        let t: Vec<OverdueTask> = tasks
            .iter()
            .filter(|t| t.body_id == body.id)
            .cloned()
            .collect();
        let r: Vec<OverdueResolution> = resolutions
            .iter()
            .filter(|r| r.body_id == body.id)
            .cloned()
            .collect();
        if t.is_empty() && r.is_empty() {
            continue;
        }
        digest.bodies.push(BodyOverdue {
            body_id: body.id,
            body_name: body.name,
            tasks: t,
            resolutions: r,
        });
    }
    Ok(digest)
}

// ----- the dashboard -----

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpenResolutions {
    pub id: i64,
    pub name: Name,
    pub count: i64,
}

/// A task due from today to the end of the coming week.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DueTask {
    pub id: i64,
    pub title: String,
    pub body_id: i64,
    pub body_name: Name,
    pub assignee_name: Option<Name>,
    pub assignee_unit: Option<String>,
    pub due: NaiveDate,
    pub days_left: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UpcomingSession {
    pub id: i64,
    pub body_id: i64,
    pub body_name: Name,
    pub number: i64,
    pub date: NaiveDate,
    pub start_time: Option<String>,
    pub place: Option<String>,
    pub status: SessionStatus,
}

/// How a body with a meeting rule kept it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Compliance {
    pub id: i64,
    pub name: Name,
    pub rule: MeetingRule,
    /// The day the check starts: the body's formation, else its first session.
    pub from: NaiveDate,
    pub from_jalali: String,
    pub met: usize,
    pub missed: usize,
    pub at_risk: usize,
    pub pending: usize,
    pub months: Vec<ComplianceMonth>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUpRate {
    pub id: i64,
    pub name: Name,
    /// Tasks (not cancelled) whose due date has passed.
    pub due: i64,
    /// Of those, done on or before the due date.
    pub done_on_time: i64,
    /// done_on_time / due, from 0 to 1.
    pub rate: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AttendanceRate {
    pub body_id: i64,
    pub person_id: i64,
    pub name: Name,
    /// Sessions present, late or remote.
    pub attended: i64,
    /// Sessions with this member's attendance recorded.
    pub recorded: i64,
    pub rate: f64,
    /// Of the sessions recorded, absences excused and unexcused.
    pub excused: i64,
    pub unexcused: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Trend {
    Up,
    Down,
    Flat,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorFigure {
    pub body_id: i64,
    pub policy_id: i64,
    pub policy: String,
    pub indicator_id: i64,
    pub indicator: String,
    pub unit: Option<String>,
    pub target: f64,
    pub higher_is_better: bool,
    pub last_period: Option<String>,
    pub last_value: Option<f64>,
    pub previous_value: Option<f64>,
    /// Last value against the previous one; none with fewer than two measurements.
    pub trend: Option<Trend>,
    /// Whether the last value reaches the target (in the indicator's better direction).
    pub on_target: Option<bool>,
    pub baseline: Option<f64>,
    /// How often it is measured.
    pub period: crate::model::plans::PeriodKind,
    /// The calendar its periods are counted in.
    #[serde(serialize_with = "calendar_code")]
    pub calendar: crate::locale::Calendar,
    /// From the baseline (0 %) to the target (100 %), where the last value stands.
    pub progress: Option<f64>,
    /// The last change in the indicator's better direction, or not.
    pub direction: Option<crate::model::plans::Direction>,
    /// The values, oldest period first (at most the last eight): the trend's sparkline.
    pub series: Vec<f64>,
}

fn calendar_code<S: serde::Serializer>(
    c: &crate::locale::Calendar,
    s: S,
) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(crate::model::plans::calendar_code(*c))
}

impl IndicatorFigure {
    /// The last period as the user reads it («تابستان ۱۴۰۴», `1404-Q2`).
    pub fn last_period_label(&self, lang: crate::locale::Lang) -> Option<String> {
        let code = self.last_period.as_deref()?;
        Some(
            match crate::model::plans::Period::from_code(code, self.calendar) {
                Some(p) => p.label(lang),
                None => crate::locale::digits::localize_digits(code, lang),
            },
        )
    }
}

/// Everything the chair's dashboard shows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dashboard {
    pub date: NaiveDate,
    pub open_resolutions: Vec<OpenResolutions>,
    /// The most overdue, at most [`DASHBOARD_ROWS`]; `overdue_tasks_total` counts all.
    pub overdue_tasks: Vec<OverdueTask>,
    pub overdue_tasks_total: i64,
    /// The soonest due, at most [`DASHBOARD_ROWS`]; `due_this_week_total` counts all.
    pub due_this_week: Vec<DueTask>,
    pub due_this_week_total: i64,
    pub upcoming_sessions: Vec<UpcomingSession>,
    pub compliance: Vec<Compliance>,
    pub follow_up_rate: Vec<FollowUpRate>,
    pub attendance: Vec<AttendanceRate>,
    /// Members nearing or past their body's absence rule (`ops::absences`).
    pub absences: Vec<super::absences::AbsenceWarning>,
    pub indicators: Vec<IndicatorFigure>,
    /// Units ranked by their last visit's score, and the visits overdue.
    pub visits: super::evaluation::VisitFigures,
    /// Resolutions' legal life: not sent in time, objection windows ending this week,
    /// objections to answer, in force this month.
    pub legal: super::legal::LegalFigures,
    /// Approved minutes of the last days someone has still to sign, latest first
    /// ([`super::signatures::unsigned_sessions`]).
    pub unsigned: Vec<super::signatures::UnsignedMinutes>,
}

fn ratio(part: i64, whole: i64) -> f64 {
    if whole <= 0 {
        0.0
    } else {
        // Rounded to 4 places so the JSON stays readable.
        ((part as f64 / whole as f64) * 10_000.0).round() / 10_000.0
    }
}

/// Compares two measurements.
pub fn trend(last: f64, previous: f64) -> Trend {
    if (last - previous).abs() < 1e-9 {
        Trend::Flat
    } else if last > previous {
        Trend::Up
    } else {
        Trend::Down
    }
}

/// The dashboard for `scope` (None: every body) on `today`, months of the Gregorian
/// calendar.
pub fn dashboard(store: &Store, scope: Option<&[i64]>, today: NaiveDate) -> Result<Dashboard> {
    dashboard_in(store, scope, today, crate::locale::Calendar::Gregorian)
}

/// The dashboard for `scope` on `today`, "this month" in `calendar` (the user's).
pub fn dashboard_in(
    store: &Store,
    scope: Option<&[i64]>,
    today: NaiveDate,
    calendar: crate::locale::Calendar,
) -> Result<Dashboard> {
    let bodies: Vec<Body> = store
        .bodies()?
        .into_iter()
        .filter(|b| scope.is_none_or(|s| s.contains(&b.id)))
        .collect();

    let open_resolutions = store
        .open_resolution_counts(scope)?
        .into_iter()
        .map(|c| OpenResolutions {
            id: c.body_id,
            name: c.body_name,
            count: c.count,
        })
        .collect();

    let week_end = today + chrono::Duration::days(WEEK_DAYS);
    let week = TaskFilter {
        body_ids: scope.map(<[i64]>::to_vec),
        statuses: vec![WorkStatus::Open, WorkStatus::InProgress],
        due_after: Some(today),
        due_before: Some(week_end),
        ..Default::default()
    };
    let due_this_week_total = store.open_task_count_due(scope, today, week_end)?;
    let due_this_week: Vec<DueTask> = store
        .tasks(&TaskFilter {
            limit: Some(DASHBOARD_ROWS as i64),
            ..week
        })?
        .into_iter()
        .filter_map(|r| {
            let due = r.task.due?;
            Some(DueTask {
                id: r.task.id,
                title: r.task.title,
                body_id: r.task.body_id,
                body_name: r.body_name,
                assignee_name: r.assignee_name,
                assignee_unit: r.task.assignee_unit,
                due,
                days_left: (due - today).num_days(),
            })
        })
        .collect();

    let mut upcoming: Vec<UpcomingSession> = store
        .sessions(
            scope,
            &[SessionStatus::Planned, SessionStatus::Open],
            Some(today),
            None,
            None,
        )?
        .into_iter()
        .map(|s| UpcomingSession {
            id: s.session.id,
            body_id: s.session.body_id,
            body_name: s.body_name,
            number: s.session.shown_number(),
            date: s.session.date,
            start_time: s.session.start_time,
            place: s.session.place,
            status: s.session.status,
        })
        .collect();
    upcoming.sort_by(|a, b| {
        a.date
            .cmp(&b.date)
            .then(a.start_time.cmp(&b.start_time))
            .then(a.id.cmp(&b.id))
    });

    let mut compliance_rows = Vec::new();
    for b in &bodies {
        if b.meeting_rule == MeetingRule::None {
            continue;
        }
        let sessions = store.session_calendar(b.id)?;
        let Some(from) = b.formed_on.or_else(|| sessions.first().map(|s| s.0)) else {
            continue;
        };
        let months = compliance(&b.meeting_rule, from, today, &sessions);
        let count = |st: ComplianceState| months.iter().filter(|m| m.state == st).count();
        compliance_rows.push(Compliance {
            id: b.id,
            name: b.name.clone(),
            rule: b.meeting_rule.clone(),
            from,
            from_jalali: crate::locale::calendar::jalali_string(from),
            met: count(ComplianceState::Met),
            missed: count(ComplianceState::Missed),
            at_risk: count(ComplianceState::AtRisk),
            pending: count(ComplianceState::Pending),
            months,
        });
    }

    let follow_up_rate = store
        .follow_up_counts(scope, today)?
        .into_iter()
        .map(|c| FollowUpRate {
            id: c.body_id,
            name: c.body_name,
            due: c.due,
            done_on_time: c.done_on_time,
            rate: ratio(c.done_on_time, c.due),
        })
        .collect();

    let attendance = store
        .attendance_counts(scope)?
        .into_iter()
        .map(|c| AttendanceRate {
            body_id: c.body_id,
            person_id: c.person_id,
            name: c.person_name,
            attended: c.attended,
            recorded: c.recorded,
            rate: ratio(c.attended, c.recorded),
            excused: c.excused,
            unexcused: c.recorded - c.attended - c.excused,
        })
        .collect();

    // In the order of the bodies, then of policy and indicator.
    let body_order: BTreeMap<i64, usize> =
        bodies.iter().enumerate().map(|(n, b)| (b.id, n)).collect();
    let mut all = store.all_indicators()?;
    all.retain(|(p, _, _)| body_order.contains_key(&p.body_id));
    all.sort_by_key(|(p, i, _)| (body_order.get(&p.body_id).copied(), p.id, i.id));
    let mut indicators = Vec::new();
    for (p, i, m) in all {
        let f = crate::model::plans::figures(&m, i.target, i.baseline, i.higher_is_better);
        let values: Vec<f64> = m.iter().map(|x| x.value).collect();
        let tail = values.len().saturating_sub(8);
        indicators.push(IndicatorFigure {
            body_id: p.body_id,
            policy_id: p.id,
            policy: p.title.clone(),
            indicator_id: i.id,
            indicator: i.name.clone(),
            unit: i.unit.clone(),
            target: i.target,
            higher_is_better: i.higher_is_better,
            calendar: i.calendar,
            last_period: f.last_period,
            last_value: f.last_value,
            previous_value: f.previous_value,
            trend: match (f.last_value, f.previous_value) {
                (Some(l), Some(p)) => Some(trend(l, p)),
                _ => None,
            },
            on_target: f.on_target,
            baseline: i.baseline,
            period: i.period,
            progress: f.progress,
            direction: f.direction,
            series: values[tail..].to_vec(),
        });
    }

    Ok(Dashboard {
        date: today,
        open_resolutions,
        overdue_tasks: overdue_tasks_first(store, scope, today, Some(DASHBOARD_ROWS))?,
        overdue_tasks_total: store.overdue_task_count(scope, today)?,
        due_this_week,
        due_this_week_total,
        upcoming_sessions: upcoming,
        compliance: compliance_rows,
        follow_up_rate,
        attendance,
        absences: super::absences::warnings(store, &bodies, today)?,
        indicators,
        visits: super::evaluation::figures(
            store,
            &bodies.iter().map(|b| b.id).collect::<Vec<_>>(),
            today,
        )?,
        legal: super::legal::figures(store, scope, today, calendar)?,
        unsigned: super::signatures::unsigned_minutes(store, scope, today)?,
    })
}
