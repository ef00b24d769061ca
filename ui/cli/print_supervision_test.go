package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"rendadesk/export"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"rendadesk/store"
)

// superCase is issue 17's campaign end to end, written through the store: six units evaluated at a 述职评议 on
// 2024-06-26 (three 满意, two 基本满意, 镇派出所 不满意 at 50.0%), four items raised — two taken to 销号 and a
// 回头看 (one 不满意, closed again), one left past its due date, one 整改中 — and a 票决 of twelve 民生实事
// candidates with ten to choose. It returns the database's path and the campaign's id.
func superCase(t *testing.T) (string, int64) {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "t.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	st, err := db.Settings(ctx)
	must(err)
	st.OfficeName, st.Township, st.Precision, st.Initialized = "青山镇人大主席团", "青山镇", 1, true
	must(db.SaveSettings(ctx, st))
	term := store.Term{Number: 18, Start: "2021-12-01", Current: true}
	must(db.SaveTerm(ctx, &term))
	rows := []struct {
		unit                                    string
		issued, returned, valid, top, mid, bott int
	}{
		{"乡财政所", 40, 40, 39, 30, 7, 2}, {"国土所", 40, 40, 40, 28, 10, 2}, {"农技站", 40, 39, 39, 20, 12, 7},
		{"镇党政办", 40, 40, 40, 25, 11, 4}, {"镇城建所", 40, 40, 38, 15, 12, 11}, {"镇派出所", 40, 40, 40, 8, 12, 20},
	}
	c := store.NewEvalCampaign(2024, "2024-06-26")
	c.Title, c.Method, c.Selection, c.PlanDate = "2024年度站所述职评议", store.EvalReport, "党政联席会票决", "2024-04-10"
	c.Groups, c.Villages, c.Forums, c.Interview, c.Letters, c.Opinions = 2, 9, 20, 100, 60, 100
	must(db.SaveEvalCampaign(ctx, &c))
	var ts []store.EvalTarget
	for _, r := range rows {
		u := store.Unit{Name: r.unit, Kind: "站所"}
		must(db.SaveUnit(ctx, &u))
		ts = append(ts, store.EvalTarget{UnitID: u.ID, Category: "基层站所", ReportDate: "2024-06-26", Issued: r.issued,
			Returned: r.returned, Valid: r.valid, Top: r.top, Middle: r.mid, Bottom: r.bott})
	}
	must(db.SaveEvalTargets(ctx, c.ID, ts))
	ts, err = db.EvalTargets(ctx, c.ID)
	must(err)
	police, works := ts[5], ts[4]
	var items []int64
	for i, x := range []struct {
		text   string
		target store.EvalTarget
		phase  string
	}{
		{"群众办事排队时间长，窗口服务效率不高", police, store.PhaseAtOnce},
		{"辖区夜间巡逻不到位，村民反映治安隐患", police, store.PhaseNearTerm},
		{"交通事故多发路段缺少警示标志", police, store.PhaseThisYear},
		{"农房建设审批材料要求不一，群众多跑路", works, store.PhaseNearTerm},
	} {
		r := store.Rectification{Source: store.RectFromCampaign, CampaignID: c.ID, TargetID: x.target.ID, Text: x.text,
			UnitID: x.target.UnitID, Phase: x.phase, Raised: "2024-06-28"}
		if i == 2 {
			r.Due = "2024-10-31"
		}
		must(db.SaveRectification(ctx, &r))
		items = append(items, r.ID)
	}
	step := func(i int, s string, in store.RectStepInput) { t.Helper(); must(db.RectStep(ctx, items[i], s, in)) }
	step(0, store.RectStepStart, store.RectStepInput{Date: "2024-07-01", Note: "增设便民窗口"})
	step(0, store.RectStepClose, store.RectStepInput{Date: "2024-07-10", Note: "已增设两个窗口，推行预约办理"})
	step(0, store.RectStepReview, store.RectStepInput{Date: "2024-12-20", Note: "群众反映排队明显减少", Grade: store.GradeSatisfied})
	step(1, store.RectStepStart, store.RectStepInput{Date: "2024-07-05"})
	step(1, store.RectStepClose, store.RectStepInput{Date: "2024-09-20", Note: "已调整巡逻班次"})
	step(1, store.RectStepReview, store.RectStepInput{Date: "2024-11-15", Note: "部分村夜间仍无巡逻", Grade: store.GradeUnsatisfied, Due: "2024-12-20"})
	step(1, store.RectStepClose, store.RectStepInput{Date: "2024-12-18", Note: "各村夜间巡逻全覆盖"})
	step(3, store.RectStepStart, store.RectStepInput{Date: "2024-08-01", Note: "梳理审批材料清单"})

	session := store.Meeting{Kind: store.MeetingCongress, Title: store.CongressTitle("青山镇", 18, 3), TermID: term.ID, SessionNo: 3,
		Start: "2024-01-20"}
	must(db.SaveMeeting(ctx, &session))
	for i, v := range []int{55, 54, 53, 52, 51, 50, 49, 48, 47, 46, 20, 45} {
		p := store.LivelihoodProject{Year: 2024, Kind: store.ProjectLivelihood, Name: fmt.Sprintf("民生实事候选项目%02d", i+1), For: v}
		must(db.SaveLivelihoodProject(ctx, &p))
	}
	v := store.LivelihoodVote{Year: 2024, Date: "2024-01-20", MeetingID: session.ID, ToChoose: 10, Expected: 60, Issued: 58,
		Returned: 58, Valid: 57}
	must(db.SaveLivelihoodVote(ctx, &v))
	q := store.Inquiry{Topic: "农村道路建设和养护", Date: "2024-09-10"}
	must(db.SaveInquiry(ctx, &q))
	must(db.SaveInquiryItems(ctx, q.ID, []store.InquiryItem{{List: store.InquiryProblems, Text: "村道养护资金落实不到位"},
		{List: store.InquiryProblems, Text: "部分村道路面破损未及时修复"}, {List: store.InquirySuggestions, Text: "建立村道养护长效机制"},
		{List: store.InquiryRequirements, Text: "年底前完成破损路面修复"}}))
	return path, c.ID
}

