//! Display helpers for mixed Persian/English text in a terminal.
//!
//! Text is always *stored* in logical order. Before it reaches the terminal it goes through:
//!
//! 1. [`sanitize`] / [`sanitize_line`]: removes escape sequences, control characters and the
//!    bidi embedding/override/isolate controls that could spoof or corrupt the screen;
//! 2. wrapping or truncation in *logical* order ([`visual_lines`], [`truncate_to_width`]);
//! 3. [`visual`]: the Unicode bidi algorithm (UAX #9) per table cell or per wrapped line, producing
//!    the string in visual (left-to-right screen) order, because no common terminal reorders
//!    right-to-left text itself;
//! 4. [`pad_to_width`]: padding measured with [`cell_width`], which counts cells the way ratatui's
//!    buffer draws them.
//!
//! [`display_cell`] does steps 1–4 for a single-line table cell or title, [`display_lines`] for a
//! wrapped paragraph.
//!
//! # The lam-alef width problem
//!
//! `unicode-width` measures the *string* "لا" (lam + alef) as one cell, as if the terminal drew
//! the lam-alef ligature, but ratatui draws each grapheme cluster in its own cell, so "لا" takes
//! two. Ratatui positions text with the string width (`Line::width`): a right-aligned or
//! centered `Line`, a `Table` cell and a `Block` title (even left-aligned: the title area is
//! only `Line::width` wide) containing "لا" lose their last character. "لا" occurs both in
//! logical text ("شورای اسلامی") and in visual text (logical "الف" displays as "فلا").
//! Therefore:
//!
//! * always measure with [`cell_width`], never with `UnicodeWidthStr::width`;
//! * pad with [`pad_to_width`] and then [`compensate_width`] — or just use [`display_cell`] /
//!   [`display_lines`], which do both. The result renders completely in a `Line` (any
//!   alignment), a `Table` cell or a `Block` title whose area is the requested width.

use std::borrow::Cow;
use std::ops::Range;

use unicode_bidi::{bidi_class, BidiClass, Level, ParagraphBidiInfo};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use super::Lang;

// ---------------------------------------------------------------------------------------------
// Sanitizing
// ---------------------------------------------------------------------------------------------

const ESC: char = '\u{1b}';
const BEL: char = '\u{07}';
const CAN: char = '\u{18}';
const SUB: char = '\u{1a}';
/// C1 "string terminator".
const C1_ST: char = '\u{9c}';
/// C1 "control sequence introducer" (the raw 0x9B byte of 8-bit terminals).
const C1_CSI: char = '\u{9b}';

/// Makes text from the database or the user safe to send to a terminal, keeping line breaks.
///
/// * Escape sequences are removed whole: CSI (`ESC [` parameters, intermediates, final byte),
///   string sequences OSC/DCS/SOS/PM/APC (`ESC ]`, `ESC P`, `ESC X`, `ESC ^`, `ESC _` up to
///   `BEL`, `ESC \`, C1 ST, `CAN`/`SUB`, or the end of the line; the payload of an unterminated
///   string never swallows the following lines), and two/three-character `ESC x` sequences.
///   A lone `ESC` is removed.
/// * C1 controls U+0080–U+009F are removed; U+009B (8-bit CSI) takes its parameters and final
///   byte with it, and the 8-bit string introducers (U+0090, U+0098, U+009D–U+009F) their payload.
/// * C0 controls and DEL are removed, except: `'\n'` is kept, `"\r\n"` becomes `'\n'`, a lone
///   `'\r'` becomes `'\n'`, and **`'\t'` becomes one space** (ratatui drops tabs, which would
///   glue words together, and a tab has no defined width inside a cell). U+2028/U+2029 (line and
///   paragraph separators) become `'\n'`.
/// * Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the deprecated
///   format controls U+206A–U+206F are removed: they reorder whole stretches of text invisibly
///   ("Trojan source" spoofing) and would leak their effect into neighbouring cells in terminals
///   that implement bidi.
/// * **Kept**: the implicit marks LRM U+200E, RLM U+200F and ALM U+061C, and ZWNJ U+200C / ZWJ
///   U+200D. ZWNJ is part of correct Persian spelling; LRM/RLM are typed by the standard Persian
///   keyboard to place punctuation and numbers correctly. A mark is a zero-width strong
///   character: it can only influence the neutral characters and numbers next to it and the
///   paragraph direction — exactly what any visible Persian or Latin letter would do — and it
///   cannot reorder strong text or span beyond its paragraph, unlike overrides and isolates.
///   [`visual`] consumes the marks and does not output them.
///
/// Returns [`Cow::Borrowed`] when nothing had to change.
pub fn sanitize(s: &str) -> Cow<'_, str> {
    sanitize_impl(s, false)
}

