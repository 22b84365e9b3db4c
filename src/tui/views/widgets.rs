//! Drawing helpers shared by the views: tables and titles that are safe for stored
//! text (sanitized), right-to-left aware (mirrored columns, reordered cells) and exact
//! in width (the lam-alef problem is handled by `display_cell`).

use crate::locale::strings::Msg;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Table, TableState};
use ratatui::Frame;

use crate::locale::text::{cell_width, display_cell, display_lines, Align};
use crate::locale::Lang;
use crate::locale::Prefs;
use crate::tui::theme::Theme;

/// A column: a fixed width, or the one that takes what is left.
#[derive(Debug, Clone, Copy)]
pub enum Col {
    Fixed(u16),
    Flex,
}

/// A bordered block with a title on the reading side.
pub fn block<'a>(title: &str, focused: bool, theme: &Theme, prefs: Prefs) -> Block<'a> {
    block_in(title, 204, focused, theme, prefs)
}

/// A block for an area `width` cells wide: a long title is cut at its end in reading
/// order (so a Persian title keeps its beginning, on the right).
pub fn block_in<'a>(
    title: &str,
    width: u16,
    focused: bool,
    theme: &Theme,
    prefs: Prefs,
) -> Block<'a> {
    let room = (width as usize).saturating_sub(4).max(1);
    let text = display_cell(
        title,
        cell_width(title).min(room),
        prefs.lang,
        prefs.bidi,
        Align::Left,
    );
    let mut b = Block::default()
        .borders(Borders::ALL)
        .border_style(if focused {
            theme.focused_border
        } else {
            theme.border
        })
        .title(Line::from(Span::styled(
            format!(" {} ", text.trim_end()),
            theme.title,
        )));
    if prefs.lang == Lang::Fa {
        b = b.title_alignment(Alignment::Right);
    }
    b
}

fn widths(cols: &[Col], total: u16) -> Vec<u16> {
    let gaps = cols.len().saturating_sub(1) as u16;
    let fixed: u16 = cols
        .iter()
        .map(|c| match c {
            Col::Fixed(w) => *w,
            Col::Flex => 0,
        })
        .sum();
    let flex = total.saturating_sub(fixed + gaps).max(4);
    cols.iter()
        .map(|c| match c {
            Col::Fixed(w) => *w,
            Col::Flex => flex,
        })
        .collect()
}

/// The rows of a list that a table in `area` shows with `selected` in view: the first
/// row's index and how many. Views with long lists build only those rows and pass them
/// with `selected - first`.
pub fn shown_rows(area: Rect, selected: usize, len: usize) -> std::ops::Range<usize> {
    let visible = area.height.saturating_sub(3).max(1) as usize;
    let first = crate::app::state::first_shown(selected, len, area.height);
    first..(first + visible).min(len)
}

/// A selectable table. Cells are plain stored text; this prepares them for display.
/// In Persian the columns run right to left and text is right-aligned.
#[allow(clippy::too_many_arguments)]
pub fn table(
    f: &mut Frame,
    area: Rect,
    title: &str,
    headers: &[&str],
    cols: &[Col],
    rows: &[Vec<String>],
    selected: Option<usize>,
    focused: bool,
    theme: &Theme,
    prefs: Prefs,
    row_styles: &[Style],
) {
    let inner_width = area.width.saturating_sub(2);
    let w = widths(cols, inner_width);
    let rtl = prefs.lang == Lang::Fa;
    let align = if rtl { Align::Right } else { Align::Left };
    let prepare = |cells: &[String]| -> Vec<String> {
        let mut out: Vec<String> = w
            .iter()
            .enumerate()
            .map(|(i, width)| {
                let text = cells.get(i).map(String::as_str).unwrap_or("");
                display_cell(text, *width as usize, prefs.lang, prefs.bidi, align)
            })
            .collect();
        if rtl {
            out.reverse();
        }
        out
    };
    let mut widths_in_order = w.clone();
    if rtl {
        widths_in_order.reverse();
    }
    let header_cells: Vec<String> = headers.iter().map(|h| h.to_string()).collect();
    let header = Row::new(prepare(&header_cells).into_iter().map(Cell::from)).style(theme.accent);
    // Only the rows that fit are prepared (reordering and measuring a cell is not free):
    // the window scrolls just enough to show the selected row, as ratatui's own would.
    let visible = area.height.saturating_sub(3).max(1) as usize;
    let offset = selected
        .map(|s| crate::app::state::first_shown(s, rows.len(), area.height))
        .unwrap_or(0);
    let body: Vec<Row> = rows
        .iter()
        .enumerate()
        .skip(offset)
        .take(visible)
        .map(|(i, r)| {
            let row = Row::new(prepare(r).into_iter().map(Cell::from));
            match row_styles.get(i) {
                Some(s) => row.style(*s),
                None => row,
            }
        })
        .collect();
    let constraints: Vec<ratatui::layout::Constraint> = widths_in_order
        .iter()
        .map(|w| ratatui::layout::Constraint::Length(*w))
        .collect();
    let mut t = Table::new(body, constraints)
        .header(header)
        .column_spacing(1)
        .block(block_in(title, area.width, focused, theme, prefs));
    if focused {
        t = t.row_highlight_style(theme.selected);
    } else {
        t = t.row_highlight_style(theme.muted.add_modifier(ratatui::style::Modifier::REVERSED));
    }
    let mut state = TableState::default();
    if !rows.is_empty() {
        state.select(selected.map(|s| s.min(rows.len() - 1) - offset));
    }
    f.render_stateful_widget(t, area, &mut state);
    if rows.is_empty() {
        let msg = crate::locale::strings::t(prefs.lang, Msg::NothingHereYet);
        if area.height > 3 && area.width > 4 {
            let inner = Rect::new(area.x + 1, area.y + 2, area.width - 2, 1);
            let line = display_cell(msg, inner.width as usize, prefs.lang, prefs.bidi, align);
            f.render_widget(Paragraph::new(Line::styled(line, theme.muted)), inner);
        }
    }
}

