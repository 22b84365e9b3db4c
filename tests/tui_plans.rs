//! The plan screen on the app alone (ratatui's `TestBackend`): a body's goals, policies
//! and indicators with their measurements and the chart of the trend against the target,
//! as snapshots at 80×24 (a sparkline) and 160×48 (a chart) in English and Persian, on a
//! fixture built through the operations; its forms saved through the operations; a
//! refused period that keeps what was typed; and the palette finding the screen.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use shura::app::keymap::Action;
use shura::app::plans_screen::{PlanRow, PlansPane};
use shura::app::state::{App, ListKind, Modal, Screen};
use shura::identity::Actor;
use shura::locale::text::BidiMode;
use shura::locale::{Calendar, Lang, Prefs};
use shura::model::plans::{Direction, PeriodKind};
use shura::model::rules::{MeetingRule, QuorumRule};
use shura::model::*;
use shura::ops::plans::{GoalRef, IndicatorInput, MeasurementInput, PolicyInput};
use shura::ops::Context;
use shura::store::write::NewBody;
use shura::store::Store;
use shura::tui::theme::Theme;
use tempfile::TempDir;

mod common;
use common::buffer_text;

/// The first quarter of 1405: the four quarters of 1404 are all measured.
const TODAY: &str = "2026-05-01";
const SIZES: [(u16, u16); 2] = [(80, 24), (160, 48)];

fn today() -> NaiveDate {
    NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()
}

fn prefs(lang: Lang) -> Prefs {
    Prefs {
        lang,
        calendar: if lang == Lang::Fa {
            Calendar::Jalali
        } else {
            Calendar::Gregorian
        },
        bidi: BidiMode::App,
    }
}

/// Titles of the fixture in the language of the interface.
fn tr(lang: Lang, en: &'static str, fa: &'static str) -> String {
    if lang == Lang::Fa { fa } else { en }.to_string()
}

