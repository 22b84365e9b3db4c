//! Numbering as bodies number: the number a session is shown by (its number in its
//! council term when the body numbers per term, else its place in the body's series),
//! the term a day falls in, and the refusals of a number that is taken.

use chrono::NaiveDate;

use super::{Session, Term};
use crate::locale::digits::localize_digits;
use crate::locale::strings::{tf, Msg};
use crate::locale::{Lang, Localized};

impl Session {
    /// The number the session is known by: its number within its council term when it
    /// has one (a body that numbers per term), else its number in the body's series.
    pub fn shown_number(&self) -> i64 {
        self.number_in_term.unwrap_or(self.number)
    }

    /// The number as a title shows it after the word "session" or "minutes": "12", or
    /// "12 (term 6)" / «۱۲ (دوره ۶)» for a session numbered in its term.
    pub fn number_text(&self, lang: Lang) -> String {
        let n = |i: i64| localize_digits(&i.to_string(), lang);
        match (self.term_number, self.number_in_term) {
            (Some(term), Some(number)) => {
                tf(lang, Msg::SessionNumberInTerm, &[&n(number), &n(term)])
            }
            _ => n(self.number),
        }
    }

    /// "term 6, session 12" / «دوره ۶، جلسه ۱۲» for a session numbered in its term,
    /// else "session 12" / «جلسه ۱۲».
    pub fn label(&self, lang: Lang) -> String {
        let n = |i: i64| localize_digits(&i.to_string(), lang);
        match (self.term_number, self.number_in_term) {
            (Some(term), Some(number)) => {
                tf(lang, Msg::SessionLabelInTerm, &[&n(term), &n(number)])
            }
            _ => tf(lang, Msg::SessionLabel, &[&n(self.number)]),
        }
    }
}

impl Term {
    /// Whether the day falls in the term (its end day included; an open term runs on).
    pub fn contains(&self, day: NaiveDate) -> bool {
        day >= self.starts_on && self.ends_on.is_none_or(|e| day <= e)
    }

    /// Whether two terms share a day.
    pub fn overlaps(&self, other: &Term) -> bool {
        let ends_before = |a: &Term, b: &Term| a.ends_on.is_some_and(|e| e < b.starts_on);
        !ends_before(self, other) && !ends_before(other, self)
    }
}

/// The term of `terms` a day falls in (terms of one body never overlap).
pub fn term_of(terms: &[Term], day: NaiveDate) -> Option<&Term> {
    terms.iter().find(|t| t.contains(day))
}

/// A number refused because another record has it, or a term refused because it
/// overlaps another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NumberingRefusal {
    /// The session number is the body's (or the term's, `term` given) session `session`.
    SessionNumberTaken {
        number: i64,
        term: Option<i64>,
        session: i64,
        date: NaiveDate,
    },
    /// The resolution number is the body's resolution `resolution`.
    ResolutionNumberTaken { number: String, resolution: i64 },
    /// The term's dates overlap term `other` (its number) of the body.
    TermOverlaps {
        term: i64,
        other: i64,
        other_from: NaiveDate,
        other_to: Option<NaiveDate>,
    },
    /// The body has a term with that number already.
    TermNumberTaken { number: i64, from: NaiveDate },
}

