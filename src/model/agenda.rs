//! How an agenda is numbered: top-level items 1, 2, 3…; the sub-items of a section
//! (an item of kind [`ItemKind::Section`]) under its number, 7.1, 7.2…
//!
//! Items are kept in one order (their position in the session); a section's sub-items
//! follow it. A sub-item whose section is not on the agenda is numbered as a top-level
//! item, so every item has a number.

use super::{AgendaItem, ItemKind, Standing, Urgency};
use crate::locale::digits::localize_digits;
use crate::locale::strings::{tf, Msg};
use crate::locale::{Lang, Localized};

/// The number of each item of an agenda given in position order, in the same order:
/// "1", "2", "7.1"… (Latin digits; localized where shown).
pub fn agenda_labels(items: &[AgendaItem]) -> Vec<String> {
    let mut labels: Vec<String> = Vec::with_capacity(items.len());
    let mut top = 0;
    // (section id, its label, sub-items numbered so far)
    let mut sections: Vec<(i64, String, usize)> = Vec::new();
    for item in items {
        let under = item
            .parent_id
            .and_then(|p| sections.iter_mut().find(|(id, _, _)| *id == p));
        match under {
            Some((_, label, n)) => {
                *n += 1;
                labels.push(format!("{label}.{n}"));
            }
            None => {
                top += 1;
                let label = top.to_string();
                sections.push((item.id, label.clone(), 0));
                labels.push(label);
            }
        }
    }
    labels
}

/// The item numbered `label` ("7", "7.1"), if any.
pub fn find_by_label<'a>(items: &'a [AgendaItem], label: &str) -> Option<&'a AgendaItem> {
    let wanted = crate::locale::digits::to_latin_digits(label.trim());
    let wanted = wanted.replace(['٫', '/'], ".");
    agenda_labels(items)
        .iter()
        .position(|l| *l == wanted)
        .and_then(|i| items.get(i))
}

/// Why an agenda cannot be arranged as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgendaProblem {
    /// Signatories are for a members' proposal (طرح) only; the item is of this kind.
    SignatoriesNotAMotion { kind: ItemKind },
    /// Urgency is for a bill or a members' proposal only; the item is of this kind.
    UrgencyNotABill { kind: ItemKind },
    /// A section cannot be put under another section (one level of sections).
    SectionUnderSection { section: String },
    /// The item named to go under is not a section: (its number, its kind).
    NotASection { label: String, kind: ItemKind },
    /// The number typed is not one of the agenda's, or is not a place it can go to.
    NoSuchNumber { label: String },
    /// The item named to go under is on another session's agenda.
    SectionOfOtherSession { section: i64 },
}

impl AgendaProblem {
    /// A stable snake_case code for JSON.
    pub fn code(&self) -> &'static str {
        match self {
            AgendaProblem::SignatoriesNotAMotion { .. } => "agenda_signatories_not_a_motion",
            AgendaProblem::UrgencyNotABill { .. } => "agenda_urgency_not_a_bill",
            AgendaProblem::SectionUnderSection { .. } => "agenda_section_under_section",
            AgendaProblem::NotASection { .. } => "agenda_not_a_section",
            AgendaProblem::NoSuchNumber { .. } => "agenda_no_such_number",
            AgendaProblem::SectionOfOtherSession { .. } => "agenda_section_of_other_session",
        }
    }

    /// The refusal's data, as (field, value) pairs for JSON.
    pub fn fields(&self) -> Vec<(&'static str, String)> {
        match self {
            AgendaProblem::SignatoriesNotAMotion { kind }
            | AgendaProblem::UrgencyNotABill { kind } => vec![("kind", kind.code().into())],
            AgendaProblem::SectionUnderSection { section } => vec![("section", section.clone())],
            AgendaProblem::NotASection { label, kind } => {
                vec![("number", label.clone()), ("kind", kind.code().into())]
            }
            AgendaProblem::NoSuchNumber { label } => vec![("number", label.clone())],
            AgendaProblem::SectionOfOtherSession { section } => {
                vec![("section", section.to_string())]
            }
        }
    }
}

