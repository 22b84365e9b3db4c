//! Setting up a database a Unix group shares (`shura init --shared DIR --group GROUP`)
//! and checking one (`shura doctor`).

use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::args::{Cli, InitArgs, JsonFlag};
use super::{CliError, CliResult};
use crate::app::Prefs;
use crate::identity::{gid_of_group, group_name, login_of, Actor};
use crate::locale::text::sanitize_line;
use crate::store::{schema, Store};

/// Mode of a shared directory: group-owned, setgid (new files get its group), no access
/// for others.
pub const SHARED_DIR_MODE: u32 = 0o2770;
/// Mode of the database file in a shared directory (SQLite gives `-wal` and `-shm` the
/// database's mode when it creates them).
pub const SHARED_DB_MODE: u32 = 0o660;

/// File systems SQLite's locking (and so WAL) is not safe on, by `statfs` magic number.
const NETWORK_MAGIC: &[(u32, &str)] = &[
    (0x6969, "NFS"),
    (0x517B, "SMB"),
    (0xFF53_4D42, "CIFS/SMB"),
    (0xFE53_4D42, "SMB2/3"),
    (0x0102_1997, "9p"),
    (0x00C3_6400, "Ceph"),
    (0x0BD0_0BD0, "Lustre"),
    (0x5346_414F, "AFS"),
    (0x6B41_4653, "AFS"),
    (0x7375_7245, "Coda"),
    (0x0047_5353, "GlusterFS"),
];

/// Mount types from /proc/self/mountinfo that are network file systems.
const NETWORK_TYPES: &[&str] = &[
    "nfs",
    "nfs4",
    "cifs",
    "smb3",
    "smbfs",
    "9p",
    "ceph",
    "glusterfs",
    "lustre",
    "afs",
    "coda",
    "fuse.sshfs",
    "fuse.rclone",
    "fuse.s3fs",
    "fuse.gcsfuse",
    "fuse.glusterfs",
    "fuse.davfs",
    "fuse.curlftpfs",
    "fuse.smbnetfs",
    "fuse.cephfs",
    "fuse.ceph-fuse",
];

/// The mount type of the file system holding `path`, from /proc/self/mountinfo (the
/// longest mount point that is a prefix of the path).
fn mount_type(path: &Path) -> Option<String> {
    let info = std::fs::read_to_string("/proc/self/mountinfo").ok()?;
    let mut best: Option<(usize, String)> = None;
    for line in info.lines() {
        let fields: Vec<&str> = line.split(' ').collect();
        let (Some(mount_point), Some(dash)) =
            (fields.get(4), fields.iter().position(|f| *f == "-"))
        else {
            continue;
        };
        let Some(fstype) = fields.get(dash + 1) else {
            continue;
        };
        let mp = mount_point.replace("\\040", " ");
        if path.starts_with(&mp) && best.as_ref().is_none_or(|(len, _)| mp.len() > *len) {
            best = Some((mp.len(), fstype.to_string()));
        }
    }
    best.map(|(_, t)| t)
}

/// The name of the network file system holding `path` (its nearest existing ancestor),
/// or None for a local one.
pub fn network_fs(path: &Path) -> std::io::Result<Option<String>> {
    let mut p = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()?.join(path)
    };
    while !p.exists() {
        if !p.pop() {
            break;
        }
    }
    let p = p.canonicalize()?;
    let st = nix::sys::statfs::statfs(&p).map_err(std::io::Error::from)?;
    let magic = (st.filesystem_type().0 as u64 & 0xffff_ffff) as u32;
    if let Some((_, name)) = NETWORK_MAGIC.iter().find(|(m, _)| *m == magic) {
        return Ok(Some(name.to_string()));
    }
    if let Some(t) = mount_type(&p) {
        if NETWORK_TYPES.contains(&t.as_str()) {
            return Ok(Some(t));
        }
    }
    Ok(None)
}

fn chown_group(path: &Path, gid: u32) -> std::io::Result<()> {
    std::os::unix::fs::chown(path, None, Some(gid))
}

