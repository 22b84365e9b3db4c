//! An agenda as bodies write it, from the command line (the built binary): a standing
//! order with closing items, sections with numbered sub-items, kinds and urgency typed
//! in English or Persian, signatories of a members' proposal, moves to a number.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use serde_json::Value;

mod common;
use common::shura_as;

struct World {
    dir: tempfile::TempDir,
    db: std::path::PathBuf,
}

impl World {
    fn new() -> World {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("shura.db");
        World { dir, db }
    }

    fn run(&self, args: &[&str]) -> (i32, String, String) {
        shura_as(self.dir.path(), &self.db, None, args)
    }

    fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 0, "shura {args:?}: {err}");
        out
    }

    fn fail(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        assert_ne!(code, 0, "shura {args:?} succeeded: {out}");
        err
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        serde_json::from_str(&self.ok(&all)).unwrap()
    }

    /// (number, title, kind, urgency) of each item of session 1, from `agenda list --json`.
    fn agenda(&self) -> Vec<(String, String, String, Option<String>)> {
        self.json(&["agenda", "list", "1"])
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["number"].as_str().unwrap().to_string(),
                    i["title"].as_str().unwrap().to_string(),
                    i["kind"].as_str().unwrap().to_string(),
                    i["urgency"].as_str().map(String::from),
                )
            })
            .collect()
    }
}

fn row(
    n: &str,
    title: &str,
    kind: &str,
    urgency: Option<&str>,
) -> (String, String, String, Option<String>) {
    (
        n.into(),
        title.into(),
        kind.into(),
        urgency.map(String::from),
    )
}

/// A Tehran-style council: the opening formalities, «لوایح» and «طرح‌ها» sections, the
/// closing of the session.
fn council(w: &World) {
    w.ok(&["init"]);
    w.ok(&[
        "body",
        "add",
        "شورای اسلامی شهر تهران",
        "--kind",
        "council",
        "--template-item",
        "اعلام رسمیت جلسه",
        "--closing-item",
        "ختم جلسه",
    ]);
    w.ok(&["person", "add", "محسن هاشمی"]);
    w.ok(&["person", "add", "زهرا نژادبهرام"]);
    w.ok(&["session", "add", "--body", "1", "--date", "2024-12-10"]);
}

#[test]
fn a_council_agenda_with_sections_kinds_urgency_and_signatories() {
    let w = World::new();
    council(&w);
    // Positional session and title; Persian kind and urgency labels.
    w.ok(&["agenda", "add", "1", "لوایح", "--kind", "سرفصل"]);
    w.ok(&[
        "agenda",
        "add",
        "--session",
        "1",
        "طرح‌ها",
        "--kind",
        "section",
    ]);
    let bill = w.json(&[
        "agenda",
        "add",
        "1",
        "لایحه بودجه ۱۴۰۴",
        "--kind",
        "لایحه",
        "--urgency",
        "دوفوریتی",
        "--under",
        "2",
    ]);
    assert_eq!(bill["number"], "2.1");
    assert_eq!(bill["kind"], "bill");
    assert_eq!(bill["urgency"], "double_urgent");
    w.ok(&[
        "agenda",
        "add",
        "1",
        "لایحه نرخ عوارض",
        "--kind",
        "bill",
        "--urgency",
        "double_urgent",
        "--under",
        "۲",
    ]);
    let motion = w.json(&[
        "agenda",
        "add",
        "1",
        "طرح ساماندهی دستفروشان",
        "--kind",
        "طرح",
        "--urgency",
        "یک‌فوریتی",
        "--under",
        "3",
        "--signatory",
        "محسن هاشمی",
        "--signatory",
        "2",
    ]);
    assert_eq!(motion["number"], "3.1");
    let names: Vec<&str> = motion["signatories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"]["fa"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["محسن هاشمی", "زهرا نژادبهرام"]);
    w.ok(&[
        "agenda",
        "add",
        "1",
        "مکاتبات رسیده",
        "--kind",
        "correspondence",
    ]);
    assert_eq!(
        w.agenda(),
        [
            row("1", "اعلام رسمیت جلسه", "item", None),
            row("2", "لوایح", "section", None),
            row("2.1", "لایحه بودجه ۱۴۰۴", "bill", Some("double_urgent")),
            row("2.2", "لایحه نرخ عوارض", "bill", Some("double_urgent")),
            row("3", "طرح‌ها", "section", None),
            row(
                "3.1",
                "طرح ساماندهی دستفروشان",
                "members_motion",
                Some("urgent")
            ),
            row("4", "مکاتبات رسیده", "correspondence", None),
            row("5", "ختم جلسه", "item", None),
        ]
    );
    let list = w.json(&["agenda", "list", "1"]);
    assert_eq!(list[7]["standing"], "closing");
    assert_eq!(list[0]["standing"], "opening");
    assert_eq!(list[3]["parent_id"], list[1]["id"]);

    // The table shows the numbers, the kinds, the urgency and the signatories.
    let table = w.ok(&["agenda", "list", "1"]);
    for want in [
        "2.1",
        "3.1",
        "Bill",
        "Double urgent",
        "Members' proposal",
        "Section",
    ] {
        assert!(table.contains(want), "{want} in\n{table}");
    }
    assert!(table.contains("محسن هاشمی, زهرا نژادبهرام"), "{table}");

    // Refusals name the kind, or the bad value.
    let err = w.fail(&[
        "agenda",
        "add",
        "1",
        "x",
        "--kind",
        "bill",
        "--signatory",
        "1",
    ]);
    assert!(
        err.contains("members' proposal") && err.contains("«Bill»"),
        "{err}"
    );
    let err = w.fail(&[
        "--lang",
        "fa",
        "agenda",
        "add",
        "1",
        "x",
        "--kind",
        "report",
        "--urgency",
        "urgent",
    ]);
    assert!(err.contains("«گزارش»"), "{err}");
    let message = err.trim().trim_start_matches("shura:");
    assert!(!message.chars().any(|c| c.is_ascii_alphabetic()), "{err}");
    let err = w.fail(&["agenda", "add", "1", "x", "--kind", "motion"]);
    assert!(
        err.contains("\"motion\"") || err.contains("motion"),
        "{err}"
    );
    assert!(err.contains("members_motion"), "{err}");
    let err = w.fail(&[
        "agenda", "add", "1", "x", "--kind", "section", "--under", "2",
    ]);
    assert!(err.contains("section"), "{err}");
    let err = w.fail(&["agenda", "add", "1", "x", "--under", "4"]);
    assert!(
        err.contains("item 4") && err.contains("not a section"),
        "{err}"
    );
    let err = w.fail(&[
        "agenda",
        "add",
        "1",
        "x",
        "--kind",
        "members_motion",
        "--signatory",
        "Nobody",
    ]);
    assert!(err.contains("Nobody"), "{err}");
    assert_eq!(w.agenda().len(), 8, "nothing refused was added");
}

