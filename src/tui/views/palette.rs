//! The command palette: every action by name, filtered as you type.

use ratatui::layout::Rect;
use ratatui::Frame;

use super::widgets::{self, Col};
use crate::app::keymap::keys_in;
use crate::app::state::App;
use crate::tui::theme::Theme;

pub fn draw(f: &mut Frame, area: Rect, app: &App, query: &str, selected: usize, theme: &Theme) {
    let prefs = app.ctx.prefs;
    let matches = app.palette_matches(query);
    let scopes = app.scopes();
    let rows: Vec<Vec<String>> = matches
        .iter()
        .map(|a| {
            vec![
                a.describe(prefs.lang).to_string(),
                a.name().to_string(),
                keys_in(&app.bindings, &scopes, *a),
            ]
        })
        .collect();
    let title = format!(":{query}▏");
    widgets::table(
        f,
        area,
        &title,
        &["", "", ""],
        &[Col::Flex, Col::Fixed(18), Col::Fixed(14)],
        &rows,
        Some(selected.min(rows.len().saturating_sub(1))),
        true,
        theme,
        prefs,
        &[],
    );
}
