//! Roles on the app layer: every role against every activity through `ops::authz` (the
//! check the CLI and the TUI call), real writes through the TUI's `App` for each role,
//! and confidential bodies hidden from non-members in listings, search, dashboard,
//! reports and exports. These run as any user: the actors are constructed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use shura::app::keymap::Action;
use shura::app::state::{App, Modal};
use shura::identity::Actor;
use shura::locale::Lang;
use shura::locale::Prefs;
use shura::model::roles::Activity;
use shura::model::rules::{MeetingRule, QuorumRule};
use shura::model::*;
use shura::ops::authz;
use shura::ops::Context;
use shura::store::read::{ResolutionFilter, TaskFilter};
use shura::store::write::*;
use shura::store::{Store, StoreError};
use tempfile::TempDir;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2026-11-22";

fn actor(login: &str) -> Actor {
    Actor {
        uid: 5000 + login.len() as u32,
        login: login.into(),
    }
}

/// Every kind of user the matrix tries.
const USERS: &[&str] = &[
    "founder", "admin2", "chair", "vice", "sec", "mem", "obs", "stranger", "nobody", "csec",
];

struct World {
    _dir: TempDir,
    path: PathBuf,
    finance: i64,
    secret: i64,
    /// A closed session of Finance (ready to approve), with an item.
    session: i64,
    item: i64,
    /// A task of Finance assigned to `mem`, and one assigned to `obs`.
    mem_task: i64,
    obs_task: i64,
    secret_session: i64,
    secret_item: i64,
    secret_resolution: i64,
    secret_task: i64,
}

fn body(store: &mut Store, en: &str, confidential: bool) -> i64 {
    store
        .add_body(&NewBody {
            name: Name::new(None, Some(en.into())),
            kind: BodyKind::Commission,
            parent_id: None,
            quorum: QuorumRule::parse("majority").unwrap(),
            meeting_rule: MeetingRule::parse("none").unwrap(),
            resolution_format: "{seq}".into(),
            agenda_template: vec![],
            confidential,
            formed_on: Some(day("2026-01-01")),
            procedure: Default::default(),
            agenda_closing: Vec::new(),
            number_per_term: false,
            fiscal_year: Default::default(),
            signing: Default::default(),
            law_profile: Default::default(),
            absence_rule: Default::default(),
        })
        .unwrap()
}

fn person(store: &mut Store, name: &str, login: &str) -> i64 {
    store
        .add_person(&NewPerson {
            name: Name::new(None, Some(name.into())),
            login: Some(login.into()),
            organization: None,
            email: None,
        })
        .unwrap()
}

fn member(store: &mut Store, body_id: i64, person_id: i64, role: Role) {
    store
        .add_membership(&NewMembership {
            body_id,
            person_id,
            role,
            voting: role != Role::Observer,
            term_start: None,
            term_end: None,
        })
        .unwrap();
}

fn session(store: &mut Store, body_id: i64, date: &str) -> i64 {
    store
        .add_session(&NewSession {
            body_id,
            kind: SessionKind::Regular,
            date: day(date),
            start_time: None,
            end_time: None,
            place: None,
            prepare_agenda: false,
            number: None,
        })
        .unwrap()
        .id
}

fn item(store: &mut Store, session_id: i64, title: &str) -> i64 {
    store
        .add_agenda_item(&NewAgendaItem {
            session_id,
            title: title.into(),
            presenter: None,
            duration_min: None,
            ..Default::default()
        })
        .unwrap()
}

fn task(store: &mut Store, body_id: i64, title: &str, assignee: i64) -> i64 {
    store
        .add_task(&NewTask {
            body_id: Some(body_id),
            resolution_id: None,
            agenda_item_id: None,
            title: title.into(),
            description: None,
            assignee_id: Some(assignee),
            assignee_unit: None,
            due: Some(day("2026-11-01")),
            priority: Priority::Normal,
            created_on: Some(day("2026-10-01")),
        })
        .unwrap()
}

