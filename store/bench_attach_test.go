package store

import (
	"context"
	"testing"
	"time"
)

// BenchmarkStressAttachments times, on the stress database with generated attachments
// (RENDADESK_ATTACH_DB, see .ci/bench), what the window reads of them: a record's 附件 section (the list of
// the record and its parts, and the thumbnails of its images) for the records with the most attachments, and
// the totals 设置 → 数据文件 shows. None of it may read the files themselves.
func BenchmarkStressAttachments(b *testing.B) {
	db := benchDB(b, "RENDADESK_ATTACH_DB")
	ctx := context.Background()
	// The records with the most attachments of each kind: the slowest sections to show.
	var owners []Owner
	err := db.view(ctx, func(tx *Tx) error {
		return collect(tx, `SELECT owner_kind, owner_id FROM (
				SELECT owner_kind, owner_id, count(*) AS n, row_number() OVER (PARTITION BY owner_kind ORDER BY count(*) DESC) AS k
				FROM attachments GROUP BY owner_kind, owner_id) WHERE k <= 3`, nil, func(s scanner) error {
			var o Owner
			err := s.Scan(&o.Kind, &o.ID)
			owners = append(owners, o)
			return err
		})
	})
	if err != nil || len(owners) == 0 {
		b.Fatal("no attachments in RENDADESK_ATTACH_DB", err)
	}
	cases := []struct {
		name string
		run  func() error
	}{
		{"section", func() error {
			for _, o := range owners {
				rec := o
				if o.Kind == OwnerReply {
					rec = Owner{}
					if err := db.view(ctx, func(tx *Tx) (err error) { rec, err = tx.record(o); return err }); err != nil {
						return err
					}
				}
				l, err := db.Attachments(ctx, rec)
				if err != nil {
					return err
				}
				var shas []string
				for _, a := range l.Items {
					if a.IsImage() {
						shas = append(shas, a.SHA256)
					}
				}
				if _, err := db.AttachmentThumbs(ctx, shas); err != nil {
					return err
				}
			}
			return nil
		}},
		{"totals", func() error { _, err := db.AttachmentTotals(ctx); return err }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			times := make([]time.Duration, 0, b.N)
			cpu := ProcessCPU()
			for i := 0; i < b.N; i++ {
				start := time.Now()
				if err := c.run(); err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(start))
			}
			b.ReportMetric(float64((ProcessCPU()-cpu).Microseconds())/1000/float64(b.N), "cpu-ms/op")
			b.ReportMetric(benchPercentile(times, 50), "median-ms")
			b.ReportMetric(float64(len(owners)), "records")
		})
	}
}
