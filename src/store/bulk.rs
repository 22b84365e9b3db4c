//! Filling a new database with generated data (the demo and the scale generator of
//! `demo`), fast: rows go in as given, without the checks, audit entries and
//! transactions-per-change of the store's writes. What to write is the generator's
//! business; how it goes into SQLite is here.
//!
//! A bulk load ([`Store::bulk_load`]) drops the secondary indexes and the tally
//! triggers while rows go in and builds them again from their stored SQL at the end;
//! keeps the rollback journal in memory and syncs nothing until the end; and lets
//! FTS5 gather terms in memory and merge nothing until one final 'optimize'. Full-text
//! entries can be held back and written in bursts ([`BulkLoader::queue_search`]): an
//! insert into a table with triggers opens a statement savepoint, at which FTS5 writes
//! its pending terms out as a new segment, so interleaving made a segment per record
//! (and endless merging); each burst becomes one segment. Statements are prepared once
//! and kept (`prepare_cached`).

use rusqlite::{params, Connection};

use super::search::SearchKind;
use super::{audit, Result, Store};

/// FTS5 settings while loading: terms gathered in memory up to 64 MB per segment and
/// no merging until the final 'optimize' merges everything once.
const FTS_BULK: &str = "INSERT INTO search_index(search_index, rank) VALUES ('hashsize', 67108864);
     INSERT INTO search_index(search_index, rank) VALUES ('automerge', 0);";
/// FTS5's defaults (as in SQLite's fts5), for the database's later life.
const FTS_DEFAULTS: &str =
    "INSERT INTO search_index(search_index, rank) VALUES ('hashsize', 1048576);
     INSERT INTO search_index(search_index, rank) VALUES ('automerge', 4);";

/// The triggers of schema V3 (the attendance ones as V8 made them again) that keep the
/// dashboard's tallies; dropped during the bulk load and made again (with the tallies
/// computed) by running [`super::schema::TALLIES`] at its end.
const TALLY_TRIGGERS: &[&str] = &[
    "task_tally_insert",
    "task_tally_delete",
    "task_tally_update",
    "attendance_tally_insert",
    "attendance_tally_delete",
    "attendance_tally_update",
    "session_tally_status",
];

/// A person as stored.
pub struct PersonRow<'a> {
    pub id: i64,
    pub name_fa: &'a str,
    pub name_en: &'a str,
    pub login: Option<&'a str>,
    pub organization: &'a str,
    pub created_at: &'a str,
}

/// A body as stored (codes as in the `body` table: `kind`, `quorum_rule`,
/// `meeting_rule`).
pub struct BodyRow<'a> {
    pub id: i64,
    pub name_fa: &'a str,
    pub name_en: &'a str,
    pub kind: &'a str,
    pub parent_id: Option<i64>,
    pub quorum_rule: &'a str,
    pub meeting_rule: &'a str,
    pub resolution_format: &'a str,
    pub formed_on: &'a str,
    pub created_at: &'a str,
}

/// A membership as stored.
pub struct MembershipRow<'a> {
    pub body_id: i64,
    pub person_id: i64,
    pub role: &'a str,
    pub voting: bool,
    pub term_start: &'a str,
}

/// A session as stored (dates and times as ISO text).
pub struct SessionRow<'a> {
    pub id: i64,
    pub body_id: i64,
    pub number: i64,
    pub kind: &'a str,
    pub date: &'a str,
    pub start_time: &'a str,
    pub end_time: Option<&'a str>,
    pub place: &'a str,
    pub status: &'a str,
    pub created_at: &'a str,
}

/// An agenda item as stored.
pub struct AgendaItemRow<'a> {
    pub id: i64,
    pub session_id: i64,
    pub position: i64,
    pub title: &'a str,
    pub status: &'a str,
    pub minutes: Option<&'a str>,
    pub minutes_author: Option<&'a str>,
    pub minutes_at: Option<&'a str>,
}

/// One person's attendance at a session.
pub struct AttendanceRow<'a> {
    pub session_id: i64,
    pub person_id: i64,
    pub presence: &'a str,
}

/// A resolution as stored.
pub struct ResolutionRow<'a> {
    pub id: i64,
    pub body_id: i64,
    pub session_id: i64,
    pub agenda_item_id: i64,
    pub seq: i64,
    pub number: &'a str,
    pub text: &'a str,
    pub decision: &'a str,
    pub votes_yes: i64,
    pub votes_no: i64,
    pub votes_abstain: i64,
    pub status: &'a str,
    pub owner: Option<&'a str>,
    pub due: &'a str,
    pub created_on: &'a str,
}

