//! Robustness with real processes and real files: many writers at once on one database,
//! writers killed with SIGKILL at random moments, a full disk, a read-only connection,
//! and hostile stored text in listings not covered by tests/cli.rs.
//!
//! Every spawned command gets `SHURA_CONFIG=/nonexistent`, `LANG=C` and
//! `SHURA_TODAY=2026-11-22`, and its own temporary directory.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use rusqlite::Connection;
use tempfile::TempDir;

const TODAY: &str = "2026-11-22";

/// One test's world: a temporary directory with the database in it.
struct World {
    dir: TempDir,
    db: PathBuf,
}

impl World {
    fn new() -> World {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("council.db");
        World { dir, db }
    }

    /// The binary with a clean, reproducible environment.
    fn cmd(&self, args: &[&str]) -> Command {
        let home = self.dir.path();
        let mut c = Command::new(env!("CARGO_BIN_EXE_shura"));
        c.args(args)
            .env("SHURA_DB", &self.db)
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
            .stdin(Stdio::null());
        c
    }

    fn run(&self, args: &[&str]) -> Output {
        self.cmd(args).output().expect("run shura")
    }

    /// Runs and expects success with nothing on stderr; returns stdout.
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success() && out.stderr.is_empty(),
            "shura {args:?} failed ({:?}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("stdout is UTF-8")
    }

    fn integrity_check(&self) {
        let conn = Connection::open(&self.db).expect("open the database with rusqlite");
        let rows: Vec<String> = conn
            .prepare("PRAGMA integrity_check")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(rows, vec!["ok".to_string()], "integrity_check");
    }

    fn audit_verify(&self) {
        let out = self.ok(&["audit", "verify"]);
        assert!(out.contains("intact"), "audit verify: {out}");
    }

    fn task_titles(&self) -> Vec<String> {
        let conn = Connection::open(&self.db).unwrap();
        let titles = conn
            .prepare("SELECT title FROM task ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        titles
    }
}

/// A small xorshift generator, seeded from the clock (the seed is printed so a failing
/// run can be repeated with `SHURA_TEST_SEED`).
struct Rng(u64);

