//! The frame: title bar, the screen on top of the stack, the status line, and any
//! popup. Reads only the app's cached state: no query runs while drawing.

use crate::locale::strings::{t, Msg};
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Clear;
use ratatui::Frame;

use super::theme::Theme;
use super::views::{self, widgets};
use crate::app::keymap::{keys_of, Action};
use crate::app::state::{App, Modal, Screen};
use crate::locale::Lang;

/// Draws the app as it is; reads state and never changes it (the event loop tells the
/// app the terminal's size first, see [`App::resize`]).
pub fn draw(f: &mut Frame, app: &App, theme: &Theme) {
    draw_with_clicks(f, app, theme, &mut views::Clicks::default());
}

/// Draws, and gives back where the lists are, for a mouse click on this frame.
pub fn draw_with_clicks(f: &mut Frame, app: &App, theme: &Theme, clicks: &mut views::Clicks) {
    let area = f.area();
    f.render_widget(ratatui::widgets::Block::default().style(theme.base), area);
    let [top, main, bottom] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
    ])
    .areas(area);
    let prefs = app.ctx.prefs;
    let title = match app.screen() {
        Screen::Bodies => t(app.lang(), Msg::HomeTitle).to_string(),
        Screen::Session(_) => app
            .session
            .as_ref()
            .map(|v| {
                format!(
                    "{} — {} {}",
                    v.record.body.name.get(app.lang()),
                    t(app.lang(), Msg::Session2),
                    v.record.session.number_text(app.lang())
                )
            })
            .unwrap_or_default(),
        Screen::Dashboard => views::dashboard::title(app),
        Screen::Browse => views::browse::title(app),
        Screen::Resolution(_) => views::resolution::title(app),
        Screen::Mine => views::mine::title(app),
        Screen::Plans(_) => views::plans::title(app),
        Screen::Visits(_) => views::visits::title(app),
        Screen::Visit(_) => views::visits::page_title(app),
    };
    let right = format!(
        "{} · {}",
        app.ctx.store.actor.login,
        app.ctx.date(app.ctx.today)
    );
    let [left_area, right_area] = Layout::horizontal([
        Constraint::Min(10),
        Constraint::Length(crate::locale::text::cell_width(&right) as u16 + 1),
    ])
    .areas(top);
    if app.lang() == Lang::Fa {
        // The title on the right, clear of the user and date on the left.
        let title_area = Rect::new(
            top.x + right_area.width,
            top.y,
            top.width.saturating_sub(right_area.width),
            1,
        );
        widgets::line(f, title_area, &title, theme.title, prefs);
        widgets::line(
            f,
            Rect::new(top.x, top.y, right_area.width, 1),
            &right,
            theme.muted,
            ratatui_prefs_ltr(prefs),
        );
    } else {
        widgets::line(f, left_area, &title, theme.title, prefs);
        widgets::line(f, right_area, &right, theme.muted, prefs);
    }
    match app.screen() {
        Screen::Bodies => views::bodies::draw(f, main, app, theme, clicks),
        Screen::Session(_) => views::session::draw(f, main, app, theme, clicks),
        Screen::Dashboard => views::dashboard::draw(f, main, app, theme, clicks),
        Screen::Browse => views::browse::draw(f, main, app, theme, clicks),
        Screen::Resolution(_) => views::resolution::draw(f, main, app, theme, clicks),
        Screen::Mine => views::mine::draw(f, main, app, theme, clicks),
        Screen::Plans(_) => views::plans::draw(f, main, app, theme, clicks),
        Screen::Visits(_) => views::visits::draw(f, main, app, theme, clicks),
        Screen::Visit(_) => views::visits::draw_page(f, main, app, theme, clicks),
    }
    let status = if app.filtering {
        (format!("/{}▏", app.filter), theme.accent)
    } else if let Some(s) = &app.status {
        (s.text.clone(), if s.error { theme.error } else { theme.ok })
    } else {
        (hints(app, bottom.width as usize), theme.muted)
    };
    let hinting = !app.filtering && app.status.is_none();
    if hinting && app.lang() == Lang::Fa {
        widgets::visual_line(f, bottom, &status.0, status.1);
    } else {
        widgets::line(f, bottom, &status.0, status.1, prefs);
    }
    if let Some(modal) = &app.modal {
        let popup = match modal {
            Modal::Help { .. } | Modal::Palette { .. } => {
                widgets::centered(area, 76, area.height.saturating_sub(2))
            }
            Modal::Editor(_) => widgets::centered(
                area,
                area.width.saturating_sub(4).min(110),
                area.height.saturating_sub(2),
            ),
            Modal::Form(form) => {
                // A conflict's message takes about three lines more than an error's one.
                let extra = if form.conflict.is_some() { 2 } else { 0 }
                    + u16::from(form.note.is_some()) * 2;
                widgets::centered(area, 72, (form.fields.len() as u16) * 2 + 6 + extra)
            }
            Modal::Notice(_) | Modal::Confirm { .. } => widgets::centered(area, 70, 8),
        };
        f.render_widget(Clear, popup);
        views::draw_modal(f, popup, app, theme);
    } else if let Some(b) = app.ballot.as_ref().filter(|_| app.ballot_showing()) {
        let popup = widgets::centered(area, 72, 12);
        f.render_widget(Clear, popup);
        views::motions::draw_ballot(f, popup, app, b, theme);
    }
}

