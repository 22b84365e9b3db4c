//! Signatures of approved minutes: each one an append-only row bound to an audit
//! entry (the person, the time, the version and the hashes of the approved minutes),
//! written in one transaction; and the look-up of an approved text by its sha256, for
//! `minutes verify`.
//!
//! The row's `minutes_sha256` is the approval's `record_sha256` (the digest of the
//! session's frozen rows, the same for every format and language); the audit entry
//! carries it and the sha256 of every text stored with that approval.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::audit::record;
use super::{now_stamp, Refusal, Result, Store, StoreError};
use crate::model::signing::SignRefusal;
use crate::model::{Entity, Name};

/// One signature of a session's approved minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signature {
    pub id: i64,
    pub session_id: i64,
    pub version: i64,
    pub person_id: i64,
    pub person: Name,
    pub login: String,
    /// UTC, RFC 3339 to the second.
    pub signed_at: String,
    /// The approval's digest of the record signed.
    pub minutes_sha256: String,
    /// The audit entry that binds it.
    pub audit_id: Option<i64>,
}

/// Which approved text a sha256 is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApprovedTextRef {
    pub session_id: i64,
    pub body_id: i64,
    pub version: i64,
    /// The latest approved version of the session.
    pub latest_version: i64,
    pub format: String,
    pub lang: String,
    pub audience: String,
}

const SIGNATURE_COLS: &str = "g.id, g.session_id, g.version, g.person_id, p.name_fa, p.name_en,
    g.login, g.signed_at, g.minutes_sha256, g.audit_id";

fn signature_from(r: &rusqlite::Row) -> rusqlite::Result<Signature> {
    Ok(Signature {
        id: r.get(0)?,
        session_id: r.get(1)?,
        version: r.get(2)?,
        person_id: r.get(3)?,
        person: Name::new(r.get(4)?, r.get(5)?),
        login: r.get(6)?,
        signed_at: r.get(7)?,
        minutes_sha256: r.get(8)?,
        audit_id: r.get(9)?,
    })
}

