package export

// publicity is the report's 宣传 paragraph (issue 22 part 6), in the seeds' words: 「发表人大宣传稿件105篇，其中
// 国家级2篇、省级28篇…，编印《人大通讯》12期。」 — the counts of store.PublicityFigures.Sentence; "" when the period
// has neither pieces nor issues.
func (r reportWriter) publicity() string {
	s := r.f.Publicity.Sentence()
	if s == "" {
		return ""
	}
	return "宣传工作方面，" + r.w.town + "人大" + s
}
