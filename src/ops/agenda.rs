//! The agenda and the minutes of each item.
//!
//! Rules: the agenda is edited by the body's secretary or chair, the minutes recorded
//! by them too, and neither changes once the minutes are approved; a version read with the form guards against saving over someone
//! else's change (the store refuses a stale version as a conflict); marking an item as
//! taken in closed session is editing the agenda.
//!
//! The agenda's shape (`model::agenda`): signatories only on a members' proposal
//! (طرح), urgency only on a bill or a members' proposal, sections one level deep (a
//! section never under another, an item only under a section of the same session); a
//! new item goes before the body's closing standing items, a sub-item after its
//! section's last; a one-step move keeps a section's sub-items with it and does not
//! pass a standing item; a move to a number may go anywhere.

use super::authz;
use super::Context;
use crate::model::agenda::{agenda_labels, check_new_item, find_by_label, AgendaProblem};
use crate::model::roles::Activity;
use crate::model::{AgendaItem, AgendaStatus, Entity, Person};
use crate::store::write::NewAgendaItem;
use crate::store::{Refusal, Result, StoreError};

/// Adds an item to a session's agenda (under its section, or before the closing
/// standing items); returns its id.
pub fn add_item(ctx: &mut Context, item: &NewAgendaItem) -> Result<i64> {
    authz::check_session(ctx, Activity::EditAgenda, item.session_id)?;
    super::not_frozen(ctx, item.session_id)?;
    let parent = match item.parent_id {
        Some(p) => {
            let parent = ctx.store.agenda_item(p)?;
            if parent.session_id != item.session_id {
                return Err(StoreError::Refused(Refusal::Agenda(
                    AgendaProblem::SectionOfOtherSession { section: p },
                )));
            }
            let items = ctx.store.agenda(item.session_id)?;
            let label = item_label(&items, p).unwrap_or_else(|| p.to_string());
            Some((parent, label))
        }
        None => None,
    };
    check_new_item(
        item.kind,
        item.urgency,
        item.signatories.len(),
        parent.as_ref().map(|(p, l)| (p, l.as_str())),
    )
    .map_err(|p| StoreError::Refused(Refusal::Agenda(p)))?;
    ctx.store.add_agenda_item(item)
}

/// The number ("7", "7.1") of the item `id` on an agenda given in position order.
pub fn item_label(items: &[AgendaItem], id: i64) -> Option<String> {
    let labels = agenda_labels(items);
    items
        .iter()
        .position(|i| i.id == id)
        .and_then(|i| labels.get(i).cloned())
}

/// The item of a session typed as its number on the agenda ("7.1", Persian digits
/// too) or, failing that, as its id; not found otherwise.
pub fn find_item(ctx: &Context, session_id: i64, key: &str) -> Result<AgendaItem> {
    let items = ctx.store.agenda(session_id)?;
    if let Some(i) = find_by_label(&items, key) {
        return Ok(i.clone());
    }
    let id = crate::locale::digits::to_latin_digits(key.trim())
        .parse::<i64>()
        .ok();
    items
        .into_iter()
        .find(|i| Some(i.id) == id)
        .ok_or(StoreError::NotFound {
            what: Entity::AgendaItem,
            key: key.to_string(),
        })
}

/// The people named as signatories (each a name, login or id, as the person lookup
/// reads it); a name that matches nobody is not found, naming it.
pub fn signatory_ids(ctx: &Context, keys: &[String]) -> Result<Vec<i64>> {
    let mut ids = Vec::new();
    for key in keys.iter().map(|k| k.trim()).filter(|k| !k.is_empty()) {
        let id = ctx.store.find_person(key)?.id;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    Ok(ids)
}

/// The signatories of the members' proposals on a session's agenda: (item id, person).
pub fn signatories(ctx: &Context, session_id: i64) -> Result<Vec<(i64, Person)>> {
    ctx.store.agenda_signatories(session_id)
}

/// Moves an item to the number `label` ("3", or "7.2": section 7's second sub-item);
/// returns the number it has now.
pub fn move_item_to(ctx: &mut Context, item_id: i64, label: &str) -> Result<String> {
    authz::check_item(ctx, Activity::EditAgenda, item_id)?;
    super::item_not_frozen(ctx, item_id)?;
    ctx.store.move_agenda_item_to(item_id, label)
}

/// Changes an item's title, presenter and duration.
pub fn edit_item(
    ctx: &mut Context,
    item_id: i64,
    title: &str,
    presenter: Option<String>,
    duration_min: Option<i64>,
    expected_version: Option<i64>,
) -> Result<()> {
    authz::check_item(ctx, Activity::EditAgenda, item_id)?;
    super::item_not_frozen(ctx, item_id)?;
    ctx.store
        .update_agenda_item(item_id, title, presenter, duration_min, expected_version)
}

/// Moves an item one step up (negative) or down the agenda; returns whether it moved
/// (not at an end, at its section's edge, or past a standing item).
pub fn move_item(ctx: &mut Context, item_id: i64, delta: i64) -> Result<bool> {
    authz::check_item(ctx, Activity::EditAgenda, item_id)?;
    super::item_not_frozen(ctx, item_id)?;
    ctx.store.move_agenda_item(item_id, delta)
}

/// Defers, withdraws or otherwise marks an item.
pub fn set_item_status(ctx: &mut Context, item_id: i64, status: AgendaStatus) -> Result<()> {
    authz::check_item(ctx, Activity::EditAgenda, item_id)?;
    super::item_not_frozen(ctx, item_id)?;
    ctx.store.set_agenda_status(item_id, status)
}

/// Records an item's minutes; returns the new version.
pub fn set_minutes(
    ctx: &mut Context,
    item_id: i64,
    text: &str,
    expected_version: Option<i64>,
) -> Result<i64> {
    authz::check_item(ctx, Activity::RecordMinutes, item_id)?;
    super::item_not_frozen(ctx, item_id)?;
    ctx.store.set_minutes(item_id, text, expected_version)
}

/// Marks an item as taken in closed session (its content then for the body's members
/// and administrators only), or takes the mark off.
pub fn set_closed(ctx: &mut Context, item_id: i64, closed: bool) -> Result<()> {
    authz::check_item(ctx, Activity::EditAgenda, item_id)?;
    super::item_not_frozen(ctx, item_id)?;
    ctx.store.set_closed(item_id, closed)
}
