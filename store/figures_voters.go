package store

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// The figures of the office's contact with the public (issue 18 §7), part of the one figures computation
// (Figures.Contact): the 信访 register as the seeds count it (「受理群众来信18件，接待来访26起57人次」), the
// issues raised at the stations by route, the duty days kept, the deputies' contact with voters, the opinion
// cards and the bulletins. Each count is one definition (contactDefs) — a table, a condition, and the 口径 the
// 报表 tab shows — used both to count and to list the records behind the count (ContactItems), so the two agree.
//
// Window and report date as for the suggestions (figures.go): records dated from From to min(To, AsOf); the
// handling of a petition is taken from the dates of its steps (转办 ≤ AsOf, 办结 ≤ AsOf …), so a year counted
// again later reads as it did. A petition's deadline is its current one (an extension granted after AsOf moves
// it). A duty day counts once it has passed: dated before AsOf.

// ContactKey names a count of ContactFigures; ContactItems lists the records behind it.
type ContactKey string

// The countable contact figures.
const (
	CKPetitions      ContactKey = "petitions"        // 受理信访
	CKLetters        ContactKey = "letters"          // 来信
	CKVisits         ContactKey = "visits"           // 来访 (起)
	CKGroupVisits    ContactKey = "group_visits"     // 集体访
	CKReferrals      ContactKey = "referrals"        // 上级人大批转
	CKOnSpot         ContactKey = "on_spot"          // 当场答复
	CKReferred       ContactKey = "referred"         // 转办
	CKPetitionClosed ContactKey = "petition_closed"  // 办结
	CKOverdue        ContactKey = "petition_overdue" // 逾期未办结
	CKKeyCases       ContactKey = "key_cases"        // 重点督办
	CKLeapfrog       ContactKey = "leapfrog"         // 越级上访
	CKReported       ContactKey = "reported"         // 批转件已报告结果
	CKReceptions     ContactKey = "receptions"       // 家站点接待选民 (次)
	CKIssues         ContactKey = "issues"           // 反映问题 (条)
	CKDutyDays       ContactKey = "duty_days"        // 值班和接待日 (天)
	CKDutyMissed     ContactKey = "duty_missed"      // 无接待记录 (天)
	CKVoterVisits    ContactKey = "voter_visits"     // 代表联系选民 (次)
	CKVisitItems     ContactKey = "visit_items"      // 走访中反映意见 (条)
	CKCardBatches    ContactKey = "card_batches"     // 征求意见卡 (批)
	CKCardItems      ContactKey = "card_items"       // 征求意见卡上的意见 (条)
	CKBulletins      ContactKey = "bulletins"        // 政情通报 (期)
	CKContactMet     ContactKey = "contact_met"      // 联系选民达到要求的代表
	CKContactBehind  ContactKey = "contact_behind"   // 联系选民未达要求的代表
)

// IssueRouteKey is the key of the issues of one route (RouteUndecided for 未定).
func IssueRouteKey(route string) ContactKey { return ContactKey("issue:" + RouteLabel(route)) }

// contactDef defines a count: the table (with its alias) and the condition over it, with ?1 the window's first
// day, ?2 its last and ?3 the report date; sum, when set, is what the count's second number adds up (人次).
type contactDef struct {
	key   ContactKey
	label string // 来信
	unit  string // 件
	kind  string // the record kind ContactItems returns: petition, reception, issue, duty, visit, card, bulletin
	from  string // petitions p …
	cond  string
	sum   string
	def   string // the 口径
}

// petitionWindow is the window condition of the petitions p.
const petitionWindow = `p.received BETWEEN ?1 AND ?2`

