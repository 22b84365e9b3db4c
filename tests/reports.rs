//! Exports and digests on a fixture built with the CLI: iCalendar parsed back by the
//! `icalendar` crate, CSV parsed back by a small RFC 4180 reader, the overdue digest,
//! and the dashboard's figures checked by hand.
//!
//! Every run gets its own temporary database, `SHURA_TODAY=2026-11-22` (1405/09/01),
//! `SHURA_CONFIG=/nonexistent` and `LANG=C`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::path::PathBuf;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

const TODAY: &str = "2026-11-22";

/// A long agenda title, with characters that must be escaped, to force folding.
const LONG_TITLE: &str = "Review of the transport plan; phase two, including the bus lanes \
on Vali-Asr street, the \\ depot and the ticketing system — بازنگری طرح جامع حمل‌ونقل";

struct Shura {
    _dir: TempDir,
    db: PathBuf,
    root: PathBuf,
}

impl Shura {
    fn new() -> Shura {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().to_path_buf();
        let db = root.join("council.db");
        Shura {
            _dir: dir,
            db,
            root,
        }
    }

    fn cmd_on(&self, today: &str) -> Command {
        let mut c = Command::cargo_bin("shura").expect("the shura binary");
        let home = &self.root;
        c.env("SHURA_DB", &self.db)
            .env("SHURA_TODAY", today)
            .env("SHURA_CONFIG", "/nonexistent")
            .env("SHURA_STATE_DIR", home.join("state"))
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_STATE_HOME", home.join("state"))
            .timeout(Duration::from_secs(120));
        c
    }

    /// Runs on `today`, expects exit 0, returns stdout (checked free of ESC, BEL, C1 CSI).
    fn ok_on(&self, today: &str, args: &[&str]) -> String {
        let out = self.cmd_on(today).args(args).output().expect("run shura");
        let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(
            out.status.code(),
            Some(0),
            "shura {args:?} failed: {stderr}"
        );
        if !args.contains(&"--json") {
            for bad in ['\u{1b}', '\u{7}', '\u{9b}', '\u{202e}'] {
                assert!(
                    !stdout.contains(bad),
                    "shura {args:?} printed {bad:?}: {stdout:?}"
                );
            }
        }
        stdout
    }

    fn ok(&self, args: &[&str]) -> String {
        self.ok_on(TODAY, args)
    }

    fn code(&self, args: &[&str]) -> i32 {
        self.cmd_on(TODAY)
            .args(args)
            .output()
            .expect("run shura")
            .status
            .code()
            .unwrap_or(-1)
    }
}

