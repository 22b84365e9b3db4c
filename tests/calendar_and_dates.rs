//! Jalali calendar over 1300-1500 AP against an independent 33-year-rule oracle,
//! known dates, formatting and the date parser's written forms.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use chrono::{Datelike, NaiveDate, Weekday};
use shura::locale::calendar::{
    format_date, format_date_long, from_jalali, is_jalali_leap, jalali_month_len, jalali_string,
    month_grid, to_jalali, week_start, JalaliDate,
};
use shura::locale::dateparse::parse_date;
use shura::locale::{Calendar, Lang};

fn g(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The 33-year arithmetic rule: a year is leap when its remainder mod 33 is
/// one of these. It agrees with the official calendar for 1178-1502 AP.
fn oracle_leap(y: i32) -> bool {
    matches!(y.rem_euclid(33), 1 | 5 | 9 | 13 | 17 | 22 | 26 | 30)
}

fn oracle_month_len(y: i32, m: u32) -> u32 {
    match m {
        1..=6 => 31,
        7..=11 => 30,
        _ if oracle_leap(y) => 30,
        _ => 29,
    }
}

#[test]
fn every_day_1300_to_1500_round_trips_and_is_consecutive() {
    let mut prev: Option<NaiveDate> = None;
    let mut days = 0u32;
    for y in 1300..=1500 {
        for m in 1..=12u32 {
            let len = jalali_month_len(y, m);
            let expected = match m {
                1..=6 => 31,
                7..=11 => 30,
                _ if is_jalali_leap(y) => 30,
                _ => 29,
            };
            assert_eq!(len, expected, "length of {y}/{m}");
            assert_eq!(from_jalali(y, m, len + 1), None, "{y}/{m}/{}", len + 1);
            for d in 1..=len {
                let greg = from_jalali(y, m, d).unwrap_or_else(|| panic!("{y}/{m}/{d}"));
                assert_eq!(
                    to_jalali(greg),
                    JalaliDate {
                        year: y,
                        month: m,
                        day: d
                    },
                    "{greg}"
                );
                if let Some(p) = prev {
                    assert_eq!(p.succ_opt(), Some(greg), "{y}/{m}/{d} follows {p}");
                }
                prev = Some(greg);
                days += 1;
            }
        }
    }
    // 201 years; 49 leap years in 1300..=1500 under the 33-year rule.
    assert_eq!(
        days,
        201 * 365 + (1300..=1500).filter(|&y| oracle_leap(y)).count() as u32
    );
}

#[test]
fn icu_matches_33_year_rule_on_every_day() {
    // Nowruz 1300 was 21 March 1921.
    let mut greg = g(1921, 3, 21);
    for y in 1300..=1500 {
        assert_eq!(is_jalali_leap(y), oracle_leap(y), "leap {y}");
        for m in 1..=12u32 {
            for d in 1..=oracle_month_len(y, m) {
                assert_eq!(from_jalali(y, m, d), Some(greg), "{y}/{m}/{d}");
                assert_eq!(
                    to_jalali(greg),
                    JalaliDate {
                        year: y,
                        month: m,
                        day: d
                    }
                );
                greg = greg.succ_opt().unwrap();
            }
        }
    }
    // The day after 1500/12/last is Nowruz 1501.
    assert_eq!(from_jalali(1501, 1, 1), Some(greg));
}

#[test]
fn known_dates() {
    assert_eq!(from_jalali(1403, 1, 1), Some(g(2024, 3, 20)));
    assert_eq!(from_jalali(1404, 1, 1), Some(g(2025, 3, 21)));
    assert_eq!(from_jalali(1397, 9, 15), Some(g(2018, 12, 6)));
    assert_eq!(
        to_jalali(g(2018, 12, 6)),
        JalaliDate {
            year: 1397,
            month: 9,
            day: 15
        }
    );
    assert!(is_jalali_leap(1403));
    assert!(!is_jalali_leap(1404));
    assert_eq!(from_jalali(1404, 12, 30), None);
    assert_eq!(from_jalali(1403, 12, 30), Some(g(2025, 3, 20)));
    assert_eq!(jalali_month_len(1404, 4), 31); // Tir
    assert_eq!(jalali_month_len(1404, 10), 30); // Dey
    assert_eq!(g(2018, 12, 6).weekday(), Weekday::Thu);
}

#[test]
fn formatting() {
    let d = g(2018, 12, 6);
    assert_eq!(jalali_string(d), "1397/09/15");
    assert_eq!(format_date(d, Calendar::Gregorian, Lang::En), "2018-12-06");
    assert_eq!(format_date(d, Calendar::Jalali, Lang::En), "1397/09/15");
    assert_eq!(format_date(d, Calendar::Jalali, Lang::Fa), "۱۳۹۷/۰۹/۱۵");
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
}

#[test]
fn month_grids_cover_each_day_once_in_its_weekday_column() {
    for (cal, years) in [
        (Calendar::Jalali, 1390..=1420),
        (Calendar::Gregorian, 2010..=2040),
    ] {
        let start = week_start(cal);
        for y in years {
            for m in 1..=12 {
                let grid = month_grid(y, m, cal);
                let mut prev: Option<NaiveDate> = None;
                for week in &grid {
                    assert!(week.iter().any(Option::is_some), "empty week in {y}/{m}");
                    for (col, cell) in week.iter().enumerate() {
                        if let Some(d) = cell {
                            assert_eq!(d.weekday().days_since(start) as usize, col);
                            if let Some(p) = prev {
                                assert_eq!(p.succ_opt(), Some(*d));
                            }
                            prev = Some(*d);
                        }
                    }
                }
                let count = grid.iter().flatten().flatten().count() as u32;
                let len = match cal {
                    Calendar::Jalali => jalali_month_len(y, m),
                    Calendar::Gregorian => {
                        let next = if m == 12 {
                            g(y + 1, 1, 1)
                        } else {
                            g(y, m + 1, 1)
                        };
                        next.pred_opt().unwrap().day()
                    }
                };
                assert_eq!(count, len, "{cal:?} {y}/{m}");
            }
        }
    }
    assert_eq!(week_start(Calendar::Jalali), Weekday::Sat);
    assert_eq!(week_start(Calendar::Gregorian), Weekday::Mon);
}

fn parse(s: &str) -> NaiveDate {
    // 1403/06/31, a Saturday.
    let today = g(2024, 9, 21);
    parse_date(s, today, Calendar::Jalali).unwrap_or_else(|e| panic!("{s:?}: {e}"))
}

fn jal(y: i32, m: u32, d: u32) -> NaiveDate {
    from_jalali(y, m, d).unwrap()
}

#[test]
fn parser_written_forms() {
    let cases: &[(&str, NaiveDate)] = &[
        ("1403/01/01", g(2024, 3, 20)),
        ("1403-01-01", g(2024, 3, 20)),
        ("1403.1.1", g(2024, 3, 20)),
        ("۱۴۰۳/۰۱/۰۱", g(2024, 3, 20)),
        ("١٤٠٣/٠١/٠١", g(2024, 3, 20)),
        ("96/9/5", jal(1396, 9, 5)),
        ("21/5/1387", jal(1387, 5, 21)),
        ("2025-02-28", g(2025, 2, 28)),
        ("6/12/2018", g(2018, 12, 6)),
        ("12/25/2024", g(2024, 12, 25)),
        ("۲ آبان ۱۴۰۰", jal(1400, 8, 2)),
        ("2 Aban 1400", jal(1400, 8, 2)),
        ("10 آذر 1401", jal(1401, 9, 10)),
        ("Aban 2 1400", jal(1400, 8, 2)),
        ("6 December 2018", g(2018, 12, 6)),
        ("Dec 6, 2018", g(2018, 12, 6)),
        ("پنج شنبه, 10 آذر 1401", jal(1401, 9, 10)),
        ("۱۴۰۰ يکشنبه ۲ آبان", jal(1400, 8, 2)),
        ("Thursday 15 Azar 1397", g(2018, 12, 6)),
        ("1 Tir 1403", jal(1403, 4, 1)),
        ("1 Dey 1403", jal(1403, 10, 1)),
        ("1 Dei 1403", jal(1403, 10, 1)),
        ("1 Mordad 1403", jal(1403, 5, 1)),
        ("1 Amordad 1403", jal(1403, 5, 1)),
        ("today", g(2024, 9, 21)),
        ("tomorrow", g(2024, 9, 22)),
        ("yesterday", g(2024, 9, 20)),
        ("امروز", g(2024, 9, 21)),
        ("فردا", g(2024, 9, 22)),
        ("دیروز", g(2024, 9, 20)),
        ("+7d", g(2024, 9, 28)),
        ("-3d", g(2024, 9, 18)),
        ("+2w", g(2024, 10, 5)),
        ("+1m", jal(1403, 7, 30)),
    ];
    for (input, want) in cases {
        assert_eq!(parse(input), *want, "{input:?}");
    }
}

#[test]
fn parser_refusals() {
    let today = g(2024, 9, 21);
    for bad in [
        "",
        "garbage",
        "1403/13/01",
        "1403/01/32",
        "1404/12/30",
        "2025-02-29",
        "Friday 15 Azar 1397",
        "1403/01",
    ] {
        let e = parse_date(bad, today, Calendar::Jalali).unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains(&format!("{bad:?}")), "{msg}");
        assert!(msg.contains("Accepted forms"), "{msg}");
    }
    let e = parse_date("1404/12/30", today, Calendar::Jalali).unwrap_err();
    assert!(
        e.to_string()
            .contains("1404/12/30 does not exist: Esfand 1404 has 29 days"),
        "{e}"
    );
    let e = parse_date("Friday 15 Azar 1397", today, Calendar::Jalali).unwrap_err();
    assert!(e.reason().contains("Thursday") && e.reason().contains("Friday"));
}
