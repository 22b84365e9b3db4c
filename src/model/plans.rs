//! Plans: a body's goals, the policies that serve them, and the indicators that
//! measure each policy, measured once a period (a month, a quarter or a year of the
//! calendar the indicator counts in: the body's when the indicator was added).
//!
//! Periods have one stored code per kind, in the indicator's calendar: `1404` (a year),
//! `1404-Q2` (a quarter), `1404-07` (a month). They are typed as people write them:
//! `1404-Q2`, `Q2 1404`, `بهار ۱۴۰۴` (the Jalali year starts in spring, so spring is the
//! first quarter), `سه‌ماهه دوم ۱۴۰۴`, `2025-Q3`, `1404/07`, `مهر ۱۴۰۴`, `July 2025`,
//! with Persian or Latin digits. A period of the other calendar or of another kind
//! than the indicator's is refused, naming what is expected.
//!
//! An indicator's figures ([`figures`]): its last and previous values, the change
//! between them and whether it is an improvement (in the indicator's better
//! direction), whether the last value reaches the target, and the progress from the
//! baseline to the target in percent.

use chrono::NaiveDate;
use serde::Serialize;

use crate::locale::calendar::{from_ymd, month_name, ymd};
use crate::locale::digits::{localize_digits, to_latin_digits};
use crate::locale::strings::{tf, Msg};
use crate::locale::{Calendar, Lang};
use crate::model::{Entity, Expected, InvalidValue};

coded_enum!(
    /// How often an indicator is measured, or a unit is to be visited.
    PeriodKind, PeriodKind {
        Month = "month" / "month" / "ماهانه",
        Quarter = "quarter" / "quarter" / "فصلی",
        Year = "year" / "year" / "سالانه",
    }
);

impl PeriodKind {
    /// The months in one period.
    pub fn months(self) -> u32 {
        match self {
            PeriodKind::Month => 1,
            PeriodKind::Quarter => 3,
            PeriodKind::Year => 12,
        }
    }

    /// How many periods a year has.
    pub fn per_year(self) -> u32 {
        12 / self.months()
    }
}

/// The stored code of a calendar.
pub fn calendar_code(c: Calendar) -> &'static str {
    match c {
        Calendar::Jalali => "jalali",
        Calendar::Gregorian => "gregorian",
    }
}

/// Reads a stored calendar code.
pub fn parse_calendar_code(s: &str) -> Option<Calendar> {
    match s {
        "jalali" => Some(Calendar::Jalali),
        "gregorian" => Some(Calendar::Gregorian),
        _ => None,
    }
}

/// One period of an indicator: a year, a quarter or a month of a calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub calendar: Calendar,
    pub kind: PeriodKind,
    pub year: i32,
    /// 1 for a year; 1 to 4 for a quarter; 1 to 12 for a month.
    pub index: u32,
}

/// The Persian names of the Jalali seasons, each a quarter of the Jalali year.
const SEASONS_FA: [&str; 4] = ["بهار", "تابستان", "پاییز", "زمستان"];
const SEASONS_EN: [&str; 4] = ["spring", "summer", "autumn", "winter"];
const ORDINALS_FA: [&str; 4] = ["اول", "دوم", "سوم", "چهارم"];

impl Period {
    /// The stored code: `1404`, `1404-Q2`, `1404-07`.
    pub fn code(&self) -> String {
        match self.kind {
            PeriodKind::Year => format!("{}", self.year),
            PeriodKind::Quarter => format!("{}-Q{}", self.year, self.index),
            PeriodKind::Month => format!("{}-{:02}", self.year, self.index),
        }
    }

    /// Reads a stored code in the indicator's calendar; `None` when it is not one.
    pub fn from_code(code: &str, calendar: Calendar) -> Option<Period> {
        let (year, rest) = match code.split_once('-') {
            Some((y, r)) => (y.parse().ok()?, Some(r)),
            None => (code.parse().ok()?, None),
        };
        let (kind, index) = match rest {
            None => (PeriodKind::Year, 1),
            Some(r) => match r.strip_prefix('Q') {
                Some(q) => (PeriodKind::Quarter, q.parse().ok()?),
                None => (PeriodKind::Month, r.parse().ok()?),
            },
        };
        let p = Period {
            calendar,
            kind,
            year,
            index,
        };
        p.valid().then_some(p)
    }

