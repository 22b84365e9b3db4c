//! A body's plan through the built binary: `goal add|list|edit`, `policy add|edit|list|
//! show|link|unlink`, `indicator add|edit|list|show|record`; goals named by title or
//! `#ID`, figures worked out by hand, periods typed as people write them and refused
//! when of the wrong kind or calendar (nothing stored), links refused across bodies,
//! a member refused keeping the plan, and the Persian text with no English word.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

mod common;

use common::{english_words, Cli};
use serde_json::Value;

/// Two bodies the user running the tests chairs: 1, the planning council (Jalali
/// year), and 2, the parks board (a Gregorian fiscal year), a resolution of each
/// (resolution 1 of body 1, 2 of body 2) and a task of body 1.
fn two_bodies() -> Cli {
    let c = Cli::new("plan.db", "2024-12-06");
    let me = shura::identity::Actor::current().login;
    c.ok(&["init"]);
    c.ok(&[
        "body",
        "add",
        "--name-en",
        "Planning Council",
        "--name-fa",
        "شورای برنامه‌ریزی",
    ]);
    c.ok(&[
        "body",
        "add",
        "--name-en",
        "Parks Board",
        "--fiscal-year",
        "gregorian:1",
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
    c.ok(&[
        "member", "add", "--body", "2", "--person", "1", "--role", "chair",
    ]);
    for body in ["1", "2"] {
        c.ok(&[
            "session",
            "add",
            "--body",
            body,
            "--date",
            "2024-12-10",
            "--time",
            "17:00",
        ]);
        c.ok(&[
            "resolution",
            "add",
            "--body",
            body,
            "--votes",
            "3/0/0",
            "Separate the waste",
        ]);
    }
    c.ok(&["task", "add", "--body", "1", "Buy bins"]);
    c
}

fn ids(v: &Value) -> Vec<i64> {
    v.as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_i64().unwrap())
        .collect()
}

#[test]
fn a_plan_is_kept_goal_by_goal() {
    let c = two_bodies();
    let g = c.json(&["goal", "add", "--body", "1", "Clean city", "--json"]);
    assert_eq!(g["id"], 1);
    assert_eq!(g["body_id"], 1);
    assert_eq!(g["title"], "Clean city");
    // A goal named by its title is the body's goal of that title (whatever its case)…
    let p1 = c.json(&[
        "policy",
        "add",
        "--body",
        "Planning Council",
        "Waste separation",
        "--goal",
        "clean CITY",
        "--description",
        "Bins in every street",
        "--json",
    ]);
    assert_eq!(p1["id"], 1);
    assert_eq!(p1["body_id"], 1);
    assert_eq!(p1["goal_id"], 1);
    assert_eq!(p1["goal"]["title"], "Clean city");
    assert_eq!(p1["description"], "Bins in every street");
    assert_eq!(p1["indicators"], serde_json::json!([]));
    assert_eq!(p1["links"], serde_json::json!([]));
    // …a new title adds a goal, `#ID` names one, and a policy may serve none.
    let p2 = c.json(&[
        "policy",
        "add",
        "--body",
        "1",
        "Green belts",
        "--goal",
        "Green city",
        "--json",
    ]);
    assert_eq!(p2["goal_id"], 2);
    let p3 = c.json(&[
        "policy",
        "add",
        "--body",
        "1",
        "Street sweeping",
        "--goal",
        "#1",
        "--json",
    ]);
    assert_eq!(p3["goal_id"], 1);
    let p4 = c.json(&["policy", "add", "--body", "1", "Open data", "--json"]);
    assert_eq!(p4["goal_id"], Value::Null);
    assert_eq!(p4["goal"], Value::Null);
    let out = c.ok(&[
        "policy",
        "add",
        "--body",
        "1",
        "Night buses",
        "--goal",
        "#۲",
    ]);
    assert!(
        out.contains("policy 5 added under goal 2 «Green city»: «Night buses»"),
        "{out}"
    );

    // The plan, goal by goal, then the policies with no goal.
    let plan = c.json(&["policy", "list", "--body", "1", "--json"]);
    assert_eq!(plan["body_id"], 1);
    let goals = plan["goals"].as_array().unwrap();
    assert_eq!(goals.len(), 2);
    assert_eq!(goals[0]["id"], 1);
    assert_eq!(goals[0]["title"], "Clean city");
    assert_eq!(ids(&goals[0]["policies"]), vec![1, 3]);
    assert_eq!(goals[1]["title"], "Green city");
    assert_eq!(ids(&goals[1]["policies"]), vec![2, 5]);
    assert_eq!(ids(&plan["without_goal"]), vec![4]);
    let goals = c.json(&["goal", "list", "--body", "1", "--json"]);
    assert_eq!(ids(&goals), vec![1, 2]);
    assert_eq!(goals[0]["policy_ids"], serde_json::json!([1, 3]));
    assert_eq!(goals[1]["policy_ids"], serde_json::json!([2, 5]));
    // The other body's plan is empty.
    assert_eq!(
        c.ok(&["policy", "list", "--body", "2"]).trim(),
        "No policies."
    );
    assert_eq!(c.ok(&["goal", "list", "--body", "2"]).trim(), "No goals.");

    // The text list: each goal once, on its first row.
    let text = c.ok(&["policy", "list", "--body", "1"]);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("goal"), "{text}");
    assert!(lines[2].starts_with("Clean city") && lines[2].contains("Waste separation"));
    assert!(lines[3].trim_start().starts_with('3') && lines[3].contains("Street sweeping"));
    assert!(lines[4].starts_with("Green city"), "{text}");
    assert!(lines[6].starts_with("(no goal)") && lines[6].contains("Open data"));

    // Renaming a goal; a stale version is refused.
    let g = c.json(&["goal", "edit", "2", "Green and shaded city", "--json"]);
    assert_eq!(g["title"], "Green and shaded city");
    assert_eq!(g["version"], 2);
    // A stale version is a conflict (exit 1), not a bad value.
    let err = c.fails_with(1, &["goal", "edit", "2", "Again", "--version", "1"]);
    assert!(err.contains("changed by someone else"), "{err}");
    let out = c.ok(&["goal", "edit", "1", "Cleaner city"]);
    assert!(
        out.contains("goal 1 is now «Cleaner city» (version 2)"),
        "{out}"
    );

    // Correcting a policy: its title, its goal (by title, added when new), none.
    let p = c.json(&[
        "policy",
        "edit",
        "4",
        "--title",
        "Open budget data",
        "--goal",
        "Open city",
        "--json",
    ]);
    assert_eq!(p["title"], "Open budget data");
    assert_eq!(p["goal_id"], 3);
    assert_eq!(p["goal"]["title"], "Open city");
    assert_eq!(p["version"], 2);
    let p = c.json(&[
        "policy",
        "edit",
        "4",
        "--no-goal",
        "--description",
        "",
        "--json",
    ]);
    assert_eq!(p["goal_id"], Value::Null);
    assert_eq!(p["version"], 3);
    let err = c.fails_with(
        1,
        &["policy", "edit", "4", "--title", "X", "--version", "2"],
    );
    assert!(err.contains("changed by someone else"), "{err}");
    let out = c.ok(&["policy", "edit", "4", "--title", "Open data"]);
    assert!(out.contains("policy 4 corrected (version 4)"), "{out}");
    // --goal and --no-goal together is bad usage.
    c.fails_with(2, &["policy", "edit", "4", "--goal", "#1", "--no-goal"]);
    // Another body's goal is refused.
    c.ok(&["goal", "add", "--body", "2", "Shade"]);
    let err = c.fails_with(2, &["policy", "edit", "1", "--goal", "#4"]);
    assert!(err.contains("goal 4"), "{err}");

    // One policy, as text.
    let show = c.ok(&["policy", "show", "1"]);
    assert!(show.contains("policy 1 — «Waste separation»"), "{show}");
    assert!(show.contains("goal: 1 «Cleaner city»"), "{show}");
    assert!(show.contains("description: Bins in every street"), "{show}");
    assert!(show.contains("indicators: No indicators."), "{show}");
    assert!(show.contains("linked to: nothing"), "{show}");
    assert!(show.contains("version: 1"), "{show}");
    let json = c.json(&["policy", "show", "1", "--json"]);
    assert_eq!(json["id"], 1);
    assert_eq!(json["goal"]["title"], "Cleaner city");

    // Unknown ids and bad titles.
    let err = c.fails_with(2, &["policy", "show", "99"]);
    assert!(err.contains("policy") && err.contains("99"), "{err}");
    let err = c.fails_with(2, &["policy", "edit", "x", "--title", "Y"]);
    assert!(err.contains("\"x\""), "{err}");
    let err = c.fails_with(2, &["goal", "edit", "42", "Z"]);
    assert!(err.contains("goal") && err.contains("42"), "{err}");
    c.fails_with(2, &["policy", "add", "--body", "1", "   "]);
    // A bad title adds no goal.
    c.fails_with(
        2,
        &["policy", "add", "--body", "1", " ", "--goal", "Never added"],
    );
    assert_eq!(
        ids(&c.json(&["goal", "list", "--body", "1", "--json"])),
        vec![1, 2, 3]
    );
}

