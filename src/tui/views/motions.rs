//! The meeting on screen: the motions pane of the session screen (each motion with its
//! amendments indented under it, the selected one's mover, seconder, outcome or live
//! tally), the motions under an item's detail, and a member's vote popup.

use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::Frame;

use super::widgets::{self, Col};
use super::Clicks;
use crate::app::ballot::BallotPrompt;
use crate::app::keymap::{fill_hints, key_hint, keys_of, Action, Scope};
use crate::app::meeting::{motion_no, one_line};
use crate::app::state::{App, ListKind, SessionPane};
use crate::locale::digits::localize_digits;
use crate::locale::strings::{t, tf, Msg};
use crate::locale::Lang;
use crate::model::voting::MotionStatus;
use crate::ops::motions::{LiveTally, MotionView};
use crate::tui::theme::Theme;

fn d(n: impl ToString, l: Lang) -> String {
    localize_digits(&n.to_string(), l)
}

/// "votes so far: 2 for, 0 against, 0 abstaining — 2 of 9 voted".
pub fn live_line(tally: &LiveTally, l: Lang) -> String {
    tf(
        l,
        Msg::MeetLiveTally,
        &[
            &d(tally.tally.yes, l),
            &d(tally.tally.no, l),
            &d(tally.tally.abstain, l),
            &d(tally.voted, l),
            &d(tally.eligible, l),
        ],
    )
}

/// A motion's lines: what it is, who moved and seconded it, and what came of it (the
/// outcome sentence, or the votes so far of an open vote, with the names).
pub fn motion_lines(
    m: &MotionView,
    live: Option<&LiveTally>,
    l: Lang,
    theme: &Theme,
    full: bool,
) -> Vec<(String, Style)> {
    // Amendments are indented under their motion in a list, not when shown alone.
    let indent = if full {
        String::new()
    } else {
        "  ".repeat(m.degree as usize)
    };
    let mut out = vec![(
        format!(
            "{indent}{} · {} · {}",
            motion_no(m.motion.id, l),
            m.motion.kind.label(l),
            m.motion.status.label(l)
        ),
        theme.accent,
    )];
    let text = if full {
        m.motion.final_text.replace('\n', " ")
    } else {
        one_line(&m.motion.final_text, 120)
    };
    out.push((format!("{indent}{text}"), theme.base));
    let mut who = Vec::new();
    if let Some(n) = &m.mover {
        who.push(tf(l, Msg::MeetMovedBy, &[n.get(l)]));
    }
    if let Some(n) = &m.seconder {
        who.push(tf(l, Msg::MeetSecondedBy, &[n.get(l)]));
    }
    if !who.is_empty() {
        out.push((
            format!("{indent}{}", who.join(t(l, Msg::ListSeparator))),
            theme.muted,
        ));
    }
    if let Some(o) = &m.outcome {
        let mut s = o.explanation.clone();
        if let Some(n) = &m.resolution_number {
            s.push_str(&tf(l, Msg::MeetBecameResolution, &[&localize_digits(n, l)]));
        }
        out.push((
            format!("{indent}{s}"),
            if o.carried { theme.ok } else { theme.warn },
        ));
    }
    if let Some(tally) = live {
        out.push((format!("{indent}{}", live_line(tally, l)), theme.warn));
        if full && !tally.votes.is_empty() {
            let names: Vec<String> = tally
                .votes
                .iter()
                .map(|(_, n, c)| format!("{} ({})", n.get(l), c.label(l)))
                .collect();
            out.push((
                format!("{indent}{}", names.join(t(l, Msg::ListSeparator))),
                theme.muted,
            ));
        }
    }
    if full && !m.recused.is_empty() {
        let names: Vec<String> = m
            .recused
            .iter()
            .map(|r| {
                if r.reason.is_empty() {
                    r.person.clone()
                } else {
                    format!("{} ({})", r.person, r.reason)
                }
            })
            .collect();
        out.push((
            format!(
                "{indent}{}",
                tf(
                    l,
                    Msg::MeetRecusedLine,
                    &[&names.join(t(l, Msg::ListSeparator))]
                )
            ),
            theme.muted,
        ));
    }
    out
}

