//! The chair's screens on a large database, in-process (ratatui's TestBackend):
//! - the dashboard's first frame: opening the store, computing every figure and drawing;
//! - its refresh when the data changed (what another user's write costs the viewer);
//! - keypress to frame while moving through the dashboard, the task and resolution
//!   browsers (paging through a million tasks) and a resolution's page.
//!
//! Run: `cargo bench --bench dashboard` on `SHURA_BENCH_DB` (default
//! `target/bench-scale-1.db`, made with `shura --db target/bench-scale-1.db demo --scale 1`).
//! `SHURA_BENCH_SMOKE=1` runs it once on a tiny generated database (CI does).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use shura::app::keymap::Action;
use shura::app::state::App;
use shura::app::{Context, Prefs};
use shura::identity::Actor;
use shura::locale::{Calendar, Lang};
use shura::store::Store;
use shura::tui::theme::Theme;

/// The budget for the dashboard's first complete frame (issue 7).
const FIRST_FRAME_BUDGET_MS: f64 = 100.0;
/// The budget for keypress to frame, 99th percentile.
const KEY_BUDGET_MS: f64 = 5.0;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn verdict(value: f64, budget: f64) -> &'static str {
    if value <= budget {
        "PASS"
    } else {
        "OVER"
    }
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"))
}

