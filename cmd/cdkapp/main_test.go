package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/construct/spec"

	// Registers -update, so `go test ./... -update` is accepted by this binary too.
	_ "github.com/defineauth/defineauth/internal/golden"
	"github.com/defineauth/defineauth/stacks"
)

// synthLikeCDK runs the app command from cdk.json in the project root the way the CDK
// CLI does: CDK_OUTDIR names the cloud assembly folder and CDK_CONTEXT_JSON carries
// cdk.json's context merged with -c values.
func synthLikeCDK(t *testing.T, context map[string]string) (outdir string, stderr string, err error) {
	t.Helper()
	raw, err := os.ReadFile("../../cdk.json")
	if err != nil {
		t.Fatal(err)
	}
	var cdk struct {
		App     string         `json:"app"`
		Context map[string]any `json:"context"`
	}
	if err := json.Unmarshal(raw, &cdk); err != nil {
		t.Fatal(err)
	}
	for k, v := range context {
		cdk.Context[k] = v
	}
	ctx, _ := json.Marshal(cdk.Context)
	outdir = t.TempDir()
	cmd := exec.Command("sh", "-c", cdk.App)
	cmd.Dir = "../.."
	cmd.Env = append(os.Environ(), "CDK_OUTDIR="+outdir, "CDK_CONTEXT_JSON="+string(ctx))
	var errBuf strings.Builder
	cmd.Stderr = &errBuf
	err = cmd.Run()
	return outdir, errBuf.String(), err
}

func TestAppSynthLikeCDK(t *testing.T) {
	t.Run("default config from cdk.json", func(t *testing.T) {
		t.Parallel() // separate processes and output folders
		outdir, stderr, err := synthLikeCDK(t, nil)
		if err != nil {
			t.Fatalf("app failed: %v\n%s", err, stderr)
		}
		tmpl := readTemplate(t, outdir, "defineauth-shop")
		if !strings.Contains(tmpl, `"MfaConfiguration":"ON"`) || !strings.Contains(tmpl, `"DeviceOnlyRememberedOnUserPrompt":true`) {
			t.Errorf("template lacks the example's MFA and device settings:\n%.2000s", tmpl)
		}
		// What `cdk synth` writes is what `defineauth synth` renders in pure Go.
		cfg, err := config.Load("../../examples/shop.json")
		if err != nil {
			t.Fatal(err)
		}
		st := spec.ForStack(cfg)
		var pure any
		if err := json.Unmarshal(st.Template(), &pure); err != nil {
			t.Fatal(err)
		}
		compact, _ := json.Marshal(pure)
		if string(compact) != tmpl {
			t.Errorf("the CDK app's template differs from spec.Template:\n%s", cmp.Diff(tmpl, string(compact)))
		}
	})
	t.Run("no config in the context: the bundled example, as the README says", func(t *testing.T) {
		t.Parallel() // separate processes and output folders
		outdir, stderr, err := synthLikeCDK(t, map[string]string{"config": ""})
		if err != nil {
			t.Fatalf("app failed: %v\n%s", err, stderr)
		}
		readTemplate(t, outdir, "defineauth-shop")
	})
	t.Run("config from -c", func(t *testing.T) {
		t.Parallel() // separate processes and output folders
		outdir, stderr, err := synthLikeCDK(t, map[string]string{"config": "testdata/configs/mfa-optional-totp.json"})
		if err != nil {
			t.Fatalf("app failed: %v\n%s", err, stderr)
		}
		tmpl := readTemplate(t, outdir, "defineauth-mfa-optional-totp")
		if !strings.Contains(tmpl, `"EnabledMfas":["SOFTWARE_TOKEN_MFA"]`) {
			t.Errorf("template lacks TOTP MFA:\n%.2000s", tmpl)
		}
	})
	t.Run("invalid config fails with every problem", func(t *testing.T) {
		t.Parallel() // separate processes and output folders
		outdir, stderr, err := synthLikeCDK(t, map[string]string{"config": "testdata/rules/R8/fail-lite.json"})
		if err == nil {
			t.Fatal("app succeeded on an invalid config")
		}
		if !strings.Contains(stderr, "R8 featurePlan") || strings.Contains(stderr, "goroutine") {
			t.Errorf("stderr should list R8 without a Go or jsii stack trace:\n%s", stderr)
		}
		if _, err := os.Stat(filepath.Join(outdir, "manifest.json")); err == nil {
			t.Error("a cloud assembly was written for an invalid config")
		}
	})
	t.Run("cdk-nag on request", func(t *testing.T) {
		t.Parallel() // separate processes and output folders
		// With the recommended feature flags, error annotations stop the synth itself:
		// the app exits 1 after CDK printed the findings, with one line of its own.
		_, stderr, err := synthLikeCDK(t, map[string]string{"config": "testdata/configs/guests-and-groups.json", "nag": "true"})
		if err == nil {
			t.Fatal("the app succeeded although guest identities are a cdk-nag error (COG7)")
		}
		if !strings.Contains(stderr, "AwsSolutions-COG7") || !strings.Contains(stderr, "defineauth: synthesis stopped") || strings.Contains(stderr, "goroutine") {
			t.Errorf("stderr should list COG7 and end with one line, no stack trace:\n%s", stderr)
		}
	})
	t.Run("cdk-nag neighbour: the example has no unsuppressed error", func(t *testing.T) {
		t.Parallel() // separate processes and output folders
		if _, stderr, err := synthLikeCDK(t, map[string]string{"nag": "true"}); err != nil {
			t.Fatalf("app failed: %v\n%s", err, stderr)
		}
	})
	t.Run("an upgrade hazard against the baseline fails the synth", func(t *testing.T) {
		t.Parallel() // separate processes and output folders
		// The deployed pool has MFA OPTIONAL; the config asks for REQUIRED (U1).
		_, stderr, err := synthLikeCDK(t, map[string]string{"config": "testdata/configs/mfa-required-totp.json",
			"baseline": "testdata/golden/mfa-optional-totp.template.json"})
		if err == nil {
			t.Fatal("the app succeeded although Cognito refuses turning MFA to REQUIRED")
		}
		if !strings.Contains(stderr, "testdata/configs/mfa-required-totp.json: U1 AuthUserPool3A690A78: MfaConfiguration changes from OPTIONAL to ON") ||
			!strings.Contains(stderr, "would fail the update or lose users") || strings.Contains(stderr, "goroutine") {
			t.Errorf("stderr should list U1 and end with one line:\n%s", stderr)
		}
	})
	t.Run("upgrade neighbour: the same config against its deployed template", func(t *testing.T) {
		t.Parallel() // separate processes and output folders
		if _, stderr, err := synthLikeCDK(t, map[string]string{"config": "testdata/configs/mfa-required-totp.json",
			"baseline": "testdata/golden/mfa-required-totp.template.json"}); err != nil {
			t.Fatalf("app failed: %v\n%s", err, stderr)
		}
	})
	t.Run("missing config file", func(t *testing.T) {
		t.Parallel() // separate processes and output folders
		_, stderr, err := synthLikeCDK(t, map[string]string{"config": "no/such.json"})
		if err == nil || !strings.Contains(stderr, "config file no/such.json not found: pass -c config=") {
			t.Errorf("err %v, stderr:\n%s", err, stderr)
		}
	})
}

