package store

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// The clerk's shorthand: what clerks write for the values the office keeps, and the rules that find the value
// meant, in one place. A roster typed by hand says 党员 for 中共党员, 大专 for 大学专科, 汉 for 汉族, 乡级 for 镇级
// and 在职 for 在任; a list of suggestions says 社会保障 for 社会保障和改善民生 and 家站点 for 家站点(选民). The
// import planner finds dictionary values with matchDict, export's import columns read the fixed values with the
// Norm functions, and SourceIn finds a seeded source in a dictionary the clerk has renamed. Every function
// returns a word it does not know as written, for the check that follows to name.

// ---- dictionary values (设置 › 字典) ----

// dictAliases are what clerks write for dictionary values, used only when the value itself is not in the
// dictionary and the alias's target is.
var dictAliases = map[string]map[string]string{
	DictParty: {
		"党员": "中共党员", "中共": "中共党员", "共产党员": "中共党员", "中国共产党党员": "中共党员", "中国共产党": "中共党员",
		"预备党员": "中共预备党员", "中共预备": "中共预备党员", "团员": "共青团员", "共青团": "共青团员",
		"无党派": "无党派人士", "民革": "民主党派", "民盟": "民主党派", "民建": "民主党派", "民进": "民主党派",
		"农工党": "民主党派", "致公党": "民主党派", "九三学社": "民主党派", "台盟": "民主党派",
	},
	DictEducation: {
		"本科": "大学本科", "大学": "大学本科", "大本": "大学本科", "大专": "大学专科", "专科": "大学专科",
		"硕士": "研究生", "博士": "研究生", "硕士研究生": "研究生", "博士研究生": "研究生", "研究生学历": "研究生",
	},
}

// matchDict finds the value of a dictionary (values, of kind) that a clerk meant by v: v itself; its alias
// (dictAliases) when the alias's target is listed; for 民族 v with 族 added (汉 → 汉族); for 类别 and 来源 the one
// value that begins with v, of two characters or more. guessed is true for that last rule only, whose match
// was not written out, so that the importer says what it took; ok is false when nothing matches.
func matchDict(kind, v string, values []string) (match string, guessed, ok bool) {
	if slices.Contains(values, v) {
		return v, false, true
	}
	if a := dictAliases[kind][v]; a != "" && slices.Contains(values, a) {
		return a, false, true
	}
	switch kind {
	case DictEthnicity:
		if slices.Contains(values, v+"族") {
			return v + "族", false, true
		}
	case DictCategory, DictSource:
		// 社会保障 → 社会保障和改善民生, 家站点 → 家站点(选民): one value that begins with what was written.
		var found []string
		for _, x := range values {
			if utf8.RuneCountInString(v) >= 2 && strings.HasPrefix(x, v) {
				found = append(found, x)
			}
		}
		if len(found) == 1 {
			return found[0], true, true
		}
	}
	return v, false, false
}

// ---- fixed values (enums.go) ----

// NormGender reads 男性, 男士, M as 男 and 女性, 女士, F as 女.
func NormGender(s string) string {
	switch s {
	case "男性", "男士", "m", "M":
		return "男"
	case "女性", "女士", "f", "F":
		return "女"
	}
	return s
}

// NormLevel reads a level as clerks write it: 乡级, 街道级, 镇(乡)级 → 镇级; 区级, 县(区)级 → 县级; 全国人大代表 → 全国.
func NormLevel(s string) string {
	k := levelNoise.Replace(s)
	switch {
	case k == "":
		return s
	case strings.Contains(k, "全国"):
		return LevelNation
	case strings.Contains(k, "省"):
		return LevelProvince
	case strings.Contains(k, "市"):
		return LevelCity
	case strings.Contains(k, "县") || strings.Contains(k, "区"):
		return LevelCounty
	case strings.Contains(k, "镇") || strings.Contains(k, "乡") || strings.Contains(k, "街道"):
		return LevelTown
	case strings.Contains(k, "村") || strings.Contains(k, "居") || strings.Contains(k, "社区"):
		return LevelVillage
	}
	return s
}

// NormScope reads 涉及层面: the levels of NormLevel, plus 村级 (村(居)级, 社区).
func NormScope(s string) string {
	k := scopeNoise.Replace(s)
	if strings.Contains(k, "村") || strings.Contains(k, "社区") || strings.HasPrefix(k, "居") {
		return LevelVillage
	}
	return NormLevel(s)
}

