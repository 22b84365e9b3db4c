//! The user's settings: a TOML file in the config directory (`SHURA_CONFIG` overrides
//! its path). A bad file never stops the program: the error names the file, the line
//! and the bad value, and defaults are used for what could not be read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::locale::text::BidiMode;
use crate::locale::{Calendar, Lang};

/// The screens the TUI can start on (`--view`, or `start_view` in the config).
pub const START_VIEWS: &[&str] = &["dashboard", "bodies", "tasks", "resolutions", "mine"];

#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    pub lang: Lang,
    pub calendar: Calendar,
    pub bidi: BidiMode,
    pub theme: String,
    pub mouse: bool,
    /// The screen the TUI opens on (`dashboard`, `bodies`, `tasks`, `resolutions`,
    /// `mine`); none: by the user's role.
    pub start_view: Option<String>,
    /// Key overrides: action name → key (e.g. `quit = "ctrl-q"`).
    pub keys: BTreeMap<String, String>,
    /// Where the settings came from, when a file was read.
    pub source: Option<PathBuf>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            lang: Lang::En,
            calendar: Calendar::Gregorian,
            bidi: BidiMode::App,
            theme: "dark".into(),
            mouse: false,
            start_view: None,
            keys: BTreeMap::new(),
            source: None,
        }
    }
}

/// Where the config file is looked for.
pub fn config_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("SHURA_CONFIG") {
        return Some(PathBuf::from(p));
    }
    directories::ProjectDirs::from("org", "shura", "shura")
        .map(|d| d.config_dir().join("config.toml"))
}

/// Language and calendar from the locale: `LANG=fa_IR…` (or `LC_ALL`, `LC_MESSAGES`)
/// means Persian and Jalali.
pub fn locale_defaults() -> (Lang, Calendar) {
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Ok(v) = std::env::var(var) {
            if v.is_empty() {
                continue;
            }
            if v.to_ascii_lowercase().starts_with("fa") {
                return (Lang::Fa, Calendar::Jalali);
            }
            return (Lang::En, Calendar::Gregorian);
        }
    }
    (Lang::En, Calendar::Gregorian)
}

/// Loads the config; returns it with the problems found (to show, not to stop on).
pub fn load() -> (Config, Vec<String>) {
    let (lang, calendar) = locale_defaults();
    let base = Config {
        lang,
        calendar,
        ..Config::default()
    };
    match config_path() {
        Some(p) if p.exists() => parse_file(&p, base),
        _ => (base, vec![]),
    }
}

/// Reads one file on top of `base`.
pub fn parse_file(path: &Path, base: Config) -> (Config, Vec<String>) {
    match std::fs::read_to_string(path) {
        Ok(text) => parse_str(&text, path, base),
        Err(e) => (
            base,
            vec![format!(
                "{}: cannot be read: {e}; using defaults",
                path.display()
            )],
        ),
    }
}

fn line_of(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| l.trim_start().starts_with(key))
        .map(|i| i + 1)
        .unwrap_or(0)
}

pub fn parse_str(text: &str, path: &Path, mut cfg: Config) -> (Config, Vec<String>) {
    let mut problems = Vec::new();
    let table: toml::Table = match text.parse() {
        Ok(t) => t,
        Err(e) => {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].lines().count().max(1))
                .unwrap_or(0);
            problems.push(format!(
                "{}:{line}: {}; using defaults",
                path.display(),
                e.message()
            ));
            return (cfg, problems);
        }
    };
    cfg.source = Some(path.to_path_buf());
    let mut unknown = Vec::new();
    let mut bad = |key: &str, value: &toml::Value, expected: &str| {
        problems.push(format!(
            "{}:{}: {key} = {value} is not valid; expected {expected}; using the default",
            path.display(),
            line_of(text, key)
        ));
    };
    for (key, value) in &table {
        match key.as_str() {
            "lang" | "language" => match value.as_str().and_then(Lang::parse) {
                Some(l) => cfg.lang = l,
                None => bad(key, value, "\"en\" or \"fa\""),
            },
            "calendar" => match value.as_str().and_then(Calendar::parse) {
                Some(c) => cfg.calendar = c,
                None => bad(key, value, "\"jalali\" or \"gregorian\""),
            },
            "bidi" => match value.as_str().and_then(BidiMode::parse) {
                Some(b) => cfg.bidi = b,
                None => bad(key, value, "\"app\", \"terminal\" or \"off\""),
            },
            "start_view" => match value.as_str() {
                Some(v) if START_VIEWS.contains(&v) => {
                    cfg.start_view = Some(v.to_string())
                }
                _ => bad(
                    key,
                    value,
                    "\"dashboard\", \"bodies\", \"tasks\", \"resolutions\" or \"mine\"",
                ),
            },
            "theme" => match value.as_str() {
                Some(t) if !t.trim().is_empty() => cfg.theme = t.trim().to_string(),
                _ => bad(key, value, "a theme name such as \"dark\", \"light\" or \"high-contrast\""),
            },
            "mouse" => match value.as_bool() {
                Some(m) => cfg.mouse = m,
                None => bad(key, value, "true or false"),
            },
            "keys" => match value.as_table() {
                Some(t) => {
                    for (action, k) in t {
                        match k.as_str() {
                            Some(k) => {
                                cfg.keys.insert(action.clone(), k.to_string());
                            }
                            None => bad(&format!("keys.{action}"), k, "a key such as \"ctrl-q\""),
                        }
                    }
                }
                None => bad(key, value, "a table [keys] of action = \"key\""),
            },
            other => unknown.push(format!(
                "{}:{}: unknown setting {other:?}; known: lang, calendar, bidi, theme, mouse, [keys]",
                path.display(),
                line_of(text, other)
            )),
        }
    }
    problems.extend(unknown);
    (cfg, problems)
}

/// The directory for drafts and logs (`$XDG_STATE_HOME/shura` or the data directory).
pub fn state_dir() -> PathBuf {
    if let Some(p) = std::env::var_os("SHURA_STATE_DIR") {
        return PathBuf::from(p);
    }
    directories::ProjectDirs::from("org", "shura", "shura")
        .map(|d| d.state_dir().unwrap_or(d.data_local_dir()).to_path_buf())
        .unwrap_or_else(|| std::env::temp_dir().join("shura"))
}

/// The default database: `shura.db` in the user's data directory.
pub fn default_db_path() -> PathBuf {
    directories::ProjectDirs::from("org", "shura", "shura")
        .map(|d| d.data_dir().join("shura.db"))
        .unwrap_or_else(|| PathBuf::from("shura.db"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_value_names_file_line_and_value() {
        let text = "lang = \"fa\"\ncalendar = \"lunar\"\n";
        let (cfg, problems) = parse_str(text, Path::new("/x/config.toml"), Config::default());
        assert_eq!(cfg.lang, Lang::Fa);
        assert_eq!(cfg.calendar, Calendar::Gregorian);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].contains("/x/config.toml:2"), "{}", problems[0]);
        assert!(problems[0].contains("lunar"), "{}", problems[0]);
    }

    #[test]
    fn broken_toml_keeps_defaults() {
        let (cfg, problems) = parse_str("lang = \n", Path::new("c.toml"), Config::default());
        assert_eq!(cfg, Config::default());
        assert!(problems[0].starts_with("c.toml:1"), "{}", problems[0]);
    }
}
