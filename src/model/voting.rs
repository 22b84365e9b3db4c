//! How a body decides: its voting rule, the kinds of motion, and the outcome of a vote
//! computed from the rule and who is in the room. Pure: no SQL, no terminal.
//!
//! A rule has a basis (the votes cast, the voting members present, or the voting
//! members in office), a threshold (more than half, two thirds, three quarters, at
//! least N), what abstentions do when the basis is the votes cast (ignored, or counted
//! against), what a tie does (the motion fails, or the chair's casting vote decides),
//! and exceptions per kind of motion (a closed session needs two thirds of those
//! present). Recused members are left out of the basis and of the votes that may be
//! cast. Two presets: `iran-council` and `roberts`.

use serde::Serialize;

use super::rules::QuorumRule;
use super::{Entity, Expected, InvalidValue, Tally, Vote};
use crate::locale::digits::localize_digits;
use crate::locale::strings::{tf, Msg};
use crate::locale::{Lang, Localized};

coded_enum!(
    /// What a motion asks the body to do.
    MotionKind, MotionKind {
        Substantive = "substantive" / "Main motion" / "طرح اصلی",
        ApproveAgenda = "approve_agenda" / "Approve the agenda" / "تصویب دستور جلسه",
        ApproveMinutes = "approve_minutes" / "Approve the previous minutes" / "تصویب صورتجلسه قبل",
        Defer = "defer" / "Defer (table)" / "مسکوت گذاشتن",
        Refer = "refer" / "Refer to a commission" / "ارجاع به کمیسیون",
        Recess = "recess" / "Recess" / "تنفس",
        ClosedSession = "closed_session" / "Go into closed session" / "غیرعلنی شدن جلسه",
        Adjourn = "adjourn" / "Adjourn" / "ختم جلسه",
        ExtendTime = "extend_time" / "Extend time" / "تمدید وقت",
        Reconsider = "reconsider" / "Reconsider" / "اعاده به شور",
        Amendment = "amendment" / "Amendment" / "اصلاحیه",
        Consent = "consent" / "Consent agenda" / "دستور جلسه یکجا",
    }
);

impl MotionKind {
    /// Kinds a user moves directly (an amendment is moved on a motion, a consent
    /// motion by `consent` on the session).
    pub const MOVABLE: &'static [MotionKind] = &[
        MotionKind::Substantive,
        MotionKind::ApproveAgenda,
        MotionKind::ApproveMinutes,
        MotionKind::Defer,
        MotionKind::Refer,
        MotionKind::Recess,
        MotionKind::ClosedSession,
        MotionKind::Adjourn,
        MotionKind::ExtendTime,
        MotionKind::Reconsider,
    ];

    /// Reads a kind a user moves directly ([`MotionKind::MOVABLE`]): an amendment is
    /// moved on a motion and the consent agenda on its session, so naming either is
    /// refused with the kinds that may be named.
    pub fn parse_movable(s: &str) -> Result<MotionKind, InvalidValue> {
        match MotionKind::parse(s) {
            Ok(k) if MotionKind::MOVABLE.contains(&k) => Ok(k),
            _ => Err(MotionKind::not_movable(s)),
        }
    }

    /// The refusal of a kind that is not moved directly, naming those that are.
    pub fn not_movable(s: &str) -> InvalidValue {
        InvalidValue {
            what: Entity::MotionKind,
            value: s.to_string(),
            expected: Expected::OneOf(
                MotionKind::MOVABLE
                    .iter()
                    .map(|k| (k.code(), k.label(Lang::Fa)))
                    .collect(),
            ),
        }
    }

    /// A procedural motion is minuted but never becomes a resolution to follow up.
    pub fn is_procedural(self) -> bool {
        !matches!(
            self,
            MotionKind::Substantive | MotionKind::Amendment | MotionKind::Consent
        )
    }

    /// Whether a carried motion of this kind becomes a numbered resolution.
    pub fn makes_resolution(self) -> bool {
        matches!(self, MotionKind::Substantive | MotionKind::Consent)
    }
}

coded_enum!(
    /// What a motion came to.
    MotionStatus, MotionStatus {
        Pending = "pending" / "Before the body" / "در دست بررسی",
        Voting = "voting" / "Vote open" / "در حال رأی‌گیری",
        Carried = "carried" / "Carried" / "تصویب شد",
        Failed = "failed" / "Failed" / "رد شد",
        Withdrawn = "withdrawn" / "Withdrawn" / "مسترد شد",
        NoSecond = "no_second" / "Failed for lack of a second" / "بدون موافق دوم، طرح نشد",
        Accepted = "accepted" / "Accepted without objection" / "بدون مخالفت پذیرفته شد",
    }
);

impl MotionStatus {
    /// Still before the body: it may be seconded, amended, voted or withdrawn.
    pub fn is_pending(self) -> bool {
        matches!(self, MotionStatus::Pending | MotionStatus::Voting)
    }
}

coded_enum!(
    /// How a vote is taken.
    VoteMethod, VoteMethod {
        Count = "count" / "By count" / "شمارش آرا",
        Roll = "roll" / "By roll call" / "رأی‌گیری با ذکر نام",
        Unanimous = "unanimous" / "Unanimous" / "به اتفاق آرا",
        Secret = "secret" / "Secret ballot" / "رأی مخفی",
        Live = "live" / "From members' terminals" / "از پایانه اعضا",
    }
);

coded_enum!(
    /// A member's vote in a roll call: for, against, abstain, or present and not voting.
    Choice, Vote {
        Yes = "yes" / "For" / "موافق",
        No = "no" / "Against" / "مخالف",
        Abstain = "abstain" / "Abstain" / "ممتنع",
        NotVoting = "not_voting" / "Not voting" / "بدون رأی",
    }
);

