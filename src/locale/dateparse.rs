//! Reading dates typed by people: numeric Jalali and Gregorian dates, month
//! names in Persian and English, weekdays, and relative words.

use std::fmt;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use super::calendar::{add_months, from_ymd, month_len, month_name, weekday_name, ymd};
use super::normalize::normalize_for_search;
use super::strings::{t, tf, Msg};
use super::{Calendar, Lang};

/// Why a date could not be read: the input and what is wrong with it (as data; the
/// text, with the accepted forms, comes from the catalogue in the user's language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateParseError {
    input: String,
    problem: DateProblem,
}

/// What is wrong with a typed date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateProblem {
    Empty,
    TwoWeekdays(Weekday, Weekday),
    WeekdayAlone,
    WrongWeekday {
        date: NaiveDate,
        cal: Calendar,
        given: Weekday,
    },
    /// `+N…` with N too large to count.
    CountTooLarge(String),
    /// A relative date that falls outside the calendar.
    RelativeOutOfRange(String),
    YearOutOfRange(u32),
    YearOutOfBounds(i32),
    YearDigits(usize),
    NoSuchMonth(u32),
    NoSuchDay {
        cal: Calendar,
        year: i32,
        month: u32,
        day: u32,
        len: u32,
    },
    NoSuchDate {
        cal: Calendar,
        year: i32,
        month: u32,
        day: u32,
    },
    NumberNotDate(String),
    MixedSeparators,
    NeedThreeNumbers,
    PartTooLong(String),
    TooManyDigits(u32),
    MonthDayDigits,
    TwoMonthNames,
    PartNotNumber(String),
    UnknownWord(String),
    NoMonth,
    NoDay,
    OneDayOneYear,
    TooManyNumbers,
    CalendarMismatch {
        month_word: String,
        month_cal: Calendar,
        year: u32,
        year_cal: Calendar,
        two_digit: bool,
    },
}

