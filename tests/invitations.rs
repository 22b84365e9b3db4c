//! Invitations and mail, on the built binary: `session invite` writes one md, html or
//! ics file per member in office and per guest (ICS parsed back by the `icalendar`
//! crate's parser, HTML by `scraper`), in the invitee's language and calendar; `--mail`
//! hands each message to a stand-in `sendmail` (`SHURA_SENDMAIL`) that records its argv
//! and stdin, parsed back by `mailparse`; no sendmail is a clear refusal; `report
//! overdue --by-assignee --mail` sends one digest per assignee.
//!
//! Every run gets its own temporary database, `SHURA_TODAY=2026-11-22` (1405/09/01),
//! `SHURA_CONFIG=/nonexistent` and `LANG=C`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

mod common;

const TODAY: &str = "2026-11-22";

struct Shura {
    _dir: TempDir,
    db: PathBuf,
    root: PathBuf,
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

impl Shura {
    fn new() -> Shura {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().to_path_buf();
        let db = root.join("council.db");
        Shura {
            _dir: dir,
            db,
            root,
        }
    }

    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("shura").expect("the shura binary");
        let home = &self.root;
        c.env("SHURA_DB", &self.db)
            .env("SHURA_TODAY", TODAY)
            .env("SHURA_CONFIG", "/nonexistent")
            .env("SHURA_STATE_DIR", home.join("state"))
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("SHURA_SENDMAIL")
            .env_remove("SHURA_MAIL_FROM")
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_STATE_HOME", home.join("state"))
            .timeout(Duration::from_secs(120));
        c
    }

    fn run_with(&self, mut c: Command, args: &[&str]) -> Run {
        let out = c.args(args).output().expect("run shura");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8_lossy(&out.stderr).to_string(),
        }
    }

    fn run(&self, args: &[&str]) -> Run {
        self.run_with(self.cmd(), args)
    }

    fn ok(&self, args: &[&str]) -> String {
        let r = self.run(args);
        assert_eq!(r.code, 0, "shura {args:?} failed: {}", r.stderr);
        r.stdout
    }

    /// A directory under the test's root, created.
    fn dir(&self, name: &str) -> PathBuf {
        let d = self.root.join(name);
        std::fs::create_dir_all(&d).unwrap();
        d
    }

    /// A stand-in sendmail that records each call: N.argv (one argument a line) and
    /// N.eml (what it read on stdin) in `spool`.
    fn stand_in_sendmail(&self, spool: &Path) -> PathBuf {
        let script = self.root.join("sendmail");
        std::fs::write(
            &script,
            format!(
                "#!/bin/sh\nf=$(mktemp \"{0}/mail-XXXXXX\")\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$f.argv\"\ncat > \"$f.eml\"\nrm -f \"$f\"\n",
                spool.display()
            ),
        )
        .unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        script
    }
}

/// The fixture: body 1 "Planning Council"; session 1 on 2026-12-10 (1405/09/19)
/// 17:00–19:00 in "City Hall, room 2" with two agenda items (one holding an escape
/// sequence); members Ali Karimi (chair, English name, email), زهرا احمدی (Persian
/// name only, email), Reza Moradi (non-voting, no email), Old Member (term ended
/// before the session: not invited); guests Dr. Nasrin Kamali (no email) and Mina
/// Tehrani (mina@example.org).
fn fixture() -> Shura {
    let s = Shura::new();
    s.ok(&["body", "add", "Planning Council", "--kind", "council"]);
    s.ok(&[
        "person",
        "add",
        "--name-en",
        "Ali Karimi",
        "--email",
        "ali@example.org",
    ]);
    s.ok(&[
        "person",
        "add",
        "--name-fa",
        "زهرا احمدی",
        "--email",
        "zahra@example.org",
    ]);
    s.ok(&[
        "member",
        "add",
        "--body",
        "1",
        "--person",
        "Ali Karimi",
        "--role",
        "chair",
    ]);
    s.ok(&["member", "add", "--body", "1", "--person", "زهرا احمدی"]);
    s.ok(&[
        "member",
        "add",
        "--body",
        "1",
        "--name",
        "Reza Moradi",
        "--non-voting",
    ]);
    s.ok(&[
        "member",
        "add",
        "--body",
        "1",
        "--name",
        "Old Member",
        "--from",
        "2025-01-01",
        "--to",
        "2026-06-30",
    ]);
    s.ok(&[
        "session",
        "add",
        "--body",
        "1",
        "--date",
        "2026-12-10",
        "--time",
        "17:00",
        "--end",
        "19:00",
        "--place",
        "City Hall, room 2",
        "--empty-agenda",
    ]);
    s.ok(&["agenda", "add", "--session", "1", "Budget of 1406"]);
    s.ok(&["agenda", "add", "--session", "1", "Bus lanes on Vali-Asr"]);
    s.ok(&[
        "guest",
        "add",
        "--session",
        "1",
        "Dr. Nasrin Kamali",
        "--organization",
        "Transport Office",
    ]);
    s.ok(&[
        "guest",
        "add",
        "--session",
        "1",
        "Mina Tehrani",
        "--email",
        "mina@example.org",
    ]);
    // Stored text with an escape sequence and a bell, put in behind shura's back (the
    // commands refuse or clean such input): it must not reach a file raw.
    let conn = rusqlite::Connection::open(&s.db).unwrap();
    let changed = conn
        .execute(
            "UPDATE agenda_item SET title = 'Bus lanes \u{1b}[2J\u{7}on Vali-Asr' WHERE title = 'Bus lanes on Vali-Asr'",
            [],
        )
        .unwrap();
    assert_eq!(changed, 1);
    s
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap_or_else(|e| panic!("read {}: {e}", p.display()))
}

