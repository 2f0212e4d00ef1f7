package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLintCommand(t *testing.T) {
	dir := t.TempDir()
	notJSON := filepath.Join(dir, "bad.template.json")
	if err := os.WriteFile(notJSON, []byte("Resources: [\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := t.TempDir()
	// A cdk.out of an app with a stage: the stage's stacks are in assembly-Prod/.
	cdkOut := t.TempDir()
	golden, _ := os.ReadFile("../../testdata/amplify/optional-no-method.template.json")
	clean, _ := os.ReadFile("../../testdata/golden/shop-example.template.json")
	if err := os.MkdirAll(filepath.Join(cdkOut, "assembly-Prod", "asset.abc"), 0o755); err != nil {
		t.Fatal(err)
	}
	for path, data := range map[string][]byte{
		"Top.template.json":                       clean,
		"assembly-Prod/ProdAuth.template.json":    golden,
		"assembly-Prod/asset.abc/x.template.json": []byte("not read"),
	} {
		if err := os.WriteFile(filepath.Join(cdkOut, path), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	yamlTemplate := filepath.Join(dir, "pool.yaml")
	if err := os.WriteFile(yamlTemplate, []byte("Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: \"ON\"\n      EnabledMfas: []\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name           string
		args           []string
		code           int
		stdout, stderr string
	}{
		{"clean template", []string{"../../testdata/golden/shop-example.template.json"}, 0, "", "1 template, 1 user pool, no errors"},
		{"a cdk.out-like folder", []string{"../../testdata/golden"}, 0, "R13 warning", "no errors"},
		{"findings in Amplify's templates", []string{"../../testdata/amplify"}, 1,
			"../../testdata/amplify/optional-no-method.template.json: R1 AuthUserPool8115E87F: MfaConfiguration is OPTIONAL but no MFA method is enabled", ""},
		{"a hand-written template", []string{"../../examples/lint/handwritten.template.json"}, 1,
			`R11 Pool: role SmsRole expects external id "shop-sms", but the pool sends "shop-prod-sms"`, ""},
		{"missing file", []string{"nope.json"}, 2, "", "no such file"},
		{"not a template", []string{notJSON}, 2, "", "not a valid YAML template"},
		{"nested assemblies of a cdk.out", []string{cdkOut}, 1, "assembly-Prod/ProdAuth.template.json: R1", "2 templates"},
		{"a YAML template", []string{yamlTemplate}, 1, "pool.yaml: R1 Pool", ""},
		{"standard input", []string{"-"}, 0, "", "1 template, 1 user pool, no errors"},
		{"an endless file", []string{"/dev/zero"}, 2, "", "/dev/zero: the input is larger than 4 MiB"},
		{"folder without templates", []string{empty}, 2, "", "no *.template.json in the folder"},
		{"no arguments", nil, 2, "", "expected templates or cdk.out folders"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"lint"}, tt.args...), bytes.NewReader(clean), &stdout, &stderr)
			if code != tt.code || !strings.Contains(stdout.String(), tt.stdout) || !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("exit %d (want %d)\nstdout %q (want %q)\nstderr %q (want %q)", code, tt.code, stdout.String(), tt.stdout, stderr.String(), tt.stderr)
			}
		})
	}
}
