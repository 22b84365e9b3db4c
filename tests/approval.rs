//! Approved minutes never change: approval stores the minutes as they read (md and html,
//! en and fa, public and closed part), every export of approved minutes is that text,
//! a correction after approval is a formal act at a later session that keeps both
//! versions, and `audit verify` finds what was changed behind shura's back.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::path::Path;

use shura::identity::Actor;
use shura::locale::{Lang, Prefs};
use shura::model::rules::{MeetingRule, QuorumRule};
use shura::model::*;
use shura::ops::approval::{minutes_document, Audience, MinutesFormat};
use shura::ops::Context;
use shura::store::write::*;
use shura::store::{Refusal, Store, StoreError};

fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

struct Board {
    ctx: Context,
    body: i64,
    chair: i64,
    member: i64,
    session: i64,
    item: i64,
    closed_item: i64,
    resolution: i64,
}

fn session(ctx: &mut Context, body: i64, date: chrono::NaiveDate) -> i64 {
    ctx.store
        .add_session(&NewSession {
            body_id: body,
            kind: SessionKind::Regular,
            date,
            start_time: Some("17:00".into()),
            end_time: None,
            place: Some("Hall".into()),
            prepare_agenda: false,
            number: None,
        })
        .expect("session")
        .id
}

/// A board whose chair is the user running the tests; session 1 with an item, a
/// resolution and an item taken in closed session, closed and ready to approve.
fn board(dir: &Path) -> Board {
    let store = Store::open(&dir.join("board.db"), Actor::current()).expect("open");
    let mut ctx = Context::new(store, Prefs::default());
    let body = ctx
        .store
        .add_body(&NewBody {
            name: Name {
                fa: Some("هیئت کتابخانه".into()),
                en: Some("Library Board".into()),
            },
            kind: BodyKind::Council,
            parent_id: None,
            quorum: QuorumRule::Majority,
            meeting_rule: MeetingRule::None,
            resolution_format: "{session}/{seq}".into(),
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
        .expect("body");
    let mut people = Vec::new();
    for (name, login, role) in [
        ("Sara Chair", Some(Actor::current().login), Role::Chair),
        ("Reza Member", None, Role::Member),
    ] {
        let id = ctx
            .store
            .add_person(&NewPerson {
                name: Name::guess(name),
                login,
                ..Default::default()
            })
            .expect("person");
        ctx.store
            .add_membership(&NewMembership {
                body_id: body,
                person_id: id,
                role,
                voting: true,
                term_start: None,
                term_end: None,
            })
            .expect("member");
        people.push(id);
    }
    ctx.refresh_visibility();
    let s = session(&mut ctx, body, day(2024, 12, 1));
    ctx.store
        .set_session_status(s, SessionStatus::Open)
        .expect("open");
    for p in &people {
        ctx.store
            .set_attendance(s, *p, Presence::Present)
            .expect("attend");
    }
    let item = ctx
        .store
        .add_agenda_item(&NewAgendaItem {
            session_id: s,
            title: "Roof repair".into(),
            ..Default::default()
        })
        .expect("item");
    shura::ops::agenda::set_minutes(&mut ctx, item, "The roof leaks over the stacks.", None)
        .expect("minutes");
    let closed_item = ctx
        .store
        .add_agenda_item(&NewAgendaItem {
            session_id: s,
            title: "Staff matter".into(),
            ..Default::default()
        })
        .expect("closed item");
    shura::ops::agenda::set_closed(&mut ctx, closed_item, true).expect("closed");
    let resolution = ctx
        .store
        .add_resolution(&NewResolution {
            body_id: body,
            session_id: Some(s),
            agenda_item_id: Some(item),
            text: "Fix the rof by spring".into(),
            decision: Decision::Adopted,
            tally: Some(Tally {
                yes: 2,
                no: 0,
                abstain: 0,
            }),
            votes: vec![],
            owner: None,
            due: None,
            created_on: None,
            number: None,
        })
        .expect("resolution")
        .id;
    ctx.store
        .set_session_status(s, SessionStatus::Closed)
        .expect("close");
    Board {
        ctx,
        body,
        chair: people[0],
        member: people[1],
        session: s,
        item,
        closed_item,
        resolution,
    }
}

/// Every stored document of a session, as exports give them: (format, lang, audience).
fn documents(ctx: &mut Context, session: i64, version: Option<i64>) -> Vec<String> {
    let mut out = Vec::new();
    for lang in [Lang::En, Lang::Fa] {
        ctx.prefs.lang = lang;
        for format in MinutesFormat::ALL {
            for audience in [Audience::Public, Audience::Closed] {
                let s = ctx.store.session(session).unwrap();
                out.push(minutes_document(ctx, s, format, audience, version).unwrap());
            }
        }
    }
    ctx.prefs.lang = Lang::En;
    out
}

fn refused(r: Result<impl std::fmt::Debug, StoreError>) -> Refusal {
    match r {
        Err(StoreError::Refused(why)) => why,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn approved_minutes_are_byte_identical_whatever_happens_later() {
    let dir = tempfile::tempdir().unwrap();
    let mut b = board(dir.path());
    shura::ops::sessions::set_status(&mut b.ctx, b.session, SessionStatus::Approved)
        .expect("approve");
    let approvals = b.ctx.store.approvals(b.session).unwrap();
    assert_eq!(approvals.len(), 1);
    assert_eq!(approvals[0].version, 1);
    // md and html, en and fa, public and the closed part: eight texts.
    assert_eq!(approvals[0].texts.len(), 8, "{:?}", approvals[0].texts);
    let before = documents(&mut b.ctx, b.session, None);
    assert!(before[0].contains("Fix the rof by spring"), "{}", before[0]);
    assert!(before[0].contains("Sara Chair"));
    assert!(
        !before[0].contains("Staff matter"),
        "public minutes name no closed item"
    );
    assert!(before[1].contains("Staff matter"), "the closed part does");

    // A task on its resolution, a status, the task cancelled, a person renamed.
    let task = shura::ops::tasks::add(
        &mut b.ctx,
        &NewTask {
            body_id: Some(b.body),
            resolution_id: Some(b.resolution),
            agenda_item_id: None,
            title: "Hire a roofer".into(),
            description: None,
            assignee_id: Some(b.member),
            assignee_unit: None,
            due: Some(day(2025, 3, 1)),
            priority: Priority::Normal,
            created_on: None,
        },
    )
    .expect("task after approval");
    shura::ops::tasks::follow_up_resolution(
        &mut b.ctx,
        &ResolutionProgress {
            resolution_id: b.resolution,
            status: Some(WorkStatus::InProgress),
            note: "started".into(),
            ..Default::default()
        },
    )
    .expect("status");
    shura::ops::tasks::record_progress(
        &mut b.ctx,
        &TaskProgress {
            task_id: task,
            status: Some(WorkStatus::Cancelled),
            percent: None,
            note: "not needed".into(),
            session_id: None,
            due: None,
            on: None,
            expected_version: None,
        },
    )
    .expect("cancel");
    b.ctx
        .store
        .raw_connection_for_tests()
        .execute(
            "UPDATE person SET name_en = 'Sara Renamed', name_fa = 'سارا' WHERE id = ?1",
            [b.chair],
        )
        .unwrap();
    // The live record has moved on...
    let live = shura::ops::record::public_record(
        &b.ctx.store,
        b.ctx.store.session(b.session).unwrap(),
        Lang::En,
    )
    .unwrap();
    let live = shura::ops::export::minutes_markdown(&live, &b.ctx.store, b.ctx.prefs).unwrap();
    assert!(live.contains("Hire a roofer") && live.contains("Sara Renamed"));
    // ...the approved minutes have not, byte for byte, in every format and language.
    let after = documents(&mut b.ctx, b.session, None);
    assert_eq!(before, after);
    assert_eq!(after, documents(&mut b.ctx, b.session, Some(1)));
    // And nothing was changed behind shura's back.
    assert!(b.ctx.store.verify_approved_heads().unwrap().is_empty());
}

#[test]
fn edits_are_refused_after_approval_and_allowed_during_a_correction() {
    let dir = tempfile::tempdir().unwrap();
    let mut b = board(dir.path());
    shura::ops::approval::approve(&mut b.ctx, b.session).expect("approve");
    let t = session(&mut b.ctx, b.body, day(2024, 12, 15));

    // Every way of changing the record through ops is refused, with the typed refusal.
    let item = b.item;
    assert_eq!(
        refused(shura::ops::agenda::set_minutes(&mut b.ctx, item, "x", None)),
        Refusal::ApprovedMinutes
    );
    assert_eq!(
        refused(shura::ops::agenda::set_closed(&mut b.ctx, item, true)),
        Refusal::ApprovedMinutes
    );
    assert_eq!(
        refused(shura::ops::agenda::set_item_status(
            &mut b.ctx,
            item,
            AgendaStatus::Withdrawn
        )),
        Refusal::ApprovedMinutes
    );
    assert_eq!(
        refused(shura::ops::agenda::move_item(&mut b.ctx, item, 1)),
        Refusal::ApprovedMinutes
    );
    assert_eq!(
        refused(shura::ops::agenda::add_item(
            &mut b.ctx,
            &NewAgendaItem {
                session_id: b.session,
                title: "Afterthought".into(),
                ..Default::default()
            }
        )),
        Refusal::ApprovedMinutes
    );
    assert_eq!(
        refused(shura::ops::sessions::mark_attendance(
            &mut b.ctx,
            b.session,
            b.member,
            Presence::Absent
        )),
        Refusal::ApprovedMinutes
    );
    assert_eq!(
        refused(shura::ops::sessions::invite_guest(
            &mut b.ctx, b.session, "Late", None
        )),
        Refusal::ApprovedMinutes
    );
    assert_eq!(
        refused(shura::ops::sessions::set_status(
            &mut b.ctx,
            b.session,
            SessionStatus::Approved
        )),
        Refusal::ApprovedMinutes,
        "approving again without a correction"
    );
    // Progress is recorded at a later session, never at the approved one.
    assert_eq!(
        refused(shura::ops::tasks::follow_up_resolution(
            &mut b.ctx,
            &ResolutionProgress {
                resolution_id: b.resolution,
                status: Some(WorkStatus::InProgress),
                note: "reported".into(),
                session_id: Some(b.session),
                ..Default::default()
            }
        )),
        Refusal::ApprovedMinutes
    );
    let task = shura::ops::tasks::add(
        &mut b.ctx,
        &NewTask {
            body_id: None,
            resolution_id: Some(b.resolution),
            agenda_item_id: None,
            title: "Hire a roofer".into(),
            description: None,
            assignee_id: None,
            assignee_unit: None,
            due: None,
            priority: Priority::Normal,
            created_on: None,
        },
    )
    .expect("a task on its resolution is the resolution's history");
    assert_eq!(
        refused(shura::ops::tasks::record_progress(
            &mut b.ctx,
            &TaskProgress {
                task_id: task,
                status: None,
                percent: Some(50),
                note: "half".into(),
                session_id: Some(b.session),
                due: None,
                on: None,
                expected_version: None,
            }
        )),
        Refusal::ApprovedMinutes
    );
    shura::ops::tasks::follow_up_resolution(
        &mut b.ctx,
        &ResolutionProgress {
            resolution_id: b.resolution,
            status: Some(WorkStatus::InProgress),
            note: "reported at the next session".into(),
            session_id: Some(t),
            ..Default::default()
        },
    )
    .expect("at the later session");
    // Nor can a correction be made at an earlier session or at the session itself.
    let earlier = session(&mut b.ctx, b.body, day(2024, 11, 1));
    for at in [earlier, b.session] {
        assert_eq!(
            refused(shura::ops::approval::open_correction(
                &mut b.ctx, b.session, at, "typo"
            )),
            Refusal::CorrectionAt {
                session: b.session,
                at
            }
        );
    }
    // An unapproved session is not corrected this way.
    assert_eq!(
        refused(shura::ops::approval::open_correction(
            &mut b.ctx, t, b.session, "typo"
        )),
        Refusal::NotApproved { session: t }
    );

    // Opened at the later session: edits go through again.
    let c = shura::ops::approval::open_correction(&mut b.ctx, b.session, t, "typo: rof")
        .expect("correction");
    assert_eq!(c.approved_version, None);
    assert_eq!(
        refused(shura::ops::approval::open_correction(
            &mut b.ctx, b.session, t, "again"
        )),
        Refusal::CorrectionAlreadyOpen { session: b.session }
    );
    shura::ops::agenda::set_minutes(&mut b.ctx, item, "The roof leaks badly.", None)
        .expect("minutes during the correction");
    b.ctx
        .store
        .raw_connection_for_tests()
        .execute(
            "UPDATE resolution SET text = 'Fix the roof by spring' WHERE id = ?1",
            [b.resolution],
        )
        .expect("the triggers allow the resolution's text during the correction");
    // The later session cannot be approved while the correction made at it is open.
    b.ctx
        .store
        .set_session_status(t, SessionStatus::Open)
        .unwrap();
    b.ctx
        .store
        .set_session_status(t, SessionStatus::Closed)
        .unwrap();
    assert_eq!(
        refused(shura::ops::approval::approve(&mut b.ctx, t)),
        Refusal::CorrectionOpenAt {
            session: t,
            corrected: b.session
        }
    );
    shura::ops::approval::approve(&mut b.ctx, b.session).expect("approve as corrected");
    // Frozen again.
    assert_eq!(
        refused(shura::ops::agenda::set_minutes(&mut b.ctx, item, "y", None)),
        Refusal::ApprovedMinutes
    );
    assert!(b
        .ctx
        .store
        .raw_connection_for_tests()
        .execute(
            "UPDATE resolution SET text = 'z' WHERE id = ?1",
            [b.resolution]
        )
        .is_err());
    let _ = b.closed_item;
}

#[test]
fn a_correction_at_a_later_session_keeps_both_versions() {
    let dir = tempfile::tempdir().unwrap();
    let mut b = board(dir.path());
    shura::ops::approval::approve(&mut b.ctx, b.session).expect("approve");
    let v1 = documents(&mut b.ctx, b.session, None);
    // A task added to its resolution after approval: history, in no version.
    shura::ops::tasks::add(
        &mut b.ctx,
        &NewTask {
            body_id: None,
            resolution_id: Some(b.resolution),
            agenda_item_id: None,
            title: "Hire a roofer".into(),
            description: None,
            assignee_id: None,
            assignee_unit: None,
            due: None,
            priority: Priority::Normal,
            created_on: None,
        },
    )
    .unwrap();
    let t = session(&mut b.ctx, b.body, day(2024, 12, 15));
    shura::ops::approval::open_correction(&mut b.ctx, b.session, t, "The minutes misspelt roof")
        .expect("correction");
    shura::ops::agenda::set_minutes(
        &mut b.ctx,
        b.item,
        "The roof leaks over the stacks and the reading room.",
        None,
    )
    .expect("minutes corrected");
    let a = shura::ops::approval::approve(&mut b.ctx, b.session).expect("as corrected");
    assert_eq!(a.version, 2);
    assert!(a.correction_id.is_some());
    let corrections = b.ctx.store.corrections(b.session).unwrap();
    assert_eq!(corrections.len(), 1);
    assert_eq!(corrections[0].approved_version, Some(2));
    assert_eq!(corrections[0].at_session_id, t);

    // Version 1 as it was; version 2 (the latest) with the fix.
    assert_eq!(documents(&mut b.ctx, b.session, Some(1)), v1);
    let v2 = documents(&mut b.ctx, b.session, None);
    assert_eq!(v2, documents(&mut b.ctx, b.session, Some(2)));
    assert!(v2[0].contains("and the reading room"), "{}", v2[0]);
    assert!(
        v2.iter().all(|d| !d.contains("Hire a roofer")),
        "a task added after approval is in no version"
    );
    assert!(!v1[0].contains("and the reading room"));
    assert!(matches!(
        minutes_document(
            &b.ctx,
            b.ctx.store.session(b.session).unwrap(),
            MinutesFormat::Markdown,
            Audience::Public,
            Some(3)
        ),
        Err(StoreError::Refused(Refusal::NoApprovedVersion {
            version: 3,
            ..
        }))
    ));

    // The minutes of the later session say what was corrected, with the changed lines.
    let ts = b.ctx.store.session(t).unwrap();
    let md = minutes_document(
        &b.ctx,
        ts.clone(),
        MinutesFormat::Markdown,
        Audience::Public,
        None,
    )
    .unwrap();
    assert!(
        md.contains(
            "The minutes of session 1 were approved as corrected: The minutes misspelt roof"
        ),
        "{md}"
    );
    assert!(md.contains("- The roof leaks over the stacks.\n"), "{md}");
    assert!(
        md.contains("+ The roof leaks over the stacks and the reading room.\n"),
        "{md}"
    );
    assert!(!md.contains("Hire a roofer"), "{md}");
    assert!(
        !md.contains("Audit chain head"),
        "the seal is left out of the diff: {md}"
    );
    // Read back by real parsers: a fenced `diff` block in Markdown, a <pre> in HTML.
    let mut in_diff = false;
    let mut diff_text = String::new();
    for ev in pulldown_cmark::Parser::new(&md) {
        use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};
        match ev {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(lang))) => in_diff = &*lang == "diff",
            Event::End(TagEnd::CodeBlock) => in_diff = false,
            Event::Text(t) if in_diff => diff_text.push_str(&t),
            _ => {}
        }
    }
    assert!(
        diff_text.contains("+ The roof leaks over the stacks and the reading room."),
        "{diff_text:?}"
    );
    let html = minutes_document(
        &b.ctx,
        ts.clone(),
        MinutesFormat::Html,
        Audience::Public,
        None,
    )
    .unwrap();
    let doc = scraper::Html::parse_document(&html);
    let pre = scraper::Selector::parse("section.corrections pre.diff").unwrap();
    let shown: String = doc.select(&pre).flat_map(|e| e.text()).collect();
    assert!(
        shown.contains("- The roof leaks over the stacks.")
            && shown.contains("+ The roof leaks over the stacks and the reading room."),
        "{html}"
    );
    b.ctx.prefs.lang = Lang::Fa;
    let fa = minutes_document(&b.ctx, ts, MinutesFormat::Markdown, Audience::Public, None).unwrap();
    assert!(
        fa.contains("صورتجلسه جلسه ۱ با اصلاحات تأیید شد: The minutes misspelt roof"),
        "{fa}"
    );
    // The closed part of the later session carries no correction of public minutes.
    assert!(b.ctx.store.verify_approved_heads().unwrap().is_empty());
}

#[test]
fn audit_verify_finds_changes_behind_shuras_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut b = board(dir.path());
    shura::ops::approval::approve(&mut b.ctx, b.session).expect("approve");
    assert!(b.ctx.store.verify_approved_heads().unwrap().is_empty());
    let raw = b.ctx.store.raw_connection_for_tests();
    // With its trigger in place, the database refuses.
    assert!(raw
        .execute(
            "UPDATE resolution SET text = 'forged' WHERE id = ?1",
            [b.resolution]
        )
        .is_err());
    // A rename is not a change of the record.
    raw.execute("UPDATE person SET name_en = 'X' WHERE id = ?1", [b.member])
        .unwrap();
    assert!(b.ctx.store.verify_approved_heads().unwrap().is_empty());
    // Trigger dropped, row changed: verify names the session.
    raw.execute_batch(
        "DROP TRIGGER approved_resolution_update;
         UPDATE resolution SET text = 'forged' WHERE id = 1;",
    )
    .unwrap();
    let problems = b.ctx.store.verify_approved_heads().unwrap();
    assert_eq!(problems.len(), 1, "{problems:?}");
    let msg = problems[0].to_string();
    assert!(
        msg.starts_with("session 1 (Library Board, id 1): its record differs from version 1"),
        "{msg}"
    );
    let fa = shura::locale::Localized::message(&problems[0], Lang::Fa);
    assert!(fa.contains("جلسه ۱ (هیئت کتابخانه"), "{fa}");

    // A stored text changed, even with its own hash made to match: the audit entry
    // still carries the original hash.
    let raw = b.ctx.store.raw_connection_for_tests();
    raw.execute_batch(
        "DROP TRIGGER approved_text_append_only_update;
         UPDATE approved_text SET text = replace(text, 'the rof', 'the roof')
          WHERE format = 'md' AND lang = 'en' AND audience = 'public';",
    )
    .unwrap();
    let text: String = raw
        .query_row(
            "SELECT text FROM approved_text WHERE format = 'md' AND lang = 'en' AND audience = 'public'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    raw.execute(
        "UPDATE approved_text SET sha256 = ?1 WHERE format = 'md' AND lang = 'en' AND audience = 'public'",
        [shura::store::approval::sha256_hex(&text)],
    )
    .unwrap();
    let problems = b.ctx.store.verify_approved_heads().unwrap();
    let texts: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(problems.len(), 2, "{texts:?}");
    assert!(
        texts
            .iter()
            .any(|t| t.contains("the stored text of version 1")
                && t.contains("(Markdown, English, public minutes)")),
        "{texts:?}"
    );
}

