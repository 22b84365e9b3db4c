//! Roles through the built binary, run as real Unix users, and the shared set-up.
//!
//! The role matrix spawns `shura` as the accounts every Debian has (`daemon` uid 1,
//! `bin` 2, `sys` 3, `nobody` 65534), which needs root: run as anyone else, those tests
//! print why and return without checking anything (CI runs them as root). The shared
//! set-up, doctor and the chain head in exported minutes run as any user.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use tempfile::TempDir;

const TODAY: &str = "2026-11-22";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn is_root() -> bool {
    // SAFETY: getuid has no preconditions.
    unsafe { libc::getuid() == 0 }
}

/// Whether the tests that switch users can run; prints why not.
fn root_or_skip(test: &str) -> bool {
    if is_root() {
        return true;
    }
    eprintln!(
        "SKIPPED {test}: it runs shura as the users daemon, bin, sys and nobody, which needs root (CI runs the tests as root)"
    );
    false
}

struct Db {
    dir: TempDir,
    db: PathBuf,
}

impl Db {
    /// A database in a directory every user may write (for the tests that switch users).
    fn open_to_all() -> Db {
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
        let db = dir.path().join("council.db");
        Db { dir, db }
    }

    fn private() -> Db {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("council.db");
        Db { dir, db }
    }

    fn cmd(&self, user: Option<(u32, u32)>) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_shura"));
        let home = self.dir.path().join(match user {
            Some((uid, _)) => format!("home-{uid}"),
            None => "home".into(),
        });
        c.env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("SHURA_DB", &self.db)
            .env("SHURA_TODAY", TODAY)
            .env("SHURA_CONFIG", "/nonexistent")
            .env("LANG", "C")
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_STATE_HOME", home.join("state"))
            .env("SHURA_STATE_DIR", home.join("state"));
        if let Some((uid, gid)) = user {
            // std drops the supplementary groups when root switches the uid.
            c.uid(uid).gid(gid);
        }
        c
    }

    fn run_as(&self, user: Option<(u32, u32)>, args: &[&str]) -> Run {
        let out = self.cmd(user).args(args).output().expect("run shura");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    fn ok_as(&self, user: Option<(u32, u32)>, args: &[&str]) -> String {
        let r = self.run_as(user, args);
        assert_eq!(
            r.code, 0,
            "shura {args:?} as {user:?} failed ({}): {}",
            r.code, r.stderr
        );
        r.stdout
    }

    fn ok(&self, args: &[&str]) -> String {
        self.ok_as(None, args)
    }

    /// The database files stay writable by the other users.
    fn open_files(&self) {
        for suffix in ["", "-wal", "-shm"] {
            let p = PathBuf::from(format!("{}{suffix}", self.db.display()));
            if p.exists() {
                std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o666)).unwrap();
            }
        }
    }
}

const DAEMON: Option<(u32, u32)> = Some((1, 1));
const BIN: Option<(u32, u32)> = Some((2, 2));
const SYS: Option<(u32, u32)> = Some((3, 3));
const NOBODY: Option<(u32, u32)> = Some((65534, 65534));

/// Finance Commission: sys chair, daemon secretary, bin member (with a task); a
/// confidential Secret Board where sys is a member; `nobody` has no person.
fn council(d: &Db) {
    d.ok(&["init"]);
    d.ok(&["body", "add", "Finance Commission", "--kind", "commission"]);
    d.ok(&[
        "body",
        "add",
        "Secret Board",
        "--kind",
        "committee",
        "--confidential",
    ]);
    for (name, login, role) in [
        ("Sara Chair", "sys", "chair"),
        ("Dan Secretary", "daemon", "secretary"),
        ("Ben Member", "bin", "member"),
    ] {
        d.ok(&[
            "member", "add", "--body", "1", "--name", name, "--login", login, "--role", role,
        ]);
    }
    d.ok(&[
        "member", "add", "--body", "2", "--person", "sys", "--role", "member",
    ]);
    d.ok(&["session", "add", "--body", "1", "--date", "2026-11-20"]);
    d.ok(&["agenda", "add", "--session", "1", "Budget zanzibar"]);
    d.ok(&[
        "task",
        "add",
        "Collect invoices",
        "--body",
        "1",
        "--assignee",
        "bin",
        "--due",
        "2026-11-01",
    ]);
    d.ok(&[
        "task",
        "add",
        "Check the ledger",
        "--body",
        "1",
        "--assignee",
        "daemon",
        "--due",
        "2026-11-01",
    ]);
    d.ok(&["session", "add", "--body", "2", "--date", "2026-11-21"]);
    d.ok(&[
        "agenda",
        "add",
        "--session",
        "2",
        "Covert zanzibar purchase",
    ]);
    d.ok(&[
        "resolution",
        "add",
        "--body",
        "2",
        "Buy the zanzibar building quietly",
        "--due",
        "2026-11-10",
    ]);
    d.ok(&[
        "task",
        "add",
        "Sign the zanzibar deed",
        "--body",
        "2",
        "--assignee",
        "sys",
        "--due",
        "2026-11-01",
    ]);
    d.open_files();
}

