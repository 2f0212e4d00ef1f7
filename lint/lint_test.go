package lint_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/defineauth/defineauth/internal/golden"
	"github.com/defineauth/defineauth/lint"
)

type m = map[string]any
type a = []any

// smsRole is an SNS caller role in the template, trusting Cognito with external id "ext".
var smsRole = m{"Type": "AWS::IAM::Role", "Properties": m{"AssumeRolePolicyDocument": m{"Statement": a{m{
	"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": m{"Service": "cognito-idp.amazonaws.com"},
	"Condition": m{"StringEquals": m{"sts:ExternalId": "ext"}}}}}}}

var smsConfig = m{"SnsCallerArn": m{"Fn::GetAtt": a{"Role", "Arn"}}, "ExternalId": "ext"}

// poolTemplate returns a template with one user pool "Pool" (TOTP required, email
// login) changed by edit, plus the SMS role.
func poolTemplate(edit func(p m), params m) []byte {
	props := m{
		"MfaConfiguration": "ON", "EnabledMfas": a{"SOFTWARE_TOKEN_MFA"},
		"UsernameAttributes": a{"email"}, "AutoVerifiedAttributes": a{"email"},
		"Schema":                 a{m{"Name": "email", "AttributeDataType": "String", "Required": true}},
		"AccountRecoverySetting": m{"RecoveryMechanisms": a{m{"Name": "verified_email", "Priority": 1}}},
	}
	edit(props)
	t := m{"Resources": m{"Pool": m{"Type": "AWS::Cognito::UserPool", "Properties": props}, "Role": smsRole}}
	if params != nil {
		t["Parameters"] = params
	}
	b, _ := json.Marshal(t)
	return b
}

// ruleList formats findings as their distinct rules in order, "R1,R13 warning";
// every finding must also say what is wrong and how to fix it.
func ruleList(t *testing.T, findings []lint.Finding) string {
	t.Helper()
	seen := map[string]bool{}
	var got []string
	for _, f := range findings {
		if !declared(f) {
			t.Errorf("finding %s: its rule and severity are not in lint's table", f)
		}
		s := f.Rule
		if f.Severity == lint.Warning {
			s += " warning"
		}
		if !seen[s] {
			got = append(got, s)
			seen[s] = true
		}
		if f.Message == "" || f.Fix == "" {
			t.Errorf("incomplete finding %+v", f)
		}
	}
	return strings.Join(got, ",")
}

func smsOn(p m) {
	p["EnabledMfas"] = a{"SMS_MFA"}
	p["SmsConfiguration"] = smsConfig
	p["AutoVerifiedAttributes"] = a{"email", "phone_number"}
	p["Schema"] = a{m{"Name": "email", "AttributeDataType": "String", "Required": true}, m{"Name": "phone_number", "AttributeDataType": "String", "Required": true}}
}

