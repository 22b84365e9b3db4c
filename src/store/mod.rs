//! SQLite storage: opening with the right pragmas, migrations, reads, writes (each an
//! IMMEDIATE transaction, retried while the database is busy), audit and search.

pub mod absences;
pub mod access;
pub mod approval;
pub mod audit;
pub mod bulk;
pub mod check;
pub mod clock;
pub mod dashboard;
pub mod edit;
pub mod evaluation;
pub mod legal;
pub mod letters;
pub mod meeting;
pub mod numbering;
pub mod plans;
pub mod read;
pub mod schema;
pub mod search;
pub mod signatures;
pub mod write;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::identity::Actor;
use crate::locale::digits::localize_digits;
use crate::locale::strings::{t, tf, Msg};
use crate::locale::{Lang, Localized};
use crate::model::{Entity, InvalidValue, SessionStatus};

/// Every error the store reports, each with the data the user needs to know; it
/// becomes text only at the edge ([`StoreError::message`], in the user's language).
#[derive(Debug)]
pub enum StoreError {
    /// A typed value was not acceptable (exit code 2).
    Invalid(InvalidValue),
    /// An id or name that does not exist (exit code 2).
    NotFound {
        what: Entity,
        key: String,
    },
    /// A rule of the domain refuses the change (exit code 2).
    Refused(Refusal),
    /// The user's role does not allow the change (exit code 3); the text, already in
    /// the user's language (`app::authz`), says which role is needed and what the user is.
    Denied(String),
    /// Someone else saved the record after it was read.
    Conflict {
        what: Entity,
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

/// The rules of the domain that refuse a change, with what they refer to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// A body name typed matches several bodies: (name, id) of each.
    AmbiguousBody {
        key: String,
        matches: Vec<(crate::model::Name, i64)>,
    },
    /// A person's name typed matches several people.
    AmbiguousPerson { key: String },
    /// The login is already someone's.
    LoginTaken { login: String, person: i64 },
    /// A session cannot go from one status to another.
    SessionTransition {
        from: SessionStatus,
        to: SessionStatus,
    },
    /// The session is not one of the body's.
    SessionOfOtherBody { session: i64, body: i64 },
    /// The agenda item is not one of the resolution's session.
    ItemOfOtherSession { item: i64, session: i64 },
    /// The person already has a membership in the body for an overlapping term.
    OverlappingMembership {
        person: i64,
        role: String,
        body: i64,
        membership: i64,
    },
    /// The minutes of the session are approved (a trigger refused the change).
    ApprovedMinutes,
    /// The audit trail is append-only (a trigger refused the change).
    AuditAppendOnly,
    /// The database could not be put in WAL mode; it reports this mode.
    NotWal { mode: String },
    /// The login is the last administrator's.
    LastAdministrator { login: String },
    /// The demo data embedded in shura cannot be read (the parser's words).
    DemoData { detail: String },
    /// A unanimous vote is recorded at a session (whose roll tells who voted).
    UnanimousNeedsSession,
    /// A unanimous vote with no voting member marked present.
    UnanimousNobodyPresent,
    /// The session's roll call shows no quorum and the user did not confirm.
    NoQuorum {
        present: u32,
        voting: u32,
        required: u32,
    },
    /// A task follows up a body, a resolution or an agenda item.
    TaskNeedsABody,
    /// A motion cannot go as asked.
    Motion(crate::model::voting::MotionProblem),
    /// A vote cannot be counted as given.
    Vote(crate::model::voting::VoteProblem),
    /// The session's clock refuses the event, arrival or departure.
    Clock(crate::model::clock::ClockRefusal),
    /// A correction of the record cannot go as asked.
    Record(crate::model::record::RecordRefusal),
    /// A session or resolution number is taken, or a council term overlaps another.
    Numbering(crate::model::numbering::NumberingRefusal),
    /// The agenda cannot be arranged as asked.
    Agenda(crate::model::agenda::AgendaProblem),
    /// Only approved minutes are corrected after approval (before, they are edited).
    NotApproved { session: i64 },
    /// A correction of the session's approved minutes is already open.
    CorrectionAlreadyOpen { session: i64 },
    /// A correction is made at a later session of the same body, not yet approved.
    CorrectionAt { session: i64, at: i64 },
    /// A session is not approved while a correction made at it is still open.
    CorrectionOpenAt { session: i64, corrected: i64 },
    /// The session's minutes have no such approved version.
    NoApprovedVersion { session: i64, version: i64 },
    /// A resolution's legal life (sending, objection, answer) refuses the act.
    Legal(crate::model::legal::LegalRefusal),
    /// The secretariat's register refuses the act (a link across bodies…).
    Letter(crate::model::letters::LetterRefusal),
    /// An invitation or a mail refused (a closed session, no sendmail).
    Invitation(crate::model::invitation::InvitationRefusal),
    /// A signature of approved minutes is refused.
    Sign(crate::model::signing::SignRefusal),
    /// A plan's act refused (a link across bodies, a measured indicator's period).
    Plan(crate::model::plans::PlanRefusal),
    /// An evaluation's act refused (an unknown criterion, a finding made a task twice).
    Evaluation(crate::model::evaluation::EvaluationRefusal),
}

impl Refusal {
    /// A stable snake_case code for JSON.
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::AmbiguousBody { .. } => "ambiguous_body",
            Refusal::AmbiguousPerson { .. } => "ambiguous_person",
            Refusal::LoginTaken { .. } => "login_taken",
            Refusal::SessionTransition { .. } => "session_transition",
            Refusal::SessionOfOtherBody { .. } => "session_of_other_body",
            Refusal::ItemOfOtherSession { .. } => "item_of_other_session",
            Refusal::OverlappingMembership { .. } => "overlapping_membership",
            Refusal::ApprovedMinutes => "approved_minutes",
            Refusal::AuditAppendOnly => "audit_append_only",
            Refusal::NotWal { .. } => "not_wal",
            Refusal::LastAdministrator { .. } => "last_administrator",
            Refusal::DemoData { .. } => "demo_data",
            Refusal::UnanimousNeedsSession => "unanimous_needs_session",
            Refusal::UnanimousNobodyPresent => "unanimous_nobody_present",
            Refusal::NoQuorum { .. } => "no_quorum",
            Refusal::TaskNeedsABody => "task_needs_a_body",
            Refusal::Motion(p) => p.code(),
            Refusal::Vote(p) => p.code(),
            Refusal::Clock(c) => c.code(),
            Refusal::Record(r) => r.code(),
            Refusal::Numbering(n) => n.code(),
            Refusal::Agenda(a) => a.code(),
            Refusal::NotApproved { .. } => "not_approved",
            Refusal::CorrectionAlreadyOpen { .. } => "correction_already_open",
            Refusal::CorrectionAt { .. } => "correction_at",
            Refusal::CorrectionOpenAt { .. } => "correction_open_at",
            Refusal::NoApprovedVersion { .. } => "no_approved_version",
            Refusal::Legal(l) => l.code(),
            Refusal::Letter(l) => l.code(),
            Refusal::Invitation(i) => i.code(),
            Refusal::Sign(s) => s.code(),
            Refusal::Plan(p) => p.code(),
            Refusal::Evaluation(e) => e.code(),
        }
    }

    /// The refusal's data as JSON fields (besides `reason`).
    fn json_fields(&self, obj: &mut serde_json::Map<String, serde_json::Value>) {
        use serde_json::json;
        let mut put = |k: &str, v: serde_json::Value| {
            obj.insert(k.to_string(), v);
        };
        match self {
            Refusal::AmbiguousBody { key, matches } => {
                put("key", json!(key));
                put(
                    "matches",
                    json!(matches
                        .iter()
                        .map(|(name, id)| json!({"id": id, "name": name}))
                        .collect::<Vec<_>>()),
                );
            }
            Refusal::AmbiguousPerson { key } => put("key", json!(key)),
            Refusal::LoginTaken { login, person } => {
                put("login", json!(login));
                put("person", json!(person));
            }
            Refusal::SessionTransition { from, to } => {
                put("from", json!(from.code()));
                put("to", json!(to.code()));
            }
            Refusal::SessionOfOtherBody { session, body } => {
                put("session", json!(session));
                put("body", json!(body));
            }
            Refusal::ItemOfOtherSession { item, session } => {
                put("item", json!(item));
                put("session", json!(session));
            }
            Refusal::OverlappingMembership {
                person,
                role,
                body,
                membership,
            } => {
                put("person", json!(person));
                put("role", json!(role));
                put("body", json!(body));
                put("membership", json!(membership));
            }
            Refusal::ApprovedMinutes | Refusal::AuditAppendOnly => {}
            Refusal::NotWal { mode } => put("mode", json!(mode)),
            Refusal::LastAdministrator { login } => put("login", json!(login)),
            Refusal::DemoData { detail } => put("detail", json!(detail)),
            Refusal::UnanimousNeedsSession
            | Refusal::UnanimousNobodyPresent
            | Refusal::TaskNeedsABody => {}
            Refusal::Clock(c) => {
                for (k, v) in c.fields() {
                    put(k, json!(v));
                }
            }
            Refusal::Numbering(n) => {
                for (k, v) in n.fields() {
                    put(k, json!(v));
                }
            }
            Refusal::Agenda(a) => {
                for (k, v) in a.fields() {
                    put(k, json!(v));
                }
            }
            Refusal::Legal(l) => {
                for (k, v) in l.fields() {
                    put(k, json!(v));
                }
            }
            Refusal::Letter(l) => {
                for (k, v) in l.fields() {
                    put(k, json!(v));
                }
            }
            Refusal::Invitation(i) => {
                for (k, v) in i.fields() {
                    put(k, json!(v));
                }
            }
            Refusal::Plan(p) => {
                for (k, v) in p.fields() {
                    put(k, json!(v));
                }
            }
            Refusal::Evaluation(e) => {
                for (k, v) in e.fields() {
                    put(k, v);
                }
            }
            Refusal::Sign(s) => {
                for (k, v) in s.fields() {
                    put(k, json!(v));
                }
            }
            Refusal::NoQuorum {
                present,
                voting,
                required,
            } => {
                put("present", json!(present));
                put("voting", json!(voting));
                put("required", json!(required));
            }
            Refusal::Motion(p) => {
                for (k, v) in p.fields() {
                    put(k, json!(v));
                }
            }
            Refusal::Vote(p) => {
                for (k, v) in p.fields() {
                    put(k, json!(v));
                }
            }
            Refusal::Record(r) => {
                for (k, v) in r.fields() {
                    put(k, v);
                }
            }
            Refusal::NotApproved { session } | Refusal::CorrectionAlreadyOpen { session } => {
                put("session", json!(session))
            }
            Refusal::CorrectionAt { session, at } => {
                put("session", json!(session));
                put("at", json!(at));
            }
            Refusal::CorrectionOpenAt { session, corrected } => {
                put("session", json!(session));
                put("corrected", json!(corrected));
            }
            Refusal::NoApprovedVersion { session, version } => {
                put("session", json!(session));
                put("version", json!(version));
            }
        }
    }
}