fn ratatui_prefs_ltr(p: crate::locale::Prefs) -> crate::locale::Prefs {
    crate::locale::Prefs {
        lang: Lang::En,
        ..p
    }
}

/// The key hints shown when there is no message.
fn hints(app: &App, width: usize) -> String {
    let l = app.lang();
    let k = |a: Action| {
        keys_of(&app.bindings, a)
            .split(", ")
            .next()
            .unwrap_or("")
            .to_string()
    };
    let pairs: Vec<(String, &str)> = match app.screen() {
        Screen::Bodies => vec![
            (k(Action::Open), Action::Open.describe(l)),
            (k(Action::Help), Action::Help.describe(l)),
            (k(Action::NewSession), Action::NewSession.describe(l)),
            (k(Action::NewBody), Action::NewBody.describe(l)),
            (k(Action::AddMember), Action::AddMember.describe(l)),
            (k(Action::Quit), Action::Quit.describe(l)),
        ],
        Screen::Session(_) => {
            let roll = app
                .session
                .as_ref()
                .map(|v| v.pane == crate::app::state::SessionPane::RollCall)
                .unwrap_or(false);
            let motions = app
                .session
                .as_ref()
                .is_some_and(|v| v.pane == crate::app::state::SessionPane::Motions);
            if motions {
                vec![
                    (k(Action::MoveMotion), t(l, Msg::MeetHintMove)),
                    (k(Action::TakeVote), t(l, Msg::MeetHintVote)),
                    (k(Action::OpenVote), t(l, Msg::MeetHintOpen)),
                    (k(Action::CloseVote), t(l, Msg::MeetHintClose)),
                    (k(Action::SecondMotion), t(l, Msg::MeetHintSecond)),
                    (k(Action::AmendMotion), t(l, Msg::MeetHintAmend)),
                    (k(Action::Help), Action::Help.describe(l)),
                ]
            } else if roll {
                vec![
                    (k(Action::MarkPresent), Action::MarkPresent.describe(l)),
                    (k(Action::MarkAbsent), Action::MarkAbsent.describe(l)),
                    (k(Action::MarkExcused), Action::MarkExcused.describe(l)),
                    (k(Action::MarkLate), Action::MarkLate.describe(l)),
                    (k(Action::MarkRemote), Action::MarkRemote.describe(l)),
                    (k(Action::AllPresent), t(l, Msg::AllWord)),
                    (k(Action::Help), Action::Help.describe(l)),
                ]
            } else {
                // The next step of the session's life comes first.
                use crate::model::SessionStatus;
                let next = match app.session.as_ref().map(|v| v.record.session.status) {
                    Some(SessionStatus::Planned) => Some(Action::OpenSession),
                    Some(SessionStatus::Open) => Some(Action::CloseSession),
                    Some(SessionStatus::Closed) => Some(Action::ApproveMinutes),
                    // Approved minutes someone is still to sign.
                    Some(SessionStatus::Approved)
                        if app
                            .session
                            .as_ref()
                            .and_then(|v| v.signatures.as_ref())
                            .is_some_and(|s| !s.unsigned.is_empty()) =>
                    {
                        Some(Action::SignMinutes)
                    }
                    _ => None,
                };
                let mut v: Vec<(String, &str)> =
                    next.map(|a| (k(a), a.describe(l))).into_iter().collect();
                v.extend(vec![
                    (k(Action::WriteMinutes), t(l, Msg::Minutes2)),
                    (k(Action::AddResolution), t(l, Msg::Resolution2)),
                    (k(Action::AddTask), t(l, Msg::Task2)),
                    (k(Action::NextPane), t(l, Msg::RollCallReview)),
                    (k(Action::Help), Action::Help.describe(l)),
                ]);
                v
            }
        }
        Screen::Dashboard => vec![
            (k(Action::Open), Action::Open.describe(l)),
            (k(Action::BrowseAll), t(l, Msg::BrowseAllShort)),
            (k(Action::CycleScope), t(l, Msg::ScopeShort)),
            (k(Action::GoBodies), t(l, Msg::Bodies)),
            (k(Action::GoTasks), t(l, Msg::Tasks)),
            (k(Action::Help), Action::Help.describe(l)),
        ],
        Screen::Browse => vec![
            (k(Action::Open), Action::Open.describe(l)),
            (k(Action::EditFilter), t(l, Msg::FilterTitle)),
            (k(Action::Filter), t(l, Msg::SearchShort)),
            (k(Action::CycleOrder), t(l, Msg::Order)),
            (k(Action::ToggleOverdue), t(l, Msg::Overdue)),
            (k(Action::ReviewTask), t(l, Msg::Progress)),
            (k(Action::Help), Action::Help.describe(l)),
        ],
        Screen::Resolution(_) => vec![
            (k(Action::ReviewTask), t(l, Msg::Progress)),
            (k(Action::NextPane), t(l, Msg::AuditHistory)),
            (k(Action::Back), Action::Back.describe(l)),
            (k(Action::Help), Action::Help.describe(l)),
        ],
        Screen::Visits(_) => vec![
            (k(Action::Open), Action::Open.describe(l)),
            (k(Action::NewVisit), t(l, Msg::EvHintNewVisit)),
            (k(Action::NewChecklist), t(l, Msg::EvHintNewChecklist)),
            (k(Action::EditChecklist), t(l, Msg::EvHintEditChecklist)),
            (k(Action::NextPane), Action::NextPane.describe(l)),
            (k(Action::Help), Action::Help.describe(l)),
        ],
        Screen::Visit(_) => vec![
            (k(Action::ScoreCriterion), t(l, Msg::EvHintScoreKey)),
            (k(Action::FindingToTask), t(l, Msg::EvHintTaskKey)),
            (k(Action::Back), Action::Back.describe(l)),
            (k(Action::Help), Action::Help.describe(l)),
        ],
        Screen::Mine => vec![
            (k(Action::ReviewTask), t(l, Msg::Progress)),
            (k(Action::Open), Action::Open.describe(l)),
            (k(Action::NextPane), Action::NextPane.describe(l)),
            (k(Action::GoDashboard), t(l, Msg::DashboardScreen)),
            (k(Action::Help), Action::Help.describe(l)),
        ],
        Screen::Plans(_) => vec![
            (k(Action::RecordMeasurement), t(l, Msg::PlanShortRecord)),
            (k(Action::NewIndicator), t(l, Msg::PlanShortIndicator)),
            (k(Action::NewPolicy), t(l, Msg::PlanShortPolicy)),
            (k(Action::NewGoal), t(l, Msg::PlanShortGoal)),
            (k(Action::EditPlanRow), t(l, Msg::PlanShortEdit)),
            (k(Action::Help), Action::Help.describe(l)),
        ],
    };
    let mut parts: Vec<String> = pairs
        .iter()
        .map(|(key, what)| match l {
            // Each hint reordered on its own, then laid out right to left.
            Lang::Fa => {
                crate::locale::text::visual(&format!("{what} {key}"), l, app.ctx.prefs.bidi)
            }
            Lang::En => format!("{key} {what}"),
        })
        .collect();
    // Keep the first (most useful) hints that fit.
    while parts.len() > 1 && crate::locale::text::cell_width(&parts.join("  ·  ")) > width {
        parts.pop();
    }
    if l == Lang::Fa {
        parts.reverse();
    }
    parts.join("  ·  ")
}

/// A mouse click on the frame drawn last: focuses and selects what is under it (when
/// mouse support is on).
pub fn click(app: &mut App, clicks: &views::Clicks, column: u16, row: u16) {
    views::click(app, clicks, column, row);
}
