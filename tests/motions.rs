//! Motions and votes through `ops::motions` on a real database file: the body's rule
//! applied to a table of cases worked out by hand, amendments, recusals, the quorum
//! following who is in the room, members voting for themselves only, and secret ballots
//! that store no names.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::path::PathBuf;

use chrono::NaiveDate;
use shura::identity::Actor;
use shura::locale::{Lang, Prefs};
use shura::model::rules::{MeetingRule, QuorumRule};
use shura::model::voting::{Choice, MotionKind, MotionStatus, Procedure, VotingRule};
use shura::model::*;
use shura::ops::motions::{self, HowVoted, MoveMotion, TakeVote};
use shura::ops::Context;
use shura::store::write::*;
use shura::store::{Refusal, Store, StoreError};
use tempfile::TempDir;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

/// A body of `members` voting members (member i has login `m{i}`), one open session
/// with one agenda item, and the first `present` members marked present.
struct World {
    _dir: TempDir,
    db: PathBuf,
    session: i64,
    item: i64,
    people: Vec<i64>,
}

fn world(
    rule: &str,
    quorum: QuorumRule,
    members: usize,
    present: usize,
    second_required: bool,
    number_rejected: bool,
) -> World {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("council.db");
    let mut store = Store::open(&db, Actor::current()).unwrap();
    let body = store
        .add_body(&NewBody {
            name: Name::new(None, Some("Library Board".into())),
            kind: BodyKind::Council,
            parent_id: None,
            quorum,
            meeting_rule: MeetingRule::None,
            resolution_format: "{seq}".into(),
            agenda_template: vec![],
            confidential: false,
            formed_on: Some(day("2026-01-01")),
            procedure: Procedure {
                voting_rule: VotingRule::parse(rule).unwrap(),
                second_required,
                number_rejected,
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
    for i in 0..members {
        let p = store
            .add_person(&NewPerson {
                name: Name::new(None, Some(format!("Member {i}"))),
                login: Some(format!("m{i}")),
                organization: None,
                email: None,
            })
            .unwrap();
        store
            .add_membership(&NewMembership {
                body_id: body,
                person_id: p,
                role: if i == 0 { Role::Chair } else { Role::Member },
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
    let item = store
        .add_agenda_item(&NewAgendaItem {
            session_id: session,
            title: "Branch hours".into(),
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
        store.set_attendance(session, *p, mark).unwrap();
    }
    World {
        _dir: dir,
        db,
        session,
        item,
        people,
    }
}

impl World {
    /// The creator of the database (an administrator) at the keyboard.
    fn ctx(&self) -> Context {
        Context::new(
            Store::open(&self.db, Actor::current()).unwrap(),
            Prefs::default(),
        )
    }

    /// Member `i` at the keyboard (their login; uid is not what identifies them here).
    fn member(&self, i: usize) -> Context {
        let actor = Actor {
            uid: 60_000 + i as u32,
            login: format!("m{i}"),
        };
        Context::new(Store::open(&self.db, actor).unwrap(), Prefs::default())
    }

    fn motion(&self, ctx: &mut Context, kind: MotionKind, text: &str) -> i64 {
        motions::move_motion(
            ctx,
            &MoveMotion {
                session_id: self.session,
                item_id: Some(self.item),
                kind,
                text: text.into(),
                mover: Some(self.people[1]),
                seconder: Some(self.people[2]),
                at: Some("18:05".into()),
            },
        )
        .unwrap()
        .id
    }
}

fn take(motion_id: i64, how: HowVoted) -> TakeVote {
    TakeVote {
        motion_id,
        how,
        casting_vote: None,
        declared: None,
        without_quorum: false,
        owner: None,
        due: None,
        number: None,
    }
}

fn count(yes: i64, no: i64, abstain: i64) -> HowVoted {
    HowVoted::Count(Tally { yes, no, abstain })
}

fn refusal(e: StoreError) -> Refusal {
    match e {
        StoreError::Refused(r) => r,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// One row of the table: the body's rule, who is in the room, the tally, and what the
/// rule gives, worked out by hand in the comment.
struct Case {
    why: &'static str,
    rule: &'static str,
    quorum: QuorumRule,
    members: usize,
    present: usize,
    kind: MotionKind,
    tally: (i64, i64, i64),
    carried: bool,
    needed: u32,
    of: u32,
}

#[test]
fn the_rule_decides_on_a_table_of_cases_worked_out_by_hand() {
    use MotionKind::*;
    let cases = [
        // 9 of 11 present; more than half of those present: 9/2+1 = 5; 4 for fails:
        // the 2 abstentions count against.
        Case {
            why: "iran-council, abstentions against",
            rule: "iran-council",
            quorum: QuorumRule::TwoThirds,
            members: 11,
            present: 9,
            kind: Substantive,
            tally: (4, 3, 2),
            carried: false,
            needed: 5,
            of: 9,
        },
        // Same room under Robert's: votes cast 4+3 = 7; 7/2+1 = 4; 4 for carries.
        Case {
            why: "roberts, abstentions ignored",
            rule: "roberts",
            quorum: QuorumRule::Majority,
            members: 11,
            present: 9,
            kind: Substantive,
            tally: (4, 3, 2),
            carried: true,
            needed: 4,
            of: 7,
        },
        // iran-council, 6 of 9 present for: 6 >= 5 carries.
        Case {
            why: "iran-council, clear majority",
            rule: "iran-council",
            quorum: QuorumRule::TwoThirds,
            members: 11,
            present: 9,
            kind: Substantive,
            tally: (6, 2, 1),
            carried: true,
            needed: 5,
            of: 9,
        },
        // A closed session needs two thirds of those present: ceil(2*9/3) = 6; 5 fails.
        Case {
            why: "closed session two thirds",
            rule: "iran-council",
            quorum: QuorumRule::TwoThirds,
            members: 11,
            present: 9,
            kind: ClosedSession,
            tally: (5, 4, 0),
            carried: false,
            needed: 6,
            of: 9,
        },
        // 6 of 9 for a closed session: carries.
        Case {
            why: "closed session carried",
            rule: "iran-council",
            quorum: QuorumRule::TwoThirds,
            members: 11,
            present: 9,
            kind: ClosedSession,
            tally: (6, 3, 0),
            carried: true,
            needed: 6,
            of: 9,
        },
        // Robert's tie 4-4: needs 8/2+1 = 5; fails.
        Case {
            why: "tie fails",
            rule: "roberts",
            quorum: QuorumRule::Majority,
            members: 9,
            present: 8,
            kind: Substantive,
            tally: (4, 4, 0),
            carried: false,
            needed: 5,
            of: 8,
        },
        // Nothing cast: base 0, needs 1: fails.
        Case {
            why: "0/0/0 does not carry",
            rule: "roberts",
            quorum: QuorumRule::Majority,
            members: 5,
            present: 5,
            kind: Substantive,
            tally: (0, 0, 0),
            carried: false,
            needed: 1,
            of: 0,
        },
        // Two thirds of the members in office (12): ceil(24/3) = 8; 7 fails though
        // 7 of 9 present voted for.
        Case {
            why: "two thirds of members in office",
            rule: "basis=members;threshold=two_thirds",
            quorum: QuorumRule::Majority,
            members: 12,
            present: 9,
            kind: Substantive,
            tally: (7, 2, 0),
            carried: false,
            needed: 8,
            of: 12,
        },
        // Votes cast with abstentions counted against: 4+3+2 = 9; needs 5; 4 fails.
        Case {
            why: "votes cast, abstentions against",
            rule: "basis=cast;abstentions=against",
            quorum: QuorumRule::Majority,
            members: 9,
            present: 9,
            kind: Substantive,
            tally: (4, 3, 2),
            carried: false,
            needed: 5,
            of: 9,
        },
        // A procedural motion follows the general rule: approve the agenda 3-1 of 4
        // cast (Robert's): needs 3; carries.
        Case {
            why: "procedural motion",
            rule: "roberts",
            quorum: QuorumRule::Majority,
            members: 5,
            present: 5,
            kind: ApproveAgenda,
            tally: (3, 1, 1),
            carried: true,
            needed: 3,
            of: 4,
        },
    ];
    for c in cases {
        let w = world(c.rule, c.quorum, c.members, c.present, false, false);
        let mut ctx = w.ctx();
        let m = w.motion(&mut ctx, c.kind, "That the branch opens on Saturdays.");
        let r = motions::vote(&mut ctx, &take(m, count(c.tally.0, c.tally.1, c.tally.2))).unwrap();
        assert_eq!(r.outcome.carried, c.carried, "{}: {r:?}", c.why);
        assert_eq!(
            (r.outcome.needed, r.outcome.of),
            (c.needed, c.of),
            "{}",
            c.why
        );
        let status = if c.carried {
            MotionStatus::Carried
        } else {
            MotionStatus::Failed
        };
        assert_eq!(r.motion.status, status, "{}", c.why);
        // A carried main motion, and only that, is a resolution; procedural ones never.
        let made = c.carried && c.kind == Substantive;
        assert_eq!(r.resolutions.len(), usize::from(made), "{}", c.why);
        if made {
            assert_eq!(r.resolutions[0].decision, Decision::Adopted);
            assert_eq!(r.resolutions[0].text, "That the branch opens on Saturdays.");
        }
        // The rule in force is stored with the vote.
        let ballot = ctx.store.ballot(m).unwrap().unwrap();
        assert_eq!(ballot.rule, VotingRule::parse(c.rule).unwrap(), "{}", c.why);
        assert_eq!(ballot.room.present, c.present as u32, "{}", c.why);
    }
}

#[test]
fn a_tally_larger_than_the_room_is_refused_naming_both_numbers() {
    let w = world("roberts", QuorumRule::Fixed(3), 9, 4, false, false);
    let mut ctx = w.ctx();
    let m = w.motion(&mut ctx, MotionKind::Substantive, "Buy chairs");
    let e = motions::vote(&mut ctx, &take(m, count(9, 0, 0))).unwrap_err();
    let msg = shura::locale::Localized::message(&e, Lang::En);
    assert!(msg.contains('9') && msg.contains('4'), "{msg}");
    assert!(matches!(refusal(e), Refusal::Vote(_)));
    // Nothing was written: the motion is still pending, no ballot.
    assert_eq!(ctx.store.motion(m).unwrap().status, MotionStatus::Pending);
    assert!(ctx.store.ballot(m).unwrap().is_none());
}

#[test]
fn ties_and_the_chairs_casting_vote() {
    let w = world(
        "roberts;tie=chair",
        QuorumRule::Majority,
        9,
        8,
        false,
        false,
    );
    let mut ctx = w.ctx();
    let m = w.motion(&mut ctx, MotionKind::Substantive, "Extend hours");
    let mut v = take(m, count(4, 4, 0));
    v.casting_vote = Some(Vote::Yes);
    let r = motions::vote(&mut ctx, &v).unwrap();
    assert!(r.outcome.carried);
    assert!(
        r.outcome.explanation(Lang::En).contains("chair"),
        "{:?}",
        r.outcome
    );
    // Where the rule gives no casting vote, one is refused.
    let w = world("roberts", QuorumRule::Majority, 9, 8, false, false);
    let mut ctx = w.ctx();
    let m = w.motion(&mut ctx, MotionKind::Substantive, "Extend hours");
    let mut v = take(m, count(4, 4, 0));
    v.casting_vote = Some(Vote::Yes);
    assert!(motions::vote(&mut ctx, &v).is_err());
}

#[test]
fn a_chair_declaring_otherwise_is_recorded() {
    let w = world("roberts", QuorumRule::Majority, 5, 5, false, false);
    let mut ctx = w.ctx();
    let m = w.motion(&mut ctx, MotionKind::Substantive, "Close early");
    let mut v = take(m, count(3, 2, 0));
    v.declared = Some(false);
    let r = motions::vote(&mut ctx, &v).unwrap();
    assert!(r.outcome.carried, "the rule gives carried");
    assert_eq!(
        r.motion.status,
        MotionStatus::Failed,
        "the chair declared it failed"
    );
    let b = ctx.store.ballot(m).unwrap().unwrap();
    assert_eq!(b.declared, Some(false));
    assert_eq!(b.carried, Some(true));
    let view = motions::motion_views(&ctx.store, w.session, Lang::En).unwrap();
    let o = view[0].outcome.as_ref().unwrap();
    assert!(!o.carried && o.rule_gave && o.declared);
    assert!(
        o.explanation.contains("declared failed by the chair"),
        "{}",
        o.explanation
    );
}

#[test]
fn recusal_leaves_the_member_out_of_the_vote_and_of_the_count() {
    // 9 present of 11, one recused: iran-council needs more than half of the 8 who may
    // vote, 5.
    let w = world("iran-council", QuorumRule::TwoThirds, 11, 9, false, false);
    let mut ctx = w.ctx();
    motions::declare_conflict(&mut ctx, w.item, w.people[3], "owns the building").unwrap();
    let m = w.motion(&mut ctx, MotionKind::Substantive, "Lease the building");
    let (text, room) = motions::requirement_now(&ctx, &ctx.store.motion(m).unwrap()).unwrap();
    assert_eq!(text, "needs 5 of 8 members present (1 recused)");
    assert_eq!(room.recused_ids, vec![w.people[3]]);
    // The recused member named in a roll call is refused.
    let roll: Vec<(i64, Choice)> = w.people[..9].iter().map(|p| (*p, Choice::Yes)).collect();
    let e = motions::vote(&mut ctx, &take(m, HowVoted::Roll(roll))).unwrap_err();
    assert!(
        shura::locale::Localized::message(&e, Lang::En).contains("Member 3"),
        "{e:?}"
    );
    // A count of 9 has no place for the recused member's vote.
    assert!(motions::vote(&mut ctx, &take(m, count(9, 0, 0))).is_err());
    // A unanimous vote is a "for" from the 8 who may vote.
    let r = motions::vote(&mut ctx, &take(m, HowVoted::Unanimous)).unwrap();
    assert_eq!(r.outcome.yes, 8);
    assert!(r.outcome.carried);
    let votes = ctx.store.ballot_votes(m).unwrap();
    assert_eq!(votes.len(), 8);
    assert!(votes.iter().all(|v| v.person_id != w.people[3]));
    let view = &motions::motion_views(&ctx.store, w.session, Lang::En).unwrap()[0];
    assert_eq!(view.recused.len(), 1);
    assert_eq!(view.recused[0].reason, "owns the building");
    // The resolution's own votes are the same 8.
    let res = &r.resolutions[0];
    assert_eq!(ctx.store.votes(res.id).unwrap().len(), 8);
}

#[test]
fn quorum_lost_mid_session_refuses_the_vote_unless_taken_without_it() {
    // Quorum a majority of 5: 3. Four present, then two leave.
    let w = world("roberts", QuorumRule::Majority, 5, 4, false, false);
    let mut ctx = w.ctx();
    let m1 = w.motion(&mut ctx, MotionKind::Substantive, "First");
    motions::vote(&mut ctx, &take(m1, count(3, 1, 0))).unwrap();
    ctx.store
        .set_attendance(w.session, w.people[2], Presence::Absent)
        .unwrap();
    ctx.store
        .set_attendance(w.session, w.people[3], Presence::Absent)
        .unwrap();
    let m2 = w.motion(&mut ctx, MotionKind::Substantive, "Second");
    let e = motions::vote(&mut ctx, &take(m2, count(2, 0, 0))).unwrap_err();
    match refusal(e) {
        Refusal::Vote(p) => assert_eq!(p.code(), "no_quorum"),
        other => panic!("{other:?}"),
    }
    let mut v = take(m2, count(2, 0, 0));
    v.without_quorum = true;
    let r = motions::vote(&mut ctx, &v).unwrap();
    assert!(r.outcome.carried);
    let b = ctx.store.ballot(m2).unwrap().unwrap();
    assert!(b.without_quorum);
    assert_eq!(b.room.present, 2);
    // Each vote keeps who was in the room at that moment.
    assert_eq!(ctx.store.ballot(m1).unwrap().unwrap().present_ids.len(), 4);
    assert_eq!(b.present_ids, vec![w.people[0], w.people[1]]);
    let view = motions::motion_views(&ctx.store, w.session, Lang::En).unwrap();
    assert!(view[1]
        .outcome
        .as_ref()
        .unwrap()
        .explanation
        .contains("without quorum"));
}

#[test]
fn amendments_first_and_second_degree() {
    let w = world("roberts", QuorumRule::Majority, 5, 5, false, false);
    let mut ctx = w.ctx();
    let main = w.motion(
        &mut ctx,
        MotionKind::Substantive,
        "Open on Saturdays 10-14.",
    );
    let a1 = motions::amend(
        &mut ctx,
        main,
        "Open on Saturdays 9-17.",
        Some(w.people[3]),
        Some(w.people[4]),
        None,
    )
    .unwrap();
    // The main motion waits for its amendment.
    let e = motions::vote(&mut ctx, &take(main, count(5, 0, 0))).unwrap_err();
    assert!(matches!(refusal(e), Refusal::Motion(_)));
    let a2 = motions::amend(
        &mut ctx,
        a1.id,
        "Open on Saturdays 9-15.",
        Some(w.people[2]),
        None,
        None,
    )
    .unwrap();
    // No third degree.
    assert!(motions::amend(&mut ctx, a2.id, "x", None, None, None).is_err());
    // The second-degree amendment carries: the first amendment takes its text.
    motions::vote(&mut ctx, &take(a2.id, count(3, 2, 0))).unwrap();
    assert_eq!(
        ctx.store.motion(a1.id).unwrap().final_text,
        "Open on Saturdays 9-15."
    );
    // The first amendment (as amended) fails: the main motion keeps its text.
    let r = motions::vote(&mut ctx, &take(a1.id, count(2, 3, 0))).unwrap();
    assert_eq!(r.motion.status, MotionStatus::Failed);
    assert_eq!(
        ctx.store.motion(main).unwrap().final_text,
        "Open on Saturdays 10-14."
    );
    // A friendly amendment accepted without objection changes it.
    let a3 = motions::amend(
        &mut ctx,
        main,
        "Open on Saturdays 10-16.",
        Some(w.people[1]),
        None,
        None,
    )
    .unwrap();
    motions::accept(&mut ctx, a3.id).unwrap();
    assert_eq!(
        ctx.store.motion(a3.id).unwrap().status,
        MotionStatus::Accepted
    );
    let r = motions::vote(&mut ctx, &take(main, count(4, 1, 0))).unwrap();
    assert_eq!(r.resolutions[0].text, "Open on Saturdays 10-16.");
    assert_eq!(r.motion.resolution_id, Some(r.resolutions[0].id));
    let views = motions::motion_views(&ctx.store, w.session, Lang::En).unwrap();
    let degrees: Vec<u8> = views.iter().map(|v| v.degree).collect();
    assert_eq!(degrees, vec![0, 1, 2, 1]);
}

#[test]
fn a_second_when_the_body_requires_one_and_failing_for_lack_of_it() {
    let w = world("roberts", QuorumRule::Majority, 5, 5, true, false);
    let mut ctx = w.ctx();
    let m = motions::move_motion(
        &mut ctx,
        &MoveMotion {
            session_id: w.session,
            item_id: Some(w.item),
            kind: MotionKind::Substantive,
            text: "Ban food".into(),
            mover: Some(w.people[1]),
            seconder: None,
            at: None,
        },
    )
    .unwrap();
    let e = motions::vote(&mut ctx, &take(m.id, count(3, 0, 0))).unwrap_err();
    match refusal(e) {
        Refusal::Motion(p) => assert_eq!(p.code(), "needs_second"),
        other => panic!("{other:?}"),
    }
    // The mover cannot second their own motion.
    assert!(motions::second(&mut ctx, m.id, w.people[1]).is_err());
    let lapsed = motions::lapse(&mut ctx, m.id).unwrap();
    assert_eq!(lapsed.status, MotionStatus::NoSecond);
    // Nothing more can happen to it.
    assert!(motions::second(&mut ctx, m.id, w.people[2]).is_err());
    assert!(motions::withdraw(&mut ctx, m.id).is_err());
}

#[test]
fn rejected_main_motions_are_numbered_only_when_the_body_says_so() {
    for numbered in [false, true] {
        let w = world("roberts", QuorumRule::Majority, 5, 5, false, numbered);
        let mut ctx = w.ctx();
        let m = w.motion(&mut ctx, MotionKind::Substantive, "Sell the van");
        let r = motions::vote(&mut ctx, &take(m, count(1, 4, 0))).unwrap();
        assert_eq!(r.resolutions.len(), usize::from(numbered));
        if numbered {
            assert_eq!(r.resolutions[0].decision, Decision::Rejected);
            assert_eq!(r.resolutions[0].status, WorkStatus::Cancelled);
        }
    }
}

#[test]
fn members_vote_for_themselves_only_while_the_vote_is_open() {
    let w = world("iran-council", QuorumRule::TwoThirds, 5, 4, false, false);
    let mut sec = w.ctx();
    motions::declare_conflict(&mut sec, w.item, w.people[2], "").unwrap();
    let m = w.motion(&mut sec, MotionKind::Substantive, "Hire a cataloguer");
    // Before the vote is open, nobody votes.
    let mut m0 = w.member(0);
    assert!(motions::cast_own(&mut m0, m, Choice::Yes).is_err());
    motions::open_vote(&mut sec, m, false).unwrap();
    // A member present votes for themself, and may change their mind while open.
    motions::cast_own(&mut m0, m, Choice::No).unwrap();
    motions::cast_own(&mut m0, m, Choice::Yes).unwrap();
    let mut m1 = w.member(1);
    motions::cast_own(&mut m1, m, Choice::Abstain).unwrap();
    // Recused, absent, or nobody's login: refused.
    assert!(motions::cast_own(&mut w.member(2), m, Choice::Yes).is_err());
    assert!(motions::cast_own(&mut w.member(4), m, Choice::Yes).is_err());
    let stranger = Actor {
        uid: 61_000,
        login: "stranger".into(),
    };
    let mut s = Context::new(Store::open(&w.db, stranger).unwrap(), Prefs::default());
    match refusal(motions::cast_own(&mut s, m, Choice::Yes).unwrap_err()) {
        Refusal::Motion(p) => assert_eq!(p.code(), "no_person_for_login"),
        other => panic!("{other:?}"),
    }
    // A member cannot close the vote or enter another's vote.
    assert!(motions::close_vote(&mut m1, m, None, None).is_err());
    assert!(motions::cast_for(&mut m1, m, w.people[3], Choice::Yes).is_err());
    // The secretary enters the vote of a member without a terminal.
    motions::cast_for(&mut sec, m, w.people[3], Choice::Yes).unwrap();
    let live = motions::live_tally(&sec.store, m).unwrap();
    assert_eq!(
        (live.tally.yes, live.tally.no, live.tally.abstain),
        (2, 0, 1)
    );
    assert_eq!((live.voted, live.eligible), (3, 3));
    let r = motions::close_vote(&mut sec, m, None, None).unwrap();
    // iran-council: 4 present, 1 recused: needs 2 of 3; 2 for carries.
    assert!(r.outcome.carried, "{:?}", r.outcome);
    assert_eq!((r.outcome.needed, r.outcome.of), (2, 3));
    let votes = sec.store.ballot_votes(m).unwrap();
    let by = |p: i64| {
        votes
            .iter()
            .find(|v| v.person_id == p)
            .unwrap()
            .cast_by
            .clone()
    };
    assert_eq!(by(w.people[0]), "m0");
    assert_eq!(by(w.people[1]), "m1");
    assert_eq!(by(w.people[3]), Actor::current().login);
    // After the close, no more votes.
    assert!(motions::cast_own(&mut m0, m, Choice::No).is_err());
}

#[test]
fn a_secret_ballot_never_stores_a_name() {
    let w = world("roberts", QuorumRule::Majority, 5, 5, false, false);
    let mut ctx = w.ctx();
    let m = w.motion(&mut ctx, MotionKind::Substantive, "Elect the treasurer");
    let r = motions::vote(
        &mut ctx,
        &take(
            m,
            HowVoted::Secret(Tally {
                yes: 3,
                no: 1,
                abstain: 1,
            }),
        ),
    )
    .unwrap();
    assert!(r.outcome.carried);
    assert!(ctx.store.ballot_votes(m).unwrap().is_empty());
    assert!(ctx.store.votes(r.resolutions[0].id).unwrap().is_empty());
    // The database itself refuses a name on a secret ballot.
    let raw = rusqlite::Connection::open(&w.db).unwrap();
    let e = raw.execute(
        "INSERT INTO ballot_vote(motion_id, person_id, vote, cast_by, at) VALUES (?1, ?2, 'yes', 'x', 'now')",
        rusqlite::params![m, w.people[0]],
    );
    assert!(e.is_err());
    let view = &motions::motion_views(&ctx.store, w.session, Lang::En).unwrap()[0];
    assert!(view.votes.is_empty());
}

#[test]
fn a_consent_agenda_is_adopted_by_one_vote() {
    let w = world("roberts", QuorumRule::Majority, 5, 5, false, false);
    let mut ctx = w.ctx();
    let other = ctx
        .store
        .add_agenda_item(&NewAgendaItem {
            session_id: w.session,
            title: "Accept the donation of 40 books".into(),
            presenter: None,
            duration_min: None,
            ..Default::default()
        })
        .unwrap();
    let third = ctx
        .store
        .add_agenda_item(&NewAgendaItem {
            session_id: w.session,
            title: "Renew the copier lease".into(),
            presenter: None,
            duration_min: None,
            ..Default::default()
        })
        .unwrap();
    assert!(motions::move_consent(&mut ctx, w.session, None, None).is_err());
    motions::set_consent(&mut ctx, other, true).unwrap();
    motions::set_consent(&mut ctx, third, true).unwrap();
    // A member asks for the copier to be taken out before the vote.
    motions::set_consent(&mut ctx, third, false).unwrap();
    let m =
        motions::move_consent(&mut ctx, w.session, Some(w.people[1]), Some(w.people[2])).unwrap();
    let r = motions::vote(&mut ctx, &take(m.id, HowVoted::Unanimous)).unwrap();
    assert_eq!(r.resolutions.len(), 1);
    assert_eq!(r.resolutions[0].text, "Accept the donation of 40 books");
    assert_eq!(r.resolutions[0].agenda_item_id, Some(other));
}

#[test]
fn procedural_motions_never_become_open_resolutions() {
    let w = world("roberts", QuorumRule::Majority, 5, 5, false, false);
    let mut ctx = w.ctx();
    for kind in [
        MotionKind::ApproveAgenda,
        MotionKind::ApproveMinutes,
        MotionKind::ExtendTime,
        MotionKind::Refer,
    ] {
        let m = w.motion(&mut ctx, kind, kind.label(Lang::En));
        let r = motions::vote(&mut ctx, &take(m, HowVoted::Unanimous)).unwrap();
        assert!(r.outcome.carried && r.resolutions.is_empty());
    }
    let open = ctx
        .store
        .resolutions(&shura::store::read::ResolutionFilter::default())
        .unwrap();
    assert!(open.is_empty());
    // A carried motion to defer defers its item.
    let m = w.motion(&mut ctx, MotionKind::Defer, "Defer to the next meeting");
    motions::vote(&mut ctx, &take(m, count(3, 2, 0))).unwrap();
    assert_eq!(
        ctx.store.agenda_item(w.item).unwrap().status,
        AgendaStatus::Deferred
    );
}

#[test]
fn approved_minutes_freeze_motions_and_votes() {
    let w = world("roberts", QuorumRule::Majority, 5, 5, false, false);
    let mut ctx = w.ctx();
    let m = w.motion(&mut ctx, MotionKind::Substantive, "Adopt the budget");
    ctx.store
        .set_session_status(w.session, SessionStatus::Closed)
        .unwrap();
    ctx.store
        .set_session_status(w.session, SessionStatus::Approved)
        .unwrap();
    assert!(motions::vote(&mut ctx, &take(m, count(3, 0, 0))).is_err());
    assert!(motions::withdraw(&mut ctx, m).is_err());
    assert!(motions::declare_conflict(&mut ctx, w.item, w.people[1], "").is_err());
    // And the database refuses it too.
    let raw = rusqlite::Connection::open(&w.db).unwrap();
    assert!(raw
        .execute("UPDATE motion SET text = 'changed' WHERE id = ?1", [m])
        .is_err());
}

#[test]
fn carried_procedural_motions_run_the_clock() {
    let w = world("roberts", QuorumRule::Majority, 5, 5, false, false);
    let mut ctx = w.ctx();
    // Moved at 18:05 (the session is recorded on another day, so that is its time).
    let recess = w.motion(&mut ctx, MotionKind::Recess, "Recess for ten minutes");
    motions::vote(&mut ctx, &take(recess, HowVoted::Unanimous)).unwrap();
    let events = ctx.store.session_events(w.session).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].kind, SessionEventKind::Recess);
    assert_eq!(events[0].at, "18:05");
    shura::ops::clock::resume(&mut ctx, w.session, Some("18:15")).unwrap();
    let m = motions::move_motion(
        &mut ctx,
        &MoveMotion {
            session_id: w.session,
            item_id: None,
            kind: MotionKind::Adjourn,
            text: "Adjourn".into(),
            mover: Some(w.people[1]),
            seconder: Some(w.people[2]),
            at: Some("19:40".into()),
        },
    )
    .unwrap();
    // A motion to adjourn that fails records nothing.
    motions::vote(&mut ctx, &take(m.id, count(1, 4, 0))).unwrap();
    assert_eq!(ctx.store.session_events(w.session).unwrap().len(), 2);
    let m = motions::move_motion(
        &mut ctx,
        &MoveMotion {
            session_id: w.session,
            item_id: None,
            kind: MotionKind::Adjourn,
            text: "Adjourn".into(),
            mover: Some(w.people[3]),
            seconder: Some(w.people[2]),
            at: Some("19:52".into()),
        },
    )
    .unwrap();
    motions::vote(&mut ctx, &take(m.id, count(4, 1, 0))).unwrap();
    // Closing takes the adjournment's time, not the time of closing.
    shura::ops::clock::close(&mut ctx, w.session, None).unwrap();
    let s = ctx.store.session(w.session).unwrap();
    assert_eq!(s.end_time.as_deref(), Some("19:52"));
    assert_eq!(s.status, SessionStatus::Closed);
}

#[test]
fn a_reason_beyond_any_note_is_refused_and_nothing_is_declared() {
    let w = world("roberts", QuorumRule::Majority, 5, 5, false, false);
    let mut ctx = w.ctx();
    let long = "r".repeat(shura::model::MAX_TEXT + 1);
    let e = motions::declare_conflict(&mut ctx, w.item, w.people[1], &long).unwrap_err();
    assert!(matches!(e, StoreError::Invalid(_)), "{e:?}");
    assert!(ctx.store.conflicts(w.session).unwrap().is_empty());
    // Persian and stray control characters are kept as typed (shown sanitized).
    motions::declare_conflict(&mut ctx, w.item, w.people[1], "  مالک ساختمان \u{1b}[2J ").unwrap();
    let c = ctx.store.conflicts(w.session).unwrap();
    assert_eq!(c[0].reason, "مالک ساختمان \u{1b}[2J");
}