    fn valid(&self) -> bool {
        (1..=self.kind.per_year()).contains(&self.index) && (1..=9999).contains(&self.year)
    }

    /// How it is shown: `1404-Q2` and «تابستان ۱۴۰۴» (Jalali quarters are seasons in
    /// Persian), `Mehr 1404` and «مهر ۱۴۰۴», `2025-Q3` and «سه‌ماههٔ سوم ۲۰۲۵».
    pub fn label(&self, lang: Lang) -> String {
        let text = match (self.kind, lang) {
            (PeriodKind::Year, _) => self.year.to_string(),
            (PeriodKind::Quarter, Lang::En) => self.code(),
            (PeriodKind::Quarter, Lang::Fa) => match self.calendar {
                Calendar::Jalali => {
                    format!("{} {}", SEASONS_FA[(self.index - 1) as usize], self.year)
                }
                Calendar::Gregorian => format!(
                    "سه‌ماههٔ {} {}",
                    ORDINALS_FA[(self.index - 1) as usize],
                    self.year
                ),
            },
            (PeriodKind::Month, _) => format!(
                "{} {}",
                month_name(self.index, self.calendar, lang),
                self.year
            ),
        };
        localize_digits(&text, lang)
    }

    /// Its first day.
    pub fn start(&self) -> Option<NaiveDate> {
        let month = (self.index - 1) * self.kind.months() + 1;
        from_ymd(self.year, month, 1, self.calendar)
    }

    /// The day after its last day (the next period's first day).
    pub fn end_exclusive(&self) -> Option<NaiveDate> {
        self.next().start()
    }

    pub fn next(&self) -> Period {
        let (year, index) = if self.index >= self.kind.per_year() {
            (self.year + 1, 1)
        } else {
            (self.year, self.index + 1)
        };
        Period {
            year,
            index,
            ..*self
        }
    }

    pub fn previous(&self) -> Period {
        let (year, index) = if self.index <= 1 {
            (self.year - 1, self.kind.per_year())
        } else {
            (self.year, self.index - 1)
        };
        Period {
            year,
            index,
            ..*self
        }
    }

    /// The period a day falls in.
    pub fn containing(day: NaiveDate, kind: PeriodKind, calendar: Calendar) -> Period {
        let (year, month, _) = ymd(day, calendar);
        Period {
            calendar,
            kind,
            year,
            index: (month - 1) / kind.months() + 1,
        }
    }
}

/// Why a typed period is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PeriodProblem {
    /// Not a period at all.
    Unreadable,
    /// A period of the other calendar (its year says so).
    OtherCalendar,
    /// A period of another kind than the indicator's.
    OtherKind(PeriodKind),
}

/// An example period of a kind, in a calendar and language, for messages.
pub fn example(kind: PeriodKind, calendar: Calendar, lang: Lang) -> String {
    let year = match calendar {
        Calendar::Jalali => 1404,
        Calendar::Gregorian => 2025,
    };
    let p = Period {
        calendar,
        kind,
        year,
        index: match kind {
            PeriodKind::Year => 1,
            PeriodKind::Quarter => 2,
            PeriodKind::Month => 7,
        },
    };
    let code = p.code();
    let label = p.label(lang);
    match kind {
        PeriodKind::Month => {
            let slash = localize_digits(&format!("{year}/07"), lang);
            format!("{code}, {slash}, {label}")
        }
        PeriodKind::Quarter if label != code => format!("{code}, {label}"),
        _ => code,
    }
}

/// The refusal of a typed period, naming what the indicator expects (its kind and
/// calendar, with examples); the problem itself is in the value shown.
pub fn period_error(typed: &str, kind: PeriodKind, calendar: Calendar) -> InvalidValue {
    InvalidValue {
        what: Entity::Period,
        value: typed.to_string(),
        expected: Expected::msg(expected_period(kind, calendar)),
    }
}

