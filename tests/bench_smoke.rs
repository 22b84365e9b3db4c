//! The scale generator (`shura demo --scale`) at a tiny scale, through the built
//! binary, so a broken generator fails CI rather than the next benchmark run: exact row
//! counts, a sound file (integrity, foreign keys, FTS5 index, audit chain), the schema's
//! own indexes and FTS5 settings back after the bulk load, search text in its
//! normalized form with kind-encoded rowids, a realistic open/overdue/done mix, and
//! `task list --overdue --json --body 1` printing a JSON array of overdue tasks.
//!
//! And every benchmark (`benches/*.rs`) once in its smoke mode, on a database of scale
//! 0.002 made by the same generator: the benchmark files are compiled into this test
//! (`#[path]`), so one that no longer builds or runs fails `cargo test`. Only that it
//! produced its figures table is checked, never a time.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
// a test may stop at the first failure

// Each benchmark file brings its own copy of benches/common (as it does as a bench).
#![allow(clippy::duplicate_mod)]

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use rusqlite::Connection;
use serde_json::Value;
use shura::locale::normalize::normalize_for_search;

const TODAY: &str = "2026-11-22";
const SCALE: &str = "0.002";
const KIND_SHIFT: i64 = 1 << 40;

fn shura(home: &Path, db: &Path) -> Command {
    let mut c = Command::cargo_bin("shura").expect("the shura binary");
    c.env("SHURA_DB", db)
        .env("SHURA_TODAY", TODAY)
        .env("SHURA_CONFIG", "/nonexistent")
        .env("SHURA_STATE_DIR", home.join("state"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .timeout(Duration::from_secs(60));
    c
}

fn count(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

fn strings(conn: &Connection, sql: &str) -> Vec<String> {
    let mut stmt = conn.prepare(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))
        .expect("query");
    rows.collect::<rusqlite::Result<Vec<_>>>().expect("rows")
}

#[test]
fn scale_generator_makes_a_sound_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("scale.db");
    let out = shura(dir.path(), &db)
        .args(["demo", "--scale", SCALE])
        .output()
        .expect("run shura demo");
    assert!(
        out.status.success(),
        "shura demo --scale {SCALE} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = String::from_utf8_lossy(&out.stdout);
    assert!(
        summary.contains("2000 tasks"),
        "unexpected summary: {summary}"
    );

    let conn = Connection::open(&db).expect("open the generated database");

    // Scale 0.002 of 500 bodies, 5,000 people, 20,000 sessions, 100,000 resolutions,
    // 1,000,000 tasks; 10 members a body, 3 agenda items a session.
    for (table, expected) in [
        ("body", 1),
        ("person", 10),
        ("membership", 10),
        ("session", 40),
        ("agenda_item", 120),
        ("resolution", 200),
        ("task", 2000),
    ] {
        assert_eq!(
            count(&conn, &format!("SELECT count(*) FROM {table}")),
            expected,
            "rows in {table}"
        );
    }
    let held = count(
        &conn,
        &format!("SELECT count(*) FROM session WHERE date <= '{TODAY}'"),
    );
    assert!(held > 30 && held < 40, "held sessions: {held}");
    assert_eq!(
        count(&conn, "SELECT count(*) FROM attendance"),
        held * 10,
        "every member's attendance at every held session"
    );

    // A sound file.
    assert_eq!(
        strings(&conn, "PRAGMA integrity_check"),
        vec!["ok".to_string()]
    );
    assert_eq!(
        count(&conn, "SELECT count(*) FROM pragma_foreign_key_check"),
        0,
        "foreign keys"
    );
    conn.execute_batch("INSERT INTO search_index(search_index) VALUES ('integrity-check')")
        .expect("the FTS5 index matches its content");
    let audit = shura::store::audit::verify(&conn).expect("audit verify");
    assert!(
        audit.problems.is_empty(),
        "audit chain: {:?}",
        audit.problems
    );
    assert_eq!(
        strings(&conn, "PRAGMA journal_mode"),
        vec!["wal".to_string()]
    );

    // The schema's own indexes, as a fresh store has them, and FTS5's default settings.
    let fresh = dir.path().join("fresh.db");
    drop(
        shura::store::Store::open(&fresh, shura::identity::Actor::current()).expect("fresh store"),
    );
    let fresh = Connection::open(&fresh).expect("open fresh");
    let index_sql =
        "SELECT name || ': ' || coalesce(sql, '') FROM sqlite_schema WHERE type = 'index' ORDER BY name";
    assert_eq!(strings(&conn, index_sql), strings(&fresh, index_sql));
    assert_eq!(
        strings(
            &conn,
            "SELECT k || '=' || v FROM search_index_config WHERE k IN ('automerge', 'hashsize') ORDER BY k"
        ),
        vec!["automerge=4".to_string(), "hashsize=1048576".to_string()]
    );

    // Search entries: rowid = kind * 2^40 + id, text in normalize_for_search form.
    for (kind, table, expected) in [
        (1, "agenda_item", 120),
        (3, "resolution", 200),
        (4, "task", 2000),
    ] {
        assert_eq!(
            count(
                &conn,
                &format!(
                    "SELECT count(*) FROM search_index s JOIN {table} x ON s.rowid = {kind} * {KIND_SHIFT} + x.id"
                )
            ),
            expected,
            "search entries of {table}"
        );
    }
    assert_eq!(count(&conn, "SELECT count(*) FROM search_index"), 2320);
    let mut stmt = conn
        .prepare(&format!(
            "SELECT t.title || ' ' || t.description, s.text, s.body_id = t.body_id
             FROM task t JOIN search_index s ON s.rowid = 4 * {KIND_SHIFT} + t.id"
        ))
        .expect("prepare");
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, bool>(2)?,
            ))
        })
        .expect("query");
    for row in rows {
        let (text, indexed, same_body) = row.expect("row");
        assert_eq!(indexed, normalize_for_search(&text));
        assert!(same_body);
    }
    let mut stmt = conn
        .prepare(&format!(
            "SELECT r.number || ' ' || r.text, s.text FROM resolution r JOIN search_index s ON s.rowid = 3 * {KIND_SHIFT} + r.id"
        ))
        .expect("prepare");
    let rows = stmt
        .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
        .expect("query");
    for row in rows {
        let (text, indexed) = row.expect("row");
        assert_eq!(indexed, normalize_for_search(&text));
    }

    // A realistic mix relative to today: mostly done, some overdue, some still ahead.
    let share = |cond: &str| {
        count(&conn, &format!("SELECT count(*) FROM task WHERE {cond}")) as f64 / 2000.0
    };
    let overdue = share(&format!(
        "status IN ('open','in_progress') AND due < '{TODAY}'"
    ));
    let done = share("status = 'done'");
    let ahead = share(&format!(
        "status IN ('open','in_progress') AND due >= '{TODAY}'"
    ));
    assert!((0.03..0.30).contains(&overdue), "overdue share {overdue}");
    assert!((0.50..0.95).contains(&done), "done share {done}");
    assert!(ahead > 0.0, "no open task is due later");
    assert_eq!(
        count(&conn, "SELECT count(*) FROM task WHERE done_on IS NOT NULL AND (status <> 'done' OR done_on < created_on OR done_on > '2026-11-22')"),
        0,
        "done_on only on done tasks, between creation and today"
    );
    assert!(count(&conn, "SELECT count(*) FROM session WHERE status = 'approved' AND approved_audit_head IS NOT NULL") > 0);
    assert!(
        count(
            &conn,
            "SELECT count(*) FROM resolution WHERE status IN ('open','in_progress')"
        ) > 0
    );

    // The overdue listing through the binary.
    let out = shura(dir.path(), &db)
        .args(["task", "list", "--overdue", "--json", "--body", "1"])
        .output()
        .expect("run shura task list");
    assert!(
        out.status.success(),
        "task list failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).expect("task list prints JSON");
    let tasks = json.as_array().expect("a JSON array");
    assert_eq!(tasks.len() as f64, (overdue * 2000.0).round());
    for t in tasks {
        let due = t["due"].as_str().expect("due");
        assert!(due < TODAY, "not overdue: {t}");
        assert!(
            matches!(t["status"].as_str(), Some("open" | "in_progress")),
            "{t}"
        );
    }
}

