//! Numbering from the command line, on the built binary: `session add --number` (in
//! either digits) and the sessions that follow, `term add|list --json` and per-term
//! numbers, `resolution add --number` and its refusal when taken, in English and in
//! Persian with no English word.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

mod common;

use serde_json::Value;

struct World {
    dir: tempfile::TempDir,
    db: std::path::PathBuf,
}

impl World {
    fn new() -> World {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("shura.db");
        World { dir, db }
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        let out =
            common::shura_command(&self.db, &self.dir.path().join("home"), "2019-01-10", None)
                .args(args)
                .output()
                .expect("run shura");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 0, "shura {args:?}: {err}");
        out
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        let out = self.ok(&all);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{all:?}: {e}: {out}"))
    }

    fn fail(&self, args: &[&str], code: i32) -> String {
        let (got, out, err) = self.run(args);
        assert_eq!(got, code, "shura {args:?}: {out} {err}");
        assert!(!err.trim().is_empty());
        err
    }
}

fn planning_council(w: &World) {
    w.ok(&["init"]);
    w.ok(&[
        "body",
        "add",
        "Supreme Planning Council",
        "--kind",
        "council",
        "--resolution-format",
        "{jyear}/{session}/{seq}",
    ]);
}

#[test]
fn session_add_number_starts_the_series_and_the_next_follow() {
    let w = World::new();
    planning_council(&w);
    // 1397/09/15, the 39th session, typed in Persian digits.
    let s39 = w.json(&[
        "session",
        "add",
        "--body",
        "1",
        "--date",
        "1397/09/15",
        "--number",
        "۳۹",
    ]);
    assert_eq!(s39["number"], 39);
    let s40 = w.json(&["session", "add", "--body", "1", "--date", "2019-01-10"]);
    let s41 = w.json(&["session", "add", "--body", "1", "--date", "2019-02-07"]);
    assert_eq!(
        (s40["number"].as_i64(), s41["number"].as_i64()),
        (Some(40), Some(41))
    );
    let list = w.ok(&["session", "list", "--body", "1"]);
    for n in ["39", "40", "41"] {
        assert!(list.contains(n), "{list}");
    }
    assert!(
        list.contains("Supreme Planning Council"),
        "the body's name: {list}"
    );
    // Resolutions numbered from the session, and one given by hand.
    let r1 = w.json(&[
        "resolution",
        "add",
        "--session",
        "1#39",
        "The plan is adopted",
    ]);
    assert_eq!(r1["number"], "1397/39/1");
    let by_hand = w.ok(&[
        "resolution",
        "add",
        "--session",
        "1#40",
        "--number",
        "1397/40/7",
        "The indicators are adopted",
    ]);
    assert!(by_hand.contains("1397/40/7"), "{by_hand}");
    let listed = w.ok(&["resolution", "list", "--body", "1"]);
    assert!(
        listed.contains("1397/39/1") && listed.contains("1397/40/7"),
        "{listed}"
    );

    // Taken: refused with exit 2, naming the session that has it.
    let err = w.fail(
        &[
            "session",
            "add",
            "--body",
            "1",
            "--date",
            "2019-03-07",
            "--number",
            "40",
        ],
        2,
    );
    assert!(
        err.contains("session number 40")
            && err.contains(&format!("session {} (on 2019-01-10)", s40["id"])),
        "{err}"
    );
    let err = w.fail(
        &[
            "session",
            "add",
            "--body",
            "1",
            "--date",
            "2019-03-07",
            "--number",
            "x",
        ],
        2,
    );
    assert!(
        err.contains("\"x\"") && err.contains("a positive whole number"),
        "{err}"
    );
    let err = w.fail(
        &[
            "resolution",
            "add",
            "--session",
            "1#41",
            "--number",
            "1397/40/7",
            "Twice",
        ],
        2,
    );
    assert!(err.contains("1397/40/7"), "{err}");
    // Nothing was written by the refusals.
    let all = w.json(&["resolution", "list", "--body", "1"]);
    assert_eq!(all.as_array().map(Vec::len), Some(2), "{all}");
}

