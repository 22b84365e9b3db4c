//! Colours from `themes/*.toml` (dark, light, high-contrast are built in; a file of the
//! same format in the config directory's `themes/` adds more). Under `NO_COLOR` the
//! theme is monochrome: modifiers only, because crossterm turns colour commands into a
//! bare SGR reset there, which would wipe the reversed selection.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    name: String,
    fg: String,
    bg: String,
    accent: String,
    muted: String,
    title: String,
    border: String,
    selected_fg: String,
    selected_bg: String,
    ok: String,
    warn: String,
    error: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: String,
    pub base: Style,
    pub accent: Style,
    pub muted: Style,
    pub title: Style,
    pub border: Style,
    pub focused_border: Style,
    pub selected: Style,
    pub ok: Style,
    pub warn: Style,
    pub error: Style,
}

pub const BUILT_IN: &[(&str, &str)] = &[
    ("dark", include_str!("../../themes/dark.toml")),
    ("light", include_str!("../../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../../themes/high-contrast.toml"),
    ),
];

fn color(s: &str, what: &str) -> Result<Color, String> {
    s.parse::<Color>().map_err(|_| {
        format!("{what} = {s:?} is not a colour (a name such as \"cyan\", or \"#rrggbb\")")
    })
}

impl Theme {
    fn from_toml(text: &str) -> Result<Theme, String> {
        let f: ThemeFile = toml::from_str(text).map_err(|e| e.to_string())?;
        let fg = color(&f.fg, "fg")?;
        let bg = color(&f.bg, "bg")?;
        let s = |c: &str, what: &str| -> Result<Style, String> {
            Ok(Style::default().fg(color(c, what)?))
        };
        Ok(Theme {
            name: f.name,
            base: Style::default().fg(fg).bg(bg),
            accent: s(&f.accent, "accent")?,
            muted: s(&f.muted, "muted")?,
            title: s(&f.title, "title")?.add_modifier(Modifier::BOLD),
            border: s(&f.border, "border")?,
            focused_border: s(&f.accent, "accent")?.add_modifier(Modifier::BOLD),
            selected: Style::default()
                .fg(color(&f.selected_fg, "selected_fg")?)
                .bg(color(&f.selected_bg, "selected_bg")?)
                .add_modifier(Modifier::BOLD),
            ok: s(&f.ok, "ok")?,
            warn: s(&f.warn, "warn")?.add_modifier(Modifier::BOLD),
            error: s(&f.error, "error")?.add_modifier(Modifier::BOLD),
        })
    }

    /// Modifiers only: for NO_COLOR and terminals without colour.
    pub fn monochrome() -> Theme {
        let plain = Style::default();
        Theme {
            name: "monochrome".into(),
            base: plain,
            accent: plain.add_modifier(Modifier::BOLD),
            muted: plain.add_modifier(Modifier::DIM),
            title: plain.add_modifier(Modifier::BOLD),
            border: plain,
            focused_border: plain.add_modifier(Modifier::BOLD),
            selected: plain.add_modifier(Modifier::REVERSED),
            ok: plain,
            warn: plain.add_modifier(Modifier::BOLD),
            error: plain.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        }
    }

    /// The named theme; problems (unknown name, bad file) fall back to dark.
    pub fn load(name: &str) -> (Theme, Option<String>) {
        if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            return (Theme::monochrome(), None);
        }
        if name == "monochrome" {
            return (Theme::monochrome(), None);
        }
        let user_file = crate::config::config_path().and_then(|p| {
            p.parent()
                .map(|d| d.join("themes").join(format!("{name}.toml")))
        });
        if let Some(path) = user_file.filter(|p| p.exists()) {
            return match std::fs::read_to_string(&path)
                .map_err(|e| e.to_string())
                .and_then(|t| Theme::from_toml(&t))
            {
                Ok(t) => (t, None),
                Err(e) => (
                    Theme::dark(),
                    Some(format!("{}: {e}; using the dark theme", path.display())),
                ),
            };
        }
        match BUILT_IN.iter().find(|(n, _)| *n == name) {
            Some((_, text)) => match Theme::from_toml(text) {
                Ok(t) => (t, None),
                Err(e) => (Theme::monochrome(), Some(e)),
            },
            None => (
                Theme::dark(),
                Some(format!(
                    "theme {name:?} is not known; expected dark, light, high-contrast, monochrome or a file in the config directory's themes/; using dark"
                )),
            ),
        }
    }

    pub fn dark() -> Theme {
        BUILT_IN
            .first()
            .and_then(|(_, t)| Theme::from_toml(t).ok())
            .unwrap_or_else(Theme::monochrome)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_themes_parse() {
        for (name, text) in BUILT_IN {
            let t = Theme::from_toml(text);
            assert!(t.is_ok(), "{name}: {t:?}");
        }
    }

    #[test]
    fn monochrome_uses_no_colour() {
        let t = Theme::monochrome();
        for s in [t.base, t.selected, t.error, t.accent] {
            assert_eq!(s.fg, None);
            assert_eq!(s.bg, None);
        }
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
    }
}
