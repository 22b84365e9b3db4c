//! A live vote in real pseudo-terminals: one secretary `shura` and two member `shura`
//! processes on one database, the members running as the real system users `daemon`
//! and `bin` (uid and gid set on the `Command`, as `roles_cli.rs` does; it needs root,
//! which CI has). The secretary opens the vote by its key, each member's screen shows
//! the popup and each presses "for", the secretary's screen shows 2 for, and closing
//! the vote takes the popups away.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::io::{Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use portable_pty::{native_pty_system, MasterPty, PtySize};
use shura::identity::Actor;
use shura::model::rules::{MeetingRule, QuorumRule};
use shura::model::voting::{MotionKind, MotionStatus, Procedure, VotingRule};
use shura::model::*;
use shura::store::write::*;
use shura::store::Store;
use tempfile::TempDir;

const ROWS: u16 = 30;
const COLS: u16 = 110;
/// Generous: CI is a busy two-core machine, and three programs poll one file.
const TIMEOUT: Duration = Duration::from_secs(60);
const TODAY: &str = "2026-11-22";

fn is_root() -> bool {
    // SAFETY: getuid has no preconditions.
    unsafe { libc::getuid() == 0 }
}

/// A terminal with `shura` in it, as `user` (uid, gid), or as whoever runs the test.
struct Tui {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    child: Child,
    reader: Option<JoinHandle<()>>,
    _master: Box<dyn MasterPty + Send>,
}

