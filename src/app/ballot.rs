//! A member's own vote: while a vote is open at a session where the person at the
//! keyboard is marked present, a popup over any screen shows the motion and what it
//! needs, and one key casts (or changes) their vote through
//! [`crate::ops::motions::cast_own`]. It goes away when the vote closes.

use super::keymap::Action;
use super::state::{store_err, App};
use crate::locale::strings::{t, Msg};
use crate::model::voting::Choice;
use crate::ops::motions;

/// The open vote offered to the member at the keyboard.
#[derive(Debug, Clone, PartialEq)]
pub struct BallotPrompt {
    pub motion_id: i64,
    pub person_id: i64,
    /// The motion's text (as amended so far) and its kind, as shown.
    pub text: String,
    pub kind: String,
    /// "needs 5 of 9 members present (1 recused)".
    pub requirement: String,
    /// The vote cast so far, if any.
    pub mine: Option<Choice>,
    /// Why the last key was refused (recused, not in the room), from the catalogue.
    pub error: Option<String>,
    /// Hidden by the member (Esc) until the vote changes.
    pub hidden: bool,
}

impl App {
    /// Reads the open votes the person at the keyboard may be asked for: one query for
    /// the person's open ballots (run when the database changed).
    pub(crate) fn refresh_ballot(&mut self) {
        let l = self.lang();
        let Ok(Some(me)) = self.ctx.store.person_by_login(&self.ctx.store.actor.login) else {
            self.ballot = None;
            return;
        };
        let open = self.ctx.store.open_ballots_for(me.id).unwrap_or_default();
        let mut found = None;
        for (motion, _) in open {
            let Ok(session) = self.ctx.store.session(motion.session_id) else {
                continue;
            };
            // Only where the member is marked present (a recused one sees it too, and
            // is told why their key is refused).
            let present = motions::room_now(&self.ctx.store, &session, motion.agenda_item_id)
                .map(|r| r.present_ids.contains(&me.id))
                .unwrap_or(false);
            if !present {
                continue;
            }
            let requirement = motions::requirement_now(&self.ctx, &motion)
                .map(|(r, _)| r)
                .unwrap_or_default();
            let mine = self
                .ctx
                .store
                .ballot_votes(motion.id)
                .unwrap_or_default()
                .into_iter()
                .find(|v| v.person_id == me.id)
                .map(|v| v.choice);
            found = Some(BallotPrompt {
                motion_id: motion.id,
                person_id: me.id,
                text: motion.final_text.clone(),
                kind: motion.kind.label(l).to_string(),
                requirement,
                mine,
                error: None,
                hidden: false,
            });
            break;
        }
        self.ballot = match (self.ballot.take(), found) {
            // The same vote: what the member did with the popup stays.
            (Some(old), Some(mut new)) if old.motion_id == new.motion_id => {
                new.hidden = old.hidden && old.mine == new.mine;
                new.error = old.error;
                Some(new)
            }
            (_, found) => found,
        };
    }

    /// Whether the vote popup is shown now (no other popup open over it).
    pub fn ballot_showing(&self) -> bool {
        self.modal.is_none() && self.ballot.as_ref().is_some_and(|b| !b.hidden)
    }

    /// A key on the vote popup: a vote cast, or the popup hidden.
    pub fn ballot_key(&mut self, action: Option<Action>) {
        let choice = match action {
            Some(Action::VoteFor) => Choice::Yes,
            Some(Action::VoteAgainst) => Choice::No,
            Some(Action::VoteAbstain) => Choice::Abstain,
            Some(Action::VoteNotVoting) => Choice::NotVoting,
            Some(Action::HideBallot) => {
                if let Some(b) = &mut self.ballot {
                    b.hidden = true;
                }
                return;
            }
            _ => return,
        };
        let Some(motion_id) = self.ballot.as_ref().map(|b| b.motion_id) else {
            return;
        };
        let l = self.lang();
        match motions::cast_own(&mut self.ctx, motion_id, choice) {
            Ok(()) => {
                if let Some(b) = &mut self.ballot {
                    b.mine = Some(choice);
                    b.error = None;
                }
                self.reload();
                self.say(format!("{} {}", t(l, Msg::MeetYourVote), choice.label(l)));
            }
            Err(e) => {
                let msg = store_err(e);
                // The vote may have closed meanwhile: read again.
                self.reload();
                if let Some(b) = &mut self.ballot {
                    b.error = Some(msg.clone());
                }
                self.fail(msg);
            }
        }
    }
}
