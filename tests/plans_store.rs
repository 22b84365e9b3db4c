//! Round trips of plans (goals, policies, links, indicators, measurements) and
//! evaluations (checklists, criteria, units, visits, scores, findings made tasks)
//! through the store on a real SQLite file, reopened between writes and reads; the
//! refusals the store enforces; and hidden bodies' plans left out of reads.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use shura::identity::Actor;
use shura::locale::Calendar;
use shura::model::evaluation::{EvaluationRefusal, NewCriterion};
use shura::model::plans::{PeriodKind, PlanRefusal, PolicyLink};
use shura::model::rules::{MeetingRule, QuorumRule};
use shura::model::*;
use shura::store::evaluation::{ChecklistCorrection, NewChecklist, NewVisit, VisitFilter};
use shura::store::plans::{
    IndicatorCorrection, NewIndicator, NewMeasurement, NewPolicy, PolicyCorrection,
};
use shura::store::write::*;
use shura::store::{Refusal, Store, StoreError};
use tempfile::TempDir;

// ----- helpers -----

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

fn fresh() -> (TempDir, PathBuf, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("shura.db");
    let store = Store::open(&path, Actor::current()).expect("open fresh store");
    (dir, path, store)
}

fn reopen(path: &Path) -> Store {
    Store::open(path, Actor::current()).expect("reopen store")
}

fn add_body(store: &mut Store, name: &str) -> i64 {
    store
        .add_body(&NewBody {
            name: Name::guess(name),
            kind: BodyKind::Council,
            parent_id: None,
            quorum: QuorumRule::Majority,
            meeting_rule: MeetingRule::None,
            resolution_format: "{seq}".into(),
            agenda_template: vec![],
            confidential: false,
            formed_on: None,
            procedure: Default::default(),
            agenda_closing: Vec::new(),
            number_per_term: false,
            fiscal_year: Default::default(),
            signing: Default::default(),
            law_profile: Default::default(),
            absence_rule: Default::default(),
        })
        .expect("add body")
}

fn add_person(store: &mut Store, name: &str) -> i64 {
    store
        .add_person(&NewPerson {
            name: Name::guess(name),
            ..Default::default()
        })
        .expect("add person")
}

fn task(store: &mut Store, body: i64, title: &str) -> i64 {
    store
        .add_task(&NewTask {
            body_id: Some(body),
            resolution_id: None,
            agenda_item_id: None,
            title: title.into(),
            description: None,
            assignee_id: None,
            assignee_unit: None,
            due: Some(d(2025, 6, 1)),
            priority: Priority::Normal,
            created_on: Some(d(2025, 1, 1)),
        })
        .expect("add task")
}

fn resolution(store: &mut Store, body: i64, text: &str) -> i64 {
    store
        .add_resolution(&NewResolution {
            body_id: body,
            session_id: None,
            agenda_item_id: None,
            text: text.into(),
            decision: Decision::Adopted,
            tally: None,
            votes: vec![],
            owner: None,
            due: None,
            created_on: Some(d(2025, 1, 10)),
            number: None,
        })
        .expect("add resolution")
        .id
}

fn plan_refusal(e: StoreError) -> PlanRefusal {
    match e {
        StoreError::Refused(Refusal::Plan(p)) => p,
        other => panic!("expected a plan refusal, got {other:?}"),
    }
}

fn evaluation_refusal(e: StoreError) -> EvaluationRefusal {
    match e {
        StoreError::Refused(Refusal::Evaluation(r)) => r,
        other => panic!("expected an evaluation refusal, got {other:?}"),
    }
}

fn indicator(store: &mut Store, policy: i64, name: &str) -> i64 {
    store
        .add_indicator_with(&NewIndicator {
            policy_id: policy,
            name: name.into(),
            unit: Some("%".into()),
            target: 80.0,
            baseline: Some(35.0),
            higher_is_better: true,
            period: PeriodKind::Quarter,
            calendar: None,
        })
        .expect("add indicator")
        .id
}

fn criteria(names: &[(&str, f64)]) -> Vec<NewCriterion> {
    names
        .iter()
        .map(|(n, w)| NewCriterion {
            name: n.to_string(),
            weight: *w,
        })
        .collect()
}

fn checklist(store: &mut Store, body: i64) -> shura::model::evaluation::Checklist {
    store
        .add_checklist(&NewChecklist {
            body_id: body,
            title: "District performance".into(),
            scale_max: 5,
            every: PeriodKind::Quarter,
            criteria: criteria(&[
                ("Programmes", 3.0),
                ("Participation", 2.0),
                ("Reports", 1.0),
            ]),
            units: vec!["منطقه ۲".into(), "منطقه ۱".into()],
        })
        .expect("add checklist")
}

// ----- plans -----

