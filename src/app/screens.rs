//! The chair's and member's screens in the app's update step: the dashboard, the task
//! and resolution browsers, a resolution's page and the member's own view. Going to one
//! of them from the keys 1-5 starts a new stack; drilling down pushes onto it.

use chrono::NaiveDate;

use super::browse::{BrowseFilter, BrowseKind, Browser, StatusChoice};
use super::dashboard_screen::{DashPane, DashScope, DashboardScreen, Section};
use super::form::{Field, Form, FormPurpose};
use super::keymap::Action;
use super::pages::{MinePane, MyView, ResolutionPage};
use super::state::{store_err, App, ListKind, Modal, Outcome, Screen};
use crate::locale::digits::localize_digits;
use crate::locale::strings::{t, tf, Msg};
use crate::model::rules::ComplianceState;
use crate::model::Role;
use crate::store::read::ListOrder;

/// The screens the TUI can start on (`--view`, or `start_view` in the config).
pub const START_VIEWS: &[&str] = &["dashboard", "bodies", "tasks", "resolutions", "mine"];

impl App {
    /// Opens the screen the user starts on: `view` when given, else by role: a chair
    /// (or vice-chair) or someone with no person record (an administrator setting up)
    /// gets the dashboard or the bodies, a secretary their bodies and sessions, a
    /// member their own tasks.
    pub fn open_home(&mut self, view: Option<&str>) -> Result<(), String> {
        let view = match view {
            Some(v) => {
                if !START_VIEWS.contains(&v) {
                    return Err(tf(
                        self.lang(),
                        Msg::UnknownView,
                        &[v, &START_VIEWS.join(", ")],
                    ));
                }
                v.to_string()
            }
            None => self.home_for_role().to_string(),
        };
        let action = match view.as_str() {
            "dashboard" => Action::GoDashboard,
            "tasks" => Action::GoTasks,
            "resolutions" => Action::GoResolutions,
            "mine" => Action::GoMine,
            _ => Action::GoBodies,
        };
        self.update(action);
        Ok(())
    }

