//! SQLite storage: opening with the right pragmas, migrations, reads, writes (each an
//! IMMEDIATE transaction, retried while the database is busy), audit and search.

pub mod access;
pub mod audit;
pub mod bulk;
pub mod check;
pub mod dashboard;
pub mod read;
pub mod schema;
pub mod search;
pub mod write;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::identity::Actor;
use crate::model::InvalidValue;

/// Every error the store reports, each with what the user needs to know.
#[derive(Debug)]
pub enum StoreError {
    /// A typed value was not acceptable (exit code 2).
    Invalid(InvalidValue),
    /// An id or name that does not exist (exit code 2).
    NotFound {
        what: &'static str,
        key: String,
    },
    /// A rule of the domain refuses the change (exit code 2).
    Refused(String),
    /// The user's role does not allow the change (exit code 3); the text says which
    /// role is needed and what the user is.
    Denied(String),
    /// Someone else saved the record after it was read.
    Conflict {
        what: &'static str,
        id: i64,
    },
    /// The database was written by a newer shura.
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    /// The database file is full or read-only, or SQLite failed otherwise.
    Sqlite(rusqlite::Error),
    Io(std::io::Error),
}

pub type Result<T> = std::result::Result<T, StoreError>;

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoreError::Invalid(e) => write!(f, "{e}"),
            StoreError::NotFound { what, key } => write!(f, "no {what} {key:?} exists"),
            StoreError::Refused(why) => write!(f, "{why}"),
            StoreError::Denied(why) => write!(f, "{why}"),
            StoreError::Conflict { what, id } => write!(
                f,
                "{what} {id} was changed by someone else since you opened it; your text is kept, reload to see theirs"
            ),
            StoreError::TooNew {
                path,
                found,
                supported,
            } => write!(
                f,
                "the database {} has schema version {found}, newer than this shura understands ({supported}); upgrade shura",
                path.display()
            ),
            StoreError::Sqlite(e) => write!(f, "{}", describe_sqlite(e)),
            StoreError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        // Triggers that protect approved minutes and the audit table raise ABORT with a
        // sentence meant for the user.
        if let rusqlite::Error::SqliteFailure(_, Some(msg)) = &e {
            if msg.contains("approved and can no longer change") || msg.contains("append-only") {
                return StoreError::Refused(msg.clone());
            }
        }
        StoreError::Sqlite(e)
    }
}

impl From<InvalidValue> for StoreError {
    fn from(e: InvalidValue) -> Self {
        StoreError::Invalid(e)
    }
}

impl From<std::io::Error> for StoreError {
    fn from(e: std::io::Error) -> Self {
        StoreError::Io(e)
    }
}

impl StoreError {
    /// Whether the user's input caused it (exit code 2) rather than the system (1).
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            StoreError::Invalid(_) | StoreError::NotFound { .. } | StoreError::Refused(_)
        )
    }
}

fn describe_sqlite(e: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode;
    match e.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => {
            "the disk holding the database is full: nothing was saved; free space and try again"
                .into()
        }
        Some(ErrorCode::ReadOnly) => {
            "the database is read-only for you: nothing was saved; ask its owner for write access"
                .into()
        }
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
            "the database stayed busy with other writers for too long: nothing was saved; try again"
                .into()
        }
        Some(ErrorCode::NotADatabase) => "the file is not a shura database".into(),
        Some(ErrorCode::CannotOpen) => "the database file cannot be opened".into(),
        _ => format!("database error: {e}"),
    }
}

/// How long one attempt waits on a lock before SQLite gives up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a write keeps retrying a busy database in all.
pub const WRITE_PATIENCE: Duration = Duration::from_secs(60);

/// An open database and who is using it. Its connection is its own: every statement
/// runs through the store's methods.
pub struct Store {
    conn: Connection,
    pub path: PathBuf,
    pub actor: Actor,
    /// Bodies the reads leave out, as if they did not exist (confidential bodies the
    /// actor may not see). Empty for a plain store; the app layer fills it in
    /// (`app::authz`), which decides who sees what.
    hidden: Vec<i64>,
}

