package export

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"rendadesk/store"
)

// demoRecords returns the demo's records of a year with its settings.
func demoRecords(t *testing.T, db *store.DB, year int) ([]store.DeputyRecord, store.Settings) {
	t.Helper()
	recs, err := db.DeputyRecords(ctx, year)
	if err != nil {
		t.Fatal(err)
	}
	st, err := db.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return recs, st
}

// rawPages is the text of each page in drawing order, white space removed: the lines of a table cell and of
// a wrapped paragraph follow one another.
func rawPages(t *testing.T, path string) []string {
	t.Helper()
	pages := strings.Split(strings.TrimSuffix(pdfText(t, path, "-raw"), "\f"), "\f")
	for i := range pages {
		pages[i] = squeeze(pages[i])
	}
	return pages
}

func TestDeputyFile(t *testing.T) {
	needPoppler(t)
	db := demoStore(t)
	recs, st := demoRecords(t, db, 2023)
	// A deputy who reported back to the voters, led suggestions and was on duty at a station.
	var r store.DeputyRecord
	for _, x := range recs {
		if len(x.ReportBacks) > 0 && x.Led > 0 && x.Receptions > 0 && len(x.Attendance) >= 3 {
			r = x
			break
		}
	}
	if r.Deputy.ID == 0 {
		t.Fatal("no deputy in the 2023 demo with report-backs, suggestions, receptions and attendance")
	}
	path := filepath.Join(t.TempDir(), "履职档案.pdf")
	if err := DeputyFile(path, st, []store.DeputyRecord{r}, 2023, "2024-11-30"); err != nil {
		t.Fatal(err)
	}
	if pages := checkPDF(t, path); len(pages) != 1 {
		t.Fatalf("the 履职档案 of %s takes %d pages, want one", r.Deputy.Name, len(pages))
	}
	text := rawPages(t, path)[0]
	b := r.ReportBacks[0]
	wants := []string{"青山镇人大代表履职档案（2023年度）", r.Deputy.Name, r.Deputy.GroupName, r.Deputy.Village, r.Deputy.Phone,
		"一、参加会议和活动", fmt.Sprintf("应参加或列席各类会议和活动%d次：出席%d次", r.Total.Marked(), r.Total.Present),
		fmt.Sprintf("参加人代会以外的会议和活动%d次", r.Activities),
		fmt.Sprintf("合计%d%d%d%d%d", r.Total.Present, r.Total.NonVoting, r.Total.Leave, r.Total.Absent, r.Total.Marked()),
		fmt.Sprintf("领衔提出建议%d件（人代会期间%d件、闭会期间%d件），其中已解决%d件", r.Led, r.LedSession, r.LedRecess(), r.Solved()),
		fmt.Sprintf("未答复%d件；联名建议%d件", r.LedOutcomes[store.OutcomeUnanswered], r.Cosigned),
		fmt.Sprintf("进站接待选民%d次，接待选民%d人次", r.Receptions, r.Voters),
		fmt.Sprintf("%s%s述职%d人%d人（%s）", b.Date.Chinese(), b.Form, b.Participants, b.Excellent, b.Percent(b.Excellent, st.Precision)),
		"制表人：" + st.ClerkName, "制表日期：2024年11月30日"}
	for _, a := range r.Attendance {
		wants = append(wants, fmt.Sprintf("%s%d%d%d%d%d", a.Kind, a.Present, a.NonVoting, a.Leave, a.Absent, a.Marked()))
	}
	for _, s := range r.Stations {
		wants = append(wants, s)
	}
	mustContain(t, "履职档案", text, wants...)

	// Several deputies: one page each, each page its own deputy, the footer counting them all.
	path = filepath.Join(t.TempDir(), "多人.pdf")
	if err := DeputyFile(path, st, recs[:5], 2023, "2024-11-30"); err != nil {
		t.Fatal(err)
	}
	checkPDF(t, path)
	pages := rawPages(t, path)
	if len(pages) != 5 {
		t.Fatalf("5 deputies on %d pages", len(pages))
	}
	for i, p := range pages {
		mustContain(t, fmt.Sprintf("page %d", i+1), p, "姓名"+recs[i].Deputy.Name)
		if i > 0 && strings.Contains(p, "姓名"+recs[0].Deputy.Name) {
			t.Errorf("page %d has the first deputy", i+1)
		}
	}
	if err := DeputyFile(filepath.Join(t.TempDir(), "x.pdf"), st, nil, 2023, "2024-11-30"); err == nil {
		t.Error("a 履职档案 of nobody was written")
	}
}

