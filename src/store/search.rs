//! Full-text search with FTS5 over text normalized in Rust (the same rules when
//! indexing and when querying), so ي finds ی, ۱۲ finds 12, harakat and ZWNJ don't matter.

use rusqlite::{params, Connection};
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

/// The longest search query, in characters and in words: each word is one more pass
/// over the index, so an unbounded query could hold a core for minutes.
pub const MAX_QUERY_CHARS: usize = 256;
pub const MAX_QUERY_WORDS: usize = 24;

/// Refuses a query longer than the limits, naming them (and the start of the query).
pub fn check_query(query: &str) -> Result<()> {
    let chars = query.chars().count();
    if chars > MAX_QUERY_CHARS || query_tokens(query).len() > MAX_QUERY_WORDS {
        let shown: String = query.chars().take(40).collect();
        let shown = if chars > 40 {
            format!("{shown}…")
        } else {
            shown
        };
        return Err(crate::store::StoreError::Invalid(
            crate::model::InvalidValue {
                what: crate::model::Entity::SearchQuery,
                value: shown,
                expected: crate::model::Expected::with(
                    crate::locale::strings::Msg::ExpectedSearchQuery,
                    &[&MAX_QUERY_CHARS.to_string(), &MAX_QUERY_WORDS.to_string()],
                ),
            },
        ));
    }
    Ok(())
}

/// The query's tokens, normalized and split as the index splits text.
fn query_tokens(query: &str) -> Vec<String> {
    let norm = normalize_for_search(query);
    // Split the way unicode61 does: anything not a letter, digit or mark separates.
    norm.split(|c: char| !is_word_char(c))
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

/// Whether a character belongs to a word (a letter, digit or mark) as unicode61 splits
/// text. ASCII and the Arabic letters and digits Persian uses are answered directly:
/// `char::is_alphanumeric` looks other characters up in a table, which was two thirds
/// of a Persian search's time when every candidate's text is split.
fn is_word_char(c: char) -> bool {
    match c {
        _ if c.is_ascii() => c.is_ascii_alphanumeric(),
        '\u{0620}'..='\u{064A}'
        | '\u{0660}'..='\u{0669}'
        | '\u{066E}'..='\u{066F}'
        | '\u{0671}'..='\u{06D3}'
        | '\u{06F0}'..='\u{06F9}' => true,
        _ => c.is_alphanumeric() || is_mark(c),
    }
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
    /// bm25 relevance, negated as FTS5's `rank`: lower is better. Comparable within one
    /// search only.
    pub rank: f64,
}

/// One match read for ranking: where it points, and what bm25 needs of its text.
struct Candidate {
    rowid: i64,
    body_id: i64,
    /// How often each query word occurs in the text.
    tf: Vec<u32>,
    /// The text's length in words.
    len: u32,
    /// The words of the text that start with the last query word, when it matched as
    /// a prefix (to highlight them).
    words: Vec<String>,
}

/// bm25's parameters, as FTS5's own `bm25()` uses them.
const BM25_K1: f64 = 1.2;
const BM25_B: f64 = 0.75;

/// How many of the newest index entries give the document frequencies that weigh the
/// words of a query of two or more words against each other (see [`Store::search`]).
pub const IDF_SAMPLE: i64 = 2000;

/// The character that ends just before byte `i`, if it is valid UTF-8.
fn char_before(text: &[u8], i: usize) -> Option<char> {
    let start = (i.saturating_sub(4)..i)
        .rev()
        .find(|&k| text[k] & 0xC0 != 0x80)?;
    std::str::from_utf8(&text[start..i]).ok()?.chars().next()
}

/// The character that starts at byte `i`, if it is valid UTF-8.
fn char_at(text: &[u8], i: usize) -> Option<char> {
    let n = match *text.get(i)? {
        b if b < 0x80 => 1,
        b if b >= 0xF0 => 4,
        b if b >= 0xE0 => 3,
        _ => 2,
    };
    std::str::from_utf8(text.get(i..i + n)?)
        .ok()?
        .chars()
        .next()
}

/// The query's words prepared for counting in indexed texts (which are in
/// `normalize_for_search` form, as the words are): occurrences of a word's bytes that
/// start a word of the text and, except for the last word matched as a prefix, end one.
/// Comparing bytes avoids decoding and splitting each text, which for thousands of
/// candidates costs more than reading them.
struct Counter {
    finders: Vec<memchr::memmem::Finder<'static>>,
    prefix_last: bool,
}

impl Counter {
    fn new(terms: &[String], prefix_last: bool) -> Counter {
        Counter {
            finders: terms
                .iter()
                .map(|t| memchr::memmem::Finder::new(t.as_bytes()).into_owned())
                .collect(),
            prefix_last,
        }
    }

    /// How often each word occurs in `text`, and (for a prefix) the words it starts.
    fn count(&self, text: &[u8], words: &mut Vec<String>) -> Vec<u32> {
        let last = self.finders.len().saturating_sub(1);
        self.finders
            .iter()
            .enumerate()
            .map(|(i, f)| {
                let prefix = self.prefix_last && i == last;
                let n = f.needle().len();
                let mut tf = 0;
                for at in f.find_iter(text) {
                    if at > 0 && char_before(text, at).is_some_and(is_word_char) {
                        continue;
                    }
                    let mut end = at + n;
                    if prefix {
                        while let Some(c) = char_at(text, end).filter(|&c| is_word_char(c)) {
                            end += c.len_utf8();
                        }
                        if let Ok(w) = std::str::from_utf8(&text[at..end]) {
                            if !words.iter().any(|x| x == w) {
                                words.push(w.to_string());
                            }
                        }
                    } else if char_at(text, end).is_some_and(is_word_char) {
                        continue;
                    }
                    tf += 1;
                }
                tf
            })
            .collect()
    }
}

/// The length of a normalized text in words (whitespace there is single spaces).
fn text_len(text: &[u8]) -> u32 {
    if text.is_empty() {
        0
    } else {
        u32::try_from(memchr::memchr_iter(b' ', text).count() + 1).unwrap_or(u32::MAX)
    }
}

/// A word as the index compares it: Latin diacritics removed (`unicode61
/// remove_diacritics 2`); other text, Persian included, is already in index form.
fn fold(token: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::UnicodeNormalization;
    if token
        .chars()
        .any(|c| matches!(c, '\u{00C0}'..='\u{024F}' | '\u{0300}'..='\u{036F}'))
    {
        std::borrow::Cow::Owned(
            token
                .nfd()
                .filter(|c| !matches!(c, '\u{0300}'..='\u{036F}'))
                .collect(),
        )
    } else {
        std::borrow::Cow::Borrowed(token)
    }
}

/// The best `n` candidates by bm25 (the average length is the candidates'; `idf` one
/// weight per query word), best first, equal scores newest first; with their scores.
/// Every candidate matched every word, so a word the byte comparison does not find
/// (a folding FTS5 does and it does not, such as an accented Latin letter) counts once.
fn top(candidates: Vec<Candidate>, idf: &[f64], n: usize) -> Vec<(Candidate, f64)> {
    let total: f64 = candidates.iter().map(|c| f64::from(c.len)).sum();
    let avg = (total / candidates.len().max(1) as f64).max(1.0);
    let mut scored: Vec<(Candidate, f64)> = candidates
        .into_iter()
        .map(|c| {
            let norm = BM25_K1 * (1.0 - BM25_B + BM25_B * f64::from(c.len) / avg);
            let score =
                c.tf.iter()
                    .zip(idf)
                    .map(|(&tf, &w)| {
                        let tf = f64::from(tf.max(1));
                        w * tf * (BM25_K1 + 1.0) / (tf + norm)
                    })
                    .sum();
            (c, score)
        })
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(b.0.rowid.cmp(&a.0.rowid)));
    scored.truncate(n);
    scored
}

