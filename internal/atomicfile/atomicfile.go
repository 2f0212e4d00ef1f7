// Package atomicfile writes files so that a failure or an interrupt never leaves a
// half-written file or a stray temporary file, for the commands that write users'
// files (defineauth outputs).
package atomicfile

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
)

// Write writes data to path atomically, so a failure or an interrupt never leaves a
// half-written file or a stray temporary file; "-" writes to stdout. The data goes
// to a temporary file in the same folder, is synced to disk, and is renamed into
// place. An existing file keeps its permission bits (a new one gets 0644), and a
// symbolic link keeps pointing where it did: its target is replaced.
//
// While it runs, SIGINT, SIGTERM and SIGHUP are held: on one, the temporary file is
// removed, the old file is left as it was, and the signal is delivered again once
// Write returns, so the process still ends as the signal asks.
func Write(path string, data []byte, stdout io.Writer) (err error) {
	if path == "-" {
		_, err := stdout.Write(data)
		return err
	}
	if target, err := filepath.EvalSymlinks(path); err == nil {
		path = target
	}
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		if !info.Mode().IsRegular() {
			return fmt.Errorf("%s is not a regular file", path)
		}
		mode = info.Mode().Perm()
	}
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	defer func() {
		signal.Stop(sigs)
		select {
		case sig := <-sigs: // deliver it again, now that nothing is left behind
			if p, perr := os.FindProcess(os.Getpid()); perr == nil {
				_ = p.Signal(sig)
			}
		default:
		}
	}()
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // a no-op after the rename
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	interrupted := func() bool { return len(sigs) > 0 }
	beforeRename(interrupted)
	if interrupted() {
		return fmt.Errorf("interrupted: %s left as it was", path)
	}
	return os.Rename(tmp.Name(), path)
}

// beforeRename is a test hook: it runs just before the rename, and can ask whether a
// signal is being held.
var beforeRename = func(interrupted func() bool) {}

// SameFile reports whether a and b name the same existing file (through links and
// different spellings), so a command can refuse to write over its own input.
func SameFile(a, b string) bool {
	ia, err := os.Stat(a)
	if err != nil {
		return false
	}
	ib, err := os.Stat(b)
	return err == nil && os.SameFile(ia, ib)
}
