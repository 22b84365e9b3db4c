//! The secretariat's register of letters (دبیرخانه): incoming and outgoing, numbered
//! per body and direction, each linkable to an agenda item or a resolution.
//!
//! Rules: the register is kept by the body's secretary or chair — registering,
//! correcting and linking a letter is [`Activity::EditAgenda`] (the agenda is what an
//! incoming letter feeds: a bill arrives as a letter); reading it needs only to see the
//! body. A number is the body's once per direction, whatever its digits; a letter links
//! only to an item or a resolution of its own body. Putting a letter on the agenda
//! (`to_agenda`) takes an incoming letter not yet on an agenda and adds an item of kind
//! bill or correspondence to a session of the same body through
//! [`super::agenda::add_item`] (so the agenda's own rules and checks apply), titled
//! with its subject, then links the letter to it.

use serde::Serialize;

use super::authz;
use super::Context;
use crate::model::legal::LetterDirection;
use crate::model::letters::{Letter, LetterLink, LetterRefusal, AGENDA_KINDS};
use crate::model::roles::Activity;
use crate::model::{Expected, InvalidValue, ItemKind};
use crate::store::legal::NewLetter;
use crate::store::letters::{LetterCorrection, LetterFilter};
use crate::store::write::NewAgendaItem;
use crate::store::{Refusal, Result, StoreError};

/// A letter with what it is linked to, for `letter show`.
#[derive(Debug, Clone, Serialize)]
pub struct LetterPage {
    pub letter: Letter,
    pub item: Option<LinkedItem>,
    pub resolution: Option<LinkedResolution>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LinkedItem {
    pub id: i64,
    /// Its number on the session's agenda ("7", "7.1").
    pub label: String,
    pub session_id: i64,
    pub title: String,
    pub kind: ItemKind,
}

#[derive(Debug, Clone, Serialize)]
pub struct LinkedResolution {
    pub id: i64,
    pub number: String,
}

/// Registers a letter in its body's register.
pub fn add(ctx: &mut Context, l: &NewLetter) -> Result<Letter> {
    authz::check(ctx, Activity::EditAgenda, Some(l.body_id))?;
    ctx.store.add_letter(l)
}

/// One letter.
pub fn get(ctx: &Context, id: i64) -> Result<Letter> {
    ctx.store.letter(id)
}

/// A letter and what it is linked to (an item or resolution the user may not read is
/// left out).
pub fn page(ctx: &Context, id: i64) -> Result<LetterPage> {
    let letter = ctx.store.letter(id)?;
    let item = match letter.agenda_item_id {
        Some(i) => match ctx.store.agenda_item(i) {
            Ok(a) => {
                let agenda = ctx.store.agenda(a.session_id)?;
                Some(LinkedItem {
                    id: a.id,
                    label: super::agenda::item_label(&agenda, a.id)
                        .unwrap_or_else(|| a.id.to_string()),
                    session_id: a.session_id,
                    title: a.title,
                    kind: a.kind,
                })
            }
            Err(StoreError::NotFound { .. }) => None,
            Err(e) => return Err(e),
        },
        None => None,
    };
    let resolution = match letter.resolution_id {
        Some(r) => match ctx.store.resolution(r) {
            Ok(r) => Some(LinkedResolution {
                id: r.id,
                number: r.number,
            }),
            Err(StoreError::NotFound { .. }) => None,
            Err(e) => return Err(e),
        },
        None => None,
    };
    Ok(LetterPage {
        letter,
        item,
        resolution,
    })
}

/// The letters a filter selects, latest first.
pub fn list(ctx: &Context, f: &LetterFilter) -> Result<Vec<Letter>> {
    if let Some(b) = f.body_id {
        authz::check_visible(ctx, b)?;
    }
    ctx.store.letters(f)
}

/// The letters linked to an agenda item.
pub fn of_item(ctx: &Context, item_id: i64) -> Result<Vec<Letter>> {
    ctx.store.letters(&LetterFilter {
        agenda_item_id: Some(item_id),
        ..Default::default()
    })
}

/// The letters linked to a resolution.
pub fn of_resolution(ctx: &Context, resolution_id: i64) -> Result<Vec<Letter>> {
    ctx.store.letters(&LetterFilter {
        resolution_id: Some(resolution_id),
        ..Default::default()
    })
}

/// Corrects a letter's number, date, correspondent or subject.
pub fn edit(ctx: &mut Context, id: i64, c: &LetterCorrection) -> Result<Letter> {
    let letter = ctx.store.letter(id)?;
    authz::check(ctx, Activity::EditAgenda, Some(letter.body_id))?;
    ctx.store.update_letter(id, c)
}

/// Links a letter to an agenda item or a resolution of its body.
pub fn link(
    ctx: &mut Context,
    id: i64,
    to: LetterLink,
    expected_version: Option<i64>,
) -> Result<Letter> {
    let letter = ctx.store.letter(id)?;
    authz::check(ctx, Activity::EditAgenda, Some(letter.body_id))?;
    ctx.store.link_letter(id, to, expected_version)
}

/// Puts an incoming letter on a session's agenda as an item of `kind` (bill or
/// correspondence) titled with its subject, and links the letter to the new item;
/// returns the letter as linked.
pub fn to_agenda(ctx: &mut Context, id: i64, session_id: i64, kind: ItemKind) -> Result<Letter> {
    if !AGENDA_KINDS.contains(&kind) {
        return Err(InvalidValue {
            what: crate::model::Entity::ItemKind,
            value: kind.code().to_string(),
            expected: Expected::OneOf(
                AGENDA_KINDS
                    .iter()
                    .map(|k| (k.code(), k.label(crate::locale::Lang::Fa)))
                    .collect(),
            ),
        }
        .into());
    }
    let letter = ctx.store.letter(id)?;
    authz::check(ctx, Activity::EditAgenda, Some(letter.body_id))?;
    let refuse = |r: LetterRefusal| Err(StoreError::Refused(Refusal::Letter(r)));
    if letter.direction != LetterDirection::In {
        return refuse(LetterRefusal::NotIncoming { letter: id });
    }
    if let Some(item) = letter.agenda_item_id {
        return refuse(LetterRefusal::AlreadyOnAgenda { letter: id, item });
    }
    let session = ctx.store.session(session_id)?;
    if session.body_id != letter.body_id {
        return refuse(LetterRefusal::SessionOfOtherBody {
            letter: id,
            body: letter.body_id,
            session: session.id,
            session_body: session.body_id,
        });
    }
    let item_id = super::agenda::add_item(
        ctx,
        &NewAgendaItem {
            session_id: session.id,
            title: letter.subject.clone(),
            presenter: None,
            duration_min: None,
            kind,
            parent_id: None,
            urgency: None,
            signatories: Vec::new(),
        },
    )?;
    ctx.store
        .link_letter(id, LetterLink::Item(item_id), Some(letter.version))
}
