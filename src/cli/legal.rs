//! After the meeting on the command line: `resolution send|acknowledge|object|answer|
//! ruling|legal`, `law list|show|set`, `holiday add|list`.

use clap::{Args, Subcommand};

use super::commands::{print_json, say, Out};
use super::table::{display_line, Table};
use super::CliResult;
use crate::locale::digits::localize_digits;
use crate::locale::strings::{t, Msg};
use crate::model::legal::{
    parse_weekend, weekend_label, LawProfile, LegalEventKind, Period, SendMethod,
};
use crate::model::Name;
use crate::ops::legal::LegalView;
use crate::ops::{self, Context};

#[derive(Debug, Args)]
pub struct ResolutionSend {
    /// The resolution (id)
    pub id: i64,
    /// A recipient: a person (id, login or name), unit:NAME or authority:NAME
    /// (repeatable; مرجع: and واحد: as well)
    #[arg(long = "to", required = true, value_name = "RECIPIENT")]
    pub to: Vec<String>,
    /// The outgoing letter's number (recorded in the register when it is not there)
    #[arg(long)]
    pub letter: Option<String>,
    /// The day it was sent (default today)
    #[arg(long)]
    pub on: Option<String>,
    /// How it went: letter, mail, hand, system
    #[arg(long, default_value = "letter")]
    pub method: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ResolutionAcknowledge {
    pub id: i64,
    /// The recipient who acknowledged it, as it was sent to
    #[arg(long = "by", value_name = "RECIPIENT")]
    pub by: String,
    /// The day they had it (default today)
    #[arg(long)]
    pub on: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ResolutionObject {
    pub id: i64,
    /// The authority that objects (e.g. the governorate's board)
    #[arg(long = "by", value_name = "AUTHORITY")]
    pub by: String,
    /// The day of the objection (default today)
    #[arg(long)]
    pub on: Option<String>,
    #[arg(long)]
    pub reason: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ResolutionAnswer {
    pub id: i64,
    /// insist, amend or withdraw
    pub answer: String,
    /// The session that answered (id or BODY#NUMBER); its day is the answer's
    #[arg(long)]
    pub session: String,
    #[arg(long)]
    pub reason: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ResolutionRuling {
    pub id: i64,
    /// upheld or annulled
    pub ruling: String,
    /// The board that ruled
    #[arg(long = "by", default_value = "")]
    pub by: String,
    #[arg(long)]
    pub on: Option<String>,
    #[arg(long)]
    pub reason: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ResolutionLegal {
    pub id: i64,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum LawCmd {
    /// The law profiles: the periods of a resolution's life after the session
    List(super::args::JsonFlag),
    /// One law profile
    Show(LawShow),
    /// Add a law profile, or change one (resolutions already sent keep the periods
    /// they were sent under)
    Set(LawSet),
}

impl LawCmd {
    pub fn only_reads(&self) -> bool {
        !matches!(self, LawCmd::Set(_))
    }
}

#[derive(Debug, Args)]
pub struct LawShow {
    pub code: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct LawSet {
    /// The profile's code, e.g. iran-council
    pub code: String,
    #[arg(long = "name-fa")]
    pub name_fa: Option<String>,
    #[arg(long = "name-en")]
    pub name_en: Option<String>,
    /// Days from adoption to send: 7, or 5w for working days
    #[arg(long)]
    pub send: Option<String>,
    /// Days from notification for an objection
    #[arg(long)]
    pub objection: Option<String>,
    /// Days from an objection for the answer
    #[arg(long)]
    pub answer: Option<String>,
    /// The weekend: fri, or sat,sun
    #[arg(long)]
    pub weekend: Option<String>,
    /// No legal clock: resolutions are in force when adopted
    #[arg(long = "no-clock")]
    pub no_clock: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum HolidayCmd {
    /// Record an official holiday (periods in working days skip it; no deadline ends on it)
    Add(HolidayAdd),
    /// The official holidays
    List(super::args::JsonFlag),
}

impl HolidayCmd {
    pub fn only_reads(&self) -> bool {
        matches!(self, HolidayCmd::List(_))
    }
}

#[derive(Debug, Args)]
pub struct HolidayAdd {
    /// The day (any calendar)
    pub day: String,
    /// Its name
    pub name: Option<String>,
    #[arg(long)]
    pub json: bool,
}

fn print_view(ctx: &Context, v: &LegalView, json: bool, out: Out) -> CliResult {
    if json {
        return print_json(out, v);
    }
    let lang = ctx.prefs.lang;
    let p = ctx.prefs;
    writeln!(
        out,
        "{}",
        display_line(
            &format!(
                "{} {}: {}",
                t(lang, Msg::Resolution),
                localize_digits(&v.number, lang),
                v.description
            ),
            p
        )
    )?;
    for s in &v.sendings {
        let mut line = crate::locale::strings::tf(
            lang,
            Msg::LegalSentTo,
            &[
                &ctx.date(s.sent_on),
                &s.recipient,
                s.recipient_kind.label(lang),
                s.method.label(lang),
            ],
        );
        if let Some(n) = &s.letter_number {
            line.push_str(t(lang, Msg::ListSeparator));
            line.push_str(&crate::locale::strings::tf(
                lang,
                Msg::LegalLetterNo,
                &[&localize_digits(n, lang)],
            ));
        }
        if let Some(a) = s.acknowledged_on {
            line.push_str(t(lang, Msg::ListSeparator));
            line.push_str(&crate::locale::strings::tf(
                lang,
                Msg::LegalAcknowledged,
                &[&ctx.date(a)],
            ));
        }
        writeln!(out, "  {}", display_line(&line, p))?;
    }
    for e in &v.events {
        let mut line = format!("{} — {}", ctx.date(e.on), e.kind.label(lang));
        if !e.by.is_empty() {
            line.push_str(&format!(" ({})", e.by));
        }
        if !e.reason.is_empty() {
            line.push_str(&format!(": {}", e.reason));
        }
        writeln!(out, "  {}", display_line(&line, p))?;
    }
    Ok(())
}

fn opt_date(ctx: &Context, s: &Option<String>) -> CliResult<Option<chrono::NaiveDate>> {
    Ok(s.as_deref().map(|d| ctx.parse_date(d)).transpose()?)
}

pub fn send(ctx: &mut Context, a: &ResolutionSend, out: Out) -> CliResult {
    let on = opt_date(ctx, &a.on)?;
    let method = SendMethod::parse(&a.method)?;
    let v = ops::legal::send(ctx, a.id, &a.to, a.letter.as_deref(), on, method)?;
    print_view(ctx, &v, a.json, out)
}

pub fn acknowledge(ctx: &mut Context, a: &ResolutionAcknowledge, out: Out) -> CliResult {
    let on = opt_date(ctx, &a.on)?;
    let v = ops::legal::acknowledge(ctx, a.id, &a.by, on)?;
    print_view(ctx, &v, a.json, out)
}

pub fn object(ctx: &mut Context, a: &ResolutionObject, out: Out) -> CliResult {
    let on = opt_date(ctx, &a.on)?;
    let v = ops::legal::object(ctx, a.id, &a.by, on, a.reason.as_deref().unwrap_or(""))?;
    print_view(ctx, &v, a.json, out)
}

pub fn answer(ctx: &mut Context, a: &ResolutionAnswer, out: Out) -> CliResult {
    let kind = LegalEventKind::parse(&a.answer)?;
    let session = ctx.store.find_session(&a.session)?;
    let v = ops::legal::answer(
        ctx,
        a.id,
        kind,
        session.id,
        a.reason.as_deref().unwrap_or(""),
    )?;
    print_view(ctx, &v, a.json, out)
}

pub fn ruling(ctx: &mut Context, a: &ResolutionRuling, out: Out) -> CliResult {
    let kind = LegalEventKind::parse(&a.ruling)?;
    let upheld = match kind {
        LegalEventKind::Upheld => true,
        LegalEventKind::Annulled => false,
        _ => {
            return Err(crate::model::InvalidValue {
                what: crate::model::Entity::LegalEventKind,
                value: a.ruling.clone(),
                expected: crate::model::Expected::OneOf(
                    [LegalEventKind::Upheld, LegalEventKind::Annulled]
                        .iter()
                        .map(|k| (k.code(), k.label(crate::locale::Lang::Fa)))
                        .collect(),
                ),
            }
            .into())
        }
    };
    let on = opt_date(ctx, &a.on)?;
    let v = ops::legal::ruling(
        ctx,
        a.id,
        upheld,
        &a.by,
        on,
        a.reason.as_deref().unwrap_or(""),
    )?;
    print_view(ctx, &v, a.json, out)
}

pub fn legal(ctx: &mut Context, a: &ResolutionLegal, out: Out) -> CliResult {
    let v = ops::legal::view(ctx, a.id)?;
    print_view(ctx, &v, a.json, out)
}

fn profile_table(ctx: &Context, profiles: &[LawProfile]) -> String {
    let lang = ctx.prefs.lang;
    let mut table = Table::new(&[
        t(lang, Msg::LawCode),
        t(lang, Msg::Name),
        t(lang, Msg::LawSend),
        t(lang, Msg::LawObjection),
        t(lang, Msg::LawAnswer),
        t(lang, Msg::LawWeekend),
    ]);
    let period = |p: &Period, clock: bool| {
        if !clock {
            return "—".to_string();
        }
        format!(
            "{} {}",
            localize_digits(&p.days.to_string(), lang),
            p.count.label(lang)
        )
    };
    for p in profiles {
        table.push(vec![
            p.code.clone(),
            p.name.get(lang).to_string(),
            period(&p.send, p.clock),
            period(&p.objection, p.clock),
            period(&p.answer, p.clock),
            weekend_label(&p.weekend, lang),
        ]);
    }
    table.render(ctx.prefs)
}

pub fn law(ctx: &mut Context, cmd: &LawCmd, out: Out) -> CliResult {
    match cmd {
        LawCmd::List(a) => {
            let profiles = ops::legal::profiles(ctx)?;
            if a.json {
                return print_json(out, &profiles);
            }
            write!(out, "{}", profile_table(ctx, &profiles))?;
        }
        LawCmd::Show(a) => {
            let p = ctx.store.law_profile(&a.code)?;
            if a.json {
                return print_json(out, &p);
            }
            write!(out, "{}", profile_table(ctx, std::slice::from_ref(&p)))?;
        }
        LawCmd::Set(a) => {
            let existing = ctx.store.law_profile(&a.code).ok();
            let base = existing.clone().unwrap_or(LawProfile {
                code: a.code.trim().to_string(),
                name: Name::new(None, Some(a.code.trim().to_string())),
                clock: true,
                send: Period::parse("0")?,
                objection: Period::parse("0")?,
                answer: Period::parse("0")?,
                weekend: parse_weekend("fri")?,
                version: 0,
            });
            let mut p = base.clone();
            if a.name_fa.is_some() || a.name_en.is_some() {
                p.name = Name::new(
                    a.name_fa.clone().or(base.name.fa.clone()),
                    a.name_en.clone().or(base.name.en.clone()),
                );
            }
            if let Some(s) = &a.send {
                p.send = Period::parse(s)?;
            }
            if let Some(s) = &a.objection {
                p.objection = Period::parse(s)?;
            }
            if let Some(s) = &a.answer {
                p.answer = Period::parse(s)?;
            }
            if let Some(s) = &a.weekend {
                p.weekend = parse_weekend(s)?;
            }
            if a.no_clock {
                p.clock = false;
            }
            let saved = ops::legal::save_profile(ctx, &p, existing.as_ref().map(|e| e.version))?;
            if a.json {
                return print_json(out, &saved);
            }
            write!(out, "{}", profile_table(ctx, std::slice::from_ref(&saved)))?;
        }
    }
    Ok(())
}

pub fn holiday(ctx: &mut Context, cmd: &HolidayCmd, out: Out) -> CliResult {
    match cmd {
        HolidayCmd::Add(a) => {
            let day = ctx.parse_date(&a.day)?;
            let name = a.name.as_deref().map(Name::guess).unwrap_or_default();
            ops::legal::add_holiday(ctx, day, &name)?;
            if a.json {
                return print_json(out, &serde_json::json!({"day": day, "name": name}));
            }
            say(out, ctx.prefs, Msg::CliHolidayAdded, &[&ctx.date(day)])?;
        }
        HolidayCmd::List(a) => {
            let days = ops::legal::holidays(ctx)?;
            if a.json {
                let rows: Vec<_> = days
                    .iter()
                    .map(|(d, n)| serde_json::json!({"day": d, "name": n}))
                    .collect();
                return print_json(out, &rows);
            }
            let lang = ctx.prefs.lang;
            let mut table = Table::new(&[t(lang, Msg::Date), t(lang, Msg::Name)]);
            for (d, n) in &days {
                table.push(vec![ctx.date(*d), n.get(lang).to_string()]);
            }
            write!(out, "{}", table.render(ctx.prefs))?;
        }
    }
    Ok(())
}