impl Store {
    /// Ranked hits for a query, optionally within some bodies.
    ///
    /// Every word must match; the last one may also match as a prefix, but only when
    /// the words as typed match fewer than `limit` records: hits for the whole words
    /// come first, then those where the last word only starts a longer one.
    ///
    /// Cost is bounded on any database, however common the words. Relevance (bm25,
    /// computed here, not by FTS5) is over at most [`RANKED_CANDIDATES`] matches, the
    /// newest, read with their text in one pass from the end of the words' doclists;
    /// FTS5's own `bm25()` would first read every match of each word in the whole
    /// index to count them. The words of a query of two or more are weighed by how
    /// many of the newest [`IDF_SAMPLE`] entries contain them. A prefix is expanded
    /// into the words of the index that start with it (at most [`PREFIX_TERMS`]).
    /// Snippets are made for the hits returned only. `rank`: lower is better,
    /// comparable within one search.
    pub fn search(
        &self,
        query: &str,
        body_ids: Option<&[i64]>,
        limit: i64,
    ) -> Result<Vec<SearchHit>> {
        check_query(query)?;
        let tokens: Vec<String> = query_tokens(query)
            .iter()
            .map(|t| fold(t).into_owned())
            .collect();
        let Some((last, whole)) = tokens.split_last() else {
            return Ok(vec![]);
        };
        let limit = usize::try_from(limit).unwrap_or(0);
        if limit == 0 {
            return Ok(vec![]);
        }
        let body_filter = match body_ids {
            Some(ids) => format!(
                " AND body_id IN ({})",
                ids.iter()
                    .map(|i| i.to_string())
                    .collect::<Vec<_>>()
                    .join(",")
            ),
            None => String::new(),
        } + &self.visible_sql("body_id")
            + &self.closed_search_sql();
        let idf = if tokens.len() > 1 {
            self.sampled_idf(&tokens)?
        } else {
            vec![1.0]
        };

        // The whole words first.
        let exact_expr = expression(whole, &quote(last), " AND ");
        let exact = self.candidates(&exact_expr, &body_filter, &Counter::new(&tokens, false))?;
        let exact_count = exact.len();
        let mut shown = top(exact, &idf, limit);
        let mut snippet_expr = exact_expr;

        // Then, if they are too few, the last word as a prefix.
        if exact_count < limit {
            let last_expr = self.prefix_terms(last)?;
            let prefix_expr = expression(whole, &last_expr, " AND ");
            let found: std::collections::HashSet<i64> = shown.iter().map(|h| h.0.rowid).collect();
            let more: Vec<Candidate> = self
                .candidates(&prefix_expr, &body_filter, &Counter::new(&tokens, true))?
                .into_iter()
                .filter(|c| !found.contains(&c.rowid))
                .collect();
            let more = top(more, &idf, limit - shown.len());
            if !more.is_empty() {
                // Highlight the words the shown hits contain, not the whole prefix
                // (which FTS5 would read in full again).
                let mut words: Vec<String> = std::iter::once(last.clone())
                    .chain(more.iter().flat_map(|(c, _)| c.words.iter().cloned()))
                    .collect();
                words.sort();
                words.dedup();
                let last_expr = format!(
                    "({})",
                    words
                        .iter()
                        .map(|t| quote(t))
                        .collect::<Vec<_>>()
                        .join(" OR ")
                );
                snippet_expr = expression(whole, &last_expr, " AND ");
                shown.extend(more);
            }
        }
        if shown.is_empty() {
            return Ok(vec![]);
        }
        let mut snippets = self.snippets(&snippet_expr, &shown)?;
        Ok(shown
            .into_iter()
            .filter_map(|(c, score)| {
                let (kind, id) = SearchKind::from_rowid(c.rowid)?;
                Some(SearchHit {
                    entity: kind.code(),
                    id,
                    body_id: c.body_id,
                    snippet: snippets
                        .remove(&c.rowid)
                        .unwrap_or_default()
                        .replace('\n', " "),
                    rank: -score,
                })
            })
            .collect())
    }

