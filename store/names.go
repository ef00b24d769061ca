package store

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strconv"
	"strings"
)

// Look-ups by the names a clerk types: an item's number, a deputy's name, a unit's name. The command line
// takes them as arguments; the window offers them in pickers. Both resolve them here.

// FindSuggestion finds an item by its internal id (digits only) or its number (2024-012, 十八届三次-012).
func (db *DB) FindSuggestion(ctx context.Context, ref string) (s Suggestion, err error) {
	ref = strings.TrimSpace(ref)
	err = db.view(ctx, func(tx *Tx) error {
		s, err = tx.findSuggestion(ref)
		return err
	})
	return s, err
}

func (tx *Tx) findSuggestion(ref string) (Suggestion, error) {
	if n, err := strconv.ParseInt(ref, 10, 64); err == nil {
		// A number made only of digits is an internal id, unless there is none: then try it as a typed number.
		if s, err := tx.suggestion(n); err == nil || ErrorCode(err) != ENOTFOUND {
			return s, err
		}
	}
	var id int64
	err := tx.QueryRow(`SELECT id FROM suggestions WHERE number = ?`, ref).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return Suggestion{}, Errorf(ENOTFOUND, "没有编号为「%s」的建议", ref)
	} else if err != nil {
		return Suggestion{}, err
	}
	return tx.suggestion(id)
}

// FindDeputy finds a deputy by internal id (digits only) or exact name. Two deputies of the same name are told
// apart by their ids, which the message lists.
func (db *DB) FindDeputy(ctx context.Context, ref string) (d Deputy, err error) {
	ref = strings.TrimSpace(ref)
	if n, err := strconv.ParseInt(ref, 10, 64); err == nil {
		return db.Deputy(ctx, n)
	}
	err = db.view(ctx, func(tx *Tx) error {
		var ids []int64
		if err := collect(tx, `SELECT id FROM deputies WHERE name = ? ORDER BY id`, []any{ref}, func(s scanner) error {
			var id int64
			err := s.Scan(&id)
			ids = append(ids, id)
			return err
		}); err != nil {
			return err
		}
		switch len(ids) {
		case 0:
			return Errorf(ENOTFOUND, "没有名为「%s」的代表", ref)
		case 1:
			d, err = tx.deputy(ids[0])
			return err
		}
		same, _, err := tx.deputies(DeputyFilter{IDs: ids, Sort: "name"})
		if err != nil {
			return err
		}
		var refs []string
		for _, x := range same {
			refs = append(refs, strconv.FormatInt(x.ID, 10)+"("+x.GroupName+")")
		}
		slices.Sort(refs)
		return Errorf(EINVALID, "有%d位代表名为「%s」，请用编号指定: %s", len(same), ref, strings.Join(refs, "、"))
	})
	return d, err
}

// FindUnit finds a handling unit by its exact name, or by a part of its name that only one unit has.
func (db *DB) FindUnit(ctx context.Context, name string) (Unit, error) {
	name = strings.TrimSpace(name)
	units, err := db.Units(ctx)
	if err != nil {
		return Unit{}, err
	}
	var like []Unit
	for _, u := range units {
		if u.Name == name {
			return u, nil
		}
		if strings.Contains(u.Name, name) {
			like = append(like, u)
		}
	}
	switch len(like) {
	case 1:
		return like[0], nil
	case 0:
		return Unit{}, Errorf(ENOTFOUND, "没有名为「%s」的承办单位", name)
	}
	var ns []string
	for _, u := range like {
		ns = append(ns, u.Name)
	}
	return Unit{}, Errorf(EINVALID, "「%s」可以指%s，请写出完整的单位名称", name, strings.Join(ns, "、"))
}

// NamedSuggestion is a suggestion with the names that printed forms show beside it.
type NamedSuggestion struct {
	Suggestion
	Cosigners   []string // names of the co-signing deputies (联名代表), in the item's order
	AssistUnits []string // names of the assisting units (协办单位), in the item's order
	Station     string   // the station a voter's item came from (来源联络站), "" for none
	ReceptionOn Date     // the day of the reception it was raised at, "" for none
}

// named adds the co-signers', assisting units' and stations' names and the reception days to items, with four
// queries whatever their number.
func (tx *Tx) named(items []Suggestion) ([]NamedSuggestion, error) {
	var deputyIDs, unitIDs, stationIDs, receptionIDs []int64
	for _, s := range items {
		deputyIDs = append(deputyIDs, s.CosignerIDs...)
		unitIDs = append(unitIDs, s.AssistUnitIDs...)
		if s.StationID != 0 {
			stationIDs = append(stationIDs, s.StationID)
		}
		if s.ReceptionID != 0 {
			receptionIDs = append(receptionIDs, s.ReceptionID)
		}
	}
	stations, err := tx.namesOf("stations", stationIDs)
	if err != nil {
		return nil, err
	}
	days, err := tx.receptionDays(receptionIDs)
	if err != nil {
		return nil, err
	}
	deputies, err := tx.namesOf("deputies", deputyIDs)
	if err != nil {
		return nil, err
	}
	units, err := tx.namesOf("units", unitIDs)
	if err != nil {
		return nil, err
	}
	out := make([]NamedSuggestion, len(items))
	for i, s := range items {
		out[i].Suggestion = s
		out[i].Station, out[i].ReceptionOn = stations[s.StationID], days[s.ReceptionID]
		for _, id := range s.CosignerIDs {
			out[i].Cosigners = append(out[i].Cosigners, deputies[id])
		}
		for _, id := range s.AssistUnitIDs {
			out[i].AssistUnits = append(out[i].AssistUnits, units[id])
		}
	}
	return out, nil
}

// receptionDays maps the ids of receptions to their days.
func (tx *Tx) receptionDays(ids []int64) (map[int64]Date, error) {
	out := map[int64]Date{}
	if len(ids) == 0 {
		return out, nil
	}
	w := &where{}
	w.addIDs("id", ids)
	err := collect(tx, `SELECT id, date FROM receptions WHERE `+w.sql(), w.args, func(s scanner) error {
		var id int64
		var d Date
		err := s.Scan(&id, &d)
		out[id] = d
		return err
	})
	return out, err
}

// namesOf maps the ids of rows of table (deputies, units or stations) to their names.
func (tx *Tx) namesOf(table string, ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	if len(ids) == 0 {
		return out, nil
	}
	w := &where{}
	w.addIDs("id", ids)
	err := collect(tx, `SELECT id, name FROM `+table+` WHERE `+w.sql(), w.args, func(s scanner) error {
		var id int64
		var n string
		err := s.Scan(&id, &n)
		out[id] = n
		return err
	})
	return out, err
}
