//! One function per subcommand.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use super::args::*;
use super::table::{display_line, display_text, Table};
use super::{json, CliError, CliResult};
use crate::identity::Actor;
use crate::locale::calendar::{format_date, jalali_string, weekday_name};
use crate::locale::digits::localize_digits;
use crate::locale::strings::{t, tf, Msg};
use crate::locale::Prefs;
use crate::locale::{Calendar, Lang, Localized};
use crate::model::agenda::agenda_labels;
use crate::model::roles::Activity;
use crate::model::rules::{MeetingRule, QuorumRule};
use crate::model::*;
use crate::ops::record::visible_record;
use crate::ops::Context;
use crate::ops::{self, authz};
use crate::store::read::{ResolutionFilter, TaskFilter};
use crate::store::write::*;
use crate::store::Store;
use chrono::Datelike;

pub(super) type Out<'a> = &'a mut dyn Write;

/// A status or role in a confirmation: the stable code in English (scripts read it),
/// the label in Persian.
pub(super) fn term<'a>(prefs: Prefs, code: &'a str, label: &'a str) -> &'a str {
    match prefs.lang {
        Lang::En => code,
        Lang::Fa => label,
    }
}

/// A confirmation from the catalogue, filled in, in the user's language.
pub(super) fn say(out: Out, prefs: Prefs, msg: Msg, args: &[&str]) -> CliResult {
    // In Persian, a value that is only a number (an id, a count, a resolution number
    // such as 1405/3/10) is written in Persian digits, as on the screens; names and
    // titles are left as typed.
    let localized: Vec<String> = args
        .iter()
        .map(|a| {
            let numeric = !a.is_empty()
                && a.chars().any(|c| c.is_ascii_digit())
                && a.chars().all(|c| c.is_ascii_digit() || "/-.:%".contains(c));
            if prefs.lang == Lang::Fa && numeric {
                crate::locale::digits::localize_digits(a, prefs.lang)
            } else {
                a.to_string()
            }
        })
        .collect();
    let args: Vec<&str> = localized.iter().map(String::as_str).collect();
    let text = crate::locale::strings::tf(prefs.lang, msg, &args);
    writeln!(out, "{}", display_line(&text, prefs))?;
    Ok(())
}

pub(super) fn print_json<T: Serialize>(out: Out, value: &T) -> CliResult {
    writeln!(out, "{}", json::to_string(value)?)?;
    Ok(())
}

fn name_arg(name: &Option<String>, fa: &Option<String>, en: &Option<String>) -> Name {
    let mut n = Name::new(fa.clone(), en.clone());
    if let Some(single) = name {
        let guessed = Name::guess(single);
        if n.fa.is_none() {
            n.fa = guessed.fa;
        }
        if n.en.is_none() {
            n.en = guessed.en;
        }
    }
    n
}

pub fn dispatch(ctx: &mut Context, command: &Command, out: Out) -> CliResult {
    match command {
        Command::Init(_) => {
            let version = ctx.store.schema_version()?;
            say(
                out,
                ctx.prefs,
                Msg::CliInitReady,
                &[
                    &crate::locale::text::sanitize_line(&ctx.store.path.display().to_string()),
                    &version.to_string(),
                ],
            )?;
            Ok(())
        }
        Command::Demo(_) | Command::Date(_) => Ok(()),
        Command::Body(BodyCmd::List(a)) => body_list(ctx, a.json, out),
        Command::Body(BodyCmd::Add(a)) => body_add(ctx, a, out),
        Command::Body(BodyCmd::Show(a)) => body_show(ctx, a, out),
        Command::Body(BodyCmd::Edit(a)) => body_edit(ctx, a, out),
        Command::Motion(c) => super::meeting::motion(ctx, c, out),
        Command::Term(c) => super::terms::term(ctx, c, out),
        Command::Letter(c) => super::letters::letter(ctx, c, out),
        Command::Checklist(c) => super::evaluation::checklist(ctx, c, out),
        Command::Visit(c) => super::evaluation::visit(ctx, c, out),
        Command::Goal(c) => super::plans::goal(ctx, c, out),
        Command::Policy(c) => super::plans::policy(ctx, c, out),
        Command::Indicator(c) => super::plans::indicator(ctx, c, out),
        Command::Vote(a) => super::meeting::vote_own(ctx, a, out),
        Command::Conflict(c) => super::meeting::conflict(ctx, c, out),
        Command::Consent(c) => super::meeting::consent(ctx, c, out),
        Command::Agenda(AgendaCmd::Consent(a)) => super::meeting::agenda_consent(ctx, a, out),
        Command::Person(PersonCmd::List(a)) => person_list(ctx, a.json, out),
        Command::Person(PersonCmd::Add(a)) => person_add(ctx, a, out),
        Command::Person(PersonCmd::Edit(a)) => super::corrections::person_edit(ctx, a, out),
        Command::Member(MemberCmd::Edit(a)) => super::corrections::member_edit(ctx, a, out),
        Command::Member(MemberCmd::End(a)) => super::corrections::member_end(ctx, a, out),
        Command::Guest(GuestCmd::Edit(a)) => super::corrections::guest_edit(ctx, a, out),
        Command::Guest(GuestCmd::Remove(a)) => super::corrections::guest_remove(ctx, a, out),
        Command::Resolution(ResolutionCmd::Edit(a)) => {
            super::corrections::resolution_edit(ctx, a, out)
        }
        Command::Task(TaskCmd::Edit(a)) => super::corrections::task_edit(ctx, a, out),
        Command::Agenda(AgendaCmd::Edit(a)) => super::corrections::agenda_edit(ctx, a, out),
        Command::Agenda(AgendaCmd::Remove(a)) => super::corrections::agenda_remove(ctx, a, out),
        Command::Member(MemberCmd::List(a)) => member_list(ctx, a, out),
        Command::Member(MemberCmd::Add(a)) => member_add(ctx, a, out),
        Command::Session(SessionCmd::List(a)) => session_list(ctx, a, out),
        Command::Session(SessionCmd::Add(a)) => session_add(ctx, a, out),
        Command::Session(SessionCmd::Show(a)) => session_show(ctx, a, out),
        Command::Session(SessionCmd::Open(a)) => session_clock(ctx, a, Clock::Open, out),
        Command::Session(SessionCmd::Close(a)) => session_clock(ctx, a, Clock::Close, out),
        Command::Session(SessionCmd::Recess(a)) => session_clock(ctx, a, Clock::Recess, out),
        Command::Session(SessionCmd::Resume(a)) => session_clock(ctx, a, Clock::Resume, out),
        Command::Session(SessionCmd::Correct(a)) => session_correct(ctx, a, out),
        Command::Session(SessionCmd::Approve(a)) => {
            session_status(ctx, &a.session, SessionStatus::Approved, out)
        }
        Command::Session(SessionCmd::Invite(a)) => super::invitations::session_invite(ctx, a, out),
        Command::Session(SessionCmd::Cancel(a)) => {
            session_status(ctx, &a.session, SessionStatus::Cancelled, out)
        }
        Command::Agenda(AgendaCmd::Add(a)) => agenda_add(ctx, a, out),
        Command::Agenda(AgendaCmd::List(a)) => agenda_list(ctx, a, out),
        Command::Agenda(AgendaCmd::Move(a)) => agenda_move(ctx, a, out),
        Command::Agenda(AgendaCmd::Closed(a)) => {
            ops::agenda::set_closed(ctx, a.item, !a.off)?;
            say(
                out,
                ctx.prefs,
                if a.off {
                    Msg::CliItemOpen
                } else {
                    Msg::CliItemClosed
                },
                &[&a.item.to_string()],
            )
        }
        Command::Agenda(AgendaCmd::SetStatus(a)) => {
            let status = AgendaStatus::parse(&a.status)?;
            ops::agenda::set_item_status(ctx, a.item, status)?;
            say(
                out,
                ctx.prefs,
                Msg::CliItemStatus,
                &[
                    &a.item.to_string(),
                    term(ctx.prefs, status.code(), status.label(ctx.prefs.lang)),
                ],
            )?;
            Ok(())
        }
        Command::Minutes(MinutesCmd::Set(a)) => minutes_set(ctx, a, out),
        Command::Minutes(MinutesCmd::Sign(a)) => super::signatures::sign(ctx, a, out),
        Command::Minutes(MinutesCmd::Signatures(a)) => super::signatures::list(ctx, a, out),
        Command::Minutes(MinutesCmd::Verify(a)) => super::signatures::verify(ctx, a, out),
        Command::Attend(a) => attend(ctx, a, out),
        Command::Guest(GuestCmd::Add(a)) => {
            let s = ctx.store.find_session(&a.session)?;
            let id = ops::sessions::invite_guest_with_email(
                ctx,
                s.id,
                &a.name,
                a.organization.clone(),
                a.email.clone(),
            )?;
            say(
                out,
                ctx.prefs,
                Msg::CliGuestInvited,
                &[&id.to_string(), &s.id.to_string()],
            )?;
            Ok(())
        }
        Command::Resolution(ResolutionCmd::List(a)) => resolution_list(ctx, a, out),
        Command::Resolution(ResolutionCmd::Add(a)) => resolution_add(ctx, a, out),
        Command::Resolution(ResolutionCmd::SetStatus(a)) => {
            let session_id = match &a.session {
                Some(s) => Some(ctx.store.find_session(s)?.id),
                None => None,
            };
            let r = ops::tasks::follow_up_resolution(
                ctx,
                &ResolutionProgress {
                    resolution_id: a.id,
                    status: Some(WorkStatus::parse(&a.status)?),
                    note: a.note.clone(),
                    session_id,
                    on: Some(ctx.today),
                    expected_version: None,
                },
            )?;
            if a.json {
                return print_json(out, &r);
            }
            say(
                out,
                ctx.prefs,
                Msg::CliResolutionStatus,
                &[
                    &r.id.to_string(),
                    &r.number,
                    term(ctx.prefs, r.status.code(), r.status.label(ctx.prefs.lang)),
                ],
            )?;
            Ok(())
        }
        Command::Resolution(ResolutionCmd::Show(a)) => resolution_show(ctx, a, out),
        Command::Resolution(ResolutionCmd::Send(a)) => super::legal::send(ctx, a, out),
        Command::Resolution(ResolutionCmd::Acknowledge(a)) => {
            super::legal::acknowledge(ctx, a, out)
        }
        Command::Resolution(ResolutionCmd::Object(a)) => super::legal::object(ctx, a, out),
        Command::Resolution(ResolutionCmd::Answer(a)) => super::legal::answer(ctx, a, out),
        Command::Resolution(ResolutionCmd::Ruling(a)) => super::legal::ruling(ctx, a, out),
        Command::Resolution(ResolutionCmd::Legal(a)) => super::legal::legal(ctx, a, out),
        Command::Law(c) => super::legal::law(ctx, c, out),
        Command::Holiday(c) => super::legal::holiday(ctx, c, out),
        Command::Task(TaskCmd::List(a)) => task_list(ctx, a, out),
        Command::Task(TaskCmd::Add(a)) => task_add(ctx, a, out),
        Command::Task(TaskCmd::Update(a)) => task_update(ctx, a, out),
        Command::Task(TaskCmd::Done(a)) => {
            let session = match &a.session {
                Some(s) => Some(ctx.store.find_session(s)?.id),
                None => None,
            };
            let task = ops::tasks::record_progress(
                ctx,
                &TaskProgress {
                    task_id: a.id,
                    status: Some(WorkStatus::Done),
                    percent: Some(100),
                    note: a.note.clone(),
                    session_id: session,
                    due: None,
                    on: Some(ctx.today),
                    expected_version: None,
                },
            )?;
            say(out, ctx.prefs, Msg::CliTaskDone, &[&task.id.to_string()])?;
            Ok(())
        }
        Command::Cal(a) => cal(ctx, a, out),
        Command::Search(a) => search(ctx, a, out),
        Command::Export(ExportCmd::Minutes(a)) => export_minutes(ctx, a, out),
        Command::Export(ExportCmd::Ics(a)) => super::reports::export_ics(ctx, a, out),
        Command::Export(ExportCmd::Csv(a)) => super::reports::export_csv(ctx, a, out),
        Command::Report(a) => super::reports::report(ctx, a, out),
        Command::Dashboard(a) => super::reports::dashboard_cmd(ctx, a, out),
        Command::Audit(AuditCmd::Log(a)) => {
            // Entries carry snapshots of records, confidential ones included.
            authz::check(ctx, Activity::ReadAuditLog, None)?;
            audit_log(ctx, a, out)
        }
        Command::Audit(AuditCmd::Verify) => {
            let mut v = ctx.store.audit_verify()?;
            v.problems.extend(ctx.store.verify_approved_heads()?);
            if v.problems.is_empty() {
                say(
                    out,
                    ctx.prefs,
                    Msg::AuditIntact,
                    &[
                        &v.entries.to_string(),
                        &v.head,
                        &ctx.store.approved_heads()?.to_string(),
                    ],
                )?;
                Ok(())
            } else {
                let lang = ctx.prefs.lang;
                for p in &v.problems {
                    writeln!(out, "{}", display_line(&p.message(lang), ctx.prefs))?;
                }
                Err(CliError::failure(tf(
                    lang,
                    Msg::AuditBroken,
                    &[&localize_digits(&v.problems.len().to_string(), lang)],
                )))
            }
        }
        Command::Whoami(a) => whoami(ctx, a, out),
        Command::Admin(cmd) => admin(ctx, cmd, out),
        Command::Doctor(_) => Ok(()),
    }
}

