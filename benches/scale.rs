//! Queries and whole commands on a large generated database (`shura demo --scale N`).
//!
//! Run: `cargo bench --bench scale`. Settings from the environment:
//! - `SHURA_BENCH_SCALE`: the scale (default 1: 500 bodies, 5,000 people, 20,000
//!   sessions, 100,000 resolutions, 1,000,000 tasks);
//! - `SHURA_BENCH_DB`: the database (default `target/bench-scale-N.db`). When it is
//!   missing it is generated with the release binary (`target/release/shura demo
//!   --scale N`, which `cargo bench` builds) and the generation is timed.
//!
//! Reports the first run and the median and 95th percentile of the repeated runs, in
//! ms, of: opening the store; the overdue tasks of one body (first 200 by due date);
//! open resolutions per body (one aggregate over the partial index `resolution_open`);
//! and, as whole processes (wall time), `shura task list --overdue --json --body X` and
//! `shura search` of a common English and a common Persian word. Prints the query
//! plans of the two queries and fails (exit 1) when the overdue query does not search
//! the task table through an index, or a command fails.

use std::ffi::CStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use shura::identity::Actor;
use shura::store::read::TaskFilter;
use shura::store::Store;

/// The binary `cargo bench` builds with the bench (release) profile.
const SHURA: &str = env!("CARGO_BIN_EXE_shura");

/// Words every generated text draws from, so they match a large share of the index.
const COMMON_EN: &str = "budget";
const COMMON_FA: &str = "بودجه";

/// The overdue listing's page, as the TUI asks for it.
const OVERDUE_LIMIT: i64 = 200;

/// One benchmark's timings and what its last run returned.
struct Bench {
    name: String,
    first: Duration,
    times: Vec<Duration>,
    result: String,
}

impl Bench {
    fn median(&self) -> Duration {
        percentile(&self.times, 50.0)
    }
    fn p95(&self) -> Duration {
        percentile(&self.times, 95.0)
    }
}

/// Nearest-rank percentile of unsorted samples.
fn percentile(times: &[Duration], p: f64) -> Duration {
    if times.is_empty() {
        return Duration::ZERO;
    }
    let mut sorted = times.to_vec();
    sorted.sort();
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
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

/// How long `f` took, and what it returned.
fn timed<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let t = Instant::now();
    let out = f();
    (t.elapsed(), out)
}

fn env_or(name: &str, default: &str) -> String {
    std::env::var(name)
        .ok()
        .filter(|v| !v.trim().is_empty())
        .unwrap_or_else(|| default.to_string())
}

/// The cargo target directory: the bench binary's `shura` lives in `<target>/release`.
fn target_dir() -> PathBuf {
    Path::new(SHURA)
        .parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", path.display()))
}

/// `shura` with settings that do not depend on who runs the bench.
fn shura(db: &Path) -> Command {
    let mut c = Command::new(SHURA);
    c.arg("--db")
        .arg(db)
        .env("SHURA_CONFIG", "/nonexistent")
        .env("SHURA_STATE_DIR", target_dir().join("bench-state"))
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(Stdio::null());
    c
}

/// Generates the database into a side file first, so an interrupted run leaves none.
fn generate(db: &Path, scale: &str) -> Result<Duration, String> {
    let partial = with_suffix(db, ".partial");
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(with_suffix(&partial, suffix));
    }
    if let Some(dir) = db.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    println!(
        "generating {} with {SHURA} demo --scale {scale} …",
        db.display()
    );
    let t = Instant::now();
    let status = shura(&partial)
        .args(["demo", "--scale", scale])
        .status()
        .map_err(|e| format!("cannot run {SHURA}: {e}"))?;
    let took = t.elapsed();
    if !status.success() {
        return Err(format!("shura demo --scale {scale} failed ({status})"));
    }
    for suffix in ["-wal", "-shm"] {
        let side = with_suffix(&partial, suffix);
        if side.exists() {
            std::fs::rename(&side, with_suffix(db, suffix)).map_err(|e| e.to_string())?;
        }
    }
    std::fs::rename(&partial, db).map_err(|e| e.to_string())?;
    Ok(took)
}