fn no_raw_controls(what: &str, doc: &str) {
    for bad in ['\u{1b}', '\u{7}', '\u{9b}'] {
        assert!(!doc.contains(bad), "{what} holds {bad:?}: {doc:?}");
    }
}

#[test]
fn markdown_invitations_one_per_member_in_office_and_guest() {
    let s = fixture();
    let dir = s.dir("md");
    let out = s.ok(&["session", "invite", "1", "-o", dir.to_str().unwrap()]);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "invite-1-guest-1.md",
            "invite-1-guest-2.md",
            "invite-1-person-1.md",
            "invite-1-person-2.md",
            "invite-1-person-3.md",
        ],
        "{out}"
    );
    assert!(out.contains("invite-1-person-1.md"), "{out}");
    let ali = read(&dir.join("invite-1-person-1.md"));
    assert!(ali.contains("Dear Ali Karimi,"), "{ali}");
    assert!(ali.contains("Planning Council"), "{ali}");
    assert!(ali.contains("session 1"), "{ali}");
    assert!(ali.contains("City Hall, room 2"), "{ali}");
    assert!(ali.contains("17:00–19:00"), "{ali}");
    assert!(
        ali.contains("Date: 2026-12-10"),
        "a Gregorian date for an English name: {ali}"
    );
    assert!(ali.contains("«1» Budget of 1406"), "{ali}");
    assert!(ali.contains("«2» Bus lanes"), "{ali}");
    no_raw_controls("the markdown invitation", &ali);
    // The Persian-named member reads Persian and the Jalali calendar.
    let zahra = read(&dir.join("invite-1-person-2.md"));
    assert!(zahra.contains("زهرا احمدی گرامی"), "{zahra}");
    assert!(zahra.contains("دعوتنامه"), "{zahra}");
    assert!(
        zahra.contains("تاریخ: ۱۴۰۵/۰۹/۱۹"),
        "a Jalali date in Persian digits: {zahra}"
    );
    assert!(zahra.contains("۱۷:۰۰"), "{zahra}");
    assert!(!zahra.contains("Dear"), "{zahra}");
    let guest = read(&dir.join("invite-1-guest-1.md"));
    assert!(guest.contains("Dr. Nasrin Kamali"), "{guest}");
    // --json lists what was written.
    let dir2 = s.dir("md-json");
    let v: Value = serde_json::from_str(&s.ok(&[
        "session",
        "invite",
        "1",
        "-o",
        dir2.to_str().unwrap(),
        "--json",
    ]))
    .unwrap();
    let written = v["written"].as_array().unwrap();
    assert_eq!(written.len(), 5);
    assert_eq!(written[1]["invitee"]["lang"], "fa");
    // The command's own lines in Persian.
    let dir3 = s.dir("md-fa");
    let out = s.ok(&[
        "--lang",
        "fa",
        "session",
        "invite",
        "1",
        "-o",
        dir3.to_str().unwrap(),
    ]);
    assert!(out.contains("دعوتنامهٔ زهرا احمدی در"), "{out}");
    assert!(!out.contains("written"), "{out}");
    assert!(written[0]["file"]
        .as_str()
        .unwrap()
        .ends_with("invite-1-person-1.md"));
}

