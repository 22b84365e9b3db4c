//! The session's clock, through every layer: its events and members' arrivals and
//! departures stored and read back from a real file; the rules of `ops::clock` (recess
//! twice, resuming without a recess, an event before the one before it, closing at the
//! recorded adjournment, the quorum of those in the room); the `shura` binary's
//! `session open|recess|resume|close --at` and `attend … late|left --at`, in English
//! and Persian; `session show` and the exported minutes with the times; and the TUI's
//! close form and recess keys.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::path::PathBuf;
use std::time::Duration;

use chrono::NaiveDate;
use shura::identity::Actor;
use shura::locale::{Calendar, Lang, Prefs};
use shura::model::rules::{MeetingRule, QuorumRule};
use shura::model::*;
use shura::ops::Context;
use shura::store::write::*;
use shura::store::{Refusal, Store, StoreError};
use tempfile::TempDir;

const TODAY: &str = "2026-11-22";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn en() -> Prefs {
    Prefs {
        lang: Lang::En,
        calendar: Calendar::Gregorian,
        ..Prefs::default()
    }
}

/// A council of three voting members (majority quorum: 2) and one session on `date`.
struct World {
    _dir: TempDir,
    path: PathBuf,
    ctx: Context,
    session: i64,
    people: Vec<i64>,
}

/// A fixed user (who creates the database, so administers it): the screens do not
/// depend on who runs the tests.
fn secretary() -> Actor {
    Actor {
        uid: 1000,
        login: "secretary".into(),
    }
}

fn world(date: &str) -> World {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("council.db");
    let mut store = Store::open(&path, secretary()).unwrap();
    let body = store
        .add_body(&NewBody {
            name: Name::new(None, Some("Town Council".into())),
            kind: BodyKind::Council,
            parent_id: None,
            quorum: QuorumRule::Majority,
            meeting_rule: MeetingRule::None,
            resolution_format: "{seq}".into(),
            agenda_template: vec![],
            confidential: false,
            formed_on: Some(day("2026-01-01")),
            procedure: Default::default(),
            agenda_closing: Vec::new(),
            number_per_term: false,
            fiscal_year: Default::default(),
            signing: Default::default(),
            law_profile: Default::default(),
            absence_rule: Default::default(),
        })
        .unwrap();
    let mut people = Vec::new();
    for (name, role) in [
        ("Sara Ahmadi", Role::Chair),
        ("Ali Rahimi", Role::Member),
        ("Mina Tehrani", Role::Member),
    ] {
        let p = store
            .add_person(&NewPerson {
                name: Name::new(None, Some(name.into())),
                ..Default::default()
            })
            .unwrap();
        store
            .add_membership(&NewMembership {
                body_id: body,
                person_id: p,
                role,
                voting: true,
                term_start: None,
                term_end: None,
            })
            .unwrap();
        people.push(p);
    }
    let s = store
        .add_session(&NewSession {
            body_id: body,
            kind: SessionKind::Regular,
            date: day(date),
            start_time: Some("16:30".into()),
            end_time: None,
            place: None,
            prepare_agenda: false,
            number: None,
        })
        .unwrap();
    let ctx = Context {
        store,
        prefs: en(),
        today: day(TODAY),
    };
    World {
        _dir: dir,
        path,
        ctx,
        session: s.id,
        people,
    }
}

fn clock_refusal<T: std::fmt::Debug>(
    r: Result<T, StoreError>,
) -> shura::model::clock::ClockRefusal {
    match r {
        Err(StoreError::Refused(Refusal::Clock(c))) => c,
        other => panic!("expected a refusal of the clock, got {other:?}"),
    }
}

fn kinds(w: &World) -> Vec<(SessionEventKind, String)> {
    w.ctx
        .store
        .session_events(w.session)
        .unwrap()
        .into_iter()
        .map(|e| (e.kind, e.at))
        .collect()
}

// ----- store -----

