//! Who is at the keyboard: the Unix account running the program, from `getuid()` and
//! the passwd entry. `$USER` is never consulted: anyone can set it.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    pub uid: u32,
    pub login: String,
}

impl Actor {
    /// The account running this process.
    pub fn current() -> Actor {
        // SAFETY: getuid never fails and has no preconditions.
        let uid = unsafe { libc::getuid() };
        Actor {
            uid,
            login: login_of(uid).unwrap_or_else(|| format!("uid{uid}")),
        }
    }
}

/// The login name of a uid from the passwd database.
pub fn login_of(uid: u32) -> Option<String> {
    let mut buf = vec![0u8; 4096];
    let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
    let mut result: *mut libc::passwd = std::ptr::null_mut();
    loop {
        // SAFETY: all pointers are valid for the call; buf outlives the use of pwd.
        let rc = unsafe {
            libc::getpwuid_r(
                uid,
                &mut pwd,
                buf.as_mut_ptr().cast(),
                buf.len(),
                &mut result,
            )
        };
        if rc == libc::ERANGE && buf.len() < 1 << 20 {
            buf.resize(buf.len() * 2, 0);
            continue;
        }
        if rc != 0 || result.is_null() || pwd.pw_name.is_null() {
            return None;
        }
        // SAFETY: pw_name points into buf and is NUL-terminated by getpwuid_r.
        let name = unsafe { std::ffi::CStr::from_ptr(pwd.pw_name) };
        return Some(name.to_string_lossy().into_owned());
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn root_or_current_has_a_login() {
        let me = super::Actor::current();
        assert!(!me.login.is_empty());
        assert_eq!(super::login_of(0).as_deref(), Some("root"));
    }
}
