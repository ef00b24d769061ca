package store

import (
	"fmt"
	"strings"
)

// The office's measure words for items (seed 000, table T1): a deputy's suggestion or motion is counted in
// 件, a voter's opinion in 条. Lists, notices and forms all count with these.

// CountKinds counts items raised by deputies (议案, 建议、批评和意见) and voters' opinions (选民意见建议).
func CountKinds(items []Suggestion) (deputies, voters int) {
	for _, s := range items {
		if s.Kind == KindVoter {
			voters++
		} else {
			deputies++
		}
	}
	return deputies, voters
}

// CountText says how many items there are in the office's words: 「代表建议 3 件、选民意见建议 2 条」, or only
// the part there is; 「0 件」 for none.
func CountText(deputies, voters int) string {
	var parts []string
	if deputies > 0 {
		parts = append(parts, fmt.Sprintf("代表建议 %d 件", deputies))
	}
	if voters > 0 {
		parts = append(parts, fmt.Sprintf("选民意见建议 %d 条", voters))
	}
	if len(parts) == 0 {
		return "0 件"
	}
	return strings.Join(parts, "、")
}
