//! The meeting as it runs, from the command line: motions, amendments, votes (at once
//! or live from members' terminals), conflicts of interest and the consent agenda.
//! Each command parses its flags, calls `ops::motions` and prints the result; the rules
//! are all in `ops::motions` and `model::voting`.

use clap::{Args, Subcommand};
use serde::Serialize;

use super::commands::{print_json, say, Out};
use super::table::{display_line, display_text, Table};
use super::{unknown_value, CliError, CliResult};
use crate::locale::digits::localize_digits;
use crate::locale::strings::{t, tf, Msg};
use crate::locale::Lang;
use crate::model::voting::{Choice, Motion, MotionKind};
use crate::model::Vote;
use crate::ops::motions::{self, HowVoted, MotionView, MoveMotion, TakeVote};
use crate::ops::Context;

#[derive(Debug, Subcommand)]
pub enum MotionCmd {
    /// Move a motion on an agenda item (or, for a procedural motion, on the session)
    Add(MotionAdd),
    /// Move an amendment: TEXT is the motion's wording as amended
    Amend(MotionAmend),
    /// The mover withdraws the motion (with its pending amendments)
    Withdraw(MotionRef),
    /// Record the seconder of a motion
    Second(MotionSecond),
    /// The motion failed for lack of a second
    Lapse(MotionRef),
    /// An amendment accepted without objection: its motion takes its wording
    Accept(MotionRef),
    /// A session's motions, amendments under their motion
    List(MotionList),
    /// A motion with its vote, the members' votes and recusals
    Show(MotionRef),
    /// Record a vote taken at once: by count, roll call, unanimously or by secret ballot
    Vote(MotionVote),
    /// Open a vote that members cast from their own terminals (`shura vote`)
    OpenVote(MotionOpenVote),
    /// Enter the vote of a member who has no terminal, on an open vote
    Cast(MotionCast),
    /// The votes cast so far on an open vote, and what the motion needs
    Tally(MotionRef),
    /// Close an open vote: the votes cast give the outcome under the body's rule
    CloseVote(MotionClose),
    /// Correct a motion as moved: its wording, mover, seconder
    Edit(super::corrections::MotionEdit),
}

impl MotionCmd {
    pub fn only_reads(&self) -> bool {
        matches!(
            self,
            MotionCmd::List(_) | MotionCmd::Show(_) | MotionCmd::Tally(_)
        )
    }
}

