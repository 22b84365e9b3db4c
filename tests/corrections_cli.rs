//! Correcting the record through the built binary: each correction saved, audited with
//! the row before and after, and refused once the minutes are approved; records others
//! refer to are not removed silently; bad values named.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

mod common;

use serde_json::Value;
use tempfile::TempDir;

struct Db {
    dir: TempDir,
    db: std::path::PathBuf,
}

impl Db {
    fn new() -> Db {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("council.db");
        Db { dir, db }
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        common::shura_as(self.dir.path(), &self.db, None, args)
    }

    fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 0, "shura {args:?} failed ({code}): {err}");
        out
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut a = args.to_vec();
        a.push("--json");
        serde_json::from_str(&self.ok(&a)).unwrap()
    }

    /// The command fails with exit code 2 and a message on stderr.
    fn refused(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 2, "shura {args:?} should be refused: {out}{err}");
        err
    }

    /// The newest audit entry of a record: (before, after).
    fn last_change(&self, entity: &str, id: i64) -> (Value, Value) {
        let log = self.json(&["audit", "log", "--entity", entity, "--id", &id.to_string()]);
        let e = &log.as_array().unwrap()[0];
        assert_eq!(e["action"], "update", "{e}");
        (e["before"].clone(), e["after"].clone())
    }

    /// A board of three with a session held, a resolution with a typo, a guest, a task.
    fn board(&self) {
        self.ok(&[
            "body",
            "add",
            "Board of Directors",
            "--kind",
            "council",
            "--voting-rule",
            "roberts",
        ]);
        for (name, role) in [
            ("Alice Chair", "chair"),
            ("Bob Secretary", "secretary"),
            ("Carol Member", "member"),
        ] {
            self.ok(&[
                "member", "add", "--body", "1", "--name", name, "--role", role,
            ]);
        }
        self.ok(&["session", "add", "--body", "1", "--date", "2024-12-06"]);
        self.ok(&["session", "open", "1", "--at", "18:00"]);
        for p in ["1", "2", "3"] {
            self.ok(&["attend", "--session", "1", p, "present"]);
        }
        self.ok(&["agenda", "add", "--session", "1", "Budget 2025"]);
        self.ok(&[
            "resolution",
            "add",
            "--session",
            "1",
            "--item",
            "1",
            "Aprove the budgt",
            "--votes",
            "2/1/0",
        ]);
        self.ok(&[
            "guest",
            "add",
            "--session",
            "1",
            "Dan Auditor",
            "--organization",
            "KPMG",
        ]);
        self.ok(&["task", "add", "Publish the budget", "--resolution", "1"]);
    }
}

#[test]
fn a_typo_in_a_resolution_is_corrected_and_audited_before_and_after() {
    let db = Db::new();
    db.board();
    let out = db.ok(&[
        "resolution",
        "edit",
        "1",
        "--text",
        "Approve the budget",
        "--owner",
        "Treasurer",
        "--due",
        "2025-01-31",
    ]);
    assert!(out.contains("Corrected resolution 1"), "{out}");
    let r = db.json(&["resolution", "show", "1"]);
    assert_eq!(r["text"], "Approve the budget", "{r}");
    assert_eq!(r["owner"], "Treasurer");
    assert_eq!(r["due"], "2025-01-31");
    let (before, after) = db.last_change("resolution", 1);
    assert_eq!(before["text"], "Aprove the budgt");
    assert_eq!(after["text"], "Approve the budget");
    assert_eq!(before["owner"], Value::Null);
    assert_eq!(after["owner"], "Treasurer");
    // The motion it was adopted on reads the same: the minutes do not keep the typo.
    let minutes = db.ok(&["export", "minutes", "1"]);
    assert!(!minutes.contains("budgt"), "{minutes}");
    assert!(minutes.contains("Approve the budget"), "{minutes}");
    // One resolution still, not a second one beside the first.
    assert_eq!(
        db.json(&["resolution", "list"]).as_array().unwrap().len(),
        1
    );

    // Recorded on the wrong item: moved to the right one by its number, motion and all.
    db.ok(&["agenda", "add", "1", "Library hours"]);
    let items = db.json(&["agenda", "list", "1"]);
    let library = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["title"] == "Library hours")
        .unwrap()
        .clone();
    let number = library["number"].as_str().unwrap().to_string();
    db.ok(&["resolution", "edit", "1", "--item", &number]);
    let r = db.json(&["resolution", "show", "1"]);
    assert_eq!(r["agenda_item_id"], library["id"], "{r}");
    assert_eq!(r["motion"]["agenda_item_id"], library["id"], "{r}");
    let err = db.refused(&["resolution", "edit", "1", "--item", "99"]);
    assert!(err.contains("99"), "{err}");
}