/// `shura init --shared DIR --group GROUP`.
pub fn init_shared(cli: &Cli, a: &InitArgs, prefs: Prefs, actor: Actor) -> CliResult {
    let (Some(dir), Some(group)) = (&a.shared, &a.group) else {
        return Err(CliError::usage(
            "--shared DIR and --group GROUP go together",
        ));
    };
    let gid = gid_of_group(group).ok_or_else(|| {
        CliError::usage(format!(
            "group {:?} does not exist on this machine; expected an existing Unix group (see `getent group`), created by the system administrator first",
            sanitize_line(group)
        ))
    })?;
    let db = match &cli.db {
        None => dir.join("shura.db"),
        Some(p) if p.parent().map(|d| same_dir(d, dir)).unwrap_or(false) => p.clone(),
        Some(p) => {
            return Err(CliError::usage(format!(
                "--db (or SHURA_DB) {} is not inside the shared directory {}; leave it out (the database is DIR/shura.db) or name a file in DIR",
                p.display(),
                dir.display()
            )))
        }
    };
    match network_fs(dir) {
        Ok(Some(fs)) => {
            return Err(CliError::usage(format!(
                "{} is on a network file system ({fs}); SQLite's locks are not reliable there and a shared database would be corrupted. Expected a directory on a local disk of the machine everyone logs in to",
                dir.display()
            )))
        }
        Ok(None) => {}
        Err(e) => {
            return Err(CliError::failure(format!(
                "cannot tell which file system {} is on: {e}",
                dir.display()
            )))
        }
    }
    // Parents as usual (others must be able to pass through them); the directory's own
    // mode is set below.
    std::fs::create_dir_all(dir)
        .map_err(|e| CliError::failure(format!("cannot create {}: {e}", dir.display())))?;
    // New files: no access for others, group read and write.
    nix::sys::stat::umask(nix::sys::stat::Mode::from_bits_truncate(0o007));
    chown_group(dir, gid).map_err(|e| {
        CliError::failure(format!(
            "cannot give {} to group {group}: {e}; you must own the directory and belong to the group (or be root)",
            dir.display()
        ))
    })?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(SHARED_DIR_MODE)).map_err(
        |e| CliError::failure(format!("cannot set mode 2770 on {}: {e}", dir.display())),
    )?;
    let mode = std::fs::metadata(dir)?.mode() & 0o7777;
    if mode != SHARED_DIR_MODE {
        return Err(CliError::failure(format!(
            "{} has mode {mode:04o} after setting 2770 (the setgid bit needs you to belong to group {group}); expected 2770",
            dir.display()
        )));
    }
    let store = Store::open(&db, actor.clone())?;
    let version = store.schema_version()?;
    let first_admin = store.is_administrator(&actor.login)?;
    drop(store);
    for suffix in ["", "-wal", "-shm"] {
        let p = PathBuf::from(format!("{}{suffix}", db.display()));
        if p.exists() {
            chown_group(&p, gid).map_err(|e| {
                CliError::failure(format!("cannot give {} to group {group}: {e}", p.display()))
            })?;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(SHARED_DB_MODE)).map_err(
                |e| CliError::failure(format!("cannot set mode 0660 on {}: {e}", p.display())),
            )?;
        }
    }
    let _ = prefs;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} is shared with group {} (mode 2770); {} is ready (schema version {version}, mode 0660)",
        sanitize_line(&dir.display().to_string()),
        sanitize_line(group),
        sanitize_line(&db.display().to_string()),
    )?;
    if first_admin {
        writeln!(
            out,
            "{} (uid {}) is an administrator; grant others with `shura admin grant LOGIN`",
            sanitize_line(&actor.login),
            actor.uid
        )?;
    }
    writeln!(
        out,
        "members of {} use it with: shura --db {}",
        sanitize_line(group),
        sanitize_line(&db.display().to_string())
    )?;
    Ok(())
}

fn same_dir(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => a == b,
    }
}

/// One line of `shura doctor`.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    pub check: &'static str,
    pub status: &'static str,
    pub detail: String,
}

fn ok(check: &'static str, detail: impl Into<String>) -> Check {
    Check {
        check,
        status: "ok",
        detail: detail.into(),
    }
}
fn warn(check: &'static str, detail: impl Into<String>) -> Check {
    Check {
        check,
        status: "warn",
        detail: detail.into(),
    }
}
fn fail(check: &'static str, detail: impl Into<String>) -> Check {
    Check {
        check,
        status: "fail",
        detail: detail.into(),
    }
}

