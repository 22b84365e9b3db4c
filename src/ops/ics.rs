//! iCalendar (RFC 5545) documents: the calendar export (`shura export ics`) publishes
//! every session; invitations (`shura session invite --format ics`) send one event per
//! invitee as a request (RFC 5546), with its organizer and attendee.

use chrono::{NaiveDate, NaiveTime};

use crate::locale::text::sanitize;
use crate::store::Store;

/// Escapes a TEXT value: backslash, semicolon, comma, and line breaks as `\n`.
pub fn ics_escape(s: &str) -> String {
    let clean = sanitize(s);
    let mut out = String::with_capacity(clean.len());
    for c in clean.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (CRLF and a space), never inside a UTF-8 character,
/// and ends it with CRLF.
pub fn ics_fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
    out
}

pub fn ics_time_stamp(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

pub fn parse_clock(s: &str) -> Option<NaiveTime> {
    NaiveTime::parse_from_str(s.trim(), "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(s.trim(), "%H:%M:%S"))
        .ok()
}

/// A session as the parts of a VEVENT.
pub struct IcsEvent {
    pub uid: String,
    pub date: NaiveDate,
    pub start: Option<NaiveTime>,
    pub end: Option<NaiveTime>,
    pub summary: String,
    pub location: Option<String>,
    pub description: String,
    pub cancelled: bool,
    /// Who sends an invitation (RFC 5546 wants one in a request).
    pub organizer: Option<IcsPerson>,
    /// Whom an invitation is for.
    pub attendee: Option<IcsPerson>,
}

/// An organizer or attendee: a name and a mail address.
#[derive(Debug, Clone, PartialEq)]
pub struct IcsPerson {
    pub name: String,
    pub email: String,
    /// For an attendee: REQ-PARTICIPANT (a voting member), OPT-PARTICIPANT (others).
    pub required: bool,
}

/// A parameter value (CN): no control characters, no double quotes, and quoted.
fn param_value(s: &str) -> String {
    let clean: String = crate::locale::text::sanitize_line(s)
        .chars()
        .filter(|c| *c != '"')
        .collect();
    format!("\"{clean}\"")
}

/// A `mailto:` address, kept to what an address may hold (no spaces, controls, quotes,
/// `;`, `:` or `,` that would end the value).
fn mailto(email: &str) -> String {
    let clean: String = email
        .trim()
        .chars()
        .filter(|c| {
            !c.is_control() && !c.is_whitespace() && !matches!(c, '"' | ';' | ',' | '<' | '>')
        })
        .collect();
    format!("mailto:{clean}")
}

/// A whole calendar that publishes its events: CRLF line endings, folded lines, escaped
/// text.
pub fn ics_calendar(events: &[IcsEvent], stamp: chrono::DateTime<chrono::Utc>) -> String {
    calendar_with_method(events, stamp, "PUBLISH")
}

/// A calendar that requests attendance at its events (an invitation, RFC 5546).
pub fn ics_request(events: &[IcsEvent], stamp: chrono::DateTime<chrono::Utc>) -> String {
    calendar_with_method(events, stamp, "REQUEST")
}

fn calendar_with_method(
    events: &[IcsEvent],
    stamp: chrono::DateTime<chrono::Utc>,
    method: &str,
) -> String {
    let mut doc = String::new();
    let mut line = |l: String| doc.push_str(&ics_fold(&l));
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line(format!(
        "PRODID:-//shura//shura {}//EN",
        env!("CARGO_PKG_VERSION")
    ));
    line("CALSCALE:GREGORIAN".into());
    line(format!("METHOD:{method}"));
    for e in events {
        line("BEGIN:VEVENT".into());
        line(format!("UID:{}", ics_escape(&e.uid)));
        line(format!("DTSTAMP:{}", ics_time_stamp(stamp)));
        match e.start {
            Some(t) => {
                line(format!(
                    "DTSTART:{}",
                    e.date.and_time(t).format("%Y%m%dT%H%M%S")
                ));
                // An end time is also stamped when a session is closed late (from the
                // clock), so only a plausible one (up to 8 hours) sets the duration.
                let minutes = match e.end {
                    Some(end) if end > t && (end - t).num_minutes() <= 8 * 60 => {
                        (end - t).num_minutes()
                    }
                    _ => 120,
                };
                let (h, m) = (minutes / 60, minutes % 60);
                line(match (h, m) {
                    (h, 0) => format!("DURATION:PT{h}H"),
                    (0, m) => format!("DURATION:PT{m}M"),
                    (h, m) => format!("DURATION:PT{h}H{m}M"),
                });
            }
            None => {
                line(format!("DTSTART;VALUE=DATE:{}", e.date.format("%Y%m%d")));
                line("DURATION:P1D".into());
            }
        }
        line(format!("SUMMARY:{}", ics_escape(&e.summary)));
        if let Some(place) = e.location.as_deref().filter(|p| !p.trim().is_empty()) {
            line(format!("LOCATION:{}", ics_escape(place)));
        }
        if !e.description.is_empty() {
            line(format!("DESCRIPTION:{}", ics_escape(&e.description)));
        }
        if let Some(o) = &e.organizer {
            line(format!(
                "ORGANIZER;CN={}:{}",
                param_value(&o.name),
                mailto(&o.email)
            ));
        }
        if let Some(a) = &e.attendee {
            line(format!(
                "ATTENDEE;CN={};ROLE={};PARTSTAT=NEEDS-ACTION;RSVP=TRUE:{}",
                param_value(&a.name),
                if a.required {
                    "REQ-PARTICIPANT"
                } else {
                    "OPT-PARTICIPANT"
                },
                mailto(&a.email)
            ));
        }
        line(format!(
            "STATUS:{}",
            if e.cancelled {
                "CANCELLED"
            } else {
                "CONFIRMED"
            }
        ));
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    doc
}

/// The database file's stem, kept to characters safe in a UID's domain part.
pub fn uid_domain(store: &Store) -> String {
    let stem = store
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default();
    let safe: String = stem
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let safe = safe.trim_matches('-');
    format!("{}.shura", if safe.is_empty() { "db" } else { safe })
}
