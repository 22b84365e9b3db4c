//! The approved record: approving a session's minutes stores what they say (each
//! format, language and audience, with its sha256) and a digest of the session's frozen
//! rows, and appends an `approval` audit entry carrying both, in one transaction.
//! Corrections after approval (a formal act at a later session) reopen the record
//! until it is approved again as corrected (version 2, 3…; every version is kept).
//!
//! [`record_digest`] is the one canonical serialization of a session's frozen rows
//! (ids, never names: a person renamed is not a change of the record);
//! [`verify_approvals`] checks every approval against the texts, the audit chain and the
//! rows as they are now, for `audit verify` and `doctor`.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::audit::{record, snapshot, AuditProblem};
use super::write::{audited, check_transition};
use super::{now_stamp, Refusal, Result, Store, StoreError};
use crate::model::{Entity, Expected, InvalidValue, SessionStatus};

/// The hex sha256 of a text.
pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The frozen rows of a session, table by table: the columns that make the record
/// (never a version counter, never what may move after approval such as a resolution's
/// implementation status, owner or due date), and which rows belong to the session.
/// The order of tables, columns and rows is part of the digest: change it only with a
/// migration that recomputes the stored digests.
const FROZEN: &[(&str, &str, &str, &str)] = &[
    (
        "session",
        "id, body_id, number, kind, date, start_time, end_time, place, term_id, number_in_term",
        "id = ?1",
        "id",
    ),
    (
        "agenda_item",
        "id, session_id, position, title, presenter, duration_min, status, carried_from, is_review, minutes, minutes_author, minutes_at, consent, closed, parent_id, kind, urgency, standing",
        "session_id = ?1",
        "id",
    ),
    (
        "attendance",
        "session_id, person_id, presence, arrived_at, left_at",
        "session_id = ?1",
        "person_id",
    ),
    ("guest", "id, session_id, name, organization", "session_id = ?1", "id"),
    (
        "motion",
        "id, session_id, agenda_item_id, amends, kind, text, final_text, mover_id, seconder_id, status, moved_at",
        "session_id = ?1",
        "id",
    ),
    (
        "ballot",
        "motion_id, method, status, rule, quorum_rule, in_office, present, recused, present_ids, recused_ids, yes, no, abstain, needed, carried, casting_vote, declared, without_quorum, opened_at, opened_by, closed_at",
        "motion_id IN (SELECT id FROM motion WHERE session_id = ?1)",
        "motion_id",
    ),
    (
        "ballot_vote",
        "motion_id, person_id, vote, cast_by, at",
        "motion_id IN (SELECT id FROM motion WHERE session_id = ?1)",
        "motion_id, person_id",
    ),
    (
        "conflict",
        "agenda_item_id, person_id, reason, declared_at, declared_by",
        "agenda_item_id IN (SELECT id FROM agenda_item WHERE session_id = ?1)",
        "agenda_item_id, person_id",
    ),
    (
        "session_event",
        "id, session_id, kind, at, recorded_at, recorded_by",
        "session_id = ?1",
        "id",
    ),
    (
        "resolution",
        "id, body_id, session_id, agenda_item_id, seq, number, text, decision, votes_yes, votes_no, votes_abstain, motion_id",
        "session_id = ?1",
        "id",
    ),
    (
        "vote",
        "resolution_id, person_id, vote",
        "resolution_id IN (SELECT id FROM resolution WHERE session_id = ?1)",
        "resolution_id, person_id",
    ),
    (
        "agenda_signatory",
        "agenda_item_id, person_id",
        "agenda_item_id IN (SELECT id FROM agenda_item WHERE session_id = ?1)",
        "agenda_item_id, person_id",
    ),
    (
        "task_update",
        "id, task_id, session_id, status, percent, note, author, at",
        "session_id = ?1",
        "id",
    ),
    (
        "resolution_update",
        "id, resolution_id, session_id, status, note, author, at",
        "session_id = ?1",
        "id",
    ),
];