/// Like [`sanitize`], for single-line places (table cells, titles, status lines): additionally
/// every line break (`'\n'`, `'\r'`, `"\r\n"`, U+2028, U+2029) becomes one space.
pub fn sanitize_line(s: &str) -> Cow<'_, str> {
    sanitize_impl(s, true)
}

/// Whether `c` forces [`sanitize_impl`] to leave the fast path.
fn needs_sanitizing(c: char, single_line: bool) -> bool {
    match c {
        '\n' => single_line,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{206f}' => true,
        '\u{2028}' | '\u{2029}' => true,
        _ => false,
    }
}

fn sanitize_impl(s: &str, single_line: bool) -> Cow<'_, str> {
    let Some(first) = s.find(|c| needs_sanitizing(c, single_line)) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    out.push_str(&s[..first]);
    let newline = if single_line { ' ' } else { '\n' };
    let mut chars = s[first..].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ESC => skip_escape(&mut chars),
            C1_CSI => skip_csi_body(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string_body(&mut chars),
            '\t' => out.push(' '),
            '\n' | '\u{2028}' | '\u{2029}' => out.push(newline),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(newline);
            }
            c if needs_sanitizing(c, single_line) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// Called after an `ESC`: skips the rest of the sequence it introduces.
fn skip_escape(chars: &mut Chars<'_>) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi_body(chars);
        }
        Some(']' | 'P' | 'X' | '^' | '_') => {
            chars.next();
            skip_string_body(chars);
        }
        Some(' '..='/') => {
            // nF: intermediates, then one final byte.
            while chars.next_if(|c| matches!(c, ' '..='/')).is_some() {}
            chars.next_if(|c| matches!(c, '0'..='~'));
        }
        Some('0'..='~') => {
            // Fp / Fe / Fs: a single final byte (ESC 7, ESC c, ESC \ ...).
            chars.next();
        }
        // A lone ESC (end of text, a control, or a non-ASCII character): drop only the ESC.
        _ => {}
    }
}

/// Skips CSI parameter and intermediate bytes and the final byte, if the body is well formed
/// so far; stops at the first character that cannot belong to a CSI sequence.
fn skip_csi_body(chars: &mut Chars<'_>) {
    while chars.next_if(|c| matches!(c, ' '..='?')).is_some() {}
    chars.next_if(|c| matches!(c, '@'..='~'));
}

