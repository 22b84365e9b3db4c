//! The session screen: a session's agenda, its roll call, and the review of the body's
//! previous resolutions.

use super::component::{both_names, Component};
use super::state::{clicked_row, Cursor, ListKind};
use crate::locale::Lang;
use crate::model::{Resolution, WorkStatus};
use crate::ops::record::{visible_record, SessionRecord};
use crate::ops::Context;
use crate::store::read::{TaskFilter, TaskRow};
use crate::store::{Result, Store};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionPane {
    Agenda,
    RollCall,
    Review,
    /// The motions on the selected item and the session's own.
    Motions,
}

/// How many open tasks, and how many open resolutions without one, a session's review
/// lists at most.
pub const REVIEW_ROWS: i64 = 500;

/// One row of a session's review of previous resolutions: an open task of the body, or
/// an open resolution of the body that has no open task to carry its follow-up.
#[derive(Debug, Clone)]
pub enum ReviewRow {
    Task(TaskRow),
    Resolution(Resolution),
}

impl ReviewRow {
    /// The words the pane's filter matches.
    pub fn filter_text(&self) -> String {
        match self {
            ReviewRow::Task(r) => format!(
                "{} {}",
                r.task.title,
                r.task.assignee_unit.as_deref().unwrap_or("")
            ),
            ReviewRow::Resolution(r) => format!(
                "{} {} {}",
                r.number,
                r.text,
                r.owner.as_deref().unwrap_or("")
            ),
        }
    }
}

/// The session screen's cached data.
pub struct SessionView {
    pub record: SessionRecord,
    /// The body's open tasks, then its open resolutions without an open task (the
    /// review of previous resolutions).
    pub review: Vec<ReviewRow>,
    /// Tasks whose progress was recorded at this session.
    pub reviewed: std::collections::BTreeSet<i64>,
    /// Resolutions whose follow-up was recorded at this session.
    pub reviewed_resolutions: std::collections::BTreeSet<i64>,
    pub pane: SessionPane,
    pub agenda: Cursor,
    pub roll: Cursor,
    pub review_cursor: Cursor,
    /// The motions pane (read with the user's language by `App::load_session`).
    pub motions: super::motions_pane::MotionsPane,
    /// The number of each agenda item ("7", "7.1"), in the agenda's order.
    pub labels: Vec<String>,
    /// The signatories of the members' proposals: (item id, person); none for an item
    /// the reader may not see.
    pub signatories: Vec<(i64, crate::model::Person)>,
    /// Approved minutes: who signed them and who is still to sign (None otherwise).
    pub signatures: Option<crate::ops::signatures::SessionSignatures>,
}

impl SessionView {
    /// Reads a session's record (what its reader may see of it: items taken in closed
    /// session only for the body's members) and review, with its cursors at the top.
    pub fn load(store: &Store, id: i64, lang: Lang) -> Result<SessionView> {
        let session = store.session(id)?;
        let body_id = session.body_id;
        let signatures = Some(crate::ops::signatures::session_signatures(store, &session)?)
            .filter(|s| s.version.is_some());
        let record = visible_record(store, session, lang)?;
        let mut review: Vec<ReviewRow> = store
            .tasks(&TaskFilter {
                body_ids: Some(vec![body_id]),
                statuses: vec![WorkStatus::Open, WorkStatus::InProgress],
                limit: Some(REVIEW_ROWS),
                ..Default::default()
            })?
            .into_iter()
            .map(ReviewRow::Task)
            .collect();
        review.extend(
            store
                .open_resolutions_without_open_tasks(body_id, REVIEW_ROWS)?
                .into_iter()
                .map(ReviewRow::Resolution),
        );
        let reviewed = store.tasks_reviewed_in(id)?.into_iter().collect();
        let reviewed_resolutions = store.resolutions_reviewed_in(id)?.into_iter().collect();
        let items: Vec<crate::model::AgendaItem> =
            record.agenda.iter().map(|a| a.item.clone()).collect();
        let labels = crate::model::agenda::agenda_labels(&items);
        let signatories = store
            .agenda_signatories(id)?
            .into_iter()
            .filter(|(item, _)| {
                record
                    .agenda
                    .iter()
                    .any(|a| a.item.id == *item && !a.redacted)
            })
            .collect();
        Ok(SessionView {
            signatures,
            labels,
            signatories,
            record,
            review,
            reviewed,
            reviewed_resolutions,
            pane: SessionPane::Agenda,
            agenda: Cursor::default(),
            roll: Cursor::default(),
            review_cursor: Cursor::default(),
            motions: Default::default(),
        })
    }