    fn home_for_role(&self) -> &'static str {
        let store = &self.ctx.store;
        let Ok(Some(person)) = store.person_by_login(&store.actor.login) else {
            return "bodies";
        };
        let roles: Vec<Role> = store
            .memberships_of(person.id)
            .map(|m| m.into_iter().map(|(m, _)| m.role).collect())
            .unwrap_or_default();
        if roles
            .iter()
            .any(|r| matches!(r, Role::Chair | Role::ViceChair))
        {
            "dashboard"
        } else if roles.contains(&Role::Secretary) {
            "bodies"
        } else {
            "mine"
        }
    }

    /// Reloads the data of the new screens on the stack (after a write, or another
    /// user's change).
    pub(crate) fn reload_screens(&mut self) -> Outcome {
        let today = self.ctx.today;
        let store = &self.ctx.store;
        if let Some(d) = &mut self.dashboard {
            d.refresh(store, today, self.ctx.prefs.calendar)
                .map_err(store_err)?;
        }
        if let Some(b) = &mut self.browser {
            b.load(store, today).map_err(store_err)?;
        }
        if let Some(p) = &mut self.resolution_page {
            p.refresh(&self.ctx).map_err(store_err)?;
        }
        if let Some(m) = &mut self.mine {
            m.refresh(store, today).map_err(store_err)?;
        }
        if let Some(p) = &mut self.plans {
            p.refresh(&self.ctx).map_err(store_err)?;
        }
        if let Some(v) = &mut self.visits {
            v.refresh(&self.ctx).map_err(store_err)?;
        }
        if let Some(p) = &mut self.visit_page {
            p.refresh(&self.ctx).map_err(store_err)?;
        }
        Ok(())
    }

    /// Forgets the state of screens no longer on the stack.
    pub(crate) fn drop_unused_states(&mut self) {
        let on = |f: &dyn Fn(&Screen) -> bool| self.stack.iter().any(f);
        let session = on(&|s| matches!(s, Screen::Session(_)));
        let dashboard = on(&|s| matches!(s, Screen::Dashboard));
        let browse = on(&|s| matches!(s, Screen::Browse));
        let page = on(&|s| matches!(s, Screen::Resolution(_)));
        let mine = on(&|s| matches!(s, Screen::Mine));
        let plans = on(&|s| matches!(s, Screen::Plans(_)));
        if !plans {
            self.plans = None;
        }
        let visits = on(&|s| matches!(s, Screen::Visits(_)));
        let visit = on(&|s| matches!(s, Screen::Visit(_)));
        if !visits {
            self.visits = None;
        }
        if !visit {
            self.visit_page = None;
        }
        if !session {
            self.session = None;
        }
        if !dashboard {
            self.dashboard = None;
        }
        if !browse {
            self.browser = None;
        }
        if !page {
            self.resolution_page = None;
        }
        if !mine {
            self.mine = None;
        }
        // The screen below may be a resolution page of another resolution.
        if let (Screen::Resolution(id), Some(p)) = (self.screen(), &self.resolution_page) {
            if p.resolution.id != id {
                self.resolution_page = None;
                if let Ok(p) = ResolutionPage::load(&self.ctx, id) {
                    self.resolution_page = Some(p);
                }
            }
        }
    }

    /// The browser searches what was typed after `/` (it is read again right after).
    pub(crate) fn set_browser_text(&mut self) {
        if let Some(b) = &mut self.browser {
            b.text = self.filter.clone();
            b.selected = 0;
        }
    }

    /// Enter on the new screens: drill into what the cursor is on.
    pub(crate) fn open_in_screens(&mut self) -> Outcome {
        match self.screen() {
            Screen::Dashboard => self.drill_down(),
            Screen::Browse => {
                let b = self
                    .browser
                    .as_ref()
                    .ok_or_else(|| self.nothing_selected())?;
                match b.kind {
                    BrowseKind::Resolutions => {
                        let id = b
                            .selected_resolution()
                            .map(|r| r.resolution.id)
                            .ok_or_else(|| self.nothing_selected())?;
                        self.open_resolution_page(id)
                    }
                    BrowseKind::Tasks => {
                        let id = b
                            .selected_task()
                            .map(|t| t.task.id)
                            .ok_or_else(|| self.nothing_selected())?;
                        self.open_task(id)
                    }
                }
            }
            Screen::Resolution(_) => self.review_selected_task(),
            Screen::Visits(_) | Screen::Visit(_) => self.open_in_visits(),
            Screen::Mine => {
                let m = self.mine.as_ref().ok_or_else(|| self.nothing_selected())?;
                match m.pane {
                    MinePane::Tasks => self.review_selected_task(),
                    MinePane::Upcoming | MinePane::Attended => {
                        let kind = self.focused_list();
                        let rows = if m.pane == MinePane::Upcoming {
                            &m.upcoming
                        } else {
                            &m.attended
                        };
                        let id = self
                            .selected_row(kind)
                            .and_then(|i| rows.get(i))
                            .map(|s| s.session.id)
                            .ok_or_else(|| self.nothing_selected())?;
                        self.open_session_screen(id)
                    }
                }
            }
            _ => Ok(()),
        }
    }

    fn nothing_selected(&self) -> String {
        t(self.lang(), Msg::NothingSelected).to_string()
    }

    /// A task: its resolution's page when it has one, else its progress form.
    fn open_task(&mut self, task_id: i64) -> Outcome {
        let task = self.ctx.store.task(task_id).map_err(store_err)?;
        match task.resolution_id {
            Some(r) => self.open_resolution_page(r),
            None => self.review_task_id(task_id),
        }
    }

    pub fn open_resolution_page(&mut self, id: i64) -> Outcome {
        let page = ResolutionPage::load(&self.ctx, id).map_err(store_err)?;
        self.clear_filter();
        self.resolution_page = Some(page);
        self.stack.push(Screen::Resolution(id));
        Ok(())
    }

    /// Opens the progress form for a task by id (reading its current version).
    fn review_task_id(&mut self, task_id: i64) -> Outcome {
        let task = self.ctx.store.task(task_id).map_err(store_err)?;
        crate::ops::authz::check_task_progress(&self.ctx, &task).map_err(store_err)?;
        let row = crate::store::read::TaskRow {
            body_name: crate::model::Name::new(None, None),
            assignee_name: None,
            resolution_number: None,
            task,
        };
        self.modal = Some(Modal::Form(self.review_form(None, &row)));
        Ok(())
    }

    /// `u` (and Enter on a task) outside a session: progress on the task under the
    /// cursor, recorded without a session.
    pub(crate) fn review_selected_task(&mut self) -> Outcome {
        let kind = self.focused_list();
        let row = match kind {
            ListKind::Browse => self
                .browser
                .as_ref()
                .and_then(|b| b.selected_task())
                .cloned(),
            ListKind::PageTasks | ListKind::PageHistory => self
                .resolution_page
                .as_ref()
                .and_then(|p| p.selected_task())
                .cloned(),
            ListKind::MyTasks => self
                .selected_row(kind)
                .and_then(|i| self.mine.as_ref()?.tasks.get(i))
                .cloned(),
            ListKind::Detail => {
                let d = self.dashboard.as_ref();
                let id = match d.map(|d| d.current()) {
                    Some(Section::OverdueTasks) => self
                        .selected_row(kind)
                        .and_then(|i| d?.data.overdue_tasks.get(i))
                        .map(|t| t.id),
                    Some(Section::DueThisWeek) => self
                        .selected_row(kind)
                        .and_then(|i| d?.data.due_this_week.get(i))
                        .map(|t| t.id),
                    _ => None,
                };
                return match id {
                    Some(id) => self.review_task_id(id),
                    None => Err(t(self.lang(), Msg::NoOpenTaskSelected).to_string()),
                };
            }
            _ => None,
        };
        let row = row.ok_or_else(|| t(self.lang(), Msg::NoOpenTaskSelected).to_string())?;
        // Refused before the form is filled (saving checks again).
        crate::ops::authz::check_task_progress(&self.ctx, &row.task).map_err(store_err)?;
        self.modal = Some(Modal::Form(self.review_form(None, &row)));
        Ok(())
    }

    fn drill_down(&mut self) -> Outcome {
        let d = self
            .dashboard
            .as_ref()
            .ok_or_else(|| self.nothing_selected())?;
        if d.pane == DashPane::Figures {
            if let Some(d) = &mut self.dashboard {
                d.pane = DashPane::Detail;
                d.detail = 0;
            }
            return Ok(());
        }
        let row = self
            .selected_row(ListKind::Detail)
            .ok_or_else(|| self.nothing_selected())?;
        let l = self.lang();
        let data = &d.data;
        match d.current() {
            Section::OpenResolutions => {
                let body = data.open_resolutions.get(row).map(|r| r.id);
                self.open_browser(
                    BrowseKind::Resolutions,
                    BrowseFilter {
                        body_id: body,
                        ..Default::default()
                    },
                )
            }
            Section::OverdueTasks | Section::DueThisWeek => {
                let id = if d.current() == Section::OverdueTasks {
                    data.overdue_tasks.get(row).map(|t| t.id)
                } else {
                    data.due_this_week.get(row).map(|t| t.id)
                };
                self.open_task(id.ok_or_else(|| self.nothing_selected())?)
            }
            Section::UpcomingSessions => {
                let id = data
                    .upcoming_sessions
                    .get(row)
                    .map(|s| s.id)
                    .ok_or_else(|| self.nothing_selected())?;
                self.open_session_screen(id)
            }
            Section::Compliance => {
                let c = data
                    .compliance
                    .get(row)
                    .ok_or_else(|| self.nothing_selected())?;
                let mut text = format!("{}\n{}\n", c.name.get(l), rule_text(&c.rule, l));
                for m in c.months.iter().rev() {
                    let state = match m.state {
                        ComplianceState::Met => t(l, Msg::ComplianceMet),
                        ComplianceState::Missed => t(l, Msg::ComplianceMissed),
                        ComplianceState::AtRisk => t(l, Msg::ComplianceAtRisk),
                        ComplianceState::Pending => t(l, Msg::CompliancePending),
                    };
                    text.push_str(&format!(
                        "{} {}: {state}\n",
                        crate::locale::calendar::jalali_month_name(m.jalali_month, l),
                        localize_digits(&m.jalali_year.to_string(), l)
                    ));
                }
                self.modal = Some(Modal::Notice(text));
                Ok(())
            }
            Section::FollowUp => {
                let body = data.follow_up_rate.get(row).map(|f| f.id);
                let yesterday = self.ctx.today.pred_opt();
                self.open_browser(
                    BrowseKind::Tasks,
                    BrowseFilter {
                        body_id: body,
                        status: StatusChoice::Any,
                        to: yesterday,
                        order: ListOrder::DueLast,
                        ..Default::default()
                    },
                )
            }
            Section::Attendance => {
                let a = data
                    .attendance
                    .get(row)
                    .ok_or_else(|| self.nothing_selected())?;
                let (body_id, person_id) = (a.body_id, a.person_id);
                self.show_member_in_body(body_id, person_id)
            }
            Section::Legal => {
                let id = self
                    .dashboard
                    .as_ref()
                    .and_then(|d| d.legal_rows().get(row).map(|(_, i)| i.id))
                    .ok_or_else(|| self.nothing_selected())?;
                self.open_resolution_page(id)
            }
            Section::UnitsByVisit | Section::VisitsOverdue => {
                let u = if d.current() == Section::UnitsByVisit {
                    data.visits.ranked.get(row)
                } else {
                    data.visits.overdue.get(row)
                }
                .cloned()
                .ok_or_else(|| self.nothing_selected())?;
                // The unit's latest visit selected, or the unit on the board.
                let visit = if d.current() == Section::UnitsByVisit {
                    u.last_visit_id
                } else {
                    None
                };
                self.open_visits_screen(u.body_id, Some(u.checklist_id), Some(&u.unit), visit)
            }
            Section::Indicators => {
                let i = data
                    .indicators
                    .get(row)
                    .ok_or_else(|| self.nothing_selected())?;
                // The body's plan, on the indicator: its measurements and chart.
                let (body, indicator) = (i.body_id, i.indicator_id);
                self.open_plan_at(body, Some(indicator))
            }
        }
    }

    /// The bodies screen with the body selected and the member under the cursor.
    fn show_member_in_body(&mut self, body_id: i64, person_id: i64) -> Outcome {
        self.stack = vec![Screen::Bodies];
        self.drop_unused_states();
        self.filter.clear();
        self.home
            .show_member(body_id, person_id, &self.ctx)
            .map_err(store_err)
    }

    pub(crate) fn open_browser(&mut self, kind: BrowseKind, filter: BrowseFilter) -> Outcome {
        let mut b = Browser::new(kind, filter);
        b.load(&self.ctx.store, self.ctx.today).map_err(store_err)?;
        self.clear_filter();
        self.browser = Some(b);
        if self.screen() != Screen::Browse {
            self.stack.push(Screen::Browse);
        }
        Ok(())
    }

    /// Starts a new stack on one of the top-level screens.
    fn go_to(&mut self, screen: Screen) {
        self.clear_filter();
        self.stack = vec![screen];
        self.drop_unused_states();
    }

    pub(crate) fn dispatch_screens(&mut self, action: Action) -> Outcome {
        let today = self.ctx.today;
        match action {
            Action::GoDashboard => {
                let scope = self
                    .dashboard
                    .as_ref()
                    .map(|d| d.scope)
                    .unwrap_or(DashScope::All);
                self.go_to(Screen::Dashboard);
                if self.dashboard.is_none() {
                    self.dashboard = Some(
                        DashboardScreen::load(
                            &self.ctx.store,
                            scope,
                            today,
                            self.ctx.prefs.calendar,
                        )
                        .map_err(store_err)?,
                    );
                }
                Ok(())
            }
            Action::GoBodies => {
                self.go_to(Screen::Bodies);
                Ok(())
            }
            Action::GoTasks | Action::GoResolutions => {
                let kind = if action == Action::GoTasks {
                    BrowseKind::Tasks
                } else {
                    BrowseKind::Resolutions
                };
                self.go_to(Screen::Browse);
                self.open_browser(kind, BrowseFilter::default())
            }
            Action::GoMine => {
                self.go_to(Screen::Mine);
                let m = MyView::load(&self.ctx.store, today).map_err(store_err)?;
                if m.person.is_none() {
                    self.say(tf(
                        self.lang(),
                        Msg::NoPersonForLogin,
                        &[&self.ctx.store.actor.login],
                    ));
                }
                self.mine = Some(m);
                Ok(())
            }
            Action::BodyDashboard => {
                let body = self
                    .selected_body()
                    .map(|b| b.id)
                    .ok_or_else(|| t(self.lang(), Msg::NoBodySelectedAddOne).to_string())?;
                let d = DashboardScreen::load(
                    &self.ctx.store,
                    DashScope::Tree(body),
                    today,
                    self.ctx.prefs.calendar,
                )
                .map_err(store_err)?;
                self.clear_filter();
                self.dashboard = Some(d);
                self.stack.push(Screen::Dashboard);
                Ok(())
            }
            Action::CycleScope => {
                let body = self
                    .dashboard
                    .as_ref()
                    .and_then(|d| d.scope.body_id())
                    .or_else(|| self.selected_body().map(|b| b.id));
                let Some(d) = &mut self.dashboard else {
                    return Ok(());
                };
                let Some(body) = body else {
                    return Err(t(self.lang(), Msg::PickABodyFirst).to_string());
                };
                d.scope = match d.scope {
                    DashScope::All => DashScope::Body(body),
                    DashScope::Body(b) => DashScope::Tree(b),
                    DashScope::Tree(_) => DashScope::All,
                };
                d.detail = 0;
                d.refresh(&self.ctx.store, today, self.ctx.prefs.calendar)
                    .map_err(store_err)?;
                Ok(())
            }
            Action::BrowseAll => {
                let d = self
                    .dashboard
                    .as_ref()
                    .ok_or_else(|| self.nothing_selected())?;
                let (body_id, children) = match d.scope {
                    DashScope::All => (None, false),
                    DashScope::Body(b) => (Some(b), false),
                    DashScope::Tree(b) => (Some(b), true),
                };
                let base = BrowseFilter {
                    body_id,
                    children,
                    ..Default::default()
                };
                match d.current() {
                    Section::OpenResolutions => self.open_browser(BrowseKind::Resolutions, base),
                    Section::OverdueTasks => self.open_browser(
                        BrowseKind::Tasks,
                        BrowseFilter {
                            overdue: true,
                            ..base
                        },
                    ),
                    Section::DueThisWeek => self.open_browser(
                        BrowseKind::Tasks,
                        BrowseFilter {
                            from: Some(today),
                            to: Some(
                                today + chrono::Duration::days(crate::ops::dashboard::WEEK_DAYS),
                            ),
                            ..base
                        },
                    ),
                    Section::FollowUp => self.open_browser(
                        BrowseKind::Tasks,
                        BrowseFilter {
                            status: StatusChoice::Any,
                            to: today.pred_opt(),
                            order: ListOrder::DueLast,
                            ..base
                        },
                    ),
                    _ => Err(t(self.lang(), Msg::NoBrowserForFigure).to_string()),
                }
            }
            Action::EditFilter => {
                let form = self.filter_form()?;
                self.modal = Some(Modal::Form(form));
                Ok(())
            }
            Action::CycleOrder | Action::ToggleOverdue | Action::ToggleChildren => {
                let Some(b) = &mut self.browser else {
                    return Ok(());
                };
                match action {
                    Action::CycleOrder => {
                        let orders = [
                            ListOrder::DueFirst,
                            ListOrder::DueLast,
                            ListOrder::Newest,
                            ListOrder::Oldest,
                        ];
                        let current = match (b.filter.order, b.kind) {
                            (ListOrder::Default, BrowseKind::Tasks) => ListOrder::DueFirst,
                            (ListOrder::Default, BrowseKind::Resolutions) => ListOrder::Newest,
                            (o, _) => o,
                        };
                        let i = orders.iter().position(|o| *o == current).unwrap_or(0);
                        b.filter.order = orders[(i + 1) % orders.len()];
                    }
                    Action::ToggleOverdue => b.filter.overdue = !b.filter.overdue,
                    _ => b.filter.children = !b.filter.children,
                }
                b.selected = 0;
                b.load(&self.ctx.store, today).map_err(store_err)?;
                Ok(())
            }
            _ => Ok(()),
        }
    }

    fn filter_form(&self) -> Result<Form, String> {
        let l = self.lang();
        let b = self
            .browser
            .as_ref()
            .ok_or_else(|| self.nothing_selected())?;
        let f = &b.filter;
        let mut bodies = vec![(String::new(), t(l, Msg::AllBodies).to_string())];
        bodies.extend(
            self.home
                .bodies
                .iter()
                .map(|b| (b.id.to_string(), b.name.get(l).to_string())),
        );
        let yes_no = || {
            vec![
                ("no".to_string(), t(l, Msg::No).to_string()),
                ("yes".to_string(), t(l, Msg::Yes).to_string()),
            ]
        };
        let yn = |v: bool| if v { "yes" } else { "no" };
        let statuses = StatusChoice::ALL
            .iter()
            .map(|s| (s.code().to_string(), status_choice_label(*s, l).to_string()))
            .collect();
        let orders = ListOrder::ALL
            .iter()
            .map(|o| {
                (
                    order_code(*o).to_string(),
                    order_label(*o, b.kind, l).to_string(),
                )
            })
            .collect();
        let assignee = match f.assignee_id {
            Some(id) => self
                .ctx
                .store
                .person(id)
                .map(|p| p.name.get(l).to_string())
                .unwrap_or_else(|_| id.to_string()),
            None => String::new(),
        };
        let date = |d: Option<NaiveDate>| d.map(|d| self.ctx.date(d)).unwrap_or_default();
        Ok(Form::new(
            t(l, Msg::FilterTitle),
            FormPurpose::BrowseFilter,
            vec![
                Field::choice(
                    "body",
                    t(l, Msg::Body),
                    bodies,
                    &f.body_id.map(|b| b.to_string()).unwrap_or_default(),
                ),
                Field::choice(
                    "children",
                    t(l, Msg::WithChildren),
                    yes_no(),
                    yn(f.children),
                ),
                Field::choice("status", t(l, Msg::Status), statuses, f.status.code()),
                Field::text("assignee", t(l, Msg::Assignee), &assignee),
                Field::choice("overdue", t(l, Msg::OnlyOverdue), yes_no(), yn(f.overdue)),
                Field::date("from", t(l, Msg::DueFrom), &date(f.from)),
                Field::date("to", t(l, Msg::DueTo), &date(f.to)),
                Field::choice("order", t(l, Msg::Order), orders, order_code(f.order)),
            ],
        ))
    }

    /// Applies the filter form to the browser; a bad value keeps the form open.
    pub(crate) fn apply_filter_form(&mut self, form: &Form) -> Result<String, String> {
        let l = self.lang();
        let body_id = match form.get("body") {
            "" => None,
            s => Some(s.parse::<i64>().map_err(|_| tf(l, Msg::NotABodyId, &[s]))?),
        };
        let assignee_id = match form.opt("assignee") {
            None => None,
            Some(a) => Some(self.ctx.store.find_person(&a).map_err(store_err)?.id),
        };
        let from = self.parse_date_field(form, "from")?;
        let to = self.parse_date_field(form, "to")?;
        if let (Some(a), Some(b)) = (from, to) {
            if a > b {
                return Err(tf(
                    l,
                    Msg::DatesOutOfOrder,
                    &[&self.ctx.date(a), &self.ctx.date(b)],
                ));
            }
        }
        let filter = BrowseFilter {
            body_id,
            children: form.get("children") == "yes",
            status: StatusChoice::parse(form.get("status")).unwrap_or_default(),
            assignee_id,
            overdue: form.get("overdue") == "yes",
            from,
            to,
            order: ListOrder::ALL
                .into_iter()
                .find(|o| order_code(*o) == form.get("order"))
                .unwrap_or_default(),
        };
        let today = self.ctx.today;
        let b = self
            .browser
            .as_mut()
            .ok_or_else(|| t(l, Msg::NothingSelected).to_string())?;
        b.filter = filter;
        b.selected = 0;
        b.load(&self.ctx.store, today).map_err(store_err)?;
        Ok(tf(
            l,
            Msg::MatchesCount,
            &[&count_text(b.total, b.capped, l)],
        ))
    }
}

