package export

import (
	"fmt"

	"rendadesk/store"
)

// termChange is the sentence of a 换届 year (seed 004's 「换届」 reports): the new term, its town deputies and
// how many of them are 新任 and 连任, counted as T6 counts them on the report's last day.
func (r reportWriter) termChange() string {
	t := r.f.NewTerm
	if t == nil {
		return ""
	}
	for _, l := range r.f.Deputies.ByLevel {
		if l.Level == t.Level && l.Deputies > 0 {
			return fmt.Sprintf("%s，%s第%s届人民代表大会开始履职，新一届%s%d名，其中连任%d名、新任%d名。",
				t.Start.Chinese(), r.w.town, store.ChineseNumber(t.Number), r.levelDeputy(l.Level), l.Deputies, l.Returning, l.New)
		}
	}
	return fmt.Sprintf("%s，%s第%s届人民代表大会开始履职。", t.Start.Chinese(), r.w.town, store.ChineseNumber(t.Number))
}
