package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// 宣传信息 (issue 22 part 6, domain.md §2.22, §4.1 F4–F8): the office's published pieces — 宣传稿件 in the media and
// 人大信息 items taken up by the upper congresses' networks — by outlet level, against yearly quotas per level, and
// the issues of the office's own 《人大通讯》 (the 政情通报 sent to the deputies are bulletins, cards.go). 口径:
//   - A piece counts in the period of the day it was published (taken up), once, at the level of its outlet.
//   - 「发表人大宣传稿件N篇，其中国家级a篇、省级b篇…」 counts every kind; the kinds are also counted apart.
//   - A level's quota is for the year; its gap is the quota less the pieces of the year so far (never below 0).

// The levels of an outlet, highest first.
const (
	OutletNational = "国家级"
	OutletProvince = "省级"
	OutletCity     = "市级"
	OutletCounty   = "县级"
	OutletTown     = "镇级"
)

// OutletLevels lists the levels in print order.
var OutletLevels = []string{OutletNational, OutletProvince, OutletCity, OutletCounty, OutletTown}

// The kinds of piece.
const (
	ArticlePublicity = "宣传稿件"
	ArticleInfo      = "人大信息"
)

// ArticleKinds lists the kinds of piece.
var ArticleKinds = []string{ArticlePublicity, ArticleInfo, "调研文章", "其他"}

// Article is a published piece: a 宣传稿件 or a 人大信息 item.
type Article struct {
	ID      int64
	Kind    string `label:"类型"`
	Title   string `label:"标题"`
	Outlet  string `label:"媒体/平台"`
	Level   string `label:"级别"`
	Date    Date   `label:"刊发日期"`
	Authors string `label:"作者"` // names joined by 、 (a deputy or staff, as printed)
	Notes   string `label:"备注"`

	CreatedAt string
	UpdatedAt string
}

// Validate checks the piece; the authors are kept joined by 、 whatever the clerk typed between them.
func (a *Article) Validate() error {
	var c checker
	a.Title = cleanName(dropControls(a.Title))
	a.Outlet = cleanName(a.Outlet)
	a.Level = NormOutletLevel(a.Level)
	a.Authors = joinAuthors(a.Authors)
	if a.Kind == "" {
		a.Kind = ArticlePublicity
	}
	c.oneOf("类型", a.Kind, ArticleKinds)
	c.required("标题", a.Title)
	c.maxLen("标题", a.Title, maxTitle)
	c.required("媒体/平台", a.Outlet)
	c.maxLen("媒体/平台", a.Outlet, maxLine)
	c.required("级别", a.Level)
	c.oneOf("级别", a.Level, OutletLevels)
	c.requiredDate("刊发日期", a.Date)
	c.maxLen("作者", a.Authors, maxLine)
	c.maxLen("备注", a.Notes, maxText)
	return c.result()
}

// NormOutletLevel returns the level a clerk meant (国家 / 中央级 → 国家级, 省 → 省级, 区级 / 县(区)级 → 县级,
// 乡级 / 乡镇级 → 镇级); a word it does not know comes back as written, for Validate to name.
func NormOutletLevel(v string) string {
	v = strings.TrimSpace(v)
	switch v {
	case "国家", "中央", "中央级", "全国", "全国级":
		return OutletNational
	case "省", "省部级", "省级媒体":
		return OutletProvince
	case "市", "州级", "州", "地市级", "市州级", "市级媒体":
		return OutletCity
	case "县", "区", "区级", "县(区)级", "县区级", "县（区）级", "县级媒体":
		return OutletCounty
	case "镇", "乡", "乡级", "乡镇级", "街道", "街道级":
		return OutletTown
	}
	return v
}

// joinAuthors writes the names joined by 、 (from 、，, ; / and spaces).
func joinAuthors(s string) string {
	f := strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune("、，,；;/ 　", r)
	})
	return strings.Join(f, "、")
}

const articleColumns = `id, kind, title, outlet, level, date, authors, notes, created_at, updated_at`