// contactDefs lists the counts in the order the 报表 tab explains them.
var contactDefs = []contactDef{
	{CKPetitions, "受理信访", "件", "petition", "petitions p", petitionWindow, "p.visitors",
		"期间内收到的信访件(来信、来访、代表信箱、接待日、工作站、上级人大批转)，按收到日期计"},
	{CKLetters, "受理群众来信", "件", "petition", "petitions p", petitionWindow + ` AND p.channel IN ('来信', '代表信箱')`, "",
		"来源渠道为来信或代表信箱的信访件"},
	{CKVisits, "接待来访", "起", "petition", "petitions p", petitionWindow + ` AND p.channel IN ('来访', '接待日', '工作站')`, "p.visitors",
		"来源渠道为来访、接待日或工作站的信访件，每件计一起，人次为各件来访人数之和"},
	{CKGroupVisits, "集体访", "起", "petition", "petitions p", petitionWindow + ` AND p.group_visit = 1`, "p.visitors",
		"登记为集体访(5人以上)的来访"},
	{CKReferrals, "办理上级人大批转信访件", "件", "petition", "petitions p", petitionWindow + ` AND p.channel = '上级人大批转'`, "",
		"来源渠道为上级人大批转的信访件"},
	{CKOnSpot, "当场答复", "件", "petition", "petitions p", petitionWindow + ` AND p.referred IS NULL AND p.closed <= ?3`, "",
		"截至统计日当场答复并办结的来访"},
	{CKReferred, "转办", "件", "petition", "petitions p", petitionWindow + ` AND p.referred <= ?3`, "",
		"截至统计日已转办到承办单位的信访件"},
	{CKPetitionClosed, "信访已办结", "件", "petition", "petitions p", petitionWindow + ` AND p.closed <= ?3`, "",
		"截至统计日已办结的信访件(含当场答复)"},
	{CKOverdue, "信访逾期未办结", "件", "petition", "petitions p", petitionWindow + ` AND p.referred <= ?3 AND p.deadline < ?3
		AND (p.replied IS NULL OR p.replied > ?3)`, "", "截至统计日已转办、办结时限已过而承办单位尚未答复的信访件(时限含延期)"},
	{CKKeyCases, "重点督办信访件", "件", "petition", "petitions p", petitionWindow + ` AND p.key_case = 1`, "", "登记为重点督办的信访件"},
	{CKLeapfrog, "越级上访", "件", "petition", "petitions p", petitionWindow + ` AND p.leapfrog = 1`, "", "登记为越级上访的信访件"},
	{CKReported, "批转件已报告结果", "件", "petition", "petitions p", petitionWindow + ` AND p.channel = '上级人大批转' AND p.reported <= ?3`, "",
		"截至统计日已向上级人大报告办理结果的批转件"},
	{CKReceptions, "家站点接待选民", "次", "reception", "receptions r", `r.date BETWEEN ?1 AND ?2`, "r.voters",
		"期间内各家站点的接待选民记录，人次为各次接待人数之和"},
	{CKIssues, "接待中反映问题", "条", "issue", "reception_issues i JOIN receptions r ON r.id = i.reception_id", `r.date BETWEEN ?1 AND ?2`, "",
		"期间内接待记录中登记的问题，一条计一条"},
	{CKDutyDays, "值班和接待日", "天", "duty", "duty_days u", `u.date BETWEEN ?1 AND ?2 AND u.date < ?3`, "",
		"期间内已过去(早于统计日)的值班日和接待日"},
	{CKDutyMissed, "值班日无接待记录", "天", "duty", "duty_days u", `u.date BETWEEN ?1 AND ?2 AND u.date < ?3 AND NOT ` + dutyRecorded, "",
		"已过去的值班日和接待日中，当天该联络站没有接待记录(不在联络站的接待日：当天没有接待日渠道的信访登记)的天数"},
	{CKVoterVisits, "代表联系选民", "次", "visit", "voter_visits v", `v.date BETWEEN ?1 AND ?2`, "v.voters",
		"期间内登记的代表联系选民(走访、电话、座谈等)，人次为联系的选民人数之和"},
	{CKVisitItems, "联系选民中反映意见", "条", "visit", "visit_items vi JOIN voter_visits v ON v.id = vi.visit_id", `v.date BETWEEN ?1 AND ?2`, "",
		"期间内联系选民记录中登记的意见"},
	{CKCardBatches, "发放征求意见卡", "批", "card", "opinion_cards c", `c.sent_date BETWEEN ?1 AND ?2`, "c.sent",
		"期间内按季度发放的征求意见卡，张数为发放张数之和"},
	{CKCardItems, "征求意见卡收集意见", "条", "card", "opinion_card_items ci JOIN opinion_cards c ON c.id = ci.card_id", `c.sent_date BETWEEN ?1 AND ?2`, "",
		"期间内发放的征求意见卡上登记的意见"},
	{CKBulletins, "编发政情通报", "期", "bulletin", "bulletins b", `b.date BETWEEN ?1 AND ?2`, "", "期间内编发的政情通报期数"},
}

