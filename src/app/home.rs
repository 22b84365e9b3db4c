//! The home screen: the bodies as a tree, and the selected body's sessions and members.

use super::component::{both_names, Component};
use super::keymap::Action;
use super::state::{clicked_row, Cursor, ListKind};
use crate::locale::Lang;
use crate::model::Body;
use crate::ops::Context;
use crate::store::read::{MemberRow, SessionRow};
use crate::store::Result;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BodiesPane {
    #[default]
    Bodies,
    Sessions,
    Members,
}

/// The home screen's cached data and cursors. `filter` in its methods is the `/` text
/// when it applies to the bodies (they are the focused list), else empty.
#[derive(Debug, Default)]
pub struct Home {
    pub bodies: Vec<Body>,
    pub body_depth: Vec<usize>,
    pub pane: BodiesPane,
    pub body_cursor: Cursor,
    pub sessions: Vec<SessionRow>,
    pub session_cursor: Cursor,
    pub members: Vec<MemberRow>,
    pub member_cursor: Cursor,
}

impl Home {
    /// Reads the bodies again, ordered as a tree, and the selected body's panes.
    pub fn reload(&mut self, ctx: &Context, filter: &str) -> Result<()> {
        let mut bodies = ctx.store.bodies()?;
        // Order as a tree: each body followed by its children.
        let mut ordered = Vec::with_capacity(bodies.len());
        let mut depth = Vec::with_capacity(bodies.len());
        let lang = ctx.prefs.lang;
        if lang == Lang::Fa {
            crate::locale::collate::sort_persian(&mut bodies, |b| b.name.get(Lang::Fa));
        }
        fn walk(
            all: &[Body],
            parent: Option<i64>,
            level: usize,
            out: &mut Vec<Body>,
            depth: &mut Vec<usize>,
        ) {
            for b in all.iter().filter(|b| b.parent_id == parent) {
                out.push(b.clone());
                depth.push(level);
                if level < 16 {
                    walk(all, Some(b.id), level + 1, out, depth);
                }
            }
        }
        walk(&bodies, None, 0, &mut ordered, &mut depth);
        // Bodies whose parent is missing still show, at the top level.
        for b in &bodies {
            if !ordered.iter().any(|o| o.id == b.id) {
                ordered.push(b.clone());
                depth.push(0);
            }
        }
        self.bodies = ordered;
        self.body_depth = depth;
        self.body_cursor
            .clamp(self.visible_bodies(filter, ctx).len());
        self.load_panes(ctx, filter)
    }

    /// Indices into `bodies` that are shown.
    pub fn visible_bodies(&self, filter: &str, ctx: &Context) -> Vec<usize> {
        self.visible_rows(ListKind::Bodies, filter, ctx)
    }

    pub fn selected_body(&self, filter: &str, ctx: &Context) -> Option<&Body> {
        self.selected_row(ListKind::Bodies, filter, ctx)
            .and_then(|i| self.bodies.get(i))
    }

    /// Reads the selected body's sessions and members.
    pub fn load_panes(&mut self, ctx: &Context, filter: &str) -> Result<()> {
        let Some(body) = self.selected_body(filter, ctx).cloned() else {
            self.sessions.clear();
            self.members.clear();
            return Ok(());
        };
        self.sessions = ctx
            .store
            .sessions(Some(&[body.id]), &[], None, None, Some(500))?;
        self.members = ctx.store.members(body.id)?;
        self.session_cursor.clamp(self.sessions.len());
        self.member_cursor.clamp(self.members.len());
        Ok(())
    }

    /// Selects a body by id and a member of it by person (the filter is cleared).
    pub fn show_member(&mut self, body_id: i64, person_id: i64, ctx: &Context) -> Result<()> {
        if let Some(i) = self.bodies.iter().position(|b| b.id == body_id) {
            self.body_cursor.selected = i;
        }
        self.load_panes(ctx, "")?;
        self.pane = BodiesPane::Members;
        if let Some(i) = self.members.iter().position(|m| m.person.id == person_id) {
            self.member_cursor.selected = i;
        }
        Ok(())
    }
}

