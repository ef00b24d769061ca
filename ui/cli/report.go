package cli

import (
	"rendadesk/store"
)

// reportToday is the day a report is made on: the database's clock unless the command line says otherwise.
func reportToday(db *store.DB, today store.Date) store.Date {
	if today != "" {
		return today
	}
	return store.DateOf(db.Now())
}
