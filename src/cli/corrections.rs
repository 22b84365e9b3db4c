//! Correcting the record from the command line: `body edit`, `person edit`,
//! `member edit|end`, `guest edit|remove`, `resolution edit`, `task edit`,
//! `agenda edit|remove`, `motion edit`. Each parses its flags into the changes of
//! [`crate::ops::corrections`] and prints the record as saved. An empty value
//! (`--owner ""`) clears an optional field.

use clap::Args;

use super::commands::{print_json, say, Out};
use super::CliResult;
use crate::locale::strings::Msg;
use crate::model::rules::{FiscalYear, MeetingRule, VoteEntry};
use crate::model::*;
use crate::ops::corrections::*;
use crate::ops::Context;
use crate::store::edit::MotionCorrection;

/// Every field of a body `body add` takes, to correct in `body edit`.
#[derive(Debug, Args, Default)]
pub struct BodyFields {
    /// A new name (Persian or English, guessed from the script)
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long = "name-fa")]
    pub name_fa: Option<String>,
    #[arg(long = "name-en")]
    pub name_en: Option<String>,
    /// council, commission, committee, working_group or task_force
    #[arg(long)]
    pub kind: Option<String>,
    /// The body above it (id or name)
    #[arg(long, conflicts_with = "no_parent")]
    pub parent: Option<String>,
    /// It is under no other body
    #[arg(long = "no-parent")]
    pub no_parent: bool,
    /// none, monthly, or jalali_months:M,M
    #[arg(long = "meeting-rule")]
    pub meeting_rule: Option<String>,
    /// Resolution number pattern
    #[arg(long = "resolution-format")]
    pub resolution_format: Option<String>,
    /// The standing opening items (repeatable; replaces the list)
    #[arg(long = "template-item", value_name = "TITLE")]
    pub template_item: Vec<String>,
    /// No standing opening items
    #[arg(long = "no-template", conflicts_with = "template_item")]
    pub no_template: bool,
    /// The standing closing items, e.g. adjournment (repeatable; replaces the list)
    #[arg(long = "closing-item", value_name = "TITLE")]
    pub closing_item: Vec<String>,
    /// No standing closing items
    #[arg(long = "no-closing", conflicts_with = "closing_item")]
    pub no_closing: bool,
    /// Only members may see it
    #[arg(long, conflicts_with = "public")]
    pub confidential: bool,
    /// Anyone may see it
    #[arg(long)]
    pub public: bool,
    /// The day it was formed ("" clears it)
    #[arg(long)]
    pub formed: Option<String>,
    /// Sessions numbered within each council term
    #[arg(long = "number-per-term", conflicts_with = "one_series")]
    pub number_per_term: bool,
    /// Sessions numbered in one series
    #[arg(long = "one-series")]
    pub one_series: bool,
    /// When the fiscal year starts: jalali:1, gregorian:10…
    #[arg(long = "fiscal-year")]
    pub fiscal_year: Option<String>,
    /// Who signs the minutes: chair_secretary or present_members
    #[arg(long)]
    pub signing: Option<String>,
    /// The law its resolutions live under: none, iran-council, or one added with
    /// `shura law set`
    #[arg(long = "law-profile")]
    pub law_profile: Option<String>,
    /// How many unexcused absences end a membership: year:12,row:6, or none
    #[arg(long = "absence-rule")]
    pub absence_rule: Option<String>,
}

fn switch(on: bool, off: bool) -> Option<bool> {
    match (on, off) {
        (true, _) => Some(true),
        (_, true) => Some(false),
        _ => None,
    }
}

/// An optional text flag: absent leaves it, "" clears it.
fn clearable(v: &Option<String>) -> Option<Option<String>> {
    v.as_ref().map(|s| {
        let s = s.trim();
        (!s.is_empty()).then(|| s.to_string())
    })
}

