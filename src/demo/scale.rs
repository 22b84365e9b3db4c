//! A large generated database for benchmarks. At scale 1: 500 bodies, 5,000 people,
//! 20,000 sessions (60,000 agenda items, attendance of every past one), 100,000
//! resolutions and 1,000,000 tasks with descriptions of a few hundred characters, in
//! Persian and English, dated over the last five years so that a realistic share is
//! open and overdue (the longer past due, the likelier done).
//!
//! Fast enough for a two-core machine (under a minute at scale 1 in release): the
//! secondary indexes are dropped while rows go in and built again from their stored
//! SQL afterwards; the rollback journal lives in memory and nothing is synced until
//! the end; full-text entries go in by ascending rowid and in bursts (see
//! `FtsBuffer`) with FTS5 merging nothing until one final 'optimize'; and the search
//! text is assembled from words normalized once (the same string
//! `normalize_for_search` gives, which debug builds check for every record).
//! Approved sessions are approved last, after their minutes and resolutions exist,
//! as the triggers that freeze approved minutes demand. One audit entry records the
//! generation.

use chrono::{Duration, NaiveDate};
use rusqlite::{params, Connection};

use crate::locale::calendar::to_jalali;
use crate::locale::normalize::normalize_for_search;
use crate::store::{now_stamp, Result, Store};

/// xorshift64*: fast, deterministic, good enough for test data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next() % n
        }
    }
    /// A number in `0..n` as i64.
    fn upto(&mut self, n: i64) -> i64 {
        self.below(n.max(0) as u64) as i64
    }
    /// True `pct` times in a hundred.
    fn chance(&mut self, pct: u64) -> bool {
        self.below(100) < pct
    }
}

const WORDS_FA: &[&str] = &[
    "بودجه",
    "پیگیری",
    "گزارش",
    "شهرداری",
    "منطقه",
    "پروژه",
    "قرارداد",
    "پیمانکار",
    "اعتبار",
    "ساماندهی",
    "حمل",
    "نقل",
    "فضای",
    "سبز",
    "آتش‌نشانی",
    "ایمنی",
    "پسماند",
    "معابر",
    "روشنایی",
    "پارک",
    "ترافیک",
    "نوسازی",
    "بافت",
    "فرسوده",
    "سامانه",
    "شاخص",
    "ارزیابی",
    "بازدید",
    "میدانی",
    "برون‌سپاری",
    "خدمات",
    "شهروندان",
    "درآمد",
    "هزینه",
    "تملک",
    "مصوبه",
    "کمیسیون",
    "اجرا",
    "تکمیل",
    "مطالعه",
    "طرح",
    "لایحه",
    "نظارت",
    "شفافیت",
    "فساد",
    "پیشگیری",
    "آموزش",
    "فرهنگی",
];

const WORDS_EN: &[&str] = &[
    "budget",
    "follow-up",
    "report",
    "municipality",
    "district",
    "project",
    "contract",
    "contractor",
    "funding",
    "organize",
    "transport",
    "traffic",
    "green",
    "space",
    "fire",
    "safety",
    "waste",
    "roads",
    "lighting",
    "park",
    "renewal",
    "survey",
    "system",
    "indicator",
    "evaluation",
    "field",
    "visit",
    "outsourcing",
    "services",
    "citizens",
    "revenue",
    "cost",
    "acquisition",
    "resolution",
    "commission",
    "implementation",
    "completion",
    "study",
    "plan",
    "bill",
    "oversight",
    "transparency",
    "corruption",
    "prevention",
    "training",
    "cultural",
    "roof",
    "drainage",
    "bridge",
    "library",
];

/// A vocabulary with each word's search form and length, so that a text and its
/// search form are built together without normalizing every record.
struct Vocab {
    words: &'static [&'static str],
    norm: Vec<String>,
    chars: Vec<usize>,
}

impl Vocab {
    fn new(words: &'static [&'static str]) -> Vocab {
        Vocab {
            words,
            norm: words.iter().map(|w| normalize_for_search(w)).collect(),
            chars: words.iter().map(|w| w.chars().count()).collect(),
        }
    }
}