impl Localized for Refusal {
    fn message(&self, lang: Lang) -> String {
        let n = |i: &i64| localize_digits(&i.to_string(), lang);
        match self {
            Refusal::AmbiguousBody { key, matches } => {
                let list: Vec<String> = matches
                    .iter()
                    .map(|(name, id)| format!("{} ({})", name.get(lang), n(id)))
                    .collect();
                tf(
                    lang,
                    Msg::RefusedAmbiguousBody,
                    &[key, &list.join(Msg::ListSeparator.text(lang))],
                )
            }
            Refusal::AmbiguousPerson { key } => tf(lang, Msg::RefusedAmbiguousPerson, &[key]),
            Refusal::LoginTaken { login, person } => {
                tf(lang, Msg::RefusedLoginTaken, &[login, &n(person)])
            }
            Refusal::SessionTransition { from, to } => tf(
                lang,
                Msg::RefusedSessionTransition,
                &[from.label(lang), to.label(lang)],
            ),
            Refusal::SessionOfOtherBody { session, body } => tf(
                lang,
                Msg::RefusedSessionOfOtherBody,
                &[&n(session), &n(body)],
            ),
            Refusal::ItemOfOtherSession { item, session } => tf(
                lang,
                Msg::RefusedItemOfOtherSession,
                &[&n(item), &n(session)],
            ),
            Refusal::OverlappingMembership {
                person,
                role,
                body,
                membership,
            } => {
                let role = crate::model::Role::parse(role)
                    .map(|r| r.label(lang).to_lowercase())
                    .unwrap_or_else(|_| role.clone());
                tf(
                    lang,
                    Msg::RefusedOverlappingMembership,
                    &[&n(person), &role, &n(body), &n(membership)],
                )
            }
            Refusal::ApprovedMinutes => t(lang, Msg::RefusedApprovedMinutes).to_string(),
            Refusal::AuditAppendOnly => t(lang, Msg::RefusedAuditAppendOnly).to_string(),
            Refusal::NotWal { mode } => tf(lang, Msg::RefusedNotWal, &[mode]),
            Refusal::LastAdministrator { login } => {
                tf(lang, Msg::RefusedLastAdministrator, &[login])
            }
            Refusal::DemoData { detail } => tf(lang, Msg::RefusedDemoData, &[detail]),
            Refusal::UnanimousNeedsSession => t(lang, Msg::RefusedUnanimousNeedsSession).into(),
            Refusal::UnanimousNobodyPresent => t(lang, Msg::RefusedUnanimousNobodyPresent).into(),
            Refusal::TaskNeedsABody => t(lang, Msg::RefusedTaskNeedsABody).into(),
            Refusal::Clock(c) => c.message(lang),
            Refusal::Numbering(r) => r.message(lang),
            Refusal::Agenda(a) => a.message(lang),
            Refusal::Legal(l) => l.message(lang),
            Refusal::Letter(l) => l.message(lang),
            Refusal::Invitation(i) => i.message(lang),
            Refusal::Sign(s) => s.message(lang),
            Refusal::Plan(p) => p.message(lang),
            Refusal::Evaluation(e) => e.message(lang),
            Refusal::NoQuorum {
                present,
                voting,
                required,
            } => {
                let d = |n: &u32| localize_digits(&n.to_string(), lang);
                tf(
                    lang,
                    Msg::RefusedNoQuorum,
                    &[&d(present), &d(voting), &d(required)],
                )
            }
            Refusal::Motion(p) => p.message(lang),
            Refusal::Vote(p) => p.message(lang),
            Refusal::Record(r) => r.message(lang),
            Refusal::NotApproved { session } => tf(lang, Msg::RefusedNotApproved, &[&n(session)]),
            Refusal::CorrectionAlreadyOpen { session } => {
                tf(lang, Msg::RefusedCorrectionAlreadyOpen, &[&n(session)])
            }
            Refusal::CorrectionAt { session, at } => {
                tf(lang, Msg::RefusedCorrectionAt, &[&n(session), &n(at)])
            }
            Refusal::CorrectionOpenAt { session, corrected } => tf(
                lang,
                Msg::RefusedCorrectionOpenAt,
                &[&n(session), &n(corrected)],
            ),
            Refusal::NoApprovedVersion { session, version } => tf(
                lang,
                Msg::RefusedNoApprovedVersion,
                &[&n(session), &n(version)],
            ),
        }
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

impl Localized for StoreError {
    fn message(&self, lang: Lang) -> String {
        let n = |i: &i64| localize_digits(&i.to_string(), lang);
        match self {
            StoreError::Invalid(e) => e.message(lang),
            StoreError::NotFound { what, key } => {
                tf(lang, Msg::ErrNotFound, &[what.name(lang), key])
            }
            StoreError::Refused(why) => why.message(lang),
            StoreError::Denied(why) => why.clone(),
            StoreError::Conflict { what, id } => {
                tf(lang, Msg::ErrConflict, &[what.name(lang), &n(id)])
            }
            StoreError::TooNew {
                path,
                found,
                supported,
            } => tf(
                lang,
                Msg::ErrTooNew,
                &[&path.display().to_string(), &n(found), &n(supported)],
            ),
            StoreError::Sqlite(e) => describe_sqlite(e, lang),
            StoreError::Io(e) => describe_io(e, lang),
        }
    }
}

impl StoreError {
    /// The error in the user's language, from the catalogue.
    pub fn message(&self, lang: Lang) -> String {
        Localized::message(self, lang)
    }

    /// A stable snake_case code for scripts (`--json`).
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Invalid(_) => "invalid",
            StoreError::NotFound { .. } => "not_found",
            StoreError::Refused(_) => "refused",
            StoreError::Denied(_) => "denied",
            StoreError::Conflict { .. } => "conflict",
            StoreError::TooNew { .. } => "too_new",
            StoreError::Sqlite(_) => "database",
            StoreError::Io(_) => "io",
        }
    }

