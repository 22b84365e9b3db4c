//! A resolution's legal life after the session: the law profile's periods (sending,
//! the objection window, answering an objection) and how their days count, the
//! sendings (ابلاغ) and legal events recorded, and the legal state derived from them.
//!
//! Nothing here reads a clock or a database: the state is a function of the profile,
//! the official holidays, the dates recorded and the day asked about, so it is tested on
//! cases worked out by hand.

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::Serialize;

use crate::locale::digits::localize_digits;
use crate::locale::strings::{tf, Msg};
use crate::locale::{Lang, Localized};
use crate::model::{Entity, Expected, InvalidValue, Name};

coded_enum!(
    /// How a period's days count: every day, or working days only (not the weekend,
    /// not an official holiday).
    DayCount, DayCount {
        Calendar = "calendar" / "calendar days" / "روز تقویمی",
        Working = "working" / "working days" / "روز کاری",
    }
);

coded_enum!(
    /// A letter of the register: received or sent.
    LetterDirection, LetterDirection {
        In = "in" / "incoming" / "وارده",
        Out = "out" / "outgoing" / "صادره",
    }
);

coded_enum!(
    /// Who a resolution is sent to.
    RecipientKind, RecipientKind {
        Person = "person" / "person" / "شخص",
        Unit = "unit" / "unit" / "واحد اجرایی",
        Authority = "authority" / "outside authority" / "مرجع بیرونی",
    }
);

coded_enum!(
    /// How a resolution was sent.
    SendMethod, SendMethod {
        Letter = "letter" / "letter" / "نامه",
        Mail = "mail" / "mail" / "رایانامه",
        Hand = "hand" / "by hand" / "تحویل حضوری",
        System = "system" / "through the system" / "سامانه",
    }
);

coded_enum!(
    /// What happened to a resolution after it was sent.
    LegalEventKind, LegalEventKind {
        Objection = "objection" / "objection" / "اعتراض",
        Insist = "insist" / "insisted on" / "اصرار",
        Amend = "amend" / "amended" / "اصلاح",
        Withdraw = "withdraw" / "withdrawn" / "انصراف",
        Upheld = "upheld" / "upheld by the dispute board" / "تأیید در هیئت حل اختلاف",
        Annulled = "annulled" / "annulled by the dispute board" / "ابطال در هیئت حل اختلاف",
    }
);

/// One period of a law profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Period {
    pub days: u32,
    pub count: DayCount,
}

impl Period {
    pub fn code(&self) -> String {
        format!(
            "{}{}",
            self.days,
            if self.count == DayCount::Working {
                "w"
            } else {
                ""
            }
        )
    }

    /// Reads `7` (calendar days) or `7w`, `۷ کاری` (working days).
    pub fn parse(s: &str) -> Result<Period, InvalidValue> {
        let t = crate::locale::digits::to_latin_digits(s.trim());
        let bad = || InvalidValue {
            what: Entity::LegalPeriod,
            value: s.to_string(),
            expected: Expected::msg(Msg::ExpectedPeriod),
        };
        let digits: String = t.chars().take_while(|c| c.is_ascii_digit()).collect();
        let rest = t[digits.len()..].trim().to_lowercase();
        let days: u32 = digits.parse().map_err(|_| bad())?;
        if days > 3660 {
            return Err(bad());
        }
        let count = match rest.as_str() {
            "" | "d" | "c" | "calendar" | "روز" | "تقویمی" => DayCount::Calendar,
            "w" | "working" | "کاری" | "روز کاری" => DayCount::Working,
            _ => return Err(bad()),
        };
        Ok(Period { days, count })
    }
}

/// The periods of a resolution's legal life under a law, as data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LawProfile {
    pub code: String,
    pub name: Name,
    /// Whether resolutions have a legal life at all (`none`: in force when adopted).
    pub clock: bool,
    /// From adoption, to send the resolution out.
    pub send: Period,
    /// From notification, for the authority to object.
    pub objection: Period,
    /// From the objection, for the body to answer (insist, amend or withdraw).
    pub answer: Period,
    /// The days of the week no working-day period counts (and on which no deadline
    /// ends): `fri` in Iran, `sat,sun` elsewhere.
    pub weekend: Vec<Weekday>,
    pub version: i64,
}