impl DateProblem {
    /// A stable snake_case code for JSON.
    pub fn code(&self) -> &'static str {
        use DateProblem::*;
        match self {
            Empty => "empty",
            TwoWeekdays(..) => "two_weekdays",
            WeekdayAlone => "weekday_alone",
            WrongWeekday { .. } => "wrong_weekday",
            CountTooLarge(_) => "count_too_large",
            RelativeOutOfRange(_) => "relative_out_of_range",
            YearOutOfRange(_) | YearOutOfBounds(_) => "year_out_of_range",
            YearDigits(_) => "year_digits",
            NoSuchMonth(_) => "no_such_month",
            NoSuchDay { .. } => "no_such_day",
            NoSuchDate { .. } => "no_such_date",
            NumberNotDate(_) => "number_not_date",
            MixedSeparators => "mixed_separators",
            NeedThreeNumbers => "need_three_numbers",
            PartTooLong(_) | TooManyDigits(_) => "too_many_digits",
            MonthDayDigits => "month_day_digits",
            TwoMonthNames => "two_month_names",
            PartNotNumber(_) => "not_a_number",
            UnknownWord(_) => "unknown_word",
            NoMonth => "no_month",
            NoDay => "no_day",
            OneDayOneYear => "one_day_one_year",
            TooManyNumbers => "too_many_numbers",
            CalendarMismatch { .. } => "calendar_mismatch",
        }
    }

    /// The problem in words, in the given language.
    pub fn text(&self, lang: Lang) -> String {
        use DateProblem::*;
        let d = |s: String| super::digits::localize_digits(&s, lang);
        let shown = |cal: Calendar, year: i32, month: u32, day: u32| {
            d(match cal {
                Calendar::Jalali => format!("{year:04}/{month:02}/{day:02}"),
                Calendar::Gregorian => format!("{year:04}-{month:02}-{day:02}"),
            })
        };
        let cal_name = |c: Calendar| match c {
            Calendar::Jalali => Msg::Jalali.text(lang),
            Calendar::Gregorian => Msg::Gregorian.text(lang),
        };
        match self {
            Empty => t(lang, Msg::DateEmpty).into(),
            TwoWeekdays(a, b) => tf(
                lang,
                Msg::DateTwoWeekdays,
                &[weekday_name(*a, lang), weekday_name(*b, lang)],
            ),
            WeekdayAlone => t(lang, Msg::DateWeekdayAlone).into(),
            WrongWeekday { date, cal, given } => tf(
                lang,
                Msg::DateWrongWeekday,
                &[
                    &d(show(*date, *cal)),
                    weekday_name(date.weekday(), lang),
                    weekday_name(*given, lang),
                ],
            ),
            CountTooLarge(n) => tf(lang, Msg::DateCountTooLarge, &[n]),
            RelativeOutOfRange(x) => tf(lang, Msg::DateRelativeOutOfRange, &[x]),
            YearOutOfRange(y) => tf(lang, Msg::DateYearOutOfRange, &[&d(y.to_string())]),
            YearOutOfBounds(y) => tf(lang, Msg::DateYearOutOfBounds, &[&d(y.to_string())]),
            YearDigits(n) => tf(lang, Msg::DateYearDigits, &[&d(n.to_string())]),
            NoSuchMonth(m) => tf(lang, Msg::DateNoSuchMonth, &[&d(m.to_string())]),
            NoSuchDay {
                cal,
                year,
                month,
                day,
                len,
            } => tf(
                lang,
                Msg::DateNoSuchDay,
                &[
                    &shown(*cal, *year, *month, *day),
                    month_name(*month, *cal, lang),
                    &d(year.to_string()),
                    &d(len.to_string()),
                ],
            ),
            NoSuchDate {
                cal,
                year,
                month,
                day,
            } => tf(
                lang,
                Msg::DateNoSuchDate,
                &[&shown(*cal, *year, *month, *day)],
            ),
            NumberNotDate(n) => tf(lang, Msg::DateNumberNotDate, &[n]),
            MixedSeparators => t(lang, Msg::DateMixedSeparators).into(),
            NeedThreeNumbers => t(lang, Msg::DateNeedThreeNumbers).into(),
            PartTooLong(p) => tf(lang, Msg::DateTooManyDigits, &[p]),
            TooManyDigits(v) => tf(lang, Msg::DateTooManyDigits, &[&v.to_string()]),
            MonthDayDigits => t(lang, Msg::DateMonthDayDigits).into(),
            TwoMonthNames => t(lang, Msg::DateTwoMonthNames).into(),
            PartNotNumber(p) => tf(lang, Msg::DatePartNotNumber, &[p]),
            UnknownWord(p) => tf(lang, Msg::DateUnknownWord, &[p]),
            NoMonth => t(lang, Msg::DateNoMonth).into(),
            NoDay => t(lang, Msg::DateNoDay).into(),
            OneDayOneYear => t(lang, Msg::DateOneDayOneYear).into(),
            TooManyNumbers => t(lang, Msg::DateTooManyNumbers).into(),
            CalendarMismatch {
                month_word,
                month_cal,
                year,
                year_cal,
                two_digit,
            } => {
                let mut text = tf(
                    lang,
                    Msg::DateCalendarMismatch,
                    &[
                        month_word,
                        cal_name(*month_cal),
                        &year.to_string(),
                        cal_name(*year_cal),
                    ],
                );
                if *two_digit {
                    text.push_str(t(lang, Msg::DateTwoDigitHint));
                }
                text
            }
        }
    }
}

impl DateParseError {
    fn new(input: &str, problem: DateProblem) -> Self {
        DateParseError {
            input: input.to_string(),
            problem,
        }
    }

    /// The text that was given.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// What is wrong with it.
    pub fn problem(&self) -> &DateProblem {
        &self.problem
    }

    /// Why it was refused, in English, without the list of accepted forms.
    pub fn reason(&self) -> String {
        self.problem.text(Lang::En)
    }
}

impl super::Localized for DateParseError {
    fn message(&self, lang: Lang) -> String {
        tf(
            lang,
            Msg::DateCannotRead,
            &[
                &self.input,
                &self.problem.text(lang),
                t(lang, Msg::DateAcceptedForms),
            ],
        )
    }
}

impl fmt::Display for DateParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use super::Localized;
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for DateParseError {}

