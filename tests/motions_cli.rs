//! The meeting as it runs, through the built binary: the voting rule on a table of
//! cases worked out by hand, motions and amendments, secret ballots that store no
//! names, live votes from three real processes under three Unix identities, Persian
//! output, and a body's voting rule set and changed.
//!
//! The live-voting test runs `shura` as the accounts every Debian has (`daemon`, `bin`,
//! `sys`, `sync`, `nobody`), which needs root: as anyone else it prints SKIPPED and
//! checks nothing (CI runs the tests as root).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::{Command, Output};

mod common;

use serde_json::Value;
use tempfile::TempDir;

const TODAY: &str = "2026-11-22";

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// One test's database, in a directory every user may write.
struct Db {
    dir: TempDir,
    db: PathBuf,
}

/// (uid, gid) of a system account, by name.
fn account(name: &str) -> Option<(u32, u32)> {
    let user = nix::unistd::User::from_name(name).ok()??;
    Some((user.uid.as_raw(), user.gid.as_raw()))
}

fn is_root() -> bool {
    nix::unistd::getuid().is_root()
}

impl Db {
    fn new() -> Db {
        let dir = tempfile::tempdir().unwrap();
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o777)).unwrap();
        let db = dir.path().join("council.db");
        Db { dir, db }
    }

    fn cmd(&self, user: Option<(u32, u32)>) -> Command {
        let home = self.dir.path().join(match user {
            Some((uid, _)) => format!("home-{uid}"),
            None => "home".into(),
        });
        common::shura_command(&self.db, &home, TODAY, user)
    }

    fn done(out: Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        }
    }

    fn run_as(&self, user: Option<(u32, u32)>, args: &[&str]) -> Run {
        Db::done(self.cmd(user).args(args).output().expect("run shura"))
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_as(None, args)
    }

    fn ok(&self, args: &[&str]) -> String {
        let r = self.run(args);
        assert_eq!(
            r.code, 0,
            "shura {args:?} failed ({}): {}",
            r.code, r.stderr
        );
        r.stdout
    }

    fn json(&self, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        let out = self.ok(&all);
        serde_json::from_str(&out)
            .unwrap_or_else(|e| panic!("shura {all:?} printed invalid JSON ({e}): {out}"))
    }

    /// Expects exit 2 and a message; returns stderr.
    fn fail(&self, args: &[&str]) -> String {
        let r = self.run(args);
        assert_eq!(
            r.code, 2,
            "shura {args:?}: expected exit 2, got {}; stdout: {} stderr: {}",
            r.code, r.stdout, r.stderr
        );
        assert!(!r.stderr.trim().is_empty(), "{args:?} failed silently");
        r.stderr
    }

    /// Expects a refusal with this JSON `reason` (or `error`) code; returns the object.
    fn refused(&self, args: &[&str], reason: &str) -> Value {
        let mut all = args.to_vec();
        all.push("--json");
        let r = self.run(&all);
        assert_ne!(r.code, 0, "shura {all:?} should be refused: {}", r.stdout);
        let v: Value = serde_json::from_str(r.stderr.trim())
            .unwrap_or_else(|e| panic!("{all:?}: stderr is not JSON ({e}): {}", r.stderr));
        assert!(
            v["reason"] == reason || v["error"] == reason,
            "{all:?}: expected {reason}, got {v}"
        );
        v
    }

    fn sql(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(&self.db).unwrap()
    }

    /// Lets other users open the database files.
    fn open_files(&self) {
        for suffix in ["", "-wal", "-shm"] {
            let p = PathBuf::from(format!("{}{suffix}", self.db.display()));
            if p.exists() {
                std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o666)).unwrap();
            }
        }
    }
}

/// A body (with these `body add` flags) of `members` voting members M1..Mn, session 1
/// open on today with item 1 "Item", M1..M`present` present and the others absent.
fn board(flags: &[&str], members: usize, present: usize) -> Db {
    let d = Db::new();
    d.ok(&["init"]);
    let mut add = vec!["body", "add", "Board"];
    add.extend_from_slice(flags);
    d.ok(&add);
    for i in 1..=members {
        d.ok(&["member", "add", "--body", "1", "--name", &format!("M{i}")]);
    }
    d.ok(&[
        "session",
        "add",
        "--body",
        "1",
        "--date",
        TODAY,
        "--empty-agenda",
    ]);
    d.ok(&["agenda", "add", "--session", "1", "Item"]);
    d.ok(&["session", "open", "1"]);
    for i in 1..=members {
        let how = if i <= present { "present" } else { "absent" };
        d.ok(&["attend", "--session", "1", &format!("M{i}"), how]);
    }
    d
}

/// One case of the rule: the body, the room, the motion and the vote, and what the rule
/// must give.
struct Case {
    what: &'static str,
    flags: &'static [&'static str],
    members: usize,
    present: usize,
    /// Members (M1.. counted from the last present one down) recused on the item.
    recused: usize,
    kind: &'static str,
    vote: &'static [&'static str],
    carried: bool,
    needed: u64,
    of: u64,
}

