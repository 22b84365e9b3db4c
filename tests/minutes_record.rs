//! The minutes complete from the record (issue 14): the agenda's numbers and sections,
//! item kinds, urgency and signatories, resolutions in the order adopted with their
//! owner and due date, tasks given on an item, the progress reported at the review,
//! excused and unexcused absences and late arrivals, the next session, named signature
//! lines and the draft mark. A session is built through ops and the store on a real
//! file; the Markdown is read back by pulldown-cmark and the HTML by scraper.
//!
//! Sections, kinds, urgency, the review item and a proposal's signatories are written
//! through `raw_connection_for_tests`: the store does not yet honour
//! `NewAgendaItem { kind, parent_id, urgency, signatories }` on this branch.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use scraper::{ElementRef, Html, Selector};
use shura::identity::Actor;
use shura::locale::{Calendar, Lang, Prefs};
use shura::model::rules::{MeetingRule, QuorumRule};
use shura::model::*;
use shura::ops::record::{public_record, session_record};
use shura::ops::Context;
use shura::store::write::*;
use shura::store::Store;

fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
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

/// The meeting built, with what the tests look for.
struct Board {
    path: PathBuf,
    session: i64,
    /// The numbers of the two resolutions of item 4, in the order adopted.
    first: String,
    second: String,
    /// The earlier resolutions reviewed: the one with a task, the one followed itself.
    reviewed_task: String,
    reviewed_itself: String,
}

fn body_input(name: &str, signing: Signing) -> NewBody {
    NewBody {
        name: Name::guess(name),
        kind: BodyKind::Council,
        parent_id: None,
        quorum: QuorumRule::Majority,
        meeting_rule: MeetingRule::None,
        resolution_format: "{jyear}/{session}/{seq}".into(),
        agenda_template: vec![],
        confidential: false,
        formed_on: None,
        procedure: Default::default(),
        agenda_closing: Vec::new(),
        number_per_term: false,
        fiscal_year: Default::default(),
        signing,
        law_profile: Default::default(),
        absence_rule: Default::default(),
    }
}

fn session_input(body: i64, date: chrono::NaiveDate, place: &str) -> NewSession {
    NewSession {
        body_id: body,
        kind: SessionKind::Regular,
        date,
        start_time: Some("18:00".into()),
        end_time: None,
        place: Some(place.into()),
        prepare_agenda: false,
        number: None,
    }
}

fn resolution(
    body: i64,
    session: i64,
    item: i64,
    text: &str,
    owner: Option<&str>,
    due: Option<chrono::NaiveDate>,
) -> NewResolution {
    NewResolution {
        body_id: body,
        session_id: Some(session),
        agenda_item_id: Some(item),
        text: text.into(),
        decision: Decision::Adopted,
        tally: Some(Tally {
            yes: 5,
            no: 0,
            abstain: 0,
        }),
        votes: vec![],
        owner: owner.map(str::to_string),
        due,
        created_on: None,
        number: None,
    }
}

fn task(
    item: Option<i64>,
    resolution: Option<i64>,
    title: &str,
    who: i64,
    due: chrono::NaiveDate,
) -> NewTask {
    NewTask {
        body_id: None,
        resolution_id: resolution,
        agenda_item_id: item,
        title: title.into(),
        description: None,
        assignee_id: Some(who),
        assignee_unit: None,
        due: Some(due),
        priority: Priority::Normal,
        created_on: None,
    }
}