// ----- demo, date, whoami (before or without a database) -----

pub fn demo(path: &Path, a: &DemoArgs, prefs: Prefs, actor: Actor) -> CliResult {
    let lang = match &a.text_lang {
        Some(l) => Lang::parse(l).ok_or_else(|| {
            CliError::usage(super::unknown_value(
                prefs.lang,
                Msg::WhatLanguage,
                l,
                "en, fa",
            ))
        })?,
        None => prefs.lang,
    };
    if let Some(scale) = a.scale {
        if !(scale > 0.0 && scale <= 10.0) {
            return Err(CliError::usage(tf(
                prefs.lang,
                Msg::CliScaleInvalid,
                &[&scale.to_string()],
            )));
        }
    }
    if path.exists() {
        let store = Store::open(path, actor.clone())?;
        if store.holds_data()? && !a.force {
            return Err(CliError::usage(tf(
                prefs.lang,
                Msg::CliDemoHoldsData,
                &[&path.display().to_string()],
            )));
        }
        if store.holds_data()? {
            // Replacing a database with data is set-up, for its administrators only.
            let ctx = Context::new(store, prefs);
            authz::check(&ctx, Activity::SetUpBodies, None)?;
            drop(ctx);
        } else {
            drop(store);
        }
        for suffix in ["", "-wal", "-shm"] {
            let p = std::path::PathBuf::from(format!("{}{suffix}", path.display()));
            if p.exists() {
                std::fs::remove_file(&p)?;
            }
        }
    }
    let mut store = Store::open(path, actor)?;
    let today = crate::store::today();
    let started = std::time::Instant::now();
    let summary = match a.scale {
        Some(scale) => crate::demo::generate_scale(&mut store, scale, today)?,
        None => crate::demo::load_demo(&mut store, lang, today)?,
    };
    println!(
        "{}: {} ({:.1} s)",
        crate::locale::text::sanitize_line(&path.display().to_string()),
        summary,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

#[derive(Serialize)]
struct DateRow {
    input: String,
    gregorian: String,
    jalali: String,
    weekday: String,
}

pub fn date(a: &DateArgs, prefs: Prefs) -> CliResult {
    let today = crate::store::today();
    let mut rows = Vec::new();
    for input in &a.dates {
        let d = crate::locale::dateparse::parse_date(input, today, prefs.calendar)?;
        rows.push(DateRow {
            input: input.clone(),
            gregorian: d.to_string(),
            jalali: jalali_string(d),
            weekday: weekday_name(d.weekday(), Lang::En).to_string(),
        });
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    if a.json {
        #[derive(Serialize)]
        struct J<'a> {
            gregorian: &'a str,
            jalali: &'a str,
            weekday: &'a str,
        }
        let js: Vec<J> = rows
            .iter()
            .map(|r| J {
                gregorian: &r.gregorian,
                jalali: &r.jalali,
                weekday: &r.weekday,
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&js)?)?;
    } else {
        for r in &rows {
            writeln!(out, "{}  {}  {}", r.gregorian, r.jalali, r.weekday)?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct Whoami {
    #[serde(flatten)]
    profile: authz::Profile,
    person: Option<Person>,
    /// Every membership of the person (as before roles: kept for scripts).
    memberships: Vec<WhoamiMembership>,
    database: String,
}

#[derive(Serialize)]
struct WhoamiMembership {
    body_id: i64,
    body: Name,
    role: Role,
    voting: bool,
}

pub fn whoami_without_db(a: &JsonFlag, actor: &Actor) -> CliResult {
    if a.json {
        println!(
            "{}",
            serde_json::to_string_pretty(
                &serde_json::json!({"uid": actor.uid, "login": actor.login})
            )?
        );
    } else {
        println!("{} (uid {}); no database yet", actor.login, actor.uid);
    }
    Ok(())
}

fn whoami(ctx: &mut Context, a: &JsonFlag, out: Out) -> CliResult {
    let profile = authz::profile(ctx)?;
    let person = match profile.person_id {
        Some(id) => Some(ctx.store.person(id)?),
        None => None,
    };
    let memberships = match &person {
        Some(p) => ctx
            .store
            .memberships_of(p.id)?
            .into_iter()
            .map(|(m, b)| WhoamiMembership {
                body_id: b.id,
                body: b.name,
                role: m.role,
                voting: m.voting,
            })
            .collect(),
        None => vec![],
    };
    let w = Whoami {
        profile,
        person,
        memberships,
        database: ctx.store.path.display().to_string(),
    };
    if a.json {
        return print_json(out, &w);
    }
    let lang = ctx.prefs.lang;
    let p = ctx.prefs;
    writeln!(
        out,
        "{} (uid {})",
        display_line(&w.profile.login, p),
        w.profile.uid
    )?;
    match &w.person {
        Some(person) => writeln!(out, "{}", display_line(person.name.get(lang), p))?,
        None => writeln!(out, "{}", display_line(t(lang, Msg::WhoamiNoPerson), p))?,
    }
    let admin = if w.profile.administrator {
        Msg::WhoamiAdministrator
    } else {
        Msg::WhoamiNotAdministrator
    };
    writeln!(out, "{}", display_line(t(lang, admin), p))?;
    for b in &w.profile.bodies {
        writeln!(out, "  {}", display_line(&authz::describe_body(b, lang), p))?;
    }
    if !w.profile.administrator {
        writeln!(out, "{}", display_line(t(lang, Msg::WhoamiElsewhere), p))?;
    }
    Ok(())
}

fn admin(ctx: &mut Context, cmd: &AdminCmd, out: Out) -> CliResult {
    match cmd {
        AdminCmd::List(a) => {
            let admins = ctx.store.administrators()?;
            if a.json {
                return print_json(out, &admins);
            }
            let lang = ctx.prefs.lang;
            let mut table = Table::new(&[
                t(lang, Msg::Login),
                t(lang, Msg::GrantedBy),
                t(lang, Msg::GrantedAt),
            ]);
            for ad in &admins {
                table.push(vec![
                    ad.login.clone(),
                    ad.granted_by.clone(),
                    ad.granted_at.clone(),
                ]);
            }
            write!(out, "{}", table.render(ctx.prefs))?;
        }
        AdminCmd::Grant(a) => {
            if crate::identity::uid_of(a.login.trim()).is_none() {
                eprintln!(
                    "shura: {}",
                    tf(
                        ctx.prefs.lang,
                        Msg::CliNoUnixAccount,
                        &[&crate::locale::text::sanitize_line(&a.login)],
                    )
                );
            }
            let new = ops::setup::grant_administrator(ctx, &a.login)?;
            let msg = if new {
                Msg::CliAdminGranted
            } else {
                Msg::CliAdminAlready
            };
            say(out, ctx.prefs, msg, &[a.login.trim()])?;
        }
        AdminCmd::Revoke(a) => {
            ops::setup::revoke_administrator(ctx, &a.login)?;
            say(out, ctx.prefs, Msg::CliAdminRevoked, &[a.login.trim()])?;
        }
    }
    Ok(())
}

// ----- bodies and people -----

fn body_list(ctx: &mut Context, as_json: bool, out: Out) -> CliResult {
    let mut bodies = ctx.store.bodies()?;
    if ctx.prefs.lang == Lang::Fa {
        crate::locale::collate::sort_persian(&mut bodies, |b| b.name.get(Lang::Fa));
    }
    if as_json {
        let views: Vec<BodyView> = bodies
            .iter()
            .map(|b| body_view(b, ctx.prefs.lang))
            .collect();
        return print_json(out, &views);
    }
    let lang = ctx.prefs.lang;
    let mut table = Table::new(&[
        t(lang, Msg::Id),
        t(lang, Msg::Name),
        t(lang, Msg::Kind),
        t(lang, Msg::Parent),
        t(lang, Msg::Quorum),
        t(lang, Msg::MeetingRule),
        t(lang, Msg::CliVotingRule),
    ])
    .numeric(&[0, 3]);
    for b in &bodies {
        table.push(vec![
            b.id.to_string(),
            b.name.get(lang).to_string(),
            b.kind.label(lang).to_string(),
            b.parent_id.map(|p| p.to_string()).unwrap_or_default(),
            b.quorum.code(),
            b.meeting_rule.code(),
            b.procedure.voting_rule.describe(lang),
        ]);
    }
    write!(out, "{}", table.render(ctx.prefs))?;
    Ok(())
}

/// A body as `body list/show --json` print it: the record, with its voting rule by
/// code and in words.
#[derive(Serialize)]
struct BodyView<'a> {
    #[serde(flatten)]
    body: &'a Body,
    voting_rule: String,
    voting_rule_description: String,
    second_required: bool,
    number_rejected: bool,
}

fn body_view(b: &Body, lang: Lang) -> BodyView<'_> {
    BodyView {
        voting_rule: b.procedure.voting_rule.code(),
        voting_rule_description: b.procedure.voting_rule.describe(lang),
        second_required: b.procedure.second_required,
        number_rejected: b.procedure.number_rejected,
        body: b,
    }
}

/// The parts of a voting rule given as flags, read one by one.
fn rule_parts(f: &RuleFlags) -> CliResult<crate::model::voting::RuleParts> {
    use crate::model::voting::{Abstentions, RuleParts, Threshold, TieRule, VoteBasis};
    Ok(RuleParts {
        basis: f.vote_basis.as_deref().map(VoteBasis::parse).transpose()?,
        threshold: f.threshold.as_deref().map(Threshold::parse).transpose()?,
        abstentions: f
            .abstentions
            .as_deref()
            .map(Abstentions::parse)
            .transpose()?,
        tie: f.tie.as_deref().map(TieRule::parse).transpose()?,
    })
}

/// The change to a body's procedure the flags ask for.
fn procedure_change(
    f: &RuleFlags,
    quorum: Option<&str>,
    no_second: bool,
    no_number: bool,
) -> CliResult<crate::model::voting::ProcedureChange> {
    let switch = |on: bool, off: bool| match (on, off) {
        (true, _) => Some(true),
        (_, true) => Some(false),
        _ => None,
    };
    Ok(crate::model::voting::ProcedureChange {
        rule: f.voting_rule.clone(),
        parts: rule_parts(f)?,
        quorum: quorum.map(QuorumRule::parse).transpose()?,
        second_required: switch(f.second_required, no_second),
        number_rejected: switch(f.number_rejected, no_number),
    })
}

fn body_show(ctx: &mut Context, a: &BodyShow, out: Out) -> CliResult {
    let b = ctx.store.find_body(&a.body)?;
    let lang = ctx.prefs.lang;
    if a.json {
        return print_json(out, &body_view(&b, lang));
    }
    let p = ctx.prefs;
    let d = |n: i64| localize_digits(&n.to_string(), lang);
    writeln!(
        out,
        "{}",
        display_line(
            &format!(
                "{} {} — {} — {}",
                t(lang, Msg::Body),
                d(b.id),
                b.name.get(lang),
                b.kind.label(lang)
            ),
            p
        )
    )?;
    let line = |k: Msg, v: String| format!("{}: {}", t(lang, k), v);
    for l in [
        line(Msg::Quorum, b.quorum.code()),
        line(
            Msg::MeetingRule,
            match b.meeting_rule.code() {
                c if c.is_empty() => "—".to_string(),
                c => c,
            },
        ),
        line(Msg::CliVotingRule, b.procedure.voting_rule.describe(lang)),
    ] {
        writeln!(out, "{}", display_line(&l, p))?;
    }
    if b.procedure.second_required {
        writeln!(out, "{}", display_line(t(lang, Msg::CliSecondRequired), p))?;
    }
    if b.procedure.number_rejected {
        writeln!(out, "{}", display_line(t(lang, Msg::CliNumberRejected), p))?;
    }
    Ok(())
}

fn body_edit(ctx: &mut Context, a: &BodyEdit, out: Out) -> CliResult {
    let b = ctx.store.find_body(&a.body)?;
    let change = procedure_change(
        &a.rule,
        a.quorum.as_deref(),
        a.no_second_required,
        a.no_number_rejected,
    )?;
    let (procedure, quorum) = b.procedure.changed(b.quorum, &change)?;
    let changes = ops::corrections::BodyChanges {
        procedure: Some(procedure),
        quorum: Some(quorum),
        ..super::corrections::body_changes(ctx, &b, &a.fields)?
    };
    let b = ops::corrections::edit_body(ctx, b.id, &changes, Some(b.version))?;
    if a.json {
        return print_json(out, &body_view(&b, ctx.prefs.lang));
    }
    say(
        out,
        ctx.prefs,
        Msg::CliBodyEdited,
        &[
            &b.id.to_string(),
            &b.procedure.voting_rule.describe(ctx.prefs.lang),
            &b.quorum.code(),
        ],
    )
}

fn body_add(ctx: &mut Context, a: &BodyAdd, out: Out) -> CliResult {
    let name = name_arg(&a.name, &a.name_fa, &a.name_en);
    let parent_id = match &a.parent {
        Some(p) => Some(ctx.store.find_body(p)?.id),
        None => None,
    };
    let formed_on = match &a.formed {
        Some(d) => Some(ctx.parse_date(d)?),
        None => None,
    };
    let change = procedure_change(&a.rule, a.quorum.as_deref(), false, false)?;
    let (procedure, quorum) =
        crate::model::voting::Procedure::default().changed(QuorumRule::Majority, &change)?;
    let id = ops::setup::add_body(
        ctx,
        &NewBody {
            name,
            kind: BodyKind::parse(&a.kind)?,
            parent_id,
            quorum,
            meeting_rule: MeetingRule::parse(&a.meeting_rule)?,
            resolution_format: a.resolution_format.clone(),
            agenda_template: a.template_item.clone(),
            confidential: a.confidential,
            formed_on,
            procedure,
            agenda_closing: a
                .closing_item
                .iter()
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
                .collect(),
            number_per_term: a.number_per_term,
            fiscal_year: crate::model::rules::FiscalYear::parse(&a.fiscal_year)?,
            signing: Default::default(),
            law_profile: a.law_profile.trim().to_string(),
            absence_rule: crate::model::rules::AbsenceRule::parse(&a.absence_rule)?,
        },
    )?;
    if a.json {
        let b = ctx.store.body(id)?;
        return print_json(out, &body_view(&b, ctx.prefs.lang));
    }
    say(out, ctx.prefs, Msg::CliBodyAdded, &[&id.to_string()])?;
    Ok(())
}

fn person_list(ctx: &mut Context, as_json: bool, out: Out) -> CliResult {
    let mut people = ctx.store.people()?;
    if ctx.prefs.lang == Lang::Fa {
        crate::locale::collate::sort_persian(&mut people, |p| p.name.get(Lang::Fa));
    }
    if as_json {
        return print_json(out, &people);
    }
    let lang = ctx.prefs.lang;
    let mut table = Table::new(&[
        t(lang, Msg::Id),
        t(lang, Msg::Name),
        t(lang, Msg::Login),
        t(lang, Msg::Organization),
    ])
    .numeric(&[0]);
    for p in &people {
        table.push(vec![
            p.id.to_string(),
            p.name.get(lang).to_string(),
            p.login.clone().unwrap_or_default(),
            p.organization.clone().unwrap_or_default(),
        ]);
    }
    write!(out, "{}", table.render(ctx.prefs))?;
    Ok(())
}

fn person_add(ctx: &mut Context, a: &PersonAdd, out: Out) -> CliResult {
    let id = ops::setup::add_person(
        ctx,
        &NewPerson {
            name: name_arg(&a.name, &a.name_fa, &a.name_en),
            login: a.login.clone(),
            organization: a.organization.clone(),
            email: a.email.clone(),
        },
    )?;
    if a.json {
        return print_json(out, &ctx.store.person(id)?);
    }
    say(out, ctx.prefs, Msg::CliPersonAdded, &[&id.to_string()])?;
    Ok(())
}

fn member_list(ctx: &mut Context, a: &MemberList, out: Out) -> CliResult {
    let bodies = match &a.body {
        Some(b) => vec![ctx.store.find_body(b)?],
        None => ctx.store.bodies()?,
    };
    let mut rows = Vec::new();
    for b in &bodies {
        for m in ctx.store.members(b.id)? {
            rows.push((b.clone(), m));
        }
    }
    if a.json {
        let flat: Vec<_> = rows.iter().map(|(_, m)| m).collect();
        return print_json(out, &flat);
    }
    let lang = ctx.prefs.lang;
    let mut table = Table::new(&[
        t(lang, Msg::Id),
        t(lang, Msg::Body),
        t(lang, Msg::Name),
        t(lang, Msg::Role),
        t(lang, Msg::Voting),
        t(lang, Msg::Term),
        t(lang, Msg::MembershipColumn),
    ])
    .numeric(&[0, 6]);
    for (b, m) in &rows {
        let term = match (m.membership.term_start, m.membership.term_end) {
            (None, None) => String::new(),
            (s, e) => format!("{} – {}", ctx.opt_date(s), ctx.opt_date(e)),
        };
        table.push(vec![
            m.person.id.to_string(),
            b.name.get(lang).to_string(),
            m.person.name.get(lang).to_string(),
            m.membership.role.label(lang).to_string(),
            t(
                lang,
                if m.membership.voting {
                    Msg::Yes
                } else {
                    Msg::No
                },
            )
            .to_string(),
            term,
            m.membership.id.to_string(),
        ]);
    }
    write!(out, "{}", table.render(ctx.prefs))?;
    Ok(())
}

fn member_add(ctx: &mut Context, a: &MemberAdd, out: Out) -> CliResult {
    let body = ctx.store.find_body(&a.body)?;
    let role = Role::parse(&a.role)?;
    let term_start = a.from.as_deref().map(|d| ctx.parse_date(d)).transpose()?;
    let term_end = a.to.as_deref().map(|d| ctx.parse_date(d)).transpose()?;
    if let (Some(s), Some(e)) = (term_start, term_end) {
        if e < s {
            return Err(CliError::usage(tf(
                ctx.prefs.lang,
                Msg::CliTermEndBeforeStart,
                &[&ctx.date(e), &ctx.date(s)],
            )));
        }
    }
    let membership = NewMembership {
        body_id: body.id,
        person_id: 0,
        role,
        voting: !a.non_voting && role != Role::Observer,
        term_start,
        term_end,
    };
    let who = match (&a.person, &a.name) {
        (Some(p), _) => ops::setup::Member::Existing(ctx.store.find_person(p)?.id),
        // Found or created in the same transaction as the membership.
        (None, Some(name)) => ops::setup::Member::New(NewPerson {
            name: Name::guess(name),
            login: a.login.clone(),
            organization: a.organization.clone(),
            email: None,
        }),
        (None, None) => return Err(CliError::usage(t(ctx.prefs.lang, Msg::CliMemberAddNeeds))),
    };
    let (person_id, id) = ops::setup::add_member(ctx, &who, &membership)?;
    if a.json {
        let m = ctx
            .store
            .members(body.id)?
            .into_iter()
            .find(|m| m.membership.id == id);
        return print_json(out, &m);
    }
    say(
        out,
        ctx.prefs,
        Msg::CliMemberAdded,
        &[
            &person_id.to_string(),
            term(ctx.prefs, role.code(), role.label(ctx.prefs.lang)),
            &body.id.to_string(),
        ],
    )?;
    Ok(())
}

// ----- sessions -----

fn body_scope(ctx: &Context, body: &Option<String>, children: bool) -> CliResult<Option<Vec<i64>>> {
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

fn session_list(ctx: &mut Context, a: &SessionList, out: Out) -> CliResult {
    let scope = body_scope(ctx, &a.body, false)?;
    let statuses = match &a.status {
        Some(s) => vec![SessionStatus::parse(s)?],
        None => vec![],
    };
    let from = a.from.as_deref().map(|d| ctx.parse_date(d)).transpose()?;
    let to = a.to.as_deref().map(|d| ctx.parse_date(d)).transpose()?;
    let rows = ctx
        .store
        .sessions(scope.as_deref(), &statuses, from, to, None)?;
    if a.json {
        return print_json(out, &rows);
    }
    let lang = ctx.prefs.lang;
    let mut table = Table::new(&[
        t(lang, Msg::Id),
        t(lang, Msg::Body),
        t(lang, Msg::Number),
        t(lang, Msg::Date),
        t(lang, Msg::Kind),
        t(lang, Msg::Status),
        t(lang, Msg::Place),
    ])
    .numeric(&[0, 2]);
    for r in &rows {
        table.push(vec![
            r.session.id.to_string(),
            r.body_name.get(lang).to_string(),
            r.session.number_text(lang),
            ctx.date(r.session.date),
            r.session.kind.label(lang).to_string(),
            r.session.status.label(lang).to_string(),
            r.session.place.clone().unwrap_or_default(),
        ]);
    }
    write!(out, "{}", table.render(ctx.prefs))?;
    Ok(())
}

fn session_add(ctx: &mut Context, a: &SessionAdd, out: Out) -> CliResult {
    let body = ctx.store.find_body(&a.body)?;
    let date = ctx.parse_date(&a.date)?;
    let start_time = a.time.as_deref().map(check_time).transpose()?;
    let end_time = a.end.as_deref().map(check_time).transpose()?;
    let s = ops::sessions::schedule(
        ctx,
        &NewSession {
            body_id: body.id,
            kind: if a.extraordinary {
                SessionKind::Extraordinary
            } else {
                SessionKind::Regular
            },
            date,
            start_time,
            end_time,
            place: a.place.clone(),
            prepare_agenda: !a.empty_agenda,
            number: a
                .number
                .as_deref()
                .map(crate::model::numbering::parse_session_number)
                .transpose()?,
        },
    )?;
    if a.json {
        return print_json(out, &s);
    }
    say(
        out,
        ctx.prefs,
        Msg::CliSessionScheduled,
        &[
            &s.id.to_string(),
            &s.number_text(ctx.prefs.lang),
            &body.id.to_string(),
            &ctx.date(s.date),
        ],
    )?;
    Ok(())
}

fn session_show(ctx: &mut Context, a: &SessionShow, out: Out) -> CliResult {
    let s = ctx.store.find_session(&a.session)?;
    let rec = visible_record(&ctx.store, s, ctx.prefs.lang)?;
    if a.json {
        #[derive(Serialize)]
        struct Shown<'a> {
            #[serde(flatten)]
            record: &'a crate::ops::record::SessionRecord,
            #[serde(flatten)]
            approval: crate::ops::approval::ApprovalHistory,
        }
        let approval = ops::approval::history(ctx, rec.session.id)?;
        return print_json(
            out,
            &Shown {
                record: &rec,
                approval,
            },
        );
    }
    let lang = ctx.prefs.lang;
    let p = ctx.prefs;
    writeln!(
        out,
        "{}",
        display_line(
            &format!(
                "{} — {} {} — {} — {}",
                rec.body.name.get(lang),
                t(lang, Msg::Session),
                rec.session.number_text(lang),
                ctx.date(rec.session.date),
                rec.session.status.label(lang)
            ),
            p
        )
    )?;
    let q = rec.quorum;
    writeln!(
        out,
        "{}",
        display_line(
            &format!(
                "{}: {}",
                t(lang, Msg::Attendance),
                tf(
                    lang,
                    Msg::QuorumLine,
                    &[
                        &localize_digits(&q.present.to_string(), lang),
                        &localize_digits(&q.voting.to_string(), lang),
                        &localize_digits(&q.required.to_string(), lang),
                        t(
                            lang,
                            if q.met() {
                                Msg::QuorumMet
                            } else {
                                Msg::QuorumNotMet
                            }
                        ),
                    ]
                )
            ),
            p
        )
    )?;
    let times: Vec<String> = ops::clock::time_lines(&rec.timeline, lang)
        .into_iter()
        .map(|(what, when)| format!("{what} {when}"))
        .collect();
    if !times.is_empty() {
        writeln!(
            out,
            "{}",
            display_line(
                &format!("{}: {}", t(lang, Msg::ClockTimes), times.join(" · ")),
                p
            )
        )?;
    }
    let moves = ops::clock::movements(&rec.attendance, lang);
    if !moves.is_empty() {
        writeln!(
            out,
            "{}",
            display_line(
                &format!("{}: {}", t(lang, Msg::ClockArrivals), moves.join(" · ")),
                p
            )
        )?;
    }
    let motion_block = |out: Out, views: &[crate::ops::motions::MotionView]| -> CliResult {
        for v in views.iter().filter(|v| v.motion.amends.is_none()) {
            for line in crate::ops::export::motion_lines(v, views, lang) {
                writeln!(out, "{}", display_line(&format!("  {line}"), p))?;
            }
        }
        Ok(())
    };
    if !rec.motions.is_empty() {
        writeln!(out)?;
        motion_block(out, &rec.motions)?;
    }
    // Each item by its number on the agenda (7, 7.1), not its position.
    let items: Vec<AgendaItem> = rec.agenda.iter().map(|a| a.item.clone()).collect();
    let labels = agenda_labels(&items);
    for (item, number) in rec.agenda.iter().zip(&labels) {
        writeln!(out)?;
        if item.redacted {
            writeln!(
                out,
                "{}",
                display_line(
                    &tf(
                        lang,
                        Msg::MinutesClosedItem,
                        &[&localize_digits(number, lang)]
                    ),
                    p
                )
            )?;
            continue;
        }
        // A sub-item indented under its section; its kind and urgency named.
        let (indent, dot) = if number.contains('.') {
            ("  ", "")
        } else {
            ("", ".")
        };
        let kind = match item.item.kind {
            ItemKind::Item | ItemKind::Section => String::new(),
            k => format!("{}: ", k.label(lang)),
        };
        let urgency = item
            .item
            .urgency
            .map(|u| format!(" ({})", u.label(lang)))
            .unwrap_or_default();
        writeln!(
            out,
            "{}",
            display_line(
                &format!(
                    "{indent}{}{dot} {kind}{}{urgency}{}{}",
                    localize_digits(number, lang),
                    item.item.title,
                    // A section is a heading, with no status of its own.
                    if item.item.kind == ItemKind::Section {
                        String::new()
                    } else {
                        format!(" [{}]", item.item.status.label(lang))
                    },
                    if item.item.closed {
                        format!(" — {}", t(lang, Msg::MinutesClosedPart))
                    } else {
                        String::new()
                    }
                ),
                p
            )
        )?;
        if let Some(m) = &item.item.minutes {
            writeln!(out, "{}", display_text(m, p))?;
        }
        for r in &item.recusals {
            writeln!(
                out,
                "{}",
                display_line(
                    &format!("  {}", crate::ops::export::recusal_text(r, lang)),
                    p
                )
            )?;
        }
        motion_block(out, &item.motions)?;
        for r in &item.resolutions {
            // A resolution one of the item's motions became is told with the motion.
            let motion = item.votes_of(r.id).and_then(|v| v.motion_id);
            if motion.is_some_and(|m| item.motions.iter().any(|v| v.motion.id == m)) {
                continue;
            }
            writeln!(
                out,
                "{}",
                display_line(
                    &format!("  {} {}: {}", t(lang, Msg::Resolution), r.number, r.text),
                    p
                )
            )?;
        }
    }
    // The approved versions of its minutes, and the corrections opened on them.
    let history = ops::approval::history(ctx, rec.session.id)?;
    let d = |s: &str| localize_digits(s, lang);
    for a in &history.approvals {
        let line = tf(
            lang,
            Msg::CliShowApproval,
            &[
                &d(&a.version.to_string()),
                &a.approved_by,
                &d(&a.approved_at),
                &a.record_sha256,
            ],
        );
        writeln!(out, "{}", display_line(&line, p))?;
    }
    for c in &history.corrections {
        let state = match c.approved_version {
            Some(v) => tf(lang, Msg::CliShowCorrectionApproved, &[&d(&v.to_string())]),
            None => t(lang, Msg::CliShowCorrectionOpen).to_string(),
        };
        let line = tf(
            lang,
            Msg::CliShowCorrection,
            &[&d(&c.at_session_id.to_string()), &c.reason, &state],
        );
        writeln!(out, "{}", display_line(&line, p))?;
    }
    Ok(())
}

fn session_correct(ctx: &mut Context, a: &SessionCorrect, out: Out) -> CliResult {
    let s = ctx.store.find_session(&a.session)?;
    let at = ctx.store.find_session(&a.at)?;
    let c = ops::approval::open_correction(ctx, s.id, at.id, &a.reason)?;
    if a.json {
        return print_json(out, &c);
    }
    say(
        out,
        ctx.prefs,
        Msg::CliCorrectionOpened,
        &[&c.id.to_string(), &at.id.to_string(), &s.id.to_string()],
    )?;
    Ok(())
}

fn session_status(ctx: &mut Context, key: &str, to: SessionStatus, out: Out) -> CliResult {
    let s = ctx.store.find_session(key)?;
    let s = ops::sessions::set_status(ctx, s.id, to)?;
    say(
        out,
        ctx.prefs,
        Msg::CliSessionStatus,
        &[
            &s.id.to_string(),
            term(ctx.prefs, s.status.code(), s.status.label(ctx.prefs.lang)),
        ],
    )?;
    Ok(())
}

/// A step of a session's clock asked on the command line.
enum Clock {
    Open,
    Close,
    Recess,
    Resume,
}

fn session_clock(ctx: &mut Context, a: &SessionClock, step: Clock, out: Out) -> CliResult {
    let s = ctx.store.find_session(&a.session)?;
    let at = a.at.as_deref();
    let (session, event) = match step {
        Clock::Open => {
            let r = ops::clock::open(ctx, s.id, at)?;
            (r.session, r.event)
        }
        Clock::Close => {
            let r = ops::clock::close(ctx, s.id, at)?;
            (r.session, r.event)
        }
        Clock::Recess => (
            ctx.store.session(s.id)?,
            Some(ops::clock::recess(ctx, s.id, at)?),
        ),
        Clock::Resume => (
            ctx.store.session(s.id)?,
            Some(ops::clock::resume(ctx, s.id, at)?),
        ),
    };
    let session = ctx.store.session(session.id)?;
    if a.json {
        #[derive(Serialize)]
        struct Step<'a> {
            session: &'a Session,
            event: &'a Option<SessionEvent>,
        }
        return print_json(
            out,
            &Step {
                session: &session,
                event: &event,
            },
        );
    }
    let p = ctx.prefs;
    if matches!(step, Clock::Open | Clock::Close) {
        say(
            out,
            p,
            Msg::CliSessionStatus,
            &[
                &session.id.to_string(),
                term(p, session.status.code(), session.status.label(p.lang)),
            ],
        )?;
    }
    // The time the session went by: the event recorded, or the adjournment recorded
    // before closing.
    let shown = event.map(|e| (e.kind, e.at)).or_else(|| match step {
        Clock::Close => session
            .end_time
            .clone()
            .map(|at| (SessionEventKind::Adjourned, at)),
        _ => None,
    });
    if let Some((kind, at)) = shown {
        say(
            out,
            p,
            Msg::CliClockEvent,
            &[
                &session.id.to_string(),
                term(p, kind.code(), kind.label(p.lang)),
                &at,
            ],
        )?;
    }
    Ok(())
}

fn agenda_add(ctx: &mut Context, a: &AgendaAdd, out: Out) -> CliResult {
    let lang = ctx.prefs.lang;
    let (session, title) = match (&a.session, a.args.as_slice()) {
        (Some(s), [title]) => (s.clone(), title.clone()),
        (None, [s, title]) => (s.clone(), title.clone()),
        _ => return Err(CliError::usage(t(lang, Msg::CliAgendaAddArgs))),
    };
    let s = ctx.store.find_session(&session)?;
    let kind = match &a.kind {
        Some(k) => ItemKind::parse(k)?,
        None => ItemKind::Item,
    };
    let urgency = a.urgency.as_deref().map(Urgency::parse).transpose()?;
    let parent_id = match &a.under {
        Some(u) => Some(ops::agenda::find_item(ctx, s.id, u)?.id),
        None => None,
    };
    let signatories = ops::agenda::signatory_ids(ctx, &a.signatories)?;
    let id = ops::agenda::add_item(
        ctx,
        &NewAgendaItem {
            session_id: s.id,
            title,
            presenter: a.presenter.clone(),
            duration_min: a.duration,
            kind,
            parent_id,
            urgency,
            signatories,
        },
    )?;
    if a.json {
        let items = ctx.store.agenda(s.id)?;
        let signed = ops::agenda::signatories(ctx, s.id)?;
        let labels = agenda_labels(&items);
        if let Some(i) = items.iter().position(|i| i.id == id) {
            return print_json(out, &item_view(&items[i], &labels[i], &signed));
        }
    }
    say(
        out,
        ctx.prefs,
        Msg::CliItemAdded,
        &[&id.to_string(), &s.id.to_string()],
    )?;
    Ok(())
}

/// An agenda item as `agenda list --json` and `agenda add --json` print it: its
/// fields, its number on the agenda and the signatories of a members' proposal.
#[derive(Serialize)]
struct ItemView<'a> {
    #[serde(flatten)]
    item: &'a AgendaItem,
    number: String,
    signatories: Vec<SignatoryView>,
}

#[derive(Serialize)]
struct SignatoryView {
    id: i64,
    name: Name,
}

fn item_view<'a>(item: &'a AgendaItem, number: &str, signed: &[(i64, Person)]) -> ItemView<'a> {
    ItemView {
        item,
        number: number.to_string(),
        signatories: signed
            .iter()
            .filter(|(i, _)| *i == item.id)
            .map(|(_, p)| SignatoryView {
                id: p.id,
                name: p.name.clone(),
            })
            .collect(),
    }
}

