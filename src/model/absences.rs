//! Absences under a body's absence rule ([`AbsenceRule`]): a member's unexcused and
//! excused absences in the body's year, the runs of unexcused absences in a row, and
//! where the member stands against the limits.
//!
//! Rules (the councils law counts "12 non-consecutive or 6 consecutive unexcused
//! absences in a year"; each body's limits are its own rule):
//! - A year is the body's fiscal year ([`FiscalYear::year_of`]): for an Iranian council
//!   the Jalali year, so Esfand's absences do not count in Farvardin. Both limits are
//!   counted within that year; a run of absences does not carry over into the next.
//! - Only sessions held count (the caller gives open, closed and approved sessions, not
//!   planned or cancelled ones), on or before today, while the person was a member of
//!   the body (any of their memberships in it: one that starts mid-year counts from its
//!   first day).
//! - `absent` is unexcused, `excused` is excused; present, late and remote are attended.
//!   Excused absences never count towards a limit.
//! - An excused absence or an attendance breaks a run of unexcused absences; a session
//!   with no attendance recorded for the member neither counts nor breaks a run.
//! - A limit is breached when the count reaches it (the 12th unexcused absence of the
//!   year, the 6th in a row): the breach names the limit and the session it happened at,
//!   and stands for the rest of the year. When both limits are reached, the first
//!   session to reach one is named.
//! - A member nears a limit when at most [`NEARING_WITHIN`] absences are left before
//!   reaching it (with 12 a year: from the 10th; with 6 in a row: from a current run of
//!   4), and at least one has been counted. The run counted for nearing is the current
//!   one (a broken run no longer threatens), the year's count for the other limit.

use chrono::NaiveDate;
use serde::Serialize;

use super::rules::{AbsenceRule, FiscalYear};
use super::Presence;
use crate::locale::digits::localize_digits;
use crate::locale::strings::{t, tf, Msg};
use crate::locale::Lang;

/// A member nears a limit when this many absences or fewer are left before reaching it.
pub const NEARING_WITHIN: u32 = 2;

/// What one attendance row says for the absence rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// Present, late or remote.
    Attended,
    Excused,
    Unexcused,
}

impl Mark {
    pub fn of(p: Presence) -> Mark {
        match p {
            Presence::Present | Presence::Late | Presence::Remote => Mark::Attended,
            Presence::Excused => Mark::Excused,
            Presence::Absent => Mark::Unexcused,
        }
    }
}

/// One held session of the body and the member's mark at it (none: not recorded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sitting {
    pub session_id: i64,
    /// The number the session is known by.
    pub number: i64,
    pub date: NaiveDate,
    pub mark: Option<Mark>,
}

/// The two limits of an absence rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Limit {
    /// Unexcused absences in a year.
    PerYear,
    /// Unexcused absences in a row.
    InARow,
}

/// Where a member stands against the body's limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    Fine,
    Nearing,
    Breached,
}

/// A limit reached, at a session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Breach {
    pub limit: Limit,
    pub session_id: i64,
    pub session_number: i64,
    pub date: NaiveDate,
    /// The same day in the Jalali calendar (1404/01/20), for JSON readers.
    pub date_jalali: JalaliDay,
}

/// A day written in the Jalali calendar, `yyyy/mm/dd` (serialized as that text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JalaliDay(pub NaiveDate);

impl Serialize for JalaliDay {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::locale::calendar::jalali_string(self.0))
    }
}

/// A member's absences in the body's year up to a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AbsenceCount {
    /// The body's (fiscal) year counted.
    pub year: i32,
    pub attended: u32,
    pub excused: u32,
    pub unexcused: u32,
    /// The current run of unexcused absences in a row (0 after an attendance or an
    /// excused absence).
    pub in_a_row: u32,
    /// The longest run of the year.
    pub longest_in_a_row: u32,
    pub standing: Standing,
    /// The limit nearest to being reached (nearing or breached), and how many absences
    /// are left before it (0 when breached).
    pub nearest: Option<Limit>,
    pub left: Option<u32>,
    pub breach: Option<Breach>,
}

