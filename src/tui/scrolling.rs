//! A terminal backend that scrolls instead of repainting.
//!
//! When a list scrolls by a line, every row of it changes, and a plain cell diff writes
//! them all again: about 1.5 KB for one key at 80×24, and more on a wide terminal, over an
//! SSH link. Terminals can move a band of whole rows themselves (a scrolling region,
//! DECSTBM, then SU or SD: about 15 bytes). [`ScrollingBackend`] wraps the real backend,
//! keeps a copy of what the terminal shows, and before each frame looks for a band of
//! rows that the new frame shows moved up or down by a few lines; when one would save
//! writing at least [`MIN_ROWS_SAVED`] rows it scrolls that band, then writes only the
//! cells that still differ. A scrolling region spans the whole width, so this applies
//! when whole rows moved (a list as wide as the screen: the browsers, the help); a list
//! beside other panes is redrawn as before.

use ratatui::backend::{Backend, ClearType, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect, Size};

/// Scroll only when it spares rewriting at least this many rows.
pub const MIN_ROWS_SAVED: usize = 3;
/// The largest shift looked for (a page key moves a list by a page, which leaves too
/// little in common to gain from scrolling).
const MAX_SHIFT: usize = 3;

/// A band of rows to scroll: the rows `top..bottom` move `up` lines (negative: down).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scroll {
    pub top: u16,
    pub bottom: u16,
    pub up: i16,
}

pub struct ScrollingBackend<B: Backend> {
    inner: B,
    /// What the terminal shows now, as far as this backend knows.
    shown: Buffer,
}

impl<B: Backend> ScrollingBackend<B> {
    pub fn new(inner: B) -> Self {
        let shown = Buffer::empty(area_of(&inner));
        ScrollingBackend { inner, shown }
    }

    pub fn inner(&self) -> &B {
        &self.inner
    }
}

fn area_of<B: Backend>(b: &B) -> Rect {
    b.size()
        .map(|s| Rect::new(0, 0, s.width, s.height))
        .unwrap_or_default()
}

/// A cell no frame draws: rows the terminal blanked by scrolling are marked with it, so
/// every cell of them is written again (with its own colours, not the terminal's).
fn unknown_cell() -> Cell {
    let mut c = Cell::default();
    c.set_symbol("\u{FFFF}");
    c
}

fn row(buf: &Buffer, y: usize) -> &[Cell] {
    let w = buf.area.width as usize;
    &buf.content[y * w..(y + 1) * w]
}

/// The band of rows whose scrolling spares the most rewriting between `old` (on screen)
/// and `new` (the next frame), if any spares at least [`MIN_ROWS_SAVED`] rows.
pub fn best_scroll(old: &Buffer, new: &Buffer) -> Option<Scroll> {
    if old.area != new.area || old.area.width == 0 {
        return None;
    }
    let h = old.area.height as usize;
    let mut best: Option<(usize, Scroll)> = None;
    for shift in 1..=MAX_SHIFT.min(h.saturating_sub(1)) {
        for up in [true, false] {
            // Row y of the new frame is row `from(y)` of the old one, moved.
            let from = |y: usize| if up { y + shift } else { y.wrapping_sub(shift) };
            let mut y = 0;
            while y < h {
                let matches = |y: usize| from(y) < h && row(new, y) == row(old, from(y));
                if !matches(y) {
                    y += 1;
                    continue;
                }
                // A run of rows that moved; count those that would otherwise be written.
                let start = y;
                let mut saved = 0;
                while y < h && matches(y) {
                    if row(new, y) != row(old, y) {
                        saved += 1;
                    }
                    y += 1;
                }
                let scroll = if up {
                    Scroll {
                        top: start as u16,
                        bottom: (y + shift) as u16,
                        up: shift as i16,
                    }
                } else {
                    Scroll {
                        top: (start - shift) as u16,
                        bottom: y as u16,
                        up: -(shift as i16),
                    }
                };
                if saved >= MIN_ROWS_SAVED && best.is_none_or(|(s, _)| saved > s) {
                    best = Some((saved, scroll));
                }
            }
        }
    }
    best.map(|(_, s)| s)
}

/// What the terminal shows after scrolling `s` on a screen that showed `buf`.
pub fn apply_scroll(buf: &mut Buffer, s: Scroll) {
    let w = buf.area.width as usize;
    let (top, bottom) = (s.top as usize, s.bottom as usize);
    let n = s.up.unsigned_abs() as usize;
    if s.up > 0 {
        for y in top..bottom {
            let src = y + n;
            for x in 0..w {
                buf.content[y * w + x] = if src < bottom {
                    buf.content[src * w + x].clone()
                } else {
                    unknown_cell()
                };
            }
        }
    } else {
        for y in (top..bottom).rev() {
            for x in 0..w {
                buf.content[y * w + x] = if y >= top + n {
                    buf.content[(y - n) * w + x].clone()
                } else {
                    unknown_cell()
                };
            }
        }
    }
}