#[test]
fn refusals_in_persian_hold_no_english_word() {
    let w = World::new();
    planning_council(&w);
    w.ok(&[
        "session",
        "add",
        "--body",
        "1",
        "--date",
        "1397/09/15",
        "--number",
        "39",
    ]);
    w.ok(&[
        "resolution",
        "add",
        "--session",
        "1#39",
        "--number",
        "1397/39/4",
        "Adopted",
    ]);
    for args in [
        vec![
            "--lang",
            "fa",
            "session",
            "add",
            "--body",
            "1",
            "--date",
            "1397/10/20",
            "--number",
            "۳۹",
        ],
        vec![
            "--lang",
            "fa",
            "resolution",
            "add",
            "--session",
            "1#39",
            "--number",
            "۱۳۹۷/۳۹/۴",
            "دوباره",
        ],
        vec![
            "--lang",
            "fa",
            "session",
            "add",
            "--body",
            "1",
            "--date",
            "1397/10/20",
            "--number",
            "-2",
        ],
    ] {
        let err = w.fail(&args, 2);
        // The program's name leads every error.
        let message = err.trim_start_matches("shura:");
        let english: Vec<&str> = message
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 3)
            .collect();
        assert!(english.is_empty(), "{args:?}: {err}");
        assert!(err.contains("۳۹") || err.contains("۲"), "{err}");
    }
}

#[test]
fn terms_list_as_json_and_sessions_number_in_them() {
    let w = World::new();
    w.ok(&["init"]);
    w.ok(&[
        "body",
        "add",
        "Isfahan City Council",
        "--kind",
        "council",
        "--number-per-term",
        "--resolution-format",
        "{term}/{session}/{seq:2}",
    ]);
    w.ok(&[
        "term",
        "add",
        "--body",
        "1",
        "5",
        "--from",
        "2017-08-23",
        "--to",
        "2021-08-04",
    ]);
    let six = w.json(&["term", "add", "--body", "1", "۶", "--from", "1400/05/14"]);
    assert_eq!(six["number"], 6);
    assert_eq!(six["starts_on"], "2021-08-05");
    let terms = w.json(&["term", "list", "--body", "1"]);
    let numbers: Vec<i64> = terms
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|t| t["number"].as_i64())
        .collect();
    assert_eq!(numbers, [5, 6]);
    assert!(terms[1]["ends_on"].is_null(), "{terms}");
    // Overlapping: refused naming term 6.
    let err = w.fail(
        &["term", "add", "--body", "1", "7", "--from", "2024-01-01"],
        2,
    );
    assert!(err.contains("term 6"), "{err}");

    let last_of_five = w.json(&[
        "session",
        "add",
        "--body",
        "1",
        "--date",
        "2021-07-01",
        "--number",
        "120",
    ]);
    assert_eq!(last_of_five["number_in_term"], 120);
    let first = w.json(&["session", "add", "--body", "1", "--date", "2021-08-10"]);
    let second = w.json(&["session", "add", "--body", "1", "--date", "2021-09-10"]);
    assert_eq!(
        (
            first["number_in_term"].as_i64(),
            second["number_in_term"].as_i64()
        ),
        (Some(1), Some(2))
    );
    assert_eq!(second["term_number"], 6);
    let shown = w.ok(&["session", "show", &second["id"].to_string()]);
    assert!(shown.contains("2 (term 6)"), "{shown}");
    let fa = w.ok(&["--lang", "fa", "session", "show", &second["id"].to_string()]);
    assert!(fa.contains("۲ (دوره ۶)"), "{fa}");
    let r = w.ok(&[
        "resolution",
        "add",
        "--session",
        &second["id"].to_string(),
        "Adopted",
    ]);
    assert!(r.contains("6/2/01"), "{r}");
}

#[test]
fn body_add_checks_formats_and_reads_the_fiscal_year() {
    let w = World::new();
    w.ok(&["init"]);
    let err = w.fail(
        &[
            "body",
            "add",
            "Bad",
            "--resolution-format",
            "{seq:2}-{bogus}",
        ],
        2,
    );
    assert!(
        err.contains("«{bogus}»") && err.contains("{fyear}"),
        "{err}"
    );
    let err = w.fail(&["body", "add", "Bad", "--fiscal-year", "weekly"], 2);
    assert!(err.contains("weekly"), "{err}");
    let b = w.json(&[
        "body",
        "add",
        "Board",
        "--resolution-format",
        "{seq:2}-{yy}",
        "--fiscal-year",
        "gregorian:7",
    ]);
    assert_eq!(b["fiscal_year"]["month"], 7, "{b}");
    let r = w.ok(&["resolution", "add", "--body", "Board", "Adopted"]);
    // Today is 2019-01-10 in these tests.
    assert!(r.contains("01-19"), "{r}");
}
