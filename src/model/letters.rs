//! The secretariat's register (دبیرخانه): numbered letters received and sent, each
//! linkable to an agenda item (a bill arrives as a letter) or a resolution (sent out
//! as one).
//!
//! A letter's number is kept as typed (Persian digits stay Persian) but matched
//! digit-insensitively: «۱۲۳/ش» and «123/ش» are the same number, so the register
//! refuses the second one in the same direction, and `letter show` finds either.

use chrono::NaiveDate;
use serde::Serialize;

use crate::locale::digits::{localize_digits, to_latin_digits};
use crate::locale::normalize::normalize_for_search;
use crate::locale::strings::{tf, Msg};
use crate::locale::Lang;
use crate::model::legal::LetterDirection;
use crate::model::ItemKind;

/// A letter of the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Letter {
    pub id: i64,
    pub body_id: i64,
    pub direction: LetterDirection,
    /// As typed.
    pub number: String,
    pub dated: NaiveDate,
    /// Who it is from (incoming) or to (outgoing).
    pub correspondent: String,
    pub subject: String,
    pub agenda_item_id: Option<i64>,
    pub resolution_id: Option<i64>,
    pub created_at: String,
    pub version: i64,
}

impl Letter {
    /// Whether it is linked to an agenda item or a resolution.
    pub fn is_linked(&self) -> bool {
        self.agenda_item_id.is_some() || self.resolution_id.is_some()
    }

    /// Whether the letter matches a search text (its number, correspondent or subject,
    /// Persian letters and digits normalized).
    pub fn matches(&self, text: &str) -> bool {
        let wanted = normalize_for_search(text);
        if wanted.is_empty() {
            return true;
        }
        [&self.number, &self.correspondent, &self.subject]
            .iter()
            .any(|s| normalize_for_search(s).contains(&wanted))
    }
}

/// The key a letter number is compared by: trimmed, Latin digits.
pub fn number_key(number: &str) -> String {
    to_latin_digits(number.trim())
}

/// What a letter is linked to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterLink {
    Item(i64),
    Resolution(i64),
}

/// The kinds an incoming letter goes on the agenda as.
pub const AGENDA_KINDS: [ItemKind; 2] = [ItemKind::Bill, ItemKind::Correspondence];

/// Why the register refuses an act.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LetterRefusal {
    /// The resolution is another body's than the letter's (`letter` 0: a letter being
    /// registered).
    ResolutionOfOtherBody {
        letter: i64,
        body: i64,
        resolution: i64,
        resolution_body: i64,
    },
    /// The agenda item is of a session of another body than the letter's.
    ItemOfOtherBody {
        letter: i64,
        body: i64,
        item: i64,
        item_body: i64,
    },
    /// Only an incoming letter is put on the agenda.
    NotIncoming { letter: i64 },
    /// The letter is on an agenda already (the item it is linked to).
    AlreadyOnAgenda { letter: i64, item: i64 },
    /// The session is another body's than the letter's.
    SessionOfOtherBody {
        letter: i64,
        body: i64,
        session: i64,
        session_body: i64,
    },
}

impl LetterRefusal {
    pub fn code(&self) -> &'static str {
        match self {
            LetterRefusal::ResolutionOfOtherBody { .. } => "letter_resolution_of_other_body",
            LetterRefusal::ItemOfOtherBody { .. } => "letter_item_of_other_body",
            LetterRefusal::NotIncoming { .. } => "letter_not_incoming",
            LetterRefusal::AlreadyOnAgenda { .. } => "letter_already_on_agenda",
            LetterRefusal::SessionOfOtherBody { .. } => "letter_session_of_other_body",
        }
    }

    pub fn fields(&self) -> Vec<(&'static str, i64)> {
        match *self {
            LetterRefusal::ResolutionOfOtherBody {
                letter,
                body,
                resolution,
                resolution_body,
            } => vec![
                ("letter", letter),
                ("body", body),
                ("resolution", resolution),
                ("resolution_body", resolution_body),
            ],
            LetterRefusal::ItemOfOtherBody {
                letter,
                body,
                item,
                item_body,
            } => vec![
                ("letter", letter),
                ("body", body),
                ("item", item),
                ("item_body", item_body),
            ],
            LetterRefusal::NotIncoming { letter } => vec![("letter", letter)],
            LetterRefusal::AlreadyOnAgenda { letter, item } => {
                vec![("letter", letter), ("item", item)]
            }
            LetterRefusal::SessionOfOtherBody {
                letter,
                body,
                session,
                session_body,
            } => vec![
                ("letter", letter),
                ("body", body),
                ("session", session),
                ("session_body", session_body),
            ],
        }
    }
}

impl crate::locale::Localized for LetterRefusal {
    fn message(&self, lang: Lang) -> String {
        let n = |i: i64| localize_digits(&i.to_string(), lang);
        match *self {
            LetterRefusal::ResolutionOfOtherBody {
                letter: 0,
                body,
                resolution,
                resolution_body,
            } => tf(
                lang,
                Msg::RefusedNewLetterResolutionOfOtherBody,
                &[&n(resolution), &n(resolution_body), &n(body)],
            ),
            LetterRefusal::ResolutionOfOtherBody {
                letter,
                body,
                resolution,
                resolution_body,
            } => tf(
                lang,
                Msg::RefusedLetterResolutionOfOtherBody,
                &[&n(resolution), &n(resolution_body), &n(letter), &n(body)],
            ),
            LetterRefusal::ItemOfOtherBody {
                letter: 0,
                body,
                item,
                item_body,
            } => tf(
                lang,
                Msg::RefusedNewLetterItemOfOtherBody,
                &[&n(item), &n(item_body), &n(body)],
            ),
            LetterRefusal::ItemOfOtherBody {
                letter,
                body,
                item,
                item_body,
            } => tf(
                lang,
                Msg::RefusedLetterItemOfOtherBody,
                &[&n(item), &n(item_body), &n(letter), &n(body)],
            ),
            LetterRefusal::NotIncoming { letter } => {
                tf(lang, Msg::RefusedLetterNotIncoming, &[&n(letter)])
            }
            LetterRefusal::AlreadyOnAgenda { letter, item } => {
                tf(lang, Msg::RefusedLetterOnAgenda, &[&n(letter), &n(item)])
            }
            LetterRefusal::SessionOfOtherBody {
                letter,
                body,
                session,
                session_body,
            } => tf(
                lang,
                Msg::RefusedLetterSessionOfOtherBody,
                &[&n(session), &n(session_body), &n(letter), &n(body)],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letter() -> Letter {
        Letter {
            id: 1,
            body_id: 1,
            direction: LetterDirection::In,
            number: "۱۲۳/ش".into(),
            dated: NaiveDate::from_ymd_opt(2024, 12, 1).unwrap_or_default(),
            correspondent: "شهرداری منطقه ۲".into(),
            subject: "Budget bill 1404".into(),
            agenda_item_id: None,
            resolution_id: None,
            created_at: String::new(),
            version: 1,
        }
    }

    #[test]
    fn numbers_match_whatever_the_digits() {
        assert_eq!(number_key(" ۱۲۳/ش "), number_key("123/ش"));
        assert_ne!(number_key("124"), number_key("123"));
    }

    #[test]
    fn search_reads_number_correspondent_and_subject() {
        let l = letter();
        assert!(l.matches("123"));
        assert!(l.matches("منطقه 2"));
        assert!(l.matches("budget"));
        assert!(l.matches(""));
        assert!(!l.matches("roof"));
        assert!(!l.is_linked());
    }
}