fn clearable_date(
    ctx: &Context,
    v: &Option<String>,
) -> CliResult<Option<Option<chrono::NaiveDate>>> {
    Ok(match v.as_deref().map(str::trim) {
        None => None,
        Some("") => Some(None),
        Some(d) => Some(Some(ctx.parse_date(d)?)),
    })
}

/// A name from `--name` (script guessed) and `--name-fa`/`--name-en`, over the old one.
fn new_name(
    old: &Name,
    name: &Option<String>,
    fa: &Option<String>,
    en: &Option<String>,
) -> Option<Name> {
    if name.is_none() && fa.is_none() && en.is_none() {
        return None;
    }
    let mut n = match name {
        Some(single) => Name::guess(single),
        None => old.clone(),
    };
    if name.is_some() {
        // A single new name replaces the name in its script; the other stays.
        if n.fa.is_none() {
            n.fa = old.fa.clone();
        }
        if n.en.is_none() {
            n.en = old.en.clone();
        }
    }
    if let Some(fa) = fa {
        n.fa = (!fa.trim().is_empty()).then(|| fa.clone());
    }
    if let Some(en) = en {
        n.en = (!en.trim().is_empty()).then(|| en.clone());
    }
    Some(n)
}

/// The body changes the flags ask for.
pub(super) fn body_changes(ctx: &Context, b: &Body, f: &BodyFields) -> CliResult<BodyChanges> {
    let parent_id = if f.no_parent {
        Some(None)
    } else {
        match &f.parent {
            Some(p) => Some(Some(ctx.store.find_body(p)?.id)),
            None => None,
        }
    };
    let list = |items: &Vec<String>, none: bool| -> Option<Vec<String>> {
        if none {
            Some(Vec::new())
        } else if items.is_empty() {
            None
        } else {
            Some(items.clone())
        }
    };
    Ok(BodyChanges {
        name: new_name(&b.name, &f.name, &f.name_fa, &f.name_en),
        kind: f.kind.as_deref().map(BodyKind::parse).transpose()?,
        parent_id,
        quorum: None,
        meeting_rule: f
            .meeting_rule
            .as_deref()
            .map(MeetingRule::parse)
            .transpose()?,
        resolution_format: f.resolution_format.clone(),
        agenda_template: list(&f.template_item, f.no_template),
        agenda_closing: list(&f.closing_item, f.no_closing),
        confidential: switch(f.confidential, f.public),
        formed_on: clearable_date(ctx, &f.formed)?,
        procedure: None,
        number_per_term: switch(f.number_per_term, f.one_series),
        fiscal_year: f
            .fiscal_year
            .as_deref()
            .map(FiscalYear::parse)
            .transpose()?,
        signing: f.signing.as_deref().map(Signing::parse).transpose()?,
        law_profile: f.law_profile.clone(),
        absence_rule: f
            .absence_rule
            .as_deref()
            .map(crate::model::rules::AbsenceRule::parse)
            .transpose()?,
    })
}

#[derive(Debug, Args)]
pub struct PersonEdit {
    /// The person (id, login or name)
    pub person: String,
    /// A new name (Persian or English, guessed from the script)
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long = "name-fa")]
    pub name_fa: Option<String>,
    #[arg(long = "name-en")]
    pub name_en: Option<String>,
    /// Their Unix login ("" removes it)
    #[arg(long)]
    pub login: Option<String>,
    #[arg(long)]
    pub organization: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
    #[arg(long)]
    pub json: bool,
}

pub(super) fn person_edit(ctx: &mut Context, a: &PersonEdit, out: Out) -> CliResult {
    let p = ctx.store.find_person(&a.person)?;
    let p = edit_person(
        ctx,
        p.id,
        &PersonChanges {
            name: new_name(&p.name, &a.name, &a.name_fa, &a.name_en),
            login: clearable(&a.login),
            organization: clearable(&a.organization),
            email: clearable(&a.email),
        },
    )?;
    if a.json {
        return print_json(out, &p);
    }
    corrected(ctx, out, Entity::Person, p.id)
}