/// A board (English, or a city council in Persian) that signs its minutes the given
/// way. Session 1 made two resolutions (one with a task); session 2, the one the
/// minutes are of:
/// 1. the review of previous resolutions, where the task's progress and the other
///    resolution's follow-up are reported;
/// 2. a section "Old business" with 2.1 a double-urgent bill and 2.2 a report;
/// 3. a members' proposal signed by two members;
/// 4. an item with two resolutions (owner and due date each);
/// 5. an item with a task and no resolution.
///
/// Roll: the chair, the secretary and a member present (one with a bidi override in
/// the name), one late (arrived 18:20), one remote, one excused, one absent. Session 3
/// is cancelled, session 4 scheduled for 2025-01-09.
fn board(dir: &Path, persian: bool, signing: Signing) -> Board {
    let path = dir.join("board.db");
    let store = Store::open(&path, Actor::current()).expect("open");
    let mut ctx = Context::new(store, prefs(if persian { Lang::Fa } else { Lang::En }));
    let fa = |en: &'static str, fa: &'static str| if persian { fa } else { en };
    let body = ctx
        .store
        .add_body(&body_input(
            fa("Riverside Library Board", "شورای اسلامی شهر"),
            signing,
        ))
        .expect("body");
    let names = if persian {
        [
            "سارا کریمی",
            "دبیر شورا",
            "بهرام احمدی",
            "کاوه رحیمی",
            "داوود نوری",
            "الهام صادقی",
            "مهرداد \u{202e}شریفی",
        ]
    } else {
        [
            "Alice Chair",
            "Dan Secretary",
            "Bob Baker",
            "Carol Cole",
            "Dave Dunn",
            "Erin Eads",
            "Mallory \u{202e}Evil",
        ]
    };
    let mut p = Vec::new();
    for (i, n) in names.iter().enumerate() {
        let id = ctx
            .store
            .add_person(&NewPerson {
                name: Name::guess(n),
                ..Default::default()
            })
            .expect("person");
        ctx.store
            .add_membership(&NewMembership {
                body_id: body,
                person_id: id,
                role: match i {
                    0 => Role::Chair,
                    1 => Role::Secretary,
                    _ => Role::Member,
                },
                voting: true,
                term_start: None,
                term_end: None,
            })
            .expect("member");
        p.push(id);
    }
    let (alice, dan, bob, carol, dave, erin, mallory) = (p[0], p[1], p[2], p[3], p[4], p[5], p[6]);

    // Session 1: what session 2 reviews.
    let s1 = shura::ops::sessions::schedule(
        &mut ctx,
        &session_input(body, day(2024, 11, 7), fa("Reading Room", "تالار شورا")),
    )
    .expect("session 1")
    .id;
    let old = shura::ops::agenda::add_item(
        &mut ctx,
        &NewAgendaItem {
            session_id: s1,
            title: fa("Roof", "بام").into(),
            ..Default::default()
        },
    )
    .expect("item");
    let r0 = ctx
        .store
        .add_resolution(&resolution(
            body,
            s1,
            old,
            fa("That three quotes be obtained", "سه استعلام قیمت گرفته شود"),
            None,
            None,
        ))
        .expect("resolution");
    let t0 = shura::ops::tasks::add(
        &mut ctx,
        &task(
            None,
            Some(r0.id),
            fa("Get three quotes", "گرفتن سه استعلام"),
            bob,
            day(2024, 12, 1),
        ),
    )
    .expect("task");
    let r0b = ctx
        .store
        .add_resolution(&resolution(
            body,
            s1,
            old,
            fa("That the gutters be cleaned", "ناودان‌ها تمیز شود"),
            None,
            None,
        ))
        .expect("resolution");

    // Taken in closed session at session 1: its task's progress is for members only.
    let hush = shura::ops::agenda::add_item(
        &mut ctx,
        &NewAgendaItem {
            session_id: s1,
            title: fa("Personnel matter", "موضوع کارکنان").into(),
            ..Default::default()
        },
    )
    .expect("item");
    shura::ops::agenda::set_closed(&mut ctx, hush, true).expect("closed");
    let hushed = ctx
        .store
        .add_resolution(&resolution(
            body,
            s1,
            hush,
            fa(
                "That the claim of Zed Zebulon be settled",
                "ادعای زبولون تسویه شود",
            ),
            None,
            None,
        ))
        .expect("closed resolution");
    let t_closed = shura::ops::tasks::add(
        &mut ctx,
        &task(
            None,
            Some(hushed.id),
            fa("Settle with Zed Zebulon", "تسویه با زبولون"),
            dan,
            day(2024, 12, 1),
        ),
    )
    .expect("closed task");

    // Session 2.
    let s = shura::ops::sessions::schedule(
        &mut ctx,
        &session_input(body, day(2024, 12, 5), fa("Reading Room", "تالار شورا")),
    )
    .expect("session 2")
    .id;
    ctx.store
        .set_session_status(s, SessionStatus::Open)
        .expect("open");
    for (who, presence) in [
        (alice, Presence::Present),
        (dan, Presence::Present),
        (mallory, Presence::Present),
        (carol, Presence::Remote),
        (dave, Presence::Excused),
        (erin, Presence::Absent),
    ] {
        shura::ops::sessions::mark_attendance(&mut ctx, s, who, presence).expect("attendance");
    }
    shura::ops::clock::arrive(&mut ctx, s, bob, Some("18:20")).expect("late arrival");

    let mut items = Vec::new();
    for title in [
        fa("Review of previous resolutions", "بررسی مصوبات قبلی"),
        fa("Old business", "دستورهای معوق"),
        fa("Budget amendment", "اصلاح بودجه"),
        fa("Library hours", "ساعات کار کتابخانه"),
        fa("Bike lanes", "مسیر دوچرخه"),
        fa("Roof repair", "تعمیر بام"),
        fa("Parking", "پارکینگ"),
    ] {
        items.push(
            shura::ops::agenda::add_item(
                &mut ctx,
                &NewAgendaItem {
                    session_id: s,
                    title: title.into(),
                    ..Default::default()
                },
            )
            .expect("item"),
        );
    }
    {
        let conn = ctx.store.raw_connection_for_tests();
        let set = |sql: &str, id: i64| {
            conn.execute(sql, [id]).expect(sql);
        };
        set(
            "UPDATE agenda_item SET is_review = 1, standing = 'opening' WHERE id = ?1",
            items[0],
        );
        set(
            "UPDATE agenda_item SET kind = 'section' WHERE id = ?1",
            items[1],
        );
        conn.execute(
            "UPDATE agenda_item SET parent_id = ?1, kind = 'bill', urgency = 'double_urgent' WHERE id = ?2",
            [items[1], items[2]],
        )
        .expect("bill");
        conn.execute(
            "UPDATE agenda_item SET parent_id = ?1, kind = 'report' WHERE id = ?2",
            [items[1], items[3]],
        )
        .expect("report");
        set(
            "UPDATE agenda_item SET kind = 'members_motion' WHERE id = ?1",
            items[4],
        );
        for who in [bob, carol] {
            conn.execute(
                "INSERT INTO agenda_signatory(agenda_item_id, person_id) VALUES (?1, ?2)",
                [items[4], who],
            )
            .expect("signatory");
        }
    }

    // The review: the task's progress and the other resolution's follow-up.
    shura::ops::tasks::record_progress(
        &mut ctx,
        &TaskProgress {
            task_id: t0,
            status: Some(WorkStatus::InProgress),
            percent: Some(60),
            note: fa(
                "Two quotes received <b>so far</b>.",
                "دو استعلام رسیده است <b>تاکنون</b>.",
            )
            .into(),
            session_id: Some(s),
            due: None,
            on: None,
            expected_version: None,
        },
    )
    .expect("progress");
    shura::ops::tasks::record_progress(
        &mut ctx,
        &TaskProgress {
            task_id: t_closed,
            status: Some(WorkStatus::Done),
            percent: Some(100),
            note: fa("Zebulon was paid.", "به زبولون پرداخت شد.").into(),
            session_id: Some(s),
            due: None,
            on: None,
            expected_version: None,
        },
    )
    .expect("closed progress");
    shura::ops::tasks::follow_up_resolution(
        &mut ctx,
        &ResolutionProgress {
            resolution_id: r0b.id,
            status: Some(WorkStatus::Done),
            note: fa("Cleaned in November.", "در آبان تمیز شد.").into(),
            session_id: Some(s),
            ..Default::default()
        },
    )
    .expect("follow-up");

    // Item 4: two resolutions, the first adopted first.
    let first = ctx
        .store
        .add_resolution(&resolution(
            body,
            s,
            items[5],
            fa(
                "That the roof be repaired <script>alert(1)</script>",
                "بام تعمیر شود <script>alert(1)</script>",
            ),
            Some(fa("Facilities unit", "واحد تأسیسات")),
            Some(day(2025, 1, 31)),
        ))
        .expect("first resolution");
    let second = ctx
        .store
        .add_resolution(&resolution(
            body,
            s,
            items[5],
            fa("That the **gutters** be replaced", "ناودان‌ها **تعویض** شود"),
            Some(names[2]),
            Some(day(2025, 2, 15)),
        ))
        .expect("second resolution");
    // Item 5: a task given on the item, no resolution.
    shura::ops::tasks::add(
        &mut ctx,
        &task(
            Some(items[6]),
            None,
            fa("Count | the spaces", "شمارش | جای پارک"),
            carol,
            day(2025, 1, 10),
        ),
    )
    .expect("item task");

    // Item 6: a main motion carried, which became a resolution with an owner and due date.
    let sidewalk = shura::ops::agenda::add_item(
        &mut ctx,
        &NewAgendaItem {
            session_id: s,
            title: fa("Sidewalk", "پیاده‌رو").into(),
            ..Default::default()
        },
    )
    .expect("item");
    let motion = shura::ops::motions::move_motion(
        &mut ctx,
        &shura::ops::motions::MoveMotion {
            session_id: s,
            item_id: Some(sidewalk),
            kind: shura::model::voting::MotionKind::Substantive,
            text: fa("That the sidewalk be widened", "پیاده‌رو عریض شود").into(),
            mover: Some(alice),
            seconder: Some(dan),
            at: Some("19:00".into()),
        },
    )
    .expect("move")
    .id;
    shura::ops::motions::vote(
        &mut ctx,
        &shura::ops::motions::TakeVote {
            motion_id: motion,
            how: shura::ops::motions::HowVoted::Unanimous,
            casting_vote: None,
            declared: None,
            without_quorum: false,
            owner: Some(fa("Public works", "معاونت عمرانی").into()),
            due: Some(day(2025, 3, 1)),
            number: None,
        },
    )
    .expect("vote");

    // The next sessions: one cancelled, then the one the minutes announce.
    let s3 = shura::ops::sessions::schedule(
        &mut ctx,
        &session_input(body, day(2024, 12, 12), fa("Reading Room", "تالار شورا")),
    )
    .expect("session 3")
    .id;
    ctx.store
        .set_session_status(s3, SessionStatus::Cancelled)
        .expect("cancel");
    shura::ops::sessions::schedule(
        &mut ctx,
        &session_input(body, day(2025, 1, 9), fa("Council Hall", "تالار اجتماعات")),
    )
    .expect("session 4");
    Board {
        path,
        session: s,
        first: first.number,
        second: second.number,
        reviewed_task: r0.number,
        reviewed_itself: r0b.number,
    }
}