/// Skips the payload of an OSC/DCS/SOS/PM/APC string and its terminator (`BEL`, `ESC \`,
/// C1 ST). `CAN`/`SUB` (which abort a sequence), another `ESC` (which starts a new one), and a
/// line break end the payload but are left for the caller.
fn skip_string_body(chars: &mut Chars<'_>) {
    while let Some(&c) = chars.peek() {
        match c {
            BEL | C1_ST => {
                chars.next();
                return;
            }
            ESC => {
                let mut ahead = chars.clone();
                ahead.next();
                if ahead.peek() == Some(&'\\') {
                    chars.next();
                    chars.next();
                }
                return;
            }
            CAN | SUB | '\n' | '\r' | '\u{2028}' | '\u{2029}' => return,
            _ => {
                chars.next();
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Widths, truncation and padding
// ---------------------------------------------------------------------------------------------

/// Horizontal alignment for [`pad_to_width`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    #[default]
    Left,
    Right,
    Center,
}

impl Align {
    /// The natural alignment of a paragraph: `Right` when its direction (see
    /// [`paragraph_is_rtl`]) is right-to-left, `Left` otherwise.
    pub fn natural(s: &str, base: Lang) -> Align {
        if paragraph_is_rtl(s, base) {
            Align::Right
        } else {
            Align::Left
        }
    }
}

/// Cells one grapheme cluster takes in ratatui's buffer (mirrors ratatui-core's `CellWidth`
/// and its filtering of control characters).
fn grapheme_width(g: &str) -> usize {
    if g.contains(char::is_control) {
        // Span::styled_graphemes and Buffer::set_stringn drop these.
        0
    } else if g.len() == 1 {
        1
    } else {
        // Ratatui counts halfwidth (semi-)voiced sound marks as one cell each, though
        // unicode-width reports them as zero-width extenders.
        g.width()
            + g.chars()
                .filter(|c| matches!(c, '\u{ff9e}' | '\u{ff9f}'))
                .count()
    }
}

/// The number of terminal cells ratatui's buffer uses to draw `s`: the sum of the widths of its
/// grapheme clusters. Unlike `UnicodeWidthStr::width`, "لا" counts as 2.
/// Control characters (which ratatui does not draw) count as 0.
pub fn cell_width(s: &str) -> usize {
    if s.is_ascii() {
        return s.bytes().filter(|b| !b.is_ascii_control()).count();
    }
    s.graphemes(true).map(grapheme_width).sum()
}

/// Cuts `s` to at most `max` cells by whole grapheme clusters, ending with '…' when something
/// was cut. Returns `s` unchanged when it fits.
///
/// For right-to-left text truncate the *logical* string and reorder afterwards (see
/// [`display_cell`]); truncating a visual-order string would cut the beginning of the text.
pub fn truncate_to_width(s: &str, max: usize) -> String {
    if cell_width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let budget = max - 1; // '…' takes one cell
    let mut used = 0;
    let mut end = 0;
    for (i, g) in s.grapheme_indices(true) {
        let w = grapheme_width(g);
        if used + w > budget {
            break;
        }
        used += w;
        end = i + g.len();
    }
    // Do not leave a dangling space before the ellipsis.
    let mut out = s[..end].trim_end().to_string();
    out.push('…');
    out
}

/// Truncates `s` (see [`truncate_to_width`]) and pads it with spaces to exactly `width` cells as
/// measured by [`cell_width`]. Render the result as one left-aligned span.
pub fn pad_to_width(s: &str, width: usize, align: Align) -> String {
    let text = truncate_to_width(s, width);
    let free = width.saturating_sub(cell_width(&text));
    let (left, right) = match align {
        Align::Left => (0, free),
        Align::Right => (free, 0),
        Align::Center => (free / 2, free - free / 2),
    };
    let mut out = String::with_capacity(text.len() + free);
    out.extend(std::iter::repeat_n(' ', left));
    out.push_str(&text);
    out.extend(std::iter::repeat_n(' ', right));
    out
}

/// Makes ratatui's string width (`Line::width`, i.e. `UnicodeWidthStr::width`) equal to
/// [`cell_width`] by appending one space per cell that `unicode-width` under-counts (one per
/// lam-alef pair). Ratatui then reserves enough room for the text, and the extra spaces fall
/// beyond the area and are clipped. Apply it last, to an already padded string; the result's
/// [`cell_width`] is larger than the padded width by the number of spaces added.
pub fn compensate_width(s: &str) -> Cow<'_, str> {
    let missing = cell_width(s).saturating_sub(UnicodeWidthStr::width(s));
    if missing == 0 {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + missing);
    out.push_str(s);
    out.extend(std::iter::repeat_n(' ', missing));
    Cow::Owned(out)
}

/// One table cell / title, ready to render in an area `width` cells wide:
/// [`sanitize_line`], truncation in logical order, [`visual`], [`pad_to_width`],
/// [`compensate_width`]. Shows exactly `width` cells; every character of text that fits is
/// drawn, including the last one of right-aligned Persian text.
pub fn display_cell(s: &str, width: usize, base: Lang, mode: BidiMode, align: Align) -> String {
    let line = sanitize_line(s);
    let cut = truncate_to_width(&line, width);
    let vis = visual_cow(&cut, base, mode);
    let padded = pad_to_width(&vis, width, align);
    compensate_width(&padded).into_owned()
}

// ---------------------------------------------------------------------------------------------
// Bidi
// ---------------------------------------------------------------------------------------------

/// Who puts right-to-left text into visual order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BidiMode {
    /// shura runs the Unicode bidi algorithm and sends visual-order text (for terminals without
    /// bidi support: kitty, xterm, alacritty, tmux, ...).
    #[default]
    App,
    /// The terminal reorders (e.g. VTE-based terminals with bidi enabled, mlterm); text is sent
    /// in logical order.
    Terminal,
    /// No reordering at all; text is sent in logical order.
    Off,
}

impl BidiMode {
    pub fn parse(s: &str) -> Option<BidiMode> {
        match s.trim().to_ascii_lowercase().as_str() {
            "app" | "on" | "auto" | "shura" => Some(BidiMode::App),
            "terminal" | "term" => Some(BidiMode::Terminal),
            "off" | "none" | "logical" => Some(BidiMode::Off),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            BidiMode::App => "app",
            BidiMode::Terminal => "terminal",
            BidiMode::Off => "off",
        }
    }
}

/// Direction of the first strong character outside isolates (rules P2/P3); `None` when there
/// is no strong character.
fn first_strong_is_rtl(s: &str) -> Option<bool> {
    let mut isolate_depth = 0usize;
    for c in s.chars() {
        match bidi_class(c) {
            BidiClass::LRI | BidiClass::RLI | BidiClass::FSI => isolate_depth += 1,
            BidiClass::PDI => isolate_depth = isolate_depth.saturating_sub(1),
            BidiClass::L if isolate_depth == 0 => return Some(false),
            BidiClass::R | BidiClass::AL if isolate_depth == 0 => return Some(true),
            _ => {}
        }
    }
    None
}

/// Whether the first strong character of `s` is right-to-left (bidi class R or AL).
pub fn is_rtl_text(s: &str) -> bool {
    first_strong_is_rtl(s).unwrap_or(false)
}

/// The paragraph direction used by [`visual`]: the direction of the first strong character,
/// or, when there is none (numbers, punctuation, empty), the direction of the UI language.
pub fn paragraph_is_rtl(s: &str, base: Lang) -> bool {
    first_strong_is_rtl(s).unwrap_or(base.is_rtl())
}

/// Characters that may make the bidi algorithm change anything in an LTR paragraph, or that
/// [`visual`] removes from its output.
fn needs_bidi(c: char) -> bool {
    // Fast exit for ASCII, which is never one of them.
    !c.is_ascii()
        && (is_bidi_format(c)
            || matches!(bidi_class(c), BidiClass::R | BidiClass::AL | BidiClass::AN))
}

/// Bidi formatting characters consumed by the algorithm and not output by [`visual`].
fn is_bidi_format(c: char) -> bool {
    matches!(
        c,
        '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// Characters that end a bidi paragraph (class B) or a line.
fn is_hard_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{1c}'..='\u{1e}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Mirrored glyph (Bidi_Mirroring_Glyph) for the brackets and signs that commonly occur.
fn mirror(c: char) -> Option<char> {
    Some(match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        '≤' => '≥',
        '≥' => '≤',
        '⟨' => '⟩',
        '⟩' => '⟨',
        '⟪' => '⟫',
        '⟫' => '⟪',
        '⁅' => '⁆',
        '⁆' => '⁅',
        '⁽' => '⁾',
        '⁾' => '⁽',
        '₍' => '₎',
        '₎' => '₍',
        '〈' => '〉',
        '〉' => '〈',
        '「' => '」',
        '」' => '「',
        '『' => '』',
        '』' => '『',
        '【' => '】',
        '】' => '【',
        '（' => '）',
        '）' => '（',
        '［' => '］',
        '］' => '［',
        '｛' => '｝',
        '｝' => '｛',
        _ => return None,
    })
}

/// Appends `text` without bidi formatting characters.
fn push_without_format(out: &mut String, text: &str) {
    out.extend(text.chars().filter(|&c| !is_bidi_format(c)));
}

/// Appends the line `range` of the analysed paragraph in visual order.
fn push_visual_line(out: &mut String, info: &ParagraphBidiInfo<'_>, range: Range<usize>) {
    if range.is_empty() {
        return;
    }
    let (levels, runs) = info.visual_runs(range);
    for run in runs {
        let text = &info.text[run.clone()];
        let rtl = levels.get(run.start).is_some_and(|l| l.is_rtl());
        if !rtl {
            push_without_format(out, text);
            continue;
        }
        for g in text.graphemes(true).rev() {
            // A joiner control (ZWNJ, ZWJ) ends the cluster of the letter before it; in
            // visual order it must stay between the same two letters, so it moves to
            // the cluster's front.
            let joiners: String = g
                .chars()
                .rev()
                .take_while(|c| matches!(c, '\u{200c}' | '\u{200d}'))
                .collect();
            let g = &g[..g.len() - joiners.len()];
            out.push_str(&joiners);
            let mut cs = g.chars();
            match cs.next().and_then(mirror) {
                Some(m) => {
                    out.push(m);
                    push_without_format(out, cs.as_str());
                }
                None => push_without_format(out, g),
            }
        }
    }
}

/// Reorders one paragraph (no hard breaks inside) whose lines are `lines` (byte ranges into
/// `para`, in order), appending each line's visual form to `out`.
fn visual_paragraph(para: &str, lines: &[Range<usize>], base: Lang, out: &mut Vec<String>) {
    let rtl = paragraph_is_rtl(para, base);
    if !rtl && !para.chars().any(needs_bidi) {
        out.extend(lines.iter().map(|r| para[r.clone()].to_string()));
        return;
    }
    let level = if rtl { Level::rtl() } else { Level::ltr() };
    let info = ParagraphBidiInfo::new(para, Some(level));
    for r in lines {
        let mut line = String::with_capacity(r.len());
        push_visual_line(&mut line, &info, r.clone());
        out.push(line);
    }
}

/// Where the cursor goes on screen when `s` (one line, shown in visual order by
/// [`visual`] with mode `App`) is being edited with the cursor before its `cursor`-th
/// character: the cell, counted from the left end of the visual text. The cell of the
/// character at the cursor; at the end of the text, just past the last character in
/// reading order: the right of a left-to-right line, the left (`-1`) of a right-to-left
/// one.
pub fn visual_cursor_column(s: &str, cursor: usize, base: Lang) -> isize {
    let rtl = paragraph_is_rtl(s, base);
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    if cursor >= chars.len() {
        return if rtl { -1 } else { cell_width(s) as isize };
    }
    let level = if rtl { Level::rtl() } else { Level::ltr() };
    let info = ParagraphBidiInfo::new(s, Some(level));
    let levels = info.reordered_levels_per_char(0..s.len());
    // Logical character indices in visual order.
    let order = unicode_bidi::BidiInfo::reorder_visual(&levels);
    let mut col = 0isize;
    for i in order {
        if i == cursor {
            return col;
        }
        let c = chars[i].1;
        col += unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) as isize;
    }
    col
}

/// Splits `s` at hard breaks, treating "\r\n" as one. Yields (segment, following break).
fn split_hard_breaks(s: &str) -> Vec<(&str, &str)> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if is_hard_break(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some((j, '\n')) = iter.peek().copied() {
                    iter.next();
                    end = j + 1;
                }
            }
            parts.push((&s[start..i], &s[i..end]));
            start = end;
        }
    }
    parts.push((&s[start..], ""));
    parts
}

