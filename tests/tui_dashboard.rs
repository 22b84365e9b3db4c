//! The chair's and member's screens on the app alone (ratatui's `TestBackend`): the
//! dashboard, the task and resolution browsers, a resolution's page and the member's own
//! view, as snapshots at 80×24 and 160×48 in English and Persian on the demo data; the
//! drill-downs and their way back; the dashboard's figures on a fixture counted by hand;
//! another connection's write shown after `poll_changes`; and a browser that pages through
//! ten thousand tasks without loading them.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use shura::app::browse::{BrowseKind, COUNT_CAP, WINDOW};
use shura::app::dashboard_screen::{DashPane, DashScope, Section};
use shura::app::keymap::Action;
use shura::app::state::{App, Modal, ReviewRow, Screen};
use shura::identity::Actor;
use shura::locale::text::BidiMode;
use shura::locale::Prefs;
use shura::locale::{Calendar, Lang};
use shura::model::rules::{MeetingRule, QuorumRule};
use shura::model::*;
use shura::ops::Context;
use shura::store::read::TaskFilter;
use shura::store::write::*;
use shura::store::Store;
use shura::tui::theme::Theme;
use tempfile::TempDir;

mod common;
use common::buffer_text;

const TODAY: &str = "2026-11-22";
const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];
/// A demo member with open tasks of her own.
const MEMBER_LOGIN: &str = "sadri";

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()
}

fn prefs(lang: Lang) -> Prefs {
    match lang {
        Lang::En => Prefs {
            lang: Lang::En,
            calendar: Calendar::Gregorian,
            bidi: BidiMode::App,
        },
        Lang::Fa => Prefs {
            lang: Lang::Fa,
            calendar: Calendar::Jalali,
            bidi: BidiMode::App,
        },
    }
}

fn actor(login: &str) -> Actor {
    Actor {
        uid: 1000,
        login: login.into(),
    }
}

/// The demo database (names in `lang`), opened as `login`.
fn demo_app(lang: Lang, login: &str) -> (TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shura.db");
    let mut store = Store::open(&path, actor(login)).unwrap();
    shura::demo::load_demo(&mut store, lang, today()).unwrap();
    let app = App::new(Context {
        store,
        prefs: prefs(lang),
        today: today(),
    });
    (dir, app)
}

fn render(app: &mut App, width: u16, height: u16) -> String {
    let theme = Theme::monochrome();
    app.resize(height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| shura::tui::draw::draw(f, app, &theme))
        .unwrap();
    mask_stamps(&buffer_text(terminal.backend().buffer()))
}

