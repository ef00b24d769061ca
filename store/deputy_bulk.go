package store

import (
	"context"
	"slices"
)

// DeputyChange is one change made to many deputies at once (批量修改): the fields set change, the others stay.
type DeputyChange struct {
	GroupID       *int64  // 代表小组; 0: none
	District      *string // 选区
	Village       *string // 所在村(居)
	AddStation    int64   // 进站: join this station
	RemoveStation int64   // 进站: leave this station
}

// empty reports whether the change changes nothing.
func (c DeputyChange) empty() bool {
	return c.GroupID == nil && c.District == nil && c.Village == nil && c.AddStation == 0 && c.RemoveStation == 0
}

// UpdateDeputies makes the change c to the deputies with the given ids, in one transaction: each is checked
// and saved as SaveDeputy saves one, and its changes recorded in the history. When one fails nothing is
// written, and the message names the deputy.
func (db *DB) UpdateDeputies(ctx context.Context, ids []int64, c DeputyChange) error {
	if len(ids) == 0 {
		return Errorf(EINVALID, "请先勾选要修改的代表")
	}
	if c.empty() {
		return Errorf(EINVALID, "请至少选择一项要修改的内容")
	}
	if c.AddStation != 0 && c.AddStation == c.RemoveStation {
		return fieldErr("进站", "不能加入又退出同一个联络站")
	}
	return db.update(ctx, func(tx *Tx) error {
		for _, id := range ids {
			d, err := tx.deputy(id)
			if err != nil {
				return err
			}
			if c.GroupID != nil {
				d.GroupID = *c.GroupID
			}
			if c.District != nil {
				if err := tx.setTownDistrict(&d, *c.District); err != nil {
					return Errorf(ErrorCode(err), "代表「%s」：%s", d.Name, ErrorMessage(err))
				}
			}
			if c.Village != nil {
				d.Village = *c.Village
			}
			if c.AddStation != 0 && !slices.Contains(d.StationIDs, c.AddStation) {
				d.StationIDs = append(d.StationIDs, c.AddStation)
			}
			if c.RemoveStation != 0 {
				d.StationIDs = slices.DeleteFunc(d.StationIDs, func(s int64) bool { return s == c.RemoveStation })
			}
			err = d.Validate()
			if err == nil {
				err = tx.saveDeputy(&d)
			}
			if err != nil {
				return Errorf(ErrorCode(err), "代表「%s」：%s", d.Name, ErrorMessage(err))
			}
		}
		return nil
	})
}
