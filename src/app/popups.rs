//! The popups over a screen (a notice, a question, the help, the palette, a form, the
//! minutes editor): each one's keys, as actions of the keymap in its scope (see
//! `App::active_scopes`) or the character typed in a text field.

use super::form::{Editor, Form};
use super::keymap::Action;
use super::state::{App, Modal};

impl App {
    /// A key while a popup is open.
    pub fn modal_key(&mut self, action: Option<Action>, text: Option<char>) {
        let Some(modal) = self.modal.as_mut() else {
            return;
        };
        match modal {
            Modal::Notice(_) => self.modal = None,
            Modal::Confirm { action: asked, .. } => {
                let asked = *asked;
                self.confirm_key(asked, action);
            }
            Modal::Help { scroll } => {
                let current = *scroll;
                self.help_key(current, action);
            }
            Modal::Palette { .. } => self.palette_key(action, text),
            Modal::Form(_) => self.form_key(action, text),
            Modal::Editor(_) => self.editor_key(action, text),
        }
    }

    /// A question: y runs the action; no, and any key not bound here, answers no.
    fn confirm_key(&mut self, asked: Action, action: Option<Action>) {
        self.modal = None;
        if action == Some(Action::ConfirmYes) {
            self.confirm(asked);
        }
    }

    /// The help scrolls; Back, and any key not bound here, closes it.
    fn help_key(&mut self, current: usize, action: Option<Action>) {
        let step: isize = match action {
            Some(Action::Down) => 1,
            Some(Action::Up) => -1,
            Some(Action::PageDown) => 10,
            Some(Action::PageUp) => -10,
            _ => {
                self.modal = None;
                return;
            }
        };
        let len = self.help_lines().len();
        if let Some(Modal::Help { scroll }) = self.modal.as_mut() {
            *scroll = if step < 0 {
                current.saturating_sub(step.unsigned_abs())
            } else {
                (current + step as usize).min(len.saturating_sub(1))
            };
        }
    }

    /// The palette: a query typed, a match chosen, the match run.
    fn palette_key(&mut self, action: Option<Action>, text: Option<char>) {
        let Some(Modal::Palette { query, selected }) = self.modal.as_mut() else {
            return;
        };
        match (action, text) {
            (Some(Action::Back), _) => self.modal = None,
            (Some(Action::Up), _) => *selected = selected.saturating_sub(1),
            (Some(Action::Down), _) => {
                let (q, sel) = (query.clone(), *selected);
                let len = self.palette_matches(&q).len();
                if let Some(Modal::Palette { selected, .. }) = self.modal.as_mut() {
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
                let matches = self.palette_matches(&q);
                self.modal = None;
                if let Some(a) = matches.get(sel.min(matches.len().saturating_sub(1))) {
                    self.update(*a);
                }
            }
            (_, Some(c)) => {
                query.push(c);
                *selected = 0;
            }
            _ => {}
        }
    }

    /// A form: its fields edited, saved or closed.
    fn form_key(&mut self, action: Option<Action>, text: Option<char>) {
        let Some(Modal::Form(form)) = self.modal.as_mut() else {
            return;
        };
        match (action, text) {
            (Some(Action::CloseForm), _) => self.modal = None,
            (Some(Action::SaveForm), _) => self.submit_form(),
            (Some(Action::NextField), _) => form.next(),
            (Some(Action::PrevField), _) => form.prev(),
            (Some(Action::TakeTheirs), _) => self.take_theirs_into_form(),
            (Some(Action::Unanimous), _) => unanimous(form),
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
        }
    }

    /// The minutes editor: text typed, saved, closed, or replaced by theirs.
    fn editor_key(&mut self, action: Option<Action>, text: Option<char>) {
        let Some(Modal::Editor(ed)) = self.modal.as_mut() else {
            return;
        };
        match (action, text) {
            (Some(Action::CloseEditor), _) => self.close_editor(),
            (Some(Action::SaveMinutes), _) => self.save_editor(),
            (Some(Action::TakeTheirs), _) => {
                if let Some(theirs) = ed.theirs.take() {
                    let fresh = Editor::new(&ed.title, ed.item_id, ed.version, &theirs);
                    *ed = fresh;
                    self.modal = None;
                    self.reload();
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
        }
    }
}

/// Unanimous: every member's vote "for".
fn unanimous(form: &mut Form) {
    for f in form
        .fields
        .iter_mut()
        .filter(|f| f.key.starts_with("vote:"))
    {
        f.value = "yes".into();
    }
}