#[test]
fn events_and_times_survive_a_reopen_of_the_file_and_are_audited() {
    let mut w = world(TODAY);
    let s = w.session;
    let step = w
        .ctx
        .store
        .clock_step(
            s,
            Some((SessionEventKind::CalledToOrder, "17:00")),
            Some(SessionStatus::Open),
        )
        .unwrap();
    assert_eq!(step.session.status, SessionStatus::Open);
    assert_eq!(step.session.start_time.as_deref(), Some("17:00"));
    let e = step.event.unwrap();
    assert_eq!(
        (e.kind, e.at.as_str()),
        (SessionEventKind::CalledToOrder, "17:00")
    );
    assert_eq!(e.recorded_by, "secretary");
    // Persian digits are read as the same time.
    w.ctx
        .store
        .clock_step(s, Some((SessionEventKind::Recess, "۱۷:۴۵")), None)
        .unwrap();
    w.ctx
        .store
        .clock_step(s, Some((SessionEventKind::Resumed, "18:00")), None)
        .unwrap();
    w.ctx
        .store
        .set_attendance(s, w.people[0], Presence::Present)
        .unwrap();
    w.ctx
        .store
        .set_arrival(s, w.people[1], Some("17:20"))
        .unwrap();
    w.ctx.store.set_departure(s, w.people[0], "18:05").unwrap();
    let step = w
        .ctx
        .store
        .clock_step(
            s,
            Some((SessionEventKind::Adjourned, "19:05")),
            Some(SessionStatus::Closed),
        )
        .unwrap();
    assert_eq!(step.session.end_time.as_deref(), Some("19:05"));

    let store = Store::open(&w.path, secretary()).unwrap();
    let events: Vec<(SessionEventKind, String)> = store
        .session_events(s)
        .unwrap()
        .into_iter()
        .map(|e| (e.kind, e.at))
        .collect();
    assert_eq!(
        events,
        vec![
            (SessionEventKind::CalledToOrder, "17:00".into()),
            (SessionEventKind::Recess, "17:45".into()),
            (SessionEventKind::Resumed, "18:00".into()),
            (SessionEventKind::Adjourned, "19:05".into()),
        ]
    );
    let session = store.session(s).unwrap();
    assert_eq!(
        (session.start_time.as_deref(), session.end_time.as_deref()),
        (Some("17:00"), Some("19:05"))
    );
    let mut marks = store.attendance(s).unwrap();
    marks.sort_by_key(|a| a.person_id);
    assert_eq!(marks[0].left_at.as_deref(), Some("18:05"));
    assert_eq!(marks[0].presence, Presence::Present);
    assert_eq!(marks[1].presence, Presence::Late);
    assert_eq!(marks[1].arrived_at.as_deref(), Some("17:20"));

    let raw = rusqlite::Connection::open(&w.path).unwrap();
    let n: i64 = raw
        .query_row(
            "SELECT count(*) FROM audit WHERE entity = 'session_event' AND action = 'insert'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 4, "each event is audited");
    let left: String = raw
        .query_row(
            "SELECT after FROM audit WHERE entity = 'attendance' ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(left.contains("18:05"), "the departure is audited: {left}");
}

#[test]
fn marking_present_again_brings_a_member_back() {
    let mut w = world(TODAY);
    let (s, p) = (w.session, w.people[1]);
    w.ctx.store.set_attendance(s, p, Presence::Present).unwrap();
    w.ctx.store.set_departure(s, p, "18:00").unwrap();
    assert_eq!(
        w.ctx.store.attendance(s).unwrap()[0].left_at.as_deref(),
        Some("18:00")
    );
    w.ctx.store.set_attendance(s, p, Presence::Present).unwrap();
    assert_eq!(w.ctx.store.attendance(s).unwrap()[0].left_at, None);
    // A departure needs a mark to leave from.
    assert!(matches!(
        w.ctx.store.set_departure(s, w.people[2], "18:00"),
        Err(StoreError::NotFound { .. })
    ));
    // Bad times are refused by the store.
    assert!(matches!(
        w.ctx.store.set_arrival(s, p, Some("25:00")),
        Err(StoreError::Invalid(_))
    ));
}

#[test]
fn approved_minutes_freeze_the_clock() {
    // A session recorded afterwards, with no times: any event would be in order, and
    // the approved minutes refuse it (the store's trigger).
    let mut w = world("2026-11-01");
    let s = w.session;
    shura::ops::clock::open(&mut w.ctx, s, None).unwrap();
    shura::ops::clock::close(&mut w.ctx, s, None).unwrap();
    shura::ops::sessions::set_status(&mut w.ctx, s, SessionStatus::Approved).unwrap();
    let r = w
        .ctx
        .store
        .clock_step(s, Some((SessionEventKind::Recess, "18:10")), None);
    assert!(
        matches!(r, Err(StoreError::Refused(Refusal::ApprovedMinutes))),
        "{r:?}"
    );
    let r = shura::ops::clock::recess(&mut w.ctx, s, Some("18:10"));
    assert!(
        matches!(r, Err(StoreError::Refused(Refusal::ApprovedMinutes))),
        "the op says so first: {r:?}"
    );
    let r = shura::ops::clock::arrive(&mut w.ctx, s, w.people[1], Some("17:10"));
    assert!(matches!(
        r,
        Err(StoreError::Refused(Refusal::ApprovedMinutes))
    ));
}

// ----- ops -----

#[test]
fn opening_and_closing_record_the_call_to_order_and_the_adjournment() {
    let mut w = world(TODAY);
    let s = w.session;
    let step = shura::ops::clock::open(&mut w.ctx, s, Some("17:02")).unwrap();
    assert_eq!(step.session.status, SessionStatus::Open);
    assert_eq!(
        step.session.start_time.as_deref(),
        Some("17:02"),
        "the call to order replaces the planned hour"
    );
    let step = shura::ops::clock::close(&mut w.ctx, s, Some("18:40")).unwrap();
    assert_eq!(step.session.status, SessionStatus::Closed);
    assert_eq!(step.session.end_time.as_deref(), Some("18:40"));
    assert_eq!(
        kinds(&w),
        vec![
            (SessionEventKind::CalledToOrder, "17:02".into()),
            (SessionEventKind::Adjourned, "18:40".into())
        ]
    );
    // Reopened for a correction and closed again: the times stay.
    shura::ops::sessions::set_status(&mut w.ctx, s, SessionStatus::Open).unwrap();
    let again = shura::ops::sessions::set_status(&mut w.ctx, s, SessionStatus::Closed).unwrap();
    assert_eq!(again.end_time.as_deref(), Some("18:40"));
    assert_eq!(kinds(&w).len(), 2);
}

#[test]
fn a_recess_is_taken_once_and_resumed_only_after_one() {
    let mut w = world(TODAY);
    let s = w.session;
    // Not before the session is open.
    let r = clock_refusal(shura::ops::clock::recess(&mut w.ctx, s, Some("17:00")));
    assert_eq!(r.code(), "clock_not_open");
    shura::ops::clock::open(&mut w.ctx, s, Some("17:00")).unwrap();
    let r = clock_refusal(shura::ops::clock::resume(&mut w.ctx, s, Some("17:10")));
    assert_eq!(r, shura::model::clock::ClockRefusal::NotInRecess);
    shura::ops::clock::recess(&mut w.ctx, s, Some("17:45")).unwrap();
    let r = clock_refusal(shura::ops::clock::recess(&mut w.ctx, s, Some("17:50")));
    assert_eq!(
        r,
        shura::model::clock::ClockRefusal::InRecess {
            since: "17:45".into()
        }
    );
    // Closing in recess is refused too: resume first.
    let r = clock_refusal(shura::ops::clock::close(&mut w.ctx, s, Some("17:55")));
    assert_eq!(r.code(), "clock_in_recess");
    assert_eq!(w.ctx.store.session(s).unwrap().status, SessionStatus::Open);
    shura::ops::clock::resume(&mut w.ctx, s, Some("18:00")).unwrap();
    shura::ops::clock::recess(&mut w.ctx, s, Some("18:30")).unwrap();
    shura::ops::clock::resume(&mut w.ctx, s, Some("18:40")).unwrap();
    let t = shura::ops::clock::timeline(&w.ctx, s).unwrap();
    assert_eq!(t.recesses.len(), 2);
    assert_eq!(t.recesses[1].to.as_deref(), Some("18:40"));
}

#[test]
fn an_event_before_the_previous_one_is_refused_naming_both_times() {
    let mut w = world(TODAY);
    let s = w.session;
    shura::ops::clock::open(&mut w.ctx, s, Some("17:00")).unwrap();
    shura::ops::clock::recess(&mut w.ctx, s, Some("17:45")).unwrap();
    let r = shura::ops::clock::resume(&mut w.ctx, s, Some("17:30"));
    let msg = match &r {
        Err(e) => e.message(Lang::En),
        Ok(_) => panic!("a resumption before the recess was recorded"),
    };
    assert!(msg.contains("17:30") && msg.contains("17:45"), "{msg}");
    let fa = r.unwrap_err().message(Lang::Fa);
    assert!(fa.contains("۱۷:۳۰") && fa.contains("۱۷:۴۵"), "{fa}");
    assert!(!fa.chars().any(|c| c.is_ascii_alphabetic()), "{fa}");
    assert_eq!(kinds(&w).len(), 2, "nothing was recorded");
}

#[test]
fn closing_uses_the_recorded_adjournment_never_a_later_clock() {
    // The session is today: without the recorded adjournment, closing would take now.
    let mut w = world(TODAY);
    let s = w.session;
    shura::ops::clock::open(&mut w.ctx, s, Some("00:01")).unwrap();
    shura::ops::clock::record_adjournment(&mut w.ctx, s, Some("00:05")).unwrap();
    assert_eq!(
        w.ctx.store.session(s).unwrap().end_time.as_deref(),
        Some("00:05"),
        "the adjournment sets the end time when recorded"
    );
    // Another time is refused, naming the recorded one.
    let r = clock_refusal(shura::ops::clock::close(&mut w.ctx, s, Some("23:59")));
    assert_eq!(
        r,
        shura::model::clock::ClockRefusal::AdjournedAtOther {
            recorded: "00:05".into(),
            given: "23:59".into()
        }
    );
    let step = shura::ops::clock::close(&mut w.ctx, s, None).unwrap();
    assert_eq!(step.session.status, SessionStatus::Closed);
    assert_eq!(step.session.end_time.as_deref(), Some("00:05"));
    assert!(step.event.is_none(), "no second adjournment");
    assert_eq!(
        kinds(&w)
            .iter()
            .filter(|(k, _)| *k == SessionEventKind::Adjourned)
            .count(),
        1
    );
}

#[test]
fn a_session_of_another_day_gets_no_hour_from_the_clock() {
    let mut w = world("2026-11-01");
    let s = w.session;
    let step = shura::ops::clock::open(&mut w.ctx, s, None).unwrap();
    assert_eq!(step.session.status, SessionStatus::Open);
    assert!(step.event.is_none());
    assert_eq!(
        step.session.start_time.as_deref(),
        Some("16:30"),
        "as planned"
    );
    let r = clock_refusal(shura::ops::clock::recess(&mut w.ctx, s, None));
    assert_eq!(r, shura::model::clock::ClockRefusal::TimeNeeded);
    // With the time given, it is recorded.
    shura::ops::clock::recess(&mut w.ctx, s, Some("17:10")).unwrap();
    shura::ops::clock::resume(&mut w.ctx, s, Some("17:20")).unwrap();
    // A late arrival without a time is a mark without a time.
    let (at, _) = shura::ops::clock::arrive(&mut w.ctx, s, w.people[1], None).unwrap();
    assert_eq!(at, None);
    let step = shura::ops::clock::close(&mut w.ctx, s, Some("18:00")).unwrap();
    assert_eq!(step.session.end_time.as_deref(), Some("18:00"));
}

#[test]
fn the_quorum_follows_who_is_in_the_room() {
    let mut w = world(TODAY);
    let s = w.session;
    let (a, b, c) = (w.people[0], w.people[1], w.people[2]);
    shura::ops::clock::open(&mut w.ctx, s, Some("17:00")).unwrap();
    shura::ops::sessions::mark_attendance(&mut w.ctx, s, a, Presence::Present).unwrap();
    let q = shura::ops::sessions::mark_attendance(&mut w.ctx, s, c, Presence::Absent).unwrap();
    assert_eq!((q.present, q.required, q.met()), (1, 2, false));
    let (at, q) = shura::ops::clock::arrive(&mut w.ctx, s, b, Some("17:20")).unwrap();
    assert_eq!(at.as_deref(), Some("17:20"));
    assert_eq!((q.present, q.met()), (2, true));
    let (_, q) = shura::ops::clock::depart(&mut w.ctx, s, a, Some("18:05")).unwrap();
    assert_eq!((q.present, q.voting, q.met()), (1, 3, false), "quorum lost");
    let rec = shura::ops::record::session_record(
        &w.ctx.store,
        w.ctx.store.session(s).unwrap(),
        shura::locale::Lang::En,
    )
    .unwrap();
    let row = |p: i64| rec.attendance.iter().find(|r| r.person_id == p).unwrap();
    assert!(!row(a).in_room() && !row(a).votes_here());
    assert!(row(b).in_room() && row(b).votes_here());
    assert_eq!(row(a).left_at.as_deref(), Some("18:05"));
    assert_eq!(row(b).arrived_at.as_deref(), Some("17:20"));
    // Leaving twice, or someone absent leaving, is refused.
    let r = clock_refusal(shura::ops::clock::depart(&mut w.ctx, s, a, Some("18:10")));
    assert_eq!(r.code(), "clock_not_in_room");
    let r = clock_refusal(shura::ops::clock::depart(&mut w.ctx, s, c, Some("18:10")));
    assert_eq!(r.code(), "clock_not_in_room");
    // Leaving before arriving is refused with both times.
    let r = clock_refusal(shura::ops::clock::depart(&mut w.ctx, s, b, Some("17:10")));
    assert_eq!(r.code(), "clock_left_before_arrival");
    assert!(r.message_en().contains("17:10") && r.message_en().contains("17:20"));
    // Back in the room: the quorum is met again.
    let q = shura::ops::sessions::mark_attendance(&mut w.ctx, s, a, Presence::Present).unwrap();
    assert_eq!((q.present, q.met()), (2, true));
}

trait MessageEn {
    fn message_en(&self) -> String;
}

impl MessageEn for shura::model::clock::ClockRefusal {
    fn message_en(&self) -> String {
        shura::locale::Localized::message(self, Lang::En)
    }
}

#[test]
fn closed_session_events_follow_their_rules() {
    let mut w = world(TODAY);
    let s = w.session;
    shura::ops::clock::open(&mut w.ctx, s, Some("17:00")).unwrap();
    let r = clock_refusal(shura::ops::clock::leave_closed_session(
        &mut w.ctx,
        s,
        Some("17:05"),
    ));
    assert_eq!(r.code(), "clock_not_in_closed_session");
    shura::ops::clock::enter_closed_session(&mut w.ctx, s, Some("18:10")).unwrap();
    let r = clock_refusal(shura::ops::clock::enter_closed_session(
        &mut w.ctx,
        s,
        Some("18:15"),
    ));
    assert_eq!(r.code(), "clock_in_closed_session");
    shura::ops::clock::leave_closed_session(&mut w.ctx, s, Some("18:30")).unwrap();
    let t = shura::ops::clock::timeline(&w.ctx, s).unwrap();
    assert_eq!(t.closed[0].from, "18:10");
    assert_eq!(t.closed[0].to.as_deref(), Some("18:30"));
}

#[test]
fn the_clock_needs_the_secretary_or_chair() {
    let w = world(TODAY);
    let path = w.path.clone();
    let s = w.session;
    drop(w.ctx);
    // Someone who is neither an administrator nor a member of the body.
    let stranger = Actor {
        uid: 4242,
        login: "stranger".into(),
    };
    let mut ctx = Context::new(Store::open(&path, stranger).unwrap(), en());
    let r = shura::ops::clock::open(&mut ctx, s, Some("17:00"));
    assert!(matches!(r, Err(StoreError::Denied(_))), "{r:?}");
    let r = shura::ops::clock::arrive(&mut ctx, s, w.people[1], Some("17:00"));
    assert!(matches!(r, Err(StoreError::Denied(_))), "{r:?}");
}

// ----- the binary -----

struct Shura {
    dir: TempDir,
    db: PathBuf,
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Shura {
    fn new() -> Shura {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("council.db");
        Shura { dir, db }
    }

    fn run_env(&self, args: &[&str], now: &str) -> Run {
        let home = self.dir.path();
        let out = assert_cmd::Command::cargo_bin("shura")
            .unwrap()
            .env("SHURA_DB", &self.db)
            .env("SHURA_TODAY", TODAY)
            .env("SHURA_NOW", now)
            .env("SHURA_CONFIG", "/nonexistent")
            .env("SHURA_STATE_DIR", home.join("state"))
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_STATE_HOME", home.join("state"))
            .timeout(Duration::from_secs(120))
            .args(args)
            .output()
            .unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).unwrap(),
            stderr: String::from_utf8(out.stderr).unwrap(),
        }
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_env(args, "17:00")
    }

    fn ok(&self, args: &[&str]) -> String {
        let r = self.run(args);
        assert_eq!(r.code, 0, "shura {args:?} failed: {}", r.stderr);
        r.stdout
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = args.to_vec();
        all.push("--json");
        serde_json::from_str(&self.ok(&all)).unwrap()
    }

    fn fails(&self, args: &[&str]) -> String {
        let r = self.run(args);
        assert_eq!(r.code, 2, "shura {args:?} should fail: {}", r.stdout);
        r.stderr
    }

    /// A council with three voting members and a session today.
    fn council(&self) {
        self.ok(&["body", "add", "Town Council", "--kind", "council"]);
        for (name, login, role) in [
            ("Sara Ahmadi", "sara", "chair"),
            ("Ali Rahimi", "ali", "member"),
            ("Mina Tehrani", "mina", "member"),
        ] {
            self.ok(&["person", "add", name, "--login", login]);
            self.ok(&[
                "member", "add", "--body", "1", "--person", login, "--role", role,
            ]);
        }
        self.ok(&[
            "session", "add", "--body", "1", "--date", TODAY, "--time", "16:30",
        ]);
    }
}

#[test]
fn cli_records_the_clock_and_session_show_prints_it() {
    let s = Shura::new();
    s.council();
    let out = s.ok(&["session", "open", "1", "--at", "17:02"]);
    assert!(out.contains("17:02"), "{out}");
    s.ok(&["attend", "--session", "1", "sara", "present"]);
    s.ok(&["attend", "--session", "1", "mina", "present"]);
    let out = s.ok(&["attend", "--session", "1", "ali", "late", "--at", "17:20"]);
    assert!(out.contains("17:20") && out.contains("3 of 3"), "{out}");
    let j = s.json(&["session", "recess", "1", "--at", "17:45"]);
    assert_eq!(j["event"]["kind"], "recess");
    assert_eq!(j["event"]["at"], "17:45");
    // A second recess is refused, naming the time of the first.
    let err = s.fails(&["session", "recess", "1", "--at", "17:50"]);
    assert!(err.contains("17:45"), "{err}");
    // Resuming before the recess: both times named.
    let err = s.fails(&["session", "resume", "1", "--at", "17:40"]);
    assert!(err.contains("17:40") && err.contains("17:45"), "{err}");
    // Without --at the time is now (SHURA_NOW).
    let r = s.run_env(&["session", "resume", "1"], "18:00");
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("18:00"), "{}", r.stdout);
    let out = s.ok(&["attend", "--session", "1", "sara", "left", "--at", "18:05"]);
    assert!(out.contains("18:05") && out.contains("2 of 3"), "{out}");
    let j = s.json(&["attend", "--session", "1", "mina", "left", "--at", "18:06"]);
    assert_eq!(j["attendance"]["left_at"], "18:06");
    assert_eq!(j["quorum"]["present"], 1);
    // Back in the room.
    let j = s.json(&["attend", "--session", "1", "mina", "present"]);
    assert_eq!(j["attendance"]["left_at"], serde_json::Value::Null);
    assert_eq!(j["quorum"]["present"], 2);
    // A refusal as JSON names the rule and its times.
    let r = s.run(&["session", "recess", "1", "--at", "17:40", "--json"]);
    assert_eq!(r.code, 2);
    let v: serde_json::Value = serde_json::from_str(r.stderr.trim()).unwrap();
    assert_eq!(v["error"], "refused");
    assert_eq!(v["reason"], "clock_before_previous");
    assert_eq!(v["at"], "17:40");
    assert_eq!(v["previous"], "resumed");
    assert_eq!(v["previous_at"], "18:00");
    // left needs --at; --at goes with late or left only.
    let err = s.fails(&["attend", "--session", "1", "mina", "left"]);
    assert!(err.contains("--at"), "{err}");
    let err = s.fails(&[
        "attend",
        "--session",
        "1",
        "mina",
        "present",
        "--at",
        "18:00",
    ]);
    assert!(err.contains("--at"), "{err}");
    let err = s.fails(&["session", "close", "1", "--at", "1905"]);
    assert!(err.contains("1905"), "{err}");
    let j = s.json(&["session", "close", "1", "--at", "19:05"]);
    assert_eq!(j["session"]["status"], "closed");
    assert_eq!(j["session"]["end_time"], "19:05");

    let show = s.ok(&["session", "show", "1"]);
    for want in [
        "Called to order 17:02",
        "Recess 17:45–18:00",
        "Adjourned 19:05",
        "Ali Rahimi arrived 17:20",
        "Sara Ahmadi left 18:05",
    ] {
        assert!(show.contains(want), "{want:?} in:\n{show}");
    }
    let j = s.json(&["session", "show", "1"]);
    assert_eq!(j["start_time"], "17:02");
    assert_eq!(j["end_time"], "19:05");
    assert_eq!(j["timeline"]["called_to_order"], "17:02");
    assert_eq!(j["timeline"]["recesses"][0]["from"], "17:45");
    assert_eq!(j["timeline"]["recesses"][0]["to"], "18:00");
    assert_eq!(j["timeline"]["adjourned"], "19:05");
    assert_eq!(j["events"].as_array().unwrap().len(), 4);
    let sara = j["attendance"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["person_id"] == 1)
        .unwrap();
    assert_eq!(sara["left_at"], "18:05");
    assert_eq!(j["quorum"]["present"], 2);
}

