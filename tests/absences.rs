//! The absence rule across a year, through the built binary: a council with the rule
//! `year:4,row:3` (small limits, so a few sessions show every case), weekly sessions
//! from Esfand 1403 into Farvardin 1404, a cancelled and a planned session, and a member
//! who joined in Farvardin. `report absences` in English and Persian, and the
//! dashboard's `absences` and attendance figures in JSON.
//!
//! The sessions (1403/12/08 … 1404/01/20) and the marks (A absent, E excused, P present,
//! · not recorded):
//!
//! | session | date       | Sara | Reza | Ali | Maryam (member from 1404/01/08) |
//! |---------|------------|------|------|-----|---------------------------------|
//! | 1       | 1403/12/08 | P    | A    | A   | ·                               |
//! | 2       | 1403/12/15 | P    | A    | E   | ·                               |
//! | 3       | 1403/12/22 | P    | A    | A   | ·                               |
//! | 4       | 1404/01/06 | P    | A    | A   | A (before she joined)           |
//! | 5 (cancelled) | 1404/01/10 | P | A  | A   | ·                               |
//! | 6       | 1404/01/13 | P    | P    | A   | A                               |
//! | 7       | 1404/01/20 | P    | A    | A   | A                               |
//! | 8 (planned) | 1404/01/27 | · | ·  | ·   | ·                               |
//!
//! On 1403/12/23 (2025-03-13): Reza has 3 unexcused in a row: breached (row) at
//! session 3; Ali has 2 unexcused, 1 excused, a current run of 1: nearing the yearly 4.
//! On 1404/01/21 (2025-04-10), a new year: Reza has 2 unexcused (sessions 4 and 7; the
//! cancelled 5 does not count), a run of 1: nearing the yearly 4; Ali has 3 unexcused
//! in a row (4, 6, 7): breached (row) at session 7; Maryam, counted from the day she
//! joined, has 2 in a row (6, 7): nearing the row limit with 1 left (counting the
//! absence before she joined would have made it a breach).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

mod common;

use common::shura_command;
use serde_json::Value;

struct Cli {
    dir: tempfile::TempDir,
    db: std::path::PathBuf,
}

impl Cli {
    fn run_on(&self, today: &str, args: &[&str]) -> (i32, String, String) {
        let out = shura_command(&self.db, &self.dir.path().join("home"), today, None)
            .args(args)
            .output()
            .expect("run shura");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn ok_on(&self, today: &str, args: &[&str]) -> String {
        let (code, out, err) = self.run_on(today, args);
        assert_eq!(code, 0, "{args:?}: {out}{err}");
        out
    }

    fn ok(&self, args: &[&str]) -> String {
        self.ok_on(NEW_YEAR, args)
    }

    fn json_on(&self, today: &str, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok_on(today, args)).expect("json")
    }
}

/// 1404/01/21.
const NEW_YEAR: &str = "2025-04-10";
/// 1403/12/23.
const ESFAND: &str = "2025-03-13";

const SESSIONS: &[(&str, [&str; 3])] = &[
    ("2025-02-26", ["absent", "absent", ""]),
    ("2025-03-05", ["absent", "excused", ""]),
    ("2025-03-12", ["absent", "absent", ""]),
    ("2025-03-26", ["absent", "absent", ""]),
    ("2025-03-30", ["absent", "absent", ""]),
    ("2025-04-02", ["present", "absent", "absent"]),
    ("2025-04-09", ["absent", "absent", "absent"]),
];