#[rustfmt::skip]
const CASES: &[Case] = &[
    // iran-council: basis = the 9 present; abstentions count against. Needs 9/2+1 = 5;
    // 4 for is not enough, whatever the 3 against and 2 abstaining.
    Case { what: "iran-council 4/3/2 of 9 present", flags: &["--voting-rule", "iran-council"], members: 9, present: 9, recused: 0,
           kind: "substantive", vote: &["--votes", "4/3/2"], carried: false, needed: 5, of: 9 },
    // roberts: basis = votes cast = 4 + 3 = 7 (abstentions ignored). Needs 7/2+1 = 4; 4 for carries.
    Case { what: "roberts 4/3/2 of 9 present", flags: &["--voting-rule", "roberts"], members: 9, present: 9, recused: 0,
           kind: "substantive", vote: &["--votes", "4/3/2"], carried: true, needed: 4, of: 7 },
    // roberts, a tie: cast 3 + 3 = 6, needs 6/2+1 = 4; 3 for fails.
    Case { what: "roberts tie 3/3/0 fails", flags: &["--voting-rule", "roberts"], members: 7, present: 7, recused: 0,
           kind: "substantive", vote: &["--votes", "3/3/0"], carried: false, needed: 4, of: 6 },
    // roberts with tie=chair: the same tie, the chair's casting vote for is one more vote
    // cast: 4 for, 3 against, cast 7, needs 7/2+1 = 4: carried.
    Case { what: "roberts tie=chair, casting vote for", flags: &["--voting-rule", "roberts", "--tie", "chair"], members: 7, present: 7, recused: 0,
           kind: "substantive", vote: &["--votes", "3/3/0", "--casting-vote", "for"], carried: true, needed: 4, of: 7 },
    // roberts with tie=chair, casting vote against: 3 for, 4 against, cast 7, needs 4: fails.
    Case { what: "roberts tie=chair, casting vote against", flags: &["--voting-rule", "roberts", "--tie", "chair"], members: 7, present: 7, recused: 0,
           kind: "substantive", vote: &["--votes", "3/3/0", "--casting-vote", "against"], carried: false, needed: 4, of: 7 },
    // A casting vote where the rule gives the chair none (tie=fails) is refused: see
    // `a_casting_vote_needs_a_rule_that_gives_one`.
    // A custom rule: two thirds of the 9 members in office (7 present): ceil(18/3) = 6; 6 for carries.
    Case { what: "custom two thirds of members, 6/1/0", flags: &["--voting-rule", "basis=members;threshold=two_thirds"], members: 9, present: 7, recused: 0,
           kind: "substantive", vote: &["--votes", "6/1/0"], carried: true, needed: 6, of: 9 },
    // The same rule, 5 for: fails (needs 6 of 9).
    Case { what: "custom two thirds of members, 5/2/0", flags: &["--voting-rule", "basis=members;threshold=two_thirds"], members: 9, present: 7, recused: 0,
           kind: "substantive", vote: &["--votes", "5/2/0"], carried: false, needed: 6, of: 9 },
    // roberts changed by a part: two thirds of votes cast 5 + 3 = 8: ceil(16/3) = 6; 5 fails.
    Case { what: "roberts --threshold two_thirds 5/3/0", flags: &["--voting-rule", "roberts", "--threshold", "two_thirds"], members: 9, present: 9, recused: 0,
           kind: "substantive", vote: &["--votes", "5/3/0"], carried: false, needed: 6, of: 8 },
    // iran-council with one of the 9 present recused: basis 8, needs 8/2+1 = 5; 5 for carries.
    Case { what: "iran-council, one recused, 5/3/0", flags: &["--voting-rule", "iran-council"], members: 9, present: 9, recused: 1,
           kind: "substantive", vote: &["--votes", "5/3/0"], carried: true, needed: 5, of: 8 },
    // iran-council, a closed session: two thirds of the 9 present = 6; 5 for fails.
    Case { what: "iran-council closed session 5/4/0", flags: &["--voting-rule", "iran-council"], members: 9, present: 9, recused: 0,
           kind: "closed_session", vote: &["--votes", "5/4/0"], carried: false, needed: 6, of: 9 },
    // Nobody votes: iran-council needs 5 of 9; 0 for fails.
    Case { what: "iran-council 0/0/0", flags: &["--voting-rule", "iran-council"], members: 9, present: 9, recused: 0,
           kind: "substantive", vote: &["--votes", "0/0/0"], carried: false, needed: 5, of: 9 },
    // Nobody votes under roberts: cast 0, needs 0/2+1 = 1; 0 for fails.
    Case { what: "roberts 0/0/0", flags: &["--voting-rule", "roberts"], members: 5, present: 5, recused: 0,
           kind: "substantive", vote: &["--votes", "0/0/0"], carried: false, needed: 1, of: 0 },
];

#[test]
fn the_rule_gives_the_outcome_worked_out_by_hand() {
    for c in CASES {
        let d = board(c.flags, c.members, c.present);
        for i in 0..c.recused {
            let who = format!("M{}", c.present - i);
            d.ok(&[
                "conflict",
                "declare",
                "--item",
                "1",
                &who,
                "--reason",
                "a relative bids",
            ]);
        }
        let mut add = vec![
            "motion",
            "add",
            "--kind",
            c.kind,
            "--mover",
            "M1",
            "--seconder",
            "M2",
        ];
        if c.kind == "substantive" {
            add.extend_from_slice(&["--item", "1"]);
        } else {
            add.extend_from_slice(&["--session", "1"]);
        }
        add.push("The motion");
        d.ok(&add);
        let mut vote = vec!["motion", "vote", "1"];
        vote.extend_from_slice(c.vote);
        let text = d.ok(&vote);
        let shown = d.json(&["motion", "show", "1"]);
        let o = &shown["outcome"];
        assert_eq!(o["carried"], c.carried, "{}: {o}", c.what);
        assert_eq!(o["needed"], c.needed, "{}: {o}", c.what);
        assert_eq!(o["of"], c.of, "{}: {o}", c.what);
        assert_eq!(
            shown["status"],
            if c.carried { "carried" } else { "failed" },
            "{}",
            c.what
        );
        // The sentence printed is the one stored.
        assert_eq!(
            text.trim().lines().next().unwrap(),
            o["explanation"],
            "{}",
            c.what
        );
        let word = if c.carried { "carried:" } else { "failed:" };
        assert!(text.starts_with(word), "{}: {text}", c.what);
        assert!(
            text.contains(&format!("needed {} of {}", c.needed, c.of)),
            "{}: {text}",
            c.what
        );
        assert_eq!(array(&shown["recused"]).len(), c.recused, "{}", c.what);
    }
}