/// Like [`visual`], borrowing when nothing changes (modes `Terminal`/`Off`, and left-to-right
/// text without right-to-left characters or bidi marks).
pub fn visual_cow(s: &str, base: Lang, mode: BidiMode) -> Cow<'_, str> {
    if mode != BidiMode::App {
        return Cow::Borrowed(s);
    }
    let has_bidi = s.chars().any(needs_bidi);
    if !has_bidi && !base.is_rtl() {
        // Paragraphs are LTR (first strong L, or fallback to English): identity.
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut lines = Vec::with_capacity(1);
    for (para, brk) in split_hard_breaks(s) {
        lines.clear();
        let whole = 0..para.len();
        visual_paragraph(para, std::slice::from_ref(&whole), base, &mut lines);
        for l in &lines {
            out.push_str(l);
        }
        out.push_str(brk);
    }
    if out == s {
        return Cow::Borrowed(s);
    }
    Cow::Owned(out)
}

/// `s` (one line, e.g. a table cell) in visual order for display.
///
/// In [`BidiMode::App`] the Unicode bidi algorithm is applied with the paragraph direction of
/// [`paragraph_is_rtl`] (first strong character, else the UI language `base`): right-to-left
/// runs are reversed by grapheme cluster (combining marks such as harakat stay on their letter,
/// ZWNJ stays with its letter), brackets in them are mirrored, numbers and embedded
/// left-to-right text keep their own order, and bidi marks/controls are removed. If `s`
/// contains line breaks, each line is treated as its own paragraph. `Terminal` and `Off`
/// return `s` unchanged.
pub fn visual(s: &str, base: Lang, mode: BidiMode) -> String {
    visual_cow(s, base, mode).into_owned()
}

