//! `shura letter add|list|show|edit|link|to-agenda`: the secretariat's register of
//! numbered letters (دبیرخانه), incoming and outgoing.
//!
//! A number is kept as typed (Persian digits stay Persian) and matched whatever its
//! digits: `--in ۱۲۳` is refused when the register has incoming letter 123.

use clap::{ArgGroup, Args, Subcommand};

use super::commands::{print_json, say, Out};
use super::table::{display_line, Table};
use super::CliResult;
use crate::locale::digits::{localize_digits, to_latin_digits};
use crate::locale::strings::{t, tf, Msg};
use crate::model::legal::LetterDirection;
use crate::model::letters::{Letter, LetterLink};
use crate::model::{Entity, ItemKind};
use crate::ops::{self, Context};
use crate::store::legal::NewLetter;
use crate::store::letters::{LetterCorrection, LetterFilter};
use crate::store::StoreError;

#[derive(Debug, Subcommand)]
pub enum LetterCmd {
    /// Register a letter: received (--in, --from whom) or sent (--out, --to whom), its
    /// number, date and subject, optionally linked to an agenda item or a resolution
    Add(LetterAdd),
    /// The register, latest first: of a body, one direction, days, a text, linked or not
    List(LetterList),
    /// One letter and what it is linked to
    Show(LetterShow),
    /// Correct a letter's number, date, correspondent or subject
    Edit(LetterEdit),
    /// Link a letter to an agenda item or a resolution of its body
    Link(LetterLinkArgs),
    /// Put an incoming letter on a session's agenda (a bill, or correspondence), titled
    /// with its subject and linked to it
    ToAgenda(LetterToAgenda),
}

