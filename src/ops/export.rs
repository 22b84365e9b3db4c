//! Exports of a session's minutes: Markdown and printable HTML (A4; right-to-left
//! when the interface is Persian). Stored text is escaped for each format.
//!
//! The minutes tell what was done: under each item its motions in order, with their
//! wording as adopted, mover and seconder, amendments and their fate, each vote's
//! outcome and the names under each side (the count only for a secret ballot), the
//! recusals and the resolution a motion became; the session's own motions (the agenda
//! and previous minutes approved first, the consent agenda, then recess, adjourn…).
//! An item taken in closed session is, in the public minutes, one line saying so, even
//! when the record given holds its content; [`SessionRecord::closed_part`] (from
//! [`crate::ops::record::closed_record`]) prints that part alone.
//!
//! They say all the record holds: the agenda by its numbers (3, 3.1), a section a
//! heading with its sub-items under it, an item's kind, urgency and a members'
//! proposal's signatories; resolutions in the order adopted with their owner and due
//! date; the tasks given on an item; under the review of previous resolutions the
//! progress reported at the session; present members with late arrivals and remote
//! ones marked, absences excused and unexcused apart; the next session; the signature
//! lines by name; and, until approved, a draft mark ([`SessionRecord::draft`]).

use crate::locale::calendar::format_date;
use crate::locale::digits::localize_digits;
use crate::locale::strings::{t, tf, Msg};
use crate::locale::text::sanitize;
use crate::locale::Prefs;
use crate::locale::{Calendar, Lang};
use crate::model::*;
use crate::ops::record::SessionRecord;
use crate::store::Store;

/// Escapes text for HTML element content and attribute values.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in sanitize(s).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes text so Markdown shows it literally (no emphasis, links or HTML).
pub fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for line in sanitize(s).split('\n') {
        if !out.is_empty() {
            out.push('\n');
        }
        let trimmed = line.trim_start();
        // A line that would start a list, heading, quote or numbered item is escaped.
        let starts_block = trimmed.starts_with(['-', '+', '#', '>', '='])
            || trimmed
                .split_once(['.', ')'])
                .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if starts_block {
            out.push('\\');
        }
        for c in line.chars() {
            if "\\`*_[]<>|~".contains(c) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

fn semicolon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ";",
        Lang::Fa => "؛",
    }
}

fn list_separator(lang: Lang) -> &'static str {
    t(lang, Msg::ListSeparator)
}

fn both_dates(d: chrono::NaiveDate, lang: Lang) -> String {
    format!(
        "{} — {}",
        format_date(d, Calendar::Jalali, lang),
        format_date(d, Calendar::Gregorian, lang)
    )
}

fn tally_text(r: &Resolution, lang: Lang) -> String {
    match &r.tally {
        Some(tl) if tl.no == 0 && tl.abstain == 0 && tl.yes > 0 => format!(
            "{} ({} {})",
            t(lang, Msg::Unanimous),
            localize_digits(&tl.yes.to_string(), lang),
            t(lang, Msg::For)
        ),
        Some(tl) => localize_digits(
            &format!(
                "{} {}{sep}{} {}{sep}{} {}",
                tl.yes,
                t(lang, Msg::For),
                tl.no,
                t(lang, Msg::Against),
                tl.abstain,
                t(lang, Msg::Abstain),
                sep = list_separator(lang)
            ),
            lang,
        ),
        None => String::new(),
    }
}

fn people_with(
    rec: &SessionRecord,
    lang: Lang,
    f: impl Fn(Option<Presence>) -> bool,
) -> Vec<String> {
    rec.attendance
        .iter()
        .filter(|a| f(a.presence))
        .map(|a| a.name.get(lang).to_string())
        .collect()
}

fn present(p: Option<Presence>) -> bool {
    matches!(
        p,
        Some(Presence::Present | Presence::Late | Presence::Remote)
    )
}

fn assignee(task: &crate::store::read::TaskRow, lang: Lang) -> String {
    task.assignee_name
        .as_ref()
        .map(|n| n.get(lang).to_string())
        .or(task.task.assignee_unit.clone())
        .unwrap_or_default()
}

/// The quorum the minutes state: at the call to order when it is recorded (members
/// who came later or left are not counted then), else as the roll stands; with the
/// words that say when (" at the call to order, 17:00"), or none.
fn minutes_quorum(rec: &SessionRecord, lang: Lang) -> (crate::model::rules::QuorumState, String) {
    match &rec.timeline.called_to_order {
        Some(at) => (
            super::record::quorum_at(rec, at),
            crate::locale::strings::tf(lang, Msg::ClockQuorumAtCall, &[&localize_digits(at, lang)]),
        ),
        None => (rec.quorum, String::new()),
    }
}

/// The "Times" part of the minutes: called to order, recesses, closed session and
/// adjournment, then members' arrivals and departures; empty when none is recorded.
fn times_markdown(rec: &SessionRecord, lang: Lang) -> String {
    // The closed part holds the closed items only; the times are in the public minutes.
    if rec.closed_part {
        return String::new();
    }
    let times = super::clock::time_lines(&rec.timeline, lang);
    let moves = super::clock::movements(&rec.attendance, lang);
    if times.is_empty() && moves.is_empty() {
        return String::new();
    }
    let mut md = format!("\n## {}\n\n", t(lang, Msg::ClockTimes));
    for (what, when) in times {
        md.push_str(&format!(
            "- **{}:** {}\n",
            md_escape(&what),
            md_escape(&when)
        ));
    }
    for m in moves {
        md.push_str(&format!("- {}\n", md_escape(&m)));
    }
    md
}

/// [`times_markdown`] as HTML.
fn times_html(rec: &SessionRecord, lang: Lang) -> String {
    if rec.closed_part {
        return String::new();
    }
    let times = super::clock::time_lines(&rec.timeline, lang);
    let moves = super::clock::movements(&rec.attendance, lang);
    if times.is_empty() && moves.is_empty() {
        return String::new();
    }
    let mut h = format!(
        "<h2>{}</h2>\n<table class=\"times\">\n",
        t(lang, Msg::ClockTimes)
    );
    for (what, when) in times {
        h.push_str(&format!(
            "<tr><th>{}</th><td>{}</td></tr>\n",
            html_escape(&what),
            html_escape(&when)
        ));
    }
    h.push_str("</table>\n");
    if !moves.is_empty() {
        h.push_str(&format!(
            "<p class=\"movements\"><strong>{}:</strong> {}</p>\n",
            t(lang, Msg::ClockArrivals),
            moves
                .iter()
                .map(|m| html_escape(m))
                .collect::<Vec<_>>()
                .join(list_separator(lang))
        ));
    }
    h
}

