//! The command line, declared once with clap (help and usage come from here).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "shura",
    version,
    about = "Council and committee meetings in the terminal: sessions, attendance, minutes, resolutions, follow-up",
    long_about = "shura records sessions, attendance, minutes, resolutions and follow-up tasks of councils, \
commissions and committees, in English or Persian, with Gregorian or Jalali dates. With no subcommand it \
opens the interactive screen; every subcommand does the same work non-interactively, and every listing \
takes --json."
)]
pub struct Cli {
    /// The database file (default: shura.db in your data directory)
    #[arg(long, global = true, env = "SHURA_DB", value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Language of the interface: en or fa (default: from the config file, else LANG)
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
    /// Calendar for dates shown and typed: jalali or gregorian
    #[arg(long, global = true, value_name = "CALENDAR")]
    pub calendar: Option<String>,
    /// Right-to-left display: app (shura reorders), terminal (the terminal does), off
    #[arg(long, global = true, value_name = "MODE")]
    pub bidi: Option<String>,
    /// Open the interactive screen on the demo database (made when missing)
    #[arg(long)]
    pub demo: bool,
    /// The screen to start on: dashboard, bodies, tasks, resolutions or mine
    /// (default: by your role: chairs the dashboard, secretaries their bodies, members
    /// their own tasks)
    #[arg(long, value_name = "VIEW", value_parser = ["dashboard", "bodies", "tasks", "resolutions", "mine"])]
    pub view: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create the database, or migrate an older one; --shared sets up a directory a
    /// Unix group shares. Whoever creates the database is its first administrator
    Init(InitArgs),
    /// Fill a database with the demo data from data/ (or a large generated one)
    Demo(DemoArgs),
    /// Councils, commissions, committees, working groups, task forces
    #[command(subcommand)]
    Body(BodyCmd),
    /// People (members, secretaries, chairs)
    #[command(subcommand)]
    Person(PersonCmd),
    /// Memberships of people in bodies
    #[command(subcommand)]
    Member(MemberCmd),
    /// Sessions (meetings) of a body
    #[command(subcommand)]
    Session(SessionCmd),
    /// Council terms (دوره) of a body, which its sessions may be numbered in
    #[command(subcommand)]
    Term(super::terms::TermCmd),
    /// The secretariat's register (دبیرخانه): numbered letters received and sent
    #[command(subcommand)]
    Letter(super::letters::LetterCmd),
    /// Evaluation checklists of a body: criteria with weights, a scale, the units
    /// visited
    #[command(subcommand)]
    Checklist(super::evaluation::ChecklistCmd),
    /// Field visits: scored on a checklist, findings made follow-up tasks, the
    /// scoreboard of units and the visits due
    #[command(subcommand)]
    Visit(super::evaluation::VisitCmd),
    /// Agenda items of a session
    #[command(subcommand)]
    Agenda(AgendaCmd),
    /// Minutes of an agenda item
    #[command(subcommand)]
    Minutes(MinutesCmd),
    /// Roll call: record a member's attendance at a session
    Attend(AttendArgs),
    /// Invited guests of a session
    #[command(subcommand)]
    Guest(GuestCmd),
    /// Resolutions (decisions) of bodies
    #[command(subcommand)]
    Resolution(ResolutionCmd),
    /// Law profiles: the periods of a resolution's legal life after the session
    #[command(subcommand)]
    Law(super::legal::LawCmd),
    /// Official holidays, which periods in working days skip
    #[command(subcommand)]
    Holiday(super::legal::HolidayCmd),
    /// Motions: moved, seconded, amended, withdrawn, voted
    #[command(subcommand)]
    Motion(super::meeting::MotionCmd),
    /// Cast your own vote on an open vote (you are the person whose --login is yours)
    Vote(super::meeting::VoteOwn),
    /// Conflicts of interest: a member who does not vote on an item
    #[command(subcommand)]
    Conflict(super::meeting::ConflictCmd),
    /// The consent agenda, moved as one motion
    #[command(subcommand)]
    Consent(super::meeting::ConsentCmd),
    /// Follow-up tasks
    #[command(subcommand)]
    Task(TaskCmd),
    /// Goals of a body's plan, which its policies serve
    #[command(subcommand)]
    Goal(super::plans::GoalCmd),
    /// Policies of a body's plan: their goals, indicators and the resolutions and tasks
    /// that serve them
    #[command(subcommand)]
    Policy(super::plans::PolicyCmd),
    /// Indicators of policies: targets, baselines, and a measurement each period
    #[command(subcommand)]
    Indicator(super::plans::IndicatorCmd),
    /// Convert dates between the Gregorian and Jalali calendars
    Date(DateArgs),
    /// Print a month as a calendar grid, with session days marked
    Cal(CalArgs),
    /// Full-text search over agenda items, minutes, resolutions and tasks
    Search(SearchArgs),
    /// Export minutes and other records
    #[command(subcommand)]
    Export(ExportCmd),
    /// The audit trail of every change
    #[command(subcommand)]
    Audit(AuditCmd),
    /// Who you are to shura: administrator or not, your roles and what you may do where
    Whoami(JsonFlag),
    /// Administrators: they set up bodies, people and memberships
    #[command(subcommand)]
    Admin(AdminCmd),
    /// Check a database: file permissions, WAL mode, schema version, integrity, audit chain
    Doctor(JsonFlag),
    /// Digests for mail: `report overdue` lists overdue tasks and resolutions by body
    Report(super::reports::ReportArgs),
    /// The chair's figures: open, overdue, due this week, sessions, statutory meetings,
    /// follow-up, attendance, indicators
    Dashboard(super::reports::DashboardArgs),
}

