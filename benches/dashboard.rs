//! The chair's screens on a large database, in-process (ratatui's TestBackend):
//! - the dashboard's first frame: opening the store, computing every figure and drawing;
//! - its refresh when the data changed (what another user's write costs the viewer);
//! - keypress to frame while moving through the dashboard, the task and resolution
//!   browsers (paging through a million tasks) and a resolution's page.
//!
//! Run: `cargo bench --bench dashboard` (the database as for every benchmark:
//! `SHURA_BENCH_SCALE`, default 1, made when missing; `SHURA_BENCH_DB`);
//! `SHURA_BENCH_LANG=en|fa` measures one language only; `-- --smoke` runs it once at a
//! tiny scale, as `tests/bench_smoke.rs` does in CI.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use shura::app::keymap::Action;
use shura::app::state::App;
use shura::identity::Actor;
use shura::locale::Prefs;
use shura::locale::{Calendar, Lang};
use shura::ops::Context;
use shura::store::Store;
use shura::tui::theme::Theme;

#[path = "common/mod.rs"]
pub mod common;
use common::{ms, percentile, Figure, Settings};

/// The budget for the dashboard's first complete frame (issue 7).
const FIRST_FRAME_BUDGET_MS: f64 = 100.0;
/// The budget for keypress to frame, 99th percentile.
const KEY_BUDGET_MS: f64 = 5.0;

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// The figures of one language: first frame, refresh, keypress to frame.
fn measure_lang(s: &Settings, lang: Lang, cal: Calendar) -> Result<Vec<Figure>, String> {
    let prefs = Prefs {
        lang,
        calendar: cal,
        ..Prefs::default()
    };
    let rounds = if s.smoke { 1 } else { 5 };
    let theme = Theme::dark();
    let mut firsts = Vec::new();
    let mut refreshes = Vec::new();
    let mut keys: Vec<Duration> = Vec::new();
    for _ in 0..rounds {
        // First frame: open, compute every figure, draw.
        let t = Instant::now();
        let store = Store::open(&s.db, Actor::current()).map_err(|e| e.to_string())?;
        let mut app = App::new(Context::new(store, prefs));
        app.open_home(Some("dashboard"))?;
        let Ok(mut term) = Terminal::new(TestBackend::new(160, 48));
        let _ = term.draw(|f| shura::tui::draw::draw(f, &app, &theme));
        firsts.push(t.elapsed());
        if let Some(st) = app.status.as_ref().filter(|st| st.error) {
            return Err(format!("the dashboard reported: {}", st.text));
        }

        // Refresh: what a change by another user costs (data reread, frame drawn).
        let t = Instant::now();
        app.reload();
        let _ = term.draw(|f| shura::tui::draw::draw(f, &app, &theme));
        refreshes.push(t.elapsed());

        // Keys: through the figures, into the overdue list, then the browsers.
        let mut measure = |app: &mut App, keys_in: &[KeyEvent]| {
            for k in keys_in {
                let t = Instant::now();
                shura::tui::handle_key(app, *k);
                let _ = term.draw(|f| shura::tui::draw::draw(f, app, &theme));
                keys.push(t.elapsed());
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
    let l = lang.code();
    let med = |v: &[Duration]| percentile(v, 50.0).map(ms).unwrap_or(0.0);
    Ok(vec![
        Figure::new(
            format!("{l} dashboard first frame, median"),
            med(&firsts),
            "ms",
        )
        .budget(FIRST_FRAME_BUDGET_MS)
        .note(format!("{rounds} runs, 160x48, open + figures + draw")),
        Figure::new(
            format!("{l} dashboard refresh after a change"),
            med(&refreshes),
            "ms",
        )
        .note("reload + draw"),
        Figure::new(format!("{l} keypress to frame, median"), med(&keys), "ms")
            .note(format!("{} keys", keys.len())),
        Figure::new(
            format!("{l} keypress to frame, p99"),
            percentile(&keys, 99.0).map(ms).unwrap_or(0.0),
            "ms",
        )
        .budget(KEY_BUDGET_MS)
        .note("dashboard, both browsers paging, a resolution's page"),
    ])
}

pub fn run(s: &Settings) -> Result<(String, Vec<Figure>), String> {
    s.ensure_db()?;
    let mut figures = Vec::new();
    for (lang, cal) in [
        (Lang::En, Calendar::Gregorian),
        (Lang::Fa, Calendar::Jalali),
    ] {
        if std::env::var("SHURA_BENCH_LANG").is_ok_and(|v| v != lang.code()) {
            continue;
        }
        figures.extend(measure_lang(s, lang, cal)?);
    }
    let title = format!(
        "the dashboard and browsers in-process, {} ({})",
        s.describe_db(),
        common::machine()
    );
    Ok((common::table(&title, &figures), figures))
}

fn main() {
    common::main_of("dashboard", run);
}