/// The sha256 of a session's frozen rows ([`FROZEN`]), each value as SQLite's `quote()`
/// writes it (type and content), length-prefixed, table by table and row by row.
pub fn record_digest(conn: &Connection, session_id: i64) -> Result<String> {
    let mut h = Sha256::new();
    let mut part = |s: &str| {
        h.update((s.len() as u64).to_le_bytes());
        h.update(s.as_bytes());
    };
    part("shura-record-1");
    for (table, cols, filter, order) in FROZEN {
        let quoted: Vec<String> = cols.split(", ").map(|c| format!("quote({c})")).collect();
        let n = quoted.len();
        let sql = format!(
            "SELECT {} FROM {table} WHERE {filter} ORDER BY {order}",
            quoted.join(", ")
        );
        part(table);
        part(cols);
        let mut stmt = conn.prepare_cached(&sql)?;
        let mut rows = stmt.query([session_id])?;
        while let Some(r) = rows.next()? {
            part("row");
            for i in 0..n {
                let v: String = r.get(i)?;
                part(&v);
            }
        }
    }
    Ok(h.finalize().iter().map(|b| format!("{b:02x}")).collect())
}

/// The minutes as approved, in one format, language and audience.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MinutesText {
    /// `md` or `html`.
    pub format: String,
    /// `en` or `fa`.
    pub lang: String,
    /// `public` or `closed`.
    pub audience: String,
    pub text: String,
}

/// An approval to store: the texts rendered by ops from the record as it is, and the
/// audit chain head and time they were rendered with (the approval is refused as a
/// conflict when the chain moved meanwhile, so the texts name the head stored).
#[derive(Debug, Clone)]
pub struct NewApproval {
    pub session_id: i64,
    pub approved_at: String,
    pub expected_head: String,
    pub texts: Vec<MinutesText>,
}

/// One stored approval of a session's minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Approval {
    pub session_id: i64,
    pub version: i64,
    pub approved_at: String,
    pub approved_by: String,
    /// The correction it approved (none for the first approval).
    pub correction_id: Option<i64>,
    pub record_sha256: String,
    /// The hash of each stored text.
    pub texts: Vec<TextHash>,
}

/// The sha256 of one stored text of approved minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextHash {
    pub format: String,
    pub lang: String,
    pub audience: String,
    pub sha256: String,
}

/// A correction of approved minutes, made at a later session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Correction {
    pub id: i64,
    pub session_id: i64,
    pub at_session_id: i64,
    pub reason: String,
    pub opened_at: String,
    pub opened_by: String,
    /// The version it was approved as; none while it is open.
    pub approved_version: Option<i64>,
}

fn open_correction_tx(conn: &Connection, session_id: i64) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM minutes_correction WHERE session_id = ?1 AND approved_version IS NULL",
            [session_id],
            |r| r.get(0),
        )
        .optional()?)
}

