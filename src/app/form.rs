//! Forms and the multi-line editor, as plain state: the TUI draws them and feeds keys.
//! A failed save leaves every field as typed, with the error shown above them.

use serde::{Deserialize, Serialize};

/// What a field holds and how keys edit it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FieldKind {
    Text,
    /// A date typed in any accepted form, in the user's calendar.
    Date,
    /// One of some options (code, label); ←/→ or space cycle, or type to pick.
    Choice(Vec<(String, String)>),
    /// A checkbox.
    Toggle,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    pub key: String,
    pub label: String,
    pub kind: FieldKind,
    /// Text as typed (for Choice: the chosen code; for Toggle: "yes" or "").
    pub value: String,
    /// Cursor position in characters (text fields).
    pub cursor: usize,
    pub hint: String,
    /// What was typed into a choice so far ("bi" picks "Bina" over "Behzad").
    #[serde(default, skip)]
    pub typed: String,
}

impl Field {
    pub fn text(key: &str, label: &str, value: &str) -> Field {
        Field {
            key: key.into(),
            label: label.into(),
            kind: FieldKind::Text,
            value: value.into(),
            cursor: value.chars().count(),
            hint: String::new(),
            typed: String::new(),
        }
    }
    pub fn date(key: &str, label: &str, value: &str) -> Field {
        Field {
            kind: FieldKind::Date,
            ..Field::text(key, label, value)
        }
    }
    pub fn choice(key: &str, label: &str, options: Vec<(String, String)>, value: &str) -> Field {
        let value = if options.iter().any(|(c, _)| c == value) {
            value.to_string()
        } else {
            options.first().map(|(c, _)| c.clone()).unwrap_or_default()
        };
        Field {
            key: key.into(),
            label: label.into(),
            kind: FieldKind::Choice(options),
            cursor: 0,
            value,
            hint: String::new(),
            typed: String::new(),
        }
    }
    pub fn toggle(key: &str, label: &str, on: bool) -> Field {
        Field {
            key: key.into(),
            label: label.into(),
            kind: FieldKind::Toggle,
            value: if on { "yes".into() } else { String::new() },
            cursor: 0,
            hint: String::new(),
            typed: String::new(),
        }
    }
    pub fn with_hint(mut self, hint: &str) -> Field {
        self.hint = hint.into();
        self
    }

    /// The label of the chosen option, or the text.
    pub fn shown(&self) -> String {
        match &self.kind {
            FieldKind::Choice(opts) => opts
                .iter()
                .find(|(c, _)| *c == self.value)
                .map(|(_, l)| l.clone())
                .unwrap_or_default(),
            FieldKind::Toggle => if self.value.is_empty() { "[ ]" } else { "[x]" }.into(),
            _ => self.value.clone(),
        }
    }

    fn cycle(&mut self, step: isize) {
        self.typed.clear();
        if let FieldKind::Choice(opts) = &self.kind {
            if opts.is_empty() {
                return;
            }
            let i = opts.iter().position(|(c, _)| *c == self.value).unwrap_or(0) as isize;
            let n = opts.len() as isize;
            let j = ((i + step) % n + n) % n;
            self.value = opts[j as usize].0.clone();
        }
    }

    /// Inserts typed or pasted text; newlines become spaces (a paste never submits).
    pub fn insert(&mut self, s: &str) {
        match &self.kind {
            FieldKind::Text | FieldKind::Date => {
                let s = s.replace("\r\n", "\n");
                let clean: String = s
                    .chars()
                    .map(|c| {
                        if c == '\n' || c == '\r' || c == '\t' {
                            ' '
                        } else {
                            c
                        }
                    })
                    .filter(|c| !c.is_control())
                    .collect();
                let at = byte_at(&self.value, self.cursor);
                self.value.insert_str(at, &clean);
                self.cursor += clean.chars().count();
            }
            FieldKind::Choice(opts) => {
                // Typing picks the first option whose label or code starts with what
                // was typed so far (or, failing that, with this key alone); then one
                // with a word of its label starting so ("sol" for "Maryam Soltani").
                let pick = |t: &str| {
                    let t = t.to_lowercase();
                    opts.iter()
                        .find(|(c, l)| {
                            l.to_lowercase().starts_with(&t) || c.to_lowercase().starts_with(&t)
                        })
                        .or_else(|| {
                            opts.iter().find(|(_, l)| {
                                l.to_lowercase()
                                    .split_whitespace()
                                    .any(|w| w.starts_with(&t))
                            })
                        })
                        .map(|(c, _)| c.clone())
                };
                let more = format!("{}{s}", self.typed);
                if let Some(c) = pick(&more) {
                    self.value = c;
                    self.typed = more;
                } else if let Some(c) = pick(s).filter(|_| s != " ") {
                    self.value = c;
                    self.typed = s.to_string();
                } else if s == " " {
                    self.cycle(1);
                }
            }
            FieldKind::Toggle => {
                if s == " " || s == "x" {
                    self.value = if self.value.is_empty() {
                        "yes".into()
                    } else {
                        String::new()
                    };
                }
            }
        }
    }

