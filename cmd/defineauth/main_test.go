package main

import (
	"bytes"
	"os"
	"strings"
	"syscall"
	"testing"

	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/internal/golden"
	"github.com/defineauth/defineauth/rules"
)

func TestCLI(t *testing.T) {
	shop, err := os.ReadFile("../../testdata/configs/shop-example.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name        string
		args        []string
		stdin       string
		code        int
		stdout      string // golden file, or text the output must contain
		stderr      string // text stderr must contain
		emptyStdout bool
	}{
		{name: "validate valid", args: []string{"validate", "../../examples/shop.json"}, code: 0, stdout: "../../examples/shop.json: valid\n"},
		{name: "validate warnings", args: []string{"validate", "../../testdata/configs/dev-destroy.json"}, code: 0, stdout: "valid, 2 warnings"},
		{name: "validate invalid lists every problem", args: []string{"validate", "../../testdata/rules/DA003/fail-others.json"}, code: 1,
			stdout: "../../testdata/rules/DA003/fail-others.json: DA003 accountRecovery: unknown value \"EMAIL\""},
		{name: "validate decode problems", args: []string{"validate", "../../testdata/rules/DA101/fail.json"}, code: 1, stdout: `did you mean "multifactor"?`},
		{name: "validate stdin", args: []string{"validate", "-"}, stdin: string(shop), code: 0, stdout: "<stdin>: valid\n"},
		{name: "validate stdin invalid", args: []string{"validate", "-"}, stdin: `{"name": "x"}`, code: 1, stdout: "<stdin>: DA002 loginWith"},
		{name: "missing file", args: []string{"validate", "nope.json"}, code: 2, stderr: "cannot read nope.json: no such file or directory", emptyStdout: true},
		{name: "no file", args: []string{"validate"}, code: 2, stderr: "expected one config file, got 0", emptyStdout: true},
		{name: "two files", args: []string{"synth", "a.json", "b.json"}, code: 2, stderr: "expected one config file, got 2", emptyStdout: true},
		{name: "no command", args: nil, code: 2, stderr: "usage:", emptyStdout: true},
		{name: "unknown command", args: []string{"deploy"}, code: 2, stderr: `unknown command "deploy"`, emptyStdout: true},
		{name: "unknown flag", args: []string{"validate", "-x", "f.json"}, code: 2, stderr: "flag provided but not defined", emptyStdout: true},
		{name: "synth", args: []string{"synth", "../../testdata/configs/shop-example.json"}, code: 0, stdout: "../../testdata/golden/shop-example.template.json"},
		{name: "synth stdin", args: []string{"synth", "-"}, stdin: string(shop), code: 0, stdout: "../../testdata/golden/shop-example.template.json"},
		{name: "synth invalid prints no template", args: []string{"synth", "../../testdata/rules/R6/fail.json"}, code: 1, stderr: "R6 accountRecovery", emptyStdout: true},
		{name: "synth warnings go to stderr", args: []string{"synth", "../../testdata/configs/dev-destroy.json"}, code: 0,
			stdout: "../../testdata/golden/dev-destroy.template.json", stderr: "DA009 warning removalPolicy"},
		{name: "rules", args: []string{"rules"}, code: 0, stdout: "R13    error / warning config, lint           SMS MFA needs users to have a phone number\n"},
		{name: "validate a duplicate key", args: []string{"validate", "../../testdata/rules/DA103/fail.json"}, code: 1,
			stdout: "DA103 multifactor.mode: line 7, column 5"},
		{name: "validate a name from the file name", args: []string{"validate", "../../testdata/rules/DA011/fail-warning.json"}, code: 0,
			stdout: `DA011 warning name: name "fail-warning" is derived from the file name`},
		{name: "validate stdin without a name", args: []string{"validate", "-"}, stdin: `{"loginWith": {"email": true}}`, code: 1, stdout: "<stdin>: DA001 name: name is not set"},
		{name: "validate a folder", args: []string{"validate", "../../testdata"}, code: 2, stderr: "cannot read ../../testdata: is a directory", emptyStdout: true},
		{name: "validate an endless file", args: []string{"validate", "/dev/zero"}, code: 1, stdout: "DA100: the input is larger than 1 MiB"},
		{name: "synth at the size bound", args: []string{"synth", "-"}, stdin: strings.Repeat(" ", config.MaxConfigSize+1), code: 1, stderr: "larger than 1 MiB", emptyStdout: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, strings.NewReader(tt.stdin), &stdout, &stderr)
			if code != tt.code {
				t.Errorf("exit code %d, want %d\nstdout: %s\nstderr: %s", code, tt.code, stdout.String(), stderr.String())
			}
			switch {
			case strings.HasSuffix(tt.stdout, ".template.json"):
				golden.Compare(t, tt.stdout, stdout.Bytes())
			case !strings.Contains(stdout.String(), tt.stdout):
				t.Errorf("stdout %q does not contain %q", stdout.String(), tt.stdout)
			}
			if !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), tt.stderr)
			}
			if tt.emptyStdout && stdout.Len() > 0 {
				t.Errorf("stdout should be empty, got %q", stdout.String())
			}
		})
	}
}

// TestValidateReportsEveryProblemOnItsOwnLine: one line per problem, each naming the
// file, so CI logs point at the config.
func TestValidateReportsEveryProblemOnItsOwnLine(t *testing.T) {
	path := "../../testdata/rules/DA005/fail-custom.json"
	var stdout, stderr bytes.Buffer
	if code := run([]string{"validate", path}, nil, &stdout, &stderr); code != 1 {
		t.Fatalf("exit %d", code)
	}
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if want := len(cfg.Check()); len(lines) != want {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), want, stdout.String())
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, path+": DA005 ") {
			t.Errorf("line %q", l)
		}
	}
}

// TestSynthEnvironment: synth needs no Node.js; what the machine lacks (a writable
// standard output) is exit 2 with one line, distinct from an invalid config (exit 1).
func TestSynthEnvironment(t *testing.T) {
	t.Run("no node on PATH: synth is pure Go", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		var stdout, stderr bytes.Buffer
		code := run([]string{"synth", "../../testdata/configs/shop-example.json"}, nil, &stdout, &stderr)
		if code != 0 || stderr.Len() > 0 {
			t.Fatalf("exit %d, stderr %q", code, stderr.String())
		}
		golden.Compare(t, "../../testdata/golden/shop-example.template.json", stdout.Bytes())
	})
	t.Run("standard output not writable", func(t *testing.T) {
		var stderr bytes.Buffer
		code := run([]string{"validate", "../../examples/shop.json"}, nil, failingWriter{}, &stderr)
		if code != 2 || !strings.Contains(stderr.String(), "cannot write standard output: no space left on device") {
			t.Errorf("exit %d, stderr %q", code, stderr.String())
		}
	})
}

// failingWriter fails like a full disk.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, syscall.ENOSPC }

func TestRulesListsEveryRule(t *testing.T) {
	var stdout bytes.Buffer
	run([]string{"rules"}, nil, &stdout, &stdout)
	for _, r := range rules.All() {
		if !strings.Contains(stdout.String(), r.ID+" ") {
			t.Errorf("rules output lacks %s", r.ID)
		}
	}
}
