//! Two people editing the same record from two programs on one SQLite file: a form's
//! second save does not overwrite silently. The form stays open with what was typed and
//! the other person's values; saving again keeps mine (over exactly the version shown),
//! Ctrl-T takes theirs, Ctrl-E merges in `$EDITOR` (the text built and read back here).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use shura::app::form::{Form, FormPurpose};
use shura::app::keymap::Action;
use shura::app::state::{App, Modal, ReviewRow};
use shura::identity::Actor;
use shura::locale::text::BidiMode;
use shura::locale::Prefs;
use shura::locale::{Calendar, Lang};
use shura::model::rules::{MeetingRule, QuorumRule};
use shura::model::*;
use shura::ops::Context;
use shura::store::write::*;
use shura::store::Store;
use shura::tui::theme::Theme;
use std::path::Path;
use tempfile::TempDir;

mod common;
use common::buffer_text;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
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

fn actor(uid: u32, login: &str) -> Actor {
    Actor {
        uid,
        login: login.into(),
    }
}

/// A body, a session with one item, and a task reviewed at it; returns
/// (session id, item id, task id). Both logins are administrators.
fn world(db: &Path, item_title: &str) -> (i64, i64, i64) {
    let mut s = Store::open(db, actor(1000, "secretary")).unwrap();
    s.grant_administrator("secretary").unwrap();
    s.grant_administrator("chair").unwrap();
    let body = s
        .add_body(&NewBody {
            name: Name::guess("City council"),
            kind: BodyKind::Council,
            parent_id: None,
            quorum: QuorumRule::Majority,
            meeting_rule: MeetingRule::None,
            resolution_format: "R-{year}-{seq:3}".into(),
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
    let session = s
        .add_session(&NewSession {
            body_id: body,
            kind: SessionKind::Regular,
            date: today(),
            start_time: None,
            end_time: None,
            place: Some("Hall".into()),
            prepare_agenda: false,
            number: None,
        })
        .unwrap();
    let item = s
        .add_agenda_item(&NewAgendaItem {
            session_id: session.id,
            title: item_title.into(),
            presenter: Some("Ali".into()),
            duration_min: Some(20),
            ..Default::default()
        })
        .unwrap();
    let task = s
        .add_task(&NewTask {
            body_id: Some(body),
            resolution_id: None,
            agenda_item_id: Some(item),
            title: "Repair the roof".into(),
            description: None,
            assignee_id: None,
            assignee_unit: Some("Works".into()),
            due: NaiveDate::from_ymd_opt(2026, 12, 30),
            priority: Priority::parse("normal").unwrap(),
            created_on: Some(today()),
        })
        .unwrap();
    (session.id, item, task)
}

/// One user's program on the shared file, on the session screen.
fn user(db: &Path, uid: u32, login: &str, prefs: Prefs, session: i64) -> App {
    let store = Store::open(db, actor(uid, login)).unwrap();
    let mut app = App::new(Context {
        store,
        prefs,
        today: today(),
    });
    app.open_session_screen(session).unwrap();
    app
}

fn key(app: &mut App, code: KeyCode) {
    shura::tui::handle_key(app, KeyEvent::new(code, KeyModifiers::NONE));
}

fn ctrl(app: &mut App, c: char) {
    shura::tui::handle_key(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        shura::tui::handle_key(app, KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
    }
}

/// Clears the focused field and types a new value.
fn retype(app: &mut App, text: &str) {
    key(app, KeyCode::End);
    for _ in 0..80 {
        key(app, KeyCode::Backspace);
    }
    typ(app, text);
}

fn form(app: &App) -> &Form {
    match &app.modal {
        Some(Modal::Form(f)) => f,
        other => panic!("expected a form, found {other:?}; status {:?}", app.status),
    }
}

fn render(app: &mut App, width: u16, height: u16) -> String {
    let theme = Theme::monochrome();
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal
        .draw(|f| shura::tui::draw::draw(f, app, &theme))
        .unwrap();
    buffer_text(terminal.backend().buffer())
}

/// Alice (secretary) and Bob (chair) open the same item's edit form; Bob saves first.
/// Returns Alice's program, in conflict.
fn item_conflict(dir: &TempDir, prefs: Prefs, mine: &str, theirs: &str) -> (App, App, i64) {
    let db = dir.path().join("shura.db");
    let (session, item, _) = world(&db, "Budget 1406");
    let mut alice = user(&db, 1000, "secretary", prefs, session);
    let mut bob = user(&db, 1001, "chair", prefs, session);
    alice.update(Action::EditItem);
    bob.update(Action::EditItem);
    retype(&mut alice, mine);
    retype(&mut bob, theirs);
    key(&mut bob, KeyCode::Tab);
    retype(&mut bob, "Reza");
    key(&mut bob, KeyCode::Enter);
    assert!(bob.modal.is_none(), "Bob's save: {:?}", bob.status);
    key(&mut alice, KeyCode::Enter);
    (alice, bob, item)
}

#[test]
fn second_save_of_an_agenda_item_shows_both_versions_and_keeps_what_was_typed() {
    let dir = tempfile::tempdir().unwrap();
    let (alice, bob, item) = item_conflict(&dir, en(), "Budget 1406, first reading", "Budget");
    let f = form(&alice);
    assert!(f.conflict.is_some(), "the form shows the conflict");
    assert!(f
        .error
        .as_deref()
        .unwrap()
        .contains("Someone else saved this"));
    assert_eq!(
        f.get("title"),
        "Budget 1406, first reading",
        "mine untouched"
    );
    assert_eq!(f.get("presenter"), "Ali");
    let diffs = f.differing();
    let keys: Vec<&str> = diffs.iter().map(|d| d.key.as_str()).collect();
    assert_eq!(keys, ["title", "presenter"], "the duration is the same");
    assert_eq!(diffs[0].theirs, "Budget");
    assert_eq!(diffs[1].mine, "Ali");
    assert_eq!(diffs[1].theirs, "Reza");
    // Nothing of Alice's was written.
    let stored = bob.ctx.store.agenda_item(item).unwrap();
    assert_eq!(
        (stored.title.as_str(), stored.presenter.as_deref()),
        ("Budget", Some("Reza"))
    );
}

#[test]
fn saving_again_keeps_mine_over_theirs_and_bumps_the_version() {
    let dir = tempfile::tempdir().unwrap();
    let (mut alice, bob, item) = item_conflict(&dir, en(), "Mine", "Theirs");
    let before = bob.ctx.store.agenda_item(item).unwrap().version;
    key(&mut alice, KeyCode::Enter);
    assert!(alice.modal.is_none(), "saved: {:?}", alice.status);
    let stored = bob.ctx.store.agenda_item(item).unwrap();
    assert_eq!(stored.title, "Mine");
    assert_eq!(stored.presenter.as_deref(), Some("Ali"));
    assert_eq!(stored.version, before + 1);
}

#[test]
fn ctrl_t_takes_theirs_into_the_form() {
    let dir = tempfile::tempdir().unwrap();
    let (mut alice, bob, item) = item_conflict(&dir, en(), "Mine", "Theirs");
    ctrl(&mut alice, 't');
    let f = form(&alice);
    assert!(f.conflict.is_none());
    assert_eq!(f.get("title"), "Theirs");
    assert_eq!(f.get("presenter"), "Reza");
    assert_eq!(f.get("duration"), "20");
    // The form now edits their version: a save is not a conflict.
    let version = bob.ctx.store.agenda_item(item).unwrap().version;
    assert_eq!(
        f.purpose,
        FormPurpose::EditItem {
            item_id: item,
            version
        }
    );
    key(&mut alice, KeyCode::Enter);
    assert!(alice.modal.is_none(), "{:?}", alice.status);
}

#[test]
fn a_third_save_meanwhile_is_a_conflict_again_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let (mut alice, mut bob, item) = item_conflict(&dir, en(), "Mine", "Theirs");
    // Bob saves once more while Alice looks at the conflict.
    bob.update(Action::EditItem);
    retype(&mut bob, "Theirs again");
    key(&mut bob, KeyCode::Enter);
    assert!(bob.modal.is_none(), "{:?}", bob.status);
    key(&mut alice, KeyCode::Enter);
    let f = form(&alice);
    assert!(f.conflict.is_some(), "a conflict again");
    assert_eq!(f.theirs("title"), Some("Theirs again"), "theirs read anew");
    assert_eq!(f.get("title"), "Mine");
    assert_eq!(
        bob.ctx.store.agenda_item(item).unwrap().title,
        "Theirs again",
        "not overwritten"
    );
    // And now keeping mine goes through.
    key(&mut alice, KeyCode::Enter);
    assert!(alice.modal.is_none());
    assert_eq!(bob.ctx.store.agenda_item(item).unwrap().title, "Mine");
}

#[test]
fn task_progress_reviewed_by_two_people() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shura.db");
    let (session, _, task) = world(&db, "Budget");
    let mut alice = user(&db, 1000, "secretary", en(), session);
    let mut bob = user(&db, 1001, "chair", en(), session);
    for app in [&mut alice, &mut bob] {
        while app.session.as_ref().unwrap().pane != shura::app::state::SessionPane::Review {
            app.update(Action::NextPane);
        }
        app.update(Action::ReviewTask);
    }
    // Bob: 40%. Alice: 70%, a note and a new due date.
    key(&mut bob, KeyCode::Tab);
    retype(&mut bob, "40");
    key(&mut bob, KeyCode::Enter);
    assert!(bob.modal.is_none(), "{:?}", bob.status);
    key(&mut alice, KeyCode::Tab);
    retype(&mut alice, "70");
    key(&mut alice, KeyCode::Tab);
    typ(&mut alice, "contractor hired");
    key(&mut alice, KeyCode::Tab);
    typ(&mut alice, "2027-01-15");
    key(&mut alice, KeyCode::Enter);
    let f = form(&alice);
    let diffs = f.differing();
    let keys: Vec<&str> = diffs.iter().map(|d| d.key.as_str()).collect();
    // Bob's 40% moved the task to "in progress"; the note is not compared (each
    // review adds its own note to the history).
    assert_eq!(keys, ["status", "percent", "due"], "{diffs:?}");
    assert_eq!(diffs[0].theirs, "In progress");
    assert_eq!(diffs[1].theirs, "40");
    assert_eq!(diffs[2].theirs, "2026-12-30");
    assert_eq!(f.get("note"), "contractor hired", "typed text kept");
    let v = bob.ctx.store.task(task).unwrap().version;
    // Keep mine.
    key(&mut alice, KeyCode::Enter);
    assert!(alice.modal.is_none(), "{:?}", alice.status);
    let t = bob.ctx.store.task(task).unwrap();
    assert_eq!(t.percent, 70);
    assert_eq!(t.due, NaiveDate::from_ymd_opt(2027, 1, 15));
    assert_eq!(t.version, v + 1);
    // Both notes are in the history.
    assert_eq!(bob.ctx.store.task_updates(task).unwrap().len(), 2);
}

#[test]
fn task_progress_take_theirs_keeps_my_note() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shura.db");
    let (session, _, _) = world(&db, "Budget");
    let mut alice = user(&db, 1000, "secretary", en(), session);
    let mut bob = user(&db, 1001, "chair", en(), session);
    for app in [&mut alice, &mut bob] {
        while app.session.as_ref().unwrap().pane != shura::app::state::SessionPane::Review {
            app.update(Action::NextPane);
        }
        app.update(Action::ReviewTask);
    }
    typ(&mut bob, "d"); // status: done
    key(&mut bob, KeyCode::Enter);
    assert!(bob.modal.is_none(), "{:?}", bob.status);
    key(&mut alice, KeyCode::Tab);
    retype(&mut alice, "30");
    key(&mut alice, KeyCode::Tab);
    typ(&mut alice, "waiting for the contractor");
    key(&mut alice, KeyCode::Enter);
    assert!(form(&alice).conflict.is_some());
    ctrl(&mut alice, 't');
    let f = form(&alice);
    assert_eq!(f.get("status"), "done");
    assert_eq!(f.get("percent"), "100");
    assert_eq!(f.get("note"), "waiting for the contractor");
}

