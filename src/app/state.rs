//! The interactive program's state and its update step. Views read this state; keys
//! become [`Action`]s; actions change the state and the store. Nothing here touches the
//! terminal, so the whole workflow is testable without one. Data is cached here and
//! reloaded only when it changed (our write, or another process's: `data_version`).

use crate::locale::strings::{t, tf, Msg};
use chrono::NaiveDate;

use super::component::Component;
use super::form::{Editor, Field, Form, FormConflict, FormPurpose};
use super::keymap::{default_bindings, lookup_any_layout, Action, Binding, ListingCache, Scope};
use crate::locale::Lang;
use crate::model::roles::Activity;
use crate::model::rules::{MeetingRule, QuorumRule};
use crate::model::*;
use crate::ops::Context;
use crate::store::read::TaskRow;
use crate::store::write::*;
use crate::store::StoreError;

/// The screens, kept as a stack: Esc goes back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Bodies,
    Session(i64),
    Dashboard,
    /// The task or resolution browser (its state is `App::browser`).
    Browse,
    Resolution(i64),
    Mine,
    /// A body's plan: goals, policies, indicators (its state is `App::plans`).
    Plans(i64),
    /// A body's evaluations: its checklists, scoreboard and visits.
    Visits(i64),
    /// One field visit (its state is `App::visit_page`).
    Visit(i64),
}

pub use super::home::BodiesPane;
pub use super::session_screen::{ReviewRow, SessionPane, SessionView, REVIEW_ROWS};

/// The lists a cursor moves in and `/` filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    Bodies,
    Sessions,
    Members,
    Agenda,
    RollCall,
    Review,
    /// The dashboard's figures, and the list behind the one in focus.
    Figures,
    Detail,
    /// A browser's rows (filtered in the database, not in memory).
    Browse,
    /// A resolution page's tasks, and its history.
    PageTasks,
    PageHistory,
    /// The member's view.
    MyTasks,
    MyUpcoming,
    MyAttended,
    /// The session screen's motions.
    Motions,
    /// The plan screen's tree (goals, policies, indicators), and the measurements of
    /// the indicator under its cursor.
    PlanTree,
    PlanMeasurements,
    /// The evaluations screen: checklists, the scoreboard of units, the visits.
    Checklists,
    UnitBoard,
    Visits,
    /// A visit's criteria.
    VisitLines,
}

/// A popup over the screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Modal {
    Form(Form),
    Editor(Editor),
    Help {
        scroll: usize,
    },
    Palette {
        query: String,
        selected: usize,
    },
    /// A message to acknowledge.
    Notice(String),
    /// A question answered with y (runs the action) or any other key (does nothing).
    Confirm {
        text: String,
        action: Action,
    },
}

/// The first row a list of `len` rows shows in a box `height` cells high (border,
/// header and border take three), scrolled just enough to show the selected row. The
/// one rule for the view that draws the list and the click that picks a row from it.
pub fn first_shown(selected: usize, len: usize, height: u16) -> usize {
    let visible = height.saturating_sub(3).max(1) as usize;
    selected
        .min(len.saturating_sub(1))
        .saturating_sub(visible - 1)
}

/// The row a click on the `on_screen`-th row shown picks, in a list of `len` rows
/// whose cursor is on `selected`, drawn in a box `height` cells high.
pub fn clicked_row(selected: usize, len: usize, height: u16, on_screen: usize) -> usize {
    (first_shown(selected, len, height) + on_screen).min(len.saturating_sub(1))
}

/// A selectable list's position.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub selected: usize,
}

impl Cursor {
    pub fn apply(&mut self, action: Action, len: usize, page: usize) {
        if len == 0 {
            self.selected = 0;
            return;
        }
        let last = len - 1;
        self.selected = match action {
            Action::Up => self.selected.saturating_sub(1),
            Action::Down => (self.selected + 1).min(last),
            Action::PageUp => self.selected.saturating_sub(page.max(1)),
            Action::PageDown => (self.selected + page.max(1)).min(last),
            Action::Top => 0,
            Action::Bottom => last,
            _ => self.selected.min(last),
        };
    }
    pub fn clamp(&mut self, len: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
    }
}

/// Status line message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

pub struct App {
    pub ctx: Context,
    pub bindings: Vec<Binding>,
    pub stack: Vec<Screen>,
    pub modal: Option<Modal>,
    pub status: Option<Status>,
    pub quit: bool,
    /// Rows changed through this connection when the screens were last reloaded.
    pub own_changes: u64,
    /// The terminal is to be cleared and drawn whole at the next frame (a screen garbled
    /// by another program's output, or a terminal that missed a scroll).
    pub repaint: bool,
    /// Rows a page moves (set by the view from the screen height).
    pub page: usize,
    /// The home screen (bodies, their sessions and members).
    pub home: super::home::Home,
    /// The text filtering the list in view (`/`), and whether it is being typed.
    pub filter: String,
    pub filtering: bool,
    /// Minutes typed and closed without saving, by agenda item: (text, version).
    pub minutes_drafts: std::collections::BTreeMap<i64, (String, i64)>,
    /// Set once a confirmed action runs, so it does not ask again.
    pub(crate) confirmed: bool,
    /// The open vote the member at the keyboard is asked for (see `app::ballot`).
    pub ballot: Option<super::ballot::BallotPrompt>,
    pub session: Option<SessionView>,
    pub dashboard: Option<super::dashboard_screen::DashboardScreen>,
    pub browser: Option<super::browse::Browser>,
    pub resolution_page: Option<super::pages::ResolutionPage>,
    pub mine: Option<super::pages::MyView>,
    pub plans: Option<super::plans_screen::PlansScreen>,
    pub visits: Option<super::visits_screen::VisitsScreen>,
    pub visit_page: Option<super::visits_screen::VisitPage>,
    data_version: i64,
    /// The help lines and palette matches last built (see [`ListingCache`]).
    pub listings: ListingCache,
    /// The record a confirmed correction is for (see `app::corrections`).
    pub(crate) correction_target: Option<i64>,
}

/// What a failed action reports.
pub(crate) type Outcome = Result<(), String>;

thread_local! {
    /// The language of the interface on this thread (set by [`App::new`]), for errors
    /// turned into text where only the error is at hand (`map_err(store_err)`).
    static UI_LANG: std::cell::Cell<Lang> = const { std::cell::Cell::new(Lang::En) };
}

