//! The session's clock: the events of a sitting (call to order, recesses, closed
//! session, adjournment) in time order, what they add up to ([`Timeline`]), and which
//! event may come next ([`check_next`]).
//!
//! Rules: events follow one another in time (one earlier than the event before it is
//! refused, naming both times); a session is called to order once; a recess is taken
//! while not already in recess, and resumed only from a recess; a closed session begins
//! while not in recess nor already closed, and ends only while closed; adjourning
//! needs the recess resumed first (a closed session ends with the adjournment);
//! nothing follows the adjournment.

use serde::Serialize;

use super::{SessionEvent, SessionEventKind};
use crate::locale::digits::localize_digits;
use crate::locale::strings::{tf, Msg};
use crate::locale::{Lang, Localized};

/// A stretch of a sitting: a recess or a closed session, from one time to another
/// (`to` is none while it lasts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    pub from: String,
    pub to: Option<String>,
}

/// What a session's events add up to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Timeline {
    pub called_to_order: Option<String>,
    pub recesses: Vec<Span>,
    pub closed: Vec<Span>,
    pub adjourned: Option<String>,
}

impl Timeline {
    /// The timeline of events given in time order.
    pub fn of(events: &[SessionEvent]) -> Timeline {
        let mut t = Timeline::default();
        for e in events {
            let at = e.at.clone();
            match e.kind {
                SessionEventKind::CalledToOrder => {
                    t.called_to_order.get_or_insert(at);
                }
                SessionEventKind::Recess => t.recesses.push(Span { from: at, to: None }),
                SessionEventKind::Resumed => close_last(&mut t.recesses, at),
                SessionEventKind::ClosedStart => t.closed.push(Span { from: at, to: None }),
                SessionEventKind::ClosedEnd => close_last(&mut t.closed, at),
                SessionEventKind::Adjourned => {
                    close_last(&mut t.closed, at.clone());
                    t.adjourned.get_or_insert(at);
                }
            }
        }
        t
    }

    /// The start of the recess under way, if one is.
    pub fn recess_since(&self) -> Option<&str> {
        open_since(&self.recesses)
    }

    /// The start of the closed session under way, if one is.
    pub fn closed_since(&self) -> Option<&str> {
        open_since(&self.closed)
    }

    pub fn is_empty(&self) -> bool {
        *self == Timeline::default()
    }
}

fn close_last(spans: &mut [Span], at: String) {
    if let Some(last) = spans.last_mut() {
        if last.to.is_none() {
            last.to = Some(at);
        }
    }
}

fn open_since(spans: &[Span]) -> Option<&str> {
    spans
        .last()
        .filter(|s| s.to.is_none())
        .map(|s| s.from.as_str())
}

/// Why an event of the clock, an arrival or a departure cannot be recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClockRefusal {
    /// The event is earlier than the one recorded before it.
    BeforePrevious {
        kind: SessionEventKind,
        at: String,
        previous: SessionEventKind,
        previous_at: String,
    },
    /// The session was called to order already.
    CalledToOrder { at: String },
    /// The session is adjourned: nothing follows.
    Adjourned { at: String },
    /// A recess is under way since then.
    InRecess { since: String },
    /// There is no recess to resume from.
    NotInRecess,
    /// A closed session is under way since then.
    InClosedSession { since: String },
    /// There is no closed session to end.
    NotInClosedSession,
    /// The event needs the session open; its status is given.
    NotOpen {
        kind: SessionEventKind,
        status: super::SessionStatus,
    },
    /// The session is not held today and no time was given: the clock would give the
    /// hour it is typed in, not the one it happened.
    TimeNeeded,
    /// An adjournment is recorded at one time and closing was asked at another.
    AdjournedAtOther { recorded: String, given: String },
    /// A departure of someone who is not in the room.
    NotInRoom { name: String },
    /// A departure earlier than the arrival.
    LeftBeforeArrival {
        name: String,
        left: String,
        arrived: String,
    },
}

