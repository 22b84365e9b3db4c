//! A policy's links in the store, on a real file: a resolution or task linked twice is
//! one link (the table's UNIQUE does not hold rows whose other column is NULL, so the
//! store looks first), read back after the file is opened again, and unlinked once.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use shura::identity::Actor;
use shura::model::plans::{PlanRefusal, PolicyLink};
use shura::model::rules::{MeetingRule, QuorumRule};
use shura::model::*;
use shura::store::write::*;
use shura::store::{Refusal, Store, StoreError};

fn body(name: &str) -> NewBody {
    NewBody {
        name: Name::guess(name),
        kind: BodyKind::Committee,
        parent_id: None,
        quorum: QuorumRule::Majority,
        meeting_rule: MeetingRule::None,
        resolution_format: "{seq}".to_string(),
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
    }
}

#[test]
fn a_link_made_twice_is_one_link() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shura.db");
    let mut store = Store::open(&path, Actor::current()).unwrap();
    let b = store.add_body(&body("Planning Council")).unwrap();
    let r = store
        .add_resolution(&NewResolution {
            body_id: b,
            session_id: None,
            agenda_item_id: None,
            text: "Separate the waste".to_string(),
            decision: Decision::Adopted,
            tally: None,
            votes: vec![],
            owner: None,
            due: None,
            created_on: None,
            number: None,
        })
        .unwrap();
    let task = store
        .add_task(&NewTask {
            body_id: Some(b),
            resolution_id: None,
            agenda_item_id: None,
            title: "Buy bins".to_string(),
            description: None,
            assignee_id: None,
            assignee_unit: None,
            due: None,
            priority: Priority::Normal,
            created_on: None,
        })
        .unwrap();
    let p = store.add_policy(b, "Waste separation").unwrap();
    for _ in 0..2 {
        store.link_policy(p, PolicyLink::Resolution(r.id)).unwrap();
        store.link_policy(p, PolicyLink::Task(task)).unwrap();
    }
    drop(store);
    let mut store = Store::open(&path, Actor::current()).unwrap();
    assert_eq!(
        store.policy_links(p).unwrap(),
        vec![PolicyLink::Resolution(r.id), PolicyLink::Task(task)]
    );
    store.unlink_policy(p, PolicyLink::Task(task)).unwrap();
    assert_eq!(
        store.policy_links(p).unwrap(),
        vec![PolicyLink::Resolution(r.id)]
    );
    match store.unlink_policy(p, PolicyLink::Task(task)) {
        Err(StoreError::Refused(Refusal::Plan(PlanRefusal::NotLinked { policy, link }))) => {
            assert_eq!((policy, link), (p, PolicyLink::Task(task)));
        }
        other => panic!("{other:?}"),
    }
}
