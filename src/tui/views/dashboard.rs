//! The chair's dashboard: the figures on one side, the list behind the figure in focus
//! on the other (below it on a narrow terminal). Enter drills into a row, `b` opens the
//! whole list in a browser, `s` changes the scope.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::Frame;

use super::widgets::{self, Col};
use super::{Clicks, Target};
use crate::app::dashboard_screen::LegalKind;
use crate::app::dashboard_screen::{percent, DashPane, DashScope, DashboardScreen, Section};
use crate::app::screens::{count_text, format_number, rule_months, section_title};
use crate::app::state::{App, ListKind};
use crate::locale::digits::localize_digits;
use crate::locale::strings::{t, tf, Msg};
use crate::locale::Lang;
use crate::model::absences::Standing;
use crate::tui::theme::Theme;

/// The screen's title: what it covers.
pub fn title(app: &App) -> String {
    let l = app.lang();
    let Some(d) = &app.dashboard else {
        return t(l, Msg::DashboardScreen).to_string();
    };
    let name = |id: i64| {
        app.home
            .bodies
            .iter()
            .find(|b| b.id == id)
            .map(|b| b.name.get(l).to_string())
            .unwrap_or_else(|| format!("#{id}"))
    };
    let scope = match d.scope {
        DashScope::All => t(l, Msg::AllBodies).to_string(),
        DashScope::Body(id) => name(id),
        DashScope::Tree(id) => format!("{} + {}", name(id), t(l, Msg::WithChildren)),
    };
    format!("{} — {scope}", t(l, Msg::DashboardScreen))
}

pub fn draw(f: &mut Frame, area: Rect, app: &App, theme: &Theme, clicks: &mut Clicks) {
    let Some(d) = &app.dashboard else { return };
    let prefs = app.ctx.prefs;
    let rtl = prefs.lang == Lang::Fa;
    let wide = area.width >= 110;
    let (figures_area, detail_area) = if wide {
        let fig = Constraint::Length(48);
        if rtl {
            let [detail, figures] = Layout::horizontal([Constraint::Min(20), fig]).areas(area);
            (figures, detail)
        } else {
            let [figures, detail] = Layout::horizontal([fig, Constraint::Min(20)]).areas(area);
            (figures, detail)
        }
    } else {
        let [figures, detail] =
            Layout::vertical([Constraint::Length(14), Constraint::Min(4)]).areas(area);
        (figures, detail)
    };
    draw_figures(f, figures_area, app, d, theme);
    clicks.remember(figures_area, Target::Figures);
    draw_detail(f, detail_area, app, d, theme);
    clicks.remember(detail_area, Target::Detail);
}

