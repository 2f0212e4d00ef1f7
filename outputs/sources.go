package outputs

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"syscall"

	"github.com/defineauth/defineauth/internal/strictjson"
)

// FromCDKOutputsFile picks the defineauth stack's outputs from the file that
// `cdk deploy --outputs-file` writes ({"StackName": {"OutputName": "value"}}). With
// stack empty, the file must hold exactly one defineauth stack. It returns the
// outputs and the stack's name.
func FromCDKOutputsFile(data []byte, stack string) (map[string]string, string, error) {
	const want = `want {"StackName": {"Output": "value"}}`
	doc, err := strictjson.Parse(data)
	if err != nil {
		return nil, "", fmt.Errorf("not a cdk outputs file: %v", err)
	}
	top, ok := doc.(map[string]any)
	if !ok {
		return nil, "", fmt.Errorf("not a cdk outputs file (%s)", want)
	}
	stacks := map[string]map[string]string{}
	for name, v := range top {
		outs, ok := v.(map[string]any)
		if !ok {
			return nil, "", fmt.Errorf("not a cdk outputs file: stack %q is not an object (%s)", excerpt(name), want)
		}
		stacks[name] = map[string]string{}
		for k, x := range outs {
			s, ok := x.(string)
			if !ok {
				return nil, "", fmt.Errorf("not a cdk outputs file: output %s of stack %q is not a string (%s)", excerpt(k), excerpt(name), want)
			}
			stacks[name][k] = s
		}
	}
	if stack != "" {
		out, ok := stacks[stack]
		if !ok {
			return nil, "", fmt.Errorf("no stack %q in the file; it has: %s", stack, stackNames(stacks))
		}
		if !IsDefineAuth(out) {
			return nil, "", fmt.Errorf("stack %q has no defineauth outputs (no %s output): is it the auth stack?", stack, Marker)
		}
		return out, stack, nil
	}
	var candidates []string
	for name, out := range stacks {
		if IsDefineAuth(out) {
			candidates = append(candidates, name)
		}
	}
	sort.Strings(candidates)
	switch len(candidates) {
	case 0:
		return nil, "", fmt.Errorf("no defineauth stack in the file (stacks: %s); deploy one with cdk deploy --outputs-file", stackNames(stacks))
	case 1:
		return stacks[candidates[0]], candidates[0], nil
	}
	return nil, "", fmt.Errorf("several defineauth stacks in the file (%s): choose one with --stack", strings.Join(candidates, ", "))
}

// stackNames lists the file's stack names for an error message.
func stackNames(stacks map[string]map[string]string) string {
	if len(stacks) == 0 {
		return "none"
	}
	return strings.Join(slices.Sorted(maps.Keys(stacks)), ", ")
}

// ErrNotDefineAuth is wrapped by FromCloudFormation's error when the stack exists but
// is not a defineauth stack (a wrong input, not an unreachable one).
var ErrNotDefineAuth = errors.New("not a defineauth stack")

// StackReader reads a deployed stack's outputs (name -> value); awscli.Client
// implements it with the AWS CLI, and tests use a fake (package outputstest).
type StackReader interface {
	StackOutputs(ctx context.Context, stack string) (map[string]string, error)
}

// FromCloudFormation reads a deployed defineauth stack's outputs.
func FromCloudFormation(ctx context.Context, api StackReader, stack string) (map[string]string, error) {
	out, err := api.StackOutputs(ctx, stack)
	if err != nil {
		return nil, err
	}
	if !IsDefineAuth(out) {
		return nil, fmt.Errorf("%w: stack %s has no %s output; is it the auth stack, and deployed with this version?", ErrNotDefineAuth, stack, Marker)
	}
	return out, nil
}

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