impl ClockRefusal {
    /// A stable snake_case code for JSON.
    pub fn code(&self) -> &'static str {
        match self {
            ClockRefusal::BeforePrevious { .. } => "clock_before_previous",
            ClockRefusal::CalledToOrder { .. } => "clock_called_to_order",
            ClockRefusal::Adjourned { .. } => "clock_adjourned",
            ClockRefusal::InRecess { .. } => "clock_in_recess",
            ClockRefusal::NotInRecess => "clock_not_in_recess",
            ClockRefusal::InClosedSession { .. } => "clock_in_closed_session",
            ClockRefusal::NotInClosedSession => "clock_not_in_closed_session",
            ClockRefusal::NotOpen { .. } => "clock_not_open",
            ClockRefusal::TimeNeeded => "clock_time_needed",
            ClockRefusal::AdjournedAtOther { .. } => "clock_adjourned_at_other",
            ClockRefusal::NotInRoom { .. } => "clock_not_in_room",
            ClockRefusal::LeftBeforeArrival { .. } => "clock_left_before_arrival",
        }
    }

    /// The refusal's data, as (field, value) pairs for JSON.
    pub fn fields(&self) -> Vec<(&'static str, String)> {
        match self {
            ClockRefusal::BeforePrevious {
                kind,
                at,
                previous,
                previous_at,
            } => vec![
                ("kind", kind.code().into()),
                ("at", at.clone()),
                ("previous", previous.code().into()),
                ("previous_at", previous_at.clone()),
            ],
            ClockRefusal::CalledToOrder { at } | ClockRefusal::Adjourned { at } => {
                vec![("at", at.clone())]
            }
            ClockRefusal::InRecess { since } | ClockRefusal::InClosedSession { since } => {
                vec![("since", since.clone())]
            }
            ClockRefusal::NotInRecess
            | ClockRefusal::NotInClosedSession
            | ClockRefusal::TimeNeeded => vec![],
            ClockRefusal::NotOpen { kind, status } => vec![
                ("kind", kind.code().into()),
                ("status", status.code().into()),
            ],
            ClockRefusal::AdjournedAtOther { recorded, given } => {
                vec![("recorded", recorded.clone()), ("given", given.clone())]
            }
            ClockRefusal::NotInRoom { name } => vec![("name", name.clone())],
            ClockRefusal::LeftBeforeArrival {
                name,
                left,
                arrived,
            } => vec![
                ("name", name.clone()),
                ("left", left.clone()),
                ("arrived", arrived.clone()),
            ],
        }
    }
}

impl Localized for ClockRefusal {
    fn message(&self, lang: Lang) -> String {
        let d = |s: &str| localize_digits(s, lang);
        match self {
            ClockRefusal::BeforePrevious {
                kind,
                at,
                previous,
                previous_at,
            } => tf(
                lang,
                Msg::RefusedClockBeforePrevious,
                &[
                    kind.label(lang),
                    &d(at),
                    previous.label(lang),
                    &d(previous_at),
                ],
            ),
            ClockRefusal::CalledToOrder { at } => {
                tf(lang, Msg::RefusedClockCalledToOrder, &[&d(at)])
            }
            ClockRefusal::Adjourned { at } => tf(lang, Msg::RefusedClockAdjourned, &[&d(at)]),
            ClockRefusal::InRecess { since } => tf(lang, Msg::RefusedClockInRecess, &[&d(since)]),
            ClockRefusal::NotInRecess => tf(lang, Msg::RefusedClockNotInRecess, &[]),
            ClockRefusal::InClosedSession { since } => {
                tf(lang, Msg::RefusedClockInClosedSession, &[&d(since)])
            }
            ClockRefusal::NotInClosedSession => tf(lang, Msg::RefusedClockNotInClosedSession, &[]),
            ClockRefusal::NotOpen { kind, status } => tf(
                lang,
                Msg::RefusedClockNotOpen,
                &[kind.label(lang), status.label(lang)],
            ),
            ClockRefusal::TimeNeeded => tf(lang, Msg::RefusedClockTimeNeeded, &[]),
            ClockRefusal::AdjournedAtOther { recorded, given } => tf(
                lang,
                Msg::RefusedClockAdjournedAtOther,
                &[&d(recorded), &d(given)],
            ),
            ClockRefusal::NotInRoom { name } => tf(lang, Msg::RefusedClockNotInRoom, &[name]),
            ClockRefusal::LeftBeforeArrival {
                name,
                left,
                arrived,
            } => tf(
                lang,
                Msg::RefusedClockLeftBeforeArrival,
                &[name, &d(left), &d(arrived)],
            ),
        }
    }
}

