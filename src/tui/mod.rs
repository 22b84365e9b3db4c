//! The interactive screen: terminal set-up and restoration (on quit, error, panic,
//! SIGTERM, SIGHUP), the event loop (redraw on input and on data change only), key
//! handling through the app's keymap, drafts, suspend (Ctrl-Z) and `$EDITOR`.

pub mod drafts;
pub mod draw;
pub mod keys;
pub mod scrolling;
pub mod theme;
pub mod views;

use crate::locale::strings::{t, tf, Msg};
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEvent, KeyEventKind, MouseEventKind,
};
use crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::{cursor, execute};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;
use scrolling::ScrollingBackend;

use crate::app::form::Editor;
use crate::app::keymap::{apply_overrides, Action};
use crate::app::state::{App, Modal};
use crate::config::Config;
use crate::ops::Context;
use theme::Theme;

/// How often the loop wakes, when idle, to look for other users' changes
/// (`PRAGMA data_version`, no query on the data itself). Nothing is drawn unless
/// something changed.
pub const IDLE_CHECK: Duration = Duration::from_millis(1000);

static MOUSE_ON: AtomicBool = AtomicBool::new(false);

/// Puts the terminal back as it was: raw mode off, main screen, cursor shown, paste and
/// mouse reporting off. Safe to call more than once.
pub fn restore_terminal() {
    let mut out = io::stdout();
    let _ = disable_raw_mode();
    if MOUSE_ON.load(Ordering::SeqCst) {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(
        out,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    );
    let _ = out.flush();
}

fn setup_terminal(mouse: bool) -> io::Result<()> {
    enable_raw_mode()?;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, EnableBracketedPaste)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
        MOUSE_ON.store(true, Ordering::SeqCst);
    }
    Ok(())
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        let dir = crate::config::state_dir();
        let log = dir.join("panic.log");
        let _ = std::fs::create_dir_all(&dir);
        let written = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .and_then(|mut f| {
                writeln!(
                    f,
                    "{} shura {} panicked: {info}\n{}",
                    crate::store::now_stamp(),
                    env!("CARGO_PKG_VERSION"),
                    std::backtrace::Backtrace::force_capture()
                )
            })
            .is_ok();
        if written {
            eprintln!(
                "shura stopped on an internal error; the terminal is restored. Details are in {}",
                log.display()
            );
        } else {
            previous(info);
        }
    }));
}

/// Runs the interactive program until the user quits or a signal ends it.
pub fn run(ctx: Context, config: Config) -> io::Result<()> {
    let (theme, theme_problem) = Theme::load(&config.theme);
    let mut app = App::new(ctx);
    if let Err(e) = app.open_home(config.start_view.as_deref()) {
        app.status = Some(crate::app::state::Status {
            text: e,
            error: true,
        });
    }
    let mut problems = apply_overrides(&mut app.bindings, &config.keys);
    app.listings.clear();
    problems.extend(theme_problem);
    if let Some(p) = problems.first() {
        app.status = Some(crate::app::state::Status {
            text: p.clone(),
            error: true,
        });
    }
    drafts::offer(&mut app);

    let term_flag = Arc::new(AtomicBool::new(false));
    watch_signals(Arc::clone(&term_flag))?;
    install_panic_hook();
    setup_terminal(config.mouse)?;
    let result = event_loop(&mut app, &theme, &config, &term_flag);
    if term_flag.load(Ordering::SeqCst) {
        drafts::save(&app);
    }
    drafts::save_minutes_drafts(&app);
    restore_terminal();
    result
}

