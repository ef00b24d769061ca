package store

import "testing"

func TestCountText(t *testing.T) {
	items := []Suggestion{{Kind: KindSuggestion}, {Kind: KindMotion}, {Kind: KindVoter}}
	d, v := CountKinds(items)
	for _, tc := range []struct {
		name        string
		dep, voters int
		want        string
	}{
		{"Both", d, v, "代表建议 2 件、选民意见建议 1 条"},
		{"DeputiesOnly", 3, 0, "代表建议 3 件"},
		{"VotersOnly", 0, 4, "选民意见建议 4 条"},
		{"None", 0, 0, "0 件"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := CountText(tc.dep, tc.voters); got != tc.want {
				t.Errorf("CountText(%d, %d) = %q, want %q", tc.dep, tc.voters, got, tc.want)
			}
		})
	}
}
