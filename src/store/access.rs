//! The facts roles are decided from: administrators (granted and revoked here, each
//! change audited) and a login's person and memberships. Reads here ignore the hidden
//! bodies: they are what decides which bodies are hidden.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::audit::{record, snapshot};
use super::{now_stamp, Refusal, Result, Store, StoreError};
use crate::model::{Entity, Membership, Role};

/// One administrator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Administrator {
    pub login: String,
    pub granted_by: String,
    pub granted_at: String,
}

/// A body as far as roles care: its id, name and whether it is confidential.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyFacts {
    pub id: i64,
    pub name: crate::model::Name,
    pub confidential: bool,
}

/// A login's standing in the database, before any rule is applied.
#[derive(Debug, Clone, PartialEq)]
pub struct LoginFacts {
    pub administrator: bool,
    pub person_id: Option<i64>,
    /// Every membership of the login's person (in force or not).
    pub memberships: Vec<Membership>,
}

fn check_login(login: &str) -> Result<String> {
    let l = login.trim();
    if l.is_empty()
        || l.len() > 64
        || l.chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == ':' || c == '/')
    {
        return Err(StoreError::Invalid(crate::model::InvalidValue {
            what: Entity::Login,
            value: login.to_string(),
            expected: crate::model::Expected::msg(crate::locale::strings::Msg::ExpectedLogin),
        }));
    }
    Ok(l.to_string())
}

impl Store {
    pub fn is_administrator(&self, login: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT EXISTS(SELECT 1 FROM administrator WHERE login = ?1)")?
            .query_row([login], |r| r.get(0))?)
    }

    pub fn administrators(&self) -> Result<Vec<Administrator>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT login, granted_by, granted_at FROM administrator ORDER BY rowid",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Administrator {
                login: r.get(0)?,
                granted_by: r.get(1)?,
                granted_at: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Makes a login an administrator (no change when it already is one).
    pub fn grant_administrator(&mut self, login: &str) -> Result<bool> {
        let login = check_login(login)?;
        let actor = self.actor.clone();
        self.write(|tx| {
            let n = tx.execute(
                "INSERT OR IGNORE INTO administrator(login, granted_by, granted_at) VALUES (?1, ?2, ?3)",
                params![login, actor.login, now_stamp()],
            )?;
            if n == 0 {
                return Ok(false);
            }
            let after = snapshot(tx, "administrator", "login = ?1", &[&login])?;
            record(tx, &actor, "grant", "administrator", None, None, after.as_deref())?;
            Ok(true)
        })
    }

    /// Takes administration away from a login. The last administrator stays: a
    /// database nobody may set up is refused.
    pub fn revoke_administrator(&mut self, login: &str) -> Result<()> {
        let login = check_login(login)?;
        let actor = self.actor.clone();
        self.write(|tx| {
            let before = snapshot(tx, "administrator", "login = ?1", &[&login])?;
            if before.is_none() {
                return Err(StoreError::NotFound {
                    what: Entity::Administrator,
                    key: login.clone(),
                });
            }
            let count: i64 =
                tx.query_row("SELECT count(*) FROM administrator", [], |r| r.get(0))?;
            if count <= 1 {
                return Err(StoreError::Refused(Refusal::LastAdministrator {
                    login: login.to_string(),
                }));
            }
            tx.execute("DELETE FROM administrator WHERE login = ?1", [&login])?;
            record(
                tx,
                &actor,
                "revoke",
                "administrator",
                None,
                before.as_deref(),
                None,
            )?;
            Ok(())
        })
    }

    /// A login's administrator grant, person and memberships.
    pub fn login_facts(&self, login: &str) -> Result<LoginFacts> {
        let administrator = self.is_administrator(login)?;
        let person_id: Option<i64> = self
            .conn
            .prepare_cached("SELECT id FROM person WHERE login = ?1")?
            .query_row([login], |r| r.get(0))
            .optional()?;
        let mut memberships = Vec::new();
        if let Some(pid) = person_id {
            let mut stmt = self.conn.prepare_cached(
                "SELECT id, body_id, person_id, role, voting, term_start, term_end
                 FROM membership WHERE person_id = ?1 ORDER BY body_id, id",
            )?;
            let rows = stmt.query_map([pid], |r| {
                let role: String = r.get(3)?;
                let date = |i: usize| -> rusqlite::Result<Option<chrono::NaiveDate>> {
                    let s: Option<String> = r.get(i)?;
                    Ok(s.and_then(|s| chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok()))
                };
                Ok(Membership {
                    id: r.get(0)?,
                    body_id: r.get(1)?,
                    person_id: r.get(2)?,
                    role: Role::parse(&role).unwrap_or(Role::Observer),
                    voting: r.get(4)?,
                    term_start: date(5)?,
                    term_end: date(6)?,
                })
            })?;
            memberships = rows.collect::<rusqlite::Result<Vec<_>>>()?;
        }
        Ok(LoginFacts {
            administrator,
            person_id,
            memberships,
        })
    }

    /// Every body that is marked confidential.
    pub fn confidential_bodies(&self) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM body WHERE confidential <> 0 ORDER BY id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// Every body's id, hidden or not, in order (for deciding what the actor may read).
    pub fn all_body_ids(&self) -> Result<Vec<i64>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id FROM body ORDER BY id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// A body's id, name and confidentiality, hidden or not (for refusals and checks).
    pub fn body_facts(&self, id: i64) -> Result<BodyFacts> {
        self.conn
            .prepare_cached("SELECT id, name_fa, name_en, confidential FROM body WHERE id = ?1")?
            .query_row([id], |r| {
                Ok(BodyFacts {
                    id: r.get(0)?,
                    name: crate::model::Name::new(r.get(1)?, r.get(2)?),
                    confidential: r.get::<_, i64>(3)? != 0,
                })
            })
            .optional()?
            .ok_or(StoreError::NotFound {
                what: Entity::Body,
                key: id.to_string(),
            })
    }
}