fn array(v: &Value) -> &Vec<Value> {
    v.as_array().unwrap_or_else(|| panic!("not an array: {v}"))
}

#[test]
fn a_recused_member_named_in_a_roll_call_is_refused() {
    let d = board(&["--voting-rule", "iran-council"], 9, 9);
    d.ok(&[
        "conflict",
        "declare",
        "--item",
        "1",
        "M9",
        "--reason",
        "owns the land",
    ]);
    let list = d.json(&["conflict", "list", "--session", "1"]);
    assert_eq!(array(&list).len(), 1);
    assert_eq!(list[0]["person"], "M9");
    assert_eq!(list[0]["reason"], "owns the land");
    d.ok(&[
        "motion",
        "add",
        "--item",
        "1",
        "Buy the land",
        "--mover",
        "M1",
    ]);
    let err = d.refused(
        &["motion", "vote", "1", "--roll", "M1=for,M2=for,M9=for"],
        "recused",
    );
    assert_eq!(err["person"], "M9");
    let text = d.fail(&["motion", "vote", "1", "--roll", "M1=for,M9=for"]);
    assert!(text.contains("M9"), "{text}");
    // Without M9 the roll is taken, under a basis of 8: 5 for carries.
    let r = d.json(&[
        "motion",
        "vote",
        "1",
        "--roll",
        "M1=for,M2=for,M3=for,M4=for,M5=for,M6=against,M7=abstain,M8=not_voting",
    ]);
    assert_eq!(r["outcome"]["carried"], true, "{r}");
    assert_eq!(r["outcome"]["needed"], 5);
    assert_eq!(r["outcome"]["of"], 8);
    assert_eq!(r["recused"][0]["person"], "M9");
    assert_eq!(r["recused"][0]["reason"], "owns the land");
    let votes = array(&r["votes"]);
    assert_eq!(votes.len(), 8, "{r}");
    let of = |name: &str| {
        votes
            .iter()
            .find(|v| v["person"] == name)
            .map(|v| v["vote"].clone())
            .unwrap()
    };
    assert_eq!(of("M1"), "yes");
    assert_eq!(of("M6"), "no");
    assert_eq!(of("M7"), "abstain");
    assert_eq!(of("M8"), "not_voting");
    let text = d.ok(&["motion", "show", "1"]);
    assert!(
        text.contains("For: M1, M2, M3, M4, M5; Against: M6; Abstaining: M7"),
        "{text}"
    );
    assert!(
        text.contains("M9 did not vote (declared an interest: owns the land)"),
        "{text}"
    );
}

#[test]
fn a_vote_without_quorum_is_refused_unless_minuted_as_such() {
    let d = board(&["--voting-rule", "iran-council"], 9, 9);
    d.ok(&["motion", "add", "--item", "1", "First", "--mover", "M1"]);
    d.ok(&["motion", "vote", "1", "--votes", "6/3/0"]);
    // Four leave: 5 of 9 present, two thirds (6) needed.
    for m in ["M6", "M7", "M8", "M9"] {
        d.ok(&["attend", "--session", "1", m, "absent"]);
    }
    d.ok(&["motion", "add", "--item", "1", "Second", "--mover", "M1"]);
    let err = d.refused(&["motion", "vote", "2", "--votes", "4/1/0"], "no_quorum");
    assert_eq!(err["present"], 5, "{err}");
    assert_eq!(err["required"], 6, "{err}");
    let r = d.json(&[
        "motion",
        "vote",
        "2",
        "--votes",
        "4/1/0",
        "--without-quorum",
    ]);
    assert_eq!(r["outcome"]["without_quorum"], true, "{r}");
    assert!(
        r["outcome"]["explanation"]
            .as_str()
            .unwrap()
            .ends_with("taken without quorum"),
        "{r}"
    );
    // needs 5/2+1 = 3 of the 5 present; 4 for carries.
    assert_eq!(r["outcome"]["carried"], true);
    assert_eq!(r["outcome"]["of"], 5);
    let first = d.json(&["motion", "show", "1"]);
    assert_eq!(first["outcome"]["without_quorum"], false);
}

