//! Council terms (دوره): the numbered periods of a body's life its sessions are
//! numbered in, when it numbers per term.
//!
//! Rules: adding a term needs an administrator (it is part of setting up the body); its
//! number is the body's once and its days overlap no other term's (the store refuses
//! either, naming the other term). Reading a body's terms needs only to see the body.

use super::authz;
use super::Context;
use crate::model::roles::Activity;
use crate::model::Term;
use crate::store::numbering::NewTerm;
use crate::store::Result;

/// Adds a council term to a body.
pub fn add(ctx: &mut Context, t: &NewTerm) -> Result<Term> {
    authz::check(ctx, Activity::SetUpBodies, None)?;
    ctx.store.add_term(t)
}

/// A body's council terms, earliest first.
pub fn list(ctx: &Context, body_id: i64) -> Result<Vec<Term>> {
    ctx.store.terms(body_id)
}