fn agenda_list(ctx: &mut Context, a: &SessionShow, out: Out) -> CliResult {
    let s = ctx.store.find_session(&a.session)?;
    let session_id = s.id;
    // What the reader may see: an item taken in closed session is for members only.
    let record = visible_record(&ctx.store, s, ctx.prefs.lang)?;
    let redacted: Vec<i64> = record
        .agenda
        .iter()
        .filter(|a| a.redacted)
        .map(|a| a.item.id)
        .collect();
    let items: Vec<AgendaItem> = record.agenda.into_iter().map(|a| a.item).collect();
    let labels = agenda_labels(&items);
    let signed: Vec<(i64, Person)> = ops::agenda::signatories(ctx, session_id)?
        .into_iter()
        .filter(|(i, _)| !redacted.contains(i))
        .collect();
    if a.json {
        let views: Vec<ItemView> = items
            .iter()
            .zip(&labels)
            .map(|(i, l)| item_view(i, l, &signed))
            .collect();
        return print_json(out, &views);
    }
    let lang = ctx.prefs.lang;
    let mut table = Table::new(&[
        t(lang, Msg::Id),
        "#",
        t(lang, Msg::Title),
        t(lang, Msg::Kind),
        t(lang, Msg::AgendaUrgency),
        t(lang, Msg::AgendaSignatories),
        t(lang, Msg::Presenter),
        t(lang, Msg::Status),
    ])
    .numeric(&[0, 1]);
    for (i, label) in items.iter().zip(&labels) {
        let names: Vec<&str> = signed
            .iter()
            .filter(|(id, _)| *id == i.id)
            .map(|(_, p)| p.name.get(lang))
            .collect();
        table.push(vec![
            i.id.to_string(),
            label.clone(),
            if redacted.contains(&i.id) {
                // Left out for a reader who is not a member.
                t(lang, Msg::MinutesClosedPart).to_string()
            } else if i.parent_id.is_some() {
                format!("  {}", i.title)
            } else {
                i.title.clone()
            },
            if i.kind == ItemKind::Item {
                String::new()
            } else {
                i.kind.label(lang).to_string()
            },
            i.urgency.map(|u| u.label(lang)).unwrap_or("").to_string(),
            names.join(t(lang, Msg::ListSeparator)),
            i.presenter.clone().unwrap_or_default(),
            // A section is a heading, with no status of its own.
            if i.kind == ItemKind::Section {
                String::new()
            } else {
                i.status.label(lang).to_string()
            },
        ]);
    }
    write!(out, "{}", table.render(ctx.prefs))?;
    Ok(())
}