/// What a period of this kind and calendar looks like, from the catalogue.
pub fn expected_period(kind: PeriodKind, calendar: Calendar) -> Msg {
    match (kind, calendar) {
        (PeriodKind::Quarter, Calendar::Jalali) => Msg::ExpectedPeriodQuarterJalali,
        (PeriodKind::Quarter, Calendar::Gregorian) => Msg::ExpectedPeriodQuarterGregorian,
        (PeriodKind::Month, Calendar::Jalali) => Msg::ExpectedPeriodMonthJalali,
        (PeriodKind::Month, Calendar::Gregorian) => Msg::ExpectedPeriodMonthGregorian,
        (PeriodKind::Year, Calendar::Jalali) => Msg::ExpectedPeriodYearJalali,
        (PeriodKind::Year, Calendar::Gregorian) => Msg::ExpectedPeriodYearGregorian,
    }
}

/// Reads a typed period for an indicator measured each `kind` in `calendar`.
pub fn parse_period(
    typed: &str,
    kind: PeriodKind,
    calendar: Calendar,
) -> Result<Period, PeriodProblem> {
    let p = read_period(typed, calendar).ok_or(PeriodProblem::Unreadable)?;
    if p.calendar != calendar {
        return Err(PeriodProblem::OtherCalendar);
    }
    if p.kind != kind {
        return Err(PeriodProblem::OtherKind(p.kind));
    }
    Ok(p)
}

/// The calendar a year belongs to: Jalali years are below 1700 here (the Jalali year
/// 1700 is in 2321), Gregorian ones from 1700 on.
fn calendar_of_year(year: i32) -> Calendar {
    if year < 1700 {
        Calendar::Jalali
    } else {
        Calendar::Gregorian
    }
}

/// The words of a typed period: Latin digits, lower case, separators as spaces, `Q2`
/// split from its year when written together (`1404Q2`).
fn words(typed: &str) -> Vec<String> {
    let t = to_latin_digits(typed.trim())
        .to_lowercase()
        .replace('\u{200c}', "")
        .replace(['-', '/', '_', ',', '،', '.'], " ");
    t.split_whitespace().map(str::to_string).collect()
}

fn month_of(word: &str, calendar: Calendar) -> Option<u32> {
    let w = word.replace('ي', "ی").replace('ك', "ک");
    (1..=12).find(|m| {
        [Lang::En, Lang::Fa].iter().any(|l| {
            let name = month_name(*m, calendar, *l)
                .to_lowercase()
                .replace('\u{200c}', "");
            name == w || (name.len() >= 3 && w.len() >= 3 && *l == Lang::En && name.starts_with(&w))
        })
    })
}

fn quarter_word(w: &str) -> Option<u32> {
    let w = w.strip_prefix('q')?;
    w.parse().ok().filter(|q| (1..=4).contains(q))
}

fn season_of(word: &str) -> Option<u32> {
    let w = word.replace('ي', "ی").replace("پائیز", "پاییز");
    SEASONS_FA
        .iter()
        .position(|s| *s == w)
        .or_else(|| {
            SEASONS_EN
                .iter()
                .position(|s| *s == w || (w == "fall" && *s == "autumn"))
        })
        .map(|i| i as u32 + 1)
}

fn ordinal_of(word: &str) -> Option<u32> {
    ORDINALS_FA
        .iter()
        .position(|o| *o == word)
        .or_else(|| {
            ["first", "second", "third", "fourth"]
                .iter()
                .position(|o| *o == word)
        })
        .map(|i| i as u32 + 1)
}