    /// A language-neutral object: `error` (the code) and the error's data; `message`
    /// in the user's language besides.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        use serde_json::json;
        let mut obj = serde_json::Map::new();
        obj.insert("error".into(), json!(self.code()));
        match self {
            StoreError::Invalid(e) => {
                obj.insert("what".into(), json!(e.what.code()));
                obj.insert("value".into(), json!(e.value));
                if let crate::model::Expected::OneOf(values) = &e.expected {
                    let codes: Vec<&str> = values.iter().map(|(code, _)| *code).collect();
                    obj.insert("accepted".into(), json!(codes));
                }
            }
            StoreError::NotFound { what, key } => {
                obj.insert("what".into(), json!(what.code()));
                obj.insert("key".into(), json!(key));
            }
            StoreError::Refused(why) => {
                obj.insert("reason".into(), json!(why.code()));
                why.json_fields(&mut obj);
            }
            StoreError::Denied(_) => {}
            StoreError::Conflict { what, id } => {
                obj.insert("what".into(), json!(what.code()));
                obj.insert("id".into(), json!(id));
            }
            StoreError::TooNew {
                path,
                found,
                supported,
            } => {
                obj.insert("path".into(), json!(path.display().to_string()));
                obj.insert("found".into(), json!(found));
                obj.insert("supported".into(), json!(supported));
            }
            StoreError::Sqlite(e) => {
                if let Some(c) = e.sqlite_error_code() {
                    obj.insert("sqlite".into(), json!(format!("{c:?}")));
                }
            }
            StoreError::Io(e) => {
                obj.insert("kind".into(), json!(format!("{:?}", e.kind())));
            }
        }
        obj.insert("message".into(), json!(self.message(lang)));
        serde_json::Value::Object(obj)
    }
}