/// SIGTERM and SIGHUP (the SSH link dropped): save what is being typed, restore the
/// terminal and exit. This runs on its own thread because when the terminal is gone,
/// crossterm's reader can spin without returning to our loop.
fn watch_signals(flag: Arc<AtomicBool>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    let on_signal = Arc::clone(&flag);
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                end_without_terminal(&on_signal, sig);
            }
        })?;
    // A terminal that hangs up without a signal (see `terminal_gone`) ends shura the
    // same way, as a SIGHUP would. Only a terminal on standard input is watched
    // (crossterm reads /dev/tty otherwise).
    if io::IsTerminal::is_terminal(&io::stdin()) {
        std::thread::Builder::new()
            .name("hangup".into())
            .spawn(move || loop {
                std::thread::sleep(IDLE_CHECK);
                if terminal_gone() {
                    end_without_terminal(&flag, signal_hook::consts::SIGHUP);
                }
            })?;
    }
    Ok(())
}

/// The terminal is gone or going (SIGTERM, SIGHUP, a hang-up): save what is being
/// typed, restore the terminal and exit with 128 + the signal's number.
fn end_without_terminal(flag: &AtomicBool, sig: i32) -> ! {
    flag.store(true, Ordering::SeqCst);
    let saved = drafts::save_remembered();
    restore_terminal();
    if let Some(path) = saved {
        eprintln!(
            "shura: your unsaved text is kept in {}; it is offered back at the next start",
            path.display()
        );
    }
    std::process::exit(128 + sig);
}

/// The terminal, through a backend that scrolls a list's rows instead of rewriting them.
fn new_terminal() -> io::Result<Terminal<ScrollingBackend<CrosstermBackend<io::Stdout>>>> {
    Terminal::new(ScrollingBackend::new(CrosstermBackend::new(io::stdout())))
}

/// Whether the terminal on standard input has hung up. Under `su` or `sudo` a terminal
/// emulator or SSH link that goes away may send no SIGHUP to shura, and crossterm's
/// reader then reads end-of-file in a loop that never returns, taking a core.
fn terminal_gone() -> bool {
    use nix::poll::{poll, PollFd, PollFlags, PollTimeout};
    use std::os::fd::AsFd;
    let stdin = io::stdin();
    let mut fds = [PollFd::new(stdin.as_fd(), PollFlags::POLLIN)];
    match poll(&mut fds, PollTimeout::ZERO) {
        Ok(_) => fds[0].revents().is_some_and(|r| {
            r.intersects(PollFlags::POLLHUP | PollFlags::POLLERR | PollFlags::POLLNVAL)
        }),
        Err(_) => false,
    }
}

fn event_loop(app: &mut App, theme: &Theme, config: &Config, stop: &AtomicBool) -> io::Result<()> {
    let mut terminal = new_terminal()?;
    terminal.clear()?;
    let mut dirty = true;
    let mut clicks = views::Clicks::default();
    while !app.quit {
        if stop.load(Ordering::SeqCst) {
            break;
        }
        if dirty {
            app.resize(terminal.size()?.height);
            clicks = views::Clicks::default();
            terminal.draw(|f| draw::draw_with_clicks(f, app, theme, &mut clicks))?;
            dirty = false;
        }
        if !event::poll(IDLE_CHECK)? {
            dirty = app.poll_changes();
            continue;
        }
        match event::read()? {
            Event::Key(key) if key.kind != KeyEventKind::Release => {
                if key_action(app, &key) == Some(Action::Suspend) {
                    suspend(config)?;
                    terminal = new_terminal()?;
                    terminal.clear()?;
                } else if wants_external_editor(app, &key) {
                    external_editor(app, config)?;
                    terminal = new_terminal()?;
                    terminal.clear()?;
                } else {
                    handle_key(app, key);
                    if std::mem::take(&mut app.repaint) {
                        terminal.clear()?;
                    }
                }
                dirty = true;
            }
            Event::Paste(text) => {
                handle_paste(app, &text);
                dirty = true;
            }
            Event::Resize(_, _) => {
                terminal.autoresize()?;
                dirty = true;
            }
            Event::Mouse(m) if config.mouse => {
                match m.kind {
                    MouseEventKind::ScrollUp => app.update(Action::Up),
                    MouseEventKind::ScrollDown => app.update(Action::Down),
                    MouseEventKind::Down(_) => draw::click(app, &clicks, m.column, m.row),
                    _ => {}
                }
                dirty = true;
            }
            _ => {}
        }
        drafts::remember(app);
    }
    Ok(())
}