impl Localized for AgendaProblem {
    fn message(&self, lang: Lang) -> String {
        let d = |s: &str| localize_digits(s, lang);
        match self {
            AgendaProblem::SignatoriesNotAMotion { kind } => {
                tf(lang, Msg::RefusedAgendaSignatories, &[kind.label(lang)])
            }
            AgendaProblem::UrgencyNotABill { kind } => {
                tf(lang, Msg::RefusedAgendaUrgency, &[kind.label(lang)])
            }
            AgendaProblem::SectionUnderSection { section } => {
                tf(lang, Msg::RefusedAgendaSectionUnderSection, &[&d(section)])
            }
            AgendaProblem::NotASection { label, kind } => tf(
                lang,
                Msg::RefusedAgendaNotASection,
                &[&d(label), kind.label(lang)],
            ),
            AgendaProblem::NoSuchNumber { label } => {
                tf(lang, Msg::RefusedAgendaNoSuchNumber, &[&d(label)])
            }
            AgendaProblem::SectionOfOtherSession { section } => tf(
                lang,
                Msg::RefusedAgendaSectionOfOtherSession,
                &[&d(&section.to_string())],
            ),
        }
    }
}

/// Checks what a new item says of itself: signatories only on a members' proposal,
/// urgency only on a bill or a members' proposal, and a section never under another
/// section nor under an item that is not one (`parent` is the item named, with its
/// number).
pub fn check_new_item(
    kind: ItemKind,
    urgency: Option<Urgency>,
    signatories: usize,
    parent: Option<(&AgendaItem, &str)>,
) -> Result<(), AgendaProblem> {
    if signatories > 0 && kind != ItemKind::MembersMotion {
        return Err(AgendaProblem::SignatoriesNotAMotion { kind });
    }
    if urgency.is_some() && !matches!(kind, ItemKind::Bill | ItemKind::MembersMotion) {
        return Err(AgendaProblem::UrgencyNotABill { kind });
    }
    if let Some((p, label)) = parent {
        if p.kind != ItemKind::Section {
            return Err(AgendaProblem::NotASection {
                label: label.to_string(),
                kind: p.kind,
            });
        }
        if kind == ItemKind::Section {
            return Err(AgendaProblem::SectionUnderSection {
                section: label.to_string(),
            });
        }
    }
    Ok(())
}

/// Where an item stands in the body's order: opening items first (0), closing last (2),
/// every other item between (1).
fn rank(item: &AgendaItem) -> u8 {
    match item.standing {
        Some(Standing::Opening) => 0,
        None => 1,
        Some(Standing::Closing) => 2,
    }
}

/// One item's place in an arranged agenda: its id and the section it is under.
pub type Placement = (i64, Option<i64>);

/// The agenda as blocks: each top-level item with the sub-items that follow it.
fn blocks(items: &[AgendaItem]) -> Vec<Vec<&AgendaItem>> {
    let mut out: Vec<Vec<&AgendaItem>> = Vec::new();
    for item in items {
        let under_last = item.parent_id.is_some()
            && out
                .last()
                .and_then(|b| b.first())
                .is_some_and(|head| Some(head.id) == item.parent_id);
        match out.last_mut() {
            Some(b) if under_last => b.push(item),
            _ => out.push(vec![item]),
        }
    }
    out
}

fn flatten(blocks: &[Vec<&AgendaItem>]) -> Vec<Placement> {
    blocks
        .iter()
        .flat_map(|b| {
            b.iter().enumerate().map(|(i, it)| {
                // A sub-item keeps its section only while it follows it.
                let parent = if i == 0 {
                    None
                } else {
                    b.first().map(|h| h.id)
                };
                (it.id, parent)
            })
        })
        .collect()
}

/// The index (0-based, in position order) a new item takes: under a section, after the
/// section's last sub-item; else before the first closing standing item (adjournment),
/// or at the end when the agenda has none.
pub fn insert_index(items: &[AgendaItem], parent_id: Option<i64>) -> usize {
    if let Some(p) = parent_id {
        if let Some(start) = items.iter().position(|i| i.id == p) {
            let subs = items[start + 1..]
                .iter()
                .take_while(|i| i.parent_id == Some(p))
                .count();
            return start + 1 + subs;
        }
    }
    items
        .iter()
        .position(|i| i.parent_id.is_none() && i.standing == Some(Standing::Closing))
        .unwrap_or(items.len())
}

/// The agenda after moving the item `id` one step up (`up`) or down: a top-level item
/// (a section with its sub-items) swaps with the top-level item beside it, a sub-item
/// with the sub-item beside it in its section. `None` when it cannot go that way: at
/// either end, at its section's edge, or past a standing item of another place (an
/// item does not go above an opening item or below a closing one in one step).
pub fn step(items: &[AgendaItem], id: i64, up: bool) -> Option<Vec<Placement>> {
    let mut bl = blocks(items);
    let b = bl.iter().position(|b| b.iter().any(|i| i.id == id))?;
    let within = bl[b].iter().position(|i| i.id == id)?;
    if within == 0 {
        let other = if up { b.checked_sub(1)? } else { b + 1 };
        let (first, second) = if up { (other, b) } else { (b, other) };
        let (a, c) = (bl.get(first)?.first()?, bl.get(second)?.first()?);
        if rank(a) != rank(c) {
            return None;
        }
        bl.swap(first, second);
    } else {
        let other = if up {
            within.checked_sub(1)?
        } else {
            within + 1
        };
        if other == 0 || other >= bl[b].len() {
            return None;
        }
        bl[b].swap(within, other);
    }
    Some(flatten(&bl))
}

