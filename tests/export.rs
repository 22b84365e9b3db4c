//! Minutes exports parsed back by real parsers: Markdown by pulldown-cmark, HTML by
//! scraper (html5ever). Stored text with markup or control characters comes out as text.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use scraper::{Html, Selector};
use shura::identity::Actor;
use shura::locale::Prefs;
use shura::locale::{Calendar, Lang};
use shura::model::rules::{MeetingRule, QuorumRule};
use shura::model::*;
use shura::ops::record::session_record;
use shura::store::write::*;
use shura::store::Store;

fn day(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

/// A closed and approved session with attendance, a guest, minutes, a resolution and a task.
fn fixture(dir: &std::path::Path, persian: bool) -> (Store, i64) {
    let mut store = Store::open(&dir.join("x.db"), Actor::current()).expect("open");
    let name = if persian {
        Name::new(Some("شورای اسلامی شهر".into()), None)
    } else {
        Name::new(None, Some("Planning <Council> & Co".into()))
    };
    let body = store
        .add_body(&NewBody {
            name,
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
            signing: Default::default(),
            law_profile: Default::default(),
            absence_rule: Default::default(),
        })
        .expect("body");
    let mut people = Vec::new();
    for (i, n) in ["Sara Karimi", "Omid *Rahimi*", "Ali [x](http://evil)"]
        .iter()
        .enumerate()
    {
        let p = store
            .add_person(&NewPerson {
                name: Name::guess(n),
                ..Default::default()
            })
            .expect("person");
        store
            .add_membership(&NewMembership {
                body_id: body,
                person_id: p,
                role: if i == 0 { Role::Chair } else { Role::Member },
                voting: true,
                term_start: None,
                term_end: None,
            })
            .expect("member");
        people.push(p);
    }
    let s = store
        .add_session(&NewSession {
            body_id: body,
            kind: SessionKind::Regular,
            date: day(2024, 12, 5),
            start_time: Some("09:00".into()),
            end_time: None,
            place: Some("Hall <A>".into()),
            prepare_agenda: false,
            number: None,
        })
        .expect("session");
    store
        .set_session_status(s.id, SessionStatus::Open)
        .expect("open");
    store
        .set_attendance(s.id, people[0], Presence::Present)
        .expect("att");
    store
        .set_attendance(s.id, people[1], Presence::Present)
        .expect("att");
    store
        .set_attendance(s.id, people[2], Presence::Excused)
        .expect("att");
    store
        .add_guest(s.id, "Guest \u{1b}[2J One", Some("Org".into()))
        .expect("guest");
    let item = store
        .add_agenda_item(&NewAgendaItem {
            session_id: s.id,
            title: if persian {
                "بودجه سال ۱۴۰۴".into()
            } else {
                "# Budget <b>2025</b>".into()
            },
            presenter: None,
            duration_min: Some(20),
            ..Default::default()
        })
        .expect("item");
    store
        .set_minutes(
            item,
            "First paragraph with <script>alert(1)</script>.\n\n- not a list",
            None,
        )
        .expect("minutes");
    let r = store
        .add_resolution(&NewResolution {
            body_id: body,
            session_id: Some(s.id),
            agenda_item_id: Some(item),
            text: "It was decided that **the roof** be repaired \u{202e}evil".into(),
            decision: Decision::Adopted,
            tally: None,
            votes: vec![(people[0], Vote::Yes), (people[1], Vote::Yes)],
            owner: None,
            due: None,
            created_on: None,
            number: None,
        })
        .expect("resolution");
    store
        .add_task(&NewTask {
            body_id: None,
            resolution_id: Some(r.id),
            agenda_item_id: Some(item),
            title: "Get | three quotes".into(),
            description: None,
            assignee_id: Some(people[2]),
            assignee_unit: None,
            due: Some(day(2025, 1, 10)),
            priority: Priority::High,
            created_on: None,
        })
        .expect("task");
    store
        .set_session_status(s.id, SessionStatus::Closed)
        .expect("close");
    store
        .set_session_status(s.id, SessionStatus::Approved)
        .expect("approve");
    (store, s.id)
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

#[test]
fn markdown_parses_with_the_structure_and_literal_text() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, sid) = fixture(dir.path(), false);
    let rec = session_record(&store, store.session(sid).expect("s"), Lang::En).expect("record");
    let md = shura::ops::export::minutes_markdown(&rec, &store, prefs(Lang::En)).expect("md");
    let mut headings = Vec::new();
    let mut in_heading = false;
    let mut text = String::new();
    let mut html_events = 0;
    let mut links = 0;
    let mut table_cells = 0;
    let mut current = String::new();
    for ev in Parser::new_ext(&md, pulldown_cmark::Options::ENABLE_TABLES) {
        match ev {
            Event::Start(Tag::Heading { .. }) => {
                in_heading = true;
                current.clear();
            }
            Event::End(TagEnd::Heading(_)) => {
                in_heading = false;
                headings.push(current.clone());
                text.push(' ');
            }
            Event::Text(t) | Event::Code(t) => {
                if in_heading {
                    current.push_str(&t);
                }
                text.push_str(&t);
            }
            Event::End(_) | Event::SoftBreak | Event::HardBreak => text.push(' '),
            Event::Html(_) | Event::InlineHtml(_) => html_events += 1,
            Event::Start(Tag::Link { .. }) => links += 1,
            Event::Start(Tag::TableCell) => table_cells += 1,
            _ => {}
        }
    }
    assert_eq!(html_events, 0, "stored markup must not become HTML: {md}");
    assert_eq!(links, 0, "stored text must not become a link");
    assert!(
        headings[0].contains("Planning <Council> & Co"),
        "{headings:?}"
    );
    assert!(headings.iter().any(|h| h == "Attendance"), "{headings:?}");
    assert!(
        headings.iter().any(|h| h.contains("# Budget <b>2025</b>")),
        "{headings:?}"
    );
    assert!(text.contains("1403/09/15"), "Jalali date in the header");
    assert!(text.contains("2024-12-05"), "Gregorian date in the header");
    assert!(text.contains("Hall <A>"));
    assert!(text.contains("09:00"));
    assert!(text.contains("It was decided that **the roof** be repaired"));
    assert!(text.contains("unanimously"));
    assert!(text.contains("Get | three quotes"));
    assert!(
        text.contains("Guest One") || text.contains("Guest  One"),
        "{text}"
    );
    assert!(table_cells >= 6, "tasks table with header and a row");
    assert!(text.contains("Chair:"));
    assert!(text.contains("Audit chain head"));
    assert!(!md.contains('\u{1b}') && !md.contains('\u{202e}'));
}