#[allow(dead_code)]
#[path = "../benches/scale.rs"]
mod scale_bench;

#[allow(dead_code)]
#[path = "../benches/tui_pty.rs"]
mod tui_pty_bench;

#[allow(dead_code)]
#[path = "../benches/taskwarrior.rs"]
mod taskwarrior_bench;

#[allow(dead_code)]
#[path = "../benches/dashboard.rs"]
mod dashboard_bench;

/// The report ends with the figures table: a header and one row per figure, each a
/// finite number, and with PASS or OVER where the figure has a budget.
fn check_table(report: &str, figures: &[scale_bench::common::Figure], names: &[&str]) {
    assert!(
        report.contains("figure") && report.contains("verdict"),
        "{report}"
    );
    for name in names {
        assert!(
            figures.iter().any(|f| f.name.contains(name)),
            "no figure {name:?} in:\n{report}"
        );
    }
    for f in figures {
        assert!(f.value.is_finite() && f.value >= 0.0, "{f:?}");
        assert!(
            report.contains(&f.name),
            "{} not printed:\n{report}",
            f.name
        );
        if f.budget.is_some() {
            assert!(matches!(f.verdict(), "PASS" | "OVER"));
        }
    }
}

#[test]
fn scale_benchmark_runs_at_a_tiny_scale() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = scale_bench::common::Settings::smoke_in(dir.path());
    let (report, figures) = scale_bench::run(&s).unwrap_or_else(|e| panic!("{e}"));
    let names = [
        "task list --overdue",
        "search budget",
        "search بودجه",
        "dashboard --json",
    ];
    check_table(&report, &figures, &names);
    assert!(report.contains("query plan"), "{report}");
}