#[test]
fn merge_text_marks_the_differing_fields_and_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let (mut alice, _bob, _) = item_conflict(&dir, en(), "Mine", "Theirs");
    let text = form(&alice).merge_text(Lang::En);
    assert!(
        text.contains("<<<<<<< mine\ntitle: Mine\n=======\ntitle: Theirs\n>>>>>>> theirs\n"),
        "{text}"
    );
    assert!(text.contains("\nduration: 20\n"), "{text}");
    // The user keeps their title, takes Bob's presenter.
    let merged = "# merged\ntitle: Mine, merged\npresenter: Reza\nduration: 25\n";
    let Some(Modal::Form(f)) = &mut alice.modal else {
        panic!()
    };
    f.apply_merge_text(merged, Lang::En).unwrap();
    assert_eq!(
        (f.get("title"), f.get("presenter"), f.get("duration")),
        ("Mine, merged", "Reza", "25")
    );
    assert!(f.differing().iter().all(|d| d.key != "presenter"));
}

#[test]
fn a_bad_merge_leaves_the_form_as_it_was_and_names_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let (mut alice, _bob, _) = item_conflict(&dir, en(), "Mine", "Theirs");
    let Some(Modal::Form(f)) = &mut alice.modal else {
        panic!()
    };
    let before = f.clone();
    let left_markers = f.merge_text(Lang::En);
    let e = f.apply_merge_text(&left_markers, Lang::En).unwrap_err();
    assert!(e.contains("conflict marker"), "{e}");
    let e = f
        .apply_merge_text("title: New\nspeaker: Reza\n", Lang::En)
        .unwrap_err();
    assert!(e.contains("line 2") && e.contains("speaker"), "{e}");
    let e = f.apply_merge_text("title A\n", Lang::En).unwrap_err();
    assert!(e.contains("line 1") && e.contains("title A"), "{e}");
    let e = f
        .apply_merge_text("title: a\ntitle: b\n", Lang::Fa)
        .unwrap_err();
    assert!(e.contains("دو بار"), "{e}");
    assert_eq!(*f, before, "nothing changed");
}

