//! `shura minutes sign|signatures|verify`: signing approved minutes as the person at
//! the keyboard, who signed and who is still to sign, and checking an exported file.

use std::path::PathBuf;

use clap::Args;

use super::commands::{print_json, say, Out};
use super::table::display_line;
use super::{CliError, CliResult};
use crate::locale::digits::localize_digits;
use crate::locale::strings::{t, tf, Msg};
use crate::locale::Lang;
use crate::ops::signatures::{self, list_separator, signed_time, Verdict};
use crate::ops::Context;

#[derive(Debug, Args)]
pub struct SignArgs {
    /// The session (id, or BODY#NUMBER) whose approved minutes you sign as yourself
    pub session: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SignaturesArgs {
    /// The session (id, or BODY#NUMBER)
    pub session: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// An exported minutes file (Markdown or HTML)
    pub file: PathBuf,
    #[arg(long)]
    pub json: bool,
}

pub fn sign(ctx: &mut Context, a: &SignArgs, out: Out) -> CliResult {
    let s = ctx.store.find_session(&a.session)?;
    let sig = signatures::sign(ctx, s.id)?;
    if a.json {
        return print_json(out, &sig);
    }
    let lang = ctx.prefs.lang;
    say(
        out,
        ctx.prefs,
        Msg::CliSigned,
        &[
            &sig.version.to_string(),
            &s.number_text(lang),
            sig.person.get(lang),
            &signed_time(ctx.prefs, &sig.signed_at),
        ],
    )
}

pub fn list(ctx: &mut Context, a: &SignaturesArgs, out: Out) -> CliResult {
    let s = ctx.store.find_session(&a.session)?;
    let sigs = signatures::signatures(ctx, s.id)?;
    if a.json {
        return print_json(out, &sigs);
    }
    let lang = ctx.prefs.lang;
    let Some(version) = sigs.version else {
        return say(
            out,
            ctx.prefs,
            Msg::SignNotApprovedYet,
            &[&s.number_text(lang)],
        );
    };
    say(
        out,
        ctx.prefs,
        Msg::CliSignaturesHead,
        &[&s.number_text(lang), &version.to_string()],
    )?;
    write_people(ctx, &sigs.signed, &sigs.unsigned, out)
}

fn write_people(
    ctx: &Context,
    signed: &[crate::store::signatures::Signature],
    unsigned: &[signatures::ToSign],
    out: Out,
) -> CliResult {
    let lang = ctx.prefs.lang;
    writeln!(
        out,
        "{}",
        display_line(&format!("{}:", t(lang, Msg::SignSignedBy)), ctx.prefs)
    )?;
    if signed.is_empty() {
        writeln!(
            out,
            "{}",
            display_line(&format!("  {}", t(lang, Msg::SignNobodyYet)), ctx.prefs)
        )?;
    }
    for g in signed {
        writeln!(
            out,
            "{}",
            display_line(
                &format!(
                    "  {} — {}",
                    g.person.get(lang),
                    signed_time(ctx.prefs, &g.signed_at)
                ),
                ctx.prefs
            )
        )?;
    }
    if !unsigned.is_empty() {
        let names: Vec<&str> = unsigned.iter().map(|p| p.name.get(lang)).collect();
        writeln!(
            out,
            "{}",
            display_line(
                &format!(
                    "{}: {}",
                    t(lang, Msg::SignToSign),
                    names.join(list_separator(lang))
                ),
                ctx.prefs
            )
        )?;
    }
    Ok(())
}

fn lang_label(code: &str, lang: Lang) -> &'static str {
    t(
        lang,
        if code == "fa" {
            Msg::SignLangFa
        } else {
            Msg::SignLangEn
        },
    )
}

pub fn verify(ctx: &mut Context, a: &VerifyArgs, out: Out) -> CliResult {
    let lang = ctx.prefs.lang;
    let shown = a.file.display().to_string();
    let bytes = std::fs::read(&a.file).map_err(|e| {
        CliError::failure(tf(
            lang,
            Msg::VerifyCannotRead,
            &[&shown, &super::io_why(&e, lang)],
        ))
    })?;
    // A file that is not UTF-8 is no minutes shura wrote: its lossy text matches nothing.
    let text = String::from_utf8_lossy(&bytes);
    let verdict = signatures::verify(ctx, &text)?;
    if a.json {
        print_json(out, &verdict)?;
    }
    match verdict {
        Verdict::Approved(r) => {
            if a.json {
                return Ok(());
            }
            let format = match (r.format == "html", lang) {
                (true, crate::locale::Lang::Fa) => "اچ‌تی‌ام‌ال",
                (true, _) => "HTML",
                (false, crate::locale::Lang::Fa) => "مارک‌داون",
                (false, _) => "Markdown",
            };
            let audience = t(
                lang,
                if r.audience == "closed" {
                    Msg::SignAudienceClosed
                } else {
                    Msg::SignAudiencePublic
                },
            );
            let line = tf(
                lang,
                Msg::VerifyApproved,
                &[
                    &localize_digits(&r.number.to_string(), lang),
                    r.body_name.get(lang),
                    &ctx.date(r.date),
                    &localize_digits(&r.version.to_string(), lang),
                    format,
                    lang_label(&r.lang, lang),
                    audience,
                    &r.check_code,
                ],
            );
            writeln!(out, "{}", display_line(&line, ctx.prefs))?;
            if r.latest_version != r.version {
                say(
                    out,
                    ctx.prefs,
                    Msg::VerifyLaterVersion,
                    &[&r.latest_version.to_string()],
                )?;
            }
            write_people(ctx, &r.signatures, &r.unsigned, out)
        }
        Verdict::Changed { check_code, .. } => Err(CliError::failure(tf(
            lang,
            Msg::VerifyChanged,
            &[&shown, &check_code],
        ))),
    }
}
