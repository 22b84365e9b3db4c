//! What a body took in closed session stays with its members and the administrators in
//! every read, not only in the minutes: search, resolutions (list, count, one), motions
//! and tasks. One body on a real database file: an open item with a resolution and a
//! task, and a closed item with minutes, a motion voted by roll call that became a
//! resolution, and a task on that resolution; read as a non-member, a member and an
//! administrator, through the store and through the built binary as `nobody`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

mod common;

use shura::identity::Actor;
use shura::locale::Prefs;
use shura::model::rules::MeetingRule;
use shura::model::voting::{Choice, MotionKind, Procedure, VotingRule};
use shura::model::*;
use shura::ops::motions::{self, HowVoted, MoveMotion, TakeVote};
use shura::ops::Context;
use shura::store::read::{ResolutionFilter, TaskFilter};
use shura::store::write::*;
use shura::store::{Store, StoreError};

fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

struct World {
    path: PathBuf,
    session: i64,
    open_resolution: i64,
    closed_resolution: i64,
    closed_motion: i64,
    closed_task: i64,
    open_task: i64,
}

/// Carries a main motion on `item` by roll call (both members for), giving its
/// resolution's id.
fn carried(ctx: &mut Context, s: i64, item: i64, text: &str, a: i64, b: i64) -> (i64, i64) {
    let m = motions::move_motion(
        ctx,
        &MoveMotion {
            session_id: s,
            item_id: Some(item),
            kind: MotionKind::Substantive,
            text: text.into(),
            mover: Some(a),
            seconder: Some(b),
            at: Some("10:00".into()),
        },
    )
    .expect("move")
    .id;
    let r = motions::vote(
        ctx,
        &TakeVote {
            motion_id: m,
            how: HowVoted::Roll(vec![(a, Choice::Yes), (b, Choice::Yes)]),
            casting_vote: None,
            declared: None,
            without_quorum: false,
            owner: None,
            due: None,
            number: None,
        },
    )
    .expect("vote");
    assert!(r.outcome.carried);
    (m, r.resolutions[0].id)
}

fn world(dir: &Path) -> World {
    let path = dir.join("board.db");
    let store = Store::open(&path, Actor::current()).expect("open");
    let mut ctx = Context::new(store, Prefs::default());
    let (rule, quorum) = VotingRule::preset("roberts").expect("preset");
    let body = ctx
        .store
        .add_body(&NewBody {
            name: Name::guess("Riverside Library Board"),
            kind: BodyKind::Council,
            parent_id: None,
            quorum,
            meeting_rule: MeetingRule::None,
            resolution_format: "{year}/{seq}".into(),
            agenda_template: vec![],
            confidential: false,
            formed_on: None,
            procedure: Procedure {
                voting_rule: rule,
                second_required: true,
                number_rejected: false,
            },
            agenda_closing: Vec::new(),
            number_per_term: false,
            fiscal_year: Default::default(),
            signing: Default::default(),
            law_profile: Default::default(),
            absence_rule: Default::default(),
        })
        .expect("body");
    let mut p = Vec::new();
    for (name, login) in [("Alice Chair", None), ("Bob Baker", Some("daemon"))] {
        let id = ctx
            .store
            .add_person(&NewPerson {
                name: Name::guess(name),
                login: login.map(str::to_string),
                ..Default::default()
            })
            .expect("person");
        ctx.store
            .add_membership(&NewMembership {
                body_id: body,
                person_id: id,
                role: if login.is_some() {
                    Role::Secretary
                } else {
                    Role::Chair
                },
                voting: true,
                term_start: None,
                term_end: None,
            })
            .expect("member");
        p.push(id);
    }
    // Someone known to shura by login, a member of nothing.
    ctx.store
        .add_person(&NewPerson {
            name: Name::guess("Olive Outsider"),
            login: Some("nobody".into()),
            ..Default::default()
        })
        .expect("outsider");
    let (alice, bob) = (p[0], p[1]);
    let s = ctx
        .store
        .add_session(&NewSession {
            body_id: body,
            kind: SessionKind::Regular,
            date: day(2024, 12, 5),
            start_time: Some("18:00".into()),
            end_time: None,
            place: None,
            prepare_agenda: false,
            number: None,
        })
        .expect("session")
        .id;
    ctx.store
        .set_session_status(s, SessionStatus::Open)
        .expect("open");
    for id in &p {
        ctx.store
            .set_attendance(s, *id, Presence::Present)
            .expect("attendance");
    }
    let item = |ctx: &mut Context, title: &str| {
        shura::ops::agenda::add_item(
            ctx,
            &NewAgendaItem {
                session_id: s,
                title: title.into(),
                presenter: None,
                duration_min: None,
                ..Default::default()
            },
        )
        .expect("item")
    };
    let roof = item(&mut ctx, "Roof repair");
    let personnel = item(&mut ctx, "Personnel matter Zebulon");

    let (_, open_resolution) = carried(&mut ctx, s, roof, "That the roof be repaired", alice, bob);
    let open_task = ctx
        .store
        .add_task(&NewTask {
            body_id: None,
            resolution_id: Some(open_resolution),
            agenda_item_id: None,
            title: "Call the roofer".into(),
            description: None,
            assignee_id: None,
            assignee_unit: None,
            due: Some(day(2025, 1, 10)),
            priority: Priority::Normal,
            created_on: None,
        })
        .expect("task");

    shura::ops::agenda::set_closed(&mut ctx, personnel, true).expect("closed");
    shura::ops::agenda::set_minutes(
        &mut ctx,
        personnel,
        "The board discussed the conduct of Zed Zebulon.",
        None,
    )
    .expect("minutes");
    let (closed_motion, closed_resolution) = carried(
        &mut ctx,
        s,
        personnel,
        "That Zebulon be given a written warning",
        alice,
        bob,
    );
    let closed_task = ctx
        .store
        .add_task(&NewTask {
            body_id: None,
            resolution_id: Some(closed_resolution),
            agenda_item_id: None,
            title: "Write the Zebulon letter".into(),
            description: None,
            assignee_id: Some(bob),
            assignee_unit: None,
            due: Some(day(2025, 1, 10)),
            priority: Priority::Normal,
            created_on: None,
        })
        .expect("task");
    World {
        path,
        session: s,
        open_resolution,
        closed_resolution,
        closed_motion,
        closed_task,
        open_task,
    }
}

