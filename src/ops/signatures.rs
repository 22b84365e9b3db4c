//! Signed minutes: members sign the approved minutes from their own accounts, the
//! exports print who signed, and `minutes verify` tells an untouched export of the
//! approved record from a changed one.
//!
//! Rules:
//! - Only approved minutes are signed (the latest approved version), each person once
//!   per version, and only by the person whose login is the Unix account at the
//!   keyboard (the store's actor): nothing a user sets names someone else.
//! - Who signs is the body's way of signing ([`crate::ops::record::signing_rows`]): the
//!   chair and the secretary on the session's roll, or every voting member present.
//! - The signature block of an export follows the approved text and is not part of it:
//!   between the marker lines of [`crate::model::signing`], at the end of Markdown and
//!   before `</body>` in HTML. [`verify`] takes it out, hashes the rest and looks the
//!   hash up among the approved texts.

use serde::Serialize;

use super::approval::MinutesFormat;
use super::record::{roll_call, signing_rows};
use super::Context;
use crate::locale::calendar::format_date;
use crate::locale::digits::localize_digits;
use crate::locale::strings::{t, tf, Msg};
use crate::locale::text::sanitize_line;
use crate::locale::{Lang, Prefs};
use crate::model::signing::{
    block_position, check_code, strip_block, SignRefusal, BLOCK_END, BLOCK_START,
};
use crate::model::{Name, Role, Session, SessionStatus};
use crate::store::approval::sha256_hex;
use crate::store::signatures::Signature;
use crate::store::{Refusal, Result, Store, StoreError};

/// Someone who signs the minutes and has not signed them yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ToSign {
    pub person_id: i64,
    pub name: Name,
    pub role: Role,
}

/// The signatures of a session's approved minutes, and who is still to sign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionSignatures {
    pub session_id: i64,
    pub body_id: i64,
    pub number: i64,
    pub date: chrono::NaiveDate,
    /// The latest approved version (None: not approved, nothing to sign).
    pub version: Option<i64>,
    pub signed: Vec<Signature>,
    pub unsigned: Vec<ToSign>,
}

/// The people who sign a session's minutes, by the body's rule and the session's roll.
fn who_signs(store: &Store, session: &Session) -> Result<Vec<ToSign>> {
    let body = store.body(session.body_id)?;
    let (roll, _) = roll_call(store, &body, session)?;
    Ok(signing_rows(&body, &roll)
        .into_iter()
        .map(|a| ToSign {
            person_id: a.person_id,
            name: a.name.clone(),
            role: a.role,
        })
        .collect())
}

/// [`signatures`] from the store (for the session screen).
pub fn session_signatures(store: &Store, session: &Session) -> Result<SessionSignatures> {
    let version = if session.status == SessionStatus::Approved {
        store.latest_approved_version(session.id)?
    } else {
        None
    };
    let (signed, unsigned) = match version {
        Some(v) => {
            let signed = store.signatures(session.id, v)?;
            let unsigned = who_signs(store, session)?
                .into_iter()
                .filter(|p| !signed.iter().any(|s| s.person_id == p.person_id))
                .collect();
            (signed, unsigned)
        }
        None => (Vec::new(), Vec::new()),
    };
    Ok(SessionSignatures {
        session_id: session.id,
        body_id: session.body_id,
        number: session.shown_number(),
        date: session.date,
        version,
        signed,
        unsigned,
    })
}

/// Signs the latest approved version of a session's minutes as the person at the
/// keyboard. Refused when the minutes are not approved, when no person carries the
/// login, when the person is not one who signs, or signed this version already.
pub fn sign(ctx: &mut Context, session_id: i64) -> Result<Signature> {
    let session = ctx.store.session(session_id)?;
    if session.status != SessionStatus::Approved
        || ctx.store.latest_approved_version(session_id)?.is_none()
    {
        return Err(refused(SignRefusal::NotApproved {
            session: session_id,
        }));
    }
    let login = ctx.store.actor.login.clone();
    let Some(person) = ctx.store.person_by_login(&login)? else {
        return Err(refused(SignRefusal::NoPerson { login }));
    };
    if !who_signs(&ctx.store, &session)?
        .iter()
        .any(|p| p.person_id == person.id)
    {
        return Err(refused(SignRefusal::NotASigner {
            session: session_id,
            person: person.name.get(ctx.prefs.lang).to_string(),
        }));
    }
    ctx.store.sign_minutes(session_id, person.id)
}

fn refused(r: SignRefusal) -> StoreError {
    StoreError::Refused(Refusal::Sign(r))
}

/// The signatures of a session's latest approved minutes and who is still to sign.
pub fn signatures(ctx: &Context, session_id: i64) -> Result<SessionSignatures> {
    let session = ctx.store.session(session_id)?;
    session_signatures(&ctx.store, &session)
}

/// Who signs a session's approved minutes and has not signed them yet (nobody when
/// they are not approved).
pub fn unsigned(ctx: &Context, session_id: i64) -> Result<Vec<ToSign>> {
    Ok(signatures(ctx, session_id)?.unsigned)
}

