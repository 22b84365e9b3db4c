//! Errors in the user's language: with `--lang fa`, no English word reaches stderr from
//! the error paths of the commands (values the test typed excepted, and a short list of
//! technical tokens), and with `--json` an error is one language-neutral object on
//! stderr with a stable code.
//!
//! Every run gets its own temporary database, `SHURA_TODAY`, `SHURA_CONFIG=/nonexistent`
//! and `LANG=C`, like tests/cli.rs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// Words allowed in Persian output besides what the test typed: the program's name in
/// the `shura:` prefix and technical tokens the catalogue keeps as they are.
const ALLOWED: &[&str] = &["shura", "uid", "SQLite", "JSON", "WAL", "CSV"];

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

struct Shura {
    dir: TempDir,
    db: PathBuf,
}

impl Shura {
    fn new() -> Shura {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("council.db");
        Shura { dir, db }
    }

    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("shura").unwrap();
        let home = self.dir.path();
        c.env("SHURA_DB", &self.db)
            .env("SHURA_TODAY", "2026-11-22")
            .env("SHURA_CONFIG", "/nonexistent")
            .env("SHURA_STATE_DIR", home.join("state"))
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_STATE_HOME", home.join("state"))
            .timeout(Duration::from_secs(120));
        c
    }

    fn run_cmd(&self, mut c: Command, args: &[&str]) -> Run {
        let out = c.args(args).output().unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_cmd(self.cmd(), args)
    }

    fn ok(&self, args: &[&str]) -> String {
        let r = self.run(args);
        assert_eq!(r.code, 0, "shura {args:?}: {}", r.stderr);
        r.stdout
    }

    /// Runs in Persian, expects `code`, and checks stderr holds Persian and no English
    /// word; returns stderr.
    fn fail_fa(&self, args: &[&str], code: i32, typed: &[&str]) -> String {
        let mut all = vec!["--lang", "fa"];
        all.extend_from_slice(args);
        let r = self.run(&all);
        assert_eq!(r.code, code, "shura {all:?}: {} {}", r.stdout, r.stderr);
        assert_persian(&r.stderr, typed, &all);
        r.stderr
    }

    /// A body, two people and a session (id 1) of the body.
    fn council(&self) {
        self.ok(&["init"]);
        self.ok(&["body", "add", "Planning Council", "--kind", "council"]);
        self.ok(&["person", "add", "Sara Ahmadi", "--login", "sara"]);
        self.ok(&["member", "add", "--body", "1", "--person", "sara"]);
        self.ok(&["session", "add", "--body", "1", "--date", "2026-12-01"]);
    }
}

/// The ASCII words (runs of 3 or more Latin letters) of a text, leaving out
/// command-line flags (`--json`, `--force`): they are typed as they are in every language.
fn ascii_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut flag = false;
    let mut prev = [' ', ' '];
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_alphabetic() || (flag && c == '-') {
            if cur.is_empty() {
                flag = prev == ['-', '-'];
            }
            cur.push(c);
        } else {
            if cur.len() >= 3 && !flag {
                words.push(cur.clone());
            }
            cur.clear();
            flag = false;
        }
        prev = [prev[1], c];
    }
    words
}

/// Fails when `text` is empty, has no Persian letter, or holds an ASCII word that is
/// neither allowed nor part of what the test typed.
fn assert_persian(text: &str, typed: &[&str], args: &[&str]) {
    assert!(!text.trim().is_empty(), "shura {args:?}: nothing on stderr");
    assert!(
        text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "shura {args:?}: no Persian in {text:?}"
    );
    let typed_words: Vec<String> = typed.iter().flat_map(|t| ascii_words(t)).collect();
    let english: Vec<String> = ascii_words(text)
        .into_iter()
        .filter(|w| !ALLOWED.contains(&w.as_str()) && !typed_words.contains(w))
        .collect();
    assert!(
        english.is_empty(),
        "shura {args:?}: English {english:?} in {text:?}"
    );
}

/// The one JSON object on stderr.
fn json_error(stderr: &str) -> Value {
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line: {stderr:?}");
    serde_json::from_str(lines[0]).unwrap_or_else(|e| panic!("{e}: {stderr:?}"))
}

#[test]
fn the_english_checker_catches_english() {
    assert_eq!(
        ascii_words("shura: no resolution 99999"),
        ["shura", "resolution"]
    );
    assert_eq!(ascii_words("با --json یا --dry-run و json"), ["json"]);
    assert!(std::panic::catch_unwind(|| assert_persian("مصوبه not found", &[], &[])).is_err());
    assert!(std::panic::catch_unwind(|| assert_persian("", &[], &[])).is_err());
    assert_persian("shura: مصوبه «Roof» وجود ندارد", &["Roof"], &[]);
}