/// The minutes as Markdown.
pub fn minutes_markdown(
    rec: &SessionRecord,
    _store: &Store,
    prefs: Prefs,
) -> crate::store::Result<String> {
    let lang = prefs.lang;
    let s = &rec.session;
    let mut md = String::new();
    md.push_str(&format!(
        "# {} — {} {}{}\n\n",
        md_escape(rec.body.name.get(lang)),
        t(lang, Msg::Minutes),
        s.number_text(lang),
        closed_suffix(rec, lang)
    ));
    md.push_str(&draft_md(rec, lang));
    if rec.closed_part {
        md.push_str(&format!("**{}**\n\n", t(lang, Msg::MinutesClosedNote)));
    }
    md.push_str(&format!(
        "- **{}:** {}\n",
        t(lang, Msg::Date),
        both_dates(s.date, lang)
    ));
    if let Some(p) = &s.place {
        md.push_str(&format!(
            "- **{}:** {}\n",
            t(lang, Msg::Place),
            md_escape(p)
        ));
    }
    md.push_str(&format!(
        "- **{}:** {} — **{}:** {}\n",
        t(lang, Msg::Start),
        localize_digits(s.start_time.as_deref().unwrap_or("—"), lang),
        t(lang, Msg::End),
        localize_digits(s.end_time.as_deref().unwrap_or("—"), lang)
    ));
    md.push_str(&format!(
        "- **{}:** {}\n",
        t(lang, Msg::Status),
        s.status.label(lang)
    ));
    let (q, at_call) = minutes_quorum(rec, lang);
    md.push_str(&format!(
        "- **{}:** {} {} {} {}{at_call} — {}\n\n",
        t(lang, Msg::Quorum),
        localize_digits(&q.present.to_string(), lang),
        t(lang, Msg::Of),
        localize_digits(&q.voting.to_string(), lang),
        t(lang, Msg::VotingPresent),
        t(
            lang,
            if q.met() {
                Msg::QuorumMet
            } else {
                Msg::QuorumNotMet
            }
        )
    ));
    md.push_str(&attendance_md(rec, lang));
    md.push_str(&times_markdown(rec, lang));
    md.push('\n');
    md.push_str(&md_before_agenda(rec, lang));
    md.push_str(&agenda_md(rec, prefs));
    md.push_str(&md_after_agenda(rec, lang));
    md.push_str(&minutes_corrections(rec, _store, lang, false)?);
    md.push_str(&next_session_md(rec, lang));
    md.push_str(&signatures_md(rec, lang));
    if let (Some(by), Some(head)) = (&s.approved_by, &s.approved_audit_head) {
        md.push_str(&format!(
            "\n---\n\n{} {} ({}). {}: `{}`\n",
            t(lang, Msg::ApprovedBy),
            md_escape(by),
            s.approved_at.as_deref().unwrap_or(""),
            t(lang, Msg::AuditHead),
            head
        ));
        md.push_str(&format!("\n{}\n", t(lang, Msg::AuditHeadExplained)));
    }
    Ok(md)
}

/// The minutes as a printable HTML page (A4), `dir="rtl"` in Persian.
pub fn minutes_html(
    rec: &SessionRecord,
    _store: &Store,
    prefs: Prefs,
) -> crate::store::Result<String> {
    let lang = prefs.lang;
    let s = &rec.session;
    let dir = if lang == Lang::Fa { "rtl" } else { "ltr" };
    let e = html_escape;
    let mut h = String::new();
    h.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{} — {} {}</title>\n",
        lang.code(),
        e(rec.body.name.get(lang)),
        t(lang, Msg::Minutes),
        s.number_text(lang)
    ));
    h.push_str(
        "<style>\n@page { size: A4; margin: 20mm 18mm; }\nbody { font-family: 'Vazirmatn', 'Noto Naskh Arabic', 'DejaVu Sans', sans-serif; font-size: 11pt; line-height: 1.6; color: #000; max-width: 174mm; margin: auto; }\nh1 { font-size: 16pt; border-bottom: 2px solid #000; padding-bottom: 4pt; }\nh2 { font-size: 13pt; margin-top: 14pt; }\nh3 { font-size: 11.5pt; margin-bottom: 2pt; }\ntable { border-collapse: collapse; width: 100%; margin: 6pt 0; }\nth, td { border: 1px solid #555; padding: 3pt 6pt; text-align: start; vertical-align: top; }\n.resolution { border-inline-start: 3px solid #000; padding-inline-start: 8pt; margin: 6pt 0; }\n.status { font-style: italic; color: #333; }\n.signatures { display: flex; justify-content: space-between; margin-top: 30pt; page-break-inside: avoid; }\n.signatures div { width: 45%; border-top: 1px solid #000; padding-top: 4pt; text-align: center; }\n.seal { font-size: 8.5pt; color: #333; margin-top: 16pt; word-break: break-all; }\nsection.item { page-break-inside: avoid; }\n.motion { margin: 6pt 0; }\n.motion blockquote { margin: 2pt 0; padding-inline-start: 8pt; border-inline-start: 2px solid #555; }\n.amendments { margin-inline-start: 12pt; }\nul.votes { margin: 2pt 0; }\n.confidential { border: 1px solid #000; padding: 4pt; }\n",
    );
    h.push_str(RECORD_STYLE);
    h.push_str("</style>\n</head>\n");
    h.push_str(&format!("<body{}>\n", body_attributes(rec, lang)));
    h.push_str(&format!(
        "<h1>{} — {} {}{}</h1>\n",
        e(rec.body.name.get(lang)),
        t(lang, Msg::Minutes),
        s.number_text(lang),
        closed_suffix(rec, lang)
    ));
    h.push_str(&draft_html(rec, lang));
    if rec.closed_part {
        h.push_str(&format!(
            "<p class=\"confidential\"><strong>{}</strong></p>\n",
            t(lang, Msg::MinutesClosedNote)
        ));
    }
    h.push_str("<table class=\"header\">\n");
    let row = |k: Msg, v: String| format!("<tr><th>{}</th><td>{}</td></tr>\n", t(lang, k), v);
    h.push_str(&row(Msg::Date, e(&both_dates(s.date, lang))));
    h.push_str(&row(Msg::Place, e(s.place.as_deref().unwrap_or("—"))));
    h.push_str(&row(
        Msg::Start,
        e(&localize_digits(
            s.start_time.as_deref().unwrap_or("—"),
            lang,
        )),
    ));
    h.push_str(&row(
        Msg::End,
        e(&localize_digits(s.end_time.as_deref().unwrap_or("—"), lang)),
    ));
    h.push_str(&row(Msg::Status, e(s.status.label(lang))));
    let (q, at_call) = minutes_quorum(rec, lang);
    h.push_str(&row(
        Msg::Quorum,
        e(&format!(
            "{} {} {} {}{at_call} — {}",
            localize_digits(&q.present.to_string(), lang),
            t(lang, Msg::Of),
            localize_digits(&q.voting.to_string(), lang),
            t(lang, Msg::VotingPresent),
            t(
                lang,
                if q.met() {
                    Msg::QuorumMet
                } else {
                    Msg::QuorumNotMet
                }
            )
        )),
    ));
    h.push_str("</table>\n");
    h.push_str(&attendance_html(rec, lang));
    h.push_str(&times_html(rec, lang));
    h.push_str(&html_before_agenda(rec, lang));
    h.push_str(&agenda_html(rec, prefs));
    h.push_str(&html_after_agenda(rec, lang));
    h.push_str(&minutes_corrections(rec, _store, lang, true)?);
    h.push_str(&next_session_html(rec, lang));
    h.push_str(&signatures_html(rec, lang));
    if let (Some(by), Some(head)) = (&s.approved_by, &s.approved_audit_head) {
        h.push_str(&format!(
            "<p class=\"seal\">{} {} ({}). {}: <code>{}</code></p>\n",
            t(lang, Msg::ApprovedBy),
            e(by),
            e(s.approved_at.as_deref().unwrap_or("")),
            t(lang, Msg::AuditHead),
            e(head)
        ));
        h.push_str(&format!(
            "<p class=\"seal-note\">{}</p>\n",
            e(t(lang, Msg::AuditHeadExplained))
        ));
    }
    h.push_str("</body>\n</html>\n");
    Ok(h)
}

// ---- The record: corrections of earlier minutes made at this session.