#[test]
fn goals_and_policies_round_trip_with_version_and_conflict() {
    let (_dir, path, mut store) = fresh();
    let body = add_body(&mut store, "Planning council");
    let other = add_body(&mut store, "Other council");
    let fair = store.add_goal(body, "Fair services").expect("goal");
    let costs = store.add_goal(body, "Lower costs").expect("goal");
    let foreign = store.add_goal(other, "Elsewhere").expect("goal");
    let p = store
        .add_policy_with(&NewPolicy {
            body_id: body,
            title: "Finish unfinished projects first".into(),
            goal_id: Some(costs.id),
            description: "Funds go to unfinished projects.".into(),
        })
        .expect("policy");
    assert_eq!(p.version, 1, "a new policy is at version 1");
    // Another body's goal is refused, on add and on edit.
    let e = store
        .add_policy_with(&NewPolicy {
            body_id: body,
            title: "x".into(),
            goal_id: Some(foreign.id),
            description: String::new(),
        })
        .expect_err("another body's goal");
    assert!(
        matches!(plan_refusal(e), PlanRefusal::GoalOfOtherBody { goal, .. } if goal == foreign.id)
    );
    drop(store);

    let mut store = reopen(&path);
    let goals = store.goals(body).expect("goals");
    assert_eq!(
        goals.iter().map(|g| g.title.as_str()).collect::<Vec<_>>(),
        ["Fair services", "Lower costs"]
    );
    let read = store.policy(p.id).expect("policy read back");
    assert_eq!(read.goal_id, Some(costs.id));
    assert_eq!(read.description, "Funds go to unfinished projects.");
    // An edit bumps the version; a stale expected version is a conflict.
    let edited = store
        .update_policy(
            p.id,
            &PolicyCorrection {
                title: Some("Unfinished projects first".into()),
                goal_id: Some(Some(fair.id)),
                description: None,
                expected_version: Some(1),
            },
        )
        .expect("edit");
    assert_eq!(edited.version, 2);
    assert_eq!(edited.goal_id, Some(fair.id));
    assert_eq!(
        edited.description, "Funds go to unfinished projects.",
        "None keeps it"
    );
    let stale = store
        .update_policy(
            p.id,
            &PolicyCorrection {
                title: Some("Lost edit".into()),
                expected_version: Some(1),
                ..Default::default()
            },
        )
        .expect_err("stale version");
    assert!(
        matches!(stale, StoreError::Conflict { id, .. } if id == p.id),
        "{stale:?}"
    );
    let e = store
        .update_policy(
            p.id,
            &PolicyCorrection {
                goal_id: Some(Some(foreign.id)),
                ..Default::default()
            },
        )
        .expect_err("another body's goal on edit");
    assert!(matches!(
        plan_refusal(e),
        PlanRefusal::GoalOfOtherBody { .. }
    ));
    let renamed = store
        .rename_goal(fair.id, "Fairer services", Some(1))
        .expect("rename");
    assert_eq!(renamed.version, 2);
    assert!(matches!(
        store.rename_goal(fair.id, "again", Some(1)),
        Err(StoreError::Conflict { .. })
    ));
    drop(store);

    let store = reopen(&path);
    let read = store.policy(p.id).expect("policy");
    assert_eq!(
        read.title, "Unfinished projects first",
        "the stale edit changed nothing"
    );
    assert_eq!(read.version, 2);
    assert_eq!(store.goal(fair.id).expect("goal").title, "Fairer services");
    assert_eq!(store.policies(body).expect("policies").len(), 1);
    assert!(store.policies(other).expect("policies").is_empty());
}

#[test]
fn links_across_bodies_refused_and_unlink_of_missing_refused() {
    let (_dir, path, mut store) = fresh();
    let body = add_body(&mut store, "Planning council");
    let other = add_body(&mut store, "Other council");
    let p = store
        .add_policy(body, "Results-based budgeting")
        .expect("policy");
    let r = resolution(
        &mut store,
        body,
        "Every budget line is linked to an indicator.",
    );
    let t = task(
        &mut store,
        body,
        "Add indicator fields to the budget system",
    );
    let foreign_r = resolution(&mut store, other, "Elsewhere");
    let foreign_t = task(&mut store, other, "Elsewhere");
    store
        .link_policy(p, PolicyLink::Resolution(r))
        .expect("link resolution");
    store
        .link_policy(p, PolicyLink::Task(t))
        .expect("link task");
    store
        .link_policy(p, PolicyLink::Task(t))
        .expect("linking twice changes nothing");
    for link in [
        PolicyLink::Resolution(foreign_r),
        PolicyLink::Task(foreign_t),
    ] {
        let e = store.link_policy(p, link).expect_err("another body's");
        match plan_refusal(e) {
            PlanRefusal::LinkOfOtherBody {
                policy,
                body: b,
                link_body,
                ..
            } => {
                assert_eq!((policy, b, link_body), (p, body, other));
            }
            other => panic!("{other:?}"),
        }
    }
    assert!(matches!(
        store.link_policy(p, PolicyLink::Task(9999)),
        Err(StoreError::NotFound { .. })
    ));
    drop(store);

    let mut store = reopen(&path);
    assert_eq!(
        store.policy_links(p).expect("links"),
        vec![PolicyLink::Resolution(r), PolicyLink::Task(t)]
    );
    let served = store
        .policies_linked_to(PolicyLink::Task(t))
        .expect("served");
    assert_eq!(served.iter().map(|x| x.id).collect::<Vec<_>>(), [p]);
    store.unlink_policy(p, PolicyLink::Task(t)).expect("unlink");
    let e = store
        .unlink_policy(p, PolicyLink::Task(t))
        .expect_err("unlinking a missing link");
    assert_eq!(
        plan_refusal(e),
        PlanRefusal::NotLinked {
            policy: p,
            link: PolicyLink::Task(t)
        }
    );
    let audit = store
        .audit_list(Some("policy_link"), None, 10)
        .expect("audit");
    assert!(audit
        .iter()
        .any(|a| a.action == "delete" && a.before.is_some()));
    drop(store);
    let store = reopen(&path);
    assert_eq!(
        store.policy_links(p).expect("links"),
        vec![PolicyLink::Resolution(r)]
    );
    assert!(store
        .policies_linked_to(PolicyLink::Task(t))
        .expect("none")
        .is_empty());
}