#[test]
fn tui_approves_and_opens_a_correction_from_a_small_form() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use shura::app::form::FormPurpose;
    use shura::app::state::{App, Modal};
    let dir = tempfile::tempdir().unwrap();
    let b = board(dir.path());
    let (s, body) = (b.session, b.body);
    let mut app = App::new(b.ctx);
    let t = session(&mut app.ctx, body, day(2024, 12, 15));
    app.open_session_screen(s).unwrap();
    let key = |app: &mut App, c: KeyCode, m: KeyModifiers| {
        shura::tui::handle_key(app, KeyEvent::new(c, m));
    };
    // A (approve), y (confirm): the approval stores the minutes, as from the CLI.
    key(&mut app, KeyCode::Char('A'), KeyModifiers::SHIFT);
    key(&mut app, KeyCode::Char('y'), KeyModifiers::NONE);
    assert_eq!(
        app.ctx.store.approvals(s).unwrap().len(),
        1,
        "{:?}",
        app.status
    );
    // Changing the approved record from the TUI goes through the same ops: refused,
    // the form stays with the refusal.
    key(&mut app, KeyCode::Char('i'), KeyModifiers::NONE);
    let Some(Modal::Form(form)) = &mut app.modal else {
        panic!("i opens the guest form: {:?}", app.status);
    };
    form.set("name", "Late Guest");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let Some(Modal::Form(form)) = &app.modal else {
        panic!("the refused guest form stays open");
    };
    let err = form.error.clone().unwrap_or_default();
    assert!(err.contains("approved and can no longer change"), "{err}");
    key(&mut app, KeyCode::Esc, KeyModifiers::NONE);
    assert!(app.modal.is_none());
    // H: "Correct the minutes", at the next session not approved, and a reason.
    key(&mut app, KeyCode::Char('H'), KeyModifiers::SHIFT);
    let Some(Modal::Form(form)) = &mut app.modal else {
        panic!("H opens the correction form: {:?}", app.status);
    };
    assert_eq!(form.purpose, FormPurpose::CorrectMinutes { session_id: s });
    assert_eq!(
        form.get("at"),
        t.to_string(),
        "prefilled with the next session"
    );
    form.set("reason", "typo: rof");
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    assert!(app.modal.is_none(), "{:?}", app.modal);
    let c = app.ctx.store.corrections(s).unwrap();
    assert_eq!(c.len(), 1);
    assert_eq!((c[0].at_session_id, c[0].reason.as_str()), (t, "typo: rof"));
    // Again: refused, the form keeps what was typed and shows why.
    key(&mut app, KeyCode::Char('H'), KeyModifiers::SHIFT);
    if let Some(Modal::Form(form)) = &mut app.modal {
        form.set("reason", "again");
    }
    key(&mut app, KeyCode::Enter, KeyModifiers::NONE);
    let Some(Modal::Form(form)) = &app.modal else {
        panic!("the refused form stays open");
    };
    let err = form.error.clone().unwrap_or_default();
    assert!(err.contains("already open"), "{err}");
}
