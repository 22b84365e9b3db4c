//! Correcting the record from the interactive screens (issue 14): the forms open
//! prefilled, saving goes through `ops::corrections` (so the store audits it), a
//! refusal is shown in the form from the catalogue and the form keeps what was typed.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use shura::app::keymap::Action;
use shura::app::state::{App, Modal, Screen, SessionPane};
use shura::identity::Actor;
use shura::locale::text::BidiMode;
use shura::locale::{Calendar, Lang, Prefs};
use shura::model::rules::{MeetingRule, QuorumRule};
use shura::model::*;
use shura::ops::Context;
use shura::store::write::*;
use shura::store::{Refusal, Store, StoreError};
use shura::tui::theme::Theme;
use tempfile::TempDir;

mod common;
use common::buffer_text;

const TODAY: &str = "2026-11-22";

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

fn fa() -> Prefs {
    Prefs {
        lang: Lang::Fa,
        calendar: Calendar::Jalali,
        ..Prefs::default()
    }
}

/// The database's creator, so an administrator, and the council's secretary.
fn actor() -> Actor {
    Actor {
        uid: 1000,
        login: "secretary".into(),
    }
}

struct Fixture {
    _dir: TempDir,
    db: std::path::PathBuf,
    body: i64,
    session: i64,
    resolution: i64,
    guest: i64,
}

