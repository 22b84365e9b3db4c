//! Signing approved minutes on the session screen (TestBackend): the screen lists who
//! signed and who is still to sign, the sign key asks first, signs as the person at the
//! keyboard and refuses a second signature.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use shura::app::state::{App, Modal, Screen};
use shura::identity::Actor;
use shura::locale::text::BidiMode;
use shura::locale::{Calendar, Lang, Prefs};
use shura::model::rules::{MeetingRule, QuorumRule};
use shura::model::*;
use shura::ops::Context;
use shura::store::write::*;
use shura::store::Store;
use shura::tui::theme::Theme;

mod common;
use common::buffer_text;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn en() -> Prefs {
    Prefs {
        lang: Lang::En,
        calendar: Calendar::Gregorian,
        bidi: BidiMode::App,
    }
}

fn who(login: &str, uid: u32) -> Actor {
    Actor {
        uid,
        login: login.into(),
    }
}

/// A council (chair and secretary sign) whose session is approved by its chair.
fn approved(db: &std::path::Path) -> i64 {
    let mut store = Store::open(db, who("secretary", 1000)).unwrap();
    let body = store
        .add_body(&NewBody {
            name: Name::new(Some("شورای شهر".into()), Some("Town Council".into())),
            kind: BodyKind::Council,
            parent_id: None,
            quorum: QuorumRule::Majority,
            meeting_rule: MeetingRule::None,
            resolution_format: "{seq}".into(),
            agenda_template: vec![],
            confidential: false,
            formed_on: Some(day("2026-01-01")),
            procedure: Default::default(),
            agenda_closing: vec![],
            number_per_term: false,
            fiscal_year: Default::default(),
            signing: Signing::ChairSecretary,
            law_profile: Default::default(),
            absence_rule: Default::default(),
        })
        .unwrap();
    let mut people = Vec::new();
    for (en, login, role) in [
        ("Sara Ahmadi", "chair", Role::Chair),
        ("Reza Karimi", "secretary", Role::Secretary),
        ("Mina Tehrani", "mina", Role::Member),
    ] {
        let p = store
            .add_person(&NewPerson {
                name: Name::new(None, Some(en.into())),
                login: Some(login.into()),
                organization: None,
                email: None,
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
    let session = store
        .add_session(&NewSession {
            body_id: body,
            kind: SessionKind::Regular,
            date: day("2026-11-20"),
            start_time: None,
            end_time: None,
            place: None,
            prepare_agenda: false,
            number: None,
        })
        .unwrap()
        .id;
    store
        .set_session_status(session, SessionStatus::Open)
        .unwrap();
    for p in &people {
        store
            .set_attendance(session, *p, Presence::Present)
            .unwrap();
    }
    store
        .set_session_status(session, SessionStatus::Closed)
        .unwrap();
    drop(store);
    let mut chair = Context {
        store: Store::open(db, who("chair", 1001)).unwrap(),
        prefs: en(),
        today: day("2026-11-22"),
    };
    shura::ops::approval::approve(&mut chair, session).unwrap();
    session
}

fn render(app: &mut App) -> String {
    let theme = Theme::monochrome();
    app.resize(40);
    let mut terminal = Terminal::new(TestBackend::new(160, 40)).unwrap();
    terminal
        .draw(|f| shura::tui::draw::draw(f, app, &theme))
        .unwrap();
    buffer_text(terminal.backend().buffer())
}

fn press(app: &mut App, c: char) {
    let m = if c.is_uppercase() {
        KeyModifiers::SHIFT
    } else {
        KeyModifiers::NONE
    };
    shura::tui::handle_key(app, KeyEvent::new(KeyCode::Char(c), m));
}

#[test]
fn the_secretary_signs_on_the_session_screen_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shura.db");
    let session = approved(&db);
    let mut app = App::new(Context {
        store: Store::open(&db, who("secretary", 1000)).unwrap(),
        prefs: en(),
        today: day("2026-11-22"),
    });
    app.open_session_screen(session).unwrap();
    assert!(matches!(app.screen(), Screen::Session(_)));
    let screen = render(&mut app);
    assert!(
        screen.contains("Signed by: nobody has signed yet")
            && screen.contains("Still to sign: Sara Ahmadi, Reza Karimi"),
        "{screen}"
    );
    // The sign key asks first; any key but y cancels.
    press(&mut app, 'T');
    match &app.modal {
        Some(Modal::Confirm { text, .. }) => {
            assert!(text.contains("as Reza Karimi"), "{text}")
        }
        other => panic!("no confirmation: {other:?}"),
    }
    press(&mut app, 'n');
    assert!(app.ctx.store.signatures(session, 1).unwrap().is_empty());
    press(&mut app, 'T');
    press(&mut app, 'y');
    let sigs = app.ctx.store.signatures(session, 1).unwrap();
    assert_eq!(sigs.len(), 1);
    assert_eq!(sigs[0].login, "secretary");
    let screen = render(&mut app);
    assert!(
        screen.contains("Signed by: Reza Karimi") && screen.contains("Still to sign: Sara Ahmadi"),
        "{screen}"
    );
    assert!(!screen.contains("Mina Tehrani, "), "{screen}");
    // A second signature is refused, and says so.
    press(&mut app, 'T');
    press(&mut app, 'y');
    let screen = render(&mut app);
    assert!(screen.contains("already"), "{screen}");
    assert_eq!(app.ctx.store.signatures(session, 1).unwrap().len(), 1);
    // The dashboard counts who is still to sign.
    app.modal = None;
    app.update(shura::app::keymap::Action::GoDashboard);
    let screen = render(&mut app);
    assert!(
        screen.contains("Minutes to sign") && screen.contains("1 members · 1 sessions"),
        "{screen}"
    );
}
