//! Loads who the user is to the database (administrator, person, roles per body) and
//! asks the one rule in [`crate::model::roles`]. Roles are those of memberships in force
//! by the system clock ([`clock_today`]) and the real uid: nothing a user sets, such as
//! `SHURA_TODAY`, changes what they may do or see. Every write, in the CLI and the TUI,
//! calls [`check`] (or [`check_task_progress`]) first; [`Context::new`] hides the
//! confidential bodies the user may not see.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::Context;
use crate::locale::strings::{tf, Msg};
use crate::locale::Lang;
use crate::model::roles::{
    allowed, allowed_activities, may_see, principal_role, Activity, Need, Standing,
};
use crate::model::{Entity, Name, Role, Task};
use crate::store::access::LoginFacts;
use crate::store::{clock_today, Result, Store, StoreError};

/// The user's roles in each body, from memberships in force on `today`.
fn roles_by_body(facts: &LoginFacts, today: NaiveDate) -> BTreeMap<i64, Vec<Role>> {
    let mut map: BTreeMap<i64, Vec<Role>> = BTreeMap::new();
    for m in facts.memberships.iter().filter(|m| m.active_on(today)) {
        map.entry(m.body_id).or_default().push(m.role);
    }
    map
}

/// The confidential bodies the store's actor may not see.
pub fn hidden_bodies(store: &Store, today: NaiveDate) -> Result<Vec<i64>> {
    let facts = store.login_facts(&store.actor.login)?;
    let roles = roles_by_body(&facts, today);
    Ok(store
        .confidential_bodies()?
        .into_iter()
        .filter(|b| {
            !may_see(
                true,
                facts.administrator,
                roles.get(b).map(Vec::as_slice).unwrap_or(&[]),
            )
        })
        .collect())
}

/// The bodies whose closed-session items the store's actor may not read
/// ([`Activity::ReadClosedSession`]): every body where they are not a current member,
/// unless they are an administrator (then none).
pub fn closed_hidden_bodies(store: &Store, today: NaiveDate) -> Result<Vec<i64>> {
    let facts = store.login_facts(&store.actor.login)?;
    let roles = roles_by_body(&facts, today);
    Ok(store
        .all_body_ids()?
        .into_iter()
        .filter(|b| {
            !allowed(
                &Standing {
                    administrator: facts.administrator,
                    roles: roles.get(b).cloned().unwrap_or_default(),
                    own_task: false,
                },
                Activity::ReadClosedSession,
            )
        })
        .collect())
}

/// Hides from the store's reads the confidential bodies its actor may not see, and
/// the closed-session items of the bodies whose closed items they may not read. When
/// the facts cannot be read, every confidential body and every body's closed items
/// are hidden.
pub fn apply_visibility(store: &mut Store, today: NaiveDate) {
    let hidden = hidden_bodies(store, today)
        .or_else(|_| store.confidential_bodies())
        .unwrap_or_default();
    let closed = closed_hidden_bodies(store, today)
        .or_else(|_| store.all_body_ids())
        .unwrap_or_default()
        .into_iter()
        // A hidden body is left out whole already.
        .filter(|b| hidden.binary_search(b).is_err())
        .collect();
    store.hide_bodies(hidden);
    store.hide_closed_items_of(closed);
}

/// The user's standing in one body (or for the whole database when `body_id` is None).
pub fn standing(store: &Store, body_id: Option<i64>, today: NaiveDate) -> Result<Standing> {
    let facts = store.login_facts(&store.actor.login)?;
    let roles = match body_id {
        Some(b) => roles_by_body(&facts, today).remove(&b).unwrap_or_default(),
        None => Vec::new(),
    };
    Ok(Standing {
        administrator: facts.administrator,
        roles,
        own_task: false,
    })
}

fn refusal(ctx: &Context, activity: Activity, body: Option<&Name>, st: &Standing) -> StoreError {
    let lang = ctx.prefs.lang;
    let actor = &ctx.store.actor;
    let uid = actor.uid.to_string();
    let text = match body {
        None => tf(
            lang,
            Msg::RefusedSetUp,
            &[activity.label(lang), &uid, &actor.login],
        ),
        Some(name) => {
            let what = match principal_role(&st.roles) {
                Some(Role::Chair) => Msg::StandingChair,
                Some(Role::ViceChair) => Msg::StandingViceChair,
                Some(Role::Secretary) => Msg::StandingSecretary,
                Some(Role::Member) => Msg::StandingMember,
                Some(Role::Observer) => Msg::StandingObserver,
                None => Msg::StandingNone,
            };
            tf(
                lang,
                Msg::RefusedInBody,
                &[
                    activity.label(lang),
                    name.get(lang),
                    need_text(activity.need(), lang),
                    &uid,
                    &actor.login,
                    what.text(lang),
                ],
            )
        }
    };
    StoreError::Denied(text)
}

/// Who is needed, in words: "its secretary, chair or vice-chair".
pub fn need_text(need: Need, lang: Lang) -> &'static str {
    match need {
        Need::Administrator => Msg::NeedAdministrator.text(lang),
        Need::Editor => Msg::NeedEditor.text(lang),
        Need::Chair => Msg::NeedChair.text(lang),
        Need::AssigneeOrEditor => Msg::NeedAssigneeOrEditor.text(lang),
        Need::Member => Msg::NeedMemberOfBody.text(lang),
    }
}

