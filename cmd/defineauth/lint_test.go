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
	if err := os.WriteFile(notJSON, []byte("Resources: {}"), 0o644); err != nil {
		t.Fatal(err)
	}
	empty := t.TempDir()
	tests := []struct {
		name           string
		args           []string
		code           int
		stdout, stderr string
	}{
		{"clean template", []string{"../../testdata/golden/shop-example.template.json"}, 0, "", "1 templates, 1 user pools, no errors"},
		{"a cdk.out-like folder", []string{"../../testdata/golden"}, 0, "R13 warning", "no errors"},
		{"findings in Amplify's templates", []string{"../../testdata/amplify"}, 1,
			"../../testdata/amplify/optional-no-method.template.json: R1 AuthUserPool8115E87F: MfaConfiguration is OPTIONAL but no MFA method is enabled", ""},
		{"a hand-written template", []string{"../../examples/lint/handwritten.template.json"}, 1,
			`R11 Pool: role SmsRole expects external id "shop-sms", but the pool sends "shop-prod-sms"`, ""},
		{"missing file", []string{"nope.json"}, 2, "", "no such file"},
		{"not JSON", []string{notJSON}, 2, "", "not a CloudFormation JSON template"},
		{"folder without templates", []string{empty}, 2, "", "no *.template.json in the folder"},
		{"no arguments", nil, 2, "", "expected templates or cdk.out folders"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"lint"}, tt.args...), nil, &stdout, &stderr)
			if code != tt.code || !strings.Contains(stdout.String(), tt.stdout) || !strings.Contains(stderr.String(), tt.stderr) {
				t.Errorf("exit %d (want %d)\nstdout %q (want %q)\nstderr %q (want %q)", code, tt.code, stdout.String(), tt.stdout, stderr.String(), tt.stderr)
			}
		})
	}
}
