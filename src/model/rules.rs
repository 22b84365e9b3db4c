//! Rules of a body: quorum, statutory meetings, resolution numbering.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use super::{Entity, Expected, InvalidValue, SessionKind, SessionStatus, Tally};
use crate::locale::calendar::{from_jalali, jalali_month_len, to_jalali};
use crate::locale::strings::Msg;

/// How many voting members must be present for a valid vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "rule", content = "count", rename_all = "snake_case")]
pub enum QuorumRule {
    /// More than half of the voting members.
    Majority,
    /// At least two thirds of the voting members.
    TwoThirds,
    /// A fixed number of voting members.
    Fixed(u32),
}

impl QuorumRule {
    /// Members needed for quorum out of `voting` voting members.
    pub fn required(self, voting: u32) -> u32 {
        match self {
            QuorumRule::Majority => voting / 2 + 1,
            QuorumRule::TwoThirds => (2 * voting).div_ceil(3),
            QuorumRule::Fixed(n) => n,
        }
    }

    pub fn code(self) -> String {
        match self {
            QuorumRule::Majority => "majority".into(),
            QuorumRule::TwoThirds => "two_thirds".into(),
            QuorumRule::Fixed(n) => format!("fixed:{n}"),
        }
    }

    /// Reads `majority`, `two_thirds` (or `2/3`), `fixed:N` or a bare number.
    pub fn parse(s: &str) -> Result<QuorumRule, InvalidValue> {
        let t = s.trim().to_lowercase().replace('-', "_");
        let bad = || InvalidValue {
            what: Entity::QuorumRule,
            value: s.to_string(),
            expected: Expected::msg(Msg::ExpectedQuorumRule),
        };
        match t.as_str() {
            "majority" | "half" | "simple_majority" => Ok(QuorumRule::Majority),
            "two_thirds" | "2/3" => Ok(QuorumRule::TwoThirds),
            _ => {
                let n = t.strip_prefix("fixed:").unwrap_or(&t);
                match n.parse::<u32>() {
                    Ok(n) if n > 0 => Ok(QuorumRule::Fixed(n)),
                    _ => Err(bad()),
                }
            }
        }
    }
}

/// The quorum situation of a session at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct QuorumState {
    pub present: u32,
    pub voting: u32,
    pub required: u32,
}

impl QuorumState {
    pub fn new(rule: QuorumRule, voting: u32, present: u32) -> QuorumState {
        QuorumState {
            present,
            voting,
            required: rule.required(voting),
        }
    }
    pub fn met(&self) -> bool {
        self.present >= self.required
    }
}

/// How a vote was entered on a resolution: not taken, unanimous (every voting member
/// present voted for), or a FOR/AGAINST/ABSTAIN tally. The one reading of what a
/// secretary types, in the TUI's "Votes" field and the CLI's `--votes`/`--unanimous`.
#[derive(Debug, Clone, PartialEq)]
pub enum VoteEntry {
    NotTaken,
    Unanimous,
    Tally(Tally),
}

impl VoteEntry {
    /// Reads "" (no vote), "u", "unanimous", "اتفاق" or "به اتفاق آرا", or a tally
    /// such as `7/2/1` in any digits.
    pub fn parse(s: &str) -> Result<VoteEntry, InvalidValue> {
        let folded = crate::locale::normalize::normalize_for_search(s.trim()).to_lowercase();
        let folded = folded.split_whitespace().collect::<Vec<_>>().join(" ");
        match folded.as_str() {
            "" => Ok(VoteEntry::NotTaken),
            "u"
            | "unanimous"
            | "unanimously"
            | "اتفاق"
            | "اتفاق آرا"
            | "به اتفاق آرا"
            | "اتفاق آراء"
            | "به اتفاق آراء" => Ok(VoteEntry::Unanimous),
            _ => parse_tally(s).map(VoteEntry::Tally),
        }
    }
}

/// Reads `7/2/1` (for/against/abstain), with any digits.
pub fn parse_tally(s: &str) -> Result<Tally, InvalidValue> {
    let latin = crate::locale::digits::to_latin_digits(s.trim());
    let bad = || InvalidValue {
        what: Entity::VoteTally,
        value: s.to_string(),
        expected: Expected::msg(Msg::ExpectedTally),
    };
    let parts: Vec<&str> = latin.split(['/', '-', ',']).collect();
    if parts.len() != 3 {
        return Err(bad());
    }
    let n = |p: &str| p.trim().parse::<i64>().map_err(|_| bad());
    Ok(Tally {
        yes: n(parts[0])?,
        no: n(parts[1])?,
        abstain: n(parts[2])?,
    })
}