/// Audit times are the real clock: every 16-character run of twelve digits (any script)
/// and four of `-`, `T`, `:` (in either reading order) becomes `#`s.
fn mask_stamps(text: &str) -> String {
    text.lines()
        .map(|line| {
            let mut chars: Vec<char> = line.chars().collect();
            let mut i = 0;
            while i + 16 <= chars.len() {
                let w = &chars[i..i + 16];
                let digits = w.iter().filter(|c| c.is_numeric()).count();
                let seps = w.iter().filter(|c| matches!(c, '-' | 'T' | ':')).count();
                if digits == 12 && seps == 4 {
                    for c in &mut chars[i..i + 16] {
                        if c.is_numeric() {
                            *c = '#';
                        }
                    }
                    i += 16;
                } else {
                    i += 1;
                }
            }
            chars.into_iter().collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn snap(app: &mut App, name: &str) {
    for (w, h) in SIZES {
        let text = render(app, w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), text);
    }
}

fn key(app: &mut App, code: KeyCode) {
    shura::tui::handle_key(app, KeyEvent::new(code, KeyModifiers::NONE));
}

fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

fn no_error(app: &App, what: &str) {
    if let Some(s) = &app.status {
        assert!(!s.error, "{what}: {}", s.text);
    }
}

/// Puts the dashboard's focus on a figure.
fn focus_section(app: &mut App, section: Section) {
    let d = app.dashboard.as_mut().expect("the dashboard");
    d.pane = DashPane::Figures;
    d.section = Section::ALL.iter().position(|s| *s == section).unwrap();
    d.detail = 0;
}

// ---------------------------------------------------------------------------------------------
// Snapshots on the demo data

fn dashboard_snapshots(lang: Lang) {
    let tag = if lang == Lang::En { "en" } else { "fa" };
    let (_dir, mut app) = demo_app(lang, "kazeminia");
    app.open_home(None).unwrap();
    // The council's chair starts on the dashboard.
    assert_eq!(app.screen(), Screen::Dashboard);
    no_error(&app, "the dashboard");
    snap(&mut app, &format!("{tag}_dashboard"));
    focus_section(&mut app, Section::OverdueTasks);
    app.update(Action::Open);
    snap(&mut app, &format!("{tag}_dashboard_overdue"));
    focus_section(&mut app, Section::Compliance);
    app.update(Action::Open);
    snap(&mut app, &format!("{tag}_dashboard_compliance"));
    focus_section(&mut app, Section::Indicators);
    app.update(Action::NextPane);
    snap(&mut app, &format!("{tag}_dashboard_indicators"));
}

#[test]
fn en_dashboard() {
    dashboard_snapshots(Lang::En);
}

#[test]
fn fa_dashboard() {
    dashboard_snapshots(Lang::Fa);
}

fn browser_snapshots(lang: Lang) {
    let tag = if lang == Lang::En { "en" } else { "fa" };
    let (_dir, mut app) = demo_app(lang, "kazeminia");
    app.update(Action::GoTasks);
    no_error(&app, "the task browser");
    snap(&mut app, &format!("{tag}_task_browser"));
    app.update(Action::ToggleOverdue);
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('j'));
    snap(&mut app, &format!("{tag}_task_browser_overdue"));
    app.update(Action::EditFilter);
    snap(&mut app, &format!("{tag}_task_filter_form"));
    app.modal = None;
    app.update(Action::GoResolutions);
    snap(&mut app, &format!("{tag}_resolution_browser"));
}

#[test]
fn en_browsers() {
    browser_snapshots(Lang::En);
}

#[test]
fn fa_browsers() {
    browser_snapshots(Lang::Fa);
}

fn page_and_mine_snapshots(lang: Lang) {
    let tag = if lang == Lang::En { "en" } else { "fa" };
    let (_dir, mut app) = demo_app(lang, MEMBER_LOGIN);
    // She is a secretary too, so she starts on her bodies; `--view mine` opens her own.
    app.open_home(None).unwrap();
    assert_eq!(app.screen(), Screen::Bodies);
    app.open_home(Some("mine")).unwrap();
    assert_eq!(app.screen(), Screen::Mine);
    no_error(&app, "my view");
    snap(&mut app, &format!("{tag}_mine"));
    // The resolution behind the first overdue task of the whole dashboard.
    app.update(Action::GoDashboard);
    focus_section(&mut app, Section::OverdueTasks);
    app.update(Action::Open);
    app.update(Action::Open);
    assert!(
        matches!(app.screen(), Screen::Resolution(_)),
        "Enter on an overdue task with a resolution opens its page"
    );
    snap(&mut app, &format!("{tag}_resolution_page"));
}

#[test]
fn en_resolution_page_and_my_view() {
    page_and_mine_snapshots(Lang::En);
}

#[test]
fn fa_resolution_page_and_my_view() {
    page_and_mine_snapshots(Lang::Fa);
}

// ---------------------------------------------------------------------------------------------
// Behaviour

#[test]
fn drill_down_and_back_keep_the_place() {
    let (_dir, mut app) = demo_app(Lang::En, "kazeminia");
    app.update(Action::GoDashboard);
    focus_section(&mut app, Section::OverdueTasks);
    app.update(Action::Open);
    let d = app.dashboard.as_ref().unwrap();
    assert_eq!(d.pane, DashPane::Detail);
    let first = d.data.overdue_tasks[0].clone();
    // Most days overdue first.
    assert!(d
        .data
        .overdue_tasks
        .windows(2)
        .all(|w| w[0].days_overdue >= w[1].days_overdue));
    key(&mut app, KeyCode::Enter);
    let Screen::Resolution(rid) = app.screen() else {
        panic!("expected a resolution page, got {:?}", app.screen());
    };
    let page = app.resolution_page.as_ref().unwrap();
    assert!(page.tasks.iter().any(|t| t.task.id == first.id));
    // Its progress history, session by session, and its audit trail.
    assert!(!page.audit.is_empty());
    assert!(page
        .audit
        .iter()
        .any(|a| a.entity == "resolution" && a.entity_id == Some(rid) && a.action == "insert"));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Dashboard);
    let d = app.dashboard.as_ref().unwrap();
    assert_eq!(d.pane, DashPane::Detail);
    assert_eq!(d.current(), Section::OverdueTasks);

    // `b`: the whole list behind the figure, in the task browser.
    app.update(Action::BrowseAll);
    assert_eq!(app.screen(), Screen::Browse);
    let b = app.browser.as_ref().unwrap();
    assert_eq!(b.kind, BrowseKind::Tasks);
    let expected = app
        .ctx
        .store
        .count_tasks(
            &TaskFilter {
                overdue_on: Some(today()),
                ..Default::default()
            },
            1_000_000,
        )
        .unwrap()
        .0 as usize;
    assert_eq!(b.total, expected);
    assert!(b
        .tasks
        .iter()
        .all(|t| t.task.days_overdue(today()).is_some()));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Dashboard);

    // Upcoming sessions: Enter opens the session.
    focus_section(&mut app, Section::UpcomingSessions);
    app.update(Action::Open);
    let sid = app.dashboard.as_ref().unwrap().data.upcoming_sessions[0].id;
    app.update(Action::Open);
    assert_eq!(app.screen(), Screen::Session(sid));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Dashboard);

    // Compliance: the months of the body that broke its statute, in a notice.
    focus_section(&mut app, Section::Compliance);
    app.update(Action::Open);
    app.update(Action::Open);
    match &app.modal {
        Some(Modal::Notice(text)) => assert!(text.contains("MISSED"), "{text}"),
        other => panic!("expected the months, got {other:?}"),
    }
}