/// Finance Commission (chair, vice-chair, secretary, member, observer) and a
/// confidential Secret Board (its own secretary), made by `founder`.
fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shura.db");
    let mut s = Store::open(&path, actor("founder")).unwrap();
    let finance = body(&mut s, "Finance Commission", false);
    let secret = body(&mut s, "Secret Board", true);
    let ids: Vec<i64> = ["chair", "vice", "sec", "mem", "obs", "stranger", "csec"]
        .iter()
        .map(|l| person(&mut s, &format!("Person {l}"), l))
        .collect();
    member(&mut s, finance, ids[0], Role::Chair);
    member(&mut s, finance, ids[1], Role::ViceChair);
    member(&mut s, finance, ids[2], Role::Secretary);
    member(&mut s, finance, ids[3], Role::Member);
    member(&mut s, finance, ids[4], Role::Observer);
    member(&mut s, secret, ids[6], Role::Secretary);
    s.grant_administrator("admin2").unwrap();

    let session_id = session(&mut s, finance, "2026-11-10");
    let item_id = item(&mut s, session_id, "Budget zanzibar review");
    s.set_session_status(session_id, SessionStatus::Open)
        .unwrap();
    s.set_session_status(session_id, SessionStatus::Closed)
        .unwrap();
    let mem_task = task(&mut s, finance, "Collect zanzibar invoices", ids[3]);
    let obs_task = task(&mut s, finance, "Observe the audit", ids[4]);

    let secret_session = session(&mut s, secret, "2026-11-12");
    let secret_item = item(&mut s, secret_session, "Covert zanzibar purchase");
    s.set_minutes(secret_item, "Zanzibar minutes nobody else may read", None)
        .unwrap();
    let secret_resolution = s
        .add_resolution(&NewResolution {
            body_id: secret,
            session_id: Some(secret_session),
            agenda_item_id: Some(secret_item),
            text: "Buy the zanzibar building quietly".into(),
            decision: Decision::Adopted,
            tally: None,
            votes: vec![],
            owner: None,
            due: Some(day("2026-11-15")),
            created_on: None,
            number: None,
        })
        .unwrap()
        .id;
    let secret_task = task(&mut s, secret, "Sign the zanzibar deed", ids[6]);
    World {
        _dir: dir,
        path,
        finance,
        secret,
        session: session_id,
        item: item_id,
        mem_task,
        obs_task,
        secret_session,
        secret_item,
        secret_resolution,
        secret_task,
    }
}

fn ctx_of(path: &Path, login: &str) -> Context {
    let store = Store::open(path, actor(login)).unwrap();
    let mut ctx = Context::new(store, Prefs::default());
    ctx.today = day(TODAY);
    ctx
}

/// The expected table, written out by hand (not computed from the rule it tests).
fn expected(login: &str, activity: Activity) -> bool {
    use Activity::*;
    let admin = matches!(login, "founder" | "admin2");
    let setup = matches!(
        activity,
        SetUpBodies | SetUpPeople | SetUpMemberships | ManageAdministrators | ReadAuditLog
    );
    if admin {
        return true;
    }
    if setup {
        return false;
    }
    if activity == ReadClosedSession {
        // Any member of Finance, whatever the role.
        return matches!(login, "chair" | "vice" | "sec" | "mem" | "obs");
    }
    match login {
        "chair" | "vice" => true,
        "sec" => activity != ApproveMinutes,
        _ => false,
    }
}

#[test]
fn every_role_against_every_activity_in_finance() {
    let w = world();
    for login in USERS {
        let ctx = ctx_of(&w.path, login);
        for activity in Activity::ALL {
            if *activity == Activity::RecordOwnTaskProgress {
                continue; // depends on the task: below
            }
            let body = if activity.is_per_body() {
                Some(w.finance)
            } else {
                None
            };
            let got = authz::check(&ctx, *activity, body);
            let want = expected(login, *activity);
            match (&got, want) {
                (Ok(()), true) => {}
                (Err(StoreError::Denied(msg)), false) => {
                    assert!(msg.starts_with("refused: "), "{login} {activity:?}: {msg}");
                    assert!(
                        msg.contains(activity.label(Lang::En)),
                        "{login} {activity:?}: {msg}"
                    );
                    assert!(msg.contains(login), "names the user: {msg}");
                    if activity.is_per_body() {
                        assert!(msg.contains("«Finance Commission»"), "{msg}");
                    } else {
                        assert!(msg.contains("needs an administrator"), "{msg}");
                    }
                }
                other => panic!("{login} {activity:?}: got {other:?}, expected allowed={want}"),
            }
        }
    }
}

