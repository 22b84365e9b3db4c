//! Round trips of every entity through the library API on a real SQLite file in a
//! temporary directory: writes from `store::write`, reads from `store::read`, the
//! rules they enforce (numbering, status order, frozen approved minutes, conflicts),
//! migrations, pragmas, the audit chain and search.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use shura::identity::Actor;
use shura::model::rules::{FiscalYear, MeetingRule, QuorumRule};
use shura::model::*;
use shura::store::read::{ResolutionFilter, TaskFilter};
use shura::store::write::*;
use shura::store::{audit, schema, Store, StoreError};
use tempfile::TempDir;

// ----- helpers -----

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

/// A fresh database file in its own temporary directory.
fn fresh() -> (TempDir, PathBuf, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("shura.db");
    let store = Store::open(&path, Actor::current()).expect("open fresh store");
    (dir, path, store)
}

fn reopen(path: &Path) -> Store {
    Store::open(path, Actor::current()).expect("reopen store")
}

fn raw(path: &Path) -> rusqlite::Connection {
    rusqlite::Connection::open(path).expect("raw connection")
}

fn new_body(name: &str, format: &str) -> NewBody {
    NewBody {
        name: Name::guess(name),
        kind: BodyKind::Committee,
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

fn add_body(store: &mut Store, name: &str) -> i64 {
    store.add_body(&new_body(name, "{seq}")).expect("add body")
}

fn add_person(store: &mut Store, name: &str) -> i64 {
    store
        .add_person(&NewPerson {
            name: Name::guess(name),
            ..Default::default()
        })
        .expect("add person")
}

fn new_session(body_id: i64, date: NaiveDate, prepare: bool) -> NewSession {
    NewSession {
        body_id,
        kind: SessionKind::Regular,
        date,
        start_time: None,
        end_time: None,
        place: None,
        prepare_agenda: prepare,
        number: None,
    }
}

fn add_session(store: &mut Store, body_id: i64, date: NaiveDate) -> Session {
    store
        .add_session(&new_session(body_id, date, false))
        .expect("add session")
}

fn add_item(store: &mut Store, session_id: i64, title: &str) -> i64 {
    store
        .add_agenda_item(&NewAgendaItem {
            session_id,
            title: title.to_string(),
            ..Default::default()
        })
        .expect("add agenda item")
}

fn new_resolution(body_id: i64, session_id: Option<i64>, text: &str) -> NewResolution {
    NewResolution {
        body_id,
        session_id,
        agenda_item_id: None,
        text: text.to_string(),
        decision: Decision::Adopted,
        tally: None,
        votes: vec![],
        owner: None,
        due: None,
        created_on: None,
        number: None,
    }
}

fn new_task(title: &str) -> NewTask {
    NewTask {
        body_id: None,
        resolution_id: None,
        agenda_item_id: None,
        title: title.to_string(),
        description: None,
        assignee_id: None,
        assignee_unit: None,
        due: None,
        priority: Priority::Normal,
        created_on: Some(d(2026, 11, 1)),
    }
}

fn progress(task_id: i64) -> TaskProgress {
    TaskProgress {
        task_id,
        status: None,
        percent: None,
        note: String::new(),
        session_id: None,
        due: None,
        on: Some(d(2026, 11, 22)),
        expected_version: None,
    }
}

fn audit_count(path: &Path) -> i64 {
    raw(path)
        .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
        .expect("count audit")
}

fn audit_count_for(store: &Store, entity: &str, id: i64) -> usize {
    store
        .audit_list(Some(entity), Some(id), 1000)
        .expect("audit list")
        .len()
}

fn assert_not_found<T: std::fmt::Debug>(r: Result<T, StoreError>, what: &str) {
    match r {
        Err(StoreError::NotFound { what: w, .. }) => {
            assert_eq!(
                w.name(shura::locale::Lang::En),
                what,
                "NotFound names {what}"
            )
        }
        other => panic!("expected NotFound({what}), got {other:?}"),
    }
}

fn assert_invalid<T: std::fmt::Debug>(r: Result<T, StoreError>) -> String {
    match r {
        Err(e @ StoreError::Invalid(_)) => e.to_string(),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

fn assert_refused<T: std::fmt::Debug>(r: Result<T, StoreError>) -> String {
    match r {
        Err(StoreError::Refused(why)) => {
            shura::locale::Localized::message(&why, shura::locale::Lang::En)
        }
        other => panic!("expected Refused, got {other:?}"),
    }
}

/// Hostile strings that must be kept byte for byte (and never shown raw).
const HOSTILE: &[&str] = &[
    "clear \x1b[2J screen",
    "clip \x1b]52;c;SGVsbG8=\x07 board",
    "c1 \u{9b}31m red",
    "rlo \u{202e}txt.exe",
    "mixed \x1b[1;31mقرمز\x1b[0m \u{202e}abc \u{9b}2J",
];

// ----- migrations, pragmas, reopening -----

#[test]
fn migrations_from_empty_reach_the_schema_version() {
    let (_dir, path, store) = fresh();
    assert_eq!(store.schema_version().unwrap(), schema::SCHEMA_VERSION);
    assert_eq!(schema::MIGRATIONS.len() as i64, schema::SCHEMA_VERSION);
    drop(store);
    let conn = raw(&path);
    let v: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, schema::SCHEMA_VERSION);
    let created_by: String = conn
        .query_row("SELECT value FROM meta WHERE key = 'created_by'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(created_by, Actor::current().login);
    let migrations: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit WHERE action = 'migrate' AND entity = 'schema'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(migrations, schema::SCHEMA_VERSION);
}

#[test]
fn reopening_an_existing_file_keeps_data_and_does_not_migrate_again() {
    let (_dir, path, mut store) = fresh();
    let body = add_body(&mut store, "Planning Council");
    let person = add_person(&mut store, "Sara Ahmadi");
    assert!(store.holds_data().unwrap());
    let entries = audit_count(&path);
    drop(store);

    let store = reopen(&path);
    assert_eq!(store.schema_version().unwrap(), schema::SCHEMA_VERSION);
    assert_eq!(
        store.body(body).unwrap().name.en.as_deref(),
        Some("Planning Council")
    );
    assert_eq!(
        store.person(person).unwrap().name.en.as_deref(),
        Some("Sara Ahmadi")
    );
    drop(store);
    assert_eq!(audit_count(&path), entries, "reopening wrote nothing");
}

#[test]
fn a_database_from_a_newer_shura_is_refused() {
    let (_dir, path, store) = fresh();
    drop(store);
    let newer = schema::SCHEMA_VERSION + 7;
    raw(&path)
        .execute_batch(&format!("PRAGMA user_version = {newer}"))
        .unwrap();
    match Store::open(&path, Actor::current()) {
        Err(e @ StoreError::TooNew { .. }) => {
            let StoreError::TooNew {
                path: p,
                found,
                supported,
            } = &e
            else {
                unreachable!()
            };
            assert_eq!(p, &path);
            assert_eq!(*found, newer);
            assert_eq!(*supported, schema::SCHEMA_VERSION);
            let msg = e.to_string();
            assert!(msg.contains(&path.display().to_string()), "{msg}");
            assert!(msg.contains(&newer.to_string()), "{msg}");
            assert!(msg.contains(&schema::SCHEMA_VERSION.to_string()), "{msg}");
            assert!(!e.is_user_error());
        }
        Err(other) => panic!("expected TooNew, got {other:?}"),
        Ok(_) => panic!("a newer database was opened"),
    }
    // And nothing was changed in it.
    let v: i64 = raw(&path)
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, newer);
}

#[test]
fn wal_mode_and_foreign_keys_are_on() {
    let (_dir, path, store) = fresh();
    // Foreign keys are a setting of each connection: the store's own is looked at.
    let conn = store.raw_connection_for_tests();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode.to_lowercase(), "wal");
    let fk: i64 = conn
        .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
        .unwrap();
    assert_eq!(fk, 1);
    // WAL persists in the file: a plain connection sees it too.
    let mode: String = raw(&path)
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode.to_lowercase(), "wal");
    // Foreign keys really are enforced on the store's connection.
    let err = conn.execute(
        "INSERT INTO membership(body_id, person_id, role) VALUES (999, 999, 'member')",
        [],
    );
    assert!(err.is_err(), "a dangling membership was accepted");
}

// ----- people and bodies -----

#[test]
fn person_round_trip() {
    let (_dir, _path, mut store) = fresh();
    let id = store
        .add_person(&NewPerson {
            name: Name::new(Some("سارا احمدی".into()), Some("Sara Ahmadi".into())),
            login: Some("sara".into()),
            organization: Some("Municipality".into()),
            email: Some("sara@example.org".into()),
        })
        .unwrap();
    let p = store.person(id).unwrap();
    assert_eq!(
        p,
        Person {
            id,
            name: Name::new(Some("سارا احمدی".into()), Some("Sara Ahmadi".into())),
            login: Some("sara".into()),
            organization: Some("Municipality".into()),
            email: Some("sara@example.org".into()),
        }
    );
    assert_eq!(store.find_person("sara").unwrap().id, id);
    assert_eq!(store.find_person("Sara Ahmadi").unwrap().id, id);
    assert_eq!(store.find_person("سارا احمدی").unwrap().id, id);
    assert_eq!(store.find_person(&id.to_string()).unwrap().id, id);
    assert_eq!(
        store.person_by_login("sara").unwrap().map(|p| p.id),
        Some(id)
    );
    assert_eq!(store.people().unwrap(), vec![p]);

    // A login belongs to one person only.
    let msg = assert_refused(store.add_person(&NewPerson {
        name: Name::guess("Someone Else"),
        login: Some("sara".into()),
        ..Default::default()
    }));
    assert!(msg.contains("sara"), "{msg}");
    // A name is needed.
    assert_invalid(store.add_person(&NewPerson::default()));
    assert_eq!(store.people().unwrap().len(), 1);
}

#[test]
fn body_round_trip_with_every_setting() {
    let (_dir, _path, mut store) = fresh();
    let parent = store
        .add_body(&NewBody {
            name: Name::new(
                Some("شورای برنامه‌ریزی".into()),
                Some("Planning Council".into()),
            ),
            kind: BodyKind::Council,
            ..new_body("x", "{jyear}/{session}/{seq}")
        })
        .unwrap();
    let child = store
        .add_body(&NewBody {
            name: Name::new(None, Some("Budget Commission".into())),
            kind: BodyKind::Commission,
            parent_id: Some(parent),
            quorum: QuorumRule::Fixed(5),
            meeting_rule: MeetingRule::JalaliMonths(vec![4, 10]),
            resolution_format: "R-{year}-{seq:3}".into(),
            agenda_template: vec!["Opening".into(), "Any other business".into()],
            confidential: true,
            formed_on: Some(d(2020, 3, 21)),
            procedure: Default::default(),
            agenda_closing: vec!["Adjournment".into()],
            number_per_term: true,
            fiscal_year: FiscalYear::parse("gregorian:10").unwrap(),
            signing: Signing::PresentMembers,
            law_profile: "iran-council".into(),
            absence_rule: shura::model::rules::AbsenceRule::parse("year:12,row:6").unwrap(),
        })
        .unwrap();
    let b = store.body(child).unwrap();
    assert_eq!(
        b,
        Body {
            id: child,
            name: Name::new(None, Some("Budget Commission".into())),
            kind: BodyKind::Commission,
            parent_id: Some(parent),
            quorum: QuorumRule::Fixed(5),
            meeting_rule: MeetingRule::JalaliMonths(vec![4, 10]),
            resolution_format: "R-{year}-{seq:3}".into(),
            agenda_template: vec!["Opening".into(), "Any other business".into()],
            confidential: true,
            formed_on: Some(d(2020, 3, 21)),
            procedure: Default::default(),
            version: 1,
            agenda_closing: vec!["Adjournment".into()],
            number_per_term: true,
            fiscal_year: FiscalYear::parse("gregorian:10").unwrap(),
            signing: Signing::PresentMembers,
            law_profile: "iran-council".into(),
            absence_rule: shura::model::rules::AbsenceRule {
                per_year: Some(12),
                in_a_row: Some(6),
            },
        }
    );
    let p = store.body(parent).unwrap();
    assert_eq!(p.kind, BodyKind::Council);
    assert_eq!(p.quorum, QuorumRule::Majority);
    assert_eq!(p.meeting_rule, MeetingRule::None);
    assert_eq!(p.resolution_format, "{jyear}/{session}/{seq}");
    assert_eq!(p.formed_on, None);
    assert!(!p.confidential);

    // Other quorum and meeting rules survive the trip too.
    let third = store
        .add_body(&NewBody {
            quorum: QuorumRule::TwoThirds,
            meeting_rule: MeetingRule::Monthly,
            ..new_body("Monthly Working Group", "{seq}")
        })
        .unwrap();
    let t = store.body(third).unwrap();
    assert_eq!(t.quorum, QuorumRule::TwoThirds);
    assert_eq!(t.meeting_rule, MeetingRule::Monthly);

    let ids: Vec<i64> = store.bodies().unwrap().iter().map(|b| b.id).collect();
    assert_eq!(ids.len(), 3);
    assert!(ids.contains(&parent) && ids.contains(&child) && ids.contains(&third));
    let mut family = store.body_and_descendants(parent).unwrap();
    family.sort();
    assert_eq!(family, vec![parent, child]);

    assert_eq!(store.find_body("Planning Council").unwrap().id, parent);
    assert_eq!(store.find_body("شورای برنامه‌ریزی").unwrap().id, parent);
    assert_eq!(store.find_body(&child.to_string()).unwrap().id, child);
    assert_eq!(store.find_body("Budget").unwrap().id, child, "unique part");
    assert_not_found(store.find_body("No Such Body"), "body");

    // A format without {seq} and an unknown parent are refused.
    let msg = assert_invalid(store.add_body(&new_body("Bad Format", "{year}")));
    assert!(msg.contains("{year}"), "{msg}");
    assert_not_found(
        store.add_body(&NewBody {
            parent_id: Some(999),
            ..new_body("Orphan", "{seq}")
        }),
        "parent body",
    );
}

// ----- memberships -----

#[test]
fn membership_round_trip_and_overlap_rules() {
    let (_dir, _path, mut store) = fresh();
    let body = add_body(&mut store, "Council");
    let sara = add_person(&mut store, "Sara");
    let reza = add_person(&mut store, "Reza");
    let first = store
        .add_membership(&NewMembership {
            body_id: body,
            person_id: sara,
            role: Role::Chair,
            voting: true,
            term_start: Some(d(2024, 1, 1)),
            term_end: Some(d(2024, 12, 31)),
        })
        .unwrap();
    store
        .add_membership(&NewMembership {
            body_id: body,
            person_id: reza,
            role: Role::Observer,
            voting: false,
            term_start: None,
            term_end: None,
        })
        .unwrap();

    // Overlapping the first term: refused, naming the existing membership.
    let msg = assert_refused(store.add_membership(&NewMembership {
        body_id: body,
        person_id: sara,
        role: Role::Member,
        voting: true,
        term_start: Some(d(2024, 6, 1)),
        term_end: None,
    }));
    assert!(
        msg.contains(&first.to_string()) && msg.contains("chair"),
        "{msg}"
    );
    // An open-ended duplicate overlaps too.
    assert_refused(store.add_membership(&NewMembership {
        body_id: body,
        person_id: sara,
        role: Role::Member,
        voting: true,
        term_start: None,
        term_end: None,
    }));
    // A later, non-overlapping term is fine.
    let second = store
        .add_membership(&NewMembership {
            body_id: body,
            person_id: sara,
            role: Role::Member,
            voting: true,
            term_start: Some(d(2025, 1, 1)),
            term_end: None,
        })
        .unwrap();
    assert_ne!(first, second);
    // An end before the start is invalid.
    assert_invalid(store.add_membership(&NewMembership {
        body_id: body,
        person_id: reza,
        role: Role::Member,
        voting: true,
        term_start: Some(d(2030, 1, 1)),
        term_end: Some(d(2029, 1, 1)),
    }));

    let members = store.members(body).unwrap();
    assert_eq!(members.len(), 3);
    // Ordered by role: the chair first, the observer last.
    assert_eq!(members[0].membership.role, Role::Chair);
    assert_eq!(members[0].membership.term_start, Some(d(2024, 1, 1)));
    assert_eq!(members[0].membership.term_end, Some(d(2024, 12, 31)));
    assert_eq!(members[0].person.name.en.as_deref(), Some("Sara"));
    let observer = members.last().unwrap();
    assert_eq!(observer.membership.role, Role::Observer);
    assert!(!observer.membership.voting);
    assert_eq!(observer.membership.term_start, None);

    let of_sara = store.memberships_of(sara).unwrap();
    assert_eq!(of_sara.len(), 2);
    assert!(of_sara
        .iter()
        .all(|(m, b)| m.person_id == sara && b.id == body));

    assert_not_found(
        store.add_membership(&NewMembership {
            body_id: 999,
            person_id: sara,
            role: Role::Member,
            voting: true,
            term_start: None,
            term_end: None,
        }),
        "body",
    );
    assert_not_found(
        store.add_membership(&NewMembership {
            body_id: body,
            person_id: 999,
            role: Role::Member,
            voting: true,
            term_start: None,
            term_end: None,
        }),
        "person",
    );
}

// ----- sessions -----

#[test]
fn session_numbers_count_per_body() {
    let (_dir, _path, mut store) = fresh();
    let a = add_body(&mut store, "Council A");
    let b = add_body(&mut store, "Council B");
    let a1 = add_session(&mut store, a, d(2026, 1, 10));
    let b1 = add_session(&mut store, b, d(2026, 1, 11));
    let a2 = add_session(&mut store, a, d(2026, 2, 10));
    let a3 = add_session(&mut store, a, d(2026, 3, 10));
    let b2 = add_session(&mut store, b, d(2026, 2, 11));
    assert_eq!(
        [a1.number, a2.number, a3.number, b1.number, b2.number],
        [1, 2, 3, 1, 2]
    );
    // A cancelled session keeps its number; the next one goes on counting.
    store
        .set_session_status(a3.id, SessionStatus::Cancelled)
        .unwrap();
    let a4 = add_session(&mut store, a, d(2026, 4, 10));
    assert_eq!(a4.number, 4);

    let full = store
        .add_session(&NewSession {
            body_id: b,
            kind: SessionKind::Extraordinary,
            date: d(2026, 5, 5),
            start_time: Some("9:30".into()),
            end_time: Some("۱۷:۰۰".into()),
            place: Some("  Room 4  ".into()),
            prepare_agenda: false,
            number: None,
        })
        .unwrap();
    let back = store.session(full.id).unwrap();
    assert_eq!(back, full);
    assert_eq!(back.number, 3);
    assert_eq!(back.kind, SessionKind::Extraordinary);
    assert_eq!(back.date, d(2026, 5, 5));
    assert_eq!(back.status, SessionStatus::Planned);
    assert_eq!(back.place.as_deref(), Some("Room 4"));
    assert_eq!(back.version, 1);
    assert_eq!(back.approved_by, None);

    assert_eq!(store.find_session(&format!("{b}#3")).unwrap().id, full.id);
    assert_eq!(store.find_session("Council B#3").unwrap().id, full.id);
    assert_eq!(
        store.find_session(&full.id.to_string()).unwrap().id,
        full.id
    );
    assert_not_found(store.find_session(&format!("{b}#99")), "session");
    assert_invalid(store.find_session("tomorrow"));

    let listed = store.sessions(Some(&[a]), &[], None, None, None).unwrap();
    assert_eq!(listed.len(), 4);
    assert!(listed.iter().all(|r| r.session.body_id == a));
    let planned_b = store
        .sessions(
            Some(&[b]),
            &[SessionStatus::Planned],
            Some(d(2026, 2, 1)),
            None,
            None,
        )
        .unwrap();
    assert_eq!(planned_b.len(), 2);

    // Times are checked.
    for bad in ["25:00", "9", "noon", "12:60"] {
        assert_invalid(store.add_session(&NewSession {
            start_time: Some(bad.into()),
            ..new_session(a, d(2026, 6, 1), false)
        }));
    }
    assert_not_found(
        store.add_session(&new_session(999, d(2026, 6, 1), true)),
        "body",
    );
}

#[test]
fn agenda_is_prepared_from_template_carried_items_and_review() {
    let (_dir, _path, mut store) = fresh();
    let body = store
        .add_body(&NewBody {
            agenda_template: vec!["Opening".into(), "Any other business".into()],
            ..new_body("Works Committee", "{seq}")
        })
        .unwrap();
    // Without open resolutions or tasks: the template only.
    let s1 = store
        .add_session(&new_session(body, d(2026, 1, 5), true))
        .unwrap();
    let a1 = store.agenda(s1.id).unwrap();
    let titles: Vec<&str> = a1.iter().map(|i| i.title.as_str()).collect();
    assert_eq!(titles, ["Opening", "Any other business"]);
    assert!(a1.iter().all(|i| !i.is_review && i.carried_from.is_none()));
    assert_eq!(a1.iter().map(|i| i.position).collect::<Vec<_>>(), [1, 2]);

    let roof = add_item(&mut store, s1.id, "Roof repair");
    let parking = add_item(&mut store, s1.id, "Parking");
    let park2 = add_item(&mut store, s1.id, "Street lights");
    store
        .set_agenda_status(roof, AgendaStatus::Deferred)
        .unwrap();
    store
        .set_agenda_status(parking, AgendaStatus::Withdrawn)
        .unwrap();
    store
        .set_agenda_status(park2, AgendaStatus::Discussed)
        .unwrap();
    assert_eq!(
        store.agenda_item(roof).unwrap().status,
        AgendaStatus::Deferred
    );
    assert_eq!(
        store.agenda_item(parking).unwrap().status,
        AgendaStatus::Withdrawn
    );
    let pending = add_item(&mut store, s1.id, "Library hours");
    store
        .add_resolution(&new_resolution(body, Some(s1.id), "Fix the roof"))
        .unwrap();

    // Next session: the template (opening standing items), the review item after
    // them, then deferred and pending items carried.
    let s2 = store
        .add_session(&new_session(body, d(2026, 2, 5), true))
        .unwrap();
    let a2 = store.agenda(s2.id).unwrap();
    let titles: Vec<&str> = a2.iter().map(|i| i.title.as_str()).collect();
    let review = review_item_title(&store.body(body).unwrap());
    assert_eq!(
        titles,
        [
            "Opening",
            "Any other business",
            review.as_str(),
            "Roof repair",
            "Library hours"
        ]
    );
    assert!(a2[2].is_review);
    assert_eq!(a2.iter().filter(|i| i.is_review).count(), 1);
    assert_eq!(a2[3].carried_from, Some(roof));
    assert_eq!(a2[4].carried_from, Some(pending));
    assert_eq!(a2[0].carried_from, None, "template items are not carried");
    assert!(a2.iter().all(|i| i.status == AgendaStatus::Pending));
    assert_eq!(
        a2.iter().map(|i| i.position).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5]
    );

    // An empty agenda when asked.
    let s3 = store
        .add_session(&new_session(body, d(2026, 3, 5), false))
        .unwrap();
    assert!(store.agenda(s3.id).unwrap().is_empty());
}