#[test]
fn html_invitations_parse_and_escape() {
    let s = fixture();
    let dir = s.dir("html");
    s.ok(&[
        "session",
        "invite",
        "1",
        "--format",
        "html",
        "-o",
        dir.to_str().unwrap(),
    ]);
    let zahra = read(&dir.join("invite-1-person-2.html"));
    no_raw_controls("the html invitation", &zahra);
    let doc = scraper::Html::parse_document(&zahra);
    let html = scraper::Selector::parse("html").unwrap();
    let root = doc.select(&html).next().unwrap();
    assert_eq!(root.value().attr("dir"), Some("rtl"));
    assert_eq!(root.value().attr("lang"), Some("fa"));
    let li = scraper::Selector::parse("ul.agenda li").unwrap();
    let items: Vec<String> = doc
        .select(&li)
        .map(|e| e.text().collect::<String>())
        .collect();
    assert_eq!(items.len(), 2, "{zahra}");
    assert!(items[0].contains("Budget of 1406"));
    let ali = read(&dir.join("invite-1-person-1.html"));
    let doc = scraper::Html::parse_document(&ali);
    let root = doc.select(&html).next().unwrap();
    assert_eq!(root.value().attr("dir"), Some("ltr"));
    let h1 = scraper::Selector::parse("h1").unwrap();
    let title: String = doc.select(&h1).next().unwrap().text().collect();
    assert_eq!(title, "Invitation — Planning Council");
}

fn prop(c: &icalendar::parser::Component, name: &str) -> Option<String> {
    c.properties
        .iter()
        .find(|p| p.name.as_str() == name)
        .map(|p| p.val.as_str().to_string())
}

fn param(c: &icalendar::parser::Component, name: &str, key: &str) -> Option<String> {
    let p = c.properties.iter().find(|p| p.name.as_str() == name)?;
    p.params
        .iter()
        .find(|q| q.key.as_str() == key)
        .and_then(|q| q.val.as_ref().map(|v| v.as_str().to_string()))
}

#[test]
fn ics_invitations_parse_back_as_requests() {
    let s = fixture();
    let dir = s.dir("ics");
    s.ok(&[
        "session",
        "invite",
        "1",
        "--format",
        "ics",
        "-o",
        dir.to_str().unwrap(),
    ]);
    let doc = read(&dir.join("invite-1-person-1.ics"));
    no_raw_controls("the ics invitation", &doc);
    let unfolded = icalendar::parser::unfold(&doc);
    let cal = icalendar::parser::read_calendar(&unfolded).expect("valid iCalendar");
    let method = cal
        .properties
        .iter()
        .find(|p| p.name.as_str() == "METHOD")
        .map(|p| p.val.as_str().to_string());
    assert_eq!(method.as_deref(), Some("REQUEST"));
    let events: Vec<_> = cal
        .components
        .iter()
        .filter(|c| c.name.as_str() == "VEVENT")
        .collect();
    assert_eq!(events.len(), 1);
    let e = events[0];
    assert_eq!(prop(e, "DTSTART").as_deref(), Some("20261210T170000"));
    assert_eq!(prop(e, "DURATION").as_deref(), Some("PT2H"));
    assert_eq!(
        prop(e, "ATTENDEE").as_deref(),
        Some("mailto:ali@example.org")
    );
    assert_eq!(param(e, "ATTENDEE", "CN").as_deref(), Some("Ali Karimi"));
    assert_eq!(
        param(e, "ATTENDEE", "ROLE").as_deref(),
        Some("REQ-PARTICIPANT")
    );
    assert!(prop(e, "ORGANIZER").is_some());
    assert_eq!(prop(e, "LOCATION").as_deref(), Some("City Hall, room 2"));
    let uid = prop(e, "UID").unwrap();
    assert!(uid.starts_with("session-1-person-1@"), "{uid}");
    let description = prop(e, "DESCRIPTION").unwrap();
    assert!(description.contains("Budget of 1406"), "{description}");
    // The UID is stable: the same invitee gets the same UID again.
    let dir2 = s.dir("ics2");
    s.ok(&[
        "session",
        "invite",
        "1",
        "--format",
        "ics",
        "-o",
        dir2.to_str().unwrap(),
    ]);
    let again = read(&dir2.join("invite-1-person-1.ics"));
    let again = icalendar::parser::unfold(&again);
    let again = icalendar::parser::read_calendar(&again).unwrap();
    let again_event = again
        .components
        .iter()
        .find(|c| c.name.as_str() == "VEVENT")
        .unwrap();
    assert_eq!(prop(again_event, "UID").unwrap(), uid);
    // A non-voting member without a mail address: an event with no attendee.
    let reza = read(&dir.join("invite-1-person-3.ics"));
    let reza = icalendar::parser::unfold(&reza);
    let reza = icalendar::parser::read_calendar(&reza).unwrap();
    let reza_event = reza
        .components
        .iter()
        .find(|c| c.name.as_str() == "VEVENT")
        .unwrap();
    assert_eq!(prop(reza_event, "ATTENDEE"), None);
}

