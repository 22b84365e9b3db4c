//! The meeting in the TUI: motions on the session screen (amended, voted), the vote
//! form with the requirement in the room, a member's own vote popup and the live tally
//! on the secretary's screen — as `TestBackend` snapshots in English and Persian at
//! 80×24, and as state on two programs sharing one database file (the member's key
//! records their vote, the secretary's tally shows it, closing takes the popup away, a
//! recused member is refused).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::path::Path;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;
use shura::app::form::FormPurpose;
use shura::app::state::{App, Modal, SessionPane};
use shura::identity::Actor;
use shura::locale::text::BidiMode;
use shura::locale::{Calendar, Lang, Prefs};
use shura::model::rules::{MeetingRule, QuorumRule};
use shura::model::voting::{Choice, MotionKind, MotionStatus, Procedure, VotingRule};
use shura::model::*;
use shura::ops::motions::{self, HowVoted, MoveMotion, TakeVote};
use shura::ops::Context;
use shura::store::write::*;
use shura::store::Store;
use shura::tui::theme::Theme;
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

/// What the fixture made.
struct World {
    session: i64,
    item: i64,
    /// (person id, login) of the members who vote from their terminals.
    daemon: i64,
    bin: i64,
}

/// A city council under the iran-council rule (a second required) with five voting
/// members, two of them with logins `daemon` and `bin`; its session of today open, all
/// five present, one item.
fn world(db: &Path, lang: Lang) -> World {
    let mut s = Store::open(db, actor(1000, "secretary")).unwrap();
    s.grant_administrator("secretary").unwrap();
    let fa = lang == Lang::Fa;
    let name = |en: &str, f: &str| {
        if fa {
            Name::guess(f)
        } else {
            Name::guess(en)
        }
    };
    let (rule, _) = VotingRule::preset("iran-council").unwrap();
    let body = s
        .add_body(&NewBody {
            name: name("City council", "شورای شهر"),
            kind: BodyKind::Council,
            parent_id: None,
            quorum: QuorumRule::Majority,
            meeting_rule: MeetingRule::None,
            resolution_format: "R-{seq}".into(),
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
        .unwrap();
    let people = [
        ("Azar Amini", "آذر امینی", None, Role::Secretary),
        ("Babak Bahrami", "بابک بهرامی", None, Role::Chair),
        (
            "Dara Daneshvar",
            "دارا دانشور",
            Some("daemon"),
            Role::Member,
        ),
        ("Bita Bagheri", "بیتا باقری", Some("bin"), Role::Member),
        ("Kian Karimi", "کیان کریمی", None, Role::Member),
    ];
    let mut ids = Vec::new();
    for (en, f, login, role) in people {
        let id = s
            .add_person(&NewPerson {
                name: name(en, f),
                login: login.map(String::from),
                organization: None,
                email: None,
            })
            .unwrap();
        s.add_membership(&NewMembership {
            body_id: body,
            person_id: id,
            role,
            voting: true,
            term_start: None,
            term_end: None,
        })
        .unwrap();
        ids.push(id);
    }
    let session = s
        .add_session(&NewSession {
            body_id: body,
            kind: SessionKind::Regular,
            date: today(),
            start_time: Some("17:00".into()),
            end_time: None,
            place: Some(
                if fa {
                    "تالار شورا"
                } else {
                    "Council hall"
                }
                .into(),
            ),
            prepare_agenda: false,
            number: None,
        })
        .unwrap();
    s.set_session_status(session.id, SessionStatus::Open)
        .unwrap();
    let item = s
        .add_agenda_item(&NewAgendaItem {
            session_id: session.id,
            title: if fa {
                "لایحه روشنایی معابر"
            } else {
                "Street lighting bill"
            }
            .into(),
            presenter: None,
            duration_min: Some(20),
            ..Default::default()
        })
        .unwrap();
    for id in &ids {
        s.set_attendance(session.id, *id, Presence::Present)
            .unwrap();
    }
    World {
        session: session.id,
        item,
        daemon: ids[2],
        bin: ids[3],
    }
}

fn ctx(db: &Path, uid: u32, login: &str, prefs: Prefs) -> Context {
    Context {
        store: Store::open(db, actor(uid, login)).unwrap(),
        prefs,
        today: today(),
    }
}

/// The secretary's program, on the session screen.
fn secretary(db: &Path, prefs: Prefs, session: i64) -> App {
    let mut app = App::new(ctx(db, 1000, "secretary", prefs));
    app.open_session_screen(session).unwrap();
    app
}

/// A member's program, on its first screen.
fn member(db: &Path, uid: u32, login: &str, prefs: Prefs) -> App {
    App::new(ctx(db, uid, login, prefs))
}

/// Motion 1 amended by motion 2 (carried by count), then motion 1 voted (carried, a
/// resolution); motion 3 moved and seconded, pending. Through the operations.
fn amended_and_voted(db: &Path, w: &World, lang: Lang) -> (i64, i64, i64) {
    let mut c = ctx(
        db,
        1000,
        "secretary",
        if lang == Lang::Fa { fa() } else { en() },
    );
    let fa = lang == Lang::Fa;
    let main = motions::move_motion(
        &mut c,
        &MoveMotion {
            session_id: w.session,
            item_id: Some(w.item),
            kind: MotionKind::Substantive,
            text: if fa {
                "شهرداری روشنایی معابر منطقه ۳ را ترمیم کند."
            } else {
                "The municipality repairs the street lights of district 3."
            }
            .into(),
            mover: Some(w.daemon),
            seconder: Some(w.bin),
            at: Some("17:05".into()),
        },
    )
    .unwrap();
    let amendment = motions::amend(
        &mut c,
        main.id,
        if fa {
            "شهرداری روشنایی معابر منطقه ۳ را تا پایان دی ترمیم کند."
        } else {
            "The municipality repairs the street lights of district 3 by January."
        },
        Some(w.bin),
        Some(w.daemon),
        Some("17:10".into()),
    )
    .unwrap();
    let count = |yes, no, abstain| TakeVote {
        motion_id: 0,
        how: HowVoted::Count(Tally { yes, no, abstain }),
        casting_vote: None,
        declared: None,
        without_quorum: false,
        owner: None,
        due: None,
        number: None,
    };
    motions::vote(
        &mut c,
        &TakeVote {
            motion_id: amendment.id,
            ..count(4, 1, 0)
        },
    )
    .unwrap();
    motions::vote(
        &mut c,
        &TakeVote {
            motion_id: main.id,
            ..count(3, 1, 1)
        },
    )
    .unwrap();
    let other = motions::move_motion(
        &mut c,
        &MoveMotion {
            session_id: w.session,
            item_id: Some(w.item),
            kind: MotionKind::Substantive,
            text: if fa {
                "گزارش پیشرفت کار در جلسه بعد ارائه شود."
            } else {
                "A progress report is given at the next session."
            }
            .into(),
            mover: Some(w.bin),
            seconder: Some(w.daemon),
            at: Some("17:20".into()),
        },
    )
    .unwrap();
    (main.id, amendment.id, other.id)
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

fn key(app: &mut App, code: KeyCode) {
    shura::tui::handle_key(app, KeyEvent::new(code, KeyModifiers::NONE));
}

/// Keys as typed (capitals with Shift, as a terminal reports them).
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

fn status(app: &App) -> (String, bool) {
    app.status
        .as_ref()
        .map(|s| (s.text.clone(), s.error))
        .unwrap_or_default()
}

/// Puts the secretary on the motions pane, the cursor on a motion.
fn on_motion(app: &mut App, motion: i64) {
    let v = app.session.as_mut().unwrap();
    v.pane = SessionPane::Motions;
    let rows = v.motions.rows(v.item_id());
    let at = rows.iter().position(|m| m.motion.id == motion).unwrap();
    v.motions.cursor.selected = at;
}

fn snapshots(lang: Lang) {
    let prefs = if lang == Lang::Fa { fa() } else { en() };
    let tag = if lang == Lang::Fa { "fa" } else { "en" };
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("shura.db");
    let w = world(&db, lang);
    let (main, amendment, other) = amended_and_voted(&db, &w, lang);
    let mut sec = secretary(&db, prefs, w.session);

    // The pane: the amendment indented under its motion; the voted motion in full.
    on_motion(&mut sec, main);
    let screen = render(&mut sec, 80, 24);
    insta::assert_snapshot!(format!("{tag}_motions_pane_80x24"), screen);
    let rows: Vec<i64> = {
        let v = sec.session.as_ref().unwrap();
        v.motions
            .rows(v.item_id())
            .iter()
            .map(|m| m.motion.id)
            .collect()
    };
    assert_eq!(
        rows,
        vec![main, amendment, other],
        "amendment under its motion"
    );

    // The vote form, with what the motion needs in the room above its fields.
    on_motion(&mut sec, other);
    typ(&mut sec, "v");
    let Some(Modal::Form(form)) = &sec.modal else {
        panic!("no vote form: {:?}", sec.status)
    };
    assert!(matches!(form.purpose, FormPurpose::Meeting(_)));
    let note = form.note.clone().unwrap();
    if lang == Lang::En {
        assert_eq!(note, "needs 3 of 5 members present");
    } else {
        assert!(note.contains('۳') && note.contains('۵'), "{note}");
    }
    let screen = render(&mut sec, 80, 24);
    insta::assert_snapshot!(format!("{tag}_vote_form_80x24"), screen);
    key(&mut sec, KeyCode::Esc);

    // A live vote: the member's popup, then the secretary's tally.
    typ(&mut sec, "V");
    assert!(!status(&sec).1, "{:?}", sec.status);
    let mut daemon = member(&db, 1, "daemon", prefs);
    assert!(daemon.ballot_showing());
    let screen = render(&mut daemon, 80, 24);
    insta::assert_snapshot!(format!("{tag}_member_vote_popup_80x24"), screen);
    typ(&mut daemon, "y");
    let mut bin = member(&db, 2, "bin", prefs);
    typ(&mut bin, "n");
    sec.poll_changes();
    let screen = render(&mut sec, 80, 24);
    insta::assert_snapshot!(format!("{tag}_live_tally_80x24"), screen);
}

#[test]
fn en_motions_vote_form_popup_and_live_tally() {
    snapshots(Lang::En);
}

#[test]
fn fa_motions_vote_form_popup_and_live_tally() {
    snapshots(Lang::Fa);
}

#[test]
fn a_member_votes_from_their_terminal_and_the_secretary_sees_it_live() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("shura.db");
    let w = world(&db, Lang::En);
    let mut sec = secretary(&db, en(), w.session);
    let mut daemon = member(&db, 1, "daemon", en());
    assert!(!daemon.ballot_showing(), "no vote open yet");

    // The secretary moves a motion by keys (mover and seconder picked by name).
    typ(&mut sec, "M");
    key(&mut sec, KeyCode::Tab);
    typ(&mut sec, "The hall is renamed.");
    key(&mut sec, KeyCode::Tab);
    typ(&mut sec, "Dar");
    key(&mut sec, KeyCode::Tab);
    typ(&mut sec, "Bit");
    key(&mut sec, KeyCode::Enter);
    assert!(sec.modal.is_none(), "saved: {:?}", sec.modal);
    let motion = sec.ctx.store.motions(w.session).unwrap().pop().unwrap();
    assert_eq!(motion.mover_id, Some(w.daemon));
    assert_eq!(motion.seconder_id, Some(w.bin));
    assert_eq!(motion.agenda_item_id, Some(w.item));

    // Opened live: the member's program sees it at its next poll.
    typ(&mut sec, "V");
    assert!(!status(&sec).1, "{:?}", sec.status);
    assert_eq!(
        sec.ctx.store.motion(motion.id).unwrap().status,
        MotionStatus::Voting
    );
    assert!(daemon.poll_changes(), "the database changed");
    assert!(daemon.ballot_showing(), "the popup appears");
    let b = daemon.ballot.clone().unwrap();
    assert_eq!(b.motion_id, motion.id);
    assert_eq!(b.text, "The hall is renamed.");
    assert_eq!(b.requirement, "needs 3 of 5 members present");
    assert!(render(&mut daemon, 80, 24).contains("The hall is renamed."));

    // The member's key records their vote, as theirs.
    typ(&mut daemon, "y");
    let votes = daemon.ctx.store.ballot_votes(motion.id).unwrap();
    assert_eq!(votes.len(), 1);
    assert_eq!(
        (votes[0].person_id, votes[0].choice),
        (w.daemon, Choice::Yes)
    );
    assert_eq!(votes[0].cast_by, "daemon");
    assert_eq!(daemon.ballot.as_ref().unwrap().mine, Some(Choice::Yes));
    assert!(
        daemon.ballot_showing(),
        "the popup stays while the vote is open"
    );
    // Esc hides it; Y shows it again.
    key(&mut daemon, KeyCode::Esc);
    assert!(!daemon.ballot_showing());
    assert!(daemon.ballot.is_some());
    typ(&mut daemon, "Y");
    assert!(daemon.ballot_showing());
    // A Persian-keyboard key is the key at its place: «ش» is «a», abstain.
    typ(&mut daemon, "ش");
    let votes = daemon.ctx.store.ballot_votes(motion.id).unwrap();
    assert_eq!(votes[0].choice, Choice::Abstain, "changed while open");
    typ(&mut daemon, "y");

    // The secretary's tally fills in.
    assert!(sec.poll_changes());
    let live = sec.session.as_ref().unwrap().motions.live[&motion.id].clone();
    assert_eq!((live.tally.yes, live.voted, live.eligible), (1, 1, 5));
    let screen = render(&mut sec, 80, 24);
    // (Wrapped in the pane at 80 columns.)
    assert!(
        screen.contains("votes so far: 1 for, 0 against, 0"),
        "{screen}"
    );
    assert!(screen.contains("abstaining — 1 of 5 voted"), "{screen}");
    assert!(screen.contains("Dara Daneshvar (For)"), "{screen}");

    // Two more for, and the secretary closes it: carried, and the popup goes away.
    let mut bin = member(&db, 2, "bin", en());
    typ(&mut bin, "y");
    // Kian has no terminal: the secretary enters his vote.
    sec.poll_changes();
    typ(&mut sec, "f");
    let Some(Modal::Form(f)) = &sec.modal else {
        panic!("no form: {:?}", sec.status)
    };
    let offered: Vec<String> = match &f.fields[0].kind {
        shura::app::form::FieldKind::Choice(o) => o.iter().map(|(_, n)| n.clone()).collect(),
        _ => panic!(),
    };
    assert_eq!(
        offered,
        [
            "Babak Bahrami",
            "Azar Amini",
            "Dara Daneshvar",
            "Bita Bagheri",
            "Kian Karimi"
        ]
    );
    typ(&mut sec, "Kia");
    key(&mut sec, KeyCode::Enter);
    assert_eq!(status(&sec), ("Kian Karimi: For".to_string(), false));
    let kian = sec
        .ctx
        .store
        .ballot_votes(motion.id)
        .unwrap()
        .into_iter()
        .find(|v| v.person_id == w.daemon + 2)
        .unwrap();
    assert_eq!(
        (kian.choice, kian.cast_by.as_str()),
        (Choice::Yes, "secretary")
    );
    typ(&mut sec, "c");
    let (text, error) = status(&sec);
    assert!(!error, "{text}");
    assert!(
        text.contains("carried: 3 for, 0 against, 0 abstaining; needed 3 of 5 members present"),
        "{text}"
    );
    assert!(text.contains("resolution R-1"), "{text}");
    assert!(daemon.poll_changes());
    assert!(
        daemon.ballot.is_none(),
        "the popup disappears when the vote closes"
    );
    assert!(!daemon.ballot_showing());
}

#[test]
fn a_recused_member_is_refused_with_the_reason() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("shura.db");
    let w = world(&db, Lang::En);
    let mut sec = secretary(&db, en(), w.session);
    // The secretary records Bita's interest in the item by keys.
    typ(&mut sec, "I");
    typ(&mut sec, "Bit");
    key(&mut sec, KeyCode::Tab);
    typ(&mut sec, "owns a lighting firm");
    key(&mut sec, KeyCode::Enter);
    assert!(sec.modal.is_none(), "{:?}", sec.modal);
    assert_eq!(
        status(&sec).0,
        "Bita Bagheri declared an interest and does not vote on this item"
    );
    let conflicts = sec.ctx.store.conflicts(w.session).unwrap();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].person_id, w.bin);
    assert!(render(&mut sec, 80, 24).contains("⚖"), "marked on the item");

    let mut c = ctx(&db, 1000, "secretary", en());
    let m = motions::move_motion(
        &mut c,
        &MoveMotion {
            session_id: w.session,
            item_id: Some(w.item),
            kind: MotionKind::Substantive,
            text: "Lighting contract".into(),
            mover: Some(w.daemon),
            seconder: Some(w.daemon + 2),
            at: None,
        },
    )
    .unwrap();
    sec.poll_changes();
    on_motion(&mut sec, m.id);
    // The roll form shows her recused, with no vote to give.
    typ(&mut sec, "v");
    let Some(Modal::Form(form)) = &sec.modal else {
        panic!("no vote form")
    };
    assert_eq!(
        form.note.as_deref(),
        Some("needs 3 of 4 members present (1 recused)")
    );
    let hers = form
        .fields
        .iter()
        .find(|f| f.key == format!("recused:{}", w.bin))
        .expect("her row is marked recused");
    assert_eq!(hers.shown(), "recused: owns a lighting firm");
    assert!(!form
        .fields
        .iter()
        .any(|f| f.key == format!("vote:{}", w.bin)));
    key(&mut sec, KeyCode::Esc);

    motions::open_vote(&mut c, m.id, false).unwrap();
    let mut bin = member(&db, 2, "bin", en());
    assert!(
        bin.ballot_showing(),
        "she sees the vote (she is in the room)"
    );
    typ(&mut bin, "y");
    let (text, error) = status(&bin);
    assert!(error);
    assert_eq!(
        text,
        "Bita Bagheri declared an interest in this item and does not vote on it"
    );
    assert_eq!(bin.ballot.as_ref().unwrap().error.as_deref(), Some(&*text));
    assert!(bin.ctx.store.ballot_votes(m.id).unwrap().is_empty());
}