#[test]
fn cli_in_persian_speaks_persian_with_persian_digits() {
    let s = Shura::new();
    s.council();
    s.ok(&["session", "open", "1", "--at", "17:02"]);
    s.ok(&["session", "recess", "1", "--at", "17:45"]);
    let r = s.run(&["--lang", "fa", "session", "resume", "1", "--at", "17:30"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("۱۷:۳۰") && r.stderr.contains("۱۷:۴۵"),
        "{}",
        r.stderr
    );
    // The program's name leads every error line.
    let text = r.stderr.trim_start_matches("shura:");
    assert!(
        !text.chars().any(|c| c.is_ascii_alphabetic()),
        "no English word: {}",
        r.stderr
    );
    let out = s.ok(&["--lang", "fa", "session", "resume", "1", "--at", "18:00"]);
    assert!(out.contains("۱۸:۰۰") && out.contains("ادامه جلسه"), "{out}");
    let show = s.ok(&["--lang", "fa", "session", "show", "1"]);
    assert!(show.contains("تنفس") && show.contains("۱۷:۴۵"), "{show}");
}

#[test]
fn exported_minutes_have_the_times() {
    let mut w = world(TODAY);
    let s = w.session;
    let (a, b) = (w.people[0], w.people[1]);
    shura::ops::clock::open(&mut w.ctx, s, Some("17:00")).unwrap();
    shura::ops::sessions::mark_attendance(&mut w.ctx, s, a, Presence::Present).unwrap();
    shura::ops::clock::arrive(&mut w.ctx, s, b, Some("17:20")).unwrap();
    shura::ops::clock::recess(&mut w.ctx, s, Some("17:45")).unwrap();
    shura::ops::clock::resume(&mut w.ctx, s, Some("18:00")).unwrap();
    shura::ops::clock::depart(&mut w.ctx, s, a, Some("18:05")).unwrap();
    shura::ops::clock::enter_closed_session(&mut w.ctx, s, Some("18:10")).unwrap();
    shura::ops::clock::leave_closed_session(&mut w.ctx, s, Some("18:30")).unwrap();
    shura::ops::clock::close(&mut w.ctx, s, Some("19:05")).unwrap();
    let rec = shura::ops::record::session_record(
        &w.ctx.store,
        w.ctx.store.session(s).unwrap(),
        shura::locale::Lang::En,
    )
    .unwrap();
    let md = shura::ops::export::minutes_markdown(&rec, &w.ctx.store, en()).unwrap();
    for want in [
        "## Times",
        "Called to order:** 17:00",
        "Recess:** 17:45–18:00",
        "Closed session:** 18:10–18:30",
        "Adjourned:** 19:05",
        "Ali Rahimi arrived 17:20",
        "Sara Ahmadi left 18:05",
    ] {
        assert!(md.contains(want), "{want:?} in:\n{md}");
    }
    // The quorum the minutes state is the one at the call to order: only Sara then.
    assert!(
        md.contains("1 of 3 voting members present at the call to order, 17:00"),
        "{md}"
    );
    let at = |t: &str| shura::ops::record::quorum_at(&rec, t).present;
    assert_eq!(
        (at("17:10"), at("17:20"), at("18:05"), at("19:00")),
        (1, 2, 1, 1)
    );
    // In time order, not the roll's (Sara comes first in the roll).
    assert!(
        md.find("Ali Rahimi arrived").unwrap() < md.find("Sara Ahmadi left").unwrap(),
        "{md}"
    );
    let html = shura::ops::export::minutes_html(&rec, &w.ctx.store, en()).unwrap();
    for want in ["17:45–18:00", "18:10–18:30", "Ali Rahimi arrived 17:20"] {
        assert!(html.contains(want), "{want:?} in:\n{html}");
    }
    let fa = Prefs {
        lang: Lang::Fa,
        calendar: Calendar::Jalali,
        ..Prefs::default()
    };
    let md = shura::ops::export::minutes_markdown(&rec, &w.ctx.store, fa).unwrap();
    assert!(md.contains("## زمان‌ها"), "{md}");
    assert!(md.contains("۱۷:۴۵–۱۸:۰۰"), "{md}");
    assert!(md.contains("ساعت ۱۸:۰۵ خارج شد"), "{md}");
}

// ----- the TUI -----

mod common;

use shura::app::form::FormPurpose;
use shura::app::keymap::Action;
use shura::app::state::{App, Modal, SessionPane};

/// The app on the world's session screen.
fn app_on_session(w: World) -> (App, i64, Vec<i64>, TempDir) {
    let World {
        _dir,
        ctx,
        session,
        people,
        ..
    } = w;
    let mut app = App::new(ctx);
    app.open_session_screen(session).unwrap();
    (app, session, people, _dir)
}

fn status_of(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

fn press(app: &mut App, c: char) {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let m = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    shura::tui::handle_key(app, KeyEvent::new(KeyCode::Char(c), m));
}

fn render(app: &mut App, width: u16, height: u16) -> String {
    let theme = shura::tui::theme::Theme::monochrome();
    app.resize(height);
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| shura::tui::draw::draw(f, app, &theme))
        .unwrap();
    common::buffer_text(terminal.backend().buffer())
}

#[test]
fn tui_close_asks_the_adjournment_time_prefilled_with_now() {
    let mut w = world(TODAY);
    shura::ops::clock::open(&mut w.ctx, w.session, Some("00:00")).unwrap();
    let (mut app, s, _, _dir) = app_on_session(w);
    press(&mut app, 'C');
    let Some(Modal::Form(form)) = &mut app.modal else {
        panic!("C opens the adjournment form: {}", status_of(&app));
    };
    assert_eq!(form.purpose, FormPurpose::Adjourn { session_id: s });
    let prefilled = form.get("at").to_string();
    assert!(
        shura::store::write::check_time(&prefilled).is_ok(),
        "prefilled with now: {prefilled:?}"
    );
    assert_eq!(
        app.ctx.store.session(s).unwrap().status,
        SessionStatus::Open,
        "nothing is closed before the form is saved"
    );
    // The time typed is the adjournment.
    if let Some(Modal::Form(form)) = &mut app.modal {
        form.set("at", "23:59");
    }
    let screen = render(&mut app, 80, 24);
    insta::assert_snapshot!("close_form_en_80x24", screen);
    shura::tui::handle_key(
        &mut app,
        crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Enter,
            crossterm::event::KeyModifiers::NONE,
        ),
    );
    assert!(app.modal.is_none(), "{:?}", app.modal);
    let session = app.ctx.store.session(s).unwrap();
    assert_eq!(session.status, SessionStatus::Closed);
    assert_eq!(session.end_time.as_deref(), Some("23:59"));
    assert!(status_of(&app).contains("23:59"), "{}", status_of(&app));
}

