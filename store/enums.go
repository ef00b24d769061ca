package store

import "slices"

// Suggestion states (SPEC §4). The Chinese labels are the values stored and shown.
const (
	StatePending    = "待交办"
	StateHandling   = "办理中"
	StateReplied    = "已答复"
	StateClosed     = "已办结"
	StateForwarded  = "已转交"
	StateTerminated = "已终止"
)

// States lists the suggestion states in workflow order.
var States = []string{StatePending, StateHandling, StateReplied, StateClosed, StateForwarded, StateTerminated}

// Outcomes of a reply (办理结果), A to D.
const (
	OutcomeSolved    = "已解决"
	OutcomeSolving   = "正在解决"
	OutcomePlanned   = "列入计划解决"
	OutcomeReference = "留作参考"
)

// Outcomes lists the outcomes in A–D order.
var Outcomes = []string{OutcomeSolved, OutcomeSolving, OutcomePlanned, OutcomeReference}

// Reply methods (答复方式).
const (
	MethodWritten  = "书面"
	MethodInPerson = "见面"
	MethodPhone    = "电话"
)

// ReplyMethods lists the reply methods.
var ReplyMethods = []string{MethodWritten, MethodInPerson, MethodPhone}

// Evaluation grades (代表评价).
const (
	GradeSatisfied      = "满意"
	GradeBasicSatisfied = "基本满意"
	GradeUnsatisfied    = "不满意"
)

// Grades lists the evaluation grades.
var Grades = []string{GradeSatisfied, GradeBasicSatisfied, GradeUnsatisfied}

// Suggestion kinds.
const (
	KindMotion     = "议案"
	KindSuggestion = "建议、批评和意见"
	KindVoter      = "选民意见建议"
)

// SuggestionKinds lists the suggestion kinds.
var SuggestionKinds = []string{KindMotion, KindSuggestion, KindVoter}

// Periods in which a suggestion is raised.
const (
	PeriodSession = "人代会期间"
	PeriodRecess  = "闭会期间"
)

// Periods lists the periods.
var Periods = []string{PeriodSession, PeriodRecess}

// Sources of a suggestion (来源), as seeded in the source dictionary (the clerk may rename or add values).
const (
	SourceDeputy     = "代表提出"
	SourcePresidium  = "主席团成员联系代表"
	SourceStation    = "家站点(选民)"
	SourceInspection = "视察调研执法检查"
	SourceGroup      = "代表小组活动"
	SourceCard       = "征求意见卡"
	SourceOther      = "其他"
)

// Sources lists the seeded sources in dictionary order.
var Sources = []string{SourceDeputy, SourcePresidium, SourceStation, SourceInspection, SourceGroup, SourceCard, SourceOther}

// SourceOfKind is the 来源 of an item by its kind when the clerk gave none: a voter's item comes from a
// station, any other from a deputy.
func SourceOfKind(kind string) string {
	if kind == KindVoter {
		return SourceStation
	}
	return SourceDeputy
}

// SourceOfMeeting is the 来源 of an item raised at a meeting or activity of this kind: 视察、调研、执法检查 and
// 专项监督 give 视察调研执法检查, a group activity 代表小组活动, anything else 其他.
func SourceOfMeeting(kind string) string {
	switch kind {
	case MeetingInspect, MeetingResearch, MeetingLawCheck, MeetingSpecial:
		return SourceInspection
	case MeetingGroup:
		return SourceGroup
	}
	return SourceOther
}

// Scope levels (涉及层面) and deputy levels are stored as these codes; Settings.LevelLabel renders them with
// the office's own words (镇/乡/街道, 县/区).
const (
	LevelNation   = "全国"
	LevelProvince = "省级"
	LevelCity     = "市级"
	LevelCounty   = "县级"
	LevelTown     = "镇级"
	LevelVillage  = "村级"
)

// ScopeLevels lists the scope levels of a suggestion, highest first.
var ScopeLevels = []string{LevelCity, LevelCounty, LevelTown, LevelVillage}

// DeputyLevels lists the levels of congress a deputy can sit in, lowest first.
var DeputyLevels = []string{LevelTown, LevelCounty, LevelCity, LevelProvince, LevelNation}

// Priorities of a suggestion.
var Priorities = []string{"重点", "一般"}

