//! A database file looked at as it is, for `shura doctor`: opened without creating,
//! migrating or switching it to WAL (which [`super::Store::open`] would do), read-only
//! when writing is not allowed.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::audit::AuditProblem;
use super::{audit, schema, Result, BUSY_TIMEOUT};

/// An open database file under inspection.
pub struct Inspection {
    conn: Connection,
}

/// A protective trigger (approved minutes frozen, the audit trail append-only, the
/// dashboard's tallies kept) that is not as shura made it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TriggerProblem {
    /// Dropped: what it protected can now be changed without a word.
    Missing(String),
    /// Replaced by one with other SQL.
    Altered(String),
}

/// The triggers of a database, by name, with their SQL (whitespace folded).
fn triggers(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut stmt =
        conn.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")?;
    let rows = stmt.query_map([], |r| {
        let sql: String = r.get(1)?;
        Ok((
            r.get(0)?,
            sql.split_whitespace().collect::<Vec<_>>().join(" "),
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The triggers a database of this version of shura has: those its migrations make.
pub fn expected_triggers() -> Result<Vec<(String, String)>> {
    let conn = Connection::open_in_memory()?;
    super::read::register_functions(&conn)?;
    for step in schema::MIGRATIONS {
        conn.execute_batch(step)?;
    }
    triggers(&conn)
}

impl Inspection {
    /// The protective triggers that are missing or altered, against those shura's own
    /// migrations make (meaningful when the file is at this schema version).
    pub fn trigger_problems(&self) -> Result<(usize, Vec<TriggerProblem>)> {
        let expected = expected_triggers()?;
        let found = triggers(&self.conn)?;
        let mut problems = Vec::new();
        for (name, sql) in &expected {
            match found.iter().find(|(n, _)| n == name) {
                None => problems.push(TriggerProblem::Missing(name.clone())),
                Some((_, s)) if s != sql => problems.push(TriggerProblem::Altered(name.clone())),
                Some(_) => {}
            }
        }
        Ok((expected.len(), problems))
    }

    /// Opens an existing file for reading and writing, or else read-only; never creates it.
    pub fn open(path: &Path) -> Result<Inspection> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .or_else(|_| Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY))?;
        let _ = conn.busy_timeout(BUSY_TIMEOUT);
        Ok(Inspection { conn })
    }

    /// The journal mode the file is in (`wal` for a shura database).
    pub fn journal_mode(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))?)
    }

    /// The schema version stored in the file.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// SQLite's `quick_check`: one line `ok`, or the problems found.
    pub fn quick_check(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("PRAGMA quick_check")?;
        let lines = stmt.query_map([], |r| r.get(0))?;
        Ok(lines.collect::<rusqlite::Result<Vec<String>>>()?)
    }

    /// The audit chain recomputed (see [`audit::verify`]).
    pub fn audit_verify(&self) -> Result<audit::Verification> {
        audit::verify(&self.conn)
    }

    /// Approved sessions whose chain head is gone from the chain, and approvals whose
    /// texts, audit entry or frozen rows no longer agree, one problem each.
    pub fn verify_approved_heads(&self) -> Result<Vec<AuditProblem>> {
        audit::verify_approved(&self.conn)
    }

    /// How many approved sessions carry a chain head.
    pub fn approved_heads(&self) -> Result<i64> {
        audit::approved_heads(&self.conn)
    }
}
