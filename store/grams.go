package store

import (
	"database/sql"
	"encoding/json"
	"strings"
	"unicode"
	"unicode/utf8"
)

// grams returns the index text for suggestion_grams: every Han character and every pair of adjacent Han
// characters of the parts, and every run of letters or digits (lower-cased), separated by spaces, each once.
// The unicode61 tokenizer then sees each gram as one token.
func grams(parts ...string) string {
	seen := map[string]bool{}
	var b strings.Builder
	emit := func(g string) {
		if g == "" || seen[g] {
			return
		}
		seen[g] = true
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(g)
	}
	for _, p := range parts {
		var prev rune
		var word []rune
		flush := func() {
			emit(strings.ToLower(string(word)))
			word = word[:0]
		}
		for _, r := range p {
			switch {
			case unicode.Is(unicode.Han, r):
				flush()
				emit(string(r))
				if prev != 0 {
					emit(string([]rune{prev, r}))
				}
				prev = r
				continue
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				word = append(word, r)
			default:
				flush()
			}
			prev = 0
		}
		flush()
	}
	return b.String()
}

// isShortHan reports whether a search term is one or two Han characters: the terms suggestion_grams answers.
func isShortHan(t string) bool {
	n := utf8.RuneCountInString(t)
	if n < 1 || n > 2 {
		return false
	}
	for _, r := range t {
		if !unicode.Is(unicode.Han, r) {
			return false
		}
	}
	return true
}

// gramsSource is the SQL that yields, for suggestions matching a WHERE on s, the id and the text parts to index.
const gramsSource = `SELECT s.id, s.number, s.title, s.content, coalesce(d.name, ''), s.voter_name,
	coalesce((SELECT group_concat(c.name, ' ') FROM suggestion_cosigners sc JOIN deputies c ON c.id = sc.deputy_id
	          WHERE sc.suggestion_id = s.id), '')
	FROM suggestions s LEFT JOIN deputies d ON d.id = s.lead_deputy_id`

// execQuerier is what both *sql.Tx and *Tx offer.
type execQuerier interface {
	Exec(query string, args ...any) (sql.Result, error)
	Query(query string, args ...any) (*sql.Rows, error)
}

// writeGrams writes the gram rows of the suggestions selected by cond (appended after WHERE; it may carry
// ORDER BY and LIMIT), first deleting their old rows when replace is set. It returns the last id written
// and how many, so that callers can walk a large table in batches.
func writeGrams(ex execQuerier, replace bool, cond string, args ...any) (last int64, n int, err error) {
	rows, err := ex.Query(gramsSource+` WHERE `+cond, args...)
	if err != nil {
		return 0, 0, err
	}
	type doc struct {
		id   int64
		text string
	}
	var docs []doc
	for rows.Next() {
		var id int64
		var number, title, content, lead, voter, cos string
		if err := rows.Scan(&id, &number, &title, &content, &lead, &voter, &cos); err != nil {
			rows.Close()
			return 0, 0, err
		}
		docs = append(docs, doc{id, grams(number, title, content, lead, voter, cos)})
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, 0, err
	}
	if len(docs) == 0 {
		return 0, 0, nil
	}
	// One statement each for all the docs: FTS5 writes its pending rows out at the end of every statement.
	ids := make([]int64, len(docs))
	pairs := make([][2]any, len(docs))
	for i, d := range docs {
		ids[i], pairs[i] = d.id, [2]any{d.id, d.text}
	}
	if replace {
		list, err := json.Marshal(ids)
		if err != nil {
			return 0, 0, err
		}
		if _, err := ex.Exec(`DELETE FROM suggestion_grams WHERE rowid IN (SELECT value FROM json_each(?))`, string(list)); err != nil {
			return 0, 0, err
		}
	}
	rowsJSON, err := json.Marshal(pairs)
	if err != nil {
		return 0, 0, err
	}
	if _, err := ex.Exec(`INSERT INTO suggestion_grams (rowid, grams)
		SELECT value ->> 0, value ->> 1 FROM json_each(?)`, string(rowsJSON)); err != nil {
		return 0, 0, err
	}
	last = docs[len(docs)-1].id
	return last, len(docs), nil
}

// fillAllGrams rebuilds suggestion_grams for every suggestion, 2 000 at a time to bound memory.
func fillAllGrams(ex execQuerier) error {
	if _, err := ex.Exec(`DELETE FROM suggestion_grams`); err != nil {
		return err
	}
	var last int64
	for {
		l, n, err := writeGrams(ex, false, `s.id > ? ORDER BY s.id LIMIT 2000`, last)
		if err != nil || n == 0 {
			return err
		}
		last = l
	}
}