#[test]
fn indicators_and_measurements_round_trip_with_audited_corrections() {
    let (_dir, path, mut store) = fresh();
    let body = add_body(&mut store, "Planning council");
    let p = store
        .add_policy(body, "Lower costs through technology")
        .expect("policy");
    let i = indicator(&mut store, p, "Services offered online");
    // Before any measurement the period may change, and back.
    let monthly = store
        .update_indicator(
            i,
            &IndicatorCorrection {
                period: Some(PeriodKind::Month),
                ..Default::default()
            },
        )
        .expect("period change with no measurement");
    assert_eq!(monthly.period, PeriodKind::Month);
    assert_eq!(monthly.version, 2);
    store
        .update_indicator(
            i,
            &IndicatorCorrection {
                period: Some(PeriodKind::Quarter),
                ..Default::default()
            },
        )
        .expect("back to quarters");
    store
        .record_measurement(&NewMeasurement {
            indicator_id: i,
            period: "1404-Q2".into(),
            value: 49.0,
            source: "Citizen e-services portal".into(),
            note: "First full quarter".into(),
        })
        .expect("record");
    store
        .set_measurement(i, "1404-Q1", 42.0)
        .expect("short form");
    drop(store);

    let mut store = reopen(&path);
    let ind = store.indicator(i).expect("indicator");
    assert_eq!(ind.baseline, Some(35.0));
    assert_eq!(ind.unit.as_deref(), Some("%"));
    assert_eq!(ind.calendar, Calendar::Jalali, "the body's calendar");
    assert_eq!(ind.period, PeriodKind::Quarter);
    let ms = store.measurements(i).expect("measurements");
    assert_eq!(
        ms.iter()
            .map(|m| (m.period.as_str(), m.value))
            .collect::<Vec<_>>(),
        [("1404-Q1", 42.0), ("1404-Q2", 49.0)],
        "oldest period first"
    );
    assert_eq!(ms[1].source, "Citizen e-services portal");
    assert_eq!(ms[1].note, "First full quarter");
    assert_eq!(ms[0].source, "");
    // Once measured, the period is fixed.
    let e = store
        .update_indicator(
            i,
            &IndicatorCorrection {
                period: Some(PeriodKind::Year),
                ..Default::default()
            },
        )
        .expect_err("period change once measured");
    assert_eq!(
        plan_refusal(e),
        PlanRefusal::PeriodWithMeasurements {
            indicator: i,
            count: 2
        }
    );
    // The same period unchanged is not a change.
    store
        .update_indicator(
            i,
            &IndicatorCorrection {
                period: Some(PeriodKind::Quarter),
                target: Some(85.0),
                baseline: Some(None),
                expected_version: Some(3),
                ..Default::default()
            },
        )
        .expect("same period, new target");
    assert!(matches!(
        store.update_indicator(
            i,
            &IndicatorCorrection {
                target: Some(1.0),
                expected_version: Some(3),
                ..Default::default()
            }
        ),
        Err(StoreError::Conflict { .. })
    ));
    // A correction replaces the value and is audited with before and after.
    let corrected = store
        .record_measurement(&NewMeasurement {
            indicator_id: i,
            period: "1404-Q2".into(),
            value: 51.5,
            source: "Portal, corrected count".into(),
            note: String::new(),
        })
        .expect("correct");
    assert_eq!(corrected.value, 51.5);
    let audit = store
        .audit_list(Some("measurement"), Some(i), 10)
        .expect("audit");
    let update = audit
        .iter()
        .find(|a| a.action == "update")
        .expect("the correction is audited");
    let before = update.before.as_ref().expect("before");
    let after = update.after.as_ref().expect("after");
    assert_eq!(before["value"], 49.0);
    assert_eq!(before["source"], "Citizen e-services portal");
    assert_eq!(after["value"], 51.5);
    assert_eq!(after["source"], "Portal, corrected count");
    assert_eq!(audit.iter().filter(|a| a.action == "insert").count(), 2);
    // A bad value is refused.
    assert!(store.set_measurement(i, "1404-Q3", f64::NAN).is_err());
    drop(store);

    let store = reopen(&path);
    let ind = store.indicator(i).expect("indicator");
    assert_eq!((ind.target, ind.baseline), (85.0, None));
    let ms = store.measurements(i).expect("measurements");
    assert_eq!(ms.len(), 2);
    assert_eq!(ms[1].value, 51.5);
    assert_eq!(
        ms[1].note, "",
        "the correction's empty note replaced the old"
    );
    let all = store.all_indicators().expect("all");
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].2.len(), 2);
    assert!(store.audit_verify().expect("verify").problems.is_empty());
}