#[test]
fn own_tasks_are_the_assignees_and_the_record_keepers() {
    let w = world();
    for login in USERS {
        let ctx = ctx_of(&w.path, login);
        let mem_task = ctx.store.task(w.mem_task).unwrap();
        let obs_task = ctx.store.task(w.obs_task).unwrap();
        let keeper = matches!(*login, "founder" | "admin2" | "chair" | "vice" | "sec");
        let on_mem = authz::check_task_progress(&ctx, &mem_task).is_ok();
        let on_obs = authz::check_task_progress(&ctx, &obs_task).is_ok();
        assert_eq!(on_mem, keeper || *login == "mem", "{login} on mem's task");
        assert_eq!(on_obs, keeper || *login == "obs", "{login} on obs's task");
    }
}

#[test]
fn a_refusal_names_the_role_needed_and_what_the_user_is_in_both_languages() {
    let w = world();
    let ctx = ctx_of(&w.path, "mem");
    let Err(StoreError::Denied(msg)) = authz::check(&ctx, Activity::RecordMinutes, Some(w.finance))
    else {
        panic!("a member may not record minutes");
    };
    assert_eq!(
        msg,
        format!(
            "refused: recording minutes of «Finance Commission» needs its secretary, chair or vice-chair; you are uid {} (mem), a member",
            actor("mem").uid
        )
    );
    let ctx = ctx_of(&w.path, "sec");
    let Err(StoreError::Denied(msg)) =
        authz::check(&ctx, Activity::ApproveMinutes, Some(w.finance))
    else {
        panic!("a secretary may not approve minutes");
    };
    assert!(
        msg.contains("needs its chair or vice-chair") && msg.ends_with("its secretary"),
        "{msg}"
    );
    let mut ctx = ctx_of(&w.path, "stranger");
    ctx.prefs.lang = Lang::Fa;
    let Err(StoreError::Denied(msg)) =
        authz::check(&ctx, Activity::RecordAttendance, Some(w.finance))
    else {
        panic!("a stranger may not record attendance");
    };
    assert!(msg.starts_with("رد شد:"), "{msg}");
    assert!(msg.contains("ثبت حضور و غیاب"), "{msg}");
    assert!(msg.contains("دبیر، رئیس یا نایب رئیس"), "{msg}");
    assert!(msg.contains("(stranger)"), "{msg}");
}

#[test]
fn memberships_out_of_term_give_no_role() {
    let w = world();
    {
        let mut s = Store::open(&w.path, actor("founder")).unwrap();
        let p = person(&mut s, "Former", "former");
        s.add_membership(&NewMembership {
            body_id: w.finance,
            person_id: p,
            role: Role::Secretary,
            voting: true,
            term_start: Some(day("2020-01-01")),
            term_end: Some(day("2021-12-31")),
        })
        .unwrap();
    }
    let ctx = ctx_of(&w.path, "former");
    assert!(matches!(
        authz::check(&ctx, Activity::RecordMinutes, Some(w.finance)),
        Err(StoreError::Denied(_))
    ));
}

// ----- the TUI's App, with real writes -----

fn app_of(path: &Path, login: &str) -> App {
    App::new(ctx_of(path, login))
}

