//! One file per view. This module routes popups (forms, the minutes editor, help,
//! palette, notices) and their keys, and mouse clicks.

pub mod bodies;
pub mod browse;
pub mod dashboard;
pub mod editor;
pub mod form;
pub mod help;
pub mod mine;
pub mod palette;
pub mod resolution;
pub mod session;
pub mod widgets;

use std::cell::RefCell;

use crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::Frame;

use super::theme::Theme;
use crate::app::state::{App, BodiesPane, ListKind, Modal, SessionPane};

/// What a click on a list selects: the list kinds of the app.
pub type Target = ListKind;

thread_local! {
    /// The lists drawn in the last frame, for mouse clicks: area, target, first row shown.
    static LISTS: RefCell<Vec<(Rect, Target)>> = const { RefCell::new(Vec::new()) };
}

pub(crate) fn remember(area: Rect, target: Target) {
    LISTS.with(|l| l.borrow_mut().push((area, target)));
}

pub(crate) fn forget_all() {
    LISTS.with(|l| l.borrow_mut().clear());
}

pub fn click(app: &mut App, column: u16, row: u16) {
    if app.modal.is_some() {
        return;
    }
    let hit = LISTS.with(|l| {
        l.borrow()
            .iter()
            .find(|(r, _)| {
                column >= r.x && column < r.x + r.width && row >= r.y && row < r.y + r.height
            })
            .copied()
    });
    let Some((area, target)) = hit else { return };
    // Rows start below the border and the header line; the list may be scrolled, by
    // the same rule its view drew it with.
    let on_screen = row.saturating_sub(area.y + 2) as usize;
    let h = area.height;
    let pick = |selected: usize, len: usize| {
        (crate::app::state::first_shown(selected, len, h) + on_screen).min(len.saturating_sub(1))
    };
    match target {
        Target::Bodies => {
            app.bodies_pane = BodiesPane::Bodies;
            let len = app.visible_bodies().len();
            if len > 0 && on_screen < len {
                app.body_cursor.selected = pick(app.body_cursor.selected, len);
                app.reload();
            }
        }
        Target::Sessions => {
            app.bodies_pane = BodiesPane::Sessions;
            app.session_cursor.selected = pick(app.session_cursor.selected, app.sessions.len());
        }
        Target::Members => {
            app.bodies_pane = BodiesPane::Members;
            app.member_cursor.selected = pick(app.member_cursor.selected, app.members.len());
        }
        Target::Agenda | Target::RollCall | Target::Review => {
            if let Some(v) = &mut app.session {
                let (pane, len) = match target {
                    Target::Agenda => (SessionPane::Agenda, v.record.agenda.len()),
                    Target::RollCall => (SessionPane::RollCall, v.record.attendance.len()),
                    _ => (SessionPane::Review, v.review.len()),
                };
                v.pane = pane;
                let c = match pane {
                    SessionPane::Agenda => &mut v.agenda,
                    SessionPane::RollCall => &mut v.roll,
                    SessionPane::Review => &mut v.review_cursor,
                };
                c.selected = pick(c.selected, len);
            }
        }
        other => app.click_list(other, on_screen, h),
    }
}