#[test]
fn scope_cycles_through_a_body_and_its_children() {
    let (_dir, mut app) = demo_app(Lang::En, "kazeminia");
    // The council is the first body; D opens its dashboard with its children.
    app.update(Action::GoBodies);
    let council = app.selected_body().unwrap().clone();
    app.update(Action::BodyDashboard);
    assert_eq!(app.screen(), Screen::Dashboard);
    let tree = app.ctx.store.body_and_descendants(council.id).unwrap();
    assert!(tree.len() > 1, "the council has commissions");
    let d = app.dashboard.as_ref().unwrap();
    assert_eq!(d.scope, DashScope::Tree(council.id));
    assert!(d
        .data
        .overdue_tasks
        .iter()
        .all(|t| tree.contains(&t.body_id)));
    let tree_overdue = d.totals.overdue_tasks;
    app.update(Action::CycleScope);
    let d = app.dashboard.as_ref().unwrap();
    assert_eq!(d.scope, DashScope::All);
    assert!(d.totals.overdue_tasks >= tree_overdue);
    app.update(Action::CycleScope);
    let d = app.dashboard.as_ref().unwrap();
    assert_eq!(d.scope, DashScope::Body(council.id));
    assert!(d.data.overdue_tasks.iter().all(|t| t.body_id == council.id));
    assert!(d.totals.overdue_tasks <= tree_overdue);
    // Esc goes back to the bodies.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Bodies);
}

#[test]
fn a_member_records_progress_on_her_own_task() {
    let (_dir, mut app) = demo_app(Lang::En, MEMBER_LOGIN);
    app.update(Action::GoMine);
    let m = app.mine.as_ref().unwrap();
    let me = m
        .person
        .clone()
        .expect("the demo has a person with this login");
    assert!(!m.tasks.is_empty());
    assert!(m
        .tasks
        .iter()
        .all(|t| t.task.assignee_id == Some(me.id) && t.task.status.is_open()));
    assert!(!m.attended.is_empty(), "she attended sessions");
    let task = m.tasks[0].task.clone();
    key(&mut app, KeyCode::Char('u'));
    let Some(Modal::Form(_)) = &app.modal else {
        panic!("u opens the progress form")
    };
    // Status stays; percent 55; a note.
    key(&mut app, KeyCode::Tab);
    for _ in 0..4 {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "55");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "halfway there");
    key(&mut app, KeyCode::Enter);
    assert!(app.modal.is_none(), "saved: {:?}", app.modal);
    no_error(&app, "saving progress");
    let stored = app.ctx.store.task(task.id).unwrap();
    assert_eq!(stored.percent, 55);
    let updates = app.ctx.store.task_updates(task.id).unwrap();
    let last = updates.last().unwrap();
    assert_eq!(last.note, "halfway there");
    assert_eq!(last.session_id, None, "recorded outside a session");
    assert_eq!(last.author, MEMBER_LOGIN);
    // The view shows the new figure.
    let shown = app
        .mine
        .as_ref()
        .unwrap()
        .tasks
        .iter()
        .find(|t| t.task.id == task.id)
        .unwrap()
        .task
        .percent;
    assert_eq!(shown, 55);
}

