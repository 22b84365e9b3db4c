//! Mail: RFC 5322 messages (UTF-8 subject and body, MIME parts, an iCalendar request
//! attached) handed to the server's own mail transfer agent through its `sendmail`
//! command. shura speaks no SMTP and keeps no mail password: the MTA delivers, queues
//! and retries.
//!
//! The command is `$SHURA_SENDMAIL` when set (a path, or a name looked up in PATH),
//! else `sendmail` in PATH, /usr/sbin/sendmail or /usr/lib/sendmail; with none of them
//! a mail is refused ([`InvitationRefusal::NoSendmail`]) before anything is sent.
//!
//! The sender is `$SHURA_MAIL_FROM` when set, else the mail address of the person whose
//! login runs shura, else `LOGIN@localhost` (the MTA rewrites a local sender).

use std::path::{Path, PathBuf};

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart, SinglePart};
use lettre::{Address, Message, SendmailTransport, Transport};

use crate::model::invitation::InvitationRefusal;
use crate::store::{Refusal, Result, StoreError};

use super::Context;

fn refused(r: InvitationRefusal) -> StoreError {
    StoreError::Refused(Refusal::Invitation(r))
}

fn executable(p: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p)
        .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

fn in_path(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|p| executable(p))
}

/// The sendmail command to run, or the refusal naming what was tried.
pub fn sendmail_command() -> Result<PathBuf> {
    if let Some(cmd) = std::env::var_os("SHURA_SENDMAIL").filter(|c| !c.is_empty()) {
        let shown = cmd.to_string_lossy().to_string();
        let found = if shown.contains('/') {
            let p = PathBuf::from(&cmd);
            executable(&p).then_some(p)
        } else {
            in_path(&shown)
        };
        return found.ok_or_else(|| {
            refused(InvitationRefusal::NoSendmail {
                tried: vec![format!("SHURA_SENDMAIL={shown}")],
            })
        });
    }
    let fixed = ["/usr/sbin/sendmail", "/usr/lib/sendmail"];
    in_path("sendmail")
        .or_else(|| fixed.iter().map(PathBuf::from).find(|p| executable(p)))
        .ok_or_else(|| {
            let mut tried = vec!["sendmail (PATH)".to_string()];
            tried.extend(fixed.iter().map(|s| s.to_string()));
            refused(InvitationRefusal::NoSendmail { tried })
        })
}

/// A mailbox from a display name and an address; a bad address is refused by name.
pub fn mailbox(name: &str, address: &str) -> Result<Mailbox> {
    let addr: Address = address.trim().parse().map_err(|_| {
        refused(InvitationRefusal::BadAddress {
            address: address.to_string(),
        })
    })?;
    let name = crate::locale::text::sanitize_line(name).trim().to_string();
    Ok(Mailbox::new((!name.is_empty()).then_some(name), addr))
}

/// Who the mail comes from (see the module's rule).
pub fn sender(ctx: &Context) -> Result<Mailbox> {
    if let Some(from) = std::env::var("SHURA_MAIL_FROM")
        .ok()
        .filter(|f| !f.trim().is_empty())
    {
        if let Ok(m) = from.trim().parse::<Mailbox>() {
            return Ok(m);
        }
        return mailbox("", &from);
    }
    let login = ctx.store.actor.login.clone();
    if let Some(p) = ctx.store.person_by_login(&login)? {
        if let Some(email) = p.email.as_deref().filter(|e| !e.trim().is_empty()) {
            if let Ok(m) = mailbox(p.name.get(ctx.prefs.lang), email) {
                return Ok(m);
            }
        }
    }
    let local: String = login
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        .collect();
    mailbox(
        "shura",
        &format!(
            "{}@localhost",
            if local.is_empty() { "shura" } else { &local }
        ),
    )
}

/// What a mail carries: its text, and optionally an HTML alternative and a calendar
/// request (sent as text/calendar; method=REQUEST, attached as invitation.ics).
pub struct Letter {
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
    pub ics: Option<String>,
}

/// The RFC 5322 message, ready for the transport.
pub fn message(from: &Mailbox, to: &Mailbox, letter: &Letter) -> Result<Message> {
    let builder = Message::builder()
        .from(from.clone())
        .to(to.clone())
        .subject(crate::locale::text::sanitize_line(&letter.subject).into_owned())
        .message_id(None)
        .user_agent(format!("shura {}", env!("CARGO_PKG_VERSION")));
    let text = SinglePart::plain(letter.text.clone());
    let body = match (&letter.html, &letter.ics) {
        (None, None) => builder.singlepart(text),
        (Some(html), None) => builder.multipart(MultiPart::alternative_plain_html(
            letter.text.clone(),
            html.clone(),
        )),
        (html, Some(ics)) => {
            let calendar = ContentType::parse("text/calendar; method=REQUEST; charset=utf-8")
                .map_err(|e| mail_failed(to, &e.to_string()))?;
            let attachment = Attachment::new("invitation.ics".into()).body(ics.clone(), calendar);
            let mixed = match html {
                Some(h) => MultiPart::mixed().multipart(MultiPart::alternative_plain_html(
                    letter.text.clone(),
                    h.clone(),
                )),
                None => MultiPart::mixed().singlepart(text),
            };
            builder.multipart(mixed.singlepart(attachment))
        }
    };
    body.map_err(|e| mail_failed(to, &e.to_string()))
}

fn mail_failed(to: &Mailbox, detail: &str) -> StoreError {
    refused(InvitationRefusal::MailFailed {
        to: to.email.to_string(),
        detail: detail.to_string(),
    })
}

/// A sendmail transport on a command found by [`sendmail_command`].
pub struct Mailer {
    transport: SendmailTransport,
}

impl Mailer {
    /// Finds the sendmail command, or refuses.
    pub fn new() -> Result<Mailer> {
        Ok(Mailer {
            transport: SendmailTransport::new_with_command(sendmail_command()?),
        })
    }

    /// Hands one message to sendmail; its failure is refused with its words.
    pub fn send(&self, from: &Mailbox, to: &Mailbox, letter: &Letter) -> Result<()> {
        let m = message(from, to, letter)?;
        self.transport
            .send(&m)
            .map_err(|e| mail_failed(to, &e.to_string()))
    }
}