#[test]
fn corrected_votes_decide_again_under_the_ballots_rule() {
    let db = Db::new();
    db.board();
    // 1 for, 2 against fails under the board's rule: the decision follows.
    db.ok(&["resolution", "edit", "1", "--votes", "1/2/0"]);
    let r = db.json(&["resolution", "show", "1"]);
    assert_eq!(r["decision"], "rejected", "{r}");
    assert_eq!(r["tally"]["yes"], 1);
    assert_eq!(r["tally"]["no"], 2);
    // A decision the corrected votes do not give is refused, with the outcome.
    let err = db.refused(&[
        "resolution",
        "edit",
        "1",
        "--votes",
        "2/1/0",
        "--decision",
        "rejected",
    ]);
    assert!(err.contains("carried: 2 for, 1 against"), "{err}");
    assert!(err.contains("Rejected"), "{err}");
    let err = db.refused(&[
        "--lang",
        "fa",
        "resolution",
        "edit",
        "1",
        "--votes",
        "۲/۱/۰",
        "--decision",
        "rejected",
    ]);
    assert!(err.contains("آرای اصلاح‌شده"), "{err}");
    let letters: Vec<char> = err
        .trim_start_matches("shura:")
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect();
    assert!(letters.is_empty(), "English in: {err}");
    // Persian digits for the tally; the decision follows again.
    db.ok(&["resolution", "edit", "1", "--votes", "۳/۰/۰"]);
    let r = db.json(&["resolution", "show", "1"]);
    assert_eq!(r["decision"], "adopted", "{r}");
    assert_eq!(r["tally"]["yes"], 3);
    // More votes than members present is refused, naming both numbers.
    let err = db.refused(&["resolution", "edit", "1", "--votes", "5/0/0"]);
    assert!(err.contains('5') && err.contains('3'), "{err}");
}

#[test]
fn every_correction_is_refused_once_the_minutes_are_approved() {
    let db = Db::new();
    db.board();
    db.ok(&["session", "close", "1", "--at", "19:00"]);
    db.ok(&["session", "approve", "1"]);
    let before = db.json(&["session", "show", "1"]);
    for args in [
        &["resolution", "edit", "1", "--text", "Forged"][..],
        &["resolution", "edit", "1", "--votes", "0/3/0"],
        &["resolution", "edit", "1", "--owner", "Someone else"],
        &["guest", "edit", "1", "--name", "Eve"],
        &["guest", "remove", "1"],
        &["agenda", "edit", "1", "--title", "Forged"],
        &["agenda", "remove", "1"],
        &["motion", "edit", "1", "--text", "Forged"],
    ] {
        let err = db.refused(args);
        assert!(err.contains("approved"), "{args:?}: {err}");
    }
    let after = db.json(&["session", "show", "1"]);
    assert_eq!(before, after, "nothing of the approved record changed");
    // Follow-up goes on: a task is corrected after approval.
    db.ok(&[
        "task",
        "edit",
        "1",
        "--due",
        "2025-02-15",
        "--priority",
        "high",
    ]);
    let (b, a) = db.last_change("task", 1);
    assert_eq!(b["priority"], "normal");
    assert_eq!(a["priority"], "high");
    assert_eq!(a["due"], "2025-02-15");
    // In Persian, the refusal has no English word.
    let err = db.refused(&["--lang", "fa", "resolution", "edit", "1", "--text", "x"]);
    assert!(
        !err.trim_start_matches("shura:")
            .chars()
            .any(|c| c.is_ascii_alphabetic()),
        "{err}"
    );
}

