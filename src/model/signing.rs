//! Signed minutes: why a signature is refused, the short check code of a hash, and the
//! marker lines that set the signature block of an exported file apart from the
//! approved record it follows (the block is not part of the hashed text).

use crate::locale::digits::localize_digits;
use crate::locale::strings::{tf, Msg};
use crate::locale::{Lang, Localized};

/// The line that opens the signature block of exported minutes (Markdown and HTML).
pub const BLOCK_START: &str = "<!-- shura:signatures -->";
/// The line that closes it.
pub const BLOCK_END: &str = "<!-- /shura:signatures -->";

/// The short check code of a hex sha256: its first 12 hex digits, upper case, in groups
/// of four (`4F2A-91C3-07B1`). A reader compares it with what `shura minutes verify`
/// prints; the full hash is what is checked.
pub fn check_code(sha256_hex: &str) -> String {
    let digits: Vec<char> = sha256_hex
        .chars()
        .filter(char::is_ascii_hexdigit)
        .take(12)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    digits
        .chunks(4)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// The text of exported minutes without their signature block: everything but the last
/// block from [`BLOCK_START`] to [`BLOCK_END`] (both lines included, with the line break
/// that ends the closing one). None when the text has no block.
pub fn strip_block(text: &str) -> Option<String> {
    let start = text.rfind(BLOCK_START)?;
    let after = start + text[start..].find(BLOCK_END)? + BLOCK_END.len();
    let after = if text[after..].starts_with("\r\n") {
        after + 2
    } else if text[after..].starts_with('\n') {
        after + 1
    } else {
        after
    };
    Some(format!("{}{}", &text[..start], &text[after..]))
}

/// Where the signature block goes in a text: Markdown at the end, HTML before the last
/// `</body>` (at the end when there is none).
pub fn block_position(text: &str, html: bool) -> usize {
    if html {
        text.rfind("</body>").unwrap_or(text.len())
    } else {
        text.len()
    }
}

/// A signature refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignRefusal {
    /// Only approved minutes are signed.
    NotApproved { session: i64 },
    /// No person carries the login of the account at the keyboard.
    NoPerson { login: String },
    /// The person is not one who signs this session's minutes.
    NotASigner { session: i64, person: String },
    /// The person signed this version already.
    AlreadySigned {
        session: i64,
        version: i64,
        at: String,
    },
}

impl SignRefusal {
    pub fn code(&self) -> &'static str {
        match self {
            SignRefusal::NotApproved { .. } => "sign_not_approved",
            SignRefusal::NoPerson { .. } => "sign_no_person",
            SignRefusal::NotASigner { .. } => "sign_not_a_signer",
            SignRefusal::AlreadySigned { .. } => "sign_already_signed",
        }
    }

    pub fn fields(&self) -> Vec<(&'static str, String)> {
        match self {
            SignRefusal::NotApproved { session } => vec![("session", session.to_string())],
            SignRefusal::NoPerson { login } => vec![("login", login.clone())],
            SignRefusal::NotASigner { session, person } => {
                vec![("session", session.to_string()), ("person", person.clone())]
            }
            SignRefusal::AlreadySigned {
                session,
                version,
                at,
            } => vec![
                ("session", session.to_string()),
                ("version", version.to_string()),
                ("at", at.clone()),
            ],
        }
    }
}

impl Localized for SignRefusal {
    fn message(&self, lang: Lang) -> String {
        let n = |i: &i64| localize_digits(&i.to_string(), lang);
        let clean = |s: &str| crate::locale::text::sanitize_line(s).into_owned();
        match self {
            SignRefusal::NotApproved { session } => {
                tf(lang, Msg::RefusedSignNotApproved, &[&n(session)])
            }
            SignRefusal::NoPerson { login } => tf(lang, Msg::RefusedSignNoPerson, &[&clean(login)]),
            SignRefusal::NotASigner { session, person } => tf(
                lang,
                Msg::RefusedSignNotASigner,
                &[&clean(person), &n(session)],
            ),
            SignRefusal::AlreadySigned {
                session, version, ..
            } => tf(lang, Msg::RefusedSignAlready, &[&n(version), &n(session)]),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_code_groups_the_first_twelve_hex_digits() {
        assert_eq!(
            check_code("4f2a91c307b1ffffffffffffffffffffffffffffffffffffffffffffffffffff"),
            "4F2A-91C3-07B1"
        );
        assert_eq!(check_code("ab"), "AB");
    }

    #[test]
    fn strip_block_takes_out_the_last_block_only() {
        let md = format!("# Minutes\n\ntext\n{BLOCK_START}\n- signed\n{BLOCK_END}\n");
        assert_eq!(strip_block(&md).as_deref(), Some("# Minutes\n\ntext\n"));
        let html = format!("<body>x\n{BLOCK_START}\n<p>s</p>\n{BLOCK_END}\n</body>\n</html>\n");
        assert_eq!(
            strip_block(&html).as_deref(),
            Some("<body>x\n</body>\n</html>\n")
        );
        assert_eq!(strip_block("no block"), None);
        assert_eq!(block_position("<p></p></body></html>", true), 7);
        assert_eq!(block_position("abc", false), 3);
    }
}
