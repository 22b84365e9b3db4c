//! The user's settings: a TOML file in the config directory (`SHURA_CONFIG` overrides
//! its path). A bad file never stops the program: the error names the file, the line
//! and the bad value, and defaults are used for what could not be read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::locale::strings::{tf, Msg};
use crate::locale::text::BidiMode;
use crate::locale::{Calendar, Lang};

use crate::app::screens::START_VIEWS;

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
    // `keys.quit` is written `quit = …` under `[keys]`.
    if let Some(line) = key
        .strip_prefix("keys.")
        .map(|action| key_line(text, action))
        .filter(|l| *l > 0)
    {
        return line;
    }
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
            problems.push(tf(
                cfg.lang,
                Msg::ConfigSyntax,
                &[&path.display().to_string(), &line.to_string(), e.message()],
            ));
            return (cfg, problems);
        }
    };
    cfg.source = Some(path.to_path_buf());
    // Problems are told in the file's own language when it names one.
    let l = ["lang", "language"]
        .iter()
        .find_map(|k| table.get(*k).and_then(|v| v.as_str()).and_then(Lang::parse))
        .unwrap_or(cfg.lang);
    let file = path.display().to_string();
    let mut unknown = Vec::new();
    let mut bad = |key: &str, value: &toml::Value, expected: Msg| {
        problems.push(tf(
            l,
            Msg::ConfigBadValue,
            &[
                &file,
                &line_of(text, key).to_string(),
                key,
                &value.to_string(),
                tf(l, expected, &[]).as_str(),
            ],
        ));
    };
    for (key, value) in &table {
        match key.as_str() {
            "lang" | "language" => match value.as_str().and_then(Lang::parse) {
                Some(l) => cfg.lang = l,
                None => bad(key, value, Msg::ConfigExpectLang),
            },
            "calendar" => match value.as_str().and_then(Calendar::parse) {
                Some(c) => cfg.calendar = c,
                None => bad(key, value, Msg::ConfigExpectCalendar),
            },
            "bidi" => match value.as_str().and_then(BidiMode::parse) {
                Some(b) => cfg.bidi = b,
                None => bad(key, value, Msg::ConfigExpectBidi),
            },
            "start_view" => match value.as_str() {
                Some(v) if START_VIEWS.contains(&v) => cfg.start_view = Some(v.to_string()),
                _ => bad(key, value, Msg::ConfigExpectStartView),
            },
            "theme" => match value.as_str() {
                Some(t) if !t.trim().is_empty() => cfg.theme = t.trim().to_string(),
                _ => bad(key, value, Msg::ConfigExpectTheme),
            },
            "mouse" => match value.as_bool() {
                Some(m) => cfg.mouse = m,
                None => bad(key, value, Msg::ConfigExpectBool),
            },
            "keys" => match value.as_table() {
                Some(t) => {
                    for (action, k) in t {
                        match k.as_str() {
                            Some(k) => {
                                cfg.keys.insert(action.clone(), k.to_string());
                            }
                            None => bad(&format!("keys.{action}"), k, Msg::ConfigExpectKey),
                        }
                    }
                }
                None => bad(key, value, Msg::ConfigExpectKeysTable),
            },
            other => unknown.push(tf(
                l,
                Msg::ConfigUnknownSetting,
                &[&file, &line_of(text, other).to_string(), other],
            )),
        }
    }
    problems.extend(unknown);
    problems.extend(check_keys(text, path, &mut cfg));
    (cfg, problems)
}

