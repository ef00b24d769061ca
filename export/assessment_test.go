package export

import (
	"context"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"rendadesk/store"
)

// The 考评材料 read back: the contents page names every section with a page number, and that page is the one
// the section starts on (its heading at the top); the sections carry the year's numbers, and the pages are
// numbered 「第 x 页 共 y 页」 across the pack.
func TestAssessmentPack(t *testing.T) {
	db, st, _ := workPlanData(t)
	rep, err := db.LoadReport(context.Background(), "2024-01-01", "2024-12-31", "")
	if err != nil {
		t.Fatal(err)
	}
	rep.Settings = st
	path := filepath.Join(t.TempDir(), "考评材料.pdf")
	if err := AssessmentPack(path, Report{ReportData: rep}, "2025-01-10"); err != nil {
		t.Fatal(err)
	}
	checkPDF(t, path)
	pages := pdfPages(t, path)
	checkFooters(t, pages)
	contents := pages[0]
	if !strings.Contains(contents, "青山镇人大主席团2024年度工作考评材料") || !regexp.MustCompile(`目\s+录`).MatchString(contents) {
		t.Fatalf("contents page:\n%s", contents)
	}
	last := 0
	for i, title := range AssessmentSectionTitles() {
		head := fmt.Sprintf("%s、%s", store.ChineseNumber(i+1), title)
		m := regexp.MustCompile(regexp.QuoteMeta(head) + `\s+第\s*(\d+)\s*页`).FindStringSubmatch(contents)
		if m == nil {
			t.Fatalf("the contents lack %s with its page:\n%s", head, contents)
		}
		n, _ := strconv.Atoi(m[1])
		if n <= last || n > len(pages) {
			t.Fatalf("%s on page %d after page %d of %d", head, n, last, len(pages))
		}
		if top := strings.Join(strings.Fields(strings.SplitN(pages[n-1], head, 2)[0]), ""); !strings.Contains(pages[n-1], head) || len([]rune(top)) > 40 {
			t.Fatalf("page %d does not start with %s:\n%s", n, head, pages[n-1])
		}
		last = n
	}
	all := squeeze(strings.Join(pages, "\n"))
	wantIn(t, all, "2主席团会议每季度至少1次4130", // the March meeting counted
		"合计3823501", "37监督视察农村公路建设5月张副主席未完成", "人大工作研讨会", "已取消：并入县人大统一安排", // the plan
		"共2次：人民代表大会会议1次，主席团会议1次。", "第一季度主席团会议", // meetings
		"收到件数(件)24231", "镇城建办", // suggestions: 24 received, 23 at the session, 1 between
		"家站点1个，「六个有」全部达标1个。", "青山村代表联络站", // stations
		"积分规则：", "李堃", "2025年1月10日")
}