impl NumberingRefusal {
    /// A stable snake_case code for JSON.
    pub fn code(&self) -> &'static str {
        match self {
            NumberingRefusal::SessionNumberTaken { .. } => "session_number_taken",
            NumberingRefusal::ResolutionNumberTaken { .. } => "resolution_number_taken",
            NumberingRefusal::TermOverlaps { .. } => "term_overlaps",
            NumberingRefusal::TermNumberTaken { .. } => "term_number_taken",
        }
    }

    /// The refusal's data, as (field, value) pairs for JSON.
    pub fn fields(&self) -> Vec<(&'static str, String)> {
        match self {
            NumberingRefusal::SessionNumberTaken {
                number,
                term,
                session,
                date,
            } => {
                let mut f = vec![
                    ("number", number.to_string()),
                    ("session", session.to_string()),
                    ("date", date.to_string()),
                ];
                if let Some(t) = term {
                    f.push(("term", t.to_string()));
                }
                f
            }
            NumberingRefusal::ResolutionNumberTaken { number, resolution } => vec![
                ("number", number.clone()),
                ("resolution", resolution.to_string()),
            ],
            NumberingRefusal::TermOverlaps {
                term,
                other,
                other_from,
                other_to,
            } => vec![
                ("term", term.to_string()),
                ("other", other.to_string()),
                ("other_from", other_from.to_string()),
                (
                    "other_to",
                    other_to.map(|d| d.to_string()).unwrap_or_default(),
                ),
            ],
            NumberingRefusal::TermNumberTaken { number, from } => {
                vec![("number", number.to_string()), ("from", from.to_string())]
            }
        }
    }
}

impl Localized for NumberingRefusal {
    fn message(&self, lang: Lang) -> String {
        let n = |i: &i64| localize_digits(&i.to_string(), lang);
        let d = |day: &NaiveDate| crate::locale::calendar::format_date_in(*day, lang);
        match self {
            NumberingRefusal::SessionNumberTaken {
                number,
                term: None,
                session,
                date,
            } => tf(
                lang,
                Msg::RefusedSessionNumberTaken,
                &[&n(number), &n(session), &d(date)],
            ),
            NumberingRefusal::SessionNumberTaken {
                number,
                term: Some(term),
                session,
                date,
            } => tf(
                lang,
                Msg::RefusedSessionNumberTakenInTerm,
                &[&n(number), &n(term), &n(session), &d(date)],
            ),
            NumberingRefusal::ResolutionNumberTaken { number, resolution } => tf(
                lang,
                Msg::RefusedResolutionNumberTaken,
                &[
                    &localize_digits(&crate::locale::text::sanitize(number), lang),
                    &n(resolution),
                ],
            ),
            NumberingRefusal::TermOverlaps {
                term,
                other,
                other_from,
                other_to,
            } => match other_to {
                Some(to) => tf(
                    lang,
                    Msg::RefusedTermOverlaps,
                    &[&n(term), &n(other), &d(other_from), &d(to)],
                ),
                None => tf(
                    lang,
                    Msg::RefusedTermOverlapsOpen,
                    &[&n(term), &n(other), &d(other_from)],
                ),
            },
            NumberingRefusal::TermNumberTaken { number, from } => {
                tf(lang, Msg::RefusedTermNumberTaken, &[&n(number), &d(from)])
            }
        }
    }
}

/// The longest resolution number given by hand.
pub const MAX_RESOLUTION_NUMBER: usize = 40;

/// A session number as typed (`39`, `۳۹`): a positive whole number.
pub fn parse_session_number(s: &str) -> Result<i64, super::InvalidValue> {
    parse_positive(s, super::Entity::SessionNumber, Msg::ExpectedSessionNumber)
}

/// A council term's number as typed (`6`, `۶`): a positive whole number.
pub fn parse_term_number(s: &str) -> Result<i64, super::InvalidValue> {
    parse_positive(s, super::Entity::Term, Msg::ExpectedTermNumber)
}

fn parse_positive(s: &str, what: super::Entity, expected: Msg) -> Result<i64, super::InvalidValue> {
    let latin = crate::locale::digits::to_latin_digits(s.trim());
    match latin.parse::<i64>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(super::InvalidValue {
            what,
            value: s.to_string(),
            expected: super::Expected::msg(expected),
        }),
    }
}

/// Checks a positive session number given to the store.
pub fn check_session_number(n: i64) -> Result<i64, super::InvalidValue> {
    if n > 0 {
        Ok(n)
    } else {
        Err(super::InvalidValue {
            what: super::Entity::SessionNumber,
            value: n.to_string(),
            expected: super::Expected::msg(Msg::ExpectedSessionNumber),
        })
    }
}

