//! The same vote from the two front ends: `shura motion vote` (the built binary) and the
//! TUI's vote form (keys on the `App`), on two databases set up alike, store the same
//! ballot and give the same outcome, and refuse the same tally with the same words.
//! The rule lives once, in `ops::motions` and `model::voting`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::path::PathBuf;

mod common;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use shura::app::state::{App, Modal, SessionPane};
use shura::identity::Actor;
use shura::locale::{Calendar, Lang, Prefs};
use shura::model::rules::{MeetingRule, QuorumRule};
use shura::model::voting::{MotionKind, Procedure, VotingRule};
use shura::model::*;
use shura::ops::motions::{self, MoveMotion};
use shura::ops::Context;
use shura::store::write::*;
use shura::store::Store;
use tempfile::TempDir;

const TODAY: &str = "2026-11-22";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A city council of five voting members under `iran-council` (quorum two thirds: 4),
/// the first `present` marked present, and one motion moved on an item.
struct World {
    _dir: TempDir,
    db: PathBuf,
    session: i64,
    motion: i64,
}

fn world(present: usize) -> World {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("council.db");
    let mut ctx = Context::new(
        Store::open(&db, Actor::current()).unwrap(),
        Prefs::default(),
    );
    let body = ctx
        .store
        .add_body(&NewBody {
            name: Name::new(Some("شورای اسلامی شهر".into()), Some("City Council".into())),
            kind: BodyKind::Council,
            parent_id: None,
            quorum: QuorumRule::TwoThirds,
            meeting_rule: MeetingRule::None,
            resolution_format: "{seq}".into(),
            agenda_template: vec![],
            confidential: false,
            formed_on: Some(day("2026-01-01")),
            procedure: Procedure {
                voting_rule: VotingRule::iran_council(),
                ..Default::default()
            },
            agenda_closing: Vec::new(),
            number_per_term: false,
            fiscal_year: Default::default(),
            signing: Default::default(),
            law_profile: Default::default(),
            absence_rule: Default::default(),
        })
        .unwrap();
    let mut people = Vec::new();
    for name in ["Sara", "Reza", "Mina", "Omid", "Leila"] {
        let p = ctx
            .store
            .add_person(&NewPerson {
                name: Name::new(None, Some(name.into())),
                login: None,
                organization: None,
                email: None,
            })
            .unwrap();
        ctx.store
            .add_membership(&NewMembership {
                body_id: body,
                person_id: p,
                role: Role::Member,
                voting: true,
                term_start: None,
                term_end: None,
            })
            .unwrap();
        people.push(p);
    }
    let session = ctx
        .store
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
    ctx.store
        .set_session_status(session, SessionStatus::Open)
        .unwrap();
    let item = ctx
        .store
        .add_agenda_item(&NewAgendaItem {
            session_id: session,
            title: "Bus lanes".into(),
            presenter: None,
            duration_min: None,
            ..Default::default()
        })
        .unwrap();
    for (i, p) in people.iter().enumerate() {
        let mark = if i < present {
            Presence::Present
        } else {
            Presence::Absent
        };
        ctx.store.set_attendance(session, *p, mark).unwrap();
    }
    let motion = motions::move_motion(
        &mut ctx,
        &MoveMotion {
            session_id: session,
            item_id: Some(item),
            kind: MotionKind::Substantive,
            text: "Open bus lanes on Azadi street".into(),
            mover: Some(people[1]),
            seconder: Some(people[2]),
            at: Some("17:30".into()),
        },
    )
    .unwrap()
    .id;
    World {
        _dir: dir,
        db,
        session,
        motion,
    }
}

/// A stored vote: method, tally, needed, carried, the motion's status, whether it made
/// a resolution.
type StoredVote = (
    String,
    Option<Tally>,
    Option<u32>,
    Option<bool>,
    String,
    bool,
);

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn prefs(lang: Lang) -> Prefs {
    Prefs {
        lang,
        calendar: if lang == Lang::Fa {
            Calendar::Jalali
        } else {
            Calendar::Gregorian
        },
        ..Prefs::default()
    }
}

