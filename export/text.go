package export

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"rendadesk/store"
)

// ReportText is the 报告文字稿 (SPEC §6.3): the sentence templates of domain.md §4.2 filled from the figures,
// one paragraph a line, in the office's own words (镇/乡/街道, 县/区, 主席团/人大工委).
//
// Rules the sentences keep:
//   - every percentage is Rate.Percent(st.Precision), so it reads as in the 报表 tab, the sheet and the PDF;
//   - a clause whose count is 0 is left out, and a rate whose denominator is 0 is left out (never 「—」 in prose);
//   - 「均已」/「全部」 are said only when literally true (every item received was replied); otherwise the
//     actual counts are given (已办理答复x件，尚在办理y件 …);
//   - measure words: 件 for 议案 and deputies' suggestions, 条 for voters' opinions (store.MeasureWord);
//   - a report date before the day the text is made is named (「截至2025年12月31日」), never 「目前」; the
//     deputies and stations are those of the period's last day, and are dated by it;
//   - sources and levels are named in words that read in a sentence (textSource), not as dictionary labels.
func ReportText(st store.Settings, f store.Figures) string {
	w := textWords(st)
	r := reportWriter{st: st, f: f, w: w}
	var paras []string
	for _, p := range []string{
		r.opening(),
		r.congress(),
		r.session(),
		r.recess(),
		r.rates(),
		r.supervision(), // 监督 (text_supervision.go)
		r.stations(),
		r.contact(), // issue 18 (text_voters.go)
		r.deputies(),
		r.termChange(), // issue 16 (text_terms.go)
		r.reportBacks(),
		r.workRules(),  // issue 22: the work rules and the plan (text_plan.go)
		r.dutyScores(), // issue 22: 履职积分
		r.publicity(),  // issue 22 part 6 (text_publicity.go)
		r.awards(),     // 评先评优, issue 22 part 4 (text_award.go)
		r.footnote(),
	} {
		if p != "" {
			paras = append(paras, "　　"+p)
		}
	}
	return strings.Join(paras, "\n") + "\n"
}

// textTerms are the office's terms.
type textTerms struct {
	town, upper string // 镇, 县
	presidium   string // 人大主席团会议 / 人大工委会议
}

func textWords(st store.Settings) textTerms {
	w := textTerms{town: st.TownWord, upper: st.UpperWord}
	if w.town == "" {
		w.town = "镇"
	}
	if w.upper == "" {
		w.upper = "县"
	}
	body := st.BodyWord
	if body == "" {
		body = "主席团"
	}
	if !strings.HasPrefix(body, "人大") {
		body = "人大" + body
	}
	w.presidium = body + "会议"
	return w
}

type reportWriter struct {
	st store.Settings
	f  store.Figures
	w  textTerms
}

func (r reportWriter) pct(rate store.Rate) string { return rate.Percent(r.st.Precision) }

// period names the period: 「2024年」, 「2024年1月1日至6月30日」.
func (r reportWriter) period() string {
	if r.f.From == "" || r.f.To == "" {
		return ""
	}
	if (store.Period{From: r.f.From, To: r.f.To}).IsYear() {
		return fmt.Sprintf("%d年", r.f.From.Year())
	}
	return periodWords(r.f.From, r.f.To)
}

// now opens a sentence about how the items stand on the report date: 「目前」 when that is today, else
// 「截至2025年12月31日，」.
func (r reportWriter) now() string {
	if r.f.IsPast() {
		return "截至" + r.f.AsOf.Chinese() + "，"
	}
	return "目前"
}

// rollNow opens a sentence about the deputies or stations of the period's last day: 「目前」 when that is
// today or later, else 「截至2025年12月31日，」.
func (r reportWriter) rollNow() string {
	if d := r.f.CountedOn(); r.f.Today != "" && d < r.f.Today {
		return "截至" + d.Chinese() + "，"
	}
	return "目前"
}

