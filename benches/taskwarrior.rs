//! Side by side with Taskwarrior: the same 100,000 tasks in both, the overdue listing
//! of each timed as a whole process in the same run, reported as a ratio.
//!
//! Run: `cargo bench --bench taskwarrior` (needs `task` on the PATH, e.g.
//! `apt-get install taskwarrior`; without it the benchmark says so and stops without
//! failing). Settings: `SHURA_BENCH_TW_TASKS` (default 100000), `SHURA_BENCH_TW_RUNS`
//! (default 7).
//!
//! The tasks: `shura demo --scale S` with S = tasks / 1,000,000 (0.1 for 100,000 tasks:
//! 50 bodies, 10,000 resolutions), generated under the cargo target directory. Every task
//! of that database goes into Taskwarrior's JSON import format: title as description,
//! the body as project, priority H for high and urgent, status pending (open, in
//! progress), completed (done, with `end`) or deleted (cancelled), the creation day as
//! `entry`, and the due day as `due` at the end of that day (the next day 00:00 UTC): a
//! task is then `+OVERDUE` in Taskwarrior (due before now) exactly when shura calls it
//! overdue (due before today). Taskwarrior runs in a temporary TASKDATA with its own
//! TASKRC; the import itself files completed and deleted tasks in completed.data, so
//! pending.data holds only the pending ones, as in Taskwarrior's normal use.
//!
//! Timed, each the median of the runs, today's real date on both sides (TZ=UTC):
//! - `task rc.verbose=nothing rc.color=off rc.confirmation=off rc.gc=off rc.hooks=off
//!   rc.recurrence=off rc.detection=off rc.defaultwidth=200 rc.locking=off +OVERDUE
//!   list`: no colours, no headers or footnotes, no garbage collection, hooks or
//!   recurrence work (a read-only listing needs none), no lock file;
//! - `shura task list --overdue` (a table, to a pipe, as `task` prints one).
//!
//! Both print every overdue task; the row counts are reported so that can be checked.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

#[path = "common/mod.rs"]
pub mod common;
use common::{ms, percentile, timed, Figure, Settings};

/// How many tasks both sides hold.
const TASKS: &str = "100000";
/// Settings of every timed `task` run.
const TW_RC: &[&str] = &[
    "rc.verbose=nothing",
    "rc.color=off",
    "rc.confirmation=off",
    "rc.gc=off",
    "rc.hooks=off",
    "rc.recurrence=off",
    "rc.detection=off",
    "rc.defaultwidth=200",
    "rc.locking=off",
];

fn task_cmd(data: &Path) -> Command {
    let mut c = Command::new("task");
    c.env("TASKDATA", data)
        .env("TASKRC", data.join("taskrc"))
        .env("TZ", "UTC")
        .stdin(Stdio::null());
    c
}

