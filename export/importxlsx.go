package export

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"rendadesk/store"
)

// This file reads the clerk's import workbooks (SPEC §6.7) into store.ImportSheet values and writes the
// downloadable templates. Columns are found by their header, in any order, under the field's label (the
// `label` tags of store.Deputy, store.Station and store.Suggestion) or a word a clerk would write for it.

// colKind is how a column's cells are read.
type colKind int

const (
	cText      colKind = iota // text, trimmed
	cName                     // a person's name: 王　芳 (padded to line up) becomes 王芳
	cDate                     // a day: 2024-03-05, 2024年3月5日, 20240305, an Excel date
	cYearMonth                // a birth month: 1968.05, 1968年5月, an Excel date
	cPhone                    // a phone number: digits kept as written
	cBool                     // 是/否, √/×, or the column's own words (职务代表/非职务代表)
	cStars                    // 0–5: 3, 3星, 三星, ★★★
	cList                     // several values: 镇级、县级
	cRef                      // the name of one record, resolved by store.PlanImport
	cRefs                     // the names of several records
	cHave                     // one item of a station's 「六个有」
	cHaves                    // the 「六个有」 as one column: the items met
	cWorkPost                 // 工作单位及职务 in one column
)

// importColumn is one column an import file may have.
type importColumn struct {
	label    string   // the field's label tag (or 主办单位, 交办日期 …), and the template's header
	aliases  []string // other headers for it
	kind     colKind
	required bool                // marked (必填) in the template
	norm     func(string) string // a clerk's word → the stored value; unknown words come back as written
	choices  []string            // the template's drop-down when the values are fixed
	example  string              // the template's example row
	hint     string              // the template's prompt for the cell
	template bool                // in the template (some columns are only read)
	trueWord string              // cBool: the column's own word for yes (职务代表, 新任)
	falseWrd string              // and for no (非职务代表, 连任)
}

var (
	villageAliases = []string{"村(居)", "所在村", "村居", "村(社区)", "所在村(社区)", "社区", "所在社区", "村别", "所属村(居)"}
	phoneAliases   = []string{"手机", "电话", "手机号码", "手机号", "联系方式", "移动电话", "电话号码", "办公电话", "固定电话"}
)

var deputyImportColumns = []importColumn{
	{label: "姓名", aliases: []string{"代表姓名", "名字"}, kind: cName, required: true, example: "王建国(示例)", template: true},
	{label: "性别", norm: normGender, choices: store.Genders, example: "男", template: true},
	{label: "民族", example: "汉族", template: true},
	{label: "出生年月", aliases: []string{"出生日期", "出生年月日", "生日", "出生年份"}, kind: cYearMonth, example: "1968.05", template: true,
		hint: "写成 1968.05 或 1968年5月"},
	{label: "政治面貌", aliases: []string{"党派", "政治身份"}, example: "中共党员", template: true},
	{label: "文化程度", aliases: []string{"学历", "文化", "最高学历"}, example: "大学本科", template: true},
	{label: "工作单位", aliases: []string{"单位", "工作单位名称"}, example: "青山村村民委员会", template: true},
	{label: "职务", aliases: []string{"现任职务", "职业", "职称"}, example: "党支部书记", template: true},
	{label: "工作单位及职务", aliases: []string{"单位及职务", "工作单位和职务", "工作单位、职务", "单位职务", "工作单位职务"}, kind: cWorkPost},
	{label: "联系电话", aliases: phoneAliases, kind: cPhone, example: "13812345678", template: true},
	{label: "所在村(居)", aliases: villageAliases, example: "青山村", template: true},
	{label: "届次", aliases: []string{"届别", "所属届次"}, kind: cRef, example: "第十八届", template: true, hint: "空着表示本届"},
	{label: "选区", aliases: []string{"选区号", "所在选区", "选区编号", "选区名称"}, example: "第1选区", template: true},
	{label: "代表小组", aliases: []string{"小组", "所属小组", "所在小组", "代表组", "所属代表小组"}, kind: cRef, example: "第一代表小组", template: true},
	{label: "代表层级", aliases: []string{"层级", "级别", "代表级别", "代表类别"}, kind: cList, norm: normLevel, example: "镇级", template: true,
		hint: "可填多个，用顿号分开，如：镇级、县级"},
	{label: "代表构成", aliases: []string{"构成", "身份", "代表身份", "结构", "代表结构"}, kind: cList, example: "村(社区)干部", template: true,
		hint: "可填多个，用顿号分开"},
	{label: "职务角色", aliases: []string{"角色", "人大职务", "代表职务", "担任职务"}, kind: cList, template: true, hint: "可填多个，用顿号分开"},
	{label: "职务代表", aliases: []string{"是否职务代表", "职务/非职务", "职务或非职务"}, kind: cBool, trueWord: "职务代表", falseWrd: "非职务代表",
		choices: []string{"职务代表", "非职务代表"}, example: "非职务代表", template: true},
	{label: "新任", aliases: []string{"新任/连任", "是否新任", "新任或连任", "新任连任"}, kind: cBool, trueWord: "新任", falseWrd: "连任",
		choices: []string{"新任", "连任"}, example: "新任", template: true},
	{label: "状态", aliases: []string{"在任状态", "代表状态", "任职状态"}, norm: normDeputyStatus, choices: store.DeputyStatuses, example: "在任", template: true},
	{label: "出缺原因", aliases: []string{"缺额原因", "离任原因"}, norm: normVacancy, choices: store.VacancyReasons, template: true},
	{label: "出缺日期", aliases: []string{"出缺时间", "离任日期"}, kind: cDate, template: true, hint: "写成 2024-03-05"},
	{label: "进站", aliases: []string{"进站联络站", "所在联络站", "联络站", "家站点", "所进站点", "进站站点"}, kind: cRefs, template: true,
		hint: "联络站名称，可填多个，用顿号分开"},
	{label: "备注", aliases: []string{"说明"}, template: true},
}