#[test]
fn consent_agenda_by_keys() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("shura.db");
    let w = world(&db, Lang::En);
    let mut sec = secretary(&db, en(), w.session);
    // Nothing on it yet: moving it is refused, naming the session.
    typ(&mut sec, "Z");
    key(&mut sec, KeyCode::Enter);
    match &sec.modal {
        Some(Modal::Form(f)) => assert_eq!(
            f.error.as_deref(),
            Some("session 1 has no items on its consent agenda")
        ),
        other => panic!("{other:?}"),
    }
    key(&mut sec, KeyCode::Esc);
    typ(&mut sec, "z");
    assert_eq!(
        status(&sec).0,
        "Street lighting bill — on the consent agenda"
    );
    assert!(sec.ctx.store.agenda_item(w.item).unwrap().consent);
    assert!(render(&mut sec, 80, 24).contains('✓'));
    typ(&mut sec, "Z");
    typ(&mut sec, "Dar");
    key(&mut sec, KeyCode::Tab);
    typ(&mut sec, "Bit");
    key(&mut sec, KeyCode::Enter);
    assert!(sec.modal.is_none(), "{:?}", sec.modal);
    let m = sec.ctx.store.motions(w.session).unwrap().pop().unwrap();
    assert_eq!(m.kind, MotionKind::Consent);
    assert_eq!(m.text, "Consent agenda: Street lighting bill");
    // Unanimously, by the vote form.
    typ(&mut sec, "v");
    typ(&mut sec, "U");
    key(&mut sec, KeyCode::Enter);
    let (text, error) = status(&sec);
    assert!(!error, "{text}");
    assert!(text.starts_with("motion 1 — carried: 5 for"), "{text}");
    assert_eq!(
        sec.ctx.store.motion(m.id).unwrap().status,
        MotionStatus::Carried
    );
}

