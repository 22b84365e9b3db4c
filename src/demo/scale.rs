//! A large generated database for benchmarks. At scale 1: 500 bodies, 5,000 people,
//! 20,000 sessions (60,000 agenda items, attendance of every past one), 100,000
//! resolutions and 1,000,000 tasks with descriptions of a few hundred characters, in
//! Persian and English, dated over the last five years so that a realistic share is
//! open and overdue (the longer past due, the likelier done).
//!
//! Fast enough for a two-core machine (under a minute at scale 1 in release): the rows
//! go in through a bulk load (`store::bulk`: secondary indexes dropped while rows go
//! in and built again afterwards, the rollback journal in memory, nothing synced until
//! the end, full-text entries in bursts with FTS5 merging nothing until one final
//! 'optimize'); full-text entries go in by ascending rowid; and the search text is
//! assembled from words normalized once (the same string `normalize_for_search`
//! gives, which debug builds check for every record).
//! Approved sessions are approved last, after their minutes and resolutions exist,
//! as the triggers that freeze approved minutes demand. One audit entry records the
//! generation.

use chrono::{Duration, NaiveDate};

use crate::locale::calendar::to_jalali;
use crate::locale::digits::to_persian_digits;
use crate::locale::normalize::normalize_for_search;
use crate::locale::Calendar;
use crate::model::evaluation::unit_key;
use crate::model::plans::{Period, PeriodKind};
use crate::store::bulk::{
    AgendaItemRow, AttendanceRow, BodyRow, BulkLoader, ChecklistRow, Generation, IndicatorRow,
    MeasurementRow, MembershipRow, PersonRow, PolicyRow, ResolutionRow, SessionRow, TaskRow,
    VisitRow,
};
use crate::store::search::SearchKind;
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
/// Plans: policies of every body, indicators of every policy, quarters measured.
pub const POLICIES_PER_BODY: i64 = 3;
pub const INDICATORS_PER_POLICY: i64 = 2;
pub const QUARTERS: usize = 8;
/// Evaluations: the districts of every council's checklist (visited each quarter).
pub const UNITS_PER_CHECKLIST: i64 = 22;

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

/// What [`fill`] wrote.
struct Filled {
    sessions: i64,
    resolutions: i64,
    tasks: i64,
    indicators: i64,
    visits: i64,
}

/// Generates the scale database into an empty store.
pub fn generate_scale(store: &mut Store, scale: f64, today: NaiveDate) -> Result<String> {
    let counts = ScaleCounts::at(scale);
    let made = store.bulk_load(|load| fill(load, counts, today))?;
    Ok(format!(
        "scale {scale}: {} bodies, {} people, {} sessions, {} resolutions, {} tasks, {} indicators, {} visits",
        counts.bodies,
        counts.people,
        made.sessions,
        made.resolutions,
        made.tasks,
        made.indicators,
        made.visits
    ))
}

