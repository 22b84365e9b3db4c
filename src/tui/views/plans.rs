//! A body's plan: the tree of goals, policies and indicators (each indicator with its
//! last value, target, direction, progress and whether it is on target), the
//! measurements of the indicator under the cursor, and their trend against the target:
//! a chart where there is room, else a sparkline with the target and last value beside
//! it (an 80×24 terminal).

use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::{Axis, Chart, Dataset, GraphType, LegendPosition, Paragraph, Sparkline};
use ratatui::Frame;

use super::widgets::{self, Col};
use super::{Clicks, Target};
use crate::app::plans_screen::{PlanRow, PlansPane};
use crate::app::state::{App, ListKind};
use crate::locale::digits::localize_digits;
use crate::locale::strings::{t, tf, Msg};
use crate::locale::text::{cell_width, display_cell, Align};
use crate::locale::{Lang, Prefs};
use crate::model::plans::{format_number, Direction};
use crate::ops::plans::IndicatorView;
use crate::tui::theme::Theme;

/// The title bar's text.
pub fn title(app: &App) -> String {
    let l = app.lang();
    match &app.plans {
        Some(p) => tf(l, Msg::PlanScreenTitle, &[p.body_name.get(l)]),
        None => t(l, Msg::PlansScreen).to_string(),
    }
}

/// Stored or built text as the terminal shows it: sanitized, in visual order (Persian
/// reordered), exact in width.
fn shown(s: &str, prefs: Prefs) -> String {
    display_cell(s, cell_width(s), prefs.lang, prefs.bidi, Align::Left)
        .trim_end()
        .to_string()
}

/// A value with its unit ("72%", "۱۲ روز"), as the model writes one.
fn with_unit(v: f64, unit: Option<&str>, l: Lang) -> String {
    crate::model::plans::with_unit(&format_number(v, l), unit)
}

/// ▲ for a change the better way, ▼ the worse way, = for none.
fn arrow(d: Option<Direction>) -> &'static str {
    match d {
        Some(Direction::Better) => "▲",
        Some(Direction::Worse) => "▼",
        Some(Direction::Same) => "=",
        None => "",
    }
}

fn indicator_style(i: &IndicatorView, theme: &Theme) -> Style {
    match i.figures.on_target {
        Some(true) => theme.ok,
        Some(false) => theme.error,
        None => theme.muted,
    }
}

