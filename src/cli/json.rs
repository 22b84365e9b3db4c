//! JSON output: stable snake_case fields, ids as numbers, dates as ISO `YYYY-MM-DD`
//! with the Jalali form beside each date (`due` and `due_jalali`). Text is exactly
//! what is stored; JSON escaping keeps control characters out of the terminal.

use chrono::NaiveDate;
use serde::Serialize;
use serde_json::Value;

use crate::locale::calendar::jalali_string;

/// Adds `<field>_jalali` beside every ISO date string field, recursively.
pub fn with_jalali(mut v: Value) -> Value {
    add_jalali(&mut v);
    v
}

fn add_jalali(v: &mut Value) {
    match v {
        Value::Array(items) => items.iter_mut().for_each(add_jalali),
        Value::Object(map) => {
            let mut extra = Vec::new();
            for (k, val) in map.iter_mut() {
                match val {
                    Value::String(s) if DATE_FIELDS.contains(&k.as_str()) => {
                        if let Some(d) = iso_date(s) {
                            extra.push((format!("{k}_jalali"), Value::from(jalali_string(d))));
                        }
                    }
                    // Audit snapshots are kept exactly as they were hashed.
                    _ if k == "before" || k == "after" => {}
                    other => add_jalali(other),
                }
            }
            for (k, val) in extra {
                map.insert(k, val);
            }
        }
        _ => {}
    }
}

/// The fields that hold dates.
pub const DATE_FIELDS: &[&str] = &[
    "date",
    "due",
    "created_on",
    "done_on",
    "term_start",
    "term_end",
    "formed_on",
    "sent_on",
    "acknowledged_on",
    "adopted_on",
    "notified",
    "until",
    "since",
    "answer_by",
    "on",
    "visited_on",
    "last_visited",
];

fn iso_date(s: &str) -> Option<NaiveDate> {
    if s.len() != 10 || s.as_bytes().get(4) != Some(&b'-') {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

/// Serializes with Jalali dates added and pretty-prints. Besides what JSON itself
/// escapes, C1 controls, DEL and bidi controls are written as `\uXXXX` escapes: the
/// text stays exact for a parser, and nothing reaches a terminal raw.
pub fn to_string<T: Serialize>(value: &T) -> Result<String, serde_json::Error> {
    let v = with_jalali(serde_json::to_value(value)?);
    Ok(escape_invisible(&serde_json::to_string_pretty(&v)?))
}

/// Rewrites characters a terminal would act on as JSON `\uXXXX` escapes (valid only
/// inside strings, where serde_json puts every such character).
pub fn escape_invisible(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        let risky = matches!(c, '\u{7f}'..='\u{9f}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{061c}' | '\u{2028}' | '\u{2029}');
        if risky {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_are_escaped_and_parse_back() {
        let text = "a\u{9b}31m\u{202e}b";
        let json = to_string(&serde_json::json!({ "title": text })).unwrap_or_default();
        assert!(
            !json.contains('\u{9b}') && !json.contains('\u{202e}'),
            "{json}"
        );
        let back: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
        assert_eq!(back["title"], text);
    }

    #[test]
    fn dates_get_a_jalali_twin() {
        let v = with_jalali(serde_json::json!([{"due": "2018-12-06", "title": "2018-12-06 x"}]));
        assert_eq!(v[0]["due_jalali"], "1397/09/15");
        assert!(v[0].get("title_jalali").is_none());
    }
}