fn approvals_of(conn: &Connection, session_id: i64) -> Result<Vec<Approval>> {
    let mut stmt = conn.prepare_cached(
        "SELECT session_id, version, approved_at, approved_by, correction_id, record_sha256
         FROM approval WHERE session_id = ?1 ORDER BY version",
    )?;
    let mut all: Vec<Approval> = stmt
        .query_map([session_id], |r| {
            Ok(Approval {
                session_id: r.get(0)?,
                version: r.get(1)?,
                approved_at: r.get(2)?,
                approved_by: r.get(3)?,
                correction_id: r.get(4)?,
                record_sha256: r.get(5)?,
                texts: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut texts = conn.prepare_cached(
        "SELECT format, lang, audience, sha256 FROM approved_text
         WHERE session_id = ?1 AND version = ?2 ORDER BY format, lang, audience",
    )?;
    for a in &mut all {
        a.texts = texts
            .query_map(params![a.session_id, a.version], |r| {
                Ok(TextHash {
                    format: r.get(0)?,
                    lang: r.get(1)?,
                    audience: r.get(2)?,
                    sha256: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
    }
    Ok(all)
}

fn corrections_where(conn: &Connection, col: &str, session_id: i64) -> Result<Vec<Correction>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id, session_id, at_session_id, reason, opened_at, opened_by, approved_version
         FROM minutes_correction WHERE {col} = ?1 ORDER BY id"
    ))?;
    let rows = stmt.query_map([session_id], |r| {
        Ok(Correction {
            id: r.get(0)?,
            session_id: r.get(1)?,
            at_session_id: r.get(2)?,
            reason: r.get(3)?,
            opened_at: r.get(4)?,
            opened_by: r.get(5)?,
            approved_version: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

impl Store {
    /// Approves a session's minutes: the first time from closed, or as corrected while a
    /// correction is open. Stores the texts given, the digest of the frozen rows, closes
    /// the correction and appends the `approval` audit entry, in one transaction.
    pub fn approve_minutes(&mut self, a: &NewApproval) -> Result<Approval> {
        let actor = self.actor.clone();
        let id = a.session_id;
        self.write(|tx| {
            let status: Option<String> = tx
                .query_row("SELECT status FROM session WHERE id = ?1", [id], |r| r.get(0))
                .optional()?;
            let Some(status) = status else {
                return Err(StoreError::NotFound {
                    what: Entity::Session,
                    key: id.to_string(),
                });
            };
            let correction = if SessionStatus::parse(&status)? == SessionStatus::Approved {
                match open_correction_tx(tx, id)? {
                    Some(c) => Some(c),
                    None => return Err(StoreError::Refused(Refusal::ApprovedMinutes)),
                }
            } else {
                check_transition(tx, id, SessionStatus::Approved)?;
                None
            };
            if let Some(other) = tx
                .query_row(
                    "SELECT session_id FROM minutes_correction
                     WHERE at_session_id = ?1 AND approved_version IS NULL ORDER BY id LIMIT 1",
                    [id],
                    |r| r.get::<_, i64>(0),
                )
                .optional()?
            {
                return Err(StoreError::Refused(Refusal::CorrectionOpenAt {
                    session: id,
                    corrected: other,
                }));
            }
            let head = super::audit::head(tx)?;
            if head != a.expected_head {
                return Err(StoreError::Conflict {
                    what: Entity::Session,
                    id,
                });
            }
            let before = snapshot(tx, "session", "id = ?1", &[&id])?;
            tx.execute(
                "UPDATE session SET status = 'approved', approved_by = ?2, approved_at = ?3,
                 approved_audit_head = ?4, version = version + 1 WHERE id = ?1",
                params![id, actor.login, a.approved_at, head],
            )?;
            audited(tx, &actor, "update", "session", id, before)?;
            let version: i64 = tx.query_row(
                "SELECT coalesce(max(version), 0) + 1 FROM approval WHERE session_id = ?1",
                [id],
                |r| r.get(0),
            )?;
            let digest = record_digest(tx, id)?;
            tx.execute(
                "INSERT INTO approval(session_id, version, approved_at, approved_by, correction_id, record_sha256)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![id, version, a.approved_at, actor.login, correction, digest],
            )?;
            let mut hashes = Vec::new();
            for t in &a.texts {
                let sha = sha256_hex(&t.text);
                tx.execute(
                    "INSERT INTO approved_text(session_id, version, format, lang, audience, text, sha256)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![id, version, t.format, t.lang, t.audience, t.text, sha],
                )?;
                hashes.push(serde_json::json!({
                    "format": t.format, "lang": t.lang, "audience": t.audience, "sha256": sha,
                }));
            }
            if let Some(c) = correction {
                let before = snapshot(tx, "minutes_correction", "id = ?1", &[&c])?;
                tx.execute(
                    "UPDATE minutes_correction SET approved_version = ?2 WHERE id = ?1",
                    params![c, version],
                )?;
                audited(tx, &actor, "update", "minutes_correction", c, before)?;
            }
            let after = serde_json::json!({
                "session_id": id,
                "version": version,
                "approved_at": a.approved_at,
                "approved_by": actor.login,
                "correction_id": correction,
                "record_sha256": digest,
                "texts": hashes,
            })
            .to_string();
            record(tx, &actor, "insert", "approval", Some(id), None, Some(&after))?;
            Ok(())
        })?;
        approvals_of(&self.conn, id)?
            .pop()
            .ok_or_else(|| StoreError::NotFound {
                what: Entity::Session,
                key: id.to_string(),
            })
    }

    /// Every approval of a session, oldest first.
    pub fn approvals(&self, session_id: i64) -> Result<Vec<Approval>> {
        approvals_of(&self.conn, session_id)
    }

    /// The text stored with an approval (None when that one was not stored).
    pub fn approved_text(
        &self,
        session_id: i64,
        version: i64,
        format: &str,
        lang: &str,
        audience: &str,
    ) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT text FROM approved_text
                 WHERE session_id = ?1 AND version = ?2 AND format = ?3 AND lang = ?4 AND audience = ?5",
                params![session_id, version, format, lang, audience],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The corrections of a session's approved minutes, oldest first.
    pub fn corrections(&self, session_id: i64) -> Result<Vec<Correction>> {
        corrections_where(&self.conn, "session_id", session_id)
    }

    /// The corrections made at a session (of earlier sessions' minutes), oldest first.
    pub fn corrections_at(&self, at_session_id: i64) -> Result<Vec<Correction>> {
        corrections_where(&self.conn, "at_session_id", at_session_id)
    }

    /// Opens a correction of a session's approved minutes at a later session of the
    /// same body, not yet approved; refused when one is open already.
    pub fn open_correction(
        &mut self,
        session_id: i64,
        at_session_id: i64,
        reason: &str,
    ) -> Result<Correction> {
        let reason = crate::model::clean_text(reason).trim().to_string();
        if reason.is_empty() {
            return Err(InvalidValue {
                what: Entity::Note,
                value: String::new(),
                expected: Expected::msg(crate::locale::strings::Msg::ExpectedCorrectionReason),
            }
            .into());
        }
        let actor = self.actor.clone();
        let id = self.write(|tx| {
            let row = |sid: i64| -> Result<(i64, String, String, i64)> {
                tx.query_row(
                    "SELECT body_id, status, date, number FROM session WHERE id = ?1",
                    [sid],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()?
                .ok_or_else(|| StoreError::NotFound {
                    what: Entity::Session,
                    key: sid.to_string(),
                })
            };
            let (body, status, date, number) = row(session_id)?;
            if SessionStatus::parse(&status)? != SessionStatus::Approved {
                return Err(StoreError::Refused(Refusal::NotApproved {
                    session: session_id,
                }));
            }
            if open_correction_tx(tx, session_id)?.is_some() {
                return Err(StoreError::Refused(Refusal::CorrectionAlreadyOpen {
                    session: session_id,
                }));
            }
            let (at_body, at_status, at_date, at_number) = row(at_session_id)?;
            let at_status = SessionStatus::parse(&at_status)?;
            let later = (at_date.as_str(), at_number) > (date.as_str(), number);
            if at_body != body
                || !later
                || matches!(at_status, SessionStatus::Approved | SessionStatus::Cancelled)
            {
                return Err(StoreError::Refused(Refusal::CorrectionAt {
                    session: session_id,
                    at: at_session_id,
                }));
            }
            tx.execute(
                "INSERT INTO minutes_correction(session_id, at_session_id, reason, opened_at, opened_by)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
                params![session_id, at_session_id, reason, now_stamp(), actor.login],
            )?;
            let id = tx.last_insert_rowid();
            audited(tx, &actor, "insert", "minutes_correction", id, None)?;
            Ok(id)
        })?;
        corrections_where(&self.conn, "id", id)?
            .pop()
            .ok_or_else(|| StoreError::NotFound {
                what: Entity::Session,
                key: session_id.to_string(),
            })
    }

    /// The tasks added since the first approval of a session's minutes, in the order of
    /// the audit trail (after its `approval` entry): what was added to its resolutions
    /// then belongs to their history, not to the minutes approved again as corrected.
    pub fn tasks_added_since_approval(&self, session_id: i64) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT entity_id FROM audit WHERE entity = 'task' AND action = 'insert'
             AND entity_id IS NOT NULL
             AND id > (SELECT min(id) FROM audit WHERE entity = 'approval' AND entity_id = ?1)
             ORDER BY id",
        )?;
        let rows = stmt.query_map([session_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<i64>>>()?)
    }

    /// Whether a correction of the session's approved minutes is open.
    pub fn correction_open(&self, session_id: i64) -> Result<bool> {
        Ok(open_correction_tx(&self.conn, session_id)?.is_some())
    }
}

/// Checks every approval: each stored text against its sha256 and against the hashes
/// its audit entry carries, and the session's frozen rows against the digest of its
/// latest approval (unless a correction is open, when they may change). One problem per
/// finding, naming the session.
pub(crate) fn verify_approvals(conn: &Connection) -> Result<Vec<AuditProblem>> {
    let mut problems = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT a.session_id, a.version, a.approved_at, a.record_sha256, s.body_id, s.number,
                coalesce(b.name_en, b.name_fa, ''), coalesce(b.name_fa, b.name_en, ''),
                a.version = (SELECT max(version) FROM approval x WHERE x.session_id = a.session_id),
                EXISTS (SELECT 1 FROM minutes_correction c WHERE c.session_id = a.session_id AND c.approved_version IS NULL)
         FROM approval a JOIN session s ON s.id = a.session_id JOIN body b ON b.id = s.body_id
         ORDER BY a.session_id, a.version",
    )?;
    #[allow(clippy::type_complexity)]
    let rows: Vec<(
        i64,
        i64,
        String,
        String,
        i64,
        i64,
        String,
        String,
        bool,
        bool,
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
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (session, version, approved_at, digest, body, number, name_en, name_fa, latest, open) in
        rows
    {
        let at = || super::audit::ApprovalAt {
            session,
            number,
            body,
            body_name_en: name_en.clone(),
            body_name_fa: name_fa.clone(),
            version,
            approved_at: approved_at.clone(),
        };
        // The audit entry of this approval, and what it says.
        let entry: Option<String> = conn
            .query_row(
                "SELECT after FROM audit WHERE entity = 'approval' AND entity_id = ?1
                 AND json_extract(after, '$.version') = ?2 ORDER BY id LIMIT 1",
                params![session, version],
                |r| r.get(0),
            )
            .optional()?;
        let entry: Option<serde_json::Value> = entry.and_then(|s| serde_json::from_str(&s).ok());
        match &entry {
            None => problems.push(AuditProblem::ApprovalNotAudited(at())),
            Some(e) => {
                if e.get("record_sha256").and_then(|v| v.as_str()) != Some(digest.as_str()) {
                    problems.push(AuditProblem::ApprovalAltered(at()));
                }
            }
        }
        let audited_hashes: Vec<(String, String, String, String)> = entry
            .as_ref()
            .and_then(|e| e.get("texts"))
            .and_then(|t| t.as_array())
            .map(|a| {
                a.iter()
                    .map(|t| {
                        let f = |k: &str| {
                            t.get(k)
                                .and_then(|v| v.as_str())
                                .unwrap_or_default()
                                .to_string()
                        };
                        (f("format"), f("lang"), f("audience"), f("sha256"))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let mut texts = conn.prepare_cached(
            "SELECT format, lang, audience, text, sha256 FROM approved_text
             WHERE session_id = ?1 AND version = ?2 ORDER BY format, lang, audience",
        )?;
        let stored: Vec<(String, String, String, String, String)> = texts
            .query_map(params![session, version], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for (format, lang, audience, text, sha) in &stored {
            let in_audit = audited_hashes
                .iter()
                .any(|(f, l, a, h)| f == format && l == lang && a == audience && h == sha);
            if sha256_hex(text) != *sha || (entry.is_some() && !in_audit) {
                problems.push(AuditProblem::ApprovedTextChanged {
                    at: at(),
                    format: format.clone(),
                    lang: lang.clone(),
                    audience: audience.clone(),
                });
            }
        }
        for (f, l, a, _) in &audited_hashes {
            if !stored
                .iter()
                .any(|(sf, sl, sa, _, _)| sf == f && sl == l && sa == a)
            {
                problems.push(AuditProblem::ApprovedTextChanged {
                    at: at(),
                    format: f.clone(),
                    lang: l.clone(),
                    audience: a.clone(),
                });
            }
        }
        if latest && !open && record_digest(conn, session)? != digest {
            problems.push(AuditProblem::RecordChanged(at()));
        }
    }
    Ok(problems)
}
