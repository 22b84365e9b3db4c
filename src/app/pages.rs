//! Two read-mostly screens: a resolution's page (its text, where it came from, the vote,
//! its tasks, their progress session by session, its audit history) and a member's own
//! view (my tasks, my next sessions, the sessions I attended).

use chrono::NaiveDate;

use crate::model::*;
use crate::store::audit::AuditEntry;
use crate::store::read::{ResolutionFilter, SessionRow, TaskFilter, TaskRow};
use crate::store::{Result, Store, StoreError};

/// How many audit entries and progress updates a page shows at most.
pub const HISTORY_ROWS: i64 = 200;

/// One progress update of a task, or a follow-up of the resolution itself, with the
/// session it was recorded at.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressLine {
    /// The task's title; None for a follow-up of the resolution itself.
    pub task_title: Option<String>,
    pub status: WorkStatus,
    /// A task's percent done (a resolution has none).
    pub percent: Option<i64>,
    pub note: String,
    pub author: String,
    pub at: String,
    pub session_number: Option<i64>,
    pub session_date: Option<NaiveDate>,
}

pub struct ResolutionPage {
    pub resolution: Resolution,
    pub body_name: Name,
    pub session: Option<Session>,
    pub item_title: Option<String>,
    /// Per-member votes, by name.
    pub votes: Vec<(Name, Vote)>,
    pub tasks: Vec<TaskRow>,
    /// Every progress update of its tasks, oldest first.
    pub progress: Vec<ProgressLine>,
    /// Its audit history (and its tasks'), newest first.
    pub audit: Vec<AuditEntry>,
    pub task_cursor: usize,
    /// Lines the history pane is scrolled by.
    pub scroll: usize,
    /// Whether the history pane has the focus (else the tasks).
    pub history_focus: bool,
    /// Where it stands in law: sent, objection window, in force… (adopted ones).
    pub legal: Option<crate::ops::legal::LegalView>,
}

impl ResolutionPage {
    pub fn load(ctx: &crate::ops::Context, id: i64) -> Result<ResolutionPage> {
        let store = &ctx.store;
        let resolution = store.resolution(id)?;
        // Under a law with a clock, or once sent: otherwise an adopted resolution is
        // simply in force, which the page need not say.
        let legal = match resolution.decision {
            crate::model::Decision::Adopted => {
                Some(crate::ops::legal::view(ctx, id)?).filter(|v| {
                    !v.sendings.is_empty()
                        || !matches!(
                            v.life.state,
                            crate::model::legal::LegalState::NoClock { .. }
                        )
                })
            }
            _ => None,
        };
        let body_name = store.body(resolution.body_id)?.name;
        let session = match resolution.session_id {
            Some(s) => Some(store.session(s)?),
            None => None,
        };
        let item_title = match resolution.agenda_item_id {
            Some(i) => Some(store.agenda_item(i)?.title),
            None => None,
        };
        let mut votes = Vec::new();
        for (person_id, vote) in store.votes(id)? {
            let name = match store.person(person_id) {
                Ok(p) => p.name,
                Err(StoreError::NotFound { .. }) => Name::new(None, Some(format!("#{person_id}"))),
                Err(e) => return Err(e),
            };
            votes.push((name, vote));
        }
        let tasks = store.tasks(&TaskFilter {
            resolution_id: Some(id),
            limit: Some(HISTORY_ROWS),
            ..Default::default()
        })?;
        let mut progress = Vec::new();
        let mut sessions: std::collections::BTreeMap<i64, Session> = Default::default();
        let mut session_of = |sid: Option<i64>| -> Result<(Option<i64>, Option<NaiveDate>)> {
            let Some(sid) = sid else {
                return Ok((None, None));
            };
            if let std::collections::btree_map::Entry::Vacant(e) = sessions.entry(sid) {
                e.insert(store.session(sid)?);
            }
            Ok(sessions
                .get(&sid)
                .map_or((None, None), |s| (Some(s.number), Some(s.date))))
        };
        for u in store.resolution_updates(id)? {
            let (session_number, session_date) = session_of(u.session_id)?;
            progress.push(ProgressLine {
                task_title: None,
                status: u.status,
                percent: None,
                note: u.note,
                author: u.author,
                at: u.at,
                session_number,
                session_date,
            });
        }
        for t in &tasks {
            for u in store.task_updates(t.task.id)? {
                let (session_number, session_date) = session_of(u.session_id)?;
                progress.push(ProgressLine {
                    task_title: Some(t.task.title.clone()),
                    status: u.status,
                    percent: Some(u.percent),
                    note: u.note,
                    author: u.author,
                    at: u.at,
                    session_number,
                    session_date,
                });
            }
        }
        // Oldest first; the sort is stable, so one moment keeps the resolution first.
        progress.sort_by(|a, b| a.at.cmp(&b.at));
        let mut audit_rows = store.audit_list(Some("resolution"), Some(id), HISTORY_ROWS)?;
        for t in &tasks {
            audit_rows.extend(store.audit_list(Some("task"), Some(t.task.id), HISTORY_ROWS)?);
        }
        audit_rows.sort_by_key(|a| std::cmp::Reverse(a.id));
        audit_rows.truncate(HISTORY_ROWS as usize);
        Ok(ResolutionPage {
            resolution,
            body_name,
            session,
            item_title,
            votes,
            tasks,
            progress,
            audit: audit_rows,
            task_cursor: 0,
            scroll: 0,
            history_focus: false,
            legal,
        })
    }

