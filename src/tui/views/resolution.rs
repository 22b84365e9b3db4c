//! A resolution's page: what was decided, where, by what vote; its tasks; and the
//! history of its follow-up, session by session, with its audit trail.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::Frame;

use super::widgets::{self, Col};
use super::{Clicks, Target};
use crate::app::pages::ResolutionPage;
use crate::app::state::App;
use crate::locale::digits::localize_digits;
use crate::locale::strings::{t, Msg};
use crate::locale::Lang;
use crate::tui::theme::Theme;

pub fn title(app: &App) -> String {
    let l = app.lang();
    match &app.resolution_page {
        Some(p) => format!(
            "{} {} — {}",
            t(l, Msg::Resolution),
            localize_digits(&p.resolution.number, l),
            p.body_name.get(l)
        ),
        None => t(l, Msg::ResolutionScreen).to_string(),
    }
}

fn details(app: &App, p: &ResolutionPage, theme: &Theme) -> Vec<(String, Style)> {
    let l = app.lang();
    let r = &p.resolution;
    let n = |x: i64| localize_digits(&x.to_string(), l);
    let mut lines = Vec::new();
    if let Some(s) = &p.session {
        lines.push((
            format!(
                "{} {} · {}",
                t(l, Msg::Session),
                n(s.number),
                app.ctx.date(s.date)
            ),
            theme.muted,
        ));
    }
    if let Some(item) = &p.item_title {
        lines.push((format!("{}: {item}", t(l, Msg::Item)), theme.muted));
    }
    let mut vote = format!("{}: {}", t(l, Msg::Decision), r.decision.label(l));
    if let Some(tally) = &r.tally {
        vote.push_str(&format!(
            " · {} {} · {} {} · {} {}",
            t(l, Msg::For),
            n(tally.yes),
            t(l, Msg::Against),
            n(tally.no),
            t(l, Msg::Abstain),
            n(tally.abstain)
        ));
    }
    lines.push((vote, theme.base));
    if !p.votes.is_empty() {
        let sep = if l == Lang::Fa { "، " } else { ", " };
        let votes: Vec<String> = p
            .votes
            .iter()
            .map(|(name, v)| format!("{}: {}", name.get(l), v.label(l)))
            .collect();
        lines.push((
            format!("{}: {}", t(l, Msg::Votes), votes.join(sep)),
            theme.muted,
        ));
    }
    let mut status = format!("{}: {}", t(l, Msg::Status), r.status.label(l));
    if let Some(o) = &r.owner {
        status.push_str(&format!(" · {}: {o}", t(l, Msg::Owner)));
    }
    if let Some(d) = r.due {
        status.push_str(&format!(" · {}: {}", t(l, Msg::Due), app.ctx.date(d)));
    }
    let overdue = r.status.is_open() && r.due.is_some_and(|d| d < app.ctx.today);
    lines.push((status, if overdue { theme.warn } else { theme.base }));
    if let Some(v) = &p.legal {
        let late = !v.life.problems.is_empty();
        lines.push((
            format!("{}: {}", t(l, Msg::InLaw), v.description),
            if late { theme.warn } else { theme.base },
        ));
        for s in &v.sendings {
            let mut line = crate::locale::strings::tf(
                l,
                Msg::LegalSentTo,
                &[
                    &app.ctx.date(s.sent_on),
                    &s.recipient,
                    s.recipient_kind.label(l),
                    s.method.label(l),
                ],
            );
            if let Some(a) = s.acknowledged_on {
                line.push_str(t(l, Msg::ListSeparator));
                line.push_str(&crate::locale::strings::tf(
                    l,
                    Msg::LegalAcknowledged,
                    &[&app.ctx.date(a)],
                ));
            }
            lines.push((format!("  {line}"), theme.muted));
        }
        for e in &v.events {
            let by = if e.by.is_empty() {
                String::new()
            } else {
                format!(" ({})", e.by)
            };
            lines.push((
                format!("  {} — {}{by}", app.ctx.date(e.on), e.kind.label(l)),
                theme.muted,
            ));
        }
    }
    lines.push((String::new(), theme.base));
    lines.push((r.text.clone(), theme.base));
    lines
}

