//! Key events as the text the keymap uses: "q", "G", "ctrl-p", "shift-tab", "f1", "pgdn".

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

pub fn key_name(key: &KeyEvent) -> String {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let alt = key.modifiers.contains(KeyModifiers::ALT);
    let shift = key.modifiers.contains(KeyModifiers::SHIFT);
    let base = match key.code {
        KeyCode::Char(c) => {
            // Shifted letters arrive as the capital; no "shift-" prefix for them.
            let c = if ctrl { c.to_ascii_lowercase() } else { c };
            let mut s = String::new();
            if ctrl {
                s.push_str("ctrl-");
            }
            if alt {
                s.push_str("alt-");
            }
            s.push(c);
            return s;
        }
        KeyCode::Enter => "enter".to_string(),
        KeyCode::Esc => "esc".to_string(),
        KeyCode::Tab => "tab".to_string(),
        KeyCode::BackTab => return "shift-tab".to_string(),
        KeyCode::Backspace => "backspace".to_string(),
        KeyCode::Delete => "delete".to_string(),
        KeyCode::Up => "up".to_string(),
        KeyCode::Down => "down".to_string(),
        KeyCode::Left => "left".to_string(),
        KeyCode::Right => "right".to_string(),
        KeyCode::Home => "home".to_string(),
        KeyCode::End => "end".to_string(),
        KeyCode::PageUp => "pgup".to_string(),
        KeyCode::PageDown => "pgdn".to_string(),
        KeyCode::F(n) => format!("f{n}"),
        _ => return String::new(),
    };
    let mut s = String::new();
    if ctrl {
        s.push_str("ctrl-");
    }
    if alt {
        s.push_str("alt-");
    }
    if shift {
        s.push_str("shift-");
    }
    s.push_str(&base);
    s
}

/// The character a key types into a text field: a printable key without Ctrl or Alt.
pub fn text_char(key: &KeyEvent) -> Option<char> {
    match key.code {
        KeyCode::Char(c)
            if !key
                .modifiers
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
                && !c.is_control() =>
        {
            Some(c)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        let k = |code, m| key_name(&KeyEvent::new(code, m));
        assert_eq!(k(KeyCode::Char('q'), KeyModifiers::NONE), "q");
        assert_eq!(k(KeyCode::Char('G'), KeyModifiers::SHIFT), "G");
        assert_eq!(k(KeyCode::Char('p'), KeyModifiers::CONTROL), "ctrl-p");
        assert_eq!(k(KeyCode::BackTab, KeyModifiers::SHIFT), "shift-tab");
        assert_eq!(k(KeyCode::F(1), KeyModifiers::NONE), "f1");
        assert_eq!(k(KeyCode::Up, KeyModifiers::SHIFT), "shift-up");
    }
}
