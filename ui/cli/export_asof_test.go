package cli

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"rendadesk/export"
	"strconv"
	"strings"
	"testing"

	"rendadesk/store"
)

// readCSV reads a CSV file the export wrote: UTF-8 with a byte-order mark.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("\ufeff")) {
		t.Fatalf("%s: no byte-order mark", filepath.Base(path))
	}
	recs, err := csv.NewReader(bytes.NewReader(b[3:])).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", filepath.Base(path), err)
	}
	return recs
}

// `export --as-of` counts the period's items as they stood on a later day, exactly as the figures do; the CSV
// files (one a table, with a BOM) carry those numbers; a half-year's files are named by the half-year and
// leave the year's files as they were.
func TestExportAsOfAndCSV(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "t.db")
	if code, _, errOut := run("demo", "--db", dbPath, "--seed", "1", "--today", "2026-12-01"); code != ExitOK {
		t.Fatalf("demo: %s", errOut)
	}
	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	var solved []int
	for _, asOf := range []store.Date{"2025-12-31", "2026-01-15", "2026-06-30"} {
		f, err := db.Figures(context.Background(), "2025-01-01", "2025-12-31", asOf)
		if err != nil {
			t.Fatal(err)
		}
		solved = append(solved, f.All.Solved)
	}
	db.Close()
	if solved[0] == solved[2] {
		t.Fatalf("the demo solves nothing after the year's end (%v): the test would prove nothing", solved)
	}
	for i, asOf := range []string{"2025-12-31", "2026-01-15", "2026-06-30"} {
		t.Run(asOf, func(t *testing.T) {
			out := filepath.Join(dir, asOf)
			code, stdout, errOut := run("export", "--db", dbPath, "--year", "2025", "--as-of", asOf, "--today", "2026-12-01",
				"--format", "csv", "--out", out)
			if code != ExitOK {
				t.Fatalf("export: %s", errOut)
			}
			files, _ := filepath.Glob(filepath.Join(out, "*.csv"))
			if n := export.TableCount(); len(files) != n || strings.Count(stdout, "已生成") != n {
				t.Fatalf("%d CSV files: %v\n%s", len(files), files, stdout)
			}
			t1 := readCSV(t, filepath.Join(out, "青山镇人大主席团2025年度工作统计-表1 主要数据.csv"))
			if strings.Join(t1[0], ",") != "序号,项目,口径,数量/比率,单位,分子,分母,说明" {
				t.Errorf("T1 header %v", t1[0])
			}
			row := findCSV(t1, "解决率", "全年")
			if row == nil || row[5] != strconv.Itoa(solved[i]) || !strings.HasSuffix(row[3], "%") {
				t.Errorf("T1 解决率 全年 %v, the figures as of %s solve %d", row, asOf, solved[i])
			}
			// T4 lists each item's outcome on that day: as many 已解决 as the figures count.
			t4 := readCSV(t, filepath.Join(out, "青山镇人大主席团2025年度工作统计-表4 办理情况一览表.csv"))
			col := -1
			for c, h := range t4[0] {
				if h == "办理结果" {
					col = c
				}
			}
			n := 0
			for _, rec := range t4[1:] {
				if rec[col] == store.OutcomeSolved {
					n++
				}
			}
			if n != solved[i] {
				t.Errorf("T4 lists %d 已解决 as of %s, the figures %d", n, asOf, solved[i])
			}
		})
	}

	// The year's workbook, then the first half of 2026: its own name, and the year's file untouched.
	out := filepath.Join(dir, "files")
	if code, _, errOut := run("export", "--db", dbPath, "--year", "2025", "--today", "2026-12-01", "--format", "xlsx", "--out", out); code != ExitOK {
		t.Fatalf("export 2025: %s", errOut)
	}
	year := filepath.Join(out, "青山镇人大主席团2025年度工作统计.xlsx")
	before, err := os.ReadFile(year)
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, errOut := run("export", "--db", dbPath, "--year", "2026", "--from", "2026-01-01", "--to", "2026-06-30",
		"--today", "2026-12-01", "--format", "all", "--out", out)
	if code != ExitOK {
		t.Fatalf("export half-year: %s", errOut)
	}
	for _, name := range []string{"青山镇人大主席团2026年1月1日至6月30日工作统计.xlsx", "青山镇人大主席团2026年1月1日至6月30日工作统计.pdf",
		"青山镇人大主席团2026年1月1日至6月30日工作报告文字稿.txt"} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil || !strings.Contains(stdout, name) {
			t.Errorf("no %s: %v\n%s", name, err, stdout)
		}
	}
	if after, err := os.ReadFile(year); err != nil || !bytes.Equal(before, after) {
		t.Errorf("the year's workbook changed (%v)", err)
	}
	text, _ := os.ReadFile(filepath.Join(out, "青山镇人大主席团2026年1月1日至6月30日工作报告文字稿.txt"))
	if !strings.Contains(string(text), "统计时段：2026年1月1日至6月30日，数据截至2026年6月30日") {
		t.Errorf("the half-year's text: %s", text)
	}
}

// findCSV returns the first record whose 项目 and 口径 (T1's columns 2 and 3) are the given ones.
func findCSV(recs [][]string, item, basis string) []string {
	for _, r := range recs {
		if len(r) > 5 && r[1] == item && r[2] == basis {
			return r
		}
	}
	return nil
}