#[test]
fn tui_close_takes_the_recorded_adjournment_without_asking() {
    let mut w = world(TODAY);
    shura::ops::clock::open(&mut w.ctx, w.session, Some("00:00")).unwrap();
    shura::ops::clock::record_adjournment(&mut w.ctx, w.session, Some("00:01")).unwrap();
    let (mut app, s, _, _dir) = app_on_session(w);
    press(&mut app, 'C');
    assert!(app.modal.is_none(), "no form: {:?}", app.modal);
    let session = app.ctx.store.session(s).unwrap();
    assert_eq!(session.status, SessionStatus::Closed);
    assert_eq!(
        session.end_time.as_deref(),
        Some("00:01"),
        "not the key press"
    );
    assert!(status_of(&app).contains("00:01"), "{}", status_of(&app));
}

#[test]
fn tui_keys_take_a_recess_resume_and_mark_a_late_arrival_with_its_time() {
    let mut w = world(TODAY);
    shura::ops::clock::open(&mut w.ctx, w.session, Some("00:00")).unwrap();
    let (mut app, s, people, _dir) = app_on_session(w);
    press(&mut app, 'R');
    assert!(!app.status.as_ref().unwrap().error, "{}", status_of(&app));
    press(&mut app, 'R');
    assert!(
        app.status.as_ref().unwrap().error,
        "a second recess is refused"
    );
    press(&mut app, 'U');
    assert!(!app.status.as_ref().unwrap().error, "{}", status_of(&app));
    let kinds: Vec<SessionEventKind> = app
        .ctx
        .store
        .session_events(s)
        .unwrap()
        .into_iter()
        .map(|e| e.kind)
        .collect();
    assert_eq!(
        kinds,
        vec![
            SessionEventKind::CalledToOrder,
            SessionEventKind::Recess,
            SessionEventKind::Resumed
        ]
    );
    // The header shows the recess, from and to.
    let events = app.ctx.store.session_events(s).unwrap();
    let span = format!("Recess {}–{}", events[1].at, events[2].at);
    let screen = render(&mut app, 160, 48);
    assert!(screen.contains(&span), "{span} in:\n{screen}");
    // L in the roll call: late, with the time of arrival.
    while app.session.as_ref().unwrap().pane != SessionPane::RollCall {
        app.update(Action::NextPane);
    }
    app.update(Action::Top);
    press(&mut app, 'L');
    let marks = app.ctx.store.attendance(s).unwrap();
    let first = marks.iter().find(|a| a.person_id == people[0]).unwrap();
    assert_eq!(first.presence, Presence::Late);
    assert!(first.arrived_at.is_some(), "{first:?}");
    let screen = render(&mut app, 160, 48);
    assert!(screen.contains("Late "), "{screen}");
    // v: the member under the cursor leaves, now; the quorum counts them no more.
    app.update(Action::Top);
    press(&mut app, 'v');
    assert!(!app.status.as_ref().unwrap().error, "{}", status_of(&app));
    let marks = app.ctx.store.attendance(s).unwrap();
    let first = marks.iter().find(|a| a.person_id == people[0]).unwrap();
    assert!(first.left_at.is_some(), "{first:?}");
    assert_eq!(app.session.as_ref().unwrap().record.quorum.present, 0);
    let screen = render(&mut app, 160, 48);
    assert!(screen.contains("Left "), "{screen}");
}