    /// Reads it again, keeping the cursor and scroll.
    pub fn refresh(&mut self, ctx: &crate::ops::Context) -> Result<()> {
        let fresh = ResolutionPage::load(ctx, self.resolution.id)?;
        let (cursor, scroll, focus) = (self.task_cursor, self.scroll, self.history_focus);
        *self = fresh;
        self.task_cursor = cursor.min(self.tasks.len().saturating_sub(1));
        self.scroll = scroll;
        self.history_focus = focus;
        Ok(())
    }

    pub fn selected_task(&self) -> Option<&TaskRow> {
        self.tasks.get(self.task_cursor)
    }
}

/// The member's view: its three lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MinePane {
    Tasks,
    Upcoming,
    Attended,
}

pub struct MyView {
    /// The person whose login is the user's; none when no person carries it.
    pub person: Option<Person>,
    /// Open tasks assigned to me, soonest due first.
    pub tasks: Vec<TaskRow>,
    /// Resolutions whose tasks I carry (open).
    pub open_resolutions: i64,
    pub upcoming: Vec<SessionRow>,
    pub attended: Vec<SessionRow>,
    pub pane: MinePane,
    pub tasks_cursor: usize,
    pub upcoming_cursor: usize,
    pub attended_cursor: usize,
}

/// Rows each list of the member's view holds.
pub const MINE_ROWS: i64 = 500;

impl MyView {
    pub fn load(store: &Store, today: NaiveDate) -> Result<MyView> {
        let person = store.person_by_login(&store.actor.login)?;
        let mut v = MyView {
            person,
            tasks: vec![],
            open_resolutions: 0,
            upcoming: vec![],
            attended: vec![],
            pane: MinePane::Tasks,
            tasks_cursor: 0,
            upcoming_cursor: 0,
            attended_cursor: 0,
        };
        v.fill(store, today)?;
        Ok(v)
    }

    fn fill(&mut self, store: &Store, today: NaiveDate) -> Result<()> {
        let Some(p) = &self.person else {
            return Ok(());
        };
        self.tasks = store.tasks(&TaskFilter {
            assignee_id: Some(p.id),
            statuses: vec![WorkStatus::Open, WorkStatus::InProgress],
            limit: Some(MINE_ROWS),
            ..Default::default()
        })?;
        self.open_resolutions = store
            .count_resolutions(
                &ResolutionFilter {
                    assignee_id: Some(p.id),
                    statuses: vec![WorkStatus::Open, WorkStatus::InProgress],
                    ..Default::default()
                },
                10_000,
            )?
            .0;
        self.upcoming = store.upcoming_sessions_of(p.id, today, MINE_ROWS)?;
        self.attended = store.attended_sessions(p.id, MINE_ROWS)?;
        self.tasks_cursor = self.tasks_cursor.min(self.tasks.len().saturating_sub(1));
        self.upcoming_cursor = self
            .upcoming_cursor
            .min(self.upcoming.len().saturating_sub(1));
        self.attended_cursor = self
            .attended_cursor
            .min(self.attended.len().saturating_sub(1));
        Ok(())
    }

    pub fn refresh(&mut self, store: &Store, today: NaiveDate) -> Result<()> {
        self.person = store.person_by_login(&store.actor.login)?;
        self.fill(store, today)
    }
}

use super::component::{both_names, Component};
use super::keymap::Action;
use super::state::{Cursor, ListKind};
use crate::ops::Context;

