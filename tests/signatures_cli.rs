//! Signed minutes through the built binary: members sign approved minutes from their
//! own Unix accounts (`daemon` uid 1 and `bin` uid 2, which needs root: run as anyone
//! else, the tests that switch users print why and return), a member absent and an
//! account with no person are refused, `minutes verify` accepts the untouched Markdown
//! and HTML exports and refuses a changed copy, the audit chain still verifies, and a
//! signature cannot be deleted.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

mod common;

use std::os::unix::fs::PermissionsExt;

use common::{is_root, shura_as};
use serde_json::Value;

const DAEMON: Option<(u32, u32)> = Some((1, 1));
const BIN: Option<(u32, u32)> = Some((2, 2));
const SYS: Option<(u32, u32)> = Some((3, 3));
const NOBODY: Option<(u32, u32)> = Some((65534, 65534));

struct Cli {
    dir: tempfile::TempDir,
    db: std::path::PathBuf,
}

impl Cli {
    /// A database in a directory every user may write.
    fn new() -> Cli {
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
        let db = dir.path().join("board.db");
        Cli { dir, db }
    }

    fn run_as(&self, user: Option<(u32, u32)>, args: &[&str]) -> (i32, String, String) {
        let r = shura_as(self.dir.path(), &self.db, user, args);
        self.open_files();
        r
    }

    fn ok_as(&self, user: Option<(u32, u32)>, args: &[&str]) -> String {
        let (code, out, err) = self.run_as(user, args);
        assert_eq!(code, 0, "{args:?} as {user:?}: {out}{err}");
        out
    }

    fn ok(&self, args: &[&str]) -> String {
        self.ok_as(None, args)
    }

    fn json_as(&self, user: Option<(u32, u32)>, args: &[&str]) -> Value {
        let mut a = args.to_vec();
        a.push("--json");
        serde_json::from_str(&self.ok_as(user, &a)).unwrap()
    }

    /// The database files stay writable by the other users.
    fn open_files(&self) {
        for suffix in ["", "-wal", "-shm"] {
            let p = std::path::PathBuf::from(format!("{}{suffix}", self.db.display()));
            if p.exists() {
                std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o666)).unwrap();
            }
        }
    }

    fn file(&self, name: &str) -> std::path::PathBuf {
        self.dir.path().join(name)
    }
}

/// A board whose present voting members sign: the user running the tests chairs it,
/// Dara (`daemon`) and Bita (`bin`) are present, Sina (`sys`) is absent; session 1
/// approved.
fn signed_board() -> Cli {
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
    c.ok(&["body", "edit", "1", "--signing", "present_members"]);
    for (name, login, role) in [
        ("Sara Chair", me.as_str(), "chair"),
        ("Dara Daemon", "daemon", "member"),
        ("Bita Bin", "bin", "member"),
        ("Sina Sys", "sys", "member"),
    ] {
        c.ok(&[
            "member", "add", "--body", "1", "--name", name, "--login", login, "--role", role,
        ]);
    }
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
    for (p, mark) in [
        ("1", "present"),
        ("2", "present"),
        ("3", "present"),
        ("4", "absent"),
    ] {
        c.ok(&["attend", "--session", "1", p, mark]);
    }
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
        "3/0/0",
        "Fix the roof",
    ]);
    c.ok(&["session", "open", "1", "--at", "17:00"]);
    c.ok(&["session", "close", "1", "--at", "18:00"]);
    c
}

fn root_or_skip(test: &str) -> bool {
    if is_root() {
        return true;
    }
    eprintln!(
        "SKIPPED {test}: it signs as the users daemon and bin, which needs root (CI runs the tests as root)"
    );
    false
}