func scanArticle(s scanner) (Article, error) {
	var a Article
	err := s.Scan(&a.ID, &a.Kind, &a.Title, &a.Outlet, &a.Level, &a.Date, &a.Authors, &a.Notes, &a.CreatedAt, &a.UpdatedAt)
	return a, err
}

// ArticleFilter selects pieces: by year or days, level, kind and words in the title, outlet or authors.
type ArticleFilter struct {
	Year     int
	From, To Date
	Level    string
	Kind     string
	Query    string
}

// Articles returns the pieces that match, by date (newest first) and level.
func (db *DB) Articles(ctx context.Context, f ArticleFilter) (out []Article, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.articles(f)
		return err
	})
	return out, err
}

func (tx *Tx) articles(f ArticleFilter) (out []Article, err error) {
	w := &where{}
	if f.Year != 0 {
		y := YearPeriod(f.Year)
		w.add("date BETWEEN ? AND ?", y.From, y.To)
	}
	if f.From != "" {
		w.add("date >= ?", f.From)
	}
	if f.To != "" {
		w.add("date <= ?", f.To)
	}
	if f.Level != "" {
		w.add("level = ?", f.Level)
	}
	if f.Kind != "" {
		w.add("kind = ?", f.Kind)
	}
	// A short list (a year's pieces are tens to hundreds): every word must be in the title, outlet or authors.
	for _, word := range strings.Fields(f.Query) {
		w.add("instr(title || ' ' || outlet || ' ' || authors || ' ' || notes, ?) > 0", word)
	}
	err = collect(tx, `SELECT `+articleColumns+` FROM articles WHERE `+w.sql()+` ORDER BY date DESC, id DESC`, w.args,
		func(s scanner) error {
			a, err := scanArticle(s)
			out = append(out, a)
			return err
		})
	if err != nil {
		return nil, fmt.Errorf("查询宣传稿件: %w", err)
	}
	return out, nil
}

func (tx *Tx) article(id int64) (Article, error) {
	a, err := scanArticle(tx.QueryRow(`SELECT `+articleColumns+` FROM articles WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return a, Errorf(ENOTFOUND, "宣传稿件不存在(编号%d)", id)
	}
	return a, err
}

// SaveArticle creates (ID 0) or updates a piece, recording it in the history.
func (db *DB) SaveArticle(ctx context.Context, a *Article) error {
	if err := a.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error { return tx.saveArticle(a) })
}

// saveArticle is SaveArticle inside a transaction, for a already validated (the import's rows too).
func (tx *Tx) saveArticle(a *Article) error {
	if a.Date > DateOf(tx.now) {
		return fieldErr("刊发日期", "(%s)不能晚于今天", a.Date.Chinese())
	}
	args := []any{a.Kind, a.Title, a.Outlet, a.Level, a.Date, a.Authors, a.Notes, tx.stamp()}
	if a.ID == 0 {
		res, err := tx.Exec(`INSERT INTO articles (kind, title, outlet, level, date, authors, notes, updated_at, created_at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, append(args, tx.stamp())...)
		if err != nil {
			return fmt.Errorf("保存宣传稿件: %w", err)
		}
		a.ID, _ = res.LastInsertId()
		return tx.logHistory(articleEntity, a.ID, ActionCreate, a.Title, describe(a))
	}
	old, err := tx.article(a.ID)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(`UPDATE articles SET kind = ?, title = ?, outlet = ?, level = ?, date = ?, authors = ?, notes = ?,
		updated_at = ? WHERE id = ?`, append(args, a.ID)...); err != nil {
		return fmt.Errorf("保存宣传稿件: %w", err)
	}
	if ch := diff(old, a); ch != "" {
		return tx.logHistory(articleEntity, a.ID, ActionUpdate, a.Title, ch)
	}
	return nil
}

// DeleteArticle deletes a piece.
func (db *DB) DeleteArticle(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		a, err := tx.article(id)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM articles WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.logHistory(articleEntity, id, ActionDelete, a.Title, describe(&a))
	})
}

// Newsletter is an issue of the office's 《人大通讯》.
type Newsletter struct {
	ID       int64
	Year     int    // of Date
	IssueNo  int    `label:"期号"`
	Date     Date   `label:"日期"`
	Title    string `label:"本期要目"`
	Contents string `label:"内容"`

	CreatedAt string
	UpdatedAt string
}