fn reopen(path: &Path) -> Store {
    Store::open(path, Actor::current()).expect("reopen")
}

/// Writes a generated document to $SHURA_MINUTES_OUT (to read it by hand), when set.
fn keep(name: &str, text: &str) {
    if let Some(dir) = std::env::var_os("SHURA_MINUTES_OUT") {
        std::fs::write(Path::new(&dir).join(name), text).unwrap();
    }
}

/// A block of a Markdown document as the parser reads it, in document order.
#[derive(Debug, Clone, PartialEq)]
enum Block {
    Heading(u8, String),
    Para(String),
    /// A list item (its text, innermost).
    Item(String),
    /// A table cell.
    Cell(String),
}

fn blocks(md: &str) -> Vec<Block> {
    use pulldown_cmark::HeadingLevel;
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut html = 0;
    let mut in_item = 0;
    for ev in Parser::new_ext(md, pulldown_cmark::Options::ENABLE_TABLES) {
        match ev {
            Event::Start(Tag::Heading { .. })
            | Event::Start(Tag::Paragraph)
            | Event::Start(Tag::TableCell) => cur.clear(),
            Event::Start(Tag::Item) => {
                in_item += 1;
                cur.clear();
            }
            Event::End(TagEnd::Heading(level)) => {
                let n = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    HeadingLevel::H5 => 5,
                    HeadingLevel::H6 => 6,
                };
                out.push(Block::Heading(n, cur.trim().to_string()));
            }
            Event::End(TagEnd::Paragraph) if in_item == 0 => {
                out.push(Block::Para(cur.trim().to_string()))
            }
            Event::End(TagEnd::Item) => {
                in_item -= 1;
                out.push(Block::Item(cur.trim().to_string()));
                cur.clear();
            }
            Event::End(TagEnd::TableCell) => out.push(Block::Cell(cur.trim().to_string())),
            Event::Text(t) | Event::Code(t) => cur.push_str(&t),
            Event::SoftBreak | Event::HardBreak => cur.push(' '),
            Event::Html(_) | Event::InlineHtml(_) => html += 1,
            _ => {}
        }
    }
    assert_eq!(html, 0, "stored markup must not become HTML:\n{md}");
    out
}

