package store

import "testing"

func TestDistrictMatches(t *testing.T) {
	d := District{Level: LevelTown, Number: 3, Name: "联霞片区", Villages: "青山村、河东村", Seats: 2}
	for _, c := range []struct {
		q    string
		want bool
	}{
		{"3", true}, {"第3选区", true}, {"三选区", true}, {"第三选区", true}, {"13", false}, {"第13选区", false},
		{"联霞", true}, {"河东村", true}, {"河东", true}, {"青山 联霞", true}, {"青山 河西", false}, {"河西村", false},
		{"", true}, {"30", false},
	} {
		t.Run(c.q, func(t *testing.T) {
			if got := d.Matches(c.q); got != c.want {
				t.Errorf("%q matches %s: %v, want %v", c.q, d.Label(), got, c.want)
			}
		})
	}
}
