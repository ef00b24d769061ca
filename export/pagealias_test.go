package export

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestPageAliasInsideText: the page count's stand-in must not be found inside the text. With U+E000 as the
// alias, fpdf found its bytes (E0 00) across 章 and 「)」 and printed 「(盖章)」 as 「(盖稀ㄩ」 — in every document,
// since every footer has the alias. Characters ending in E0 (章 笠 …) before ASCII, and a document in parts.
func TestPageAliasInsideText(t *testing.T) {
	needPoppler(t)
	lines := []string{"（盖章）(盖章) 章) 第3章2节", "文章A 笠1 䶠x 㠠) 砠(", "鍠9 蠠0 蓠b", "章臣 章肖 笠至"}
	d := newDocument("青山镇人大主席团", "测试", false)
	d.startPart("第一部分")
	for _, l := range lines {
		d.paragraph(l, paraStyle{size: 12})
	}
	d.startPart("第二部分")
	d.paragraph(lines[0], paraStyle{size: 12})
	path := filepath.Join(t.TempDir(), "alias.pdf")
	if err := d.save(path); err != nil {
		t.Fatal(err)
	}
	text := pdfText(t, path, "-raw")
	for _, l := range lines {
		if !strings.Contains(text, l) {
			t.Errorf("「%s」 did not print as typed:\n%s", l, text)
		}
	}
	if strings.Count(text, "第1页共1页") != 2 && strings.Count(squeeze(text), "第1页共1页") != 2 {
		t.Errorf("each part is one page of one:\n%s", text)
	}
}
