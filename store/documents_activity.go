package store

import "context"

// Print sizes of attached photos, the longest side in pixels: 300 dpi for a 1-inch photo on the 履职档案, about
// 150 dpi for the photos of an activity record (two across an A4 page).
const (
	deputyPhotoSide   = 600
	activityPhotoSide = 1200
)

// ActivityDoc is what a meeting's or activity's 活动记录 prints: the meeting with what was recorded at it, its
// photos (those of the meeting and of its agenda items) and the names of its other attachments.
type ActivityDoc struct {
	Settings Settings
	Meeting  Meeting
	Detail   MeetingDetail
	Photos   []ActivityPhoto
	Files    []Attachment // the attachments that are not pictures (a report, the signed 测评 tally …)
}

// ActivityPhoto is an attached photo ready to print, with its caption and date.
type ActivityPhoto struct {
	Attachment
	Image *PrintImage
}

// ActivityDoc reads the 活动记录 of the meeting with id id.
func (db *DB) ActivityDoc(ctx context.Context, id int64) (doc ActivityDoc, err error) {
	err = db.view(ctx, func(tx *Tx) error {
		if doc.Settings, err = readSettings(tx); err != nil {
			return err
		}
		if doc.Meeting, err = tx.meeting(id); err != nil {
			return err
		}
		if doc.Detail, err = tx.meetingDetail(id); err != nil {
			return err
		}
		files, err := tx.attachments(Owner{OwnerMeeting, id})
		if err != nil {
			return err
		}
		for _, a := range files.Items {
			if !a.IsImage() {
				doc.Files = append(doc.Files, a)
				continue
			}
			img, err := tx.printable(a, activityPhotoSide)
			if err != nil {
				return err
			}
			doc.Photos = append(doc.Photos, ActivityPhoto{Attachment: a, Image: img})
		}
		return nil
	})
	return doc, err
}
