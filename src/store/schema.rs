//! Versioned migrations. `PRAGMA user_version` holds the schema version; each step
//! runs in its own IMMEDIATE transaction.

/// The schema version this binary writes.
pub const SCHEMA_VERSION: i64 = 9;

/// Migration `i` takes a database from version `i` to `i + 1`.
///
/// V3 (the dashboard's tallies) is idempotent: every statement is IF NOT EXISTS and the
/// tallies are recomputed from the rows.
pub const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5, V6, V7, V8, V9];

const V1: &str = r#"
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE person (
    id           INTEGER PRIMARY KEY,
    name_fa      TEXT,
    name_en      TEXT,
    login        TEXT UNIQUE,
    organization TEXT,
    email        TEXT,
    created_at   TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    CHECK (coalesce(name_fa, '') <> '' OR coalesce(name_en, '') <> '')
) STRICT;

CREATE TABLE body (
    id                INTEGER PRIMARY KEY,
    name_fa           TEXT,
    name_en           TEXT,
    kind              TEXT NOT NULL CHECK (kind IN ('council','commission','committee','working_group','task_force')),
    parent_id         INTEGER REFERENCES body(id),
    quorum_rule       TEXT NOT NULL DEFAULT 'majority',
    meeting_rule      TEXT NOT NULL DEFAULT '',
    resolution_format TEXT NOT NULL DEFAULT '{seq}',
    agenda_template   TEXT NOT NULL DEFAULT '',
    confidential      INTEGER NOT NULL DEFAULT 0,
    formed_on         TEXT,
    created_at        TEXT NOT NULL,
    version           INTEGER NOT NULL DEFAULT 1,
    CHECK (coalesce(name_fa, '') <> '' OR coalesce(name_en, '') <> '')
) STRICT;
CREATE INDEX body_parent ON body(parent_id);

CREATE TABLE membership (
    id         INTEGER PRIMARY KEY,
    body_id    INTEGER NOT NULL REFERENCES body(id),
    person_id  INTEGER NOT NULL REFERENCES person(id),
    role       TEXT NOT NULL CHECK (role IN ('chair','vice_chair','secretary','member','observer')),
    voting     INTEGER NOT NULL DEFAULT 1,
    term_start TEXT,
    term_end   TEXT
) STRICT;
CREATE INDEX membership_body ON membership(body_id);
CREATE INDEX membership_person ON membership(person_id);

CREATE TABLE session (
    id                  INTEGER PRIMARY KEY,
    body_id             INTEGER NOT NULL REFERENCES body(id),
    number              INTEGER NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('regular','extraordinary')),
    date                TEXT NOT NULL,
    start_time          TEXT,
    end_time            TEXT,
    place               TEXT,
    status              TEXT NOT NULL CHECK (status IN ('planned','open','closed','approved','cancelled')),
    approved_by         TEXT,
    approved_at         TEXT,
    approved_audit_head TEXT,
    created_at          TEXT NOT NULL,
    version             INTEGER NOT NULL DEFAULT 1,
    UNIQUE (body_id, number)
) STRICT;
CREATE INDEX session_date ON session(date);