#[test]
fn a_bad_choice_in_a_merge_names_the_value_and_the_choices() {
    let mut f = Form::new(
        "t",
        FormPurpose::BrowseFilter,
        vec![shura::app::form::Field::choice(
            "status",
            "Status",
            vec![
                ("open".into(), "Open".into()),
                ("done".into(), "Done".into()),
            ],
            "open",
        )],
    );
    let e = f
        .apply_merge_text("status: finished\n", Lang::En)
        .unwrap_err();
    assert!(e.contains("finished") && e.contains("open, done"), "{e}");
    f.apply_merge_text("status: Done\n", Lang::En).unwrap();
    assert_eq!(f.get("status"), "done", "a label is taken for its code");
}

#[test]
fn help_lists_the_conflict_keys() {
    let dir = tempfile::tempdir().unwrap();
    let (alice, _bob, _) = item_conflict(&dir, en(), "Mine", "Theirs");
    let help = alice.help_lines();
    for k in ["ctrl-t", "ctrl-e", "enter, ctrl-s"] {
        assert!(help.iter().any(|(keys, _)| keys == k), "{k} in help");
    }
    assert!(help
        .iter()
        .any(|(_, d)| d.contains("take the other person's version")));
}

#[test]
fn snapshot_of_the_conflict_form_en_80x24() {
    let dir = tempfile::tempdir().unwrap();
    let (mut alice, _bob, _) = item_conflict(
        &dir,
        en(),
        "Budget 1406, first reading",
        "Budget 1406 (revised)",
    );
    let screen = render(&mut alice, 80, 24);
    assert!(screen.contains("theirs: Budget 1406 (revised)"), "{screen}");
    assert!(screen.contains("theirs: Reza"), "{screen}");
    assert!(screen.contains("Ctrl-T take theirs"), "{screen}");
    insta::assert_snapshot!("conflict_form_en_80x24", screen);
}

