//! Correcting the record from the screens: a body (every field), a membership (edit,
//! end), a person, a session's guests (edit, remove), a resolution, a task, and the
//! removal of an agenda item. Each key opens a form prefilled with the record as it is;
//! saving sends only the fields changed to [`crate::ops::corrections`], where every
//! rule is (a refusal comes back from the catalogue and the form keeps what was typed).

use serde::{Deserialize, Serialize};

use super::form::{Field, Form, FormConflict, FormPurpose};
use super::keymap::Action;
use super::state::{store_err, App, BodiesPane, ListKind, Modal, Outcome, Screen, SessionPane};
use crate::locale::digits::{localize_digits, to_latin_digits};
use crate::locale::strings::{t, tf, Msg};
use crate::model::roles::Activity;
use crate::model::rules::{FiscalYear, MeetingRule, QuorumRule, VoteEntry};
use crate::model::*;
use crate::ops::corrections::{self as fix, *};
use crate::store::read::TaskRow;
use crate::store::StoreError;

/// What a correction form changes, and the values it was opened with (a field left as
/// it was is not sent, so it never overwrites anything).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorrectionForm {
    pub target: Target,
    /// (field key, value as the form was filled).
    pub was: Vec<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Target {
    Body {
        body_id: i64,
        version: i64,
    },
    Membership {
        membership_id: i64,
    },
    EndMembership {
        membership_id: i64,
    },
    Person {
        person_id: i64,
    },
    Guest {
        guest_id: i64,
    },
    Resolution {
        resolution_id: i64,
        version: i64,
    },
    Task {
        task_id: i64,
        version: i64,
    },
    /// Which of several records a key is for (the field `which` holds its id).
    Choose(Chosen),
}

/// What is done with the record chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Chosen {
    EditGuest,
    RemoveGuest,
    Resolution,
    Task,
}

/// A correction form with its fields as filled.
fn correction(title: &str, target: Target, fields: Vec<Field>) -> Form {
    let was = fields
        .iter()
        .map(|f| (f.key.clone(), f.value.clone()))
        .collect();
    Form::new(
        title,
        FormPurpose::Correction(CorrectionForm { target, was }),
        fields,
    )
}

/// Values compared as the user sees them: spaces around and the digits' script do
/// not count.
fn same(a: &str, b: &str) -> bool {
    to_latin_digits(a.trim()) == to_latin_digits(b.trim())
}

/// The field's value when it differs from the value the form was opened with.
fn changed(form: &Form, c: &CorrectionForm, key: &str) -> Option<String> {
    let now = form.get(key);
    let was = c
        .was
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .unwrap_or("");
    (!same(now, was)).then(|| now.trim().to_string())
}

/// An optional text as changed: `Some(None)` when it was emptied.
fn clearable(v: Option<String>) -> Option<Option<String>> {
    v.map(|s| (!s.is_empty()).then_some(s))
}

