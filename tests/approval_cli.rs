//! Approval and corrections through the built binary: `session approve` stores the
//! minutes, `export minutes --version N`, `session correct`, the refusals in Persian
//! with no English word, and `audit verify` exiting non-zero on a change made with
//! sqlite behind shura's back.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

mod common;

use common::{is_root, shura_as};

/// Words of three or more ASCII letters left in a text (none in Persian output, beyond
/// what the user typed, which the callers strip).
fn english_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphabetic())
        // The program's name before the message.
        .filter(|w| w.len() >= 3 && *w != "shura")
        .map(str::to_string)
        .collect()
}

struct Cli {
    dir: tempfile::TempDir,
    db: std::path::PathBuf,
}

impl Cli {
    fn new() -> Cli {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("board.db");
        Cli { dir, db }
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        shura_as(self.dir.path(), &self.db, None, args)
    }

    fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 0, "{args:?}: {out}{err}");
        out
    }
}

/// A board chaired by the user running the tests, session 1 approved (a resolution
/// with a typo), session 2 planned.
fn approved_board() -> Cli {
    let c = Cli::new();
    let me = shura::identity::Actor::current().login;
    c.ok(&["init"]);
    c.ok(&[
        "body",
        "add",
        "--name-en",
        "Library Board",
        "--name-fa",
        "هیئت کتابخانه",
    ]);
    c.ok(&[
        "member",
        "add",
        "--body",
        "1",
        "--name",
        "Sara Chair",
        "--login",
        &me,
        "--role",
        "chair",
    ]);
    c.ok(&["member", "add", "--body", "1", "--name", "Reza Member"]);
    c.ok(&[
        "session",
        "add",
        "--body",
        "1",
        "--date",
        "2024-12-01",
        "--time",
        "17:00",
    ]);
    c.ok(&["attend", "--session", "1", "1", "present"]);
    c.ok(&["attend", "--session", "1", "2", "present"]);
    c.ok(&["agenda", "add", "--session", "1", "Roof repair"]);
    c.ok(&["minutes", "set", "--item", "1", "The roof leaks."]);
    c.ok(&[
        "resolution",
        "add",
        "--session",
        "1",
        "--item",
        "1",
        "--votes",
        "2/0/0",
        "Fix the rof",
    ]);
    c.ok(&["session", "open", "1", "--at", "17:00"]);
    c.ok(&["session", "close", "1", "--at", "18:00"]);
    c.ok(&["session", "approve", "1"]);
    c.ok(&[
        "session",
        "add",
        "--body",
        "1",
        "--date",
        "2024-12-06",
        "--time",
        "17:00",
    ]);
    c
}

/// An export's approved text: without the signature block that follows it (who has
/// signed so far, by their names as they are now), which is not part of it.
fn record(export: &str) -> String {
    shura::model::signing::strip_block(export).unwrap_or_else(|| export.to_string())
}