func TestRules(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(p m)
		params m
		want   string // "" = clean; else the findings' rules, e.g. "R1" or "R13 warning,R8"
	}{
		{"TOTP required: clean", func(p m) {}, nil, ""},
		{"SMS required with phone: clean", smsOn, nil, ""},
		{"R1 empty methods", func(p m) { p["EnabledMfas"] = a{} }, nil, "R1"},
		{"R1 methods absent, no SMS", func(p m) { delete(p, "EnabledMfas"); p["MfaConfiguration"] = "OPTIONAL" }, nil, "R1"},
		{"R1 neighbour: legacy SMS default", func(p m) { smsOn(p); delete(p, "EnabledMfas") }, nil, ""},
		{"R2 OFF with methods", func(p m) { p["MfaConfiguration"] = "OFF" }, nil, "R2"},
		{"R39 password history on LITE", func(p m) {
			p["UserPoolTier"] = "LITE"
			p["Policies"] = m{"PasswordPolicy": m{"MinimumLength": 12, "PasswordHistorySize": 5}}
		}, nil, "R39"},
		{"R39 neighbour: on ESSENTIALS", func(p m) { p["Policies"] = m{"PasswordPolicy": m{"MinimumLength": 12, "PasswordHistorySize": 5}} }, nil, ""},
		{"R39 neighbour: none on LITE", func(p m) {
			p["UserPoolTier"] = "LITE"
			p["Policies"] = m{"PasswordPolicy": m{"MinimumLength": 12, "PasswordHistorySize": 0}}
		}, nil, ""},
		{"R38 password history of 25", func(p m) { p["Policies"] = m{"PasswordPolicy": m{"MinimumLength": 12, "PasswordHistorySize": 25}} }, nil, "R38"},
		{"R2 neighbour: OFF without methods", func(p m) { p["MfaConfiguration"] = "OFF"; delete(p, "EnabledMfas") }, nil, ""},
		{"R3 SMS MFA without SMS configuration", func(p m) { smsOn(p); delete(p, "SmsConfiguration"); p["AutoVerifiedAttributes"] = a{"email"} }, nil, "R3,R13 warning"},
		{"R4 phone verified without SMS configuration", func(p m) {
			p["MfaConfiguration"] = "OFF"
			delete(p, "EnabledMfas")
			p["AutoVerifiedAttributes"] = a{"phone_number"}
		}, nil, "R4"},
		{"R5 SMS configuration, TOTP only", func(p m) { p["SmsConfiguration"] = smsConfig }, nil, "R5"},
		{"R5 neighbour: MFA off", func(p m) { p["SmsConfiguration"] = smsConfig; p["MfaConfiguration"] = "OFF"; delete(p, "EnabledMfas") }, nil, ""},
		{"R6 phone recovery with SMS MFA", func(p m) {
			smsOn(p)
			p["AccountRecoverySetting"] = m{"RecoveryMechanisms": a{m{"Name": "verified_phone_number", "Priority": 1}}}
		}, nil, "R6"},
		{"R7 email only", func(p m) {
			p["EnabledMfas"] = a{"EMAIL_OTP"}
			p["EmailConfiguration"] = m{"EmailSendingAccount": "DEVELOPER"}
		}, nil, "R7"},
		{"R8 email MFA, Cognito sender, LITE", func(p m) {
			p["EnabledMfas"] = a{"SOFTWARE_TOKEN_MFA", "EMAIL_OTP"}
			p["UserPoolTier"] = "LITE"
		}, nil, "R8"},
		{"R8 neighbour", func(p m) {
			p["EnabledMfas"] = a{"SOFTWARE_TOKEN_MFA", "EMAIL_OTP"}
			p["EmailConfiguration"] = m{"EmailSendingAccount": "DEVELOPER"}
		}, nil, ""},
		{"R9 messages", func(p m) {
			smsOn(p)
			p["SmsAuthenticationMessage"] = "code: {###}"
			p["VerificationMessageTemplate"] = m{"SmsMessage": strings.Repeat("x", 141) + "{####}"}
		}, nil, "R9"},
		{"R10 kept but not verified", func(p m) {
			p["UserAttributeUpdateSettings"] = m{"AttributesRequireVerificationBeforeUpdate": a{"phone_number"}}
		}, nil, "R10"},
		{"R11 role without external id", func(p m) { smsOn(p); p["SmsConfiguration"] = m{"SnsCallerArn": "arn:aws:iam::1:role/x"} }, nil, "R11"},
		{"R11 external id without role", func(p m) { smsOn(p); p["SmsConfiguration"] = m{"ExternalId": "x"} }, nil, "R11"},
		{"R11 external id mismatch", func(p m) {
			smsOn(p)
			p["SmsConfiguration"] = m{"SnsCallerArn": m{"Fn::GetAtt": a{"Role", "Arn"}}, "ExternalId": "other"}
		}, nil, "R11"},
		{"R11 role missing", func(p m) {
			smsOn(p)
			p["SmsConfiguration"] = m{"SnsCallerArn": m{"Fn::GetAtt": a{"Nope", "Arn"}}, "ExternalId": "ext"}
		}, nil, "R11"},
		{"R11 neighbour: external role", func(p m) {
			smsOn(p)
			p["SmsConfiguration"] = m{"SnsCallerArn": "arn:aws:iam::1:role/x", "ExternalId": "y"}
		}, nil, ""},
		{"R13 SMS only, no phone", func(p m) { smsOn(p); p["Schema"] = a{} }, nil, "R13"},
		{"R13 warning: SMS optional, phone not verified", func(p m) { smsOn(p); p["MfaConfiguration"] = "OPTIONAL"; p["AutoVerifiedAttributes"] = a{"email"} }, nil, "R13 warning"},
		{"R15 threat protection on ESSENTIALS", func(p m) { p["UserPoolAddOns"] = m{"AdvancedSecurityMode": "ENFORCED"} }, nil, "R15"},
		{"R15 neighbour: PLUS", func(p m) { p["UserPoolAddOns"] = m{"AdvancedSecurityMode": "AUDIT"}; p["UserPoolTier"] = "PLUS" }, nil, ""},
		{"R15 neighbour: OFF", func(p m) { p["UserPoolAddOns"] = m{"AdvancedSecurityMode": "OFF"} }, nil, ""},
		{"R14 standard attribute without type", func(p m) { p["Schema"] = a{m{"Name": "email", "Required": true}} }, nil, "R14"},
		{"DA200 values", func(p m) {
			p["MfaConfiguration"] = "REQUIRED"
			p["UserPoolTier"] = "BASIC"
			p["AccountRecoverySetting"] = m{"RecoveryMechanisms": a{m{"Name": "email", "Priority": 1}}}
		}, nil, "DA200"},
		{"Ref to a parameter default is resolved", func(p m) { p["MfaConfiguration"] = m{"Ref": "Mfa"} }, m{"Mfa": m{"Type": "String", "Default": "OFF"}}, "R2"},
		{"Fn::If is not guessed", func(p m) { p["MfaConfiguration"] = m{"Fn::If": a{"C", "ON", "OFF"}}; p["EnabledMfas"] = a{} }, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			findings, err := lint.Template(poolTemplate(tt.edit, tt.params))
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range findings {
				if f.Resource != "Pool" {
					t.Errorf("finding on another resource: %+v", f)
				}
			}
			if got := ruleList(t, findings); got != tt.want {
				t.Errorf("got %q, want %q\n%v", got, tt.want, findings)
			}
		})
	}
}

