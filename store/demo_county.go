package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"
)

// The county demo (issue 19 §4): a county's standing committee with its townships' packages of a year —
// townships of different sizes, one that has not sent yet, and one that sent a corrected package twice — so
// that the 汇总 screens and the county's tables have something real to show.

// DemoLinkScale is the demo scale of a county database with its townships' packages.
const DemoLinkScale = "townships"

// demoTownships are the county's townships, with their codes (行政区划代码 of a made-up county).
var demoTownships = []struct{ name, code string }{
	{"青山镇", "510822101"}, {"白水镇", "510822102"}, {"红岩乡", "510822103"}, {"石门镇", "510822104"},
	{"柳溪乡", "510822105"}, {"金桥镇", "510822106"}, {"龙潭乡", "510822107"}, {"梨园镇", "510822108"},
	{"竹林乡", "510822109"}, {"凤凰镇", "510822110"}, {"清河乡", "510822111"}, {"马鞍镇", "510822112"},
	{"桃花乡", "510822113"}, {"双河镇", "510822114"}, {"高峰乡", "510822115"}, {"新店镇", "510822116"},
	{"永安乡", "510822117"}, {"东岳镇", "510822118"}, {"沙溪乡", "510822119"}, {"木鱼镇", "510822120"},
}

// CountyDemoOptions say what GenerateCountyDemo makes.
type CountyDemoOptions struct {
	Seed     int64
	Today    Date   // "" = today; the packages are of the year before (January) or of this year
	Packages string // folder the townships' packages are written to (made when missing)
	Progress func(done, total int)
}

// CountyDemoResult is what GenerateCountyDemo made.
type CountyDemoResult struct {
	Year      int
	Packages  []string // the files written, in the order merged
	Merged    []MergeResult
	Townships int
	Missing   string // the township that has not sent
	Corrected string // the township that sent twice more
}

// GenerateCountyDemo makes db (an empty database) a county's, puts the demo's townships on its register, makes
// each township's database in a temporary folder with generated data of its own size, writes their packages of
// the year to opt.Packages and merges them: all but one township, and one township's package followed by two
// corrections.
func (db *DB) GenerateCountyDemo(ctx context.Context, opt CountyDemoOptions) (CountyDemoResult, error) {
	var res CountyDemoResult
	today := opt.Today
	if today == "" {
		today = DateOf(db.Now())
	}
	if !today.Valid() {
		return res, Errorf(EINVALID, "示例数据的当前日期「%s」无效", string(today))
	}
	if opt.Packages == "" {
		return res, Errorf(EINVALID, "没有指定存放报送包的文件夹")
	}
	var n int
	if err := db.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM deputies) + (SELECT count(*) FROM county_packages)
		+ (SELECT count(*) FROM county_townships)`).Scan(&n); err != nil {
		return res, err
	}
	if n > 0 {
		return res, Errorf(ECONFLICT, "数据库中已有数据，示例数据只能载入空数据库")
	}
	// A year that is over: in January, last year's report is what the county asks for.
	res.Year = today.Year() - 1
	period := YearPeriod(res.Year)
	cs := DefaultCountySettings()
	cs.OfficeKind = OfficeCounty
	if err := db.SaveCountySettings(ctx, cs); err != nil {
		return res, err
	}
	s, err := db.Settings(ctx)
	if err != nil {
		return res, err
	}
	s.OfficeName, s.UpperCongress, s.BodyWord, s.TownWord, s.ClerkName, s.Initialized = "青川县人大常委会", "青川县人大常委会", "常委会", "乡镇", "县人大常委会选联工委", true
	if err := db.SaveSettings(ctx, s); err != nil {
		return res, err
	}
	if err := os.MkdirAll(opt.Packages, 0o755); err != nil {
		return res, Errorf(EINVALID, "无法创建文件夹 %s(%v)", opt.Packages, err)
	}
	tmp, err := os.MkdirTemp("", "rendadesk-county-demo-")
	if err != nil {
		return res, err
	}
	defer os.RemoveAll(tmp)
	r := rand.New(rand.NewPCG(uint64(opt.Seed), demoPCGStream))
	missing, corrected := r.IntN(len(demoTownships)), 0
	for corrected == 0 || corrected == missing {
		corrected = r.IntN(len(demoTownships))
	}
	res.Townships, res.Missing, res.Corrected = len(demoTownships), demoTownships[missing].name, demoTownships[corrected].name
	clock := today.Time()
	at := func(hour, minute int) func() time.Time {
		return func() time.Time {
			return time.Date(clock.Year(), clock.Month(), clock.Day(), hour, minute, 0, 0, time.Local)
		}
	}
	for i, t := range demoTownships {
		if err := db.AddCountyTownship(ctx, t.code, t.name, 0); err != nil {
			return res, err
		}
		if opt.Progress != nil {
			opt.Progress(i, len(demoTownships))
		}
		if i == missing {
			continue
		}
		town, err := Open(filepath.Join(tmp, t.code+".db"))
		if err != nil {
			return res, err
		}
		size := 0.4 + 1.2*r.Float64()
		if _, err := town.GenerateDemo(ctx, DemoOptions{Seed: opt.Seed + int64(i), Today: today, Township: t.name, Code: t.code, Size: size}); err != nil {
			town.Close()
			return res, fmt.Errorf("%s: %w", t.name, err)
		}
		rounds := 1
		if i == corrected {
			rounds = 3
		}
		for k := 0; k < rounds; k++ {
			// Sent in the morning, township by township; a correction three hours later each time.
			town.Now = at(8+3*k, 3*i)
			if k > 0 {
				if err := town.demoCorrection(ctx, period, k); err != nil {
					town.Close()
					return res, err
				}
			}
			asOf := min(period.To, today)
			p, err := town.MakePackage(ctx, period.From, period.To, asOf)
			if err != nil {
				town.Close()
				return res, err
			}
			name := p.FileName()
			if k > 0 {
				name = name[:len(name)-len(PackageExt)] + fmt.Sprintf("(更正%d)", k) + PackageExt
			}
			path := filepath.Join(opt.Packages, name)
			if err := WritePackage(p, path); err != nil {
				town.Close()
				return res, err
			}
			read, err := ReadPackage(path)
			if err != nil {
				town.Close()
				return res, err
			}
			m, err := db.MergePackage(ctx, read, path)
			if err != nil {
				town.Close()
				return res, err
			}
			res.Packages, res.Merged = append(res.Packages, path), append(res.Merged, m)
		}
		if err := town.Close(); err != nil {
			return res, err
		}
	}
	if opt.Progress != nil {
		opt.Progress(len(demoTownships), len(demoTownships))
	}
	return res, nil
}

// demoCorrection is what a township corrects before sending again: round k marks one item's title as
// corrected, a change the county's list of changes names by the item's number.
func (db *DB) demoCorrection(ctx context.Context, period Period, k int) error {
	items, _, err := db.Suggestions(ctx, SuggestionFilter{From: period.From, To: period.To, Sort: "number"})
	if err != nil || len(items) < 2 {
		return err
	}
	it := items[k%len(items)]
	it.Title = it.Title + "（更正）"
	return db.SaveSuggestion(ctx, &it)
}
