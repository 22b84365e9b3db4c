//! Setting up a database a Unix group shares (`shura init --shared DIR --group GROUP`)
//! and checking one (`shura doctor`).

use std::io::Write;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::args::{Cli, InitArgs, JsonFlag};
use super::table::display_line;
use super::{CliError, CliResult};
use crate::identity::{gid_of_group, group_name, login_of, Actor};
use crate::locale::strings::{t, tf, Msg};
use crate::locale::text::sanitize_line;
use crate::locale::Prefs;
use crate::locale::{Lang, Localized};
use crate::store::check::Inspection;
use crate::store::{schema, Store};

/// Mode of a shared directory: group-owned, setgid (new files get its group), no access
/// for others.
pub const SHARED_DIR_MODE: u32 = 0o2770;
/// Mode of the database file in a shared directory (SQLite gives `-wal` and `-shm` the
/// database's mode when it creates them).
pub const SHARED_DB_MODE: u32 = 0o660;

/// File systems SQLite's locking (and so WAL) is not safe on, by `statfs` magic number.
/// GFS2 and OCFS2 are cluster file systems: their locks may reach across machines, but
/// WAL's shared memory (the -shm file, mapped) cannot, so WAL there is unsafe too. FUSE
/// (0x65735546) is not here: it is also local file systems (encfs, gocryptfs); which
/// FUSE file systems are network ones is told by the mount type (`NETWORK_TYPES`).
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
    (0x0116_1970, "GFS2"),
    (0x7461_636F, "OCFS2"),
];

/// The name of the network or cluster file system a `statfs` `f_type` stands for, or
/// None for the others (local disks, tmpfs, FUSE). Only the low 32 bits count: some
/// platforms sign-extend the field.
pub fn network_fs_magic(f_type: u64) -> Option<&'static str> {
    let magic = (f_type & 0xffff_ffff) as u32;
    NETWORK_MAGIC
        .iter()
        .find(|(m, _)| *m == magic)
        .map(|(_, name)| *name)
}

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
    if let Some(name) = network_fs_magic(st.filesystem_type().0 as u64) {
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
    let l = prefs.lang;
    let (Some(dir), Some(group)) = (&a.shared, &a.group) else {
        return Err(CliError::usage(t(l, Msg::SetupSharedNeedsGroup)));
    };
    let shown_dir = dir.display().to_string();
    let gid = gid_of_group(group)
        .ok_or_else(|| CliError::usage(tf(l, Msg::SetupGroupMissing, &[&sanitize_line(group)])))?;
    let db = match &cli.db {
        None => dir.join("shura.db"),
        Some(p) if p.parent().map(|d| same_dir(d, dir)).unwrap_or(false) => p.clone(),
        Some(p) => {
            return Err(CliError::usage(tf(
                l,
                Msg::SetupDbNotInShared,
                &[&p.display().to_string(), &shown_dir],
            )))
        }
    };
    match network_fs(dir) {
        Ok(Some(fs)) => return Err(CliError::usage(network_refusal(dir, &fs, l))),
        Ok(None) => {}
        Err(e) => {
            return Err(CliError::failure(tf(
                l,
                Msg::SetupCannotTellFs,
                &[&shown_dir, &super::io_why(&e, l)],
            )))
        }
    }
    // Parents as usual (others must be able to pass through them); the directory's own
    // mode is set below.
    std::fs::create_dir_all(dir).map_err(|e| {
        CliError::failure(tf(
            l,
            Msg::SetupCannotCreate,
            &[&shown_dir, &super::io_why(&e, l)],
        ))
    })?;
    // New files: no access for others, group read and write.
    nix::sys::stat::umask(nix::sys::stat::Mode::from_bits_truncate(0o007));
    let group_shown = sanitize_line(group);
    chown_group(dir, gid).map_err(|e| {
        CliError::failure(tf(
            l,
            Msg::SetupCannotChgrpDir,
            &[&shown_dir, &group_shown, &super::io_why(&e, l)],
        ))
    })?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(SHARED_DIR_MODE)).map_err(
        |e| {
            CliError::failure(tf(
                l,
                Msg::SetupCannotChmod,
                &["2770", &shown_dir, &super::io_why(&e, l)],
            ))
        },
    )?;
    let mode = std::fs::metadata(dir)?.mode() & 0o7777;
    if mode != SHARED_DIR_MODE {
        return Err(CliError::failure(tf(
            l,
            Msg::SetupModeAfterSetgid,
            &[&shown_dir, &format!("{mode:04o}"), &group_shown],
        )));
    }
    let store = Store::open(&db, actor.clone())?;
    let version = store.schema_version()?;
    let first_admin = store.is_administrator(&actor.login)?;
    drop(store);
    for suffix in ["", "-wal", "-shm"] {
        let p = PathBuf::from(format!("{}{suffix}", db.display()));
        if p.exists() {
            let shown = p.display().to_string();
            chown_group(&p, gid).map_err(|e| {
                CliError::failure(tf(
                    l,
                    Msg::SetupCannotChgrp,
                    &[&shown, &group_shown, &super::io_why(&e, l)],
                ))
            })?;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(SHARED_DB_MODE)).map_err(
                |e| {
                    CliError::failure(tf(
                        l,
                        Msg::SetupCannotChmod,
                        &["0660", &shown, &super::io_why(&e, l)],
                    ))
                },
            )?;
        }
    }
    let mut out = std::io::stdout().lock();
    let db_shown = db.display().to_string();
    let say = |msg: Msg, args: &[&str]| display_line(&tf(l, msg, args), prefs);
    writeln!(
        out,
        "{}",
        say(
            Msg::SetupSharedReady,
            &[&shown_dir, &group_shown, &db_shown, &version.to_string()]
        )
    )?;
    if first_admin {
        writeln!(
            out,
            "{}",
            say(
                Msg::SetupFirstAdmin,
                &[&actor.login, &actor.uid.to_string()]
            )
        )?;
    }
    writeln!(
        out,
        "{}",
        say(Msg::SetupMembersUse, &[&group_shown, &db_shown])
    )?;
    Ok(())
}