#[test]
fn a_casting_vote_needs_a_rule_that_gives_one() {
    let d = board(&["--voting-rule", "roberts"], 7, 7);
    d.ok(&["motion", "add", "--item", "1", "Motion", "--mover", "M1"]);
    d.refused(
        &[
            "motion",
            "vote",
            "1",
            "--votes",
            "3/3/0",
            "--casting-vote",
            "for",
        ],
        "no_casting_vote",
    );
    let err = d.fail(&[
        "motion",
        "vote",
        "1",
        "--votes",
        "3/3/0",
        "--casting-vote",
        "maybe",
    ]);
    assert!(
        err.contains("maybe") && err.contains("for, against"),
        "{err}"
    );
    let err = d.fail(&[
        "motion",
        "vote",
        "1",
        "--votes",
        "4/3/0",
        "--declare",
        "perhaps",
    ]);
    assert!(
        err.contains("perhaps") && err.contains("carried, failed"),
        "{err}"
    );
    // The chair declares otherwise than the rule gives: recorded as a declaration.
    let r = d.json(&[
        "motion",
        "vote",
        "1",
        "--votes",
        "3/3/0",
        "--declare",
        "carried",
    ]);
    assert_eq!(r["outcome"]["carried"], true, "{r}");
    assert_eq!(r["outcome"]["rule_gave"], false);
    assert_eq!(r["outcome"]["declared"], true);
    assert!(
        r["outcome"]["explanation"]
            .as_str()
            .unwrap()
            .contains("declared carried by the chair"),
        "{r}"
    );
}

#[test]
fn a_tally_larger_than_the_room_is_refused_naming_both_numbers() {
    let d = board(
        &["--voting-rule", "iran-council", "--quorum", "fixed:3"],
        9,
        4,
    );
    d.ok(&["motion", "add", "--item", "1", "Motion", "--mover", "M1"]);
    let err = d.fail(&["motion", "vote", "1", "--votes", "9/0/0"]);
    assert!(err.contains('9') && err.contains('4'), "{err}");
    let j = d.refused(
        &["motion", "vote", "1", "--votes", "9/0/0"],
        "too_many_votes",
    );
    assert_eq!(j["total"], 9);
    assert_eq!(j["eligible"], 4);
    assert_eq!(d.json(&["motion", "show", "1"])["status"], "pending");
}