// ----- evaluations -----

#[test]
fn checklists_keep_criteria_order_and_refuse_bad_edits() {
    let (_dir, path, mut store) = fresh();
    let body = add_body(&mut store, "Coordination meeting");
    let c = checklist(&mut store, body);
    assert_eq!(
        c.criteria
            .iter()
            .map(|k| (k.position, k.name.as_str(), k.weight))
            .collect::<Vec<_>>(),
        [
            (1, "Programmes", 3.0),
            (2, "Participation", 2.0),
            (3, "Reports", 1.0)
        ]
    );
    // A duplicate criterion (compared normalized) is refused, on add and on edit.
    let e = store
        .add_checklist(&NewChecklist {
            body_id: body,
            title: "Dup".into(),
            scale_max: 5,
            every: PeriodKind::Quarter,
            criteria: criteria(&[("Reports", 1.0), ("reports", 2.0)]),
            units: vec![],
        })
        .expect_err("duplicate criterion");
    assert!(matches!(
        evaluation_refusal(e),
        EvaluationRefusal::DuplicateCriterion { .. }
    ));
    let e = store
        .update_checklist(
            c.id,
            &ChecklistCorrection {
                add_criteria: criteria(&[("PARTICIPATION", 1.0)]),
                ..Default::default()
            },
        )
        .expect_err("duplicate on edit");
    assert!(
        matches!(evaluation_refusal(e), EvaluationRefusal::DuplicateCriterion { name } if name == "Participation")
    );
    let e = store
        .add_checklist(&NewChecklist {
            body_id: body,
            title: "Empty".into(),
            scale_max: 5,
            every: PeriodKind::Quarter,
            criteria: vec![],
            units: vec![],
        })
        .expect_err("no criteria");
    assert_eq!(evaluation_refusal(e), EvaluationRefusal::NoCriteria);
    // Score one criterion, then try to remove it and shrink the scale below the score.
    let v = store
        .add_visit(&NewVisit {
            checklist_id: c.id,
            unit: "منطقه ۱".into(),
            visited_on: d(2025, 5, 10),
            visitors: vec![],
            note: String::new(),
        })
        .expect("visit");
    store
        .set_score(v.id, c.criteria[0].id, 4.0, None)
        .expect("score");
    let e = store
        .update_checklist(
            c.id,
            &ChecklistCorrection {
                remove_criteria: vec![c.criteria[0].id],
                ..Default::default()
            },
        )
        .expect_err("removing a scored criterion");
    assert_eq!(
        evaluation_refusal(e),
        EvaluationRefusal::CriterionScored {
            criterion: c.criteria[0].id,
            visits: 1
        }
    );
    let e = store
        .update_checklist(
            c.id,
            &ChecklistCorrection {
                scale_max: Some(3),
                ..Default::default()
            },
        )
        .expect_err("scale below a given score");
    assert!(
        matches!(evaluation_refusal(e), EvaluationRefusal::ScaleBelowScores { scale: 3, highest } if highest == "4")
    );
    // The refused edits changed nothing; a good one reorders nothing and bumps the version.
    let edited = store
        .update_checklist(
            c.id,
            &ChecklistCorrection {
                scale_max: Some(4),
                remove_criteria: vec![c.criteria[2].id],
                reweigh_criteria: vec![(c.criteria[1].id, 2.5)],
                add_criteria: criteria(&[("Complaints answered", 2.0)]),
                expected_version: Some(c.version),
                ..Default::default()
            },
        )
        .expect("edit");
    assert_eq!(edited.version, c.version + 1);
    drop(store);

    let store = reopen(&path);
    let c2 = store.checklist(c.id).expect("checklist");
    assert_eq!(c2.scale_max, 4);
    assert_eq!(
        c2.criteria
            .iter()
            .map(|k| (k.position, k.name.as_str(), k.weight))
            .collect::<Vec<_>>(),
        [
            (1, "Programmes", 3.0),
            (2, "Participation", 2.5),
            (4, "Complaints answered", 2.0)
        ],
        "a removed criterion keeps its place empty; a new one comes last"
    );
    assert_eq!(c2.units, ["منطقه ۱", "منطقه ۲"], "units sorted");
    assert_eq!(store.checklists(Some(body)).expect("list").len(), 1);
}