impl Choice {
    /// Reads a vote as typed: `for`, `yes`, `y`, `against`, `no`, `n`, `abstain`, `a`,
    /// `not_voting`, `nv`, or a Persian label.
    pub fn read(s: &str) -> Result<Choice, InvalidValue> {
        let t = crate::locale::normalize::normalize_for_search(s.trim()).to_lowercase();
        match t.as_str() {
            "for" | "yes" | "y" | "aye" | "+" => Ok(Choice::Yes),
            "against" | "no" | "n" | "nay" | "-" => Ok(Choice::No),
            "abstain" | "abstaining" | "a" | "0" => Ok(Choice::Abstain),
            "nv" | "not voting" | "present" => Ok(Choice::NotVoting),
            _ => Choice::parse(s),
        }
    }

    /// The stored resolution vote, if this choice is one.
    pub fn vote(self) -> Option<Vote> {
        match self {
            Choice::Yes => Some(Vote::Yes),
            Choice::No => Some(Vote::No),
            Choice::Abstain => Some(Vote::Abstain),
            Choice::NotVoting => None,
        }
    }
}

coded_enum!(
    /// Whose number the threshold is taken of.
    VoteBasis, VoteBasis {
        Cast = "cast" / "votes cast" / "آرای مأخوذه",
        Present = "present" / "members present" / "اعضای حاضر",
        Members = "members" / "members in office" / "کل اعضا",
    }
);

coded_enum!(
    /// What an abstention does when the basis is the votes cast.
    Abstentions, Abstentions {
        Ignored = "ignored" / "not counted" / "شمرده نمی‌شود",
        Against = "against" / "counted against" / "مخالف شمرده می‌شود",
    }
);

coded_enum!(
    /// What a tie does.
    TieRule, TieRule {
        Fails = "fails" / "the motion fails" / "طرح رد می‌شود",
        Chair = "chair" / "the chair's casting vote decides" / "رأی رئیس تعیین‌کننده است",
    }
);

/// How many of the basis must vote for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "threshold", content = "count", rename_all = "snake_case")]
pub enum Threshold {
    /// More than half.
    Half,
    TwoThirds,
    ThreeQuarters,
    /// At least this many votes for.
    AtLeast(u32),
}

impl Threshold {
    pub fn code(self) -> String {
        match self {
            Threshold::Half => "half".into(),
            Threshold::TwoThirds => "two_thirds".into(),
            Threshold::ThreeQuarters => "three_quarters".into(),
            Threshold::AtLeast(n) => format!("at_least:{n}"),
        }
    }

    /// Reads `half` (`majority`, `1/2`), `two_thirds` (`2/3`), `three_quarters`
    /// (`3/4`), or `at_least:N` (or a bare number).
    pub fn parse(s: &str) -> Result<Threshold, InvalidValue> {
        let t = crate::locale::digits::to_latin_digits(s.trim())
            .to_lowercase()
            .replace(['-', ' '], "_");
        match t.as_str() {
            "half" | "majority" | "1/2" | "more_than_half" => Ok(Threshold::Half),
            "two_thirds" | "2/3" => Ok(Threshold::TwoThirds),
            "three_quarters" | "3/4" => Ok(Threshold::ThreeQuarters),
            _ => match t.strip_prefix("at_least:").unwrap_or(&t).parse::<u32>() {
                Ok(n) if n > 0 => Ok(Threshold::AtLeast(n)),
                _ => Err(InvalidValue {
                    what: Entity::Threshold,
                    value: s.to_string(),
                    expected: Expected::msg(Msg::ExpectedThreshold),
                }),
            },
        }
    }

    /// Votes for needed out of a basis of `base`.
    pub fn needed(self, base: u32) -> u32 {
        match self {
            Threshold::Half => base / 2 + 1,
            Threshold::TwoThirds => (2 * base).div_ceil(3).max(1),
            Threshold::ThreeQuarters => (3 * base).div_ceil(4).max(1),
            Threshold::AtLeast(n) => n,
        }
    }

    fn label(self, lang: Lang) -> String {
        match self {
            Threshold::Half => Msg::ThresholdHalf.text(lang).into(),
            Threshold::TwoThirds => Msg::ThresholdTwoThirds.text(lang).into(),
            Threshold::ThreeQuarters => Msg::ThresholdThreeQuarters.text(lang).into(),
            Threshold::AtLeast(n) => tf(
                lang,
                Msg::ThresholdAtLeast,
                &[&localize_digits(&n.to_string(), lang)],
            ),
        }
    }
}

/// What a motion needs: a threshold of a basis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Requirement {
    pub basis: VoteBasis,
    pub threshold: Threshold,
}

impl Requirement {
    fn code(self) -> String {
        format!("{}@{}", self.threshold.code(), self.basis.code())
    }
}

/// A body's voting rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VotingRule {
    pub basis: VoteBasis,
    pub threshold: Threshold,
    pub abstentions: Abstentions,
    pub tie: TieRule,
    /// Kinds of motion with their own requirement.
    pub exceptions: Vec<(MotionKind, Requirement)>,
}

/// The named presets: (name, rule, quorum that goes with it).
pub const PRESETS: &[&str] = &["iran-council", "roberts"];

impl Default for VotingRule {
    fn default() -> Self {
        VotingRule::roberts()
    }
}

impl VotingRule {
    /// Iranian city councils: more than half of those present (an abstention counts
    /// against), a closed session two thirds of those present.
    pub fn iran_council() -> VotingRule {
        VotingRule {
            basis: VoteBasis::Present,
            threshold: Threshold::Half,
            abstentions: Abstentions::Against,
            tie: TieRule::Fails,
            exceptions: vec![(
                MotionKind::ClosedSession,
                Requirement {
                    basis: VoteBasis::Present,
                    threshold: Threshold::TwoThirds,
                },
            )],
        }
    }