fn status_text(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

#[test]
fn app_approving_minutes_is_for_the_chair_and_vice_chair() {
    for (login, may) in [
        ("mem", false),
        ("obs", false),
        ("stranger", false),
        ("nobody", false),
        ("sec", false),
        ("vice", true),
    ] {
        let w = world();
        let mut app = app_of(&w.path, login);
        app.open_session_screen(w.session).unwrap();
        app.confirm(Action::ApproveMinutes);
        let status = Store::open(&w.path, actor("founder"))
            .unwrap()
            .session(w.session)
            .unwrap()
            .status;
        if may {
            assert_eq!(status, SessionStatus::Approved, "{login}");
        } else {
            assert_eq!(status, SessionStatus::Closed, "{login}");
            let text = status_text(&app);
            assert!(
                text.contains("refused: approving minutes") && text.contains("chair or vice-chair"),
                "{login}: {text}"
            );
        }
    }
}

#[test]
fn app_roll_call_minutes_and_set_up_follow_the_roles() {
    for login in USERS {
        let w = world();
        let keeper = matches!(*login, "founder" | "admin2" | "chair" | "vice" | "sec");
        let admin = matches!(*login, "founder" | "admin2");
        let mut app = app_of(&w.path, login);
        app.open_session_screen(w.session).unwrap();

        // Keys that change the record are refused at once for those who may not.
        app.update(Action::AddItem);
        assert_eq!(
            matches!(app.modal, Some(Modal::Form(_))),
            keeper,
            "{login}: agenda form ({})",
            status_text(&app)
        );
        if !keeper {
            assert!(status_text(&app).contains("refused: editing the agenda"));
        }
        app.modal = None;

        // Roll call: a key press marks the first member present.
        app.update(Action::MarkPresent);
        let marked = Store::open(&w.path, actor("founder"))
            .unwrap()
            .attendance(w.session)
            .unwrap()
            .len();
        assert_eq!(
            marked == 1,
            keeper,
            "{login}: roll call ({})",
            status_text(&app)
        );
        if !keeper {
            assert!(status_text(&app).contains("refused: recording attendance"));
        }

        // Minutes in the inline editor, saved with Ctrl-S.
        let version = Store::open(&w.path, actor("founder"))
            .unwrap()
            .agenda_item(w.item)
            .unwrap()
            .version;
        app.modal = Some(Modal::Editor(shura::app::form::Editor::new(
            "Budget zanzibar review",
            w.item,
            version,
            "The budget was read.",
        )));
        app.save_editor();
        let minutes = Store::open(&w.path, actor("founder"))
            .unwrap()
            .agenda_item(w.item)
            .unwrap()
            .minutes;
        assert_eq!(minutes.is_some(), keeper, "{login}: minutes");
        if !keeper {
            let Some(Modal::Editor(ed)) = &app.modal else {
                panic!("{login}: the editor stays open with the refusal");
            };
            assert!(
                ed.error
                    .as_deref()
                    .unwrap_or_default()
                    .contains("refused: recording minutes"),
                "{login}: {:?}",
                ed.error
            );
        }

        // A new body through the form: administrators only.
        app.modal = None;
        app.update(Action::Back);
        app.update(Action::NewBody);
        if !admin {
            // Refused at the key press, before any typing.
            assert!(app.modal.is_none(), "{login}: no form opens");
            assert!(
                status_text(&app).contains("refused: setting up bodies needs an administrator"),
                "{login}: {}",
                status_text(&app)
            );
            // A form already open (say, opened before a revocation) is refused on saving.
            let mut admin_app = app_of(&w.path, "founder");
            admin_app.update(Action::NewBody);
            app.modal = admin_app.modal.take();
        }
        let Some(Modal::Form(form)) = &mut app.modal else {
            panic!("{login}: the new-body form opens");
        };
        for f in form.fields.iter_mut() {
            if f.key == "name" {
                f.value = format!("Body by {login}");
            }
        }
        app.submit_form();
        let made = Store::open(&w.path, actor("founder"))
            .unwrap()
            .bodies()
            .unwrap()
            .iter()
            .any(|b| b.name.get(Lang::En) == format!("Body by {login}"));
        assert_eq!(made, admin, "{login}: new body");
        if !admin {
            let Some(Modal::Form(form)) = &app.modal else {
                panic!("{login}: the form stays open with the refusal");
            };
            assert!(
                form.error
                    .as_deref()
                    .unwrap_or_default()
                    .contains("needs an administrator"),
                "{login}: {:?}",
                form.error
            );
        }
    }
}

// ----- confidential bodies -----

fn sees_secret(ctx: &Context, w: &World) -> Vec<&'static str> {
    let s = &ctx.store;
    let mut seen = Vec::new();
    if s.bodies().unwrap().iter().any(|b| b.id == w.secret) {
        seen.push("bodies");
    }
    if s.body(w.secret).is_ok() || s.find_body("Secret Board").is_ok() {
        seen.push("body by id or name");
    }
    if s.sessions(None, &[], None, None, None)
        .unwrap()
        .iter()
        .any(|r| r.session.body_id == w.secret)
    {
        seen.push("sessions");
    }
    if s.session(w.secret_session).is_ok() || s.agenda_item(w.secret_item).is_ok() {
        seen.push("session or item by id");
    }
    if s.resolution(w.secret_resolution).is_ok() || s.task(w.secret_task).is_ok() {
        seen.push("resolution or task by id");
    }
    if s.resolutions(&ResolutionFilter::default())
        .unwrap()
        .iter()
        .any(|r| r.resolution.body_id == w.secret)
    {
        seen.push("resolutions");
    }
    if s.tasks(&TaskFilter::default())
        .unwrap()
        .iter()
        .any(|r| r.task.body_id == w.secret)
    {
        seen.push("tasks");
    }
    if s.search("zanzibar", None, 100)
        .unwrap()
        .iter()
        .any(|h| h.body_id == w.secret)
    {
        seen.push("search");
    }
    // The browsers' counted, text-searched listings.
    let in_secret = TaskFilter {
        body_ids: Some(vec![w.secret]),
        ..Default::default()
    };
    let searched = TaskFilter {
        text: Some("zanzibar deed".into()),
        ..Default::default()
    };
    if s.count_tasks(&in_secret, 100).unwrap().0 > 0 || !s.tasks(&searched).unwrap().is_empty() {
        seen.push("task browser");
    }
    let searched = ResolutionFilter {
        text: Some("zanzibar building".into()),
        ..Default::default()
    };
    if s.count_resolutions(&searched, 100).unwrap().0 > 0 {
        seen.push("resolution browser");
    }
    let dash = shura::ops::dashboard::dashboard(s, None, ctx.today).unwrap();
    let json = serde_json::to_string(&dash).unwrap();
    if json.contains("Secret Board") || json.contains("zanzibar deed") {
        seen.push("dashboard");
    }
    if s.open_resolution_counts(None)
        .unwrap()
        .iter()
        .any(|c| c.body_id == w.secret)
    {
        seen.push("dashboard counts");
    }
    seen
}