fn council() -> Cli {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("council.db");
    let c = Cli { dir, db };
    let me = shura::identity::Actor::current().login;
    c.ok(&["init"]);
    c.ok(&[
        "body",
        "add",
        "--name-en",
        "City Council",
        "--name-fa",
        "شورای شهر",
        "--absence-rule",
        "year:4,row:3",
    ]);
    c.ok(&[
        "member", "add", "--body", "1", "--name", "سارا", "--login", &me, "--role", "chair",
    ]);
    c.ok(&["member", "add", "--body", "1", "--name", "رضا"]);
    c.ok(&["member", "add", "--body", "1", "--name", "علی"]);
    c.ok(&[
        "member",
        "add",
        "--body",
        "1",
        "--name",
        "مریم",
        "--from",
        "2025-03-28",
    ]);
    for (n, (date, marks)) in SESSIONS.iter().enumerate() {
        let s = (n + 1).to_string();
        c.ok(&[
            "session", "add", "--body", "1", "--date", date, "--time", "17:00",
        ]);
        c.ok(&["attend", "--session", &s, "1", "present"]);
        for (person, mark) in [("2", marks[0]), ("3", marks[1]), ("4", marks[2])] {
            if !mark.is_empty() {
                c.ok(&["attend", "--session", &s, person, mark]);
            }
        }
        if n == 4 {
            c.ok(&["session", "cancel", &s]);
        } else {
            c.ok(&["session", "open", &s, "--at", "17:00"]);
            c.ok(&["session", "close", &s, "--at", "18:00"]);
        }
    }
    // A planned session still to come: not held, not counted.
    c.ok(&[
        "session",
        "add",
        "--body",
        "1",
        "--date",
        "2025-04-16",
        "--time",
        "17:00",
    ]);
    // Maryam's absence at session 4, before her membership began (recorded behind
    // shura's back: the rule must leave it out all the same).
    let conn = rusqlite::Connection::open(&c.db).unwrap();
    conn.execute(
        "INSERT INTO attendance(session_id, person_id, presence) VALUES (4, 4, 'absent')",
        [],
    )
    .unwrap();
    c
}

fn member<'a>(rows: &'a Value, name: &str) -> &'a Value {
    rows.as_array()
        .expect("an array")
        .iter()
        .find(|r| r["name"]["fa"] == name || r["name"] == name)
        .unwrap_or_else(|| panic!("{name} in {rows}"))
}