/// "1,234" or "10,000+" in the user's digits.
pub fn count_text(n: usize, capped: bool, l: crate::locale::Lang) -> String {
    let mut s = group_thousands(n);
    if capped {
        s.push('+');
    }
    localize_digits(&s, l)
}

fn group_thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A measurement without a useless ".0".
pub fn format_number(x: f64) -> String {
    if x.fract().abs() < 1e-9 {
        format!("{}", x.round() as i64)
    } else {
        format!("{x:.1}")
    }
}

pub fn section_title(s: Section, l: crate::locale::Lang) -> &'static str {
    t(
        l,
        match s {
            Section::OpenResolutions => Msg::OpenResolutions,
            Section::OverdueTasks => Msg::OverdueTasks,
            Section::DueThisWeek => Msg::DueThisWeek,
            Section::UpcomingSessions => Msg::UpcomingSessions,
            Section::Compliance => Msg::StatutoryCompliance,
            Section::FollowUp => Msg::FollowUpRate,
            Section::Attendance => Msg::AttendanceRate,
            Section::Indicators => Msg::Indicators,
            Section::UnitsByVisit => Msg::EvDashRanked,
            Section::VisitsOverdue => Msg::EvDashOverdue,
            Section::Legal => Msg::InLaw,
        },
    )
}

