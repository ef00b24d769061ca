package export

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"rendadesk/store"
)

// The forms are read back as the clerk's printer would see them: pdftotext (poppler-utils, installed by
// `make test`) gives the text, pdffonts the fonts.

func needPoppler(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdffonts"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (apt-get install poppler-utils)", tool)
		}
	}
}

// pdfText returns the text of a PDF: mode "-layout" as laid out on the page, "-raw" in drawing order (the
// lines of a table cell one after the other). Pages are separated by \f.
func pdfText(t *testing.T, path, mode string) string {
	t.Helper()
	out, err := exec.Command("pdftotext", mode, path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext %s: %v", path, err)
	}
	return string(out)
}

// squeeze drops all white space, so wrapped text can be compared with what was written.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// checkPDF checks what every document must have: the fonts embedded, and on each page of n the footer
// 「第 i 页 共 n 页」. It returns the pages' text as laid out.
func checkPDF(t *testing.T, path string) []string {
	t.Helper()
	checkFonts(t, path)
	pages := strings.Split(strings.TrimSuffix(pdfText(t, path, "-layout"), "\f"), "\f")
	for i, p := range pages {
		// pdftotext -layout may or may not keep the narrow spaces of 「第 1 页 共 2 页」.
		if want := fmt.Sprintf("第 %d 页 共 %d 页", i+1, len(pages)); !strings.Contains(squeeze(p), squeeze(want)) {
			t.Errorf("%s: page %d has no footer %q:\n%s", filepath.Base(path), i+1, want, p)
		}
	}
	checkNoTempFiles(t, path)
	return pages
}

// checkFonts fails unless every font of the PDF at path is our embedded one.
func checkFonts(t *testing.T, path string) {
	t.Helper()
	out, err := exec.Command("pdffonts", path).Output()
	if err != nil {
		t.Fatalf("pdffonts %s: %v", path, err)
	}
	fonts := strings.Split(strings.TrimSpace(string(out)), "\n")[2:]
	if len(fonts) == 0 {
		t.Fatalf("%s: no fonts\n%s", path, out)
	}
	for _, f := range fonts {
		if fields := strings.Fields(f); len(fields) < 5 || !strings.HasPrefix(fields[0], "utf8noto") || fields[len(fields)-5] != "yes" {
			t.Errorf("%s: font not embedded: %q", path, f)
		}
	}
}

// footerRE reads 「第 i 页 共 n 页」 off a page.
var footerRE = regexp.MustCompile(`第(\d+)页共(\d+)页`)

// checkPartsPDF is checkPDF for a document printed in parts, each numbered on its own: the pages run 1 … n
// with 「共 n 页」, again from 1 for the next part. It returns the pages' text and the page counts of the parts.
func checkPartsPDF(t *testing.T, path string) (pages []string, parts []int) {
	t.Helper()
	checkFonts(t, path)
	pages = strings.Split(strings.TrimSuffix(pdfText(t, path, "-layout"), "\f"), "\f")
	want, of := 1, 0
	for i, p := range pages {
		m := footerRE.FindStringSubmatch(squeeze(p))
		if m == nil {
			t.Fatalf("%s: page %d has no footer:\n%s", filepath.Base(path), i+1, p)
		}
		n, total := atoi(m[1]), atoi(m[2])
		if want == of+1 { // the part before is complete (or there is none yet): the next starts here
			parts, want, of = append(parts, total), 1, total
		}
		if n != want || total != of {
			t.Fatalf("%s: page %d says 第%d页共%d页, want 第%d页共%d页", filepath.Base(path), i+1, n, total, want, of)
		}
		want++
	}
	if want != of+1 {
		t.Fatalf("%s: the last part ends at page %d of %d", filepath.Base(path), want-1, of)
	}
	checkNoTempFiles(t, path)
	return pages, parts
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// checkNoTempFiles fails when the atomic writer left its temporary file beside path.
func checkNoTempFiles(t *testing.T, path string) {
	t.Helper()
	entries, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".rendadesk-") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

func mustContain(t *testing.T, what, text string, wants ...string) {
	t.Helper()
	sq := squeeze(text)
	for _, w := range wants {
		if !strings.Contains(sq, squeeze(w)) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}

var ctx = context.Background()

// demoStore is a township's demo data as of 2024-11-30, with the store's clock on that day.
func demoStore(t *testing.T) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return time.Date(2024, 11, 30, 10, 0, 0, 0, time.Local) }
	if _, err := db.GenerateDemo(ctx, store.DemoOptions{Scale: "township", Seed: 1, Today: "2024-11-30"}); err != nil {
		t.Fatal(err)
	}
	return db
}

