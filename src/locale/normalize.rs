//! Persian/Arabic text normalization for searching and for stored names.

use unicode_normalization::UnicodeNormalization;

const ZWNJ: char = '\u{200C}';

/// Invisible format characters dropped when searching: ZWSP, ZWJ, LRM, RLM,
/// Arabic letter mark, bidi embeddings/overrides/isolates and BOM.
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'
            | '\u{200D}'
            | '\u{200E}'
            | '\u{200F}'
            | '\u{061C}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Harakat and other Arabic combining marks (U+064B..=U+065F, U+0670).
fn is_haraka(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// Folds Arabic letter variants to their Persian forms (for search).
fn fold_letter(c: char) -> char {
    match c {
        'ي' | 'ى' => 'ی',
        'ك' => 'ک',
        'ۀ' | 'ة' => 'ه',
        'أ' | 'إ' | 'ٱ' => 'ا',
        '\u{06F0}'..='\u{06F9}' => char::from_u32(c as u32 - 0x06F0 + 0x30).unwrap_or(c),
        '\u{0660}'..='\u{0669}' => char::from_u32(c as u32 - 0x0660 + 0x30).unwrap_or(c),
        _ => c,
    }
}

/// Joins whitespace-separated words with single spaces (trimming both ends).
fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Search key: NFKC; ي ى→ی, ك→ک, ۀ ة→ه, أ إ ٱ→ا; Persian and Arabic-Indic
/// digits→Latin; harakat (U+064B..U+065F, U+0670), tatweel and invisible
/// format marks dropped; ZWNJ→space; whitespace collapsed and trimmed; lowercase.
/// ؤ, ئ and آ are kept.
pub fn normalize_for_search(s: &str) -> String {
    let folded: String = s
        .nfkc()
        .filter(|&c| !is_haraka(c) && c != '\u{0640}' && !is_invisible_format(c))
        .map(|c| if c == ZWNJ { ' ' } else { fold_letter(c) })
        .collect();
    collapse_whitespace(&folded.to_lowercase())
}

/// Form of a name for storage: NFC, trimmed, whitespace runs collapsed to one
/// space, ي→ی and ك→ک. ZWNJ is kept.
pub fn normalize_name(s: &str) -> String {
    let folded: String = s
        .nfc()
        .map(|c| match c {
            'ي' => 'ی',
            'ك' => 'ک',
            _ => c,
        })
        .collect();
    collapse_whitespace(&folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_yeh_and_kaf() {
        assert_eq!(normalize_for_search("علي"), "علی");
        assert_eq!(normalize_for_search("مصطفى"), "مصطفی");
        assert_eq!(normalize_for_search("كريم"), "کریم");
        assert_eq!(normalize_for_search("علي"), normalize_for_search("علی"));
    }

    #[test]
    fn heh_forms() {
        assert_eq!(normalize_for_search("خانۀ"), "خانه");
        assert_eq!(normalize_for_search("فاطمة"), "فاطمه");
        // Heh followed by a combining hamza: the hamza is a mark and is dropped.
        assert_eq!(normalize_for_search("خانه\u{0654}"), "خانه");
    }

    #[test]
    fn alef_forms() {
        assert_eq!(normalize_for_search("أحمد"), "احمد");
        assert_eq!(normalize_for_search("إسلام"), "اسلام");
        assert_eq!(normalize_for_search("ٱلله"), "الله");
        // Decomposed alef + hamza above composes under NFKC, then folds.
        assert_eq!(normalize_for_search("\u{0627}\u{0654}حمد"), "احمد");
        assert_eq!(normalize_for_search("آرش"), "آرش");
    }

    #[test]
    fn waw_hamza_kept() {
        assert_eq!(normalize_for_search("مؤمن"), "مؤمن");
        assert_eq!(normalize_for_search("مسئول"), "مسئول");
    }

    #[test]
    fn digits_to_latin() {
        assert_eq!(normalize_for_search("جلسه ۱۲"), "جلسه 12");
        assert_eq!(normalize_for_search("٣٤"), "34");
    }

    #[test]
    fn harakat_and_superscript_alef_dropped() {
        assert_eq!(normalize_for_search("مُحَمَّد"), "محمد");
        assert_eq!(normalize_for_search("كتابٌ"), "کتاب");
        assert_eq!(normalize_for_search("رحمٰن"), "رحمن");
    }

    #[test]
    fn tatweel_dropped() {
        assert_eq!(normalize_for_search("مـــحمد"), "محمد");
    }

    #[test]
    fn zwnj_becomes_space() {
        assert_eq!(normalize_for_search("می\u{200c}روم"), "می روم");
        assert_eq!(normalize_for_search("نامه\u{200c}ها"), "نامه ها");
    }

    #[test]
    fn invisible_marks_dropped() {
        assert_eq!(normalize_for_search("\u{200f}علی\u{200e}"), "علی");
        assert_eq!(normalize_for_search("a\u{200d}b\u{feff}"), "ab");
    }

    #[test]
    fn lowercase_and_nfkc() {
        assert_eq!(normalize_for_search("Budget COMMITTEE"), "budget committee");
        // Fullwidth letters and Arabic presentation forms are compatibility-folded.
        assert_eq!(normalize_for_search("ＡＢＣ"), "abc");
        assert_eq!(
            normalize_for_search("\u{FEDB}\u{FEAE}\u{FEF3}\u{FEE2}"),
            "کریم"
        );
        assert_eq!(normalize_for_search("ﬁle"), "file");
    }

    #[test]
    fn whitespace_collapsed() {
        assert_eq!(normalize_for_search("  a \t b\n"), "a b");
        assert_eq!(normalize_for_search(""), "");
    }

    #[test]
    fn name_normalization() {
        assert_eq!(normalize_name("  علي   كريمي "), "علی کریمی");
        assert_eq!(normalize_name("سه\u{200c}شنبه"), "سه\u{200c}شنبه");
        assert_eq!(normalize_name("Ali\t\nReza"), "Ali Reza");
        // Names keep their harakat, digits and case.
        assert_eq!(normalize_name("Ali ۲"), "Ali ۲");
        assert_eq!(normalize_name("مُحَمَّد"), "مُحَمَّد");
        assert_eq!(normalize_name(""), "");
    }
}