    /// Robert's Rules: more than half of the votes cast, abstentions not counted.
    pub fn roberts() -> VotingRule {
        VotingRule {
            basis: VoteBasis::Cast,
            threshold: Threshold::Half,
            abstentions: Abstentions::Ignored,
            tie: TieRule::Fails,
            exceptions: vec![],
        }
    }

    /// The preset of this name, with the quorum that goes with it.
    pub fn preset(name: &str) -> Option<(VotingRule, QuorumRule)> {
        match name.trim().to_lowercase().replace('_', "-").as_str() {
            "iran-council" | "iran" => Some((VotingRule::iran_council(), QuorumRule::TwoThirds)),
            "roberts" | "robert" | "robert's" | "rrona" => {
                Some((VotingRule::roberts(), QuorumRule::Majority))
            }
            _ => None,
        }
    }

    /// The stored form: a preset's name when the rule is one, else its parts, e.g.
    /// `basis=present;threshold=half;abstentions=against;tie=fails;closed_session=two_thirds@present`.
    pub fn code(&self) -> String {
        for name in PRESETS {
            if VotingRule::preset(name).is_some_and(|(r, _)| &r == self) {
                return (*name).to_string();
            }
        }
        let mut parts = vec![
            format!("basis={}", self.basis.code()),
            format!("threshold={}", self.threshold.code()),
            format!("abstentions={}", self.abstentions.code()),
            format!("tie={}", self.tie.code()),
        ];
        for (kind, req) in &self.exceptions {
            parts.push(format!("{}={}", kind.code(), req.code()));
        }
        parts.join(";")
    }

    /// Reads a preset's name, or parts separated by `;` (a preset may come first and
    /// the parts after it change it): `roberts;tie=chair`,
    /// `basis=present;threshold=two_thirds`, `closed_session=two_thirds@present`.
    pub fn parse(s: &str) -> Result<VotingRule, InvalidValue> {
        let bad = |detail: &str| InvalidValue {
            what: Entity::VotingRule,
            value: if detail.is_empty() || detail == s {
                s.to_string()
            } else {
                format!("{s} ({detail})")
            },
            expected: Expected::msg(Msg::ExpectedVotingRule),
        };
        let mut rule = VotingRule::roberts();
        let t = s.trim();
        if t.is_empty() {
            return Ok(rule);
        }
        for (i, part) in t.split(';').map(str::trim).enumerate() {
            if part.is_empty() {
                continue;
            }
            let Some((key, value)) = part.split_once('=') else {
                match VotingRule::preset(part) {
                    Some((r, _)) if i == 0 => {
                        rule = r;
                        continue;
                    }
                    _ => return Err(bad(part)),
                }
            };
            let key = key.trim().to_lowercase().replace('-', "_");
            let value = value.trim();
            let wrap = |e: InvalidValue| bad(&e.value);
            match key.as_str() {
                "basis" => rule.basis = VoteBasis::parse(value).map_err(wrap)?,
                "threshold" => rule.threshold = Threshold::parse(value).map_err(wrap)?,
                "abstentions" => rule.abstentions = Abstentions::parse(value).map_err(wrap)?,
                "tie" => rule.tie = TieRule::parse(value).map_err(wrap)?,
                _ => {
                    let kind = MotionKind::parse(&key).map_err(|_| bad(part))?;
                    let (th, basis) = match value.split_once('@') {
                        Some((th, b)) => (th, VoteBasis::parse(b).map_err(wrap)?),
                        None => (value, rule.basis),
                    };
                    let req = Requirement {
                        basis,
                        threshold: Threshold::parse(th).map_err(wrap)?,
                    };
                    rule.exceptions.retain(|(k, _)| *k != kind);
                    rule.exceptions.push((kind, req));
                }
            }
        }
        Ok(rule)
    }

    /// The rule with the parts given on their own put in place of its own (flags such as
    /// `--threshold two_thirds` after `--voting-rule roberts`).
    pub fn with_parts(mut self, parts: &RuleParts) -> VotingRule {
        if let Some(b) = parts.basis {
            self.basis = b;
        }
        if let Some(t) = parts.threshold {
            self.threshold = t;
        }
        if let Some(a) = parts.abstentions {
            self.abstentions = a;
        }
        if let Some(t) = parts.tie {
            self.tie = t;
        }
        self
    }

    /// A rule as named or spelled out ([`VotingRule::parse`]), with the quorum that goes
    /// with it when it is a preset's name.
    pub fn read_with_quorum(s: &str) -> Result<(VotingRule, Option<QuorumRule>), InvalidValue> {
        match VotingRule::preset(s) {
            Some((rule, quorum)) => Ok((rule, Some(quorum))),
            None => Ok((VotingRule::parse(s)?, None)),
        }
    }

    /// The rule a body gets from what was given: `base` (a preset's name or parts, else
    /// the `current` rule), then the parts given on their own; with the preset's quorum.
    pub fn build(
        base: Option<&str>,
        current: &VotingRule,
        parts: &RuleParts,
    ) -> Result<(VotingRule, Option<QuorumRule>), InvalidValue> {
        let (rule, quorum) = match base {
            Some(b) => VotingRule::read_with_quorum(b)?,
            None => (current.clone(), None),
        };
        Ok((rule.with_parts(parts), quorum))
    }