fn owner_text(md: &std::fs::Metadata) -> String {
    format!(
        "{}:{}",
        login_of(md.uid()).unwrap_or_else(|| md.uid().to_string()),
        group_name(md.gid()).unwrap_or_else(|| md.gid().to_string())
    )
}

/// Permissions of the database file, its -wal and -shm, and their directory.
fn file_checks(db: &Path, checks: &mut Vec<Check>) {
    let dir = db
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut others_enter = true;
    let shared = match std::fs::metadata(dir) {
        Ok(md) => {
            let mode = md.mode() & 0o7777;
            let shared = mode & 0o2000 != 0;
            others_enter = mode & 0o001 != 0;
            if mode & 0o002 != 0 && mode & 0o1000 == 0 {
                checks.push(fail(
                    "directory",
                    format!(
                        "{} ({mode:04o}, {}) is writable by everyone: anyone can replace the database; expected 2770 for a group, 0700 for one user",
                        dir.display(),
                        owner_text(&md)
                    ),
                ));
            } else if shared {
                checks.push(ok(
                    "directory",
                    format!(
                        "{} ({mode:04o}, {}) is shared by its group, setgid",
                        dir.display(),
                        owner_text(&md)
                    ),
                ));
            } else {
                checks.push(ok(
                    "directory",
                    format!(
                        "{} ({mode:04o}, {}) is not shared (no setgid bit)",
                        dir.display(),
                        owner_text(&md)
                    ),
                ));
            }
            Some((shared, md.gid()))
        }
        Err(e) => {
            checks.push(fail("directory", format!("{}: {e}", dir.display())));
            None
        }
    };
    match network_fs(dir) {
        Ok(Some(fs)) => checks.push(fail(
            "file system",
            format!("{} is on a network file system ({fs}): SQLite's locks are not reliable there; move it to a local disk", dir.display()),
        )),
        Ok(None) => checks.push(ok("file system", "local")),
        Err(e) => checks.push(warn("file system", format!("cannot tell: {e}"))),
    }
    for suffix in ["", "-wal", "-shm"] {
        let p = PathBuf::from(format!("{}{suffix}", db.display()));
        let name: &'static str = match suffix {
            "" => "database file",
            "-wal" => "wal file",
            _ => "shm file",
        };
        let md = match std::fs::metadata(&p) {
            Ok(md) => md,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !suffix.is_empty() => {
                checks.push(ok(
                    name,
                    format!(
                        "{} does not exist now (made when the database is open)",
                        p.display()
                    ),
                ));
                continue;
            }
            Err(e) => {
                checks.push(fail(name, format!("{}: {e}", p.display())));
                continue;
            }
        };
        let mode = md.mode() & 0o777;
        let what = format!("{} ({mode:04o}, {})", p.display(), owner_text(&md));
        if mode & 0o002 != 0 {
            checks.push(fail(
                name,
                format!("{what} is writable by everyone: anyone can change the record behind shura's back; expected 0660 in a shared directory, 0600 otherwise"),
            ));
        } else if let Some((true, dir_gid)) = shared {
            if mode & 0o060 != 0o060 {
                checks.push(fail(
                    name,
                    format!("{what} is not readable and writable by its group in a shared directory: other members get \"read-only\" or locking errors; expected 0660 (chmod 660)"),
                ));
            } else if md.gid() != dir_gid {
                checks.push(fail(
                    name,
                    format!(
                        "{what} belongs to another group than its directory ({}); expected the directory's group (chgrp)",
                        group_name(dir_gid).unwrap_or_else(|| dir_gid.to_string())
                    ),
                ));
            } else {
                checks.push(ok(name, what));
            }
        } else if mode & 0o004 != 0 && others_enter {
            checks.push(warn(
                name,
                format!("{what} is readable by everyone on the machine, confidential bodies included; expected 0600 (or 0660 in a shared directory)"),
            ));
        } else {
            checks.push(ok(name, what));
        }
    }
}

