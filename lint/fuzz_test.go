package lint_test

import (
	"strings"
	"testing"

	"github.com/defineauth/defineauth/internal/golden"
	"github.com/defineauth/defineauth/lint"
)

// FuzzTemplate: the template reader (JSON or YAML) neither panics nor hangs on any
// input, and every finding names its rule, resource and fix, on one bounded line.
// Run longer with: go test ./lint -run '^$' -fuzz FuzzTemplate -fuzztime 10m
func FuzzTemplate(f *testing.F) {
	for _, data := range golden.ReadAll(f, "../testdata/golden/*.template.json", "../testdata/amplify/*.template.json") {
		f.Add(data)
	}
	f.Add(poolTemplate(func(p m) { p["SmsConfiguration"] = smsConfig; p["EnabledMfas"] = m{"Ref": "P"} }, m{"P": m{"Default": "SMS_MFA,EMAIL_OTP"}}))
	f.Add([]byte("Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties:\n      MfaConfiguration: !Ref M\n      SmsConfiguration: {SnsCallerArn: !GetAtt R.Arn, ExternalId: x}\n  R:\n    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument: {Statement: {Effect: Allow, Principal: {Service: !Sub x}}}\n"))
	f.Add([]byte("loop: &loop [*loop]\nResources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties: {MfaConfiguration: *loop}\n"))
	f.Add([]byte("x: &x " + strings.Repeat("y", 3000) + "\nResources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n    Properties: {MfaConfiguration: *x, WebAuthnRelyingPartyID: *x}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		findings, err := lint.Template(data)
		if err != nil {
			return
		}
		for _, x := range findings {
			if x.Rule == "" || x.Resource == "" || x.Message == "" || x.Fix == "" {
				t.Fatalf("incomplete finding %+v", x)
			}
			if !declared(x) {
				t.Fatalf("finding %s: its rule and severity are not in lint's table", x)
			}
			if n := len(x.String()); n > 2000 {
				t.Fatalf("a finding of %d bytes: it quotes a value without bound", n)
			}
		}
	})
}

// declared reports whether the finding's rule is in lint.Rules with its severity.
func declared(f lint.Finding) bool {
	for _, r := range lint.Rules() {
		if r.ID == f.Rule {
			return strings.Contains(r.Severity, string(f.Severity))
		}
	}
	return false
}