#[test]
fn motions_and_amendments_from_moving_to_resolution() {
    let d = board(&["--voting-rule", "roberts"], 7, 7);
    let m = d.json(&[
        "motion",
        "add",
        "--item",
        "1",
        "Buy books",
        "--mover",
        "M1",
        "--seconder",
        "M2",
    ]);
    assert_eq!(m["id"], 1);
    assert_eq!(m["kind"], "substantive");
    assert_eq!(m["status"], "pending");
    assert_eq!(m["mover"]["en"], "M1");
    assert_eq!(m["seconder"]["en"], "M2");
    assert_eq!(m["degree"], 0);

    // A first-degree amendment, voted down: the motion keeps its text.
    let a = d.json(&[
        "motion",
        "amend",
        "1",
        "Buy more books",
        "--mover",
        "M3",
        "--seconder",
        "M4",
    ]);
    assert_eq!(a["id"], 2);
    assert_eq!(a["amends"], 1);
    assert_eq!(a["degree"], 1);
    let err = d.refused(
        &["motion", "vote", "1", "--votes", "5/0/0"],
        "amendment_pending",
    );
    assert_eq!(err["amendment"], "2");
    d.ok(&["motion", "vote", "2", "--votes", "1/5/0"]);
    let one = d.json(&["motion", "show", "1"]);
    assert_eq!(one["final_text"], "Buy books");
    assert_eq!(one["amendments"][0]["status"], "failed");

    // A second amendment, amended in the second degree; a third degree is out of order.
    d.ok(&[
        "motion",
        "amend",
        "1",
        "Buy books and shelves",
        "--mover",
        "M3",
    ]);
    let second = d.json(&[
        "motion",
        "amend",
        "3",
        "Buy books and oak shelves",
        "--mover",
        "M5",
    ]);
    assert_eq!(second["degree"], 2);
    d.refused(
        &[
            "motion",
            "amend",
            "4",
            "Buy books and oak shelves, varnished",
            "--mover",
            "M6",
        ],
        "third_degree_amendment",
    );
    d.ok(&["motion", "vote", "4", "--votes", "5/1/0"]);
    assert_eq!(
        d.json(&["motion", "show", "3"])["final_text"],
        "Buy books and oak shelves"
    );
    // The amendment accepted without objection: the main motion takes its text.
    let out = d.ok(&["motion", "accept", "3"]);
    assert!(out.contains("Buy books and oak shelves"), "{out}");
    let one = d.json(&["motion", "show", "1"]);
    assert_eq!(one["final_text"], "Buy books and oak shelves");
    assert_eq!(one["text"], "Buy books");
    assert_eq!(d.json(&["motion", "show", "3"])["status"], "accepted");
    d.refused(&["motion", "accept", "1"], "not_an_amendment");

    // Withdrawn: no longer voted.
    d.ok(&[
        "motion",
        "add",
        "--item",
        "1",
        "Sell the van",
        "--mover",
        "M1",
    ]);
    let w = d.json(&["motion", "withdraw", "5"]);
    assert_eq!(w["status"], "withdrawn");
    d.refused(
        &["motion", "vote", "5", "--votes", "5/0/0"],
        "motion_not_pending",
    );

    // A procedural motion carried makes no resolution.
    let p = d.json(&[
        "motion",
        "add",
        "--session",
        "1",
        "--kind",
        "approve_agenda",
        "Approve the agenda",
        "--mover",
        "M2",
    ]);
    assert_eq!(p["agenda_item_id"], Value::Null);
    let r = d.json(&["motion", "vote", "6", "--unanimous"]);
    assert_eq!(r["status"], "carried");
    assert_eq!(r["resolution_number"], Value::Null);
    // A motion is moved on an item or a session: one of the two is asked for.
    let err = d.fail(&["motion", "add", "Paint the hall", "--mover", "M1"]);
    assert!(err.contains("--item") && err.contains("--session"), "{err}");
    assert!(array(&d.json(&["resolution", "list"])).is_empty());

    // The main motion carried by roll call: a numbered resolution, adopted, with
    // each member's vote.
    let text = d.ok(&[
        "motion",
        "vote",
        "1",
        "--roll",
        "M1=for,M2=for,M3=for,M4=against,M5=abstain",
    ]);
    assert!(
        text.starts_with("carried: 3 for, 1 against, 1 abstaining; needed 3 of 4 votes cast"),
        "{text}"
    );
    assert!(text.contains("resolution "), "{text}");
    let list = d.json(&["resolution", "list"]);
    assert_eq!(array(&list).len(), 1, "{list}");
    assert_eq!(list[0]["decision"], "adopted");
    assert_eq!(list[0]["text"], "Buy books and oak shelves");
    assert!(text.contains(list[0]["number"].as_str().unwrap()), "{text}");
    let open = d.json(&["resolution", "list", "--open"]);
    assert!(array(&open)
        .iter()
        .all(|r| r["text"] != "Approve the agenda"));
    let id = list[0]["id"].as_i64().unwrap().to_string();
    let page = d.json(&["resolution", "show", &id]);
    assert_eq!(page["outcome"]["carried"], true, "{page}");
    assert_eq!(page["outcome"]["needed"], 3);
    assert_eq!(page["outcome"]["basis"], "cast");
    assert_eq!(page["outcome"]["declared"], false);
    assert_eq!(page["outcome"]["without_quorum"], false);
    assert_eq!(page["motion"]["mover"]["en"], "M1");
    assert_eq!(page["motion"]["seconder"]["en"], "M2");
    assert_eq!(array(&page["motion"]["amendments"]).len(), 2);
    let votes = array(&page["votes"]);
    assert_eq!(votes.len(), 5);
    let m4 = votes.iter().find(|v| v["person"] == "M4").unwrap();
    assert_eq!(m4["vote"], "no");
    assert!(m4["person_id"].is_i64());
    let shown = d.ok(&["resolution", "show", &id]);
    assert!(
        shown.contains("For: M1, M2, M3; Against: M4; Abstaining: M5"),
        "{shown}"
    );

    // The table: amendments indented under their motion.
    let table = d.ok(&["motion", "list", "--session", "1"]);
    let row = |id: &str| {
        table
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("{id} ")))
            .unwrap_or_else(|| panic!("no row {id}: {table}"))
            .to_string()
    };
    assert!(
        row("1").contains("Main motion") && row("1").contains("Carried"),
        "{table}"
    );
    assert!(row("2").contains("  Amendment"), "{table}");
    assert!(row("4").contains("    Amendment"), "{table}");
    let pos = |id: &str| table.find(&row(id)).unwrap();
    assert!(
        pos("1") < pos("2") && pos("3") < pos("4") && pos("4") < pos("5"),
        "{table}"
    );
    let all = d.json(&["motion", "list", "--session", "1"]);
    assert_eq!(array(&all).len(), 6);
    for m in array(&all) {
        for key in ["outcome", "votes", "recused", "mover", "seconder", "degree"] {
            assert!(m.get(key).is_some(), "{key} missing in {m}");
        }
    }
    let first = &all[0];
    for key in ["carried", "needed", "basis", "explanation"] {
        assert!(
            first["outcome"].get(key).is_some(),
            "{key} missing: {first}"
        );
    }
    for key in ["person_id", "person", "vote"] {
        assert!(
            first["votes"][0].get(key).is_some(),
            "{key} missing: {first}"
        );
    }
}

#[test]
fn a_body_that_requires_a_second_and_numbers_rejected_motions() {
    let d = board(
        &[
            "--voting-rule",
            "iran-council",
            "--second-required",
            "--number-rejected",
        ],
        9,
        9,
    );
    d.ok(&[
        "motion",
        "add",
        "--item",
        "1",
        "Unseconded",
        "--mover",
        "M1",
    ]);
    d.refused(&["motion", "vote", "1", "--votes", "9/0/0"], "needs_second");
    d.refused(&["motion", "second", "1", "M1"], "seconds_own_motion");
    let lapsed = d.json(&["motion", "lapse", "1"]);
    assert_eq!(lapsed["status"], "no_second");

    d.ok(&[
        "motion",
        "add",
        "--item",
        "1",
        "Seconded",
        "--mover",
        "M1",
        "--seconder",
        "M2",
    ]);
    // 4/3/2 of 9 present: needs 5; fails, and is numbered as rejected.
    d.ok(&["motion", "vote", "2", "--votes", "4/3/2"]);
    let list = d.json(&["resolution", "list"]);
    assert_eq!(array(&list).len(), 1, "{list}");
    assert_eq!(list[0]["decision"], "rejected");
    assert_eq!(list[0]["text"], "Seconded");
    assert!(!list[0]["number"].as_str().unwrap().is_empty());
}

