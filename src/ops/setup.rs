//! Setting up: bodies, people, memberships and administrators.
//!
//! Rules: all of it needs an administrator (a body's voting rule and quorum too). A member is an existing person or a new
//! one, created in the same transaction as the membership, so a refused membership
//! leaves no stray person behind.

use super::authz;
use super::Context;
use crate::model::roles::Activity;
use crate::store::write::{NewBody, NewMembership, NewPerson};
use crate::store::Result;

/// Adds a body; returns its id.
pub fn add_body(ctx: &mut Context, b: &NewBody) -> Result<i64> {
    authz::check(ctx, Activity::SetUpBodies, None)?;
    ctx.store.add_body(b)
}

/// Changes a body's voting rule, its other procedure and its quorum.
pub fn edit_body_procedure(
    ctx: &mut Context,
    body_id: i64,
    procedure: &crate::model::voting::Procedure,
    quorum: crate::model::rules::QuorumRule,
    expected_version: Option<i64>,
) -> Result<()> {
    super::corrections::edit_body(
        ctx,
        body_id,
        &super::corrections::BodyChanges {
            procedure: Some(procedure.clone()),
            quorum: Some(quorum),
            ..Default::default()
        },
        expected_version,
    )
    .map(|_| ())
}

/// Adds a person; returns their id.
pub fn add_person(ctx: &mut Context, p: &NewPerson) -> Result<i64> {
    authz::check(ctx, Activity::SetUpPeople, None)?;
    ctx.store.add_person(p)
}

/// Who becomes a member.
#[derive(Debug, Clone)]
pub enum Member {
    /// A person already in the database, by id.
    Existing(i64),
    /// A new person.
    New(NewPerson),
}

/// Adds a membership (`m.person_id` is ignored: the person comes from `who`); returns
/// (person id, membership id).
pub fn add_member(ctx: &mut Context, who: &Member, m: &NewMembership) -> Result<(i64, i64)> {
    authz::check(ctx, Activity::SetUpMemberships, None)?;
    ctx.store.body(m.body_id)?;
    match who {
        Member::Existing(person_id) => {
            let id = ctx.store.add_membership(&NewMembership {
                person_id: *person_id,
                ..m.clone()
            })?;
            Ok((*person_id, id))
        }
        Member::New(p) => ctx.store.add_member_named(p, m),
    }
}

/// Makes a login an administrator; false when it already was.
pub fn grant_administrator(ctx: &mut Context, login: &str) -> Result<bool> {
    authz::check(ctx, Activity::ManageAdministrators, None)?;
    ctx.store.grant_administrator(login)
}

/// Takes the administrator's standing from a login.
pub fn revoke_administrator(ctx: &mut Context, login: &str) -> Result<()> {
    authz::check(ctx, Activity::ManageAdministrators, None)?;
    ctx.store.revoke_administrator(login)
}
