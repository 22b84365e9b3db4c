//! Drafts: when the terminal or SSH link dies (SIGHUP, SIGTERM) with a form or the
//! minutes editor open, what was typed is saved in the state directory; the next start
//! offers it back.

use serde::{Deserialize, Serialize};

use crate::app::form::{Editor, Form};
use crate::app::state::{App, Modal};

#[derive(Debug, Serialize, Deserialize)]
pub enum Draft {
    Form(Form),
    Editor(Editor),
}

/// The latest form or editor contents, kept after every key so a signal handler on
/// another thread can save it even while the main thread is blocked.
static LATEST: std::sync::Mutex<Option<Draft>> = std::sync::Mutex::new(None);

/// Remembers what is being typed now (called after each event).
pub fn remember(app: &App) {
    let draft = match &app.modal {
        Some(Modal::Form(f)) => Some(Draft::Form(f.clone())),
        Some(Modal::Editor(e)) => Some(Draft::Editor(e.clone())),
        _ => None,
    };
    if let Ok(mut latest) = LATEST.lock() {
        *latest = draft;
    }
}

/// Writes the remembered draft, if any (from the signal thread).
pub fn save_remembered() -> Option<std::path::PathBuf> {
    let draft = LATEST.lock().ok()?.take()?;
    write(&draft)
}

fn dir() -> std::path::PathBuf {
    crate::config::state_dir().join("drafts")
}

/// Saves the open form or editor, if any. Returns the file written.
pub fn save(app: &App) -> Option<std::path::PathBuf> {
    let draft = match &app.modal {
        Some(Modal::Form(f)) => Draft::Form(f.clone()),
        Some(Modal::Editor(e)) => Draft::Editor(e.clone()),
        _ => return None,
    };
    write(&draft)
}

fn write(draft: &Draft) -> Option<std::path::PathBuf> {
    let dir = dir();
    std::fs::create_dir_all(&dir).ok()?;
    static COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let path = dir.join(format!(
        "{}-{}-{n}.json",
        chrono::Utc::now().format("%Y%m%dT%H%M%S"),
        std::process::id()
    ));
    let text = serde_json::to_string_pretty(&draft).ok()?;
    std::fs::write(&path, text).ok()?;
    Some(path)
}

/// Writes the minutes closed without saving (Esc) so the next start offers them back.
pub fn save_minutes_drafts(app: &App) {
    for (item_id, (text, version)) in &app.minutes_drafts {
        let title = app
            .session
            .as_ref()
            .and_then(|v| v.record.agenda.iter().find(|a| a.item.id == *item_id))
            .map(|a| a.item.title.clone())
            .unwrap_or_default();
        write(&Draft::Editor(Editor::new(
            &title, *item_id, *version, text,
        )));
    }
}

/// Opens the newest saved draft (and removes its file): the user finds the form or
/// editor as it was, and saves or discards it.
pub fn offer(app: &mut App) {
    let Ok(entries) = std::fs::read_dir(dir()) else {
        return;
    };
    let mut files: Vec<std::path::PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let Some(newest) = files.pop() else {
        return;
    };
    let Ok(text) = std::fs::read_to_string(&newest) else {
        return;
    };
    let Ok(draft) = serde_json::from_str::<Draft>(&text) else {
        return;
    };
    let _ = std::fs::remove_file(&newest);
    app.modal = Some(match draft {
        Draft::Form(f) => Modal::Form(f),
        Draft::Editor(e) => Modal::Editor(e),
    });
    app.status = Some(crate::app::state::Status {
        text: crate::locale::strings::t(app.lang(), crate::locale::strings::Msg::DraftRestored)
            .to_string(),
        error: false,
    });
}
