package export

import (
	"reflect"

	"rendadesk/store"
)

// petitionImportColumns are the columns of a 信访登记台账 (issue 18): one case a row, with how far its handling got.
// The handling columns (转办单位 … 状态) fill fields that carry no label in store.Petition, since the window
// changes them only by steps; petitionHandling says which.
var petitionImportColumns = []importColumn{
	{label: "编号", aliases: []string{"信访编号", "登记编号", "序号编号", "案号"}, template: true, hint: "空着时自动编号(信2024-003)"},
	{label: "收到日期", aliases: []string{"登记日期", "来信来访日期", "来访日期", "来信日期", "受理日期", "日期", "收件日期", "登记时间"},
		kind: cDate, required: true, example: "2024-03-05", template: true, hint: "写成 2024-03-05 或 2024年3月5日"},
	{label: "来源渠道", aliases: []string{"渠道", "信访方式", "来源", "方式", "信访形式", "形式"}, norm: store.NormChannel, required: true,
		choices: store.PetitionChannels, example: store.ChannelVisit, template: true},
	{label: "信访人", aliases: []string{"信访人姓名", "来信来访人", "姓名", "反映人", "来访人"}, kind: cName, example: "张三(示例)", template: true},
	{label: "联系方式", aliases: []string{"联系电话", "电话", "手机"}, kind: cPhone, template: true},
	{label: "村(居)", aliases: append([]string{"地址", "地址/村", "住址", "家庭住址", "所在村(居)"}, villageAliases[1:]...), example: "青山村", template: true},
	{label: "人次", aliases: []string{"人数", "来访人数", "来访人次"}, kind: cInt, example: "1", template: true, hint: "来信可空着；来访空着为1人"},
	{label: "集体访", aliases: []string{"是否集体访", "集体上访"}, kind: cBool, choices: []string{"是", "否"}, template: true, hint: "5人以上的来访"},
	{label: "事由", aliases: []string{"内容摘要", "主要事由", "反映问题", "信访事项", "反映事项", "标题", "主要内容摘要"}, required: true,
		example: "反映村道破损，雨天积水(示例)", template: true},
	{label: "内容", aliases: []string{"详细内容", "具体内容", "主要内容", "诉求"}, template: true},
	{label: "类别", aliases: []string{"信访类别", "问题类别", "分类"}, template: true},
	{label: "重点督办", aliases: []string{"是否重点督办", "重点"}, kind: cBool, choices: []string{"是", "否"}, template: true},
	{label: "越级上访", aliases: []string{"是否越级"}, kind: cBool, choices: []string{"是", "否"}},
	{label: "批转机关", aliases: []string{"批转单位", "交办机关"}, template: true, hint: "上级人大批转的填写"},
	{label: "批转文号", aliases: []string{"交办文号", "文号"}, template: true},
	{label: "报告期限", aliases: []string{"报告时限"}, kind: cDate},
	{label: "转办单位", aliases: []string{"承办单位", "交办单位", "责任单位", "转交单位"}, template: true, hint: "承办单位名册中的单位，或县信访局等"},
	{label: "责任人", aliases: []string{"承办人", "经办人"}, kind: cName, template: true},
	{label: "转办日期", aliases: []string{"交办日期", "转办时间"}, kind: cDate, template: true, hint: "空着为收到日期"},
	{label: "办结时限", aliases: []string{"期限", "办理期限", "办理时限", "时限"}, kind: cDate, template: true, hint: "空着按设置的工作日数推算"},
	{label: "答复日期", aliases: []string{"答复时间", "回复日期"}, kind: cDate, template: true},
	{label: "办理结果", aliases: []string{"答复内容", "办理情况", "处理结果", "答复意见", "处理情况"}, template: true},
	{label: "反馈日期", aliases: []string{"反馈信访人日期", "反馈时间"}, kind: cDate, template: true},
	{label: "反馈方式", choices: store.FeedbackMethods, template: true},
	{label: "办结日期", aliases: []string{"办结时间", "结案日期"}, kind: cDate, template: true},
	{label: "状态", aliases: []string{"办理状态", "是否办结"}, choices: store.PetitionStates, template: true, hint: "空着按所填日期定"},
}

// petitionHandling maps the handling columns to the fields of store.Petition they fill.
var petitionHandling = map[string]string{
	"转办单位": "UnitName", "责任人": "Responsible", "转办日期": "Referred", "办结时限": "Deadline", "答复日期": "Replied",
	"办理结果": "Reply", "反馈日期": "Feedback", "反馈方式": "FeedbackHow", "办结日期": "Closed", "状态": "State",
}

// petitionField returns the field of a petition a handling column fills.
func petitionField(rec reflect.Value, label string) (reflect.Value, bool) {
	name, ok := petitionHandling[label]
	if !ok {
		return reflect.Value{}, false
	}
	return rec.FieldByName(name), true
}