#[test]
fn a_bad_filter_keeps_the_form_and_says_what_is_wrong() {
    let (_dir, mut app) = demo_app(Lang::En, "kazeminia");
    app.update(Action::GoTasks);
    let before = app.browser.as_ref().unwrap().total;
    app.update(Action::EditFilter);
    // Assignee (the fourth field), then "from" (the sixth): a date that does not exist.
    for _ in 0..3 {
        key(&mut app, KeyCode::Tab);
    }
    typ(&mut app, "Nobody Such");
    key(&mut app, KeyCode::Enter);
    let Some(Modal::Form(form)) = &app.modal else {
        panic!("the form stays open")
    };
    let err = form.error.clone().unwrap();
    assert!(err.contains("Nobody Such"), "{err}");
    assert_eq!(form.get("assignee"), "Nobody Such", "typed text kept");
    // Fix the assignee; type an impossible date.
    for _ in 0.."Nobody Such".len() {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, MEMBER_LOGIN);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "2025-02-29");
    key(&mut app, KeyCode::Enter);
    let Some(Modal::Form(form)) = &app.modal else {
        panic!("the form stays open")
    };
    assert!(form.error.clone().unwrap().contains("2025-02-29"));
    for _ in 0.."2025-02-29".len() {
        key(&mut app, KeyCode::Backspace);
    }
    key(&mut app, KeyCode::Enter);
    assert!(app.modal.is_none());
    no_error(&app, "the fixed filter");
    let b = app.browser.as_ref().unwrap();
    let me = app
        .ctx
        .store
        .person_by_login(MEMBER_LOGIN)
        .unwrap()
        .unwrap();
    assert!(b.total > 0 && b.total < before);
    assert!(b.tasks.iter().all(|t| t.task.assignee_id == Some(me.id)));
}

#[test]
fn slash_in_a_browser_searches_the_database() {
    let (_dir, mut app) = demo_app(Lang::Fa, "kazeminia");
    app.update(Action::GoResolutions);
    let all = app.browser.as_ref().unwrap().total;
    // Persian text typed with an Arabic yeh and kaf still finds the Persian forms.
    key(&mut app, KeyCode::Char('/'));
    typ(&mut app, "بودجه");
    let b = app.browser.as_ref().unwrap();
    assert!(b.total > 0 && b.total < all, "{} of {all}", b.total);
    assert!(b
        .resolutions
        .iter()
        .all(|r| r.resolution.text.contains("بودجه")));
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.browser.as_ref().unwrap().total, all);
}

// ---------------------------------------------------------------------------------------------
// Figures on a fixture, counted by hand