/// Reads a period in whichever calendar its year says (`indicator_calendar` decides
/// the calendar of month names both calendars share, and of seasons).
fn read_period(typed: &str, indicator_calendar: Calendar) -> Option<Period> {
    let w = words(typed);
    let year_at =
        |s: &str| -> Option<i32> { s.parse::<i32>().ok().filter(|y| (1..=9999).contains(y)) };
    let make = |year: i32, kind: PeriodKind, index: u32| {
        let p = Period {
            calendar: calendar_of_year(year),
            kind,
            year,
            index,
        };
        p.valid().then_some(p)
    };
    let joined: Vec<&str> = w.iter().map(String::as_str).collect();
    match joined.as_slice() {
        [y] => {
            // 1404q2
            if let Some((y, q)) = y.split_once('q') {
                return make(year_at(y)?, PeriodKind::Quarter, q.parse().ok()?);
            }
            make(year_at(y)?, PeriodKind::Year, 1)
        }
        [a, b] => {
            if let (Some(y), Some(q)) = (year_at(a), quarter_word(b)) {
                return make(y, PeriodKind::Quarter, q);
            }
            if let (Some(q), Some(y)) = (quarter_word(a), year_at(b)) {
                return make(y, PeriodKind::Quarter, q);
            }
            if let (Some(y), Ok(m)) = (year_at(a), b.parse::<u32>()) {
                if a.len() >= 3 {
                    return make(y, PeriodKind::Month, m);
                }
            }
            if let (Ok(m), Some(y)) = (a.parse::<u32>(), year_at(b)) {
                if b.len() >= 3 && a.len() <= 2 {
                    return make(y, PeriodKind::Month, m);
                }
            }
            if let (Some(s), Some(y)) = (season_of(a), year_at(b)) {
                // Seasons are quarters of the Jalali year only.
                let p = make(y, PeriodKind::Quarter, s)?;
                return (p.calendar == Calendar::Jalali).then_some(p);
            }
            let y = year_at(b)?;
            let cal = calendar_of_year(y);
            let m = month_of(a, cal).or_else(|| month_of(a, indicator_calendar))?;
            make(y, PeriodKind::Month, m)
        }
        // «سه ماهه دوم ۱۴۰۴», «فصل دوم ۱۴۰۴», "second quarter 2025".
        [.., ord, y] if joined.len() >= 3 => {
            let head = joined[..joined.len() - 2].join("");
            let quarterly = ["سهماهه", "سهماههٔ", "فصل", "quarter"];
            let y = year_at(y)?;
            if let Some(q) = ordinal_of(ord).filter(|_| quarterly.contains(&head.as_str())) {
                return make(y, PeriodKind::Quarter, q);
            }
            if joined.len() == 3 && joined[1] == "quarter" {
                return make(y, PeriodKind::Quarter, ordinal_of(joined[0])?);
            }
            None
        }
        _ => None,
    }
}

/// Reads a number as people type it: Persian or Latin digits, `٫` or `.` for the
/// decimal point, `٬` or `,` between thousands, a leading sign.
pub fn parse_number(what: Entity, typed: &str) -> Result<f64, InvalidValue> {
    let t: String = to_latin_digits(typed.trim())
        .replace('٫', ".")
        .replace(['٬', ',', '\u{066c}'], "")
        .replace('−', "-");
    t.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| InvalidValue {
            what,
            value: typed.to_string(),
            expected: Expected::msg(Msg::ExpectedNumber),
        })
}

/// A number as shown: no trailing zeros, at most two decimals, digits of the language.
pub fn format_number(v: f64, lang: Lang) -> String {
    let mut s = format!("{v:.2}");
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" {
        s = "0".into();
    }
    match lang {
        Lang::En => s,
        Lang::Fa => localize_digits(&s.replace('.', "٫"), lang),
    }
}

/// A value with its unit: a percent sign (or degree) written against the number
/// ("48%"), any other unit after a space ("40 groups", "۱۶ روز").
pub fn with_unit(value: &str, unit: Option<&str>) -> String {
    match unit.map(str::trim).filter(|u| !u.is_empty()) {
        None => value.to_string(),
        Some(u) if matches!(u, "%" | "٪" | "°") => format!("{value}{u}"),
        Some(u) => format!("{value} {u}"),
    }
}

/// A goal of a body's plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Goal {
    pub id: i64,
    pub body_id: i64,
    pub title: String,
    pub version: i64,
}

/// What a policy is linked to: a resolution or a task that serves it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "id")]
pub enum PolicyLink {
    Resolution(i64),
    Task(i64),
}

/// A measured value, as stored with its period's code.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MeasuredValue {
    pub period: String,
    pub value: f64,
}

/// Whether a change goes the indicator's better way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Better,
    Worse,
    Same,
}

/// An indicator's standing from its measurements.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    pub last_period: Option<String>,
    pub last_value: Option<f64>,
    pub previous_value: Option<f64>,
    /// Last minus previous.
    pub change: Option<f64>,
    /// The change in the indicator's better direction, or not.
    pub direction: Option<Direction>,
    /// Whether the last value reaches the target.
    pub on_target: Option<bool>,
    /// From the baseline (0 %) to the target (100 %), where the last value stands.
    pub progress: Option<f64>,
}

