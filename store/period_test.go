package store

import "testing"

func TestPeriod(t *testing.T) {
	y := YearPeriod(2024)
	if y.From != "2024-01-01" || y.To != "2024-12-31" || !y.IsYear() || y.Chinese() != "2024年" {
		t.Errorf("YearPeriod(2024) = %+v %q", y, y.Chinese())
	}
	half := Period{"2024-01-01", "2024-06-30"}
	if half.IsYear() || half.Chinese() != "2024年1月1日至2024年6月30日" {
		t.Errorf("half year: %v %q", half.IsYear(), half.Chinese())
	}
	if (Period{"2024-01-01", "2025-12-31"}).IsYear() || (Period{}).IsYear() {
		t.Error("two years or no period read as one year")
	}
	for d, want := range map[Date]bool{"2023-12-31": false, "2024-01-01": true, "2024-12-31": true, "2025-01-01": false} {
		if y.Contains(d) != want {
			t.Errorf("Contains(%s) = %v", d, !want)
		}
	}
	if !(Period{From: "2024-01-01"}).Contains("2099-01-01") {
		t.Error("an open end does not contain a late day")
	}
	if got := y.Until("2024-03-05"); got.To != "2024-03-05" {
		t.Errorf("Until within: %+v", got)
	}
	if got := y.Until("2025-03-05"); got != y {
		t.Errorf("Until after the end: %+v", got)
	}
}
