// Package golambda builds Go Lambda functions from your own module when the CDK app
// synthesizes: the go command cross-compiles a main package into the "bootstrap"
// executable of the provided.al2023 runtime. No Docker and no network are needed
// (modules come from the module cache, as for any build), and the build is
// reproducible (-trimpath, no VCS stamp, no build id), so an unchanged function
// keeps its asset hash and is not redeployed.
//
// Build is pure Go (os/exec); NewFunction wraps it in a CDK function.
package golambda

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Architectures Lambda runs Go on, as GOARCH names.
const (
	ARM64 = "arm64" // Graviton: the default, cheaper per millisecond
	AMD64 = "amd64"
)

// BuildOptions says what to build.
type BuildOptions struct {
	// Package is the main package: an import path, or a directory relative to Dir
	// starting with "./" ("./cmd/presignup").
	Package string
	// Dir is where the go command runs: a directory of the module that holds
	// Package. Default: the current directory.
	Dir string
	// Arch is ARM64 or AMD64. Default: ARM64.
	Arch string
	// Tags are extra build tags; "lambda.norpc" is always set (provided.al2023
	// does not use the RPC mode, and leaving it out makes the binary smaller).
	Tags []string
}

// Build compiles opts.Package into out/bootstrap, creating out. The error carries
// the go command's own output when compilation fails.
func Build(ctx context.Context, opts BuildOptions, out string) error {
	if opts.Package == "" {
		return errors.New("golambda: no package to build")
	}
	arch := opts.Arch
	if arch == "" {
		arch = ARM64
	}
	if arch != ARM64 && arch != AMD64 {
		return fmt.Errorf("golambda: architecture %q: use %q or %q", arch, ARM64, AMD64)
	}
	goTool, err := exec.LookPath("go")
	if err != nil {
		return fmt.Errorf("golambda: the go command is needed to build %s: %w", opts.Package, err)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("golambda: %w", err)
	}
	tags := append([]string{"lambda.norpc"}, opts.Tags...)
	cmd := exec.CommandContext(ctx, goTool, "build", "-trimpath", "-buildvcs=false", "-ldflags=-s -w -buildid=",
		"-tags", strings.Join(tags, ","), "-o", filepath.Join(out, "bootstrap"), opts.Package)
	cmd.Dir = opts.Dir
	cmd.Env = append(os.Environ(), "GOOS=linux", "GOARCH="+arch, "CGO_ENABLED=0")
	var output bytes.Buffer
	cmd.Stdout, cmd.Stderr = &output, &output
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(output.String())
		if msg == "" {
			msg = err.Error()
		}
		return fmt.Errorf("golambda: building %s for linux/%s failed:\n%s", opts.Package, arch, msg)
	}
	return nil
}
