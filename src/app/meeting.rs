//! The meeting on the session screen: motions moved, seconded, amended, withdrawn,
//! voted (at once or live from members' terminals), interests declared and the consent
//! agenda. Keys become forms or calls of [`crate::ops::motions`]; every rule is there.

use serde::{Deserialize, Serialize};

use super::form::{Field, Form, FormPurpose};
use super::keymap::Action;
use super::state::{store_err, App, Modal, Outcome, SessionPane};
use crate::locale::digits::localize_digits;
use crate::locale::strings::{t, tf, Msg};
use crate::model::voting::{Choice, MotionKind, MotionStatus, VoteMethod, VoteProblem};
use crate::model::{Tally, Vote};
use crate::ops::motions::{self, HowVoted, MotionView, MoveMotion, TakeVote};
use crate::store::{Refusal, StoreError};

/// What a meeting form does when saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum MeetingForm {
    /// A motion moved on an item (or on the session).
    Move {
        session_id: i64,
        item_id: Option<i64>,
    },
    Amend {
        motion_id: i64,
    },
    Second {
        motion_id: i64,
    },
    /// A vote taken at once.
    Vote {
        motion_id: i64,
    },
    /// A member's vote entered by the secretary, in an open vote.
    CastFor {
        motion_id: i64,
    },
    /// A member's interest in an item.
    Interest {
        item_id: i64,
    },
    /// The consent agenda moved as one motion.
    Consent {
        session_id: i64,
    },
}

impl App {
    /// The agenda item under the session screen's cursor.
    fn selected_agenda_item(&self) -> Result<crate::model::AgendaItem, String> {
        let l = self.lang();
        let v = self.session.as_ref().ok_or_else(|| no_session(l))?;
        v.item_id()
            .and_then(|id| v.record.agenda.iter().find(|a| a.item.id == id))
            .map(|a| a.item.clone())
            .ok_or_else(|| t(l, Msg::TheAgendaIsEmptyAdd).to_string())
    }

    /// The members of the body on screen as choices (id, name), after "—" for none.
    fn member_choices(&self) -> Vec<(String, String)> {
        let l = self.lang();
        let mut out = vec![(String::new(), "—".to_string())];
        if let Some(v) = &self.session {
            out.extend(
                v.record
                    .attendance
                    .iter()
                    .map(|a| (a.person_id.to_string(), a.name.get(l).to_string())),
            );
        }
        out
    }

    /// The motion under the motions pane's cursor. Outside the pane, the key first
    /// shows it, so nothing is done to a motion not in view.
    fn selected_motion(&mut self) -> Result<MotionView, String> {
        let l = self.lang();
        let v = self.session.as_mut().ok_or_else(|| no_session(l))?;
        if v.pane != SessionPane::Motions {
            v.pane = SessionPane::Motions;
            self.filter.clear();
            let v = self.session.as_ref().ok_or_else(|| no_session(l))?;
            return Err(if v.motions.rows(v.item_id()).is_empty() {
                let key = super::keymap::keys_of(&self.bindings, Action::MoveMotion);
                tf(
                    l,
                    Msg::MeetNoMotions,
                    &[key.split(", ").next().unwrap_or("")],
                )
            } else {
                t(l, Msg::MeetChooseMotion).to_string()
            });
        }
        let at = self
            .selected_row(super::state::ListKind::Motions)
            .and_then(|i| {
                let v = self.session.as_ref()?;
                v.motions.rows(v.item_id()).get(i).copied().cloned()
            });
        at.ok_or_else(|| {
            let key = super::keymap::keys_of(&self.bindings, Action::MoveMotion);
            tf(
                l,
                Msg::MeetNoMotions,
                &[key.split(", ").next().unwrap_or("")],
            )
        })
    }