    /// Takes the data read again for the same session; the pane and cursors stay.
    pub fn refresh(&mut self, fresh: SessionView) {
        self.record = fresh.record;
        self.labels = fresh.labels;
        self.signatories = fresh.signatories;
        self.signatures = fresh.signatures;
        self.review = fresh.review;
        self.reviewed = fresh.reviewed;
        self.reviewed_resolutions = fresh.reviewed_resolutions;
        self.agenda.clamp(self.record.agenda.len());
        self.roll.clamp(self.record.attendance.len());
        self.review_cursor.clamp(self.review.len());
    }

    /// The agenda item under the agenda's cursor.
    pub fn item_id(&self) -> Option<i64> {
        self.record
            .agenda
            .get(self.agenda.selected)
            .map(|a| a.item.id)
    }

    fn cursor_mut(&mut self, kind: ListKind) -> &mut Cursor {
        match kind {
            ListKind::Agenda => &mut self.agenda,
            ListKind::RollCall => &mut self.roll,
            ListKind::Motions => &mut self.motions.cursor,
            _ => &mut self.review_cursor,
        }
    }
}

impl Component for SessionView {
    fn lists(&self) -> &'static [ListKind] {
        &[
            ListKind::Agenda,
            ListKind::RollCall,
            ListKind::Review,
            ListKind::Motions,
        ]
    }

    fn focused(&self) -> ListKind {
        match self.pane {
            SessionPane::Agenda => ListKind::Agenda,
            SessionPane::RollCall => ListKind::RollCall,
            SessionPane::Review => ListKind::Review,
            SessionPane::Motions => ListKind::Motions,
        }
    }

    fn len(&self, kind: ListKind) -> usize {
        match kind {
            ListKind::Agenda => self.record.agenda.len(),
            ListKind::RollCall => self.record.attendance.len(),
            ListKind::Review => self.review.len(),
            ListKind::Motions => self.motions.rows(self.item_id()).len(),
            _ => 0,
        }
    }

    fn row_texts(&self, kind: ListKind, _ctx: &Context) -> Vec<String> {
        match kind {
            ListKind::Agenda => self
                .record
                .agenda
                .iter()
                .map(|a| a.item.title.clone())
                .collect(),
            ListKind::RollCall => self
                .record
                .attendance
                .iter()
                .map(|a| both_names(&a.name))
                .collect(),
            ListKind::Review => self.review.iter().map(ReviewRow::filter_text).collect(),
            ListKind::Motions => self
                .motions
                .rows(self.item_id())
                .into_iter()
                .map(|m| super::motions_pane::MotionsPane::row_text(m, _ctx.prefs.lang))
                .collect(),
            _ => vec![],
        }
    }

    fn cursor(&self, kind: ListKind) -> Option<usize> {
        match kind {
            ListKind::Agenda => Some(self.agenda.selected),
            ListKind::RollCall => Some(self.roll.selected),
            ListKind::Review => Some(self.review_cursor.selected),
            ListKind::Motions => Some(self.motions.cursor.selected),
            _ => None,
        }
    }

    fn set_cursor(&mut self, kind: ListKind, row: usize) {
        if self.lists().contains(&kind) {
            self.cursor_mut(kind).selected = row;
        }
    }

    fn switch_pane(&mut self, forward: bool) {
        use SessionPane::*;
        self.pane =
            super::component::next_pane(&[Agenda, RollCall, Review, Motions], self.pane, forward);
    }

    /// A click on the `on_screen`-th row shown of a list `height` cells high: focuses
    /// it and selects the row.
    fn click(
        &mut self,
        kind: ListKind,
        on_screen: usize,
        height: u16,
        _ctx: &Context,
        _filter: &str,
    ) -> Result<bool> {
        let (pane, len) = match kind {
            ListKind::Agenda => (SessionPane::Agenda, self.record.agenda.len()),
            ListKind::RollCall => (SessionPane::RollCall, self.record.attendance.len()),
            ListKind::Motions => (
                SessionPane::Motions,
                self.motions.rows(self.item_id()).len(),
            ),
            _ => (SessionPane::Review, self.review.len()),
        };
        self.pane = pane;
        let c = self.cursor_mut(kind);
        c.selected = clicked_row(c.selected, len, height, on_screen);
        Ok(false)
    }
}