/// The fixture:
///
/// * body 1 "Planning Council", statutory months Shahrivar, Mehr, Aban, Azar (6,7,8,9),
///   formed 2026-08-23 (1405/06/01); members Ali Karimi (1) and Sara Rad (2).
///   - session 1 2026-09-10 09:00 (Shahrivar), closed: Ali present, Sara late
///   - session 2 2026-10-01 09:00–10:30 (Mehr), closed: Ali remote, Sara absent; agenda
///     holds [`LONG_TITLE`]
///   - session 3 2026-11-15 (Aban) cancelled: Aban is missed
///   - session 4 2026-12-01 no time (Azar), planned: Azar is met (scheduled)
///   - task 1 "Repave the ring road" Ali, due 2026-11-01, open (21 days late)
///   - task 2 "Count the buses" unit Roads Department, due 2026-11-12, open (10 days late)
///   - task 3 "Publish the timetable" due 2026-11-25, open (due this week)
///   - task 4 "Send the letter" due 2026-10-10, done on 2026-10-05 (on time)
///   - task 5 "Buy the signs" due 2026-10-15, done on 2026-10-20 (late)
///   - resolution 1, due 2026-11-02, open (20 days late), owner "=HYPERLINK(1)",
///     text with a comma, quotes, a line break and Persian
/// * body 2 "شورای شهر" (no rule): session 5 on 2026-11-30 10:30; no overdue work.
fn fixture() -> Shura {
    let s = Shura::new();
    s.ok(&[
        "body",
        "add",
        "Planning Council",
        "--kind",
        "council",
        "--meeting-rule",
        "jalali_months:6,7,8,9",
        "--formed",
        "2026-08-23",
    ]);
    s.ok(&["member", "add", "--body", "1", "--name", "Ali Karimi"]);
    s.ok(&["member", "add", "--body", "1", "--name", "Sara Rad"]);
    s.ok(&[
        "session",
        "add",
        "--body",
        "1",
        "--date",
        "2026-09-10",
        "--time",
        "09:00",
        "--place",
        "Hall 3; East, wing",
        "--empty-agenda",
    ]);
    s.ok(&["session", "open", "1"]);
    s.ok(&["attend", "--session", "1", "Ali Karimi", "present"]);
    s.ok(&["attend", "--session", "1", "Sara Rad", "late"]);
    s.ok(&["session", "close", "1"]);
    s.ok(&[
        "session",
        "add",
        "--body",
        "1",
        "--date",
        "2026-10-01",
        "--time",
        "09:00",
        "--end",
        "10:30",
        "--empty-agenda",
    ]);
    s.ok(&["agenda", "add", "--session", "2", LONG_TITLE]);
    s.ok(&["session", "open", "2"]);
    s.ok(&["attend", "--session", "2", "Ali Karimi", "remote"]);
    s.ok(&["attend", "--session", "2", "Sara Rad", "absent"]);
    s.ok(&["session", "close", "2"]);
    s.ok(&[
        "session",
        "add",
        "--body",
        "1",
        "--date",
        "2026-11-15",
        "--empty-agenda",
    ]);
    s.ok(&["session", "cancel", "3"]);
    s.ok(&[
        "session",
        "add",
        "--body",
        "1",
        "--date",
        "2026-12-01",
        "--empty-agenda",
    ]);
    s.ok(&[
        "task",
        "add",
        "Repave the ring road",
        "--body",
        "1",
        "--assignee",
        "Ali Karimi",
        "--due",
        "2026-11-01",
    ]);
    s.ok(&[
        "task",
        "add",
        "Count the buses",
        "--body",
        "1",
        "--unit",
        "Roads Department",
        "--due",
        "2026-11-12",
    ]);
    s.ok(&[
        "task",
        "add",
        "Publish the timetable",
        "--body",
        "1",
        "--due",
        "2026-11-25",
    ]);
    s.ok(&[
        "task",
        "add",
        "Send the letter",
        "--body",
        "1",
        "--due",
        "2026-10-10",
    ]);
    s.ok(&[
        "task",
        "add",
        "Buy the signs",
        "--body",
        "1",
        "--due",
        "2026-10-15",
    ]);
    s.ok_on("2026-10-05", &["task", "done", "4"]);
    s.ok_on("2026-10-20", &["task", "done", "5"]);
    s.ok(&[
        "resolution",
        "add",
        "--body",
        "1",
        "Widen the road, \"as proposed\"\nبا اولویت محله‌های جنوبی",
        "--owner",
        "=HYPERLINK(1)",
        "--due",
        "2026-11-02",
    ]);
    s.ok(&["body", "add", "شورای شهر", "--kind", "council"]);
    s.ok(&[
        "session",
        "add",
        "--body",
        "2",
        "--date",
        "2026-11-30",
        "--time",
        "10:30",
        "--place",
        "تالار شورا",
        "--empty-agenda",
    ]);
    s
}

// ----- iCalendar -----