#[derive(Debug, Args)]
pub struct MemberEdit {
    /// The membership's id (`member list` shows it)
    pub membership: i64,
    /// chair, vice_chair, secretary, member or observer
    #[arg(long)]
    pub role: Option<String>,
    /// The member votes (and counts for quorum)
    #[arg(long, conflicts_with = "non_voting")]
    pub voting: bool,
    /// The member has no vote
    #[arg(long = "non-voting")]
    pub non_voting: bool,
    /// The term's first day ("" clears it)
    #[arg(long)]
    pub from: Option<String>,
    /// The term's last day ("" clears it)
    #[arg(long)]
    pub to: Option<String>,
    #[arg(long)]
    pub json: bool,
}

pub(super) fn member_edit(ctx: &mut Context, a: &MemberEdit, out: Out) -> CliResult {
    let changes = MembershipChanges {
        role: a.role.as_deref().map(Role::parse).transpose()?,
        voting: switch(a.voting, a.non_voting),
        term_start: clearable_date(ctx, &a.from)?,
        term_end: clearable_date(ctx, &a.to)?,
    };
    let m = edit_membership(ctx, a.membership, &changes)?;
    if a.json {
        return print_json(out, &m);
    }
    corrected(ctx, out, Entity::Membership, m.id)
}

#[derive(Debug, Args)]
pub struct MemberEnd {
    /// The membership's id (`member list` shows it)
    pub membership: i64,
    /// The last day of the membership (default: today)
    #[arg(long)]
    pub on: Option<String>,
    #[arg(long)]
    pub json: bool,
}

pub(super) fn member_end(ctx: &mut Context, a: &MemberEnd, out: Out) -> CliResult {
    let on = a.on.as_deref().map(|d| ctx.parse_date(d)).transpose()?;
    let m = end_membership(ctx, a.membership, on)?;
    if a.json {
        return print_json(out, &m);
    }
    let ended = ctx.opt_date(m.term_end);
    say(
        out,
        ctx.prefs,
        Msg::CliMembershipEnded,
        &[&m.id.to_string(), &ended],
    )
}

#[derive(Debug, Args)]
pub struct GuestEdit {
    /// The guest's id (`session show` lists them)
    pub guest: i64,
    #[arg(long)]
    pub name: Option<String>,
    /// Their organization ("" clears it)
    #[arg(long)]
    pub organization: Option<String>,
    #[arg(long)]
    pub json: bool,
}

pub(super) fn guest_edit(ctx: &mut Context, a: &GuestEdit, out: Out) -> CliResult {
    let g = edit_guest(ctx, a.guest, a.name.clone(), clearable(&a.organization))?;
    if a.json {
        return print_json(out, &g);
    }
    corrected(ctx, out, Entity::Guest, g.id)
}

#[derive(Debug, Args)]
pub struct GuestRemove {
    pub guest: i64,
    #[arg(long)]
    pub json: bool,
}

pub(super) fn guest_remove(ctx: &mut Context, a: &GuestRemove, out: Out) -> CliResult {
    let g = remove_guest(ctx, a.guest)?;
    if a.json {
        return print_json(out, &g);
    }
    say(
        out,
        ctx.prefs,
        Msg::CliGuestRemoved,
        &[&g.id.to_string(), &g.session_id.to_string()],
    )
}

