//! Demo data: `data/demo.toml` (people, bodies, members, topics with their resolutions
//! and tasks, policies) laid on a timeline that ends today, so something is always
//! overdue; and a generator of large databases for benchmarks (`--scale`).

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Deserialize;

use crate::locale::calendar::{from_jalali, to_jalali};
use crate::locale::{Calendar, Lang};
use crate::model::evaluation::NewCriterion;
use crate::model::plans::{Period, PeriodKind, PolicyLink};
use crate::model::rules::{MeetingRule, QuorumRule};
use crate::model::*;
use crate::store::evaluation::{NewChecklist, NewVisit};
use crate::store::plans::{NewIndicator, NewMeasurement, NewPolicy};
use crate::store::write::*;
use crate::store::{Result, Store, StoreError};

/// The demo data, compiled into the binary so `shura demo` works from anywhere.
pub const DEMO_TOML: &str = include_str!("../../data/demo.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoData {
    pub person: Vec<DemoPerson>,
    pub body: Vec<DemoBody>,
    #[serde(default)]
    pub goal: Vec<DemoGoal>,
    #[serde(default)]
    pub policy: Vec<DemoPolicy>,
    #[serde(default)]
    pub checklist: Vec<DemoChecklist>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoPerson {
    pub key: String,
    pub fa: String,
    pub en: String,
    pub login: Option<String>,
    pub organization_fa: Option<String>,
    pub organization_en: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoBody {
    pub key: String,
    pub fa: String,
    pub en: String,
    pub kind: String,
    pub parent: Option<String>,
    pub quorum: String,
    /// A voting-rule preset or parts (see `model::voting::VotingRule::parse`).
    #[serde(default)]
    pub voting_rule: String,
    #[serde(default)]
    pub meeting_rule: String,
    pub resolution_format: String,
    pub sessions: u32,
    #[serde(default)]
    pub missed_months: Vec<u32>,
    pub formed_months_ago: Option<u32>,
    pub place_fa: String,
    pub place_en: String,
    #[serde(default)]
    pub template_fa: Vec<String>,
    #[serde(default)]
    pub template_en: Vec<String>,
    #[serde(default)]
    pub member: Vec<DemoMember>,
    #[serde(default)]
    pub guest: Vec<DemoGuest>,
    #[serde(default)]
    pub topic: Vec<DemoTopic>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoMember {
    pub person: String,
    pub role: String,
    pub voting: Option<bool>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoGuest {
    pub fa: String,
    pub en: String,
    pub organization_fa: Option<String>,
    pub organization_en: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoTopic {
    pub fa: String,
    pub en: String,
    pub presenter: Option<String>,
    pub minutes_fa: Option<String>,
    pub minutes_en: Option<String>,
    pub resolution_fa: Option<String>,
    pub resolution_en: Option<String>,
    pub decision: Option<String>,
    pub vote: Option<String>,
    pub owner: Option<String>,
    #[serde(default)]
    pub task: Vec<DemoTask>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoTask {
    pub fa: String,
    pub en: String,
    pub assignee: Option<String>,
    pub unit_fa: Option<String>,
    pub unit_en: Option<String>,
    pub days: i64,
    pub priority: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoPolicy {
    pub body: String,
    /// The key of one of the body's goals.
    pub goal: Option<String>,
    pub fa: String,
    pub en: String,
    pub description_fa: Option<String>,
    pub description_en: Option<String>,
    /// The English title of the body's topic whose resolution (and first task) serve
    /// the policy.
    pub link_topic: Option<String>,
    #[serde(default)]
    pub indicator: Vec<DemoIndicator>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoGoal {
    pub body: String,
    pub key: String,
    pub fa: String,
    pub en: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoChecklist {
    pub body: String,
    pub fa: String,
    pub en: String,
    pub scale: i64,
    pub every: String,
    pub units_fa: Vec<String>,
    pub units_en: Vec<String>,
    pub criterion: Vec<DemoCriterion>,
    #[serde(default)]
    pub visit: Vec<DemoVisit>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoCriterion {
    pub fa: String,
    pub en: String,
    pub weight: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoVisit {
    /// The unit's number in the checklist's list, from 1.
    pub unit: usize,
    /// 1: the quarter before the last complete one; 2: the last complete one.
    pub round: u32,
    /// Days after the quarter's first day.
    pub day: i64,
    pub visitors: Vec<String>,
    /// One score per criterion, in the checklist's order.
    pub scores: Vec<f64>,
    #[serde(default)]
    pub finding: Vec<DemoFinding>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoFinding {
    /// The criterion's number, from 1.
    pub criterion: usize,
    pub fa: String,
    pub en: String,
    /// Made a follow-up task of the body, due `days` after the visit.
    #[serde(default)]
    pub task: bool,
    #[serde(default)]
    pub days: i64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemoIndicator {
    pub fa: String,
    pub en: String,
    pub unit_fa: Option<String>,
    pub unit_en: Option<String>,
    pub baseline: Option<f64>,
    pub target: f64,
    pub higher_is_better: bool,
    pub values: Vec<f64>,
    pub source_fa: Option<String>,
    pub source_en: Option<String>,
}

/// Reads the demo data file.
pub fn parse_demo(text: &str) -> Result<DemoData> {
    toml::from_str(text).map_err(|e| {
        StoreError::Refused(crate::store::Refusal::DemoData {
            detail: e.to_string(),
        })
    })
}

/// A small deterministic mixer, so the demo is the same on every run.
fn mix(a: u64, b: u64) -> u64 {
    let mut x = a.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ b.wrapping_add(0xBF58_476D_1CE4_E5B9);
    x ^= x >> 31;
    x = x.wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 29)
}

/// Moves a date off the Iranian weekend (Thursday afternoon and Friday) to Saturday.
fn working_day(d: NaiveDate) -> NaiveDate {
    match d.weekday() {
        Weekday::Thu => d + Duration::days(2),
        Weekday::Fri => d + Duration::days(1),
        _ => d,
    }
}

fn pick<'a>(lang: Lang, fa: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Fa => fa,
        Lang::En => en,
    }
}

fn pick_opt(lang: Lang, fa: &Option<String>, en: &Option<String>) -> Option<String> {
    match lang {
        Lang::Fa => fa.clone().or(en.clone()),
        Lang::En => en.clone().or(fa.clone()),
    }
}

/// When each session of a body takes place: statutory months first (skipping the
/// missed ones in the last completed year, where an extraordinary session is held
/// instead, which does not count), then the rest spread over two years; the last
/// non-statutory session lies ahead, so every body has one upcoming.
fn session_dates(
    b: &DemoBody,
    rule: &MeetingRule,
    formed: NaiveDate,
    today: NaiveDate,
) -> Vec<(NaiveDate, SessionKind)> {
    let mut out: Vec<(NaiveDate, SessionKind)> = Vec::new();
    let months: Vec<u32> = match rule {
        MeetingRule::None => vec![],
        MeetingRule::Monthly => (1..=12).collect(),
        MeetingRule::JalaliMonths(m) => m.clone(),
    };
    if !months.is_empty() {
        let this_year = to_jalali(today).year;
        // The last completed occurrence of each missed month.
        let mut missed: Vec<(i32, u32)> = Vec::new();
        for &m in &b.missed_months {
            for y in (this_year - 2..=this_year).rev() {
                if let Some(end) = from_jalali(y, m, 29) {
                    if end < today {
                        missed.push((y, m));
                        break;
                    }
                }
            }
        }
        for y in to_jalali(formed).year..=this_year + 1 {
            for &m in &months {
                let Some(first) = from_jalali(y, m, 1) else {
                    continue;
                };
                if first < formed {
                    continue;
                }
                let day = 8 + (mix(b.key.len() as u64, (y as u64) * 13 + u64::from(m)) % 12) as u32;
                let Some(d) = from_jalali(y, m, day).map(working_day) else {
                    continue;
                };
                if d > today + Duration::days(45) {
                    continue;
                }
                if missed.contains(&(y, m)) {
                    out.push((d + Duration::days(5), SessionKind::Extraordinary));
                } else {
                    out.push((d, SessionKind::Regular));
                }
            }
        }
    }
    let statutory = out.len() as u32;
    let rest = b.sessions.saturating_sub(statutory);
    let kind = if statutory > 0 {
        SessionKind::Extraordinary
    } else {
        SessionKind::Regular
    };
    // The newest sessions: one held recently (its tasks are mostly not yet due) and,
    // for bodies without a statute, one coming up; the others spread over two years.
    let jitter = mix(b.key.len() as u64, b.key.bytes().map(u64::from).sum());
    let mut recent = Vec::new();
    if rest >= 1 {
        recent.push(today - Duration::days(6 + (jitter % 15) as i64));
    }
    if rest >= 2 && statutory == 0 {
        recent.push(today + Duration::days(4 + (jitter % 20) as i64));
    }
    let spread = rest.saturating_sub(recent.len() as u32);
    let span_start = formed.max(today - Duration::days(700));
    let span_end = today - Duration::days(35);
    let span = (span_end - span_start).num_days().max(1);
    for i in 0..spread {
        let offset = span * i64::from(i) / i64::from(spread.max(1));
        out.push((working_day(span_start + Duration::days(offset)), kind));
    }
    for d in recent {
        out.push((working_day(d), kind));
    }
    out.sort_by_key(|(d, _)| *d);
    out.dedup_by_key(|(d, _)| *d);
    out
}

/// Fills an empty database with the demo data in the given language.
pub fn load_demo(store: &mut Store, lang: Lang, today: NaiveDate) -> Result<String> {
    let data = parse_demo(DEMO_TOML)?;
    let (summary, to_approve) = store.unsynced(|store| load(store, &data, lang, today))?;
    // The past sessions' minutes are approved as a chair approves them, through ops, so
    // the demo's approved minutes are stored and checked like any others.
    let mut ctx = crate::ops::Context::new(
        Store::open(&store.path, store.actor.clone())?,
        crate::locale::Prefs {
            lang,
            ..Default::default()
        },
    );
    for sid in to_approve {
        crate::ops::approval::approve(&mut ctx, sid)?;
    }
    Ok(summary)
}

/// Loads the demo; gives its summary and the sessions whose minutes are to be approved.
fn load(
    store: &mut Store,
    data: &DemoData,
    lang: Lang,
    today: NaiveDate,
) -> Result<(String, Vec<i64>)> {
    let mut to_approve = Vec::new();
    use std::collections::HashMap;
    let mut people: HashMap<&str, i64> = HashMap::new();
    for p in &data.person {
        let id = store.add_person(&NewPerson {
            name: Name::new(Some(p.fa.clone()), Some(p.en.clone())),
            login: p.login.clone(),
            organization: pick_opt(lang, &p.organization_fa, &p.organization_en),
            email: None,
        })?;
        people.insert(p.key.as_str(), id);
    }
    let person = |key: &str| -> Result<i64> {
        people
            .get(key)
            .copied()
            .ok_or_else(|| StoreError::NotFound {
                what: Entity::DemoPerson,
                key: key.to_string(),
            })
    };
    let mut bodies: HashMap<&str, i64> = HashMap::new();
    // The first resolution of each (body, topic) and its first task, for policy links.
    let mut topic_outcomes: HashMap<(&str, &str), (i64, Option<i64>)> = HashMap::new();
    let (mut n_sessions, mut n_items, mut n_resolutions, mut n_tasks) = (0, 0, 0, 0);
    for b in &data.body {
        let formed = today - Duration::days(i64::from(b.formed_months_ago.unwrap_or(30)) * 30);
        let rule = MeetingRule::parse(&b.meeting_rule)?;
        let template = match lang {
            Lang::Fa => b.template_fa.clone(),
            Lang::En => b.template_en.clone(),
        };
        let parent_id = match &b.parent {
            Some(p) => Some(*bodies.get(p.as_str()).ok_or_else(|| StoreError::NotFound {
                what: Entity::DemoParentBody,
                key: p.clone(),
            })?),
            None => None,
        };
        let body_id = store.add_body(&NewBody {
            name: Name::new(Some(b.fa.clone()), Some(b.en.clone())),
            kind: BodyKind::parse(&b.kind)?,
            parent_id,
            quorum: QuorumRule::parse(&b.quorum)?,
            meeting_rule: rule.clone(),
            resolution_format: b.resolution_format.clone(),
            agenda_template: template,
            confidential: false,
            formed_on: Some(formed),
            procedure: crate::model::voting::Procedure {
                voting_rule: crate::model::voting::VotingRule::parse(&b.voting_rule)?,
                second_required: false,
                number_rejected: false,
            },
            agenda_closing: Vec::new(),
            number_per_term: false,
            fiscal_year: Default::default(),
            signing: Default::default(),
            law_profile: Default::default(),
            absence_rule: Default::default(),
        })?;
        bodies.insert(b.key.as_str(), body_id);
        let mut members: Vec<(i64, bool)> = Vec::new();
        for m in &b.member {
            let role = Role::parse(&m.role)?;
            let voting = m.voting.unwrap_or(role != Role::Observer);
            let pid = person(&m.person)?;
            store.add_membership(&NewMembership {
                body_id,
                person_id: pid,
                role,
                voting,
                term_start: Some(formed),
                term_end: None,
            })?;
            members.push((pid, voting));
        }
        let place = pick(lang, &b.place_fa, &b.place_en).to_string();
        let mut topic_index = 0usize;
        let mut past_sessions: Vec<(i64, NaiveDate)> = Vec::new();
        // Tasks still open, with their due date, to report on at later sessions.
        let mut open_tasks: Vec<(i64, NaiveDate, NaiveDate, u64)> = Vec::new();
        let dates = session_dates(b, &rule, formed, today);
        for (si, (date, kind)) in dates.iter().enumerate() {
            let upcoming = *date > today;
            let session = store.add_session(&NewSession {
                body_id,
                kind: *kind,
                date: *date,
                start_time: Some(if si % 2 == 0 { "09:00" } else { "14:30" }.to_string()),
                end_time: None,
                place: Some(place.clone()),
                prepare_agenda: true,
                number: None,
            })?;
            n_sessions += 1;
            let seed = mix(body_id as u64, si as u64);
            // Guests to some sessions.
            if !b.guest.is_empty() && seed.is_multiple_of(2) {
                let g = &b.guest[si % b.guest.len()];
                store.add_guest(
                    session.id,
                    pick(lang, &g.fa, &g.en),
                    pick_opt(lang, &g.organization_fa, &g.organization_en),
                )?;
            }
            let n_topics = 2 + (seed % 3) as usize;
            let mut topic_items = Vec::new();
            for _ in 0..n_topics.min(b.topic.len()) {
                let topic = &b.topic[topic_index % b.topic.len()];
                let round = topic_index / b.topic.len().max(1);
                topic_index += 1;
                let mut title = pick(lang, &topic.fa, &topic.en).to_string();
                if round > 0 {
                    title = match lang {
                        Lang::Fa => format!(
                            "{title} (مرحله {})",
                            crate::locale::digits::to_persian_digits(&(round + 1).to_string())
                        ),
                        Lang::En => format!("{title} (stage {})", round + 1),
                    };
                }
                let presenter = topic
                    .presenter
                    .as_deref()
                    .and_then(|k| data.person.iter().find(|p| p.key == k))
                    .map(|p| pick(lang, &p.fa, &p.en).to_string());
                let item = store.add_agenda_item(&NewAgendaItem {
                    session_id: session.id,
                    title,
                    presenter,
                    duration_min: Some(15 + (mix(seed, topic_index as u64) % 4) as i64 * 10),
                    ..Default::default()
                })?;
                topic_items.push((item, topic, round));
            }
            n_items += store.agenda(session.id)?.len();
            if upcoming {
                continue;
            }
            // Roll call.
            let mut present_voting = 0;
            for (k, (pid, voting)) in members.iter().enumerate() {
                let r = mix(seed, k as u64) % 20;
                let presence = match r {
                    0 => Presence::Absent,
                    1 => Presence::Excused,
                    2 => Presence::Late,
                    3 => Presence::Remote,
                    _ => Presence::Present,
                };
                if *voting && presence != Presence::Absent && presence != Presence::Excused {
                    present_voting += 1;
                }
                store.set_attendance(session.id, *pid, presence)?;
            }
            // Minutes of standing and carried-over items, and the review of open tasks.
            for item in store.agenda(session.id)? {
                if topic_items.iter().any(|(id, _, _)| *id == item.id) {
                    continue;
                }
                let text = if item.is_review {
                    match lang {
                        Lang::Fa => "گزارش پیشرفت مصوبات و پیگیری‌های باز جلسات قبل ارائه و وضعیت هر مورد ثبت شد.",
                        Lang::En => "Progress on the open resolutions and follow-up tasks of earlier sessions was reported and recorded item by item.",
                    }
                } else {
                    match lang {
                        Lang::Fa => "گزارش ارائه شد و اعضا نکات خود را مطرح کردند.",
                        Lang::En => "The report was presented and members raised their points.",
                    }
                };
                store.set_minutes(item.id, text, None)?;
            }
            // Progress on open tasks, reviewed at this session.
            let mut still_open = Vec::new();
            for (task_id, due, created, tseed) in open_tasks.drain(..) {
                if created >= *date {
                    still_open.push((task_id, due, created, tseed));
                    continue;
                }
                let finishes = tseed % 10 < 7;
                let finish_day = due - Duration::days((tseed % 20) as i64)
                    + Duration::days((tseed % 7) as i64 * 3);
                if finishes && finish_day <= *date && finish_day <= today {
                    store.update_task(&TaskProgress {
                        task_id,
                        status: Some(WorkStatus::Done),
                        percent: Some(100),
                        note: match lang {
                            Lang::Fa => "انجام شد و گزارش آن به دبیرخانه رسید.".into(),
                            Lang::En => "Completed; the report reached the secretariat.".into(),
                        },
                        session_id: Some(session.id),
                        due: None,
                        on: Some(finish_day.max(created)),
                        expected_version: None,
                    })?;
                } else {
                    let span = (due - created).num_days().max(1);
                    let elapsed = (*date - created).num_days().clamp(0, span * 2);
                    let pct = (elapsed * 90 / span).clamp(10, 90);
                    let pct = pct - pct % 5;
                    store.update_task(&TaskProgress {
                        task_id,
                        status: Some(WorkStatus::InProgress),
                        percent: Some(pct),
                        note: match lang {
                            Lang::Fa => format!(
                                "پیشرفت {} درصد؛ پیگیری ادامه دارد.",
                                crate::locale::digits::to_persian_digits(&pct.to_string())
                            ),
                            Lang::En => format!("{pct}% done; follow-up continues."),
                        },
                        session_id: Some(session.id),
                        due: None,
                        on: Some(*date),
                        expected_version: None,
                    })?;
                    still_open.push((task_id, due, created, tseed));
                }
            }
            open_tasks = still_open;
            for (item_id, topic, round) in &topic_items {
                let minutes =
                    pick_opt(lang, &topic.minutes_fa, &topic.minutes_en).unwrap_or_default();
                if !minutes.is_empty() {
                    store.set_minutes(*item_id, &minutes, None)?;
                }
                let Some(text) = pick_opt(lang, &topic.resolution_fa, &topic.resolution_en) else {
                    continue;
                };
                let decision = match &topic.decision {
                    Some(d) => Decision::parse(d)?,
                    None => Decision::Adopted,
                };
                if decision == Decision::Deferred {
                    store.set_agenda_status(*item_id, AgendaStatus::Deferred)?;
                }
                let tally = match topic.vote.as_deref() {
                    Some("unanimous") | None => Some(Tally {
                        yes: present_voting,
                        no: 0,
                        abstain: 0,
                    }),
                    Some(v) => Some(crate::model::rules::parse_tally(v)?),
                };
                let owner = topic
                    .owner
                    .as_deref()
                    .and_then(|k| data.person.iter().find(|p| p.key == k))
                    .map(|p| pick(lang, &p.fa, &p.en).to_string());
                let r = store.add_resolution(&NewResolution {
                    body_id,
                    session_id: Some(session.id),
                    agenda_item_id: Some(*item_id),
                    text,
                    decision,
                    tally,
                    votes: vec![],
                    owner,
                    due: topic
                        .task
                        .iter()
                        .map(|t| t.days)
                        .max()
                        .map(|d| *date + Duration::days(d)),
                    created_on: Some(*date),
                    number: None,
                })?;
                n_resolutions += 1;
                topic_outcomes
                    .entry((b.key.as_str(), topic.en.as_str()))
                    .or_insert((r.id, None));
                if decision != Decision::Adopted {
                    continue;
                }
                for (ti, t) in topic.task.iter().enumerate() {
                    let assignee_id = match &t.assignee {
                        Some(k) => Some(person(k)?),
                        None => None,
                    };
                    let due = *date + Duration::days(t.days + (*round as i64) * 7);
                    let id = store.add_task(&NewTask {
                        body_id: Some(body_id),
                        resolution_id: Some(r.id),
                        agenda_item_id: Some(*item_id),
                        title: pick(lang, &t.fa, &t.en).to_string(),
                        description: None,
                        assignee_id,
                        assignee_unit: if assignee_id.is_none() {
                            pick_opt(lang, &t.unit_fa, &t.unit_en)
                        } else {
                            None
                        },
                        due: Some(due),
                        priority: match &t.priority {
                            Some(p) => Priority::parse(p)?,
                            None => Priority::Normal,
                        },
                        created_on: Some(*date),
                    })?;
                    n_tasks += 1;
                    if let Some((rid, task @ None)) =
                        topic_outcomes.get_mut(&(b.key.as_str(), topic.en.as_str()))
                    {
                        if *rid == r.id {
                            *task = Some(id);
                        }
                    }
                    open_tasks.push((id, due, *date, mix(r.id as u64, ti as u64)));
                }
            }
            past_sessions.push((session.id, *date));
        }
        // Tasks nobody reviewed at a session: some were finished between sessions.
        for (task_id, due, created, tseed) in open_tasks {
            let finish_day = due - Duration::days((tseed % 15) as i64);
            if tseed % 10 < 4 && finish_day <= today && finish_day > created {
                store.update_task(&TaskProgress {
                    task_id,
                    status: Some(WorkStatus::Done),
                    percent: Some(100),
                    note: String::new(),
                    session_id: None,
                    due: None,
                    on: Some(finish_day),
                    expected_version: None,
                })?;
            }
        }
        // Resolution status follows its tasks.
        store.settle_resolution_statuses(body_id)?;
        // Close every past session; approve all but the latest.
        let last = past_sessions.len().saturating_sub(1);
        for (i, (sid, _)) in past_sessions.iter().enumerate() {
            store.set_session_status(*sid, SessionStatus::Open)?;
            store.set_session_status(*sid, SessionStatus::Closed)?;
            if i < last {
                to_approve.push(*sid);
            }
        }
    }
    let body_of = |key: &str| -> Result<i64> {
        bodies
            .get(key)
            .copied()
            .ok_or_else(|| StoreError::NotFound {
                what: Entity::DemoPolicyBody,
                key: key.to_string(),
            })
    };
    let mut goals: HashMap<(&str, &str), i64> = HashMap::new();
    for g in &data.goal {
        let goal = store.add_goal(body_of(&g.body)?, pick(lang, &g.fa, &g.en))?;
        goals.insert((g.body.as_str(), g.key.as_str()), goal.id);
    }
    // The last complete Jalali quarters, oldest first, as the demo's measurements and
    // visits fall in them.
    let last_quarter = Period::containing(today, PeriodKind::Quarter, Calendar::Jalali).previous();
    for p in &data.policy {
        let body_id = body_of(&p.body)?;
        let goal_id = match &p.goal {
            Some(k) => Some(*goals.get(&(p.body.as_str(), k.as_str())).ok_or_else(|| {
                StoreError::NotFound {
                    what: Entity::Goal,
                    key: k.clone(),
                }
            })?),
            None => None,
        };
        let policy = store.add_policy_with(&NewPolicy {
            body_id,
            title: pick(lang, &p.fa, &p.en).to_string(),
            goal_id,
            description: pick_opt(lang, &p.description_fa, &p.description_en).unwrap_or_default(),
        })?;
        if let Some(topic) = &p.link_topic {
            if let Some((rid, task)) = topic_outcomes.get(&(p.body.as_str(), topic.as_str())) {
                store.link_policy(policy.id, PolicyLink::Resolution(*rid))?;
                if let Some(t) = task {
                    store.link_policy(policy.id, PolicyLink::Task(*t))?;
                }
            }
        }
        for ind in &p.indicator {
            let indicator = store.add_indicator_with(&NewIndicator {
                policy_id: policy.id,
                name: pick(lang, &ind.fa, &ind.en).to_string(),
                unit: pick_opt(lang, &ind.unit_fa, &ind.unit_en),
                target: ind.target,
                baseline: ind.baseline,
                higher_is_better: ind.higher_is_better,
                period: PeriodKind::Quarter,
                calendar: Some(Calendar::Jalali),
            })?;
            let source = pick_opt(lang, &ind.source_fa, &ind.source_en).unwrap_or_default();
            let mut period = last_quarter;
            let mut periods = Vec::new();
            for _ in 0..ind.values.len() {
                periods.push(period);
                period = period.previous();
            }
            periods.reverse();
            for (period, value) in periods.iter().zip(&ind.values) {
                store.record_measurement(&NewMeasurement {
                    indicator_id: indicator.id,
                    period: period.code(),
                    value: *value,
                    source: source.clone(),
                    note: String::new(),
                })?;
            }
        }
    }
    let mut n_visits = 0;
    for c in &data.checklist {
        let body_id = body_of(&c.body)?;
        let units = match lang {
            Lang::Fa => &c.units_fa,
            Lang::En => &c.units_en,
        };
        let checklist = store.add_checklist(&NewChecklist {
            body_id,
            title: pick(lang, &c.fa, &c.en).to_string(),
            scale_max: c.scale,
            every: PeriodKind::parse(&c.every)?,
            criteria: c
                .criterion
                .iter()
                .map(|k| NewCriterion {
                    name: pick(lang, &k.fa, &k.en).to_string(),
                    weight: k.weight,
                })
                .collect(),
            units: units.clone(),
        })?;
        let rounds = [last_quarter.previous(), last_quarter];
        for v in &c.visit {
            let unit = units
                .get(v.unit.wrapping_sub(1))
                .ok_or_else(|| StoreError::NotFound {
                    what: Entity::Unit,
                    key: v.unit.to_string(),
                })?;
            let quarter = rounds[usize::from(v.round >= 2)];
            let start = quarter.start().unwrap_or(today);
            let on = working_day(start + Duration::days(v.day)).min(today);
            let visitors = v
                .visitors
                .iter()
                .map(|k| person(k))
                .collect::<Result<Vec<_>>>()?;
            let visit = store.add_visit(&NewVisit {
                checklist_id: checklist.id,
                unit: unit.clone(),
                visited_on: on,
                visitors,
                note: String::new(),
            })?;
            n_visits += 1;
            for (criterion, score) in checklist.criteria.iter().zip(&v.scores) {
                let finding = v
                    .finding
                    .iter()
                    .find(|f| f.criterion == criterion.position as usize)
                    .map(|f| pick(lang, &f.fa, &f.en));
                store.set_score(visit.id, criterion.id, *score, finding)?;
            }
            for f in v.finding.iter().filter(|f| f.task) {
                let Some(criterion) = checklist.criteria.get(f.criterion.wrapping_sub(1)) else {
                    continue;
                };
                store.finding_to_task(
                    visit.id,
                    criterion.id,
                    &NewTask {
                        body_id: Some(body_id),
                        resolution_id: None,
                        agenda_item_id: None,
                        title: String::new(),
                        description: None,
                        assignee_id: None,
                        assignee_unit: Some(unit.clone()),
                        due: Some(on + Duration::days(f.days)),
                        priority: Priority::High,
                        created_on: Some(on),
                    },
                )?;
                n_tasks += 1;
            }
        }
    }
    Ok((
        format!(
            "demo loaded: {} people, {} bodies, {n_sessions} sessions, {n_items} agenda items, {n_resolutions} resolutions, {n_tasks} tasks, {} policies, {n_visits} visits",
            data.person.len(),
            data.body.len(),
            data.policy.len()
        ),
        to_approve,
    ))
}

pub mod scale;
pub use scale::generate_scale;