/// Byte ranges of the lines of one paragraph word-wrapped at `width` cells. Whitespace at the
/// wrap points is dropped; whitespace inside a line is kept; words wider than `width` are split
/// by grapheme cluster. `width` must be > 0.
fn wrap_paragraph(para: &str, width: usize) -> Vec<Range<usize>> {
    let mut lines: Vec<Range<usize>> = Vec::new();
    // Current line: start..end and its width.
    let mut cur: Option<(usize, usize, usize)> = None;
    // Whitespace seen since the end of the current line (or the paragraph start).
    let mut gap_start = 0;
    let mut gap_width = 0;
    let mut pos = 0;
    while pos < para.len() {
        let rest = &para[pos..];
        let is_ws = rest.starts_with(is_break_space);
        let len = rest
            .find(|c: char| is_break_space(c) != is_ws)
            .unwrap_or(rest.len());
        let token = pos..pos + len;
        pos += len;
        if is_ws {
            gap_start = token.start;
            gap_width = cell_width(&para[token]);
            continue;
        }
        let word_width = cell_width(&para[token.clone()]);
        match cur {
            Some((start, _, w)) if w + gap_width + word_width <= width => {
                cur = Some((start, token.end, w + gap_width + word_width));
            }
            _ => {
                if let Some((start, end, _)) = cur.take() {
                    lines.push(start..end);
                } else if gap_width > 0 && gap_width + word_width <= width {
                    // Indentation at the start of the paragraph, kept when it fits.
                    cur = Some((gap_start, token.end, gap_width + word_width));
                    gap_width = 0;
                    continue;
                }
                if word_width <= width {
                    cur = Some((token.start, token.end, word_width));
                } else {
                    cur = Some(split_long_word(para, token, width, &mut lines));
                }
            }
        }
        gap_width = 0;
    }
    match cur {
        Some((start, end, _)) => lines.push(start..end),
        None if lines.is_empty() => lines.push(0..0),
        None => {}
    }
    lines
}