#[test]
fn visits_list_units_and_filter_by_unit_across_letter_variants_and_digits() {
    let (_dir, path, mut store) = fresh();
    let body = add_body(&mut store, "Coordination meeting");
    let ali = add_person(&mut store, "Ali Karimi");
    let sara = add_person(&mut store, "Sara Mehrain");
    let c = checklist(&mut store, body);
    let first = store
        .add_visit(&NewVisit {
            checklist_id: c.id,
            unit: "منطقه ۳".into(),
            visited_on: d(2025, 4, 12),
            visitors: vec![sara, ali, sara],
            note: "Morning visit".into(),
        })
        .expect("visit");
    assert_eq!(first.visitors, [ali, sara], "visitors once each, by id");
    // The same unit typed with Arabic letters and Latin digits is the same unit.
    let second = store
        .add_visit(&NewVisit {
            checklist_id: c.id,
            unit: "منطقة 3".into(),
            visited_on: d(2025, 7, 20),
            visitors: vec![ali],
            note: String::new(),
        })
        .expect("visit");
    store
        .add_visit(&NewVisit {
            checklist_id: c.id,
            unit: "منطقه ۱".into(),
            visited_on: d(2025, 5, 1),
            visitors: vec![],
            note: String::new(),
        })
        .expect("visit");
    assert!(matches!(
        store.add_visit(&NewVisit {
            checklist_id: c.id,
            unit: "منطقه ۴".into(),
            visited_on: d(2025, 5, 1),
            visitors: vec![9999],
            note: String::new(),
        }),
        Err(StoreError::NotFound { .. })
    ));
    drop(store);

    let store = reopen(&path);
    let c2 = store.checklist(c.id).expect("checklist");
    assert_eq!(
        c2.units,
        ["منطقه ۱", "منطقه ۲", "منطقه ۳"],
        "the visit listed its unit once"
    );
    for typed in ["منطقه ۳", "منطقة ٣", "منطقه 3", "  منطقه   3 "] {
        let found = store
            .visits(&VisitFilter {
                unit: Some(typed.into()),
                ..Default::default()
            })
            .expect("filter");
        assert_eq!(
            found.iter().map(|v| v.id).collect::<Vec<_>>(),
            [second.id, first.id],
            "{typed}: latest first"
        );
    }
    let in_may = store
        .visits(&VisitFilter {
            body_id: Some(body),
            from: Some(d(2025, 4, 13)),
            to: Some(d(2025, 6, 30)),
            ..Default::default()
        })
        .expect("dates");
    assert_eq!(in_may.len(), 1);
    assert_eq!(in_may[0].unit, "منطقه ۱");
    let read = store.visit(first.id).expect("visit");
    assert_eq!(read.note, "Morning visit");
    assert_eq!(read.visited_on, d(2025, 4, 12));
    assert_eq!(read.body_id, body);
    // recent_visits_by_unit: every listed unit, with its visits oldest first.
    let by_unit = store.recent_visits_by_unit(Some(body), 3).expect("by unit");
    assert_eq!(by_unit.len(), 1);
    let units = &by_unit[0].1;
    let names: Vec<&str> = units.iter().map(|u| u.unit.as_str()).collect();
    assert_eq!(names, ["منطقه ۱", "منطقه ۲", "منطقه ۳"]);
    let third: Vec<i64> = units[2].visits.iter().map(|v| v.0).collect();
    assert_eq!(third, [first.id, second.id]);
    assert_eq!(units[2].total, 2);
    assert!(units[1].visits.is_empty(), "listed, never visited");
    assert_eq!(
        store.visit(first.id).expect("visit").visitors,
        [ali, sara],
        "visitors read with the visit"
    );
}

#[test]
fn scores_replace_keep_findings_and_findings_become_tasks_once() {
    let (_dir, path, mut store) = fresh();
    let body = add_body(&mut store, "Coordination meeting");
    let c = checklist(&mut store, body);
    let v = store
        .add_visit(&NewVisit {
            checklist_id: c.id,
            unit: "منطقه ۲".into(),
            visited_on: d(2025, 7, 2),
            visitors: vec![],
            note: String::new(),
        })
        .expect("visit");
    let (k1, k2, k3) = (c.criteria[0].id, c.criteria[1].id, c.criteria[2].id);
    store
        .set_score(v.id, k1, 2.0, Some("Half the programmes did not start."))
        .expect("score with finding");
    store
        .set_score(v.id, k1, 3.0, None)
        .expect("rescore keeps the finding");
    store
        .set_score(v.id, k2, 4.0, Some(""))
        .expect("score, no finding");
    assert!(matches!(
        store.set_score(v.id, k3, 6.0, None),
        Err(StoreError::Invalid(_))
    ));
    drop(store);

    let mut store = reopen(&path);
    let read = store.visit(v.id).expect("visit");
    assert_eq!(
        read.scores
            .iter()
            .map(|s| (s.criterion_id, s.score, s.finding.as_str()))
            .collect::<Vec<_>>(),
        [
            (k1, 3.0, "Half the programmes did not start."),
            (k2, 4.0, "")
        ]
    );
    // The finding becomes a task of the body, linked to the score.
    let new_task = NewTask {
        body_id: None,
        resolution_id: None,
        agenda_item_id: None,
        title: String::new(),
        description: None,
        assignee_id: None,
        assignee_unit: Some("منطقه ۲".into()),
        due: Some(d(2025, 8, 1)),
        priority: Priority::High,
        created_on: Some(d(2025, 7, 2)),
    };
    let t = store
        .finding_to_task(v.id, k1, &new_task)
        .expect("finding to task");
    let e = store
        .finding_to_task(v.id, k1, &new_task)
        .expect_err("twice");
    assert_eq!(
        evaluation_refusal(e),
        EvaluationRefusal::FindingHasTask {
            visit: v.id,
            task: t
        }
    );
    let e = store
        .finding_to_task(v.id, k2, &new_task)
        .expect_err("no finding");
    assert_eq!(
        evaluation_refusal(e),
        EvaluationRefusal::NoFinding {
            visit: v.id,
            criterion: k2
        }
    );
    let e = store
        .finding_to_task(v.id, k3, &new_task)
        .expect_err("not scored");
    assert_eq!(
        evaluation_refusal(e),
        EvaluationRefusal::NotScored {
            visit: v.id,
            criterion: k3
        }
    );
    drop(store);

    let store = reopen(&path);
    let made = store.task(t).expect("the task");
    assert_eq!(made.body_id, body, "the task is the checklist's body's");
    assert_eq!(
        made.title, "Half the programmes did not start.",
        "titled by the finding"
    );
    assert_eq!(made.priority, Priority::High);
    assert_eq!(made.due, Some(d(2025, 8, 1)));
    let read = store.visit(v.id).expect("visit");
    assert_eq!(read.scores[0].task_id, Some(t));
    assert_eq!(read.scores[1].task_id, None);
    assert_eq!(
        store.tasks(&Default::default()).expect("tasks").len(),
        1,
        "refusals made no task"
    );
}