/// Counts a member's absences in the year of `today` under `rule`. `memberships` are
/// the spans (first day, last day; open ends) the person was a member of the body;
/// `sittings` are the body's held sessions with the member's marks, in any order.
pub fn count(
    rule: &AbsenceRule,
    fiscal_year: &FiscalYear,
    today: NaiveDate,
    memberships: &[(Option<NaiveDate>, Option<NaiveDate>)],
    sittings: &[Sitting],
) -> AbsenceCount {
    let year = fiscal_year.year_of(today);
    let member_on = |d: NaiveDate| {
        memberships
            .iter()
            .any(|(from, to)| from.is_none_or(|f| f <= d) && to.is_none_or(|t| d <= t))
    };
    let mut counted: Vec<&Sitting> = sittings
        .iter()
        .filter(|s| s.date <= today && fiscal_year.year_of(s.date) == year && member_on(s.date))
        .collect();
    counted.sort_by_key(|s| (s.date, s.session_id));

    let mut c = AbsenceCount {
        year,
        attended: 0,
        excused: 0,
        unexcused: 0,
        in_a_row: 0,
        longest_in_a_row: 0,
        standing: Standing::Fine,
        nearest: None,
        left: None,
        breach: None,
    };
    for s in counted {
        match s.mark {
            None => {}
            Some(Mark::Attended) => {
                c.attended += 1;
                c.in_a_row = 0;
            }
            Some(Mark::Excused) => {
                c.excused += 1;
                c.in_a_row = 0;
            }
            Some(Mark::Unexcused) => {
                c.unexcused += 1;
                c.in_a_row += 1;
                c.longest_in_a_row = c.longest_in_a_row.max(c.in_a_row);
                if c.breach.is_none() {
                    let limit = if rule.per_year.is_some_and(|n| c.unexcused >= n) {
                        Some(Limit::PerYear)
                    } else if rule.in_a_row.is_some_and(|n| c.in_a_row >= n) {
                        Some(Limit::InARow)
                    } else {
                        None
                    };
                    c.breach = limit.map(|limit| Breach {
                        limit,
                        session_id: s.session_id,
                        session_number: s.number,
                        date: s.date,
                        date_jalali: JalaliDay(s.date),
                    });
                }
            }
        }
    }

    if let Some(b) = c.breach {
        c.standing = Standing::Breached;
        c.nearest = Some(b.limit);
        c.left = Some(0);
        return c;
    }
    let candidates = [
        (Limit::PerYear, rule.per_year, c.unexcused),
        (Limit::InARow, rule.in_a_row, c.in_a_row),
    ];
    let nearest = candidates
        .iter()
        .filter_map(|(l, limit, value)| limit.map(|n| (*l, n.saturating_sub(*value), *value)))
        .filter(|(_, left, value)| *value > 0 && *left <= NEARING_WITHIN)
        .min_by_key(|(_, left, _)| *left);
    if let Some((limit, left, _)) = nearest {
        c.standing = Standing::Nearing;
        c.nearest = Some(limit);
        c.left = Some(left);
    }
    c
}

/// A limit of `rule` in words: "12 a year", "6 in a row" (none when the rule has not
/// that limit).
pub fn limit_text(rule: &AbsenceRule, limit: Limit, lang: Lang) -> Option<String> {
    let (n, msg) = match limit {
        Limit::PerYear => (rule.per_year?, Msg::AbsLimitPerYear),
        Limit::InARow => (rule.in_a_row?, Msg::AbsLimitInARow),
    };
    Some(tf(lang, msg, &[&localize_digits(&n.to_string(), lang)]))
}

/// The rule in words: "12 a year, 6 in a row", or "no rule".
pub fn rule_text(rule: &AbsenceRule, lang: Lang) -> String {
    let parts: Vec<String> = [Limit::PerYear, Limit::InARow]
        .into_iter()
        .filter_map(|l| limit_text(rule, l, lang))
        .collect();
    if parts.is_empty() {
        t(lang, Msg::AbsNoRule).to_string()
    } else {
        parts.join(if lang == Lang::Fa { "، " } else { ", " })
    }
}

