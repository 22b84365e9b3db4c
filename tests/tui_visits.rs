//! The evaluations screen on the app alone (ratatui's `TestBackend`): a body's
//! checklists, scoreboard and visits, a visit's page, and the dashboard's visit figures,
//! as snapshots at 80×24 and 160×48 in English and Persian, on a fixture built through
//! ops (a council, a checklist of three weighted criteria, five districts, two rounds of
//! visits with findings, one finding made a task, one district never visited); the
//! scores and the board worked out by hand; scoring through the form; a score above the
//! scale refused with the typed text kept; the dashboard's overdue figure drilling to
//! the screen; and the palette finding the screen in both languages.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use shura::app::dashboard_screen::{DashPane, Section};
use shura::app::keymap::Action;
use shura::app::state::{App, Modal, Screen};
use shura::app::visits_screen::VisitsPane;
use shura::identity::Actor;
use shura::locale::text::BidiMode;
use shura::locale::{Calendar, Lang, Prefs};
use shura::model::evaluation::NewCriterion;
use shura::model::plans::{Direction, PeriodKind};
use shura::model::rules::{MeetingRule, QuorumRule};
use shura::model::*;
use shura::ops::evaluation::FindingTask;
use shura::ops::Context;
use shura::store::evaluation::{NewChecklist, NewVisit};
use shura::store::write::*;
use shura::store::Store;
use shura::tui::theme::Theme;
use tempfile::TempDir;