/// A wrapped, sanitized, reordered paragraph in a block.
pub fn text_block(
    f: &mut Frame,
    area: Rect,
    title: &str,
    lines: &[(String, Style)],
    focused: bool,
    theme: &Theme,
    prefs: Prefs,
) {
    let width = area.width.saturating_sub(2) as usize;
    let mut out: Vec<Line> = Vec::new();
    for (text, style) in lines {
        if text.is_empty() {
            out.push(Line::from(""));
            continue;
        }
        for l in display_lines(text, width, prefs.lang, prefs.bidi) {
            out.push(Line::styled(l, *style));
        }
    }
    f.render_widget(
        Paragraph::new(out).block(block_in(title, area.width, focused, theme, prefs)),
        area,
    );
}

/// One line across `area`, on the reading side.
pub fn line(f: &mut Frame, area: Rect, text: &str, style: Style, prefs: Prefs) {
    let align = if prefs.lang == Lang::Fa {
        Align::Right
    } else {
        Align::Left
    };
    let s = display_cell(text, area.width as usize, prefs.lang, prefs.bidi, align);
    f.render_widget(Paragraph::new(Line::styled(s, style)), area);
}

/// A centered rectangle for popups.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// A line already in visual order (built from reordered pieces), right-aligned.
pub fn visual_line(f: &mut Frame, area: Rect, visual_text: &str, style: Style) {
    let s = crate::locale::text::sanitize_line(visual_text);
    let s = crate::locale::text::truncate_to_width(&s, area.width as usize);
    let s = crate::locale::text::pad_to_width(&s, area.width as usize, Align::Right);
    let s = crate::locale::text::compensate_width(&s).into_owned();
    f.render_widget(Paragraph::new(Line::styled(s, style)), area);
}

/// Key hints ("key what" pairs separated by `|` in the catalogue), laid out in the
/// reading direction: in Persian each hint is reordered on its own and the hints run
/// right to left, so every key stays beside its own label.
pub fn hints(f: &mut Frame, area: Rect, spec: &str, style: Style, prefs: Prefs) {
    if prefs.lang != Lang::Fa {
        line(f, area, &spec.replace('|', " · "), style, prefs);
        return;
    }
    let mut parts: Vec<String> = spec
        .split('|')
        .map(|h| crate::locale::text::visual(h.trim(), prefs.lang, prefs.bidi))
        .collect();
    while parts.len() > 1 && cell_width(&parts.join(" · ")) > area.width as usize {
        parts.pop();
    }
    parts.reverse();
    visual_line(f, area, &parts.join(" · "), style);
}

/// `alert` for a task past its due date and still open, else the base style.
pub fn overdue_style(
    task: &crate::model::Task,
    today: chrono::NaiveDate,
    alert: Style,
    theme: &Theme,
) -> Style {
    if task.days_overdue(today).is_some() {
        alert
    } else {
        theme.base
    }
}
