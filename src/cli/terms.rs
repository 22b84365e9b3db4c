//! `shura term add|list`: a body's council terms (دوره).

use clap::{Args, Subcommand};

use super::commands::{print_json, say, Out};
use super::table::Table;
use super::CliResult;
use crate::locale::digits::localize_digits;
use crate::locale::strings::{t, Msg};
use crate::model::numbering::parse_term_number;
use crate::ops::{self, Context};
use crate::store::numbering::NewTerm;

#[derive(Debug, Subcommand)]
pub enum TermCmd {
    /// A body's council terms, earliest first
    List(TermList),
    /// Add a council term: its number and the days it runs (open while current); the
    /// sessions on its days join it
    Add(TermAdd),
}

impl TermCmd {
    pub fn only_reads(&self) -> bool {
        matches!(self, TermCmd::List(_))
    }
}

#[derive(Debug, Args)]
pub struct TermList {
    /// The body (id or name)
    #[arg(long)]
    pub body: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct TermAdd {
    /// The body (id or name)
    #[arg(long)]
    pub body: String,
    /// The term's number (6, ۶)
    pub number: String,
    /// Its first day
    #[arg(long)]
    pub from: String,
    /// Its last day (none while it runs)
    #[arg(long)]
    pub to: Option<String>,
    #[arg(long)]
    pub json: bool,
}

pub fn term(ctx: &mut Context, cmd: &TermCmd, out: Out) -> CliResult {
    match cmd {
        TermCmd::List(a) => list(ctx, a, out),
        TermCmd::Add(a) => add(ctx, a, out),
    }
}

fn list(ctx: &mut Context, a: &TermList, out: Out) -> CliResult {
    let body = ctx.store.find_body(&a.body)?;
    let terms = ops::terms::list(ctx, body.id)?;
    if a.json {
        return print_json(out, &terms);
    }
    let lang = ctx.prefs.lang;
    let mut table = Table::new(&[
        t(lang, Msg::Id),
        t(lang, Msg::Term),
        t(lang, Msg::TermFrom),
        t(lang, Msg::TermTo),
    ])
    .numeric(&[0, 1]);
    for term in &terms {
        table.push(vec![
            term.id.to_string(),
            localize_digits(&term.number.to_string(), lang),
            ctx.date(term.starts_on),
            term.ends_on
                .map(|d| ctx.date(d))
                .unwrap_or_else(|| t(lang, Msg::TermOpen).to_string()),
        ]);
    }
    write!(out, "{}", table.render(ctx.prefs))?;
    Ok(())
}

fn add(ctx: &mut Context, a: &TermAdd, out: Out) -> CliResult {
    let body = ctx.store.find_body(&a.body)?;
    let number = parse_term_number(&a.number)?;
    let starts_on = ctx.parse_date(&a.from)?;
    let ends_on = a.to.as_deref().map(|d| ctx.parse_date(d)).transpose()?;
    let term = ops::terms::add(
        ctx,
        &NewTerm {
            body_id: body.id,
            number,
            starts_on,
            ends_on,
        },
    )?;
    if a.json {
        return print_json(out, &term);
    }
    say(
        out,
        ctx.prefs,
        Msg::CliTermAdded,
        &[
            &term.number.to_string(),
            &body.id.to_string(),
            &term.id.to_string(),
        ],
    )?;
    Ok(())
}
