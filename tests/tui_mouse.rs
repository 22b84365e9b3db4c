//! A mouse click selects the row under the pointer, also when the list is scrolled:
//! the view and the click share the rule that says which row is shown first.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use chrono::NaiveDate;
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use shura::app::keymap::Action;
use shura::app::state::App;
use shura::identity::Actor;
use shura::locale::Prefs;
use shura::model::rules::{MeetingRule, QuorumRule};
use shura::model::*;
use shura::ops::Context;
use shura::store::write::*;
use shura::store::Store;
use shura::tui::theme::Theme;
use shura::tui::views::Clicks;

mod common;
use common::buffer_text;

fn app_with_bodies(dir: &tempfile::TempDir, n: usize) -> App {
    let mut store = Store::open(
        &dir.path().join("shura.db"),
        Actor {
            uid: 1000,
            login: "secretary".into(),
        },
    )
    .unwrap();
    for i in 1..=n {
        store
            .add_body(&NewBody {
                name: Name::new(None, Some(format!("Body {i:02}"))),
                kind: BodyKind::Commission,
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
    }
    let mut app = App::new(Context {
        store,
        prefs: Prefs::default(),
        today: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
    });
    app.update(Action::GoBodies);
    app
}

/// Draws a frame; gives its text and where its lists are.
fn render(app: &mut App, terminal: &mut Terminal<TestBackend>) -> (Vec<String>, Clicks) {
    let mut clicks = Clicks::default();
    terminal
        .draw(|f| shura::tui::draw::draw_with_clicks(f, app, &Theme::monochrome(), &mut clicks))
        .unwrap();
    let text = buffer_text(terminal.backend().buffer())
        .lines()
        .map(str::to_string)
        .collect();
    (text, clicks)
}

/// The screen row and column where a body's name is drawn, top-most first.
fn bodies_on_screen(lines: &[String]) -> Vec<(u16, u16, String)> {
    let mut out = Vec::new();
    for (y, line) in lines.iter().enumerate() {
        if let Some(x) = line.find("Body ") {
            let name: String = line[x..].chars().take(7).collect();
            let col = line[..x].chars().count() as u16;
            out.push((y as u16, col, name));
        }
    }
    out
}

fn selected_name(app: &App) -> String {
    let i = app.visible_bodies()[app.home.body_cursor.selected];
    app.home.bodies[i]
        .name
        .get(shura::locale::Lang::En)
        .to_string()
}

#[test]
fn a_click_after_scrolling_to_the_end_selects_the_row_under_the_pointer() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_bodies(&dir, 40);
    let mut terminal = Terminal::new(TestBackend::new(100, 24)).unwrap();
    render(&mut app, &mut terminal);
    app.update(Action::Bottom);
    let (lines, clicks) = render(&mut app, &mut terminal);
    assert_eq!(selected_name(&app), "Body 40");
    let shown = bodies_on_screen(&lines);
    let (y, x, first) = shown.first().cloned().expect("bodies on screen");
    assert_ne!(
        first,
        "Body 01",
        "the list is scrolled:\n{}",
        lines.join("\n")
    );
    shura::tui::draw::click(&mut app, &clicks, x + 1, y);
    assert_eq!(selected_name(&app), first, "the row under the pointer");

    // A click on the third row shown, after drawing again, picks that one.
    let (lines, clicks) = render(&mut app, &mut terminal);
    let shown = bodies_on_screen(&lines);
    let (y, x, third) = shown[2].clone();
    shura::tui::draw::click(&mut app, &clicks, x + 1, y);
    assert_eq!(selected_name(&app), third);
}

#[test]
fn a_click_on_an_unscrolled_list_selects_the_row_under_the_pointer() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with_bodies(&dir, 5);
    let mut terminal = Terminal::new(TestBackend::new(100, 24)).unwrap();
    let (lines, clicks) = render(&mut app, &mut terminal);
    let shown = bodies_on_screen(&lines);
    assert_eq!(shown.len(), 5);
    let (y, x, name) = shown[3].clone();
    shura::tui::draw::click(&mut app, &clicks, x + 1, y);
    assert_eq!(selected_name(&app), name);
    // Outside any list nothing changes.
    shura::tui::draw::click(&mut app, &Clicks::default(), x + 1, shown[0].0);
    assert_eq!(selected_name(&app), name);
    assert_eq!(name, "Body 04");
}
