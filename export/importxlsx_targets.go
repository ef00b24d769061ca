package export

import (
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"rendadesk/store"
)

// targetImportColumns are the columns of a 评议对象 sheet (issue 17): the units (or officials) a 评议活动
// evaluates, as the 实施方案 lists them, optionally with the 测评 counts of the 计票 sheet.
var targetImportColumns = []importColumn{
	{label: "被评议单位", aliases: []string{"单位", "单位名称", "对象名称", "评议对象", "被评议对象", "被评议单位(人员)", "被评议单位或人员",
		"被评议单位名称", "名称"}, kind: cRef, required: true, example: "镇财政所(示例)", template: true,
		hint: "承办单位名册中的单位名称；评议人员时填姓名，并填写职务"},
	{label: "被评议人员", aliases: []string{"被评议人", "人员姓名"}, kind: cName},
	{label: "类别", aliases: []string{"对象类别", "单位类别"}, choices: store.EvalCategories, example: "基层站所", template: true},
	{label: "职务", aliases: []string{"现任职务", "分管工作"}, template: true, hint: "评议人员时填写，如分管农业副镇长"},
	{label: "述职日期", aliases: []string{"述职时间", "测评日期"}, kind: cDate, template: true, hint: "空着为评议活动的测评日期"},
	{label: "发出票数", aliases: []string{"发出", "发出票", "发票数", "发放票数"}, kind: cCount, template: true},
	{label: "收回票数", aliases: []string{"收回", "收回票", "回收票数"}, kind: cCount, template: true},
	{label: "有效票数", aliases: []string{"有效", "有效票"}, kind: cCount, template: true},
	{label: "满意(优秀)票", aliases: []string{"满意", "满意票", "满意票数", "优秀", "优秀票"}, kind: cCount, template: true},
	{label: "基本满意(合格)票", aliases: []string{"基本满意", "基本满意票", "基本满意票数", "合格", "合格票"}, kind: cCount, template: true},
	{label: "不满意(不合格)票", aliases: []string{"不满意", "不满意票", "不满意票数", "不合格", "不合格票"}, kind: cCount, template: true},
	{label: "平均得分", aliases: []string{"得分", "测评得分"}, kind: cCount, hint: "按打分测评时填写"},
	{label: "其他称号", aliases: []string{"称号"}},
	{label: "备注", aliases: []string{"说明"}, template: true},
}

// readCount puts a count of ballots (or a score) into f, or notes what is wrong with the cell.
func (r *rowReader) readCount(c importColumn, f reflect.Value, v string) bool {
	v = strings.TrimSuffix(strings.TrimSuffix(foldFullWidth(v), "票"), "张")
	if f.Kind() == reflect.Float64 {
		n, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsNaN(n) || math.IsInf(n, 0) {
			r.problem(c.label, fmt.Sprintf("「%s」应是数字", clipImport(v, 20)), false)
			return false
		}
		f.SetFloat(n)
		return true
	}
	n, err := strconv.Atoi(v)
	if err != nil {
		// Excel may hand a whole number over as 12.0.
		if x, ferr := strconv.ParseFloat(v, 64); ferr == nil && x == math.Trunc(x) && math.Abs(x) < 1e9 {
			n, err = int(x), nil
		}
	}
	if err != nil || n < 0 {
		r.problem(c.label, fmt.Sprintf("「%s」应是0或正整数", clipImport(v, 20)), false)
		return false
	}
	f.SetInt(int64(n))
	return true
}