mod common;
use common::buffer_text;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn today() -> NaiveDate {
    d("2026-11-22")
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

/// The fixture's ids.
struct Fixture {
    body: i64,
    checklist: i64,
    /// Round 1 (2026-05-10) of districts 1–4, round 2 (2026-10-15) of districts 1–3.
    round1: Vec<i64>,
    round2: Vec<i64>,
    task: i64,
    units: Vec<String>,
}

fn unit_names(lang: Lang) -> Vec<String> {
    (1..=5)
        .map(|i| match lang {
            Lang::En => format!("District {i}"),
            Lang::Fa => format!(
                "منطقه {}",
                shura::locale::digits::localize_digits(&i.to_string(), Lang::Fa)
            ),
        })
        .collect()
}

/// A council with a checklist (Cleanliness 3, Lighting 2, Response 1, scale 5, every
/// quarter) of five districts. Round 1: D1 4,3,5 (23/30 = 76.7 %), D2 2,2,2 (40 %),
/// D3 5,5,5 (100 %), D4 3,4,1 (60 %). Round 2: D1 5,4,5 (28/30 = 93.3 % ▲), D2 1,2,3
/// (33.3 % ▼), D3 4,5,5 (90 % ▼). D4 is overdue since its quarter ran out; D5 was never
/// visited. D2's finding on cleanliness in round 2 is a task.
fn fixture(lang: Lang) -> (TempDir, App, Fixture) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(
        &dir.path().join("v.db"),
        Actor {
            uid: 1000,
            login: "chair".into(),
        },
    )
    .unwrap();
    let mut ctx = Context {
        store,
        prefs: prefs(lang),
        today: today(),
    };
    let fa = lang == Lang::Fa;
    let pick = |en: &str, f: &str| if fa { f.to_string() } else { en.to_string() };
    let body = ctx
        .store
        .add_body(&NewBody {
            name: Name::new(Some("شورای شهر".into()), Some("City Council".into())),
            kind: BodyKind::Council,
            parent_id: None,
            quorum: QuorumRule::Majority,
            meeting_rule: MeetingRule::None,
            resolution_format: "{seq}".into(),
            agenda_template: vec![],
            confidential: false,
            formed_on: Some(d("2025-03-21")),
            procedure: Default::default(),
            agenda_closing: Vec::new(),
            number_per_term: false,
            fiscal_year: Default::default(),
            signing: Default::default(),
            law_profile: Default::default(),
            absence_rule: Default::default(),
        })
        .unwrap();
    let person = ctx
        .store
        .add_person(&NewPerson {
            name: Name::new(Some("مریم سلطانی".into()), Some("Maryam Soltani".into())),
            login: None,
            ..Default::default()
        })
        .unwrap();
    ctx.store
        .add_membership(&NewMembership {
            body_id: body,
            person_id: person,
            role: Role::Secretary,
            voting: true,
            term_start: None,
            term_end: None,
        })
        .unwrap();
    ctx.refresh_visibility();
    let units = unit_names(lang);
    let c = shura::ops::evaluation::add_checklist(
        &mut ctx,
        &NewChecklist {
            body_id: body,
            title: pick("District services", "خدمات مناطق"),
            scale_max: 5,
            every: PeriodKind::Quarter,
            criteria: vec![
                NewCriterion {
                    name: pick("Cleanliness", "پاکیزگی"),
                    weight: 3.0,
                },
                NewCriterion {
                    name: pick("Lighting", "روشنایی"),
                    weight: 2.0,
                },
                NewCriterion {
                    name: pick("Response", "پاسخگویی"),
                    weight: 1.0,
                },
            ],
            units: units.clone(),
        },
    )
    .unwrap();
    let visit = |ctx: &mut Context, unit: usize, on: &str, scores: [u8; 3]| {
        let v = shura::ops::evaluation::add_visit(
            ctx,
            &NewVisit {
                checklist_id: c.id,
                unit: units[unit].clone(),
                visited_on: d(on),
                visitors: vec![person],
                note: String::new(),
            },
        )
        .unwrap();
        for (i, s) in scores.iter().enumerate() {
            shura::ops::evaluation::score(
                ctx,
                v.visit.id,
                &(i + 1).to_string(),
                &s.to_string(),
                None,
            )
            .unwrap();
        }
        v.visit.id
    };
    let round1 = vec![
        visit(&mut ctx, 0, "2026-05-10", [4, 3, 5]),
        visit(&mut ctx, 1, "2026-05-10", [2, 2, 2]),
        visit(&mut ctx, 2, "2026-05-11", [5, 5, 5]),
        visit(&mut ctx, 3, "2026-05-11", [3, 4, 1]),
    ];
    let round2 = vec![
        visit(&mut ctx, 0, "2026-10-15", [5, 4, 5]),
        visit(&mut ctx, 1, "2026-10-15", [1, 2, 3]),
        visit(&mut ctx, 2, "2026-10-16", [4, 5, 5]),
    ];
    shura::ops::evaluation::score(
        &mut ctx,
        round2[0],
        "2",
        "4",
        Some(&pick(
            "two lamps out on the main street",
            "دو چراغ خیابان اصلی خاموش",
        )),
    )
    .unwrap();
    shura::ops::evaluation::score(
        &mut ctx,
        round2[1],
        "1",
        "1",
        Some(&pick(
            "bins overflowing at the market",
            "سطل‌های بازار سرریز",
        )),
    )
    .unwrap();
    let task = shura::ops::evaluation::finding_task(
        &mut ctx,
        round2[1],
        "1",
        &FindingTask {
            due: Some(d("2026-12-15")),
            ..Default::default()
        },
    )
    .unwrap()
    .id;
    let app = App::new(ctx);
    (
        dir,
        app,
        Fixture {
            body,
            checklist: c.id,
            round1,
            round2,
            task,
            units,
        },
    )
}

fn render(app: &mut App, width: u16, height: u16) -> String {
    let theme = Theme::monochrome();
    app.resize(height);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| shura::tui::draw::draw(f, app, &theme))
        .unwrap();
    buffer_text(terminal.backend().buffer())
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

/// A unit's line: name, score, the score before, trend.
type Standing = (String, Option<f64>, Option<f64>, Option<Direction>);