#[test]
fn the_absence_rule_across_a_jalali_year() {
    let c = council();

    // Esfand 1403.
    let rows = c.json_on(ESFAND, &["report", "absences", "--body", "1", "--json"]);
    let reza = member(&rows, "رضا");
    assert_eq!(reza["year"], 1403);
    assert_eq!(reza["unexcused"], 3);
    assert_eq!(reza["in_a_row"], 3);
    assert_eq!(reza["standing"], "breached");
    assert_eq!(reza["breach"]["limit"], "in_a_row");
    assert_eq!(reza["breach"]["session_number"], 3);
    assert_eq!(reza["limit_per_year"], 4);
    assert_eq!(reza["limit_in_a_row"], 3);
    let ali = member(&rows, "علی");
    assert_eq!(
        (ali["unexcused"].as_u64(), ali["excused"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(ali["in_a_row"], 1);
    assert_eq!(ali["standing"], "nearing");
    assert_eq!(
        (ali["nearest"].as_str(), ali["left"].as_u64()),
        (Some("per_year"), Some(2))
    );
    // Maryam was not yet a member: not in office, not listed.
    assert!(rows
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["name"]["fa"] != "مریم"));
    let sara = member(&rows, "سارا");
    assert_eq!(
        (sara["attended"].as_u64(), sara["standing"].as_str()),
        (Some(3), Some("fine"))
    );

    // Farvardin 1404: the count starts again.
    let rows = c.json_on(NEW_YEAR, &["report", "absences", "--body", "1", "--json"]);
    let reza = member(&rows, "رضا");
    assert_eq!(reza["year"], 1404);
    assert_eq!(
        (
            reza["unexcused"].as_u64(),
            reza["in_a_row"].as_u64(),
            reza["attended"].as_u64()
        ),
        (Some(2), Some(1), Some(1)),
        "the cancelled session does not count: {reza}"
    );
    assert_eq!(reza["standing"], "nearing");
    assert_eq!(reza["nearest"], "per_year");
    let ali = member(&rows, "علی");
    assert_eq!(
        (ali["unexcused"].as_u64(), ali["excused"].as_u64()),
        (Some(3), Some(0))
    );
    assert_eq!(ali["standing"], "breached");
    assert_eq!(ali["breach"]["session_number"], 7);
    assert_eq!(ali["breach"]["date"], "2025-04-09");
    assert_eq!(ali["breach"]["date_jalali"], "1404/01/20");
    let maryam = member(&rows, "مریم");
    assert_eq!(
        (maryam["unexcused"].as_u64(), maryam["in_a_row"].as_u64()),
        (Some(2), Some(2)),
        "only sessions since she joined: {maryam}"
    );
    assert_eq!(maryam["standing"], "nearing");
    assert_eq!(
        (maryam["nearest"].as_str(), maryam["left"].as_u64()),
        (Some("in_a_row"), Some(1))
    );

    // The text report, in English and in Persian (Persian digits, no English word).
    let en = c.ok(&["report", "absences", "--body", "1"]);
    assert!(en.contains("Limit: 4 a year, 3 in a row"), "{en}");
    assert!(en.contains("breached: 3 in a row at session 7"), "{en}");
    assert!(en.contains("nearing: 1 left before 3 in a row"), "{en}");
    let fa = c.ok(&["--lang", "fa", "report", "absences", "--body", "1"]);
    assert!(fa.contains("حد رسید"), "{fa}");
    assert!(fa.contains("۳ پیاپی"), "{fa}");
    assert!(
        fa.contains("۱۴۰۴/۰۱/۲۰") || fa.contains("۱۴۰۴/۱/۲۰"),
        "{fa}"
    );
    let english: Vec<&str> = fa
        .split(|ch: char| !ch.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3)
        .collect();
    assert!(english.is_empty(), "{english:?} in {fa}");

    // To a file (for a mail), the same text.
    let file = c.dir.path().join("absences.txt");
    let said = c.ok(&[
        "report",
        "absences",
        "--body",
        "1",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(!said.contains("breached"), "{said}");
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(
        written.contains("breached: 3 in a row at session 7"),
        "{written}"
    );
    // `--json` on the overdue digest too (the flag is the report command's).
    let overdue: Value = serde_json::from_str(&c.ok(&["report", "overdue", "--json"])).unwrap();
    assert!(overdue.is_object(), "{overdue}");

    // Without --body: a clear refusal naming the flag.
    let (code, _, err) = c.run_on(NEW_YEAR, &["report", "absences"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--body"), "{err}");
}

#[test]
fn the_dashboard_warns_and_counts_excused_apart() {
    let c = council();
    let d = c.json_on(NEW_YEAR, &["dashboard", "--json"]);
    let warnings = d["absences"].as_array().expect("absences");
    // Only those nearing or past a limit: Ali (breached, first), Maryam and Reza.
    let names: Vec<&str> = warnings
        .iter()
        .map(|w| w["name"]["fa"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(names.len(), 3, "{warnings:?}");
    assert_eq!(names[0], "علی");
    assert!(
        names.contains(&"مریم") && names.contains(&"رضا"),
        "{names:?}"
    );
    let ali = &warnings[0];
    assert_eq!(ali["body"], 1);
    assert_eq!(ali["standing"], "breached");
    assert_eq!(
        (ali["unexcused"].as_u64(), ali["in_a_row"].as_u64()),
        (Some(3), Some(3))
    );
    assert_eq!(ali["limit_in_a_row"], 3);
    // The attendance figure: every session held or closed (not cancelled), excused
    // apart from unexcused. Ali: 6 recorded, 1 excused, 5 unexcused.
    let att = d["attendance"].as_array().expect("attendance");
    let ali = att
        .iter()
        .find(|a| a["person_id"] == 3)
        .expect("Ali's attendance");
    assert_eq!(
        (
            ali["recorded"].as_i64(),
            ali["attended"].as_i64(),
            ali["excused"].as_i64(),
            ali["unexcused"].as_i64()
        ),
        (Some(6), Some(0), Some(1), Some(5))
    );
    // The text dashboard has a line per warning.
    let text = c.ok(&["dashboard"]);
    assert!(
        text.contains("3 unexcused (3 in a row), 0 excused"),
        "{text}"
    );
    let fa = c.ok(&["--lang", "fa", "dashboard"]);
    assert!(fa.contains("غیبت غیرموجه"), "{fa}");
}

/// The TUI dashboard on the demo data, once every body counts absences strictly (one
/// unexcused absence in a row is a breach): the attendance figure says how many members
/// are warned; the list behind it shows unexcused and excused absences in its title and
/// columns and marks a member past the limit.
#[test]
fn the_tui_dashboard_shows_excused_apart_and_marks_warnings() {
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;
    use shura::app::dashboard_screen::{DashPane, Section};
    use shura::app::state::App;
    use shura::locale::text::BidiMode;
    use shura::locale::{Calendar, Lang, Prefs};

    for (lang, calendar, excused, unexcused) in [
        (Lang::En, Calendar::Gregorian, "excused", "unexcused"),
        (Lang::Fa, Calendar::Jalali, "موجه", "غیرموجه"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shura.db");
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let actor = shura::identity::Actor {
            uid: 1000,
            login: "kazeminia".into(),
        };
        let mut store = shura::store::Store::open(&path, actor).unwrap();
        shura::demo::load_demo(&mut store, lang, today).unwrap();
        drop(store);
        rusqlite::Connection::open(&path)
            .unwrap()
            .execute("UPDATE body SET absence_rule = 'row:1'", [])
            .unwrap();
        let actor = shura::identity::Actor {
            uid: 1000,
            login: "kazeminia".into(),
        };
        let store = shura::store::Store::open(&path, actor).unwrap();
        let mut app = App::new(shura::ops::Context {
            store,
            prefs: Prefs {
                lang,
                calendar,
                // Logical order, so the Persian words read as typed here.
                bidi: BidiMode::Off,
            },
            today,
        });
        app.open_home(None).unwrap();
        let d = app.dashboard.as_mut().expect("the dashboard");
        assert!(
            !d.data.absences.is_empty(),
            "the demo has unexcused absences"
        );
        assert!(d.totals.unexcused > 0 && d.totals.excused > 0);
        d.pane = DashPane::Figures;
        d.section = Section::ALL
            .iter()
            .position(|s| *s == Section::Attendance)
            .unwrap();
        d.detail = 0;
        let theme = shura::tui::theme::Theme::monochrome();
        app.resize(48);
        let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
        terminal
            .draw(|f| shura::tui::draw::draw(f, &app, &theme))
            .unwrap();
        let text = common::buffer_text(terminal.backend().buffer());
        // The list's title: the figure with the warnings, then unexcused and excused.
        let title = text
            .lines()
            .find(|l| l.contains(unexcused) && l.contains('⚠'))
            .unwrap_or_else(|| panic!("the attendance list's title in\n{text}"));
        assert!(title.contains(excused), "{title}");
        // The figure, a header with both columns, and at least one member marked.
        assert!(
            text.lines().filter(|l| l.contains('⚠')).count() >= 3,
            "the figure and a member marked:\n{text}"
        );
        assert!(
            text.lines()
                .any(|l| l.matches(excused).count() >= 2 && !l.contains('⚠')),
            "the list's header has both columns:\n{text}"
        );
    }
}

/// The store's read on the fixture's file: held sessions only (not the cancelled 5, not
/// the planned 8), within the days asked, per body; a body that does not exist reads
/// as empty.
#[test]
fn the_store_reads_held_sessions_per_body() {
    let c = council();
    let store = shura::store::Store::open(&c.db, shura::identity::Actor::current()).expect("open");
    let day = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let sheets = store
        .absence_sheets(&[1, 99], day("2025-03-01"), day("2025-04-30"))
        .expect("read");
    assert!(sheets[&99].members.is_empty() && sheets[&99].attendance.is_empty());
    let sheet = &sheets[&1];
    assert_eq!(sheet.members.len(), 4);
    let sessions: std::collections::BTreeSet<i64> =
        sheet.attendance.iter().map(|a| a.session_id).collect();
    assert_eq!(
        sessions.into_iter().collect::<Vec<_>>(),
        vec![2, 3, 4, 6, 7]
    );
    // Sara, Reza and Ali at five sessions, Maryam at three (4, 6, 7).
    assert_eq!(sheet.attendance.len(), 3 * 5 + 3);
    assert!(sheet
        .attendance
        .windows(2)
        .all(|w| (w[0].date, w[0].session_id) <= (w[1].date, w[1].session_id)));
    let one = store
        .absence_sheet(1, day("2025-04-09"), day("2025-04-09"))
        .expect("read");
    assert_eq!(one.attendance.len(), 4);
    assert_eq!(one.attendance[0].session_number, 7);
}
