//! The task and resolution browsers: a filter, and a window of rows around the cursor.
//! A browser never loads its whole list: it keeps [`WINDOW`] rows read from the
//! database at the cursor's offset, and counts matches only up to [`COUNT_CAP`], so it
//! stays instant at a million tasks.

use chrono::NaiveDate;

use crate::model::WorkStatus;
use crate::store::read::{ListOrder, ResolutionFilter, ResolutionRow, TaskFilter, TaskRow};
use crate::store::{Result, Store};

/// Rows read at once.
pub const WINDOW: usize = 200;
/// Matches counted at most; beyond it the count shows as "10,000+".
pub const COUNT_CAP: i64 = 10_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BrowseKind {
    Tasks,
    Resolutions,
}

/// Which statuses a browser shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum StatusChoice {
    /// Open and in progress.
    #[default]
    Open,
    Done,
    Cancelled,
    Any,
}

impl StatusChoice {
    pub const ALL: [StatusChoice; 4] = [
        StatusChoice::Open,
        StatusChoice::Done,
        StatusChoice::Cancelled,
        StatusChoice::Any,
    ];
    pub fn code(self) -> &'static str {
        match self {
            StatusChoice::Open => "open",
            StatusChoice::Done => "done",
            StatusChoice::Cancelled => "cancelled",
            StatusChoice::Any => "any",
        }
    }
    pub fn parse(s: &str) -> Option<StatusChoice> {
        Self::ALL.into_iter().find(|c| c.code() == s)
    }
    pub fn statuses(self) -> Vec<WorkStatus> {
        match self {
            StatusChoice::Open => vec![WorkStatus::Open, WorkStatus::InProgress],
            StatusChoice::Done => vec![WorkStatus::Done],
            StatusChoice::Cancelled => vec![WorkStatus::Cancelled],
            StatusChoice::Any => vec![],
        }
    }
}

/// What a browser is narrowed by (the text typed after `/` is kept by the app).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BrowseFilter {
    pub body_id: Option<i64>,
    /// With the body's committees and working groups.
    pub children: bool,
    pub status: StatusChoice,
    /// Tasks assigned to this person; resolutions with a task assigned to them.
    pub assignee_id: Option<i64>,
    pub overdue: bool,
    /// Due on or after this day.
    pub from: Option<NaiveDate>,
    /// Due on or before this day.
    pub to: Option<NaiveDate>,
    pub order: ListOrder,
}

/// A browser's state: its filter, the rows read, and the cursor over the whole list.
#[derive(Debug, Clone)]
pub struct Browser {
    pub kind: BrowseKind,
    pub filter: BrowseFilter,
    /// Words searched in the rows' text (typed after `/`).
    pub text: String,
    /// The rows read: `start..start + len` of the whole list.
    pub tasks: Vec<TaskRow>,
    pub resolutions: Vec<ResolutionRow>,
    pub start: usize,
    /// Matches, counted up to [`COUNT_CAP`]; `capped` when there are more.
    pub total: usize,
    pub capped: bool,
    /// The cursor's row in the whole list.
    pub selected: usize,
}

impl Browser {
    pub fn new(kind: BrowseKind, filter: BrowseFilter) -> Browser {
        Browser {
            kind,
            filter,
            text: String::new(),
            tasks: vec![],
            resolutions: vec![],
            start: 0,
            total: 0,
            capped: false,
            selected: 0,
        }
    }

    /// Rows read (the window).
    pub fn window_len(&self) -> usize {
        match self.kind {
            BrowseKind::Tasks => self.tasks.len(),
            BrowseKind::Resolutions => self.resolutions.len(),
        }
    }

    fn task_filter(&self, store: &Store, today: NaiveDate) -> Result<TaskFilter> {
        let f = &self.filter;
        Ok(TaskFilter {
            body_ids: body_ids(store, f)?,
            statuses: f.status.statuses(),
            overdue_on: f.overdue.then_some(today),
            assignee_id: f.assignee_id,
            due_after: f.from,
            due_before: f.to.map(|d| d.succ_opt().unwrap_or(d)),
            text: non_empty(&self.text),
            // The browser's own default: soonest due first, along the index.
            order: match f.order {
                ListOrder::Default => ListOrder::DueFirst,
                o => o,
            },
            ..Default::default()
        })
    }

    fn resolution_filter(&self, store: &Store, today: NaiveDate) -> Result<ResolutionFilter> {
        let f = &self.filter;
        Ok(ResolutionFilter {
            body_ids: body_ids(store, f)?,
            statuses: if f.overdue {
                vec![]
            } else {
                f.status.statuses()
            },
            overdue_on: f.overdue.then_some(today),
            assignee_id: f.assignee_id,
            due_after: f.from,
            due_before: f.to.map(|d| d.succ_opt().unwrap_or(d)),
            text: non_empty(&self.text),
            order: match f.order {
                ListOrder::Default => ListOrder::Newest,
                o => o,
            },
            ..Default::default()
        })
    }

    /// Counts the matches and reads the window around the cursor.
    pub fn load(&mut self, store: &Store, today: NaiveDate) -> Result<()> {
        let (total, capped) = match self.kind {
            BrowseKind::Tasks => store.count_tasks(&self.task_filter(store, today)?, COUNT_CAP)?,
            BrowseKind::Resolutions => {
                store.count_resolutions(&self.resolution_filter(store, today)?, COUNT_CAP)?
            }
        };
        self.total = total.max(0) as usize;
        self.capped = capped;
        // When the count is capped the cursor may be past it (after `G`): keep it.
        if !capped {
            self.selected = self.selected.min(self.total.saturating_sub(1));
        }
        self.read_window(store, today)
    }