// TestCDKJSONHasTheRecommendedFlags: cdk.json sets the feature flags `cdk init` sets
// for the pinned aws-cdk-lib (so `cdk synth` has nothing to warn about), the same
// ones stacks.Template uses, so both paths make the same template.
func TestCDKJSONHasTheRecommendedFlags(t *testing.T) {
	raw, err := os.ReadFile("../../cdk.json")
	if err != nil {
		t.Fatal(err)
	}
	var cdk struct{ Context map[string]any }
	if err := json.Unmarshal(raw, &cdk); err != nil {
		t.Fatal(err)
	}
	delete(cdk.Context, "config")
	if d := cmp.Diff(stacks.FeatureFlags(), cdk.Context); d != "" {
		t.Errorf("cdk.json's feature flags differ from stacks.FeatureFlags (-stacks +cdk.json):\n%s", d)
	}
	// And those are the pinned aws-cdk-lib's recommendation, when npm ci has run.
	rec, err := os.ReadFile("../../node_modules/aws-cdk-lib/recommended-feature-flags.json")
	if err != nil {
		t.Skip("node_modules not installed (npm ci): cannot compare with aws-cdk-lib's recommended flags")
	}
	var want map[string]any
	if err := json.Unmarshal(rec, &want); err != nil {
		t.Fatal(err)
	}
	if d := cmp.Diff(want, stacks.FeatureFlags()); d != "" {
		t.Errorf("stacks/featureflags.json differs from aws-cdk-lib's recommended-feature-flags.json (-aws-cdk-lib +ours):\n%s", d)
	}
}

// readTemplate returns the stack's template from the cloud assembly, compacted.
func readTemplate(t *testing.T, outdir, stack string) string {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(outdir, stack+".template.json"))
	if err != nil {
		t.Fatalf("no template for %s in the cloud assembly: %v", stack, err)
	}
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatal(err)
	}
	compact, _ := json.Marshal(v)
	if _, err := os.Stat(filepath.Join(outdir, "manifest.json")); err != nil {
		t.Errorf("no manifest.json: %v", err)
	}
	return string(compact)
}