/// Policy 1 of body 1 with its goal, and indicator 1: recycling, baseline 20, target
/// 60, quarterly in the Jalali calendar.
fn with_indicator(c: &Cli) -> Value {
    c.ok(&[
        "policy",
        "add",
        "--body",
        "1",
        "Waste separation",
        "--goal",
        "Clean city",
    ]);
    c.json(&[
        "indicator",
        "add",
        "--policy",
        "1",
        "Recycling rate",
        "--target",
        "60",
        "--baseline",
        "20",
        "--unit",
        "%",
        "--json",
    ])
}

#[test]
fn indicator_figures_are_worked_out_by_hand() {
    let c = two_bodies();
    let i = with_indicator(&c);
    assert_eq!(i["id"], 1);
    assert_eq!(i["policy_id"], 1);
    assert_eq!(i["body_id"], 1);
    assert_eq!(i["policy_title"], "Waste separation");
    assert_eq!(i["name"], "Recycling rate");
    assert_eq!(i["unit"], "%");
    assert_eq!(i["target"], 60.0);
    assert_eq!(i["baseline"], 20.0);
    assert_eq!(i["higher_is_better"], true);
    assert_eq!(i["period"], "quarter");
    assert_eq!(i["calendar"], "jalali");
    assert_eq!(i["measurements"], serde_json::json!([]));
    assert_eq!(i["figures"]["last_value"], Value::Null);
    // Today is 2024-12-06, 16 Azar 1403, in 1403-Q3: 1403-Q2 is due.
    assert_eq!(i["missing_period"], "1403-Q2");

    // 35 in the spring of 1403, then 41 in its summer (typed as a season).
    let m = c.json(&[
        "indicator",
        "record",
        "1",
        "--period",
        "1403-Q1",
        "35",
        "--source",
        "Municipal report",
        "--note",
        "first count",
        "--json",
    ]);
    assert_eq!(m["indicator_id"], 1);
    assert_eq!(m["period"], "1403-Q1");
    assert_eq!(m["period_label"], "1403-Q1");
    assert_eq!(m["value"], 35.0);
    assert_eq!(m["source"], "Municipal report");
    assert_eq!(m["note"], "first count");
    assert_eq!(m["corrected"], false);
    assert_eq!(m["previous_value"], Value::Null);
    let out = c.ok(&["indicator", "record", "1", "--period", "تابستان ۱۴۰۳", "40"]);
    assert_eq!(out.trim(), "indicator 1: 40% recorded for 1403-Q2");
    // Recording the period again corrects it (here typed as Q2 1403, Persian digits).
    let out = c.ok(&["indicator", "record", "1", "--period", "Q2 1403", "۴۱"]);
    assert_eq!(
        out.trim(),
        "indicator 1: 41% corrected for 1403-Q2 (was 40)"
    );

    // Change 41 - 35 = +6, better (higher is better); 41 < 60: off target;
    // progress (41 - 20) / (60 - 20) = 52.5 %.
    let v = c.json(&["indicator", "show", "1", "--json"]);
    let f = &v["figures"];
    assert_eq!(f["last_period"], "1403-Q2");
    assert_eq!(f["last_value"], 41.0);
    assert_eq!(f["previous_value"], 35.0);
    assert_eq!(f["change"], 6.0);
    assert_eq!(f["direction"], "better");
    assert_eq!(f["on_target"], false);
    assert_eq!(f["progress"], 52.5);
    assert_eq!(v["last_period_label"], "1403-Q2");
    assert_eq!(v["missing_period"], Value::Null);
    let ms = v["measurements"].as_array().unwrap();
    assert_eq!(ms.len(), 2);
    assert_eq!(ms[1]["period"], "1403-Q2");
    assert_eq!(ms[1]["value"], 41.0);
    // A correction replaces the source and the note too.
    assert_eq!(ms[1]["source"], "");

    let show = c.ok(&["indicator", "show", "1"]);
    assert!(
        show.contains("indicator 1 — «Recycling rate» (policy 1 «Waste separation»)"),
        "{show}"
    );
    assert!(show.contains("target: 60, higher is better"), "{show}");
    assert!(show.contains("baseline: 20"), "{show}");
    assert!(
        show.contains("measured each quarter, in the Jalali calendar"),
        "{show}"
    );
    assert!(
        show.contains("last: 41% for 1403-Q2; change +6 ↑ (better); progress 52.5%; off target"),
        "{show}"
    );
    assert!(show.contains("trend (1403-Q1 to 1403-Q2): ▁█"), "{show}");
    assert!(show.contains("Municipal report"), "{show}");
    assert!(!show.contains("due:"), "{show}");

    // A lower-is-better monthly indicator: 30 hours, then 36 (Mehr 1403 typed
    // 1403/07): worse, off target (above 24), progress (36 - 48) / (24 - 48) = 50 %.
    let h = c.json(&[
        "indicator",
        "add",
        "--policy",
        "1",
        "Hours to answer",
        "--target",
        "۲۴",
        "--baseline",
        "48",
        "--lower-is-better",
        "--period",
        "ماهانه",
        "--json",
    ]);
    assert_eq!(h["id"], 2);
    assert_eq!(h["higher_is_better"], false);
    assert_eq!(h["period"], "month");
    assert_eq!(h["target"], 24.0);
    c.ok(&["indicator", "record", "2", "--period", "شهریور ۱۴۰۳", "30"]);
    c.ok(&["indicator", "record", "2", "--period", "1403/07", "36"]);
    // A negative value is a value, not a flag.
    c.ok(&[
        "indicator",
        "add",
        "--policy",
        "1",
        "Balance",
        "--target",
        "-5",
        "--period",
        "year",
    ]);
    let out = c.ok(&["indicator", "record", "3", "--period", "1403", "-3"]);
    assert_eq!(out.trim(), "indicator 3: -3 recorded for 1403");
    let b = c.json(&["indicator", "show", "3", "--json"]);
    assert_eq!(b["figures"]["last_value"], -3.0);
    assert_eq!(b["figures"]["on_target"], true);
    assert_eq!(b["target"], -5.0);

    let list = c.json(&["indicator", "list", "--body", "1", "--json"]);
    assert_eq!(ids(&list), vec![1, 2, 3]);
    let f = &list[1]["figures"];
    assert_eq!(f["change"], 6.0);
    assert_eq!(f["direction"], "worse");
    assert_eq!(f["on_target"], false);
    assert_eq!(f["progress"], 50.0);
    assert_eq!(list[1]["last_period_label"], "Mehr 1403");
    // Off target: 1 and 2 (3 at -3 reaches -5 going up: higher is better).
    let off = c.json(&["indicator", "list", "--off-target", "--json"]);
    assert_eq!(ids(&off), vec![1, 2]);
    assert_eq!(
        ids(&c.json(&["indicator", "list", "--policy", "1", "--json"])),
        vec![1, 2, 3]
    );
    // Body 2 has none; policy 1 is not body 2's.
    assert_eq!(
        c.ok(&["indicator", "list", "--body", "2"]).trim(),
        "No indicators."
    );
    assert_eq!(
        ids(&c.json(&[
            "indicator",
            "list",
            "--body",
            "2",
            "--policy",
            "1",
            "--json"
        ])),
        Vec::<i64>::new()
    );
    let text = c.ok(&["indicator", "list"]);
    let row = text.lines().find(|l| l.contains("Recycling rate")).unwrap();
    for cell in [
        "Waste separation",
        "1403-Q2",
        "41%",
        "60",
        "+6 ↑",
        "better",
        "52.5%",
        "off target",
    ] {
        assert!(row.contains(cell), "{cell}: {row}");
    }
    let row = text
        .lines()
        .find(|l| l.contains("Hours to answer"))
        .unwrap();
    assert!(
        row.contains("Mehr 1403") && row.contains("worse") && row.contains("50%"),
        "{row}"
    );

    // The policy's list and page show the same figures.
    let plan = c.ok(&["policy", "list", "--body", "1"]);
    let row = plan.lines().find(|l| l.contains("Recycling rate")).unwrap();
    assert!(
        row.contains("41%") && row.contains("60") && row.contains("off target"),
        "{row}"
    );
    let row = plan.lines().find(|l| l.contains("Balance")).unwrap();
    assert!(row.contains("on target"), "{row}");
    let p = c.json(&["policy", "show", "1", "--json"]);
    assert_eq!(p["indicators"][0]["figures"]["progress"], 52.5);
}