#[test]
fn ics_parses_back_with_every_session() {
    let s = fixture();
    let doc = s.ok(&["export", "ics"]);

    // CRLF line endings everywhere, and no line over 75 octets.
    assert!(doc.ends_with("\r\n"));
    for line in doc.split("\r\n") {
        assert!(!line.contains('\n'), "bare LF in {line:?}");
        assert!(line.len() <= 75, "line of {} octets: {line:?}", line.len());
    }
    assert!(doc.contains("\r\n "), "the long description is folded");

    let unfolded = icalendar::parser::unfold(&doc);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("valid iCalendar");
    let prop = |c: &icalendar::parser::Component, name: &str| -> Option<String> {
        c.find_prop(name)
            .map(|p| p.val.clone().unescape_text().as_str().to_string())
    };
    let version = cal
        .properties
        .iter()
        .find(|p| p.name == "VERSION")
        .map(|p| p.val.as_str().to_string());
    assert_eq!(version.as_deref(), Some("2.0"));
    assert!(cal.properties.iter().any(|p| p.name == "PRODID"));

    let events: Vec<_> = cal
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .collect();
    assert_eq!(events.len(), 5, "{unfolded}");
    let by_uid = |uid: &str| {
        events
            .iter()
            .find(|e| prop(e, "UID").as_deref() == Some(uid))
            .unwrap_or_else(|| panic!("no event {uid}: {unfolded}"))
    };

    // Session 1: a time, no end: two hours; the place's ; and , come back.
    let e1 = by_uid("session-1@council.shura");
    assert_eq!(prop(e1, "DTSTART").as_deref(), Some("20260910T090000"));
    assert_eq!(prop(e1, "DURATION").as_deref(), Some("PT2H"));
    assert_eq!(prop(e1, "LOCATION").as_deref(), Some("Hall 3; East, wing"));
    assert_eq!(prop(e1, "STATUS").as_deref(), Some("CONFIRMED"));
    assert_eq!(
        prop(e1, "SUMMARY").as_deref(),
        Some("Planning Council — session 1")
    );
    assert!(prop(e1, "DTSTAMP").is_some_and(|d| d.ends_with('Z') && d.len() == 16));

    // Session 2: end time gives the duration; the long agenda title round-trips.
    let e2 = by_uid("session-2@council.shura");
    assert_eq!(prop(e2, "DURATION").as_deref(), Some("PT1H30M"));
    let description = prop(e2, "DESCRIPTION").unwrap_or_default();
    assert!(
        description.lines().any(|l| l.ends_with(LONG_TITLE)),
        "{description:?}"
    );

    // Session 3 is cancelled; session 4 has no time: an all-day date.
    let e3 = by_uid("session-3@council.shura");
    assert_eq!(prop(e3, "STATUS").as_deref(), Some("CANCELLED"));
    let e4 = by_uid("session-4@council.shura");
    let start = e4.find_prop("DTSTART").expect("DTSTART");
    assert_eq!(start.val.as_str(), "20261201");
    assert!(start
        .params
        .iter()
        .any(|p| p.key == "VALUE" && p.val.as_ref().map(|v| v.as_str()) == Some("DATE")));

    // The Persian body's session.
    let e5 = by_uid("session-5@council.shura");
    assert_eq!(
        prop(e5, "SUMMARY").as_deref(),
        Some("شورای شهر — session 1")
    );
    assert_eq!(prop(e5, "LOCATION").as_deref(), Some("تالار شورا"));
    assert_eq!(prop(e5, "DTSTART").as_deref(), Some("20261130T103000"));

    // --body narrows; -o writes a file.
    let path = s.root.join("persian.ics");
    let path_s = path.to_string_lossy().to_string();
    s.ok(&["export", "ics", "--body", "شورای شهر", "-o", &path_s]);
    let file = std::fs::read_to_string(&path).expect("ics file");
    assert_eq!(file.matches("BEGIN:VEVENT").count(), 1);
}

#[test]
fn ics_folding_never_splits_a_character() {
    let line = format!("DESCRIPTION:{}", "شورا، ".repeat(40));
    let folded = shura::cli::reports::ics_fold(&line);
    for part in folded.split("\r\n") {
        assert!(part.len() <= 75);
    }
    assert_eq!(icalendar::parser::unfold(&folded), format!("{line}\r\n"));
    assert_eq!(
        shura::cli::reports::ics_escape("a\\b;c,d\ne\u{1b}[2J"),
        "a\\\\b\\;c\\,d\\ne"
    );
}

// ----- CSV -----