/// A council of three (the secretary one of them), an open session with everyone
/// present, one item with a resolution adopted 2/1/0, and a guest.
fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shura.db");
    let mut store = Store::open(&db, actor()).unwrap();
    let body = store
        .add_body(&NewBody {
            name: Name::new(Some("شورای شهر".into()), Some("Town Council".into())),
            kind: BodyKind::Council,
            parent_id: None,
            quorum: QuorumRule::Majority,
            meeting_rule: MeetingRule::None,
            resolution_format: "{seq}".into(),
            agenda_template: vec!["Reading of the previous minutes".into()],
            confidential: false,
            formed_on: Some(day("2026-01-01")),
            procedure: Default::default(),
            agenda_closing: vec!["Adjournment".into()],
            number_per_term: false,
            fiscal_year: Default::default(),
            signing: Default::default(),
            law_profile: Default::default(),
            absence_rule: Default::default(),
        })
        .unwrap();
    let mut people = Vec::new();
    for (fa, en, login, role) in [
        ("سارا احمدی", "Sara Ahmadi", None, Role::Chair),
        (
            "رضا کریمی",
            "Reza Karimi",
            Some("secretary"),
            Role::Secretary,
        ),
        ("مینا تهرانی", "Mina Tehrani", None, Role::Member),
    ] {
        let p = store
            .add_person(&NewPerson {
                name: Name::new(Some(fa.into()), Some(en.into())),
                login: login.map(String::from),
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
    let item = store
        .add_agenda_item(&NewAgendaItem {
            session_id: session,
            title: "Street lighting".into(),
            ..Default::default()
        })
        .unwrap();
    let resolution = store
        .add_resolution(&NewResolution {
            body_id: body,
            session_id: Some(session),
            agenda_item_id: Some(item),
            text: "Lights on Main Stret".into(),
            decision: Decision::Adopted,
            tally: Some(Tally {
                yes: 2,
                no: 1,
                abstain: 0,
            }),
            votes: vec![],
            owner: None,
            due: None,
            created_on: None,
            number: None,
        })
        .unwrap()
        .id;
    let guest = store
        .add_guest(session, "Ali Rahimi", Some("Water board".into()))
        .unwrap();
    Fixture {
        _dir: dir,
        db,
        body,
        session,
        resolution,
        guest,
    }
}

fn app(fx: &Fixture, prefs: Prefs) -> App {
    App::new(Context {
        store: Store::open(&fx.db, actor()).unwrap(),
        prefs,
        today: day(TODAY),
    })
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

fn press(app: &mut App, code: KeyCode, m: KeyModifiers) {
    shura::tui::handle_key(app, KeyEvent::new(code, m));
}

fn key(app: &mut App, code: KeyCode) {
    press(app, code, KeyModifiers::NONE);
}

fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        let m = if c.is_uppercase() {
            KeyModifiers::SHIFT
        } else {
            KeyModifiers::NONE
        };
        press(app, KeyCode::Char(c), m);
    }
}

fn form(app: &App) -> &shura::app::form::Form {
    match &app.modal {
        Some(Modal::Form(f)) => f,
        other => panic!("expected a form, found {other:?} ({:?})", app.status),
    }
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// Focuses a field of the open form by Tab.
fn to_field(app: &mut App, key_name: &str) {
    for _ in 0..40 {
        let f = form(app);
        if f.fields[f.focus].key == key_name {
            return;
        }
        key(app, KeyCode::Tab);
    }
    panic!("no field {key_name}");
}

/// Empties the focused text field by keys.
fn clear(app: &mut App) {
    key(app, KeyCode::End);
    for _ in 0..200 {
        key(app, KeyCode::Backspace);
    }
}

/// The app on the session screen, the cursor on the item with the resolution.
fn on_session(app: &mut App, fx: &Fixture) {
    app.open_session_screen(fx.session).unwrap();
    assert!(matches!(app.screen(), Screen::Session(_)));
    let v = app.session.as_ref().unwrap();
    let pos = v
        .record
        .agenda
        .iter()
        .position(|a| !a.resolutions.is_empty())
        .unwrap();
    for _ in 0..pos {
        app.update(Action::Down);
    }
}

#[test]
fn body_edit_form_is_prefilled_in_english_and_persian() {
    let fx = fixture();
    let mut a = app(&fx, en());
    a.update(Action::EditBody);
    let f = form(&a);
    assert_eq!(f.get("name_en"), "Town Council");
    assert_eq!(f.get("formed"), "2026-01-01");
    assert_eq!(f.get("closing"), "Adjournment");
    assert_eq!(f.get("signing"), "chair_secretary");
    insta::assert_snapshot!("body_edit_form_en_100x40", render(&mut a, 100, 40));

    let mut a = app(&fx, fa());
    a.update(Action::EditBody);
    assert_eq!(form(&a).get("formed"), "۱۴۰۴/۱۰/۱۱");
    insta::assert_snapshot!("body_edit_form_fa_100x40", render(&mut a, 100, 40));
}

#[test]
fn a_body_correction_by_keys_saves_the_formed_date_and_closing_items() {
    let fx = fixture();
    let mut a = app(&fx, fa());
    a.update(Action::EditBody);
    to_field(&mut a, "formed");
    clear(&mut a);
    typ(&mut a, "۱۴۰۳/۰۱/۱۵");
    to_field(&mut a, "closing");
    clear(&mut a);
    typ(&mut a, "ختم جلسه; دعا");
    key(&mut a, KeyCode::Enter);
    assert!(a.modal.is_none(), "{:?}", a.modal);
    let b = a.ctx.store.body(fx.body).unwrap();
    assert_eq!(b.formed_on, Some(day("2024-04-03")));
    assert_eq!(b.agenda_closing, vec!["ختم جلسه", "دعا"]);
    // Untouched fields are as they were.
    assert_eq!(b.agenda_template, vec!["Reading of the previous minutes"]);
    assert_eq!(b.name.en.as_deref(), Some("Town Council"));
}

#[test]
fn a_new_body_from_the_tui_keeps_its_formed_date() {
    let fx = fixture();
    let mut a = app(&fx, en());
    a.update(Action::NewBody);
    typ(&mut a, "Budget Committee");
    to_field(&mut a, "formed");
    clear(&mut a);
    typ(&mut a, "2019-03-05");
    key(&mut a, KeyCode::Enter);
    assert!(a.modal.is_none(), "{:?}", a.modal);
    let b = a
        .ctx
        .store
        .bodies()
        .unwrap()
        .into_iter()
        .find(|b| b.name.en.as_deref() == Some("Budget Committee"))
        .unwrap();
    assert_eq!(b.formed_on, Some(day("2019-03-05")));
}

#[test]
fn a_member_typed_as_an_unknown_id_is_refused_and_nothing_is_created() {
    let fx = fixture();
    for (prefs, typed, words) in [
        (en(), "999", "no person with id 999"),
        (fa(), "۹۹۹", "شخصی با شناسه ۹۹۹ وجود ندارد"),
    ] {
        let mut a = app(&fx, prefs);
        let people = a.ctx.store.people().unwrap().len();
        a.update(Action::AddMember);
        typ(&mut a, typed);
        key(&mut a, KeyCode::Enter);
        let f = form(&a);
        let err = f.error.clone().unwrap_or_default();
        assert!(err.contains(words), "{err}");
        assert_eq!(f.get("name"), typed, "the form keeps what was typed");
        assert_eq!(a.ctx.store.people().unwrap().len(), people);
        assert!(a.ctx.store.members(fx.body).unwrap().len() == 3);
        let name = format!("member_unknown_id_refused_{}_100x30", prefs.lang.code());
        insta::assert_snapshot!(name, render(&mut a, 100, 30));
    }
    // An id that exists adds that person (no new person).
    let mut a = app(&fx, en());
    let outsider = a
        .ctx
        .store
        .add_person(&NewPerson {
            name: Name::new(None, Some("Nima Shams".into())),
            login: None,
            organization: None,
            email: None,
        })
        .unwrap();
    let people = a.ctx.store.people().unwrap().len();
    a.update(Action::AddMember);
    typ(&mut a, &outsider.to_string());
    key(&mut a, KeyCode::Enter);
    assert!(a.modal.is_none(), "{:?}", a.modal);
    assert_eq!(a.ctx.store.people().unwrap().len(), people);
    assert!(a
        .ctx
        .store
        .members(fx.body)
        .unwrap()
        .iter()
        .any(|m| m.person.id == outsider));
}

#[test]
fn a_resolution_corrected_by_keys_is_stored_and_audited_before_and_after() {
    let fx = fixture();
    let mut a = app(&fx, en());
    on_session(&mut a, &fx);
    press(&mut a, KeyCode::Char('e'), KeyModifiers::CONTROL);
    let f = form(&a);
    assert_eq!(f.get("text"), "Lights on Main Stret");
    assert_eq!(f.get("votes"), "2/1/0");
    to_field(&mut a, "text");
    key(&mut a, KeyCode::End);
    key(&mut a, KeyCode::Backspace);
    key(&mut a, KeyCode::Backspace);
    typ(&mut a, "eet");
    to_field(&mut a, "owner");
    typ(&mut a, "Works department");
    key(&mut a, KeyCode::Enter);
    assert!(a.modal.is_none(), "{:?}", a.modal);
    assert!(status(&a).contains("resolution"), "{}", status(&a));
    let r = a.ctx.store.resolution(fx.resolution).unwrap();
    assert_eq!(r.text, "Lights on Main Street");
    assert_eq!(r.owner.as_deref(), Some("Works department"));
    // Untouched: the votes and the decision.
    assert_eq!(r.decision, Decision::Adopted);
    assert_eq!(r.tally.map(|t| (t.yes, t.no, t.abstain)), Some((2, 1, 0)));
    let audit = a
        .ctx
        .store
        .audit_list(Some("resolution"), Some(fx.resolution), 10)
        .unwrap();
    let last = audit
        .iter()
        .find(|e| e.before.is_some() && e.after.is_some())
        .expect("an audit entry with before and after");
    assert_eq!(
        last.before.as_ref().unwrap()["text"],
        "Lights on Main Stret"
    );
    assert_eq!(
        last.after.as_ref().unwrap()["text"],
        "Lights on Main Street"
    );
    assert_eq!(last.login, "secretary");
}

#[test]
fn a_correction_after_approval_is_refused_before_a_form_opens() {
    let fx = fixture();
    {
        let mut store = Store::open(&fx.db, actor()).unwrap();
        store
            .set_session_status(fx.session, SessionStatus::Closed)
            .unwrap();
        store
            .set_session_status(fx.session, SessionStatus::Approved)
            .unwrap();
    }
    for prefs in [en(), fa()] {
        let mut a = app(&fx, prefs);
        on_session(&mut a, &fx);
        // Refused before a form is filled in vain, with the catalogue's words.
        a.update(Action::EditResolution);
        assert!(a.modal.is_none(), "no form opens: {:?}", a.modal);
        let want = StoreError::Refused(Refusal::ApprovedMinutes).message(prefs.lang);
        let shown = a.status.as_ref().expect("a refusal on the status line");
        assert!(shown.error, "{}", shown.text);
        assert_eq!(shown.text, want);
        if prefs.lang == Lang::Fa {
            assert!(!want.chars().any(|c| c.is_ascii_alphabetic()), "{want}");
        }
        press(&mut a, KeyCode::Char('g'), KeyModifiers::CONTROL);
        assert!(a.modal.is_none(), "no guest form: {:?}", a.modal);
    }
    let store = Store::open(&fx.db, actor()).unwrap();
    assert_eq!(
        store.resolution(fx.resolution).unwrap().text,
        "Lights on Main Stret"
    );
}

#[test]
fn a_guest_is_edited_and_removed_after_confirmation() {
    let fx = fixture();
    let mut a = app(&fx, en());
    on_session(&mut a, &fx);
    press(&mut a, KeyCode::Char('g'), KeyModifiers::CONTROL);
    assert_eq!(form(&a).get("name"), "Ali Rahimi");
    to_field(&mut a, "organization");
    clear(&mut a);
    typ(&mut a, "Water and sewage board");
    key(&mut a, KeyCode::Enter);
    assert!(a.modal.is_none(), "{:?}", a.modal);
    let g = a.ctx.store.guest(fx.guest).unwrap();
    assert_eq!(g.organization.as_deref(), Some("Water and sewage board"));
    // Removal asks first; any key but y keeps the guest.
    press(&mut a, KeyCode::Char('x'), KeyModifiers::CONTROL);
    assert!(
        matches!(a.modal, Some(Modal::Confirm { .. })),
        "{:?}",
        a.modal
    );
    key(&mut a, KeyCode::Char('n'));
    assert_eq!(a.ctx.store.guests(fx.session).unwrap().len(), 1);
    press(&mut a, KeyCode::Char('x'), KeyModifiers::CONTROL);
    key(&mut a, KeyCode::Char('y'));
    assert!(
        a.ctx.store.guests(fx.session).unwrap().is_empty(),
        "{}",
        status(&a)
    );
}

#[test]
fn an_item_with_a_resolution_is_not_removed_and_the_refusal_names_it() {
    let fx = fixture();
    let mut a = app(&fx, en());
    on_session(&mut a, &fx);
    key(&mut a, KeyCode::Delete);
    assert!(
        matches!(a.modal, Some(Modal::Confirm { .. })),
        "{:?}",
        a.modal
    );
    key(&mut a, KeyCode::Char('y'));
    let s = status(&a);
    assert!(a.status.as_ref().is_some_and(|s| s.error), "{s}");
    assert!(s.contains("resolution"), "{s}");
    assert_eq!(a.session.as_ref().unwrap().record.agenda.len(), 1);
    // An item nothing refers to goes.
    a.update(Action::AddItem);
    typ(&mut a, "Any other business");
    key(&mut a, KeyCode::Enter);
    assert_eq!(a.session.as_ref().unwrap().record.agenda.len(), 2);
    key(&mut a, KeyCode::Delete);
    key(&mut a, KeyCode::Char('y'));
    assert_eq!(
        a.session.as_ref().unwrap().record.agenda.len(),
        1,
        "{}",
        status(&a)
    );
}

#[test]
fn a_membership_is_edited_and_ended_from_the_members_pane() {
    let fx = fixture();
    let mut a = app(&fx, en());
    a.update(Action::NextPane);
    a.update(Action::NextPane);
    a.update(Action::Bottom); // Mina Tehrani, a member
    typ(&mut a, "E");
    let f = form(&a);
    assert_eq!(f.get("role"), "member");
    to_field(&mut a, "from");
    typ(&mut a, "2026-02-01");
    key(&mut a, KeyCode::Enter);
    assert!(a.modal.is_none(), "{:?}", a.modal);
    let mina = a
        .ctx
        .store
        .members(fx.body)
        .unwrap()
        .into_iter()
        .find(|m| m.person.name.en.as_deref() == Some("Mina Tehrani"))
        .unwrap();
    assert_eq!(mina.membership.term_start, Some(day("2026-02-01")));
    typ(&mut a, "X");
    assert_eq!(form(&a).get("on"), TODAY);
    key(&mut a, KeyCode::Enter);
    assert!(a.modal.is_none(), "{:?}", a.modal);
    let m = a.ctx.store.membership(mina.membership.id).unwrap();
    assert_eq!(m.term_end, Some(day(TODAY)));
    // Once more is refused, with the day it ended.
    typ(&mut a, "X");
    key(&mut a, KeyCode::Enter);
    let err = form(&a).error.clone().unwrap_or_default();
    assert!(err.contains("ended on 2026-11-22"), "{err}");
}

#[test]
fn the_session_pane_in_focus_does_not_matter_for_the_resolution_key() {
    let fx = fixture();
    let mut a = app(&fx, en());
    on_session(&mut a, &fx);
    while a.session.as_ref().unwrap().pane != SessionPane::RollCall {
        a.update(Action::NextPane);
    }
    a.update(Action::EditResolution);
    assert_eq!(form(&a).get("text"), "Lights on Main Stret");
}

#[test]
fn a_person_is_corrected_from_the_members_pane() {
    let fx = fixture();
    let mut a = app(&fx, fa());
    a.update(Action::NextPane);
    a.update(Action::NextPane);
    a.update(Action::Top);
    let who = a.home.members[a.home.member_cursor.selected].person.clone();
    typ(&mut a, "p");
    assert_eq!(form(&a).get("name_fa"), who.name.fa.clone().unwrap());
    to_field(&mut a, "email");
    typ(&mut a, "sara@example.org");
    key(&mut a, KeyCode::Enter);
    assert!(a.modal.is_none(), "{:?}", a.modal);
    let p = a.ctx.store.person(who.id).unwrap();
    assert_eq!(p.email.as_deref(), Some("sara@example.org"));
    assert_eq!(p.name, who.name, "the names were not touched");
}

#[test]
fn a_task_is_corrected_from_the_review_pane_and_after_approval_too() {
    let fx = fixture();
    let task = {
        let mut store = Store::open(&fx.db, actor()).unwrap();
        let id = store
            .add_task(&NewTask {
                body_id: Some(fx.body),
                resolution_id: Some(fx.resolution),
                agenda_item_id: None,
                title: "Order the lamps".into(),
                description: Some("Forty lamps".into()),
                assignee_id: None,
                assignee_unit: Some("Works".into()),
                due: Some(day("2026-12-15")),
                priority: Priority::Normal,
                created_on: None,
            })
            .unwrap();
        store
            .set_session_status(fx.session, SessionStatus::Closed)
            .unwrap();
        store
            .set_session_status(fx.session, SessionStatus::Approved)
            .unwrap();
        id
    };
    let mut a = app(&fx, en());
    a.open_session_screen(fx.session).unwrap();
    while a.session.as_ref().unwrap().pane != SessionPane::Review {
        a.update(Action::NextPane);
    }
    press(&mut a, KeyCode::Char('t'), KeyModifiers::CONTROL);
    let f = form(&a);
    assert_eq!(f.get("title"), "Order the lamps");
    assert_eq!(f.get("description"), "Forty lamps");
    assert_eq!(f.get("unit"), "Works");
    to_field(&mut a, "due");
    clear(&mut a);
    typ(&mut a, "2027-01-10");
    to_field(&mut a, "priority");
    typ(&mut a, "h");
    key(&mut a, KeyCode::Enter);
    assert!(a.modal.is_none(), "{:?}", a.modal);
    let t = a.ctx.store.task(task).unwrap();
    assert_eq!(t.due, Some(day("2027-01-10")));
    assert_eq!(t.priority, Priority::High);
    assert_eq!(t.title, "Order the lamps");
    assert_eq!(t.assignee_unit.as_deref(), Some("Works"));
}

#[test]
fn a_body_saved_meanwhile_is_a_conflict_and_the_form_keeps_what_was_typed() {
    let fx = fixture();
    let mut a = app(&fx, en());
    a.update(Action::EditBody);
    to_field(&mut a, "format");
    clear(&mut a);
    typ(&mut a, "{jyear}-{seq}");
    // Someone else renames the body meanwhile.
    {
        let mut other = Context {
            store: Store::open(&fx.db, actor()).unwrap(),
            prefs: en(),
            today: day(TODAY),
        };
        shura::ops::corrections::edit_body(
            &mut other,
            fx.body,
            &shura::ops::corrections::BodyChanges {
                name: Some(Name::new(
                    Some("شورای شهر".into()),
                    Some("City Council".into()),
                )),
                ..Default::default()
            },
            None,
        )
        .unwrap();
    }
    key(&mut a, KeyCode::Enter);
    let f = form(&a);
    assert!(f.error.is_some());
    assert_eq!(f.get("format"), "{jyear}-{seq}");
    assert_eq!(f.theirs("name_en"), Some("City Council"));
    // Saving again keeps their name (not touched here) and my format.
    key(&mut a, KeyCode::Enter);
    assert!(a.modal.is_none(), "{:?}", a.modal);
    let b = a.ctx.store.body(fx.body).unwrap();
    assert_eq!(b.resolution_format, "{jyear}-{seq}");
    assert_eq!(b.name.en.as_deref(), Some("City Council"));
}

#[test]
fn a_resolution_is_corrected_from_its_page_which_then_shows_it() {
    let fx = fixture();
    let mut a = app(&fx, en());
    a.open_resolution_page(fx.resolution).unwrap();
    typ(&mut a, "e");
    to_field(&mut a, "text");
    clear(&mut a);
    typ(&mut a, "Lights on Main Street and Park Lane");
    key(&mut a, KeyCode::Enter);
    assert!(a.modal.is_none(), "{:?}", a.modal);
    assert_eq!(
        a.resolution_page.as_ref().unwrap().resolution.text,
        "Lights on Main Street and Park Lane"
    );
    let screen = render(&mut a, 100, 30);
    assert!(screen.contains("Park Lane"), "{screen}");
}

#[test]
fn a_plain_member_cannot_open_a_correction_form() {
    let fx = fixture();
    let mut a = App::new(Context {
        store: Store::open(
            &fx.db,
            Actor {
                uid: 1001,
                login: "mina".into(),
            },
        )
        .unwrap(),
        prefs: en(),
        today: day(TODAY),
    });
    a.open_session_screen(fx.session).unwrap();
    a.update(Action::EditResolution);
    assert!(a.modal.is_none(), "{:?}", a.modal);
    assert!(a.status.as_ref().is_some_and(|s| s.error), "{}", status(&a));
    a.update(Action::Back);
    a.update(Action::EditBody);
    assert!(a.modal.is_none(), "{:?}", a.modal);
    assert!(status(&a).contains("administrator"), "{}", status(&a));
}

#[test]
fn a_form_saved_unchanged_writes_nothing() {
    let fx = fixture();
    let mut a = app(&fx, en());
    let before = a.ctx.store.body(fx.body).unwrap();
    let audit = a.ctx.store.audit_list(None, None, 1000).unwrap().len();
    a.update(Action::EditBody);
    key(&mut a, KeyCode::Enter);
    assert!(a.modal.is_none(), "{:?}", a.modal);
    assert_eq!(status(&a), "Nothing changed.");
    assert_eq!(a.ctx.store.body(fx.body).unwrap().version, before.version);
    assert_eq!(
        a.ctx.store.audit_list(None, None, 1000).unwrap().len(),
        audit
    );
}

/// The legal forms of a resolution's page (issue 15): `s` sends it through
/// `ops::legal`, the page then says where it stands in law; a refused sending keeps
/// what was typed; `o` opens an objection with the authority it was sent to already
/// filled in, and `w` the body's answer, in Persian as in English.
#[test]
fn a_resolution_is_sent_and_objected_to_from_its_page() {
    let fx = fixture();
    {
        let mut store = Store::open(&fx.db, actor()).unwrap();
        let b = store.body(fx.body).unwrap();
        store
            .update_body(
                fx.body,
                &NewBody {
                    law_profile: "iran-council".into(),
                    ..NewBody::from_body(&b)
                },
                None,
            )
            .unwrap();
    }
    let mut a = app(&fx, en());
    a.open_resolution_page(fx.resolution).unwrap();
    // Adopted 2026-11-20 (a Friday): a week ends Friday 11-27, so Saturday 11-28.
    let screen = render(&mut a, 120, 30);
    assert!(
        screen.contains("In law: to be sent by 2026-11-28"),
        "{screen}"
    );
    // A recipient nobody is: refused in the form, the text kept.
    key(&mut a, KeyCode::Char('s'));
    assert_eq!(form(&a).fields[0].key, "to");
    typ(&mut a, "person:Nobody");
    key(&mut a, KeyCode::Enter);
    let f = form(&a);
    assert!(
        f.error.as_deref().unwrap_or("").contains("Nobody"),
        "{:?}",
        f.error
    );
    assert_eq!(f.fields[0].value, "person:Nobody");
    clear(&mut a);
    typ(&mut a, "authority:Governorate board; unit:Lighting");
    to_field(&mut a, "letter");
    typ(&mut a, "1405/77");
    key(&mut a, KeyCode::Enter);
    assert!(a.modal.is_none(), "{:?}", a.modal);
    let screen = render(&mut a, 120, 30);
    assert!(
        screen.contains("objection window open until 2026-12-06"),
        "{screen}"
    );
    assert!(
        screen.contains("Governorate board (outside authority)"),
        "{screen}"
    );
    assert!(screen.contains("Lighting (unit)"), "{screen}");
    // The objection form names the authority it was sent to.
    key(&mut a, KeyCode::Char('o'));
    assert_eq!(form(&a).fields[0].value, "Governorate board");
    key(&mut a, KeyCode::Enter);
    assert!(a.modal.is_none(), "{:?}", a.modal);
    let screen = render(&mut a, 120, 30);
    assert!(screen.contains("objected to on 2026-11-22"), "{screen}");
    // The same page in Persian, and the answer's form in Persian.
    let mut p = app(&fx, fa());
    p.open_resolution_page(fx.resolution).unwrap();
    let screen = render(&mut p, 120, 30);
    // Objected on 1 Azar 1405, answered by 11 Azar (2026-12-02), in Persian digits.
    assert!(screen.contains("۱۴۰۵/۰۹/۱۱"), "{screen}");
    key(&mut p, KeyCode::Char('w'));
    assert!(
        form(&p).title.contains("پاسخ به اعتراض"),
        "{}",
        form(&p).title
    );
    assert_eq!(form(&p).fields[0].value, "insist");
}
