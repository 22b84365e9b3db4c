//! The `shura` binary, subcommand by subcommand: exit codes (0 success, 2 bad usage or
//! invalid input, 1 other failures), errors on stderr naming the bad value, JSON
//! listings, filters, dates in both calendars, Persian output, and hostile text that
//! must be stored exactly but never reach the terminal raw.
//!
//! Every run gets its own temporary database, `SHURA_TODAY=2026-11-22`,
//! `SHURA_CONFIG=/nonexistent` and `LANG=C`, and every run's stderr (and stdout, unless
//! it is JSON) is checked for ESC, C1 CSI (U+009B), BEL and U+202E.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::path::PathBuf;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

const TODAY: &str = "2026-11-22";

/// Hostile strings: each must be stored exactly or refused clearly.
const CLEAR_SCREEN: &str = "clear \x1b[2J screen";
const OSC52: &str = "clip \x1b]52;c;SGVsbG8=\x07 board";
const C1_CSI: &str = "c1 \u{9b}31m red";
const RLO: &str = "rlo \u{202e}gpj.exe";
const HOSTILE: &[&str] = &[CLEAR_SCREEN, OSC52, C1_CSI, RLO];

/// What a run printed and how it ended.
struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

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

fn assert_clean(bytes: &[u8], what: &str, args: &[&str]) {
    if let Some(found) = find_dangerous(bytes) {
        panic!(
            "{what} of shura {args:?} holds {found}: {:?}",
            String::from_utf8_lossy(bytes)
        );
    }
}

/// One test's world: a temporary directory with the database in it.
struct Shura {
    dir: TempDir,
    db: PathBuf,
}

impl Shura {
    fn new() -> Shura {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("council.db");
        Shura { dir, db }
    }

    /// The binary with a clean, reproducible environment.
    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("shura").expect("the shura binary");
        let home = self.dir.path();
        c.env("SHURA_DB", &self.db)
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
            .timeout(Duration::from_secs(120));
        c
    }

    fn run_cmd(&self, mut c: Command, args: &[&str]) -> Run {
        let out = c.args(args).output().expect("run shura");
        assert_clean(&out.stderr, "stderr", args);
        if !args.contains(&"--json") {
            assert_clean(&out.stdout, "stdout", args);
        }
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        }
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_cmd(self.cmd(), args)
    }

    /// Runs and expects success; returns stdout.
    fn ok(&self, args: &[&str]) -> String {
        let r = self.run(args);
        assert_eq!(
            r.code, 0,
            "shura {args:?} failed ({}): {}",
            r.code, r.stderr
        );
        r.stdout
    }

    /// Runs with `--json` and parses stdout.
    fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        let out = self.ok(&all);
        serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("shura {all:?} printed invalid JSON ({e}): {out}"))
    }

    /// Runs, expects this exit code and a message on stderr; returns stderr.
    fn fail(&self, args: &[&str], code: i32) -> String {
        let r = self.run(args);
        assert_eq!(
            r.code, code,
            "shura {args:?}: expected exit {code}, got {}; stdout: {} stderr: {}",
            r.code, r.stdout, r.stderr
        );
        assert!(
            !r.stderr.trim().is_empty(),
            "shura {args:?} failed without a message"
        );
        r.stderr
    }

    /// A council with a template, two members, a commission under it and a session.
    fn council(&self) {
        self.ok(&[
            "body",
            "add",
            "Planning Council",
            "--kind",
            "council",
            "--template-item",
            "Opening",
            "--resolution-format",
            "{jyear}/{session}/{seq}",
            "--formed",
            "2020-03-20",
        ]);
        self.ok(&[
            "body",
            "add",
            "--name-fa",
            "کمیسیون بودجه",
            "--name-en",
            "Budget Commission",
            "--kind",
            "commission",
            "--parent",
            "Planning Council",
            "--resolution-format",
            "R-{year}-{seq:3}",
        ]);
        self.ok(&[
            "person",
            "add",
            "Sara Ahmadi",
            "--login",
            "sara",
            "--organization",
            "Municipality",
        ]);
        self.ok(&["person", "add", "Reza Karimi", "--login", "reza"]);
        self.ok(&[
            "member", "add", "--body", "1", "--person", "sara", "--role", "chair",
        ]);
        self.ok(&["member", "add", "--body", "1", "--person", "reza"]);
        self.ok(&["session", "add", "--body", "1", "--date", "2026-11-20"]);
    }
}

/// All string values in a JSON document.
fn strings(v: &Value) -> Vec<String> {
    let mut out = Vec::new();
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::String(s) => out.push(s.clone()),
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            Value::Object(m) => m.values().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    walk(v, &mut out);
    out
}

fn array(v: &Value) -> &Vec<Value> {
    v.as_array()
        .unwrap_or_else(|| panic!("expected a JSON array, got {v}"))
}

fn ids(v: &Value) -> Vec<i64> {
    array(v)
        .iter()
        .map(|o| o["id"].as_i64().expect("numeric id"))
        .collect()
}

const DATE_FIELDS: &[&str] = &[
    "date",
    "due",
    "created_on",
    "done_on",
    "term_start",
    "term_end",
    "formed_on",
];

fn is_iso_date(s: &str) -> bool {
    s.len() == 10 && chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
}

fn is_jalali(s: &str) -> bool {
    let b = s.as_bytes();
    s.len() == 10
        && b[4] == b'/'
        && b[7] == b'/'
        && s.chars()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// snake_case keys, numeric ids, ISO dates with a Jalali twin, at every depth.
fn check_object_shape(v: &Value, path: &str) {
    match v {
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                check_object_shape(x, &format!("{path}[{i}]"));
            }
        }
        Value::Object(m) => {
            for (k, val) in m {
                // Audit snapshots are the rows exactly as hashed: no added fields.
                if k == "before" || k == "after" {
                    continue;
                }
                let here = format!("{path}.{k}");
                assert!(
                    !k.is_empty()
                        && k.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                        && k.chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                    "key {here} is not snake_case"
                );
                if k == "id" || k.ends_with("_id") {
                    assert!(
                        val.is_i64() || val.is_null(),
                        "{here} should be a number, is {val}"
                    );
                }
                if DATE_FIELDS.contains(&k.as_str()) {
                    if let Value::String(s) = val {
                        assert!(is_iso_date(s), "{here} = {s:?} is not YYYY-MM-DD");
                        let twin = m
                            .get(&format!("{k}_jalali"))
                            .and_then(Value::as_str)
                            .unwrap_or_else(|| panic!("{here} has no {k}_jalali beside it"));
                        assert!(is_jalali(twin), "{here}_jalali = {twin:?}");
                        let d = chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
                        assert_eq!(
                            twin,
                            shura::locale::calendar::jalali_string(d),
                            "{here}_jalali"
                        );
                    } else {
                        assert!(val.is_null(), "{here} should be a date string or null");
                    }
                }
                check_object_shape(val, &here);
            }
        }
        _ => {}
    }
}

/// A listing: one JSON array of objects of the expected shape.
fn check_listing(v: &Value, what: &str) {
    let items = array(v);
    assert!(
        items.iter().all(Value::is_object),
        "{what}: every element is an object"
    );
    check_object_shape(v, what);
}

// ----- init, demo -----

#[test]
fn init_creates_the_database_and_is_idempotent() {
    let s = Shura::new();
    let out = s.ok(&["init"]);
    let version = format!("schema version {}", shura::store::schema::SCHEMA_VERSION);
    assert!(out.contains(&version), "{out}");
    assert!(s.db.exists());
    let again = s.ok(&["init"]);
    assert!(again.contains("is ready"), "{again}");
    // --db overrides SHURA_DB.
    let other = s.dir.path().join("sub/dir/other.db");
    let out = s.ok(&["--db", other.to_str().unwrap(), "init"]);
    assert!(out.contains("other.db"), "{out}");
    assert!(other.exists(), "parent directories are made");
}

#[test]
fn a_file_that_is_not_a_database_fails_with_exit_1() {
    let s = Shura::new();
    std::fs::write(&s.db, "this is a text file, not SQLite\n".repeat(100)).unwrap();
    let err = s.fail(&["body", "list"], 1);
    assert!(err.contains("not a shura database"), "{err}");
    // The file is left alone.
    assert!(std::fs::read_to_string(&s.db)
        .unwrap()
        .starts_with("this is a text file"));
}

#[test]
fn a_database_from_a_newer_shura_fails_with_exit_1_naming_both_versions() {
    let s = Shura::new();
    s.ok(&["init"]);
    rusqlite::Connection::open(&s.db)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99")
        .unwrap();
    let err = s.fail(&["body", "list"], 1);
    assert!(err.contains("council.db"), "names the file: {err}");
    assert!(err.contains("99"), "names its version: {err}");
    assert!(
        err.contains(&shura::store::schema::SCHEMA_VERSION.to_string()),
        "{err}"
    );
    assert!(err.contains("upgrade"), "{err}");
}

#[test]
fn demo_fills_an_empty_database_and_needs_force_to_replace_data() {
    let s = Shura::new();
    let out = s.ok(&["demo"]);
    assert!(out.contains("demo loaded"), "{out}");
    let bodies = s.json(&["body", "list"]);
    assert!(!array(&bodies).is_empty(), "the demo has bodies");
    let people = s.json(&["person", "list"]);
    assert!(!array(&people).is_empty(), "the demo has people");

    // A database holding data is not touched without --force.
    s.ok(&["body", "add", "My Own Committee"]);
    let err = s.fail(&["demo"], 2);
    assert!(err.contains("--force"), "{err}");
    assert!(err.contains("council.db"), "{err}");
    let names = strings(&s.json(&["body", "list"]));
    assert!(names.iter().any(|n| n == "My Own Committee"));

    // With --force it is replaced by the demo.
    s.ok(&["demo", "--force"]);
    let names = strings(&s.json(&["body", "list"]));
    assert!(!names.iter().any(|n| n == "My Own Committee"));
    assert!(s.ok(&["audit", "verify"]).contains("intact"));

    // An empty (initialized) database needs no --force.
    let t = Shura::new();
    t.ok(&["init"]);
    t.ok(&["demo"]);

    for bad in ["0", "-1", "11", "NaN"] {
        let flag = format!("--scale={bad}");
        let err = s.fail(&["demo", "--force", &flag], 2);
        assert!(err.contains("scale") && err.contains(bad), "{err}");
    }
    let err = s.fail(&["demo", "--force", "--text-lang", "klingon"], 2);
    assert!(err.contains("klingon"), "{err}");
}

// ----- bodies and people -----