/// Why a shared database is refused on `dir`: names the directory and the file system.
pub fn network_refusal(dir: &Path, fs: &str, lang: Lang) -> String {
    tf(
        lang,
        Msg::SetupNetworkFs,
        &[
            &sanitize_line(&dir.display().to_string()),
            &sanitize_line(fs),
        ],
    )
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
fn file_checks(db: &Path, l: Lang, checks: &mut Vec<Check>) {
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
            let args = [
                dir.display().to_string(),
                format!("{mode:04o}"),
                owner_text(&md),
            ];
            let args = [args[0].as_str(), args[1].as_str(), args[2].as_str()];
            if mode & 0o002 != 0 && mode & 0o1000 == 0 {
                checks.push(fail("directory", tf(l, Msg::DoctorDirWorldWritable, &args)));
            } else if shared {
                checks.push(ok("directory", tf(l, Msg::DoctorDirShared, &args)));
            } else {
                checks.push(ok("directory", tf(l, Msg::DoctorDirNotShared, &args)));
            }
            Some((shared, md.gid()))
        }
        Err(e) => {
            checks.push(fail(
                "directory",
                format!("{}: {}", dir.display(), super::io_why(&e, l)),
            ));
            None
        }
    };
    match network_fs(dir) {
        Ok(Some(fs)) => checks.push(fail(
            "file system",
            tf(l, Msg::DoctorNetworkFs, &[&dir.display().to_string(), &fs]),
        )),
        Ok(None) => checks.push(ok("file system", t(l, Msg::DoctorLocalFs))),
        Err(e) => checks.push(warn(
            "file system",
            tf(l, Msg::DoctorCannotTell, &[&super::io_why(&e, l)]),
        )),
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
                    tf(l, Msg::DoctorMadeWhenOpen, &[&p.display().to_string()]),
                ));
                continue;
            }
            Err(e) => {
                checks.push(fail(
                    name,
                    format!("{}: {}", p.display(), super::io_why(&e, l)),
                ));
                continue;
            }
        };
        let mode = md.mode() & 0o777;
        let what = format!("{} ({mode:04o}, {})", p.display(), owner_text(&md));
        if mode & 0o002 != 0 {
            checks.push(fail(name, tf(l, Msg::DoctorFileWorldWritable, &[&what])));
        } else if let Some((true, dir_gid)) = shared {
            if mode & 0o060 != 0o060 {
                checks.push(fail(name, tf(l, Msg::DoctorFileNotGroupRw, &[&what])));
            } else if md.gid() != dir_gid {
                let group = group_name(dir_gid).unwrap_or_else(|| dir_gid.to_string());
                checks.push(fail(
                    name,
                    tf(l, Msg::DoctorFileOtherGroup, &[&what, &group]),
                ));
            } else {
                checks.push(ok(name, what));
            }
        } else if mode & 0o004 != 0 && others_enter {
            checks.push(warn(name, tf(l, Msg::DoctorFileWorldReadable, &[&what])));
        } else {
            checks.push(ok(name, what));
        }
    }
}

/// A database error in the user's language.
fn store_why(e: crate::store::StoreError, l: Lang) -> String {
    e.message(l)
}

