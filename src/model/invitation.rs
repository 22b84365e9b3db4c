//! Invitations (دعوتنامه) and mail: whose language and calendar an invitation is
//! written in, and what refuses to send one.
//!
//! A person has no language of their own in the register, so an invitation follows the
//! names they have: a Persian name only → Persian and the Jalali calendar; an English
//! name only → English and the Gregorian calendar; both names → the preferences of the
//! user who writes the invitations. A guest has one name: its script decides.

use crate::locale::digits::localize_digits;
use crate::locale::strings::{tf, Msg};
use crate::locale::{Calendar, Lang, Localized, Prefs};
use crate::model::{Name, SessionStatus};

/// The language and calendar an invitee reads (see the module's rule).
pub fn invitee_prefs(name: &Name, user: Prefs) -> Prefs {
    match (&name.fa, &name.en) {
        (Some(_), None) => Prefs {
            lang: Lang::Fa,
            calendar: Calendar::Jalali,
            ..user
        },
        (None, Some(_)) => Prefs {
            lang: Lang::En,
            calendar: Calendar::Gregorian,
            ..user
        },
        _ => user,
    }
}

/// Whether invitations go out for a session in this status: not once it is cancelled,
/// closed or its minutes approved.
pub fn invitable(status: SessionStatus) -> bool {
    matches!(status, SessionStatus::Planned | SessionStatus::Open)
}

/// An invitation or a mail refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InvitationRefusal {
    /// The session is cancelled, closed or approved: nobody is invited to it.
    SessionNotInvitable { session: i64, status: SessionStatus },
    /// No mail transfer agent: the commands tried (`$SHURA_SENDMAIL`, `sendmail` in PATH,
    /// /usr/sbin/sendmail, /usr/lib/sendmail).
    NoSendmail { tried: Vec<String> },
    /// A mail address shura cannot put in a message.
    BadAddress { address: String },
    /// The sendmail command took the message but failed (its words).
    MailFailed { to: String, detail: String },
}

impl InvitationRefusal {
    pub fn code(&self) -> &'static str {
        match self {
            InvitationRefusal::SessionNotInvitable { .. } => "session_not_invitable",
            InvitationRefusal::NoSendmail { .. } => "no_sendmail",
            InvitationRefusal::BadAddress { .. } => "bad_mail_address",
            InvitationRefusal::MailFailed { .. } => "mail_failed",
        }
    }

    pub fn fields(&self) -> Vec<(&'static str, String)> {
        match self {
            InvitationRefusal::SessionNotInvitable { session, status } => vec![
                ("session", session.to_string()),
                ("status", status.code().to_string()),
            ],
            InvitationRefusal::NoSendmail { tried } => vec![("tried", tried.join(", "))],
            InvitationRefusal::BadAddress { address } => vec![("address", address.clone())],
            InvitationRefusal::MailFailed { to, detail } => {
                vec![("to", to.clone()), ("detail", detail.clone())]
            }
        }
    }
}

impl Localized for InvitationRefusal {
    fn message(&self, lang: Lang) -> String {
        let clean = |s: &str| crate::locale::text::sanitize_line(s).into_owned();
        match self {
            InvitationRefusal::SessionNotInvitable { session, status } => tf(
                lang,
                Msg::RefusedInviteSession,
                &[
                    &localize_digits(&session.to_string(), lang),
                    status.label(lang),
                ],
            ),
            InvitationRefusal::NoSendmail { tried } => tf(
                lang,
                Msg::RefusedNoSendmail,
                &[&clean(&tried.join(lang_comma(lang)))],
            ),
            InvitationRefusal::BadAddress { address } => {
                tf(lang, Msg::RefusedBadAddress, &[&clean(address)])
            }
            InvitationRefusal::MailFailed { to, detail } => {
                tf(lang, Msg::RefusedMailFailed, &[&clean(to), &clean(detail)])
            }
        }
    }
}

fn lang_comma(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ", ",
        Lang::Fa => "، ",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_names_decide_the_language() {
        let user = Prefs {
            lang: Lang::En,
            calendar: Calendar::Gregorian,
            ..Prefs::default()
        };
        let fa = invitee_prefs(&Name::new(Some("علی".into()), None), user);
        assert_eq!((fa.lang, fa.calendar), (Lang::Fa, Calendar::Jalali));
        let en = invitee_prefs(&Name::new(None, Some("Ali".into())), user);
        assert_eq!((en.lang, en.calendar), (Lang::En, Calendar::Gregorian));
        let both = invitee_prefs(&Name::new(Some("علی".into()), Some("Ali".into())), user);
        assert_eq!((both.lang, both.calendar), (Lang::En, Calendar::Gregorian));
        assert!(invitable(SessionStatus::Planned));
        assert!(!invitable(SessionStatus::Cancelled));
        assert!(!invitable(SessionStatus::Closed));
    }
}
