//! `shura session invite S [--format md|html|ics] [-o DIR] [--mail] [--json]` and
//! `shura report overdue --by-assignee [--mail] [-o DIR] [--json]`: the documents come
//! from `ops::invitations`; this file parses flags and says what became of each.
//!
//! With `--mail`, an invitee (or assignee) without a mail address is named on standard
//! output and the command exits 1 after the others were sent.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;
use serde::Serialize;

use super::commands::say;
use super::{json, CliError, CliResult};
use crate::locale::digits::localize_digits;
use crate::locale::strings::{tf, Msg};
use crate::locale::text::sanitize_line;
use crate::ops::invitations::{self, Delivered, Format, Invitee, Mailing};
use crate::ops::Context;

type Out<'a> = &'a mut dyn Write;

#[derive(Debug, Args)]
pub struct SessionInvite {
    /// A session id, or BODY#NUMBER
    pub session: String,
    /// md (Markdown), html or ics (an iCalendar request)
    #[arg(long, default_value = "md")]
    pub format: String,
    /// The directory the files go to (default: the current directory)
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
    /// Mail each invitation through the server's sendmail instead of writing files
    #[arg(long)]
    pub mail: bool,
    /// Print what was written or sent as JSON
    #[arg(long)]
    pub json: bool,
}

fn shown(who: &Invitee) -> String {
    sanitize_line(&who.name).into_owned()
}

#[derive(Serialize)]
struct Report<'a> {
    session: Option<i64>,
    written: &'a [Delivered],
    sent: &'a [Delivered],
    without_email: &'a [Invitee],
    failed: Vec<FailedJson<'a>>,
}

#[derive(Serialize)]
struct FailedJson<'a> {
    invitee: &'a Invitee,
    message: &'a str,
}

fn failed_json(m: &Mailing) -> Vec<FailedJson<'_>> {
    m.failed
        .iter()
        .map(|(i, msg)| FailedJson {
            invitee: i,
            message: msg,
        })
        .collect()
}

/// Says what a mailing did; an error (exit 1) when someone got nothing.
fn mailing_result(
    ctx: &Context,
    m: &Mailing,
    sent_msg: Msg,
    none_msg: Msg,
    session: Option<i64>,
    json_out: bool,
    out: Out,
) -> CliResult {
    let lang = ctx.prefs.lang;
    if json_out {
        super::commands::print_json(
            out,
            &Report {
                session,
                written: &[],
                sent: &m.sent,
                without_email: &m.without_email,
                failed: failed_json(m),
            },
        )?;
    } else {
        for d in &m.sent {
            let to = d.sent_to.as_deref().unwrap_or_default();
            say(
                out,
                ctx.prefs,
                sent_msg,
                &[&shown(&d.invitee), &sanitize_line(to)],
            )?;
        }
        for i in &m.without_email {
            say(out, ctx.prefs, none_msg, &[&shown(i)])?;
        }
        for (_, why) in &m.failed {
            writeln!(out, "{}", super::table::display_line(why, ctx.prefs))?;
        }
    }
    if m.complete() {
        return Ok(());
    }
    let n = |x: usize| localize_digits(&x.to_string(), lang);
    let unsent = m.without_email.len() + m.failed.len();
    let total = unsent + m.sent.len();
    Err(CliError::failure(tf(
        lang,
        Msg::CliMailUnsent,
        &[&n(unsent), &n(total)],
    )))
}

fn written_result(
    ctx: &Context,
    written: &[Delivered],
    msg: Msg,
    session: Option<i64>,
    json_out: bool,
    out: Out,
) -> CliResult {
    if json_out {
        return super::commands::print_json(
            out,
            &Report {
                session,
                written,
                sent: &[],
                without_email: &[],
                failed: vec![],
            },
        );
    }
    for d in written {
        let file = d
            .file
            .as_ref()
            .map(|f| f.display().to_string())
            .unwrap_or_default();
        say(
            out,
            ctx.prefs,
            msg,
            &[&shown(&d.invitee), &sanitize_line(&file)],
        )?;
    }
    Ok(())
}

fn output_dir(o: &Option<PathBuf>) -> PathBuf {
    o.clone().unwrap_or_else(|| PathBuf::from("."))
}

pub fn session_invite(ctx: &mut Context, a: &SessionInvite, out: Out) -> CliResult {
    let lang = ctx.prefs.lang;
    let format = Format::parse(&a.format).ok_or_else(|| {
        CliError::usage(super::unknown_value(
            lang,
            Msg::WhatFormat,
            &a.format,
            "md, html, ics",
        ))
    })?;
    let s = ctx.store.find_session(&a.session)?;
    if a.mail {
        let m = invitations::mail_invitations(ctx, s.id, format)?;
        if m.sent.is_empty() && m.without_email.is_empty() && m.failed.is_empty() {
            say(out, ctx.prefs, Msg::CliInviteNobody, &[&s.id.to_string()])?;
        }
        return mailing_result(
            ctx,
            &m,
            Msg::CliInviteSent,
            Msg::CliInviteNoEmail,
            Some(s.id),
            a.json,
            out,
        );
    }
    let written = invitations::write_invitations(ctx, s.id, format, &output_dir(&a.output))?;
    if written.is_empty() && !a.json {
        say(out, ctx.prefs, Msg::CliInviteNobody, &[&s.id.to_string()])?;
    }
    written_result(
        ctx,
        &written,
        Msg::CliInviteWritten,
        Some(s.id),
        a.json,
        out,
    )
}

/// `report overdue --by-assignee`: one digest per assignee, printed, written to `-o DIR`
/// or mailed.
pub fn digests_by_assignee(
    ctx: &mut Context,
    scope: Option<&[i64]>,
    md: bool,
    mail: bool,
    output: &Option<PathBuf>,
    json_out: bool,
    out: Out,
) -> CliResult {
    let (digests, no_person) = invitations::assignee_digests(ctx, scope, md)?;
    if no_person > 0 && !json_out {
        say(
            out,
            ctx.prefs,
            Msg::CliDigestNoPerson,
            &[&no_person.to_string()],
        )?;
    }
    if digests.is_empty() && !json_out {
        say(out, ctx.prefs, Msg::CliDigestNobody, &[])?;
        return Ok(());
    }
    if mail {
        let m = invitations::mail_digests(ctx, &digests)?;
        return mailing_result(
            ctx,
            &m,
            Msg::CliDigestSent,
            Msg::CliDigestNoEmail,
            None,
            json_out,
            out,
        );
    }
    if let Some(dir) = output {
        let written = invitations::write_digests(&digests, dir)?;
        return written_result(ctx, &written, Msg::CliDigestWritten, None, json_out, out);
    }
    if json_out {
        #[derive(Serialize)]
        struct Shown<'a> {
            assignee: &'a Invitee,
            subject: &'a str,
            tasks: &'a [crate::ops::dashboard::OverdueTask],
        }
        let all: Vec<Shown> = digests
            .iter()
            .map(|d| Shown {
                assignee: &d.assignee,
                subject: &d.subject,
                tasks: &d.tasks,
            })
            .collect();
        writeln!(out, "{}", json::to_string(&all)?)?;
        return Ok(());
    }
    for (i, d) in digests.iter().enumerate() {
        if i > 0 {
            writeln!(out, "\n---\n")?;
        }
        out.write_all(d.text.as_bytes())?;
    }
    Ok(())
}