/// Random words of one language, at least `chars` characters long, appended to `text`
/// (after a space when it is not empty) and their search forms likewise to `norm`.
/// Joining words with spaces commutes with `normalize_for_search` for these words: no
/// word normalizes to nothing, and none starts or ends with a combining mark.
fn words_into(rng: &mut Rng, vocab: &Vocab, chars: usize, text: &mut String, norm: &mut String) {
    let mut n = 0;
    while n < chars {
        let i = rng.below(vocab.words.len() as u64) as usize;
        if !text.is_empty() {
            text.push(' ');
            n += 1;
        }
        if !norm.is_empty() {
            norm.push(' ');
        }
        text.push_str(vocab.words[i]);
        norm.push_str(&vocab.norm[i]);
        n += vocab.chars[i];
    }
}

/// What one scale unit holds.
pub const BODIES: f64 = 500.0;
pub const PEOPLE: f64 = 5_000.0;
pub const SESSIONS: f64 = 20_000.0;
pub const RESOLUTIONS: f64 = 100_000.0;
pub const TASKS: f64 = 1_000_000.0;
/// Members of every body, agenda items of every session.
pub const MEMBERS_PER_BODY: i64 = 10;
pub const ITEMS_PER_SESSION: i64 = 3;

/// How many rows of each kind a scale gives (each at least one). Sessions are shared
/// out over the bodies, resolutions over the sessions already held, tasks over the
/// resolutions; so these are exactly the counts generated, except that resolutions
/// need a past session (there always is one) and tasks a resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScaleCounts {
    pub bodies: i64,
    pub people: i64,
    pub sessions: i64,
    pub resolutions: i64,
    pub tasks: i64,
}

impl ScaleCounts {
    pub fn at(scale: f64) -> ScaleCounts {
        let n = |base: f64| ((base * scale).round() as i64).max(1);
        ScaleCounts {
            bodies: n(BODIES),
            people: n(PEOPLE),
            sessions: n(SESSIONS),
            resolutions: n(RESOLUTIONS),
            tasks: n(TASKS),
        }
    }
}

/// `total` shared out over `parts`: the share of part `i` (0-based).
fn share(total: i64, parts: i64, i: i64) -> i64 {
    if parts <= 0 {
        return 0;
    }
    total / parts + i64::from(i < total % parts)
}

const FIRST_NAMES: &[(&str, &str)] = &[
    ("علی", "Ali"),
    ("مریم", "Maryam"),
    ("حسین", "Hossein"),
    ("زهرا", "Zahra"),
    ("رضا", "Reza"),
    ("فاطمه", "Fatemeh"),
    ("مهدی", "Mahdi"),
    ("سارا", "Sara"),
    ("امیر", "Amir"),
    ("نرگس", "Narges"),
    ("محمد", "Mohammad"),
    ("لیلا", "Leila"),
    ("حمید", "Hamid"),
    ("شیرین", "Shirin"),
    ("کاوه", "Kaveh"),
    ("پریسا", "Parisa"),
];

const LAST_NAMES: &[(&str, &str)] = &[
    ("احمدی", "Ahmadi"),
    ("حسینی", "Hosseini"),
    ("رضایی", "Rezaei"),
    ("کریمی", "Karimi"),
    ("موسوی", "Mousavi"),
    ("جعفری", "Jafari"),
    ("صادقی", "Sadeghi"),
    ("محمدی", "Mohammadi"),
    ("نوری", "Nouri"),
    ("کاظمی", "Kazemi"),
    ("طاهری", "Taheri"),
    ("یزدانی", "Yazdani"),
    ("رحیمی", "Rahimi"),
    ("شریفی", "Sharifi"),
    ("قاسمی", "Ghasemi"),
    ("فراهانی", "Farahani"),
    ("عباسی", "Abbasi"),
    ("بهرامی", "Bahrami"),
    ("سلیمانی", "Soleimani"),
];

const UNITS: &[&str] = &[
    "Deputy for Urban Services",
    "معاونت خدمات شهری",
    "Finance Department",
    "واحد فناوری اطلاعات",
];

/// Of open work due `age` days ago, the share in a hundred still open: recent misses
/// are common, old ones mostly got done or dropped.
fn still_open_pct(age: i64) -> u64 {
    match age {
        ..=29 => 50,
        30..=89 => 35,
        90..=179 => 22,
        180..=364 => 14,
        _ => 8,
    }
}