#[test]
fn dashboard_figures_on_a_fixture_match_a_count_by_hand() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(&dir.path().join("f.db"), actor("chair")).unwrap();
    let body = |s: &mut Store, name: &str, parent: Option<i64>, rule: MeetingRule| {
        s.add_body(&NewBody {
            name: Name::new(None, Some(name.into())),
            kind: BodyKind::Council,
            parent_id: parent,
            quorum: QuorumRule::Majority,
            meeting_rule: rule,
            resolution_format: "{seq}".into(),
            agenda_template: vec![],
            confidential: false,
            formed_on: Some(NaiveDate::from_ymd_opt(2025, 3, 21).unwrap()),
            procedure: Default::default(),
            agenda_closing: Vec::new(),
            number_per_term: false,
            fiscal_year: Default::default(),
            signing: Default::default(),
            law_profile: Default::default(),
            absence_rule: Default::default(),
        })
        .unwrap()
    };
    // Tir (4) and Dey (10) every year; formed at the start of 1404.
    let council = body(
        &mut s,
        "Council",
        None,
        MeetingRule::JalaliMonths(vec![4, 10]),
    );
    let committee = body(&mut s, "Committee", Some(council), MeetingRule::None);
    let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let task = |s: &mut Store, b: i64, due: &str| {
        s.add_task(&NewTask {
            body_id: Some(b),
            resolution_id: None,
            agenda_item_id: None,
            title: format!("task due {due}"),
            description: None,
            assignee_id: None,
            assignee_unit: Some("Unit".into()),
            due: Some(d(due)),
            priority: Priority::Normal,
            created_on: Some(d("2025-06-01")),
        })
        .unwrap()
    };
    // Council: two overdue (10 and 3 days), one due in 4 days, one done on time.
    task(&mut s, council, "2026-11-12");
    task(&mut s, council, "2026-11-19");
    task(&mut s, council, "2026-11-26");
    let done = task(&mut s, council, "2026-11-01");
    let v = s.task(done).unwrap().version;
    s.update_task(&TaskProgress {
        task_id: done,
        status: Some(WorkStatus::Done),
        percent: Some(100),
        note: String::new(),
        session_id: None,
        due: None,
        on: Some(d("2026-10-30")),
        expected_version: Some(v),
    })
    .unwrap();
    // Committee: one overdue by 1 day.
    task(&mut s, committee, "2026-11-21");
    // Council sessions: Tir 1404 held (regular); Dey 1404 none; Tir 1405 only an
    // extraordinary one (does not count).
    let sess = |s: &mut Store, date: &str, kind: SessionKind| {
        s.add_session(&NewSession {
            body_id: council,
            kind,
            date: d(date),
            start_time: None,
            end_time: None,
            place: None,
            prepare_agenda: false,
            number: None,
        })
        .unwrap()
    };
    sess(&mut s, "2025-07-01", SessionKind::Regular);
    sess(&mut s, "2026-07-01", SessionKind::Extraordinary);
    // A plain member starts on her own tasks.
    let member = s
        .add_person(&NewPerson {
            name: Name::new(None, Some("Mina Member".into())),
            login: Some("mina".into()),
            organization: None,
            email: None,
        })
        .unwrap();
    s.add_membership(&NewMembership {
        body_id: committee,
        person_id: member,
        role: Role::Member,
        voting: true,
        term_start: None,
        term_end: None,
    })
    .unwrap();
    let path = s.path.clone();
    let mut app = App::new(Context {
        store: s,
        prefs: prefs(Lang::En),
        today: today(),
    });
    {
        let mut as_member = App::new(Context {
            store: Store::open(&path, actor("mina")).unwrap(),
            prefs: prefs(Lang::En),
            today: today(),
        });
        as_member.open_home(None).unwrap();
        assert_eq!(as_member.screen(), Screen::Mine);
        assert!(as_member.open_home(Some("nowhere")).is_err());
    }
    app.update(Action::GoDashboard);
    no_error(&app, "dashboard");
    let dash = app.dashboard.as_ref().unwrap();
    let t = &dash.totals;
    assert_eq!(t.overdue_tasks, 3);
    let days: Vec<i64> = dash
        .data
        .overdue_tasks
        .iter()
        .map(|t| t.days_overdue)
        .collect();
    assert_eq!(days, vec![10, 3, 1]);
    assert_eq!(t.due_this_week, 1);
    // Follow-up: of the 4 tasks due before today (3 open overdue, 1 done on time), 1.
    assert_eq!((t.follow_up_done, t.follow_up_due), (1, 4));
    // Compliance: Dey 1404 missed, Tir 1405 missed (extraordinary only): 1 body broken.
    assert_eq!(t.bodies_with_rule, 1);
    assert_eq!(t.bodies_broken, 1);
    let c = &dash.data.compliance[0];
    assert_eq!((c.met, c.missed), (1, 2));
    // Scoped to the committee alone.
    app.update(Action::GoBodies);
    let i = app
        .home
        .bodies
        .iter()
        .position(|b| b.id == committee)
        .unwrap();
    app.home.body_cursor.selected = i;
    app.update(Action::BodyDashboard);
    let t = &app.dashboard.as_ref().unwrap().totals;
    assert_eq!(t.overdue_tasks, 1);
    assert_eq!(t.bodies_with_rule, 0);
}

// ---------------------------------------------------------------------------------------------
// Live refresh and paging

#[test]
fn another_connections_write_shows_after_poll_changes() {
    let (dir, mut app) = demo_app(Lang::En, "kazeminia");
    app.update(Action::GoDashboard);
    let before = app.dashboard.as_ref().unwrap().totals.overdue_tasks;
    assert!(!app.poll_changes(), "nothing changed yet");
    // Another user, another connection: a task already overdue.
    let mut other = Store::open(&dir.path().join("shura.db"), actor("bahrami")).unwrap();
    other
        .add_task(&NewTask {
            body_id: Some(1),
            resolution_id: None,
            agenda_item_id: None,
            title: "Written by someone else".into(),
            description: None,
            assignee_id: None,
            assignee_unit: Some("Secretariat".into()),
            due: Some(today().pred_opt().unwrap()),
            priority: Priority::High,
            created_on: Some(today()),
        })
        .unwrap();
    assert!(app.poll_changes(), "data_version moved");
    assert_eq!(
        app.dashboard.as_ref().unwrap().totals.overdue_tasks,
        before + 1
    );
}

