//! Jalali (Solar Hijri) and Gregorian calendars: conversion, month and weekday
//! names, date formatting and month grids.
//!
//! Jalali conversion uses `icu_calendar`'s `Persian` calendar (33-year rule with
//! ICU's correction table), which matches the official calendar for 1178-1633 AP.

use chrono::{Datelike, NaiveDate, Weekday};
use icu_calendar::cal::Persian;
use icu_calendar::types::RataDie;
use icu_calendar::Date;

use super::digits::localize_digits;
use super::{Calendar, Lang};

/// A date in the Jalali calendar. Months and days are 1-based.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct JalaliDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// Jalali month names in Persian, Farvardin first.
pub const JALALI_MONTHS_FA: [&str; 12] = [
    "فروردین",
    "اردیبهشت",
    "خرداد",
    "تیر",
    "مرداد",
    "شهریور",
    "مهر",
    "آبان",
    "آذر",
    "دی",
    "بهمن",
    "اسفند",
];

/// Jalali month names transliterated to English, Farvardin first.
pub const JALALI_MONTHS_EN: [&str; 12] = [
    "Farvardin",
    "Ordibehesht",
    "Khordad",
    "Tir",
    "Mordad",
    "Shahrivar",
    "Mehr",
    "Aban",
    "Azar",
    "Dey",
    "Bahman",
    "Esfand",
];

/// Gregorian month names in English, January first.
pub const GREGORIAN_MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Gregorian month names in Persian, January first.
pub const GREGORIAN_MONTHS_FA: [&str; 12] = [
    "ژانویه",
    "فوریه",
    "مارس",
    "آوریل",
    "مه",
    "ژوئن",
    "ژوئیه",
    "اوت",
    "سپتامبر",
    "اکتبر",
    "نوامبر",
    "دسامبر",
];

/// Weekday names in English, Saturday first.
const WEEKDAYS_EN: [&str; 7] = [
    "Saturday",
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
];

/// Weekday names in Persian, Saturday (شنبه) first. Tuesday contains a ZWNJ.
const WEEKDAYS_FA: [&str; 7] = [
    "شنبه",
    "یکشنبه",
    "دوشنبه",
    "سه\u{200c}شنبه",
    "چهارشنبه",
    "پنجشنبه",
    "جمعه",
];

/// Converts a Gregorian date to Jalali.
pub fn to_jalali(d: NaiveDate) -> JalaliDate {
    // chrono counts 0001-01-01 as day 1, the same origin as RataDie.
    let p = Date::from_rata_die(RataDie::new(i64::from(d.num_days_from_ce())), Persian);
    JalaliDate {
        year: p.year().extended_year(),
        month: u32::from(p.month().ordinal),
        day: u32::from(p.day_of_month().0),
    }
}

/// Converts a Jalali date to Gregorian; `None` if the date does not exist
/// (or the year is outside -9999..=9999).
pub fn from_jalali(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let p = Date::try_new_persian(y, u8::try_from(m).ok()?, u8::try_from(d).ok()?).ok()?;
    let rd = i32::try_from(p.to_rata_die().to_i64_date()).ok()?;
    NaiveDate::from_num_days_from_ce_opt(rd)
}

/// Whether Jalali year `y` has 366 days (Esfand has 30 days).
pub fn is_jalali_leap(y: i32) -> bool {
    match Date::try_new_persian(y, 1, 1) {
        Ok(p) => p.is_in_leap_year(),
        // Outside icu's constructor range (-9999..=9999) icu uses the plain 33-year rule.
        Err(_) => (25 * i64::from(y) + 11).rem_euclid(33) < 8,
    }
}

/// Days in Jalali month `m` of year `y`; 0 if `m` is not 1..=12.
pub fn jalali_month_len(y: i32, m: u32) -> u32 {
    match m {
        1..=6 => 31,
        7..=11 => 30,
        12 if is_jalali_leap(y) => 30,
        12 => 29,
        _ => 0,
    }
}