/// When a body must hold regular sessions by its statute.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
#[serde(tag = "rule", content = "months", rename_all = "snake_case")]
pub enum MeetingRule {
    /// No statutory schedule.
    #[default]
    None,
    /// A regular session in each of these Jalali months (1-12) every Jalali year.
    JalaliMonths(Vec<u32>),
    /// A regular session in every Jalali month.
    Monthly,
}

impl MeetingRule {
    pub fn code(&self) -> String {
        match self {
            MeetingRule::None => String::new(),
            MeetingRule::Monthly => "monthly".into(),
            MeetingRule::JalaliMonths(m) => format!(
                "jalali_months:{}",
                m.iter()
                    .map(|m| m.to_string())
                    .collect::<Vec<_>>()
                    .join(",")
            ),
        }
    }

    /// Reads ``, `none`, `monthly` or `jalali_months:4,10`.
    pub fn parse(s: &str) -> Result<MeetingRule, InvalidValue> {
        let t = s.trim().to_lowercase();
        let bad = || InvalidValue {
            what: Entity::MeetingRule,
            value: s.to_string(),
            expected: Expected::msg(Msg::ExpectedMeetingRule),
        };
        match t.as_str() {
            "" | "none" => Ok(MeetingRule::None),
            "monthly" => Ok(MeetingRule::Monthly),
            _ => {
                let list = t.strip_prefix("jalali_months:").ok_or_else(bad)?;
                let mut months = Vec::new();
                for part in list.split(',') {
                    match part.trim().parse::<u32>() {
                        Ok(m) if (1..=12).contains(&m) => months.push(m),
                        _ => return Err(bad()),
                    }
                }
                months.sort_unstable();
                months.dedup();
                if months.is_empty() {
                    return Err(bad());
                }
                Ok(MeetingRule::JalaliMonths(months))
            }
        }
    }

    fn months(&self) -> Vec<u32> {
        match self {
            MeetingRule::None => vec![],
            MeetingRule::Monthly => (1..=12).collect(),
            MeetingRule::JalaliMonths(m) => m.clone(),
        }
    }
}

/// One statutory month and whether the body kept it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ComplianceMonth {
    pub jalali_year: i32,
    pub jalali_month: u32,
    pub state: ComplianceState,
    /// Days left in the month when it is the current one.
    pub days_left: Option<i64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ComplianceState {
    /// A regular session was held (or is scheduled) in the month.
    Met,
    /// The month passed with no regular session.
    Missed,
    /// The month is under way, with no regular session held or scheduled, and ends soon.
    AtRisk,
    /// The month is under way with time left and nothing scheduled yet.
    Pending,
}

/// Days before a statutory month's end from which it counts as at risk.
pub const AT_RISK_DAYS: i64 = 10;

/// Checks a meeting rule from `from` (the body's formation, or the start of its history)
/// to `today`. Only regular sessions that were not cancelled count; a month counts only
/// when the body existed on its first day.
pub fn compliance(
    rule: &MeetingRule,
    from: NaiveDate,
    today: NaiveDate,
    sessions: &[(NaiveDate, SessionKind, SessionStatus)],
) -> Vec<ComplianceMonth> {
    let months = rule.months();
    if months.is_empty() || from > today {
        return vec![];
    }
    let mut out = Vec::new();
    let start = to_jalali(from);
    let end = to_jalali(today);
    for year in start.year..=end.year {
        for &month in &months {
            let Some(first) = from_jalali(year, month, 1) else {
                continue;
            };
            let last_day = jalali_month_len(year, month);
            let Some(last) = from_jalali(year, month, last_day) else {
                continue;
            };
            if first < from || first > today {
                continue;
            }
            let held = sessions.iter().any(|(d, kind, status)| {
                *kind == SessionKind::Regular
                    && *status != SessionStatus::Cancelled
                    && *d >= first
                    && *d <= last
            });
            let current = today <= last;
            let (state, days_left) = match (held, current) {
                (true, _) => (ComplianceState::Met, None),
                (false, false) => (ComplianceState::Missed, None),
                (false, true) => {
                    let left = (last - today).num_days();
                    if left < AT_RISK_DAYS {
                        (ComplianceState::AtRisk, Some(left))
                    } else {
                        (ComplianceState::Pending, Some(left))
                    }
                }
            };
            out.push(ComplianceMonth {
                jalali_year: year,
                jalali_month: month,
                state,
                days_left,
            });
        }
    }
    out
}

