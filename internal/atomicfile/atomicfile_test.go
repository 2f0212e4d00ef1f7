package atomicfile_test

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/defineauth/defineauth/internal/atomicfile"
	_ "github.com/defineauth/defineauth/internal/golden" // every test binary takes -update
)

// TestWriteKeepsMode: a file the user made private stays private.
func TestWriteKeepsMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "amplify_outputs.json")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := atomicfile.Write(path, []byte("new"), nil); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", info.Mode().Perm())
	}
	fresh := filepath.Join(filepath.Dir(path), "fresh.json")
	if err := atomicfile.Write(fresh, []byte("new"), nil); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(fresh); info.Mode().Perm() != 0o644 {
		t.Errorf("new file mode %v, want 0644", info.Mode().Perm())
	}
}

// TestWriteInterrupted runs a child process that is interrupted (SIGINT) just before
// Write renames: the child must still die of the signal, the old file must be intact
// and no temporary file may be left.
func TestWriteInterrupted(t *testing.T) {
	if path := os.Getenv("DEFINEAUTH_INTERRUPT_CHILD"); path != "" {
		atomicfile.InterruptBeforeRename()
		_ = atomicfile.Write(path, []byte("new"), nil)
		time.Sleep(5 * time.Second) // the signal, delivered again, ends the process first
		os.Exit(0)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "amplify_outputs.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestWriteInterrupted$")
	cmd.Env = append(os.Environ(), "DEFINEAUTH_INTERRUPT_CHILD="+path)
	err := cmd.Run()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGINT {
		t.Fatalf("child did not die of SIGINT: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("file %q, want the old content", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left-over files: %v", entries)
	}
}

func TestWriteIsAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "amplify_outputs.json")
	if err := atomicfile.Write(path, []byte("new\n"), nil); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new\n" {
		t.Errorf("content %q", b)
	}
	if err := atomicfile.Write(filepath.Join(dir, "missing", "x.json"), []byte("x"), nil); err == nil {
		t.Error("writing into a missing folder succeeded")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left-over files: %v", entries)
	}
}

func TestSameFile(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.json")
	if err := os.WriteFile(a, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.json")
	if err := os.Symlink(a, link); err != nil {
		t.Fatal(err)
	}
	if !atomicfile.SameFile(a, link) || !atomicfile.SameFile(a, filepath.Join(dir, ".", "a.json")) {
		t.Error("a file and a link to it, or another spelling, are the same file")
	}
	if atomicfile.SameFile(a, filepath.Join(dir, "missing.json")) {
		t.Error("a missing file is not the same file")
	}
}
