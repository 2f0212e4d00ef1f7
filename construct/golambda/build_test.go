package golambda_test

import (
	"context"
	"debug/elf"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/defineauth/defineauth/construct/golambda"
	_ "github.com/defineauth/defineauth/internal/golden" // accepts -update (go test ./... -update)
)

// module writes a one-package module with main.go = src and returns its directory.
func module(t *testing.T, src string) string {
	dir := t.TempDir()
	for name, body := range map[string]string{"go.mod": "module example.test/fn\n\ngo 1.26\n", "main.go": src} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestBuild(t *testing.T) {
	t.Setenv("GOPROXY", "off")
	dir := module(t, "package main\n\nfunc main() {}\n")
	for _, tc := range []struct {
		arch string
		want elf.Machine
	}{{"", elf.EM_AARCH64}, {golambda.AMD64, elf.EM_X86_64}} {
		out := t.TempDir()
		if err := golambda.Build(context.Background(), golambda.BuildOptions{Package: ".", Dir: dir, Arch: tc.arch}, out); err != nil {
			t.Fatal(err)
		}
		e, err := elf.Open(filepath.Join(out, "bootstrap"))
		if err != nil {
			t.Fatal(err)
		}
		if e.Machine != tc.want || e.Class != elf.ELFCLASS64 {
			t.Errorf("arch %q: built %v, want %v", tc.arch, e.Machine, tc.want)
		}
		e.Close()
	}
}

// TestBuildIsReproducible: two builds give the same bytes, so the asset hash and
// with it the deployed function stay the same while the code does.
func TestBuildIsReproducible(t *testing.T) {
	t.Setenv("GOPROXY", "off")
	dir := module(t, "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(\"hi\") }\n")
	var bins []string
	for range 2 {
		out := t.TempDir()
		if err := golambda.Build(context.Background(), golambda.BuildOptions{Package: ".", Dir: dir}, out); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(filepath.Join(out, "bootstrap"))
		bins = append(bins, string(b))
	}
	if bins[0] != bins[1] || len(bins[0]) == 0 {
		t.Error("two builds of the same code differ")
	}
}

func TestBuildErrors(t *testing.T) {
	broken := module(t, "package main\n\nfunc main() { undefinedThing() }\n")
	for _, tc := range []struct {
		name string
		opts golambda.BuildOptions
		want string
	}{
		{"no package", golambda.BuildOptions{}, "no package"},
		{"bad architecture", golambda.BuildOptions{Package: ".", Arch: "386"}, `architecture "386"`},
		{"compile error", golambda.BuildOptions{Package: ".", Dir: broken}, "undefined: undefinedThing"},
	} {
		err := golambda.Build(context.Background(), tc.opts, t.TempDir())
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want an error with %q", tc.name, err, tc.want)
		}
	}
}