#[test]
fn snapshot_of_the_conflict_form_fa_80x24() {
    let dir = tempfile::tempdir().unwrap();
    let (mut alice, _bob, _) = item_conflict(&dir, fa(), "بودجه ۱۴۰۶، شور اول", "بودجه اصلاحی");
    let screen = render(&mut alice, 80, 24);
    assert!(screen.contains("Ctrl-T"), "{screen}");
    insta::assert_snapshot!("conflict_form_fa_80x24", screen);
}

#[test]
fn minutes_editor_keep_mine_does_not_overwrite_a_third_save() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shura.db");
    let (session, item, _) = world(&db, "Budget");
    let mut alice = user(&db, 1000, "secretary", en(), session);
    let mut bob = Store::open(&db, actor(1001, "chair")).unwrap();
    alice.update(Action::WriteMinutes);
    typ(&mut alice, "mine");
    bob.set_minutes(item, "theirs 1", None).unwrap();
    ctrl(&mut alice, 's');
    assert!(
        matches!(&alice.modal, Some(Modal::Editor(e)) if e.theirs.as_deref() == Some("theirs 1"))
    );
    bob.set_minutes(item, "theirs 2", None).unwrap();
    ctrl(&mut alice, 's');
    match &alice.modal {
        Some(Modal::Editor(e)) => assert_eq!(e.theirs.as_deref(), Some("theirs 2")),
        other => panic!("a conflict again: {other:?}"),
    }
    assert_eq!(
        bob.agenda_item(item).unwrap().minutes.as_deref(),
        Some("theirs 2")
    );
    ctrl(&mut alice, 's');
    assert!(alice.modal.is_none());
    assert_eq!(
        bob.agenda_item(item).unwrap().minutes.as_deref(),
        Some("mine")
    );
}

