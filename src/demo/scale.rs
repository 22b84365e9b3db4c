//! A large generated database for benchmarks. At scale 1: 500 bodies, 5,000 people,
//! 20,000 sessions, 100,000 resolutions, 1,000,000 tasks with descriptions of a few
//! hundred characters, in Persian and English, dated over the last five years so that
//! a realistic share is open and overdue. Written with plain INSERTs in large
//! transactions (one audit entry records the generation), so it takes a minute or two.

use chrono::{Duration, NaiveDate};
use rusqlite::params;

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
    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
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

fn sentence(rng: &mut Rng, chars: usize) -> String {
    let fa = rng.below(3) != 0;
    let words = if fa { WORDS_FA } else { WORDS_EN };
    let mut s = String::with_capacity(chars + 16);
    while s.chars().count() < chars {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(rng.pick(words));
    }
    s
}

/// What one scale unit holds.
pub const BODIES: f64 = 500.0;
pub const PEOPLE: f64 = 5_000.0;
pub const SESSIONS: f64 = 20_000.0;
pub const RESOLUTIONS: f64 = 100_000.0;
pub const TASKS: f64 = 1_000_000.0;

/// Generates the scale database into an empty store.
pub fn generate_scale(store: &mut Store, scale: f64, today: NaiveDate) -> Result<String> {
    let n = |base: f64| ((base * scale).round() as i64).max(1);
    let (n_bodies, n_people, n_sessions, n_res, n_tasks) =
        (n(BODIES), n(PEOPLE), n(SESSIONS), n(RESOLUTIONS), n(TASKS));
    let mut rng = Rng(0x5EED_0F5A_u64 ^ (n_tasks as u64));
    store
        .conn
        .execute_batch("PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;")?;
    let stamp = now_stamp();
    let span_days: i64 = 5 * 365;
    let start = today - Duration::days(span_days - 60);
    let tx = store.conn.transaction()?;
    {
        let mut ins = tx.prepare(
            "INSERT INTO person(id, name_fa, name_en, login, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for id in 1..=n_people {
            ins.execute(params![
                id,
                format!("عضو شماره {id}"),
                format!("Member {id}"),
                if id <= 50 {
                    Some(format!("user{id}"))
                } else {
                    None
                },
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
        for id in 1..=n_bodies {
            let kind = kinds[(id as usize) % kinds.len()];
            let parent = if id > 10 && kind != "council" {
                Some(1 + rng.below((id - 1).min(50) as u64) as i64)
            } else {
                None
            };
            let rule = if kind == "council" {
                "jalali_months:4,10"
            } else {
                ""
            };
            ins.execute(params![
                id,
                format!(
                    "{} شماره {id}",
                    match kind {
                        "council" => "شورای",
                        "commission" => "کمیسیون",
                        "committee" => "کمیته",
                        "working_group" => "کارگروه",
                        _ => "کار ویژه",
                    }
                ),
                format!(
                    "{} {id}",
                    match kind {
                        "council" => "Council",
                        "commission" => "Commission",
                        "committee" => "Committee",
                        "working_group" => "Working group",
                        _ => "Task force",
                    }
                ),
                kind,
                parent,
                rule,
                start.to_string(),
                stamp
            ])?;
            for k in 0..10 {
                let person = 1 + ((id * 10 + k) % n_people);
                let role = match k {
                    0 => "chair",
                    1 => "secretary",
                    _ => "member",
                };
                mem.execute(params![id, person, role, start.to_string()])?;
            }
        }
    }
    tx.commit()?;

    // Sessions, each with agenda items and attendance.
    let tx = store.conn.transaction()?;
    let mut sessions: Vec<(i64, i64, i64, NaiveDate)> = Vec::with_capacity(n_sessions as usize);
    {
        let mut ins = tx.prepare(
            "INSERT INTO session(id, body_id, number, kind, date, start_time, place, status, created_at)
             VALUES (?1, ?2, ?3, 'regular', ?4, '09:00', 'Hall', ?5, ?6)",
        )?;
        let mut item = tx.prepare(
            "INSERT INTO agenda_item(session_id, position, title, status, minutes, minutes_author) VALUES (?1, ?2, ?3, ?4, ?5, 'secretary')",
        )?;
        let mut att = tx.prepare(
            "INSERT INTO attendance(session_id, person_id, presence) VALUES (?1, ?2, ?3)",
        )?;
        let per_body = (n_sessions / n_bodies).max(1);
        let mut id = 0;
        for body in 1..=n_bodies {
            for k in 0..per_body {
                id += 1;
                if id > n_sessions {
                    break;
                }
                let date = start + Duration::days(span_days * k / per_body + (body % 7));
                let status = if date > today {
                    "planned"
                } else if k + 2 >= per_body {
                    "closed"
                } else {
                    "approved"
                };
                ins.execute(params![id, body, k + 1, date.to_string(), status, stamp])?;
                sessions.push((id, body, k + 1, date));
                for pos in 1..=3 {
                    item.execute(params![
                        id,
                        pos,
                        sentence(&mut rng, 40),
                        if date > today { "pending" } else { "discussed" },
                        if date > today {
                            None
                        } else {
                            Some(sentence(&mut rng, 200))
                        }
                    ])?;
                }
                if date <= today {
                    for m in 0..10 {
                        let person = 1 + ((body * 10 + m) % n_people);
                        let presence = if rng.below(10) == 0 {
                            "absent"
                        } else {
                            "present"
                        };
                        att.execute(params![id, person, presence])?;
                    }
                }
            }
        }
    }
    tx.commit()?;

    // Resolutions.
    let tx = store.conn.transaction()?;
    let mut resolutions: Vec<(i64, i64, NaiveDate)> = Vec::with_capacity(n_res as usize);
    {
        let past: Vec<&(i64, i64, i64, NaiveDate)> =
            sessions.iter().filter(|s| s.3 <= today).collect();
        let mut ins = tx.prepare(
            "INSERT INTO resolution(id, body_id, session_id, seq, number, text, decision, votes_yes, votes_no, votes_abstain, status, due, created_on)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'adopted', 8, 1, 0, ?7, ?8, ?9)",
        )?;
        let mut fts =
            tx.prepare("INSERT INTO search_index(rowid, text, body_id) VALUES (?1, ?2, ?3)")?;
        let mut seq_of_body = vec![0i64; n_bodies as usize + 1];
        for id in 1..=n_res {
            let Some(s) = past.get(((id - 1) as usize) % past.len().max(1)) else {
                break;
            };
            let (sid, body, number, date) = **s;
            seq_of_body[body as usize] += 1;
            let seq = seq_of_body[body as usize];
            let due = date + Duration::days(30 + rng.below(150) as i64);
            let status = if due < today && rng.below(10) < 7 {
                "done"
            } else if rng.below(2) == 0 {
                "in_progress"
            } else {
                "open"
            };
            let text = sentence(&mut rng, 300);
            let num = format!("{}/{number}/{seq}", to_jalali(date).year);
            ins.execute(params![
                id,
                body,
                sid,
                seq,
                num,
                text,
                status,
                due.to_string(),
                date.to_string()
            ])?;
            fts.execute(params![
                3 * (1i64 << 40) + id,
                normalize_for_search(&format!("{num} {text}")),
                body
            ])?;
            resolutions.push((id, body, date));
        }
    }
    tx.commit()?;

    // Tasks, in several transactions to bound the WAL.
    let units = [
        "Deputy for Urban Services",
        "معاونت خدمات شهری",
        "Finance Department",
        "واحد فناوری اطلاعات",
    ];
    let per_res = (n_tasks / resolutions.len().max(1) as i64).max(1);
    let mut made = 0i64;
    let chunk = 100_000i64;
    while made < n_tasks {
        let tx = store.conn.transaction()?;
        {
            let mut ins = tx.prepare(
                "INSERT INTO task(id, body_id, resolution_id, title, description, assignee_id, assignee_unit, due, status, priority, percent, done_on, created_on)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
            )?;
            let mut fts =
                tx.prepare("INSERT INTO search_index(rowid, text, body_id) VALUES (?1, ?2, ?3)")?;
            let end = (made + chunk).min(n_tasks);
            for id in made + 1..=end {
                let ri = ((id - 1) / per_res) as usize % resolutions.len().max(1);
                let Some(&(res, body, date)) = resolutions.get(ri) else {
                    break;
                };
                let due = date + Duration::days(14 + rng.below(180) as i64);
                let roll = rng.below(100);
                let (status, percent, done_on) = if due < today {
                    if roll < 72 {
                        (
                            "done",
                            100,
                            Some(due - Duration::days(rng.below(20) as i64)),
                        )
                    } else if roll < 75 {
                        ("cancelled", 0, None)
                    } else {
                        ("in_progress", 10 * (1 + rng.below(9) as i64), None)
                    }
                } else if roll < 15 {
                    (
                        "done",
                        100,
                        Some(today - Duration::days(rng.below(5) as i64)),
                    )
                } else if roll < 60 {
                    ("in_progress", 10 * (1 + rng.below(9) as i64), None)
                } else {
                    ("open", 0, None)
                };
                let (assignee, unit) = if rng.below(4) == 0 {
                    (None, Some(units[rng.below(units.len() as u64) as usize]))
                } else {
                    (
                        Some(1 + ((body * 10 + rng.below(10) as i64) % n_people)),
                        None,
                    )
                };
                let priority = ["low", "normal", "normal", "high", "urgent"][rng.below(5) as usize];
                let title = sentence(&mut rng, 50);
                let description = sentence(&mut rng, 250);
                ins.execute(params![
                    id,
                    body,
                    res,
                    title,
                    description,
                    assignee,
                    unit,
                    due.to_string(),
                    status,
                    priority,
                    percent,
                    done_on.map(|d| d.to_string()),
                    date.to_string()
                ])?;
                fts.execute(params![
                    4 * (1i64 << 40) + id,
                    normalize_for_search(&format!("{title} {description}")),
                    body
                ])?;
            }
            made = end;
        }
        tx.commit()?;
    }
    let actor = store.actor.clone();
    store.write(|tx| {
        crate::store::audit::record(
            tx,
            &actor,
            "generate",
            "database",
            None,
            None,
            Some(&format!("{{\"scale\":{scale}}}")),
        )
    })?;
    store.conn.execute_batch(
        "PRAGMA synchronous = FULL; PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE);",
    )?;
    Ok(format!(
        "scale {scale}: {n_bodies} bodies, {n_people} people, {} sessions, {} resolutions, {made} tasks",
        sessions.len(),
        resolutions.len()
    ))
}
