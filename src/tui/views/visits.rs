//! A body's evaluations: its checklists above; below, for the checklist under the
//! cursor, the scoreboard of its units (ranked by their latest score, with the score
//! before, the trend ▲▼ and when each is due) beside its visits, latest first (below
//! them on a narrow terminal). A visit's page: its criteria, each with its weight,
//! score, finding and task.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::Frame;

use super::dashboard::{direction_mark, percent_text};
use super::widgets::{self, Col};
use super::{Clicks, Target};
use crate::app::screens::format_number;
use crate::app::state::{App, ListKind};
use crate::app::visits_screen::VisitsPane;
use crate::locale::digits::localize_digits;
use crate::locale::strings::{t, tf, Msg};
use crate::locale::Lang;
use crate::model::plans::Direction;
use crate::tui::theme::Theme;

/// The evaluations screen's title: the body.
pub fn title(app: &App) -> String {
    let l = app.lang();
    match &app.visits {
        Some(s) => format!("{} — {}", t(l, Msg::VisitsScreen), s.body_name),
        None => t(l, Msg::VisitsScreen).to_string(),
    }
}

/// A visit's page title: the visit, its unit and day.
pub fn page_title(app: &App) -> String {
    let l = app.lang();
    match &app.visit_page {
        Some(p) => tf(
            l,
            Msg::EvVisitTitle,
            &[
                &localize_digits(&p.view.visit.id.to_string(), l),
                &p.unit_name,
                &app.ctx.date(p.view.visit.visited_on),
            ],
        ),
        None => t(l, Msg::VisitPageScreen).to_string(),
    }
}

fn with_filter(app: &App, title: String, kind: ListKind) -> String {
    if app.filter.is_empty() || app.focused_list() != kind {
        title
    } else {
        format!("{title} /{}", app.filter)
    }
}