/// A task as stored.
pub struct TaskRow<'a> {
    pub id: i64,
    pub body_id: i64,
    pub resolution_id: i64,
    pub title: &'a str,
    pub description: &'a str,
    pub assignee_id: Option<i64>,
    pub assignee_unit: Option<&'a str>,
    pub due: &'a str,
    pub status: &'a str,
    pub priority: &'a str,
    pub percent: i64,
    pub done_on: Option<&'a str>,
    pub created_on: &'a str,
}

// ---- Plans and evaluations (issue 16)

pub struct PolicyRow<'a> {
    pub id: i64,
    pub body_id: i64,
    pub goal_id: Option<i64>,
    pub title: &'a str,
}

pub struct IndicatorRow<'a> {
    pub id: i64,
    pub policy_id: i64,
    pub name: &'a str,
    pub unit: Option<&'a str>,
    pub target: f64,
    pub baseline: Option<f64>,
    pub higher_is_better: bool,
    /// `month`, `quarter` or `year`.
    pub period: &'a str,
}

pub struct MeasurementRow<'a> {
    pub indicator_id: i64,
    /// The period's stored code (`1404-Q2`).
    pub period: &'a str,
    pub value: f64,
    pub source: &'a str,
    pub recorded_at: &'a str,
}

pub struct ChecklistRow<'a> {
    pub id: i64,
    pub body_id: i64,
    pub title: &'a str,
    pub scale_max: i64,
    pub every: &'a str,
    pub created_at: &'a str,
}

pub struct VisitRow<'a> {
    pub id: i64,
    pub checklist_id: i64,
    pub unit: &'a str,
    pub unit_key: &'a str,
    pub visited_on: &'a str,
    pub created_at: &'a str,
}

/// Rows going into a bulk load, always inside a transaction (one from the start, a new
/// one after each [`BulkLoader::commit`]).
pub struct BulkLoader<'s> {
    conn: &'s Connection,
    /// Full-text entries held back: (rowid, search text, body).
    search: Vec<(i64, String, i64)>,
    /// What to record once the rows are in.
    generation: Option<Generation>,
}

/// What a bulk load records once its rows are in (see [`BulkLoader::record_at_end`]).
pub struct Generation {
    /// The audit entry's `after`: a JSON description of what was generated.
    pub description_json: String,
    /// Sessions to approve, with the chain head after that entry.
    pub approve: Vec<i64>,
    /// When they are approved (`approved_at`).
    pub stamp: String,
}

