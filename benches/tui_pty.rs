//! The interactive program measured from outside: the release binary in a real
//! pseudo-terminal (portable-pty), its output read back through a terminal emulator
//! (vt100), as a user's terminal gets it.
//!
//! Run: `cargo bench --bench tui_pty` (settings as for every benchmark:
//! `SHURA_BENCH_SCALE` = `demo` or a scale, default 1; `SHURA_BENCH_DB`; see
//! BENCHMARKS.md). Measures, at 80×24:
//!
//! - start → first complete frame: from spawning the process until [`START_MARKER`] is on
//!   the screen and the output has gone quiet (the time of the last byte of that frame);
//! - keypress → frame while moving through each list reachable by keys ([`LISTS`]): from
//!   writing `j`/`k` into the terminal until the last byte of the redraw; median and 99th
//!   percentile, and the bytes each move wrote;
//! - bytes written while idle for [`IDLE`];
//! - peak resident memory (VmHWM of the process) after browsing every screen
//!   ([`BROWSE`]).
//!
//! Prints one table with the budget of issue 7 beside each figure, PASS or OVER.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};

#[path = "common/mod.rs"]
pub mod common;
use common::{ms, percentile, Figure, Settings};

// ----- what is measured: change these when the screens change -----

/// Arguments that start the TUI on the screen whose first frame is timed: the chair's
/// dashboard, the heaviest first screen.
const START_ARGS: &[&str] = &["--view", "dashboard"];
/// Text on the first complete frame of that screen (its last figure, in English).
const START_MARKER: &str = "Indicators";
/// The lists the cursor is moved through, in order: the keys that lead from the previous
/// list to this one (the first from the start screen), and the list's name.
const LISTS: &[(&str, &str)] = &[
    ("", "dashboard figures"),
    ("\t", "dashboard: list behind a figure"),
    ("2", "bodies"),
    ("\t", "sessions of a body"),
    ("\t", "members of a body"),
    // Back to the sessions pane, Enter opens the selected session.
    ("h\r", "session agenda"),
    ("\t", "roll call"),
    ("\t", "review of open tasks"),
    ("3", "task browser"),
    ("4", "resolution browser"),
    ("\r", "a resolution's tasks"),
];
/// Keys that visit every screen reachable by keys, before the peak memory is read:
/// each figure's list on the dashboard, the ends of the bodies list (the biggest body
/// panes), a session and its panes, back, both browsers to their ends, a resolution's
/// page, the member's view, the help screen and the palette.
const BROWSE: &[&str] = &[
    "\t", "G", "g", "\t", "j", "\t", "j", "\t", "j", "\t", "j", "\t", "j", "\t", "j", "\t", "j",
    "\t", "2", "G", "g", "G", "\t", "G", "\r", "\t", "G", "\t", "G", "\x1b", "\t", "G", "g", "3",
    "G", "g", "4", "G", "\r", "\t", "G", "\x1b", "5", "?", "\x1b", ":", "\x1b", "/", "1", "\x1b",
    "1",
];
/// The interface languages the list moves are measured in.
const LANGS: &[(&str, &str)] = &[("en", "C"), ("fa", "fa_IR.UTF-8")];

const ROWS: u16 = 24;
const COLS: u16 = 80;
/// The output is taken as complete after this long without a byte.
const QUIET: Duration = Duration::from_millis(25);
/// A key that changes nothing draws nothing: after this long it counts as the list's end.
const NO_OUTPUT: Duration = Duration::from_millis(250);
/// How long idle output is counted.
const IDLE: Duration = Duration::from_secs(5);
/// Longest wait for anything (a screen that never comes fails the run).
const TIMEOUT: Duration = Duration::from_secs(30);

// Budgets (issue 7).
const BUDGET_START_MS: f64 = 100.0;
const BUDGET_KEY_P99_MS: f64 = 5.0;
const BUDGET_BYTES_PER_MOVE: f64 = 400.0;
const BUDGET_IDLE_BYTES_PER_S: f64 = 0.0;
const BUDGET_RSS_MB: f64 = 40.0;

/// The bytes read from the terminal, each chunk with the time it arrived.
#[derive(Default)]
struct Output {
    bytes: Vec<u8>,
    chunks: Vec<(Instant, usize)>,
}