/// A council's plan, through the operations: two goals, three policies, three
/// indicators measured the four quarters of 1404 (Jalali, the body's calendar).
///
/// By hand:
/// - households separating waste, %: 25, 32, 41, 48 against 60 from a baseline of 20:
///   +7 (better), off target, progress (48−20)/(60−20) = 70 %;
/// - complaints about litter, fewer is better: 280, 240, 190, 90 against 100 from 300:
///   −100 (better), on target, progress (90−300)/(100−300) = 105 %;
/// - average bus age in years, lower is better: 12, 11.5, 11.5, 12 against 8, no
///   baseline: +0.5 (worse), off target, no progress.
fn fixture(lang: Lang) -> (TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(
        &dir.path().join("plans.db"),
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
    let body = shura::ops::setup::add_body(
        &mut ctx,
        &NewBody {
            name: Name::new(
                Some("شورای برنامه‌ریزی".into()),
                Some("Planning council".into()),
            ),
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
        },
    )
    .unwrap();
    let policy = |ctx: &mut Context, title: String, goal: String| {
        shura::ops::plans::add_policy(
            ctx,
            &PolicyInput {
                body_id: body,
                title,
                goal: Some(GoalRef::Title(goal)),
                description: String::new(),
            },
        )
        .unwrap()
        .policy
        .id
    };
    let cleaner = tr(lang, "A cleaner city", "شهر پاکیزه‌تر");
    let transit = tr(lang, "Better transit", "حمل‌ونقل بهتر");
    let waste = policy(
        &mut ctx,
        tr(lang, "Waste separated at source", "تفکیک پسماند از مبدأ"),
        cleaner.clone(),
    );
    let streets = policy(
        &mut ctx,
        tr(lang, "Street cleaning", "رفت‌وروب معابر"),
        cleaner,
    );
    let buses = policy(
        &mut ctx,
        tr(lang, "Bus fleet renewal", "نوسازی ناوگان اتوبوس"),
        transit,
    );
    #[allow(clippy::too_many_arguments)]
    let indicator = |ctx: &mut Context,
                     policy_id: i64,
                     name: String,
                     unit: String,
                     target: f64,
                     baseline: Option<f64>,
                     lower: bool,
                     values: [f64; 4]| {
        let id = shura::ops::plans::add_indicator(
            ctx,
            &IndicatorInput {
                policy_id,
                name,
                unit: Some(unit),
                target,
                baseline,
                lower_is_better: lower,
                period: PeriodKind::Quarter,
            },
        )
        .unwrap()
        .indicator
        .id;
        for (q, v) in values.iter().enumerate() {
            shura::ops::plans::record(
                ctx,
                &MeasurementInput {
                    indicator_id: id,
                    period: format!("1404-Q{}", q + 1),
                    value: *v,
                    source: tr(lang, "district reports", "گزارش مناطق"),
                    note: String::new(),
                },
            )
            .unwrap();
        }
        id
    };
    indicator(
        &mut ctx,
        waste,
        tr(lang, "Households separating", "خانوارهای تفکیک‌کننده"),
        "%".into(),
        60.0,
        Some(20.0),
        false,
        [25.0, 32.0, 41.0, 48.0],
    );
    indicator(
        &mut ctx,
        streets,
        tr(lang, "Litter complaints", "شکایت از زباله"),
        tr(lang, "cases", "مورد"),
        100.0,
        Some(300.0),
        true,
        [280.0, 240.0, 190.0, 90.0],
    );
    indicator(
        &mut ctx,
        buses,
        tr(lang, "Average bus age", "میانگین عمر اتوبوس"),
        tr(lang, "years", "سال"),
        8.0,
        None,
        true,
        [12.0, 11.5, 11.5, 12.0],
    );
    let app = App::new(ctx);
    (dir, app)
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

/// Opens the plan of the (only) body with its key on the bodies screen.
fn open_plan(app: &mut App) {
    assert_eq!(app.screen(), Screen::Bodies);
    key(app, KeyCode::Char('P'));
    no_error(app, "the plan");
    assert!(matches!(app.screen(), Screen::Plans(_)));
}

/// Puts the tree's cursor on the row `n`.
fn select_row(app: &mut App, n: usize) {
    key(app, KeyCode::Home);
    for _ in 0..n {
        key(app, KeyCode::Down);
    }
}

fn form(app: &App) -> &shura::app::form::Form {
    match &app.modal {
        Some(Modal::Form(f)) => f,
        other => panic!("a form is open: {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// The tree, worked by hand

#[test]
fn the_tree_holds_goals_policies_and_indicators_with_their_figures() {
    let (_dir, mut app) = fixture(Lang::En);
    open_plan(&mut app);
    let p = app.plans.as_ref().unwrap();
    let shape: Vec<usize> = p.rows.iter().map(PlanRow::depth).collect();
    assert_eq!(shape, vec![0, 1, 2, 1, 2, 0, 1, 2]);
    let ind = |row: usize| p.indicator_at(Some(row)).expect("an indicator");
    let households = ind(2);
    assert_eq!(households.figures.last_value, Some(48.0));
    assert_eq!(households.figures.direction, Some(Direction::Better));
    assert_eq!(households.figures.on_target, Some(false));
    assert_eq!(households.figures.progress.map(f64::round), Some(70.0));
    let complaints = ind(4);
    assert_eq!(complaints.figures.direction, Some(Direction::Better));
    assert_eq!(complaints.figures.on_target, Some(true));
    assert_eq!(complaints.figures.progress.map(f64::round), Some(105.0));
    let buses = ind(7);
    assert_eq!(buses.figures.direction, Some(Direction::Worse));
    assert_eq!(buses.figures.on_target, Some(false));
    assert_eq!(buses.figures.progress, None);
    // Each indicator's measurements run from the oldest period to the newest.
    let periods: Vec<&str> = households
        .measurements
        .iter()
        .map(|m| m.measurement.period.as_str())
        .collect();
    assert_eq!(periods, ["1404-Q1", "1404-Q2", "1404-Q3", "1404-Q4"]);
}

// ---------------------------------------------------------------------------------------------
// Snapshots

fn plan_snapshots(lang: Lang) {
    let tag = if lang == Lang::En { "en" } else { "fa" };
    let (_dir, mut app) = fixture(lang);
    open_plan(&mut app);
    // The first indicator: a baseline, off target, rising.
    select_row(&mut app, 2);
    snap(&mut app, &format!("{tag}_plan"));
    // The last: no baseline, worse; its measurements in focus.
    select_row(&mut app, 7);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.plans.as_ref().unwrap().pane, PlansPane::Measurements);
    snap(&mut app, &format!("{tag}_plan_measurements"));
    // The form recording a measurement, its hint an example of the indicator's kind.
    key(&mut app, KeyCode::Tab);
    app.update(Action::RecordMeasurement);
    snap(&mut app, &format!("{tag}_plan_record_form"));
}

#[test]
fn en_plan() {
    plan_snapshots(Lang::En);
}

#[test]
fn fa_plan() {
    plan_snapshots(Lang::Fa);
}

// ---------------------------------------------------------------------------------------------
// Forms

#[test]
fn forms_save_a_goal_a_policy_an_indicator_and_a_measurement_through_the_operations() {
    let (_dir, mut app) = fixture(Lang::En);
    open_plan(&mut app);
    let body = app.plans.as_ref().unwrap().body_id;

    key(&mut app, KeyCode::Char('O'));
    typ(&mut app, "Safer streets");
    key(&mut app, KeyCode::Enter);
    no_error(&app, "the goal");
    assert!(app.modal.is_none());
    let plan = shura::ops::plans::plan(&app.ctx, body).unwrap();
    assert_eq!(plan.goals.len(), 3);
    assert_eq!(plan.goals[2].goal.title, "Safer streets");
    // The new goal is under the cursor: a new policy is offered under it.
    key(&mut app, KeyCode::Char('p'));
    assert_eq!(form(&app).get("goal"), "Safer streets");
    typ(&mut app, "Street lighting");
    key(&mut app, KeyCode::Enter);
    no_error(&app, "the policy");
    let plan = shura::ops::plans::plan(&app.ctx, body).unwrap();
    assert_eq!(plan.goals[2].policies.len(), 1);
    assert_eq!(plan.goals[2].policies[0].policy.title, "Street lighting");

    // An indicator of the policy under the cursor, lower is better, measured monthly.
    key(&mut app, KeyCode::Char('i'));
    typ(&mut app, "Dark streets");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "streets");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "10");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "۴۰");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, " ");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Left);
    assert_eq!(form(&app).get("period"), PeriodKind::Month.code());
    key(&mut app, KeyCode::Enter);
    no_error(&app, "the indicator");
    let plan = shura::ops::plans::plan(&app.ctx, body).unwrap();
    let ind = &plan.goals[2].policies[0].indicators[0];
    assert_eq!(ind.indicator.name, "Dark streets");
    assert_eq!(ind.indicator.unit.as_deref(), Some("streets"));
    assert_eq!(ind.indicator.target, 10.0);
    assert_eq!(ind.indicator.baseline, Some(40.0));
    assert!(!ind.indicator.higher_is_better);
    assert_eq!(ind.indicator.period, PeriodKind::Month);
    let id = ind.indicator.id;

    // A measurement of it: the month as written with a slash, in Persian digits.
    key(&mut app, KeyCode::Char('m'));
    assert!(
        form(&app).fields[0].hint.contains("1404/07"),
        "{}",
        form(&app).fields[0].hint
    );
    typ(&mut app, "۱۴۰۴/۱۱");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "31");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "survey");
    key(&mut app, KeyCode::Enter);
    no_error(&app, "the measurement");
    let v = shura::ops::plans::indicator(&app.ctx, id).unwrap();
    assert_eq!(v.measurements.len(), 1);
    assert_eq!(v.measurements[0].measurement.period, "1404-11");
    assert_eq!(v.measurements[0].measurement.value, 31.0);
    assert_eq!(v.measurements[0].measurement.source, "survey");
    assert_eq!(v.figures.progress.map(f64::round), Some(30.0));

    // Editing the indicator: its target.
    key(&mut app, KeyCode::Char('e'));
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    typ(&mut app, "5");
    key(&mut app, KeyCode::Enter);
    no_error(&app, "the indicator edited");
    assert_eq!(
        shura::ops::plans::indicator(&app.ctx, id)
            .unwrap()
            .indicator
            .target,
        5.0
    );
}