/// A task's facts, decided with its resolution (whose status follows its tasks); its
/// texts are made when the task is written, after all resolutions.
struct TaskPlan {
    body: i64,
    resolution: i64,
    created: NaiveDate,
    assignee: Option<i64>,
    unit: Option<&'static str>,
    due: NaiveDate,
    status: &'static str,
    priority: &'static str,
    percent: i64,
    done_on: Option<NaiveDate>,
}

/// The person holding seat `seat` (0-based) of a body.
fn member_of(body: i64, seat: i64, people: i64) -> i64 {
    1 + (body * MEMBERS_PER_BODY + seat) % people
}

fn plan_task(
    rng: &mut Rng,
    body: i64,
    resolution: i64,
    people: i64,
    created: NaiveDate,
    today: NaiveDate,
) -> TaskPlan {
    let due = created + Duration::days(14 + rng.upto(180));
    let progress = |rng: &mut Rng| 10 * (1 + rng.upto(9));
    let (status, percent, done_on) = if due < today {
        if rng.chance(still_open_pct((today - due).num_days())) {
            if rng.chance(70) {
                ("in_progress", progress(rng), None)
            } else {
                ("open", 0, None)
            }
        } else if rng.chance(5) {
            ("cancelled", 0, None)
        } else {
            // Most finish near the due date, a few weeks early or late.
            let d = due + Duration::days(rng.upto(50) - 25);
            ("done", 100, Some(d.clamp(created, today)))
        }
    } else {
        match rng.below(100) {
            0..=14 => {
                let d = today - Duration::days(rng.upto(30));
                ("done", 100, Some(d.max(created)))
            }
            15..=59 => ("in_progress", progress(rng), None),
            _ => ("open", 0, None),
        }
    };
    let (assignee, unit) = if rng.below(4) == 0 {
        (None, Some(UNITS[rng.below(UNITS.len() as u64) as usize]))
    } else {
        (
            Some(member_of(body, rng.upto(MEMBERS_PER_BODY), people)),
            None,
        )
    };
    let priority = ["low", "normal", "normal", "high", "urgent"][rng.below(5) as usize];
    TaskPlan {
        body,
        resolution,
        created,
        assignee,
        unit,
        due,
        status,
        priority,
        percent,
        done_on,
    }
}

/// A session already held, as resolutions need it.
struct Held {
    id: i64,
    body: i64,
    number: i64,
    date: NaiveDate,
    present: i64,
    first_item: i64,
}