pub fn draw(f: &mut Frame, area: Rect, app: &App, theme: &Theme, clicks: &mut Clicks) {
    let Some(s) = &app.visits else { return };
    let l = app.lang();
    let prefs = app.ctx.prefs;
    let n = |x: usize| localize_digits(&x.to_string(), l);
    let rtl = l == Lang::Fa;
    let lists_high = (s.checklists.len().max(1) as u16 + 3).min(area.height / 4 + 2);
    let [top, bottom] =
        Layout::vertical([Constraint::Length(lists_high), Constraint::Min(6)]).areas(area);
    let (board_area, visits_area) = if area.width >= 110 {
        let [a, b] = Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
            .areas(bottom);
        if rtl {
            (b, a)
        } else {
            (a, b)
        }
    } else {
        // The board as high as its units (up to 55 %), the visits below.
        let board_high = (s.board.len().max(1) as u16 + 3).min(bottom.height * 55 / 100);
        let [a, b] =
            Layout::vertical([Constraint::Length(board_high), Constraint::Min(4)]).areas(bottom);
        (a, b)
    };

    // The checklists.
    let rows: Vec<Vec<String>> = app
        .visible_rows(ListKind::Checklists)
        .into_iter()
        .filter_map(|i| s.checklists.get(i))
        .map(|c| {
            vec![
                c.title.clone(),
                n(c.criteria.len()),
                localize_digits(&format!("0–{}", c.scale_max), l),
                c.every.label(l).to_string(),
                n(c.units.len()),
            ]
        })
        .collect();
    let empty = s.checklists.is_empty();
    widgets::table(
        f,
        top,
        &with_filter(
            app,
            if empty {
                format!(
                    "{} · {}",
                    t(l, Msg::EvChecklists),
                    t(l, Msg::EvNoChecklistYet)
                )
            } else {
                format!("{} · {}", t(l, Msg::EvChecklists), n(s.checklists.len()))
            },
            ListKind::Checklists,
        ),
        &[
            t(l, Msg::EvHdrChecklist),
            t(l, Msg::EvCriteria),
            t(l, Msg::EvHdrScale),
            t(l, Msg::EvHdrEvery),
            t(l, Msg::EvUnitsHeader),
        ],
        &[
            Col::Flex,
            Col::Fixed(8),
            Col::Fixed(7),
            Col::Fixed(9),
            Col::Fixed(7),
        ],
        &rows,
        Some(s.checklist_cursor),
        s.pane == VisitsPane::Checklists,
        theme,
        prefs,
        &[],
    );
    clicks.remember(top, Target::Checklists);

    // The scoreboard.
    let board: Vec<_> = app
        .visible_rows(ListKind::UnitBoard)
        .into_iter()
        .filter_map(|i| s.board.get(i))
        .collect();
    let shown = widgets::shown_rows(board_area, s.board_cursor, board.len());
    let rows: Vec<Vec<String>> = board[shown.clone()]
        .iter()
        .map(|u| {
            let due = match (u.days_overdue, u.last_visited) {
                (Some(_), None) => t(l, Msg::EvNeverVisited).to_string(),
                (Some(d), Some(_)) => tf(
                    l,
                    Msg::EvDaysOverdue,
                    &[&localize_digits(&d.to_string(), l)],
                ),
                (None, _) => app.ctx.opt_date(u.due),
            };
            let score = match u.score {
                Some(_) if !u.complete => format!(
                    "{} ({})",
                    percent_text(u.score, l),
                    t(l, Msg::EvalIncomplete)
                ),
                _ => percent_text(u.score, l),
            };
            vec![
                u.unit.clone(),
                score,
                percent_text(u.previous_score, l),
                direction_mark(u.trend).to_string(),
                app.ctx.opt_date(u.last_visited),
                due,
            ]
        })
        .collect();
    let styles: Vec<Style> = board[shown.clone()]
        .iter()
        .map(|u| match (u.days_overdue, u.trend) {
            (Some(d), _) if d > 30 || u.last_visited.is_none() => theme.error,
            (Some(_), _) => theme.warn,
            (None, Some(Direction::Worse)) => theme.warn,
            (None, Some(Direction::Better)) => theme.ok,
            _ => theme.base,
        })
        .collect();
    let overdue = s.board.iter().filter(|u| u.days_overdue.is_some()).count();
    let mut board_title = format!("{} · {}", t(l, Msg::EvBoard), n(s.board.len()));
    if overdue > 0 {
        board_title.push_str(&format!(" · {}", tf(l, Msg::EvDueCount, &[&n(overdue)])));
    }
    widgets::table(
        f,
        board_area,
        &with_filter(app, board_title, ListKind::UnitBoard),
        &[
            t(l, Msg::EvHdrUnit),
            t(l, Msg::EvHdrScore),
            t(l, Msg::EvPrevious),
            "",
            t(l, Msg::EvLastVisit),
            t(l, Msg::EvDue),
        ],
        &[
            Col::Flex,
            Col::Fixed(6),
            Col::Fixed(6),
            Col::Fixed(1),
            Col::Fixed(12),
            Col::Fixed(15),
        ],
        &rows,
        Some(s.board_cursor.saturating_sub(shown.start)),
        s.pane == VisitsPane::Board,
        theme,
        prefs,
        &styles,
    );
    clicks.remember(board_area, Target::UnitBoard);

    // The visits, latest first.
    let visits: Vec<_> = app
        .visible_rows(ListKind::Visits)
        .into_iter()
        .filter_map(|i| s.visits.get(i))
        .collect();
    let shown = widgets::shown_rows(visits_area, s.visits_cursor, visits.len());
    let wide = visits_area.width >= 60;
    let rows: Vec<Vec<String>> = visits[shown.clone()]
        .iter()
        .map(|v| {
            let done = match v.score {
                Some(sc) if sc.complete() => "✓".to_string(),
                Some(sc) => localize_digits(&format!("{}/{}", sc.scored, sc.criteria), l),
                None => localize_digits(&format!("0/{}", v.lines.len()), l),
            };
            let mut row = vec![
                app.ctx.date(v.visit.visited_on),
                v.visit.unit.clone(),
                percent_text(v.score.map(|s| s.percent), l),
                done,
            ];
            if wide {
                row.push(v.visitor_names.join(list_sep(l)));
            }
            row
        })
        .collect();
    let styles: Vec<Style> = visits[shown.clone()]
        .iter()
        .map(|v| match v.score {
            Some(sc) if sc.complete() => theme.base,
            _ => theme.muted,
        })
        .collect();
    let mut headers = vec![
        t(l, Msg::Date),
        t(l, Msg::EvHdrUnit),
        t(l, Msg::EvHdrScore),
        t(l, Msg::EvComplete),
    ];
    let mut cols = vec![Col::Fixed(10), Col::Flex, Col::Fixed(6), Col::Fixed(5)];
    if wide {
        headers.push(t(l, Msg::EvFieldVisitors));
        cols.push(Col::Fixed(24));
    }
    widgets::table(
        f,
        visits_area,
        &with_filter(
            app,
            format!("{} · {}", t(l, Msg::EvVisits), n(s.visits.len())),
            ListKind::Visits,
        ),
        &headers,
        &cols,
        &rows,
        Some(s.visits_cursor.saturating_sub(shown.start)),
        s.pane == VisitsPane::Visits,
        theme,
        prefs,
        &styles,
    );
    clicks.remember(visits_area, Target::Visits);
}

