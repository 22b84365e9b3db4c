//! The member's own view: my open tasks, my next sessions, the sessions I attended
//! (Enter opens one, with its minutes).

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::Frame;

use super::widgets::{self, Col};
use super::{Clicks, Target};
use crate::app::pages::MinePane;
use crate::app::state::{App, ListKind};
use crate::locale::digits::localize_digits;
use crate::locale::strings::{t, tf, Msg};
use crate::locale::Lang;
use crate::tui::theme::Theme;

pub fn title(app: &App) -> String {
    let l = app.lang();
    match app.mine.as_ref().and_then(|m| m.person.as_ref()) {
        Some(p) => format!("{} — {}", t(l, Msg::MyScreen), p.name.get(l)),
        None => t(l, Msg::MyScreen).to_string(),
    }
}

pub fn draw(f: &mut Frame, area: Rect, app: &App, theme: &Theme, clicks: &mut Clicks) {
    let Some(m) = &app.mine else { return };
    let l = app.lang();
    let prefs = app.ctx.prefs;
    if m.person.is_none() {
        let text = tf(l, Msg::NoPersonForLogin, &[&app.ctx.store.actor.login]);
        widgets::text_block(
            f,
            area,
            t(l, Msg::MyScreen),
            &[(text, theme.warn)],
            true,
            theme,
            prefs,
        );
        return;
    }
    let rtl = l == Lang::Fa;
    let [tasks_area, bottom] =
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(area);
    let [a, b] =
        Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)]).areas(bottom);
    let (upcoming_area, attended_area) = if rtl { (b, a) } else { (a, b) };

    let with_filter = |title: String, kind: ListKind| {
        if app.filter.is_empty() || app.focused_list() != kind {
            title
        } else {
            format!("{title} /{}", app.filter)
        }
    };
    let pick = |kind: ListKind| app.visible_rows(kind);

    let rows: Vec<Vec<String>> = pick(ListKind::MyTasks)
        .into_iter()
        .filter_map(|i| m.tasks.get(i))
        .map(|r| {
            vec![
                app.ctx.opt_date(r.task.due),
                r.task.title.clone(),
                r.body_name.get(l).to_string(),
                r.task.status.label(l).to_string(),
                localize_digits(&format!("{}%", r.task.percent), l),
            ]
        })
        .collect();
    let styles: Vec<Style> = pick(ListKind::MyTasks)
        .into_iter()
        .filter_map(|i| m.tasks.get(i))
        .map(|r| widgets::overdue_style(&r.task, app.ctx.today, theme.warn, theme))
        .collect();
    widgets::table(
        f,
        tasks_area,
        &with_filter(
            format!(
                "{} · {}",
                t(l, Msg::MyTasks),
                localize_digits(&m.tasks.len().to_string(), l)
            ),
            ListKind::MyTasks,
        ),
        &[
            t(l, Msg::Due),
            t(l, Msg::Task),
            t(l, Msg::Body),
            t(l, Msg::Status),
            t(l, Msg::Percent),
        ],
        &[
            Col::Fixed(10),
            Col::Flex,
            Col::Fixed(20),
            Col::Fixed(10),
            Col::Fixed(4),
        ],
        &rows,
        Some(m.tasks_cursor),
        m.pane == MinePane::Tasks,
        theme,
        prefs,
        &styles,
    );
    clicks.remember(tasks_area, Target::MyTasks);

    let session_rows = |kind: ListKind, rows: &Vec<crate::store::read::SessionRow>| {
        pick(kind)
            .into_iter()
            .filter_map(|i| rows.get(i))
            .map(|s| {
                vec![
                    app.ctx.date(s.session.date),
                    s.body_name.get(l).to_string(),
                    s.session.number_text(l),
                ]
            })
            .collect::<Vec<_>>()
    };
    let headers = [t(l, Msg::Date), t(l, Msg::Body), t(l, Msg::Number)];
    let cols = [Col::Fixed(10), Col::Flex, Col::Fixed(5)];
    widgets::table(
        f,
        upcoming_area,
        &with_filter(t(l, Msg::MyNextSessions).to_string(), ListKind::MyUpcoming),
        &headers,
        &cols,
        &session_rows(ListKind::MyUpcoming, &m.upcoming),
        Some(m.upcoming_cursor),
        m.pane == MinePane::Upcoming,
        theme,
        prefs,
        &[],
    );
    clicks.remember(upcoming_area, Target::MyUpcoming);
    widgets::table(
        f,
        attended_area,
        &with_filter(
            t(l, Msg::SessionsIAttended).to_string(),
            ListKind::MyAttended,
        ),
        &headers,
        &cols,
        &session_rows(ListKind::MyAttended, &m.attended),
        Some(m.attended_cursor),
        m.pane == MinePane::Attended,
        theme,
        prefs,
        &[],
    );
    clicks.remember(attended_area, Target::MyAttended);
}
