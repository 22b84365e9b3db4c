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

/// A key while a popup is open: the action the keymap gives it in the popup's scope
/// (see `App::active_scopes`), or the character it types in a text field.
pub fn modal_key(app: &mut App, action: Option<Action>, text: Option<char>) {
    let Some(modal) = app.modal.as_mut() else {
        return;
    };
    match modal {
        Modal::Notice(_) => app.modal = None,
        Modal::Confirm { action: asked, .. } => {
            let asked = *asked;
            app.modal = None;
            // No, and any key not bound here, answers no.
            if action == Some(Action::ConfirmYes) {
                app.confirm(asked);
            }
        }
        Modal::Help { scroll } => {
            let step: isize = match action {
                Some(Action::Down) => 1,
                Some(Action::Up) => -1,
                Some(Action::PageDown) => 10,
                Some(Action::PageUp) => -10,
                // Back, and any key not bound here, closes the help.
                _ => {
                    app.modal = None;
                    return;
                }
            };
            let current = *scroll;
            let len = app.help_lines().len();
            if let Some(Modal::Help { scroll }) = app.modal.as_mut() {
                *scroll = if step < 0 {
                    current.saturating_sub(step.unsigned_abs())
                } else {
                    (current + step as usize).min(len.saturating_sub(1))
                };
            }
        }
        Modal::Palette { query, selected } => match (action, text) {
            (Some(Action::Back), _) => app.modal = None,
            (Some(Action::Up), _) => *selected = selected.saturating_sub(1),
            (Some(Action::Down), _) => {
                let (q, sel) = (query.clone(), *selected);
                let len = app.palette_matches(&q).len();
                if let Some(Modal::Palette { selected, .. }) = app.modal.as_mut() {
                    *selected = (sel + 1).min(len.saturating_sub(1));
                }
            }
            (Some(Action::DeleteBack), _) => {
                query.pop();
                *selected = 0;
            }
            (Some(Action::RunCommand), _) => {
                let q = query.clone();
                let sel = *selected;
                let matches = app.palette_matches(&q);
                app.modal = None;
                if let Some(a) = matches.get(sel.min(matches.len().saturating_sub(1))) {
                    app.update(*a);
                }
            }
            (_, Some(c)) => {
                query.push(c);
                *selected = 0;
            }
            _ => {}
        },
        Modal::Form(form) => match (action, text) {
            (Some(Action::CloseForm), _) => app.modal = None,
            (Some(Action::SaveForm), _) => app.submit_form(),
            (Some(Action::NextField), _) => form.next(),
            (Some(Action::PrevField), _) => form.prev(),
            (Some(Action::TakeTheirs), _) => app.take_theirs_into_form(),
            (Some(Action::Unanimous), _) => {
                // Unanimous: every member's vote "for".
                for f in form
                    .fields
                    .iter_mut()
                    .filter(|f| f.key.starts_with("vote:"))
                {
                    f.value = "yes".into();
                }
            }
            (Some(a), _) => {
                if let Some(f) = form.focused() {
                    match a {
                        Action::CursorLeft => f.left(),
                        Action::CursorRight => f.right(),
                        Action::LineStart => f.home(),
                        Action::LineEnd => f.end(),
                        Action::DeleteBack => f.backspace(),
                        Action::DeleteForward => f.delete(),
                        _ => {}
                    }
                }
            }
            (None, Some(c)) => {
                if let Some(f) = form.focused() {
                    f.insert(&c.to_string());
                }
            }
            (None, None) => {}
        },
        Modal::Editor(ed) => match (action, text) {
            (Some(Action::CloseEditor), _) => app.close_editor(),
            (Some(Action::SaveMinutes), _) => app.save_editor(),
            (Some(Action::TakeTheirs), _) => {
                if let Some(theirs) = ed.theirs.take() {
                    let fresh =
                        crate::app::form::Editor::new(&ed.title, ed.item_id, ed.version, &theirs);
                    *ed = fresh;
                    app.modal = None;
                    app.reload();
                }
            }
            (Some(Action::Newline), _) => ed.newline(),
            (Some(Action::DeleteBack), _) => ed.backspace(),
            (Some(Action::DeleteForward), _) => ed.delete(),
            (Some(Action::Up), _) => ed.up(),
            (Some(Action::Down), _) => ed.down(),
            (Some(Action::CursorLeft), _) => ed.left(),
            (Some(Action::CursorRight), _) => ed.right(),
            (Some(Action::LineStart), _) => ed.home(),
            (Some(Action::LineEnd), _) => ed.end(),
            (Some(Action::Indent), _) => ed.insert("    "),
            (None, Some(c)) => ed.insert(&c.to_string()),
            _ => {}
        },
    }
}