// prefix starts a sentence with the period: 「2024年，」.
func (r reportWriter) prefix() string {
	if p := r.period(); p != "" {
		return p + "，"
	}
	return ""
}

// levelDeputy names the deputies of a level: 镇人大代表, 县人大代表, 市人大代表.
func (r reportWriter) levelDeputy(level string) string {
	switch level {
	case store.LevelTown:
		return r.w.town + "人大代表"
	case store.LevelCounty:
		return r.w.upper + "人大代表"
	case store.LevelCity:
		return "市人大代表"
	case store.LevelProvince:
		return "省人大代表"
	case store.LevelNation:
		return "全国人大代表"
	}
	return strings.TrimSuffix(level, "级") + "人大代表"
}

// textJoin joins the non-zero counts: 「生态建设6件，社会管理9件」.
func textJoin(sep string, items ...string) string {
	var out []string
	for _, s := range items {
		if s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, sep)
}

// textCount prints 「<label><n><unit>」, or "" when n is 0.
func textCount(label string, n int, unit string) string {
	if n == 0 {
		return ""
	}
	return fmt.Sprintf("%s%d%s", label, n, unit)
}

// opening is template 1: the year's meetings and activities.
func (r reportWriter) opening() string {
	f := r.f
	body := textJoin("，",
		textCount("召开"+r.w.town+"人民代表大会会议", f.MeetingCount(store.MeetingCongress), "次"),
		textCount("召开"+r.w.presidium, f.MeetingCount(store.MeetingPresidium), "次"),
		textCount("审议专项工作报告", f.SpecialReports, "项"),
		textTopics("开展执法检查", f.LawChecks, "（按检查的法律法规计，共开展检查%d次）", f.LawCheckEvents()),
		textTopics("组织集中视察和集体调研", f.InspectionsResearch, "（按主题计，共开展%d次）", f.InspectionEvents()),
		textCount("作出决议、决定", f.Resolutions, "项"),
	)
	if body == "" {
		return ""
	}
	return r.prefix() + "共" + body + "。"
}

// textTopics prints a count of topics with the basis it is counted on and the number of events:
// 「开展执法检查2项（按检查的法律法规计，共开展检查3次）」; "" when n is 0.
func textTopics(label string, n int, basis string, events int) string {
	if n == 0 {
		return ""
	}
	if events < n { // figures made by hand without the events: the basis alone
		basis, _, _ = strings.Cut(basis, "，")
		return fmt.Sprintf("%s%d项%s）", label, n, basis)
	}
	return fmt.Sprintf("%s%d项"+basis, label, n, events)
}

// congress is template 2: each 人民代表大会会议 of the period as T15 states it — its dates, the roll, the
// reports deliberated, the resolutions passed and those elected.
func (r reportWriter) congress() string {
	var out []string
	for _, m := range r.f.Sessions {
		date := m.Start.Chinese()
		if m.End != "" && m.End != m.Start {
			date = periodWords(m.Start, m.End)
		}
		s := date + "，召开了" + m.Title
		if m.Expected > 0 {
			s += fmt.Sprintf("，应到代表%d名，实到%d名", m.Expected, m.Present)
		}
		s += "。"
		var parts []string
		if len(m.Reports) > 0 {
			var titles []string
			for _, t := range m.Reports {
				titles = append(titles, "《"+reportName(t)+"》")
			}
			parts = append(parts, "组织代表认真审议了"+strings.Join(titles, ""))
		}
		if len(m.Passed) > 0 {
			var titles []string
			for _, t := range m.Passed {
				titles = append(titles, "《"+strings.Trim(t, "《》")+"》")
			}
			parts = append(parts, "表决通过了"+strings.Join(titles, ""))
		}
		for _, e := range m.Elections {
			verb := "选举"
			if e.Kind == "补选" {
				verb = "补选"
			}
			parts = append(parts, verb+strings.Join(e.Elected, "、")+"为"+e.Position)
		}
		if len(parts) > 0 {
			s += "会议" + strings.Join(parts, "，") + "。"
		}
		if m.Received > 0 {
			s += fmt.Sprintf("会议期间共收到代表议案、建议%d件。", m.Received)
		}
		out = append(out, s)
	}
	return strings.Join(out, "")
}