#[test]
fn bodies_take_every_field_again_and_refuse_a_loop() {
    let db = Db::new();
    db.board();
    db.ok(&["body", "add", "Audit Committee", "--parent", "1"]);
    let b = db.json(&[
        "body",
        "edit",
        "1",
        "--name",
        "Board of Trustees",
        "--name-fa",
        "هیئت امنا",
        "--formed",
        "2019-03-21",
        "--kind",
        "committee",
        "--meeting-rule",
        "monthly",
        "--resolution-format",
        "{year}-{seq:3}",
        "--template-item",
        "Call to order",
        "--closing-item",
        "Adjournment",
        "--signing",
        "present_members",
        "--fiscal-year",
        "gregorian:7",
        "--confidential",
    ]);
    assert_eq!(b["name"]["en"], "Board of Trustees", "{b}");
    assert_eq!(b["name"]["fa"], "هیئت امنا");
    assert_eq!(b["formed_on"], "2019-03-21");
    assert_eq!(b["kind"], "committee");
    assert_eq!(b["resolution_format"], "{year}-{seq:3}");
    assert_eq!(b["agenda_template"][0], "Call to order");
    assert_eq!(b["agenda_closing"][0], "Adjournment");
    assert_eq!(b["signing"], "present_members");
    assert_eq!(b["fiscal_year"]["calendar"], "gregorian");
    assert_eq!(b["fiscal_year"]["month"], 7);
    assert_eq!(b["confidential"], true);
    let (before, after) = db.last_change("body", 1);
    assert_eq!(before["formed_on"], Value::Null);
    assert_eq!(after["formed_on"], "2019-03-21");
    // A body under one of the bodies under it: refused, naming both.
    let err = db.refused(&["body", "edit", "1", "--parent", "2"]);
    assert!(err.contains("body 1") && err.contains("body 2"), "{err}");
    let err = db.refused(&["body", "edit", "2", "--parent", "2"]);
    assert!(err.contains("body 2"), "{err}");
    // A bad format names the bad placeholder; nothing changes.
    let err = db.refused(&["body", "edit", "1", "--resolution-format", "{bogus}-{seq}"]);
    assert!(err.contains("bogus"), "{err}");
    assert_eq!(
        db.json(&["body", "show", "1"])["resolution_format"],
        "{year}-{seq:3}"
    );
    // A bad formed date names the value.
    let err = db.refused(&["body", "edit", "1", "--formed", "2019-02-30"]);
    assert!(err.contains("2019-02-30"), "{err}");
    // The formed date is cleared with "".
    assert_eq!(
        db.json(&["body", "edit", "1", "--formed", ""])["formed_on"],
        Value::Null
    );
}

#[test]
fn people_memberships_and_guests_are_corrected() {
    let db = Db::new();
    db.board();
    let p = db.json(&[
        "person",
        "edit",
        "Carol Member",
        "--name",
        "Carol Meyer",
        "--login",
        "carol",
        "--email",
        "carol@example.org",
    ]);
    assert_eq!(p["name"]["en"], "Carol Meyer", "{p}");
    assert_eq!(p["login"], "carol");
    let (before, after) = db.last_change("person", 3);
    assert_eq!(before["name_en"], "Carol Member");
    assert_eq!(after["name_en"], "Carol Meyer");
    // A login another person has is refused, naming them.
    let err = db.refused(&["person", "edit", "1", "--login", "carol"]);
    assert!(err.contains("carol") && err.contains('3'), "{err}");

    // The membership id is in the list.
    let list = db.ok(&["member", "list", "--body", "1"]);
    assert!(list.contains("Membership"), "{list}");
    let m = db.json(&[
        "member",
        "edit",
        "3",
        "--role",
        "vice_chair",
        "--non-voting",
        "--from",
        "2024-01-01",
    ]);
    assert_eq!(m["role"], "vice_chair", "{m}");
    assert_eq!(m["voting"], false);
    assert_eq!(m["term_start"], "2024-01-01");
    let err = db.refused(&["member", "edit", "3", "--to", "2023-06-01"]);
    assert!(err.contains("2023-06-01"), "{err}");
    let m = db.json(&["member", "end", "2", "--on", "2024-12-31"]);
    assert_eq!(m["term_end"], "2024-12-31", "{m}");
    let err = db.refused(&["member", "end", "2", "--on", "2025-01-15"]);
    assert!(err.contains("ended"), "{err}");
    let err = db.refused(&["member", "edit", "99", "--role", "chair"]);
    assert!(err.contains("99"), "{err}");

    // Guests: edited, then removed.
    let g = db.json(&[
        "guest",
        "edit",
        "1",
        "--name",
        "Dan Auditor-Smith",
        "--organization",
        "",
    ]);
    assert_eq!(g["name"], "Dan Auditor-Smith", "{g}");
    assert_eq!(g["organization"], Value::Null);
    db.ok(&["guest", "remove", "1"]);
    let s = db.json(&["session", "show", "1"]);
    assert!(s["guests"].as_array().unwrap().is_empty(), "{s}");
    let log = db.json(&["audit", "log", "--entity", "guest", "--id", "1"]);
    assert_eq!(log[0]["action"], "delete", "{log}");
    assert_eq!(log[0]["before"]["name"], "Dan Auditor-Smith");
}

#[test]
fn an_item_others_refer_to_is_not_removed() {
    let db = Db::new();
    db.board();
    let err = db.refused(&["agenda", "remove", "1"]);
    assert!(err.contains("resolution 1"), "{err}");
    assert!(err.contains("withdraw"), "{err}");
    let err = db.refused(&["--lang", "fa", "agenda", "remove", "1"]);
    assert!(err.contains("مصوبه"), "{err}");
    // An item nothing refers to goes, and the audit keeps it.
    db.ok(&["agenda", "add", "--session", "1", "Any other business"]);
    let items = db.json(&["agenda", "list", "1"]);
    let id = items.as_array().unwrap().last().unwrap()["id"]
        .as_i64()
        .unwrap();
    db.ok(&[
        "agenda",
        "edit",
        &id.to_string(),
        "--title",
        "Other business",
        "--duration",
        "۱۵",
    ]);
    let (before, after) = db.last_change("agenda_item", id);
    assert_eq!(before["title"], "Any other business");
    assert_eq!(after["title"], "Other business");
    assert_eq!(after["duration_min"], 15);
    db.ok(&["agenda", "remove", &id.to_string()]);
    let items = db.json(&["agenda", "list", "1"]);
    assert!(
        items.as_array().unwrap().iter().all(|i| i["id"] != id),
        "{items}"
    );
}