/// The checks on the database's content.
fn database_checks(db: &Path, l: Lang, checks: &mut Vec<Check>) {
    let file = match Inspection::open(db) {
        Ok(f) => f,
        Err(e) => {
            checks.push(fail(
                "open",
                format!("{}: {}", db.display(), store_why(e, l)),
            ));
            return;
        }
    };
    match file.journal_mode() {
        Ok(m) if m.eq_ignore_ascii_case("wal") => checks.push(ok("journal mode", "wal")),
        Ok(m) => checks.push(fail("journal mode", tf(l, Msg::DoctorJournalNotWal, &[&m]))),
        Err(e) => {
            checks.push(fail("journal mode", store_why(e, l)));
            return;
        }
    }
    match file.schema_version() {
        Ok(v) if v == schema::SCHEMA_VERSION => checks.push(ok(
            "schema",
            tf(l, Msg::DoctorSchemaVersion, &[&v.to_string()]),
        )),
        Ok(v) if v < schema::SCHEMA_VERSION => checks.push(warn(
            "schema",
            tf(
                l,
                Msg::DoctorSchemaOlder,
                &[&v.to_string(), &schema::SCHEMA_VERSION.to_string()],
            ),
        )),
        Ok(v) => checks.push(fail(
            "schema",
            tf(
                l,
                Msg::DoctorSchemaNewer,
                &[&v.to_string(), &schema::SCHEMA_VERSION.to_string()],
            ),
        )),
        Err(e) => checks.push(fail("schema", store_why(e, l))),
    }
    match file.quick_check() {
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
        Err(e) => checks.push(fail("integrity", store_why(e, l))),
    }
    match file.audit_verify() {
        Ok(v) if v.problems.is_empty() => checks.push(ok(
            "audit chain",
            tf(
                l,
                Msg::DoctorAuditEntries,
                &[&v.entries.to_string(), &v.head.to_string()],
            ),
        )),
        Ok(v) => checks.push(fail(
            "audit chain",
            tf(
                l,
                Msg::DoctorAuditProblems,
                &[
                    &v.problems.len().to_string(),
                    &v.problems
                        .iter()
                        .map(|p| p.message(l))
                        .collect::<Vec<_>>()
                        .join("; "),
                ],
            ),
        )),
        Err(e) => checks.push(fail("audit chain", e.message(l))),
    }
    match file.verify_approved_heads() {
        Ok(p) if p.is_empty() => checks.push(ok(
            "approved minutes",
            tf(
                l,
                Msg::DoctorApprovedHeads,
                &[&file.approved_heads().unwrap_or(0).to_string()],
            ),
        )),
        Ok(p) => checks.push(fail(
            "approved minutes",
            p.iter()
                .map(|p| p.message(l))
                .collect::<Vec<_>>()
                .join("; "),
        )),
        Err(e) => checks.push(fail("approved minutes", e.message(l))),
    }
    // The triggers that freeze approved minutes and keep the audit trail append-only:
    // dropped or altered behind shura's back, nothing else would notice.
    if file.schema_version().ok() == Some(schema::SCHEMA_VERSION) {
        use crate::store::check::TriggerProblem;
        match file.trigger_problems() {
            Ok((n, p)) if p.is_empty() => checks.push(ok(
                "triggers",
                tf(l, Msg::DoctorTriggersInPlace, &[&n.to_string()]),
            )),
            Ok((_, p)) => checks.push(fail(
                "triggers",
                p.iter()
                    .map(|p| match p {
                        TriggerProblem::Missing(name) => tf(l, Msg::DoctorTriggerMissing, &[name]),
                        TriggerProblem::Altered(name) => tf(l, Msg::DoctorTriggerAltered, &[name]),
                    })
                    .collect::<Vec<_>>()
                    .join("; "),
            )),
            Err(e) => checks.push(fail("triggers", e.message(l))),
        }
    }
}

/// `shura doctor`: one line per check; exit 0 when all are ok, 1 otherwise.
/// The text output is in the user's language; `--json` stays in English (its keys and
/// values are for programs).
pub fn doctor(db: &Path, a: &JsonFlag, prefs: Prefs) -> CliResult {
    let l = if a.json { Lang::En } else { prefs.lang };
    let mut checks = Vec::new();
    if !db.exists() {
        checks.push(fail(
            "database file",
            tf(l, Msg::DoctorNoDatabase, &[&db.display().to_string()]),
        ));
    } else {
        // The content first: opening makes the -wal and -shm files whose modes follow.
        let mut content = Vec::new();
        database_checks(db, l, &mut content);
        file_checks(db, l, &mut checks);
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
        let width = |s: &str| s.chars().count();
        // Columns as wide as their widest entry, at least as in English (4 and 16).
        let status_w = checks
            .iter()
            .map(|c| width(status_label(c.status, l)))
            .fold(4, usize::max);
        let check_w = checks
            .iter()
            .map(|c| width(check_label(c.check, l)))
            .fold(16, usize::max);
        for c in &checks {
            let (status, check) = (status_label(c.status, l), check_label(c.check, l));
            let line = format!(
                "{status}{}  {check}{}  {}",
                " ".repeat(status_w.saturating_sub(width(status))),
                " ".repeat(check_w.saturating_sub(width(check))),
                c.detail
            );
            writeln!(out, "{}", display_line(&line, prefs))?;
        }
    }
    if bad == 0 {
        Ok(())
    } else {
        Err(CliError::failure(tf(
            prefs.lang,
            Msg::DoctorChecksFailed,
            &[&bad.to_string(), &db.display().to_string()],
        )))
    }
}

