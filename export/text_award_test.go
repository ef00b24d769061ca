package export

import (
	"strings"
	"testing"

	"rendadesk/store"
)

// Template 14 from the year's selection: the nominations before the presidium's decision, those chosen after
// it (a group by name, many deputies as 「甲等n名人大代表」), and where they were announced.
func TestReportTextAwards(t *testing.T) {
	st := store.DefaultSettings()
	nom := func(name string, elected bool) store.AwardNomination {
		return store.AwardNomination{CandidateName: name, Elected: elected}
	}
	groups := store.AwardCategoryFigures{Category: store.AwardCategory{Name: "先进代表小组", Candidate: store.CandidateGroup, Quota: 1},
		Nominated: []store.AwardNomination{nom("第二代表小组", true), nom("第五代表小组", false)}}
	groups.Elected = groups.Nominated[:1]
	deputies := store.AwardCategoryFigures{Category: store.AwardCategory{Name: "优秀为民代表", Candidate: store.CandidateDeputy, Quota: 10}}
	for _, n := range []string{"周运金", "王建国", "李堃"} {
		deputies.Nominated = append(deputies.Nominated, nom(n, true))
	}
	deputies.Elected = deputies.Nominated
	fig := func(decided, announced bool) store.Figures {
		a := store.AwardFigures{Year: 2023, Decided: decided, Announced: announced,
			Selection:  store.AwardSelection{Year: 2023, AnnounceMeeting: "茶亭镇第十八届人民代表大会第四次会议"},
			Categories: []store.AwardCategoryFigures{groups, deputies}}
		if !decided {
			for i := range a.Categories {
				a.Categories[i].Elected = nil
			}
		}
		return store.Figures{From: "2023-01-01", To: "2023-12-31", AsOf: "2023-12-31", Today: "2024-01-10", Awards: a}
	}
	t.Run("Decided", func(t *testing.T) {
		text := ReportText(st, fig(true, false))
		want := "采取代表小组推荐、镇人大办公室考察、镇人大主席团集体讨论确定的方式，评选第二代表小组为2023年度“先进代表小组”和周运金等3名人大代表为“优秀为民代表”，将在人民代表大会上进行公开表彰。"
		if !strings.Contains(text, want) {
			t.Fatalf("the text lacks 「%s」:\n%s", want, text)
		}
	})
	t.Run("Announced", func(t *testing.T) {
		text := ReportText(st, fig(true, true))
		if !strings.Contains(text, "“优秀为民代表”，并在茶亭镇第十八届人民代表大会第四次会议上进行了公开表彰。") {
			t.Fatalf("no announcement:\n%s", text)
		}
	})
	t.Run("NotDecided", func(t *testing.T) {
		text := ReportText(st, fig(false, false))
		want := "2023年度评先评优工作中，各代表小组共推荐“先进代表小组”2个、“优秀为民代表”3名，待镇人大主席团集体讨论确定。"
		if !strings.Contains(text, want) || strings.Contains(text, "评选第二代表小组") {
			t.Fatalf("the text lacks 「%s」 or names a choice:\n%s", want, text)
		}
	})
	t.Run("NoSelection", func(t *testing.T) {
		f := fig(true, true)
		f.Awards = store.AwardFigures{}
		if text := ReportText(st, f); strings.Contains(text, "评先评优") || strings.Contains(text, "表彰") {
			t.Fatalf("a year without a selection speaks of awards:\n%s", text)
		}
	})
}
