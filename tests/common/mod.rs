//! Helpers shared by the test files (each uses some of them).
#![allow(dead_code)]

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// The buffer as text, one line per row. A wide character's hidden neighbour cells are
/// left out, as the terminal would show them.
pub fn buffer_text(buf: &Buffer) -> String {
    let mut rows = Vec::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0usize;
        for x in 0..buf.area.width {
            let sym = buf[(x, y)].symbol();
            if skip == 0 {
                line.push_str(sym);
            }
            skip = skip.max(sym.width()).saturating_sub(1);
        }
        rows.push(line);
    }
    rows.join("\n")
}

/// The built `shura` with a clean environment: the database, a fixed day, no config
/// file, `LANG=C`, and a home (with its data, config and state directories) of its own
/// under `home`; run as `user` (uid, gid) when given (that needs root).
pub fn shura_command(
    db: &std::path::Path,
    home: &std::path::Path,
    today: &str,
    user: Option<(u32, u32)>,
) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_shura"));
    c.env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("SHURA_DB", db)
        .env("SHURA_TODAY", today)
        .env("SHURA_CONFIG", "/nonexistent")
        .env("LANG", "C")
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("SHURA_STATE_DIR", home.join("state"));
    if let Some((uid, gid)) = user {
        std::os::unix::process::CommandExt::uid(&mut c, uid);
        std::os::unix::process::CommandExt::gid(&mut c, gid);
    }
    c
}

/// Whether the tests run as root (the tests that switch users need it; CI runs as root).
pub fn is_root() -> bool {
    nix::unistd::getuid().is_root()
}

/// Runs the built `shura` with [`shura_command`]'s environment (day 2024-12-06, a home
/// per user under `dir`); gives its exit code, standard output and error.
pub fn shura_as(
    dir: &std::path::Path,
    db: &std::path::Path,
    user: Option<(u32, u32)>,
    args: &[&str],
) -> (i32, String, String) {
    let home = dir.join(format!("home-{}", user.map(|u| u.0).unwrap_or(0)));
    let out = shura_command(db, &home, "2024-12-06", user)
        .args(args)
        .output()
        .expect("run shura");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