/// What a resolution number is made of: the values its format's placeholders take.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberParts {
    /// The resolution's sequence in the body.
    pub seq: i64,
    /// The number the session is shown by ([`super::Session::shown_number`]: its number
    /// in its term when the body numbers per term), when decided at a session.
    pub session: Option<i64>,
    /// The council term's number, when the session falls in one.
    pub term: Option<i64>,
    /// The day it was decided.
    pub date: NaiveDate,
    /// The body's fiscal year, for `{fyear}`.
    pub fiscal_year: FiscalYear,
}

/// Formats a resolution number. Placeholders (see [`FORMAT_FIELDS`]):
/// `{seq}` (sequence in the body), `{session}` (the session's number, in its term when
/// the body numbers per term), `{term}` (the council term's number), `{year}` and
/// `{yy}` (the Gregorian year, its last two digits), `{jyear}` and `{jyy}` (the Jalali
/// year, its last two digits), `{fyear}` (the fiscal year, [`FiscalYear::year_of`]).
/// Each takes a width from 1 to 9 (`{seq:3}`, zero-padded). A missing session or term
/// is 0. Anything else is copied as typed (formats are checked when saved).
pub fn format_resolution_number(format: &str, parts: &NumberParts) -> String {
    let mut out = String::new();
    let mut rest = format;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            rest = "";
            break;
        };
        let token = &after[..close];
        let (name, width) = match token.split_once(':') {
            // Formats are checked on saving; one stored before that check is held to it
            // here too, so no width can make a number absurdly long (or panic).
            Some((n, w)) => (n, w.parse::<usize>().unwrap_or(0).min(MAX_FORMAT_WIDTH)),
            None => (token, 0),
        };
        let jyear = i64::from(to_jalali(parts.date).year);
        let year = i64::from(parts.date.year());
        let value = match name {
            "seq" => Some((parts.seq, width)),
            "session" => Some((parts.session.unwrap_or(0), width)),
            "term" => Some((parts.term.unwrap_or(0), width)),
            "jyear" => Some((jyear, width)),
            "year" => Some((year, width)),
            "yy" => Some((year.rem_euclid(100), width.max(2))),
            "jyy" => Some((jyear.rem_euclid(100), width.max(2))),
            "fyear" => Some((i64::from(parts.fiscal_year.year_of(parts.date)), width)),
            _ => None,
        };
        match value {
            Some((v, width)) => out.push_str(&format!("{v:0width$}")),
            None => {
                out.push('{');
                out.push_str(token);
                out.push('}');
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// When a body's fiscal year starts: a month of the Jalali or the Gregorian calendar
/// (Iranian municipalities: Farvardin, the Jalali year itself; many boards: July or
/// October). Stored as `jalali:1`, `gregorian:10`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct FiscalYear {
    pub calendar: crate::locale::Calendar,
    /// 1 to 12.
    pub month: u32,
}

impl Default for FiscalYear {
    fn default() -> Self {
        FiscalYear {
            calendar: crate::locale::Calendar::Jalali,
            month: 1,
        }
    }
}

impl FiscalYear {
    /// The fiscal year a day falls in, named by the year (of the body's calendar) in
    /// which that fiscal year ends, as US boards name theirs: starting in July
    /// (`gregorian:7`), 2025-08-01 is in fiscal 2026 and 2025-06-30 in fiscal 2025.
    /// A year starting in the first month is the calendar year itself (`jalali:1`, the
    /// Iranian municipalities' year, is the Jalali year).
    pub fn year_of(&self, date: NaiveDate) -> i32 {
        let (year, month) = match self.calendar {
            crate::locale::Calendar::Jalali => {
                let j = to_jalali(date);
                (j.year, j.month)
            }
            crate::locale::Calendar::Gregorian => (date.year(), date.month()),
        };
        if self.month > 1 && month >= self.month {
            year + 1
        } else {
            year
        }
    }

    /// The stored code.
    pub fn code(&self) -> String {
        let cal = match self.calendar {
            crate::locale::Calendar::Jalali => "jalali",
            crate::locale::Calendar::Gregorian => "gregorian",
        };
        format!("{cal}:{}", self.month)
    }

    /// Reads `jalali:1`, `gregorian:10`, `jalali:تیر`… (the calendar, a colon, a month
    /// number 1 to 12).
    pub fn parse(s: &str) -> Result<FiscalYear, InvalidValue> {
        let bad = || InvalidValue {
            what: Entity::FiscalYear,
            value: s.to_string(),
            expected: Expected::msg(Msg::ExpectedFiscalYearStart),
        };
        let t = crate::locale::digits::to_latin_digits(s.trim());
        let (cal, month) = t.split_once(':').ok_or_else(bad)?;
        let calendar = match cal.trim().to_lowercase().as_str() {
            "jalali" | "j" | "شمسی" | "جلالی" => crate::locale::Calendar::Jalali,
            "gregorian" | "g" | "میلادی" => crate::locale::Calendar::Gregorian,
            _ => return Err(bad()),
        };
        let month: u32 = month.trim().parse().map_err(|_| bad())?;
        if !(1..=12).contains(&month) {
            return Err(bad());
        }
        Ok(FiscalYear { calendar, month })
    }
}

/// A body's absence rule: how many unexcused absences end a membership, counted in a
/// year of the body's sessions (`per_year`, "12 non-consecutive") or in a row
/// (`in_a_row`, "6 consecutive"), as the Iranian councils law counts them. Excused
/// absences never count. Stored as `year:12,row:6`; empty when the body has none.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct AbsenceRule {
    pub per_year: Option<u32>,
    pub in_a_row: Option<u32>,
}

