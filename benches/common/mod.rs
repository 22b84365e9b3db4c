//! What the benchmarks share: which database they run on (made with the release
//! binary when it is missing), how `shura` is started, and the figures table with the
//! budget beside each figure.
//!
//! Each benchmark file includes this module with `#[path]`, and `tests/bench_smoke.rs`
//! includes the benchmark files the same way to run each once at a tiny scale (`smoke`),
//! so a benchmark that no longer runs fails `cargo test`.

#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The binary cargo built with the benchmark (release under `cargo bench`, debug when a
/// test includes the benchmark).
pub const SHURA: &str = env!("CARGO_BIN_EXE_shura");

/// The day every benchmark takes as today, so runs on different days compare.
pub const TODAY: &str = "2026-11-22";

/// Where a benchmark runs and how long it may take.
#[derive(Debug, Clone)]
pub struct Settings {
    /// `demo` (the demo database of `shura demo`) or a scale (`shura demo --scale N`).
    pub scale: String,
    /// The database; made when missing.
    pub db: PathBuf,
    /// A quick run that only proves the benchmark works (few repetitions, no budgets
    /// judged by the caller).
    pub smoke: bool,
    /// Files the benchmark may write (drafts, logs, Taskwarrior's data).
    pub work: PathBuf,
}

impl Settings {
    /// From the environment (`SHURA_BENCH_SCALE`: `demo` or a number, default 1;
    /// `SHURA_BENCH_DB`) and the arguments (`--smoke`).
    pub fn from_env() -> Result<Settings, String> {
        let smoke = std::env::args().any(|a| a == "--smoke");
        let scale = env_or("SHURA_BENCH_SCALE", if smoke { "0.002" } else { "1" });
        if scale != "demo" {
            match scale.parse::<f64>() {
                Ok(s) if s > 0.0 && s <= 10.0 => {}
                _ => {
                    return Err(format!(
                        "SHURA_BENCH_SCALE={scale:?} is neither `demo` nor a number above 0 and at most 10"
                    ))
                }
            }
        }
        let db = std::env::var_os("SHURA_BENCH_DB")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
            .unwrap_or_else(|| target_dir().join(format!("bench-scale-{scale}.db")));
        let work = target_dir().join("bench-work");
        Ok(Settings {
            scale,
            db,
            smoke,
            work,
        })
    }

    /// A smoke run on its own small database in `dir`.
    pub fn smoke_in(dir: &Path) -> Settings {
        Settings {
            scale: "0.002".into(),
            db: dir.join("bench.db"),
            smoke: true,
            work: dir.join("work"),
        }
    }

    /// Makes the database when it is missing; returns how long that took.
    pub fn ensure_db(&self) -> Result<Option<Duration>, String> {
        if self.db.exists() {
            return Ok(None);
        }
        generate(&self.db, &self.scale).map(Some)
    }

    /// One line on the database, for the top of a report.
    pub fn describe_db(&self) -> String {
        let size = std::fs::metadata(&self.db).map(|m| m.len()).unwrap_or(0);
        format!(
            "{} ({:.0} MiB), {}",
            self.db.display(),
            size as f64 / (1024.0 * 1024.0),
            if self.scale == "demo" {
                "the demo database".to_string()
            } else {
                format!("scale {}", self.scale)
            }
        )
    }
}

pub fn env_or(name: &str, default: &str) -> String {
    std::env::var(name)
        .ok()
        .filter(|v| !v.trim().is_empty())
        .unwrap_or_else(|| default.to_string())
}

/// The cargo target directory: the `shura` binary lives in `<target>/<profile>`.
pub fn target_dir() -> PathBuf {
    Path::new(SHURA)
        .parent()
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"))
}

pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", path.display()))
}

/// The environment of every `shura` a benchmark starts: a fixed day, no config file,
/// English unless told otherwise.
pub fn base_env(work: &Path) -> Vec<(&'static str, String)> {
    vec![
        ("SHURA_TODAY", TODAY.into()),
        ("SHURA_CONFIG", "/nonexistent".into()),
        ("SHURA_STATE_DIR", work.join("state").display().to_string()),
        ("LANG", "C".into()),
        ("HOME", work.display().to_string()),
        ("PATH", std::env::var("PATH").unwrap_or_default()),
    ]
}

/// `shura --db DB` with [`base_env`] and nothing else from the caller's environment.
pub fn shura(db: &Path, work: &Path) -> Command {
    let mut c = Command::new(SHURA);
    c.env_clear().arg("--db").arg(db).stdin(Stdio::null());
    for (k, v) in base_env(work) {
        c.env(k, v);
    }
    c
}