/// English, for logs and for code that needs `Display`; users get [`StoreError::message`].
impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for StoreError {}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        // Triggers that protect approved minutes and the audit table raise ABORT.
        if let rusqlite::Error::SqliteFailure(_, Some(msg)) = &e {
            if msg.contains("approved and can no longer change") {
                return StoreError::Refused(Refusal::ApprovedMinutes);
            }
            if msg.contains("kept as approved")
                || msg.contains("correction of approved minutes is kept")
            {
                return StoreError::Refused(Refusal::ApprovedMinutes);
            }
            if msg.contains("append-only") {
                return StoreError::Refused(Refusal::AuditAppendOnly);
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

fn describe_sqlite(e: &rusqlite::Error, lang: Lang) -> String {
    use rusqlite::ErrorCode;
    match e.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => t(lang, Msg::ErrDiskFull).to_string(),
        Some(ErrorCode::ReadOnly) => t(lang, Msg::ErrReadOnly).to_string(),
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
            t(lang, Msg::ErrBusy).to_string()
        }
        Some(ErrorCode::NotADatabase) => t(lang, Msg::ErrNotADatabase).to_string(),
        Some(ErrorCode::CannotOpen) => t(lang, Msg::ErrCannotOpenFile).to_string(),
        _ => tf(lang, Msg::ErrDatabase, &[&e.to_string()]),
    }
}