pub fn status_choice_label(s: StatusChoice, l: crate::locale::Lang) -> &'static str {
    t(
        l,
        match s {
            StatusChoice::Open => Msg::ChoiceOpen,
            StatusChoice::Done => Msg::ChoiceDone,
            StatusChoice::Cancelled => Msg::ChoiceCancelled,
            StatusChoice::Any => Msg::ChoiceAny,
        },
    )
}

fn order_code(o: ListOrder) -> &'static str {
    match o {
        ListOrder::Default => "default",
        ListOrder::DueFirst => "due_first",
        ListOrder::DueLast => "due_last",
        ListOrder::Newest => "newest",
        ListOrder::Oldest => "oldest",
    }
}

pub fn order_label(o: ListOrder, kind: BrowseKind, l: crate::locale::Lang) -> &'static str {
    let o = match (o, kind) {
        (ListOrder::Default, BrowseKind::Tasks) => ListOrder::DueFirst,
        (ListOrder::Default, BrowseKind::Resolutions) => ListOrder::Newest,
        (o, _) => o,
    };
    t(
        l,
        match o {
            ListOrder::DueLast => Msg::OrderDueLast,
            ListOrder::Newest => Msg::OrderNewest,
            ListOrder::Oldest => Msg::OrderOldest,
            _ => Msg::OrderDueFirst,
        },
    )
}

