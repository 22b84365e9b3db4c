//! The domain: plain types and rules (quorum, numbering, meeting rules).
//! No SQL and no terminal here.

pub mod absences;
pub mod agenda;
pub mod clock;
pub mod numbering;
pub mod record;
pub mod rules;

use chrono::NaiveDate;
use serde::Serialize;

use crate::locale::strings::{tf, Msg};
use crate::locale::Lang;

/// Declares a closed set of string-coded values (stored as text in SQLite, printed in
/// JSON, typed on the command line) with parsing that names the accepted values.
macro_rules! coded_enum {
    ($(#[$meta:meta])* $name:ident, $what:ident { $($variant:ident = $code:literal / $en:literal / $fa:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// What this kind of value is called in error messages.
            pub const WHAT: crate::model::Entity = crate::model::Entity::$what;

            /// The stable code stored in the database and printed in JSON.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// The name shown to a person in the given language.
            pub fn label(self, lang: Lang) -> &'static str {
                match (self, lang) {
                    $(($name::$variant, Lang::En) => $en, ($name::$variant, Lang::Fa) => $fa),+
                }
            }

            /// Reads a code, an English label or a Persian label (case-insensitive,
            /// `-` and space accepted for `_`).
            pub fn parse(s: &str) -> Result<$name, crate::model::InvalidValue> {
                let wanted = s.trim().to_lowercase().replace(['-', ' '], "_");
                for v in Self::ALL {
                    if v.code() == wanted
                        || v.label(Lang::En).to_lowercase().replace(['-', ' '], "_") == wanted
                        || v.label(Lang::Fa) == s.trim()
                    {
                        return Ok(*v);
                    }
                }
                Err(crate::model::InvalidValue {
                    what: Self::WHAT,
                    value: s.to_string(),
                    expected: crate::model::Expected::OneOf(Self::ALL.iter().map(|v| (v.code(), v.label(Lang::Fa))).collect()),
                })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

pub mod evaluation;
pub mod invitation;
pub mod legal;
pub mod letters;
pub mod plans;
pub mod roles;
pub mod signing;
pub mod voting;

/// Declares the kinds of things an error can name (records and typed fields), each with
/// a stable code (JSON) and its name in the catalogue.
macro_rules! entities {
    ($($variant:ident = $code:literal / $msg:ident),+ $(,)?) => {
        /// What an error is about: a kind of record (session, resolution, …) or of typed
        /// value (date, quorum rule, …). Named in the user's language only at the edge.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        pub enum Entity { $($variant),+ }

        impl Entity {
            pub const ALL: &'static [Entity] = &[$(Entity::$variant),+];

            /// The stable snake_case code printed in JSON errors.
            pub fn code(self) -> &'static str {
                match self { $(Entity::$variant => $code),+ }
            }

            /// The name shown to a person in the given language.
            pub fn name(self, lang: Lang) -> &'static str {
                match self { $(Entity::$variant => Msg::$msg.text(lang)),+ }
            }
        }
    };
}

entities! {
    Body = "body" / EntityBody,
    ParentBody = "parent_body" / EntityParentBody,
    Person = "person" / EntityPerson,
    Assignee = "assignee" / EntityAssignee,
    Session = "session" / EntitySession,
    AgendaItem = "agenda_item" / EntityAgendaItem,
    Resolution = "resolution" / EntityResolution,
    Task = "task" / EntityTask,
    Policy = "policy" / EntityPolicy,
    Indicator = "indicator" / EntityIndicator,
    Record = "record" / EntityRecord,
    DatabaseFile = "database_file" / EntityDatabaseFile,
    Login = "login" / EntityLogin,
    Administrator = "administrator" / EntityAdministrator,
    DemoPerson = "demo_person" / EntityDemoPerson,
    DemoParentBody = "demo_parent_body" / EntityDemoParentBody,
    DemoPolicyBody = "demo_policy_body" / EntityDemoPolicyBody,
    PersonName = "person_name" / EntityPersonName,
    BodyName = "body_name" / EntityBodyName,
    AgendaItemTitle = "agenda_item_title" / EntityAgendaItemTitle,
    GuestName = "guest_name" / EntityGuestName,
    ResolutionText = "resolution_text" / EntityResolutionText,
    TaskTitle = "task_title" / EntityTaskTitle,
    TaskDescription = "task_description" / EntityTaskDescription,
    PolicyTitle = "policy_title" / EntityPolicyTitle,
    IndicatorName = "indicator_name" / EntityIndicatorName,
    Period = "period" / EntityPeriod,
    Note = "note" / EntityNote,
    Minutes = "minutes" / EntityMinutes,
    TermEnd = "term_end" / EntityTermEnd,
    Duration = "duration" / EntityDuration,
    VoteTally = "vote_tally" / EntityVoteTally,
    SearchQuery = "search_query" / EntitySearchQuery,
    PercentDone = "percent_done" / EntityPercentDone,
    Target = "target" / EntityTarget,
    Value = "value" / EntityValue,
    Time = "time" / EntityTime,
    Date = "date" / EntityDate,
    StoredValue = "stored_value" / EntityStoredValue,
    QuorumRule = "quorum_rule" / EntityQuorumRule,
    MeetingRule = "meeting_rule" / EntityMeetingRule,
    ResolutionFormat = "resolution_format" / EntityResolutionFormat,
    BodyKind = "body_kind" / EntityBodyKind,
    Role = "role" / EntityRole,
    SessionKind = "session_kind" / EntitySessionKind,
    SessionStatus = "session_status" / EntitySessionStatus,
    Attendance = "attendance" / EntityAttendance,
    AgendaStatus = "agenda_item_status" / EntityAgendaStatus,
    Decision = "decision" / EntityDecision,
    Status = "status" / EntityStatus,
    Vote = "vote" / EntityVote,
    Priority = "priority" / EntityPriority,
    Activity = "activity" / EntityActivity,
    Threshold = "threshold" / EntityThreshold,
    VotingRule = "voting_rule" / EntityVotingRule,
    MotionKind = "motion_kind" / EntityMotionKind,
    MotionStatus = "motion_status" / EntityMotionStatus,
    VoteMethod = "vote_method" / EntityVoteMethod,
    VoteBasis = "vote_basis" / EntityVoteBasis,
    Abstentions = "abstentions" / EntityAbstentions,
    TieRule = "tie_rule" / EntityTieRule,
    Motion = "motion" / EntityMotion,
    CastingVote = "casting_vote" / EntityCastingVote,
    SessionEvent = "session_event" / EntitySessionEvent,
    ItemKind = "item_kind" / EntityItemKind,
    Urgency = "urgency" / EntityUrgency,
    Standing = "standing" / EntityStanding,
    Signing = "signing" / EntitySigning,
    FiscalYear = "fiscal_year" / EntityFiscalYear,
    AbsenceRule = "absence_rule" / EntityAbsenceRule,
    LawProfile = "law_profile" / EntityLawProfile,
    LegalPeriod = "legal_period" / EntityLegalPeriod,
    Weekend = "weekend" / EntityWeekend,
    DayCount = "day_count" / EntityDayCount,
    LetterDirection = "letter_direction" / EntityLetterDirection,
    RecipientKind = "recipient_kind" / EntityRecipientKind,
    SendMethod = "send_method" / EntitySendMethod,
    LegalEventKind = "legal_event" / EntityLegalEvent,
    Letter = "letter" / EntityLetter,
    Recipient = "recipient" / EntityRecipient,
    Holiday = "holiday" / EntityHoliday,
    Term = "term" / EntityTerm,
    Guest = "guest" / EntityGuest,
    Membership = "membership" / EntityMembership,
    ResolutionNumber = "resolution_number" / EntityResolutionNumber,
    SessionNumber = "session_number" / EntitySessionNumber,
    LetterNumber = "letter_number" / EntityLetterNumber,
    LetterCorrespondent = "letter_correspondent" / EntityLetterCorrespondent,
    LetterSubject = "letter_subject" / EntityLetterSubject,
    Goal = "goal" / EntityGoal,
    GoalTitle = "goal_title" / EntityGoalTitle,
    Baseline = "baseline" / EntityBaseline,
    PeriodKind = "period_kind" / EntityPeriodKind,
    Source = "source" / EntitySource,
    Checklist = "checklist" / EntityChecklist,
    ChecklistTitle = "checklist_title" / EntityChecklistTitle,
    Criterion = "criterion" / EntityCriterion,
    CriterionName = "criterion_name" / EntityCriterionName,
    Weight = "weight" / EntityWeight,
    Scale = "scale" / EntityScale,
    Score = "score" / EntityScore,
    Finding = "finding" / EntityFinding,
    Unit = "unit" / EntityUnit,
    Visit = "visit" / EntityVisit,
    Visitor = "visitor" / EntityVisitor,
}

impl std::fmt::Display for Entity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name(Lang::En))
    }
}