/// Reads `fri`, `sat,sun`, `جمعه` into weekdays.
pub fn parse_weekend(s: &str) -> Result<Vec<Weekday>, InvalidValue> {
    let bad = || InvalidValue {
        what: Entity::Weekend,
        value: s.to_string(),
        expected: Expected::msg(Msg::ExpectedWeekend),
    };
    let mut days = Vec::new();
    for part in s.replace('،', ",").split(',') {
        let p = part.trim().to_lowercase();
        if p.is_empty() || p == "none" {
            continue;
        }
        let d = match p.as_str() {
            "sat" | "saturday" | "شنبه" => Weekday::Sat,
            "sun" | "sunday" | "یکشنبه" => Weekday::Sun,
            "mon" | "monday" | "دوشنبه" => Weekday::Mon,
            "tue" | "tuesday" | "سه‌شنبه" | "سه شنبه" => Weekday::Tue,
            "wed" | "wednesday" | "چهارشنبه" => Weekday::Wed,
            "thu" | "thursday" | "پنجشنبه" | "پنج‌شنبه" => Weekday::Thu,
            "fri" | "friday" | "جمعه" => Weekday::Fri,
            _ => return Err(bad()),
        };
        if !days.contains(&d) {
            days.push(d);
        }
    }
    Ok(days)
}

/// The stored code of a weekend: `fri`, `sat,sun`.
pub fn weekend_code(days: &[Weekday]) -> String {
    days.iter()
        .map(|d| match d {
            Weekday::Sat => "sat",
            Weekday::Sun => "sun",
            Weekday::Mon => "mon",
            Weekday::Tue => "tue",
            Weekday::Wed => "wed",
            Weekday::Thu => "thu",
            Weekday::Fri => "fri",
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// A weekend in words: `Friday`, `جمعه`.
pub fn weekend_label(days: &[Weekday], lang: Lang) -> String {
    let names: Vec<&str> = days
        .iter()
        .map(|d| match (d, lang) {
            (Weekday::Sat, Lang::En) => "Saturday",
            (Weekday::Sun, Lang::En) => "Sunday",
            (Weekday::Mon, Lang::En) => "Monday",
            (Weekday::Tue, Lang::En) => "Tuesday",
            (Weekday::Wed, Lang::En) => "Wednesday",
            (Weekday::Thu, Lang::En) => "Thursday",
            (Weekday::Fri, Lang::En) => "Friday",
            (Weekday::Sat, Lang::Fa) => "شنبه",
            (Weekday::Sun, Lang::Fa) => "یکشنبه",
            (Weekday::Mon, Lang::Fa) => "دوشنبه",
            (Weekday::Tue, Lang::Fa) => "سه‌شنبه",
            (Weekday::Wed, Lang::Fa) => "چهارشنبه",
            (Weekday::Thu, Lang::Fa) => "پنجشنبه",
            (Weekday::Fri, Lang::Fa) => "جمعه",
        })
        .collect();
    names.join(Msg::ListSeparator.text(lang))
}

impl LawProfile {
    /// Whether a day is not a working day: the weekend or an official holiday.
    pub fn day_off(&self, d: NaiveDate, holidays: &BTreeSet<NaiveDate>) -> bool {
        self.weekend.contains(&d.weekday()) || holidays.contains(&d)
    }

    /// The last day of a period that starts the day after `from`. Calendar days: `from`
    /// plus the days, moved to the next working day when that is a day off (a deadline
    /// never ends on a Friday or a holiday). Working days: that many working days
    /// after `from`.
    pub fn deadline(
        &self,
        from: NaiveDate,
        p: Period,
        holidays: &BTreeSet<NaiveDate>,
    ) -> NaiveDate {
        let mut d = from;
        match p.count {
            DayCount::Calendar => {
                d = from + Duration::days(i64::from(p.days));
                let mut guard = 0;
                while self.day_off(d, holidays) && guard < 60 {
                    d += Duration::days(1);
                    guard += 1;
                }
            }
            DayCount::Working => {
                let mut left = p.days;
                let mut guard = 0;
                while left > 0 && guard < 20_000 {
                    d += Duration::days(1);
                    guard += 1;
                    if !self.day_off(d, holidays) {
                        left -= 1;
                    }
                }
            }
        }
        d
    }

    /// The periods as one code, stored with a sending so a profile changed later does
    /// not move the deadlines of a resolution already sent: `7/14/10/fri`.
    pub fn periods_code(&self) -> String {
        format!(
            "{}/{}/{}/{}",
            self.send.code(),
            self.objection.code(),
            self.answer.code(),
            weekend_code(&self.weekend)
        )
    }

    /// This profile with the periods of a [`LawProfile::periods_code`] (as they were
    /// when the resolution was sent); itself when the code cannot be read.
    pub fn with_periods(&self, code: &str) -> LawProfile {
        let parts: Vec<&str> = code.split('/').collect();
        if parts.len() != 4 {
            return self.clone();
        }
        match (
            Period::parse(parts[0]),
            Period::parse(parts[1]),
            Period::parse(parts[2]),
            parse_weekend(parts[3]),
        ) {
            (Ok(send), Ok(objection), Ok(answer), Ok(weekend)) => LawProfile {
                send,
                objection,
                answer,
                weekend,
                ..self.clone()
            },
            _ => self.clone(),
        }
    }
}

/// A resolution sent to one recipient.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Sending {
    pub id: i64,
    pub resolution_id: i64,
    pub recipient_kind: RecipientKind,
    pub recipient: String,
    pub person_id: Option<i64>,
    pub sent_on: NaiveDate,
    pub method: SendMethod,
    pub letter_id: Option<i64>,
    pub letter_number: Option<String>,
    pub acknowledged_on: Option<NaiveDate>,
    /// The profile's periods when it was sent ([`LawProfile::periods_code`]).
    pub law: String,
}

impl Sending {
    /// The day the recipient had it: acknowledged, else sent.
    pub fn notified_on(&self) -> NaiveDate {
        self.acknowledged_on.unwrap_or(self.sent_on)
    }
}

/// An objection, the body's answer, or the dispute board's ruling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LegalEvent {
    pub id: i64,
    pub resolution_id: i64,
    pub kind: LegalEventKind,
    pub on: NaiveDate,
    /// Who objected or ruled (the authority), empty for the body's own answer.
    pub by: String,
    /// The session that answered.
    pub session_id: Option<i64>,
    pub reason: String,
}

/// Where a resolution stands in law on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum LegalState {
    /// Not adopted: it has no legal life.
    NotAdopted,
    /// The body's law has no clock: in force when adopted.
    NoClock { since: NaiveDate },
    /// Adopted, not sent yet; to be sent by `due`.
    ToBeSent { due: NaiveDate },
    /// Sent; the authority may object until `until` (inclusive).
    ObjectionWindow {
        notified: NaiveDate,
        until: NaiveDate,
    },
    /// In force since `since`.
    InForce { since: NaiveDate },
    /// Objected to on `on`; the body answers by `answer_by`.
    Objected { on: NaiveDate, answer_by: NaiveDate },
    /// The body insisted on it: it is at the dispute board.
    Insisted { on: NaiveDate },
    /// Annulled by the dispute board.
    Annulled { on: NaiveDate },
    /// Withdrawn by the body after an objection.
    Withdrawn { on: NaiveDate },
}