/// The figures of an indicator from its measurements (any order; periods sort as
/// their codes, which is their order within one kind and calendar).
pub fn figures(
    series: &[MeasuredValue],
    target: f64,
    baseline: Option<f64>,
    higher_is_better: bool,
) -> Figures {
    let mut sorted: Vec<&MeasuredValue> = series.iter().collect();
    sorted.sort_by(|a, b| a.period.cmp(&b.period));
    let last = sorted.last();
    let previous = sorted.len().checked_sub(2).and_then(|i| sorted.get(i));
    let last_value = last.map(|m| m.value);
    let previous_value = previous.map(|m| m.value);
    let change = match (last_value, previous_value) {
        (Some(l), Some(p)) => Some(l - p),
        _ => None,
    };
    let direction = change.map(|c| {
        let eps = 1e-9;
        if c.abs() < eps {
            Direction::Same
        } else if (c > 0.0) == higher_is_better {
            Direction::Better
        } else {
            Direction::Worse
        }
    });
    let on_target = last_value.map(|v| {
        if higher_is_better {
            v >= target
        } else {
            v <= target
        }
    });
    let progress = match (last_value, baseline) {
        (Some(v), Some(b)) if (target - b).abs() > 1e-12 => Some((v - b) / (target - b) * 100.0),
        _ => None,
    };
    Figures {
        last_period: last.map(|m| m.period.clone()),
        last_value,
        previous_value,
        change,
        direction,
        on_target,
        progress,
    }
}

/// Why an act on a plan is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlanRefusal {
    /// The resolution or task is another body's than the policy's.
    LinkOfOtherBody {
        policy: i64,
        body: i64,
        link: PolicyLink,
        link_body: i64,
    },
    /// The policy is not linked to it.
    NotLinked { policy: i64, link: PolicyLink },
    /// The goal is another body's than the policy's.
    GoalOfOtherBody { goal: i64, body: i64 },
    /// The body has a goal of that title (normalized for search) already.
    GoalTaken { goal: i64, body: i64 },
    /// The indicator's period cannot change once it has measurements.
    PeriodWithMeasurements { indicator: i64, count: i64 },
    /// A policy moved to another body's goal, or an indicator to another body's policy.
    PolicyOfOtherBody { policy: i64, body: i64 },
}

impl PlanRefusal {
    pub fn code(&self) -> &'static str {
        match self {
            PlanRefusal::LinkOfOtherBody { .. } => "policy_link_of_other_body",
            PlanRefusal::NotLinked { .. } => "policy_not_linked",
            PlanRefusal::GoalOfOtherBody { .. } => "goal_of_other_body",
            PlanRefusal::GoalTaken { .. } => "goal_taken",
            PlanRefusal::PeriodWithMeasurements { .. } => "indicator_period_with_measurements",
            PlanRefusal::PolicyOfOtherBody { .. } => "policy_of_other_body",
        }
    }

    pub fn fields(&self) -> Vec<(&'static str, i64)> {
        let link = |l: &PolicyLink| match *l {
            PolicyLink::Resolution(r) => ("resolution", r),
            PolicyLink::Task(t) => ("task", t),
        };
        match self {
            PlanRefusal::LinkOfOtherBody {
                policy,
                body,
                link: l,
                link_body,
            } => vec![
                ("policy", *policy),
                ("body", *body),
                link(l),
                ("link_body", *link_body),
            ],
            PlanRefusal::NotLinked { policy, link: l } => vec![("policy", *policy), link(l)],
            PlanRefusal::GoalOfOtherBody { goal, body } | PlanRefusal::GoalTaken { goal, body } => {
                vec![("goal", *goal), ("body", *body)]
            }
            PlanRefusal::PeriodWithMeasurements { indicator, count } => {
                vec![("indicator", *indicator), ("count", *count)]
            }
            PlanRefusal::PolicyOfOtherBody { policy, body } => {
                vec![("policy", *policy), ("body", *body)]
            }
        }
    }
}