fn agenda_move(ctx: &mut Context, a: &AgendaMove, out: Out) -> CliResult {
    let lang = ctx.prefs.lang;
    let item = match &a.session {
        Some(key) => {
            let s = ctx.store.find_session(key)?;
            ops::agenda::find_item(ctx, s.id, &a.item)?
        }
        None => {
            let id = crate::locale::digits::to_latin_digits(a.item.trim())
                .parse::<i64>()
                .map_err(|_| {
                    CliError::usage(tf(lang, Msg::CliAgendaNumberNeedsSession, &[&a.item]))
                })?;
            ctx.store.agenda_item(id)?
        }
    };
    let number = ops::agenda::move_item_to(ctx, item.id, &a.to)?;
    if a.json {
        let items = ctx.store.agenda(item.session_id)?;
        let signed = ops::agenda::signatories(ctx, item.session_id)?;
        let labels = agenda_labels(&items);
        let views: Vec<ItemView> = items
            .iter()
            .zip(&labels)
            .map(|(i, l)| item_view(i, l, &signed))
            .collect();
        return print_json(out, &views);
    }
    say(
        out,
        ctx.prefs,
        Msg::CliItemMoved,
        &[&item.id.to_string(), &number],
    )?;
    Ok(())
}

fn minutes_set(ctx: &mut Context, a: &MinutesSet, out: Out) -> CliResult {
    let text = match (&a.text, &a.file) {
        (Some(t), None) if t == "-" => {
            let mut s = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut s)?;
            s
        }
        (Some(t), None) => t.clone(),
        (None, Some(f)) => std::fs::read_to_string(f).map_err(|e| {
            let l = ctx.prefs.lang;
            let why = super::io_why(&e, l);
            CliError::usage(tf(
                l,
                Msg::CliCannotReadMinutes,
                &[&f.display().to_string(), &why],
            ))
        })?,
        _ => return Err(CliError::usage(t(ctx.prefs.lang, Msg::CliMinutesSource))),
    };
    ops::agenda::set_minutes(ctx, a.item, &text, None)?;
    say(out, ctx.prefs, Msg::CliMinutesSaved, &[&a.item.to_string()])?;
    Ok(())
}

