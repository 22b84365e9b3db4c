//! A database file looked at as it is, for `shura doctor`: opened without creating,
//! migrating or switching it to WAL (which [`super::Store::open`] would do), read-only
//! when writing is not allowed.

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use super::audit::AuditProblem;
use super::{audit, Result, BUSY_TIMEOUT};

/// An open database file under inspection.
pub struct Inspection {
    conn: Connection,
}

impl Inspection {
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

    /// Approved sessions whose chain head is gone from the chain, one problem each.
    pub fn verify_approved_heads(&self) -> Result<Vec<AuditProblem>> {
        audit::verify_approved_heads(&self.conn)
    }

    /// How many approved sessions carry a chain head.
    pub fn approved_heads(&self) -> Result<i64> {
        audit::approved_heads(&self.conn)
    }
}