fn as_login(w: &World, uid: u32, login: &str) -> Context {
    let actor = Actor {
        uid,
        login: login.into(),
    };
    Context::new(Store::open(&w.path, actor).unwrap(), Prefs::default())
}

fn resolution_ids(ctx: &Context) -> Vec<i64> {
    let mut ids: Vec<i64> = ctx
        .store
        .resolutions(&ResolutionFilter::default())
        .unwrap()
        .into_iter()
        .map(|r| r.resolution.id)
        .collect();
    ids.sort_unstable();
    ids
}

fn task_ids(ctx: &Context) -> Vec<i64> {
    let mut ids: Vec<i64> = ctx
        .store
        .tasks(&TaskFilter::default())
        .unwrap()
        .into_iter()
        .map(|t| t.task.id)
        .collect();
    ids.sort_unstable();
    ids
}

fn search(ctx: &Context, q: &str) -> Vec<(&'static str, i64)> {
    ctx.store
        .search(q, None, 50)
        .unwrap()
        .into_iter()
        .map(|h| (h.entity, h.id))
        .collect()
}

#[test]
fn a_non_member_reads_nothing_of_a_closed_item_and_members_and_administrators_all() {
    let dir = tempfile::tempdir().unwrap();
    let w = world(dir.path());

    let outsider = as_login(&w, 65534, "nobody");
    // Search: the closed item's title and minutes, its resolution and its task.
    assert_eq!(search(&outsider, "Zebulon"), vec![]);
    assert_eq!(search(&outsider, "conduct"), vec![]);
    assert_eq!(search(&outsider, "letter"), vec![]);
    // …while what was taken in the open is found.
    let roof = search(&outsider, "roof");
    assert!(
        roof.contains(&("resolution", w.open_resolution)),
        "{roof:?}"
    );
    assert!(search(&outsider, "roofer").contains(&("task", w.open_task)));
    // Resolutions: listed, counted and read one by one.
    assert_eq!(resolution_ids(&outsider), vec![w.open_resolution]);
    assert_eq!(
        outsider
            .store
            .count_resolutions(&ResolutionFilter::default(), 100)
            .unwrap(),
        (1, false)
    );
    assert!(matches!(
        outsider.store.resolution(w.closed_resolution),
        Err(StoreError::NotFound { .. })
    ));
    assert!(outsider.store.resolution(w.open_resolution).is_ok());
    // Motions: the session's list and the one motion.
    let motions: Vec<i64> = outsider
        .store
        .motions(w.session)
        .unwrap()
        .iter()
        .map(|m| m.id)
        .collect();
    assert!(
        !motions.contains(&w.closed_motion) && motions.len() == 1,
        "{motions:?}"
    );
    assert!(matches!(
        outsider.store.motion(w.closed_motion),
        Err(StoreError::NotFound { .. })
    ));
    // Tasks: the one on the closed item's resolution.
    assert_eq!(task_ids(&outsider), vec![w.open_task]);
    assert_eq!(
        outsider
            .store
            .count_tasks(&TaskFilter::default(), 100)
            .unwrap(),
        (1, false)
    );
    assert!(matches!(
        outsider.store.task(w.closed_task),
        Err(StoreError::NotFound { .. })
    ));
    // A login shura does not know at all is no better off.
    let stranger = as_login(&w, 61_000, "stranger");
    assert_eq!(search(&stranger, "Zebulon"), vec![]);
    assert_eq!(resolution_ids(&stranger), vec![w.open_resolution]);

    // A member (the secretary) and an administrator read everything.
    let member = as_login(&w, 1, "daemon");
    let admin = Context::new(
        Store::open(&w.path, Actor::current()).unwrap(),
        Prefs::default(),
    );
    for ctx in [&member, &admin] {
        let found = search(ctx, "Zebulon");
        assert!(found.iter().any(|h| h.0 == "agenda_item"), "{found:?}");
        assert!(
            found.contains(&("resolution", w.closed_resolution)),
            "{found:?}"
        );
        assert!(found.contains(&("task", w.closed_task)), "{found:?}");
        assert_eq!(
            resolution_ids(ctx),
            vec![w.open_resolution, w.closed_resolution]
        );
        assert_eq!(
            ctx.store
                .count_resolutions(&ResolutionFilter::default(), 100)
                .unwrap(),
            (2, false)
        );
        assert!(ctx.store.resolution(w.closed_resolution).is_ok());
        assert_eq!(ctx.store.motions(w.session).unwrap().len(), 2);
        assert!(ctx.store.motion(w.closed_motion).is_ok());
        assert_eq!(task_ids(ctx), vec![w.open_task, w.closed_task]);
        assert!(ctx.store.task(w.closed_task).is_ok());
    }
    assert!(member.store.closed_hidden().is_empty() && admin.store.closed_hidden().is_empty());
}