fn fill(load: &mut BulkLoader, c: ScaleCounts, today: NaiveDate) -> Result<Filled> {
    let mut rng = Rng(0x5EED_0F5A_u64 ^ (c.tasks as u64));
    let (fa, en) = (Vocab::new(WORDS_FA), Vocab::new(WORDS_EN));
    let vocab = [&fa, &en];
    let stamp = &now_stamp();
    let span_days: i64 = 5 * 365;
    let start = today - Duration::days(span_days - 60);
    let start_s = start.to_string();

    for id in 1..=c.people {
        let first = FIRST_NAMES[(id as usize) % FIRST_NAMES.len()];
        let last = LAST_NAMES[(id as usize / FIRST_NAMES.len()) % LAST_NAMES.len()];
        let login = (id <= 50).then(|| format!("user{id}"));
        load.insert_person(&PersonRow {
            id,
            name_fa: &format!("{} {} ({id})", first.0, last.0),
            name_en: &format!("{} {} ({id})", first.1, last.1),
            login: login.as_deref(),
            organization: UNITS[(id as usize) % UNITS.len()],
            created_at: stamp,
        })?;
    }
    let kinds = [
        "council",
        "commission",
        "committee",
        "working_group",
        "task_force",
    ];
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
        load.insert_body(&BodyRow {
            id,
            name_fa: &format!("{fa} شماره {id}"),
            name_en: &format!("{en} {id}"),
            kind,
            parent_id: parent,
            quorum_rule: "majority",
            meeting_rule: rule,
            resolution_format: "{jyear}/{session}/{seq}",
            formed_on: &start_s,
            created_at: stamp,
        })?;
        for seat in 0..MEMBERS_PER_BODY {
            let role = match seat {
                0 => "chair",
                1 => "secretary",
                _ => "member",
            };
            load.insert_membership(&MembershipRow {
                body_id: id,
                person_id: member_of(id, seat, c.people),
                role,
                voting: true,
                term_start: &start_s,
            })?;
        }
    }
    load.commit()?;

    // Three passes, so that full-text entries go in by ascending rowid (agenda items,
    // then resolutions, then tasks): FTS5 writes out its pending terms whenever a
    // rowid is lower than the one before, and interleaving kinds made thousands of
    // small segments to merge.
    let session_date =
        |body: i64, k: i64, of: i64| start + Duration::days(span_days * k / of.max(1) + body % 7);
    let commit_every = 200_000i64;

    // 1. Sessions with their agenda items (and minutes) and attendance. Full-text
    // entries are held back and written in bursts (see `store::bulk`).
    let mut held: Vec<Held> = Vec::new();
    let mut to_approve: Vec<i64> = Vec::new();
    let (mut session_id, mut item_id) = (0i64, 0i64);
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
            load.insert_session(&SessionRow {
                id: sid,
                body_id: body,
                number,
                kind: "regular",
                date: &date_s,
                start_time: "09:00",
                end_time: is_held.then_some("11:30"),
                place: if body % 2 == 0 {
                    "تالار شورا"
                } else {
                    "Council hall"
                },
                status: if is_held { "closed" } else { "planned" },
                created_at: stamp,
            })?;
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
                let minutes_at = is_held.then(|| format!("{date_s}T12:00:00Z"));
                load.insert_agenda_item(&AgendaItemRow {
                    id: item_id,
                    session_id: sid,
                    position: pos,
                    title: &title,
                    status: if is_held { "discussed" } else { "pending" },
                    minutes: minutes.as_deref(),
                    minutes_author: is_held.then_some("secretary"),
                    minutes_at: minutes_at.as_deref(),
                })?;
                load.queue_search(SearchKind::Agenda, item_id, search, body);
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
                load.insert_attendance(&AttendanceRow {
                    session_id: sid,
                    person_id: member_of(body, seat, c.people),
                    presence,
                })?;
            }
            held.push(Held {
                id: sid,
                body,
                number,
                date,
                present,
                first_item,
            });
            load.write_search_if_full()?;
            if in_tx >= commit_every {
                load.commit()?;
                in_tx = 0;
            }
        }
    }
    load.commit()?;

    // 2. Resolutions, shared out over the sessions held; each one's tasks are planned
    // here (its status follows theirs) and written in the third pass.
    let resolutions = if held.is_empty() { 0 } else { c.resolutions };
    let tasks = if resolutions > 0 { c.tasks } else { 0 };
    let mut plans: Vec<TaskPlan> = Vec::with_capacity(tasks as usize);
    let mut seq_of_body = vec![0i64; c.bodies as usize + 1];
    let mut res_id = 0i64;
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
            load.insert_resolution(&ResolutionRow {
                id: res_id,
                body_id: h.body,
                session_id: h.id,
                agenda_item_id: h.first_item + r % ITEMS_PER_SESSION,
                seq,
                number: &num,
                text: &text,
                decision: "adopted",
                votes_yes: h.present - no - abstain,
                votes_no: no,
                votes_abstain: abstain,
                status,
                owner: rng
                    .chance(50)
                    .then(|| UNITS[(res_id as usize) % UNITS.len()]),
                due: &due.to_string(),
                created_on: &date_s,
            })?;
            load.queue_search(SearchKind::Resolution, res_id, search, h.body);
            in_tx += 1;
        }
        load.write_search_if_full()?;
        if in_tx >= commit_every {
            load.commit()?;
            in_tx = 0;
        }
    }
    load.commit()?;

    // 3. Tasks, with titles and descriptions of a few hundred characters. Their
    // full-text entries go in at once: tasks have no triggers during the load.
    let mut task_id = 0i64;
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
        let done_on = t.done_on.map(|d| d.to_string());
        load.insert_task(&TaskRow {
            id: task_id,
            body_id: t.body,
            resolution_id: t.resolution,
            title: &title,
            description: &description,
            assignee_id: t.assignee,
            assignee_unit: t.unit,
            due: &t.due.to_string(),
            status: t.status,
            priority: t.priority,
            percent: t.percent,
            done_on: done_on.as_deref(),
            created_on: &t.created.to_string(),
        })?;
        load.index_search(SearchKind::Task, task_id, &search, t.body)?;
        if task_id % commit_every == 0 {
            load.commit()?;
        }
    }
    load.commit()?;

    // 4. Plans and evaluations: per body one goal and three policies of two quarterly
    // indicators (one higher-is-better, one lower) with eight Jalali quarters of
    // measurements; per council one checklist of five weighted criteria over 22
    // districts, visited in each of the eight quarters (most of them each time), each
    // visit by two members with a score per criterion and, for a low score, a finding.
    let last_quarter = Period::containing(today, PeriodKind::Quarter, Calendar::Jalali).previous();
    let mut quarters = vec![last_quarter];
    for _ in 1..QUARTERS {
        let before = quarters[quarters.len() - 1].previous();
        quarters.push(before);
    }
    quarters.reverse();
    let codes: Vec<String> = quarters.iter().map(Period::code).collect();
    let (mut policy_id, mut indicator_id) = (0i64, 0i64);
    for body in 1..=c.bodies {
        load.insert_goal(body, body, &format!("Goal of body {body}"), stamp)?;
        for k in 0..POLICIES_PER_BODY {
            policy_id += 1;
            let v = vocab[usize::from(rng.below(3) == 0)];
            let (mut title, mut norm) = (String::new(), String::new());
            words_into(&mut rng, v, 40, &mut title, &mut norm);
            load.insert_policy(&PolicyRow {
                id: policy_id,
                body_id: body,
                goal_id: (k < 2).then_some(body),
                title: &title,
            })?;
            for j in 0..INDICATORS_PER_POLICY {
                indicator_id += 1;
                let higher = j % 2 == 0;
                let baseline = 20.0 + rng.upto(40) as f64;
                let target = if higher {
                    baseline + 30.0
                } else {
                    (baseline / 3.0).round()
                };
                let (mut name, mut norm) = (String::new(), String::new());
                words_into(&mut rng, v, 30, &mut name, &mut norm);
                load.insert_indicator(&IndicatorRow {
                    id: indicator_id,
                    policy_id,
                    name: &name,
                    unit: Some("%"),
                    target,
                    baseline: Some(baseline),
                    higher_is_better: higher,
                    period: "quarter",
                })?;
                // Each quarter a step towards the target, some steps back.
                let step = (target - baseline) / (QUARTERS as f64 + 2.0);
                let mut value = baseline;
                for code in &codes {
                    let jitter = rng.upto(4) as f64 - 1.5;
                    value += step * (1.0 + jitter / 2.0);
                    load.insert_measurement(&MeasurementRow {
                        indicator_id,
                        period: code,
                        value: (value * 10.0).round() / 10.0,
                        source: UNITS[(indicator_id as usize) % UNITS.len()],
                        recorded_at: stamp,
                    })?;
                }
            }
        }
    }
    load.commit()?;
    let weights = [3.0, 2.0, 2.0, 1.0, 2.0];
    let units: Vec<(String, String)> = (1..=UNITS_PER_CHECKLIST)
        .map(|n| {
            let name = format!("منطقه {}", to_persian_digits(&n.to_string()));
            let key = unit_key(&name);
            (name, key)
        })
        .collect();
    let (mut checklist_id, mut criterion_id, mut visit_id) = (0i64, 0i64, 0i64);
    for body in (1..=c.bodies).filter(|b| kinds[(*b as usize) % kinds.len()] == "council") {
        checklist_id += 1;
        load.insert_checklist(&ChecklistRow {
            id: checklist_id,
            body_id: body,
            title: &format!("District evaluation {body}"),
            scale_max: 5,
            every: "quarter",
            created_at: stamp,
        })?;
        let first_criterion = criterion_id + 1;
        for (pos, w) in weights.iter().enumerate() {
            criterion_id += 1;
            load.insert_criterion(
                criterion_id,
                checklist_id,
                pos as i64 + 1,
                &format!("Criterion {}", pos + 1),
                *w,
            )?;
        }
        for (name, key) in &units {
            load.insert_checklist_unit(checklist_id, name, key)?;
        }
        for q in &quarters {
            let start = q.start().unwrap_or(today);
            for (name, key) in &units {
                if !rng.chance(85) {
                    continue;
                }
                visit_id += 1;
                let on = (start + Duration::days(rng.upto(85))).min(today);
                load.insert_visit(&VisitRow {
                    id: visit_id,
                    checklist_id,
                    unit: name,
                    unit_key: key,
                    visited_on: &on.to_string(),
                    created_at: stamp,
                })?;
                for seat in [2 + rng.upto(3), 5 + rng.upto(4)] {
                    load.insert_visit_visitor(visit_id, member_of(body, seat, c.people))?;
                }
                for k in 0..weights.len() as i64 {
                    let score = 1 + rng.upto(5);
                    let finding = if score <= 1 {
                        "Below the standard; to be followed up."
                    } else {
                        ""
                    };
                    load.insert_visit_score(visit_id, first_criterion + k, score as f64, finding)?;
                }
            }
        }
        load.refresh_visit_scores(checklist_id)?;
    }
    load.commit()?;

    // One audit entry records the generation; approved sessions are approved last,
    // after their minutes and resolutions exist, as the triggers that freeze approved
    // minutes demand.
    load.record_at_end(Generation {
        description_json: format!(
            "{{\"bodies\":{},\"people\":{},\"sessions\":{session_id},\"resolutions\":{res_id},\"tasks\":{task_id}}}",
            c.bodies, c.people
        ),
        approve: to_approve,
        stamp: stamp.to_string(),
    });
    Ok(Filled {
        sessions: session_id,
        resolutions: res_id,
        tasks: task_id,
        indicators: indicator_id,
        visits: visit_id,
    })
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