fn refused(r: &Run, what: &str) {
    assert_eq!(
        r.code, 3,
        "expected a refusal (exit 3) for {what}: {}",
        r.stderr
    );
    assert!(r.stderr.contains("refused: "), "{what}: {}", r.stderr);
}

#[test]
fn each_role_against_each_action_as_real_users() {
    if !root_or_skip("each_role_against_each_action_as_real_users") {
        return;
    }
    let d = Db::open_to_all();
    council(&d);

    // The secretary (daemon) keeps the record; may not approve or set up.
    d.ok_as(DAEMON, &["session", "open", "1"]);
    d.ok_as(DAEMON, &["attend", "--session", "1", "sys", "present"]);
    // Two of three present: the commission has its quorum for the resolution below.
    d.ok_as(DAEMON, &["attend", "--session", "1", "bin", "present"]);
    d.ok_as(DAEMON, &["guest", "add", "--session", "1", "An Auditor"]);
    d.ok_as(
        DAEMON,
        &["agenda", "add", "--session", "1", "Any other business"],
    );
    d.ok_as(DAEMON, &["agenda", "set-status", "1", "discussed"]);
    d.ok_as(
        DAEMON,
        &["minutes", "set", "--item", "1", "The budget was read."],
    );
    d.ok_as(
        DAEMON,
        &["resolution", "add", "--session", "1", "Adopt the budget"],
    );
    d.ok_as(
        DAEMON,
        &[
            "task",
            "add",
            "Publish the budget",
            "--body",
            "1",
            "--assignee",
            "bin",
        ],
    );
    d.ok_as(DAEMON, &["session", "close", "1"]);
    let r = d.run_as(DAEMON, &["session", "approve", "1"]);
    refused(&r, "a secretary approving");
    assert!(
        r.stderr.contains("approving minutes of «Finance Commission» needs its chair or vice-chair; you are uid 1 (daemon), its secretary"),
        "{}",
        r.stderr
    );
    for args in [
        &["body", "add", "New Body"][..],
        &["person", "add", "Someone"],
        &[
            "member", "add", "--body", "1", "--person", "bin", "--role", "chair",
        ],
        &["admin", "grant", "bin"],
        &["audit", "log"],
    ] {
        let r = d.run_as(DAEMON, args);
        refused(&r, &format!("daemon {args:?}"));
        assert!(r.stderr.contains("needs an administrator"), "{}", r.stderr);
    }

    // The member (bin) reads, and records progress on their own task only.
    let r = d.run_as(BIN, &["minutes", "set", "--item", "1", "Rewritten"]);
    refused(&r, "a member recording minutes");
    assert!(
        r.stderr
            .contains("needs its secretary, chair or vice-chair; you are uid 2 (bin), a member"),
        "{}",
        r.stderr
    );
    refused(
        &d.run_as(
            BIN,
            &["session", "add", "--body", "1", "--date", "2026-12-01"],
        ),
        "member scheduling",
    );
    refused(
        &d.run_as(BIN, &["attend", "--session", "1", "bin", "present"]),
        "member roll call",
    );
    refused(
        &d.run_as(BIN, &["resolution", "set-status", "2", "done"]),
        "member resolution status",
    );
    d.ok_as(
        BIN,
        &["task", "update", "1", "--percent", "50", "--note", "half"],
    );
    d.ok_as(BIN, &["task", "done", "1"]);
    refused(
        &d.run_as(BIN, &["task", "update", "2", "--percent", "10"]),
        "member on someone else's task",
    );
    refused(
        &d.run_as(BIN, &["task", "update", "1", "--due", "2026-12-30"]),
        "member moving a deadline",
    );
    d.ok_as(BIN, &["session", "show", "1"]);

    // A user with no person: reads what is not confidential, writes nothing.
    let r = d.run_as(NOBODY, &["minutes", "set", "--item", "1", "x"]);
    refused(&r, "nobody recording minutes");
    assert!(r.stderr.contains("not one of its members"), "{}", r.stderr);
    refused(
        &d.run_as(NOBODY, &["task", "done", "2"]),
        "nobody closing a task",
    );
    d.ok_as(NOBODY, &["resolution", "list"]);

    // The chair (sys) approves; the minutes carry the chain head.
    d.ok_as(SYS, &["session", "approve", "1"]);
    let md = d.ok_as(SYS, &["export", "minutes", "1"]);
    assert!(md.contains("shura audit verify"), "{md}");

    // Granted administration, daemon sets up.
    d.ok(&["admin", "grant", "daemon"]);
    d.ok_as(DAEMON, &["body", "add", "Body by daemon"]);
    let admins = d.ok(&["admin", "list", "--json"]);
    let v: Value = serde_json::from_str(&admins).unwrap();
    let logins: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["login"].as_str().unwrap())
        .collect();
    assert_eq!(logins, ["root", "daemon"]);
    d.ok(&["admin", "revoke", "daemon"]);
    refused(
        &d.run_as(DAEMON, &["body", "add", "Another"]),
        "revoked admin",
    );

    // Every write above is in the chain, under the real login.
    let log = d.ok(&["audit", "log", "--json", "--limit", "500"]);
    let v: Value = serde_json::from_str(&log).unwrap();
    let by = |login: &str| {
        v.as_array()
            .unwrap()
            .iter()
            .filter(|e| e["login"] == login)
            .count()
    };
    assert!(by("daemon") >= 8 && by("bin") >= 2 && by("sys") >= 1);
    assert_eq!(by("nobody"), 0);
    d.ok(&["audit", "verify"]);
}

