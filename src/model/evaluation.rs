//! Evaluations: a body's checklists (criteria with weights, scored on a scale from 0
//! to its maximum), the units they evaluate (districts, departments) and the field
//! visits that fill them in, a score and a finding per criterion.
//!
//! A visit's score is the weighted mean of its criteria's scores over the scale, in
//! percent: Σ weight × score ÷ Σ weight × scale_max × 100, over the criteria scored
//! (a visit not yet scored on every criterion is marked incomplete). A unit's standing
//! is its latest visit's score, and its trend against the visit before. A unit is due
//! for a visit a period (the checklist's: a month, a quarter or a year) after its last
//! visit, and overdue past that day; a unit never visited is due from the day it was
//! listed, which is overdue at once.

use chrono::NaiveDate;
use serde::Serialize;

use super::plans::{parse_number, Direction, PeriodKind};
use crate::locale::calendar::add_months;
use crate::locale::digits::localize_digits;
use crate::locale::normalize::normalize_for_search;
use crate::locale::strings::{tf, Msg};
use crate::locale::{Calendar, Lang};
use crate::model::{check_text, Entity, Expected, InvalidValue, MAX_TITLE};

/// One criterion of a checklist.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Criterion {
    pub id: i64,
    pub checklist_id: i64,
    /// 1, 2, 3… in the checklist.
    pub position: i64,
    pub name: String,
    pub weight: f64,
}

/// A checklist with its criteria and units.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Checklist {
    pub id: i64,
    pub body_id: i64,
    pub title: String,
    /// Scores run from 0 to this.
    pub scale_max: i64,
    /// How often each unit is to be visited.
    pub every: PeriodKind,
    pub criteria: Vec<Criterion>,
    /// The units it evaluates, as typed.
    pub units: Vec<String>,
    pub version: i64,
}

impl Checklist {
    /// A criterion by its position (`2`, `۲`) or its name (normalized for search:
    /// exact first, then the one name that contains it).
    pub fn criterion(&self, key: &str) -> Option<&Criterion> {
        let latin = crate::locale::digits::to_latin_digits(key.trim());
        if let Ok(n) = latin.parse::<i64>() {
            return self.criteria.iter().find(|c| c.position == n);
        }
        let wanted = normalize_for_search(key);
        if wanted.is_empty() {
            return None;
        }
        if let Some(c) = self
            .criteria
            .iter()
            .find(|c| normalize_for_search(&c.name) == wanted)
        {
            return Some(c);
        }
        let mut containing = self
            .criteria
            .iter()
            .filter(|c| normalize_for_search(&c.name).contains(&wanted));
        match (containing.next(), containing.next()) {
            (Some(c), None) => Some(c),
            _ => None,
        }
    }
}

/// A criterion as typed for a new checklist: `NAME:WEIGHT`, or `NAME` (weight 1).
#[derive(Debug, Clone, PartialEq)]
pub struct NewCriterion {
    pub name: String,
    pub weight: f64,
}

/// Reads `NAME:WEIGHT` (Persian digits, `٫`, and the Persian or full-width colon too);
/// the weight is after the last colon, a number above 0.
pub fn parse_criterion(typed: &str) -> Result<NewCriterion, InvalidValue> {
    let t = typed.trim();
    let split = t
        .char_indices()
        .filter(|(_, c)| matches!(c, ':' | '：'))
        .map(|(i, c)| (i, c.len_utf8()))
        .next_back();
    let (name, weight) = match split {
        Some((i, len)) => {
            let w = &t[i + len..];
            let weight = parse_number(Entity::Weight, w).map_err(|_| bad_criterion(typed))?;
            (&t[..i], weight)
        }
        None => (t, 1.0),
    };
    if weight <= 0.0 {
        return Err(bad_criterion(typed));
    }
    let name =
        check_text(Entity::CriterionName, name, MAX_TITLE).map_err(|_| bad_criterion(typed))?;
    Ok(NewCriterion { name, weight })
}

fn bad_criterion(typed: &str) -> InvalidValue {
    InvalidValue {
        what: Entity::Criterion,
        value: typed.to_string(),
        expected: Expected::msg(Msg::ExpectedCriterion),
    }
}