#[test]
fn hidden_bodies_plans_and_visits_are_not_read() {
    let (_dir, path, mut store) = fresh();
    let open = add_body(&mut store, "Open council");
    let closed = add_body(&mut store, "Confidential board");
    let g = store.add_goal(closed, "Secret goal").expect("goal");
    let p = store.add_policy(closed, "Secret policy").expect("policy");
    let i = indicator(&mut store, p, "Secret indicator");
    store.set_measurement(i, "1404-Q1", 10.0).expect("measure");
    let c = checklist(&mut store, closed);
    let v = store
        .add_visit(&NewVisit {
            checklist_id: c.id,
            unit: "منطقه ۱".into(),
            visited_on: d(2025, 5, 1),
            visitors: vec![],
            note: String::new(),
        })
        .expect("visit");
    let visible = store.add_policy(open, "Open policy").expect("policy");
    indicator(&mut store, visible, "Open indicator");
    drop(store);

    let mut store = reopen(&path);
    store.hide_bodies(vec![closed]);
    assert!(matches!(store.goal(g.id), Err(StoreError::NotFound { .. })));
    assert!(store.goals(closed).expect("goals").is_empty());
    assert!(matches!(store.policy(p), Err(StoreError::NotFound { .. })));
    assert!(store.policies(closed).expect("policies").is_empty());
    assert!(matches!(
        store.indicator(i),
        Err(StoreError::NotFound { .. })
    ));
    let all = store.all_indicators().expect("all");
    assert_eq!(
        all.iter()
            .map(|(_, i, _)| i.name.as_str())
            .collect::<Vec<_>>(),
        ["Open indicator"]
    );
    assert!(matches!(
        store.checklist(c.id),
        Err(StoreError::NotFound { .. })
    ));
    assert!(store.checklists(None).expect("checklists").is_empty());
    assert!(matches!(
        store.visit(v.id),
        Err(StoreError::NotFound { .. })
    ));
    assert!(store
        .visits(&VisitFilter::default())
        .expect("visits")
        .is_empty());
    assert!(store
        .recent_visits_by_unit(None, 3)
        .expect("by unit")
        .is_empty());
    // A member (nothing hidden) reads them.
    let store = reopen(&path);
    assert_eq!(store.policies(closed).expect("policies").len(), 1);
    assert_eq!(
        store.recent_visits_by_unit(None, 3).expect("by unit").len(),
        1
    );
}

// ----- the demo's plan and evaluations -----