/// One figure in words, and whether it calls for attention.
fn figure(app: &App, d: &DashboardScreen, s: Section) -> (String, bool) {
    let l = app.lang();
    let n = |x: usize| localize_digits(&x.to_string(), l);
    let pct = |p: Option<i64>| match p {
        Some(p) => localize_digits(&format!("{p}%"), l),
        None => "—".to_string(),
    };
    let tt = &d.totals;
    match s {
        Section::OpenResolutions => (
            count_text(tt.open_resolutions.max(0) as usize, false, l),
            false,
        ),
        Section::OverdueTasks => (n(tt.overdue_tasks), tt.overdue_tasks > 0),
        Section::DueThisWeek => (n(tt.due_this_week), false),
        Section::UpcomingSessions => (n(tt.upcoming_sessions), false),
        Section::Compliance => {
            if tt.bodies_with_rule == 0 {
                ("—".into(), false)
            } else if tt.bodies_broken == 0 && tt.bodies_at_risk == 0 {
                (t(l, Msg::ComplianceMet).to_string(), false)
            } else {
                let mut parts = Vec::new();
                if tt.bodies_broken > 0 {
                    parts.push(format!("{} {}", n(tt.bodies_broken), t(l, Msg::Missed)));
                }
                if tt.bodies_at_risk > 0 {
                    parts.push(format!("{} {}", n(tt.bodies_at_risk), t(l, Msg::AtRisk)));
                }
                (parts.join(" · "), true)
            }
        }
        Section::FollowUp => {
            let p = percent(tt.follow_up_done, tt.follow_up_due);
            (pct(p), p.is_some_and(|p| p < 60))
        }
        Section::Attendance => {
            // Members near or past their body's absence limit (the excused and
            // unexcused absences are in the list's title and columns).
            let p = percent(tt.attended, tt.attendance_recorded);
            let mut text = pct(p);
            if tt.absence_warnings > 0 {
                text = format!("{text} · ⚠ {}", n(tt.absence_warnings));
            }
            (text, tt.absence_warnings > 0 || p.is_some_and(|p| p < 60))
        }
        Section::Indicators if tt.indicators_measured == 0 => ("—".into(), false),
        Section::Indicators => (
            format!(
                "{}/{} {} · {} {}",
                n(tt.indicators_on_target),
                n(tt.indicators_measured),
                t(l, Msg::OnTarget),
                n(tt.indicators_improving),
                t(l, Msg::Improving)
            ),
            tt.indicators_on_target < tt.indicators_measured,
        ),
        Section::UnitsByVisit if tt.units_ranked == 0 => ("—".into(), false),
        Section::UnitsByVisit => {
            let mut text = tf(l, Msg::EvRankedCount, &[&n(tt.units_ranked)]);
            if tt.units_worse > 0 {
                text = format!("{text} · ▼ {} {}", n(tt.units_worse), t(l, Msg::EvWorse));
            }
            (text, tt.units_worse > 0)
        }
        Section::VisitsOverdue => (n(tt.visits_overdue), tt.visits_overdue > 0),
        Section::Legal => {
            let lg = &d.data.legal;
            if lg.is_empty() {
                ("—".into(), false)
            } else {
                let mut parts = Vec::new();
                for (count, msg) in [
                    (lg.unsent.len(), Msg::DashLegalUnsent),
                    (lg.objections_to_answer.len(), Msg::DashLegalToAnswer),
                    (lg.objection_window.len(), Msg::DashLegalWindow),
                    (lg.in_force.len(), Msg::DashLegalInForce),
                ] {
                    if count > 0 {
                        parts.push(format!("{} {}", n(count), t(l, msg)));
                    }
                }
                (
                    parts.join(" · "),
                    !lg.unsent.is_empty() || !lg.objections_to_answer.is_empty(),
                )
            }
        }
    }
}

fn draw_figures(f: &mut Frame, area: Rect, app: &App, d: &DashboardScreen, theme: &Theme) {
    let l = app.lang();
    let mut rows = Vec::new();
    let mut styles: Vec<Style> = Vec::new();
    for s in Section::ALL {
        let (value, alert) = figure(app, d, s);
        rows.push(vec![section_title(s, l).to_string(), value]);
        styles.push(if alert { theme.warn } else { theme.base });
    }
    // Approved minutes someone is still to sign: one line, after the figures (the list
    // is `shura dashboard --json` and each session's screen).
    if !d.data.unsigned.is_empty() {
        let people: usize = d.data.unsigned.iter().map(|u| u.people.len()).sum();
        let n = |x: usize| crate::locale::digits::localize_digits(&x.to_string(), l);
        rows.push(vec![
            t(l, Msg::DashUnsignedTitle).to_string(),
            tf(
                l,
                Msg::DashUnsignedFigure,
                &[&n(people), &n(d.data.unsigned.len())],
            ),
        ]);
        styles.push(theme.warn);
    }
    let date = app.ctx.date(d.data.date);
    widgets::table(
        f,
        area,
        &format!("{} · {date}", t(l, Msg::Figures)),
        &[t(l, Msg::Figure), ""],
        &[Col::Fixed(20), Col::Flex],
        &rows,
        Some(d.section),
        d.pane == DashPane::Figures,
        theme,
        app.ctx.prefs,
        &styles,
    );
}

/// Headers, columns, rows and row styles of the list behind a figure.
type DetailTable<'a> = (Vec<&'a str>, Vec<Col>, Vec<Vec<String>>, Vec<Style>);

