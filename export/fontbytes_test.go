package export

import (
	"bytes"
	"path/filepath"
	"testing"

	"rendadesk/assets"
)

// TestPDFLeavesTheFontAlone: making a PDF must not change the font bytes the program shares (the window's theme
// and the next PDF read them too). fpdf pads a table it checksums with append, which writes into whatever
// follows the table in the slice it was given.
func TestPDFLeavesTheFontAlone(t *testing.T) {
	before := bytes.Clone(assets.FontRegular())
	d := newDocument("青山镇人大主席团", "测试", false)
	d.addPage()
	d.paragraph("人大代表建议办理情况：答复率、办结率、满意率。", paraStyle{size: 12})
	d.font(true, 14)
	d.paragraph("表1 年度人大工作主要数据一览表", paraStyle{size: 14})
	if err := d.save(filepath.Join(t.TempDir(), "t.pdf")); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, assets.FontRegular()) {
		t.Error("the regular font's bytes changed while a PDF was made")
	}
}
