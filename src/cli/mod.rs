//! The non-interactive commands. Exit code 0 on success, 2 on bad usage or invalid
//! input, 3 when the user's role does not allow the change, 1 on other failures;
//! errors go to stderr and name the bad value.

pub mod absences;
pub mod args;
pub mod commands;
pub mod corrections;
pub mod evaluation;
pub mod invitations;
pub mod json;
pub mod legal;
pub mod letters;
pub mod meeting;
pub mod plans;
pub mod reports;
pub mod setup;
pub mod signatures;
pub mod table;
pub mod terms;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::identity::Actor;
use crate::locale::strings::{t, tf, Msg};
use crate::locale::text::{sanitize, BidiMode};
use crate::locale::Prefs;
use crate::locale::{Calendar, Lang, Localized};
use crate::model::InvalidValue;
use crate::ops::Context;
use crate::store::{Store, StoreError};
use args::{Cli, Command};

/// The exit code of a refusal by role ("refused: … needs its secretary or chair").
pub const EXIT_DENIED: u8 = 3;

/// An error on its way to stderr, with its exit code. It keeps its data until `main`
/// prints it, in the user's language, or as JSON with `--json`.
#[derive(Debug)]
pub struct CliError {
    pub code: u8,
    pub cause: Cause,
}

/// What went wrong: a store error or a date that cannot be read (data, rendered at the
/// edge), or a text already in the user's language.
#[derive(Debug)]
pub enum Cause {
    Store(StoreError),
    Date(crate::locale::dateparse::DateParseError),
    Text(String),
}

impl CliError {
    pub fn usage(message: impl Into<String>) -> CliError {
        CliError {
            code: 2,
            cause: Cause::Text(message.into()),
        }
    }
    pub fn failure(message: impl Into<String>) -> CliError {
        CliError {
            code: 1,
            cause: Cause::Text(message.into()),
        }
    }

    /// The error in the user's language (empty: nothing to print).
    pub fn message(&self, lang: Lang) -> String {
        match &self.cause {
            Cause::Store(e) => e.message(lang),
            Cause::Date(e) => e.message(lang),
            Cause::Text(t) => t.clone(),
        }
    }

    /// A language-neutral object with a stable `error` code, the error's data and the
    /// `message` in the user's language.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        use serde_json::json;
        match &self.cause {
            Cause::Store(e) => e.to_json(lang),
            Cause::Date(e) => json!({
                "error": "invalid",
                "what": crate::model::Entity::Date.code(),
                "value": e.input(),
                "reason": e.problem().code(),
                "message": e.message(lang),
            }),
            Cause::Text(t) => json!({
                "error": match self.code {
                    2 => "usage",
                    EXIT_DENIED => "denied",
                    _ => "failure",
                },
                "message": t,
            }),
        }
    }
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> Self {
        let code = match &e {
            StoreError::Denied(_) => EXIT_DENIED,
            e if e.is_user_error() => 2,
            _ => 1,
        };
        CliError {
            code,
            cause: Cause::Store(e),
        }
    }
}

impl From<InvalidValue> for CliError {
    fn from(e: InvalidValue) -> Self {
        CliError::from(StoreError::Invalid(e))
    }
}

impl From<crate::locale::dateparse::DateParseError> for CliError {
    fn from(e: crate::locale::dateparse::DateParseError) -> Self {
        CliError {
            code: 2,
            cause: Cause::Date(e),
        }
    }
}

impl From<std::io::Error> for CliError {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            return CliError {
                code: 0,
                cause: Cause::Text(String::new()),
            };
        }
        CliError::from(StoreError::Io(e))
    }
}

impl From<serde_json::Error> for CliError {
    fn from(e: serde_json::Error) -> Self {
        CliError::failure(e.to_string())
    }
}

pub type CliResult<T = ()> = Result<T, CliError>;

/// "WHAT "VALUE" is not known; expected one of: CODES", in the user's language.
pub(crate) fn unknown_value(lang: Lang, what: Msg, value: &str, codes: &str) -> String {
    tf(lang, Msg::CliUnknownValue, &[t(lang, what), value, codes])
}

/// Why an I/O operation failed, in the user's language where the kind is a common one.
pub(crate) fn io_why(e: &std::io::Error, lang: Lang) -> String {
    crate::store::io_kind_text(e.kind(), lang)
        .map(str::to_string)
        .unwrap_or_else(|| e.to_string())
}