/// The demo's planning council has its plan (goals, policies under them, two quarterly
/// indicators each with a baseline and four quarters of measurements from a source,
/// policies linked to its resolutions and tasks), and the coordination meeting its
/// checklist with two rounds of visits: a ranking with trends both ways, two findings
/// made tasks, and districts overdue or never visited. In both languages.
#[test]
fn demo_has_the_plan_and_the_district_visits() {
    use shura::locale::Lang;
    use shura::model::plans::Direction;
    let today = d(2026, 11, 22);
    for lang in [Lang::En, Lang::Fa] {
        let (_dir, path, mut store) = fresh();
        shura::demo::load_demo(&mut store, lang, today).expect("demo");
        drop(store);
        let store = reopen(&path);
        let bodies = store.bodies().expect("bodies");
        let find = |en: &str, fa: &str| {
            bodies
                .iter()
                .find(|b| b.name.en.as_deref() == Some(en) || b.name.fa.as_deref() == Some(fa))
                .unwrap_or_else(|| panic!("{en}"))
                .id
        };
        let planning = find(
            "Arvand Municipality Supreme Planning Council",
            "شورای عالی برنامه‌ریزی شهرداری اروند",
        );
        let coordination = find(
            "District Performance Evaluation Coordination Meeting",
            "جلسه هماهنگی ارزیابی عملکرد مناطق",
        );
        let goals = store.goals(planning).expect("goals");
        assert_eq!(goals.len(), 3, "{lang:?}");
        let policies = store.policies(planning).expect("policies");
        assert_eq!(policies.len(), 4);
        let mut linked = 0;
        for p in &policies {
            assert!(
                goals.iter().any(|g| Some(g.id) == p.goal_id),
                "{}: a goal",
                p.title
            );
            let links = store.policy_links(p.id).expect("links");
            if links.iter().any(|l| matches!(l, PolicyLink::Resolution(_)))
                && links.iter().any(|l| matches!(l, PolicyLink::Task(_)))
            {
                linked += 1;
            }
            let inds = store.indicators(p.id).expect("indicators");
            assert_eq!(inds.len(), 2, "{}", p.title);
            for i in &inds {
                assert!(i.baseline.is_some(), "{}: a baseline", i.name);
                assert_eq!(i.period, PeriodKind::Quarter);
                assert_eq!(i.calendar, Calendar::Jalali);
                let ms = store.measurements(i.id).expect("measurements");
                // The four Jalali quarters ending with the last complete one (1405-Q2
                // on 2026-11-22, which is 1405/09/01).
                assert_eq!(
                    ms.iter().map(|m| m.period.as_str()).collect::<Vec<_>>(),
                    ["1404-Q3", "1404-Q4", "1405-Q1", "1405-Q2"],
                    "{}",
                    i.name
                );
                assert!(
                    ms.iter().all(|m| !m.source.is_empty()),
                    "{}: a source",
                    i.name
                );
            }
        }
        assert!(
            linked >= 3,
            "policies linked to a resolution and a task: {linked}"
        );
        // On and off target, improving and worsening.
        let figures: Vec<_> = policies
            .iter()
            .flat_map(|p| store.indicators(p.id).expect("indicators"))
            .map(|i| {
                let ms = store.measurements(i.id).expect("measurements");
                let series: Vec<shura::model::plans::MeasuredValue> = ms
                    .iter()
                    .map(|m| shura::model::plans::MeasuredValue {
                        period: m.period.clone(),
                        value: m.value,
                    })
                    .collect();
                shura::model::plans::figures(&series, i.target, i.baseline, i.higher_is_better)
            })
            .collect();
        assert!(figures.iter().any(|f| f.on_target == Some(true)));
        assert!(figures.iter().any(|f| f.on_target == Some(false)));
        assert!(figures
            .iter()
            .any(|f| f.direction == Some(Direction::Better)));
        assert!(figures
            .iter()
            .any(|f| f.direction == Some(Direction::Worse)));

        // The coordination meeting's checklist and its scoreboard.
        let checklists = store.checklists(Some(coordination)).expect("checklists");
        assert_eq!(checklists.len(), 1);
        let c = &checklists[0];
        assert_eq!(
            (c.scale_max, c.every, c.criteria.len(), c.units.len()),
            (5, PeriodKind::Quarter, 5, 8)
        );
        let visits = store
            .visits(&VisitFilter {
                checklist_id: Some(c.id),
                ..Default::default()
            })
            .expect("visits");
        assert_eq!(visits.len(), 12);
        assert!(visits
            .iter()
            .all(|v| v.visited_on < today && !v.visitors.is_empty()));
        assert!(visits.iter().all(|v| v.scores.len() == 5));
        let tasks: Vec<i64> = visits
            .iter()
            .flat_map(|v| v.scores.iter().filter_map(|s| s.task_id))
            .collect();
        assert_eq!(tasks.len(), 2, "two findings made tasks");
        for t in tasks {
            assert_eq!(store.task(t).expect("task").body_id, coordination);
        }
        let f = shura::ops::evaluation::figures(&store, &[coordination], today).expect("figures");
        assert_eq!(f.ranked.len(), 6, "six districts visited");
        assert!(
            f.ranked.windows(2).all(|w| w[0].score >= w[1].score),
            "ranked by score"
        );
        assert!(f.ranked.iter().any(|u| u.trend == Some(Direction::Better)));
        assert!(f.ranked.iter().any(|u| u.trend == Some(Direction::Worse)));
        assert_eq!(
            f.overdue.iter().filter(|u| u.visits == 0).count(),
            2,
            "two districts never visited"
        );
        assert!(
            f.overdue.iter().any(|u| u.visits > 0),
            "a visited district overdue"
        );
        assert!(f.overdue.len() < 8, "some districts are not due yet");
    }
}