var stationImportColumns = []importColumn{
	{label: "名称", aliases: []string{"站点名称", "联络站名称", "家站点名称", "站名", "名字", "联络站"}, required: true,
		example: "青山村代表联络站(示例)", template: true},
	{label: "类型", aliases: []string{"站点类型", "类别", "家站点类型"}, required: true, norm: normStationType, choices: store.StationTypes,
		example: "代表联络站", template: true},
	{label: "所在村(居)", aliases: villageAliases, example: "青山村", template: true},
	{label: "地址", aliases: []string{"详细地址", "站点地址", "位置", "所在地址"}, example: "青山村村委会二楼", template: true},
	{label: "建成日期", aliases: []string{"建站日期", "建成时间", "成立日期", "建立时间", "挂牌日期", "挂牌时间", "建站时间"}, kind: cDate,
		example: "2022-06-01", template: true, hint: "写成 2022-06-01 或 2022年6月1日"},
	{label: "联系人", aliases: []string{"负责人", "站长"}, kind: cName, example: "李堃", template: true},
	{label: "联系电话", aliases: phoneAliases, kind: cPhone, example: "0571-88881234", template: true},
	{label: "接待安排", aliases: []string{"接待时间", "接待日", "活动日", "接待日安排", "接待选民时间"}, example: "每月10日", template: true},
	{label: "六个有", aliases: []string{"六有", "六个有情况"}, kind: cHaves},
	{label: "固定场所", kind: cHave, choices: []string{"有", "无"}, example: "有", template: true},
	{label: "醒目标识", kind: cHave, choices: []string{"有", "无"}, example: "有", template: true},
	{label: "代表信息", kind: cHave, choices: []string{"有", "无"}, example: "有", template: true},
	{label: "健全制度", kind: cHave, choices: []string{"有", "无"}, example: "有", template: true},
	{label: "活动计划", kind: cHave, choices: []string{"有", "无"}, example: "无", template: true},
	{label: "台账资料", kind: cHave, choices: []string{"有", "无"}, example: "有", template: true},
	{label: "星级", aliases: []string{"星级评定", "星级评定结果"}, kind: cStars, choices: []string{"0", "1", "2", "3", "4", "5"}, example: "3", template: true},
	{label: "状态", aliases: []string{"站点状态", "使用状态"}, norm: normStationStatus, choices: store.StationStatuses, example: "在用", template: true},
	{label: "进站代表", aliases: []string{"进站代表名单", "驻站代表", "代表"}, kind: cRefs, example: "王建国、李堃", template: true,
		hint: "代表姓名，可填多个，用顿号分开；同名时写成 张伟(第一代表小组)"},
	{label: "备注", aliases: []string{"说明"}, template: true},
}

var suggestionImportColumns = []importColumn{
	{label: "编号", aliases: []string{"建议编号", "案号", "建议号"}, example: "", template: true, hint: "空着时自动编号"},
	{label: "标题", aliases: []string{"建议标题", "案由", "题目", "建议名称", "事由", "建议题目"}, required: true,
		example: "关于修缮青山村村道的建议(示例)", template: true},
	{label: "类型", aliases: []string{"建议类型", "种类"}, norm: normKind, choices: store.SuggestionKinds, example: store.KindSuggestion, template: true},
	{label: "提出时段", aliases: []string{"时段", "提出时间段", "会期", "提出时期"}, norm: normPeriod, choices: store.Periods, example: store.PeriodRecess, template: true},
	{label: "人代会", aliases: []string{"人代会会议", "所属会议", "会次", "大会会次"}, kind: cRef, template: true, hint: "人代会期间提出的，填写是哪次会议，如：十八届三次"},
	{label: "来源", aliases: []string{"建议来源", "来源渠道"}, example: "代表提出", template: true},
	{label: "来源活动", aliases: []string{"来源会议", "活动名称", "来源活动名称"}, kind: cRef, template: true},
	{label: "来源联络站", aliases: []string{"联络站", "家站点", "来源站点", "来源家站点"}, kind: cRef, template: true},
	{label: "领衔代表", aliases: []string{"提出代表", "领衔人", "提出人", "代表", "代表姓名", "建议人"}, kind: cRef, example: "王建国", template: true,
		hint: "选民意见建议可空着；同名时写成 张伟(第一代表小组)"},
	{label: "附议代表", aliases: []string{"联名代表", "附议人", "附议", "联名"}, kind: cRefs, template: true, hint: "可填多个，用顿号分开"},
	{label: "选民姓名", aliases: []string{"选民", "反映人", "反映人姓名"}, kind: cName, template: true},
	{label: "选民联系方式", aliases: []string{"选民电话", "选民联系电话", "反映人电话"}, template: true},
	{label: "内容", aliases: []string{"建议内容", "主要内容", "具体内容", "正文", "内容摘要"}, example: "村道破损严重，雨天积水，建议尽快修缮。", template: true},
	{label: "类别", aliases: []string{"分类", "建议类别", "所属类别", "内容类别"}, required: true, example: "城乡建设", template: true},
	{label: "涉及层面", aliases: []string{"层面", "层级", "涉及层级", "所属层面"}, required: true, norm: normScope, example: "镇级", template: true},
	{label: "重点/一般", aliases: []string{"重点", "是否重点", "重点建议", "重点或一般", "优先级"}, norm: normPriority, choices: store.Priorities,
		example: "一般", template: true},
	{label: "收到日期", aliases: []string{"提出日期", "收到时间", "提出时间", "登记日期", "日期", "收件日期"}, kind: cDate, required: true,
		example: "2024-03-05", template: true, hint: "写成 2024-03-05 或 2024年3月5日"},
	{label: "主办单位", aliases: []string{"承办单位", "主办", "交办单位"}, kind: cRef, template: true, hint: "已交办的填写；同时要填交办日期"},
	{label: "协办单位", aliases: []string{"协办"}, kind: cRefs, template: true},
	{label: "交办日期", aliases: []string{"交办时间"}, kind: cDate, template: true},
	{label: "办理时限", aliases: []string{"办结时限", "时限", "办理期限"}, kind: cDate, template: true, hint: "空着时按设置的办理时限计算"},
}