// Label is 「2024年第3期 ……」.
func (n Newsletter) Label() string {
	return fmt.Sprintf("%d年第%d期 %s", n.Year, n.IssueNo, n.Title)
}

// Validate checks the issue.
func (n *Newsletter) Validate() error {
	var c checker
	n.Title = cleanName(dropControls(n.Title))
	c.requiredDate("日期", n.Date)
	if n.IssueNo < 1 || n.IssueNo > 999 {
		c.fail("期号", "应在1到999之间")
	}
	c.required("本期要目", n.Title)
	c.maxLen("本期要目", n.Title, maxTitle)
	c.maxLen("内容", n.Contents, maxLongText)
	if n.Date.Valid() {
		n.Year = n.Date.Year()
	}
	return c.result()
}

// Newsletters returns the issues of a year (every year for 0), newest first.
func (db *DB) Newsletters(ctx context.Context, year int) (out []Newsletter, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.newsletters(year, "", "")
		return err
	})
	return out, err
}

// newsletters returns the issues of a year, or dated from..to when year is 0 and from is set.
func (tx *Tx) newsletters(year int, from, to Date) (out []Newsletter, err error) {
	w := &where{}
	if year != 0 {
		w.add("year = ?", year)
	}
	if from != "" {
		w.add("date BETWEEN ? AND ?", from, to)
	}
	err = collect(tx, `SELECT id, year, issue_no, date, title, contents, created_at, updated_at FROM newsletters
		WHERE `+w.sql()+` ORDER BY year DESC, issue_no DESC`, w.args, func(s scanner) error {
		var n Newsletter
		err := s.Scan(&n.ID, &n.Year, &n.IssueNo, &n.Date, &n.Title, &n.Contents, &n.CreatedAt, &n.UpdatedAt)
		out = append(out, n)
		return err
	})
	return out, err
}

// NextNewsletterNo is the number a new issue of the year gets: one after the highest.
func (db *DB) NextNewsletterNo(ctx context.Context, year int) (n int, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		return tx.QueryRow(`SELECT coalesce(max(issue_no), 0) + 1 FROM newsletters WHERE year = ?`, year).Scan(&n)
	})
	return n, err
}