#[test]
fn body_add_and_list() {
    let s = Shura::new();
    s.council();
    let table = s.ok(&["body", "list"]);
    assert!(table.contains("Planning Council"), "{table}");
    assert!(table.contains("Budget Commission"), "{table}");
    assert!(table.starts_with("Id"), "{table}");

    let v = s.json(&["body", "list"]);
    check_listing(&v, "body list");
    let bodies = array(&v);
    assert_eq!(bodies.len(), 2);
    let council = &bodies[0];
    assert_eq!(council["id"], 1);
    assert_eq!(council["name"]["en"], "Planning Council");
    assert_eq!(council["kind"], "council");
    assert_eq!(council["formed_on"], "2020-03-20");
    assert_eq!(council["formed_on_jalali"], "1399/01/01");
    assert_eq!(council["agenda_template"], serde_json::json!(["Opening"]));
    assert_eq!(council["resolution_format"], "{jyear}/{session}/{seq}");
    let commission = &bodies[1];
    assert_eq!(commission["parent_id"], 1);
    assert_eq!(commission["name"]["fa"], "کمیسیون بودجه");
    assert_eq!(commission["kind"], "commission");

    // Every setting, and a Jalali formation date typed with Persian digits.
    let added = s.json(&[
        "body",
        "add",
        "Works Working Group",
        "--kind",
        "working group",
        "--parent",
        "2",
        "--quorum",
        "fixed:3",
        "--meeting-rule",
        "jalali_months:4,10",
        "--confidential",
        "--formed",
        "۱۴۰۳/۰۱/۰۱",
        "--template-item",
        "Opening",
        "--template-item",
        "Review",
    ]);
    assert_eq!(added["id"], 3);
    assert_eq!(added["kind"], "working_group");
    assert_eq!(added["parent_id"], 2);
    assert_eq!(
        added["quorum"],
        serde_json::json!({"rule": "fixed", "count": 3})
    );
    assert_eq!(
        added["meeting_rule"],
        serde_json::json!({"rule": "jalali_months", "months": [4, 10]})
    );
    assert_eq!(added["confidential"], true);
    assert_eq!(added["formed_on"], "2024-03-20");
    assert_eq!(added["formed_on_jalali"], "1403/01/01");
    assert_eq!(
        added["agenda_template"],
        serde_json::json!(["Opening", "Review"])
    );
    let plain = s.ok(&["body", "add", "Another Committee"]);
    assert_eq!(plain.trim(), "body 4 added");
}

#[test]
fn body_add_refuses_bad_values_with_exit_2_naming_them() {
    let s = Shura::new();
    s.council();
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["--kind", "parliament"],
            &["parliament", "council", "committee"],
        ),
        (&["--quorum", "most"], &["most", "majority", "two_thirds"]),
        (&["--quorum", "fixed:0"], &["fixed:0"]),
        (&["--meeting-rule", "weekly"], &["weekly", "jalali_months"]),
        (
            &["--meeting-rule", "jalali_months:13"],
            &["jalali_months:13"],
        ),
        (&["--resolution-format", "{year}"], &["{year}", "{seq}"]),
        (&["--parent", "No Such Body"], &["No Such Body"]),
        (&["--parent", "99"], &["99"]),
        (&["--formed", "2025-13-01"], &["2025-13-01", "month"]),
        (&["--formed", "hello"], &["hello"]),
        (&["--formed", "1404/12/30"], &["1404/12/30"]),
        (&["--formed", "2025-02-29"], &["2025-02-29"]),
    ];
    for (extra, needles) in cases {
        let mut args = vec!["body", "add", "Refused Body"];
        args.extend_from_slice(extra);
        let err = s.fail(&args, 2);
        for n in *needles {
            assert!(err.contains(n), "shura {args:?}: stderr lacks {n:?}: {err}");
        }
    }
    let err = s.fail(&["body", "add", ""], 2);
    assert!(err.contains("body name") && err.contains("empty"), "{err}");
    let err = s.fail(&["body", "add"], 2);
    assert!(err.contains("body name"), "{err}");
    let long = "x".repeat(10_000);
    let err = s.fail(&["body", "add", &long], 2);
    assert!(err.contains("10000") && err.contains("500"), "{err}");
    assert!(
        err.len() < 2_000,
        "the error does not echo 10,000 characters"
    );
    // "Plan" is part of two names: ambiguous, and said so.
    s.ok(&["body", "add", "Planning Unit"]);
    let err = s.fail(&["body", "add", "Child", "--parent", "Plann"], 2);
    assert!(err.contains("ambiguous"), "{err}");
    // Nothing refused was stored.
    assert_eq!(array(&s.json(&["body", "list"])).len(), 3);
}

#[test]
fn person_add_and_list() {
    let s = Shura::new();
    s.ok(&["init"]);
    assert_eq!(
        s.ok(&["person", "add", "Sara Ahmadi", "--login", "sara"])
            .trim(),
        "person 1 added"
    );
    let p = s.json(&[
        "person",
        "add",
        "--name-fa",
        "رضا کریمی",
        "--name-en",
        "Reza Karimi",
        "--organization",
        "University",
        "--email",
        "reza@example.org",
    ]);
    assert_eq!(p["id"], 2);
    assert_eq!(p["name"]["fa"], "رضا کریمی");
    assert_eq!(p["name"]["en"], "Reza Karimi");
    assert_eq!(p["organization"], "University");
    assert_eq!(p["email"], "reza@example.org");
    assert_eq!(p["login"], Value::Null);
    // A single Persian name goes to the Persian slot.
    let q = s.json(&["person", "add", "مریم حسینی"]);
    assert_eq!(q["name"]["fa"], "مریم حسینی");
    assert_eq!(q["name"]["en"], Value::Null);

    let v = s.json(&["person", "list"]);
    check_listing(&v, "person list");
    assert_eq!(ids(&v), [1, 2, 3]);
    let table = s.ok(&["person", "list"]);
    assert!(
        table.contains("Sara Ahmadi") && table.contains("sara"),
        "{table}"
    );
    assert!(table.contains("University"), "{table}");

    let err = s.fail(&["person", "add", "Impostor", "--login", "sara"], 2);
    assert!(err.contains("sara") && err.contains("already"), "{err}");
    let err = s.fail(&["person", "add", "  "], 2);
    assert!(err.contains("person name"), "{err}");
    assert_eq!(array(&s.json(&["person", "list"])).len(), 3);
}

// ----- members -----

#[test]
fn member_add_list_and_duplicates() {
    let s = Shura::new();
    s.council();
    // A new person by --name, with a term in Jalali dates.
    let m = s.json(&[
        "member",
        "add",
        "--body",
        "Budget Commission",
        "--name",
        "Maryam Hosseini",
        "--role",
        "secretary",
        "--from",
        "1405/01/01",
        "--to",
        "1405/12/29",
    ]);
    assert_eq!(m["role"], "secretary");
    assert_eq!(m["body_id"], 2);
    assert_eq!(m["person"]["name"]["en"], "Maryam Hosseini");
    assert_eq!(m["term_start"], "2026-03-21");
    assert_eq!(m["term_start_jalali"], "1405/01/01");
    assert_eq!(m["term_end_jalali"], "1405/12/29");
    let observer = s.json(&[
        "member",
        "add",
        "--body",
        "2",
        "--person",
        "Reza Karimi",
        "--role",
        "observer",
    ]);
    assert_eq!(observer["voting"], false, "observers do not vote");
    let nv = s.json(&[
        "member",
        "add",
        "--body",
        "2",
        "--person",
        "1",
        "--non-voting",
    ]);
    assert_eq!(nv["voting"], false);

    let all = s.json(&["member", "list"]);
    check_listing(&all, "member list");
    assert_eq!(array(&all).len(), 5);
    let of_2 = s.json(&["member", "list", "--body", "Budget Commission"]);
    assert_eq!(array(&of_2).len(), 3);
    assert!(array(&of_2).iter().all(|m| m["body_id"] == 2));
    let by_id = s.json(&["member", "list", "--body", "2"]);
    assert_eq!(by_id, of_2);
    let table = s.ok(&["member", "list", "--body", "1"]);
    assert!(
        table.contains("Sara Ahmadi") && table.contains("Chair"),
        "{table}"
    );

    // The same person again for an overlapping term: refused.
    let err = s.fail(&["member", "add", "--body", "1", "--person", "sara"], 2);
    assert!(err.contains("already") && err.contains("chair"), "{err}");
    let err = s.fail(
        &[
            "member",
            "add",
            "--body",
            "2",
            "--person",
            "Maryam Hosseini",
            "--from",
            "2026-06-01",
        ],
        2,
    );
    assert!(err.contains("already"), "{err}");
    // A later term is fine.
    s.ok(&[
        "member",
        "add",
        "--body",
        "2",
        "--person",
        "Maryam Hosseini",
        "--role",
        "member",
        "--from",
        "1406/01/01",
    ]);
    assert_eq!(array(&s.json(&["member", "list", "--body", "2"])).len(), 4);

    let err = s.fail(
        &[
            "member", "add", "--body", "1", "--person", "reza", "--role", "king",
        ],
        2,
    );
    assert!(err.contains("king") && err.contains("vice_chair"), "{err}");
    let err = s.fail(&["member", "add", "--body", "1"], 2);
    assert!(err.contains("--person") && err.contains("--name"), "{err}");
    let err = s.fail(&["member", "add", "--body", "9", "--person", "sara"], 2);
    assert!(err.contains('9'), "{err}");
    let err = s.fail(&["member", "add", "--body", "1", "--person", "nobody"], 2);
    assert!(err.contains("nobody"), "{err}");
    let err = s.fail(
        &[
            "member", "add", "--body", "1", "--person", "reza", "--from", "hello",
        ],
        2,
    );
    assert!(err.contains("hello"), "{err}");
    let err = s.fail(&["member", "list", "--body", "Nowhere"], 2);
    assert!(err.contains("Nowhere"), "{err}");
}

#[test]

fn a_refused_member_add_leaves_no_new_person_behind() {
    let s = Shura::new();
    s.council();
    let before = array(&s.json(&["person", "list"])).len();
    let err = s.fail(
        &[
            "member",
            "add",
            "--body",
            "1",
            "--name",
            "New Person",
            "--from",
            "2026-01-01",
            "--to",
            "2025-01-01",
        ],
        2,
    );
    assert!(err.contains("term end"), "{err}");
    assert_eq!(
        array(&s.json(&["person", "list"])).len(),
        before,
        "the failed command created a person"
    );
}

// ----- sessions -----