// importColumns returns the columns of a kind.
func importColumns(kind store.ImportKind) []importColumn {
	switch kind {
	case store.ImportDeputies:
		return deputyImportColumns
	case store.ImportStations:
		return stationImportColumns
	case store.ImportSuggestions:
		return suggestionImportColumns
	}
	return nil
}

// keyColumn is the column a row cannot do without: the name, or the title.
func keyColumn(kind store.ImportKind) string {
	if kind == store.ImportSuggestions {
		return "标题"
	}
	if kind == store.ImportStations {
		return "名称"
	}
	return "姓名"
}

// silentHeaders are headers that carry nothing to import and are not worth a note: row numbers.
var silentHeaders = []string{"序号", "编号", "no", "no.", "#"}

// TemplateName is the file name offered for a kind's template: 代表名册导入模板.xlsx.
func TemplateName(kind store.ImportKind) string {
	return templateTitle(kind) + ".xlsx"
}

func templateTitle(kind store.ImportKind) string {
	switch kind {
	case store.ImportDeputies:
		return "代表名册导入模板"
	case store.ImportStations:
		return "联络站导入模板"
	}
	return "建议导入模板"
}

// templateSheet is the name of the template's data sheet; a sheet of that name is read first.
func templateSheet(kind store.ImportKind) string { return kind.Label() + "导入" }

// maxImportBytes bounds what is read into memory: a township's roster is a few dozen kilobytes, the stress
// data set's suggestions a few megabytes.
const maxImportBytes = 64 << 20

// ReadImportFile reads the import file at path (see ReadImport).
func ReadImportFile(path string, kind store.ImportKind) (store.ImportSheet, error) {
	name := filepath.Base(path)
	f, err := os.Open(path)
	switch {
	case os.IsNotExist(err):
		return store.ImportSheet{}, store.Errorf(store.ENOTFOUND, "找不到文件「%s」", name)
	case os.IsPermission(err):
		return store.ImportSheet{}, store.Errorf(store.EINVALID, "没有权限读取文件「%s」；如果文件正在 Excel 中打开，请先关闭", name)
	case err != nil:
		return store.ImportSheet{}, store.Errorf(store.EINVALID, "无法打开文件「%s」(%v)", name, cause(err))
	}
	if st, err := f.Stat(); err == nil && st.IsDir() {
		f.Close()
		return store.ImportSheet{}, store.Errorf(store.EINVALID, "「%s」是文件夹，请选择一个 .xlsx 文件", name)
	}
	defer f.Close()
	return ReadImport(f, name, kind)
}

// ReadImport reads an import workbook (.xlsx) of the given kind; name is the file's name for messages. It
// reads the sheet named like the template, else the first sheet whose header it recognises; the header may
// be below a title. A file that is not an .xlsx workbook (a .csv or .xls renamed, a truncated copy), an
// empty file or one without a recognisable header gives one Chinese error naming the file.
func ReadImport(r io.Reader, name string, kind store.ImportKind) (sheet store.ImportSheet, err error) {
	defer func() {
		// A damaged workbook must never take the program down: excelize has panicked on malformed files before.
		if p := recover(); p != nil {
			sheet, err = store.ImportSheet{}, store.Errorf(store.ECORRUPT, "文件「%s」已损坏，无法读取(%v)；请在 Excel 中打开后重新保存再导入", name, p)
		}
	}()
	if !kind.Valid() {
		return store.ImportSheet{}, store.Errorf(store.EINVALID, "未知的导入类型「%s」", kind)
	}
	data, err := io.ReadAll(io.LimitReader(r, maxImportBytes+1))
	if err != nil {
		return store.ImportSheet{}, store.Errorf(store.ECORRUPT, "读取文件「%s」失败(%v)", name, cause(err))
	}
	if len(data) > maxImportBytes {
		return store.ImportSheet{}, store.Errorf(store.EINVALID, "文件「%s」太大(超过%dMB)，请分成几个文件导入", name, maxImportBytes>>20)
	}
	if err := sniffWorkbook(data, name); err != nil {
		return store.ImportSheet{}, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: 512 << 20, UnzipXMLSizeLimit: 128 << 20})
	if err != nil {
		return store.ImportSheet{}, store.Errorf(store.ECORRUPT, "文件「%s」已损坏或不完整(可能没有复制完)，无法读取；请在 Excel 中打开后重新保存再导入", name)
	}
	defer f.Close()
	x := &xlsxImport{f: f}
	if p, err := f.GetWorkbookProps(); err == nil && p.Date1904 != nil {
		x.date1904 = *p.Date1904
	}
	sheets := f.GetSheetList()
	if i := slices.Index(sheets, templateSheet(kind)); i > 0 {
		sheets = append([]string{sheets[i]}, slices.Delete(slices.Clone(sheets), i, i+1)...)
	}
	var firstErr error
	empty := true
	for _, sh := range sheets {
		rows, err := f.GetRows(sh, excelize.Options{RawCellValue: true})
		if err != nil {
			return store.ImportSheet{}, store.Errorf(store.ECORRUPT, "文件「%s」的工作表「%s」已损坏，无法读取", name, sh)
		}
		if len(rows) == 0 {
			continue
		}
		empty = false
		x.sheet = sh
		out, err := parseImport(kind, name, sh, rows, x)
		if err == nil {
			return out, nil
		}
		if firstErr == nil {
			firstErr = err
		}
	}
	if empty {
		return store.ImportSheet{}, store.Errorf(store.EINVALID, "文件「%s」是空的，没有任何内容", name)
	}
	return store.ImportSheet{}, firstErr
}