impl Rng {
    fn from_env_or_clock() -> Rng {
        let seed = std::env::var("SHURA_TEST_SEED")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| {
                std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos() as u64
            })
            | 1;
        eprintln!("random seed: {seed} (set SHURA_TEST_SEED to repeat)");
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

// ----- 1. Many writers at once -----

const WRITERS: usize = 32;
const WRITES_EACH: usize = 30;
const READERS: usize = 4;

#[test]
fn thirty_two_writers_at_once_all_succeed_and_nothing_is_lost() {
    let w = Arc::new(World::new());
    w.ok(&["init"]);
    w.ok(&["body", "add", "B", "--kind", "committee"]);

    // 32 lanes start together; each runs its writes one after another, so 32 shura
    // processes compete for the write lock the whole time.
    // Four readers list, search and verify the audit chain the whole time; they must
    // never fail or see a broken chain while the writers append to it.
    let barrier = Arc::new(Barrier::new(WRITERS + READERS));
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let readers: Vec<_> = (0..READERS)
        .map(|r| {
            let w = Arc::clone(&w);
            let barrier = Arc::clone(&barrier);
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                barrier.wait();
                let mut runs = Vec::new();
                let listing: &[&str] = match r % 4 {
                    0 => &["audit", "verify"],
                    1 => &["task", "list", "--json"],
                    2 => &["search", "t-1"],
                    _ => &["audit", "log"],
                };
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    let out = w.run(listing);
                    if !out.status.success() || !out.stderr.is_empty() {
                        runs.push(format!(
                            "reader {listing:?}: {:?}: {}{}",
                            out.status,
                            String::from_utf8_lossy(&out.stdout),
                            String::from_utf8_lossy(&out.stderr)
                        ));
                    }
                }
                runs
            })
        })
        .collect();
    let started = Instant::now();
    let lanes: Vec<_> = (0..WRITERS)
        .map(|p| {
            let w = Arc::clone(&w);
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                barrier.wait();
                let mut results = Vec::new();
                for i in 0..WRITES_EACH {
                    let title = format!("t-{p}-{i}");
                    let t0 = Instant::now();
                    let out = w.run(&["task", "add", &title, "--body", "1"]);
                    results.push((title, t0.elapsed(), out));
                }
                results
            })
        })
        .collect();
    let mut longest = (Duration::ZERO, String::new());
    let mut failures = Vec::new();
    for lane in lanes {
        for (title, took, out) in lane.join().expect("lane thread") {
            if took > longest.0 {
                longest = (took, title.clone());
            }
            if !out.status.success() || !out.stderr.is_empty() {
                failures.push(format!(
                    "{title}: {:?} after {took:?}: {}",
                    out.status,
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
        }
    }
    let elapsed = started.elapsed();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for r in readers {
        failures.extend(r.join().expect("reader thread"));
    }
    let total = WRITERS * WRITES_EACH;
    eprintln!(
        "{WRITERS} writers x {WRITES_EACH} writes: {total} writes in {elapsed:.2?} = {:.0} writes/s; \
         longest single command {:.2?} ({})",
        total as f64 / elapsed.as_secs_f64(),
        longest.0,
        longest.1
    );
    assert!(
        longest.0 < shura::store::WRITE_PATIENCE / 2,
        "a writer waited {:?}: close to giving up",
        longest.0
    );
    assert!(
        failures.is_empty(),
        "{} runs of {total} writes (and the readers) failed or printed to stderr:\n{}",
        failures.len(),
        failures.join("\n")
    );

    let titles = w.task_titles();
    assert_eq!(titles.len(), total, "tasks stored");
    let stored: BTreeSet<&str> = titles.iter().map(String::as_str).collect();
    assert_eq!(stored.len(), total, "no title stored twice");
    for p in 0..WRITERS {
        for i in 0..WRITES_EACH {
            let t = format!("t-{p}-{i}");
            assert!(stored.contains(t.as_str()), "task {t} is missing");
        }
    }
    w.integrity_check();
    w.audit_verify();
}

// ----- 2. Writers killed with SIGKILL -----

const KILLS: usize = 50;

/// The longest of three runs of `f`, times 1.5, and at least 30 ms.
fn calibrate(mut f: impl FnMut()) -> Duration {
    let longest = (0..3)
        .map(|_| {
            let t0 = Instant::now();
            f();
            t0.elapsed()
        })
        .max()
        .unwrap();
    (longest * 3 / 2).max(Duration::from_millis(30))
}

/// Whether the process ended on its own with exit code 0.
fn finished_ok(status: &std::process::ExitStatus) -> bool {
    status.code() == Some(0)
}

#[test]
fn writers_killed_at_random_moments_leave_an_intact_database() {
    let w = World::new();
    w.ok(&["init"]);
    w.ok(&["body", "add", "B", "--kind", "committee"]);
    w.ok(&["session", "add", "--body", "1", "--date", "2026-11-20"]);
    w.ok(&["agenda", "add", "--session", "1", "Item"]);
    let big = w.dir.path().join("big.txt");

    // Kill moments spread over 0..max(30 ms, 1.5 x how long one write takes here), so
    // that some writes finish and most are cut at different points.
    let window = calibrate(|| {
        w.ok(&["minutes", "set", "--item", "1", "calibration"]);
    });
    eprintln!("kill window: 0..{window:?}");
    let mut rng = Rng::from_env_or_clock();
    let mut confirmed_tasks = Vec::new();
    let mut confirmed_minutes: Option<String> = None;
    let (mut done_before_kill, mut killed) = (0, 0);
    for i in 0..KILLS {
        // Even rounds add a task; odd rounds replace the minutes with a large text.
        let (mut child, minutes) = if i % 2 == 0 {
            let title = format!("k-{i}");
            let child = w
                .cmd(&["task", "add", &title, "--body", "1"])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn");
            confirmed_tasks.push((title, false));
            (child, None)
        } else {
            let text = format!("round {i} ") + &"minutes-text.".repeat(15_000);
            std::fs::write(&big, &text).unwrap();
            let child = w
                .cmd(&["minutes", "set", "--item", "1", "--file"])
                .arg(&big)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn");
            (child, Some(text))
        };
        let delay = Duration::from_micros(rng.below(window.as_micros() as u64));
        std::thread::sleep(delay);
        let before_kill = child.try_wait().expect("try_wait");
        if before_kill.is_none() {
            // Child::kill sends SIGKILL on Unix.
            let _ = child.kill();
        }
        let out = child.wait_with_output().expect("wait");
        let ok = finished_ok(&out.status);
        if ok {
            done_before_kill += 1;
            assert!(
                out.stderr.is_empty(),
                "round {i} succeeded but printed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
            match minutes {
                Some(text) => confirmed_minutes = Some(text),
                None => confirmed_tasks.last_mut().unwrap().1 = true,
            }
        } else {
            use std::os::unix::process::ExitStatusExt;
            assert_eq!(
                out.status.signal(),
                Some(libc::SIGKILL),
                "round {i} ended neither by success nor by our SIGKILL: {:?} {}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            );
            killed += 1;
        }
        // Every write reported done is there (the next process recovers the WAL).
        if ok {
            let conn = Connection::open(&w.db).unwrap();
            match &confirmed_minutes {
                Some(text) if i % 2 == 1 => {
                    let stored: String = conn
                        .query_row("SELECT minutes FROM agenda_item WHERE id = 1", [], |r| {
                            r.get(0)
                        })
                        .unwrap();
                    assert_eq!(&stored, text, "round {i}: confirmed minutes");
                }
                _ => {
                    let title = &confirmed_tasks.last().unwrap().0;
                    let n: i64 = conn
                        .query_row("SELECT count(*) FROM task WHERE title = ?1", [title], |r| {
                            r.get(0)
                        })
                        .unwrap();
                    assert_eq!(n, 1, "round {i}: confirmed task {title}");
                }
            }
        }
    }
    eprintln!(
        "SIGKILL rounds: {KILLS}; finished before the kill: {done_before_kill}; killed: {killed}"
    );

    // Afterwards: every confirmed task exactly once, none twice, the minutes either the
    // last confirmed text or a later complete one, never a torn mix.
    let titles = w.task_titles();
    let stored: BTreeSet<&str> = titles.iter().map(String::as_str).collect();
    assert_eq!(
        stored.len(),
        titles.len(),
        "a task stored twice: {titles:?}"
    );
    for (title, confirmed) in &confirmed_tasks {
        if *confirmed {
            assert!(
                stored.contains(title.as_str()),
                "confirmed task {title} lost"
            );
        }
    }
    let conn = Connection::open(&w.db).unwrap();
    let minutes: Option<String> = conn
        .query_row("SELECT minutes FROM agenda_item WHERE id = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    if let Some(m) = &minutes {
        assert!(
            m == "calibration"
                || (m.starts_with("round ") && m.ends_with(&"minutes-text.".repeat(15_000))),
            "torn minutes ({} bytes)",
            m.len()
        );
    }
    if confirmed_minutes.is_some() {
        assert!(minutes.is_some(), "confirmed minutes lost");
    }
    drop(conn);
    w.integrity_check();
    w.audit_verify();
    // And the database still takes writes.
    w.ok(&["task", "add", "after", "--body", "1"]);
    w.audit_verify();
}

/// `shura init` killed at random moments on a missing file: whatever it left (nothing, an
/// empty file, a WAL, a half-done migration) is completed by the next command.
#[test]
fn init_killed_at_random_moments_leaves_a_usable_file() {
    let mut rng = Rng::from_env_or_clock();
    let window = calibrate(|| {
        World::new().ok(&["init"]);
    });
    let (mut finished, mut killed) = (0, 0);
    for round in 0..12 {
        let w = World::new();
        let mut child = w
            .cmd(&["init"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_micros(rng.below(window.as_micros() as u64)));
        if child.try_wait().unwrap().is_none() {
            let _ = child.kill();
        }
        if child.wait().unwrap().success() {
            finished += 1;
        } else {
            killed += 1;
        }
        let out = w.run(&["body", "add", "B"]);
        assert!(
            out.status.success() && out.stderr.is_empty(),
            "round {round}: after a killed init: {:?} {}",
            out.status,
            String::from_utf8_lossy(&out.stderr)
        );
        w.integrity_check();
        w.audit_verify();
    }
    eprintln!("killed init: {killed} killed, {finished} finished first");
}

// ----- 3. Disk full and read-only -----

fn store_at(db: &Path) -> shura::store::Store {
    shura::store::Store::open(db, shura::identity::Actor::current()).expect("Store::open")
}

fn scalar_i64(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

fn minutes_of(conn: &Connection, item: i64) -> (Option<String>, i64) {
    conn.query_row(
        "SELECT minutes, version FROM agenda_item WHERE id = ?1",
        [item],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .unwrap()
}

/// A world with a body, a session, an agenda item with minutes and a task.
fn filled_world() -> (World, i64) {
    let w = World::new();
    w.ok(&["init"]);
    w.ok(&["body", "add", "B", "--kind", "committee"]);
    w.ok(&["session", "add", "--body", "1", "--date", "2026-11-20"]);
    w.ok(&["agenda", "add", "--session", "1", "Item"]);
    w.ok(&["minutes", "set", "--item", "1", "first minutes"]);
    w.ok(&["task", "add", "before", "--body", "1"]);
    (w, 1)
}

#[test]
fn a_full_disk_saves_nothing_says_so_and_later_writes_work() {
    let (w, item) = filled_world();
    let mut store = store_at(&w.db);
    let pages = scalar_i64(store.raw_connection_for_tests(), "PRAGMA page_count");
    store
        .raw_connection_for_tests()
        .execute_batch(&format!("PRAGMA max_page_count = {}", pages + 2))
        .unwrap();
    let audit_before = scalar_i64(
        store.raw_connection_for_tests(),
        "SELECT count(*) FROM audit",
    );
    let before = minutes_of(store.raw_connection_for_tests(), item);

    let err = store
        .set_minutes(item, &"x".repeat(200_000), None)
        .expect_err("200,000 characters cannot fit in two more pages");
    let msg = err.to_string();
    eprintln!("disk full: {msg}");
    assert!(msg.contains("full"), "does not say the disk is full: {msg}");
    assert!(
        msg.contains("nothing was saved"),
        "does not say nothing was saved: {msg}"
    );
    assert!(!err.is_user_error(), "a full disk is not the user's input");

    // Nothing changed, on this connection and on a fresh one.
    assert_eq!(minutes_of(store.raw_connection_for_tests(), item), before);
    assert_eq!(
        scalar_i64(
            store.raw_connection_for_tests(),
            "SELECT count(*) FROM audit"
        ),
        audit_before
    );
    assert_eq!(before.0.as_deref(), Some("first minutes"));
    let other = Connection::open(&w.db).unwrap();
    assert_eq!(minutes_of(&other, item), before);
    drop(other);
    assert_eq!(w.task_titles(), vec!["before".to_string()]);
    let shown = w.ok(&["session", "show", "1"]);
    assert!(shown.contains("first minutes"), "{shown}");

    // With room again, a small write works on the same connection.
    store
        .raw_connection_for_tests()
        .execute_batch("PRAGMA max_page_count = 1073741823")
        .unwrap();
    store.set_minutes(item, "second minutes", None).unwrap();
    assert_eq!(
        minutes_of(store.raw_connection_for_tests(), item)
            .0
            .as_deref(),
        Some("second minutes")
    );
    drop(store);
    w.integrity_check();
    w.audit_verify();
    w.ok(&["task", "add", "after", "--body", "1"]);
}

/// A real process whose writes hit a file-size limit (RLIMIT_FSIZE, with SIGXFSZ
/// ignored, so write(2) fails with EFBIG as on a quota or full file system): the command
/// fails with exit 1 and one message, nothing is saved, and the next command works.
/// SQLite reports EFBIG as an I/O error (only ENOSPC becomes SQLITE_FULL), so the
/// message is not asserted to say "full"; it is printed.
#[test]
fn a_write_past_the_file_size_limit_fails_cleanly_and_saves_nothing() {
    use std::os::unix::process::CommandExt;
    let (w, _) = filled_world();
    let big = w.dir.path().join("big.txt");
    std::fs::write(&big, "y".repeat(199_000)).unwrap();
    let audit_before = w.ok(&["audit", "verify"]);
    let limit = std::fs::metadata(&w.db).unwrap().len() + 64 * 1024;
    let mut cmd = w.cmd(&["minutes", "set", "--item", "1", "--file"]);
    cmd.arg(&big);
    // SAFETY: setrlimit and signal are async-signal-safe; nothing else runs here.
    unsafe {
        cmd.pre_exec(move || {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let lim = libc::rlimit {
                rlim_cur: limit as libc::rlim_t,
                rlim_max: limit as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
    let out = cmd.output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    eprintln!("write past the file-size limit: {:?}: {err}", out.status);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one message: {err}");
    assert!(out.stdout.is_empty(), "nothing reported saved");
    assert_eq!(find_dangerous(&out.stderr), None);
    let conn = Connection::open(&w.db).unwrap();
    assert_eq!(
        minutes_of(&conn, 1).0.as_deref(),
        Some("first minutes"),
        "the old minutes are kept"
    );
    drop(conn);
    w.integrity_check();
    assert_eq!(
        w.ok(&["audit", "verify"]),
        audit_before,
        "no audit entry added"
    );
    w.ok(&[
        "minutes",
        "set",
        "--item",
        "1",
        "--file",
        big.to_str().unwrap(),
    ]);
    w.audit_verify();
}

/// Tests run as root here, where file permissions do not stop writes, and `Store::open`
/// takes a path (a `file:...?mode=ro` URI would make it create a directory named after
/// the URI). So read-only is reached with `PRAGMA query_only`, which makes SQLite refuse
/// writes with the same SQLITE_READONLY code a read-only file gives.
#[test]
fn a_read_only_database_saves_nothing_and_says_so() {
    let (w, item) = filled_world();
    let mut store = store_at(&w.db);
    store
        .raw_connection_for_tests()
        .execute_batch("PRAGMA query_only = ON")
        .unwrap();
    let before = minutes_of(store.raw_connection_for_tests(), item);
    let err = store
        .set_minutes(item, "changed", None)
        .expect_err("a read-only connection cannot write");
    let msg = err.to_string();
    eprintln!("read-only: {msg}");
    assert!(msg.contains("read-only"), "{msg}");
    assert!(msg.contains("nothing was saved"), "{msg}");
    assert_eq!(minutes_of(store.raw_connection_for_tests(), item), before);
    store
        .raw_connection_for_tests()
        .execute_batch("PRAGMA query_only = OFF")
        .unwrap();
    store.set_minutes(item, "changed", None).unwrap();
    drop(store);
    w.integrity_check();
    w.audit_verify();
}

// ----- 4. Hostile stored text in listings tests/cli.rs does not cover -----

const HOSTILE: &[&str] = &[
    "clear \x1b[2J screen",
    "clip \x1b]52;c;SGVsbG8=\x07 board",
    "c1 \u{9b}31m red",
    "rlo \u{202e}gpj.exe",
];

/// Byte sequences that must never reach a terminal from shura's own rendering.
fn find_dangerous(bytes: &[u8]) -> Option<&'static str> {
    if bytes.contains(&0x1b) {
        return Some("ESC (0x1b)");
    }
    if bytes.contains(&0x07) {
        return Some("BEL (0x07)");
    }
    if bytes.windows(2).any(|w| w == [0xc2, 0x9b]) {
        return Some("C1 CSI (U+009B)");
    }
    if bytes.windows(3).any(|w| w == [0xe2, 0x80, 0xae]) {
        return Some("RIGHT-TO-LEFT OVERRIDE (U+202E)");
    }
    None
}

/// tests/cli.rs checks every listing in English with `--bidi app` (the default), plus
/// three in Persian and one with `--bidi terminal`. Here: every listing in the other
/// modes (`--bidi off`, `--bidi terminal`, Persian with either calendar), all hostile
/// strings in one database at once (names, places, presenters, minutes, resolution
/// text, task titles, units, notes, guests), and messages that quote stored names.
#[test]
fn hostile_text_never_reaches_the_terminal_in_any_display_mode() {
    let w = World::new();
    w.ok(&["init"]);
    let all = HOSTILE.join(" | ");
    for (n, text) in HOSTILE.iter().enumerate() {
        let body = (n + 1).to_string();
        w.ok(&["body", "add", text, "--template-item", text]);
        w.ok(&["person", "add", text, "--organization", text]);
        w.ok(&["member", "add", "--body", &body, "--person", &body]);
        w.ok(&[
            "session",
            "add",
            "--body",
            &body,
            "--date",
            "2026-11-20",
            "--place",
            text,
        ]);
    }
    // Session 1 (body 1) gets everything else.
    w.ok(&["agenda", "add", "--session", "1", &all, "--presenter", &all]);
    let item: i64 = Connection::open(&w.db)
        .unwrap()
        .query_row("SELECT max(id) FROM agenda_item", [], |r| r.get(0))
        .unwrap();
    let item = item.to_string();
    w.ok(&["minutes", "set", "--item", &item, &format!("{all}\n{all}")]);
    w.ok(&["attend", "--session", "1", "1", "present"]);
    w.ok(&[
        "guest",
        "add",
        "--session",
        "1",
        &all,
        "--organization",
        &all,
    ]);
    w.ok(&[
        "resolution",
        "add",
        "--session",
        "1",
        "--item",
        &item,
        &all,
        "--owner",
        &all,
        "--due",
        "2026-11-01",
    ]);
    w.ok(&[
        "task",
        "add",
        &all,
        "--resolution",
        "1",
        "--unit",
        &all,
        "--description",
        &all,
        "--due",
        "2026-11-01",
    ]);
    w.ok(&["task", "update", "1", "--note", &all, "--percent", "5"]);

    let listings: &[&[&str]] = &[
        &["body", "list"],
        &["person", "list"],
        &["member", "list"],
        &["member", "list", "--body", HOSTILE[0]],
        &["session", "list"],
        &["session", "list", "--body", HOSTILE[1]],
        &["session", "show", "1"],
        &["session", "show", "2"],
        &["agenda", "list", "1"],
        &["resolution", "list"],
        &["resolution", "list", "--overdue"],
        &["resolution", "show", "1"],
        &["task", "list"],
        &["task", "list", "--overdue"],
        &["task", "list", "--assignee", &all],
        &["search", "screen board red exe"],
        &["search", &all],
        &["search", "gpj", "--body", HOSTILE[0]],
        &["export", "minutes", "1"],
        &["export", "minutes", "1", "--format", "html"],
        &["audit", "log"],
        &["audit", "log", "--entity", "task", "--id", "1"],
        &["cal", "2026-11"],
        &["cal", "2026-11", "--body", HOSTILE[2]],
        &["whoami"],
    ];
    let modes: &[&[&str]] = &[
        &["--bidi", "off"],
        &["--bidi", "terminal"],
        &["--lang", "fa"],
        &["--lang", "fa", "--calendar", "gregorian", "--bidi", "off"],
        &["--lang", "en", "--calendar", "jalali"],
    ];
    let mut bad = Vec::new();
    for mode in modes {
        for listing in listings {
            let args: Vec<&str> = mode.iter().chain(listing.iter()).copied().collect();
            let out = w.run(&args);
            if !out.status.success() {
                bad.push(format!(
                    "{args:?} exited {:?}: {}",
                    out.status,
                    String::from_utf8_lossy(&out.stderr)
                ));
            }
            for (stream, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
                if let Some(found) = find_dangerous(bytes) {
                    bad.push(format!(
                        "{stream} of {args:?} holds {found}: {:?}",
                        String::from_utf8_lossy(bytes)
                    ));
                }
            }
        }
    }
    // Messages that quote a stored name: a duplicate, a refused change.
    for args in [
        &["body", "add", HOSTILE[0]][..],
        &["member", "add", "--body", "1", "--person", "1"],
        &[
            "--lang", "fa", "member", "add", "--body", "1", "--person", "1",
        ],
        &["--bidi", "off", "body", "add", HOSTILE[3]],
    ] {
        let out = w.run(args);
        if let Some(found) = find_dangerous(&out.stderr) {
            bad.push(format!(
                "stderr of {args:?} holds {found}: {:?}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    w.audit_verify();
}

// ----- More contention: numbering, a fresh file, a long-held lock, kills among writers -----

/// Runs `lanes` threads that start together; lane `p` runs `make(p, i)` for i in
/// 0..`each`, one process after another. Returns (args, wall time, output) per run.
fn run_lanes(
    w: &Arc<World>,
    lanes: usize,
    each: usize,
    make: fn(usize, usize) -> Vec<String>,
) -> Vec<(Vec<String>, Duration, Output)> {
    let barrier = Arc::new(Barrier::new(lanes));
    let handles: Vec<_> = (0..lanes)
        .map(|p| {
            let w = Arc::clone(w);
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                barrier.wait();
                (0..each)
                    .map(|i| {
                        let args = make(p, i);
                        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
                        let t0 = Instant::now();
                        let out = w.run(&refs);
                        (args, t0.elapsed(), out)
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    handles
        .into_iter()
        .flat_map(|h| h.join().expect("lane thread"))
        .collect()
}

fn assert_all_ok(runs: &[(Vec<String>, Duration, Output)]) {
    let failures: Vec<String> = runs
        .iter()
        .filter(|(_, _, out)| !out.status.success() || !out.stderr.is_empty())
        .map(|(args, took, out)| {
            format!(
                "{args:?}: {:?} after {took:?}: {}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            )
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} runs failed or printed to stderr:\n{}",
        failures.len(),
        runs.len(),
        failures.join("\n")
    );
}

#[test]
fn concurrent_sessions_and_resolutions_get_distinct_consecutive_numbers() {
    let w = Arc::new(World::new());
    w.ok(&["init"]);
    w.ok(&["body", "add", "B", "--resolution-format", "R-{seq}"]);
    const LANES: usize = 12;
    const EACH: usize = 4;
    let runs = run_lanes(&w, LANES, EACH, |p, i| {
        if i % 2 == 0 {
            vec![
                "session".into(),
                "add".into(),
                "--body".into(),
                "1".into(),
                "--date".into(),
                format!("2026-12-{:02}", 1 + (p + i) % 28),
            ]
        } else {
            vec![
                "resolution".into(),
                "add".into(),
                "--body".into(),
                "1".into(),
                format!("r-{p}-{i}"),
            ]
        }
    });
    assert_all_ok(&runs);
    let conn = Connection::open(&w.db).unwrap();
    let column = |sql: &str| -> Vec<String> {
        let mut stmt = conn.prepare(sql).unwrap();
        let v = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<Vec<String>>>()
            .unwrap();
        v
    };
    let n = LANES * EACH / 2;
    let sessions = column("SELECT CAST(number AS TEXT) FROM session ORDER BY number");
    let expected: Vec<String> = (1..=n).map(|k| k.to_string()).collect();
    assert_eq!(sessions, expected, "session numbers");
    let numbers = column("SELECT number FROM resolution ORDER BY seq");
    let expected: Vec<String> = (1..=n).map(|k| format!("R-{k}")).collect();
    assert_eq!(numbers, expected, "resolution numbers");
    drop(conn);
    w.integrity_check();
    w.audit_verify();
}

/// Sixteen processes are the first to use a database at once: a missing file (even
/// rounds) or a shura database left in rollback-journal mode, e.g. restored from a copy
/// (odd rounds). Each command must succeed: the file is created, switched to WAL and
/// migrated once.
///
/// Bug: `Store::configure` runs `PRAGMA journal_mode = WAL` outside `Store::write`'s
/// retry loop. Switching to WAL needs an exclusive lock; when several connections race
/// for it, SQLite answers SQLITE_BUSY at once (its lock-upgrade deadlock avoidance does
/// not call the busy handler), so a few commands in a few hundred fail within
/// milliseconds with exit 1 and "the database stayed busy with other writers for too
/// long: nothing was saved" (which is also untrue: they did not wait).
#[test]

fn first_users_of_a_new_or_rollback_mode_file_all_succeed() {
    let mut runs = Vec::new();
    for round in 0..30 {
        let w = Arc::new(World::new());
        if round % 2 == 1 {
            w.ok(&["init"]);
            let conn = Connection::open(&w.db).unwrap();
            let mode: String = conn
                .query_row("PRAGMA journal_mode = DELETE", [], |r| r.get(0))
                .unwrap();
            assert_eq!(mode, "delete");
        }
        runs.extend(run_lanes(&w, 32, 1, |p, _| {
            vec!["body".into(), "add".into(), format!("b{p}")]
        }));
        let conn = Connection::open(&w.db).unwrap();
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal", "round {round}");
        assert_eq!(
            scalar_i64(&conn, "SELECT count(*) FROM audit WHERE action = 'migrate'"),
            scalar_i64(&conn, "PRAGMA user_version"),
            "round {round}: each migration step recorded once"
        );
        drop(conn);
        w.integrity_check();
        w.audit_verify();
    }
    assert_all_ok(&runs);
}

/// The passing part of the above: once the file is in WAL mode (as `shura init` leaves
/// it), sixteen first writers at once migrate nothing twice and all succeed.
#[test]
fn sixteen_writers_at_once_on_a_fresh_wal_database() {
    let w = Arc::new(World::new());
    w.ok(&["init"]);
    let runs = run_lanes(&w, 16, 2, |p, i| {
        vec!["body".into(), "add".into(), format!("b{p}-{i}")]
    });
    assert_all_ok(&runs);
    let conn = Connection::open(&w.db).unwrap();
    assert_eq!(scalar_i64(&conn, "SELECT count(*) FROM body"), 32);
    assert_eq!(
        scalar_i64(&conn, "SELECT count(*) FROM audit WHERE action = 'migrate'"),
        scalar_i64(&conn, "PRAGMA user_version"),
        "each migration step recorded once"
    );
    drop(conn);
    w.integrity_check();
    w.audit_verify();
}

/// Two secretaries add the same new person to different bodies at the same moment with
/// `member add --name`, which "creates the person when needed". Run one after another,
/// this makes one person with eight memberships. Run at once, `member add` looks the
/// name up in one transaction and creates the person in another, so several processes
/// each create their own "Sara Ahmadi"; afterwards every command that names her fails
/// with "person \"Sara Ahmadi\" is ambiguous".
#[test]

fn concurrent_member_add_with_a_new_name_creates_one_person() {
    let w = Arc::new(World::new());
    w.ok(&["init"]);
    const BODIES: usize = 8;
    for k in 1..=BODIES {
        w.ok(&["body", "add", &format!("B{k}")]);
    }
    let runs = run_lanes(&w, BODIES, 1, |p, _| {
        [
            "member",
            "add",
            "--body",
            &(p + 1).to_string(),
            "--name",
            "Sara Ahmadi",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    });
    assert_all_ok(&runs);
    let conn = Connection::open(&w.db).unwrap();
    let people = scalar_i64(
        &conn,
        "SELECT count(*) FROM person WHERE name_en = 'Sara Ahmadi' OR name_fa = 'Sara Ahmadi'",
    );
    let memberships = scalar_i64(&conn, "SELECT count(*) FROM membership");
    drop(conn);
    assert_eq!(memberships, BODIES as i64);
    assert_eq!(people, 1, "one person, not one per concurrent command");
    w.ok(&["member", "list", "--body", "1"]);
    w.ok(&[
        "task",
        "add",
        "x",
        "--body",
        "1",
        "--assignee",
        "Sara Ahmadi",
    ]);
}

/// Minutes written while the chair approves: each write either lands before the
/// approval (and is covered by the recorded chain head) or is refused with exit 2;
/// none lands after it.
#[test]
fn minutes_racing_an_approval_land_before_it_or_are_refused() {
    let w = Arc::new(World::new());
    w.ok(&["init"]);
    w.ok(&["body", "add", "B"]);
    w.ok(&["session", "add", "--body", "1", "--date", "2026-11-20"]);
    w.ok(&["agenda", "add", "--session", "1", "Item"]);
    w.ok(&["session", "open", "1"]);
    w.ok(&["session", "close", "1"]);
    let approver = {
        let w = Arc::clone(&w);
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(120));
            w.run(&["session", "approve", "1"])
        })
    };
    let runs = run_lanes(&w, 6, 8, |p, i| {
        vec![
            "minutes".into(),
            "set".into(),
            "--item".into(),
            "1".into(),
            format!("m-{p}-{i}"),
        ]
    });
    let approved = approver.join().unwrap();
    assert!(
        approved.status.success() && approved.stderr.is_empty(),
        "approve: {}",
        String::from_utf8_lossy(&approved.stderr)
    );
    let (mut saved, mut refused) = (Vec::new(), 0);
    for (args, _, out) in &runs {
        let err = String::from_utf8_lossy(&out.stderr);
        match out.status.code() {
            Some(0) => {
                assert!(err.is_empty(), "{args:?}: {err}");
                saved.push(args[4].clone());
            }
            Some(2) => {
                assert!(err.contains("approved"), "{args:?}: {err}");
                refused += 1;
            }
            other => panic!("{args:?}: exit {other:?}: {err}"),
        }
    }
    eprintln!(
        "minutes vs approval: {} saved before, {refused} refused after",
        saved.len()
    );
    let conn = Connection::open(&w.db).unwrap();
    let approval: i64 = conn
        .query_row(
            "SELECT max(id) FROM audit WHERE entity = 'session' AND after LIKE '%approved_by%' AND after LIKE '%\"approved\"%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let late = scalar_i64(
        &conn,
        &format!("SELECT count(*) FROM audit WHERE entity = 'agenda_item' AND id > {approval}"),
    );
    assert_eq!(late, 0, "minutes changed after the approval");
    let (minutes, _) = minutes_of(&conn, 1);
    match &minutes {
        Some(m) => assert!(
            saved.contains(m),
            "stored minutes {m:?} were never reported saved"
        ),
        None => assert!(saved.is_empty(), "saved minutes lost"),
    }
    let head: String = conn
        .query_row(
            "SELECT hash FROM audit WHERE id = ?1 - 1",
            [approval],
            |r| r.get(0),
        )
        .unwrap();
    let recorded: String = conn
        .query_row(
            "SELECT approved_audit_head FROM session WHERE id = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        recorded, head,
        "the approval records the chain head before it"
    );
    drop(conn);
    w.integrity_check();
    w.audit_verify();
}

/// Another program holds the write lock longer than SQLite's busy timeout (5 s): the
/// writer keeps retrying (WRITE_PATIENCE is 60 s) and succeeds once it is released.
#[test]
fn a_writer_outwaits_a_lock_held_past_the_busy_timeout() {
    let w = World::new();
    w.ok(&["init"]);
    w.ok(&["body", "add", "B"]);
    let holder = Connection::open(&w.db).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let t0 = Instant::now();
    let child = w
        .cmd(&["task", "add", "waited", "--body", "1"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let held = shura::store::BUSY_TIMEOUT + Duration::from_millis(1500);
    std::thread::sleep(held);
    holder.execute_batch("COMMIT").unwrap();
    let out = child.wait_with_output().unwrap();
    let took = t0.elapsed();
    eprintln!("writer waited {took:.2?} for a lock held {held:.2?}");
    assert!(
        out.status.success() && out.stderr.is_empty(),
        "{:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        took >= held,
        "it cannot have written while the lock was held"
    );
    assert_eq!(w.task_titles(), vec!["waited".to_string()]);
    w.audit_verify();
}

/// Writers killed with SIGKILL while others wait on the lock they may hold: the others
/// still all succeed, and everything reported saved is there.
#[test]
fn killing_writers_does_not_block_or_break_the_others() {
    let w = Arc::new(World::new());
    w.ok(&["init"]);
    w.ok(&["body", "add", "B"]);
    const LANES: usize = 8;
    const EACH: usize = 12;
    let seed = Rng::from_env_or_clock().next();
    let barrier = Arc::new(Barrier::new(LANES));
    let handles: Vec<_> = (0..LANES)
        .map(|p| {
            let w = Arc::clone(&w);
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                let mut rng = Rng((seed ^ (p as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15)) | 1);
                barrier.wait();
                let mut out = Vec::new();
                for i in 0..EACH {
                    let title = format!("m-{p}-{i}");
                    // Lanes 0 and 1 are the victims: their processes are killed at
                    // random moments; the other lanes must not notice.
                    let victim = p < 2;
                    let mut child = w
                        .cmd(&["task", "add", &title, "--body", "1"])
                        .stdout(Stdio::null())
                        .stderr(Stdio::piped())
                        .spawn()
                        .unwrap();
                    if victim {
                        std::thread::sleep(Duration::from_micros(rng.below(40_000)));
                        if child.try_wait().unwrap().is_none() {
                            let _ = child.kill();
                        }
                    }
                    out.push((title, victim, child.wait_with_output().unwrap()));
                }
                out
            })
        })
        .collect();
    let results: Vec<_> = handles
        .into_iter()
        .flat_map(|h| h.join().unwrap())
        .collect();
    let titles = w.task_titles();
    let stored: BTreeSet<&str> = titles.iter().map(String::as_str).collect();
    assert_eq!(stored.len(), titles.len(), "a task stored twice");
    let mut killed = 0;
    for (title, victim, out) in &results {
        if out.status.success() {
            assert!(out.stderr.is_empty(), "{title}: {:?}", out.stderr);
            assert!(
                stored.contains(title.as_str()),
                "{title} reported saved, lost"
            );
        } else {
            assert!(
                *victim,
                "{title} failed though nobody killed it: {:?} {}",
                out.status,
                String::from_utf8_lossy(&out.stderr)
            );
            killed += 1;
        }
    }
    eprintln!(
        "kills among {} concurrent writers: {killed} of {} victim runs killed",
        LANES,
        2 * EACH
    );
    w.integrity_check();
    w.audit_verify();
}
