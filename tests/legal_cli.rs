//! The legal clock on the built binary: a resolution of a council under the Iranian
//! councils law followed from adoption through sending, acknowledgement, an objection,
//! insistence and the dispute board; the dashboard's legal figures on a fixture; the
//! refusals, in English and in Persian; a profile changed after sending; holidays.
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

    fn run(&self, today: &str, args: &[&str]) -> (i32, String, String) {
        let out = common::shura_command(&self.db, &self.dir.path().join("home"), today, None)
            .args(args)
            .output()
            .expect("run shura");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    fn ok(&self, today: &str, args: &[&str]) -> String {
        let (code, out, err) = self.run(today, args);
        assert_eq!(code, 0, "shura {args:?}: {err}");
        out
    }

    fn json(&self, today: &str, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        let out = self.ok(today, &all);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{all:?}: {e}: {out}"))
    }

    fn fail(&self, today: &str, args: &[&str]) -> String {
        let (code, out, err) = self.run(today, args);
        assert_eq!(code, 2, "shura {args:?}: {out} {err}");
        err
    }
}

/// A council under `iran-council` with a session on Sunday 2025-06-01 (1404/03/11).
fn council(w: &World, profile: &str) {
    w.ok("2025-06-01", &["init"]);
    w.ok(
        "2025-06-01",
        &[
            "body",
            "add",
            "Isfahan City Council",
            "--kind",
            "council",
            "--law-profile",
            profile,
        ],
    );
    w.ok(
        "2025-06-01",
        &["session", "add", "--body", "1", "--date", "2025-06-01"],
    );
}

fn resolution(w: &World, text: &str) -> i64 {
    let r = w.json(
        "2025-06-01",
        &["resolution", "add", "--session", "1#1", text],
    );
    r["id"].as_i64().unwrap()
}

#[test]
fn a_resolution_from_adoption_through_objection_insistence_and_the_board() {
    let w = World::new();
    council(&w, "iran-council");
    let id = resolution(&w, "The parks plan is adopted").to_string();
    // Seven days from Sunday 06-01: Sunday 06-08.
    let v = w.json("2025-06-01", &["resolution", "legal", &id]);
    assert_eq!(v["state"], "to_be_sent");
    assert_eq!(v["due"], "2025-06-08");
    assert_eq!(v["due_jalali"], "1404/03/18");
    let v = w.json(
        "2025-06-03",
        &[
            "resolution",
            "send",
            &id,
            "--to",
            "authority:Board for the conformity of resolutions",
            "--to",
            "unit:Parks department",
            "--letter",
            "1404/123",
            "--on",
            "2025-06-02",
        ],
    );
    assert_eq!(v["state"], "objection_window");
    assert_eq!(v["sendings"].as_array().unwrap().len(), 2);
    assert_eq!(v["sendings"][0]["letter_number"], "1404/123");
    assert_eq!(v["sendings"][0]["law"], "7/14/10/fri");
    // The board acknowledges on 06-03: fourteen days end Tuesday 06-17.
    let v = w.json(
        "2025-06-04",
        &[
            "resolution",
            "acknowledge",
            &id,
            "--by",
            "authority:Board for the conformity of resolutions",
            "--on",
            "2025-06-03",
        ],
    );
    assert_eq!(v["notified"], "2025-06-03");
    assert_eq!(v["until"], "2025-06-17");
    // The sending's letter is in the register, outgoing, linked to the resolution.
    let (code, _, err) = w.run(
        "2025-06-04",
        &[
            "resolution",
            "acknowledge",
            &id,
            "--by",
            "unit:Somebody else",
        ],
    );
    assert_eq!(code, 2);
    assert!(err.contains("was not sent to «Somebody else»"), "{err}");
    // An objection on Tuesday 06-10: the answer is due ten days on, Friday 06-20, so
    // Saturday 06-21.
    let v = w.json(
        "2025-06-10",
        &[
            "resolution",
            "object",
            &id,
            "--by",
            "Board for the conformity of resolutions",
            "--on",
            "2025-06-10",
            "--reason",
            "beyond the council's powers",
        ],
    );
    assert_eq!(v["state"], "objected");
    assert_eq!(v["answer_by"], "2025-06-21");
    // The dashboard counts it among the objections to answer, with days left.
    let d = w.json("2025-06-12", &["dashboard"]);
    let answer = d["legal"]["objections_to_answer"].as_array().unwrap();
    assert_eq!(answer.len(), 1, "{d}");
    assert_eq!(answer[0]["id"].as_i64(), id.parse().ok());
    assert_eq!(answer[0]["due"], "2025-06-21");
    assert_eq!(answer[0]["due_jalali"], "1404/03/31");
    assert_eq!(answer[0]["days_left"], 9);
    let text = w.ok("2025-06-12", &["dashboard"]);
    assert!(text.contains("1 objections to answer"), "{text}");
    // A second objection, or a ruling before the answer's session, is refused.
    let err = w.fail(
        "2025-06-12",
        &["resolution", "object", &id, "--by", "Governor"],
    );
    assert!(
        err.contains("objection") && err.contains("objected to"),
        "{err}"
    );
    // The council insists at its session of 06-15.
    w.ok(
        "2025-06-15",
        &["session", "add", "--body", "1", "--date", "2025-06-15"],
    );
    let v = w.json(
        "2025-06-15",
        &["resolution", "answer", &id, "insist", "--session", "1#2"],
    );
    assert_eq!(v["state"], "insisted");
    assert_eq!(v["on"], "2025-06-15");
    assert_eq!(v["problems"].as_array().unwrap().len(), 0);
    let d = w.json("2025-06-16", &["dashboard"]);
    assert_eq!(d["legal"]["objections_to_answer"], serde_json::json!([]));
    // The dispute board upholds it: in force from its ruling, counted this month.
    let v = w.json(
        "2025-06-25",
        &[
            "resolution",
            "ruling",
            &id,
            "upheld",
            "--by",
            "Dispute board",
            "--on",
            "2025-06-24",
        ],
    );
    assert_eq!(v["state"], "in_force");
    assert_eq!(v["since"], "2025-06-24");
    let d = w.json("2025-06-25", &["dashboard"]);
    assert_eq!(d["legal"]["in_force"][0]["due"], "2025-06-24", "{d}");
    // Settled by the board: a new objection is refused.
    let err = w.fail(
        "2025-06-26",
        &["resolution", "object", &id, "--by", "Governor"],
    );
    assert!(err.contains("in force"), "{err}");
    // Every act is in the audit trail, which still verifies.
    let audit = w.ok("2025-06-25", &["audit", "verify"]);
    assert!(!audit.trim().is_empty());
}

