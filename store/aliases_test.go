package store

import "testing"

// What a clerk writes for a dictionary value finds the value meant; only a guess by the beginning is flagged,
// and a word that matches nothing, or more than one value, is not taken.
func TestMatchDict(t *testing.T) {
	party := []string{"中共党员", "中共预备党员", "共青团员", "群众"}
	categories := []string{"城乡建设", "社会保障和改善民生", "社会管理", "其他"}
	sources := []string{SourceDeputy, SourceStation, SourceGroup}
	for _, c := range []struct {
		name, kind, v string
		values        []string
		want          string
		guessed, ok   bool
	}{
		{"Listed", DictParty, "群众", party, "群众", false, true},
		{"Alias", DictParty, "党员", party, "中共党员", false, true},
		{"AliasPrepared", DictParty, "预备党员", party, "中共预备党员", false, true},
		{"AliasTargetNotListed", DictParty, "民盟", party, "民盟", false, false},
		{"AliasEducation", DictEducation, "大专", []string{"大学本科", "大学专科"}, "大学专科", false, true},
		{"EthnicitySuffix", DictEthnicity, "汉", []string{"汉族", "苗族"}, "汉族", false, true},
		{"EthnicityUnknown", DictEthnicity, "外星", []string{"汉族"}, "外星", false, false},
		{"CategoryPrefix", DictCategory, "社会保障", categories, "社会保障和改善民生", true, true},
		{"CategoryPrefixAmbiguous", DictCategory, "社会", categories, "社会", false, false},
		{"CategoryOneCharacter", DictCategory, "其", []string{"其他"}, "其", false, false},
		{"SourcePrefix", DictSource, "家站点", sources, SourceStation, true, true},
		{"NoPrefixForParty", DictParty, "中共预", party, "中共预", false, false},
		{"NoAliasForCategory", DictCategory, "党员", []string{"中共党员"}, "党员", false, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, guessed, ok := matchDict(c.kind, c.v, c.values)
			if got != c.want || guessed != c.guessed || ok != c.ok {
				t.Errorf("matchDict(%s, %q) = %q, %v, %v; want %q, %v, %v", c.kind, c.v, got, guessed, ok, c.want, c.guessed, c.ok)
			}
		})
	}
}

func TestNormLevelAndScope(t *testing.T) {
	for in, want := range map[string]string{"乡级": "镇级", "街道级": "镇级", "镇(乡)级": "镇级", "县（区）级": "县级", "区级": "县级",
		"全国人大代表": "全国", "省人大代表": "省级", "市级": "市级", "什么级": "什么级"} {
		if got := NormLevel(in); got != want {
			t.Errorf("NormLevel(%q) = %q", in, got)
		}
	}
	for in, want := range map[string]string{"村级层面": "村级", "镇级层面": "镇级", "社区": "村级", "县(区)级": "县级"} {
		if got := NormScope(in); got != want {
			t.Errorf("NormScope(%q) = %q", in, got)
		}
	}
}

// The clerk's words for the other fixed values read as the stored value; a word not known comes back as written.
func TestNormFixedValues(t *testing.T) {
	for _, c := range []struct {
		name string
		norm func(string) string
		in   map[string]string
	}{
		{"NormGender", NormGender, map[string]string{"男性": "男", "F": "女", "男": "男", "未知": "未知"}},
		{"NormDeputyStatus", NormDeputyStatus, map[string]string{"在职": DeputyActive, "离任": DeputyVacant, "休假": "休假"}},
		{"NormVacancyReason", NormVacancyReason, map[string]string{"工作调动": "调离", "病故": "去世", "辞去代表职务": "辞职", "罢免": "罢免"}},
		{"NormStationType", NormStationType, map[string]string{"联络站": "代表联络站", "人大代表之家": "代表之家", "代表工作室": "代表工作室", "服务站": "服务站"}},
		{"NormStationStatus", NormStationStatus, map[string]string{"使用中": "在用", "在建": "筹建", "停用": "撤销", "维修": "维修"}},
		{"NormKind", NormKind, map[string]string{"代表建议": KindSuggestion, "选民意见": KindVoter, "代表议案": KindMotion, "提案": "提案"}},
		{"NormPeriod", NormPeriod, map[string]string{"会期": PeriodSession, "平时": PeriodRecess, "全年": "全年"}},
		{"NormPriority", NormPriority, map[string]string{"是": "重点", "Y": "重点", "非重点": "一般", "次要": "次要"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			for in, want := range c.in {
				if got := c.norm(in); got != want {
					t.Errorf("%s(%q) = %q, want %q", c.name, in, got, want)
				}
			}
		})
	}
}

func TestSourceIn(t *testing.T) {
	renamed := []string{"代表提出", "家站点", "视察调研", "其他"}
	for _, c := range []struct{ source, want string }{
		{SourceStation, "家站点"},
		{SourceOfMeeting(MeetingLawCheck), "视察调研"},
		{SourceOfMeeting(MeetingGroup), SourceGroup}, // not in the dictionary and nothing like it: kept
		{SourceOfKind(KindSuggestion), SourceDeputy},
	} {
		if got := SourceIn(c.source, renamed); got != c.want {
			t.Errorf("SourceIn(%q) = %q, want %q", c.source, got, c.want)
		}
	}
	if got := SourceIn(SourceStation, Sources); got != SourceStation {
		t.Errorf("seeded dictionary: %q", got)
	}
}