    /// What a motion of this kind needs.
    pub fn requirement(&self, kind: MotionKind) -> Requirement {
        self.exceptions
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, r)| *r)
            .unwrap_or(Requirement {
                basis: self.basis,
                threshold: self.threshold,
            })
    }

    /// The rule in a sentence, e.g. "more than half of the members present; abstentions
    /// count against; a tie fails; Go into closed session: two thirds of the members
    /// present".
    pub fn describe(&self, lang: Lang) -> String {
        let mut out = tf(
            lang,
            Msg::RuleOf,
            &[&self.threshold.label(lang), self.basis.label(lang)],
        );
        if self.basis == VoteBasis::Cast {
            out.push_str(Msg::ListSeparator.text(lang));
            out.push_str(&tf(
                lang,
                Msg::RuleAbstentions,
                &[self.abstentions.label(lang)],
            ));
        }
        out.push_str(Msg::ListSeparator.text(lang));
        out.push_str(&tf(lang, Msg::RuleTie, &[self.tie.label(lang)]));
        for (kind, req) in &self.exceptions {
            out.push_str(Msg::ListSeparator.text(lang));
            out.push_str(&format!(
                "{}: {}",
                kind.label(lang),
                tf(
                    lang,
                    Msg::RuleOf,
                    &[&req.threshold.label(lang), req.basis.label(lang)]
                )
            ));
        }
        out
    }
}

/// Parts of a voting rule given one by one; `None` keeps the rule's own.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RuleParts {
    pub basis: Option<VoteBasis>,
    pub threshold: Option<Threshold>,
    pub abstentions: Option<Abstentions>,
    pub tie: Option<TieRule>,
}

/// Who can vote at the moment of a vote: voting members in office, those of them in the
/// room, and those of them recused on the item (left out of the basis and of the votes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Room {
    pub in_office: u32,
    pub present: u32,
    /// Recused members in the room.
    pub recused: u32,
}

impl Room {
    /// Members present who may vote on the item.
    pub fn eligible(&self) -> u32 {
        self.present.saturating_sub(self.recused)
    }
}

/// Why a vote cannot be counted as given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VoteProblem {
    /// More votes than voting members present (less those recused).
    TooManyVotes { total: u32, eligible: u32 },
    /// A casting vote where the rule gives the chair none, or with no tie.
    NoCastingVote,
    /// The quorum is not met (and the vote was not recorded as taken without it).
    NoQuorum {
        present: u32,
        in_office: u32,
        required: u32,
    },
}

impl VoteProblem {
    pub fn code(&self) -> &'static str {
        match self {
            VoteProblem::TooManyVotes { .. } => "too_many_votes",
            VoteProblem::NoCastingVote => "no_casting_vote",
            VoteProblem::NoQuorum { .. } => "no_quorum",
        }
    }

    /// The problem's figures, for JSON.
    pub fn fields(&self) -> Vec<(&'static str, u32)> {
        match self {
            VoteProblem::TooManyVotes { total, eligible } => {
                vec![("total", *total), ("eligible", *eligible)]
            }
            VoteProblem::NoCastingVote => vec![],
            VoteProblem::NoQuorum {
                present,
                in_office,
                required,
            } => vec![
                ("present", *present),
                ("voting", *in_office),
                ("required", *required),
            ],
        }
    }
}

impl Localized for VoteProblem {
    fn message(&self, lang: Lang) -> String {
        let d = |n: &u32| localize_digits(&n.to_string(), lang);
        match self {
            VoteProblem::TooManyVotes { total, eligible } => {
                tf(lang, Msg::VoteTooMany, &[&d(total), &d(eligible)])
            }
            VoteProblem::NoCastingVote => Msg::VoteNoCastingVote.text(lang).into(),
            VoteProblem::NoQuorum {
                present,
                in_office,
                required,
            } => tf(
                lang,
                Msg::VoteNoQuorum,
                &[&d(present), &d(in_office), &d(required)],
            ),
        }
    }
}

/// Why a motion cannot go as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MotionProblem {
    /// The body requires a second and the motion has none.
    NeedsSecond { motion: i64 },
    /// The motion is no longer before the body.
    NotPending { motion: i64, status: MotionStatus },
    /// An amendment of the motion is still pending: it is voted first.
    AmendmentPending { motion: i64, amendment: i64 },
    /// An amendment of an amendment of an amendment.
    ThirdDegree { motion: i64 },
    /// Only an amendment is accepted without objection.
    NotAnAmendment { motion: i64 },
    /// A vote is already open on the motion.
    VoteAlreadyOpen { motion: i64 },
    /// No vote is open on the motion.
    VoteNotOpen { motion: i64 },
    /// The login at the keyboard is no person's.
    NoPersonForLogin { login: String },
    /// The person is not a voting member in the room.
    NotInRoom { person: String },
    /// The person declared an interest in the item.
    Recused { person: String },
    /// A secret ballot records the count only.
    SecretHasNoNames,
    /// A roll call names a member twice.
    VotedTwice { person: String },
    /// The session has no items on its consent agenda.
    NoConsentItems { session: i64 },
    /// The mover cannot second their own motion.
    SecondsOwnMotion { person: String },
}

