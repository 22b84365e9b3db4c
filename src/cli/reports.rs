//! Exports for other programs (iCalendar, CSV), the overdue digest for mail, and the
//! chair's dashboard. The figures come from `app::dashboard`; this file only formats.

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;

use super::{json, CliError, CliResult};
use crate::locale::calendar::jalali_string;
use crate::locale::digits::localize_digits;
use crate::locale::strings::Msg;
use crate::locale::text::{sanitize, sanitize_line};
use crate::locale::Lang;
use crate::model::*;
use crate::ops::dashboard::{overdue_digest, OverdueDigest};
use crate::ops::Context;
use crate::store::read::{ResolutionFilter, TaskFilter};

type Out<'a> = &'a mut dyn Write;

// ----- arguments -----

#[derive(Debug, Args)]
pub struct ExportIcs {
    /// Only this body's sessions (id or name)
    #[arg(long)]
    pub body: Option<String>,
    /// Include the bodies under --body
    #[arg(long)]
    pub children: bool,
    /// Write to this file instead of standard output
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ExportCsv {
    /// What to export: resolutions or tasks
    #[arg(value_parser = ["resolutions", "tasks"])]
    pub what: String,
    #[arg(long)]
    pub body: Option<String>,
    /// Include the bodies under --body
    #[arg(long)]
    pub children: bool,
    /// Only open and in-progress ones
    #[arg(long)]
    pub open: bool,
    /// Only open ones past their due date
    #[arg(long)]
    pub overdue: bool,
    /// Write to this file instead of standard output
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// overdue: the overdue tasks and resolutions, grouped by body (for a daily mail);
    /// absences: each member's excused and unexcused absences against the body's rule
    #[arg(value_parser = ["overdue", "absences"])]
    pub kind: String,
    /// Only this body and the bodies under it
    #[arg(long)]
    pub body: Option<String>,
    /// text or md (Markdown)
    #[arg(long, default_value = "text", value_parser = ["text", "md"])]
    pub format: String,
    /// Write to this file instead of standard output (with --by-assignee: this
    /// directory, one file per assignee)
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// One digest per assignee: their overdue tasks, due dates in their calendar
    #[arg(long = "by-assignee")]
    pub by_assignee: bool,
    /// With --by-assignee: mail each digest through the server's sendmail
    #[arg(long)]
    pub mail: bool,
    /// Print JSON: the digest, or with --by-assignee what was written or sent
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct DashboardArgs {
    /// Only this body and the bodies under it
    #[arg(long)]
    pub body: Option<String>,
    /// Print one JSON object
    #[arg(long)]
    pub json: bool,
}

fn scope(ctx: &Context, body: &Option<String>, children: bool) -> CliResult<Option<Vec<i64>>> {
    match body {
        None => Ok(None),
        Some(b) => {
            let body = ctx.store.find_body(b)?;
            if children {
                Ok(Some(ctx.store.body_and_descendants(body.id)?))
            } else {
                Ok(Some(vec![body.id]))
            }
        }
    }
}

/// Writes a document to the file asked for, or to standard output.
pub(super) fn deliver(
    doc: &str,
    output: &Option<PathBuf>,
    what: &str,
    lang: Lang,
    out: Out,
) -> CliResult {
    use crate::locale::strings::tf;
    match output {
        Some(path) => {
            let shown = path.display().to_string();
            std::fs::write(path, doc).map_err(|e| {
                CliError::failure(tf(
                    lang,
                    Msg::CannotWrite,
                    &[&shown, &super::io_why(&e, lang)],
                ))
            })?;
            writeln!(
                out,
                "{}",
                tf(lang, Msg::CliWrittenTo, &[what, &sanitize_line(&shown)])
            )?;
        }
        None => out.write_all(doc.as_bytes())?,
    }
    Ok(())
}

// ----- iCalendar (RFC 5545) -----

// The calendar's rendering lives in `ops::ics` (invitations share it).
pub use crate::ops::ics::{ics_calendar, ics_escape, ics_fold, parse_clock, uid_domain, IcsEvent};

pub fn export_ics(ctx: &mut Context, a: &ExportIcs, out: Out) -> CliResult {
    let scope = scope(ctx, &a.body, a.children)?;
    let mut sessions = ctx
        .store
        .sessions(scope.as_deref(), &[], None, None, None)?;
    sessions.sort_by(|x, y| {
        x.session
            .date
            .cmp(&y.session.date)
            .then(x.session.id.cmp(&y.session.id))
    });
    let lang = ctx.prefs.lang;
    let word = match lang {
        Lang::En => "session",
        Lang::Fa => "جلسه",
    };
    let domain = uid_domain(&ctx.store);
    let mut events = Vec::new();
    for s in &sessions {
        let agenda = ctx.store.agenda(s.session.id)?;
        // Each item by its number on the agenda (7, 7.1).
        let labels = crate::model::agenda::agenda_labels(&agenda);
        let description = agenda
            .iter()
            .zip(&labels)
            .filter(|(i, _)| i.status != AgendaStatus::Withdrawn)
            .map(|(i, n)| format!("{n}. {}", sanitize_line(&i.title)))
            .collect::<Vec<_>>()
            .join("\n");
        events.push(IcsEvent {
            uid: format!("session-{}@{domain}", s.session.id),
            date: s.session.date,
            start: s.session.start_time.as_deref().and_then(parse_clock),
            end: s.session.end_time.as_deref().and_then(parse_clock),
            summary: format!(
                "{} — {word} {}",
                sanitize_line(s.body_name.get(lang)),
                s.session.number
            ),
            location: s.session.place.as_deref().map(|p| sanitize_line(p).into()),
            description,
            cancelled: s.session.status == SessionStatus::Cancelled,
            organizer: None,
            attendee: None,
        });
    }
    let doc = ics_calendar(&events, chrono::Utc::now());
    deliver(
        &doc,
        &a.output,
        &crate::locale::strings::tf(
            ctx.prefs.lang,
            Msg::CliIcsWhat,
            &[&localize_digits(&events.len().to_string(), ctx.prefs.lang)],
        ),
        ctx.prefs.lang,
        out,
    )
}

// ----- CSV (RFC 4180) -----

/// One CSV field: text sanitized (no control characters; line breaks kept), a leading
/// `= + - @` defused with an apostrophe (spreadsheet formula injection), and quoted
/// when it holds a comma, a quote or a line break (quotes doubled).
pub fn csv_field(s: &str) -> String {
    let clean = sanitize(s);
    let mut v = clean.into_owned();
    if v.starts_with(['=', '+', '-', '@']) {
        v.insert(0, '\'');
    }
    if v.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", v.replace('"', "\"\""))
    } else {
        v
    }
}

/// A CSV document: a header row, then the rows; CRLF after every record; no BOM.
pub fn csv_document(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut doc = String::new();
    let record = |fields: Vec<String>, doc: &mut String| {
        doc.push_str(&fields.join(","));
        doc.push_str("\r\n");
    };
    record(header.iter().map(|h| csv_field(h)).collect(), &mut doc);
    for r in rows {
        record(r.iter().map(|f| csv_field(f)).collect(), &mut doc);
    }
    doc
}

fn iso(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn jalali(d: Option<NaiveDate>) -> String {
    d.map(jalali_string).unwrap_or_default()
}

pub const RESOLUTION_CSV_HEADER: &[&str] = &[
    "id",
    "number",
    "body_id",
    "body",
    "session_number",
    "created_on",
    "created_on_jalali",
    "decision",
    "status",
    "owner",
    "due",
    "due_jalali",
    "days_overdue",
    "open_tasks",
    "text",
];

pub const TASK_CSV_HEADER: &[&str] = &[
    "id",
    "title",
    "body_id",
    "body",
    "resolution_number",
    "assignee",
    "assignee_unit",
    "due",
    "due_jalali",
    "status",
    "priority",
    "percent",
    "done_on",
    "done_on_jalali",
    "created_on",
    "created_on_jalali",
    "days_overdue",
];

pub fn export_csv(ctx: &mut Context, a: &ExportCsv, out: Out) -> CliResult {
    let scope = scope(ctx, &a.body, a.children)?;
    let lang = ctx.prefs.lang;
    let today = ctx.today;
    let open = vec![WorkStatus::Open, WorkStatus::InProgress];
    let (header, rows): (&[&str], Vec<Vec<String>>) =
        match a.what.trim().to_ascii_lowercase().as_str() {
            "resolutions" | "resolution" => {
                let f = ResolutionFilter {
                    body_ids: scope,
                    statuses: if a.open { open } else { vec![] },
                    overdue_on: a.overdue.then_some(today),
                    ..Default::default()
                };
                let rows = ctx
                    .store
                    .resolutions(&f)?
                    .into_iter()
                    .map(|r| {
                        let res = r.resolution;
                        let late = match res.due {
                            Some(d) if res.status.is_open() && d < today => {
                                (today - d).num_days().to_string()
                            }
                            _ => String::new(),
                        };
                        vec![
                            res.id.to_string(),
                            res.number,
                            res.body_id.to_string(),
                            r.body_name.get(lang).to_string(),
                            r.session_number.map(|n| n.to_string()).unwrap_or_default(),
                            res.created_on.to_string(),
                            jalali_string(res.created_on),
                            res.decision.code().to_string(),
                            res.status.code().to_string(),
                            res.owner.unwrap_or_default(),
                            iso(res.due),
                            jalali(res.due),
                            late,
                            r.open_tasks.to_string(),
                            res.text,
                        ]
                    })
                    .collect();
                (RESOLUTION_CSV_HEADER, rows)
            }
            "tasks" | "task" => {
                let f = TaskFilter {
                    body_ids: scope,
                    statuses: if a.open { open } else { vec![] },
                    overdue_on: a.overdue.then_some(today),
                    ..Default::default()
                };
                let rows = ctx
                    .store
                    .tasks(&f)?
                    .into_iter()
                    .map(|r| {
                        let t = r.task;
                        vec![
                            t.id.to_string(),
                            t.title.clone(),
                            t.body_id.to_string(),
                            r.body_name.get(lang).to_string(),
                            r.resolution_number.unwrap_or_default(),
                            r.assignee_name
                                .map(|n| n.get(lang).to_string())
                                .unwrap_or_default(),
                            t.assignee_unit.clone().unwrap_or_default(),
                            iso(t.due),
                            jalali(t.due),
                            t.status.code().to_string(),
                            t.priority.code().to_string(),
                            t.percent.to_string(),
                            iso(t.done_on),
                            jalali(t.done_on),
                            t.created_on.to_string(),
                            jalali_string(t.created_on),
                            t.days_overdue(today)
                                .map(|d| d.to_string())
                                .unwrap_or_default(),
                        ]
                    })
                    .collect();
                (TASK_CSV_HEADER, rows)
            }
            other => {
                return Err(CliError::usage(super::unknown_value(
                    ctx.prefs.lang,
                    Msg::WhatCsvExport,
                    other,
                    "resolutions, tasks",
                )))
            }
        };
    let count = rows.len();
    let doc = csv_document(header, &rows);
    let l = ctx.prefs.lang;
    let what = crate::locale::strings::tf(
        l,
        Msg::CliCsvWhat,
        &[&localize_digits(&count.to_string(), l)],
    );
    deliver(&doc, &a.output, &what, l, out)
}

// ----- the overdue digest -----

fn l(lang: Lang, en: &'static str, fa: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Fa => fa,
    }
}

/// Escapes what Markdown would read as markup.
fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in sanitize_line(s).chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '{' | '}' | '!' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The digest as plain text (`md == false`) or Markdown: logical order, sanitized.
pub fn digest_document(d: &OverdueDigest, ctx: &Context, md: bool) -> String {
    let lang = ctx.prefs.lang;
    let n = |x: i64| localize_digits(&x.to_string(), lang);
    let text = |s: &str| {
        if md {
            md_escape(s)
        } else {
            sanitize_line(s).into_owned()
        }
    };
    let mut doc = String::new();
    let title = format!(
        "{} — {}",
        l(lang, "Overdue digest", "گزارش موارد معوق"),
        ctx.date(d.date)
    );
    if md {
        doc.push_str(&format!("# {}\n\n", text(&title)));
    } else {
        doc.push_str(&format!("{title}\n{}\n", "=".repeat(title.chars().count())));
    }
    doc.push_str(&format!(
        "{}: {} {}{} {} {}\n",
        l(lang, "Overdue", "معوق"),
        n(d.total_tasks as i64),
        if d.total_tasks == 1 {
            l(lang, "task", "اقدام")
        } else {
            l(lang, "tasks", "اقدام")
        },
        l(lang, ",", "،"),
        n(d.total_resolutions as i64),
        if d.total_resolutions == 1 {
            l(lang, "resolution", "مصوبه")
        } else {
            l(lang, "resolutions", "مصوبه")
        },
    ));
    if d.is_empty() {
        doc.push_str(&format!(
            "\n{}\n",
            l(lang, "Nothing overdue.", "هیچ موردی معوق نیست.")
        ));
        return doc;
    }
    let late = |days: i64| {
        if days == 1 {
            l(lang, "day late", "روز تأخیر")
        } else {
            l(lang, "days late", "روز تأخیر")
        }
    };
    let due = l(lang, "due", "مهلت");
    for b in &d.bodies {
        let name = b.body_name.get(lang);
        if md {
            doc.push_str(&format!("\n## {}\n", text(name)));
        } else {
            doc.push_str(&format!("\n{}\n", text(name)));
        }
        if !b.tasks.is_empty() {
            let head = l(lang, "Tasks", "اقدام‌ها");
            if md {
                doc.push_str(&format!("\n### {head}\n\n"));
            } else {
                doc.push_str(&format!("  {head}:\n"));
            }
            for t in &b.tasks {
                let who = t.assignee(lang);
                let who = if who.is_empty() {
                    l(lang, "(unassigned)", "(بدون مسئول)").to_string()
                } else {
                    text(&who)
                };
                let line = format!(
                    "#{} {} — {} — {} {} — {} {}",
                    n(t.id),
                    text(&t.title),
                    who,
                    due,
                    ctx.date(t.due),
                    n(t.days_overdue),
                    late(t.days_overdue)
                );
                if md {
                    doc.push_str(&format!("- {line}\n"));
                } else {
                    doc.push_str(&format!("    - {line}\n"));
                }
            }
        }
        if !b.resolutions.is_empty() {
            let head = l(lang, "Resolutions", "مصوبات");
            if md {
                doc.push_str(&format!("\n### {head}\n\n"));
            } else {
                doc.push_str(&format!("  {head}:\n"));
            }
            for r in &b.resolutions {
                let mut line = format!("{} {}", text(&r.number), text(&r.text));
                if let Some(o) = r.owner.as_deref().filter(|o| !o.trim().is_empty()) {
                    line.push_str(&format!(" — {}", text(o)));
                }
                line.push_str(&format!(
                    " — {} {} — {} {}",
                    due,
                    ctx.date(r.due),
                    n(r.days_overdue),
                    late(r.days_overdue)
                ));
                if md {
                    doc.push_str(&format!("- {line}\n"));
                } else {
                    doc.push_str(&format!("    - {line}\n"));
                }
            }
        }
    }
    doc
}

pub fn report(ctx: &mut Context, a: &ReportArgs, out: Out) -> CliResult {
    if a.kind.trim().eq_ignore_ascii_case("absences") {
        return super::absences::report_absences(ctx, a, out);
    }
    if !a.kind.trim().eq_ignore_ascii_case("overdue") {
        return Err(CliError::usage(super::unknown_value(
            ctx.prefs.lang,
            Msg::WhatReport,
            &a.kind,
            "overdue, absences",
        )));
    }
    let md = match a.format.trim().to_ascii_lowercase().as_str() {
        "text" | "txt" => false,
        "md" | "markdown" => true,
        other => {
            return Err(CliError::usage(super::unknown_value(
                ctx.prefs.lang,
                Msg::WhatFormat,
                other,
                "text, md",
            )))
        }
    };
    let scope = scope(ctx, &a.body, true)?;
    if a.by_assignee {
        return super::invitations::digests_by_assignee(
            ctx,
            scope.as_deref(),
            md,
            a.mail,
            &a.output,
            a.json,
            out,
        );
    }
    if a.mail {
        return Err(CliError::usage(
            Msg::CliByAssigneeNeeded.text(ctx.prefs.lang),
        ));
    }
    let digest = overdue_digest(&ctx.store, scope.as_deref(), ctx.today)?;
    if a.json {
        writeln!(out, "{}", json::to_string(&digest)?)?;
        return Ok(());
    }
    let doc = digest_document(&digest, ctx, md);
    let l = ctx.prefs.lang;
    deliver(
        &sanitize(&doc),
        &a.output,
        Msg::CliDigestWhat.text(l),
        l,
        out,
    )
}

// ----- the dashboard -----

pub fn dashboard_cmd(ctx: &mut Context, a: &DashboardArgs, out: Out) -> CliResult {
    let scope = scope(ctx, &a.body, true)?;
    let d = crate::ops::dashboard::dashboard_in(
        &ctx.store,
        scope.as_deref(),
        ctx.today,
        ctx.prefs.calendar,
    )?;
    if a.json {
        writeln!(out, "{}", json::to_string(&d)?)?;
        return Ok(());
    }
    let lang = ctx.prefs.lang;
    let p = ctx.prefs;
    let line = |s: String| super::table::display_line(&s, p);
    let n = |x: i64| localize_digits(&x.to_string(), lang);
    let say = |msg: Msg, args: &[&str]| {
        line(
            crate::locale::strings::tf(lang, msg, args)
                .trim_end()
                .to_string(),
        )
    };
    writeln!(out, "{}", say(Msg::CliDashTitle, &[&ctx.date(d.date)]))?;
    let open: i64 = d.open_resolutions.iter().map(|r| r.count).sum();
    writeln!(out, "{}", say(Msg::CliDashOpen, &[&n(open)]))?;
    writeln!(
        out,
        "{}",
        say(Msg::CliDashOverdue, &[&n(d.overdue_tasks_total)])
    )?;
    writeln!(
        out,
        "{}",
        say(Msg::CliDashDueWeek, &[&n(d.due_this_week_total)])
    )?;
    for s in d.upcoming_sessions.iter().take(5) {
        writeln!(
            out,
            "{}",
            say(
                Msg::CliDashNext,
                &[&ctx.date(s.date), s.body_name.get(lang), &n(s.number)]
            )
        )?;
    }
    for c in &d.compliance {
        writeln!(
            out,
            "{}",
            say(
                Msg::CliDashCompliance,
                &[
                    c.name.get(lang),
                    &n(c.met as i64),
                    &n(c.missed as i64),
                    &n(c.at_risk as i64)
                ]
            )
        )?;
    }
    for f in &d.follow_up_rate {
        writeln!(
            out,
            "{}",
            say(
                Msg::CliDashFollowUp,
                &[
                    f.name.get(lang),
                    &n(f.done_on_time),
                    &n(f.due),
                    &localize_digits(&format!("{:.0}", f.rate * 100.0), lang)
                ]
            )
        )?;
    }
    for w in &d.absences {
        let u = |x: u32| localize_digits(&x.to_string(), lang);
        writeln!(
            out,
            "{}",
            say(
                Msg::CliDashAbsence,
                &[
                    w.body_name.get(lang),
                    w.name.get(lang),
                    &u(w.count.unexcused),
                    &u(w.count.in_a_row),
                    &u(w.count.excused),
                    &crate::model::absences::standing_text(&w.count, &w.rule(), lang, |x| {
                        ctx.date(x)
                    }),
                ]
            )
        )?;
    }
    let legal = &d.legal;
    if !legal.is_empty() {
        writeln!(
            out,
            "{}",
            say(
                Msg::CliDashLegal,
                &[
                    &n(legal.unsent.len() as i64),
                    &n(legal.objection_window.len() as i64),
                    &n(legal.objections_to_answer.len() as i64),
                    &n(legal.in_force.len() as i64)
                ]
            )
        )?;
        for (msg, items) in [
            (Msg::CliDashLegalUnsent, &legal.unsent),
            (Msg::CliDashLegalWindow, &legal.objection_window),
            (Msg::CliDashLegalAnswer, &legal.objections_to_answer),
        ] {
            for i in items.iter().take(5) {
                writeln!(
                    out,
                    "  {}",
                    say(
                        msg,
                        &[
                            &localize_digits(&i.number, lang),
                            &ctx.date(i.due),
                            &n(i.days_left.abs())
                        ]
                    )
                )?;
            }
        }
    }
    if !d.unsigned.is_empty() {
        let people: usize = d.unsigned.iter().map(|u| u.people.len()).sum();
        writeln!(
            out,
            "{}",
            say(
                Msg::DashUnsigned,
                &[&n(people as i64), &n(d.unsigned.len() as i64)]
            )
        )?;
        for u in d.unsigned.iter().take(5) {
            let names: Vec<&str> = u.people.iter().map(|p| p.name.get(lang)).collect();
            writeln!(
                out,
                "  {}",
                say(
                    Msg::DashUnsignedSession,
                    &[
                        &n(u.number),
                        &ctx.date(u.date),
                        &names.join(crate::ops::signatures::list_separator(lang))
                    ]
                )
            )?;
        }
    }
    // Plans and evaluations: indicators off target, units by their last visit's score,
    // visits overdue.
    let off: Vec<&crate::ops::dashboard::IndicatorFigure> = d
        .indicators
        .iter()
        .filter(|i| i.on_target == Some(false))
        .collect();
    if !off.is_empty() {
        writeln!(
            out,
            "{}",
            say(Msg::CliDashIndicatorsOff, &[&n(off.len() as i64)])
        )?;
        let value = |v: f64, unit: &Option<String>| {
            crate::model::plans::with_unit(
                &crate::model::plans::format_number(v, lang),
                unit.as_deref(),
            )
        };
        for i in off.iter().take(5) {
            let Some(last) = i.last_value else { continue };
            writeln!(
                out,
                "  {}",
                say(
                    Msg::CliDashIndicatorOff,
                    &[
                        &i.indicator,
                        &value(last, &i.unit),
                        &value(i.target, &i.unit),
                        &i.last_period_label(lang).unwrap_or_default(),
                        super::evaluation::trend_mark(i.direction),
                    ]
                )
            )?;
        }
    }
    let visits = &d.visits;
    if !visits.ranked.is_empty() {
        writeln!(out, "{}", say(Msg::CliDashVisitsRanked, &[]))?;
        for (r, u) in visits.ranked.iter().take(5).enumerate() {
            writeln!(
                out,
                "  {}",
                say(
                    Msg::CliDashVisitRank,
                    &[
                        &n(r as i64 + 1),
                        &u.unit,
                        &u.score
                            .map(|s| super::evaluation::percent(s, lang))
                            .unwrap_or_default(),
                        &u.last_visited.map(|x| ctx.date(x)).unwrap_or_default(),
                        super::evaluation::trend_mark(u.trend),
                    ]
                )
            )?;
        }
    }
    if !visits.overdue.is_empty() {
        writeln!(
            out,
            "{}",
            say(
                Msg::CliDashVisitsOverdue,
                &[&n(visits.overdue.len() as i64)]
            )
        )?;
        for u in visits.overdue.iter().take(5) {
            let text = match (u.last_visited, u.due) {
                (Some(_), Some(due)) => say(
                    Msg::CliDashVisitOverdue,
                    &[&u.unit, &ctx.date(due), &n(u.days_overdue.unwrap_or(0))],
                ),
                _ => say(Msg::CliDashVisitNeverOverdue, &[&u.unit]),
            };
            writeln!(out, "  {text}")?;
        }
    }
    writeln!(out, "{}", say(Msg::CliDashJsonHint, &[]))?;
    Ok(())
}
