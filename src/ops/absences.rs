//! Absences: each member's unexcused and excused absences in the body's year against
//! its absence rule (the counting rules are in `model::absences`).
//!
//! Rules held here: the members counted are those in office today (any role but
//! observer, who is not a member under the rule); each is counted over all their
//! memberships of the body (a member who joined mid-year counts from that day).
//! Reading needs only to see the body (a confidential body is hidden by the store).

use chrono::NaiveDate;
use serde::Serialize;

use super::Context;
use crate::model::absences::{count, AbsenceCount, Mark, Sitting, Standing};
use crate::model::rules::AbsenceRule;
use crate::model::{Body, Name, Role};
use crate::store::absences::AbsenceSheet;
use crate::store::{Result, Store};

/// The days read before today: a fiscal year is at most 366 days long.
const YEAR_DAYS: i64 = 370;

/// One member's absences in the body's year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MemberAbsences {
    pub body_id: i64,
    pub person_id: i64,
    pub name: Name,
    pub role: Role,
    /// The body's limits (none: the body has no rule on this one).
    pub limit_per_year: Option<u32>,
    pub limit_in_a_row: Option<u32>,
    #[serde(flatten)]
    pub count: AbsenceCount,
}

/// The absences of the members in office of one body on `today`, in the order of the
/// body's members (chair first).
pub fn absences(ctx: &Context, body_id: i64, today: NaiveDate) -> Result<Vec<MemberAbsences>> {
    let body = ctx.store.body(body_id)?;
    of_body(&ctx.store, &body, today)
}

/// [`absences`] for a body already read.
pub fn of_body(store: &Store, body: &Body, today: NaiveDate) -> Result<Vec<MemberAbsences>> {
    let sheet = store.absence_sheet(body.id, today - chrono::Duration::days(YEAR_DAYS), today)?;
    Ok(of_sheet(body, &sheet, today))
}

/// The members' absences from what the store read of the body.
fn of_sheet(body: &Body, sheet: &AbsenceSheet, today: NaiveDate) -> Vec<MemberAbsences> {
    let mut out: Vec<MemberAbsences> = Vec::new();
    for m in &sheet.members {
        let ms = &m.membership;
        if ms.role == Role::Observer
            || !ms.active_on(today)
            || out.iter().any(|o| o.person_id == ms.person_id)
        {
            continue;
        }
        let spans: Vec<_> = sheet
            .members
            .iter()
            .filter(|o| o.membership.person_id == ms.person_id)
            .map(|o| (o.membership.term_start, o.membership.term_end))
            .collect();
        let sittings: Vec<Sitting> = sheet
            .attendance
            .iter()
            .filter(|a| a.person_id == ms.person_id)
            .map(|a| Sitting {
                session_id: a.session_id,
                number: a.session_number,
                date: a.date,
                mark: Some(Mark::of(a.presence)),
            })
            .collect();
        out.push(MemberAbsences {
            body_id: body.id,
            person_id: ms.person_id,
            name: m.person.name.clone(),
            role: ms.role,
            limit_per_year: body.absence_rule.per_year,
            limit_in_a_row: body.absence_rule.in_a_row,
            count: count(
                &body.absence_rule,
                &body.fiscal_year,
                today,
                &spans,
                &sittings,
            ),
        });
    }
    out
}

/// The dashboard's warnings: members nearing a limit or past one, in the bodies given
/// (those without a rule are skipped).
pub fn warnings(store: &Store, bodies: &[Body], today: NaiveDate) -> Result<Vec<AbsenceWarning>> {
    let counted: Vec<&Body> = bodies
        .iter()
        .filter(|b| !b.absence_rule.is_none())
        .collect();
    let ids: Vec<i64> = counted.iter().map(|b| b.id).collect();
    let sheets = store.absence_sheets(&ids, today - chrono::Duration::days(YEAR_DAYS), today)?;
    let mut out = Vec::new();
    for b in counted {
        let Some(sheet) = sheets.get(&b.id) else {
            continue;
        };
        for m in of_sheet(b, sheet, today) {
            if m.count.standing != Standing::Fine {
                out.push(AbsenceWarning {
                    body: b.id,
                    body_name: b.name.clone(),
                    person: m.person_id,
                    name: m.name,
                    limit_per_year: m.limit_per_year,
                    limit_in_a_row: m.limit_in_a_row,
                    count: m.count,
                });
            }
        }
    }
    // Breaches first, then the nearest to a limit.
    out.sort_by_key(|w| {
        (
            w.count.standing != Standing::Breached,
            w.count.left,
            w.body,
            w.person,
        )
    });
    Ok(out)
}

/// A member nearing or past a limit, for the dashboard: in JSON `body`, `person`,
/// `name`, the limits, and the count's fields (`unexcused`, `in_a_row`, `excused`,
/// `standing`, `breach`…).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AbsenceWarning {
    pub body: i64,
    pub body_name: Name,
    pub person: i64,
    pub name: Name,
    pub limit_per_year: Option<u32>,
    pub limit_in_a_row: Option<u32>,
    #[serde(flatten)]
    pub count: AbsenceCount,
}

impl AbsenceWarning {
    /// The body's rule as it was counted.
    pub fn rule(&self) -> AbsenceRule {
        AbsenceRule {
            per_year: self.limit_per_year,
            in_a_row: self.limit_in_a_row,
        }
    }
}
