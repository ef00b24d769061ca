package store

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The crash test of SPEC §10: a writer process is killed (SIGKILL, no chance to clean up) at random moments
// while it writes through the store, many times over; after each kill the database must pass
// integrity_check, hold every batch the writer saw committed, hold no batch in part, not be locked by the
// dead writer, and take the next writer's batches.
//
// The default run kills 20 times and takes a few seconds; `go test ./store -run TestCrash -crash.kills=500`
// (or RENDADESK_CRASH_KILLS=500) runs longer.

var crashKills = flag.Int("crash.kills", 0, "how many times TestCrash kills the writer (default 20, or $RENDADESK_CRASH_KILLS)")

const (
	envCrashDB      = "RENDADESK_CRASH_DB"      // set for the writer process: the database it writes
	envCrashBatches = "RENDADESK_CRASH_BATCHES" // the writer exits after this many batches (unset: until killed)
)

// A batch is one transaction through the public API, numbered from 1. Batch n registers a suggestion titled
// crashTitle(n) with two co-signers (SaveSuggestion: the suggestion, 2 co-signer rows, the 登记 step, its
// trigram and gram index rows and a history row), except every fourth batch, which assigns the three
// suggestions of the batches before it in one AssignMany (3 updated rows, 3 assisting-unit rows, 3 交办
// steps, 3 history rows).
func crashTitle(n int) string { return fmt.Sprintf("崩溃测试第%06d批", n) }

func assignBatch(n int) bool { return n%4 == 0 }

const (
	crashReceived = Date("2024-05-06")
	crashAssigned = Date("2024-05-10")
)

// crashRefs are the records a batch refers to.
type crashRefs struct {
	deputies     []int64
	main, assist int64
}

func crashSetup(tb testing.TB, path string) {
	tb.Helper()
	db, err := Open(path)
	must(tb, err)
	defer db.Close()
	ctx := context.Background()
	term := Term{Number: 18, Start: "2021-12-01", Current: true}
	must(tb, db.SaveTerm(ctx, &term))
	for _, name := range []string{"王建国", "李堃", "赵喆", "欧阳娜娜"} {
		d := Deputy{Name: name, Levels: []string{LevelTown}, TermID: term.ID}
		must(tb, db.SaveDeputy(ctx, &d))
	}
	for _, u := range []Unit{{Name: "镇城建办", Kind: "镇属部门"}, {Name: "镇农业农村办", Kind: "镇属部门"}} {
		must(tb, db.SaveUnit(ctx, &u))
	}
}

func crashLoadRefs(db *DB) (crashRefs, error) {
	var r crashRefs
	rows, err := db.SQL().Query(`SELECT id FROM deputies ORDER BY id`)
	if err != nil {
		return r, err
	}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return r, err
		}
		r.deputies = append(r.deputies, id)
	}
	rows.Close()
	if err := db.SQL().QueryRow(`SELECT (SELECT id FROM units WHERE name = '镇城建办'), (SELECT id FROM units WHERE name = '镇农业农村办')`).
		Scan(&r.main, &r.assist); err != nil {
		return r, err
	}
	if len(r.deputies) < 3 {
		return r, fmt.Errorf("crash fixture has %d deputies", len(r.deputies))
	}
	return r, nil
}

// crashLast returns the number of the last committed batch, as the writer resumes from it.
func crashLast(db *DB) (int, error) {
	var last int
	if err := db.SQL().QueryRow(`SELECT coalesce(max(CAST(substr(title, 6, 6) AS INTEGER)), 0) FROM suggestions
		WHERE title LIKE '崩溃测试第%批'`).Scan(&last); err != nil {
		return 0, err
	}
	if assignBatch(last + 1) {
		var handled int
		if err := db.SQL().QueryRow(`SELECT count(*) FROM suggestions WHERE title = ? AND state = ?`, crashTitle(last), StateHandling).
			Scan(&handled); err != nil {
			return 0, err
		}
		if handled > 0 {
			last++
		}
	}
	return last, nil
}

