package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"rendadesk/store"
)

// `print award-nomination --id N` and `print award-decision --year Y` on the demo (today 2024-11-30): the 2023
// selection decided at a 主席团会议 in January 2024 and announced at the 人代会; 2024's still undecided.
func TestPrintAwards(t *testing.T) {
	dbPath, dir := printDemo(t)
	db, err := store.Open(dbPath)
	if err != nil {
		t.Fatal(err)
	}
	ns, err := db.AwardNominations(context.Background(), 2023)
	sel, err2 := db.AwardSelection(context.Background(), 2023)
	db.Close()
	if err != nil || err2 != nil || !sel.Decided() || !sel.Announced() {
		t.Fatalf("the demo's 2023 selection %+v: %v %v", sel, err, err2)
	}
	var chosen store.AwardNomination
	var names []string
	for _, n := range ns {
		if n.Elected && n.Category == "优秀人大代表" {
			if chosen.ID == 0 {
				chosen = n
			}
			names = append(names, n.CandidateName)
		}
	}
	if chosen.ID == 0 {
		t.Fatal("nobody chosen 优秀人大代表 in the demo's 2023")
	}
	t.Run("Nomination", func(t *testing.T) {
		out := filepath.Join(dir, "推荐表.pdf")
		code, stdout, errOut := run("print", "--db", dbPath, "award-nomination", "--id", fmt.Sprint(chosen.ID), "--out", out)
		if code != ExitOK || !strings.Contains(stdout, "已生成评先评优推荐表") {
			t.Fatalf("exit %d, %q %q", code, stdout, errOut)
		}
		text := readPDF(t, out)
		deeds := strings.Join(strings.Fields(chosen.Deeds), "")
		for _, want := range []string{"青山镇人大主席团2023年度优秀人大代表推荐表", "推荐对象" + chosen.CandidateName, "奖项优秀人大代表",
			"推荐单位" + chosen.Nominator, string([]rune(deeds)[:15]), "推荐单位意见", "推荐单位（盖章）年月日", "审核意见", "青山镇人大办公室（盖章）",
			"主席团意见", "决定授予" + chosen.CandidateName + "“优秀人大代表”称号", "第1页共1页"} {
			if !strings.Contains(text, want) {
				t.Errorf("the 推荐表 lacks 「%s」:\n%s", want, text)
			}
		}
	})
	t.Run("Decision", func(t *testing.T) {
		out := filepath.Join(dir, "表彰决定.pdf")
		code, stdout, errOut := run("print", "--db", dbPath, "award-decision", "--year", "2023", "--out", out)
		if code != ExitOK || !strings.Contains(stdout, "已生成表彰决定") {
			t.Fatalf("exit %d, %q %q", code, stdout, errOut)
		}
		text := readPDF(t, out)
		for _, want := range []string{"青山镇人大主席团关于表彰2023年度先进代表小组、优秀人大代表、优秀为民代表和人大代表满意单位的决定",
			"（" + sel.DecisionDate.Chinese() + sel.DecisionMeeting + "通过）",
			fmt.Sprintf("授予%s等%d名代表“优秀人大代表”称号", names[0], len(names)),
			"本决定于" + sel.AnnounceDate.Chinese() + "在" + sel.AnnounceMeeting + "上宣布",
			fmt.Sprintf("优秀人大代表（%d名）", len(names)), "1" + names[0], fmt.Sprint(len(names)) + names[len(names)-1]} {
			if !strings.Contains(text, want) {
				t.Errorf("the 表彰决定 lacks 「%s」:\n%s", want, text)
			}
		}
	})
	t.Run("ErrNotDecided", func(t *testing.T) {
		code, _, errOut := run("print", "--db", dbPath, "award-decision", "--year", "2024", "--out", filepath.Join(dir, "x.pdf"))
		if code == ExitOK || !strings.Contains(errOut, "2024年度评先评优主席团尚未作出决定") {
			t.Fatalf("exit %d, %q", code, errOut)
		}
	})
	t.Run("ErrBadID", func(t *testing.T) {
		code, _, errOut := run("print", "--db", dbPath, "award-nomination", "--id", "王建国", "--out", filepath.Join(dir, "x.pdf"))
		if code != ExitUsage || !strings.Contains(errOut, "--id 应为推荐记录的编号") {
			t.Fatalf("exit %d, %q", code, errOut)
		}
	})
}