// withNames reads s with the names its forms print, through the store's loader (as the window and the
// command line do).
func withNames(t *testing.T, db *store.DB, s store.Suggestion) store.NamedSuggestion {
	t.Helper()
	doc, err := db.SuggestionDoc(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	return doc.Item
}

// handlingItem returns a 2024 item being handled that has co-signers and assisting units.
func handlingItem(t *testing.T, db *store.DB) store.Suggestion {
	t.Helper()
	list, _, err := db.Suggestions(ctx, store.SuggestionFilter{Year: 2024, States: []string{store.StateHandling}, Sort: "number"})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range list {
		if len(s.CosignerIDs) > 0 && len(s.AssistUnitIDs) > 0 && s.LeadDeputyID != 0 {
			return s
		}
	}
	t.Fatalf("no item being handled with co-signers and assisting units among %d", len(list))
	return store.Suggestion{}
}

func TestAssignForm(t *testing.T) {
	needPoppler(t)
	db := demoStore(t)
	st, err := db.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	it := withNames(t, db, handlingItem(t, db))
	path := filepath.Join(t.TempDir(), "交办单.pdf")
	if err := AssignForm(path, st, it, it.Assigned); err != nil {
		t.Fatal(err)
	}
	pages := checkPDF(t, path)
	if len(pages) != 1 {
		t.Errorf("交办单 of a short item has %d pages", len(pages))
	}
	text := strings.Join(pages, "")
	mustContain(t, "交办单", text, st.OfficeName+"代表建议交办单", it.Number, it.Title, it.LeadDeputyName, it.MainUnitName,
		it.Assigned.Chinese(), it.Deadline.Chinese(), it.Received.Chinese(), it.Category, "承办单位签收")
	mustContain(t, "交办单", text, it.AssistUnits...)
	mustContain(t, "交办单", text, it.Cosigners...)
	mustContain(t, "交办单 (drawing order)", pdfText(t, path, "-raw"), it.Content)
}

// A content of several pages continues in its box with the label repeated, and nothing is cut off.
func TestAssignFormLongContent(t *testing.T) {
	needPoppler(t)
	st := store.DefaultSettings()
	st.OfficeName = "青山镇人大主席团"
	content := strings.Repeat(reply300+"\n", 9) + "𠮷完。"
	it := store.NamedSuggestion{Suggestion: store.Suggestion{Number: "十八届三次-007", Title: strings.Repeat("关于改善镇区交通秩序的建议", 8),
		VoterName: "张三", VoterContact: "13812345678", Category: "城乡建设", Scope: store.LevelTown, Received: "2024-03-01",
		Content: content, Kind: store.KindVoter}}
	path := filepath.Join(t.TempDir(), "交办单.pdf")
	if err := AssignForm(path, st, it, "2024-03-05"); err != nil {
		t.Fatal(err)
	}
	pages := checkPDF(t, path)
	if len(pages) < 2 {
		t.Fatalf("a content of %d characters fits on %d page", len([]rune(content)), len(pages))
	}
	mustContain(t, "交办单", strings.Join(pages, ""), "选民意见建议交办单", "选民姓名", "张三", "联系方式", "13812345678", "2024年3月5日", "十八届三次-007")
	// In drawing order each page's part of the box follows the repeated label; drop the page furniture and
	// the labels, and the content must come back whole (𠮷, which the font lacks, printed as □).
	raw := pdfText(t, path, "-raw")
	for _, furniture := range []string{"青山镇人大主席团 选民意见建议交办单", "建议内容"} {
		raw = strings.ReplaceAll(raw, furniture, "")
	}
	for i := range pages {
		raw = strings.Replace(raw, fmt.Sprintf("第 %d 页 共 %d 页", i+1, len(pages)), "", 1)
	}
	if want := squeeze(strings.ReplaceAll(content, "𠮷", "□")); !strings.Contains(squeeze(raw), want) {
		t.Errorf("the content did not come back whole")
	}
	if strings.Count(squeeze(pdfText(t, path, "-layout")), "建议内容") < len(pages)-1 {
		t.Errorf("the label is not repeated on the continuation pages")
	}
}

// A voter's item prints as such: 选民意见建议交办单 with the voter, how to reach them, the station and the day
// of the reception, the deputy who brought it in, and the unit asked to answer the voter and report back.
func TestAssignFormVoterItemViaDeputy(t *testing.T) {
	needPoppler(t)
	st := store.DefaultSettings()
	st.OfficeName = "青山镇人大主席团"
	it := store.NamedSuggestion{Suggestion: store.Suggestion{Number: "2024-031", Title: "关于修缮村道的建议",
		VoterName: "李大娘", VoterContact: "13912345678", LeadDeputyName: "王建国", Category: "城乡建设", Scope: store.LevelTown,
		Received: "2024-03-01", Content: "村道破损。", Kind: store.KindVoter}, Station: "青山村代表联络站", ReceptionOn: "2024-02-28"}
	path := filepath.Join(t.TempDir(), "交办单.pdf")
	if err := AssignForm(path, st, it, "2024-03-05"); err != nil {
		t.Fatal(err)
	}
	text := squeeze(strings.Join(checkPDF(t, path), ""))
	mustContain(t, "交办单", text, "青山镇人大主席团选民意见建议交办单", "选民姓名李大娘", "联系方式13912345678",
		"来源联络站青山村代表联络站", "接待日期2024年2月28日", "转交代表王建国", "答复选民并反馈青山镇人大主席团")
	for _, not := range []string{"领衔代表", "书面答复代表", "代表建议交办单"} {
		if strings.Contains(strings.ReplaceAll(text, "选民意见建议交办单", ""), not) {
			t.Errorf("a voter's item prints %q:\n%s", not, text)
		}
	}
}

func TestAssignList(t *testing.T) {
	needPoppler(t)
	db := demoStore(t)
	st, _ := db.Settings(ctx)
	doc, err := db.AssignListDoc(ctx, 2024, 0)
	if err != nil {
		t.Fatal(err)
	}
	sections := doc.Sections
	if len(sections) < 5 {
		t.Fatalf("only %d units", len(sections))
	}
	path := filepath.Join(t.TempDir(), "交办清单.pdf")
	if err := AssignList(path, st, 2024, sections, "2024-11-30"); err != nil {
		t.Fatal(err)
	}
	pages := checkPDF(t, path)
	if len(pages) < len(sections) {
		t.Fatalf("%d units on %d pages: each unit starts a page", len(sections), len(pages))
	}
	text := strings.Join(pages, "")
	raw := pdfText(t, path, "-raw") // a wrapped title's lines one after the other
	for _, sec := range sections {
		mustContain(t, "交办清单", text, sec.Unit+"承办代表建议交办清单")
		for _, it := range append(sec.Items, sec.Assisting...) {
			mustContain(t, "交办清单", text, it.Number)
			mustContain(t, "交办清单 (drawing order)", raw, it.Title)
		}
	}
	// Each unit's section starts on a new page with its title, and counts its items.
	sec := sections[0]
	first := squeeze(pages[0])
	if !strings.HasPrefix(strings.TrimPrefix(first, squeeze(st.OfficeName+"代表建议交办清单")), squeeze(sec.Unit+"承办代表建议交办清单")) {
		t.Errorf("page 1 does not start with the first unit's title: %.80s", first)
	}
	plain := make([]store.Suggestion, len(sec.Items))
	for i, it := range sec.Items {
		plain[i] = it.Suggestion
	}
	mustContain(t, "交办清单", pages[0], "（2024年度）", "合计："+store.CountText(store.CountKinds(plain)))
	starts := 0
	for _, p := range pages {
		if strings.Contains(squeeze(p), "承办代表建议交办清单") {
			starts++
		}
	}
	if starts != len(sections) {
		t.Errorf("%d pages start a unit's section, want %d", starts, len(sections))
	}
}

// A list of 1 000 items runs over many pages: the header row is on every page once, and no row is split.
func TestAssignList1000Rows(t *testing.T) {
	needPoppler(t)
	st := store.DefaultSettings()
	st.OfficeName = "青山镇人大主席团"
	sec := store.UnitItems{Unit: "镇城建办"}
	for i := 1; i <= 1000; i++ {
		title := fmt.Sprintf("关于第%d号村道路灯维修的建议", i)
		if i%7 == 0 { // some titles wrap over several lines
			title = fmt.Sprintf("关于加快推进第%d号片区农村人居环境整治、生活垃圾分类收集转运和污水管网建设的建议", i)
		}
		sec.Items = append(sec.Items, store.NamedSuggestion{Suggestion: store.Suggestion{Number: fmt.Sprintf("2024-%04d", i), Title: title,
			LeadDeputyName: "王建国", Assigned: "2024-03-05", Deadline: "2024-06-05"}, AssistUnits: []string{"镇财政所", "县交通运输局"}})
	}
	path := filepath.Join(t.TempDir(), "清单.pdf")
	if err := AssignList(path, st, 2024, []store.UnitItems{sec}, "2024-03-05"); err != nil {
		t.Fatal(err)
	}
	pages := checkPDF(t, path)
	if len(pages) < 20 {
		t.Fatalf("1000 rows on %d pages", len(pages))
	}
	for i, p := range pages {
		if !strings.Contains(p, "2024-0") {
			if i != len(pages)-1 {
				t.Errorf("page %d has no rows", i+1)
			}
			continue // the total and the signature may run onto a last page
		}
		for _, h := range []string{"序号", "交办日期", "办理时限", "协办单位"} {
			if n := strings.Count(p, h); n != 1 {
				t.Errorf("page %d: header %q %d times", i+1, h, n)
			}
		}
	}
	// Drawing order gives each row's cells one after the other: a row's number and its whole title are on
	// the same page.
	raw := strings.Split(pdfText(t, path, "-raw"), "\f")
	found := 0
	for _, it := range sec.Items {
		for _, p := range raw {
			if strings.Contains(p, it.Number) {
				found++
				if !strings.Contains(squeeze(p), squeeze(it.Title)) {
					t.Errorf("row %s is split between pages", it.Number)
				}
			}
		}
	}
	if found != 1000 {
		t.Errorf("%d of 1000 numbers found once", found)
	}
	mustContain(t, "清单", pages[len(pages)-1], "合计：代表建议 1000 件")
}

func TestOverdueNotice(t *testing.T) {
	needPoppler(t)
	db := demoStore(t)
	st, _ := db.Settings(ctx)
	today := store.Date("2024-11-30")
	doc, err := db.OverdueDoc(ctx, today, 0)
	if err != nil {
		t.Fatal(err)
	}
	sections := doc.Sections
	path := filepath.Join(t.TempDir(), "督办.pdf")
	if err := OverdueNotice(path, st, sections, today); err != nil {
		t.Fatal(err)
	}
	pages := checkPDF(t, path)
	if len(pages) != len(sections) {
		t.Errorf("%d units on %d pages", len(sections), len(pages))
	}
	voters := 0
	for i, sec := range sections[:min(len(sections), len(pages))] {
		d, v := 0, 0
		for _, it := range sec.Items {
			if it.FromVoter() {
				v++
			} else {
				d++
			}
		}
		voters += v
		what, reply := "代表建议", "书面答复代表"
		if v > 0 {
			what, reply = "代表建议和选民意见建议", "代表建议书面答复代表，选民意见建议答复选民并反馈"+st.OfficeName
		}
		if d == 0 {
			what, reply = "选民意见建议", "答复选民并反馈"+st.OfficeName
		}
		mustContain(t, "督办通知", pages[i], "关于督促办理逾期"+what+"的通知", sec.Unit+"：",
			fmt.Sprintf("截至2024年11月30日，以下%s已超过办理时限尚未答复，请抓紧办理，于2024年12月7日前%s。", store.CountText(d, v), reply),
			"特此通知", st.OfficeName, "2024年11月30日", "逾期天数", "提出人")
		for _, it := range sec.Items {
			days := int(today.Time().Sub(it.Deadline.Time()).Hours() / 24)
			mustContain(t, "督办通知", pages[i], it.Number, it.Deadline.Chinese(), fmt.Sprint(days))
			if it.FromVoter() {
				mustContain(t, "督办通知", pages[i], it.VoterName+"（选民）")
			}
		}
	}
	if voters == 0 {
		t.Error("no voter's item among the demo's overdue ones: the notice's wording for them is untested")
	}
}

// replied gives the demo item a reply of more than 300 characters; with grade set, the deputy evaluates
// it, and after 不满意 the unit replies again.
func replied(t *testing.T, db *store.DB, grade string) store.NamedSuggestion {
	t.Helper()
	s := handlingItem(t, db)
	if err := db.Reply(ctx, s.ID, store.ReplyInput{Date: "2024-11-20", Method: "书面", Content: reply300, Outcome: store.OutcomeSolving}); err != nil {
		t.Fatal(err)
	}
	if grade != "" {
		if err := db.Evaluate(ctx, s.ID, store.EvaluateInput{Date: "2024-11-25", Grade: grade, Comment: "路灯仍未安装，请抓紧。"}); err != nil {
			t.Fatal(err)
		}
		if err := db.Reply(ctx, s.ID, store.ReplyInput{Date: "2024-11-29", Method: "见面", Content: "第二轮答复：已安装路灯12盏。", Outcome: store.OutcomeSolved}); err != nil {
			t.Fatal(err)
		}
	}
	s, err := db.Suggestion(ctx, s.ID)
	if err != nil {
		t.Fatal(err)
	}
	return withNames(t, db, s)
}

func TestSatisfactionForm(t *testing.T) {
	needPoppler(t)
	db := demoStore(t)
	st, _ := db.Settings(ctx)
	it := replied(t, db, "")
	h, err := db.Handling(ctx, it.ID)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "征询.pdf")
	if err := SatisfactionForm(path, st, it, h); err != nil {
		t.Fatal(err)
	}
	pages := checkPDF(t, path)
	if len(pages) != 1 {
		t.Errorf("the form takes %d pages, want 1", len(pages))
	}
	text := strings.Join(pages, "")
	mustContain(t, "征询意见表", text, "代表建议办理情况征询意见表", it.Number, it.Title, it.LeadDeputyName, it.MainUnitName,
		"2024年11月20日", "书面", "正在解决", "代表对办理情况的评价", "☐ 满意", "☐ 基本满意", "☐ 不满意", "意见和建议：",
		"代表签名：", "日期：______年____月____日", "请于收到本表后十日内反馈"+st.OfficeName)
	// Every character of the reply, in order, with the label beside it taken out.
	if !strings.Contains(strings.Replace(squeeze(text), "答复内容摘要", "", 1), squeeze(reply300)) {
		t.Errorf("the reply is not printed whole:\n%s", text)
	}
	if err := SatisfactionForm(path, st, store.NamedSuggestion{Suggestion: store.Suggestion{Number: "2024-001"}}, store.Handling{}); err == nil ||
		!strings.Contains(err.Error(), "还没有答复") {
		t.Errorf("a form for an item without a reply: %v", err)
	}
}

