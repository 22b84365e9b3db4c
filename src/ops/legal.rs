//! A resolution's legal life after the session, one use case each: sending it out
//! (ابلاغ) and the acknowledgement, an objection, the body's answer at a session, the
//! dispute board's ruling; where each resolution stands; the dashboard's legal
//! figures; law profiles and holidays.
//!
//! Rules: recording any of these is the body's secretary's, chair's or vice-chair's
//! (recording resolutions); law profiles and holidays are an administrator's. Only an
//! adopted resolution is sent. An objection needs a law with a clock; each event must
//! follow the state the dates and earlier events give (`model::legal::event_allowed`).
//! Every date is on or after adoption and not after today.

use chrono::{Datelike, Duration, NaiveDate};
use serde::Serialize;

use super::authz;
use super::Context;
use crate::locale::calendar::to_jalali;
use crate::locale::strings::{t, tf, Msg};
use crate::locale::{Calendar, Lang};
use crate::model::legal::{
    event_allowed, legal_life, LawProfile, LegalEvent, LegalEventKind, LegalLife, LegalProblem,
    LegalRefusal, LegalState, RecipientKind, SendMethod, Sending,
};
use crate::model::roles::Activity;
use crate::model::{Decision, Entity, Name};
use crate::store::legal::{LegalRecord, NewLegalEvent, NewSending};
use crate::store::{Refusal, Result, StoreError};

fn refuse(r: LegalRefusal) -> StoreError {
    StoreError::Refused(Refusal::Legal(r))
}

/// Reads a recipient as typed: `authority:NAME` (مرجع:), `unit:NAME` (واحد:),
/// `person:KEY` (شخص:), or a bare name: a person when one has that id, login or name,
/// else a unit.
pub fn parse_recipient(ctx: &Context, s: &str) -> Result<(RecipientKind, String, Option<i64>)> {
    let s = s.trim();
    let (kind, rest) = match s.split_once(':') {
        Some((k, rest)) => match k.trim().to_lowercase().as_str() {
            "authority" | "مرجع" => (Some(RecipientKind::Authority), rest.trim()),
            "unit" | "واحد" => (Some(RecipientKind::Unit), rest.trim()),
            "person" | "شخص" => (Some(RecipientKind::Person), rest.trim()),
            _ => (None, s),
        },
        None => (None, s),
    };
    if rest.is_empty() {
        return Err(crate::model::InvalidValue {
            what: Entity::Recipient,
            value: s.to_string(),
            expected: crate::model::Expected::msg(Msg::ExpectedRecipient),
        }
        .into());
    }
    match kind {
        Some(RecipientKind::Person) => {
            let p = ctx.store.find_person(rest)?;
            Ok((
                RecipientKind::Person,
                p.name.get(ctx.prefs.lang).to_string(),
                Some(p.id),
            ))
        }
        Some(k) => Ok((k, rest.to_string(), None)),
        None => match ctx.store.find_person(rest) {
            Ok(p) => Ok((
                RecipientKind::Person,
                p.name.get(ctx.prefs.lang).to_string(),
                Some(p.id),
            )),
            Err(StoreError::NotFound { .. }) => Ok((RecipientKind::Unit, rest.to_string(), None)),
            Err(e) => Err(e),
        },
    }
}

/// Where a resolution stands, with its sendings and events, as both front ends show it.
#[derive(Debug, Clone, Serialize)]
pub struct LegalView {
    pub resolution_id: i64,
    pub number: String,
    pub body_id: i64,
    pub profile: String,
    pub adopted_on: NaiveDate,
    #[serde(flatten)]
    pub life: LegalLife,
    /// The state in words, with its dates in the user's calendar.
    pub description: String,
    /// The deadline (JSON adds `due_jalali` beside it).
    pub due: Option<NaiveDate>,
    pub sendings: Vec<Sending>,
    pub events: Vec<LegalEvent>,
}

fn profile_of(ctx: &Context, code: &str) -> Result<LawProfile> {
    ctx.store.law_profile(code)
}

fn adopted(r: &LegalRecord) -> Option<NaiveDate> {
    (r.resolution.decision == Decision::Adopted).then_some(r.adopted_on)
}