#[test]
fn a_refused_period_shows_the_message_and_keeps_what_was_typed() {
    let (_dir, mut app) = fixture(Lang::Fa);
    open_plan(&mut app);
    select_row(&mut app, 2);
    key(&mut app, KeyCode::Char('m'));
    // A month typed for a quarterly indicator.
    typ(&mut app, "۱۴۰۴/۰۷");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "۵۵");
    key(&mut app, KeyCode::Enter);
    let f = form(&app);
    let error = f.error.clone().expect("the save is refused");
    assert!(error.contains("۱۴۰۴/۰۷"), "names the value: {error}");
    assert!(
        error.contains("یک فصل از سال شمسی"),
        "says what is expected: {error}"
    );
    assert!(
        !error.chars().any(|c| c.is_ascii_alphabetic() && c != 'Q'),
        "{error}"
    );
    assert_eq!(f.get("period"), "۱۴۰۴/۰۷");
    assert_eq!(f.get("value"), "۵۵");
    let ind = app.plans.as_ref().unwrap().indicator_at(Some(2)).unwrap();
    let id = ind.indicator.id;
    assert_eq!(ind.measurements.len(), 4);
    // Corrected as people write it: spring of 1405 (the first quarter).
    key(&mut app, KeyCode::Up);
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "بهار ۱۴۰۵");
    key(&mut app, KeyCode::Enter);
    assert!(app.modal.is_none(), "{:?}", app.modal);
    no_error(&app, "the measurement");
    let v = shura::ops::plans::indicator(&app.ctx, id).unwrap();
    assert_eq!(v.measurements.len(), 5);
    assert!(v
        .measurements
        .iter()
        .any(|m| m.measurement.period == "1405-Q1" && m.measurement.value == 55.0));
}

