//! The TUI's forms for a resolution's legal life, on its page: send it (`s`), record an
//! acknowledgement (`a`), an objection (`o`), the body's answer (`w`) and the dispute
//! board's ruling (`R`). Each form only gathers what the user typed; the rules are
//! [`crate::ops::legal`]'s, so a refusal reads as it does on the command line, and
//! the typed values survive it.

use serde::{Deserialize, Serialize};

use super::form::{Field, Form, FormPurpose};
use super::keymap::Action;
use super::state::{store_err, App, Modal, Outcome, Screen};
use crate::locale::digits::localize_digits;
use crate::locale::strings::{t, tf, Msg};
use crate::model::legal::{LegalEventKind, RecipientKind, SendMethod};

/// Which act a legal form records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum LegalAct {
    Send,
    Acknowledge,
    Object,
    Answer,
    Ruling,
}

/// A legal form: the resolution and the act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalForm {
    pub resolution_id: i64,
    pub act: LegalAct,
}

impl App {
    fn legal_resolution(&self) -> Result<(i64, String), String> {
        let l = self.lang();
        match (self.screen(), &self.resolution_page) {
            (Screen::Resolution(id), Some(p)) if p.resolution.id == id => {
                Ok((id, p.resolution.number.clone()))
            }
            _ => Err(t(l, Msg::EdNoResolution).into()),
        }
    }

    /// Opens the form of a legal act on the resolution page.
    pub(crate) fn dispatch_legal(&mut self, action: Action) -> Outcome {
        let l = self.lang();
        let (id, number) = self.legal_resolution()?;
        let number = localize_digits(&number, l);
        let today = self.ctx.date(self.ctx.today);
        let page = self.resolution_page.as_ref();
        let sendings = page
            .and_then(|p| p.legal.as_ref())
            .map(|v| v.sendings.clone())
            .unwrap_or_default();
        let (act, title, fields) = match action {
            Action::SendResolution => {
                let methods = SendMethod::ALL
                    .iter()
                    .map(|m| (m.code().to_string(), m.label(l).to_string()))
                    .collect();
                (
                    LegalAct::Send,
                    tf(l, Msg::LegalFormSend, &[&number]),
                    vec![
                        Field::text("to", t(l, Msg::LegalFieldTo), "")
                            .with_hint(t(l, Msg::LegalHintTo)),
                        Field::text("letter", t(l, Msg::LegalFieldLetter), ""),
                        Field::date("on", t(l, Msg::Date), &today),
                        Field::choice("method", t(l, Msg::LegalFieldMethod), methods, "letter"),
                    ],
                )
            }
            Action::AcknowledgeSending => {
                let waiting: Vec<(String, String)> = sendings
                    .iter()
                    .filter(|s| s.acknowledged_on.is_none())
                    .map(|s| {
                        let key = match (s.recipient_kind, s.person_id) {
                            (RecipientKind::Person, Some(p)) => format!("person:{p}"),
                            (RecipientKind::Authority, _) => format!("authority:{}", s.recipient),
                            _ => format!("unit:{}", s.recipient),
                        };
                        (
                            key,
                            format!("{} ({})", s.recipient, s.recipient_kind.label(l)),
                        )
                    })
                    .collect();
                if waiting.is_empty() {
                    return Err(t(l, Msg::LegalNothingToAcknowledge).into());
                }
                (
                    LegalAct::Acknowledge,
                    tf(l, Msg::LegalFormAcknowledge, &[&number]),
                    vec![
                        Field::choice("by", t(l, Msg::EntityRecipient), waiting, ""),
                        Field::date("on", t(l, Msg::Date), &today),
                    ],
                )
            }
            Action::ObjectResolution => {
                let authority = sendings
                    .iter()
                    .find(|s| s.recipient_kind == RecipientKind::Authority)
                    .map(|s| s.recipient.clone())
                    .unwrap_or_default();
                (
                    LegalAct::Object,
                    tf(l, Msg::LegalFormObject, &[&number]),
                    vec![
                        Field::text("by", t(l, Msg::LegalFieldAuthority), &authority),
                        Field::date("on", t(l, Msg::Date), &today),
                        Field::text("reason", t(l, Msg::LegalFieldReason), ""),
                    ],
                )
            }
            Action::AnswerObjection => {
                let answers = [
                    LegalEventKind::Insist,
                    LegalEventKind::Amend,
                    LegalEventKind::Withdraw,
                ]
                .iter()
                .map(|k| (k.code().to_string(), k.label(l).to_string()))
                .collect();
                let session = self
                    .session
                    .as_ref()
                    .map(|v| v.record.session.id.to_string())
                    .unwrap_or_default();
                (
                    LegalAct::Answer,
                    tf(l, Msg::LegalFormAnswer, &[&number]),
                    vec![
                        Field::choice("answer", t(l, Msg::LegalFieldAnswer), answers, "insist"),
                        Field::text("session", t(l, Msg::Session), &session)
                            .with_hint(t(l, Msg::LegalHintSession)),
                        Field::text("reason", t(l, Msg::LegalFieldReason), ""),
                    ],
                )
            }
            _ => {
                let rulings = [LegalEventKind::Upheld, LegalEventKind::Annulled]
                    .iter()
                    .map(|k| (k.code().to_string(), k.label(l).to_string()))
                    .collect();
                (
                    LegalAct::Ruling,
                    tf(l, Msg::LegalFormRuling, &[&number]),
                    vec![
                        Field::choice("ruling", t(l, Msg::LegalFieldRuling), rulings, "upheld"),
                        Field::text("by", t(l, Msg::LegalFieldAuthority), ""),
                        Field::date("on", t(l, Msg::Date), &today),
                        Field::text("reason", t(l, Msg::LegalFieldReason), ""),
                    ],
                )
            }
        };
        self.modal = Some(Modal::Form(Form::new(
            &title,
            FormPurpose::Legal(LegalForm {
                resolution_id: id,
                act,
            }),
            fields,
        )));
        Ok(())
    }

    /// Saves a legal form through its use case; the view's description is the message.
    pub(crate) fn save_legal_form(
        &mut self,
        form: &mut Form,
        f: LegalForm,
    ) -> Result<String, String> {
        let on = self.parse_date_field(form, "on")?;
        let reason = form.get("reason").to_string();
        let id = f.resolution_id;
        let v = match f.act {
            LegalAct::Send => {
                let to: Vec<String> = form
                    .get("to")
                    .split([';', '؛'])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect();
                let method = SendMethod::parse(form.get("method")).map_err(store_err)?;
                let letter = form.opt("letter");
                crate::ops::legal::send(&mut self.ctx, id, &to, letter.as_deref(), on, method)
            }
            LegalAct::Acknowledge => {
                let by = form.get("by").to_string();
                crate::ops::legal::acknowledge(&mut self.ctx, id, &by, on)
            }
            LegalAct::Object => {
                let by = form.get("by").to_string();
                crate::ops::legal::object(&mut self.ctx, id, &by, on, &reason)
            }
            LegalAct::Answer => {
                let kind = LegalEventKind::parse(form.get("answer")).map_err(store_err)?;
                let session = self
                    .ctx
                    .store
                    .find_session(form.get("session"))
                    .map_err(store_err)?;
                crate::ops::legal::answer(&mut self.ctx, id, kind, session.id, &reason)
            }
            LegalAct::Ruling => {
                let upheld = form.get("ruling") == LegalEventKind::Upheld.code();
                let by = form.get("by").to_string();
                crate::ops::legal::ruling(&mut self.ctx, id, upheld, &by, on, &reason)
            }
        }
        .map_err(store_err)?;
        Ok(v.description)
    }
}