impl crate::locale::Localized for PlanRefusal {
    fn message(&self, lang: Lang) -> String {
        let n = |i: i64| localize_digits(&i.to_string(), lang);
        let link = |l: &PolicyLink| match *l {
            PolicyLink::Resolution(r) => tf(lang, Msg::PlanLinkResolution, &[&n(r)]),
            PolicyLink::Task(t) => tf(lang, Msg::PlanLinkTask, &[&n(t)]),
        };
        match self {
            PlanRefusal::LinkOfOtherBody {
                policy,
                body,
                link: l,
                link_body,
            } => tf(
                lang,
                Msg::RefusedPolicyLinkOtherBody,
                &[&link(l), &n(*link_body), &n(*policy), &n(*body)],
            ),
            PlanRefusal::NotLinked { policy, link: l } => {
                tf(lang, Msg::RefusedPolicyNotLinked, &[&n(*policy), &link(l)])
            }
            PlanRefusal::GoalOfOtherBody { goal, body } => {
                tf(lang, Msg::RefusedGoalOtherBody, &[&n(*goal), &n(*body)])
            }
            PlanRefusal::GoalTaken { goal, body } => {
                tf(lang, Msg::RefusedGoalTaken, &[&n(*body), &n(*goal)])
            }
            PlanRefusal::PeriodWithMeasurements { indicator, count } => tf(
                lang,
                Msg::RefusedIndicatorPeriodMeasured,
                &[&n(*indicator), &n(*count)],
            ),
            PlanRefusal::PolicyOfOtherBody { policy, body } => {
                tf(lang, Msg::RefusedPolicyOtherBody, &[&n(*policy), &n(*body)])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(year: i32, index: u32) -> Period {
        Period {
            calendar: Calendar::Jalali,
            kind: PeriodKind::Quarter,
            year,
            index,
        }
    }

    #[test]
    fn periods_are_read_as_people_type_them() {
        let j = Calendar::Jalali;
        let g = Calendar::Gregorian;
        use PeriodKind::*;
        assert_eq!(parse_period("1404-Q2", Quarter, j), Ok(q(1404, 2)));
        assert_eq!(parse_period("۱۴۰۴-Q۲", Quarter, j), Ok(q(1404, 2)));
        assert_eq!(parse_period("q2 1404", Quarter, j), Ok(q(1404, 2)));
        assert_eq!(parse_period("بهار ۱۴۰۴", Quarter, j), Ok(q(1404, 1)));
        assert_eq!(parse_period("پائیز ۱۴۰۳", Quarter, j), Ok(q(1403, 3)));
        assert_eq!(parse_period("سه‌ماهه دوم ۱۴۰۴", Quarter, j), Ok(q(1404, 2)));
        assert_eq!(parse_period("فصل چهارم ۱۴۰۴", Quarter, j), Ok(q(1404, 4)));
        let m = |calendar, year, index| Period {
            calendar,
            kind: Month,
            year,
            index,
        };
        assert_eq!(parse_period("1404/07", Month, j), Ok(m(j, 1404, 7)));
        assert_eq!(parse_period("۱۴۰۴/۷", Month, j), Ok(m(j, 1404, 7)));
        assert_eq!(parse_period("مهر ۱۴۰۴", Month, j), Ok(m(j, 1404, 7)));
        assert_eq!(parse_period("Mehr 1404", Month, j), Ok(m(j, 1404, 7)));
        assert_eq!(parse_period("July 2025", Month, g), Ok(m(g, 2025, 7)));
        assert_eq!(parse_period("jul 2025", Month, g), Ok(m(g, 2025, 7)));
        assert_eq!(parse_period("2025-07", Month, g), Ok(m(g, 2025, 7)));
        assert_eq!(
            parse_period("2025-Q3", Quarter, g).map(|p| p.code()),
            Ok("2025-Q3".into())
        );
        assert_eq!(
            parse_period("۱۴۰۳", Year, j).map(|p| p.code()),
            Ok("1403".into())
        );
        // Refusals say why.
        assert_eq!(
            parse_period("2025-Q3", Quarter, j),
            Err(PeriodProblem::OtherCalendar)
        );
        assert_eq!(
            parse_period("1404/07", Quarter, j),
            Err(PeriodProblem::OtherKind(Month))
        );
        assert_eq!(
            parse_period("1404-Q5", Quarter, j),
            Err(PeriodProblem::Unreadable)
        );
        assert_eq!(
            parse_period("1404/13", Month, j),
            Err(PeriodProblem::Unreadable)
        );
        assert_eq!(
            parse_period("soon", Quarter, j),
            Err(PeriodProblem::Unreadable)
        );
        assert_eq!(parse_period("", Quarter, j), Err(PeriodProblem::Unreadable));
        // Seasons are Jalali quarters only.
        assert!(parse_period("spring 2025", Quarter, g).is_err());
    }

    #[test]
    fn codes_labels_and_dates() {
        let p = q(1404, 2);
        assert_eq!(p.code(), "1404-Q2");
        assert_eq!(Period::from_code("1404-Q2", Calendar::Jalali), Some(p));
        assert_eq!(p.label(Lang::Fa), "تابستان ۱۴۰۴");
        assert_eq!(p.label(Lang::En), "1404-Q2");
        // Tir 1, 1404 is 2025-06-22; Mehr 1 is 2025-09-23.
        assert_eq!(p.start(), NaiveDate::from_ymd_opt(2025, 6, 22));
        assert_eq!(p.end_exclusive(), NaiveDate::from_ymd_opt(2025, 9, 23));
        assert_eq!(q(1403, 4).next(), q(1404, 1));
        assert_eq!(q(1404, 1).previous(), q(1403, 4));
        let day = NaiveDate::from_ymd_opt(2025, 3, 20).unwrap_or_default();
        // 29 Esfand 1403: the last day of the Jalali year, its winter.
        assert_eq!(
            Period::containing(day, PeriodKind::Quarter, Calendar::Jalali),
            q(1403, 4)
        );
        let g = Period::from_code("2025-07", Calendar::Gregorian);
        assert_eq!(g.map(|p| p.label(Lang::En)), Some("July 2025".into()));
        assert_eq!(Period::from_code("2025-13", Calendar::Gregorian), None);
        assert_eq!(Period::from_code("x", Calendar::Gregorian), None);
    }

    #[test]
    fn numbers_in_either_digits() {
        assert_eq!(parse_number(Entity::Value, "۱۲٫۵"), Ok(12.5));
        assert_eq!(parse_number(Entity::Value, "1,250"), Ok(1250.0));
        assert_eq!(parse_number(Entity::Value, " -3 "), Ok(-3.0));
        assert!(parse_number(Entity::Value, "ten").is_err());
        assert!(parse_number(Entity::Value, "NaN").is_err());
        assert_eq!(format_number(12.5, Lang::Fa), "۱۲٫۵");
        assert_eq!(format_number(40.0, Lang::En), "40");
        assert_eq!(format_number(1.0 / 3.0, Lang::En), "0.33");
        assert_eq!(with_unit("48", Some("%")), "48%");
        assert_eq!(with_unit("40", Some("groups")), "40 groups");
        assert_eq!(with_unit("7", None), "7");
    }

    fn series(values: &[(&str, f64)]) -> Vec<MeasuredValue> {
        values
            .iter()
            .map(|(p, v)| MeasuredValue {
                period: p.to_string(),
                value: *v,
            })
            .collect()
    }

    #[test]
    fn figures_worked_by_hand() {
        // Higher is better: baseline 20, target 60; 1403-Q3 35 then 1403-Q4 41 (given
        // out of order). Change +6, better; 41 < 60 off target; (41-20)/(60-20) = 52.5 %.
        let s = series(&[("1403-Q4", 41.0), ("1403-Q3", 35.0)]);
        let f = figures(&s, 60.0, Some(20.0), true);
        assert_eq!(f.last_period.as_deref(), Some("1403-Q4"));
        assert_eq!(f.change, Some(6.0));
        assert_eq!(f.direction, Some(Direction::Better));
        assert_eq!(f.on_target, Some(false));
        assert_eq!(f.progress, Some(52.5));
        // Lower is better: baseline 48 (hours to answer), target 24; 30 then 36: worse,
        // off target, progress (36-48)/(24-48) = 50 %.
        let s = series(&[("1404-01", 30.0), ("1404-02", 36.0)]);
        let f = figures(&s, 24.0, Some(48.0), false);
        assert_eq!(f.direction, Some(Direction::Worse));
        assert_eq!(f.on_target, Some(false));
        assert_eq!(f.progress, Some(50.0));
        // One value: no change; on target when it reaches it exactly.
        let f = figures(&series(&[("1404", 24.0)]), 24.0, None, false);
        assert_eq!(f.change, None);
        assert_eq!(f.direction, None);
        assert_eq!(f.on_target, Some(true));
        assert_eq!(f.progress, None);
        // Nothing measured.
        let f = figures(&[], 10.0, Some(0.0), true);
        assert_eq!(f.last_value, None);
        assert_eq!(f.on_target, None);
    }
}
