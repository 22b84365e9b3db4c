//! Helpers shared by the TUI test files.

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