    pub fn backspace(&mut self) {
        if self.cursor == 0 || !matches!(self.kind, FieldKind::Text | FieldKind::Date) {
            return;
        }
        let start = byte_at(&self.value, self.cursor - 1);
        let end = byte_at(&self.value, self.cursor);
        self.value.replace_range(start..end, "");
        self.cursor -= 1;
    }

    pub fn delete(&mut self) {
        let n = self.value.chars().count();
        if self.cursor >= n || !matches!(self.kind, FieldKind::Text | FieldKind::Date) {
            return;
        }
        let start = byte_at(&self.value, self.cursor);
        let end = byte_at(&self.value, self.cursor + 1);
        self.value.replace_range(start..end, "");
    }

    pub fn left(&mut self) {
        match self.kind {
            FieldKind::Choice(_) => self.cycle(-1),
            _ => self.cursor = self.cursor.saturating_sub(1),
        }
    }

    pub fn right(&mut self) {
        match self.kind {
            FieldKind::Choice(_) => self.cycle(1),
            _ => self.cursor = (self.cursor + 1).min(self.value.chars().count()),
        }
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }
    pub fn end(&mut self) {
        self.cursor = self.value.chars().count();
    }
}

/// One line for a file or a screen: no control characters (a newline would split a
/// `key: value` line).
fn sanitize_one_line(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == '\n' || c == '\r' || c == '\t' {
                ' '
            } else {
                c
            }
        })
        .filter(|c| !c.is_control())
        .collect()
}

fn byte_at(s: &str, chars: usize) -> usize {
    s.char_indices()
        .nth(chars)
        .map(|(i, _)| i)
        .unwrap_or(s.len())
}

/// What a form creates or changes when it is saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FormPurpose {
    NewBody,
    NewMember {
        body_id: i64,
    },
    NewSession {
        body_id: i64,
    },
    NewItem {
        session_id: i64,
    },
    EditItem {
        item_id: i64,
        version: i64,
    },
    /// Moving an agenda item to the number typed.
    MoveItem {
        item_id: i64,
    },
    NewResolution {
        session_id: i64,
        item_id: Option<i64>,
    },
    NewTask {
        session_id: i64,
        resolution_id: Option<i64>,
        item_id: Option<i64>,
    },
    ReviewTask {
        session_id: Option<i64>,
        task_id: i64,
        version: i64,
    },
    /// The follow-up of a resolution without an open task, at a session's review.
    ReviewResolution {
        session_id: i64,
        resolution_id: i64,
        version: i64,
    },
    Guest {
        session_id: i64,
    },
    /// Closing a session: the time of its adjournment.
    Adjourn {
        session_id: i64,
    },
    /// Correcting approved minutes: at which later session, and why.
    CorrectMinutes {
        session_id: i64,
    },
    /// The browser's filter (nothing is written).
    BrowseFilter,
    /// A motion, a vote, an interest or the consent agenda (see `app::meeting`).
    Meeting(super::meeting::MeetingForm),
    /// A correction of the record (see `app::corrections`).
    Correction(super::corrections::CorrectionForm),
    /// A resolution's legal life: sending, acknowledgement, objection, answer, ruling
    /// (see `app::legal`).
    Legal(super::legal::LegalForm),
    /// A body's plan: a goal, policy, indicator or measurement (see `app::plans_screen`).
    Plan(super::plans_screen::PlanForm),
    /// A checklist, a visit, a score or a finding's task (see `app::visits_screen`).
    Visits(super::visits_screen::VisitsForm),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Form {
    pub title: String,
    pub purpose: FormPurpose,
    pub fields: Vec<Field>,
    pub focus: usize,
    /// Why the last save failed; the fields keep what was typed.
    pub error: Option<String>,
    /// A warning the user must confirm by saving again (e.g. no quorum).
    pub warning: Option<String>,
    pub confirmed: bool,
    /// Someone else saved the record after this form was opened: their values. The
    /// fields keep what the user typed; saving again keeps theirs over the new version.
    #[serde(default)]
    pub conflict: Option<FormConflict>,
    /// A line shown above the fields (a vote's requirement in the room now).
    #[serde(default)]
    pub note: Option<String>,
}