/// What a value should have been, renderable in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// One of these values: (stable code, Persian label); both are accepted when typed,
    /// so English shows the codes and Persian the labels.
    OneOf(Vec<(&'static str, &'static str)>),
    /// A description from the catalogue, its `{}` filled with these arguments.
    Described(Msg, Vec<String>),
}

impl Expected {
    /// A description from the catalogue without arguments.
    pub fn msg(msg: Msg) -> Expected {
        Expected::Described(msg, Vec::new())
    }

    /// A description from the catalogue with arguments.
    pub fn with(msg: Msg, args: &[&str]) -> Expected {
        Expected::Described(msg, args.iter().map(|a| a.to_string()).collect())
    }

    pub fn render(&self, lang: Lang) -> String {
        match self {
            Expected::OneOf(values) => {
                let shown: Vec<&str> = values
                    .iter()
                    .map(|(code, fa)| match lang {
                        Lang::En => *code,
                        Lang::Fa => *fa,
                    })
                    .collect();
                tf(
                    lang,
                    Msg::ExpectedOneOf,
                    &[&shown.join(Msg::ListSeparator.text(lang))],
                )
            }
            Expected::Described(msg, args) => {
                let args: Vec<String> = args
                    .iter()
                    .map(|a| crate::locale::digits::localize_digits(a, lang))
                    .collect();
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                tf(lang, *msg, &args)
            }
        }
    }
}