#[test]
fn indicators_are_corrected() {
    let c = two_bodies();
    with_indicator(&c);
    let v = c.json(&[
        "indicator",
        "edit",
        "1",
        "--name",
        "Recycled share",
        "--target",
        "70",
        "--no-unit",
        "--no-baseline",
        "--lower-is-better",
        "--period",
        "month",
        "--json",
    ]);
    assert_eq!(v["name"], "Recycled share");
    assert_eq!(v["target"], 70.0);
    assert_eq!(v["unit"], Value::Null);
    assert_eq!(v["baseline"], Value::Null);
    assert_eq!(v["higher_is_better"], false);
    assert_eq!(v["period"], "month");
    assert_eq!(v["version"], 2);
    let out = c.ok(&[
        "indicator",
        "edit",
        "1",
        "--higher-is-better",
        "--unit",
        "tonnes",
        "--baseline",
        "۱۲٫۵",
        "--period",
        "quarter",
    ]);
    assert_eq!(out.trim(), "indicator 1 corrected (version 3)");
    let v = c.json(&["indicator", "show", "1", "--json"]);
    assert_eq!(v["unit"], "tonnes");
    assert_eq!(v["baseline"], 12.5);
    assert_eq!(v["higher_is_better"], true);
    // Once measured, the period stays.
    c.ok(&["indicator", "record", "1", "--period", "1403-Q1", "10"]);
    let err = c.fails_with(2, &["indicator", "edit", "1", "--period", "year"]);
    assert!(err.contains("indicator 1 has 1 measurements"), "{err}");
    // A stale version, a bad number, a bad period kind, clashing flags.
    let err = c.fails_with(
        1,
        &["indicator", "edit", "1", "--target", "5", "--version", "1"],
    );
    assert!(err.contains("changed by someone else"), "{err}");
    let err = c.fails_with(2, &["indicator", "edit", "1", "--target", "lots"]);
    assert!(err.contains("\"lots\"") && err.contains("number"), "{err}");
    let err = c.fails_with(
        2,
        &[
            "indicator",
            "add",
            "--policy",
            "1",
            "X",
            "--target",
            "1",
            "--period",
            "weekly",
        ],
    );
    assert!(
        err.contains("\"weekly\"") && err.contains("quarter"),
        "{err}"
    );
    c.fails_with(2, &["indicator", "edit", "1", "--unit", "kg", "--no-unit"]);
    c.fails_with(
        2,
        &[
            "indicator",
            "edit",
            "1",
            "--lower-is-better",
            "--higher-is-better",
        ],
    );
    let err = c.fails_with(
        2,
        &["indicator", "add", "--policy", "7", "X", "--target", "1"],
    );
    assert!(err.contains("policy") && err.contains('7'), "{err}");
    let err = c.fails_with(2, &["indicator", "show", "9"]);
    assert!(err.contains("indicator") && err.contains('9'), "{err}");
    let v = c.json(&["indicator", "show", "1", "--json"]);
    assert_eq!(v["target"], 70.0);
    assert_eq!(v["version"], 3);
}

