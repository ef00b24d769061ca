package store

import "strings"

// Planning a row of a 宣传稿件 list (issue 22 part 6): a piece is the same as a saved one when it has the same
// 刊发日期, 标题 and 媒体/平台 (articleKey), so that importing the same list twice writes nothing new; an update
// changes the fields the row fills.

// articleKey is how a piece is matched: the day, the title and the outlet, spaces ignored.
func articleKey(date Date, title, outlet string) string {
	squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
	return string(date) + "\x00" + squeeze(title) + "\x00" + squeeze(outlet)
}

// loadArticles reads the saved pieces' keys.
func (idx *importIndex) loadArticles(tx *Tx) error {
	idx.articles = map[string]int64{}
	return collect(tx, `SELECT id, date, title, outlet FROM articles ORDER BY id`, nil, func(s scanner) error {
		var id int64
		var date Date
		var title, outlet string
		if err := s.Scan(&id, &date, &title, &outlet); err != nil {
			return err
		}
		if k := articleKey(date, title, outlet); idx.articles[k] == 0 {
			idx.articles[k] = id
		}
		return nil
	})
}

func (pl *planner) article(r *rowPlan, in *ImportRow) error {
	var x Article
	if in.Article != nil {
		x = *in.Article
	}
	x.Title = cleanName(dropControls(x.Title))
	x.Outlet = cleanName(x.Outlet)
	r.Label = strings.TrimSpace(x.Title)
	if x.Date != "" && x.Date > DateOf(pl.tx.now) && !r.flagged["刊发日期"] {
		r.fail("刊发日期", "(%s)不能晚于今天", x.Date.Chinese())
	}
	if x.Date != "" && x.Title != "" && x.Outlet != "" {
		key := articleKey(x.Date, x.Title, x.Outlet)
		if first, ok := pl.seen["article\x00"+key]; ok {
			r.failRef("标题", first, "与第%d行是同一篇稿件(刊发日期、标题和媒体相同)", first)
		} else {
			pl.seen["article\x00"+key] = r.Line
			if id := pl.idx.articles[key]; id != 0 {
				r.ExistingID, r.Match = id, "刊发日期、标题和媒体相同"
			}
		}
	}
	rec, before := x, Article{}
	if r.ExistingID != 0 {
		old, err := pl.tx.article(r.ExistingID)
		if err != nil {
			return err
		}
		before = old
		r.Existing = old.Date.Chinese() + " " + old.Title
		mergeGiven(&old, &x, r.given)
		rec = old
	}
	if err := rec.Validate(); err != nil {
		r.failErr(err)
	}
	if r.ExistingID != 0 {
		r.Changes = pl.changes(&before, &rec)
	}
	r.Article = &rec
	return nil
}
