//! Conversion between Latin (0-9), Persian (۰-۹) and Arabic-Indic (٠-٩) digits.

use super::Lang;

/// The Latin value of a Persian or Arabic-Indic digit, if `c` is one.
fn eastern_digit_value(c: char) -> Option<u32> {
    match c {
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        _ => None,
    }
}

/// Replaces Persian and Arabic-Indic digits with Latin digits; other characters are kept.
pub fn to_latin_digits(s: &str) -> String {
    s.chars()
        .map(|c| match eastern_digit_value(c) {
            Some(v) => char::from_digit(v, 10).unwrap_or(c),
            None => c,
        })
        .collect()
}

/// Replaces Latin and Arabic-Indic digits with Persian digits; other characters are kept.
pub fn to_persian_digits(s: &str) -> String {
    s.chars()
        .map(|c| {
            // `to_digit` only reads ASCII digits.
            match c.to_digit(10).or_else(|| eastern_digit_value(c)) {
                Some(v) => char::from_u32(0x06F0 + v).unwrap_or(c),
                None => c,
            }
        })
        .collect()
}

/// Digits for display in `lang`: Persian digits for `Lang::Fa`, Latin for `Lang::En`.
pub fn localize_digits(s: &str, lang: Lang) -> String {
    match lang {
        Lang::Fa => to_persian_digits(s),
        Lang::En => to_latin_digits(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn persian_to_latin() {
        assert_eq!(to_latin_digits("۱۴۰۳/۰۱/۰۱"), "1403/01/01");
        assert_eq!(to_latin_digits("۰۱۲۳۴۵۶۷۸۹"), "0123456789");
    }

    #[test]
    fn arabic_indic_to_latin() {
        assert_eq!(to_latin_digits("٠١٢٣٤٥٦٧٨٩"), "0123456789");
    }

    #[test]
    fn latin_and_text_untouched() {
        assert_eq!(to_latin_digits("abc 42 آذر"), "abc 42 آذر");
        assert_eq!(to_latin_digits(""), "");
    }

    #[test]
    fn latin_to_persian() {
        assert_eq!(to_persian_digits("1403/01/01"), "۱۴۰۳/۰۱/۰۱");
        assert_eq!(to_persian_digits("٠١٩"), "۰۱۹");
        assert_eq!(to_persian_digits("x-9"), "x-۹");
    }

    #[test]
    fn non_ascii_numerals_are_not_digits() {
        // Superscripts and other Unicode numerals are left alone.
        assert_eq!(to_persian_digits("²"), "²");
        assert_eq!(to_latin_digits("²"), "²");
    }

    #[test]
    fn localize() {
        assert_eq!(localize_digits("12", Lang::Fa), "۱۲");
        assert_eq!(localize_digits("۱۲", Lang::En), "12");
        assert_eq!(localize_digits("12", Lang::En), "12");
    }

    #[test]
    fn round_trip() {
        let s = "Session 1403/12/30, item 7";
        assert_eq!(to_latin_digits(&to_persian_digits(s)), s);
    }
}
