package cli

import "path/filepath"

// nativePath is p with the system's separator: how the commands print a path, so that on Windows a path typed
// as D:/备份/t.db reads D:\备份\t.db, the way Explorer and the window show it. Elsewhere it is unchanged.
// parse applies it to --db, so every message naming the database has it; the commands apply it to the other
// paths they print.
func nativePath(p string) string { return filepath.FromSlash(p) }