/// The interactive program the binary starts when no command is given (the TUI). The
/// binary passes it in, so the commands do not depend on the other front end.
pub type Interactive = fn(Context, crate::config::Config) -> std::io::Result<()>;

/// Entry point of the binary.
pub fn main(interactive: Interactive) -> ExitCode {
    use clap::{CommandFactory, FromArgMatches};
    let parsed = Cli::command()
        .try_get_matches()
        .and_then(|m| Cli::from_arg_matches(&m).map(|c| (c, wants_json(&m))));
    let (cli, json) = match parsed {
        Ok(c) => c,
        Err(e) => {
            // clap prints help/version to stdout (exit 0) and usage errors to stderr (2).
            // Sanitized: what the user typed is echoed back in usage errors.
            // In Persian, clap's English is replaced by the catalogue's words for the
            // common mistakes; with --json, the error is an object like any other.
            let text = match (e.use_stderr(), raw_lang()) {
                (true, Lang::Fa) => usage_in(&e, Lang::Fa)
                    .map(|m| format!("shura: {m}\n"))
                    .unwrap_or_else(|| e.render().to_string()),
                _ => e.render().to_string(),
            };
            let clean = sanitize(&text);
            if e.use_stderr() && std::env::args().any(|a| a == "--json") {
                let message = usage_in(&e, raw_lang()).unwrap_or_else(|| clean.trim().to_string());
                let obj = serde_json::json!({"error": "usage", "message": message});
                let _ = writeln!(
                    std::io::stderr(),
                    "{}",
                    json::escape_invisible(&obj.to_string())
                );
            } else if e.use_stderr() {
                let _ = write!(std::io::stderr(), "{clean}");
            } else {
                let _ = write!(std::io::stdout(), "{clean}");
            }
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    let prefs = resolve_prefs(&cli);
    // The language errors are told in, even when the preferences themselves are wrong.
    let lang = match &prefs {
        Ok((p, _, _)) => p.lang,
        Err(_) => cli
            .lang
            .as_deref()
            .and_then(Lang::parse)
            .unwrap_or_else(|| crate::config::load().0.lang),
    };
    match prefs.and_then(|p| run(cli, p, interactive)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            if json && e.code != 0 {
                // One line; what the user typed is escaped like in every JSON output.
                let obj = e.to_json(lang).to_string();
                let _ = writeln!(std::io::stderr(), "{}", json::escape_invisible(&obj));
            } else {
                let message = e.message(lang);
                if !message.is_empty() {
                    let _ = writeln!(std::io::stderr(), "shura: {}", sanitize(&message));
                }
            }
            ExitCode::from(e.code)
        }
    }
}

/// The language asked for on the command line (`--lang fa`, `--lang=fa`), else the
/// config file's, for errors of the command line itself.
fn raw_lang() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    for (i, a) in args.iter().enumerate() {
        let value = match a.strip_prefix("--lang=") {
            Some(v) => Some(v),
            None if a == "--lang" => args.get(i + 1).map(String::as_str),
            None => None,
        };
        if let Some(l) = value.and_then(Lang::parse) {
            return l;
        }
    }
    crate::config::load().0.lang
}

/// A command-line error in words from the catalogue, for the kinds people make most;
/// `None` for the others (clap's own text is used).
fn usage_in(e: &clap::Error, lang: Lang) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let get = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(t(lang, Msg::ListSeparator))),
        _ => None,
    };
    let text = match e.kind() {
        ErrorKind::UnknownArgument => {
            tf(lang, Msg::CliArgUnknown, &[&get(ContextKind::InvalidArg)?])
        }
        ErrorKind::InvalidValue => tf(
            lang,
            Msg::CliArgInvalidValue,
            &[
                &get(ContextKind::InvalidValue)?,
                &get(ContextKind::InvalidArg)?,
                &get(ContextKind::ValidValue).unwrap_or_default(),
            ],
        ),
        ErrorKind::MissingRequiredArgument => {
            tf(lang, Msg::CliArgMissing, &[&get(ContextKind::InvalidArg)?])
        }
        ErrorKind::InvalidSubcommand => tf(
            lang,
            Msg::CliArgUnknown,
            &[&get(ContextKind::InvalidSubcommand)?],
        ),
        ErrorKind::MissingSubcommand => t(lang, Msg::CliArgNoSubcommand).to_string(),
        _ => return None,
    };
    Some(text)
}