#[test]
fn a_browser_pages_through_more_rows_than_it_counts() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.db");
    let mut s = Store::open(&path, actor("chair")).unwrap();
    let body = s
        .add_body(&NewBody {
            name: Name::new(None, Some("Big".into())),
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
        .unwrap();
    // More tasks than the count goes to, written in one transaction (as the scale
    // generator does).
    let n = COUNT_CAP as usize + 50;
    // Written behind the store's back, in one transaction, for speed.
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("BEGIN").unwrap();
    {
        let mut stmt = conn
            .prepare(
                "INSERT INTO task(body_id, title, due, status, priority, created_on)
                 VALUES (?1, ?2, ?3, 'open', 'normal', '2026-01-01')",
            )
            .unwrap();
        for i in 0..n {
            let due = today() + chrono::Duration::days((i / 10) as i64);
            stmt.execute(rusqlite::params![
                body,
                format!("task {i:05}"),
                due.to_string()
            ])
            .unwrap();
        }
    }
    conn.execute_batch("COMMIT").unwrap();
    drop(conn);
    let mut app = App::new(Context {
        store: s,
        prefs: prefs(Lang::En),
        today: today(),
    });
    app.update(Action::GoTasks);
    let b = app.browser.as_ref().unwrap();
    assert!(b.capped, "the count stops at the cap");
    assert_eq!(b.total, COUNT_CAP as usize);
    assert_eq!(b.tasks.len(), WINDOW, "only a window is read");
    let screen = render(&mut app, 80, 24);
    assert!(screen.contains("1/10,000+"), "{screen}");
    // To the end: the exact count is taken then, and the last row is shown.
    key(&mut app, KeyCode::Char('G'));
    let b = app.browser.as_ref().unwrap();
    assert_eq!(b.selected, n - 1);
    assert!(!b.capped);
    assert_eq!(b.total, n);
    assert!(b.tasks.len() <= WINDOW);
    assert_eq!(
        b.selected_task().unwrap().task.title,
        format!("task {:05}", n - 1)
    );
    // Page up reads the window before; g goes home.
    for _ in 0..30 {
        key(&mut app, KeyCode::PageUp);
    }
    let b = app.browser.as_ref().unwrap();
    let sel = b.selected;
    assert_eq!(
        b.selected_task().unwrap().task.title,
        format!("task {sel:05}")
    );
    key(&mut app, KeyCode::Char('g'));
    let b = app.browser.as_ref().unwrap();
    assert_eq!(b.selected, 0);
    assert_eq!(b.selected_task().unwrap().task.title, "task 00000");
    assert!(b.tasks.len() <= WINDOW);
}

#[test]
fn the_review_records_progress_linked_to_the_session_and_marks_it() {
    let (_dir, mut app) = demo_app(Lang::En, "bahrami");
    // The next planned session of a body with open tasks.
    let upcoming = shura::ops::dashboard::dashboard(&app.ctx.store, None, today())
        .unwrap()
        .upcoming_sessions;
    let session = upcoming
        .iter()
        .find(|s| {
            !app.ctx
                .store
                .tasks(&TaskFilter {
                    body_ids: Some(vec![s.body_id]),
                    statuses: vec![WorkStatus::Open, WorkStatus::InProgress],
                    ..Default::default()
                })
                .unwrap()
                .is_empty()
        })
        .expect("a session whose body has open tasks");
    app.open_session_screen(session.id).unwrap();
    app.update(Action::NextPane);
    app.update(Action::NextPane);
    let v = app.session.as_ref().unwrap();
    assert!(v.reviewed.is_empty());
    let ReviewRow::Task(first) = &v.review[0] else {
        panic!("open tasks come first in the review");
    };
    let first = first.task.clone();
    app.update(Action::ReviewTask);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "reported at the session");
    key(&mut app, KeyCode::Enter);
    no_error(&app, "review");
    let v = app.session.as_ref().unwrap();
    assert!(v.reviewed.contains(&first.id));
    // Still open, so still on the list for the next session.
    assert!(v
        .review
        .iter()
        .any(|r| matches!(r, ReviewRow::Task(t) if t.task.id == first.id)));
    let last = app.ctx.store.task_updates(first.id).unwrap().pop().unwrap();
    assert_eq!(last.session_id, Some(session.id));
    assert_eq!(last.note, "reported at the session");
    let screen = render(&mut app, 160, 48);
    assert!(screen.contains("1 done here"), "{screen}");
}