// TestTrustPolicies: lint reports R11 for a trust policy only when it knows the
// policy does not let Cognito in; what an intrinsic decides is never guessed.
func TestTrustPolicies(t *testing.T) {
	cognito := m{"Service": "cognito-idp.amazonaws.com"}
	allow := m{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": cognito}
	deny := m{"Effect": "Deny", "Action": "sts:AssumeRole", "Principal": cognito}
	other := m{"Effect": "Allow", "Action": "sts:AssumeRole", "Principal": m{"Service": "lambda.amazonaws.com"}}
	for _, tc := range []struct {
		name string
		doc  any
		want bool // R11 reported
	}{
		{"statement list trusting Cognito", m{"Statement": a{allow}}, false},
		{"single-object Statement (valid IAM) trusting Cognito", m{"Statement": allow}, false},
		{"single-object Statement trusting another service", m{"Statement": other}, true},
		{"service list with Cognito", m{"Statement": a{m{"Effect": "Allow", "Principal": m{"Service": a{"lambda.amazonaws.com", "cognito-idp.amazonaws.com"}}}}}, false},
		{"only a Deny for Cognito: not trust", m{"Statement": a{deny}}, true},
		{"a Deny beside an Allow", m{"Statement": a{deny, allow}}, false},
		{"statement behind Fn::If: unknown", m{"Statement": a{m{"Fn::If": a{"C", allow, other}}}}, false},
		{"principal from Fn::Sub: unknown", m{"Statement": a{m{"Effect": "Allow", "Principal": m{"Service": m{"Fn::Sub": "cognito-idp.${AWS::URLSuffix}"}}}}}, false},
		{"principal behind Fn::If: unknown", m{"Statement": a{m{"Effect": "Allow", "Principal": m{"Fn::If": a{"C", cognito, m{"AWS": "x"}}}}}}, false},
		{"whole document behind Fn::If: unknown", m{"Fn::If": a{"C", m{"Statement": a{allow}}, m{"Statement": a{other}}}}, false},
		{"effect from a parameter without default: unknown", m{"Statement": a{m{"Effect": m{"Ref": "E"}, "Principal": cognito}}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tmpl := map[string]any{"Resources": map[string]any{
				"Pool": map[string]any{"Type": "AWS::Cognito::UserPool", "Properties": poolProps(func(p m) {
					smsOn(p)
					p["SmsConfiguration"] = m{"SnsCallerArn": m{"Fn::GetAtt": a{"Trust", "Arn"}}, "ExternalId": "ext"}
				})},
				"Trust": map[string]any{"Type": "AWS::IAM::Role", "Properties": map[string]any{"AssumeRolePolicyDocument": tc.doc}},
			}}
			data, _ := json.Marshal(tmpl)
			findings, err := lint.Template(data)
			if err != nil {
				t.Fatal(err)
			}
			got := false
			for _, f := range findings {
				got = got || f.Rule == "R11"
			}
			if got != tc.want {
				t.Errorf("R11 reported: %v, want %v (%v)", got, tc.want, findings)
			}
		})
	}
}

// poolProps is the pool of poolTemplate with edit applied.
func poolProps(edit func(p m)) m {
	var t m
	_ = json.Unmarshal(poolTemplate(edit, nil), &t)
	return t["Resources"].(m)["Pool"].(m)["Properties"].(m)
}

// TestYAML: a YAML template with CloudFormation's short-form tags reads as its JSON
// twin, findings included.
func TestYAML(t *testing.T) {
	yamlDoc := `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Mfa:
    Type: String
    Default: "ON"
Conditions:
  Prod: !Equals [!Ref AWS::AccountId, "123456789012"]
Resources:
  Pool:
    Type: AWS::Cognito::UserPool
    Properties:
      UserPoolName: !Sub "${AWS::StackName}-users"
      MfaConfiguration: !Ref Mfa
      EnabledMfas: [SMS_MFA]
      UsernameAttributes: [email]
      AutoVerifiedAttributes: [email, phone_number]
      Schema:
        - {Name: email, AttributeDataType: String, Required: true}
        - Name: phone_number
          AttributeDataType: String
          Required: true
      SmsConfiguration:
        SnsCallerArn: !GetAtt Role.Arn
        ExternalId: shop-prod
      AccountRecoverySetting:
        RecoveryMechanisms:
          - {Name: verified_phone_number, Priority: 1}
      DeletionProtection: !If [Prod, ACTIVE, INACTIVE]
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          Effect: Allow
          Action: sts:AssumeRole
          Principal: {Service: cognito-idp.amazonaws.com}
          Condition:
            StringEquals: {"sts:ExternalId": shop}
`
	findings, err := lint.Template([]byte(yamlDoc))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range findings {
		got = append(got, f.Rule)
	}
	// R11: the role expects "shop" but the pool sends "shop-prod" (found through
	// !GetAtt Role.Arn); R6: phone recovery with SMS MFA (MfaConfiguration from !Ref).
	if strings.Join(got, ",") != "R6,R11" && strings.Join(got, ",") != "R11,R6" {
		t.Errorf("findings %v", findings)
	}
	// The same template with the problems fixed is clean.
	fixed := strings.NewReplacer("ExternalId: shop-prod", "ExternalId: shop", "verified_phone_number", "verified_email").Replace(yamlDoc)
	if findings, err := lint.Template([]byte(fixed)); err != nil || len(findings) > 0 {
		t.Errorf("fixed YAML: %v %v", err, findings)
	}
}

func TestNotATemplate(t *testing.T) {
	for _, tc := range []struct{ doc, want string }{
		{`[1]`, "not an object"},
		{`{"a": 1}`, "no Resources"},
		{`{`, "ends before"},
		{``, "ends before"},
		{`{"Resources": {"": {"Type": "AWS::Cognito::UserPool"}}}`, "not alphanumeric"},
		{"{\"Resources\": {\"P\": {\"Type\": \"AWS::SNS::Topic\"}},\n \"Resources\": {}}", "given twice"},
		{`{"Resources": {"P": {"Type": "AWS::SNS::Topic"}}} {"Resources": {}}`, "exactly one value"},
		{`{"resources": {"P": {"Type": "AWS::SNS::Topic"}}}`, `section "resources" must be spelled "Resources"`},
		{`{"Resources": {"P": {"Type": "AWS::Cognito::UserPool", "properties": {}}}}`, `"properties" must be spelled "Properties"`},
		{`{"Resources": {"P": {"Properties": {}}}}`, "has no Type"},
		{"Resources:\n  P:\n    Type: A\n  P:\n    Type: B\n", "given twice in the same mapping (first on line 2)"},
		{"Resources:\n  P: {Type: !Bogus x}\n", "unknown tag !Bogus"},
		{"Resources: {}\n---\nResources: {}\n", "one YAML document"},
		{"Resources:\n  P: {Type: A, Properties: {X: !GetAtt nodot}}\n", "Resource.Attribute"},
		{"\xef\xbb\xbf{\"Resources\": {}}", "byte-order mark"},
		{"{\"Resources\": {\"P\": {\"Type\": \"A\xff\"}}}", "not UTF-8"},
	} {
		_, err := lint.Template([]byte(tc.doc))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want an error containing %q", tc.doc, err, tc.want)
		}
	}
}

