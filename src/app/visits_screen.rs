//! The evaluations screen of one body: its checklists; for the checklist under the
//! cursor its scoreboard (units ranked by their latest score, with the trend and when
//! each is due) and its visits, latest first. Enter on a visit (or on a unit of the
//! board) opens the visit's page: each criterion with its weight, score, finding and
//! task. The forms (a checklist, a visit, a score, a finding's task) only gather what
//! was typed; the rules are [`crate::ops::evaluation`]'s, so a refusal reads as it
//! does on the command line, and the typed values survive it.

use serde::{Deserialize, Serialize};

use super::component::{next_pane, Component};
use super::form::{Field, Form, FormPurpose};
use super::keymap::Action;
use super::state::{store_err, App, ListKind, Modal, Outcome, Screen};
use crate::locale::digits::{localize_digits, to_latin_digits};
use crate::locale::strings::{t, tf, Msg};
use crate::model::evaluation::{parse_criterion, Checklist, NewCriterion, UnitStanding};
use crate::model::plans::PeriodKind;
use crate::model::roles::Activity;
use crate::model::{Entity, Expected, InvalidValue};
use crate::ops::evaluation::{Board, ChecklistEdit, FindingTask, VisitView};
use crate::ops::Context;
use crate::store::evaluation::{NewChecklist, NewVisit, VisitFilter};
use crate::store::Result;

/// The panes of the evaluations screen, in the order Tab visits them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VisitsPane {
    Checklists,
    Board,
    Visits,
}

const PANES: [VisitsPane; 3] = [
    VisitsPane::Checklists,
    VisitsPane::Board,
    VisitsPane::Visits,
];

/// The evaluations screen's state.
pub struct VisitsScreen {
    pub body_id: i64,
    pub body_name: String,
    pub checklists: Vec<Checklist>,
    /// Every checklist's scoreboard.
    boards: Vec<Board>,
    /// Every visit of the body, latest first.
    all_visits: Vec<VisitView>,
    /// The selected checklist's scoreboard and visits.
    pub board: Vec<UnitStanding>,
    pub visits: Vec<VisitView>,
    pub pane: VisitsPane,
    /// The cursor among the checklists shown (the `/` filter may hide some), and the
    /// checklist it is on.
    pub checklist_cursor: usize,
    checklist_index: usize,
    pub board_cursor: usize,
    pub visits_cursor: usize,
}

impl VisitsScreen {
    pub fn load(ctx: &Context, body_id: i64) -> Result<VisitsScreen> {
        let mut s = VisitsScreen {
            body_id,
            body_name: String::new(),
            checklists: vec![],
            boards: vec![],
            all_visits: vec![],
            board: vec![],
            visits: vec![],
            pane: VisitsPane::Checklists,
            checklist_cursor: 0,
            checklist_index: 0,
            board_cursor: 0,
            visits_cursor: 0,
        };
        s.refresh(ctx)?;
        Ok(s)
    }

    /// Reads the body's checklists, boards and visits again; the cursors stay on the
    /// checklist they were on.
    pub fn refresh(&mut self, ctx: &Context) -> Result<()> {
        let selected = self.checklist().map(|c| c.id);
        self.body_name = ctx
            .store
            .body(self.body_id)?
            .name
            .get(ctx.prefs.lang)
            .to_string();
        self.checklists = crate::ops::evaluation::checklists(ctx, Some(self.body_id))?;
        self.boards = crate::ops::evaluation::board(ctx, Some(self.body_id), None)?;
        self.all_visits = crate::ops::evaluation::visits(
            ctx,
            &VisitFilter {
                body_id: Some(self.body_id),
                ..Default::default()
            },
        )?;
        if let Some(pos) = selected.and_then(|id| self.checklists.iter().position(|c| c.id == id)) {
            self.checklist_index = pos;
        }
        self.checklist_index = self
            .checklist_index
            .min(self.checklists.len().saturating_sub(1));
        self.checklist_cursor = self
            .checklist_cursor
            .min(self.checklists.len().saturating_sub(1));
        self.pick_checklist();
        Ok(())
    }