/// Whether an event of `kind` at `at` (HH:MM) may follow the session's `events` (in
/// time order).
pub fn check_next(
    events: &[SessionEvent],
    kind: SessionEventKind,
    at: &str,
) -> Result<(), ClockRefusal> {
    let t = Timeline::of(events);
    if let Some(adjourned) = &t.adjourned {
        return Err(ClockRefusal::Adjourned {
            at: adjourned.clone(),
        });
    }
    if let Some(last) = events.last() {
        // HH:MM compares as text.
        if at < last.at.as_str() {
            return Err(ClockRefusal::BeforePrevious {
                kind,
                at: at.to_string(),
                previous: last.kind,
                previous_at: last.at.clone(),
            });
        }
    }
    let in_recess = || {
        t.recess_since().map(|s| ClockRefusal::InRecess {
            since: s.to_string(),
        })
    };
    let refusal = match kind {
        SessionEventKind::CalledToOrder => t
            .called_to_order
            .as_ref()
            .map(|at| ClockRefusal::CalledToOrder { at: at.clone() }),
        SessionEventKind::Recess => in_recess(),
        SessionEventKind::Resumed => t
            .recess_since()
            .is_none()
            .then_some(ClockRefusal::NotInRecess),
        SessionEventKind::ClosedStart => in_recess().or_else(|| {
            t.closed_since().map(|s| ClockRefusal::InClosedSession {
                since: s.to_string(),
            })
        }),
        SessionEventKind::ClosedEnd => in_recess().or_else(|| {
            t.closed_since()
                .is_none()
                .then_some(ClockRefusal::NotInClosedSession)
        }),
        SessionEventKind::Adjourned => in_recess(),
    };
    refusal.map_or(Ok(()), Err)
}

#[cfg(test)]
mod tests {
    use super::*;
    use SessionEventKind::*;

    fn ev(events: &[(SessionEventKind, &str)]) -> Vec<SessionEvent> {
        events
            .iter()
            .enumerate()
            .map(|(i, (kind, at))| SessionEvent {
                id: i as i64 + 1,
                session_id: 1,
                kind: *kind,
                at: at.to_string(),
                recorded_at: String::new(),
                recorded_by: String::new(),
            })
            .collect()
    }

    #[test]
    fn the_timeline_pairs_recesses_and_closed_parts() {
        let t = Timeline::of(&ev(&[
            (CalledToOrder, "17:00"),
            (Recess, "17:45"),
            (Resumed, "18:00"),
            (ClosedStart, "18:10"),
            (Adjourned, "19:05"),
        ]));
        assert_eq!(t.called_to_order.as_deref(), Some("17:00"));
        assert_eq!(
            t.recesses,
            vec![Span {
                from: "17:45".into(),
                to: Some("18:00".into())
            }]
        );
        assert_eq!(
            t.closed[0].to.as_deref(),
            Some("19:05"),
            "ends at adjournment"
        );
        assert_eq!(t.adjourned.as_deref(), Some("19:05"));
        assert_eq!(t.recess_since(), None);
    }

    #[test]
    fn recess_twice_and_resume_without_recess_are_refused() {
        let e = ev(&[(CalledToOrder, "17:00"), (Recess, "17:45")]);
        assert_eq!(
            check_next(&e, Recess, "17:50"),
            Err(ClockRefusal::InRecess {
                since: "17:45".into()
            })
        );
        assert_eq!(
            check_next(&e, Adjourned, "17:50").map_err(|r| r.code()),
            Err("clock_in_recess")
        );
        assert_eq!(check_next(&e, Resumed, "18:00"), Ok(()));
        let e = ev(&[(CalledToOrder, "17:00")]);
        assert_eq!(
            check_next(&e, Resumed, "17:10"),
            Err(ClockRefusal::NotInRecess)
        );
        assert_eq!(
            check_next(&e, ClosedEnd, "17:10"),
            Err(ClockRefusal::NotInClosedSession)
        );
    }

    #[test]
    fn an_event_before_the_previous_one_names_both_times() {
        let e = ev(&[(CalledToOrder, "17:00"), (Recess, "17:45")]);
        let r = check_next(&e, Resumed, "17:30").unwrap_err();
        assert_eq!(
            r,
            ClockRefusal::BeforePrevious {
                kind: Resumed,
                at: "17:30".into(),
                previous: Recess,
                previous_at: "17:45".into()
            }
        );
        let en = r.message(Lang::En);
        assert!(en.contains("17:30") && en.contains("17:45"), "{en}");
        let fa = r.message(Lang::Fa);
        assert!(fa.contains("۱۷:۳۰") && fa.contains("۱۷:۴۵"), "{fa}");
        assert!(
            check_next(&e, Resumed, "17:45").is_ok(),
            "the same minute is fine"
        );
    }

    #[test]
    fn nothing_follows_the_adjournment() {
        let e = ev(&[(CalledToOrder, "17:00"), (Adjourned, "18:00")]);
        assert_eq!(
            check_next(&e, Recess, "18:30"),
            Err(ClockRefusal::Adjourned { at: "18:00".into() })
        );
        assert_eq!(
            check_next(&e[..1], CalledToOrder, "17:05"),
            Err(ClockRefusal::CalledToOrder { at: "17:00".into() })
        );
    }
}