    /// The term leaving out of the index's entries those on closed-session items the
    /// actor may not read (an item's own entry, a resolution made on one, a task made
    /// on one or on its resolution): the item's id is read from the entry's rowid, so
    /// each check is a lookup by primary key. Nothing when no such body is hidden.
    fn closed_search_sql(&self) -> String {
        let id = |kind: SearchKind| format!("(search_index.rowid - {})", kind as i64 * KIND_SHIFT);
        let agenda = format!(
            "CASE WHEN search_index.rowid / {KIND_SHIFT} = {} THEN {} END",
            SearchKind::Agenda as i64,
            id(SearchKind::Agenda)
        );
        let resolution = format!(
            "CASE WHEN search_index.rowid / {KIND_SHIFT} = {} THEN (SELECT cr.agenda_item_id FROM resolution cr WHERE cr.id = {}) END",
            SearchKind::Resolution as i64,
            id(SearchKind::Resolution)
        );
        let task = format!(
            "CASE WHEN search_index.rowid / {KIND_SHIFT} = {} THEN (SELECT ct.agenda_item_id FROM task ct WHERE ct.id = {}) END",
            SearchKind::Task as i64,
            id(SearchKind::Task)
        );
        let task_resolution = format!(
            "CASE WHEN search_index.rowid / {KIND_SHIFT} = {} THEN (SELECT cr.agenda_item_id FROM task ct JOIN resolution cr ON cr.id = ct.resolution_id WHERE ct.id = {}) END",
            SearchKind::Task as i64,
            id(SearchKind::Task)
        );
        self.closed_item_sql(
            "search_index.body_id",
            &[&agenda, &resolution, &task, &task_resolution],
        )
    }