/// The recorded mails: (argv, parsed message source) sorted by recipient.
fn spooled(spool: &Path) -> Vec<(Vec<String>, Vec<u8>)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(spool).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "argv") {
            let argv = read(&p).lines().map(str::to_string).collect();
            let eml = std::fs::read(p.with_extension("eml")).unwrap();
            out.push((argv, eml));
        }
    }
    out.sort_by(|a: &(Vec<String>, Vec<u8>), b| a.0.last().cmp(&b.0.last()));
    out
}

/// The text of every text/plain part.
fn plain_text(m: &mailparse::ParsedMail) -> String {
    if m.subparts.is_empty() {
        if m.ctype.mimetype == "text/plain" {
            return m.get_body().unwrap();
        }
        return String::new();
    }
    m.subparts.iter().map(plain_text).collect()
}

fn part_of_type<'a>(
    m: &'a mailparse::ParsedMail<'a>,
    mime: &str,
) -> Option<&'a mailparse::ParsedMail<'a>> {
    if m.ctype.mimetype == mime {
        return Some(m);
    }
    m.subparts.iter().find_map(|p| part_of_type(p, mime))
}

#[test]
fn mail_goes_to_sendmail_and_who_has_no_address_is_named() {
    use mailparse::MailHeaderMap;
    let s = fixture();
    let spool = s.dir("spool");
    let script = s.stand_in_sendmail(&spool);
    let mut c = s.cmd();
    c.env("SHURA_SENDMAIL", &script)
        .env("SHURA_MAIL_FROM", "Secretariat <secretariat@example.org>");
    let r = s.run_with(c, &["session", "invite", "1", "--format", "ics", "--mail"]);
    // Two have no address (a member and the guest): they are named, the command fails.
    assert_eq!(r.code, 1, "{} {}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("Reza Moradi has no mail address"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains("Dr. Nasrin Kamali has no mail address"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("sent to ali@example.org"), "{}", r.stdout);
    assert!(r.stderr.contains("2 of 5 not sent"), "{}", r.stderr);
    assert!(
        r.stdout.contains("sent to mina@example.org"),
        "{}",
        r.stdout
    );
    let mails = spooled(&spool);
    assert_eq!(mails.len(), 3);
    let (argv, eml) = &mails[0];
    assert_eq!(argv.last().map(String::as_str), Some("ali@example.org"));
    assert!(
        argv.contains(&"secretariat@example.org".to_string()),
        "{argv:?}"
    );
    let m = mailparse::parse_mail(eml).unwrap();
    assert_eq!(
        m.headers.get_first_value("Subject").unwrap(),
        "Invitation: Planning Council, session 1, 2026-12-10"
    );
    let text = plain_text(&m);
    assert!(text.contains("Budget of 1406"), "{text}");
    assert!(text.contains("Dear Ali Karimi"), "{text}");
    no_raw_controls("the mail's text", &text);
    let cal = part_of_type(&m, "text/calendar").expect("a text/calendar part");
    assert_eq!(
        cal.ctype.params.get("method").map(String::as_str),
        Some("REQUEST")
    );
    let ics = cal.get_body().unwrap();
    let ics = icalendar::parser::unfold(&ics);
    let parsed = icalendar::parser::read_calendar(&ics).unwrap();
    assert!(parsed
        .components
        .iter()
        .any(|c| c.name.as_str() == "VEVENT"));
    // The Persian member's mail: a Persian subject (RFC 2047 encoded, decoded here).
    // The guest with an address got hers.
    assert_eq!(
        mails[1].0.last().map(String::as_str),
        Some("mina@example.org")
    );
    let (argv, eml) = &mails[2];
    assert_eq!(argv.last().map(String::as_str), Some("zahra@example.org"));
    let m = mailparse::parse_mail(eml).unwrap();
    let subject = m.headers.get_first_value("Subject").unwrap();
    assert!(subject.starts_with("دعوتنامه"), "{subject}");
    assert!(subject.contains("۱۴۰۵"), "{subject}");
    assert!(plain_text(&m).contains("Budget of 1406"));
    // --json lists who got it and who did not.
    let spool2 = s.dir("spool2");
    let script2 = s.stand_in_sendmail(&spool2);
    let mut c = s.cmd();
    c.env("SHURA_SENDMAIL", &script2);
    let r = s.run_with(c, &["session", "invite", "1", "--mail", "--json"]);
    assert_eq!(r.code, 1);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["sent"].as_array().unwrap().len(), 3);
    assert_eq!(v["without_email"].as_array().unwrap().len(), 2);
}