#[test]
fn the_dashboard_legal_figures_on_a_fixture() {
    let w = World::new();
    council(&w, "iran-council");
    let unsent = resolution(&w, "Not sent at all");
    let window = resolution(&w, "Sent, the window ends this week");
    let objected = resolution(&w, "Objected to");
    let long_ago = resolution(&w, "Sent long ago");
    let rejected = w.json(
        "2025-06-01",
        &[
            "resolution",
            "add",
            "--session",
            "1#1",
            "--decision",
            "rejected",
            "Rejected",
        ],
    )["id"]
        .as_i64()
        .unwrap();
    let send = |id: i64, on: &str| {
        w.ok(
            on,
            &[
                "resolution",
                "send",
                &id.to_string(),
                "--to",
                "authority:Governorate board",
                "--on",
                on,
            ],
        );
    };
    send(window, "2025-06-05");
    send(objected, "2025-06-02");
    send(long_ago, "2025-06-01");
    w.ok(
        "2025-06-06",
        &[
            "resolution",
            "object",
            &objected.to_string(),
            "--by",
            "Governorate board",
            "--on",
            "2025-06-06",
        ],
    );
    // On Wednesday 06-18: the first is past its sending period (06-08); the window of
    // the one sent 06-05 ends Thursday 06-19; the objection of 06-06 is due 06-16
    // (Monday), two days past; the one sent 06-01 came into force on 06-16.
    let d = w.json("2025-06-18", &["dashboard"]);
    let legal = &d["legal"];
    let ids = |k: &str| -> Vec<i64> {
        legal[k]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_i64().unwrap())
            .collect()
    };
    assert_eq!(ids("unsent"), vec![unsent], "{legal}");
    assert_eq!(ids("objection_window"), vec![window], "{legal}");
    assert_eq!(ids("objections_to_answer"), vec![objected], "{legal}");
    assert_eq!(ids("in_force"), vec![long_ago], "{legal}");
    assert!(!ids("unsent").contains(&rejected));
    assert_eq!(legal["unsent"][0]["due"], "2025-06-08");
    assert_eq!(legal["unsent"][0]["days_left"], -10);
    assert_eq!(legal["objection_window"][0]["due"], "2025-06-19");
    assert_eq!(legal["objections_to_answer"][0]["due"], "2025-06-16");
    assert_eq!(legal["objections_to_answer"][0]["days_left"], -2);
    assert_eq!(legal["in_force"][0]["due"], "2025-06-16");
    assert_eq!(legal["in_force"][0]["due_jalali"], "1404/03/26");
    // The resolution's own page says the objection is late to answer.
    let v = w.json(
        "2025-06-18",
        &["resolution", "legal", &objected.to_string()],
    );
    assert_eq!(v["problems"][0]["problem"], "answer_late");
    // Sending a rejected resolution is refused.
    let err = w.fail(
        "2025-06-18",
        &[
            "resolution",
            "send",
            &rejected.to_string(),
            "--to",
            "unit:Parks",
        ],
    );
    assert!(err.contains("was not adopted"), "{err}");
}