fn attend(ctx: &mut Context, a: &AttendArgs, out: Out) -> CliResult {
    let s = ctx.store.find_session(&a.session)?;
    let p = ctx.store.find_person(&a.person)?;
    let lang = ctx.prefs.lang;
    let left = a.presence.trim().eq_ignore_ascii_case("left")
        || a.presence.trim() == Msg::ClockLeftMark.text(Lang::Fa);
    // What was recorded: a departure or an arrival at a time, or a mark.
    let (timed, q, presence) = if left {
        let Some(at) = a.at.as_deref() else {
            return Err(CliError::usage(t(lang, Msg::CliClockAtNeeded)));
        };
        let (at, q) = ops::clock::depart(ctx, s.id, p.id, Some(at))?;
        (Some((Msg::CliClockLeft, at)), q, None)
    } else {
        let presence = Presence::parse(&a.presence)?;
        match (presence, a.at.as_deref()) {
            (Presence::Late, at) => {
                let (at, q) = ops::clock::arrive(ctx, s.id, p.id, at)?;
                (at.map(|at| (Msg::CliClockArrived, at)), q, Some(presence))
            }
            (_, Some(_)) => return Err(CliError::usage(t(lang, Msg::CliClockAtOnlyLateLeft))),
            (_, None) => {
                let q = ops::sessions::mark_attendance(ctx, s.id, p.id, presence)?;
                (None, q, Some(presence))
            }
        }
    };
    if a.json {
        let body = ctx.store.body(s.body_id)?;
        let (roll, _) = ops::record::roll_call(&ctx.store, &body, &s)?;
        #[derive(Serialize)]
        struct Marked<'a> {
            attendance: Option<&'a ops::record::AttendanceRow>,
            quorum: crate::model::rules::QuorumState,
        }
        return print_json(
            out,
            &Marked {
                attendance: roll.iter().find(|r| r.person_id == p.id),
                quorum: q,
            },
        );
    }
    let verdict = t(
        lang,
        if q.met() {
            Msg::QuorumMet
        } else {
            Msg::QuorumNotMet
        },
    );
    let (present, voting, required) = (
        q.present.to_string(),
        q.voting.to_string(),
        q.required.to_string(),
    );
    let id = p.id.to_string();
    match (timed, presence) {
        (Some((msg, at)), _) => say(
            out,
            ctx.prefs,
            msg,
            &[
                p.name.get(lang),
                &id,
                &at,
                &present,
                &voting,
                &required,
                verdict,
            ],
        ),
        (None, presence) => {
            let presence = presence.unwrap_or(Presence::Late);
            say(
                out,
                ctx.prefs,
                Msg::CliAttended,
                &[
                    p.name.get(lang),
                    &id,
                    term(ctx.prefs, presence.code(), presence.label(lang)),
                    &present,
                    &voting,
                    &required,
                    verdict,
                ],
            )
        }
    }
}

