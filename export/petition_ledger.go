package export

import (
	"fmt"

	"rendadesk/store"
)

// PetitionLedger returns the 信访登记台账 of ps as a sheet's header and rows: the columns of the petition import
// template (registration, then how far the handling got), so that the exported ledger, kept and filled in by
// hand, imports again — every case it already had is found by its 编号 and none is registered twice.
func PetitionLedger(ps []store.Petition) (headers []string, rows [][]string) {
	yes := func(b bool) string {
		if b {
			return "是"
		}
		return ""
	}
	headers = []string{"编号", "收到日期", "来源渠道", "信访人", "联系方式", "村(居)", "人次", "集体访", "事由", "内容", "类别",
		"重点督办", "批转机关", "批转文号", "报告期限", "转办单位", "责任人", "转办日期", "办结时限", "答复日期", "办理结果", "反馈日期",
		"反馈方式", "办结日期", "状态"}
	for _, p := range ps {
		visitors := ""
		if p.Visitors > 0 {
			visitors = fmt.Sprint(p.Visitors)
		}
		rows = append(rows, []string{p.Number, string(p.Received), p.Channel, p.Petitioner, p.Contact, p.Village, visitors,
			yes(p.GroupVisit), p.Subject, p.Content, p.Category, yes(p.KeyCase), p.ReferralFrom, p.ReferralNo, string(p.ReportDue),
			p.UnitName, p.Responsible, string(p.Referred), string(p.Deadline), string(p.Replied), p.Reply, string(p.Feedback),
			p.FeedbackHow, string(p.Closed), p.State})
	}
	return headers, rows
}