impl Command {
    /// Whether the command only reads the database: then it never creates one, and an
    /// unknown path is an error naming it.
    pub fn only_reads(&self) -> bool {
        match self {
            Command::Body(c) => matches!(c, BodyCmd::List(_) | BodyCmd::Show(_)),
            Command::Motion(c) => c.only_reads(),
            Command::Term(c) => c.only_reads(),
            Command::Letter(c) => c.only_reads(),
            Command::Checklist(c) => c.only_reads(),
            Command::Visit(c) => c.only_reads(),
            Command::Goal(c) => c.only_reads(),
            Command::Policy(c) => c.only_reads(),
            Command::Indicator(c) => c.only_reads(),
            Command::Minutes(c) => c.only_reads(),
            Command::Conflict(c) => matches!(c, super::meeting::ConflictCmd::List(_)),
            Command::Person(c) => matches!(c, PersonCmd::List(_)),
            Command::Member(c) => matches!(c, MemberCmd::List(_)),
            Command::Session(c) => {
                matches!(
                    c,
                    SessionCmd::List(_) | SessionCmd::Show(_) | SessionCmd::Invite(_)
                )
            }
            Command::Agenda(c) => matches!(c, AgendaCmd::List(_)),
            Command::Resolution(c) => {
                matches!(
                    c,
                    ResolutionCmd::List(_) | ResolutionCmd::Show(_) | ResolutionCmd::Legal(_)
                )
            }
            Command::Law(c) => c.only_reads(),
            Command::Holiday(c) => c.only_reads(),
            Command::Task(c) => matches!(c, TaskCmd::List(_)),
            Command::Admin(c) => matches!(c, AdminCmd::List(_)),
            Command::Cal(_)
            | Command::Search(_)
            | Command::Export(_)
            | Command::Audit(_)
            | Command::Whoami(_)
            | Command::Report(_)
            | Command::Dashboard(_)
            | Command::Date(_)
            | Command::Doctor(_) => true,
            _ => false,
        }
    }
}

#[derive(Debug, Args)]
pub struct JsonFlag {
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Set up DIR for a group: group-owned, setgid (2770), the database DIR/shura.db
    /// with mode 0660; refused on a network file system
    #[arg(long, value_name = "DIR", requires = "group")]
    pub shared: Option<PathBuf>,
    /// The Unix group that shares the database (with --shared)
    #[arg(long, value_name = "GROUP", requires = "shared")]
    pub group: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum AdminCmd {
    /// Make a Unix login an administrator
    Grant(AdminLogin),
    /// Take administration away from a login (the last administrator stays)
    Revoke(AdminLogin),
    /// List administrators
    List(JsonFlag),
}

#[derive(Debug, Args)]
pub struct AdminLogin {
    /// A Unix login name
    pub login: String,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Replace a database that already holds data
    #[arg(long)]
    pub force: bool,
    /// Generate a large database instead: 1 = 500 bodies, 5,000 people, 20,000 sessions,
    /// 100,000 resolutions, 1,000,000 tasks (fractions such as 0.01 allowed)
    #[arg(long, value_name = "N")]
    pub scale: Option<f64>,
    /// Language of the demo's texts (default: the interface language)
    #[arg(long = "text-lang", value_name = "LANG")]
    pub text_lang: Option<String>,
}

#[derive(Debug, Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum BodyCmd {
    /// List bodies
    List(JsonFlag),
    /// Add a body
    Add(Box<BodyAdd>),
    /// A body with its voting rule
    Show(BodyShow),
    /// Correct a body: any field `body add` takes, its voting rule and its quorum
    Edit(BodyEdit),
}