// ----- resolutions and tasks -----

fn resolution_list(ctx: &mut Context, a: &ResolutionList, out: Out) -> CliResult {
    let mut f = ResolutionFilter {
        body_ids: body_scope(ctx, &a.body, a.children)?,
        ..Default::default()
    };
    if let Some(s) = &a.status {
        f.statuses = vec![WorkStatus::parse(s)?];
    }
    if a.open {
        f.statuses = vec![WorkStatus::Open, WorkStatus::InProgress];
    }
    if a.overdue {
        f.overdue_on = Some(ctx.today);
    }
    if let Some(d) = &a.due_before {
        f.due_before = Some(ctx.parse_date(d)?);
    }
    if let Some(s) = &a.session {
        f.session_id = Some(ctx.store.find_session(s)?.id);
    }
    let rows = ctx.store.resolutions(&f)?;
    if a.json {
        return print_json(out, &rows);
    }
    let lang = ctx.prefs.lang;
    let mut table = Table::new(&[
        t(lang, Msg::Id),
        t(lang, Msg::Number),
        t(lang, Msg::Body),
        t(lang, Msg::Date),
        t(lang, Msg::Decision),
        t(lang, Msg::Status),
        t(lang, Msg::Due),
        t(lang, Msg::Text),
    ])
    // The number too, so Persian reads it in Persian digits (۱۳۹۷/۳۹/۴).
    .numeric(&[0, 1]);
    for r in &rows {
        let res = &r.resolution;
        table.push(vec![
            res.id.to_string(),
            res.number.clone(),
            r.body_name.get(lang).to_string(),
            ctx.date(res.created_on),
            res.decision.label(lang).to_string(),
            res.status.label(lang).to_string(),
            ctx.opt_date(res.due),
            res.text.clone(),
        ]);
    }
    write!(out, "{}", table.render(ctx.prefs))?;
    Ok(())
}

fn resolution_add(ctx: &mut Context, a: &ResolutionAdd, out: Out) -> CliResult {
    use crate::model::rules::VoteEntry;
    use crate::ops::resolutions::{record, DecidedAt, RecordResolution, Recorded};
    let at = match (&a.session, &a.body) {
        (Some(s), _) => DecidedAt::Session(ctx.store.find_session(s)?.id),
        (None, Some(b)) => DecidedAt::Body(ctx.store.find_body(b)?.id),
        (None, None) => return Err(CliError::usage(t(ctx.prefs.lang, Msg::CliResolutionNeeds))),
    };
    let vote = match (a.unanimous, a.votes.as_deref()) {
        (true, Some(_)) => {
            return Err(CliError::usage(t(
                ctx.prefs.lang,
                Msg::CliUnanimousAndVotes,
            )))
        }
        (true, None) if a.session.is_none() => {
            return Err(CliError::usage(t(
                ctx.prefs.lang,
                Msg::CliUnanimousNeedsSession,
            )))
        }
        (true, None) => VoteEntry::Unanimous,
        (false, Some(v)) => VoteEntry::parse(v)?,
        (false, None) => VoteEntry::NotTaken,
    };
    let due = a.due.as_deref().map(|d| ctx.parse_date(d)).transpose()?;
    let input = RecordResolution {
        at,
        agenda_item_id: a.item,
        text: a.text.clone(),
        decision: a.decision.as_deref().map(Decision::parse).transpose()?,
        vote,
        member_votes: Vec::new(),
        owner: a.owner.clone(),
        due,
        without_quorum: a.without_quorum,
        number: a.number.clone(),
    };
    let r = match record(ctx, &input)? {
        Recorded::Saved(r) => r,
        Recorded::Failed(v) => {
            if a.json {
                let view =
                    ops::motions::motion_view(&ctx.store, v.motion.clone(), &[], ctx.prefs.lang)?;
                return print_json(
                    out,
                    &serde_json::json!({
                        "decision": "rejected",
                        "resolution": null,
                        "motion": view,
                        "outcome": view.outcome,
                    }),
                );
            }
            writeln!(out, "{}", v.outcome.explanation(ctx.prefs.lang))?;
            return Ok(());
        }
        Recorded::NeedsQuorumConfirmation(q) => {
            return Err(
                crate::store::StoreError::Refused(crate::store::Refusal::NoQuorum {
                    present: q.present,
                    voting: q.voting,
                    required: q.required,
                })
                .into(),
            );
        }
    };
    if a.json {
        let motion = match ctx.store.motion_of_resolution(r.id)? {
            Some(m) => Some(ops::motions::motion_view(
                &ctx.store,
                m,
                &[],
                ctx.prefs.lang,
            )?),
            None => None,
        };
        let outcome = motion.as_ref().and_then(|m| m.outcome.clone());
        let mut page = serde_json::to_value(&r)?;
        if let Some(obj) = page.as_object_mut() {
            obj.insert("outcome".into(), serde_json::to_value(&outcome)?);
            obj.insert("motion".into(), serde_json::to_value(&motion)?);
        }
        return print_json(out, &page);
    }
    say(
        out,
        ctx.prefs,
        Msg::CliResolutionRecorded,
        &[&r.id.to_string(), &r.number],
    )?;
    Ok(())
}