fn draw_detail(f: &mut Frame, area: Rect, app: &App, d: &DashboardScreen, theme: &Theme) {
    let l = app.lang();
    let prefs = app.ctx.prefs;
    let n = |x: i64| localize_digits(&x.to_string(), l);
    let pct = |p: Option<i64>| {
        p.map(|p| localize_digits(&format!("{p}%"), l))
            .unwrap_or_else(|| "—".into())
    };
    let body_name = |id: i64| {
        app.home
            .bodies
            .iter()
            .find(|b| b.id == id)
            .map(|b| b.name.get(l).to_string())
            .unwrap_or_default()
    };
    let data = &d.data;
    let section = d.current();
    let visible = app.visible_rows(ListKind::Detail);
    // Only the rows on screen are formatted: the cursor's page of the visible ones.
    let shown = widgets::shown_rows(area, d.detail, visible.len());
    let keep: Vec<usize> = visible[shown.clone()].to_vec();
    let (headers, cols, all_rows, all_styles): DetailTable = match section {
        Section::OpenResolutions => (
            vec![t(l, Msg::Body), t(l, Msg::Open)],
            vec![Col::Flex, Col::Fixed(8)],
            pick(&data.open_resolutions, &keep)
                .map(|r| vec![r.name.get(l).to_string(), n(r.count)])
                .collect(),
            vec![],
        ),
        Section::OverdueTasks => (
            vec![
                t(l, Msg::DaysLate),
                t(l, Msg::Task),
                t(l, Msg::Assignee),
                t(l, Msg::Due),
            ],
            vec![Col::Fixed(8), Col::Flex, Col::Fixed(18), Col::Fixed(10)],
            pick(&data.overdue_tasks, &keep)
                .map(|t| {
                    vec![
                        n(t.days_overdue),
                        t.title.clone(),
                        t.assignee(l),
                        app.ctx.date(t.due),
                    ]
                })
                .collect(),
            pick(&data.overdue_tasks, &keep)
                .map(|t| {
                    if t.days_overdue > 30 {
                        theme.error
                    } else {
                        theme.warn
                    }
                })
                .collect(),
        ),
        Section::DueThisWeek => (
            vec![
                t(l, Msg::Due),
                t(l, Msg::Task),
                t(l, Msg::Assignee),
                t(l, Msg::Body),
            ],
            vec![Col::Fixed(10), Col::Flex, Col::Fixed(18), Col::Fixed(18)],
            pick(&data.due_this_week, &keep)
                .map(|t| {
                    vec![
                        app.ctx.date(t.due),
                        t.title.clone(),
                        t.assignee_name
                            .as_ref()
                            .map(|n| n.get(l).to_string())
                            .or_else(|| t.assignee_unit.clone())
                            .unwrap_or_default(),
                        t.body_name.get(l).to_string(),
                    ]
                })
                .collect(),
            vec![],
        ),
        Section::UpcomingSessions => (
            vec![
                t(l, Msg::Date),
                t(l, Msg::Time),
                t(l, Msg::Body),
                t(l, Msg::Number),
                t(l, Msg::Status),
            ],
            vec![
                Col::Fixed(10),
                Col::Fixed(5),
                Col::Flex,
                Col::Fixed(5),
                Col::Fixed(12),
            ],
            pick(&data.upcoming_sessions, &keep)
                .map(|s| {
                    vec![
                        app.ctx.date(s.date),
                        localize_digits(s.start_time.as_deref().unwrap_or(""), l),
                        s.body_name.get(l).to_string(),
                        n(s.number),
                        s.status.label(l).to_string(),
                    ]
                })
                .collect(),
            vec![],
        ),
        Section::Compliance => (
            vec![
                t(l, Msg::Body),
                t(l, Msg::MustMeet),
                t(l, Msg::Met),
                t(l, Msg::MissedHeader),
                t(l, Msg::Now),
            ],
            vec![
                Col::Flex,
                Col::Fixed(14),
                Col::Fixed(6),
                Col::Fixed(8),
                Col::Fixed(10),
            ],
            pick(&data.compliance, &keep)
                .map(|c| {
                    vec![
                        c.name.get(l).to_string(),
                        rule_months(&c.rule, l),
                        n(c.met as i64),
                        n(c.missed as i64),
                        if c.at_risk > 0 {
                            t(l, Msg::AtRisk).to_string()
                        } else {
                            String::new()
                        },
                    ]
                })
                .collect(),
            pick(&data.compliance, &keep)
                .map(|c| {
                    if c.missed > 0 {
                        theme.error
                    } else if c.at_risk > 0 {
                        theme.warn
                    } else {
                        theme.base
                    }
                })
                .collect(),
        ),
        Section::FollowUp => (
            vec![
                t(l, Msg::Body),
                t(l, Msg::Due),
                t(l, Msg::OnTime),
                t(l, Msg::Rate),
            ],
            vec![Col::Flex, Col::Fixed(7), Col::Fixed(8), Col::Fixed(6)],
            pick(&data.follow_up_rate, &keep)
                .map(|r| {
                    vec![
                        r.name.get(l).to_string(),
                        n(r.due),
                        n(r.done_on_time),
                        pct(percent(r.done_on_time, r.due)),
                    ]
                })
                .collect(),
            vec![],
        ),
        Section::Attendance => (
            vec![
                t(l, Msg::Member),
                t(l, Msg::Body),
                t(l, Msg::Attended),
                t(l, Msg::AbsExcusedShort),
                t(l, Msg::AbsUnexcusedShort),
                t(l, Msg::Rate),
            ],
            vec![
                Col::Flex,
                Col::Fixed(14),
                Col::Fixed(9),
                Col::Fixed(8),
                Col::Fixed(10),
                Col::Fixed(6),
            ],
            pick(&data.attendance, &keep)
                .map(|a| {
                    // A member near or past the body's absence limit is marked.
                    let warning = data
                        .absences
                        .iter()
                        .find(|w| w.body == a.body_id && w.person == a.person_id);
                    let mark = match warning.map(|w| w.count.standing) {
                        Some(Standing::Breached) => "⚠⚠ ",
                        Some(_) => "⚠ ",
                        None => "",
                    };
                    vec![
                        format!("{mark}{}", a.name.get(l)),
                        body_name(a.body_id),
                        format!("{}/{}", n(a.attended), n(a.recorded)),
                        n(a.excused),
                        n(a.unexcused),
                        pct(percent(a.attended, a.recorded)),
                    ]
                })
                .collect(),
            pick(&data.attendance, &keep)
                .map(|a| {
                    match data
                        .absences
                        .iter()
                        .find(|w| w.body == a.body_id && w.person == a.person_id)
                        .map(|w| w.count.standing)
                    {
                        Some(Standing::Breached) => theme.error,
                        Some(_) => theme.warn,
                        None => theme.base,
                    }
                })
                .collect(),
        ),
        Section::Legal => {
            let legal = d.legal_rows();
            let picked: Vec<_> = keep.iter().filter_map(|&i| legal.get(i)).collect();
            (
                vec![
                    t(l, Msg::Resolution),
                    t(l, Msg::Body),
                    t(l, Msg::InLaw),
                    t(l, Msg::Due),
                ],
                vec![Col::Fixed(14), Col::Flex, Col::Fixed(24), Col::Fixed(22)],
                picked
                    .iter()
                    .map(|(kind, i)| {
                        let what = match kind {
                            LegalKind::Unsent => Msg::DashLegalUnsent,
                            LegalKind::ToAnswer => Msg::DashLegalToAnswer,
                            LegalKind::Window => Msg::DashLegalWindow,
                            LegalKind::InForce => Msg::DashLegalInForce,
                        };
                        let days = if *kind == LegalKind::InForce {
                            String::new()
                        } else {
                            format!(
                                " ({})",
                                crate::locale::strings::tf(
                                    l,
                                    Msg::DashDaysLeft,
                                    &[&n(i.days_left)]
                                )
                            )
                        };
                        vec![
                            localize_digits(&i.number, l),
                            body_name(i.body_id),
                            t(l, what).to_string(),
                            format!("{}{days}", app.ctx.date(i.due)),
                        ]
                    })
                    .collect(),
                picked
                    .iter()
                    .map(|(kind, i)| {
                        if matches!(kind, LegalKind::Unsent) || i.days_left < 0 {
                            theme.warn
                        } else {
                            theme.base
                        }
                    })
                    .collect(),
            )
        }
        Section::UnitsByVisit => (
            vec![
                t(l, Msg::EvHdrUnit),
                t(l, Msg::Body),
                t(l, Msg::EvHdrScore),
                t(l, Msg::EvPrevious),
                t(l, Msg::Trend),
                t(l, Msg::EvLastVisit),
            ],
            vec![
                Col::Flex,
                Col::Fixed(16),
                Col::Fixed(6),
                Col::Fixed(6),
                Col::Fixed(5),
                Col::Fixed(10),
            ],
            pick(&data.visits.ranked, &keep)
                .map(|u| {
                    vec![
                        u.unit.clone(),
                        body_name(u.body_id),
                        percent_text(u.score, l),
                        percent_text(u.previous_score, l),
                        direction_mark(u.trend).to_string(),
                        app.ctx.opt_date(u.last_visited),
                    ]
                })
                .collect(),
            pick(&data.visits.ranked, &keep)
                .map(|u| match u.trend {
                    Some(crate::model::plans::Direction::Worse) => theme.warn,
                    _ => theme.base,
                })
                .collect(),
        ),
        Section::VisitsOverdue => (
            vec![
                t(l, Msg::DaysLate),
                t(l, Msg::EvHdrUnit),
                t(l, Msg::Body),
                t(l, Msg::EvLastVisit),
                t(l, Msg::Due),
            ],
            vec![
                Col::Fixed(9),
                Col::Flex,
                Col::Fixed(16),
                Col::Fixed(13),
                Col::Fixed(10),
            ],
            pick(&data.visits.overdue, &keep)
                .map(|u| {
                    vec![
                        n(u.days_overdue.unwrap_or(0)),
                        u.unit.clone(),
                        body_name(u.body_id),
                        if u.last_visited.is_some() {
                            app.ctx.opt_date(u.last_visited)
                        } else {
                            t(l, Msg::EvNeverVisited).to_string()
                        },
                        app.ctx.opt_date(u.due),
                    ]
                })
                .collect(),
            pick(&data.visits.overdue, &keep)
                .map(|u| {
                    if u.last_visited.is_none() || u.days_overdue.unwrap_or(0) > 30 {
                        theme.error
                    } else {
                        theme.warn
                    }
                })
                .collect(),
        ),
        Section::Indicators => (
            vec![
                t(l, Msg::Indicator),
                t(l, Msg::Target),
                t(l, Msg::Last),
                t(l, Msg::EvPeriod),
                t(l, Msg::Trend),
            ],
            vec![
                Col::Flex,
                Col::Fixed(8),
                Col::Fixed(9),
                Col::Fixed(13),
                Col::Fixed(5),
            ],
            pick(&data.indicators, &keep)
                .map(|i| {
                    let unit = i.unit.as_deref();
                    let with_unit = crate::model::plans::with_unit;
                    vec![
                        format!("{} — {}", i.policy, i.indicator),
                        localize_digits(&with_unit(&format_number(i.target), unit), l),
                        match &i.last_value {
                            Some(v) => localize_digits(&with_unit(&format_number(*v), unit), l),
                            None => "—".into(),
                        },
                        i.last_period_label(l).unwrap_or_default(),
                        direction_mark(i.direction).to_string(),
                    ]
                })
                .collect(),
            pick(&data.indicators, &keep)
                .map(|i| match i.on_target {
                    Some(false) => theme.warn,
                    _ => theme.base,
                })
                .collect(),
        ),
    };
    let rows = all_rows;
    let styles: Vec<Style> = (0..rows.len())
        .map(|i| all_styles.get(i).copied().unwrap_or(theme.base))
        .collect();
    let mut title = section_title(section, l).to_string();
    let (value, _) = figure(app, d, section);
    title.push_str(&format!(" · {value}"));
    if section == Section::Attendance {
        let n = |x: i64| localize_digits(&x.max(0).to_string(), l);
        title.push_str(&format!(
            " · {} {} · {} {}",
            n(d.totals.unexcused),
            t(l, Msg::AbsUnexcusedShort),
            n(d.totals.excused),
            t(l, Msg::AbsExcusedShort)
        ));
    }
    let held = d.detail_len();
    let total = match section {
        Section::OverdueTasks => d.totals.overdue_tasks,
        Section::DueThisWeek => d.totals.due_this_week,
        Section::UpcomingSessions => d.totals.upcoming_sessions,
        _ => held,
    };
    if total > held {
        title.push_str(&format!(
            " · {} {}",
            count_text(held, false, l),
            t(l, Msg::ShownBForAll)
        ));
    }
    if !app.filter.is_empty() && app.focused_list() == ListKind::Detail {
        title.push_str(&format!(" /{}", app.filter));
    }
    widgets::table(
        f,
        area,
        &title,
        &headers,
        &cols,
        &rows,
        Some(d.detail.saturating_sub(shown.start)),
        d.pane == DashPane::Detail,
        theme,
        prefs,
        &styles,
    );
}

/// The rows at `keep` (indexes of the rows on screen, in order): only they are formatted,
/// however long the list behind a figure.
fn pick<'a, T>(rows: &'a [T], keep: &'a [usize]) -> impl Iterator<Item = &'a T> + 'a {
    keep.iter().filter_map(|&i| rows.get(i))
}

/// ▲ better, ▼ worse, = the same (in the figure's better sense).
pub(crate) fn direction_mark(d: Option<crate::model::plans::Direction>) -> &'static str {
    use crate::model::plans::Direction;
    match d {
        Some(Direction::Better) => "▲",
        Some(Direction::Worse) => "▼",
        Some(Direction::Same) => "=",
        None => "",
    }
}

/// A score in whole percent («۸۴٪» in Persian), or — for none.
pub(crate) fn percent_text(p: Option<f64>, l: Lang) -> String {
    match p {
        Some(p) => localize_digits(&format!("{p:.0}%"), l),
        None => "—".to_string(),
    }
}