/// A value that is not one of the accepted ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidValue {
    pub what: Entity,
    pub value: String,
    pub expected: Expected,
}

impl crate::locale::Localized for InvalidValue {
    fn message(&self, lang: Lang) -> String {
        tf(
            lang,
            Msg::ErrInvalid,
            &[
                self.what.name(lang),
                &self.value,
                &self.expected.render(lang),
            ],
        )
    }
}

impl std::fmt::Display for InvalidValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use crate::locale::Localized;
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for InvalidValue {}

coded_enum!(
    /// What kind of body this is.
    BodyKind, BodyKind {
        Council = "council" / "Council" / "شورا",
        Commission = "commission" / "Commission" / "کمیسیون",
        Committee = "committee" / "Committee" / "کمیته",
        WorkingGroup = "working_group" / "Working group" / "کارگروه",
        TaskForce = "task_force" / "Task force" / "کار ویژه",
    }
);

coded_enum!(
    /// A member's role in a body.
    Role, Role {
        Chair = "chair" / "Chair" / "رئیس",
        ViceChair = "vice_chair" / "Vice-chair" / "نایب رئیس",
        Secretary = "secretary" / "Secretary" / "دبیر",
        Member = "member" / "Member" / "عضو",
        Observer = "observer" / "Observer" / "ناظر",
    }
);

coded_enum!(
    SessionKind, SessionKind {
        Regular = "regular" / "Regular" / "عادی",
        Extraordinary = "extraordinary" / "Extraordinary" / "فوق‌العاده",
    }
);