#[test]
fn tui_benchmark_runs_at_a_tiny_scale() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = tui_pty_bench::common::Settings::smoke_in(dir.path());
    let (report, figures) = tui_pty_bench::run(&s).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        report.contains("figure") && report.contains("verdict"),
        "{report}"
    );
    for name in [
        "start → first complete frame",
        "keypress → frame",
        "bytes per cursor move",
        "while idle",
        "peak resident memory",
    ] {
        assert!(
            figures.iter().any(|f| f.name.contains(name)),
            "no figure {name:?} in:\n{report}"
        );
    }
    for f in &figures {
        assert!(f.value.is_finite() && f.value >= 0.0, "{f:?}");
        assert!(matches!(f.verdict(), "PASS" | "OVER"), "{f:?}");
    }
}

#[test]
fn taskwarrior_comparison_runs_or_says_why_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = taskwarrior_bench::common::Settings::smoke_in(dir.path());
    let (report, figures) = taskwarrior_bench::run(&s).unwrap_or_else(|e| panic!("{e}"));
    if report.contains("SKIPPED") {
        // Taskwarrior is not installed here: the comparison says so and stops.
        eprint!("{report}");
        assert!(figures.is_empty());
        return;
    }
    assert!(
        report.contains("figure") && report.contains("ratio"),
        "{report}"
    );
    assert_eq!(figures.len(), 3, "{report}");
    for f in &figures {
        assert!(f.value.is_finite() && f.value > 0.0, "{f:?}");
    }
    // Both list the same overdue tasks.
    let rows: Vec<&str> = figures
        .iter()
        .take(2)
        .map(|f| f.note.rsplit(", ").next().unwrap_or(""))
        .collect();
    assert_eq!(rows[0], rows[1], "{report}");
}

#[test]
fn dashboard_benchmark_runs_at_a_tiny_scale() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = dashboard_bench::common::Settings::smoke_in(dir.path());
    let (report, figures) = dashboard_bench::run(&s).unwrap_or_else(|e| panic!("{e}"));
    let names = [
        "en dashboard first frame",
        "fa dashboard first frame",
        "refresh after a change",
        "keypress to frame, p99",
    ];
    for name in names {
        assert!(
            figures.iter().any(|f| f.name.contains(name)),
            "no figure {name:?} in:\n{report}"
        );
    }
    for f in &figures {
        assert!(f.value.is_finite() && f.value >= 0.0, "{f:?}");
        assert!(
            report.contains(&f.name),
            "{} not printed:\n{report}",
            f.name
        );
    }
}
