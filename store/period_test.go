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
	if got := y.Until("2024-03-05"); got.To != "2024-03-05" {
		t.Errorf("Until within: %+v", got)
	}
	if got := y.Until("2025-03-05"); got != y {
		t.Errorf("Until after the end: %+v", got)
	}
}
