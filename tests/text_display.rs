//! Display of Persian/English text: sanitizing, cell widths, padding and bidi reordering,
//! checked against what ratatui actually draws.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::borrow::Cow;

use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Row, Table};
use ratatui::Terminal;
use shura::locale::text::{
    cell_width, compensate_width, display_cell, display_lines, is_rtl_text, pad_to_width,
    paragraph_is_rtl, sanitize, sanitize_line, truncate_to_width, visual, visual_cow, visual_lines,
    Align, BidiMode,
};
use shura::locale::Lang;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

const COUNCIL: &str = "شورای اسلامی";

fn reverse_graphemes(s: &str) -> String {
    s.graphemes(true).rev().collect()
}

/// The symbols of row `y` of a buffer, concatenated.
fn row(buf: &Buffer, y: u16) -> String {
    (0..buf.area.width)
        .map(|x| buf[(x, y)].symbol().to_string())
        .collect()
}

fn non_space_graphemes(s: &str) -> Vec<String> {
    s.graphemes(true)
        .filter(|g| !g.trim().is_empty())
        .map(str::to_string)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// sanitize

#[test]
fn sanitize_strips_erase_screen() {
    assert_eq!(sanitize("\x1b[2J"), "");
    assert_eq!(
        sanitize("جلسه\x1b[2J meeting\x1b[1;31m red"),
        "جلسه meeting red"
    );
}

#[test]
fn sanitize_strips_osc52_clipboard() {
    assert_eq!(sanitize("\x1b]52;c;SGVsbG8=\x07"), "");
    assert_eq!(
        sanitize("دستور جلسه\x1b]52;c;SGVsbG8=\x07 agenda"),
        "دستور جلسه agenda"
    );
    // ST-terminated variant.
    assert_eq!(sanitize("a\x1b]52;c;SGVsbG8=\x1b\\b"), "ab");
}

#[test]
fn sanitize_strips_c1_csi() {
    assert_eq!(sanitize("\u{9b}31m"), "");
    assert_eq!(sanitize("رأی\u{9b}31m vote"), "رأی vote");
    assert_eq!(sanitize("x\u{9b}"), "x");
}

#[test]
fn sanitize_strips_bidi_override() {
    assert_eq!(sanitize("\u{202e}"), "");
    assert_eq!(
        sanitize("invoice_\u{202e}fdp.exe سند"),
        "invoice_fdp.exe سند"
    );
    assert_eq!(sanitize("\u{2067}عضو\u{2069} member"), "عضو member");
}

#[test]
fn sanitize_keeps_normal_text_exactly() {
    let texts = [
        "شورای اسلامی شهر",
        "می\u{200c}خواهیم رأی‌گیری کنیم",
        "Council meeting #39 (2024-05-01)",
        "جلسه 39 of Council\nخط دوم\tبا تب",
        "\u{200f}(۱) بند اول",
        "ﷲ سَلام عَلَیکُم",
    ];
    for t in texts {
        let s = sanitize(t);
        if t.contains('\t') {
            assert_eq!(s, t.replace('\t', " "));
        } else {
            assert!(matches!(s, Cow::Borrowed(_)), "{t:?}");
            assert_eq!(s, t);
        }
    }
    let mixed = "\x1b[2Jشورا\u{202e} Council\x1b]52;c;SGVsbG8=\x07 \u{9b}31mجلسه 39";
    assert_eq!(sanitize(mixed), "شورا Council جلسه 39");
}

#[test]
fn sanitize_line_flattens_breaks() {
    assert_eq!(
        sanitize_line("سطر اول\nسطر دوم\r\nthird\rfourth"),
        "سطر اول سطر دوم third fourth"
    );
    assert!(matches!(sanitize_line(COUNCIL), Cow::Borrowed(_)));
    assert_eq!(sanitize("a\nb"), "a\nb");
}

// ---------------------------------------------------------------------------------------------
// widths

#[test]
fn cell_width_counts_lam_alef_as_two() {
    assert_eq!(UnicodeWidthStr::width(COUNCIL), 11);
    assert_eq!(cell_width(COUNCIL), 12);
    assert_eq!(cell_width("لا"), 2);
    assert_eq!(cell_width("ال"), 2);
    assert_eq!(cell_width(&visual(COUNCIL, Lang::Fa, BidiMode::App)), 12);
}

#[test]
fn cell_width_matches_ratatui_buffer() {
    let samples = [
        "",
        "hello",
        COUNCIL,
        "لا",
        "سَلامٌ عَلَیکُم",
        "می\u{200c}خواهم",
        "日本語 text",
        "👩\u{200d}👩\u{200d}👧 family",
        "e\u{301}",
        "ｶﾞ ﾟ",
        "tab\there",
        "\u{200f}(۱)",
    ];
    for s in samples {
        let mut buf = Buffer::empty(Rect::new(0, 0, 80, 1));
        let (x, _) = buf.set_stringn(0, 0, s, 80, Style::default());
        assert_eq!(usize::from(x), cell_width(s), "{s:?}");
    }
}

#[test]
fn truncate_keeps_whole_graphemes() {
    assert_eq!(truncate_to_width(COUNCIL, 20), COUNCIL);
    let cut = truncate_to_width(COUNCIL, 9);
    assert_eq!(cut, "شورای اس…");
    assert!(cell_width(&cut) <= 9);
    let cut = truncate_to_width("سَلام", 2);
    assert_eq!(cut, "سَ…");
}

#[test]
fn pad_right_fills_exact_width() {
    for width in [12, 15, 20] {
        for align in [Align::Left, Align::Right, Align::Center] {
            let p = pad_to_width(COUNCIL, width, align);
            assert_eq!(cell_width(&p), width, "{align:?} {width}");
        }
    }
    let p = pad_to_width(COUNCIL, 20, Align::Right);
    assert_eq!(p, format!("{}{COUNCIL}", " ".repeat(8)));
}

// ---------------------------------------------------------------------------------------------
// ratatui rendering

/// Renders `cell` left-aligned as a Paragraph, a Table cell and a Block title (one row each).
fn render_three_ways(cell: &str) -> Buffer {
    let backend = TestBackend::new(20, 3);
    let mut terminal = Terminal::new(backend).unwrap();
    terminal
        .draw(|f| {
            let p = Paragraph::new(Line::from(cell.to_string()));
            f.render_widget(p, Rect::new(0, 0, 20, 1));
            let table = Table::new([Row::new([cell.to_string()])], [Constraint::Length(20)])
                .column_spacing(0);
            f.render_widget(table, Rect::new(0, 1, 20, 1));
            let block = Block::new().title(Line::from(cell.to_string()));
            f.render_widget(block, Rect::new(0, 2, 20, 1));
        })
        .unwrap();
    terminal.backend().buffer().clone()
}

#[test]
fn right_aligned_persian_keeps_every_letter_in_paragraph_table_and_title() {
    // "شورای اسلامی" has lam-alef in logical order, "بند الف" gets one in visual order ("فلا").
    for logical in [COUNCIL, "بند الف"] {
        for mode in [BidiMode::App, BidiMode::Terminal, BidiMode::Off] {
            let shown_text = visual(logical, Lang::Fa, mode);
            let padded = pad_to_width(&shown_text, 20, Align::Right);
            assert_eq!(cell_width(&padded), 20);
            let cell = display_cell(logical, 20, Lang::Fa, mode, Align::Right);
            assert_eq!(cell, compensate_width(&padded));
            // ratatui's own measure now agrees with the area width.
            assert_eq!(UnicodeWidthStr::width(cell.as_str()), 20);
            let expected = non_space_graphemes(&shown_text);
            let first_col = (20 - cell_width(&shown_text)) as u16;
            let buf = render_three_ways(&cell);
            for y in 0..3 {
                let row_text = row(&buf, y);
                assert_eq!(
                    non_space_graphemes(&row_text),
                    expected,
                    "{mode:?} row {y}: {row_text:?}"
                );
                assert_eq!(row_text.trim_start(), shown_text, "{mode:?} row {y}");
                // Text ends exactly at the right edge.
                let last = shown_text.graphemes(true).next_back().unwrap();
                assert_eq!(buf[(19, y)].symbol(), last, "{mode:?} row {y}");
                assert_eq!(buf[(first_col - 1, y)].symbol(), " ", "{mode:?} row {y}");
            }
            // Without compensation the padded string is still complete in a Paragraph and a
            // Table cell (only Block titles size themselves by the string width).
            let buf = render_three_ways(&padded);
            for y in 0..2 {
                assert_eq!(row(&buf, y).trim_start(), shown_text, "{mode:?} row {y}");
            }
        }
    }
    // In App mode the rightmost cell is the first letter of the logical text.
    let buf = render_three_ways(&display_cell(
        COUNCIL,
        20,
        Lang::Fa,
        BidiMode::App,
        Align::Right,
    ));
    for y in 0..3 {
        assert_eq!(buf[(19, y)].symbol(), "ش");
        assert_eq!(buf[(8, y)].symbol(), "ی");
    }
}

#[test]
fn display_cell_in_right_aligned_line_and_table() {
    // Even ratatui's own right alignment works on a compensated cell.
    let cell = display_cell("کمیسیون الف", 20, Lang::Fa, BidiMode::App, Align::Right);
    let vis = visual("کمیسیون الف", Lang::Fa, BidiMode::App);
    assert!(vis.contains("لا"));
    let mut terminal = Terminal::new(TestBackend::new(20, 2)).unwrap();
    terminal
        .draw(|f| {
            f.render_widget(
                Line::from(cell.clone()).right_aligned(),
                Rect::new(0, 0, 20, 1),
            );
            let table = Table::new(
                [Row::new([Line::from(cell.clone()).right_aligned()])],
                [Constraint::Length(20)],
            );
            f.render_widget(table, Rect::new(0, 1, 20, 1));
        })
        .unwrap();
    let buf = terminal.backend().buffer();
    for y in 0..2 {
        assert_eq!(row(buf, y).trim_start(), vis, "row {y}");
        assert_eq!(buf[(19, y)].symbol(), "ک");
    }
}

#[test]
fn display_lines_render_a_note() {
    let note = "دستور جلسه:\n۱. تصویب صورتجلسه قبلی (جلسه 38)\nAgenda item 2: budget\n\x1b[2Jپایان";
    let lines = display_lines(note, 20, Lang::Fa, BidiMode::App);
    let mut terminal = Terminal::new(TestBackend::new(20, lines.len() as u16)).unwrap();
    terminal
        .draw(|f| {
            let rows: Vec<Line> = lines.iter().map(|l| Line::from(l.clone())).collect();
            f.render_widget(Paragraph::new(rows), f.area());
        })
        .unwrap();
    let buf = terminal.backend().buffer();
    let shown: Vec<String> = (0..lines.len() as u16).map(|y| row(buf, y)).collect();
    assert_eq!(shown[0], format!("{}{}", " ".repeat(9), ":هسلج روتسد"));
    assert!(shown.iter().any(|r| r.contains("(38 هسلج)")), "{shown:?}");
    assert!(
        shown.iter().any(|r| r.starts_with("Agenda item 2:")),
        "{shown:?}"
    );
    assert_eq!(shown.last().map(|r| r.trim_start()), Some("نایاپ"));
    assert!(shown.iter().all(|r| !r.contains("[2J")));
}

#[test]
fn visual_lines_render_line_by_line() {
    let text = "شورای اسلامی شهر در جلسه امروز بودجه سال ۱۴۰۳ را تصویب کرد";
    let lines = visual_lines(text, 20, Lang::Fa, BidiMode::App);
    let backend = TestBackend::new(20, lines.len() as u16);
    let mut terminal = Terminal::new(backend).unwrap();
    terminal
        .draw(|f| {
            let rows: Vec<Line> = lines
                .iter()
                .map(|l| Line::from(pad_to_width(l, 20, Align::Right)))
                .collect();
            f.render_widget(Paragraph::new(rows), f.area());
        })
        .unwrap();
    let buf = terminal.backend().buffer();
    for (y, l) in lines.iter().enumerate() {
        let shown = row(buf, y as u16);
        assert_eq!(shown.trim_start(), l.as_str(), "row {y}");
    }
    // First screen row, rightmost cell: the first letter of the paragraph.
    assert_eq!(buf[(19, 0)].symbol(), "ش");
}

// ---------------------------------------------------------------------------------------------
// bidi

#[test]
fn visual_pure_persian_reversed_by_grapheme() {
    assert_eq!(visual("سلام دنیا", Lang::Fa, BidiMode::App), "ایند مالس");
    assert_eq!(visual("سلام دنیا", Lang::En, BidiMode::App), "ایند مالس");
    assert_eq!(
        visual(COUNCIL, Lang::Fa, BidiMode::App),
        reverse_graphemes(COUNCIL)
    );
}

#[test]
fn visual_keeps_numbers_and_english_in_reading_order() {
    let v = visual("جلسه 39 of Council", Lang::Fa, BidiMode::App);
    assert_eq!(v, "of Council 39 هسلج");
    // Persian digits and a date keep their order too.
    assert_eq!(
        visual("جلسه ۳۹ در 1403/02/15", Lang::Fa, BidiMode::App),
        "1403/02/15 رد ۳۹ هسلج"
    );
    // English paragraph with an embedded Persian phrase.
    assert_eq!(
        visual("Item 3: بودجه سال today", Lang::En, BidiMode::App),
        "Item 3: لاس هجدوب today"
    );
}

#[test]
fn visual_mirrors_brackets() {
    assert_eq!(visual("(الف)", Lang::Fa, BidiMode::App), "(فلا)");
    assert_eq!(
        visual("[ب] «ج» {د} <ه>", Lang::Fa, BidiMode::App),
        "<ه> {د} «ج» [ب]"
    );
    assert_eq!(visual("بند (2)", Lang::Fa, BidiMode::App), "(2) دنب");
}

#[test]
fn visual_keeps_harakat_on_their_letter() {
    let s = "سَلامٌ عَلَیکُم";
    let v = visual(s, Lang::Fa, BidiMode::App);
    assert_eq!(v, "مکُیلَعَ مٌالسَ");
    assert_eq!(v.chars().count(), s.chars().count());
    // Every mark still follows its base letter.
    let g: Vec<&str> = v.graphemes(true).collect();
    for cluster in ["سَ", "مٌ", "عَ", "لَ", "کُ"] {
        assert!(g.contains(&cluster), "{cluster} in {g:?}");
    }
    // ZWNJ stays between the same two letters (ی and خ), as in the logical text.
    assert_eq!(
        visual("می\u{200c}خواهم", Lang::Fa, BidiMode::App),
        "مهاوخ\u{200c}یم"
    );
}

#[test]
fn visual_english_unchanged() {
    for s in ["Council meeting (39) [draft] <ok>", "", "   ", "a - b"] {
        for base in [Lang::En, Lang::Fa] {
            let v = visual_cow(s, base, BidiMode::App);
            assert!(matches!(v, Cow::Borrowed(_)), "{s:?} {base:?}");
            assert_eq!(v, s);
        }
    }
}

#[test]
fn visual_modes_and_direction() {
    assert_eq!(visual("سلام", Lang::Fa, BidiMode::Terminal), "سلام");
    assert_eq!(visual("سلام", Lang::Fa, BidiMode::Off), "سلام");
    assert_eq!(BidiMode::parse("APP"), Some(BidiMode::App));
    assert_eq!(BidiMode::parse("terminal"), Some(BidiMode::Terminal));
    assert_eq!(BidiMode::parse("off"), Some(BidiMode::Off));
    assert_eq!(BidiMode::parse("rtl"), None);
    assert!(is_rtl_text("جلسه 39 of Council"));
    assert!(!is_rtl_text("Council جلسه"));
    assert!(!is_rtl_text("123"));
    assert!(paragraph_is_rtl("123", Lang::Fa));
    assert!(!paragraph_is_rtl("123", Lang::En));
    assert_eq!(Align::natural("جلسه", Lang::En), Align::Right);
    assert_eq!(Align::natural("meeting", Lang::Fa), Align::Left);
    // Multi-line input: each line is its own paragraph.
    assert_eq!(
        visual("سلام\nhello\nدنیا", Lang::En, BidiMode::App),
        "مالس\nhello\nایند"
    );
}

#[test]
fn visual_lines_wrap_then_reorder_each_line() {
    let text = "شورای اسلامی شهر در جلسه امروز طرح بودجه سال ۱۴۰۳ را با اکثریت آرا تصویب کرد \
                و مقرر شد گزارش آن به فرمانداری ارسال شود";
    let logical = visual_lines(text, 20, Lang::Fa, BidiMode::Off);
    let shown = visual_lines(text, 20, Lang::Fa, BidiMode::App);
    assert!(logical.len() >= 5, "{logical:?}");
    assert_eq!(shown.len(), logical.len());
    // Wrapping lost nothing and respects the width.
    assert_eq!(
        logical.join(" "),
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    for (l, v) in logical.iter().zip(&shown) {
        assert!(cell_width(l) <= 20, "{l:?}");
        assert_eq!(cell_width(v), cell_width(l));
        if l.contains('۱') {
            // The number keeps its digit order inside the reversed line.
            assert!(v.contains("۱۴۰۳"), "{v:?}");
        } else {
            assert_eq!(*v, reverse_graphemes(l), "line reordered on its own");
        }
    }
    // The first screen line holds the start of the paragraph, read from the right.
    assert!(logical[0].starts_with(COUNCIL));
    assert!(shown[0].ends_with(&reverse_graphemes(COUNCIL)));
    // Reordering the whole paragraph and then cutting screen rows would put the END first.
    let whole = visual(text, Lang::Fa, BidiMode::App);
    assert_ne!(
        whole.graphemes(true).take(10).collect::<String>(),
        shown[0].graphemes(true).take(10).collect::<String>()
    );

    // Mixed paragraph: English and numbers stay in order within their line.
    let mixed = "جلسه 39 of the City Council در ساعت 10:30 برگزار شد";
    let lines = visual_lines(mixed, 20, Lang::Fa, BidiMode::App);
    assert_eq!(lines[0], "of the City 39 هسلج");
    assert!(lines.iter().all(|l| cell_width(l) <= 20));
    assert!(lines.iter().any(|l| l.contains("10:30")));

    // Over-long words are split by grapheme.
    let long = "ب".repeat(45);
    let lines = visual_lines(&long, 20, Lang::Fa, BidiMode::App);
    assert_eq!(
        lines.iter().map(|l| cell_width(l)).collect::<Vec<_>>(),
        [20, 20, 5]
    );
}

// ---------------------------------------------------------------------------------------------
// robustness

/// Deterministic pseudo-random strings over an alphabet of awkward characters: nothing panics,
/// widths hold, and reordering only moves characters (minus bidi marks, brackets mirrored).
#[test]
fn random_mixed_text_never_panics_and_keeps_characters() {
    const ALPHABET: &[&str] = &[
        "a",
        "Z",
        " ",
        "  ",
        "1",
        "۲",
        "٣",
        "ش",
        "ل",
        "ا",
        "لا",
        "\u{64e}",
        "\u{200c}",
        "\u{200d}",
        "\u{200e}",
        "\u{200f}",
        "\u{61c}",
        "\u{202e}",
        "\u{2067}",
        "\u{2069}",
        "(",
        ")",
        "[",
        "«",
        "»",
        ".",
        ",",
        ":",
        "-",
        "/",
        "\n",
        "\r\n",
        "\t",
        "\x1b[31m",
        "\x1b]0;t",
        "\x07",
        "\u{9b}",
        "\u{85}",
        "日",
        "👩\u{200d}👧",
        "e\u{301}",
        "%",
        "+",
        "#",
    ];
    let mut seed: u64 = 0x5eed_1234_abcd_ef01;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    // Brackets may be mirrored: compare them up to mirroring.
    let mirror = |c: char| match c {
        ')' => '(',
        ']' => '[',
        '»' => '«',
        c => c,
    };
    let is_mark = |c: char| matches!(c, '\u{200e}' | '\u{200f}' | '\u{61c}');
    for _ in 0..3000 {
        let len = (next() % 30) as usize;
        let raw: String = (0..len)
            .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize])
            .collect();
        let clean = sanitize(&raw);
        assert!(
            !clean.contains(|c: char| c.is_control() && c != '\n'),
            "{raw:?}"
        );
        let line = sanitize_line(&raw);
        assert!(!line.contains(|c: char| c.is_control()), "{raw:?}");
        for base in [Lang::En, Lang::Fa] {
            let v = visual(&line, base, BidiMode::App);
            let mut a: Vec<char> = line.chars().filter(|&c| !is_mark(c)).map(mirror).collect();
            let mut b: Vec<char> = v.chars().map(mirror).collect();
            a.sort_unstable();
            b.sort_unstable();
            assert_eq!(a, b, "{line:?} -> {v:?}");
            assert_eq!(cell_width(&v), cell_width(&line), "{line:?}");
            for width in [1, 3, 7, 20] {
                for l in visual_lines(&clean, width, base, BidiMode::App) {
                    assert!(cell_width(&l) <= width.max(2), "{clean:?} {width} {l:?}");
                }
                let cell = display_cell(&raw, width, base, BidiMode::App, Align::Right);
                assert!(cell_width(&cell) >= width, "{raw:?} {width} {cell:?}");
                assert_eq!(
                    UnicodeWidthStr::width(cell.as_str()),
                    width,
                    "{raw:?} {cell:?}"
                );
            }
        }
    }
}