#[derive(Serialize)]
struct ResolutionPage {
    #[serde(flatten)]
    resolution: Resolution,
    votes: Vec<VoteRow>,
    /// The vote's outcome under the rule, when the resolution came from a motion.
    outcome: Option<ops::motions::OutcomeView>,
    /// Members recused on it, with their reasons.
    recused: Vec<ops::motions::Recusal>,
    /// The motion it came from (mover, seconder, amendments).
    motion: Option<super::meeting::MotionPage>,
    /// Follow-ups recorded on the resolution itself (status and note), oldest first.
    updates: Vec<ResolutionUpdate>,
    tasks: Vec<TaskWithUpdates>,
    /// The letters of the secretariat's register linked to it.
    letters: Vec<crate::model::letters::Letter>,
    history: Vec<crate::store::audit::AuditEntry>,
}

#[derive(Serialize)]
struct VoteRow {
    person_id: i64,
    person: String,
    vote: Vote,
}

#[derive(Serialize)]
struct TaskWithUpdates {
    #[serde(flatten)]
    task: crate::store::read::TaskRow,
    updates: Vec<TaskUpdate>,
}

fn resolution_show(ctx: &mut Context, a: &ResolutionShow, out: Out) -> CliResult {
    let r = ctx.store.resolution(a.id)?;
    let mut tasks = Vec::new();
    for t in ctx.store.tasks(&TaskFilter {
        resolution_id: Some(r.id),
        ..Default::default()
    })? {
        let updates = ctx.store.task_updates(t.task.id)?;
        tasks.push(TaskWithUpdates { task: t, updates });
    }
    let lang = ctx.prefs.lang;
    let motion = match ctx.store.motion_of_resolution(r.id)? {
        Some(m) => Some(super::meeting::page(ctx, m)?),
        None => None,
    };
    let page = ResolutionPage {
        votes: ctx
            .store
            .votes(r.id)?
            .into_iter()
            .map(|(person_id, vote)| VoteRow {
                person_id,
                person: ctx
                    .store
                    .person(person_id)
                    .map(|p| p.name.get(lang).to_string())
                    .unwrap_or_default(),
                vote,
            })
            .collect(),
        outcome: motion.as_ref().and_then(|m| m.view.outcome.clone()),
        recused: motion
            .as_ref()
            .map(|m| m.view.recused.clone())
            .unwrap_or_default(),
        motion,
        history: ctx.store.audit_list(Some("resolution"), Some(r.id), 100)?,
        updates: ctx.store.resolution_updates(r.id)?,
        letters: ops::letters::of_resolution(ctx, r.id)?,
        resolution: r,
        tasks,
    };
    if a.json {
        return print_json(out, &page);
    }
    let lang = ctx.prefs.lang;
    let p = ctx.prefs;
    let r = &page.resolution;
    writeln!(
        out,
        "{}",
        display_line(
            &format!(
                "{} {} — {} — {}",
                t(lang, Msg::Resolution),
                localize_digits(&r.number, lang),
                r.decision.label(lang),
                r.status.label(lang)
            ),
            p
        )
    )?;
    writeln!(out, "{}", display_text(&r.text, p))?;
    if let Some(tally) = &r.tally {
        let d = |n: i64| localize_digits(&n.to_string(), lang);
        let sep = t(lang, Msg::ListSeparator);
        writeln!(
            out,
            "{}",
            display_line(
                &format!(
                    "{}: {} {}{sep}{} {}{sep}{} {}",
                    t(lang, Msg::Votes),
                    d(tally.yes),
                    t(lang, Msg::For),
                    d(tally.no),
                    t(lang, Msg::Against),
                    d(tally.abstain),
                    t(lang, Msg::Abstain)
                ),
                p
            )
        )?;
    }
    // The outcome under the rule, the names on each side, and who was recused.
    let sides: Vec<ops::motions::MemberVote> = page
        .votes
        .iter()
        .map(|v| ops::motions::MemberVote {
            person_id: v.person_id,
            person: v.person.clone(),
            vote: match v.vote {
                Vote::Yes => crate::model::voting::Choice::Yes,
                Vote::No => crate::model::voting::Choice::No,
                Vote::Abstain => crate::model::voting::Choice::Abstain,
            },
        })
        .collect();
    super::meeting::outcome_lines(ctx, page.outcome.as_ref(), &sides, &page.recused, out)?;
    // How each member voted, when the vote was taken member by member.
    for v in &page.votes {
        let name = ctx
            .store
            .person(v.person_id)
            .map(|p| p.name.get(lang).to_string())
            .unwrap_or_else(|_| localize_digits(&v.person_id.to_string(), lang));
        writeln!(
            out,
            "{}",
            display_line(&format!("  {name}: {}", v.vote.label(lang)), p)
        )?;
    }
    // The day of an update ("2026-11-22T10:00:00Z") in the user's calendar.
    let day = |at: &str| -> String {
        at.get(..10)
            .and_then(|d| d.parse::<chrono::NaiveDate>().ok())
            .map(|d| ctx.date(d))
            .unwrap_or_else(|| at.to_string())
    };
    for u in &page.updates {
        let session = match u.session_id {
            Some(id) => match ctx.store.session(id) {
                Ok(s) => format!(" [{} {}]", t(lang, Msg::Session), s.number_text(lang)),
                Err(_) => String::new(),
            },
            None => String::new(),
        };
        writeln!(
            out,
            "{}",
            display_line(
                &format!(
                    "  {}{session} {} {} ({})",
                    day(&u.at),
                    u.status.label(lang),
                    u.note,
                    u.author
                ),
                p
            )
        )?;
    }
    for tw in &page.tasks {
        writeln!(
            out,
            "{}",
            display_line(
                &format!(
                    "- {} [{}] {} {}",
                    tw.task.task.title,
                    tw.task.task.status.label(lang),
                    t(lang, Msg::Due),
                    ctx.opt_date(tw.task.task.due)
                ),
                p
            )
        )?;
        for u in &tw.updates {
            writeln!(
                out,
                "{}",
                display_line(
                    &format!(
                        "    {} {}% {} ({})",
                        day(&u.at),
                        u.percent,
                        u.note,
                        u.author
                    ),
                    p
                )
            )?;
        }
    }
    for l in &page.letters {
        writeln!(
            out,
            "{}",
            display_line(&super::letters::letter_line(ctx, l), p)
        )?;
    }
    Ok(())
}

fn task_filter(ctx: &Context, a: &TaskList) -> CliResult<TaskFilter> {
    let mut f = TaskFilter {
        body_ids: body_scope(ctx, &a.body, a.children)?,
        resolution_id: a.resolution,
        ..Default::default()
    };
    if let Some(s) = &a.status {
        f.statuses = s
            .split(',')
            .map(WorkStatus::parse)
            .collect::<Result<Vec<_>, _>>()?;
    }
    if a.open {
        f.statuses = vec![WorkStatus::Open, WorkStatus::InProgress];
    }
    if a.overdue {
        f.overdue_on = Some(ctx.today);
    }
    if let Some(who) = &a.assignee {
        match ctx.store.find_person(who) {
            Ok(p) => f.assignee_id = Some(p.id),
            Err(crate::store::StoreError::NotFound { .. }) => {
                let unit = who.trim().to_string();
                if !ctx.store.unit_exists(&unit)? {
                    return Err(CliError::usage(tf(
                        ctx.prefs.lang,
                        Msg::CliAssigneeUnknown,
                        &[who],
                    )));
                }
                f.assignee_unit = Some(unit);
            }
            Err(e) => return Err(e.into()),
        }
    }
    if let Some(d) = &a.due_before {
        f.due_before = Some(ctx.parse_date(d)?);
    }
    Ok(f)
}

fn task_list(ctx: &mut Context, a: &TaskList, out: Out) -> CliResult {
    let f = task_filter(ctx, a)?;
    let rows = ctx.store.tasks(&f)?;
    if a.json {
        return print_json(out, &rows);
    }
    let lang = ctx.prefs.lang;
    let mut table = Table::new(&[
        t(lang, Msg::Id),
        t(lang, Msg::Title),
        t(lang, Msg::Body),
        t(lang, Msg::Assignee),
        t(lang, Msg::Due),
        t(lang, Msg::Status),
        t(lang, Msg::Percent),
        t(lang, Msg::DaysLate),
    ])
    .numeric(&[0, 6, 7]);
    for r in &rows {
        let task = &r.task;
        table.push(vec![
            task.id.to_string(),
            task.title.clone(),
            r.body_name.get(lang).to_string(),
            r.assignee_name
                .as_ref()
                .map(|n| n.get(lang).to_string())
                .or(task.assignee_unit.clone())
                .unwrap_or_default(),
            ctx.opt_date(task.due),
            task.status.label(lang).to_string(),
            crate::locale::digits::localize_digits(&task.percent.to_string(), lang),
            task.days_overdue(ctx.today)
                .map(|d| crate::locale::digits::localize_digits(&d.to_string(), lang))
                .unwrap_or_default(),
        ]);
    }
    write!(out, "{}", table.render(ctx.prefs))?;
    Ok(())
}

fn task_add(ctx: &mut Context, a: &TaskAdd, out: Out) -> CliResult {
    let body_id = match &a.body {
        Some(b) => Some(ctx.store.find_body(b)?.id),
        None => None,
    };
    if body_id.is_none() && a.resolution.is_none() && a.item.is_none() {
        return Err(CliError::usage(t(ctx.prefs.lang, Msg::CliTaskAddNeeds)));
    }
    let assignee_id = match &a.assignee {
        Some(p) => Some(ctx.store.find_person(p)?.id),
        None => None,
    };
    let due = a.due.as_deref().map(|d| ctx.parse_date(d)).transpose()?;
    let id = ops::tasks::add(
        ctx,
        &NewTask {
            body_id,
            resolution_id: a.resolution,
            agenda_item_id: a.item,
            title: a.title.clone(),
            description: a.description.clone(),
            assignee_id,
            assignee_unit: a.unit.clone(),
            due,
            priority: Priority::parse(&a.priority)?,
            created_on: Some(ctx.today),
        },
    )?;
    if a.json {
        return print_json(out, &ctx.store.task(id)?);
    }
    say(out, ctx.prefs, Msg::CliTaskAdded, &[&id.to_string()])?;
    Ok(())
}