#[derive(Debug, Args)]
pub struct MotionAdd {
    /// The agenda item it is moved on (the session follows from it)
    #[arg(long)]
    pub item: Option<i64>,
    /// The session, for a procedural motion moved on no item (id or BODY#NUMBER)
    #[arg(long)]
    pub session: Option<String>,
    /// The motion's wording
    pub text: String,
    /// Who moved it (id, login or name)
    #[arg(long)]
    pub mover: String,
    /// Who seconded it (id, login or name)
    #[arg(long)]
    pub seconder: Option<String>,
    /// substantive, approve_agenda, approve_minutes, defer, refer, recess,
    /// closed_session, adjourn, extend_time or reconsider
    #[arg(long, default_value = "substantive")]
    pub kind: String,
    /// When it was moved, HH:MM (default: now)
    #[arg(long)]
    pub at: Option<String>,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct MotionAmend {
    /// The motion (or amendment) amended
    pub motion: i64,
    /// The motion's wording as the amendment makes it
    pub text: String,
    /// Who moved the amendment (id, login or name)
    #[arg(long)]
    pub mover: String,
    /// Who seconded it (id, login or name)
    #[arg(long)]
    pub seconder: Option<String>,
    /// When it was moved, HH:MM (default: now)
    #[arg(long)]
    pub at: Option<String>,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct MotionRef {
    /// The motion's id
    pub motion: i64,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct MotionSecond {
    /// The motion's id
    pub motion: i64,
    /// The seconder (id, login or name)
    pub person: String,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct MotionList {
    /// A session id, or BODY#NUMBER
    #[arg(long)]
    pub session: String,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct MotionVote {
    /// The motion's id
    pub motion: i64,
    /// The count FOR/AGAINST/ABSTAIN, e.g. 6/2/1
    #[arg(long)]
    pub votes: Option<String>,
    /// Each member's vote: "NAME=for,NAME=against,…" (id, login or name)
    #[arg(long)]
    pub roll: Option<String>,
    /// Every voting member in the room (less those recused) voted for
    #[arg(long)]
    pub unanimous: bool,
    /// A secret ballot's count FOR/AGAINST/ABSTAIN: no names are stored
    #[arg(long)]
    pub secret: Option<String>,
    /// Record the vote although the roll call shows no quorum
    #[arg(long = "without-quorum")]
    pub without_quorum: bool,
    /// The chair's casting vote on a tie: for or against
    #[arg(long = "casting-vote")]
    pub casting_vote: Option<String>,
    /// The chair declared the motion carried or failed otherwise than the rule gives
    #[arg(long)]
    pub declare: Option<String>,
    /// For a main motion: who carries out the resolution
    #[arg(long)]
    pub owner: Option<String>,
    /// For a main motion: the resolution's due date
    #[arg(long)]
    pub due: Option<String>,
    /// For a main motion: the resolution's number, given by hand (e.g. 1397/39/4)
    #[arg(long)]
    pub number: Option<String>,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct MotionOpenVote {
    /// The motion's id
    pub motion: i64,
    /// Open it although the roll call shows no quorum (minuted as such)
    #[arg(long = "without-quorum")]
    pub without_quorum: bool,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct MotionCast {
    /// The motion's id
    pub motion: i64,
    /// The member (id, login or name)
    pub person: String,
    /// for, against, abstain or not_voting
    pub vote: String,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct MotionClose {
    /// The motion's id
    pub motion: i64,
    /// The chair's casting vote on a tie: for or against
    #[arg(long = "casting-vote")]
    pub casting_vote: Option<String>,
    /// The chair declared the motion carried or failed otherwise than the rule gives
    #[arg(long)]
    pub declare: Option<String>,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct VoteOwn {
    /// The motion's id
    pub motion: i64,
    /// for, against, abstain or not_voting
    pub vote: String,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum ConflictCmd {
    /// A member declares an interest in an item (or the secretary for them)
    Declare(ConflictDeclare),
    /// The conflicts of interest declared at a session
    List(MotionListConflicts),
}

#[derive(Debug, Args)]
pub struct ConflictDeclare {
    /// The agenda item the member does not vote on
    #[arg(long)]
    pub item: i64,
    /// The member (id, login or name)
    pub person: String,
    /// Why (minuted with the recusal)
    #[arg(long, default_value = "")]
    pub reason: String,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct MotionListConflicts {
    /// A session id, or BODY#NUMBER
    #[arg(long)]
    pub session: String,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum ConsentCmd {
    /// Move the consent agenda as one motion (then vote it with `motion vote`)
    Move(ConsentMove),
}

#[derive(Debug, Args)]
pub struct ConsentMove {
    /// A session id, or BODY#NUMBER
    #[arg(long)]
    pub session: String,
    /// Who moved it (id, login or name)
    #[arg(long)]
    pub mover: Option<String>,
    /// Who seconded it (id, login or name)
    #[arg(long)]
    pub seconder: Option<String>,
    /// Print JSON instead of text
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct AgendaConsent {
    /// The agenda item's id
    pub item: i64,
    /// Take the item off the consent agenda
    #[arg(long)]
    pub off: bool,
}

// ----- dispatch -----

pub fn motion(ctx: &mut Context, cmd: &MotionCmd, out: Out) -> CliResult {
    match cmd {
        MotionCmd::Add(a) => motion_add(ctx, a, out),
        MotionCmd::Amend(a) => {
            let mover = Some(person_id(ctx, &a.mover)?);
            let seconder = opt_person(ctx, &a.seconder)?;
            let m = motions::amend(ctx, a.motion, &a.text, mover, seconder, a.at.clone())?;
            moved(ctx, &m, a.json, out)
        }
        MotionCmd::Withdraw(a) => {
            let m = motions::withdraw(ctx, a.motion)?;
            done(ctx, &m, a.json, Msg::CliMotionWithdrawn, out)
        }
        MotionCmd::Second(a) => {
            let p = person_id(ctx, &a.person)?;
            let m = motions::second(ctx, a.motion, p)?;
            if a.json {
                return print_json(out, &page(ctx, m)?);
            }
            let name = person_name(ctx, p);
            say(
                out,
                ctx.prefs,
                Msg::CliMotionSeconded,
                &[&m.id.to_string(), &name],
            )
        }
        MotionCmd::Lapse(a) => {
            let m = motions::lapse(ctx, a.motion)?;
            done(ctx, &m, a.json, Msg::CliMotionLapsed, out)
        }
        MotionCmd::Accept(a) => {
            let m = motions::accept(ctx, a.motion)?;
            if a.json {
                return print_json(out, &page(ctx, m)?);
            }
            let parent = match m.amends {
                Some(p) => ctx.store.motion(p)?,
                None => m.clone(),
            };
            say(
                out,
                ctx.prefs,
                Msg::CliMotionAccepted,
                &[&m.id.to_string(), &parent.id.to_string()],
            )?;
            writeln!(out, "{}", display_text(&parent.final_text, ctx.prefs))?;
            Ok(())
        }
        MotionCmd::List(a) => motion_list(ctx, a, out),
        MotionCmd::Show(a) => {
            let m = ctx.store.motion(a.motion)?;
            let p = page(ctx, m)?;
            if a.json {
                return print_json(out, &p);
            }
            show_motion(ctx, &p, out)
        }
        MotionCmd::Vote(a) => motion_vote(ctx, a, out),
        MotionCmd::OpenVote(a) => {
            let ballot = motions::open_vote(ctx, a.motion, a.without_quorum)?;
            let m = ctx.store.motion(a.motion)?;
            if a.json {
                return print_json(out, &page(ctx, m)?);
            }
            let (needs, _) = motions::requirement_now(ctx, &m)?;
            say(
                out,
                ctx.prefs,
                Msg::CliVoteOpened,
                &[&ballot.motion_id.to_string(), &needs],
            )
        }
        MotionCmd::Cast(a) => {
            let p = person_id(ctx, &a.person)?;
            let choice = Choice::read(&a.vote)?;
            motions::cast_for(ctx, a.motion, p, choice)?;
            cast_said(ctx, a.motion, p, choice, a.json, out)
        }
        MotionCmd::Tally(a) => motion_tally(ctx, a, out),
        MotionCmd::Edit(a) => super::corrections::motion_edit(ctx, a, out),
        MotionCmd::CloseVote(a) => {
            let casting = casting_vote(ctx, &a.casting_vote)?;
            let declared = declaration(ctx, &a.declare)?;
            let r = motions::close_vote(ctx, a.motion, casting, declared)?;
            voted(ctx, &r, a.json, out)
        }
    }
}

/// `shura vote M CHOICE`: the member at the keyboard votes for themself.
pub fn vote_own(ctx: &mut Context, a: &VoteOwn, out: Out) -> CliResult {
    let choice = Choice::read(&a.vote)?;
    motions::cast_own(ctx, a.motion, choice)?;
    let me = motions::person_at_keyboard(ctx)?;
    cast_said(ctx, a.motion, me.id, choice, a.json, out)
}

pub fn conflict(ctx: &mut Context, cmd: &ConflictCmd, out: Out) -> CliResult {
    match cmd {
        ConflictCmd::Declare(a) => {
            let p = person_id(ctx, &a.person)?;
            motions::declare_conflict(ctx, a.item, p, &a.reason)?;
            let item = ctx.store.agenda_item(a.item)?;
            if a.json {
                let all = conflict_rows(ctx, item.session_id)?;
                let row = all
                    .into_iter()
                    .find(|c| c.conflict.agenda_item_id == a.item && c.conflict.person_id == p);
                return print_json(out, &row);
            }
            say(
                out,
                ctx.prefs,
                Msg::CliConflictDeclared,
                &[&person_name(ctx, p), &a.item.to_string()],
            )
        }
        ConflictCmd::List(a) => {
            let s = ctx.store.find_session(&a.session)?;
            let rows = conflict_rows(ctx, s.id)?;
            if a.json {
                return print_json(out, &rows);
            }
            let lang = ctx.prefs.lang;
            let mut table = Table::new(&[
                t(lang, Msg::Item),
                t(lang, Msg::Member),
                t(lang, Msg::CliReason),
                t(lang, Msg::CliDeclaredBy),
            ])
            .numeric(&[0]);
            for r in &rows {
                table.push(vec![
                    r.conflict.agenda_item_id.to_string(),
                    r.person.clone(),
                    r.conflict.reason.clone(),
                    r.conflict.declared_by.clone(),
                ]);
            }
            write!(out, "{}", table.render(ctx.prefs))?;
            Ok(())
        }
    }
}

pub fn consent(ctx: &mut Context, cmd: &ConsentCmd, out: Out) -> CliResult {
    match cmd {
        ConsentCmd::Move(a) => {
            let s = ctx.store.find_session(&a.session)?;
            let mover = opt_person(ctx, &a.mover)?;
            let seconder = opt_person(ctx, &a.seconder)?;
            let m = motions::move_consent(ctx, s.id, mover, seconder)?;
            moved(ctx, &m, a.json, out)
        }
    }
}

pub fn agenda_consent(ctx: &mut Context, a: &AgendaConsent, out: Out) -> CliResult {
    motions::set_consent(ctx, a.item, !a.off)?;
    let msg = if a.off {
        Msg::CliConsentOff
    } else {
        Msg::CliConsentOn
    };
    say(out, ctx.prefs, msg, &[&a.item.to_string()])
}

// ----- the commands -----

fn motion_add(ctx: &mut Context, a: &MotionAdd, out: Out) -> CliResult {
    let lang = ctx.prefs.lang;
    let kind = MotionKind::parse_movable(&a.kind)?;
    let (session_id, item_id) = match (a.item, &a.session) {
        (Some(_), Some(_)) => return Err(CliError::usage(t(lang, Msg::CliMotionItemOrSession))),
        (Some(item), None) => (ctx.store.agenda_item(item)?.session_id, Some(item)),
        (None, Some(s)) => (ctx.store.find_session(s)?.id, None),
        (None, None) => return Err(CliError::usage(t(lang, Msg::CliMotionNeedsPlace))),
    };
    let mover = Some(person_id(ctx, &a.mover)?);
    let seconder = opt_person(ctx, &a.seconder)?;
    let m = motions::move_motion(
        ctx,
        &MoveMotion {
            session_id,
            item_id,
            kind,
            text: a.text.clone(),
            mover,
            seconder,
            at: a.at.clone(),
        },
    )?;
    moved(ctx, &m, a.json, out)
}

/// Reads the one form of vote given.
fn how_voted(ctx: &Context, a: &MotionVote) -> CliResult<HowVoted> {
    let lang = ctx.prefs.lang;
    let given: Vec<&str> = [
        (a.votes.is_some(), "--votes"),
        (a.roll.is_some(), "--roll"),
        (a.unanimous, "--unanimous"),
        (a.secret.is_some(), "--secret"),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .map(|(_, f)| *f)
    .collect();
    if given.len() != 1 {
        let named = if given.is_empty() {
            t(lang, Msg::CliNone).to_string()
        } else {
            given.join(", ")
        };
        let mut msg = tf(lang, Msg::CliVoteOneForm, &[&named]);
        if a.secret.is_some() && a.roll.is_some() {
            msg.push_str(t(lang, Msg::ListSeparator));
            msg.push_str(t(lang, Msg::MotionSecretHasNoNames));
        }
        return Err(CliError::usage(msg));
    }
    if let Some(v) = &a.votes {
        return Ok(HowVoted::Count(crate::model::rules::parse_tally(v)?));
    }
    if let Some(v) = &a.secret {
        return Ok(HowVoted::Secret(crate::model::rules::parse_tally(v)?));
    }
    if a.unanimous {
        return Ok(HowVoted::Unanimous);
    }
    let roll = a.roll.as_deref().unwrap_or_default();
    let mut votes = Vec::new();
    for entry in roll
        .split([',', '،'])
        .map(str::trim)
        .filter(|e| !e.is_empty())
    {
        let Some((who, how)) = entry.rsplit_once('=') else {
            return Err(CliError::usage(tf(lang, Msg::CliRollEntry, &[entry])));
        };
        let person = ctx.store.find_person(who.trim())?;
        votes.push((person.id, Choice::read(how)?));
    }
    if votes.is_empty() {
        return Err(CliError::usage(tf(lang, Msg::CliRollEntry, &[roll])));
    }
    Ok(HowVoted::Roll(votes))
}

fn casting_vote(ctx: &Context, v: &Option<String>) -> CliResult<Option<Vote>> {
    let Some(v) = v else { return Ok(None) };
    match Choice::read(v).ok().and_then(|c| c.vote()) {
        Some(vote @ (Vote::Yes | Vote::No)) => Ok(Some(vote)),
        _ => Err(CliError::usage(unknown_value(
            ctx.prefs.lang,
            Msg::EntityCastingVote,
            v,
            "for, against",
        ))),
    }
}

fn declaration(ctx: &Context, v: &Option<String>) -> CliResult<Option<bool>> {
    let Some(v) = v else { return Ok(None) };
    let folded = crate::locale::normalize::normalize_for_search(v.trim()).to_lowercase();
    match folded.as_str() {
        "carried" | "adopted" | "تصویب شد" | "تصویب" => Ok(Some(true)),
        "failed" | "rejected" | "رد شد" | "رد" => Ok(Some(false)),
        _ => Err(CliError::usage(unknown_value(
            ctx.prefs.lang,
            Msg::CliWhatDeclaration,
            v,
            "carried, failed",
        ))),
    }
}

fn motion_vote(ctx: &mut Context, a: &MotionVote, out: Out) -> CliResult {
    let how = how_voted(ctx, a)?;
    let casting = casting_vote(ctx, &a.casting_vote)?;
    let declared = declaration(ctx, &a.declare)?;
    let due = a.due.as_deref().map(|d| ctx.parse_date(d)).transpose()?;
    let r = motions::vote(
        ctx,
        &TakeVote {
            motion_id: a.motion,
            how,
            casting_vote: casting,
            declared,
            without_quorum: a.without_quorum,
            owner: a.owner.clone(),
            due,
            number: a.number.clone(),
        },
    )?;
    voted(ctx, &r, a.json, out)
}

/// What a vote gave: the outcome sentence and the resolutions it made.
fn voted(ctx: &Context, r: &motions::VoteResult, json: bool, out: Out) -> CliResult {
    if json {
        return print_json(out, &page(ctx, r.motion.clone())?);
    }
    let lang = ctx.prefs.lang;
    let text = match ctx.store.ballot(r.motion.id)? {
        Some(b) => motions::explain(&b, &r.outcome, lang),
        None => r.outcome.explanation(lang),
    };
    writeln!(out, "{}", display_line(&text, ctx.prefs))?;
    for res in &r.resolutions {
        say(
            out,
            ctx.prefs,
            Msg::CliMotionMadeResolution,
            &[&res.number, term_decision(ctx, res.decision)],
        )?;
    }
    Ok(())
}

fn term_decision(ctx: &Context, d: crate::model::Decision) -> &'static str {
    match ctx.prefs.lang {
        Lang::En => d.code(),
        Lang::Fa => d.label(Lang::Fa),
    }
}

fn motion_tally(ctx: &mut Context, a: &MotionRef, out: Out) -> CliResult {
    let live = motions::live_tally(&ctx.store, a.motion)?;
    let m = ctx.store.motion(a.motion)?;
    let (needs, _) = motions::requirement_now(ctx, &m)?;
    let lang = ctx.prefs.lang;
    let votes: Vec<motions::MemberVote> = live
        .votes
        .iter()
        .map(|(id, name, c)| motions::MemberVote {
            person_id: *id,
            person: name.get(lang).to_string(),
            vote: *c,
        })
        .collect();
    if a.json {
        return print_json(
            out,
            &serde_json::json!({
                "motion_id": a.motion,
                "status": m.status,
                "tally": live.tally,
                "voted": live.voted,
                "eligible": live.eligible,
                "votes": votes,
                "requirement": needs,
            }),
        );
    }
    let d = |n: i64| localize_digits(&n.to_string(), lang);
    writeln!(
        out,
        "{}",
        display_line(
            &tf(
                lang,
                Msg::CliLiveTally,
                &[
                    &d(live.voted.into()),
                    &d(live.eligible.into()),
                    &d(live.tally.yes),
                    &d(live.tally.no),
                    &d(live.tally.abstain),
                    &needs,
                ],
            ),
            ctx.prefs
        )
    )?;
    for v in &votes {
        writeln!(
            out,
            "{}",
            display_line(
                &format!("  {}: {}", v.person, v.vote.label(lang)),
                ctx.prefs
            )
        )?;
    }
    Ok(())
}

fn motion_list(ctx: &mut Context, a: &MotionList, out: Out) -> CliResult {
    let s = ctx.store.find_session(&a.session)?;
    let views = motions::motion_views(&ctx.store, s.id, ctx.prefs.lang)?;
    if a.json {
        return print_json(out, &views);
    }
    let lang = ctx.prefs.lang;
    let mut table = Table::new(&[
        t(lang, Msg::Id),
        t(lang, Msg::Item),
        t(lang, Msg::Kind),
        t(lang, Msg::CliMover),
        t(lang, Msg::CliSeconder),
        t(lang, Msg::Status),
        t(lang, Msg::CliOutcome),
    ])
    .numeric(&[0, 1]);
    // Each motion, then its amendments under it (and theirs under them).
    fn push_tree(ctx: &Context, views: &[MotionView], parent: Option<i64>, table: &mut Table) {
        let lang = ctx.prefs.lang;
        for v in views.iter().filter(|v| v.motion.amends == parent) {
            let name = |n: &Option<crate::model::Name>| {
                n.as_ref()
                    .map(|n| n.get(lang).to_string())
                    .unwrap_or_default()
            };
            table.push(vec![
                v.motion.id.to_string(),
                v.motion
                    .agenda_item_id
                    .map(|i| i.to_string())
                    .unwrap_or_default(),
                format!(
                    "{}{}",
                    "  ".repeat(v.degree.into()),
                    v.motion.kind.label(lang)
                ),
                name(&v.mover),
                name(&v.seconder),
                v.motion.status.label(lang).to_string(),
                short_outcome(ctx, v),
            ]);
            push_tree(ctx, views, Some(v.motion.id), table);
        }
    }
    push_tree(ctx, &views, None, &mut table);
    write!(out, "{}", table.render(ctx.prefs))?;
    Ok(())
}

/// "6-2-1, needed 5 of 9 · 1405/3/1": the figures of a vote, for a table cell.
fn short_outcome(ctx: &Context, v: &MotionView) -> String {
    let lang = ctx.prefs.lang;
    let (Some(o), Some(tally)) = (&v.outcome, v.ballot.as_ref().and_then(|b| b.tally.as_ref()))
    else {
        return String::new();
    };
    let d = |n: i64| localize_digits(&n.to_string(), lang);
    let mut s = tf(
        lang,
        Msg::CliOutcomeShort,
        &[
            &d(tally.yes),
            &d(tally.no),
            &d(tally.abstain),
            &d(o.needed.into()),
            &d(o.of.into()),
        ],
    );
    if let Some(n) = &v.resolution_number {
        s.push_str(" · ");
        s.push_str(&localize_digits(n, lang));
    }
    s
}

// ----- showing a motion -----

/// A motion as `motion show`, `resolution show` and the `add` commands print it: the
/// view with its amendments.
#[derive(Debug, Serialize)]
pub struct MotionPage {
    #[serde(flatten)]
    pub view: MotionView,
    pub amendments: Vec<MotionView>,
}

pub fn page(ctx: &Context, m: Motion) -> CliResult<MotionPage> {
    let lang = ctx.prefs.lang;
    let all = ctx.store.motions(m.session_id)?;
    let amendments = all
        .iter()
        .filter(|a| a.amends == Some(m.id))
        .cloned()
        .map(|a| motions::motion_view(&ctx.store, a, &all, lang))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(MotionPage {
        view: motions::motion_view(&ctx.store, m, &all, lang)?,
        amendments,
    })
}

fn show_motion(ctx: &Context, p: &MotionPage, out: Out) -> CliResult {
    let lang = ctx.prefs.lang;
    let v = &p.view;
    let d = |n: i64| localize_digits(&n.to_string(), lang);
    writeln!(
        out,
        "{}",
        display_line(
            &format!(
                "{} {} — {} — {}",
                t(lang, Msg::EntityMotion),
                d(v.motion.id),
                v.motion.kind.label(lang),
                v.motion.status.label(lang)
            ),
            ctx.prefs
        )
    )?;
    writeln!(out, "{}", display_text(&v.motion.final_text, ctx.prefs))?;
    let name = |n: &Option<crate::model::Name>| {
        n.as_ref()
            .map(|n| n.get(lang).to_string())
            .unwrap_or_else(|| "—".into())
    };
    writeln!(
        out,
        "{}",
        display_line(
            &tf(
                lang,
                Msg::CliMovedBy,
                &[
                    &name(&v.mover),
                    &name(&v.seconder),
                    &localize_digits(&v.motion.moved_at, lang)
                ],
            ),
            ctx.prefs
        )
    )?;
    outcome_lines(ctx, v.outcome.as_ref(), &v.votes, &v.recused, out)?;
    if let Some(n) = &v.resolution_number {
        writeln!(
            out,
            "{}",
            display_line(
                &format!("{} {}", t(lang, Msg::Resolution), localize_digits(n, lang)),
                ctx.prefs
            )
        )?;
    }
    for a in &p.amendments {
        writeln!(
            out,
            "{}",
            display_line(
                &format!(
                    "  {} {} — {}: {}",
                    t(lang, Msg::EntityMotion),
                    d(a.motion.id),
                    a.motion.status.label(lang),
                    a.motion.text
                ),
                ctx.prefs
            )
        )?;
    }
    Ok(())
}

/// The outcome sentence, the names under each side ("For: A, B; Against: C;
/// Abstaining: D") and the recusals with their reasons.
pub fn outcome_lines(
    ctx: &Context,
    outcome: Option<&motions::OutcomeView>,
    votes: &[motions::MemberVote],
    recused: &[motions::Recusal],
    out: Out,
) -> CliResult {
    let lang = ctx.prefs.lang;
    let sep = t(lang, Msg::ListSeparator);
    if let Some(o) = outcome {
        writeln!(out, "{}", display_line(&o.explanation, ctx.prefs))?;
    }
    let side = |c: Choice| -> Vec<String> {
        votes
            .iter()
            .filter(|v| v.vote == c)
            .map(|v| v.person.clone())
            .collect()
    };
    let mut parts = Vec::new();
    for (c, label) in [
        (Choice::Yes, Msg::CliSideFor),
        (Choice::No, Msg::CliSideAgainst),
        (Choice::Abstain, Msg::CliSideAbstaining),
        (Choice::NotVoting, Msg::CliSideNotVoting),
    ] {
        let names = side(c);
        if !names.is_empty() {
            parts.push(format!("{}: {}", t(lang, label), names.join(sep)));
        }
    }
    if !parts.is_empty() {
        writeln!(
            out,
            "{}",
            display_line(&parts.join(t(lang, Msg::CliSidesSeparator)), ctx.prefs)
        )?;
    }
    for r in recused {
        let line = if r.reason.trim().is_empty() {
            tf(lang, Msg::CliRecusedLine, &[&r.person])
        } else {
            tf(lang, Msg::CliRecusedBecause, &[&r.person, &r.reason])
        };
        writeln!(out, "{}", display_line(&line, ctx.prefs))?;
    }
    Ok(())
}

// ----- helpers -----

fn person_id(ctx: &Context, key: &str) -> CliResult<i64> {
    Ok(ctx.store.find_person(key)?.id)
}

fn opt_person(ctx: &Context, key: &Option<String>) -> CliResult<Option<i64>> {
    key.as_deref().map(|k| person_id(ctx, k)).transpose()
}

fn person_name(ctx: &Context, id: i64) -> String {
    ctx.store
        .person(id)
        .map(|p| p.name.get(ctx.prefs.lang).to_string())
        .unwrap_or_else(|_| localize_digits(&id.to_string(), ctx.prefs.lang))
}

/// A motion just moved: "motion 3 moved (Main motion) on item 2".
fn moved(ctx: &Context, m: &Motion, json: bool, out: Out) -> CliResult {
    if json {
        return print_json(out, &page(ctx, m.clone())?);
    }
    let lang = ctx.prefs.lang;
    match m.amends {
        Some(parent) => say(
            out,
            ctx.prefs,
            Msg::CliAmendmentMoved,
            &[&m.id.to_string(), &parent.to_string()],
        ),
        None => say(
            out,
            ctx.prefs,
            Msg::CliMotionMoved,
            &[&m.id.to_string(), m.kind.label(lang)],
        ),
    }
}

fn done(ctx: &Context, m: &Motion, json: bool, msg: Msg, out: Out) -> CliResult {
    if json {
        return print_json(out, &page(ctx, m.clone())?);
    }
    say(out, ctx.prefs, msg, &[&m.id.to_string()])
}

fn cast_said(
    ctx: &Context,
    motion: i64,
    person: i64,
    choice: Choice,
    json: bool,
    out: Out,
) -> CliResult {
    if json {
        let vote = ctx
            .store
            .ballot_votes(motion)?
            .into_iter()
            .find(|v| v.person_id == person);
        return print_json(out, &vote);
    }
    let lang = ctx.prefs.lang;
    say(
        out,
        ctx.prefs,
        Msg::CliVoteCast,
        &[
            &person_name(ctx, person),
            super::commands::term(ctx.prefs, choice.code(), choice.label(lang)),
            &motion.to_string(),
        ],
    )
}

#[derive(Debug, Serialize)]
struct ConflictRow {
    #[serde(flatten)]
    conflict: crate::model::voting::Conflict,
    person: String,
}

fn conflict_rows(ctx: &Context, session: i64) -> CliResult<Vec<ConflictRow>> {
    Ok(ctx
        .store
        .conflicts(session)?
        .into_iter()
        .map(|c| ConflictRow {
            person: person_name(ctx, c.person_id),
            conflict: c,
        })
        .collect())
}