func TestItemHistory(t *testing.T) {
	needPoppler(t)
	db := demoStore(t)
	st, _ := db.Settings(ctx)
	it := replied(t, db, "不满意")
	steps, err := db.Timeline(ctx, it.ID)
	if err != nil {
		t.Fatal(err)
	}
	h, err := db.Handling(ctx, it.ID)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "过程.pdf")
	if err := ItemHistory(path, st, it, steps, h, "2024-11-30"); err != nil {
		t.Fatal(err)
	}
	pages := checkPDF(t, path)
	text := strings.Join(pages, "")
	mustContain(t, "过程单", text, "代表建议办理过程单", it.Number, it.Title, it.MainUnitName, "办理过程", "答复情况",
		"代表评价", "不满意", "路灯仍未安装，请抓紧。", "第二轮答复：已安装路灯12盏。", "重新办理", "第2轮", "打印日期：2024年11月30日")
	for _, s := range steps {
		mustContain(t, "过程单", text, s.Step, s.Date.Chinese())
	}
	raw := squeeze(pdfText(t, path, "-raw"))
	for _, p := range []string{st.OfficeName + "建议办理过程单", "答复内容"} {
		raw = strings.ReplaceAll(raw, squeeze(p), "")
	}
	for i := range pages {
		raw = strings.Replace(raw, squeeze(fmt.Sprintf("第 %d 页 共 %d 页", i+1, len(pages))), "", 1)
	}
	if !strings.Contains(raw, squeeze(reply300)) {
		t.Errorf("the first reply is not printed whole")
	}
}