/// The line of `action = …` in the `[keys]` table (or `keys.action = …`); 0 if not
/// found.
fn key_line(text: &str, action: &str) -> usize {
    text.lines()
        .position(|l| {
            let l = l.trim_start();
            let l = l.strip_prefix("keys.").unwrap_or(l);
            let quoted = format!("\"{action}\"");
            let rest = l
                .strip_prefix(quoted.as_str())
                .or_else(|| l.strip_prefix(action));
            rest.is_some_and(|r| r.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
        .unwrap_or(0)
}

/// Checks the `[keys]` overrides, in the language of the settings: every action is
/// one of the keymap's, every key name one a key press produces
/// ([`is_valid_key_name`](crate::app::keymap::is_valid_key_name)), and no key does two
/// things in one place once the overrides are applied. A bad override is dropped: its
/// action keeps its default keys.
fn check_keys(text: &str, path: &Path, cfg: &mut Config) -> Vec<String> {
    use crate::app::keymap::Action;
    use crate::app::keymap::{apply_overrides, clashes, default_bindings, is_valid_key_name};
    let l = cfg.lang;
    let file = path.display().to_string();
    let line = |action: &str| key_line(text, action).to_string();
    let mut problems = Vec::new();
    let mut keep = BTreeMap::new();
    for (action, value) in &cfg.keys {
        if Action::from_name(action).is_none() {
            problems.push(tf(
                l,
                Msg::ConfigUnknownAction,
                &[&file, &line(action), action],
            ));
            continue;
        }
        let bad = value
            .split(',')
            .map(str::trim)
            .find(|k| !k.is_empty() && !is_valid_key_name(k));
        if let Some(k) = bad {
            problems.push(tf(
                l,
                Msg::ConfigBadKeyName,
                &[&file, &line(action), action, value, k],
            ));
            continue;
        }
        keep.insert(action.clone(), value.clone());
    }
    // Drop, one by one, the overrides that make a key do two things in one place.
    loop {
        let mut bindings = default_bindings();
        apply_overrides(&mut bindings, &keep);
        let overridden = |a: Action| keep.contains_key(a.name());
        let Some(c) = clashes(&bindings)
            .into_iter()
            .find(|c| overridden(c.first) || overridden(c.second))
        else {
            break;
        };
        let (blamed, other, other_scope) = if overridden(c.second) {
            (c.second, c.first, c.first_scope)
        } else {
            (c.first, c.second, c.second_scope)
        };
        let value = keep.remove(blamed.name()).unwrap_or_default();
        problems.push(tf(
            l,
            Msg::ConfigKeyClash,
            &[
                &file,
                &line(blamed.name()),
                blamed.name(),
                &value,
                &c.key,
                other.describe(l),
                other.name(),
                other_scope.title(l),
            ],
        ));
    }
    cfg.keys = keep;
    problems
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
    fn a_persian_settings_file_hears_its_problems_in_persian() {
        let text = "lang = \"fa\"\ncalendar = \"lunar\"\ncolour = 1\nmouse = \"yes\"\n";
        let (_, problems) = parse_str(text, Path::new("/x/config.toml"), Config::default());
        assert_eq!(problems.len(), 3, "{problems:?}");
        for p in &problems {
            assert!(p.contains("/x/config.toml:"), "{p}");
            // Beyond the path, the key, the value and the codes to type: Persian only.
            for word in [
                "not valid",
                "expected",
                "unknown",
                "using",
                "default",
                "known",
            ] {
                assert!(!p.contains(word), "{p}");
            }
        }
        assert!(problems
            .iter()
            .any(|p| p.contains(":2:") && p.contains("lunar")));
        assert!(problems
            .iter()
            .any(|p| p.contains(":3:") && p.contains("colour")));
    }

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
    fn a_bad_key_name_names_file_line_and_value_in_both_languages() {
        let text = "lang = \"en\"\n\n[keys]\nhelp = \"f2\"\nquit = \"ctrl-qq\"\n";
        let (cfg, problems) = parse_str(text, Path::new("/x/config.toml"), Config::default());
        assert_eq!(problems.len(), 1, "{problems:?}");
        let p = &problems[0];
        assert!(p.starts_with("/x/config.toml:5:"), "{p}");
        assert!(p.contains("keys.quit") && p.contains("ctrl-qq"), "{p}");
        assert!(p.contains("is not a key name"), "{p}");
        assert!(!cfg.keys.contains_key("quit"), "the default stays");
        assert_eq!(cfg.keys.get("help").map(String::as_str), Some("f2"));

        let text = "lang = \"fa\"\n[keys]\nhelp = \"f2, fn5\"\n";
        let (cfg, problems) = parse_str(text, Path::new("/x/config.toml"), Config::default());
        assert_eq!(problems.len(), 1, "{problems:?}");
        let p = &problems[0];
        assert!(p.starts_with("/x/config.toml:3:"), "{p}");
        assert!(p.contains("«fn5»") && p.contains("f2, fn5"), "{p}");
        assert!(p.contains("نام کلید نیست"), "{p}");
        assert!(cfg.keys.is_empty());
    }

    #[test]
    fn two_actions_on_one_key_is_an_error_in_both_languages() {
        let text = "[keys]\nquit = \"ctrl-q\"\nhelp = \"n\"\n";
        let (cfg, problems) = parse_str(text, Path::new("c.toml"), Config::default());
        assert_eq!(problems.len(), 1, "{problems:?}");
        let p = &problems[0];
        assert!(p.starts_with("c.toml:3:"), "{p}");
        assert!(p.contains("keys.help = \"n\""), "{p}");
        assert!(p.contains("new_session"), "the other action is named: {p}");
        assert!(p.contains("Bodies screen"), "where: {p}");
        assert_eq!(cfg.keys.len(), 1, "the clashing override is dropped");
        assert!(cfg.keys.contains_key("quit"));

        // In a form: Enter saves; binding the next field to it clashes there.
        let text = "lang = \"fa\"\n[keys]\nnext_field = \"enter\"\n";
        let (_, problems) = parse_str(text, Path::new("c.toml"), Config::default());
        assert_eq!(problems.len(), 1, "{problems:?}");
        let p = &problems[0];
        assert!(p.starts_with("c.toml:3:"), "{p}");
        assert!(p.contains("next_field") && p.contains("enter"), "{p}");
        assert!(p.contains("save_form") && p.contains("پیش از این"), "{p}");
    }

    #[test]
    fn a_key_that_is_not_text_names_its_line() {
        let text = "lang = \"en\"\n[keys]\nquit = 1\n";
        let (cfg, problems) = parse_str(text, Path::new("c.toml"), Config::default());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("c.toml:3: keys.quit = 1"),
            "{}",
            problems[0]
        );
        assert!(cfg.keys.is_empty());
    }

    #[test]
    fn an_unknown_action_names_file_and_line() {
        let text = "[keys]\nfly = \"f\"\n";
        let (cfg, problems) = parse_str(text, Path::new("c.toml"), Config::default());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].starts_with("c.toml:2: keys.fly"),
            "{}",
            problems[0]
        );
        assert!(cfg.keys.is_empty());
    }

    #[test]
    fn broken_toml_keeps_defaults() {
        let (cfg, problems) = parse_str("lang = \n", Path::new("c.toml"), Config::default());
        assert_eq!(cfg, Config::default());
        assert!(problems[0].starts_with("c.toml:1"), "{}", problems[0]);
    }
}
