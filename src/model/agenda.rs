//! How an agenda is numbered: top-level items 1, 2, 3…; the sub-items of a section
//! (an item of kind [`ItemKind::Section`]) under its number, 7.1, 7.2…
//!
//! Items are kept in one order (their position in the session); a section's sub-items
//! follow it. A sub-item whose section is not on the agenda is numbered as a top-level
//! item, so every item has a number.

use super::AgendaItem;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AgendaStatus, ItemKind};

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