pub fn draw(f: &mut Frame, area: Rect, app: &App, theme: &Theme, clicks: &mut Clicks) {
    let Some(p) = &app.plans else { return };
    let l = app.lang();
    let prefs = app.ctx.prefs;
    let rtl = l == Lang::Fa;
    // The tree above; below it the measurements and the chart side by side (mirrored in
    // Persian: the measurements on the reading side, the right).
    let bottom_h = if area.height >= 30 {
        area.height * 11 / 20
    } else {
        9.min(area.height.saturating_sub(5))
    };
    let [tree_area, bottom] =
        Layout::vertical([Constraint::Min(3), Constraint::Length(bottom_h)]).areas(area);
    let (m_share, chart_share) = (Constraint::Percentage(40), Constraint::Percentage(60));
    let (m_area, chart_area) = if rtl {
        let [chart, m] = Layout::horizontal([chart_share, m_share]).areas(bottom);
        (m, chart)
    } else {
        let [m, chart] = Layout::horizontal([m_share, chart_share]).areas(bottom);
        (m, chart)
    };

    let with_filter = |title: String, kind: ListKind| {
        if app.filter.is_empty() || app.focused_list() != kind {
            title
        } else {
            format!("{title} /{}", app.filter)
        }
    };

    // The tree.
    let visible = app.visible_rows(ListKind::PlanTree);
    let mut rows = Vec::with_capacity(visible.len());
    let mut styles = Vec::with_capacity(visible.len());
    for r in visible.iter().filter_map(|&i| p.rows.get(i)) {
        let indent = "  ".repeat(r.depth());
        let (cells, style) = match r {
            PlanRow::Goal(g) => (vec![g.title.clone()], theme.accent),
            PlanRow::NoGoal => (vec![t(l, Msg::PlanNoGoal).to_string()], theme.accent),
            PlanRow::Policy(v) => (vec![format!("{indent}{}", v.policy.title)], theme.base),
            PlanRow::Indicator(v) => {
                let i = &v.indicator;
                let fig = &v.figures;
                let unit = i.unit.as_deref();
                let state = match fig.on_target {
                    Some(true) => t(l, Msg::PlanOnTarget),
                    Some(false) => t(l, Msg::PlanOffTarget),
                    None => t(l, Msg::PlanNotMeasured),
                };
                (
                    vec![
                        format!("{indent}{}", i.name),
                        fig.last_value
                            .map(|v| with_unit(v, unit, l))
                            .unwrap_or_else(|| "—".into()),
                        with_unit(i.target, unit, l),
                        arrow(fig.direction).to_string(),
                        fig.progress
                            .map(|p| localize_digits(&format!("{:.0}%", p), l))
                            .unwrap_or_default(),
                        state.to_string(),
                    ],
                    indicator_style(v, theme),
                )
            }
        };
        rows.push(cells);
        styles.push(style);
    }
    let wide = tree_area.width >= 100;
    let value_w = if wide { 16 } else { 11 };
    widgets::table(
        f,
        tree_area,
        &with_filter(t(l, Msg::PlanTreeTitle).to_string(), ListKind::PlanTree),
        &[
            t(l, Msg::Name),
            t(l, Msg::PlanColLast),
            t(l, Msg::PlanColTarget),
            t(l, Msg::PlanColTrend),
            t(l, Msg::PlanColProgress),
            t(l, Msg::PlanColState),
        ],
        &[
            Col::Flex,
            Col::Fixed(value_w),
            Col::Fixed(value_w),
            Col::Fixed(5),
            Col::Fixed(8),
            Col::Fixed(12),
        ],
        &rows,
        Some(p.tree.selected),
        p.pane == PlansPane::Tree,
        theme,
        prefs,
        &styles,
    );
    clicks.remember(tree_area, Target::PlanTree);

    // The measurements of the indicator under the cursor.
    let indicator = p.indicator_at(app.selected_row(ListKind::PlanTree));
    let m_title = match indicator {
        Some(i) => tf(l, Msg::PlanMeasurementsTitle, &[&i.indicator.name]),
        None => t(l, Msg::PlanMeasurements).to_string(),
    };
    let with_note = m_area.width >= 52;
    let m_rows: Vec<Vec<String>> = indicator
        .map(|i| {
            app.visible_rows(ListKind::PlanMeasurements)
                .into_iter()
                .filter_map(|k| i.measurements.get(k))
                .map(|m| {
                    let mut row = vec![
                        m.period_label.clone(),
                        format_number(m.measurement.value, l),
                        m.measurement.source.clone(),
                    ];
                    if with_note {
                        row.push(m.measurement.note.clone());
                    }
                    row
                })
                .collect()
        })
        .unwrap_or_default();
    let mut headers = vec![
        t(l, Msg::PlanColPeriod),
        t(l, Msg::PlanColValue),
        t(l, Msg::PlanColSource),
    ];
    let mut cols = vec![Col::Fixed(13), Col::Fixed(8), Col::Flex];
    if with_note {
        headers.push(t(l, Msg::Note));
        cols.push(Col::Fixed(16));
    }
    widgets::table(
        f,
        m_area,
        &with_filter(m_title, ListKind::PlanMeasurements),
        &headers,
        &cols,
        &m_rows,
        Some(p.measurement.selected),
        p.pane == PlansPane::Measurements,
        theme,
        prefs,
        &[],
    );
    clicks.remember(m_area, Target::PlanMeasurements);

    match indicator {
        Some(i) if !i.measurements.is_empty() => {
            if chart_area.width >= 50 && chart_area.height >= 12 {
                draw_chart(f, chart_area, i, theme, prefs);
            } else {
                draw_sparkline(f, chart_area, i, theme, prefs);
            }
        }
        Some(i) => widgets::text_block(
            f,
            chart_area,
            &tf(l, Msg::PlanChartTitle, &[&i.indicator.name]),
            &[(t(l, Msg::PlanNoMeasurement).to_string(), theme.muted)],
            false,
            theme,
            prefs,
        ),
        None => {
            // A policy: what it is and the resolutions and tasks that serve it.
            let row = app.selected_row(ListKind::PlanTree);
            let policy = row.and_then(|r| p.rows.get(r)).and_then(|r| match r {
                PlanRow::Policy(v) => Some(v),
                _ => None,
            });
            match policy {
                Some(v) => {
                    let mut lines: Vec<(String, Style)> = Vec::new();
                    if !v.policy.description.is_empty() {
                        lines.push((v.policy.description.clone(), theme.base));
                        lines.push((String::new(), theme.base));
                    }
                    if v.links.is_empty() {
                        lines.push((t(l, Msg::PlanNothingLinked).to_string(), theme.muted));
                    } else {
                        lines.push((t(l, Msg::PlanServedBy).to_string(), theme.muted));
                        for link in &v.links {
                            let what = match link.link {
                                crate::model::plans::PolicyLink::Resolution(_) => tf(
                                    l,
                                    Msg::PlanLinkResolution,
                                    &[&localize_digits(&link.label, l)],
                                ),
                                crate::model::plans::PolicyLink::Task(id) => format!(
                                    "{} «{}»",
                                    tf(
                                        l,
                                        Msg::PlanLinkTask,
                                        &[&localize_digits(&id.to_string(), l)]
                                    ),
                                    link.label
                                ),
                            };
                            let done = if link.done { " ✓" } else { "" };
                            lines.push((format!("• {what}{done}"), theme.base));
                        }
                    }
                    widgets::text_block(f, chart_area, &v.policy.title, &lines, false, theme, prefs)
                }
                None => widgets::text_block(
                    f,
                    chart_area,
                    t(l, Msg::PlanColTrend),
                    &[(t(l, Msg::PlanPickIndicator).to_string(), theme.muted)],
                    false,
                    theme,
                    prefs,
                ),
            }
        }
    }
}