// ---- The command line, run as another Unix user (needs root, as CI runs).

use common::{is_root, shura_as};

#[test]
fn cli_search_and_resolution_show_keep_the_closed_item_from_nobody() {
    if !is_root() {
        eprintln!("SKIPPED: runs shura as the user nobody, which needs root (CI runs as root)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let w = world(dir.path());
    for f in std::fs::read_dir(dir.path()).unwrap() {
        let f = f.unwrap().path();
        std::fs::set_permissions(&f, std::fs::Permissions::from_mode(0o666)).unwrap();
    }
    let nobody = Some((65534, 65534));
    let closed = w.closed_resolution.to_string();

    let (code, out, err) = shura_as(dir.path(), &w.path, nobody, &["search", "Zebulon"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        !out.to_lowercase().contains("zebulon"),
        "nobody found the closed item: {out}"
    );
    let (code, out, err) = shura_as(
        dir.path(),
        &w.path,
        nobody,
        &["search", "Zebulon", "--json"],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&out).unwrap(),
        serde_json::json!([])
    );
    let (code, out, _) = shura_as(dir.path(), &w.path, nobody, &["search", "roof"]);
    assert_eq!(code, 0);
    assert!(out.contains("roof"), "{out}");

    for args in [
        vec!["resolution", "show", closed.as_str()],
        vec!["resolution", "show", closed.as_str(), "--json"],
    ] {
        let (code, out, err) = shura_as(dir.path(), &w.path, nobody, &args);
        assert_ne!(code, 0, "nobody read the closed resolution: {out}");
        assert!(
            !out.contains("Zebulon") && !err.contains("Zebulon"),
            "{out}{err}"
        );
        assert!(
            err.contains(&format!("no resolution \"{closed}\" exists"))
                || err.contains(&format!("no resolution \\\"{closed}\\\" exists")),
            "{err}"
        );
    }
    let (code, out, err) = shura_as(
        dir.path(),
        &w.path,
        nobody,
        &["resolution", "list", "--json"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("Zebulon") && out.contains("roof"), "{out}");

    let sid = w.session.to_string();
    let (code, out, err) = shura_as(
        dir.path(),
        &w.path,
        nobody,
        &["motion", "list", "--session", &sid, "--json"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("Zebulon") && out.contains("roof"), "{out}");
    let (code, _, err) = shura_as(
        dir.path(),
        &w.path,
        nobody,
        &["motion", "show", &w.closed_motion.to_string()],
    );
    assert_ne!(code, 0);
    assert!(!err.contains("Zebulon"), "{err}");

    // The secretary (login daemon) reads both.
    let (code, out, err) = shura_as(
        dir.path(),
        &w.path,
        Some((1, 1)),
        &["motion", "list", "--session", &sid, "--json"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Zebulon") && out.contains("roof"), "{out}");
    let daemon = Some((1, 1));
    let (code, out, err) = shura_as(dir.path(), &w.path, daemon, &["search", "Zebulon"]);
    assert_eq!(code, 0, "{err}");
    for entity in ["agenda_item", "resolution", "task"] {
        assert!(out.contains(entity) && out.contains("[zebulon]"), "{out}");
    }
    let (code, out, err) = shura_as(
        dir.path(),
        &w.path,
        daemon,
        &["resolution", "show", &closed],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Zebulon"), "{out}");
}
