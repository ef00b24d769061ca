package export

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"rendadesk/store"
)

// districtsData is a town with two 选区: 第1选区 (2 seats) held by 王一 and 李二 all year, 第2选区 (1 seat) whose
// deputy 张三 left on 2024-10-01 and whose by-elected 钱五 begins on 2025-03-01, and 赵四, a county deputy only.
func districtsData(t *testing.T) (*store.DB, store.Settings) {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return time.Date(2025, 6, 1, 10, 0, 0, 0, time.Local) }
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	st, err := db.Settings(ctx)
	must(err)
	st.OfficeName, st.Township = "青山镇人大主席团", "青山镇"
	must(db.SaveSettings(ctx, st))
	term := store.Term{Number: 18, Start: "2021-12-01", Current: true}
	must(db.SaveTerm(ctx, &term))
	d1 := store.District{Number: 1, Name: "东片区", Villages: "青山村、河东村", Seats: 2}
	must(db.SaveDistrict(ctx, &d1))
	d2 := store.District{Number: 2, Name: "西片区", Villages: "河西村", Seats: 1}
	must(db.SaveDistrict(ctx, &d2))
	town := func(name, gender string, district int64, start store.Date) store.Deputy {
		return store.Deputy{Name: name, Gender: gender, Levels: []string{store.LevelTown}, TermID: term.ID,
			Seats: []store.Seat{{Level: store.LevelTown, DistrictID: district, Start: start}}}
	}
	for _, d := range []store.Deputy{
		town("王一", "男", d1.ID, "2021-12-01"),
		town("李二", "女", d1.ID, "2021-12-01"),
		func() store.Deputy {
			d := town("张三", "男", d2.ID, "2021-12-01")
			d.Status, d.VacancyReason, d.VacancyDate = store.DeputyVacant, "调离", "2024-10-01"
			return d
		}(),
		town("钱五", "男", d2.ID, "2025-03-01"),
		{Name: "赵四", Gender: "女", Levels: []string{store.LevelCounty}, TermID: term.ID},
	} {
		must(db.SaveDeputy(ctx, &d))
	}
	return db, st
}

func loadReport(t *testing.T, db *store.DB, from, to store.Date) Report {
	t.Helper()
	rep, err := db.LoadReport(context.Background(), from, to, "")
	if err != nil {
		t.Fatal(err)
	}
	return Report{ReportData: rep}
}

// T6 and T7 by 选区: the deputies counted in the 选区 whose seat they held on the report's last day, each 选区
// with its 应选名额 and 缺额, the roster grouped under a line per 选区.
func TestReportByDistrict(t *testing.T) {
	db, st := districtsData(t)
	t.Run("Year2024", func(t *testing.T) {
		x, _ := writeYear(t, db, st, 2024, 1)
		const t6 = "表6 代表构成"
		for _, c := range []struct {
			row                               string
			deputies, seats, vacant, men, wom string
		}{
			{"镇级代表", "2", "3", "1", "1", "1"},
			{"第1选区(东片区)", "2", "2", "0", "1", "1"},
			{"第2选区(西片区)", "0", "1", "1", "0", "0"}, // 张三 left on 10-01; 钱五 not before 2025-03-01
		} {
			r := findRow(t, x, t6, map[int]string{1: c.row})
			for col, want := range map[string]string{"B": c.deputies, "C": c.seats, "D": c.vacant, "E": c.men, "F": c.wom} {
				wantNumber(t, x, t6, col, r, want, want)
			}
		}
		r := findRow(t, x, t6, map[int]string{1: "合计(每人计一次)"})
		wantNumber(t, x, t6, "B", r, "3", "3")
		if v, _ := x.GetCellValue(t6, fmt.Sprintf("C%d", r)); v != "" {
			t.Errorf("合计 应选名额 = %q, want blank", v)
		}

		const t7 = "表7 代表名册"
		rows, err := x.GetRows(t7)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, row := range rows[3:] { // title, 填报 line, headers
			if len(row) == 0 || row[0] == "" {
				continue
			}
			if len(row) > 9 {
				got = append(got, row[1]+"/"+row[9])
			} else {
				got = append(got, row[0])
			}
		}
		want := []string{"第1选区(东片区)：应选2名，在任2名", "李二/第1选区", "王一/第1选区",
			"第2选区(西片区)：应选1名，在任0名，缺额1名", "非镇级代表：1名", "赵四/"}
		if fmt.Sprint(got[:len(want)]) != fmt.Sprint(want) {
			t.Errorf("T7 reads\n%q\nwant\n%q", got, want)
		}
	})
	t.Run("BeforeTheVacancy", func(t *testing.T) {
		rep := loadReport(t, db, "2024-01-01", "2024-06-30")
		var vacant []string
		for _, f := range rep.Figures.Deputies.ByDistrict {
			if f.Vacant() > 0 {
				vacant = append(vacant, f.Label())
			}
		}
		if len(vacant) != 0 {
			t.Errorf("on 2024-06-30 张三 held 第2选区's seat, yet vacant: %v", vacant)
		}
	})
	t.Run("AfterTheByElection", func(t *testing.T) {
		rep := loadReport(t, db, "2025-01-01", "2025-05-31")
		tab := rep.t7()
		found := false
		for _, r := range tab.rows {
			if r.span && r.cells[0] == "第2选区(西片区)：应选1名，在任1名" {
				found = true
			}
		}
		if !found {
			t.Errorf("2025-05-31: no line 第2选区(西片区)：应选1名，在任1名 in %v", tab.rows)
		}
	})
}