/// The checks on the database's content.
fn database_checks(db: &Path, checks: &mut Vec<Check>) {
    let conn = match Connection::open_with_flags(
        db,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .or_else(|_| Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY))
    {
        Ok(c) => c,
        Err(e) => {
            checks.push(fail("open", format!("{}: {e}", db.display())));
            return;
        }
    };
    let _ = conn.busy_timeout(crate::store::BUSY_TIMEOUT);
    match conn.query_row("PRAGMA journal_mode", [], |r| r.get::<_, String>(0)) {
        Ok(m) if m.eq_ignore_ascii_case("wal") => checks.push(ok("journal mode", "wal")),
        Ok(m) => checks.push(fail(
            "journal mode",
            format!(
                "{m}: expected wal (any shura command switches it, unless the file system cannot)"
            ),
        )),
        Err(e) => {
            checks.push(fail("journal mode", e.to_string()));
            return;
        }
    }
    match conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0)) {
        Ok(v) if v == schema::SCHEMA_VERSION => checks.push(ok("schema", format!("version {v}"))),
        Ok(v) if v < schema::SCHEMA_VERSION => checks.push(warn(
            "schema",
            format!(
                "version {v}, older than this shura's {}; the next shura command migrates it",
                schema::SCHEMA_VERSION
            ),
        )),
        Ok(v) => checks.push(fail(
            "schema",
            format!(
                "version {v}, newer than this shura understands ({}); upgrade shura",
                schema::SCHEMA_VERSION
            ),
        )),
        Err(e) => checks.push(fail("schema", e.to_string())),
    }
    let quick: rusqlite::Result<Vec<String>> = conn
        .prepare("PRAGMA quick_check")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect());
    match quick {
        Ok(lines) if lines.len() == 1 && lines[0] == "ok" => {
            checks.push(ok("integrity", "quick_check ok"))
        }
        Ok(lines) => checks.push(fail(
            "integrity",
            format!(
                "quick_check: {}",
                lines.into_iter().take(5).collect::<Vec<_>>().join("; ")
            ),
        )),
        Err(e) => checks.push(fail("integrity", e.to_string())),
    }
    match crate::store::audit::verify(&conn) {
        Ok(v) if v.problems.is_empty() => checks.push(ok(
            "audit chain",
            format!("{} entries, head {}", v.entries, v.head),
        )),
        Ok(v) => checks.push(fail(
            "audit chain",
            format!("{} problem(s): {}", v.problems.len(), v.problems.join("; ")),
        )),
        Err(e) => checks.push(fail("audit chain", e.to_string())),
    }
    match crate::store::audit::verify_approved_heads(&conn) {
        Ok(p) if p.is_empty() => checks.push(ok(
            "approved minutes",
            format!(
                "{} carry a chain head that is in the chain",
                crate::store::audit::approved_heads(&conn).unwrap_or(0)
            ),
        )),
        Ok(p) => checks.push(fail("approved minutes", p.join("; "))),
        Err(e) => checks.push(fail("approved minutes", e.to_string())),
    }
}

/// `shura doctor`: one line per check; exit 0 when all are ok, 1 otherwise.
pub fn doctor(db: &Path, a: &JsonFlag) -> CliResult {
    let mut checks = Vec::new();
    if !db.exists() {
        checks.push(fail(
            "database file",
            format!(
                "{} does not exist; create it with `shura init`",
                db.display()
            ),
        ));
    } else {
        // The content first: opening makes the -wal and -shm files whose modes follow.
        let mut content = Vec::new();
        database_checks(db, &mut content);
        file_checks(db, &mut checks);
        checks.extend(content);
    }
    let bad = checks.iter().filter(|c| c.status != "ok").count();
    let mut out = std::io::stdout().lock();
    if a.json {
        writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({
                "database": db.display().to_string(),
                "ok": bad == 0,
                "checks": checks,
            }))?
        )?;
    } else {
        for c in &checks {
            writeln!(
                out,
                "{:<4}  {:<16}  {}",
                c.status,
                c.check,
                sanitize_line(&c.detail)
            )?;
        }
    }
    if bad == 0 {
        Ok(())
    } else {
        Err(CliError::failure(format!(
            "{bad} check(s) of {} did not pass",
            db.display()
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_local_directory_is_not_a_network_file_system() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(network_fs(dir.path()).unwrap(), None);
        // A directory not made yet is judged by its nearest existing ancestor.
        assert_eq!(network_fs(&dir.path().join("not/yet/made")).unwrap(), None);
    }

    #[test]
    fn mount_types_come_from_the_longest_mount_point() {
        // The root file system is always mounted; whatever it is, it is named.
        assert!(mount_type(Path::new("/")).is_some());
        assert!(NETWORK_TYPES.contains(&"fuse.sshfs") && NETWORK_TYPES.contains(&"nfs4"));
    }
}