func crashWrite(ctx context.Context, db *DB, refs crashRefs, n int) error {
	if assignBatch(n) {
		var ids []int64
		for k := n - 3; k < n; k++ {
			var id int64
			if err := db.SQL().QueryRow(`SELECT id FROM suggestions WHERE title = ?`, crashTitle(k)).Scan(&id); err != nil {
				return fmt.Errorf("batch %d: suggestion of batch %d: %w", n, k, err)
			}
			ids = append(ids, id)
		}
		return db.AssignMany(ctx, ids, AssignInput{MainUnitID: refs.main, AssistUnitIDs: []int64{refs.assist}, Date: crashAssigned})
	}
	d := refs.deputies
	lead := d[n%len(d)]
	s := Suggestion{Kind: KindSuggestion, Period: PeriodRecess, Source: "代表提出", LeadDeputyID: lead,
		CosignerIDs: []int64{d[(n+1)%len(d)], d[(n+2)%len(d)]}, Title: crashTitle(n),
		Content: strings.Repeat("关于青山村道路硬化和路灯照明的建议。", 1+n%7), Category: "城乡建设", Scope: LevelTown,
		Received: crashReceived}
	return db.SaveSuggestion(ctx, &s)
}

// TestCrashWriter is the writer process TestCrash starts and kills; on its own it does nothing. It writes
// batches from the one after the last committed, and prints "batch N" once batch N's commit has returned.
func TestCrashWriter(t *testing.T) {
	path := os.Getenv(envCrashDB)
	if path == "" {
		t.Skip("the writer process of TestCrash; runs only when TestCrash starts it")
	}
	fail := func(err error) {
		fmt.Fprintln(os.Stderr, "crash writer:", err)
		os.Exit(3)
	}
	// As the program does: the single-instance lock first, then the database.
	if _, err := Lock(path); err != nil {
		fail(err)
	}
	db, err := Open(path)
	if err != nil {
		fail(err)
	}
	refs, err := crashLoadRefs(db)
	if err != nil {
		fail(err)
	}
	next, err := crashLast(db)
	if err != nil {
		fail(err)
	}
	next++
	limit, _ := strconv.Atoi(os.Getenv(envCrashBatches))
	os.Stdout.WriteString("ready " + strconv.Itoa(next) + "\n")
	ctx := context.Background()
	for n := next; limit <= 0 || n < next+limit; n++ {
		if err := crashWrite(ctx, db, refs, n); err != nil {
			fail(err)
		}
		os.Stdout.WriteString("batch " + strconv.Itoa(n) + "\n") // unbuffered: a direct write(2)
	}
	if err := db.Close(); err != nil {
		fail(err)
	}
}

// crashRun is one writer process as the parent sees it.
type crashRun struct {
	cmd      *exec.Cmd
	ready    chan struct{}
	done     chan struct{}
	reported int // the last batch the writer printed; valid after done
	stderr   bytes.Buffer
}

func startWriter(t *testing.T, path string, batches int) *crashRun {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashWriter$", "-test.count=1")
	cmd.Env = append(os.Environ(), envCrashDB+"="+path)
	if batches > 0 {
		cmd.Env = append(cmd.Env, envCrashBatches+"="+strconv.Itoa(batches))
	}
	r := &crashRun{cmd: cmd, ready: make(chan struct{}), done: make(chan struct{})}
	cmd.Stderr = &r.stderr
	out, err := cmd.StdoutPipe()
	must(t, err)
	must(t, cmd.Start())
	go func() {
		defer close(r.done)
		sc := bufio.NewScanner(out)
		readyOnce := false
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "ready ") && !readyOnce {
				readyOnce = true
				close(r.ready)
			}
			if n, ok := strings.CutPrefix(line, "batch "); ok {
				if v, err := strconv.Atoi(n); err == nil {
					r.reported = v
				}
			}
		}
	}()
	return r
}

// wait reads the writer's output to the end and reaps it; killed reports whether SIGKILL ended it.
func (r *crashRun) wait(t *testing.T) (killed bool) {
	t.Helper()
	<-r.done
	err := r.cmd.Wait()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGKILL {
			return true
		}
	}
	if err != nil {
		t.Fatalf("writer failed: %v\n%s", err, r.stderr.String())
	}
	return false
}