#[test]
fn a_resolution_followed_up_by_two_people_conflicts_and_keeps_both_notes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shura.db");
    let (session, _, _) = world(&db, "Budget");
    let resolution = {
        let mut s = Store::open(&db, actor(1000, "secretary")).unwrap();
        let body = s.session(session).unwrap().body_id;
        s.add_resolution(&NewResolution {
            body_id: body,
            session_id: None,
            agenda_item_id: None,
            text: "Works is asked to report on the depot".into(),
            decision: Decision::Adopted,
            tally: None,
            votes: vec![],
            owner: Some("Works".into()),
            due: None,
            created_on: Some(today()),
            number: None,
        })
        .unwrap()
    };
    let mut alice = user(&db, 1000, "secretary", en(), session);
    let mut bob = user(&db, 1001, "chair", en(), session);
    for app in [&mut alice, &mut bob] {
        while app.session.as_ref().unwrap().pane != shura::app::state::SessionPane::Review {
            app.update(Action::NextPane);
        }
        let v = app.session.as_mut().unwrap();
        let at = v
            .review
            .iter()
            .position(|r| matches!(r, ReviewRow::Resolution(x) if x.id == resolution.id))
            .expect("the resolution is reviewed");
        v.review_cursor.selected = at;
        app.update(Action::ReviewTask);
    }
    // Bob marks it done; Alice, who has not seen that, writes a note.
    key(&mut bob, KeyCode::Right);
    key(&mut bob, KeyCode::Right);
    key(&mut bob, KeyCode::Enter);
    assert!(bob.modal.is_none(), "{:?}", bob.status);
    key(&mut alice, KeyCode::Tab);
    typ(&mut alice, "report promised for next month");
    key(&mut alice, KeyCode::Enter);
    let f = form(&alice);
    let diffs = f.differing();
    assert_eq!(diffs.len(), 1, "{diffs:?}");
    assert_eq!(diffs[0].key, "status");
    assert_eq!(diffs[0].theirs, "Done");
    assert_eq!(f.get("note"), "report promised for next month");
    assert_eq!(
        bob.ctx.store.resolution(resolution.id).unwrap().status,
        WorkStatus::Done,
        "nothing overwritten"
    );
    // Take theirs: the status becomes theirs, the note stays.
    ctrl(&mut alice, 't');
    assert_eq!(form(&alice).get("status"), "done");
    key(&mut alice, KeyCode::Enter);
    assert!(alice.modal.is_none(), "{:?}", alice.status);
    let r = bob.ctx.store.resolution(resolution.id).unwrap();
    assert_eq!(r.status, WorkStatus::Done);
    assert_eq!(r.version, resolution.version + 2);
    let notes: Vec<String> = bob
        .ctx
        .store
        .resolution_updates(resolution.id)
        .unwrap()
        .into_iter()
        .map(|u| u.note)
        .collect();
    assert_eq!(notes, ["", "report promised for next month"]);
}