func TestDeputyFileOfAnEmptyYearAndAVacantSeat(t *testing.T) {
	needPoppler(t)
	st := store.DefaultSettings()
	st.Township, st.OfficeName = "白马镇", "白马镇人大主席团"
	r := store.DeputyRecord{Year: 2024, LedOutcomes: map[string]int{}, Deputy: store.Deputy{Name: "欧阳𠀀", Levels: []string{store.LevelTown},
		Status: store.DeputyVacant, VacancyReason: "调离", VacancyDate: "2024-05-03", Birth: "1970-03"}}
	path := filepath.Join(t.TempDir(), "空.pdf")
	if err := DeputyFile(path, st, []store.DeputyRecord{r}, 2024, "2024-12-31"); err != nil {
		t.Fatal(err)
	}
	checkPDF(t, path)
	mustContain(t, "empty year", rawPages(t, path)[0], "白马镇人大代表履职档案（2024年度）", "欧阳□", "1970年3月", "镇级",
		"出缺（调离，2024年5月3日）", "本年度没有参加会议和活动的记录", "本年度没有领衔或联名的建议", "本年度没有进站接待选民的记录",
		"本年度没有向选民述职的记录")
}

// manyRecords makes n records from the demo's, renamed 代表0001 …, so a table runs over many pages.
func manyRecords(base []store.DeputyRecord, n int) []store.DeputyRecord {
	out := make([]store.DeputyRecord, n)
	for i := range out {
		out[i] = base[i%len(base)]
		out[i].Deputy.Name = fmt.Sprintf("代表%04d", i+1)
	}
	return out
}

func TestDeputyTable(t *testing.T) {
	needPoppler(t)
	db := demoStore(t)
	recs, st := demoRecords(t, db, 2024)
	path := filepath.Join(t.TempDir(), "T10.pdf")
	if err := DeputyTable(path, st, recs, 2024, "2024-11-30"); err != nil {
		t.Fatal(err)
	}
	checkPDF(t, path)
	pages := rawPages(t, path)
	var sum struct{ congress, act, pres, leave, absent, led, cos, solved, rec, voters, backs, visits, met int }
	for _, r := range recs {
		sum.congress += r.Kind(store.MeetingCongress).Present
		sum.act += r.Activities
		sum.pres += r.Kind(store.MeetingPresidium).TookPart()
		sum.leave += r.Total.Leave
		sum.absent += r.Total.Absent
		sum.led += r.Led
		sum.cos += r.Cosigned
		sum.solved += r.Solved()
		sum.rec += r.Receptions
		sum.voters += r.Voters
		if len(r.ReportBacks) > 0 {
			sum.backs++
		}
		sum.visits += r.Visits
		if r.ContactCounted() && !r.VisitsBehind() {
			sum.met++
		}
	}
	if sum.led == 0 || sum.act == 0 || sum.rec == 0 || sum.backs == 0 {
		t.Fatalf("the demo year exercises too little: %+v", sum)
	}
	all := strings.Join(pages, "")
	mustContain(t, "T10", pages[0], "青山镇人大代表履职情况统计表", "（2024年度）", "单位：青山镇人大主席团",
		"统计时段：2024年1月1日至2024年11月30日", "制表日期：2024年11月30日")
	if sum.visits == 0 || sum.met == 0 {
		t.Fatalf("the demo year has no contact with voters to print: %+v", sum)
	}
	mustContain(t, "T10", all, fmt.Sprintf("合计%d人%d%d%d%d%d%d%d%d%d%d%d人述职%d%d人达标", len(recs), sum.congress, sum.act, sum.pres,
		sum.leave, sum.absent, sum.led, sum.cos, sum.solved, sum.rec, sum.voters, sum.backs, sum.visits, sum.met),
		"年度未结束，联系选民达标按2024年11月30日在任的代表")
	for i, r := range recs {
		mustContain(t, "T10", all, fmt.Sprintf("%d%s%s%d%d", i+1, r.Deputy.Name, r.Deputy.GroupName,
			r.Kind(store.MeetingCongress).Present, r.Activities))
		if len(r.ReportBacks) > 0 {
			b := r.ReportBacks[0]
			mustContain(t, "T10", all, b.Form+"述职优秀"+b.Percent(b.Excellent, st.Precision))
		}
	}
	for i, p := range pages {
		mustContain(t, fmt.Sprintf("T10 page %d header", i+1), p, "序号姓名代表小组人代会出席活动参加次数", "述职评议结果联系选民次数联系选民达标")
	}

	// A county's worth of deputies: the header is repeated on every one of many pages, the 合计 closes the last.
	many := manyRecords(recs, 1500)
	path = filepath.Join(t.TempDir(), "T10-county.pdf")
	if err := DeputyTable(path, st, many, 2024, "2024-11-30"); err != nil {
		t.Fatal(err)
	}
	checkPDF(t, path)
	pages = rawPages(t, path)
	if len(pages) < 50 {
		t.Fatalf("1500 deputies on %d pages", len(pages))
	}
	for i, p := range pages {
		if !strings.Contains(p, "序号姓名代表小组人代会出席") {
			t.Fatalf("page %d of %d has no header", i+1, len(pages))
		}
	}
	mustContain(t, "T10 county", pages[len(pages)-1], "代表1500", "合计1500人")
	mustContain(t, "T10 county", strings.Join(pages, ""), "代表0001", "代表0750")

	if err := DeputyTable(filepath.Join(t.TempDir(), "x.pdf"), st, nil, 2030, "2030-01-01"); err == nil ||
		!strings.Contains(err.Error(), "2030年没有在任的代表") {
		t.Errorf("an empty T10: %v", err)
	}
}

