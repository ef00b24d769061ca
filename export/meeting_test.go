package export

import (
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"rendadesk/store"
)

// keepPDF copies a PDF a test made to the folder RENDADESK_KEEP_PDF names, to look at it; without the
// variable it does nothing.
func keepPDF(t *testing.T, path string) {
	t.Helper()
	dir := os.Getenv("RENDADESK_KEEP_PDF")
	if dir == "" {
		return
	}
	in, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(filepath.Join(dir, filepath.Base(path)))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
}

// meetingData is a meeting with everything MeetingMaterials takes.
type meetingData struct {
	st       store.Settings
	m        store.Meeting
	d        store.MeetingDetail
	q        store.Quorum
	expected []store.Deputy
}

// congress returns the latest 人代会 of the demo for which ok holds, read as the command line reads it.
func congress(t *testing.T, db *store.DB, ok func(store.MeetingDetail) bool) meetingData {
	t.Helper()
	st, err := db.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ms, _, err := db.Meetings(ctx, store.MeetingFilter{Kind: store.MeetingCongress})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms { // newest first
		d, err := db.MeetingDetail(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !ok(d) {
			continue
		}
		q, err := db.Quorum(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		expected, err := db.ExpectedAttendees(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		return meetingData{st, m, d, q, expected}
	}
	t.Fatal("no 人代会 in the demo fits")
	return meetingData{}
}

// materials writes the parts of md, one copy of each ballot, and returns the path and the pages' text as laid
// out.
func materials(t *testing.T, md meetingData, name string, parts ...string) (string, []string) {
	t.Helper()
	path, pages, _ := printMaterials(t, md, name, MeetingPrint{Parts: parts, Copies: 1})
	return path, pages
}

// printMaterials writes md as p asks and returns the path, the pages' text as laid out and the page count of
// each part, checking that each part is numbered on its own.
func printMaterials(t *testing.T, md meetingData, name string, p MeetingPrint) (string, []string, []int) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name+".pdf")
	if err := MeetingMaterials(path, md.st, md.m, md.d, md.q, md.expected, p); err != nil {
		t.Fatal(err)
	}
	keepPDF(t, path)
	pages, parts := checkPartsPDF(t, path)
	return path, pages, parts
}

// fieldsCount counts the lines' white-space separated fields that are exactly s.
func fieldsCount(text, s string) int {
	n := 0
	for _, f := range strings.Fields(text) {
		if f == s {
			n++
		}
	}
	return n
}

// hasRow reports whether a line of text has exactly these fields, in order.
func hasRow(text string, fields ...string) bool {
	for _, l := range strings.Split(text, "\n") {
		if slices.Equal(strings.Fields(l), fields) {
			return true
		}
	}
	return false
}

func TestMeetingMaterials(t *testing.T) {
	needPoppler(t)
	db := demoStore(t)
	latest := congress(t, db, func(store.MeetingDetail) bool { return true })
	if len(latest.d.Agenda) == 0 || len(latest.d.Resolutions) == 0 || len(latest.d.Attendance) == 0 || latest.q.Base == 0 {
		t.Fatalf("the latest 人代会 has agenda %d, resolutions %d, attendance %d, base %d", len(latest.d.Agenda),
			len(latest.d.Resolutions), len(latest.d.Attendance), latest.q.Base)
	}

	t.Run("Agenda", func(t *testing.T) {
		_, pages := materials(t, latest, "会议议程", "会议议程")
		text := strings.Join(pages, "")
		mustContain(t, "议程", text, latest.m.Title, "议程", latest.m.Start.Chinese(), latest.m.Place, latest.m.Host)
		for i, a := range latest.d.Agenda {
			mustContain(t, "议程", text, store.ChineseNumber(i+1)+"、"+a.Title)
			if a.Presenter != "" {
				mustContain(t, "议程", text, a.Presenter)
			}
		}
		if strings.Contains(text, "代表签到表") || strings.Contains(text, "表决票") {
			t.Error("the agenda alone prints other parts")
		}
	})

	t.Run("SignIn", func(t *testing.T) {
		_, pages := materials(t, latest, "代表签到表", "代表签到表")
		text := strings.Join(pages, "\n")
		for _, dp := range latest.expected {
			if n := fieldsCount(text, dp.Name); n != 1 {
				t.Errorf("%s is on the sign-in sheet %d times", dp.Name, n)
			}
		}
		// The header is on every page.
		for i, p := range pages {
			mustContain(t, fmt.Sprintf("sign-in page %d", i+1), p, "序号", "姓名", "代表小组/选区", "签到", "备注")
		}
		// Attendance is recorded: the totals are the recorded numbers, and the leave is marked.
		want := fmt.Sprintf("应到%d人实到%d人请假%d人", latest.q.Base, latest.q.Present, latest.q.Leave)
		mustContain(t, "sign-in totals", text, want)
		for _, a := range latest.d.Attendance {
			if a.Status == "请假" && a.Reason != "" {
				mustContain(t, "sign-in", text, "请假（"+a.Reason+"）")
			}
		}
		// Before the meeting the totals are blanks to fill in.
		blank := latest
		blank.d.Attendance = nil
		_, pages = materials(t, blank, "代表签到表-空白", "代表签到表")
		text = strings.Join(pages, "")
		mustContain(t, "blank sign-in", text, fmt.Sprintf("应到%d人实到____人请假____人", latest.q.Base))
		if strings.Contains(text, "请假（") {
			t.Error("a blank sign-in sheet marks leave")
		}
	})

	t.Run("Guests", func(t *testing.T) {
		if len(latest.d.Guests) == 0 {
			t.Skip("no guests")
		}
		_, pages := materials(t, latest, "列席人员名单", "列席人员名单")
		text := strings.Join(pages, "")
		for _, g := range latest.d.Guests {
			mustContain(t, "列席人员名单", text, g.Name, g.Unit, g.Post)
		}
		mustContain(t, "列席人员名单", text, "单位", "职务", fmt.Sprintf("共 %d 人", len(latest.d.Guests)))
	})

	t.Run("Ballots", func(t *testing.T) {
		path, pages := materials(t, latest, "表决票", "表决票")
		n := len(latest.d.Resolutions)
		if want := (n + 1) / 2; len(pages) != want {
			t.Errorf("%d ballots on %d pages, want two to a page (%d)", n, len(pages), want)
		}
		raw := squeeze(pdfText(t, path, "-raw"))
		for _, r := range latest.d.Resolutions {
			mustContain(t, "表决票", raw, r.Title)
		}
		if got := strings.Count(raw, "表决票") - len(pages); got != n { // and in the page header
			t.Errorf("%d ballots for %d resolutions", got, n)
		}
		for _, w := range []string{"赞成", "反对", "弃权", "只能选一项"} {
			if got := strings.Count(raw, squeeze(w)); got != n {
				t.Errorf("%q is on the ballots %d times, want once on each of %d", w, got, n)
			}
		}
		if got := strings.Count(raw, "裁剪线"); got != n/2 {
			t.Errorf("%d cut lines between %d ballots, want %d", got, n, n/2)
		}
	})

	t.Run("Tally", func(t *testing.T) {
		_, pages := materials(t, latest, "计票结果单", "计票结果单")
		text := strings.Join(pages, "\n")
		for _, r := range latest.d.Resolutions {
			passed, _ := latest.q.ResolutionResult(r)
			result := map[bool]string{true: "通过", false: "未通过"}[passed]
			mustContain(t, "计票结果单", text, r.Title)
			if !hasRow(text, itoa(latest.q.Base), itoa(latest.q.Present), itoa(r.For), itoa(r.Against), itoa(r.Abstain), result) {
				t.Errorf("the tally has no row %d %d %d %d %d %s:\n%s", latest.q.Base, latest.q.Present, r.For, r.Against, r.Abstain, result, text)
			}
		}
		mustContain(t, "计票结果单", text, "监票人", "计票人")

		// The rule, not the clerk's entry: exactly half is not a majority.
		half := latest
		half.q = store.Quorum{Base: 72, BaseName: "全镇人大代表", Present: 70}
		half.d.Resolutions = []store.Resolution{
			{Title: "《关于恰好半数的决议》", For: 36, Against: 30, Abstain: 4, EnteredResult: "通过"},
			{Title: "《关于过半数的决议》", For: 37, Against: 30, Abstain: 3},
			{Title: "《关于尚未表决的决议》"},
		}
		_, pages = materials(t, half, "计票结果单-半数", "计票结果单")
		text = strings.Join(pages, "\n")
		if !hasRow(text, "72", "70", "36", "30", "4", "未通过") {
			t.Errorf("exactly half is not 未通过:\n%s", text)
		}
		if !hasRow(text, "72", "70", "37", "30", "3", "通过") {
			t.Errorf("37 of 72 is not 通过:\n%s", text)
		}
		if !hasRow(text, "72", "70") {
			t.Errorf("a resolution not yet voted on has numbers filled in:\n%s", text)
		}
		mustContain(t, "计票结果单", text, "不少于 37 票", "登记的表决结果为“通过”，按表决规则应为“未通过”")
	})

	t.Run("Resolutions", func(t *testing.T) {
		md := latest
		md.d.Resolutions = append(slices.Clone(md.d.Resolutions), store.Resolution{Title: "《关于未通过的决定》",
			Text: "第一段。\n第二段。", For: 10, Against: 50, Abstain: 10})
		path, pages := materials(t, md, "决议文本", "决议文本")
		if len(pages) != len(md.d.Resolutions) {
			t.Errorf("%d resolutions on %d pages, want one each", len(md.d.Resolutions), len(pages))
		}
		raw := squeeze(pdfText(t, path, "-raw"))
		for i, r := range md.d.Resolutions {
			page := pages[min(i, len(pages)-1)]
			mustContain(t, "决议文本", page, strings.Trim(r.Title, "《》"))
			mustContain(t, "决议文本", raw, r.Text)
			passed, _ := md.q.ResolutionResult(r)
			adopted := fmt.Sprintf("（%s%s通过）", md.m.End.Chinese(), md.m.Title)
			if md.m.End == "" {
				adopted = fmt.Sprintf("（%s%s通过）", md.m.Start.Chinese(), md.m.Title)
			}
			if passed != strings.Contains(squeeze(page), squeeze(adopted)) || passed == strings.Contains(page, "（草案）") {
				t.Errorf("resolution %q (passed %v) page:\n%s", r.Title, passed, page)
			}
		}
	})

	t.Run("AllParts", func(t *testing.T) {
		// No parts chosen: every part the meeting has data for, in order, each from a new page.
		_, pages := materials(t, latest, "会议材料")
		want := []string{"议程", "代表签到表", "表决票", "表决计票结果单"}
		if len(latest.d.Guests) > 0 {
			want = slices.Insert(want, 2, "列席人员名单")
		}
		at := 0
		for _, w := range want {
			found := false
			for ; at < len(pages); at++ {
				if strings.Contains(squeeze(pages[at]), w) {
					found = true
					break
				}
			}
			if !found {
				t.Errorf("part %q missing or out of order", w)
			}
		}
		text := strings.Join(pages, "")
		if len(latest.d.Elections) == 0 && (strings.Contains(text, "选举结果报告") || strings.Contains(text, "另选他人")) {
			t.Error("election parts printed for a meeting without elections")
		}
	})

	elected := congress(t, db, func(d store.MeetingDetail) bool { return len(d.Elections) > 1 })

	t.Run("ElectionBallots", func(t *testing.T) {
		path, _ := materials(t, elected, "选票", "选票")
		raw := squeeze(pdfText(t, path, "-raw"))
		for _, e := range elected.d.Elections {
			mustContain(t, "选票", raw, fmt.Sprintf("（%s%s）", e.Kind, e.Position), fmt.Sprintf("应选%d名", e.Seats))
			for _, c := range e.Candidates {
				mustContain(t, "选票", raw, c.Name)
			}
		}
		if got := strings.Count(raw, "另选他人"); got < 2*len(elected.d.Elections) { // the row and the note
			t.Errorf("另选他人 %d times on %d ballots", got, len(elected.d.Elections))
		}
	})

	t.Run("ElectionReport", func(t *testing.T) {
		path, pages := materials(t, elected, "选举结果报告", "选举结果报告")
		text := strings.Join(pages, "\n")
		raw := squeeze(pdfText(t, path, "-raw"))
		for _, e := range elected.d.Elections {
			if !hasRow(text, itoa(e.Expected), itoa(e.Present), itoa(e.BallotsIssued), itoa(e.BallotsReturned),
				itoa(e.BallotsValid), itoa(e.BallotsReturned-e.BallotsValid)) {
				t.Errorf("no ballot counts for %s:\n%s", e.Position, text)
			}
			var names []string
			for _, c := range e.Candidates {
				result := "未当选"
				if c.Elected {
					result = "当选"
					names = append(names, c.Name)
				}
				if !regexp.MustCompile(`(?m)^\s*\d+\s+` + regexp.QuoteMeta(c.Name) + `\s+` + itoa(c.Votes) + `\s+` + result + `\s*$`).MatchString(text) {
					t.Errorf("no row for candidate %s (%d votes, %s)", c.Name, c.Votes, result)
				}
			}
			if len(names) > 0 {
				mustContain(t, "选举结果报告", raw, strings.Join(names, "、")+"当选为"+e.Position)
			}
		}
		mustContain(t, "选举结果报告", text, "总监票人", "计票人")
	})

	t.Run("Refused", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "x.pdf")
		err := MeetingMaterials(path, latest.st, latest.m, latest.d, latest.q, latest.expected, MeetingPrint{Parts: []string{"会议议程", "茶歇安排"}})
		if err == nil || !strings.Contains(err.Error(), "不认识的会议材料「茶歇安排」") || !strings.Contains(err.Error(), strings.Join(MeetingParts, "、")) {
			t.Errorf("unknown part: %v", err)
		}
		none := latest
		none.d.Elections = nil
		if err := MeetingMaterials(path, none.st, none.m, none.d, none.q, none.expected, MeetingPrint{Parts: []string{"选票"}}); err == nil || !strings.Contains(err.Error(), "没有登记选举") {
			t.Errorf("ballots without elections: %v", err)
		}
		if err := MeetingMaterials(path, none.st, none.m, store.MeetingDetail{}, store.Quorum{}, nil, MeetingPrint{}); err == nil {
			t.Error("a meeting with nothing recorded printed")
		}
		if _, err := os.Stat(path); err == nil {
			t.Error("a refused print left a file")
		}
	})

	t.Run("OddText", func(t *testing.T) {
		// Characters beyond U+FFFF and control characters in the clerk's text neither crash fpdf nor vanish.
		md := latest
		md.m.Title = "青山镇𠮷\t会议"
		md.d.Agenda = []store.AgendaItem{{Title: "听取𠮷报告\r\n", Presenter: "𠮷某", Kind: "审议报告"}}
		md.d.Resolutions = []store.Resolution{{Title: "《关于𠮷的决议》", Text: "正文𠮷。", For: 70}}
		_, pages := materials(t, md, "异常文字")
		mustContain(t, "odd text", strings.Join(pages, ""), "青山镇□ 会议", "听取□报告", "关于□的决议")
	})
}

