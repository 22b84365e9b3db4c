//! The minutes of a meeting as it ran: motions, amendments, votes with the names under
//! each side, recusals, the consent agenda and what was taken in closed session. A
//! session is built through `ops` on a real database file; the Markdown is read back
//! by pulldown-cmark and the HTML by scraper.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

mod common;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use scraper::{Html, Selector};
use shura::identity::Actor;
use shura::locale::{Calendar, Lang, Prefs};
use shura::model::rules::MeetingRule;
use shura::model::voting::{Choice, MotionKind, Procedure, VotingRule};
use shura::model::*;
use shura::ops::motions::{self, HowVoted, MoveMotion, TakeVote};
use shura::ops::record::{closed_record, public_record, session_record, visible_record};
use shura::ops::Context;
use shura::store::write::*;
use shura::store::{Store, StoreError};

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

/// The meeting built, with the ids the tests look for.
struct Meeting {
    path: PathBuf,
    session: i64,
}

fn vote(ctx: &mut Context, motion: i64, how: HowVoted) {
    motions::vote(
        ctx,
        &TakeVote {
            motion_id: motion,
            how,
            casting_vote: None,
            declared: None,
            without_quorum: false,
            owner: None,
            due: None,
            number: None,
        },
    )
    .expect("vote");
}

fn moved(
    ctx: &mut Context,
    session: i64,
    item: Option<i64>,
    kind: MotionKind,
    text: &str,
    mover: i64,
    seconder: Option<i64>,
) -> i64 {
    motions::move_motion(
        ctx,
        &MoveMotion {
            session_id: session,
            item_id: item,
            kind,
            text: text.into(),
            mover: Some(mover),
            seconder,
            at: Some("10:00".into()),
        },
    )
    .expect("move")
    .id
}

fn tally(yes: i64, no: i64, abstain: i64) -> Tally {
    Tally { yes, no, abstain }
}