/// The state in words: "sent; objection window open until 1404/01/19".
pub fn describe(prefs: crate::locale::Prefs, life: &LegalLife) -> String {
    let l = prefs.lang;
    let d = |d: NaiveDate| crate::locale::calendar::format_date(d, prefs.calendar, l);
    let mut s = match life.state {
        LegalState::NotAdopted => t(l, Msg::LegalStateNotAdopted).to_string(),
        LegalState::NoClock { .. } => t(l, Msg::LegalStateNoClock).to_string(),
        LegalState::ToBeSent { due } => tf(l, Msg::LegalToBeSentBy, &[&d(due)]),
        LegalState::ObjectionWindow { notified, until } => {
            tf(l, Msg::LegalWindowUntil, &[&d(notified), &d(until)])
        }
        LegalState::InForce { since } => tf(l, Msg::LegalInForceSince, &[&d(since)]),
        LegalState::Objected { on, answer_by } => {
            tf(l, Msg::LegalObjectedOn, &[&d(on), &d(answer_by)])
        }
        LegalState::Insisted { on } => tf(l, Msg::LegalInsistedOn, &[&d(on)]),
        LegalState::Annulled { on } => tf(l, Msg::LegalAnnulledOn, &[&d(on)]),
        LegalState::Withdrawn { on } => tf(l, Msg::LegalWithdrawnOn, &[&d(on)]),
    };
    for p in &life.problems {
        s.push_str(t(l, Msg::ListSeparator));
        s.push_str(&match p {
            LegalProblem::SentLate { due, sent } => {
                tf(l, Msg::LegalSentLate, &[&d(*sent), &d(*due)])
            }
            LegalProblem::NotSentInTime { due } => tf(l, Msg::LegalNotSentInTime, &[&d(*due)]),
            LegalProblem::ObjectionLate { until, on } => {
                tf(l, Msg::LegalObjectionLate, &[&d(*on), &d(*until)])
            }
            LegalProblem::AnswerLate { by } => tf(l, Msg::LegalAnswerLate, &[&d(*by)]),
        });
    }
    s
}

fn view_of(
    store: &crate::store::Store,
    prefs: crate::locale::Prefs,
    today: NaiveDate,
    r: LegalRecord,
) -> Result<LegalView> {
    let profile = store.law_profile(&r.profile)?;
    let life = legal_life(
        &profile,
        &store.holiday_days()?,
        adopted(&r),
        &r.sendings,
        &r.events,
        today,
    );
    let due = life.state.due();
    Ok(LegalView {
        resolution_id: r.resolution.id,
        number: r.resolution.number.clone(),
        body_id: r.resolution.body_id,
        profile: r.profile.clone(),
        adopted_on: r.adopted_on,
        description: describe(prefs, &life),
        due,
        life,
        sendings: r.sendings,
        events: r.events,
    })
}

/// Where a resolution stands in law today.
pub fn view(ctx: &Context, resolution_id: i64) -> Result<LegalView> {
    view_in(&ctx.store, ctx.prefs, ctx.today, resolution_id)
}

/// [`view`] from the parts of a context (a screen that holds only the store).
pub fn view_in(
    store: &crate::store::Store,
    prefs: crate::locale::Prefs,
    today: NaiveDate,
    resolution_id: i64,
) -> Result<LegalView> {
    let r = store.legal_record(resolution_id)?;
    view_of(store, prefs, today, r)
}

/// A date for a legal act: on or after adoption, not after today.
fn check_date(ctx: &Context, r: &LegalRecord, on: NaiveDate) -> Result<()> {
    if on < r.adopted_on || on > ctx.today {
        return Err(refuse(LegalRefusal::DateOutOfRange {
            date: on,
            from: r.adopted_on,
            to: ctx.today,
        }));
    }
    Ok(())
}

fn adopted_record(ctx: &mut Context, resolution_id: i64) -> Result<LegalRecord> {
    let r = ctx.store.legal_record(resolution_id)?;
    authz::check(ctx, Activity::RecordResolutions, Some(r.resolution.body_id))?;
    if r.resolution.decision != Decision::Adopted {
        return Err(refuse(LegalRefusal::NotAdopted {
            resolution: resolution_id,
        }));
    }
    Ok(r)
}

/// Sends a resolution to its recipients on a day (today when none), by a method, under
/// an outgoing letter number.
pub fn send(
    ctx: &mut Context,
    resolution_id: i64,
    recipients: &[String],
    letter: Option<&str>,
    on: Option<NaiveDate>,
    method: SendMethod,
) -> Result<LegalView> {
    let r = adopted_record(ctx, resolution_id)?;
    let on = on.unwrap_or(ctx.today);
    check_date(ctx, &r, on)?;
    let mut to = Vec::new();
    for s in recipients {
        to.push(parse_recipient(ctx, s)?);
    }
    if to.is_empty() {
        return Err(crate::model::InvalidValue {
            what: Entity::Recipient,
            value: String::new(),
            expected: crate::model::Expected::msg(Msg::ExpectedRecipient),
        }
        .into());
    }
    let profile = profile_of(ctx, &r.profile)?;
    ctx.store.send_resolution(&NewSending {
        resolution_id,
        recipients: to,
        sent_on: on,
        method,
        letter_number: letter.map(str::to_string),
        law: profile.periods_code(),
    })?;
    view(ctx, resolution_id)
}