#[test]
fn refusals_name_the_value_in_english_and_in_persian() {
    let w = World::new();
    council(&w, "none");
    let id = resolution(&w, "Under no legal clock").to_string();
    // Under `none` a resolution is in force when adopted; there is nothing to object to.
    let v = w.json("2025-06-02", &["resolution", "legal", &id]);
    assert_eq!(v["state"], "no_clock");
    let err = w.fail(
        "2025-06-02",
        &["resolution", "object", &id, "--by", "Governor"],
    );
    assert!(
        err.contains("«none»") && err.contains("no legal clock"),
        "{err}"
    );
    let fa = w.fail(
        "2025-06-02",
        &[
            "--lang",
            "fa",
            "resolution",
            "object",
            &id,
            "--by",
            "Governor",
        ],
    );
    assert!(fa.contains("مهلت قانونی ندارد"), "{fa}");
    // An unknown law profile names the ones there are.
    let err = w.fail(
        "2025-06-02",
        &["body", "edit", "1", "--law-profile", "iran-councl"],
    );
    assert!(
        err.contains("iran-councl") && err.contains("iran-council") && err.contains("none"),
        "{err}"
    );
    w.ok(
        "2025-06-02",
        &["body", "edit", "1", "--law-profile", "iran-council"],
    );
    // A sending dated before adoption or after today.
    let err = w.fail(
        "2025-06-02",
        &[
            "resolution",
            "send",
            &id,
            "--to",
            "unit:Parks",
            "--on",
            "2025-05-30",
        ],
    );
    assert!(err.contains("2025-05-30"), "{err}");
    let fa = w.fail(
        "2025-06-02",
        &[
            "--lang",
            "fa",
            "resolution",
            "send",
            &id,
            "--to",
            "unit:Parks",
            "--on",
            "2025-06-09",
        ],
    );
    assert!(fa.contains("۱۴۰۴/۰۳/۱۹"), "{fa}");
    // An answer with nothing to answer, and a word that is no answer.
    let err = w.fail(
        "2025-06-02",
        &["resolution", "answer", &id, "insist", "--session", "1#1"],
    );
    assert!(
        err.contains("insisted on") && err.contains("to be sent"),
        "{err}"
    );
    let err = w.fail(
        "2025-06-02",
        &["resolution", "answer", &id, "maybe", "--session", "1#1"],
    );
    assert!(err.contains("maybe"), "{err}");
    // Persian refusals hold no English word beyond the values typed.
    let fa = w.fail(
        "2025-06-02",
        &[
            "--lang",
            "fa",
            "resolution",
            "answer",
            &id,
            "insist",
            "--session",
            "1#1",
        ],
    );
    let words: Vec<&str> = fa
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3 && *w != "shura")
        .collect();
    assert!(words.is_empty(), "{fa}");
}

#[test]
fn a_profile_changed_after_sending_and_holidays_move_deadlines() {
    let w = World::new();
    council(&w, "iran-council");
    let sent = resolution(&w, "Sent under fourteen days").to_string();
    let later = resolution(&w, "Sent after the change").to_string();
    w.ok(
        "2025-06-01",
        &[
            "resolution",
            "send",
            &sent,
            "--to",
            "authority:Board",
            "--on",
            "2025-06-01",
        ],
    );
    // The law changes: thirty days to object, the sending period in working days.
    let p = w.json(
        "2025-06-02",
        &[
            "law",
            "set",
            "iran-council",
            "--objection",
            "30",
            "--send",
            "5w",
        ],
    );
    assert_eq!(p["objection"]["days"], 30);
    assert_eq!(p["send"]["count"], "working");
    assert_eq!(p["version"], 2);
    // The one already sent keeps fourteen days: its window ends 06-15 (a Sunday).
    let v = w.json("2025-06-03", &["resolution", "legal", &sent]);
    assert_eq!(v["until"], "2025-06-15");
    // The other: five working days from Sunday 06-01 skip Friday 06-06 and a holiday on
    // Wednesday 06-04 (recorded now): Mon 1, Tue 2, Thu 3, Sat 4, Sun 5 = 06-08.
    w.ok("2025-06-02", &["holiday", "add", "2025-06-04", "A holiday"]);
    let v = w.json("2025-06-03", &["resolution", "legal", &later]);
    assert_eq!(v["due"], "2025-06-08", "{v}");
    let h = w.json("2025-06-03", &["holiday", "list"]);
    assert_eq!(h[0]["day"], "2025-06-04");
    // A profile added by an administrator, and listed.
    w.ok(
        "2025-06-03",
        &[
            "law",
            "set",
            "board-bylaws",
            "--name-en",
            "Board bylaws",
            "--send",
            "3",
            "--objection",
            "10w",
            "--answer",
            "5",
            "--weekend",
            "sat,sun",
        ],
    );
    let list = w.json("2025-06-03", &["law", "list"]);
    let codes: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, vec!["none", "board-bylaws", "iran-council"]);
    let err = w.fail("2025-06-03", &["law", "set", "x", "--weekend", "someday"]);
    assert!(err.contains("someday"), "{err}");
    let fa = w.ok("2025-06-03", &["--lang", "fa", "law", "list"]);
    assert!(
        fa.contains("جمعه") && fa.contains("۳۰ روز تقویمی") && fa.contains("۵ روز کاری"),
        "{fa}"
    );
}