/// The lowest and highest of the values, the target and the baseline, a little apart
/// so that a flat series still has a height.
fn y_bounds(i: &IndicatorView) -> (f64, f64) {
    let mut lo = i.indicator.target;
    let mut hi = i.indicator.target;
    let all = i
        .measurements
        .iter()
        .map(|m| m.measurement.value)
        .chain(i.indicator.baseline);
    for v in all {
        lo = lo.min(v);
        hi = hi.max(v);
    }
    let pad = ((hi - lo) * 0.1).max(if hi == lo { 1.0 } else { 0.0 });
    (lo - pad, hi + pad)
}

/// The measurements against the target (and the baseline when set), period by period.
///
/// In Persian the time axis still runs from the oldest period on the left to the newest
/// on the right: charts read left to right in Persian business and statistical reports
/// too (as the Statistical Centre of Iran prints them), and a mirrored axis would read as
/// a decline where the figure grew. The title and legend sit on the right, the reading
/// side, and every label is in Persian digits.
fn draw_chart(f: &mut Frame, area: Rect, i: &IndicatorView, theme: &Theme, prefs: Prefs) {
    let l = prefs.lang;
    let n = i.measurements.len();
    let last_x = (n.max(2) - 1) as f64;
    let points: Vec<(f64, f64)> = i
        .measurements
        .iter()
        .enumerate()
        .map(|(k, m)| (k as f64, m.measurement.value))
        .collect();
    let target = [(0.0, i.indicator.target), (last_x, i.indicator.target)];
    let baseline: Vec<(f64, f64)> = i
        .indicator
        .baseline
        .map(|b| vec![(0.0, b), (last_x, b)])
        .unwrap_or_default();
    // The legend's names padded to one width: ratatui writes only a name's own cells in
    // the legend box, and a line drawn under the box would show through the rest.
    let mut names = vec![t(l, Msg::PlanLegendTarget), t(l, Msg::PlanLegendValue)];
    if i.indicator.baseline.is_some() {
        names.push(t(l, Msg::PlanLegendBaseline));
    }
    let legend_w = names.iter().map(|n| cell_width(n)).max().unwrap_or(0);
    let align = if l == Lang::Fa {
        Align::Right
    } else {
        Align::Left
    };
    let legend = |m: Msg| display_cell(t(l, m), legend_w, l, prefs.bidi, align);
    let mut datasets = vec![Dataset::default()
        .name(legend(Msg::PlanLegendTarget))
        .marker(Marker::Braille)
        .graph_type(GraphType::Line)
        .style(theme.ok)
        .data(&target)];
    if !baseline.is_empty() {
        datasets.push(
            Dataset::default()
                .name(legend(Msg::PlanLegendBaseline))
                .marker(Marker::Braille)
                .graph_type(GraphType::Line)
                .style(theme.muted)
                .data(&baseline),
        );
    }
    // The series last, drawn over the flat lines; its points as dots (one measurement
    // alone is a point with no line).
    datasets.push(
        Dataset::default()
            .name(legend(Msg::PlanLegendValue))
            .marker(Marker::Braille)
            .graph_type(GraphType::Line)
            .style(theme.accent)
            .data(&points),
    );
    datasets.push(
        Dataset::default()
            .marker(Marker::Dot)
            .graph_type(GraphType::Scatter)
            .style(theme.accent)
            .data(&points),
    );
    // Every period's label when they fit, else the first and the last.
    let labels: Vec<String> = i
        .measurements
        .iter()
        .map(|m| shown(&m.period_label, prefs))
        .collect();
    let room = area.width.saturating_sub(10) as usize;
    let fits = labels.iter().map(|s| cell_width(s) + 2).sum::<usize>() <= room;
    let x_labels: Vec<Line> = if fits && n > 1 {
        labels.into_iter().map(Line::from).collect()
    } else {
        let first = labels.first().cloned().unwrap_or_default();
        let last = if n > 1 {
            labels.last().cloned().unwrap_or_default()
        } else {
            String::new()
        };
        vec![Line::from(first), Line::from(last)]
    };
    let (lo, hi) = y_bounds(i);
    let y_labels: Vec<Line> = [lo, (lo + hi) / 2.0, hi]
        .iter()
        .map(|v| Line::from(format_number(*v, l)))
        .collect();
    let name = match i.indicator.unit.as_deref().filter(|u| !u.trim().is_empty()) {
        Some(u) => format!("{} ({u})", i.indicator.name),
        None => i.indicator.name.clone(),
    };
    let title = tf(l, Msg::PlanChartTitle, &[&name]);
    let chart = Chart::new(datasets)
        .block(widgets::block_in(&title, area.width, false, theme, prefs))
        .style(theme.base)
        .x_axis(
            Axis::default()
                .style(theme.muted)
                .bounds([0.0, last_x])
                .labels(x_labels),
        )
        .y_axis(
            Axis::default()
                .style(theme.muted)
                .bounds([lo, hi])
                .labels(y_labels),
        )
        .legend_position(Some(legend_corner(i, lo, hi, l)))
        .hidden_legend_constraints((Constraint::Ratio(1, 2), Constraint::Ratio(1, 2)));
    f.render_widget(chart, area);
}