    /// The motion whose vote is open: the one selected if it is, else the session's.
    fn open_vote_motion(&mut self) -> Result<MotionView, String> {
        let l = self.lang();
        let v = self.session.as_ref().ok_or_else(|| no_session(l))?;
        let voting = |m: &&MotionView| m.motion.status == MotionStatus::Voting;
        if v.pane == SessionPane::Motions {
            if let Some(m) = v.motions.selected(v.item_id()).filter(voting) {
                return Ok(m.clone());
            }
        }
        v.motions
            .all
            .iter()
            .find(voting)
            .cloned()
            .ok_or_else(|| t(l, Msg::MeetNoOpenVote).to_string())
    }

    /// The meeting's keys on the session screen.
    pub(crate) fn dispatch_meeting(&mut self, action: Action) -> Outcome {
        use Action::*;
        let l = self.lang();
        let session_id = self
            .session
            .as_ref()
            .map(|v| v.record.session.id)
            .ok_or_else(|| no_session(l))?;
        match action {
            MoveMotion => {
                let item_id = self.session.as_ref().and_then(|v| v.item_id());
                self.modal = Some(Modal::Form(self.motion_form(session_id, item_id)));
                Ok(())
            }
            AmendMotion => {
                let m = self.selected_motion()?;
                self.modal = Some(Modal::Form(self.amend_form(&m)));
                Ok(())
            }
            SecondMotion => {
                let m = self.selected_motion()?;
                let form = Form::new(
                    &tf(l, Msg::MeetSecondTitle, &[&motion_no(m.motion.id, l)]),
                    FormPurpose::Meeting(MeetingForm::Second {
                        motion_id: m.motion.id,
                    }),
                    vec![Field::choice(
                        "seconder",
                        t(l, Msg::MeetSeconder),
                        self.member_choices(),
                        "",
                    )],
                );
                self.modal = Some(Modal::Form(form));
                Ok(())
            }
            WithdrawMotion | LapseMotion | AcceptAmendment => {
                let m = self.selected_motion()?;
                let id = m.motion.id;
                let done = match action {
                    WithdrawMotion => motions::withdraw(&mut self.ctx, id),
                    LapseMotion => motions::lapse(&mut self.ctx, id),
                    _ => motions::accept(&mut self.ctx, id),
                }
                .map_err(store_err)?;
                self.reload();
                self.say(format!("{} — {}", motion_no(id, l), done.status.label(l)));
                Ok(())
            }
            TakeVote => {
                let m = self.selected_motion()?;
                let form = self.vote_form(&m)?;
                self.modal = Some(Modal::Form(form));
                Ok(())
            }
            OpenVote => {
                let m = self.selected_motion()?;
                let without_quorum = self.confirmed;
                match motions::open_vote(&mut self.ctx, m.motion.id, without_quorum) {
                    Ok(_) => {
                        self.reload();
                        let (req, _) =
                            motions::requirement_now(&self.ctx, &m.motion).map_err(store_err)?;
                        self.say(tf(
                            l,
                            Msg::MeetVoteOpened,
                            &[&motion_no(m.motion.id, l), &req],
                        ));
                        Ok(())
                    }
                    Err(StoreError::Refused(Refusal::Vote(p @ VoteProblem::NoQuorum { .. }))) => {
                        self.modal = Some(Modal::Confirm {
                            text: format!("{}\n{}", no_quorum(&p, l), t(l, Msg::MeetOpenAnyway)),
                            action: OpenVote,
                        });
                        Ok(())
                    }
                    Err(e) => Err(store_err(e)),
                }
            }
            CloseVote => {
                let m = self.open_vote_motion()?;
                let r = motions::close_vote(&mut self.ctx, m.motion.id, None, None)
                    .map_err(store_err)?;
                self.reload();
                self.say(self.result_text(m.motion.id, &r));
                Ok(())
            }
            CastFor => {
                let m = self.open_vote_motion()?;
                let (req, room) =
                    motions::requirement_now(&self.ctx, &m.motion).map_err(store_err)?;
                let names: Vec<(String, String)> = self
                    .member_choices()
                    .into_iter()
                    .filter(|(id, _)| id.parse::<i64>().is_ok_and(|p| room.may_vote(p)))
                    .collect();
                let first = names.first().map(|n| n.0.clone()).unwrap_or_default();
                let choices = Choice::ALL
                    .iter()
                    .map(|c| (c.code().to_string(), c.label(l).to_string()))
                    .collect();
                let mut form = Form::new(
                    &tf(l, Msg::MeetCastForTitle, &[&motion_no(m.motion.id, l)]),
                    FormPurpose::Meeting(MeetingForm::CastFor {
                        motion_id: m.motion.id,
                    }),
                    vec![
                        Field::choice("person", t(l, Msg::MeetMember), names, &first),
                        Field::choice("choice", t(l, Msg::MeetVote), choices, "yes"),
                    ],
                );
                form.note = Some(req);
                self.modal = Some(Modal::Form(form));
                Ok(())
            }
            DeclareInterest => {
                let item = self.selected_agenda_item()?;
                let form = Form::new(
                    &tf(l, Msg::MeetInterestTitle, &[&item.title]),
                    FormPurpose::Meeting(MeetingForm::Interest { item_id: item.id }),
                    vec![
                        Field::choice("person", t(l, Msg::MeetMember), self.member_choices(), ""),
                        Field::text("reason", t(l, Msg::MeetReason), ""),
                    ],
                );
                self.modal = Some(Modal::Form(form));
                Ok(())
            }
            ToggleConsent => {
                let item = self.selected_agenda_item()?;
                let on = !item.consent;
                motions::set_consent(&mut self.ctx, item.id, on).map_err(store_err)?;
                self.reload();
                self.say(format!(
                    "{} — {}",
                    item.title,
                    t(
                        l,
                        if on {
                            Msg::MeetOnConsent
                        } else {
                            Msg::MeetOffConsent
                        }
                    )
                ));
                Ok(())
            }
            MoveConsent => {
                let form = Form::new(
                    t(l, Msg::MeetConsentTitle),
                    FormPurpose::Meeting(MeetingForm::Consent { session_id }),
                    vec![
                        Field::choice("mover", t(l, Msg::MeetMover), self.member_choices(), ""),
                        Field::choice(
                            "seconder",
                            t(l, Msg::MeetSeconder),
                            self.member_choices(),
                            "",
                        ),
                    ],
                );
                self.modal = Some(Modal::Form(form));
                Ok(())
            }
            _ => Ok(()),
        }
    }

