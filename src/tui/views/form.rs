//! A form popup: one field per line, the error or warning above.

use crate::locale::strings::{t, Msg};
use ratatui::layout::{Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::widgets;
use crate::app::form::{FieldKind, Form};
use crate::app::keymap::{fill_hints, key_hint, Action, Binding, Scope};
use crate::locale::text::{cell_width, display_cell, Align};
use crate::locale::Lang;
use crate::locale::Prefs;
use crate::tui::theme::Theme;

pub fn draw(
    f: &mut Frame,
    area: Rect,
    form: &Form,
    theme: &Theme,
    prefs: Prefs,
    bindings: &[Binding],
) {
    let block = widgets::block_in(&form.title, area.width, true, theme, prefs);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let rtl = prefs.lang == Lang::Fa;
    let align = if rtl { Align::Right } else { Align::Left };
    let mut y = inner.y;
    let width = inner.width as usize;
    for (msg, style) in [
        (&form.error, theme.error),
        (&form.warning, theme.warn),
        (&form.note, theme.accent),
    ] {
        if let Some(m) = msg {
            for l in crate::locale::text::display_lines(m, width, prefs.lang, prefs.bidi) {
                if y < inner.y + inner.height {
                    f.render_widget(
                        Paragraph::new(Line::styled(l, style)),
                        Rect::new(inner.x, y, inner.width, 1),
                    );
                    y += 1;
                }
            }
        }
    }
    let label_w = form
        .fields
        .iter()
        .map(|fl| cell_width(&fl.label))
        .max()
        .unwrap_or(8)
        .min(width / 2) as u16
        + 1;
    // Each field takes two rows (value, then its hint); the last row is the key help.
    // When they don't all fit, the view scrolls so the focused field shows.
    let diffs = form.differing();
    let rows_left = (inner.y + inner.height).saturating_sub(y + 1) as usize;
    let fit = (rows_left / 2).max(1);
    let first = (form.focus + 1).saturating_sub(fit);
    for (i, field) in form.fields.iter().enumerate().skip(first) {
        if y + 2 > inner.y + inner.height {
            break;
        }
        let focused = i == form.focus;
        let label = display_cell(
            &field.label,
            label_w as usize,
            prefs.lang,
            prefs.bidi,
            align,
        );
        let value_w = inner.width.saturating_sub(label_w + 1);
        // A text longer than its box scrolls so the cursor stays in view.
        let window_start = if focused && matches!(field.kind, FieldKind::Text | FieldKind::Date) {
            scroll_start(
                &field.value,
                field.cursor,
                value_w.saturating_sub(1) as usize,
            )
        } else {
            0
        };
        let shown = match &field.kind {
            FieldKind::Choice(_) => format!("‹ {} ›", field.shown()),
            // "[x]" or "[ ]", never the stored "yes" (an English word in a Persian form).
            FieldKind::Toggle => field.shown(),
            _ => field.value.chars().skip(window_start).collect(),
        };
        let value = display_cell(&shown, value_w as usize, prefs.lang, prefs.bidi, align);
        let (label_x, value_x) = if rtl {
            ((inner.x + inner.width).saturating_sub(label_w), inner.x)
        } else {
            (inner.x, inner.x + label_w + 1)
        };
        f.render_widget(
            Paragraph::new(Line::styled(
                label,
                if focused { theme.accent } else { theme.base },
            )),
            Rect::new(label_x, y, label_w, 1),
        );
        f.render_widget(
            Paragraph::new(Line::styled(
                value,
                if focused { theme.selected } else { theme.base },
            )),
            Rect::new(value_x, y, value_w, 1),
        );
        if focused && matches!(field.kind, FieldKind::Text | FieldKind::Date) {
            let at = field.cursor.saturating_sub(window_start);
            let cx = if rtl {
                // Right-aligned, in visual order: find the typed position's cell.
                let line = crate::locale::text::truncate_to_width(
                    &crate::locale::text::sanitize_line(&shown),
                    value_w as usize,
                );
                let left = value_x as isize + value_w as isize - cell_width(&line) as isize;
                let col = if prefs.bidi == crate::locale::text::BidiMode::App {
                    crate::locale::text::visual_cursor_column(&line, at, prefs.lang)
                } else {
                    cell_width(&line.chars().take(at).collect::<String>()) as isize
                };
                (left + col).clamp(value_x as isize, (value_x + value_w) as isize - 1) as u16
            } else {
                let before: String = shown.chars().take(at).collect();
                value_x + (cell_width(&before) as u16).min(value_w.saturating_sub(1))
            };
            f.set_cursor_position(Position::new(cx, y));
        }
        y += 1;
        // After a conflict, theirs goes on the row under mine, wherever they differ.
        let diff = diffs.iter().find(|d| d.key == field.key);
        if let Some(d) = diff.filter(|_| y < inner.y + inner.height) {
            let text = format!("{} {}", t(prefs.lang, Msg::TheirsPrefix), d.theirs);
            let shown = display_cell(&text, value_w as usize, prefs.lang, prefs.bidi, align);
            f.render_widget(
                Paragraph::new(Line::styled(shown, theme.warn)),
                Rect::new(value_x, y, value_w, 1),
            );
            // The label marks the field as differing.
            let mark = display_cell("≠", label_w as usize, prefs.lang, prefs.bidi, align);
            f.render_widget(
                Paragraph::new(Line::styled(mark, theme.warn)),
                Rect::new(label_x, y, label_w, 1),
            );
        } else if !field.hint.is_empty() && focused && y < inner.y + inner.height {
            let hint = display_cell(&field.hint, value_w as usize, prefs.lang, prefs.bidi, align);
            f.render_widget(
                Paragraph::new(Line::styled(hint, theme.muted)),
                Rect::new(value_x, y, value_w, 1),
            );
        }
        y += 1;
    }
    if inner.height > 0 {
        let last = Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1);
        // The keys from the table, so an override shows here too.
        let (help, actions): (Msg, &[Action]) = if form.conflict.is_some() {
            (
                Msg::FormConflictHelp,
                &[
                    Action::SaveForm,
                    Action::TakeTheirs,
                    Action::MergeInEditor,
                    Action::CloseForm,
                ],
            )
        } else {
            (
                Msg::FormHelp,
                &[
                    Action::SaveForm,
                    Action::NextField,
                    Action::CursorLeft,
                    Action::CursorRight,
                    Action::CloseForm,
                ],
            )
        };
        let keys: Vec<String> = actions
            .iter()
            .map(|a| key_hint(bindings, Scope::Form, *a))
            .collect();
        let help = fill_hints(t(prefs.lang, help), &keys);
        widgets::hints(f, last, &help, theme.muted, prefs);
    }
}

/// The first character to show so that the text before `cursor` fits in `width` cells.
pub fn scroll_start(text: &str, cursor: usize, width: usize) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let cursor = cursor.min(chars.len());
    let mut used = 0;
    let mut start = cursor;
    while start > 0 {
        let w = cell_width(&chars[start - 1].to_string());
        if used + w > width {
            break;
        }
        used += w;
        start -= 1;
    }
    start
}