fn heading_at(b: &[Block], level: u8, starts: &str) -> usize {
    b.iter()
        .position(|x| matches!(x, Block::Heading(l, t) if *l == level && t.starts_with(starts)))
        .unwrap_or_else(|| panic!("no heading {level} «{starts}» in {b:#?}"))
}

/// The blocks after a heading up to the next heading of its level or above.
fn under(b: &[Block], at: usize) -> &[Block] {
    let Block::Heading(level, _) = &b[at] else {
        panic!("not a heading")
    };
    let end = b[at + 1..]
        .iter()
        .position(|x| matches!(x, Block::Heading(l, _) if l <= level))
        .map(|i| at + 1 + i)
        .unwrap_or(b.len());
    &b[at + 1..end]
}

fn text_of(b: &[Block]) -> String {
    b.iter()
        .map(|x| match x {
            Block::Heading(_, t) | Block::Para(t) | Block::Item(t) | Block::Cell(t) => t.as_str(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn markdown(store: &Store, session: i64, lang: Lang) -> String {
    let rec = public_record(store, store.session(session).unwrap(), lang).unwrap();
    shura::ops::export::minutes_markdown(&rec, store, prefs(lang)).unwrap()
}

fn html(store: &Store, session: i64, lang: Lang) -> String {
    let rec = public_record(store, store.session(session).unwrap(), lang).unwrap();
    shura::ops::export::minutes_html(&rec, store, prefs(lang)).unwrap()
}

#[test]
fn markdown_minutes_hold_the_whole_record_in_the_agendas_structure() {
    let dir = tempfile::tempdir().unwrap();
    let m = board(dir.path(), false, Signing::ChairSecretary);
    let store = reopen(&m.path);
    let md = markdown(&store, m.session, Lang::En);
    keep("record-board.md", &md);
    let b = blocks(&md);

    // The draft mark at the top, before the header and attendance.
    let attendance = heading_at(&b, 2, "Attendance");
    assert!(
        b[..attendance]
            .iter()
            .any(|x| *x == Block::Para("DRAFT: these minutes are not approved yet.".into())),
        "{b:#?}"
    );

    // Attendance: late with the time, remote marked, excused and unexcused apart.
    let roll = under(&b, attendance);
    let list = |label: &str| -> String {
        roll.iter()
            .find_map(|x| match x {
                Block::Item(t) => t
                    .strip_prefix(&format!("{label}:"))
                    .map(|s| s.trim().to_string()),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no «{label}» in {roll:#?}"))
    };
    assert_eq!(
        list("Present"),
        "Alice Chair, Dan Secretary, Bob Baker (late, arrived 18:20), Carol Cole (remote), Mallory Evil"
    );
    assert_eq!(list("Absent with excuse"), "Dave Dunn");
    assert_eq!(list("Absent without excuse"), "Erin Eads");

    // The agenda's numbers and structure: the section a heading, its sub-items a level
    // below it, then the next top-level item.
    let sec = heading_at(&b, 3, "2. Old business");
    let bill = heading_at(&b, 4, "2.1. Budget amendment");
    let report = heading_at(&b, 4, "2.2. Library hours");
    let proposal = heading_at(&b, 3, "3. Bike lanes");
    assert!(sec < bill && bill < report && report < proposal);
    let in_section = text_of(under(&b, sec));
    assert!(
        in_section.contains("2.1. Budget amendment") && in_section.contains("2.2. Library hours")
    );
    assert!(!in_section.contains("Bike lanes"));
    assert!(under(&b, bill).contains(&Block::Para("Bill, double urgent — Pending".into())));
    assert!(under(&b, report).contains(&Block::Para("Report — Pending".into())));
    assert!(
        under(&b, proposal).contains(&Block::Para("Members' proposal — Pending".into())),
        "{:#?}",
        under(&b, proposal)
    );
    assert!(under(&b, proposal).contains(&Block::Para("Signed by: Bob Baker, Carol Cole".into())));

    // Item 4: the resolutions in the order adopted, each with its owner and due date.
    let roof = text_of(under(&b, heading_at(&b, 3, "4. Roof repair")));
    let first = roof
        .find(&format!("Resolution {}", m.first))
        .expect("first");
    let second = roof
        .find(&format!("Resolution {}", m.second))
        .expect("second");
    assert!(first < second, "first adopted first:\n{roof}");
    assert!(roof.contains("That the roof be repaired <script>alert(1)</script>"));
    assert!(roof.contains("That the **gutters** be replaced"), "{roof}");
    let owner_first = roof
        .find("Responsible: Facilities unit; due: 2025-01-31.")
        .expect("owner 1");
    let owner_second = roof
        .find("Responsible: Bob Baker; due: 2025-02-15.")
        .expect("owner 2");
    assert!(first < owner_first && owner_first < second && second < owner_second);

    // A resolution made by a motion: told with it, with its owner and due date.
    let sidewalk = under(&b, heading_at(&b, 3, "6. Sidewalk"));
    assert!(
        sidewalk.iter().any(|x| matches!(x, Block::Para(t)
            if t.starts_with("It became resolution 1403/2/")
                && t.ends_with(". Responsible: Public works; due: 2025-03-01."))),
        "{sidewalk:#?}"
    );
    assert_eq!(md.matches("Public works").count(), 1, "said once");

    // Item 5: the task given on the item, with assignee and due date.
    let parking = under(&b, heading_at(&b, 3, "5. Parking"));
    assert!(parking.contains(&Block::Para("Follow-up decided on the item:".into())));
    for cell in ["Count | the spaces", "Carol Cole", "2025-01-10"] {
        assert!(
            parking.contains(&Block::Cell(cell.into())),
            "{cell}: {parking:#?}"
        );
    }

    // The review: the progress reported at this session, under the review item.
    let review = under(&b, heading_at(&b, 3, "1. Review of previous resolutions"));
    assert!(review.contains(&Block::Para("Progress reported at this session:".into())));
    let reported: Vec<&Block> = review
        .iter()
        .filter(|x| matches!(x, Block::Item(_)))
        .collect();
    assert_eq!(
        reported,
        [
            &Block::Item(format!(
                "Resolution {} — Get three quotes (Bob Baker): In progress, 60% done. Two quotes received <b>so far</b>.",
                m.reviewed_task
            )),
            &Block::Item(format!(
                "Resolution {} — That the gutters be cleaned: Done. Cleaned in November.",
                m.reviewed_itself
            )),
        ],
        "{review:#?}"
    );

    // The next session (the cancelled one skipped), then the signatures by name.
    assert!(
        b.contains(&Block::Para(
            "Next session: session 4, 1403/10/20 — 2025-01-09, at 18:00, Council Hall".into()
        )),
        "{b:#?}"
    );
    let signatures = under(&b, heading_at(&b, 2, "Signatures"));
    assert_eq!(
        signatures,
        [
            Block::Item("Chair: Alice Chair — ____________________".into()),
            Block::Item("Secretary: Dan Secretary — ____________________".into()),
        ]
    );
    assert!(!md.contains('\u{202e}'));
}

#[test]
fn html_minutes_nest_sub_items_in_their_section_and_name_the_signers() {
    let dir = tempfile::tempdir().unwrap();
    let m = board(dir.path(), false, Signing::ChairSecretary);
    let store = reopen(&m.path);
    let page = html(&store, m.session, Lang::En);
    keep("record-board.html", &page);
    let doc = Html::parse_document(&page);
    let sel = |s: &str| Selector::parse(s).unwrap();
    let text = |e: ElementRef| e.text().collect::<String>().trim().to_string();
    assert_eq!(
        doc.select(&sel("script")).count(),
        0,
        "stored <script> stays text"
    );
    assert_eq!(doc.select(&sel("b")).count(), 0, "stored <b> stays text");

    // The draft: a class and watermark on the page, and a line at the top.
    let body = doc.select(&sel("body")).next().unwrap();
    assert_eq!(body.value().attr("class"), Some("draft"));
    assert_eq!(body.value().attr("data-watermark"), Some("DRAFT"));
    assert!(text(doc.select(&sel("p.draft-mark")).next().unwrap()).starts_with("DRAFT"));

    // The sub-items inside their section, numbered under it.
    let section = doc.select(&sel("section.section")).next().expect("section");
    assert_eq!(
        text(section.select(&sel("h3")).next().unwrap()),
        "2. Old business"
    );
    let subs: Vec<String> = section
        .select(&sel("section.sub-item > h4"))
        .map(text)
        .collect();
    assert_eq!(subs, ["2.1. Budget amendment", "2.2. Library hours"]);
    let bill = section.select(&sel("section.sub-item")).next().unwrap();
    assert_eq!(
        text(bill.select(&sel("p.status")).next().unwrap()),
        "Bill, double urgent — Pending"
    );
    assert_eq!(bill.value().attr("data-number"), Some("2.1"));
    let tops: Vec<String> = doc
        .select(&sel("body > section.item > h3"))
        .map(text)
        .collect();
    assert_eq!(
        tops,
        [
            "1. Review of previous resolutions",
            "2. Old business",
            "3. Bike lanes",
            "4. Roof repair",
            "5. Parking",
            "6. Sidewalk"
        ]
    );
    let signed = doc.select(&sel("p.signatories")).next().unwrap();
    assert_eq!(text(signed), "Signed by: Bob Baker, Carol Cole");

    // Resolutions in the order adopted with owner and due date.
    let resolutions: Vec<String> = doc.select(&sel("div.resolution")).map(text).collect();
    assert_eq!(resolutions.len(), 2);
    assert!(resolutions[0].contains(&m.first) && resolutions[0].contains("Facilities unit"));
    assert!(resolutions[0].contains("<script>alert(1)</script>"));
    assert!(resolutions[1].contains(&m.second) && resolutions[1].contains("due: 2025-02-15"));

    // The item's own task, the review, the attendance.
    let item_tasks: Vec<String> = doc.select(&sel("table.item-tasks td")).map(text).collect();
    assert_eq!(
        item_tasks,
        ["Count | the spaces", "Carol Cole", "2025-01-10"]
    );
    let review: Vec<String> = doc.select(&sel("ul.review li")).map(text).collect();
    assert_eq!(review.len(), 2, "{review:?}");
    assert!(review[0].contains("60% done") && review[0].contains("<b>so far</b>"));
    let row = |class: &str| text(doc.select(&sel(&format!("tr.{class} td"))).next().unwrap());
    assert_eq!(row("excused"), "Dave Dunn");
    assert_eq!(row("unexcused"), "Erin Eads");
    assert!(row("present").contains("Bob Baker (late, arrived 18:20)"));
    assert!(row("present").contains("Carol Cole (remote)"));
    assert!(text(doc.select(&sel("p.next-session")).next().unwrap()).contains("session 4"));

    // Named signature lines.
    let signers: Vec<(String, String)> = doc
        .select(&sel("div.signatures div.signer"))
        .map(|d| {
            (
                text(d.select(&sel(".role")).next().unwrap()),
                d.select(&sel(".name")).next().map(text).unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        signers,
        [
            ("Chair".to_string(), "Alice Chair".to_string()),
            ("Secretary".to_string(), "Dan Secretary".to_string())
        ]
    );
    assert!(!page.contains('\u{202e}'));
}

#[test]
fn the_draft_mark_goes_once_the_minutes_are_approved() {
    let dir = tempfile::tempdir().unwrap();
    let m = board(dir.path(), false, Signing::ChairSecretary);
    let mut store = reopen(&m.path);
    store
        .set_session_status(m.session, SessionStatus::Closed)
        .unwrap();
    let mut ctx = Context::new(store, prefs(Lang::En));
    shura::ops::sessions::set_status(&mut ctx, m.session, SessionStatus::Approved).unwrap();
    let md = markdown(&ctx.store, m.session, Lang::En);
    let page = html(&ctx.store, m.session, Lang::En);
    keep("record-board-approved.md", &md);
    assert!(!md.contains("DRAFT"), "{md}");
    let doc = Html::parse_document(&page);
    let body = doc
        .select(&Selector::parse("body").unwrap())
        .next()
        .unwrap();
    assert_eq!(body.value().attr("class"), None);
    assert_eq!(body.value().attr("data-watermark"), None);
    assert_eq!(
        doc.select(&Selector::parse(".draft-mark").unwrap()).count(),
        0
    );
    assert!(!page.contains(">DRAFT"));
    // The rest is still there.
    assert!(md.contains("Absent with excuse"));
}

#[test]
fn a_body_signing_by_all_present_lists_every_voting_member_present() {
    let dir = tempfile::tempdir().unwrap();
    let m = board(dir.path(), false, Signing::PresentMembers);
    let store = reopen(&m.path);
    let md = markdown(&store, m.session, Lang::En);
    let b = blocks(&md);
    let signatures = under(&b, heading_at(&b, 2, "Signatures"));
    let names: Vec<String> = signatures
        .iter()
        .map(|x| match x {
            Block::Item(t) => t.trim_end_matches(" — ____________________").to_string(),
            other => panic!("{other:?}"),
        })
        .collect();
    // The late and the remote member sign; the excused and the absent do not.
    assert_eq!(
        names,
        [
            "Chair: Alice Chair",
            "Secretary: Dan Secretary",
            "Member: Bob Baker",
            "Member: Carol Cole",
            "Member: Mallory Evil"
        ]
    );
    let page = html(&store, m.session, Lang::En);
    let doc = Html::parse_document(&page);
    assert_eq!(
        doc.select(&Selector::parse("div.signatures .signer .name").unwrap())
            .count(),
        5
    );
}

#[test]
fn without_a_chair_or_secretary_the_line_names_the_role_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("c.db"), Actor::current()).unwrap();
    let body = store
        .add_body(&body_input("Parks Committee", Signing::ChairSecretary))
        .unwrap();
    let p = store
        .add_person(&NewPerson {
            name: Name::guess("Zoe Member"),
            ..Default::default()
        })
        .unwrap();
    store
        .add_membership(&NewMembership {
            body_id: body,
            person_id: p,
            role: Role::Member,
            voting: true,
            term_start: None,
            term_end: None,
        })
        .unwrap();
    let s = store
        .add_session(&session_input(body, day(2024, 12, 5), "Hall"))
        .unwrap()
        .id;
    let rec = session_record(&store, store.session(s).unwrap(), Lang::En).unwrap();
    assert!(rec.next_session.is_none());
    let md = shura::ops::export::minutes_markdown(&rec, &store, prefs(Lang::En)).unwrap();
    let b = blocks(&md);
    assert_eq!(
        under(&b, heading_at(&b, 2, "Signatures")),
        [
            Block::Item("Chair: ____________________".into()),
            Block::Item("Secretary: ____________________".into()),
        ]
    );
    assert!(!md.contains("Next session"));
    // Unmarked, the member is absent without excuse.
    assert!(b.contains(&Block::Item("Absent without excuse: Zoe Member".into())));
}

fn no_ascii_letters_but(text: &str, allowed: &[&str]) -> Vec<String> {
    let mut rest = text.to_string();
    for a in allowed {
        rest = rest.replace(a, " ");
    }
    rest.split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .map(str::to_string)
        .collect()
}

#[test]
fn persian_minutes_say_it_all_in_persian_with_persian_digits() {
    let dir = tempfile::tempdir().unwrap();
    let m = board(dir.path(), true, Signing::ChairSecretary);
    let store = reopen(&m.path);
    let md = markdown(&store, m.session, Lang::Fa);
    let page = html(&store, m.session, Lang::Fa);
    keep("record-council.md", &md);
    keep("record-council.html", &page);
    let b = blocks(&md);
    // Stored text with markup: kept as text.
    let allowed = ["<script>alert(1)</script>", "<b>", "</b>"];
    let all = text_of(&b);
    let bad = no_ascii_letters_but(&all, &allowed);
    assert!(bad.is_empty(), "English in Persian minutes: {bad:?}\n{md}");
    assert!(b.contains(&Block::Para(
        "پیش‌نویس: این صورتجلسه هنوز تأیید نشده است.".into()
    )));
    let sec = heading_at(&b, 3, "۲. دستورهای معوق");
    let bill = heading_at(&b, 4, "۲.۱. اصلاح بودجه");
    assert!(sec < bill);
    assert!(under(&b, bill).contains(&Block::Para("لایحه، دوفوریتی — در انتظار".into())));
    let proposal = under(&b, heading_at(&b, 3, "۳. مسیر دوچرخه"));
    assert!(proposal.contains(&Block::Para(
        "امضاکنندگان طرح: بهرام احمدی، کاوه رحیمی".into()
    )));
    assert!(b.contains(&Block::Item("غایبان با عذر موجه: داوود نوری".into())));
    assert!(b.contains(&Block::Item("غایبان بدون عذر: الهام صادقی".into())));
    assert!(
        all.contains("بهرام احمدی (با تأخیر، ورود ساعت ۱۸:۲۰)"),
        "{all}"
    );
    assert!(all.contains("کاوه رحیمی (برخط)"));
    assert!(
        all.contains("مسئول پیگیری: واحد تأسیسات؛ مهلت: ۱۴۰۳/۱۱/۱۲."),
        "{all}"
    );
    assert!(all.contains("در حال اقدام، ۶۰٪ پیشرفت"), "{all}");
    assert!(all.contains("جلسه بعد: جلسه ۴، ۱۴۰۳/۱۰/۲۰"), "{all}");
    assert!(b.contains(&Block::Item(
        "رئیس جلسه: سارا کریمی — ____________________".into()
    )));
    assert!(b.contains(&Block::Item(
        "دبیر: دبیر شورا — ____________________".into()
    )));
    let digits = |t: &str| {
        let rest = allowed.iter().fold(t.to_string(), |t, a| t.replace(a, " "));
        rest.chars().any(|c| c.is_ascii_digit())
    };
    assert!(!digits(&all), "Latin digits: {all}");

    let doc = Html::parse_document(&page);
    let root = doc
        .select(&Selector::parse("html").unwrap())
        .next()
        .unwrap();
    assert_eq!(root.value().attr("dir"), Some("rtl"));
    let body = doc
        .select(&Selector::parse("body").unwrap())
        .next()
        .unwrap();
    assert_eq!(body.value().attr("data-watermark"), Some("پیش‌نویس"));
    let text: String = body.text().collect();
    let bad = no_ascii_letters_but(&text, &allowed);
    assert!(bad.is_empty(), "English in Persian HTML: {bad:?}");
    assert!(!digits(&text), "Latin digits in the HTML");
    assert_eq!(doc.select(&Selector::parse("script").unwrap()).count(), 0);
}

#[test]
fn progress_on_what_was_taken_in_closed_session_stays_out_of_the_public_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let m = board(dir.path(), false, Signing::ChairSecretary);
    let store = reopen(&m.path);
    let md = markdown(&store, m.session, Lang::En);
    let page = html(&store, m.session, Lang::En);
    for secret in ["Zebulon", "Personnel matter"] {
        assert!(!md.contains(secret), "{secret} in the public minutes");
        assert!(!page.contains(secret), "{secret} in the public HTML");
    }
    // The closed part (for the members) tells it, under the review heading of its own.
    let ctx = Context::new(store, prefs(Lang::En));
    let rec =
        shura::ops::record::closed_record(&ctx, ctx.store.session(m.session).unwrap()).unwrap();
    assert_eq!(rec.review.len(), 1);
    let md = shura::ops::export::minutes_markdown(&rec, &ctx.store, prefs(Lang::En)).unwrap();
    let b = blocks(&md);
    let review = under(&b, heading_at(&b, 2, "Review of previous resolutions"));
    assert!(
        review.iter().any(|x| matches!(x, Block::Item(t)
            if t.contains("Settle with Zed Zebulon (Dan Secretary): Done. Zebulon was paid."))),
        "{review:#?}"
    );
    assert!(
        !md.contains("Get three quotes"),
        "the open review is in the public minutes"
    );
    assert!(!md.contains("Next session"));
}

#[test]
fn without_a_review_item_the_progress_reported_has_a_heading_of_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let m = board(dir.path(), false, Signing::ChairSecretary);
    let store = reopen(&m.path);
    store
        .raw_connection_for_tests()
        .execute(
            "UPDATE agenda_item SET is_review = 0 WHERE session_id = ?1",
            [m.session],
        )
        .unwrap();
    let md = markdown(&store, m.session, Lang::En);
    let b = blocks(&md);
    let agenda = heading_at(&b, 2, "Agenda");
    let review = heading_at(&b, 2, "Review of previous resolutions");
    assert!(agenda < review && review < heading_at(&b, 2, "Signatures"));
    let items: Vec<&Block> = under(&b, review)
        .iter()
        .filter(|x| matches!(x, Block::Item(_)))
        .collect();
    assert_eq!(items.len(), 2, "{items:#?}");
    assert!(!text_of(under(&b, heading_at(&b, 3, "1. Review"))).contains("Get three quotes"));
    let page = html(&store, m.session, Lang::En);
    let doc = Html::parse_document(&page);
    assert_eq!(
        doc.select(&Selector::parse("section.review ul.review li").unwrap())
            .count(),
        2
    );
}