#[test]
fn whoami_as_real_users() {
    if !root_or_skip("whoami_as_real_users") {
        return;
    }
    let d = Db::open_to_all();
    council(&d);
    let out = d.ok_as(DAEMON, &["whoami"]);
    assert!(out.contains("daemon (uid 1)"), "{out}");
    assert!(out.contains("not an administrator"), "{out}");
    assert!(
        out.contains("Finance Commission — Secretary: allowed:")
            && out.contains("recording minutes"),
        "{out}"
    );
    assert!(!out.contains("approving minutes"), "{out}");
    let v: Value = serde_json::from_str(&d.ok_as(SYS, &["whoami", "--json"])).unwrap();
    assert_eq!(v["administrator"], false);
    assert_eq!(v["uid"], 3);
    let bodies = v["bodies"].as_array().unwrap();
    assert_eq!(
        bodies.len(),
        2,
        "chair of Finance, member of the Secret Board"
    );
    assert!(bodies[0]["may"]
        .as_array()
        .unwrap()
        .contains(&Value::from("approve_minutes")));
    assert_eq!(bodies[1]["confidential"], true);
    let v: Value = serde_json::from_str(&d.ok_as(NOBODY, &["whoami", "--json"])).unwrap();
    assert!(v["person"].is_null());
    assert_eq!(v["elsewhere"], "read_non_confidential");
    let v: Value = serde_json::from_str(&d.ok(&["whoami", "--json"])).unwrap();
    assert_eq!(v["administrator"], true, "root made the database");
}

