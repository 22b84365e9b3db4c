//! The layers `lib.rs` and ARCHITECTURE.md state are true of the source: no module uses
//! one above it, no SQL outside `store/`, no terminal outside `tui/`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a test may stop at the first failure

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What each top-level module may use (itself always).
fn allowed() -> BTreeMap<&'static str, &'static [&'static str]> {
    BTreeMap::from([
        ("locale", &[][..]),
        ("identity", &[][..]),
        ("model", &["locale"][..]),
        // The front ends' settings (language, calendar, theme, keys, start view): checked
        // against the TUI's keymap and screens, read by the TUI and the CLI.
        ("config", &["app", "locale", "model"][..]),
        ("store", &["model", "locale", "identity"][..]),
        ("ops", &["store", "model", "locale", "identity"][..]),
        ("demo", &["ops", "store", "model", "locale", "identity"][..]),
        ("app", &["ops", "store", "model", "locale", "identity"][..]),
        (
            "tui",
            &[
                "app", "ops", "store", "model", "locale", "identity", "config",
            ][..],
        ),
        (
            "cli",
            &[
                "ops", "demo", "store", "model", "locale", "identity", "config",
            ][..],
        ),
    ])
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The top-level module a source file belongs to.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).unwrap();
    let first = rel
        .components()
        .next()?
        .as_os_str()
        .to_string_lossy()
        .to_string();
    let m = first.trim_end_matches(".rs").to_string();
    (m != "lib" && m != "main").then_some(m)
}

/// The code of a file without its `#[cfg(test)]` module (tests may reach anywhere).
fn code_of(text: &str) -> &str {
    match text.find("#[cfg(test)]") {
        Some(i) => &text[..i],
        None => text,
    }
}

fn all_files() -> Vec<(PathBuf, String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    files
        .into_iter()
        .filter_map(|f| {
            let m = module_of(&src, &f)?;
            let text = std::fs::read_to_string(&f).unwrap();
            Some((f, m, text))
        })
        .collect()
}

#[test]
fn no_module_uses_one_above_it() {
    let allowed = allowed();
    let mut problems = Vec::new();
    for (file, module, text) in all_files() {
        let may = allowed.get(module.as_str()).unwrap_or_else(|| {
            panic!(
                "{}: module {module} is not in the layer table",
                file.display()
            )
        });
        for (n, line) in code_of(&text).lines().enumerate() {
            let line = line.trim_start();
            if line.starts_with("//") {
                continue;
            }
            let mut rest = line;
            while let Some(i) = rest.find("crate::") {
                let used: String = rest[i + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if used != module && !may.contains(&used.as_str()) {
                    problems.push(format!(
                        "{}:{}: {module} uses {used}",
                        file.display(),
                        n + 1
                    ));
                }
                rest = &rest[i + 7..];
            }
        }
    }
    assert!(
        problems.is_empty(),
        "layers broken:\n{}",
        problems.join("\n")
    );
}

#[test]
fn sql_lives_in_the_store_and_the_terminal_in_the_tui() {
    let mut problems = Vec::new();
    for (file, module, text) in all_files() {
        let code = code_of(&text);
        if module != "store" && code.contains("rusqlite") {
            problems.push(format!("{}: uses rusqlite outside store/", file.display()));
        }
        if module != "tui" && (code.contains("crossterm") || code.contains("ratatui::")) {
            problems.push(format!(
                "{}: uses the terminal outside tui/",
                file.display()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