/// The legend's corner: on the reading side (the left in English, the right in
/// Persian), at the top unless the series is in the upper half on that side (then at
/// the bottom, so that it hides no point).
fn legend_corner(i: &IndicatorView, lo: f64, hi: f64, l: Lang) -> LegendPosition {
    let near = if l == Lang::Fa {
        i.measurements.last()
    } else {
        i.measurements.first()
    }
    .map(|m| m.measurement.value);
    let high = near.is_some_and(|v| v > (lo + hi) / 2.0);
    match (l == Lang::Fa, high) {
        (true, false) => LegendPosition::TopRight,
        (true, true) => LegendPosition::BottomRight,
        (false, false) => LegendPosition::TopLeft,
        (false, true) => LegendPosition::BottomLeft,
    }
}

/// In a small terminal: the series as a sparkline (oldest on the left, as the chart),
/// with the target and the last value written above it.
fn draw_sparkline(f: &mut Frame, area: Rect, i: &IndicatorView, theme: &Theme, prefs: Prefs) {
    let l = prefs.lang;
    let unit = i.indicator.unit.as_deref();
    let title = tf(l, Msg::PlanChartTitle, &[&i.indicator.name]);
    let block = widgets::block_in(&title, area.width, false, theme, prefs);
    let inner = block.inner(area);
    f.render_widget(block, area);
    if inner.height == 0 || inner.width == 0 {
        return;
    }
    let fig = &i.figures;
    let last = fig
        .last_value
        .map(|v| {
            let value = format!("{} {}", with_unit(v, unit, l), arrow(fig.direction));
            tf(
                l,
                Msg::PlanSparkLast,
                &[
                    value.trim_end(),
                    i.last_period_label.as_deref().unwrap_or(""),
                ],
            )
        })
        .unwrap_or_default();
    let target = tf(
        l,
        Msg::PlanSparkTarget,
        &[&with_unit(i.indicator.target, unit, l)],
    );
    let [last_area, target_area, spark_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(0),
    ])
    .areas(inner);
    let style = indicator_style(i, theme);
    let align = if l == Lang::Fa {
        Alignment::Right
    } else {
        Alignment::Left
    };
    for (text, at, style) in [(last, last_area, style), (target, target_area, theme.ok)] {
        f.render_widget(
            Paragraph::new(Line::styled(shown(&text, prefs), style)).alignment(align),
            at,
        );
    }
    // Heights from the lowest to the highest of the values and the target, so a bar
    // reaching the top is at (or past) the target when more is better.
    let (lo, hi) = y_bounds(i);
    let data: Vec<u64> = i
        .measurements
        .iter()
        .map(|m| {
            (((m.measurement.value - lo) / (hi - lo)) * 100.0)
                .round()
                .max(1.0) as u64
        })
        .collect();
    // One bar a period, as wide as the room allows (up to six cells).
    let bar = (spark_area.width as usize / data.len().max(1)).clamp(1, 6);
    let wide: Vec<u64> = data
        .iter()
        .flat_map(|v| std::iter::repeat_n(*v, bar))
        .collect();
    f.render_widget(
        Sparkline::default()
            .data(&wide)
            .max(100)
            .style(theme.accent),
        spark_area,
    );
}