impl MotionProblem {
    pub fn code(&self) -> &'static str {
        match self {
            MotionProblem::NeedsSecond { .. } => "needs_second",
            MotionProblem::NotPending { .. } => "motion_not_pending",
            MotionProblem::AmendmentPending { .. } => "amendment_pending",
            MotionProblem::ThirdDegree { .. } => "third_degree_amendment",
            MotionProblem::NotAnAmendment { .. } => "not_an_amendment",
            MotionProblem::VoteAlreadyOpen { .. } => "vote_already_open",
            MotionProblem::VoteNotOpen { .. } => "vote_not_open",
            MotionProblem::NoPersonForLogin { .. } => "no_person_for_login",
            MotionProblem::NotInRoom { .. } => "not_in_room",
            MotionProblem::Recused { .. } => "recused",
            MotionProblem::SecretHasNoNames => "secret_has_no_names",
            MotionProblem::VotedTwice { .. } => "voted_twice",
            MotionProblem::NoConsentItems { .. } => "no_consent_items",
            MotionProblem::SecondsOwnMotion { .. } => "seconds_own_motion",
        }
    }

    /// The problem's data, for JSON.
    pub fn fields(&self) -> Vec<(&'static str, String)> {
        match self {
            MotionProblem::NeedsSecond { motion }
            | MotionProblem::ThirdDegree { motion }
            | MotionProblem::NotAnAmendment { motion }
            | MotionProblem::VoteAlreadyOpen { motion }
            | MotionProblem::VoteNotOpen { motion } => vec![("motion", motion.to_string())],
            MotionProblem::NotPending { motion, status } => vec![
                ("motion", motion.to_string()),
                ("status", status.code().to_string()),
            ],
            MotionProblem::AmendmentPending { motion, amendment } => vec![
                ("motion", motion.to_string()),
                ("amendment", amendment.to_string()),
            ],
            MotionProblem::NoPersonForLogin { login } => vec![("login", login.clone())],
            MotionProblem::NotInRoom { person }
            | MotionProblem::Recused { person }
            | MotionProblem::VotedTwice { person }
            | MotionProblem::SecondsOwnMotion { person } => vec![("person", person.clone())],
            MotionProblem::NoConsentItems { session } => vec![("session", session.to_string())],
            MotionProblem::SecretHasNoNames => vec![],
        }
    }
}

impl Localized for MotionProblem {
    fn message(&self, lang: Lang) -> String {
        let d = |n: &i64| localize_digits(&n.to_string(), lang);
        match self {
            MotionProblem::NeedsSecond { motion } => {
                tf(lang, Msg::MotionNeedsSecond, &[&d(motion)])
            }
            MotionProblem::NotPending { motion, status } => tf(
                lang,
                Msg::MotionNotPending,
                &[&d(motion), status.label(lang)],
            ),
            MotionProblem::AmendmentPending { motion, amendment } => tf(
                lang,
                Msg::MotionAmendmentPending,
                &[&d(amendment), &d(motion)],
            ),
            MotionProblem::ThirdDegree { motion } => {
                tf(lang, Msg::MotionThirdDegree, &[&d(motion)])
            }
            MotionProblem::NotAnAmendment { motion } => {
                tf(lang, Msg::MotionNotAnAmendment, &[&d(motion)])
            }
            MotionProblem::VoteAlreadyOpen { motion } => {
                tf(lang, Msg::MotionVoteAlreadyOpen, &[&d(motion)])
            }
            MotionProblem::VoteNotOpen { motion } => {
                tf(lang, Msg::MotionVoteNotOpen, &[&d(motion)])
            }
            MotionProblem::NoPersonForLogin { login } => {
                tf(lang, Msg::MotionNoPersonForLogin, &[login])
            }
            MotionProblem::NotInRoom { person } => tf(lang, Msg::MotionNotInRoom, &[person]),
            MotionProblem::Recused { person } => tf(lang, Msg::MotionRecused, &[person]),
            MotionProblem::SecretHasNoNames => Msg::MotionSecretHasNoNames.text(lang).into(),
            MotionProblem::VotedTwice { person } => tf(lang, Msg::MotionVotedTwice, &[person]),
            MotionProblem::NoConsentItems { session } => {
                tf(lang, Msg::MotionNoConsentItems, &[&d(session)])
            }
            MotionProblem::SecondsOwnMotion { person } => {
                tf(lang, Msg::MotionSecondsOwn, &[person])
            }
        }
    }
}

/// The outcome of a vote under a rule: whether it carried, what it needed of which
/// basis, and the figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    pub carried: bool,
    pub needed: u32,
    pub basis: VoteBasis,
    /// The number the threshold was taken of.
    pub of: u32,
    pub yes: u32,
    pub no: u32,
    pub abstain: u32,
    pub tie: bool,
    /// The chair's casting vote, when a tie was broken by it.
    pub casting_vote: Option<Vote>,
    pub recused: u32,
}

fn base_of(req: Requirement, rule: &VotingRule, room: Room, yes: u32, no: u32, abst: u32) -> u32 {
    match req.basis {
        VoteBasis::Cast => match rule.abstentions {
            Abstentions::Ignored => yes + no,
            Abstentions::Against => yes + no + abst,
        },
        VoteBasis::Present => room.eligible(),
        VoteBasis::Members => room.in_office.saturating_sub(room.recused),
    }
}

/// Before the vote: how many votes for a motion of this kind needs in this room, when
/// that is known beforehand (`None` when the basis is the votes cast).
pub fn needed_before(rule: &VotingRule, kind: MotionKind, room: Room) -> Option<(u32, u32)> {
    let req = rule.requirement(kind);
    match req.basis {
        VoteBasis::Cast => match req.threshold {
            Threshold::AtLeast(n) => Some((n, room.eligible())),
            _ => None,
        },
        _ => {
            let base = base_of(req, rule, room, 0, 0, 0);
            Some((req.threshold.needed(base), base))
        }
    }
}

/// "needs 5 of the 9 members present" / "needs more than half of the votes cast".
pub fn requirement_text(rule: &VotingRule, kind: MotionKind, room: Room, lang: Lang) -> String {
    let req = rule.requirement(kind);
    let d = |n: u32| localize_digits(&n.to_string(), lang);
    let mut out = match needed_before(rule, kind, room) {
        Some((needed, of)) => tf(
            lang,
            Msg::VoteNeedsOf,
            &[&d(needed), &d(of), req.basis.label(lang)],
        ),
        None => tf(
            lang,
            Msg::VoteNeedsShare,
            &[&req.threshold.label(lang), req.basis.label(lang)],
        ),
    };
    if room.recused > 0 {
        out.push_str(&tf(lang, Msg::VoteRecusedNote, &[&d(room.recused)]));
    }
    out
}