    fn motion_form(&self, session_id: i64, item_id: Option<i64>) -> Form {
        let l = self.lang();
        let kinds = MotionKind::MOVABLE
            .iter()
            .map(|k| (k.code().to_string(), k.label(l).to_string()))
            .collect();
        Form::new(
            t(l, Msg::MeetMoveTitle),
            FormPurpose::Meeting(MeetingForm::Move {
                session_id,
                item_id,
            }),
            vec![
                Field::choice("kind", t(l, Msg::Kind), kinds, "substantive"),
                Field::text("text", t(l, Msg::MeetText), "").with_hint(t(l, Msg::ItWasDecidedThat)),
                Field::choice("mover", t(l, Msg::MeetMover), self.member_choices(), ""),
                Field::choice(
                    "seconder",
                    t(l, Msg::MeetSeconder),
                    self.member_choices(),
                    "",
                ),
            ],
        )
    }

    fn amend_form(&self, m: &MotionView) -> Form {
        let l = self.lang();
        Form::new(
            &tf(l, Msg::MeetAmendTitle, &[&motion_no(m.motion.id, l)]),
            FormPurpose::Meeting(MeetingForm::Amend {
                motion_id: m.motion.id,
            }),
            vec![
                Field::text("text", t(l, Msg::MeetAmendedText), &m.motion.final_text)
                    .with_hint(t(l, Msg::MeetAmendedHint)),
                Field::choice("mover", t(l, Msg::MeetMover), self.member_choices(), ""),
                Field::choice(
                    "seconder",
                    t(l, Msg::MeetSeconder),
                    self.member_choices(),
                    "",
                ),
            ],
        )
    }