/// Reads a date typed by a person.
///
/// The calendar is decided by the year, not by `pref`:
/// - a 4-digit year 1200..=1599 is Jalali, 1600..=9999 is Gregorian, others are refused;
/// - a 2-digit year is Jalali: 00-49 → 1400-1449, 50-99 → 1350-1399 (`96/9/5` = 1396/09/05).
///
/// Numeric forms use `/`, `-` or `.` (one kind per date) and Latin, Persian or
/// Arabic-Indic digits; an 8-digit run is read as YYYYMMDD.
/// - year first (4 digits): year/month/day;
/// - 4-digit year last: day/month/year (`21/5/1387` = 1387/05/21). For a
///   Gregorian year, when day/month/year is impossible but month/day/year is
///   valid (`12/25/2024`) the latter is used; when both are possible
///   (`5/6/2024`) it is day/month/year (5 June);
/// - all parts 1-2 digits: the last part is the year if it is above 31 and the
///   first is not, otherwise the first part is the year (year/month/day).
///
/// Month names (Persian, transliterated Jalali, English Gregorian and 3-letter
/// abbreviations) take a day and a year in either order (`2 Aban 1400`,
/// `Aban 2 1400`, `1400 ... 2 آبان`); the 4-digit number is the year, otherwise
/// the last number. Without a year, the year of `today` in that month's calendar.
/// A weekday may appear anywhere and must match the date. Commas are ignored and
/// Arabic ي/ك are read as ی/ک.
///
/// Relative: `today`/`امروز`, `tomorrow`/`فردا`, `yesterday`/`دیروز`,
/// `پس‌فردا`, `پریروز`, and `±N` followed by `d` (days), `w` (weeks), `m`
/// (months) or `y` (years). Months and years are counted in `pref`, clamping
/// the day to the end of the target month.
pub fn parse_date(
    input: &str,
    today: NaiveDate,
    pref: Calendar,
) -> Result<NaiveDate, DateParseError> {
    let err = |problem: DateProblem| DateParseError::new(input, problem);
    let text = normalize_for_search(input)
        .replace([',', '،', '٬'], " ")
        .replace('٫', "/");
    let text = text.trim();
    if text.is_empty() {
        return Err(err(DateProblem::Empty));
    }
    if let Some(result) = parse_relative(text, today, pref) {
        return result.map_err(err);
    }

    let mut tokens: Vec<String> = Vec::new();
    let mut weekday: Option<Weekday> = None;
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut i = 0;
    while i < words.len() {
        // "پنج شنبه" (space or ZWNJ, which is a space by now) is one weekday.
        let (word, used) = match words.get(i + 1) {
            Some(&"شنبه") if matches!(words[i], "یک" | "دو" | "سه" | "چهار" | "پنج") => {
                (format!("{}شنبه", words[i]), 2)
            }
            _ => (words[i].to_string(), 1),
        };
        i += used;
        match weekday_from_word(word.trim_end_matches('.')) {
            Some(wd) => {
                if let Some(prev) = weekday.filter(|&p| p != wd) {
                    return Err(err(DateProblem::TwoWeekdays(prev, wd)));
                }
                weekday = Some(wd);
            }
            None => tokens.push(word),
        }
    }

    let (date, cal) = match tokens.as_slice() {
        [] => return Err(err(DateProblem::WeekdayAlone)),
        [one] if one.chars().all(|c| c.is_ascii_digit() || "/-.".contains(c)) => {
            parse_numeric(one).map_err(err)?
        }
        _ => parse_named(&tokens, today).map_err(err)?,
    };

    if let Some(wd) = weekday {
        if date.weekday() != wd {
            return Err(err(DateProblem::WrongWeekday {
                date,
                cal,
                given: wd,
            }));
        }
    }
    Ok(date)
}

/// `1403/09/15` or `2024-12-05` with Latin digits.
fn show(d: NaiveDate, cal: Calendar) -> String {
    let (y, m, day) = ymd(d, cal);
    match cal {
        Calendar::Jalali => format!("{y:04}/{m:02}/{day:02}"),
        Calendar::Gregorian => format!("{y:04}-{m:02}-{day:02}"),
    }
}

/// Relative words and `±N[dwmy]`; `None` if `text` is not of that kind.
fn parse_relative(
    text: &str,
    today: NaiveDate,
    pref: Calendar,
) -> Option<Result<NaiveDate, DateProblem>> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let days = match compact.as_str() {
        "today" | "امروز" => Some(0),
        "tomorrow" | "فردا" => Some(1),
        "yesterday" | "دیروز" => Some(-1),
        "پسفردا" => Some(2),
        "پریروز" => Some(-2),
        _ => None,
    };
    if let Some(n) = days {
        return Some(add_days(today, n));
    }

    let sign: i64 = match compact.chars().next()? {
        '+' => 1,
        '-' => -1,
        _ => return None,
    };
    let unit = compact.chars().last()?;
    let digits = compact.get(1..compact.len() - unit.len_utf8())?;
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let Ok(n) = digits.parse::<i64>() else {
        return Some(Err(DateProblem::CountTooLarge(digits.to_string())));
    };
    let n = sign * n;
    let out_of_range = || DateProblem::RelativeOutOfRange(compact.clone());
    Some(match unit {
        'd' => add_days(today, n),
        'w' => n
            .checked_mul(7)
            .ok_or_else(out_of_range)
            .and_then(|d| add_days(today, d)),
        'm' => add_months(today, n, pref).ok_or_else(out_of_range),
        'y' => n
            .checked_mul(12)
            .and_then(|m| add_months(today, m, pref))
            .ok_or_else(out_of_range),
        _ => return None,
    })
}

