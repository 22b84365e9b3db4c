//! Why a correction of the record is refused: a record others refer to, a body under
//! itself, a vote taken by name corrected as a count, a decision the corrected votes
//! do not give.

use super::Entity;
use crate::locale::digits::localize_digits;
use crate::locale::strings::{tf, Msg};
use crate::locale::Lang;

/// A correction that cannot go as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordRefusal {
    /// The record is referred to by others and is not removed silently.
    Referenced {
        what: Entity,
        id: i64,
        by: Vec<(Entity, i64)>,
    },
    /// A body cannot be put under itself or under one of the bodies under it.
    BodyCycle { body: i64, parent: i64 },
    /// The vote was recorded member by member; a count would lose the names.
    NamedVotes { resolution: i64 },
    /// The corrected votes give another outcome than the decision asked for.
    DecisionAgainstVotes {
        decision: String,
        explanation: String,
    },
    /// The membership has ended already.
    MembershipEnded { membership: i64, on: String },
    /// A member typed as digits names a person by id, and no person has it.
    NoPersonWithId { id: String },
}

impl RecordRefusal {
    /// A stable snake_case code for JSON.
    pub fn code(&self) -> &'static str {
        match self {
            RecordRefusal::Referenced { .. } => "referenced",
            RecordRefusal::BodyCycle { .. } => "body_cycle",
            RecordRefusal::NamedVotes { .. } => "named_votes",
            RecordRefusal::DecisionAgainstVotes { .. } => "decision_against_votes",
            RecordRefusal::MembershipEnded { .. } => "membership_ended",
            RecordRefusal::NoPersonWithId { .. } => "no_person_with_id",
        }
    }

    /// The refusal's data, for JSON.
    pub fn fields(&self) -> Vec<(&'static str, serde_json::Value)> {
        use serde_json::json;
        match self {
            RecordRefusal::Referenced { what, id, by } => vec![
                ("what", json!(what.code())),
                ("id", json!(id)),
                (
                    "referred_by",
                    json!(by
                        .iter()
                        .map(|(e, i)| json!({"what": e.code(), "id": i}))
                        .collect::<Vec<_>>()),
                ),
            ],
            RecordRefusal::BodyCycle { body, parent } => {
                vec![("body", json!(body)), ("parent", json!(parent))]
            }
            RecordRefusal::NamedVotes { resolution } => vec![("resolution", json!(resolution))],
            RecordRefusal::DecisionAgainstVotes {
                decision,
                explanation,
            } => vec![
                ("decision", json!(decision)),
                ("outcome", json!(explanation)),
            ],
            RecordRefusal::MembershipEnded { membership, on } => {
                vec![("membership", json!(membership)), ("ended_on", json!(on))]
            }
            RecordRefusal::NoPersonWithId { id } => vec![("id", json!(id))],
        }
    }

    /// The message in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        let n = |i: &i64| localize_digits(&i.to_string(), lang);
        match self {
            RecordRefusal::Referenced { what, id, by } => {
                let list: Vec<String> = by
                    .iter()
                    .map(|(e, i)| format!("{} {}", e.name(lang), n(i)))
                    .collect();
                let msg = if *what == Entity::AgendaItem {
                    Msg::RefusedReferencedItem
                } else {
                    Msg::RefusedReferenced
                };
                tf(
                    lang,
                    msg,
                    &[
                        what.name(lang),
                        &n(id),
                        &list.join(Msg::ListSeparator.text(lang)),
                    ],
                )
            }
            RecordRefusal::BodyCycle { body, parent } => {
                tf(lang, Msg::RefusedBodyCycle, &[&n(body), &n(parent)])
            }
            RecordRefusal::NamedVotes { resolution } => {
                tf(lang, Msg::RefusedNamedVotes, &[&n(resolution)])
            }
            RecordRefusal::DecisionAgainstVotes {
                decision,
                explanation,
            } => tf(
                lang,
                Msg::RefusedDecisionAgainstVotes,
                &[explanation, decision],
            ),
            RecordRefusal::MembershipEnded { membership, on } => {
                tf(lang, Msg::RefusedMembershipEnded, &[&n(membership), on])
            }
            RecordRefusal::NoPersonWithId { id } => tf(
                lang,
                Msg::RefusedNoPersonWithId,
                &[&localize_digits(id, lang)],
            ),
        }
    }
}