/// Days in Gregorian month `m` of year `y`; 0 if `m` is not 1..=12.
pub fn gregorian_month_len(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if NaiveDate::from_ymd_opt(y, 2, 29).is_some() => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days in month `m` of year `y` in calendar `cal`; 0 if `m` is not 1..=12.
pub fn month_len(y: i32, m: u32, cal: Calendar) -> u32 {
    match cal {
        Calendar::Gregorian => gregorian_month_len(y, m),
        Calendar::Jalali => jalali_month_len(y, m),
    }
}

/// The date for year/month/day in `cal`; `None` if it does not exist.
pub fn from_ymd(y: i32, m: u32, d: u32, cal: Calendar) -> Option<NaiveDate> {
    match cal {
        Calendar::Gregorian => NaiveDate::from_ymd_opt(y, m, d),
        Calendar::Jalali => from_jalali(y, m, d),
    }
}

/// Year, month and day of `d` in `cal`.
pub fn ymd(d: NaiveDate, cal: Calendar) -> (i32, u32, u32) {
    match cal {
        Calendar::Gregorian => (d.year(), d.month(), d.day()),
        Calendar::Jalali => {
            let j = to_jalali(d);
            (j.year, j.month, j.day)
        }
    }
}

/// Adds `months` calendar months in `cal`, clamping the day to the target
/// month's length (Esfand 30 + 12 months → Esfand 29). `None` on overflow.
pub fn add_months(d: NaiveDate, months: i64, cal: Calendar) -> Option<NaiveDate> {
    let (y, m, day) = ymd(d, cal);
    let index = i64::from(y)
        .checked_mul(12)?
        .checked_add(i64::from(m) - 1)?
        .checked_add(months)?;
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = u32::try_from(index.rem_euclid(12)).ok()? + 1;
    let day = day.min(month_len(year, month, cal));
    from_ymd(year, month, day, cal)
}

/// Name of `month` (1..=12) in `cal` and `lang`; "" if out of range.
pub fn month_name(month: u32, cal: Calendar, lang: Lang) -> &'static str {
    let table = match (cal, lang) {
        (Calendar::Jalali, Lang::En) => &JALALI_MONTHS_EN,
        (Calendar::Jalali, Lang::Fa) => &JALALI_MONTHS_FA,
        (Calendar::Gregorian, Lang::En) => &GREGORIAN_MONTHS_EN,
        (Calendar::Gregorian, Lang::Fa) => &GREGORIAN_MONTHS_FA,
    };
    usize::try_from(month)
        .ok()
        .and_then(|m| m.checked_sub(1))
        .and_then(|i| table.get(i))
        .copied()
        .unwrap_or("")
}

/// Jalali month name (1..=12) in `lang`; "" if out of range.
pub fn jalali_month_name(month: u32, lang: Lang) -> &'static str {
    month_name(month, Calendar::Jalali, lang)
}

/// Gregorian month name (1..=12) in `lang`; "" if out of range.
pub fn gregorian_month_name(month: u32, lang: Lang) -> &'static str {
    month_name(month, Calendar::Gregorian, lang)
}

/// Weekday name: "Thursday" in English, "پنجشنبه" in Persian.
pub fn weekday_name(wd: Weekday, lang: Lang) -> &'static str {
    let i = wd.days_since(Weekday::Sat) as usize;
    match lang {
        Lang::En => WEEKDAYS_EN[i],
        Lang::Fa => WEEKDAYS_FA[i],
    }
}

/// The first day of the week: Saturday for Jalali, Monday for Gregorian.
pub fn week_start(cal: Calendar) -> Weekday {
    match cal {
        Calendar::Jalali => Weekday::Sat,
        Calendar::Gregorian => Weekday::Mon,
    }
}

/// Whether `wd` is a weekend day: Friday for Jalali, Saturday and Sunday for Gregorian.
pub fn is_weekend(wd: Weekday, cal: Calendar) -> bool {
    match cal {
        Calendar::Jalali => wd == Weekday::Fri,
        Calendar::Gregorian => matches!(wd, Weekday::Sat | Weekday::Sun),
    }
}

/// Short numeric date: Gregorian `2024-03-20`, Jalali `1403/01/01`; Persian digits for `Lang::Fa`.
/// A date for a message that knows only its language (a refusal): Persian reads Jalali
/// dates, English Gregorian.
pub fn format_date_in(d: NaiveDate, lang: Lang) -> String {
    let cal = match lang {
        Lang::Fa => Calendar::Jalali,
        Lang::En => Calendar::Gregorian,
    };
    format_date(d, cal, lang)
}

pub fn format_date(d: NaiveDate, cal: Calendar, lang: Lang) -> String {
    let s = match cal {
        // In Persian text "-" does not hold Persian digits together under the bidi
        // algorithm (after Arabic letters they are Arabic numbers, joined only by "/"),
        // so a Gregorian date would show with its parts swapped; Persian writes "/".
        Calendar::Gregorian if lang == Lang::Fa => {
            format!("{:04}/{:02}/{:02}", d.year(), d.month(), d.day())
        }
        Calendar::Gregorian => format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        Calendar::Jalali => jalali_string(d),
    };
    localize_digits(&s, lang)
}