/// The agenda after moving the item `id` to the number `label`: "3" makes it the third
/// top-level item (a section moves with its sub-items); "7.2" puts it into section 7
/// (the section numbered 7 before the move) as its second sub-item. A number past the
/// end puts it last there. Moved explicitly, an item may go past standing items.
pub fn move_to(
    items: &[AgendaItem],
    id: i64,
    label: &str,
) -> Result<Vec<Placement>, AgendaProblem> {
    let typed = label.trim().to_string();
    let no_such = || AgendaProblem::NoSuchNumber {
        label: typed.clone(),
    };
    let wanted = crate::locale::digits::to_latin_digits(&typed).replace(['٫', '/'], ".");
    let mut parts = wanted.split('.');
    let top: usize = parts
        .next()
        .and_then(|p| p.trim().parse().ok())
        .filter(|n| *n > 0)
        .ok_or_else(no_such)?;
    let sub: Option<usize> = match parts.next() {
        None => None,
        Some(p) => Some(
            p.trim()
                .parse()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(no_such)?,
        ),
    };
    if parts.next().is_some() {
        return Err(no_such());
    }
    let moving = items.iter().find(|i| i.id == id).ok_or_else(no_such)?;
    let mut bl = blocks(items);
    match sub {
        None => {
            // Take the item out (a section with its sub-items), put it at its number.
            let b = bl
                .iter()
                .position(|b| b.iter().any(|i| i.id == id))
                .ok_or_else(no_such)?;
            let block: Vec<&AgendaItem> = if bl[b].first().map(|h| h.id) == Some(id) {
                bl.remove(b)
            } else {
                bl[b].retain(|i| i.id != id);
                vec![moving]
            };
            let at = (top - 1).min(bl.len());
            bl.insert(at, block);
        }
        Some(n) => {
            let labels = agenda_labels(items);
            let section = labels
                .iter()
                .position(|l| *l == top.to_string())
                .and_then(|i| items.get(i))
                .ok_or_else(no_such)?;
            if section.kind != ItemKind::Section {
                return Err(AgendaProblem::NotASection {
                    label: top.to_string(),
                    kind: section.kind,
                });
            }
            if moving.kind == ItemKind::Section {
                return Err(AgendaProblem::SectionUnderSection {
                    section: top.to_string(),
                });
            }
            let section_id = section.id;
            for b in bl.iter_mut() {
                b.retain(|i| i.id != id);
            }
            bl.retain(|b| !b.is_empty());
            let b = bl
                .iter_mut()
                .find(|b| b.first().map(|h| h.id) == Some(section_id))
                .ok_or_else(no_such)?;
            let at = n.min(b.len());
            b.insert(at, moving);
        }
    }
    Ok(flatten(&bl))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AgendaStatus;

    fn item(id: i64, parent: Option<i64>, kind: ItemKind) -> AgendaItem {
        AgendaItem {
            id,
            session_id: 1,
            position: id,
            title: format!("item {id}"),
            presenter: None,
            duration_min: None,
            status: AgendaStatus::Pending,
            carried_from: None,
            is_review: false,
            consent: false,
            closed: false,
            minutes: None,
            minutes_author: None,
            minutes_at: None,
            version: 1,
            parent_id: parent,
            kind,
            urgency: None,
            standing: None,
        }
    }

    fn standing(mut i: AgendaItem, s: Standing) -> AgendaItem {
        i.standing = Some(s);
        i
    }

    fn ids(p: &[Placement]) -> Vec<(i64, Option<i64>)> {
        p.to_vec()
    }

    /// Call to order (1), a section (2) with 3 and 4, a plain item 5, adjournment 6.
    fn sample() -> Vec<AgendaItem> {
        vec![
            standing(item(1, None, ItemKind::Item), Standing::Opening),
            item(2, None, ItemKind::Section),
            item(3, Some(2), ItemKind::Bill),
            item(4, Some(2), ItemKind::Report),
            item(5, None, ItemKind::Item),
            standing(item(6, None, ItemKind::Item), Standing::Closing),
        ]
    }

    #[test]
    fn new_items_go_before_the_closing_items_and_under_their_section() {
        let items = sample();
        assert_eq!(insert_index(&items, None), 5);
        assert_eq!(insert_index(&items, Some(2)), 4);
        assert_eq!(insert_index(&items[..5], None), 5);
    }

    #[test]
    fn a_step_keeps_sections_whole_and_standing_items_in_place() {
        let items = sample();
        // The section swaps with item 5, its sub-items with it.
        assert_eq!(
            step(&items, 2, false).map(|p| ids(&p)),
            Some(vec![
                (1, None),
                (5, None),
                (2, None),
                (3, Some(2)),
                (4, Some(2)),
                (6, None)
            ])
        );
        // Nothing goes above the call to order or below the adjournment in one step.
        assert_eq!(step(&items, 2, true), None);
        assert_eq!(step(&items, 5, false), None);
        // A sub-item moves within its section.
        assert_eq!(
            step(&items, 4, true).map(|p| ids(&p)),
            Some(vec![
                (1, None),
                (2, None),
                (4, Some(2)),
                (3, Some(2)),
                (5, None),
                (6, None)
            ])
        );
        assert_eq!(step(&items, 3, true), None);
    }

    #[test]
    fn move_to_a_number_into_and_out_of_a_section() {
        let items = sample();
        // Item 5 (numbered 3) into section 2 as its first sub-item.
        assert_eq!(
            move_to(&items, 5, "2.1").map(|p| ids(&p)),
            Ok(vec![
                (1, None),
                (2, None),
                (5, Some(2)),
                (3, Some(2)),
                (4, Some(2)),
                (6, None)
            ])
        );
        // Sub-item 2.2 out of its section to number 1, before the call to order.
        assert_eq!(
            move_to(&items, 4, "۱").map(|p| ids(&p)),
            Ok(vec![
                (4, None),
                (1, None),
                (2, None),
                (3, Some(2)),
                (5, None),
                (6, None)
            ])
        );
        // The section to the end, with its sub-items.
        assert_eq!(
            move_to(&items, 2, "9").map(|p| ids(&p)),
            Ok(vec![
                (1, None),
                (5, None),
                (6, None),
                (2, None),
                (3, Some(2)),
                (4, Some(2))
            ])
        );
        assert_eq!(
            move_to(&items, 2, "2.1"),
            Err(AgendaProblem::SectionUnderSection {
                section: "2".into()
            })
        );
        assert_eq!(
            move_to(&items, 3, "3.1"),
            Err(AgendaProblem::NotASection {
                label: "3".into(),
                kind: ItemKind::Item
            })
        );
        assert_eq!(
            move_to(&items, 3, "x"),
            Err(AgendaProblem::NoSuchNumber { label: "x".into() })
        );
    }

    #[test]
    fn signatories_and_urgency_belong_to_their_kinds() {
        assert_eq!(
            check_new_item(ItemKind::Bill, None, 2, None),
            Err(AgendaProblem::SignatoriesNotAMotion {
                kind: ItemKind::Bill
            })
        );
        assert_eq!(
            check_new_item(ItemKind::Report, Some(Urgency::Urgent), 0, None),
            Err(AgendaProblem::UrgencyNotABill {
                kind: ItemKind::Report
            })
        );
        assert!(check_new_item(
            ItemKind::MembersMotion,
            Some(Urgency::DoubleUrgent),
            3,
            None
        )
        .is_ok());
        let section = item(2, None, ItemKind::Section);
        assert_eq!(
            check_new_item(ItemKind::Section, None, 0, Some((&section, "2"))),
            Err(AgendaProblem::SectionUnderSection {
                section: "2".into()
            })
        );
        let plain = item(5, None, ItemKind::Item);
        assert_eq!(
            check_new_item(ItemKind::Bill, None, 0, Some((&plain, "3"))),
            Err(AgendaProblem::NotASection {
                label: "3".into(),
                kind: ItemKind::Item
            })
        );
    }

    #[test]
    fn sections_number_their_sub_items() {
        let items = vec![
            item(1, None, ItemKind::Item),
            item(2, None, ItemKind::Section),
            item(3, Some(2), ItemKind::Bill),
            item(4, Some(2), ItemKind::Report),
            item(5, None, ItemKind::Item),
            item(6, Some(99), ItemKind::Item),
        ];
        assert_eq!(agenda_labels(&items), ["1", "2", "2.1", "2.2", "3", "4"]);
        assert_eq!(find_by_label(&items, "۲٫۲").map(|i| i.id), Some(4));
        assert_eq!(find_by_label(&items, "2.2").map(|i| i.id), Some(4));
        assert_eq!(find_by_label(&items, "3").map(|i| i.id), Some(5));
        assert!(find_by_label(&items, "9").is_none());
    }
}