impl<B: Backend> Backend for ScrollingBackend<B> {
    type Error = B::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let updates: Vec<(u16, u16, Cell)> = content.map(|(x, y, c)| (x, y, c.clone())).collect();
        if updates.is_empty() {
            return Ok(());
        }
        let area = area_of(&self.inner);
        if area != self.shown.area
            || updates
                .iter()
                .any(|(x, y, _)| !area.contains(Position { x: *x, y: *y }))
        {
            // The size changed under us: write what was asked, forget what is shown.
            self.shown = Buffer::empty(area);
            for y in 0..area.height {
                for x in 0..area.width {
                    self.shown[(x, y)] = unknown_cell();
                }
            }
            return self.inner.draw(updates.iter().map(|(x, y, c)| (*x, *y, c)));
        }
        let mut next = self.shown.clone();
        for (x, y, c) in updates {
            next[(x, y)] = c;
        }
        if let Some(s) = best_scroll(&self.shown, &next) {
            let n = s.up.unsigned_abs();
            if s.up > 0 {
                self.inner.scroll_region_up(s.top..s.bottom, n)?;
            } else {
                self.inner.scroll_region_down(s.top..s.bottom, n)?;
            }
            apply_scroll(&mut self.shown, s);
        }
        let result = self.inner.draw(self.shown.diff(&next).into_iter());
        self.shown = next;
        result
    }

    fn append_lines(&mut self, n: u16) -> Result<(), Self::Error> {
        self.inner.append_lines(n)
    }

    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()?;
        self.shown = Buffer::empty(area_of(&self.inner));
        Ok(())
    }

    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)?;
        // Only a whole clear leaves a known screen; after a partial one, write it all.
        self.shown = Buffer::empty(area_of(&self.inner));
        if clear_type != ClearType::All {
            let area = self.shown.area;
            for y in 0..area.height {
                for x in 0..area.width {
                    self.shown[(x, y)] = unknown_cell();
                }
            }
        }
        Ok(())
    }

    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }

    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }

    fn scroll_region_up(
        &mut self,
        region: std::ops::Range<u16>,
        line_count: u16,
    ) -> Result<(), Self::Error> {
        self.inner.scroll_region_up(region.clone(), line_count)?;
        let scroll = Scroll {
            top: region.start,
            bottom: region.end.min(self.shown.area.height),
            up: line_count.min(i16::MAX as u16) as i16,
        };
        apply_scroll(&mut self.shown, scroll);
        Ok(())
    }

    fn scroll_region_down(
        &mut self,
        region: std::ops::Range<u16>,
        line_count: u16,
    ) -> Result<(), Self::Error> {
        self.inner.scroll_region_down(region.clone(), line_count)?;
        let scroll = Scroll {
            top: region.start,
            bottom: region.end.min(self.shown.area.height),
            up: -(line_count.min(i16::MAX as u16) as i16),
        };
        apply_scroll(&mut self.shown, scroll);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::backend::TestBackend;

    fn screen(lines: &[&str]) -> Buffer {
        Buffer::with_lines(lines.iter().copied())
    }

    #[test]
    fn a_list_moved_up_by_one_line_is_scrolled() {
        let old = screen(&["title", "a", "b", "c", "d", "e", "foot"]);
        let new = screen(&["title", "b", "c", "d", "e", "f", "foot"]);
        let s = best_scroll(&old, &new).expect("a scroll");
        assert_eq!(
            s,
            Scroll {
                top: 1,
                bottom: 6,
                up: 1
            }
        );
        let mut shown = old.clone();
        apply_scroll(&mut shown, s);
        // Only the row that came in is left to write.
        let rest: Vec<u16> = shown.diff(&new).iter().map(|(_, y, _)| *y).collect();
        assert!(rest.iter().all(|y| *y == 5), "{rest:?}");
    }

    #[test]
    fn a_list_moved_down_is_scrolled_down() {
        let old = screen(&["t", "b", "c", "d", "e", "f", "x"]);
        let new = screen(&["t", "a", "b", "c", "d", "e", "x"]);
        let s = best_scroll(&old, &new).expect("a scroll");
        assert_eq!(
            s,
            Scroll {
                top: 1,
                bottom: 6,
                up: -1
            }
        );
        let mut shown = old.clone();
        apply_scroll(&mut shown, s);
        let rest: Vec<u16> = shown.diff(&new).iter().map(|(_, y, _)| *y).collect();
        assert!(rest.iter().all(|y| *y == 1), "{rest:?}");
    }

    #[test]
    fn too_little_in_common_is_not_scrolled() {
        let old = screen(&["t", "a", "b", "c", "d"]);
        let new = screen(&["t", "b", "c", "x", "y"]);
        assert_eq!(best_scroll(&old, &new), None);
        assert_eq!(best_scroll(&old, &old), None, "nothing moved");
    }

    #[test]
    fn the_backend_ends_with_the_frame_it_was_given() {
        // Frames of a scrolling list drawn through the backend: what the test backend
        // holds afterwards is exactly the last frame, scrolled or not.
        let mut b = ScrollingBackend::new(TestBackend::new(6, 8));
        let mut prev = Buffer::empty(Rect::new(0, 0, 6, 8));
        for first in 0..12 {
            let mut lines = vec!["head  ".to_string()];
            lines.extend((first..first + 6).map(|i| format!("row{i:02} ")));
            lines.push("foot  ".to_string());
            let frame = Buffer::with_lines(lines.iter().map(String::as_str));
            b.draw(prev.diff(&frame).into_iter()).unwrap();
            assert_eq!(b.inner().buffer(), &frame, "frame {first}");
            prev = frame;
        }
        // And back up.
        for first in (0..12).rev() {
            let mut lines = vec!["head  ".to_string()];
            lines.extend((first..first + 6).map(|i| format!("row{i:02} ")));
            lines.push("foot  ".to_string());
            let frame = Buffer::with_lines(lines.iter().map(String::as_str));
            b.draw(prev.diff(&frame).into_iter()).unwrap();
            assert_eq!(b.inner().buffer(), &frame, "frame {first} going up");
            prev = frame;
        }
    }
}
