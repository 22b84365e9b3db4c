//! Numbering in the TUI, driven through the keys on the app alone: the new-session
//! form's "Number" (empty = the next, shown as its hint; typed in Persian digits), the
//! resolution form's "Number", and a taken one refused in the form, which keeps what
//! was typed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use shura::app::keymap::Action;
use shura::app::state::{App, Modal, Screen};
use shura::identity::Actor;
use shura::locale::text::BidiMode;
use shura::locale::{Calendar, Lang, Prefs};
use shura::model::rules::{MeetingRule, QuorumRule};
use shura::model::*;
use shura::ops::Context;
use shura::store::read::ResolutionFilter;
use shura::store::write::*;
use shura::store::Store;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn key(app: &mut App, code: KeyCode) {
    shura::tui::handle_key(app, KeyEvent::new(code, KeyModifiers::NONE));
}

fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        let m = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        shura::tui::handle_key(app, KeyEvent::new(KeyCode::Char(c), m));
    }
}

fn form_field<'a>(app: &'a App, key: &str) -> &'a shura::app::form::Field {
    match &app.modal {
        Some(Modal::Form(f)) => f.fields.iter().find(|x| x.key == key).expect(key),
        other => panic!("expected a form, found {other:?}"),
    }
}

/// Tabs to the field.
fn focus(app: &mut App, key: &str) {
    for _ in 0..20 {
        if let Some(Modal::Form(f)) = &app.modal {
            if f.fields[f.focus].key == key {
                return;
            }
        }
        shura::tui::handle_key(app, KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE));
    }
    panic!("no field {key}");
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// A planning council whose 39th session is today, with an item, and its secretary.
fn world(dir: &tempfile::TempDir, lang: Lang) -> (App, i64) {
    let actor = Actor {
        uid: 1000,
        login: "secretary".into(),
    };
    let mut store = Store::open(&dir.path().join("shura.db"), actor).unwrap();
    let body = store
        .add_body(&NewBody {
            name: Name::guess("Supreme Planning Council"),
            kind: BodyKind::Council,
            parent_id: None,
            quorum: QuorumRule::Majority,
            meeting_rule: MeetingRule::None,
            resolution_format: "{jyear}/{session}/{seq}".into(),
            agenda_template: vec![],
            confidential: false,
            formed_on: Some(day("2010-01-01")),
            procedure: Default::default(),
            agenda_closing: Vec::new(),
            number_per_term: false,
            fiscal_year: Default::default(),
            signing: Default::default(),
            law_profile: Default::default(),
            absence_rule: Default::default(),
        })
        .unwrap();
    let person = store
        .add_person(&NewPerson {
            name: Name::guess("Sara Ahmadi"),
            login: Some("secretary".into()),
            organization: None,
            email: None,
        })
        .unwrap();
    store
        .add_membership(&NewMembership {
            body_id: body,
            person_id: person,
            role: Role::Secretary,
            voting: false,
            term_start: None,
            term_end: None,
        })
        .unwrap();
    let s = store
        .add_session(&NewSession {
            body_id: body,
            kind: SessionKind::Regular,
            date: day("2018-12-06"),
            start_time: None,
            end_time: None,
            place: None,
            prepare_agenda: false,
            number: Some(39),
        })
        .unwrap();
    store
        .add_agenda_item(&NewAgendaItem {
            session_id: s.id,
            title: "Operational plan".into(),
            ..Default::default()
        })
        .unwrap();
    let prefs = Prefs {
        lang,
        calendar: match lang {
            Lang::En => Calendar::Gregorian,
            Lang::Fa => Calendar::Jalali,
        },
        bidi: BidiMode::App,
    };
    let app = App::new(Context {
        store,
        prefs,
        today: day("2018-12-06"),
    });
    (app, body)
}

