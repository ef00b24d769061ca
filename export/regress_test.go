package export

import (
	"path/filepath"
	"testing"

	"rendadesk/store"
)

// A candidate's name with a character outside the BMP once crashed the ballots (fpdf index out of range).
func TestBallotWithRareCharacterDoesNotCrash(t *testing.T) {
	m := store.Meeting{ID: 1, Kind: store.MeetingCongress, Title: "青山镇第十八届人民代表大会第三次会议", Start: "2024-01-20"}
	d := store.MeetingDetail{Elections: []store.Election{{Kind: "补选", Position: "副镇长", Seats: 1, Expected: 3, Present: 3,
		BallotsIssued: 3, BallotsReturned: 3, BallotsValid: 3, Candidates: []store.Candidate{{Name: "吉𠮷", Votes: 3, Elected: true}}}}}
	out := filepath.Join(t.TempDir(), "m.pdf")
	if err := MeetingMaterials(out, store.Settings{OfficeName: "青山镇人大主席团", Township: "青山镇"}, m, d, store.Quorum{Base: 3, Present: 3}, nil,
		MeetingPrint{Parts: []string{"选票", "选举结果报告"}}); err != nil {
		t.Fatal(err)
	}
}
