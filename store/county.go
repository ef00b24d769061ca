package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// 县级汇总 (issue 19 §2): a county database receives the townships' packages. Each is verified (ReadPackage),
// then kept as it came; a township's newer package of the same period replaces its older one in one
// transaction and the changes between the two are kept with it; the same file twice changes nothing. The county's
// lists and tables read the current package of each township (county_figures.go).

// Merge outcomes.
const (
	MergeNew       = "新报送"
	MergeReplaced  = "已更新"
	MergeUnchanged = "无变化"
)

// MergeResult is what importing one package did.
type MergeResult struct {
	File     string // the file's base name
	Township string
	Period   string // 2025年
	Outcome  string // MergeNew, MergeReplaced or MergeUnchanged
	Changes  []string
	Package  int64  // the county_packages row now current
	Note     string // why nothing changed, when it did not
}

// String is one line for the command line and the window: 「××镇 2025年：已更新（3处变化）」.
func (r MergeResult) String() string {
	s := r.Township + " " + r.Period + "：" + r.Outcome
	if r.Outcome == MergeReplaced {
		s += fmt.Sprintf("（%d处变化）", len(r.Changes))
	}
	if r.Note != "" {
		s += "（" + r.Note + "）"
	}
	return s
}

// MergePackage verifies nothing more than ReadPackage did and takes p into the county database: a new
// township is added to the register; a package already taken (same checksum) changes nothing; a package of a
// period the township already sent replaces that one when it was made later and is refused when it was made
// earlier (an old copy found on a stick must not undo a correction). file is the file's name, kept for the
// list. The database must be a county's (CountySettings.OfficeKind).
func (db *DB) MergePackage(ctx context.Context, p Package, file string) (MergeResult, error) {
	m := p.Manifest
	res := MergeResult{File: filepath.Base(file), Township: m.Township, Period: m.PeriodName()}
	if p.SHA256 == "" || p.report == nil {
		return res, errors.New("package not read by ReadPackage")
	}
	err := db.update(ctx, func(tx *Tx) error {
		cs, err := tx.countySettings()
		if err != nil {
			return err
		}
		if !cs.IsCounty() {
			return Errorf(EINVALID, "本数据库是乡镇人大的数据库，不能汇总报送包；请在 设置 → 报送与汇总 中改为县(区)人大常委会，或另建县级数据库")
		}
		var had, replaced int64
		err = tx.QueryRow(`SELECT id, coalesce(replaced_by, 0) FROM county_packages WHERE sha256 = ?`, p.SHA256).Scan(&had, &replaced)
		if err == nil {
			res.Outcome, res.Package, res.Note = MergeUnchanged, had, "这个报送包已导入过"
			if replaced != 0 {
				res.Package, res.Note = replaced, "这个报送包已导入过，后来已被更新的报送包取代"
			}
			return nil
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		key := m.Key()
		var name string
		switch err := tx.QueryRow(`SELECT name FROM county_townships WHERE code = ?`, key).Scan(&name); {
		case errors.Is(err, sql.ErrNoRows):
			if _, err := tx.Exec(`INSERT INTO county_townships (code, name) VALUES (?, ?)`, key, m.Township); err != nil {
				return err
			}
			if err := tx.logHistory("county_township", 0, ActionCreate, m.Township, "乡镇代码: "+key); err != nil {
				return err
			}
		case err != nil:
			return err
		case name != m.Township:
			// The code is the identity: a renamed township keeps its packages.
			if _, err := tx.Exec(`UPDATE county_townships SET name = ? WHERE code = ?`, m.Township, key); err != nil {
				return err
			}
			if err := tx.logHistory("county_township", 0, ActionUpdate, m.Township, "名称: "+name+" → "+m.Township); err != nil {
				return err
			}
		}
		var oldID int64
		var oldMade, oldFile string
		var oldReport []byte
		err = tx.QueryRow(`SELECT id, made_at, file_name, report FROM county_packages WHERE township_code = ? AND period_from = ?
			AND period_to = ? AND replaced_by IS NULL`, key, m.From, m.To).Scan(&oldID, &oldMade, &oldFile, &oldReport)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if oldID != 0 && m.MadeAt <= oldMade {
			return Errorf(ECONFLICT, "%s 的报送包 %s 制作于%s，比已导入的(%s，%s)旧，未导入", m.Township, res.File, m.MadeAt, oldMade, oldFile)
		}
		res.Outcome = MergeNew
		if oldID != 0 {
			var old ReportData
			if err := json.Unmarshal(oldReport, &old); err != nil {
				return fmt.Errorf("读取已导入的报送包: %w", err)
			}
			res.Outcome, res.Changes = MergeReplaced, PackageChanges(old, p.Report)
		}
		r, err := tx.Exec(`INSERT INTO county_packages (township_code, period_from, period_to, as_of, made_at, sha256, file_name,
			imported_at, changes, manifest, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, key, m.From, m.To, m.AsOf, m.MadeAt,
			p.SHA256, res.File, tx.stamp(), strings.Join(res.Changes, "\n"), string(p.manifest), p.report)
		if err != nil {
			return fmt.Errorf("保存报送包: %w", err)
		}
		res.Package, _ = r.LastInsertId()
		if oldID != 0 {
			if _, err := tx.Exec(`UPDATE county_packages SET replaced_by = ? WHERE id = ?`, res.Package, oldID); err != nil {
				return err
			}
		}
		action, changes := ActionCreate, fmt.Sprintf("%s，截至%s，制作于%s\n%s", res.Period, m.AsOf.Chinese(), m.MadeAt, m.CountsText())
		if oldID != 0 {
			action, changes = ActionUpdate, changes+"\n"+strings.Join(res.Changes, "\n")
		}
		return tx.logHistory("county_package", res.Package, action, m.Township+" "+res.Period+"报送包", changes)
	})
	return res, err
}

// PackageChanges names what differs between a township's older report of a period and its newer one: the
// figures that moved (as the 报送存档 comparison names them), the items added, removed or handled differently,
// the deputies, stations and meetings added or removed. Empty when the two report the same.
func PackageChanges(old, new ReportData) []string {
	var out []string
	total := "全年"
	if !(Period{From: new.Figures.From, To: new.Figures.To}).IsYear() {
		total = "合计"
	}
	prec := new.Figures.Precision
	for _, l := range figureLines(total) {
		a, b := l.value(old.Figures), l.value(new.Figures)
		if a != b {
			out = append(out, fmt.Sprintf("%s：%s → %s", l.label, a.text(prec), b.text(prec)))
		}
	}
	if old.Figures.AsOf != "" && old.Figures.AsOf != new.Figures.AsOf {
		out = append(out, fmt.Sprintf("截至日期：%s → %s", old.Figures.AsOf.Chinese(), new.Figures.AsOf.Chinese()))
	}
	was := map[string]LedgerItem{}
	for _, it := range old.Ledger {
		was[it.Number] = it
	}
	for _, it := range new.Ledger {
		o, ok := was[it.Number]
		delete(was, it.Number)
		if !ok {
			out = append(out, "新增建议 "+it.Number+"「"+it.Title+"」")
			continue
		}
		var diffs []string
		for _, f := range []struct{ label, a, b string }{
			{"标题", o.Title, it.Title}, {"类别", o.Category, it.Category}, {"办理状态", o.AsOf.State, it.AsOf.State},
			{"答复日期", string(o.AsOf.FirstReply), string(it.AsOf.FirstReply)}, {"办理结果", o.AsOf.Outcome, it.AsOf.Outcome},
			{"评价", o.AsOf.Grade, it.AsOf.Grade}, {"按期", o.AsOf.OnTime, it.AsOf.OnTime},
		} {
			if f.a != f.b {
				diffs = append(diffs, f.label+" "+orDash(f.a)+" → "+orDash(f.b))
			}
		}
		if len(diffs) > 0 {
			out = append(out, "建议 "+it.Number+"："+strings.Join(diffs, "，"))
		}
	}
	var gone []string
	for n := range was {
		gone = append(gone, n)
	}
	sort.Strings(gone)
	for _, n := range gone {
		out = append(out, "删去建议 "+n+"「"+was[n].Title+"」")
	}
	named := func(what string, a, b []string) {
		in := map[string]int{}
		for _, x := range a {
			in[x]--
		}
		for _, x := range b {
			in[x]++
		}
		var plus, minus []string
		for x, n := range in {
			for ; n > 0; n-- {
				plus = append(plus, x)
			}
			for ; n < 0; n++ {
				minus = append(minus, x)
			}
		}
		sort.Strings(plus)
		sort.Strings(minus)
		if len(plus) > 0 {
			out = append(out, "新增"+what+" "+strings.Join(plus, "、"))
		}
		if len(minus) > 0 {
			out = append(out, "删去"+what+" "+strings.Join(minus, "、"))
		}
	}
	deputies := func(r ReportData) (s []string) {
		for _, d := range r.Deputies {
			s = append(s, d.Name)
		}
		return
	}
	stations := func(r ReportData) (s []string) {
		for _, st := range r.Stations {
			s = append(s, st.Station.Name)
		}
		return
	}
	meetings := func(r ReportData) (s []string) {
		for _, m := range r.Meetings {
			s = append(s, m.Start.Chinese()+m.Title)
		}
		return
	}
	named("代表", deputies(old), deputies(new))
	named("家站点", stations(old), stations(new))
	named("会议活动", meetings(old), meetings(new))
	return out
}

// Township states of a period in the county's list.
const (
	TownshipSent      = "已报送"
	TownshipMissing   = "未报送"
	TownshipCorrected = "报送后有更新"
)

// CountyTownship is a township of the county's register with what it sent for a period.
type CountyTownship struct {
	Code, Name string
	State      string // TownshipSent, TownshipMissing or TownshipCorrected
	Packages   []CountyPackage
}

// Current is the township's current package of the period (nil when it sent none).
func (t CountyTownship) Current() *CountyPackage {
	for i := range t.Packages {
		if t.Packages[i].ReplacedBy == 0 {
			return &t.Packages[i]
		}
	}
	return nil
}

// CountyPackage is a package a county database took in.
type CountyPackage struct {
	ID         int64
	Manifest   PackageManifest
	SHA256     string
	File       string
	ImportedAt string
	ReplacedBy int64    // the package that replaced it; 0: current
	Changes    []string // against the package it replaced
}

// CountyTownships lists the register with each township's packages of the period from..to, newest first:
// those that sent (已报送, or 报送后有更新 when a later package replaced an earlier one) and those that did not,
// in the register's order (seq, then the code: the 行政区划代码 order).
func (db *DB) CountyTownships(ctx context.Context, from, to Date) ([]CountyTownship, error) {
	var out []CountyTownship
	err := db.view(ctx, func(tx *Tx) error {
		idx := map[string]int{}
		if err := collect(tx, `SELECT code, name FROM county_townships ORDER BY seq = 0, seq, code`, nil, func(s scanner) error {
			var t CountyTownship
			err := s.Scan(&t.Code, &t.Name)
			idx[t.Code] = len(out)
			t.State = TownshipMissing
			out = append(out, t)
			return err
		}); err != nil {
			return err
		}
		return collect(tx, `SELECT id, township_code, manifest, sha256, file_name, imported_at, coalesce(replaced_by, 0), changes
			FROM county_packages WHERE period_from = ? AND period_to = ? ORDER BY made_at DESC, id DESC`, []any{from, to}, func(s scanner) error {
			var p CountyPackage
			var code, manifest, changes string
			if err := s.Scan(&p.ID, &code, &manifest, &p.SHA256, &p.File, &p.ImportedAt, &p.ReplacedBy, &changes); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(manifest), &p.Manifest); err != nil {
				return err
			}
			if changes != "" {
				p.Changes = strings.Split(changes, "\n")
			}
			t := &out[idx[code]]
			t.Packages = append(t.Packages, p)
			t.State = TownshipSent
			if len(t.Packages) > 1 {
				t.State = TownshipCorrected
			}
			return nil
		})
	})
	return out, err
}

// AddCountyTownship puts a township on the county's register before it has sent anything, so that the list shows
// it 未报送. code is its 行政区划代码 (or its name again when the county uses none); seq its place in lists.
func (db *DB) AddCountyTownship(ctx context.Context, code, name string, seq int) error {
	code, name = strings.TrimSpace(code), cleanName(name)
	var c checker
	c.required("乡镇名称", name)
	if code == "" {
		code = name
	}
	if err := c.result(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		if _, err := tx.Exec(`INSERT INTO county_townships (code, name, seq) VALUES (?, ?, ?)
			ON CONFLICT (code) DO UPDATE SET name = excluded.name, seq = excluded.seq`, code, name, seq); err != nil {
			return err
		}
		return tx.logHistory("county_township", 0, ActionCreate, name, "乡镇代码: "+code)
	})
}

// CountyReports reads the current package of every township that sent one for the period, in the register's
// order: what the county's tables are made of.
func (db *DB) CountyReports(ctx context.Context, from, to Date) ([]TownshipReport, error) {
	var out []TownshipReport
	err := db.view(ctx, func(tx *Tx) error {
		return collect(tx, `SELECT t.code, t.name, p.id, p.manifest, p.report FROM county_packages p
			JOIN county_townships t ON t.code = p.township_code
			WHERE p.period_from = ? AND p.period_to = ? AND p.replaced_by IS NULL
			ORDER BY t.seq = 0, t.seq, t.code`, []any{from, to}, func(s scanner) error {
			var r TownshipReport
			var manifest string
			var report []byte
			if err := s.Scan(&r.Code, &r.Name, &r.Package, &manifest, &report); err != nil {
				return err
			}
			if err := json.Unmarshal([]byte(manifest), &r.Manifest); err != nil {
				return err
			}
			if err := json.Unmarshal(report, &r.Report); err != nil {
				return fmt.Errorf("读取%s的报送包: %w", r.Name, err)
			}
			out = append(out, r)
			return nil
		})
	})
	return out, err
}

// TownshipReport is a township's current package of a period as the county reads it.
type TownshipReport struct {
	Code, Name string
	Package    int64
	Manifest   PackageManifest
	Report     ReportData
}

// CountyPeriods lists the periods the county holds packages of, the latest first.
func (db *DB) CountyPeriods(ctx context.Context) ([]Period, error) {
	var out []Period
	err := db.view(ctx, func(tx *Tx) error {
		return collect(tx, `SELECT DISTINCT period_from, period_to FROM county_packages ORDER BY period_from DESC, period_to DESC`, nil,
			func(s scanner) error {
				var p Period
				err := s.Scan(&p.From, &p.To)
				out = append(out, p)
				return err
			})
	})
	return out, err
}

// PackageFiles lists the packages named by paths: a file as it is, a folder as every .rdpkg in it (by name).
// A path that does not exist is an error naming it; a folder without packages is named in empty.
func PackageFiles(paths []string) (files, empty []string, err error) {
	for _, a := range paths {
		st, err := os.Stat(a)
		if err != nil {
			return nil, nil, Errorf(ENOTFOUND, "找不到 %s", a)
		}
		if !st.IsDir() {
			files = append(files, a)
			continue
		}
		found, _ := filepath.Glob(filepath.Join(a, "*"+PackageExt))
		if len(found) == 0 {
			empty = append(empty, a)
		}
		sort.Strings(found)
		files = append(files, found...)
	}
	return files, empty, nil
}

// MergeOutcome is what became of one file of MergeFiles: its result, or why it was not taken.
type MergeOutcome struct {
	File   string
	Result MergeResult
	Err    error
}

// MergeFiles reads every file first and merges the packages in the order the townships made them, so that a
// folder holding a package and its corrections takes the corrections last whatever the files are called. A
// file that cannot be read or taken is reported and the others are still taken. The outcomes are in the
// order merged, the unreadable files first.
func (db *DB) MergeFiles(ctx context.Context, files []string) []MergeOutcome {
	type read struct {
		file string
		p    Package
	}
	var ok []read
	var out []MergeOutcome
	for _, f := range files {
		p, err := ReadPackage(f)
		if err != nil {
			out = append(out, MergeOutcome{File: f, Err: err})
			continue
		}
		ok = append(ok, read{f, p})
	}
	sort.SliceStable(ok, func(i, j int) bool { return ok[i].p.Manifest.MadeAt < ok[j].p.Manifest.MadeAt })
	for _, r := range ok {
		res, err := db.MergePackage(ctx, r.p, r.file)
		out = append(out, MergeOutcome{File: r.file, Result: res, Err: err})
	}
	return out
}

// ItemsCounted returns the report's items that count in key k over the whole period (from the basis kept with
// the figures): what a county figure of a township drills down to.
func (r ReportData) ItemsCounted(k FigureKey) []LedgerItem {
	in := map[int64]bool{}
	for _, it := range r.Basis.Items {
		if r.Basis.has(it, k) {
			in[it.ID] = true
		}
	}
	var out []LedgerItem
	for _, it := range r.Ledger {
		if in[it.ID] {
			out = append(out, it)
		}
	}
	return out
}
