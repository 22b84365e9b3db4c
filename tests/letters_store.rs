//! The register in the store, on a real file: a letter reads back as written after the
//! file is opened again; numbers compared whatever their digits; a correction over a
//! stale version is a conflict; a link across bodies is a typed refusal naming both.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use chrono::NaiveDate;
use shura::identity::Actor;
use shura::model::legal::{LegalRefusal, LetterDirection};
use shura::model::letters::{LetterLink, LetterRefusal};
use shura::model::rules::{MeetingRule, QuorumRule};
use shura::model::*;
use shura::store::legal::NewLetter;
use shura::store::letters::{LetterCorrection, LetterFilter};
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

fn letter(body_id: i64, direction: LetterDirection, number: &str) -> NewLetter {
    NewLetter {
        body_id,
        direction,
        number: number.to_string(),
        dated: NaiveDate::from_ymd_opt(2024, 12, 1).unwrap(),
        correspondent: " Municipality ".to_string(),
        subject: "Budget bill".to_string(),
        agenda_item_id: None,
        resolution_id: None,
    }
}

#[test]
fn the_register_round_trips_and_refuses_what_it_should() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shura.db");
    let mut store = Store::open(&path, Actor::current()).unwrap();
    let b1 = store.add_body(&body("Library Board")).unwrap();
    let b2 = store.add_body(&body("Parks Board")).unwrap();
    let other = store
        .add_resolution(&NewResolution {
            body_id: b2,
            session_id: None,
            agenda_item_id: None,
            text: "Plant trees".to_string(),
            decision: Decision::Adopted,
            tally: None,
            votes: vec![],
            owner: None,
            due: None,
            created_on: None,
            number: None,
        })
        .unwrap();

    let added = store
        .add_letter(&letter(b1, LetterDirection::In, "۷/ش"))
        .unwrap();
    assert_eq!(added.number, "۷/ش", "kept as typed");
    assert_eq!(added.correspondent, "Municipality", "trimmed");
    assert_eq!(added.version, 1);
    drop(store);

    let mut store = Store::open(&path, Actor::current()).unwrap();
    assert_eq!(store.letter(added.id).unwrap(), added);
    // The same number in Latin digits is the same number; in the other direction it
    // is free.
    match store.add_letter(&letter(b1, LetterDirection::In, " 7/ش")) {
        Err(StoreError::Refused(Refusal::Legal(LegalRefusal::LetterNumberTaken {
            number,
            letter,
        }))) => {
            assert_eq!(number, "۷/ش");
            assert_eq!(letter, added.id);
        }
        other => panic!("{other:?}"),
    }
    let out = store
        .add_letter(&letter(b1, LetterDirection::Out, "7/ش"))
        .unwrap();
    let found = store
        .letter_by_number(b1, LetterDirection::In, "7/ش")
        .unwrap()
        .unwrap();
    assert_eq!(found.id, added.id);
    assert!(store
        .letter_by_number(b2, LetterDirection::In, "7/ش")
        .unwrap()
        .is_none());

    // A correction over a stale version is a conflict, and changes nothing.
    let fixed = store
        .update_letter(
            added.id,
            &LetterCorrection {
                subject: Some("Budget bill 1404".into()),
                expected_version: Some(1),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(fixed.version, 2);
    assert_eq!(fixed.subject, "Budget bill 1404");
    let stale = store.update_letter(
        added.id,
        &LetterCorrection {
            subject: Some("Mine".into()),
            expected_version: Some(1),
            ..Default::default()
        },
    );
    assert!(
        matches!(stale, Err(StoreError::Conflict { .. })),
        "{stale:?}"
    );
    // Nor may a letter take the number of another in its direction.
    let nine = store
        .add_letter(&letter(b1, LetterDirection::Out, "9"))
        .unwrap();
    let taken = store.update_letter(
        out.id,
        &LetterCorrection {
            number: Some("۹".into()),
            ..Default::default()
        },
    );
    assert!(
        matches!(
            &taken,
            Err(StoreError::Refused(Refusal::Legal(LegalRefusal::LetterNumberTaken { letter, .. }))) if *letter == nine.id
        ),
        "{taken:?}"
    );
    assert_eq!(store.letter(out.id).unwrap().number, "7/ش");

    // A link to another body's resolution names both.
    match store.link_letter(added.id, LetterLink::Resolution(other.id), None) {
        Err(StoreError::Refused(Refusal::Letter(LetterRefusal::ResolutionOfOtherBody {
            letter,
            body,
            resolution,
            resolution_body,
        }))) => {
            assert_eq!(
                (letter, body, resolution, resolution_body),
                (added.id, b1, other.id, b2)
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(store.letter(added.id).unwrap().resolution_id.is_none());

    // Filters.
    let ids = |store: &Store, f: LetterFilter| -> Vec<i64> {
        store.letters(&f).unwrap().iter().map(|l| l.id).collect()
    };
    assert_eq!(
        ids(
            &store,
            LetterFilter {
                text: Some("1404".into()),
                ..Default::default()
            }
        ),
        vec![added.id]
    );
    assert_eq!(
        ids(
            &store,
            LetterFilter {
                body_id: Some(b2),
                ..Default::default()
            }
        ),
        Vec::<i64>::new()
    );
    assert_eq!(
        ids(
            &store,
            LetterFilter {
                direction: Some(LetterDirection::Out),
                linked: Some(false),
                ..Default::default()
            }
        ),
        vec![nine.id, out.id]
    );
}