/// An I/O error: the ones shura makes itself carry a [`OpenProblem`] inside; the
/// system's own text (from the OS, in English) is kept as a detail.
fn describe_io(e: &std::io::Error, lang: Lang) -> String {
    if let Some(p) = e.get_ref().and_then(|i| i.downcast_ref::<OpenProblem>()) {
        return p.message(lang);
    }
    match io_kind_text(e.kind(), lang) {
        Some(why) => tf(lang, Msg::ErrIo, &[why]),
        None => tf(lang, Msg::ErrIo, &[&e.to_string()]),
    }
}

/// The common kinds of I/O failure in words (the system's own text is English).
pub fn io_kind_text(kind: std::io::ErrorKind, lang: Lang) -> Option<&'static str> {
    use std::io::ErrorKind as K;
    let msg = match kind {
        K::NotFound => Msg::IoNotFound,
        K::PermissionDenied => Msg::IoPermissionDenied,
        K::AlreadyExists => Msg::IoAlreadyExists,
        K::NotADirectory => Msg::IoNotADirectory,
        K::IsADirectory => Msg::IoIsADirectory,
        K::ReadOnlyFilesystem => Msg::IoReadOnlyFs,
        K::StorageFull => Msg::IoStorageFull,
        _ => return None,
    };
    Some(msg.text(lang))
}