/// Generates the database into a side file first, so an interrupted run leaves none.
pub fn generate(db: &Path, scale: &str) -> Result<Duration, String> {
    let partial = with_suffix(db, ".partial");
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(with_suffix(&partial, suffix));
    }
    let dir = db.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let args: Vec<&str> = if scale == "demo" {
        vec!["demo"]
    } else {
        vec!["demo", "--scale", scale]
    };
    eprintln!(
        "generating {} with {SHURA} {} …",
        db.display(),
        args.join(" ")
    );
    let t = Instant::now();
    let out = shura(&partial, dir)
        .args(&args)
        .output()
        .map_err(|e| format!("cannot run {SHURA}: {e}"))?;
    let took = t.elapsed();
    if !out.status.success() {
        return Err(format!(
            "shura {} failed ({}): {}",
            args.join(" "),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    // Fold the WAL into the file, so the database is one file that can be moved.
    let conn = rusqlite::Connection::open(&partial).map_err(|e| e.to_string())?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .map_err(|e| e.to_string())?;
    drop(conn);
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(with_suffix(&partial, suffix));
    }
    std::fs::rename(&partial, db).map_err(|e| e.to_string())?;
    Ok(took)
}

/// Nearest-rank percentile (0-100) of samples, sorted or not.
pub fn percentile<T: Copy + PartialOrd>(samples: &[T], p: f64) -> Option<T> {
    if samples.is_empty() {
        return None;
    }
    let mut sorted = samples.to_vec();
    sorted.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    Some(sorted[rank.clamp(1, sorted.len()) - 1])
}

pub fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// How long `f` took, and what it returned.
pub fn timed<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let t = Instant::now();
    let out = f();
    (t.elapsed(), out)
}

/// One measured figure, with its budget when it has one (at most this much).
#[derive(Debug, Clone)]
pub struct Figure {
    pub name: String,
    pub value: f64,
    pub unit: &'static str,
    pub budget: Option<f64>,
    /// What the figure is made of (runs, rows, bytes…).
    pub note: String,
}

impl Figure {
    pub fn new(name: impl Into<String>, value: f64, unit: &'static str) -> Figure {
        Figure {
            name: name.into(),
            value,
            unit,
            budget: None,
            note: String::new(),
        }
    }
    pub fn budget(mut self, at_most: f64) -> Figure {
        self.budget = Some(at_most);
        self
    }
    pub fn note(mut self, note: impl Into<String>) -> Figure {
        self.note = note.into();
        self
    }
    pub fn verdict(&self) -> &'static str {
        match self.budget {
            None => "",
            Some(b) if self.value <= b => "PASS",
            Some(_) => "OVER",
        }
    }
}

/// The figures as a table: figure, value, budget, PASS/OVER, note.
pub fn table(title: &str, figures: &[Figure]) -> String {
    let name_w = figures
        .iter()
        .map(|f| f.name.chars().count())
        .max()
        .unwrap_or(0)
        .max(6);
    let fmt = |v: f64| {
        if (v.fract() == 0.0 && v.abs() < 1e9) || v.abs() >= 100.0 {
            format!("{v:.0}")
        } else {
            format!("{v:.2}")
        }
    };
    let mut s = String::new();
    let _ = writeln!(s, "{title}");
    let _ = writeln!(
        s,
        "{:<name_w$}  {:>10} {:<5}  {:>10}  {:<7} note",
        "figure", "value", "", "budget", "verdict"
    );
    let _ = writeln!(s, "{}", "-".repeat(name_w + 48));
    for f in figures {
        let pad = name_w - f.name.chars().count();
        let _ = writeln!(
            s,
            "{}{}  {:>10} {:<5}  {:>10}  {:<7} {}",
            f.name,
            " ".repeat(pad),
            fmt(f.value),
            f.unit,
            f.budget
                .map(|b| format!("≤ {}", fmt(b)))
                .unwrap_or_default(),
            f.verdict(),
            f.note
        );
    }
    s
}

/// The machine, for the top of a report.
pub fn machine() -> String {
    let cpus = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let load = std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into());
    format!("{cpus} CPUs, load average {load}")
}

/// What a benchmark returns: its report and its figures.
pub type Outcome = Result<(String, Vec<Figure>), String>;

/// A benchmark's `main`: settings from the environment, the run, its report printed;
/// exit 2 on bad settings, 1 when the run fails.
pub fn main_of(name: &str, run: fn(&Settings) -> Outcome) {
    let settings = match Settings::from_env() {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    };
    match run(&settings) {
        Ok((report, _)) => print!("{report}"),
        Err(e) => {
            eprintln!("{name} benchmark failed: {e}");
            std::process::exit(1);
        }
    }
}
