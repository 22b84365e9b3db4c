//! Full-text search with FTS5 over text normalized in Rust (the same rules when
//! indexing and when querying), so ي finds ی, ۱۲ finds 12, harakat and ZWNJ don't matter.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::{Result, Store};
use crate::locale::normalize::normalize_for_search;

/// What an index entry points at. The entry's rowid is `kind * 2^40 + id`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SearchKind {
    /// An agenda item: its title and minutes.
    Agenda = 1,
    Resolution = 3,
    Task = 4,
}

const KIND_SHIFT: i64 = 1 << 40;

/// How many matches are ranked by relevance at most (see [`Store::search`]).
pub const RANKED_CANDIDATES: i64 = 5000;

impl SearchKind {
    fn from_rowid(rowid: i64) -> Option<(SearchKind, i64)> {
        let kind = match rowid / KIND_SHIFT {
            1 => SearchKind::Agenda,
            3 => SearchKind::Resolution,
            4 => SearchKind::Task,
            _ => return None,
        };
        Some((kind, rowid % KIND_SHIFT))
    }
    pub fn code(self) -> &'static str {
        match self {
            SearchKind::Agenda => "agenda_item",
            SearchKind::Resolution => "resolution",
            SearchKind::Task => "task",
        }
    }
}

/// Replaces the index entry of one record.
pub fn index_entry(
    conn: &Connection,
    kind: SearchKind,
    id: i64,
    body_id: i64,
    text: &str,
) -> Result<()> {
    let rowid = kind as i64 * KIND_SHIFT + id;
    conn.execute("DELETE FROM search_index WHERE rowid = ?1", [rowid])?;
    conn.execute(
        "INSERT INTO search_index(rowid, text, body_id) VALUES (?1, ?2, ?3)",
        params![rowid, normalize_for_search(text), body_id],
    )?;
    Ok(())
}

/// Turns whatever a user typed into a safe FTS5 expression: every token is quoted
/// (inner quotes doubled) so `NEAR(`, `-x`, `"` or `*` are searched as text; the last
/// token also matches as a prefix. Returns None when nothing searchable is left.
pub fn match_expression(query: &str) -> Option<String> {
    let norm = normalize_for_search(query);
    // Split the way unicode61 does: anything not a letter, digit or mark separates.
    let tokens: Vec<String> = norm
        .split(|c: char| !(c.is_alphanumeric() || is_mark(c)))
        .filter(|t| !t.is_empty())
        .map(|t| t.replace('"', "\"\""))
        .collect();
    if tokens.is_empty() {
        return None;
    }
    let last = tokens.len() - 1;
    Some(
        tokens
            .iter()
            .enumerate()
            .map(|(i, t)| {
                if i == last {
                    format!("\"{t}\"*")
                } else {
                    format!("\"{t}\"")
                }
            })
            .collect::<Vec<_>>()
            .join(" "),
    )
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0300}'..='\u{036F}')
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchHit {
    pub entity: &'static str,
    pub id: i64,
    pub body_id: i64,
    pub snippet: String,
    pub rank: f64,
}

impl Store {
    /// Ranked hits for a query, optionally within some bodies.
    pub fn search(
        &self,
        query: &str,
        body_ids: Option<&[i64]>,
        limit: i64,
    ) -> Result<Vec<SearchHit>> {
        let Some(expr) = match_expression(query) else {
            return Ok(vec![]);
        };
        let body_filter = match body_ids {
            Some(ids) => format!(
                " AND body_id IN ({})",
                ids.iter()
                    .map(|i| i.to_string())
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            None => String::new(),
        } + &self.visible_sql("body_id");
        // Relevance is computed over at most RANKED_CANDIDATES matches, newest first
        // within each kind: a word common to half a million records would otherwise be
        // scored in full (a second or more) before the first page shows. The newest
        // candidates are those at or above one rowid, a range FTS5 reads directly.
        let threshold: i64 = self
            .conn
            .prepare_cached(&format!(
                "SELECT rowid FROM search_index WHERE search_index MATCH ?1{body_filter}
                 ORDER BY rowid DESC LIMIT 1 OFFSET ?2"
            ))?
            .query_row(params![expr, RANKED_CANDIDATES - 1], |r| r.get(0))
            .optional()?
            .unwrap_or(0);
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT rowid, body_id, snippet(search_index, 0, '[', ']', '…', 12), rank
             FROM search_index
             WHERE search_index MATCH ?1{body_filter} AND rowid >= ?3
             ORDER BY rank LIMIT ?2"
        ))?;
        let rows = stmt.query_map(params![expr, limit, threshold], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, f64>(3)?,
            ))
        })?;
        let mut hits = Vec::new();
        for row in rows {
            let (rowid, body_id, snippet, rank) = row?;
            if let Some((kind, id)) = SearchKind::from_rowid(rowid) {
                hits.push(SearchHit {
                    entity: kind.code(),
                    id,
                    body_id,
                    snippet: snippet.replace('\n', " "),
                    rank,
                });
            }
        }
        Ok(hits)
    }
}

#[cfg(test)]
mod tests {
    use super::match_expression;

    #[test]
    fn hostile_queries_are_quoted() {
        assert_eq!(match_expression("roof\"").as_deref(), Some("\"roof\"*"));
        assert_eq!(match_expression("NEAR(").as_deref(), Some("\"near\"*"));
        assert_eq!(match_expression("-roof").as_deref(), Some("\"roof\"*"));
        assert_eq!(match_expression("\"").as_deref(), None);
        assert_eq!(match_expression("a b").as_deref(), Some("\"a\" \"b\"*"));
    }
}