#[test]
fn a_missing_resolution_in_persian_and_as_json() {
    let s = Shura::new();
    s.council();
    let err = s.fail_fa(&["resolution", "show", "99999"], 2, &["99999"]);
    assert!(err.contains("مصوبه") && err.contains("99999"), "{err}");

    // English still says it in English.
    let r = s.run(&["resolution", "show", "99999"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("no resolution \"99999\" exists"),
        "{}",
        r.stderr
    );

    // --json: one object, the same in both languages but for its message.
    for lang in ["fa", "en"] {
        let r = s.run(&["--lang", lang, "resolution", "show", "99999", "--json"]);
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(r.stdout.is_empty(), "{}", r.stdout);
        let v = json_error(&r.stderr);
        assert_eq!(v["error"], "not_found");
        assert_eq!(v["what"], "resolution");
        assert_eq!(v["key"], "99999");
        let message = v["message"].as_str().unwrap();
        assert_eq!(message.contains("مصوبه"), lang == "fa", "{message}");
    }
}

#[test]
fn a_bad_session_id() {
    let s = Shura::new();
    s.council();
    let err = s.fail_fa(&["session", "show", "abc"], 2, &["abc"]);
    assert!(err.contains("جلسه") && err.contains("abc"), "{err}");
    let err = s.fail_fa(&["session", "show", "4242"], 2, &[]);
    assert!(err.contains("4242"), "{err}");

    let r = s.run(&["session", "show", "abc", "--json"]);
    let v = json_error(&r.stderr);
    assert_eq!(v["error"], "invalid");
    assert_eq!(v["what"], "session");
    assert_eq!(v["value"], "abc");
}

#[test]
fn a_bad_date() {
    let s = Shura::new();
    s.council();
    let err = s.fail_fa(
        &["session", "add", "--body", "1", "--date", "1405/13/40"],
        2,
        &[],
    );
    assert!(err.contains("1405/13/40") && err.contains("ماه"), "{err}");
    s.fail_fa(&["date", "1404/12/30"], 2, &[]);
    s.fail_fa(
        &["date", "Friday 15 Azar 1397"],
        2,
        &["Friday 15 Azar 1397"],
    );

    let r = s.run(&[
        "session",
        "add",
        "--body",
        "1",
        "--date",
        "1405/13/40",
        "--json",
    ]);
    assert_eq!(r.code, 2);
    let v = json_error(&r.stderr);
    assert_eq!(v["error"], "invalid");
    assert_eq!(v["what"], "date");
    assert_eq!(v["value"], "1405/13/40");
    assert_eq!(v["reason"], "no_such_month");
}

#[test]
fn attend_with_a_bad_member_and_a_bad_mark() {
    let s = Shura::new();
    s.council();
    let err = s.fail_fa(
        &["attend", "--session", "1", "nobodyhere", "present"],
        2,
        &["nobodyhere"],
    );
    assert!(err.contains("شخص") && err.contains("nobodyhere"), "{err}");
    // The accepted marks are named by their Persian labels (typing them works too).
    let err = s.fail_fa(
        &["attend", "--session", "1", "sara", "sleeping"],
        2,
        &["sara", "sleeping"],
    );
    assert!(
        err.contains("حضور و غیاب") && err.contains("غیبت موجه"),
        "{err}"
    );
    let r = s.run(&["task", "list", "--status", "sleeping", "--json"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    let v = json_error(&r.stderr);
    assert_eq!(v["error"], "invalid");
    assert_eq!(v["what"], "status");
    assert_eq!(v["value"], "sleeping");
    assert_eq!(v["accepted"][0], "open");
    s.ok(&[
        "--lang",
        "fa",
        "attend",
        "--session",
        "1",
        "sara",
        "غیبت موجه",
    ]);
    // A success says it in Persian too.
    let out = s.ok(&[
        "--lang",
        "fa",
        "attend",
        "--session",
        "1",
        "sara",
        "present",
    ]);
    assert_persian(&out, &["Sara Ahmadi"], &["attend"]);
}

#[test]
fn a_refused_role_in_persian_and_as_json() {
    // SAFETY: getuid has no preconditions.
    if unsafe { libc::getuid() } != 0 {
        eprintln!("skipped: running as another user (daemon, uid 1) needs root");
        return;
    }
    let s = Shura::new();
    s.council();
    // Let daemon reach the database.
    for p in [s.dir.path().to_path_buf(), s.db.clone()] {
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o777)).unwrap();
    }
    for ext in ["-wal", "-shm"] {
        let p = PathBuf::from(format!("{}{ext}", s.db.display()));
        if p.exists() {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o666)).unwrap();
        }
    }
    let as_daemon = |args: &[&str]| {
        let home = s.dir.path();
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("shura"));
        cmd.env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("SHURA_DB", &s.db)
            .env("SHURA_TODAY", "2026-11-22")
            .env("SHURA_CONFIG", "/nonexistent")
            .env("LANG", "C")
            .env("HOME", home)
            .env("SHURA_STATE_DIR", home.join("state"));
        std::os::unix::process::CommandExt::uid(&mut cmd, 1);
        std::os::unix::process::CommandExt::gid(&mut cmd, 1);
        let out = cmd.args(args).output().unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    };
    let r = as_daemon(&["--lang", "fa", "body", "add", "Roof Committee"]);
    assert_eq!(r.code, 3, "{} {}", r.stdout, r.stderr);
    assert_persian(&r.stderr, &["daemon"], &["body add"]);
    assert!(r.stderr.contains("مدیر سامانه"), "{}", r.stderr);

    let r = as_daemon(&["--lang", "fa", "session", "open", "1", "--json"]);
    if r.code == 3 {
        let v = json_error(&r.stderr);
        assert_eq!(v["error"], "denied");
        // The body's name is as it was typed (in English only).
        assert_persian(
            v["message"].as_str().unwrap(),
            &["daemon", "Planning Council"],
            &["session open"],
        );
    }
}

