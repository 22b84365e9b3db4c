//! The session screen's motions pane: the motions on the selected agenda item and the
//! session's own (procedural) motions, each followed by its amendments, with the live
//! tally of an open vote. Plain state read from `ops::motions`; the rules are there.

use std::collections::BTreeMap;

use super::state::Cursor;
use crate::locale::Lang;
use crate::model::voting::Conflict;
use crate::model::voting::MotionStatus;
use crate::ops::motions::{live_tally, LiveTally, MotionView};
use crate::store::{Result, Store};

/// The motions of a session as shown, and the pane's cursor.
#[derive(Debug, Default)]
pub struct MotionsPane {
    /// Every motion of the session, in the order moved.
    pub all: Vec<MotionView>,
    /// The votes cast so far on each motion whose vote is open.
    pub live: BTreeMap<i64, LiveTally>,
    /// The session's declared interests (who is recused on which item).
    pub conflicts: Vec<Conflict>,
    pub cursor: Cursor,
}

impl MotionsPane {
    /// The pane from a session's motions already read (the session record holds them),
    /// with their open votes' tallies and the session's conflicts.
    pub fn from_views(
        store: &Store,
        mut all: Vec<MotionView>,
        session_id: i64,
    ) -> Result<MotionsPane> {
        all.sort_by_key(|m| m.motion.id);
        let mut live = BTreeMap::new();
        for m in all
            .iter()
            .filter(|m| m.motion.status == MotionStatus::Voting)
        {
            live.insert(m.motion.id, live_tally(store, m.motion.id)?);
        }
        Ok(MotionsPane {
            all,
            live,
            conflicts: store.conflicts(session_id)?,
            cursor: Cursor::default(),
        })
    }

    /// Takes the data read again; the cursor stays (on as many rows as there are).
    pub fn refresh(&mut self, fresh: MotionsPane, item: Option<i64>) {
        self.all = fresh.all;
        self.live = fresh.live;
        self.conflicts = fresh.conflicts;
        let len = self.rows(item).len();
        self.cursor.clamp(len);
    }

    /// The motions shown with an agenda item (or with none): those moved on it and the
    /// session's own, each motion followed by its amendments (and theirs).
    pub fn rows(&self, item: Option<i64>) -> Vec<&MotionView> {
        let here =
            |m: &&MotionView| m.motion.agenda_item_id.is_none() || m.motion.agenda_item_id == item;
        let mut out = Vec::new();
        for top in self
            .all
            .iter()
            .filter(here)
            .filter(|m| m.motion.amends.is_none())
        {
            self.push_with_amendments(top, &mut out);
        }
        out
    }

    fn push_with_amendments<'a>(&'a self, m: &'a MotionView, out: &mut Vec<&'a MotionView>) {
        out.push(m);
        if m.degree >= 2 {
            return;
        }
        for a in self
            .all
            .iter()
            .filter(|a| a.motion.amends == Some(m.motion.id))
        {
            self.push_with_amendments(a, out);
        }
    }

    /// The motion under the cursor.
    pub fn selected(&self, item: Option<i64>) -> Option<&MotionView> {
        self.rows(item).get(self.cursor.selected).copied()
    }

    /// Members recused on an item: (person id, reason).
    pub fn recused_on(&self, item: i64) -> Vec<(i64, String)> {
        self.conflicts
            .iter()
            .filter(|c| c.agenda_item_id == item)
            .map(|c| (c.person_id, c.reason.clone()))
            .collect()
    }

    /// The text `/` matches for a row.
    pub fn row_text(m: &MotionView, lang: Lang) -> String {
        format!(
            "{} {} {}",
            m.motion.kind.label(lang),
            m.motion.final_text,
            m.mover.as_ref().map(|n| n.get(lang)).unwrap_or("")
        )
    }
}