/// A Robert's Rules board (English) or a city council (Persian), one session:
/// approve the agenda; item 1 a main motion with a failed amendment and a carried
/// second-degree amendment, voted by roll call with one member not voting and one
/// recused; item 2 a secret ballot, a motion failed for lack of a second and one
/// withdrawn; item 3 in closed session; items 4 and 5 on the consent agenda; item 6 a
/// resolution recorded the old way with members' votes; adjourn.
fn meeting(dir: &Path, persian: bool) -> Meeting {
    let path = dir.join("board.db");
    let store = Store::open(&path, Actor::current()).expect("open");
    let mut ctx = Context::new(store, prefs(if persian { Lang::Fa } else { Lang::En }));
    let (rule, quorum) =
        VotingRule::preset(if persian { "iran-council" } else { "roberts" }).expect("preset");
    let body = ctx
        .store
        .add_body(&NewBody {
            name: Name::guess(if persian {
                "شورای اسلامی شهر"
            } else {
                "Riverside Library Board"
            }),
            kind: BodyKind::Council,
            parent_id: None,
            quorum,
            meeting_rule: MeetingRule::None,
            resolution_format: "{jyear}/{session}/{seq}".into(),
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
        .expect("body");
    let names: [&str; 7] = if persian {
        [
            "سارا کریمی",
            "بهرام احمدی",
            "کاوه رحیمی",
            "داوود نوری",
            "الهام صادقی",
            "مهرداد \u{202e}شریفی",
            "دبیر شورا",
        ]
    } else {
        [
            "Alice Chair",
            "Bob Baker",
            "Carol Cole",
            "Dave Dunn",
            "Erin Eads",
            "Mallory \u{202e}Evil",
            "Dan Secretary",
        ]
    };
    let mut p = Vec::new();
    for (i, n) in names.iter().enumerate() {
        let id = ctx
            .store
            .add_person(&NewPerson {
                name: Name::guess(n),
                login: (i == 6).then(|| "daemon".to_string()),
                ..Default::default()
            })
            .expect("person");
        ctx.store
            .add_membership(&NewMembership {
                body_id: body,
                person_id: id,
                role: match i {
                    0 => Role::Chair,
                    6 => Role::Secretary,
                    _ => Role::Member,
                },
                voting: true,
                term_start: None,
                term_end: None,
            })
            .expect("member");
        p.push(id);
    }
    let (alice, bob, carol, dave, erin, mallory, dan) = (p[0], p[1], p[2], p[3], p[4], p[5], p[6]);
    let s = ctx
        .store
        .add_session(&NewSession {
            body_id: body,
            kind: SessionKind::Regular,
            date: day(2024, 12, 5),
            start_time: Some("18:00".into()),
            end_time: None,
            place: Some("Reading Room".into()),
            prepare_agenda: false,
            number: None,
        })
        .expect("session")
        .id;
    ctx.store
        .set_session_status(s, SessionStatus::Open)
        .expect("open");
    for id in &p {
        ctx.store
            .set_attendance(s, *id, Presence::Present)
            .expect("attendance");
    }
    let fa = |en: &'static str, fa: &'static str| if persian { fa } else { en };
    let mut items = Vec::new();
    for title in [
        fa("Roof repair", "تعمیر بام کتابخانه"),
        fa("Choice of auditor", "انتخاب حسابرس"),
        fa("Personnel matter", "موضوع کارکنان"),
        fa("Parking report", "گزارش پارکینگ"),
        fa("Library donation", "هدیه به کتابخانه"),
        fa("Sidewalk", "پیاده‌رو"),
    ] {
        items.push(
            shura::ops::agenda::add_item(
                &mut ctx,
                &NewAgendaItem {
                    session_id: s,
                    title: title.into(),
                    presenter: None,
                    duration_min: None,
                    ..Default::default()
                },
            )
            .expect("item"),
        );
    }

    // Opening: the agenda approved.
    let m = moved(
        &mut ctx,
        s,
        None,
        MotionKind::ApproveAgenda,
        fa("That the agenda be approved", "تصویب دستور جلسه"),
        dave,
        Some(erin),
    );
    vote(&mut ctx, m, HowVoted::Unanimous);

    // Item 1: Mallory declares an interest; a main motion, two amendments, a roll call.
    motions::declare_conflict(
        &mut ctx,
        items[0],
        mallory,
        fa("owns the roofing firm", "مالک شرکت بام‌سازی است"),
    )
    .expect("conflict");
    let main = moved(
        &mut ctx,
        s,
        Some(items[0]),
        MotionKind::Substantive,
        fa(
            "That the roof be repaired for 10,000 <script>alert(1)</script>",
            "بام کتابخانه با ۱۰ میلیون تومان تعمیر شود <script>alert(1)</script>",
        ),
        bob,
        Some(carol),
    );
    let failed = motions::amend(
        &mut ctx,
        main,
        fa(
            "That the roof be repaired for 8,000",
            "بام کتابخانه با ۸ میلیون تومان تعمیر شود",
        ),
        Some(dave),
        Some(erin),
        None,
    )
    .expect("amend")
    .id;
    vote(&mut ctx, failed, HowVoted::Count(tally(1, 5, 0)));
    let first = motions::amend(
        &mut ctx,
        main,
        fa(
            "That the roof be repaired for 12,000",
            "بام کتابخانه با ۱۲ میلیون تومان تعمیر شود",
        ),
        Some(erin),
        Some(bob),
        None,
    )
    .expect("amend")
    .id;
    let second = motions::amend(
        &mut ctx,
        first,
        fa(
            "That the roof and gutters be repaired for 12,000",
            "بام و ناودان‌های کتابخانه با ۱۲ میلیون تومان تعمیر شود",
        ),
        Some(carol),
        Some(dave),
        None,
    )
    .expect("amend")
    .id;
    vote(&mut ctx, second, HowVoted::Count(tally(5, 1, 0)));
    vote(&mut ctx, first, HowVoted::Count(tally(4, 1, 1)));
    vote(
        &mut ctx,
        main,
        HowVoted::Roll(vec![
            (alice, Choice::Yes),
            (bob, Choice::Yes),
            (carol, Choice::Yes),
            (dave, Choice::No),
            (erin, Choice::Abstain),
            (dan, Choice::NotVoting),
        ]),
    );

    // Item 2: a motion without a second, one withdrawn, one by secret ballot.
    let lapsed = moved(
        &mut ctx,
        s,
        Some(items[1]),
        MotionKind::Substantive,
        fa("That Acme be the auditor", "شرکت آکمه حسابرس باشد"),
        dave,
        None,
    );
    motions::lapse(&mut ctx, lapsed).expect("lapse");
    let withdrawn = moved(
        &mut ctx,
        s,
        Some(items[1]),
        MotionKind::Defer,
        fa("That the choice be deferred", "انتخاب مسکوت بماند"),
        erin,
        Some(bob),
    );
    motions::withdraw(&mut ctx, withdrawn).expect("withdraw");
    let secret = moved(
        &mut ctx,
        s,
        Some(items[1]),
        MotionKind::Substantive,
        fa("That Baker & Co be the auditor", "مؤسسه بیکر حسابرس باشد"),
        carol,
        Some(dave),
    );
    // A friendly amendment accepted without objection, another withdrawn by its mover.
    let friendly = motions::amend(
        &mut ctx,
        secret,
        fa(
            "That Baker & Co be the auditor for two years",
            "مؤسسه بیکر برای دو سال حسابرس باشد",
        ),
        Some(erin),
        None,
        None,
    )
    .expect("amend")
    .id;
    motions::accept(&mut ctx, friendly).expect("accept");
    let dropped = motions::amend(
        &mut ctx,
        secret,
        fa(
            "That Baker & Co be the auditor for ten years",
            "مؤسسه بیکر برای ده سال حسابرس باشد",
        ),
        Some(dave),
        Some(bob),
        None,
    )
    .expect("amend")
    .id;
    motions::withdraw(&mut ctx, dropped).expect("withdraw amendment");
    vote(&mut ctx, secret, HowVoted::Secret(tally(4, 2, 1)));

    // Item 3: closed session.
    shura::ops::agenda::set_closed(&mut ctx, items[2], true).expect("closed");
    shura::ops::agenda::set_minutes(
        &mut ctx,
        items[2],
        fa(
            "The board discussed the conduct of Zed Zebulon.",
            "هیئت رفتار زبولون را بررسی کرد.",
        ),
        None,
    )
    .expect("minutes");
    let hush = moved(
        &mut ctx,
        s,
        Some(items[2]),
        MotionKind::Substantive,
        fa(
            "That Zed Zebulon be given a warning",
            "به زبولون تذکر کتبی داده شود",
        ),
        alice,
        Some(bob),
    );
    vote(
        &mut ctx,
        hush,
        HowVoted::Roll(vec![(alice, Choice::Yes), (bob, Choice::No)]),
    );

    // Items 4 and 5: the consent agenda.
    motions::set_consent(&mut ctx, items[3], true).expect("consent");
    motions::set_consent(&mut ctx, items[4], true).expect("consent");
    let consent = motions::move_consent(&mut ctx, s, Some(bob), Some(carol))
        .expect("move consent")
        .id;
    vote(&mut ctx, consent, HowVoted::Count(tally(7, 0, 0)));

    // Item 6: a resolution recorded the old way, with members' votes and no motion.
    ctx.store
        .add_resolution(&NewResolution {
            body_id: body,
            session_id: Some(s),
            agenda_item_id: Some(items[5]),
            text: fa("That the sidewalk be widened", "پیاده‌رو عریض شود").into(),
            decision: Decision::Adopted,
            tally: Some(tally(2, 1, 0)),
            votes: vec![(alice, Vote::Yes), (erin, Vote::Yes), (dave, Vote::No)],
            owner: None,
            due: None,
            created_on: None,
            number: None,
        })
        .expect("old resolution");

    // A tie the chair declares carried: minuted as declared.
    let extend = moved(
        &mut ctx,
        s,
        None,
        MotionKind::ExtendTime,
        fa(
            "That the meeting be extended by 15 minutes",
            "تمدید جلسه به مدت ۱۵ دقیقه",
        ),
        carol,
        Some(erin),
    );
    motions::vote(
        &mut ctx,
        &TakeVote {
            motion_id: extend,
            how: HowVoted::Count(tally(3, 3, 0)),
            casting_vote: None,
            declared: Some(true),
            without_quorum: false,
            owner: None,
            due: None,
            number: None,
        },
    )
    .expect("declared");
    let adjourn = moved(
        &mut ctx,
        s,
        None,
        MotionKind::Adjourn,
        fa("That the meeting adjourn", "ختم جلسه"),
        bob,
        Some(alice),
    );
    vote(&mut ctx, adjourn, HowVoted::Count(tally(7, 0, 0)));
    Meeting { path, session: s }
}

/// Writes a generated document to $SHURA_MINUTES_OUT (to read it by hand), when set.
fn keep(name: &str, text: &str) {
    if let Some(dir) = std::env::var_os("SHURA_MINUTES_OUT") {
        std::fs::write(Path::new(&dir).join(name), text).unwrap();
    }
}

fn reopen(path: &Path) -> Store {
    Store::open(path, Actor::current()).expect("reopen")
}

/// The text of each list item (innermost) and each paragraph of a Markdown document.
fn md_blocks(md: &str) -> (Vec<String>, Vec<String>, String) {
    let mut items: Vec<String> = Vec::new();
    let mut paragraphs = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut para = String::new();
    let mut all = String::new();
    let mut html = 0;
    for ev in Parser::new(md) {
        match ev {
            Event::Start(Tag::Item) => stack.push(String::new()),
            Event::End(TagEnd::Item) => items.push(stack.pop().unwrap_or_default()),
            Event::Start(Tag::Paragraph) => para.clear(),
            Event::End(TagEnd::Paragraph) => {
                paragraphs.push(para.clone());
                all.push(' ');
                if let Some(top) = stack.last_mut() {
                    top.push(' ');
                }
            }
            Event::Text(t) | Event::Code(t) => {
                para.push_str(&t);
                all.push_str(&t);
                if let Some(top) = stack.last_mut() {
                    top.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                para.push(' ');
                all.push(' ');
            }
            Event::Html(_) | Event::InlineHtml(_) => html += 1,
            Event::End(_) => all.push(' '),
            _ => {}
        }
    }
    assert_eq!(html, 0, "stored markup must not become HTML:\n{md}");
    (items, paragraphs, all)
}

/// The names listed after "Side:" in the vote lists, one entry per list.
fn sides<'a>(items: &'a [String], side: &str) -> Vec<&'a str> {
    items
        .iter()
        .filter_map(|i| i.trim().strip_prefix(&format!("{side}:")))
        .collect()
}

#[test]
fn markdown_minutes_tell_the_procedure_with_names_under_each_side() {
    let dir = tempfile::tempdir().unwrap();
    let m = meeting(dir.path(), false);
    if let Some(out) = std::env::var_os("SHURA_MINUTES_OUT") {
        std::fs::copy(&m.path, Path::new(&out).join("board.db")).unwrap();
    }
    let store = reopen(&m.path);
    let rec = public_record(&store, store.session(m.session).unwrap(), Lang::En).unwrap();
    let md = shura::ops::export::minutes_markdown(&rec, &store, prefs(Lang::En)).unwrap();
    keep("minutes-board.md", &md);
    let (items, paras, all) = md_blocks(&md);

    // The roll call on the main motion: the names under the right side.
    // The lists in order: the unanimous agenda, the roll call, the old resolution.
    let for_ = sides(&items, "For");
    assert_eq!(for_.len(), 3, "{items:?}");
    assert!(for_[0].contains("Dan Secretary") && for_[0].contains("Dave Dunn"));
    let for_ = &for_[1..];
    assert!(for_[0].contains("Alice Chair") && for_[0].contains("Bob Baker"));
    assert!(for_[0].contains("Carol Cole") && !for_[0].contains("Dave Dunn"));
    assert!(sides(&items, "Against")[0].contains("Dave Dunn"));
    assert!(!sides(&items, "Against")[0].contains("Alice"));
    assert!(sides(&items, "Abstaining")[0].contains("Erin Eads"));
    assert!(sides(&items, "Not voting")[0].contains("Dan Secretary"));
    // The old path: the resolution's votes by name.
    assert!(for_[1].contains("Alice Chair") && for_[1].contains("Erin Eads"));
    assert!(sides(&items, "Against")[1].contains("Dave Dunn"));

    // The motion as amended, mover and seconder, the outcome sentence, the resolution.
    assert!(
        all.contains("That the roof and gutters be repaired for 12,000"),
        "{all}"
    );
    assert!(paras
        .iter()
        .any(|p| p == "Moved by Bob Baker, seconded by Carol Cole."));
    assert!(
        paras.iter().any(|p| p.contains(
            "The motion carried: 3 for, 1 against, 1 abstaining; needed 3 of 4 votes cast"
        )),
        "{paras:#?}"
    );
    assert!(all.contains("Vote: By roll call."));
    assert!(all.contains("It became resolution 1403/"), "{all}");
    // The amendments and their fate, each with its mover.
    assert!(all.contains("Moved by Dave Dunn, seconded by Erin Eads."));
    assert!(all.contains("The amendment failed: 1 for, 5 against, 0 abstaining"));
    assert!(all.contains("Amendment to the amendment"));
    assert!(all.contains("Moved by Carol Cole, seconded by Dave Dunn."));
    assert!(all.contains("The amendment carried: 5 for, 1 against"));
    // The recusal, with the member and the reason (and the bidi override gone).
    assert!(
        all.contains("Mallory Evil declared an interest and did not vote: owns the roofing firm."),
        "{all}"
    );
    assert!(!md.contains('\u{202e}'));
    // Item 2: no second, withdrawn, and the secret ballot with no names.
    assert!(all.contains("Moved by Dave Dunn; no seconder."));
    assert!(all.contains("It failed for lack of a second."));
    assert!(all.contains("Withdrawn by the mover."));
    assert!(all.contains("Secret ballot: count only."));
    assert!(all.contains("The motion carried: 4 for, 2 against, 1 abstaining"));
    assert_eq!(
        sides(&items, "For").len(),
        3,
        "the secret ballot lists no names"
    );
    assert!(
        !all.contains("Vote: Secret ballot"),
        "said once, with its count"
    );
    // The friendly amendment and the withdrawn one, each with its mover.
    assert!(all.contains("That Baker & Co be the auditor for two years"));
    assert!(
        all.contains("Moved by Erin Eads; no seconder. Accepted without objection."),
        "{all}"
    );
    assert!(all.contains("Moved by Dave Dunn, seconded by Bob Baker. Withdrawn by the mover."));
    // The chair's declaration.
    assert!(
        all.contains(
            "The motion failed: 3 for, 3 against, 0 abstaining; needed 4 of 6 votes cast; a tie; declared carried by the chair."
        ),
        "{all}"
    );
    // The opening, the consent agenda, the adjournment at the end.
    let opening = md.find("## Opening of the session").expect("opening part");
    let agenda = md.find("## Agenda").expect("agenda");
    let consent = md.find("## Consent agenda").expect("consent part");
    let end = md.find("## Motions of the session").expect("closing part");
    assert!(opening < consent && consent < agenda && agenda < end);
    assert!(md[end..].contains("Adjourn") && md[end..].contains("Extend time"));
    assert!(md[opening..consent].contains("Approve the agenda"));
    assert!(all.contains("Adopted together, by one vote: 4. Parking report; 5. Library donation."));
    assert!(all.contains("Adopted on the consent agenda: resolution"));
    // A resolution made by a motion is not listed again as a resolution.
    assert_eq!(
        all.matches("Resolution 1403/").count(),
        1,
        "only the old one: {all}"
    );
    // Stored markup is text.
    assert!(all.contains("<script>alert(1)</script>"));
    // The closed item: a line, no content.
    assert!(all.contains("Item 3 was taken in closed session."));
    for secret in ["Zed Zebulon", "Personnel matter", "given a warning"] {
        assert!(
            !md.contains(secret),
            "{secret} leaked into the public minutes"
        );
    }
}

#[test]
fn html_minutes_tell_the_same_and_escape_stored_text() {
    let dir = tempfile::tempdir().unwrap();
    let m = meeting(dir.path(), false);
    let store = reopen(&m.path);
    let rec = public_record(&store, store.session(m.session).unwrap(), Lang::En).unwrap();
    let html = shura::ops::export::minutes_html(&rec, &store, prefs(Lang::En)).unwrap();
    keep("minutes-board.html", &html);
    let doc = Html::parse_document(&html);
    let sel = |s: &str| Selector::parse(s).unwrap();
    assert_eq!(
        doc.select(&sel("script")).count(),
        0,
        "stored <script> stays text"
    );
    let lists: Vec<String> = doc
        .select(&sel("ul.votes li"))
        .map(|li| li.text().collect())
        .collect();
    let for_: Vec<&String> = lists.iter().filter(|l| l.starts_with("For:")).collect();
    assert_eq!(
        for_.len(),
        3,
        "agenda, roll call, old resolution: {lists:?}"
    );
    let for_ = &for_[1..];
    assert!(for_[0].contains("Alice Chair") && for_[0].contains("Carol Cole"));
    assert!(!for_[0].contains("Dave Dunn"));
    assert!(lists
        .iter()
        .any(|l| l.starts_with("Not voting:") && l.contains("Dan Secretary")));
    let body: String = doc.select(&sel("body")).next().unwrap().text().collect();
    assert!(body.contains("<script>alert(1)</script>"));
    assert!(body.contains("Moved by Bob Baker, seconded by Carol Cole."));
    assert!(body
        .contains("The motion carried: 3 for, 1 against, 1 abstaining; needed 3 of 4 votes cast"));
    assert!(
        body.contains("Mallory Evil declared an interest and did not vote: owns the roofing firm.")
    );
    assert!(body.contains("Secret ballot: count only."));
    assert!(body.contains("Item 3 was taken in closed session."));
    assert!(!html.contains("Zed Zebulon") && !html.contains("Personnel matter"));
    assert!(!html.contains('\u{202e}'));
    // The secret ballot's motion block has no names.
    let secret_block = doc
        .select(&sel("div.motion"))
        .find(|d| d.text().collect::<String>().contains("Secret ballot"))
        .expect("secret ballot block");
    assert_eq!(secret_block.select(&sel("ul.votes")).count(), 0);
    // Amendments sit inside their motion.
    assert!(
        doc.select(&sel(
            "div.motion div.amendments div.motion div.amendments div.motion"
        ))
        .count()
            >= 1
    );
}

#[test]
fn the_closed_part_is_for_members_and_holds_what_the_public_minutes_leave_out() {
    let dir = tempfile::tempdir().unwrap();
    let m = meeting(dir.path(), false);
    let store = reopen(&m.path);
    // The database's creator (an administrator) may read it.
    let ctx = Context::new(store, prefs(Lang::En));
    let rec = closed_record(&ctx, ctx.store.session(m.session).unwrap()).unwrap();
    let md = shura::ops::export::minutes_markdown(&rec, &ctx.store, prefs(Lang::En)).unwrap();
    let html = shura::ops::export::minutes_html(&rec, &ctx.store, prefs(Lang::En)).unwrap();
    keep("minutes-board-closed.md", &md);
    let (items, _, all) = md_blocks(&md);
    assert!(all.contains("Closed session"));
    assert!(all.contains("Confidential: for the members of the body and administrators only."));
    assert!(all.contains("Personnel matter"));
    assert!(all.contains("The board discussed the conduct of Zed Zebulon."));
    assert!(all.contains("That Zed Zebulon be given a warning"));
    assert!(sides(&items, "For")[0].contains("Alice Chair"));
    assert!(sides(&items, "Against")[0].contains("Bob Baker"));
    // Only the closed part: the open items are not repeated.
    assert!(!all.contains("Roof repair") && !all.contains("Adjourn"));
    let doc = Html::parse_document(&html);
    let body: String = doc
        .select(&Selector::parse("body").unwrap())
        .next()
        .unwrap()
        .text()
        .collect();
    assert!(body.contains("That Zed Zebulon be given a warning"));

    // Someone with no role in the body is refused, in words naming what is needed.
    let mut store = reopen(&m.path);
    store.actor = Actor {
        uid: 4242,
        login: "stranger".into(),
    };
    let ctx = Context::new(store, prefs(Lang::En));
    match closed_record(&ctx, ctx.store.session(m.session).unwrap()) {
        Err(StoreError::Denied(msg)) => {
            assert!(
                msg.contains("reading what was taken in closed session"),
                "{msg}"
            );
            assert!(msg.contains("one of its members"), "{msg}");
        }
        other => panic!("a stranger read the closed part: {:?}", other.map(|_| ())),
    }
    // …and sees the session without the closed item's content.
    let rec = visible_record(&ctx.store, ctx.store.session(m.session).unwrap(), Lang::En).unwrap();
    let closed = rec.agenda.iter().find(|a| a.item.closed).unwrap();
    assert!(closed.redacted && closed.item.title.is_empty() && closed.motions.is_empty());
    assert!(closed.item.minutes.is_none() && closed.resolutions.is_empty());
    let json = serde_json::to_string(&rec).unwrap();
    assert!(!json.contains("Zebulon") && !json.contains("Personnel"));
    // The record itself (for those who may) holds the motions per item.
    let full = session_record(&ctx.store, ctx.store.session(m.session).unwrap(), Lang::En).unwrap();
    assert_eq!(
        full.agenda[0].motions.len(),
        4,
        "main motion and three amendments"
    );
    assert_eq!(
        full.motions.len(),
        4,
        "approve agenda, consent, extend time, adjourn"
    );
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
fn persian_minutes_are_persian_with_persian_digits_and_rtl() {
    let dir = tempfile::tempdir().unwrap();
    let m = meeting(dir.path(), true);
    let store = reopen(&m.path);
    let rec = public_record(&store, store.session(m.session).unwrap(), Lang::Fa).unwrap();
    let md = shura::ops::export::minutes_markdown(&rec, &store, prefs(Lang::Fa)).unwrap();
    let html = shura::ops::export::minutes_html(&rec, &store, prefs(Lang::Fa)).unwrap();
    keep("minutes-council.md", &md);
    keep("minutes-council.html", &html);
    let (items, _, all) = md_blocks(&md);
    // Stored text entered in Latin: the place, and the script in a motion.
    let latin = ["Reading Room", "<script>alert(1)</script>"];
    let bad = no_ascii_letters_but(&all, &latin);
    assert!(
        bad.is_empty(),
        "English words in Persian minutes: {bad:?}\n{md}"
    );
    // Under the council's rule (a majority of those present), 3 of 6 is not enough.
    assert!(
        all.contains(
            "نتیجهٔ رأی‌گیری: رد شد: ۳ موافق، ۱ مخالف، ۱ ممتنع؛ حد لازم ۴ رأی از ۶ نفر اعضای حاضر"
        ),
        "{all}"
    );
    assert!(
        all.contains("به شمارهٔ ۱۴۰۳/۱/۱ مصوبه شد."),
        "Persian digits: {all}"
    );
    assert!(all.contains("به پیشنهاد بهرام احمدی و تأیید کاوه رحیمی."));
    // [0] is the unanimous vote on the agenda; [1] the roll call on item 1.
    assert!(sides(&items, "موافق")[1].contains("سارا کریمی"));
    assert!(!sides(&items, "موافق")[1].contains("داوود نوری"));
    assert!(sides(&items, "مخالف")[0].contains("داوود نوری"));
    assert!(sides(&items, "بدون رأی")[0].contains("دبیر شورا"));
    assert!(all.contains("رأی مخفی: فقط شمارش آرا."));
    assert!(all.contains("مهرداد شریفی اعلام تعارض منافع کرد و رأی نداد: مالک شرکت بام‌سازی است."));
    assert!(all.contains("دستور ۳ در جلسهٔ غیرعلنی بررسی شد."));
    assert!(!md.contains("زبولون"));
    let doc = Html::parse_document(&html);
    let root = doc
        .select(&Selector::parse("html").unwrap())
        .next()
        .unwrap();
    assert_eq!(root.value().attr("dir"), Some("rtl"));
    let text: String = root
        .select(&Selector::parse("body").unwrap())
        .next()
        .unwrap()
        .text()
        .collect();
    let bad = no_ascii_letters_but(&text, &latin);
    assert!(bad.is_empty(), "English words in Persian HTML: {bad:?}");
    assert!(text.contains("۳ موافق"));
}

// ---- The command line, run as other Unix users (needs root, as CI runs).

use common::{is_root, shura_as};

#[test]
fn cli_closed_minutes_refused_to_a_non_member_and_given_to_the_secretary() {
    if !is_root() {
        eprintln!("SKIPPED: runs shura as the users nobody and daemon, which needs root (CI runs as root)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
    let m = meeting(dir.path(), false);
    for suffix in ["", "-wal", "-shm"] {
        let p = PathBuf::from(format!("{}{suffix}", m.path.display()));
        if p.exists() {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o666)).unwrap();
        }
    }
    let sid = m.session.to_string();
    let nobody = Some((65534, 65534));
    let daemon = Some((1, 1)); // Dan Secretary's login
    let (code, out, err) = shura_as(
        dir.path(),
        &m.path,
        nobody,
        &["export", "minutes", &sid, "--closed"],
    );
    assert_ne!(code, 0, "nobody read the closed part: {out}");
    assert!(err.contains("refused:"), "{err}");
    assert!(
        err.contains("reading what was taken in closed session"),
        "{err}"
    );
    assert!(!out.contains("Zebulon"));
    // The public minutes are for anyone, without the closed content.
    let (code, out, err) = shura_as(dir.path(), &m.path, nobody, &["export", "minutes", &sid]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Item 3 was taken in closed session."));
    assert!(!out.contains("Zebulon"));
    // session show, text and JSON, leaves it out for nobody, shows the motions.
    let (code, out, err) = shura_as(dir.path(), &m.path, nobody, &["session", "show", &sid]);
    assert_eq!(code, 0, "{err}");
    assert!(!out.contains("Zebulon") && out.contains("Item 3 was taken in closed session."));
    assert!(
        out.contains("Moved by Bob Baker, seconded by Carol Cole."),
        "{out}"
    );
    let (code, out, _) = shura_as(
        dir.path(),
        &m.path,
        nobody,
        &["session", "show", &sid, "--json"],
    );
    assert_eq!(code, 0);
    assert!(!out.contains("Zebulon"));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["agenda"][0]["motions"].as_array().unwrap().len(), 4);
    assert_eq!(
        v["agenda"][0]["motions"][0]["votes"]
            .as_array()
            .unwrap()
            .len(),
        6
    );
    assert_eq!(v["agenda"][0]["motions"][0]["mover"]["en"], "Bob Baker");
    // agenda list too, in its table and its JSON.
    let (code, out, err) = shura_as(dir.path(), &m.path, nobody, &["agenda", "list", &sid]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("Closed session") && !out.contains("Personnel matter"),
        "{out}"
    );
    let (_, out, _) = shura_as(
        dir.path(),
        &m.path,
        nobody,
        &["agenda", "list", &sid, "--json"],
    );
    assert!(
        !out.contains("Personnel matter") && !out.contains("Zebulon"),
        "{out}"
    );
    // The secretary gets the closed part, and sees it in session show.
    let (code, out, err) = shura_as(
        dir.path(),
        &m.path,
        daemon,
        &["export", "minutes", &sid, "--closed"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("That Zed Zebulon be given a warning"), "{out}");
    let (code, out, err) = shura_as(dir.path(), &m.path, daemon, &["session", "show", &sid]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Zebulon"));
    // Marking an item closed by hand: the secretary may, nobody may not.
    let (code, _, err) = shura_as(dir.path(), &m.path, nobody, &["agenda", "closed", "1"]);
    assert_ne!(code, 0);
    assert!(err.contains("editing the agenda"), "{err}");
    let (code, out, err) = shura_as(dir.path(), &m.path, daemon, &["agenda", "closed", "1"]);
    assert_eq!(code, 0, "{err}");
    assert!(
        out.contains("agenda item 1 is now taken in closed session"),
        "{out}"
    );
    let (_, out, _) = shura_as(dir.path(), &m.path, nobody, &["export", "minutes", &sid]);
    assert!(out.contains("Item 1 was taken in closed session.") && !out.contains("Roof repair"));
    let (code, _, err) = shura_as(
        dir.path(),
        &m.path,
        daemon,
        &["agenda", "closed", "1", "--off"],
    );
    assert_eq!(code, 0, "{err}");
    let (_, out, _) = shura_as(dir.path(), &m.path, nobody, &["export", "minutes", &sid]);
    assert!(out.contains("Roof repair"));
}

#[test]
fn the_session_screen_shows_a_stranger_only_that_an_item_was_closed() {
    use ratatui::backend::TestBackend;
    use ratatui::Terminal;
    let dir = tempfile::tempdir().unwrap();
    let m = meeting(dir.path(), false);
    let screen = |login: &str, row: usize| {
        let mut store = reopen(&m.path);
        store.actor = Actor {
            uid: 4242,
            login: login.into(),
        };
        let mut app = shura::app::state::App::new(Context::new(store, prefs(Lang::En)));
        app.open_session_screen(m.session).unwrap();
        if let Some(v) = app.session.as_mut() {
            v.agenda.selected = row;
        }
        app.resize(40);
        let mut terminal = Terminal::new(TestBackend::new(160, 40)).unwrap();
        terminal
            .draw(|f| shura::tui::draw::draw(f, &app, &shura::tui::theme::Theme::monochrome()))
            .unwrap();
        let buf = terminal.backend().buffer();
        let mut text = String::new();
        for y in 0..buf.area.height {
            for x in 0..buf.area.width {
                text.push_str(buf[(x, y)].symbol());
            }
            text.push('\n');
        }
        (
            app.session.as_ref().unwrap().record.agenda[2].redacted,
            text,
        )
    };
    let (redacted, text) = screen("stranger", 2);
    assert!(redacted);
    assert!(
        text.contains("Item 3 was taken in closed session."),
        "{text}"
    );
    assert!(
        !text.contains("Personnel matter") && !text.contains("Zebulon"),
        "{text}"
    );
    assert!(
        text.contains("Roof repair"),
        "the open items are shown: {text}"
    );
}