/// The database to measure: `SHURA_BENCH_DB`, or a tiny generated one in smoke mode.
fn database(smoke: bool) -> Option<PathBuf> {
    if smoke {
        let dir = std::env::temp_dir().join(format!("shura-dash-bench-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let path = dir.join("smoke.db");
        let _ = std::fs::remove_file(&path);
        let mut store = Store::open(&path, Actor::current()).ok()?;
        if let Err(e) = shura::demo::scale::generate_scale(&mut store, 0.002, shura::app::today()) {
            eprintln!("generating the smoke database failed: {e}");
            return None;
        }
        return Some(path);
    }
    let path = std::env::var_os("SHURA_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| target_dir().join("bench-scale-1.db"));
    if !path.exists() {
        eprintln!(
            "no database at {}: make it with `shura --db {} demo --scale 1`, or set SHURA_BENCH_DB",
            path.display(),
            path.display()
        );
        return None;
    }
    Some(path)
}

struct Row {
    what: String,
    value: f64,
    budget: Option<f64>,
}

fn main() {
    let smoke = std::env::var_os("SHURA_BENCH_SMOKE").is_some();
    let Some(path) = database(smoke) else {
        std::process::exit(1);
    };
    let rounds = if smoke { 1 } else { 5 };
    let mut rows: Vec<Row> = Vec::new();
    let theme = Theme::dark();
    for (lang, cal) in [
        (Lang::En, Calendar::Gregorian),
        (Lang::Fa, Calendar::Jalali),
    ] {
        // SHURA_BENCH_LANG=en|fa measures one language only.
        if std::env::var("SHURA_BENCH_LANG").is_ok_and(|v| v != lang.code()) {
            continue;
        }
        let prefs = Prefs {
            lang,
            calendar: cal,
            ..Prefs::default()
        };
        // First frame: open, compute, draw; the best and the median of a few cold-ish runs.
        let mut firsts = Vec::new();
        let mut refreshes = Vec::new();
        let mut keys = Vec::new();
        for _ in 0..rounds {
            let t = Instant::now();
            let Ok(store) = Store::open(&path, Actor::current()) else {
                eprintln!("cannot open {}", path.display());
                std::process::exit(1);
            };
            let mut app = App::new(Context::new(store, prefs));
            if let Err(e) = app.open_home(Some("dashboard")) {
                eprintln!("{e}");
                std::process::exit(1);
            }
            let Ok(mut term) = Terminal::new(TestBackend::new(160, 48));
            let _ = term.draw(|f| shura::tui::draw::draw(f, &mut app, &theme));
            firsts.push(t.elapsed());
            if let Some(s) = &app.status {
                if s.error {
                    eprintln!("the dashboard reported: {}", s.text);
                    std::process::exit(1);
                }
            }

            // Refresh: what a change by another user costs (data reread, frame drawn).
            let t = Instant::now();
            app.reload();
            let _ = term.draw(|f| shura::tui::draw::draw(f, &mut app, &theme));
            refreshes.push(t.elapsed());

            // Keys: through the figures, into the overdue list, then the browsers.
            let mut measure = |app: &mut App, keys_in: &[KeyEvent]| {
                let mut phase = Vec::new();
                for k in keys_in {
                    let t = Instant::now();
                    shura::tui::handle_key(app, *k);
                    let _ = term.draw(|f| shura::tui::draw::draw(f, app, &theme));
                    keys.push(t.elapsed());
                    phase.push(t.elapsed());
                }
                if std::env::var_os("SHURA_BENCH_PHASES").is_some() {
                    phase.sort();
                    eprintln!(
                        "  {:?}: median {:.2} ms, worst {:.2} ms",
                        app.screen(),
                        ms(percentile(&phase, 0.5)),
                        ms(phase.last().copied().unwrap_or_default())
                    );
                }
            };
            let down_up: Vec<KeyEvent> = (0..7)
                .map(|_| key(KeyCode::Down))
                .chain((0..7).map(|_| key(KeyCode::Up)))
                .collect();
            measure(&mut app, &down_up);
            app.update(Action::Down);
            app.update(Action::NextPane);
            let moves: Vec<KeyEvent> = (0..40)
                .map(|_| key(KeyCode::Down))
                .chain((0..40).map(|_| key(KeyCode::Up)))
                .collect();
            measure(&mut app, &moves);
            app.update(Action::GoTasks);
            // Past the first window of 200 rows and back: the browser reads new windows.
            let paging: Vec<KeyEvent> = (0..250)
                .map(|_| key(KeyCode::Down))
                .chain((0..10).map(|_| key(KeyCode::PageDown)))
                .chain((0..10).map(|_| key(KeyCode::PageUp)))
                .collect();
            measure(&mut app, &paging);
            app.update(Action::GoResolutions);
            measure(&mut app, &moves);
            app.update(Action::Open);
            measure(&mut app, &down_up);
        }
        firsts.sort();
        refreshes.sort();
        keys.sort();
        let l = lang.code();
        rows.push(Row {
            what: format!("{l} dashboard first frame, median (160x48)"),
            value: ms(percentile(&firsts, 0.5)),
            budget: Some(FIRST_FRAME_BUDGET_MS),
        });
        rows.push(Row {
            what: format!("{l} dashboard refresh after a change, median"),
            value: ms(percentile(&refreshes, 0.5)),
            budget: None,
        });
        rows.push(Row {
            what: format!("{l} keypress to frame, median (n={})", keys.len()),
            value: ms(percentile(&keys, 0.5)),
            budget: None,
        });
        rows.push(Row {
            what: format!("{l} keypress to frame, p99"),
            value: ms(percentile(&keys, 0.99)),
            budget: Some(KEY_BUDGET_MS),
        });
        rows.push(Row {
            what: format!("{l} keypress to frame, worst"),
            value: ms(keys.last().copied().unwrap_or_default()),
            budget: None,
        });
    }
    println!(
        "database: {}{}",
        path.display(),
        if smoke { " (smoke)" } else { "" }
    );
    println!("{:<52} {:>10} {:>10}  verdict", "what", "ms", "budget");
    for r in &rows {
        match r.budget {
            Some(b) => println!(
                "{:<52} {:>10.2} {:>10.0}  {}",
                r.what,
                r.value,
                b,
                verdict(r.value, b)
            ),
            None => println!("{:<52} {:>10.2} {:>10}", r.what, r.value, "-"),
        }
    }
    if smoke {
        if let Some(dir) = path.parent() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}