#[test]
fn html_is_well_formed_escaped_and_printable() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, sid) = fixture(dir.path(), false);
    let rec = session_record(&store, store.session(sid).expect("s"), Lang::En).expect("record");
    let html = shura::ops::export::minutes_html(&rec, &store, prefs(Lang::En)).expect("html");
    let doc = Html::parse_document(&html);
    let sel = |s: &str| Selector::parse(s).expect("selector");
    let root = doc.select(&sel("html")).next().expect("html element");
    assert_eq!(root.value().attr("lang"), Some("en"));
    assert_eq!(root.value().attr("dir"), Some("ltr"));
    assert_eq!(
        doc.select(&sel("script")).count(),
        0,
        "stored <script> stays text"
    );
    let h1: String = doc.select(&sel("h1")).next().expect("h1").text().collect();
    assert!(h1.contains("Planning <Council> & Co"));
    let style: String = doc
        .select(&sel("style"))
        .next()
        .expect("style")
        .text()
        .collect();
    assert!(style.contains("size: A4"));
    let body: String = doc
        .select(&sel("body"))
        .next()
        .expect("body")
        .text()
        .collect();
    assert!(body.contains("<script>alert(1)</script>"));
    assert!(body.contains("Sara Karimi"));
    assert!(body.contains("Get | three quotes"));
    assert_eq!(doc.select(&sel("section.item")).count(), 1);
    assert_eq!(doc.select(&sel("div.signatures div")).count(), 2);
    assert!(
        doc.select(&sel("p.seal code")).next().is_some(),
        "approved minutes print the chain head"
    );
    assert!(!html.contains('\u{1b}') && !html.contains('\u{202e}'));
}

#[test]
fn persian_html_is_rtl() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, sid) = fixture(dir.path(), true);
    let rec = session_record(&store, store.session(sid).expect("s"), Lang::Fa).expect("record");
    let html = shura::ops::export::minutes_html(&rec, &store, prefs(Lang::Fa)).expect("html");
    let doc = Html::parse_document(&html);
    let root = doc
        .select(&Selector::parse("html").expect("selector"))
        .next()
        .expect("html");
    assert_eq!(root.value().attr("lang"), Some("fa"));
    assert_eq!(root.value().attr("dir"), Some("rtl"));
    let text: String = root.text().collect();
    assert!(text.contains("شورای اسلامی شهر"));
    assert!(
        text.contains("۱۴۰۳/۰۹/۱۵"),
        "Persian digits in a Persian export"
    );
    assert!(text.contains("صورتجلسه"));
}