    /// The newest [`RANKED_CANDIDATES`] matches of an expression, with what their
    /// ranking needs of their text.
    fn candidates(
        &self,
        expr: &str,
        body_filter: &str,
        counter: &Counter,
    ) -> Result<Vec<Candidate>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT rowid, body_id, text FROM search_index
                 WHERE search_index MATCH ?1{body_filter}
                 ORDER BY rowid DESC LIMIT ?2"
            ))?
            .query_map(params![expr, RANKED_CANDIDATES], |r| {
                let text = r.get_ref(2)?.as_bytes_or_null()?.unwrap_or_default();
                let mut words = Vec::new();
                let tf = counter.count(text, &mut words);
                Ok(Candidate {
                    rowid: r.get(0)?,
                    body_id: r.get(1)?,
                    tf,
                    len: text_len(text),
                    words,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Weights of the query's words: bm25's idf over the newest [`IDF_SAMPLE`]
    /// entries of the index (FTS5 counts each word over the whole index instead, which
    /// costs a read of every match).
    fn sampled_idf(&self, terms: &[String]) -> Result<Vec<f64>> {
        let counter = Counter::new(terms, false);
        let mut docs = vec![0u32; terms.len()];
        let mut n = 0u32;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT text FROM search_index ORDER BY rowid DESC LIMIT ?1")?;
        let mut rows = stmt.query([IDF_SAMPLE])?;
        while let Some(row) = rows.next()? {
            n += 1;
            let text = row
                .get_ref(0)?
                .as_bytes_or_null()
                .map_err(rusqlite::Error::from)?
                .unwrap_or_default();
            let tf = counter.count(text, &mut Vec::new());
            for (d, t) in docs.iter_mut().zip(tf) {
                *d += u32::from(t > 0);
            }
        }
        let n = f64::from(n);
        Ok(docs
            .into_iter()
            .map(|d| {
                let d = f64::from(d);
                // As FTS5's bm25: never zero or negative, however common the word.
                (((n - d + 0.5) / (d + 0.5)).ln()).max(1e-6)
            })
            .collect())
    }

    /// Snippets of the shown hits, by rowid, in one lookup by rowid.
    fn snippets(
        &self,
        expr: &str,
        shown: &[(Candidate, f64)],
    ) -> Result<std::collections::HashMap<i64, String>> {
        let ids = shown
            .iter()
            .map(|h| h.0.rowid.to_string())
            .collect::<Vec<_>>()
            .join(",");
        Ok(self
            .conn
            .prepare(&format!(
                "SELECT rowid, snippet(search_index, 0, '[', ']', '…', 12) FROM search_index
                 WHERE search_index MATCH ?1 AND rowid IN ({ids})"
            ))?
            .query_map(params![expr], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// The last token as an FTS5 expression that matches it as a prefix: the words of
    /// the index that start with it (`("budget" OR "budgets")`), or the prefix query
    /// itself (`"budget"*`) when none or more than [`PREFIX_TERMS`] are found. A token
    /// the index would fold differently finds no word here and so keeps the prefix
    /// query, which folds it. Reading the index's words costs a read of each word's
    /// matches (`fts5vocab` counts them), which is why it is only done when the words
    /// as typed match too few records.
    fn prefix_terms(&self, token: &str) -> Result<String> {
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
            return Ok(fallback);
        }
        Ok(format!(
            "({})",
            terms
                .iter()
                .map(|t| quote(t))
                .collect::<Vec<_>>()
                .join(" OR ")
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::{is_mark, is_word_char, match_expression, text_len, Counter};

    #[test]
    fn words_are_counted_whole_or_as_a_prefix_of_the_last() {
        let terms = ["budget".to_string(), "بودجه".to_string()];
        // ZWNJ separates words (the index has a space there), so بودجه‌ای holds بودجه.
        let text = "budget budgets (budget) xbudget بودجه، بودجه\u{200c}ای بودجهها".as_bytes();
        let mut words = Vec::new();
        assert_eq!(Counter::new(&terms, false).count(text, &mut words), [2, 2]);
        assert!(words.is_empty());
        assert_eq!(Counter::new(&terms, true).count(text, &mut words), [2, 3]);
        assert_eq!(words, ["بودجه", "بودجهها"]);
        assert_eq!(text_len(text), 7);
        assert_eq!(text_len(b""), 0);
        // Broken UTF-8 around a match is a word boundary, not a panic.
        let broken = [&[0xff_u8][..], b"budget", &[0xd8][..]].concat();
        assert_eq!(
            Counter::new(&terms[..1], false).count(&broken, &mut words),
            [1]
        );
    }

    #[test]
    fn the_fast_word_test_agrees_with_unicode() {
        for c in (0..0x0800u32).filter_map(char::from_u32) {
            assert_eq!(
                is_word_char(c),
                c.is_alphanumeric() || is_mark(c),
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn hostile_queries_are_quoted() {
        assert_eq!(match_expression("roof\"").as_deref(), Some("\"roof\"*"));
        assert_eq!(match_expression("NEAR(").as_deref(), Some("\"near\"*"));
        assert_eq!(match_expression("-roof").as_deref(), Some("\"roof\"*"));
        assert_eq!(match_expression("\"").as_deref(), None);
        assert_eq!(match_expression("a b").as_deref(), Some("\"a\" \"b\"*"));
    }
}