/// The key a unit's name is compared by (normalized for search: «منطقه ۲» and
/// "منطقه 2" are one unit).
pub fn unit_key(unit: &str) -> String {
    normalize_for_search(unit)
}

/// A score typed for a criterion: a number from 0 to the scale's maximum.
pub fn check_score(typed: &str, scale_max: i64) -> Result<f64, InvalidValue> {
    let bad = || InvalidValue {
        what: Entity::Score,
        value: typed.to_string(),
        expected: Expected::with(Msg::ExpectedScore, &[&scale_max.to_string()]),
    };
    let v = parse_number(Entity::Score, typed).map_err(|_| bad())?;
    if v < 0.0 || v > scale_max as f64 {
        return Err(bad());
    }
    Ok(v)
}

/// One criterion's score on a visit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    pub criterion_id: i64,
    pub score: f64,
    pub finding: String,
    /// The follow-up task the finding became.
    pub task_id: Option<i64>,
}

/// A field visit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Visit {
    pub id: i64,
    pub checklist_id: i64,
    pub body_id: i64,
    pub unit: String,
    pub visited_on: NaiveDate,
    pub note: String,
    /// The visitors' person ids.
    pub visitors: Vec<i64>,
    pub scores: Vec<Score>,
    pub created_by: String,
    pub version: i64,
}

/// A visit's score, in percent of the best, over the criteria scored.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct VisitScore {
    pub percent: f64,
    /// How many of the checklist's criteria were scored.
    pub scored: usize,
    pub criteria: usize,
}

impl VisitScore {
    pub fn complete(&self) -> bool {
        self.scored == self.criteria
    }
}

/// The weighted score of a visit (`None` before any criterion is scored).
pub fn visit_score(criteria: &[Criterion], scores: &[Score], scale_max: i64) -> Option<VisitScore> {
    let mut got = 0.0;
    let mut best = 0.0;
    let mut scored = 0;
    for c in criteria {
        if let Some(s) = scores.iter().find(|s| s.criterion_id == c.id) {
            got += c.weight * s.score;
            best += c.weight * scale_max as f64;
            scored += 1;
        }
    }
    (scored > 0 && best > 0.0).then(|| VisitScore {
        percent: got / best * 100.0,
        scored,
        criteria: criteria.len(),
    })
}

/// The day a unit is next due for a visit: a period after its last one.
pub fn next_due(last: NaiveDate, every: PeriodKind, calendar: Calendar) -> NaiveDate {
    add_months(last, i64::from(every.months()), calendar).unwrap_or(last)
}

/// A unit's line on the scoreboard.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitStanding {
    pub checklist_id: i64,
    pub body_id: i64,
    pub unit: String,
    pub last_visit_id: Option<i64>,
    pub last_visited: Option<NaiveDate>,
    /// The latest visit's score in percent.
    pub score: Option<f64>,
    pub complete: bool,
    pub previous_score: Option<f64>,
    /// Better, worse or the same as the visit before (higher is better).
    pub trend: Option<Direction>,
    pub visits: usize,
    /// The day it is due for its next visit (none for a unit never listed nor visited).
    pub due: Option<NaiveDate>,
    /// Days past due, when overdue.
    pub days_overdue: Option<i64>,
}

/// The standing of one unit from its visits' scores (oldest first: (visit, date,
/// score)) and the day it was listed.
pub fn standing(
    checklist: &Checklist,
    unit: &str,
    visits: &[(i64, NaiveDate, Option<VisitScore>)],
    calendar: Calendar,
    today: NaiveDate,
) -> UnitStanding {
    standing_of_recent(checklist, unit, visits, visits.len(), calendar, today)
}