// sniffWorkbook tells a clerk what a file is when it is not an .xlsx workbook.
func sniffWorkbook(data []byte, name string) error {
	switch {
	case len(data) == 0:
		return store.Errorf(store.EINVALID, "文件「%s」是空的(0字节)", name)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return nil
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return store.Errorf(store.EINVALID, "文件「%s」是旧版 Excel(.xls)文件或设置了密码；请在 Excel 中「另存为」Excel 工作簿(.xlsx)并取消密码后再导入", name)
	case looksLikeText(data):
		return store.Errorf(store.EINVALID, "文件「%s」实际上是文本(CSV)文件，不是 Excel 工作簿；请用 Excel 打开后「另存为」Excel 工作簿(.xlsx)再导入", name)
	case bytes.HasPrefix(data, []byte("PK")):
		return store.Errorf(store.ECORRUPT, "文件「%s」已损坏或不完整(可能没有复制完)，无法读取；请在 Excel 中打开后重新保存再导入", name)
	}
	return store.Errorf(store.EINVALID, "文件「%s」不是 Excel 工作簿(.xlsx)，无法导入", name)
}

// looksLikeText reports whether the start of data is text (UTF-8, or GBK as Chinese Excel saves CSV): no
// control characters other than tabs and line ends.
func looksLikeText(data []byte) bool {
	head := data[:min(len(data), 4096)]
	for _, b := range head {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' {
			return false
		}
	}
	return true
}

// xlsxImport gives the parser what only the workbook knows: which numeric cells are dates.
type xlsxImport struct {
	f        *excelize.File
	sheet    string
	date1904 bool
}

// importCell is one cell as the parser sees it.
type importCell struct {
	text    string  // the value as text (a number as Excel displays it)
	num     float64 // the number, when isNum
	isNum   bool    // a numeric cell
	dateFmt bool    // formatted as a date in Excel
	// date1904: the workbook counts serial dates from 1904 (older Mac Excel), not 1900; 4 years apart.
	date1904 bool
}

// cellAt returns the cell at (col, line) of the sheet; text is its raw value.
func (x *xlsxImport) cellAt(raw string, col, line int) importCell {
	c := importCell{text: raw}
	if x == nil || raw == "" {
		return c
	}
	c.date1904 = x.date1904
	ref, err := excelize.CoordinatesToCellName(col+1, line)
	if err != nil {
		return c
	}
	if t, err := x.f.GetCellType(x.sheet, ref); err != nil || (t != excelize.CellTypeNumber && t != excelize.CellTypeUnset && t != excelize.CellTypeDate) {
		return c
	}
	n, err := strconv.ParseFloat(raw, 64)
	if err != nil {
		return c
	}
	c.num, c.isNum = n, true
	if id, err := x.f.GetCellStyle(x.sheet, ref); err == nil {
		if st, err := x.f.GetStyle(id); err == nil {
			c.dateFmt = isDateFormat(st)
		}
	}
	if !c.dateFmt {
		if shown, err := x.f.GetCellValue(x.sheet, ref); err == nil && shown != "" {
			c.text = shown // 1968.10 under a 0.00 format, not the raw 1968.1
		}
	}
	return c
}

// builtInDateFormats are Excel's built-in number formats that show a date (not a time alone).
var builtInDateFormats = []int{14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58}

var quotedOrBracketed = regexp.MustCompile(`"[^"]*"|\[[^\]]*\]|\\.`)

func isDateFormat(st *excelize.Style) bool {
	if st == nil {
		return false
	}
	if st.CustomNumFmt == nil {
		return slices.Contains(builtInDateFormats, st.NumFmt)
	}
	f := strings.ToLower(quotedOrBracketed.ReplaceAllString(*st.CustomNumFmt, ""))
	return strings.ContainsAny(f, "yd") || strings.Contains(*st.CustomNumFmt, "年") || strings.Contains(*st.CustomNumFmt, "日")
}

// ParseImportRows reads rows of text (the first a header or a title above it) as an import sheet of the
// given kind: what ReadImport does once the workbook is open, without its knowledge of numeric cells. The
// fuzz test feeds it.
func ParseImportRows(kind store.ImportKind, name string, rows [][]string) (store.ImportSheet, error) {
	if !kind.Valid() {
		return store.ImportSheet{}, store.Errorf(store.EINVALID, "未知的导入类型「%s」", kind)
	}
	return parseImport(kind, name, "Sheet1", rows, nil)
}

