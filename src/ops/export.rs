//! Exports of a session's minutes: Markdown and printable HTML (A4; right-to-left
//! when the interface is Persian). Stored text is escaped for each format.

use crate::locale::calendar::format_date;
use crate::locale::digits::localize_digits;
use crate::locale::strings::{t, Msg};
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
                "{} {}, {} {}, {} {}",
                tl.yes,
                t(lang, Msg::For),
                tl.no,
                t(lang, Msg::Against),
                tl.abstain,
                t(lang, Msg::Abstain)
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
        "# {} — {} {}\n\n",
        md_escape(rec.body.name.get(lang)),
        t(lang, Msg::Minutes),
        localize_digits(&s.number.to_string(), lang)
    ));
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
    md.push_str(&format!("## {}\n\n", t(lang, Msg::Attendance)));
    for (msg, names) in [
        (Msg::Present, people_with(rec, lang, present)),
        (
            Msg::Absent,
            people_with(rec, lang, |p| matches!(p, Some(Presence::Absent) | None)),
        ),
        (
            Msg::Excused,
            people_with(rec, lang, |p| p == Some(Presence::Excused)),
        ),
    ] {
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
    md.push_str(&times_markdown(rec, lang));
    md.push_str(&format!("\n## {}\n\n", t(lang, Msg::Agenda)));
    for a in &rec.agenda {
        md.push_str(&format!(
            "### {}. {}\n\n",
            localize_digits(&a.item.position.to_string(), lang),
            md_escape(&a.item.title)
        ));
        md.push_str(&format!("*{}*\n\n", a.item.status.label(lang)));
        if let Some(m) = &a.item.minutes {
            for para in sanitize(m).split("\n\n") {
                // Line breaks inside a paragraph stay line breaks.
                md.push_str(&md_escape(para.trim()).replace('\n', "  \n"));
                md.push_str("\n\n");
            }
        }
        for r in &a.resolutions {
            md.push_str(&format!(
                "> **{} {}** ({}; {})\n>\n> {}\n\n",
                t(lang, Msg::Resolution),
                md_escape(&r.number),
                r.decision.label(lang),
                tally_text(r, lang),
                md_escape(&r.text).replace('\n', "\n> ")
            ));
        }
        if !a.tasks.is_empty() {
            md.push_str(&format!(
                "| {} | {} | {} |\n|---|---|---|\n",
                t(lang, Msg::Task),
                t(lang, Msg::Assignee),
                t(lang, Msg::Due)
            ));
            for task in &a.tasks {
                md.push_str(&format!(
                    "| {} | {} | {} |\n",
                    md_escape(&task.task.title),
                    md_escape(&assignee(task, lang)),
                    task.task
                        .due
                        .map(|d| format_date(d, prefs.calendar, lang))
                        .unwrap_or_default()
                ));
            }
            md.push('\n');
        }
    }
    md.push_str(&format!("## {}\n\n", t(lang, Msg::Signatures)));
    md.push_str(&format!(
        "{}: ____________________\n\n{}: ____________________\n",
        t(lang, Msg::Chair),
        t(lang, Msg::Secretary)
    ));
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
        s.number
    ));
    h.push_str(
        "<style>\n@page { size: A4; margin: 20mm 18mm; }\nbody { font-family: 'Vazirmatn', 'Noto Naskh Arabic', 'DejaVu Sans', sans-serif; font-size: 11pt; line-height: 1.6; color: #000; max-width: 174mm; margin: auto; }\nh1 { font-size: 16pt; border-bottom: 2px solid #000; padding-bottom: 4pt; }\nh2 { font-size: 13pt; margin-top: 14pt; }\nh3 { font-size: 11.5pt; margin-bottom: 2pt; }\ntable { border-collapse: collapse; width: 100%; margin: 6pt 0; }\nth, td { border: 1px solid #555; padding: 3pt 6pt; text-align: start; vertical-align: top; }\n.resolution { border-inline-start: 3px solid #000; padding-inline-start: 8pt; margin: 6pt 0; }\n.status { font-style: italic; color: #333; }\n.signatures { display: flex; justify-content: space-between; margin-top: 30pt; page-break-inside: avoid; }\n.signatures div { width: 45%; border-top: 1px solid #000; padding-top: 4pt; text-align: center; }\n.seal { font-size: 8.5pt; color: #333; margin-top: 16pt; word-break: break-all; }\nsection.item { page-break-inside: avoid; }\n</style>\n</head>\n<body>\n",
    );
    h.push_str(&format!(
        "<h1>{} — {} {}</h1>\n<table class=\"header\">\n",
        e(rec.body.name.get(lang)),
        t(lang, Msg::Minutes),
        localize_digits(&s.number.to_string(), lang)
    ));
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
    h.push_str(&format!(
        "<h2>{}</h2>\n<table class=\"attendance\">\n",
        t(lang, Msg::Attendance)
    ));
    for (msg, names) in [
        (Msg::Present, people_with(rec, lang, present)),
        (
            Msg::Absent,
            people_with(rec, lang, |p| matches!(p, Some(Presence::Absent) | None)),
        ),
        (
            Msg::Excused,
            people_with(rec, lang, |p| p == Some(Presence::Excused)),
        ),
    ] {
        let list = if names.is_empty() {
            "—".to_string()
        } else {
            names
                .iter()
                .map(|n| e(n))
                .collect::<Vec<_>>()
                .join(list_separator(lang))
        };
        h.push_str(&row(msg, list));
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
        h.push_str(&row(Msg::Guests, list.join(list_separator(lang))));
    }
    h.push_str("</table>\n");
    h.push_str(&times_html(rec, lang));
    h.push_str(&format!("<h2>{}</h2>\n", t(lang, Msg::Agenda)));
    for a in &rec.agenda {
        h.push_str(&format!(
            "<section class=\"item\">\n<h3>{}. {}</h3>\n<p class=\"status\">{}</p>\n",
            localize_digits(&a.item.position.to_string(), lang),
            e(&a.item.title),
            e(a.item.status.label(lang))
        ));
        if let Some(m) = &a.item.minutes {
            for para in m.split("\n\n") {
                h.push_str(&format!(
                    "<p>{}</p>\n",
                    e(para.trim()).replace('\n', "<br>")
                ));
            }
        }
        for r in &a.resolutions {
            h.push_str(&format!(
                "<div class=\"resolution\"><p><strong>{} {}</strong> — {} {}</p><p>{}</p></div>\n",
                t(lang, Msg::Resolution),
                e(&r.number),
                e(r.decision.label(lang)),
                e(&tally_text(r, lang)),
                e(&r.text).replace('\n', "<br>")
            ));
        }
        if !a.tasks.is_empty() {
            h.push_str(&format!(
                "<table class=\"tasks\"><tr><th>{}</th><th>{}</th><th>{}</th></tr>\n",
                t(lang, Msg::Task),
                t(lang, Msg::Assignee),
                t(lang, Msg::Due)
            ));
            for task in &a.tasks {
                h.push_str(&format!(
                    "<tr><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                    e(&task.task.title),
                    e(&assignee(task, lang)),
                    e(&task
                        .task
                        .due
                        .map(|d| format_date(d, prefs.calendar, lang))
                        .unwrap_or_default())
                ));
            }
            h.push_str("</table>\n");
        }
        h.push_str("</section>\n");
    }
    h.push_str(&format!(
        "<div class=\"signatures\"><div>{}</div><div>{}</div></div>\n",
        t(lang, Msg::Chair),
        t(lang, Msg::Secretary)
    ));
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