/// Ctrl-Z: give the terminal back, stop, and take it again when resumed.
fn suspend(config: &Config) -> io::Result<()> {
    restore_terminal();
    // SIGTSTP's default action stops us; the shell's `fg` continues here.
    nix::sys::signal::raise(nix::sys::signal::Signal::SIGTSTP).map_err(io::Error::from)?;
    setup_terminal(config.mouse)
}

/// The action of a key where the user is; none for a character typed into a text
/// field (it is text, even if a binding uses it elsewhere).
fn key_action(app: &App, key: &KeyEvent) -> Option<Action> {
    if keys::text_char(key).is_some() && app.typing() {
        return None;
    }
    app.action_for_key(&keys::key_name(key))
}

fn wants_external_editor(app: &App, key: &KeyEvent) -> bool {
    match (key_action(app, key), &app.modal) {
        (Some(Action::ContinueInEditor), Some(Modal::Editor(_))) => true,
        // A form only after a conflict: both versions merged in the editor.
        (Some(Action::MergeInEditor), Some(Modal::Form(form))) => form.conflict.is_some(),
        (Some(Action::ExternalEditor), None) => true,
        _ => false,
    }
}

/// Opens the minutes in `$VISUAL`/`$EDITOR` (else `vi`); the TUI comes back afterwards
/// with the edited text in the inline editor, ready to save. A form in conflict goes to
/// [`merge_form_in_editor`] instead.
fn external_editor(app: &mut App, config: &Config) -> io::Result<()> {
    if let Some(Modal::Form(_)) = &app.modal {
        return merge_form_in_editor(app, config);
    }
    if app.modal.is_none() {
        app.update(Action::WriteMinutes);
    }
    let Some(Modal::Editor(ed)) = &app.modal else {
        return Ok(());
    };
    let mut text = ed.text();
    if let Some(theirs) = &ed.theirs {
        text = format!(
            "{text}\n\n<<<<<<< {}\n{theirs}\n>>>>>>>\n",
            t(app.lang(), Msg::TheirVersionMergeThenDelete)
        );
    }
    let dir = crate::config::state_dir();
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("minutes-{}-{}.md", ed.item_id, std::process::id()));
    std::fs::write(&path, &text)?;
    match edit_file(app.lang(), config, &path)? {
        Ok(()) => {
            let edited = std::fs::read_to_string(&path)?;
            if let Some(Modal::Editor(ed)) = &mut app.modal {
                let mut fresh = Editor::new(
                    &ed.title,
                    ed.item_id,
                    ed.version,
                    edited.trim_end_matches('\n'),
                );
                fresh.theirs = ed.theirs.clone();
                *ed = fresh;
            }
            let _ = std::fs::remove_file(&path);
        }
        Err(message) => {
            app.status = Some(crate::app::state::Status {
                text: message,
                error: true,
            });
        }
    }
    Ok(())
}

