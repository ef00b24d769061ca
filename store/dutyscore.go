package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// 履职积分 (issue 22 part 3, domain.md §4.1 D): a deputy's year scored from the 履职档案 (deputyrecord.go) by
// points the clerk sets per kind of duty. The score ranks the deputies as a suggestion for the 评先评优; it
// decides nothing. 口径: each line is the count of the 履职档案 times its points; the total adds the lines.

// DutyKey names a kind of duty that earns points.
type DutyKey string

// The kinds of duty scored, in print order.
const (
	DutyPresent    DutyKey = "present"     // 出席会议和活动 (次)
	DutyNonVoting  DutyKey = "nonvoting"   // 列席 (次)
	DutyLeave      DutyKey = "leave"       // 请假 (次)
	DutyAbsent     DutyKey = "absent"      // 缺席 (次)
	DutyLed        DutyKey = "led"         // 领衔建议 (件)
	DutyCosigned   DutyKey = "cosigned"    // 联名建议 (件)
	DutyReception  DutyKey = "reception"   // 进站接待选民 (次)
	DutyVisit      DutyKey = "visit"       // 联系选民 (次)
	DutyReportBack DutyKey = "report_back" // 向选民述职 (次)
	DutyTraining   DutyKey = "training"    // 参加培训学习 (次: 出席, as training hours count), on top of 出席
)

// DutyKeys lists the kinds in print order.
var DutyKeys = []DutyKey{DutyPresent, DutyNonVoting, DutyLeave, DutyAbsent, DutyLed, DutyCosigned, DutyReception,
	DutyVisit, DutyReportBack, DutyTraining}

var dutyLabels = map[DutyKey][2]string{
	DutyPresent: {"出席会议和活动", "次"}, DutyNonVoting: {"列席会议", "次"}, DutyLeave: {"请假", "次"}, DutyAbsent: {"缺席", "次"},
	DutyLed: {"领衔提出建议", "件"}, DutyCosigned: {"联名提出建议", "件"}, DutyReception: {"进站接待选民", "次"},
	DutyVisit: {"联系选民", "次"}, DutyReportBack: {"向选民述职", "次"}, DutyTraining: {"参加培训学习(另加)", "次"},
}

// Label is the kind in the clerk's words.
func (k DutyKey) Label() string { return dutyLabels[k][0] }

// Unit is the kind's measure word.
func (k DutyKey) Unit() string { return dutyLabels[k][1] }

// DutyPoint is the points of one kind of duty.
type DutyPoint struct {
	Key    DutyKey
	Points int
}

// DutyPoints are the points of every kind, in DutyKeys order.
type DutyPoints []DutyPoint

// Of returns the points of a kind.
func (p DutyPoints) Of(k DutyKey) int {
	for _, x := range p {
		if x.Key == k {
			return x.Points
		}
	}
	return 0
}

// Validate checks every kind is there once, with points from -100 to 100; the message names the kind.
func (p DutyPoints) Validate() error {
	var c checker
	for _, k := range DutyKeys {
		if !slices.ContainsFunc(p, func(x DutyPoint) bool { return x.Key == k }) {
			c.fail(k.Label(), "缺少分值")
		}
	}
	for _, x := range p {
		if _, ok := dutyLabels[x.Key]; !ok {
			c.fail("履职积分", "没有「%s」这一项", x.Key)
			continue
		}
		if x.Points < -100 || x.Points > 100 {
			c.fail(x.Key.Label(), "分值应在-100到100之间")
		}
	}
	return c.result()
}

// Rules says the points as printed with the ranking: 「出席会议和活动每次2分；…；缺席每次扣2分」.
func (p DutyPoints) Rules() string {
	var parts []string
	for _, x := range p {
		switch {
		case x.Points > 0:
			parts = append(parts, fmt.Sprintf("%s每%s%d分", x.Key.Label(), x.Key.Unit(), x.Points))
		case x.Points < 0:
			parts = append(parts, fmt.Sprintf("%s每%s扣%d分", x.Key.Label(), x.Key.Unit(), -x.Points))
		}
	}
	return strings.Join(parts, "；")
}

// DutyPoints reads the points.
func (db *DB) DutyPoints(ctx context.Context) (out DutyPoints, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.dutyPoints()
		return err
	})
	return out, err
}

