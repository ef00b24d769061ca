package store

import (
	"encoding/json"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Search works on FTS5 tables with the trigram tokenizer: a term of three or more characters is matched as a
// phrase through the index. Trigram cannot match a shorter term (MATCH silently returns nothing), so one- and
// two-character terms — most Chinese surnames and given names, 「道路」, 「水」 — fall back: for suggestions
// (100 000 rows at stress scale, where a LIKE scan costs ~200 ms) to the gram index suggestion_grams, for the
// smaller tables and for short non-Chinese terms to LIKE on the same columns.
// Terms are separated by spaces and all must match.

// maxTerms bounds the terms of one query: each term adds a condition, and SQLite refuses a WHERE nested
// deeper than 1000 (a pasted paragraph of a few hundred short words reached it). Later terms are ignored.
const maxTerms = 32

// searchTerms splits a query on white space (ASCII and full-width) and control characters, and returns its
// distinct terms, at most maxTerms. A control character is a separator because FTS5 reads its query only up
// to a NUL ("unterminated string" for a phrase holding one).
func searchTerms(q string) []string {
	var out []string
	for _, t := range strings.FieldsFunc(q, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
		if len(out) == maxTerms {
			break
		}
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	return out
}

// ftsPhrase quotes a term as an FTS5 phrase so that any characters in it (quotes, *, -, :) are literal.
func ftsPhrase(t string) string { return `"` + strings.ReplaceAll(t, `"`, `""`) + `"` }

// likePattern escapes LIKE wildcards in t and wraps it in %…%.
func likePattern(t string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(t) + "%"
}

// match restricts idCol to the rows of table (an FTS5 trigram table whose rowid is the record id) that
// contain every term of q in any of cols. When gramTable is set, one- and two-character Han terms are looked
// up there (see suggestion_grams); other short terms use LIKE on cols. A query with no terms adds nothing.
func (w *where) match(idCol, table string, cols []string, q, gramTable string) {
	var long, short []string
	var likes []string
	var likeArgs []any
	for _, t := range searchTerms(q) {
		switch {
		case utf8.RuneCountInString(t) >= 3:
			long = append(long, ftsPhrase(t))
		case gramTable != "" && isShortHan(t) && tokenChars(t):
			short = append(short, ftsPhrase(t))
		default:
			var ors []string
			for _, c := range cols {
				ors = append(ors, c+` LIKE ? ESCAPE '\'`)
				likeArgs = append(likeArgs, likePattern(t))
			}
			likes = append(likes, "("+strings.Join(ors, " OR ")+")")
		}
	}
	if len(long) > 0 || len(likes) > 0 {
		var conds []string
		var args []any
		if len(long) > 0 {
			conds = append(conds, table+" MATCH ?")
			args = append(args, strings.Join(long, " AND "))
		}
		conds = append(conds, likes...)
		args = append(args, likeArgs...)
		w.addText(idCol, "SELECT rowid FROM "+table+" WHERE "+strings.Join(conds, " AND "), args...)
	}
	if len(short) > 0 {
		w.addText(idCol, "SELECT rowid FROM "+gramTable+" WHERE "+gramTable+" MATCH ?", strings.Join(short, " AND "))
	}
}

// tokenChars reports whether every character of t is a letter or a number, the characters the unicode61
// tokenizer of suggestion_grams keeps. A Kangxi radical (⼀ U+2F00, which text copied out of a PDF often has
// for 一) is Han by script but a symbol by category: the tokenizer drops it, so a term holding one would
// match nothing (or every item with its other character) and is looked up with LIKE instead.
func tokenChars(t string) bool {
	for _, r := range t {
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) {
			return false
		}
	}
	return true
}

// addText adds "idCol IN (sub)" and remembers sub as a full-text condition.
func (w *where) addText(idCol, sub string, args ...any) {
	w.add(idCol+" IN ("+sub+")", args...)
	w.text = append(w.text, subquery{sub, args})
}

// reindexSuggestion rewrites the search row of one suggestion: number, title, content, and the names of its
// lead deputy, co-signers and voter, so that typing a deputy's name finds their suggestions. In a transaction
// that defers it (an import) the id is queued and flushSearch writes them all at once.
func (tx *Tx) reindexSuggestion(id int64) error {
	switch {
	case tx.noSearchIndex:
		return nil
	case tx.searchQueue != nil:
		*tx.searchQueue = append(*tx.searchQueue, id)
		return nil
	}
	return tx.reindexSuggestions([]int64{id})
}

// deferSearch makes reindexSuggestion queue its ids until flushSearch: FTS5 writes its pending rows out at
// every statement of a transaction that touches it, so indexing items one by one in an import of thousands
// made thousands of tiny index segments and merges.
func (tx *Tx) deferSearch() { tx.searchQueue = new([]int64) }

// flushSearch writes the search rows of the queued suggestions, 2 000 at a time to bound memory.
func (tx *Tx) flushSearch() error {
	if tx.searchQueue == nil {
		return nil
	}
	ids := *tx.searchQueue
	tx.searchQueue = nil
	slices.Sort(ids)
	ids = slices.Compact(ids)
	for len(ids) > 0 {
		n := min(len(ids), 2000)
		if err := tx.reindexSuggestions(ids[:n]); err != nil {
			return err
		}
		ids = ids[n:]
	}
	return nil
}

// reindexSuggestions rewrites the search rows of the suggestions ids (see reindexSuggestion), each index in
// one statement.
func (tx *Tx) reindexSuggestions(ids []int64) error {
	list, err := json.Marshal(ids)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(`DELETE FROM suggestion_fts WHERE rowid IN (SELECT value FROM json_each(?))`, string(list)); err != nil {
		return err
	}
	_, err = tx.Exec(`INSERT INTO suggestion_fts (rowid, number, title, content, names)
		SELECT s.id, s.number, s.title, s.content,
			trim(coalesce(d.name, '') || ' ' || s.voter_name || ' ' || coalesce((SELECT group_concat(c.name, ' ')
				FROM suggestion_cosigners sc JOIN deputies c ON c.id = sc.deputy_id WHERE sc.suggestion_id = s.id), ''))
		FROM suggestions s LEFT JOIN deputies d ON d.id = s.lead_deputy_id WHERE s.id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return err
	}
	_, _, err = writeGrams(tx, true, `s.id IN (SELECT value FROM json_each(?))`, string(list))
	return err
}

// reindexSuggestionsOfDeputy refreshes the search rows of the suggestions a deputy led or co-signed
// (after the deputy's name changed).
func (tx *Tx) reindexSuggestionsOfDeputy(deputyID int64) error {
	rows, err := tx.Query(`SELECT id FROM suggestions WHERE lead_deputy_id = ?
		UNION SELECT suggestion_id FROM suggestion_cosigners WHERE deputy_id = ?`, deputyID, deputyID)
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	for _, id := range ids {
		if err := tx.reindexSuggestion(id); err != nil {
			return err
		}
	}
	return nil
}

// rebuildSearch rebuilds every search index from the records (after a bulk load).
func (tx *Tx) rebuildSearch() error {
	for _, q := range []string{
		`DELETE FROM suggestion_fts`,
		`INSERT INTO suggestion_fts (rowid, number, title, content, names)
		 SELECT s.id, s.number, s.title, s.content,
			trim(coalesce(d.name, '') || ' ' || s.voter_name || ' ' || coalesce(c.names, ''))
		 FROM suggestions s LEFT JOIN deputies d ON d.id = s.lead_deputy_id
		 LEFT JOIN (SELECT sc.suggestion_id, group_concat(dd.name, ' ') AS names FROM suggestion_cosigners sc
		            JOIN deputies dd ON dd.id = sc.deputy_id GROUP BY sc.suggestion_id) c ON c.suggestion_id = s.id`,
		`DELETE FROM deputy_fts`,
		`INSERT INTO deputy_fts (rowid, name, work_unit, village) SELECT id, name, work_unit || ' ' || post, village FROM deputies`,
		`DELETE FROM station_fts`,
		`INSERT INTO station_fts (rowid, name, village, address) SELECT id, name, village, address FROM stations`,
		`DELETE FROM meeting_fts`,
		`INSERT INTO meeting_fts (rowid, title, place, topic) SELECT id, title, place, topic FROM meetings`,
	} {
		if _, err := tx.Exec(q); err != nil {
			return err
		}
	}
	return fillAllGrams(tx)
}

// textWindowMin is the shortest first window textWindows reads of the list's order.
const textWindowMin = 256

// textWindowsFrom is the match count from which textWindows finds a search's page (measured on 100 000
// suggestions: at 97 660 matches 1.4 ms against 20–40 ms for the plain query, at 15 620 1.5 against 3.6, at
// 4 291 3.5 against 1.3).
var textWindowsFrom = 10000 // a variable for the tests, which lower it

// textWindowsUpTo bounds the rows (offset and page) textWindows is asked for: deeper pages gather too many
// ids through Go (the first 5 000 of 15 620 matches: 17 ms against 10 for the plain query).
const textWindowsUpTo = 1000

// textWindows finds the first n records in a list's order that match a search alone (every condition of w a
// full-text one), for a search matching many records. The plain page query — the list's index walked, each
// record looked up in the search's matches — first gathers every match into a temporary index: 20 ms of
// the 27 ms of typing 「的」 on 100 000 suggestions (97 660 matches). Instead the order is read a window at a
// time (walk: the ids of the whole table in the list's order) and the matches among the window looked up
// with the window's id range added to each search, which the search indexes answer by seeking; the windows
// grow until n matches are found or the order ends. Records are mostly entered in the order they are
// listed, so a window's ids are close together; when they are not (a window's id range much wider than the
// window), it gives up (ok false) and the caller runs the plain query.
func textWindows(tx *Tx, walk string, text []subquery, n int) (ids []int64, ok bool, err error) {
	size := max(textWindowMin, 2*n)
	for pos := 0; len(ids) < n; {
		win := make([]int64, 0, size)
		if err := collect(tx, walk+` LIMIT ? OFFSET ?`, []any{size, pos}, func(s scanner) error {
			var id int64
			err := s.Scan(&id)
			win = append(win, id)
			return err
		}); err != nil {
			return nil, false, err
		}
		if len(win) == 0 {
			break
		}
		lo, hi := slices.Min(win), slices.Max(win)
		if hi-lo >= int64(4*len(win)+1024) {
			return nil, false, nil
		}
		// hits counts, per id of the range, the searches it matches: a match of all of them is a match.
		hits := map[int64]int{}
		for _, t := range text {
			if err := collect(tx, t.sql+` AND rowid BETWEEN ? AND ?`, append(slices.Clip(t.args), lo, hi), func(s scanner) error {
				var id int64
				err := s.Scan(&id)
				hits[id]++
				return err
			}); err != nil {
				return nil, false, err
			}
		}
		found := 0
		for _, id := range win {
			if hits[id] == len(text) {
				found++
				if len(ids) < n {
					ids = append(ids, id)
				}
			}
		}
		if len(win) < size {
			break
		}
		// The next window: twice this one, or as many as the matches found so far say the rest needs.
		pos += size
		size = max(2*size, (n-len(ids))*len(win)/max(found, 1)*5/4)
	}
	return ids, true, nil
}