#[test]
fn the_vote_forms_requirement_follows_the_room() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("shura.db");
    let w = world(&db, Lang::En);
    let (_, _, other) = amended_and_voted(&db, &w, Lang::En);
    let mut sec = secretary(&db, en(), w.session);
    on_motion(&mut sec, other);
    typ(&mut sec, "v");
    let note = |app: &App| match &app.modal {
        Some(Modal::Form(f)) => f.note.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(note(&sec).as_deref(), Some("needs 3 of 5 members present"));
    // Another program records that Kian left, and Dara's interest in the item.
    let mut c = ctx(&db, 1000, "secretary", en());
    shura::ops::sessions::mark_attendance(&mut c, w.session, w.daemon + 2, Presence::Absent)
        .unwrap();
    motions::declare_conflict(&mut c, w.item, w.daemon, "his brother bids").unwrap();
    assert!(sec.poll_changes());
    assert_eq!(
        note(&sec).as_deref(),
        Some("needs 2 of 3 members present (1 recused)"),
        "the form stays open with the room as it is now"
    );
}

#[test]
fn without_quorum_the_vote_is_taken_only_when_confirmed() {
    let dir = TempDir::new().unwrap();
    let db = dir.path().join("shura.db");
    let w = world(&db, Lang::En);
    let (_, _, other) = amended_and_voted(&db, &w, Lang::En);
    let mut c = ctx(&db, 1000, "secretary", en());
    // Three of five leave: two present, three needed.
    for p in [w.daemon - 2, w.daemon - 1, w.daemon + 2] {
        shura::ops::sessions::mark_attendance(&mut c, w.session, p, Presence::Absent).unwrap();
    }
    let mut sec = secretary(&db, en(), w.session);
    on_motion(&mut sec, other);
    typ(&mut sec, "v");
    key(&mut sec, KeyCode::Tab);
    typ(&mut sec, "2/0/0");
    key(&mut sec, KeyCode::Enter);
    let Some(Modal::Form(f)) = &sec.modal else {
        panic!("the form stays open: {:?}", sec.status)
    };
    assert_eq!(
        f.warning.as_deref(),
        Some("no quorum: 2 of 5 voting members present, 3 needed")
    );
    assert_eq!(f.fields[1].value, "2/0/0", "what was typed stays");
    assert_eq!(
        sec.ctx.store.motion(other).unwrap().status,
        MotionStatus::Pending,
        "nothing recorded yet"
    );
    key(&mut sec, KeyCode::Enter);
    let (text, error) = status(&sec);
    assert!(!error, "{text}");
    assert!(
        text.ends_with("; taken without quorum; resolution R-2"),
        "{text}"
    );
    assert!(sec.ctx.store.ballot(other).unwrap().unwrap().without_quorum);

    // Opening a live vote asks first, and opens it only on yes.
    let m = motions::move_motion(
        &mut c,
        &MoveMotion {
            session_id: w.session,
            item_id: Some(w.item),
            kind: MotionKind::Substantive,
            text: "Another".into(),
            mover: Some(w.daemon),
            seconder: Some(w.bin),
            at: None,
        },
    )
    .unwrap();
    sec.poll_changes();
    on_motion(&mut sec, m.id);
    typ(&mut sec, "V");
    match &sec.modal {
        Some(Modal::Confirm { text, .. }) => {
            assert!(text.starts_with("no quorum: 2 of 5"), "{text}")
        }
        other => panic!("{other:?}"),
    }
    typ(&mut sec, "n");
    assert_eq!(
        sec.ctx.store.motion(m.id).unwrap().status,
        MotionStatus::Pending
    );
    typ(&mut sec, "V");
    typ(&mut sec, "y");
    assert_eq!(
        sec.ctx.store.motion(m.id).unwrap().status,
        MotionStatus::Voting
    );
    assert!(sec.ctx.store.ballot(m.id).unwrap().unwrap().without_quorum);
}