    /// The vote form: the way of voting, the count, each member in the room (those
    /// recused shown, with no vote), the chair's casting vote and declaration; the
    /// requirement in the room above.
    fn vote_form(&self, m: &MotionView) -> Result<Form, String> {
        let l = self.lang();
        let (req, room) = motions::requirement_now(&self.ctx, &m.motion).map_err(store_err)?;
        let methods = [
            VoteMethod::Count,
            VoteMethod::Roll,
            VoteMethod::Unanimous,
            VoteMethod::Secret,
        ]
        .iter()
        .map(|k| (k.code().to_string(), k.label(l).to_string()))
        .collect();
        let mut fields = vec![
            Field::choice("method", t(l, Msg::MeetMethod), methods, "count"),
            Field::text("votes", t(l, Msg::VotesForAgainstAbstain), "")
                .with_hint(t(l, Msg::MeetVotesHint)),
        ];
        let choices: Vec<(String, String)> = std::iter::once((String::new(), "—".to_string()))
            .chain(
                Choice::ALL
                    .iter()
                    .map(|c| (c.code().to_string(), c.label(l).to_string())),
            )
            .collect();
        let name = |id: i64| {
            self.session
                .as_ref()
                .and_then(|v| v.record.attendance.iter().find(|a| a.person_id == id))
                .map(|a| a.name.get(l).to_string())
                .unwrap_or_else(|| id.to_string())
        };
        for p in &room.present_ids {
            if room.recused_ids.contains(p) {
                let reason = m
                    .motion
                    .agenda_item_id
                    .and_then(|item| {
                        self.session
                            .as_ref()?
                            .motions
                            .recused_on(item)
                            .into_iter()
                            .find(|(who, _)| who == p)
                    })
                    .map(|(_, r)| r)
                    .unwrap_or_default();
                let shown = tf(l, Msg::MeetRecusedShown, &[&reason]);
                fields.push(Field::choice(
                    &format!("recused:{p}"),
                    &name(*p),
                    vec![(String::new(), shown)],
                    "",
                ));
            } else {
                fields.push(Field::choice(
                    &format!("vote:{p}"),
                    &name(*p),
                    choices.clone(),
                    "",
                ));
            }
        }
        let casting = vec![
            (String::new(), "—".to_string()),
            ("yes".to_string(), Vote::Yes.label(l).to_string()),
            ("no".to_string(), Vote::No.label(l).to_string()),
        ];
        let declared = vec![
            (String::new(), t(l, Msg::DecisionByVote).to_string()),
            (
                "carried".to_string(),
                MotionStatus::Carried.label(l).to_string(),
            ),
            (
                "failed".to_string(),
                MotionStatus::Failed.label(l).to_string(),
            ),
        ];
        fields.push(Field::choice(
            "casting",
            t(l, Msg::MeetCasting),
            casting,
            "",
        ));
        fields.push(Field::choice(
            "declared",
            t(l, Msg::MeetDeclared),
            declared,
            "",
        ));
        let mut form = Form::new(
            &tf(
                l,
                Msg::MeetVoteTitle,
                &[
                    &motion_no(m.motion.id, l),
                    &one_line(&m.motion.final_text, 40),
                ],
            ),
            FormPurpose::Meeting(MeetingForm::Vote {
                motion_id: m.motion.id,
            }),
            fields,
        );
        form.note = Some(req);
        Ok(form)
    }

    /// Keeps the requirement line of an open vote form as the room is now (a member
    /// arrived, left or declared an interest meanwhile).
    pub(crate) fn refresh_form_note(&mut self) {
        let Some(Modal::Form(form)) = &self.modal else {
            return;
        };
        let FormPurpose::Meeting(MeetingForm::Vote { motion_id }) = form.purpose else {
            return;
        };
        let fresh = self
            .ctx
            .store
            .motion(motion_id)
            .and_then(|m| motions::requirement_now(&self.ctx, &m));
        if let (Ok((req, _)), Some(Modal::Form(form))) = (fresh, &mut self.modal) {
            form.note = Some(req);
        }
    }

