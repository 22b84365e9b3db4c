//! Approving minutes, and correcting them after approval.
//!
//! Rules:
//! - Approving needs the body's chair or vice-chair. It renders the minutes as they are
//!   at that moment (Markdown and HTML, English and Persian; the public minutes, and the
//!   closed-session part when the session has items taken in closed session) and the
//!   store keeps them with their hashes and the digest of the session's frozen rows, in
//!   the transaction that approves.
//! - Every export of approved minutes is the stored text ([`minutes_document`]): what
//!   happens later (a task on one of its resolutions, a status, a person renamed) never
//!   reaches them. Sessions not approved are rendered from the record as it is.
//! - A correction after approval is a formal act at a later session of the same body,
//!   not yet approved, by the chair or vice-chair ([`open_correction`]); while it is open
//!   the record may change again through the ordinary edits, and approving the session
//!   again stores the next version (every version is kept) and closes the correction.
//! - A session is not approved while a correction made at it is open (its minutes say
//!   what was corrected).
//! - Approved again as corrected, the minutes leave out the tasks added to its
//!   resolutions since the first approval (their history, not the minutes).

use serde::Serialize;

use super::authz;
use super::record::{closed_record_in, public_record, SessionRecord};
use super::Context;
use crate::locale::{Calendar, Lang, Prefs};
use crate::model::roles::Activity;
use crate::model::{Session, SessionStatus};
use crate::store::approval::{Approval, Correction, MinutesText, NewApproval};
use crate::store::{Refusal, Result, StoreError};

/// The format of an export of the minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MinutesFormat {
    Markdown,
    Html,
}

impl MinutesFormat {
    pub const ALL: [MinutesFormat; 2] = [MinutesFormat::Markdown, MinutesFormat::Html];

    /// The code stored with the text: `md`, `html`.
    pub fn code(self) -> &'static str {
        match self {
            MinutesFormat::Markdown => "md",
            MinutesFormat::Html => "html",
        }
    }

    /// `md`, `markdown` or `html` (any case).
    pub fn parse(s: &str) -> Option<MinutesFormat> {
        match s.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(MinutesFormat::Markdown),
            "html" => Some(MinutesFormat::Html),
            _ => None,
        }
    }
}

/// Who the minutes are for: everybody, or the members (the closed-session part).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    Public,
    Closed,
}

impl Audience {
    pub fn code(self) -> &'static str {
        match self {
            Audience::Public => "public",
            Audience::Closed => "closed",
        }
    }
}

/// The preferences the stored minutes are rendered with: each language in its own
/// calendar (Jalali for Persian), the reader's bidi setting.
fn render_prefs(ctx: &Context, lang: Lang) -> Prefs {
    Prefs {
        lang,
        calendar: match lang {
            Lang::Fa => Calendar::Jalali,
            Lang::En => Calendar::Gregorian,
        },
        ..ctx.prefs
    }
}

fn render(
    ctx: &Context,
    rec: &SessionRecord,
    format: MinutesFormat,
    prefs: Prefs,
) -> Result<String> {
    match format {
        MinutesFormat::Markdown => super::export::minutes_markdown(rec, &ctx.store, prefs),
        MinutesFormat::Html => super::export::minutes_html(rec, &ctx.store, prefs),
    }
}

/// The record for an audience, as it is now, in `lang`.
fn record_for(
    ctx: &Context,
    session: Session,
    audience: Audience,
    lang: Lang,
) -> Result<SessionRecord> {
    match audience {
        Audience::Public => public_record(&ctx.store, session, lang),
        Audience::Closed => closed_record_in(ctx, session, lang),
    }
}

/// Every text stored with an approval, rendered from the record as it is, for the
/// session as it will read once approved (status, by whom, when, the chain head).
fn texts_at_approval(ctx: &Context, session: &Session) -> Result<Vec<MinutesText>> {
    let has_closed = ctx.store.agenda(session.id)?.iter().any(|a| a.closed);
    let mut audiences = vec![Audience::Public];
    if has_closed {
        audiences.push(Audience::Closed);
    }
    // Approved again as corrected: the tasks added to its resolutions since the first
    // approval are their history, not part of the minutes.
    let later_tasks = ctx.store.tasks_added_since_approval(session.id)?;
    let mut texts = Vec::new();
    for lang in [Lang::En, Lang::Fa] {
        for &audience in &audiences {
            let mut rec = record_for(ctx, session.clone(), audience, lang)?;
            for a in &mut rec.agenda {
                a.tasks.retain(|t| !later_tasks.contains(&t.task.id));
            }
            for format in MinutesFormat::ALL {
                texts.push(MinutesText {
                    format: format.code().to_string(),
                    lang: lang.code().to_string(),
                    audience: audience.code().to_string(),
                    text: render(ctx, &rec, format, render_prefs(ctx, lang))?,
                });
            }
        }
    }
    Ok(texts)
}

