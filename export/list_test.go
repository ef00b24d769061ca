package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/xuri/excelize/v2"
)

func TestListXLSX(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "代表名册.xlsx")
	rows := [][]string{{"王建国", "镇级、县级", "=1+1"}, {"李堃", "镇级", "@home"}, {"赵喆", "", "+86 138"}}
	if err := ListXLSX(path, "青山镇人大代表名册: 2024", []string{"姓名", "层级", "备注"}, rows); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	if sheet != "青山镇人大代表名册- 2024" {
		t.Errorf("sheet name %q", sheet)
	}
	got, _ := f.GetRows(sheet)
	if got[0][0] != "青山镇人大代表名册: 2024" || got[1][1] != "层级" || got[2][0] != "王建国" || got[4][0] != "赵喆" {
		t.Fatalf("rows %q", got)
	}
	for _, cell := range []string{"C3", "C4", "C5"} {
		if fml, _ := f.GetCellFormula(sheet, cell); fml != "" {
			t.Errorf("%s became a formula %q", cell, fml)
		}
	}
	if v, _ := f.GetCellValue(sheet, "C3"); v != "=1+1" {
		t.Errorf("C3 = %q, want the text =1+1", v)
	}
	if w, _ := f.GetColWidth(sheet, "A"); w < 6 {
		t.Errorf("column A width %v", w)
	}
	if m, _ := f.GetMergeCells(sheet); len(m) != 1 || m[0].GetStartAxis() != "A1" || m[0].GetEndAxis() != "C1" {
		t.Errorf("merged %v", m)
	}
	// It prints on A4 landscape, fitted to the page's width, the title and header on every page.
	layout, err := f.GetPageLayout(sheet)
	if err != nil || layout.Size == nil || *layout.Size != 9 || layout.Orientation == nil || *layout.Orientation != "landscape" ||
		layout.FitToWidth == nil || *layout.FitToWidth != 1 || layout.FitToHeight == nil || *layout.FitToHeight != 0 {
		t.Errorf("page layout %+v (%v), want A4 landscape fitted to one page wide", layout, err)
	}
	if props, _ := f.GetSheetProps(sheet); props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("sheet not set to fit the page: %+v", props)
	}
	if titles := f.GetDefinedName(); len(titles) != 1 || titles[0].RefersTo != "'"+sheet+"'!$1:$2" {
		t.Errorf("print titles %+v", titles)
	}
	if err := colsInOrder(partOf(t, path, "xl/worksheets/sheet1.xml")); err != nil {
		t.Error(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
}

func TestListXLSXReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can write into read-only folders")
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	err := ListXLSX(filepath.Join(dir, "x.xlsx"), "t", []string{"a"}, nil)
	if err == nil || !strings.Contains(err.Error(), "无法在文件夹") {
		t.Fatalf("read-only folder: %v", err)
	}
}

func TestSheetName(t *testing.T) {
	for in, want := range map[string]string{"a:b": "a-b", "": "Sheet1", strings.Repeat("表", 40): strings.Repeat("表", 31), "x/y?z*[1]": "x-y-z--1-"} {
		if got := SheetName(in); got != want {
			t.Errorf("SheetName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestDisplayWidthEveryRune: displayWidth's shortcuts give every character the width of the rule it stands
// for — 2 for Han, CJK punctuation (U+3000–U+303F) and full-width forms (U+FF00–U+FFEF), 1 for the rest.
func TestDisplayWidthEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // not a character a string can hold
		}
		want := 1.0
		if unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF) {
			want = 2
		}
		if got := displayWidth(string(r)); got != want {
			t.Fatalf("displayWidth(%U) = %v, want %v", r, got, want)
		}
	}
}