fn add_days(today: NaiveDate, n: i64) -> Result<NaiveDate, DateProblem> {
    let moved = if n >= 0 {
        today.checked_add_days(Days::new(n.unsigned_abs()))
    } else {
        today.checked_sub_days(Days::new(n.unsigned_abs()))
    };
    moved.ok_or_else(|| DateProblem::RelativeOutOfRange(format!("{n:+}d")))
}

/// A year as typed, with its digit count.
#[derive(Clone, Copy)]
struct Num {
    value: u32,
    len: usize,
}

fn num(s: &str) -> Option<Num> {
    if s.is_empty() || s.len() > 9 || !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some(Num {
        value: s.parse().ok()?,
        len: s.len(),
    })
}

/// The calendar and full year for a typed year.
fn resolve_year(y: Num) -> Result<(Calendar, i32), DateProblem> {
    let v = i32::try_from(y.value).map_err(|_| DateProblem::YearOutOfRange(y.value))?;
    match (y.len, v) {
        (2, 0..=49) => Ok((Calendar::Jalali, 1400 + v)),
        (2, _) => Ok((Calendar::Jalali, 1300 + v)),
        (4, 1200..=1599) => Ok((Calendar::Jalali, v)),
        (4, 1600..=9999) => Ok((Calendar::Gregorian, v)),
        (4, _) => Err(DateProblem::YearOutOfBounds(v)),
        _ => Err(DateProblem::YearDigits(y.len)),
    }
}

/// Builds the date, explaining which part is impossible.
fn build(
    cal: Calendar,
    year: i32,
    month: u32,
    day: u32,
) -> Result<(NaiveDate, Calendar), DateProblem> {
    if !(1..=12).contains(&month) {
        return Err(DateProblem::NoSuchMonth(month));
    }
    let len = month_len(year, month, cal);
    if day == 0 || day > len {
        return Err(DateProblem::NoSuchDay {
            cal,
            year,
            month,
            day,
            len,
        });
    }
    from_ymd(year, month, day, cal)
        .map(|d| (d, cal))
        .ok_or(DateProblem::NoSuchDate {
            cal,
            year,
            month,
            day,
        })
}

/// `Y/M/D`, `D/M/Y`, `YY/M/D` or `YYYYMMDD` with one kind of separator.
fn parse_numeric(s: &str) -> Result<(NaiveDate, Calendar), DateProblem> {
    let seps: Vec<char> = s.chars().filter(|c| !c.is_ascii_digit()).collect();
    if seps.is_empty() {
        if s.len() == 8 {
            let y = num(&s[..4]).ok_or(DateProblem::NumberNotDate(s.to_string()))?;
            let (cal, year) = resolve_year(y)?;
            return build(
                cal,
                year,
                s[4..6].parse().unwrap_or(0),
                s[6..].parse().unwrap_or(0),
            );
        }
        return Err(DateProblem::NumberNotDate(s.to_string()));
    }
    if seps.iter().any(|&c| c != seps[0]) {
        return Err(DateProblem::MixedSeparators);
    }
    let parts: Vec<&str> = s.split(seps[0]).collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty()) {
        return Err(DateProblem::NeedThreeNumbers);
    }
    let n: Vec<Num> = parts
        .iter()
        .map(|p| num(p).ok_or_else(|| DateProblem::PartTooLong(p.to_string())))
        .collect::<Result<_, _>>()?;
    let (a, b, c) = (n[0], n[1], n[2]);
    for p in [a, b, c] {
        if p.len > 4 {
            return Err(DateProblem::TooManyDigits(p.value));
        }
    }

    let year_last = c.len >= 3 || (a.len <= 2 && c.len <= 2 && c.value > 31 && a.value <= 31);
    if !year_last {
        if b.len > 2 || c.len > 2 {
            return Err(DateProblem::MonthDayDigits);
        }
        let (cal, year) = resolve_year(a)?;
        return build(cal, year, b.value, c.value);
    }
    if a.len > 2 || b.len > 2 {
        return Err(DateProblem::MonthDayDigits);
    }
    let (cal, year) = resolve_year(c)?;
    let dmy = build(cal, year, b.value, a.value);
    if dmy.is_err() && cal == Calendar::Gregorian && a.value <= 12 {
        if let Ok(mdy) = build(cal, year, a.value, b.value) {
            return Ok(mdy);
        }
    }
    dmy
}