fn task_update(ctx: &mut Context, a: &TaskUpdateArgs, out: Out) -> CliResult {
    let session = match &a.session {
        Some(s) => Some(ctx.store.find_session(s)?.id),
        None => None,
    };
    let status = a.status.as_deref().map(WorkStatus::parse).transpose()?;
    let due = a.due.as_deref().map(|d| ctx.parse_date(d)).transpose()?;
    if status.is_none() && a.percent.is_none() && a.note.trim().is_empty() && due.is_none() {
        return Err(CliError::usage(t(ctx.prefs.lang, Msg::CliTaskUpdateNeeds)));
    }
    let task = ops::tasks::record_progress(
        ctx,
        &TaskProgress {
            task_id: a.id,
            status,
            percent: a.percent,
            note: a.note.clone(),
            session_id: session,
            due,
            on: Some(ctx.today),
            expected_version: None,
        },
    )?;
    if a.json {
        return print_json(out, &task);
    }
    say(
        out,
        ctx.prefs,
        Msg::CliTaskProgress,
        &[
            &task.id.to_string(),
            term(
                ctx.prefs,
                task.status.code(),
                task.status.label(ctx.prefs.lang),
            ),
            &task.percent.to_string(),
        ],
    )?;
    Ok(())
}

// ----- calendar, search, export, audit -----

fn cal(ctx: &mut Context, a: &CalArgs, out: Out) -> CliResult {
    let cal = ctx.prefs.calendar;
    let lang = ctx.prefs.lang;
    let (year, month) = match &a.month {
        None => month_of(ctx.today, cal),
        Some(m) => parse_month(ctx, m)?,
    };
    let grid = crate::locale::calendar::month_grid(year, month, cal);
    let Some(first) = grid.iter().flatten().flatten().next().copied() else {
        return Err(CliError::usage(tf(
            ctx.prefs.lang,
            Msg::CliMonthInvalid,
            &[&localize_digits(&format!("{year}/{month}"), ctx.prefs.lang)],
        )));
    };
    let last = grid
        .iter()
        .flatten()
        .flatten()
        .last()
        .copied()
        .unwrap_or(first);
    let scope = body_scope(ctx, &a.body, true)?;
    let sessions = ctx
        .store
        .sessions(scope.as_deref(), &[], Some(first), Some(last), None)?;
    let month_name = match (cal, lang) {
        (Calendar::Jalali, Lang::Fa) => {
            crate::locale::calendar::JALALI_MONTHS_FA[(month - 1) as usize]
        }
        (Calendar::Jalali, Lang::En) => {
            crate::locale::calendar::JALALI_MONTHS_EN[(month - 1) as usize]
        }
        (Calendar::Gregorian, _) => crate::locale::calendar::gregorian_month_name(month, lang),
    };
    let title = crate::locale::digits::localize_digits(&format!("{month_name} {year}"), lang);
    writeln!(out, "{}", display_line(&title, ctx.prefs))?;
    let start = crate::locale::calendar::week_start(cal);
    let mut heads = Vec::new();
    let mut wd = start;
    for _ in 0..7 {
        let name: String = weekday_name(wd, lang).chars().take(2).collect();
        let shown = crate::locale::text::visual(&name, lang, ctx.prefs.bidi);
        heads.push(crate::locale::text::pad_to_width(
            &shown,
            4,
            crate::locale::text::Align::Right,
        ));
        wd = wd.succ();
    }
    if lang == Lang::Fa {
        heads.reverse();
    }
    writeln!(out, "{}", heads.join(""))?;
    for week in &grid {
        let mut cells: Vec<String> = week
            .iter()
            .map(|d| match d {
                None => "    ".to_string(),
                Some(d) => {
                    let day = match cal {
                        Calendar::Jalali => crate::locale::calendar::to_jalali(*d).day,
                        Calendar::Gregorian => d.day(),
                    };
                    let mark = if sessions.iter().any(|s| s.session.date == *d) {
                        '*'
                    } else if d.weekday() == chrono::Weekday::Fri && cal == Calendar::Jalali {
                        '·'
                    } else if *d == ctx.today {
                        '<'
                    } else {
                        ' '
                    };
                    format!(
                        "{:>3}{mark}",
                        crate::locale::digits::localize_digits(&day.to_string(), lang)
                    )
                }
            })
            .collect();
        if lang == Lang::Fa {
            cells.reverse();
        }
        writeln!(out, "{}", cells.join(""))?;
    }
    writeln!(out, "{}", t(lang, Msg::SessionFridayWeekend))?;
    for s in &sessions {
        writeln!(
            out,
            "{}",
            display_line(
                &format!(
                    "{}  {} #{}  {}",
                    ctx.date(s.session.date),
                    s.body_name.get(lang),
                    s.session.number_text(lang),
                    s.session.status.label(lang)
                ),
                ctx.prefs
            )
        )?;
    }
    Ok(())
}

fn month_of(d: chrono::NaiveDate, cal: Calendar) -> (i32, u32) {
    match cal {
        Calendar::Jalali => {
            let j = crate::locale::calendar::to_jalali(d);
            (j.year, j.month)
        }
        Calendar::Gregorian => (d.year(), d.month()),
    }
}

/// Reads a month: `1403/10`, `2025-01`, or any date in the month.
fn parse_month(ctx: &Context, s: &str) -> CliResult<(i32, u32)> {
    let latin = crate::locale::digits::to_latin_digits(s.trim());
    let parts: Vec<&str> = latin.split(['/', '-']).collect();
    if parts.len() == 2 {
        if let (Ok(y), Ok(m)) = (parts[0].parse::<i32>(), parts[1].parse::<u32>()) {
            if (1..=12).contains(&m) {
                if (1200..1600).contains(&y) {
                    if ctx.prefs.calendar == Calendar::Jalali {
                        return Ok((y, m));
                    }
                    let d = crate::locale::calendar::from_jalali(y, m, 15).ok_or_else(|| {
                        CliError::usage(tf(ctx.prefs.lang, Msg::CliMonthInvalid, &[s]))
                    })?;
                    return Ok(month_of(d, Calendar::Gregorian));
                }
                if ctx.prefs.calendar == Calendar::Gregorian {
                    return Ok((y, m));
                }
                let d = chrono::NaiveDate::from_ymd_opt(y, m, 15).ok_or_else(|| {
                    CliError::usage(tf(ctx.prefs.lang, Msg::CliMonthInvalid, &[s]))
                })?;
                return Ok(month_of(d, Calendar::Jalali));
            }
        }
    }
    let d = ctx
        .parse_date(s)
        .map_err(|_| CliError::usage(tf(ctx.prefs.lang, Msg::CliMonthExpected, &[s])))?;
    Ok(month_of(d, ctx.prefs.calendar))
}

fn search(ctx: &mut Context, a: &SearchArgs, out: Out) -> CliResult {
    let scope = body_scope(ctx, &a.body, true)?;
    let hits = ctx
        .store
        .search(&a.query, scope.as_deref(), a.limit.clamp(1, 1000))?;
    if a.json {
        return print_json(out, &hits);
    }
    let lang = ctx.prefs.lang;
    let mut table = Table::new(&[
        t(lang, Msg::Entity),
        t(lang, Msg::Id),
        t(lang, Msg::Snippet),
    ])
    .numeric(&[1]);
    for h in &hits {
        table.push(vec![
            h.entity.to_string(),
            h.id.to_string(),
            h.snippet.clone(),
        ]);
    }
    if hits.is_empty() {
        writeln!(out, "{}", t(lang, Msg::NoRows))?;
        return Ok(());
    }
    write!(out, "{}", table.render(ctx.prefs))?;
    Ok(())
}

fn export_minutes(ctx: &mut Context, a: &ExportMinutes, out: Out) -> CliResult {
    use crate::ops::approval::{Audience, MinutesFormat};
    use crate::ops::signatures::exported_minutes;
    let s = ctx.store.find_session(&a.session)?;
    let Some(format) = MinutesFormat::parse(&a.format) else {
        return Err(CliError::usage(super::unknown_value(
            ctx.prefs.lang,
            Msg::WhatFormat,
            &a.format,
            "md, html",
        )));
    };
    let audience = if a.closed {
        Audience::Closed
    } else {
        Audience::Public
    };
    let doc = exported_minutes(ctx, s, format, audience, a.version)?;
    match &a.output {
        Some(path) => {
            std::fs::write(path, doc).map_err(|e| {
                let l = ctx.prefs.lang;
                let why = super::io_why(&e, l);
                CliError::failure(tf(
                    l,
                    Msg::CannotWrite,
                    &[&path.display().to_string(), &why],
                ))
            })?;
            say(
                out,
                ctx.prefs,
                Msg::CliMinutesWritten,
                &[&path.display().to_string()],
            )?;
        }
        None => write!(out, "{}", crate::locale::text::sanitize(&doc))?,
    }
    Ok(())
}

fn audit_log(ctx: &mut Context, a: &AuditLog, out: Out) -> CliResult {
    let entries = ctx
        .store
        .audit_list(a.entity.as_deref(), a.id, a.limit.max(1))?;
    if a.json {
        return print_json(out, &entries);
    }
    let mut table =
        Table::new(&["id", "at", "login", "action", "entity", "entity_id"]).numeric(&[0, 5]);
    for e in &entries {
        table.push(vec![
            e.id.to_string(),
            e.at.clone(),
            e.login.clone(),
            e.action.clone(),
            e.entity.clone(),
            e.entity_id.map(|i| i.to_string()).unwrap_or_default(),
        ]);
    }
    write!(out, "{}", table.render(ctx.prefs))?;
    Ok(())
}

/// A date for exports: in both calendars.
pub fn both_calendars(d: chrono::NaiveDate, lang: Lang) -> String {
    format!(
        "{} ({})",
        format_date(d, Calendar::Jalali, lang),
        format_date(d, Calendar::Gregorian, lang)
    )
}