fn round(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// The council's evaluations, from the bodies screen by its key.
fn open_screen(app: &mut App) {
    assert_eq!(app.screen(), Screen::Bodies);
    key(app, KeyCode::Char('V'));
    no_error(app, "V");
    assert!(matches!(app.screen(), Screen::Visits(_)));
}

// ---------------------------------------------------------------------------------------------
// The board and scores, by hand

#[test]
fn the_board_ranks_units_by_latest_score_with_trend_and_due() {
    let (_dir, mut app, fx) = fixture(Lang::En);
    open_screen(&mut app);
    let s = app.visits.as_ref().unwrap();
    assert_eq!(s.body_id, fx.body);
    assert_eq!(s.checklist().unwrap().id, fx.checklist);
    let board: Vec<Standing> = s
        .board
        .iter()
        .map(|u| {
            (
                u.unit.clone(),
                u.score.map(round),
                u.previous_score.map(round),
                u.trend,
            )
        })
        .collect();
    let u = &fx.units;
    assert_eq!(
        board,
        vec![
            (
                u[0].clone(),
                Some(93.3),
                Some(76.7),
                Some(Direction::Better)
            ),
            (
                u[2].clone(),
                Some(90.0),
                Some(100.0),
                Some(Direction::Worse)
            ),
            (u[3].clone(), Some(60.0), None, None),
            (u[1].clone(), Some(33.3), Some(40.0), Some(Direction::Worse)),
            (u[4].clone(), None, None, None),
        ]
    );
    // District 4: visited 1405-02-21 (2026-05-11), due a quarter later (1405-05-21,
    // 2026-08-12): 102 days late on 2026-11-22. District 5, never visited: due now.
    assert_eq!(s.board[2].days_overdue, Some(102));
    assert_eq!(s.board[4].days_overdue, Some(0));
    assert_eq!(s.board[0].days_overdue, None);
    // Visits latest first.
    let ids: Vec<i64> = s.visits.iter().map(|v| v.visit.id).collect();
    let mut want: Vec<i64> = fx.round2.iter().rev().copied().collect();
    want.extend(fx.round1.iter().rev());
    assert_eq!(ids, want);
}

// ---------------------------------------------------------------------------------------------
// Snapshots

fn screen_snapshots(lang: Lang) {
    let tag = if lang == Lang::En { "en" } else { "fa" };
    let (_dir, mut app, fx) = fixture(lang);
    open_screen(&mut app);
    snap(&mut app, &format!("{tag}_visits"));
    // The board in focus, on District 2; Enter opens its latest visit (with its task).
    key(&mut app, KeyCode::Tab);
    for _ in 0..3 {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    no_error(&app, "Enter on the board");
    assert_eq!(app.screen(), Screen::Visit(fx.round2[1]));
    snap(&mut app, &format!("{tag}_visit_page"));
    let p = app.visit_page.as_ref().unwrap();
    assert_eq!(p.view.lines[0].task_id, Some(fx.task));
    // The dashboard's visit figures.
    app.update(Action::GoDashboard);
    for section in [Section::UnitsByVisit, Section::VisitsOverdue] {
        let d = app.dashboard.as_mut().unwrap();
        d.pane = DashPane::Detail;
        d.section = Section::ALL.iter().position(|s| *s == section).unwrap();
        d.detail = 0;
        let name = if section == Section::UnitsByVisit {
            "ranked"
        } else {
            "overdue"
        };
        snap(&mut app, &format!("{tag}_dashboard_visits_{name}"));
    }
}

#[test]
fn en_visits_snapshots() {
    screen_snapshots(Lang::En);
}

#[test]
fn fa_visits_snapshots() {
    screen_snapshots(Lang::Fa);
}

// ---------------------------------------------------------------------------------------------
// Forms

/// Opens District 1's latest visit with its third criterion (Response) under the
/// cursor and its score form open.
fn score_form_on_response(app: &mut App, fx: &Fixture) {
    open_screen(app);
    key(app, KeyCode::Tab);
    key(app, KeyCode::Tab);
    assert_eq!(app.visits.as_ref().unwrap().pane, VisitsPane::Visits);
    // Latest first: District 3, 2, 1 of round 2.
    key(app, KeyCode::Down);
    key(app, KeyCode::Down);
    key(app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Visit(fx.round2[0]));
    key(app, KeyCode::Down);
    key(app, KeyCode::Down);
    key(app, KeyCode::Char('s'));
    assert!(matches!(app.modal, Some(Modal::Form(_))), "the score form");
    let Some(Modal::Form(f)) = &mut app.modal else {
        unreachable!()
    };
    // It starts from the score recorded (5); the test types its own.
    f.set("score", "");
}

#[test]
fn scoring_through_the_form_stores_it() {
    let (_dir, mut app, fx) = fixture(Lang::Fa);
    score_form_on_response(&mut app, &fx);
    typ(&mut app, "۲");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "پاسخ با تأخیر");
    key(&mut app, KeyCode::Enter);
    no_error(&app, "saving the score");
    assert!(app.modal.is_none(), "the form closed on saving");
    let v = shura::ops::evaluation::visit(&app.ctx, fx.round2[0]).unwrap();
    assert_eq!(v.lines[2].score, Some(2.0));
    assert_eq!(v.lines[2].finding, "پاسخ با تأخیر");
    // (5×3 + 4×2 + 2×1) / 30 = 25/30.
    assert_eq!(round(v.score.unwrap().percent), 83.3);
    // The page and the board show it.
    assert_eq!(
        app.visit_page.as_ref().unwrap().view.lines[2].score,
        Some(2.0)
    );
    app.update(Action::Back);
    // District 1 falls below District 3 (90 %), and is now worse than before.
    let s = app.visits.as_ref().unwrap();
    assert_eq!(s.board[0].unit, fx.units[2]);
    assert_eq!(s.board[1].unit, fx.units[0]);
    assert_eq!(round(s.board[1].score.unwrap()), 83.3);
    assert_eq!(s.board[1].trend, Some(Direction::Better));
}

#[test]
fn a_score_above_the_scale_is_refused_and_the_typed_text_kept() {
    let (_dir, mut app, fx) = fixture(Lang::En);
    score_form_on_response(&mut app, &fx);
    typ(&mut app, "7");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "kept");
    key(&mut app, KeyCode::Enter);
    let Some(Modal::Form(f)) = &app.modal else {
        panic!("the form stays open");
    };
    let err = f.error.clone().unwrap_or_default();
    assert!(err.contains("\"7\""), "names the bad value: {err}");
    assert!(err.contains("from 0 to 5"), "says what is expected: {err}");
    assert_eq!(f.get("score"), "7");
    assert_eq!(f.get("finding"), "kept");
    let v = shura::ops::evaluation::visit(&app.ctx, fx.round2[0]).unwrap();
    assert_eq!(v.lines[2].score, Some(5.0), "nothing stored");
    // In Persian the message is Persian.
    let (_dir, mut app, fx) = fixture(Lang::Fa);
    score_form_on_response(&mut app, &fx);
    typ(&mut app, "۷");
    key(&mut app, KeyCode::Enter);
    let Some(Modal::Form(f)) = &app.modal else {
        panic!("the form stays open");
    };
    let err = f.error.clone().unwrap_or_default();
    assert!(err.contains("۷") && err.contains("۵"), "{err}");
    assert!(!err.chars().any(|c| c.is_ascii_alphabetic()), "{err}");
}