// headerScan is how many rows from the top may hold the header (a title, notes, a blank row above it).
const headerScan = 30

// parseImport finds the header in rows and reads every row below it.
func parseImport(kind store.ImportKind, name, sheet string, rows [][]string, x *xlsxImport) (store.ImportSheet, error) {
	cols := importColumns(kind)
	best, bestLine := map[string][]int(nil), -1
	var bestIgnored []string
	for i := 0; i < min(len(rows), headerScan); i++ {
		m, ignored := matchHeader(kind, rows[i])
		if len(m) > len(best) && (len(m) >= 2 || m[keyColumn(kind)] != nil) {
			best, bestLine, bestIgnored = m, i, ignored
		}
	}
	if bestLine < 0 {
		return store.ImportSheet{}, store.Errorf(store.EINVALID,
			"文件「%s」的工作表「%s」中找不到表头：前%d行里没有「%s」等栏目名称；请对照模板(可在导入窗口「下载模板」)修改表头",
			name, sheet, headerScan, strings.Join(templateHeaders(kind, 4), "」「"))
	}
	if best[keyColumn(kind)] == nil {
		return store.ImportSheet{}, store.Errorf(store.EINVALID, "文件「%s」的表头(第%d行)中没有「%s」栏，无法导入%s", name, bestLine+1, keyColumn(kind), kind.Label())
	}
	out := store.ImportSheet{Kind: kind, File: name, Sheet: sheet, HeaderLine: bestLine + 1, Ignored: bestIgnored}
	for _, c := range cols {
		if best[c.label] != nil {
			out.Columns = append(out.Columns, c.label)
		}
	}
	slices.SortStableFunc(out.Columns, func(a, b string) int { return best[a][0] - best[b][0] })
	for i := bestLine + 1; i < len(rows); i++ {
		line := i + 1
		cells := rows[i]
		filled := 0
		first := ""
		for _, v := range cells {
			if trimCell(v) != "" {
				filled++
				if first == "" {
					first = trimCell(v)
				}
			}
		}
		if filled == 0 {
			continue
		}
		key := importCellText(cells, best[keyColumn(kind)])
		if key == "" && filled == 1 {
			out.Notes = append(out.Notes, fmt.Sprintf("第%d行只有一格有内容(「%s」)，不是%s，已跳过", line, clipImport(first, 20), kind.Label()))
			continue
		}
		if strings.HasSuffix(strings.NewReplacer("（", "(", "）", ")").Replace(key), "(示例)") {
			out.Notes = append(out.Notes, fmt.Sprintf("第%d行是模板中的示例，已跳过", line))
			continue
		}
		out.Rows = append(out.Rows, parseRow(kind, cols, best, cells, line, x))
	}
	if len(out.Rows) == 0 {
		return out, store.Errorf(store.EINVALID, "文件「%s」的表头(第%d行)下面没有%s数据", name, bestLine+1, kind.Label())
	}
	return out, nil
}

func clipImport(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n]) + "…"
	}
	return s
}

// templateHeaders returns the first n headers of a kind's template.
func templateHeaders(kind store.ImportKind, n int) []string {
	var out []string
	for _, c := range importColumns(kind) {
		if c.template && len(out) < n {
			out = append(out, c.label)
		}
	}
	return out
}

// matchHeader maps the cells of a candidate header row to columns: label → cell indexes (several when a
// file has, say, both 手机 and 办公电话). Unrecognised non-empty cells are returned as ignored.
func matchHeader(kind store.ImportKind, row []string) (map[string][]int, []string) {
	m := map[string][]int{}
	var ignored []string
	for i, cell := range row {
		h := normHeader(cell)
		if h == "" {
			continue
		}
		c, ok := findColumn(kind, h)
		if !ok {
			if !slices.Contains(silentHeaders, h) && len(ignored) < 50 {
				ignored = append(ignored, clipImport(trimCell(cell), 20))
			}
			continue
		}
		m[c.label] = append(m[c.label], i)
	}
	return m, ignored
}

// headerIndex maps every normalised header (label and aliases) of each kind to its column.
var headerIndex = func() map[store.ImportKind]map[string]importColumn {
	out := map[store.ImportKind]map[string]importColumn{}
	for _, k := range store.ImportKinds {
		out[k] = map[string]importColumn{}
		for _, c := range importColumns(k) {
			for _, h := range append([]string{c.label}, c.aliases...) {
				if _, dup := out[k][normHeader(h)]; !dup {
					out[k][normHeader(h)] = c
				}
			}
		}
	}
	return out
}()

// findColumn finds the column a normalised header names: by label or alias, then without a bracketed note
// (出生年月(年.月) → 出生年月).
func findColumn(kind store.ImportKind, h string) (importColumn, bool) {
	if c, ok := headerIndex[kind][h]; ok {
		return c, true
	}
	if short := bracketed.ReplaceAllString(h, ""); short != "" && short != h {
		c, ok := headerIndex[kind][short]
		return c, ok
	}
	return importColumn{}, false
}

var (
	bracketed      = regexp.MustCompile(`\([^)]*\)|【[^】]*】|\[[^\]]*\]`)
	requiredMarker = regexp.MustCompile(`\((必填|选填|必须填写|可选|必填项)\)|【(必填|选填)】|必填|选填|[*＊※]`)
)

// normHeader reduces a header to what identifies it: no spaces or line breaks, half-width brackets, without
// (必填) or * markers and a trailing colon, lower case.
func normHeader(s string) string {
	s = foldFullWidth(s)
	s = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			return -1
		}
		return r
	}, s)
	s = requiredMarker.ReplaceAllString(s, "")
	s = strings.TrimRight(s, ":：")
	return strings.ToLower(s)
}