/// Progress updates, oldest first, then the audit trail, newest first.
pub fn history_lines(app: &App, p: &ResolutionPage, theme: &Theme) -> Vec<(String, Style)> {
    let l = app.lang();
    let n = |x: i64| localize_digits(&x.to_string(), l);
    let mut lines = vec![(t(l, Msg::Progress).to_string(), theme.accent)];
    if p.progress.is_empty() {
        lines.push((t(l, Msg::NothingHereYet).to_string(), theme.muted));
    }
    for u in &p.progress {
        let when = match (u.session_number, u.session_date) {
            (Some(num), Some(date)) => {
                format!("{} {} ({})", t(l, Msg::Session), n(num), app.ctx.date(date))
            }
            _ => localize_digits(u.at.get(..10).unwrap_or(&u.at), l),
        };
        let subject = u
            .task_title
            .clone()
            .unwrap_or_else(|| t(l, Msg::Resolution).to_string());
        let mut line = format!("{when}: {subject} → {}", u.status.label(l));
        if let Some(percent) = u.percent {
            line.push_str(&localize_digits(&format!(" {percent}%"), l));
        }
        if !u.note.is_empty() {
            line.push_str(&format!(" — {}", u.note));
        }
        lines.push((line, theme.base));
    }
    lines.push((String::new(), theme.base));
    lines.push((t(l, Msg::AuditHistory).to_string(), theme.accent));
    for a in &p.audit {
        lines.push((
            format!(
                "{} {} {} {}{}",
                localize_digits(a.at.get(..16).unwrap_or(&a.at), l),
                a.login,
                a.action,
                a.entity,
                a.entity_id
                    .map(|i| format!(" #{}", localize_digits(&i.to_string(), l)))
                    .unwrap_or_default()
            ),
            theme.muted,
        ));
    }
    lines
}

pub fn draw(f: &mut Frame, area: Rect, app: &App, theme: &Theme, clicks: &mut Clicks) {
    let Some(p) = &app.resolution_page else {
        return;
    };
    let l = app.lang();
    let prefs = app.ctx.prefs;
    let rtl = l == Lang::Fa;
    let wide = area.width >= 110;
    let (left, history_area) = if wide {
        if rtl {
            let [h, left] =
                Layout::horizontal([Constraint::Percentage(45), Constraint::Percentage(55)])
                    .areas(area);
            (left, h)
        } else {
            let [left, h] =
                Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                    .areas(area);
            (left, h)
        }
    } else {
        let [left, h] =
            Layout::vertical([Constraint::Percentage(65), Constraint::Percentage(35)]).areas(area);
        (left, h)
    };
    let [details_area, tasks_area] =
        Layout::vertical([Constraint::Percentage(55), Constraint::Percentage(45)]).areas(left);
    widgets::text_block(
        f,
        details_area,
        &title(app),
        &details(app, p, theme),
        false,
        theme,
        prefs,
    );
    let rows: Vec<Vec<String>> = p
        .tasks
        .iter()
        .map(|r| {
            vec![
                r.task.title.clone(),
                r.assignee(l),
                app.ctx.opt_date(r.task.due),
                r.task.status.label(l).to_string(),
                localize_digits(&format!("{}%", r.task.percent), l),
            ]
        })
        .collect();
    let styles: Vec<Style> = p
        .tasks
        .iter()
        .map(|r| widgets::overdue_style(&r.task, app.ctx.today, theme.warn, theme))
        .collect();
    widgets::table(
        f,
        tasks_area,
        t(l, Msg::Tasks),
        &[
            t(l, Msg::Task),
            t(l, Msg::Assignee),
            t(l, Msg::Due),
            t(l, Msg::Status),
            t(l, Msg::Percent),
        ],
        &[
            Col::Flex,
            Col::Fixed(16),
            Col::Fixed(10),
            Col::Fixed(10),
            Col::Fixed(4),
        ],
        &rows,
        Some(p.task_cursor),
        !p.history_focus,
        theme,
        prefs,
        &styles,
    );
    clicks.remember(tasks_area, Target::PageTasks);
    let history = history_lines(app, p, theme);
    let skip = p.scroll.min(history.len().saturating_sub(1));
    widgets::text_block(
        f,
        history_area,
        &format!("{} · {}", t(l, Msg::Progress), t(l, Msg::AuditHistory)),
        &history[skip..],
        p.history_focus,
        theme,
        prefs,
    );
}