// TestBillionLaughs: YAML aliases cannot expand a small file into a huge tree.
func TestBillionLaughs(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n")
	for i := 1; i < 9; i++ {
		b.WriteString(fmt.Sprintf("a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1))
	}
	b.WriteString("Resources: {}\n")
	if _, err := lint.Template([]byte(b.String())); err == nil || !strings.Contains(err.Error(), "too many nodes") {
		t.Fatalf("got %v", err)
	}
}

// TestGoldenTemplatesLintClean: every template the construct makes has no lint error.
func TestGoldenTemplatesLintClean(t *testing.T) {
	golden.Each(t, "../testdata/golden/*.template.json", ".template.json", 24, func(t *testing.T, _, f string) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		findings, err := lint.Template(data)
		if err != nil || lint.HasErrors(findings) {
			t.Errorf("%s: %v %v", f, err, findings)
		}
	})
}

// TestAmplifyTemplates lints the templates Amplify's own construct produces for the
// cases where it falls short (generated by scripts/amplify-templates.mjs); the findings
// are kept in testdata/amplify/findings.txt.
func TestAmplifyTemplates(t *testing.T) {
	files, _ := filepath.Glob("../testdata/amplify/*.template.json")
	if len(files) == 0 {
		t.Fatal("no Amplify templates: run node scripts/amplify-templates.mjs")
	}
	var b strings.Builder
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		findings, err := lint.Template(data)
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(filepath.Base(f) + ":\n")
		for _, x := range findings {
			b.WriteString("  " + x.String() + "\n")
		}
	}
	golden.Compare(t, "../testdata/amplify/findings.txt", []byte(b.String()))
}