#[test]
fn no_sendmail_is_a_clear_refusal() {
    let s = fixture();
    let mut c = s.cmd();
    c.env("SHURA_SENDMAIL", s.root.join("no-such-sendmail"));
    let r = s.run_with(c, &["session", "invite", "1", "--mail"]);
    assert_ne!(r.code, 0);
    assert!(
        r.stderr.contains("no `sendmail` on this server"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("no-such-sendmail"), "{}", r.stderr);
    // Also with no sendmail anywhere: an empty PATH and the fixed paths absent here.
    if !Path::new("/usr/sbin/sendmail").exists() && !Path::new("/usr/lib/sendmail").exists() {
        let mut c = s.cmd();
        c.env("PATH", s.root.join("empty"));
        let r = s.run_with(c, &["session", "invite", "1", "--mail", "--json"]);
        assert_ne!(r.code, 0);
        let v: Value = serde_json::from_str(r.stderr.trim()).unwrap();
        assert_eq!(v["reason"], "no_sendmail", "{v}");
    }
    // In Persian.
    let mut c = s.cmd();
    c.env("SHURA_SENDMAIL", s.root.join("no-such-sendmail"));
    let r = s.run_with(c, &["--lang", "fa", "session", "invite", "1", "--mail"]);
    assert!(r.stderr.contains("کارساز"), "{}", r.stderr);
}

#[test]
fn a_cancelled_or_closed_session_is_refused() {
    let s = fixture();
    s.ok(&[
        "session",
        "add",
        "--body",
        "1",
        "--date",
        "2026-12-20",
        "--empty-agenda",
    ]);
    s.ok(&["session", "cancel", "2"]);
    let dir = s.dir("cancelled");
    let r = s.run(&["session", "invite", "2", "-o", dir.to_str().unwrap()]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("session 2 is Cancelled"), "{}", r.stderr);
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
    let r = s.run(&["session", "invite", "1", "--format", "pdf"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("pdf"), "{}", r.stderr);
}

#[test]
fn overdue_digest_one_mail_per_assignee() {
    use mailparse::MailHeaderMap;
    let s = fixture();
    for (title, who, due) in [
        ("Repave the ring road", "Ali Karimi", "2026-11-01"),
        ("Count the buses", "Ali Karimi", "2026-11-12"),
        ("Print the maps", "زهرا احمدی", "2026-11-10"),
        ("Not late yet", "زهرا احمدی", "2026-12-30"),
    ] {
        s.ok(&[
            "task",
            "add",
            title,
            "--body",
            "1",
            "--assignee",
            who,
            "--due",
            due,
        ]);
    }
    s.ok(&[
        "task",
        "add",
        "Ask the unit",
        "--body",
        "1",
        "--unit",
        "Roads Department",
        "--due",
        "2026-11-01",
    ]);
    // Written to files, one per assignee.
    let dir = s.dir("digests");
    let out = s.ok(&[
        "report",
        "overdue",
        "--by-assignee",
        "--format",
        "md",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert!(
        out.contains("1 overdue tasks have no person assigned"),
        "{out}"
    );
    let ali = read(&dir.join("overdue-2026-11-22-person-1.md"));
    assert!(ali.contains("Repave the ring road"), "{ali}");
    assert!(ali.contains("Count the buses"), "{ali}");
    assert!(!ali.contains("Print the maps"), "{ali}");
    let zahra = read(&dir.join("overdue-2026-11-22-person-2.md"));
    assert!(zahra.contains("Print the maps"), "{zahra}");
    assert!(!zahra.contains("Not late yet"), "{zahra}");
    assert!(
        zahra.contains("۱۴۰۵/۰۸/۱۹"),
        "the due date in Jalali: {zahra}"
    );
    // Mailed: one message each.
    let spool = s.dir("spool");
    let script = s.stand_in_sendmail(&spool);
    let mut c = s.cmd();
    c.env("SHURA_SENDMAIL", &script);
    let r = s.run_with(c, &["report", "overdue", "--by-assignee", "--mail"]);
    assert_eq!(r.code, 0, "{} {}", r.stdout, r.stderr);
    let mails = spooled(&spool);
    assert_eq!(mails.len(), 2);
    assert_eq!(
        mails[0].0.last().map(String::as_str),
        Some("ali@example.org")
    );
    let m = mailparse::parse_mail(&mails[0].1).unwrap();
    assert!(m
        .headers
        .get_first_value("Subject")
        .unwrap()
        .starts_with("Overdue tasks: 2"));
    let text = plain_text(&m);
    assert!(
        text.contains("Repave the ring road") && text.contains("21 days late"),
        "{text}"
    );
    let m = mailparse::parse_mail(&mails[1].1).unwrap();
    assert!(m
        .headers
        .get_first_value("Subject")
        .unwrap()
        .starts_with("اقدامات معوق"));
    // --mail without --by-assignee is a usage error; --json alone is the whole digest.
    let r = s.run(&["report", "overdue", "--mail"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("--by-assignee"), "{}", r.stderr);
    let v: Value = serde_json::from_str(&s.ok(&["report", "overdue", "--json"])).unwrap();
    assert_eq!(v["total_tasks"], 4);
}

#[test]
fn the_session_screen_writes_the_invitations_to_the_data_directory() {
    use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    let s = fixture();
    // The data directory follows XDG_DATA_HOME (only this test reads it in-process;
    // the others run the binary with their own environment).
    let data = s.dir("xdg-data");
    std::env::set_var("XDG_DATA_HOME", &data);
    let store = shura::store::Store::open(
        &s.db,
        shura::identity::Actor {
            uid: 1000,
            login: "secretary".into(),
        },
    )
    .unwrap();
    let mut app = shura::app::state::App::new(shura::ops::Context {
        store,
        prefs: shura::locale::Prefs {
            lang: shura::locale::Lang::En,
            calendar: shura::locale::Calendar::Gregorian,
            ..shura::locale::Prefs::default()
        },
        today: chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
    });
    app.open_session_screen(1).unwrap();
    shura::tui::handle_key(
        &mut app,
        KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL),
    );
    let notice = match &app.modal {
        Some(shura::app::state::Modal::Notice(n)) => n.clone(),
        other => panic!("expected a notice, found {other:?} ({:?})", app.status),
    };
    let dir = shura::ops::invitations::data_dir().join("session-1");
    assert!(dir.starts_with(&data), "{}", dir.display());
    assert!(notice.contains("5 invitations"), "{notice}");
    assert!(notice.contains(&dir.display().to_string()), "{notice}");
    for ext in ["md", "html", "ics"] {
        let f = dir.join(format!("invite-1-person-2.{ext}"));
        assert!(f.exists(), "{}", f.display());
    }
    assert!(read(&dir.join("invite-1-person-2.md")).contains("زهرا احمدی گرامی"));
    // The notice is on the screen (TestBackend).
    let theme = shura::tui::theme::Theme::monochrome();
    app.resize(40);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(140, 40)).unwrap();
    terminal
        .draw(|f| shura::tui::draw::draw(f, &app, &theme))
        .unwrap();
    let screen = common::buffer_text(terminal.backend().buffer());
    assert!(screen.contains("5 invitations"), "{screen}");
}