/// Whether the command given takes `--json` and it was given: errors are then JSON too.
fn wants_json(m: &clap::ArgMatches) -> bool {
    let mut m = m;
    loop {
        if let Ok(Some(true)) = m.try_get_one::<bool>("json") {
            return true;
        }
        match m.subcommand() {
            Some((_, sub)) => m = sub,
            None => return false,
        }
    }
}

/// The user's preferences: command-line flags over the config file over the locale.
pub fn resolve_prefs(cli: &Cli) -> CliResult<(Prefs, crate::config::Config, Vec<String>)> {
    let (config, problems) = crate::config::load();
    let mut prefs = Prefs {
        lang: config.lang,
        calendar: config.calendar,
        bidi: config.bidi,
    };
    if let Some(l) = &cli.lang {
        prefs.lang = Lang::parse(l).ok_or_else(|| {
            CliError::usage(unknown_value(prefs.lang, Msg::WhatLanguage, l, "en, fa"))
        })?;
        if cli.calendar.is_none() && config.source.is_none() {
            prefs.calendar = match prefs.lang {
                Lang::Fa => Calendar::Jalali,
                Lang::En => Calendar::Gregorian,
            };
        }
    }
    if let Some(c) = &cli.calendar {
        prefs.calendar = Calendar::parse(c).ok_or_else(|| {
            CliError::usage(unknown_value(
                prefs.lang,
                Msg::WhatCalendar,
                c,
                "jalali, gregorian",
            ))
        })?;
    }
    // Output going to a file or a pipe keeps logical order (for mail, scripts, other
    // programs); reordering is for a terminal that can't do it itself.
    if cli.bidi.is_none() && cli.command.is_some() {
        use std::io::IsTerminal;
        if !std::io::stdout().is_terminal() {
            prefs.bidi = BidiMode::Off;
        }
    }
    if let Some(b) = &cli.bidi {
        prefs.bidi = BidiMode::parse(b).ok_or_else(|| {
            CliError::usage(unknown_value(
                prefs.lang,
                Msg::WhatBidi,
                b,
                "app, terminal, off",
            ))
        })?;
    }
    Ok((prefs, config, problems))
}

pub fn db_path(cli: &Cli) -> PathBuf {
    cli.db
        .clone()
        .unwrap_or_else(crate::config::default_db_path)
}

/// The demo database used by `shura --demo`: beside the default database.
pub fn demo_db_path() -> PathBuf {
    crate::config::default_db_path().with_file_name("shura-demo.db")
}

type Prefs3 = (Prefs, crate::config::Config, Vec<String>);

fn run(cli: Cli, (prefs, config, problems): Prefs3, interactive: Interactive) -> CliResult {
    for p in &problems {
        eprintln!("shura: {}", sanitize(p));
    }
    let actor = Actor::current();
    let Some(command) = cli.command.as_ref() else {
        let path = if cli.demo && cli.db.is_none() {
            demo_db_path()
        } else {
            db_path(&cli)
        };
        let mut store = Store::open(&path, actor)?;
        if cli.demo && !store.holds_data()? {
            crate::demo::load_demo(&mut store, prefs.lang, crate::store::today())?;
        }
        let ctx = Context::new(store, prefs);
        let mut config = config;
        if cli.view.is_some() {
            config.start_view = cli.view.clone();
        }
        return interactive(ctx, config).map_err(|e| CliError::failure(e.to_string()));
    };
    // Commands that need no database.
    match command {
        Command::Date(a) => return commands::date(a, prefs),
        Command::Doctor(a) => return setup::doctor(&db_path(&cli), a, prefs),
        Command::Init(a) if a.shared.is_some() || a.group.is_some() => {
            return setup::init_shared(&cli, a, prefs, actor)
        }
        Command::Whoami(a) if cli.db.is_none() && !db_path(&cli).exists() => {
            return commands::whoami_without_db(a, &actor)
        }
        _ => {}
    }
    let path = db_path(&cli);
    if let Command::Demo(a) = command {
        return commands::demo(&path, a, prefs, actor);
    }
    let store = if command.only_reads() {
        Store::open_existing(&path, actor)?
    } else {
        Store::open(&path, actor)?
    };
    let mut ctx = Context::new(store, prefs);
    let out = std::io::stdout();
    let mut out = out.lock();
    commands::dispatch(&mut ctx, command, &mut out)?;
    out.flush()?;
    Ok(())
}