#[test]
fn confidential_bodies_are_hidden_from_everyone_but_members_and_administrators() {
    let w = world();
    for login in USERS {
        let ctx = ctx_of(&w.path, login);
        let seen = sees_secret(&ctx, &w);
        if matches!(*login, "founder" | "admin2" | "csec") {
            assert_eq!(seen.len(), 12, "{login} sees it everywhere: {seen:?}");
        } else {
            assert!(seen.is_empty(), "{login} sees the secret body in {seen:?}");
            // Finance is still there for them.
            assert!(ctx.store.body(w.finance).is_ok());
            assert!(!ctx.store.search("zanzibar", None, 100).unwrap().is_empty());
            // Writing to it by id: "not found", never a refusal naming it.
            match authz::check(&ctx, Activity::RecordMinutes, Some(w.secret)) {
                Err(StoreError::NotFound { .. }) => {}
                other => panic!("{login}: {other:?}"),
            }
        }
    }
}

#[test]
fn joining_a_confidential_body_shows_it_in_the_app() {
    let w = world();
    let mut app = app_of(&w.path, "mem");
    assert!(!app.home.bodies.iter().any(|b| b.id == w.secret));
    {
        let mut s = Store::open(&w.path, actor("founder")).unwrap();
        let mem = s.person_by_login("mem").unwrap().unwrap().id;
        member(&mut s, w.secret, mem, Role::Member);
    }
    app.reload();
    assert!(app.home.bodies.iter().any(|b| b.id == w.secret));
}

