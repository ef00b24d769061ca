package cli

import (
	"context"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"rendadesk/export"
	"rendadesk/store"
)

// latestCongress returns the id of the newest 人代会 in the database at path.
func latestCongress(t *testing.T, path string) string {
	t.Helper()
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ms, _, err := db.Meetings(context.Background(), store.MeetingFilter{Kind: store.MeetingCongress, Limit: 1})
	if err != nil || len(ms) == 0 {
		t.Fatalf("no 人代会 in the demo: %v", err)
	}
	return strconv.FormatInt(ms[0].ID, 10)
}

func TestPrintMeeting(t *testing.T) {
	db, dir := printDemo(t)
	id := latestCongress(t, db)

	t.Run("AllParts", func(t *testing.T) {
		out := filepath.Join(dir, "会议材料.pdf")
		code, stdout, errOut := run("print", "--db", db, "meeting", "--id", id, "--out", out)
		if code != ExitOK || !strings.Contains(stdout, "已生成会议材料") {
			t.Fatalf("exit %d, %q %q", code, stdout, errOut)
		}
		text := readPDF(t, out)
		for _, w := range []string{"议程", "代表签到表", "表决票", "表决计票结果单", "监票人", "赞成", "通过"} {
			if !strings.Contains(text, w) {
				t.Errorf("the meeting's materials lack %q", w)
			}
		}
	})

	t.Run("TwoParts", func(t *testing.T) {
		out := filepath.Join(dir, "议程和签到表.pdf")
		code, _, errOut := run("print", "--db", db, "meeting", "--id", id, "--parts", "会议议程,代表签到表", "--out", out)
		if code != ExitOK {
			t.Fatalf("exit %d, %q", code, errOut)
		}
		text := readPDF(t, out)
		for _, w := range []string{"议程", "代表签到表", "应到"} {
			if !strings.Contains(text, w) {
				t.Errorf("lacks %q", w)
			}
		}
		for _, w := range []string{"列席人员名单", "表决票", "计票结果单", "选举结果报告", "另选他人", "审议通过。"} {
			if strings.Contains(text, w) {
				t.Errorf("only the agenda and the sign-in sheet were asked for, but it has %q", w)
			}
		}
	})

	t.Run("Roster", func(t *testing.T) {
		fullPhone := regexp.MustCompile(`1\d{10}`)
		for _, c := range []struct {
			kind   string
			public bool
		}{{"roster", false}, {"roster-public", true}} {
			out := filepath.Join(dir, c.kind+".pdf")
			code, stdout, errOut := run("print", "--db", db, c.kind, "--today", "2024-11-30", "--out", out)
			if code != ExitOK || !strings.Contains(stdout, "已生成代表名册") {
				t.Fatalf("%s: exit %d, %q %q", c.kind, code, stdout, errOut)
			}
			text := readPDF(t, out)
			if !strings.Contains(text, "青山镇人大代表名册") || !strings.Contains(text, "截至2024年11月30日") || !strings.Contains(text, "名代表") {
				t.Errorf("%s: no title, date or total", c.kind)
			}
			// readPDF drops the spaces, so numbers of neighbouring cells may run together: look for the
			// masked form instead in the public roster, and for a whole number in the full one.
			if c.public != strings.Contains(text, "公开版") || c.public == fullPhone.MatchString(text) ||
				c.public != regexp.MustCompile(`1\d\d\*\*\*\*\d{4}`).MatchString(text) {
				t.Errorf("%s: public %v, but the text is\n%s", c.kind, c.public, text)
			}
		}
	})

	t.Run("Errors", func(t *testing.T) {
		out := filepath.Join(dir, "x.pdf")
		for _, c := range []struct {
			args []string
			code int
			msg  string
		}{
			{[]string{"meeting"}, ExitUsage, "打印会议材料需要 --id"},
			{[]string{"meeting", "--id", "第五次"}, ExitUsage, "会议的编号"},
			{[]string{"meeting", "--id", id, "--parts", "会议议程,茶歇安排"}, ExitUsage, "不认识的会议材料「茶歇安排」，--parts 可以是: " + strings.Join(export.MeetingParts, "、")},
			{[]string{"meeting", "--id", id, "--year", "2024"}, ExitUsage, "不用 --year"},
			{[]string{"meeting", "--id", "99999"}, ExitError, "(error: not found)"},
			{[]string{"roster", "--year", "2024"}, ExitUsage, "打印代表名册不用 --year"},
			{[]string{"roster-public", "--parts", "会议议程"}, ExitUsage, "不用 --parts"},
			{[]string{"roster", "--id", "1"}, ExitUsage, "不用 --id"},
		} {
			args := append([]string{"print", "--db", db}, c.args...)
			code, _, errOut := run(append(args, "--out", out)...)
			if code != c.code || !strings.Contains(errOut, c.msg) || strings.Count(errOut, "\n") != 1 {
				t.Errorf("%v: exit %d, want %d with %q; stderr %q", c.args, code, c.code, c.msg, errOut)
			}
		}
		// A part the meeting has nothing for: the newest 人代会 of the demo held no election.
		code, _, errOut := run("print", "--db", db, "meeting", "--id", id, "--parts", "选票", "--out", out)
		if code != ExitError || !strings.Contains(errOut, "没有登记选举") {
			t.Errorf("ballots of a meeting without elections: exit %d, %q", code, errOut)
		}
	})
}
