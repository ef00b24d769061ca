package cli

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"rendadesk/store"
)

// The 选区名册 of the demo names its districts, seats and vacancies; a by-election entered through the store
// prints its 补选结果报告 (ballots, votes, who was elected) and the 代表资格审查报告 the presidium signs.
func TestPrintDistrictsAndByElection(t *testing.T) {
	db, dir := printDemo(t)
	ctx := context.Background()
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	vacated, _, err := s.Deputies(ctx, store.DeputyFilter{Status: store.DeputyVacant, Level: store.LevelTown})
	if err != nil || len(vacated) == 0 {
		t.Fatalf("the demo has no vacated town deputy: %v", err)
	}
	gone := vacated[0]
	seat, err := s.VacatedSeat(ctx, gone.ID, store.LevelTown)
	if err != nil {
		t.Fatal(err)
	}
	b := store.ByElection{VacatedSeatID: seat.ID, ApprovedBy: "青山县人大常委会", Approved: gone.VacancyDate.AddDays(20)}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(s.StartByElection(ctx, &b))
	m := store.Meeting{Title: "补选镇人大代表选民大会", Start: gone.VacancyDate.AddDays(60), Place: "村委会议室"}
	must(s.ByElectionMeeting(ctx, b.ID, &m, store.Election{Position: "镇人大代表", Seats: 1, Expected: 900, Present: 812,
		BallotsIssued: 812, BallotsReturned: 810, BallotsValid: 806,
		Candidates: []store.Candidate{{Name: "冯补选", Votes: 731, Elected: true}, {Name: "陈候选", Votes: 75}}}))
	must(s.FillByElection(ctx, b.ID, store.ByElectionFill{Candidate: "冯补选", New: &store.Deputy{Gender: "女", Party: "中共党员", WorkUnit: "村委会", Post: "主任"}}))
	s.Close()

	for _, c := range []struct {
		args  []string
		wants []string
	}{
		{[]string{"districts"}, []string{"青山镇人大主席团选区名册", "截至2024年11月30日", "第1选区", "应选名额", "缺额", "合计", "第1页共"}},
		{[]string{"by-election-report", "--id", strconv.FormatInt(b.ID, 10)}, []string{
			"关于补选" + gone.District + "镇人大代表选举结果的报告", "青山县人大常委会：", "原" + gone.District + "镇人大代表" + gone.Name,
			"发出选票812张，收回810张，其中有效票806张、无效票4张", "选举有效", "冯补选", "731", "90.2%", "当选",
			"冯补选同志得票超过参加投票人数的半数，当选为" + gone.District + "镇人大代表", "第1页共1页",
			"代表资格审查报告", "确认其代表资格有效", "村委会主任", "主席团成员签名"}},
	} {
		out := filepath.Join(dir, c.args[0]+".pdf")
		args := append([]string{"print", "--db", db}, c.args...)
		code, stdout, errOut := run(append(args, "--today", "2024-11-30", "--out", out)...)
		if code != ExitOK || !strings.Contains(stdout, "已生成") {
			t.Fatalf("%v: exit %d, %q %q", c.args, code, stdout, errOut)
		}
		text := readPDF(t, out)
		for _, w := range c.wants {
			if !strings.Contains(text, w) {
				t.Errorf("%v: the PDF lacks %q", c.args, w)
			}
		}
	}
	if code, _, errOut := run("print", "--db", db, "by-election-report", "--id", "99", "--out", filepath.Join(dir, "x.pdf")); code == ExitOK ||
		!strings.Contains(errOut, "补选记录不存在") {
		t.Errorf("an unknown by-election: exit %d, %q", code, errOut)
	}
}