// reportName is an agenda item's report as a title: 「听取和审议镇人民政府工作报告」 → 「镇人民政府工作报告」.
func reportName(item string) string {
	item = strings.Trim(strings.TrimSpace(item), "《》")
	for _, verb := range []string{"听取和审议", "听取并审议", "审查和批准", "审查并批准", "审议和批准", "听取", "审议", "审查"} {
		if rest, ok := strings.CutPrefix(item, verb); ok && rest != "" {
			return strings.Trim(rest, "《》")
		}
	}
	return item
}

// textSource names a source of suggestions in a sentence, with its count: 「在视察、调研和执法检查中提出18件」,
// not the dictionary's 「视察调研执法检查18件」. A source the office added is quoted as it is.
func textSource(source string, n int, unit string) string {
	if n == 0 {
		return ""
	}
	phrase, ok := map[string]string{
		"代表提出":      "代表直接提出%d%s",
		"主席团成员联系代表": "通过主席团成员联系代表收集%d%s",
		"家站点(选民)":   "通过代表“家站点”收集%d%s",
		"视察调研执法检查":  "在视察、调研和执法检查中提出%d%s",
		"代表小组活动":    "在代表小组活动中提出%d%s",
		"征求意见卡":     "通过征求意见卡收集%d%s",
		"其他":        "其他来源%d%s",
		"":          "来源未注明的%d%s",
	}[source]
	if !ok {
		return fmt.Sprintf("来自“%s”的%d%s", source, n, unit)
	}
	return fmt.Sprintf(phrase, n, unit)
}

// textDimNames lists the values of a dimension: those of the breakdown in its order, then any other value the
// cells carry, in the order met.
func textDimNames(listed []store.Breakdown, cells []store.FigureCell, dim func(store.FigureCell) string) []string {
	var names []string
	for _, b := range listed {
		names = append(names, b.Name)
	}
	for _, c := range cells {
		if v := dim(c); !slices.Contains(names, v) {
			names = append(names, v)
		}
	}
	return names
}

// handlingText says how far the items of sf have been handled, opening with now (「目前」 or 「截至…，」): 「均已
// 办理答复」 only when every item received was replied; otherwise the counts.
func handlingText(now string, sf store.SuggestionFigures, unit string, all string) string {
	if sf.Received == 0 {
		return ""
	}
	if sf.Replied == sf.Received {
		return now + all
	}
	open := max(sf.Unanswered-sf.Pending-sf.Terminated, 0)
	return now + textJoin("，",
		textCount("已办理答复", sf.Replied, unit),
		textCount("尚在办理", open, unit),
		textCount("尚待交办", sf.Pending, unit),
		textCount("不予立案或撤回", sf.Terminated, unit),
	)
}

// outcomes prints the outcome shares over all received items (domain.md §4.1 A1–A3), each only when its count
// is not 0.
func (r reportWriter) outcomes(sf store.SuggestionFigures, unit string) string {
	var parts []string
	if sf.Solved > 0 {
		parts = append(parts, fmt.Sprintf("已经解决的有%d%s，解决率为%s", sf.Solved, unit, r.pct(sf.SolveRate)))
	}
	for _, o := range []struct {
		label string
		n     int
		rate  store.Rate
	}{
		{"正在解决的", sf.Solving, sf.SolvingShare},
		{"列入计划解决的", sf.Planned, sf.PlannedShare},
		{"留作参考的", sf.Reference, sf.ReferenceShare},
	} {
		if o.n > 0 {
			parts = append(parts, fmt.Sprintf("%s%d%s，占%s", o.label, o.n, unit, r.pct(o.rate)))
		}
	}
	return strings.Join(parts, "；")
}