CREATE TABLE attendance (
    session_id INTEGER NOT NULL REFERENCES session(id),
    person_id  INTEGER NOT NULL REFERENCES person(id),
    presence   TEXT NOT NULL CHECK (presence IN ('present','absent','excused','late','remote')),
    PRIMARY KEY (session_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX attendance_person ON attendance(person_id);

CREATE TABLE guest (
    id           INTEGER PRIMARY KEY,
    session_id   INTEGER NOT NULL REFERENCES session(id),
    name         TEXT NOT NULL,
    organization TEXT
) STRICT;
CREATE INDEX guest_session ON guest(session_id);

CREATE TABLE agenda_item (
    id             INTEGER PRIMARY KEY,
    session_id     INTEGER NOT NULL REFERENCES session(id),
    position       INTEGER NOT NULL,
    title          TEXT NOT NULL,
    presenter      TEXT,
    duration_min   INTEGER,
    status         TEXT NOT NULL CHECK (status IN ('pending','discussed','deferred','withdrawn')),
    carried_from   INTEGER REFERENCES agenda_item(id),
    is_review      INTEGER NOT NULL DEFAULT 0,
    minutes        TEXT,
    minutes_author TEXT,
    minutes_at     TEXT,
    version        INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX agenda_session ON agenda_item(session_id, position);

CREATE TABLE resolution (
    id             INTEGER PRIMARY KEY,
    body_id        INTEGER NOT NULL REFERENCES body(id),
    session_id     INTEGER REFERENCES session(id),
    agenda_item_id INTEGER REFERENCES agenda_item(id),
    seq            INTEGER NOT NULL,
    number         TEXT NOT NULL,
    text           TEXT NOT NULL,
    decision       TEXT NOT NULL CHECK (decision IN ('adopted','rejected','deferred','withdrawn')),
    votes_yes      INTEGER,
    votes_no       INTEGER,
    votes_abstain  INTEGER,
    status         TEXT NOT NULL CHECK (status IN ('open','in_progress','done','cancelled')),
    owner          TEXT,
    due            TEXT,
    created_on     TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    UNIQUE (body_id, seq)
) STRICT;
CREATE INDEX resolution_session ON resolution(session_id);
CREATE INDEX resolution_open ON resolution(body_id, due) WHERE status IN ('open','in_progress');

CREATE TABLE vote (
    resolution_id INTEGER NOT NULL REFERENCES resolution(id),
    person_id     INTEGER NOT NULL REFERENCES person(id),
    vote          TEXT NOT NULL CHECK (vote IN ('yes','no','abstain')),
    PRIMARY KEY (resolution_id, person_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE task (
    id             INTEGER PRIMARY KEY,
    body_id        INTEGER NOT NULL REFERENCES body(id),
    resolution_id  INTEGER REFERENCES resolution(id),
    agenda_item_id INTEGER REFERENCES agenda_item(id),
    title          TEXT NOT NULL,
    description    TEXT,
    assignee_id    INTEGER REFERENCES person(id),
    assignee_unit  TEXT,
    due            TEXT,
    status         TEXT NOT NULL CHECK (status IN ('open','in_progress','done','cancelled')),
    priority       TEXT NOT NULL CHECK (priority IN ('low','normal','high','urgent')),
    percent        INTEGER NOT NULL DEFAULT 0 CHECK (percent BETWEEN 0 AND 100),
    done_on        TEXT,
    created_on     TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1
) STRICT;
-- status leads due in task_open_due although the WHERE already fixes it: so the index
-- answers `body_id = ? AND status IN (...) AND due < ?` with three terms and the planner
-- prefers it to task_body_due (with (body_id, due) the two tied and task_body_due won,
-- reading every past-due task of the body, done ones included).
CREATE INDEX task_open_due ON task(body_id, status, due) WHERE status IN ('open','in_progress');
CREATE INDEX task_open_due_all ON task(due) WHERE status IN ('open','in_progress');
CREATE INDEX task_body_due ON task(body_id, due);
CREATE INDEX task_resolution ON task(resolution_id);
CREATE INDEX task_assignee ON task(assignee_id, due);

CREATE TABLE task_update (
    id         INTEGER PRIMARY KEY,
    task_id    INTEGER NOT NULL REFERENCES task(id),
    session_id INTEGER REFERENCES session(id),
    status     TEXT NOT NULL CHECK (status IN ('open','in_progress','done','cancelled')),
    percent    INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100),
    note       TEXT NOT NULL DEFAULT '',
    author     TEXT NOT NULL,
    at         TEXT NOT NULL
) STRICT;
CREATE INDEX task_update_task ON task_update(task_id);

CREATE TABLE policy (
    id       INTEGER PRIMARY KEY,
    body_id  INTEGER NOT NULL REFERENCES body(id),
    title    TEXT NOT NULL
) STRICT;

CREATE TABLE indicator (
    id               INTEGER PRIMARY KEY,
    policy_id        INTEGER NOT NULL REFERENCES policy(id),
    name             TEXT NOT NULL,
    unit             TEXT,
    target           REAL NOT NULL,
    higher_is_better INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE measurement (
    indicator_id INTEGER NOT NULL REFERENCES indicator(id),
    period       TEXT NOT NULL,
    value        REAL NOT NULL,
    PRIMARY KEY (indicator_id, period)
) STRICT, WITHOUT ROWID;

-- Every write, hash-chained: hash = sha256(prev_hash and the row's fields).
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        TEXT NOT NULL,
    uid       INTEGER NOT NULL,
    login     TEXT NOT NULL,
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER,
    before    TEXT,
    after     TEXT,
    prev_hash TEXT NOT NULL,
    hash      TEXT NOT NULL
) STRICT;
CREATE INDEX audit_entity ON audit(entity, entity_id);
CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only: they cannot be changed'); END;
CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'audit entries are append-only: they cannot be deleted'); END;

-- Approved minutes are frozen: nothing of the session's record may change.
CREATE TRIGGER approved_agenda_update BEFORE UPDATE ON agenda_item
WHEN (SELECT status FROM session WHERE id = OLD.session_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_agenda_insert BEFORE INSERT ON agenda_item
WHEN (SELECT status FROM session WHERE id = NEW.session_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_agenda_delete BEFORE DELETE ON agenda_item
WHEN (SELECT status FROM session WHERE id = OLD.session_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_attendance_insert BEFORE INSERT ON attendance
WHEN (SELECT status FROM session WHERE id = NEW.session_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_attendance_update BEFORE UPDATE ON attendance
WHEN (SELECT status FROM session WHERE id = OLD.session_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_resolution_update BEFORE UPDATE OF text, decision, number, votes_yes, votes_no, votes_abstain ON resolution
WHEN (SELECT status FROM session WHERE id = OLD.session_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_resolution_insert BEFORE INSERT ON resolution
WHEN (SELECT status FROM session WHERE id = NEW.session_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_guest_insert BEFORE INSERT ON guest
WHEN (SELECT status FROM session WHERE id = NEW.session_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_guest_change BEFORE UPDATE ON guest
WHEN (SELECT status FROM session WHERE id = OLD.session_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_guest_delete BEFORE DELETE ON guest
WHEN (SELECT status FROM session WHERE id = OLD.session_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_session_update BEFORE UPDATE ON session
WHEN OLD.status = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;

-- Full-text search over normalized text (normalized in Rust on write and on query).
-- rowid = entity kind * 2^40 + entity id, so one entry is found without a scan.
CREATE VIRTUAL TABLE search_index USING fts5(
    text,
    body_id UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);
"#;

// Administrators: the database's creator (recorded in meta by V1 as `created_by`) and
// the logins granted since. Self-contained: it reads only `meta` from V1.
const V2: &str = r#"
CREATE TABLE administrator (
    login      TEXT PRIMARY KEY CHECK (login <> ''),
    granted_by TEXT NOT NULL,
    granted_at TEXT NOT NULL
) STRICT;
INSERT INTO administrator(login, granted_by, granted_at)
    SELECT value, 'creator of the database', strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
    FROM meta WHERE key = 'created_by' AND value <> '';
"#;

/// The resolution browser pages newest first: an index in that order spares it sorting
/// every resolution for each window of rows it reads.
const V4: &str = r#"
CREATE INDEX resolution_created ON resolution(created_on, id);
"#;

/// Follow-up of resolutions themselves: a resolution with no open task (a decision to
/// be carried out by a department, a request awaiting an answer) is reviewed at each
/// session too, and its new status and a note are kept, linked to that session, like a
/// task's progress. `task_update` gains an index by session for the review's ✓ marks,
/// and `session` one by body and date for the compliance figure.
const V5: &str = r#"
CREATE TABLE resolution_update (
    id            INTEGER PRIMARY KEY,
    resolution_id INTEGER NOT NULL REFERENCES resolution(id),
    session_id    INTEGER REFERENCES session(id),
    status        TEXT NOT NULL CHECK (status IN ('open','in_progress','done','cancelled')),
    note          TEXT NOT NULL DEFAULT '',
    author        TEXT NOT NULL,
    at            TEXT NOT NULL
) STRICT;
CREATE INDEX resolution_update_resolution ON resolution_update(resolution_id);
CREATE INDEX resolution_update_session ON resolution_update(session_id);
CREATE INDEX IF NOT EXISTS task_update_session ON task_update(session_id);
-- The dashboard's statutory compliance reads every session of each body with a meeting
-- rule, in date order: from this index alone, without a sort.
CREATE INDEX IF NOT EXISTS session_body_calendar ON session(body_id, date, id, kind, status);
"#;

/// The meeting as it runs: each body's voting rule; motions (with amendments) and the
/// vote taken on each, with the rule in force and who was in the room at that moment;
/// members' own votes (never for a secret ballot); conflicts of interest; consent and
/// closed-session items; the session's clock (call to order, recesses, closed session,
/// adjournment) and members' arrivals and departures.
const V6: &str = r#"
ALTER TABLE body ADD COLUMN voting_rule TEXT NOT NULL DEFAULT 'roberts';
ALTER TABLE body ADD COLUMN second_required INTEGER NOT NULL DEFAULT 0;
ALTER TABLE body ADD COLUMN number_rejected INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agenda_item ADD COLUMN consent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE agenda_item ADD COLUMN closed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE attendance ADD COLUMN arrived_at TEXT;
ALTER TABLE attendance ADD COLUMN left_at TEXT;
-- The motion a resolution was adopted on (a main motion, or the consent agenda's).
ALTER TABLE resolution ADD COLUMN motion_id INTEGER REFERENCES motion(id);
CREATE INDEX resolution_motion ON resolution(motion_id) WHERE motion_id IS NOT NULL;

CREATE TABLE motion (
    id             INTEGER PRIMARY KEY,
    session_id     INTEGER NOT NULL REFERENCES session(id),
    agenda_item_id INTEGER REFERENCES agenda_item(id),
    amends         INTEGER REFERENCES motion(id),
    kind           TEXT NOT NULL CHECK (kind IN ('substantive','approve_agenda','approve_minutes','defer','refer','recess','closed_session','adjourn','extend_time','reconsider','amendment','consent')),
    text           TEXT NOT NULL,
    final_text     TEXT NOT NULL,
    mover_id       INTEGER REFERENCES person(id),
    seconder_id    INTEGER REFERENCES person(id),
    status         TEXT NOT NULL CHECK (status IN ('pending','voting','carried','failed','withdrawn','no_second','accepted')),
    moved_at       TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    CHECK ((kind = 'amendment') = (amends IS NOT NULL))
) STRICT;
CREATE INDEX motion_session ON motion(session_id, id);
CREATE INDEX motion_item ON motion(agenda_item_id);
CREATE INDEX motion_amends ON motion(amends);

-- The vote taken on a motion: how, under which rule and quorum, who was in the room
-- (voting members present, comma-separated ids) and who was recused at that moment.
CREATE TABLE ballot (
    motion_id      INTEGER PRIMARY KEY REFERENCES motion(id),
    method         TEXT NOT NULL CHECK (method IN ('count','roll','unanimous','secret','live')),
    status         TEXT NOT NULL CHECK (status IN ('open','closed')),
    rule           TEXT NOT NULL,
    quorum_rule    TEXT NOT NULL,
    in_office      INTEGER NOT NULL,
    present        INTEGER NOT NULL,
    recused        INTEGER NOT NULL,
    present_ids    TEXT NOT NULL,
    recused_ids    TEXT NOT NULL,
    yes            INTEGER,
    no             INTEGER,
    abstain        INTEGER,
    needed         INTEGER,
    carried        INTEGER,
    casting_vote   TEXT CHECK (casting_vote IN ('yes','no')),
    declared       TEXT CHECK (declared IN ('carried','failed')),
    without_quorum INTEGER NOT NULL DEFAULT 0,
    opened_at      TEXT NOT NULL,
    opened_by      TEXT NOT NULL,
    closed_at      TEXT
) STRICT;
CREATE INDEX ballot_open ON ballot(status) WHERE status = 'open';

CREATE TABLE ballot_vote (
    motion_id INTEGER NOT NULL REFERENCES ballot(motion_id),
    person_id INTEGER NOT NULL REFERENCES person(id),
    vote      TEXT NOT NULL CHECK (vote IN ('yes','no','abstain','not_voting')),
    cast_by   TEXT NOT NULL,
    at        TEXT NOT NULL,
    PRIMARY KEY (motion_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER ballot_secret_no_names BEFORE INSERT ON ballot_vote
WHEN (SELECT method FROM ballot WHERE motion_id = NEW.motion_id) = 'secret'
BEGIN SELECT RAISE(ABORT, 'a secret ballot records no names'); END;
CREATE TRIGGER ballot_closed_no_votes BEFORE INSERT ON ballot_vote
WHEN (SELECT status FROM ballot WHERE motion_id = NEW.motion_id) = 'closed'
BEGIN SELECT RAISE(ABORT, 'the vote is closed'); END;

CREATE TABLE conflict (
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_item(id),
    person_id      INTEGER NOT NULL REFERENCES person(id),
    reason         TEXT NOT NULL DEFAULT '',
    declared_at    TEXT NOT NULL,
    declared_by    TEXT NOT NULL,
    PRIMARY KEY (agenda_item_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX conflict_person ON conflict(person_id);

CREATE TABLE session_event (
    id          INTEGER PRIMARY KEY,
    session_id  INTEGER NOT NULL REFERENCES session(id),
    kind        TEXT NOT NULL CHECK (kind IN ('called_to_order','recess','resumed','closed_start','closed_end','adjourned')),
    at          TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
) STRICT;
CREATE INDEX session_event_session ON session_event(session_id, at, id);
CREATE TRIGGER approved_motion_insert BEFORE INSERT ON motion
WHEN (SELECT status FROM session WHERE id = NEW.session_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_motion_update BEFORE UPDATE ON motion
WHEN (SELECT status FROM session WHERE id = OLD.session_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_motion_delete BEFORE DELETE ON motion
WHEN (SELECT status FROM session WHERE id = OLD.session_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_ballot_insert BEFORE INSERT ON ballot
WHEN (SELECT s.status FROM motion m JOIN session s ON s.id = m.session_id WHERE m.id = NEW.motion_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_ballot_update BEFORE UPDATE ON ballot
WHEN (SELECT s.status FROM motion m JOIN session s ON s.id = m.session_id WHERE m.id = OLD.motion_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_ballot_delete BEFORE DELETE ON ballot
WHEN (SELECT s.status FROM motion m JOIN session s ON s.id = m.session_id WHERE m.id = OLD.motion_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_ballot_vote_insert BEFORE INSERT ON ballot_vote
WHEN (SELECT s.status FROM motion m JOIN session s ON s.id = m.session_id WHERE m.id = NEW.motion_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_ballot_vote_update BEFORE UPDATE ON ballot_vote
WHEN (SELECT s.status FROM motion m JOIN session s ON s.id = m.session_id WHERE m.id = OLD.motion_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_ballot_vote_delete BEFORE DELETE ON ballot_vote
WHEN (SELECT s.status FROM motion m JOIN session s ON s.id = m.session_id WHERE m.id = OLD.motion_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_conflict_insert BEFORE INSERT ON conflict
WHEN (SELECT s.status FROM agenda_item a JOIN session s ON s.id = a.session_id WHERE a.id = NEW.agenda_item_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_conflict_update BEFORE UPDATE ON conflict
WHEN (SELECT s.status FROM agenda_item a JOIN session s ON s.id = a.session_id WHERE a.id = OLD.agenda_item_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_conflict_delete BEFORE DELETE ON conflict
WHEN (SELECT s.status FROM agenda_item a JOIN session s ON s.id = a.session_id WHERE a.id = OLD.agenda_item_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_session_event_insert BEFORE INSERT ON session_event
WHEN (SELECT status FROM session WHERE id = NEW.session_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_session_event_update BEFORE UPDATE ON session_event
WHEN (SELECT status FROM session WHERE id = OLD.session_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_session_event_delete BEFORE DELETE ON session_event
WHEN (SELECT status FROM session WHERE id = OLD.session_id) = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
"#;

/// The record corrected until approved and frozen after it; numbering as bodies number;
/// an agenda as bodies write it.
///
/// - Bodies: their closing standing items, numbering per council term, the start of
///   their fiscal year and who signs their minutes. Council terms (دوره); a session's
///   term and its number within it.
/// - Agenda items: kind, section (parent), urgency, standing place; the signatories of a
///   members' proposal.
/// - Approval stores the approved record itself: per version (1 the approval, 2.. each
///   approval as corrected), the hash of the session's frozen rows and the minutes as
///   rendered in each format, language and audience. Both are append-only.
/// - A correction of approved minutes is a formal act at a later session; while it is
///   open the session's record may change again, and approving it closes it.
/// - The freeze is rewritten to allow an open correction, and covers what it missed:
///   per-member votes on resolutions, removal of attendance, resolutions deleted, and
///   the progress recorded at the session (task and resolution updates).
const V7: &str = r#"
ALTER TABLE body ADD COLUMN agenda_closing TEXT NOT NULL DEFAULT '';
ALTER TABLE body ADD COLUMN number_per_term INTEGER NOT NULL DEFAULT 0;
ALTER TABLE body ADD COLUMN fiscal_year TEXT NOT NULL DEFAULT 'jalali:1';
ALTER TABLE body ADD COLUMN signing TEXT NOT NULL DEFAULT 'chair_secretary' CHECK (signing IN ('chair_secretary','present_members'));

CREATE TABLE term (
    id        INTEGER PRIMARY KEY,
    body_id   INTEGER NOT NULL REFERENCES body(id),
    number    INTEGER NOT NULL CHECK (number > 0),
    starts_on TEXT NOT NULL,
    ends_on   TEXT,
    UNIQUE (body_id, number)
) STRICT;
ALTER TABLE session ADD COLUMN term_id INTEGER REFERENCES term(id);
ALTER TABLE session ADD COLUMN number_in_term INTEGER;
CREATE UNIQUE INDEX session_term_number ON session(term_id, number_in_term) WHERE term_id IS NOT NULL AND number_in_term IS NOT NULL;

ALTER TABLE agenda_item ADD COLUMN parent_id INTEGER REFERENCES agenda_item(id);
ALTER TABLE agenda_item ADD COLUMN kind TEXT NOT NULL DEFAULT 'item' CHECK (kind IN ('item','section','report','proposal','bill','members_motion','correspondence'));
ALTER TABLE agenda_item ADD COLUMN urgency TEXT CHECK (urgency IN ('urgent','double_urgent'));
ALTER TABLE agenda_item ADD COLUMN standing TEXT CHECK (standing IN ('opening','closing'));
CREATE INDEX agenda_parent ON agenda_item(parent_id) WHERE parent_id IS NOT NULL;
-- The review item opens the agenda, as it did in practice.
UPDATE agenda_item SET standing = 'opening' WHERE is_review = 1;

CREATE TABLE agenda_signatory (
    agenda_item_id INTEGER NOT NULL REFERENCES agenda_item(id),
    person_id      INTEGER NOT NULL REFERENCES person(id),
    PRIMARY KEY (agenda_item_id, person_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE minutes_correction (
    id               INTEGER PRIMARY KEY,
    session_id       INTEGER NOT NULL REFERENCES session(id),
    at_session_id    INTEGER NOT NULL REFERENCES session(id),
    reason           TEXT NOT NULL CHECK (reason <> ''),
    opened_at        TEXT NOT NULL,
    opened_by        TEXT NOT NULL,
    approved_version INTEGER,
    CHECK (session_id <> at_session_id)
) STRICT;
CREATE INDEX minutes_correction_session ON minutes_correction(session_id);
CREATE INDEX minutes_correction_at ON minutes_correction(at_session_id);
CREATE UNIQUE INDEX minutes_correction_one_open ON minutes_correction(session_id) WHERE approved_version IS NULL;
CREATE TRIGGER minutes_correction_no_delete BEFORE DELETE ON minutes_correction
BEGIN SELECT RAISE(ABORT, 'a correction of approved minutes is kept'); END;
CREATE TRIGGER minutes_correction_closed BEFORE UPDATE ON minutes_correction
WHEN OLD.approved_version IS NOT NULL OR NEW.session_id <> OLD.session_id OR NEW.at_session_id <> OLD.at_session_id OR NEW.reason <> OLD.reason
BEGIN SELECT RAISE(ABORT, 'a correction of approved minutes is kept as it was approved'); END;

CREATE TABLE approval (
    session_id    INTEGER NOT NULL REFERENCES session(id),
    version       INTEGER NOT NULL CHECK (version > 0),
    approved_at   TEXT NOT NULL,
    approved_by   TEXT NOT NULL,
    correction_id INTEGER REFERENCES minutes_correction(id),
    record_sha256 TEXT NOT NULL,
    PRIMARY KEY (session_id, version)
) STRICT, WITHOUT ROWID;
CREATE TABLE approved_text (
    session_id INTEGER NOT NULL,
    version    INTEGER NOT NULL,
    format     TEXT NOT NULL,
    lang       TEXT NOT NULL,
    audience   TEXT NOT NULL,
    text       TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    PRIMARY KEY (session_id, version, format, lang, audience),
    FOREIGN KEY (session_id, version) REFERENCES approval(session_id, version)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER approval_append_only_update BEFORE UPDATE ON approval
BEGIN SELECT RAISE(ABORT, 'approved minutes are kept as approved'); END;
CREATE TRIGGER approval_append_only_delete BEFORE DELETE ON approval
BEGIN SELECT RAISE(ABORT, 'approved minutes are kept as approved'); END;
CREATE TRIGGER approved_text_append_only_update BEFORE UPDATE ON approved_text
BEGIN SELECT RAISE(ABORT, 'approved minutes are kept as approved'); END;
CREATE TRIGGER approved_text_append_only_delete BEFORE DELETE ON approved_text
BEGIN SELECT RAISE(ABORT, 'approved minutes are kept as approved'); END;

DROP TRIGGER approved_agenda_update;
DROP TRIGGER approved_agenda_insert;
DROP TRIGGER approved_agenda_delete;
DROP TRIGGER approved_attendance_insert;
DROP TRIGGER approved_attendance_update;
DROP TRIGGER approved_resolution_update;
DROP TRIGGER approved_resolution_insert;
DROP TRIGGER approved_guest_insert;
DROP TRIGGER approved_guest_change;
DROP TRIGGER approved_guest_delete;
DROP TRIGGER approved_session_update;
DROP TRIGGER approved_motion_insert;
DROP TRIGGER approved_motion_update;
DROP TRIGGER approved_motion_delete;
DROP TRIGGER approved_ballot_insert;
DROP TRIGGER approved_ballot_update;
DROP TRIGGER approved_ballot_delete;
DROP TRIGGER approved_ballot_vote_insert;
DROP TRIGGER approved_ballot_vote_update;
DROP TRIGGER approved_ballot_vote_delete;
DROP TRIGGER approved_conflict_insert;
DROP TRIGGER approved_conflict_update;
DROP TRIGGER approved_conflict_delete;
DROP TRIGGER approved_session_event_insert;
DROP TRIGGER approved_session_event_update;
DROP TRIGGER approved_session_event_delete;

CREATE TRIGGER approved_agenda_insert BEFORE INSERT ON agenda_item
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = NEW.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_agenda_update BEFORE UPDATE ON agenda_item
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = OLD.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_agenda_update_to BEFORE UPDATE ON agenda_item
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = NEW.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_agenda_delete BEFORE DELETE ON agenda_item
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = OLD.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_attendance_insert BEFORE INSERT ON attendance
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = NEW.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_attendance_update BEFORE UPDATE ON attendance
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = OLD.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_attendance_update_to BEFORE UPDATE ON attendance
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = NEW.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_attendance_delete BEFORE DELETE ON attendance
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = OLD.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_guest_insert BEFORE INSERT ON guest
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = NEW.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_guest_update BEFORE UPDATE ON guest
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = OLD.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_guest_update_to BEFORE UPDATE ON guest
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = NEW.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_guest_delete BEFORE DELETE ON guest
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = OLD.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_motion_insert BEFORE INSERT ON motion
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = NEW.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_motion_update BEFORE UPDATE ON motion
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = OLD.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_motion_update_to BEFORE UPDATE ON motion
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = NEW.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_motion_delete BEFORE DELETE ON motion
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = OLD.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_session_event_insert BEFORE INSERT ON session_event
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = NEW.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_session_event_update BEFORE UPDATE ON session_event
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = OLD.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_session_event_update_to BEFORE UPDATE ON session_event
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = NEW.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_session_event_delete BEFORE DELETE ON session_event
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = OLD.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_resolution_insert BEFORE INSERT ON resolution
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = NEW.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_resolution_update BEFORE UPDATE OF text, decision, number, seq, votes_yes, votes_no, votes_abstain, session_id, agenda_item_id, motion_id ON resolution
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = OLD.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_resolution_update_to BEFORE UPDATE OF session_id ON resolution
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = NEW.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_resolution_delete BEFORE DELETE ON resolution
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = OLD.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_vote_insert BEFORE INSERT ON vote
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = (SELECT session_id FROM resolution WHERE id = NEW.resolution_id) AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_vote_update BEFORE UPDATE ON vote
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = (SELECT session_id FROM resolution WHERE id = OLD.resolution_id) AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_vote_delete BEFORE DELETE ON vote
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = (SELECT session_id FROM resolution WHERE id = OLD.resolution_id) AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_ballot_insert BEFORE INSERT ON ballot
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = (SELECT session_id FROM motion WHERE id = NEW.motion_id) AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_ballot_vote_insert BEFORE INSERT ON ballot_vote
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = (SELECT session_id FROM motion WHERE id = NEW.motion_id) AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_conflict_insert BEFORE INSERT ON conflict
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = (SELECT session_id FROM agenda_item WHERE id = NEW.agenda_item_id) AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_signatory_insert BEFORE INSERT ON agenda_signatory
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = (SELECT session_id FROM agenda_item WHERE id = NEW.agenda_item_id) AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_ballot_update BEFORE UPDATE ON ballot
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = (SELECT session_id FROM motion WHERE id = OLD.motion_id) AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_ballot_vote_update BEFORE UPDATE ON ballot_vote
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = (SELECT session_id FROM motion WHERE id = OLD.motion_id) AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_conflict_update BEFORE UPDATE ON conflict
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = (SELECT session_id FROM agenda_item WHERE id = OLD.agenda_item_id) AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_signatory_update BEFORE UPDATE ON agenda_signatory
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = (SELECT session_id FROM agenda_item WHERE id = OLD.agenda_item_id) AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_ballot_delete BEFORE DELETE ON ballot
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = (SELECT session_id FROM motion WHERE id = OLD.motion_id) AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_ballot_vote_delete BEFORE DELETE ON ballot_vote
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = (SELECT session_id FROM motion WHERE id = OLD.motion_id) AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_conflict_delete BEFORE DELETE ON conflict
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = (SELECT session_id FROM agenda_item WHERE id = OLD.agenda_item_id) AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_signatory_delete BEFORE DELETE ON agenda_signatory
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = (SELECT session_id FROM agenda_item WHERE id = OLD.agenda_item_id) AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_task_update_insert BEFORE INSERT ON task_update
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = NEW.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_task_update_update BEFORE UPDATE ON task_update
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = OLD.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_task_update_delete BEFORE DELETE ON task_update
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = OLD.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_task_update_update_to BEFORE UPDATE ON task_update
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = NEW.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_resolution_update_insert BEFORE INSERT ON resolution_update
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = NEW.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_resolution_update_update BEFORE UPDATE ON resolution_update
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = OLD.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_resolution_update_delete BEFORE DELETE ON resolution_update
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = OLD.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_resolution_update_update_to BEFORE UPDATE ON resolution_update
WHEN EXISTS (SELECT 1 FROM session fs WHERE fs.id = NEW.session_id AND fs.status = 'approved'
        AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = fs.id AND fc.approved_version IS NULL))
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_session_update BEFORE UPDATE ON session
WHEN OLD.status = 'approved'
     AND NOT EXISTS (SELECT 1 FROM minutes_correction fc WHERE fc.session_id = OLD.id AND fc.approved_version IS NULL)
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
CREATE TRIGGER approved_session_delete BEFORE DELETE ON session
WHEN OLD.status = 'approved'
BEGIN SELECT RAISE(ABORT, 'the minutes of this session are approved and can no longer change'); END;
"#;

/// The dashboard's figures that would otherwise read a million rows, kept up to date by
/// triggers: per body and month of the due date, the tasks (not cancelled) due and how
/// many were done by their due date; per body and person, the sessions (not cancelled)
/// with attendance recorded and those attended (present, late, remote). Idempotent:
/// creates what is missing and recomputes both tallies from the rows.
pub const V3: &str = r#"
CREATE TABLE IF NOT EXISTS task_due_tally (
    body_id      INTEGER NOT NULL,
    month        TEXT NOT NULL,
    tasks        INTEGER NOT NULL,
    done_on_time INTEGER NOT NULL,
    PRIMARY KEY (body_id, month)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER IF NOT EXISTS task_tally_insert AFTER INSERT ON task
WHEN new.status <> 'cancelled' AND new.due IS NOT NULL AND new.due <> ''
BEGIN
    INSERT INTO task_due_tally(body_id, month, tasks, done_on_time)
    VALUES (new.body_id, substr(new.due, 1, 7), 1,
            new.status = 'done' AND new.done_on IS NOT NULL AND new.done_on <= new.due)
    ON CONFLICT(body_id, month) DO UPDATE SET
        tasks = tasks + 1, done_on_time = done_on_time + excluded.done_on_time;
END;

CREATE TRIGGER IF NOT EXISTS task_tally_delete AFTER DELETE ON task
WHEN old.status <> 'cancelled' AND old.due IS NOT NULL AND old.due <> ''
BEGIN
    UPDATE task_due_tally SET
        tasks = tasks - 1,
        done_on_time = done_on_time
            - (old.status = 'done' AND old.done_on IS NOT NULL AND old.done_on <= old.due)
    WHERE body_id = old.body_id AND month = substr(old.due, 1, 7);
END;

CREATE TRIGGER IF NOT EXISTS task_tally_update AFTER UPDATE OF body_id, due, status, done_on ON task
BEGIN
    UPDATE task_due_tally SET
        tasks = tasks - 1,
        done_on_time = done_on_time
            - (old.status = 'done' AND old.done_on IS NOT NULL AND old.done_on <= old.due)
    WHERE body_id = old.body_id AND month = substr(old.due, 1, 7)
      AND old.status <> 'cancelled' AND old.due IS NOT NULL AND old.due <> '';
    INSERT INTO task_due_tally(body_id, month, tasks, done_on_time)
    SELECT new.body_id, substr(new.due, 1, 7), 1,
           new.status = 'done' AND new.done_on IS NOT NULL AND new.done_on <= new.due
    WHERE new.status <> 'cancelled' AND new.due IS NOT NULL AND new.due <> ''
    ON CONFLICT(body_id, month) DO UPDATE SET
        tasks = tasks + 1, done_on_time = done_on_time + excluded.done_on_time;
END;

-- The tasks of one body by due date with what the follow-up rate reads (status, done
-- date), so this month's part of the rate is read from the index alone. It covers every
-- use of task_body_due(body_id, due), which it replaces.
CREATE INDEX IF NOT EXISTS task_body_due_done ON task(body_id, due, status, done_on);
DROP INDEX IF EXISTS task_body_due;

DELETE FROM task_due_tally;
INSERT INTO task_due_tally(body_id, month, tasks, done_on_time)
SELECT body_id, substr(due, 1, 7), count(*),
       coalesce(sum(status = 'done' AND done_on IS NOT NULL AND done_on <= due), 0)
FROM task WHERE status <> 'cancelled' AND due IS NOT NULL AND due <> ''
GROUP BY body_id, substr(due, 1, 7);

CREATE TABLE IF NOT EXISTS attendance_tally (
    body_id   INTEGER NOT NULL,
    person_id INTEGER NOT NULL,
    recorded  INTEGER NOT NULL,
    attended  INTEGER NOT NULL,
    PRIMARY KEY (body_id, person_id)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER IF NOT EXISTS attendance_tally_insert AFTER INSERT ON attendance
BEGIN
    INSERT INTO attendance_tally(body_id, person_id, recorded, attended)
    SELECT s.body_id, new.person_id, 1, new.presence IN ('present','late','remote')
    FROM session s WHERE s.id = new.session_id AND s.status <> 'cancelled'
    ON CONFLICT(body_id, person_id) DO UPDATE SET
        recorded = recorded + 1, attended = attended + excluded.attended;
END;

CREATE TRIGGER IF NOT EXISTS attendance_tally_delete AFTER DELETE ON attendance
BEGIN
    UPDATE attendance_tally SET
        recorded = recorded - 1,
        attended = attended - (old.presence IN ('present','late','remote'))
    WHERE person_id = old.person_id
      AND body_id = (SELECT s.body_id FROM session s
                     WHERE s.id = old.session_id AND s.status <> 'cancelled');
END;

CREATE TRIGGER IF NOT EXISTS attendance_tally_update AFTER UPDATE ON attendance
BEGIN
    UPDATE attendance_tally SET
        recorded = recorded - 1,
        attended = attended - (old.presence IN ('present','late','remote'))
    WHERE person_id = old.person_id
      AND body_id = (SELECT s.body_id FROM session s
                     WHERE s.id = old.session_id AND s.status <> 'cancelled');
    INSERT INTO attendance_tally(body_id, person_id, recorded, attended)
    SELECT s.body_id, new.person_id, 1, new.presence IN ('present','late','remote')
    FROM session s WHERE s.id = new.session_id AND s.status <> 'cancelled'
    ON CONFLICT(body_id, person_id) DO UPDATE SET
        recorded = recorded + 1, attended = attended + excluded.attended;
END;

-- A session cancelled (or brought back) takes its attendance out of (or into) the tally.
CREATE TRIGGER IF NOT EXISTS session_tally_status AFTER UPDATE OF status, body_id ON session
WHEN (old.status = 'cancelled') <> (new.status = 'cancelled') OR old.body_id <> new.body_id
BEGIN
    UPDATE attendance_tally SET
        recorded = recorded - (SELECT count(*) FROM attendance a
                               WHERE a.session_id = old.id AND a.person_id = attendance_tally.person_id),
        attended = attended - (SELECT count(*) FROM attendance a
                               WHERE a.session_id = old.id AND a.person_id = attendance_tally.person_id
                                 AND a.presence IN ('present','late','remote'))
    WHERE old.status <> 'cancelled' AND body_id = old.body_id
      AND person_id IN (SELECT person_id FROM attendance WHERE session_id = old.id);
    INSERT INTO attendance_tally(body_id, person_id, recorded, attended)
    SELECT new.body_id, a.person_id, 1, a.presence IN ('present','late','remote')
    FROM attendance a WHERE a.session_id = new.id AND new.status <> 'cancelled'
    ON CONFLICT(body_id, person_id) DO UPDATE SET
        recorded = recorded + 1, attended = attended + excluded.attended;
END;

DELETE FROM attendance_tally;
INSERT INTO attendance_tally(body_id, person_id, recorded, attended)
SELECT s.body_id, a.person_id, count(*),
       coalesce(sum(a.presence IN ('present','late','remote')), 0)
FROM attendance a JOIN session s ON s.id = a.session_id
WHERE s.status <> 'cancelled'
GROUP BY s.body_id, a.person_id;
"#;

/// The attendance tally's triggers and figures as V8 has them (excused absences
/// counted apart): made by V8, and again after V3 whenever V3 runs once more (a bulk
/// load's end, a repair), so the tally keeps its `excused` column true.
macro_rules! attendance_tally_v8 {
    () => {
        r#"
DROP TRIGGER IF EXISTS attendance_tally_insert;
CREATE TRIGGER attendance_tally_insert AFTER INSERT ON attendance
BEGIN
    INSERT INTO attendance_tally(body_id, person_id, recorded, attended, excused)
    SELECT s.body_id, new.person_id, 1, new.presence IN ('present','late','remote'),
           new.presence = 'excused'
    FROM session s WHERE s.id = new.session_id AND s.status <> 'cancelled'
    ON CONFLICT(body_id, person_id) DO UPDATE SET
        recorded = recorded + 1, attended = attended + excluded.attended,
        excused = excused + excluded.excused;
END;

DROP TRIGGER IF EXISTS attendance_tally_delete;
CREATE TRIGGER attendance_tally_delete AFTER DELETE ON attendance
BEGIN
    UPDATE attendance_tally SET
        recorded = recorded - 1,
        attended = attended - (old.presence IN ('present','late','remote')),
        excused = excused - (old.presence = 'excused')
    WHERE person_id = old.person_id
      AND body_id = (SELECT s.body_id FROM session s
                     WHERE s.id = old.session_id AND s.status <> 'cancelled');
END;

DROP TRIGGER IF EXISTS attendance_tally_update;
CREATE TRIGGER attendance_tally_update AFTER UPDATE ON attendance
BEGIN
    UPDATE attendance_tally SET
        recorded = recorded - 1,
        attended = attended - (old.presence IN ('present','late','remote')),
        excused = excused - (old.presence = 'excused')
    WHERE person_id = old.person_id
      AND body_id = (SELECT s.body_id FROM session s
                     WHERE s.id = old.session_id AND s.status <> 'cancelled');
    INSERT INTO attendance_tally(body_id, person_id, recorded, attended, excused)
    SELECT s.body_id, new.person_id, 1, new.presence IN ('present','late','remote'),
           new.presence = 'excused'
    FROM session s WHERE s.id = new.session_id AND s.status <> 'cancelled'
    ON CONFLICT(body_id, person_id) DO UPDATE SET
        recorded = recorded + 1, attended = attended + excluded.attended,
        excused = excused + excluded.excused;
END;

DROP TRIGGER IF EXISTS session_tally_status;
CREATE TRIGGER session_tally_status AFTER UPDATE OF status, body_id ON session
WHEN (old.status = 'cancelled') <> (new.status = 'cancelled') OR old.body_id <> new.body_id
BEGIN
    UPDATE attendance_tally SET
        recorded = recorded - (SELECT count(*) FROM attendance a
                               WHERE a.session_id = old.id AND a.person_id = attendance_tally.person_id),
        attended = attended - (SELECT count(*) FROM attendance a
                               WHERE a.session_id = old.id AND a.person_id = attendance_tally.person_id
                                 AND a.presence IN ('present','late','remote')),
        excused = excused - (SELECT count(*) FROM attendance a
                             WHERE a.session_id = old.id AND a.person_id = attendance_tally.person_id
                               AND a.presence = 'excused')
    WHERE old.status <> 'cancelled' AND body_id = old.body_id
      AND person_id IN (SELECT person_id FROM attendance WHERE session_id = old.id);
    INSERT INTO attendance_tally(body_id, person_id, recorded, attended, excused)
    SELECT new.body_id, a.person_id, 1, a.presence IN ('present','late','remote'),
           a.presence = 'excused'
    FROM attendance a WHERE a.session_id = new.id AND new.status <> 'cancelled'
    ON CONFLICT(body_id, person_id) DO UPDATE SET
        recorded = recorded + 1, attended = attended + excluded.attended,
        excused = excused + excluded.excused;
END;

DELETE FROM attendance_tally;
INSERT INTO attendance_tally(body_id, person_id, recorded, attended, excused)
SELECT s.body_id, a.person_id, count(*),
       coalesce(sum(a.presence IN ('present','late','remote')), 0),
       coalesce(sum(a.presence = 'excused'), 0)
FROM attendance a JOIN session s ON s.id = a.session_id
WHERE s.status <> 'cancelled'
GROUP BY s.body_id, a.person_id;
"#
    };
}

/// The attendance tally as V8 keeps it (see [`TALLIES`]).
pub const ATTENDANCE_TALLY_V8: &str = attendance_tally_v8!();

/// What makes the dashboard's tallies and their triggers again, in order: V3, then the
/// attendance tally as V8 changed it. Idempotent.
pub const TALLIES: &[&str] = &[V3, ATTENDANCE_TALLY_V8];

/// V8: after the meeting.
///
/// - Law profiles (the periods of a resolution's legal life: sending, the objection
///   window, answering an objection, how their days count) are data, with `none` (no
///   clock) and `iran-council` (one week to send, two weeks to object, ten days to
///   answer). A body names its profile and its absence rule.
/// - Official holidays, for periods that count working days or end on a day off.
/// - The secretariat's register of numbered letters (دبیرخانه), in and out, each linkable
///   to an agenda item or a resolution.
/// - Sendings (ابلاغ) of a resolution to its recipients and their acknowledgement; the
///   legal events after it (objections, the council's answer, the dispute board's
///   ruling). Events and signatures are append-only.
/// - Signatures of approved minutes: who, when, the version and hash they bind, and the
///   audit entry that records them.
/// - The attendance tally counts excused absences apart (`excused`; unexcused ones are
///   recorded − attended − excused), its triggers made again to keep it.
const V8: &str = concat!(
    r#"
CREATE TABLE law_profile (
    code            TEXT PRIMARY KEY CHECK (code <> ''),
    name_fa         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    clock           INTEGER NOT NULL DEFAULT 1,
    send_days       INTEGER NOT NULL DEFAULT 0 CHECK (send_days >= 0),
    send_count      TEXT NOT NULL DEFAULT 'calendar' CHECK (send_count IN ('calendar','working')),
    objection_days  INTEGER NOT NULL DEFAULT 0 CHECK (objection_days >= 0),
    objection_count TEXT NOT NULL DEFAULT 'calendar' CHECK (objection_count IN ('calendar','working')),
    answer_days     INTEGER NOT NULL DEFAULT 0 CHECK (answer_days >= 0),
    answer_count    TEXT NOT NULL DEFAULT 'calendar' CHECK (answer_count IN ('calendar','working')),
    weekend         TEXT NOT NULL DEFAULT 'fri',
    version         INTEGER NOT NULL DEFAULT 1
) STRICT;
INSERT INTO law_profile(code, name_fa, name_en, clock) VALUES ('none', 'بدون مهلت قانونی', 'No legal clock', 0);
INSERT INTO law_profile(code, name_fa, name_en, clock, send_days, objection_days, answer_days, weekend)
VALUES ('iran-council', 'قانون شوراهای اسلامی کشور', 'Iran, Islamic councils law', 1, 7, 14, 10, 'fri');

ALTER TABLE body ADD COLUMN law_profile TEXT NOT NULL DEFAULT 'none' REFERENCES law_profile(code);
ALTER TABLE body ADD COLUMN absence_rule TEXT NOT NULL DEFAULT '';

CREATE TABLE holiday (
    day     TEXT PRIMARY KEY,
    name_fa TEXT,
    name_en TEXT
) STRICT, WITHOUT ROWID;

CREATE TABLE letter (
    id             INTEGER PRIMARY KEY,
    body_id        INTEGER NOT NULL REFERENCES body(id),
    direction      TEXT NOT NULL CHECK (direction IN ('in','out')),
    number         TEXT NOT NULL CHECK (number <> ''),
    dated          TEXT NOT NULL,
    correspondent  TEXT NOT NULL,
    subject        TEXT NOT NULL,
    agenda_item_id INTEGER REFERENCES agenda_item(id),
    resolution_id  INTEGER REFERENCES resolution(id),
    created_at     TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1,
    UNIQUE (body_id, direction, number)
) STRICT;
CREATE INDEX letter_item ON letter(agenda_item_id) WHERE agenda_item_id IS NOT NULL;
CREATE INDEX letter_resolution ON letter(resolution_id) WHERE resolution_id IS NOT NULL;

CREATE TABLE sending (
    id              INTEGER PRIMARY KEY,
    resolution_id   INTEGER NOT NULL REFERENCES resolution(id),
    recipient_kind  TEXT NOT NULL CHECK (recipient_kind IN ('person','unit','authority')),
    recipient       TEXT NOT NULL CHECK (recipient <> ''),
    person_id       INTEGER REFERENCES person(id),
    sent_on         TEXT NOT NULL,
    method          TEXT NOT NULL CHECK (method IN ('letter','mail','hand','system')),
    letter_id       INTEGER REFERENCES letter(id),
    acknowledged_on TEXT,
    created_at      TEXT NOT NULL,
    created_by      TEXT NOT NULL,
    -- The law profile's periods when it was sent: a profile changed later does not
    -- move this resolution's deadlines.
    law             TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX sending_resolution ON sending(resolution_id);
CREATE TRIGGER sending_no_delete BEFORE DELETE ON sending
BEGIN SELECT RAISE(ABORT, 'a sending of a resolution is kept'); END;

CREATE TABLE legal_event (
    id            INTEGER PRIMARY KEY,
    resolution_id INTEGER NOT NULL REFERENCES resolution(id),
    kind          TEXT NOT NULL CHECK (kind IN ('objection','insist','amend','withdraw','upheld','annulled')),
    on_date       TEXT NOT NULL,
    by_whom       TEXT NOT NULL DEFAULT '',
    session_id    INTEGER REFERENCES session(id),
    reason        TEXT NOT NULL DEFAULT '',
    letter_id     INTEGER REFERENCES letter(id),
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL
) STRICT;
CREATE INDEX legal_event_resolution ON legal_event(resolution_id);
CREATE TRIGGER legal_event_append_only_update BEFORE UPDATE ON legal_event
BEGIN SELECT RAISE(ABORT, 'a legal event of a resolution is kept as recorded'); END;
CREATE TRIGGER legal_event_append_only_delete BEFORE DELETE ON legal_event
BEGIN SELECT RAISE(ABORT, 'a legal event of a resolution is kept as recorded'); END;

CREATE TABLE signature (
    id             INTEGER PRIMARY KEY,
    session_id     INTEGER NOT NULL,
    version        INTEGER NOT NULL,
    person_id      INTEGER NOT NULL REFERENCES person(id),
    login          TEXT NOT NULL,
    signed_at      TEXT NOT NULL,
    minutes_sha256 TEXT NOT NULL,
    audit_id       INTEGER REFERENCES audit(id),
    UNIQUE (session_id, version, person_id),
    FOREIGN KEY (session_id, version) REFERENCES approval(session_id, version)
) STRICT;
CREATE TRIGGER signature_append_only_update BEFORE UPDATE ON signature
BEGIN SELECT RAISE(ABORT, 'a signature is kept as signed'); END;
CREATE TRIGGER signature_append_only_delete BEFORE DELETE ON signature
BEGIN SELECT RAISE(ABORT, 'a signature is kept as signed'); END;

-- A guest's mail address, for the invitations mailed by `session invite --mail`.
ALTER TABLE guest ADD COLUMN email TEXT;

ALTER TABLE attendance_tally ADD COLUMN excused INTEGER NOT NULL DEFAULT 0;
"#,
    attendance_tally_v8!()
);

/// V9: plans and evaluations.
///
/// - Goals of a body, which its policies serve; a policy's links to the resolutions and
///   tasks that serve it.
/// - An indicator's baseline, its period (month, quarter or year) and the calendar its
///   periods are counted in (the body's when it was added); a measurement's source,
///   note and who recorded it.
/// - Evaluation checklists: criteria with weights, a scale, the units they evaluate and
///   how often each is to be visited; field visits with their visitors, a score and a
///   finding per criterion, and the follow-up task a finding became.
const V9: &str = r#"
CREATE TABLE goal (
    id         INTEGER PRIMARY KEY,
    body_id    INTEGER NOT NULL REFERENCES body(id),
    title      TEXT NOT NULL CHECK (title <> ''),
    created_at TEXT NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX goal_body ON goal(body_id);

ALTER TABLE policy ADD COLUMN goal_id INTEGER REFERENCES goal(id);
ALTER TABLE policy ADD COLUMN description TEXT NOT NULL DEFAULT '';
ALTER TABLE policy ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE INDEX policy_body ON policy(body_id);

CREATE TABLE policy_link (
    id            INTEGER PRIMARY KEY,
    policy_id     INTEGER NOT NULL REFERENCES policy(id),
    resolution_id INTEGER REFERENCES resolution(id),
    task_id       INTEGER REFERENCES task(id),
    CHECK ((resolution_id IS NULL) <> (task_id IS NULL)),
    UNIQUE (policy_id, resolution_id, task_id)
) STRICT;
CREATE INDEX policy_link_policy ON policy_link(policy_id);

ALTER TABLE indicator ADD COLUMN baseline REAL;
ALTER TABLE indicator ADD COLUMN period TEXT NOT NULL DEFAULT 'quarter' CHECK (period IN ('month','quarter','year'));
ALTER TABLE indicator ADD COLUMN calendar TEXT NOT NULL DEFAULT 'jalali' CHECK (calendar IN ('jalali','gregorian'));
ALTER TABLE indicator ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE INDEX indicator_policy ON indicator(policy_id);

ALTER TABLE measurement ADD COLUMN source TEXT NOT NULL DEFAULT '';
ALTER TABLE measurement ADD COLUMN note TEXT NOT NULL DEFAULT '';
ALTER TABLE measurement ADD COLUMN recorded_by TEXT NOT NULL DEFAULT '';
ALTER TABLE measurement ADD COLUMN recorded_at TEXT NOT NULL DEFAULT '';

CREATE TABLE checklist (
    id         INTEGER PRIMARY KEY,
    body_id    INTEGER NOT NULL REFERENCES body(id),
    title      TEXT NOT NULL CHECK (title <> ''),
    scale_max  INTEGER NOT NULL DEFAULT 5 CHECK (scale_max BETWEEN 1 AND 100),
    every      TEXT NOT NULL DEFAULT 'quarter' CHECK (every IN ('month','quarter','year')),
    created_at TEXT NOT NULL DEFAULT '',
    version    INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX checklist_body ON checklist(body_id);

CREATE TABLE criterion (
    id           INTEGER PRIMARY KEY,
    checklist_id INTEGER NOT NULL REFERENCES checklist(id),
    position     INTEGER NOT NULL,
    name         TEXT NOT NULL CHECK (name <> ''),
    weight       REAL NOT NULL CHECK (weight > 0),
    retired      INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX criterion_checklist ON criterion(checklist_id, position);

-- The units (districts, departments) a checklist evaluates, to be visited every period.
CREATE TABLE checklist_unit (
    checklist_id INTEGER NOT NULL REFERENCES checklist(id),
    name         TEXT NOT NULL CHECK (name <> ''),
    unit_key     TEXT NOT NULL,
    PRIMARY KEY (checklist_id, unit_key)
) STRICT, WITHOUT ROWID;

CREATE TABLE visit (
    id           INTEGER PRIMARY KEY,
    checklist_id INTEGER NOT NULL REFERENCES checklist(id),
    unit         TEXT NOT NULL CHECK (unit <> ''),
    unit_key     TEXT NOT NULL,
    visited_on   TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    -- The weighted score in percent over the criteria scored, as
    -- model::evaluation::visit_score gives it, and how many were scored: kept by the
    -- store with every score and every change of the checklist's criteria or scale, so
    -- the scoreboards read a visit's score without its scores.
    score_percent REAL,
    scored        INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX visit_checklist_unit ON visit(checklist_id, unit_key, visited_on);

CREATE TABLE visit_visitor (
    visit_id  INTEGER NOT NULL REFERENCES visit(id),
    person_id INTEGER NOT NULL REFERENCES person(id),
    PRIMARY KEY (visit_id, person_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE visit_score (
    visit_id     INTEGER NOT NULL REFERENCES visit(id),
    criterion_id INTEGER NOT NULL REFERENCES criterion(id),
    score        REAL NOT NULL CHECK (score >= 0),
    finding      TEXT NOT NULL DEFAULT '',
    task_id      INTEGER REFERENCES task(id),
    PRIMARY KEY (visit_id, criterion_id)
) STRICT, WITHOUT ROWID;
"#;