coded_enum!(
    /// planned → open → closed → approved; or cancelled.
    SessionStatus, SessionStatus {
        Planned = "planned" / "Planned" / "برنامه‌ریزی‌شده",
        Open = "open" / "Open" / "در جریان",
        Closed = "closed" / "Closed" / "خاتمه‌یافته",
        Approved = "approved" / "Minutes approved" / "صورتجلسه تأییدشده",
        Cancelled = "cancelled" / "Cancelled" / "لغوشده",
    }
);

coded_enum!(
    Presence, Attendance {
        Present = "present" / "Present" / "حاضر",
        Absent = "absent" / "Absent" / "غایب",
        Excused = "excused" / "Excused" / "غیبت موجه",
        Late = "late" / "Late" / "با تأخیر",
        Remote = "remote" / "Remote" / "برخط",
    }
);

coded_enum!(
    AgendaStatus, AgendaStatus {
        Pending = "pending" / "Pending" / "در انتظار",
        Discussed = "discussed" / "Discussed" / "بررسی‌شده",
        Deferred = "deferred" / "Deferred" / "معوق",
        Withdrawn = "withdrawn" / "Withdrawn" / "مسترد",
    }
);

coded_enum!(
    Decision, Decision {
        Adopted = "adopted" / "Adopted" / "تصویب شد",
        Rejected = "rejected" / "Rejected" / "رد شد",
        Deferred = "deferred" / "Deferred" / "مسکوت ماند",
        Withdrawn = "withdrawn" / "Withdrawn" / "مسترد شد",
    }
);

coded_enum!(
    /// Implementation status of a resolution, and status of a task.
    WorkStatus, Status {
        Open = "open" / "Open" / "باز",
        InProgress = "in_progress" / "In progress" / "در حال اقدام",
        Done = "done" / "Done" / "انجام‌شده",
        Cancelled = "cancelled" / "Cancelled" / "لغوشده",
    }
);

impl WorkStatus {
    /// Still needs follow-up.
    pub fn is_open(self) -> bool {
        matches!(self, WorkStatus::Open | WorkStatus::InProgress)
    }
}

coded_enum!(
    Vote, Vote {
        Yes = "yes" / "For" / "موافق",
        No = "no" / "Against" / "مخالف",
        Abstain = "abstain" / "Abstain" / "ممتنع",
    }
);

coded_enum!(
    Priority, Priority {
        Low = "low" / "Low" / "کم",
        Normal = "normal" / "Normal" / "عادی",
        High = "high" / "High" / "زیاد",
        Urgent = "urgent" / "Urgent" / "فوری",
    }
);

coded_enum!(
    /// A moment of a session's clock: the call to order, a recess and the resumption,
    /// the start and end of a closed session, the adjournment.
    SessionEventKind, SessionEvent {
        CalledToOrder = "called_to_order" / "Called to order" / "اعلام رسمیت و آغاز جلسه",
        Recess = "recess" / "Recess" / "تنفس",
        Resumed = "resumed" / "Resumed" / "ادامه جلسه",
        ClosedStart = "closed_start" / "Closed session began" / "آغاز بخش غیرعلنی",
        ClosedEnd = "closed_end" / "Closed session ended" / "پایان بخش غیرعلنی",
        Adjourned = "adjourned" / "Adjourned" / "ختم جلسه",
    }
);

coded_enum!(
    /// What an agenda item is: a plain item, a section heading with numbered sub-items
    /// under it, or one of the kinds bodies distinguish (a report, a proposal, a bill
    /// presented by the municipality, a members' proposal with its signatories,
    /// correspondence).
    ItemKind, ItemKind {
        Item = "item" / "Item" / "دستور",
        Section = "section" / "Section" / "سرفصل",
        Report = "report" / "Report" / "گزارش",
        Proposal = "proposal" / "Proposal" / "پیشنهاد",
        Bill = "bill" / "Bill" / "لایحه",
        MembersMotion = "members_motion" / "Members' proposal" / "طرح",
        Correspondence = "correspondence" / "Correspondence" / "مکاتبات",
    }
);