/// Records that a recipient had the resolution on a day (today when none).
pub fn acknowledge(
    ctx: &mut Context,
    resolution_id: i64,
    by: &str,
    on: Option<NaiveDate>,
) -> Result<LegalView> {
    let r = adopted_record(ctx, resolution_id)?;
    let on = on.unwrap_or(ctx.today);
    check_date(ctx, &r, on)?;
    let (kind, name, person) = parse_recipient(ctx, by)?;
    let key = crate::locale::normalize::normalize_for_search(&name);
    let ids: Vec<i64> = r
        .sendings
        .iter()
        .filter(|s| s.acknowledged_on.is_none())
        .filter(|s| match person {
            Some(p) => s.person_id == Some(p),
            None => {
                crate::locale::normalize::normalize_for_search(&s.recipient) == key
                    && (s.recipient_kind == kind || kind == RecipientKind::Unit)
            }
        })
        .map(|s| s.id)
        .collect();
    ctx.store
        .acknowledge_sending(resolution_id, &ids, on, &name)?;
    view(ctx, resolution_id)
}

fn record_event(
    ctx: &mut Context,
    resolution_id: i64,
    kind: LegalEventKind,
    on: NaiveDate,
    by: &str,
    session_id: Option<i64>,
    reason: &str,
) -> Result<LegalView> {
    let r = adopted_record(ctx, resolution_id)?;
    check_date(ctx, &r, on)?;
    let profile = profile_of(ctx, &r.profile)?;
    if !profile.clock {
        return Err(refuse(LegalRefusal::NoClock {
            resolution: resolution_id,
            profile: profile.code,
        }));
    }
    // The state on the day of the act, so a late objection is still one.
    let state = legal_life(
        &profile,
        &ctx.store.holiday_days()?,
        adopted(&r),
        &r.sendings,
        &r.events,
        on,
    )
    .state;
    if !event_allowed(&state, kind, &r.events) {
        return Err(refuse(LegalRefusal::EventNotAllowed {
            resolution: resolution_id,
            event: kind,
            state: state.code(),
        }));
    }
    ctx.store.add_legal_event(&NewLegalEvent {
        resolution_id,
        kind,
        on,
        by: by.to_string(),
        session_id,
        reason: reason.to_string(),
    })?;
    view(ctx, resolution_id)
}

/// An outside authority objects to a resolution on a day.
pub fn object(
    ctx: &mut Context,
    resolution_id: i64,
    by: &str,
    on: Option<NaiveDate>,
    reason: &str,
) -> Result<LegalView> {
    let on = on.unwrap_or(ctx.today);
    record_event(
        ctx,
        resolution_id,
        LegalEventKind::Objection,
        on,
        by,
        None,
        reason,
    )
}

/// The body answers an objection at one of its sessions (on that session's day):
/// insists, amends or withdraws.
pub fn answer(
    ctx: &mut Context,
    resolution_id: i64,
    kind: LegalEventKind,
    session_id: i64,
    reason: &str,
) -> Result<LegalView> {
    if !matches!(
        kind,
        LegalEventKind::Insist | LegalEventKind::Amend | LegalEventKind::Withdraw
    ) {
        return Err(crate::model::InvalidValue {
            what: Entity::LegalEventKind,
            value: kind.code().to_string(),
            expected: crate::model::Expected::OneOf(
                [
                    LegalEventKind::Insist,
                    LegalEventKind::Amend,
                    LegalEventKind::Withdraw,
                ]
                .iter()
                .map(|k| (k.code(), k.label(Lang::Fa)))
                .collect(),
            ),
        }
        .into());
    }
    let r = ctx.store.resolution(resolution_id)?;
    let session = ctx.store.session(session_id)?;
    if session.body_id != r.body_id {
        return Err(refuse(LegalRefusal::AnswerAtOtherBody {
            session: session_id,
            body: r.body_id,
        }));
    }
    record_event(
        ctx,
        resolution_id,
        kind,
        session.date,
        "",
        Some(session_id),
        reason,
    )
}

/// The dispute board rules on a resolution the body insisted on.
pub fn ruling(
    ctx: &mut Context,
    resolution_id: i64,
    upheld: bool,
    by: &str,
    on: Option<NaiveDate>,
    reason: &str,
) -> Result<LegalView> {
    let kind = if upheld {
        LegalEventKind::Upheld
    } else {
        LegalEventKind::Annulled
    };
    let on = on.unwrap_or(ctx.today);
    record_event(ctx, resolution_id, kind, on, by, None, reason)
}