// foldFullWidth turns full-width ASCII (２０２４，（）) into half-width and the ideographic space into a space.
func foldFullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			return r - 0xFEE0
		case r == 0x3000:
			return ' '
		}
		return r
	}, s)
}

// trimCell trims spaces of every kind (the ideographic space, no-break space, zero-width marks) from both ends.
func trimCell(s string) string {
	return strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u00a0'
	})
}

// importCellText returns the first non-empty of a row's cells at idx, cleaned.
func importCellText(cells []string, idx []int) string {
	for _, i := range idx {
		if i < len(cells) {
			if v := trimCell(cells[i]); v != "" {
				return v
			}
		}
	}
	return ""
}

// rowReader reads one row into a record.
type rowReader struct {
	row  store.ImportRow
	rec  reflect.Value // the record, addressable
	line int
}

func (r *rowReader) problem(field, detail string, warning bool) {
	r.row.Problems = append(r.row.Problems, store.RowProblem(r.line, field, detail, warning))
}

// field returns the record's field with the given label tag.
func (r *rowReader) field(label string) (reflect.Value, bool) {
	t := r.rec.Type()
	for i := 0; i < t.NumField(); i++ {
		if t.Field(i).Tag.Get("label") == label {
			return r.rec.Field(i), true
		}
	}
	return reflect.Value{}, false
}

func parseRow(kind store.ImportKind, cols []importColumn, idx map[string][]int, cells []string, line int, x *xlsxImport) store.ImportRow {
	r := &rowReader{line: line, row: store.ImportRow{Line: line, Given: map[string]bool{}, Names: map[string][]string{}}}
	switch kind {
	case store.ImportDeputies:
		r.row.Deputy = &store.Deputy{}
		r.rec = reflect.ValueOf(r.row.Deputy).Elem()
	case store.ImportStations:
		r.row.Station = &store.Station{}
		r.rec = reflect.ValueOf(r.row.Station).Elem()
	case store.ImportSuggestions:
		r.row.Suggestion = &store.Suggestion{}
		r.rec = reflect.ValueOf(r.row.Suggestion).Elem()
	}
	for _, c := range cols {
		at := idx[c.label]
		if at == nil {
			continue
		}
		var cell importCell
		for _, i := range at {
			if i < len(cells) && trimCell(cells[i]) != "" {
				cell = importCell{text: cells[i]}
				if c.kind == cDate || c.kind == cYearMonth || c.kind == cPhone {
					cell = x.cellAt(cells[i], i, line) // only these care whether a cell is a number or a date
				}
				cell.text = trimCell(cell.text)
				break
			}
		}
		if cell.text == "" {
			continue
		}
		r.read(c, cell)
	}
	return r.row
}

// read puts one cell into the record, or notes what is wrong with it.
func (r *rowReader) read(c importColumn, cell importCell) {
	v := cell.text
	given := func(label string) { r.row.Given[label] = true }
	switch c.kind {
	case cRef:
		r.row.Names[c.label] = []string{strings.Join(strings.Fields(v), " ")}
		return
	case cRefs:
		r.row.Names[c.label] = splitValues(v)
		return
	case cWorkPost:
		unit, post := v, ""
		if i := strings.LastIndexFunc(v, unicode.IsSpace); i > 0 {
			unit, post = trimCell(v[:i]), trimCell(v[i:])
		}
		for _, p := range []struct{ label, v string }{{"工作单位", unit}, {"职务", post}} {
			if f, ok := r.field(p.label); ok && p.v != "" && !r.row.Given[p.label] {
				f.SetString(p.v)
				given(p.label)
			}
		}
		return
	case cHave, cHaves:
		r.readHaves(c, v)
		return
	}
	f, ok := r.field(c.label)
	if !ok {
		// 交办日期 and 办理时限 fill the suggestion's handling fields, which carry no label.
		if c.kind == cDate && r.row.Suggestion != nil {
			d, ok := r.date(c.label, cell)
			if !ok {
				return
			}
			if c.label == "交办日期" {
				r.row.Suggestion.Assigned = d
			} else {
				r.row.Suggestion.Deadline = d
			}
			given(c.label)
		}
		return
	}
	switch c.kind {
	case cDate:
		d, ok := r.date(c.label, cell)
		if !ok {
			return
		}
		f.SetString(string(d))
	case cYearMonth:
		ym, ok := r.yearMonth(c.label, cell)
		if !ok {
			return
		}
		f.SetString(ym)
	case cBool:
		b, ok := parseYesNo(v, c.trueWord, c.falseWrd)
		if !ok {
			words := "是或否"
			if c.trueWord != "" {
				words = c.trueWord + "或" + c.falseWrd
			}
			r.problem(c.label, fmt.Sprintf("「%s」应填写%s", v, words), false)
			return
		}
		f.SetBool(b)
	case cStars:
		n, ok := parseStars(v)
		if !ok {
			r.problem(c.label, fmt.Sprintf("「%s」应是0到5的数字", clipImport(v, 20)), false)
			return
		}
		f.SetInt(int64(n))
	case cList:
		vals := splitValues(v)
		if c.norm != nil {
			for i := range vals {
				vals[i] = c.norm(vals[i])
			}
		}
		f.Set(reflect.ValueOf(vals))
	case cPhone:
		f.SetString(phoneText(cell))
	case cName:
		f.SetString(nameText(v))
	default:
		if c.norm != nil {
			v = c.norm(v)
		}
		f.SetString(v)
	}
	given(c.label)
}