#[test]
fn periods_of_another_kind_or_calendar_are_refused_and_nothing_is_stored() {
    let c = two_bodies();
    with_indicator(&c);
    for (typed, also) in [
        ("2025-Q3", "Jalali"),
        ("1403/07", "quarter"),
        ("1403-Q5", "1404-Q2"),
        ("soon", "1404-Q2"),
    ] {
        let err = c.fails_with(2, &["indicator", "record", "1", "--period", typed, "12"]);
        assert!(err.contains(&format!("\"{typed}\"")), "{typed}: {err}");
        assert!(err.contains(also), "{typed}: {err}");
        assert!(err.contains("expected"), "{typed}: {err}");
    }
    // A bad value is refused before anything is stored.
    let err = c.fails_with(
        2,
        &["indicator", "record", "1", "--period", "1403-Q1", "ten"],
    );
    assert!(err.contains("\"ten\""), "{err}");
    // In JSON too, with a stable code.
    let (code, _, err) = c.run(&[
        "indicator",
        "record",
        "1",
        "--period",
        "2025-Q3",
        "1",
        "--json",
    ]);
    assert_eq!(code, 2);
    let e: Value = serde_json::from_str(err.trim()).unwrap();
    assert_eq!(e["error"], "invalid");
    assert_eq!(e["what"], "period");
    assert_eq!(e["value"], "2025-Q3");
    let v = c.json(&["indicator", "show", "1", "--json"]);
    assert_eq!(v["measurements"], serde_json::json!([]));

    // A Gregorian body's indicators count Gregorian quarters.
    c.ok(&["policy", "add", "--body", "2", "Shade"]);
    let g = c.json(&[
        "indicator",
        "add",
        "--policy",
        "2",
        "Trees",
        "--target",
        "100",
        "--json",
    ]);
    assert_eq!(g["calendar"], "gregorian");
    assert_eq!(g["missing_period"], "2024-Q3");
    let out = c.ok(&["indicator", "record", "2", "--period", "2024-Q3", "80"]);
    assert_eq!(out.trim(), "indicator 2: 80 recorded for 2024-Q3");
    let err = c.fails_with(
        2,
        &["indicator", "record", "2", "--period", "1404-Q2", "80"],
    );
    assert!(
        err.contains("\"1404-Q2\"") && err.contains("Gregorian"),
        "{err}"
    );
    let err = c.fails_with(
        2,
        &["indicator", "record", "2", "--period", "بهار ۱۴۰۴", "80"],
    );
    assert!(err.contains("Gregorian"), "{err}");
    assert_eq!(
        c.json(&["indicator", "show", "2", "--json"])["measurements"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // In Persian, a Gregorian quarter reads as one, in the Gregorian calendar.
    let out = c.ok(&[
        "--lang",
        "fa",
        "indicator",
        "record",
        "2",
        "--period",
        "۲۰۲۴-Q۴",
        "۹۰",
    ]);
    assert_eq!(out.trim(), "شاخص ۲: مقدار ۹۰ برای سه‌ماههٔ چهارم ۲۰۲۴ ثبت شد");
    let show = c.ok(&["--lang", "fa", "indicator", "show", "2"]);
    assert!(show.contains("دوره سنجش: فصلی، به تقویم میلادی"), "{show}");
    assert!(
        show.contains("روند (سه‌ماههٔ سوم ۲۰۲۴ تا سه‌ماههٔ چهارم ۲۰۲۴): ▁█"),
        "{show}"
    );
    assert!(
        english_words(&show, &["Trees", "Shade"]).is_empty(),
        "{show}"
    );
    // In Persian: the value and the expected form, no English word.
    let err = c.fails_with(
        2,
        &[
            "--lang",
            "fa",
            "indicator",
            "record",
            "1",
            "--period",
            "2025-Q3",
            "۱۲",
        ],
    );
    assert!(
        err.contains("«2025-Q3»") && err.contains("سال شمسی"),
        "{err}"
    );
    assert!(english_words(&err, &["2025-Q3"]).is_empty(), "{err}");
}

#[test]
fn policies_link_their_own_bodys_resolutions_and_tasks() {
    let c = two_bodies();
    with_indicator(&c);
    let out = c.ok(&["policy", "link", "1", "--resolution", "1"]);
    assert_eq!(out.trim(), "policy 1 linked to resolution 1");
    let p = c.json(&["policy", "link", "1", "--task", "۱", "--json"]);
    let links = p["links"].as_array().unwrap();
    assert_eq!(links.len(), 2);
    assert_eq!(links[0]["kind"], "resolution");
    assert_eq!(links[0]["id"], 1);
    assert_eq!(links[0]["done"], false);
    assert_eq!(links[1]["kind"], "task");
    assert_eq!(links[1]["id"], 1);
    assert_eq!(links[1]["label"], "Buy bins");
    // Linking twice changes nothing.
    let p = c.json(&["policy", "link", "1", "--resolution", "1", "--json"]);
    assert_eq!(p["links"].as_array().unwrap().len(), 2);
    let show = c.ok(&["policy", "show", "1"]);
    let number = links[0]["label"].as_str().unwrap();
    assert!(
        show.contains(&format!(
            "linked to: resolution {number} (id 1), task 1 «Buy bins»"
        )),
        "{show}"
    );
    // Another body's resolution is refused, and nothing is linked.
    let err = c.fails_with(2, &["policy", "link", "1", "--resolution", "2"]);
    assert!(
        err.contains("resolution 2 is of body 2, and policy 1 is of body 1"),
        "{err}"
    );
    let (code, _, err) = c.run(&["policy", "link", "1", "--resolution", "2", "--json"]);
    assert_eq!(code, 2);
    let e: Value = serde_json::from_str(err.trim()).unwrap();
    assert_eq!(e["error"], "refused");
    assert_eq!(e["reason"], "policy_link_of_other_body");
    assert_eq!(e["link_body"], 2);
    let err = c.fails_with(2, &["policy", "link", "1", "--resolution", "77"]);
    assert!(err.contains("77"), "{err}");
    let err = c.fails_with(2, &["policy", "link", "9", "--task", "1"]);
    assert!(err.contains("policy") && err.contains('9'), "{err}");
    c.fails_with(2, &["policy", "link", "1"]);
    // Unlinking.
    let out = c.ok(&["policy", "unlink", "1", "--task", "1"]);
    assert_eq!(out.trim(), "policy 1 no longer linked to task 1");
    let err = c.fails_with(2, &["policy", "unlink", "1", "--task", "1"]);
    assert!(err.contains("policy 1 is not linked to task 1"), "{err}");
    let p = c.json(&["policy", "show", "1", "--json"]);
    assert_eq!(p["links"].as_array().unwrap().len(), 1);
}

#[test]
fn the_plan_in_persian_has_no_english_word() {
    let c = two_bodies();
    let fa = |args: &[&str]| -> String {
        let mut all = vec!["--lang", "fa"];
        all.extend_from_slice(args);
        c.ok(&all)
    };
    let typed = ["shura"];
    let mut outputs = vec![
        fa(&["goal", "add", "--body", "1", "شهر پاکیزه"]),
        fa(&[
            "policy",
            "add",
            "--body",
            "1",
            "تفکیک پسماند",
            "--goal",
            "#۱",
            "--description",
            "سطل در هر کوچه",
        ]),
        fa(&["policy", "add", "--body", "1", "داده باز"]),
        fa(&[
            "indicator",
            "add",
            "--policy",
            "۱",
            "نرخ بازیافت",
            "--target",
            "۶۰",
            "--baseline",
            "۲۰",
            "--unit",
            "درصد",
            "--period",
            "فصلی",
        ]),
        fa(&[
            "indicator",
            "record",
            "۱",
            "--period",
            "بهار ۱۴۰۳",
            "۳۵",
            "--source",
            "گزارش شهرداری",
        ]),
        fa(&["indicator", "record", "۱", "--period", "تابستان ۱۴۰۳", "۴۰"]),
        fa(&["indicator", "record", "۱", "--period", "۱۴۰۳-Q2", "۴۱"]),
        fa(&[
            "indicator",
            "add",
            "--policy",
            "۱",
            "پاسخ به شکایت",
            "--target",
            "۲۴",
            "--lower-is-better",
            "--period",
            "ماهانه",
        ]),
        fa(&["indicator", "edit", "۲", "--baseline", "۴۸"]),
        fa(&["policy", "link", "۱", "--resolution", "۱"]),
        fa(&["policy", "link", "۱", "--task", "۱"]),
        fa(&["policy", "unlink", "۱", "--task", "۱"]),
        fa(&["policy", "edit", "۲", "--goal", "شهر سبز"]),
        fa(&["goal", "edit", "۱", "شهر پاکیزه‌تر"]),
        fa(&["goal", "list", "--body", "1"]),
        fa(&["policy", "list", "--body", "1"]),
        fa(&["policy", "show", "۱"]),
        fa(&["indicator", "list"]),
        fa(&["indicator", "show", "۱"]),
        fa(&["indicator", "show", "۲"]),
    ];
    let corrected = &outputs[6];
    assert_eq!(
        corrected.trim(),
        "شاخص ۱: مقدار ۴۱ درصد برای تابستان ۱۴۰۳ اصلاح شد (پیش‌تر ۴۰)"
    );
    let show = &outputs[18];
    assert!(
        show.contains(
            "آخرین مقدار: ۴۱ درصد برای تابستان ۱۴۰۳؛ تغییر +۶ ↑ (بهتر)؛ پیشرفت ۵۲٫۵٪؛ دور از هدف"
        ),
        "{show}"
    );
    assert!(
        show.contains("روند (بهار ۱۴۰۳ تا تابستان ۱۴۰۳): ▁█"),
        "{show}"
    );
    assert!(
        outputs[19].contains("سررسیده: مقدار آبان ۱۴۰۳ هنوز ثبت نشده است"),
        "{}",
        outputs[19]
    );
    assert!(outputs[19].contains("کمتر بهتر است"), "{}", outputs[19]);
    let errors = [
        c.fails_with(
            2,
            &[
                "--lang",
                "fa",
                "indicator",
                "record",
                "۱",
                "--period",
                "۱۴۰۳/۰۷",
                "۱",
            ],
        ),
        c.fails_with(
            2,
            &["--lang", "fa", "policy", "link", "۱", "--resolution", "۲"],
        ),
        c.fails_with(2, &["--lang", "fa", "policy", "show", "۹"]),
        c.fails_with(
            2,
            &[
                "--lang",
                "fa",
                "indicator",
                "add",
                "--policy",
                "۱",
                "x",
                "--target",
                "زیاد",
            ],
        ),
        c.fails_with(2, &["--lang", "fa", "policy", "unlink", "۱", "--task", "۱"]),
    ];
    assert!(errors[0].contains("«۱۴۰۳/۰۷»"), "{}", errors[0]);
    assert!(
        errors[1].contains("مصوبهٔ ۲ از آنِ نهاد ۲ است"),
        "{}",
        errors[1]
    );
    outputs.extend(errors);
    for out in &outputs {
        // Periods are typed with a Latin `Q` and shown as seasons; "Q2" is no word.
        assert!(english_words(out, &typed).is_empty(), "{out}");
    }
}

#[test]
fn help_texts_name_the_commands() {
    let c = two_bodies();
    let help = c.ok(&["policy", "--help"]);
    for sub in ["add", "edit", "list", "show", "link", "unlink"] {
        assert!(help.contains(sub), "{sub}: {help}");
    }
    assert!(
        help.contains("Link a policy to a resolution or a task"),
        "{help}"
    );
    let help = c.ok(&["--lang", "fa", "indicator", "record", "--help"]);
    assert!(
        help.contains("--period") && help.contains("--source"),
        "{help}"
    );
    assert!(
        help.contains("recording a period again corrects it"),
        "{help}"
    );
    let help = c.ok(&["goal", "--help"]);
    assert!(help.contains("Rename a goal"), "{help}");
}

#[test]
fn the_secretary_keeps_the_plan_and_a_member_reads_it() {
    if !common::is_root() {
        eprintln!(
            "SKIPPED the_secretary_keeps_the_plan_and_a_member_reads_it: it runs shura as the users daemon and bin, which needs root (CI runs the tests as root)"
        );
        return;
    }
    let c = two_bodies();
    with_indicator(&c);
    c.ok(&[
        "member",
        "add",
        "--body",
        "1",
        "--name",
        "Dara Member",
        "--login",
        "daemon",
    ]);
    c.ok(&[
        "member",
        "add",
        "--body",
        "1",
        "--name",
        "Bita Secretary",
        "--login",
        "bin",
        "--role",
        "secretary",
    ]);
    c.share_with_others();
    let as_user = |user: (u32, u32), args: &[&str]| c.run_as(Some(user), args);
    let (daemon, bin) = ((1, 1), (2, 2));
    // A member reads the plan…
    let (code, out, err) = as_user(daemon, &["policy", "list", "--body", "1", "--json"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Waste separation"), "{out}");
    let (code, _, err) = as_user(daemon, &["indicator", "show", "1"]);
    assert_eq!(code, 0, "{err}");
    // …but does not keep it: exit 3, naming who may.
    for args in [
        &["policy", "add", "--body", "1", "Mine"][..],
        &["goal", "add", "--body", "1", "Mine"],
        &["indicator", "record", "1", "--period", "1403-Q1", "5"],
        &["policy", "link", "1", "--resolution", "1"],
    ] {
        let (code, _, err) = as_user(daemon, args);
        assert_eq!(code, 3, "{args:?}: {err}");
        assert!(err.contains("secretary"), "{err}");
    }
    let plan = c.json(&["policy", "list", "--body", "1", "--json"]);
    assert_eq!(plan["goals"][0]["policies"].as_array().unwrap().len(), 1);
    assert_eq!(
        c.json(&["indicator", "show", "1", "--json"])["measurements"],
        serde_json::json!([])
    );
    // The secretary does.
    let (code, out, err) = as_user(bin, &["policy", "add", "--body", "1", "Hers"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("policy 2 added"), "{out}");
    let (code, _, err) = as_user(
        bin,
        &["indicator", "record", "1", "--period", "1403-Q1", "5"],
    );
    assert_eq!(code, 0, "{err}");
}

#[test]
fn stored_text_reaches_the_terminal_sanitized() {
    let c = two_bodies();
    let evil = "Bins\u{1b}[31m red\u{202e}evil";
    c.ok(&["policy", "add", "--body", "1", evil, "--goal", evil]);
    c.ok(&[
        "indicator",
        "add",
        "--policy",
        "1",
        evil,
        "--target",
        "1",
        "--unit",
        evil,
    ]);
    c.ok(&[
        "indicator",
        "record",
        "1",
        "--period",
        "1403-Q1",
        "1",
        "--source",
        evil,
        "--note",
        evil,
    ]);
    for args in [
        &["policy", "list", "--body", "1"][..],
        &["policy", "show", "1"],
        &["goal", "list", "--body", "1"],
        &["indicator", "list"],
        &["indicator", "show", "1"],
        &["policy", "show", "1", "--json"],
        &["indicator", "show", "1", "--json"],
    ] {
        let out = c.ok(args);
        assert!(!out.contains('\u{1b}'), "{args:?}: {out:?}");
        assert!(!out.contains('\u{202e}'), "{args:?}: {out:?}");
    }
    // JSON keeps the text as stored, escaped.
    let v = c.json(&["policy", "show", "1", "--json"]);
    assert_eq!(v["title"], evil);
}

#[test]
fn a_goal_title_names_one_goal_of_a_body() {
    let c = two_bodies();
    c.ok(&["goal", "add", "--body", "1", "Cleaner air"]);
    // The same title, whatever its case and Arabic or Persian letters: refused, naming
    // the goal there is; nothing added.
    let err = c.fails(&["goal", "add", "--body", "1", "cleaner AIR"]);
    assert!(err.contains("goal 1"), "{err}");
    let fa = c.fails(&["--lang", "fa", "goal", "add", "--body", "1", "Cleaner air"]);
    assert!(english_words(&fa, &["Cleaner", "air"]).is_empty(), "{fa}");
    let json: serde_json::Value = serde_json::from_str(
        c.fails(&["goal", "add", "--body", "1", "Cleaner air", "--json"])
            .trim(),
    )
    .unwrap();
    assert_eq!(json["reason"], "goal_taken", "{json}");
    // Another body may have it; a rename onto a taken title is refused too.
    c.ok(&["goal", "add", "--body", "2", "Cleaner air"]);
    c.ok(&["goal", "add", "--body", "1", "Quieter streets"]);
    c.fails(&["goal", "edit", "3", "Cleaner air"]);
    let goals = c.json(&["goal", "list", "--body", "1", "--json"]);
    assert_eq!(goals.as_array().map(Vec::len), Some(2), "{goals}");
}