/// The other person's version of a record a form edits, read back after a save met a
/// conflict. Only the fields a save would overwrite are here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormConflict {
    /// (field key, their value as a field holds it: a choice's code, a date as typed).
    pub theirs: Vec<(String, String)>,
}

/// One field whose value differs between mine (the form) and theirs.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldDiff {
    pub key: String,
    pub label: String,
    /// As shown: a choice's label, an empty value as "—".
    pub mine: String,
    pub theirs: String,
}

/// Values compared loosely: spaces around and the digits' script do not count.
fn same_value(a: &str, b: &str) -> bool {
    let n = |s: &str| crate::locale::digits::to_latin_digits(s.trim());
    n(a) == n(b)
}

impl Form {
    pub fn new(title: &str, purpose: FormPurpose, fields: Vec<Field>) -> Form {
        Form {
            title: title.into(),
            purpose,
            fields,
            focus: 0,
            error: None,
            warning: None,
            confirmed: false,
            conflict: None,
            note: None,
        }
    }

    /// Their value of a field, when a conflict is shown and the field is compared.
    pub fn theirs(&self, key: &str) -> Option<&str> {
        self.conflict.as_ref().and_then(|c| {
            c.theirs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        })
    }

    /// The fields whose value differs from theirs, in form order.
    pub fn differing(&self) -> Vec<FieldDiff> {
        let mut out = Vec::new();
        for f in &self.fields {
            let Some(theirs) = self.theirs(&f.key) else {
                continue;
            };
            if same_value(&f.value, theirs) {
                continue;
            }
            let mut other = f.clone();
            other.value = theirs.to_string();
            let shown = |f: &Field| {
                let s = f.shown();
                if s.trim().is_empty() {
                    "—".to_string()
                } else {
                    s
                }
            };
            out.push(FieldDiff {
                key: f.key.clone(),
                label: f.label.clone(),
                mine: shown(f),
                theirs: shown(&other),
            });
        }
        out
    }

    /// Puts their values into the form (the other fields keep what was typed) and ends
    /// the conflict: the form now edits their version.
    pub fn take_theirs(&mut self) -> bool {
        let Some(c) = self.conflict.take() else {
            return false;
        };
        for (k, v) in &c.theirs {
            self.set(k, v);
        }
        self.error = None;
        true
    }

    /// The text `$EDITOR` gets to merge a conflict: comment lines (`#`) explaining it,
    /// then one `key: value` line per field; a field whose values differ is a block
    /// between conflict markers, mine first.
    pub fn merge_text(&self, lang: crate::locale::Lang) -> String {
        use crate::locale::strings::{t, Msg};
        let mut out = String::new();
        for line in t(lang, Msg::MergeFileHelp).split('\n') {
            out.push_str("# ");
            out.push_str(line);
            out.push('\n');
        }
        out.push_str(&format!("# {}\n", sanitize_one_line(&self.title)));
        out.push('\n');
        for f in &self.fields {
            let mut about = format!("# {}", sanitize_one_line(&f.label));
            if let FieldKind::Choice(opts) = &f.kind {
                let codes: Vec<&str> = opts.iter().map(|(c, _)| c.as_str()).collect();
                about.push_str(&format!(" ({})", codes.join(" | ")));
            }
            out.push_str(&about);
            out.push('\n');
            let mine = sanitize_one_line(&f.value);
            match self.theirs(&f.key) {
                Some(theirs) if !same_value(&f.value, theirs) => {
                    out.push_str(&format!(
                        "<<<<<<< {}\n{}: {mine}\n=======\n{}: {}\n>>>>>>> {}\n",
                        t(lang, Msg::MergeMine),
                        f.key,
                        f.key,
                        sanitize_one_line(theirs),
                        t(lang, Msg::MergeTheirs),
                    ));
                }
                _ => out.push_str(&format!("{}: {mine}\n", f.key)),
            }
        }
        out
    }