func TestSavePDFErrors(t *testing.T) {
	st := store.DefaultSettings()
	it := store.NamedSuggestion{Suggestion: store.Suggestion{Number: "2024-001", Title: "标题"}}
	missing := filepath.Join(t.TempDir(), "没有这个文件夹", "交办单.pdf")
	err := AssignForm(missing, st, it, "2024-01-01")
	if err == nil || !strings.Contains(err.Error(), "无法在文件夹") || !strings.Contains(err.Error(), "交办单.pdf") {
		t.Errorf("a missing folder: %v", err)
	}
	if os.Geteuid() == 0 {
		return // root writes into read-only folders
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	if err := AssignForm(filepath.Join(dir, "x.pdf"), st, it, "2024-01-01"); err == nil || !strings.Contains(err.Error(), "无法在文件夹") {
		t.Errorf("a read-only folder: %v", err)
	}
}

// The 征询表 and the 过程单 of a voter's item are the voter's: who raised it, where and when, and the voter
// evaluates the handling.
func TestVoterItemSatisfactionAndHistory(t *testing.T) {
	needPoppler(t)
	st := store.DefaultSettings()
	st.OfficeName = "青山镇人大主席团"
	it := store.NamedSuggestion{Suggestion: store.Suggestion{Number: "2024-031", Title: "关于修缮村道的建议", State: store.StateReplied,
		VoterName: "李大娘", VoterContact: "13912345678", Category: "城乡建设", Scope: store.LevelTown, Kind: store.KindVoter,
		Received: "2024-03-01", Assigned: "2024-03-05", Deadline: "2024-06-05", MainUnitName: "镇城建办", Content: "村道破损。"},
		Station: "青山村代表联络站", ReceptionOn: "2024-02-28"}
	h := store.Handling{Replies: []store.Reply{{Round: 1, Date: "2024-05-20", Method: "见面", Outcome: store.OutcomeSolved, Content: "已修缮。"}}}
	dir := t.TempDir()
	form := filepath.Join(dir, "征询表.pdf")
	if err := SatisfactionForm(form, st, it, h); err != nil {
		t.Fatal(err)
	}
	text := squeeze(strings.Join(checkPDF(t, form), ""))
	mustContain(t, "征询表", text, "选民意见建议办理情况征询意见表", "选民姓名李大娘", "联系方式13912345678",
		"来源联络站青山村代表联络站", "接待日期2024年2月28日", "选民对办理情况的评价", "选民签名")
	if strings.Contains(text, "代表签名") || strings.Contains(text, "领衔代表") {
		t.Errorf("the voter's 征询表 asks the deputy:\n%s", text)
	}
	history := filepath.Join(dir, "过程单.pdf")
	if err := ItemHistory(history, st, it, nil, h, "2024-06-01"); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "过程单", strings.Join(checkPDF(t, history), ""), "选民意见建议办理过程单", "李大娘", "青山村代表联络站")
}
