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

/// How many words of the index a query's last word is expanded into, at most, before
/// the search falls back to FTS5's own prefix query (see [`Store::search`]).
pub const PREFIX_TERMS: i64 = 32;

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
    let tokens = query_tokens(query);
    let (last, first) = tokens.split_last()?;
    Some(expression(first, &format!("{}*", quote(last)), " "))
}

/// The query's tokens, normalized and split as the index splits text.
fn query_tokens(query: &str) -> Vec<String> {
    let norm = normalize_for_search(query);
    // Split the way unicode61 does: anything not a letter, digit or mark separates.
    norm.split(|c: char| !(c.is_alphanumeric() || is_mark(c)))
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect()
}

/// A token as an FTS5 string: quoted, inner quotes doubled.
fn quote(token: &str) -> String {
    format!("\"{}\"", token.replace('"', "\"\""))
}

/// The whole tokens quoted, then the last one as given, joined by `and` (a space or
/// " AND ", which a parenthesized last part needs).
fn expression(whole: &[String], last: &str, and: &str) -> String {
    whole
        .iter()
        .map(|t| quote(t))
        .chain(std::iter::once(last.to_string()))
        .collect::<Vec<_>>()
        .join(and)
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
    ///
    /// Cost is bounded on any database, however common the words: relevance (bm25) is
    /// computed over at most [`RANKED_CANDIDATES`] matches, the newest; the last word's
    /// prefix is expanded into the words of the index that start with it (at most
    /// [`PREFIX_TERMS`]), because FTS5 reads a prefix's every match up front while it
    /// reads a word's matches from a rowid on; and snippets are made for the hits
    /// returned only.
    pub fn search(
        &self,
        query: &str,
        body_ids: Option<&[i64]>,
        limit: i64,
    ) -> Result<Vec<SearchHit>> {
        let tokens = query_tokens(query);
        let Some((last, whole)) = tokens.split_last() else {
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
        let (last, expanded) = self.prefix_terms(last)?;
        let expr = expression(whole, &last, " AND ");
        // The newest candidates are those at or above one rowid, a range FTS5 reads
        // directly (newest first within each kind: rowid = kind * 2^40 + id).
        let threshold: i64 = self
            .conn
            .prepare_cached(&format!(
                "SELECT rowid FROM search_index WHERE search_index MATCH ?1{body_filter}
                 ORDER BY rowid DESC LIMIT 1 OFFSET ?2"
            ))?
            .query_row(params![expr, RANKED_CANDIDATES - 1], |r| r.get(0))
            .optional()?
            .unwrap_or(0);
        // With the prefix expanded, a lookup by rowid is cheap, so the snippets are made
        // for the hits shown only; FTS5's own prefix query would read every match of
        // the prefix again for each rowid, so there they come with the ranking.
        let snippet_col = if expanded {
            "NULL"
        } else {
            "snippet(search_index, 0, '[', ']', '…', 12)"
        };
        let ranked: Vec<(i64, i64, f64, Option<String>)> = self
            .conn
            .prepare_cached(&format!(
                "SELECT rowid, body_id, rank, {snippet_col} FROM search_index
                 WHERE search_index MATCH ?1{body_filter} AND rowid >= ?3
                 ORDER BY rank LIMIT ?2"
            ))?
            .query_map(params![expr, limit, threshold], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<_>>()?;
        if ranked.is_empty() {
            return Ok(vec![]);
        }
        let mut snippets: std::collections::HashMap<i64, String> = if expanded {
            let ids = ranked
                .iter()
                .map(|r| r.0.to_string())
                .collect::<Vec<_>>()
                .join(",");
            self.conn
                .prepare(&format!(
                    "SELECT rowid, snippet(search_index, 0, '[', ']', '…', 12) FROM search_index
                     WHERE search_index MATCH ?1 AND rowid IN ({ids})"
                ))?
                .query_map(params![expr], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?
        } else {
            Default::default()
        };
        let mut hits = Vec::new();
        for (rowid, body_id, rank, snippet) in ranked {
            if let Some((kind, id)) = SearchKind::from_rowid(rowid) {
                let snippet = snippet
                    .or_else(|| snippets.remove(&rowid))
                    .unwrap_or_default();
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

    /// The last token as an FTS5 expression that matches it as a prefix: the words of
    /// the index that start with it (`("budget" OR "budgets")`, and true), or the prefix
    /// query itself (`"budget"*`, and false) when none or more than [`PREFIX_TERMS`]
    /// are found. A token
    /// the index would fold differently (an accented Latin letter) finds no word here
    /// and so keeps the prefix query, which folds it.
    fn prefix_terms(&self, token: &str) -> Result<(String, bool)> {
        let fallback = format!("{}*", quote(token));
        self.conn.execute_batch(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_vocab
             USING fts5vocab(main, search_index, 'row')",
        )?;
        let terms: Vec<String> = self
            .conn
            .prepare_cached(
                "SELECT term FROM temp.search_vocab WHERE term >= ?1 AND term < ?2 LIMIT ?3",
            )?
            .query_map(
                params![token, format!("{token}\u{10FFFF}"), PREFIX_TERMS + 1],
                |r| r.get(0),
            )?
            .collect::<rusqlite::Result<_>>()?;
        if terms.is_empty() || terms.len() as i64 > PREFIX_TERMS {
            return Ok((fallback, false));
        }
        Ok((
            format!(
                "({})",
                terms
                    .iter()
                    .map(|t| quote(t))
                    .collect::<Vec<_>>()
                    .join(" OR ")
            ),
            true,
        ))
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
