//! Who is at the keyboard: the Unix account running the program, from `getuid()` and
//! the passwd entry. `$USER` is never consulted: anyone can set it.

use nix::unistd::{Gid, Group, Uid, User};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    pub uid: u32,
    pub login: String,
}

impl Actor {
    /// The account running this process.
    pub fn current() -> Actor {
        let uid = Uid::current().as_raw();
        Actor {
            uid,
            login: login_of(uid).unwrap_or_else(|| format!("uid{uid}")),
        }
    }
}

/// The login name of a uid from the passwd database.
pub fn login_of(uid: u32) -> Option<String> {
    User::from_uid(Uid::from_raw(uid))
        .ok()
        .flatten()
        .map(|u| u.name)
}

/// The uid of a login from the passwd database.
pub fn uid_of(login: &str) -> Option<u32> {
    User::from_name(login)
        .ok()
        .flatten()
        .map(|u| u.uid.as_raw())
}

/// The gid of a group name from the group database.
pub fn gid_of_group(group: &str) -> Option<u32> {
    Group::from_name(group)
        .ok()
        .flatten()
        .map(|g| g.gid.as_raw())
}

/// The name of a group id from the group database.
pub fn group_name(gid: u32) -> Option<String> {
    Group::from_gid(Gid::from_raw(gid))
        .ok()
        .flatten()
        .map(|g| g.name)
}

#[cfg(test)]
mod tests {
    #[test]
    fn root_or_current_has_a_login() {
        let me = super::Actor::current();
        assert!(!me.login.is_empty());
        assert_eq!(super::login_of(0).as_deref(), Some("root"));
        assert_eq!(super::uid_of("root"), Some(0));
        assert_eq!(super::gid_of_group("root"), Some(0));
        assert_eq!(super::group_name(0).as_deref(), Some("root"));
        assert_eq!(super::gid_of_group("no-such-group-here"), None);
    }
}