impl BulkLoader<'_> {
    /// Full-text entries held back before [`BulkLoader::write_search_if_full`] writes.
    pub const SEARCH_BURST: usize = 20_000;

    pub fn insert_person(&self, p: &PersonRow) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO person(id, name_fa, name_en, login, organization, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![
                p.id,
                p.name_fa,
                p.name_en,
                p.login,
                p.organization,
                p.created_at
            ])?;
        Ok(())
    }

    pub fn insert_body(&self, b: &BodyRow) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO body(id, name_fa, name_en, kind, parent_id, quorum_rule, meeting_rule, resolution_format, formed_on, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                b.id,
                b.name_fa,
                b.name_en,
                b.kind,
                b.parent_id,
                b.quorum_rule,
                b.meeting_rule,
                b.resolution_format,
                b.formed_on,
                b.created_at
            ])?;
        Ok(())
    }

    pub fn insert_membership(&self, m: &MembershipRow) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO membership(body_id, person_id, role, voting, term_start) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                m.body_id,
                m.person_id,
                m.role,
                m.voting,
                m.term_start
            ])?;
        Ok(())
    }

    pub fn insert_session(&self, s: &SessionRow) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO session(id, body_id, number, kind, date, start_time, end_time, place, status, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                s.id,
                s.body_id,
                s.number,
                s.kind,
                s.date,
                s.start_time,
                s.end_time,
                s.place,
                s.status,
                s.created_at
            ])?;
        Ok(())
    }

    pub fn insert_agenda_item(&self, a: &AgendaItemRow) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO agenda_item(id, session_id, position, title, status, minutes, minutes_author, minutes_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                a.id,
                a.session_id,
                a.position,
                a.title,
                a.status,
                a.minutes,
                a.minutes_author,
                a.minutes_at
            ])?;
        Ok(())
    }

    pub fn insert_attendance(&self, a: &AttendanceRow) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO attendance(session_id, person_id, presence) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![a.session_id, a.person_id, a.presence])?;
        Ok(())
    }

    pub fn insert_resolution(&self, r: &ResolutionRow) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO resolution(id, body_id, session_id, agenda_item_id, seq, number, text, decision, votes_yes, votes_no, votes_abstain, status, owner, due, created_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            )?
            .execute(params![
                r.id,
                r.body_id,
                r.session_id,
                r.agenda_item_id,
                r.seq,
                r.number,
                r.text,
                r.decision,
                r.votes_yes,
                r.votes_no,
                r.votes_abstain,
                r.status,
                r.owner,
                r.due,
                r.created_on
            ])?;
        Ok(())
    }

    pub fn insert_task(&self, t: &TaskRow) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO task(id, body_id, resolution_id, title, description, assignee_id, assignee_unit, due, status, priority, percent, done_on, created_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?
            .execute(params![
                t.id,
                t.body_id,
                t.resolution_id,
                t.title,
                t.description,
                t.assignee_id,
                t.assignee_unit,
                t.due,
                t.status,
                t.priority,
                t.percent,
                t.done_on,
                t.created_on
            ])?;
        Ok(())
    }

    /// Adds a full-text entry now; `search` is already in its search form (what
    /// `normalize_for_search` gives). Entries should go in by ascending rowid (kind,
    /// then id): FTS5 writes its pending terms out whenever a rowid is lower than the
    /// one before.
    pub fn index_search(&self, kind: SearchKind, id: i64, search: &str, body: i64) -> Result<()> {
        insert_search(self.conn, search_rowid(kind, id), search, body)
    }

    /// Holds a full-text entry back until [`BulkLoader::write_search_if_full`], a
    /// commit or the end of the load (see the module's text).
    pub fn queue_search(&mut self, kind: SearchKind, id: i64, search: String, body: i64) {
        self.search.push((search_rowid(kind, id), search, body));
    }

    /// Writes the held-back entries once there are [`BulkLoader::SEARCH_BURST`].
    pub fn write_search_if_full(&mut self) -> Result<()> {
        if self.search.len() >= Self::SEARCH_BURST {
            self.write_search()?;
        }
        Ok(())
    }

    fn write_search(&mut self) -> Result<()> {
        for (rowid, search, body) in self.search.drain(..) {
            insert_search(self.conn, rowid, &search, body)?;
        }
        Ok(())
    }

    /// Once the rows are in and the indexes back (still without syncs): one audit entry
    /// (action `generate`, entity `database`) records the generation, and its sessions
    /// to approve are approved by the store's actor with the chain head after that
    /// entry, in one write. Approving comes last, once minutes and resolutions exist,
    /// as the triggers that freeze approved minutes demand.
    pub fn insert_goal(&self, id: i64, body_id: i64, title: &str, created_at: &str) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO goal(id, body_id, title, created_at) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![id, body_id, title, created_at])?;
        Ok(())
    }

    pub fn insert_policy(&self, p: &PolicyRow) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO policy(id, body_id, goal_id, title) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![p.id, p.body_id, p.goal_id, p.title])?;
        Ok(())
    }

    pub fn insert_indicator(&self, i: &IndicatorRow) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO indicator(id, policy_id, name, unit, target, baseline, higher_is_better, period, calendar)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'jalali')",
            )?
            .execute(params![
                i.id,
                i.policy_id,
                i.name,
                i.unit,
                i.target,
                i.baseline,
                i.higher_is_better,
                i.period
            ])?;
        Ok(())
    }

    pub fn insert_measurement(&self, m: &MeasurementRow) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO measurement(indicator_id, period, value, source, recorded_by, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, 'generator', ?5)",
            )?
            .execute(params![m.indicator_id, m.period, m.value, m.source, m.recorded_at])?;
        Ok(())
    }

    pub fn insert_checklist(&self, c: &ChecklistRow) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO checklist(id, body_id, title, scale_max, every, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?
            .execute(params![c.id, c.body_id, c.title, c.scale_max, c.every, c.created_at])?;
        Ok(())
    }

    pub fn insert_criterion(
        &self,
        id: i64,
        checklist_id: i64,
        position: i64,
        name: &str,
        weight: f64,
    ) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO criterion(id, checklist_id, position, name, weight) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![id, checklist_id, position, name, weight])?;
        Ok(())
    }

    pub fn insert_checklist_unit(
        &self,
        checklist_id: i64,
        name: &str,
        unit_key: &str,
    ) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO checklist_unit(checklist_id, name, unit_key) VALUES (?1, ?2, ?3)",
            )?
            .execute(params![checklist_id, name, unit_key])?;
        Ok(())
    }

    pub fn insert_visit(&self, v: &VisitRow) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO visit(id, checklist_id, unit, unit_key, visited_on, created_at, created_by)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'generator')",
            )?
            .execute(params![v.id, v.checklist_id, v.unit, v.unit_key, v.visited_on, v.created_at])?;
        Ok(())
    }

    pub fn insert_visit_visitor(&self, visit_id: i64, person_id: i64) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT OR IGNORE INTO visit_visitor(visit_id, person_id) VALUES (?1, ?2)",
            )?
            .execute(params![visit_id, person_id])?;
        Ok(())
    }

    pub fn insert_visit_score(
        &self,
        visit_id: i64,
        criterion_id: i64,
        score: f64,
        finding: &str,
    ) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO visit_score(visit_id, criterion_id, score, finding) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![visit_id, criterion_id, score, finding])?;
        Ok(())
    }

    /// Keeps the weighted score of every visit of a checklist loaded (as scoring through
    /// the store does).
    pub fn refresh_visit_scores(&self, checklist_id: i64) -> Result<()> {
        super::evaluation::refresh_visit_scores(self.conn, checklist_id, None)
    }

    pub fn record_at_end(&mut self, generation: Generation) {
        self.generation = Some(generation);
    }

    /// Writes the held-back entries, commits and begins the next transaction.
    pub fn commit(&mut self) -> Result<()> {
        self.write_search()?;
        self.conn.execute_batch("COMMIT; BEGIN")?;
        Ok(())
    }
}