/// Approves a session's minutes (the first time, or as corrected while a correction is
/// open): renders them as they are and stores them with the approval. Refused to anyone
/// but the body's chair or vice-chair.
pub fn approve(ctx: &mut Context, session_id: i64) -> Result<Approval> {
    let s = ctx.store.session(session_id)?;
    authz::check(ctx, Activity::ApproveMinutes, Some(s.body_id))?;
    // Rendering reads the record outside the store's transaction: when anything was
    // written meanwhile (the chain head moved), render again; writers at human rates
    // leave a gap soon, a busy database within the store's own patience.
    let started = std::time::Instant::now();
    loop {
        let head = ctx.store.audit_head()?;
        let approved_at = crate::store::now_stamp();
        let mut as_approved = ctx.store.session(session_id)?;
        as_approved.status = SessionStatus::Approved;
        as_approved.approved_by = Some(ctx.store.actor.login.clone());
        as_approved.approved_at = Some(approved_at.clone());
        as_approved.approved_audit_head = Some(head.clone());
        let texts = texts_at_approval(ctx, &as_approved)?;
        match ctx.store.approve_minutes(&NewApproval {
            session_id,
            approved_at,
            expected_head: head,
            texts,
        }) {
            // Someone wrote meanwhile: render again against the new chain head.
            Err(StoreError::Conflict { .. })
                if started.elapsed() < crate::store::WRITE_PATIENCE =>
            {
                continue
            }
            other => return other,
        }
    }
}

/// The minutes of a session as a document: for approved minutes the text stored when
/// they were approved (the latest version, or `version`), byte for byte; otherwise
/// rendered from the record as it is. The closed-session part is for the body's members
/// and administrators only.
pub fn minutes_document(
    ctx: &Context,
    session: Session,
    format: MinutesFormat,
    audience: Audience,
    version: Option<i64>,
) -> Result<String> {
    if audience == Audience::Closed {
        authz::check(ctx, Activity::ReadClosedSession, Some(session.body_id))?;
    }
    let approvals = ctx.store.approvals(session.id)?;
    let chosen =
        match version {
            Some(v) => Some(approvals.iter().find(|a| a.version == v).ok_or(
                StoreError::Refused(Refusal::NoApprovedVersion {
                    session: session.id,
                    version: v,
                }),
            )?),
            None => approvals.last(),
        };
    if let Some(a) = chosen {
        if let Some(text) = ctx.store.approved_text(
            session.id,
            a.version,
            format.code(),
            ctx.prefs.lang.code(),
            audience.code(),
        )? {
            return Ok(text);
        }
    }
    // Not approved (or approved before shura stored the text, or a closed part that
    // had no item): the record as it is.
    let rec = record_for(ctx, session, audience, ctx.prefs.lang)?;
    render(ctx, &rec, format, ctx.prefs)
}

/// Opens a correction of a session's approved minutes at a later session of the same
/// body (not yet approved), for the reason given. Refused to anyone but the body's
/// chair or vice-chair, as approving is.
pub fn open_correction(
    ctx: &mut Context,
    session_id: i64,
    at_session_id: i64,
    reason: &str,
) -> Result<Correction> {
    let s = ctx.store.session(session_id)?;
    authz::check(ctx, Activity::ApproveMinutes, Some(s.body_id))?;
    ctx.store.open_correction(s.id, at_session_id, reason)
}

/// A session's approvals and corrections, for `session show --json`.
#[derive(Debug, Clone, Serialize)]
pub struct ApprovalHistory {
    pub approvals: Vec<Approval>,
    pub corrections: Vec<Correction>,
    /// Corrections of earlier sessions' minutes made at this one.
    pub corrections_made_here: Vec<Correction>,
}

pub fn history(ctx: &Context, session_id: i64) -> Result<ApprovalHistory> {
    Ok(ApprovalHistory {
        approvals: ctx.store.approvals(session_id)?,
        corrections: ctx.store.corrections(session_id)?,
        corrections_made_here: ctx.store.corrections_at(session_id)?,
    })
}