/// Refuses a body the user may not see, as not found.
pub fn check_visible(ctx: &Context, body_id: i64) -> Result<()> {
    hidden_as_not_found(ctx, body_id)
}

fn hidden_as_not_found(ctx: &Context, body_id: i64) -> Result<()> {
    if ctx.store.is_hidden(body_id) {
        return Err(StoreError::NotFound {
            what: Entity::Body,
            key: body_id.to_string(),
        });
    }
    Ok(())
}

/// Refuses the activity unless the user's standing allows it: in `body_id` for the
/// body's record, or database-wide for set-up (`body_id` None). The refusal says which
/// role is needed and what the user is; a body the user may not see is "not found".
pub fn check(ctx: &Context, activity: Activity, body_id: Option<i64>) -> Result<()> {
    if let Some(b) = body_id {
        hidden_as_not_found(ctx, b)?;
    }
    let st = standing(&ctx.store, body_id, clock_today())?;
    if allowed(&st, activity) {
        return Ok(());
    }
    let name = match body_id {
        Some(b) => Some(ctx.store.body_facts(b)?.name),
        None => None,
    };
    Err(refusal(ctx, activity, name.as_ref(), &st))
}

/// Refuses recording progress on a task unless it is the user's own (assigned to their
/// person) or they keep the body's record.
pub fn check_task_progress(ctx: &Context, task: &Task) -> Result<()> {
    hidden_as_not_found(ctx, task.body_id)?;
    let facts = ctx.store.login_facts(&ctx.store.actor.login)?;
    let mut st = standing(&ctx.store, Some(task.body_id), clock_today())?;
    st.own_task = facts.person_id.is_some() && facts.person_id == task.assignee_id;
    let activity = Activity::RecordOwnTaskProgress;
    if allowed(&st, activity) {
        return Ok(());
    }
    let name = ctx.store.body_facts(task.body_id)?.name;
    Err(refusal(ctx, activity, Some(&name), &st))
}

/// Checks the activity in the body of a session.
pub fn check_session(ctx: &Context, activity: Activity, session_id: i64) -> Result<()> {
    let s = ctx.store.session(session_id)?;
    check(ctx, activity, Some(s.body_id))
}

/// Checks the activity in the body of an agenda item.
pub fn check_item(ctx: &Context, activity: Activity, item_id: i64) -> Result<()> {
    let item = ctx.store.agenda_item(item_id)?;
    check_session(ctx, activity, item.session_id)
}

/// Who the user is and what they may do where (for `whoami`).
#[derive(Debug, Clone, Serialize)]
pub struct Profile {
    pub uid: u32,
    pub login: String,
    pub administrator: bool,
    pub person_id: Option<i64>,
    /// Database-wide activities allowed (set-up), empty for everyone but administrators.
    pub everywhere: Vec<Activity>,
    /// Bodies where the user holds a role (memberships in force), with what they may do.
    pub bodies: Vec<BodyProfile>,
    /// What the user may do in every other body.
    pub elsewhere: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct BodyProfile {
    pub body_id: i64,
    pub body: Name,
    pub confidential: bool,
    pub roles: Vec<Role>,
    pub may: Vec<Activity>,
}

pub fn profile(ctx: &Context) -> Result<Profile> {
    let store = &ctx.store;
    let facts = store.login_facts(&store.actor.login)?;
    let everywhere = if facts.administrator {
        Activity::ALL
            .iter()
            .copied()
            .filter(|a| !a.is_per_body())
            .collect()
    } else {
        Vec::new()
    };
    let mut bodies = Vec::new();
    for (body_id, roles) in roles_by_body(&facts, clock_today()) {
        let b = store.body_facts(body_id)?;
        let st = Standing {
            administrator: facts.administrator,
            roles: roles.clone(),
            own_task: false,
        };
        bodies.push(BodyProfile {
            body_id,
            body: b.name,
            confidential: b.confidential,
            roles,
            may: allowed_activities(&st)
                .into_iter()
                .filter(|a| a.is_per_body())
                .collect(),
        });
    }
    Ok(Profile {
        uid: store.actor.uid,
        login: store.actor.login.clone(),
        administrator: facts.administrator,
        person_id: facts.person_id,
        everywhere,
        bodies,
        elsewhere: if facts.administrator {
            "all"
        } else {
            "read_non_confidential"
        },
    })
}

/// The profile's per-body lines in words: "Finance Commission — Secretary: may …".
pub fn describe_body(b: &BodyProfile, lang: Lang) -> String {
    let roles: Vec<&str> = b.roles.iter().map(|r| r.label(lang)).collect();
    let may: Vec<&str> = b.may.iter().map(|a| a.label(lang)).collect();
    let conf = if b.confidential {
        format!(" ({})", Msg::Confidential.text(lang))
    } else {
        String::new()
    };
    if may.is_empty() {
        format!(
            "{}{conf} — {}: {}",
            b.body.get(lang),
            roles.join(", "),
            Msg::WhoamiReadsOnly.text(lang)
        )
    } else {
        format!(
            "{}{conf} — {}: {} {}",
            b.body.get(lang),
            roles.join(", "),
            Msg::WhoamiMay.text(lang),
            may.join(match lang {
                Lang::En => "; ",
                Lang::Fa => "؛ ",
            })
        )
    }
}