#[test]
fn the_review_item_appears_only_while_follow_up_is_open() {
    let (_dir, _path, mut store) = fresh();
    let body = add_body(&mut store, "Council");
    let has_review = |store: &mut Store, day: u32| -> bool {
        let s = store
            .add_session(&new_session(body, d(2026, 3, day), true))
            .unwrap();
        store.agenda(s.id).unwrap().iter().any(|i| i.is_review)
    };
    assert!(!has_review(&mut store, 1), "nothing to review yet");
    // An open task alone is enough.
    let t = store
        .add_task(&NewTask {
            body_id: Some(body),
            ..new_task("Open task")
        })
        .unwrap();
    assert!(has_review(&mut store, 2));
    store
        .update_task(&TaskProgress {
            status: Some(WorkStatus::Done),
            ..progress(t)
        })
        .unwrap();
    assert!(!has_review(&mut store, 3), "the task is done");
    // An in-progress resolution is enough too; a rejected one is not.
    store
        .add_resolution(&NewResolution {
            decision: Decision::Rejected,
            ..new_resolution(body, None, "Rejected")
        })
        .unwrap();
    assert!(!has_review(&mut store, 4));
    let r = store
        .add_resolution(&new_resolution(body, None, "Adopted"))
        .unwrap();
    store
        .set_resolution_status(r.id, WorkStatus::InProgress)
        .unwrap();
    assert!(has_review(&mut store, 5));
    store
        .set_resolution_status(r.id, WorkStatus::Cancelled)
        .unwrap();
    assert!(!has_review(&mut store, 6));
}

#[test]
fn resolution_follow_ups_round_trip_and_refuse_a_stale_version() {
    let (_dir, path, mut store) = fresh();
    let body = add_body(&mut store, "Works Committee");
    let s1 = add_session(&mut store, body, d(2026, 1, 5));
    let s2 = add_session(&mut store, body, d(2026, 2, 5));
    let with_task = store
        .add_resolution(&new_resolution(body, Some(s1.id), "Repair the roof"))
        .unwrap();
    let task = store
        .add_task(&NewTask {
            resolution_id: Some(with_task.id),
            ..new_task("Get three quotes")
        })
        .unwrap();
    let alone = store
        .add_resolution(&new_resolution(body, Some(s1.id), "Report on the parks"))
        .unwrap();
    let rejected = store
        .add_resolution(&NewResolution {
            decision: Decision::Rejected,
            ..new_resolution(body, Some(s1.id), "Sell the depot")
        })
        .unwrap();
    // Only the open resolution without an open task is followed up by itself.
    let ids = |store: &Store| -> Vec<i64> {
        store
            .open_resolutions_without_open_tasks(body, 50)
            .unwrap()
            .iter()
            .map(|r| r.id)
            .collect()
    };
    assert_eq!(ids(&store), [alone.id]);
    assert_ne!(rejected.status, WorkStatus::Open);
    store
        .update_task(&TaskProgress {
            status: Some(WorkStatus::Done),
            ..progress(task)
        })
        .unwrap();
    assert_eq!(ids(&store), [with_task.id, alone.id], "its task is done");

    let audits = audit_count_for(&store, "resolution", alone.id);
    let r = store
        .update_resolution(&ResolutionProgress {
            resolution_id: alone.id,
            status: Some(WorkStatus::InProgress),
            note: "  Parks department asked for a month  ".into(),
            session_id: Some(s2.id),
            on: Some(d(2026, 2, 5)),
            expected_version: Some(alone.version),
        })
        .unwrap();
    assert_eq!(r.status, WorkStatus::InProgress);
    assert_eq!(r.version, alone.version + 1);
    assert_eq!(audit_count_for(&store, "resolution", alone.id), audits + 1);
    // A second writer holding the old version is refused, and nothing is recorded.
    let stale = store.update_resolution(&ResolutionProgress {
        resolution_id: alone.id,
        status: Some(WorkStatus::Done),
        note: "overwrite".into(),
        session_id: Some(s2.id),
        expected_version: Some(alone.version),
        ..Default::default()
    });
    assert!(
        matches!(stale, Err(StoreError::Conflict { .. })),
        "{stale:?}"
    );
    // A note without a status keeps the status.
    store
        .update_resolution(&ResolutionProgress {
            resolution_id: alone.id,
            note: "Report received".into(),
            on: Some(d(2026, 2, 20)),
            ..Default::default()
        })
        .unwrap();
    assert_not_found(
        store.update_resolution(&ResolutionProgress {
            resolution_id: 999,
            ..Default::default()
        }),
        "resolution",
    );
    assert_not_found(
        store.update_resolution(&ResolutionProgress {
            resolution_id: alone.id,
            session_id: Some(999),
            ..Default::default()
        }),
        "session",
    );
    let long = "x".repeat(MAX_TEXT + 1);
    assert_invalid(store.update_resolution(&ResolutionProgress {
        resolution_id: alone.id,
        note: long,
        ..Default::default()
    }));
    drop(store);

    // Read back from the file.
    let store = reopen(&path);
    let updates = store.resolution_updates(alone.id).unwrap();
    assert_eq!(updates.len(), 2);
    assert_eq!(updates[0].session_id, Some(s2.id));
    assert_eq!(updates[0].status, WorkStatus::InProgress);
    assert_eq!(updates[0].note, "Parks department asked for a month");
    assert!(
        updates[0].at.starts_with("2026-02-05T"),
        "{}",
        updates[0].at
    );
    assert_eq!(updates[1].session_id, None);
    assert_eq!(updates[1].status, WorkStatus::InProgress);
    assert_eq!(store.resolutions_reviewed_in(s2.id).unwrap(), [alone.id]);
    assert!(store.resolutions_reviewed_in(s1.id).unwrap().is_empty());
    assert_eq!(
        store.resolution(alone.id).unwrap().version,
        alone.version + 2
    );
}