/// Forms with a month name: a day and optionally a year, in any order.
fn parse_named(tokens: &[String], today: NaiveDate) -> Result<(NaiveDate, Calendar), DateProblem> {
    let mut month: Option<(Calendar, u32, &str)> = None;
    let mut nums: Vec<Num> = Vec::new();
    for token in tokens {
        for part in token.split(['/', '-', '.']).filter(|p| !p.is_empty()) {
            if let Some(n) = num(part).or_else(|| ordinal(part)) {
                nums.push(n);
            } else if let Some((cal, m)) = month_from_word(part) {
                if month.is_some() {
                    return Err(DateProblem::TwoMonthNames);
                }
                month = Some((cal, m, part));
            } else if part == "of" {
                continue;
            } else if part.chars().any(|c| c.is_ascii_digit()) {
                return Err(DateProblem::PartNotNumber(part.to_string()));
            } else {
                return Err(DateProblem::UnknownWord(part.to_string()));
            }
        }
    }
    let Some((mcal, m, mword)) = month else {
        return Err(DateProblem::NoMonth);
    };
    let (day, year) = match nums.as_slice() {
        [] => return Err(DateProblem::NoDay),
        [d] if d.len <= 2 => (*d, None),
        [_] => return Err(DateProblem::NoDay),
        [x, y] => {
            if x.len >= 3 && y.len <= 2 {
                (*y, Some(*x))
            } else if y.len >= 3 && x.len <= 2 {
                (*x, Some(*y))
            } else if x.len <= 2 && y.len <= 2 {
                if x.value > 31 && y.value <= 31 {
                    (*y, Some(*x))
                } else {
                    (*x, Some(*y))
                }
            } else {
                return Err(DateProblem::OneDayOneYear);
            }
        }
        _ => return Err(DateProblem::TooManyNumbers),
    };
    let year = match year {
        None => ymd(today, mcal).0,
        Some(y) => {
            let (ycal, year) = resolve_year(y)?;
            if ycal != mcal {
                return Err(DateProblem::CalendarMismatch {
                    month_word: mword.to_string(),
                    month_cal: mcal,
                    year: y.value,
                    year_cal: ycal,
                    two_digit: y.len == 2,
                });
            }
            year
        }
    };
    build(mcal, year, m, day.value)
}

/// `6th`, `1st`, `2nd`, `3rd` as a day number.
fn ordinal(s: &str) -> Option<Num> {
    ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suf| s.strip_suffix(suf))
        .and_then(num)
        .filter(|n| n.len <= 2)
}

/// A Jalali or Gregorian month name (already lowercased and folded).
fn month_from_word(w: &str) -> Option<(Calendar, u32)> {
    let jalali = match w {
        "فروردین" | "farvardin" | "farvardeen" => Some(1),
        "اردیبهشت" | "ordibehesht" | "ordibehest" | "ordibahesht" => Some(2),
        "خرداد" | "khordad" | "khordaad" | "xordad" => Some(3),
        "تیر" | "tir" | "teer" => Some(4),
        "مرداد" | "امرداد" | "mordad" | "amordad" | "mordaad" => Some(5),
        "شهریور" | "shahrivar" | "shahriwar" => Some(6),
        "مهر" | "mehr" => Some(7),
        "آبان" | "ابان" | "aban" | "aaban" | "abaan" => Some(8),
        "آذر" | "اذر" | "azar" | "aazar" | "azer" => Some(9),
        "دی" | "dey" | "dei" => Some(10),
        "بهمن" | "bahman" => Some(11),
        "اسفند" | "esfand" | "isfand" | "esfahand" => Some(12),
        _ => None,
    };
    if let Some(m) = jalali {
        return Some((Calendar::Jalali, m));
    }
    let gregorian = match w {
        "january" | "jan" | "ژانویه" => 1,
        "february" | "feb" | "فوریه" => 2,
        "march" | "mar" | "مارس" => 3,
        "april" | "apr" | "آوریل" | "آپریل" => 4,
        "may" | "مه" | "می" => 5,
        "june" | "jun" | "ژوئن" | "جون" => 6,
        "july" | "jul" | "ژوئیه" | "جولای" => 7,
        "august" | "aug" | "اوت" | "آگوست" => 8,
        "september" | "sep" | "sept" | "سپتامبر" => 9,
        "october" | "oct" | "اکتبر" => 10,
        "november" | "nov" | "نوامبر" => 11,
        "december" | "dec" | "دسامبر" => 12,
        _ => return None,
    };
    Some((Calendar::Gregorian, gregorian))
}