// session is templates 6 and 10: the items raised at the session, by category, and how they were handled.
func (r reportWriter) session() string {
	f := r.f
	slice := store.FigureSlice{Period: store.PeriodSession}
	sf := f.Sum(slice)
	lead := r.prefix() + r.w.town + "人代会期间"
	if sf.Received == 0 {
		return lead + "未收到代表议案和建议。"
	}
	unit := store.MeasureWord(store.KindSuggestion)
	var b strings.Builder
	fmt.Fprintf(&b, "%s，共收到%s人大代表书面意见%d%s", lead, r.w.town, sf.Received, unit)
	motions := f.Sum(store.FigureSlice{Period: store.PeriodSession, Kind: store.KindMotion}).Received
	var cats []string
	for _, c := range textDimNames(f.ByCategory, f.Cells, func(c store.FigureCell) string { return c.Category }) {
		n := f.Sum(store.FigureSlice{Period: store.PeriodSession, Category: c}).Received
		if c == "" {
			c = "未分类"
		}
		cats = append(cats, textCount(c, n, unit))
	}
	catText := textJoin("，", cats...)
	if motions > 0 {
		fmt.Fprintf(&b, "，其中议案%d%s", motions, unit)
		if rest := sf.Received - motions; rest > 0 {
			fmt.Fprintf(&b, "，建议、批评和意见%d%s", rest, unit)
		}
		if catText != "" {
			b.WriteString("；按内容分，涉及" + catText)
		}
	} else if catText != "" {
		b.WriteString("，其中涉及" + catText)
	}
	b.WriteString("。")
	h := handlingText(r.now(), sf, unit, "均已办理答复")
	out := r.outcomes(sf, unit)
	switch {
	case sf.Replied == sf.Received && out != "":
		b.WriteString(h + "，其中" + out + "。")
	case out != "" && r.f.IsPast():
		b.WriteString(h + "；" + out + "。")
	case out != "":
		b.WriteString(h + "。截至目前，" + out + "。")
	default:
		b.WriteString(h + "。")
	}
	return b.String()
}

// recess is template 7: the items between sessions — the deputies' by source and scope level in 件, the
// voters' by scope level in 条 — and how far they were handled.
func (r reportWriter) recess() string {
	f := r.f
	all := f.Sum(store.FigureSlice{Period: store.PeriodRecess})
	if all.Received == 0 {
		return "闭会期间，未收到代表和选民的意见建议。"
	}
	voter := f.Sum(store.FigureSlice{Period: store.PeriodRecess, Kind: store.KindVoter})
	// The deputies' items: everything between sessions but the voters' (any kind no longer listed counts here).
	deputyN := all.Received - voter.Received
	scopes := slices.Clone(store.ScopeLevels) // highest first, as the source has it
	for _, s := range textDimNames(f.ByScope, f.Cells, func(c store.FigureCell) string { return c.Scope }) {
		if !slices.Contains(scopes, s) {
			scopes = append(scopes, s)
		}
	}
	byScope := func(voters bool, unit string) string {
		var parts []string
		for _, s := range scopes {
			n := recessReceived(f, voters, func(c store.FigureCell) bool { return c.Scope == s })
			label := r.st.LevelLabel(s) + "层面"
			if s == "" {
				label = "未注明层面"
			}
			parts = append(parts, textCount(label, n, unit))
		}
		return textJoin("、", parts...)
	}
	var sents []string
	if deputyN > 0 {
		unit := store.MeasureWord(store.KindSuggestion)
		var srcs []string
		for _, s := range textDimNames(f.BySource, f.Cells, func(c store.FigureCell) string { return c.Source }) {
			n := recessReceived(f, false, func(c store.FigureCell) bool { return c.Source == s })
			srcs = append(srcs, textSource(s, n, unit))
		}
		s := fmt.Sprintf("闭会期间，共收到代表意见建议%d%s", deputyN, unit)
		// A source's phrase may hold 「、」 itself (视察、调研和执法检查): the sources are set apart by 「，」.
		if t := textJoin("，", srcs...); t != "" {
			s += "，按来源分，" + t
		}
		if t := byScope(false, unit); t != "" {
			s += "；按层面分，涉及" + t
		}
		dep := r.recessHandling()
		sents = append(sents, s+"。"+handlingText(r.now(), dep, unit, "均已转交相关部门，并全部得到办理或答复")+"。")
	}
	if voter.Received > 0 {
		unit := store.MeasureWord(store.KindVoter)
		s := fmt.Sprintf("通过“家站点”等平台，共收到来自选民的意见建议%d%s", voter.Received, unit)
		if deputyN == 0 {
			s = "闭会期间，" + s
		}
		if t := byScope(true, unit); t != "" {
			s += "，其中涉及" + t
		}
		sents = append(sents, s+"。"+handlingText(r.now(), voter, unit, "均已转交相关部门，并全部得到办理或答复")+"。")
	}
	return strings.Join(sents, "")
}