impl LegalState {
    pub fn code(&self) -> &'static str {
        match self {
            LegalState::NotAdopted => "not_adopted",
            LegalState::NoClock { .. } => "no_clock",
            LegalState::ToBeSent { .. } => "to_be_sent",
            LegalState::ObjectionWindow { .. } => "objection_window",
            LegalState::InForce { .. } => "in_force",
            LegalState::Objected { .. } => "objected",
            LegalState::Insisted { .. } => "insisted",
            LegalState::Annulled { .. } => "annulled",
            LegalState::Withdrawn { .. } => "withdrawn",
        }
    }

    /// The day something is due by, when something is.
    pub fn due(&self) -> Option<NaiveDate> {
        match self {
            LegalState::ToBeSent { due } => Some(*due),
            LegalState::ObjectionWindow { until, .. } => Some(*until),
            LegalState::Objected { answer_by, .. } => Some(*answer_by),
            _ => None,
        }
    }

    /// Whether it is in force (with or without a clock).
    pub fn in_force_since(&self) -> Option<NaiveDate> {
        match self {
            LegalState::InForce { since } | LegalState::NoClock { since } => Some(*since),
            _ => None,
        }
    }
}

/// Something in a resolution's legal life that did not go as the law says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "snake_case")]
pub enum LegalProblem {
    /// Sent after the sending period ended.
    SentLate { due: NaiveDate, sent: NaiveDate },
    /// Not sent and the sending period is over.
    NotSentInTime { due: NaiveDate },
    /// An objection made after the window closed.
    ObjectionLate { until: NaiveDate, on: NaiveDate },
    /// Answered after the answering period, or not answered and it is over.
    AnswerLate { by: NaiveDate },
}

