//! The inline minutes editor.

use crate::locale::strings::{t, Msg};
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::widgets;
use crate::app::form::Editor;
use crate::app::keymap::{fill_hints, key_hint, Action, Binding, Scope};
use crate::locale::text::{cell_width, display_cell, Align};
use crate::locale::Lang;
use crate::locale::Prefs;
use crate::tui::theme::Theme;

pub fn draw(
    f: &mut Frame,
    area: Rect,
    ed: &Editor,
    theme: &Theme,
    prefs: Prefs,
    bindings: &[Binding],
) {
    let title = crate::locale::strings::tf(
        prefs.lang,
        crate::locale::strings::Msg::MinutesTitle,
        &[&ed.title],
    );
    let (main, theirs_area) = if ed.theirs.is_some() {
        let [a, b] =
            Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)]).areas(area);
        (a, Some(b))
    } else {
        (area, None)
    };
    let block = widgets::block_in(&title, main.width, true, theme, prefs);
    let inner = block.inner(main);
    f.render_widget(block, main);
    let mut y = inner.y;
    if let Some(e) = &ed.error {
        for l in crate::locale::text::display_lines(e, inner.width as usize, prefs.lang, prefs.bidi)
        {
            f.render_widget(
                Paragraph::new(Line::styled(l, theme.error)),
                Rect::new(inner.x, y, inner.width, 1),
            );
            y += 1;
        }
    }
    let text_h = (inner.y + inner.height).saturating_sub(y + 1) as usize;
    let width = inner.width as usize;
    let align = if crate::locale::text::is_rtl_text(&ed.text())
        || prefs.lang == Lang::Fa && ed.text().trim().is_empty()
    {
        Align::Right
    } else {
        Align::Left
    };
    // Long lines wrap (at a space when there is one); each wrapped row is reordered
    // for display on its own. Rows: (line index, first char, end char).
    let mut rows: Vec<(usize, usize, usize)> = Vec::new();
    let mut cursor_row = 0;
    for (i, line) in ed.lines.iter().enumerate() {
        let segments = wrap_offsets(line, width.max(1));
        for (k, (start, end)) in segments.iter().enumerate() {
            let last = k + 1 == segments.len();
            if i == ed.row && ed.col >= *start && (ed.col < *end || last) {
                cursor_row = rows.len();
            }
            rows.push((i, *start, *end));
        }
    }
    let first = cursor_row.saturating_sub(text_h.saturating_sub(1));
    for (n, (i, start, end)) in rows.iter().enumerate().skip(first).take(text_h) {
        let line = &ed.lines[*i];
        let piece: String = line.chars().skip(*start).take(end - start).collect();
        let shown = display_cell(&piece, width, prefs.lang, prefs.bidi, align);
        let row = y + (n - first) as u16;
        f.render_widget(
            Paragraph::new(Line::styled(shown, theme.base)),
            Rect::new(inner.x, row, inner.width, 1),
        );
        if n == cursor_row {
            let at = ed.col - start;
            let cx = if align == Align::Left {
                let before: String = line.chars().skip(*start).take(at).collect();
                inner.x + (cell_width(&before) as u16).min(inner.width.saturating_sub(1))
            } else {
                // Right-aligned, in visual order: find the typed position's cell.
                let piece = crate::locale::text::truncate_to_width(
                    &crate::locale::text::sanitize_line(&piece),
                    width,
                );
                let left = inner.x as isize + width as isize - cell_width(&piece) as isize;
                let col = if prefs.bidi == crate::locale::text::BidiMode::App {
                    crate::locale::text::visual_cursor_column(&piece, at, prefs.lang)
                } else {
                    cell_width(&piece.chars().take(at).collect::<String>()) as isize
                };
                (left + col).clamp(inner.x as isize, (inner.x + inner.width) as isize - 1) as u16
            };
            f.set_cursor_position(Position::new(cx, row));
        }
    }
    if inner.height > 0 {
        // The keys from the table, so an override shows here too.
        let keys: Vec<String> = [
            Action::SaveMinutes,
            Action::ContinueInEditor,
            Action::CloseEditor,
        ]
        .iter()
        .map(|a| key_hint(bindings, Scope::Editor, *a))
        .collect();
        widgets::hints(
            f,
            Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1),
            &fill_hints(t(prefs.lang, Msg::EditorHelp), &keys),
            theme.muted,
            prefs,
        );
    }
    if let (Some(theirs), Some(a)) = (&ed.theirs, theirs_area) {
        let title = t(prefs.lang, Msg::TheirVersionSavedMeanwhile);
        let lines: Vec<(String, ratatui::style::Style)> = theirs
            .lines()
            .map(|l| (l.to_string(), theme.muted))
            .collect();
        widgets::text_block(f, a, title, &lines, false, theme, prefs);
    }
}

/// Splits a line into rows of at most `width` cells, breaking after a space when one is
/// in the row, else inside the word. Returns char ranges; an empty line is one row.
pub fn wrap_offsets(line: &str, width: usize) -> Vec<(usize, usize)> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        let mut used = 0;
        let mut end = start;
        let mut last_space = None;
        while end < chars.len() {
            let w = cell_width(&chars[end].to_string());
            if used + w > width && end > start {
                break;
            }
            used += w;
            if chars[end] == ' ' {
                last_space = Some(end + 1);
            }
            end += 1;
        }
        if end < chars.len() {
            if let Some(s) = last_space.filter(|s| *s > start) {
                end = s;
            }
        }
        out.push((start, end));
        start = end;
    }
    if out.is_empty() {
        out.push((0, 0));
    }
    out
}
