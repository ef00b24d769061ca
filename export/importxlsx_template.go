package export

import (
	"fmt"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"

	"rendadesk/store"
)

// templateRows is how many rows below the header get the drop-down lists and the text format.
const templateRows = 1000

// listSheet is the hidden sheet holding the drop-down lists: a list typed into the validation itself may not
// exceed 255 characters, which 56 ethnic groups or 75 deputies would.
const listSheet = "选项"

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
	case store.ImportRectifications:
		return "整改事项导入模板"
	case store.ImportEvalTargets:
		return "评议对象导入模板"
	case store.ImportPetitions:
		return "信访登记台账导入模板"
	case store.ImportDistricts:
		return "选区导入模板"
	case store.ImportArticles: // issue 22 part 6
		return "宣传稿件导入模板"
	}
	return "建议导入模板"
}

// templateSheet is the name of the template's data sheet; a sheet of that name is read first.
func templateSheet(kind store.ImportKind) string { return kind.Label() + "导入" }

// ImportTemplate writes the downloadable import template of a kind to path: a title row, a row of notes, the
// header with 「(必填)」 in red on the columns that must be filled, one example row (the importer skips it),
// drop-down lists on the columns with fixed values and on those lists gives (column label → values: the
// office's dictionaries, groups, units … from the database), every cell formatted as text so that 1968.10
// stays 1968.10 and phone numbers keep their digits, 宋体, widths that fit the Chinese, the header frozen. The
// file is written beside path and renamed into place.
func ImportTemplate(path string, kind store.ImportKind, lists map[string][]string) error {
	if !kind.Valid() {
		return store.Errorf(store.EINVALID, "未知的导入类型「%s」", kind)
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := writeTemplate(f, kind, lists); err != nil {
		return fmt.Errorf("生成导入模板: %w", err)
	}
	return saveAtomically(f, path)
}

func writeTemplate(f *excelize.File, kind store.ImportKind, lists map[string][]string) error {
	sheet := templateSheet(kind)
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	if err := f.SetDefaultFont("宋体"); err != nil {
		return err
	}
	var cols []importColumn
	for _, c := range importColumns(kind) {
		if c.template {
			cols = append(cols, c)
		}
	}
	last, _ := excelize.ColumnNumberToName(len(cols))
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	text, err := f.NewStyle(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Family: "宋体", Size: 11},
		Alignment: &excelize.Alignment{Vertical: "center"}})
	if err != nil {
		return err
	}
	title, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 16, Bold: true},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	notes, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 10, Color: "595959"},
		Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	head, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 11, Bold: true}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Color: []string{"DDEBF7"}, Pattern: 1},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	example, _ := f.NewStyle(&excelize.Style{NumFmt: 49, Font: &excelize.Font{Family: "宋体", Size: 11, Italic: true, Color: "808080"},
		Border: border, Alignment: &excelize.Alignment{Vertical: "center"}})

	if err := f.SetColStyle(sheet, "A:"+last, text); err != nil {
		return err
	}
	if err := f.SetCellValue(sheet, "A1", templateTitle(kind)); err != nil {
		return err
	}
	f.MergeCell(sheet, "A1", last+"1")
	f.SetCellStyle(sheet, "A1", last+"1", title)
	f.SetRowHeight(sheet, 1, 30)
	f.SetCellValue(sheet, "A2", templateNotes(kind))
	f.MergeCell(sheet, "A2", last+"2")
	f.SetCellStyle(sheet, "A2", last+"2", notes)
	f.SetRowHeight(sheet, 2, 48)
	f.SetRowHeight(sheet, 3, 30)

	listCol := 0
	for i, c := range cols {
		col, _ := excelize.ColumnNumberToName(i + 1)
		runs := []excelize.RichTextRun{{Text: c.label, Font: &excelize.Font{Family: "宋体", Size: 11, Bold: true}}}
		if c.required {
			runs = append(runs, excelize.RichTextRun{Text: "(必填)", Font: &excelize.Font{Family: "宋体", Size: 11, Bold: true, Color: "C00000"}})
		}
		if err := f.SetCellRichText(sheet, col+"3", runs); err != nil {
			return err
		}
		ex := templateExample(c, lists)
		f.SetCellStr(sheet, col+"4", ex)
		width := max(displayWidth(c.label)+2, displayWidth(ex)+2, 10)
		if c.required {
			width += 8
		}
		switch c.label {
		case "标题", "内容":
			width = 36
		}
		f.SetColWidth(sheet, col, col, min(width, 40))

		values := templateChoices(c, lists)
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(fmt.Sprintf("%s4:%s%d", col, col, templateRows+3))
		if len(values) > 0 {
			listCol++
			lc, _ := excelize.ColumnNumberToName(listCol)
			if listCol == 1 {
				if _, err := f.NewSheet(listSheet); err != nil {
					return err
				}
			}
			f.SetCellStr(listSheet, lc+"1", c.label)
			for j, v := range values {
				f.SetCellStr(listSheet, fmt.Sprintf("%s%d", lc, j+2), v)
			}
			dv.SetSqrefDropList(fmt.Sprintf("'%s'!$%s$2:$%s$%d", listSheet, lc, lc, len(values)+1))
			switch {
			case c.kind == cList || c.kind == cRefs:
				dv.SetError(excelize.DataValidationErrorStyleInformation, c.label, "可以填写多个，用顿号「、」分开")
			case c.choices != nil:
				dv.SetError(excelize.DataValidationErrorStyleStop, c.label, "请从下拉列表中选择："+strings.Join(values, "、"))
			default:
				dv.SetError(excelize.DataValidationErrorStyleWarning, c.label, "不在下拉列表中；导入前请先在人大工作台的「设置」中添加，否则这一行会报错")
			}
		}
		if c.hint != "" {
			dv.SetInput(c.label, c.hint)
		}
		if len(values) > 0 || c.hint != "" {
			if err := f.AddDataValidation(sheet, dv); err != nil {
				return err
			}
		}
	}
	f.SetCellStyle(sheet, "A3", last+"3", head)
	f.SetCellStyle(sheet, "A4", last+"4", example)
	if listCol > 0 {
		if err := f.SetSheetVisible(listSheet, false); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	landscape, a4, fit := "landscape", 9, true
	f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: intPtr(1), FitToHeight: intPtr(0)})
	f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit})
	f.SetActiveSheet(0)
	return nil
}