/// Taskwarrior's version, or None when it is not installed.
fn taskwarrior() -> Option<String> {
    let out = Command::new("task")
        .arg("--version")
        .stdin(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn stamp(day: &str, plus_days: i64) -> Option<String> {
    let d: chrono::NaiveDate = day.parse().ok()?;
    let d = d + chrono::Duration::days(plus_days);
    Some(d.format("%Y%m%dT000000Z").to_string())
}

/// Every task of the database as Taskwarrior JSON lines; the count of overdue ones.
fn export(db: &Path, today: &str, to: &Path) -> Result<(usize, usize), String> {
    use std::io::Write as _;
    let conn = rusqlite::Connection::open(db).map_err(|e| e.to_string())?;
    let mut stmt = conn
        .prepare(
            "SELECT t.id, t.title, t.status, t.priority, t.due, t.done_on, t.created_on, t.body_id
             FROM task t ORDER BY t.id",
        )
        .map_err(|e| e.to_string())?;
    let mut rows = stmt.query([]).map_err(|e| e.to_string())?;
    let file = std::fs::File::create(to).map_err(|e| e.to_string())?;
    let mut w = std::io::BufWriter::new(file);
    let (mut n, mut overdue) = (0, 0);
    while let Some(r) = rows.next().map_err(|e| e.to_string())? {
        let get = |i: usize| r.get::<_, Option<String>>(i).ok().flatten();
        let id: i64 = r.get(0).map_err(|e| e.to_string())?;
        let status = get(2).unwrap_or_default();
        let due = get(4).filter(|d| !d.is_empty());
        let created = get(6).unwrap_or_else(|| today.to_string());
        let body: i64 = r.get(7).map_err(|e| e.to_string())?;
        let mut t = serde_json::json!({
            "uuid": format!("00000000-0000-4000-8000-{id:012x}"),
            "description": get(1).unwrap_or_default(),
            "entry": stamp(&created, 0),
            "modified": stamp(&created, 0),
            "project": format!("body{body}"),
            "status": match status.as_str() {
                "done" => "completed",
                "cancelled" => "deleted",
                _ => "pending",
            },
        });
        if let Some(due) = &due {
            t["due"] = stamp(due, 1).into();
            if matches!(status.as_str(), "open" | "in_progress") && due.as_str() < today {
                overdue += 1;
            }
        }
        if matches!(get(3).as_deref(), Some("high" | "urgent")) {
            t["priority"] = "H".into();
        }
        if status == "done" || status == "cancelled" {
            let end = get(5).unwrap_or_else(|| created.clone());
            t["end"] = stamp(&end, 0).into();
        }
        writeln!(w, "{t}").map_err(|e| e.to_string())?;
        n += 1;
    }
    w.flush().map_err(|e| e.to_string())?;
    Ok((n, overdue))
}

fn lines(out: &[u8]) -> usize {
    out.split(|b| *b == b'\n')
        .filter(|l| !l.iter().all(u8::is_ascii_whitespace))
        .count()
}

pub fn run(s: &Settings) -> Result<(String, Vec<Figure>), String> {
    let mut report = String::from("shura and Taskwarrior: the overdue listing\n");
    let Some(version) = taskwarrior() else {
        report.push_str(
            "  SKIPPED: Taskwarrior (`task`) is not installed; install it (apt-get install taskwarrior) to run this comparison\n",
        );
        return Ok((report, Vec::new()));
    };
    let tasks: f64 = if s.smoke {
        2000.0
    } else {
        common::env_or("SHURA_BENCH_TW_TASKS", TASKS)
            .parse()
            .map_err(|e| format!("SHURA_BENCH_TW_TASKS: {e}"))?
    };
    let runs: usize = if s.smoke {
        1
    } else {
        common::env_or("SHURA_BENCH_TW_RUNS", "7")
            .parse()
            .map_err(|e| format!("SHURA_BENCH_TW_RUNS: {e}"))?
    };
    let scale = format!("{}", tasks / 1_000_000.0);
    let db = if s.smoke {
        s.db.clone()
    } else {
        common::target_dir().join(format!("bench-scale-{scale}.db"))
    };
    let shura_db = Settings {
        scale: scale.clone(),
        db,
        ..s.clone()
    };
    shura_db.ensure_db()?;
    let today = chrono::Utc::now().date_naive().to_string();

    let data = s.work.join("taskwarrior");
    let _ = std::fs::remove_dir_all(&data);
    std::fs::create_dir_all(&data).map_err(|e| e.to_string())?;
    std::fs::write(
        data.join("taskrc"),
        format!("data.location={}\n", data.display()),
    )
    .map_err(|e| e.to_string())?;
    let json = data.join("import.json");
    let (exported, overdue) = export(&shura_db.db, &today, &json)?;
    let (import_took, out) = timed(|| {
        task_cmd(&data)
            .args(["rc.verbose=nothing", "rc.confirmation=off", "rc.hooks=off"])
            .arg("import")
            .arg(&json)
            .output()
    });
    let out = out.map_err(|e| format!("task import: {e}"))?;
    if !out.status.success() {
        return Err(format!(
            "task import failed: {}",
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    let mut tw_times = Vec::new();
    let mut sh_times = Vec::new();
    let (mut tw_rows, mut sh_rows) = (0, 0);
    // One run of each first (not counted) so both read from a warm page cache.
    for i in 0..=runs {
        let (took, out) = timed(|| {
            task_cmd(&data)
                .args(TW_RC)
                .args(["+OVERDUE", "list"])
                .output()
        });
        let out = out.map_err(|e| format!("task list: {e}"))?;
        if !out.status.success() && !out.stdout.is_empty() {
            return Err(format!(
                "task +OVERDUE list failed: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        tw_rows = lines(&out.stdout);
        let (took2, out2) = timed(|| {
            common::shura(&shura_db.db, &s.work)
                .env("SHURA_TODAY", &today)
                .env("TZ", "UTC")
                .args(["task", "list", "--overdue"])
                .output()
        });
        let out2 = out2.map_err(|e| format!("shura task list: {e}"))?;
        if !out2.status.success() {
            return Err(format!(
                "shura task list --overdue failed: {}",
                String::from_utf8_lossy(&out2.stderr)
            ));
        }
        // The table's header and rule are two lines above the rows.
        sh_rows = lines(&out2.stdout).saturating_sub(2);
        if i > 0 {
            tw_times.push(took);
            sh_times.push(took2);
        }
    }
    let tw = percentile(&tw_times, 50.0).unwrap_or_default();
    let sh = percentile(&sh_times, 50.0).unwrap_or(Duration::from_nanos(1));
    report.push_str(&format!(
        "  taskwarrior  {version}, TASKDATA {}\n",
        data.display()
    ));
    report.push_str(&format!(
        "  tasks        {exported} in both ({overdue} overdue on {today}); shura db {}\n",
        shura_db.db.display()
    ));
    report.push_str(&format!(
        "  import       task import took {:.1} s\n",
        import_took.as_secs_f64()
    ));
    report.push_str(&format!("  task flags   {}\n", TW_RC.join(" ")));
    report.push_str(&format!("  machine      {}\n\n", common::machine()));
    let figures = vec![
        Figure::new("task +OVERDUE list", ms(tw), "ms").note(format!(
            "median of {}, {tw_rows} rows printed",
            tw_times.len()
        )),
        Figure::new("shura task list --overdue", ms(sh), "ms").note(format!(
            "median of {}, {sh_rows} rows printed",
            sh_times.len()
        )),
        Figure::new(
            "ratio taskwarrior / shura",
            tw.as_secs_f64() / sh.as_secs_f64().max(1e-9),
            "×",
        )
        .note("above 1: shura is faster"),
    ];
    report.push_str(&common::table("figures", &figures));
    Ok((report, figures))
}

#[allow(dead_code)]
fn main() {
    common::main_of("taskwarrior", run);
}