/// Ctrl-E on a form after a conflict: mine and theirs as `key: value` lines with
/// conflict markers where they differ, in `$EDITOR`; the merged values come back into
/// the form (unsaved). A text that does not parse leaves the form as it was, with the
/// reason, and the file is kept so the merge is not lost.
fn merge_form_in_editor(app: &mut App, config: &Config) -> io::Result<()> {
    let l = app.lang();
    let Some(Modal::Form(form)) = &app.modal else {
        return Ok(());
    };
    let dir = crate::config::state_dir();
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("merge-{}.txt", std::process::id()));
    if let Err(e) = std::fs::write(&path, form.merge_text(l)) {
        app.status = Some(crate::app::state::Status {
            text: format!("{}: {e}", path.display()),
            error: true,
        });
        return Ok(());
    }
    let outcome = edit_file(l, config, &path)?;
    let Some(Modal::Form(form)) = &mut app.modal else {
        return Ok(());
    };
    let merged = outcome
        .and_then(|()| {
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
        })
        .and_then(|edited| {
            form.apply_merge_text(&edited, l)
                .map_err(|why| format!("{why} ({})", path.display()))
        });
    match merged {
        Ok(()) => {
            let _ = std::fs::remove_file(&path);
            form.error = None;
            app.status = Some(crate::app::state::Status {
                text: t(l, Msg::MergedIntoForm).into(),
                error: false,
            });
        }
        Err(message) => form.error = Some(message),
    }
    Ok(())
}

/// Runs `$VISUAL`/`$EDITOR` (else `vi`) on a file, the terminal given back to it
/// meanwhile. The inner error says what went wrong, in the user's language.
fn edit_file(
    lang: crate::locale::Lang,
    config: &Config,
    path: &std::path::Path,
) -> io::Result<Result<(), String>> {
    let editor = std::env::var("VISUAL")
        .ok()
        .filter(|s| !s.trim().is_empty())
        .or_else(|| {
            std::env::var("EDITOR")
                .ok()
                .filter(|s| !s.trim().is_empty())
        })
        .unwrap_or_else(|| "vi".to_string());
    restore_terminal();
    let mut parts = editor.split_whitespace();
    let program = parts.next().unwrap_or("vi");
    let status = std::process::Command::new(program)
        .args(parts)
        .arg(path)
        .status();
    setup_terminal(config.mouse)?;
    Ok(match status {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(tf(
            lang,
            Msg::EditorExitedKept,
            &[&editor, &s.to_string(), &path.display().to_string()],
        )),
        Err(e) => Err(tf(lang, Msg::CannotRunEditor, &[&editor, &e.to_string()])),
    })
}

/// One key, through the keymap of where the user is (a popup, the filter being typed,
/// or the screen). A printable key in a text field is text, as typed (a Persian letter
/// stays Persian); anywhere else a key of the Persian keyboard acts as the Latin key at
/// its place.
pub fn handle_key(app: &mut App, key: KeyEvent) {
    let text = keys::text_char(&key).filter(|_| app.typing());
    let action = key_action(app, &key);
    if action == Some(Action::Interrupt) {
        // Whatever is being typed is kept as a draft for the next start.
        drafts::save(app);
        app.quit = true;
        return;
    }
    if app.modal.is_some() {
        views::modal_key(app, action, text);
        return;
    }
    if app.ballot_showing() {
        app.ballot_key(action);
        return;
    }
    if app.filtering {
        match (action, text) {
            (Some(Action::FilterDone), _) => app.filtering = false,
            (Some(Action::ClearFilter), _) => {
                app.filtering = false;
                app.filter.clear();
                app.filter_changed();
            }
            (Some(Action::DeleteBack), _) => {
                app.filter.pop();
                app.filter_changed();
            }
            (_, Some(c)) => {
                app.filter.push(c);
                app.filter_changed();
            }
            _ => {}
        }
        return;
    }
    if let Some(action) = action {
        app.update(action);
    }
}

pub fn handle_paste(app: &mut App, text: &str) {
    // Escape sequences go whole, not just their ESC.
    let clean = crate::locale::text::sanitize(text);
    let text: &str = &clean;
    match &mut app.modal {
        Some(Modal::Form(form)) => {
            if let Some(f) = form.focused() {
                f.insert(text);
            }
        }
        Some(Modal::Editor(ed)) => ed.insert(text),
        Some(Modal::Palette { query, .. }) => query.push_str(&text.replace(['\n', '\r'], " ")),
        _ => {
            if app.filtering {
                app.filter.push_str(&text.replace(['\n', '\r'], " "));
                app.filter_changed();
            }
        }
    }
}