/// The corrections of earlier sessions' approved minutes made at this session: "The
/// minutes of session 12 were approved as corrected: REASON" and what changed (a line
/// diff of the public Markdown of the version before and the version approved, in
/// `lang`); one still open says it is being corrected. Empty when none, and in the
/// closed-session part.
fn minutes_corrections(
    rec: &SessionRecord,
    store: &Store,
    lang: Lang,
    html: bool,
) -> crate::store::Result<String> {
    let corrections = store.corrections_at(rec.session.id)?;
    if corrections.is_empty() || rec.closed_part {
        return Ok(String::new());
    }
    let mut out = if html {
        format!(
            "<section class=\"corrections\">\n<h2>{}</h2>\n",
            t(lang, Msg::MinutesCorrections)
        )
    } else {
        format!("## {}\n\n", t(lang, Msg::MinutesCorrections))
    };
    for c in &corrections {
        let number = store
            .session(c.session_id)
            .map(|s| s.number)
            .unwrap_or(c.session_id);
        let number = localize_digits(&number.to_string(), lang);
        let reason = sanitize(&c.reason);
        let Some(v) = c.approved_version else {
            let line = tf(lang, Msg::MinutesCorrectionOpen, &[&number, &reason]);
            if html {
                out.push_str(&format!("<p>{}</p>\n", html_escape(&line)));
            } else {
                out.push_str(&format!("{}\n\n", md_escape(&line)));
            }
            continue;
        };
        let line = tf(lang, Msg::MinutesCorrectedAsApproved, &[&number, &reason]);
        let text = |version: i64| {
            store
                .approved_text(c.session_id, version, "md", lang.code(), "public")
                .map(Option::unwrap_or_default)
        };
        // The seal (who approved, when, the chain head) differs between any two
        // versions: what was corrected is above it.
        let unsealed = |md: String| match md.rfind("\n---\n") {
            Some(i) => md[..i].to_string(),
            None => md,
        };
        let (old, new) = (unsealed(text(v - 1)?), unsealed(text(v)?));
        let diff = similar::TextDiff::from_lines(&old, &new);
        let mut lines = Vec::new();
        for change in diff.iter_all_changes() {
            let sign = match change.tag() {
                similar::ChangeTag::Equal => continue,
                similar::ChangeTag::Delete => '-',
                similar::ChangeTag::Insert => '+',
            };
            lines.push(format!(
                "{sign} {}",
                sanitize(change.value().trim_end_matches('\n'))
            ));
        }
        if html {
            out.push_str(&format!("<p>{}</p>\n", html_escape(&line)));
            if lines.is_empty() {
                out.push_str(&format!(
                    "<p>{}</p>\n",
                    t(lang, Msg::MinutesCorrectionNoPublicChange)
                ));
            } else {
                out.push_str(&format!(
                    "<pre class=\"diff\" dir=\"auto\">{}</pre>\n",
                    html_escape(&lines.join("\n"))
                ));
            }
        } else {
            out.push_str(&format!("{}\n\n", md_escape(&line)));
            if lines.is_empty() {
                out.push_str(&format!(
                    "{}\n\n",
                    t(lang, Msg::MinutesCorrectionNoPublicChange)
                ));
            } else {
                // A fence longer than any run of backticks in the lines.
                let longest = lines
                    .iter()
                    .flat_map(|l| l.split(|c| c != '`'))
                    .map(str::len)
                    .max()
                    .unwrap_or(0);
                let fence = "`".repeat(longest.max(2) + 1);
                out.push_str(&format!("{fence}diff\n{}\n{fence}\n\n", lines.join("\n")));
            }
        }
    }
    if html {
        out.push_str("</section>\n");
    }
    Ok(out)
}

/// " — Closed session" in the title of the closed part.
fn closed_suffix(rec: &SessionRecord, lang: Lang) -> String {
    if rec.closed_part {
        format!(" — {}", t(lang, Msg::MinutesClosedPart))
    } else {
        String::new()
    }
}

// ---- The procedure in the minutes: motions, amendments, votes, recusals, the consent
// agenda and closed session. Built once as plain sentences ([`MotionText`]), then
// escaped for Markdown or HTML.