#[derive(Debug, Args)]
pub struct ResolutionEdit {
    pub id: i64,
    #[arg(long)]
    pub text: Option<String>,
    /// adopted, rejected, deferred or withdrawn (with a corrected vote, it must be the
    /// one the votes give)
    #[arg(long)]
    pub decision: Option<String>,
    /// The tally as corrected, FOR/AGAINST/ABSTAIN (e.g. 7/2/1), or u for unanimous
    #[arg(long)]
    pub votes: Option<String>,
    /// Who carries it out ("" clears it)
    #[arg(long)]
    pub owner: Option<String>,
    /// Its due date ("" clears it)
    #[arg(long)]
    pub due: Option<String>,
    /// The agenda item it was decided on (its number, e.g. 2.1, or id), when recorded
    /// on the wrong one
    #[arg(long)]
    pub item: Option<String>,
    #[arg(long)]
    pub json: bool,
}

pub(super) fn resolution_edit(ctx: &mut Context, a: &ResolutionEdit, out: Out) -> CliResult {
    let before = ctx.store.resolution(a.id)?;
    let changes = ResolutionChanges {
        text: a.text.clone(),
        decision: a.decision.as_deref().map(Decision::parse).transpose()?,
        votes: a.votes.as_deref().map(VoteEntry::parse).transpose()?,
        owner: clearable(&a.owner),
        due: clearable_date(ctx, &a.due)?,
        agenda_item_id: match (&a.item, before.session_id) {
            (Some(key), Some(s)) => Some(crate::ops::agenda::find_item(ctx, s, key)?.id),
            (Some(key), None) => Some(
                crate::locale::digits::to_latin_digits(key)
                    .parse::<i64>()
                    .map_err(|_| crate::store::StoreError::NotFound {
                        what: Entity::AgendaItem,
                        key: key.clone(),
                    })?,
            ),
            (None, _) => None,
        },
        expected_version: Some(before.version),
    };
    let r = edit_resolution(ctx, a.id, &changes)?;
    if a.json {
        return print_json(out, &r);
    }
    corrected(ctx, out, Entity::Resolution, r.id)
}

#[derive(Debug, Args)]
pub struct TaskEdit {
    pub id: i64,
    #[arg(long)]
    pub title: Option<String>,
    /// ("" clears it)
    #[arg(long)]
    pub description: Option<String>,
    /// A person (id, login or name; "" for nobody)
    #[arg(long)]
    pub assignee: Option<String>,
    /// A unit responsible ("" clears it)
    #[arg(long)]
    pub unit: Option<String>,
    /// ("" clears it)
    #[arg(long)]
    pub due: Option<String>,
    /// low, normal, high or urgent
    #[arg(long)]
    pub priority: Option<String>,
    #[arg(long)]
    pub json: bool,
}

pub(super) fn task_edit(ctx: &mut Context, a: &TaskEdit, out: Out) -> CliResult {
    let before = ctx.store.task(a.id)?;
    let assignee_id = match a.assignee.as_deref().map(str::trim) {
        None => None,
        Some("") => Some(None),
        Some(p) => Some(Some(ctx.store.find_person(p)?.id)),
    };
    let changes = TaskChanges {
        title: a.title.clone(),
        description: clearable(&a.description),
        assignee_id,
        assignee_unit: clearable(&a.unit),
        due: clearable_date(ctx, &a.due)?,
        priority: a.priority.as_deref().map(Priority::parse).transpose()?,
        expected_version: Some(before.version),
    };
    let task = edit_task(ctx, a.id, &changes)?;
    if a.json {
        return print_json(out, &task);
    }
    corrected(ctx, out, Entity::Task, task.id)
}

#[derive(Debug, Args)]
pub struct AgendaEdit {
    pub item: i64,
    #[arg(long)]
    pub title: Option<String>,
    /// ("" clears it)
    #[arg(long)]
    pub presenter: Option<String>,
    /// Minutes planned ("" clears it)
    #[arg(long)]
    pub duration: Option<String>,
    /// item, section, report, proposal, bill, members_motion or correspondence
    #[arg(long)]
    pub kind: Option<String>,
    /// urgent or double_urgent ("" clears it)
    #[arg(long)]
    pub urgency: Option<String>,
    /// The signatories of a members' proposal (repeatable; replaces them)
    #[arg(long = "signatory", value_name = "PERSON")]
    pub signatory: Vec<String>,
    #[arg(long)]
    pub json: bool,
}