// ContactKeyDef returns the label, measure word and 口径 of a key ("" for an unknown key).
func ContactKeyDef(k ContactKey) (label, unit, definition string) {
	if d, ok := contactDefOf(k); ok {
		return d.label, d.unit, d.def
	}
	switch k {
	case CKContactMet:
		return "联系选民达到要求的代表", "人", "统计日在任的代表(镇、县、市各级代表，兼任几级的计一人；统计日前已离任的不计)中，" +
			"当年1月1日至统计日联系选民次数不少于应有次数的人数。应有次数：统计日为12月31日(年度已结束)时为设置的每年要求次数；" +
			"否则为截至统计日的应有次数(每年要求次数按月份折算，向上取整)。概览、报告文字稿和代表履职情况统计表都按这一口径"
	case CKContactBehind:
		return "联系选民未达要求的代表", "人", "统计日在任的代表(兼任几级的计一人)中，当年1月1日至统计日联系选民次数少于应有次数" +
			"(年度已结束为每年要求次数，否则为截至统计日按月折算的次数)的人数"
	}
	return "", "", ""
}

// contactDefOf returns the definition of a table count, including the issues of each route.
func contactDefOf(k ContactKey) (contactDef, bool) {
	for _, d := range contactDefs {
		if d.key == k {
			return d, true
		}
	}
	for _, r := range append([]string{RouteUndecided}, IssueRoutes...) {
		if IssueRouteKey(r) == k {
			d, _ := contactDefOf(CKIssues)
			d.key, d.label = k, "反映问题："+RouteLabel(r)
			d.cond += ` AND i.route = '` + r + `'`
			d.def = "期间内接待记录中处理方式为「" + RouteLabel(r) + "」的问题"
			return d, true
		}
	}
	return contactDef{}, false
}

// ContactCount is one count of ContactFigures: how many records, and the sum beside it (人次, 张) when the
// count has one.
type ContactCount struct {
	Count int
	Sum   int
}

// PetitionMonth is one month of T16: the petitions received in it, as of the report date.
type PetitionMonth struct {
	Month       Month
	Letters     int // 来信 件
	Visits      int // 来访 起
	VisitVoters int // 来访 人次
	GroupVisits int // 集体访 起
	OnSpot      int // 当场答复
	Referred    int // 转办
	Closed      int // 已办结
	KeyCases    int // 重点督办
	Referrals   int // 上级批转
	Leapfrog    int // 越级上访
}

// StationMonth is one month of the stations' receptions (T17): records, 人次, the issues by route (IssueRoutes
// order, then 未定) and the duty days passed with and without a record.
type StationMonth struct {
	Month      Month
	Receptions int
	Voters     int
	Issues     int
	ByRoute    []int // IssueRoutes order, then RouteUndecided
	DutyDays   int
	DutyMissed int
}