// NormDeputyStatus reads 在职, 现任, 正常, 任职 as 在任 and 离任, 已出缺, 缺额, 空缺 as 出缺.
func NormDeputyStatus(s string) string {
	switch s {
	case "在职", "现任", "正常", "任职":
		return DeputyActive
	case "离任", "已出缺", "缺额", "空缺":
		return DeputyVacant
	}
	return s
}

// NormVacancyReason reads a vacancy reason as clerks write it: 工作调动 → 调离, 病故 → 去世, 辞去代表职务 → 辞职.
func NormVacancyReason(s string) string {
	switch s {
	case "调动", "工作调动", "调出":
		return "调离"
	case "死亡", "病故", "逝世":
		return "去世"
	case "辞去代表职务":
		return "辞职"
	}
	return s
}

// NormStationType reads a station type without its 代表 or with 人大 before it: 联络站 → 代表联络站,
// 人大代表之家 → 代表之家.
func NormStationType(s string) string {
	k := strings.TrimPrefix(strings.ReplaceAll(s, " ", ""), "人大")
	if !strings.HasPrefix(k, "代表") {
		k = "代表" + k
	}
	if slices.Contains(StationTypes, k) {
		return k
	}
	return s
}

// NormStationStatus reads 使用中, 正常运行 … as 在用, 在建, 筹备 … as 筹建 and 停用, 撤并 … as 撤销.
func NormStationStatus(s string) string {
	switch s {
	case "使用", "正常", "运行", "使用中", "正常运行":
		return "在用"
	case "在建", "建设中", "筹备":
		return "筹建"
	case "已撤销", "停用", "撤并":
		return "撤销"
	}
	return s
}

// NormKind reads a suggestion kind as clerks write it: 建议, 代表建议 → 建议、批评和意见; 选民意见 → 选民意见建议;
// 代表议案 → 议案.
func NormKind(s string) string {
	switch strings.ReplaceAll(s, " ", "") {
	case "建议", "建议批评和意见", "建议、批评、意见", "代表建议", "建议、批评和意见":
		return KindSuggestion
	case "选民意见", "选民建议", "选民意见建议", "群众意见", "选民意见和建议":
		return KindVoter
	case "议案", "代表议案":
		return KindMotion
	}
	return s
}

// NormPeriod reads 会期, 大会期间 … as 人代会期间 and 闭会, 平时 … as 闭会期间.
func NormPeriod(s string) string {
	switch strings.ReplaceAll(s, " ", "") {
	case "会期", "人代会", "大会期间", "会议期间", "人代会期间", "会期内":
		return PeriodSession
	case "闭会", "闭会期间", "平时", "闭会期":
		return PeriodRecess
	}
	return s
}

// NormPriority reads 是, √, 重点督办 … as 重点 and 否, 非重点, × … as 一般.
func NormPriority(s string) string {
	switch strings.ToLower(strings.ReplaceAll(s, " ", "")) {
	case "重点", "是", "√", "y", "重点建议", "重点督办":
		return "重点"
	case "一般", "否", "非重点", "n", "×":
		return "一般"
	}
	return s
}

// ---- a seeded value in a renamed dictionary ----

// SourceIn returns source as the office's dictionary spells it: itself when listed, else the one listed value
// that shares the longest beginning with it, of three characters or more (the clerk renamed 家站点(选民) to
// 家站点), else source. Two characters are not enough: 代表小组活动 is not 代表提出.
func SourceIn(source string, dictionary []string) string {
	if slices.Contains(dictionary, source) {
		return source
	}
	best, bestLen, tie := source, 2, false
	for _, v := range dictionary {
		n := commonPrefix(source, v)
		switch {
		case n > bestLen:
			best, bestLen, tie = v, n, false
		case n == bestLen && bestLen > 2:
			tie = true
		}
	}
	if tie {
		return source
	}
	return best
}

// commonPrefix counts the characters a and b begin with alike.
func commonPrefix(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	n := 0
	for n < len(ra) && n < len(rb) && ra[n] == rb[n] {
		n++
	}
	return n
}

// levelNoise is what a level written by hand may carry around the level itself (made once, not per cell).
var levelNoise = strings.NewReplacer("人大代表", "", "代表", "", "人大", "", "(", "", ")", "", "（", "", "）", "", "层面", "", " ", "")

// scopeNoise is what a scope written by hand may carry around the scope itself.
var scopeNoise = strings.NewReplacer("层面", "", " ", "")
