//! A session: header with live quorum, the agenda, and on the other side the selected
//! item's minutes, resolutions and tasks, or the roll call, or the review of open tasks.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::Frame;

use super::widgets::{self, Col};
use super::{Clicks, Target};
use crate::app::state::{App, ListKind, ReviewRow, SessionPane};
use crate::locale::calendar::format_date;
use crate::locale::digits::localize_digits;
use crate::locale::strings::{t, tf, Msg};
use crate::locale::{Calendar, Lang};
use crate::model::*;
use crate::tui::theme::Theme;

pub fn draw(f: &mut Frame, area: Rect, app: &App, theme: &Theme, clicks: &mut Clicks) {
    let Some(v) = &app.session else { return };
    let prefs = app.ctx.prefs;
    let l = prefs.lang;
    let rec = &v.record;
    let s = &rec.session;
    // Approved minutes: a third line says who signed them and who is still to sign.
    let signed_line = v.signatures.as_ref().map(|sigs| {
        let sep = crate::ops::signatures::list_separator(l);
        let signed: Vec<&str> = sigs.signed.iter().map(|g| g.person.get(l)).collect();
        let mut line = format!(
            "{}: {}",
            t(l, Msg::SignSignedBy),
            if signed.is_empty() {
                t(l, Msg::SignNobodyYet).to_string()
            } else {
                signed.join(sep)
            }
        );
        if !sigs.unsigned.is_empty() {
            let to_sign: Vec<&str> = sigs.unsigned.iter().map(|p| p.name.get(l)).collect();
            line.push_str(&format!(
                "   ·   {}: {}",
                t(l, Msg::SignToSign),
                to_sign.join(sep)
            ));
        }
        line
    });
    let head_rows = 4 + u16::from(signed_line.is_some());
    let [head, body] =
        Layout::vertical([Constraint::Length(head_rows), Constraint::Min(3)]).areas(area);
    let other_cal = match prefs.calendar {
        Calendar::Jalali => Calendar::Gregorian,
        Calendar::Gregorian => Calendar::Jalali,
    };
    let mut line1 = format!(
        "{} {} · {} ({}) · {} · {}",
        t(l, Msg::Session),
        s.number_text(l),
        app.ctx.date(s.date),
        format_date(s.date, other_cal, l),
        s.kind.label(l),
        s.status.label(l)
    );
    let line2 = format!(
        "{}: {}   {}: {} – {}",
        t(l, Msg::Place),
        s.place.as_deref().unwrap_or("—"),
        t(l, Msg::Time),
        localize_digits(s.start_time.as_deref().unwrap_or("—"), l),
        localize_digits(s.end_time.as_deref().unwrap_or("—"), l)
    );
    // Recesses and closed parts after the status (the start and end beside the place
    // are the call to order and the adjournment).
    let tl = &rec.timeline;
    for (what, when) in crate::ops::clock::time_lines(tl, l)
        .into_iter()
        .skip(usize::from(tl.called_to_order.is_some()))
        .take(tl.recesses.len() + tl.closed.len())
    {
        line1.push_str(&format!(" · {what} {when}"));
    }
    let q = rec.quorum;
    let quorum = app.quorum_line().unwrap_or_default();
    let quorum_style = if q.met() { theme.ok } else { theme.warn };
    let mut head_lines = vec![
        (line1, theme.base),
        // The quorum comes first so a narrow terminal still shows its verdict.
        (format!("{quorum}   ·   {line2}"), quorum_style),
    ];
    if let Some(line) = signed_line {
        let style = match v.signatures.as_ref() {
            Some(s) if s.unsigned.is_empty() => theme.ok,
            _ => theme.warn,
        };
        head_lines.push((line, style));
    }
    widgets::text_block(
        f,
        head,
        rec.body.name.get(l),
        &head_lines,
        false,
        theme,
        prefs,
    );
    let [left, right] = if l == Lang::Fa {
        let [a, b] = Layout::horizontal([Constraint::Percentage(52), Constraint::Percentage(48)])
            .areas(body);
        [b, a]
    } else {
        Layout::horizontal([Constraint::Percentage(48), Constraint::Percentage(52)]).areas(body)
    };
    let agenda: Vec<_> = app
        .visible_rows(ListKind::Agenda)
        .into_iter()
        .filter_map(|i| rec.agenda.get(i).map(|a| (a, v.labels.get(i))))
        .collect();
    let rows: Vec<Vec<String>> = agenda
        .iter()
        .map(|(a, label)| {
            let mut marks = String::new();
            // A bill or members' proposal taken urgently: ! one urgency, ‼ two.
            match a.item.urgency {
                Some(Urgency::Urgent) => marks.push('!'),
                Some(Urgency::DoubleUrgent) => marks.push('‼'),
                None => {}
            }
            if a.item.minutes.is_some() {
                marks.push('✎');
            }
            if !a.resolutions.is_empty() {
                marks.push('§');
            }
            if a.item.carried_from.is_some() {
                marks.push('↻');
            }
            // On the consent agenda; a member recused on it.
            if a.item.consent {
                marks.push('✓');
            }
            if v.motions
                .conflicts
                .iter()
                .any(|c| c.agenda_item_id == a.item.id)
            {
                marks.push('⚖');
            }
            let title = if a.redacted {
                t(l, Msg::MinutesClosedPart).to_string()
            } else if matches!(a.item.kind, ItemKind::Item | ItemKind::Section) {
                a.item.title.clone()
            } else {
                format!("{}: {}", a.item.kind.label(l), a.item.title)
            };
            // Sub-items are indented under their section's heading.
            let indent = if a.item.parent_id.is_some() && label.is_some_and(|n| n.contains('.')) {
                "  "
            } else {
                ""
            };
            vec![
                localize_digits(label.map(String::as_str).unwrap_or(""), l),
                format!("{indent}{title}"),
                marks,
                if a.item.kind == ItemKind::Section {
                    // A heading has no status of its own.
                    String::new()
                } else {
                    a.item.status.label(l).to_string()
                },
            ]
        })
        .collect();
    // The marks' column widens only when an item carries more than three.
    let marks_width = rows
        .iter()
        .map(|r| r[2].chars().count() as u16)
        .max()
        .unwrap_or(0)
        .max(3);
    let styles: Vec<Style> = agenda
        .iter()
        .map(|(a, _)| match a.item.status {
            _ if a.item.kind == ItemKind::Section => theme.title,
            AgendaStatus::Withdrawn | AgendaStatus::Deferred => theme.muted,
            AgendaStatus::Discussed => theme.base,
            AgendaStatus::Pending => theme.accent,
        })
        .collect();
    // The number column fits the longest number ("12.10").
    let number_width = rows
        .iter()
        .map(|r| r[0].chars().count() as u16)
        .max()
        .unwrap_or(0)
        .max(2);
    widgets::table(
        f,
        left,
        t(l, Msg::Agenda),
        &["#", t(l, Msg::Title), "", t(l, Msg::Status)],
        &[
            Col::Fixed(number_width),
            Col::Flex,
            Col::Fixed(marks_width),
            Col::Fixed(11),
        ],
        &rows,
        Some(v.agenda.selected),
        v.pane == SessionPane::Agenda,
        theme,
        prefs,
        &styles,
    );
    clicks.remember(left, Target::Agenda);
    match v.pane {
        SessionPane::Agenda => draw_item(f, right, app, theme),
        SessionPane::Motions => super::motions::draw_pane(f, right, app, theme, clicks),
        SessionPane::RollCall => {
            let people: Vec<_> = app
                .visible_rows(ListKind::RollCall)
                .into_iter()
                .filter_map(|i| rec.attendance.get(i))
                .collect();
            // A member gone shows when they left; one who came late when they arrived.
            let mark = |a: &crate::ops::record::AttendanceRow| match (&a.left_at, &a.arrived_at) {
                (Some(at), _) => Some(format!(
                    "{} {}",
                    t(l, Msg::ClockLeftMark),
                    localize_digits(at, l)
                )),
                (None, Some(at)) if a.presence == Some(Presence::Late) => Some(format!(
                    "{} {}",
                    Presence::Late.label(l),
                    localize_digits(at, l)
                )),
                _ => None,
            };
            let timed = people.iter().any(|a| mark(a).is_some());
            let mut rows: Vec<Vec<String>> = people
                .iter()
                .map(|a| {
                    vec![
                        a.name.get(l).to_string(),
                        a.role.label(l).to_string(),
                        mark(a).unwrap_or_else(|| {
                            a.presence
                                .map(|p| p.label(l).to_string())
                                .unwrap_or_else(|| "·".into())
                        }),
                    ]
                })
                .collect();
            let mut styles: Vec<Style> = people
                .iter()
                .map(|a| match a.presence {
                    _ if a.left_at.is_some() => theme.muted,
                    Some(Presence::Absent) => theme.error,
                    Some(Presence::Excused) => theme.warn,
                    None => theme.muted,
                    _ => theme.ok,
                })
                .collect();
            // Invited guests follow the members (not part of the quorum).
            for g in &rec.guests {
                let who = match &g.organization {
                    Some(o) => format!("{} ({o})", g.name),
                    None => g.name.clone(),
                };
                rows.push(vec![who, t(l, Msg::Guests).to_string(), String::new()]);
                styles.push(theme.muted);
            }
            let d = |n: u32| localize_digits(&n.to_string(), l);
            let q = rec.quorum;
            let verdict = t(
                l,
                if q.met() {
                    Msg::QuorumMetShort
                } else {
                    Msg::QuorumNotMetShort
                },
            );
            let title = tf(
                l,
                Msg::RollCallTitle,
                &[&d(q.present), &d(q.voting), &d(q.required), verdict],
            );
            widgets::table(
                f,
                right,
                &title,
                &[t(l, Msg::Name), t(l, Msg::Role), t(l, Msg::Status)],
                &[
                    Col::Flex,
                    Col::Fixed(10),
                    Col::Fixed(if timed { 15 } else { 10 }),
                ],
                &rows,
                Some(v.roll.selected),
                true,
                theme,
                prefs,
                &styles,
            );
            clicks.remember(right, Target::RollCall);
        }
        SessionPane::Review => {
            let review: Vec<_> = app
                .visible_rows(ListKind::Review)
                .into_iter()
                .filter_map(|i| v.review.get(i))
                .collect();
            // The resolution number only where there is room for it beside the title.
            let numbers = right.width >= 70;
            let rows: Vec<Vec<String>> = review
                .iter()
                .map(|row| {
                    let mut cells = match row {
                        ReviewRow::Task(r) => vec![
                            mark(v.reviewed.contains(&r.task.id)),
                            localize_digits(r.resolution_number.as_deref().unwrap_or(""), l),
                            r.task.title.clone(),
                            r.assignee(l),
                            app.ctx.opt_date(r.task.due),
                            localize_digits(&format!("{}%", r.task.percent), l),
                        ],
                        // A resolution followed up itself: its text where a task's
                        // title goes, its owner as the assignee, no percent.
                        ReviewRow::Resolution(r) => vec![
                            mark(v.reviewed_resolutions.contains(&r.id)),
                            localize_digits(&r.number, l),
                            r.text.replace('\n', " "),
                            r.owner.clone().unwrap_or_else(|| "—".to_string()),
                            app.ctx.opt_date(r.due),
                            String::new(),
                        ],
                    };
                    if !numbers {
                        cells.remove(1);
                    }
                    cells
                })
                .collect();
            let styles: Vec<Style> = review
                .iter()
                .map(|row| match row {
                    ReviewRow::Task(r) => {
                        widgets::overdue_style(&r.task, app.ctx.today, theme.error, theme)
                    }
                    ReviewRow::Resolution(r) if r.due.is_some_and(|d| d < app.ctx.today) => {
                        theme.error
                    }
                    ReviewRow::Resolution(_) => theme.base,
                })
                .collect();
            let done_here = v.reviewed.len() + v.reviewed_resolutions.len();
            let title = tf(
                l,
                Msg::ReviewTitle,
                &[
                    &localize_digits(&v.review.len().to_string(), l),
                    &localize_digits(&done_here.to_string(), l),
                ],
            );
            let mut headers = vec![
                "✓",
                t(l, Msg::ResolutionNo),
                t(l, Msg::FollowUp),
                t(l, Msg::Assignee),
                t(l, Msg::Due),
                "%",
            ];
            let mut cols = vec![
                Col::Fixed(1),
                Col::Fixed(12),
                Col::Flex,
                Col::Fixed(14),
                Col::Fixed(10),
                Col::Fixed(4),
            ];
            if !numbers {
                headers.remove(1);
                cols.remove(1);
            }
            widgets::table(
                f,
                right,
                &title,
                &headers,
                &cols,
                &rows,
                Some(v.review_cursor.selected),
                true,
                theme,
                prefs,
                &styles,
            );
            clicks.remember(right, Target::Review);
        }
    }
}