    /// Reads a merged text back into the fields. Nothing changes unless the whole text
    /// is good: every line a comment, blank, or `key: value` for a field of this form,
    /// each field at most once, no conflict markers left, a choice one of its codes or
    /// labels. A field left out keeps its value.
    pub fn apply_merge_text(
        &mut self,
        text: &str,
        lang: crate::locale::Lang,
    ) -> Result<(), String> {
        use crate::locale::strings::{tf, Msg};
        let mut values: Vec<(usize, String)> = Vec::new();
        for (n, raw) in text.lines().enumerate() {
            let line_no = (n + 1).to_string();
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            if ["<<<<<<<", "=======", ">>>>>>>"]
                .iter()
                .any(|m| line.starts_with(m))
            {
                return Err(tf(lang, Msg::MergeMarkerLeft, &[&line_no]));
            }
            let Some((key, value)) = line.split_once(':') else {
                return Err(tf(
                    lang,
                    Msg::MergeBadLine,
                    &[&line_no, &sanitize_one_line(line)],
                ));
            };
            let key = key.trim();
            let Some(i) = self.fields.iter().position(|f| f.key == key) else {
                return Err(tf(
                    lang,
                    Msg::MergeUnknownField,
                    &[&line_no, &sanitize_one_line(key)],
                ));
            };
            if values.iter().any(|(j, _)| *j == i) {
                return Err(tf(lang, Msg::MergeFieldTwice, &[&line_no, key]));
            }
            let value = value.strip_prefix(' ').unwrap_or(value).trim_end();
            let field = &self.fields[i];
            let value = match &field.kind {
                FieldKind::Choice(opts) => {
                    let v = value.trim();
                    match opts.iter().find(|(c, l)| c == v || l == v) {
                        Some((c, _)) => c.clone(),
                        None => {
                            let codes: Vec<&str> = opts.iter().map(|(c, _)| c.as_str()).collect();
                            return Err(tf(
                                lang,
                                Msg::MergeBadChoice,
                                &[&line_no, &sanitize_one_line(v), key, &codes.join(", ")],
                            ));
                        }
                    }
                }
                FieldKind::Toggle => {
                    let v = value.trim().to_lowercase();
                    if v.is_empty() || v == "no" || v == "[ ]" {
                        String::new()
                    } else {
                        "yes".into()
                    }
                }
                _ => value.to_string(),
            };
            values.push((i, value));
        }
        for (i, v) in values {
            let f = &mut self.fields[i];
            f.value = v;
            f.cursor = f.value.chars().count();
        }
        Ok(())
    }

    pub fn get(&self, key: &str) -> &str {
        self.fields
            .iter()
            .find(|f| f.key == key)
            .map(|f| f.value.as_str())
            .unwrap_or("")
    }

    pub fn set(&mut self, key: &str, value: &str) {
        if let Some(f) = self.fields.iter_mut().find(|f| f.key == key) {
            f.value = value.to_string();
            f.cursor = value.chars().count();
        }
    }

    pub fn opt(&self, key: &str) -> Option<String> {
        let v = self.get(key).trim();
        (!v.is_empty()).then(|| v.to_string())
    }

    pub fn focused(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.focus)
    }

    pub fn next(&mut self) {
        if !self.fields.is_empty() {
            self.focus = (self.focus + 1) % self.fields.len();
        }
    }

    pub fn prev(&mut self) {
        if !self.fields.is_empty() {
            self.focus = (self.focus + self.fields.len() - 1) % self.fields.len();
        }
    }
}

/// The inline multi-line editor (minutes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Editor {
    pub title: String,
    pub item_id: i64,
    /// The version of the item when editing began (to detect someone else's save).
    pub version: i64,
    pub lines: Vec<String>,
    pub row: usize,
    pub col: usize,
    pub error: Option<String>,
    /// Text someone else saved meanwhile, when a save met a conflict.
    pub theirs: Option<String>,
}

impl Editor {
    pub fn new(title: &str, item_id: i64, version: i64, text: &str) -> Editor {
        let mut lines: Vec<String> = text.split('\n').map(String::from).collect();
        if lines.is_empty() {
            lines.push(String::new());
        }
        let row = lines.len() - 1;
        let col = lines[row].chars().count();
        Editor {
            title: title.into(),
            item_id,
            version,
            lines,
            row,
            col,
            error: None,
            theirs: None,
        }
    }

