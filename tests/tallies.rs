//! The dashboard's tallies (schema V3: `task_due_tally`, `attendance_tally`) always
//! equal what the rows say: after the demo load, after the scale generator, and after
//! inserts, updates (status, due date, done date, body, presence), deletes and a
//! session cancelled and brought back. (V8 counts excused absences apart and makes
//! the attendance triggers again: `schema::TALLIES`.) The dashboard reads them instead of a million
//! rows, so a tally that drifts would show wrong figures.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use rusqlite::Connection;
use shura::identity::Actor;
use shura::locale::Lang;
use shura::store::Store;

/// (body, month, tasks, done on time) recomputed from the tasks.
fn task_rows(conn: &Connection) -> Vec<(i64, String, i64, i64)> {
    let mut stmt = conn
        .prepare(
            "SELECT body_id, substr(due, 1, 7), count(*),
                    coalesce(sum(status = 'done' AND done_on IS NOT NULL AND done_on <= due), 0)
             FROM task WHERE status <> 'cancelled' AND due IS NOT NULL AND due <> ''
             GROUP BY 1, 2 ORDER BY 1, 2",
        )
        .expect("prepare");
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .expect("query");
    rows.collect::<rusqlite::Result<_>>().expect("rows")
}

fn task_tally(conn: &Connection) -> Vec<(i64, String, i64, i64)> {
    let mut stmt = conn
        .prepare(
            "SELECT body_id, month, tasks, done_on_time FROM task_due_tally
             WHERE tasks <> 0 OR done_on_time <> 0 ORDER BY 1, 2",
        )
        .expect("prepare");
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .expect("query");
    rows.collect::<rusqlite::Result<_>>().expect("rows")
}

/// (body, person, recorded, attended, excused) recomputed from the attendance.
fn attendance_rows(conn: &Connection) -> Vec<(i64, i64, i64, i64, i64)> {
    let mut stmt = conn
        .prepare(
            "SELECT s.body_id, a.person_id, count(*),
                    coalesce(sum(a.presence IN ('present','late','remote')), 0),
                    coalesce(sum(a.presence = 'excused'), 0)
             FROM attendance a JOIN session s ON s.id = a.session_id
             WHERE s.status <> 'cancelled' GROUP BY 1, 2 ORDER BY 1, 2",
        )
        .expect("prepare");
    let rows = stmt
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .expect("query");
    rows.collect::<rusqlite::Result<_>>().expect("rows")
}

fn attendance_tally(conn: &Connection) -> Vec<(i64, i64, i64, i64, i64)> {
    let mut stmt = conn
        .prepare(
            "SELECT body_id, person_id, recorded, attended, excused FROM attendance_tally
             WHERE recorded <> 0 OR attended <> 0 OR excused <> 0 ORDER BY 1, 2",
        )
        .expect("prepare");
    let rows = stmt
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .expect("query");
    rows.collect::<rusqlite::Result<_>>().expect("rows")
}

fn assert_tallies(conn: &Connection, when: &str) {
    assert_eq!(task_tally(conn), task_rows(conn), "task tally {when}");
    assert_eq!(
        attendance_tally(conn),
        attendance_rows(conn),
        "attendance tally {when}"
    );
}

#[test]
fn tallies_follow_every_change() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.db");
    let mut store = Store::open(&path, Actor::current()).expect("open");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    shura::demo::load_demo(&mut store, Lang::En, today).expect("demo");
    drop(store);
    let conn = Connection::open(&path).expect("open");
    assert!(!task_rows(&conn).is_empty() && !attendance_rows(&conn).is_empty());
    assert_tallies(&conn, "after the demo load");

    // The approved-minutes triggers refuse changes to approved sessions; reopen all so
    // every attendance row may change here (this test is about the tallies only).
    conn.execute_batch(
        "DROP TRIGGER IF EXISTS approved_attendance_insert;
         DROP TRIGGER IF EXISTS approved_attendance_update;
         DROP TRIGGER IF EXISTS approved_attendance_update_to;
         DROP TRIGGER IF EXISTS approved_attendance_delete;
         DROP TRIGGER IF EXISTS approved_session_update;",
    )
    .expect("drop guards");

    let steps: &[(&str, &str)] = &[
        ("tasks done", "UPDATE task SET status = 'done', done_on = due WHERE id % 3 = 0"),
        ("tasks done late", "UPDATE task SET done_on = date(due, '+5 days') WHERE id % 6 = 0"),
        ("tasks cancelled", "UPDATE task SET status = 'cancelled' WHERE id % 7 = 0"),
        ("tasks reopened", "UPDATE task SET status = 'open', done_on = NULL WHERE id % 14 = 0"),
        ("due dates moved", "UPDATE task SET due = date(due, '+40 days') WHERE id % 5 = 1"),
        ("due dates removed", "UPDATE task SET due = NULL WHERE id % 11 = 2"),
        ("due dates empty", "UPDATE task SET due = '' WHERE id % 13 = 3"),
        ("body changed", "UPDATE task SET body_id = (SELECT min(id) FROM body) WHERE id % 4 = 2"),
        ("tasks deleted", "DELETE FROM task WHERE id % 9 = 4 AND id NOT IN (SELECT task_id FROM task_update)"),
        (
            "task inserted",
            "INSERT INTO task(body_id, title, due, status, priority, done_on, created_on)
             SELECT body_id, 'copy', due, status, priority, done_on, created_on FROM task WHERE id % 5 = 0",
        ),
        ("presence changed", "UPDATE attendance SET presence = 'absent' WHERE person_id % 2 = 0"),
        ("presence back", "UPDATE attendance SET presence = 'late' WHERE person_id % 4 = 0"),
        ("absences excused", "UPDATE attendance SET presence = 'excused' WHERE person_id % 6 = 2"),
        ("attendance deleted", "DELETE FROM attendance WHERE person_id % 5 = 1"),
        (
            "session cancelled",
            "UPDATE session SET status = 'cancelled' WHERE id IN (SELECT session_id FROM attendance LIMIT 3)",
        ),
        (
            "attendance at a cancelled session",
            "INSERT OR IGNORE INTO attendance(session_id, person_id, presence)
             SELECT s.id, p.id, 'present' FROM session s, person p
             WHERE s.status = 'cancelled' AND p.id % 3 = 0",
        ),
        (
            "session brought back",
            "UPDATE session SET status = 'closed' WHERE status = 'cancelled'",
        ),
        (
            "session moved to another body",
            "UPDATE session SET body_id = (SELECT max(id) FROM body), number = number + 100000 WHERE id IN (SELECT session_id FROM attendance LIMIT 2)",
        ),
    ];
    for (what, sql) in steps {
        conn.execute_batch(sql)
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_tallies(&conn, &format!("after: {what}"));
    }
}