#[test]
fn a_step_of_the_clock_is_one_change_of_the_session() {
    let mut w = world(TODAY);
    let s = w.session;
    let v0 = w.ctx.store.session(s).unwrap().version;
    let step = shura::ops::clock::open(&mut w.ctx, s, Some("17:00")).unwrap();
    assert_eq!(
        step.session.version,
        v0 + 1,
        "status and start time together"
    );
    // A recess changes no field of the session.
    shura::ops::clock::recess(&mut w.ctx, s, Some("17:30")).unwrap();
    assert_eq!(w.ctx.store.session(s).unwrap().version, v0 + 1);
    shura::ops::clock::resume(&mut w.ctx, s, Some("17:40")).unwrap();
    shura::ops::clock::close(&mut w.ctx, s, Some("18:00")).unwrap();
    // Reopened: the call to order stays, and another time for it is refused.
    let r = clock_refusal(shura::ops::clock::open(&mut w.ctx, s, Some("18:10")));
    assert_eq!(
        r,
        shura::model::clock::ClockRefusal::CalledToOrder { at: "17:00".into() }
    );
    let step = shura::ops::clock::open(&mut w.ctx, s, None).unwrap();
    assert_eq!(step.session.start_time.as_deref(), Some("17:00"));
}

#[test]
fn a_session_in_recess_is_not_closed_even_without_a_time() {
    let mut w = world("2026-11-01");
    let s = w.session;
    shura::ops::clock::open(&mut w.ctx, s, Some("17:00")).unwrap();
    shura::ops::clock::recess(&mut w.ctx, s, Some("17:30")).unwrap();
    let r = clock_refusal(shura::ops::clock::close(&mut w.ctx, s, None));
    assert_eq!(
        r,
        shura::model::clock::ClockRefusal::InRecess {
            since: "17:30".into()
        }
    );
    assert_eq!(w.ctx.store.session(s).unwrap().status, SessionStatus::Open);
}