    pub fn text(&self) -> String {
        self.lines.join("\n")
    }

    fn line(&mut self) -> &mut String {
        if self.lines.is_empty() {
            self.lines.push(String::new());
        }
        self.row = self.row.min(self.lines.len() - 1);
        &mut self.lines[self.row]
    }

    /// Inserts typed or pasted text; pasted newlines become line breaks.
    pub fn insert(&mut self, s: &str) {
        let s = s.replace("\r\n", "\n").replace('\r', "\n");
        for (i, part) in s.split('\n').enumerate() {
            if i > 0 {
                self.newline();
            }
            let clean: String = part
                .chars()
                .map(|c| if c == '\t' { ' ' } else { c })
                .filter(|c| !c.is_control())
                .collect();
            let col = self.col;
            let line = self.line();
            let at = byte_at(line, col);
            line.insert_str(at, &clean);
            self.col += clean.chars().count();
        }
    }

    pub fn newline(&mut self) {
        let col = self.col;
        let line = self.line();
        let at = byte_at(line, col);
        let rest = line.split_off(at);
        self.lines.insert(self.row + 1, rest);
        self.row += 1;
        self.col = 0;
    }

    pub fn backspace(&mut self) {
        if self.col > 0 {
            let col = self.col;
            let line = self.line();
            let start = byte_at(line, col - 1);
            let end = byte_at(line, col);
            line.replace_range(start..end, "");
            self.col -= 1;
        } else if self.row > 0 {
            let line = self.lines.remove(self.row);
            self.row -= 1;
            self.col = self.lines[self.row].chars().count();
            self.lines[self.row].push_str(&line);
        }
    }

    pub fn delete(&mut self) {
        let n = self
            .lines
            .get(self.row)
            .map(|l| l.chars().count())
            .unwrap_or(0);
        if self.col < n {
            let col = self.col;
            let line = self.line();
            let start = byte_at(line, col);
            let end = byte_at(line, col + 1);
            line.replace_range(start..end, "");
        } else if self.row + 1 < self.lines.len() {
            let next = self.lines.remove(self.row + 1);
            self.lines[self.row].push_str(&next);
        }
    }

    fn clamp_col(&mut self) {
        let n = self
            .lines
            .get(self.row)
            .map(|l| l.chars().count())
            .unwrap_or(0);
        self.col = self.col.min(n);
    }

    pub fn up(&mut self) {
        self.row = self.row.saturating_sub(1);
        self.clamp_col();
    }
    pub fn down(&mut self) {
        if self.row + 1 < self.lines.len() {
            self.row += 1;
        }
        self.clamp_col();
    }
    pub fn left(&mut self) {
        if self.col > 0 {
            self.col -= 1;
        } else if self.row > 0 {
            self.row -= 1;
            self.col = self.lines[self.row].chars().count();
        }
    }
    pub fn right(&mut self) {
        let n = self
            .lines
            .get(self.row)
            .map(|l| l.chars().count())
            .unwrap_or(0);
        if self.col < n {
            self.col += 1;
        } else if self.row + 1 < self.lines.len() {
            self.row += 1;
            self.col = 0;
        }
    }
    pub fn home(&mut self) {
        self.col = 0;
    }
    pub fn end(&mut self) {
        self.col = self
            .lines
            .get(self.row)
            .map(|l| l.chars().count())
            .unwrap_or(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_newline_never_submits_a_field() {
        let mut f = Field::text("t", "Title", "");
        f.insert("roof\nrepair");
        assert_eq!(f.value, "roof repair");
    }

    #[test]
    fn editor_edits_persian_by_character() {
        let mut e = Editor::new("m", 1, 1, "");
        e.insert("سلام");
        e.newline();
        e.insert("دنیا");
        e.backspace();
        assert_eq!(e.text(), "سلام\nدنی");
        e.up();
        e.end();
        e.delete();
        assert_eq!(e.text(), "سلامدنی");
    }

    #[test]
    fn choices_cycle_and_pick_by_typing() {
        let opts = vec![
            ("a".into(), "Adopted".into()),
            ("r".into(), "Rejected".into()),
        ];
        let mut f = Field::choice("d", "Decision", opts, "a");
        f.right();
        assert_eq!(f.value, "r");
        f.insert("A");
        assert_eq!(f.value, "a");
    }
}