#[test]
fn a_finding_becomes_a_task_through_the_form() {
    let (_dir, mut app, fx) = fixture(Lang::En);
    // District 1's latest visit: its finding on lighting.
    app.open_visits_screen(fx.body, Some(fx.checklist), None, Some(fx.round2[0]))
        .unwrap();
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.screen(), Screen::Visit(fx.round2[0]));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('t'));
    assert!(matches!(app.modal, Some(Modal::Form(_))), "the task form");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "2026-12-31");
    key(&mut app, KeyCode::Enter);
    no_error(&app, "the finding's task");
    let v = shura::ops::evaluation::visit(&app.ctx, fx.round2[0]).unwrap();
    let id = v.lines[1].task_id.expect("a task");
    let task = app.ctx.store.task(id).unwrap();
    assert_eq!(task.title, "two lamps out on the main street");
    assert_eq!(task.due, Some(d("2026-12-31")));
    assert_eq!(task.assignee_unit.as_deref(), Some("District 1"));
    // A criterion with no finding is refused at the key.
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('t'));
    assert!(app.modal.is_none());
    assert!(app.status.as_ref().is_some_and(|s| s.error));
}

#[test]
fn a_checklist_and_a_visit_through_the_forms() {
    let (_dir, mut app, fx) = fixture(Lang::En);
    open_screen(&mut app);
    key(&mut app, KeyCode::Char('c'));
    typ(&mut app, "Schools");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "Safety:2; Teaching:x");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "School A; School B");
    key(&mut app, KeyCode::Enter);
    let Some(Modal::Form(f)) = &app.modal else {
        panic!("refused: the form stays open");
    };
    assert!(f.error.as_deref().unwrap_or("").contains("Teaching:x"));
    assert_eq!(f.get("criteria"), "Safety:2; Teaching:x");
    let Some(Modal::Form(f)) = &mut app.modal else {
        unreachable!()
    };
    f.set("criteria", "Safety:2; Teaching:1");
    key(&mut app, KeyCode::Enter);
    no_error(&app, "the new checklist");
    let all = shura::ops::evaluation::checklists(&app.ctx, Some(fx.body)).unwrap();
    let c = all.iter().find(|c| c.title == "Schools").expect("added");
    assert_eq!(c.criteria.len(), 2);
    assert_eq!(c.units, vec!["School A", "School B"]);
    assert_eq!(app.visits.as_ref().unwrap().checklist().unwrap().id, c.id);
    // A visit to School B by the secretary, typed by part of her name.
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "Soltani");
    key(&mut app, KeyCode::Enter);
    no_error(&app, "the new visit");
    let Screen::Visit(id) = app.screen() else {
        panic!("the new visit's page")
    };
    let v = shura::ops::evaluation::visit(&app.ctx, id).unwrap();
    assert_eq!(v.visit.unit, "School B");
    assert_eq!(v.visit.visited_on, today());
    assert_eq!(v.visitor_names, vec!["Maryam Soltani"]);
}