#[test]
fn a_persian_body_gets_a_persian_review_item() {
    let (_dir, _path, mut store) = fresh();
    let body = add_body(&mut store, "کمیته فنی");
    let s1 = add_session(&mut store, body, d(2026, 1, 5));
    let r = store
        .add_resolution(&new_resolution(body, Some(s1.id), "تعمیر سقف"))
        .unwrap();
    store
        .add_task(&NewTask {
            resolution_id: Some(r.id),
            ..new_task("دریافت پیش‌فاکتور")
        })
        .unwrap();
    let s2 = store
        .add_session(&new_session(body, d(2026, 2, 5), true))
        .unwrap();
    let a2 = store.agenda(s2.id).unwrap();
    assert_eq!(a2.len(), 1);
    assert!(a2[0].is_review);
    assert!(
        shura::locale::text::is_rtl_text(&a2[0].title),
        "{}",
        a2[0].title
    );
}

#[test]
fn session_status_follows_its_order() {
    let (_dir, _path, mut store) = fresh();
    let body = add_body(&mut store, "Council");
    // A session recorded afterwards: opening and closing it leave its times alone.
    let past = add_session(&mut store, body, d(2026, 1, 5));
    store
        .set_session_status(past.id, SessionStatus::Open)
        .unwrap();
    let past = store
        .set_session_status(past.id, SessionStatus::Closed)
        .unwrap();
    assert_eq!((past.start_time, past.end_time), (None, None));
    // Today's session: the clock gives its times.
    let s = add_session(&mut store, body, shura::store::today());
    assert_eq!(s.start_time, None);

    // Illegal steps from planned.
    for to in [SessionStatus::Closed, SessionStatus::Approved] {
        let msg = assert_refused(store.set_session_status(s.id, to));
        assert!(
            msg.contains("planned") && msg.contains(to.code()),
            "message names both states: {msg}"
        );
    }
    let s = store.set_session_status(s.id, SessionStatus::Open).unwrap();
    assert_eq!(s.status, SessionStatus::Open);
    assert!(s.start_time.is_some(), "opening stamps the start time");
    assert_eq!(s.version, 2);
    assert_refused(store.set_session_status(s.id, SessionStatus::Approved));
    assert_refused(store.set_session_status(s.id, SessionStatus::Cancelled));
    let s = store
        .set_session_status(s.id, SessionStatus::Closed)
        .unwrap();
    assert_eq!(s.status, SessionStatus::Closed);
    assert!(s.end_time.is_some(), "closing stamps the end time");
    // Reopening a closed session is allowed, and closing again.
    store.set_session_status(s.id, SessionStatus::Open).unwrap();
    store
        .set_session_status(s.id, SessionStatus::Closed)
        .unwrap();

    let head_before = store.audit_head().unwrap();
    let s = store
        .set_session_status(s.id, SessionStatus::Approved)
        .unwrap();
    assert_eq!(s.status, SessionStatus::Approved);
    assert_eq!(
        s.approved_by.as_deref(),
        Some(Actor::current().login.as_str())
    );
    assert!(s.approved_at.is_some());
    assert_eq!(s.approved_audit_head.as_deref(), Some(head_before.as_str()));
    for to in [
        SessionStatus::Open,
        SessionStatus::Closed,
        SessionStatus::Planned,
        SessionStatus::Cancelled,
        SessionStatus::Approved,
    ] {
        let msg = assert_refused(store.set_session_status(s.id, to));
        assert!(msg.contains("approved"), "{msg}");
    }
    assert_eq!(store.session(s.id).unwrap(), s, "unchanged by refusals");

    // planned → cancelled → planned; cancelled cannot open.
    let t = add_session(&mut store, body, d(2026, 2, 5));
    store
        .set_session_status(t.id, SessionStatus::Cancelled)
        .unwrap();
    assert_refused(store.set_session_status(t.id, SessionStatus::Open));
    let t = store
        .set_session_status(t.id, SessionStatus::Planned)
        .unwrap();
    assert_eq!(t.status, SessionStatus::Planned);

    assert_not_found(
        store.set_session_status(999, SessionStatus::Open),
        "session",
    );
}

/// A session with one member, an item with minutes and a resolution, then approved.
fn approved_session(store: &mut Store) -> (i64, i64, i64, i64, i64) {
    let body = add_body(store, "Council");
    let person = add_person(store, "Sara");
    store
        .add_membership(&NewMembership {
            body_id: body,
            person_id: person,
            role: Role::Member,
            voting: true,
            term_start: None,
            term_end: None,
        })
        .unwrap();
    let s = add_session(store, body, d(2026, 1, 5));
    store.set_session_status(s.id, SessionStatus::Open).unwrap();
    let item = add_item(store, s.id, "Roof");
    store
        .set_attendance(s.id, person, Presence::Present)
        .unwrap();
    store.set_minutes(item, "We talked.", None).unwrap();
    let r = store
        .add_resolution(&NewResolution {
            agenda_item_id: Some(item),
            ..new_resolution(body, Some(s.id), "Fix the roof")
        })
        .unwrap();
    store
        .set_session_status(s.id, SessionStatus::Closed)
        .unwrap();
    store
        .set_session_status(s.id, SessionStatus::Approved)
        .unwrap();
    (body, person, s.id, item, r.id)
}

#[test]
fn approved_minutes_are_frozen_but_implementation_goes_on() {
    let (_dir, path, mut store) = fresh();
    let (body, person, session, item, resolution) = approved_session(&mut store);
    let agenda_before = store.agenda(session).unwrap();
    let session_before = store.session(session).unwrap();

    let msg = assert_refused(store.set_minutes(item, "Rewritten history.", None));
    assert!(msg.contains("approved"), "{msg}");
    assert_refused(store.add_agenda_item(&NewAgendaItem {
        session_id: session,
        title: "Afterthought".into(),
        ..Default::default()
    }));
    assert_refused(store.update_agenda_item(item, "New title", None, None, None));
    assert_refused(store.set_agenda_status(item, AgendaStatus::Withdrawn));
    assert_refused(store.set_attendance(session, person, Presence::Absent));
    let other = add_person(&mut store, "Late Reza");
    assert_refused(store.set_attendance(session, other, Presence::Present));
    assert_refused(store.add_resolution(&new_resolution(body, Some(session), "Another")));
    assert_refused(store.update_session(session, Some(d(2026, 1, 6)), None, None, None));
    // Raw SQL cannot change the resolution's text either.
    assert!(raw(&path)
        .execute(
            "UPDATE resolution SET text = 'forged' WHERE id = ?1",
            [resolution]
        )
        .is_err());

    assert_eq!(store.agenda(session).unwrap(), agenda_before);
    assert_eq!(store.session(session).unwrap(), session_before);
    assert_eq!(
        store.attendance(session).unwrap(),
        vec![Attendance {
            session_id: session,
            person_id: person,
            presence: Presence::Present,
            arrived_at: None,
            left_at: None,
        }]
    );

    // The implementation status of its resolutions still moves, and tasks too.
    let r = store
        .set_resolution_status(resolution, WorkStatus::InProgress)
        .unwrap();
    assert_eq!(r.status, WorkStatus::InProgress);
    assert_eq!(r.text, "Fix the roof");
    let r = store
        .set_resolution_status(resolution, WorkStatus::Done)
        .unwrap();
    assert_eq!(r.status, WorkStatus::Done);
    let task = store
        .add_task(&NewTask {
            resolution_id: Some(resolution),
            ..new_task("Hire a roofer")
        })
        .unwrap();
    store
        .update_task(&TaskProgress {
            percent: Some(30),
            ..progress(task)
        })
        .unwrap();
    // Progress is recorded at the session that reviews it: never at the approved one,
    // whose review of previous resolutions is part of its approved minutes.
    assert_refused(store.update_task(&TaskProgress {
        percent: Some(40),
        session_id: Some(session),
        ..progress(task)
    }));
}

#[test]

fn approved_minutes_refuse_new_guests() {
    let (_dir, _path, mut store) = fresh();
    let (_body, _person, session, _item, _r) = approved_session(&mut store);
    let r = store.add_guest(session, "Late Guest", None);
    assert_refused(r);
    assert!(store.guests(session).unwrap().is_empty());
}

// ----- attendance, guests -----

