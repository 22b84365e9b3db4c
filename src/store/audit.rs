//! The audit trail: one append-only, hash-chained row per change. It is read through
//! [`Store`]'s methods (and `check::Inspection`'s); [`verify`] also takes any
//! connection, for a check of a database file opened as it is.

use rusqlite::{params, Connection, OptionalExtension, ToSql};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{now_stamp, Result, Store};
use crate::identity::Actor;

/// The hash that stands before the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AuditEntry {
    pub id: i64,
    pub at: String,
    pub uid: i64,
    pub login: String,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<i64>,
    pub before: Option<serde_json::Value>,
    pub after: Option<serde_json::Value>,
    pub hash: String,
}

#[allow(clippy::too_many_arguments)]
fn chain_hash(
    prev: &str,
    at: &str,
    uid: i64,
    login: &str,
    action: &str,
    entity: &str,
    entity_id: Option<i64>,
    before: Option<&str>,
    after: Option<&str>,
) -> String {
    let mut h = Sha256::new();
    for part in [
        prev,
        at,
        &uid.to_string(),
        login,
        action,
        entity,
        &entity_id.map(|i| i.to_string()).unwrap_or_default(),
        before.unwrap_or("\u{0}"),
        after.unwrap_or("\u{0}"),
    ] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The hash of the newest entry (the chain head).
pub(crate) fn head(conn: &Connection) -> Result<String> {
    Ok(conn
        .query_row("SELECT hash FROM audit ORDER BY id DESC LIMIT 1", [], |r| {
            r.get::<_, String>(0)
        })
        .optional()?
        .unwrap_or_else(|| GENESIS.to_string()))
}

/// Appends one entry. `before` and `after` are JSON snapshots of the row.
pub(crate) fn record(
    conn: &Connection,
    actor: &Actor,
    action: &str,
    entity: &str,
    entity_id: Option<i64>,
    before: Option<&str>,
    after: Option<&str>,
) -> Result<()> {
    let prev = head(conn)?;
    let at = now_stamp();
    let uid = i64::from(actor.uid);
    let hash = chain_hash(
        &prev,
        &at,
        uid,
        &actor.login,
        action,
        entity,
        entity_id,
        before,
        after,
    );
    conn.execute(
        "INSERT INTO audit(at, uid, login, action, entity, entity_id, before, after, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![at, uid, actor.login, action, entity, entity_id, before, after, prev, hash],
    )?;
    Ok(())
}

/// A JSON snapshot of the rows of `table` matching `where_sql` (all columns).
pub(crate) fn snapshot(
    conn: &Connection,
    table: &str,
    where_sql: &str,
    args: &[&dyn ToSql],
) -> Result<Option<String>> {
    let mut stmt = conn.prepare_cached(&format!("SELECT * FROM {table} WHERE {where_sql}"))?;
    let names: Vec<String> = stmt.column_names().map(|s| s.to_string()).collect();
    let mut rows = stmt.query(args)?;
    let mut all = Vec::new();
    while let Some(row) = rows.next()? {
        let mut obj = serde_json::Map::new();
        for (i, name) in names.iter().enumerate() {
            use rusqlite::types::ValueRef;
            let v = match row.get_ref(i)? {
                ValueRef::Null => serde_json::Value::Null,
                ValueRef::Integer(n) => serde_json::Value::from(n),
                ValueRef::Real(f) => serde_json::Value::from(f),
                ValueRef::Text(t) => serde_json::Value::from(String::from_utf8_lossy(t)),
                ValueRef::Blob(b) => serde_json::Value::from(format!("<{} bytes>", b.len())),
            };
            obj.insert(name.clone(), v);
        }
        all.push(serde_json::Value::Object(obj));
    }
    Ok(match all.len() {
        0 => None,
        1 => all.pop().map(|v| v.to_string()),
        _ => Some(serde_json::Value::Array(all).to_string()),
    })
}

/// Lists entries, newest first, optionally for one entity kind and id.
pub(crate) fn list(
    conn: &Connection,
    entity: Option<&str>,
    entity_id: Option<i64>,
    limit: i64,
) -> Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, at, uid, login, action, entity, entity_id, before, after, hash FROM audit
         WHERE (?1 IS NULL OR entity = ?1) AND (?2 IS NULL OR entity_id = ?2)
         ORDER BY id DESC LIMIT ?3",
    )?;
    let rows = stmt.query_map(params![entity, entity_id, limit], |r| {
        let parse = |s: Option<String>| s.and_then(|s| serde_json::from_str(&s).ok());
        Ok(AuditEntry {
            id: r.get(0)?,
            at: r.get(1)?,
            uid: r.get(2)?,
            login: r.get(3)?,
            action: r.get(4)?,
            entity: r.get(5)?,
            entity_id: r.get(6)?,
            before: parse(r.get(7)?),
            after: parse(r.get(8)?),
            hash: r.get(9)?,
        })
    })?;
    Ok(rows.collect::<std::result::Result<Vec<_>, _>>()?)
}