#[test]
fn the_review_walks_open_resolutions_that_have_no_open_task() {
    let (_dir, mut app) = demo_app(Lang::En, "bahrami");
    let upcoming = shura::ops::dashboard::dashboard(&app.ctx.store, None, today())
        .unwrap()
        .upcoming_sessions;
    let session = upcoming.first().expect("an upcoming session").clone();
    // A request to a department, adopted without a follow-up task: only its owner answers.
    let resolution = app
        .ctx
        .store
        .add_resolution(&NewResolution {
            text: "The transport department is asked to report on the night bus trial.".to_string(),
            ..resolution_request(session.body_id)
        })
        .unwrap();
    // That resolution really has no open task.
    assert!(app
        .ctx
        .store
        .tasks(&TaskFilter {
            resolution_id: Some(resolution.id),
            statuses: vec![WorkStatus::Open, WorkStatus::InProgress],
            ..Default::default()
        })
        .unwrap()
        .is_empty());
    app.open_session_screen(session.id).unwrap();
    app.update(Action::NextPane);
    app.update(Action::NextPane);
    let v = app.session.as_ref().unwrap();
    let at = v
        .review
        .iter()
        .position(|r| matches!(r, ReviewRow::Resolution(x) if x.id == resolution.id))
        .expect("the resolution is on the review list");
    // Tasks first, then the resolutions without one.
    assert!(v.review[..at]
        .iter()
        .all(|r| matches!(r, ReviewRow::Task(_))));
    app.session.as_mut().unwrap().review_cursor.selected = at;
    let screen = render(&mut app, 160, 48);
    assert!(screen.contains(&resolution.number), "{screen}");
    app.update(Action::ReviewTask);
    let Some(Modal::Form(form)) = &app.modal else {
        panic!("the follow-up form opens, status {:?}", app.status);
    };
    assert!(form.title.contains(&resolution.number), "{}", form.title);
    assert_eq!(form.get("status"), "open");
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "the department answered in writing");
    key(&mut app, KeyCode::Enter);
    no_error(&app, "resolution follow-up");
    let r = app.ctx.store.resolution(resolution.id).unwrap();
    assert_eq!(r.status, WorkStatus::Done);
    assert_eq!(r.version, resolution.version + 1);
    let updates = app.ctx.store.resolution_updates(resolution.id).unwrap();
    assert_eq!(updates.len(), 1);
    assert_eq!(updates[0].session_id, Some(session.id));
    assert_eq!(updates[0].note, "the department answered in writing");
    let v = app.session.as_ref().unwrap();
    assert!(v.reviewed_resolutions.contains(&resolution.id));
    // Done, so it leaves the list; the count of what was done here keeps it.
    assert!(!v
        .review
        .iter()
        .any(|r| matches!(r, ReviewRow::Resolution(x) if x.id == resolution.id)));
    let screen = render(&mut app, 160, 48);
    assert!(screen.contains("1 done here"), "{screen}");
    // The resolution's page shows the follow-up with the session it was recorded at.
    app.open_resolution_page(resolution.id).unwrap();
    let screen = render(&mut app, 160, 48);
    assert!(
        screen.contains(&format!(
            "Session {} ({}): Resolution → Done — the department answered in",
            session.number, session.date
        )),
        "{screen}"
    );

    // A plain member sees the row but may not follow it up: refused before the form.
    let other = app
        .ctx
        .store
        .add_resolution(&NewResolution {
            text: "The parks department is asked for a plan.".to_string(),
            ..resolution_request(session.body_id)
        })
        .unwrap();
    let path = app.ctx.store.path.clone();
    drop(app);
    let store = Store::open(&path, actor(MEMBER_LOGIN)).unwrap();
    let mut member = App::new(Context::new(store, prefs(Lang::En)));
    member.ctx.today = today();
    member.open_session_screen(session.id).unwrap();
    member.update(Action::NextPane);
    member.update(Action::NextPane);
    let at = member
        .session
        .as_ref()
        .unwrap()
        .review
        .iter()
        .position(|r| matches!(r, ReviewRow::Resolution(x) if x.id == other.id))
        .expect("the member sees the resolution");
    member.session.as_mut().unwrap().review_cursor.selected = at;
    member.update(Action::ReviewTask);
    assert!(member.modal.is_none(), "no form to fill in vain");
    let s = member.status.clone().unwrap();
    assert!(s.error && s.text.contains("refused"), "{}", s.text);
    assert!(member
        .ctx
        .store
        .resolution_updates(other.id)
        .unwrap()
        .is_empty());
}