impl AbsenceRule {
    /// Whether the body counts absences at all.
    pub fn is_none(&self) -> bool {
        self.per_year.is_none() && self.in_a_row.is_none()
    }

    /// The stored code: `year:12,row:6`, `row:6`, or empty.
    pub fn code(&self) -> String {
        let mut parts = Vec::new();
        if let Some(n) = self.per_year {
            parts.push(format!("year:{n}"));
        }
        if let Some(n) = self.in_a_row {
            parts.push(format!("row:{n}"));
        }
        parts.join(",")
    }

    /// Reads `year:12,row:6`, `row:6`, `سال:۱۲،پیاپی:۶`, `none` or empty (no rule). Each
    /// limit is a whole number from 1 to 366.
    pub fn parse(s: &str) -> Result<AbsenceRule, InvalidValue> {
        let bad = || InvalidValue {
            what: Entity::AbsenceRule,
            value: s.to_string(),
            expected: Expected::msg(Msg::ExpectedAbsenceRule),
        };
        let t = crate::locale::digits::to_latin_digits(s.trim()).replace('،', ",");
        let mut rule = AbsenceRule::default();
        if t.is_empty() || t == "none" || t == "هیچ" {
            return Ok(rule);
        }
        for part in t.split(',') {
            let (key, n) = part.split_once(':').ok_or_else(bad)?;
            let n: u32 = n.trim().parse().map_err(|_| bad())?;
            if !(1..=366).contains(&n) {
                return Err(bad());
            }
            let slot = match key.trim().to_lowercase().as_str() {
                "year" | "per_year" | "سال" | "سالانه" => &mut rule.per_year,
                "row" | "in_a_row" | "پیاپی" | "متوالی" => &mut rule.in_a_row,
                _ => return Err(bad()),
            };
            if slot.is_some() {
                return Err(bad());
            }
            *slot = Some(n);
        }
        Ok(rule)
    }
}

/// The widest a number in a resolution format may be padded (`{seq:9}`).
pub const MAX_FORMAT_WIDTH: usize = 9;

/// The fields a resolution-number format may hold.
pub const FORMAT_FIELDS: &[&str] = &[
    "seq", "session", "term", "year", "yy", "jyear", "jyy", "fyear",
];

