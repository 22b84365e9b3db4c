//! What every screen's state answers about its lists, so [`App`](super::state::App)
//! asks the screen that owns a list instead of matching over every [`ListKind`]. A new
//! list is a line in its screen's impl; a new screen is its own file and one line in
//! `App::components`.

use super::keymap::Action;
use super::state::{clicked_row, Cursor, ListKind};
use crate::ops::Context;
use crate::store::Result;

/// A screen's lists: their rows, their cursors, and which one is in focus.
pub trait Component {
    /// The lists this screen holds.
    fn lists(&self) -> &'static [ListKind];

    /// The list the cursor is in.
    fn focused(&self) -> ListKind;

    /// How many rows a list holds (before any `/` filter).
    fn len(&self, kind: ListKind) -> usize;

    /// The text of each row of a list, as `/` matches it.
    fn row_texts(&self, kind: ListKind, ctx: &Context) -> Vec<String>;

    /// The cursor of a list, as a position among its visible rows.
    fn cursor(&self, kind: ListKind) -> Option<usize>;

    /// Puts the cursor of a list on a position among its visible rows.
    fn set_cursor(&mut self, kind: ListKind, row: usize);

    /// Moves the cursor of a list that shows `len` rows (`page` rows a page).
    fn move_cursor(
        &mut self,
        kind: ListKind,
        action: Action,
        len: usize,
        page: usize,
        _ctx: &Context,
        _filter: &str,
    ) -> Result<()> {
        if let Some(selected) = self.cursor(kind) {
            let mut c = Cursor { selected };
            c.apply(action, len, page);
            self.set_cursor(kind, c.selected);
        }
        Ok(())
    }

    /// Tab and the arrows between panes: the next pane (or the one before).
    fn switch_pane(&mut self, _forward: bool) {}

    /// Puts the focus on a list that was clicked; false if a click does not select in it.
    fn focus(&mut self, _kind: ListKind) -> bool {
        false
    }

    /// A click on the `on_screen`-th row shown of a list `height` cells high: focuses
    /// the list and selects the row. True when the screens are to be read again.
    fn click(
        &mut self,
        kind: ListKind,
        on_screen: usize,
        height: u16,
        ctx: &Context,
        filter: &str,
    ) -> Result<bool> {
        if self.focus(kind) {
            let len = self.visible_rows(kind, filter, ctx).len();
            if len > 0 {
                let selected = self.cursor(kind).unwrap_or(0);
                self.set_cursor(kind, clicked_row(selected, len, height, on_screen));
            }
        }
        Ok(false)
    }

    /// Indices of the rows of a list that are shown: all of them, or those matching
    /// `filter` (empty unless the list is the focused one).
    fn visible_rows(&self, kind: ListKind, filter: &str, ctx: &Context) -> Vec<usize> {
        // Unfiltered lists need only their length (this runs on every key and frame).
        if filter.is_empty() {
            return (0..self.len(kind)).collect();
        }
        let needle = crate::locale::normalize::normalize_for_search(filter);
        self.row_texts(kind, ctx)
            .iter()
            .enumerate()
            .filter(|(_, t)| crate::locale::normalize::normalize_for_search(t).contains(&needle))
            .map(|(i, _)| i)
            .collect()
    }

    /// The row under the cursor of a list, as an index into the list's data.
    fn selected_row(&self, kind: ListKind, filter: &str, ctx: &Context) -> Option<usize> {
        let at = self.cursor(kind)?;
        self.visible_rows(kind, filter, ctx).get(at).copied()
    }
}

/// The text `/` matches for a name: both of its languages.
pub(crate) fn both_names(n: &crate::model::Name) -> String {
    format!(
        "{} {}",
        n.fa.as_deref().unwrap_or(""),
        n.en.as_deref().unwrap_or("")
    )
}

/// The pane after (or before) `now` in a screen's cycle of panes.
pub fn next_pane<T: Copy + PartialEq>(order: &[T], now: T, forward: bool) -> T {
    let n = order.len().max(1);
    let i = order.iter().position(|p| *p == now).unwrap_or(0);
    order[if forward {
        (i + 1) % n
    } else {
        (i + n - 1) % n
    }]
}