/// The app on a session with a recess, a late arrival and a departure, in the roll call.
fn timed_app(prefs: Prefs) -> (App, TempDir) {
    let mut w = world(TODAY);
    let s = w.session;
    let (a, b) = (w.people[0], w.people[1]);
    shura::ops::clock::open(&mut w.ctx, s, Some("17:00")).unwrap();
    shura::ops::sessions::mark_attendance(&mut w.ctx, s, a, Presence::Present).unwrap();
    shura::ops::clock::arrive(&mut w.ctx, s, b, Some("17:20")).unwrap();
    shura::ops::clock::recess(&mut w.ctx, s, Some("17:45")).unwrap();
    shura::ops::clock::resume(&mut w.ctx, s, Some("18:00")).unwrap();
    shura::ops::clock::depart(&mut w.ctx, s, a, Some("18:05")).unwrap();
    w.ctx.prefs = prefs;
    let (mut app, _, _, dir) = app_on_session(w);
    while app.session.as_ref().unwrap().pane != SessionPane::RollCall {
        app.update(Action::NextPane);
    }
    (app, dir)
}

#[test]
fn tui_session_screen_shows_the_times() {
    let (mut app, _dir) = timed_app(en());
    insta::assert_snapshot!("session_times_en_100x20", render(&mut app, 100, 20));
    let (mut app, _dir) = timed_app(Prefs {
        lang: Lang::Fa,
        calendar: Calendar::Jalali,
        ..Prefs::default()
    });
    insta::assert_snapshot!("session_times_fa_100x20", render(&mut app, 100, 20));
    press(&mut app, 'C');
    if let Some(Modal::Form(form)) = &mut app.modal {
        form.set("at", "۱۹:۰۵");
    }
    insta::assert_snapshot!("close_form_fa_100x20", render(&mut app, 100, 20));
}