/// A visit's page: what the visit was, then its criteria.
pub fn draw_page(f: &mut Frame, area: Rect, app: &App, theme: &Theme, clicks: &mut Clicks) {
    let Some(p) = &app.visit_page else { return };
    let l = app.lang();
    let prefs = app.ctx.prefs;
    let v = &p.view;
    let mut lines: Vec<(String, Style)> = vec![(
        format!(
            "{}: {} · {}: {}",
            t(l, Msg::EvHdrChecklist),
            v.checklist_title,
            t(l, Msg::EvHdrScore),
            match v.score {
                Some(sc) => {
                    let mut s = percent_text(Some(sc.percent), l);
                    if !sc.complete() {
                        s.push_str(&format!(
                            " ({})",
                            tf(
                                l,
                                Msg::EvScoredOf,
                                &[
                                    &localize_digits(&sc.scored.to_string(), l),
                                    &localize_digits(&sc.criteria.to_string(), l)
                                ]
                            )
                        ));
                    }
                    s
                }
                None => "—".to_string(),
            }
        ),
        theme.base,
    )];
    if !v.visitor_names.is_empty() {
        lines.push((
            format!(
                "{}: {}",
                t(l, Msg::EvFieldVisitors),
                v.visitor_names.join(list_sep(l))
            ),
            theme.muted,
        ));
    }
    if !v.visit.note.is_empty() {
        lines.push((
            format!("{}: {}", t(l, Msg::EvFieldNote), v.visit.note),
            theme.muted,
        ));
    }
    let head_high = (lines.len() as u16 + 2).min(area.height / 3);
    let [head, table] =
        Layout::vertical([Constraint::Length(head_high), Constraint::Min(4)]).areas(area);
    widgets::text_block(
        f,
        head,
        t(l, Msg::VisitPageScreen),
        &lines,
        false,
        theme,
        prefs,
    );

    let all: Vec<_> = app
        .visible_rows(ListKind::VisitLines)
        .into_iter()
        .filter_map(|i| v.lines.get(i))
        .collect();
    let shown = widgets::shown_rows(table, p.cursor, all.len());
    let scale = localize_digits(&v.scale_max.to_string(), l);
    let rows: Vec<Vec<String>> = all[shown.clone()]
        .iter()
        .map(|line| {
            vec![
                localize_digits(&line.criterion.position.to_string(), l),
                line.criterion.name.clone(),
                localize_digits(&format_number(line.criterion.weight), l),
                match line.score {
                    Some(s) => format!("{}/{scale}", localize_digits(&format_number(s), l)),
                    None => "—".to_string(),
                },
                line.finding.clone(),
                line.task_id
                    .map(|id| localize_digits(&format!("#{id}"), l))
                    .unwrap_or_default(),
            ]
        })
        .collect();
    let styles: Vec<Style> = all[shown.clone()]
        .iter()
        .map(|line| match line.score {
            None => theme.muted,
            Some(s) if s * 2.0 < v.scale_max as f64 => theme.warn,
            _ => theme.base,
        })
        .collect();
    let finding_w = if table.width >= 110 { 50 } else { 24 };
    widgets::table(
        f,
        table,
        &with_filter(app, t(l, Msg::EvCriteria).to_string(), ListKind::VisitLines),
        &[
            "#",
            t(l, Msg::EvHdrCriterion),
            t(l, Msg::EvHdrWeight),
            t(l, Msg::EvHdrScore),
            t(l, Msg::EvHdrFinding),
            t(l, Msg::Task),
        ],
        &[
            Col::Fixed(2),
            Col::Flex,
            Col::Fixed(6),
            Col::Fixed(6),
            Col::Fixed(finding_w),
            Col::Fixed(6),
        ],
        &rows,
        Some(p.cursor.saturating_sub(shown.start)),
        true,
        theme,
        prefs,
        &styles,
    );
    clicks.remember(table, Target::VisitLines);
}

/// How a list of names is joined: «، » in Persian, ", " in English.
fn list_sep(l: Lang) -> &'static str {
    match l {
        Lang::Fa => "، ",
        Lang::En => ", ",
    }
}
