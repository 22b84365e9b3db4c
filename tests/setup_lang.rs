//! `shura init --shared` and `shura doctor` speak the user's language (from `LANG`, as
//! every command); `doctor --json` stays language-neutral.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use assert_cmd::Command;
use serde_json::Value;
use std::path::Path;
use tempfile::TempDir;

fn shura(home: &Path, lang: &str) -> Command {
    let mut c = Command::cargo_bin("shura").expect("the shura binary");
    c.env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("SHURA_TODAY", "2026-11-22")
        .env("SHURA_CONFIG", "/nonexistent")
        .env("LANG", lang)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("SHURA_STATE_DIR", home.join("state"));
    c
}

/// The running user's primary group (any user may hand a directory to it).
fn my_group() -> String {
    // SAFETY: getgid has no preconditions.
    let gid = unsafe { libc::getgid() };
    shura::identity::group_name(gid).expect("the primary group has a name")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn shared(dir: &TempDir) -> std::path::PathBuf {
    let shared = dir.path().join("srv/council");
    let out = shura(dir.path(), "fa_IR.UTF-8")
        .args([
            "init",
            "--shared",
            shared.to_str().unwrap(),
            "--group",
            &my_group(),
        ])
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(stdout.contains("مشترک شد"), "{stdout}");
    assert!(stdout.contains(shared.to_str().unwrap()), "{stdout}");
    assert!(!stdout.contains("is shared with group"), "{stdout}");
    shared.join("shura.db")
}

#[test]
fn init_shared_and_doctor_in_persian() {
    let dir = tempfile::tempdir().unwrap();
    let db = shared(&dir);
    let out = shura(dir.path(), "fa_IR.UTF-8")
        .env("SHURA_DB", &db)
        .arg("doctor")
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    for fa in [
        "درست",
        "طرح‌واره",
        "زنجیره ممیزی",
        "میان اعضای گروهش مشترک است",
    ] {
        assert!(stdout.contains(fa), "{fa}: {stdout}");
    }
    assert!(!stdout.contains("audit chain"), "{stdout}");
}

#[test]
fn doctor_json_stays_language_neutral_in_persian() {
    let dir = tempfile::tempdir().unwrap();
    let db = shared(&dir);
    let out = shura(dir.path(), "fa_IR.UTF-8")
        .env("SHURA_DB", &db)
        .args(["doctor", "--json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["ok"], true);
    let checks = v["checks"].as_array().unwrap();
    let schema = checks.iter().find(|c| c["check"] == "schema").unwrap();
    assert_eq!(schema["status"], "ok");
    assert!(schema["detail"].as_str().unwrap().starts_with("version "));
}

#[test]
fn errors_of_init_shared_are_in_persian_and_name_the_value() {
    let dir = tempfile::tempdir().unwrap();
    let out = shura(dir.path(), "fa_IR.UTF-8")
        .args(["init", "--shared", "/tmp/x", "--group", "no-such-group-xyz"])
        .output()
        .unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("no-such-group-xyz") && stderr.contains("گروه"),
        "{stderr}"
    );
    // And in English with an English locale.
    let out = shura(dir.path(), "C")
        .args(["init", "--shared", "/tmp/x", "--group", "no-such-group-xyz"])
        .output()
        .unwrap();
    assert!(text(&out.stderr).contains("does not exist on this machine"));
}

#[test]
fn doctor_on_a_missing_database_says_so_in_persian() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nothing.db");
    let out = shura(dir.path(), "fa_IR.UTF-8")
        .env("SHURA_DB", &missing)
        .arg("doctor")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("وجود ندارد") && stdout.contains("nothing.db"),
        "{stdout}"
    );
    assert!(
        text(&out.stderr).contains("موفق نبود"),
        "{}",
        text(&out.stderr)
    );
}