/// What `verify` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verification {
    pub entries: i64,
    pub head: String,
    /// Problems, each naming the entry id where the chain breaks.
    pub problems: Vec<AuditProblem>,
}

/// One place where the audit chain is broken, with the entries it names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum AuditProblem {
    /// Entries `from..=to` are missing before entry `before`.
    Missing { from: i64, to: i64, before: i64 },
    /// The entry does not link to the one before it.
    BrokenLink { id: i64 },
    /// The entry's hash does not match its content.
    Changed { id: i64 },
    /// An approved session's chain head is no longer in the chain.
    HeadGone {
        session: i64,
        body: i64,
        number: i64,
        approved_at: String,
        head: String,
    },
    /// An approved session's frozen rows no longer give the digest stored when its
    /// minutes were approved: changed behind shura's back.
    RecordChanged(ApprovalAt),
    /// A stored text of approved minutes differs from its hash or from the hash its
    /// approval's audit entry carries (or is missing).
    ApprovedTextChanged {
        at: ApprovalAt,
        format: String,
        lang: String,
        audience: String,
    },
    /// An approval has no audit entry.
    ApprovalNotAudited(ApprovalAt),
    /// An approval's stored digest differs from the one its audit entry carries.
    ApprovalAltered(ApprovalAt),
    /// A signature of approved minutes differs from its audit entry, has none, or binds
    /// another digest than its approval's.
    SignatureAltered {
        session: i64,
        signature: i64,
        login: String,
    },
}

/// Which approval a problem is about: the session (id and number), its body, the
/// version and when it was approved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ApprovalAt {
    pub session: i64,
    pub number: i64,
    pub body: i64,
    pub body_name_en: String,
    pub body_name_fa: String,
    pub version: i64,
    pub approved_at: String,
}

impl ApprovalAt {
    /// The arguments every approval message starts with: session number, body name,
    /// session id, version, when approved.
    fn args(&self, lang: crate::locale::Lang) -> [String; 5] {
        let n = |i: i64| crate::locale::digits::localize_digits(&i.to_string(), lang);
        let name = match lang {
            crate::locale::Lang::Fa if !self.body_name_fa.is_empty() => &self.body_name_fa,
            _ if !self.body_name_en.is_empty() => &self.body_name_en,
            _ => &self.body_name_fa,
        };
        [
            n(self.number),
            crate::locale::text::sanitize(name).into_owned(),
            n(self.session),
            n(self.version),
            crate::locale::digits::localize_digits(&self.approved_at, lang),
        ]
    }
}

impl crate::locale::Localized for AuditProblem {
    fn message(&self, lang: crate::locale::Lang) -> String {
        use crate::locale::strings::{tf, Msg};
        let n = |i: &i64| crate::locale::digits::localize_digits(&i.to_string(), lang);
        match self {
            AuditProblem::Missing { from, to, before } => {
                tf(lang, Msg::AuditMissing, &[&n(from), &n(to), &n(before)])
            }
            AuditProblem::BrokenLink { id } => tf(lang, Msg::AuditBrokenLink, &[&n(id)]),
            AuditProblem::Changed { id } => tf(lang, Msg::AuditChanged, &[&n(id)]),
            AuditProblem::HeadGone {
                session,
                body,
                number,
                approved_at,
                head,
            } => tf(
                lang,
                Msg::AuditHeadGone,
                &[&n(session), &n(body), &n(number), approved_at, head],
            ),
            AuditProblem::RecordChanged(at) => {
                let a = at.args(lang);
                tf(
                    lang,
                    Msg::AuditRecordChanged,
                    &[&a[0], &a[1], &a[2], &a[3], &a[4]],
                )
            }
            AuditProblem::ApprovalNotAudited(at) => {
                let a = at.args(lang);
                tf(
                    lang,
                    Msg::AuditApprovalNotAudited,
                    &[&a[0], &a[1], &a[2], &a[3], &a[4]],
                )
            }
            AuditProblem::ApprovalAltered(at) => {
                let a = at.args(lang);
                tf(
                    lang,
                    Msg::AuditApprovalAltered,
                    &[&a[0], &a[1], &a[2], &a[3], &a[4]],
                )
            }
            AuditProblem::SignatureAltered {
                session,
                signature,
                login,
            } => {
                let n = |i: &i64| crate::locale::digits::localize_digits(&i.to_string(), lang);
                tf(
                    lang,
                    Msg::AuditSignatureAltered,
                    &[
                        &n(signature),
                        &n(session),
                        &crate::locale::text::sanitize_line(login),
                    ],
                )
            }
            AuditProblem::ApprovedTextChanged {
                at,
                format,
                lang: text_lang,
                audience,
            } => {
                let a = at.args(lang);
                let fmt = match format.as_str() {
                    "md" => "Markdown",
                    "html" => "HTML",
                    other => other,
                };
                let l = match text_lang.as_str() {
                    "en" => crate::locale::strings::t(lang, Msg::LangEnglish),
                    "fa" => crate::locale::strings::t(lang, Msg::LangPersian),
                    other => other,
                };
                let aud = match audience.as_str() {
                    "public" => crate::locale::strings::t(lang, Msg::AudiencePublic),
                    "closed" => crate::locale::strings::t(lang, Msg::AudienceClosed),
                    other => other,
                };
                let what = format!(
                    "{fmt}{}{l}{}{aud}",
                    Msg::ListSeparator.text(lang),
                    Msg::ListSeparator.text(lang)
                );
                tf(
                    lang,
                    Msg::AuditApprovedTextChanged,
                    &[&a[0], &a[1], &a[2], &a[3], &a[4], &what],
                )
            }
        }
    }
}

