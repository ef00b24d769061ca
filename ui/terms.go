package ui

import "rendadesk/store"

// termsOf returns the terms of one level, in the store's order (newest first).
func termsOf(all []store.Term, level string) []store.Term {
	var out []store.Term
	for _, t := range all {
		if t.Level == level {
			out = append(out, t)
		}
	}
	return out
}