// templateNotes is the row of instructions above the header.
func templateNotes(kind store.ImportKind) string {
	s := "填写说明：带「(必填)」的栏目必须填写，其余可以空着；更新已有记录时，空着的单元格不会清除原有内容。" +
		"日期写成 2024-03-05 或 2024年3月5日；有下拉箭头的栏目请从列表中选择；一格填多个时用顿号「、」分开。" +
		"第4行是示例，导入时自动跳过，可以直接改成真实内容或删去。栏目的先后顺序可以调整。"
	switch kind {
	case store.ImportDeputies:
		s += "出生年月写成 1968.05。"
	case store.ImportSuggestions:
		s += "编号空着时按设置自动编号；已交办的建议填写主办单位和交办日期。"
	case store.ImportPetitions:
		s += "编号空着时自动编号；已转办的填写转办单位和责任人，已答复、反馈、办结的再填写相应日期，状态按日期确定。" +
			"再次导入同一台账不会重复登记：编号相同，或收到日期、渠道、信访人和事由都相同的，按同一件信访处理。"
	case store.ImportArticles: // issue 22 part 6
		s += "级别按刊发媒体或平台填写国家级、省级、市级、县级或镇级。刊发日期、标题和媒体都相同的按同一篇稿件处理，再次导入不会重复登记。"
	}
	return s
}

// templateChoices returns the values of a column's drop-down: its fixed choices, or what lists gives.
func templateChoices(c importColumn, lists map[string][]string) []string {
	if v := lists[c.label]; len(v) > 0 {
		return v
	}
	return c.choices
}

// templateExample is the column's example value, taken from the office's own list when the built-in
// example is not on it (so the example is valid for this office).
func templateExample(c importColumn, lists map[string][]string) string {
	v := lists[c.label]
	if c.example == "" || len(v) == 0 || slices.Contains(v, c.example) || c.kind == cRefs {
		return c.example
	}
	if c.label == "领衔代表" {
		name, _, _ := strings.Cut(v[0], "(")
		return name
	}
	if strings.HasSuffix(c.example, "(示例)") { // the key column's mark, by which the importer skips the row
		return v[0] + "(示例)"
	}
	return v[0]
}