#[test]
fn migration_v3_can_run_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.db");
    let mut store = Store::open(&path, Actor::current()).expect("open");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    shura::demo::load_demo(&mut store, Lang::Fa, today).expect("demo");
    drop(store);
    let conn = Connection::open(&path).expect("open");
    conn.execute_batch("UPDATE task_due_tally SET tasks = 999; DELETE FROM attendance_tally;")
        .expect("spoil");
    for step in shura::store::schema::TALLIES {
        conn.execute_batch(step).expect("V3 again");
    }
    assert_tallies(&conn, "after V3 ran again");
}

#[test]
fn the_scale_generator_leaves_true_tallies_and_their_triggers() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.db");
    let mut store = Store::open(&path, Actor::current()).expect("open");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    shura::demo::scale::generate_scale(&mut store, 0.002, today).expect("generate");
    drop(store);
    let conn = Connection::open(&path).expect("open");
    assert!(!task_rows(&conn).is_empty() && !attendance_rows(&conn).is_empty());
    assert_tallies(&conn, "after the generator");
    let triggers: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%tally%'",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(triggers, 7, "every tally trigger is back");
    conn.execute_batch("UPDATE task SET status = 'done', done_on = due WHERE id % 2 = 0")
        .expect("update");
    assert_tallies(&conn, "after a change to the generated tasks");
}

/// The dashboard's bounded lists are the head of the full ones, and its totals and
/// follow-up and attendance figures equal what the rows say.
#[test]
fn dashboard_lists_are_the_head_of_the_full_lists() {
    use shura::ops::dashboard::{dashboard, overdue_tasks, DASHBOARD_ROWS};
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.db");
    let mut store = Store::open(&path, Actor::current()).expect("open");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    shura::demo::scale::generate_scale(&mut store, 0.005, today).expect("generate");
    let all = overdue_tasks(&store, None, today).expect("overdue");
    assert!(all.len() > DASHBOARD_ROWS, "{} overdue", all.len());
    for scope in [None, Some(&[1i64][..])] {
        let d = dashboard(&store, scope, today).expect("dashboard");
        let full = overdue_tasks(&store, scope, today).expect("overdue");
        assert_eq!(d.overdue_tasks_total, full.len() as i64);
        let head: Vec<i64> = full.iter().take(DASHBOARD_ROWS).map(|t| t.id).collect();
        let listed: Vec<i64> = d.overdue_tasks.iter().map(|t| t.id).collect();
        assert_eq!(listed, head, "scope {scope:?}");
        assert!(d.due_this_week.len() as i64 <= d.due_this_week_total);
        assert!(d.due_this_week.windows(2).all(|w| w[0].due <= w[1].due));
        // Follow-up: recomputed from the tasks, as before the tallies.
        let conn = rusqlite::Connection::open(&path).expect("raw connection");
        for f in &d.follow_up_rate {
            let (due, done): (i64, i64) = conn
                .query_row(
                    "SELECT count(*), coalesce(sum(status = 'done' AND done_on IS NOT NULL AND done_on <= due), 0)
                     FROM task WHERE body_id = ?1 AND status <> 'cancelled'
                       AND due IS NOT NULL AND due <> '' AND due < ?2",
                    rusqlite::params![f.id, today.to_string()],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .expect("recount");
            assert_eq!((f.due, f.done_on_time), (due, done), "body {}", f.id);
        }
        assert!(!d.follow_up_rate.is_empty() && !d.attendance.is_empty());
    }
}
