//go:build !unix && !windows

package assets

// mapFile cannot map files here: the caller reads the file instead.
func mapFile(string) ([]byte, func()) { return nil, nil }