#[test]
fn a_bad_number_is_refused_naming_it() {
    let (_dir, mut app) = fixture(Lang::En);
    open_plan(&mut app);
    select_row(&mut app, 2);
    key(&mut app, KeyCode::Char('m'));
    typ(&mut app, "1404-Q1");
    key(&mut app, KeyCode::Tab);
    typ(&mut app, "lots");
    key(&mut app, KeyCode::Enter);
    let f = form(&app);
    let error = f.error.clone().expect("the save is refused");
    assert!(error.contains("lots"), "{error}");
    assert_eq!(f.get("value"), "lots");
    assert_eq!(f.get("period"), "1404-Q1");
}

// ---------------------------------------------------------------------------------------------
// Keys, palette and help

#[test]
fn the_palette_finds_the_plan_in_both_languages() {
    for (lang, words) in [
        (Lang::En, ["plan", "policy", "indicator"]),
        (Lang::Fa, ["برنامه", "سیاست", "شاخص"]),
    ] {
        let (_dir, mut app) = fixture(lang);
        app.update(Action::GoBodies);
        for w in words {
            assert!(
                app.palette_matches(w).contains(&Action::GoPlans),
                "{lang:?}: {w}"
            );
        }
        // Run from the palette: the plan opens.
        key(&mut app, KeyCode::Char(':'));
        typ(&mut app, words[2]);
        key(&mut app, KeyCode::Enter);
        assert!(matches!(app.screen(), Screen::Plans(_)), "{lang:?}");
        // On the plan, the palette offers its forms, and help lists their keys.
        assert!(app
            .palette_matches(words[2])
            .contains(&Action::NewIndicator));
        let help = app.help_lines();
        assert!(help.iter().any(|(k, _)| k == "m"));
        key(&mut app, KeyCode::Esc);
        assert_eq!(app.screen(), Screen::Bodies);
        assert!(app.plans.is_none());
    }
}