// ---------------------------------------------------------------------------------------------
// The dashboard and the palette

#[test]
fn the_dashboards_overdue_figure_drills_to_the_screen() {
    let (_dir, mut app, fx) = fixture(Lang::En);
    app.update(Action::GoDashboard);
    let d = app.dashboard.as_ref().unwrap();
    assert_eq!(d.totals.visits_overdue, 2);
    assert_eq!(d.totals.units_ranked, 4);
    assert_eq!(d.totals.units_worse, 2);
    // Most overdue first: District 4, then District 5.
    let overdue: Vec<&str> = d
        .data
        .visits
        .overdue
        .iter()
        .map(|u| u.unit.as_str())
        .collect();
    assert_eq!(overdue, vec![fx.units[3].as_str(), fx.units[4].as_str()]);
    let d = app.dashboard.as_mut().unwrap();
    d.section = Section::ALL
        .iter()
        .position(|s| *s == Section::VisitsOverdue)
        .unwrap();
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    no_error(&app, "drilling down");
    assert_eq!(app.screen(), Screen::Visits(fx.body));
    let s = app.visits.as_ref().unwrap();
    assert_eq!(s.pane, VisitsPane::Board);
    assert_eq!(s.board[s.board_cursor].unit, fx.units[3]);
    // The ranked figure opens the unit's latest visit selected.
    app.update(Action::Back);
    let d = app.dashboard.as_mut().unwrap();
    d.section = Section::ALL
        .iter()
        .position(|s| *s == Section::UnitsByVisit)
        .unwrap();
    d.detail = 1;
    key(&mut app, KeyCode::Enter);
    let s = app.visits.as_ref().unwrap();
    assert_eq!(s.pane, VisitsPane::Visits);
    assert_eq!(s.visits[s.visits_cursor].visit.id, fx.round2[2]);
}

#[test]
fn the_palette_finds_the_evaluations() {
    for (lang, words) in [
        (Lang::En, vec!["visit", "checklist", "evaluation"]),
        (Lang::Fa, vec!["بازدید", "چک‌لیست", "ارزیابی"]),
    ] {
        for word in words {
            let (_dir, mut app, fx) = fixture(lang);
            key(&mut app, KeyCode::Char(':'));
            typ(&mut app, word);
            key(&mut app, KeyCode::Enter);
            no_error(&app, word);
            assert_eq!(app.screen(), Screen::Visits(fx.body), "{word}");
        }
    }
}

#[test]
fn a_checklist_is_edited_through_its_form() {
    let (_dir, mut app, fx) = fixture(Lang::Fa);
    open_screen(&mut app);
    key(&mut app, KeyCode::Char('e'));
    let Some(Modal::Form(f)) = &mut app.modal else {
        panic!("the edit form: {:?}", app.status)
    };
    // It starts from what is stored.
    assert_eq!(f.get("title"), "خدمات مناطق");
    assert_eq!(f.get("scale"), "۵");
    assert_eq!(f.get("every"), "quarter");
    // A scale below a score given is refused, the typed values kept.
    f.set("scale", "۳");
    f.set("add_units", "منطقه ۶");
    key(&mut app, KeyCode::Enter);
    let Some(Modal::Form(f)) = &mut app.modal else {
        panic!("refused: the form stays open")
    };
    assert!(
        f.error.as_deref().unwrap_or("").contains("۳"),
        "{:?}",
        f.error
    );
    assert_eq!(f.get("add_units"), "منطقه ۶");
    f.set("scale", "۱۰");
    f.set("add_criteria", "ایمنی:۲");
    f.set("remove_units", &fx.units[4]);
    key(&mut app, KeyCode::Enter);
    no_error(&app, "saving the checklist");
    assert!(app.modal.is_none());
    let c = shura::ops::evaluation::checklist(&app.ctx, fx.checklist).unwrap();
    assert_eq!(c.scale_max, 10);
    assert_eq!(c.criteria.len(), 4);
    assert_eq!(c.criteria[3].weight, 2.0);
    assert!(c.units.contains(&"منطقه ۶".to_string()));
    assert!(!c.units.contains(&fx.units[4]));
}