    /// Reads `WINDOW` rows starting half a window before the cursor.
    fn read_window(&mut self, store: &Store, today: NaiveDate) -> Result<()> {
        self.start = self.selected.saturating_sub(WINDOW / 2);
        match self.kind {
            BrowseKind::Tasks => {
                let mut f = self.task_filter(store, today)?;
                f.limit = Some(WINDOW as i64);
                f.offset = self.start as i64;
                self.tasks = store.tasks(&f)?;
                self.resolutions.clear();
            }
            BrowseKind::Resolutions => {
                let mut f = self.resolution_filter(store, today)?;
                f.limit = Some(WINDOW as i64);
                f.offset = self.start as i64;
                self.resolutions = store.resolutions(&f)?;
                self.tasks.clear();
            }
        }
        // Past the end (the list shrank, or `G` past a capped count): step back.
        if self.window_len() == 0 && self.start > 0 {
            let exact = self.exact_total(store, today)?;
            self.total = exact;
            self.capped = false;
            self.selected = exact.saturating_sub(1);
            self.start = self.selected.saturating_sub(WINDOW / 2);
            return self.read_window(store, today);
        }
        if self.start + self.window_len() <= self.selected {
            self.selected = (self.start + self.window_len()).saturating_sub(1);
        }
        Ok(())
    }

    /// The whole count, however large (for `G` on a capped list).
    pub fn exact_total(&self, store: &Store, today: NaiveDate) -> Result<usize> {
        let (n, _) = match self.kind {
            BrowseKind::Tasks => {
                store.count_tasks(&self.task_filter(store, today)?, i64::MAX - 1)?
            }
            BrowseKind::Resolutions => {
                store.count_resolutions(&self.resolution_filter(store, today)?, i64::MAX - 1)?
            }
        };
        Ok(n.max(0) as usize)
    }

    /// Moves the cursor to `row` of the whole list, reading another window when the
    /// row is outside the one held.
    pub fn select(&mut self, row: usize, store: &Store, today: NaiveDate) -> Result<()> {
        self.selected = row;
        if !self.capped {
            self.selected = self.selected.min(self.total.saturating_sub(1));
        }
        let inside = self.selected >= self.start && self.selected < self.start + self.window_len();
        if !inside {
            self.read_window(store, today)?;
        }
        Ok(())
    }

    /// The cursor's row within the window.
    pub fn selected_in_window(&self) -> usize {
        self.selected.saturating_sub(self.start)
    }

    pub fn selected_task(&self) -> Option<&TaskRow> {
        self.tasks.get(self.selected_in_window())
    }

    pub fn selected_resolution(&self) -> Option<&ResolutionRow> {
        self.resolutions.get(self.selected_in_window())
    }
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

fn body_ids(store: &Store, f: &BrowseFilter) -> Result<Option<Vec<i64>>> {
    Ok(match f.body_id {
        None => None,
        Some(id) if f.children => Some(store.body_and_descendants(id)?),
        Some(id) => Some(vec![id]),
    })
}

use super::component::Component;
use super::keymap::Action;
use super::state::{first_shown, ListKind};
use crate::ops::Context;

/// A browser's rows are read from the database around the cursor, and filtered there:
/// it moves and clicks through the store.
impl Component for Browser {
    fn lists(&self) -> &'static [ListKind] {
        &[ListKind::Browse]
    }

    fn focused(&self) -> ListKind {
        ListKind::Browse
    }

    fn len(&self, _kind: ListKind) -> usize {
        self.window_len()
    }

    fn row_texts(&self, _kind: ListKind, _ctx: &Context) -> Vec<String> {
        match self.kind {
            BrowseKind::Tasks => self.tasks.iter().map(|t| t.task.title.clone()).collect(),
            BrowseKind::Resolutions => self
                .resolutions
                .iter()
                .map(|r| r.resolution.text.clone())
                .collect(),
        }
    }

    fn cursor(&self, _kind: ListKind) -> Option<usize> {
        Some(self.selected_in_window())
    }

    /// The cursor follows the text filter in the database (see `App::set_browser_text`).
    fn set_cursor(&mut self, _kind: ListKind, _row: usize) {}

    /// Every row read is shown: the text filter ran in the database.
    fn visible_rows(&self, kind: ListKind, _filter: &str, _ctx: &Context) -> Vec<usize> {
        (0..self.len(kind)).collect()
    }

    fn move_cursor(
        &mut self,
        _kind: ListKind,
        action: Action,
        _len: usize,
        page: usize,
        ctx: &Context,
        _filter: &str,
    ) -> Result<()> {
        let today = ctx.today;
        let page = page.max(1);
        // The end is known unless the count was capped; it is counted exactly only when
        // the cursor is sent there (G), never on an ordinary move.
        let end = (!self.capped).then(|| self.total.saturating_sub(1));
        let target = match action {
            Action::Up => self.selected.saturating_sub(1),
            Action::PageUp => self.selected.saturating_sub(page),
            Action::Top => 0,
            Action::Down => self.selected + 1,
            Action::PageDown => self.selected + page,
            _ => {
                let last = self.exact_total(&ctx.store, today)?.saturating_sub(1);
                self.total = last + 1;
                self.capped = false;
                last
            }
        };
        let target = end.map_or(target, |e| target.min(e));
        self.select(target, &ctx.store, today)
    }

    fn click(
        &mut self,
        _kind: ListKind,
        on_screen: usize,
        height: u16,
        ctx: &Context,
        _filter: &str,
    ) -> Result<bool> {
        // Rows on screen start where the view scrolled the window to.
        let first = first_shown(self.selected_in_window(), self.window_len(), height);
        let row = self.start + first + on_screen;
        self.select(row, &ctx.store, ctx.today)?;
        Ok(false)
    }
}