coded_enum!(
    /// How urgently a bill or a members' proposal is taken up.
    Urgency, Urgency {
        Urgent = "urgent" / "Urgent" / "یک‌فوریتی",
        DoubleUrgent = "double_urgent" / "Double urgent" / "دوفوریتی",
    }
);

coded_enum!(
    /// Where a standing item of the body's order of business stands: among the opening
    /// items (call to order, the review of previous resolutions) or the closing ones
    /// (adjournment). New and carried-over items go between the two.
    Standing, Standing {
        Opening = "opening" / "Opening" / "آغازین",
        Closing = "closing" / "Closing" / "پایانی",
    }
);

coded_enum!(
    /// Who signs a body's minutes: its chair and secretary, or every member present.
    Signing, Signing {
        ChairSecretary = "chair_secretary" / "Chair and secretary" / "رئیس و دبیر",
        PresentMembers = "present_members" / "Every member present" / "همه اعضای حاضر",
    }
);

// coded_enum! declares the enum, so the default cannot be derived on it.
#[allow(clippy::derivable_impls)]
impl Default for ItemKind {
    fn default() -> Self {
        ItemKind::Item
    }
}

#[allow(clippy::derivable_impls)]
impl Default for Signing {
    fn default() -> Self {
        Signing::ChairSecretary
    }
}

/// A name kept in Persian, English or both; shown in the user's language when it has one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Name {
    pub fa: Option<String>,
    pub en: Option<String>,
}

impl Name {
    pub fn new(fa: Option<String>, en: Option<String>) -> Name {
        let clean = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        Name {
            fa: clean(fa),
            en: clean(en),
        }
    }

    /// A single name, put in the slot that matches its script.
    pub fn guess(text: &str) -> Name {
        if crate::locale::text::is_rtl_text(text) {
            Name::new(Some(text.to_string()), None)
        } else {
            Name::new(None, Some(text.to_string()))
        }
    }

    pub fn is_empty(&self) -> bool {
        self.fa.is_none() && self.en.is_none()
    }

    /// The name in the wanted language, else the other one.
    pub fn get(&self, lang: Lang) -> &str {
        let (first, second) = match lang {
            Lang::Fa => (&self.fa, &self.en),
            Lang::En => (&self.en, &self.fa),
        };
        first.as_deref().or(second.as_deref()).unwrap_or_default()
    }

