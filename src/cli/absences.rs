//! `shura report absences --body B [--json]`: each member in office, their excused and
//! unexcused absences in the body's year, the current run in a row, the body's limits
//! and where they stand (counted by `ops::absences`).

use std::io::Write;

use super::commands::print_json;
use super::reports::ReportArgs;
use super::table::Table;
use super::{CliError, CliResult};
use crate::locale::digits::localize_digits;
use crate::locale::strings::{t, tf, Msg};
use crate::model::absences::{rule_text, standing_text};
use crate::ops::{self, Context};

type Out<'a> = &'a mut dyn Write;

pub fn report_absences(ctx: &mut Context, a: &ReportArgs, out: Out) -> CliResult {
    let lang = ctx.prefs.lang;
    let Some(key) = a.body.as_deref() else {
        return Err(CliError::usage(t(lang, Msg::CliAbsencesNeedBody)));
    };
    let body = ctx.store.find_body(key)?;
    let today = ctx.today;
    let rows = ops::absences::absences(ctx, body.id, today)?;
    if a.json {
        return print_json(out, &rows);
    }
    let n = |x: u32| localize_digits(&x.to_string(), lang);
    let year = body.fiscal_year.year_of(today);
    let title = tf(
        lang,
        Msg::CliAbsencesTitle,
        &[
            body.name.get(lang),
            &localize_digits(&year.to_string(), lang),
            &ctx.date(today),
        ],
    );
    let limit = format!(
        "{}: {}",
        t(lang, Msg::AbsLimit),
        rule_text(&body.absence_rule, lang)
    );
    let line = |s: &str| super::table::display_line(s, ctx.prefs) + "\n";
    let mut text = line(&title) + &line(&limit);
    if rows.is_empty() {
        text.push_str(&line(t(lang, Msg::CliAbsencesNone)));
    } else {
        let mut table = Table::new(&[
            t(lang, Msg::Member),
            t(lang, Msg::Excused),
            t(lang, Msg::AbsUnexcused),
            t(lang, Msg::AbsInARow),
            t(lang, Msg::AbsStanding),
        ])
        .numeric(&[1, 2, 3]);
        for r in &rows {
            table.push(vec![
                r.name.get(lang).to_string(),
                n(r.count.excused),
                n(r.count.unexcused),
                n(r.count.in_a_row),
                standing_text(&r.count, &body.absence_rule, lang, |d| ctx.date(d)),
            ]);
        }
        text.push_str(&table.render(ctx.prefs));
    }
    match &a.output {
        None => out.write_all(text.as_bytes())?,
        Some(_) => {
            super::reports::deliver(&text, &a.output, t(lang, Msg::CliAbsencesWhat), lang, out)?
        }
    }
    Ok(())
}
