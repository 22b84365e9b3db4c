//! The help screen, generated from the keymap table.

use crate::locale::strings::{t, Msg};
use ratatui::layout::Rect;
use ratatui::Frame;

use super::widgets::{self, Col};
use crate::app::state::App;
use crate::tui::theme::Theme;

pub fn draw(f: &mut Frame, area: Rect, app: &App, scroll: usize, theme: &Theme) {
    let prefs = app.ctx.prefs;
    let rows: Vec<Vec<String>> = app
        .help_lines()
        .iter()
        .skip(scroll)
        .map(|(k, what)| vec![k.clone(), what.clone()])
        .collect();
    let title = t(prefs.lang, Msg::HelpEveryKeyScrollAny);
    widgets::table(
        f,
        area,
        title,
        &["", ""],
        &[Col::Fixed(22), Col::Flex],
        &rows,
        None,
        true,
        theme,
        prefs,
        &[],
    );
}