/// A check's status as the text output shows it.
fn status_label(status: &str, l: Lang) -> &'static str {
    match status {
        "ok" => t(l, Msg::DoctorOk),
        "warn" => t(l, Msg::DoctorWarn),
        _ => t(l, Msg::DoctorFail),
    }
}

/// A check's name as the text output shows it (the JSON keeps the English key).
fn check_label(check: &'static str, l: Lang) -> &'static str {
    let msg = match check {
        "directory" => Msg::DoctorCheckDirectory,
        "file system" => Msg::DoctorCheckFileSystem,
        "database file" => Msg::DoctorCheckDatabaseFile,
        "wal file" => Msg::DoctorCheckWalFile,
        "shm file" => Msg::DoctorCheckShmFile,
        "open" => Msg::DoctorCheckOpen,
        "journal mode" => Msg::DoctorCheckJournal,
        "schema" => Msg::DoctorCheckSchema,
        "integrity" => Msg::DoctorCheckIntegrity,
        "audit chain" => Msg::DoctorCheckAudit,
        "approved minutes" => Msg::DoctorCheckApproved,
        "triggers" => Msg::DoctorCheckTriggers,
        _ => return check,
    };
    t(l, msg)
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
    fn network_and_cluster_magic_numbers_are_refused_and_local_ones_not() {
        for (magic, name) in [
            (0x6969, "NFS"),
            (0x517B, "SMB"),
            (0xFF53_4D42, "CIFS/SMB"),
            (0xFE53_4D42, "SMB2/3"),
            (0x5346_414F, "AFS"),
            (0x7375_7245, "Coda"),
            (0x0102_1997, "9p"),
            (0x00C3_6400, "Ceph"),
            (0x0BD0_0BD0, "Lustre"),
            (0x0116_1970, "GFS2"),
            (0x7461_636F, "OCFS2"),
        ] {
            assert_eq!(network_fs_magic(magic), Some(name), "{magic:#x}");
        }
        // A sign-extended f_type (32-bit platforms) is the same file system.
        assert_eq!(network_fs_magic(0xFFFF_FFFF_FF53_4D42), Some("CIFS/SMB"));
        // ext4, xfs, btrfs, tmpfs, overlayfs: local. FUSE by its magic alone: local
        // (sshfs and other network FUSE file systems are told by their mount type).
        for local in [
            0xEF53,
            0x5846_5342,
            0x9123_683E,
            0x0102_1994,
            0x794C_7630,
            0x6573_5546,
        ] {
            assert_eq!(network_fs_magic(local), None, "{local:#x}");
        }
    }

    #[test]
    fn the_refusal_names_the_directory_and_the_file_system() {
        let dir = Path::new("/srv/council share");
        let en = network_refusal(dir, "NFS", Lang::En);
        assert!(
            en.starts_with("/srv/council share is on a network file system (NFS)"),
            "{en}"
        );
        let fa = network_refusal(dir, "CIFS/SMB", Lang::Fa);
        assert!(
            fa.contains("/srv/council share") && fa.contains("(CIFS/SMB)"),
            "{fa}"
        );
        assert!(fa.contains("سیستم فایل شبکه‌ای"), "{fa}");
    }

    #[test]
    fn every_doctor_check_has_a_label_in_both_languages() {
        for c in [
            "directory",
            "file system",
            "database file",
            "wal file",
            "shm file",
            "open",
            "journal mode",
            "schema",
            "integrity",
            "audit chain",
            "approved minutes",
        ] {
            assert_eq!(check_label(c, Lang::En), c);
            assert_ne!(check_label(c, Lang::Fa), c, "{c}");
        }
    }

    #[test]
    fn mount_types_come_from_the_longest_mount_point() {
        // The root file system is always mounted; whatever it is, it is named.
        assert!(mount_type(Path::new("/")).is_some());
        assert!(NETWORK_TYPES.contains(&"fuse.sshfs") && NETWORK_TYPES.contains(&"nfs4"));
    }
}
