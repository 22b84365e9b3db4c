//! Plain-text tables for people: every cell sanitized (no control or bidi-override
//! characters reach the terminal), measured by grapheme, and in a Persian UI mirrored
//! (columns right to left, text right-aligned, each cell reordered for display).

use crate::locale::text::{
    cell_width, pad_to_width, sanitize_line, truncate_to_width, visual, Align,
};
use crate::locale::Lang;
use crate::locale::Prefs;

/// Widest a column may grow; longer text is cut with an ellipsis (JSON keeps it whole).
pub const MAX_COLUMN: usize = 60;

pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Columns that hold numbers (kept right-aligned in English).
    pub numeric: Vec<bool>,
}

impl Table {
    pub fn new(headers: &[&str]) -> Table {
        Table {
            headers: headers.iter().map(|s| s.to_string()).collect(),
            rows: Vec::new(),
            numeric: vec![false; headers.len()],
        }
    }

    pub fn numeric(mut self, cols: &[usize]) -> Table {
        for &c in cols {
            if let Some(n) = self.numeric.get_mut(c) {
                *n = true;
            }
        }
        self
    }

    pub fn push(&mut self, row: Vec<String>) {
        self.rows.push(row);
    }

    /// Renders the table as lines for a terminal.
    pub fn render(&self, prefs: Prefs) -> String {
        let prepare = |s: &str| -> String {
            let clean = sanitize_line(s);
            let cut = truncate_to_width(&clean, MAX_COLUMN);
            visual(&cut, prefs.lang, prefs.bidi)
        };
        let header: Vec<String> = self.headers.iter().map(|h| prepare(h)).collect();
        // Numbers in a Persian table are shown in Persian digits.
        let body: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| {
                r.iter()
                    .enumerate()
                    .map(|(i, c)| {
                        if prefs.lang == Lang::Fa && self.numeric.get(i).copied().unwrap_or(false) {
                            prepare(&crate::locale::digits::localize_digits(c, Lang::Fa))
                        } else {
                            prepare(c)
                        }
                    })
                    .collect()
            })
            .collect();
        let cols = header.len();
        let mut widths: Vec<usize> = header.iter().map(|h| cell_width(h)).collect();
        for row in &body {
            for (i, c) in row.iter().enumerate().take(cols) {
                widths[i] = widths[i].max(cell_width(c));
            }
        }
        let rtl = prefs.lang == Lang::Fa;
        let line = |cells: &[String]| -> String {
            let mut parts: Vec<String> = (0..cols)
                .map(|i| {
                    let text = cells.get(i).map(String::as_str).unwrap_or("");
                    let align = if rtl || self.numeric[i] {
                        Align::Right
                    } else {
                        Align::Left
                    };
                    pad_to_width(text, widths[i], align)
                })
                .collect();
            if rtl {
                parts.reverse();
            }
            let joined = parts.join("  ");
            if rtl {
                joined
            } else {
                joined.trim_end().to_string()
            }
        };
        let mut out = String::new();
        out.push_str(&line(&header));
        out.push('\n');
        let mut rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
        if rtl {
            rule.reverse();
        }
        out.push_str(&rule.join("  "));
        out.push('\n');
        for row in &body {
            out.push_str(&line(row));
            out.push('\n');
        }
        out
    }
}

/// One line of free text for the terminal: sanitized and reordered for display.
pub fn display_line(s: &str, prefs: Prefs) -> String {
    visual(&sanitize_line(s), prefs.lang, prefs.bidi)
}

/// A paragraph for the terminal: sanitized (newlines kept), each line reordered.
pub fn display_text(s: &str, prefs: Prefs) -> String {
    crate::locale::text::sanitize(s)
        .lines()
        .map(|l| visual(l, prefs.lang, prefs.bidi))
        .collect::<Vec<_>>()
        .join("\n")
}
