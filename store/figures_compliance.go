package store

// The work rules' figures (issue 22): the compliance table of the year that holds the last day counted, as of
// that day, beside the other figures so that the 报表 tab, the workbook and the PDF read the same numbers.
// The rules measure a calendar year (quarters and months), so a period shorter than a year still shows its
// year up to the day counted; the 口径 of each row is ComplianceDefinition.

// complianceFigures fills in f.Compliance and f.ComplianceYear; a period not begun yet has none (0).
func (tx *Tx) complianceFigures(f *Figures) error {
	last := f.CountedOn()
	if last < f.From {
		return nil
	}
	f.ComplianceYear = last.Year()
	var err error
	f.Compliance, err = tx.compliance(f.ComplianceYear, last)
	return err
}