impl std::fmt::Display for AuditProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::locale::Localized;
        f.write_str(&self.message(crate::locale::Lang::En))
    }
}

/// Recomputes the whole chain: a changed row breaks its own hash; a deleted or inserted
/// row breaks the link to the next one; ids that skip show deletions.
pub fn verify(conn: &Connection) -> Result<Verification> {
    let mut stmt = conn.prepare(
        "SELECT id, at, uid, login, action, entity, entity_id, before, after, prev_hash, hash
         FROM audit ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    let mut prev = GENESIS.to_string();
    let mut last_id = 0i64;
    let mut problems = Vec::new();
    let mut entries = 0;
    while let Some(r) = rows.next()? {
        entries += 1;
        let id: i64 = r.get(0)?;
        let stored_prev: String = r.get(9)?;
        let stored_hash: String = r.get(10)?;
        if id != last_id + 1 {
            problems.push(AuditProblem::Missing {
                from: last_id + 1,
                to: id - 1,
                before: id,
            });
        }
        if stored_prev != prev {
            problems.push(AuditProblem::BrokenLink { id });
        }
        let before: Option<String> = r.get(7)?;
        let after: Option<String> = r.get(8)?;
        let computed = chain_hash(
            &stored_prev,
            &r.get::<_, String>(1)?,
            r.get(2)?,
            &r.get::<_, String>(3)?,
            &r.get::<_, String>(4)?,
            &r.get::<_, String>(5)?,
            r.get(6)?,
            before.as_deref(),
            after.as_deref(),
        );
        if computed != stored_hash {
            problems.push(AuditProblem::Changed { id });
        }
        prev = stored_hash;
        last_id = id;
    }
    Ok(Verification {
        entries,
        head: prev,
        problems,
    })
}

/// Confirms that the chain head stored with each approved session's minutes is still
/// an entry of the chain (or the genesis). One problem per session whose head is gone:
/// the entries up to its approval were changed, deleted or replaced since.
pub(crate) fn verify_approved_heads(conn: &Connection) -> Result<Vec<AuditProblem>> {
    let mut stmt = conn.prepare(
        "SELECT s.id, s.body_id, s.number, coalesce(s.approved_at, ''), s.approved_audit_head
         FROM session s
         WHERE s.approved_audit_head IS NOT NULL
           AND s.approved_audit_head <> ?1
           AND NOT EXISTS (SELECT 1 FROM audit a WHERE a.hash = s.approved_audit_head)
         ORDER BY s.id",
    )?;
    let rows = stmt.query_map([GENESIS], |r| {
        Ok(AuditProblem::HeadGone {
            session: r.get(0)?,
            body: r.get(1)?,
            number: r.get(2)?,
            approved_at: r.get(3)?,
            head: r.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// [`verify_approved_heads`] and every stored approval checked
/// ([`super::approval::verify_approvals`]): texts, audit entries, frozen rows.
pub(crate) fn verify_approved(conn: &Connection) -> Result<Vec<AuditProblem>> {
    let mut p = verify_approved_heads(conn)?;
    p.extend(super::approval::verify_approvals(conn)?);
    p.extend(super::signatures::verify_signatures(conn)?);
    Ok(p)
}

/// How many approved sessions carry a chain head (for reports).
pub(crate) fn approved_heads(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM session WHERE approved_audit_head IS NOT NULL",
        [],
        |r| r.get(0),
    )?)
}

impl Store {
    /// Entries, newest first, optionally for one entity kind and id.
    pub fn audit_list(
        &self,
        entity: Option<&str>,
        entity_id: Option<i64>,
        limit: i64,
    ) -> Result<Vec<AuditEntry>> {
        list(&self.conn, entity, entity_id, limit)
    }

    /// The whole chain recomputed (see [`verify`]).
    pub fn audit_verify(&self) -> Result<Verification> {
        verify(&self.conn)
    }

    /// The hash of the newest entry, or [`GENESIS`].
    pub fn audit_head(&self) -> Result<String> {
        head(&self.conn)
    }

    /// Confirms that the chain head stored with each approved session's minutes is
    /// still an entry of the chain (one problem per session whose head is gone), and
    /// checks every stored approval: its texts against their hashes and its audit entry,
    /// the session's frozen rows against its digest ([`super::approval::verify_approvals`]).
    pub fn verify_approved_heads(&self) -> Result<Vec<AuditProblem>> {
        verify_approved(&self.conn)
    }

    /// How many approved sessions carry a chain head.
    pub fn approved_heads(&self) -> Result<i64> {
        approved_heads(&self.conn)
    }
}