// crashCheck opens the database as the next start of the program would, and returns the last committed
// batch with every broken rule found.
func crashCheck(t *testing.T, path string) (last int, violations []string) {
	t.Helper()
	db, err := Open(path)
	if err != nil {
		return 0, []string{"reopen: " + err.Error()}
	}
	defer db.Close()
	q := db.SQL()
	bad := func(format string, args ...any) { violations = append(violations, fmt.Sprintf(format, args...)) }

	var ic []string
	rows, err := q.Query(`PRAGMA integrity_check`)
	must(t, err)
	for rows.Next() {
		var s string
		must(t, rows.Scan(&s))
		ic = append(ic, s)
	}
	rows.Close()
	if len(ic) != 1 || ic[0] != "ok" {
		bad("integrity_check: %q", ic)
	}
	var fk int
	must(t, q.QueryRow(`SELECT count(*) FROM pragma_foreign_key_check`).Scan(&fk))
	if fk != 0 {
		bad("foreign_key_check: %d rows", fk)
	}
	if last, err = crashLast(db); err != nil {
		bad("last batch: %v", err)
		return last, violations
	}

	// Every register batch up to last is there exactly once, with all its rows; none after it. Each row's
	// counts say whether its assign batch committed, and must agree with last.
	type counts struct {
		n                                                 int
		state                                             string
		items, cosigners, steps, assist, fts, grams, hist int
	}
	got := map[int]counts{}
	rows, err = q.Query(`SELECT CAST(substr(s.title, 6, 6) AS INTEGER), s.state, count(*) OVER (PARTITION BY s.title),
		(SELECT count(*) FROM suggestion_cosigners WHERE suggestion_id = s.id),
		(SELECT count(*) FROM suggestion_steps WHERE suggestion_id = s.id),
		(SELECT count(*) FROM suggestion_assist_units WHERE suggestion_id = s.id),
		(SELECT count(*) FROM suggestion_fts WHERE rowid = s.id),
		(SELECT count(*) FROM suggestion_grams WHERE rowid = s.id),
		(SELECT count(*) FROM history WHERE entity = 'suggestion' AND entity_id = s.id)
		FROM suggestions s WHERE s.title LIKE '崩溃测试第%批'`)
	must(t, err)
	for rows.Next() {
		var c counts
		must(t, rows.Scan(&c.n, &c.state, &c.items, &c.cosigners, &c.steps, &c.assist, &c.fts, &c.grams, &c.hist))
		got[c.n] = c
	}
	must(t, rows.Err())
	rows.Close()
	for n := 1; n <= last+4; n++ {
		if assignBatch(n) {
			continue
		}
		c, ok := got[n]
		delete(got, n)
		if n > last {
			if ok {
				bad("batch %d is there after the last committed batch %d", n, last)
			}
			continue
		}
		if !ok {
			bad("batch %d is missing (last committed %d)", n, last)
			continue
		}
		want := counts{n: n, state: StatePending, items: 1, cosigners: 2, steps: 1, fts: 1, grams: 1, hist: 1}
		if a := (n/4 + 1) * 4; a <= last {
			want.state, want.steps, want.assist, want.hist = StateHandling, 2, 1, 2
		}
		if c != want {
			bad("batch %d in part: %+v, want %+v", n, c, want)
		}
	}
	for n := range got {
		bad("unexpected batch %d", n)
	}
	// Rows that belong to no suggestion: the index and history tables have no foreign keys.
	var orphans int
	must(t, q.QueryRow(`SELECT (SELECT count(*) FROM suggestion_fts WHERE rowid NOT IN (SELECT id FROM suggestions))
		+ (SELECT count(*) FROM suggestion_grams WHERE rowid NOT IN (SELECT id FROM suggestions))
		+ (SELECT count(*) FROM history WHERE entity = 'suggestion' AND entity_id NOT IN (SELECT id FROM suggestions))`).Scan(&orphans))
	if orphans != 0 {
		bad("%d index or history rows without their suggestion", orphans)
	}
	return last, violations
}