/// One motion as the minutes tell it, in plain (unescaped) text.
struct MotionText {
    kind: String,
    /// The wording (final, as amended); none for a consent motion (its items are listed).
    wording: Option<String>,
    /// The wording as moved, when amendments changed it.
    as_moved: Option<String>,
    /// Moved by …, seconded by ….
    moved: String,
    amendments: Vec<MotionText>,
    /// What came of it: the way of voting, the outcome, a withdrawal…
    after: Vec<String>,
    /// The names under each side of a vote (sides with nobody left out).
    names: Vec<(&'static str, Vec<String>)>,
    /// The resolution it became.
    resolution: Option<String>,
}

fn motion_text(
    v: &crate::ops::motions::MotionView,
    all: &[crate::ops::motions::MotionView],
    lang: Lang,
) -> MotionText {
    use crate::model::voting::{Choice, MotionKind, MotionStatus, VoteMethod};
    let m = &v.motion;
    let kind = match (m.kind, v.degree) {
        (MotionKind::Amendment, 2..) => t(lang, Msg::MinutesAmendmentOfAmendment),
        (MotionKind::Amendment, _) => t(lang, Msg::MinutesAmendment),
        (k, _) => k.label(lang),
    }
    .to_string();
    let (wording, as_moved) = if m.kind == MotionKind::Consent {
        (None, None)
    } else if m.final_text != m.text {
        (Some(m.final_text.clone()), Some(m.text.clone()))
    } else {
        (Some(m.final_text.clone()), None)
    };
    let who = |n: &Option<Name>| {
        n.as_ref()
            .map(|n| n.get(lang).to_string())
            .unwrap_or_else(|| t(lang, Msg::MinutesMoverNotRecorded).to_string())
    };
    let moved = match &v.seconder {
        Some(_) => tf(
            lang,
            Msg::MinutesMovedSeconded,
            &[&who(&v.mover), &who(&v.seconder)],
        ),
        None => tf(lang, Msg::MinutesMovedNoSeconder, &[&who(&v.mover)]),
    };
    let amendments = all
        .iter()
        .filter(|a| a.motion.amends == Some(m.id))
        .map(|a| motion_text(a, all, lang))
        .collect();
    let mut after = Vec::new();
    let mut names = Vec::new();
    match m.status {
        MotionStatus::Withdrawn => after.push(t(lang, Msg::MinutesWithdrawn).to_string()),
        MotionStatus::NoSecond => after.push(t(lang, Msg::MinutesNoSecond).to_string()),
        MotionStatus::Accepted => after.push(t(lang, Msg::MinutesAccepted).to_string()),
        MotionStatus::Pending => after.push(t(lang, Msg::MinutesStillPending).to_string()),
        MotionStatus::Voting => after.push(t(lang, Msg::MinutesVoteStillOpen).to_string()),
        MotionStatus::Carried | MotionStatus::Failed => {
            let secret = v
                .ballot
                .as_ref()
                .is_some_and(|b| b.method == VoteMethod::Secret);
            match &v.ballot {
                Some(_) if secret => after.push(t(lang, Msg::MinutesSecretBallot).to_string()),
                Some(b) => after.push(tf(lang, Msg::MinutesVotedHow, &[b.method.label(lang)])),
                None => {}
            }
            match &v.outcome {
                Some(o) => after.push(tf(
                    lang,
                    if m.kind == MotionKind::Amendment {
                        Msg::MinutesAmendmentOutcome
                    } else {
                        Msg::MinutesMotionOutcome
                    },
                    &[&o.explanation],
                )),
                None => after.push(format!("{}.", m.status.label(lang))),
            }
            match &v.ballot {
                // A secret ballot has no names.
                Some(_) if secret => {}
                Some(_) => {
                    for (choice, msg) in [
                        (Choice::Yes, Msg::MinutesVotesFor),
                        (Choice::No, Msg::MinutesVotesAgainst),
                        (Choice::Abstain, Msg::MinutesVotesAbstaining),
                        (Choice::NotVoting, Msg::MinutesVotesNotVoting),
                    ] {
                        let side: Vec<String> = v
                            .votes
                            .iter()
                            .filter(|x| x.vote == choice)
                            .map(|x| x.person.clone())
                            .collect();
                        if !side.is_empty() {
                            names.push((t(lang, msg), side));
                        }
                    }
                }
                None => {}
            }
        }
    }
    // A consent motion's resolutions are told under each item it adopted.
    let number = v
        .resolution_number
        .as_ref()
        .filter(|_| m.kind != MotionKind::Consent);
    let resolution = number.map(|n| {
        let msg = if m.status == MotionStatus::Carried {
            Msg::MinutesBecameResolution
        } else {
            Msg::MinutesNumberedRejected
        };
        tf(lang, msg, &[&localize_digits(n, lang)])
    });
    MotionText {
        kind,
        wording,
        as_moved,
        moved,
        amendments,
        after,
        names,
        resolution,
    }
}

fn recusal_line(r: &crate::ops::motions::Recusal, lang: Lang) -> String {
    if r.reason.trim().is_empty() {
        tf(lang, Msg::MinutesRecusalNoReason, &[&r.person])
    } else {
        tf(lang, Msg::MinutesRecusal, &[&r.person, &r.reason])
    }
}

/// Names of one side of a resolution's per-member vote (the old path: votes recorded on
/// the resolution, no motion).
fn resolution_names(
    a: &crate::ops::record::AgendaRecord,
    r: &Resolution,
    lang: Lang,
) -> Vec<(&'static str, Vec<String>)> {
    use crate::model::voting::Choice;
    let Some(rv) = a.votes_of(r.id) else {
        return Vec::new();
    };
    [
        (Choice::Yes, Msg::MinutesVotesFor),
        (Choice::No, Msg::MinutesVotesAgainst),
        (Choice::Abstain, Msg::MinutesVotesAbstaining),
    ]
    .into_iter()
    .filter_map(|(c, msg)| {
        let side: Vec<String> = rv
            .votes
            .iter()
            .filter(|v| v.vote == c)
            .map(|v| v.person.clone())
            .collect();
        (!side.is_empty()).then(|| (t(lang, msg), side))
    })
    .collect()
}

/// Whether a resolution of the item is told with a motion (the item's own, or the
/// consent agenda's) rather than on its own.
fn resolution_motion(a: &crate::ops::record::AgendaRecord, r: &Resolution) -> Option<i64> {
    a.votes_of(r.id).and_then(|v| v.motion_id)
}

/// The session's own motions: those of the opening (approve the agenda, the previous
/// minutes), the consent agenda, and the others (recess, adjourn…), in that order.
fn session_parts(
    rec: &SessionRecord,
) -> (
    Vec<&crate::ops::motions::MotionView>,
    Vec<&crate::ops::motions::MotionView>,
    Vec<&crate::ops::motions::MotionView>,
) {
    use crate::model::voting::MotionKind;
    let top = rec.motions.iter().filter(|m| m.motion.amends.is_none());
    let opening = top
        .clone()
        .filter(|m| {
            matches!(
                m.motion.kind,
                MotionKind::ApproveAgenda | MotionKind::ApproveMinutes
            )
        })
        .collect();
    let consent = top
        .clone()
        .filter(|m| m.motion.kind == MotionKind::Consent)
        .collect();
    let other = top
        .filter(|m| {
            !matches!(
                m.motion.kind,
                MotionKind::ApproveAgenda | MotionKind::ApproveMinutes | MotionKind::Consent
            )
        })
        .collect();
    (opening, consent, other)
}

/// "3. Title; 4. Title": the items on the consent agenda (a closed one by number only).
fn consent_items(rec: &SessionRecord, lang: Lang) -> String {
    rec.agenda
        .iter()
        .filter(|a| a.item.consent)
        .map(|a| {
            let n = label_text(a, lang);
            if a.item.closed && !rec.closed_part {
                n
            } else {
                format!("{n}. {}", sanitize(&a.item.title))
            }
        })
        .collect::<Vec<_>>()
        .join(match lang {
            Lang::En => "; ",
            Lang::Fa => "؛ ",
        })
}

fn md_names(names: &[(&str, Vec<String>)], lang: Lang) -> String {
    names
        .iter()
        .map(|(side, who)| {
            format!(
                "- **{side}:** {}\n",
                who.iter()
                    .map(|n| md_escape(n))
                    .collect::<Vec<_>>()
                    .join(list_separator(lang))
            )
        })
        .collect()
}

/// A motion in Markdown: blocks separated by blank lines; amendments as list items.
fn md_motion(m: &MotionText, lang: Lang) -> String {
    let mut out = format!("**{}**\n\n", m.kind);
    if let Some(w) = &m.wording {
        out.push_str(&format!("> {}\n\n", md_escape(w).replace('\n', "\n> ")));
    }
    if let Some(w) = &m.as_moved {
        out.push_str(&format!(
            "*{}:* {}\n\n",
            t(lang, Msg::MinutesOriginalWording),
            md_escape(w).replace('\n', " ")
        ));
    }
    out.push_str(&format!("{}\n\n", md_escape(&m.moved)));
    for a in &m.amendments {
        let inner = md_motion(a, lang);
        let mut first = true;
        for line in inner.trim_end().lines() {
            if first {
                out.push_str("- ");
                first = false;
            } else if !line.is_empty() {
                out.push_str("  ");
            }
            out.push_str(line);
            out.push('\n');
        }
        out.push('\n');
    }
    if !m.after.is_empty() {
        let lines: Vec<String> = m.after.iter().map(|s| md_escape(s)).collect();
        out.push_str(&lines.join("  \n"));
        out.push_str("\n\n");
    }
    if !m.names.is_empty() {
        out.push_str(&md_names(&m.names, lang));
        out.push('\n');
    }
    if let Some(r) = &m.resolution {
        out.push_str(&format!("{}\n\n", md_escape(r)));
    }
    out
}

/// The parts of the session before its agenda: the opening motions and the consent
/// agenda (Markdown).
fn md_before_agenda(rec: &SessionRecord, lang: Lang) -> String {
    let (opening, consent, _) = session_parts(rec);
    let all = &rec.motions;
    let mut md = String::new();
    if !opening.is_empty() {
        md.push_str(&format!("## {}\n\n", t(lang, Msg::MinutesOpening)));
        for v in opening {
            md.push_str(&md_motion(&motion_text(v, all, lang), lang));
        }
    }
    if !consent.is_empty() {
        md.push_str(&format!("## {}\n\n", t(lang, Msg::MinutesConsentAgenda)));
        md.push_str(&format!(
            "{}\n\n",
            md_escape(&tf(
                lang,
                Msg::MinutesConsentItems,
                &[&consent_items(rec, lang)]
            ))
        ));
        for v in consent {
            md.push_str(&md_motion(&motion_text(v, all, lang), lang));
        }
    }
    md
}

/// The session's other motions (recess, adjourn…), after the agenda (Markdown).
fn md_after_agenda(rec: &SessionRecord, lang: Lang) -> String {
    let (_, _, other) = session_parts(rec);
    if other.is_empty() {
        return String::new();
    }
    let mut md = format!("## {}\n\n", t(lang, Msg::MinutesSessionMotions));
    for v in other {
        md.push_str(&md_motion(&motion_text(v, &rec.motions, lang), lang));
    }
    md
}

/// An item's recusals and motions (Markdown).
fn md_item_procedure(a: &crate::ops::record::AgendaRecord, prefs: Prefs) -> String {
    let lang = prefs.lang;
    let mut md = String::new();
    for r in &a.recusals {
        md.push_str(&format!("{}\n\n", md_escape(&recusal_line(r, lang))));
    }
    for m in item_motions(a, prefs) {
        md.push_str(&md_motion(&m, lang));
    }
    md
}

/// An item taken in closed session, in the public minutes: its number, no content.
fn closed_item_line(a: &crate::ops::record::AgendaRecord, lang: Lang) -> String {
    tf(lang, Msg::MinutesClosedItem, &[&label_text(a, lang)])
}

fn html_names(names: &[(&str, Vec<String>)], lang: Lang) -> String {
    if names.is_empty() {
        return String::new();
    }
    let mut h = String::from("<ul class=\"votes\">\n");
    for (side, who) in names {
        h.push_str(&format!(
            "<li><strong>{}:</strong> {}</li>\n",
            html_escape(side),
            who.iter()
                .map(|n| html_escape(n))
                .collect::<Vec<_>>()
                .join(list_separator(lang))
        ));
    }
    h.push_str("</ul>\n");
    h
}

fn html_motion(m: &MotionText, lang: Lang) -> String {
    let e = html_escape;
    let mut h = format!(
        "<div class=\"motion\">\n<p class=\"motion-kind\"><strong>{}</strong></p>\n",
        e(&m.kind)
    );
    if let Some(w) = &m.wording {
        h.push_str(&format!(
            "<blockquote class=\"wording\">{}</blockquote>\n",
            e(w).replace('\n', "<br>")
        ));
    }
    if let Some(w) = &m.as_moved {
        h.push_str(&format!(
            "<p class=\"as-moved\"><em>{}:</em> {}</p>\n",
            t(lang, Msg::MinutesOriginalWording),
            e(w).replace('\n', "<br>")
        ));
    }
    h.push_str(&format!("<p class=\"moved\">{}</p>\n", e(&m.moved)));
    if !m.amendments.is_empty() {
        h.push_str("<div class=\"amendments\">\n");
        for a in &m.amendments {
            h.push_str(&html_motion(a, lang));
        }
        h.push_str("</div>\n");
    }
    for s in &m.after {
        h.push_str(&format!("<p class=\"outcome\">{}</p>\n", e(s)));
    }
    h.push_str(&html_names(&m.names, lang));
    if let Some(r) = &m.resolution {
        h.push_str(&format!("<p class=\"became\">{}</p>\n", e(r)));
    }
    h.push_str("</div>\n");
    h
}

fn html_before_agenda(rec: &SessionRecord, lang: Lang) -> String {
    let (opening, consent, _) = session_parts(rec);
    let mut h = String::new();
    if !opening.is_empty() {
        h.push_str(&format!(
            "<h2>{}</h2>\n<section class=\"opening\">\n",
            t(lang, Msg::MinutesOpening)
        ));
        for v in opening {
            h.push_str(&html_motion(&motion_text(v, &rec.motions, lang), lang));
        }
        h.push_str("</section>\n");
    }
    if !consent.is_empty() {
        h.push_str(&format!(
            "<h2>{}</h2>\n<section class=\"consent\">\n<p>{}</p>\n",
            t(lang, Msg::MinutesConsentAgenda),
            html_escape(&tf(
                lang,
                Msg::MinutesConsentItems,
                &[&consent_items(rec, lang)]
            ))
        ));
        for v in consent {
            h.push_str(&html_motion(&motion_text(v, &rec.motions, lang), lang));
        }
        h.push_str("</section>\n");
    }
    h
}

fn html_after_agenda(rec: &SessionRecord, lang: Lang) -> String {
    let (_, _, other) = session_parts(rec);
    if other.is_empty() {
        return String::new();
    }
    let mut h = format!(
        "<h2>{}</h2>\n<section class=\"session-motions\">\n",
        t(lang, Msg::MinutesSessionMotions)
    );
    for v in other {
        h.push_str(&html_motion(&motion_text(v, &rec.motions, lang), lang));
    }
    h.push_str("</section>\n");
    h
}

fn html_item_procedure(a: &crate::ops::record::AgendaRecord, prefs: Prefs) -> String {
    let lang = prefs.lang;
    let mut h = String::new();
    for r in &a.recusals {
        h.push_str(&format!(
            "<p class=\"recusal\">{}</p>\n",
            html_escape(&recusal_line(r, lang))
        ));
    }
    for m in item_motions(a, prefs) {
        h.push_str(&html_motion(&m, lang));
    }
    h
}

/// A motion told in plain lines (for `session show`): its kind and wording, who moved
/// it, its amendments (indented), what came of it and the names under each side.
pub fn motion_lines(
    v: &crate::ops::motions::MotionView,
    all: &[crate::ops::motions::MotionView],
    lang: Lang,
) -> Vec<String> {
    fn lines(m: &MotionText, lang: Lang, indent: usize, out: &mut Vec<String>) {
        let pad = "  ".repeat(indent);
        match &m.wording {
            Some(w) => out.push(format!("{pad}{}: {}", m.kind, w.replace('\n', " "))),
            None => out.push(format!("{pad}{}", m.kind)),
        }
        if let Some(w) = &m.as_moved {
            out.push(format!(
                "{pad}  {}: {}",
                t(lang, Msg::MinutesOriginalWording),
                w.replace('\n', " ")
            ));
        }
        out.push(format!("{pad}  {}", m.moved));
        for a in &m.amendments {
            lines(a, lang, indent + 1, out);
        }
        for s in &m.after {
            out.push(format!("{pad}  {s}"));
        }
        for (side, who) in &m.names {
            out.push(format!("{pad}  {side}: {}", who.join(list_separator(lang))));
        }
        if let Some(r) = &m.resolution {
            out.push(format!("{pad}  {r}"));
        }
    }
    let mut text = motion_text(v, all, lang);
    // A consent motion's wording names it and lists its items: all there is to say.
    if text.wording.is_none() {
        text.kind = v.motion.final_text.replace('\n', " ");
    }
    let mut out = Vec::new();
    lines(&text, lang, 0, &mut out);
    out
}

/// The line for an item taken in closed session where its content is left out.
pub fn closed_item_text(position: i64, lang: Lang) -> String {
    tf(
        lang,
        Msg::MinutesClosedItem,
        &[&localize_digits(&position.to_string(), lang)],
    )
}

/// A recusal in words: "X declared an interest and did not vote: reason."
pub fn recusal_text(r: &crate::ops::motions::Recusal, lang: Lang) -> String {
    recusal_line(r, lang)
}

// ---- The minutes complete from the record (issue 14): each part its own function, in
// Markdown and HTML: the draft mark, attendance (late arrivals and remote members
// marked, absences excused and unexcused apart), the agenda's numbers and sections,
// an item's kind, urgency and signatories, each resolution's owner and due date, the
// tasks given on an item, the progress reported at the review, the next session and
// the named signature lines.

use crate::ops::record::{AgendaRecord, ReviewEntry, Signer};

/// An item's number as shown ("3.1", "۳.۱").
fn label_text(a: &AgendaRecord, lang: Lang) -> String {
    localize_digits(&a.label, lang)
}

/// A sub-item of a section (numbered under it): a level below the top items.
fn is_sub_item(a: &AgendaRecord) -> bool {
    a.label.contains('.')
}

/// The draft mark at the top of minutes not approved yet (Markdown); none once approved.
fn draft_md(rec: &SessionRecord, lang: Lang) -> String {
    if rec.draft {
        format!("**{}**\n\n", t(lang, Msg::MinutesDraftMark))
    } else {
        String::new()
    }
}

/// [`draft_md`] as HTML: a line at the top; the page carries a watermark (see
/// [`body_attributes`]).
fn draft_html(rec: &SessionRecord, lang: Lang) -> String {
    if rec.draft {
        format!(
            "<p class=\"draft-mark\"><strong>{}</strong></p>\n",
            html_escape(t(lang, Msg::MinutesDraftMark))
        )
    } else {
        String::new()
    }
}

/// The `<body>` attributes: a draft is marked with a class, and its watermark's word.
fn body_attributes(rec: &SessionRecord, lang: Lang) -> String {
    if rec.draft {
        format!(
            " class=\"draft\" data-watermark=\"{}\"",
            html_escape(t(lang, Msg::MinutesDraftWatermark))
        )
    } else {
        String::new()
    }
}

/// The stylesheet's part for the draft watermark and the signature lines.
const RECORD_STYLE: &str = "body.draft::before { content: attr(data-watermark); position: fixed; top: 38%; left: 0; right: 0; text-align: center; font-size: 80pt; font-weight: bold; color: rgba(0, 0, 0, 0.08); transform: rotate(-30deg); z-index: -1; pointer-events: none; }\n.draft-mark { border: 2px solid #000; padding: 4pt; text-align: center; }\n.signatures { flex-wrap: wrap; row-gap: 28pt; }\n.signatures .role { display: block; font-weight: bold; }\n.signatures .name { display: block; }\nul.review, ul.signatories { margin: 2pt 0; }\n.owner-due { font-style: italic; }\n";

/// A present member's name with the marks the minutes give: late with the time of
/// arrival, remote, left early with the time.
fn present_entry(a: &crate::ops::record::AttendanceRow, lang: Lang) -> String {
    let mut marks = Vec::new();
    match (&a.arrived_at, a.presence) {
        (Some(at), _) => marks.push(tf(
            lang,
            Msg::MinutesLateArrived,
            &[&localize_digits(at, lang)],
        )),
        (None, Some(Presence::Late)) => marks.push(t(lang, Msg::MinutesLateNoTime).to_string()),
        _ => {}
    }
    if a.presence == Some(Presence::Remote) {
        marks.push(t(lang, Msg::MinutesRemote).to_string());
    }
    if let Some(at) = &a.left_at {
        marks.push(tf(lang, Msg::MinutesLeftAt, &[&localize_digits(at, lang)]));
    }
    let name = a.name.get(lang).to_string();
    if marks.is_empty() {
        name
    } else {
        format!("{name} ({})", marks.join(list_separator(lang)))
    }
}

/// The attendance lists (plain text): present (with marks), absent with excuse,
/// absent without (not marked at all counts as absent without excuse).
fn attendance_lists(rec: &SessionRecord, lang: Lang) -> Vec<(Msg, Vec<String>)> {
    vec![
        (
            Msg::Present,
            rec.attendance
                .iter()
                .filter(|a| present(a.presence))
                .map(|a| present_entry(a, lang))
                .collect(),
        ),
        (
            Msg::MinutesAbsentExcused,
            people_with(rec, lang, |p| p == Some(Presence::Excused)),
        ),
        (
            Msg::MinutesAbsentUnexcused,
            people_with(rec, lang, |p| matches!(p, Some(Presence::Absent) | None)),
        ),
    ]
}

/// The attendance part (Markdown): the lists, then the guests.
fn attendance_md(rec: &SessionRecord, lang: Lang) -> String {
    let mut md = format!("## {}\n\n", t(lang, Msg::Attendance));
    for (msg, names) in attendance_lists(rec, lang) {
        let list = if names.is_empty() {
            "—".to_string()
        } else {
            names
                .iter()
                .map(|n| md_escape(n))
                .collect::<Vec<_>>()
                .join(list_separator(lang))
        };
        md.push_str(&format!("- **{}:** {}\n", t(lang, msg), list));
    }
    if !rec.guests.is_empty() {
        let list: Vec<String> = rec
            .guests
            .iter()
            .map(|g| match &g.organization {
                Some(o) => format!("{} ({})", md_escape(&g.name), md_escape(o)),
                None => md_escape(&g.name),
            })
            .collect();
        md.push_str(&format!(
            "- **{}:** {}\n",
            t(lang, Msg::Guests),
            list.join(list_separator(lang))
        ));
    }
    md
}

/// The attendance part (HTML): a table, one row per list, then the guests.
fn attendance_html(rec: &SessionRecord, lang: Lang) -> String {
    let e = html_escape;
    let mut h = format!(
        "<h2>{}</h2>\n<table class=\"attendance\">\n",
        t(lang, Msg::Attendance)
    );
    for (msg, names) in attendance_lists(rec, lang) {
        let list = if names.is_empty() {
            "—".to_string()
        } else {
            names
                .iter()
                .map(|n| e(n))
                .collect::<Vec<_>>()
                .join(list_separator(lang))
        };
        h.push_str(&format!(
            "<tr class=\"{}\"><th>{}</th><td>{}</td></tr>\n",
            match msg {
                Msg::Present => "present",
                Msg::MinutesAbsentExcused => "excused",
                _ => "unexcused",
            },
            t(lang, msg),
            list
        ));
    }
    if !rec.guests.is_empty() {
        let list: Vec<String> = rec
            .guests
            .iter()
            .map(|g| match &g.organization {
                Some(o) => format!("{} ({})", e(&g.name), e(o)),
                None => e(&g.name),
            })
            .collect();
        h.push_str(&format!(
            "<tr class=\"guests\"><th>{}</th><td>{}</td></tr>\n",
            t(lang, Msg::Guests),
            list.join(list_separator(lang))
        ));
    }
    h.push_str("</table>\n");
    h
}

/// What an item is, under its heading (plain text): its kind when not a plain item,
/// its urgency, and its status (a section heading has none).
fn item_meta(a: &AgendaRecord, lang: Lang) -> String {
    let mut what: Vec<String> = Vec::new();
    if !matches!(a.item.kind, ItemKind::Item | ItemKind::Section) {
        what.push(a.item.kind.label(lang).to_string());
    }
    if let Some(u) = a.item.urgency {
        // "Bill, double urgent": a label after the first is not capitalized.
        what.push(match (lang, what.is_empty()) {
            (Lang::En, false) => u.label(lang).to_lowercase(),
            _ => u.label(lang).to_string(),
        });
    }
    let what = what.join(list_separator(lang));
    match (what.is_empty(), a.item.kind == ItemKind::Section) {
        (true, true) => String::new(),
        (true, false) => a.item.status.label(lang).to_string(),
        (false, true) => what,
        (false, false) => format!("{what} — {}", a.item.status.label(lang)),
    }
}

/// "Signed by: A, B" for a members' proposal (plain text); none without signatories.
fn signatories_text(a: &AgendaRecord, lang: Lang) -> Option<String> {
    if a.signatories.is_empty() {
        return None;
    }
    Some(format!(
        "{}: {}",
        t(lang, Msg::MinutesSignedBy),
        a.signatories
            .iter()
            .map(|p| p.name.get(lang).to_string())
            .collect::<Vec<_>>()
            .join(list_separator(lang))
    ))
}

/// A resolution's owner and due date (plain text), when it has either.
fn owner_due_text(r: &Resolution, prefs: Prefs) -> Option<String> {
    let lang = prefs.lang;
    let due = r.due.map(|d| format_date(d, prefs.calendar, lang));
    match (r.owner.as_deref().filter(|o| !o.trim().is_empty()), due) {
        (Some(o), Some(d)) => Some(tf(lang, Msg::MinutesOwnerDue, &[o, &d])),
        (Some(o), None) => Some(tf(lang, Msg::MinutesOwnerOnly, &[o])),
        (None, Some(d)) => Some(tf(lang, Msg::MinutesDueOnly, &[&d])),
        (None, None) => None,
    }
}

/// One item's resolutions (Markdown), in the order adopted: each recorded directly in
/// full; one adopted on a motion is told with its motion, one on the consent agenda in
/// a line; each with its owner and due date.
fn resolutions_md(a: &AgendaRecord, prefs: Prefs) -> String {
    let lang = prefs.lang;
    let mut md = String::new();
    for r in &a.resolutions {
        let owner_due = owner_due_text(r, prefs);
        match resolution_motion(a, r) {
            // Told with its motion, owner and due date included ([`item_motions`]).
            Some(m) if a.motions.iter().any(|v| v.motion.id == m) => continue,
            Some(_) => {
                let line = tf(
                    lang,
                    Msg::MinutesConsentAdopted,
                    &[&localize_digits(&r.number, lang)],
                );
                let line = match owner_due {
                    Some(od) => format!("{line} {od}"),
                    None => line,
                };
                md.push_str(&format!("{}\n\n", md_escape(&line)));
                continue;
            }
            None => {}
        }
        md.push_str(&format!(
            "> **{} {}** ({}{} {})\n>\n> {}\n",
            t(lang, Msg::Resolution),
            md_escape(&localize_digits(&r.number, lang)),
            r.decision.label(lang),
            semicolon(lang),
            tally_text(r, lang),
            md_escape(&r.text).replace('\n', "\n> ")
        ));
        if let Some(od) = owner_due {
            md.push_str(&format!(">\n> *{}*\n", md_escape(&od)));
        }
        md.push('\n');
        let names = resolution_names(a, r, lang);
        if !names.is_empty() {
            md.push_str(&md_names(&names, lang));
            md.push('\n');
        }
    }
    md
}

/// [`resolutions_md`] as HTML.
fn resolutions_html(a: &AgendaRecord, prefs: Prefs) -> String {
    let lang = prefs.lang;
    let e = html_escape;
    let mut h = String::new();
    for r in &a.resolutions {
        let owner_due = owner_due_text(r, prefs);
        match resolution_motion(a, r) {
            Some(m) if a.motions.iter().any(|v| v.motion.id == m) => continue,
            Some(_) => {
                let line = tf(
                    lang,
                    Msg::MinutesConsentAdopted,
                    &[&localize_digits(&r.number, lang)],
                );
                let line = match owner_due {
                    Some(od) => format!("{line} {od}"),
                    None => line,
                };
                h.push_str(&format!("<p class=\"consent-adopted\">{}</p>\n", e(&line)));
                continue;
            }
            None => {}
        }
        h.push_str(&format!(
            "<div class=\"resolution\"><p><strong>{} {}</strong> — {} {}</p><p>{}</p>{}{}</div>\n",
            t(lang, Msg::Resolution),
            e(&localize_digits(&r.number, lang)),
            e(r.decision.label(lang)),
            e(&tally_text(r, lang)),
            e(&r.text).replace('\n', "<br>"),
            owner_due
                .map(|od| format!("<p class=\"owner-due\">{}</p>", e(&od)))
                .unwrap_or_default(),
            html_names(&resolution_names(a, r, lang), lang)
        ));
    }
    h
}

/// An item's main motions as the minutes tell them; one that became a resolution says
/// so with the resolution's owner and due date.
fn item_motions(a: &AgendaRecord, prefs: Prefs) -> Vec<MotionText> {
    a.motions
        .iter()
        .filter(|v| v.motion.amends.is_none())
        .map(|v| {
            let mut m = motion_text(v, &a.motions, prefs.lang);
            let made = a
                .resolutions
                .iter()
                .find(|r| resolution_motion(a, r) == Some(v.motion.id));
            if let (Some(said), Some(od)) = (
                m.resolution.as_mut(),
                made.and_then(|r| owner_due_text(r, prefs)),
            ) {
                said.push(' ');
                said.push_str(&od);
            }
            m
        })
        .collect()
}

/// A task's due date as shown, or nothing.
fn due_text(task: &crate::store::read::TaskRow, prefs: Prefs) -> String {
    task.task
        .due
        .map(|d| format_date(d, prefs.calendar, prefs.lang))
        .unwrap_or_default()
}

/// The tasks of an item (Markdown): those of its resolutions, then those given on the
/// item without a resolution, each a table after its lead line.
fn tasks_md(a: &AgendaRecord, prefs: Prefs) -> String {
    let lang = prefs.lang;
    let mut md = String::new();
    for (lead, tasks) in [
        (Msg::MinutesResolutionTasks, &a.tasks),
        (Msg::MinutesItemTasks, &a.item_tasks),
    ] {
        if tasks.is_empty() {
            continue;
        }
        md.push_str(&format!(
            "{}\n\n| {} | {} | {} |\n|---|---|---|\n",
            t(lang, lead),
            t(lang, Msg::Task),
            t(lang, Msg::Assignee),
            t(lang, Msg::Due)
        ));
        for task in tasks {
            md.push_str(&format!(
                "| {} | {} | {} |\n",
                md_escape(&task.task.title),
                md_escape(&assignee(task, lang)),
                due_text(task, prefs)
            ));
        }
        md.push('\n');
    }
    md
}

/// [`tasks_md`] as HTML.
fn tasks_html(a: &AgendaRecord, prefs: Prefs) -> String {
    let lang = prefs.lang;
    let e = html_escape;
    let mut h = String::new();
    for (lead, class, tasks) in [
        (Msg::MinutesResolutionTasks, "tasks", &a.tasks),
        (Msg::MinutesItemTasks, "tasks item-tasks", &a.item_tasks),
    ] {
        if tasks.is_empty() {
            continue;
        }
        h.push_str(&format!(
            "<p class=\"tasks-lead\">{}</p>\n<table class=\"{class}\"><tr><th>{}</th><th>{}</th><th>{}</th></tr>\n",
            t(lang, lead),
            t(lang, Msg::Task),
            t(lang, Msg::Assignee),
            t(lang, Msg::Due)
        ));
        for task in tasks {
            h.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                e(&task.task.title),
                e(&assignee(task, lang)),
                e(&due_text(task, prefs))
            ));
        }
        h.push_str("</table>\n");
    }
    h
}