fn signatures_where(
    conn: &rusqlite::Connection,
    session_id: i64,
    version: i64,
) -> Result<Vec<Signature>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {SIGNATURE_COLS} FROM signature g JOIN person p ON p.id = g.person_id
         WHERE g.session_id = ?1 AND g.version = ?2 ORDER BY g.signed_at, g.id"
    ))?;
    let rows = stmt.query_map(params![session_id, version], signature_from)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Checks every signature against its audit entry (the same session, version, person,
/// login, time and digest) and its approval's digest: one problem per signature that
/// does not match, for `audit verify` and `doctor`.
pub(crate) fn verify_signatures(
    conn: &rusqlite::Connection,
) -> Result<Vec<super::audit::AuditProblem>> {
    let mut stmt = conn.prepare(
        "SELECT g.id, g.session_id, g.version, g.person_id, g.login, g.signed_at,
                g.minutes_sha256, a.entity, a.entity_id, a.after,
                (SELECT record_sha256 FROM approval p
                 WHERE p.session_id = g.session_id AND p.version = g.version)
         FROM signature g LEFT JOIN audit a ON a.id = g.audit_id ORDER BY g.id",
    )?;
    #[allow(clippy::type_complexity)]
    let rows: Vec<(
        i64,
        i64,
        i64,
        i64,
        String,
        String,
        String,
        Option<String>,
        Option<i64>,
        Option<String>,
        Option<String>,
    )> = stmt
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
                r.get(8)?,
                r.get(9)?,
                r.get(10)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut problems = Vec::new();
    for (id, session, version, person, login, at, sha, entity, entity_id, after, approved) in rows {
        let after: Option<serde_json::Value> = after.and_then(|s| serde_json::from_str(&s).ok());
        let ok = after.as_ref().is_some_and(|e| {
            let s = |k: &str| e.get(k).and_then(|v| v.as_str()).map(str::to_string);
            let i = |k: &str| e.get(k).and_then(serde_json::Value::as_i64);
            i("id") == Some(id)
                && i("session_id") == Some(session)
                && i("version") == Some(version)
                && i("person_id") == Some(person)
                && s("login").as_deref() == Some(login.as_str())
                && s("signed_at").as_deref() == Some(at.as_str())
                && s("minutes_sha256").as_deref() == Some(sha.as_str())
        }) && entity.as_deref() == Some("signature")
            && entity_id == Some(id)
            && approved.as_deref() == Some(sha.as_str());
        if !ok {
            problems.push(super::audit::AuditProblem::SignatureAltered {
                session,
                signature: id,
                login,
            });
        }
    }
    Ok(problems)
}

impl Store {
    /// Signs the latest approved version of a session's minutes as the person whose
    /// login is the store's actor (`person_id` must be that person: nobody signs for
    /// another). Refused when the minutes are not approved or the person signed this
    /// version already. The row and its audit entry are written in one transaction.
    pub fn sign_minutes(&mut self, session_id: i64, person_id: i64) -> Result<Signature> {
        let actor = self.actor.clone();
        if self.is_hidden_session(session_id)? {
            return Err(StoreError::NotFound {
                what: Entity::Session,
                key: session_id.to_string(),
            });
        }
        let id = self.write(|tx| {
            let status: Option<String> = tx
                .query_row("SELECT status FROM session WHERE id = ?1", [session_id], |r| {
                    r.get(0)
                })
                .optional()?;
            let Some(status) = status else {
                return Err(StoreError::NotFound {
                    what: Entity::Session,
                    key: session_id.to_string(),
                });
            };
            let approval: Option<(i64, String)> = tx
                .query_row(
                    "SELECT version, record_sha256 FROM approval WHERE session_id = ?1
                     ORDER BY version DESC LIMIT 1",
                    [session_id],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let (version, digest) = match approval {
                Some(a) if status == "approved" => a,
                _ => {
                    return Err(StoreError::Refused(Refusal::Sign(
                        SignRefusal::NotApproved {
                            session: session_id,
                        },
                    )))
                }
            };
            let login: Option<Option<String>> = tx
                .query_row("SELECT login FROM person WHERE id = ?1", [person_id], |r| {
                    r.get(0)
                })
                .optional()?;
            if login.flatten().as_deref() != Some(actor.login.as_str()) {
                return Err(StoreError::Refused(Refusal::Sign(SignRefusal::NoPerson {
                    login: actor.login.clone(),
                })));
            }
            if let Some(at) = tx
                .query_row(
                    "SELECT signed_at FROM signature
                     WHERE session_id = ?1 AND version = ?2 AND person_id = ?3",
                    params![session_id, version, person_id],
                    |r| r.get::<_, String>(0),
                )
                .optional()?
            {
                return Err(StoreError::Refused(Refusal::Sign(
                    SignRefusal::AlreadySigned {
                        session: session_id,
                        version,
                        at,
                    },
                )));
            }
            let mut texts = tx.prepare_cached(
                "SELECT format, lang, audience, sha256 FROM approved_text
                 WHERE session_id = ?1 AND version = ?2 ORDER BY format, lang, audience",
            )?;
            let hashes: Vec<serde_json::Value> = texts
                .query_map(params![session_id, version], |r| {
                    Ok(serde_json::json!({
                        "format": r.get::<_, String>(0)?,
                        "lang": r.get::<_, String>(1)?,
                        "audience": r.get::<_, String>(2)?,
                        "sha256": r.get::<_, String>(3)?,
                    }))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            // The row's id is known before it is written, so the audit entry (written
            // first: the row names it, and a signature is never updated) names it too.
            let id: i64 = tx.query_row(
                "SELECT coalesce(max(id), 0) + 1 FROM signature",
                [],
                |r| r.get(0),
            )?;
            let signed_at = now_stamp();
            let after = serde_json::json!({
                "id": id,
                "session_id": session_id,
                "version": version,
                "person_id": person_id,
                "login": actor.login,
                "uid": actor.uid,
                "signed_at": signed_at,
                "minutes_sha256": digest,
                "texts": hashes,
            })
            .to_string();
            record(tx, &actor, "insert", "signature", Some(id), None, Some(&after))?;
            let audit_id = tx.last_insert_rowid();
            tx.execute(
                "INSERT INTO signature(id, session_id, version, person_id, login, signed_at, minutes_sha256, audit_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![id, session_id, version, person_id, actor.login, signed_at, digest, audit_id],
            )?;
            Ok(id)
        })?;
        self.conn
            .prepare_cached(&format!(
                "SELECT {SIGNATURE_COLS} FROM signature g JOIN person p ON p.id = g.person_id
                 WHERE g.id = ?1"
            ))?
            .query_row([id], signature_from)
            .optional()?
            .ok_or(StoreError::NotFound {
                what: Entity::Session,
                key: session_id.to_string(),
            })
    }

    /// The signatures of one approved version of a session's minutes, in the order signed.
    pub fn signatures(&self, session_id: i64, version: i64) -> Result<Vec<Signature>> {
        signatures_where(&self.conn, session_id, version)
    }

    /// The latest approved version of a session's minutes (None when never approved).
    pub fn latest_approved_version(&self, session_id: i64) -> Result<Option<i64>> {
        Ok(self.conn.query_row(
            "SELECT max(version) FROM approval WHERE session_id = ?1",
            [session_id],
            |r| r.get(0),
        )?)
    }

    /// The approved texts whose sha256 is `sha256` (the same text may be stored for
    /// several versions), latest version first; the bodies hidden from the user are
    /// left out.
    pub fn approved_text_by_hash(&self, sha256: &str) -> Result<Vec<ApprovedTextRef>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.session_id, s.body_id, t.version,
                    (SELECT max(version) FROM approval a WHERE a.session_id = t.session_id),
                    t.format, t.lang, t.audience
             FROM approved_text t JOIN session s ON s.id = t.session_id
             WHERE t.sha256 = ?1 ORDER BY t.version DESC, t.session_id",
        )?;
        let rows = stmt.query_map([sha256], |r| {
            Ok(ApprovedTextRef {
                session_id: r.get(0)?,
                body_id: r.get(1)?,
                version: r.get(2)?,
                latest_version: r.get(3)?,
                format: r.get(4)?,
                lang: r.get(5)?,
                audience: r.get(6)?,
            })
        })?;
        let mut all = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        all.retain(|t| !self.is_hidden(t.body_id));
        Ok(all)
    }

    fn is_hidden_session(&self, session_id: i64) -> Result<bool> {
        let body: Option<i64> = self
            .conn
            .query_row(
                "SELECT body_id FROM session WHERE id = ?1",
                [session_id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(body.is_some_and(|b| self.is_hidden(b)))
    }
}
