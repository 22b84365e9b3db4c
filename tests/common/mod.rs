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

/// A database in a temporary directory, and the built binary run on it on one day:
/// what the command-line test files of the registers (letters, plans, evaluations)
/// share.
pub struct Cli {
    pub dir: tempfile::TempDir,
    pub db: std::path::PathBuf,
    /// The day every run sees (`SHURA_TODAY`).
    pub today: &'static str,
}

impl Cli {
    /// A fresh directory with the database file `name` in it (not created yet).
    pub fn new(name: &str, today: &'static str) -> Cli {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let db = dir.path().join(name);
        Cli { dir, db, today }
    }

    /// Runs as another Unix user (uid, gid), or as the one running the tests.
    pub fn run_as(&self, user: Option<(u32, u32)>, args: &[&str]) -> (i32, String, String) {
        let home = self
            .dir
            .path()
            .join(format!("home-{}", user.map(|u| u.0).unwrap_or(0)));
        let out = shura_command(&self.db, &home, self.today, user)
            .args(args)
            .output()
            .expect("run shura");
        (
            out.status.code().unwrap_or(-1),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    }

    pub fn run(&self, args: &[&str]) -> (i32, String, String) {
        self.run_as(None, args)
    }

    /// Runs a command that must succeed; gives its standard output.
    pub fn ok(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        assert_eq!(code, 0, "{args:?}: {out}{err}");
        out
    }

    /// Runs a command that must succeed and print JSON; gives it parsed.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let out = self.ok(args);
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}"))
    }

    /// Runs a command that must fail; gives its standard error.
    pub fn fails(&self, args: &[&str]) -> String {
        let (code, out, err) = self.run(args);
        assert_ne!(code, 0, "{args:?} succeeded: {out}");
        err
    }

    /// Runs a command that must fail with `code`; gives its standard error.
    pub fn fails_with(&self, code: i32, args: &[&str]) -> String {
        let (got, out, err) = self.run(args);
        assert_eq!(got, code, "{args:?}: {out}{err}");
        err
    }

    /// Opens the directory and the database files to every user, so tests run as other
    /// Unix users can read and write them.
    pub fn share_with_others(&self) {
        use std::os::unix::fs::PermissionsExt;
        let open = std::fs::Permissions::from_mode(0o777);
        std::fs::set_permissions(self.dir.path(), open.clone()).expect("chmod the directory");
        for suffix in ["", "-wal", "-shm"] {
            let p = std::path::PathBuf::from(format!("{}{suffix}", self.db.display()));
            if p.exists() {
                std::fs::set_permissions(&p, open.clone()).expect("chmod a database file");
            }
        }
    }
}

/// Words of three or more ASCII letters left in a text (the program's name and what
/// the caller typed left out): what a Persian message must not hold.
pub fn english_words(text: &str, typed: &[&str]) -> Vec<String> {
    let mut text = text.to_string();
    for t in typed {
        text = text.replace(t, " ");
    }
    text.split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| w.len() >= 3 && *w != "shura")
        .map(str::to_string)
        .collect()
}