#[test]
fn a_secret_ballot_stores_no_names() {
    let d = board(&["--voting-rule", "roberts"], 7, 7);
    d.ok(&[
        "motion",
        "add",
        "--item",
        "1",
        "Elect the treasurer",
        "--mover",
        "M1",
    ]);
    let err = d.fail(&[
        "motion",
        "vote",
        "1",
        "--secret",
        "5/2/0",
        "--roll",
        "M1=for,M2=for",
    ]);
    assert!(err.contains("--roll") && err.contains("--secret"), "{err}");
    let err = d.fail(&["motion", "vote", "1"]);
    assert!(err.contains("--votes"), "{err}");
    let r = d.json(&["motion", "vote", "1", "--secret", "5/2/0"]);
    assert_eq!(r["outcome"]["carried"], true);
    assert!(array(&r["votes"]).is_empty());
    let conn = d.sql();
    let names: i64 = conn
        .query_row(
            "SELECT count(*) FROM ballot_vote WHERE motion_id = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(names, 0);
    let method: String = conn
        .query_row("SELECT method FROM ballot WHERE motion_id = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(method, "secret");
    // The resolution it made has the count and no per-member votes.
    let list = d.json(&["resolution", "list"]);
    let id = list[0]["id"].as_i64().unwrap().to_string();
    let page = d.json(&["resolution", "show", &id]);
    assert!(array(&page["votes"]).is_empty(), "{page}");
    assert_eq!(page["tally"]["yes"], 5);
}

#[test]
fn three_members_vote_at_once_from_their_own_logins() {
    if !is_root() {
        eprintln!(
            "SKIPPED three_members_vote_at_once_from_their_own_logins: it runs shura as daemon, bin, sys, sync and nobody, which needs root (CI runs the tests as root)"
        );
        return;
    }
    let users: Vec<(&str, (u32, u32))> = ["daemon", "bin", "sys", "sync", "nobody"]
        .iter()
        .map(|n| (*n, account(n).unwrap_or_else(|| panic!("no account {n}"))))
        .collect();
    let who = |n: &str| Some(users.iter().find(|(u, _)| *u == n).unwrap().1);
    let d = Db::new();
    d.ok(&["init"]);
    d.ok(&["body", "add", "Board", "--voting-rule", "roberts"]);
    for login in ["daemon", "bin", "sys", "sync"] {
        let name = format!("Member {login}");
        d.ok(&[
            "member", "add", "--body", "1", "--name", &name, "--login", login,
        ]);
    }
    d.ok(&["member", "add", "--body", "1", "--name", "Away"]);
    d.ok(&[
        "session",
        "add",
        "--body",
        "1",
        "--date",
        TODAY,
        "--empty-agenda",
    ]);
    d.ok(&["agenda", "add", "--session", "1", "Item"]);
    d.ok(&["session", "open", "1"]);
    for login in ["daemon", "bin", "sys", "sync"] {
        d.ok(&["attend", "--session", "1", login, "present"]);
    }
    d.ok(&["attend", "--session", "1", "Away", "absent"]);
    d.ok(&[
        "conflict", "declare", "--item", "1", "sync", "--reason", "his firm",
    ]);
    d.ok(&[
        "motion",
        "add",
        "--item",
        "1",
        "Buy the building",
        "--mover",
        "daemon",
    ]);

    d.open_files();
    // A member is not an administrator: the body's rule is not theirs to change.
    let r = d.run_as(who("daemon"), &["body", "edit", "1", "--tie", "chair"]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    assert_eq!(d.json(&["body", "show", "1"])["voting_rule"], "roberts");
    // Nor do they open the vote.
    let r = d.run_as(who("daemon"), &["motion", "open-vote", "1"]);
    assert_eq!(r.code, 3, "{}", r.stderr);
    // Before the vote is open, a member's vote is refused.
    let r = d.run_as(who("daemon"), &["vote", "1", "for", "--json"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("vote_not_open"), "{}", r.stderr);

    let out = d.ok(&["motion", "open-vote", "1"]);
    assert!(out.contains("needs"), "{out}");
    d.open_files();
    // Three processes, three identities, one tally, all at once.
    let children: Vec<_> = ["daemon", "bin", "sys"]
        .iter()
        .map(|n| {
            (
                *n,
                d.cmd(who(n))
                    .args(["vote", "1", "for"])
                    .stdout(std::process::Stdio::piped())
                    .stderr(std::process::Stdio::piped())
                    .spawn()
                    .unwrap(),
            )
        })
        .collect();
    for (n, child) in children {
        let r = Db::done(child.wait_with_output().unwrap());
        assert_eq!(r.code, 0, "{n} could not vote: {}", r.stderr);
        assert!(
            r.stdout.contains(&format!("Member {n}")),
            "{n}: {}",
            r.stdout
        );
    }
    // The recused member, a member not present and a login that is no person's.
    let r = d.run_as(who("sync"), &["vote", "1", "for", "--json"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("\"recused\""), "{}", r.stderr);
    d.refused(&["motion", "cast", "1", "Away", "for"], "not_in_room");
    let r = d.run_as(who("nobody"), &["vote", "1", "for"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("no person carries your login «nobody»"),
        "{}",
        r.stderr
    );

    let tally = d.json(&["motion", "tally", "1"]);
    assert_eq!(tally["voted"], 3, "{tally}");
    assert_eq!(tally["tally"]["yes"], 3);
    assert_eq!(array(&tally["votes"]).len(), 3);
    assert!(
        tally["requirement"].as_str().unwrap().contains("needs"),
        "{tally}"
    );

    let out = d.ok(&["motion", "close-vote", "1"]);
    assert!(
        out.starts_with("carried: 3 for, 0 against, 0 abstaining; needed 2 of 3 votes cast"),
        "{out}"
    );
    let shown = d.json(&["motion", "show", "1"]);
    assert_eq!(shown["status"], "carried");
    assert_eq!(shown["ballot"]["method"], "live");
    let conn = d.sql();
    let mut stmt = conn
        .prepare(
            "SELECT p.login, v.cast_by FROM ballot_vote v JOIN person p ON p.id = v.person_id
             WHERE v.motion_id = 1 ORDER BY p.login",
        )
        .unwrap();
    let rows: Vec<(String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows.len(), 3, "{rows:?}");
    for (login, cast_by) in &rows {
        assert_eq!(
            login, cast_by,
            "each vote is cast by its member's own login"
        );
    }
    // Closed: a late vote is refused.
    let r = d.run_as(who("bin"), &["vote", "1", "against", "--json"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("\"vote_not_open\""), "{}", r.stderr);
    // The secretary cannot enter one for a member either, nor close it twice.
    d.refused(&["motion", "cast", "1", "bin", "against"], "vote_not_open");
    d.refused(&["motion", "close-vote", "1"], "vote_not_open");
    assert_eq!(d.json(&["motion", "tally", "1"])["voted"], 3);
}

#[test]
fn in_persian_the_outcome_and_the_errors_are_persian() {
    let d = board(&["--voting-rule", "iran-council"], 9, 9);
    d.ok(&["motion", "add", "--item", "1", "طرح بودجه", "--mover", "M1"]);
    d.ok(&["motion", "add", "--item", "1", "طرح دوم", "--mover", "M1"]);
    let out = d.ok(&["--lang", "fa", "motion", "vote", "1", "--votes", "4/3/2"]);
    assert!(out.contains("۴ موافق، ۳ مخالف، ۲ ممتنع"), "{out}");
    assert!(out.contains('۵') && out.contains('۹'), "{out}");
    assert!(
        !out.chars().any(|c| c.is_ascii_alphanumeric()),
        "no ASCII letter or digit: {out}"
    );
    let r = d.run(&["--lang", "fa", "motion", "vote", "2", "--votes", "9/9/9"]);
    assert_eq!(r.code, 2);
    let msg = r.stderr.trim().trim_start_matches("shura:").trim();
    assert!(msg.contains("۲۷") && msg.contains('۹'), "{msg}");
    assert!(!msg.chars().any(|c| c.is_ascii_alphabetic()), "{msg}");
    let r = d.run(&["--lang", "fa", "motion", "vote", "1", "--votes", "5/0/0"]);
    assert_eq!(r.code, 2);
    let msg = r.stderr.trim().trim_start_matches("shura:").trim();
    assert!(msg.contains("دیگر در دستور نیست"), "{msg}");
    assert!(!msg.chars().any(|c| c.is_ascii_alphabetic()), "{msg}");
}

#[test]
fn a_body_voting_rule_is_set_changed_and_audited() {
    let d = Db::new();
    d.ok(&["init"]);
    d.ok(&["body", "add", "Council", "--voting-rule", "iran-council"]);
    let b = d.json(&["body", "show", "1"]);
    assert_eq!(b["voting_rule"], "iran-council");
    assert_eq!(b["quorum"]["rule"], "two_thirds");
    assert!(
        b["voting_rule_description"]
            .as_str()
            .unwrap()
            .contains("more than half of the members present"),
        "{b}"
    );
    let text = d.ok(&["body", "show", "1"]);
    assert!(
        text.contains("more than half of the members present"),
        "{text}"
    );
    // An explicit quorum wins over the preset's.
    d.ok(&[
        "body",
        "add",
        "Board",
        "--voting-rule",
        "iran-council",
        "--quorum",
        "majority",
    ]);
    assert_eq!(d.json(&["body", "show", "2"])["quorum"]["rule"], "majority");
    let list = d.json(&["body", "list"]);
    assert!(
        array(&list)
            .iter()
            .all(|b| b["voting_rule"] == "iran-council"),
        "{list}"
    );

    let e = d.json(&[
        "body",
        "edit",
        "1",
        "--voting-rule",
        "roberts",
        "--tie",
        "chair",
        "--second-required",
    ]);
    assert_eq!(
        e["voting_rule"],
        "basis=cast;threshold=half;abstentions=ignored;tie=chair"
    );
    assert_eq!(e["quorum"]["rule"], "majority");
    assert_eq!(e["second_required"], true);
    assert_eq!(e["version"], 2);
    let e = d.json(&[
        "body",
        "edit",
        "1",
        "--quorum",
        "fixed:4",
        "--no-second-required",
    ]);
    assert_eq!(e["quorum"]["rule"], "fixed");
    assert_eq!(e["second_required"], false);
    assert_eq!(
        e["voting_rule"],
        "basis=cast;threshold=half;abstentions=ignored;tie=chair"
    );
    let audit = d.json(&["audit", "log", "--entity", "body", "--id", "1"]);
    let updates: Vec<&Value> = array(&audit)
        .iter()
        .filter(|a| a["action"] == "update")
        .collect();
    assert_eq!(updates.len(), 2, "{audit}");
    assert!(updates.iter().any(|u| u["after"]["voting_rule"]
        .as_str()
        .unwrap()
        .contains("tie=chair")));

    let err = d.fail(&["body", "edit", "1", "--threshold", "110%"]);
    assert!(
        err.contains("110%") && err.contains("two_thirds") && err.contains("at_least:N"),
        "{err}"
    );
    let err = d.fail(&["body", "add", "X", "--voting-rule", "parliament"]);
    assert!(
        err.contains("parliament") && err.contains("iran-council"),
        "{err}"
    );
}

#[test]
fn hostile_text_in_a_motion_never_reaches_the_terminal_raw() {
    let d = board(&["--voting-rule", "roberts"], 3, 3);
    let hostile = "clear \u{1b}[2J screen rlo \u{202e}gpj.exe";
    d.ok(&[
        "conflict", "declare", "--item", "1", "M3", "--reason", hostile,
    ]);
    let m = d.json(&["motion", "add", "--item", "1", hostile, "--mover", "M1"]);
    assert_eq!(m["text"], hostile, "stored exactly");
    d.ok(&["motion", "vote", "1", "--roll", "M1=for,M2=for"]);
    for args in [
        &["motion", "list", "--session", "1"][..],
        &["motion", "show", "1"],
        &["conflict", "list", "--session", "1"],
        &["resolution", "show", "1"],
        &["--lang", "fa", "motion", "show", "1"],
    ] {
        let r = d.run(args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        assert!(
            !r.stdout.contains('\u{1b}') && !r.stdout.contains('\u{202e}'),
            "{args:?}: {:?}",
            r.stdout
        );
    }
    let err = d.fail(&[
        "motion",
        "add",
        "--item",
        "1",
        "--session",
        "1",
        "Both",
        "--mover",
        "M1",
    ]);
    assert!(err.contains("--item") && err.contains("not both"), "{err}");
    let r = d.run(&[
        "--lang",
        "fa",
        "motion",
        "add",
        "--item",
        "1",
        "--session",
        "1",
        "Both",
        "--mover",
        "M1",
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("نه هر دو"), "{}", r.stderr);
}

#[test]
fn the_consent_agenda_is_moved_and_adopted_as_one_motion() {
    let d = board(&["--voting-rule", "roberts"], 5, 5);
    d.ok(&["agenda", "add", "--session", "1", "Minutes of October"]);
    d.ok(&["agenda", "add", "--session", "1", "Grant to the choir"]);
    d.refused(&["consent", "move", "--session", "1"], "no_consent_items");
    let out = d.ok(&["agenda", "consent", "2"]);
    assert_eq!(out.trim(), "item 2 is on the consent agenda");
    d.ok(&["agenda", "consent", "3"]);
    d.ok(&["agenda", "consent", "1"]);
    let out = d.ok(&["agenda", "consent", "1", "--off"]);
    assert_eq!(out.trim(), "item 1 is off the consent agenda");
    let m = d.json(&[
        "consent",
        "move",
        "--session",
        "1",
        "--mover",
        "M1",
        "--seconder",
        "M2",
    ]);
    assert_eq!(m["kind"], "consent");
    let text = m["text"].as_str().unwrap();
    assert!(
        text.contains("Minutes of October") && text.contains("Grant to the choir"),
        "{m}"
    );
    assert!(!text.contains("Item"), "item 1 was taken off: {m}");
    let out = d.ok(&["motion", "vote", "1", "--votes", "5/0/0"]);
    assert_eq!(out.matches("resolution ").count(), 2, "{out}");
    let list = d.json(&["resolution", "list"]);
    let mut texts: Vec<&str> = array(&list)
        .iter()
        .map(|r| r["text"].as_str().unwrap())
        .collect();
    texts.sort();
    assert_eq!(texts, ["Grant to the choir", "Minutes of October"]);
    assert!(array(&list).iter().all(|r| r["decision"] == "adopted"));
}

#[test]
fn bad_values_are_named_with_what_is_expected() {
    let d = board(&["--voting-rule", "roberts"], 3, 3);
    d.ok(&["motion", "add", "--item", "1", "Motion", "--mover", "M1"]);
    let cases: &[(&[&str], &[&str])] = &[
        (&["motion", "vote", "1", "--votes", "5/2"], &["5/2"]),
        (&["motion", "vote", "1", "--roll", "M1=maybe"], &["maybe"]),
        (
            &["motion", "vote", "1", "--roll", "M1"],
            &["M1", "NAME=VOTE"],
        ),
        (
            &["motion", "vote", "1", "--roll", "Nobody=for"],
            &["Nobody"],
        ),
        (
            &[
                "motion",
                "add",
                "--item",
                "1",
                "X",
                "--mover",
                "M1",
                "--kind",
                "amendment",
            ],
            &["amendment", "approve_agenda"],
        ),
        (
            &["motion", "add", "--item", "1", "X", "--mover", "Zed"],
            &["Zed"],
        ),
        (
            &[
                "motion", "add", "--item", "1", "X", "--mover", "M1", "--at", "25:99",
            ],
            &["25:99"],
        ),
        (&["motion", "show", "77"], &["77"]),
        (
            &["body", "add", "Y", "--vote-basis", "everyone"],
            &["everyone", "present"],
        ),
        (
            &["body", "add", "Y", "--abstentions", "sometimes"],
            &["sometimes", "against"],
        ),
        (&["body", "add", "Y", "--tie", "coin"], &["coin", "chair"]),
    ];
    for (args, named) in cases {
        let err = d.fail(args);
        for n in *named {
            assert!(err.contains(n), "{args:?}: {n} not in {err}");
        }
    }
    let r = d.run(&["vote", "1", "maybe"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("maybe"), "{}", r.stderr);
}