/// [`standing`] from a unit's most recent visits only (oldest first; the last two
/// scored ones are what it reads) and its count of visits in all.
pub fn standing_of_recent(
    checklist: &Checklist,
    unit: &str,
    visits: &[(i64, NaiveDate, Option<VisitScore>)],
    total_visits: usize,
    calendar: Calendar,
    today: NaiveDate,
) -> UnitStanding {
    let last = visits.last();
    let scored: Vec<&(i64, NaiveDate, Option<VisitScore>)> =
        visits.iter().filter(|v| v.2.is_some()).collect();
    let latest_scored = scored.last().and_then(|v| v.2);
    let previous_scored = scored
        .len()
        .checked_sub(2)
        .and_then(|i| scored.get(i))
        .and_then(|v| v.2);
    let trend = match (latest_scored, previous_scored) {
        (Some(l), Some(p)) => Some(if (l.percent - p.percent).abs() < 1e-9 {
            Direction::Same
        } else if l.percent > p.percent {
            Direction::Better
        } else {
            Direction::Worse
        }),
        _ => None,
    };
    let due = match last {
        Some((_, d, _)) => Some(next_due(*d, checklist.every, calendar)),
        // Never visited: due now.
        None => Some(today),
    };
    let days_overdue = due.and_then(|d| {
        let late = (today - d).num_days();
        match last {
            None => Some(late.max(0)),
            Some(_) if late > 0 => Some(late),
            _ => None,
        }
    });
    UnitStanding {
        checklist_id: checklist.id,
        body_id: checklist.body_id,
        unit: unit.to_string(),
        last_visit_id: last.map(|v| v.0),
        last_visited: last.map(|v| v.1),
        score: latest_scored.map(|s| s.percent),
        complete: latest_scored.is_some_and(|s| s.complete()),
        previous_score: previous_scored.map(|s| s.percent),
        trend,
        visits: total_visits,
        due,
        days_overdue,
    }
}

/// Orders a scoreboard: units whose latest visit is fully scored first, best score
/// first; then those whose latest visit is still being scored (a half-scored visit
/// does not outrank finished ones); units not scored last; then by name.
pub fn rank(board: &mut [UnitStanding]) {
    let collator = crate::locale::collate::persian_collator();
    let class = |u: &UnitStanding| match (u.score, u.complete) {
        (Some(_), true) => 0,
        (Some(_), false) => 1,
        (None, _) => 2,
    };
    board.sort_by(|a, b| {
        class(a)
            .cmp(&class(b))
            .then_with(|| match (a.score, b.score) {
                (Some(x), Some(y)) => y.total_cmp(&x),
                _ => std::cmp::Ordering::Equal,
            })
            .then_with(|| collator.compare(&a.unit, &b.unit))
    });
}

/// Why an act of an evaluation is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EvaluationRefusal {
    /// The checklist has no criterion with that number or name.
    NoSuchCriterion { checklist: i64, key: String },
    /// A checklist needs at least one criterion.
    NoCriteria,
    /// Two criteria of one checklist have the same name.
    DuplicateCriterion { name: String },
    /// The finding to make a task of is empty.
    NoFinding { visit: i64, criterion: i64 },
    /// The finding is a task already.
    FindingHasTask { visit: i64, task: i64 },
    /// The criterion is not scored on the visit.
    NotScored { visit: i64, criterion: i64 },
    /// A criterion cannot be removed once visits scored it.
    CriterionScored { criterion: i64, visits: i64 },
    /// The scale cannot shrink below scores already given.
    ScaleBelowScores { scale: i64, highest: String },
}

impl EvaluationRefusal {
    pub fn code(&self) -> &'static str {
        match self {
            EvaluationRefusal::NoSuchCriterion { .. } => "no_such_criterion",
            EvaluationRefusal::NoCriteria => "checklist_without_criteria",
            EvaluationRefusal::DuplicateCriterion { .. } => "duplicate_criterion",
            EvaluationRefusal::NoFinding { .. } => "no_finding",
            EvaluationRefusal::FindingHasTask { .. } => "finding_has_task",
            EvaluationRefusal::NotScored { .. } => "criterion_not_scored",
            EvaluationRefusal::CriterionScored { .. } => "criterion_scored",
            EvaluationRefusal::ScaleBelowScores { .. } => "scale_below_scores",
        }
    }

    pub fn fields(&self) -> Vec<(&'static str, serde_json::Value)> {
        use serde_json::json;
        match self {
            EvaluationRefusal::NoSuchCriterion { checklist, key } => {
                vec![("checklist", json!(checklist)), ("key", json!(key))]
            }
            EvaluationRefusal::NoCriteria => vec![],
            EvaluationRefusal::DuplicateCriterion { name } => vec![("name", json!(name))],
            EvaluationRefusal::NoFinding { visit, criterion }
            | EvaluationRefusal::NotScored { visit, criterion } => {
                vec![("visit", json!(visit)), ("criterion", json!(criterion))]
            }
            EvaluationRefusal::FindingHasTask { visit, task } => {
                vec![("visit", json!(visit)), ("task", json!(task))]
            }
            EvaluationRefusal::CriterionScored { criterion, visits } => {
                vec![("criterion", json!(criterion)), ("visits", json!(visits))]
            }
            EvaluationRefusal::ScaleBelowScores { scale, highest } => {
                vec![("scale", json!(scale)), ("highest", json!(highest))]
            }
        }
    }
}

