//! Invitations (دعوتنامه) to a session, and the overdue digest of each assignee: one
//! document per person, in their language and calendar, written to files or mailed
//! through the server's `sendmail` ([`super::mail`]).
//!
//! Who is invited: every member in office on the session's day (voting or not, one
//! invitation per person however many roles they hold), then the session's guests.
//! Each reads the invitation in the language their names give
//! ([`crate::model::invitation::invitee_prefs`]): the body, the session and its
//! number, the date in their calendar, the time, the place and the agenda. A guest
//! (not a member) sees an item taken in closed session by its number only.
//!
//! Refused: a session that is cancelled, closed or approved. When mailing, an invitee
//! with no mail address is not skipped silently: the others are sent and the result
//! lists who got nothing (`shura session invite --mail` then exits 1).
//!
//! Every stored text goes through the format's escaping (which drops control
//! characters and escape sequences): nothing reaches a file or a mail raw.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::locale::calendar::format_date;
use crate::locale::digits::localize_digits;
use crate::locale::strings::{t, tf, Msg};
use crate::locale::text::{sanitize, sanitize_line};
use crate::locale::{Lang, Prefs};
use crate::model::invitation::{invitable, invitee_prefs, InvitationRefusal};
use crate::model::roles::Activity;
use crate::model::*;
use crate::ops::dashboard::{overdue_tasks, OverdueTask};
use crate::ops::export::{html_escape, md_escape};
use crate::ops::ics::{ics_request, parse_clock, uid_domain, IcsEvent, IcsPerson};
use crate::ops::mail::{mailbox, sender, Letter, Mailer};
use crate::store::{Refusal, Result, StoreError};

use super::{authz, Context};

/// The format of an invitation file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Md,
    Html,
    Ics,
}

impl Format {
    /// From what the user typed (md, markdown, html, ics); None otherwise.
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Md),
            "html" | "htm" => Some(Format::Html),
            "ics" | "ical" | "icalendar" => Some(Format::Ics),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
            Format::Ics => "ics",
        }
    }
}

/// Someone invited: a member (by person id) or a guest (by guest id).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Invitee {
    /// `person` or `guest`.
    pub kind: &'static str,
    pub id: i64,
    /// Their name in their language (as stored; escaped where shown).
    pub name: String,
    pub email: Option<String>,
    /// A voting member (a required participant).
    pub voting: bool,
    /// The language and calendar of their invitation.
    pub lang: &'static str,
    #[serde(skip)]
    pub prefs: Prefs,
}

impl Invitee {
    /// The key in file names: person-7, guest-3.
    pub fn key(&self) -> String {
        format!("{}-{}", self.kind, self.id)
    }

    fn email(&self) -> Option<&str> {
        self.email
            .as_deref()
            .map(str::trim)
            .filter(|e| !e.is_empty())
    }
}

fn lang_code(l: Lang) -> &'static str {
    match l {
        Lang::En => "en",
        Lang::Fa => "fa",
    }
}

/// One invitation, rendered.
#[derive(Debug, Clone)]
pub struct Invitation {
    pub invitee: Invitee,
    /// invite-SESSION-person-ID.EXT
    pub file_name: String,
    pub subject: String,
    /// The document in the format asked for.
    pub document: String,
    /// The Markdown text (a mail's plain-text part).
    pub text: String,
    /// The HTML document (a mail's HTML part, for --format html).
    pub html: Option<String>,
    /// The iCalendar request (a mail's attachment, for --format ics).
    pub ics: Option<String>,
}

fn refused(r: InvitationRefusal) -> StoreError {
    StoreError::Refused(Refusal::Invitation(r))
}