/// The SQL of a statement prepared on the connection (rusqlite keeps the statements of
/// `prepare_cached`), found by pieces of its text.
fn prepared_sql(store: &Store, pieces: &[&str]) -> Option<String> {
    // SAFETY: the handle is valid while `store` lives; sqlite3_next_stmt walks the
    // connection's own list and sqlite3_sql returns a string owned by the statement,
    // copied before anything else runs on the connection.
    unsafe {
        let db = store.conn.handle();
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
/// different number of parameters), as indented lines.
fn query_plan(
    store: &Store,
    sql: &str,
    args: &[rusqlite::types::Value],
) -> rusqlite::Result<Vec<String>> {
    let mut stmt = store.conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
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

fn run_ok(mut c: Command, what: &str) -> Output {
    let out = c
        .output()
        .unwrap_or_else(|e| panic!("cannot run {what}: {e}"));
    if !out.status.success() {
        panic!(
            "{what} failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
    }
    out
}

fn kib(bytes: usize) -> String {
    format!("{:.0} KiB", bytes as f64 / 1024.0)
}

fn main() {
    let scale = env_or("SHURA_BENCH_SCALE", "1");
    match scale.parse::<f64>() {
        Ok(s) if s > 0.0 && s <= 10.0 => {}
        _ => {
            eprintln!("SHURA_BENCH_SCALE={scale:?} is not a number above 0 and at most 10");
            std::process::exit(2);
        }
    }
    let db = std::env::var_os("SHURA_BENCH_DB")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join(format!("bench-scale-{scale}.db")));
    let generated = if db.exists() {
        None
    } else {
        match generate(&db, &scale) {
            Ok(took) => Some(took),
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        }
    };
    let size = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
    let today = shura::app::today();
    let actor = Actor::current();

    let store = match Store::open(&db, actor.clone()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("cannot open {}: {e}", db.display());
            std::process::exit(1);
        }
    };
    let count = |sql: &str| -> i64 {
        store
            .conn
            .query_row(sql, [], |r| r.get(0))
            .unwrap_or_else(|e| panic!("{sql}: {e}"))
    };
    let bodies = count("SELECT count(*) FROM body");
    let tasks = count("SELECT count(*) FROM task");
    let generated_on: String = store
        .conn
        .query_row(
            "SELECT substr(at, 1, 10) FROM audit WHERE action = 'generate' ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap_or_else(|_| "unknown".into());
    if bodies == 0 {
        eprintln!("{} holds no bodies: not a generated database", db.display());
        std::process::exit(1);
    }

    println!();
    println!("shura scale benchmark");
    println!("  binary     {SHURA}");
    println!(
        "  database   {} ({:.0} MiB), scale {scale}: {bodies} bodies, {tasks} tasks",
        db.display(),
        size as f64 / (1024.0 * 1024.0)
    );
    match generated {
        Some(took) => println!("  generated  in {:.1} s (this run)", took.as_secs_f64()),
        None => println!(
            "  generated  earlier ({generated_on}); delete the file to time a new generation"
        ),
    }
    println!("  today      {today} (SHURA_TODAY overrides)");
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        println!(
            "  machine    {} CPUs, load average {}",
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1),
            load.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        );
    }

    let mut results: Vec<Bench> = Vec::new();
    let mut failures: Vec<String> = Vec::new();
    let budget = Duration::from_secs(20);

    results.push(bench(
        "Store::open",
        30,
        budget,
        |_| {
            // Closing is not part of opening: the store drops after the clock stops.
            let (took, s) = timed(|| Store::open(&db, actor.clone()).expect("open"));
            drop(s);
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
        60,
        budget,
        |i| {
            seen.insert(body_of(i));
            let filter = overdue(body_of(i));
            let (took, rows) = timed(|| store.tasks(&filter).expect("overdue tasks"));
            counts.push(rows.len());
            (took, rows.len())
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
        30,
        budget,
        |_| {
            let (took, rows) = timed(|| {
                let mut stmt = store.conn.prepare_cached(OPEN_PER_BODY).expect("prepare");
                stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))
                    .expect("query")
                    .collect::<rusqlite::Result<Vec<_>>>()
                    .expect("rows")
            });
            (took, (rows.len(), rows.iter().map(|r| r.1).sum::<i64>()))
        },
        |(n, sum)| format!("{n} bodies, {sum} open"),
    ));

    // Whole processes: start, open, query, print.
    let body = 1 + bodies / 2;
    let body_s = body.to_string();
    results.push(bench(
        format!("shura task list --overdue --json --body {body}"),
        15,
        budget,
        |_| {
            let mut c = shura(&db);
            c.args(["task", "list", "--overdue", "--json", "--body", &body_s]);
            let (took, out) = timed(|| run_ok(c, "shura task list"));
            (took, out.stdout)
        },
        |out| match serde_json::from_slice::<serde_json::Value>(out) {
            Ok(serde_json::Value::Array(a)) => format!("{} tasks, {}", a.len(), kib(out.len())),
            _ => "NOT A JSON ARRAY".to_string(),
        },
    ));
    if results.last().is_some_and(|b| b.result.starts_with("NOT")) {
        failures.push("task list --overdue --json did not print a JSON array".into());
    }
    for word in [COMMON_EN, COMMON_FA] {
        results.push(bench(
            format!("shura search {word}"),
            10,
            budget,
            |_| {
                let mut c = shura(&db);
                c.args(["search", word]);
                let (took, out) = timed(|| run_ok(c, "shura search"));
                (took, out.stdout)
            },
            |out| {
                let lines = out.iter().filter(|b| **b == b'\n').count();
                format!("{lines} lines, {}", kib(out.len()))
            },
        ));
    }

    println!();
    let name_w = results
        .iter()
        .map(|b| b.name.chars().count())
        .max()
        .unwrap_or(10)
        .max(9);
    println!(
        "{:<name_w$}  {:>4}  {:>9}  {:>9}  {:>9}  result",
        "benchmark", "runs", "first ms", "median ms", "p95 ms"
    );
    println!("{}", "-".repeat(name_w + 48));
    for b in &results {
        let pad = name_w - b.name.chars().count();
        println!(
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

    println!();
    println!("query plan: overdue tasks of one body");
    match &overdue_sql {
        Some(sql) => match query_plan(&store, sql, &[body.into(), today.to_string().into()]) {
            Ok(lines) => {
                for l in &lines {
                    println!("  {l}");
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
                    println!("  ok: the task table is searched through an index");
                    if !task_lines.iter().any(|l| l.contains("task_open_due")) {
                        println!(
                            "  note: not through the partial index task_open_due, so done tasks are read too"
                        );
                    }
                } else {
                    println!("  FAIL: the task table is not searched through an index");
                    failures.push("the overdue query does not use an index on task".into());
                }
            }
            Err(e) => failures.push(format!("EXPLAIN QUERY PLAN failed: {e}")),
        },
        None => {
            failures.push("the overdue query's SQL was not found among prepared statements".into())
        }
    }
    println!("query plan: open resolutions per body");
    match query_plan(&store, OPEN_PER_BODY, &[]) {
        Ok(lines) => {
            for l in &lines {
                println!("  {l}");
            }
            if !lines.iter().any(|l| l.contains("resolution_open")) {
                println!("  note: the partial index resolution_open is not used");
            }
        }
        Err(e) => failures.push(format!("EXPLAIN QUERY PLAN failed: {e}")),
    }

    if !failures.is_empty() {
        eprintln!();
        for f in &failures {
            eprintln!("FAILED: {f}");
        }
        std::process::exit(1);
    }
}