#[test]
fn the_session_form_offers_the_next_number_and_takes_one_typed() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, body) = world(&dir, Lang::Fa);
    app.update(Action::NewSession);
    // Empty: the next, 40, shown as the hint of the field and in the title.
    let number = form_field(&app, "number");
    assert!(number.value.is_empty());
    assert!(number.hint.contains("۴۰"), "{}", number.hint);
    focus(&mut app, "number");
    typ(&mut app, "۴۵");
    key(&mut app, KeyCode::Enter);
    assert!(app.modal.is_none(), "saved: {}", status(&app));
    assert!(status(&app).contains("۴۵"), "{}", status(&app));
    let numbers: Vec<i64> = app
        .ctx
        .store
        .sessions(Some(&[body]), &[], None, None, None)
        .unwrap()
        .iter()
        .map(|r| r.session.number)
        .collect();
    assert!(
        numbers.contains(&45) && numbers.contains(&39),
        "{numbers:?}"
    );

    // 45 again: refused in the form, which stays open with the number typed.
    key(&mut app, KeyCode::Esc);
    app.update(Action::NewSession);
    assert!(form_field(&app, "number").hint.contains("۴۶"));
    focus(&mut app, "number");
    typ(&mut app, "45");
    key(&mut app, KeyCode::Enter);
    match &app.modal {
        Some(Modal::Form(f)) => {
            let e = f.error.clone().unwrap_or_default();
            assert!(
                e.contains("۴۵") && !e.chars().any(|c| c.is_ascii_alphabetic()),
                "{e}"
            );
            assert_eq!(form_field(&app, "number").value, "45");
        }
        other => panic!("the form should stay open: {other:?}"),
    }
}

#[test]
fn the_resolution_form_takes_a_number_by_hand_and_refuses_a_taken_one() {
    let dir = tempfile::tempdir().unwrap();
    let (mut app, body) = world(&dir, Lang::En);
    app.update(Action::NextPane);
    app.update(Action::Top);
    app.update(Action::Open);
    assert!(
        matches!(app.screen(), Screen::Session(_)),
        "{}",
        status(&app)
    );
    app.update(Action::AddResolution);
    typ(&mut app, "The operational plan is adopted.");
    focus(&mut app, "number");
    typ(&mut app, "1397/39/4");
    key(&mut app, KeyCode::Enter);
    assert!(app.modal.is_none(), "saved: {}", status(&app));
    assert!(status(&app).contains("1397/39/4"), "{}", status(&app));
    // The next one without a number comes from the format, its sequence advanced.
    app.update(Action::AddResolution);
    typ(&mut app, "The indicators are adopted.");
    key(&mut app, KeyCode::Enter);
    assert!(status(&app).contains("1397/39/2"), "{}", status(&app));
    // Taken: refused in the form, naming it, before the vote typed makes a motion.
    app.update(Action::AddResolution);
    typ(&mut app, "Twice.");
    focus(&mut app, "votes");
    typ(&mut app, "1/0/0");
    focus(&mut app, "number");
    typ(&mut app, "1397/39/4");
    key(&mut app, KeyCode::Enter);
    match &app.modal {
        Some(Modal::Form(f)) => {
            let e = f.error.clone().unwrap_or_default();
            assert!(
                e.contains("«1397/39/4»") && e.contains("resolution 1"),
                "{e}"
            );
        }
        other => panic!("the form should stay open: {other:?}"),
    }
    let numbers: Vec<String> = app
        .ctx
        .store
        .resolutions(&ResolutionFilter {
            body_ids: Some(vec![body]),
            ..Default::default()
        })
        .unwrap()
        .into_iter()
        .map(|r| r.resolution.number)
        .collect();
    assert_eq!(numbers.len(), 2, "{numbers:?}");
    // No motion was left behind by the refused one.
    let session = app.session.as_ref().unwrap().record.session.id;
    let motions = app.ctx.store.motions(session).unwrap();
    assert!(motions.is_empty(), "{motions:?}");
}
