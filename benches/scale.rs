//! Queries and whole commands on a large generated database (`shura demo --scale N`).
//!
//! Run: `cargo bench --bench scale`. Settings from the environment (as for every
//! benchmark, see BENCHMARKS.md):
//! - `SHURA_BENCH_SCALE`: `demo` (the demo database) or the scale (default 1: 500
//!   bodies, 5,000 people, 20,000 sessions, 100,000 resolutions, 1,000,000 tasks);
//! - `SHURA_BENCH_DB`: the database (default `<target>/bench-scale-N.db`). When it is
//!   missing it is generated with the release binary and the generation is timed.
//!
//! Reports the first run and the median and 95th percentile of the repeated runs, in
//! ms, of: opening the store; the overdue tasks of one body (first 200 by due date);
//! open resolutions per body (one aggregate over the partial index `resolution_open`);
//! the visit figures of every checklist (the scoreboards);
//! and, as whole processes (wall time, the release binary), `shura task list --overdue
//! --json --body X`, `shura search` of a common English and a common Persian word (top
//! 20 with snippets) and `shura dashboard --json` over every body. Then the budgets of
//! issue 7 beside the medians, PASS or OVER. Prints the query plans of the two queries
//! and fails (exit 1) when the overdue query does not search the task table through an
//! index, or a command fails.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::ffi::CStr;
use std::process::Output;
use std::time::{Duration, Instant};

use shura::identity::Actor;
use shura::store::read::TaskFilter;
use shura::store::Store;

#[path = "common/mod.rs"]
pub mod common;
use common::{ms, timed, Figure, Settings};

/// Words every generated text draws from, so they match a large share of the index.
const COMMON_EN: &str = "budget";
const COMMON_FA: &str = "بودجه";

/// The overdue listing's page, as the TUI asks for it.
const OVERDUE_LIMIT: i64 = 200;

// Budgets (issue 7), whole processes, median.
const BUDGET_SEARCH_MS: f64 = 50.0;
const BUDGET_TASK_LIST_MS: f64 = 50.0;
const BUDGET_DASHBOARD_MS: f64 = 300.0;

/// One benchmark's timings and what its last run returned.
struct Bench {
    name: String,
    first: Duration,
    times: Vec<Duration>,
    result: String,
}

impl Bench {
    fn median(&self) -> Duration {
        common::percentile(&self.times, 50.0).unwrap_or_default()
    }
    fn p95(&self) -> Duration {
        common::percentile(&self.times, 95.0).unwrap_or_default()
    }
}

/// Runs `f` once (reported as "first"), then `runs` more times, or fewer (at least 3)
/// once `budget` is spent. `f` times itself (see [`timed`]) and returns what it got.
fn bench<T>(
    name: impl Into<String>,
    runs: usize,
    budget: Duration,
    mut f: impl FnMut(usize) -> (Duration, T),
    describe: impl Fn(&T) -> String,
) -> Bench {
    let (first, mut last) = f(0);
    let mut times = Vec::with_capacity(runs);
    let started = Instant::now();
    for i in 1..=runs {
        let (took, out) = f(i);
        times.push(took);
        last = out;
        if times.len() >= 3 && started.elapsed() > budget {
            break;
        }
    }
    Bench {
        name: name.into(),
        first,
        times,
        result: describe(&last),
    }
}

/// The SQL of a statement prepared on the store's own connection (rusqlite keeps the
/// statements of `prepare_cached`), found by pieces of its text.
fn prepared_sql(store: &Store, pieces: &[&str]) -> Option<String> {
    // SAFETY: the handle is valid while `store` lives; sqlite3_next_stmt walks the
    // connection's own list and sqlite3_sql returns a string owned by the statement,
    // copied before anything else runs on the connection.
    unsafe {
        let db = store.raw_connection_for_tests().handle();
        let mut stmt = rusqlite::ffi::sqlite3_next_stmt(db, std::ptr::null_mut());
        while !stmt.is_null() {
            let text = rusqlite::ffi::sqlite3_sql(stmt);
            if !text.is_null() {
                let sql = CStr::from_ptr(text).to_string_lossy();
                if pieces.iter().all(|p| sql.contains(p)) {
                    return Some(sql.into_owned());
                }
            }
            stmt = rusqlite::ffi::sqlite3_next_stmt(db, stmt);
        }
    }
    None
}