/// Whitespace where a line may be wrapped (not the no-break spaces).
fn is_break_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// Pushes full-width chunks of an over-long word and returns the last chunk as the current line.
fn split_long_word(
    para: &str,
    word: Range<usize>,
    width: usize,
    lines: &mut Vec<Range<usize>>,
) -> (usize, usize, usize) {
    let mut start = word.start;
    let mut used = 0;
    for (i, g) in para[word.clone()].grapheme_indices(true) {
        let at = word.start + i;
        let w = grapheme_width(g);
        if used + w > width && at > start {
            lines.push(start..at);
            start = at;
            used = 0;
        }
        used += w;
    }
    (start, word.end, used)
}

/// Word-wraps logical `text` to `width` cells, then puts every wrapped line into visual order
/// (see [`visual`]). Hard line breaks start new paragraphs; each paragraph's direction is taken
/// from the whole paragraph and its bidi levels are resolved on the whole paragraph, while
/// reordering is done per wrapped line (UAX #9 L1–L4), so a paragraph reads correctly line by
/// line. An empty paragraph gives an empty line. `width == 0` gives no lines.
///
/// Lines are at most `width` cells (a single grapheme wider than `width` gets a line of its
/// own). In `Terminal`/`Off` mode the lines are wrapped but stay in logical order. The input
/// should already be [`sanitize`]d; [`display_lines`] also pads and aligns the lines.
pub fn visual_lines(text: &str, width: usize, base: Lang, mode: BidiMode) -> Vec<String> {
    visual_lines_with_direction(text, width, base, mode)
        .into_iter()
        .map(|(line, _)| line)
        .collect()
}

/// [`visual_lines`], each line paired with its paragraph's direction (`true` = RTL).
fn visual_lines_with_direction(
    text: &str,
    width: usize,
    base: Lang,
    mode: BidiMode,
) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    if width == 0 {
        return out;
    }
    let mut lines = Vec::new();
    for (para, _) in split_hard_breaks(text) {
        let ranges = wrap_paragraph(para, width);
        let rtl = paragraph_is_rtl(para, base);
        lines.clear();
        if mode == BidiMode::App {
            visual_paragraph(para, &ranges, base, &mut lines);
        } else {
            lines.extend(ranges.into_iter().map(|r| para[r].to_string()));
        }
        out.extend(lines.drain(..).map(|l| (l, rtl)));
    }
    out
}

/// A multi-line text ready to render, one string per screen row of an area `width` cells
/// wide: [`sanitize`], [`visual_lines`], then each line padded to `width` — right-aligned for
/// right-to-left paragraphs in [`BidiMode::App`], left-aligned otherwise (in `Terminal` mode
/// the terminal decides) — and passed through [`compensate_width`].
pub fn display_lines(text: &str, width: usize, base: Lang, mode: BidiMode) -> Vec<String> {
    let clean = sanitize(text);
    visual_lines_with_direction(&clean, width, base, mode)
        .into_iter()
        .map(|(line, rtl)| {
            let align = if rtl && mode == BidiMode::App {
                Align::Right
            } else {
                Align::Left
            };
            compensate_width(&pad_to_width(&line, width, align)).into_owned()
        })
        .collect()
}

#[cfg(test)]
mod zwnj_tests {
    use super::*;