#[test]
fn enter_on_a_unit_never_visited_records_its_first_visit() {
    let (_dir, mut app, fx) = fixture(Lang::En);
    open_screen(&mut app);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::End);
    assert_eq!(app.visits.as_ref().unwrap().board[4].unit, fx.units[4]);
    key(&mut app, KeyCode::Enter);
    let Some(Modal::Form(f)) = &app.modal else {
        panic!("the visit form: {:?}", app.status)
    };
    assert_eq!(f.get("unit"), fx.units[4]);
    key(&mut app, KeyCode::Enter);
    no_error(&app, "the first visit");
    let Screen::Visit(id) = app.screen() else {
        panic!("the visit's page")
    };
    app.update(Action::Back);
    let s = app.visits.as_ref().unwrap();
    let d5 = s.board.iter().find(|u| u.unit == fx.units[4]).unwrap();
    assert_eq!(d5.last_visit_id, Some(id));
    assert_eq!(d5.days_overdue, None);
    assert_eq!(d5.score, None, "not scored yet");
}

#[test]
fn stored_text_reaches_the_screen_sanitized() {
    let (_dir, mut app, fx) = fixture(Lang::En);
    let hostile = "Evil\u{1b}[2J\u{7}unit\u{202e}";
    let added = shura::ops::evaluation::add_visit(
        &mut app.ctx,
        &NewVisit {
            checklist_id: fx.checklist,
            unit: hostile.into(),
            visited_on: today(),
            visitors: vec![],
            note: "note\u{1b}]0;title\u{7}".into(),
        },
    );
    let Ok(v) = added else {
        panic!("refused: {added:?}");
    };
    shura::ops::evaluation::score(
        &mut app.ctx,
        v.visit.id,
        "1",
        "3",
        Some("finding\u{1b}[31m red"),
    )
    .unwrap();
    app.reload();
    open_screen(&mut app);
    app.open_visit_page(v.visit.id).unwrap();
    for screen in [render(&mut app, 160, 48), {
        app.update(Action::Back);
        render(&mut app, 160, 48)
    }] {
        assert!(
            !screen
                .chars()
                .any(|c| c.is_control() && c != '\n' || c == '\u{202e}'),
            "{screen}"
        );
    }
}

#[test]
fn the_board_follows_the_checklist_the_filter_shows() {
    let (_dir, mut app, fx) = fixture(Lang::En);
    let schools = shura::ops::evaluation::add_checklist(
        &mut app.ctx,
        &NewChecklist {
            body_id: fx.body,
            title: "Schools".into(),
            scale_max: 5,
            every: PeriodKind::Year,
            criteria: vec![NewCriterion {
                name: "Safety".into(),
                weight: 1.0,
            }],
            units: vec!["School A".into()],
        },
    )
    .unwrap();
    app.reload();
    open_screen(&mut app);
    let s = app.visits.as_ref().unwrap();
    assert_eq!(s.checklists.len(), 2);
    let first = s.checklist().unwrap().id;
    key(&mut app, KeyCode::Char('/'));
    typ(
        &mut app,
        if first == schools.id {
            "District"
        } else {
            "Schools"
        },
    );
    let s = app.visits.as_ref().unwrap();
    let other = if first == schools.id {
        fx.checklist
    } else {
        schools.id
    };
    assert_eq!(s.checklist().unwrap().id, other, "the one match");
    assert!(!s.board.is_empty());
    assert!(s.board.iter().all(|u| u.checklist_id == other));
    // Kept, then cleared by Esc on the list: the same checklist stays selected.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Esc);
    assert!(app.filter.is_empty());
    let s = app.visits.as_ref().unwrap();
    assert_eq!(s.checklist().unwrap().id, other);
    assert!(s.board.iter().all(|u| u.checklist_id == other));
}