/// The invitees of a session (see the module's rule on who and in which language).
pub fn invitees(ctx: &Context, session: &Session) -> Result<Vec<Invitee>> {
    let mut out: Vec<Invitee> = Vec::new();
    for m in ctx.store.members(session.body_id)? {
        if !m.membership.active_on(session.date) {
            continue;
        }
        if let Some(seen) = out.iter_mut().find(|i| i.id == m.person.id) {
            seen.voting |= m.membership.voting;
            continue;
        }
        let prefs = invitee_prefs(&m.person.name, ctx.prefs);
        out.push(Invitee {
            kind: "person",
            id: m.person.id,
            name: m.person.name.get(prefs.lang).to_string(),
            email: m.person.email.clone(),
            voting: m.membership.voting,
            lang: lang_code(prefs.lang),
            prefs,
        });
    }
    for g in ctx.store.guests(session.id)? {
        let prefs = invitee_prefs(&Name::guess(&g.name), ctx.prefs);
        out.push(Invitee {
            kind: "guest",
            id: g.id,
            name: g.name.clone(),
            email: g.email.clone(),
            voting: false,
            lang: lang_code(prefs.lang),
            prefs,
        });
    }
    Ok(out)
}

/// What every invitation of a session shares.
struct SessionFacts {
    session: Session,
    body: Body,
    agenda: Vec<(String, AgendaItem)>,
    organizer: Option<IcsPerson>,
    domain: String,
}

fn facts(ctx: &Context, session_id: i64) -> Result<SessionFacts> {
    let session = ctx.store.session(session_id)?;
    authz::check_visible(ctx, session.body_id)?;
    if !invitable(session.status) {
        return Err(refused(InvitationRefusal::SessionNotInvitable {
            session: session.id,
            status: session.status,
        }));
    }
    let body = ctx.store.body(session.body_id)?;
    let items = ctx.store.agenda(session.id)?;
    let labels = crate::model::agenda::agenda_labels(&items);
    let agenda = labels
        .into_iter()
        .zip(items)
        .filter(|(_, i)| i.status != AgendaStatus::Withdrawn)
        .collect();
    // The organizer: the body's secretary (else its chair) with a mail address.
    let members = ctx.store.members(session.body_id)?;
    let organizer = [Role::Secretary, Role::Chair, Role::ViceChair]
        .iter()
        .find_map(|role| {
            members.iter().find(|m| {
                m.membership.role == *role
                    && m.membership.active_on(session.date)
                    && m.person
                        .email
                        .as_deref()
                        .is_some_and(|e| !e.trim().is_empty())
            })
        })
        .map(|m| IcsPerson {
            name: m.person.name.get(ctx.prefs.lang).to_string(),
            email: m.person.email.clone().unwrap_or_default(),
            required: true,
        });
    let organizer = match organizer {
        Some(o) => Some(o),
        None => sender(ctx).ok().map(|m| IcsPerson {
            name: m.name.clone().unwrap_or_default(),
            email: m.email.to_string(),
            required: true,
        }),
    };
    Ok(SessionFacts {
        session,
        body,
        agenda,
        organizer,
        domain: uid_domain(&ctx.store),
    })
}

fn time_text(s: &Session, lang: Lang) -> Option<String> {
    let start = s.start_time.as_deref()?.trim();
    let text = match s
        .end_time
        .as_deref()
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        Some(end) => format!("{start}–{end}"),
        None => start.to_string(),
    };
    Some(localize_digits(&sanitize_line(&text), lang))
}

/// The lines of an invitation, as (kind, text) with the text not yet escaped.
enum Line {
    Title(String),
    Para(String),
    Fact(String),
    Heading(String),
    Item(String, String),
}