/// The program in a pseudo-terminal.
struct Tui {
    parser: Arc<Mutex<vt100::Parser>>,
    out: Arc<Mutex<Output>>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    child: Box<dyn Child + Send + Sync>,
    reader: Option<JoinHandle<()>>,
    _master: Box<dyn MasterPty + Send>,
}

impl Tui {
    fn spawn(s: &Settings, lang: &str, args: &[&str]) -> Result<(Tui, Instant), String> {
        std::fs::create_dir_all(s.work.join("state")).map_err(|e| e.to_string())?;
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .map_err(|e| format!("open a pty: {e}"))?;
        let mut cmd = CommandBuilder::new(common::SHURA);
        cmd.env_clear();
        for (k, v) in common::base_env(&s.work) {
            cmd.env(k, v);
        }
        cmd.env("LANG", lang);
        cmd.env("TERM", "xterm-256color");
        cmd.arg("--db");
        cmd.arg(&s.db);
        cmd.args(args);
        cmd.cwd(&s.work);
        let started = Instant::now();
        let child = pty
            .slave
            .spawn_command(cmd)
            .map_err(|e| format!("spawn shura: {e}"))?;
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().map_err(|e| e.to_string())?;
        let writer = Arc::new(Mutex::new(
            pty.master.take_writer().map_err(|e| e.to_string())?,
        ));
        let parser = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
        let out = Arc::new(Mutex::new(Output::default()));
        let (p, o, w) = (Arc::clone(&parser), Arc::clone(&out), Arc::clone(&writer));
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 16384];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let at = Instant::now();
                        let mut all = o.lock().unwrap_or_else(|e| e.into_inner());
                        let from = all.bytes.len().saturating_sub(3);
                        all.bytes.extend_from_slice(&buf[..n]);
                        all.chunks.push((at, n));
                        let mut parser = p.lock().unwrap_or_else(|e| e.into_inner());
                        parser.process(&buf[..n]);
                        // Answer "where is the cursor?" as a terminal does.
                        let asks = all.bytes[from..]
                            .windows(4)
                            .filter(|x| x == b"\x1b[6n")
                            .count();
                        for _ in 0..asks {
                            let (row, col) = parser.screen().cursor_position();
                            let answer = format!("\x1b[{};{}R", row + 1, col + 1);
                            let mut w = w.lock().unwrap_or_else(|e| e.into_inner());
                            let _ = w.write_all(answer.as_bytes());
                            let _ = w.flush();
                        }
                    }
                }
            }
        });
        Ok((
            Tui {
                parser,
                out,
                writer,
                child,
                reader: Some(reader),
                _master: pty.master,
            },
            started,
        ))
    }

    fn screen(&self) -> String {
        self.parser
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .screen()
            .contents()
    }

    /// The screen with its colours and attributes (a moved selection changes only those).
    fn formatted(&self) -> Vec<u8> {
        self.parser
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .screen()
            .contents_formatted()
    }

    /// Bytes read so far, and when the last chunk came.
    fn progress(&self) -> (usize, Option<Instant>) {
        let o = self.out.lock().unwrap_or_else(|e| e.into_inner());
        (o.bytes.len(), o.chunks.last().map(|c| c.0))
    }

    fn send(&mut self, keys: &str) -> Result<Instant, String> {
        let mut w = self.writer.lock().unwrap_or_else(|e| e.into_inner());
        let at = Instant::now();
        w.write_all(keys.as_bytes()).map_err(|e| e.to_string())?;
        w.flush().map_err(|e| e.to_string())?;
        Ok(at)
    }

    /// Waits until more than `after` bytes came and then none for [`QUIET`]; returns the
    /// time of the last byte and the byte count, or None when nothing came within
    /// `first_within`.
    fn settle(&self, after: usize, first_within: Duration) -> Option<(Instant, usize)> {
        let start = Instant::now();
        loop {
            let (n, last) = self.progress();
            let now = Instant::now();
            match last {
                Some(last) if n > after && now.duration_since(last) >= QUIET => {
                    return Some((last, n));
                }
                _ if n <= after && now.duration_since(start) > first_within => return None,
                _ if now.duration_since(start) > TIMEOUT => return Some((now, n)),
                _ => {}
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    /// Sends keys and waits for the screen to settle (or for nothing to come).
    fn step(&mut self, keys: &str) -> Result<(), String> {
        let (n, _) = self.progress();
        self.send(keys)?;
        self.settle(n, NO_OUTPUT);
        Ok(())
    }

    fn wait_for(&self, text: &str) -> Result<(), String> {
        let start = Instant::now();
        while !self.screen().contains(text) {
            if start.elapsed() > TIMEOUT {
                return Err(format!(
                    "{text:?} never showed; the screen is:\n{}",
                    self.screen()
                ));
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        Ok(())
    }

    fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }

    fn quit(mut self) {
        let _ = self.send("\x1b\x1b\x1bq");
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if let Ok(Some(_)) = self.child.try_wait() {
                if let Some(r) = self.reader.take() {
                    let _ = r.join();
                }
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Start → first complete frame, once.
fn start_once(s: &Settings) -> Result<Duration, String> {
    let (tui, started) = Tui::spawn(s, "C", START_ARGS)?;
    tui.wait_for(START_MARKER)?;
    let (last, _) = tui.settle(0, TIMEOUT).ok_or("no output after the start")?;
    let took = last.duration_since(started);
    tui.quit();
    Ok(took)
}

/// Per list: the time and bytes of each move that drew something.
struct Moves {
    list: String,
    times: Vec<Duration>,
    bytes: Vec<usize>,
}

/// Moves `presses` times through each of [`LISTS`], down until the list's end, then up.
fn moves(s: &Settings, lang: &str, presses: usize) -> Result<Vec<Moves>, String> {
    let (mut tui, _) = Tui::spawn(s, lang, START_ARGS)?;
    tui.settle(0, TIMEOUT).ok_or("no output after the start")?;
    let mut all = Vec::new();
    for (keys, name) in LISTS {
        for k in keys.chars() {
            tui.step(&k.to_string())?;
        }
        let mut m = Moves {
            list: (*name).to_string(),
            times: Vec::new(),
            bytes: Vec::new(),
        };
        let mut down = true;
        let mut idle_turns = 0;
        let mut before = tui.formatted();
        while m.times.len() < presses && idle_turns < 2 {
            let (n, _) = tui.progress();
            let sent = tui.send(if down { "j" } else { "k" })?;
            let drawn = tui.settle(n, NO_OUTPUT);
            let after = tui.formatted();
            match drawn {
                Some((last, total)) if after != before => {
                    m.times.push(last.duration_since(sent));
                    m.bytes.push(total - n);
                    idle_turns = 0;
                }
                _ => {
                    // Nothing moved: the end of the list (or a list of one row); an
                    // identical frame is not a move. Turn round.
                    down = !down;
                    idle_turns += 1;
                }
            }
            before = after;
        }
        all.push(m);
    }
    tui.quit();
    Ok(all)
}

/// Bytes written while nobody types, and the peak memory after browsing everything.
fn idle_and_memory(s: &Settings, idle: Duration) -> Result<(usize, f64), String> {
    let (mut tui, _) = Tui::spawn(s, "C", START_ARGS)?;
    tui.settle(0, TIMEOUT).ok_or("no output after the start")?;
    for keys in BROWSE {
        tui.step(keys)?;
    }
    // Back on the home screen, settled: count what comes while idle.
    tui.step("\x1b")?;
    std::thread::sleep(Duration::from_millis(200));
    let (before, _) = tui.progress();
    std::thread::sleep(idle);
    let (after, _) = tui.progress();
    let pid = tui.pid().ok_or("no pid")?;
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .map_err(|e| format!("/proc/{pid}/status: {e}"))?;
    let hwm_kb: f64 = status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|v| v.parse().ok())
        .ok_or("no VmHWM in /proc/PID/status")?;
    tui.quit();
    Ok((after - before, hwm_kb / 1024.0))
}

/// Runs the benchmark; returns the report (the figures table last).
pub fn run(s: &Settings) -> Result<(String, Vec<Figure>), String> {
    let generated = s.ensure_db()?;
    std::fs::create_dir_all(&s.work).map_err(|e| e.to_string())?;
    let mut report = String::new();
    report.push_str("shura TUI benchmark (a real pseudo-terminal, 80×24)\n");
    report.push_str(&format!("  binary    {}\n", common::SHURA));
    report.push_str(&format!("  database  {}\n", s.describe_db()));
    if let Some(t) = generated {
        report.push_str(&format!("  generated in {:.1} s\n", t.as_secs_f64()));
    }
    report.push_str(&format!("  machine   {}\n", common::machine()));
    report.push_str(&format!(
        "  start     shura {} until {START_MARKER:?} shows\n\n",
        START_ARGS.join(" ")
    ));

    let (starts, presses, idle) = if s.smoke {
        (1, 4, Duration::from_millis(500))
    } else {
        (7, 200, IDLE)
    };
    let mut figures = Vec::new();

    // A first start warms the page cache; it is not counted.
    start_once(s)?;
    let mut times = Vec::new();
    for _ in 0..starts {
        times.push(start_once(s)?);
    }
    let median = percentile(&times, 50.0).unwrap_or_default();
    let worst = times.iter().max().copied().unwrap_or_default();
    figures.push(
        Figure::new("start → first complete frame (median)", ms(median), "ms")
            .budget(BUDGET_START_MS)
            .note(format!("{} starts, worst {:.1} ms", times.len(), ms(worst))),
    );

    let mut all_times = Vec::new();
    let mut all_bytes = Vec::new();
    let mut per_list = Vec::new();
    for (lang_name, lang) in LANGS {
        for m in moves(s, lang, presses)? {
            if m.times.is_empty() {
                // A list of one row (the bodies of a tiny database): nothing to move.
                report.push_str(&format!(
                    "  note: {lang_name} {}: the cursor could not move (one row?)\n",
                    m.list
                ));
                continue;
            }
            all_times.extend(&m.times);
            all_bytes.extend(&m.bytes);
            per_list.push(
                Figure::new(
                    format!(
                        "  {lang_name} {}: p99 (median {:.2})",
                        m.list,
                        ms(percentile(&m.times, 50.0).unwrap_or_default())
                    ),
                    ms(percentile(&m.times, 99.0).unwrap_or_default()),
                    "ms",
                )
                .budget(BUDGET_KEY_P99_MS)
                .note(format!(
                    "{} moves, bytes median {} max {}",
                    m.times.len(),
                    percentile(&m.bytes, 50.0).unwrap_or(0),
                    m.bytes.iter().max().copied().unwrap_or(0)
                )),
            );
        }
    }
    if all_times.is_empty() {
        return Err("no cursor move drew anything in any list".into());
    }
    figures.push(
        Figure::new(
            "keypress → frame, every list, p99",
            ms(percentile(&all_times, 99.0).unwrap_or_default()),
            "ms",
        )
        .budget(BUDGET_KEY_P99_MS)
        .note(format!(
            "{} moves, median {:.2} ms, worst {:.2} ms",
            all_times.len(),
            ms(percentile(&all_times, 50.0).unwrap_or_default()),
            ms(all_times.iter().max().copied().unwrap_or_default())
        )),
    );
    let mean = all_bytes.iter().sum::<usize>() as f64 / all_bytes.len().max(1) as f64;
    figures.push(
        Figure::new(
            "bytes per cursor move, median",
            percentile(&all_bytes, 50.0).unwrap_or(0) as f64,
            "B",
        )
        .budget(BUDGET_BYTES_PER_MOVE)
        .note(format!("mean {mean:.0}")),
    );
    figures.push(
        Figure::new(
            "bytes per cursor move, p99",
            percentile(&all_bytes, 99.0).unwrap_or(0) as f64,
            "B",
        )
        .budget(BUDGET_BYTES_PER_MOVE)
        .note(format!(
            "max {} (a move that scrolls or changes the panes beside)",
            all_bytes.iter().max().copied().unwrap_or(0)
        )),
    );
    figures.extend(per_list);

    let (idle_bytes, rss_mb) = idle_and_memory(s, idle)?;
    figures.push(
        Figure::new(
            "bytes per second while idle",
            idle_bytes as f64 / idle.as_secs_f64(),
            "B/s",
        )
        .budget(BUDGET_IDLE_BYTES_PER_S)
        .note(format!("{idle_bytes} bytes in {:.1} s", idle.as_secs_f64())),
    );
    figures.push(
        Figure::new("peak resident memory after browsing", rss_mb, "MB")
            .budget(BUDGET_RSS_MB)
            .note(format!("VmHWM, {} keys of browsing", BROWSE.len())),
    );
    report.push_str(&common::table("figures", &figures));
    Ok((report, figures))
}

#[allow(dead_code)]
fn main() {
    common::main_of("tui_pty", run);
}