#[test]
fn enter_on_an_indicator_shows_its_measurements_and_enter_there_corrects_one() {
    let (_dir, mut app) = fixture(Lang::En);
    open_plan(&mut app);
    select_row(&mut app, 4);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.focused_list(), ListKind::PlanMeasurements);
    key(&mut app, KeyCode::End);
    key(&mut app, KeyCode::Enter);
    let f = form(&app);
    assert_eq!(f.get("period"), "1404-Q4");
    assert_eq!(f.get("value"), "90");
    // Corrected: the period recorded again replaces its value.
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Backspace);
    typ(&mut app, "120");
    key(&mut app, KeyCode::Enter);
    no_error(&app, "the correction");
    let ind = app.plans.as_ref().unwrap().indicator_at(Some(4)).unwrap();
    assert_eq!(ind.measurements.len(), 4);
    assert_eq!(ind.figures.last_value, Some(120.0));
    assert_eq!(ind.figures.on_target, Some(false));
}

#[test]
fn a_goal_is_renamed_and_a_policy_moved_to_a_new_goal_by_title() {
    let (_dir, mut app) = fixture(Lang::En);
    open_plan(&mut app);
    let body = app.plans.as_ref().unwrap().body_id;
    // The first goal: renamed.
    select_row(&mut app, 0);
    key(&mut app, KeyCode::Char('e'));
    assert_eq!(form(&app).get("title"), "A cleaner city");
    key(&mut app, KeyCode::End);
    typ(&mut app, " and greener");
    key(&mut app, KeyCode::Enter);
    no_error(&app, "the goal renamed");
    let plan = shura::ops::plans::plan(&app.ctx, body).unwrap();
    assert_eq!(plan.goals[0].goal.title, "A cleaner city and greener");
    // Street cleaning, under a goal typed new: the goal is added and the policy moved.
    select_row(&mut app, 3);
    key(&mut app, KeyCode::Char('e'));
    assert_eq!(form(&app).get("goal"), "A cleaner city and greener");
    key(&mut app, KeyCode::Tab);
    for _ in 0..40 {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "Tidy streets");
    key(&mut app, KeyCode::Enter);
    no_error(&app, "the policy moved");
    let plan = shura::ops::plans::plan(&app.ctx, body).unwrap();
    assert_eq!(plan.goals.len(), 3);
    assert_eq!(plan.goals[2].goal.title, "Tidy streets");
    assert_eq!(plan.goals[2].policies[0].policy.title, "Street cleaning");
    assert_eq!(plan.goals[0].policies.len(), 1);
    // Its indicator went with it, and the cursor followed the policy.
    let p = app.plans.as_ref().unwrap();
    assert!(
        matches!(&p.rows[p.tree.selected], PlanRow::Policy(v) if v.policy.title == "Street cleaning")
    );
    assert_eq!(plan.goals[2].policies[0].indicators.len(), 1);
}

#[test]
fn someone_who_does_not_keep_the_plan_reads_it_but_opens_no_form() {
    let (dir, app) = fixture(Lang::En);
    drop(app);
    let store = Store::open(
        &dir.path().join("plans.db"),
        Actor {
            uid: 1001,
            login: "visitor".into(),
        },
    )
    .unwrap();
    let mut app = App::new(Context {
        store,
        prefs: prefs(Lang::En),
        today: today(),
    });
    open_plan(&mut app);
    assert_eq!(app.plans.as_ref().unwrap().rows.len(), 8);
    select_row(&mut app, 2);
    for k in ['O', 'p', 'i', 'e', 'm'] {
        key(&mut app, KeyCode::Char(k));
        assert!(app.modal.is_none(), "{k}: {:?}", app.modal);
        assert!(app.status.as_ref().is_some_and(|s| s.error), "{k}");
    }
    // Enter on a goal opens no form either; on an indicator it shows the measurements,
    // where Enter opens none.
    select_row(&mut app, 0);
    key(&mut app, KeyCode::Enter);
    assert!(app.modal.is_none(), "{:?}", app.modal);
    select_row(&mut app, 2);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.focused_list(), ListKind::PlanMeasurements);
    key(&mut app, KeyCode::Enter);
    assert!(app.modal.is_none(), "{:?}", app.modal);
    assert!(app.status.as_ref().is_some_and(|s| s.error));
}