    /// The board and visits of the checklist under the cursor.
    fn pick_checklist(&mut self) {
        let id = self.checklist().map(|c| c.id);
        self.board = self
            .boards
            .iter()
            .find(|b| Some(b.checklist_id) == id)
            .map(|b| b.units.clone())
            .unwrap_or_default();
        self.visits = self
            .all_visits
            .iter()
            .filter(|v| Some(v.visit.checklist_id) == id)
            .cloned()
            .collect();
        self.board_cursor = self.board_cursor.min(self.board.len().saturating_sub(1));
        self.visits_cursor = self.visits_cursor.min(self.visits.len().saturating_sub(1));
    }

    /// The checklist under the cursor.
    pub fn checklist(&self) -> Option<&Checklist> {
        self.checklists.get(self.checklist_index)
    }

    /// The checklist under the cursor among those `filter` shows: its board and
    /// visits (from their first row when it is another).
    pub fn sync_checklist(&mut self, ctx: &Context, filter: &str) {
        let rows = self.visible_rows(ListKind::Checklists, filter, ctx);
        if let Some(&i) = rows.get(self.checklist_cursor) {
            if i != self.checklist_index {
                self.checklist_index = i;
                self.board_cursor = 0;
                self.visits_cursor = 0;
                self.pick_checklist();
            }
        }
    }

    /// Puts the cursor on a checklist (and its board and visits on their first row).
    pub fn select_checklist(&mut self, id: i64) {
        if let Some(pos) = self.checklists.iter().position(|c| c.id == id) {
            self.checklist_cursor = pos;
            self.checklist_index = pos;
            self.board_cursor = 0;
            self.visits_cursor = 0;
            self.pick_checklist();
        }
    }

    /// Puts the cursor on a unit of the board, in focus.
    pub fn select_unit(&mut self, unit: &str) {
        let key = crate::model::evaluation::unit_key(unit);
        if let Some(pos) = self
            .board
            .iter()
            .position(|u| crate::model::evaluation::unit_key(&u.unit) == key)
        {
            self.board_cursor = pos;
            self.pane = VisitsPane::Board;
        }
    }

    /// Puts the cursor on a visit of the list, in focus.
    pub fn select_visit(&mut self, id: i64) {
        if let Some(pos) = self.visits.iter().position(|v| v.visit.id == id) {
            self.visits_cursor = pos;
            self.pane = VisitsPane::Visits;
        }
    }
}

impl Component for VisitsScreen {
    fn lists(&self) -> &'static [ListKind] {
        &[ListKind::Checklists, ListKind::UnitBoard, ListKind::Visits]
    }

    fn focused(&self) -> ListKind {
        match self.pane {
            VisitsPane::Checklists => ListKind::Checklists,
            VisitsPane::Board => ListKind::UnitBoard,
            VisitsPane::Visits => ListKind::Visits,
        }
    }

    fn len(&self, kind: ListKind) -> usize {
        match kind {
            ListKind::Checklists => self.checklists.len(),
            ListKind::UnitBoard => self.board.len(),
            ListKind::Visits => self.visits.len(),
            _ => 0,
        }
    }

    fn row_texts(&self, kind: ListKind, _ctx: &Context) -> Vec<String> {
        match kind {
            ListKind::Checklists => self.checklists.iter().map(|c| c.title.clone()).collect(),
            ListKind::UnitBoard => self.board.iter().map(|u| u.unit.clone()).collect(),
            ListKind::Visits => self
                .visits
                .iter()
                .map(|v| format!("{} {}", v.visit.unit, v.visitor_names.join(" ")))
                .collect(),
            _ => vec![],
        }
    }

    fn cursor(&self, kind: ListKind) -> Option<usize> {
        match kind {
            ListKind::Checklists => Some(self.checklist_cursor),
            ListKind::UnitBoard => Some(self.board_cursor),
            ListKind::Visits => Some(self.visits_cursor),
            _ => None,
        }
    }

    /// Another checklist shows its own board and visits from the top.
    fn set_cursor(&mut self, kind: ListKind, row: usize) {
        match kind {
            // Given as the checklist's row when no filter is on (a filter's change
            // and the cursor's moves go through `sync_checklist`).
            ListKind::Checklists => {
                if row != self.checklist_index {
                    self.board_cursor = 0;
                    self.visits_cursor = 0;
                }
                self.checklist_cursor = row;
                self.checklist_index = row.min(self.checklists.len().saturating_sub(1));
                self.pick_checklist();
            }
            ListKind::UnitBoard => self.board_cursor = row,
            ListKind::Visits => self.visits_cursor = row,
            _ => {}
        }
    }

    fn move_cursor(
        &mut self,
        kind: ListKind,
        action: Action,
        len: usize,
        page: usize,
        ctx: &Context,
        filter: &str,
    ) -> Result<()> {
        if let Some(selected) = self.cursor(kind) {
            let mut c = super::state::Cursor { selected };
            c.apply(action, len, page);
            match kind {
                ListKind::Checklists => {
                    self.checklist_cursor = c.selected;
                    self.sync_checklist(ctx, filter);
                }
                _ => self.set_cursor(kind, c.selected),
            }
        }
        Ok(())
    }

    fn click(
        &mut self,
        kind: ListKind,
        on_screen: usize,
        height: u16,
        ctx: &Context,
        filter: &str,
    ) -> Result<bool> {
        self.focus(kind);
        let len = self.visible_rows(kind, filter, ctx).len();
        if len > 0 {
            let selected = self.cursor(kind).unwrap_or(0);
            let row = super::state::clicked_row(selected, len, height, on_screen);
            match kind {
                ListKind::Checklists => {
                    self.checklist_cursor = row;
                    self.sync_checklist(ctx, filter);
                }
                _ => self.set_cursor(kind, row),
            }
        }
        Ok(false)
    }

    fn switch_pane(&mut self, forward: bool) {
        self.pane = next_pane(&PANES, self.pane, forward);
    }

    fn focus(&mut self, kind: ListKind) -> bool {
        self.pane = match kind {
            ListKind::Checklists => VisitsPane::Checklists,
            ListKind::UnitBoard => VisitsPane::Board,
            _ => VisitsPane::Visits,
        };
        true
    }
}

