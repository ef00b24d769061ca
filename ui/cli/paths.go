package cli

import "path/filepath"

// shownPath is a path as the commands print it: with the system's separator, so that on Windows a path typed
// as D:/备份/t.db reads D:\备份\t.db, the way Explorer and the window show it. Elsewhere it is unchanged.
func shownPath(p string) string { return filepath.FromSlash(p) }