// SaveNewsletter creates (ID 0) or updates an issue; two issues of a year cannot share a number.
func (db *DB) SaveNewsletter(ctx context.Context, n *Newsletter) error {
	if err := n.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		var other int64
		if err := tx.QueryRow(`SELECT id FROM newsletters WHERE year = ? AND issue_no = ? AND id != ?`, n.Year, n.IssueNo, n.ID).Scan(&other); err == nil {
			return &Error{Code: ECONFLICT, Field: "期号", Message: fmt.Sprintf("%d年已有第%d期《人大通讯》", n.Year, n.IssueNo)}
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if n.ID == 0 {
			res, err := tx.Exec(`INSERT INTO newsletters (year, issue_no, date, title, contents, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				n.Year, n.IssueNo, n.Date, n.Title, n.Contents, tx.stamp(), tx.stamp())
			if err != nil {
				return fmt.Errorf("保存《人大通讯》: %w", err)
			}
			n.ID, _ = res.LastInsertId()
			return tx.logHistory(newsletterEntity, n.ID, ActionCreate, n.Label(), describe(n))
		}
		var old Newsletter
		if err := tx.QueryRow(`SELECT id, year, issue_no, date, title, contents FROM newsletters WHERE id = ?`, n.ID).Scan(
			&old.ID, &old.Year, &old.IssueNo, &old.Date, &old.Title, &old.Contents); errors.Is(err, sql.ErrNoRows) {
			return Errorf(ENOTFOUND, "《人大通讯》不存在")
		} else if err != nil {
			return err
		}
		if _, err := tx.Exec(`UPDATE newsletters SET year = ?, issue_no = ?, date = ?, title = ?, contents = ?, updated_at = ? WHERE id = ?`,
			n.Year, n.IssueNo, n.Date, n.Title, n.Contents, tx.stamp(), n.ID); err != nil {
			return err
		}
		if ch := diff(old, n); ch != "" {
			return tx.logHistory(newsletterEntity, n.ID, ActionUpdate, n.Label(), ch)
		}
		return nil
	})
}

// DeleteNewsletter deletes an issue.
func (db *DB) DeleteNewsletter(ctx context.Context, id int64) error {
	return db.update(ctx, func(tx *Tx) error {
		var n Newsletter
		if err := tx.QueryRow(`SELECT year, issue_no, title FROM newsletters WHERE id = ?`, id).Scan(&n.Year, &n.IssueNo, &n.Title); errors.Is(err, sql.ErrNoRows) {
			return Errorf(ENOTFOUND, "《人大通讯》不存在")
		} else if err != nil {
			return err
		}
		if _, err := tx.Exec(`DELETE FROM newsletters WHERE id = ?`, id); err != nil {
			return err
		}
		return tx.logHistory(newsletterEntity, id, ActionDelete, n.Label(), "")
	})
}

// PublicityQuota is the yearly quota of pieces at one level (0: none).
type PublicityQuota struct {
	Level string
	Quota int
}

// PublicityQuotas are the quotas of every level, in OutletLevels order.
type PublicityQuotas []PublicityQuota

// Of returns a level's quota.
func (q PublicityQuotas) Of(level string) int {
	for _, x := range q {
		if x.Level == level {
			return x.Quota
		}
	}
	return 0
}

// Validate checks every level is there once with a quota from 0 to 10000; the message names the level.
func (q PublicityQuotas) Validate() error {
	var c checker
	for _, l := range OutletLevels {
		if !slices.ContainsFunc(q, func(x PublicityQuota) bool { return x.Level == l }) {
			c.fail(l+"任务数", "缺少")
		}
	}
	for _, x := range q {
		if !slices.Contains(OutletLevels, x.Level) {
			c.fail("宣传任务", "没有「%s」这一级", x.Level)
			continue
		}
		if x.Quota < 0 || x.Quota > 10000 {
			c.fail(x.Level+"任务数", "应在0到10000之间")
		}
	}
	return c.result()
}

// PublicityQuotas reads the quotas.
func (db *DB) PublicityQuotas(ctx context.Context) (out PublicityQuotas, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.publicityQuotas()
		return err
	})
	return out, err
}

func (tx *Tx) publicityQuotas() (PublicityQuotas, error) {
	stored := map[string]int{}
	if err := collect(tx, `SELECT level, quota FROM publicity_quotas`, nil, func(s scanner) error {
		var l string
		var n int
		err := s.Scan(&l, &n)
		stored[l] = n
		return err
	}); err != nil {
		return nil, err
	}
	out := make(PublicityQuotas, len(OutletLevels))
	for i, l := range OutletLevels {
		out[i] = PublicityQuota{l, stored[l]}
	}
	return out, nil
}

// SavePublicityQuotas stores the quotas, recording what changed.
func (db *DB) SavePublicityQuotas(ctx context.Context, q PublicityQuotas) error {
	if err := q.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		old, err := tx.publicityQuotas()
		if err != nil {
			return err
		}
		var changes []string
		for _, x := range q {
			if o := old.Of(x.Level); o != x.Quota {
				changes = append(changes, fmt.Sprintf("%s: %d → %d", x.Level, o, x.Quota))
			}
			if _, err := tx.Exec(`INSERT INTO publicity_quotas (level, quota) VALUES (?, ?)
				ON CONFLICT (level) DO UPDATE SET quota = excluded.quota`, x.Level, x.Quota); err != nil {
				return fmt.Errorf("保存宣传任务: %w", err)
			}
		}
		if len(changes) == 0 {
			return nil
		}
		return tx.logHistory("settings", 0, ActionUpdate, "宣传任务", strings.Join(changes, "\n"))
	})
}

// LevelCount is the pieces of one level against its quota.
type LevelCount struct {
	Level string
	Count int
	Quota int // 0: none
}

// Gap is what the quota still asks for (0 when met or when there is none).
func (l LevelCount) Gap() int { return max(l.Quota-l.Count, 0) }

// PublicityFigures are the publicity of a period (口径 at the top of this file).
type PublicityFigures struct {
	Articles    []Article    // published in the window, newest first
	ByLevel     []LevelCount // OutletLevels order, zero rows included
	ByKind      []KindCount  // ArticleKinds order, zero rows included
	Newsletters []Newsletter // 《人大通讯》 issued in the window, newest first
}

// Total is the pieces of the window.
func (f PublicityFigures) Total() int { return len(f.Articles) }

// Level returns the count of one level.
func (f PublicityFigures) Level(level string) LevelCount {
	for _, l := range f.ByLevel {
		if l.Level == level {
			return l
		}
	}
	return LevelCount{Level: level}
}

// Sentence is the report's sentence in the seeds' words: 「发表人大宣传稿件105篇，其中国家级2篇、省级28篇、市级42篇、
// 县级33篇」, then the 人大信息 among them and the 《人大通讯》 issued; "" when there is nothing to say.
func (f PublicityFigures) Sentence() string {
	var parts []string
	if n := f.Total(); n > 0 {
		var levels []string
		for _, l := range f.ByLevel {
			if l.Count > 0 {
				levels = append(levels, fmt.Sprintf("%s%d篇", l.Level, l.Count))
			}
		}
		s := fmt.Sprintf("发表人大宣传稿件%d篇，其中%s", n, strings.Join(levels, "、"))
		for _, k := range f.ByKind {
			if k.Name == ArticleInfo && k.Count > 0 {
				s += fmt.Sprintf("(含被采用的人大信息%d条)", k.Count)
			}
		}
		parts = append(parts, s)
	}
	if n := len(f.Newsletters); n > 0 {
		parts = append(parts, fmt.Sprintf("编印《人大通讯》%d期", n))
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "，") + "。"
}

// PublicityDefinition is the 口径 of the publicity figures, as the 报表 tab and the printed list state it.
const PublicityDefinition = "稿件按刊发(采用)日期计入期间，按所刊媒体或平台的级别分级统计，每篇只计一次；宣传稿件、人大信息等各类合并计数，" +
	"也分类列出。任务数为全年任务(在「会议 → 宣传信息 → 宣传任务」中修改，0为不设任务)，差额为任务数减已发表篇数，完成后为0。" +
	"《人大通讯》按编印日期计期数。"

// Publicity returns the publicity of the days from..to (both inclusive) against the quotas.
func (db *DB) Publicity(ctx context.Context, from, to Date) (f PublicityFigures, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		f, err = tx.publicity(from, to)
		return err
	})
	return f, err
}

// publicityFigures fills in f.Publicity over the window (figures.go).
func (tx *Tx) publicityFigures(f *Figures) error {
	last := f.last()
	if last < f.From {
		return nil
	}
	var err error
	f.Publicity, err = tx.publicity(f.From, last)
	return err
}

func (tx *Tx) publicity(from, to Date) (f PublicityFigures, err error) {
	if f.Articles, err = tx.articles(ArticleFilter{From: from, To: to}); err != nil {
		return f, err
	}
	quotas, err := tx.publicityQuotas()
	if err != nil {
		return f, err
	}
	levels, kinds := map[string]int{}, map[string]int{}
	for _, a := range f.Articles {
		levels[a.Level]++
		kinds[a.Kind]++
	}
	for _, l := range OutletLevels {
		f.ByLevel = append(f.ByLevel, LevelCount{Level: l, Count: levels[l], Quota: quotas.Of(l)})
	}
	for _, k := range ArticleKinds {
		f.ByKind = append(f.ByKind, KindCount{Name: k, Count: kinds[k]})
	}
	if f.Newsletters, err = tx.newsletters(0, from, to); err != nil {
		return f, fmt.Errorf("查询《人大通讯》: %w", err)
	}
	return f, nil
}

// The history's names of the publicity records.
const (
	articleEntity    = "article"
	newsletterEntity = "newsletter"
)

func init() {
	EntityNames[articleEntity] = "宣传稿件"
	EntityNames[newsletterEntity] = "人大通讯"
}