/// A meeting rule in words: "A regular session in Tir, Dey".
pub fn rule_text(rule: &crate::model::rules::MeetingRule, l: crate::locale::Lang) -> String {
    use crate::model::rules::MeetingRule;
    match rule {
        MeetingRule::None => t(l, Msg::None).to_string(),
        MeetingRule::Monthly => t(l, Msg::RuleMonthly).to_string(),
        MeetingRule::JalaliMonths(months) => {
            let sep = if l == crate::locale::Lang::Fa {
                "، "
            } else {
                ", "
            };
            let names: Vec<&str> = months
                .iter()
                .map(|m| crate::locale::calendar::jalali_month_name(*m, l))
                .collect();
            tf(l, Msg::RuleMonths, &[&names.join(sep)])
        }
    }
}

/// A meeting rule's months alone: "Tir, Dey", or "monthly".
pub fn rule_months(rule: &crate::model::rules::MeetingRule, l: crate::locale::Lang) -> String {
    use crate::model::rules::MeetingRule;
    match rule {
        MeetingRule::None => String::new(),
        MeetingRule::Monthly => t(l, Msg::Monthly).to_string(),
        MeetingRule::JalaliMonths(months) => {
            let sep = if l == crate::locale::Lang::Fa {
                "، "
            } else {
                ", "
            };
            months
                .iter()
                .map(|m| crate::locale::calendar::jalali_month_name(*m, l))
                .collect::<Vec<_>>()
                .join(sep)
        }
    }
}
