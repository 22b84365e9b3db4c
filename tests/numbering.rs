//! Numbering as bodies number, through the store on a real SQLite file: a session
//! number given by hand and the ones that follow it, council terms and sessions
//! numbered in them, resolution numbers given by hand or from the body's format, and
//! the refusals of a number that is taken or a format that names an unknown field.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use shura::identity::Actor;
use shura::locale::{Lang, Localized};
use shura::model::rules::{FiscalYear, MeetingRule, QuorumRule};
use shura::model::*;
use shura::store::numbering::NewTerm;
use shura::store::write::*;
use shura::store::{Refusal, Store, StoreError};
use tempfile::TempDir;

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

fn new_body(name: &str, format: &str) -> NewBody {
    NewBody {
        name: Name::guess(name),
        kind: BodyKind::Council,
        parent_id: None,
        quorum: QuorumRule::Majority,
        meeting_rule: MeetingRule::None,
        resolution_format: format.to_string(),
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

fn session(body_id: i64, date: NaiveDate, number: Option<i64>) -> NewSession {
    NewSession {
        body_id,
        kind: SessionKind::Regular,
        date,
        start_time: None,
        end_time: None,
        place: None,
        prepare_agenda: false,
        number,
    }
}

fn resolution(body_id: i64, session_id: Option<i64>, number: Option<&str>) -> NewResolution {
    NewResolution {
        body_id,
        session_id,
        agenda_item_id: None,
        text: "It was decided that the plan is adopted".to_string(),
        decision: Decision::Adopted,
        tally: None,
        votes: vec![],
        owner: None,
        due: None,
        created_on: None,
        number: number.map(String::from),
    }
}

fn refusal<T: std::fmt::Debug>(r: Result<T, StoreError>) -> Refusal {
    match r {
        Err(StoreError::Refused(why)) => why,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_series_starts_at_39_and_continues_40_41_with_resolution_numbers_using_them() {
    let (_dir, path, mut store) = fresh();
    let body = store
        .add_body(&new_body(
            "Supreme Planning Council",
            "{jyear}/{session}/{seq}",
        ))
        .unwrap();
    // 2018-12-06 is 1397/09/15 (the council's 39th session in our sources).
    let s39 = store
        .add_session(&session(body, d(2018, 12, 6), Some(39)))
        .unwrap();
    assert_eq!((s39.number, s39.shown_number()), (39, 39));
    let r1 = store
        .add_resolution(&resolution(body, Some(s39.id), None))
        .unwrap();
    assert_eq!(r1.number, "1397/39/1");
    drop(store);

    // On a reopened file, the next two follow from the highest.
    let mut store = reopen(&path);
    let s40 = store
        .add_session(&session(body, d(2019, 1, 10), None))
        .unwrap();
    let s41 = store
        .add_session(&session(body, d(2019, 2, 7), None))
        .unwrap();
    assert_eq!((s40.number, s41.number), (40, 41));
    let r2 = store
        .add_resolution(&resolution(body, Some(s40.id), None))
        .unwrap();
    let r3 = store
        .add_resolution(&resolution(body, Some(s41.id), None))
        .unwrap();
    assert_eq!(
        (r2.number.as_str(), r3.number.as_str()),
        ("1397/40/2", "1397/41/3")
    );
    assert_eq!(
        store.find_session(&format!("{body}#41")).unwrap().id,
        s41.id
    );

    // A number another session has is refused, naming that session; one below the
    // series that is free is accepted and does not move the series back.
    match refusal(store.add_session(&session(body, d(2019, 3, 7), Some(40)))) {
        Refusal::Numbering(n) => {
            let text = n.message(Lang::En);
            assert!(
                text.contains("40") && text.contains(&s40.id.to_string()),
                "{text}"
            );
            let fa = n.message(Lang::Fa);
            assert!(
                fa.contains("۴۰") && !fa.chars().any(|c| c.is_ascii_alphabetic()),
                "{fa}"
            );
        }
        other => panic!("{other:?}"),
    }
    let s12 = store
        .add_session(&session(body, d(2018, 1, 1), Some(12)))
        .unwrap();
    assert_eq!(s12.number, 12);
    let s42 = store
        .add_session(&session(body, d(2019, 4, 4), None))
        .unwrap();
    assert_eq!(s42.number, 42);
    // Not a positive whole number.
    for bad in [0, -39] {
        match store.add_session(&session(body, d(2019, 5, 5), Some(bad))) {
            Err(StoreError::Invalid(v)) => {
                assert_eq!(v.what, Entity::SessionNumber);
                assert_eq!(v.value, bad.to_string());
            }
            other => panic!("{other:?}"),
        }
    }
    // Each is audited as inserted with its number.
    let audit = store.audit_list(Some("session"), Some(s39.id), 10).unwrap();
    assert!(!audit.is_empty());
}

#[test]
fn sessions_are_numbered_per_term_from_1_in_each_term() {
    let (_dir, path, mut store) = fresh();
    let mut b = new_body("Isfahan City Council", "{term}/{session}/{seq}");
    b.number_per_term = true;
    let body = store.add_body(&b).unwrap();
    let five = store
        .add_term(&NewTerm {
            body_id: body,
            number: 5,
            starts_on: d(2017, 8, 23),
            ends_on: Some(d(2021, 8, 4)),
        })
        .unwrap();
    let six = store
        .add_term(&NewTerm {
            body_id: body,
            number: 6,
            starts_on: d(2021, 8, 5),
            ends_on: None,
        })
        .unwrap();
    let a = store
        .add_session(&session(body, d(2021, 6, 1), Some(110)))
        .unwrap();
    let b = store
        .add_session(&session(body, d(2021, 7, 1), None))
        .unwrap();
    let c = store
        .add_session(&session(body, d(2021, 8, 10), None))
        .unwrap();
    let e = store
        .add_session(&session(body, d(2021, 8, 17), None))
        .unwrap();
    // In term 5 the secretary gave 110: the series keeps running for the body.
    assert_eq!((a.term_id, a.number_in_term), (Some(five.id), Some(110)));
    assert_eq!((b.term_id, b.number_in_term), (Some(five.id), Some(111)));
    // Term 6 starts again at 1.
    assert_eq!(
        (c.term_id, c.number_in_term, c.term_number),
        (Some(six.id), Some(1), Some(6))
    );
    assert_eq!(e.number_in_term, Some(2));
    assert_eq!([a.number, b.number, c.number, e.number], [1, 2, 3, 4]);
    assert_eq!(e.shown_number(), 2);
    assert_eq!(e.label(Lang::En), "term 6, session 2");
    assert_eq!(e.label(Lang::Fa), "دوره ۶، جلسه ۲");
    // Resolution numbers use the number in the term, and the term.
    let r = store
        .add_resolution(&resolution(body, Some(e.id), None))
        .unwrap();
    assert_eq!(r.number, "6/2/1");
    // A number taken in the term is refused, naming the session and the term.
    match refusal(store.add_session(&session(body, d(2021, 9, 1), Some(2)))) {
        Refusal::Numbering(n) => {
            let text = n.message(Lang::En);
            assert!(
                text.contains("term 6") && text.contains(&e.id.to_string()),
                "{text}"
            );
        }
        other => panic!("{other:?}"),
    }
    // A number free in term 6 is taken although the body's series has 1 and 2.
    let f = store
        .add_session(&session(body, d(2021, 9, 1), Some(9)))
        .unwrap();
    assert_eq!((f.number_in_term, f.number), (Some(9), 5));

    // Moving a session to another term numbers it there; within its term it keeps its
    // number.
    let moved = store
        .update_session(b.id, Some(d(2021, 10, 1)), None, None, None)
        .unwrap();
    assert_eq!(
        (moved.term_id, moved.number_in_term),
        (Some(six.id), Some(10))
    );
    let kept = store
        .update_session(c.id, Some(d(2021, 8, 11)), None, None, None)
        .unwrap();
    assert_eq!(kept.number_in_term, Some(1));

    // What the reads give on a reopened file, the body name included.
    drop(store);
    let store = reopen(&path);
    let rows = store
        .sessions(Some(&[body]), &[], None, None, None)
        .unwrap();
    assert!(rows
        .iter()
        .all(|r| r.body_name.get(Lang::En) == "Isfahan City Council"));
    let shown: Vec<(i64, Option<i64>)> = rows
        .iter()
        .map(|r| (r.session.shown_number(), r.session.term_number))
        .collect();
    assert!(
        shown.contains(&(10, Some(6))) && shown.contains(&(110, Some(5))),
        "{shown:?}"
    );
    assert_eq!(store.terms(body).unwrap().len(), 2);
    // Found as BODY#TERM/NUMBER (either digits), and BODY#NUMBER is the body's series.
    assert_eq!(store.find_session(&format!("{body}#6/2")).unwrap().id, e.id);
    assert_eq!(
        store.find_session(&format!("{body}#۶/۱۰")).unwrap().id,
        b.id
    );
    assert_eq!(
        store.find_session(&format!("{body}#5/110")).unwrap().id,
        a.id
    );
    assert_eq!(store.find_session(&format!("{body}#4")).unwrap().id, e.id);
    assert!(matches!(
        store.find_session(&format!("{body}#6/99")),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn terms_that_overlap_or_repeat_a_number_are_refused_naming_the_other() {
    let (_dir, _path, mut store) = fresh();
    let body = store.add_body(&new_body("Council", "{seq}")).unwrap();
    let term = |number, from, to| NewTerm {
        body_id: body,
        number,
        starts_on: from,
        ends_on: to,
    };
    // A session before the term is recorded first; the term takes it in.
    let early = store
        .add_session(&session(body, d(2022, 1, 1), None))
        .unwrap();
    assert_eq!(early.term_id, None);
    let six = store
        .add_term(&term(6, d(2021, 8, 5), Some(d(2025, 8, 4))))
        .unwrap();
    assert_eq!(store.session(early.id).unwrap().term_id, Some(six.id));
    for (t, other) in [
        (term(7, d(2025, 8, 1), None), "6"),
        (term(4, d(2010, 1, 1), None), "6"),
        (term(6, d(2030, 1, 1), None), "6"),
    ] {
        match refusal(store.add_term(&t)) {
            Refusal::Numbering(n) => {
                let text = n.message(Lang::En);
                assert!(text.contains(&format!("term {other}")), "{text}");
            }
            other => panic!("{other:?}"),
        }
    }
    // An end before the start, and a number that is not positive.
    assert!(matches!(
        store.add_term(&term(7, d(2025, 8, 5), Some(d(2025, 1, 1)))),
        Err(StoreError::Invalid(_))
    ));
    assert!(matches!(
        store.add_term(&term(0, d(2025, 8, 5), None)),
        Err(StoreError::Invalid(_))
    ));
    store.add_term(&term(7, d(2025, 8, 5), None)).unwrap();
    assert_eq!(
        store
            .terms(body)
            .unwrap()
            .iter()
            .map(|t| t.number)
            .collect::<Vec<_>>(),
        [6, 7]
    );
}

#[test]
fn a_resolution_number_given_by_hand_is_kept_and_a_taken_one_refused() {
    let (_dir, _path, mut store) = fresh();
    let body = store
        .add_body(&new_body("Planning", "{jyear}/{session}/{seq}"))
        .unwrap();
    let s = store
        .add_session(&session(body, d(2018, 12, 6), Some(39)))
        .unwrap();
    let by_hand = store
        .add_resolution(&resolution(body, Some(s.id), Some(" ۱۳۹۷/۳۹/۴ ")))
        .unwrap();
    assert_eq!((by_hand.number.as_str(), by_hand.seq), ("1397/39/4", 1));
    // The sequence advanced all the same.
    let next = store
        .add_resolution(&resolution(body, Some(s.id), None))
        .unwrap();
    assert_eq!((next.number.as_str(), next.seq), ("1397/39/2", 2));
    // Taken, in either digits: refused naming the resolution that has it.
    for taken in ["1397/39/4", "۱۳۹۷/۳۹/۴"] {
        match refusal(store.add_resolution(&resolution(body, Some(s.id), Some(taken)))) {
            Refusal::Numbering(n) => {
                assert_eq!(n.code(), "resolution_number_taken");
                let text = n.message(Lang::En);
                assert!(
                    text.contains("«1397/39/4»") && text.contains(&by_hand.id.to_string()),
                    "{text}"
                );
            }
            other => panic!("{other:?}"),
        }
    }
    // A number the format would make that is given by hand already is refused too,
    // rather than two resolutions sharing it.
    store
        .add_resolution(&resolution(body, Some(s.id), Some("1397/39/3")))
        .unwrap();
    assert!(matches!(
        refusal(store.add_resolution(&resolution(body, Some(s.id), Some("1397/39/2")))),
        Refusal::Numbering(_)
    ));
    // Another body may have the same number.
    let other = store.add_body(&new_body("Other", "{seq}")).unwrap();
    store
        .add_resolution(&resolution(other, None, Some("1397/39/4")))
        .unwrap();
    // Empty, too long, or on two lines: refused naming the value.
    for bad in ["  ", &"9".repeat(41), "1397\n39"] {
        match store.add_resolution(&resolution(body, Some(s.id), Some(bad))) {
            Err(StoreError::Invalid(v)) => {
                assert_eq!(v.what, Entity::ResolutionNumber);
                assert_eq!(v.value, bad);
            }
            other => panic!("{bad:?}: {other:?}"),
        }
    }
}

#[test]
fn bad_formats_are_refused_when_the_body_is_saved_naming_the_placeholder() {
    let (_dir, _path, mut store) = fresh();
    for (format, named) in [
        ("{seq:2}-{bogus}", "{bogus}"),
        ("{seq:10}", "{seq:10}"),
        ("{jyear}/{seq", "{seq}"),
    ] {
        match store.add_body(&new_body("Bad", format)) {
            Err(StoreError::Invalid(v)) => {
                assert_eq!(v.what, Entity::ResolutionFormat);
                let text = v.expected.render(Lang::En);
                assert!(text.contains(&format!("«{named}»")), "{text}");
                assert!(text.contains("{fyear}") && text.contains("{yy}"), "{text}");
            }
            other => panic!("{format}: {other:?}"),
        }
    }
    assert!(store.bodies().unwrap().is_empty(), "nothing saved");
    // The format: two digits of the year.
    let body = store.add_body(&new_body("Board", "{seq:2}-{yy}")).unwrap();
    let r = store
        .add_resolution(&NewResolution {
            created_on: Some(d(2026, 2, 1)),
            ..resolution(body, None, None)
        })
        .unwrap();
    assert_eq!(r.number, "01-26");
    // A fiscal year from July, named by the year it ends.
    let mut b = new_body("US Board", "FY{fyear}-{seq:3}");
    b.fiscal_year = FiscalYear::parse("gregorian:7").unwrap();
    let us = store.add_body(&b).unwrap();
    let on = |day| NewResolution {
        created_on: Some(day),
        ..resolution(us, None, None)
    };
    assert_eq!(
        store.add_resolution(&on(d(2025, 6, 30))).unwrap().number,
        "FY2025-001"
    );
    assert_eq!(
        store.add_resolution(&on(d(2025, 7, 1))).unwrap().number,
        "FY2026-002"
    );
    assert_eq!(store.body(us).unwrap().fiscal_year.code(), "gregorian:7");
}