// ContactFigures are the figures of the office's contact with the public in the window, as of the report date.
type ContactFigures struct {
	Counts map[ContactKey]ContactCount // every key of contactDefs and of IssueRouteKey

	Months        []PetitionMonth // T16, every month of the window
	StationMonths []StationMonth  // T17, likewise

	// The deputies on the roll of CountedOn and their contact with voters in that year up to that day.
	ContactDeputies int
	ContactMet      int
	ContactRate     Rate // ContactMet / ContactDeputies
	VisitsDue       int  // visits due by that day
	// ContactOn is that day (Figures.CountedOn): on 31 December the year is closed and the yearly norm applies,
	// on any other day the norm to date (VisitsDue).
	ContactOn  Date
	VisitNorm  int // the yearly norm of the settings
	Households int // households the deputies keep in touch with (HouseholdCount summed)

	CardsSent, CardsReturned int
	CardQuarters             int // quarters of the window begun by the report date
	CardQuartersDone         int // … with a batch of cards sent
	BulletinMonths           int // months of the window begun by the report date
	BulletinMonthsDone       int // … with a bulletin
}

// YearClosed reports whether the deputies' contact is counted on the last day of the year, against the yearly
// norm; otherwise it is counted against the norm to date.
func (c ContactFigures) YearClosed() bool {
	return c.ContactOn != "" && c.ContactOn == YearPeriod(c.ContactOn.Year()).To
}

// N returns the count of a key (0 for an unknown key).
func (c ContactFigures) N(k ContactKey) int { return c.Counts[k].Count }

// Sum returns the sum beside the count of a key (人次, 张).
func (c ContactFigures) Sum(k ContactKey) int { return c.Counts[k].Sum }

// contactArgs are the window's first and last day and the report date, as ?1, ?2, ?3.
func (f Figures) contactArgs() []any { return []any{f.From, f.last(), f.AsOf} }

// contactFigures fills f.Contact.
func (tx *Tx) contactFigures(f *Figures) error {
	c := ContactFigures{Counts: map[ContactKey]ContactCount{}}
	keys := slices.Clone(contactDefs)
	for _, r := range append(slices.Clone(IssueRoutes), RouteUndecided) {
		d, _ := contactDefOf(IssueRouteKey(r))
		keys = append(keys, d)
	}
	for _, d := range keys {
		sum := "0"
		if d.sum != "" {
			sum = "coalesce(sum(" + d.sum + "), 0)"
		}
		var n ContactCount
		if err := tx.QueryRow(`SELECT count(*), `+sum+` FROM `+d.from+` WHERE `+d.cond, f.contactArgs()...).Scan(&n.Count, &n.Sum); err != nil {
			return fmt.Errorf("%s: %w", d.label, err)
		}
		c.Counts[d.key] = n
	}
	if err := tx.contactMonths(f, &c); err != nil {
		return err
	}
	vs, err := tx.voterSettings()
	if err != nil {
		return err
	}
	day := f.CountedOn()
	c.VisitNorm, c.VisitsDue, c.ContactOn = vs.VisitNorm, vs.VisitsDue(day), day
	statuses, err := tx.contactStatuses(day, false)
	if err != nil {
		return err
	}
	f.contacts = &dayContacts{day, statuses}
	for _, s := range statuses {
		c.ContactDeputies++
		c.Households += s.Households
		if !s.Behind() {
			c.ContactMet++
		}
	}
	c.ContactRate = Rate{c.ContactMet, c.ContactDeputies}
	c.Counts[CKContactMet] = ContactCount{Count: c.ContactMet}
	c.Counts[CKContactBehind] = ContactCount{Count: c.ContactDeputies - c.ContactMet}
	c.CardsSent = c.Sum(CKCardBatches)
	if err := tx.QueryRow(`SELECT coalesce(sum(returned), 0), count(DISTINCT quarter || '-' || year) FROM opinion_cards
		WHERE sent_date BETWEEN ?1 AND ?2`, f.contactArgs()[:2]...).Scan(&c.CardsReturned, &c.CardQuartersDone); err != nil {
		return err
	}
	if err := tx.QueryRow(`SELECT count(DISTINCT substr(date, 1, 7)) FROM bulletins WHERE date BETWEEN ?1 AND ?2`,
		f.contactArgs()[:2]...).Scan(&c.BulletinMonthsDone); err != nil {
		return err
	}
	for _, m := range windowMonths(f.From, f.last()) {
		c.BulletinMonths++
		if q := (int(m.First().Time().Month()) - 1) % 3; q == 0 || m == MonthOf(f.From) {
			c.CardQuarters++ // a quarter counts when the window holds its first month (or begins inside it)
		}
	}
	f.Contact = c
	return nil
}

