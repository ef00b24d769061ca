package store

import (
	"cmp"
	"context"
	"slices"
	"strings"
)

// The county's figures (issue 19 §3): one row per township from its current package of the period, and a 合计
// row made from the townships' counts — every rate of the 合计 is its numerators' sum over its denominators'
// sum, never an average of the townships' rates (a township of 12 items does not weigh as much as one of 300).
//
// Definitions: each township's counts are its own figures (store.Figures, the township's definitions, as of
// its package's as-of date); 主席团会议 counts the 主席团会议 started in the window; 家站点 the stations in use
// on the day counted; 接待人次 the voters received at the stations; 代表人数 the deputies in office, each once.
// Ranking: by the rate, higher first; equal rates share a place; a township without a denominator is unranked.

// CountyRow is one township's line (or the 合计) of the county's comparison.
type CountyRow struct {
	Code, Name string
	AsOf       Date // the township's as-of date ("" for the 合计)

	Received, Handed, Replied, Closed, Due, OnTime, Solved, Evaluated, Satisfied int
	ReplyRate, CloseRate, OnTimeRate, SolveRate, SatisfactionRate                Rate

	Presidium       int // 主席团会议 次
	Stations        int // 家站点 (在用)
	ReceptionVoters int // 接待选民 人次
	Deputies        int // 在任代表
	CountyDeputies  int // of whom 县级代表

	// Ranks by 办结率 and 满意率 among the townships (0: unranked).
	CloseRank, SatisfactionRank int
}

// CountyDeputy is a county-level deputy (县级代表) on a township's roll; one person on two townships' rolls (a
// deputy elected in one township living in another) is one line with both townships.
type CountyDeputy struct {
	Name, Gender, Birth, Party, WorkUnit, Post string
	Townships                                  []string
}

// CountyLedgerItem is an item of a township's ledger (T4) in the county's consolidated ledger.
type CountyLedgerItem struct {
	Township string
	LedgerItem
}

// CountyFigures are the county's tables of a period.
type CountyFigures struct {
	From, To   Date
	Precision  int
	Rows       []CountyRow // townships that sent, in the register's order
	Total      CountyRow   // 合计
	Townships  []CountyTownship
	Deputies   []CountyDeputy     // 县级代表 across the townships, by name
	Ledger     []CountyLedgerItem // every township's items, township by township, by number
	Reports    []TownshipReport
	Unreported []string // townships of the register that sent nothing for the period
}

// CountyFigures reads the county's tables of the period from..to.
func (db *DB) CountyFigures(ctx context.Context, from, to Date) (CountyFigures, error) {
	cf := CountyFigures{From: from, To: to}
	s, err := db.Settings(ctx)
	if err != nil {
		return cf, err
	}
	cf.Precision = s.Precision
	if cf.Townships, err = db.CountyTownships(ctx, from, to); err != nil {
		return cf, err
	}
	for _, t := range cf.Townships {
		if t.State == TownshipMissing {
			cf.Unreported = append(cf.Unreported, t.Name)
		}
	}
	if cf.Reports, err = db.CountyReports(ctx, from, to); err != nil {
		return cf, err
	}
	cf.compute()
	return cf, nil
}

// compute makes the rows, the 合计, the ranks, the deputies and the ledger from Reports.
func (cf *CountyFigures) compute() {
	cf.Total = CountyRow{Name: "合计"}
	people := map[string]int{}
	for _, r := range cf.Reports {
		f := r.Report.Figures
		a := f.All
		row := CountyRow{Code: r.Code, Name: r.Name, AsOf: f.AsOf, Received: a.Received, Handed: a.Handed, Replied: a.Replied,
			Closed: a.Closed, Due: a.Due, OnTime: a.OnTime, Solved: a.Solved, Evaluated: a.Evaluated, Satisfied: a.Satisfied,
			Presidium: f.MeetingCount(MeetingPresidium), Stations: f.Stations.Total, ReceptionVoters: f.ReceptionVoters,
			Deputies: f.Deputies.All.Deputies}
		for _, d := range r.Report.Deputies {
			if !slices.Contains(d.Levels, LevelCounty) {
				continue
			}
			row.CountyDeputies++
			key := d.Name + "|" + d.Gender + "|" + d.Birth
			i, ok := people[key]
			if !ok {
				i = len(cf.Deputies)
				people[key] = i
				cf.Deputies = append(cf.Deputies, CountyDeputy{Name: d.Name, Gender: d.Gender, Birth: d.Birth, Party: d.Party,
					WorkUnit: d.WorkUnit, Post: d.Post})
			}
			if !slices.Contains(cf.Deputies[i].Townships, r.Name) {
				cf.Deputies[i].Townships = append(cf.Deputies[i].Townships, r.Name)
			}
		}
		row.rates()
		cf.Rows = append(cf.Rows, row)
		t := &cf.Total
		t.Received += row.Received
		t.Handed += row.Handed
		t.Replied += row.Replied
		t.Closed += row.Closed
		t.Due += row.Due
		t.OnTime += row.OnTime
		t.Solved += row.Solved
		t.Evaluated += row.Evaluated
		t.Satisfied += row.Satisfied
		t.Presidium += row.Presidium
		t.Stations += row.Stations
		t.ReceptionVoters += row.ReceptionVoters
		t.Deputies += row.Deputies
		for _, it := range r.Report.Ledger {
			cf.Ledger = append(cf.Ledger, CountyLedgerItem{Township: r.Name, LedgerItem: it})
		}
	}
	cf.Total.CountyDeputies = len(cf.Deputies)
	cf.Total.rates()
	rank(cf.Rows, func(r CountyRow) Rate { return r.CloseRate }, func(r *CountyRow, n int) { r.CloseRank = n })
	rank(cf.Rows, func(r CountyRow) Rate { return r.SatisfactionRate }, func(r *CountyRow, n int) { r.SatisfactionRank = n })
	slices.SortStableFunc(cf.Deputies, func(a, b CountyDeputy) int { return strings.Compare(a.Name, b.Name) })
}

func (r *CountyRow) rates() {
	r.ReplyRate = Rate{r.Replied, r.Handed}
	r.CloseRate = Rate{r.Closed, r.Handed}
	r.OnTimeRate = Rate{r.OnTime, r.Due}
	r.SolveRate = Rate{r.Solved, r.Received}
	r.SatisfactionRate = Rate{r.Satisfied, r.Evaluated}
}

// rank sets each row's place by the rate, higher first (compared exactly, as fractions); equal rates share a
// place, and the next place skips (1, 2, 2, 4); a row whose rate has no denominator gets 0.
func rank(rows []CountyRow, rate func(CountyRow) Rate, set func(*CountyRow, int)) {
	order := make([]int, 0, len(rows))
	for i, r := range rows {
		if rate(r).Den > 0 {
			order = append(order, i)
		} else {
			set(&rows[i], 0)
		}
	}
	cmpRate := func(a, b Rate) int { return cmp.Compare(int64(b.Num)*int64(a.Den), int64(a.Num)*int64(b.Den)) }
	slices.SortStableFunc(order, func(i, j int) int { return cmpRate(rate(rows[i]), rate(rows[j])) })
	place := 0
	for k, i := range order {
		if k == 0 || cmpRate(rate(rows[order[k-1]]), rate(rows[i])) != 0 {
			place = k + 1
		}
		set(&rows[i], place)
	}
}