// recessReceived counts the items received between sessions in the cells that match: the voters' (voters)
// or the deputies'. The cells are matched by value, not through Figures.Sum, whose empty Source or Scope
// means 「any」: 「来源未注明」 must count the items without a source, not every item.
func recessReceived(f store.Figures, voters bool, match func(store.FigureCell) bool) int {
	n := 0
	for _, c := range f.Cells {
		if c.Period == store.PeriodRecess && (c.Kind == store.KindVoter) == voters && match(c) {
			n += c.Received
		}
	}
	return n
}

// recessHandling adds up the handling counts of the deputies' items between sessions (every kind but the
// voters'), for handlingText: only the counts it reads.
func (r reportWriter) recessHandling() store.SuggestionFigures {
	all := r.f.Sum(store.FigureSlice{Period: store.PeriodRecess})
	voter := r.f.Sum(store.FigureSlice{Period: store.PeriodRecess, Kind: store.KindVoter})
	var out store.SuggestionFigures
	out.Received = all.Received - voter.Received
	out.Replied = all.Replied - voter.Replied
	out.Unanswered = all.Unanswered - voter.Unanswered
	out.Pending = all.Pending - voter.Pending
	out.Terminated = all.Terminated - voter.Terminated
	return out
}

// rates is the handling rates over every item of the period; a rate with a zero denominator is left out.
func (r reportWriter) rates() string {
	all := r.f.Sum(store.FigureSlice{})
	if all.Received == 0 {
		return ""
	}
	sat := "满意率"
	if r.f.SatisfiedBasic {
		sat = "满意率（含基本满意）"
	}
	var parts []string
	for _, x := range []struct {
		label string
		rate  store.Rate
	}{
		{"答复率", all.ReplyRate},
		{"办结率", all.CloseRate},
		{"按期办结率", all.OnTimeRate},
		{"见面率", all.InPersonRate},
		{"代表" + sat, all.SatisfactionRate},
	} {
		if x.rate.Den > 0 {
			parts = append(parts, x.label+"为"+r.pct(x.rate))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	p := r.period()
	if p == "" {
		p = "本期"
	}
	if r.f.IsPast() {
		p += "收到的各类意见建议，截至" + r.f.AsOf.Chinese()
	} else {
		p += "收到的各类意见建议"
	}
	return p + "，" + strings.Join(parts, "，") + "。"
}

// stations is template 3: the stations in use and 「六个有」, said of all only when all meet it.
func (r reportWriter) stations() string {
	s := r.f.Stations
	if s.Total == 0 {
		return ""
	}
	var types []string
	for _, t := range s.ByType {
		types = append(types, textCount("", t.Stations, "个"+t.Type))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s全%s已建成%s", r.rollNow(), r.w.town, textJoin("、", types...))
	switch {
	case s.SixHaves == s.Total:
		b.WriteString("，均做到了“六个有”，即有固定场所、有醒目标识、有代表信息、有健全制度、有活动计划、有台账资料")
	case s.SixHaves > 0:
		fmt.Fprintf(&b, "，其中%d个做到了“六个有”", s.SixHaves)
	}
	if s.Building > 0 {
		fmt.Fprintf(&b, "，另有%d个正在筹建", s.Building)
	}
	b.WriteString("。")
	if r.f.ReceptionVoters > 0 {
		fmt.Fprintf(&b, "%s各家站点共接待选民%d人次。", r.prefix(), r.f.ReceptionVoters)
	}
	return b.String()
}

// deputies is template 4: the deputies in office by level and their groups.
func (r reportWriter) deputies() string {
	d := r.f.Deputies
	var levels []string
	for _, l := range d.ByLevel {
		levels = append(levels, textCount("", l.Deputies, "名"+r.levelDeputy(l.Level)))
	}
	list := textJoin("、", levels...)
	if list == "" {
		return ""
	}
	switch {
	case d.Groups > 0 && d.NoGroup == 0:
		return fmt.Sprintf("我们把全%s%s，划分成%d个代表活动小组。", r.w.town, list, d.Groups)
	case d.Groups > 0:
		return fmt.Sprintf("%s全%s%s%s，组建了%d个代表活动小组，尚有%d名代表未编入小组。", r.rollWhen(), r.w.town, r.rollHas(), list,
			d.Groups, d.NoGroup)
	}
	return fmt.Sprintf("%s全%s%s%s。", r.rollWhen(), r.w.town, r.rollHas(), list)
}

// rollWhen dates a sentence about the deputies of a past day (「截至2025年12月31日，」); "" for today's.
func (r reportWriter) rollWhen() string {
	if w := r.rollNow(); w != "目前" {
		return w
	}
	return ""
}

// rollHas is the verb of the deputies' count: 「现有」 today, 「共有」 on a past day.
func (r reportWriter) rollHas() string {
	if r.rollWhen() != "" {
		return "共有"
	}
	return "现有"
}

// reportBacks is template 5: the deputies who reported back to voters, oral and written, by level (higher
// levels first, as the source has it).
func (r reportWriter) reportBacks() string {
	levels := slices.Clone(r.f.ReportBackLevels)
	slices.Reverse(levels)
	var oral, written []string
	for _, l := range levels {
		oral = append(oral, textCount("", l.Oral, "位"+r.levelDeputy(l.Level)))
		written = append(written, textCount("", l.Written, "位"+r.levelDeputy(l.Level)))
	}
	o, w := textJoin("、", oral...), textJoin("、", written...)
	if o == "" && w == "" {
		return ""
	}
	s := r.prefix() + "组织开展了人大代表向选民述职活动，"
	switch {
	case o != "" && w != "":
		s += "其中" + o + "向选民进行了口头述职，" + w + "进行了书面述职。"
	case o != "":
		s += o + "向选民进行了口头述职。"
	default:
		s += w + "向选民进行了书面述职。"
	}
	return s
}

// footnote states the period and the report date the figures stand on.
func (r reportWriter) footnote() string {
	if r.f.From == "" || r.f.To == "" {
		return ""
	}
	s := "（统计时段：" + periodWords(r.f.From, r.f.To)
	if r.f.AsOf != "" {
		s += "，数据截至" + r.f.AsOf.Chinese()
	}
	return s + "。）"
}

// WriteText writes text as UTF-8 with a byte-order mark and Windows line endings, so that Notepad on an
// office PC shows it right; written beside path first and then renamed into place.
func WriteText(path, text string) error {
	body := "\ufeff" + strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\n", "\r\n")
	return writeAtomically(path, func(w io.Writer) error {
		_, err := io.WriteString(w, body)
		return err
	})
}