/// The motions pane: a list of the motions on the selected item (and the session's),
/// and under it the selected motion in full.
pub fn draw_pane(f: &mut Frame, area: Rect, app: &App, theme: &Theme, clicks: &mut Clicks) {
    let Some(v) = &app.session else { return };
    let prefs = app.ctx.prefs;
    let l = prefs.lang;
    let all = v.motions.rows(v.item_id());
    let shown: Vec<&MotionView> = app
        .visible_rows(ListKind::Motions)
        .into_iter()
        .filter_map(|i| all.get(i).copied())
        .collect();
    let list_h = ((shown.len() as u16) + 3).clamp(4, (area.height / 2).max(4));
    let [list, detail] =
        Layout::vertical([Constraint::Length(list_h), Constraint::Min(3)]).areas(area);
    let rows: Vec<Vec<String>> = shown
        .iter()
        .map(|m| {
            let indent = "  ".repeat(m.degree as usize);
            vec![
                d(m.motion.id, l),
                format!("{indent}{}", one_line(&m.motion.final_text, 200)),
                m.motion.status.label(l).to_string(),
            ]
        })
        .collect();
    let styles: Vec<Style> = shown
        .iter()
        .map(|m| match m.motion.status {
            MotionStatus::Pending => theme.accent,
            MotionStatus::Voting => theme.warn,
            MotionStatus::Carried | MotionStatus::Accepted => theme.ok,
            _ => theme.muted,
        })
        .collect();
    widgets::table(
        f,
        list,
        t(l, Msg::MeetMotions),
        &["#", t(l, Msg::MeetText), t(l, Msg::Status)],
        &[Col::Fixed(3), Col::Flex, Col::Fixed(15)],
        &rows,
        Some(v.motions.cursor.selected),
        v.pane == SessionPane::Motions,
        theme,
        prefs,
        &styles,
    );
    clicks.remember(list, ListKind::Motions);
    let selected = app
        .selected_row(ListKind::Motions)
        .and_then(|i| all.get(i).copied());
    let title = selected.map_or_else(
        || t(l, Msg::MeetMotions).to_string(),
        |m| motion_no(m.motion.id, l),
    );
    let lines = match selected {
        Some(m) => motion_lines(m, v.motions.live.get(&m.motion.id), l, theme, true),
        None => vec![(
            tf(
                l,
                Msg::MeetPaneEmpty,
                &[first_key(app, Action::MoveMotion).as_str()],
            ),
            theme.muted,
        )],
    };
    widgets::text_block(f, detail, &title, &lines, false, theme, prefs);
}

fn first_key(app: &App, a: Action) -> String {
    keys_of(&app.bindings, a)
        .split(", ")
        .next()
        .unwrap_or("")
        .to_string()
}

/// The motions shown under an agenda item's detail (and the session's own), briefly.
pub fn item_lines(app: &App, theme: &Theme) -> Vec<(String, Style)> {
    let Some(v) = &app.session else {
        return vec![];
    };
    let l = app.lang();
    let mut out = Vec::new();
    if let Some(item) = v.item_id() {
        let recused = v.motions.recused_on(item);
        if !recused.is_empty() {
            let names: Vec<String> = recused
                .iter()
                .map(|(p, reason)| {
                    let name = v
                        .record
                        .attendance
                        .iter()
                        .find(|a| a.person_id == *p)
                        .map(|a| a.name.get(l).to_string())
                        .unwrap_or_else(|| d(p, l));
                    format!("{name} ({reason})")
                })
                .collect();
            out.push((String::new(), theme.base));
            out.push((
                tf(
                    l,
                    Msg::MeetRecusedLine,
                    &[&names.join(t(l, Msg::ListSeparator))],
                ),
                theme.warn,
            ));
        }
        if v.record
            .agenda
            .iter()
            .any(|a| a.item.id == item && a.item.consent)
        {
            out.push((t(l, Msg::MeetConsentMark).to_string(), theme.accent));
        }
    }
    for m in v.motions.rows(v.item_id()) {
        out.push((String::new(), theme.base));
        out.extend(motion_lines(
            m,
            v.motions.live.get(&m.motion.id),
            l,
            theme,
            false,
        ));
    }
    out
}

/// The member's vote popup: the motion, what it needs, their vote so far, the keys.
pub fn draw_ballot(f: &mut Frame, area: Rect, app: &App, b: &BallotPrompt, theme: &Theme) {
    let prefs = app.ctx.prefs;
    let l = prefs.lang;
    let mut lines = vec![
        (b.kind.clone(), theme.accent),
        (b.text.replace('\n', " "), theme.title),
        (String::new(), theme.base),
        (b.requirement.clone(), theme.base),
        (String::new(), theme.base),
    ];
    match b.mine {
        Some(c) => lines.push((
            format!(
                "{} {} — {}",
                t(l, Msg::MeetYourVote),
                c.label(l),
                t(l, Msg::MeetYouMayChange)
            ),
            theme.ok,
        )),
        None => lines.push((t(l, Msg::MeetNotYetVoted).to_string(), theme.muted)),
    }
    if let Some(e) = &b.error {
        lines.push((e.clone(), theme.error));
    }
    let title = tf(l, Msg::MeetBallotTitle, &[&motion_no(b.motion_id, l)]);
    widgets::text_block(f, area, &title, &lines, true, theme, prefs);
    // The keys on the last row inside the border.
    let keys = Rect::new(
        area.x + 1,
        (area.y + area.height).saturating_sub(2),
        area.width.saturating_sub(2),
        1,
    );
    let hint = |a| key_hint(&app.bindings, Scope::Ballot, a);
    let spec = fill_hints(
        t(l, Msg::MeetBallotKeys),
        &[
            hint(Action::VoteFor),
            hint(Action::VoteAgainst),
            hint(Action::VoteAbstain),
            hint(Action::VoteNotVoting),
            hint(Action::HideBallot),
        ],
    );
    widgets::hints(f, keys, &spec, theme.muted, prefs);
}