fn draw_item(f: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let Some(v) = &app.session else { return };
    let prefs = app.ctx.prefs;
    let l = prefs.lang;
    let selected = app.selected_row(ListKind::Agenda);
    let number = selected
        .and_then(|i| v.labels.get(i))
        .map(|n| localize_digits(n, l))
        .unwrap_or_default();
    let Some(a) = selected.and_then(|i| v.record.agenda.get(i)) else {
        let hint = t(l, Msg::TheAgendaIsEmptyA);
        widgets::text_block(
            f,
            area,
            t(l, Msg::Item),
            &[(hint.into(), theme.muted)],
            false,
            theme,
            prefs,
        );
        return;
    };
    let mut lines: Vec<(String, Style)> = Vec::new();
    if a.redacted {
        // Taken in closed session: its content is for the body's members only.
        let line = tf(l, Msg::MinutesClosedItem, &[&number]);
        widgets::text_block(
            f,
            area,
            t(l, Msg::Item),
            &[(line, theme.muted)],
            false,
            theme,
            prefs,
        );
        return;
    }
    // "3. Title", "7.1 Title": a sub-item's number ends in its own.
    let dot = if number.contains(['.', '٫']) {
        ""
    } else {
        "."
    };
    lines.push((format!("{number}{dot} {}", a.item.title), theme.title));
    // Its kind and urgency, and who signed a members' proposal.
    let mut kind = Vec::new();
    if a.item.kind != ItemKind::Item {
        kind.push(a.item.kind.label(l).to_string());
    }
    if let Some(u) = a.item.urgency {
        kind.push(u.label(l).to_string());
    }
    if !kind.is_empty() {
        lines.push((kind.join(" · "), theme.accent));
    }
    let signed: Vec<&str> = v
        .signatories
        .iter()
        .filter(|(i, _)| *i == a.item.id)
        .map(|(_, p)| p.name.get(l))
        .collect();
    if !signed.is_empty() {
        lines.push((
            format!(
                "{}: {}",
                t(l, Msg::AgendaSignatories),
                signed.join(t(l, Msg::ListSeparator))
            ),
            theme.muted,
        ));
    }
    if let Some(p) = &a.item.presenter {
        lines.push((format!("{}: {p}", t(l, Msg::Presenter)), theme.muted));
    }
    if a.item.carried_from.is_some() {
        lines.push((t(l, Msg::Carried).to_string(), theme.muted));
    }
    lines.push((String::new(), theme.base));
    match &a.item.minutes {
        Some(m) => {
            for para in m.split('\n') {
                lines.push((para.to_string(), theme.base));
            }
        }
        // Approved minutes take no more: no hint to write them.
        None if v.record.session.status == crate::model::SessionStatus::Approved => {
            lines.push((t(l, Msg::NoMinutesRecorded).to_string(), theme.muted))
        }
        None => lines.push((t(l, Msg::NoMinutesYet).to_string(), theme.muted)),
    }
    if a.item.is_review {
        lines.push((String::new(), theme.base));
        lines.push((
            tf(
                l,
                Msg::ReviewHint,
                &[&localize_digits(&v.review.len().to_string(), l)],
            ),
            theme.accent,
        ));
    }
    for r in &a.resolutions {
        lines.push((String::new(), theme.base));
        let tally = r
            .tally
            .as_ref()
            .map(|t| localize_digits(&format!(" ({}/{}/{})", t.yes, t.no, t.abstain), l))
            .unwrap_or_default();
        lines.push((
            format!(
                "§ {} {} — {}{tally}",
                t(l, Msg::Resolution),
                r.number,
                r.decision.label(l)
            ),
            theme.accent,
        ));
        lines.push((r.text.clone(), theme.base));
    }
    for task in &a.tasks {
        let who = task.assignee(l);
        lines.push((
            format!(
                "→ {} — {} — {} {}",
                task.task.title,
                who,
                t(l, Msg::Due),
                app.ctx.opt_date(task.task.due)
            ),
            theme.muted,
        ));
    }
    lines.extend(super::motions::item_lines(app, theme));
    widgets::text_block(f, area, t(l, Msg::Item), &lines, false, theme, prefs);
}

/// The review pane's mark for a row followed up at this session.
fn mark(done_here: bool) -> String {
    if done_here { "✓" } else { "" }.to_string()
}