/// A visit's page: its criteria, each with weight, score, finding and task.
pub struct VisitPage {
    pub view: VisitView,
    pub unit_name: String,
    pub cursor: usize,
}

impl VisitPage {
    pub fn load(ctx: &Context, id: i64) -> Result<VisitPage> {
        let view = crate::ops::evaluation::visit(ctx, id)?;
        crate::ops::authz::check_visible(ctx, view.visit.body_id)?;
        Ok(VisitPage {
            unit_name: view.visit.unit.clone(),
            view,
            cursor: 0,
        })
    }

    pub fn refresh(&mut self, ctx: &Context) -> Result<()> {
        self.view = crate::ops::evaluation::visit(ctx, self.view.visit.id)?;
        self.cursor = self.cursor.min(self.view.lines.len().saturating_sub(1));
        Ok(())
    }
}

impl Component for VisitPage {
    fn lists(&self) -> &'static [ListKind] {
        &[ListKind::VisitLines]
    }

    fn focused(&self) -> ListKind {
        ListKind::VisitLines
    }

    fn len(&self, kind: ListKind) -> usize {
        match kind {
            ListKind::VisitLines => self.view.lines.len(),
            _ => 0,
        }
    }

    fn row_texts(&self, kind: ListKind, _ctx: &Context) -> Vec<String> {
        match kind {
            ListKind::VisitLines => self
                .view
                .lines
                .iter()
                .map(|l| format!("{} {}", l.criterion.name, l.finding))
                .collect(),
            _ => vec![],
        }
    }

    fn cursor(&self, kind: ListKind) -> Option<usize> {
        (kind == ListKind::VisitLines).then_some(self.cursor)
    }

    fn set_cursor(&mut self, kind: ListKind, row: usize) {
        if kind == ListKind::VisitLines {
            self.cursor = row;
        }
    }

    fn focus(&mut self, kind: ListKind) -> bool {
        kind == ListKind::VisitLines
    }
}

/// What a form of the evaluations screen records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum VisitsForm {
    NewChecklist {
        body_id: i64,
    },
    EditChecklist {
        checklist_id: i64,
        version: i64,
    },
    NewVisit {
        checklist_id: i64,
    },
    /// A criterion (by its number) of a visit.
    Score {
        visit_id: i64,
        criterion: i64,
    },
    FindingTask {
        visit_id: i64,
        criterion: i64,
    },
}