impl Tui {
    fn spawn(dir: &Path, db: &Path, name: &str, user: Option<(u32, u32)>) -> Tui {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let tty = pty.master.tty_name().expect("the terminal's name");
        let open = || {
            std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(&tty)
                .unwrap()
        };
        let home = dir.join(format!("home-{name}"));
        std::fs::create_dir_all(&home).unwrap();
        std::fs::set_permissions(&home, std::fs::Permissions::from_mode(0o777)).unwrap();
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_shura"));
        cmd.env_clear()
            .arg("--db")
            .arg(db)
            .env("PATH", "/usr/bin:/bin")
            .env("SHURA_TODAY", TODAY)
            .env("SHURA_CONFIG", "/nonexistent")
            .env("SHURA_STATE_DIR", home.join("state"))
            .env("HOME", &home)
            .env("LANG", "C")
            .env("TERM", "xterm-256color")
            .current_dir(&home)
            .stdin(Stdio::from(open()))
            .stdout(Stdio::from(open()))
            .stderr(Stdio::from(open()));
        if let Some((uid, gid)) = user {
            cmd.uid(uid).gid(gid);
        }
        // SAFETY: only async-signal-safe calls between fork and exec: a new session
        // whose controlling terminal is the pseudo-terminal on standard input.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() < 0 || libc::ioctl(0, libc::TIOCSCTTY as _, 0) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let child = cmd.spawn().expect("spawn shura");
        drop(cmd);
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = Arc::new(Mutex::new(pty.master.take_writer().unwrap()));
        let answer_to = Arc::clone(&writer);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
        let p = Arc::clone(&parser);
        let reader = std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            let mut tail: Vec<u8> = Vec::new();
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        let mut parser = p.lock().unwrap();
                        parser.process(&buf[..n]);
                        tail.extend_from_slice(&buf[..n]);
                        // Answer "where is the cursor?" (DSR) as a terminal does.
                        let asks = tail.windows(4).filter(|x| x == b"\x1b[6n").count();
                        let keep = tail.len().saturating_sub(3);
                        tail.drain(..keep);
                        for _ in 0..asks {
                            let (row, col) = parser.screen().cursor_position();
                            let mut w = answer_to.lock().unwrap();
                            let _ = write!(w, "\x1b[{};{}R", row + 1, col + 1);
                            let _ = w.flush();
                        }
                    }
                }
            }
        });
        Tui {
            parser,
            writer,
            child,
            reader: Some(reader),
            _master: pty.master,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Polls the screen until `pred` holds; fails with the screen after [`TIMEOUT`].
    fn wait_until(&mut self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if pred(&s) {
                return s;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("shura ended ({status}) waiting for {what}; the screen is:\n{s}");
            }
            if start.elapsed() > TIMEOUT {
                panic!("timed out waiting for {what}; the screen is:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_for(&mut self, text: &str) -> String {
        self.wait_until(&format!("{text:?}"), |s| s.contains(text))
    }

    fn send(&mut self, keys: &str) {
        let mut w = self.writer.lock().unwrap();
        w.write_all(keys.as_bytes()).unwrap();
        w.flush().unwrap();
    }

    fn quit(&mut self) {
        self.send("q");
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if let Ok(Some(_)) = self.child.try_wait() {
                if let Some(r) = self.reader.take() {
                    let _ = r.join();
                }
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        panic!("shura did not quit; the screen is:\n{}", self.screen());
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

/// The council (iran-council rule), five voting members present, `daemon` and `bin`
/// among them, a motion moved and seconded on the session's one item. The secretary
/// at the keyboard is root, an administrator.
fn world(db: &Path) -> (Store, i64) {
    let day = NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap();
    let mut s = Store::open(
        db,
        Actor {
            uid: 0,
            login: "root".into(),
        },
    )
    .unwrap();
    s.grant_administrator("root").unwrap();
    let (rule, _) = VotingRule::preset("iran-council").unwrap();
    let body = s
        .add_body(&NewBody {
            name: Name::guess("City council"),
            kind: BodyKind::Council,
            parent_id: None,
            quorum: QuorumRule::Majority,
            meeting_rule: MeetingRule::None,
            resolution_format: "R-{seq}".into(),
            agenda_template: vec![],
            confidential: false,
            formed_on: None,
            procedure: Procedure {
                voting_rule: rule,
                second_required: true,
                number_rejected: false,
            },
            agenda_closing: Vec::new(),
            number_per_term: false,
            fiscal_year: Default::default(),
            signing: Default::default(),
            law_profile: Default::default(),
            absence_rule: Default::default(),
        })
        .unwrap();
    let mut ids = Vec::new();
    for (name, login) in [
        ("Azar Amini", None),
        ("Babak Bahrami", None),
        ("Dara Daneshvar", Some("daemon")),
        ("Bita Bagheri", Some("bin")),
        ("Kian Karimi", None),
    ] {
        let id = s
            .add_person(&NewPerson {
                name: Name::guess(name),
                login: login.map(String::from),
                organization: None,
                email: None,
            })
            .unwrap();
        s.add_membership(&NewMembership {
            body_id: body,
            person_id: id,
            role: Role::Member,
            voting: true,
            term_start: None,
            term_end: None,
        })
        .unwrap();
        ids.push(id);
    }
    let session = s
        .add_session(&NewSession {
            body_id: body,
            kind: SessionKind::Regular,
            date: day,
            start_time: Some("17:00".into()),
            end_time: None,
            place: Some("Council hall".into()),
            prepare_agenda: false,
            number: None,
        })
        .unwrap();
    s.set_session_status(session.id, SessionStatus::Open)
        .unwrap();
    let item = s
        .add_agenda_item(&NewAgendaItem {
            session_id: session.id,
            title: "Street lighting bill".into(),
            presenter: None,
            duration_min: None,
            ..Default::default()
        })
        .unwrap();
    for id in &ids {
        s.set_attendance(session.id, *id, Presence::Present)
            .unwrap();
    }
    let motion = s
        .add_motion(&shura::store::meeting::NewMotion {
            session_id: session.id,
            agenda_item_id: Some(item),
            amends: None,
            kind: MotionKind::Substantive,
            text: "The street lights of district 3 are repaired.".into(),
            mover_id: Some(ids[2]),
            seconder_id: Some(ids[3]),
            moved_at: "17:05".into(),
        })
        .unwrap();
    (s, motion.id)
}

fn open_files(db: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let p = PathBuf::from(format!("{}{suffix}", db.display()));
        if p.exists() {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o666)).unwrap();
        }
    }
}

#[test]
fn members_vote_from_their_own_terminals_and_the_secretary_counts() {
    if !is_root() {
        println!(
            "SKIPPED members_vote_from_their_own_terminals_and_the_secretary_counts: it runs shura as the users daemon and bin, which needs root (CI runs the tests as root)"
        );
        return;
    }
    let dir = TempDir::new().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let db = dir.path().join("council.db");
    // Kept open to the end, so the WAL files stay (and stay writable by all).
    let (store, motion) = world(&db);
    open_files(&db);

    let mut sec = Tui::spawn(dir.path(), &db, "secretary", None);
    sec.wait_for("City council");
    // Its session, then the motions pane (after the agenda, roll call and review).
    sec.send("\r");
    sec.wait_for("Sessions");
    sec.send("\r");
    sec.wait_for("Street lighting bill");
    sec.send("\t\t\t");
    sec.wait_for("The street lights of district 3");

    let mut daemon = Tui::spawn(dir.path(), &db, "daemon", Some((1, 1)));
    let mut bin = Tui::spawn(dir.path(), &db, "bin", Some((2, 2)));
    daemon.wait_for("daemon · ");
    bin.wait_for("bin · ");
    assert!(!daemon.screen().contains("Vote open"), "no vote open yet");

    // The secretary opens the vote by its key.
    sec.send("V");
    sec.wait_for("members vote from their terminals");
    assert_eq!(
        store.motion(motion).unwrap().status,
        MotionStatus::Voting,
        "the vote is open"
    );

    // Each member's screen shows it; each votes for by one key.
    for m in [&mut daemon, &mut bin] {
        let s = m.wait_for("Vote open — motion 1");
        assert!(
            s.contains("The street lights of district 3 are repaired."),
            "{s}"
        );
        assert!(s.contains("needs 3 of 5 members present"), "{s}");
        assert!(s.contains("You have not voted yet."), "{s}");
        m.send("y");
        m.wait_for("Your vote: For");
    }
    let votes = store.ballot_votes(motion).unwrap();
    let by: Vec<&str> = votes.iter().map(|v| v.cast_by.as_str()).collect();
    assert_eq!(votes.len(), 2, "{votes:?}");
    assert!(by.contains(&"daemon") && by.contains(&"bin"), "{by:?}");

    // The secretary's screen fills in, then the secretary closes the vote.
    sec.wait_for("votes so far: 2 for, 0 against, 0 abstaining");
    sec.send("c");
    let s = sec.wait_for("motion 1 — failed: 2 for");
    assert!(s.contains("needed 3 of 5 members present"), "{s}");
    assert_eq!(store.motion(motion).unwrap().status, MotionStatus::Failed);

    // The popups go away.
    for m in [&mut daemon, &mut bin] {
        m.wait_until("the popup to close", |s| !s.contains("Vote open — motion"));
    }
    for mut t in [sec, daemon, bin] {
        t.quit();
    }
}