/// One progress report of the review, in plain parts: what it is about (the
/// resolution's number, the task and its assignee), the state reported, the note.
struct ReviewLine {
    head: String,
    what: Option<String>,
    state: String,
    note: String,
}

fn review_line(r: &ReviewEntry, lang: Lang) -> ReviewLine {
    let number = r.resolution_number.as_ref().map(|n| {
        tf(
            lang,
            Msg::MinutesReviewResolution,
            &[&localize_digits(n, lang)],
        )
    });
    let (head, what) = match (&r.task, number) {
        (Some(task), number) => {
            let who = assignee(task, lang);
            let title = if who.is_empty() {
                task.task.title.clone()
            } else {
                format!("{} ({who})", task.task.title)
            };
            match number {
                Some(n) => (n, Some(title)),
                None => (t(lang, Msg::MinutesReviewTask).to_string(), Some(title)),
            }
        }
        (None, number) => {
            let text = r.resolution_text.as_deref().map(|t| {
                let line = t.lines().next().unwrap_or_default();
                if line.chars().count() > 120 || t.lines().count() > 1 {
                    format!("{}…", line.chars().take(120).collect::<String>())
                } else {
                    line.to_string()
                }
            });
            (number.unwrap_or_default(), text)
        }
    };
    let mut state = r.status.label(lang).to_string();
    // The percentage says how far an open task is; "Done, 100% done" says nothing more.
    if let Some(p) = r.percent.filter(|_| r.status.is_open()) {
        state.push_str(list_separator(lang));
        state.push_str(&tf(
            lang,
            Msg::MinutesReviewPercent,
            &[&localize_digits(&p.to_string(), lang)],
        ));
    }
    ReviewLine {
        head,
        what,
        state,
        note: r.note.trim().to_string(),
    }
}

