//! The same act from the two front ends: a resolution recorded with `shura resolution
//! add` (the built binary) and with the TUI's form (the `App`, keys and fields) on two
//! databases set up alike gives the same stored rows, and the same refusal. The rules
//! live once, in `ops::resolutions`; these tests fail if a front end grows its own.
//! Likewise an agenda item (kind, section, urgency, signatories) from `shura agenda add`
//! and the new-item form, with the rules in `ops::agenda` and `model::agenda`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::Command;

use chrono::NaiveDate;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use shura::app::keymap::Action;
use shura::app::state::{App, Modal};
use shura::identity::Actor;
use shura::locale::{Calendar, Lang, Prefs};
use shura::model::rules::{MeetingRule, QuorumRule};
use shura::model::*;
use shura::ops::Context;
use shura::store::read::ResolutionFilter;
use shura::store::write::*;
use shura::store::Store;
use tempfile::TempDir;

const TODAY: &str = "2026-11-22";

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A council of three voting members; Reza carries the login of uid 1 (`daemon`) and
/// is a plain member. The creator (whoever runs the tests) is the administrator.
struct World {
    dir: TempDir,
    db: PathBuf,
    session: i64,
    people: Vec<i64>,
}

fn world(present: &[Option<Presence>]) -> World {
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let db = dir.path().join("council.db");
    let mut store = Store::open(&db, Actor::current()).unwrap();
    let body = store
        .add_body(&NewBody {
            name: Name::new(None, Some("Town Council".into())),
            kind: BodyKind::Council,
            parent_id: None,
            quorum: QuorumRule::Majority,
            meeting_rule: MeetingRule::None,
            resolution_format: "{seq}".into(),
            agenda_template: vec![],
            confidential: false,
            formed_on: Some(day("2026-01-01")),
            procedure: Default::default(),
            agenda_closing: Vec::new(),
            number_per_term: false,
            fiscal_year: Default::default(),
            signing: Default::default(),
            law_profile: Default::default(),
            absence_rule: Default::default(),
        })
        .unwrap();
    let mut people = Vec::new();
    for (name, login, role) in [
        ("Sara Ahmadi", None, Role::Chair),
        ("Reza Karimi", shura::identity::login_of(1), Role::Member),
        ("Mina Tehrani", None, Role::Member),
    ] {
        let p = store
            .add_person(&NewPerson {
                name: Name::new(None, Some(name.into())),
                login,
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
    for (p, mark) in people.iter().zip(present) {
        if let Some(m) = mark {
            store.set_attendance(session, *p, *m).unwrap();
        }
    }
    drop(store);
    for suffix in ["", "-wal", "-shm"] {
        let p = PathBuf::from(format!("{}{suffix}", db.display()));
        if p.exists() {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o666)).unwrap();
        }
    }
    World {
        dir,
        db,
        session,
        people,
    }
}

/// A stored resolution: text, decision, tally, votes by position in the roll.
type Stored = (String, Decision, Option<Tally>, Vec<(usize, Vote)>);

struct Run {
    code: i32,
    stderr: String,
}

impl World {
    /// The built binary, as the test's user or as uid 1.
    fn cli(&self, as_daemon: bool, lang: Lang, args: &[&str]) -> Run {
        let home = self
            .dir
            .path()
            .join(if as_daemon { "home-1" } else { "home" });
        let mut c = Command::new(env!("CARGO_BIN_EXE_shura"));
        c.env_clear()
            .env("PATH", "/usr/bin:/bin")
            .env("SHURA_DB", &self.db)
            .env("SHURA_TODAY", TODAY)
            .env("SHURA_CONFIG", "/nonexistent")
            .env("LANG", "C")
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_STATE_HOME", home.join("state"))
            .env("SHURA_STATE_DIR", home.join("state"))
            .arg("--lang")
            .arg(lang.code())
            .args(args);
        if as_daemon {
            c.uid(1).gid(1);
        }
        let out = c.output().expect("run shura");
        Run {
            code: out.status.code().unwrap_or(-1),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    fn app(&self, as_daemon: bool, lang: Lang) -> App {
        let actor = if as_daemon {
            Actor {
                uid: 1,
                login: shura::identity::login_of(1).unwrap_or_else(|| "uid1".into()),
            }
        } else {
            Actor::current()
        };
        let prefs = Prefs {
            lang,
            calendar: if lang == Lang::Fa {
                Calendar::Jalali
            } else {
                Calendar::Gregorian
            },
            ..Prefs::default()
        };
        let mut app = App::new(Context {
            store: Store::open(&self.db, actor).unwrap(),
            prefs,
            today: day(TODAY),
        });
        app.open_session_screen(self.session).unwrap();
        app
    }

    /// What is stored of the session's resolutions: text, decision, tally, and the
    /// votes member by member (by position in the roll, so two databases compare).
    fn stored(&self) -> Vec<Stored> {
        let store = Store::open(&self.db, Actor::current()).unwrap();
        store
            .resolutions(&ResolutionFilter {
                session_id: Some(self.session),
                ..Default::default()
            })
            .unwrap()
            .into_iter()
            .map(|r| {
                let r = r.resolution;
                let mut votes: Vec<(usize, Vote)> = store
                    .votes(r.id)
                    .unwrap()
                    .into_iter()
                    .map(|(p, v)| (self.people.iter().position(|x| *x == p).unwrap(), v))
                    .collect();
                votes.sort_by_key(|(i, _)| *i);
                (r.text, r.decision, r.tally, votes)
            })
            .collect()
    }
}

/// Opens the resolution form, fills it, and presses Enter.
fn tui_record(app: &mut App, text: &str, fields: &[(&str, &str)]) {
    app.update(Action::AddResolution);
    let Some(Modal::Form(f)) = &mut app.modal else {
        panic!("the resolution form should open: {:?}", app.status);
    };
    f.set("text", text);
    for (k, v) in fields {
        f.set(k, v);
    }
    enter(app);
}

fn enter(app: &mut App) {
    shura::tui::handle_key(app, KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE));
}

fn form(app: &App) -> &shura::app::form::Form {
    match &app.modal {
        Some(Modal::Form(f)) => f,
        other => panic!("the form should stay open: {other:?}"),
    }
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

const PRESENT3: [Option<Presence>; 3] = [
    Some(Presence::Present),
    Some(Presence::Late),
    Some(Presence::Remote),
];

#[test]
fn a_unanimous_vote_stores_a_for_from_every_voting_member_present() {
    // Two of three present (one excused): quorum is met, and unanimity is the two.
    let roll = [
        Some(Presence::Present),
        Some(Presence::Excused),
        Some(Presence::Remote),
    ];
    let cli = world(&roll);
    let r = cli.cli(
        false,
        Lang::En,
        &[
            "resolution",
            "add",
            "--session",
            "1",
            "Repair the roof.",
            "--unanimous",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);

    let tui = world(&roll);
    let mut app = tui.app(false, Lang::En);
    tui_record(&mut app, "Repair the roof.", &[("votes", "u")]);
    assert!(app.modal.is_none(), "saved: {:?}", app.modal);

    let expected = vec![(
        "Repair the roof.".to_string(),
        Decision::Adopted,
        Some(Tally {
            yes: 2,
            no: 0,
            abstain: 0,
        }),
        vec![(0, Vote::Yes), (2, Vote::Yes)],
    )];
    assert_eq!(cli.stored(), expected, "from the CLI");
    assert_eq!(tui.stored(), expected, "from the TUI");

    // The Persian word for it reads the same from either side.
    let fa = world(&roll);
    let mut app = fa.app(false, Lang::Fa);
    tui_record(&mut app, "Repair the roof.", &[("votes", "به اتفاق آرا")]);
    assert!(app.modal.is_none(), "saved: {:?}", app.modal);
    assert_eq!(fa.stored(), expected, "from the TUI in Persian");
}

#[test]
fn a_vote_without_quorum_is_refused_until_confirmed_from_either_side() {
    // One of three present: quorum (majority: 2) is not met.
    let roll = [Some(Presence::Present), Some(Presence::Absent), None];
    for lang in [Lang::En, Lang::Fa] {
        let cli = world(&roll);
        let r = cli.cli(
            false,
            lang,
            &[
                "resolution",
                "add",
                "--session",
                "1",
                "Repair.",
                "--votes",
                "1/0/0",
            ],
        );
        assert_eq!(r.code, 2, "{}", r.stderr);
        assert!(cli.stored().is_empty(), "nothing recorded from the CLI");

        let tui = world(&roll);
        let mut app = tui.app(false, lang);
        tui_record(&mut app, "Repair.", &[("votes", "1/0/0")]);
        let warning = form(&app).warning.clone().expect("a warning to confirm");
        assert!(tui.stored().is_empty(), "nothing recorded from the TUI");

        // Both name the same figures: 1 present of 3, 2 needed.
        let d = |n: &str| shura::locale::digits::localize_digits(n, lang);
        let figures = match lang {
            Lang::En => format!(
                "{} of {} voting members present, {} needed",
                d("1"),
                d("3"),
                d("2")
            ),
            Lang::Fa => format!("{} از {}", d("1"), d("3")),
        };
        assert!(r.stderr.contains(&figures), "CLI: {}", r.stderr);
        assert!(warning.contains(&figures), "TUI: {warning}");

        // Confirmed (a second Enter, --without-quorum): the same rows.
        enter(&mut app);
        assert!(app.modal.is_none(), "the second Enter records it");
        let r = cli.cli(
            false,
            lang,
            &[
                "resolution",
                "add",
                "--session",
                "1",
                "Repair.",
                "--votes",
                "1/0/0",
                "--without-quorum",
            ],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(cli.stored(), tui.stored());
        assert_eq!(cli.stored().len(), 1);
    }
}

#[test]
fn with_the_roll_not_taken_nothing_is_asked() {
    let cli = world(&[None, None, None]);
    let r = cli.cli(
        false,
        Lang::En,
        &["resolution", "add", "--session", "1", "Noted."],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let tui = world(&[None, None, None]);
    let mut app = tui.app(false, Lang::En);
    tui_record(&mut app, "Noted.", &[]);
    assert!(app.modal.is_none(), "saved at once: {:?}", app.modal);
    assert_eq!(cli.stored(), tui.stored());
}

#[test]
fn a_unanimous_vote_with_nobody_present_is_refused_alike() {
    let roll = [
        Some(Presence::Absent),
        Some(Presence::Absent),
        Some(Presence::Excused),
    ];
    let cli = world(&roll);
    let r = cli.cli(
        false,
        Lang::En,
        &[
            "resolution",
            "add",
            "--session",
            "1",
            "x",
            "--unanimous",
            "--without-quorum",
        ],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    let tui = world(&roll);
    let mut app = tui.app(false, Lang::En);
    tui_record(&mut app, "x", &[("votes", "u")]);
    // The quorum is asked first; confirmed, the unanimity rule refuses.
    enter(&mut app);
    let err = form(&app).error.clone().expect("refused");
    assert!(
        r.stderr.contains(&err),
        "the same refusal:\nCLI: {}\nTUI: {err}",
        r.stderr
    );
    assert!(cli.stored().is_empty() && tui.stored().is_empty());
}

#[test]
fn a_bad_date_is_refused_with_the_same_words() {
    for lang in [Lang::En, Lang::Fa] {
        let w = world(&PRESENT3);
        let r = w.cli(
            false,
            lang,
            &[
                "resolution",
                "add",
                "--session",
                "1",
                "x",
                "--due",
                "1405/13/40",
            ],
        );
        assert_eq!(r.code, 2, "{}", r.stderr);
        let mut app = w.app(false, lang);
        tui_record(&mut app, "x", &[("due", "1405/13/40")]);
        let err = form(&app).error.clone().expect("refused");
        assert!(err.contains("1405/13/40"), "names the value: {err}");
        assert!(
            r.stderr.contains(&err),
            "the same words:\nCLI: {}\nTUI: {err}",
            r.stderr
        );
        assert!(w.stored().is_empty());
        // The typed text survives the failed save.
        assert_eq!(form(&app).get("text"), "x");
    }
}

#[test]
fn a_member_is_refused_alike_from_either_side() {
    if !nix_is_root() || shura::identity::login_of(1).is_none() {
        eprintln!("skipped: needs root to run the CLI as uid 1");
        return;
    }
    for lang in [Lang::En, Lang::Fa] {
        let w = world(&PRESENT3);
        let r = w.cli(true, lang, &["resolution", "add", "--session", "1", "x"]);
        assert_eq!(r.code, 3, "{}", r.stderr);
        let mut app = w.app(true, lang);
        app.update(Action::AddResolution);
        assert!(app.modal.is_none(), "the form does not open for a member");
        let text = status(&app);
        assert!(!text.is_empty());
        assert!(
            r.stderr.contains(&text),
            "the same refusal:\nCLI: {}\nTUI: {text}",
            r.stderr
        );
        assert!(w.stored().is_empty());
    }
}

fn nix_is_root() -> bool {
    // SAFETY: getuid has no preconditions.
    unsafe { libc::getuid() == 0 }
}

// ----- the agenda: the same item from `shura agenda add` and the TUI's form -----

/// A stored agenda item: number, title, kind, urgency, signatories by position in the roll.
type StoredItem = (String, String, ItemKind, Option<Urgency>, Vec<usize>);

/// What is stored of the session's agenda.
fn agenda_rows(w: &World) -> Vec<StoredItem> {
    let store = Store::open(&w.db, Actor::current()).unwrap();
    let items = store.agenda(w.session).unwrap();
    let labels = shura::model::agenda::agenda_labels(&items);
    let signed = store.agenda_signatories(w.session).unwrap();
    items
        .iter()
        .zip(labels)
        .map(|(i, n)| {
            let people: Vec<usize> = signed
                .iter()
                .filter(|(item, _)| *item == i.id)
                .map(|(_, p)| w.people.iter().position(|x| *x == p.id).unwrap())
                .collect();
            (n, i.title.clone(), i.kind, i.urgency, people)
        })
        .collect()
}

/// A section to put items under, from the store.
fn with_section(w: &World) {
    let mut store = Store::open(&w.db, Actor::current()).unwrap();
    store
        .add_agenda_item(&NewAgendaItem {
            session_id: w.session,
            title: "Members' proposals".into(),
            kind: ItemKind::Section,
            ..Default::default()
        })
        .unwrap();
}

/// Opens the new-item form, fills it, and presses Enter.
fn tui_item(app: &mut App, fields: &[(&str, &str)]) {
    app.update(Action::AddItem);
    let Some(Modal::Form(f)) = &mut app.modal else {
        panic!("the item form should open: {:?}", app.status);
    };
    for (k, v) in fields {
        f.set(k, v);
    }
    enter(app);
}

#[test]
fn a_members_proposal_under_a_section_is_stored_alike_from_either_side() {
    let (cli, tui) = (world(&PRESENT3), world(&PRESENT3));
    with_section(&cli);
    with_section(&tui);
    let r = cli.cli(
        false,
        Lang::Fa,
        &[
            "agenda",
            "add",
            "1",
            "Bike lanes",
            "--kind",
            "طرح",
            "--under",
            "1",
            "--urgency",
            "دوفوریتی",
            "--signatory",
            "Mina Tehrani",
            "--signatory",
            "Sara Ahmadi",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut app = tui.app(false, Lang::Fa);
    tui_item(
        &mut app,
        &[
            ("title", "Bike lanes"),
            ("kind", "members_motion"),
            ("under", "۱"),
            ("urgency", "double_urgent"),
            ("signatories", "Mina Tehrani، Sara Ahmadi"),
        ],
    );
    assert!(app.modal.is_none(), "saved: {:?}", app.modal);
    let rows = agenda_rows(&cli);
    assert_eq!(rows, agenda_rows(&tui));
    assert_eq!(
        rows[1],
        (
            "1.1".to_string(),
            "Bike lanes".to_string(),
            ItemKind::MembersMotion,
            Some(Urgency::DoubleUrgent),
            vec![0, 2]
        )
    );
}

#[test]
fn signatories_on_a_bill_are_refused_with_the_same_words() {
    for lang in [Lang::En, Lang::Fa] {
        let w = world(&PRESENT3);
        let r = w.cli(
            false,
            lang,
            &[
                "agenda",
                "add",
                "1",
                "Fares",
                "--kind",
                "bill",
                "--signatory",
                "1",
            ],
        );
        assert_ne!(r.code, 0);
        let mut app = w.app(false, lang);
        tui_item(
            &mut app,
            &[("title", "Fares"), ("kind", "bill"), ("signatories", "1")],
        );
        let err = form(&app).error.clone().expect("refused");
        assert!(
            err.contains(ItemKind::Bill.label(lang)),
            "names the kind: {err}"
        );
        assert!(
            r.stderr.contains(&err),
            "the same words:\nCLI: {}\nTUI: {err}",
            r.stderr
        );
        assert!(agenda_rows(&w).is_empty());
        assert_eq!(form(&app).get("title"), "Fares");
    }
}

// ---------------------------------------------------------------------------------------------
// Corrections (issue 14): `resolution edit` / `body edit` and the TUI's correction forms.

/// The world with an item and a resolution on it (2/1/0, adopted), alike in both.
fn world_with_resolution() -> (World, i64) {
    let w = world(&PRESENT3);
    let mut store = Store::open(&w.db, Actor::current()).unwrap();
    let item = store
        .add_agenda_item(&NewAgendaItem {
            session_id: w.session,
            title: "Street lighting".into(),
            ..Default::default()
        })
        .unwrap();
    let body = store.session(w.session).unwrap().body_id;
    let r = store
        .add_resolution(&NewResolution {
            body_id: body,
            session_id: Some(w.session),
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
        .unwrap();
    (w, r.id)
}

/// What a correction can change of a resolution, as stored.
fn resolution_row(w: &World, id: i64) -> (Stored, Option<String>, Option<NaiveDate>, i64) {
    let store = Store::open(&w.db, Actor::current()).unwrap();
    let r = store.resolution(id).unwrap();
    (
        w.stored().into_iter().next().unwrap(),
        r.owner,
        r.due,
        r.version,
    )
}

#[test]
fn a_resolution_corrected_from_either_side_is_stored_alike() {
    for lang in [Lang::En, Lang::Fa] {
        let (cli, id) = world_with_resolution();
        let (tui, id2) = world_with_resolution();
        assert_eq!(id, id2);
        let (votes, due) = if lang == Lang::Fa {
            ("۳/۰/۰", "۱۴۰۵/۱۰/۱۰")
        } else {
            ("3/0/0", "2026-12-31")
        };
        let r = cli.cli(
            false,
            lang,
            &[
                "resolution",
                "edit",
                &id.to_string(),
                "--text",
                "Lights on Main Street",
                "--votes",
                votes,
                "--owner",
                "Works department",
                "--due",
                due,
            ],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        let mut app = tui.app(false, lang);
        app.update(Action::EditResolution);
        let Some(Modal::Form(f)) = &mut app.modal else {
            panic!("the correction form should open: {:?}", app.status);
        };
        f.set("text", "Lights on Main Street");
        f.set("votes", votes);
        f.set("owner", "Works department");
        f.set("due", due);
        enter(&mut app);
        assert!(app.modal.is_none(), "{:?}", app.modal);
        let (a, b) = (resolution_row(&cli, id), resolution_row(&tui, id));
        assert_eq!(a, b);
        assert_eq!(a.0 .0, "Lights on Main Street");
        assert_eq!(a.2, Some(day("2026-12-31")));
    }
}

#[test]
fn a_resolution_correction_after_approval_is_refused_alike() {
    for lang in [Lang::En, Lang::Fa] {
        let (w, id) = world_with_resolution();
        {
            let mut store = Store::open(&w.db, Actor::current()).unwrap();
            store
                .set_session_status(w.session, SessionStatus::Closed)
                .unwrap();
            store
                .set_session_status(w.session, SessionStatus::Approved)
                .unwrap();
        }
        let before = resolution_row(&w, id);
        let r = w.cli(
            false,
            lang,
            &["resolution", "edit", &id.to_string(), "--text", "Other"],
        );
        assert_ne!(r.code, 0);
        let mut app = w.app(false, lang);
        // The TUI refuses before a form opens, with the same words.
        app.update(Action::EditResolution);
        assert!(app.modal.is_none(), "{:?}", app.modal);
        let shown = app
            .status
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default();
        assert!(!shown.is_empty());
        assert!(
            r.stderr.contains(&shown),
            "the same refusal:\nCLI: {}\nTUI: {shown}",
            r.stderr
        );
        assert_eq!(resolution_row(&w, id), before);
    }
}

#[test]
fn a_body_corrected_from_either_side_is_stored_alike() {
    let cli = world(&PRESENT3);
    let tui = world(&PRESENT3);
    let r = cli.cli(
        false,
        Lang::Fa,
        &[
            "body",
            "edit",
            "1",
            "--formed",
            "۱۴۰۳/۰۱/۱۵",
            "--closing-item",
            "ختم جلسه",
            "--signing",
            "present_members",
            "--number-per-term",
            "--fiscal-year",
            "gregorian:10",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut app = tui.app(false, Lang::Fa);
    app.update(Action::Back); // to the bodies
    app.update(Action::EditBody);
    let Some(Modal::Form(f)) = &mut app.modal else {
        panic!("the body form should open: {:?}", app.status);
    };
    f.set("formed", "۱۴۰۳/۰۱/۱۵");
    f.set("closing", "ختم جلسه");
    f.set("signing", "present_members");
    f.set("number_per_term", "yes");
    f.set("fiscal_year", "gregorian:10");
    enter(&mut app);
    assert!(app.modal.is_none(), "{:?}", app.modal);
    let read = |w: &World| {
        let b = Store::open(&w.db, Actor::current())
            .unwrap()
            .body(1)
            .unwrap();
        (
            b.name,
            b.formed_on,
            b.agenda_closing,
            b.signing,
            b.number_per_term,
            b.fiscal_year.code(),
            b.quorum.code(),
            b.procedure,
            b.version,
        )
    };
    let (a, b) = (read(&cli), read(&tui));
    assert_eq!(a, b);
    assert_eq!(a.1, Some(day("2024-04-03")));
}