    /// Saves a meeting form; the status line's text, or why not.
    pub(crate) fn save_meeting_form(
        &mut self,
        form: &mut Form,
        what: MeetingForm,
    ) -> Result<String, String> {
        let l = self.lang();
        let person = |key: &str| form.opt(key).and_then(|p| p.parse::<i64>().ok());
        match what {
            MeetingForm::Move {
                session_id,
                item_id,
            } => {
                let kind = MotionKind::parse(form.get("kind")).map_err(store_err)?;
                let text = form.get("text").trim().to_string();
                if text.is_empty() {
                    return Err(t(l, Msg::MeetTextEmpty).into());
                }
                // A procedural motion is the session's, not the item's.
                let item_id = if kind.is_procedural() { None } else { item_id };
                let m = motions::move_motion(
                    &mut self.ctx,
                    &MoveMotion {
                        session_id,
                        item_id,
                        kind,
                        text,
                        mover: person("mover"),
                        seconder: person("seconder"),
                        at: None,
                    },
                )
                .map_err(store_err)?;
                self.show_motion(m.id);
                Ok(tf(l, Msg::MeetMoved, &[&motion_no(m.id, l)]))
            }
            MeetingForm::Amend { motion_id } => {
                let text = form.get("text").trim().to_string();
                if text.is_empty() {
                    return Err(t(l, Msg::MeetTextEmpty).into());
                }
                let m = motions::amend(
                    &mut self.ctx,
                    motion_id,
                    &text,
                    person("mover"),
                    person("seconder"),
                    None,
                )
                .map_err(store_err)?;
                self.show_motion(m.id);
                Ok(tf(
                    l,
                    Msg::MeetAmended,
                    &[&motion_no(m.id, l), &motion_no(motion_id, l)],
                ))
            }
            MeetingForm::Second { motion_id } => {
                let who = person("seconder").ok_or_else(|| t(l, Msg::MeetChooseMember))?;
                motions::second(&mut self.ctx, motion_id, who).map_err(store_err)?;
                Ok(tf(l, Msg::MeetSeconded, &[&motion_no(motion_id, l)]))
            }
            MeetingForm::Vote { motion_id } => {
                let method = VoteMethod::parse(form.get("method")).map_err(store_err)?;
                let how = match method {
                    VoteMethod::Count | VoteMethod::Secret => {
                        let tally = read_tally(form.get("votes"), l)?;
                        if method == VoteMethod::Count {
                            HowVoted::Count(tally)
                        } else {
                            HowVoted::Secret(tally)
                        }
                    }
                    VoteMethod::Unanimous => HowVoted::Unanimous,
                    _ => {
                        let mut roll = Vec::new();
                        for f in &form.fields {
                            let Some(pid) = f
                                .key
                                .strip_prefix("vote:")
                                .and_then(|p| p.parse::<i64>().ok())
                            else {
                                continue;
                            };
                            if !f.value.is_empty() {
                                roll.push((pid, Choice::read(&f.value).map_err(store_err)?));
                            }
                        }
                        HowVoted::Roll(roll)
                    }
                };
                let casting_vote = form
                    .opt("casting")
                    .map(|c| Vote::parse(&c))
                    .transpose()
                    .map_err(store_err)?;
                let declared = form.opt("declared").map(|d| d == "carried");
                let take = TakeVote {
                    motion_id,
                    how,
                    casting_vote,
                    declared,
                    without_quorum: form.confirmed,
                    owner: None,
                    due: None,
                    number: None,
                };
                match motions::vote(&mut self.ctx, &take) {
                    Ok(r) => {
                        self.reload();
                        Ok(self.result_text(motion_id, &r))
                    }
                    Err(StoreError::Refused(Refusal::Vote(p @ VoteProblem::NoQuorum { .. }))) => {
                        form.confirmed = true;
                        form.warning = Some(no_quorum(&p, l));
                        Err(t(l, Msg::QuorumNotMet2).into())
                    }
                    Err(e) => Err(store_err(e)),
                }
            }
            MeetingForm::CastFor { motion_id } => {
                let who = person("person").ok_or_else(|| t(l, Msg::MeetChooseMember))?;
                let choice = Choice::read(form.get("choice")).map_err(store_err)?;
                motions::cast_for(&mut self.ctx, motion_id, who, choice).map_err(store_err)?;
                let name = self
                    .ctx
                    .store
                    .person(who)
                    .map(|p| p.name.get(l).to_string())
                    .unwrap_or_default();
                Ok(format!("{name}: {}", choice.label(l)))
            }
            MeetingForm::Interest { item_id } => {
                let who = person("person").ok_or_else(|| t(l, Msg::MeetChooseMember))?;
                let reason = form.get("reason").trim().to_string();
                if reason.is_empty() {
                    return Err(t(l, Msg::MeetReasonEmpty).into());
                }
                motions::declare_conflict(&mut self.ctx, item_id, who, &reason)
                    .map_err(store_err)?;
                let name = self
                    .ctx
                    .store
                    .person(who)
                    .map(|p| p.name.get(l).to_string())
                    .unwrap_or_default();
                Ok(tf(l, Msg::MeetInterestDeclared, &[&name]))
            }
            MeetingForm::Consent { session_id } => {
                let m = motions::move_consent(
                    &mut self.ctx,
                    session_id,
                    person("mover"),
                    person("seconder"),
                )
                .map_err(store_err)?;
                self.show_motion(m.id);
                Ok(tf(l, Msg::MeetMoved, &[&motion_no(m.id, l)]))
            }
        }
    }