func TestCrash(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the crash test needs SIGKILL, which Windows does not have (TerminateProcess is not the same); run it on Linux or macOS")
	}
	if os.Getenv(envCrashDB) != "" {
		t.Skip("inside the writer process")
	}
	kills := 20
	if v, err := strconv.Atoi(os.Getenv("RENDADESK_CRASH_KILLS")); err == nil && v > 0 {
		kills = v
	}
	if *crashKills > 0 {
		kills = *crashKills
	}
	if testing.Short() && kills > 5 {
		kills = 5
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	crashSetup(t, path)

	seed := time.Now().UnixNano()
	rng := rand.New(rand.NewPCG(uint64(seed), 7))
	last, violations := 0, 0
	var inFlight, early int // kills after a commit but before its report; kills before the writer was ready
	start := time.Now()
	for k := 1; k <= kills; k++ {
		w := startWriter(t, path, 0)
		var delay time.Duration
		mode := rng.IntN(10)
		if mode >= 2 {
			select {
			case <-w.ready:
			case <-w.done:
			case <-time.After(30 * time.Second):
				t.Fatal("the writer did not get ready within 30 s")
			}
		}
		switch {
		case mode < 2: // during start-up (which takes 4 to 12 ms): Open, and the recovery of the last crash's WAL
			delay = time.Duration(rng.IntN(8000)) * time.Microsecond
		case mode < 5: // just after the first write began: inside a transaction more often than not
			delay = time.Duration(rng.IntN(3000)) * time.Microsecond
		default:
			delay = time.Duration(rng.IntN(150)) * time.Millisecond
		}
		time.Sleep(delay)
		select {
		case <-w.ready:
		default:
			early++
		}
		if err := w.cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		if !w.wait(t) {
			t.Fatalf("kill %d: the writer exited by itself\n%s", k, w.stderr.String())
		}
		// The operating system dropped the killed writer's lock: the next start is not refused.
		release, err := Lock(path)
		if err != nil {
			t.Fatalf("kill %d: the killed writer's lock is still held: %v", k, err)
		}
		got, vs := crashCheck(t, path)
		release()
		for _, v := range vs {
			t.Errorf("kill %d (seed %d): %s", k, seed, v)
		}
		violations += len(vs)
		if got < last {
			t.Errorf("kill %d: the last committed batch went back from %d to %d", k, last, got)
		}
		if w.reported > got {
			t.Errorf("kill %d: the writer reported batch %d committed, the database has up to %d", k, w.reported, got)
		}
		if got > max(w.reported, last)+1 {
			t.Errorf("kill %d: batch %d is there, but only one batch can be in flight after %d", k, got, max(w.reported, last))
		}
		if got == max(w.reported, last)+1 {
			inFlight++
		}
		last = max(last, got)
		if t.Failed() {
			t.FailNow()
		}
	}
	// The next writer carries on where the last one stopped, and a writer that is not killed ends cleanly.
	w := startWriter(t, path, 8)
	if w.wait(t) {
		t.Fatal("the final writer was killed")
	}
	got, vs := crashCheck(t, path)
	for _, v := range vs {
		t.Errorf("after the final writer: %s", v)
	}
	if got != last+8 || w.reported != last+8 {
		t.Errorf("the final writer went from %d to %d (reported %d), want %d", last, got, w.reported, last+8)
	}
	t.Logf("%d kills in %v: %d batches committed, %d kills between a commit and its report, %d during start-up, %d violations",
		kills, time.Since(start).Round(time.Millisecond), got, inFlight, early, violations)
}

// TestCrashCheckFindsDamage shows that crashCheck would notice a batch written in part: each case damages a
// database of nine good batches the way a torn transaction would.
func TestCrashCheckFindsDamage(t *testing.T) {
	for _, c := range []struct {
		name, sql, want string
	}{
		{"OK", ``, ``},
		{"CosignerLost", `DELETE FROM suggestion_cosigners WHERE (suggestion_id, deputy_id) IN
			(SELECT suggestion_id, deputy_id FROM suggestion_cosigners JOIN suggestions s ON s.id = suggestion_id WHERE s.title = '` + crashTitle(2) + `' LIMIT 1)`, "batch 2 in part"},
		{"AssignHalfDone", `UPDATE suggestions SET state = '` + StatePending + `' WHERE title = '` + crashTitle(6) + `'`, "batch 6 in part"},
		{"BatchMissing", `DELETE FROM suggestions WHERE title = '` + crashTitle(5) + `'`, "batch 5 is missing"},
		{"IndexRowLost", `DELETE FROM suggestion_fts WHERE rowid = (SELECT id FROM suggestions WHERE title = '` + crashTitle(9) + `')`, "batch 9 in part"},
		{"HistoryOrphan", `INSERT INTO history (at, entity, entity_id, action) VALUES ('2024-05-06 10:00:00', 'suggestion', 9999, '新增')`, "without their suggestion"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "crash.db")
			crashSetup(t, path)
			db, err := Open(path)
			must(t, err)
			refs, err := crashLoadRefs(db)
			must(t, err)
			for n := 1; n <= 9; n++ {
				must(t, crashWrite(context.Background(), db, refs, n))
			}
			if c.sql != "" {
				if _, err := db.SQL().Exec(c.sql); err != nil {
					t.Fatal(err)
				}
			}
			must(t, db.Close())
			last, vs := crashCheck(t, path)
			if c.want == "" {
				if last != 9 || len(vs) != 0 {
					t.Fatalf("last %d, violations %q", last, vs)
				}
				return
			}
			if !strings.Contains(strings.Join(vs, "\n"), c.want) {
				t.Fatalf("want a violation %q, got %q", c.want, vs)
			}
		})
	}
}