/// A small RFC 4180 reader: records of fields, quotes doubled inside quoted fields.
fn read_csv(doc: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = doc.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => record.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {
                chars.next();
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            c => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quoted field");
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

fn column(header: &[String], name: &str) -> usize {
    header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"))
}

#[test]
fn csv_resolutions_round_trip_with_quotes_newlines_and_persian() {
    let s = fixture();
    let doc = s.ok(&["export", "csv", "resolutions"]);
    assert!(!doc.starts_with('\u{feff}'), "no BOM");
    assert!(doc.ends_with("\r\n"));
    let rows = read_csv(&doc);
    assert_eq!(rows.len(), 2, "{doc}");
    let h = &rows[0];
    assert!(rows.iter().all(|r| r.len() == h.len()), "{rows:?}");
    let r = &rows[1];
    assert_eq!(
        r[column(h, "text")],
        "Widen the road, \"as proposed\"\nبا اولویت محله‌های جنوبی"
    );
    // Formula injection defused.
    assert_eq!(r[column(h, "owner")], "'=HYPERLINK(1)");
    assert_eq!(r[column(h, "due")], "2026-11-02");
    assert_eq!(r[column(h, "due_jalali")], "1405/08/11");
    assert_eq!(r[column(h, "created_on_jalali")], "1405/09/01");
    assert_eq!(r[column(h, "days_overdue")], "20");
    assert_eq!(r[column(h, "body")], "Planning Council");

    // Filters: nothing overdue in the Persian body.
    let rows = read_csv(&s.ok(&["export", "csv", "resolutions", "--body", "2", "--overdue"]));
    assert_eq!(rows.len(), 1);
}

#[test]
fn csv_tasks_with_filters() {
    let s = fixture();
    let rows = read_csv(&s.ok(&["export", "csv", "tasks"]));
    assert_eq!(rows.len(), 6);
    let h = rows[0].clone();
    let overdue = read_csv(&s.ok(&["export", "csv", "tasks", "--overdue"]));
    let titles: Vec<&str> = overdue[1..]
        .iter()
        .map(|r| r[column(&h, "title")].as_str())
        .collect();
    assert_eq!(titles, ["Repave the ring road", "Count the buses"]);
    assert_eq!(overdue[1][column(&h, "assignee")], "Ali Karimi");
    assert_eq!(overdue[2][column(&h, "assignee_unit")], "Roads Department");
    assert_eq!(overdue[1][column(&h, "due_jalali")], "1405/08/10");
    assert_eq!(overdue[1][column(&h, "days_overdue")], "21");
    let open = read_csv(&s.ok(&["export", "csv", "tasks", "--open"]));
    assert_eq!(open.len(), 4);
    let done = &rows[1..]
        .iter()
        .find(|r| r[column(&h, "title")] == "Send the letter")
        .cloned()
        .unwrap_or_default();
    assert_eq!(done[column(&h, "done_on")], "2026-10-05");
    assert_eq!(done[column(&h, "done_on_jalali")], "1405/07/13");
    assert_eq!(s.code(&["export", "csv", "minutes"]), 2);
}

#[test]
fn csv_fields_are_quoted_and_defused() {
    use shura::cli::reports::csv_field;
    assert_eq!(csv_field("plain"), "plain");
    assert_eq!(csv_field("a,b"), "\"a,b\"");
    assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
    assert_eq!(csv_field("=1+2"), "'=1+2");
    assert_eq!(csv_field("+98 21"), "'+98 21");
    assert_eq!(csv_field("-5"), "'-5");
    assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(csv_field("x\u{1b}[2Jy"), "xy");
}

// ----- the overdue digest -----

#[test]
fn overdue_digest_lists_by_body_most_late_first() {
    let s = fixture();
    let text = s.ok(&["report", "overdue"]);
    assert!(text.starts_with("Overdue digest — 2026-11-22\n"), "{text}");
    assert!(text.contains("Overdue: 2 tasks, 1 resolution"), "{text}");
    assert!(text.contains("Planning Council"));
    assert!(!text.contains("شورای شهر"), "no body without overdue work");
    let first = text.find("Repave the ring road").expect("task 1");
    let second = text.find("Count the buses").expect("task 2");
    assert!(first < second, "most days overdue first: {text}");
    assert!(text.contains("Ali Karimi — due 2026-11-01 — 21 days late"));
    assert!(text.contains("Roads Department — due 2026-11-12 — 10 days late"));
    assert!(text.contains("— 20 days late"));
    assert!(!text.contains("Publish the timetable"));

    // In the Jalali calendar, with Persian digits in a Persian interface.
    let fa = s.ok(&["--lang", "fa", "report", "overdue"]);
    assert!(fa.contains("۱۴۰۵/۰۸/۱۰"), "{fa}");

    let md = s.ok(&["report", "overdue", "--format", "md"]);
    assert!(md.starts_with("# Overdue digest"), "{md}");
    assert!(md.contains("\n## Planning Council\n"), "{md}");
    assert!(md.contains("\n- #1 Repave the ring road"), "{md}");
    assert_eq!(s.code(&["report", "overdue", "--format", "pdf"]), 2);
    assert_eq!(s.code(&["report", "weekly"]), 2);
}

#[test]
fn overdue_digest_says_nothing_overdue() {
    let s = Shura::new();
    s.ok(&["init"]);
    let text = s.ok(&["report", "overdue"]);
    assert!(text.contains("Nothing overdue."), "{text}");
    assert!(text.contains("Overdue: 0 tasks, 0 resolutions"));
    let s = fixture();
    let text = s.ok(&["report", "overdue", "--body", "شورای شهر"]);
    assert!(text.contains("Nothing overdue."), "{text}");
}

// ----- the dashboard -----

fn find<'a>(list: &'a Value, key: &str, id: i64) -> &'a Value {
    list.as_array()
        .and_then(|a| a.iter().find(|v| v[key] == id))
        .unwrap_or_else(|| panic!("no {key} {id} in {list}"))
}