/// `EXPLAIN QUERY PLAN` of `sql` with `args` bound (or NULLs, when `sql` takes a
/// different number of parameters), as indented lines; on the store's own connection,
/// whose collation and settings the plan depends on.
fn query_plan(
    store: &Store,
    sql: &str,
    args: &[rusqlite::types::Value],
) -> rusqlite::Result<Vec<String>> {
    let mut stmt = store
        .raw_connection_for_tests()
        .prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
    let n = stmt.parameter_count();
    let bound: Vec<rusqlite::types::Value> = if n == args.len() {
        args.to_vec()
    } else {
        vec![rusqlite::types::Value::Null; n]
    };
    let rows = stmt.query_map(rusqlite::params_from_iter(bound), |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, String>(3)?,
        ))
    })?;
    let mut depth: Vec<(i64, usize)> = Vec::new();
    let mut lines = Vec::new();
    for row in rows {
        let (id, parent, detail) = row?;
        let level = depth
            .iter()
            .find(|(i, _)| *i == parent)
            .map(|(_, d)| d + 1)
            .unwrap_or(0);
        depth.push((id, level));
        lines.push(format!("{}{detail}", "  ".repeat(level)));
    }
    Ok(lines)
}

fn run_ok(mut c: std::process::Command, what: &str) -> Result<Output, String> {
    let out = c.output().map_err(|e| format!("cannot run {what}: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "{what} failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    Ok(out)
}

fn kib(bytes: usize) -> String {
    format!("{:.0} KiB", bytes as f64 / 1024.0)
}

/// Runs the benchmark; returns the report (the figures table last).
pub fn run(s: &Settings) -> Result<(String, Vec<Figure>), String> {
    use std::fmt::Write as _;
    let generated = s.ensure_db()?;
    std::fs::create_dir_all(&s.work).map_err(|e| e.to_string())?;
    let db = &s.db;
    let today: chrono::NaiveDate = common::TODAY.parse().map_err(|e| format!("{e}"))?;
    let actor = Actor::current();
    let store =
        Store::open(db, actor.clone()).map_err(|e| format!("cannot open {}: {e}", db.display()))?;
    let raw = rusqlite::Connection::open(db).map_err(|e| format!("{}: {e}", db.display()))?;
    let count = |sql: &str| -> Result<i64, String> {
        raw.query_row(sql, [], |r| r.get(0))
            .map_err(|e| format!("{sql}: {e}"))
    };
    let bodies = count("SELECT count(*) FROM body")?;
    let tasks = count("SELECT count(*) FROM task")?;
    if bodies == 0 {
        return Err(format!("{} holds no bodies", db.display()));
    }
    let mut report = String::new();
    let r = &mut report;
    let _ = writeln!(r, "shura scale benchmark");
    let _ = writeln!(r, "  binary     {}", common::SHURA);
    let _ = writeln!(
        r,
        "  database   {}: {bodies} bodies, {tasks} tasks",
        s.describe_db()
    );
    match generated {
        Some(took) => {
            let _ = writeln!(r, "  generated  in {:.1} s (this run)", took.as_secs_f64());
        }
        None => {
            let _ = writeln!(
                r,
                "  generated  earlier; delete the file to time a new generation"
            );
        }
    }
    let _ = writeln!(r, "  today      {today}");
    let _ = writeln!(r, "  machine    {}", common::machine());

    let mut results: Vec<Bench> = Vec::new();
    let mut failures: Vec<String> = Vec::new();
    let budget = if s.smoke {
        Duration::from_millis(200)
    } else {
        Duration::from_secs(20)
    };
    let runs = |n: usize| if s.smoke { 1 } else { n };

    results.push(bench(
        "Store::open",
        runs(30),
        budget,
        |_| {
            // Closing is not part of opening: the store drops after the clock stops.
            let (took, st) = timed(|| Store::open(db, actor.clone()));
            drop(st);
            (took, ())
        },
        |_| "open, pragmas, collation, schema check".to_string(),
    ));

    // The overdue listing of one body, a different body each run.
    let body_of = |i: usize| 1 + (i as i64 * 37) % bodies;
    let overdue = |body: i64| TaskFilter {
        body_ids: Some(vec![body]),
        overdue_on: Some(today),
        limit: Some(OVERDUE_LIMIT),
        ..Default::default()
    };
    let mut counts: Vec<usize> = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    results.push(bench(
        format!("overdue tasks of one body, first {OVERDUE_LIMIT}"),
        runs(60),
        budget,
        |i| {
            seen.insert(body_of(i));
            let filter = overdue(body_of(i));
            let (took, rows) = timed(|| store.tasks(&filter).map(|r| r.len()).unwrap_or(0));
            counts.push(rows);
            (took, rows)
        },
        |_| String::new(),
    ));
    if let Some(b) = results.last_mut() {
        let (lo, hi) = (
            counts.iter().min().copied().unwrap_or(0),
            counts.iter().max().copied().unwrap_or(0),
        );
        b.result = format!("{lo}..{hi} rows, over {} bodies", seen.len());
    }
    let overdue_sql = prepared_sql(&store, &["FROM task t", "t.due < ?"]);

    const OPEN_PER_BODY: &str = "SELECT body_id, count(*) FROM resolution WHERE status IN ('open','in_progress') GROUP BY body_id";
    results.push(bench(
        "open resolutions per body (one aggregate)",
        runs(30),
        budget,
        |_| {
            let (took, rows) = timed(|| -> rusqlite::Result<Vec<(i64, i64)>> {
                let mut stmt = store
                    .raw_connection_for_tests()
                    .prepare_cached(OPEN_PER_BODY)?;
                let rows =
                    stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))?;
                rows.collect()
            });
            let rows = rows.unwrap_or_default();
            (took, (rows.len(), rows.iter().map(|r| r.1).sum::<i64>()))
        },
        |(n, sum)| format!("{n} bodies, {sum} open"),
    ));

    // The scoreboards of every checklist (what `visit board` and the dashboard's visit
    // figures are computed from), issue 16.
    let all_bodies: Vec<i64> = (1..=bodies).collect();
    results.push(bench(
        "visit figures, every checklist (scoreboards)",
        runs(20),
        budget,
        |_| {
            let (took, f) = timed(|| shura::ops::evaluation::figures(&store, &all_bodies, today));
            let f = f.unwrap_or_default();
            (took, (f.ranked.len(), f.overdue.len()))
        },
        |(ranked, overdue)| format!("{ranked} units ranked, {overdue} overdue"),
    ));

    // Whole processes: start, open, query, print.
    let mut figures = Vec::new();
    let body = 1 + bodies / 2;
    let body_s = body.to_string();
    let mut failed: Option<String> = None;
    let mut whole =
        |name: String, n: usize, args: &[&str], describe: &dyn Fn(&[u8]) -> String| -> Bench {
            bench(
                name,
                runs(n),
                budget,
                |_| {
                    let mut c = common::shura(db, &s.work);
                    c.args(args);
                    let (took, out) = timed(|| run_ok(c, &format!("shura {}", args.join(" "))));
                    match out {
                        Ok(o) => (took, o.stdout),
                        Err(e) => {
                            failed.get_or_insert(e);
                            (took, Vec::new())
                        }
                    }
                },
                |out| describe(out),
            )
        };
    let json_rows = |out: &[u8]| match serde_json::from_slice::<serde_json::Value>(out) {
        Ok(serde_json::Value::Array(a)) => format!("{} rows, {}", a.len(), kib(out.len())),
        _ => "NOT A JSON ARRAY".to_string(),
    };
    let lines = |out: &[u8]| {
        let n = out.iter().filter(|b| **b == b'\n').count();
        format!("{n} lines, {}", kib(out.len()))
    };
    let b = whole(
        format!("shura task list --overdue --json --body {body}"),
        15,
        &["task", "list", "--overdue", "--json", "--body", &body_s],
        &json_rows,
    );
    if b.result.starts_with("NOT") {
        failures.push("task list --overdue --json did not print a JSON array".into());
    }
    figures.push(
        Figure::new("task list --overdue --body X --json", ms(b.median()), "ms")
            .budget(BUDGET_TASK_LIST_MS)
            .note(format!(
                "whole process, median of {}; {}",
                b.times.len(),
                b.result
            )),
    );
    results.push(b);
    for (lang, word) in [("en", COMMON_EN), ("fa", COMMON_FA)] {
        let b = whole(
            format!("shura search {word}"),
            10,
            &["search", word],
            &lines,
        );
        figures.push(
            Figure::new(
                format!("search {word} ({lang}), top 20 with snippets"),
                ms(b.median()),
                "ms",
            )
            .budget(BUDGET_SEARCH_MS)
            .note(format!(
                "whole process, median of {}; {}",
                b.times.len(),
                b.result
            )),
        );
        results.push(b);
    }
    let b = whole(
        "shura dashboard --json".to_string(),
        10,
        &["dashboard", "--json"],
        &|out: &[u8]| match serde_json::from_slice::<serde_json::Value>(out) {
            Ok(serde_json::Value::Object(o)) => {
                let n = |k: &str| o.get(k).and_then(|v| v.as_array()).map_or(0, Vec::len);
                format!(
                    "{} overdue tasks listed, {} attendance rows, {}",
                    n("overdue_tasks"),
                    n("attendance"),
                    kib(out.len())
                )
            }
            _ => "NOT A JSON OBJECT".to_string(),
        },
    );
    if b.result.starts_with("NOT") {
        failures.push("dashboard --json did not print a JSON object".into());
    }
    figures.push(
        Figure::new("dashboard --json, every body", ms(b.median()), "ms")
            .budget(BUDGET_DASHBOARD_MS)
            .note(format!(
                "whole process, median of {}; {}",
                b.times.len(),
                b.result
            )),
    );
    results.push(b);
    if let Some(e) = failed {
        failures.push(e);
    }

    let _ = writeln!(r);
    let name_w = results
        .iter()
        .map(|b| b.name.chars().count())
        .max()
        .unwrap_or(10)
        .max(9);
    let _ = writeln!(
        r,
        "{:<name_w$}  {:>4}  {:>9}  {:>9}  {:>9}  result",
        "benchmark", "runs", "first ms", "median ms", "p95 ms"
    );
    let _ = writeln!(r, "{}", "-".repeat(name_w + 48));
    for b in &results {
        let pad = name_w - b.name.chars().count();
        let _ = writeln!(
            r,
            "{}{}  {:>4}  {:>9.2}  {:>9.2}  {:>9.2}  {}",
            b.name,
            " ".repeat(pad),
            b.times.len(),
            ms(b.first),
            ms(b.median()),
            ms(b.p95()),
            b.result
        );
    }

    let _ = writeln!(r);
    let _ = writeln!(r, "query plan: overdue tasks of one body");
    match &overdue_sql {
        Some(sql) => match query_plan(&store, sql, &[body.into(), today.to_string().into()]) {
            Ok(lines) => {
                for l in &lines {
                    let _ = writeln!(r, "  {l}");
                }
                let task_lines: Vec<&String> = lines
                    .iter()
                    .filter(|l| l.trim_start().contains(" t USING") || l.contains("SCAN t"))
                    .collect();
                let indexed = !task_lines.is_empty()
                    && task_lines
                        .iter()
                        .all(|l| l.contains("USING INDEX") || l.contains("USING COVERING INDEX"));
                if indexed {
                    let _ = writeln!(r, "  ok: the task table is searched through an index");
                    if !task_lines.iter().any(|l| l.contains("task_open_due")) {
                        let _ = writeln!(
                            r,
                            "  note: not through the partial index task_open_due, so done tasks are read too"
                        );
                    }
                } else {
                    let _ = writeln!(r, "  FAIL: the task table is not searched through an index");
                    failures.push("the overdue query does not use an index on task".into());
                }
            }
            Err(e) => failures.push(format!("EXPLAIN QUERY PLAN failed: {e}")),
        },
        None => {
            failures.push("the overdue query's SQL was not found among prepared statements".into())
        }
    }
    let _ = writeln!(r, "query plan: open resolutions per body");
    match query_plan(&store, OPEN_PER_BODY, &[]) {
        Ok(lines) => {
            for l in &lines {
                let _ = writeln!(r, "  {l}");
            }
            if !lines.iter().any(|l| l.contains("resolution_open")) {
                let _ = writeln!(r, "  note: the partial index resolution_open is not used");
            }
        }
        Err(e) => failures.push(format!("EXPLAIN QUERY PLAN failed: {e}")),
    }
    let _ = writeln!(r);
    r.push_str(&common::table("figures (budgets of issue 7)", &figures));
    if !failures.is_empty() {
        return Err(format!("{report}\nFAILED: {}", failures.join("\nFAILED: ")));
    }
    Ok((report, figures))
}

#[allow(dead_code)]
fn main() {
    common::main_of("scale", run);
}
