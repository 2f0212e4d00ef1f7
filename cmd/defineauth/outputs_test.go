package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/defineauth/defineauth/outputs"
	"github.com/defineauth/defineauth/outputs/outputstest"
)

// deployedOutputs are the outputs of a deployed shop stack.
var deployedOutputs = map[string]string{
	outputs.Marker: "1", outputs.Region: "us-east-1", outputs.UserPoolID: "us-east-1_Shop", outputs.WebClientID: "client1",
	outputs.IdentityPoolID: "us-east-1:0000aaaa-1111-2222-3333-444444444444", outputs.MFAConfiguration: "ON", outputs.MFATypes: `["SMS_MFA","SOFTWARE_TOKEN_MFA"]`,
	outputs.SignupAttributes: `["email","phone_number"]`, outputs.UsernameAttributes: `["email"]`,
	outputs.VerificationMechanisms: `["email","phone_number"]`, outputs.PasswordPolicyMinLength: "12",
	outputs.PasswordPolicyRequirements: `["REQUIRES_LOWERCASE","REQUIRES_UPPERCASE","REQUIRES_NUMBERS","REQUIRES_SYMBOLS"]`,
	outputs.UnauthenticatedIdentities:  "false", outputs.Groups: `[]`,
}

func TestOutputsCommand(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, v any) string {
		p := filepath.Join(dir, name)
		b, _ := json.Marshal(v)
		if s, ok := v.(string); ok {
			b = []byte(s)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("cdk-outputs.json", map[string]any{"Other": map[string]string{"X": "1"}, "defineauth-shop": deployedOutputs})
	two := write("two.json", map[string]any{"defineauth-a": deployedOutputs, "defineauth-b": deployedOutputs})
	none := write("none.json", map[string]any{"Other": map[string]string{"X": "1"}})
	bad := write("bad.json", `{"defineauth-shop": {`)
	partial := map[string]string{}
	for k, v := range deployedOutputs {
		partial[k] = v
	}
	delete(partial, outputs.WebClientID)
	incomplete := write("incomplete.json", map[string]any{"defineauth-shop": partial})
	future := map[string]string{}
	for k, v := range deployedOutputs {
		future[k] = v
	}
	future[outputs.Marker] = "9"
	newer := write("newer.json", map[string]any{"defineauth-shop": future})
	api := outputstest.Stacks{"defineauth-shop": deployedOutputs, "Other": {"X": "1"}}
	factory := func(string, string) outputs.StackReader { return api }

	tests := []struct {
		name    string
		flags   outputsFlags
		code    int
		stderr  string
		written bool
	}{
		{"from cdk outputs", outputsFlags{cdkOutputs: good}, 0, "wrote", true},
		{"named stack", outputsFlags{cdkOutputs: two, stack: "defineauth-b"}, 0, "from stack defineauth-b in", true},
		{"from the deployed stack", outputsFlags{stack: "defineauth-shop"}, 0, "from deployed stack defineauth-shop", true},
		{"missing file", outputsFlags{cdkOutputs: filepath.Join(dir, "nope.json")}, 2, "cannot read", false},
		{"a folder", outputsFlags{cdkOutputs: dir}, 2, "cannot read", false},
		{"newer outputs format", outputsFlags{cdkOutputs: newer}, 1, `format "9"`, false},
		{"malformed JSON", outputsFlags{cdkOutputs: bad}, 1, "not a cdk outputs file", false},
		{"no defineauth stack", outputsFlags{cdkOutputs: none}, 1, "no defineauth stack in the file", false},
		{"several candidates", outputsFlags{cdkOutputs: two}, 1, "choose one with --stack", false},
		{"incomplete outputs", outputsFlags{cdkOutputs: incomplete}, 1, "missing output WebClientId", false},
		{"deployed stack without outputs", outputsFlags{stack: "Other"}, 1, "not a defineauth stack", false},
		{"deployed stack missing", outputsFlags{stack: "gone"}, 2, "does not exist", false},
		{"no source", outputsFlags{}, 2, "give --cdk-outputs FILE", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "amplify_outputs.json")
			tt.flags.out = out
			var stdout, stderr bytes.Buffer
			code := outputsCommand(tt.flags, factory, nil, &stdout, &stderr)
			if code != tt.code || !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("exit %d (want %d), stderr %q (want %q)", code, tt.code, stderr.String(), tt.stderr)
			}
			b, err := os.ReadFile(out)
			if tt.written != (err == nil) {
				t.Fatalf("written = %v, want %v", err == nil, tt.written)
			}
			if !tt.written {
				return
			}
			var f outputs.File
			if err := json.Unmarshal(b, &f); err != nil {
				t.Fatal(err)
			}
			if f.Auth.MFAConfiguration != "REQUIRED" || strings.Join(f.Auth.MFAMethods, ",") != "SMS,TOTP" || f.Auth.UserPoolID != "us-east-1_Shop" {
				t.Errorf("file %s", b)
			}
		})
	}
}

func TestOutputsFailureKeepsExistingFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "amplify_outputs.json")
	if err := os.WriteFile(out, []byte("previous"), 0o644); err != nil {
		t.Fatal(err)
	}
	code := run([]string{"outputs", "--cdk-outputs", "../../testdata/rules/DA100/fail.json", "--out", out}, nil, &bytes.Buffer{}, &bytes.Buffer{})
	if b, _ := os.ReadFile(out); code != 1 || string(b) != "previous" {
		t.Errorf("exit %d, file %q", code, b)
	}
}

// TestOutputsRefusesItsOwnInput: --out naming the --cdk-outputs file (by any
// spelling) would destroy the input; the neighbour with another --out writes.
func TestOutputsRefusesItsOwnInput(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "cdk-outputs.json")
	b, _ := json.Marshal(map[string]any{"defineauth-shop": deployedOutputs})
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, out := range []string{p, filepath.Join(dir, ".", "cdk-outputs.json")} {
		var stderr bytes.Buffer
		code := run([]string{"outputs", "--cdk-outputs", p, "--out", out}, nil, &bytes.Buffer{}, &stderr)
		if after, _ := os.ReadFile(p); code != 2 || !bytes.Equal(after, b) || !strings.Contains(stderr.String(), "would destroy the input") {
			t.Errorf("--out %s: exit %d, stderr %q", out, code, stderr.String())
		}
	}
	if code := run([]string{"outputs", "--cdk-outputs", p, "--out", filepath.Join(dir, "amplify_outputs.json")}, nil, &bytes.Buffer{}, &bytes.Buffer{}); code != 0 {
		t.Errorf("neighbour: exit %d", code)
	}
}

// TestOutputsStackNeedsTheAWSCLI: --stack reads the deployed stack with the AWS CLI;
// without it, one line says how to proceed (exit 2, nothing written).
func TestOutputsStackNeedsTheAWSCLI(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	out := filepath.Join(t.TempDir(), "amplify_outputs.json")
	var stderr bytes.Buffer
	code := run([]string{"outputs", "--stack", "defineauth-shop", "--out", out}, nil, &bytes.Buffer{}, &stderr)
	if _, err := os.Stat(out); code != 2 || err == nil || !strings.Contains(stderr.String(), "the AWS CLI (aws) is not installed") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
}

// TestOutputsFromStdin: --cdk-outputs - reads standard input.
func TestOutputsFromStdin(t *testing.T) {
	b, _ := json.Marshal(map[string]any{"defineauth-shop": deployedOutputs})
	var stdout, stderr bytes.Buffer
	if code := run([]string{"outputs", "--cdk-outputs", "-", "--out", "-"}, bytes.NewReader(b), &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), `"user_pool_id": "us-east-1_Shop"`) {
		t.Errorf("stdout %s", stdout.String())
	}
}

func TestOutputsToStdout(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "cdk-outputs.json")
	b, _ := json.Marshal(map[string]any{"defineauth-shop": deployedOutputs})
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"outputs", "--cdk-outputs", p, "--out", "-"}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), `"mfa_configuration": "REQUIRED"`) || stderr.Len() != 0 {
		t.Errorf("stdout %s\nstderr %s", stdout.String(), stderr.String())
	}
}
