//! The dashboard screen's state: which bodies it covers, the figures (computed by
//! [`crate::ops::dashboard`]), the figure in focus and the row under the cursor in the list
//! behind it.

use chrono::NaiveDate;

use crate::model::rules::ComplianceState;
use crate::ops::dashboard::{dashboard_in, Dashboard};
use crate::store::{Result, Store};

/// Rows of a list behind a figure that the screen keeps (the browsers hold the rest).
pub const DETAIL_ROWS: usize = crate::ops::dashboard::DASHBOARD_ROWS;

/// What the dashboard covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DashScope {
    /// Every body the user may see.
    All,
    /// One body.
    Body(i64),
    /// A body with its committees and working groups.
    Tree(i64),
}

impl DashScope {
    pub fn body_id(self) -> Option<i64> {
        match self {
            DashScope::All => None,
            DashScope::Body(id) | DashScope::Tree(id) => Some(id),
        }
    }
}

/// The figures, in the order the screen lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    OpenResolutions,
    OverdueTasks,
    DueThisWeek,
    UpcomingSessions,
    Compliance,
    FollowUp,
    Attendance,
    Indicators,
    /// Units ranked by their last visit's score, and the units overdue for a visit.
    UnitsByVisit,
    VisitsOverdue,
    /// Resolutions' legal life: unsent, objection windows, objections, in force.
    Legal,
}

impl Section {
    pub const ALL: [Section; 11] = [
        Section::OpenResolutions,
        Section::OverdueTasks,
        Section::DueThisWeek,
        Section::UpcomingSessions,
        Section::Compliance,
        Section::FollowUp,
        Section::Attendance,
        Section::Indicators,
        Section::UnitsByVisit,
        Section::VisitsOverdue,
        Section::Legal,
    ];
}

/// Which of the legal figures a row of the legal list is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LegalKind {
    Unsent,
    Window,
    ToAnswer,
    InForce,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DashPane {
    Figures,
    Detail,
}

/// Totals of the whole lists (the lists themselves are cut at [`DETAIL_ROWS`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Totals {
    pub open_resolutions: i64,
    pub overdue_tasks: usize,
    pub due_this_week: usize,
    pub upcoming_sessions: usize,
    /// Bodies that missed a required session, and bodies at risk of missing one now.
    pub bodies_broken: usize,
    pub bodies_at_risk: usize,
    pub bodies_with_rule: usize,
    pub follow_up_done: i64,
    pub follow_up_due: i64,
    pub attended: i64,
    pub attendance_recorded: i64,
    /// Absences excused and unexcused, and members past or near their body's absence
    /// limit (`ops::absences`).
    pub excused: i64,
    pub unexcused: i64,
    pub absence_warnings: usize,
    pub indicators_on_target: usize,
    pub indicators_measured: usize,
    /// Indicators whose last value moved in their better direction.
    pub indicators_improving: usize,
    pub indicators: usize,
    /// Units with a scored visit; of them, those worse than at the visit before.
    pub units_ranked: usize,
    pub units_worse: usize,
    /// Units overdue for a visit.
    pub visits_overdue: usize,
}

pub struct DashboardScreen {
    pub scope: DashScope,
    pub data: Dashboard,
    pub totals: Totals,
    pub pane: DashPane,
    pub section: usize,
    pub detail: usize,
}

impl DashboardScreen {
    pub fn load(
        store: &Store,
        scope: DashScope,
        today: NaiveDate,
        calendar: crate::locale::Calendar,
    ) -> Result<DashboardScreen> {
        let mut s = DashboardScreen {
            scope,
            data: Dashboard {
                date: today,
                open_resolutions: vec![],
                overdue_tasks: vec![],
                overdue_tasks_total: 0,
                due_this_week: vec![],
                due_this_week_total: 0,
                upcoming_sessions: vec![],
                compliance: vec![],
                follow_up_rate: vec![],
                attendance: vec![],
                absences: vec![],
                indicators: vec![],
                visits: Default::default(),
                legal: Default::default(),
                unsigned: vec![],
            },
            totals: Totals::default(),
            pane: DashPane::Figures,
            section: 0,
            detail: 0,
        };
        s.refresh(store, today, calendar)?;
        Ok(s)
    }