#[test]
fn stored_text_reaches_the_screen_sanitized() {
    let (_dir, mut app) = fixture(Lang::En);
    open_plan(&mut app);
    select_row(&mut app, 2);
    key(&mut app, KeyCode::Char('e'));
    key(&mut app, KeyCode::End);
    // Pasted control characters: the name is stored as typed (but NUL) and shown clean.
    if let Some(Modal::Form(f)) = &mut app.modal {
        f.fields[0].value.push_str("\u{1b}[31m red");
        f.fields[1].value = "\u{1b}]0;title\u{7}%".into();
    }
    key(&mut app, KeyCode::Enter);
    no_error(&app, "the indicator renamed");
    for (w, h) in SIZES {
        let text = render(&mut app, w, h);
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{7}'),
            "{text}"
        );
        assert!(text.contains("red"), "{text}");
    }
}

#[test]
fn a_dashboard_indicator_opens_the_plan_on_it() {
    use shura::app::dashboard_screen::Section;
    let (_dir, mut app) = fixture(Lang::En);
    app.update(Action::GoDashboard);
    let d = app.dashboard.as_mut().unwrap();
    d.section = Section::ALL
        .iter()
        .position(|s| *s == Section::Indicators)
        .unwrap();
    // Enter goes into the list behind the figure, then opens its row.
    key(&mut app, KeyCode::Enter);
    let d = app.dashboard.as_mut().unwrap();
    d.detail = 1;
    let wanted = d.data.indicators[1].indicator_id;
    key(&mut app, KeyCode::Enter);
    no_error(&app, "drilling down");
    assert!(
        matches!(app.screen(), Screen::Plans(_)),
        "{:?}",
        app.screen()
    );
    let p = app.plans.as_ref().unwrap();
    match &p.rows[p.tree.selected] {
        PlanRow::Indicator(v) => assert_eq!(v.indicator.id, wanted),
        other => panic!("the cursor is on {other:?}"),
    }
    // Back is the dashboard again.
    app.update(Action::Back);
    assert_eq!(app.screen(), Screen::Dashboard);
}

#[test]
fn a_policy_shows_what_serves_it() {
    let (_dir, mut app) = fixture(Lang::En);
    app.update(Action::GoPlans);
    let (body, policy) = {
        let p = app.plans.as_ref().unwrap();
        let i = p
            .rows
            .iter()
            .position(|r| matches!(r, PlanRow::Policy(_)))
            .unwrap();
        let PlanRow::Policy(v) = &p.rows[i] else {
            unreachable!()
        };
        (p.body_id, v.policy.id)
    };
    // Nothing linked yet, and it says so.
    let p = app.plans.as_mut().unwrap();
    p.select(|r| matches!(r, PlanRow::Policy(v) if v.policy.id == policy));
    let text = render(&mut app, 160, 48);
    assert!(text.contains("No resolution or task is linked"), "{text}");
    // A task of the body linked to it: shown with its number and title.
    let task = shura::ops::tasks::add(
        &mut app.ctx,
        &shura::store::write::NewTask {
            body_id: Some(body),
            resolution_id: None,
            agenda_item_id: None,
            title: "Buy sorting bins\u{1b}[31m".into(),
            description: None,
            assignee_id: None,
            assignee_unit: None,
            due: None,
            priority: Priority::Normal,
            created_on: None,
        },
    )
    .unwrap();
    shura::ops::plans::link(
        &mut app.ctx,
        policy,
        shura::model::plans::PolicyLink::Task(task),
    )
    .unwrap();
    app.reload();
    let p = app.plans.as_mut().unwrap();
    p.select(|r| matches!(r, PlanRow::Policy(v) if v.policy.id == policy));
    let text = render(&mut app, 160, 48);
    assert!(text.contains("Served by:"), "{text}");
    assert!(
        text.contains(&format!("task {task} «Buy sorting bins")),
        "{text}"
    );
    assert!(!text.contains('\u{1b}'), "stored text is shown sanitized");
}