/// The indexes of the schema (not those of UNIQUE constraints) with their SQL.
fn secondary_indexes(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut stmt = conn.prepare(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL ORDER BY rowid",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Generates the scale database into an empty store.
pub fn generate_scale(store: &mut Store, scale: f64, today: NaiveDate) -> Result<String> {
    let counts = ScaleCounts::at(scale);
    // For generation only: journal in memory (pages appended to a new file need no
    // journal), no syncs, a large cache. The store's own settings come back at the end.
    let _: String = store
        .conn
        .query_row("PRAGMA journal_mode = MEMORY", [], |r| r.get(0))?;
    store
        .conn
        .execute_batch("PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;")?;
    let indexes = secondary_indexes(&store.conn)?;
    let made = fill(store, counts, today, &indexes);
    if made.is_err() {
        // Whatever went in stays usable: indexes and FTS5 settings as the schema has them.
        let _ = restore_indexes(&store.conn, &indexes);
    }
    let restored = restore_settings(&store.conn);
    let (sessions, resolutions, tasks) = made?;
    restored?;
    Ok(format!(
        "scale {scale}: {} bodies, {} people, {sessions} sessions, {resolutions} resolutions, {tasks} tasks",
        counts.bodies, counts.people
    ))
}

/// The triggers of schema V3 that keep the dashboard's tallies; dropped during the bulk
/// load and made again (with the tallies computed) by running V3 at its end.
const TALLY_TRIGGERS: &[&str] = &[
    "task_tally_insert",
    "task_tally_delete",
    "task_tally_update",
    "attendance_tally_insert",
    "attendance_tally_delete",
    "attendance_tally_update",
    "session_tally_status",
];

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
    conn.execute_batch(crate::store::schema::V3)?;
    Ok(())
}

/// The store's own settings (as `Store::open` sets them) after generation.
fn restore_settings(conn: &Connection) -> Result<()> {
    conn.execute_batch("PRAGMA cache_size = -16000; PRAGMA synchronous = FULL;")?;
    let _: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    Ok(())
}

fn fill(
    store: &mut Store,
    c: ScaleCounts,
    today: NaiveDate,
    indexes: &[(String, String)],
) -> Result<(i64, i64, i64)> {
    let mut rng = Rng(0x5EED_0F5A_u64 ^ (c.tasks as u64));
    let (fa, en) = (Vocab::new(WORDS_FA), Vocab::new(WORDS_EN));
    let vocab = [&fa, &en];
    let stamp = now_stamp();
    let span_days: i64 = 5 * 365;
    let start = today - Duration::days(span_days - 60);
    let start_s = start.to_string();

    let tx = store.conn.transaction()?;
    for (name, _) in indexes {
        tx.execute_batch(&format!("DROP INDEX \"{name}\""))?;
    }
    tx.execute_batch(FTS_BULK)?;
    // The dashboard's tallies are computed once at the end (see TALLY_TRIGGERS), not
    // kept row by row while millions are inserted.
    for name in TALLY_TRIGGERS {
        tx.execute_batch(&format!("DROP TRIGGER IF EXISTS \"{name}\""))?;
    }
    {
        let mut ins = tx.prepare(
            "INSERT INTO person(id, name_fa, name_en, login, organization, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for id in 1..=c.people {
            let first = FIRST_NAMES[(id as usize) % FIRST_NAMES.len()];
            let last = LAST_NAMES[(id as usize / FIRST_NAMES.len()) % LAST_NAMES.len()];
            ins.execute(params![
                id,
                format!("{} {} ({id})", first.0, last.0),
                format!("{} {} ({id})", first.1, last.1),
                (id <= 50).then(|| format!("user{id}")),
                UNITS[(id as usize) % UNITS.len()],
                stamp
            ])?;
        }
        let kinds = [
            "council",
            "commission",
            "committee",
            "working_group",
            "task_force",
        ];
        let mut ins = tx.prepare(
            "INSERT INTO body(id, name_fa, name_en, kind, parent_id, quorum_rule, meeting_rule, resolution_format, formed_on, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, 'majority', ?6, '{jyear}/{session}/{seq}', ?7, ?8)",
        )?;
        let mut mem = tx.prepare(
            "INSERT INTO membership(body_id, person_id, role, voting, term_start) VALUES (?1, ?2, ?3, 1, ?4)",
        )?;
        for id in 1..=c.bodies {
            let kind = kinds[(id as usize) % kinds.len()];
            let parent = (id > 10 && kind != "council").then(|| 1 + rng.upto((id - 1).min(50)));
            let (fa, en) = match kind {
                "council" => ("شورای", "Council"),
                "commission" => ("کمیسیون", "Commission"),
                "committee" => ("کمیته", "Committee"),
                "working_group" => ("کارگروه", "Working group"),
                _ => ("کار ویژه", "Task force"),
            };
            let rule = if kind == "council" {
                "jalali_months:4,10"
            } else {
                ""
            };
            ins.execute(params![
                id,
                format!("{fa} شماره {id}"),
                format!("{en} {id}"),
                kind,
                parent,
                rule,
                start_s,
                stamp
            ])?;
            for seat in 0..MEMBERS_PER_BODY {
                let role = match seat {
                    0 => "chair",
                    1 => "secretary",
                    _ => "member",
                };
                mem.execute(params![id, member_of(id, seat, c.people), role, start_s])?;
            }
        }
    }
    tx.commit()?;

    // Three passes, so that full-text entries go in by ascending rowid (agenda items,
    // then resolutions, then tasks): FTS5 writes out its pending terms whenever a
    // rowid is lower than the one before, and interleaving kinds made thousands of
    // small segments to merge.
    let session_date =
        |body: i64, k: i64, of: i64| start + Duration::days(span_days * k / of.max(1) + body % 7);
    let commit_every = 200_000i64;

    // 1. Sessions with their agenda items (and minutes) and attendance.
    let mut fts = FtsBuffer::default();
    let mut held: Vec<Held> = Vec::new();
    let mut to_approve: Vec<i64> = Vec::new();
    let (mut session_id, mut item_id) = (0i64, 0i64);
    let mut tx = store.conn.transaction()?;
    let mut in_tx = 0i64;
    for body in 1..=c.bodies {
        let of = share(c.sessions, c.bodies, body - 1);
        let last_past = (0..of).rev().find(|&k| session_date(body, k, of) <= today);
        for k in 0..of {
            let date = session_date(body, k, of);
            let is_held = date <= today;
            session_id += 1;
            let sid = session_id;
            let number = k + 1;
            let date_s = date.to_string();
            // Held sessions are written closed; all but each body's latest are approved
            // at the end, once their minutes and resolutions are in.
            if is_held && Some(k) != last_past {
                to_approve.push(sid);
            }
            tx.prepare_cached(
                "INSERT INTO session(id, body_id, number, kind, date, start_time, end_time, place, status, created_at)
                 VALUES (?1, ?2, ?3, 'regular', ?4, '09:00', ?5, ?6, ?7, ?8)",
            )?
            .execute(params![
                sid,
                body,
                number,
                date_s,
                is_held.then_some("11:30"),
                if body % 2 == 0 {
                    "تالار شورا"
                } else {
                    "Council hall"
                },
                if is_held { "closed" } else { "planned" },
                stamp
            ])?;
            let first_item = item_id + 1;
            for pos in 1..=ITEMS_PER_SESSION {
                item_id += 1;
                let v = vocab[usize::from(rng.below(3) == 0)];
                let (mut title, mut search) = (String::new(), String::new());
                words_into(&mut rng, v, 40, &mut title, &mut search);
                let minutes = is_held.then(|| {
                    let (mut m, mut norm) = (String::new(), String::new());
                    words_into(&mut rng, v, 200, &mut m, &mut norm);
                    search.push(' ');
                    search.push_str(&norm);
                    m
                });
                if cfg!(debug_assertions) {
                    let text = match &minutes {
                        Some(m) => format!("{title}\n{m}"),
                        None => title.clone(),
                    };
                    assert_eq!(search, normalize_for_search(&text));
                }
                tx.prepare_cached(
                    "INSERT INTO agenda_item(id, session_id, position, title, status, minutes, minutes_author, minutes_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                )?
                .execute(params![
                    item_id,
                    sid,
                    pos,
                    title,
                    if is_held { "discussed" } else { "pending" },
                    minutes,
                    is_held.then_some("secretary"),
                    is_held.then(|| format!("{date_s}T12:00:00Z"))
                ])?;
                fts.push(1, item_id, search, body);
            }
            in_tx += 1 + ITEMS_PER_SESSION;
            if !is_held {
                continue;
            }
            let mut present = 0i64;
            for seat in 0..MEMBERS_PER_BODY {
                let presence = match rng.below(100) {
                    0..=84 => "present",
                    85..=89 => "late",
                    90..=93 => "remote",
                    94..=96 => "excused",
                    _ => "absent",
                };
                present += i64::from(matches!(presence, "present" | "late" | "remote"));
                tx.prepare_cached(
                    "INSERT INTO attendance(session_id, person_id, presence) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![
                    sid,
                    member_of(body, seat, c.people),
                    presence
                ])?;
            }
            held.push(Held {
                id: sid,
                body,
                number,
                date,
                present,
                first_item,
            });
            fts.write_if_full(&tx)?;
            if in_tx >= commit_every {
                fts.write(&tx)?;
                tx.commit()?;
                tx = store.conn.transaction()?;
                in_tx = 0;
            }
        }
    }
    fts.write(&tx)?;
    tx.commit()?;

    // 2. Resolutions, shared out over the sessions held; each one's tasks are planned
    // here (its status follows theirs) and written in the third pass.
    let resolutions = if held.is_empty() { 0 } else { c.resolutions };
    let tasks = if resolutions > 0 { c.tasks } else { 0 };
    let mut plans: Vec<TaskPlan> = Vec::with_capacity(tasks as usize);
    let mut seq_of_body = vec![0i64; c.bodies as usize + 1];
    let mut res_id = 0i64;
    let mut tx = store.conn.transaction()?;
    let mut in_tx = 0i64;
    for (j, h) in held.iter().enumerate() {
        let n_res = share(resolutions, held.len() as i64, j as i64);
        let jyear = to_jalali(h.date).year;
        let date_s = h.date.to_string();
        for r in 0..n_res {
            res_id += 1;
            seq_of_body[h.body as usize] += 1;
            let seq = seq_of_body[h.body as usize];
            let first_plan = plans.len();
            for _ in 0..share(tasks, resolutions, res_id - 1) {
                plans.push(plan_task(&mut rng, h.body, res_id, c.people, h.date, today));
            }
            let own = &plans[first_plan..];
            let due = h.date + Duration::days(30 + rng.upto(150));
            let status = if own.is_empty() {
                if due < today && rng.chance(70) {
                    "done"
                } else {
                    "open"
                }
            } else if own.iter().all(|t| matches!(t.status, "done" | "cancelled")) {
                "done"
            } else if own.iter().any(|t| t.status != "open") {
                "in_progress"
            } else {
                "open"
            };
            let v = vocab[usize::from(rng.below(3) == 0)];
            let (mut text, mut norm) = (String::new(), String::new());
            words_into(&mut rng, v, 300, &mut text, &mut norm);
            let num = format!("{jyear}/{}/{seq}", h.number);
            let search = format!("{num} {norm}");
            if cfg!(debug_assertions) {
                assert_eq!(search, normalize_for_search(&format!("{num} {text}")));
            }
            let no = rng.upto(3).min(h.present);
            let abstain = rng.upto(2).min(h.present - no);
            tx.prepare_cached(
                "INSERT INTO resolution(id, body_id, session_id, agenda_item_id, seq, number, text, decision, votes_yes, votes_no, votes_abstain, status, owner, due, created_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'adopted', ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
            )?
            .execute(params![
                res_id,
                h.body,
                h.id,
                h.first_item + r % ITEMS_PER_SESSION,
                seq,
                num,
                text,
                h.present - no - abstain,
                no,
                abstain,
                status,
                rng.chance(50)
                    .then(|| UNITS[(res_id as usize) % UNITS.len()]),
                due.to_string(),
                date_s
            ])?;
            fts.push(3, res_id, search, h.body);
            in_tx += 1;
        }
        fts.write_if_full(&tx)?;
        if in_tx >= commit_every {
            fts.write(&tx)?;
            tx.commit()?;
            tx = store.conn.transaction()?;
            in_tx = 0;
        }
    }
    fts.write(&tx)?;
    tx.commit()?;

    // 3. Tasks, with titles and descriptions of a few hundred characters.
    let mut task_id = 0i64;
    let mut tx = store.conn.transaction()?;
    let (mut title, mut description) = (String::new(), String::new());
    let (mut search, mut norm_desc) = (String::new(), String::new());
    for t in &plans {
        task_id += 1;
        let v = vocab[usize::from(rng.below(3) == 0)];
        for buf in [&mut title, &mut description, &mut search, &mut norm_desc] {
            buf.clear();
        }
        words_into(&mut rng, v, 50, &mut title, &mut search);
        words_into(&mut rng, v, 250, &mut description, &mut norm_desc);
        search.push(' ');
        search.push_str(&norm_desc);
        if cfg!(debug_assertions) {
            assert_eq!(
                search,
                normalize_for_search(&format!("{title} {description}"))
            );
        }
        tx.prepare_cached(
            "INSERT INTO task(id, body_id, resolution_id, title, description, assignee_id, assignee_unit, due, status, priority, percent, done_on, created_on)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?
        .execute(params![
            task_id,
            t.body,
            t.resolution,
            title,
            description,
            t.assignee,
            t.unit,
            t.due.to_string(),
            t.status,
            t.priority,
            t.percent,
            t.done_on.map(|d| d.to_string()),
            t.created.to_string()
        ])?;
        fts_insert(&tx, 4, task_id, &search, t.body)?;
        if task_id % commit_every == 0 {
            tx.commit()?;
            tx = store.conn.transaction()?;
        }
    }
    tx.commit()?;
    drop(plans);

    // Indexes back, from their own SQL; the full-text index merged into one segment.
    let tx = store.conn.transaction()?;
    for (_, sql) in indexes {
        tx.execute_batch(sql)?;
    }
    tx.execute_batch("INSERT INTO search_index(search_index) VALUES ('optimize')")?;
    tx.execute_batch(FTS_DEFAULTS)?;
    // The tally triggers back and the tallies computed from the rows (V3 does both).
    tx.execute_batch(crate::store::schema::V3)?;
    tx.commit()?;

    let actor = store.actor.clone();
    let scale_json = format!(
        "{{\"bodies\":{},\"people\":{},\"sessions\":{session_id},\"resolutions\":{res_id},\"tasks\":{task_id}}}",
        c.bodies, c.people
    );
    store.write(|tx| {
        crate::store::audit::record(
            tx,
            &actor,
            "generate",
            "database",
            None,
            None,
            Some(&scale_json),
        )?;
        let head = crate::store::audit::head(tx)?;
        let mut approve = tx.prepare(
            "UPDATE session SET status = 'approved', approved_by = ?2, approved_at = ?3, approved_audit_head = ?4 WHERE id = ?1",
        )?;
        for id in &to_approve {
            approve.execute(params![id, actor.login, stamp, head])?;
        }
        Ok(())
    })?;
    Ok((session_id, res_id, task_id))
}

/// FTS5 settings while loading: terms gathered in memory up to 64 MB per segment and
/// no merging until the final 'optimize' merges everything once.
const FTS_BULK: &str = "INSERT INTO search_index(search_index, rank) VALUES ('hashsize', 67108864);
     INSERT INTO search_index(search_index, rank) VALUES ('automerge', 0);";
/// FTS5's defaults (as in SQLite's fts5), for the database's later life.
const FTS_DEFAULTS: &str =
    "INSERT INTO search_index(search_index, rank) VALUES ('hashsize', 1048576);
     INSERT INTO search_index(search_index, rank) VALUES ('automerge', 4);";

/// Full-text entries held back while rows go into tables with triggers: such an insert
/// opens a statement savepoint, and FTS5 writes its pending terms out as a new segment
/// at every savepoint, so interleaving made a segment per record (and endless merging).
/// Written in bursts instead, each becomes one segment.
#[derive(Default)]
struct FtsBuffer {
    rows: Vec<(i64, i64, String, i64)>,
}

impl FtsBuffer {
    const BURST: usize = 20_000;

    fn push(&mut self, kind: i64, id: i64, search: String, body: i64) {
        self.rows.push((kind, id, search, body));
    }

    fn write_if_full(&mut self, conn: &Connection) -> Result<()> {
        if self.rows.len() >= Self::BURST {
            self.write(conn)?;
        }
        Ok(())
    }

    fn write(&mut self, conn: &Connection) -> Result<()> {
        for (kind, id, search, body) in self.rows.drain(..) {
            fts_insert(conn, kind, id, &search, body)?;
        }
        Ok(())
    }
}

/// Adds a full-text entry; `search` is already in its search form. The rowid encodes
/// the kind as in `store::search`: kind * 2^40 + id.
fn fts_insert(conn: &Connection, kind: i64, id: i64, search: &str, body: i64) -> Result<()> {
    conn.prepare_cached("INSERT INTO search_index(rowid, text, body_id) VALUES (?1, ?2, ?3)")?
        .execute(params![kind * (1i64 << 40) + id, search, body])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_forms_match_normalize_for_search() {
        let (fa, en) = (Vocab::new(WORDS_FA), Vocab::new(WORDS_EN));
        let mut rng = Rng(42);
        for v in [&fa, &en] {
            for _ in 0..200 {
                let (mut text, mut norm) = (String::new(), String::new());
                words_into(&mut rng, v, 120, &mut text, &mut norm);
                assert_eq!(norm, normalize_for_search(&text));
                assert!(text.chars().count() >= 120);
            }
        }
    }

    #[test]
    fn shares_add_up() {
        for (total, parts) in [(100_000, 19_500), (7, 3), (2, 5), (0, 4)] {
            let sum: i64 = (0..parts).map(|i| share(total, parts, i)).sum();
            assert_eq!(sum, total);
        }
    }

    #[test]
    fn counts_at_scale() {
        let c = ScaleCounts::at(1.0);
        assert_eq!(
            (c.bodies, c.people, c.sessions, c.resolutions, c.tasks),
            (500, 5_000, 20_000, 100_000, 1_000_000)
        );
        let c = ScaleCounts::at(0.002);
        assert_eq!(
            (c.bodies, c.people, c.sessions, c.resolutions, c.tasks),
            (1, 10, 40, 200, 2_000)
        );
    }
}