impl Component for ResolutionPage {
    fn lists(&self) -> &'static [ListKind] {
        &[ListKind::PageTasks, ListKind::PageHistory]
    }

    fn focused(&self) -> ListKind {
        if self.history_focus {
            ListKind::PageHistory
        } else {
            ListKind::PageTasks
        }
    }

    /// The history's length is known to the view only (it scrolls by lines).
    fn len(&self, kind: ListKind) -> usize {
        match kind {
            ListKind::PageTasks => self.tasks.len(),
            _ => 0,
        }
    }

    fn row_texts(&self, kind: ListKind, _ctx: &Context) -> Vec<String> {
        match kind {
            ListKind::PageTasks => self.tasks.iter().map(|t| t.task.title.clone()).collect(),
            _ => vec![],
        }
    }

    fn cursor(&self, kind: ListKind) -> Option<usize> {
        match kind {
            ListKind::PageTasks => Some(self.task_cursor),
            ListKind::PageHistory => Some(self.scroll),
            _ => None,
        }
    }

    fn set_cursor(&mut self, kind: ListKind, row: usize) {
        match kind {
            ListKind::PageTasks => self.task_cursor = row,
            ListKind::PageHistory => self.scroll = row,
            _ => {}
        }
    }

    fn move_cursor(
        &mut self,
        kind: ListKind,
        action: Action,
        len: usize,
        page: usize,
        _ctx: &Context,
        _filter: &str,
    ) -> Result<()> {
        let Some(selected) = self.cursor(kind) else {
            return Ok(());
        };
        let mut c = Cursor { selected };
        if kind == ListKind::PageHistory {
            // The history scrolls by lines: its progress, its audit and their headings.
            c.apply(action, self.progress.len() + self.audit.len() + 4, page);
        } else {
            c.apply(action, len, page);
        }
        self.set_cursor(kind, c.selected);
        Ok(())
    }

    fn switch_pane(&mut self, _forward: bool) {
        self.history_focus = !self.history_focus;
    }

    /// The history is scrolled, not clicked.
    fn focus(&mut self, kind: ListKind) -> bool {
        if kind == ListKind::PageTasks {
            self.history_focus = false;
        }
        kind == ListKind::PageTasks
    }
}

impl Component for MyView {
    fn lists(&self) -> &'static [ListKind] {
        &[
            ListKind::MyTasks,
            ListKind::MyUpcoming,
            ListKind::MyAttended,
        ]
    }

    fn focused(&self) -> ListKind {
        match self.pane {
            MinePane::Upcoming => ListKind::MyUpcoming,
            MinePane::Attended => ListKind::MyAttended,
            MinePane::Tasks => ListKind::MyTasks,
        }
    }

    fn len(&self, kind: ListKind) -> usize {
        match kind {
            ListKind::MyTasks => self.tasks.len(),
            ListKind::MyUpcoming => self.upcoming.len(),
            ListKind::MyAttended => self.attended.len(),
            _ => 0,
        }
    }

    fn row_texts(&self, kind: ListKind, ctx: &Context) -> Vec<String> {
        let rows = match kind {
            ListKind::MyTasks => {
                return self
                    .tasks
                    .iter()
                    .map(|t| format!("{} {}", t.task.title, both_names(&t.body_name)))
                    .collect()
            }
            ListKind::MyUpcoming => &self.upcoming,
            ListKind::MyAttended => &self.attended,
            _ => return vec![],
        };
        rows.iter()
            .map(|s| {
                format!(
                    "{} {} {}",
                    both_names(&s.body_name),
                    s.session.shown_number(),
                    ctx.date(s.session.date)
                )
            })
            .collect()
    }

    fn cursor(&self, kind: ListKind) -> Option<usize> {
        match kind {
            ListKind::MyTasks => Some(self.tasks_cursor),
            ListKind::MyUpcoming => Some(self.upcoming_cursor),
            ListKind::MyAttended => Some(self.attended_cursor),
            _ => None,
        }
    }

    fn set_cursor(&mut self, kind: ListKind, row: usize) {
        match kind {
            ListKind::MyTasks => self.tasks_cursor = row,
            ListKind::MyUpcoming => self.upcoming_cursor = row,
            ListKind::MyAttended => self.attended_cursor = row,
            _ => {}
        }
    }

    fn switch_pane(&mut self, forward: bool) {
        use MinePane::*;
        self.pane = super::component::next_pane(&[Tasks, Upcoming, Attended], self.pane, forward);
    }

    fn focus(&mut self, kind: ListKind) -> bool {
        self.pane = match kind {
            ListKind::MyTasks => MinePane::Tasks,
            ListKind::MyUpcoming => MinePane::Upcoming,
            _ => MinePane::Attended,
        };
        true
    }
}
