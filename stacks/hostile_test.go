package stacks_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/construct/spec"
	"github.com/defineauth/defineauth/lint"
	"github.com/defineauth/defineauth/stacks"
)

// TestValidConfigsAtTheLimitsSynthesize: configs at the edges of what validation
// accepts (the longest name with every allowed character, the most groups with the
// longest names, look-alike group names) synthesize without a panic, and the
// template stays within CloudFormation's limits and lints clean.
func TestValidConfigsAtTheLimitsSynthesize(t *testing.T) {
	longName := strings.Repeat("a+=,.@-_ ", 13)[:config.MaxNameLength]
	var groups []string
	for i := range 247 { // 6 resources + 247 groups with their roles = 500, CloudFormation's limit
		groups = append(groups, fmt.Sprintf("%03d", i)+strings.Repeat("é", 125))
	}
	for _, tc := range []struct {
		name string
		cfg  config.Config
	}{
		{"longest name", config.Config{Name: longName, LoginWith: config.LoginWith{Email: true}}},
		{"most groups, longest names", config.Config{Name: "groups", LoginWith: config.LoginWith{Email: true}, Groups: groups}},
		{"look-alike groups", config.Config{Name: "groups", LoginWith: config.LoginWith{Email: true}, Groups: []string{"team/a", "team-a", "team.a", "${notatoken}"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.cfg.Validate(); err != nil {
				t.Fatalf("the case must be valid: %v", err)
			}
			tmpl, err := stacks.Template(&tc.cfg)
			if err != nil {
				t.Fatal(err)
			}
			if len(tmpl) > 1<<20 {
				t.Errorf("template is %d bytes, over CloudFormation's 1 MiB", len(tmpl))
			}
			var doc struct {
				Resources map[string]any
				Outputs   map[string]struct{ Export struct{ Name string } }
			}
			if err := json.Unmarshal(tmpl, &doc); err != nil {
				t.Fatal(err)
			}
			if n := len(doc.Resources); n > config.MaxResources || n != tc.cfg.ResourceCount() {
				t.Errorf("%d resources; ResourceCount says %d", n, tc.cfg.ResourceCount())
			}
			for name, o := range doc.Outputs {
				if len(o.Export.Name) > 255 {
					t.Errorf("export name of output %s is %d characters", name, len(o.Export.Name))
				}
			}
			if findings, err := lint.Template(tmpl); err != nil || lint.HasErrors(findings) {
				t.Errorf("lint: %v %v", err, findings)
			}
		})
	}
}

// TestTemplateEnvironmentErrors: what the machine lacks is an EnvironmentError with
// one line saying what to do, never a panic; a config problem is not one.
func TestTemplateEnvironmentErrors(t *testing.T) {
	cfg := &config.Config{Name: "env", LoginWith: config.LoginWith{Email: true}}
	t.Run("no node on PATH", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		t.Setenv("JSII_NODE", "")
		_, err := stacks.Template(cfg)
		var env *stacks.EnvironmentError
		if !errors.As(err, &env) || !strings.Contains(err.Error(), "Node.js is not installed") || strings.Contains(err.Error(), "\n") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("unusable temporary directory", func(t *testing.T) {
		t.Setenv("TMPDIR", "/nonexistent/defineauth")
		_, err := stacks.Template(cfg)
		var env *stacks.EnvironmentError
		if !errors.As(err, &env) || !strings.Contains(err.Error(), "set TMPDIR") {
			t.Fatalf("got %v", err)
		}
	})
	t.Run("an invalid config is not the environment's", func(t *testing.T) {
		_, err := stacks.Template(&config.Config{Name: "x"})
		var env *stacks.EnvironmentError
		if err == nil || errors.As(err, &env) {
			t.Fatalf("got %v", err)
		}
	})
}

// TestFuzzedConfigsMatchCDK synthesizes, with the CDK, a sample of the configs the
// fuzzers accepted (written to $DEFINEAUTH_FUZZED_DIR as *.config.json by CI's fuzz
// runs) and requires the pure-Go rendering to be the same bytes. Without the
// variable there is nothing to compare; CI sets it.
func TestFuzzedConfigsMatchCDK(t *testing.T) {
	dir := os.Getenv("DEFINEAUTH_FUZZED_DIR")
	if dir == "" {
		t.Skip("DEFINEAUTH_FUZZED_DIR not set: CI runs this after fuzzing")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.config.json"))
	if len(files) < 20 {
		t.Fatalf("only %d fuzzed configs in %s", len(files), dir)
	}
	sort.Strings(files) // named by a hash of the template: an unbiased sample
	for _, f := range files[:min(40, len(files))] {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var cfg config.Config
		if err := json.Unmarshal(raw, &cfg); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		cdk, err := stacks.Template(&cfg)
		if err != nil {
			t.Fatalf("%s: %v\nconfig: %s", f, err, raw)
		}
		st := spec.ForStack(&cfg)
		if pure := st.Template(); string(pure) != string(cdk) {
			t.Errorf("%s: spec.Template differs from the CDK synth (-cdk +spec):\n%s\nconfig: %s", f, cmp.Diff(string(cdk), string(pure)), raw)
		}
	}
}
