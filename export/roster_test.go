package export

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"rendadesk/store"
)

func TestRoster(t *testing.T) {
	needPoppler(t)
	db := demoStore(t)
	st, err := db.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ds, _, err := db.Deputies(ctx, store.DeputyFilter{Status: store.DeputyActive})
	if err != nil {
		t.Fatal(err)
	}
	// One deputy who has left, to see the remark.
	gone := ds[len(ds)-1]
	gone.Status, gone.VacancyReason, gone.VacancyDate = store.DeputyVacant, "调离", "2024-10-01"
	ds[len(ds)-1] = gone
	fullPhone := regexp.MustCompile(`\b1\d{10}\b`)

	write := func(public bool) (string, []string) {
		name := "代表名册"
		if public {
			name += "-公开版"
		}
		path := filepath.Join(t.TempDir(), name+".pdf")
		if err := Roster(path, st, ds, public, "2024-11-30"); err != nil {
			t.Fatal(err)
		}
		keepPDF(t, path)
		return path, checkPDF(t, path)
	}

	for _, public := range []bool{false, true} {
		t.Run(map[bool]string{false: "Full", true: "Public"}[public], func(t *testing.T) {
			path, pages := write(public)
			if len(pages) < 2 {
				t.Fatalf("%d deputies on %d page", len(ds), len(pages))
			}
			text := strings.Join(pages, "\n")
			title := st.Township + "人大代表名册"
			if public {
				title += "（公开版）"
			}
			mustContain(t, "roster", pages[0], title, "截至2024年11月30日")
			// In drawing order a wrapped cell reads whole.
			raw := strings.Split(pdfText(t, path, "-raw"), "\f")
			mustContain(t, "roster", strings.Join(raw, ""), fmt.Sprintf("共 %d 名代表", len(ds)), "出缺（调离）", "主席团成员", "副主席")
			// The header on every page.
			for i := range pages {
				headers := []string{"序号", "姓名", "性别", "民族", "政治面貌", "文化程度", "代表层级", "工作单位及职务",
					"所在村(居)", "代表小组", "联系电话", "备注"}
				if !public {
					headers = append(headers, "出生年月")
				}
				mustContain(t, fmt.Sprintf("roster page %d", i+1), raw[i], headers...)
				if public && strings.Contains(raw[i], "出生年月") {
					t.Errorf("public roster page %d has a birth column", i+1)
				}
			}
			for _, dp := range ds {
				if fieldsCount(text, dp.Name) != 1 {
					t.Errorf("%s is on the roster %d times", dp.Name, fieldsCount(text, dp.Name))
				}
				birth := birthMonth(dp.Birth)
				switch {
				case dp.Birth == "":
				case public && strings.Contains(text, birth):
					t.Errorf("public roster shows %s's birth %s", dp.Name, birth)
				case !public && !strings.Contains(text, birth):
					t.Errorf("roster lacks %s's birth %s", dp.Name, birth)
				}
				if dp.Phone == "" {
					continue
				}
				if public {
					mustContain(t, "public roster", text, store.MaskPhone(dp.Phone))
				} else {
					mustContain(t, "roster", text, dp.Phone)
				}
			}
			if found := fullPhone.FindAllString(text, -1); public && len(found) > 0 {
				t.Errorf("public roster shows phone numbers %v", found)
			} else if !public && len(found) < len(ds)/2 {
				t.Errorf("full roster shows %d phone numbers for %d deputies", len(found), len(ds))
			}
		})
	}
}