/// Checks a resolution-number format: it must contain `{seq}` so numbers are unique,
/// and every `{…}` must be a known field ([`FORMAT_FIELDS`]) with an optional width of 1
/// to 9 (`{seq:3}`, Persian digits read as well); anything else would be printed as
/// typed in every number. The refusal names the placeholder and lists the known ones.
pub fn check_resolution_format(format: &str) -> Result<String, InvalidValue> {
    let f = format.trim();
    let bad = |expected: Expected| InvalidValue {
        what: Entity::ResolutionFormat,
        value: format.to_string(),
        expected,
    };
    let unknown = |token: &str| {
        let known: Vec<String> = FORMAT_FIELDS.iter().map(|n| format!("{{{n}}}")).collect();
        bad(Expected::with(
            Msg::ExpectedFormatPlaceholder,
            &[&known.join(" "), "{seq:3}", &format!("{{{token}}}")],
        ))
    };
    let mut out = String::new();
    let mut rest = f;
    let mut has_seq = false;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..=open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            return Err(unknown(after));
        };
        let token = crate::locale::digits::to_latin_digits(&after[..close]);
        let (name, width) = match token.split_once(':') {
            Some((n, w)) => (n, Some(w)),
            None => (token.as_str(), None),
        };
        let width_ok = width.is_none_or(|w| {
            w.parse::<usize>()
                .is_ok_and(|w| (1..=MAX_FORMAT_WIDTH).contains(&w))
        });
        if !FORMAT_FIELDS.contains(&name) || !width_ok {
            return Err(unknown(&after[..close]));
        }
        has_seq |= name == "seq";
        out.push_str(&token);
        out.push('}');
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    if has_seq {
        Ok(out)
    } else {
        Err(bad(Expected::msg(Msg::ExpectedResolutionFormat)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolution_formats_hold_only_known_fields_and_sane_widths() {
        for good in [
            "{seq}",
            "{jyear}/{session}/{seq}",
            "R-{year}-{seq:3}",
            "{seq:9}",
            "{seq:2}-{yy}",
            "{term}/{session}/{seq}",
            "FY{fyear}-{seq:3}",
            "{jyy}{seq:1}",
        ] {
            assert_eq!(check_resolution_format(good).as_deref(), Ok(good));
        }
        // Widths typed in Persian digits are stored in Latin ones.
        assert_eq!(
            check_resolution_format("{seq:۳}-{jyy}").as_deref(),
            Ok("{seq:3}-{jyy}")
        );
        for (bad, named) in [
            ("{seq:2}-{bogus}", "{bogus}"),
            ("{seq:70000}", "{seq:70000}"),
            ("{seq:0}", "{seq:0}"),
            ("{seq:x}", "{seq:x}"),
            ("{seq:10}", "{seq:10}"),
            ("{seq", "{seq}"),
        ] {
            let e = check_resolution_format(bad).expect_err(bad);
            assert_eq!(e.value, bad);
            for lang in [crate::locale::Lang::En, crate::locale::Lang::Fa] {
                let text = e.expected.render(lang);
                let named = crate::locale::digits::localize_digits(named, lang);
                assert!(text.contains(&format!("«{named}»")), "{bad}: {text}");
                // The message lists every placeholder there is.
                for field in FORMAT_FIELDS {
                    assert!(text.contains(&format!("{{{field}}}")), "{bad}: {text}");
                }
            }
        }
        assert!(check_resolution_format("{session}").is_err(), "no {{seq}}");
        // A format stored before the check cannot make a number absurd, or panic.
        let d = NaiveDate::from_ymd_opt(2026, 11, 22).expect("a date");
        assert_eq!(
            format_resolution_number("{seq:70000}", &parts(7, None, d)),
            "000000007"
        );
    }

    fn parts(seq: i64, session: Option<i64>, date: NaiveDate) -> NumberParts {
        NumberParts {
            seq,
            session,
            term: None,
            date,
            fiscal_year: FiscalYear::default(),
        }
    }

    #[test]
    fn two_digit_years_fiscal_years_and_terms() {
        let day = d(2026, 1, 15); // 1404/10/25
        assert_eq!(
            format_resolution_number("{seq:2}-{yy}", &parts(1, None, day)),
            "01-26"
        );
        assert_eq!(
            format_resolution_number("{jyy}/{seq}", &parts(3, None, day)),
            "04/3"
        );
        // Two digits always, a wider width pads further.
        assert_eq!(
            format_resolution_number("{yy}-{yy:4}", &parts(1, None, d(2005, 3, 1))),
            "05-0005"
        );
        let in_term = NumberParts {
            term: Some(6),
            ..parts(12, Some(4), day)
        };
        assert_eq!(
            format_resolution_number("{term}/{session:2}/{seq}", &in_term),
            "6/04/12"
        );
        assert_eq!(
            format_resolution_number("{term}-{seq}", &parts(1, None, day)),
            "0-1"
        );
    }

    #[test]
    fn fiscal_years_are_named_by_the_year_they_end() {
        let july = FiscalYear {
            calendar: crate::locale::Calendar::Gregorian,
            month: 7,
        };
        assert_eq!(july.year_of(d(2025, 6, 30)), 2025);
        assert_eq!(july.year_of(d(2025, 7, 1)), 2026);
        assert_eq!(july.year_of(d(2025, 8, 15)), 2026);
        assert_eq!(july.year_of(d(2026, 1, 10)), 2026);
        let january = FiscalYear {
            calendar: crate::locale::Calendar::Gregorian,
            month: 1,
        };
        assert_eq!(january.year_of(d(2025, 12, 31)), 2025);
        // The Iranian municipal year is the Jalali year: 2025-03-20 is 1403/12/30,
        // 2025-03-21 is 1404/01/01.
        let jalali = FiscalYear::default();
        assert_eq!(jalali.year_of(d(2025, 3, 20)), 1403);
        assert_eq!(jalali.year_of(d(2025, 3, 21)), 1404);
        // Starting in Mehr (month 7): Mehr 1403 begins the fiscal year 1404.
        let mehr = FiscalYear {
            calendar: crate::locale::Calendar::Jalali,
            month: 7,
        };
        assert_eq!(mehr.year_of(d(2024, 9, 21)), 1403); // 1403/06/31
        assert_eq!(mehr.year_of(d(2024, 9, 22)), 1404); // 1403/07/01
        let fy = NumberParts {
            fiscal_year: july,
            ..parts(5, None, d(2025, 8, 1))
        };
        assert_eq!(
            format_resolution_number("FY{fyear}-{seq:3}", &fy),
            "FY2026-005"
        );
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn quorum_counts() {
        assert_eq!(QuorumRule::Majority.required(11), 6);
        assert_eq!(QuorumRule::Majority.required(10), 6);
        assert_eq!(QuorumRule::TwoThirds.required(9), 6);
        assert_eq!(QuorumRule::TwoThirds.required(10), 7);
        assert_eq!(QuorumRule::Fixed(5).required(20), 5);
        assert!(QuorumState::new(QuorumRule::Majority, 11, 7).met());
        assert!(!QuorumState::new(QuorumRule::Majority, 11, 5).met());
        assert_eq!(QuorumRule::parse("2/3"), Ok(QuorumRule::TwoThirds));
        assert_eq!(QuorumRule::parse("fixed:4"), Ok(QuorumRule::Fixed(4)));
        assert!(QuorumRule::parse("most").is_err());
        assert!(QuorumRule::parse("fixed:0").is_err());
    }

    #[test]
    fn meeting_rule_codes_round_trip() {
        for code in ["", "monthly", "jalali_months:4,10"] {
            let rule = MeetingRule::parse(code);
            assert_eq!(rule.map(|r| r.code()), Ok(code.to_string()));
        }
        assert!(MeetingRule::parse("jalali_months:13").is_err());
        assert!(MeetingRule::parse("weekly").is_err());
    }

    #[test]
    fn resolution_numbers() {
        let day = d(2024, 7, 1); // 1403/04/11
        assert_eq!(
            format_resolution_number("{jyear}/{session}/{seq}", &parts(2, Some(39), day)),
            "1403/39/2"
        );
        assert_eq!(
            format_resolution_number("R-{year}-{seq:3}", &parts(7, None, day)),
            "R-2024-007"
        );
        assert_eq!(
            format_resolution_number("{x}-{seq}", &parts(1, None, day)),
            "{x}-1"
        );
        assert!(check_resolution_format("{year}").is_err());
    }

    #[test]
    fn compliance_tir_and_dey() {
        let rule = MeetingRule::JalaliMonths(vec![4, 10]);
        // Tir 1403 = 2024-06-21..2024-07-21; Dey 1403 = 2024-12-21..2025-01-19.
        let sessions = vec![
            (d(2024, 7, 1), SessionKind::Regular, SessionStatus::Closed),
            (
                d(2025, 1, 5),
                SessionKind::Extraordinary,
                SessionStatus::Closed,
            ),
        ];
        let out = compliance(&rule, d(2024, 3, 20), d(2025, 3, 1), &sessions);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].state, ComplianceState::Met);
        // The extraordinary session in Dey does not count.
        assert_eq!(out[1].state, ComplianceState::Missed);
        // Body formed mid-Tir: Tir is not required.
        let out = compliance(&rule, d(2024, 7, 1), d(2025, 3, 1), &sessions);
        assert_eq!(out.len(), 1);
        assert_eq!(
            (out[0].jalali_month, out[0].state),
            (10, ComplianceState::Missed)
        );
        // Late in Dey with nothing held: at risk.
        let out = compliance(&rule, d(2024, 3, 20), d(2025, 1, 15), &[]);
        assert_eq!(out[1].state, ComplianceState::AtRisk);
        assert_eq!(out[1].days_left, Some(4));
    }
}
