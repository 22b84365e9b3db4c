//! One file per view. This module routes popups (forms, the minutes editor, help,
//! palette, notices) and their keys, and mouse clicks.

pub mod bodies;
pub mod browse;
pub mod dashboard;
pub mod editor;
pub mod form;
pub mod help;
pub mod mine;
pub mod motions;
pub mod palette;
pub mod plans;
pub mod resolution;
pub mod session;
pub mod visits;
pub mod widgets;

use ratatui::layout::Rect;
use ratatui::Frame;

use super::theme::Theme;
use crate::app::keymap::Action;
use crate::app::state::{App, ListKind, Modal};

/// What a click on a list selects: the list kinds of the app.
pub type Target = ListKind;

/// Where the lists of the last frame were drawn, for mouse clicks: what drawing gives
/// back, kept by the event loop (drawing changes no state).
#[derive(Debug, Default, Clone)]
pub struct Clicks {
    lists: Vec<(Rect, Target)>,
}

impl Clicks {
    pub(crate) fn remember(&mut self, area: Rect, target: Target) {
        self.lists.push((area, target));
    }
}

/// A click at a cell of the last frame drawn: focuses and selects the row under it.
pub fn click(app: &mut App, clicks: &Clicks, column: u16, row: u16) {
    if app.modal.is_some() {
        return;
    }
    let hit = clicks
        .lists
        .iter()
        .find(|(r, _)| {
            column >= r.x && column < r.x + r.width && row >= r.y && row < r.y + r.height
        })
        .copied();
    let Some((area, target)) = hit else { return };
    // Rows start below the border and the header line; the list may be scrolled, by
    // the same rule its view drew it with.
    let on_screen = row.saturating_sub(area.y + 2) as usize;
    app.click_list(target, on_screen, area.height);
}

pub fn draw_modal(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let prefs = app.ctx.prefs;
    match &app.modal {
        Some(Modal::Form(form)) => form::draw(f, area, form, theme, prefs, &app.bindings),
        Some(Modal::Editor(ed)) => editor::draw(f, area, ed, theme, prefs, &app.bindings),
        Some(Modal::Help { scroll }) => help::draw(f, area, app, *scroll, theme),
        Some(Modal::Palette { query, selected }) => {
            palette::draw(f, area, app, query, *selected, theme)
        }
        Some(Modal::Confirm { text, .. }) => {
            let lines = vec![(text.clone(), theme.warn)];
            widgets::text_block(f, area, "shura", &lines, true, theme, prefs);
        }
        Some(Modal::Notice(text)) => {
            let lines: Vec<(String, ratatui::style::Style)> =
                text.lines().map(|l| (l.to_string(), theme.base)).collect();
            widgets::text_block(f, area, "shura", &lines, true, theme, prefs);
        }
        None => {}
    }
}

/// A key while a popup is open: the popup handles it (see `App::modal_key`).
pub fn modal_key(app: &mut App, action: Option<Action>, text: Option<char>) {
    app.modal_key(action, text);
}