fn lines(f: &SessionFacts, who: &Invitee) -> Vec<Line> {
    let l = who.prefs.lang;
    let body = f.body.name.get(l).to_string();
    let label = f.session.label(l);
    let mut out = vec![
        Line::Title(format!("{} — {body}", t(l, Msg::InviteTitle))),
        Line::Para(tf(l, Msg::InviteGreeting, &[&who.name])),
        Line::Para(tf(l, Msg::InviteText, &[&label, &body])),
    ];
    if f.session.kind == SessionKind::Extraordinary {
        out.push(Line::Para(t(l, Msg::InviteExtraordinary).into()));
    }
    out.push(Line::Fact(tf(
        l,
        Msg::InviteDate,
        &[&format_date(f.session.date, who.prefs.calendar, l)],
    )));
    if let Some(time) = time_text(&f.session, l) {
        out.push(Line::Fact(tf(l, Msg::InviteTime, &[&time])));
    }
    if let Some(place) = f.session.place.as_deref().filter(|p| !p.trim().is_empty()) {
        out.push(Line::Fact(tf(l, Msg::InvitePlace, &[place])));
    }
    out.push(Line::Heading(t(l, Msg::InviteAgenda).into()));
    if f.agenda.is_empty() {
        out.push(Line::Para(t(l, Msg::InviteNoAgenda).into()));
    }
    for (label, item) in &f.agenda {
        let title = if item.closed && who.kind == "guest" {
            t(l, Msg::ClockClosedSession).to_string()
        } else {
            item.title.clone()
        };
        out.push(Line::Item(localize_digits(label, l), title));
    }
    out.push(Line::Para(tf(l, Msg::InviteClosing, &[&body])));
    out
}

fn markdown(lines: &[Line]) -> String {
    let mut doc = String::new();
    let mut in_list = false;
    for line in lines {
        let is_list = matches!(line, Line::Fact(_) | Line::Item(..));
        if in_list && !is_list {
            doc.push('\n');
        }
        in_list = is_list;
        match line {
            Line::Title(s) => doc.push_str(&format!("# {}\n\n", md_escape(s))),
            Line::Para(s) => doc.push_str(&format!("{}\n\n", md_escape(s))),
            Line::Fact(s) => doc.push_str(&format!("- {}\n", md_escape(s))),
            Line::Heading(s) => doc.push_str(&format!("## {}\n\n", md_escape(s))),
            Line::Item(n, s) => doc.push_str(&format!(
                "- «{}» {}\n",
                md_escape(n),
                md_escape(&sanitize_line(s))
            )),
        }
    }
    sanitize(doc.trim_end()).into_owned() + "\n"
}

fn html(lines: &[Line], lang: Lang) -> String {
    let (code, dir) = match lang {
        Lang::En => ("en", "ltr"),
        Lang::Fa => ("fa", "rtl"),
    };
    let title = lines
        .iter()
        .find_map(|l| match l {
            Line::Title(s) => Some(html_escape(s)),
            _ => None,
        })
        .unwrap_or_default();
    let mut doc = format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n<style>body {{ font-family: 'Vazirmatn', 'Noto Naskh Arabic', 'DejaVu Sans', sans-serif; max-width: 40em; margin: 2em auto; line-height: 1.6; }} ul.agenda {{ list-style: none; padding-inline-start: 0; }}</style>\n</head>\n<body>\n"
    );
    let mut open: Option<&str> = None;
    for line in lines {
        let want = match line {
            Line::Fact(_) => Some("facts"),
            Line::Item(..) => Some("agenda"),
            _ => None,
        };
        if open != want {
            if open.is_some() {
                doc.push_str("</ul>\n");
            }
            if let Some(class) = want {
                doc.push_str(&format!("<ul class=\"{class}\">\n"));
            }
            open = want;
        }
        match line {
            Line::Title(s) => doc.push_str(&format!("<h1>{}</h1>\n", html_escape(s))),
            Line::Para(s) => doc.push_str(&format!("<p>{}</p>\n", html_escape(s))),
            Line::Fact(s) => doc.push_str(&format!("<li>{}</li>\n", html_escape(s))),
            Line::Heading(s) => doc.push_str(&format!("<h2>{}</h2>\n", html_escape(s))),
            Line::Item(n, s) => doc.push_str(&format!(
                "<li><span class=\"number\">«{}»</span> {}</li>\n",
                html_escape(n),
                html_escape(&sanitize_line(s))
            )),
        }
    }
    if open.is_some() {
        doc.push_str("</ul>\n");
    }
    doc.push_str("</body>\n</html>\n");
    doc
}