fn search_rowid(kind: SearchKind, id: i64) -> i64 {
    kind as i64 * (1i64 << 40) + id
}

fn insert_search(conn: &Connection, rowid: i64, search: &str, body: i64) -> Result<()> {
    conn.prepare_cached("INSERT INTO search_index(rowid, text, body_id) VALUES (?1, ?2, ?3)")?
        .execute(params![rowid, search, body])?;
    Ok(())
}

/// The indexes of the schema (not those of UNIQUE constraints) with their SQL.
fn secondary_indexes(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY rowid",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Builds again those of `indexes` that are missing, FTS5's default settings and the
/// tally triggers with their tallies.
fn restore_indexes(conn: &Connection, indexes: &[(String, String)]) -> Result<()> {
    for (name, sql) in indexes {
        let exists: bool = conn.query_row(
            "SELECT EXISTS(SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?1)",
            [name],
            |r| r.get(0),
        )?;
        if !exists {
            conn.execute_batch(sql)?;
        }
    }
    conn.execute_batch(FTS_DEFAULTS)?;
    for step in super::schema::TALLIES {
        conn.execute_batch(step)?;
    }
    Ok(())
}

/// The store's own settings (as `Store::open` sets them) after a bulk load.
fn restore_settings(conn: &Connection) -> Result<()> {
    conn.execute_batch("PRAGMA cache_size = -16000; PRAGMA synchronous = FULL;")?;
    let _: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    Ok(())
}

/// The first transaction of a bulk load: indexes, FTS5 merging and tally triggers off.
fn begin_load(conn: &Connection, indexes: &[(String, String)]) -> Result<()> {
    conn.execute_batch("BEGIN")?;
    for (name, _) in indexes {
        conn.execute_batch(&format!("DROP INDEX \"{name}\""))?;
    }
    conn.execute_batch(FTS_BULK)?;
    // The dashboard's tallies are computed once at the end (see TALLY_TRIGGERS), not
    // kept row by row while millions are inserted.
    for name in TALLY_TRIGGERS {
        conn.execute_batch(&format!("DROP TRIGGER IF EXISTS \"{name}\""))?;
    }
    Ok(())
}

/// The last transaction of a bulk load (already begun): indexes back from their own
/// SQL, the full-text index merged into one segment, FTS5's defaults, the tally
/// triggers back with the tallies computed from the rows (`schema::TALLIES` does both).
fn end_load(conn: &Connection, indexes: &[(String, String)]) -> Result<()> {
    for (_, sql) in indexes {
        conn.execute_batch(sql)?;
    }
    conn.execute_batch("INSERT INTO search_index(search_index) VALUES ('optimize')")?;
    conn.execute_batch(FTS_DEFAULTS)?;
    for step in super::schema::TALLIES {
        conn.execute_batch(step)?;
    }
    conn.execute_batch("COMMIT")?;
    Ok(())
}

impl Store {
    /// Runs `load` as a bulk load into this (new, empty) database: see the module's
    /// text. Whatever went in stays usable when `load` fails: the open transaction is
    /// rolled back and the indexes, FTS5 settings and tally triggers are as the schema
    /// has them. The store's own settings come back at the end either way.
    pub fn bulk_load<T>(&mut self, load: impl FnOnce(&mut BulkLoader) -> Result<T>) -> Result<T> {
        // Journal in memory (pages appended to a new file need no journal), no syncs, a
        // large cache.
        let _: String = self
            .conn
            .query_row("PRAGMA journal_mode = MEMORY", [], |r| r.get(0))?;
        self.conn
            .execute_batch("PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;")?;
        let made = self.load_rows(load).and_then(|(out, generation)| {
            if let Some(g) = generation {
                self.record_generation(&g)?;
            }
            Ok(out)
        });
        let restored = restore_settings(&self.conn);
        let out = made?;
        restored?;
        Ok(out)
    }

    /// The rows of a bulk load, from dropping the indexes to building them again.
    fn load_rows<T>(
        &self,
        load: impl FnOnce(&mut BulkLoader) -> Result<T>,
    ) -> Result<(T, Option<Generation>)> {
        let conn = &self.conn;
        let indexes = secondary_indexes(conn)?;
        let mut loader = BulkLoader {
            conn,
            search: Vec::new(),
            generation: None,
        };
        let made = begin_load(conn, &indexes)
            .and_then(|()| load(&mut loader))
            .and_then(|out| {
                loader.write_search()?;
                end_load(conn, &indexes)?;
                Ok(out)
            });
        if made.is_err() {
            if !conn.is_autocommit() {
                let _ = conn.execute_batch("ROLLBACK");
            }
            let _ = restore_indexes(conn, &indexes);
        }
        Ok((made?, loader.generation))
    }

    /// Runs `f` without syncing to disk at each commit (for filling a new database,
    /// which can be made again should the machine fail meanwhile); the store's
    /// `synchronous = FULL` is back afterwards.
    pub fn unsynced<T>(&mut self, f: impl FnOnce(&mut Store) -> Result<T>) -> Result<T> {
        self.conn.execute_batch("PRAGMA synchronous = OFF")?;
        let out = f(self);
        self.conn.execute_batch("PRAGMA synchronous = FULL")?;
        out
    }

    /// Sets the status of a body's adopted resolutions that have tasks from their
    /// tasks (done when none is open or in progress, in progress when any has moved,
    /// else open), as loaded demo data needs; no audit entries.
    pub fn settle_resolution_statuses(&mut self, body_id: i64) -> Result<()> {
        self.conn.execute(
            "UPDATE resolution SET status = CASE
                WHEN NOT EXISTS (SELECT 1 FROM task t WHERE t.resolution_id = resolution.id AND t.status IN ('open','in_progress')) THEN 'done'
                WHEN EXISTS (SELECT 1 FROM task t WHERE t.resolution_id = resolution.id AND t.status <> 'open') THEN 'in_progress'
                ELSE 'open' END
             WHERE body_id = ?1 AND decision = 'adopted' AND EXISTS (SELECT 1 FROM task t WHERE t.resolution_id = resolution.id)",
            [body_id],
        )?;
        Ok(())
    }

    /// See [`BulkLoader::record_at_end`].
    fn record_generation(&mut self, g: &Generation) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| {
            audit::record(
                tx,
                &actor,
                "generate",
                "database",
                None,
                None,
                Some(&g.description_json),
            )?;
            let head = audit::head(tx)?;
            let mut stmt = tx.prepare(
                "UPDATE session SET status = 'approved', approved_by = ?2, approved_at = ?3, approved_audit_head = ?4 WHERE id = ?1",
            )?;
            for id in &g.approve {
                stmt.execute(params![id, actor.login, g.stamp, head])?;
            }
            Ok(())
        })
    }
}