#[test]
fn agenda_move_to_a_number_into_and_out_of_a_section() {
    let w = World::new();
    w.ok(&["init"]);
    w.ok(&[
        "body",
        "add",
        "Board of Directors",
        "--template-item",
        "Call to order",
        "--closing-item",
        "Adjournment",
    ]);
    w.ok(&["session", "add", "--body", "1", "--date", "2024-12-10"]);
    for (title, kind) in [
        ("Old Business", "section"),
        ("New Business", "section"),
        ("Treasurer's report", "report"),
    ] {
        w.ok(&["agenda", "add", "1", title, "--kind", kind]);
    }
    w.ok(&["agenda", "add", "1", "Roof repair", "--under", "2"]);
    w.ok(&[
        "agenda",
        "add",
        "1",
        "Bylaw amendment",
        "--kind",
        "proposal",
        "--under",
        "3",
    ]);
    assert_eq!(
        w.agenda()
            .iter()
            .map(|(n, t, _, _)| format!("{n} {t}"))
            .collect::<Vec<_>>(),
        [
            "1 Call to order",
            "2 Old Business",
            "2.1 Roof repair",
            "3 New Business",
            "3.1 Bylaw amendment",
            "4 Treasurer's report",
            "5 Adjournment"
        ]
    );
    // The report (item 5 by id) into Old Business as its first sub-item.
    let out = w.ok(&["agenda", "move", "5", "--to", "2.1"]);
    assert_eq!(out.trim(), "agenda item 5 is now number 2.1");
    // By its number: 3.1 out of New Business to number 2 (before Old Business).
    let moved = w.json(&["agenda", "move", "3.1", "--session", "1", "--to", "2"]);
    assert_eq!(moved[1]["title"], "Bylaw amendment");
    assert_eq!(moved[1]["number"], "2");
    // A section moves with its sub-items.
    w.ok(&["agenda", "move", "3", "--session", "1", "--to", "5"]);
    assert_eq!(
        w.agenda()
            .iter()
            .map(|(n, t, _, _)| format!("{n} {t}"))
            .collect::<Vec<_>>(),
        [
            "1 Call to order",
            "2 Bylaw amendment",
            "3 New Business",
            "4 Adjournment",
            "5 Old Business",
            "5.1 Treasurer's report",
            "5.2 Roof repair",
        ]
    );
    let err = w.fail(&["agenda", "move", "3", "--session", "1", "--to", "5.1"]);
    assert!(err.contains("section"), "{err}");
    let err = w.fail(&["agenda", "move", "2", "--to", "9.1"]);
    assert!(err.contains("«9.1»"), "{err}");
    let err = w.fail(&["agenda", "move", "2.1", "--to", "1"]);
    assert!(err.contains("--session"), "{err}");
    // Persian digits and the Persian decimal separator are read as typed.
    let out = w.ok(&[
        "--lang",
        "fa",
        "agenda",
        "move",
        "۵٫۲",
        "--session",
        "1",
        "--to",
        "۴",
    ]);
    assert!(out.contains('۴'), "{out}");
    assert_eq!(w.agenda()[3].1, "Roof repair");
}

/// An item a resolution was recorded on (without a vote) has been discussed: it is not
/// carried over to the next session, as an item voted on through a motion is not.
#[test]
fn an_item_decided_by_resolution_add_is_not_carried_over() {
    let w = World::new();
    council(&w);
    let item = w.json(&["agenda", "add", "--session", "1", "Cemetery services bill"]);
    let id = item["id"].as_i64().unwrap().to_string();
    w.ok(&[
        "resolution",
        "add",
        "--session",
        "1",
        "--item",
        &id,
        "The cemetery services go to tender",
    ]);
    let items = w.json(&["agenda", "list", "1"]);
    let bill = items
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["title"] == "Cemetery services bill")
        .unwrap();
    assert_eq!(bill["status"], "discussed", "{items}");
    w.ok(&["session", "add", "--body", "1", "--date", "2024-12-24"]);
    let next = w.json(&["agenda", "list", "2"]);
    assert!(
        !next
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["title"] == "Cemetery services bill"),
        "{next}"
    );
}
