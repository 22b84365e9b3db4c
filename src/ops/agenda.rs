//! The agenda and the minutes of each item.
//!
//! Rules: the agenda is edited by the body's secretary or chair, the minutes recorded
//! by them too, and neither changes once the minutes are approved; a version read with the form guards against saving over someone
//! else's change (the store refuses a stale version as a conflict); marking an item as
//! taken in closed session is editing the agenda.

use super::authz;
use super::Context;
use crate::model::roles::Activity;
use crate::model::AgendaStatus;
use crate::store::write::NewAgendaItem;
use crate::store::Result;

/// Adds an item to a session's agenda; returns its id.
pub fn add_item(ctx: &mut Context, item: &NewAgendaItem) -> Result<i64> {
    authz::check_session(ctx, Activity::EditAgenda, item.session_id)?;
    super::not_frozen(ctx, item.session_id)?;
    ctx.store.add_agenda_item(item)
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

/// Moves an item up (negative) or down the agenda.
pub fn move_item(ctx: &mut Context, item_id: i64, delta: i64) -> Result<()> {
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
