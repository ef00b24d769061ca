package cli

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"rendadesk/export"
	"rendadesk/store"
)

// petitionLedgerFile writes a 信访登记台账 as a clerk keeps it: a title, the header in the ledger's own words.
func petitionLedgerFile(t *testing.T, dir, name string, rows ...[]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetRow("Sheet1", "A1", &[]any{"青山镇人大信访登记台账"})
	f.SetSheetRow("Sheet1", "A2", &[]any{"登记日期", "渠道", "信访人", "联系方式", "地址/村", "人数", "内容摘要", "类别", "状态",
		"转办单位", "责任人", "期限", "答复日期", "办理结果", "反馈日期", "反馈方式", "办结日期"})
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, 3+i)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	file := filepath.Join(dir, name)
	if err := f.SaveAs(file); err != nil {
		t.Fatal(err)
	}
	return file
}

func petitionDB(t *testing.T) (string, *store.DB) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "t.db")
	d, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	u := store.Unit{Name: "镇规划建设办", Kind: "镇属部门"}
	if err := d.SaveUnit(context.Background(), &u); err != nil {
		t.Fatal(err)
	}
	return path, d
}

func TestImportPetitions(t *testing.T) {
	ctx := context.Background()
	t.Run("a ledger with its handling", func(t *testing.T) {
		db, d := petitionDB(t)
		d.Close()
		file := petitionLedgerFile(t, filepath.Dir(db), "信访台账.xlsx",
			[]any{"2026-03-02", "来信", "张三", "13800000000", "青山村", "", "反映村道破损", "城乡建设", "已办结",
				"镇规划建设办", "李明", "", "2026-03-10", "已修缮", "2026-03-12", "电话", "2026-03-13"},
			[]any{"2026-04-01", "走访", "李四", "", "石桥村", "", "咨询低保政策", "劳动和社会保障", "", "", "", "", "2026-04-01", "当场解释政策", "", "", ""},
			[]any{"2026-05-06", "来访", "王五", "", "青山村", "6", "反映噪音扰民", "生态环境", "办理中", "县信访局", "赵强", "2026-05-27"})
		code, out, errOut := run("import", "--db", db, "petitions", file)
		if code != 0 || !strings.Contains(out, "已导入信访件：新增 3、更新 0、跳过 0") {
			t.Fatalf("exit %d\n%s\n%s", code, out, errOut)
		}
		d, err := store.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		ps, _, err := d.Petitions(ctx, store.PetitionFilter{Sort: "received"})
		if err != nil || len(ps) != 3 {
			t.Fatalf("%d petitions, %v", len(ps), err)
		}
		steps := func(p store.Petition) string {
			tl, err := d.PetitionTimeline(ctx, p.ID)
			if err != nil {
				t.Fatal(err)
			}
			var s []string
			for _, x := range tl {
				s = append(s, x.Step+" "+string(x.Date))
			}
			return strings.Join(s, "，")
		}
		letter, visit, group := ps[0], ps[1], ps[2]
		// 15 working days from 3 March 2026 (no holiday between): 23 March.
		if letter.State != store.PetitionClosed || letter.UnitName != "镇规划建设办" || letter.UnitID == 0 || letter.Deadline != "2026-03-23" ||
			steps(letter) != "登记 2026-03-02，转办 2026-03-02，答复 2026-03-10，反馈信访人 2026-03-12，办结 2026-03-13" {
			t.Errorf("letter: %+v\n%s", letter, steps(letter))
		}
		if visit.Channel != store.ChannelVisit || visit.Visitors != 1 || visit.State != store.PetitionClosed || visit.Reply != "当场解释政策" ||
			steps(visit) != "登记 2026-04-01，当场答复 2026-04-01" {
			t.Errorf("visit on the spot: %+v\n%s", visit, steps(visit))
		}
		if group.State != store.PetitionHandling || group.UnitName != "县信访局" || group.Deadline != "2026-05-27" || group.Visitors != 6 ||
			group.Responsible != "赵强" {
			t.Errorf("referred visit: %+v", group)
		}
		hist, _, err := d.History(ctx, store.HistoryFilter{Entity: "petition", EntityID: letter.ID})
		if err != nil || len(hist) != 5 {
			t.Errorf("history of the letter: %d entries, %v", len(hist), err)
		}

		// The same ledger again: every row is a case already registered.
		code, out, _ = run("import", "--db", db, "petitions", file)
		if code != 0 || !strings.Contains(out, "新增 0、更新 0、跳过 3") {
			t.Fatalf("re-import: exit %d\n%s", code, out)
		}
		// The ledger as the window exports it imports again without a new case, and an added row is new.
		all, _, _ := d.Petitions(ctx, store.PetitionFilter{})
		h, rows := export.PetitionLedger(all)
		rows = append(rows, []string{"", "2026-06-01", "来信", "钱六", "", "", "", "", "反映路灯不亮"})
		ledger := filepath.Join(filepath.Dir(db), "导出的台账.xlsx")
		if err := export.ListXLSX(ledger, "信访登记台账", h, rows); err != nil {
			t.Fatal(err)
		}
		code, out, _ = run("import", "--db", db, "petitions", ledger)
		if code != 0 || !strings.Contains(out, "新增 1、更新 0、跳过 3") {
			t.Fatalf("exported ledger: exit %d\n%s", code, out)
		}
	})
	t.Run("bad cells named by row and column, nothing written", func(t *testing.T) {
		db, d := petitionDB(t)
		d.Close()
		file := petitionLedgerFile(t, filepath.Dir(db), "台账.xlsx",
			[]any{"2026-03-02", "来信", "张三", "", "", "", "反映村道破损", "城乡建设"},
			[]any{"2026-13-01", "电报", "李四", "", "", "三人", "咨询低保政策"},
			[]any{"2026-04-01", "来信", "王五", "", "", "", "反映噪音", "", "", "", "", "", "2026-04-09"},
			[]any{"2026-04-02", "来访", "赵六", "", "", "", "反映水价", "水利", "已办结", "镇规划建设办", "孙七", "", "2026-04-03", "已解释"},
			[]any{"2026-03-02", "来信", "张三", "", "", "", "反映村道破损"})
		code, out, _ := run("import", "--db", db, "--dry-run", "petitions", file)
		for _, want := range []string{
			"第4行「收到日期」",
			"第4行「来源渠道」",
			"第4行「人次」：「三人」应是整数",
			"第5行「转办单位」未填写：来信要先转办，才有答复和办结",
			"第5行「办理结果」未填写",
			"第6行「类别」：「水利」不在信访类别字典中",
			"第7行「事由」：与第3行是同一件信访",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("missing %q in:\n%s", want, out)
			}
		}
		if code == 0 {
			t.Errorf("exit 0 for a file with errors")
		}
		code, out, _ = run("import", "--db", db, "petitions", file)
		d, err := store.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		defer d.Close()
		if _, n, _ := d.Petitions(ctx, store.PetitionFilter{}); code == 0 || n != 0 {
			t.Errorf("exit %d, %d petitions written\n%s", code, n, out)
		}
	})
	t.Run("the state must agree with the dates", func(t *testing.T) {
		db, d := petitionDB(t)
		d.Close()
		file := petitionLedgerFile(t, filepath.Dir(db), "台账.xlsx",
			[]any{"2026-03-02", "来信", "张三", "", "", "", "反映村道破损", "", "已办结", "镇规划建设办", "李明", "", "2026-03-10", "已修缮"})
		_, out, _ := run("import", "--db", db, "--dry-run", "petitions", file)
		if !strings.Contains(out, "第3行「状态」：「已办结」与所填的办理情况不符：按所填的转办、答复、反馈和办结日期，这件信访是「已答复」") {
			t.Errorf("%s", out)
		}
	})
	t.Run("template", func(t *testing.T) {
		db, d := petitionDB(t)
		d.Close()
		out := filepath.Join(filepath.Dir(db), "模板.xlsx")
		if code, _, errOut := run("import", "--db", db, "--template", "petitions", "--out", out); code != 0 {
			t.Fatal(errOut)
		}
		f, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, _ := f.GetRows(f.GetSheetName(0))
		if len(rows) < 3 || !slices.Contains(rows[2], "转办单位") || !slices.Contains(rows[2], "收到日期(必填)") {
			t.Fatalf("header %q", rows[2])
		}
	})
}