    /// After a motion is moved: the motions pane, its cursor on it.
    fn show_motion(&mut self, id: i64) {
        self.reload();
        if let Some(v) = &mut self.session {
            v.pane = SessionPane::Motions;
            let item = v.item_id();
            if let Some(i) = v.motions.rows(item).iter().position(|m| m.motion.id == id) {
                v.motions.cursor.selected = i;
            }
        }
        self.filter.clear();
    }

    /// "Motion 3 — carried: 6 for, …; resolution 1405/12/1".
    fn result_text(&self, motion_id: i64, r: &motions::VoteResult) -> String {
        let l = self.lang();
        let explained = self
            .session
            .as_ref()
            .and_then(|v| v.motions.all.iter().find(|m| m.motion.id == motion_id))
            .and_then(|m| m.outcome.as_ref())
            .map(|o| o.explanation.clone())
            .unwrap_or_else(|| r.outcome.explanation(l));
        let mut s = format!("{} — {explained}", motion_no(motion_id, l));
        for res in &r.resolutions {
            s.push_str(&tf(
                l,
                Msg::MeetBecameResolution,
                &[&localize_digits(&res.number, l)],
            ));
        }
        s
    }
}

fn no_session(l: crate::locale::Lang) -> String {
    t(l, Msg::OpenASessionFirstEnter).into()
}

/// "motion 3", in the user's digits.
pub fn motion_no(id: i64, l: crate::locale::Lang) -> String {
    tf(
        l,
        Msg::MeetMotionNo,
        &[&localize_digits(&id.to_string(), l)],
    )
}

/// A text's first line, cut to `n` characters.
pub fn one_line(s: &str, n: usize) -> String {
    let line = s.split('\n').next().unwrap_or("");
    let mut out: String = line.chars().take(n).collect();
    if line.chars().count() > n || s.contains('\n') {
        out.push('…');
    }
    out
}

/// The quorum problem as the TUI says it: saving (or confirming) again takes the vote
/// as taken without quorum.
fn no_quorum(p: &VoteProblem, l: crate::locale::Lang) -> String {
    let d = |n: u32| localize_digits(&n.to_string(), l);
    match p {
        VoteProblem::NoQuorum {
            present,
            in_office,
            required,
        } => tf(
            l,
            Msg::MeetNoQuorum,
            &[&d(*present), &d(*in_office), &d(*required)],
        ),
        other => crate::locale::Localized::message(other, l),
    }
}

/// A FOR/AGAINST/ABSTAIN count as typed ("7/2/1", any digits).
fn read_tally(s: &str, l: crate::locale::Lang) -> Result<Tally, String> {
    use crate::model::rules::VoteEntry;
    match VoteEntry::parse(s).map_err(store_err)? {
        VoteEntry::Tally(t) => Ok(t),
        _ => Err(tf(l, Msg::MeetTallyExpected, &[s.trim()])),
    }
}