/// The legal state of a resolution, and what went against the law on the way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LegalLife {
    #[serde(flatten)]
    pub state: LegalState,
    pub problems: Vec<LegalProblem>,
}

/// Works out where an adopted resolution stands on `today`.
///
/// - No clock: in force since adoption.
/// - Not sent: to be sent within the sending period from adoption (late once over).
/// - Sent: the objection window runs from notification (acknowledged, else sent) of
///   the first sending to an outside authority (to anyone, when none went to one), with
///   the periods the profile had when it was first sent; in force the day after it
///   closes with no objection.
/// - An objection opens the answering period; insisting sends it to the dispute board;
///   amending puts it in force as amended; withdrawing ends it; the board upholds (in
///   force) or annuls.
pub fn legal_life(
    profile: &LawProfile,
    holidays: &BTreeSet<NaiveDate>,
    adopted: Option<NaiveDate>,
    sendings: &[Sending],
    events: &[LegalEvent],
    today: NaiveDate,
) -> LegalLife {
    let mut problems = Vec::new();
    let Some(adopted) = adopted else {
        return LegalLife {
            state: LegalState::NotAdopted,
            problems,
        };
    };
    if !profile.clock {
        return LegalLife {
            state: LegalState::NoClock { since: adopted },
            problems,
        };
    }
    let first_sent = sendings.iter().min_by_key(|s| (s.sent_on, s.id));
    // The law in force when it was first sent governs what follows.
    let law = first_sent
        .map(|s| profile.with_periods(&s.law))
        .unwrap_or_else(|| profile.clone());
    let send_due = law.deadline(adopted, law.send, holidays);
    let Some(first) = first_sent else {
        if today > send_due {
            problems.push(LegalProblem::NotSentInTime { due: send_due });
        }
        return LegalLife {
            state: LegalState::ToBeSent { due: send_due },
            problems,
        };
    };
    if first.sent_on > send_due {
        problems.push(LegalProblem::SentLate {
            due: send_due,
            sent: first.sent_on,
        });
    }
    let to_authority: Vec<&Sending> = sendings
        .iter()
        .filter(|s| s.recipient_kind == RecipientKind::Authority)
        .collect();
    let notified = if to_authority.is_empty() {
        sendings.iter().map(Sending::notified_on).min()
    } else {
        to_authority.iter().map(|s| s.notified_on()).min()
    }
    .unwrap_or(first.sent_on);
    let until = law.deadline(notified, law.objection, holidays);
    let mut state = LegalState::ObjectionWindow { notified, until };
    let mut events: Vec<&LegalEvent> = events.iter().collect();
    events.sort_by_key(|e| (e.on, e.id));
    for e in events {
        state = match (state, e.kind) {
            (
                LegalState::ObjectionWindow { .. } | LegalState::InForce { .. },
                LegalEventKind::Objection,
            ) => {
                if e.on > until {
                    problems.push(LegalProblem::ObjectionLate { until, on: e.on });
                }
                LegalState::Objected {
                    on: e.on,
                    answer_by: law.deadline(e.on, law.answer, holidays),
                }
            }
            (LegalState::Objected { answer_by, .. }, kind) if kind != LegalEventKind::Objection => {
                if e.on > answer_by
                    && matches!(
                        kind,
                        LegalEventKind::Insist | LegalEventKind::Amend | LegalEventKind::Withdraw
                    )
                {
                    problems.push(LegalProblem::AnswerLate { by: answer_by });
                }
                match kind {
                    LegalEventKind::Insist => LegalState::Insisted { on: e.on },
                    LegalEventKind::Amend | LegalEventKind::Upheld => {
                        LegalState::InForce { since: e.on }
                    }
                    LegalEventKind::Withdraw => LegalState::Withdrawn { on: e.on },
                    LegalEventKind::Annulled => LegalState::Annulled { on: e.on },
                    LegalEventKind::Objection => state,
                }
            }
            (LegalState::Insisted { .. }, LegalEventKind::Upheld) => {
                LegalState::InForce { since: e.on }
            }
            (LegalState::Insisted { .. }, LegalEventKind::Annulled) => {
                LegalState::Annulled { on: e.on }
            }
            (s, _) => s,
        };
    }
    match state {
        LegalState::ObjectionWindow { until, .. } if today > until => {
            state = LegalState::InForce {
                since: until + Duration::days(1),
            };
        }
        LegalState::Objected { answer_by, .. } if today > answer_by => {
            problems.push(LegalProblem::AnswerLate { by: answer_by });
        }
        _ => {}
    }
    LegalLife { state, problems }
}