/// Counts a vote: refuses a tally larger than those who may vote, and a casting vote
/// the rule does not give; then applies the rule.
pub fn decide(
    rule: &VotingRule,
    kind: MotionKind,
    room: Room,
    tally: &Tally,
    casting_vote: Option<Vote>,
) -> Result<Outcome, VoteProblem> {
    let n = |v: i64| u32::try_from(v.max(0)).unwrap_or(u32::MAX);
    let (yes, no, abstain) = (n(tally.yes), n(tally.no), n(tally.abstain));
    let total = yes.saturating_add(no).saturating_add(abstain);
    if total > room.eligible() {
        return Err(VoteProblem::TooManyVotes {
            total,
            eligible: room.eligible(),
        });
    }
    let req = rule.requirement(kind);
    let judge = |yes: u32, no: u32| {
        let base = base_of(req, rule, room, yes, no, abstain);
        let needed = req.threshold.needed(base);
        (yes >= needed, needed, base)
    };
    let (carried, needed, of) = judge(yes, no);
    let tie = !carried && yes == no && yes > 0;
    let mut outcome = Outcome {
        carried,
        needed,
        basis: req.basis,
        of,
        yes,
        no,
        abstain,
        tie,
        casting_vote: None,
        recused: room.recused,
    };
    match casting_vote {
        None => {}
        Some(v) if tie && rule.tie == TieRule::Chair && v != Vote::Abstain => {
            let (y, n) = if v == Vote::Yes {
                (yes + 1, no)
            } else {
                (yes, no + 1)
            };
            let (carried, needed, of) = judge(y, n);
            outcome.carried = carried;
            outcome.needed = needed;
            outcome.of = of;
            outcome.casting_vote = Some(v);
        }
        Some(_) => return Err(VoteProblem::NoCastingVote),
    }
    Ok(outcome)
}

impl Outcome {
    /// "carried: 6 for, 2 against, 1 abstaining; needed 5 of 9 members present".
    pub fn explanation(&self, lang: Lang) -> String {
        let d = |n: u32| localize_digits(&n.to_string(), lang);
        let verdict = if self.carried {
            Msg::OutcomeCarried
        } else {
            Msg::OutcomeFailed
        };
        let mut out = tf(
            lang,
            verdict,
            &[&d(self.yes), &d(self.no), &d(self.abstain)],
        );
        out.push_str(&tf(
            lang,
            Msg::OutcomeNeeded,
            &[&d(self.needed), &d(self.of), self.basis.label(lang)],
        ));
        if self.tie {
            out.push_str(&match self.casting_vote {
                Some(v) => tf(lang, Msg::OutcomeTieCast, &[&v.label(lang).to_lowercase()]),
                None => Msg::OutcomeTie.text(lang).to_string(),
            });
        }
        if self.recused > 0 {
            out.push_str(&tf(lang, Msg::VoteRecusedNote, &[&d(self.recused)]));
        }
        out
    }
}

/// The quorum at the moment of a vote (recused members still count towards it).
pub fn quorum_problem(quorum: QuorumRule, room: Room) -> Option<VoteProblem> {
    let required = quorum.required(room.in_office);
    (room.present < required).then_some(VoteProblem::NoQuorum {
        present: room.present,
        in_office: room.in_office,
        required,
    })
}

/// How a body runs its motions: its voting rule, whether a motion needs a second, and
/// whether rejected main motions get a resolution number too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct Procedure {
    pub voting_rule: VotingRule,
    pub second_required: bool,
    pub number_rejected: bool,
}

/// A change to a body's procedure as asked for: a rule (a preset's name or parts), parts
/// given one by one after it, a quorum, and the two switches; `None` keeps what is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProcedureChange {
    pub rule: Option<String>,
    pub parts: RuleParts,
    pub quorum: Option<QuorumRule>,
    pub second_required: Option<bool>,
    pub number_rejected: Option<bool>,
}

impl Procedure {
    /// The procedure and quorum after a change: a preset brings the quorum that goes
    /// with it unless a quorum is given; parts change the rule named (or the current
    /// one).
    pub fn changed(
        &self,
        quorum: QuorumRule,
        change: &ProcedureChange,
    ) -> Result<(Procedure, QuorumRule), InvalidValue> {
        let (rule, preset_quorum) =
            VotingRule::build(change.rule.as_deref(), &self.voting_rule, &change.parts)?;
        Ok((
            Procedure {
                voting_rule: rule,
                second_required: change.second_required.unwrap_or(self.second_required),
                number_rejected: change.number_rejected.unwrap_or(self.number_rejected),
            },
            change.quorum.or(preset_quorum).unwrap_or(quorum),
        ))
    }
}

/// A motion before the body, on an agenda item (or on the session itself, for
/// procedural motions such as adjourning).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Motion {
    pub id: i64,
    pub session_id: i64,
    pub agenda_item_id: Option<i64>,
    /// The motion this one amends (an amendment), or none.
    pub amends: Option<i64>,
    pub kind: MotionKind,
    pub text: String,
    /// The text as amended so far.
    pub final_text: String,
    pub mover_id: Option<i64>,
    pub seconder_id: Option<i64>,
    pub status: MotionStatus,
    /// The resolution it became (a main motion carried).
    pub resolution_id: Option<i64>,
    /// When it was moved (HH:MM).
    pub moved_at: String,
    pub version: i64,
}

/// The vote on a motion: how it was taken, the rule and quorum in force, who was in the
/// room and who was recused at that moment, and what came of it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ballot {
    pub motion_id: i64,
    pub method: VoteMethod,
    pub open: bool,
    pub rule: VotingRule,
    pub quorum: QuorumRule,
    pub room: Room,
    pub present_ids: Vec<i64>,
    pub recused_ids: Vec<i64>,
    pub tally: Option<Tally>,
    pub needed: Option<u32>,
    pub carried: Option<bool>,
    pub casting_vote: Option<Vote>,
    /// The chair declared the result otherwise than the rule gives: carried (true) or
    /// failed (false).
    pub declared: Option<bool>,
    pub without_quorum: bool,
    pub opened_at: String,
    pub opened_by: String,
    pub closed_at: Option<String>,
}