// readHaves reads the 「六个有」: a column per item (有/无), or one column listing the items met.
func (r *rowReader) readHaves(c importColumn, v string) {
	st := r.row.Station
	if st == nil {
		return
	}
	if c.kind == cHave {
		b, ok := parseYesNo(v, "", "")
		if !ok {
			r.problem(c.label, fmt.Sprintf("「%s」应填写有或无", clipImport(v, 20)), false)
			return
		}
		st.Haves[slices.Index(store.SixHaves, c.label)] = b
		r.row.Given["六个有·"+c.label] = true
		return
	}
	switch all := strings.ReplaceAll(v, " ", ""); {
	case slices.Contains([]string{"全部", "齐全", "是", "有", "√", "6/6", "6", "六个有"}, all):
		st.Haves = [6]bool{true, true, true, true, true, true}
	case slices.Contains([]string{"无", "否", "没有", "0/6", "0", "×"}, all):
		st.Haves = [6]bool{}
	default:
		var unknown []string
		st.Haves = [6]bool{}
		for _, item := range splitValues(v) {
			if i := slices.Index(store.SixHaves, item); i >= 0 {
				st.Haves[i] = true
			} else {
				unknown = append(unknown, item)
			}
		}
		if len(unknown) > 0 {
			r.problem("六个有", fmt.Sprintf("「%s」看不出具备哪几项，未导入；请分别填写%s各栏(有/无)，或列出具备的项目", clipImport(v, 20), strings.Join(store.SixHaves, "、")), true)
			return
		}
	}
	r.row.Given["六个有"] = true
}

// date reads a day from a cell: text in the forms store.ParseDate reads (and 2024-03-05 00:00:00), an Excel
// date, or a number that can only be an Excel date (45356).
func (r *rowReader) date(label string, cell importCell) (store.Date, bool) {
	if cell.isNum && (cell.dateFmt || isExcelSerial(cell.num)) {
		if d, ok := excelSerialDate(cell.num, cell.date1904); ok {
			return store.Date(d.Format("2006-01-02")), true
		}
	}
	s := foldFullWidth(cell.text)
	if m := dateTimeRe.FindStringSubmatch(s); m != nil {
		s = m[1]
	}
	d, err := store.ParseDate(s)
	if err != nil {
		if n, perr := strconv.ParseFloat(s, 64); perr == nil && isExcelSerial(n) {
			if t, ok := excelSerialDate(n, cell.date1904); ok {
				return store.Date(t.Format("2006-01-02")), true
			}
		}
		r.problem(label, strings.TrimPrefix(err.Error(), "日期"), false)
		return "", false
	}
	return d, true
}

var (
	dateTimeRe   = regexp.MustCompile(`^(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$`)
	oneDecimalRe = regexp.MustCompile(`^\d{4}\.1$`)
)

// yearMonth reads a birth month. A number such as 1968.1 is read as January like the text 1968.1, with a
// warning: Excel keeps 1968.10 (October) as the number 1968.1.
func (r *rowReader) yearMonth(label string, cell importCell) (string, bool) {
	if cell.isNum && (cell.dateFmt || isExcelSerial(cell.num)) {
		if t, ok := excelSerialDate(cell.num, cell.date1904); ok {
			return t.Format("2006-01"), true
		}
	}
	s := foldFullWidth(cell.text)
	if m := dateTimeRe.FindStringSubmatch(s); m != nil {
		s = m[1]
	}
	ym, err := store.ParseYearMonth(s)
	if err != nil {
		r.problem(label, strings.TrimPrefix(err.Error(), "年月"), false)
		return "", false
	}
	if cell.isNum && oneDecimalRe.MatchString(s) {
		r.problem(label, fmt.Sprintf("「%s」已按%s年1月导入；如是10月，请写成%s0并把单元格设为文本", s, s[:4], s), true)
	}
	return ym, true
}

// isExcelSerial reports whether n can only be an Excel date serial: a whole number between 1927 and 2200 as
// Excel counts days (10000–109574). 8-digit dates (20240305) and 6-digit months (196805) are larger.
func isExcelSerial(n float64) bool {
	return n >= 10000 && n <= 109574 && n == math.Trunc(n)
}

// excelSerialDate converts an Excel serial to a day in 1900–2200.
func excelSerialDate(n float64, date1904 bool) (time.Time, bool) {
	if n < 1 || math.IsNaN(n) || math.IsInf(n, 0) || n > 2958465 {
		return time.Time{}, false
	}
	t, err := excelize.ExcelDateToTime(n, date1904)
	if err != nil || t.Year() < 1900 || t.Year() > 2200 {
		return time.Time{}, false
	}
	return t, true
}

// splitValues splits a cell of several values on 、，,;；/ and line breaks, and on spaces when every piece is a
// whole word (张三 李四, not 王 芳 padded to line up).
func splitValues(s string) []string {
	parts := strings.FieldsFunc(foldSeparators(s), func(r rune) bool {
		return strings.ContainsRune("、,;/\n\r|", r)
	})
	var out []string
	for _, p := range parts {
		p = trimCell(p)
		if p == "" {
			continue
		}
		words := strings.Fields(p)
		split := len(words) > 1
		for _, w := range words {
			if utf8.RuneCountInString(w) < 2 {
				split = false
			}
		}
		if split {
			out = append(out, words...)
		} else if isHanName(p) {
			out = append(out, nameText(p))
		} else {
			out = append(out, p)
		}
	}
	return out
}