#[test]
fn confidential_body_vanishes_for_non_members_as_real_users() {
    if !root_or_skip("confidential_body_vanishes_for_non_members_as_real_users") {
        return;
    }
    let d = Db::open_to_all();
    council(&d);
    let reads: &[&[&str]] = &[
        &["body", "list"],
        &["body", "list", "--json"],
        &["session", "list", "--json"],
        &["resolution", "list", "--json"],
        &["task", "list", "--json"],
        &["member", "list", "--json"],
        &["search", "zanzibar", "--json"],
        &["dashboard", "--json"],
        &["report", "overdue"],
        &["export", "csv", "tasks"],
        &["export", "csv", "resolutions"],
        &["export", "ics"],
        &["cal", "2026-11"],
    ];
    for user in [DAEMON, BIN, NOBODY] {
        for args in reads {
            let out = d.ok_as(user, args);
            assert!(
                !out.contains("Secret Board")
                    && !out.contains("zanzibar building")
                    && !out.contains("zanzibar deed")
                    && !out.contains("Covert"),
                "{user:?} {args:?} shows the confidential body:\n{out}"
            );
        }
        // Search still finds what they may see.
        let hits = d.ok_as(user, &["search", "zanzibar", "--json"]);
        let v: Value = serde_json::from_str(&hits).unwrap();
        assert_eq!(v.as_array().unwrap().len(), 1, "{user:?}: {hits}");
        // Direct access: not found (exit 2), the same as a body that does not exist.
        for args in [
            &["session", "show", "2"][..],
            &["export", "minutes", "2"],
            &["resolution", "show", "1"],
            &["member", "list", "--body", "2"],
            &["session", "list", "--body", "2"],
            &["agenda", "list", "2"],
        ] {
            let r = d.run_as(user, args);
            assert_eq!(r.code, 2, "{user:?} {args:?}: {}{}", r.stdout, r.stderr);
            assert!(r.stderr.contains("no "), "{}", r.stderr);
            assert!(!r.stderr.contains("Secret Board"), "{}", r.stderr);
        }
        // Writing into it by id: not found either, never a refusal naming it.
        let r = d.run_as(user, &["minutes", "set", "--item", "2", "x"]);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(!r.stderr.contains("Secret"), "{}", r.stderr);
    }
    // Its member (sys) and the administrator (root) see it.
    for user in [SYS, None] {
        let out = d.ok_as(user, &["body", "list"]);
        assert!(out.contains("Secret Board"), "{user:?}: {out}");
        let hits = d.ok_as(user, &["search", "zanzibar", "--json"]);
        let v: Value = serde_json::from_str(&hits).unwrap();
        assert!(v.as_array().unwrap().len() >= 3, "{user:?}: {hits}");
        let dash = d.ok_as(user, &["dashboard", "--json"]);
        assert!(
            dash.contains("Sign the zanzibar deed") || dash.contains("Secret Board"),
            "{dash}"
        );
        d.ok_as(user, &["export", "minutes", "2"]);
    }
}

// ----- shared set-up and doctor (any user) -----

/// A group the running user may hand a directory to: `daemon` for root, else the
/// user's own primary group.
fn usable_group() -> (String, u32) {
    if is_root() {
        let gid = shura::identity::gid_of_group("daemon").expect("group daemon exists");
        return ("daemon".into(), gid);
    }
    // SAFETY: getgid has no preconditions.
    let gid = unsafe { libc::getgid() };
    (
        shura::identity::group_name(gid).expect("the primary group has a name"),
        gid,
    )
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().mode() & 0o7777
}

