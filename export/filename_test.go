package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"rendadesk/store"
)

func TestFileName(t *testing.T) {
	long := strings.Repeat("青山镇人民代表大会主席团办公室", 20) // 300 characters
	for _, c := range []struct {
		name, head, tail, ext, want string
	}{
		{"Plain", "青山镇人大主席团", "2024年度工作统计", ".xlsx", "青山镇人大主席团2024年度工作统计.xlsx"},
		{"Forbidden", `a/b:c*?`, "-备份", ".db", "a_b_c__-备份.db"},
		{"BidiAndZeroWidth", "青山\u202e镇\u200b", "名册", ".pdf", "青山镇名册.pdf"},
		{"Reserved", "con", "", ".txt", "_con.txt"},
		{"TrailingDots", "报表. ", "", ".pdf", "报表.pdf"},
		{"Empty", "", "", ".xlsx", "人大工作台.xlsx"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := FileName(c.head, c.tail, c.ext); got != c.want {
				t.Errorf("FileName = %q, want %q", got, c.want)
			}
		})
	}
	t.Run("LongHeadKeepsTailAndExt", func(t *testing.T) {
		got := FileName(long, "2024年度工作统计", ".xlsx")
		if !strings.HasSuffix(got, "…2024年度工作统计.xlsx") || !strings.HasPrefix(got, "青山镇人民代表大会") {
			t.Errorf("FileName = %q", got)
		}
		if n := utf8.RuneCountInString(got); n > maxFileNameRunes || len(got) > maxFileNameBytes {
			t.Errorf("%d characters, %d bytes", n, len(got))
		}
	})
	t.Run("LongTail", func(t *testing.T) {
		got := FileName("", long, ".pdf")
		if !strings.HasSuffix(got, "….pdf") || utf8.RuneCountInString(got) > maxFileNameRunes || len(got) > maxFileNameBytes {
			t.Errorf("FileName = %q (%d bytes)", got, len(got))
		}
	})
	t.Run("ASCIIBytes", func(t *testing.T) {
		got := FileName(strings.Repeat("x", 400), "-2024", ".xlsx")
		if len(got) > maxFileNameBytes || !strings.HasSuffix(got, "…-2024.xlsx") {
			t.Errorf("FileName = %q (%d bytes)", got, len(got))
		}
	})
}

// An office name of any length still gives report files that can be written, their year and kind kept.
func TestReportFilesOfALongOfficeName(t *testing.T) {
	office := strings.Repeat("某某省某某市某某县某某镇人民代表大会主席团", 15)
	r := Report{ReportData: store.ReportData{Settings: store.Settings{OfficeName: office, Precision: 1}, Figures: store.Figures{From: "2024-01-01", To: "2024-12-31", AsOf: "2024-12-31"}}}
	dir := t.TempDir()
	for _, f := range ReportFormats {
		name := ReportFileName(r, f)
		if !strings.HasSuffix(name, "."+f) || !strings.Contains(name, "2024年度") || len(name) > 255 {
			t.Errorf("%s: %q (%d bytes)", f, name, len(name))
		}
	}
	paths, err := WriteReport(r, dir, []string{"txt"}, nil)
	if err != nil || len(paths) != 1 {
		t.Fatalf("WriteReport: %v %v", paths, err)
	}
	if _, err := os.Stat(filepath.Join(dir, ReportFileName(r, "txt"))); err != nil {
		t.Error(err)
	}
}
