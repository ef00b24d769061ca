package cli

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"rendadesk/store"
)

// noticeOf reads the 公示表 data of a month for one station (0: all) from the database at path.
func noticeOf(t *testing.T, path string, m store.Month, stationID int64) store.StationNoticeDoc {
	t.Helper()
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	doc, err := db.StationNoticeDoc(context.Background(), m, stationID)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// head is the first n characters of s without spaces: what the first line of a table cell shows.
func head(s string, n int) string {
	s = strings.Join(strings.Fields(s), "")
	for i := range s {
		if n == 0 {
			return s[:i]
		}
		n--
	}
	return s
}

func TestPrintStationNotice(t *testing.T) {
	db, dir := printDemo(t)
	all := noticeOf(t, db, "2024-10", 0)
	// The station of the month with the most issues, so that the test reads a full table.
	busiest := all.Notices[0]
	for _, n := range all.Notices {
		if n.Issues() > busiest.Issues() {
			busiest = n
		}
	}
	if busiest.Issues() < 2 || len(busiest.Duty) == 0 {
		t.Fatalf("the demo's October 2024 has no station with issues and a November roster: %d issues, %d duty days",
			busiest.Issues(), len(busiest.Duty))
	}

	t.Run("OneStation", func(t *testing.T) {
		out := filepath.Join(dir, "公示表.pdf")
		code, stdout, errOut := run("print", "--db", db, "station-notice", "--month", "2024-10", "--id", busiest.Station.Name, "--out", out)
		if code != ExitOK || !strings.Contains(stdout, "已生成联络站公示表") {
			t.Fatalf("exit %d, %q %q", code, stdout, errOut)
		}
		text := readPDF(t, out)
		for _, w := range []string{busiest.Station.Name + "接待选民情况公示", "2024年10月", fmt.Sprintf("收集意见建议%d条", busiest.Issues()),
			"2024年11月代表值班及接待日安排", "第1页共"} {
			if !strings.Contains(text, w) {
				t.Errorf("the notice lacks %q", w)
			}
		}
		if busiest.Phone != "" && !strings.Contains(text, "联系电话："+busiest.Phone) {
			t.Errorf("the notice lacks the station's phone %s", busiest.Phone)
		}
		named := 0
		for _, r := range busiest.Receptions {
			for _, i := range r.Issues {
				if !strings.Contains(text, head(i.Content, 8)) {
					t.Errorf("issue %q of %s is not listed", i.Content, r.Date)
				}
				if i.Voter == "" {
					continue
				}
				named++
				if utf8.RuneCountInString(i.Voter) > 1 && strings.Contains(text, i.Voter) {
					t.Errorf("the voter's full name %q is printed", i.Voter)
				}
				if !strings.Contains(text, store.MaskName(i.Voter)) {
					t.Errorf("the masked name %q is missing", store.MaskName(i.Voter))
				}
			}
		}
		if named == 0 {
			t.Error("no issue of the month names its voter: the masking is not tested")
		}
		for _, d := range busiest.Duty {
			if !strings.Contains(text, d.Date.Chinese()) || (d.DeputyName != "" && !strings.Contains(text, d.DeputyName)) {
				t.Errorf("the roster lacks %s %s", d.Date.Chinese(), d.DeputyName)
			}
		}
	})

	t.Run("AllStationsEachNumbered", func(t *testing.T) {
		out := filepath.Join(dir, "全部公示表.pdf")
		if code, _, errOut := run("print", "--db", db, "station-notice", "--month", "2024-10", "--paper", "a3", "--out", out); code != ExitOK {
			t.Fatalf("exit %d, %q", code, errOut)
		}
		text := readPDF(t, out)
		if n := strings.Count(text, "第1页共"); n != len(all.Notices) {
			t.Errorf("%d parts start at page 1, want one per station (%d)", n, len(all.Notices))
		}
		for _, n := range all.Notices {
			if !strings.Contains(text, n.Station.Name+"接待选民情况公示") {
				t.Errorf("the notice of %s is missing", n.Station.Name)
			}
		}
	})

	t.Run("BadArguments", func(t *testing.T) {
		out := filepath.Join(dir, "x.pdf")
		for _, c := range []struct {
			args []string
			code int
			msg  string
		}{
			{[]string{"station-notice", "--out", out}, ExitUsage, "需要 --month"},
			{[]string{"station-notice", "--month", "2024-13", "--out", out}, ExitUsage, "应在1到12月之间"},
			{[]string{"station-notice", "--month", "2024-10", "--paper", "B5", "--out", out}, ExitUsage, "可以是 A4 或 A3"},
			{[]string{"station-notice", "--month", "2024-10", "--id", "没有这个站", "--out", out}, ExitError, "找不到联络站「没有这个站」"},
			{[]string{"duty-roster", "--month", "2030-01", "--out", out}, ExitError, "2030年1月还没有值班安排"},
			{[]string{"petition-form", "--month", "2024-10", "--id", "1", "--out", out}, ExitUsage, "不用 --month"},
		} {
			code, _, errOut := run(append([]string{"print", "--db", db}, c.args...)...)
			if code != c.code || !strings.Contains(errOut, c.msg) {
				t.Errorf("%v: exit %d, want %d with %q; stderr %q", c.args, code, c.code, c.msg, errOut)
			}
		}
	})
}

func TestPrintPetitionForms(t *testing.T) {
	db, dir := printDemo(t)
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ps, _, err := s.Petitions(ctx, store.PetitionFilter{})
	if err != nil {
		t.Fatal(err)
	}
	var referred store.Petition
	for _, p := range ps {
		if p.Referral() && p.Reply != "" && referred.ID == 0 {
			referred = p
		}
	}
	// A letter just registered: not referred, no reply.
	fresh := store.Petition{Received: "2024-11-28", Channel: store.ChannelLetter, Subject: "反映村道积水", Petitioner: "王明"}
	if err := s.SavePetition(ctx, &fresh); err != nil {
		t.Fatal(err)
	}
	s.Close()
	if referred.ID == 0 || fresh.ID == 0 {
		t.Fatalf("the demo lacks a referred case with a reply (%v) or a new case (%v)", referred.Number, fresh.Number)
	}

	for _, c := range []struct {
		kind  string
		wants []string
	}{
		{"petition-form", []string{"信访登记表", referred.Number, referred.ReferralFrom, head(referred.Content, 10), "办理过程", "转办", "报告期限"}},
		{"petition-referral", []string{"信访事项转办单", referred.UnitName + "：", "请于" + referred.Deadline.Chinese() + "前办结", "承办单位签收"}},
		{"petition-feedback", []string{"信访事项办理反馈单", head(referred.Reply, 10), "信访人意见", "信访人签字"}},
	} {
		t.Run(c.kind, func(t *testing.T) {
			out := filepath.Join(dir, c.kind+".pdf")
			if code, _, errOut := run("print", "--db", db, c.kind, "--id", referred.Number, "--out", out); code != ExitOK {
				t.Fatalf("exit %d, %q", code, errOut)
			}
			text := readPDF(t, out)
			for _, w := range c.wants {
				if !strings.Contains(text, strings.Join(strings.Fields(w), "")) {
					t.Errorf("the %s lacks %q", c.kind, w)
				}
			}
		})
	}

	t.Run("NotYetReferred", func(t *testing.T) {
		out := filepath.Join(dir, "未转办.pdf")
		for kind, msg := range map[string]string{"petition-referral": "还没有转办", "petition-feedback": "还没有办理结果"} {
			code, _, errOut := run("print", "--db", db, kind, "--id", fresh.Number, "--out", out)
			if code != ExitError || !strings.Contains(errOut, fresh.Number+msg) {
				t.Errorf("%s of a new case: exit %d, %q", kind, code, errOut)
			}
		}
	})
}