#[test]
fn whoami_profile_lists_roles_and_what_they_allow() {
    let w = world();
    let ctx = ctx_of(&w.path, "sec");
    let p = authz::profile(&ctx).unwrap();
    assert!(!p.administrator);
    assert!(p.everywhere.is_empty());
    assert_eq!(p.bodies.len(), 1);
    assert_eq!(p.bodies[0].body_id, w.finance);
    assert_eq!(p.bodies[0].roles, vec![Role::Secretary]);
    assert!(p.bodies[0].may.contains(&Activity::RecordMinutes));
    assert!(!p.bodies[0].may.contains(&Activity::ApproveMinutes));
    let ctx = ctx_of(&w.path, "admin2");
    let p = authz::profile(&ctx).unwrap();
    assert!(p.administrator);
    assert!(p.everywhere.contains(&Activity::SetUpBodies));
}

#[test]
fn the_last_administrator_cannot_be_revoked() {
    let w = world();
    let mut s = Store::open(&w.path, actor("founder")).unwrap();
    s.revoke_administrator("admin2").unwrap();
    match s.revoke_administrator("founder") {
        Err(StoreError::Refused(why)) => assert_eq!(
            why,
            shura::store::Refusal::LastAdministrator {
                login: "founder".into()
            }
        ),
        other => panic!("{other:?}"),
    }
    assert!(s.is_administrator("founder").unwrap());
    let log = s.audit_list(Some("administrator"), None, 10).unwrap();
    assert_eq!(log.len(), 2, "the grant and the revocation are audited");
    assert!(s.audit_verify().unwrap().problems.is_empty());
}

#[test]
fn a_version_1_database_gets_its_creator_as_first_administrator() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        // A database as the first release left it: schema 1, made by alice.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(shura::store::schema::MIGRATIONS[0])
            .unwrap();
        conn.execute_batch(
            "PRAGMA user_version = 1;
             INSERT INTO meta(key, value) VALUES ('created_by', 'alice'), ('created_at', '2026-01-01T00:00:00Z');",
        )
        .unwrap();
    }
    let store = Store::open(&path, actor("bob")).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        shura::store::schema::SCHEMA_VERSION
    );
    assert!(store.is_administrator("alice").unwrap());
    assert!(
        !store.is_administrator("bob").unwrap(),
        "opening it first is not creating it"
    );
    let ctx = ctx_of(&path, "bob");
    assert!(matches!(
        authz::check(&ctx, Activity::SetUpBodies, None),
        Err(StoreError::Denied(_))
    ));
    let ctx = ctx_of(&path, "alice");
    assert!(authz::check(&ctx, Activity::SetUpBodies, None).is_ok());
}

/// A confidential body is invisible in every count and list for those who may not see
/// it: the dashboard's totals match its lists, and people who belong only to it are not
/// listed (issue 19).
#[test]
fn confidential_bodies_count_nowhere_for_non_members() {
    let w = world();
    for (login, sees) in [
        ("mem", false),
        ("stranger", false),
        ("csec", true),
        ("founder", true),
    ] {
        let ctx = ctx_of(&w.path, login);
        let d = shura::ops::dashboard::dashboard(&ctx.store, None, day(TODAY)).unwrap();
        let listed_secret = d.overdue_tasks.iter().any(|t| t.body_id == w.secret);
        assert_eq!(listed_secret, sees, "{login}: the secret task listed");
        assert_eq!(
            d.overdue_tasks_total as usize,
            d.overdue_tasks.len(),
            "{login}: the total counts what the list shows"
        );
        let people: Vec<String> = ctx
            .store
            .people()
            .unwrap()
            .iter()
            .map(|p| p.name.get(Lang::En).to_string())
            .collect();
        assert_eq!(
            people.iter().any(|n| n == "Person csec"),
            sees,
            "{login}: {people:?}"
        );
        // Someone with no membership at all is still listed, for set-up.
        assert!(people.iter().any(|n| n == "Person stranger"), "{login}");
    }
}
