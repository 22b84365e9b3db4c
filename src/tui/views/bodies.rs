//! The home screen: bodies (as a tree), the selected body's sessions and members.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::Frame;

use super::widgets::{self, Col};
use super::{Clicks, Target};
use crate::app::state::{App, BodiesPane, ListKind};
use crate::locale::strings::{t, Msg};
use crate::tui::theme::Theme;

pub fn draw(f: &mut Frame, area: Rect, app: &App, theme: &Theme, clicks: &mut Clicks) {
    let prefs = app.ctx.prefs;
    let l = prefs.lang;
    let wide = area.width >= 110;
    let rtl = l == crate::locale::Lang::Fa;
    // Persian mirrors the panes: the bodies on the right, members on the left.
    let (bodies_area, sessions_area, members_area) = if wide {
        let widths = [
            Constraint::Percentage(40),
            Constraint::Percentage(32),
            Constraint::Percentage(28),
        ];
        if rtl {
            let [c, b, a] = Layout::horizontal([widths[2], widths[1], widths[0]]).areas(area);
            (a, b, c)
        } else {
            let [a, b, c] = Layout::horizontal(widths).areas(area);
            (a, b, c)
        }
    } else {
        let (a, right) = if rtl {
            let [right, a] =
                Layout::horizontal([Constraint::Percentage(52), Constraint::Percentage(48)])
                    .areas(area);
            (a, right)
        } else {
            let [a, right] =
                Layout::horizontal([Constraint::Percentage(48), Constraint::Percentage(52)])
                    .areas(area);
            (a, right)
        };
        let [b, c] =
            Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(right);
        (a, b, c)
    };

    let visible = app.visible_bodies();
    let rows: Vec<Vec<String>> = visible
        .iter()
        .map(|&i| {
            let b = &app.home.bodies[i];
            let depth = app.home.body_depth.get(i).copied().unwrap_or(0);
            vec![
                format!("{}{}", "  ".repeat(depth), b.name.get(l)),
                b.kind.label(l).to_string(),
            ]
        })
        .collect();
    let with_filter = |title: &str, kind: ListKind| {
        if app.filter.is_empty() || app.focused_list() != kind {
            title.to_string()
        } else {
            format!("{title} /{}", app.filter)
        }
    };
    let title = with_filter(t(l, Msg::Bodies), ListKind::Bodies);
    widgets::table(
        f,
        bodies_area,
        &title,
        &[t(l, Msg::Name), t(l, Msg::Kind)],
        &[Col::Flex, Col::Fixed(13)],
        &rows,
        Some(app.home.body_cursor.selected),
        app.home.pane == BodiesPane::Bodies,
        theme,
        prefs,
        &[],
    );
    clicks.remember(bodies_area, Target::Bodies);

    let visible_sessions: Vec<_> = app
        .visible_rows(ListKind::Sessions)
        .into_iter()
        .filter_map(|i| app.home.sessions.get(i))
        .collect();
    let rows: Vec<Vec<String>> = visible_sessions
        .iter()
        .map(|s| {
            vec![
                s.session.number_text(l),
                app.ctx.date(s.session.date),
                s.session.status.label(l).to_string(),
            ]
        })
        .collect();
    // "12 (term 6)" for a body that numbers per term: the column takes it whole.
    let number_width = rows
        .iter()
        .map(|r| unicode_width::UnicodeWidthStr::width(r[0].as_str()))
        .max()
        .unwrap_or(0)
        .clamp(5, 16) as u16;
    let styles: Vec<_> = visible_sessions
        .iter()
        .map(|s| {
            if s.session.date >= app.ctx.today {
                theme.accent
            } else {
                theme.base
            }
        })
        .collect();
    widgets::table(
        f,
        sessions_area,
        &with_filter(t(l, Msg::Sessions), ListKind::Sessions),
        &[t(l, Msg::Number), t(l, Msg::Date), t(l, Msg::Status)],
        &[Col::Fixed(number_width), Col::Fixed(10), Col::Flex],
        &rows,
        Some(app.home.session_cursor.selected),
        app.home.pane == BodiesPane::Sessions,
        theme,
        prefs,
        &styles,
    );
    clicks.remember(sessions_area, Target::Sessions);

    let rows: Vec<Vec<String>> = app
        .visible_rows(ListKind::Members)
        .into_iter()
        .filter_map(|i| app.home.members.get(i))
        .map(|m| {
            let mut role = m.membership.role.label(l).to_string();
            if !m.membership.voting {
                role.push_str(t(l, Msg::NoVote));
            }
            vec![m.person.name.get(l).to_string(), role]
        })
        .collect();
    widgets::table(
        f,
        members_area,
        &with_filter(t(l, Msg::Members), ListKind::Members),
        &[t(l, Msg::Name), t(l, Msg::Role)],
        &[Col::Flex, Col::Fixed(14)],
        &rows,
        Some(app.home.member_cursor.selected),
        app.home.pane == BodiesPane::Members,
        theme,
        prefs,
        &[],
    );
    clicks.remember(members_area, Target::Members);
}