    /// Reads the figures again; the focus and cursor stay where they were.
    pub fn refresh(
        &mut self,
        store: &Store,
        today: NaiveDate,
        calendar: crate::locale::Calendar,
    ) -> Result<()> {
        let ids = match self.scope {
            DashScope::All => None,
            DashScope::Body(id) => Some(vec![id]),
            DashScope::Tree(id) => Some(store.body_and_descendants(id)?),
        };
        let mut d = dashboard_in(store, ids.as_deref(), today, calendar)?;
        let t = &mut self.totals;
        t.open_resolutions = d.open_resolutions.iter().map(|r| r.count).sum();
        t.overdue_tasks = d.overdue_tasks_total.max(0) as usize;
        t.due_this_week = d.due_this_week_total.max(0) as usize;
        t.upcoming_sessions = d.upcoming_sessions.len();
        t.bodies_with_rule = d.compliance.len();
        t.bodies_broken = d.compliance.iter().filter(|c| c.missed > 0).count();
        t.bodies_at_risk = d
            .compliance
            .iter()
            .filter(|c| c.months.iter().any(|m| m.state == ComplianceState::AtRisk))
            .count();
        t.follow_up_done = d.follow_up_rate.iter().map(|f| f.done_on_time).sum();
        t.follow_up_due = d.follow_up_rate.iter().map(|f| f.due).sum();
        t.attended = d.attendance.iter().map(|a| a.attended).sum();
        t.attendance_recorded = d.attendance.iter().map(|a| a.recorded).sum();
        t.excused = d.attendance.iter().map(|a| a.excused).sum();
        t.unexcused = d.attendance.iter().map(|a| a.unexcused).sum();
        t.absence_warnings = d.absences.len();
        t.indicators = d.indicators.len();
        t.indicators_measured = d
            .indicators
            .iter()
            .filter(|i| i.on_target.is_some())
            .count();
        t.indicators_on_target = d
            .indicators
            .iter()
            .filter(|i| i.on_target == Some(true))
            .count();
        t.indicators_improving = d
            .indicators
            .iter()
            .filter(|i| {
                matches!(
                    (i.trend, i.higher_is_better),
                    (Some(crate::ops::dashboard::Trend::Up), true)
                        | (Some(crate::ops::dashboard::Trend::Down), false)
                )
            })
            .count();
        t.units_ranked = d.visits.ranked.len();
        t.units_worse = d
            .visits
            .ranked
            .iter()
            .filter(|u| u.trend == Some(crate::model::plans::Direction::Worse))
            .count();
        t.visits_overdue = d.visits.overdue.len();
        // Indicators off target first (then those not measured, then on target), in
        // the order ops gave them within each.
        d.indicators.sort_by_key(|i| match i.on_target {
            Some(false) => 0,
            None => 1,
            Some(true) => 2,
        });
        // Bodies that broke their statute first, then those at risk.
        d.compliance.sort_by_key(|c| {
            (
                std::cmp::Reverse(c.missed),
                std::cmp::Reverse(c.at_risk),
                c.id,
            )
        });
        d.open_resolutions
            .sort_by_key(|r| (std::cmp::Reverse(r.count), r.id));
        d.open_resolutions.retain(|r| r.count > 0);
        d.follow_up_rate.retain(|f| f.due > 0);
        d.follow_up_rate
            .sort_by(|a, b| a.rate.total_cmp(&b.rate).then(a.id.cmp(&b.id)));
        d.attendance.retain(|a| a.recorded > 0);
        d.attendance.sort_by(|a, b| {
            a.rate
                .total_cmp(&b.rate)
                .then(a.person_id.cmp(&b.person_id))
        });
        d.overdue_tasks.truncate(DETAIL_ROWS);
        d.due_this_week.truncate(DETAIL_ROWS);
        d.upcoming_sessions.truncate(DETAIL_ROWS);
        d.attendance.truncate(DETAIL_ROWS);
        self.data = d;
        self.detail = self.detail.min(self.detail_len().saturating_sub(1));
        Ok(())
    }

    pub fn current(&self) -> Section {
        Section::ALL[self.section.min(Section::ALL.len() - 1)]
    }

    /// Rows of the list behind the figure in focus.
    pub fn detail_len(&self) -> usize {
        let d = &self.data;
        match self.current() {
            Section::OpenResolutions => d.open_resolutions.len(),
            Section::OverdueTasks => d.overdue_tasks.len(),
            Section::DueThisWeek => d.due_this_week.len(),
            Section::UpcomingSessions => d.upcoming_sessions.len(),
            Section::Compliance => d.compliance.len(),
            Section::FollowUp => d.follow_up_rate.len(),
            Section::Attendance => d.attendance.len(),
            Section::Indicators => d.indicators.len(),
            Section::UnitsByVisit => d.visits.ranked.len(),
            Section::VisitsOverdue => d.visits.overdue.len(),
            Section::Legal => self.legal_rows().len(),
        }
    }