/// A weekday name in English (full or abbreviated), Persian or transliterated
/// Persian (already lowercased; Persian names written without space or ZWNJ).
fn weekday_from_word(w: &str) -> Option<Weekday> {
    Some(match w {
        "saturday" | "sat" | "شنبه" | "shanbe" | "shanbeh" => Weekday::Sat,
        "sunday" | "sun" | "یکشنبه" | "yekshanbe" | "yekshanbeh" => Weekday::Sun,
        "monday" | "mon" | "دوشنبه" | "doshanbe" | "doshanbeh" => Weekday::Mon,
        "tuesday" | "tue" | "tues" | "سهشنبه" | "seshanbe" | "seshanbeh" => Weekday::Tue,
        "wednesday" | "wed" | "چهارشنبه" | "chaharshanbe" | "chaharshanbeh" => Weekday::Wed,
        "thursday" | "thu" | "thur" | "thurs" | "پنجشنبه" | "panjshanbe" | "panjshanbeh" => {
            Weekday::Thu
        }
        "friday" | "fri" | "جمعه" | "jome" | "jomeh" | "jomee" => Weekday::Fri,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn today() -> NaiveDate {
        // 1403/06/31, a Saturday.
        g(2024, 9, 21)
    }

    fn p(s: &str) -> Result<NaiveDate, DateParseError> {
        parse_date(s, today(), Calendar::Jalali)
    }

    fn ok(s: &str) -> NaiveDate {
        match p(s) {
            Ok(d) => d,
            Err(e) => panic!("{s:?} should parse: {e}"),
        }
    }

    fn reason(s: &str) -> String {
        match p(s) {
            Ok(d) => panic!("{s:?} should fail, got {d}"),
            Err(e) => e.reason().to_string(),
        }
    }

    #[test]
    fn jalali_numeric() {
        assert_eq!(ok("1403/01/01"), g(2024, 3, 20));
        assert_eq!(ok("1403-1-1"), g(2024, 3, 20));
        assert_eq!(ok("1403.01.01"), g(2024, 3, 20));
        assert_eq!(ok("1397/9/15"), g(2018, 12, 6));
        assert_eq!(ok("14030101"), g(2024, 3, 20));
    }

    #[test]
    fn persian_and_arabic_digits() {
        assert_eq!(ok("۱۴۰۳/۰۱/۰۱"), g(2024, 3, 20));
        assert_eq!(ok("١٤٠٣/٠١/٠١"), g(2024, 3, 20));
        assert_eq!(ok("۱۴۰۳٫۰۱٫۰۱"), g(2024, 3, 20));
    }

    #[test]
    fn two_digit_jalali_year() {
        assert_eq!(ok("96/9/5"), ok("1396/09/05"));
        assert_eq!(ok("03/1/1"), g(2024, 3, 20));
        assert_eq!(ok("49/1/1"), ok("1449/01/01"));
        assert_eq!(ok("50/1/1"), ok("1350/01/01"));
        // Year last when it cannot be a day.
        assert_eq!(ok("5/9/96"), ok("1396/09/05"));
    }

    #[test]
    fn day_month_year() {
        assert_eq!(ok("21/5/1387"), ok("1387/05/21"));
        assert_eq!(ok("6/12/2018"), g(2018, 12, 6));
        assert_eq!(ok("06.12.2018"), g(2018, 12, 6));
        // Both readings possible: day/month/year.
        assert_eq!(ok("5/6/2024"), g(2024, 6, 5));
        // Only month/day/year possible.
        assert_eq!(ok("12/25/2024"), g(2024, 12, 25));
    }

    #[test]
    fn iso_gregorian() {
        assert_eq!(ok("2025-02-28"), g(2025, 2, 28));
        assert_eq!(ok("2024-02-29"), g(2024, 2, 29));
        assert_eq!(ok("2024/3/20"), g(2024, 3, 20));
        assert_eq!(ok(" 2024-03-20 "), g(2024, 3, 20));
    }

    #[test]
    fn month_names() {
        let aban2 = ok("1400/08/02");
        assert_eq!(ok("۲ آبان ۱۴۰۰"), aban2);
        assert_eq!(ok("2 Aban 1400"), aban2);
        assert_eq!(ok("2 aban 1400"), aban2);
        assert_eq!(ok("Aban 2 1400"), aban2);
        assert_eq!(ok("Aban 2, 1400"), aban2);
        assert_eq!(ok("1400 Aban 2"), aban2);
        assert_eq!(ok("2-Aban-1400"), aban2);
        assert_eq!(ok("10 آذر 1401"), ok("1401/09/10"));
        assert_eq!(ok("6 December 2018"), g(2018, 12, 6));
        assert_eq!(ok("Dec 6 2018"), g(2018, 12, 6));
        assert_eq!(ok("Dec. 6, 2018"), g(2018, 12, 6));
        assert_eq!(ok("6th of December 2018"), g(2018, 12, 6));
        assert_eq!(ok("6 دسامبر 2018"), g(2018, 12, 6));
        assert_eq!(ok("1 Tir 1403"), ok("1403/04/01"));
        assert_eq!(ok("1 Dei 1403"), ok("1403/10/01"));
        assert_eq!(ok("1 دي 1403"), ok("1403/10/01"));
        assert_eq!(ok("1 Amordad 1403"), ok("1403/05/01"));
        assert_eq!(ok("1 ESFAND 1403"), ok("1403/12/01"));
        assert_eq!(ok("1 Ordibehesht 1403"), ok("1403/02/01"));
        assert_eq!(ok("2 Aban 00"), aban2);
    }

    #[test]
    fn month_name_without_year_uses_todays_year() {
        assert_eq!(ok("2 Aban"), ok("1403/08/02"));
        assert_eq!(ok("Dec 6"), g(2024, 12, 6));
    }

    #[test]
    fn weekdays() {
        assert_eq!(ok("پنج شنبه, 10 آذر 1401"), ok("1401/09/10"));
        assert_eq!(ok("پنجشنبه ۱۰ آذر ۱۴۰۱"), ok("1401/09/10"));
        assert_eq!(ok("پنج\u{200c}شنبه ۱۰ آذر ۱۴۰۱"), ok("1401/09/10"));
        assert_eq!(ok("۱۴۰۰ يکشنبه ۲ آبان"), ok("1400/08/02"));
        assert_eq!(ok("Thursday 15 Azar 1397"), g(2018, 12, 6));
        assert_eq!(ok("Thu, 6 Dec 2018"), g(2018, 12, 6));
        assert_eq!(ok("6 December 2018 Thursday"), g(2018, 12, 6));
        assert_eq!(ok("پنجشنبه 1397/09/15"), g(2018, 12, 6));
        assert_eq!(ok("سه‌شنبه ۱۴۰۳/۰۱/۰۷"), ok("1403/01/07"));
    }

    #[test]
    fn weekday_mismatch() {
        let r = reason("Friday 15 Azar 1397");
        assert!(r.contains("Thursday") && r.contains("Friday"), "{r}");
        assert!(r.contains("1397/09/15"), "{r}");
        let r = reason("جمعه 2018-12-06");
        assert!(r.contains("Thursday") && r.contains("Friday"), "{r}");
        assert!(r.contains("2018-12-06"), "{r}");
        let r = reason("Thursday Friday 15 Azar 1397");
        assert!(r.contains("two different weekdays"), "{r}");
    }

    #[test]
    fn relative() {
        let t = today();
        assert_eq!(ok("today"), t);
        assert_eq!(ok("Today"), t);
        assert_eq!(ok("tomorrow"), g(2024, 9, 22));
        assert_eq!(ok("yesterday"), g(2024, 9, 20));
        assert_eq!(ok("امروز"), t);
        assert_eq!(ok("فردا"), g(2024, 9, 22));
        assert_eq!(ok("ديروز"), g(2024, 9, 20));
        assert_eq!(ok("پس‌فردا"), g(2024, 9, 23));
        assert_eq!(ok("+7d"), g(2024, 9, 28));
        assert_eq!(ok("-3d"), g(2024, 9, 18));
        assert_eq!(ok("+۷d"), g(2024, 9, 28));
        assert_eq!(ok("+2w"), g(2024, 10, 5));
        assert_eq!(ok("+0d"), t);
    }

    #[test]
    fn relative_months_use_preferred_calendar() {
        // Jalali: 1403/06/31 + 1 month = 1403/07/30 (Mehr has 30 days).
        assert_eq!(ok("+1m"), ok("1403/07/30"));
        assert_eq!(ok("-1m"), ok("1403/05/31"));
        assert_eq!(ok("+1y"), ok("1404/06/31"));
        // Gregorian: 2024-01-31 + 1 month = 2024-02-29.
        let jan31 = g(2024, 1, 31);
        assert_eq!(
            parse_date("+1m", jan31, Calendar::Gregorian),
            Ok(g(2024, 2, 29))
        );
        assert_eq!(
            parse_date("+1m", today(), Calendar::Gregorian),
            Ok(g(2024, 10, 21))
        );
    }

    #[test]
    fn relative_overflow_is_an_error() {
        assert!(p("+99999999999999999999d").is_err());
        assert!(p("+9999999999999d").is_err());
        assert!(p("+9223372036854775807w").is_err());
        assert!(p("-9223372036854775807m").is_err());
        assert!(p("+5x").is_err());
        assert!(p("+d").is_err());
    }

    #[test]
    fn impossible_dates() {
        let r = reason("1404/12/30");
        assert_eq!(r, "1404/12/30 does not exist: Esfand 1404 has 29 days");
        assert_eq!(ok("1403/12/30"), g(2025, 3, 20));
        let r = reason("2025-02-29");
        assert_eq!(r, "2025-02-29 does not exist: February 2025 has 28 days");
        assert!(reason("1403/13/01").contains("month 13"));
        assert!(reason("2024-13-01").contains("month 13"));
        assert!(reason("1403/00/01").contains("month 0"));
        assert!(reason("1403/01/32").contains("has 31 days"));
        assert!(reason("2024-01-32").contains("has 31 days"));
        assert!(reason("1403/07/31").contains("Mehr 1403 has 30 days"));
        assert!(reason("1403/01/00").contains("does not exist"));
        assert!(reason("30 Esfand 1404").contains("Esfand 1404 has 29 days"));
        assert!(reason("31 Mehr 1403").contains("30 days"));
    }

    #[test]
    fn garbage() {
        assert!(reason("").contains("empty"));
        assert!(reason("   ").contains("empty"));
        assert!(reason("hello").contains("hello"));
        assert!(reason("1403").contains("not a date"));
        assert!(reason("1403/01").contains("three numbers"));
        assert!(reason("1403/01/01/01").contains("three numbers"));
        assert!(reason("1403//01").contains("three numbers"));
        assert!(reason("1403/01-01").contains("separator"));
        assert!(reason("1100/01/01").contains("out of range"));
        assert!(reason("403/01/01").contains("4 digits"));
        assert!(reason("1403/001/01").contains("1 or 2 digits"));
        assert!(reason("12345/01/01").contains("too many digits"));
        assert!(p("99999999999/1/1").is_err());
        assert!(reason("Aban").contains("no day"));
        assert!(reason("Aban 1400").contains("no day"));
        assert!(reason("Aban Azar 1 1400").contains("more than one month"));
        assert!(reason("1 2 3 Aban").contains("too many numbers"));
        assert!(reason("Thursday").contains("weekday alone"));
        assert!(reason("1 2 1400").contains("no month"));
        assert!(reason("6 December 1400").contains("Gregorian month"));
        assert!(reason("6 Azar 2018").contains("Jalali month"));
        assert!(reason("6 Dec 18").contains("write the Gregorian year in full"));
        assert!(reason("12a/1/1").contains("not a number"));
        assert!(p("+").is_err());
        assert!(p("-").is_err());
        assert!(p("/").is_err());
        assert!(p("...").is_err());
        assert!(p("٫").is_err());
    }

    #[test]
    fn error_message_quotes_input_and_lists_forms() {
        let e = p("1404/12/30").unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains("\"1404/12/30\""), "{msg}");
        assert!(msg.contains("Esfand 1404 has 29 days"), "{msg}");
        assert!(msg.contains("Accepted forms"), "{msg}");
        assert!(msg.contains("+7d"), "{msg}");
        assert_eq!(e.input(), "1404/12/30");
        let boxed: Box<dyn std::error::Error> = Box::new(e);
        assert!(!boxed.to_string().is_empty());
    }
}
