package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/defineauth/defineauth/internal/golden"
)

// standInAWS puts a stand-in `aws` command on PATH that answers get-template like the
// AWS CLI: the golden template of mfa-optional-totp for stack defineauth-mfa-optional-totp,
// AccessDenied for stack denied, and the CLI's "does not exist" error otherwise.
func standInAWS(t *testing.T) {
	t.Helper()
	dir := t.TempDir()
	golden, err := filepath.Abs("../../testdata/golden/mfa-optional-totp.template.json")
	if err != nil {
		t.Fatal(err)
	}
	script := `#!/bin/sh
case "$*" in
  *"get-template --stack-name defineauth-mfa-optional-totp "*) printf '{"TemplateBody": '; cat ` + golden + `; printf '}' ;;
  *"--stack-name denied "*) echo "An error occurred (AccessDenied) when calling the GetTemplate operation: not authorized" >&2; exit 254 ;;
  *) echo "An error occurred (ValidationError) when calling the GetTemplate operation: Stack with id $4 does not exist" >&2; exit 254 ;;
esac
`
	if err := os.WriteFile(filepath.Join(dir, "aws"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", dir+string(os.PathListSeparator)+os.Getenv("PATH"))
}

func TestUpgradeCheck(t *testing.T) {
	standInAWS(t)
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	deployed := "../../testdata/golden/mfa-optional-totp.template.json"
	same := "../../testdata/configs/mfa-optional-totp.json"
	required := write("mfa-optional-totp.json", `{"name": "mfa-optional-totp", "loginWith": {"email": true}, "multifactor": {"mode": "REQUIRED", "totp": true}}`)
	renamed := write("renamed.json", `{"name": "other", "loginWith": {"email": true}, "multifactor": {"mode": "OPTIONAL", "totp": true}}`)
	invalid := write("invalid.json", `{"name": "x", "loginWith": {"email": true}, "multifactor": {"mode": "OPTIONAL"}}`)
	for _, tc := range []struct {
		name           string
		args           []string
		code           int
		stdout, stderr string
	}{
		{"the same config: safe", []string{"--deployed", deployed, same}, 0, "", "0 findings, safe to deploy"},
		{"a template against itself", []string{"--deployed", deployed, deployed}, 0, "", "safe to deploy"},
		{"MFA to REQUIRED", []string{"--deployed", deployed, required}, 1,
			"mfa-optional-totp.json: U1 AuthUserPool3A690A78: MfaConfiguration changes from OPTIONAL to ON", "1 hazard that would fail the update or lose users"},
		{"from the deployed stack", []string{"--stack", "defineauth-mfa-optional-totp", required}, 1, "U1 AuthUserPool3A690A78", "reading the deployed template of stack defineauth-mfa-optional-totp with the AWS CLI"},
		{"from the deployed stack, safe", []string{"--stack", "defineauth-mfa-optional-totp", same}, 0, "", "safe to deploy"},
		{"a config for another stack", []string{"--stack", "defineauth-mfa-optional-totp", renamed}, 1, "U6 defineauth-mfa-optional-totp -> defineauth-other: the config's stack is defineauth-other", ""},
		{"stack missing", []string{"--stack", "gone", same}, 2, "", "Stack with id gone does not exist"},
		{"access denied", []string{"--stack", "denied", same}, 2, "", "(AccessDenied)"},
		{"an invalid config", []string{"--deployed", deployed, invalid}, 1, "R1 multifactor", ""},
		{"no deployed template", []string{same}, 2, "", "give the deployed template as --deployed FILE or --stack NAME"},
		{"both", []string{"--deployed", deployed, "--stack", "x", same}, 2, "", "give the deployed template"},
		{"missing file", []string{"--deployed", "nope.json", same}, 2, "", "cannot read nope.json: no such file or directory"},
		{"not a template", []string{"--deployed", invalid, same}, 2, "", "the deployed template: not a CloudFormation template: no Resources section"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(append([]string{"upgrade-check"}, tc.args...), nil, &stdout, &stderr)
			if code != tc.code || !strings.Contains(stdout.String(), tc.stdout) || !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("exit %d (want %d)\nstdout %q (want %q)\nstderr %q (want %q)", code, tc.code, stdout.String(), tc.stdout, stderr.String(), tc.stderr)
			}
		})
	}
	t.Run("no AWS CLI", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		var stderr bytes.Buffer
		if code := run([]string{"upgrade-check", "--stack", "x", same}, nil, &bytes.Buffer{}, &stderr); code != 2 || !strings.Contains(stderr.String(), "AWS CLI (aws) is not installed") {
			t.Errorf("exit %d, stderr %q", code, stderr.String())
		}
	})
}

// TestUpgradeExample keeps the README's CI recipe output true: the bundled example's
// findings are examples/upgrade/findings.txt, quoted in the README.
func TestUpgradeExample(t *testing.T) {
	t.Chdir("../..") // the paths as the README runs the command, from the project root
	var stdout bytes.Buffer
	code := run([]string{"upgrade-check", "--deployed", "examples/upgrade/deployed.template.json", "examples/upgrade/guests-and-groups.json"}, nil, &stdout, &bytes.Buffer{})
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	golden.Compare(t, "examples/upgrade/findings.txt", stdout.Bytes())
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(readme), stdout.String()) {
		t.Error("README.md does not quote examples/upgrade/findings.txt as it is")
	}
}