/// A resolution in one of the dashboard's legal figures, with its deadline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LegalItem {
    pub id: i64,
    pub number: String,
    pub body_id: i64,
    pub state: &'static str,
    /// The deadline (to send, to object, to answer), or the day it came into force.
    pub due: NaiveDate,
    /// Days from today to `due` (negative: past).
    pub days_left: i64,
}

/// The dashboard's legal figures.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LegalFigures {
    /// Not sent and past the sending period.
    pub unsent: Vec<LegalItem>,
    /// Objection windows ending within the week (today to six days on).
    pub objection_window: Vec<LegalItem>,
    /// Objections the body has still to answer.
    pub objections_to_answer: Vec<LegalItem>,
    /// In force since a day of this month (the user's calendar).
    pub in_force: Vec<LegalItem>,
}

impl LegalFigures {
    pub fn is_empty(&self) -> bool {
        self.unsent.is_empty()
            && self.objection_window.is_empty()
            && self.objections_to_answer.is_empty()
            && self.in_force.is_empty()
    }
}

/// The first day of the month `d` is in, in a calendar.
fn month_start(d: NaiveDate, cal: Calendar) -> NaiveDate {
    match cal {
        Calendar::Gregorian => d.with_day(1).unwrap_or(d),
        Calendar::Jalali => d - Duration::days(i64::from(to_jalali(d).day) - 1),
    }
}

/// The legal figures of the bodies the user sees (those of `scope` when given) on
/// `today`; "this month" is the month of the user's calendar.
pub fn figures(
    store: &crate::store::Store,
    scope: Option<&[i64]>,
    today: NaiveDate,
    calendar: Calendar,
) -> Result<LegalFigures> {
    let records = store.resolutions_under_law(today)?;
    let mut f = LegalFigures::default();
    if records.is_empty() {
        return Ok(f);
    }
    let holidays = store.holiday_days()?;
    let mut profiles: std::collections::HashMap<String, LawProfile> = Default::default();
    let week_end = today + Duration::days(6);
    let month = month_start(today, calendar);
    for r in records {
        if scope.is_some_and(|s| !s.contains(&r.resolution.body_id)) {
            continue;
        }
        if !profiles.contains_key(&r.profile) {
            profiles.insert(r.profile.clone(), store.law_profile(&r.profile)?);
        }
        let profile = &profiles[&r.profile];
        let life = legal_life(
            profile,
            &holidays,
            adopted(&r),
            &r.sendings,
            &r.events,
            today,
        );
        let item = |due: NaiveDate| LegalItem {
            id: r.resolution.id,
            number: r.resolution.number.clone(),
            body_id: r.resolution.body_id,
            state: life.state.code(),
            due,
            days_left: (due - today).num_days(),
        };
        match life.state {
            LegalState::ToBeSent { due } if due < today => f.unsent.push(item(due)),
            LegalState::ObjectionWindow { until, .. } if until <= week_end => {
                f.objection_window.push(item(until))
            }
            LegalState::Objected { answer_by, .. } => f.objections_to_answer.push(item(answer_by)),
            LegalState::InForce { since } if since >= month && since <= today => {
                f.in_force.push(item(since))
            }
            _ => {}
        }
    }
    for list in [
        &mut f.unsent,
        &mut f.objection_window,
        &mut f.objections_to_answer,
        &mut f.in_force,
    ] {
        list.sort_by_key(|i| (i.due, i.id));
    }
    Ok(f)
}

/// Every law profile.
pub fn profiles(ctx: &Context) -> Result<Vec<LawProfile>> {
    ctx.store.law_profiles()
}

/// Adds or changes a law profile (an administrator's). Resolutions already sent keep
/// the periods they were sent under.
pub fn save_profile(
    ctx: &mut Context,
    p: &LawProfile,
    expected_version: Option<i64>,
) -> Result<LawProfile> {
    authz::check(ctx, Activity::SetUpBodies, None)?;
    ctx.store.save_law_profile(p, expected_version)?;
    ctx.store.law_profile(&p.code)
}

/// Records an official holiday (an administrator's).
pub fn add_holiday(ctx: &mut Context, day: NaiveDate, name: &Name) -> Result<()> {
    authz::check(ctx, Activity::SetUpBodies, None)?;
    ctx.store.add_holiday(day, name)
}

pub fn holidays(ctx: &Context) -> Result<Vec<(NaiveDate, Name)>> {
    ctx.store.holidays()
}