impl Store {
    /// Opens (creating if needed) and migrates the database at `path`.
    pub fn open(path: &Path, actor: Actor) -> Result<Store> {
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() && !dir.exists() {
                std::fs::create_dir_all(dir).map_err(|e| {
                    std::io::Error::new(
                        e.kind(),
                        format!(
                            "cannot reach or create the directory {} of the database: {e}; in a shared directory, ask to be added to its group",
                            dir.display()
                        ),
                    )
                })?;
            }
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
                | OpenFlags::SQLITE_OPEN_URI,
        )
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::CannotOpen) => StoreError::Io(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                format!(
                    "cannot open the database {}: you may not read or write it, or its directory; in a shared directory, ask to be added to its group",
                    path.display()
                ),
            )),
            _ => StoreError::from(e),
        })?;
        Self::configure(&conn)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            actor,
            hidden: Vec::new(),
        };
        store.migrate()?;
        Ok(store)
    }

    /// Opens an existing database without creating or migrating it (for checks).
    pub fn open_existing(path: &Path, actor: Actor) -> Result<Store> {
        if !path.exists() {
            return Err(StoreError::NotFound {
                what: "database file",
                key: path.display().to_string(),
            });
        }
        Self::open(path, actor)
    }

    fn configure(conn: &Connection) -> Result<()> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true)?;
        // journal_mode returns a row; WAL persists in the file once set. Switching a
        // new (or rollback-mode) file needs an exclusive lock, and SQLite answers BUSY at
        // once, without its busy handler, when other processes open it at the same time:
        // retry with backoff like a write.
        let started = Instant::now();
        let mut pause = Duration::from_millis(5);
        let mode: String = loop {
            match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)) {
                Err(e) if is_busy(&e) && started.elapsed() < WRITE_PATIENCE => {
                    std::thread::sleep(pause + jitter());
                    pause = (pause * 2).min(Duration::from_millis(250));
                }
                other => break other?,
            }
        };
        if !mode.eq_ignore_ascii_case("wal") && !mode.eq_ignore_ascii_case("memory") {
            return Err(StoreError::Refused(format!(
                "the database could not be switched to WAL mode (it reports {mode:?}); is it on a network file system?"
            )));
        }
        conn.execute_batch(
            "PRAGMA foreign_keys = ON;
             PRAGMA synchronous = FULL;
             PRAGMA temp_store = MEMORY;
             PRAGMA cache_size = -16000;",
        )?;
        crate::store::read::register_functions(conn)?;
        Ok(())
    }

    /// Brings the schema up to [`schema::SCHEMA_VERSION`]; refuses a newer database.
    fn migrate(&mut self) -> Result<()> {
        let found: i64 = self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if found > schema::SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: self.path.clone(),
                found,
                supported: schema::SCHEMA_VERSION,
            });
        }
        for version in found..schema::SCHEMA_VERSION {
            let Some(step) = schema::MIGRATIONS.get(version as usize) else {
                break;
            };
            let actor = self.actor.clone();
            self.write(|tx| {
                // Another process may have migrated while we waited for the lock.
                let now: i64 = tx.query_row("PRAGMA user_version", [], |r| r.get(0))?;
                if now != version {
                    return Ok(());
                }
                tx.execute_batch(step)?;
                tx.execute_batch(&format!("PRAGMA user_version = {}", version + 1))?;
                if version == 0 {
                    tx.execute(
                        "INSERT INTO meta(key, value) VALUES ('created_by', ?1), ('created_at', ?2)",
                        (&actor.login, now_stamp()),
                    )?;
                }
                audit::record(
                    tx,
                    &actor,
                    "migrate",
                    "schema",
                    Some(version + 1),
                    None,
                    None,
                )?;
                Ok(())
            })?;
        }
        Ok(())
    }

    /// Runs `f` in a `BEGIN IMMEDIATE` transaction, retrying with backoff while the
    /// database is busy (past SQLite's own busy timeout), up to [`WRITE_PATIENCE`].
    pub fn write<T>(&mut self, mut f: impl FnMut(&Transaction) -> Result<T>) -> Result<T> {
        let started = Instant::now();
        let mut pause = Duration::from_millis(5);
        loop {
            let attempt = (|| {
                let tx = self
                    .conn
                    .transaction_with_behavior(TransactionBehavior::Immediate)?;
                let out = f(&tx)?;
                tx.commit()?;
                Ok(out)
            })();
            match attempt {
                Err(StoreError::Sqlite(e)) if is_busy(&e) && started.elapsed() < WRITE_PATIENCE => {
                    std::thread::sleep(pause + jitter());
                    pause = (pause * 2).min(Duration::from_millis(250));
                }
                other => return other,
            }
        }
    }

    /// Leaves these bodies out of every read from now on (see [`Store::hidden`]).
    pub fn hide_bodies(&mut self, mut ids: Vec<i64>) {
        ids.sort_unstable();
        ids.dedup();
        self.hidden = ids;
    }

    /// The bodies left out of reads.
    pub fn hidden(&self) -> &[i64] {
        &self.hidden
    }

    /// Whether reads leave this body out.
    pub fn is_hidden(&self, body_id: i64) -> bool {
        self.hidden.binary_search(&body_id).is_ok()
    }

    /// A SQL condition ` AND col NOT IN (…)` leaving the hidden bodies out, or nothing.
    /// The ids are integers of our own, so they are written into the text.
    pub(crate) fn visible_sql(&self, col: &str) -> String {
        if self.hidden.is_empty() {
            return String::new();
        }
        let ids: Vec<String> = self.hidden.iter().map(|i| i.to_string()).collect();
        format!(" AND {col} NOT IN ({})", ids.join(","))
    }

    /// SQLite's `data_version`: changes when another connection commits.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// How many rows were changed through this store's own connection since it opened
    /// (SQLite's `total_changes`): what [`Store::data_version`] does not see. Together
    /// they tell whether the database changed since some earlier moment.
    pub fn own_changes(&self) -> u64 {
        self.conn.total_changes()
    }

    /// The store's own connection, for tests of what only that connection shows (its
    /// pragmas such as `query_only` or `max_page_count`, the statements it has cached).
    /// Not for the program: SQL belongs in `store`.
    #[doc(hidden)]
    pub fn raw_connection_for_tests(&self) -> &Connection {
        &self.conn
    }

    /// The schema version of the open database.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Whether anything beyond the empty schema is stored.
    pub fn holds_data(&self) -> Result<bool> {
        let n: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM body) + (SELECT count(*) FROM person)",
            [],
            |r| r.get(0),
        )?;
        Ok(n > 0)
    }
}

fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy) | Some(rusqlite::ErrorCode::DatabaseLocked)
    )
}

fn jitter() -> Duration {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    Duration::from_micros(u64::from(nanos % 5000))
}

/// Today, from the clock, or from `SHURA_TODAY` (ISO date) for reproducible runs.
pub fn today() -> chrono::NaiveDate {
    if let Ok(s) = std::env::var("SHURA_TODAY") {
        if let Ok(d) = chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d") {
            return d;
        }
    }
    chrono::Local::now().date_naive()
}

/// The current time as stored: UTC, RFC 3339 to the second.
pub fn now_stamp() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}