// Each part is numbered on its own: a one-page agenda says 「第 1 页 共 1 页」 whatever follows it.
func TestMeetingPartsNumberedOnTheirOwn(t *testing.T) {
	needPoppler(t)
	latest := congress(t, demoStore(t), func(d store.MeetingDetail) bool { return len(d.Resolutions) > 0 })
	_, pages, parts := printMaterials(t, latest, "会议材料", MeetingPrint{Parts: []string{"会议议程", "代表签到表", "表决票", "计票结果单"}, Copies: 1})
	if len(parts) != 4 || parts[0] != 1 {
		t.Fatalf("parts of %v pages, want 4 parts with a one-page agenda", parts)
	}
	if !strings.Contains(squeeze(pages[0]), "第1页共1页") {
		t.Errorf("the agenda says:\n%s", pages[0])
	}
	at := 0
	for i, name := range []string{"会议议程", "代表签到表", "表决票", "计票结果单"} {
		for k := 0; k < parts[i]; k++ {
			if head := strings.SplitN(strings.TrimSpace(pages[at]), "\n", 2)[0]; !strings.Contains(head, name) {
				t.Errorf("page %d (%s %d/%d) is headed %q", at+1, name, k+1, parts[i], head)
			}
			at++
		}
	}
}

// Ballots go 2 or 4 to a sheet with cut lines between them, as many of each as deputies are expected unless
// the clerk says otherwise; each resolution's stack starts on a sheet of its own.
func TestBallotsPerSheetAndCopies(t *testing.T) {
	needPoppler(t)
	latest := congress(t, demoStore(t), func(d store.MeetingDetail) bool { return len(d.Resolutions) > 1 })
	n := len(latest.d.Resolutions)
	expected := DefaultCopies(latest.q, len(latest.expected))
	if expected != latest.q.Expected || expected < 5 {
		t.Fatalf("应到 %d (quorum %d): the test needs the demo's deputies", expected, latest.q.Expected)
	}
	ceil := func(a, b int) int { return (a + b - 1) / b }
	for _, tc := range []struct {
		name     string
		perSheet int
		copies   int
		sheets   int // pages of the 表决票 part
		cuts     int // 裁剪线 across
	}{
		{"TwoPerSheetDefaultCopies", 2, 0, n * ceil(expected, 2), n * (expected / 2)},
		{"FourPerSheet", 4, 6, n * 2, n}, // a full sheet of four, then two on the top row
		{"OneCopyEachTwoPerSheet", 2, 1, ceil(n, 2), n / 2},
		{"OnePerSheet", 1, 3, n * 3, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path, pages, parts := printMaterials(t, latest, tc.name, MeetingPrint{Parts: []string{"表决票"}, PerSheet: tc.perSheet, Copies: tc.copies})
			if len(parts) != 1 || parts[0] != tc.sheets {
				t.Errorf("%d pages (%v), want %d", len(pages), parts, tc.sheets)
			}
			raw := squeeze(pdfText(t, path, "-raw"))
			copies := tc.copies
			if copies == 0 {
				copies = expected
			}
			for _, r := range latest.d.Resolutions {
				if got := strings.Count(raw, squeeze(r.Title)); got < copies {
					t.Errorf("%q on %d ballots, want %d", r.Title, got, copies)
				}
			}
			if got := strings.Count(raw, "只能选一项"); got != n*copies {
				t.Errorf("%d ballots, want %d", got, n*copies)
			}
			if got := strings.Count(raw, "裁剪线"); got != tc.cuts {
				t.Errorf("%d cut lines across, want %d", got, tc.cuts)
			}
			if tc.perSheet == 4 {
				shot := pageImage(t, path, 1)
				if !darkColumnAt(shot, 0.5) {
					t.Error("no cut line down the middle of a sheet of four")
				}
			}
		})
	}
	t.Run("ErrPerSheet", func(t *testing.T) {
		err := MeetingMaterials(filepath.Join(t.TempDir(), "x.pdf"), latest.st, latest.m, latest.d, latest.q, latest.expected, MeetingPrint{PerSheet: 3})
		if store.ErrorCode(err) != store.EINVALID || !strings.Contains(store.ErrorMessage(err), "只能是 1、2 或 4") {
			t.Fatalf("err = %v", err)
		}
	})
}

// pageImage renders page n of the PDF at path at 72 dpi.
func pageImage(t *testing.T, path string, n int) image.Image {
	t.Helper()
	prefix := filepath.Join(t.TempDir(), "page")
	if out, err := exec.Command("pdftoppm", "-r", "72", "-png", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), "-singlefile", path, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	f, err := os.Open(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

// darkColumnAt reports whether a dashed line runs down img at the fraction x of its width: at least a third
// of the rows have ink there.
func darkColumnAt(img image.Image, x float64) bool {
	b := img.Bounds()
	cx := b.Min.X + int(float64(b.Dx())*x)
	inked := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for dx := -1; dx <= 1; dx++ {
			r, g, bl, _ := img.At(cx+dx, y).RGBA()
			if (r+g+bl)/3 < 0xe000 {
				inked++
				break
			}
		}
	}
	return inked*3 >= b.Dy()
}