/// A request adopted without a follow-up task.
fn resolution_request(body_id: i64) -> NewResolution {
    NewResolution {
        body_id,
        session_id: None,
        agenda_item_id: None,
        text: String::new(),
        decision: Decision::Adopted,
        tally: None,
        votes: vec![],
        owner: Some("Transport department".to_string()),
        due: Some(today() - chrono::Duration::days(3)),
        created_on: Some(today() - chrono::Duration::days(40)),
        number: None,
    }
}

#[test]
fn progress_on_someone_elses_task_is_refused_before_the_form_opens() {
    // The demo made by its administrator, then opened by a member who is not one.
    let (dir, admin_app) = demo_app(Lang::En, "kazeminia");
    let path = admin_app.ctx.store.path.clone();
    drop(admin_app);
    let store = Store::open(&path, actor(MEMBER_LOGIN)).unwrap();
    let mut app = App::new(Context::new(store, prefs(Lang::En)));
    app.ctx.today = today();
    let me = app
        .ctx
        .store
        .person_by_login(MEMBER_LOGIN)
        .unwrap()
        .unwrap();
    let my_bodies: Vec<i64> = app
        .ctx
        .store
        .memberships_of(me.id)
        .unwrap()
        .into_iter()
        .map(|(m, _)| m.body_id)
        .collect();
    app.update(Action::GoTasks);
    let b = app.browser.as_mut().unwrap();
    let i = b
        .tasks
        .iter()
        .position(|t| !my_bodies.contains(&t.task.body_id) && t.task.assignee_id != Some(me.id))
        .expect("a task of another body");
    b.selected = b.start + i;
    key(&mut app, KeyCode::Char('u'));
    assert!(app.modal.is_none(), "no form to fill in vain");
    let s = app.status.clone().unwrap();
    assert!(s.error && s.text.contains("refused"), "{}", s.text);
    drop(dir);
}

#[test]
fn going_back_reads_again_only_what_changed_meanwhile() {
    let (_dir, mut app) = demo_app(Lang::En, "kazeminia");
    app.update(Action::GoDashboard);
    focus_section(&mut app, Section::OverdueTasks);
    app.update(Action::Open);
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen(), Screen::Resolution(_)));
    let total = app.dashboard.as_ref().unwrap().data.overdue_tasks_total;
    assert!(!app.changed_since_reload(), "nothing written yet");

    // Another user adds an overdue task while the chair reads the resolution.
    let path = app.ctx.store.path.clone();
    let body = app.dashboard.as_ref().unwrap().data.overdue_tasks[0].body_id;
    let mut other = Store::open(&path, actor("bahrami")).unwrap();
    other
        .add_task(&overdue_task(body, "Fix the lights of the square", 2))
        .unwrap();
    assert!(app.changed_since_reload(), "another connection wrote");
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Dashboard);
    assert_eq!(
        app.dashboard.as_ref().unwrap().data.overdue_tasks_total,
        total + 1,
        "read again on the way back"
    );
    assert!(!app.changed_since_reload());

    // A write through the program's own connection is seen too (SQLite's data_version
    // counts only other connections' commits).
    key(&mut app, KeyCode::Enter);
    app.ctx
        .store
        .add_task(&overdue_task(body, "Repaint the crossings", 1))
        .unwrap();
    assert!(app.changed_since_reload(), "this connection wrote");
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        app.dashboard.as_ref().unwrap().data.overdue_tasks_total,
        total + 2
    );
    // And with nothing written, Esc keeps what was read.
    key(&mut app, KeyCode::Enter);
    assert!(!app.changed_since_reload());
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.screen(), Screen::Dashboard);
}

/// A task of the Works unit, `days` overdue.
fn overdue_task(body: i64, title: &str, days: i64) -> NewTask {
    NewTask {
        body_id: Some(body),
        resolution_id: None,
        agenda_item_id: None,
        title: title.into(),
        description: None,
        assignee_id: None,
        assignee_unit: Some("Works".into()),
        due: Some(today() - chrono::Duration::days(days)),
        priority: Priority::Normal,
        created_on: Some(today() - chrono::Duration::days(9)),
    }
}