pub(super) fn agenda_edit(ctx: &mut Context, a: &AgendaEdit, out: Out) -> CliResult {
    let item = ctx.store.agenda_item(a.item)?;
    let duration = match a.duration.as_deref().map(str::trim) {
        None => item.duration_min,
        Some("") => None,
        Some(d) => Some(
            crate::locale::digits::to_latin_digits(d)
                .parse::<i64>()
                .map_err(|_| InvalidValue {
                    what: Entity::Duration,
                    value: d.to_string(),
                    expected: Expected::msg(Msg::ExpectedDurationMinutes),
                })?,
        ),
    };
    let presenter = match clearable(&a.presenter) {
        None => item.presenter.clone(),
        Some(p) => p,
    };
    if a.title.is_some() || a.presenter.is_some() || a.duration.is_some() {
        crate::ops::agenda::edit_item(
            ctx,
            item.id,
            a.title.as_deref().unwrap_or(&item.title),
            presenter,
            duration,
            Some(item.version),
        )?;
    }
    if a.kind.is_some() || a.urgency.is_some() || !a.signatory.is_empty() {
        let kind = a.kind.as_deref().map(ItemKind::parse).transpose()?;
        let urgency = match a.urgency.as_deref().map(str::trim) {
            None => None,
            Some("") => Some(None),
            Some(u) => Some(Some(Urgency::parse(u)?)),
        };
        let signatories = if a.signatory.is_empty() {
            None
        } else {
            Some(crate::ops::agenda::signatory_ids(ctx, &a.signatory)?)
        };
        edit_item_kind(ctx, item.id, kind, urgency, signatories)?;
    }
    if a.json {
        return print_json(out, &ctx.store.agenda_item(item.id)?);
    }
    corrected(ctx, out, Entity::AgendaItem, item.id)
}

#[derive(Debug, Args)]
pub struct AgendaRemove {
    pub item: i64,
}

pub(super) fn agenda_remove(ctx: &mut Context, a: &AgendaRemove, out: Out) -> CliResult {
    remove_item(ctx, a.item)?;
    say(out, ctx.prefs, Msg::CliItemRemoved, &[&a.item.to_string()])
}

#[derive(Debug, Args)]
pub struct MotionEdit {
    pub motion: i64,
    /// The wording as moved
    #[arg(long)]
    pub text: Option<String>,
    /// Who moved it (id, login or name; "" for nobody recorded)
    #[arg(long)]
    pub mover: Option<String>,
    /// Who seconded it ("" for nobody)
    #[arg(long)]
    pub seconder: Option<String>,
    #[arg(long)]
    pub json: bool,
}

pub(super) fn motion_edit(ctx: &mut Context, a: &MotionEdit, out: Out) -> CliResult {
    let person = |ctx: &Context, v: &Option<String>| -> CliResult<Option<Option<i64>>> {
        Ok(match v.as_deref().map(str::trim) {
            None => None,
            Some("") => Some(None),
            Some(p) => Some(Some(ctx.store.find_person(p)?.id)),
        })
    };
    let c = MotionCorrection {
        text: a.text.clone(),
        mover_id: person(ctx, &a.mover)?,
        seconder_id: person(ctx, &a.seconder)?,
    };
    let m = edit_motion(ctx, a.motion, &c)?;
    if a.json {
        return print_json(out, &m);
    }
    corrected(ctx, out, Entity::Motion, m.id)
}

/// "Resolution 12 corrected." in the user's language.
fn corrected(ctx: &Context, out: Out, what: Entity, id: i64) -> CliResult {
    let lang = ctx.prefs.lang;
    say(
        out,
        ctx.prefs,
        Msg::CliCorrected,
        &[what.name(lang), &id.to_string()],
    )
}