/// The standing in words: "fine", "nearing: 2 left before 12 a year", "breached: 6 in
/// a row at session 7 on <date>" (`date` shows a day in the user's calendar).
pub fn standing_text(
    c: &AbsenceCount,
    rule: &AbsenceRule,
    lang: Lang,
    date: impl Fn(NaiveDate) -> String,
) -> String {
    let n = |x: i64| localize_digits(&x.to_string(), lang);
    let limit = |l: Limit| limit_text(rule, l, lang).unwrap_or_default();
    match (c.standing, c.breach, c.nearest, c.left) {
        (Standing::Breached, Some(b), _, _) => tf(
            lang,
            Msg::AbsBreached,
            &[&limit(b.limit), &n(b.session_number), &date(b.date)],
        ),
        (Standing::Nearing, _, Some(l), Some(left)) => {
            tf(lang, Msg::AbsNearing, &[&n(i64::from(left)), &limit(l)])
        }
        _ => t(lang, Msg::AbsFine).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locale::calendar::from_jalali;
    use crate::locale::Calendar;

    const A: Option<Mark> = Some(Mark::Unexcused);
    const E: Option<Mark> = Some(Mark::Excused);
    const P: Option<Mark> = Some(Mark::Attended);
    const N: Option<Mark> = None;

    fn j(y: i32, m: u32, d: u32) -> NaiveDate {
        from_jalali(y, m, d).expect("a Jalali day")
    }

    /// One sitting a week from `first`, numbered from 1, with these marks.
    fn weekly(first: NaiveDate, marks: &[Option<Mark>]) -> Vec<Sitting> {
        marks
            .iter()
            .enumerate()
            .map(|(i, mark)| Sitting {
                session_id: 100 + i as i64,
                number: 1 + i as i64,
                date: first + chrono::Duration::days(7 * i as i64),
                mark: *mark,
            })
            .collect()
    }

    fn law() -> AbsenceRule {
        AbsenceRule {
            per_year: Some(12),
            in_a_row: Some(6),
        }
    }

    const ALWAYS: &[(Option<NaiveDate>, Option<NaiveDate>)] = &[(None, None)];

    #[test]
    fn excused_and_unexcused_are_counted_apart_and_runs_break() {
        // A A E A A P A N A: unexcused 6, excused 1, attended 1. Runs: 2 (broken by the
        // excused absence), 2 (broken by the attendance), then A N A: the unrecorded
        // session neither counts nor breaks, so the current run is 2.
        let s = weekly(j(1404, 1, 10), &[A, A, E, A, A, P, A, N, A]);
        let c = count(&law(), &FiscalYear::default(), j(1404, 6, 1), ALWAYS, &s);
        assert_eq!((c.unexcused, c.excused, c.attended), (6, 1, 1));
        assert_eq!((c.in_a_row, c.longest_in_a_row), (2, 2));
        assert_eq!(c.standing, Standing::Fine);
        assert_eq!(c.breach, None);
    }

    #[test]
    fn six_in_a_row_is_a_breach_at_the_sixth() {
        // P then six unexcused: the sixth (session 7) breaches the run limit; an
        // attendance afterwards does not undo it.
        let s = weekly(j(1404, 2, 1), &[P, A, A, A, A, A, A, P]);
        let c = count(&law(), &FiscalYear::default(), j(1404, 12, 1), ALWAYS, &s);
        assert_eq!(c.standing, Standing::Breached);
        let b = c.breach.expect("a breach");
        assert_eq!((b.limit, b.session_number), (Limit::InARow, 7));
        assert_eq!(b.date, j(1404, 2, 1) + chrono::Duration::days(42));
        assert_eq!((c.in_a_row, c.longest_in_a_row, c.unexcused), (0, 6, 6));
    }

    #[test]
    fn twelve_in_the_year_is_a_breach_at_the_twelfth() {
        // Pairs of unexcused absences broken by an attendance: never more than 2 in a
        // row; the 12th unexcused falls on the 17th session (6 pairs, 5 attendances
        // between them).
        let mut marks = Vec::new();
        for _ in 0..6 {
            marks.extend([A, A, P]);
        }
        let s = weekly(j(1404, 1, 15), &marks);
        let c = count(&law(), &FiscalYear::default(), j(1404, 12, 29), ALWAYS, &s);
        let b = c.breach.expect("a breach");
        assert_eq!((b.limit, b.session_number), (Limit::PerYear, 17));
        assert_eq!((c.unexcused, c.longest_in_a_row), (12, 2));
    }

    #[test]
    fn nearing_within_two_of_either_limit() {
        let fy = FiscalYear::default();
        let day = j(1404, 12, 1);
        // 9 unexcused a year (3 left): fine; 10 (2 left): nearing the yearly limit.
        let mut marks = Vec::new();
        for _ in 0..3 {
            marks.extend([A, A, A, P]);
        }
        let c = count(&law(), &fy, day, ALWAYS, &weekly(j(1404, 1, 15), &marks));
        assert_eq!((c.unexcused, c.standing), (9, Standing::Fine));
        marks.push(A);
        let c = count(&law(), &fy, day, ALWAYS, &weekly(j(1404, 1, 15), &marks));
        assert_eq!(c.standing, Standing::Nearing);
        assert_eq!((c.nearest, c.left), (Some(Limit::PerYear), Some(2)));
        // A current run of 4 of 6 (2 left) nears the run limit; 3 (3 left) does not.
        let c = count(
            &law(),
            &fy,
            day,
            ALWAYS,
            &weekly(j(1404, 1, 15), &[A, A, A]),
        );
        assert_eq!(c.standing, Standing::Fine);
        let c = count(
            &law(),
            &fy,
            day,
            ALWAYS,
            &weekly(j(1404, 1, 15), &[A, A, A, A]),
        );
        assert_eq!((c.nearest, c.left), (Some(Limit::InARow), Some(2)));
        // The same run, broken by an excused absence: no longer near.
        let c = count(
            &law(),
            &fy,
            day,
            ALWAYS,
            &weekly(j(1404, 1, 15), &[A, A, A, A, E]),
        );
        assert_eq!((c.standing, c.longest_in_a_row), (Standing::Fine, 4));
        // 5 in a row with 12 a year: 1 left in the row, 7 in the year: the row is named.
        let c = count(
            &law(),
            &fy,
            day,
            ALWAYS,
            &weekly(j(1404, 1, 15), &[A, A, A, A, A]),
        );
        assert_eq!((c.nearest, c.left), (Some(Limit::InARow), Some(1)));
        // No rule: always fine.
        let none = AbsenceRule::default();
        let c = count(&none, &fy, day, ALWAYS, &weekly(j(1404, 1, 15), &[A; 20]));
        assert_eq!((c.unexcused, c.standing), (20, Standing::Fine));
    }

    #[test]
    fn the_jalali_year_end_starts_the_count_again() {
        // Five unexcused absences in a row in Bahman and Esfand 1403 (weekly from
        // 1403/11/23, the last on 1403/12/21); then on 1404/01/05 (Farvardin) another: a new year, so a run of 1
        // and 1 unexcused, not a breach of 6 in a row.
        let fy = FiscalYear::default();
        let s = weekly(j(1403, 11, 23), &[A, A, A, A, A, A]);
        assert_eq!(s[4].date, j(1403, 12, 21));
        let mut s = s;
        s[5].date = j(1404, 1, 5);
        let before = count(&law(), &fy, j(1403, 12, 29), ALWAYS, &s);
        assert_eq!(
            (before.year, before.unexcused, before.in_a_row),
            (1403, 5, 5)
        );
        assert_eq!(
            (before.standing, before.nearest),
            (Standing::Nearing, Some(Limit::InARow))
        );
        let after = count(&law(), &fy, j(1404, 1, 10), ALWAYS, &s);
        assert_eq!((after.year, after.unexcused, after.in_a_row), (1404, 1, 1));
        assert_eq!(after.standing, Standing::Fine);
        // Sessions after today are not counted yet: on 1403/12/01, those of 11/23 and
        // 11/30.
        let early = count(&law(), &fy, j(1403, 12, 1), ALWAYS, &s);
        assert_eq!(early.unexcused, 2);
        // A Gregorian fiscal year starting in July puts the same days in one year.
        let july = FiscalYear {
            calendar: Calendar::Gregorian,
            month: 7,
        };
        let c = count(&law(), &july, j(1404, 1, 10), ALWAYS, &s);
        assert_eq!(c.breach.map(|b| b.limit), Some(Limit::InARow));
    }

    #[test]
    fn standings_in_words_in_both_languages() {
        let s = weekly(j(1404, 2, 1), &[A, A, A, A, A, A]);
        let c = count(&law(), &FiscalYear::default(), j(1404, 12, 1), ALWAYS, &s);
        let day = |d: NaiveDate| crate::locale::calendar::jalali_string(d);
        assert_eq!(
            standing_text(&c, &law(), Lang::En, day),
            "breached: 6 in a row at session 6 on 1404/03/05"
        );
        assert_eq!(
            standing_text(&c, &law(), Lang::Fa, day),
            "حد رسید: ۶ پیاپی در جلسه ۶ به تاریخ 1404/03/05"
        );
        assert_eq!(rule_text(&law(), Lang::En), "12 a year, 6 in a row");
        assert_eq!(rule_text(&law(), Lang::Fa), "۱۲ در سال، ۶ پیاپی");
        assert_eq!(rule_text(&AbsenceRule::default(), Lang::Fa), "بدون قاعده");
        let near = count(
            &law(),
            &FiscalYear::default(),
            j(1404, 12, 1),
            ALWAYS,
            &s[..4],
        );
        assert_eq!(
            standing_text(&near, &law(), Lang::En, day),
            "nearing: 2 left before 6 in a row"
        );
    }

    #[test]
    fn only_sessions_while_a_member_count() {
        // Membership from 1404/04/01: the three absences of Farvardin–Khordad before it
        // are not counted; after it, two.
        let mut s = weekly(j(1404, 1, 20), &[A, A, A]);
        s.extend(weekly(j(1404, 4, 10), &[A, P, A]).into_iter().map(|mut x| {
            x.session_id += 10;
            x.number += 3;
            x
        }));
        let from = [(Some(j(1404, 4, 1)), None)];
        let c = count(&law(), &FiscalYear::default(), j(1404, 6, 1), &from, &s);
        assert_eq!((c.unexcused, c.attended, c.in_a_row), (2, 1, 1));
        // A membership that ended before the last session leaves that session out.
        let ended = [(Some(j(1404, 4, 1)), Some(j(1404, 4, 20)))];
        let c = count(&law(), &FiscalYear::default(), j(1404, 6, 1), &ended, &s);
        assert_eq!((c.unexcused, c.attended), (1, 1));
        // No membership at all: nothing counts.
        let c = count(&law(), &FiscalYear::default(), j(1404, 6, 1), &[], &s);
        assert_eq!(c.unexcused, 0);
    }
}
