package store

import "fmt"

// Rate and its rounding. The percentages of SPEC §5, of a report-back's results and of 「六个有」 compliance are
// Rates, printed by Rate.Percent (or Rate.Rounded for a spreadsheet cell), so that a number reads the same on
// the screen, in the workbook and in the PDF.

// Rate is a fraction of two counts: a numerator and a denominator that the clerk can check and click through.
type Rate struct {
	Num, Den int
}

// Rounded returns the fraction rounded the way Percent prints it (0.565 for 13/23 at one decimal), for a
// spreadsheet cell with a percent format that must show the same digits; false when the denominator is zero.
func (r Rate) Rounded(precision int) (float64, bool) {
	if r.Den == 0 {
		return 0, false
	}
	q, scale := r.scaled(precision)
	// One division of two exact integers gives the double nearest q/(100·scale), whose shortest form is the
	// decimal Percent prints (0.219); two divisions would round twice and leave 0.21899999999999997 in a cell.
	return float64(q) / float64(scale*100), true
}

// scaled returns round(Num/Den × 100 × 10^precision), rounding half away from zero, computed on integers so
// that 12.5% is exactly half and never 12.4999… as a float would have it.
func (r Rate) scaled(precision int) (int64, int64) {
	precision = min(max(precision, 0), 6)
	scale := int64(1)
	for i := 0; i < precision; i++ {
		scale *= 10
	}
	num, den := int64(r.Num)*100*scale, int64(r.Den)
	neg := (num < 0) != (den < 0)
	num, den = abs64(num), abs64(den)
	q, rem := num/den, num%den
	if 2*rem >= den {
		q++
	}
	if neg {
		q = -q
	}
	return q, scale
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// Percent prints the rate as a percentage with the given decimals, rounded half away from zero:
// 「56.5%」; 「—」 when the denominator is zero (never NaN or 0%).
func (r Rate) Percent(precision int) string {
	if r.Den == 0 {
		return "—"
	}
	q, scale := r.scaled(precision)
	sign := ""
	if q < 0 {
		sign, q = "-", -q
	}
	if scale == 1 {
		return fmt.Sprintf("%s%d%%", sign, q)
	}
	digits := len(fmt.Sprint(scale)) - 1
	return fmt.Sprintf("%s%d.%0*d%%", sign, q/scale, digits, q%scale)
}

// Explain shows the numerator over the denominator: 「13/23」.
func (r Rate) Explain() string { return fmt.Sprintf("%d/%d", r.Num, r.Den) }

// String is Explain.
func (r Rate) String() string { return r.Explain() }