impl World {
    fn cli(&self, lang: Lang, args: &[&str]) -> Run {
        let home = self.db.parent().unwrap().join("home");
        let out = common::shura_command(&self.db, &home, TODAY, None)
            .arg("--lang")
            .arg(lang.code())
            .args(args)
            .output()
            .unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    /// The secretary's TUI on the session screen, the cursor on the motion.
    fn app(&self, lang: Lang) -> App {
        let mut app = App::new(Context {
            store: Store::open(&self.db, Actor::current()).unwrap(),
            prefs: prefs(lang),
            today: day(TODAY),
        });
        app.open_session_screen(self.session).unwrap();
        let v = app.session.as_mut().unwrap();
        v.pane = SessionPane::Motions;
        let rows = v.motions.rows(v.item_id());
        v.motions.cursor.selected = rows
            .iter()
            .position(|m| m.motion.id == self.motion)
            .unwrap();
        app
    }

    /// What is stored of the vote: method, tally, needed, carried, and the motion's
    /// status and resolution.
    fn stored(&self) -> Option<StoredVote> {
        let store = Store::open(&self.db, Actor::current()).unwrap();
        let b = store.ballot(self.motion).unwrap()?;
        let m = store.motion(self.motion).unwrap();
        Some((
            b.method.code().to_string(),
            b.tally,
            b.needed,
            b.carried,
            m.status.code().to_string(),
            m.resolution_id.is_some(),
        ))
    }
}

/// The vote form: the first field is the way of voting (by count), the second the
/// tally.
fn tui_vote(app: &mut App, tally: &str) {
    key(app, KeyCode::Char('v'));
    assert!(
        matches!(app.modal, Some(Modal::Form(_))),
        "{:?}",
        app.status
    );
    key(app, KeyCode::Tab);
    for c in tally.chars() {
        key(app, KeyCode::Char(c));
    }
    key(app, KeyCode::Enter);
}

fn key(app: &mut App, code: KeyCode) {
    shura::tui::handle_key(app, KeyEvent::new(code, KeyModifiers::NONE));
}

/// What the form shows (its warning, or why the save failed), else the status line.
fn shown(app: &App) -> String {
    match &app.modal {
        Some(Modal::Form(f)) if f.warning.is_some() || f.error.is_some() => {
            f.warning.clone().or(f.error.clone()).unwrap_or_default()
        }
        _ => app
            .status
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default(),
    }
}

#[test]
fn an_abstention_makes_the_motion_fail_from_either_side() {
    // Four present of five; iran-council needs more than half of those present: 3.
    // 2 for, 1 against, 1 abstaining fails: the abstention counts against.
    let cli = world(4);
    let r = cli.cli(
        Lang::En,
        &[
            "motion",
            "vote",
            &cli.motion.to_string(),
            "--votes",
            "2/1/1",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout
            .contains("failed: 2 for, 1 against, 1 abstaining; needed 3 of 4 members present"),
        "{}",
        r.stdout
    );
    let tui = world(4);
    let mut app = tui.app(Lang::En);
    tui_vote(&mut app, "2/1/1");
    assert!(app.modal.is_none(), "saved: {}", shown(&app));
    assert!(
        shown(&app)
            .contains("failed: 2 for, 1 against, 1 abstaining; needed 3 of 4 members present"),
        "{}",
        shown(&app)
    );
    let expected = Some((
        "count".to_string(),
        Some(Tally {
            yes: 2,
            no: 1,
            abstain: 1,
        }),
        Some(3),
        Some(false),
        "failed".to_string(),
        false,
    ));
    assert_eq!(cli.stored(), expected, "from the CLI");
    assert_eq!(tui.stored(), expected, "from the TUI");
}

#[test]
fn a_tally_larger_than_the_room_is_refused_alike() {
    for lang in [Lang::En, Lang::Fa] {
        let cli = world(4);
        let r = cli.cli(
            lang,
            &[
                "motion",
                "vote",
                &cli.motion.to_string(),
                "--votes",
                "5/0/0",
            ],
        );
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(cli.stored().is_none(), "nothing recorded from the CLI");
        let tui = world(4);
        let mut app = tui.app(lang);
        tui_vote(&mut app, "5/0/0");
        assert!(tui.stored().is_none(), "nothing recorded from the TUI");
        let message = shown(&app);
        assert!(!message.is_empty());
        // Both say the same words, naming 5 and 4 in the user's digits.
        assert!(
            r.stderr.contains(&message),
            "CLI: {} / TUI: {message}",
            r.stderr
        );
        let d = |n: &str| shura::locale::digits::localize_digits(n, lang);
        assert!(
            message.contains(&d("5")) && message.contains(&d("4")),
            "{message}"
        );
        // What was typed survives the refusal.
        match &app.modal {
            Some(Modal::Form(f)) => assert!(f.fields.iter().any(|x| x.value == "5/0/0")),
            other => panic!("the form stays open: {other:?}"),
        }
    }
}

#[test]
fn without_quorum_both_refuse_until_recorded_as_such() {
    // Three present of five: two thirds of five is 4; no quorum.
    let cli = world(3);
    let r = cli.cli(
        Lang::En,
        &[
            "motion",
            "vote",
            &cli.motion.to_string(),
            "--votes",
            "3/0/0",
        ],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("3 of 5") && r.stderr.contains("4 needed"),
        "{}",
        r.stderr
    );
    let r = cli.cli(
        Lang::En,
        &[
            "motion",
            "vote",
            &cli.motion.to_string(),
            "--votes",
            "3/0/0",
            "--without-quorum",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let tui = world(3);
    let mut app = tui.app(Lang::En);
    tui_vote(&mut app, "3/0/0");
    assert!(tui.stored().is_none(), "asked first");
    assert!(shown(&app).contains("3 of 5"), "{}", shown(&app));
    key(&mut app, KeyCode::Enter);
    assert_eq!(cli.stored(), tui.stored());
    let b = Store::open(&tui.db, Actor::current())
        .unwrap()
        .ballot(tui.motion)
        .unwrap()
        .unwrap();
    assert!(b.without_quorum);
}