/// Long date: "Thursday 15 Azar 1397", "پنجشنبه ۱۵ آذر ۱۳۹۷", "Thursday 6 December 2018".
pub fn format_date_long(d: NaiveDate, cal: Calendar, lang: Lang) -> String {
    let (y, m, day) = ymd(d, cal);
    let s = format!(
        "{} {} {} {}",
        weekday_name(d.weekday(), lang),
        day,
        month_name(m, cal, lang),
        y
    );
    localize_digits(&s, lang)
}

/// Month and year heading: "Azar 1397", "آذر ۱۳۹۷", "December 2018".
pub fn format_month_year(year: i32, month: u32, cal: Calendar, lang: Lang) -> String {
    localize_digits(&format!("{} {}", month_name(month, cal, lang), year), lang)
}

/// Jalali date with Latin digits, "1397/09/15" (for JSON and exports).
pub fn jalali_string(d: NaiveDate) -> String {
    let j = to_jalali(d);
    format!("{:04}/{:02}/{:02}", j.year, j.month, j.day)
}

/// The weeks of a month as rows of 7 cells, starting on [`week_start`];
/// cells outside the month are `None`. Empty if the month does not exist.
pub fn month_grid(year: i32, month: u32, cal: Calendar) -> Vec<[Option<NaiveDate>; 7]> {
    let Some(first) = from_ymd(year, month, 1, cal) else {
        return Vec::new();
    };
    let len = month_len(year, month, cal);
    let start = week_start(cal);
    let mut weeks = Vec::new();
    let mut row: [Option<NaiveDate>; 7] = [None; 7];
    let mut col = first.weekday().days_since(start) as usize;
    for day in first.iter_days().take(len as usize) {
        row[col] = Some(day);
        col += 1;
        if col == 7 {
            weeks.push(row);
            row = [None; 7];
            col = 0;
        }
    }
    if col > 0 {
        weeks.push(row);
    }
    weeks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd_g(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn known_dates() {
        assert_eq!(from_jalali(1403, 1, 1), Some(ymd_g(2024, 3, 20)));
        assert_eq!(from_jalali(1404, 1, 1), Some(ymd_g(2025, 3, 21)));
        assert_eq!(from_jalali(1397, 9, 15), Some(ymd_g(2018, 12, 6)));
        assert_eq!(
            to_jalali(ymd_g(2018, 12, 6)),
            JalaliDate {
                year: 1397,
                month: 9,
                day: 15
            }
        );
    }

    #[test]
    fn leap_years_and_lengths() {
        assert!(is_jalali_leap(1403));
        assert!(!is_jalali_leap(1404));
        assert_eq!(jalali_month_len(1403, 12), 30);
        assert_eq!(jalali_month_len(1404, 12), 29);
        assert_eq!(jalali_month_len(1404, 4), 31);
        assert_eq!(jalali_month_len(1404, 10), 30);
        assert_eq!(jalali_month_len(1404, 0), 0);
        assert_eq!(jalali_month_len(1404, 13), 0);
        assert_eq!(from_jalali(1404, 12, 30), None);
        assert_eq!(from_jalali(1403, 12, 30), Some(ymd_g(2025, 3, 20)));
        assert_eq!(gregorian_month_len(2024, 2), 29);
        assert_eq!(gregorian_month_len(2025, 2), 28);
        assert_eq!(gregorian_month_len(1900, 2), 28);
    }

    #[test]
    fn impossible_inputs_do_not_panic() {
        assert_eq!(from_jalali(1403, 0, 1), None);
        assert_eq!(from_jalali(1403, 1, 0), None);
        assert_eq!(from_jalali(1403, 257, 1), None);
        assert_eq!(from_jalali(1403, 1, 257), None);
        assert_eq!(from_jalali(i32::MAX, 1, 1), None);
        assert_eq!(from_jalali(i32::MIN, 1, 1), None);
        let _ = to_jalali(NaiveDate::MAX);
        let _ = to_jalali(NaiveDate::MIN);
        let _ = is_jalali_leap(i32::MAX);
        let _ = is_jalali_leap(i32::MIN);
        assert_eq!(add_months(NaiveDate::MAX, 1, Calendar::Jalali), None);
        assert_eq!(
            add_months(NaiveDate::MAX, i64::MAX, Calendar::Gregorian),
            None
        );
        assert_eq!(add_months(NaiveDate::MIN, i64::MIN, Calendar::Jalali), None);
        assert_eq!(month_name(0, Calendar::Jalali, Lang::En), "");
        assert_eq!(month_name(13, Calendar::Jalali, Lang::En), "");
        assert!(month_grid(1403, 13, Calendar::Jalali).is_empty());
    }

    #[test]
    fn names() {
        assert_eq!(month_name(4, Calendar::Jalali, Lang::En), "Tir");
        assert_eq!(month_name(10, Calendar::Jalali, Lang::Fa), "دی");
        assert_eq!(month_name(1, Calendar::Gregorian, Lang::Fa), "ژانویه");
        assert_eq!(gregorian_month_name(12, Lang::En), "December");
        assert_eq!(jalali_month_name(9, Lang::Fa), "آذر");
        assert_eq!(gregorian_month_name(0, Lang::En), "");
        assert_eq!(weekday_name(Weekday::Thu, Lang::En), "Thursday");
        assert_eq!(weekday_name(Weekday::Sat, Lang::Fa), "شنبه");
        assert_eq!(weekday_name(Weekday::Tue, Lang::Fa), "سه\u{200c}شنبه");
        assert_eq!(weekday_name(Weekday::Fri, Lang::Fa), "جمعه");
    }

    #[test]
    fn formatting() {
        let d = ymd_g(2024, 3, 20);
        assert_eq!(format_date(d, Calendar::Gregorian, Lang::En), "2024-03-20");
        assert_eq!(format_date(d, Calendar::Jalali, Lang::En), "1403/01/01");
        assert_eq!(format_date(d, Calendar::Jalali, Lang::Fa), "۱۴۰۳/۰۱/۰۱");
        // Persian writes "/" so the bidi algorithm keeps the date whole.
        assert_eq!(format_date(d, Calendar::Gregorian, Lang::Fa), "۲۰۲۴/۰۳/۲۰");
        let d = ymd_g(2018, 12, 6);
        assert_eq!(jalali_string(d), "1397/09/15");
        assert_eq!(
            format_date_long(d, Calendar::Jalali, Lang::En),
            "Thursday 15 Azar 1397"
        );
        assert_eq!(
            format_date_long(d, Calendar::Jalali, Lang::Fa),
            "پنجشنبه ۱۵ آذر ۱۳۹۷"
        );
        assert_eq!(
            format_date_long(d, Calendar::Gregorian, Lang::En),
            "Thursday 6 December 2018"
        );
        assert_eq!(
            format_date_long(d, Calendar::Gregorian, Lang::Fa),
            "پنجشنبه ۶ دسامبر ۲۰۱۸"
        );
        assert_eq!(
            format_month_year(1397, 9, Calendar::Jalali, Lang::Fa),
            "آذر ۱۳۹۷"
        );
    }

    #[test]
    fn add_months_clamps() {
        let esfand30 = from_jalali(1403, 12, 30).unwrap();
        assert_eq!(
            add_months(esfand30, 12, Calendar::Jalali),
            from_jalali(1404, 12, 29)
        );
        let shahrivar31 = from_jalali(1403, 6, 31).unwrap();
        assert_eq!(
            add_months(shahrivar31, 1, Calendar::Jalali),
            from_jalali(1403, 7, 30)
        );
        assert_eq!(
            add_months(shahrivar31, -6, Calendar::Jalali),
            from_jalali(1402, 12, 29)
        );
        assert_eq!(
            add_months(ymd_g(2024, 1, 31), 1, Calendar::Gregorian),
            Some(ymd_g(2024, 2, 29))
        );
        assert_eq!(
            add_months(ymd_g(2024, 3, 31), -13, Calendar::Gregorian),
            Some(ymd_g(2023, 2, 28))
        );
    }

    #[test]
    fn grid_jalali_starts_saturday() {
        // 1403/01/01 was a Wednesday.
        let g = month_grid(1403, 1, Calendar::Jalali);
        assert_eq!(g[0][..4], [None, None, None, None]);
        assert_eq!(g[0][4], from_jalali(1403, 1, 1));
        assert_eq!(g[0][4].unwrap().weekday(), Weekday::Wed);
        let cells: Vec<_> = g.iter().flatten().flatten().collect();
        assert_eq!(cells.len(), 31);
        for row in &g {
            for d in row.iter().flatten() {
                assert_eq!(to_jalali(*d).month, 1);
            }
        }
        assert_eq!(week_start(Calendar::Jalali), Weekday::Sat);
        assert!(is_weekend(Weekday::Fri, Calendar::Jalali));
        assert!(!is_weekend(Weekday::Sat, Calendar::Jalali));
    }

    #[test]
    fn grid_gregorian_starts_monday() {
        // 2024-04-01 was a Monday; April has 30 days: 5 rows.
        let g = month_grid(2024, 4, Calendar::Gregorian);
        assert_eq!(g.len(), 5);
        assert_eq!(g[0][0], Some(ymd_g(2024, 4, 1)));
        assert_eq!(g[4][1], Some(ymd_g(2024, 4, 30)));
        assert_eq!(g[4][2], None);
        // February 2021 starts on Monday and has exactly 4 weeks.
        assert_eq!(month_grid(2021, 2, Calendar::Gregorian).len(), 4);
    }
}