// The campaign end to end as the printed forms, the yearly workbook and the report text show it.
func TestSupervisionEndToEndPrintedAndReported(t *testing.T) {
	db, id := superCase(t)
	dir := t.TempDir()
	ids := strconv.FormatInt(id, 10)
	print := func(kind string, args ...string) string {
		t.Helper()
		out := filepath.Join(dir, kind+".pdf")
		all := append([]string{"print", "--db", db, kind}, args...)
		all = append(all, "--today", "2024-12-31", "--out", out)
		if code, _, errOut := run(all...); code != ExitOK {
			t.Fatalf("%s: exit %d %s", kind, code, errOut)
		}
		return readPDF(t, out)
	}
	wantIn := func(what, text string, wants ...string) {
		t.Helper()
		for _, w := range wants {
			if !strings.Contains(text, w) {
				t.Errorf("%s lacks %q:\n%s", what, w, text)
			}
		}
	}

	ballot := print("evaluation-ballot", "--id", ids, "--copies", "4")
	wantIn("测评票", ballot, "测评票", "乡财政所", "镇派出所", "满意基本满意不满意", "本票不记名", "第1页共2页", "第2页共2页")
	result := print("evaluation-result", "--id", ids)
	wantIn("测评结果统计表", result, "镇派出所基层站所40404081220", "50.0%不满意6", "国土所", "95.0%满意1人大代表满意单位",
		"满意率=(满意票+基本满意票)÷有效票")
	notice := print("evaluation-notice", "--id", ids)
	wantIn("评议结果通报", notice, "述职评议结果的通报", "人大代表满意单位", "镇派出所", "第1页共1页")
	rect := print("rectification-notice", "--id", ids)
	wantIn("整改通知书", rect, "整改通知书", "镇派出所：", "3条整改意见", "交通事故多发路段缺少警示标志", "镇城建所：",
		"农房建设审批材料要求不一", "2024年6月28日")
	if n := strings.Count(rect, "第1页共1页"); n != 2 {
		t.Errorf("整改通知书: %d letters numbered on their own, want 2 (one per unit):\n%s", n, rect)
	}
	ledger := print("rectification-ledger", "--year", "2024")
	wantIn("销号台账", ledger, "共4条，已销号2条(销号率50.0%)，整改中1条，未整改1条，其中逾期未销号2条；已开展回头看2条", "群众办事排队时间长")
	lb := print("livelihood-ballot", "--year", "2024", "--copies", "3")
	wantIn("票决票", lb, "民生实事候选项目01", "民生实事候选项目12")
	if n := strings.Count(lb, "第1页共1页"); n != 3 || strings.Contains(lb, "共3页") {
		t.Errorf("票决票: %d copies numbered on their own, want 3 (each ballot its own document):\n%s", n, lb)
	}
	lr := print("livelihood-result", "--year", "2024")
	wantIn("票决结果", lr, "民生实事候选项目10", "未获通过")

	lists := print("inquiry-lists", "--id", "1")
	wantIn("两清单一要求", lists, "问题清单", "村道养护资金落实不到位", "建议清单", "建立村道养护长效机制", "具体要求", "年底前完成破损路面修复")

	out := filepath.Join(dir, "out")
	if code, _, errOut := run("export", "--db", db, "--year", "2024", "--today", "2024-12-31", "--format", "all", "--out", out); code != ExitOK {
		t.Fatalf("export: %s", errOut)
	}
	b, err := os.ReadFile(filepath.Join(out, "青山镇人大主席团2024年度工作报告文字稿.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	wantIn("文字稿", text, "2024年，镇人大主席团组织代表对乡财政所等6个单位进行了述职评议。",
		"组成了2个评议调查组调查走访了9个村(居)，召开座谈会20个，个别谈话100人次，印发征求意见函60份",
		"调查组共收集建议、意见100条，综合整理出整改意见4条。",
		"按满意、基本满意、不满意三个档次进行无记名投票测评，评为满意3个，基本满意2个，不满意1个，3个评议对象被评为“人大代表满意单位”。",
		"共提出整改意见4条", "已销号2条、整改中1条、未整改1条，已销号率50.0%，其中2条已过整改时限；对2条开展了整改“回头看”",
		"组织代表对12个民生实事候选项目进行票决，确定10项为2024年民生实事项目",
		"2024年9月10日，就农村道路建设和养护开展专题询问，梳理归纳为问题清单、建议清单和具体要求(简称“两清单一要求”)，包括2个问题，1条建议，1条具体要求。")
	f, err := excelize.OpenFile(filepath.Join(out, "青山镇人大主席团2024年度工作统计.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	row := func(sheet, first string) []string {
		t.Helper()
		if !slices.Contains(f.GetSheetList(), sheet) {
			t.Fatalf("no sheet %s in %v", sheet, f.GetSheetList())
		}
		rows, _ := f.GetRows(sheet)
		for _, r := range rows {
			if slices.Contains(r, first) {
				return r
			}
		}
		t.Fatalf("%s has no row with %q", sheet, first)
		return nil
	}
	if r := row(export.TableName("T1")+" 主要数据", "开展工作评议、述职评议"); r[3] != "1" {
		t.Errorf("T1 评议活动 %v", r)
	}
	if r := row(export.TableName("T1")+" 主要数据", "整改意见"); r[3] != "4" || !strings.Contains(r[7], "已销号2条") {
		t.Errorf("T1 整改意见 %v", r)
	}
	if r := row(export.TableName("T12")+" 评议测评结果", "镇派出所"); !slices.Contains(r, "不满意") || !slices.Contains(r, "50.0%") || r[12] != "3" || r[14] != "2" {
		t.Errorf("T12 镇派出所 %v", r)
	}
	if r := row(export.TableName("T21")+" 整改销号台账", "交通事故多发路段缺少警示标志"); !slices.Contains(r, "未整改(逾期)") {
		t.Errorf("T21 %v", r)
	}
	if r := row(export.TableName("T20")+" 民生实事", "民生实事候选项目12"); !slices.Contains(r, "未确定") {
		t.Errorf("T20 %v", r)
	}
}

// A 整改清单 imported from a workbook: a row naming a unit not in the register is refused with its line and
// nothing is written; without it the items are added 未整改, the due date from the phase when left blank, and
// importing the file again finds them (same text and unit) and skips them.
func TestImportRectifications(t *testing.T) {
	db, _ := superCase(t)
	dir := t.TempDir()
	write := func(name string, rows ...[]any) string {
		t.Helper()
		f := excelize.NewFile()
		defer f.Close()
		f.SetSheetRow("Sheet1", "A1", &[]any{"2024年专题询问整改清单"})
		f.SetSheetRow("Sheet1", "A2", &[]any{"序号", "问题", "责任单位", "整改阶段", "提出日期", "整改时限"})
		for i, r := range rows {
			f.SetSheetRow("Sheet1", fmt.Sprintf("A%d", 3+i), &r)
		}
		path := filepath.Join(dir, name)
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	count := func() int {
		t.Helper()
		d, err := store.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		_, n, err := d.Rectifications(context.Background(), store.RectificationFilter{})
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	before := count()
	bad := write("有错.xlsx", []any{1, "村道养护资金落实不到位", "国土所", "近期整改", "2024-12-02", ""},
		[]any{2, "农村客运班次少", "镇交通站", "年内整改", "2024-12-02", ""})
	code, out, errOut := run("import", "--db", db, "rectifications", bad)
	if code == ExitOK || !strings.Contains(out+errOut, "第4行「责任单位」") || !strings.Contains(out+errOut, "镇交通站") {
		t.Fatalf("unknown unit: exit %d\n%s%s", code, out, errOut)
	}
	if n := count(); n != before {
		t.Fatalf("%d items after a refused import, want %d", n, before)
	}
	good := write("整改清单.xlsx", []any{1, "村道养护资金落实不到位", "国土所", "近期整改", "2024-12-02", ""},
		[]any{2, "农村客运班次少", "镇城建所", "年内整改", "2024-12-02", "2025-06-30"})
	if code, out, errOut := run("import", "--db", db, "rectifications", good); code != ExitOK {
		t.Fatalf("import: exit %d\n%s%s", code, out, errOut)
	}
	d, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	items, _, err := d.Rectifications(context.Background(), store.RectificationFilter{Query: "村道养护资金"})
	d.Close()
	if err != nil || len(items) != 1 {
		t.Fatalf("imported item: %d, %v", len(items), err)
	}
	if x := items[0]; x.State != store.RectOpen || x.UnitName != "国土所" || x.Phase != store.PhaseNearTerm || x.Due == "" || x.Raised != "2024-12-02" {
		t.Fatalf("imported %+v", x)
	}
	code, out, errOut = run("import", "--db", db, "rectifications", good)
	if code != ExitOK || count() != before+2 || !strings.Contains(out, "新增 0、更新 0、跳过 2") {
		t.Fatalf("again: exit %d, %d items\n%s%s", code, count(), out, errOut)
	}
}