func TestReportBackTable(t *testing.T) {
	needPoppler(t)
	st := store.DefaultSettings()
	st.Township, st.OfficeName, st.ClerkName = "青山镇", "青山镇人大主席团", "李秘书"
	rows := []store.ReportBack{
		// domain.md §2.17: 王文禄 46 participants, 29 优秀 (63%), 16 称职 (35%); one ballot blank or invalid.
		{DeputyID: 1, DeputyName: "王文禄", Date: "2024-12-20", Form: "口头", Participants: 46, Excellent: 29, Competent: 16},
		{DeputyID: 2, DeputyName: "王萌芽", Date: "2024-12-21", Form: "口头", Participants: 85, Excellent: 52, Competent: 33},
		{DeputyID: 3, DeputyName: "张𠀀", Date: "2024-12-22", Form: "书面", Notes: "书面述职，未组织测评"},
	}
	path := filepath.Join(t.TempDir(), "T11.pdf")
	if err := ReportBackTable(path, st, rows, 2024, "2024-12-31"); err != nil {
		t.Fatal(err)
	}
	pages := checkPDF(t, path)
	if len(pages) != 1 {
		t.Fatalf("T11 of 3 rows on %d pages", len(pages))
	}
	text := rawPages(t, path)[0]
	mustContain(t, "T11", text, "青山镇人大代表述职评议测评结果统计表", "（2024年度）", "制表人：李秘书",
		"共3名代表向选民述职3场，其中口头述职2场、书面述职1场",
		"序号代表述职日期述职方式参加评议人数优秀(人)优秀(%)称职(人)称职(%)不称职(人)不称职(%)弃权或无效备注",
		"1王文禄2024年12月20日口头述职462963.0%1634.8%00.0%1",
		"2王萌芽2024年12月21日口头述职855261.2%3338.8%00.0%0",
		"3张□2024年12月22日书面述职00—0—0—0书面述职，未组织测评",
		// 合计: 131 participants, 81 优秀 = 61.8%, 49 称职 = 37.4%.
		"合计3人1318161.8%4937.4%00.0%1")
	// Whole percent, as the seeds report them: 63% and 35%.
	st.Precision = 0
	if err := ReportBackTable(path, st, rows[:1], 2024, "2024-12-31"); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "T11 whole percent", rawPages(t, path)[0], "王文禄2024年12月20日口头述职462963%1635%00%1")
	if err := ReportBackTable(path, st, nil, 2030, "2030-12-31"); err == nil || !strings.Contains(err.Error(), "2030年没有述职评议记录") {
		t.Errorf("an empty T11: %v", err)
	}
}