/// Whether an event can be recorded in a state, after the events `before`: one
/// objection, while the window is open (or late, once the window closed, which is
/// recorded as such), never after another event; an answer only to an objection; a
/// ruling only on a resolution insisted on (or objected to and unanswered).
pub fn event_allowed(state: &LegalState, kind: LegalEventKind, before: &[LegalEvent]) -> bool {
    use LegalEventKind as K;
    match kind {
        K::Objection => {
            before.is_empty()
                && matches!(
                    state,
                    LegalState::ObjectionWindow { .. } | LegalState::InForce { .. }
                )
        }
        K::Insist | K::Amend | K::Withdraw => matches!(state, LegalState::Objected { .. }),
        K::Upheld | K::Annulled => matches!(
            state,
            LegalState::Insisted { .. } | LegalState::Objected { .. }
        ),
    }
}

/// A legal act refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LegalRefusal {
    /// Only an adopted resolution is sent or objected to.
    NotAdopted { resolution: i64 },
    /// The body's law has no clock (`none`): nothing to send or object to.
    NoClock { resolution: i64, profile: String },
    /// The event cannot follow the resolution's current state.
    EventNotAllowed {
        resolution: i64,
        event: LegalEventKind,
        state: &'static str,
    },
    /// No sending of the resolution to that recipient.
    NotSentTo { resolution: i64, recipient: String },
    /// The register has that number in that direction already.
    LetterNumberTaken { number: String, letter: i64 },
    /// A date before the resolution was adopted, or after today.
    DateOutOfRange {
        date: NaiveDate,
        from: NaiveDate,
        to: NaiveDate,
    },
    /// The answer is given at a session of the same body.
    AnswerAtOtherBody { session: i64, body: i64 },
}

impl LegalRefusal {
    pub fn code(&self) -> &'static str {
        match self {
            LegalRefusal::NotAdopted { .. } => "legal_not_adopted",
            LegalRefusal::NoClock { .. } => "legal_no_clock",
            LegalRefusal::EventNotAllowed { .. } => "legal_event_not_allowed",
            LegalRefusal::NotSentTo { .. } => "legal_not_sent_to",
            LegalRefusal::LetterNumberTaken { .. } => "letter_number_taken",
            LegalRefusal::DateOutOfRange { .. } => "legal_date_out_of_range",
            LegalRefusal::AnswerAtOtherBody { .. } => "legal_answer_at_other_body",
        }
    }

    pub fn fields(&self) -> Vec<(&'static str, String)> {
        match self {
            LegalRefusal::NotAdopted { resolution } => vec![("resolution", resolution.to_string())],
            LegalRefusal::NoClock {
                resolution,
                profile,
            } => vec![
                ("resolution", resolution.to_string()),
                ("profile", profile.clone()),
            ],
            LegalRefusal::EventNotAllowed {
                resolution,
                event,
                state,
            } => vec![
                ("resolution", resolution.to_string()),
                ("event", event.code().to_string()),
                ("state", state.to_string()),
            ],
            LegalRefusal::NotSentTo {
                resolution,
                recipient,
            } => vec![
                ("resolution", resolution.to_string()),
                ("recipient", recipient.clone()),
            ],
            LegalRefusal::LetterNumberTaken { number, letter } => {
                vec![("number", number.clone()), ("letter", letter.to_string())]
            }
            LegalRefusal::DateOutOfRange { date, from, to } => vec![
                ("date", date.to_string()),
                ("from", from.to_string()),
                ("to", to.to_string()),
            ],
            LegalRefusal::AnswerAtOtherBody { session, body } => {
                vec![("session", session.to_string()), ("body", body.to_string())]
            }
        }
    }
}