#[test]
fn init_shared_makes_a_group_directory_and_doctor_passes() {
    let d = Db::private();
    let shared = d.dir.path().join("srv/council");
    let (group, gid) = usable_group();
    let init = d
        .cmd(None)
        .env_remove("SHURA_DB")
        .args([
            "init",
            "--shared",
            shared.to_str().unwrap(),
            "--group",
            &group,
        ])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&init.stdout);
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
    assert!(out.contains("is shared with group"), "{out}");
    let db = shared.join("shura.db");
    assert_eq!(
        mode(&shared),
        0o2770,
        "setgid, group rwx, nothing for others"
    );
    assert_eq!(
        mode(&d.dir.path().join("srv")) & 0o005,
        0o005,
        "a parent made on the way stays passable for the group's members"
    );
    assert_eq!(std::fs::metadata(&shared).unwrap().gid(), gid);
    assert_eq!(mode(&db), 0o660);
    assert_eq!(std::fs::metadata(&db).unwrap().gid(), gid);

    // A write makes -wal and -shm with the database's mode and the directory's group.
    let r = d
        .cmd(None)
        .env("SHURA_DB", &db)
        .args(["body", "add", "Shared Council", "--kind", "council"])
        .output()
        .unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));

    let doctor = d
        .cmd(None)
        .env("SHURA_DB", &db)
        .arg("doctor")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&doctor.stdout);
    assert!(
        doctor.status.success(),
        "doctor: {text}{}",
        String::from_utf8_lossy(&doctor.stderr)
    );
    for check in [
        "directory",
        "database file",
        "journal mode",
        "schema",
        "integrity",
        "audit chain",
        "approved minutes",
    ] {
        assert!(
            text.lines()
                .any(|l| l.starts_with("ok") && l.contains(check)),
            "{check}: {text}"
        );
    }
    let json = d
        .cmd(None)
        .env("SHURA_DB", &db)
        .args(["doctor", "--json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v["ok"], true);

    // Group members use it; others are kept out by the directory.
    if is_root() {
        let member = d
            .cmd(Some((1, gid)))
            .env("SHURA_DB", &db)
            .args(["body", "list"])
            .output()
            .unwrap();
        assert!(
            member.status.success(),
            "{}",
            String::from_utf8_lossy(&member.stderr)
        );
        let outsider = d
            .cmd(Some((2, 2)))
            .env("SHURA_DB", &db)
            .args(["body", "list"])
            .output()
            .unwrap();
        let why = String::from_utf8_lossy(&outsider.stderr);
        assert_eq!(outsider.status.code(), Some(1), "{why}");
        assert!(
            why.contains(db.to_str().unwrap()) && why.contains("ask to be added to its group"),
            "{why}"
        );
        // A write by the group member keeps the files group-writable.
        let w = d
            .cmd(Some((1, gid)))
            .env("SHURA_DB", &db)
            .args(["admin", "list"])
            .output()
            .unwrap();
        assert!(w.status.success());
        for suffix in ["", "-wal", "-shm"] {
            let p = PathBuf::from(format!("{}{suffix}", db.display()));
            if p.exists() {
                assert_eq!(mode(&p) & 0o060, 0o060, "{} is group-writable", p.display());
                assert_eq!(std::fs::metadata(&p).unwrap().gid(), gid, "{}", p.display());
            }
        }
    }
}

#[test]
fn init_shared_refuses_an_unknown_group() {
    let d = Db::private();
    let shared = d.dir.path().join("council");
    let r = d.run_as(
        None,
        &[
            "init",
            "--shared",
            shared.to_str().unwrap(),
            "--group",
            "no-such-group-xyz",
        ],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr
            .contains("group \"no-such-group-xyz\" does not exist"),
        "{}",
        r.stderr
    );
    assert!(!shared.exists(), "nothing is made");
    let r = d.run_as(None, &["init", "--shared", shared.to_str().unwrap()]);
    assert_eq!(r.code, 2, "--shared needs --group: {}", r.stderr);
}

/// A database with an approved session (its minutes carry the chain head).
fn approved(d: &Db) {
    d.ok(&["init"]);
    d.ok(&["body", "add", "Finance Commission", "--kind", "commission"]);
    d.ok(&["session", "add", "--body", "1", "--date", "2026-11-20"]);
    d.ok(&["agenda", "add", "--session", "1", "Budget"]);
    d.ok(&["minutes", "set", "--item", "1", "Read and adopted."]);
    d.ok(&["session", "open", "1"]);
    d.ok(&["session", "close", "1"]);
    d.ok(&["session", "approve", "1"]);
    d.ok(&["body", "add", "Later Body"]);
}

fn stored_head(db: &Path) -> String {
    rusqlite::Connection::open(db)
        .unwrap()
        .query_row(
            "SELECT approved_audit_head FROM session WHERE id = 1",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn exported_approved_minutes_carry_the_chain_head_with_how_to_check_it() {
    let d = Db::private();
    approved(&d);
    let head = stored_head(&d.db);
    assert_eq!(head.len(), 64);
    let md = d.ok(&["export", "minutes", "1"]);
    assert!(md.contains(&head), "{md}");
    assert!(
        md.contains("`shura audit verify` checks that it is still in the chain"),
        "{md}"
    );
    let html = d.ok(&["export", "minutes", "1", "--format", "html"]);
    assert!(html.contains(&head), "{html}");
    assert!(html.contains("shura audit verify"), "{html}");
    let fa = d.ok(&["--lang", "fa", "export", "minutes", "1"]);
    assert!(
        fa.contains(&head) && fa.contains("shura audit verify"),
        "{fa}"
    );
    let out = d.ok(&["audit", "verify"]);
    assert!(
        out.contains("the chain heads of 1 approved minutes are all in it"),
        "{out}"
    );
}

#[test]
fn doctor_fails_naming_the_audit_row_changed_behind_the_programs_back() {
    let d = Db::private();
    approved(&d);
    let good = d.run_as(None, &["doctor"]);
    assert!(
        good.stdout
            .lines()
            .any(|l| l.starts_with("ok") && l.contains("audit chain")),
        "{}",
        good.stdout
    );
    {
        let conn = rusqlite::Connection::open(&d.db).unwrap();
        conn.execute_batch(
            "DROP TRIGGER audit_append_only_update;
             UPDATE audit SET login = 'mallory' WHERE id = 4;",
        )
        .unwrap();
    }
    let r = d.run_as(None, &["doctor"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    let line = r
        .stdout
        .lines()
        .find(|l| l.contains("audit chain"))
        .unwrap_or_default()
        .to_string();
    assert!(line.starts_with("fail"), "{}", r.stdout);
    assert!(line.contains("entry 4 was changed"), "{line}");
    let r = d.run_as(None, &["audit", "verify"]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("entry 4 was changed"), "{}", r.stdout);
}

#[test]
fn cutting_the_chain_back_to_before_an_approval_is_found_by_the_stored_head() {
    let d = Db::private();
    approved(&d);
    let head = stored_head(&d.db);
    {
        // Delete every entry from the approved head on: what is left is a consistent
        // chain, only the head stored with the minutes can tell.
        let conn = rusqlite::Connection::open(&d.db).unwrap();
        conn.execute_batch("DROP TRIGGER audit_append_only_delete;")
            .unwrap();
        conn.execute(
            "DELETE FROM audit WHERE id >= (SELECT id FROM audit WHERE hash = ?1)",
            [&head],
        )
        .unwrap();
    }
    let r = d.run_as(None, &["audit", "verify"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("session 1 (body 1, number 1")
            && r.stdout.contains("no longer in the chain"),
        "{}",
        r.stdout
    );
    let r = d.run_as(None, &["doctor", "--json"]);
    assert_eq!(r.code, 1);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let check = v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == "approved minutes")
        .unwrap()
        .clone();
    assert_eq!(check["status"], "fail");
    assert_eq!(
        v["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["check"] == "audit chain")
            .unwrap()["status"],
        "ok",
        "the cut chain itself looks whole"
    );
}

/// Nothing a user sets changes what they may do: a secretary whose term ended in 2024
/// setting `SHURA_TODAY` back into that term is still refused (issue 19).
#[test]
fn shura_today_grants_nothing() {
    if !root_or_skip("shura_today_grants_nothing") {
        return;
    }
    let d = Db::open_to_all();
    d.ok(&["init"]);
    d.ok(&["body", "add", "Finance Commission", "--kind", "commission"]);
    d.ok(&[
        "member",
        "add",
        "--body",
        "1",
        "--name",
        "Dan Former",
        "--login",
        "daemon",
        "--role",
        "secretary",
        "--from",
        "2024-01-01",
        "--to",
        "2024-12-31",
    ]);
    d.ok(&["session", "add", "--body", "1", "--date", "2024-06-01"]);
    d.open_files();
    for today in ["2024-06-01", TODAY] {
        let r = {
            let out = d
                .cmd(DAEMON)
                .env("SHURA_TODAY", today)
                .args(["agenda", "add", "--session", "1", "Back again"])
                .output()
                .expect("run shura");
            Run {
                code: out.status.code().unwrap_or(-1),
                stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
                stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            }
        };
        refused(&r, &format!("a former secretary with SHURA_TODAY={today}"));
        assert!(r.stderr.contains("not one of its members"), "{}", r.stderr);
    }
    // What is shown still follows SHURA_TODAY: the session is listed on that day.
    let out = d.ok(&["session", "list", "--json"]);
    assert!(out.contains("2024-06-01"), "{out}");
}
