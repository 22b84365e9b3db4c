//! Locale: calendars (Gregorian, Jalali), date parsing and formatting, digits,
//! Persian text normalization, right-to-left display and sanitizing of stored text.
//! Used by every layer; knows nothing of SQL or terminals.

pub mod calendar;
pub mod collate;
pub mod dateparse;
pub mod digits;
pub mod normalize;
pub mod strings;
pub mod text;

use serde::{Deserialize, Serialize};

/// An error (or any message) that carries data and becomes text only at the edge,
/// from the catalogue, in the user's language.
pub trait Localized {
    fn message(&self, lang: Lang) -> String;
}

/// The language of the user interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    En,
    Fa,
}

impl Lang {
    pub fn is_rtl(self) -> bool {
        matches!(self, Lang::Fa)
    }
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fa => "fa",
        }
    }
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "en" | "english" => Some(Lang::En),
            "fa" | "persian" | "farsi" => Some(Lang::Fa),
            _ => None,
        }
    }
}

/// The calendar dates are shown and typed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Calendar {
    #[default]
    Gregorian,
    Jalali,
}

impl Calendar {
    pub fn parse(s: &str) -> Option<Calendar> {
        match s.trim().to_ascii_lowercase().as_str() {
            "gregorian" | "g" | "greg" => Some(Calendar::Gregorian),
            "jalali" | "j" | "persian" | "shamsi" | "solar-hijri" => Some(Calendar::Jalali),
            _ => None,
        }
    }
}

/// How the user wants things shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Prefs {
    pub lang: Lang,
    pub calendar: Calendar,
    pub bidi: text::BidiMode,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            lang: Lang::En,
            calendar: Calendar::Gregorian,
            bidi: text::BidiMode::App,
        }
    }
}