pub fn draw_modal(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let prefs = app.ctx.prefs;
    match &app.modal {
        Some(Modal::Form(form)) => form::draw(f, area, form, theme, prefs),
        Some(Modal::Editor(ed)) => editor::draw(f, area, ed, theme, prefs),
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

/// Keys while a popup is open.
pub fn modal_key(app: &mut App, key: &KeyEvent, name: &str) {
    let help_len = app.help_lines().len();
    let palette_len = match &app.modal {
        Some(Modal::Palette { query, .. }) => app.palette_matches(query).len(),
        _ => 0,
    };
    let Some(modal) = app.modal.as_mut() else {
        return;
    };
    match modal {
        Modal::Notice(_) => app.modal = None,
        Modal::Confirm { action, .. } => {
            let action = *action;
            app.modal = None;
            if matches!(
                key.code,
                KeyCode::Char('y') | KeyCode::Char('Y') | KeyCode::Char('غ')
            ) {
                app.confirm(action);
            }
        }
        Modal::Help { scroll } => match key.code {
            KeyCode::Down | KeyCode::Char('j') => {
                *scroll = (*scroll + 1).min(help_len.saturating_sub(1))
            }
            KeyCode::Up | KeyCode::Char('k') => *scroll = scroll.saturating_sub(1),
            KeyCode::PageDown => *scroll = (*scroll + 10).min(help_len.saturating_sub(1)),
            KeyCode::PageUp => *scroll = scroll.saturating_sub(10),
            _ => app.modal = None,
        },
        Modal::Palette { query, selected } => match key.code {
            KeyCode::Esc => app.modal = None,
            KeyCode::Up => *selected = selected.saturating_sub(1),
            KeyCode::Down => *selected = (*selected + 1).min(palette_len.saturating_sub(1)),
            KeyCode::Backspace => {
                query.pop();
                *selected = 0;
            }
            KeyCode::Enter => {
                let q = query.clone();
                let sel = *selected;
                let matches = app.palette_matches(&q);
                app.modal = None;
                if let Some(a) = matches.get(sel.min(matches.len().saturating_sub(1))) {
                    app.update(*a);
                }
            }
            KeyCode::Char(c) => {
                query.push(c);
                *selected = 0;
            }
            _ => {}
        },
        Modal::Form(form) => match (key.code, name) {
            (KeyCode::Esc, _) => app.modal = None,
            (KeyCode::Enter, _) | (_, "ctrl-s") => app.submit_form(),
            (KeyCode::Tab, _) | (KeyCode::Down, _) => form.next(),
            (KeyCode::BackTab, _) | (KeyCode::Up, _) => form.prev(),
            (KeyCode::Left, _) => {
                if let Some(f) = form.focused() {
                    f.left()
                }
            }
            (KeyCode::Right, _) => {
                if let Some(f) = form.focused() {
                    f.right()
                }
            }
            (KeyCode::Home, _) => {
                if let Some(f) = form.focused() {
                    f.home()
                }
            }
            (KeyCode::End, _) => {
                if let Some(f) = form.focused() {
                    f.end()
                }
            }
            (KeyCode::Backspace, _) => {
                if let Some(f) = form.focused() {
                    f.backspace()
                }
            }
            (KeyCode::Delete, _) => {
                if let Some(f) = form.focused() {
                    f.delete()
                }
            }
            (_, "ctrl-t") => app.take_theirs_into_form(),
            (_, "ctrl-u") => {
                // Unanimous: every member's vote "for".
                for f in form
                    .fields
                    .iter_mut()
                    .filter(|f| f.key.starts_with("vote:"))
                {
                    f.value = "yes".into();
                }
            }
            (KeyCode::Char(c), n) if !n.starts_with("ctrl-") && !n.starts_with("alt-") => {
                if let Some(f) = form.focused() {
                    f.insert(&c.to_string());
                }
            }
            _ => {}
        },
        Modal::Editor(ed) => match (key.code, name) {
            (KeyCode::Esc, _) => app.close_editor(),
            (_, "ctrl-s") => app.save_editor(),
            (_, "ctrl-t") => {
                if let Some(theirs) = ed.theirs.take() {
                    let fresh =
                        crate::app::form::Editor::new(&ed.title, ed.item_id, ed.version, &theirs);
                    *ed = fresh;
                    app.modal = None;
                    app.reload();
                }
            }
            (KeyCode::Enter, _) => ed.newline(),
            (KeyCode::Backspace, _) => ed.backspace(),
            (KeyCode::Delete, _) => ed.delete(),
            (KeyCode::Up, _) => ed.up(),
            (KeyCode::Down, _) => ed.down(),
            (KeyCode::Left, _) => ed.left(),
            (KeyCode::Right, _) => ed.right(),
            (KeyCode::Home, _) => ed.home(),
            (KeyCode::End, _) => ed.end(),
            (KeyCode::Tab, _) => ed.insert("    "),
            (KeyCode::Char(c), n) if !n.starts_with("ctrl-") && !n.starts_with("alt-") => {
                ed.insert(&c.to_string())
            }
            _ => {}
        },
    }
}