    /// Both names joined, for matching a typed name against either.
    pub fn matches(&self, typed: &str) -> bool {
        let typed = crate::locale::normalize::normalize_for_search(typed);
        [&self.fa, &self.en].iter().any(|n| {
            n.as_deref()
                .map(|n| crate::locale::normalize::normalize_for_search(n) == typed)
                .unwrap_or(false)
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Person {
    pub id: i64,
    pub name: Name,
    pub login: Option<String>,
    pub organization: Option<String>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Body {
    pub id: i64,
    pub name: Name,
    pub kind: BodyKind,
    pub parent_id: Option<i64>,
    pub quorum: rules::QuorumRule,
    pub meeting_rule: rules::MeetingRule,
    pub resolution_format: String,
    /// Standing agenda items every new session starts with, one per line.
    pub agenda_template: Vec<String>,
    pub confidential: bool,
    pub formed_on: Option<NaiveDate>,
    /// Its voting rule and how it runs motions.
    pub procedure: voting::Procedure,
    pub version: i64,
    /// Standing items every new session ends with (adjournment), one per line; new and
    /// carried-over items go before them.
    pub agenda_closing: Vec<String>,
    /// Whether sessions are numbered within each council term (دوره) rather than in one
    /// series.
    pub number_per_term: bool,
    /// The month the body's fiscal year starts in, for `{fyear}` in numbers.
    pub fiscal_year: rules::FiscalYear,
    /// Who signs its minutes.
    pub signing: Signing,
    /// The code of its law profile: the periods of its resolutions' legal life
    /// (`none`, `iran-council`, or one an administrator added).
    pub law_profile: String,
    /// How many unexcused absences end a membership.
    pub absence_rule: rules::AbsenceRule,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Membership {
    pub id: i64,
    pub body_id: i64,
    pub person_id: i64,
    pub role: Role,
    pub voting: bool,
    pub term_start: Option<NaiveDate>,
    pub term_end: Option<NaiveDate>,
}

impl Membership {
    /// Whether the membership is in force on a day.
    pub fn active_on(&self, day: NaiveDate) -> bool {
        self.term_start.is_none_or(|s| s <= day) && self.term_end.is_none_or(|e| day <= e)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Session {
    pub id: i64,
    pub body_id: i64,
    pub number: i64,
    pub kind: SessionKind,
    pub date: NaiveDate,
    pub start_time: Option<String>,
    pub end_time: Option<String>,
    pub place: Option<String>,
    pub status: SessionStatus,
    pub approved_by: Option<String>,
    pub approved_at: Option<String>,
    pub approved_audit_head: Option<String>,
    pub version: i64,
    /// The council term (دوره) it belongs to, and its number within that term.
    pub term_id: Option<i64>,
    pub number_in_term: Option<i64>,
    /// The number of that term (read with the session, for its label).
    pub term_number: Option<i64>,
}

/// A council term (دوره): a numbered period of a body's life, from the day it starts to
/// the day it ends (open while current).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Term {
    pub id: i64,
    pub body_id: i64,
    pub number: i64,
    pub starts_on: NaiveDate,
    pub ends_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attendance {
    pub session_id: i64,
    pub person_id: i64,
    pub presence: Presence,
    /// When a member who came late arrived (HH:MM).
    pub arrived_at: Option<String>,
    /// When a member left before the end (HH:MM); none once back in the room.
    pub left_at: Option<String>,
}

/// One moment of a session's clock, at a time of day (HH:MM) on the session's date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SessionEvent {
    pub id: i64,
    pub session_id: i64,
    pub kind: SessionEventKind,
    pub at: String,
    pub recorded_at: String,
    pub recorded_by: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Guest {
    pub id: i64,
    pub session_id: i64,
    pub name: String,
    pub organization: Option<String>,
    /// Where their invitation is mailed (`guest add --email`).
    pub email: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgendaItem {
    pub id: i64,
    pub session_id: i64,
    pub position: i64,
    pub title: String,
    pub presenter: Option<String>,
    pub duration_min: Option<i64>,
    pub status: AgendaStatus,
    pub carried_from: Option<i64>,
    /// The standing "review of previous resolutions" item.
    pub is_review: bool,
    /// On the consent agenda: adopted with the others by one vote.
    pub consent: bool,
    /// Taken in closed session: its minutes and votes are for members only.
    pub closed: bool,
    pub minutes: Option<String>,
    pub minutes_author: Option<String>,
    pub minutes_at: Option<String>,
    pub version: i64,
    /// The section (an item of kind [`ItemKind::Section`]) it is a sub-item of.
    pub parent_id: Option<i64>,
    pub kind: ItemKind,
    pub urgency: Option<Urgency>,
    /// A standing item of the body's order of business, opening or closing.
    pub standing: Option<Standing>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tally {
    pub yes: i64,
    pub no: i64,
    pub abstain: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resolution {
    pub id: i64,
    pub body_id: i64,
    pub session_id: Option<i64>,
    pub agenda_item_id: Option<i64>,
    pub seq: i64,
    pub number: String,
    pub text: String,
    pub decision: Decision,
    pub tally: Option<Tally>,
    pub status: WorkStatus,
    pub owner: Option<String>,
    pub due: Option<NaiveDate>,
    pub created_on: NaiveDate,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Task {
    pub id: i64,
    pub body_id: i64,
    pub resolution_id: Option<i64>,
    pub agenda_item_id: Option<i64>,
    pub title: String,
    pub assignee_id: Option<i64>,
    pub assignee_unit: Option<String>,
    pub due: Option<NaiveDate>,
    pub status: WorkStatus,
    pub priority: Priority,
    pub percent: i64,
    pub done_on: Option<NaiveDate>,
    pub created_on: NaiveDate,
    pub version: i64,
}

impl Task {
    /// Days past due on `today`, when the task is still open and late.
    pub fn days_overdue(&self, today: NaiveDate) -> Option<i64> {
        match self.due {
            Some(due) if self.status.is_open() && due < today => Some((today - due).num_days()),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TaskUpdate {
    pub id: i64,
    pub task_id: i64,
    pub session_id: Option<i64>,
    pub status: WorkStatus,
    pub percent: i64,
    pub note: String,
    pub author: String,
    pub at: String,
}

/// A follow-up on a resolution itself (its status and a note), recorded at a session's
/// review of previous resolutions or on its own; used for resolutions that have no open
/// task to carry their follow-up.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResolutionUpdate {
    pub id: i64,
    pub resolution_id: i64,
    pub session_id: Option<i64>,
    pub status: WorkStatus,
    pub note: String,
    pub author: String,
    pub at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Policy {
    pub id: i64,
    pub body_id: i64,
    pub title: String,
    /// The goal of the body's plan it serves.
    pub goal_id: Option<i64>,
    pub description: String,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Indicator {
    pub id: i64,
    pub policy_id: i64,
    pub name: String,
    pub unit: Option<String>,
    pub target: f64,
    /// Whether a higher measured value is better.
    pub higher_is_better: bool,
    /// Where it started (0 % of the way to the target).
    pub baseline: Option<f64>,
    /// How often it is measured.
    pub period: plans::PeriodKind,
    /// The calendar its periods are counted in (the body's when it was added).
    #[serde(serialize_with = "serialize_calendar")]
    pub calendar: crate::locale::Calendar,
    pub version: i64,
}

fn serialize_calendar<S: serde::Serializer>(
    c: &crate::locale::Calendar,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.serialize_str(plans::calendar_code(*c))
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Measurement {
    pub indicator_id: i64,
    /// The period's code in the indicator's calendar (`1404-Q2`, `1404-07`, `1404`).
    pub period: String,
    pub value: f64,
    /// Where the figure comes from (a report, a survey, a department).
    pub source: String,
    pub note: String,
    pub recorded_by: String,
    pub recorded_at: String,
}

/// Text as stored: exactly as typed but for NUL, which no text means and C tools
/// (sqlite3, terminals, exports read by other programs) take as its end. Every other
/// character is kept byte for byte; what reaches a terminal or an export is sanitized
/// there ([`crate::locale::text::sanitize`]), so the record stays what was typed.
pub fn clean_text(text: &str) -> String {
    text.replace('\0', "")
}

/// Checks a title or text typed by a user: not empty, not absurdly long; gives it as
/// stored (trimmed, [`clean_text`]).
pub fn check_text(what: Entity, text: &str, max_chars: usize) -> Result<String, InvalidValue> {
    let cleaned = clean_text(text);
    let trimmed = cleaned.trim();
    if trimmed.is_empty() {
        return Err(InvalidValue {
            what,
            value: text.to_string(),
            expected: Expected::msg(Msg::ExpectedSomeText),
        });
    }
    let n = trimmed.chars().count();
    if n > max_chars {
        let preview: String = trimmed.chars().take(24).collect();
        return Err(InvalidValue {
            what,
            value: format!("{preview}… ({n})"),
            expected: Expected::with(Msg::ExpectedAtMostChars, &[&max_chars.to_string()]),
        });
    }
    Ok(trimmed.to_string())
}

/// Longest title (body name, agenda item, task) accepted.
pub const MAX_TITLE: usize = 500;
/// Longest free text (minutes, resolution text) accepted.
pub const MAX_TEXT: usize = 200_000;