// TestBoundedEcho: a finding quotes a template value within bounds, however long the
// value: a megabyte MfaConfiguration, relying party id or list prints one short line.
// Its neighbour: a short value is quoted whole.
func TestBoundedEcho(t *testing.T) {
	huge := strings.Repeat("x", 1<<20)
	for _, tc := range []struct {
		name  string
		edit  func(p m)
		quote string // what the finding must contain
	}{
		{"MfaConfiguration", func(p m) { p["MfaConfiguration"] = huge }, "... (1048576 characters)"},
		{"MfaConfiguration with spaces", func(p m) { p["MfaConfiguration"] = strings.Repeat("a ", 1<<19) }, "... (1048576 characters)"},
		{"relying party", func(p m) { p["WebAuthnRelyingPartyID"] = huge + ".example.com" }, "characters)"},
		{"a long list", func(p m) {
			l := a{}
			for range 10000 {
				l = append(l, "SMS_MFA")
			}
			p["MfaConfiguration"] = "OFF"
			p["EnabledMfas"] = l
		}, "characters)"},
		{"short value, whole", func(p m) { p["MfaConfiguration"] = "MANDATORY" }, `"MANDATORY"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			findings, err := lint.Template(poolTemplate(tc.edit, nil))
			if err != nil {
				t.Fatal(err)
			}
			var all strings.Builder
			for _, f := range findings {
				if n := len(f.String()); n > 1000 {
					t.Errorf("a finding of %d bytes: %.200s...", n, f.String())
				}
				all.WriteString(f.String() + "\n")
			}
			if !strings.Contains(all.String(), tc.quote) {
				t.Errorf("no finding quotes %q:\n%s", tc.quote, all.String())
			}
		})
	}
}