#[test]
fn two_members_sign_from_their_accounts_and_verify_tells_untouched_from_changed() {
    if !root_or_skip("two_members_sign_from_their_accounts_and_verify_tells_untouched_from_changed")
    {
        return;
    }
    let c = signed_board();
    // Not approved yet: nothing to sign.
    let (code, _, err) = c.run_as(DAEMON, &["minutes", "sign", "1"]);
    assert_ne!(code, 0);
    assert!(
        err.contains("the minutes of session 1 are not approved"),
        "{err}"
    );
    c.ok(&["session", "approve", "1"]);

    // Two identities sign, each as themself.
    let d = c.json_as(DAEMON, &["minutes", "sign", "1"]);
    assert_eq!(d["login"], "daemon", "{d}");
    assert_eq!(d["person"]["en"], "Dara Daemon");
    assert_eq!(d["version"], 1);
    let out = c.ok_as(BIN, &["minutes", "sign", "1"]);
    assert!(
        out.contains("you signed version 1 of the minutes of session 1 as Bita Bin"),
        "{out}"
    );

    // Signing twice, an absent member, and an account that is nobody are refused.
    let (code, _, err) = c.run_as(DAEMON, &["minutes", "sign", "1"]);
    assert_ne!(code, 0);
    assert!(
        err.contains("you signed version 1 of the minutes of session 1 already"),
        "{err}"
    );
    let (code, _, err) = c.run_as(SYS, &["minutes", "sign", "1"]);
    assert_ne!(code, 0);
    assert!(
        err.contains("Sina Sys is not one who signs the minutes of session 1"),
        "{err}"
    );
    let (code, _, err) = c.run_as(NOBODY, &["minutes", "sign", "1", "--json"]);
    assert_ne!(code, 0);
    assert!(
        err.contains("no person carries your login «nobody»"),
        "{err}"
    );
    // Nothing a user sets names someone else: $USER and LOGNAME are not read.
    let home = c.dir.path().join("home-3");
    let o = common::shura_command(&c.db, &home, "2024-12-06", SYS)
        .env("USER", "daemon")
        .env("LOGNAME", "daemon")
        .args(["minutes", "sign", "1"])
        .output()
        .unwrap();
    assert_ne!(o.status.code(), Some(0));

    // Who signed and who is still to sign.
    let s = c.json_as(None, &["minutes", "signatures", "1"]);
    let signed: Vec<&str> = s["signed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["login"].as_str().unwrap())
        .collect();
    assert_eq!(signed, ["daemon", "bin"], "{s}");
    let to_sign: Vec<&str> = s["unsigned"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"]["en"].as_str().unwrap())
        .collect();
    assert_eq!(to_sign, ["Sara Chair"], "{s}");
    let text = c.ok(&["minutes", "signatures", "1"]);
    assert!(
        text.contains("Dara Daemon") && text.contains("Still to sign: Sara Chair"),
        "{text}"
    );
    let dash = c.json_as(None, &["dashboard"]);
    assert_eq!(dash["unsigned"][0]["session"], 1, "{dash}");
    assert_eq!(
        dash["unsigned"][0]["people"][0]["name"]["en"], "Sara Chair",
        "{dash}"
    );
    let dash = c.ok(&["dashboard"]);
    assert!(
        dash.contains("Minutes to sign: 1 members in 1 sessions"),
        "{dash}"
    );
    assert!(
        dash.contains("session 1 (2024-12-01): Sara Chair"),
        "{dash}"
    );

    // The exports print the signers; verify accepts them untouched.
    for (format, name) in [("md", "minutes.md"), ("html", "minutes.html")] {
        let path = c.file(name);
        c.ok(&[
            "export",
            "minutes",
            "1",
            "--format",
            format,
            "-o",
            path.to_str().unwrap(),
        ]);
        let doc = std::fs::read_to_string(&path).unwrap();
        assert!(doc.contains("<!-- shura:signatures -->"), "{doc}");
        assert!(
            doc.contains("Dara Daemon") && doc.contains("Bita Bin"),
            "{doc}"
        );
        if format == "html" {
            let block = doc.find("<!-- shura:signatures -->").unwrap();
            assert!(block < doc.rfind("</body>").unwrap(), "{doc}");
        }
        let out = c.ok(&["minutes", "verify", path.to_str().unwrap()]);
        assert!(
            out.contains("approved record: the minutes of session 1 of «Library Board»"),
            "{out}"
        );
        assert!(
            out.contains("Dara Daemon") && out.contains("Bita Bin"),
            "{out}"
        );
        let v = c.json_as(None, &["minutes", "verify", path.to_str().unwrap()]);
        assert_eq!(v["verdict"], "approved", "{v}");
        assert_eq!(v["session_id"], 1);
        assert_eq!(v["format"], format);
        assert_eq!(v["signatures"].as_array().unwrap().len(), 2, "{v}");
        // The check code printed in the file is the one verify gives.
        let code = v["check_code"].as_str().unwrap();
        assert_eq!(code.len(), 14, "{code}");
        assert!(doc.contains(code), "{code} in {doc}");

        // One character changed in the record part: refused, exit non-zero.
        let changed = doc.replacen("Fix the roof", "Fix the roog", 1);
        assert_ne!(changed, doc);
        let bad = c.file(&format!("changed-{name}"));
        std::fs::write(&bad, changed).unwrap();
        let (code, out, err) = c.run_as(None, &["minutes", "verify", bad.to_str().unwrap()]);
        assert_eq!(code, 1, "{out}{err}");
        assert!(
            err.contains("is not an approved record of this database"),
            "{err}"
        );
        let (code, out, _) = c.run_as(
            None,
            &["minutes", "verify", bad.to_str().unwrap(), "--json"],
        );
        assert_eq!(code, 1);
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["verdict"], "changed", "{v}");
    }

    // The chain still verifies after the signatures, which are in it.
    c.ok(&["audit", "verify"]);
    let log = c.json_as(None, &["audit", "log", "--entity", "signature"]);
    assert_eq!(log.as_array().unwrap().len(), 2, "{log}");
    let conn = rusqlite::Connection::open(&c.db).unwrap();
    let (audit_id, sha): (i64, String) = conn
        .query_row(
            "SELECT audit_id, minutes_sha256 FROM signature WHERE login = 'daemon'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let after: String = conn
        .query_row("SELECT after FROM audit WHERE id = ?1", [audit_id], |r| {
            r.get(0)
        })
        .unwrap();
    assert!(
        after.contains(&sha) && after.contains("\"login\":\"daemon\""),
        "{after}"
    );
    // A signature is kept as signed.
    let del = conn.execute("DELETE FROM signature WHERE login = 'daemon'", []);
    assert!(del
        .unwrap_err()
        .to_string()
        .contains("a signature is kept as signed"));
    let upd = conn.execute("UPDATE signature SET login = 'mallory'", []);
    assert!(upd.is_err());
    // Changed behind shura's back (the trigger dropped): audit verify finds it.
    conn.execute_batch(
        "DROP TRIGGER signature_append_only_update;
         UPDATE signature SET signed_at = '2020-01-01T00:00:00Z' WHERE login = 'bin';",
    )
    .unwrap();
    drop(conn);
    let (code, out, err) = c.run_as(None, &["audit", "verify"]);
    assert_ne!(code, 0, "{out}{err}");
    assert!(
        format!("{out}{err}").contains("(login «bin») does not match its audit entry"),
        "{out}{err}"
    );
}

#[test]
fn the_user_signs_once_and_persian_refusals_have_no_english() {
    let c = signed_board();
    c.ok(&["session", "approve", "1"]);
    // The chair (the account running the tests) signs.
    let s = c.json_as(None, &["minutes", "sign", "1"]);
    assert_eq!(s["person"]["en"], "Sara Chair", "{s}");
    assert_eq!(s["audit_id"].as_i64().map(|i| i > 0), Some(true), "{s}");
    let (code, _, err) = c.run_as(None, &["--lang", "fa", "minutes", "sign", "1"]);
    assert_ne!(code, 0);
    assert!(err.contains("رد شد"), "{err}");
    let english: Vec<&str> = err
        .split(|ch: char| !ch.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3 && *w != "shura")
        .collect();
    assert!(english.is_empty(), "{english:?} in {err}");
    // A session not approved: nothing to sign, nothing to ask.
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
    let s = c.json_as(None, &["minutes", "signatures", "2"]);
    assert_eq!(s["version"], Value::Null, "{s}");
    assert!(s["unsigned"].as_array().unwrap().is_empty());
    // A file that is no minutes at all.
    let f = c.file("other.md");
    std::fs::write(&f, "# Some notes\n").unwrap();
    let (code, _, err) = c.run_as(None, &["minutes", "verify", f.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("is not an approved record"), "{err}");
    let (code, _, err) = c.run_as(None, &["minutes", "verify", "/nonexistent/m.md"]);
    assert_ne!(code, 0);
    assert!(err.contains("cannot read /nonexistent/m.md"), "{err}");
}