#[test]
fn tui_close_form_keeps_a_bad_time_with_its_error_and_a_planned_session_is_refused_at_once() {
    let mut w = world(TODAY);
    shura::ops::clock::open(&mut w.ctx, w.session, Some("17:00")).unwrap();
    shura::ops::clock::recess(&mut w.ctx, w.session, Some("17:30")).unwrap();
    shura::ops::clock::resume(&mut w.ctx, w.session, Some("17:40")).unwrap();
    let (mut app, s, _, _dir) = app_on_session(w);
    press(&mut app, 'C');
    let enter = |app: &mut App| {
        shura::tui::handle_key(
            app,
            crossterm::event::KeyEvent::new(
                crossterm::event::KeyCode::Enter,
                crossterm::event::KeyModifiers::NONE,
            ),
        )
    };
    for (typed, names) in [("25:00", "25:00"), ("17:35", "17:40")] {
        if let Some(Modal::Form(form)) = &mut app.modal {
            form.set("at", typed);
        }
        enter(&mut app);
        match &app.modal {
            Some(Modal::Form(f)) => {
                let err = f.error.clone().unwrap_or_default();
                assert!(err.contains(names), "{typed}: {err}");
                assert_eq!(f.get("at"), typed, "what was typed stays");
            }
            other => panic!("{typed}: the form stays open: {other:?}"),
        }
    }
    assert_eq!(
        app.ctx.store.session(s).unwrap().status,
        SessionStatus::Open
    );

    let w = world(TODAY);
    let (mut app, s, _, _dir) = app_on_session(w);
    press(&mut app, 'C');
    assert!(app.modal.is_none(), "no form for a planned session");
    assert!(app.status.as_ref().unwrap().error, "{}", status_of(&app));
    assert_eq!(
        app.ctx.store.session(s).unwrap().status,
        SessionStatus::Planned
    );
}

