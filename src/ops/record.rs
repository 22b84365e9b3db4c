//! A session's whole record (attendance, quorum, agenda with minutes, resolutions and
//! tasks), as the views show it and the exports print it.

use serde::Serialize;

use crate::model::rules::QuorumState;
use crate::model::*;
use crate::store::read::{ResolutionFilter, TaskFilter};
use crate::store::Store;

/// A session's whole record, as shown and exported.
#[derive(Serialize)]
pub struct SessionRecord {
    #[serde(flatten)]
    pub session: Session,
    pub body: Body,
    pub attendance: Vec<AttendanceRow>,
    pub guests: Vec<Guest>,
    pub agenda: Vec<AgendaRecord>,
    pub quorum: QuorumState,
    /// The session's clock: its events in time order, and what they add up to.
    pub events: Vec<SessionEvent>,
    pub timeline: crate::model::clock::Timeline,
}

#[derive(Serialize)]
pub struct AttendanceRow {
    pub person_id: i64,
    pub name: Name,
    pub role: Role,
    pub voting: bool,
    pub presence: Option<Presence>,
    /// When a member who came late arrived (HH:MM).
    pub arrived_at: Option<String>,
    /// When a member left before the end (HH:MM).
    pub left_at: Option<String>,
}

#[derive(Serialize)]
pub struct AgendaRecord {
    #[serde(flatten)]
    pub item: AgendaItem,
    pub resolutions: Vec<Resolution>,
    pub tasks: Vec<crate::store::read::TaskRow>,
}

impl AttendanceRow {
    /// Counted present (in the room, late or remote) and not gone: in the room now.
    pub fn in_room(&self) -> bool {
        self.left_at.is_none()
            && matches!(
                self.presence,
                Some(Presence::Present | Presence::Late | Presence::Remote)
            )
    }

    /// A voting member in the room.
    pub fn votes_here(&self) -> bool {
        self.voting && self.in_room()
    }

    /// In the room at a time of the session (HH:MM): counted present, arrived by then
    /// (one marked late with no time of arrival is not), and not gone by then.
    pub fn in_room_at(&self, at: &str) -> bool {
        let counted = matches!(
            self.presence,
            Some(Presence::Present | Presence::Late | Presence::Remote)
        );
        let arrived = match (&self.arrived_at, self.presence) {
            (Some(arrived), _) => arrived.as_str() <= at,
            (None, Some(Presence::Late)) => false,
            (None, _) => true,
        };
        let stayed = self.left_at.as_deref().is_none_or(|left| left > at);
        counted && arrived && stayed
    }
}

/// The quorum of a session's roll at a time of the session (HH:MM): the voting members
/// in the room then.
pub fn quorum_at(rec: &SessionRecord, at: &str) -> QuorumState {
    let voting = rec.attendance.iter().filter(|a| a.voting).count() as u32;
    let present = rec
        .attendance
        .iter()
        .filter(|a| a.voting && a.in_room_at(at))
        .count() as u32;
    QuorumState::new(rec.body.quorum, voting, present)
}

/// A session's roll: every member in office on its day with their mark, and the
/// quorum it makes under the body's rule, counting the voting members in the room
/// (those who left are not).
pub fn roll_call(
    store: &Store,
    body: &Body,
    session: &Session,
) -> crate::store::Result<(Vec<AttendanceRow>, QuorumState)> {
    let members = store.members(body.id)?;
    let marks = store.attendance(session.id)?;
    let attendance: Vec<AttendanceRow> = members
        .iter()
        .filter(|m| m.membership.active_on(session.date))
        .map(|m| AttendanceRow {
            person_id: m.person.id,
            name: m.person.name.clone(),
            role: m.membership.role,
            voting: m.membership.voting,
            presence: None,
            arrived_at: None,
            left_at: None,
        })
        .map(|mut row| {
            if let Some(a) = marks.iter().find(|a| a.person_id == row.person_id) {
                row.presence = Some(a.presence);
                row.arrived_at = a.arrived_at.clone();
                row.left_at = a.left_at.clone();
            }
            row
        })
        .collect();
    let voting = attendance.iter().filter(|a| a.voting).count() as u32;
    let present = attendance.iter().filter(|a| a.votes_here()).count() as u32;
    Ok((attendance, QuorumState::new(body.quorum, voting, present)))
}

/// Gathers a session's record from the store.
pub fn session_record(store: &Store, session: Session) -> crate::store::Result<SessionRecord> {
    let body = store.body(session.body_id)?;
    let (attendance, quorum) = roll_call(store, &body, &session)?;
    let resolutions = store.resolutions(&ResolutionFilter {
        session_id: Some(session.id),
        ..Default::default()
    })?;
    let mut agenda = Vec::new();
    for item in store.agenda(session.id)? {
        let item_resolutions: Vec<Resolution> = resolutions
            .iter()
            .filter(|r| r.resolution.agenda_item_id == Some(item.id))
            .map(|r| r.resolution.clone())
            .collect();
        let mut tasks = Vec::new();
        for r in &item_resolutions {
            tasks.extend(store.tasks(&TaskFilter {
                resolution_id: Some(r.id),
                ..Default::default()
            })?);
        }
        agenda.push(AgendaRecord {
            item,
            resolutions: item_resolutions,
            tasks,
        });
    }
    let events = store.session_events(session.id)?;
    Ok(SessionRecord {
        timeline: crate::model::clock::Timeline::of(&events),
        events,
        quorum,
        guests: store.guests(session.id)?,
        session,
        body,
        attendance,
        agenda,
    })
}