/// An error (store, typed value, date) as the status line shows it: in the user's
/// language, from the catalogue.
/// Standing items typed in one field: separated by `;`, `؛` or a new line.
fn standing_items(typed: &str) -> Vec<String> {
    typed
        .split([';', '؛', '\n'])
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

pub(crate) fn store_err<E: crate::locale::Localized>(e: E) -> String {
    UI_LANG.with(|l| e.message(l.get()))
}

impl App {
    /// The terminal is `height` rows high: a page moves the rows a list shows (the
    /// screen less the title bar, the status line, and a list's borders and header).
    pub fn resize(&mut self, height: u16) {
        self.page = height.saturating_sub(2 + 4).max(1) as usize;
    }

    pub fn new(ctx: Context) -> App {
        UI_LANG.with(|l| l.set(ctx.prefs.lang));
        let mut app = App {
            ctx,
            bindings: default_bindings(),
            stack: vec![Screen::Bodies],
            modal: None,
            status: None,
            quit: false,
            repaint: false,
            own_changes: 0,
            page: 10,
            home: Default::default(),
            filter: String::new(),
            filtering: false,
            minutes_drafts: Default::default(),
            confirmed: false,
            ballot: None,
            session: None,
            dashboard: None,
            browser: None,
            resolution_page: None,
            mine: None,
            plans: None,
            visits: None,
            visit_page: None,
            data_version: 0,
            listings: ListingCache::default(),
            correction_target: None,
        };
        app.reload();
        app
    }

    pub fn lang(&self) -> Lang {
        self.ctx.prefs.lang
    }

    pub fn screen(&self) -> Screen {
        self.stack.last().copied().unwrap_or(Screen::Bodies)
    }

    /// The scopes whose keys apply now, most specific first.
    pub fn scopes(&self) -> Vec<Scope> {
        match self.screen() {
            Screen::Bodies => vec![Scope::Bodies, Scope::List, Scope::Global],
            Screen::Session(_) => {
                let roll = self
                    .session
                    .as_ref()
                    .map(|s| s.pane == SessionPane::RollCall)
                    .unwrap_or(false);
                if roll {
                    vec![Scope::RollCall, Scope::Session, Scope::List, Scope::Global]
                } else {
                    vec![Scope::Session, Scope::List, Scope::Global]
                }
            }
            Screen::Dashboard => vec![Scope::Dashboard, Scope::List, Scope::Global],
            Screen::Browse => vec![Scope::Browser, Scope::List, Scope::Global],
            Screen::Resolution(_) => vec![Scope::Resolution, Scope::List, Scope::Global],
            Screen::Mine => vec![Scope::Mine, Scope::List, Scope::Global],
            Screen::Plans(_) => vec![Scope::Plans, Scope::List, Scope::Global],
            Screen::Visits(_) => vec![Scope::Visits, Scope::List, Scope::Global],
            Screen::Visit(_) => vec![Scope::VisitPage, Scope::List, Scope::Global],
        }
    }

    /// The scopes whose keys apply now, most specific first: the popup's or the
    /// filter's if one is open, else the screen's; and the keys that work always.
    pub fn active_scopes(&self) -> Vec<Scope> {
        let mut scopes = match &self.modal {
            Some(Modal::Form(_)) => vec![Scope::Form],
            Some(Modal::Editor(_)) => vec![Scope::Editor],
            Some(Modal::Palette { .. }) => vec![Scope::PaletteQuery],
            Some(Modal::Help { .. }) => vec![Scope::HelpScreen],
            Some(Modal::Confirm { .. }) => vec![Scope::Confirm],
            // Any key acknowledges a notice.
            Some(Modal::Notice(_)) => vec![],
            None if self.ballot_showing() => vec![Scope::Ballot],
            None if self.filtering => vec![Scope::Filtering],
            None => self.scopes(),
        };
        scopes.push(Scope::Always);
        scopes
    }

    /// Whether printable keys are text now (a form, the editor, the palette's query,
    /// the filter), not commands.
    pub fn typing(&self) -> bool {
        self.active_scopes().first().is_some_and(|s| s.takes_text())
    }

    /// The action of a key where the user is now. A key of the Persian keyboard acts
    /// as the Latin key at its place (`ض` as `q`); printable keys in a text field are
    /// text and never come here.
    pub fn action_for_key(&self, key: &str) -> Option<Action> {
        lookup_any_layout(&self.bindings, &self.active_scopes(), key)
    }

    /// Whether the panes are laid out right to left (as the views mirror them in a
    /// Persian interface): then the pane on the left is the next one.
    pub fn right_to_left(&self) -> bool {
        self.lang() == Lang::Fa
    }

    pub(crate) fn say(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    pub(crate) fn fail(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }

    /// Checks whether another process changed the database; reloads if so.
    /// Returns true when the screen needs drawing again.
    pub fn poll_changes(&mut self) -> bool {
        match self.ctx.store.data_version() {
            Ok(v) if v != self.data_version => {
                self.reload();
                true
            }
            _ => false,
        }
    }

    /// Reloads the cached data of the screens on the stack.
    pub fn reload(&mut self) {
        // Memberships may have changed: what is hidden follows them.
        self.ctx.refresh_visibility();
        if let Err(e) = self.try_reload() {
            self.fail(e);
        }
        self.refresh_ballot();
        self.refresh_form_note();
        if let Ok(v) = self.ctx.store.data_version() {
            self.data_version = v;
        }
        self.own_changes = self.ctx.store.own_changes();
    }

    /// Whether anything was written since the last reload: by another process
    /// (`data_version`) or through this connection (its count of changed rows, which
    /// `data_version` does not see).
    pub fn changed_since_reload(&self) -> bool {
        self.ctx.store.own_changes() != self.own_changes
            || self
                .ctx
                .store
                .data_version()
                .map_or(true, |v| v != self.data_version)
    }

    fn try_reload(&mut self) -> Outcome {
        let filter = self.list_filter(ListKind::Bodies).to_string();
        self.home.reload(&self.ctx, &filter).map_err(store_err)?;
        if let Screen::Session(id) = self.screen() {
            self.load_session(id)?;
        }
        self.reload_screens()?;
        Ok(())
    }

    /// The list the cursor is in.
    pub fn focused_list(&self) -> ListKind {
        let focused = |c: Option<&dyn Component>, none: ListKind| c.map_or(none, |c| c.focused());
        match self.screen() {
            Screen::Bodies => self.home.focused(),
            Screen::Session(_) => focused(self.session.as_ref().map(|c| c as _), ListKind::Agenda),
            Screen::Dashboard => {
                focused(self.dashboard.as_ref().map(|c| c as _), ListKind::Figures)
            }
            Screen::Browse => ListKind::Browse,
            Screen::Resolution(_) => focused(
                self.resolution_page.as_ref().map(|c| c as _),
                ListKind::PageTasks,
            ),
            Screen::Mine => focused(self.mine.as_ref().map(|c| c as _), ListKind::MyTasks),
            Screen::Plans(_) => focused(self.plans.as_ref().map(|c| c as _), ListKind::PlanTree),
            Screen::Visits(_) => {
                focused(self.visits.as_ref().map(|c| c as _), ListKind::Checklists)
            }
            Screen::Visit(_) => ListKind::VisitLines,
        }
    }

    /// The screens' states, each answering for its own lists (see [`Component`]). A new
    /// screen's state is one line here.
    fn components(&self) -> [Option<&dyn Component>; 9] {
        [
            Some(&self.home),
            self.session.as_ref().map(|c| c as _),
            self.dashboard.as_ref().map(|c| c as _),
            self.browser.as_ref().map(|c| c as _),
            self.resolution_page.as_ref().map(|c| c as _),
            self.mine.as_ref().map(|c| c as _),
            self.plans.as_ref().map(|c| c as _),
            self.visits.as_ref().map(|c| c as _),
            self.visit_page.as_ref().map(|c| c as _),
        ]
    }

    /// The state of the screen that holds a list.
    fn component(&self, kind: ListKind) -> Option<&dyn Component> {
        self.components()
            .into_iter()
            .flatten()
            .find(|c| c.lists().contains(&kind))
    }

    /// Runs `f` on the state of the screen that holds a list (none when that screen is
    /// not on the stack).
    fn with_component<R>(
        &mut self,
        kind: ListKind,
        f: impl FnOnce(&mut dyn Component, &Context) -> R,
    ) -> Option<R> {
        let App {
            ctx,
            home,
            session,
            dashboard,
            browser,
            resolution_page,
            mine,
            plans,
            visits,
            visit_page,
            ..
        } = self;
        let all: [Option<&mut dyn Component>; 9] = [
            Some(home),
            session.as_mut().map(|c| c as _),
            dashboard.as_mut().map(|c| c as _),
            browser.as_mut().map(|c| c as _),
            resolution_page.as_mut().map(|c| c as _),
            mine.as_mut().map(|c| c as _),
            plans.as_mut().map(|c| c as _),
            visits.as_mut().map(|c| c as _),
            visit_page.as_mut().map(|c| c as _),
        ];
        let c = all
            .into_iter()
            .flatten()
            .find(|c| c.lists().contains(&kind))?;
        Some(f(c, ctx))
    }

    /// Indices of the rows of a list that are shown: all of them, or those matching the
    /// filter when it is the focused list.
    pub fn visible_rows(&self, kind: ListKind) -> Vec<usize> {
        self.component(kind)
            .map(|c| c.visible_rows(kind, self.list_filter(kind), &self.ctx))
            .unwrap_or_default()
    }

    /// How many rows a list holds (before any `/` filter).
    pub fn row_count(&self, kind: ListKind) -> usize {
        self.component(kind).map_or(0, |c| c.len(kind))
    }

    /// After the `/` filter changed: the cursor to the first match, and what depends on
    /// the filter read again (a browser's matches, the selected body's panes). Nothing
    /// else is reread: this runs on every key typed into the filter.
    pub fn filter_changed(&mut self) {
        self.reset_cursor();
        let result = match self.screen() {
            Screen::Browse => {
                let today = self.ctx.today;
                match &mut self.browser {
                    Some(b) => b.load(&self.ctx.store, today).map_err(store_err),
                    None => Ok(()),
                }
            }
            Screen::Bodies => self.load_body_panes(),
            Screen::Visits(_) => {
                let filter = self.list_filter(ListKind::Checklists).to_string();
                if let Some(v) = &mut self.visits {
                    v.sync_checklist(&self.ctx, &filter);
                }
                Ok(())
            }
            _ => Ok(()),
        };
        if let Err(e) = result {
            self.fail(e);
        }
    }

    /// The row under the cursor of a list, as an index into the list's data.
    pub fn selected_row(&self, kind: ListKind) -> Option<usize> {
        self.component(kind)?
            .selected_row(kind, self.list_filter(kind), &self.ctx)
    }

    /// Runs an action the user confirmed (approving minutes, cancelling a session).
    pub fn confirm(&mut self, action: Action) {
        self.confirmed = true;
        self.update(action);
        self.confirmed = false;
    }

    /// Closes the minutes editor without saving: the text is kept as a draft for the
    /// item (offered when it is opened again, and saved to disk on quit).
    pub fn close_editor(&mut self) {
        if let Some(Modal::Editor(ed)) = self.modal.take() {
            let stored = self
                .session
                .as_ref()
                .and_then(|v| v.record.agenda.iter().find(|a| a.item.id == ed.item_id))
                .and_then(|a| a.item.minutes.clone())
                .unwrap_or_default();
            let text = ed.text();
            if text != stored {
                self.minutes_drafts.insert(ed.item_id, (text, ed.version));
                self.say(t(self.lang(), Msg::UnsavedMinutesKept));
            } else {
                self.minutes_drafts.remove(&ed.item_id);
            }
        }
    }

    /// Ends filtering; the row that was selected stays selected in the whole list.
    pub fn clear_filter(&mut self) {
        self.filtering = false;
        if self.filter.is_empty() {
            return;
        }
        let kind = self.focused_list();
        let row = self.selected_row(kind);
        self.filter.clear();
        if let Some(row) = row {
            if kind == ListKind::Browse {
                self.set_browser_text();
            } else {
                self.with_component(kind, |c, _| c.set_cursor(kind, row));
            }
        }
    }

    /// Puts the focused list's cursor on its first row (after the filter changed).
    pub fn reset_cursor(&mut self) {
        let kind = self.focused_list();
        if kind == ListKind::Browse {
            self.set_browser_text();
        } else {
            self.with_component(kind, |c, _| c.set_cursor(kind, 0));
        }
    }

    /// Indices into `bodies` that are shown.
    pub fn visible_bodies(&self) -> Vec<usize> {
        self.visible_rows(ListKind::Bodies)
    }

    pub fn selected_body(&self) -> Option<&Body> {
        self.selected_row(ListKind::Bodies)
            .and_then(|i| self.home.bodies.get(i))
    }

    pub(crate) fn load_body_panes(&mut self) -> Outcome {
        let filter = self.list_filter(ListKind::Bodies).to_string();
        self.home.load_panes(&self.ctx, &filter).map_err(store_err)
    }

    /// The `/` filter as it applies to a list: to the focused one only, and never to a
    /// browser's rows (its text filter runs in the database).
    fn list_filter(&self, kind: ListKind) -> &str {
        if kind == self.focused_list() && kind != ListKind::Browse {
            &self.filter
        } else {
            ""
        }
    }

    pub(crate) fn load_session(&mut self, id: i64) -> Outcome {
        let fresh = SessionView::load(&self.ctx.store, id, self.lang()).map_err(store_err)?;
        // The motions the record already read: the session's own and each item's.
        let views = fresh
            .record
            .motions
            .iter()
            .chain(fresh.record.agenda.iter().flat_map(|a| a.motions.iter()))
            .cloned()
            .collect();
        let motions = super::motions_pane::MotionsPane::from_views(&self.ctx.store, views, id)
            .map_err(store_err)?;
        match &mut self.session {
            Some(v) if v.record.session.id == id => {
                v.refresh(fresh);
                let item = v.item_id();
                v.motions.refresh(motions, item);
            }
            _ => {
                let mut v = fresh;
                v.motions = motions;
                self.session = Some(v);
            }
        }
        Ok(())
    }

    /// Runs one action.
    pub fn update(&mut self, action: Action) {
        self.status = None;
        let result = self.dispatch(action);
        if let Err(e) = result {
            self.fail(e);
        }
    }

    fn dispatch(&mut self, action: Action) -> Outcome {
        use Action::*;
        let body_on_screen = match &self.session {
            Some(v) => Some(v.record.body.id),
            None => self.selected_body().map(|b| b.id),
        };
        crate::app::authz::check_key(&self.ctx, action, body_on_screen).map_err(store_err)?;
        match action {
            Quit => {
                self.quit = true;
                Ok(())
            }
            Help => {
                self.modal = Some(Modal::Help { scroll: 0 });
                Ok(())
            }
            Palette => {
                self.modal = Some(Modal::Palette {
                    query: String::new(),
                    selected: 0,
                });
                Ok(())
            }
            Back => {
                if !self.filter.is_empty() {
                    self.clear_filter();
                    self.reload();
                } else if self.stack.len() > 1 {
                    self.stack.pop();
                    self.drop_unused_states();
                    // What is under was loaded when it was shown; it is read again only
                    // if the database changed since (the whole dashboard at scale 1 is
                    // 60 ms, at scale 3 200 ms: too much for every Esc).
                    if self.changed_since_reload() {
                        self.reload();
                    }
                }
                Ok(())
            }
            Refresh => {
                self.repaint = true;
                self.reload();
                self.say(t(self.lang(), Msg::Reloaded));
                Ok(())
            }
            Filter => {
                self.filtering = true;
                Ok(())
            }
            Up | Down | PageUp | PageDown | Top | Bottom => {
                self.move_cursor(action);
                Ok(())
            }
            NextPane | PrevPane => {
                self.switch_pane(action == NextPane);
                Ok(())
            }
            PaneLeft | PaneRight => {
                // On screen: in a mirrored layout the next pane is on the left.
                self.switch_pane((action == PaneRight) != self.right_to_left());
                Ok(())
            }
            // The keys of popups, of the filter and of the terminal are handled where
            // those are (`tui`); on a screen they do nothing.
            Suspend | Interrupt | NextField | PrevField | CursorLeft | CursorRight | LineStart
            | LineEnd | DeleteBack | DeleteForward | SaveForm | CloseForm | TakeTheirs
            | Unanimous | MergeInEditor | SaveMinutes | CloseEditor | ContinueInEditor
            | Newline | Indent | RunCommand | ConfirmYes | ConfirmNo | FilterDone | ClearFilter
            | VoteFor | VoteAgainst | VoteAbstain | VoteNotVoting | HideBallot => Ok(()),
            ShowBallot => {
                match &mut self.ballot {
                    Some(b) => b.hidden = false,
                    None => self.say(t(self.lang(), Msg::MeetNoVoteForYou)),
                }
                Ok(())
            }
            MoveMotion | AmendMotion | SecondMotion | WithdrawMotion | LapseMotion
            | AcceptAmendment | TakeVote | OpenVote | CloseVote | CastFor | DeclareInterest
            | ToggleConsent | MoveConsent => self.dispatch_meeting(action),
            EditBody | EditMember | EndMember | EditPerson | EditGuest | RemoveGuest
            | EditResolution | EditTask | RemoveItem => self.dispatch_correction(action),
            SendResolution | AcknowledgeSending | ObjectResolution | AnswerObjection
            | RuleOnResolution => self.dispatch_legal(action),
            GoPlans | NewGoal | NewPolicy | NewIndicator | EditPlanRow | RecordMeasurement => {
                self.dispatch_plans(action)
            }
            GoVisits | NewChecklist | EditChecklist | NewVisit | ScoreCriterion | FindingToTask => {
                self.dispatch_visits(action)
            }
            Open => self.open(),
            GoDashboard | GoBodies | GoTasks | GoResolutions | GoMine | BodyDashboard
            | CycleScope | BrowseAll | EditFilter | CycleOrder | ToggleOverdue | ToggleChildren => {
                self.dispatch_screens(action)
            }
            NewBody => {
                self.modal = Some(Modal::Form(self.body_form()));
                Ok(())
            }
            AddMember => {
                let body = self
                    .selected_body()
                    .cloned()
                    .ok_or_else(|| self.no_body())?;
                self.modal = Some(Modal::Form(self.member_form(&body)));
                Ok(())
            }
            NewSession => {
                let body = self
                    .selected_body()
                    .cloned()
                    .ok_or_else(|| self.no_body())?;
                self.modal = Some(Modal::Form(self.session_form(&body)));
                Ok(())
            }
            OpenSession => self.set_session_status(SessionStatus::Open),
            CloseSession => self.close_session(),
            Recess | Resume => {
                let id = self.current_session_id()?;
                let e = if action == Recess {
                    crate::ops::clock::recess(&mut self.ctx, id, None)
                } else {
                    crate::ops::clock::resume(&mut self.ctx, id, None)
                }
                .map_err(store_err)?;
                self.reload();
                let l = self.lang();
                self.say(format!(
                    "{} {}",
                    e.kind.label(l),
                    crate::locale::digits::localize_digits(&e.at, l)
                ));
                Ok(())
            }
            ApproveMinutes | CancelSession if !self.confirmed => {
                let number = self
                    .session
                    .as_ref()
                    .map(|v| v.record.session.number_text(self.lang()))
                    .ok_or_else(|| self.no_session())?;
                let msg = if action == ApproveMinutes {
                    Msg::ConfirmApprove
                } else {
                    Msg::ConfirmCancel
                };
                self.modal = Some(Modal::Confirm {
                    text: tf(self.lang(), msg, &[&number]),
                    action,
                });
                Ok(())
            }
            ApproveMinutes => self.set_session_status(SessionStatus::Approved),
            SignMinutes if !self.confirmed => {
                let number = self
                    .session
                    .as_ref()
                    .map(|v| v.record.session.number_text(self.lang()))
                    .ok_or_else(|| self.no_session())?;
                let me = self
                    .ctx
                    .store
                    .person_by_login(&self.ctx.store.actor.login)
                    .map_err(store_err)?
                    .map(|p| p.name.get(self.lang()).to_string())
                    .unwrap_or_else(|| self.ctx.store.actor.login.clone());
                self.modal = Some(Modal::Confirm {
                    text: tf(self.lang(), Msg::ConfirmSign, &[&number, &me]),
                    action,
                });
                Ok(())
            }
            SignMinutes => {
                let id = self.current_session_id()?;
                let sig = crate::ops::signatures::sign(&mut self.ctx, id).map_err(store_err)?;
                self.reload();
                let name = sig.person.get(self.lang()).to_string();
                self.say(tf(self.lang(), Msg::TuiSigned, &[&name]));
                Ok(())
            }
            CorrectMinutes => self.correct_minutes_form(),
            CancelSession => self.set_session_status(SessionStatus::Cancelled),
            AddItem => {
                let s = self.current_session_id()?;
                self.modal = Some(Modal::Form(self.item_form(s, None)));
                Ok(())
            }
            EditItem => {
                let item = self.current_item()?;
                let s = self.current_session_id()?;
                self.modal = Some(Modal::Form(self.item_form(s, Some(&item))));
                Ok(())
            }
            MoveItemUp | MoveItemDown => {
                let item = self.current_item()?;
                let delta = if action == MoveItemUp { -1 } else { 1 };
                let moved = crate::ops::agenda::move_item(&mut self.ctx, item.id, delta)
                    .map_err(store_err)?;
                self.reload();
                self.select_item(item.id);
                if !moved {
                    self.say(tf(self.lang(), Msg::AgendaCannotStep, &[&item.title]));
                }
                Ok(())
            }
            MoveItemTo => {
                let item = self.current_item()?;
                let l = self.lang();
                let number = self
                    .session
                    .as_ref()
                    .and_then(|v| {
                        let items: Vec<AgendaItem> =
                            v.record.agenda.iter().map(|a| a.item.clone()).collect();
                        crate::ops::agenda::item_label(&items, item.id)
                    })
                    .unwrap_or_default();
                self.modal = Some(Modal::Form(Form::new(
                    &format!(
                        "{} — {} {}",
                        t(l, Msg::AgendaMoveTo),
                        crate::locale::digits::localize_digits(&number, l),
                        item.title
                    ),
                    FormPurpose::MoveItem { item_id: item.id },
                    vec![Field::text("to", t(l, Msg::Number), "")
                        .with_hint(t(l, Msg::AgendaMoveToHint))],
                )));
                Ok(())
            }
            DeferItem | WithdrawItem => {
                let item = self.current_item()?;
                let status = if action == DeferItem {
                    AgendaStatus::Deferred
                } else {
                    AgendaStatus::Withdrawn
                };
                crate::ops::agenda::set_item_status(&mut self.ctx, item.id, status)
                    .map_err(store_err)?;
                self.reload();
                self.say(format!("{} — {}", item.title, status.label(self.lang())));
                Ok(())
            }
            WriteMinutes => {
                let item = self.current_item()?;
                // Unsaved text typed earlier comes back, with the version it started from.
                let (text, version) = match self.minutes_drafts.get(&item.id) {
                    Some((t, v)) => (t.clone(), *v),
                    None => (item.minutes.clone().unwrap_or_default(), item.version),
                };
                self.modal = Some(Modal::Editor(Editor::new(
                    &item.title,
                    item.id,
                    version,
                    &text,
                )));
                Ok(())
            }
            ExternalEditor => {
                // The TUI runs the editor (it owns the terminal); here we only open the
                // inline editor so its text is what the external editor starts from.
                self.dispatch(WriteMinutes)
            }
            AddResolution => {
                let s = self.current_session_id()?;
                let item = self.current_item().ok();
                self.modal = Some(Modal::Form(self.resolution_form(s, item.map(|i| i.id))));
                Ok(())
            }
            AddTask => {
                let s = self.current_session_id()?;
                let item = self.current_item().ok();
                let resolution = self
                    .selected_row(ListKind::Agenda)
                    .and_then(|i| self.session.as_ref()?.record.agenda.get(i))
                    .and_then(|a| a.resolutions.last())
                    .map(|r| r.id);
                self.modal = Some(Modal::Form(self.task_form(
                    s,
                    resolution,
                    item.map(|i| i.id),
                )));
                Ok(())
            }
            ReviewTask if !matches!(self.screen(), Screen::Session(_)) => {
                self.review_selected_task()
            }
            ReviewTask => {
                let v = self.session.as_ref().ok_or_else(|| self.no_session())?;
                let row = self
                    .selected_row(ListKind::Review)
                    .and_then(|i| v.review.get(i))
                    .cloned()
                    .ok_or_else(|| t(self.lang(), Msg::NoOpenTaskSelected).to_string())?;
                let sid = v.record.session.id;
                let form = match &row {
                    ReviewRow::Task(task) => {
                        crate::ops::authz::check_task_progress(&self.ctx, &task.task)
                            .map_err(store_err)?;
                        self.review_form(Some(sid), task)
                    }
                    ReviewRow::Resolution(r) => {
                        crate::ops::authz::check(
                            &self.ctx,
                            Activity::RecordResolutions,
                            Some(r.body_id),
                        )
                        .map_err(store_err)?;
                        self.resolution_review_form(sid, r)
                    }
                };
                self.modal = Some(Modal::Form(form));
                Ok(())
            }
            InviteGuest => {
                let s = self.current_session_id()?;
                let l = self.lang();
                self.modal = Some(Modal::Form(Form::new(
                    t(l, Msg::InviteAGuest),
                    FormPurpose::Guest { session_id: s },
                    vec![
                        Field::text("name", t(l, Msg::Name), ""),
                        Field::text("organization", t(l, Msg::Organization), ""),
                    ],
                )));
                Ok(())
            }
            ExportMinutes => self.export_minutes(),
            WriteInvitations => self.write_invitations(),
            MarkPresent => self.mark(Presence::Present),
            MarkAbsent => self.mark(Presence::Absent),
            MarkExcused => self.mark(Presence::Excused),
            MarkLate => self.mark(Presence::Late),
            MarkRemote => self.mark(Presence::Remote),
            MarkLeft => self.mark_as(None),
            AllPresent => {
                let v = self.session.as_ref().ok_or_else(|| self.no_session())?;
                let sid = v.record.session.id;
                crate::ops::sessions::mark_rest_present(&mut self.ctx, sid).map_err(store_err)?;
                self.reload();
                self.say_quorum();
                Ok(())
            }
        }
    }

    fn no_body(&self) -> String {
        t(self.lang(), Msg::NoBodySelectedAddOne).into()
    }

    fn no_session(&self) -> String {
        t(self.lang(), Msg::OpenASessionFirstEnter).into()
    }

    fn current_session_id(&self) -> Result<i64, String> {
        self.session
            .as_ref()
            .map(|v| v.record.session.id)
            .ok_or_else(|| self.no_session())
    }

    /// Puts the agenda's cursor on the item `id` (among the rows the filter shows).
    fn select_item(&mut self, id: i64) {
        let rows = self.visible_rows(ListKind::Agenda);
        if let Some(v) = &mut self.session {
            if let Some(row) = rows
                .iter()
                .position(|&i| v.record.agenda.get(i).map(|a| a.item.id) == Some(id))
            {
                v.agenda.selected = row;
            }
        }
    }

    fn current_item(&self) -> Result<AgendaItem, String> {
        let v = self.session.as_ref().ok_or_else(|| self.no_session())?;
        self.selected_row(ListKind::Agenda)
            .and_then(|i| v.record.agenda.get(i))
            .map(|a| a.item.clone())
            .ok_or_else(|| t(self.lang(), Msg::TheAgendaIsEmptyAdd).into())
    }

    fn move_cursor(&mut self, action: Action) {
        let page = self.page;
        let kind = self.focused_list();
        let len = self.visible_rows(kind).len();
        let filter = self.list_filter(kind).to_string();
        let moved = self.with_component(kind, |c, ctx| {
            c.move_cursor(kind, action, len, page, ctx, &filter)
        });
        if let Some(Err(e)) = moved {
            self.fail(store_err(e));
        }
    }

    fn switch_pane(&mut self, forward: bool) {
        self.clear_filter();
        let kind = self.focused_list();
        self.with_component(kind, |c, _| c.switch_pane(forward));
    }

    /// A click on the `on_screen`-th row shown of a list `height` cells high: focuses
    /// the list and selects the row.
    pub fn click_list(&mut self, kind: ListKind, on_screen: usize, height: u16) {
        let filter = self.filter.clone();
        match self.with_component(kind, |c, ctx| {
            c.click(kind, on_screen, height, ctx, &filter)
        }) {
            Some(Ok(true)) => self.reload(),
            Some(Err(e)) => self.fail(store_err(e)),
            _ => {}
        }
    }

    fn open(&mut self) -> Outcome {
        match self.screen() {
            Screen::Bodies => match self.home.pane {
                BodiesPane::Bodies => {
                    self.clear_filter();
                    self.home.pane = BodiesPane::Sessions;
                    Ok(())
                }
                BodiesPane::Sessions => {
                    let Some(s) = self
                        .selected_row(ListKind::Sessions)
                        .and_then(|i| self.home.sessions.get(i))
                    else {
                        return Err(t(self.lang(), Msg::NoSessionYetScheduleOne).into());
                    };
                    let id = s.session.id;
                    self.open_session_screen(id)
                }
                BodiesPane::Members => Ok(()),
            },
            Screen::Session(_) => {
                let v = self.session.as_ref().ok_or_else(|| self.no_session())?;
                match v.pane {
                    SessionPane::Agenda => self.dispatch(Action::WriteMinutes),
                    SessionPane::RollCall => self.mark(Presence::Present),
                    SessionPane::Review => self.dispatch(Action::ReviewTask),
                    SessionPane::Motions => self.dispatch(Action::TakeVote),
                }
            }
            Screen::Plans(_) => self.plans_open(),
            _ => self.open_in_screens(),
        }
    }

    pub fn open_session_screen(&mut self, id: i64) -> Outcome {
        self.clear_filter();
        self.stack.push(Screen::Session(id));
        self.session = None;
        self.load_session(id)
    }

    fn mark(&mut self, presence: Presence) -> Outcome {
        self.mark_as(Some(presence))
    }

    /// Marks the member under the cursor: a presence, or none for gone (left now).
    fn mark_as(&mut self, presence: Option<Presence>) -> Outcome {
        if let Some(v) = self.session.as_mut() {
            if v.pane != SessionPane::RollCall {
                v.pane = SessionPane::RollCall;
                self.filter.clear();
            }
        }
        let row = self.selected_row(ListKind::RollCall);
        let v = self
            .session
            .as_mut()
            .ok_or_else(|| t(UI_LANG.with(|l| l.get()), Msg::OpenASessionFirstEnter).to_string())?;
        let sid = v.record.session.id;
        let Some(person) = row
            .and_then(|i| v.record.attendance.get(i))
            .map(|a| a.person_id)
        else {
            return Err(t(self.lang(), Msg::ThisBodyHasNoMembers).into());
        };
        let len = if self.filter.is_empty() {
            v.record.attendance.len()
        } else {
            0
        };
        if len > 0 {
            v.roll.apply(Action::Down, len, 1);
        }
        match presence {
            // A late arrival is recorded with its time: now, on the session's day.
            Some(Presence::Late) => {
                crate::ops::clock::arrive(&mut self.ctx, sid, person, None).map_err(store_err)?;
            }
            Some(presence) => {
                crate::ops::sessions::mark_attendance(&mut self.ctx, sid, person, presence)
                    .map_err(store_err)?;
            }
            None => {
                crate::ops::clock::depart(&mut self.ctx, sid, person, None).map_err(store_err)?;
            }
        }
        self.reload();
        self.say_quorum();
        Ok(())
    }

    /// "7 of 11 voting members present; quorum 6: met".
    pub fn quorum_line(&self) -> Option<String> {
        let v = self.session.as_ref()?;
        let q = v.record.quorum;
        let l = self.lang();
        let d = |n: u32| crate::locale::digits::localize_digits(&n.to_string(), l);
        let state = t(
            l,
            if q.met() {
                Msg::QuorumMetShort
            } else {
                Msg::QuorumNotMetShort
            },
        );
        Some(tf(
            l,
            Msg::QuorumLine,
            &[&d(q.present), &d(q.voting), &d(q.required), state],
        ))
    }

    fn say_quorum(&mut self) {
        if let Some(q) = self.quorum_line() {
            self.say(q);
        }
    }

    fn set_session_status(&mut self, to: SessionStatus) -> Outcome {
        let id = self.current_session_id()?;
        let s = crate::ops::sessions::set_status(&mut self.ctx, id, to).map_err(store_err)?;
        self.reload();
        self.say(format!(
            "{} {} — {}",
            t(self.lang(), Msg::Session),
            s.number_text(self.lang()),
            s.status.label(self.lang())
        ));
        Ok(())
    }

    /// Closes the session on screen at its adjournment: the one already recorded (a
    /// carried motion to adjourn), else the time asked in a small form, prefilled with
    /// now on the session's own day. A session that is not open is refused at once.
    fn close_session(&mut self) -> Outcome {
        let v = self.session.as_ref().ok_or_else(|| self.no_session())?;
        let s = &v.record.session;
        if s.status != SessionStatus::Open || v.record.timeline.adjourned.is_some() {
            let id = s.id;
            let step = crate::ops::clock::close(&mut self.ctx, id, None).map_err(store_err)?;
            self.reload();
            let msg = self.closed_message(&step.session);
            self.say(msg);
            return Ok(());
        }
        let l = self.lang();
        let now = if s.date == self.ctx.today {
            crate::locale::digits::localize_digits(&crate::ops::clock::now_time(), l)
        } else {
            String::new()
        };
        self.modal = Some(Modal::Form(Form::new(
            t(l, Msg::TuiAdjournTitle),
            FormPurpose::Adjourn { session_id: s.id },
            vec![Field::text("at", t(l, Msg::TuiAdjournAt), &now)],
        )));
        Ok(())
    }

    /// The small form "Correct the minutes: at session, reason", on a session whose
    /// minutes are approved, prefilled with the body's next session not yet approved.
    fn correct_minutes_form(&mut self) -> Outcome {
        let v = self.session.as_ref().ok_or_else(|| self.no_session())?;
        let s = &v.record.session;
        let l = self.lang();
        if s.status != SessionStatus::Approved {
            return Err(store_err(StoreError::Refused(
                crate::store::Refusal::NotApproved { session: s.id },
            )));
        }
        let next = self
            .ctx
            .store
            .sessions(
                Some(&[s.body_id]),
                &[
                    SessionStatus::Planned,
                    SessionStatus::Open,
                    SessionStatus::Closed,
                ],
                Some(s.date),
                None,
                None,
            )
            .map_err(store_err)?
            .into_iter()
            .map(|row| row.session)
            .filter(|o| (o.date, o.number) > (s.date, s.number))
            .filter(|o| !matches!(o.status, SessionStatus::Approved | SessionStatus::Cancelled))
            .min_by_key(|o| (o.date, o.number))
            .map(|o| crate::locale::digits::localize_digits(&o.id.to_string(), l))
            .unwrap_or_default();
        self.modal = Some(Modal::Form(Form::new(
            t(l, Msg::TuiCorrectTitle),
            FormPurpose::CorrectMinutes { session_id: s.id },
            vec![
                Field::text("at", t(l, Msg::TuiCorrectAt), &next),
                Field::text("reason", t(l, Msg::TuiCorrectReason), ""),
            ],
        )));
        Ok(())
    }

    /// "Session 12 — Closed · Adjourned 19:05".
    fn closed_message(&self, s: &Session) -> String {
        let l = self.lang();
        let mut msg = format!(
            "{} {} — {}",
            t(l, Msg::Session),
            s.number_text(l),
            s.status.label(l)
        );
        if let Some(end) = &s.end_time {
            msg.push_str(&format!(
                " · {} {}",
                SessionEventKind::Adjourned.label(l),
                crate::locale::digits::localize_digits(end, l)
            ));
        }
        msg
    }

    fn export_minutes(&mut self) -> Outcome {
        let v = self.session.as_ref().ok_or_else(|| self.no_session())?;
        let rec = &v.record;
        // Approved minutes are the text stored at approval; others the record as it is.
        use crate::ops::approval::{Audience, MinutesFormat};
        use crate::ops::signatures::exported_minutes;
        let doc = |format| {
            exported_minutes(
                &self.ctx,
                rec.session.clone(),
                format,
                Audience::Public,
                None,
            )
            .map_err(store_err)
        };
        let md = doc(MinutesFormat::Markdown)?;
        let html = doc(MinutesFormat::Html)?;
        let dir = std::env::current_dir().map_err(|e| store_err(StoreError::from(e)))?;
        let stem = format!("minutes-{}-{}", rec.body.id, rec.session.number);
        let md_path = dir.join(format!("{stem}.md"));
        let html_path = dir.join(format!("{stem}.html"));
        std::fs::write(&md_path, md).map_err(|e| cannot_write(&md_path, &e))?;
        std::fs::write(&html_path, html).map_err(|e| cannot_write(&html_path, &e))?;
        self.modal = Some(Modal::Notice(format!(
            "{}\n{}\n{}",
            t(self.lang(), Msg::MinutesExported),
            md_path.display(),
            html_path.display()
        )));
        Ok(())
    }

    /// Writes the session's invitations (md, html and ics, one of each per invitee) to
    /// `invitations/session-ID` in the data directory, and says where.
    fn write_invitations(&mut self) -> Outcome {
        use crate::ops::invitations::{write_invitations, Format};
        let v = self.session.as_ref().ok_or_else(|| self.no_session())?;
        let id = v.record.session.id;
        let dir = crate::ops::invitations::data_dir().join(format!("session-{id}"));
        std::fs::create_dir_all(&dir).map_err(|e| cannot_write(&dir, &e))?;
        let mut count = 0;
        for format in [Format::Md, Format::Html, Format::Ics] {
            count = write_invitations(&self.ctx, id, format, &dir)
                .map_err(store_err)?
                .len();
        }
        let l = self.lang();
        self.modal = Some(Modal::Notice(tf(
            l,
            Msg::InvitationsWritten,
            &[
                &crate::locale::digits::localize_digits(&count.to_string(), l),
                &crate::locale::text::sanitize_line(&dir.display().to_string()),
            ],
        )));
        Ok(())
    }

    // ----- forms -----

    fn body_form(&self) -> Form {
        let l = self.lang();
        let kinds = BodyKind::ALL
            .iter()
            .map(|k| (k.code().to_string(), k.label(l).to_string()))
            .collect();
        let mut parents = vec![(String::new(), t(l, Msg::None).to_string())];
        parents.extend(
            self.home
                .bodies
                .iter()
                .map(|b| (b.id.to_string(), b.name.get(l).to_string())),
        );
        Form::new(
            t(l, Msg::NewBody),
            FormPurpose::NewBody,
            vec![
                Field::text("name", t(l, Msg::Name), ""),
                Field::choice("kind", t(l, Msg::Kind), kinds, "committee"),
                Field::choice("parent", t(l, Msg::Parent), parents, ""),
                Field::choice(
                    "voting_rule",
                    t(l, Msg::VotingRuleField),
                    crate::model::voting::PRESETS
                        .iter()
                        .map(|p| (p.to_string(), p.to_string()))
                        .collect(),
                    "roberts",
                ),
                Field::text("quorum", t(l, Msg::Quorum), "")
                    .with_hint(t(l, Msg::QuorumFromRuleHint)),
                Field::text("meeting_rule", t(l, Msg::MustMeet), "none")
                    .with_hint("none, monthly, jalali_months:4,10"),
                Field::text("format", t(l, Msg::ResolutionNo), "{jyear}/{session}/{seq}")
                    .with_hint("{seq} {seq:3} {session} {jyear} {year}"),
                Field::text("template", t(l, Msg::StandingItems), "")
                    .with_hint(t(l, Msg::SeparatedBy)),
                Field::text("closing", t(l, Msg::AgendaClosingItems), "")
                    .with_hint(t(l, Msg::SeparatedBy)),
                Field::date(
                    "formed",
                    t(l, Msg::EdFormed),
                    &self.ctx.date(self.ctx.today),
                )
                .with_hint(t(l, Msg::EG14050915)),
            ],
        )
    }

    fn member_form(&self, body: &Body) -> Form {
        let l = self.lang();
        let roles = Role::ALL
            .iter()
            .map(|r| (r.code().to_string(), r.label(l).to_string()))
            .collect();
        Form::new(
            &format!("{} — {}", t(l, Msg::AddAMember), body.name.get(l)),
            FormPurpose::NewMember { body_id: body.id },
            vec![
                Field::text("name", t(l, Msg::NameOrId), ""),
                Field::choice("role", t(l, Msg::Role), roles, "member"),
                Field::toggle("voting", t(l, Msg::Voting), true),
                Field::text("login", t(l, Msg::UnixLogin), ""),
                Field::text("organization", t(l, Msg::Organization), ""),
            ],
        )
    }

    fn session_form(&self, body: &Body) -> Form {
        let l = self.lang();
        let kinds = SessionKind::ALL
            .iter()
            .map(|k| (k.code().to_string(), k.label(l).to_string()))
            .collect();
        let date = self.ctx.today + chrono::Duration::days(7);
        // The number it would take on the date offered (in its term, for a body that
        // numbers per term); an empty "Number" field takes it.
        let next = self
            .ctx
            .store
            .next_session_number(body.id, date)
            .unwrap_or(1);
        let next = crate::locale::digits::localize_digits(&next.to_string(), l);
        let place = self
            .home
            .sessions
            .first()
            .and_then(|s| s.session.place.clone())
            .unwrap_or_default();
        Form::new(
            &format!(
                "{} {} — {}",
                t(l, Msg::ScheduleSession),
                next,
                body.name.get(l)
            ),
            FormPurpose::NewSession { body_id: body.id },
            vec![
                Field::date("date", t(l, Msg::Date), &self.ctx.date(date))
                    .with_hint(t(l, Msg::EG14050915)),
                Field::text("time", t(l, Msg::StartTime), "09:00"),
                Field::text("place", t(l, Msg::Place), &place),
                Field::choice("kind", t(l, Msg::Kind), kinds, "regular"),
                Field::text("number", t(l, Msg::FormNumber), "").with_hint(&tf(
                    l,
                    Msg::NumberHint,
                    &[&next],
                )),
            ],
        )
    }

    fn item_form(&self, session_id: i64, item: Option<&AgendaItem>) -> Form {
        let l = self.lang();
        let purpose = match item {
            Some(i) => FormPurpose::EditItem {
                item_id: i.id,
                version: i.version,
            },
            None => FormPurpose::NewItem { session_id },
        };
        let mut fields = vec![
            Field::text(
                "title",
                t(l, Msg::Title),
                item.map(|i| i.title.as_str()).unwrap_or(""),
            ),
            Field::text(
                "presenter",
                t(l, Msg::Presenter),
                item.and_then(|i| i.presenter.as_deref()).unwrap_or(""),
            ),
            Field::text(
                "duration",
                t(l, Msg::Minutes3),
                &item
                    .and_then(|i| i.duration_min)
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            ),
        ];
        if item.is_none() {
            let kinds = ItemKind::ALL
                .iter()
                .map(|k| (k.code().to_string(), k.label(l).to_string()))
                .collect();
            let urgencies = std::iter::once((String::new(), t(l, Msg::None).to_string()))
                .chain(
                    Urgency::ALL
                        .iter()
                        .map(|u| (u.code().to_string(), u.label(l).to_string())),
                )
                .collect();
            fields.push(Field::choice("kind", t(l, Msg::Kind), kinds, "item"));
            fields.push(Field::text(
                "under",
                t(l, Msg::AgendaUnder),
                &self.section_at_cursor(),
            ));
            fields.push(Field::choice(
                "urgency",
                t(l, Msg::AgendaUrgency),
                urgencies,
                "",
            ));
            fields.push(
                Field::text("signatories", t(l, Msg::AgendaSignatories), "")
                    .with_hint(t(l, Msg::AgendaSignatoriesHint)),
            );
        }
        Form::new(
            if item.is_some() {
                t(l, Msg::EditAgendaItem)
            } else {
                t(l, Msg::NewAgendaItem)
            },
            purpose,
            fields,
        )
    }

    /// The number of the section under the agenda's cursor (the section itself, or
    /// the one its sub-item is under), in the user's digits; empty elsewhere.
    fn section_at_cursor(&self) -> String {
        let Some(v) = self.session.as_ref() else {
            return String::new();
        };
        let Ok(item) = self.current_item() else {
            return String::new();
        };
        let section = if item.kind == ItemKind::Section {
            Some(item.id)
        } else {
            item.parent_id
        };
        let items: Vec<AgendaItem> = v.record.agenda.iter().map(|a| a.item.clone()).collect();
        section
            .and_then(|s| crate::ops::agenda::item_label(&items, s))
            .map(|n| crate::locale::digits::localize_digits(&n, self.lang()))
            .unwrap_or_default()
    }

    fn resolution_form(&self, session_id: i64, item_id: Option<i64>) -> Form {
        let l = self.lang();
        // The decision follows from the vote by default; one chosen otherwise is the
        // chair's declaration.
        let decisions = std::iter::once((String::new(), t(l, Msg::DecisionByVote).to_string()))
            .chain(
                Decision::ALL
                    .iter()
                    .map(|d| (d.code().to_string(), d.label(l).to_string())),
            )
            .collect();
        let mut fields = vec![
            Field::text("text", t(l, Msg::Text2), "").with_hint(t(l, Msg::ItWasDecidedThat)),
            Field::choice("decision", t(l, Msg::Decision), decisions, ""),
            Field::text("votes", t(l, Msg::VotesForAgainstAbstain), "")
                .with_hint(t(l, Msg::N721OrU)),
            Field::text("owner", t(l, Msg::Owner), ""),
            Field::date("due", t(l, Msg::Due), ""),
            Field::text("number", t(l, Msg::FormNumber), "")
                .with_hint(t(l, Msg::ResolutionNumberHint)),
        ];
        let votes: Vec<(String, String)> = vec![
            (String::new(), "—".into()),
            ("yes".into(), Vote::Yes.label(l).into()),
            ("no".into(), Vote::No.label(l).into()),
            ("abstain".into(), Vote::Abstain.label(l).into()),
        ];
        if let Some(v) = &self.session {
            for a in v.record.attendance.iter().filter(|a| a.votes_here()) {
                fields.push(Field::choice(
                    &format!("vote:{}", a.person_id),
                    a.name.get(l),
                    votes.clone(),
                    "",
                ));
            }
        }
        Form::new(
            t(l, Msg::RecordAResolution),
            FormPurpose::NewResolution {
                session_id,
                item_id,
            },
            fields,
        )
    }

    fn task_form(&self, session_id: i64, resolution_id: Option<i64>, item_id: Option<i64>) -> Form {
        let l = self.lang();
        let mut people = vec![(String::new(), t(l, Msg::AUnitBelow).to_string())];
        if let Some(v) = &self.session {
            people.extend(
                v.record
                    .attendance
                    .iter()
                    .map(|a| (a.person_id.to_string(), a.name.get(l).to_string())),
            );
        }
        let first = people.get(1).map(|p| p.0.clone()).unwrap_or_default();
        let priorities = Priority::ALL
            .iter()
            .map(|p| (p.code().to_string(), p.label(l).to_string()))
            .collect();
        Form::new(
            t(l, Msg::NewFollowUpTask),
            FormPurpose::NewTask {
                session_id,
                resolution_id,
                item_id,
            },
            vec![
                Field::text("title", t(l, Msg::Task3), ""),
                Field::choice("assignee", t(l, Msg::Assignee), people, &first),
                Field::text("unit", t(l, Msg::OrAUnit), ""),
                Field::date(
                    "due",
                    t(l, Msg::Due),
                    &self.ctx.date(self.ctx.today + chrono::Duration::days(30)),
                ),
                Field::choice("priority", t(l, Msg::Priority), priorities, "normal"),
            ],
        )
    }

    pub(crate) fn review_form(&self, session_id: Option<i64>, task: &TaskRow) -> Form {
        let l = self.lang();
        let statuses = WorkStatus::ALL
            .iter()
            .map(|s| (s.code().to_string(), s.label(l).to_string()))
            .collect();
        Form::new(
            &format!("{} — {}", t(l, Msg::Progress), task.task.title),
            FormPurpose::ReviewTask {
                session_id,
                task_id: task.task.id,
                version: task.task.version,
            },
            vec![
                Field::choice(
                    "status",
                    t(l, Msg::Status),
                    statuses,
                    task.task.status.code(),
                ),
                Field::text(
                    "percent",
                    t(l, Msg::Percent),
                    &task.task.percent.to_string(),
                ),
                Field::text("note", t(l, Msg::Note), ""),
                Field::date("due", t(l, Msg::NewDueDate), ""),
            ],
        )
    }

    /// The follow-up of a resolution that has no open task, at a session's review: its
    /// new status and what was reported.
    pub(crate) fn resolution_review_form(&self, session_id: i64, r: &Resolution) -> Form {
        let l = self.lang();
        let statuses = WorkStatus::ALL
            .iter()
            .map(|s| (s.code().to_string(), s.label(l).to_string()))
            .collect();
        let text: String = r
            .text
            .split('\n')
            .next()
            .unwrap_or("")
            .chars()
            .take(60)
            .collect();
        let ellipsis = if text.chars().count() < r.text.chars().count() {
            "…"
        } else {
            ""
        };
        Form::new(
            &format!(
                "{} — {} {}: {text}{ellipsis}",
                t(l, Msg::FollowUp),
                t(l, Msg::Resolution),
                r.number
            ),
            FormPurpose::ReviewResolution {
                session_id,
                resolution_id: r.id,
                version: r.version,
            },
            vec![
                Field::choice("status", t(l, Msg::Status), statuses, r.status.code()),
                Field::text("note", t(l, Msg::Note), ""),
            ],
        )
    }

    /// Saves the open form. On failure the form stays open with everything typed and
    /// the error above the fields.
    pub fn submit_form(&mut self) {
        let Some(Modal::Form(mut form)) = self.modal.take() else {
            return;
        };
        form.error = None;
        match self.save_form(&mut form) {
            Ok(msg) => {
                self.reload();
                self.say(msg);
            }
            Err(e) => {
                form.error = Some(e);
                self.modal = Some(Modal::Form(form));
            }
        }
    }

    pub(crate) fn parse_date_field(
        &self,
        form: &Form,
        key: &str,
    ) -> Result<Option<NaiveDate>, String> {
        match form.opt(key) {
            None => Ok(None),
            Some(s) => self.ctx.parse_date(&s).map(Some).map_err(store_err),
        }
    }

    fn save_form(&mut self, form: &mut Form) -> Result<String, String> {
        let l = self.lang();
        let today = self.ctx.today;
        match form.purpose.clone() {
            FormPurpose::NewBody => {
                let parent_id = form.opt("parent").and_then(|p| p.parse::<i64>().ok());
                // A preset brings its quorum unless one is typed.
                let (voting_rule, preset_quorum) =
                    crate::model::voting::VotingRule::read_with_quorum(form.get("voting_rule"))
                        .map_err(store_err)?;
                let quorum = match form.opt("quorum") {
                    Some(q) => QuorumRule::parse(&q).map_err(store_err)?,
                    None => preset_quorum.unwrap_or(QuorumRule::Majority),
                };
                let formed_on = self.parse_date_field(form, "formed")?;
                let id = crate::ops::setup::add_body(
                    &mut self.ctx,
                    &NewBody {
                        name: Name::guess(form.get("name")),
                        kind: BodyKind::parse(form.get("kind")).map_err(store_err)?,
                        parent_id,
                        quorum,
                        meeting_rule: MeetingRule::parse(form.get("meeting_rule"))
                            .map_err(store_err)?,
                        resolution_format: form.get("format").to_string(),
                        agenda_template: standing_items(form.get("template")),
                        confidential: false,
                        formed_on,
                        procedure: crate::model::voting::Procedure {
                            voting_rule,
                            ..Default::default()
                        },
                        agenda_closing: standing_items(form.get("closing")),
                        number_per_term: false,
                        fiscal_year: Default::default(),
                        signing: Default::default(),
                        law_profile: Default::default(),
                        absence_rule: Default::default(),
                    },
                )
                .map_err(store_err)?;
                self.reload();
                if let Some(pos) = self
                    .visible_bodies()
                    .iter()
                    .position(|&i| self.home.bodies[i].id == id)
                {
                    self.home.body_cursor.selected = pos;
                    let _ = self.load_body_panes();
                }
                Ok(format!(
                    "{} {}",
                    t(l, Msg::BodyAdded),
                    crate::locale::digits::localize_digits(&id.to_string(), l)
                ))
            }
            FormPurpose::NewMember { body_id } => {
                let name = form.get("name").trim().to_string();
                if name.is_empty() {
                    return Err(t(l, Msg::NameIsEmptyTypeThe).into());
                }
                let role = Role::parse(form.get("role")).map_err(store_err)?;
                let who = crate::ops::corrections::member_named(
                    &self.ctx,
                    &name,
                    NewPerson {
                        name: Name::guess(&name),
                        login: form.opt("login"),
                        organization: form.opt("organization"),
                        email: None,
                    },
                )
                .map_err(store_err)?;
                crate::ops::setup::add_member(
                    &mut self.ctx,
                    &who,
                    &NewMembership {
                        body_id,
                        person_id: 0,
                        role,
                        voting: !form.get("voting").is_empty() && role != Role::Observer,
                        term_start: None,
                        term_end: None,
                    },
                )
                .map_err(store_err)?;
                Ok(format!("{name} — {}", role.label(l)))
            }
            FormPurpose::NewSession { body_id } => {
                let date = self
                    .parse_date_field(form, "date")?
                    .ok_or_else(|| t(l, Msg::DateIsEmptyTypeThe).to_string())?;
                let time = match form.opt("time") {
                    Some(t) => Some(check_time(&t).map_err(store_err)?),
                    None => None,
                };
                let s = crate::ops::sessions::schedule(
                    &mut self.ctx,
                    &NewSession {
                        body_id,
                        kind: SessionKind::parse(form.get("kind")).map_err(store_err)?,
                        date,
                        start_time: time,
                        end_time: None,
                        place: form.opt("place"),
                        prepare_agenda: true,
                        number: form
                            .opt("number")
                            .map(|n| crate::model::numbering::parse_session_number(&n))
                            .transpose()
                            .map_err(store_err)?,
                    },
                )
                .map_err(store_err)?;
                self.open_session_screen(s.id)?;
                Ok(format!(
                    "{} {} — {}",
                    t(l, Msg::SessionScheduled),
                    s.label(l),
                    self.ctx.date(s.date)
                ))
            }
            FormPurpose::NewItem { session_id } => {
                let duration = parse_opt_number(form.get("duration"), t(l, Msg::Minutes4))?;
                let kind = ItemKind::parse(form.get("kind")).map_err(store_err)?;
                let urgency = form
                    .opt("urgency")
                    .map(|u| Urgency::parse(&u))
                    .transpose()
                    .map_err(store_err)?;
                let parent_id = match form.opt("under") {
                    Some(u) => Some(
                        crate::ops::agenda::find_item(&self.ctx, session_id, &u)
                            .map_err(store_err)?
                            .id,
                    ),
                    None => None,
                };
                let names: Vec<String> = form
                    .get("signatories")
                    .split([',', '،'])
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect();
                let signatories =
                    crate::ops::agenda::signatory_ids(&self.ctx, &names).map_err(store_err)?;
                let id = crate::ops::agenda::add_item(
                    &mut self.ctx,
                    &NewAgendaItem {
                        session_id,
                        title: form.get("title").to_string(),
                        presenter: form.opt("presenter"),
                        duration_min: duration,
                        kind,
                        parent_id,
                        urgency,
                        signatories,
                    },
                )
                .map_err(store_err)?;
                self.reload();
                self.select_item(id);
                Ok(t(l, Msg::ItemAdded).into())
            }
            FormPurpose::MoveItem { item_id } => {
                let to = form.get("to").trim().to_string();
                if to.is_empty() {
                    return Err(t(l, Msg::AgendaNumberEmpty).into());
                }
                let number = crate::ops::agenda::move_item_to(&mut self.ctx, item_id, &to)
                    .map_err(store_err)?;
                self.reload();
                self.select_item(item_id);
                let title = self
                    .ctx
                    .store
                    .agenda_item(item_id)
                    .map(|i| i.title)
                    .unwrap_or_default();
                Ok(tf(
                    l,
                    Msg::AgendaItemMovedTo,
                    &[&title, &crate::locale::digits::localize_digits(&number, l)],
                ))
            }
            FormPurpose::EditItem { item_id, version } => {
                let duration = parse_opt_number(form.get("duration"), t(l, Msg::Minutes4))?;
                let saved = crate::ops::agenda::edit_item(
                    &mut self.ctx,
                    item_id,
                    form.get("title"),
                    form.opt("presenter"),
                    duration,
                    Some(version),
                );
                match saved {
                    Err(StoreError::Conflict { .. }) => return Err(self.form_conflict(form)),
                    other => other.map_err(store_err)?,
                }
                Ok(t(l, Msg::ItemSaved).into())
            }
            FormPurpose::NewResolution {
                session_id,
                item_id,
            } => {
                use crate::model::rules::VoteEntry;
                use crate::ops::resolutions::{
                    no_quorum_text, record, DecidedAt, RecordResolution, Recorded,
                };
                let mut member_votes = Vec::new();
                for f in &form.fields {
                    if let Some(pid) = f
                        .key
                        .strip_prefix("vote:")
                        .and_then(|p| p.parse::<i64>().ok())
                    {
                        if !f.value.is_empty() {
                            member_votes.push((pid, Vote::parse(&f.value).map_err(store_err)?));
                        }
                    }
                }
                let input = RecordResolution {
                    at: DecidedAt::Session(session_id),
                    agenda_item_id: item_id,
                    text: form.get("text").to_string(),
                    decision: form
                        .opt("decision")
                        .map(|d| Decision::parse(&d))
                        .transpose()
                        .map_err(store_err)?,
                    vote: VoteEntry::parse(form.get("votes")).map_err(store_err)?,
                    member_votes,
                    owner: form.opt("owner"),
                    due: self.parse_date_field(form, "due")?,
                    without_quorum: form.confirmed,
                    number: form.opt("number"),
                };
                match record(&mut self.ctx, &input).map_err(store_err)? {
                    Recorded::Saved(r) => Ok(format!(
                        "{} {}",
                        t(l, Msg::ResolutionRecorded),
                        crate::locale::digits::localize_digits(&r.number, l)
                    )),
                    Recorded::Failed(v) => Ok(v.outcome.explanation(l)),
                    Recorded::NeedsQuorumConfirmation(q) => {
                        form.confirmed = true;
                        form.warning = Some(no_quorum_text(&self.ctx, &q));
                        Err(t(l, Msg::QuorumNotMet2).into())
                    }
                }
            }
            FormPurpose::NewTask {
                session_id: _,
                resolution_id,
                item_id,
            } => {
                let assignee_id = form.opt("assignee").and_then(|a| a.parse::<i64>().ok());
                let unit = form.opt("unit");
                let due = self.parse_date_field(form, "due")?;
                let id = crate::ops::tasks::add(
                    &mut self.ctx,
                    &NewTask {
                        body_id: self.session.as_ref().map(|v| v.record.body.id),
                        resolution_id,
                        agenda_item_id: item_id,
                        title: form.get("title").to_string(),
                        description: None,
                        assignee_id: if unit.is_some() { None } else { assignee_id },
                        assignee_unit: unit,
                        due,
                        priority: Priority::parse(form.get("priority")).map_err(store_err)?,
                        created_on: Some(today),
                    },
                )
                .map_err(store_err)?;
                Ok(format!(
                    "{} {}",
                    t(l, Msg::TaskAdded),
                    crate::locale::digits::localize_digits(&id.to_string(), l)
                ))
            }
            FormPurpose::ReviewTask {
                session_id,
                task_id,
                version,
            } => {
                let percent = parse_opt_number(form.get("percent"), t(l, Msg::Percent2))?;
                let due = self.parse_date_field(form, "due")?;
                let saved = crate::ops::tasks::record_progress(
                    &mut self.ctx,
                    &TaskProgress {
                        task_id,
                        status: Some(WorkStatus::parse(form.get("status")).map_err(store_err)?),
                        percent,
                        note: form.get("note").to_string(),
                        session_id,
                        due,
                        on: Some(today),
                        expected_version: Some(version),
                    },
                );
                let t = match saved {
                    Err(StoreError::Conflict { .. }) => return Err(self.form_conflict(form)),
                    other => other.map_err(store_err)?,
                };
                Ok(format!(
                    "{} — {} {}%",
                    t.title,
                    t.status.label(l),
                    t.percent
                ))
            }
            FormPurpose::ReviewResolution {
                session_id,
                resolution_id,
                version,
            } => {
                let saved = crate::ops::tasks::follow_up_resolution(
                    &mut self.ctx,
                    &ResolutionProgress {
                        resolution_id,
                        status: Some(WorkStatus::parse(form.get("status")).map_err(store_err)?),
                        note: form.get("note").to_string(),
                        session_id: Some(session_id),
                        on: Some(today),
                        expected_version: Some(version),
                    },
                );
                let r = match saved {
                    Err(StoreError::Conflict { .. }) => return Err(self.form_conflict(form)),
                    other => other.map_err(store_err)?,
                };
                Ok(format!(
                    "{} {} — {}",
                    t(l, Msg::Resolution),
                    r.number,
                    r.status.label(l)
                ))
            }
            FormPurpose::BrowseFilter => self.apply_filter_form(form),
            FormPurpose::Adjourn { session_id } => {
                let at = form.opt("at");
                let step = crate::ops::clock::close(&mut self.ctx, session_id, at.as_deref())
                    .map_err(store_err)?;
                Ok(self.closed_message(&step.session))
            }
            FormPurpose::CorrectMinutes { session_id } => {
                let typed = form.get("at");
                let at = self.ctx.store.find_session(typed).map_err(store_err)?;
                crate::ops::approval::open_correction(
                    &mut self.ctx,
                    session_id,
                    at.id,
                    form.get("reason"),
                )
                .map_err(store_err)?;
                Ok(t(l, Msg::TuiCorrectionOpened).into())
            }
            FormPurpose::Meeting(m) => self.save_meeting_form(form, m),
            FormPurpose::Correction(c) => self.save_correction_form(form, c),
            FormPurpose::Legal(f) => self.save_legal_form(form, f),
            FormPurpose::Plan(f) => self.save_plan_form(form, f),
            FormPurpose::Visits(f) => self.save_visits_form(form, f),
            FormPurpose::Guest { session_id } => {
                crate::ops::sessions::invite_guest(
                    &mut self.ctx,
                    session_id,
                    form.get("name"),
                    form.opt("organization"),
                )
                .map_err(store_err)?;
                Ok(t(l, Msg::GuestInvited).into())
            }
        }
    }

    /// A form's save met a version someone else saved after the form was opened: reads
    /// their values back into `form.conflict` (the fields keep what was typed) and moves
    /// the form onto their version, so saving again keeps mine over exactly what was
    /// shown, and a third save meanwhile is a conflict again. Returns the message.
    fn form_conflict(&mut self, form: &mut Form) -> String {
        let l = self.lang();
        let read = match form.purpose {
            FormPurpose::EditItem { item_id, .. } => self.ctx.store.agenda_item(item_id).map(|i| {
                let theirs = vec![
                    ("title".to_string(), i.title),
                    ("presenter".to_string(), i.presenter.unwrap_or_default()),
                    (
                        "duration".to_string(),
                        i.duration_min.map(|d| d.to_string()).unwrap_or_default(),
                    ),
                ];
                (i.version, theirs)
            }),
            FormPurpose::ReviewTask { task_id, .. } => self.ctx.store.task(task_id).map(|task| {
                let mut theirs = vec![
                    ("status".to_string(), task.status.code().to_string()),
                    ("percent".to_string(), task.percent.to_string()),
                ];
                // A blank new due date keeps the stored one: nothing of theirs is
                // overwritten there. The note is a new entry in the task's history.
                if let Some(mine) = form.opt("due") {
                    let same = task.due.is_some() && self.ctx.parse_date(&mine).ok() == task.due;
                    let value = if same {
                        mine
                    } else {
                        self.ctx.opt_date(task.due)
                    };
                    theirs.push(("due".to_string(), value));
                }
                (task.version, theirs)
            }),
            // The note is a new entry in the resolution's follow-up history.
            FormPurpose::ReviewResolution { resolution_id, .. } => {
                self.ctx.store.resolution(resolution_id).map(|r| {
                    (
                        r.version,
                        vec![("status".to_string(), r.status.code().to_string())],
                    )
                })
            }
            _ => {
                return store_err(StoreError::Conflict {
                    what: Entity::Record,
                    id: 0,
                })
            }
        };
        match read {
            Ok((now, theirs)) => {
                if let FormPurpose::EditItem { version, .. }
                | FormPurpose::ReviewTask { version, .. }
                | FormPurpose::ReviewResolution { version, .. } = &mut form.purpose
                {
                    *version = now;
                }
                form.conflict = Some(FormConflict { theirs });
                t(l, Msg::FormConflict).into()
            }
            Err(e) => store_err(e),
        }
    }

    /// Ctrl-T on a form after a conflict: their values into the form.
    pub fn take_theirs_into_form(&mut self) {
        let l = self.lang();
        if let Some(Modal::Form(form)) = &mut self.modal {
            if form.take_theirs() {
                self.say(t(l, Msg::TheirsTakenIntoForm));
            }
        }
    }

    /// Saves the inline editor's minutes. A conflict keeps the editor open with both
    /// texts: the user's stays in the editor; theirs is shown beside it.
    pub fn save_editor(&mut self) {
        let Some(Modal::Editor(mut ed)) = self.modal.take() else {
            return;
        };
        let text = ed.text();
        // After a conflict, `ed.version` is the version theirs was read at: saving again
        // keeps mine over it, but a third save meanwhile is a conflict again.
        let expected = Some(ed.version);
        let saved = crate::ops::agenda::set_minutes(&mut self.ctx, ed.item_id, &text, expected);
        match saved {
            Ok(_) => {
                self.minutes_drafts.remove(&ed.item_id);
                self.reload();
                self.say(t(self.lang(), Msg::MinutesSaved));
            }
            Err(StoreError::Conflict { .. }) => {
                match self.ctx.store.agenda_item(ed.item_id) {
                    Ok(item) => {
                        ed.version = item.version;
                        ed.theirs = Some(item.minutes.unwrap_or_default());
                    }
                    Err(e) => {
                        ed.error = Some(store_err(e));
                        self.modal = Some(Modal::Editor(ed));
                        return;
                    }
                }
                ed.error = Some(t(self.lang(), Msg::SomeoneElseSavedTheseMinutes).into());
                self.modal = Some(Modal::Editor(ed));
            }
            Err(e) => {
                ed.error = Some(store_err(e));
                self.modal = Some(Modal::Editor(ed));
            }
        }
    }

    /// The help screen's lines, from the one keymap table: the keys of the screen in
    /// view, then those of the popups and the filter. Built again only when the screen
    /// (its scopes) or the language changes.
    pub fn help_lines(&self) -> std::sync::Arc<Vec<(String, String)>> {
        let l = self.lang();
        let mut scopes = self.scopes();
        scopes.reverse();
        scopes.extend([
            Scope::Always,
            Scope::Filtering,
            Scope::Form,
            Scope::Editor,
            Scope::PaletteQuery,
            Scope::HelpScreen,
            Scope::Confirm,
            Scope::Ballot,
        ]);
        self.listings.help(&scopes, l, || {
            let titled: Vec<(Scope, &str)> = scopes.iter().map(|s| (*s, s.title(l))).collect();
            super::keymap::help_lines(&self.bindings, &titled, l)
        })
    }

    /// The actions the palette offers for a query (by name or description): those of
    /// the screen in view. Built again only when the query or the screen changes.
    pub fn palette_matches(&self, query: &str) -> Vec<Action> {
        let l = self.lang();
        let scopes = self.scopes();
        self.listings
            .palette(&scopes, l, query, || {
                super::keymap::palette_matches(&self.bindings, &scopes, l, query)
            })
            .to_vec()
    }
}

fn parse_opt_number(s: &str, what: &str) -> Result<Option<i64>, String> {
    let t = crate::locale::digits::to_latin_digits(s.trim());
    if t.is_empty() {
        return Ok(None);
    }
    t.parse::<i64>()
        .map(Some)
        .map_err(|_| UI_LANG.with(|l| tf(l.get(), Msg::NotAWholeNumber, &[what, s])))
}

/// "cannot write FILE: why", in the user's language.
pub(crate) fn cannot_write(path: &std::path::Path, e: &std::io::Error) -> String {
    let lang = UI_LANG.with(|l| l.get());
    let why = crate::store::io_kind_text(e.kind(), lang)
        .map(str::to_string)
        .unwrap_or_else(|| e.to_string());
    tf(lang, Msg::CannotWrite, &[&path.display().to_string(), &why])
}