impl LetterCmd {
    pub fn only_reads(&self) -> bool {
        matches!(self, LetterCmd::List(_) | LetterCmd::Show(_))
    }
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("direction").required(true).args(["incoming", "outgoing"])))]
#[command(group(ArgGroup::new("correspondent").required(true).args(["from", "to"])))]
pub struct LetterAdd {
    /// The body whose register it is in (id or name)
    #[arg(long)]
    pub body: String,
    /// A letter received (وارده)
    #[arg(long = "in")]
    pub incoming: bool,
    /// A letter sent (صادره)
    #[arg(long = "out")]
    pub outgoing: bool,
    /// Its number, as written on it (123/ش, ۱۲۳)
    pub number: String,
    /// The day it is dated
    #[arg(long)]
    pub on: String,
    /// Who sent it (incoming)
    #[arg(long)]
    pub from: Option<String>,
    /// Who it is sent to (outgoing)
    #[arg(long)]
    pub to: Option<String>,
    #[arg(long)]
    pub subject: String,
    /// The agenda item it concerns (its id)
    #[arg(long)]
    pub item: Option<i64>,
    /// The resolution it concerns (its id)
    #[arg(long)]
    pub resolution: Option<i64>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct LetterList {
    /// The body (id or name); every body you may see when left out
    #[arg(long)]
    pub body: Option<String>,
    /// Incoming letters only
    #[arg(long = "in", conflicts_with = "outgoing")]
    pub incoming: bool,
    /// Outgoing letters only
    #[arg(long = "out")]
    pub outgoing: bool,
    /// Dated on or after this day
    #[arg(long)]
    pub since: Option<String>,
    /// Dated on or before this day
    #[arg(long)]
    pub until: Option<String>,
    /// A text the number, correspondent or subject contains
    #[arg(long)]
    pub search: Option<String>,
    /// Only letters linked to an agenda item or a resolution
    #[arg(long, conflicts_with = "unlinked")]
    pub linked: bool,
    /// Only letters linked to neither
    #[arg(long)]
    pub unlinked: bool,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct LetterShow {
    /// The letter's id
    pub letter: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct LetterEdit {
    /// The letter's id
    pub letter: String,
    /// Its number
    #[arg(long)]
    pub number: Option<String>,
    /// The day it is dated
    #[arg(long)]
    pub on: Option<String>,
    /// Who sent it or who it is sent to
    #[arg(long)]
    pub correspondent: Option<String>,
    #[arg(long)]
    pub subject: Option<String>,
    /// The version you read (`letter show`); refused when it changed since
    #[arg(long)]
    pub version: Option<i64>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("target").required(true).args(["item", "resolution"])))]
pub struct LetterLinkArgs {
    /// The letter's id
    pub letter: String,
    /// The agenda item (its id)
    #[arg(long)]
    pub item: Option<i64>,
    /// The resolution (its id)
    #[arg(long)]
    pub resolution: Option<i64>,
    /// The version you read (`letter show`); refused when it changed since
    #[arg(long)]
    pub version: Option<i64>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct LetterToAgenda {
    /// The letter's id (an incoming letter)
    pub letter: String,
    /// The session whose agenda it goes on (id, or BODY#NUMBER)
    #[arg(long)]
    pub session: String,
    /// The item's kind: bill (لایحه) or correspondence (مکاتبات)
    #[arg(long, default_value = "bill")]
    pub kind: String,
    #[arg(long)]
    pub json: bool,
}

pub fn letter(ctx: &mut Context, cmd: &LetterCmd, out: Out) -> CliResult {
    match cmd {
        LetterCmd::Add(a) => add(ctx, a, out),
        LetterCmd::List(a) => list(ctx, a, out),
        LetterCmd::Show(a) => show(ctx, &a.letter, a.json, out),
        LetterCmd::Edit(a) => edit(ctx, a, out),
        LetterCmd::Link(a) => link(ctx, a, out),
        LetterCmd::ToAgenda(a) => to_agenda(ctx, a, out),
    }
}

/// A letter's id as typed (Persian digits too).
fn letter_id(key: &str) -> Result<i64, StoreError> {
    to_latin_digits(key.trim())
        .parse::<i64>()
        .map_err(|_| StoreError::NotFound {
            what: Entity::Letter,
            key: key.to_string(),
        })
}

fn direction(incoming: bool, outgoing: bool) -> Option<LetterDirection> {
    match (incoming, outgoing) {
        (true, _) => Some(LetterDirection::In),
        (_, true) => Some(LetterDirection::Out),
        _ => None,
    }
}

fn add(ctx: &mut Context, a: &LetterAdd, out: Out) -> CliResult {
    let body = ctx.store.find_body(&a.body)?;
    let dated = ctx.parse_date(&a.on)?;
    let dir = direction(a.incoming, a.outgoing).unwrap_or(LetterDirection::In);
    let letter = ops::letters::add(
        ctx,
        &NewLetter {
            body_id: body.id,
            direction: dir,
            number: a.number.clone(),
            dated,
            correspondent: a.from.clone().or_else(|| a.to.clone()).unwrap_or_default(),
            subject: a.subject.clone(),
            agenda_item_id: a.item,
            resolution_id: a.resolution,
        },
    )?;
    if a.json {
        return print_json(out, &letter);
    }
    let lang = ctx.prefs.lang;
    say(
        out,
        ctx.prefs,
        Msg::CliLetterAdded,
        &[
            &letter.id.to_string(),
            letter.direction.label(lang),
            &localize_digits(&letter.number, lang),
        ],
    )
}

fn list(ctx: &mut Context, a: &LetterList, out: Out) -> CliResult {
    let body_id = match &a.body {
        Some(b) => Some(ctx.store.find_body(b)?.id),
        None => None,
    };
    let filter = LetterFilter {
        body_id,
        direction: direction(a.incoming, a.outgoing),
        from: a.since.as_deref().map(|d| ctx.parse_date(d)).transpose()?,
        to: a.until.as_deref().map(|d| ctx.parse_date(d)).transpose()?,
        text: a.search.clone(),
        linked: match (a.linked, a.unlinked) {
            (true, _) => Some(true),
            (_, true) => Some(false),
            _ => None,
        },
        ..Default::default()
    };
    let letters = ops::letters::list(ctx, &filter)?;
    if a.json {
        return print_json(out, &letters);
    }
    let lang = ctx.prefs.lang;
    if letters.is_empty() {
        writeln!(out, "{}", display_line(t(lang, Msg::LetterNone), ctx.prefs))?;
        return Ok(());
    }
    let mut table = Table::new(&[
        t(lang, Msg::Id),
        t(lang, Msg::LetterDirectionCol),
        t(lang, Msg::LetterNumber),
        t(lang, Msg::LetterDate),
        t(lang, Msg::LetterCorrespondentCol),
        t(lang, Msg::LetterSubjectCol),
        t(lang, Msg::LetterLinks),
    ])
    .numeric(&[0]);
    for l in &letters {
        table.push(vec![
            localize_digits(&l.id.to_string(), lang),
            l.direction.label(lang).to_string(),
            localize_digits(&l.number, lang),
            ctx.date(l.dated),
            l.correspondent.clone(),
            l.subject.clone(),
            links_short(l, ctx),
        ]);
    }
    write!(out, "{}", table.render(ctx.prefs))?;
    Ok(())
}

/// A letter on one line (for the pages that list the letters linked to them):
/// "letter 3 — incoming 123/ش — 2024-12-01 — Municipality: Budget bill".
pub fn letter_line(ctx: &Context, l: &Letter) -> String {
    let lang = ctx.prefs.lang;
    format!(
        "{} {} — {} {} — {} — {}: {}",
        t(lang, Msg::EntityLetter),
        localize_digits(&l.id.to_string(), lang),
        l.direction.label(lang),
        localize_digits(&l.number, lang),
        ctx.date(l.dated),
        l.correspondent,
        l.subject
    )
}

/// What a letter is linked to, in a few words (ids only, for the table).
fn links_short(l: &Letter, ctx: &Context) -> String {
    let lang = ctx.prefs.lang;
    let n = |i: i64| localize_digits(&i.to_string(), lang);
    let mut parts = Vec::new();
    if let Some(i) = l.agenda_item_id {
        parts.push(format!("{} {}", t(lang, Msg::EntityAgendaItem), n(i)));
    }
    if let Some(r) = l.resolution_id {
        parts.push(format!("{} {}", t(lang, Msg::Resolution), n(r)));
    }
    parts.join(t(lang, Msg::ListSeparator))
}

fn show(ctx: &mut Context, key: &str, json: bool, out: Out) -> CliResult {
    let page = ops::letters::page(ctx, letter_id(key)?)?;
    if json {
        return print_json(out, &page);
    }
    let lang = ctx.prefs.lang;
    let p = ctx.prefs;
    let l = &page.letter;
    let n = |i: i64| localize_digits(&i.to_string(), lang);
    let line = |out: Out, s: &str| -> CliResult {
        writeln!(out, "{}", display_line(s, p))?;
        Ok(())
    };
    line(
        out,
        &format!(
            "{} {} — {} — {} {}",
            t(lang, Msg::EntityLetter),
            n(l.id),
            l.direction.label(lang),
            t(lang, Msg::LetterNumber),
            localize_digits(&l.number, lang)
        ),
    )?;
    line(
        out,
        &format!("{}: {}", t(lang, Msg::LetterDate), ctx.date(l.dated)),
    )?;
    let who = match l.direction {
        LetterDirection::In => Msg::LetterFrom,
        LetterDirection::Out => Msg::LetterTo,
    };
    line(out, &format!("{}: {}", t(lang, who), l.correspondent))?;
    line(
        out,
        &format!("{}: {}", t(lang, Msg::LetterSubjectCol), l.subject),
    )?;
    let mut links = Vec::new();
    if let Some(i) = &page.item {
        links.push(format!(
            "{} «{}» ({})",
            tf(
                lang,
                Msg::LetterLinkItem,
                &[&localize_digits(&i.label, lang), &n(i.session_id)]
            ),
            i.title,
            i.kind.label(lang)
        ));
    } else if let Some(i) = l.agenda_item_id {
        links.push(tf(lang, Msg::LetterLinkItem, &[&n(i), "?"]));
    }
    if let Some(r) = &page.resolution {
        links.push(tf(
            lang,
            Msg::LetterLinkResolution,
            &[&localize_digits(&r.number, lang)],
        ));
    } else if let Some(r) = l.resolution_id {
        links.push(tf(lang, Msg::LetterLinkResolution, &[&n(r)]));
    }
    let links = if links.is_empty() {
        t(lang, Msg::LetterNotLinked).to_string()
    } else {
        links.join(t(lang, Msg::ListSeparator))
    };
    line(out, &format!("{}: {}", t(lang, Msg::LetterLinks), links))?;
    line(
        out,
        &format!("{}: {}", t(lang, Msg::LetterVersion), n(l.version)),
    )
}

fn edit(ctx: &mut Context, a: &LetterEdit, out: Out) -> CliResult {
    let id = letter_id(&a.letter)?;
    let dated = a.on.as_deref().map(|d| ctx.parse_date(d)).transpose()?;
    let letter = ops::letters::edit(
        ctx,
        id,
        &LetterCorrection {
            number: a.number.clone(),
            dated,
            correspondent: a.correspondent.clone(),
            subject: a.subject.clone(),
            expected_version: a.version,
        },
    )?;
    if a.json {
        return print_json(out, &letter);
    }
    say(
        out,
        ctx.prefs,
        Msg::CliLetterEdited,
        &[&letter.id.to_string(), &letter.version.to_string()],
    )
}

fn link(ctx: &mut Context, a: &LetterLinkArgs, out: Out) -> CliResult {
    let id = letter_id(&a.letter)?;
    let lang = ctx.prefs.lang;
    let n = |i: i64| localize_digits(&i.to_string(), lang);
    let (to, what) = match (a.item, a.resolution) {
        (Some(i), _) => (
            LetterLink::Item(i),
            format!("{} {}", t(lang, Msg::EntityAgendaItem), n(i)),
        ),
        (None, Some(r)) => (
            LetterLink::Resolution(r),
            tf(lang, Msg::LetterLinkResolution, &[&n(r)]),
        ),
        // clap requires one of the two.
        (None, None) => return show(ctx, &a.letter, a.json, out),
    };
    let letter = ops::letters::link(ctx, id, to, a.version)?;
    if a.json {
        return print_json(out, &letter);
    }
    say(
        out,
        ctx.prefs,
        Msg::CliLetterLinked,
        &[&letter.id.to_string(), &what],
    )
}

fn to_agenda(ctx: &mut Context, a: &LetterToAgenda, out: Out) -> CliResult {
    let id = letter_id(&a.letter)?;
    let kind = ItemKind::parse(&a.kind)?;
    let session = ctx.store.find_session(&a.session)?;
    let letter = ops::letters::to_agenda(ctx, id, session.id, kind)?;
    if a.json {
        return print_json(out, &ops::letters::page(ctx, letter.id)?);
    }
    let item = letter.agenda_item_id.unwrap_or_default();
    let label = ops::agenda::item_label(&ctx.store.agenda(session.id)?, item)
        .unwrap_or_else(|| item.to_string());
    say(
        out,
        ctx.prefs,
        Msg::CliLetterOnAgenda,
        &[&letter.id.to_string(), &session.id.to_string(), &label],
    )
}