/// Why the database could not be opened, carried inside an `io::Error`.
#[derive(Debug)]
pub enum OpenProblem {
    /// The directory of the database cannot be made, for this reason.
    Directory {
        dir: PathBuf,
        kind: std::io::ErrorKind,
    },
    /// The file (or its directory) may not be read or written.
    Permission { path: PathBuf },
}

impl Localized for OpenProblem {
    fn message(&self, lang: Lang) -> String {
        match self {
            OpenProblem::Directory { dir, kind } => {
                let why = io_kind_text(*kind, lang)
                    .map(str::to_string)
                    .unwrap_or_else(|| format!("{kind:?}"));
                tf(
                    lang,
                    Msg::ErrCannotMakeDbDir,
                    &[&dir.display().to_string(), &why],
                )
            }
            OpenProblem::Permission { path } => {
                tf(lang, Msg::ErrCannotOpenDb, &[&path.display().to_string()])
            }
        }
    }
}

impl std::fmt::Display for OpenProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for OpenProblem {}

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
    /// Bodies whose closed-session items (their minutes, motions, resolutions and the
    /// tasks on them) the reads leave out: those where the actor is not a member and
    /// not an administrator. Filled in by `ops::authz`, like `hidden`.
    closed_hidden: Vec<i64>,
}

impl Store {
    /// Opens (creating if needed) and migrates the database at `path`.
    pub fn open(path: &Path, actor: Actor) -> Result<Store> {
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() && !dir.exists() {
                std::fs::create_dir_all(dir).map_err(|e| {
                    std::io::Error::new(
                        e.kind(),
                        OpenProblem::Directory {
                            dir: dir.to_path_buf(),
                            kind: e.kind(),
                        },
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
                OpenProblem::Permission {
                    path: path.to_path_buf(),
                },
            )),
            _ => StoreError::from(e),
        })?;
        Self::configure(&conn)?;
        let mut store = Store {
            conn,
            path: path.to_path_buf(),
            actor,
            hidden: Vec::new(),
            closed_hidden: Vec::new(),
        };
        store.migrate()?;
        Ok(store)
    }