    /// The legal figures as one list: what is late or due first, then in force.
    pub fn legal_rows(&self) -> Vec<(LegalKind, &crate::ops::legal::LegalItem)> {
        let l = &self.data.legal;
        let mut rows: Vec<(LegalKind, &crate::ops::legal::LegalItem)> = Vec::new();
        rows.extend(l.unsent.iter().map(|i| (LegalKind::Unsent, i)));
        rows.extend(
            l.objections_to_answer
                .iter()
                .map(|i| (LegalKind::ToAnswer, i)),
        );
        rows.extend(l.objection_window.iter().map(|i| (LegalKind::Window, i)));
        rows.extend(l.in_force.iter().map(|i| (LegalKind::InForce, i)));
        rows
    }
}

/// `part / whole` as a whole percentage; none when nothing is due.
pub fn percent(part: i64, whole: i64) -> Option<i64> {
    (whole > 0).then(|| ((part as f64 / whole as f64) * 100.0).round() as i64)
}

use super::component::{both_names, Component};
use super::state::ListKind;

impl Component for DashboardScreen {
    fn lists(&self) -> &'static [ListKind] {
        &[ListKind::Figures, ListKind::Detail]
    }

    fn focused(&self) -> ListKind {
        match self.pane {
            DashPane::Detail => ListKind::Detail,
            DashPane::Figures => ListKind::Figures,
        }
    }

    fn len(&self, kind: ListKind) -> usize {
        match kind {
            ListKind::Figures => Section::ALL.len(),
            ListKind::Detail => self.detail_len(),
            _ => 0,
        }
    }

    fn row_texts(&self, kind: ListKind, ctx: &crate::ops::Context) -> Vec<String> {
        let l = ctx.prefs.lang;
        let both = both_names;
        match kind {
            ListKind::Figures => Section::ALL
                .iter()
                .map(|s| super::screens::section_title(*s, l).to_string())
                .collect(),
            ListKind::Detail => {
                let data = &self.data;
                match self.current() {
                    Section::OpenResolutions => data
                        .open_resolutions
                        .iter()
                        .map(|r| both(&r.name))
                        .collect(),
                    Section::OverdueTasks => data
                        .overdue_tasks
                        .iter()
                        .map(|t| format!("{} {}", t.title, t.assignee(l)))
                        .collect(),
                    Section::DueThisWeek => data
                        .due_this_week
                        .iter()
                        .map(|t| format!("{} {}", t.title, both(&t.body_name)))
                        .collect(),
                    Section::UpcomingSessions => data
                        .upcoming_sessions
                        .iter()
                        .map(|s| format!("{} {}", both(&s.body_name), s.number))
                        .collect(),
                    Section::Compliance => data.compliance.iter().map(|c| both(&c.name)).collect(),
                    Section::FollowUp => {
                        data.follow_up_rate.iter().map(|f| both(&f.name)).collect()
                    }
                    Section::Attendance => data.attendance.iter().map(|a| both(&a.name)).collect(),
                    Section::Indicators => data
                        .indicators
                        .iter()
                        .map(|i| format!("{} {}", i.policy, i.indicator))
                        .collect(),
                    Section::UnitsByVisit => {
                        data.visits.ranked.iter().map(|u| u.unit.clone()).collect()
                    }
                    Section::VisitsOverdue => {
                        data.visits.overdue.iter().map(|u| u.unit.clone()).collect()
                    }
                    Section::Legal => self
                        .legal_rows()
                        .iter()
                        .map(|(_, i)| i.number.clone())
                        .collect(),
                }
            }
            _ => vec![],
        }
    }

    fn cursor(&self, kind: ListKind) -> Option<usize> {
        match kind {
            ListKind::Figures => Some(self.section),
            ListKind::Detail => Some(self.detail),
            _ => None,
        }
    }

    /// Another figure shows its list from the top.
    fn set_cursor(&mut self, kind: ListKind, row: usize) {
        match kind {
            ListKind::Figures => {
                self.section = row;
                self.detail = 0;
            }
            ListKind::Detail => self.detail = row,
            _ => {}
        }
    }

    fn switch_pane(&mut self, _forward: bool) {
        self.pane = match self.pane {
            DashPane::Figures => DashPane::Detail,
            DashPane::Detail => DashPane::Figures,
        };
    }

    fn focus(&mut self, kind: ListKind) -> bool {
        self.pane = if kind == ListKind::Figures {
            DashPane::Figures
        } else {
            DashPane::Detail
        };
        true
    }
}
