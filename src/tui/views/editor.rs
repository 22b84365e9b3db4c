//! The inline minutes editor.

use crate::locale::strings::{t, Msg};
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use ratatui::Frame;

use super::widgets;
use crate::app::form::Editor;
use crate::app::Prefs;
use crate::locale::text::{cell_width, display_cell, Align};
use crate::locale::Lang;
use crate::tui::theme::Theme;

pub fn draw(f: &mut Frame, area: Rect, ed: &Editor, theme: &Theme, prefs: Prefs) {
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
    let block = widgets::block(&title, true, theme, prefs);
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
    let first = ed.row.saturating_sub(text_h.saturating_sub(1));
    let align = if crate::locale::text::is_rtl_text(&ed.text())
        || prefs.lang == Lang::Fa && ed.text().trim().is_empty()
    {
        Align::Right
    } else {
        Align::Left
    };
    for (i, line) in ed.lines.iter().enumerate().skip(first).take(text_h) {
        let shown = display_cell(line, inner.width as usize, prefs.lang, prefs.bidi, align);
        let row = y + (i - first) as u16;
        f.render_widget(
            Paragraph::new(Line::styled(shown, theme.base)),
            Rect::new(inner.x, row, inner.width, 1),
        );
        if i == ed.row && align == Align::Left {
            let before: String = line.chars().take(ed.col).collect();
            let cx = inner.x + (cell_width(&before) as u16).min(inner.width.saturating_sub(1));
            f.set_cursor_position(Position::new(cx, row));
        }
    }
    let help = t(prefs.lang, Msg::CtrlSSaveCtrlE);
    if inner.height > 0 {
        widgets::line(
            f,
            Rect::new(inner.x, inner.y + inner.height - 1, inner.width, 1),
            help,
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