    /// Opens an existing database without creating or migrating it (for checks).
    pub fn open_existing(path: &Path, actor: Actor) -> Result<Store> {
        // Only a path that is surely absent is "not found"; one we may not look into
        // (another group's directory) goes on to open, which says why it cannot.
        let absent = matches!(
            std::fs::metadata(path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound
        );
        if absent {
            return Err(StoreError::NotFound {
                what: Entity::DatabaseFile,
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
            return Err(StoreError::Refused(Refusal::NotWal { mode }));
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

    /// Leaves out of every read from now on what these bodies took in closed session
    /// (see [`Store::closed_item_sql`]).
    pub fn hide_closed_items_of(&mut self, mut ids: Vec<i64>) {
        ids.sort_unstable();
        ids.dedup();
        self.closed_hidden = ids;
    }

    /// The bodies whose closed-session items reads leave out.
    pub fn closed_hidden(&self) -> &[i64] {
        &self.closed_hidden
    }

    /// A SQL condition leaving out the rows of a body in the closed-hidden set that
    /// belong to a closed-session item: ` AND NOT (body_col IN (…) AND (EXISTS (an
    /// agenda item with id = item, closed) OR …))`, one `EXISTS` per expression in
    /// `items` (each an agenda item's id, or NULL). Nothing when the set is empty. Each
    /// check is a lookup by primary key on the row already read, made only for rows
    /// of those bodies, so the listing keeps its index and its order.
    pub(crate) fn closed_item_sql(&self, body_col: &str, items: &[&str]) -> String {
        if self.closed_hidden.is_empty() || items.is_empty() {
            return String::new();
        }
        let ids: Vec<String> = self.closed_hidden.iter().map(|i| i.to_string()).collect();
        let exists: Vec<String> = items
            .iter()
            .map(|e| {
                format!("EXISTS (SELECT 1 FROM agenda_item ca WHERE ca.id = {e} AND ca.closed = 1)")
            })
            .collect();
        format!(
            " AND NOT ({body_col} IN ({}) AND ({}))",
            ids.join(","),
            exists.join(" OR ")
        )
    }

    /// [`Store::closed_item_sql`] for a resolution row `r` (its item).
    pub(crate) fn closed_resolution_sql(&self, r: &str) -> String {
        self.closed_item_sql(&format!("{r}.body_id"), &[&format!("{r}.agenda_item_id")])
    }

    /// [`Store::closed_item_sql`] for a task row `t`: its own item, or its resolution's.
    pub(crate) fn closed_task_sql(&self, t: &str) -> String {
        self.closed_item_sql(
            &format!("{t}.body_id"),
            &[
                &format!("{t}.agenda_item_id"),
                &format!(
                    "(SELECT cr.agenda_item_id FROM resolution cr WHERE cr.id = {t}.resolution_id)"
                ),
            ],
        )
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

/// Today as shown and counted (overdue, due this week, statutory months): the clock, or
/// `SHURA_TODAY` (ISO date) for reproducible runs and demonstrations. It never decides
/// what anyone may do; that is [`clock_today`].
pub fn today() -> chrono::NaiveDate {
    if let Ok(s) = std::env::var("SHURA_TODAY") {
        if let Ok(d) = chrono::NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d") {
            return d;
        }
    }
    clock_today()
}

/// Today by the system clock, which nothing a user sets can move: the day whose
/// memberships decide who may do what.
pub fn clock_today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// The current time as stored: UTC, RFC 3339 to the second.
pub fn now_stamp() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string()
}