// windowMonths lists the months from the one of from to the one of to.
func windowMonths(from, to Date) []Month {
	var out []Month
	if from == "" || to == "" || to < from {
		return nil
	}
	for m := MonthOf(from); m <= MonthOf(to); m = m.Next() {
		out = append(out, m)
	}
	return out
}

// contactMonths fills the monthly rows of T16 and T17.
func (tx *Tx) contactMonths(f *Figures, c *ContactFigures) error {
	months := windowMonths(f.From, f.last())
	pm := map[Month]*PetitionMonth{}
	sm := map[Month]*StationMonth{}
	for _, m := range months {
		c.Months = append(c.Months, PetitionMonth{Month: m})
		c.StationMonths = append(c.StationMonths, StationMonth{Month: m, ByRoute: make([]int, len(IssueRoutes)+1)})
	}
	for k := range months {
		pm[months[k]], sm[months[k]] = &c.Months[k], &c.StationMonths[k]
	}
	args := f.contactArgs()
	if err := collect(tx, `SELECT substr(p.received, 1, 7),
			coalesce(sum(p.channel IN ('来信', '代表信箱')), 0), coalesce(sum(p.channel IN ('来访', '接待日', '工作站')), 0),
			coalesce(sum(CASE WHEN p.channel IN ('来访', '接待日', '工作站') THEN p.visitors ELSE 0 END), 0),
			coalesce(sum(p.group_visit), 0), coalesce(sum(p.referred IS NULL AND p.closed <= ?3), 0),
			coalesce(sum(p.referred <= ?3), 0), coalesce(sum(p.closed <= ?3), 0), coalesce(sum(p.key_case), 0),
			coalesce(sum(p.channel = '上级人大批转'), 0), coalesce(sum(p.leapfrog), 0)
		FROM petitions p WHERE `+petitionWindow+` GROUP BY 1`, args, func(sc scanner) error {
		var m Month
		var r PetitionMonth
		if err := sc.Scan(&m, &r.Letters, &r.Visits, &r.VisitVoters, &r.GroupVisits, &r.OnSpot, &r.Referred, &r.Closed,
			&r.KeyCases, &r.Referrals, &r.Leapfrog); err != nil {
			return err
		}
		if p := pm[m]; p != nil {
			r.Month = m
			*p = r
		}
		return nil
	}); err != nil {
		return fmt.Errorf("信访按月统计: %w", err)
	}
	if err := collect(tx, `SELECT substr(date, 1, 7), count(*), coalesce(sum(voters), 0) FROM receptions
		WHERE date BETWEEN ?1 AND ?2 GROUP BY 1`, args[:2], func(sc scanner) error {
		var m Month
		var n, v int
		err := sc.Scan(&m, &n, &v)
		if s := sm[m]; s != nil {
			s.Receptions, s.Voters = n, v
		}
		return err
	}); err != nil {
		return err
	}
	if err := collect(tx, `SELECT substr(r.date, 1, 7), i.route, count(*) FROM reception_issues i JOIN receptions r ON r.id = i.reception_id
		WHERE r.date BETWEEN ?1 AND ?2 GROUP BY 1, 2`, args[:2], func(sc scanner) error {
		var m Month
		var route string
		var n int
		err := sc.Scan(&m, &route, &n)
		if s := sm[m]; s != nil {
			s.Issues += n
			k := slices.Index(IssueRoutes, route)
			if k < 0 {
				k = len(IssueRoutes) // 未定, and any route no longer offered
			}
			s.ByRoute[k] += n
		}
		return err
	}); err != nil {
		return err
	}
	return collect(tx, `SELECT substr(u.date, 1, 7), count(*), coalesce(sum(NOT `+dutyRecorded+`), 0) FROM duty_days u
		WHERE u.date BETWEEN ?1 AND ?2 AND u.date < ?3 GROUP BY 1`, args, func(sc scanner) error {
		var m Month
		var n, missed int
		err := sc.Scan(&m, &n, &missed)
		if s := sm[m]; s != nil {
			s.DutyDays, s.DutyMissed = n, missed
		}
		return err
	})
}