func (tx *Tx) dutyPoints() (DutyPoints, error) {
	stored := map[DutyKey]int{}
	if err := collect(tx, `SELECT key, points FROM duty_points`, nil, func(sc scanner) error {
		var k DutyKey
		var n int
		err := sc.Scan(&k, &n)
		stored[k] = n
		return err
	}); err != nil {
		return nil, err
	}
	out := make(DutyPoints, len(DutyKeys))
	for i, k := range DutyKeys {
		out[i] = DutyPoint{k, stored[k]}
	}
	return out, nil
}

// SaveDutyPoints stores the points, recording what changed.
func (db *DB) SaveDutyPoints(ctx context.Context, p DutyPoints) error {
	if err := p.Validate(); err != nil {
		return err
	}
	return db.update(ctx, func(tx *Tx) error {
		old, err := tx.dutyPoints()
		if err != nil {
			return err
		}
		var changes []string
		for _, x := range p {
			if o := old.Of(x.Key); o != x.Points {
				changes = append(changes, fmt.Sprintf("%s: %d → %d", x.Key.Label(), o, x.Points))
			}
			if _, err := tx.Exec(`INSERT INTO duty_points (key, points) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET points = excluded.points`, x.Key, x.Points); err != nil {
				return fmt.Errorf("保存履职积分: %w", err)
			}
		}
		if len(changes) == 0 {
			return nil
		}
		return tx.logHistory("settings", 0, ActionUpdate, "履职积分", strings.Join(changes, "\n"))
	})
}

// ScoreLine is one kind of duty in a deputy's score: its count in the 履职档案 times its points.
type ScoreLine struct {
	Key    DutyKey
	Count  int
	Points int
}

// Subtotal is Count × Points.
func (l ScoreLine) Subtotal() int { return l.Count * l.Points }

// DutyScore is a deputy's 履职积分 of a year with its breakdown; Rank is the place among the deputies scored
// together (equal totals share a place).
type DutyScore struct {
	Record DeputyRecord
	Lines  []ScoreLine
	Total  int
	Rank   int
}

// Count is how often the 履职档案 records a kind of duty.
func dutyCount(r DeputyRecord, k DutyKey) int {
	switch k {
	case DutyPresent:
		return r.Total.Present
	case DutyNonVoting:
		return r.Total.NonVoting
	case DutyLeave:
		return r.Total.Leave
	case DutyAbsent:
		return r.Total.Absent
	case DutyLed:
		return r.Led
	case DutyCosigned:
		return r.Cosigned
	case DutyReception:
		return r.Receptions
	case DutyVisit:
		return r.Visits
	case DutyReportBack:
		return len(r.ReportBacks)
	case DutyTraining:
		return r.Training.Sessions // the trainings that earn hours (出席), as the 培训学习 table counts them
	}
	return 0
}

// ScoreOf scores a 履职档案 by the points.
func ScoreOf(r DeputyRecord, p DutyPoints) DutyScore {
	s := DutyScore{Record: r}
	for _, x := range p {
		l := ScoreLine{Key: x.Key, Count: dutyCount(r, x.Key), Points: x.Points}
		s.Lines = append(s.Lines, l)
		s.Total += l.Subtotal()
	}
	return s
}

// RankScores scores the records and orders them by total, highest first (then by name), with their places.
func RankScores(recs []DeputyRecord, p DutyPoints) []DutyScore {
	scores := make([]DutyScore, len(recs))
	order := make([]int, len(recs)) // sorted rather than the scores themselves: a score holds its whole record
	for i, r := range recs {
		scores[i], order[i] = ScoreOf(r, p), i
	}
	slices.SortStableFunc(order, func(i, j int) int {
		a, b := &scores[i], &scores[j]
		if a.Total != b.Total {
			return b.Total - a.Total
		}
		return strings.Compare(a.Record.Deputy.Name, b.Record.Deputy.Name)
	})
	out := make([]DutyScore, len(recs))
	for k, i := range order {
		out[k] = scores[i]
	}
	for i := range out {
		out[i].Rank = i + 1
		if i > 0 && out[i].Total == out[i-1].Total {
			out[i].Rank = out[i-1].Rank
		}
	}
	return out
}

// DutyScores ranks the deputies of a year (those in office during it) by their 履职积分, counted as the 代表
// tab counts the 履职档案 (outcomes as of today).
func (db *DB) DutyScores(ctx context.Context, year int) (out []DutyScore, p DutyPoints, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		recs, err := tx.deputyRecords(year, 0)
		if err != nil {
			return err
		}
		if p, err = tx.dutyPoints(); err != nil {
			return err
		}
		out = RankScores(recs, p)
		return nil
	})
	return out, p, err
}