// Termination kinds.
const (
	TerminateRejected  = "不予立案"
	TerminateWithdrawn = "撤回"
)

// TerminationKinds lists how an item can end without handling.
var TerminationKinds = []string{TerminateRejected, TerminateWithdrawn}

// Deputy status values and vacancy reasons.
const (
	DeputyActive = "在任"
	DeputyVacant = "出缺"
	// DeputyTermEnded is a deputy who did not continue at a 换届 and holds no other seat: from the new term's
	// first day (the 出缺日期 field holds it) no longer in office, without a vacancy to fill (issue 16).
	DeputyTermEnded = "任期届满"
)

// DeputyStatuses lists the deputy statuses.
var DeputyStatuses = []string{DeputyActive, DeputyVacant, DeputyTermEnded}

// VacancyReasons lists why a seat falls vacant.
var VacancyReasons = []string{"调离", "辞职", "罢免", "去世", "其他"}

// Genders lists the genders.
var Genders = []string{"男", "女"}

// StationTypes lists the kinds of liaison station (家站点).
var StationTypes = []string{"代表之家", "代表联络站", "代表联系点", "代表工作室"}

// StationStatuses lists the station statuses.
var StationStatuses = []string{"在用", "筹建", "撤销"}

// SixHaves are the 「六个有」 items of a station, in the order of the checklist.
var SixHaves = []string{"固定场所", "醒目标识", "代表信息", "健全制度", "活动计划", "台账资料"}

// Meeting kinds.
const (
	MeetingCongress   = "人民代表大会会议"
	MeetingPresidium  = "主席团会议"
	MeetingAssign     = "交办会"
	MeetingGroup      = "代表小组活动"
	MeetingInspect    = "视察"
	MeetingResearch   = "调研"
	MeetingLawCheck   = "执法检查"
	MeetingSpecial    = "专项监督"
	MeetingInquiry    = "专题询问"
	MeetingWorkEval   = "工作评议"
	MeetingReportEval = "述职评议"
	MeetingTraining   = "培训学习"
	MeetingForum      = "座谈会"
	MeetingOther      = "其他"
)

// MeetingKinds lists the kinds of meeting and activity (SPEC §3).
var MeetingKinds = []string{MeetingCongress, MeetingPresidium, MeetingAssign, MeetingGroup, MeetingInspect,
	MeetingResearch, MeetingLawCheck, MeetingSpecial, MeetingInquiry, MeetingWorkEval, MeetingReportEval,
	MeetingTraining, MeetingForum, MeetingOther}

// AttendanceStatuses lists the attendance marks.
var AttendanceStatuses = []string{"出席", "请假", "缺席", "列席"}

// AgendaKinds lists the kinds of agenda item.
var AgendaKinds = []string{"审议报告", "选举", "表决", "其他"}

// ReportKinds lists the kinds of report an 审议报告 item deliberates.
var ReportKinds = []string{"专项工作报告", "政府工作报告", "主席团工作报告", "财政预决算报告"}

// ResolutionKinds lists the kinds of resolution.
var ResolutionKinds = []string{"决议", "决定", "审议意见"}

// ElectionKinds lists the kinds of election.
var ElectionKinds = []string{"选举", "补选"}

// ReportBackForms lists the forms of a deputy's report-back.
var ReportBackForms = []string{"口头", "书面"}

// Dictionary kinds editable in 设置.
const (
	DictCategory    = "category"
	DictSource      = "source"
	DictParty       = "party"
	DictEducation   = "education"
	DictEthnicity   = "ethnicity"
	DictComposition = "composition"
	DictRole        = "role"
	DictUnitKind    = "unit_kind"
	DictVillage     = "village"
)

// DictKinds maps each dictionary kind to its Chinese name.
var DictKinds = map[string]string{
	DictCategory:    "建议类别",
	DictSource:      "建议来源",
	DictParty:       "政治面貌",
	DictEducation:   "文化程度",
	DictEthnicity:   "民族",
	DictComposition: "代表构成",
	DictRole:        "代表职务",
	DictUnitKind:    "承办单位类型",
	DictVillage:     "村(居)",
}

// oneOf reports whether v is one of the allowed values.
func oneOf(v string, allowed []string) bool { return slices.Contains(allowed, v) }