#[test]
fn the_store_checks_the_order_of_events_inside_its_write() {
    let mut w = world(TODAY);
    let s = w.session;
    w.ctx
        .store
        .clock_step(
            s,
            Some((SessionEventKind::CalledToOrder, "17:00")),
            Some(SessionStatus::Open),
        )
        .unwrap();
    let r = w
        .ctx
        .store
        .clock_step(s, Some((SessionEventKind::Recess, "16:59")), None);
    assert_eq!(clock_refusal(r).code(), "clock_before_previous");
    let r = w
        .ctx
        .store
        .clock_step(s, Some((SessionEventKind::Resumed, "17:10")), None);
    assert_eq!(clock_refusal(r).code(), "clock_not_in_recess");
    // Refused with its status change: neither is written.
    let r = w.ctx.store.clock_step(
        s,
        Some((SessionEventKind::CalledToOrder, "17:30")),
        Some(SessionStatus::Planned),
    );
    assert_eq!(clock_refusal(r).code(), "clock_called_to_order");
    assert_eq!(w.ctx.store.session(s).unwrap().status, SessionStatus::Open);
    assert_eq!(kinds(&w).len(), 1);
}

/// The same adjournment from either front end stores the same session and events.
#[test]
fn closing_at_a_time_from_the_tui_and_the_cli_stores_the_same() {
    let by_cli = Shura::new();
    let by_tui = Shura::new();
    for s in [&by_cli, &by_tui] {
        s.council();
        s.ok(&["session", "open", "1", "--at", "17:00"]);
        s.ok(&["session", "recess", "1", "--at", "17:30"]);
        s.ok(&["session", "resume", "1", "--at", "17:40"]);
    }
    by_cli.ok(&["session", "close", "1", "--at", "19:05"]);

    let store = Store::open(&by_tui.db, Actor::current()).unwrap();
    let mut app = App::new(Context {
        store,
        prefs: en(),
        today: day(TODAY),
    });
    app.open_session_screen(1).unwrap();
    press(&mut app, 'C');
    if let Some(Modal::Form(form)) = &mut app.modal {
        form.set("at", "19:05");
    } else {
        panic!("the adjournment form: {}", status_of(&app));
    }
    shura::tui::handle_key(
        &mut app,
        crossterm::event::KeyEvent::new(
            crossterm::event::KeyCode::Enter,
            crossterm::event::KeyModifiers::NONE,
        ),
    );
    assert!(app.modal.is_none(), "{:?}", app.modal);
    drop(app);

    let rows = |db: &PathBuf| {
        let store = Store::open(db, Actor::current()).unwrap();
        let s = store.session(1).unwrap();
        let events: Vec<(SessionEventKind, String)> = store
            .session_events(1)
            .unwrap()
            .into_iter()
            .map(|e| (e.kind, e.at))
            .collect();
        (s.status, s.start_time, s.end_time, s.version, events)
    };
    let cli = rows(&by_cli.db);
    assert_eq!(cli, rows(&by_tui.db));
    assert_eq!(cli.2.as_deref(), Some("19:05"));
    assert_eq!(cli.4.len(), 4);
}