#[test]
fn attendance_is_upserted() {
    let (dir, path, mut store) = fresh();
    let _keep = &dir;
    let body = add_body(&mut store, "Council");
    let a = add_person(&mut store, "Sara");
    let b = add_person(&mut store, "Reza");
    let s = add_session(&mut store, body, d(2026, 1, 5));
    store.set_attendance(s.id, a, Presence::Present).unwrap();
    store.set_attendance(s.id, b, Presence::Remote).unwrap();
    store.set_attendance(s.id, a, Presence::Late).unwrap();
    let mut rows = store.attendance(s.id).unwrap();
    rows.sort_by_key(|r| r.person_id);
    assert_eq!(
        rows,
        vec![
            Attendance {
                session_id: s.id,
                person_id: a,
                presence: Presence::Late,
                arrived_at: None,
                left_at: None,
            },
            Attendance {
                session_id: s.id,
                person_id: b,
                presence: Presence::Remote,
                arrived_at: None,
                left_at: None,
            },
        ]
    );
    let actions: Vec<String> = raw(&path)
        .prepare("SELECT action FROM audit WHERE entity = 'attendance' ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(actions, ["insert", "insert", "update"]);
    assert_not_found(store.set_attendance(999, a, Presence::Present), "session");
    assert_not_found(store.set_attendance(s.id, 999, Presence::Present), "person");
}

#[test]
fn guest_round_trip() {
    let (_dir, _path, mut store) = fresh();
    let body = add_body(&mut store, "Council");
    let s = add_session(&mut store, body, d(2026, 1, 5));
    let g1 = store
        .add_guest(s.id, "  Dr. Karimi  ", Some("University".into()))
        .unwrap();
    let g2 = store.add_guest(s.id, "مهندس رضایی", None).unwrap();
    assert_eq!(
        store.guests(s.id).unwrap(),
        vec![
            Guest {
                id: g1,
                session_id: s.id,
                name: "Dr. Karimi".into(),
                organization: Some("University".into()),
                email: None,
            },
            Guest {
                id: g2,
                session_id: s.id,
                name: "مهندس رضایی".into(),
                organization: None,
                email: None,
            },
        ]
    );
    assert_invalid(store.add_guest(s.id, "   ", None));
    assert_not_found(store.add_guest(999, "Nobody", None), "session");
}

// ----- agenda items and minutes -----

#[test]
fn agenda_item_round_trip_and_stale_update_conflict() {
    let (_dir, _path, mut store) = fresh();
    let body = add_body(&mut store, "Council");
    let s = add_session(&mut store, body, d(2026, 1, 5));
    let id = store
        .add_agenda_item(&NewAgendaItem {
            session_id: s.id,
            title: "  Budget 1405  ".into(),
            presenter: Some("Treasurer".into()),
            duration_min: Some(20),
            ..Default::default()
        })
        .unwrap();
    let item = store.agenda_item(id).unwrap();
    assert_eq!(
        item,
        AgendaItem {
            id,
            session_id: s.id,
            position: 1,
            title: "Budget 1405".into(),
            presenter: Some("Treasurer".into()),
            duration_min: Some(20),
            status: AgendaStatus::Pending,
            carried_from: None,
            is_review: false,
            consent: false,
            closed: false,
            minutes: None,
            minutes_author: None,
            minutes_at: None,
            version: 1,
            parent_id: None,
            kind: ItemKind::Item,
            urgency: None,
            standing: None,
        }
    );

    store
        .update_agenda_item(id, "Budget 1405, second reading", None, Some(30), Some(1))
        .unwrap();
    let item = store.agenda_item(id).unwrap();
    assert_eq!(item.title, "Budget 1405, second reading");
    assert_eq!(item.presenter, None);
    assert_eq!(item.duration_min, Some(30));
    assert_eq!(item.version, 2);

    // Someone else's version 1 is stale now.
    match store.update_agenda_item(id, "Mine", None, None, Some(1)) {
        Err(StoreError::Conflict { what, id: cid }) => {
            assert_eq!(what, shura::model::Entity::AgendaItem);
            assert_eq!(cid, id);
        }
        other => panic!("expected Conflict, got {other:?}"),
    }
    assert_eq!(
        store.agenda_item(id).unwrap().title,
        "Budget 1405, second reading"
    );
    // Without an expected version the save goes through.
    store
        .update_agenda_item(id, "Final title", None, None, None)
        .unwrap();
    assert_eq!(store.agenda_item(id).unwrap().version, 3);

    assert_invalid(store.add_agenda_item(&NewAgendaItem {
        session_id: s.id,
        title: "Too long".into(),
        duration_min: Some(24 * 60 + 1),
        ..Default::default()
    }));
    assert_invalid(store.update_agenda_item(id, "", None, None, None));
    assert_not_found(
        store.update_agenda_item(999, "x", None, None, None),
        "agenda item",
    );
    assert_not_found(
        store.add_agenda_item(&NewAgendaItem {
            session_id: 999,
            title: "x".into(),
            ..Default::default()
        }),
        "session",
    );
}

#[test]
fn agenda_items_move_up_and_down() {
    let (_dir, _path, mut store) = fresh();
    let body = add_body(&mut store, "Council");
    let s = add_session(&mut store, body, d(2026, 1, 5));
    let a = add_item(&mut store, s.id, "A");
    let b = add_item(&mut store, s.id, "B");
    let c = add_item(&mut store, s.id, "C");
    let order =
        |store: &Store| -> Vec<i64> { store.agenda(s.id).unwrap().iter().map(|i| i.id).collect() };
    assert_eq!(order(&store), [a, b, c]);
    store.move_agenda_item(c, -1).unwrap();
    assert_eq!(order(&store), [a, c, b]);
    store.move_agenda_item(a, 1).unwrap();
    assert_eq!(order(&store), [c, a, b]);
    // At the edges nothing happens.
    store.move_agenda_item(c, -1).unwrap();
    store.move_agenda_item(b, 1).unwrap();
    assert_eq!(order(&store), [c, a, b]);
    let positions: Vec<i64> = store
        .agenda(s.id)
        .unwrap()
        .iter()
        .map(|i| i.position)
        .collect();
    assert_eq!(positions, [1, 2, 3]);
    assert_not_found(store.move_agenda_item(999, 1), "agenda item");
}

#[test]

fn moving_an_item_audits_both_items_it_changes() {
    let (_dir, _path, mut store) = fresh();
    let body = add_body(&mut store, "Council");
    let s = add_session(&mut store, body, d(2026, 1, 5));
    let a = add_item(&mut store, s.id, "A");
    let b = add_item(&mut store, s.id, "B");
    let before_a = audit_count_for(&store, "agenda_item", a);
    let before_b = audit_count_for(&store, "agenda_item", b);
    store.move_agenda_item(b, -1).unwrap();
    assert_eq!(store.agenda_item(a).unwrap().position, 2);
    assert_eq!(audit_count_for(&store, "agenda_item", b), before_b + 1);
    assert_eq!(
        audit_count_for(&store, "agenda_item", a),
        before_a + 1,
        "item {a} moved from 1 to 2 but the audit trail does not say so"
    );
}

#[test]
fn minutes_are_saved_with_conflict_detection() {
    let (_dir, _path, mut store) = fresh();
    let body = add_body(&mut store, "Council");
    let s = add_session(&mut store, body, d(2026, 1, 5));
    let id = add_item(&mut store, s.id, "Roof");
    let v1 = store.agenda_item(id).unwrap().version;

    let v2 = store
        .set_minutes(id, "First draft.\nSecond line.", Some(v1))
        .unwrap();
    assert_eq!(v2, v1 + 1);
    let item = store.agenda_item(id).unwrap();
    assert_eq!(item.minutes.as_deref(), Some("First draft.\nSecond line."));
    assert_eq!(
        item.minutes_author.as_deref(),
        Some(Actor::current().login.as_str())
    );
    assert!(item.minutes_at.is_some());
    assert_eq!(item.status, AgendaStatus::Discussed, "pending → discussed");
    assert_eq!(item.version, v2);

    // A second editor still holding v1 gets a conflict; the saved text stays.
    match store.set_minutes(id, "Their version.", Some(v1)) {
        Err(e @ StoreError::Conflict { .. }) => {
            assert!(e.to_string().contains(&id.to_string()), "{e}");
            assert!(!e.is_user_error());
        }
        other => panic!("expected Conflict, got {other:?}"),
    }
    assert_eq!(
        store.agenda_item(id).unwrap().minutes.as_deref(),
        Some("First draft.\nSecond line.")
    );
    let v3 = store.set_minutes(id, "Agreed text.", Some(v2)).unwrap();
    assert_eq!(v3, v2 + 1);
    // A deferred item keeps its status when minutes are written.
    store.set_agenda_status(id, AgendaStatus::Deferred).unwrap();
    store.set_minutes(id, "Deferred: why.", None).unwrap();
    assert_eq!(
        store.agenda_item(id).unwrap().status,
        AgendaStatus::Deferred
    );
    // Blank minutes clear them.
    store.set_minutes(id, "  \n ", None).unwrap();
    assert_eq!(store.agenda_item(id).unwrap().minutes, None);
    assert_not_found(store.set_minutes(999, "x", None), "agenda item");
}

// ----- resolutions and votes -----

#[test]
fn resolution_numbers_follow_each_bodys_format() {
    let (_dir, _path, mut store) = fresh();
    let council = store
        .add_body(&new_body("Council", "{jyear}/{session}/{seq}"))
        .unwrap();
    let commission = store
        .add_body(&new_body("Commission", "R-{year}-{seq:3}"))
        .unwrap();
    add_session(&mut store, council, d(2024, 5, 1));
    add_session(&mut store, council, d(2024, 6, 1));
    let s3 = add_session(&mut store, council, d(2024, 7, 1)); // 1403/04/11
    assert_eq!(s3.number, 3);

    let r1 = store
        .add_resolution(&new_resolution(council, Some(s3.id), "First"))
        .unwrap();
    let r2 = store
        .add_resolution(&new_resolution(council, Some(s3.id), "Second"))
        .unwrap();
    assert_eq!((r1.seq, r1.number.as_str()), (1, "1403/3/1"));
    assert_eq!((r2.seq, r2.number.as_str()), (2, "1403/3/2"));
    assert_eq!(r1.created_on, d(2024, 7, 1), "the session's date");

    let c1 = store
        .add_resolution(&NewResolution {
            created_on: Some(d(2025, 3, 1)),
            ..new_resolution(commission, None, "Commission first")
        })
        .unwrap();
    let c2 = store
        .add_resolution(&NewResolution {
            created_on: Some(d(2025, 3, 2)),
            decision: Decision::Rejected,
            ..new_resolution(commission, None, "Commission second")
        })
        .unwrap();
    assert_eq!((c1.seq, c1.number.as_str()), (1, "R-2025-001"));
    assert_eq!((c2.seq, c2.number.as_str()), (2, "R-2025-002"));
    assert_eq!(c1.status, WorkStatus::Open, "adopted → open");
    assert_eq!(c2.status, WorkStatus::Cancelled, "rejected → nothing to do");
    assert_eq!(c2.decision, Decision::Rejected);
    // The council's sequence is untouched by the commission's.
    let r3 = store
        .add_resolution(&new_resolution(council, Some(s3.id), "Third"))
        .unwrap();
    assert_eq!(r3.number, "1403/3/3");

    assert_eq!(store.resolution(c1.id).unwrap(), c1);
    let council_rows = store
        .resolutions(&ResolutionFilter {
            body_ids: Some(vec![council]),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(council_rows.len(), 3);
    assert!(council_rows.iter().all(|r| r.session_number == Some(3)));
    let open = store
        .resolutions(&ResolutionFilter {
            statuses: vec![WorkStatus::Open],
            body_ids: Some(vec![commission]),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].resolution.id, c1.id);
}

#[test]
fn resolution_round_trip_with_votes_and_tally() {
    let (_dir, _path, mut store) = fresh();
    let body = add_body(&mut store, "Council");
    let people: Vec<i64> = ["A", "B", "C", "D", "E"]
        .iter()
        .map(|n| add_person(&mut store, n))
        .collect();
    let s = add_session(&mut store, body, d(2026, 1, 5));
    let item = add_item(&mut store, s.id, "Roof");
    let r = store
        .add_resolution(&NewResolution {
            agenda_item_id: Some(item),
            votes: vec![
                (people[0], Vote::Yes),
                (people[1], Vote::Yes),
                (people[2], Vote::Yes),
                (people[3], Vote::No),
                (people[4], Vote::Abstain),
            ],
            // Ignored: per-member votes decide the tally.
            tally: Some(Tally {
                yes: 99,
                no: 0,
                abstain: 0,
            }),
            owner: Some("Works department".into()),
            due: Some(d(2026, 3, 1)),
            ..new_resolution(body, Some(s.id), "  Repair the roof before spring.  ")
        })
        .unwrap();
    assert_eq!(
        r.tally,
        Some(Tally {
            yes: 3,
            no: 1,
            abstain: 1
        })
    );
    assert_eq!(r.text, "Repair the roof before spring.");
    assert_eq!(r.agenda_item_id, Some(item));
    assert_eq!(r.session_id, Some(s.id));
    assert_eq!(r.owner.as_deref(), Some("Works department"));
    assert_eq!(r.due, Some(d(2026, 3, 1)));
    assert_eq!(r.version, 1);
    let mut votes = store.votes(r.id).unwrap();
    votes.sort_by_key(|(person, _)| *person);
    assert_eq!(
        votes,
        vec![
            (people[0], Vote::Yes),
            (people[1], Vote::Yes),
            (people[2], Vote::Yes),
            (people[3], Vote::No),
            (people[4], Vote::Abstain),
        ]
    );

    // A tally alone.
    let t = store
        .add_resolution(&NewResolution {
            tally: Some(Tally {
                yes: 7,
                no: 2,
                abstain: 1,
            }),
            ..new_resolution(body, Some(s.id), "Tally only")
        })
        .unwrap();
    assert_eq!(
        store.resolution(t.id).unwrap().tally,
        Some(Tally {
            yes: 7,
            no: 2,
            abstain: 1
        })
    );
    assert!(store.votes(t.id).unwrap().is_empty());
    // No vote recorded at all.
    let n = store
        .add_resolution(&new_resolution(body, None, "No vote"))
        .unwrap();
    assert_eq!(n.tally, None);

    // Implementation status moves, with the version.
    let moved = store
        .set_resolution_status(r.id, WorkStatus::InProgress)
        .unwrap();
    assert_eq!(moved.status, WorkStatus::InProgress);
    assert_eq!(moved.version, 2);

    // Refusals.
    assert_invalid(store.add_resolution(&NewResolution {
        tally: Some(Tally {
            yes: -1,
            no: 0,
            abstain: 0,
        }),
        ..new_resolution(body, None, "Negative")
    }));
    assert_invalid(store.add_resolution(&new_resolution(body, None, "   ")));
    let other = add_body(&mut store, "Other");
    let msg =
        assert_refused(store.add_resolution(&new_resolution(other, Some(s.id), "Wrong body")));
    assert!(msg.contains(&s.id.to_string()), "{msg}");
    assert_not_found(
        store.add_resolution(&NewResolution {
            votes: vec![(999, Vote::Yes)],
            ..new_resolution(body, None, "Ghost voter")
        }),
        "person",
    );
    assert_not_found(
        store.add_resolution(&NewResolution {
            agenda_item_id: Some(999),
            ..new_resolution(body, None, "Ghost item")
        }),
        "agenda item",
    );
    assert_not_found(
        store.add_resolution(&new_resolution(999, None, "x")),
        "body",
    );
    assert_not_found(
        store.add_resolution(&new_resolution(body, Some(999), "x")),
        "session",
    );
    assert_not_found(
        store.set_resolution_status(999, WorkStatus::Done),
        "resolution",
    );
    // Failed attempts used no sequence numbers.
    let next = store
        .add_resolution(&new_resolution(body, None, "Next"))
        .unwrap();
    assert_eq!(next.seq, 4);
}

#[test]

fn a_resolution_refuses_an_agenda_item_of_another_session() {
    let (_dir, _path, mut store) = fresh();
    let a = add_body(&mut store, "Council A");
    let b = add_body(&mut store, "Council B");
    let sa = add_session(&mut store, a, d(2026, 1, 5));
    let sb = add_session(&mut store, b, d(2026, 1, 6));
    let item_of_a = add_item(&mut store, sa.id, "A's item");
    let r = store.add_resolution(&NewResolution {
        agenda_item_id: Some(item_of_a),
        ..new_resolution(b, Some(sb.id), "Decided in B on A's item")
    });
    assert!(
        matches!(r, Err(StoreError::Refused(_)) | Err(StoreError::Invalid(_))),
        "got {r:?}"
    );
}

// ----- tasks -----

#[test]
fn task_round_trip_and_body_inference() {
    let (_dir, _path, mut store) = fresh();
    let body = add_body(&mut store, "Council");
    let other = add_body(&mut store, "Other");
    let sara = add_person(&mut store, "Sara");
    let s = add_session(&mut store, body, d(2026, 1, 5));
    let item = add_item(&mut store, s.id, "Roof");
    let r = store
        .add_resolution(&new_resolution(body, Some(s.id), "Fix the roof"))
        .unwrap();

    let from_res = store
        .add_task(&NewTask {
            resolution_id: Some(r.id),
            assignee_id: Some(sara),
            due: Some(d(2026, 2, 1)),
            priority: Priority::High,
            description: Some("Three quotes at least".into()),
            ..new_task("Get quotes")
        })
        .unwrap();
    let t = store.task(from_res).unwrap();
    assert_eq!(
        t,
        Task {
            id: from_res,
            body_id: body,
            resolution_id: Some(r.id),
            agenda_item_id: None,
            title: "Get quotes".into(),
            assignee_id: Some(sara),
            assignee_unit: None,
            due: Some(d(2026, 2, 1)),
            status: WorkStatus::Open,
            priority: Priority::High,
            percent: 0,
            done_on: None,
            created_on: d(2026, 11, 1),
            version: 1,
        }
    );
    assert_eq!(
        store.task_description(from_res).unwrap().as_deref(),
        Some("Three quotes at least")
    );

    let from_item = store
        .add_task(&NewTask {
            agenda_item_id: Some(item),
            assignee_unit: Some("  Finance  ".into()),
            ..new_task("Check budget")
        })
        .unwrap();
    let t2 = store.task(from_item).unwrap();
    assert_eq!(t2.body_id, body, "body from the item's session");
    assert_eq!(t2.assignee_unit.as_deref(), Some("Finance"));
    let direct = store
        .add_task(&NewTask {
            body_id: Some(other),
            ..new_task("Direct")
        })
        .unwrap();
    assert_eq!(store.task(direct).unwrap().body_id, other);

    assert_invalid(store.add_task(&new_task("Belongs nowhere")));
    assert_invalid(store.add_task(&NewTask {
        body_id: Some(body),
        ..new_task("")
    }));
    assert_not_found(
        store.add_task(&NewTask {
            resolution_id: Some(999),
            ..new_task("x")
        }),
        "resolution",
    );
    assert_not_found(
        store.add_task(&NewTask {
            agenda_item_id: Some(999),
            ..new_task("x")
        }),
        "agenda item",
    );
    assert_not_found(
        store.add_task(&NewTask {
            body_id: Some(999),
            ..new_task("x")
        }),
        "body",
    );
    assert_not_found(
        store.add_task(&NewTask {
            body_id: Some(body),
            assignee_id: Some(999),
            ..new_task("x")
        }),
        "assignee",
    );

    let rows = store
        .tasks(&TaskFilter {
            resolution_id: Some(r.id),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0].resolution_number.as_deref(),
        Some(r.number.as_str())
    );
    assert_eq!(
        rows[0].assignee_name.as_ref().and_then(|n| n.en.as_deref()),
        Some("Sara")
    );
    assert_eq!(
        store.resolutions(&ResolutionFilter::default()).unwrap()[0].open_tasks,
        1
    );
}

#[test]
fn task_filters() {
    let (_dir, _path, mut store) = fresh();
    let a = add_body(&mut store, "A");
    let child = store
        .add_body(&NewBody {
            parent_id: Some(a),
            ..new_body("A child", "{seq}")
        })
        .unwrap();
    let b = add_body(&mut store, "B");
    let sara = add_person(&mut store, "Sara");
    let mk = |store: &mut Store, body: i64, title: &str, due: Option<NaiveDate>| {
        store
            .add_task(&NewTask {
                body_id: Some(body),
                due,
                ..new_task(title)
            })
            .unwrap()
    };
    let late = mk(&mut store, a, "late", Some(d(2026, 11, 1)));
    let soon = mk(&mut store, a, "soon", Some(d(2026, 12, 1)));
    let undated = mk(&mut store, b, "undated", None);
    let late_done = mk(&mut store, child, "late but done", Some(d(2026, 10, 1)));
    let by_sara = store
        .add_task(&NewTask {
            body_id: Some(b),
            assignee_id: Some(sara),
            due: Some(d(2026, 11, 20)),
            ..new_task("sara's")
        })
        .unwrap();
    store
        .update_task(&TaskProgress {
            status: Some(WorkStatus::Done),
            ..progress(late_done)
        })
        .unwrap();
    let ids = |f: TaskFilter, store: &Store| -> Vec<i64> {
        store.tasks(&f).unwrap().iter().map(|r| r.task.id).collect()
    };
    let today = d(2026, 11, 22);
    // Overdue: open and due before today, oldest first.
    assert_eq!(
        ids(
            TaskFilter {
                overdue_on: Some(today),
                ..Default::default()
            },
            &store
        ),
        [late, by_sara]
    );
    assert_eq!(
        ids(
            TaskFilter {
                assignee_id: Some(sara),
                ..Default::default()
            },
            &store
        ),
        [by_sara]
    );
    assert_eq!(
        ids(
            TaskFilter {
                due_before: Some(d(2026, 11, 15)),
                ..Default::default()
            },
            &store
        ),
        [late_done, late]
    );
    assert_eq!(
        ids(
            TaskFilter {
                body_ids: Some(store.body_and_descendants(a).unwrap()),
                ..Default::default()
            },
            &store
        ),
        [late_done, late, soon]
    );
    assert_eq!(
        ids(
            TaskFilter {
                statuses: vec![WorkStatus::Done],
                ..Default::default()
            },
            &store
        ),
        [late_done]
    );
    // Undated tasks come last in a plain listing.
    let all = ids(TaskFilter::default(), &store);
    assert_eq!(all.len(), 5);
    assert_eq!(all.last(), Some(&undated));
}

#[test]

fn overdue_with_a_closed_status_lists_nothing() {
    let (_dir, _path, mut store) = fresh();
    let a = add_body(&mut store, "A");
    let t = store
        .add_task(&NewTask {
            body_id: Some(a),
            due: Some(d(2026, 1, 1)),
            ..new_task("done long ago")
        })
        .unwrap();
    store
        .update_task(&TaskProgress {
            status: Some(WorkStatus::Done),
            ..progress(t)
        })
        .unwrap();
    let rows = store
        .tasks(&TaskFilter {
            overdue_on: Some(d(2026, 11, 22)),
            statuses: vec![WorkStatus::Done],
            ..Default::default()
        })
        .unwrap();
    assert!(
        rows.is_empty(),
        "a done task is not overdue, got {:?}",
        rows.iter().map(|r| r.task.status).collect::<Vec<_>>()
    );
}

#[test]
fn task_updates_record_progress_at_sessions() {
    let (_dir, _path, mut store) = fresh();
    let body = add_body(&mut store, "Council");
    let s1 = add_session(&mut store, body, d(2026, 1, 5));
    let s2 = add_session(&mut store, body, d(2026, 2, 5));
    let t = store
        .add_task(&NewTask {
            body_id: Some(body),
            ..new_task("Hire a roofer")
        })
        .unwrap();

    let after = store
        .update_task(&TaskProgress {
            percent: Some(40),
            note: "  two quotes in  ".into(),
            session_id: Some(s1.id),
            on: Some(d(2026, 1, 5)),
            ..progress(t)
        })
        .unwrap();
    assert_eq!(after.percent, 40);
    assert_eq!(after.status, WorkStatus::InProgress, "progress starts it");
    assert_eq!(after.done_on, None);
    assert_eq!(after.version, 2);

    // Stale version: conflict, nothing written.
    match store.update_task(&TaskProgress {
        percent: Some(90),
        expected_version: Some(1),
        ..progress(t)
    }) {
        Err(StoreError::Conflict { what, id }) => {
            assert_eq!((what, id), (shura::model::Entity::Task, t))
        }
        other => panic!("expected Conflict, got {other:?}"),
    }
    assert_eq!(store.task(t).unwrap().percent, 40);

    let done = store
        .update_task(&TaskProgress {
            status: Some(WorkStatus::Done),
            percent: Some(70),
            session_id: Some(s2.id),
            on: Some(d(2026, 2, 5)),
            expected_version: Some(2),
            ..progress(t)
        })
        .unwrap();
    assert_eq!(done.status, WorkStatus::Done);
    assert_eq!(done.percent, 100, "done means 100%");
    assert_eq!(done.done_on, Some(d(2026, 2, 5)));

    let updates = store.task_updates(t).unwrap();
    assert_eq!(updates.len(), 2);
    assert_eq!(updates[0].session_id, Some(s1.id));
    assert_eq!(updates[0].note, "two quotes in");
    assert_eq!(updates[0].percent, 40);
    assert_eq!(updates[0].status, WorkStatus::InProgress);
    assert_eq!(updates[0].author, Actor::current().login);
    assert!(updates[0].at.starts_with("2026-01-05"), "{}", updates[0].at);
    assert_eq!(updates[1].session_id, Some(s2.id));
    assert_eq!(updates[1].status, WorkStatus::Done);
    assert_eq!(updates[1].percent, 100);

    // A new due date.
    let moved = store
        .update_task(&TaskProgress {
            status: Some(WorkStatus::InProgress),
            due: Some(d(2026, 6, 1)),
            ..progress(t)
        })
        .unwrap();
    assert_eq!(moved.due, Some(d(2026, 6, 1)));
    assert_eq!(moved.done_on, None, "no longer done");

    for bad in [-1, 101] {
        assert_invalid(store.update_task(&TaskProgress {
            percent: Some(bad),
            ..progress(t)
        }));
    }
    assert_not_found(store.update_task(&progress(999)), "task");
    assert_not_found(
        store.update_task(&TaskProgress {
            session_id: Some(999),
            ..progress(t)
        }),
        "session",
    );
}

// ----- policies, indicators, measurements -----

#[test]
fn policy_indicator_measurement_round_trip() {
    let (_dir, path, mut store) = fresh();
    let body = add_body(&mut store, "Council");
    let policy = store.add_policy(body, "Clean air").unwrap();
    assert_eq!(
        store.policies(body).unwrap(),
        vec![Policy {
            id: policy,
            body_id: body,
            title: "Clean air".into(),
            goal_id: None,
            description: String::new(),
            version: 1,
        }]
    );
    let ind = store
        .add_indicator(policy, "PM2.5", Some("µg/m³".into()), 25.0, false)
        .unwrap();
    assert_eq!(
        store.indicators(policy).unwrap(),
        vec![Indicator {
            id: ind,
            policy_id: policy,
            name: "PM2.5".into(),
            unit: Some("µg/m³".into()),
            target: 25.0,
            higher_is_better: false,
            baseline: None,
            period: shura::model::plans::PeriodKind::Quarter,
            // The body's calendar: its fiscal year's, Jalali unless set.
            calendar: shura::locale::Calendar::Jalali,
            version: 1,
        }]
    );
    store.set_measurement(ind, "1403-Q2", 41.5).unwrap();
    store.set_measurement(ind, "1403-Q1", 44.0).unwrap();
    // Upsert: the same period corrected.
    store.set_measurement(ind, "1403-Q2", 39.25).unwrap();
    let m = store.measurements(ind).unwrap();
    let got: Vec<(&str, f64, &str)> = m
        .iter()
        .map(|m| (m.period.as_str(), m.value, m.recorded_by.as_str()))
        .collect();
    let me = store.actor.login.clone();
    assert_eq!(
        got,
        vec![
            ("1403-Q1", 44.0, me.as_str()),
            ("1403-Q2", 39.25, me.as_str())
        ]
    );
    assert!(m.iter().all(|m| m.source.is_empty() && m.note.is_empty()));
    let count = |action: &str| -> i64 {
        raw(&path)
            .query_row(
                "SELECT count(*) FROM audit WHERE entity = 'measurement' AND action = ?1",
                [action],
                |r| r.get(0),
            )
            .unwrap()
    };
    // Two periods recorded, one corrected: the correction keeps the value before.
    assert_eq!((count("insert"), count("update")), (2, 1));
    let corrected = store.audit_list(Some("measurement"), Some(ind), 1).unwrap();
    assert!(corrected[0].before.is_some() && corrected[0].after.is_some());

    assert_invalid(store.add_policy(body, ""));
    assert_invalid(store.add_indicator(policy, "NaN", None, f64::NAN, true));
    assert_invalid(store.set_measurement(ind, "1403-Q3", f64::INFINITY));
    assert_invalid(store.set_measurement(ind, " ", 1.0));
    assert_not_found(store.add_policy(999, "x"), "body");
    assert_not_found(store.add_indicator(999, "x", None, 1.0, true), "policy");
    assert_not_found(store.set_measurement(999, "1403-Q1", 1.0), "indicator");
}

// ----- audit -----

fn audit_len(store: &Store) -> i64 {
    audit_count(&store.path)
}

/// Runs one write and checks it appended at least one audit entry.
macro_rules! audited {
    ($store:ident, $what:literal, $write:expr) => {{
        let before = audit_len($store);
        let out = $write;
        assert!(audit_len($store) > before, "{} wrote no audit entry", $what);
        out
    }};
}

/// Fills a database with one write of every kind, checking each one is audited.
fn one_of_everything(store: &mut Store) {
    let body = audited!(store, "add_body", add_body(store, "Council"));
    let person = audited!(store, "add_person", add_person(store, "Sara"));
    audited!(
        store,
        "add_membership",
        store
            .add_membership(&NewMembership {
                body_id: body,
                person_id: person,
                role: Role::Chair,
                voting: true,
                term_start: None,
                term_end: None,
            })
            .unwrap()
    );
    let s = audited!(
        store,
        "add_session",
        add_session(store, body, d(2026, 1, 5))
    );
    audited!(
        store,
        "update_session",
        store
            .update_session(
                s.id,
                None,
                Some(Some("09:00".into())),
                None,
                Some(Some("Hall".into()))
            )
            .unwrap()
    );
    audited!(
        store,
        "open",
        store.set_session_status(s.id, SessionStatus::Open).unwrap()
    );
    audited!(
        store,
        "set_attendance",
        store
            .set_attendance(s.id, person, Presence::Present)
            .unwrap()
    );
    audited!(
        store,
        "set_attendance again",
        store.set_attendance(s.id, person, Presence::Late).unwrap()
    );
    audited!(
        store,
        "add_guest",
        store.add_guest(s.id, "Guest", None).unwrap()
    );
    let item = audited!(store, "add_agenda_item", add_item(store, s.id, "Roof"));
    let other = audited!(store, "add_agenda_item", add_item(store, s.id, "Other"));
    audited!(
        store,
        "update_agenda_item",
        store
            .update_agenda_item(item, "Roof repair", None, None, None)
            .unwrap()
    );
    audited!(
        store,
        "move_agenda_item",
        store.move_agenda_item(other, -1).unwrap()
    );
    audited!(
        store,
        "set_agenda_status",
        store
            .set_agenda_status(other, AgendaStatus::Deferred)
            .unwrap()
    );
    audited!(
        store,
        "set_minutes",
        store.set_minutes(item, "Discussed.", None).unwrap()
    );
    let r = audited!(
        store,
        "add_resolution",
        store
            .add_resolution(&NewResolution {
                votes: vec![(person, Vote::Yes)],
                agenda_item_id: Some(item),
                ..new_resolution(body, Some(s.id), "Fix it")
            })
            .unwrap()
    );
    audited!(
        store,
        "set_resolution_status",
        store
            .set_resolution_status(r.id, WorkStatus::InProgress)
            .unwrap()
    );
    let t = audited!(
        store,
        "add_task",
        store
            .add_task(&NewTask {
                resolution_id: Some(r.id),
                ..new_task("Quotes")
            })
            .unwrap()
    );
    audited!(
        store,
        "update_task",
        store
            .update_task(&TaskProgress {
                percent: Some(10),
                ..progress(t)
            })
            .unwrap()
    );
    let p = audited!(
        store,
        "add_policy",
        store.add_policy(body, "Policy").unwrap()
    );
    let i = audited!(
        store,
        "add_indicator",
        store.add_indicator(p, "Ind", None, 1.0, true).unwrap()
    );
    audited!(
        store,
        "set_measurement",
        store.set_measurement(i, "1403", 0.5).unwrap()
    );
    audited!(
        store,
        "close",
        store
            .set_session_status(s.id, SessionStatus::Closed)
            .unwrap()
    );
    audited!(
        store,
        "approve",
        store
            .set_session_status(s.id, SessionStatus::Approved)
            .unwrap()
    );
}

#[test]
fn every_write_is_audited_and_the_chain_verifies() {
    let (_dir, path, mut store) = fresh();
    one_of_everything(&mut store);
    let after = audit_count(&path);
    let conn = raw(&path);
    let entities: Vec<String> = conn
        .prepare("SELECT DISTINCT entity FROM audit ORDER BY entity")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    for e in [
        "agenda_item",
        "attendance",
        "body",
        "guest",
        "indicator",
        "measurement",
        "membership",
        "person",
        "policy",
        "resolution",
        "schema",
        "session",
        "task",
    ] {
        assert!(entities.iter().any(|x| x == e), "no audit entry for {e}");
    }
    // Every entry names its actor, and updates keep the row before and after.
    let entries = store.audit_list(None, None, 1000).unwrap();
    assert_eq!(entries.len() as i64, after);
    let me = Actor::current();
    assert!(entries
        .iter()
        .all(|e| e.login == me.login && e.uid == i64::from(me.uid)));
    assert!(entries
        .iter()
        .filter(|e| e.action == "update" && e.entity != "attendance")
        .all(|e| e.before.is_some() && e.after.is_some()));
    let v = store.audit_verify().unwrap();
    assert!(v.problems.is_empty(), "{:?}", v.problems);
    assert_eq!(v.entries, after);
    assert_eq!(v.head, store.audit_head().unwrap());
}

#[test]
fn the_audit_table_is_append_only() {
    let (_dir, path, mut store) = fresh();
    add_body(&mut store, "Council");
    let conn = raw(&path);
    let upd = conn.execute("UPDATE audit SET login = 'mallory'", []);
    assert!(upd.is_err(), "audit rows were updated");
    let del = conn.execute("DELETE FROM audit", []);
    assert!(del.is_err(), "audit rows were deleted");
    assert!(store.audit_verify().unwrap().problems.is_empty());
}

/// A database with history, closed, with the append-only triggers dropped.
fn tamperable() -> (TempDir, PathBuf, rusqlite::Connection, i64) {
    let (dir, path, mut store) = fresh();
    one_of_everything(&mut store);
    drop(store);
    let conn = raw(&path);
    conn.execute_batch(
        "DROP TRIGGER audit_append_only_update; DROP TRIGGER audit_append_only_delete;",
    )
    .unwrap();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
        .unwrap();
    assert!(audit::verify(&conn).unwrap().problems.is_empty());
    (dir, path, conn, n)
}

#[test]
fn verify_detects_a_changed_entry() {
    let (_dir, path, conn, _n) = tamperable();
    conn.execute(
        "UPDATE audit SET after = replace(after, 'Fix it', 'Do nothing') WHERE entity = 'resolution' AND action = 'insert'",
        [],
    )
    .unwrap();
    let id: i64 = conn
        .query_row(
            "SELECT id FROM audit WHERE entity = 'resolution' AND action = 'insert'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    drop(conn);
    let store = reopen(&path);
    let v = store.audit_verify().unwrap();
    assert!(!v.problems.is_empty());
    assert!(
        v.problems
            .iter()
            .any(|p| p.to_string().contains(&format!("entry {id} "))
                && p.to_string().contains("changed")),
        "{:?}",
        v.problems
    );
}

#[test]
fn verify_detects_a_changed_login_even_with_a_recomputed_link() {
    let (_dir, _path, conn, _n) = tamperable();
    // Changing who did it, on the last entry (no successor to break).
    conn.execute(
        "UPDATE audit SET login = 'mallory' WHERE id = (SELECT max(id) FROM audit)",
        [],
    )
    .unwrap();
    let v = audit::verify(&conn).unwrap();
    assert_eq!(v.problems.len(), 1, "{:?}", v.problems);
    assert!(
        v.problems[0].to_string().contains("changed"),
        "{:?}",
        v.problems
    );
}

#[test]
fn verify_detects_a_deleted_entry() {
    let (_dir, _path, conn, n) = tamperable();
    let victim = n / 2;
    conn.execute("DELETE FROM audit WHERE id = ?1", [victim])
        .unwrap();
    let v = audit::verify(&conn).unwrap();
    assert_eq!(v.entries, n - 1);
    assert!(
        v.problems.iter().any(|p| p.to_string().contains("missing")),
        "{:?}",
        v.problems
    );
    assert!(
        v.problems
            .iter()
            .any(|p| p.to_string().contains(&format!("entry {} ", victim + 1))),
        "{:?}",
        v.problems
    );
    // Deleting the newest entry leaves a consistent-looking chain: only an anchor
    // (such as a session's approved_audit_head) can reveal it. The middle one can't hide.
}

#[test]
fn verify_detects_an_inserted_entry() {
    let (_dir, _path, conn, n) = tamperable();
    // Replay the newest entry under a new id: its link points at the wrong predecessor.
    conn.execute(
        "INSERT INTO audit(id, at, uid, login, action, entity, entity_id, before, after, prev_hash, hash)
         SELECT id + 1, at, uid, login, action, entity, entity_id, before, after, prev_hash, hash
         FROM audit WHERE id = ?1",
        [n],
    )
    .unwrap();
    let v = audit::verify(&conn).unwrap();
    assert_eq!(v.entries, n + 1);
    assert!(
        v.problems
            .iter()
            .any(|p| p.to_string().contains(&format!("entry {} ", n + 1))
                && p.to_string().contains("link")),
        "{:?}",
        v.problems
    );

    // A forged entry squeezed in at a gap after the end: both the gap and the link show.
    conn.execute(
        "INSERT INTO audit(id, at, uid, login, action, entity, entity_id, before, after, prev_hash, hash)
         VALUES (?1, '2026-01-01T00:00:00Z', 0, 'mallory', 'insert', 'body', 1, NULL, '{}', 'x', 'y')",
        [n + 10],
    )
    .unwrap();
    let v = audit::verify(&conn).unwrap();
    assert!(
        v.problems.iter().any(|p| p.to_string().contains("missing")),
        "{:?}",
        v.problems
    );
    assert!(
        v.problems
            .iter()
            .any(|p| p.to_string().contains(&format!("entry {} ", n + 10))),
        "{:?}",
        v.problems
    );
}

// ----- search -----

fn search_ids(store: &Store, q: &str) -> Vec<(String, i64)> {
    store
        .search(q, None, 50)
        .unwrap_or_else(|e| panic!("search {q:?} failed: {e}"))
        .into_iter()
        .map(|h| (h.entity.to_string(), h.id))
        .collect()
}

#[test]
fn search_folds_persian_letters_and_digits_and_matches_prefixes() {
    let (_dir, _path, mut store) = fresh();
    let body = add_body(&mut store, "شورای شهر");
    let other = add_body(&mut store, "Other");
    let s = add_session(&mut store, body, d(2026, 1, 5));
    // Stored with Persian ی and ک.
    let item = add_item(&mut store, s.id, "بودجه کمیته فرهنگی");
    // Stored with Arabic ي and ك.
    let r = store
        .add_resolution(&new_resolution(body, Some(s.id), "تصويب طرح كتابخانه"))
        .unwrap();
    // Latin digits stored, Persian digits stored.
    let t = store
        .add_task(&NewTask {
            body_id: Some(body),
            description: Some("budget line 1403 renovation".into()),
            ..new_task("جلسه ۱۲ پیگیری")
        })
        .unwrap();
    let elsewhere = store
        .add_task(&NewTask {
            body_id: Some(other),
            ..new_task("renovation elsewhere")
        })
        .unwrap();
    store
        .set_minutes(item, "درباره‌ی شهرداری صحبت شد", None)
        .unwrap();

    let agenda = ("agenda_item".to_string(), item);
    let resolution = ("resolution".to_string(), r.id);
    let task = ("task".to_string(), t);

    // Arabic ي/ك typed, Persian stored.
    assert!(search_ids(&store, "كميته").contains(&agenda));
    // Persian typed, Arabic stored.
    assert!(search_ids(&store, "کتابخانه").contains(&resolution));
    assert!(search_ids(&store, "تصویب").contains(&resolution));
    // Persian digits find Latin ones and the other way round.
    assert!(search_ids(&store, "۱۴۰۳").contains(&task));
    assert!(search_ids(&store, "12").contains(&task));
    // Prefixes.
    assert!(search_ids(&store, "renov").contains(&task));
    assert!(
        search_ids(&store, "شهردا").contains(&agenda),
        "minutes are indexed"
    );
    assert!(search_ids(&store, "کتاب").contains(&resolution));
    // The resolution's number is searchable too.
    let hits = store.search(&r.number, Some(&[body]), 10).unwrap();
    assert!(hits
        .iter()
        .any(|h| h.entity == "resolution" && h.id == r.id));
    // Narrowed to bodies.
    let narrowed = store.search("renovation", Some(&[body]), 10).unwrap();
    assert!(narrowed.iter().all(|h| h.body_id == body));
    assert!(narrowed.iter().any(|h| h.id == t));
    let wide = search_ids(&store, "renovation");
    assert!(wide.contains(&("task".to_string(), elsewhere)));
    assert!(search_ids(&store, "zebra").is_empty());
    // Snippets mark the match.
    let hit = &store.search("کتابخانه", None, 1).unwrap()[0];
    assert!(hit.snippet.contains('['), "{}", hit.snippet);
}

#[test]
fn hostile_search_queries_do_not_fail() {
    let (_dir, _path, mut store) = fresh();
    let body = add_body(&mut store, "Council");
    let s = add_session(&mut store, body, d(2026, 1, 5));
    let roof = add_item(&mut store, s.id, "roof repair");
    for q in [
        "roof\"",
        "NEAR(",
        "NEAR(roof repair)",
        "-roof",
        "\"",
        "*",
        "roof*",
        "roof OR",
        "AND",
        "\"roof",
        "(",
        ")",
        "^roof",
        "roof:repair",
        "text:roof",
        "''",
        "",
        "   ",
        "\x1b[2J",
        "\u{202e}",
        "'; DROP TABLE agenda_item; --",
    ] {
        let hits = store.search(q, None, 10);
        assert!(hits.is_ok(), "query {q:?}: {hits:?}");
    }
    assert!(search_ids(&store, "roof\"").contains(&("agenda_item".to_string(), roof)));
    assert!(search_ids(&store, "-roof").contains(&("agenda_item".to_string(), roof)));
    assert_eq!(store.agenda(s.id).unwrap().len(), 1);
}

#[test]
fn search_ranks_whole_words_before_longer_words_with_the_same_prefix() {
    let (_dir, _path, mut store) = fresh();
    let body = add_body(&mut store, "Council");
    let s = add_session(&mut store, body, d(2026, 1, 5));
    // The longer word is more frequent and newer, yet the word as typed comes first.
    let exact = add_item(&mut store, s.id, "budget of the library");
    let longer = add_item(&mut store, s.id, "budgets budgets budgetary budgets");
    let item = |id| ("agenda_item".to_string(), id);
    assert_eq!(search_ids(&store, "budget"), [item(exact), item(longer)]);
    // Enough whole-word hits: the prefix is not expanded at all.
    let hits = store.search("budget", None, 1).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, exact);
    assert!(hits[0].snippet.contains("[budget]"), "{}", hits[0].snippet);
    // An unfinished word still finds both, and highlights the words it completes to.
    let hits = store.search("budg", None, 10).unwrap();
    assert_eq!(hits.len(), 2, "{hits:?}");
    let longer_hit = hits.iter().find(|h| h.id == longer).unwrap();
    assert!(
        longer_hit.snippet.contains("[budgets]") && longer_hit.snippet.contains("[budgetary]"),
        "{}",
        longer_hit.snippet
    );
    // Persian, typed with Arabic letters: کتاب before کتابخانه.
    let book = add_item(&mut store, s.id, "خرید كتاب");
    let library = add_item(&mut store, s.id, "کتابخانه کتابخانه مرکزی");
    assert_eq!(search_ids(&store, "كتاب"), [item(book), item(library)]);
    assert_eq!(search_ids(&store, "كتابخانه"), [item(library)]);
    // A word inside another word is not a hit for the whole word: "ketab" in
    // "ketabkhane" counts only as a prefix, never in the middle of a word.
    assert!(search_ids(&store, "خانه").is_empty());
}

#[test]
fn search_ranks_by_how_often_and_how_rare_the_words_are() {
    let (_dir, _path, mut store) = fresh();
    let body = add_body(&mut store, "Council");
    let s = add_session(&mut store, body, d(2026, 1, 5));
    // Same length; the word three times beats once.
    let thrice = add_item(&mut store, s.id, "roof roof roof repair");
    let once = add_item(&mut store, s.id, "roof wall door repair");
    let ids: Vec<i64> = store
        .search("roof", None, 10)
        .unwrap()
        .iter()
        .map(|h| h.id)
        .collect();
    assert_eq!(ids, [thrice, once]);
    // "budget" is everywhere, "drainage" rare: the text with more of the rare word wins
    // although it is older and has as many words.
    for i in 0..30 {
        add_item(&mut store, s.id, &format!("budget item {i}"));
    }
    let rare = add_item(&mut store, s.id, "budget drainage drainage drainage");
    let common = add_item(&mut store, s.id, "budget budget budget drainage");
    let hits = store.search("budget drainage", None, 10).unwrap();
    let ids: Vec<i64> = hits.iter().map(|h| h.id).collect();
    assert_eq!(ids, [rare, common], "{hits:?}");
    assert!(
        hits[0].rank < hits[1].rank,
        "lower rank is better: {hits:?}"
    );
}

#[test]
fn hostile_search_text_is_matched_as_text_in_both_passes() {
    let (_dir, _path, mut store) = fresh();
    let body = add_body(&mut store, "Council");
    let s = add_session(&mut store, body, d(2026, 1, 5));
    let near = add_item(&mut store, s.id, "NEAR(roof) \"quoted\" OR -minus");
    let item = ("agenda_item".to_string(), near);
    // Whole words, and unfinished ones (the prefix pass), with FTS5 syntax around them.
    for q in [
        "NEAR(roof",
        "\"quoted\"",
        "OR",
        "-minus",
        "quo\"",
        "mi*",
        "roof OR ro",
        "near(",
    ] {
        assert_eq!(
            search_ids(&store, q),
            std::slice::from_ref(&item),
            "query {q:?}"
        );
    }
    assert!(search_ids(&store, "roof AND zebra").is_empty());
    assert!(search_ids(&store, "roof NOT quoted").is_empty());
}

// ----- not found, invalid, byte-exact -----

#[test]
fn unknown_ids_are_not_found() {
    let (_dir, _path, mut store) = fresh();
    assert_not_found(store.body(42), "body");
    assert_not_found(store.person(42), "person");
    assert_not_found(store.session(42), "session");
    assert_not_found(store.agenda_item(42), "agenda item");
    assert_not_found(store.resolution(42), "resolution");
    assert_not_found(store.task(42), "task");
    assert_not_found(store.find_person("nobody at all"), "person");
    assert_not_found(store.find_session("42"), "session");
    assert_not_found(
        store.set_agenda_status(42, AgendaStatus::Deferred),
        "agenda item",
    );
    assert_not_found(
        store.update_session(42, Some(d(2026, 1, 1)), None, None, None),
        "session",
    );
    let e = store.body(42).unwrap_err();
    assert!(e.is_user_error());
    assert!(e.to_string().contains("42"), "{e}");
}

#[test]
fn empty_and_overlong_titles_are_invalid() {
    let (_dir, _path, mut store) = fresh();
    let body = add_body(&mut store, "Council");
    let s = add_session(&mut store, body, d(2026, 1, 5));
    let long: String = "ب".repeat(10_000);
    for title in ["", "   ", long.as_str()] {
        let msg = assert_invalid(store.add_agenda_item(&NewAgendaItem {
            session_id: s.id,
            title: title.to_string(),
            ..Default::default()
        }));
        assert!(msg.contains("agenda item title"), "{msg}");
        assert_invalid(store.add_body(&new_body(title, "{seq}")));
        assert_invalid(store.add_person(&NewPerson {
            name: Name::guess(title),
            ..Default::default()
        }));
        assert_invalid(store.add_task(&NewTask {
            body_id: Some(body),
            ..new_task(title)
        }));
        assert_invalid(store.add_guest(s.id, title, None));
        assert_invalid(store.add_policy(body, title));
    }
    let msg = assert_invalid(store.add_agenda_item(&NewAgendaItem {
        session_id: s.id,
        title: long.clone(),
        ..Default::default()
    }));
    assert!(msg.contains("10000"), "says how long it was: {msg}");
    assert!(msg.len() < 1000, "does not echo the whole title");
    assert_invalid(store.add_resolution(&new_resolution(body, Some(s.id), "")));
    // A title of exactly the limit is fine.
    let max: String = "x".repeat(MAX_TITLE);
    let id = add_item(&mut store, s.id, &max);
    assert_eq!(store.agenda_item(id).unwrap().title, max);
    // Nothing of the refused ones was stored.
    assert_eq!(store.agenda(s.id).unwrap().len(), 1);
    assert_eq!(store.bodies().unwrap().len(), 1);
}

#[test]
fn control_and_bidi_characters_are_stored_byte_exact() {
    let (_dir, path, mut store) = fresh();
    for (n, text) in HOSTILE.iter().enumerate() {
        let text = text.to_string();
        let body = store.add_body(&new_body(&text, "{seq}")).unwrap();
        let b = store.body(body).unwrap();
        assert_eq!(b.name.get(shura::locale::Lang::En), text);
        let person = add_person(&mut store, &text);
        assert_eq!(
            store
                .person(person)
                .unwrap()
                .name
                .get(shura::locale::Lang::En),
            text
        );
        let s = store
            .add_session(&NewSession {
                place: Some(text.clone()),
                ..new_session(body, d(2026, 1, 5 + n as u32), false)
            })
            .unwrap();
        assert_eq!(s.place.as_deref(), Some(text.as_str()));
        let item = add_item(&mut store, s.id, &text);
        assert_eq!(store.agenda_item(item).unwrap().title, text);
        let minutes = format!("line one {text}\nline two {text}");
        store.set_minutes(item, &minutes, None).unwrap();
        assert_eq!(
            store.agenda_item(item).unwrap().minutes.as_deref(),
            Some(minutes.as_str())
        );
        let r = store
            .add_resolution(&NewResolution {
                owner: Some(text.clone()),
                ..new_resolution(body, Some(s.id), &text)
            })
            .unwrap();
        assert_eq!(store.resolution(r.id).unwrap().text, text);
        assert_eq!(
            store.resolution(r.id).unwrap().owner.as_deref(),
            Some(text.as_str())
        );
        let t = store
            .add_task(&NewTask {
                body_id: Some(body),
                assignee_unit: Some(text.clone()),
                ..new_task(&text)
            })
            .unwrap();
        assert_eq!(store.task(t).unwrap().title, text);
        let g = store.add_guest(s.id, &text, None).unwrap();
        assert_eq!(
            store
                .guests(s.id)
                .unwrap()
                .iter()
                .find(|x| x.id == g)
                .unwrap()
                .name,
            text
        );
        let note = store
            .update_task(&TaskProgress {
                note: text.clone(),
                ..progress(t)
            })
            .unwrap();
        assert_eq!(note.id, t);
        assert_eq!(store.task_updates(t).unwrap()[0].note, text);
        // Searching with hostile text does not fail.
        store.search(&text, None, 5).unwrap();
    }
    // And the bytes on disk are the same, checked through another connection.
    drop(store);
    let conn = raw(&path);
    let titles: Vec<Vec<u8>> = conn
        .prepare("SELECT CAST(title AS BLOB) FROM agenda_item ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let expected: Vec<Vec<u8>> = HOSTILE.iter().map(|s| s.as_bytes().to_vec()).collect();
    assert_eq!(titles, expected);
    assert!(audit::verify(&conn).unwrap().problems.is_empty());
}

#[test]
fn a_text_filter_with_many_matches_lists_the_same_rows_in_the_same_order() {
    // Above TEXT_MATCHES_READ_DIRECTLY matches the listing checks its own rows against
    // the matches instead of reading each match: the rows and their order must not
    // change with the way the query is written.
    use shura::store::read::{ListOrder, TEXT_MATCHES_READ_DIRECTLY};
    use shura::store::search::{index_entry, SearchKind};
    let (_dir, path, store) = fresh();
    let mut s = store;
    let body = add_body(&mut s, "Works Committee");
    let other = add_body(&mut s, "Parks Committee");
    let many = TEXT_MATCHES_READ_DIRECTLY as usize + 700;
    // Written behind the store's back, in one transaction, for speed.
    let conn = raw(&path);
    conn.execute_batch("BEGIN").unwrap();
    for i in 0..many + 300 {
        let title = if i < many {
            format!("Budget line {i}")
        } else {
            format!("Roof repair {i}")
        };
        let b = if i % 3 == 0 { other } else { body };
        let status = if i % 5 == 0 { "done" } else { "open" };
        let due = d(2026, 1, 1) + chrono::Duration::days(((i * 7919) % 400) as i64);
        conn.execute(
            "INSERT INTO task(body_id, title, due, status, priority, created_on, done_on)
                 VALUES (?1, ?2, ?3, ?4, 'normal', '2025-12-01',
                         CASE ?4 WHEN 'done' THEN '2025-12-20' END)",
            rusqlite::params![b, title, due.to_string(), status],
        )
        .unwrap();
        let id = conn.last_insert_rowid();
        index_entry(&conn, SearchKind::Task, id, b, &title).unwrap();
    }
    conn.execute_batch("COMMIT").unwrap();
    drop(conn);
    let all = s
        .tasks(&TaskFilter {
            order: ListOrder::DueFirst,
            ..Default::default()
        })
        .unwrap();
    for (text, body_ids) in [
        ("budget", None),
        ("budg", None),
        ("budget", Some(vec![body])),
        ("roof", None),
        ("roof", Some(vec![other])),
    ] {
        let word = text.to_lowercase();
        let expected: Vec<i64> = all
            .iter()
            .filter(|r| r.task.status.is_open())
            .filter(|r| {
                body_ids
                    .as_ref()
                    .is_none_or(|b| b.contains(&r.task.body_id))
            })
            .filter(|r| r.task.title.to_lowercase().starts_with(&word[..4]))
            .map(|r| r.task.id)
            .collect();
        let filter = TaskFilter {
            text: Some(text.to_string()),
            body_ids: body_ids.clone(),
            statuses: vec![WorkStatus::Open, WorkStatus::InProgress],
            order: ListOrder::DueFirst,
            ..Default::default()
        };
        let window: Vec<i64> = s
            .tasks(&TaskFilter {
                limit: Some(200),
                offset: 100,
                ..filter.clone()
            })
            .unwrap()
            .iter()
            .map(|r| r.task.id)
            .collect();
        let end = expected.len().min(300);
        assert_eq!(
            window,
            expected[100.min(end)..end],
            "{text} in {body_ids:?}: the second window"
        );
        assert_eq!(
            s.count_tasks(&filter, 100_000).unwrap(),
            (expected.len() as i64, false),
            "{text} in {body_ids:?}"
        );
    }
}

#[test]
fn a_body_procedure_update_is_versioned_and_audited() {
    use shura::model::voting::{Procedure, VotingRule};
    let (_dir, _path, mut store) = fresh();
    let b = add_body(&mut store, "Board");
    let p = Procedure {
        voting_rule: VotingRule::iran_council(),
        second_required: true,
        number_rejected: true,
    };
    store
        .update_body_procedure(b, &p, QuorumRule::TwoThirds, Some(1))
        .unwrap();
    let body = store.body(b).unwrap();
    assert_eq!(body.procedure, p);
    assert_eq!(body.quorum, QuorumRule::TwoThirds);
    assert_eq!(body.version, 2);
    // Changed since version 1: refused, nothing written.
    let stale =
        store.update_body_procedure(b, &Procedure::default(), QuorumRule::Majority, Some(1));
    assert!(
        matches!(stale, Err(StoreError::Conflict { .. })),
        "{stale:?}"
    );
    assert_eq!(store.body(b).unwrap().procedure, p);
    let missing = store.update_body_procedure(999, &p, QuorumRule::Majority, None);
    assert!(
        matches!(missing, Err(StoreError::NotFound { .. })),
        "{missing:?}"
    );
    let log = store.audit_list(Some("body"), Some(b), 10).unwrap();
    assert_eq!(log.iter().filter(|e| e.action == "update").count(), 1);
}

// ---------------------------------------------------------------------------------------------
// An agenda as bodies write it: the standing order, sections, kinds, moves by number.

fn standing_body(store: &mut Store) -> i64 {
    store
        .add_body(&NewBody {
            agenda_template: vec!["Call to order".into()],
            agenda_closing: vec!["Adjournment".into()],
            ..new_body("Board of Directors", "{seq}")
        })
        .unwrap()
}

fn titles_and_numbers(store: &Store, session: i64) -> Vec<(String, String)> {
    let items = store.agenda(session).unwrap();
    let labels = shura::model::agenda::agenda_labels(&items);
    labels
        .into_iter()
        .zip(items.iter().map(|i| i.title.clone()))
        .collect()
}

fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
    v.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

fn new_item(session_id: i64, title: &str, kind: ItemKind, parent: Option<i64>) -> NewAgendaItem {
    NewAgendaItem {
        session_id,
        title: title.into(),
        kind,
        parent_id: parent,
        ..Default::default()
    }
}

#[test]
fn the_standing_order_opens_with_the_template_and_the_review_and_closes_with_adjournment() {
    let (_dir, path, mut store) = fresh();
    let body = standing_body(&mut store);
    let s1 = store
        .add_session(&new_session(body, d(2026, 1, 5), true))
        .unwrap();
    let a1 = store.agenda(s1.id).unwrap();
    assert_eq!(
        a1.iter()
            .map(|i| (i.title.as_str(), i.standing))
            .collect::<Vec<_>>(),
        [
            ("Call to order", Some(Standing::Opening)),
            ("Adjournment", Some(Standing::Closing))
        ]
    );
    let deferred = add_item(&mut store, s1.id, "Parking permits");
    let done = add_item(&mut store, s1.id, "Audit report");
    // New items go before the adjournment, in the order added.
    assert_eq!(
        titles_and_numbers(&store, s1.id),
        pairs(&[
            ("1", "Call to order"),
            ("2", "Parking permits"),
            ("3", "Audit report"),
            ("4", "Adjournment")
        ])
    );
    store
        .set_agenda_status(deferred, AgendaStatus::Deferred)
        .unwrap();
    store
        .set_agenda_status(done, AgendaStatus::Discussed)
        .unwrap();
    store
        .add_resolution(&new_resolution(body, Some(s1.id), "Repaint the hall"))
        .unwrap();

    // The next session: Call to order, the review, the carried-over item, Adjournment;
    // the standing items are not carried again.
    let s2 = store
        .add_session(&new_session(body, d(2026, 2, 5), true))
        .unwrap();
    let review = review_item_title(&store.body(body).unwrap());
    assert_eq!(
        titles_and_numbers(&store, s2.id),
        pairs(&[
            ("1", "Call to order"),
            ("2", review.as_str()),
            ("3", "Parking permits"),
            ("4", "Adjournment")
        ])
    );
    let a2 = store.agenda(s2.id).unwrap();
    assert_eq!(a2[1].standing, Some(Standing::Opening));
    assert!(a2[1].is_review);
    assert_eq!(a2[2].carried_from, Some(deferred));
    assert_eq!(a2[2].standing, None);
    assert_eq!(a2[3].standing, Some(Standing::Closing));
    // Added later, a new item still lands before the adjournment, and the
    // adjournment's move is audited with its position before and after.
    let new = add_item(&mut store, s2.id, "Library hours");
    let a2 = store.agenda(s2.id).unwrap();
    assert_eq!(
        a2.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(),
        [
            "Call to order",
            review.as_str(),
            "Parking permits",
            "Library hours",
            "Adjournment"
        ]
    );
    assert_eq!(
        a2.iter().map(|i| i.position).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5]
    );
    assert_eq!(a2[3].id, new);
    let adjournment = a2[4].id;
    let (before, after): (String, String) = raw(&path)
        .query_row(
            "SELECT before, after FROM audit WHERE entity = 'agenda_item' AND entity_id = ?1 AND action = 'update'
             ORDER BY id DESC LIMIT 1",
            [adjournment],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert!(before.contains("\"position\":4"), "{before}");
    assert!(after.contains("\"position\":5"), "{after}");
}

#[test]
fn a_body_without_closing_items_keeps_its_template_and_appends_new_items() {
    let (_dir, _path, mut store) = fresh();
    let body = store
        .add_body(&NewBody {
            agenda_template: vec!["Opening".into(), "Adjournment".into()],
            ..new_body("Old Committee", "{seq}")
        })
        .unwrap();
    let s = store
        .add_session(&new_session(body, d(2026, 1, 5), true))
        .unwrap();
    add_item(&mut store, s.id, "Roof");
    assert_eq!(
        titles_and_numbers(&store, s.id),
        pairs(&[("1", "Opening"), ("2", "Adjournment"), ("3", "Roof")])
    );
}

#[test]
fn sections_number_their_sub_items_and_move_with_them() {
    let (_dir, _path, mut store) = fresh();
    let body = standing_body(&mut store);
    let s = store
        .add_session(&new_session(body, d(2026, 1, 5), true))
        .unwrap();
    let minutes = add_item(&mut store, s.id, "Approval of the minutes");
    let old = store
        .add_agenda_item(&new_item(s.id, "Old Business", ItemKind::Section, None))
        .unwrap();
    let new = store
        .add_agenda_item(&new_item(s.id, "New Business", ItemKind::Section, None))
        .unwrap();
    let budget = store
        .add_agenda_item(&NewAgendaItem {
            urgency: Some(Urgency::DoubleUrgent),
            ..new_item(s.id, "Budget amendment", ItemKind::Bill, Some(old))
        })
        .unwrap();
    let report = store
        .add_agenda_item(&new_item(
            s.id,
            "Treasurer's report",
            ItemKind::Report,
            Some(old),
        ))
        .unwrap();
    let park = store
        .add_agenda_item(&new_item(
            s.id,
            "Park renovation",
            ItemKind::Proposal,
            Some(new),
        ))
        .unwrap();
    assert_eq!(
        titles_and_numbers(&store, s.id),
        pairs(&[
            ("1", "Call to order"),
            ("2", "Approval of the minutes"),
            ("3", "Old Business"),
            ("3.1", "Budget amendment"),
            ("3.2", "Treasurer's report"),
            ("4", "New Business"),
            ("4.1", "Park renovation"),
            ("5", "Adjournment")
        ])
    );
    let b = store.agenda_item(budget).unwrap();
    assert_eq!(
        (b.kind, b.urgency, b.parent_id),
        (ItemKind::Bill, Some(Urgency::DoubleUrgent), Some(old))
    );

    // One step down: the section swaps with New Business, its sub-items with it.
    assert!(store.move_agenda_item(old, 1).unwrap());
    assert_eq!(
        titles_and_numbers(&store, s.id)
            .into_iter()
            .map(|(n, _)| n)
            .collect::<Vec<_>>(),
        ["1", "2", "3", "3.1", "4", "4.1", "4.2", "5"]
    );
    assert_eq!(store.agenda(s.id).unwrap()[4].id, old);
    // It does not pass the adjournment, nor an item the call to order, in one step.
    assert!(!store.move_agenda_item(old, 1).unwrap());
    assert!(!store.move_agenda_item(minutes, -1).unwrap());

    // Into a section by number: item 2 becomes the first sub-item of section 4 (Old
    // Business, as numbered before the move; it is then number 3).
    assert_eq!(store.move_agenda_item_to(minutes, "4.1").unwrap(), "3.1");
    // Out of a section: the report becomes item 2.
    assert_eq!(store.move_agenda_item_to(report, "2").unwrap(), "2");
    assert_eq!(
        titles_and_numbers(&store, s.id),
        pairs(&[
            ("1", "Call to order"),
            ("2", "Treasurer's report"),
            ("3", "New Business"),
            ("3.1", "Park renovation"),
            ("4", "Old Business"),
            ("4.1", "Approval of the minutes"),
            ("4.2", "Budget amendment"),
            ("5", "Adjournment")
        ])
    );
    assert_eq!(store.agenda_item(report).unwrap().parent_id, None);
    assert_eq!(store.agenda_item(minutes).unwrap().parent_id, Some(old));
    assert_eq!(
        store
            .agenda(s.id)
            .unwrap()
            .iter()
            .map(|i| i.position)
            .collect::<Vec<_>>(),
        [1, 2, 3, 4, 5, 6, 7, 8]
    );
    // A section does not go under another; a number that is not there is refused.
    for (id, to, code) in [
        (new, "4.1", "agenda_section_under_section"),
        (park, "2.1", "agenda_not_a_section"),
        (park, "x.1", "agenda_no_such_number"),
    ] {
        match store.move_agenda_item_to(id, to) {
            Err(StoreError::Refused(r)) => assert_eq!(r.code(), code, "{to}"),
            other => panic!("{to}: {other:?}"),
        }
    }
    // Explicitly, an item may go before the call to order.
    assert_eq!(store.move_agenda_item_to(park, "1").unwrap(), "1");
    assert_eq!(store.agenda(s.id).unwrap()[0].id, park);
}

#[test]
fn signatories_only_on_a_members_proposal_and_the_section_of_the_same_session() {
    let (_dir, path, mut store) = fresh();
    let body = standing_body(&mut store);
    let s = store
        .add_session(&new_session(body, d(2026, 1, 5), true))
        .unwrap();
    let other = store
        .add_session(&new_session(body, d(2026, 2, 5), true))
        .unwrap();
    let a = add_person(&mut store, "Alice");
    let b = add_person(&mut store, "Bob");
    let mut ctx = shura::ops::Context::new(store, shura::locale::Prefs::default());
    let refused = |r: shura::store::Result<i64>| match r {
        Err(StoreError::Refused(r)) => r.code(),
        other => panic!("{other:?}"),
    };
    let bill = NewAgendaItem {
        signatories: vec![a, b],
        ..new_item(s.id, "Bus lanes", ItemKind::Bill, None)
    };
    assert_eq!(
        refused(shura::ops::agenda::add_item(&mut ctx, &bill)),
        "agenda_signatories_not_a_motion"
    );
    let report = NewAgendaItem {
        urgency: Some(Urgency::Urgent),
        ..new_item(s.id, "Report", ItemKind::Report, None)
    };
    assert_eq!(
        refused(shura::ops::agenda::add_item(&mut ctx, &report)),
        "agenda_urgency_not_a_bill"
    );
    let section = shura::ops::agenda::add_item(
        &mut ctx,
        &new_item(s.id, "Motions", ItemKind::Section, None),
    )
    .unwrap();
    assert_eq!(
        refused(shura::ops::agenda::add_item(
            &mut ctx,
            &new_item(s.id, "Inner", ItemKind::Section, Some(section))
        )),
        "agenda_section_under_section"
    );
    assert_eq!(
        refused(shura::ops::agenda::add_item(
            &mut ctx,
            &new_item(other.id, "Elsewhere", ItemKind::Item, Some(section))
        )),
        "agenda_section_of_other_session"
    );
    let motion = shura::ops::agenda::add_item(
        &mut ctx,
        &NewAgendaItem {
            signatories: vec![b, a],
            urgency: Some(Urgency::Urgent),
            ..new_item(s.id, "Bike paths", ItemKind::MembersMotion, Some(section))
        },
    )
    .unwrap();
    let signed: Vec<(i64, i64)> = shura::ops::agenda::signatories(&ctx, s.id)
        .unwrap()
        .into_iter()
        .map(|(i, p)| (i, p.id))
        .collect();
    assert_eq!(signed, [(motion, a), (motion, b)]);
    // Nothing of the refused items was written; each signatory row is audited.
    let n: i64 = raw(&path)
        .query_row(
            "SELECT count(*) FROM agenda_item WHERE session_id = ?1",
            [s.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 4, "call to order, adjournment, the section, the motion");
    let audited: i64 = raw(&path)
        .query_row(
            "SELECT count(*) FROM audit WHERE entity = 'agenda_signatory' AND entity_id = ?1",
            [motion],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audited, 2);
}

#[test]
fn unfinished_sub_items_are_carried_under_their_section_with_kind_urgency_and_signatories() {
    let (_dir, _path, mut store) = fresh();
    let body = standing_body(&mut store);
    let a = add_person(&mut store, "Alice");
    let b = add_person(&mut store, "Bob");
    let s1 = store
        .add_session(&new_session(body, d(2026, 1, 5), true))
        .unwrap();
    let bills = store
        .add_agenda_item(&new_item(s1.id, "Bills", ItemKind::Section, None))
        .unwrap();
    let fare = store
        .add_agenda_item(&NewAgendaItem {
            urgency: Some(Urgency::DoubleUrgent),
            ..new_item(s1.id, "Bus fares", ItemKind::Bill, Some(bills))
        })
        .unwrap();
    let audit = store
        .add_agenda_item(&new_item(s1.id, "Audit", ItemKind::Report, Some(bills)))
        .unwrap();
    let motions = store
        .add_agenda_item(&new_item(
            s1.id,
            "Members' proposals",
            ItemKind::Section,
            None,
        ))
        .unwrap();
    let vendors = store
        .add_agenda_item(&NewAgendaItem {
            signatories: vec![a, b],
            ..new_item(
                s1.id,
                "Street vendors",
                ItemKind::MembersMotion,
                Some(motions),
            )
        })
        .unwrap();
    store
        .add_agenda_item(&new_item(s1.id, "Correspondence", ItemKind::Section, None))
        .unwrap();
    store
        .set_agenda_status(audit, AgendaStatus::Discussed)
        .unwrap();
    store
        .set_agenda_status(vendors, AgendaStatus::Deferred)
        .unwrap();

    let s2 = store
        .add_session(&new_session(body, d(2026, 2, 5), true))
        .unwrap();
    // The sections still holding unfinished items come with them; an empty one does not.
    assert_eq!(
        titles_and_numbers(&store, s2.id),
        pairs(&[
            ("1", "Call to order"),
            ("2", "Bills"),
            ("2.1", "Bus fares"),
            ("3", "Members' proposals"),
            ("3.1", "Street vendors"),
            ("4", "Adjournment")
        ])
    );
    let a2 = store.agenda(s2.id).unwrap();
    assert_eq!(
        (a2[1].kind, a2[1].carried_from),
        (ItemKind::Section, Some(bills))
    );
    assert_eq!(a2[2].parent_id, Some(a2[1].id));
    assert_eq!(
        (a2[2].kind, a2[2].urgency, a2[2].carried_from),
        (ItemKind::Bill, Some(Urgency::DoubleUrgent), Some(fare))
    );
    assert_eq!(a2[4].kind, ItemKind::MembersMotion);
    let signed: Vec<(i64, i64)> = store
        .agenda_signatories(s2.id)
        .unwrap()
        .into_iter()
        .map(|(i, p)| (i, p.id))
        .collect();
    assert_eq!(signed, [(a2[4].id, a), (a2[4].id, b)]);
}