/// The progress reported at the session (Markdown), a list after its lead line; empty
/// when none was.
fn review_md(rec: &SessionRecord, lang: Lang) -> String {
    if rec.review.is_empty() {
        return String::new();
    }
    let mut md = format!("{}\n\n", t(lang, Msg::MinutesReviewLead));
    for r in &rec.review {
        let l = review_line(r, lang);
        let mut line = format!("- **{}**", md_escape(&l.head));
        if let Some(w) = &l.what {
            line.push_str(&format!(" — {}", md_escape(w).replace('\n', " ")));
        }
        line.push_str(&format!(": {}.", md_escape(&l.state)));
        if !l.note.is_empty() {
            line.push_str(&format!(" {}", md_escape(&l.note).replace('\n', " ")));
        }
        md.push_str(&line);
        md.push('\n');
    }
    md.push('\n');
    md
}

/// [`review_md`] as HTML.
fn review_html(rec: &SessionRecord, lang: Lang) -> String {
    if rec.review.is_empty() {
        return String::new();
    }
    let e = html_escape;
    let mut h = format!(
        "<p class=\"review-lead\">{}</p>\n<ul class=\"review\">\n",
        t(lang, Msg::MinutesReviewLead)
    );
    for r in &rec.review {
        let l = review_line(r, lang);
        h.push_str(&format!("<li><strong>{}</strong>", e(&l.head)));
        if let Some(w) = &l.what {
            h.push_str(&format!(" — <span class=\"what\">{}</span>", e(w)));
        }
        h.push_str(&format!(": <span class=\"state\">{}</span>.", e(&l.state)));
        if !l.note.is_empty() {
            h.push_str(&format!(
                " <span class=\"note\">{}</span>",
                e(&l.note).replace('\n', "<br>")
            ));
        }
        h.push_str("</li>\n");
    }
    h.push_str("</ul>\n");
    h
}