/// A state's name in a language (for refusals, which know only the language).
pub fn state_label(code: &str, lang: Lang) -> &'static str {
    let m = match code {
        "not_adopted" => Msg::LegalStateNotAdopted,
        "no_clock" => Msg::LegalStateNoClock,
        "to_be_sent" => Msg::LegalStateToBeSent,
        "objection_window" => Msg::LegalStateWindow,
        "in_force" => Msg::LegalStateInForce,
        "objected" => Msg::LegalStateObjected,
        "insisted" => Msg::LegalStateInsisted,
        "annulled" => Msg::LegalStateAnnulled,
        _ => Msg::LegalStateWithdrawn,
    };
    m.text(lang)
}

impl Localized for LegalRefusal {
    fn message(&self, lang: Lang) -> String {
        let n = |i: &i64| localize_digits(&i.to_string(), lang);
        let d = |day: &NaiveDate| crate::locale::calendar::format_date_in(*day, lang);
        match self {
            LegalRefusal::NotAdopted { resolution } => {
                tf(lang, Msg::RefusedLegalNotAdopted, &[&n(resolution)])
            }
            LegalRefusal::NoClock {
                resolution,
                profile,
            } => tf(lang, Msg::RefusedLegalNoClock, &[&n(resolution), profile]),
            LegalRefusal::EventNotAllowed {
                resolution,
                event,
                state,
            } => tf(
                lang,
                Msg::RefusedLegalEvent,
                &[event.label(lang), &n(resolution), state_label(state, lang)],
            ),
            LegalRefusal::NotSentTo {
                resolution,
                recipient,
            } => tf(
                lang,
                Msg::RefusedLegalNotSentTo,
                &[&n(resolution), recipient],
            ),
            LegalRefusal::LetterNumberTaken { number, letter } => {
                tf(lang, Msg::RefusedLetterNumberTaken, &[number, &n(letter)])
            }
            LegalRefusal::DateOutOfRange { date, from, to } => {
                tf(lang, Msg::RefusedLegalDate, &[&d(date), &d(from), &d(to)])
            }
            LegalRefusal::AnswerAtOtherBody { session, body } => tf(
                lang,
                Msg::RefusedLegalAnswerSession,
                &[&n(session), &n(body)],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn iran() -> LawProfile {
        LawProfile {
            code: "iran-council".into(),
            name: Name::new(None, Some("Iran".into())),
            clock: true,
            send: Period::parse("7").unwrap(),
            objection: Period::parse("14").unwrap(),
            answer: Period::parse("10").unwrap(),
            weekend: vec![Weekday::Fri],
            version: 1,
        }
    }

    /// 29 Esfand 1403 and Nowruz 1404 (1-4 Farvardin).
    fn nowruz() -> BTreeSet<NaiveDate> {
        (20..=24).map(|day| d(2025, 3, day)).collect()
    }

    fn sent(id: i64, on: NaiveDate, kind: RecipientKind, law: &str) -> Sending {
        Sending {
            id,
            resolution_id: 1,
            recipient_kind: kind,
            recipient: "x".into(),
            person_id: None,
            sent_on: on,
            method: SendMethod::Letter,
            letter_id: None,
            letter_number: None,
            acknowledged_on: None,
            law: law.into(),
        }
    }

    fn event(id: i64, kind: LegalEventKind, on: NaiveDate) -> LegalEvent {
        LegalEvent {
            id,
            resolution_id: 1,
            kind,
            on,
            by: String::new(),
            session_id: None,
            reason: String::new(),
        }
    }

    #[test]
    fn a_week_to_send_across_the_jalali_year_end_skips_nowruz() {
        // Adopted 24 Esfand 1403 (Saturday 2025-03-15): seven days end on 2 Farvardin
        // 1404, a holiday, as are the next two; the deadline is 5 Farvardin (03-25).
        let p = iran();
        let life = legal_life(
            &p,
            &nowruz(),
            Some(d(2025, 3, 15)),
            &[],
            &[],
            d(2025, 3, 20),
        );
        assert_eq!(
            life.state,
            LegalState::ToBeSent {
                due: d(2025, 3, 25)
            }
        );
        assert!(life.problems.is_empty());
        // On 6 Farvardin it is late.
        let late = legal_life(
            &p,
            &nowruz(),
            Some(d(2025, 3, 15)),
            &[],
            &[],
            d(2025, 3, 26),
        );
        assert_eq!(
            late.problems,
            vec![LegalProblem::NotSentInTime {
                due: d(2025, 3, 25)
            }]
        );
    }

    #[test]
    fn working_days_skip_fridays_and_holidays() {
        let mut p = iran();
        p.objection = Period::parse("۱۰ کاری").unwrap();
        assert_eq!(p.objection.count, DayCount::Working);
        // From Tuesday 2025-03-25: Wed 1, Thu 2, (Fri), Sat 3, Sun 4, Mon 5, (two
        // holidays of 12 and 13 Farvardin), Thu 6, (Fri), Sat 7, Sun 8, Mon 9, Tue 10.
        let mut h = nowruz();
        h.insert(d(2025, 4, 1));
        h.insert(d(2025, 4, 2));
        assert_eq!(p.deadline(d(2025, 3, 25), p.objection, &h), d(2025, 4, 8));
        // Calendar days from the same day end on Tuesday 04-08 as well, but eleven
        // calendar days end on Saturday 04-05, and 10 on Friday 04-04 move to Saturday.
        assert_eq!(
            p.deadline(d(2025, 3, 25), Period::parse("10").unwrap(), &h),
            d(2025, 4, 5)
        );
    }

    #[test]
    fn a_window_ending_on_a_friday_ends_on_saturday_then_in_force() {
        // Notified Friday 2025-05-09: fourteen days end Friday 05-23, so Saturday 05-24.
        let p = iran();
        let s = [sent(1, d(2025, 5, 9), RecipientKind::Authority, "")];
        let open = legal_life(
            &p,
            &BTreeSet::new(),
            Some(d(2025, 5, 5)),
            &s,
            &[],
            d(2025, 5, 24),
        );
        assert_eq!(
            open.state,
            LegalState::ObjectionWindow {
                notified: d(2025, 5, 9),
                until: d(2025, 5, 24)
            }
        );
        let later = legal_life(
            &p,
            &BTreeSet::new(),
            Some(d(2025, 5, 5)),
            &s,
            &[],
            d(2025, 5, 25),
        );
        assert_eq!(
            later.state,
            LegalState::InForce {
                since: d(2025, 5, 25)
            }
        );
    }

    #[test]
    fn the_window_runs_from_the_authority_acknowledging() {
        let p = iran();
        let mut to_board = sent(2, d(2025, 6, 3), RecipientKind::Authority, "");
        to_board.acknowledged_on = Some(d(2025, 6, 8));
        let s = [sent(1, d(2025, 6, 2), RecipientKind::Unit, ""), to_board];
        let life = legal_life(
            &p,
            &BTreeSet::new(),
            Some(d(2025, 6, 1)),
            &s,
            &[],
            d(2025, 6, 9),
        );
        // 06-08 + 14 = 06-22 (a Sunday).
        assert_eq!(
            life.state,
            LegalState::ObjectionWindow {
                notified: d(2025, 6, 8),
                until: d(2025, 6, 22)
            }
        );
    }

    #[test]
    fn an_objection_then_insistence_goes_to_the_dispute_board() {
        let p = iran();
        let s = [sent(1, d(2025, 6, 1), RecipientKind::Authority, "")];
        let objected = [event(1, LegalEventKind::Objection, d(2025, 6, 10))];
        // Ten days from Tuesday 06-10 end on Friday 06-20: the answer is due Saturday.
        let life = legal_life(
            &p,
            &BTreeSet::new(),
            Some(d(2025, 5, 31)),
            &s,
            &objected,
            d(2025, 6, 12),
        );
        assert_eq!(
            life.state,
            LegalState::Objected {
                on: d(2025, 6, 10),
                answer_by: d(2025, 6, 21)
            }
        );
        assert_eq!(life.state.due(), Some(d(2025, 6, 21)));
        let insisted = [
            objected[0].clone(),
            event(2, LegalEventKind::Insist, d(2025, 6, 15)),
        ];
        let life = legal_life(
            &p,
            &BTreeSet::new(),
            Some(d(2025, 5, 31)),
            &s,
            &insisted,
            d(2025, 6, 30),
        );
        assert_eq!(life.state, LegalState::Insisted { on: d(2025, 6, 15) });
        assert!(life.problems.is_empty());
        assert!(event_allowed(
            &life.state,
            LegalEventKind::Upheld,
            &insisted
        ));
        assert!(!event_allowed(
            &life.state,
            LegalEventKind::Insist,
            &insisted
        ));
        let mut ruled = insisted.to_vec();
        ruled.push(event(3, LegalEventKind::Upheld, d(2025, 7, 1)));
        let life = legal_life(
            &p,
            &BTreeSet::new(),
            Some(d(2025, 5, 31)),
            &s,
            &ruled,
            d(2025, 7, 2),
        );
        assert_eq!(
            life.state,
            LegalState::InForce {
                since: d(2025, 7, 1)
            }
        );
        // In force by the board's ruling: no second objection, unlike one in force
        // because its window closed with none.
        assert!(!event_allowed(
            &life.state,
            LegalEventKind::Objection,
            &ruled
        ));
        assert!(event_allowed(
            &LegalState::InForce {
                since: d(2025, 7, 1)
            },
            LegalEventKind::Objection,
            &[]
        ));
        // Unanswered past the answering period is flagged.
        let life = legal_life(
            &p,
            &BTreeSet::new(),
            Some(d(2025, 5, 31)),
            &s,
            &objected,
            d(2025, 6, 22),
        );
        assert_eq!(
            life.problems,
            vec![LegalProblem::AnswerLate { by: d(2025, 6, 21) }]
        );
    }

    #[test]
    fn a_resolution_sent_late_is_flagged_and_its_window_still_runs() {
        let p = iran();
        let s = [sent(1, d(2025, 6, 20), RecipientKind::Authority, "")];
        let life = legal_life(
            &p,
            &BTreeSet::new(),
            Some(d(2025, 6, 1)),
            &s,
            &[],
            d(2025, 6, 21),
        );
        // Seven days from Sunday 06-01 end Sunday 06-08.
        assert_eq!(
            life.problems,
            vec![LegalProblem::SentLate {
                due: d(2025, 6, 8),
                sent: d(2025, 6, 20)
            }]
        );
        assert_eq!(
            life.state,
            LegalState::ObjectionWindow {
                notified: d(2025, 6, 20),
                until: d(2025, 7, 5)
            }
        );
    }

    #[test]
    fn a_profile_changed_after_sending_keeps_the_periods_it_was_sent_under() {
        let before = iran();
        let code = before.periods_code();
        assert_eq!(code, "7/14/10/fri");
        let mut after = iran();
        after.objection = Period::parse("30").unwrap();
        // Sent under 14 days: the window ends 06-15 (Sunday), not 30 days later.
        let s = [sent(1, d(2025, 6, 1), RecipientKind::Authority, &code)];
        let life = legal_life(
            &after,
            &BTreeSet::new(),
            Some(d(2025, 5, 31)),
            &s,
            &[],
            d(2025, 6, 16),
        );
        assert_eq!(
            life.state,
            LegalState::InForce {
                since: d(2025, 6, 16)
            }
        );
        // One not sent yet takes the profile as it is now.
        let unsent = legal_life(
            &after,
            &BTreeSet::new(),
            Some(d(2025, 5, 31)),
            &[],
            &[],
            d(2025, 6, 1),
        );
        assert_eq!(unsent.state, LegalState::ToBeSent { due: d(2025, 6, 7) });
    }

    #[test]
    fn no_clock_and_not_adopted() {
        let mut p = iran();
        p.clock = false;
        let life = legal_life(
            &p,
            &BTreeSet::new(),
            Some(d(2025, 1, 1)),
            &[],
            &[],
            d(2025, 1, 2),
        );
        assert_eq!(
            life.state,
            LegalState::NoClock {
                since: d(2025, 1, 1)
            }
        );
        let life = legal_life(&p, &BTreeSet::new(), None, &[], &[], d(2025, 1, 2));
        assert_eq!(life.state, LegalState::NotAdopted);
    }

    #[test]
    fn periods_and_weekends_read_persian_and_refuse_nonsense() {
        assert_eq!(Period::parse("۱۴").unwrap().days, 14);
        assert_eq!(Period::parse("10w").unwrap().count, DayCount::Working);
        assert!(Period::parse("ten").is_err());
        assert_eq!(parse_weekend("جمعه").unwrap(), vec![Weekday::Fri]);
        assert_eq!(
            parse_weekend("sat,sun").unwrap(),
            vec![Weekday::Sat, Weekday::Sun]
        );
        assert!(parse_weekend("someday").is_err());
    }
}