#[test]
fn init_on_a_bad_path() {
    let s = Shura::new();
    let plain = s.dir.path().join("plain");
    std::fs::write(&plain, "not a directory").unwrap();
    let db = plain.join("sub").join("x.db");
    let db = db.to_str().unwrap();
    let err = s.fail_fa(&["--db", db, "init"], 1, &[db]);
    assert!(err.contains("پوشه"), "{err}");

    let r = s.run(&["--db", db, "init"]);
    assert!(
        r.stderr.contains("cannot reach or create the directory"),
        "{}",
        r.stderr
    );

    // A file that is not a database.
    let junk = s.dir.path().join("junk.db");
    std::fs::write(&junk, vec![b'x'; 4096]).unwrap();
    let junk = junk.to_str().unwrap();
    s.fail_fa(&["--db", junk, "init"], 1, &[junk]);
}

#[test]
fn audit_verify_in_persian() {
    let s = Shura::new();
    s.council();
    let out = s.ok(&["--lang", "fa", "audit", "verify"]);
    // The chain head is a hex digest: it may hold letter runs such as "bded".
    let head: Vec<&str> = out.split_whitespace().filter(|w| w.len() >= 64).collect();
    assert_persian(&out, &head, &["audit verify"]);

    let conn = rusqlite::Connection::open(&s.db).unwrap();
    conn.execute_batch(
        "DROP TRIGGER audit_append_only_update;
         UPDATE audit SET login = 'mallory' WHERE id = 2;",
    )
    .unwrap();
    drop(conn);
    let err = s.fail_fa(&["audit", "verify"], 1, &[]);
    assert!(err.contains("زنجیره"), "{err}");
    let r = s.run(&["--lang", "fa", "audit", "verify"]);
    assert_persian(&r.stdout, &[], &["audit verify"]);
}

#[test]
fn the_dashboard_and_other_usage_errors_in_persian() {
    let s = Shura::new();
    s.council();
    let out = s.ok(&["--lang", "fa", "dashboard"]);
    assert_persian(&out, &["Planning Council"], &["dashboard"]);
    s.fail_fa(&["task", "update", "1"], 2, &[]);
    s.fail_fa(&["cal", "1403/13"], 2, &[]);
    s.fail_fa(&["body", "add", ""], 2, &[]);
    s.fail_fa(&["member", "add", "--body", "1"], 2, &[]);
}

#[test]
fn the_interactive_program_tells_store_errors_in_persian() {
    use shura::app::state::App;
    use shura::app::{Context, Prefs};
    let s = Shura::new();
    s.council();
    let store = shura::store::Store::open(&s.db, shura::identity::Actor::current()).unwrap();
    let fa = Prefs {
        lang: shura::locale::Lang::Fa,
        ..Prefs::default()
    };
    let mut app = App::new(Context::new(store, fa));
    let err = app.open_resolution_page(99999).unwrap_err();
    assert_persian(&err, &["99999"], &["open_resolution_page"]);
    assert!(err.contains("مصوبه"), "{err}");
    let err = app.open_session_screen(4242).unwrap_err();
    assert_persian(&err, &[], &["open_session_screen"]);

    // Another program in English on the same thread speaks English again.
    let store = shura::store::Store::open(&s.db, shura::identity::Actor::current()).unwrap();
    let mut app = App::new(Context::new(store, Prefs::default()));
    let err = app.open_resolution_page(99999).unwrap_err();
    assert!(err.contains("no resolution"), "{err}");
}

#[test]
fn command_line_mistakes_in_persian_and_as_json() {
    let s = Shura::new();
    s.council();
    let err = s.fail_fa(&["body", "add", "Y", "--meets", "x"], 2, &[]);
    assert!(err.contains("--meets"), "{err}");
    s.fail_fa(&["session"], 2, &[]);
    s.fail_fa(&["bogus"], 2, &["bogus"]);

    // Hostile text in a JSON error is escaped, never raw on the terminal.
    let r = s.run(&["resolution", "show", "rlo \u{202e}gpj", "--json"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(!r.stderr.contains('\u{202e}'), "{:?}", r.stderr);
    let v = json_error(&r.stderr);
    assert_eq!(v["error"], "usage");
    let r = s.run(&["session", "show", "rlo \u{202e}gpj", "--json"]);
    assert!(!r.stderr.contains('\u{202e}'), "{:?}", r.stderr);
    let v = json_error(&r.stderr);
    assert_eq!(v["error"], "invalid");
    assert_eq!(v["value"], "rlo \u{202e}gpj");
}