#[test]
fn tasks_and_motions_are_corrected() {
    let db = Db::new();
    db.board();
    let t = db.json(&[
        "task",
        "edit",
        "1",
        "--title",
        "Publish the 2025 budget",
        "--assignee",
        "Bob Secretary",
        "--due",
        "2025-01-10",
    ]);
    assert_eq!(t["title"], "Publish the 2025 budget", "{t}");
    assert_eq!(t["assignee_id"], 2);
    assert_eq!(t["due"], "2025-01-10");
    let t = db.json(&["task", "edit", "1", "--assignee", "", "--unit", "Finance"]);
    assert_eq!(t["assignee_id"], Value::Null, "{t}");
    assert_eq!(t["assignee_unit"], "Finance");
    let err = db.refused(&["task", "edit", "1", "--priority", "whenever"]);
    assert!(err.contains("whenever"), "{err}");
    // The motion the resolution was adopted on: its mover and seconder recorded late.
    let m = db.json(&[
        "motion",
        "edit",
        "1",
        "--mover",
        "Carol Member",
        "--seconder",
        "Alice Chair",
    ]);
    assert_eq!(m["mover_id"], 3, "{m}");
    assert_eq!(m["seconder_id"], 1);
    let minutes = db.ok(&["export", "minutes", "1"]);
    assert!(minutes.contains("Carol Member"), "{minutes}");
}

#[test]
fn what_an_item_is_is_corrected_by_the_rules_of_a_new_one() {
    let db = Db::new();
    db.board();
    db.ok(&["agenda", "add", "1", "Bike lanes on Main Street"]);
    let items = db.json(&["agenda", "list", "1"]);
    let id = items.as_array().unwrap().last().unwrap()["id"]
        .as_i64()
        .unwrap();
    let id_s = id.to_string();
    db.ok(&[
        "agenda",
        "edit",
        &id_s,
        "--kind",
        "لایحه",
        "--urgency",
        "دوفوریتی",
    ]);
    let (before, after) = db.last_change("agenda_item", id);
    assert_eq!(before["kind"], "item");
    assert_eq!(after["kind"], "bill");
    assert_eq!(after["urgency"], "double_urgent");
    // Signatories only on a members' proposal: refused on a bill, naming its kind.
    let err = db.refused(&["agenda", "edit", &id_s, "--signatory", "Alice Chair"]);
    assert!(err.to_lowercase().contains("bill"), "{err}");
    db.ok(&[
        "agenda",
        "edit",
        &id_s,
        "--kind",
        "members_motion",
        "--signatory",
        "Alice Chair",
        "--signatory",
        "Carol Member",
    ]);
    let items = db.json(&["agenda", "list", "1"]);
    let item = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["id"] == id)
        .unwrap()
        .clone();
    assert_eq!(item["kind"], "members_motion", "{item}");
    let names = item["signatories"].to_string();
    assert!(
        names.contains("Alice Chair") && names.contains("Carol Member"),
        "{item}"
    );
    // A report has neither signatories nor urgency: refused, naming the kind.
    let err = db.refused(&["agenda", "edit", &id_s, "--kind", "report"]);
    assert!(err.contains("Report"), "{err}");
    db.ok(&["agenda", "edit", &id_s, "--urgency", ""]);
    // A section with sub-items stays a section.
    db.ok(&["agenda", "add", "1", "New business", "--kind", "section"]);
    let items = db.json(&["agenda", "list", "1"]);
    let section = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["title"] == "New business")
        .unwrap()
        .clone();
    let number = section["number"].as_str().unwrap().to_string();
    db.ok(&["agenda", "add", "1", "Library hours", "--under", &number]);
    let err = db.refused(&[
        "agenda",
        "edit",
        &section["id"].to_string(),
        "--kind",
        "item",
    ]);
    assert!(err.contains("agenda item"), "{err}");
    // After approval, refused like every correction.
    db.ok(&["session", "close", "1", "--at", "19:00"]);
    db.ok(&["session", "approve", "1"]);
    let err = db.refused(&["agenda", "edit", &id_s, "--kind", "proposal"]);
    assert!(err.contains("approved"), "{err}");
}