#[test]
fn dashboard_figures_on_the_fixture() {
    let s = fixture();
    // An indicator with two measurements, through the library (no command writes them).
    {
        let mut store = shura::store::Store::open(&s.db, shura::identity::Actor::current())
            .expect("open the fixture");
        let policy = store.add_policy(1, "Public transport").expect("policy");
        let ind = store
            .add_indicator(policy, "Bus punctuality", Some("%".into()), 90.0, true)
            .expect("indicator");
        store.set_measurement(ind, "1405-Q1", 80.0).expect("m1");
        store.set_measurement(ind, "1405-Q2", 85.5).expect("m2");
        let ind2 = store
            .add_indicator(policy, "Complaints", None, 10.0, false)
            .expect("indicator");
        store.set_measurement(ind2, "1405-Q2", 12.0).expect("m3");
    }
    let d: Value = serde_json::from_str(&s.ok(&["dashboard", "--json"])).expect("JSON");
    assert_eq!(d["date"], "2026-11-22");

    let open = &d["open_resolutions"];
    assert_eq!(open.as_array().map(Vec::len), Some(1));
    assert_eq!(find(open, "id", 1)["count"], 1);

    let overdue = d["overdue_tasks"].as_array().cloned().unwrap_or_default();
    let ids: Vec<i64> = overdue.iter().filter_map(|t| t["id"].as_i64()).collect();
    assert_eq!(ids, [1, 2]);
    assert_eq!(overdue[0]["days_overdue"], 21);
    assert_eq!(overdue[0]["due_jalali"], "1405/08/10");
    assert_eq!(overdue[1]["days_overdue"], 10);

    let week = d["due_this_week"].as_array().cloned().unwrap_or_default();
    assert_eq!(week.len(), 1);
    assert_eq!(week[0]["title"], "Publish the timetable");
    assert_eq!(week[0]["days_left"], 3);

    let upcoming = d["upcoming_sessions"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let ids: Vec<i64> = upcoming.iter().filter_map(|t| t["id"].as_i64()).collect();
    assert_eq!(ids, [5, 4], "soonest first; the cancelled one left out");

    // Shahrivar and Mehr held, Aban's only session cancelled, Azar scheduled.
    let c = find(&d["compliance"], "id", 1);
    assert_eq!(
        (c["met"].clone(), c["missed"].clone()),
        (3.into(), 1.into())
    );
    assert_eq!(c["at_risk"], 0);
    assert_eq!(c["from"], "2026-08-23");
    assert_eq!(c["from_jalali"], "1405/06/01");
    assert_eq!(d["compliance"].as_array().map(Vec::len), Some(1));

    // Due so far: tasks 1, 2, 4, 5; only task 4 was done by its due date.
    let f = find(&d["follow_up_rate"], "id", 1);
    assert_eq!(f["due"], 4);
    assert_eq!(f["done_on_time"], 1);
    assert_eq!(f["rate"], 0.25);

    // Ali: present, remote = 2/2; Sara: late, absent = 1/2.
    let a = &d["attendance"];
    assert_eq!(find(a, "person_id", 1)["rate"], 1.0);
    assert_eq!(find(a, "person_id", 2)["attended"], 1);
    assert_eq!(find(a, "person_id", 2)["recorded"], 2);
    assert_eq!(find(a, "person_id", 2)["rate"], 0.5);

    let inds = d["indicators"].as_array().cloned().unwrap_or_default();
    assert_eq!(inds.len(), 2);
    assert_eq!(inds[0]["indicator"], "Bus punctuality");
    assert_eq!(inds[0]["last_value"], 85.5);
    assert_eq!(inds[0]["previous_value"], 80.0);
    assert_eq!(inds[0]["trend"], "up");
    assert_eq!(inds[0]["on_target"], false);
    assert_eq!(inds[1]["trend"], Value::Null);
    assert_eq!(inds[1]["on_target"], false);

    // Scoped to the Persian body: only its session.
    let d2: Value =
        serde_json::from_str(&s.ok(&["dashboard", "--body", "2", "--json"])).expect("JSON");
    assert_eq!(d2["overdue_tasks"].as_array().map(Vec::len), Some(0));
    assert_eq!(d2["upcoming_sessions"].as_array().map(Vec::len), Some(1));
    // The text summary runs too.
    assert!(s.ok(&["dashboard"]).contains("overdue tasks: 2"));
}

#[test]
fn trend_compares_the_last_two_values() {
    use shura::ops::dashboard::{trend, Trend};
    assert_eq!(trend(2.0, 1.0), Trend::Up);
    assert_eq!(trend(1.0, 2.0), Trend::Down);
    assert_eq!(trend(1.0, 1.0), Trend::Flat);
}