fn ics(f: &SessionFacts, who: &Invitee, lines: &[Line]) -> String {
    let l = who.prefs.lang;
    let description = lines
        .iter()
        .filter_map(|line| match line {
            Line::Fact(s) | Line::Para(s) | Line::Heading(s) => Some(sanitize_line(s).into_owned()),
            Line::Item(n, s) => Some(format!("«{n}» {}", sanitize_line(s))),
            Line::Title(_) => None,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let event = IcsEvent {
        uid: format!(
            "session-{}-{}-{}@{}",
            f.session.id, who.kind, who.id, f.domain
        ),
        date: f.session.date,
        start: f.session.start_time.as_deref().and_then(parse_clock),
        end: f.session.end_time.as_deref().and_then(parse_clock),
        summary: format!(
            "{} — {}",
            sanitize_line(f.body.name.get(l)),
            f.session.label(l)
        ),
        location: f
            .session
            .place
            .as_deref()
            .map(|p| sanitize_line(p).into_owned()),
        description,
        cancelled: false,
        organizer: f.organizer.clone(),
        attendee: who.email().map(|e| IcsPerson {
            name: who.name.clone(),
            email: e.to_string(),
            required: who.voting,
        }),
    };
    ics_request(&[event], chrono::Utc::now())
}

fn render(f: &SessionFacts, who: &Invitee, format: Format) -> Invitation {
    let l = who.prefs.lang;
    let lines = lines(f, who);
    let text = markdown(&lines);
    let html = (format == Format::Html).then(|| html(&lines, l));
    let ics = (format == Format::Ics).then(|| ics(f, who, &lines));
    let document = match format {
        Format::Md => text.clone(),
        Format::Html => html.clone().unwrap_or_default(),
        Format::Ics => ics.clone().unwrap_or_default(),
    };
    let subject = tf(
        l,
        Msg::InviteSubject,
        &[
            f.body.name.get(l),
            &f.session.label(l),
            &format_date(f.session.date, who.prefs.calendar, l),
        ],
    );
    Invitation {
        file_name: format!(
            "invite-{}-{}.{}",
            f.session.id,
            who.key(),
            format.extension()
        ),
        invitee: who.clone(),
        subject: sanitize_line(&subject).into_owned(),
        document,
        text,
        html,
        ics,
    }
}

/// Every invitation of a session, rendered (refused for a cancelled, closed or approved
/// session).
pub fn invitations(ctx: &Context, session_id: i64, format: Format) -> Result<Vec<Invitation>> {
    let f = facts(ctx, session_id)?;
    let people = invitees(ctx, &f.session)?;
    Ok(people.iter().map(|p| render(&f, p, format)).collect())
}

/// What became of one invitation or digest.
#[derive(Debug, Clone, Serialize)]
pub struct Delivered {
    pub invitee: Invitee,
    /// The file written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<PathBuf>,
    /// The address it was mailed to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sent_to: Option<String>,
}

/// The outcome of a mailing: who got it, who has no address, whose mail failed.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Mailing {
    pub sent: Vec<Delivered>,
    pub without_email: Vec<Invitee>,
    /// (invitee, the refusal in the user's language)
    pub failed: Vec<(Invitee, String)>,
}

impl Mailing {
    /// Whether everyone got their mail.
    pub fn complete(&self) -> bool {
        self.without_email.is_empty() && self.failed.is_empty()
    }
}

/// Where the TUI writes invitations: `invitations` in the user's data directory (beside
/// the default database).
pub fn data_dir() -> PathBuf {
    directories::ProjectDirs::from("org", "shura", "shura")
        .map(|d| d.data_dir().join("invitations"))
        .unwrap_or_else(|| PathBuf::from("invitations"))
}

fn write_file(dir: &Path, name: &str, doc: &str) -> Result<PathBuf> {
    let path = dir.join(name);
    std::fs::write(&path, doc).map_err(StoreError::Io)?;
    Ok(path)
}

/// Writes every invitation of a session into `dir`, one file per invitee.
pub fn write_invitations(
    ctx: &Context,
    session_id: i64,
    format: Format,
    dir: &Path,
) -> Result<Vec<Delivered>> {
    let all = invitations(ctx, session_id, format)?;
    let mut out = Vec::with_capacity(all.len());
    for inv in all {
        let path = write_file(dir, &inv.file_name, &inv.document)?;
        out.push(Delivered {
            invitee: inv.invitee,
            file: Some(path),
            sent_to: None,
        });
    }
    Ok(out)
}

/// Mails every invitation of a session through sendmail. Needs the right to invite
/// (the body's secretary or chair); refused before anything is sent when there is no
/// sendmail. Invitees without an address are listed, the others sent.
pub fn mail_invitations(ctx: &Context, session_id: i64, format: Format) -> Result<Mailing> {
    let session = ctx.store.session(session_id)?;
    authz::check(ctx, Activity::InviteGuests, Some(session.body_id))?;
    let all = invitations(ctx, session_id, format)?;
    let mailer = Mailer::new()?;
    let from = sender(ctx)?;
    let mut m = Mailing::default();
    for inv in all {
        let Some(address) = inv.invitee.email().map(str::to_string) else {
            m.without_email.push(inv.invitee);
            continue;
        };
        let letter = Letter {
            subject: inv.subject.clone(),
            text: inv.text.clone(),
            html: inv.html.clone(),
            ics: inv.ics.clone(),
        };
        let sent =
            mailbox(&inv.invitee.name, &address).and_then(|to| mailer.send(&from, &to, &letter));
        match sent {
            Ok(()) => m.sent.push(Delivered {
                invitee: inv.invitee,
                file: None,
                sent_to: Some(address),
            }),
            Err(e) => {
                let why = e.message(ctx.prefs.lang);
                m.failed.push((inv.invitee, why));
            }
        }
    }
    Ok(m)
}

// ----- the overdue digest of each assignee -----

/// One assignee's overdue tasks, rendered in their language and calendar.
#[derive(Debug, Clone)]
pub struct AssigneeDigest {
    pub assignee: Invitee,
    pub tasks: Vec<OverdueTask>,
    pub subject: String,
    /// The digest (Markdown when asked, else plain text).
    pub text: String,
    /// overdue-DATE-person-ID.md|txt
    pub file_name: String,
}

/// The digests of everyone with overdue tasks in `scope` (None: every body), and how
/// many overdue tasks have no person assigned (a unit, or nobody).
pub fn assignee_digests(
    ctx: &Context,
    scope: Option<&[i64]>,
    md: bool,
) -> Result<(Vec<AssigneeDigest>, usize)> {
    let tasks = overdue_tasks(&ctx.store, scope, ctx.today)?;
    let mut by_person: BTreeMap<i64, Vec<OverdueTask>> = BTreeMap::new();
    let mut no_person = 0;
    for task in tasks {
        match task.assignee_id {
            Some(p) => by_person.entry(p).or_default().push(task),
            None => no_person += 1,
        }
    }
    let mut bodies: BTreeMap<i64, Name> = BTreeMap::new();
    let mut out = Vec::new();
    for (person_id, tasks) in by_person {
        let person = ctx.store.person(person_id)?;
        let prefs = invitee_prefs(&person.name, ctx.prefs);
        let l = prefs.lang;
        let who = Invitee {
            kind: "person",
            id: person.id,
            name: person.name.get(l).to_string(),
            email: person.email.clone(),
            voting: false,
            lang: lang_code(l),
            prefs,
        };
        let n = |x: i64| localize_digits(&x.to_string(), l);
        let esc = |s: &str| {
            if md {
                md_escape(&sanitize_line(s))
            } else {
                sanitize_line(s).into_owned()
            }
        };
        let today = format_date(ctx.today, prefs.calendar, l);
        let subject = tf(
            l,
            Msg::AssigneeDigestSubject,
            &[&n(tasks.len() as i64), &today],
        );
        let mut text = String::new();
        if md {
            text.push_str(&format!("# {}\n\n", esc(&subject)));
        } else {
            text.push_str(&format!("{subject}\n\n"));
        }
        text.push_str(&format!(
            "{}\n\n",
            esc(&tf(l, Msg::InviteGreeting, &[&who.name]))
        ));
        text.push_str(&format!("{}\n\n", t(l, Msg::AssigneeDigestIntro)));
        for task in &tasks {
            if let std::collections::btree_map::Entry::Vacant(e) = bodies.entry(task.body_id) {
                e.insert(ctx.store.body(task.body_id)?.name);
            }
            let body = bodies
                .get(&task.body_id)
                .map(|b| b.get(l))
                .unwrap_or_default();
            let mut title = task.title.clone();
            if let Some(r) = task.resolution_number.as_deref() {
                title.push_str(&format!(
                    " — {}",
                    tf(l, Msg::AssigneeDigestResolution, &[r])
                ));
            }
            let line = tf(
                l,
                Msg::AssigneeDigestLine,
                &[
                    &n(task.id),
                    &esc(&title),
                    &esc(body),
                    &format_date(task.due, prefs.calendar, l),
                    &n(task.days_overdue),
                ],
            );
            text.push_str(&format!("- {line}\n"));
        }
        out.push(AssigneeDigest {
            file_name: format!(
                "overdue-{}-{}.{}",
                ctx.today,
                who.key(),
                if md { "md" } else { "txt" }
            ),
            assignee: who,
            tasks,
            subject: sanitize_line(&subject).into_owned(),
            text: sanitize(&text).into_owned(),
        });
    }
    Ok((out, no_person))
}

/// Writes each assignee's digest into `dir`.
pub fn write_digests(digests: &[AssigneeDigest], dir: &Path) -> Result<Vec<Delivered>> {
    digests
        .iter()
        .map(|d| {
            Ok(Delivered {
                invitee: d.assignee.clone(),
                file: Some(write_file(dir, &d.file_name, &d.text)?),
                sent_to: None,
            })
        })
        .collect()
}

/// Mails each assignee their digest. Needs the right to follow up tasks in every body
/// the digests cover; refused before anything is sent when there is no sendmail.
pub fn mail_digests(ctx: &Context, digests: &[AssigneeDigest]) -> Result<Mailing> {
    let mut bodies: Vec<i64> = digests
        .iter()
        .flat_map(|d| d.tasks.iter().map(|t| t.body_id))
        .collect();
    bodies.sort_unstable();
    bodies.dedup();
    for b in bodies {
        authz::check(ctx, Activity::ManageTasks, Some(b))?;
    }
    let mailer = Mailer::new()?;
    let from = sender(ctx)?;
    let mut m = Mailing::default();
    for d in digests {
        let Some(address) = d.assignee.email().map(str::to_string) else {
            m.without_email.push(d.assignee.clone());
            continue;
        };
        let letter = Letter {
            subject: d.subject.clone(),
            text: d.text.clone(),
            html: None,
            ics: None,
        };
        match mailbox(&d.assignee.name, &address).and_then(|to| mailer.send(&from, &to, &letter)) {
            Ok(()) => m.sent.push(Delivered {
                invitee: d.assignee.clone(),
                file: None,
                sent_to: Some(address),
            }),
            Err(e) => {
                m.failed
                    .push((d.assignee.clone(), e.message(ctx.prefs.lang)));
            }
        }
    }
    Ok(m)
}