/// A resolution number given by hand (`1397/39/4`, `۱۳۹۷/۳۹/۴`) as stored: one line
/// of 1 to [`MAX_RESOLUTION_NUMBER`] characters, its digits Latin (as the numbers the
/// format makes, so a number typed in Persian digits is found taken all the same).
pub fn check_resolution_number(s: &str) -> Result<String, super::InvalidValue> {
    let bad = || super::InvalidValue {
        what: super::Entity::ResolutionNumber,
        value: s.to_string(),
        expected: super::Expected::with(
            Msg::ExpectedResolutionNumber,
            &[&MAX_RESOLUTION_NUMBER.to_string()],
        ),
    };
    let text = super::check_text(super::Entity::ResolutionNumber, s, MAX_RESOLUTION_NUMBER)
        .map_err(|_| bad())?;
    if text.chars().any(char::is_control) {
        return Err(bad());
    }
    Ok(crate::locale::digits::to_latin_digits(&text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn term(number: i64, from: NaiveDate, to: Option<NaiveDate>) -> Term {
        Term {
            id: number,
            body_id: 1,
            number,
            starts_on: from,
            ends_on: to,
        }
    }

    #[test]
    fn terms_hold_their_days_and_overlap_when_they_share_one() {
        let five = term(5, d(2017, 8, 23), Some(d(2021, 8, 4)));
        let six = term(6, d(2021, 8, 5), None);
        assert!(five.contains(d(2021, 8, 4)) && !five.contains(d(2021, 8, 5)));
        assert!(six.contains(d(2030, 1, 1)) && !six.contains(d(2021, 8, 4)));
        assert!(!five.overlaps(&six) && !six.overlaps(&five));
        let late = term(7, d(2021, 8, 4), None);
        assert!(five.overlaps(&late) && late.overlaps(&six));
        let terms = [five, six];
        assert_eq!(term_of(&terms, d(2022, 1, 1)).map(|t| t.number), Some(6));
        assert_eq!(term_of(&terms, d(2017, 1, 1)), None);
    }

    #[test]
    fn numbers_typed_in_either_digits() {
        assert_eq!(parse_session_number("۳۹"), Ok(39));
        assert_eq!(parse_session_number(" 40 "), Ok(40));
        for bad in ["0", "-3", "x", "3.5", ""] {
            let e = parse_session_number(bad).expect_err(bad);
            assert_eq!(e.value, bad);
        }
        assert_eq!(
            check_resolution_number(" ۱۳۹۷/۳۹/۴ "),
            Ok("1397/39/4".to_string())
        );
        assert!(check_resolution_number("  ").is_err());
        assert!(check_resolution_number(&"9".repeat(41)).is_err());
        assert!(check_resolution_number("12\n13").is_err());
    }

    #[test]
    fn a_session_is_shown_by_its_number_in_its_term() {
        let mut s = Session {
            id: 1,
            body_id: 1,
            number: 112,
            kind: super::super::SessionKind::Regular,
            date: d(2026, 1, 1),
            start_time: None,
            end_time: None,
            place: None,
            status: super::super::SessionStatus::Planned,
            approved_by: None,
            approved_at: None,
            approved_audit_head: None,
            version: 1,
            term_id: Some(6),
            number_in_term: Some(12),
            term_number: Some(6),
        };
        assert_eq!(s.shown_number(), 12);
        assert_eq!(s.label(Lang::En), "term 6, session 12");
        assert_eq!(s.label(Lang::Fa), "دوره ۶، جلسه ۱۲");
        assert_eq!(s.number_text(Lang::En), "12 (term 6)");
        assert_eq!(s.number_text(Lang::Fa), "۱۲ (دوره ۶)");
        s.number_in_term = None;
        assert_eq!(s.shown_number(), 112);
        assert_eq!(s.number_text(Lang::Fa), "۱۱۲");
        assert_eq!(s.label(Lang::En), "session 112");
    }
}
