//! Persian alphabetical order (پ چ ژ گ in their places, not code-point order),
//! through ICU4X's collator with compiled data.

use std::cmp::Ordering;

use icu_collator::options::CollatorOptions;
use icu_collator::{Collator, CollatorBorrowed};

/// A collator for Persian; falls back to code-point order if ICU data is missing.
pub struct PersianCollator {
    inner: Option<CollatorBorrowed<'static>>,
}

impl PersianCollator {
    pub fn compare(&self, a: &str, b: &str) -> Ordering {
        match &self.inner {
            Some(c) => c.compare(a, b),
            None => a.cmp(b),
        }
    }
}

pub fn persian_collator() -> PersianCollator {
    let locale = icu_locale_core::locale!("fa");
    PersianCollator {
        inner: Collator::try_new(locale.into(), CollatorOptions::default()).ok(),
    }
}

/// Sorts strings in Persian alphabetical order.
pub fn sort_persian<T>(items: &mut [T], key: impl Fn(&T) -> &str) {
    let c = persian_collator();
    items.sort_by(|a, b| c.compare(key(a), key(b)));
}

#[cfg(test)]
mod tests {
    #[test]
    fn persian_letters_in_alphabet_order() {
        // Code-point order would put پ (U+067E), چ, ژ, گ after ی-adjacent Arabic letters.
        let mut words = vec!["گل", "ب", "پ", "ت", "چ", "ک", "ژ", "ز", "ی", "ا"];
        super::sort_persian(&mut words, |s| s);
        assert_eq!(
            words,
            vec!["ا", "ب", "پ", "ت", "چ", "ز", "ژ", "ک", "گل", "ی"]
        );
    }
}