impl Component for Home {
    fn lists(&self) -> &'static [ListKind] {
        &[ListKind::Bodies, ListKind::Sessions, ListKind::Members]
    }

    fn focused(&self) -> ListKind {
        match self.pane {
            BodiesPane::Bodies => ListKind::Bodies,
            BodiesPane::Sessions => ListKind::Sessions,
            BodiesPane::Members => ListKind::Members,
        }
    }

    fn len(&self, kind: ListKind) -> usize {
        match kind {
            ListKind::Bodies => self.bodies.len(),
            ListKind::Sessions => self.sessions.len(),
            ListKind::Members => self.members.len(),
            _ => 0,
        }
    }

    fn row_texts(&self, kind: ListKind, ctx: &Context) -> Vec<String> {
        let l = ctx.prefs.lang;
        match kind {
            ListKind::Bodies => self.bodies.iter().map(|b| both_names(&b.name)).collect(),
            ListKind::Sessions => self
                .sessions
                .iter()
                .map(|s| {
                    format!(
                        "{} {} {} {}",
                        s.session.shown_number(),
                        ctx.date(s.session.date),
                        s.session.date,
                        s.session.status.label(l)
                    )
                })
                .collect(),
            ListKind::Members => self
                .members
                .iter()
                .map(|m| {
                    format!(
                        "{} {}",
                        both_names(&m.person.name),
                        m.membership.role.label(l)
                    )
                })
                .collect(),
            _ => vec![],
        }
    }

    fn cursor(&self, kind: ListKind) -> Option<usize> {
        match kind {
            ListKind::Bodies => Some(self.body_cursor.selected),
            ListKind::Sessions => Some(self.session_cursor.selected),
            ListKind::Members => Some(self.member_cursor.selected),
            _ => None,
        }
    }

    fn set_cursor(&mut self, kind: ListKind, row: usize) {
        match kind {
            ListKind::Bodies => self.body_cursor.selected = row,
            ListKind::Sessions => self.session_cursor.selected = row,
            ListKind::Members => self.member_cursor.selected = row,
            _ => {}
        }
    }

    /// Moves the cursor of the focused list (`len` rows shown); another body selected
    /// shows its own sessions and members.
    fn move_cursor(
        &mut self,
        _kind: ListKind,
        action: Action,
        len: usize,
        page: usize,
        ctx: &Context,
        filter: &str,
    ) -> Result<()> {
        match self.pane {
            BodiesPane::Bodies => {
                let before = self.body_cursor.selected;
                self.body_cursor.apply(action, len, page);
                if before != self.body_cursor.selected {
                    self.session_cursor = Cursor::default();
                    self.member_cursor = Cursor::default();
                    return self.load_panes(ctx, filter);
                }
            }
            BodiesPane::Sessions => self.session_cursor.apply(action, len, page),
            BodiesPane::Members => self.member_cursor.apply(action, len, page),
        }
        Ok(())
    }

    fn switch_pane(&mut self, forward: bool) {
        use BodiesPane::*;
        self.pane = super::component::next_pane(&[Bodies, Sessions, Members], self.pane, forward);
    }

    /// A click on the `on_screen`-th row shown of a list `height` cells high: focuses
    /// it and selects the row. True when another body was picked (all is read again).
    fn click(
        &mut self,
        kind: ListKind,
        on_screen: usize,
        height: u16,
        ctx: &Context,
        filter: &str,
    ) -> Result<bool> {
        let pick = |selected: usize, len: usize| clicked_row(selected, len, height, on_screen);
        match kind {
            ListKind::Bodies => {
                self.pane = BodiesPane::Bodies;
                let len = self.visible_bodies(filter, ctx).len();
                if len > 0 && on_screen < len {
                    self.body_cursor.selected = pick(self.body_cursor.selected, len);
                    return Ok(true);
                }
            }
            ListKind::Sessions => {
                self.pane = BodiesPane::Sessions;
                self.session_cursor.selected =
                    pick(self.session_cursor.selected, self.sessions.len());
            }
            ListKind::Members => {
                self.pane = BodiesPane::Members;
                self.member_cursor.selected = pick(self.member_cursor.selected, self.members.len());
            }
            _ => {}
        }
        Ok(false)
    }
}