#[test]
fn session_add_list_show_and_numbering() {
    let s = Shura::new();
    s.council();
    let second = s.json(&[
        "session",
        "add",
        "--body",
        "Planning Council",
        "--date",
        "1405/09/10",
        "--time",
        "۰۹:۳۰",
        "--end",
        "11:00",
        "--place",
        "Hall 2",
    ]);
    assert_eq!(second["number"], 2);
    assert_eq!(second["date"], "2026-12-01");
    assert_eq!(second["date_jalali"], "1405/09/10");
    assert_eq!(second["start_time"], "09:30");
    assert_eq!(second["end_time"], "11:00");
    assert_eq!(second["place"], "Hall 2");
    assert_eq!(second["status"], "planned");
    assert_eq!(second["kind"], "regular");
    let first_of_commission = s.json(&[
        "session",
        "add",
        "--body",
        "2",
        "--date",
        "today",
        "--extraordinary",
        "--empty-agenda",
    ]);
    assert_eq!(first_of_commission["number"], 1, "numbers count per body");
    assert_eq!(first_of_commission["date"], TODAY);
    assert_eq!(first_of_commission["kind"], "extraordinary");
    let out = s.ok(&["session", "add", "--body", "1", "--date", "+7d"]);
    assert!(out.contains("number 3 of body 1 on 2026-11-29"), "{out}");

    let all = s.json(&["session", "list"]);
    check_listing(&all, "session list");
    assert_eq!(array(&all).len(), 4);
    let of_council = s.json(&["session", "list", "--body", "Planning Council"]);
    assert_eq!(array(&of_council).len(), 3);
    assert!(array(&of_council).iter().all(|x| x["body_id"] == 1));
    let ranged = s.json(&[
        "session",
        "list",
        "--from",
        "2026-11-21",
        "--to",
        "2026-12-31",
    ]);
    let mut dates: Vec<&str> = array(&ranged)
        .iter()
        .map(|x| x["date"].as_str().unwrap())
        .collect();
    dates.sort();
    assert_eq!(dates, ["2026-11-22", "2026-11-29", "2026-12-01"]);
    s.ok(&["session", "open", "1"]);
    let open = s.json(&["session", "list", "--status", "open"]);
    assert_eq!(ids(&open), [1]);
    let table = s.ok(&["session", "list"]);
    assert!(
        table.contains("Hall 2") && table.contains("Extraordinary"),
        "{table}"
    );

    // show: by id and as BODY#NUMBER, with the prepared agenda.
    let rec = s.json(&["session", "show", "1#2"]);
    assert_eq!(rec["id"], second["id"]);
    assert_eq!(rec["body"]["id"], 1);
    let agenda = array(&rec["agenda"]);
    assert_eq!(agenda[0]["title"], "Opening", "from the template");
    assert_eq!(array(&rec["attendance"]).len(), 2);
    assert_eq!(rec["quorum"]["voting"], 2);
    assert_eq!(rec["quorum"]["required"], 2);
    check_object_shape(&rec, "session show");
    let same = s.json(&["session", "show", "Planning Council#2"]);
    assert_eq!(same["id"], rec["id"]);
    let text = s.ok(&["session", "show", "1"]);
    assert!(
        text.contains("Planning Council") && text.contains("Opening"),
        "{text}"
    );
    assert!(text.contains("quorum 2: not met"), "{text}");
    // The empty agenda was empty.
    let rec = s.json(&["session", "show", "2#1"]);
    assert!(array(&rec["agenda"]).is_empty());
}

#[test]
fn session_add_refuses_bad_dates_times_and_bodies() {
    let s = Shura::new();
    s.council();
    for (date, reason) in [
        ("2025-13-01", "month 13"),
        ("hello", "hello"),
        ("1404/12/30", "29 days"),
        ("2025-02-29", "2025-02-29"),
        ("", "empty"),
        ("31/31/2025", "31/31/2025"),
    ] {
        let err = s.fail(&["session", "add", "--body", "1", "--date", date], 2);
        assert!(
            err.contains(&format!("{date:?}")),
            "names the input {date:?}: {err}"
        );
        assert!(err.contains(reason), "says why ({reason}): {err}");
        assert!(
            err.contains("Accepted forms"),
            "says what is expected: {err}"
        );
    }
    for time in ["25:00", "9", "noon", "12:60"] {
        let err = s.fail(
            &[
                "session",
                "add",
                "--body",
                "1",
                "--date",
                "2026-12-01",
                "--time",
                time,
            ],
            2,
        );
        assert!(err.contains(time) && err.contains("HH:MM"), "{err}");
    }
    let err = s.fail(
        &["session", "add", "--body", "7", "--date", "2026-12-01"],
        2,
    );
    assert!(err.contains('7'), "{err}");
    let err = s.fail(
        &[
            "session",
            "add",
            "--body",
            "Nowhere",
            "--date",
            "2026-12-01",
        ],
        2,
    );
    assert!(err.contains("Nowhere"), "{err}");
    let err = s.fail(&["session", "list", "--status", "sleeping"], 2);
    assert!(err.contains("sleeping") && err.contains("planned"), "{err}");
    let err = s.fail(&["session", "list", "--from", "2025-02-29"], 2);
    assert!(err.contains("2025-02-29"), "{err}");
    for key in ["99", "1#99", "abc"] {
        let err = s.fail(&["session", "show", key], 2);
        assert!(err.contains(key), "{err}");
    }
    // Only the council's first session exists.
    assert_eq!(array(&s.json(&["session", "list"])).len(), 1);
}

#[test]
fn session_lifecycle_and_frozen_minutes() {
    let s = Shura::new();
    s.council();
    let err = s.fail(&["session", "close", "1"], 2);
    assert!(err.contains("planned") && err.contains("closed"), "{err}");
    let err = s.fail(&["session", "approve", "1"], 2);
    assert!(err.contains("planned") && err.contains("approved"), "{err}");
    assert_eq!(
        s.ok(&["session", "open", "1"]).trim(),
        "session 1 is now open"
    );
    s.fail(&["session", "cancel", "1"], 2);
    s.ok(&["attend", "--session", "1", "sara", "present"]);
    // Both members present: the council has its quorum (2 of 2).
    s.ok(&["attend", "--session", "1", "reza", "present"]);
    s.ok(&["agenda", "add", "--session", "1", "Roof repair"]);
    s.ok(&["minutes", "set", "--item", "2", "We discussed the roof."]);
    s.ok(&[
        "resolution",
        "add",
        "--session",
        "1",
        "--item",
        "2",
        "Repair it",
    ]);
    assert_eq!(
        s.ok(&["session", "close", "1"]).trim(),
        "session 1 is now closed"
    );
    assert_eq!(
        s.ok(&["session", "approve", "1#1"]).trim(),
        "session 1 is now approved"
    );
    let rec = s.json(&["session", "show", "1"]);
    assert_eq!(rec["status"], "approved");
    assert!(rec["approved_by"].is_string());
    assert!(rec["approved_audit_head"].is_string());

    // Frozen: minutes, agenda, attendance, new resolutions, status.
    for args in [
        &["minutes", "set", "--item", "2", "Rewritten."][..],
        &["agenda", "add", "--session", "1", "Afterthought"],
        &["agenda", "set-status", "2", "withdrawn"],
        &["attend", "--session", "1", "reza", "present"],
        &["attend", "--session", "1", "sara", "absent"],
        &["resolution", "add", "--session", "1", "Late decision"],
        &["session", "open", "1"],
        &["session", "cancel", "1"],
    ] {
        let err = s.fail(args, 2);
        assert!(err.contains("approved"), "shura {args:?}: {err}");
    }
    let after = s.json(&["session", "show", "1"]);
    assert_eq!(after["agenda"], rec["agenda"]);
    assert_eq!(after["attendance"], rec["attendance"]);
    // Implementation still moves.
    let out = s.ok(&["resolution", "set-status", "1", "in_progress"]);
    assert!(out.contains("in_progress"), "{out}");
    s.ok(&["task", "add", "Hire a roofer", "--resolution", "1"]);
    // Progress recorded at the approved session would change its minutes: refused;
    // recorded without a session (or at a later one) it is the task's history.
    let err = s.fail(
        &["task", "update", "1", "--percent", "20", "--session", "1"],
        2,
    );
    assert!(err.contains("approved"), "{err}");
    s.ok(&["task", "update", "1", "--percent", "20"]);

    // Cancelling a planned session, and re-planning it.
    s.ok(&["session", "add", "--body", "1", "--date", "2026-12-20"]);
    assert_eq!(
        s.ok(&["session", "cancel", "1#2"]).trim(),
        "session 2 is now cancelled"
    );
    s.fail(&["session", "open", "2"], 2);
    let err = s.fail(&["session", "open", "9"], 2);
    assert!(err.contains('9'), "{err}");
}

#[test]

fn guests_cannot_be_added_to_approved_minutes() {
    let s = Shura::new();
    s.council();
    s.ok(&["session", "open", "1"]);
    s.ok(&["session", "close", "1"]);
    s.ok(&["session", "approve", "1"]);
    let err = s.fail(&["guest", "add", "--session", "1", "Late Guest"], 2);
    assert!(err.contains("approved"), "{err}");
}

// ----- agenda, minutes, attendance, guests -----

#[test]
fn agenda_add_list_and_set_status() {
    let s = Shura::new();
    s.council();
    let out = s.ok(&[
        "agenda",
        "add",
        "--session",
        "1",
        "Budget 1406",
        "--presenter",
        "Treasurer",
        "--duration",
        "30",
    ]);
    assert_eq!(out.trim(), "agenda item 2 added to session 1");
    let item = s.json(&["agenda", "add", "--session", "1#1", "بودجه فرهنگی"]);
    assert_eq!(item["id"], 3);
    assert_eq!(item["position"], 3);
    assert_eq!(item["status"], "pending");
    assert_eq!(item["is_review"], false);

    let v = s.json(&["agenda", "list", "1"]);
    check_listing(&v, "agenda list");
    let titles: Vec<&str> = array(&v)
        .iter()
        .map(|i| i["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Opening", "Budget 1406", "بودجه فرهنگی"]);
    assert_eq!(array(&v)[1]["presenter"], "Treasurer");
    assert_eq!(array(&v)[1]["duration_min"], 30);

    for (status, code) in [
        ("deferred", "deferred"),
        ("Withdrawn", "withdrawn"),
        ("discussed", "discussed"),
        ("معوق", "deferred"),
        ("pending", "pending"),
    ] {
        let out = s.ok(&["agenda", "set-status", "2", status]);
        assert_eq!(out.trim(), format!("agenda item 2 is now {code}"));
    }
    let table = s.ok(&["agenda", "list", "1"]);
    assert!(
        table.contains("Treasurer") && table.contains("Pending"),
        "{table}"
    );

    let err = s.fail(&["agenda", "set-status", "2", "postponed"], 2);
    assert!(
        err.contains("postponed") && err.contains("agenda item status") && err.contains("deferred"),
        "{err}"
    );
    let err = s.fail(&["agenda", "set-status", "99", "deferred"], 2);
    assert!(err.contains("99"), "{err}");
    let err = s.fail(&["agenda", "set-status", "two", "deferred"], 2);
    assert!(err.contains("two"), "{err}");
    let err = s.fail(&["agenda", "add", "--session", "99", "x"], 2);
    assert!(err.contains("99"), "{err}");
    let err = s.fail(
        &["agenda", "add", "--session", "1", "x", "--duration", "2000"],
        2,
    );
    assert!(err.contains("2000") && err.contains("1440"), "{err}");
    let err = s.fail(&["agenda", "list", "42"], 2);
    assert!(err.contains("42"), "{err}");
}