/// The scoreboard's read: each checklist's own visits under its own units, in the
/// checklists' order, the latest kept and the rest counted, one body or every one.
#[test]
fn recent_visits_by_unit_keeps_checklists_apart() {
    let (_dir, path, mut store) = fresh();
    let a = add_body(&mut store, "Coordination A");
    let b = add_body(&mut store, "Coordination B");
    let who = add_person(&mut store, "Ali Karimi");
    let ca = checklist(&mut store, a);
    let cb = checklist(&mut store, b);
    let visit = |store: &mut Store, c: i64, unit: &str, on: NaiveDate| {
        store
            .add_visit(&NewVisit {
                checklist_id: c,
                unit: unit.into(),
                visited_on: on,
                visitors: vec![who],
                note: String::new(),
            })
            .expect("visit")
    };
    let b2 = visit(&mut store, cb.id, "منطقه ۲", d(2025, 6, 1));
    let a1 = visit(&mut store, ca.id, "منطقه 1", d(2025, 5, 1));
    let a1_earlier = visit(&mut store, ca.id, "منطقة ١", d(2025, 2, 1));
    store
        .set_score(b2.id, cb.criteria[1].id, 5.0, Some("good"))
        .expect("score");
    store
        .set_score(b2.id, cb.criteria[0].id, 2.0, None)
        .expect("score");
    drop(store);

    let store = reopen(&path);
    let all = store.recent_visits_by_unit(None, 3).expect("all");
    assert_eq!(
        all.iter().map(|(c, _)| c.id).collect::<Vec<_>>(),
        [ca.id, cb.id]
    );
    let (_, units_a) = &all[0];
    assert_eq!(units_a.len(), 2, "{units_a:?}");
    assert_eq!(
        units_a[0].visits.iter().map(|v| v.0).collect::<Vec<_>>(),
        [a1_earlier.id, a1.id],
        "one unit whatever its letters and digits, oldest first"
    );
    assert_eq!(units_a[0].total, 2);
    assert!(units_a[1].visits.is_empty());
    // Only the latest is kept when one is asked for; the count is of all.
    let latest = store.recent_visits_by_unit(Some(a), 1).expect("latest");
    assert_eq!(
        latest[0].1[0]
            .visits
            .iter()
            .map(|v| v.0)
            .collect::<Vec<_>>(),
        [a1.id]
    );
    assert_eq!(latest[0].1[0].total, 2);
    let (_, units_b) = &all[1];
    let visits_b: Vec<_> = units_b.iter().flat_map(|u| &u.visits).collect();
    assert_eq!(visits_b.len(), 1);
    // Its kept score: 2 and 5 of 5 on the fixture's criteria, as the model gives it.
    let read = store.visit(b2.id).expect("visit");
    let again = shura::model::evaluation::visit_score(&cb.criteria, &read.scores, cb.scale_max);
    assert_eq!(visits_b[0].2.map(|s| s.percent), again.map(|s| s.percent));
    assert!(visits_b[0].2.is_some());
    let only_b = store.recent_visits_by_unit(Some(b), 3).expect("one body");
    assert_eq!(only_b.len(), 1);
    assert_eq!(only_b[0].0.id, cb.id);
}

#[test]
fn a_visits_kept_score_follows_its_scores_and_the_checklists_weights() {
    let (_dir, path, mut store) = fresh();
    let body = add_body(&mut store, "Coordination meeting");
    let c = store
        .add_checklist(&NewChecklist {
            body_id: body,
            title: "Districts".into(),
            scale_max: 5,
            every: PeriodKind::Quarter,
            criteria: vec![
                NewCriterion {
                    name: "Cleanliness".into(),
                    weight: 3.0,
                },
                NewCriterion {
                    name: "Lighting".into(),
                    weight: 2.0,
                },
                NewCriterion {
                    name: "Greenery".into(),
                    weight: 1.0,
                },
            ],
            units: vec!["District 1".into()],
        })
        .expect("checklist");
    let v = store
        .add_visit(&NewVisit {
            checklist_id: c.id,
            unit: "District 1".into(),
            visited_on: d(2025, 7, 1),
            visitors: vec![],
            note: String::new(),
        })
        .expect("visit");
    let kept = |store: &Store| {
        let all = store.recent_visits_by_unit(Some(body), 3).expect("recent");
        all[0].1[0].visits.last().and_then(|(_, _, s)| *s)
    };
    assert_eq!(kept(&store), None, "nothing scored yet");
    // 3×4 = 12 of 15: 80 %, one criterion of three.
    store
        .set_score(v.id, c.criteria[0].id, 4.0, None)
        .expect("score");
    let s = kept(&store).expect("kept");
    assert_eq!((s.percent, s.scored, s.criteria), (80.0, 1, 3));
    // 12 + 2×3 + 1×5 = 23 of 30.
    store
        .set_score(v.id, c.criteria[1].id, 3.0, None)
        .expect("score");
    store
        .set_score(v.id, c.criteria[2].id, 5.0, None)
        .expect("score");
    let s = kept(&store).expect("kept");
    assert!((s.percent - 23.0 / 30.0 * 100.0).abs() < 1e-9, "{s:?}");
    // Cleanliness weighed 1 instead of 3: 4 + 6 + 5 = 15 of 20 = 75 %, after reopening.
    store
        .update_checklist(
            c.id,
            &ChecklistCorrection {
                reweigh_criteria: vec![(c.criteria[0].id, 1.0)],
                ..Default::default()
            },
        )
        .expect("reweigh");
    let store = reopen(&path);
    let s = kept(&store).expect("kept");
    assert_eq!((s.percent, s.scored), (75.0, 3));
    // What the kept figure says is what the visit's own scores give.
    let visit = store.visit(v.id).expect("visit");
    let fresh_c = store.checklist(c.id).expect("checklist");
    let again = shura::model::evaluation::visit_score(&fresh_c.criteria, &visit.scores, 5);
    assert_eq!(again.map(|a| a.percent), Some(s.percent));
}