/// How many days back the dashboard looks for approved minutes still to sign.
pub const UNSIGNED_DAYS: i64 = 90;

/// The approved sessions of the last [`UNSIGNED_DAYS`] days (to `today`) in `scope`
/// whose minutes someone has still to sign, the latest first.
pub fn unsigned_sessions(
    store: &Store,
    scope: Option<&[i64]>,
    today: chrono::NaiveDate,
) -> Result<Vec<SessionSignatures>> {
    let from = today - chrono::Duration::days(UNSIGNED_DAYS);
    let mut out = Vec::new();
    for row in store.sessions(
        scope,
        &[SessionStatus::Approved],
        Some(from),
        Some(today),
        None,
    )? {
        let s = session_signatures(store, &row.session)?;
        if !s.unsigned.is_empty() {
            out.push(s);
        }
    }
    out.sort_by(|a, b| b.date.cmp(&a.date).then(b.session_id.cmp(&a.session_id)));
    Ok(out)
}

/// A session whose approved minutes someone has still to sign, for the dashboard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnsignedMinutes {
    pub session: i64,
    pub body_id: i64,
    pub number: i64,
    pub date: chrono::NaiveDate,
    pub version: i64,
    pub people: Vec<ToSign>,
}

/// [`unsigned_sessions`] as the dashboard lists them.
pub fn unsigned_minutes(
    store: &Store,
    scope: Option<&[i64]>,
    today: chrono::NaiveDate,
) -> Result<Vec<UnsignedMinutes>> {
    Ok(unsigned_sessions(store, scope, today)?
        .into_iter()
        .map(|s| UnsignedMinutes {
            session: s.session_id,
            body_id: s.body_id,
            number: s.number,
            date: s.date,
            version: s.version.unwrap_or(0),
            people: s.unsigned,
        })
        .collect())
}

/// A signature's time in the reader's calendar and digits: the day, and the time UTC.
pub fn signed_time(prefs: Prefs, stamp: &str) -> String {
    match chrono::DateTime::parse_from_rfc3339(stamp) {
        Ok(at) => {
            let at = at.with_timezone(&chrono::Utc);
            format!(
                "{} {} {}",
                format_date(at.date_naive(), prefs.calendar, prefs.lang),
                localize_digits(&at.format("%H:%M").to_string(), prefs.lang),
                t(prefs.lang, Msg::SignUtc)
            )
        }
        Err(_) => sanitize_line(stamp).into_owned(),
    }
}

/// The signature block of an export: who signed (by name, with the time), who is still
/// to sign, and the check code of the approved text it follows, between the marker
/// lines. Names are escaped for the format.
fn signature_block(
    prefs: Prefs,
    format: MinutesFormat,
    sigs: &SessionSignatures,
    text_sha: &str,
) -> String {
    let lang = prefs.lang;
    let name = |n: &Name| n.get(lang).to_string();
    let code = check_code(text_sha);
    let version = localize_digits(&sigs.version.unwrap_or(0).to_string(), lang);
    let mut out = format!("{BLOCK_START}\n");
    match format {
        MinutesFormat::Markdown => {
            let esc = super::export::md_escape;
            out.push_str(&format!(
                "\n---\n\n**{}** ({})\n\n",
                t(lang, Msg::SignBlockTitle),
                tf(lang, Msg::SignBlockNote, &[&version])
            ));
            for s in &sigs.signed {
                out.push_str(&format!(
                    "- {} — {}\n",
                    esc(&name(&s.person)),
                    signed_time(prefs, &s.signed_at)
                ));
            }
            if sigs.signed.is_empty() {
                out.push_str(&format!("- {}\n", t(lang, Msg::SignNobodyYet)));
            }
            if !sigs.unsigned.is_empty() {
                let names: Vec<String> =
                    sigs.unsigned.iter().map(|p| esc(&name(&p.name))).collect();
                out.push_str(&format!(
                    "\n{}: {}\n",
                    t(lang, Msg::SignToSign),
                    names.join(t(lang, Msg::SignListSeparator))
                ));
            }
            out.push_str(&format!("\n{}: `{}`\n", t(lang, Msg::SignCheckCode), code));
        }
        MinutesFormat::Html => {
            let esc = super::export::html_escape;
            out.push_str(&format!(
                "<section class=\"shura-signatures\"><h2>{}</h2><p>{}</p><ul>",
                t(lang, Msg::SignBlockTitle),
                esc(&tf(lang, Msg::SignBlockNote, &[&version]))
            ));
            for s in &sigs.signed {
                out.push_str(&format!(
                    "<li>{} — {}</li>",
                    esc(&name(&s.person)),
                    esc(&signed_time(prefs, &s.signed_at))
                ));
            }
            if sigs.signed.is_empty() {
                out.push_str(&format!("<li>{}</li>", t(lang, Msg::SignNobodyYet)));
            }
            out.push_str("</ul>");
            if !sigs.unsigned.is_empty() {
                let names: Vec<String> =
                    sigs.unsigned.iter().map(|p| esc(&name(&p.name))).collect();
                out.push_str(&format!(
                    "<p>{}: {}</p>",
                    t(lang, Msg::SignToSign),
                    names.join(t(lang, Msg::SignListSeparator))
                ));
            }
            out.push_str(&format!(
                "<p>{}: <code>{}</code></p></section>\n",
                t(lang, Msg::SignCheckCode),
                code
            ));
        }
    }
    out.push_str(BLOCK_END);
    out.push('\n');
    out
}