#[test]
fn minutes_set_from_text_file_and_stdin() {
    let s = Shura::new();
    s.council();
    s.ok(&["agenda", "add", "--session", "1", "Roof"]);
    s.ok(&["agenda", "add", "--session", "1", "Parking"]);
    let out = s.ok(&["minutes", "set", "--item", "1", "Opened at 9:05."]);
    assert_eq!(out.trim(), "minutes of agenda item 1 saved");

    let file = s.dir.path().join("minutes.txt");
    let from_file = "The roof leaks in two places.\n\nQuotes will be sought.\nنظر کمیسیون: فوری\n";
    std::fs::write(&file, from_file).unwrap();
    s.ok(&[
        "minutes",
        "set",
        "--item",
        "2",
        "--file",
        file.to_str().unwrap(),
    ]);

    // A NUL is dropped; the rest (a Windows line end, a bidi override) is kept exactly,
    // and sanitized only where it is shown.
    let from_stdin = "Parking\r\nstays\0 as it is.\u{202e}\n";
    let mut c = s.cmd();
    c.write_stdin(from_stdin);
    let r = s.run_cmd(c, &["minutes", "set", "--item", "3", "-"]);
    assert_eq!(r.code, 0, "{}", r.stderr);

    let v = s.json(&["agenda", "list", "1"]);
    let items = array(&v);
    assert_eq!(items[0]["minutes"], "Opened at 9:05.");
    assert_eq!(items[1]["minutes"], from_file, "file text kept exactly");
    assert_eq!(
        items[2]["minutes"], "Parking\r\nstays as it is.\u{202e}\n",
        "stdin text kept exactly, but for its NUL"
    );
    assert!(items.iter().all(|i| i["status"] == "discussed"));
    assert!(items.iter().all(|i| i["minutes_author"].is_string()));

    let err = s.fail(&["minutes", "set", "--item", "1"], 2);
    assert!(err.contains("--file"), "{err}");
    let err = s.fail(
        &[
            "minutes",
            "set",
            "--item",
            "1",
            "text",
            "--file",
            file.to_str().unwrap(),
        ],
        2,
    );
    assert!(err.contains("one of them"), "{err}");
    let missing = s.dir.path().join("missing.txt");
    let err = s.fail(
        &[
            "minutes",
            "set",
            "--item",
            "1",
            "--file",
            missing.to_str().unwrap(),
        ],
        2,
    );
    assert!(err.contains("missing.txt"), "{err}");
    let err = s.fail(&["minutes", "set", "--item", "77", "text"], 2);
    assert!(err.contains("77"), "{err}");
    assert_eq!(
        array(&s.json(&["agenda", "list", "1"]))[0]["minutes"],
        "Opened at 9:05."
    );
}