#[derive(Debug, Args)]
pub struct BodyShow {
    /// The body (id or name)
    pub body: String,
    #[arg(long)]
    pub json: bool,
}

/// A voting rule as flags: a preset or parts, then parts that change it.
#[derive(Debug, Args, Default)]
pub struct RuleFlags {
    /// iran-council, roberts, or parts such as basis=present;threshold=half (a preset
    /// also sets its quorum unless --quorum is given)
    #[arg(long = "voting-rule", value_name = "RULE")]
    pub voting_rule: Option<String>,
    /// cast, present or members
    #[arg(long = "vote-basis", value_name = "BASIS")]
    pub vote_basis: Option<String>,
    /// half, two_thirds, three_quarters or at_least:N
    #[arg(long, value_name = "THRESHOLD")]
    pub threshold: Option<String>,
    /// ignored or against
    #[arg(long, value_name = "WHAT")]
    pub abstentions: Option<String>,
    /// fails or chair
    #[arg(long, value_name = "TIE")]
    pub tie: Option<String>,
    /// A motion needs a second before it is voted
    #[arg(long = "second-required")]
    pub second_required: bool,
    /// Rejected main motions get a resolution number too
    #[arg(long = "number-rejected")]
    pub number_rejected: bool,
}

#[derive(Debug, Args)]
pub struct BodyEdit {
    /// The body (id or name)
    pub body: String,
    #[command(flatten)]
    pub rule: RuleFlags,
    /// A motion no longer needs a second
    #[arg(long = "no-second-required", conflicts_with = "second_required")]
    pub no_second_required: bool,
    /// Rejected main motions are no longer numbered
    #[arg(long = "no-number-rejected", conflicts_with = "number_rejected")]
    pub no_number_rejected: bool,
    /// majority, two_thirds, or fixed:N
    #[arg(long)]
    pub quorum: Option<String>,
    #[command(flatten)]
    pub fields: Box<super::corrections::BodyFields>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct BodyAdd {
    /// The body's name (Persian or English; put it in --name-fa/--name-en to give both)
    pub name: Option<String>,
    #[arg(long = "name-fa")]
    pub name_fa: Option<String>,
    #[arg(long = "name-en")]
    pub name_en: Option<String>,
    /// council, commission, committee, working_group or task_force
    #[arg(long, default_value = "committee")]
    pub kind: String,
    /// The body above it (id or name)
    #[arg(long)]
    pub parent: Option<String>,
    /// majority, two_thirds, or fixed:N (default: the voting rule's, else majority)
    #[arg(long)]
    pub quorum: Option<String>,
    #[command(flatten)]
    pub rule: RuleFlags,
    /// none, monthly, or jalali_months:M,M (e.g. jalali_months:4,10 for Tir and Dey)
    #[arg(long = "meeting-rule", default_value = "none")]
    pub meeting_rule: String,
    /// Resolution number pattern: {seq}, {session}, {term}, {year}, {yy}, {jyear},
    /// {jyy}, {fyear}, each with an optional width 1-9 ({seq:3})
    #[arg(long = "resolution-format", default_value = "{jyear}/{session}/{seq}")]
    pub resolution_format: String,
    /// Number sessions within each council term (دوره), 1, 2, … in each
    #[arg(long = "number-per-term")]
    pub number_per_term: bool,
    /// The month its fiscal year starts, for {fyear}: jalali:1 (the Jalali year) or
    /// gregorian:7 (July; named by the year it ends)
    #[arg(long = "fiscal-year", default_value = "jalali:1")]
    pub fiscal_year: String,
    /// The law its resolutions live under after the session: none, iran-council (one
    /// week to send, two weeks to object, ten days to answer), or a profile added
    /// with `shura law set`
    #[arg(long = "law-profile", default_value = "none")]
    pub law_profile: String,
    /// How many unexcused absences end a membership: year:12,row:6 (12 in a year or 6
    /// in a row), or none
    #[arg(long = "absence-rule", default_value = "none")]
    pub absence_rule: String,
    /// A standing agenda item of every new session (repeatable)
    #[arg(long = "template-item", value_name = "TITLE")]
    pub template_item: Vec<String>,
    /// A closing standing item of every new session, e.g. Adjournment (repeatable);
    /// new and carried-over items go before them
    #[arg(long = "closing-item", value_name = "TITLE")]
    pub closing_item: Vec<String>,
    /// Only members may see it
    #[arg(long)]
    pub confidential: bool,
    /// The day it was formed
    #[arg(long)]
    pub formed: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum PersonCmd {
    List(JsonFlag),
    Add(PersonAdd),
    /// Correct a person's name, login, organization or email
    Edit(super::corrections::PersonEdit),
}

#[derive(Debug, Args)]
pub struct PersonAdd {
    pub name: Option<String>,
    #[arg(long = "name-fa")]
    pub name_fa: Option<String>,
    #[arg(long = "name-en")]
    pub name_en: Option<String>,
    /// The person's Unix login, which tells shura who is at the keyboard
    #[arg(long)]
    pub login: Option<String>,
    #[arg(long)]
    pub organization: Option<String>,
    #[arg(long)]
    pub email: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum MemberCmd {
    /// List members of a body (or every membership)
    List(MemberList),
    /// Add a member to a body; --name creates the person when needed
    Add(MemberAdd),
    /// Correct a membership (its id in `member list`): role, vote, term
    Edit(super::corrections::MemberEdit),
    /// End a membership on a day (today by default)
    End(super::corrections::MemberEnd),
}

#[derive(Debug, Args)]
pub struct MemberList {
    #[arg(long)]
    pub body: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct MemberAdd {
    #[arg(long)]
    pub body: String,
    /// An existing person (id, login or name)
    #[arg(long)]
    pub person: Option<String>,
    /// A new person's name
    #[arg(long)]
    pub name: Option<String>,
    #[arg(long)]
    pub login: Option<String>,
    #[arg(long)]
    pub organization: Option<String>,
    /// chair, vice_chair, secretary, member or observer
    #[arg(long, default_value = "member")]
    pub role: String,
    /// A member without a vote (not counted for quorum)
    #[arg(long = "non-voting")]
    pub non_voting: bool,
    #[arg(long)]
    pub from: Option<String>,
    #[arg(long)]
    pub to: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum SessionCmd {
    List(SessionList),
    /// Schedule a session: its number is the body's next, its agenda starts from the
    /// template, carried-over items and a review of open resolutions
    Add(SessionAdd),
    /// A session's whole record
    Show(SessionShow),
    /// Open a session: it is called to order at --at HH:MM, or now
    Open(SessionClock),
    /// Close a session: adjourned at the adjournment already recorded, else at --at
    /// HH:MM, or now
    Close(SessionClock),
    /// Take a recess in an open session, at --at HH:MM or now
    Recess(SessionClock),
    /// Resume an open session after its recess, at --at HH:MM or now
    Resume(SessionClock),
    /// Approve the minutes of a closed session, storing them as they read now; they no
    /// longer change afterwards. Again while a correction is open: approved as corrected
    Approve(SessionRef),
    /// Correct approved minutes, a formal act at a later session: opens a correction
    /// (the record may change again until `session approve` approves it as corrected)
    Correct(SessionCorrect),
    /// Cancel a planned session
    Cancel(SessionRef),
    /// Invitations (دعوتنامه): one per member in office and per guest, in their language
    /// and calendar, as md, html or ics files in -o DIR, or mailed with --mail through
    /// the server's sendmail ($SHURA_SENDMAIL)
    Invite(super::invitations::SessionInvite),
}

#[derive(Debug, Args)]
pub struct SessionList {
    #[arg(long)]
    pub body: Option<String>,
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long)]
    pub from: Option<String>,
    #[arg(long)]
    pub to: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SessionAdd {
    #[arg(long)]
    pub body: String,
    #[arg(long)]
    pub date: String,
    /// Start time, HH:MM
    #[arg(long)]
    pub time: Option<String>,
    /// End time, HH:MM
    #[arg(long)]
    pub end: Option<String>,
    #[arg(long)]
    pub place: Option<String>,
    #[arg(long)]
    pub extraordinary: bool,
    /// Start with an empty agenda
    #[arg(long = "empty-agenda")]
    pub empty_agenda: bool,
    /// Its number (39, ۳۹): the first session of a body that existed before shura, or
    /// to continue a series; later ones follow from the highest. In its term for a body
    /// that numbers per term
    #[arg(long, allow_hyphen_values = true)]
    pub number: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SessionShow {
    /// A session id, or BODY#NUMBER
    pub session: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SessionClock {
    /// A session id, or BODY#NUMBER
    pub session: String,
    /// The time it happened, HH:MM (default: now, on the session's own day)
    #[arg(long)]
    pub at: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SessionCorrect {
    /// The session whose approved minutes are corrected: an id, or BODY#NUMBER
    pub session: String,
    /// The later session of the same body, not yet approved, at which it is corrected
    #[arg(long)]
    pub at: String,
    /// Why, as that session records it
    #[arg(long)]
    pub reason: String,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct SessionRef {
    /// A session id, or BODY#NUMBER
    pub session: String,
}

#[derive(Debug, Subcommand)]
pub enum AgendaCmd {
    /// Add an item to a session's agenda: before its closing items, or under a section
    Add(AgendaAdd),
    /// Correct an item: title, presenter, duration, kind, urgency, signatories
    Edit(super::corrections::AgendaEdit),
    /// Remove an item nothing refers to (otherwise withdraw it)
    Remove(super::corrections::AgendaRemove),
    /// Move an item to a number on the agenda (3, or 7.2 into section 7)
    Move(AgendaMove),
    /// List a session's agenda
    List(SessionShow),
    /// Set an item's status: pending, discussed, deferred, withdrawn
    SetStatus(AgendaStatusArgs),
    /// Mark an item as taken in closed session (its minutes and votes for members only)
    Closed(AgendaClosedArgs),
    /// Put an item on the consent agenda (or take it off with --off)
    Consent(super::meeting::AgendaConsent),
}

#[derive(Debug, Args)]
pub struct AgendaClosedArgs {
    pub item: i64,
    /// Take the mark off: the item is taken in open session
    #[arg(long)]
    pub off: bool,
}

#[derive(Debug, Args)]
pub struct AgendaAdd {
    /// The session (an id, or BODY#NUMBER), then the item's title; or the title alone
    /// with --session
    #[arg(value_name = "SESSION TITLE", num_args = 1..=2, required = true)]
    pub args: Vec<String>,
    #[arg(long)]
    pub session: Option<String>,
    /// item, section, report, proposal, bill, members_motion, correspondence (or the
    /// Persian: لایحه، طرح، …)
    #[arg(long)]
    pub kind: Option<String>,
    /// The section it goes under, by its number on the agenda (7) or its id
    #[arg(long, value_name = "ITEM_NUMBER_OR_ID")]
    pub under: Option<String>,
    /// urgent or double_urgent (یک‌فوریتی، دوفوریتی), for a bill or a members' proposal
    #[arg(long)]
    pub urgency: Option<String>,
    /// A member who signed a members' proposal, by name or id (repeatable)
    #[arg(long = "signatory", value_name = "PERSON")]
    pub signatories: Vec<String>,
    #[arg(long)]
    pub presenter: Option<String>,
    /// Minutes
    #[arg(long)]
    pub duration: Option<i64>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct AgendaMove {
    /// The item: its id, or its number on the agenda with --session
    pub item: String,
    /// The number it is to have: 3, or 7.2 (the second sub-item of section 7, the
    /// section as numbered before the move); a number past the end puts it last
    #[arg(long, value_name = "NUMBER")]
    pub to: String,
    /// The session, when ITEM is a number on its agenda
    #[arg(long)]
    pub session: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct AgendaStatusArgs {
    pub item: i64,
    pub status: String,
}

#[derive(Debug, Subcommand)]
pub enum MinutesCmd {
    /// Set the minutes of an agenda item (text, or --file, or - for standard input)
    Set(MinutesSet),
    /// Sign a session's approved minutes as yourself (the person whose --login is yours)
    Sign(super::signatures::SignArgs),
    /// Who signed a session's approved minutes, and who is still to sign
    Signatures(super::signatures::SignaturesArgs),
    /// Check an exported minutes file (Markdown or HTML): the approved record of which
    /// session, signed by whom, or changed
    Verify(super::signatures::VerifyArgs),
}

impl MinutesCmd {
    pub fn only_reads(&self) -> bool {
        matches!(self, MinutesCmd::Signatures(_) | MinutesCmd::Verify(_))
    }
}

#[derive(Debug, Args)]
pub struct MinutesSet {
    #[arg(long)]
    pub item: i64,
    pub text: Option<String>,
    #[arg(long)]
    pub file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct AttendArgs {
    #[arg(long)]
    pub session: String,
    /// A person (id, login or name)
    pub person: String,
    /// present, absent, excused, late or remote; or left (gone before the end)
    pub presence: String,
    /// With late: the time of arrival, HH:MM (default: now); with left: the time of
    /// departure (needed)
    #[arg(long)]
    pub at: Option<String>,
    /// Print the member's row of the roll call and the quorum as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum GuestCmd {
    Add(GuestAdd),
    /// Correct a guest's name or organization
    Edit(super::corrections::GuestEdit),
    /// Remove a guest from the session's list
    Remove(super::corrections::GuestRemove),
}

#[derive(Debug, Args)]
pub struct GuestAdd {
    #[arg(long)]
    pub session: String,
    pub name: String,
    #[arg(long)]
    pub organization: Option<String>,
    /// Where their invitation is mailed (`session invite --mail`)
    #[arg(long)]
    pub email: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ResolutionCmd {
    List(ResolutionList),
    /// Record a resolution; the number comes from the body's format
    Add(ResolutionAdd),
    /// Set implementation status: open, in_progress, done, cancelled
    SetStatus(ResolutionStatus),
    /// A resolution with its vote, tasks and their progress
    Show(ResolutionShow),
    /// Correct a resolution before its minutes are approved: text, decision, votes,
    /// owner, due date
    Edit(super::corrections::ResolutionEdit),
    /// Send (ابلاغ) an adopted resolution to its recipients: people, units, outside
    /// authorities; its objection window runs from the authority's notification
    Send(super::legal::ResolutionSend),
    /// Record that a recipient had the resolution (its acknowledgement)
    Acknowledge(super::legal::ResolutionAcknowledge),
    /// Record an outside authority's objection to a resolution
    Object(super::legal::ResolutionObject),
    /// Record the body's answer to an objection at a session: insist, amend, withdraw
    Answer(super::legal::ResolutionAnswer),
    /// Record the dispute board's ruling on a resolution insisted on: upheld, annulled
    Ruling(super::legal::ResolutionRuling),
    /// Where a resolution stands in law: to be sent, objection window, in force…
    Legal(super::legal::ResolutionLegal),
}

#[derive(Debug, Args)]
pub struct ResolutionList {
    #[arg(long)]
    pub body: Option<String>,
    /// Include the bodies under --body
    #[arg(long)]
    pub children: bool,
    #[arg(long)]
    pub status: Option<String>,
    /// Only open and in-progress ones
    #[arg(long)]
    pub open: bool,
    /// Only open ones past their due date
    #[arg(long)]
    pub overdue: bool,
    #[arg(long = "due-before")]
    pub due_before: Option<String>,
    #[arg(long)]
    pub session: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ResolutionAdd {
    /// The session it was decided at (id or BODY#NUMBER)
    #[arg(long)]
    pub session: Option<String>,
    /// The body, when there is no session
    #[arg(long)]
    pub body: Option<String>,
    /// The agenda item it came from
    #[arg(long)]
    pub item: Option<i64>,
    pub text: String,
    /// adopted, rejected, deferred or withdrawn. With a vote at a session the decision
    /// follows from the body's voting rule; one given otherwise is recorded as the
    /// chair's declaration
    #[arg(long)]
    pub decision: Option<String>,
    /// Vote tally FOR/AGAINST/ABSTAIN, e.g. 7/2/1
    #[arg(long)]
    pub votes: Option<String>,
    /// Every present voting member voted for
    #[arg(long)]
    pub unanimous: bool,
    /// Record the vote although the session's roll call shows no quorum
    #[arg(long)]
    pub without_quorum: bool,
    /// Who is responsible for carrying it out
    #[arg(long)]
    pub owner: Option<String>,
    #[arg(long)]
    pub due: Option<String>,
    /// The number given by hand, for a body that already numbers (e.g. 1397/39/4);
    /// refused when the body has it. Else it comes from the body's format
    #[arg(long)]
    pub number: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ResolutionStatus {
    pub id: i64,
    /// open, in_progress, done or cancelled
    pub status: String,
    /// What was reported on it (kept in its follow-up history)
    #[arg(long, default_value = "")]
    pub note: String,
    /// The session whose review of previous resolutions followed it up
    #[arg(long)]
    pub session: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ResolutionShow {
    pub id: i64,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum TaskCmd {
    List(TaskList),
    Add(TaskAdd),
    /// Record progress: status, percent done, a note, at a session
    Update(TaskUpdateArgs),
    /// Mark a task done
    Done(TaskDone),
    /// Correct a task: title, description, assignee, due date, priority
    Edit(super::corrections::TaskEdit),
}

#[derive(Debug, Args)]
pub struct TaskList {
    #[arg(long)]
    pub body: Option<String>,
    #[arg(long)]
    pub children: bool,
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long)]
    pub open: bool,
    #[arg(long)]
    pub overdue: bool,
    /// A person (id, login or name) or a unit's name
    #[arg(long)]
    pub assignee: Option<String>,
    #[arg(long = "due-before")]
    pub due_before: Option<String>,
    #[arg(long)]
    pub resolution: Option<i64>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct TaskAdd {
    pub title: String,
    #[arg(long)]
    pub body: Option<String>,
    #[arg(long)]
    pub resolution: Option<i64>,
    #[arg(long)]
    pub item: Option<i64>,
    /// A person (id, login or name)
    #[arg(long)]
    pub assignee: Option<String>,
    /// A unit (department) responsible instead of a person
    #[arg(long)]
    pub unit: Option<String>,
    #[arg(long)]
    pub due: Option<String>,
    /// low, normal, high or urgent
    #[arg(long, default_value = "normal")]
    pub priority: String,
    #[arg(long)]
    pub description: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct TaskUpdateArgs {
    pub id: i64,
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long)]
    pub percent: Option<i64>,
    #[arg(long, default_value = "")]
    pub note: String,
    /// The session that reviewed it
    #[arg(long)]
    pub session: Option<String>,
    /// A new due date
    #[arg(long)]
    pub due: Option<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct TaskDone {
    pub id: i64,
    #[arg(long, default_value = "")]
    pub note: String,
    #[arg(long)]
    pub session: Option<String>,
}

#[derive(Debug, Args)]
pub struct DateArgs {
    /// Dates in any accepted form: 1397/09/15, ۱۳۹۷/۰۹/۱۵, 2018-12-06, "15 Azar 1397", today, +7d
    #[arg(required = true)]
    pub dates: Vec<String>,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct CalArgs {
    /// A month (1403/10, 2025-01, or any date in it); default: this month
    pub month: Option<String>,
    #[arg(long)]
    pub body: Option<String>,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    pub query: String,
    #[arg(long)]
    pub body: Option<String>,
    #[arg(long, default_value_t = 20)]
    pub limit: i64,
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum ExportCmd {
    /// A session's minutes as Markdown or printable HTML
    Minutes(ExportMinutes),
    /// Sessions as iCalendar events (RFC 5545)
    Ics(super::reports::ExportIcs),
    /// Resolutions or tasks as CSV (RFC 4180)
    Csv(super::reports::ExportCsv),
}

#[derive(Debug, Args)]
pub struct ExportMinutes {
    /// A session id, or BODY#NUMBER
    pub session: String,
    /// md or html
    #[arg(long, default_value = "md")]
    pub format: String,
    /// Write to this file instead of standard output
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Only the part taken in closed session (for the body's members and administrators)
    #[arg(long)]
    pub closed: bool,
    /// This approved version of the minutes (1 the first approval, 2… each approval as
    /// corrected); the latest when not given
    #[arg(long)]
    pub version: Option<i64>,
}

#[derive(Debug, Subcommand)]
pub enum AuditCmd {
    /// List audit entries, newest first
    Log(AuditLog),
    /// Check the hash chain: finds any entry changed, deleted or inserted
    Verify,
}

#[derive(Debug, Args)]
pub struct AuditLog {
    /// Only this kind of record (body, person, session, agenda_item, resolution, task, …)
    #[arg(long)]
    pub entity: Option<String>,
    #[arg(long)]
    pub id: Option<i64>,
    #[arg(long, default_value_t = 50)]
    pub limit: i64,
    #[arg(long)]
    pub json: bool,
}
