// Package golden compares test output with committed files under testdata. The files
// change only when the tests run with -update (go test ./... -update); read the diff
// before committing it.
package golden

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Update is the -update flag: rewrite golden files instead of comparing. Every test
// package of this module imports this package, so `go test ./... -update` is accepted
// by every test binary.
var Update = flag.Bool("update", false, "rewrite golden files under testdata instead of comparing with them")

// Compare fails t unless got equals the content of the file at path; with -update it
// writes got to path instead.
func Compare(t testing.TB, path string, got []byte) {
	t.Helper()
	if *Update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("golden file %s: %v (run go test ./... -update to create it)", path, err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (-want +got; run go test ./... -update and read the diff):\n%s", path, cmp.Diff(string(want), string(got)))
	}
}

// ReadAll returns the contents of every file matching the glob patterns, in pattern
// then path order, failing tb when a file cannot be read.
func ReadAll(tb testing.TB, patterns ...string) [][]byte {
	tb.Helper()
	var out [][]byte
	for _, pattern := range patterns {
		files, err := filepath.Glob(pattern)
		if err != nil {
			tb.Fatal(err)
		}
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				tb.Fatal(err)
			}
			out = append(out, data)
		}
	}
	return out
}

// Section fails t unless the part of the file at path between the lines begin and
// end (both ending in "\n") is body; with -update it writes body there instead.
// The README's generated tables use it.
func Section(t testing.TB, path, begin, end, body string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(raw)
	i, j := strings.Index(text, begin), strings.Index(text, end)
	if i < 0 || j < i {
		t.Fatalf("%s has no %q ... %q section", path, begin, end)
	}
	want := text[:i+len(begin)] + body + text[j:]
	if *Update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if text != want {
		t.Errorf("%s: the section after %q is out of date (-want +got; run the tests with -update and read the diff):\n%s",
			path, strings.TrimSpace(begin), cmp.Diff(want[i:], text[i:]))
	}
}

// Each runs f as a subtest for every file matching pattern, named after the file
// without suffix ("../testdata/configs/*.json", ".json"), and fails t when fewer
// than min files match (a moved directory must not make a test pass vacuously).
func Each(t *testing.T, pattern, suffix string, min int, f func(t *testing.T, name, path string)) {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < min {
		t.Fatalf("want at least %d files matching %s, found %d", min, pattern, len(files))
	}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), suffix)
		t.Run(name, func(t *testing.T) { f(t, name, path) })
	}
}
