//! The task and resolution browsers: the rows read around the cursor, with the filter
//! and the count in the title.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::Frame;

use super::widgets::{self, Col};
use super::{Clicks, Target};
use crate::app::browse::{BrowseKind, Browser};
use crate::app::screens::{count_text, order_label, status_choice_label};
use crate::app::state::App;
use crate::locale::digits::localize_digits;
use crate::locale::strings::{t, Msg};
use crate::tui::theme::Theme;

pub fn title(app: &App) -> String {
    let l = app.lang();
    match app.browser.as_ref().map(|b| b.kind) {
        Some(BrowseKind::Resolutions) => t(l, Msg::Resolutions).to_string(),
        _ => t(l, Msg::Tasks).to_string(),
    }
}

/// The filter in words: "Finance + children · open · overdue · due 1405/01/01–… · soonest".
fn filter_line(app: &App, b: &Browser) -> String {
    let l = app.lang();
    let f = &b.filter;
    let mut parts = Vec::new();
    match f.body_id {
        Some(id) => {
            let name = app
                .home
                .bodies
                .iter()
                .find(|x| x.id == id)
                .map(|x| x.name.get(l).to_string())
                .unwrap_or_else(|| format!("#{id}"));
            if f.children {
                parts.push(format!("{name} + {}", t(l, Msg::WithChildren)));
            } else {
                parts.push(name);
            }
        }
        None => parts.push(t(l, Msg::AllBodies).to_string()),
    }
    parts.push(status_choice_label(f.status, l).to_string());
    if f.overdue {
        parts.push(t(l, Msg::OnlyOverdue).to_string());
    }
    if let Some(a) = f.assignee_id {
        let name = app
            .ctx
            .store
            .person(a)
            .map(|p| p.name.get(l).to_string())
            .unwrap_or_else(|_| format!("#{a}"));
        parts.push(format!("{}: {name}", t(l, Msg::Assignee)));
    }
    if f.from.is_some() || f.to.is_some() {
        parts.push(format!(
            "{} {}–{}",
            t(l, Msg::Due),
            app.ctx.opt_date(f.from),
            app.ctx.opt_date(f.to)
        ));
    }
    parts.push(order_label(f.order, b.kind, l).to_string());
    if !b.text.is_empty() {
        parts.push(format!("/{}", b.text));
    }
    parts.join(" · ")
}

pub fn draw(f: &mut Frame, area: Rect, app: &App, theme: &Theme, clicks: &mut Clicks) {
    let Some(b) = &app.browser else { return };
    let l = app.lang();
    let prefs = app.ctx.prefs;
    let [filter_area, list_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(3)]).areas(area);
    widgets::line(f, filter_area, &filter_line(app, b), theme.muted, prefs);
    let n = |x: i64| localize_digits(&x.to_string(), l);
    let position = if b.total == 0 {
        String::new()
    } else {
        format!(
            " · {}/{}",
            count_text(b.selected + 1, false, l),
            count_text(b.total, b.capped, l)
        )
    };
    let wide = area.width >= 110;
    // Only the rows on screen are formatted.
    let shown = widgets::shown_rows(list_area, b.selected_in_window(), b.window_len());
    let selected = b.selected_in_window() - shown.start;
    match b.kind {
        BrowseKind::Tasks => {
            let tasks = &b.tasks[shown.clone()];
            let rows: Vec<Vec<String>> = tasks
                .iter()
                .map(|r| {
                    let assignee = r.assignee(l);
                    let mut row = vec![
                        app.ctx.opt_date(r.task.due),
                        r.task.title.clone(),
                        assignee,
                        r.task.status.label(l).to_string(),
                        localize_digits(&format!("{}%", r.task.percent), l),
                    ];
                    if wide {
                        row.push(r.body_name.get(l).to_string());
                        row.push(localize_digits(
                            r.resolution_number.as_deref().unwrap_or(""),
                            l,
                        ));
                    }
                    row
                })
                .collect();
            let styles: Vec<Style> = tasks
                .iter()
                .map(|r| widgets::overdue_style(&r.task, app.ctx.today, theme.warn, theme))
                .collect();
            let mut headers = vec![
                t(l, Msg::Due),
                t(l, Msg::Task),
                t(l, Msg::Assignee),
                t(l, Msg::Status),
                t(l, Msg::Percent),
            ];
            let mut cols = vec![
                Col::Fixed(10),
                Col::Flex,
                Col::Fixed(16),
                Col::Fixed(10),
                Col::Fixed(4),
            ];
            if wide {
                headers.extend([t(l, Msg::Body), t(l, Msg::ResolutionNo)]);
                cols.extend([Col::Fixed(22), Col::Fixed(14)]);
            }
            widgets::table(
                f,
                list_area,
                &format!("{}{position}", t(l, Msg::Tasks)),
                &headers,
                &cols,
                &rows,
                Some(selected),
                true,
                theme,
                prefs,
                &styles,
            );
        }
        BrowseKind::Resolutions => {
            let rows: Vec<Vec<String>> = b.resolutions[shown.clone()]
                .iter()
                .map(|r| {
                    let mut row = vec![
                        localize_digits(&r.resolution.number, l),
                        app.ctx.date(r.resolution.created_on),
                        r.resolution.text.clone(),
                        r.resolution.status.label(l).to_string(),
                        n(r.open_tasks),
                    ];
                    if wide {
                        row.push(r.body_name.get(l).to_string());
                        row.push(app.ctx.opt_date(r.resolution.due));
                    }
                    row
                })
                .collect();
            let mut headers = vec![
                t(l, Msg::Number),
                t(l, Msg::Date),
                t(l, Msg::Text),
                t(l, Msg::Status),
                t(l, Msg::OpenTasks),
            ];
            let mut cols = vec![
                Col::Fixed(12),
                Col::Fixed(10),
                Col::Flex,
                Col::Fixed(10),
                Col::Fixed(5),
            ];
            if wide {
                headers.extend([t(l, Msg::Body), t(l, Msg::Due)]);
                cols.extend([Col::Fixed(22), Col::Fixed(10)]);
            }
            widgets::table(
                f,
                list_area,
                &format!("{}{position}", t(l, Msg::Resolutions)),
                &headers,
                &cols,
                &rows,
                Some(selected),
                true,
                theme,
                prefs,
                &[],
            );
        }
    }
    clicks.remember(list_area, Target::Browse);
}