    #[test]
    fn zwnj_stays_between_the_same_letters() {
        // "ه‌ا": heh, ZWNJ, alef. Visually alef, ZWNJ, heh.
        let v = visual("ه\u{200c}ا", Lang::Fa, BidiMode::App);
        assert_eq!(v, "ا\u{200c}ه");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_fast_path_borrows() {
        for s in [
            "",
            "hello",
            "شورای اسلامی",
            "می\u{200c}خواهم",
            "a\nb",
            "\u{200f}(۱)",
        ] {
            assert!(matches!(sanitize(s), Cow::Borrowed(_)), "{s:?}");
        }
        assert!(matches!(sanitize_line("a b"), Cow::Borrowed(_)));
        assert!(matches!(sanitize_line("a\nb"), Cow::Owned(_)));
    }

    #[test]
    fn sanitize_escape_sequences() {
        assert_eq!(sanitize("\x1b[2J"), "");
        assert_eq!(sanitize("a\x1b[1;31mb\x1b[0mc"), "abc");
        assert_eq!(sanitize("x\x1b]52;c;SGVsbG8=\x07y"), "xy");
        assert_eq!(sanitize("x\x1b]0;title\x1b\\y"), "xy");
        assert_eq!(
            sanitize("x\x1b]8;;http://e\x1b\\link\x1b]8;;\x1b\\y"),
            "xlinky"
        );
        assert_eq!(sanitize("x\x1bPq#0\x1b\\y"), "xy");
        assert_eq!(sanitize("x\x1b(By\x1b7z\x1bc"), "xyz");
        assert_eq!(sanitize("x\x1b"), "x");
        assert_eq!(sanitize("x\x1bسلام"), "xسلام");
        // Unterminated OSC: the payload ends at the line break.
        assert_eq!(sanitize("x\x1b]0;evil\nnext"), "x\nnext");
    }

    #[test]
    fn sanitize_c1_and_controls() {
        assert_eq!(sanitize("\u{9b}31mred"), "red");
        assert_eq!(sanitize("a\u{9d}0;t\u{9c}b"), "ab");
        assert_eq!(sanitize("a\u{85}\u{90}q\u{9c}b"), "ab");
        assert_eq!(sanitize("a\u{7}b\u{0}c\u{7f}d"), "abcd");
        assert_eq!(sanitize("a\tb"), "a b");
        assert_eq!(sanitize("a\r\nb\rc"), "a\nb\nc");
        assert_eq!(sanitize_line("a\r\nb\rc\nd"), "a b c d");
        assert_eq!(sanitize("a\u{2028}b"), "a\nb");
    }

    #[test]
    fn sanitize_bidi_controls() {
        assert_eq!(sanitize("abc\u{202e}def\u{202c}"), "abcdef");
        assert_eq!(sanitize("\u{2066}x\u{2069}\u{2067}y\u{2068}z"), "xyz");
        // Marks and joiners survive.
        let keep = "\u{200e}a\u{200f}b\u{61c}c\u{200c}d\u{200d}e";
        assert_eq!(sanitize(keep), keep);
    }

    #[test]
    fn widths() {
        assert_eq!(cell_width("لا"), 2);
        assert_eq!(UnicodeWidthStr::width("لا"), 1);
        assert_eq!(cell_width("شورای اسلامی"), 12);
        assert_eq!(cell_width("abc"), 3);
        assert_eq!(cell_width("a\tb"), 2);
        assert_eq!(cell_width("日本"), 4);
        assert_eq!(cell_width("سَلام"), 4);
    }

    #[test]
    fn truncate_and_pad() {
        assert_eq!(truncate_to_width("hello", 5), "hello");
        assert_eq!(truncate_to_width("hello world", 8), "hello w…");
        assert_eq!(truncate_to_width("hello world", 7), "hello…");
        assert_eq!(truncate_to_width("hello", 0), "");
        assert_eq!(truncate_to_width("hello", 1), "…");
        assert_eq!(truncate_to_width("日本語", 4), "日…");
        assert_eq!(truncate_to_width("سَلام", 3), "سَل…");
        assert_eq!(pad_to_width("ab", 5, Align::Left), "ab   ");
        assert_eq!(pad_to_width("ab", 5, Align::Right), "   ab");
        assert_eq!(pad_to_width("ab", 5, Align::Center), " ab  ");
        let p = pad_to_width("شورای اسلامی", 20, Align::Right);
        assert_eq!(cell_width(&p), 20);
        assert!(p.ends_with("شورای اسلامی"));
        assert_eq!(p.chars().filter(|&c| c == ' ').count(), 9);
        assert_eq!(compensate_width(&p), format!("{p} "));
        assert_eq!(UnicodeWidthStr::width(compensate_width(&p).as_ref()), 20);
        assert!(matches!(compensate_width("abc"), Cow::Borrowed(_)));
    }

    #[test]
    fn bidi_mode_parse() {
        assert_eq!(BidiMode::parse(" App "), Some(BidiMode::App));
        assert_eq!(BidiMode::parse("terminal"), Some(BidiMode::Terminal));
        assert_eq!(BidiMode::parse("off"), Some(BidiMode::Off));
        assert_eq!(BidiMode::parse("x"), None);
        for m in [BidiMode::App, BidiMode::Terminal, BidiMode::Off] {
            assert_eq!(BidiMode::parse(m.code()), Some(m));
        }
    }

    #[test]
    fn visual_basic() {
        let v = |s| visual(s, Lang::En, BidiMode::App);
        assert_eq!(v("سلام دنیا"), "ایند مالس");
        assert_eq!(v("جلسه 39 of Council"), "of Council 39 هسلج");
        assert_eq!(v("(الف)"), "(فلا)");
        assert_eq!(v("سَلام"), "مالسَ");
        assert_eq!(v("Hello (world) 42"), "Hello (world) 42");
        assert_eq!(v("Meeting جلسه دوم today"), "Meeting مود هسلج today");
        assert_eq!(visual("سلام", Lang::Fa, BidiMode::Terminal), "سلام");
        assert_eq!(visual("سلام", Lang::Fa, BidiMode::Off), "سلام");
    }

    #[test]
    fn visual_fast_path_and_fallback() {
        assert!(matches!(
            visual_cow("plain English", Lang::En, BidiMode::App),
            Cow::Borrowed(_)
        ));
        assert!(matches!(
            visual_cow("plain English", Lang::Fa, BidiMode::App),
            Cow::Borrowed(_)
        ));
        // No strong character: direction of the UI language.
        assert_eq!(visual("1 - 2", Lang::En, BidiMode::App), "1 - 2");
        assert_eq!(visual("1 - 2", Lang::Fa, BidiMode::App), "2 - 1");
        assert_eq!(visual("(12)", Lang::Fa, BidiMode::App), "(12)");
        // Marks are consumed.
        assert_eq!(visual("\u{200f}abc", Lang::En, BidiMode::App), "abc");
    }

    #[test]
    fn wrapping() {
        let lines = visual_lines("aaa bbb ccc", 7, Lang::En, BidiMode::App);
        assert_eq!(lines, ["aaa bbb", "ccc"]);
        let lines = visual_lines("abcdefghij", 4, Lang::En, BidiMode::App);
        assert_eq!(lines, ["abcd", "efgh", "ij"]);
        let lines = visual_lines("a\n\nb", 4, Lang::En, BidiMode::App);
        assert_eq!(lines, ["a", "", "b"]);
        let lines = visual_lines("  indented text", 11, Lang::En, BidiMode::Off);
        assert_eq!(lines, ["  indented", "text"]);
        assert!(visual_lines("x", 0, Lang::En, BidiMode::App).is_empty());
        let lines = visual_lines("aa\u{a0}bb cc", 5, Lang::En, BidiMode::App);
        assert_eq!(lines, ["aa\u{a0}bb", "cc"]);
        let lines = visual_lines("سلام دنیا", 5, Lang::En, BidiMode::App);
        assert_eq!(lines, ["مالس", "ایند"]);
    }

    #[test]
    fn the_cursor_goes_to_the_visual_cell_of_the_typed_position() {
        use super::visual_cursor_column as col;
        use crate::locale::Lang;
        assert_eq!(col("abc", 1, Lang::En), 1);
        assert_eq!(col("abc", 3, Lang::En), 3);
        // Persian: the first letter is on the right; the end is left of the text.
        assert_eq!(col("سلام", 0, Lang::Fa), 3);
        assert_eq!(col("سلام", 3, Lang::Fa), 0);
        assert_eq!(col("سلام", 4, Lang::Fa), -1);
        // Mixed, right-to-left paragraph: "abc" is shown on the left, in its own order.
        assert_eq!(
            super::visual("سلام abc", Lang::Fa, super::BidiMode::App),
            "abc مالس"
        );
        assert_eq!(col("سلام abc", 5, Lang::Fa), 0);
        assert_eq!(col("سلام abc", 7, Lang::Fa), 2);
        assert_eq!(col("سلام abc", 0, Lang::Fa), 7);
        // An English word in the Persian UI is a left-to-right paragraph.
        assert_eq!(col("abc", 3, Lang::Fa), 3);
    }
}