#[test]
fn export_of_approved_minutes_does_not_move_and_versions_are_kept() {
    let c = approved_board();
    let v1_md = c.ok(&["export", "minutes", "1"]);
    let v1_fa = c.ok(&["--lang", "fa", "export", "minutes", "1", "--format", "html"]);
    assert!(v1_md.contains("Fix the rof"), "{v1_md}");
    // After approval: a task on the resolution, a person renamed with sqlite.
    c.ok(&["task", "add", "--resolution", "1", "Hire a roofer"]);
    let conn = rusqlite::Connection::open(&c.db).unwrap();
    conn.execute(
        "UPDATE person SET name_en = 'Sara Renamed' WHERE id = 1",
        [],
    )
    .unwrap();
    drop(conn);
    assert_eq!(record(&c.ok(&["export", "minutes", "1"])), record(&v1_md));
    assert_eq!(
        record(&c.ok(&["--lang", "fa", "export", "minutes", "1", "--format", "html"])),
        record(&v1_fa)
    );

    // Corrected at session 2; approved as corrected: version 2, and version 1 kept.
    let out = c.ok(&[
        "session",
        "correct",
        "1",
        "--at",
        "2",
        "--reason",
        "typo in the resolution",
    ]);
    assert!(out.contains("correction 1 opened at session 2"), "{out}");
    c.ok(&["minutes", "set", "--item", "1", "The roof leaks badly."]);
    c.ok(&["session", "approve", "1"]);
    assert_eq!(
        record(&c.ok(&["export", "minutes", "1", "--version", "1"])),
        record(&v1_md)
    );
    let v2 = c.ok(&["export", "minutes", "1"]);
    assert!(v2.contains("The roof leaks badly."), "{v2}");
    assert_eq!(c.ok(&["export", "minutes", "1", "--version", "2"]), v2);
    let t = c.ok(&["export", "minutes", "2"]);
    assert!(
        t.contains("The minutes of session 1 were approved as corrected: typo in the resolution"),
        "{t}"
    );
    assert!(t.contains("+ The roof leaks badly."), "{t}");

    // session show --json: both approvals, the correction.
    let json: serde_json::Value =
        serde_json::from_str(&c.ok(&["session", "show", "1", "--json"])).unwrap();
    let approvals = json["approvals"].as_array().unwrap();
    assert_eq!(approvals.len(), 2);
    assert_eq!(approvals[1]["version"], 2);
    assert_eq!(approvals[1]["correction_id"], 1);
    assert_eq!(approvals[0]["record_sha256"].as_str().unwrap().len(), 64);
    assert_eq!(json["corrections"][0]["approved_version"], 2);
    assert_eq!(json["corrections"][0]["reason"], "typo in the resolution");

    let (code, _, err) = c.run(&["export", "minutes", "1", "--version", "3"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("session 1 has no approved version 3"), "{err}");
    let (code, out, err) = c.run(&["audit", "verify"]);
    assert_eq!(code, 0, "{out}{err}");
}

#[test]
fn refusals_in_persian_hold_no_english_word() {
    let c = approved_board();
    for (args, expected) in [
        (
            vec!["--lang", "fa", "minutes", "set", "--item", "1", "x"],
            "صورتجلسه این جلسه تأیید شده است",
        ),
        (
            vec![
                "--lang", "fa", "session", "correct", "2", "--at", "1", "--reason", "x",
            ],
            "هنوز تأیید نشده است",
        ),
        (
            vec![
                "--lang", "fa", "session", "correct", "1", "--at", "1", "--reason", "x",
            ],
            "جلسه ۱ چنین جلسه‌ای نیست",
        ),
        (
            vec!["--lang", "fa", "export", "minutes", "1", "--version", "4"],
            "نسخه تأییدشده ۴ ندارد",
        ),
    ] {
        let (code, out, err) = c.run(&args);
        assert_eq!(code, 2, "{args:?}: {out}{err}");
        assert!(err.contains(expected), "{args:?}: {err}");
        let words = english_words(&err);
        assert!(words.is_empty(), "{args:?}: English in {err:?}: {words:?}");
    }
    c.ok(&["session", "correct", "1", "--at", "2", "--reason", "x"]);
    let (code, _, err) = c.run(&[
        "--lang", "fa", "session", "correct", "1", "--at", "2", "--reason", "y",
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("از پیش باز است"), "{err}");
    assert!(english_words(&err).is_empty(), "{err}");
}

#[test]
fn audit_verify_exits_non_zero_on_a_change_behind_shuras_back() {
    let c = approved_board();
    let conn = rusqlite::Connection::open(&c.db).unwrap();
    conn.execute_batch(
        "DROP TRIGGER approved_agenda_update;
         DROP TRIGGER approved_agenda_update_to;
         UPDATE agenda_item SET minutes = 'Nothing leaks.' WHERE id = 1;",
    )
    .unwrap();
    drop(conn);
    let (code, out, err) = c.run(&["audit", "verify"]);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("session 1 (Library Board, id 1): its record differs from version 1"),
        "{out}"
    );
    let (code, out, _) = c.run(&["--lang", "fa", "audit", "verify"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("جلسه ۱ (هیئت کتابخانه، شناسه ۱): سوابق آن"),
        "{out}"
    );
    // The export still gives the minutes as approved.
    assert!(c
        .ok(&["export", "minutes", "1"])
        .contains("The roof leaks."));
}

#[test]
fn only_the_chair_corrects_approved_minutes() {
    if !is_root() {
        eprintln!("SKIPPED only_the_chair_corrects_approved_minutes: it runs shura as daemon, which needs root");
        return;
    }
    let c = approved_board();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(c.dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    for f in ["board.db", "board.db-wal", "board.db-shm"] {
        let p = c.dir.path().join(f);
        if p.exists() {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o666)).unwrap();
        }
    }
    let (code, out, err) = shura_as(
        c.dir.path(),
        &c.db,
        Some((1, 1)),
        &[
            "--lang", "fa", "session", "correct", "1", "--at", "2", "--reason", "x",
        ],
    );
    assert_eq!(code, 3, "{out}{err}");
    assert!(err.contains("تأیید صورتجلسه"), "{err}");
}
