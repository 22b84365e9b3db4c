//! Keypress-to-frame time on the demo database: each key goes through the keymap and
//! the update step, then the frame is drawn into a TestBackend of 80×24 and 160×48.
//! Reports median, 99th percentile and worst, per screen. Run: `cargo bench --bench keypress`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::time::{Duration, Instant};

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use shura::app::state::App;
use shura::identity::Actor;
use shura::locale::Prefs;
use shura::locale::{Calendar, Lang};
use shura::ops::Context;
use shura::store::Store;
use shura::tui::theme::Theme;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn measure(
    app: &mut App,
    term: &mut Terminal<TestBackend>,
    theme: &Theme,
    keys: &[KeyEvent],
    rounds: usize,
) -> Vec<Duration> {
    let mut times = Vec::with_capacity(keys.len() * rounds);
    for _ in 0..rounds {
        for k in keys {
            let t = Instant::now();
            shura::tui::handle_key(app, *k);
            let _ = term.draw(|f| shura::tui::draw::draw(f, app, theme));
            times.push(t.elapsed());
        }
    }
    times.sort();
    times
}

fn report(name: &str, times: &[Duration]) {
    println!(
        "{name:<44} n={:<5} median {:>7.3} ms   p99 {:>7.3} ms   max {:>7.3} ms",
        times.len(),
        percentile(times, 0.5).as_secs_f64() * 1e3,
        percentile(times, 0.99).as_secs_f64() * 1e3,
        times.last().copied().unwrap_or_default().as_secs_f64() * 1e3
    );
}

/// A live vote as the secretary sees it: another program records members' votes one by
/// one; each time, the secretary's program notices the change (`poll_changes`, which
/// reloads the session screen with its motions and the live tally) and draws the
/// frame. The time from the other program's commit to the drawn frame, less the idle
/// check's wait.
fn live_vote(
    path: &std::path::Path,
    prefs: Prefs,
    app: &mut App,
    term: &mut Terminal<TestBackend>,
    theme: &Theme,
    w: u16,
    h: u16,
) {
    use shura::model::voting::{Choice, MotionKind};
    use shura::model::SessionStatus;
    use shura::ops::motions::{self, MoveMotion};
    let Ok(store) = Store::open(path, Actor::current()) else {
        return;
    };
    let mut other = Context::new(store, prefs);
    // The latest session not yet approved, with its roll call taken.
    let Ok(bodies) = other.store.bodies() else {
        return;
    };
    let mut target = None;
    for b in &bodies {
        let Ok(rows) = other.store.sessions(
            Some(&[b.id][..]),
            &[SessionStatus::Closed],
            None,
            None,
            None,
        ) else {
            continue;
        };
        if let Some(r) = rows.first() {
            target = Some(r.session.clone());
            break;
        }
    }
    let Some(session) = target else {
        println!("live vote: no closed session in the demo data");
        return;
    };
    let item = other
        .store
        .agenda(session.id)
        .ok()
        .and_then(|a| a.first().map(|i| i.id));
    let Ok(room) = motions::room_now(&other.store, &session, item) else {
        return;
    };
    let Ok(m) = motions::move_motion(
        &mut other,
        &MoveMotion {
            session_id: session.id,
            item_id: item,
            kind: MotionKind::Substantive,
            text: "Benchmark motion".into(),
            mover: room.present_ids.first().copied(),
            seconder: room.present_ids.get(1).copied(),
            at: Some("10:00".into()),
        },
    ) else {
        return;
    };
    if motions::open_vote(&mut other, m.id, true).is_err() {
        return;
    }
    if app.open_session_screen(session.id).is_err() {
        return;
    }
    let _ = term.draw(|f| shura::tui::draw::draw(f, app, theme));
    let choices = [Choice::Yes, Choice::No, Choice::Abstain];
    let mut times = Vec::new();
    for round in 0..20 {
        for (i, p) in room.present_ids.iter().enumerate() {
            if motions::cast_for(&mut other, m.id, *p, choices[(i + round) % 3]).is_err() {
                return;
            }
            let t = Instant::now();
            app.poll_changes();
            let _ = term.draw(|f| shura::tui::draw::draw(f, app, theme));
            times.push(t.elapsed());
        }
    }
    times.sort();
    let label = format!("{} {w}x{h} live vote: a vote arrives", prefs.lang.code());
    report(&label, &times);
    let _ = motions::close_vote(&mut other, m.id, None, None);
}

fn main() {
    let dir = std::env::temp_dir().join(format!("shura-keypress-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let today = shura::store::today();
    for (lang, cal) in [
        (Lang::En, Calendar::Gregorian),
        (Lang::Fa, Calendar::Jalali),
    ] {
        let path = dir.join(format!("demo-{}.db", lang.code()));
        let _ = std::fs::remove_file(&path);
        let mut store = match Store::open(&path, Actor::current()) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("cannot open {}: {e}", path.display());
                return;
            }
        };
        let t = Instant::now();
        if let Err(e) = shura::demo::load_demo(&mut store, lang, today) {
            eprintln!("demo load failed: {e}");
            return;
        }
        println!(
            "demo database ({}) loaded in {:.0} ms",
            lang.code(),
            t.elapsed().as_secs_f64() * 1e3
        );
        let prefs = Prefs {
            lang,
            calendar: cal,
            ..Prefs::default()
        };
        for (w, h) in [(80u16, 24u16), (160, 48)] {
            let mut app = App::new(Context::new(
                match Store::open(&path, Actor::current()) {
                    Ok(s) => s,
                    Err(_) => return,
                },
                prefs,
            ));
            let Ok(mut term) = Terminal::new(TestBackend::new(w, h));
            let theme = Theme::dark();
            let _ = term.draw(|f| shura::tui::draw::draw(f, &app, &theme));
            let down_up: Vec<KeyEvent> = (0..12)
                .map(|_| key(KeyCode::Down))
                .chain((0..12).map(|_| key(KeyCode::Up)))
                .collect();
            let label = format!("{} {w}x{h} bodies: move (loads panes)", lang.code());
            report(&label, &measure(&mut app, &mut term, &theme, &down_up, 20));
            shura::tui::handle_key(&mut app, key(KeyCode::Tab));
            let label = format!("{} {w}x{h} sessions list: move", lang.code());
            report(&label, &measure(&mut app, &mut term, &theme, &down_up, 20));
            shura::tui::handle_key(&mut app, key(KeyCode::Enter));
            let label = format!("{} {w}x{h} session agenda: move", lang.code());
            report(&label, &measure(&mut app, &mut term, &theme, &down_up, 20));
            shura::tui::handle_key(&mut app, key(KeyCode::Tab));
            let label = format!("{} {w}x{h} roll call: move", lang.code());
            report(&label, &measure(&mut app, &mut term, &theme, &down_up, 20));
            live_vote(&path, prefs, &mut app, &mut term, &theme, w, h);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