// foldSeparators turns full-width commas, semicolons and slashes into their ASCII forms.
func foldSeparators(s string) string {
	return strings.NewReplacer("，", ",", "；", ";", "／", "/", "　", " ").Replace(s)
}

// nameText removes the spaces inside a Chinese name (王　芳 → 王芳); other names are only trimmed.
func nameText(s string) string {
	s = trimCell(s)
	if isHanName(s) {
		return strings.Join(strings.Fields(foldFullWidth(s)), "")
	}
	return s
}

func isHanName(s string) bool {
	han := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r) || r == '·':
			han++
		case unicode.IsSpace(r):
		default:
			return false
		}
	}
	return han > 0
}

// phoneText keeps a phone number as written; a number Excel stored as 1.3812345678E+10 is written out.
func phoneText(cell importCell) string {
	s := trimCell(foldFullWidth(cell.text))
	if n, err := strconv.ParseFloat(s, 64); err == nil && strings.ContainsAny(s, "eE.") && n == math.Trunc(n) && n > 0 && n < 1e15 {
		return strconv.FormatInt(int64(n), 10)
	}
	return s
}

func parseYesNo(s, yes, no string) (bool, bool) {
	s = strings.ToLower(strings.TrimSpace(foldFullWidth(s)))
	switch {
	case yes != "" && s == yes:
		return true, true
	case no != "" && s == no:
		return false, true
	}
	switch s {
	case "是", "有", "√", "✓", "✔", "y", "yes", "1", "true", "对", "具备", "已具备":
		return true, true
	case "否", "无", "没有", "×", "✗", "✘", "n", "no", "0", "false", "不具备", "未具备":
		return false, true
	}
	return false, false
}

// parseStars reads 3, 3星, 三星, 三星级, ★★★.
func parseStars(s string) (int, bool) {
	s = strings.TrimSpace(foldFullWidth(s))
	if n := strings.Count(s, "★"); n > 0 && strings.Trim(s, "★☆ ") == "" {
		return n, true
	}
	s = strings.TrimSuffix(strings.TrimSuffix(s, "级"), "星")
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	if i := strings.Index("零一二三四五", s); i >= 0 && utf8.RuneCountInString(s) == 1 {
		return utf8.RuneCountInString("零一二三四五"[:i]), true
	}
	return 0, false
}

func normGender(s string) string {
	switch s {
	case "男性", "男士", "m", "M":
		return "男"
	case "女性", "女士", "f", "F":
		return "女"
	}
	return s
}

// normLevel reads a level as clerks write it: 乡级, 街道级, 镇(乡)级 → 镇级; 区级, 县(区)级 → 县级; 全国人大代表 → 全国.
func normLevel(s string) string {
	k := strings.NewReplacer("人大代表", "", "代表", "", "人大", "", "(", "", ")", "", "（", "", "）", "", "层面", "", " ", "").Replace(s)
	switch {
	case k == "":
		return s
	case strings.Contains(k, "全国"):
		return store.LevelNation
	case strings.Contains(k, "省"):
		return store.LevelProvince
	case strings.Contains(k, "市"):
		return store.LevelCity
	case strings.Contains(k, "县") || strings.Contains(k, "区"):
		return store.LevelCounty
	case strings.Contains(k, "镇") || strings.Contains(k, "乡") || strings.Contains(k, "街道"):
		return store.LevelTown
	case strings.Contains(k, "村") || strings.Contains(k, "居") || strings.Contains(k, "社区"):
		return store.LevelVillage
	}
	return s
}

// normScope reads 涉及层面: the levels of normLevel, plus 村级 (村(居)级, 社区).
func normScope(s string) string {
	k := strings.NewReplacer("层面", "", " ", "").Replace(s)
	if strings.Contains(k, "村") || strings.Contains(k, "社区") || strings.HasPrefix(k, "居") {
		return store.LevelVillage
	}
	return normLevel(s)
}

func normDeputyStatus(s string) string {
	switch s {
	case "在职", "现任", "正常", "任职":
		return store.DeputyActive
	case "离任", "已出缺", "缺额", "空缺":
		return store.DeputyVacant
	}
	return s
}

func normVacancy(s string) string {
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

func normStationType(s string) string {
	k := strings.TrimPrefix(strings.ReplaceAll(s, " ", ""), "人大")
	if !strings.HasPrefix(k, "代表") {
		k = "代表" + k
	}
	if slices.Contains(store.StationTypes, k) {
		return k
	}
	return s
}

func normStationStatus(s string) string {
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

func normKind(s string) string {
	switch strings.ReplaceAll(s, " ", "") {
	case "建议", "建议批评和意见", "建议、批评、意见", "代表建议", "建议、批评和意见":
		return store.KindSuggestion
	case "选民意见", "选民建议", "选民意见建议", "群众意见", "选民意见和建议":
		return store.KindVoter
	case "议案", "代表议案":
		return store.KindMotion
	}
	return s
}

func normPeriod(s string) string {
	switch strings.ReplaceAll(s, " ", "") {
	case "会期", "人代会", "大会期间", "会议期间", "人代会期间", "会期内":
		return store.PeriodSession
	case "闭会", "闭会期间", "平时", "闭会期":
		return store.PeriodRecess
	}
	return s
}

func normPriority(s string) string {
	switch strings.ToLower(strings.ReplaceAll(s, " ", "")) {
	case "重点", "是", "√", "y", "重点建议", "重点督办":
		return "重点"
	case "一般", "否", "非重点", "n", "×":
		return "一般"
	}
	return s
}