impl crate::locale::Localized for EvaluationRefusal {
    fn message(&self, lang: Lang) -> String {
        let n = |i: i64| localize_digits(&i.to_string(), lang);
        let q = |s: &str| crate::locale::text::sanitize(s).into_owned();
        match self {
            EvaluationRefusal::NoSuchCriterion { checklist, key } => tf(
                lang,
                Msg::RefusedNoSuchCriterion,
                &[&n(*checklist), &q(key)],
            ),
            EvaluationRefusal::NoCriteria => tf(lang, Msg::RefusedNoCriteria, &[]),
            EvaluationRefusal::DuplicateCriterion { name } => {
                tf(lang, Msg::RefusedDuplicateCriterion, &[&q(name)])
            }
            EvaluationRefusal::NoFinding { visit, criterion } => {
                tf(lang, Msg::RefusedNoFinding, &[&n(*criterion), &n(*visit)])
            }
            EvaluationRefusal::FindingHasTask { visit, task } => {
                tf(lang, Msg::RefusedFindingHasTask, &[&n(*visit), &n(*task)])
            }
            EvaluationRefusal::NotScored { visit, criterion } => {
                tf(lang, Msg::RefusedNotScored, &[&n(*criterion), &n(*visit)])
            }
            EvaluationRefusal::CriterionScored { criterion, visits } => tf(
                lang,
                Msg::RefusedCriterionScored,
                &[&n(*criterion), &n(*visits)],
            ),
            EvaluationRefusal::ScaleBelowScores { scale, highest } => tf(
                lang,
                Msg::RefusedScaleBelowScores,
                &[&n(*scale), &localize_digits(highest, lang)],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn checklist() -> Checklist {
        let c = |id, position, name: &str, weight| Criterion {
            id,
            checklist_id: 1,
            position,
            name: name.into(),
            weight,
        };
        Checklist {
            id: 1,
            body_id: 1,
            title: "ارزیابی مناطق".into(),
            scale_max: 5,
            every: PeriodKind::Quarter,
            criteria: vec![
                c(11, 1, "پاکیزگی معابر", 3.0),
                c(12, 2, "رسیدگی به شکایات", 2.0),
                c(13, 3, "ایمنی", 1.0),
            ],
            units: vec!["منطقه ۱".into()],
            version: 1,
        }
    }

    fn score(criterion_id: i64, score: f64) -> Score {
        Score {
            criterion_id,
            score,
            finding: String::new(),
            task_id: None,
        }
    }

    #[test]
    fn criteria_are_typed_name_colon_weight() {
        assert_eq!(
            parse_criterion("پاکیزگی معابر:۳"),
            Ok(NewCriterion {
                name: "پاکیزگی معابر".into(),
                weight: 3.0
            })
        );
        assert_eq!(
            parse_criterion("Response time: 1.5").map(|c| c.weight),
            Ok(1.5)
        );
        // The weight is after the last colon.
        assert_eq!(
            parse_criterion("Safety: fire exits:2").map(|c| c.name),
            Ok("Safety: fire exits".into())
        );
        assert_eq!(parse_criterion("Cleanliness").map(|c| c.weight), Ok(1.0));
        assert!(parse_criterion("Cleanliness:0").is_err());
        assert!(parse_criterion("Cleanliness:heavy").is_err());
        assert!(parse_criterion(":3").is_err());
    }

    #[test]
    fn criteria_found_by_number_or_name() {
        let c = checklist();
        assert_eq!(c.criterion("2").map(|c| c.id), Some(12));
        assert_eq!(c.criterion("۳").map(|c| c.id), Some(13));
        assert_eq!(c.criterion("شکایات").map(|c| c.id), Some(12));
        assert_eq!(c.criterion("ايمني").map(|c| c.id), Some(13));
        assert_eq!(c.criterion("9"), None);
        assert_eq!(c.criterion("budget"), None);
    }

    #[test]
    fn scores_worked_by_hand() {
        let c = checklist();
        // 3×4 + 2×3 + 1×5 = 23 of 3×5 + 2×5 + 1×5 = 30: 76.67 %.
        let s = [score(11, 4.0), score(12, 3.0), score(13, 5.0)];
        let v = visit_score(&c.criteria, &s, 5).unwrap_or(VisitScore {
            percent: 0.0,
            scored: 0,
            criteria: 0,
        });
        assert!((v.percent - 23.0 / 30.0 * 100.0).abs() < 1e-9);
        assert!(v.complete());
        // Only the first two scored: (12 + 6) / 25 = 72 %, incomplete.
        let v = visit_score(&c.criteria, &s[..2], 5);
        assert_eq!(v.map(|v| v.percent), Some(72.0));
        assert_eq!(v.map(|v| v.complete()), Some(false));
        assert_eq!(visit_score(&c.criteria, &[], 5), None);
        assert!(check_score("۶", 5).is_err());
        assert_eq!(check_score("۴٫۵", 5), Ok(4.5));
        assert!(check_score("-1", 5).is_err());
    }

    #[test]
    fn standing_trend_and_due_worked_by_hand() {
        let c = checklist();
        let s = |p: f64| {
            Some(VisitScore {
                percent: p,
                scored: 3,
                criteria: 3,
            })
        };
        let visits = [
            (1, day(2025, 4, 10), s(60.0)),
            (2, day(2025, 7, 15), s(72.0)),
        ];
        // Quarterly: due three Jalali months after 15 July 2025 (24 Tir 1404): 24 Mehr
        // 1404 = 16 October 2025. On 1 November it is 16 days overdue.
        let u = standing(&c, "منطقه ۱", &visits, Calendar::Jalali, day(2025, 11, 1));
        assert_eq!(u.score, Some(72.0));
        assert_eq!(u.previous_score, Some(60.0));
        assert_eq!(u.trend, Some(Direction::Better));
        assert_eq!(u.due, Some(day(2025, 10, 16)));
        assert_eq!(u.days_overdue, Some(16));
        assert_eq!(u.visits, 2);
        // Before the day: not overdue.
        let u = standing(&c, "منطقه ۱", &visits, Calendar::Jalali, day(2025, 10, 16));
        assert_eq!(u.days_overdue, None);
        // Never visited: due today, overdue at once (0 days).
        let u = standing(&c, "منطقه ۲", &[], Calendar::Jalali, day(2025, 11, 1));
        assert_eq!(u.days_overdue, Some(0));
        assert_eq!(u.score, None);
        // Ranked: best first, the unscored last.
        let mut board = vec![
            standing(&c, "منطقه ۲", &[], Calendar::Jalali, day(2025, 11, 1)),
            standing(
                &c,
                "منطقه ۳",
                &visits[..1],
                Calendar::Jalali,
                day(2025, 11, 1),
            ),
            standing(&c, "منطقه ۱", &visits, Calendar::Jalali, day(2025, 11, 1)),
        ];
        rank(&mut board);
        let order: Vec<&str> = board.iter().map(|u| u.unit.as_str()).collect();
        assert_eq!(order, ["منطقه ۱", "منطقه ۳", "منطقه ۲"]);
        // A visit still being scored (one criterion of three, 100 %) ranks after the
        // finished ones, before the unscored.
        let half = [(
            3,
            day(2025, 10, 1),
            Some(VisitScore {
                percent: 100.0,
                scored: 1,
                criteria: 3,
            }),
        )];
        board.push(standing(
            &c,
            "منطقه ۴",
            &half,
            Calendar::Jalali,
            day(2025, 11, 1),
        ));
        rank(&mut board);
        let order: Vec<&str> = board.iter().map(|u| u.unit.as_str()).collect();
        assert_eq!(order, ["منطقه ۱", "منطقه ۳", "منطقه ۴", "منطقه ۲"]);
    }
}