/// The item the review is told under: the agenda's review item, when shown.
fn review_item(rec: &SessionRecord) -> Option<i64> {
    rec.agenda
        .iter()
        .find(|a| a.item.is_review && (rec.closed_part || !a.item.closed))
        .map(|a| a.item.id)
}

/// One item of the agenda (Markdown): its heading (a level down for a sub-item), what
/// it is, its minutes, procedure, resolutions, tasks and, for the review item, the
/// progress reported.
fn item_md(rec: &SessionRecord, a: &AgendaRecord, prefs: Prefs) -> String {
    let lang = prefs.lang;
    let hashes = if is_sub_item(a) { "####" } else { "###" };
    if a.item.closed && !rec.closed_part {
        return format!(
            "{hashes} {}. {}\n\n{}\n\n",
            label_text(a, lang),
            t(lang, Msg::MinutesClosedPart),
            closed_item_line(a, lang)
        );
    }
    let mut md = format!(
        "{hashes} {}. {}\n\n",
        label_text(a, lang),
        md_escape(&a.item.title)
    );
    let meta = item_meta(a, lang);
    if !meta.is_empty() {
        md.push_str(&format!("*{}*\n\n", md_escape(&meta)));
    }
    if let Some(s) = signatories_text(a, lang) {
        md.push_str(&format!("{}\n\n", md_escape(&s)));
    }
    if let Some(m) = &a.item.minutes {
        for para in sanitize(m).split("\n\n") {
            // Line breaks inside a paragraph stay line breaks.
            md.push_str(&md_escape(para.trim()).replace('\n', "  \n"));
            md.push_str("\n\n");
        }
    }
    if review_item(rec) == Some(a.item.id) {
        md.push_str(&review_md(rec, lang));
    }
    md.push_str(&md_item_procedure(a, prefs));
    md.push_str(&resolutions_md(a, prefs));
    md.push_str(&tasks_md(a, prefs));
    md
}