/// Approved minutes as exported: the stored text with the signature block of that
/// version put in (the block is not part of the hashed text).
pub fn with_signature_block(
    ctx: &Context,
    session: &Session,
    version: i64,
    format: MinutesFormat,
    text: String,
) -> Result<String> {
    let mut sigs = session_signatures(&ctx.store, session)?;
    if sigs.version != Some(version) {
        // An earlier version: its own signatures; who did not sign it is no longer asked.
        sigs.signed = ctx.store.signatures(session.id, version)?;
        sigs.unsigned.clear();
        sigs.version = Some(version);
    }
    let block = signature_block(ctx.prefs, format, &sigs, &sha256_hex(&text));
    let at = block_position(&text, format == MinutesFormat::Html);
    let mut out = String::with_capacity(text.len() + block.len());
    out.push_str(&text[..at]);
    out.push_str(&block);
    out.push_str(&text[at..]);
    Ok(out)
}

/// The minutes of a session as exported ([`super::approval::minutes_document`]): for
/// approved minutes the stored text, byte for byte, with the signature block of that
/// version put in (the block is not part of the approved text, which stays as it was
/// approved whatever happens later; the block says who has signed so far).
pub fn exported_minutes(
    ctx: &Context,
    session: Session,
    format: MinutesFormat,
    audience: super::approval::Audience,
    version: Option<i64>,
) -> Result<String> {
    let chosen = match version {
        Some(v) => Some(v),
        None => ctx.store.latest_approved_version(session.id)?,
    };
    let doc = super::approval::minutes_document(ctx, session.clone(), format, audience, version)?;
    let Some(v) = chosen else { return Ok(doc) };
    let stored = ctx.store.approved_text(
        session.id,
        v,
        format.code(),
        ctx.prefs.lang.code(),
        audience.code(),
    )?;
    match stored {
        Some(text) if text == doc => with_signature_block(ctx, &session, v, format, doc),
        // Rendered from the record as it is (no text stored): no approved text to sign.
        _ => Ok(doc),
    }
}

/// The approved record a file is, as [`verify`] found it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApprovedRecord {
    pub session_id: i64,
    pub body_id: i64,
    pub body_name: Name,
    pub number: i64,
    pub date: chrono::NaiveDate,
    pub version: i64,
    pub latest_version: i64,
    pub format: String,
    pub lang: String,
    pub audience: String,
    pub sha256: String,
    pub check_code: String,
    pub signatures: Vec<Signature>,
    /// Still to sign (only for the latest version).
    pub unsigned: Vec<ToSign>,
}

/// What `minutes verify` says of a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
pub enum Verdict {
    /// The file is (the signature block aside) the approved minutes of a session.
    Approved(Box<ApprovedRecord>),
    /// The file was changed, or is no approved record of this database.
    Changed { sha256: String, check_code: String },
}

/// Checks a file's text: without its signature block, is it byte for byte one of the
/// approved texts of this database? (Line ends written as CR LF are read as LF.)
pub fn verify(ctx: &Context, text: &str) -> Result<Verdict> {
    let stripped = strip_block(text);
    let record_part = stripped.as_deref().unwrap_or(text);
    let mut candidates = vec![record_part.to_string()];
    if record_part.contains("\r\n") {
        candidates.push(record_part.replace("\r\n", "\n"));
    }
    for c in &candidates {
        let sha = sha256_hex(c);
        let Some(hit) = ctx.store.approved_text_by_hash(&sha)?.into_iter().next() else {
            continue;
        };
        let session = ctx.store.session(hit.session_id)?;
        let body = ctx.store.body(session.body_id)?;
        let (signatures, unsigned) = if hit.version == hit.latest_version {
            let s = session_signatures(&ctx.store, &session)?;
            (s.signed, s.unsigned)
        } else {
            (ctx.store.signatures(session.id, hit.version)?, Vec::new())
        };
        return Ok(Verdict::Approved(Box::new(ApprovedRecord {
            session_id: session.id,
            body_id: body.id,
            body_name: body.name,
            number: session.shown_number(),
            date: session.date,
            version: hit.version,
            latest_version: hit.latest_version,
            format: hit.format,
            lang: hit.lang,
            audience: hit.audience,
            check_code: check_code(&sha),
            sha256: sha,
            signatures,
            unsigned,
        })));
    }
    let sha = sha256_hex(record_part);
    Ok(Verdict::Changed {
        check_code: check_code(&sha),
        sha256: sha,
    })
}

/// A language's list separator, for the names of those to sign.
pub fn list_separator(lang: Lang) -> &'static str {
    t(lang, Msg::SignListSeparator)
}