/// Standing items typed on one line, separated by `;`.
fn items(s: &str) -> Vec<String> {
    s.split(';')
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn choices<T: Copy>(
    all: &[T],
    code: impl Fn(T) -> String,
    label: impl Fn(T) -> String,
) -> Vec<(String, String)> {
    all.iter().map(|&x| (code(x), label(x))).collect()
}

impl App {
    /// The correction keys.
    pub(crate) fn dispatch_correction(&mut self, action: Action) -> Outcome {
        use Action::*;
        let l = self.lang();
        match action {
            EditBody => {
                let body = self
                    .selected_body()
                    .cloned()
                    .ok_or_else(|| t(l, Msg::NoBodySelectedAddOne).to_string())?;
                self.modal = Some(Modal::Form(self.body_edit_form(&body)));
                Ok(())
            }
            EditMember | EndMember | EditPerson => {
                let row = self.selected_member()?;
                let form = match action {
                    EditMember => self.membership_form(&row),
                    EndMember => self.end_membership_form(&row),
                    _ => self.person_form(&row.person),
                };
                self.modal = Some(Modal::Form(form));
                Ok(())
            }
            EditGuest | RemoveGuest => {
                let chosen = if action == EditGuest {
                    Chosen::EditGuest
                } else {
                    Chosen::RemoveGuest
                };
                if action == RemoveGuest && self.confirmed {
                    let id = self
                        .correction_target
                        .take()
                        .ok_or_else(|| t(l, Msg::EdNoGuests).to_string())?;
                    return self.remove_guest(id);
                }
                let guests = self
                    .session
                    .as_ref()
                    .map(|v| v.record.guests.clone())
                    .unwrap_or_default();
                match guests.as_slice() {
                    [] => Err(t(l, Msg::EdNoGuests).into()),
                    [one] => self.chosen(chosen, one.id),
                    many => {
                        let opts = many
                            .iter()
                            .map(|g| (g.id.to_string(), guest_label(g)))
                            .collect();
                        self.choose(chosen, t(l, Msg::EdGuest), opts);
                        Ok(())
                    }
                }
            }
            EditResolution => {
                if let Screen::Resolution(id) = self.screen() {
                    return self.chosen(Chosen::Resolution, id);
                }
                if self.screen() == Screen::Browse {
                    let id = self
                        .browser
                        .as_ref()
                        .and_then(|b| b.selected_resolution())
                        .map(|r| r.resolution.id)
                        .ok_or_else(|| t(l, Msg::EdNoResolution).to_string())?;
                    return self.chosen(Chosen::Resolution, id);
                }
                // A resolution selected in the session's review of earlier ones.
                if let Some(v) = self
                    .session
                    .as_ref()
                    .filter(|v| v.pane == SessionPane::Review)
                {
                    if let Some(super::state::ReviewRow::Resolution(r)) = self
                        .selected_row(ListKind::Review)
                        .and_then(|i| v.review.get(i))
                    {
                        let id = r.id;
                        return self.chosen(Chosen::Resolution, id);
                    }
                }
                let rs = self.item_records(|a| {
                    a.resolutions
                        .iter()
                        .map(|r| (r.id, format!("{} — {}", r.number, r.text)))
                        .collect()
                })?;
                match rs.as_slice() {
                    [] => Err(t(l, Msg::EdNoResolution).into()),
                    [(id, _)] => self.chosen(Chosen::Resolution, *id),
                    many => {
                        let opts = many
                            .iter()
                            .map(|(id, s)| (id.to_string(), one_line(s)))
                            .collect();
                        self.choose(Chosen::Resolution, t(l, Msg::EdResolution), opts);
                        Ok(())
                    }
                }
            }
            EditTask => {
                if let Some(row) = self.selected_task_row() {
                    return self.chosen(Chosen::Task, row.task.id);
                }
                let ts = self
                    .item_records(|a| {
                        a.tasks
                            .iter()
                            .map(|t| (t.task.id, t.task.title.clone()))
                            .collect()
                    })
                    .unwrap_or_default();
                match ts.as_slice() {
                    [] => Err(t(l, Msg::EdNoTask).into()),
                    [(id, _)] => self.chosen(Chosen::Task, *id),
                    many => {
                        let opts = many
                            .iter()
                            .map(|(id, s)| (id.to_string(), one_line(s)))
                            .collect();
                        self.choose(Chosen::Task, t(l, Msg::Task3), opts);
                        Ok(())
                    }
                }
            }
            RemoveItem => {
                let v = self
                    .session
                    .as_ref()
                    .ok_or_else(|| t(l, Msg::OpenASessionFirstEnter).to_string())?;
                let labels = crate::model::agenda::agenda_labels(
                    &v.record
                        .agenda
                        .iter()
                        .map(|a| a.item.clone())
                        .collect::<Vec<_>>(),
                );
                let at = self
                    .selected_row(ListKind::Agenda)
                    .filter(|&i| i < v.record.agenda.len())
                    .ok_or_else(|| t(l, Msg::TheAgendaIsEmptyAdd).to_string())?;
                let item = v.record.agenda[at].item.clone();
                // Approved minutes: refused before asking (removal would be refused).
                crate::ops::not_frozen(&self.ctx, item.session_id).map_err(store_err)?;
                if !self.confirmed {
                    let label = labels.get(at).cloned().unwrap_or_default();
                    self.modal = Some(Modal::Confirm {
                        text: tf(
                            l,
                            Msg::EdConfirmRemoveItem,
                            &[
                                &localize_digits(&label, l),
                                crate::locale::text::sanitize(&item.title).as_ref(),
                            ],
                        ),
                        action,
                    });
                    return Ok(());
                }
                fix::remove_item(&mut self.ctx, item.id).map_err(store_err)?;
                self.reload();
                self.say(tf(
                    l,
                    Msg::EdItemRemoved,
                    &[crate::locale::text::sanitize(&item.title).as_ref()],
                ));
                Ok(())
            }
            _ => Ok(()),
        }
    }

    /// The member under the members pane's cursor.
    fn selected_member(&self) -> Result<crate::store::read::MemberRow, String> {
        let l = self.lang();
        if self.home.pane != BodiesPane::Members {
            return Err(t(l, Msg::EdNoMember).into());
        }
        self.selected_row(ListKind::Members)
            .and_then(|i| self.home.members.get(i))
            .cloned()
            .ok_or_else(|| t(l, Msg::EdNoMember).into())
    }

    /// A task selected in a list of tasks: the session's review, a browser, a
    /// resolution's page, the member's own.
    fn selected_task_row(&self) -> Option<TaskRow> {
        let kind = self.focused_list();
        match kind {
            ListKind::Review => {
                let v = self.session.as_ref()?;
                if v.pane != SessionPane::Review {
                    return None;
                }
                match self.selected_row(kind).and_then(|i| v.review.get(i)) {
                    Some(super::state::ReviewRow::Task(t)) => Some(t.clone()),
                    _ => None,
                }
            }
            ListKind::Browse => self.browser.as_ref()?.selected_task().cloned(),
            ListKind::PageTasks | ListKind::PageHistory => {
                self.resolution_page.as_ref()?.selected_task().cloned()
            }
            ListKind::MyTasks => self
                .selected_row(kind)
                .and_then(|i| self.mine.as_ref()?.tasks.get(i))
                .cloned(),
            _ => None,
        }
    }

    /// What the session screen's selected agenda item holds (its resolutions, tasks).
    fn item_records(
        &self,
        f: impl Fn(&crate::ops::record::AgendaRecord) -> Vec<(i64, String)>,
    ) -> Result<Vec<(i64, String)>, String> {
        let l = self.lang();
        let v = self
            .session
            .as_ref()
            .ok_or_else(|| t(l, Msg::OpenASessionFirstEnter).to_string())?;
        Ok(self
            .selected_row(ListKind::Agenda)
            .and_then(|i| v.record.agenda.get(i))
            .map(f)
            .unwrap_or_default())
    }

    /// Asks which of several records a key is for.
    fn choose(&mut self, what: Chosen, label: &str, options: Vec<(String, String)>) {
        let l = self.lang();
        let first = options.first().map(|o| o.0.clone()).unwrap_or_default();
        let title = match what {
            Chosen::EditGuest | Chosen::RemoveGuest => t(l, Msg::EdChooseGuest),
            Chosen::Resolution => t(l, Msg::EdChooseResolution),
            Chosen::Task => t(l, Msg::EdEditTask),
        };
        let title = title.replace(" {}", "");
        self.modal = Some(Modal::Form(correction(
            &title,
            Target::Choose(what),
            vec![Field::choice("which", label, options, &first)],
        )));
    }

    /// Goes on with the record chosen: its form, or the question before removing it.
    fn chosen(&mut self, what: Chosen, id: i64) -> Outcome {
        let l = self.lang();
        let form = match what {
            Chosen::EditGuest => {
                let g = self.ctx.store.guest(id).map_err(store_err)?;
                crate::ops::not_frozen(&self.ctx, g.session_id).map_err(store_err)?;
                self.guest_form(&g)
            }
            Chosen::RemoveGuest => {
                let g = self.ctx.store.guest(id).map_err(store_err)?;
                crate::ops::not_frozen(&self.ctx, g.session_id).map_err(store_err)?;
                self.correction_target = Some(g.id);
                self.modal = Some(Modal::Confirm {
                    text: tf(l, Msg::EdConfirmRemoveGuest, &[&guest_label(&g)]),
                    action: Action::RemoveGuest,
                });
                return Ok(());
            }
            Chosen::Resolution => {
                let r = self.ctx.store.resolution(id).map_err(store_err)?;
                // Refused before the form is filled (saving checks again).
                crate::ops::authz::check(&self.ctx, Activity::RecordResolutions, Some(r.body_id))
                    .map_err(store_err)?;
                // Approved minutes: no form to fill in vain.
                if let Some(s) = r.session_id {
                    crate::ops::not_frozen(&self.ctx, s).map_err(store_err)?;
                }
                self.resolution_edit_form(&r)
            }
            Chosen::Task => {
                let task = self.ctx.store.task(id).map_err(store_err)?;
                crate::ops::authz::check(&self.ctx, Activity::ManageTasks, Some(task.body_id))
                    .map_err(store_err)?;
                self.task_edit_form(&task)?
            }
        };
        self.modal = Some(Modal::Form(form));
        Ok(())
    }

    fn remove_guest(&mut self, id: i64) -> Outcome {
        let l = self.lang();
        let g = fix::remove_guest(&mut self.ctx, id).map_err(store_err)?;
        self.reload();
        self.say(tf(l, Msg::EdGuestRemoved, &[&guest_label(&g)]));
        Ok(())
    }

    // ----- the forms, filled with the record as it is -----

    pub(crate) fn body_edit_form(&self, b: &Body) -> Form {
        let l = self.lang();
        // The law profiles to choose from; the body's own at least, so a failed read
        // never offers to change it.
        let mut profiles: Vec<(String, String)> = self
            .ctx
            .store
            .law_profiles()
            .map(|ps| {
                ps.into_iter()
                    .map(|p| (p.code.clone(), p.name.get(l).to_string()))
                    .collect()
            })
            .unwrap_or_default();
        if !profiles.iter().any(|(c, _)| *c == b.law_profile) {
            profiles.push((b.law_profile.clone(), b.law_profile.clone()));
        }
        let kinds = choices(
            BodyKind::ALL,
            |k| k.code().to_string(),
            |k| k.label(l).to_string(),
        );
        let mut parents = vec![(String::new(), t(l, Msg::None).to_string())];
        parents.extend(
            self.home
                .bodies
                .iter()
                .filter(|o| o.id != b.id)
                .map(|o| (o.id.to_string(), o.name.get(l).to_string())),
        );
        let signing = choices(
            Signing::ALL,
            |s| s.code().to_string(),
            |s| s.label(l).to_string(),
        );
        let rule = b.meeting_rule.code();
        correction(
            &tf(l, Msg::EdEditBody, &[b.name.get(l)]),
            Target::Body {
                body_id: b.id,
                version: b.version,
            },
            vec![
                Field::text(
                    "name_fa",
                    t(l, Msg::EdNameFa),
                    b.name.fa.as_deref().unwrap_or(""),
                ),
                Field::text(
                    "name_en",
                    t(l, Msg::EdNameEn),
                    b.name.en.as_deref().unwrap_or(""),
                ),
                Field::choice("kind", t(l, Msg::Kind), kinds, b.kind.code()),
                Field::choice(
                    "parent",
                    t(l, Msg::Parent),
                    parents,
                    &b.parent_id.map(|p| p.to_string()).unwrap_or_default(),
                ),
                Field::date(
                    "formed",
                    t(l, Msg::EdFormed),
                    &self.ctx.opt_date(b.formed_on),
                )
                .with_hint(t(l, Msg::EG14050915)),
                Field::text(
                    "voting_rule",
                    t(l, Msg::VotingRuleField),
                    &b.procedure.voting_rule.code(),
                ),
                Field::text("quorum", t(l, Msg::Quorum), &b.quorum.code()),
                Field::text(
                    "meeting_rule",
                    t(l, Msg::MustMeet),
                    if rule.is_empty() { "none" } else { &rule },
                )
                .with_hint("none, monthly, jalali_months:4,10"),
                Field::text("format", t(l, Msg::ResolutionNo), &b.resolution_format)
                    .with_hint("{seq} {seq:3} {session} {jyear} {year}"),
                Field::text(
                    "template",
                    t(l, Msg::StandingItems),
                    &b.agenda_template.join("; "),
                )
                .with_hint(t(l, Msg::SeparatedBy)),
                Field::text(
                    "closing",
                    t(l, Msg::EdClosingItems),
                    &b.agenda_closing.join("; "),
                )
                .with_hint(t(l, Msg::SeparatedBy)),
                Field::choice("signing", t(l, Msg::EdSigning), signing, b.signing.code()),
                Field::toggle(
                    "number_per_term",
                    t(l, Msg::EdNumberPerTerm),
                    b.number_per_term,
                ),
                Field::text(
                    "fiscal_year",
                    t(l, Msg::EdFiscalYear),
                    &b.fiscal_year.code(),
                )
                .with_hint("jalali:1, gregorian:10"),
                Field::choice(
                    "law_profile",
                    t(l, Msg::EdLawProfile),
                    profiles,
                    &b.law_profile,
                ),
                Field::text(
                    "absence_rule",
                    t(l, Msg::EdAbsenceRule),
                    &b.absence_rule.code(),
                )
                .with_hint(t(l, Msg::EdAbsenceHint)),
                Field::toggle("confidential", t(l, Msg::EdConfidential), b.confidential),
            ],
        )
    }

    fn membership_form(&self, row: &crate::store::read::MemberRow) -> Form {
        let l = self.lang();
        let m = &row.membership;
        let roles = choices(
            Role::ALL,
            |r| r.code().to_string(),
            |r| r.label(l).to_string(),
        );
        correction(
            &tf(
                l,
                Msg::EdEditMembership,
                &[row.person.name.get(l), &self.body_name(m.body_id)],
            ),
            Target::Membership {
                membership_id: m.id,
            },
            vec![
                Field::choice("role", t(l, Msg::Role), roles, m.role.code()),
                Field::toggle("voting", t(l, Msg::Voting), m.voting),
                Field::date(
                    "from",
                    t(l, Msg::EdTermFrom),
                    &self.ctx.opt_date(m.term_start),
                ),
                Field::date("to", t(l, Msg::EdTermTo), &self.ctx.opt_date(m.term_end)),
            ],
        )
    }

    fn end_membership_form(&self, row: &crate::store::read::MemberRow) -> Form {
        let l = self.lang();
        let m = &row.membership;
        correction(
            &tf(
                l,
                Msg::EdEndMembership,
                &[row.person.name.get(l), &self.body_name(m.body_id)],
            ),
            Target::EndMembership {
                membership_id: m.id,
            },
            vec![
                Field::date("on", t(l, Msg::EdEndsOn), &self.ctx.date(self.ctx.today))
                    .with_hint(t(l, Msg::EG14050915)),
            ],
        )
    }

    fn person_form(&self, p: &Person) -> Form {
        let l = self.lang();
        let o = |s: &Option<String>| s.clone().unwrap_or_default();
        correction(
            &tf(l, Msg::EdEditPerson, &[p.name.get(l)]),
            Target::Person { person_id: p.id },
            vec![
                Field::text("name_fa", t(l, Msg::EdNameFa), &o(&p.name.fa)),
                Field::text("name_en", t(l, Msg::EdNameEn), &o(&p.name.en)),
                Field::text("login", t(l, Msg::UnixLogin), &o(&p.login)),
                Field::text("organization", t(l, Msg::Organization), &o(&p.organization)),
                Field::text("email", t(l, Msg::EdEmail), &o(&p.email)),
            ],
        )
    }

    fn guest_form(&self, g: &Guest) -> Form {
        let l = self.lang();
        correction(
            &tf(l, Msg::EdEditGuest, &[&g.name]),
            Target::Guest { guest_id: g.id },
            vec![
                Field::text("name", t(l, Msg::Name), &g.name),
                Field::text(
                    "organization",
                    t(l, Msg::Organization),
                    g.organization.as_deref().unwrap_or(""),
                ),
            ],
        )
    }

    pub(crate) fn resolution_edit_form(&self, r: &Resolution) -> Form {
        let l = self.lang();
        let decisions = choices(
            Decision::ALL,
            |d| d.code().to_string(),
            |d| d.label(l).to_string(),
        );
        let votes = r
            .tally
            .as_ref()
            .map(|t| localize_digits(&format!("{}/{}/{}", t.yes, t.no, t.abstain), l))
            .unwrap_or_default();
        correction(
            &tf(l, Msg::EdEditResolution, &[&localize_digits(&r.number, l)]),
            Target::Resolution {
                resolution_id: r.id,
                version: r.version,
            },
            vec![
                Field::text("text", t(l, Msg::Text2), &r.text),
                Field::choice(
                    "decision",
                    t(l, Msg::Decision),
                    decisions,
                    r.decision.code(),
                ),
                Field::text("votes", t(l, Msg::VotesForAgainstAbstain), &votes)
                    .with_hint(t(l, Msg::EdVotesHint)),
                Field::text("owner", t(l, Msg::Owner), r.owner.as_deref().unwrap_or("")),
                Field::date("due", t(l, Msg::Due), &self.ctx.opt_date(r.due)),
            ],
        )
    }

    fn task_edit_form(&self, task: &Task) -> Result<Form, String> {
        let l = self.lang();
        let description = self
            .ctx
            .store
            .task_description(task.id)
            .map_err(store_err)?
            .unwrap_or_default();
        let mut people = vec![(String::new(), t(l, Msg::AUnitBelow).to_string())];
        let members = self.ctx.store.members(task.body_id).map_err(store_err)?;
        people.extend(
            members
                .iter()
                .map(|m| (m.person.id.to_string(), m.person.name.get(l).to_string())),
        );
        if let Some(a) = task.assignee_id {
            if !people.iter().any(|(c, _)| *c == a.to_string()) {
                if let Ok(p) = self.ctx.store.person(a) {
                    people.push((a.to_string(), p.name.get(l).to_string()));
                }
            }
        }
        let priorities = choices(
            Priority::ALL,
            |p| p.code().to_string(),
            |p| p.label(l).to_string(),
        );
        Ok(correction(
            &tf(
                l,
                Msg::EdEditTask,
                &[&localize_digits(&task.id.to_string(), l)],
            ),
            Target::Task {
                task_id: task.id,
                version: task.version,
            },
            vec![
                Field::text("title", t(l, Msg::Task3), &task.title),
                Field::text("description", t(l, Msg::EdDescription), &description),
                Field::choice(
                    "assignee",
                    t(l, Msg::Assignee),
                    people,
                    &task.assignee_id.map(|a| a.to_string()).unwrap_or_default(),
                ),
                Field::text(
                    "unit",
                    t(l, Msg::OrAUnit),
                    task.assignee_unit.as_deref().unwrap_or(""),
                ),
                Field::date("due", t(l, Msg::Due), &self.ctx.opt_date(task.due)),
                Field::choice(
                    "priority",
                    t(l, Msg::Priority),
                    priorities,
                    task.priority.code(),
                ),
            ],
        ))
    }

    fn body_name(&self, id: i64) -> String {
        let l = self.lang();
        self.home
            .bodies
            .iter()
            .find(|b| b.id == id)
            .map(|b| b.name.get(l).to_string())
            .unwrap_or_default()
    }

    /// A date field as changed: `Some(None)` when emptied.
    fn changed_date(
        &self,
        form: &Form,
        c: &CorrectionForm,
        key: &str,
    ) -> Result<Option<Option<chrono::NaiveDate>>, String> {
        match changed(form, c, key) {
            None => Ok(None),
            Some(s) if s.is_empty() => Ok(Some(None)),
            Some(_) => Ok(Some(self.parse_date_field(form, key)?)),
        }
    }

    // ----- saving -----

    /// Saves a correction form: the fields changed go to the ops function.
    pub(crate) fn save_correction_form(
        &mut self,
        form: &mut Form,
        c: CorrectionForm,
    ) -> Result<String, String> {
        let l = self.lang();
        let saved = |what: Entity, id: i64| {
            tf(
                l,
                Msg::EdSaved,
                &[what.name(l), &localize_digits(&id.to_string(), l)],
            )
        };
        let edits = !matches!(c.target, Target::Choose(_) | Target::EndMembership { .. });
        if edits
            && form
                .fields
                .iter()
                .all(|f| changed(form, &c, &f.key).is_none())
        {
            // Nothing to write: no new version, no audit entry.
            return Ok(t(l, Msg::EdNothingChanged).into());
        }
        match c.target.clone() {
            Target::Choose(what) => {
                let id = form
                    .get("which")
                    .parse::<i64>()
                    .map_err(|_| t(l, Msg::EdNothingChanged).to_string())?;
                self.chosen(what, id)?;
                Ok(String::new())
            }
            Target::Body { body_id, version } => {
                let b = self.ctx.store.body(body_id).map_err(store_err)?;
                let changes = self.body_changes(form, &c, &b)?;
                let r = fix::edit_body(&mut self.ctx, body_id, &changes, Some(version));
                match r {
                    Err(StoreError::Conflict { .. }) => Err(self.correction_conflict(form)),
                    other => {
                        other.map_err(store_err)?;
                        Ok(saved(Entity::Body, body_id))
                    }
                }
            }
            Target::Membership { membership_id } => {
                let changes = MembershipChanges {
                    role: changed(form, &c, "role")
                        .map(|r| Role::parse(&r))
                        .transpose()
                        .map_err(store_err)?,
                    voting: changed(form, &c, "voting").map(|v| !v.is_empty()),
                    term_start: self.changed_date(form, &c, "from")?,
                    term_end: self.changed_date(form, &c, "to")?,
                };
                fix::edit_membership(&mut self.ctx, membership_id, &changes).map_err(store_err)?;
                Ok(saved(Entity::Membership, membership_id))
            }
            Target::EndMembership { membership_id } => {
                let on = self.parse_date_field(form, "on")?;
                let m = fix::end_membership(&mut self.ctx, membership_id, on).map_err(store_err)?;
                Ok(tf(
                    l,
                    Msg::EdMembershipEnds,
                    &[
                        &localize_digits(&m.id.to_string(), l),
                        &self.ctx.opt_date(m.term_end),
                    ],
                ))
            }
            Target::Person { person_id } => {
                let fa = changed(form, &c, "name_fa");
                let en = changed(form, &c, "name_en");
                let name = (fa.is_some() || en.is_some()).then(|| Name {
                    fa: form.opt("name_fa"),
                    en: form.opt("name_en"),
                });
                let changes = PersonChanges {
                    name,
                    login: clearable(changed(form, &c, "login")),
                    organization: clearable(changed(form, &c, "organization")),
                    email: clearable(changed(form, &c, "email")),
                };
                fix::edit_person(&mut self.ctx, person_id, &changes).map_err(store_err)?;
                Ok(saved(Entity::Person, person_id))
            }
            Target::Guest { guest_id } => {
                fix::edit_guest(
                    &mut self.ctx,
                    guest_id,
                    changed(form, &c, "name"),
                    clearable(changed(form, &c, "organization")),
                )
                .map_err(store_err)?;
                Ok(saved(Entity::Guest, guest_id))
            }
            Target::Resolution {
                resolution_id,
                version,
            } => {
                let changes = ResolutionChanges {
                    text: changed(form, &c, "text"),
                    decision: changed(form, &c, "decision")
                        .map(|d| Decision::parse(&d))
                        .transpose()
                        .map_err(store_err)?,
                    votes: changed(form, &c, "votes")
                        .map(|v| VoteEntry::parse(&v))
                        .transpose()
                        .map_err(store_err)?,
                    owner: clearable(changed(form, &c, "owner")),
                    due: self.changed_date(form, &c, "due")?,
                    agenda_item_id: None,
                    expected_version: Some(version),
                };
                match fix::edit_resolution(&mut self.ctx, resolution_id, &changes) {
                    Err(StoreError::Conflict { .. }) => Err(self.correction_conflict(form)),
                    other => {
                        let r = other.map_err(store_err)?;
                        Ok(saved(Entity::Resolution, r.id))
                    }
                }
            }
            Target::Task { task_id, version } => {
                let unit = changed(form, &c, "unit");
                let assignee = changed(form, &c, "assignee");
                let changes = TaskChanges {
                    title: changed(form, &c, "title"),
                    description: clearable(changed(form, &c, "description")),
                    assignee_id: assignee.map(|a| a.parse::<i64>().ok()),
                    assignee_unit: clearable(unit),
                    due: self.changed_date(form, &c, "due")?,
                    priority: changed(form, &c, "priority")
                        .map(|p| Priority::parse(&p))
                        .transpose()
                        .map_err(store_err)?,
                    expected_version: Some(version),
                };
                match fix::edit_task(&mut self.ctx, task_id, &changes) {
                    Err(StoreError::Conflict { .. }) => Err(self.correction_conflict(form)),
                    other => {
                        other.map_err(store_err)?;
                        Ok(saved(Entity::Task, task_id))
                    }
                }
            }
        }
    }

    fn body_changes(
        &self,
        form: &Form,
        c: &CorrectionForm,
        b: &Body,
    ) -> Result<BodyChanges, String> {
        let fa = changed(form, c, "name_fa");
        let en = changed(form, c, "name_en");
        let name = (fa.is_some() || en.is_some()).then(|| Name {
            fa: form.opt("name_fa"),
            en: form.opt("name_en"),
        });
        let rule = changed(form, c, "voting_rule")
            .map(|r| crate::model::voting::VotingRule::read_with_quorum(&r))
            .transpose()
            .map_err(store_err)?;
        let quorum = match changed(form, c, "quorum") {
            Some(q) => Some(QuorumRule::parse(&q).map_err(store_err)?),
            // A preset brings its quorum unless one is typed.
            None => rule.as_ref().and_then(|(_, q)| *q),
        };
        Ok(BodyChanges {
            name,
            kind: changed(form, c, "kind")
                .map(|k| BodyKind::parse(&k))
                .transpose()
                .map_err(store_err)?,
            parent_id: changed(form, c, "parent").map(|p| p.parse::<i64>().ok()),
            quorum,
            meeting_rule: changed(form, c, "meeting_rule")
                .map(|m| MeetingRule::parse(&m))
                .transpose()
                .map_err(store_err)?,
            resolution_format: changed(form, c, "format"),
            agenda_template: changed(form, c, "template").map(|s| items(&s)),
            agenda_closing: changed(form, c, "closing").map(|s| items(&s)),
            confidential: changed(form, c, "confidential").map(|v| !v.is_empty()),
            formed_on: self.changed_date(form, c, "formed")?,
            procedure: rule.map(|(voting_rule, _)| crate::model::voting::Procedure {
                voting_rule,
                ..b.procedure.clone()
            }),
            number_per_term: changed(form, c, "number_per_term").map(|v| !v.is_empty()),
            fiscal_year: changed(form, c, "fiscal_year")
                .map(|f| FiscalYear::parse(&f))
                .transpose()
                .map_err(store_err)?,
            signing: changed(form, c, "signing")
                .map(|s| Signing::parse(&s))
                .transpose()
                .map_err(store_err)?,
            law_profile: changed(form, c, "law_profile"),
            absence_rule: changed(form, c, "absence_rule")
                .map(|r| crate::model::rules::AbsenceRule::parse(&r))
                .transpose()
                .map_err(store_err)?,
        })
    }

    /// Someone saved the record after the form was opened: their values are read back
    /// beside the fields; a field not touched here takes theirs, one typed here keeps
    /// what was typed; the form now edits their version, so saving again sets what was
    /// typed over exactly what was shown.
    fn correction_conflict(&mut self, form: &mut Form) -> String {
        let l = self.lang();
        let Some(FormPurpose::Correction(c)) = Some(form.purpose.clone()) else {
            return String::new();
        };
        let fresh = match &c.target {
            Target::Body { body_id, .. } => self
                .ctx
                .store
                .body(*body_id)
                .map(|b| self.body_edit_form(&b)),
            Target::Resolution { resolution_id, .. } => self
                .ctx
                .store
                .resolution(*resolution_id)
                .map(|r| self.resolution_edit_form(&r)),
            Target::Task { task_id, .. } => match self.ctx.store.task(*task_id) {
                Ok(task) => match self.task_edit_form(&task) {
                    Ok(f) => Ok(f),
                    Err(e) => return e,
                },
                Err(e) => Err(e),
            },
            _ => return t(l, Msg::FormConflict).into(),
        };
        match fresh {
            Ok(theirs) => {
                let FormPurpose::Correction(now) = theirs.purpose.clone() else {
                    return t(l, Msg::FormConflict).into();
                };
                // A field left as it was takes their value: only what was typed here
                // is set over theirs.
                for f in form.fields.iter_mut() {
                    let was = c.was.iter().find(|(k, _)| *k == f.key).map(|(_, v)| v);
                    let theirs = theirs.fields.iter().find(|t| t.key == f.key);
                    if let (Some(was), Some(theirs)) = (was, theirs) {
                        if same(&f.value, was) {
                            f.value = theirs.value.clone();
                            f.cursor = f.value.chars().count();
                        }
                    }
                }
                form.conflict = Some(FormConflict {
                    theirs: theirs
                        .fields
                        .iter()
                        .map(|f| (f.key.clone(), f.value.clone()))
                        .collect(),
                });
                // The form now edits their version: what is unchanged from theirs is
                // not sent again.
                form.purpose = FormPurpose::Correction(now);
                t(l, Msg::FormConflict).into()
            }
            Err(e) => store_err(e),
        }
    }
}

/// A guest as a list shows them: the name, and the organization after a dash.
fn guest_label(g: &Guest) -> String {
    let name = crate::locale::text::sanitize(&g.name).into_owned();
    match &g.organization {
        Some(o) => format!("{name} — {}", crate::locale::text::sanitize(o)),
        None => name,
    }
}

fn one_line(s: &str) -> String {
    super::meeting::one_line(&crate::locale::text::sanitize(s), 60)
}