/// The agenda (Markdown): each item under its number, sub-items a heading level below
/// their section; the review told on its own when the agenda has no review item.
fn agenda_md(rec: &SessionRecord, prefs: Prefs) -> String {
    let lang = prefs.lang;
    let mut md = format!("## {}\n\n", t(lang, Msg::Agenda));
    if rec.closed_part && rec.agenda.is_empty() {
        md.push_str(&format!("{}\n\n", t(lang, Msg::MinutesNoClosedItems)));
    }
    for a in &rec.agenda {
        md.push_str(&item_md(rec, a, prefs));
    }
    if review_item(rec).is_none() && !rec.review.is_empty() {
        md.push_str(&format!("## {}\n\n", t(lang, Msg::Review)));
        md.push_str(&review_md(rec, lang));
    }
    md
}

/// One item of the agenda (HTML), its `<section>` left open for a section heading (its
/// sub-items go inside it).
fn item_html(rec: &SessionRecord, a: &AgendaRecord, prefs: Prefs) -> String {
    let lang = prefs.lang;
    let e = html_escape;
    let (tag, class) = match (is_sub_item(a), a.item.kind == ItemKind::Section) {
        (true, _) => ("h4", "item sub-item"),
        (false, true) => ("h3", "item section"),
        (false, false) => ("h3", "item"),
    };
    if a.item.closed && !rec.closed_part {
        let mut h = format!(
            "<section class=\"{class} closed\" data-number=\"{}\">\n<{tag}>{}. {}</{tag}>\n<p>{}</p>\n",
            e(&a.label),
            label_text(a, lang),
            t(lang, Msg::MinutesClosedPart),
            e(&closed_item_line(a, lang))
        );
        if a.item.kind != ItemKind::Section {
            h.push_str("</section>\n");
        }
        return h;
    }
    let mut h = format!(
        "<section class=\"{class}\" data-number=\"{}\">\n<{tag}>{}. {}</{tag}>\n",
        e(&a.label),
        label_text(a, lang),
        e(&a.item.title)
    );
    let meta = item_meta(a, lang);
    if !meta.is_empty() {
        h.push_str(&format!("<p class=\"status\">{}</p>\n", e(&meta)));
    }
    if let Some(s) = signatories_text(a, lang) {
        h.push_str(&format!("<p class=\"signatories\">{}</p>\n", e(&s)));
    }
    if let Some(m) = &a.item.minutes {
        for para in m.split("\n\n") {
            h.push_str(&format!(
                "<p>{}</p>\n",
                e(para.trim()).replace('\n', "<br>")
            ));
        }
    }
    if review_item(rec) == Some(a.item.id) {
        h.push_str(&review_html(rec, lang));
    }
    h.push_str(&html_item_procedure(a, prefs));
    h.push_str(&resolutions_html(a, prefs));
    h.push_str(&tasks_html(a, prefs));
    if a.item.kind != ItemKind::Section {
        h.push_str("</section>\n");
    }
    h
}

/// The agenda (HTML): sections hold their sub-items.
fn agenda_html(rec: &SessionRecord, prefs: Prefs) -> String {
    let lang = prefs.lang;
    let mut h = format!("<h2>{}</h2>\n", t(lang, Msg::Agenda));
    if rec.closed_part && rec.agenda.is_empty() {
        h.push_str(&format!("<p>{}</p>\n", t(lang, Msg::MinutesNoClosedItems)));
    }
    let mut open_section: Option<i64> = None;
    for a in &rec.agenda {
        if let Some(sid) = open_section {
            if a.item.parent_id != Some(sid) {
                h.push_str("</section>\n");
                open_section = None;
            }
        }
        h.push_str(&item_html(rec, a, prefs));
        if a.item.kind == ItemKind::Section {
            open_section = Some(a.item.id);
        }
    }
    if open_section.is_some() {
        h.push_str("</section>\n");
    }
    if review_item(rec).is_none() && !rec.review.is_empty() {
        h.push_str(&format!(
            "<h2>{}</h2>\n<section class=\"review\">\n{}</section>\n",
            t(lang, Msg::Review),
            review_html(rec, lang)
        ));
    }
    h
}

/// The next session, once scheduled (plain text): its number, dates, time and place.
fn next_session_text(rec: &SessionRecord, lang: Lang) -> Option<String> {
    if rec.closed_part {
        return None;
    }
    let n = rec.next_session.as_ref()?;
    let mut text = tf(
        lang,
        Msg::MinutesNextSessionLine,
        &[
            &localize_digits(&n.number.to_string(), lang),
            &both_dates(n.date, lang),
        ],
    );
    if let Some(at) = &n.start_time {
        text.push_str(list_separator(lang));
        text.push_str(&tf(lang, Msg::MinutesAt, &[&localize_digits(at, lang)]));
    }
    if let Some(p) = &n.place {
        text.push_str(list_separator(lang));
        text.push_str(p);
    }
    Some(text)
}

fn next_session_md(rec: &SessionRecord, lang: Lang) -> String {
    next_session_text(rec, lang)
        .map(|n| {
            format!(
                "**{}:** {}\n\n",
                t(lang, Msg::MinutesNextSession),
                md_escape(&n)
            )
        })
        .unwrap_or_default()
}

fn next_session_html(rec: &SessionRecord, lang: Lang) -> String {
    next_session_text(rec, lang)
        .map(|n| {
            format!(
                "<p class=\"next-session\"><strong>{}:</strong> {}</p>\n",
                t(lang, Msg::MinutesNextSession),
                html_escape(&n)
            )
        })
        .unwrap_or_default()
}

/// A signer's role as the signature line names it.
fn signer_role(s: &Signer, lang: Lang) -> &'static str {
    match s.role {
        Role::Chair => t(lang, Msg::Chair),
        Role::Secretary => t(lang, Msg::Secretary),
        r => r.label(lang),
    }
}

/// The signature lines (Markdown): each signer's role and name, and a line to sign on.
fn signatures_md(rec: &SessionRecord, lang: Lang) -> String {
    let mut md = format!("## {}\n\n", t(lang, Msg::Signatures));
    for s in &rec.signers {
        match &s.name {
            Some(n) => md.push_str(&format!(
                "- **{}:** {} — ____________________\n",
                signer_role(s, lang),
                md_escape(n.get(lang))
            )),
            None => md.push_str(&format!(
                "- **{}:** ____________________\n",
                signer_role(s, lang)
            )),
        }
    }
    md
}

/// The signature lines (HTML): a box per signer, its top border the line to sign on.
fn signatures_html(rec: &SessionRecord, lang: Lang) -> String {
    let mut h = String::from("<div class=\"signatures\">");
    for s in &rec.signers {
        h.push_str(&format!(
            "<div class=\"signer\"><span class=\"role\">{}</span>{}</div>",
            signer_role(s, lang),
            s.name
                .as_ref()
                .map(|n| format!("<span class=\"name\">{}</span>", html_escape(n.get(lang))))
                .unwrap_or_default()
        ));
    }
    h.push_str("</div>\n");
    h
}