/// Items typed in one field: separated by `;`, `؛`, `,`, `،` or a new line.
fn items(typed: &str) -> Vec<String> {
    typed
        .split([';', '؛', '\n', '،', ','])
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Criteria typed in one field: `NAME:WEIGHT` separated by `;`, `؛` or a new line (a
/// weight may have a decimal comma, so `,` does not separate here).
fn criteria(typed: &str) -> std::result::Result<Vec<NewCriterion>, String> {
    typed
        .split([';', '؛', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|c| parse_criterion(c).map_err(store_err))
        .collect()
}

fn scale(typed: &str) -> std::result::Result<i64, String> {
    to_latin_digits(typed.trim()).parse::<i64>().map_err(|_| {
        store_err(InvalidValue {
            what: Entity::Scale,
            value: typed.to_string(),
            expected: Expected::msg(Msg::ExpectedScale),
        })
    })
}

fn period_choices(l: crate::locale::Lang) -> Vec<(String, String)> {
    PeriodKind::ALL
        .iter()
        .map(|k| (k.code().to_string(), k.label(l).to_string()))
        .collect()
}

impl App {
    /// Opens the evaluations screen of a body (on a checklist, a unit of its board or
    /// a visit, when given).
    pub fn open_visits_screen(
        &mut self,
        body_id: i64,
        checklist: Option<i64>,
        unit: Option<&str>,
        visit: Option<i64>,
    ) -> Outcome {
        crate::ops::authz::check_visible(&self.ctx, body_id).map_err(store_err)?;
        let mut s = VisitsScreen::load(&self.ctx, body_id).map_err(store_err)?;
        if let Some(c) = checklist {
            s.select_checklist(c);
        }
        if let Some(u) = unit {
            s.select_unit(u);
        }
        if let Some(v) = visit {
            s.select_visit(v);
        }
        self.clear_filter();
        self.visits = Some(s);
        self.stack.push(Screen::Visits(body_id));
        Ok(())
    }

    /// Opens a visit's page.
    pub fn open_visit_page(&mut self, id: i64) -> Outcome {
        let page = VisitPage::load(&self.ctx, id).map_err(store_err)?;
        self.clear_filter();
        self.visit_page = Some(page);
        self.stack.push(Screen::Visit(id));
        Ok(())
    }

    /// Enter on the evaluations screen or a visit's page.
    pub(crate) fn open_in_visits(&mut self) -> Outcome {
        let l = self.lang();
        let none = move || t(l, Msg::NothingSelected).to_string();
        if let Screen::Visit(_) = self.screen() {
            return self.dispatch_visits(Action::ScoreCriterion);
        }
        let kind = self.focused_list();
        let row = self.selected_row(kind);
        let s = self.visits.as_mut().ok_or_else(none)?;
        match s.pane {
            VisitsPane::Checklists => {
                s.pane = VisitsPane::Board;
                Ok(())
            }
            VisitsPane::Board => {
                let id = row
                    .and_then(|i| s.board.get(i))
                    .and_then(|u| u.last_visit_id);
                match id {
                    Some(id) => self.open_visit_page(id),
                    // A unit never visited: a visit to it.
                    None => self.dispatch_visits(Action::NewVisit),
                }
            }
            VisitsPane::Visits => {
                let id = row
                    .and_then(|i| s.visits.get(i))
                    .map(|v| v.visit.id)
                    .ok_or_else(none)?;
                self.open_visit_page(id)
            }
        }
    }

    /// The body the evaluations on screen are of.
    fn visits_body(&self) -> Option<i64> {
        match self.screen() {
            Screen::Visits(b) => Some(b),
            Screen::Visit(_) => self.visit_page.as_ref().map(|p| p.view.visit.body_id),
            _ => None,
        }
    }

    /// The checklist of the screen: the one under the cursor, or the visit's.
    fn visits_checklist(&self) -> std::result::Result<Checklist, String> {
        let l = self.lang();
        match self.screen() {
            Screen::Visit(_) => {
                let id = self
                    .visit_page
                    .as_ref()
                    .map(|p| p.view.visit.checklist_id)
                    .ok_or_else(|| t(l, Msg::NothingSelected).to_string())?;
                crate::ops::evaluation::checklist(&self.ctx, id).map_err(store_err)
            }
            _ => self
                .visits
                .as_ref()
                .and_then(|s| s.checklist())
                .cloned()
                .ok_or_else(|| t(l, Msg::EvNoChecklist).to_string()),
        }
    }

    /// The criterion under the cursor of a visit's page.
    fn visit_line(&self) -> std::result::Result<(i64, crate::ops::evaluation::ScoreLine), String> {
        let l = self.lang();
        let p = self
            .visit_page
            .as_ref()
            .ok_or_else(|| t(l, Msg::EvOpenVisitFirst).to_string())?;
        let row = self
            .selected_row(ListKind::VisitLines)
            .and_then(|i| p.view.lines.get(i))
            .cloned()
            .ok_or_else(|| t(l, Msg::NothingSelected).to_string())?;
        Ok((p.view.visit.id, row))
    }

    /// The keys of the evaluations screens: checked for the role at the key press
    /// (saving checks again), then their form opens.
    pub(crate) fn dispatch_visits(&mut self, action: Action) -> Outcome {
        let l = self.lang();
        if action == Action::GoVisits {
            let body = self
                .selected_body()
                .map(|b| b.id)
                .ok_or_else(|| t(l, Msg::NoBodySelectedAddOne).to_string())?;
            return self.open_visits_screen(body, None, None, None);
        }
        let body = self
            .visits_body()
            .ok_or_else(|| t(l, Msg::EvOpenVisitsFirst).to_string())?;
        crate::ops::authz::check(&self.ctx, Activity::RecordEvaluations, Some(body))
            .map_err(store_err)?;
        let (title, purpose, fields) = match action {
            Action::NewChecklist => (
                t(l, Msg::EvFormNewChecklist).to_string(),
                VisitsForm::NewChecklist { body_id: body },
                vec![
                    Field::text("title", t(l, Msg::Title), ""),
                    Field::text("criteria", t(l, Msg::EvFieldCriteria), "")
                        .with_hint(t(l, Msg::EvHintCriteria)),
                    Field::text("scale", t(l, Msg::EvFieldScale), &localize_digits("5", l)),
                    Field::choice(
                        "every",
                        t(l, Msg::EvFieldEvery),
                        period_choices(l),
                        "quarter",
                    ),
                    Field::text("units", t(l, Msg::EvFieldUnits), "")
                        .with_hint(t(l, Msg::EvHintUnits)),
                ],
            ),
            Action::EditChecklist => {
                let c = self.visits_checklist()?;
                (
                    tf(l, Msg::EvFormEditChecklist, &[&c.title]),
                    VisitsForm::EditChecklist {
                        checklist_id: c.id,
                        version: c.version,
                    },
                    vec![
                        Field::text("title", t(l, Msg::Title), &c.title),
                        Field::text(
                            "scale",
                            t(l, Msg::EvFieldScale),
                            &localize_digits(&c.scale_max.to_string(), l),
                        ),
                        Field::choice(
                            "every",
                            t(l, Msg::EvFieldEvery),
                            period_choices(l),
                            c.every.code(),
                        ),
                        Field::text("add_criteria", t(l, Msg::EvFieldAddCriteria), "")
                            .with_hint(t(l, Msg::EvHintCriteria)),
                        Field::text("add_units", t(l, Msg::EvFieldAddUnits), "")
                            .with_hint(t(l, Msg::EvHintUnits)),
                        Field::text("remove_units", t(l, Msg::EvFieldRemoveUnits), "")
                            .with_hint(t(l, Msg::EvHintUnits)),
                    ],
                )
            }
            Action::NewVisit => {
                let c = self.visits_checklist()?;
                // The unit under the cursor of the board comes first, else the most
                // overdue.
                let s = self.visits.as_ref();
                let row = self.selected_row(ListKind::UnitBoard);
                let on_board = s
                    .filter(|s| s.pane == VisitsPane::Board)
                    .and_then(|s| s.board.get(row?))
                    .map(|u| u.unit.clone());
                let first = on_board
                    .or_else(|| {
                        s.and_then(|s| {
                            s.board
                                .iter()
                                .min_by_key(|u| std::cmp::Reverse(u.days_overdue.unwrap_or(-1)))
                                .map(|u| u.unit.clone())
                        })
                    })
                    .or_else(|| c.units.first().cloned())
                    .unwrap_or_default();
                let mut units: Vec<(String, String)> =
                    c.units.iter().map(|u| (u.clone(), u.clone())).collect();
                units.push((String::new(), t(l, Msg::EvOtherUnit).to_string()));
                let today = self.ctx.date(self.ctx.today);
                (
                    tf(l, Msg::EvFormNewVisit, &[&c.title]),
                    VisitsForm::NewVisit { checklist_id: c.id },
                    vec![
                        Field::choice("unit", t(l, Msg::EvHdrUnit), units, &first),
                        Field::text("other_unit", t(l, Msg::EvFieldOtherUnit), "")
                            .with_hint(t(l, Msg::EvHintOtherUnit)),
                        Field::date("on", t(l, Msg::Date), &today),
                        Field::text("visitors", t(l, Msg::EvFieldVisitors), "")
                            .with_hint(t(l, Msg::EvHintVisitors)),
                        Field::text("note", t(l, Msg::EvFieldNote), ""),
                    ],
                )
            }
            Action::ScoreCriterion => {
                let (visit_id, line) = self.visit_line()?;
                let score = line
                    .score
                    .map(|s| localize_digits(&crate::app::screens::format_number(s), l))
                    .unwrap_or_default();
                let scale = self
                    .visit_page
                    .as_ref()
                    .map(|p| p.view.scale_max)
                    .unwrap_or_default();
                (
                    tf(l, Msg::EvFormScore, &[&line.criterion.name]),
                    VisitsForm::Score {
                        visit_id,
                        criterion: line.criterion.position,
                    },
                    vec![
                        Field::text("score", t(l, Msg::EvHdrScore), &score).with_hint(&tf(
                            l,
                            Msg::EvHintScore,
                            &[&localize_digits(&scale.to_string(), l)],
                        )),
                        Field::text("finding", t(l, Msg::EvHdrFinding), &line.finding),
                    ],
                )
            }
            _ => {
                let (visit_id, line) = self.visit_line()?;
                crate::ops::authz::check(&self.ctx, Activity::ManageTasks, Some(body))
                    .map_err(store_err)?;
                if line.finding.trim().is_empty() {
                    return Err(tf(
                        l,
                        Msg::RefusedNoFinding,
                        &[
                            &localize_digits(&line.criterion.position.to_string(), l),
                            &localize_digits(&visit_id.to_string(), l),
                        ],
                    ));
                }
                let mut people = vec![(String::new(), t(l, Msg::EvUnitVisited).to_string())];
                people.extend(
                    self.ctx
                        .store
                        .members(body)
                        .map_err(store_err)?
                        .into_iter()
                        .map(|m| (m.person.id.to_string(), m.person.name.get(l).to_string())),
                );
                (
                    tf(l, Msg::EvFormFindingTask, &[&line.finding]),
                    VisitsForm::FindingTask {
                        visit_id,
                        criterion: line.criterion.position,
                    },
                    vec![
                        Field::choice("assignee", t(l, Msg::Assignee), people, ""),
                        Field::date("due", t(l, Msg::Due), ""),
                    ],
                )
            }
        };
        self.modal = Some(Modal::Form(Form::new(
            &title,
            FormPurpose::Visits(purpose),
            fields,
        )));
        Ok(())
    }

    /// A visitor typed by name: the one member of the body whose name holds it, else
    /// the person of that id, login or whole name.
    fn visitor(&self, body: i64, typed: &str) -> std::result::Result<i64, String> {
        use crate::locale::normalize::normalize_for_search;
        let key = normalize_for_search(typed);
        let members = self.ctx.store.members(body).map_err(store_err)?;
        let hits: Vec<i64> = members
            .iter()
            .filter(|m| {
                [m.person.name.fa.as_deref(), m.person.name.en.as_deref()]
                    .into_iter()
                    .flatten()
                    .any(|n| normalize_for_search(n).contains(&key))
            })
            .map(|m| m.person.id)
            .collect();
        match hits.as_slice() {
            [one] => Ok(*one),
            _ => self
                .ctx
                .store
                .find_person(typed)
                .map(|p| p.id)
                .map_err(store_err),
        }
    }

    /// Saves a form of the evaluations screens through its use case.
    pub(crate) fn save_visits_form(
        &mut self,
        form: &mut Form,
        f: VisitsForm,
    ) -> std::result::Result<String, String> {
        let l = self.lang();
        let n = |x: i64| localize_digits(&x.to_string(), l);
        match f {
            VisitsForm::NewChecklist { body_id } => {
                let every = PeriodKind::parse(form.get("every")).map_err(store_err)?;
                let c = crate::ops::evaluation::add_checklist(
                    &mut self.ctx,
                    &NewChecklist {
                        body_id,
                        title: form.get("title").to_string(),
                        scale_max: scale(form.get("scale"))?,
                        every,
                        criteria: criteria(form.get("criteria"))?,
                        units: items(form.get("units")),
                    },
                )
                .map_err(store_err)?;
                let id = c.id;
                self.reload();
                if let Some(s) = &mut self.visits {
                    s.select_checklist(id);
                }
                Ok(tf(l, Msg::EvChecklistAdded, &[&n(id), &c.title]))
            }
            VisitsForm::EditChecklist {
                checklist_id,
                version,
            } => {
                let every = PeriodKind::parse(form.get("every")).map_err(store_err)?;
                let c = crate::ops::evaluation::edit_checklist(
                    &mut self.ctx,
                    checklist_id,
                    &ChecklistEdit {
                        title: Some(form.get("title").to_string()),
                        scale_max: Some(scale(form.get("scale"))?),
                        every: Some(every),
                        add_criteria: criteria(form.get("add_criteria"))?,
                        add_units: items(form.get("add_units")),
                        remove_units: items(form.get("remove_units")),
                        expected_version: Some(version),
                        ..Default::default()
                    },
                )
                .map_err(store_err)?;
                Ok(tf(l, Msg::EvChecklistSaved, &[&n(c.id), &c.title]))
            }
            VisitsForm::NewVisit { checklist_id } => {
                let unit = form
                    .opt("other_unit")
                    .or_else(|| form.opt("unit"))
                    .ok_or_else(|| t(l, Msg::EvUnitNeeded).to_string())?;
                let on = self.parse_date_field(form, "on")?.unwrap_or(self.ctx.today);
                let body = crate::ops::evaluation::checklist(&self.ctx, checklist_id)
                    .map_err(store_err)?
                    .body_id;
                let mut visitors = Vec::new();
                for name in items(form.get("visitors")) {
                    visitors.push(self.visitor(body, &name)?);
                }
                let v = crate::ops::evaluation::add_visit(
                    &mut self.ctx,
                    &NewVisit {
                        checklist_id,
                        unit,
                        visited_on: on,
                        visitors,
                        note: form.get("note").trim().to_string(),
                    },
                )
                .map_err(store_err)?;
                let id = v.visit.id;
                self.reload();
                // The new visit's page, to score it.
                self.open_visit_page(id)?;
                Ok(tf(
                    l,
                    Msg::EvVisitAdded,
                    &[&n(id), &v.visit.unit, &self.ctx.date(v.visit.visited_on)],
                ))
            }
            VisitsForm::Score {
                visit_id,
                criterion,
            } => {
                let finding = form.get("finding").trim().to_string();
                let v = crate::ops::evaluation::score(
                    &mut self.ctx,
                    visit_id,
                    &criterion.to_string(),
                    form.get("score"),
                    Some(&finding),
                )
                .map_err(store_err)?;
                // The cursor moves on to the next criterion.
                if let Some(p) = &mut self.visit_page {
                    if p.cursor + 1 < v.lines.len() {
                        p.cursor += 1;
                    }
                }
                let pct = v
                    .score
                    .map(|s| localize_digits(&format!("{:.0}%", s.percent), l))
                    .unwrap_or_default();
                Ok(tf(l, Msg::EvScoreSaved, &[&n(criterion), &pct]))
            }
            VisitsForm::FindingTask {
                visit_id,
                criterion,
            } => {
                let assignee_id = form.opt("assignee").and_then(|a| a.parse::<i64>().ok());
                let due = self.parse_date_field(form, "due")?;
                let task = crate::ops::evaluation::finding_task(
                    &mut self.ctx,
                    visit_id,
                    &criterion.to_string(),
                    &FindingTask {
                        assignee_id,
                        due,
                        ..Default::default()
                    },
                )
                .map_err(store_err)?;
                Ok(tf(l, Msg::EvTaskMade, &[&n(task.id), &task.title]))
            }
        }
    }
}
