package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	// Registers -update, so `go test ./... -update` is accepted by this binary too.
	_ "github.com/defineauth/defineauth/internal/golden"
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
		App     string            `json:"app"`
		Context map[string]string `json:"context"`
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
		outdir, stderr, err := synthLikeCDK(t, nil)
		if err != nil {
			t.Fatalf("app failed: %v\n%s", err, stderr)
		}
		tmpl := readTemplate(t, outdir, "defineauth-shop")
		if !strings.Contains(tmpl, `"MfaConfiguration":"ON"`) || !strings.Contains(tmpl, `"DeviceOnlyRememberedOnUserPrompt":true`) {
			t.Errorf("template lacks the example's MFA and device settings:\n%.2000s", tmpl)
		}
	})
	t.Run("config from -c", func(t *testing.T) {
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
		outdir, stderr, err := synthLikeCDK(t, map[string]string{"config": "testdata/configs/guests-and-groups.json", "nag": "true"})
		if err != nil {
			t.Fatalf("app failed: %v\n%s", err, stderr)
		}
		// The CLI fails `cdk synth` on error entries in the assembly's metadata, which
		// lives in manifest.json or in <stack>.metadata.json.
		files, _ := filepath.Glob(filepath.Join(outdir, "*.json"))
		var metadata strings.Builder
		for _, f := range files {
			if !strings.HasSuffix(f, ".template.json") {
				b, _ := os.ReadFile(f)
				metadata.Write(b)
			}
		}
		if !strings.Contains(metadata.String(), "aws:cdk:error") || !strings.Contains(metadata.String(), "AwsSolutions-COG7") {
			t.Errorf("the cloud assembly lacks the COG7 error for guest identities")
		}
	})
	t.Run("missing config file", func(t *testing.T) {
		_, stderr, err := synthLikeCDK(t, map[string]string{"config": "no/such.json"})
		if err == nil || !strings.Contains(stderr, "config file no/such.json not found: pass -c config=") {
			t.Errorf("err %v, stderr:\n%s", err, stderr)
		}
	})
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