// ContactRecord is a record behind a contact figure, as the 报表 tab lists it: what kind, its id (to open
// it), its date, and a line that names it.
type ContactRecord struct {
	Kind  string // petition, reception, issue, duty, visit, card, bulletin, deputy
	ID    int64  // the record's id; for an issue, its reception's id; for a deputy, the deputy's
	Date  Date
	Label string
	State string
}

// ContactItems lists the records behind a count of f.Contact (in the same window, as of the same date).
func (db *DB) ContactItems(ctx context.Context, f Figures, k ContactKey) (out []ContactRecord, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		out, err = tx.contactItems(f, k)
		return err
	})
	return out, err
}

func (tx *Tx) contactItems(f Figures, k ContactKey) ([]ContactRecord, error) {
	if k == CKContactMet || k == CKContactBehind {
		statuses, err := tx.contactStatuses(f.CountedOn(), false)
		if err != nil {
			return nil, err
		}
		var out []ContactRecord
		for _, s := range statuses {
			if s.Behind() == (k == CKContactBehind) {
				out = append(out, ContactRecord{Kind: "deputy", ID: s.DeputyID, Label: textJoinSpace(s.Name, s.GroupName),
					State: fmt.Sprintf("联系选民%d次(应有%d次)", s.Visits, s.Due)})
			}
		}
		return out, nil
	}
	d, ok := contactDefOf(k)
	if !ok {
		return nil, Errorf(EINVALID, "不认识的统计项「%s」", k)
	}
	var sel string
	switch d.kind {
	case "petition":
		sel = `p.id, p.received, p.number || ' ' || p.subject, p.state`
	case "reception":
		sel = `r.id, r.date, (SELECT name FROM stations WHERE id = r.station_id) || ' ' || r.voters || '人次', ''`
	case "issue":
		sel = `r.id, r.date, (SELECT name FROM stations WHERE id = r.station_id) || '：' || i.content, CASE i.route WHEN '' THEN '未定' ELSE i.route END`
	case "duty":
		sel = `u.id, u.date, u.kind || ' ' || coalesce((SELECT name FROM stations WHERE id = u.station_id), u.place) || ' ' ||
			coalesce((SELECT name FROM deputies WHERE id = u.deputy_id), ''), CASE WHEN ` + dutyRecorded + ` THEN '有接待记录' ELSE '无接待记录' END`
	case "visit":
		sel = `v.id, v.date, (SELECT name FROM deputies WHERE id = v.deputy_id) || ' ' || v.mode, ''`
		if d.key == CKVisitItems {
			sel = `v.id, v.date, (SELECT name FROM deputies WHERE id = v.deputy_id) || '：' || vi.content, ''`
		}
	case "card":
		sel = `c.id, c.sent_date, c.year || '年第' || c.quarter || '季度 发放' || c.sent || '张、收回' || c.returned || '张', ''`
		if d.key == CKCardItems {
			sel = `c.id, c.sent_date, coalesce((SELECT name FROM deputies WHERE id = ci.deputy_id), '') || '：' || ci.content, ''`
		}
	case "bulletin":
		sel = `b.id, b.date, b.year || '年第' || b.issue_no || '期 ' || b.title, ''`
	}
	var out []ContactRecord
	err := collect(tx, `SELECT `+sel+` FROM `+d.from+` WHERE `+d.cond+` ORDER BY 2, 1`, f.contactArgs(), func(sc scanner) error {
		r := ContactRecord{Kind: d.kind}
		err := sc.Scan(&r.ID, &r.Date, &r.Label, &r.State)
		r.Label = strings.TrimSpace(r.Label)
		out = append(out, r)
		return err
	})
	if d.kind == "issue" {
		for i := range out {
			out[i].Kind = "reception" // an issue opens in its reception record
		}
	}
	return out, err
}