impl Ballot {
    /// The result as recorded: the chair's declaration when there is one, else the
    /// rule's.
    pub fn result(&self) -> Option<bool> {
        self.declared.or(self.carried)
    }
}

/// One member's vote on a motion, and who entered it (the member, or the secretary).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BallotVote {
    pub motion_id: i64,
    pub person_id: i64,
    pub choice: Choice,
    pub cast_by: String,
    pub at: String,
}

/// A member's declared interest in an agenda item: they do not vote on it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    pub agenda_item_id: i64,
    pub person_id: i64,
    pub reason: String,
    pub declared_at: String,
    pub declared_by: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(yes: i64, no: i64, abstain: i64) -> Tally {
        Tally { yes, no, abstain }
    }
    fn room(in_office: u32, present: u32, recused: u32) -> Room {
        Room {
            in_office,
            present,
            recused,
        }
    }

    #[test]
    fn a_procedure_change_keeps_what_is_not_given() {
        let now = Procedure {
            voting_rule: VotingRule::roberts(),
            second_required: true,
            number_rejected: false,
        };
        let tie = ProcedureChange {
            parts: RuleParts {
                tie: Some(TieRule::Chair),
                ..Default::default()
            },
            ..Default::default()
        };
        let (p, q) = now.changed(QuorumRule::Fixed(4), &tie).unwrap();
        assert_eq!(q, QuorumRule::Fixed(4));
        assert!(p.second_required);
        assert_eq!(p.voting_rule.tie, TieRule::Chair);
        let preset = ProcedureChange {
            rule: Some("iran-council".into()),
            second_required: Some(false),
            ..Default::default()
        };
        let (p, q) = now.changed(QuorumRule::Majority, &preset).unwrap();
        assert_eq!(q, QuorumRule::TwoThirds);
        assert_eq!(p.voting_rule, VotingRule::iran_council());
        assert!(!p.second_required);
        let given = ProcedureChange {
            quorum: Some(QuorumRule::Majority),
            ..preset
        };
        assert_eq!(
            now.changed(QuorumRule::Fixed(2), &given).unwrap().1,
            QuorumRule::Majority
        );
    }

    #[test]
    fn parts_change_a_preset_and_a_preset_brings_its_quorum() {
        let (rule, quorum) = VotingRule::read_with_quorum("iran-council").unwrap();
        assert_eq!(quorum, Some(QuorumRule::TwoThirds));
        let changed = rule.clone().with_parts(&RuleParts {
            tie: Some(TieRule::Chair),
            ..Default::default()
        });
        assert_eq!(changed.tie, TieRule::Chair);
        assert_eq!(changed.basis, VoteBasis::Present);
        assert_eq!(changed.exceptions, rule.exceptions);
        assert_ne!(changed.code(), "iran-council");
        let (custom, q) = VotingRule::read_with_quorum("basis=cast;threshold=two_thirds").unwrap();
        assert_eq!(q, None);
        assert_eq!(custom.threshold, Threshold::TwoThirds);
        assert!(VotingRule::read_with_quorum("nonsense").is_err());
    }

    #[test]
    fn presets_round_trip_by_name() {
        assert_eq!(VotingRule::iran_council().code(), "iran-council");
        assert_eq!(VotingRule::roberts().code(), "roberts");
        for name in PRESETS {
            let r = VotingRule::parse(name).unwrap();
            assert_eq!(&r.code(), name);
        }
        let custom = VotingRule::parse("roberts;tie=chair").unwrap();
        assert_eq!(custom.tie, TieRule::Chair);
        assert_eq!(VotingRule::parse(&custom.code()).unwrap(), custom);
        let e = VotingRule::parse("basis=everyone").unwrap_err();
        assert!(e.value.contains("everyone"), "{e:?}");
    }

    #[test]
    fn only_kinds_moved_directly_are_read_as_such() {
        assert_eq!(
            MotionKind::parse_movable("adjourn").unwrap(),
            MotionKind::Adjourn
        );
        for bad in ["amendment", "consent", "banana"] {
            let e = MotionKind::parse_movable(bad).unwrap_err();
            let m = e.message(Lang::En);
            assert!(m.contains(bad), "{m}");
            let expected = m.split("expected").nth(1).unwrap_or_default();
            assert!(expected.contains("reconsider"), "{m}");
            assert!(
                !expected.contains("amendment") && !expected.contains("consent"),
                "{m}"
            );
        }
    }

    #[test]
    fn thresholds() {
        assert_eq!(Threshold::Half.needed(9), 5);
        assert_eq!(Threshold::Half.needed(8), 5);
        assert_eq!(Threshold::Half.needed(0), 1);
        assert_eq!(Threshold::TwoThirds.needed(9), 6);
        assert_eq!(Threshold::TwoThirds.needed(10), 7);
        assert_eq!(Threshold::ThreeQuarters.needed(9), 7);
        assert_eq!(Threshold::AtLeast(4).needed(100), 4);
    }

    #[test]
    fn iran_council_abstention_counts_against() {
        // 9 present: 4 for, 3 against, 2 abstaining. Needs 5 of 9: fails. Under
        // Robert's the same tally carries (4 of 7 cast).
        let ir = decide(
            &VotingRule::iran_council(),
            MotionKind::Substantive,
            room(11, 9, 0),
            &t(4, 3, 2),
            None,
        )
        .unwrap();
        assert!(!ir.carried);
        assert_eq!((ir.needed, ir.of), (5, 9));
        let rr = decide(
            &VotingRule::roberts(),
            MotionKind::Substantive,
            room(11, 9, 0),
            &t(4, 3, 2),
            None,
        )
        .unwrap();
        assert!(rr.carried);
        assert_eq!((rr.needed, rr.of), (4, 7));
        assert_eq!(
            ir.explanation(Lang::En),
            "failed: 4 for, 3 against, 2 abstaining; needed 5 of 9 members present"
        );
    }

    #[test]
    fn closed_session_needs_two_thirds_of_present() {
        let r = VotingRule::iran_council();
        let o = decide(
            &r,
            MotionKind::ClosedSession,
            room(11, 9, 0),
            &t(5, 4, 0),
            None,
        )
        .unwrap();
        assert!(!o.carried);
        assert_eq!(o.needed, 6);
        let o = decide(
            &r,
            MotionKind::ClosedSession,
            room(11, 9, 0),
            &t(6, 3, 0),
            None,
        )
        .unwrap();
        assert!(o.carried);
    }

    #[test]
    fn tally_larger_than_room_is_refused() {
        let e = decide(
            &VotingRule::roberts(),
            MotionKind::Substantive,
            room(9, 4, 0),
            &t(9, 0, 0),
            None,
        )
        .unwrap_err();
        assert_eq!(
            e,
            VoteProblem::TooManyVotes {
                total: 9,
                eligible: 4
            }
        );
        assert!(e.message(Lang::En).contains('9') && e.message(Lang::En).contains('4'));
        // A recused member's vote has no place either.
        let e = decide(
            &VotingRule::roberts(),
            MotionKind::Substantive,
            room(9, 5, 1),
            &t(3, 2, 0),
            None,
        )
        .unwrap_err();
        assert_eq!(
            e,
            VoteProblem::TooManyVotes {
                total: 5,
                eligible: 4
            }
        );
    }

    #[test]
    fn nothing_cast_does_not_carry() {
        let o = decide(
            &VotingRule::roberts(),
            MotionKind::Substantive,
            room(9, 5, 0),
            &t(0, 0, 0),
            None,
        )
        .unwrap();
        assert!(!o.carried);
        assert_eq!(o.needed, 1);
    }

    #[test]
    fn ties_and_the_chairs_casting_vote() {
        let fails = VotingRule::roberts();
        let o = decide(
            &fails,
            MotionKind::Substantive,
            room(9, 8, 0),
            &t(4, 4, 0),
            None,
        )
        .unwrap();
        assert!(!o.carried && o.tie);
        assert_eq!(
            decide(
                &fails,
                MotionKind::Substantive,
                room(9, 8, 0),
                &t(4, 4, 0),
                Some(Vote::Yes)
            ),
            Err(VoteProblem::NoCastingVote)
        );
        let chair = VotingRule::parse("roberts;tie=chair").unwrap();
        let o = decide(
            &chair,
            MotionKind::Substantive,
            room(9, 8, 0),
            &t(4, 4, 0),
            Some(Vote::Yes),
        )
        .unwrap();
        assert!(o.carried && o.tie);
        assert_eq!(o.casting_vote, Some(Vote::Yes));
        let o = decide(
            &chair,
            MotionKind::Substantive,
            room(9, 8, 0),
            &t(4, 4, 0),
            Some(Vote::No),
        )
        .unwrap();
        assert!(!o.carried);
        // No tie, no casting vote.
        assert_eq!(
            decide(
                &chair,
                MotionKind::Substantive,
                room(9, 8, 0),
                &t(5, 3, 0),
                Some(Vote::Yes)
            ),
            Err(VoteProblem::NoCastingVote)
        );
    }

    #[test]
    fn recusal_leaves_the_basis() {
        // 9 present, 1 recused: needs 5 of 8 present under iran-council.
        let o = decide(
            &VotingRule::iran_council(),
            MotionKind::Substantive,
            room(11, 9, 1),
            &t(5, 2, 1),
            None,
        )
        .unwrap();
        assert!(o.carried);
        assert_eq!((o.needed, o.of), (5, 8));
        assert_eq!(
            requirement_text(
                &VotingRule::iran_council(),
                MotionKind::Substantive,
                room(11, 9, 1),
                Lang::En
            ),
            "needs 5 of 8 members present (1 recused)"
        );
    }

    #[test]
    fn members_in_office_basis() {
        let r = VotingRule::parse("basis=members;threshold=two_thirds").unwrap();
        let o = decide(
            &r,
            MotionKind::Substantive,
            room(12, 9, 0),
            &t(7, 2, 0),
            None,
        )
        .unwrap();
        assert!(!o.carried);
        assert_eq!((o.needed, o.of), (8, 12));
    }

    #[test]
    fn abstentions_against_under_votes_cast() {
        let r = VotingRule::parse("basis=cast;abstentions=against").unwrap();
        let o = decide(
            &r,
            MotionKind::Substantive,
            room(9, 9, 0),
            &t(4, 3, 2),
            None,
        )
        .unwrap();
        assert!(!o.carried);
        assert_eq!((o.needed, o.of), (5, 9));
    }

    #[test]
    fn quorum_lost() {
        assert!(quorum_problem(QuorumRule::TwoThirds, room(9, 6, 0)).is_none());
        assert_eq!(
            quorum_problem(QuorumRule::TwoThirds, room(9, 5, 0)),
            Some(VoteProblem::NoQuorum {
                present: 5,
                in_office: 9,
                required: 6
            })
        );
    }

    #[test]
    fn persian_explanation_has_no_latin_digits() {
        let o = decide(
            &VotingRule::iran_council(),
            MotionKind::Substantive,
            room(11, 9, 0),
            &t(6, 2, 1),
            None,
        )
        .unwrap();
        let s = o.explanation(Lang::Fa);
        assert!(!s.chars().any(|c| c.is_ascii_alphanumeric()), "{s}");
    }
}