#[test]
fn attend_and_guests() {
    let s = Shura::new();
    s.council();
    let out = s.ok(&["attend", "--session", "1", "sara", "present"]);
    assert!(
        out.contains("Sara Ahmadi") && out.contains("1 of 2 voting members present"),
        "{out}"
    );
    assert!(out.contains("not met"), "{out}");
    let out = s.ok(&["attend", "--session", "1#1", "Reza Karimi", "remote"]);
    assert!(out.contains("2 of 2") && out.contains(": met"), "{out}");
    // Upsert: changing a mark.
    s.ok(&["attend", "--session", "1", "2", "excused"]);
    let rec = s.json(&["session", "show", "1"]);
    let marks: Vec<(i64, String)> = array(&rec["attendance"])
        .iter()
        .map(|a| {
            (
                a["person_id"].as_i64().unwrap(),
                a["presence"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(marks.contains(&(1, "present".into())), "{marks:?}");
    assert!(marks.contains(&(2, "excused".into())), "{marks:?}");
    assert_eq!(rec["quorum"]["present"], 1);

    let err = s.fail(&["attend", "--session", "1", "sara", "asleep"], 2);
    assert!(err.contains("asleep") && err.contains("present"), "{err}");
    let err = s.fail(&["attend", "--session", "1", "Nobody Known", "present"], 2);
    assert!(err.contains("Nobody Known"), "{err}");
    let err = s.fail(&["attend", "--session", "5", "sara", "present"], 2);
    assert!(err.contains('5'), "{err}");

    let out = s.ok(&[
        "guest",
        "add",
        "--session",
        "1",
        "Dr. Karimi",
        "--organization",
        "University of Tehran",
    ]);
    assert_eq!(out.trim(), "guest 1 invited to session 1");
    s.ok(&["guest", "add", "--session", "1#1", "مهندس رضایی"]);
    let rec = s.json(&["session", "show", "1"]);
    let guests = array(&rec["guests"]);
    assert_eq!(guests.len(), 2);
    assert_eq!(guests[0]["name"], "Dr. Karimi");
    assert_eq!(guests[0]["organization"], "University of Tehran");
    assert_eq!(guests[1]["name"], "مهندس رضایی");
    let err = s.fail(&["guest", "add", "--session", "1", " "], 2);
    assert!(err.contains("guest name"), "{err}");
    let err = s.fail(&["guest", "add", "--session", "8", "X"], 2);
    assert!(err.contains('8'), "{err}");
}

// ----- resolutions -----

#[test]
fn resolution_add_show_and_set_status() {
    let s = Shura::new();
    s.council();
    s.ok(&["agenda", "add", "--session", "1", "Roof"]);
    s.ok(&["attend", "--session", "1", "sara", "present"]);
    s.ok(&["attend", "--session", "1", "reza", "late"]);
    let out = s.ok(&[
        "resolution",
        "add",
        "--session",
        "1",
        "--item",
        "2",
        "Repair the roof before winter.",
        "--unanimous",
        "--owner",
        "Works department",
        "--due",
        "1405/10/01",
    ]);
    // Session 1 on 2026-11-20 = 1405/08/29.
    assert_eq!(out.trim(), "resolution 1 recorded as number 1405/1/1");
    // A tally larger than the room is refused, naming both numbers.
    let err = s.fail(
        &[
            "resolution",
            "add",
            "--session",
            "1",
            "Buy chairs",
            "--votes",
            "۷/۲/۱",
        ],
        2,
    );
    assert!(err.contains("10") && err.contains(" 2 "), "{err}");
    // The decision follows from the rule; a chair who declares otherwise is recorded
    // as having done so, and a failed motion is not numbered (this body does not
    // number rejected motions).
    let r = s.json(&[
        "resolution",
        "add",
        "--session",
        "1",
        "Buy chairs",
        "--votes",
        "۲/۰/۰",
        "--decision",
        "rejected",
    ]);
    assert_eq!(r["decision"], "rejected");
    assert_eq!(r["resolution"], Value::Null);
    assert_eq!(r["outcome"]["carried"], false);
    assert_eq!(r["outcome"]["rule_gave"], true);
    assert_eq!(r["outcome"]["declared"], true);
    let c = s.json(&[
        "resolution",
        "add",
        "--body",
        "Budget Commission",
        "Audit 1405",
    ]);
    assert_eq!(c["seq"], 1);
    assert!(c["number"].as_str().unwrap().starts_with("R-20"), "{c}");
    assert!(c["number"].as_str().unwrap().ends_with("-001"), "{c}");
    assert_eq!(c["session_id"], Value::Null);

    let page = s.json(&["resolution", "show", "1"]);
    check_object_shape(&page, "resolution show");
    assert_eq!(page["text"], "Repair the roof before winter.");
    assert_eq!(page["owner"], "Works department");
    assert_eq!(page["due"], "2026-12-22");
    assert_eq!(page["due_jalali"], "1405/10/01");
    assert_eq!(
        page["tally"],
        serde_json::json!({"yes": 2, "no": 0, "abstain": 0})
    );
    let mut voters: Vec<i64> = array(&page["votes"])
        .iter()
        .map(|v| v["person_id"].as_i64().unwrap())
        .collect();
    voters.sort();
    assert_eq!(voters, [1, 2]);
    assert!(array(&page["votes"]).iter().all(|v| v["vote"] == "yes"));
    assert_eq!(array(&page["history"]).len(), 1);
    let text = s.ok(&["resolution", "show", "1"]);
    assert!(
        text.contains("1405/1/1") && text.contains("Repair the roof"),
        "{text}"
    );
    assert!(text.contains("2 for"), "{text}");

    let out = s.ok(&["resolution", "set-status", "1", "in progress"]);
    assert_eq!(out.trim(), "resolution 1 (1405/1/1) is now in_progress");
    s.ok(&[
        "resolution",
        "set-status",
        "1",
        "done",
        "--note",
        "Roof repaired, invoice filed",
        "--session",
        "1",
    ]);
    let page = s.json(&["resolution", "show", "1"]);
    assert_eq!(page["status"], "done");
    assert_eq!(page["version"], 3);
    assert_eq!(array(&page["history"]).len(), 3);
    // Each change is a follow-up kept in the resolution's history, with its note and
    // the session that reviewed it.
    let updates = array(&page["updates"]);
    assert_eq!(updates.len(), 2);
    assert_eq!(updates[0]["status"], "in_progress");
    assert_eq!(updates[0]["session_id"], serde_json::Value::Null);
    assert_eq!(updates[1]["status"], "done");
    assert_eq!(updates[1]["note"], "Roof repaired, invoice filed");
    assert_eq!(updates[1]["session_id"], 1);
    let text = s.ok(&["resolution", "show", "1"]);
    assert!(text.contains("Roof repaired, invoice filed"), "{text}");
    let json = s.json(&["resolution", "set-status", "1", "done"]);
    assert_eq!(json["status"], "done");
    assert_eq!(json["version"], 4);
    // In Persian the numbers of a message are in Persian digits, as on the screens.
    let out = s.ok(&["--lang", "fa", "resolution", "set-status", "1", "done"]);
    assert!(out.contains("مصوبه ۱ (۱۴۰۵/۱/۱)"), "{out}");
    let err = s.fail(
        &["resolution", "set-status", "1", "done", "--session", "77"],
        2,
    );
    assert!(err.contains("77"), "{err}");

    let err = s.fail(&["resolution", "set-status", "1", "finished"], 2);
    assert!(
        err.contains("finished") && err.contains("in_progress"),
        "{err}"
    );
    let err = s.fail(&["resolution", "set-status", "50", "done"], 2);
    assert!(err.contains("50"), "{err}");
    let err = s.fail(&["resolution", "show", "50"], 2);
    assert!(err.contains("50"), "{err}");
    let err = s.fail(&["resolution", "add", "Lost"], 2);
    assert!(err.contains("--session") && err.contains("--body"), "{err}");
    let err = s.fail(
        &[
            "resolution",
            "add",
            "--body",
            "1",
            "Vague",
            "--votes",
            "7/2",
        ],
        2,
    );
    assert!(
        err.contains("7/2") && err.contains("FOR/AGAINST/ABSTAIN"),
        "{err}"
    );
    let err = s.fail(
        &[
            "resolution",
            "add",
            "--body",
            "1",
            "Unsure",
            "--decision",
            "maybe",
        ],
        2,
    );
    assert!(err.contains("maybe") && err.contains("adopted"), "{err}");
    let err = s.fail(
        &["resolution", "add", "--body", "1", "Lonely", "--unanimous"],
        2,
    );
    assert!(err.contains("--unanimous"), "{err}");
    let err = s.fail(&["resolution", "add", "--session", "1", ""], 2);
    assert!(err.contains("resolution text"), "{err}");
    let err = s.fail(
        &[
            "resolution",
            "add",
            "--session",
            "1",
            "x",
            "--due",
            "2025-02-29",
        ],
        2,
    );
    assert!(err.contains("2025-02-29"), "{err}");
    let err = s.fail(
        &["resolution", "add", "--session", "1", "x", "--item", "40"],
        2,
    );
    assert!(err.contains("40"), "{err}");
    // A unanimous vote needs someone present.
    s.ok(&["session", "add", "--body", "1", "--date", "2026-12-01"]);
    let err = s.fail(
        &["resolution", "add", "--session", "2", "y", "--unanimous"],
        2,
    );
    assert!(err.contains("present"), "{err}");
    // Two resolutions exist (one of the council, one of the commission): the failed
    // motion made none.
    assert_eq!(array(&s.json(&["resolution", "list"])).len(), 2);
}

#[test]
fn resolution_list_filters() {
    let s = Shura::new();
    s.council();
    s.ok(&["session", "add", "--body", "2", "--date", "2026-11-01"]);
    // 1: council, overdue; 2: council, due later; 3: commission, overdue; 4: council, done
    s.ok(&[
        "resolution",
        "add",
        "--session",
        "1",
        "One",
        "--due",
        "2026-11-01",
    ]);
    s.ok(&[
        "resolution",
        "add",
        "--session",
        "1",
        "Two",
        "--due",
        "2027-01-01",
    ]);
    s.ok(&[
        "resolution",
        "add",
        "--session",
        "2#1",
        "Three",
        "--due",
        "2026-11-10",
    ]);
    s.ok(&[
        "resolution",
        "add",
        "--session",
        "1",
        "Four",
        "--due",
        "2026-10-01",
    ]);
    s.ok(&["resolution", "set-status", "4", "done"]);
    s.ok(&["resolution", "set-status", "2", "in_progress"]);

    let sorted = |v: Value| {
        let mut x = ids(&v);
        x.sort();
        x
    };
    let all = s.json(&["resolution", "list"]);
    check_listing(&all, "resolution list");
    assert_eq!(sorted(all), [1, 2, 3, 4]);
    assert_eq!(
        sorted(s.json(&["resolution", "list", "--body", "1"])),
        [1, 2, 4]
    );
    assert_eq!(
        sorted(s.json(&["resolution", "list", "--body", "Budget Commission"])),
        [3]
    );
    assert_eq!(
        sorted(s.json(&[
            "resolution",
            "list",
            "--body",
            "Planning Council",
            "--children"
        ])),
        [1, 2, 3, 4]
    );
    assert_eq!(
        sorted(s.json(&["resolution", "list", "--status", "done"])),
        [4]
    );
    assert_eq!(
        sorted(s.json(&["resolution", "list", "--status", "in_progress"])),
        [2]
    );
    assert_eq!(sorted(s.json(&["resolution", "list", "--open"])), [1, 2, 3]);
    assert_eq!(sorted(s.json(&["resolution", "list", "--overdue"])), [1, 3]);
    assert_eq!(
        sorted(s.json(&["resolution", "list", "--overdue", "--body", "1"])),
        [1]
    );
    assert_eq!(
        sorted(s.json(&["resolution", "list", "--due-before", "2026-11-05"])),
        [1, 4]
    );
    assert_eq!(
        sorted(s.json(&["resolution", "list", "--session", "2#1"])),
        [3]
    );
    let table = s.ok(&["resolution", "list", "--overdue"]);
    assert!(table.contains("One") && table.contains("Three"), "{table}");
    assert!(!table.contains("Four"), "{table}");

    let err = s.fail(&["resolution", "list", "--status", "late"], 2);
    assert!(err.contains("late") && err.contains("open"), "{err}");
    let err = s.fail(&["resolution", "list", "--due-before", "hello"], 2);
    assert!(err.contains("hello"), "{err}");
    let err = s.fail(&["resolution", "list", "--body", "44"], 2);
    assert!(err.contains("44"), "{err}");
}

#[test]

fn resolution_without_session_is_dated_today_as_configured() {
    let s = Shura::new();
    s.ok(&[
        "body",
        "add",
        "Committee",
        "--resolution-format",
        "R-{year}-{seq:3}",
    ]);
    let mut c = s.cmd();
    c.env("SHURA_TODAY", "2020-01-15");
    let r = s.run_cmd(c, &["resolution", "add", "--body", "1", "Old", "--json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["created_on"], "2020-01-15");
    assert_eq!(v["number"], "R-2020-001");
}

// ----- tasks -----

#[test]
fn task_add_list_update_done() {
    let s = Shura::new();
    s.council();
    s.ok(&["resolution", "add", "--session", "1", "Fix the roof"]);
    let t = s.json(&[
        "task",
        "add",
        "Get three quotes",
        "--resolution",
        "1",
        "--assignee",
        "sara",
        "--due",
        "1405/08/20",
        "--priority",
        "high",
        "--description",
        "From registered contractors",
    ]);
    assert_eq!(t["id"], 1);
    assert_eq!(t["body_id"], 1, "body from the resolution");
    assert_eq!(t["resolution_id"], 1);
    assert_eq!(t["assignee_id"], 1);
    assert_eq!(t["due"], "2026-11-11");
    assert_eq!(t["due_jalali"], "1405/08/20");
    assert_eq!(t["priority"], "high");
    assert_eq!(t["status"], "open");
    assert_eq!(t["percent"], 0);
    assert_eq!(t["created_on"], TODAY);
    let out = s.ok(&[
        "task",
        "add",
        "Check the budget line",
        "--body",
        "Budget Commission",
        "--unit",
        "Finance",
    ]);
    assert_eq!(out.trim(), "task 2 added");
    s.ok(&["agenda", "add", "--session", "1", "Roof"]);
    let by_item = s.json(&["task", "add", "Photograph the roof", "--item", "2"]);
    assert_eq!(by_item["body_id"], 1, "body from the item's session");

    let up = s.json(&[
        "task",
        "update",
        "1",
        "--percent",
        "40",
        "--note",
        "two quotes in",
        "--session",
        "1",
    ]);
    assert_eq!(up["percent"], 40);
    assert_eq!(up["status"], "in_progress");
    let out = s.ok(&["task", "update", "1", "--due", "2026-12-15"]);
    assert_eq!(out.trim(), "task 1: in_progress 40%");
    let out = s.ok(&[
        "task",
        "done",
        "1",
        "--note",
        "contract signed",
        "--session",
        "1",
    ]);
    assert_eq!(out.trim(), "task 1 is done");

    let page = s.json(&["resolution", "show", "1"]);
    let task = &array(&page["tasks"])[0];
    assert_eq!(task["status"], "done");
    assert_eq!(task["percent"], 100);
    assert_eq!(task["done_on"], TODAY);
    assert_eq!(task["due"], "2026-12-15");
    let updates = array(&task["updates"]);
    assert_eq!(updates.len(), 3);
    assert_eq!(updates[0]["note"], "two quotes in");
    assert_eq!(updates[0]["session_id"], 1);
    assert_eq!(updates[2]["percent"], 100);
    assert_eq!(updates[2]["session_id"], 1);
    assert!(updates[2]["at"].as_str().unwrap().starts_with(TODAY));

    let err = s.fail(&["task", "update", "1"], 2);
    assert!(
        err.contains("--status") && err.contains("--percent"),
        "{err}"
    );
    let err = s.fail(&["task", "update", "2", "--percent", "101"], 2);
    assert!(err.contains("101") && err.contains("100"), "{err}");
    let err = s.fail(&["task", "update", "2", "--status", "stuck"], 2);
    assert!(err.contains("stuck"), "{err}");
    let err = s.fail(
        &["task", "update", "2", "--percent", "5", "--session", "9"],
        2,
    );
    assert!(err.contains('9'), "{err}");
    let err = s.fail(&["task", "update", "99", "--percent", "5"], 2);
    assert!(err.contains("99"), "{err}");
    let err = s.fail(&["task", "done", "99"], 2);
    assert!(err.contains("99"), "{err}");
    let err = s.fail(&["task", "add", "Floating"], 2);
    assert!(
        err.contains("--body") && err.contains("--resolution"),
        "{err}"
    );
    let err = s.fail(&["task", "add", "", "--body", "1"], 2);
    assert!(err.contains("task title"), "{err}");
    let err = s.fail(
        &["task", "add", "X", "--body", "1", "--priority", "asap"],
        2,
    );
    assert!(err.contains("asap") && err.contains("urgent"), "{err}");
    let err = s.fail(
        &["task", "add", "X", "--body", "1", "--assignee", "ghost"],
        2,
    );
    assert!(err.contains("ghost"), "{err}");
    let err = s.fail(&["task", "add", "X", "--resolution", "33"], 2);
    assert!(err.contains("33"), "{err}");
    let err = s.fail(
        &["task", "add", "X", "--body", "1", "--due", "1404/12/30"],
        2,
    );
    assert!(err.contains("1404/12/30"), "{err}");
    assert_eq!(array(&s.json(&["task", "list"])).len(), 3);
}

#[test]
fn task_list_filters() {
    let s = Shura::new();
    s.council();
    // 1 overdue (sara), 2 due later (reza), 3 overdue unit Finance in the commission,
    // 4 overdue but done, 5 undated.
    s.ok(&[
        "task",
        "add",
        "One",
        "--body",
        "1",
        "--assignee",
        "sara",
        "--due",
        "2026-11-01",
    ]);
    s.ok(&[
        "task",
        "add",
        "Two",
        "--body",
        "1",
        "--assignee",
        "reza",
        "--due",
        "2026-12-01",
    ]);
    s.ok(&[
        "task",
        "add",
        "Three",
        "--body",
        "2",
        "--unit",
        "Finance",
        "--due",
        "2026-11-21",
    ]);
    s.ok(&["task", "add", "Four", "--body", "1", "--due", "2026-10-01"]);
    s.ok(&["task", "add", "Five", "--body", "1"]);
    s.ok(&["task", "done", "4"]);
    s.ok(&["task", "update", "2", "--percent", "10"]);

    let all = s.json(&["task", "list"]);
    check_listing(&all, "task list");
    assert_eq!(ids(&all), [4, 1, 3, 2, 5], "by due date, undated last");
    assert_eq!(ids(&s.json(&["task", "list", "--overdue"])), [1, 3]);
    assert_eq!(
        ids(&s.json(&["task", "list", "--overdue", "--body", "1"])),
        [1]
    );
    assert_eq!(
        ids(&s.json(&["task", "list", "--body", "Budget Commission"])),
        [3]
    );
    assert_eq!(
        ids(&s.json(&["task", "list", "--body", "Planning Council", "--children"])),
        [4, 1, 3, 2, 5]
    );
    assert_eq!(ids(&s.json(&["task", "list", "--status", "done"])), [4]);
    assert_eq!(
        ids(&s.json(&["task", "list", "--status", "open,in_progress"])),
        [1, 3, 2, 5]
    );
    assert_eq!(ids(&s.json(&["task", "list", "--open"])), [1, 3, 2, 5]);
    assert_eq!(ids(&s.json(&["task", "list", "--assignee", "sara"])), [1]);
    assert_eq!(
        ids(&s.json(&["task", "list", "--assignee", "Reza Karimi"])),
        [2]
    );
    assert_eq!(ids(&s.json(&["task", "list", "--assignee", "2"])), [2]);
    assert_eq!(
        ids(&s.json(&["task", "list", "--assignee", "Finance"])),
        [3]
    );
    assert_eq!(
        ids(&s.json(&["task", "list", "--due-before", "2026-11-21"])),
        [4, 1]
    );
    assert_eq!(
        ids(&s.json(&["task", "list", "--due-before", "1405/09/01", "--open"])),
        [1, 3]
    );

    // Days late come from SHURA_TODAY.
    let table = s.ok(&["task", "list", "--overdue"]);
    let one = table.lines().find(|l| l.contains("One")).expect("row One");
    assert!(one.trim_end().ends_with("21"), "21 days late: {one}");
    let three = table
        .lines()
        .find(|l| l.contains("Three"))
        .expect("row Three");
    assert!(three.trim_end().ends_with(" 1"), "1 day late: {three}");
    // Another day, another list.
    let mut c = s.cmd();
    c.env("SHURA_TODAY", "2026-12-02");
    let r = s.run_cmd(c, &["task", "list", "--overdue", "--json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(ids(&serde_json::from_str(&r.stdout).unwrap()), [1, 3, 2]);

    let err = s.fail(&["task", "list", "--status", "open,late"], 2);
    assert!(err.contains("late"), "{err}");
    let err = s.fail(&["task", "list", "--due-before", "2025-13-01"], 2);
    assert!(err.contains("2025-13-01"), "{err}");
    let err = s.fail(&["task", "list", "--body", "Atlantis"], 2);
    assert!(err.contains("Atlantis"), "{err}");
}

#[test]

fn overdue_done_tasks_are_not_listed() {
    let s = Shura::new();
    s.council();
    s.ok(&["task", "add", "Old", "--body", "1", "--due", "2026-01-01"]);
    s.ok(&["task", "done", "1"]);
    let v = s.json(&["task", "list", "--overdue", "--status", "done"]);
    assert!(array(&v).is_empty(), "a done task is not overdue: {v}");
}

// ----- dates, calendar, search -----

#[test]
fn date_converts_between_calendars() {
    let s = Shura::new();
    let out = s.ok(&["date", "2018-12-06", "1397/09/15", "۱۵ آذر ۱۳۹۷"]);
    assert_eq!(
        out,
        "2018-12-06  1397/09/15  Thursday\n".repeat(3),
        "three forms of one day"
    );
    let v = s.json(&["date", "15 Azar 1397", "today", "+1d"]);
    check_listing(&v, "date");
    assert_eq!(
        v,
        serde_json::json!([
            {"gregorian": "2018-12-06", "jalali": "1397/09/15", "weekday": "Thursday"},
            {"gregorian": "2026-11-22", "jalali": "1405/09/01", "weekday": "Sunday"},
            {"gregorian": "2026-11-23", "jalali": "1405/09/02", "weekday": "Monday"},
        ])
    );
    // No database is needed, none is made.
    assert!(!s.db.exists());

    for (bad, why) in [
        ("2025-13-01", "month 13"),
        ("hello", "hello"),
        ("1404/12/30", "Esfand 1404 has 29 days"),
        ("2025-02-29", "2025-02-29"),
    ] {
        let err = s.fail(&["date", bad], 2);
        assert!(err.contains(&format!("{bad:?}")), "{err}");
        assert!(err.contains(why), "{err}");
    }
    // One bad date among good ones fails the command.
    s.fail(&["date", "2018-12-06", "2025-02-29"], 2);
    s.fail(&["date"], 2);
}

#[test]
fn cal_shows_a_month_with_sessions_marked() {
    let s = Shura::new();
    s.council();
    let out = s.ok(&["cal", "2026-11"]);
    assert!(out.starts_with("November 2026"), "{out}");
    assert!(out.contains("20*"), "the session day is marked: {out}");
    assert!(out.contains("22<"), "today is marked: {out}");
    assert!(out.contains("Planning Council #1"), "{out}");
    let jalali = s.ok(&["--calendar", "jalali", "cal", "1405/08"]);
    assert!(jalali.starts_with("Aban 1405"), "{jalali}");
    assert!(
        jalali.contains("29*"),
        "1405/08/29 is the session: {jalali}"
    );
    let this_month = s.ok(&["cal"]);
    assert!(this_month.starts_with("November 2026"), "{this_month}");
    let other = s.ok(&["cal", "2026-12", "--body", "2"]);
    assert!(other.starts_with("December 2026"), "{other}");
    assert_eq!(
        other.lines().filter(|l| l.contains('*')).count(),
        1,
        "only the legend has a star: no session of body 2 this month: {other}"
    );
    let err = s.fail(&["cal", "hello"], 2);
    assert!(err.contains("hello"), "{err}");
    let err = s.fail(&["cal", "2026-11", "--body", "Atlantis"], 2);
    assert!(err.contains("Atlantis"), "{err}");
}

#[test]
fn search_finds_persian_text_typed_with_arabic_letters() {
    let s = Shura::new();
    s.council();
    // Stored with Persian ی and ک.
    s.ok(&["agenda", "add", "--session", "1", "بودجه کمیته فرهنگی"]);
    s.ok(&[
        "resolution",
        "add",
        "--session",
        "1",
        "Repair the roof of building 12",
    ]);
    s.ok(&["task", "add", "پیگیری قرارداد ۱۴۰۵", "--body", "2"]);

    // Typed with Arabic ي and ك.
    let v = s.json(&["search", "كميته"]);
    check_listing(&v, "search");
    let hits = array(&v);
    assert_eq!(hits.len(), 1, "{v}");
    assert_eq!(hits[0]["entity"], "agenda_item");
    assert_eq!(hits[0]["id"], 2);
    assert_eq!(hits[0]["body_id"], 1);
    let table = s.ok(&["search", "فرهنگي"]);
    assert!(table.contains("agenda_item"), "{table}");
    // Digits both ways, and prefixes.
    let v = s.json(&["search", "۱۲"]);
    assert_eq!(array(&v)[0]["entity"], "resolution");
    let v = s.json(&["search", "1405"]);
    assert!(array(&v).iter().any(|h| h["entity"] == "task"), "{v}");
    let v = s.json(&["search", "buil"]);
    assert_eq!(array(&v).len(), 1);
    // Narrowed to a body.
    let v = s.json(&["search", "1405", "--body", "Budget Commission"]);
    assert!(array(&v).iter().all(|h| h["body_id"] == 2), "{v}");
    let none = s.ok(&["search", "zebra"]);
    assert!(none.contains("nothing to show"), "{none}");
    // Hostile queries are just text.
    for q in [
        "roof\"", "NEAR(", "-roof", "\"", "*", "roof OR", "(", "AND", "--",
    ] {
        s.ok(&["search", "--", q]);
        let out = s.ok(&["search", "--json", "--", q]);
        let v: Value = serde_json::from_str(&out).unwrap();
        check_listing(&v, q);
    }
    let out = s.ok(&["search", "--json", "--", "-roof"]);
    assert_eq!(ids(&serde_json::from_str(&out).unwrap()), [1]);
    let err = s.fail(&["search", "roof", "--body", "Atlantis"], 2);
    assert!(err.contains("Atlantis"), "{err}");
}

// ----- export, audit, whoami -----

#[test]
fn export_minutes_as_markdown_and_html() {
    let s = Shura::new();
    s.council();
    s.ok(&["agenda", "add", "--session", "1", "Roof <repair> & paint"]);
    s.ok(&["minutes", "set", "--item", "2", "We *discussed* it."]);
    s.ok(&["attend", "--session", "1", "sara", "present"]);
    // 1 of 2 present: recorded anyway, as the secretary confirms.
    s.ok(&[
        "resolution",
        "add",
        "--session",
        "1",
        "--item",
        "2",
        "Repair the roof",
        "--without-quorum",
    ]);

    let md_path = s.dir.path().join("minutes.md");
    let out = s.ok(&[
        "export",
        "minutes",
        "1",
        "--format",
        "md",
        "-o",
        md_path.to_str().unwrap(),
    ]);
    assert!(out.contains("minutes.md"), "{out}");
    let md = std::fs::read_to_string(&md_path).unwrap();
    assert!(md.starts_with("# Planning Council"), "{md}");
    assert!(md.contains("Roof"), "{md}");
    assert!(md.contains("1405/1/1"), "{md}");
    assert!(md.contains("Sara Ahmadi"), "{md}");
    // Markdown is the default, on standard output.
    let stdout = s.ok(&["export", "minutes", "1#1"]);
    assert_eq!(stdout, md);

    let html_path = s.dir.path().join("minutes.html");
    s.ok(&[
        "export",
        "minutes",
        "1",
        "--format",
        "html",
        "--output",
        html_path.to_str().unwrap(),
    ]);
    let html = std::fs::read_to_string(&html_path).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(
        html.contains("Roof &lt;repair&gt; &amp; paint"),
        "escaped: {html}"
    );
    assert!(!html.contains("<repair>"), "{html}");

    let err = s.fail(&["export", "minutes", "1", "--format", "pdf"], 2);
    assert!(
        err.contains("pdf") && err.contains("md") && err.contains("html"),
        "{err}"
    );
    let err = s.fail(&["export", "minutes", "12"], 2);
    assert!(err.contains("12"), "{err}");
    let nowhere = s.dir.path().join("no/such/dir/m.md");
    let err = s.fail(
        &["export", "minutes", "1", "-o", nowhere.to_str().unwrap()],
        1,
    );
    assert!(
        err.contains("cannot write") && err.contains("m.md"),
        "{err}"
    );
}

#[test]
fn export_does_not_echo_control_characters_of_the_output_path() {
    let s = Shura::new();
    s.council();
    let evil = s.dir.path().join("a\x1b[2Jb.md");
    let r = s
        .cmd()
        .args(["export", "minutes", "1", "-o"])
        .arg(&evil)
        .output()
        .unwrap();
    assert_eq!(r.status.code(), Some(0));
    assert!(evil.exists());
    assert_eq!(
        find_dangerous(&r.stdout),
        None,
        "{:?}",
        String::from_utf8_lossy(&r.stdout)
    );
}

#[test]
fn audit_log_and_verify_detect_tampering() {
    let s = Shura::new();
    s.council();
    s.ok(&["agenda", "add", "--session", "1", "Roof"]);
    s.ok(&["minutes", "set", "--item", "2", "Discussed."]);
    let out = s.ok(&["audit", "verify"]);
    assert!(out.starts_with("audit chain intact"), "{out}");

    let log = s.json(&["audit", "log", "--limit", "500"]);
    check_listing(&log, "audit log");
    let entries = array(&log);
    assert!(entries.len() >= 9, "{}", entries.len());
    let newest = &entries[0];
    assert_eq!(newest["entity"], "agenda_item");
    assert_eq!(newest["action"], "update");
    assert_eq!(newest["entity_id"], 2);
    assert_eq!(newest["after"]["minutes"], "Discussed.");
    assert!(newest["before"].is_object());
    let only = s.json(&["audit", "log", "--entity", "agenda_item", "--id", "2"]);
    assert_eq!(array(&only).len(), 2);
    assert!(array(&only).iter().all(|e| e["entity_id"] == 2));
    let two = s.json(&["audit", "log", "--limit", "2"]);
    assert_eq!(array(&two).len(), 2);
    let table = s.ok(&["audit", "log", "--limit", "3"]);
    assert!(
        table.contains("agenda_item") && table.contains("update"),
        "{table}"
    );

    // Tamper behind shura's back.
    let conn = rusqlite::Connection::open(&s.db).unwrap();
    conn.execute_batch(
        "DROP TRIGGER audit_append_only_update;
         UPDATE audit SET after = replace(after, 'Discussed.', 'Never discussed.')
           WHERE entity = 'agenda_item' AND action = 'update';",
    )
    .unwrap();
    drop(conn);
    let r = s.run(&["audit", "verify"]);
    assert_eq!(r.code, 1, "{} {}", r.stdout, r.stderr);
    assert!(r.stderr.contains("broken"), "{}", r.stderr);
    let id = newest["id"].as_i64().unwrap();
    assert!(
        r.stdout.contains(&format!("entry {id} was changed")),
        "{}",
        r.stdout
    );
}

#[test]
fn whoami_with_and_without_a_database() {
    let s = Shura::new();
    let me = shura::identity::Actor::current();
    // No database anywhere: says so, creates nothing.
    let mut c = s.cmd();
    c.env_remove("SHURA_DB");
    let r = s.run_cmd(c, &["whoami"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains(&me.login), "{}", r.stdout);
    assert!(r.stdout.contains("no database"), "{}", r.stdout);
    let mut c = s.cmd();
    c.env_remove("SHURA_DB");
    let r = s.run_cmd(c, &["whoami", "--json"]);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["login"], me.login.as_str());
    assert_eq!(v["uid"], me.uid);

    // With a database where a person carries this login.
    s.council();
    let out = s.ok(&["whoami"]);
    assert!(out.contains("no person"), "{out}");
    s.ok(&["person", "add", "The Operator", "--login", &me.login]);
    s.ok(&[
        "member",
        "add",
        "--body",
        "2",
        "--person",
        &me.login,
        "--role",
        "secretary",
    ]);
    let v = s.json(&["whoami"]);
    check_object_shape(&v, "whoami");
    assert_eq!(v["login"], me.login.as_str());
    assert_eq!(v["person"]["name"]["en"], "The Operator");
    assert_eq!(v["memberships"][0]["body_id"], 2);
    assert_eq!(v["memberships"][0]["role"], "secretary");
    assert!(v["database"].as_str().unwrap().ends_with("council.db"));
    let out = s.ok(&["whoami"]);
    assert!(
        out.contains("The Operator") && out.contains("Secretary"),
        "{out}"
    );
}

// ----- JSON shape, Persian interface, hostile text, usage -----

#[test]
fn every_listing_is_one_json_array_of_snake_case_objects() {
    let s = Shura::new();
    s.council();
    s.ok(&[
        "member",
        "add",
        "--body",
        "2",
        "--person",
        "sara",
        "--from",
        "2026-01-01",
        "--to",
        "2026-12-31",
    ]);
    s.ok(&["agenda", "add", "--session", "1", "Roof"]);
    s.ok(&[
        "resolution",
        "add",
        "--session",
        "1",
        "--item",
        "2",
        "Fix roof",
        "--due",
        "2026-12-01",
        "--votes",
        "2/0/0",
    ]);
    s.ok(&[
        "task",
        "add",
        "Quotes",
        "--resolution",
        "1",
        "--assignee",
        "reza",
        "--due",
        "2026-11-01",
    ]);
    s.ok(&["task", "done", "1"]);
    for args in [
        &["body", "list"][..],
        &["person", "list"],
        &["member", "list"],
        &["session", "list"],
        &["agenda", "list", "1"],
        &["resolution", "list"],
        &["task", "list"],
        &["search", "roof"],
        &["audit", "log"],
        &["date", "today"],
    ] {
        let v = s.json(args);
        check_listing(&v, &format!("{args:?}"));
        assert!(!array(&v).is_empty(), "{args:?} listed nothing");
    }
    // Spot checks of dates and their Jalali twins.
    let members = s.json(&["member", "list", "--body", "2"]);
    assert_eq!(array(&members)[0]["term_end"], "2026-12-31");
    assert_eq!(array(&members)[0]["term_end_jalali"], "1405/10/10");
    let tasks = s.json(&["task", "list"]);
    assert_eq!(array(&tasks)[0]["done_on"], TODAY);
    assert_eq!(array(&tasks)[0]["done_on_jalali"], "1405/09/01");
    assert_eq!(array(&tasks)[0]["resolution_number"], "1405/1/1");
    // Empty listings are empty arrays.
    let t = Shura::new();
    t.ok(&["init"]);
    for args in [
        &["body", "list"][..],
        &["task", "list"],
        &["resolution", "list"],
        &["search", "x"],
    ] {
        assert_eq!(t.json(args), serde_json::json!([]), "{args:?}");
    }
}

#[test]
fn persian_interface_has_persian_headers_and_digits() {
    let s = Shura::new();
    s.council();
    s.ok(&[
        "task",
        "add",
        "پیگیری",
        "--body",
        "1",
        "--due",
        "2026-11-01",
    ]);
    // The terminal does the bidi: text stays in logical order.
    let out = s.ok(&["--lang", "fa", "--bidi", "terminal", "session", "list"]);
    for header in ["شناسه", "نهاد", "شماره", "تاریخ", "وضعیت"] {
        assert!(out.contains(header), "header {header}: {out}");
    }
    assert!(
        out.contains("۱۴۰۵/۰۸/۲۹"),
        "Jalali date in Persian digits: {out}"
    );
    assert!(out.contains("برنامه‌ریزی‌شده"), "status in Persian: {out}");
    let out = s.ok(&["--lang", "fa", "--bidi", "terminal", "task", "list"]);
    assert!(out.contains("مهلت") && out.contains("روز تأخیر"), "{out}");
    assert!(out.contains("۲۱"), "21 days late in Persian digits: {out}");
    let out = s.ok(&["--lang", "fa", "--bidi", "terminal", "body", "list"]);
    assert!(
        out.contains("کمیسیون بودجه") && out.contains("شورا"),
        "{out}"
    );
    // shura does the bidi (the default): still Persian letters and digits, no controls.
    let out = s.ok(&["--lang", "fa", "session", "list"]);
    assert!(out.contains("۱۴۰۵"), "{out}");
    assert!(
        out.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
        "{out}"
    );
    // An explicit Gregorian calendar keeps Persian digits.
    let out = s.ok(&[
        "--lang",
        "fa",
        "--calendar",
        "gregorian",
        "--bidi",
        "terminal",
        "session",
        "list",
    ]);
    assert!(out.contains("۲۰۲۶"), "{out}");
    // The English interface keeps Latin digits.
    let out = s.ok(&["session", "list"]);
    assert!(out.contains("2026-11-20") && !out.contains('۱'), "{out}");
}

/// Adds every kind of record with `text` in it; returns the ids made.
fn add_everything_with(s: &Shura, text: &str) {
    s.ok(&["body", "add", text, "--template-item", text]);
    s.ok(&["person", "add", text, "--organization", text]);
    s.ok(&[
        "member", "add", "--body", "1", "--person", "1", "--role", "chair",
    ]);
    s.ok(&[
        "session",
        "add",
        "--body",
        "1",
        "--date",
        "2026-11-20",
        "--place",
        text,
    ]);
    s.ok(&["agenda", "add", "--session", "1", text, "--presenter", text]);
    s.ok(&[
        "minutes",
        "set",
        "--item",
        "2",
        &format!("{text}\nsecond line {text}"),
    ]);
    s.ok(&["attend", "--session", "1", "1", "present"]);
    s.ok(&[
        "guest",
        "add",
        "--session",
        "1",
        text,
        "--organization",
        text,
    ]);
    s.ok(&[
        "resolution",
        "add",
        "--session",
        "1",
        "--item",
        "2",
        text,
        "--owner",
        text,
        "--due",
        "2026-11-01",
    ]);
    s.ok(&[
        "task",
        "add",
        text,
        "--resolution",
        "1",
        "--unit",
        text,
        "--description",
        text,
        "--due",
        "2026-11-01",
    ]);
    s.ok(&["task", "update", "1", "--note", text, "--percent", "5"]);
}

#[test]
fn hostile_text_is_stored_exactly_and_never_reaches_the_terminal() {
    for text in HOSTILE {
        let s = Shura::new();
        add_everything_with(&s, text);
        // Exactly what was typed, in JSON.
        let bodies = s.json(&["body", "list"]);
        assert_eq!(array(&bodies)[0]["name"]["en"], *text, "body name");
        assert_eq!(array(&bodies)[0]["agenda_template"][0], *text, "template");
        assert!(
            strings(&s.json(&["person", "list"]))
                .iter()
                .filter(|x| x == text)
                .count()
                >= 2
        );
        let rec = s.json(&["session", "show", "1"]);
        assert_eq!(rec["place"], *text);
        assert_eq!(rec["agenda"][1]["title"], *text);
        assert_eq!(rec["agenda"][1]["presenter"], *text);
        assert_eq!(
            rec["agenda"][1]["minutes"],
            format!("{text}\nsecond line {text}")
        );
        assert_eq!(rec["guests"][0]["name"], *text);
        assert_eq!(rec["guests"][0]["organization"], *text);
        let res = s.json(&["resolution", "show", "1"]);
        assert_eq!(res["text"], *text);
        assert_eq!(res["owner"], *text);
        assert_eq!(res["tasks"][0]["title"], *text);
        assert_eq!(res["tasks"][0]["assignee_unit"], *text);
        assert_eq!(res["tasks"][0]["updates"][0]["note"], *text);
        let tasks = s.json(&["task", "list"]);
        assert_eq!(array(&tasks)[0]["title"], *text);
        // Everything a person reads is clean (checked by `run` on every call).
        for args in [
            &["body", "list"][..],
            &["person", "list"],
            &["member", "list"],
            &["session", "list"],
            &["session", "show", "1"],
            &["agenda", "list", "1"],
            &["resolution", "list"],
            &["resolution", "show", "1"],
            &["task", "list"],
            &["task", "list", "--assignee", text],
            &["search", "screen board red exe second"],
            &["search", text],
            &["export", "minutes", "1"],
            &["export", "minutes", "1", "--format", "html"],
            &["audit", "log"],
            &["cal", "2026-11"],
            &["--lang", "fa", "session", "show", "1"],
            &["--lang", "fa", "task", "list"],
            &["--bidi", "terminal", "resolution", "list"],
        ] {
            s.ok(args);
        }
        // Files written by export hold no terminal controls either.
        let md = s.dir.path().join("m.md");
        s.ok(&["export", "minutes", "1", "-o", md.to_str().unwrap()]);
        assert_eq!(find_dangerous(&std::fs::read(&md).unwrap()), None);
        let html = s.dir.path().join("m.html");
        s.ok(&[
            "export",
            "minutes",
            "1",
            "--format",
            "html",
            "-o",
            html.to_str().unwrap(),
        ]);
        assert_eq!(find_dangerous(&std::fs::read(&html).unwrap()), None);
        assert!(s.ok(&["audit", "verify"]).contains("intact"));
    }
}

#[test]
fn hostile_text_in_bad_input_is_named_but_sanitized() {
    let s = Shura::new();
    s.council();
    for text in HOSTILE {
        for args in [
            &["body", "add", "X", "--kind", text][..],
            &["body", "add", "X", "--quorum", text],
            &["body", "add", "X", "--parent", text],
            &["body", "add", "X", "--formed", text],
            &["session", "show", text],
            &["session", "add", "--body", "1", "--date", text],
            &[
                "session",
                "add",
                "--body",
                "1",
                "--date",
                "2026-12-01",
                "--time",
                text,
            ],
            &["agenda", "set-status", "1", text],
            &["attend", "--session", "1", text, "present"],
            &["attend", "--session", "1", "sara", text],
            &["member", "list", "--body", text],
            &["task", "add", "X", "--body", "1", "--priority", text],
            &["resolution", "add", "--body", "1", "X", "--votes", text],
            &["search", "x", "--body", text],
            &["export", "minutes", "1", "--format", text],
            &["cal", text],
            &["date", text],
            &["--lang", text, "body", "list"],
            &["--calendar", text, "body", "list"],
            &["--bidi", text, "body", "list"],
        ] {
            // `fail` checks stderr holds none of the dangerous bytes.
            let err = s.fail(args, 2);
            let visible = text.split(' ').next().unwrap_or_default();
            assert!(
                err.contains(visible),
                "shura {args:?} does not name the bad value: {err}"
            );
        }
        // A login with controls is refused or kept exactly, never shown raw.
        s.run(&["person", "add", "Y", "--login", text]);
    }
}

#[test]

fn usage_errors_do_not_echo_bidi_overrides_or_c1_controls() {
    let s = Shura::new();
    for text in [RLO, C1_CSI] {
        let out = s.cmd().arg(text).output().unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(
            find_dangerous(&out.stderr),
            None,
            "{:?}",
            String::from_utf8_lossy(&out.stderr)
        );
        let out = s
            .cmd()
            .args(["agenda", "set-status", &format!("1{text}"), "done"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(
            find_dangerous(&out.stderr),
            None,
            "{:?}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn empty_and_overlong_titles_exit_2() {
    let s = Shura::new();
    s.council();
    let long = "ش".repeat(10_000);
    for title in ["", "   ", long.as_str()] {
        for args in [
            &["agenda", "add", "--session", "1", title][..],
            &["task", "add", title, "--body", "1"],
            &["body", "add", title],
            &["person", "add", title],
            &["guest", "add", "--session", "1", title],
        ] {
            let err = s.fail(args, 2);
            assert!(err.contains("empty") || err.contains("(10000)"), "{err}");
            assert!(err.len() < 2_000, "no 10,000-character echo");
        }
    }
    let err = s.fail(&["resolution", "add", "--session", "1", ""], 2);
    assert!(err.contains("empty"), "{err}");
    // A 10,000-character resolution text is fine: it is not a title.
    let text = "متن ".repeat(2_500);
    let r = s.json(&["resolution", "add", "--session", "1", &text]);
    assert_eq!(r["text"], text.trim());
    assert_eq!(array(&s.json(&["agenda", "list", "1"])).len(), 1);
    assert_eq!(array(&s.json(&["task", "list"])).len(), 0);
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    let s = Shura::new();
    let help = s.ok(&["--help"]);
    assert!(help.contains("Usage") && help.contains("session"), "{help}");
    s.ok(&["session", "add", "--help"]);
    assert!(s.ok(&["--version"]).contains("shura"));
    let err = s.fail(&["frobnicate"], 2);
    assert!(err.contains("frobnicate"), "{err}");
    let err = s.fail(&["session", "add"], 2);
    assert!(err.contains("--body") && err.contains("--date"), "{err}");
    let err = s.fail(&["body", "list", "--bogus"], 2);
    assert!(err.contains("--bogus"), "{err}");
    let err = s.fail(&["task", "update", "one", "--percent", "3"], 2);
    assert!(err.contains("one"), "{err}");
    let err = s.fail(&["--lang", "de", "body", "list"], 2);
    assert!(err.contains("\"de\"") && err.contains("en, fa"), "{err}");
    let err = s.fail(&["--calendar", "lunar", "body", "list"], 2);
    assert!(err.contains("lunar") && err.contains("jalali"), "{err}");
    let err = s.fail(&["--bidi", "sideways", "body", "list"], 2);
    assert!(err.contains("sideways"), "{err}");
    assert!(!s.db.exists(), "no database made by failed usage");
}

#[test]
fn unknown_ids_exit_2_naming_them() {
    let s = Shura::new();
    s.council();
    for (args, key) in [
        (&["session", "show", "404"][..], "404"),
        (&["session", "open", "404"], "404"),
        (&["session", "close", "1#404"], "1#404"),
        (&["session", "approve", "404"], "404"),
        (&["session", "cancel", "404"], "404"),
        (&["agenda", "list", "404"], "404"),
        (&["agenda", "add", "--session", "404", "x"], "404"),
        (&["agenda", "set-status", "404", "deferred"], "404"),
        (&["minutes", "set", "--item", "404", "x"], "404"),
        (&["attend", "--session", "404", "sara", "present"], "404"),
        (&["attend", "--session", "1", "404", "present"], "404"),
        (&["guest", "add", "--session", "404", "x"], "404"),
        (&["resolution", "show", "404"], "404"),
        (&["resolution", "set-status", "404", "done"], "404"),
        (&["resolution", "list", "--session", "404"], "404"),
        (&["task", "update", "404", "--percent", "1"], "404"),
        (&["task", "done", "404"], "404"),
        (&["task", "add", "x", "--item", "404"], "404"),
        (&["task", "list", "--body", "404"], "404"),
        (
            &["member", "add", "--body", "404", "--person", "sara"],
            "404",
        ),
        (&["export", "minutes", "404"], "404"),
        (&["body", "add", "x", "--parent", "404"], "404"),
    ] {
        let err = s.fail(args, 2);
        assert!(err.contains(key), "shura {args:?}: {err}");
        assert!(err.starts_with("shura: "), "{err}");
    }
}

#[test]
fn a_resolution_format_holds_only_known_fields_and_sane_widths() {
    let s = Shura::new();
    // An unknown field would be printed as typed in every number ("01-{bogus}").
    let err = s.fail(
        &["body", "add", "C", "--resolution-format", "{seq:2}-{bogus}"],
        2,
    );
    assert!(
        err.contains("«{bogus}»") && err.contains("{jyear}"),
        "{err}"
    );
    // A width this large used to make every resolution of the body panic.
    let err = s.fail(
        &["body", "add", "C", "--resolution-format", "{seq:70000}"],
        2,
    );
    assert!(err.contains("«{seq:70000}»"), "{err}");
    assert_eq!(array(&s.json(&["body", "list"])).len(), 0, "nothing added");
    s.ok(&["body", "add", "C", "--resolution-format", "C-{seq:9}"]);
    let r = s.json(&["resolution", "add", "--body", "1", "Noted."]);
    assert_eq!(r["number"], "C-000000001");
}

#[test]
fn a_search_query_has_a_length_limit_named_in_the_refusal() {
    let s = Shura::new();
    s.council();
    // 44 KB of words took over 100 s; now it is refused at once, naming the limits.
    let long = "budget ".repeat(6_000);
    let err = s.fail(&["search", &long], 2);
    assert!(err.contains("256") && err.contains("24"), "{err}");
    assert!(
        err.len() < 400,
        "the query is not echoed whole: {} bytes",
        err.len()
    );
    let words = "a b c d e f g h i j k l m n o p q r s t u v w x y";
    let err = s.fail(&["search", words], 2);
    assert!(err.contains("24"), "{err}");
    let mut c = s.cmd();
    c.args(["--lang", "fa"]);
    let r = s.run_cmd(c, &["search", &long]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("۲۵۶") && r.stderr.contains("۲۴"),
        "{}",
        r.stderr
    );
    // An ordinary query still works.
    s.ok(&["search", "roof"]);
}

#[test]
fn dropped_triggers_are_found_by_doctor_and_approved_minutes_stay_frozen() {
    let s = Shura::new();
    s.council();
    s.ok(&["agenda", "add", "--session", "1", "Roof"]);
    s.ok(&["minutes", "set", "--item", "2", "Repair it."]);
    s.ok(&["session", "open", "1"]);
    s.ok(&["session", "close", "1"]);
    s.ok(&["session", "approve", "1"]);
    let before = s.run(&["doctor", "--json"]);
    let v: Value = serde_json::from_str(&before.stdout).unwrap();
    let triggers = array(&v["checks"])
        .iter()
        .find(|c| c["check"] == "triggers")
        .cloned()
        .expect("a triggers check");
    assert_eq!(triggers["status"], "ok", "{triggers}");

    // Behind shura's back: the trigger that freezes approved agenda items goes.
    let conn = rusqlite::Connection::open(&s.db).unwrap();
    conn.execute_batch("DROP TRIGGER approved_agenda_update")
        .unwrap();
    drop(conn);
    let after = s.run(&["doctor", "--json"]);
    let v: Value = serde_json::from_str(&after.stdout).unwrap();
    let triggers = array(&v["checks"])
        .iter()
        .find(|c| c["check"] == "triggers")
        .cloned()
        .expect("a triggers check");
    assert_eq!(triggers["status"], "fail", "{triggers}");
    assert!(
        triggers["detail"]
            .as_str()
            .unwrap()
            .contains("approved_agenda_update is missing"),
        "{triggers}"
    );
    assert_ne!(after.code, 0);
    // The minutes stay frozen all the same: the rule lives in ops too.
    let err = s.fail(&["minutes", "set", "--item", "2", "Rewritten."], 2);
    assert!(err.contains("approved"), "{err}");
    let v = s.json(&["agenda", "list", "1"]);
    assert_eq!(array(&v)[1]["minutes"], "Repair it.");
}

#[test]
fn a_command_that_only_reads_never_creates_a_database() {
    let s = Shura::new();
    let missing = s.dir.path().join("no/such/dir/x.db");
    for args in [
        &["body", "list"][..],
        &["session", "list", "--json"],
        &["search", "roof"],
        &["dashboard"],
    ] {
        let mut full = vec!["--db", missing.to_str().unwrap()];
        full.extend_from_slice(args);
        let err = s.fail(&full, 2);
        assert!(err.contains(missing.to_str().unwrap()), "{args:?}: {err}");
    }
    assert!(!s.dir.path().join("no").exists(), "no directory was made");
    // A command that writes still makes it, as set-up expects.
    let made = s.dir.path().join("made.db");
    s.ok(&["--db", made.to_str().unwrap(), "body", "add", "Council"]);
    assert!(made.exists());
}

#[test]
fn resolution_show_prints_how_each_member_voted() {
    let s = Shura::new();
    s.council();
    s.ok(&["attend", "--session", "1", "sara", "present"]);
    s.ok(&["attend", "--session", "1", "reza", "present"]);
    s.ok(&[
        "resolution",
        "add",
        "--session",
        "1",
        "Repair the roof.",
        "--unanimous",
    ]);
    let out = s.ok(&["resolution", "show", "1"]);
    assert!(out.contains("Votes: 2 for, 0 against, 0 abstain"), "{out}");
    let voted: Vec<&str> = out.lines().filter(|l| l.ends_with(": For")).collect();
    assert_eq!(voted.len(), 2, "one line per member: {out}");
    let mut c = s.cmd();
    c.args(["--lang", "fa"]);
    let r = s.run_cmd(c, &["resolution", "show", "1"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("۲ موافق، ۰ مخالف، ۰ ممتنع"),
        "{}",
        r.stdout
    );
    assert_eq!(r.stdout.matches(": موافق").count(), 2, "{}", r.stdout);
    // The session's roll line too: Persian digits and the Persian semicolon.
    let mut c = s.cmd();
    c.args(["--lang", "fa"]);
    let r = s.run_cmd(c, &["session", "show", "1"]);
    assert!(
        r.stdout.contains("۲ از ۲ عضو دارای رأی حاضر؛ حد نصاب ۲"),
        "{}",
        r.stdout
    );
}
