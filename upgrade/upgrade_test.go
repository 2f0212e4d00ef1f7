package upgrade_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/construct/spec"
	"github.com/defineauth/defineauth/upgrade"
)

type m = map[string]any
type a = []any

// base is a deployed stack: a pool (TOTP optional, email sign-in, custom:tier), its
// SMS role, a client, two groups and an identity pool.
func base() m {
	return m{"Resources": m{
		"Pool": m{"Type": "AWS::Cognito::UserPool", "DeletionPolicy": "Retain", "UpdateReplacePolicy": "Retain", "Properties": m{
			"MfaConfiguration": "OPTIONAL", "EnabledMfas": a{"SMS_MFA", "SOFTWARE_TOKEN_MFA"},
			"UsernameAttributes": a{"email"}, "UsernameConfiguration": m{"CaseSensitive": false},
			"DeletionProtection": "ACTIVE",
			"SmsConfiguration":   m{"SnsCallerArn": m{"Fn::GetAtt": a{"SmsRole", "Arn"}}, "ExternalId": "ext"},
			"Schema": a{
				m{"Name": "email", "AttributeDataType": "String", "Required": true, "Mutable": true},
				m{"Name": "phone_number", "AttributeDataType": "String", "Required": true, "Mutable": true},
				m{"Name": "tier", "AttributeDataType": "String", "Mutable": true, "StringAttributeConstraints": m{"MaxLength": "16"}},
			},
		}},
		"SmsRole": m{"Type": "AWS::IAM::Role", "Properties": m{"AssumeRolePolicyDocument": m{}}},
		"Client":  m{"Type": "AWS::Cognito::UserPoolClient", "Properties": m{"UserPoolId": m{"Ref": "Pool"}, "GenerateSecret": false}},
		"Admins":  m{"Type": "AWS::Cognito::UserPoolGroup", "Properties": m{"UserPoolId": m{"Ref": "Pool"}, "GroupName": "ADMINS", "Precedence": 0}},
		"Readers": m{"Type": "AWS::Cognito::UserPoolGroup", "Properties": m{"UserPoolId": m{"Ref": "Pool"}, "GroupName": "READERS", "Precedence": 1}},
		"Ids":     m{"Type": "AWS::Cognito::IdentityPool", "Properties": m{"AllowUnauthenticatedIdentities": false}},
	}}
}

func res(t m, id string) m        { return t["Resources"].(m)[id].(m) }
func props(t m, id string) m      { return res(t, id)["Properties"].(m) }
func rename(t m, from, to string) { r := t["Resources"].(m); r[to] = r[from]; delete(r, from) }

// TestHazards: each hazard on a hand-made pair, and its passing neighbour: the safe
// way to make the same change. want is the findings' rules ("U5,U5 warning"), "" for none.
func TestHazards(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(n m)
		want string
	}{
		{"identical", func(n m) {}, ""},
		{"U1 MFA OPTIONAL to ON", func(n m) { props(n, "Pool")["MfaConfiguration"] = "ON" }, "U1"},
		{"U1 MFA absent (OFF) to ON", func(n m) { props(n, "Pool")["MfaConfiguration"] = "ON" }, "U1"},
		{"U1 neighbour: ON to OPTIONAL", func(n m) { props(n, "Pool")["MfaConfiguration"] = "OPTIONAL" }, ""},
		{"U1 neighbour: decided by Fn::If", func(n m) { props(n, "Pool")["MfaConfiguration"] = m{"Fn::If": a{"C", "ON", "OPTIONAL"}} }, ""},
		{"U2 SMS removed from the methods", func(n m) { props(n, "Pool")["EnabledMfas"] = a{"SOFTWARE_TOKEN_MFA"} }, "U2 warning"},
		{"U2 neighbour: a method added", func(n m) { props(n, "Pool")["EnabledMfas"] = a{"SMS_MFA", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP"} }, ""},
		{"U3 phone sign-in added", func(n m) { props(n, "Pool")["UsernameAttributes"] = a{"email", "phone_number"} }, "U3"},
		{"U3 aliases added", func(n m) { props(n, "Pool")["AliasAttributes"] = a{"preferred_username"} }, "U3"},
		{"U3 neighbour: same set, other order", func(n m) {
			props(n, "Pool")["UsernameAttributes"] = a{"email"}
		}, ""},
		{"U4 case sensitivity", func(n m) { props(n, "Pool")["UsernameConfiguration"] = m{"CaseSensitive": true} }, "U4"},
		{"U4 removed: the default is case sensitive", func(n m) { delete(props(n, "Pool"), "UsernameConfiguration") }, "U4"},
		{"U4 neighbour: false written as a string", func(n m) { props(n, "Pool")["UsernameConfiguration"] = m{"CaseSensitive": "false"} }, ""},
		{"U5 attribute removed", func(n m) { s := props(n, "Pool"); s["Schema"] = s["Schema"].([]any)[:2] }, "U5"},
		{"U5 attribute changed", func(n m) {
			props(n, "Pool")["Schema"].([]any)[2].(m)["StringAttributeConstraints"] = m{"MaxLength": "32"}
		}, "U5"},
		{"U5 attribute made required", func(n m) { props(n, "Pool")["Schema"].([]any)[2].(m)["Mutable"] = false }, "U5"},
		{"U5 required attribute added", func(n m) {
			s := props(n, "Pool")
			s["Schema"] = append(s["Schema"].([]any), m{"Name": "given_name", "AttributeDataType": "String", "Required": true})
		}, "U5"},
		{"U5 neighbour: optional custom attribute added", func(n m) {
			s := props(n, "Pool")
			s["Schema"] = append(s["Schema"].([]any), m{"Name": "tier2", "AttributeDataType": "String", "Mutable": true, "StringAttributeConstraints": m{"MaxLength": "32"}})
		}, ""},
		{"U5 neighbour: defaults written out", func(n m) {
			props(n, "Pool")["Schema"].([]any)[2].(m)["Required"] = false
		}, ""},
		{"U6 pool logical id changes", func(n m) {
			rename(n, "Pool", "Pool2")
			for _, id := range []string{"Client", "Admins", "Readers"} {
				props(n, id)["UserPoolId"] = m{"Ref": "Pool2"}
			}
		}, "U6,U7,U9,U9"},
		{"U6 pool removed", func(n m) { delete(n["Resources"].(m), "Pool") }, "U6"},
		{"U6 neighbour: logical id pinned, construct renamed", func(n m) { props(n, "Pool")["UserPoolName"] = "renamed" }, ""},
		{"U7 secret turned on", func(n m) { props(n, "Client")["GenerateSecret"] = true }, "U7"},
		{"U7 client logical id changes", func(n m) { rename(n, "Client", "WebClient") }, "U7"},
		{"U7 neighbour: GenerateSecret false left out", func(n m) { delete(props(n, "Client"), "GenerateSecret") }, ""},
		{"U8 SMS role logical id changes", func(n m) {
			rename(n, "SmsRole", "SmsRole2")
			props(n, "Pool")["SmsConfiguration"].(m)["SnsCallerArn"] = m{"Fn::GetAtt": a{"SmsRole2", "Arn"}}
		}, "U8 warning"},
		{"U8 SMS role renamed (create-only RoleName)", func(n m) { props(n, "SmsRole")["RoleName"] = "sms" }, "U8 warning"},
		{"U9 group renamed", func(n m) { props(n, "Readers")["GroupName"] = "VIEWERS" }, "U9"},
		{"U9 group removed", func(n m) { delete(n["Resources"].(m), "Readers") }, "U9"},
		{"U9 group logical id changes, same name", func(n m) { rename(n, "Readers", "GroupReaders") }, "U9"},
		{"U9 neighbour: precedences reordered, a group added", func(n m) {
			props(n, "Readers")["Precedence"] = 0
			props(n, "Admins")["Precedence"] = 1
			n["Resources"].(m)["Editors"] = m{"Type": "AWS::Cognito::UserPoolGroup", "Properties": m{"UserPoolId": m{"Ref": "Pool"}, "GroupName": "EDITORS"}}
		}, ""},
		{"U10 identity pool logical id changes", func(n m) { rename(n, "Ids", "IdentityPool") }, "U10"},
		{"U10 neighbour: guests turned on", func(n m) { props(n, "Ids")["AllowUnauthenticatedIdentities"] = true }, ""},
		{"U11 deletion protection off", func(n m) { props(n, "Pool")["DeletionProtection"] = "INACTIVE" }, "U11 warning"},
		{"U11 Retain to Delete", func(n m) { res(n, "Pool")["DeletionPolicy"] = "Delete"; delete(res(n, "Pool"), "UpdateReplacePolicy") }, "U11 warning,U11 warning"},
		{"neighbour: a role added", func(n m) {
			n["Resources"].(m)["Other"] = m{"Type": "AWS::IAM::Role", "Properties": m{"RoleName": "b"}}
		}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			old, next := base(), base()
			if strings.HasPrefix(tc.name, "U1 MFA absent") {
				delete(props(old, "Pool"), "MfaConfiguration")
				props(old, "Pool")["EnabledMfas"] = a{}
				props(next, "Pool")["EnabledMfas"] = a{}
			}
			tc.edit(next)
			findings := compare(t, old, next)
			if got := rules(findings); got != tc.want {
				t.Errorf("got %q, want %q\n%s", got, tc.want, lines(findings))
			}
		})
	}
}

// TestOtherCreateOnly: create-only changes on resources defineauth does not make
// (a role, a domain, an identity provider) are found in any template.
func TestOtherCreateOnly(t *testing.T) {
	old := m{"Resources": m{
		"Role":   m{"Type": "AWS::IAM::Role", "Properties": m{"RoleName": "a", "Path": "/"}},
		"Domain": m{"Type": "AWS::Cognito::UserPoolDomain", "Properties": m{"Domain": "shop", "UserPoolId": "p"}},
		"Google": m{"Type": "AWS::Cognito::UserPoolIdentityProvider", "Properties": m{"ProviderName": "Google", "ProviderType": "Google", "UserPoolId": "p"}},
	}}
	next := m{"Resources": m{
		"Role":   m{"Type": "AWS::IAM::Role", "Properties": m{"RoleName": "b", "Path": "/"}},
		"Domain": m{"Type": "AWS::Cognito::UserPoolDomain", "Properties": m{"Domain": "shop-auth", "UserPoolId": "p"}},
		"Google": m{"Type": "AWS::Cognito::UserPoolIdentityProvider", "Properties": m{"ProviderName": "GoogleSSO", "ProviderType": "Google", "UserPoolId": "p"}},
	}}
	if got := rules(compare(t, old, next)); got != "U12 warning,U13,U14" {
		t.Errorf("got %q", got)
	}
	if got := rules(compare(t, old, old)); got != "" {
		t.Errorf("identical: %q", got)
	}
}

// synth renders a config's template in pure Go (the bytes the CDK synthesizes).
func synth(t *testing.T, cfg *config.Config) []byte {
	t.Helper()
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	st := spec.ForStack(cfg)
	return st.Template()
}

func load(t *testing.T, path string) *config.Config {
	t.Helper()
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// TestSynthesizedPairs: changes made in the config, synthesized, checked.
func TestSynthesizedPairs(t *testing.T) {
	for _, tc := range []struct {
		name, from string
		edit       func(c *config.Config)
		want       string
	}{
		{"MFA OPTIONAL to REQUIRED", "../testdata/configs/mfa-optional-totp.json", func(c *config.Config) { c.Multifactor.Mode = config.MFARequired }, "U1"},
		{"givenName made required", "../examples/shop.json", func(c *config.Config) {
			c.UserAttributes["givenName"] = config.Attribute{Required: true}
		}, "U5"},
		{"a group renamed", "../testdata/configs/guests-and-groups.json", func(c *config.Config) { c.Groups[1] = "WRITERS" }, "U9"},
		{"the config renamed: the templates alone do not show the new stack name (upgrade-check --stack does)", "../examples/shop.json", func(c *config.Config) { c.Name = "shop2" }, ""},
		{"SMS MFA dropped from the example", "../examples/shop.json", func(c *config.Config) {
			c.Multifactor.SMS = nil
			c.Senders.SMS = &config.SMSSender{Disabled: true}
			delete(c.UserAttributes, "phoneNumber")
		}, "U2 warning,U5"},
		{"device tracking turned off", "../examples/shop.json", func(c *config.Config) { c.DeviceTracking = nil }, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := load(t, tc.from)
			before := synth(t, cfg)
			changed := load(t, tc.from)
			tc.edit(changed)
			findings, err := upgrade.Check(before, synth(t, changed))
			if err != nil {
				t.Fatal(err)
			}
			if got := rules(findings); got != tc.want {
				t.Errorf("got %q, want %q\n%s", got, tc.want, lines(findings))
			}
		})
	}
}

// TestSafeChanges: every golden config against itself, and against the same config
// with one safe change, gives no finding.
func TestSafeChanges(t *testing.T) {
	files, _ := filepath.Glob("../testdata/configs/*.json")
	if len(files) < 30 {
		t.Fatalf("found %d configs", len(files))
	}
	safe := map[string]func(c *config.Config){
		"itself":                          func(c *config.Config) {},
		"a new optional custom attribute": func(c *config.Config) { c.UserAttributes["custom:newattr"] = config.Attribute{} },
		"a new group":                     func(c *config.Config) { c.Groups = append(c.Groups, "NEWGROUP") },
		"device tracking on": func(c *config.Config) {
			c.DeviceTracking = &config.DeviceTracking{DeviceOnlyRememberedOnUserPrompt: true}
		},
		"a stronger password policy": func(c *config.Config) { // longer passwords, the rest as it was
			p := config.PasswordPolicy{}
			if c.PasswordPolicy != nil {
				p = *c.PasswordPolicy
			}
			p.MinLength = max(p.MinLength, 16)
			c.PasswordPolicy = &p
		},
		"a custom SMS message (when SMS)": func(c *config.Config) { setSMSMessage(c) },
	}
	for _, f := range files {
		for what, edit := range safe {
			cfg := load(t, f)
			if cfg.UserAttributes == nil {
				cfg.UserAttributes = map[string]config.Attribute{}
			}
			before := synth(t, cfg)
			edit(cfg)
			if cfg.Validate() != nil {
				continue // the safe change does not apply to this config
			}
			findings, err := upgrade.Check(before, synth(t, cfg))
			if err != nil || len(findings) > 0 {
				t.Errorf("%s with %s: %v\n%s", filepath.Base(f), what, err, lines(findings))
			}
		}
	}
}

func setSMSMessage(c *config.Config) {
	if c.Multifactor != nil && c.Multifactor.SMS != nil {
		c.Multifactor.SMS = &config.SMSMFA{Message: "Your shop code: {####}"}
	}
}

// TestCreateOnlyMatchesRegistry compares the create-only table with the
// CloudFormation registry schemas that cfn-lint ships, so a schema change shows up
// as a failing check. It needs python3 with cfn-lint; CI sets
// DEFINEAUTH_REQUIRE_CFNLINT=1 so that a missing cfn-lint fails instead of skipping.
func TestCreateOnlyMatchesRegistry(t *testing.T) {
	var types []string
	for typ := range upgrade.CreateOnlyProperties() {
		types = append(types, typ)
	}
	slices.Sort(types)
	// The check also assumes that pools have none (Cognito refuses instead, U1 to U5).
	noneExpected := []string{"AWS::Cognito::UserPool", "AWS::Cognito::IdentityPool"}
	script := `import json, sys
from cfnlint.schema.manager import PROVIDER_SCHEMA_MANAGER as m
out = {}
for t in sys.argv[1:]:
    s = m.get_resource_schema("us-east-1", t).schema
    out[t] = sorted(p.split("/")[2] for p in s.get("createOnlyProperties", []))
print(json.dumps(out))`
	out, err := exec.Command("python3", append([]string{"-c", script}, append(types, noneExpected...)...)...).Output()
	if err != nil {
		if os.Getenv("DEFINEAUTH_REQUIRE_CFNLINT") != "" {
			t.Fatalf("reading the registry schemas with cfn-lint: %v", err)
		}
		t.Skipf("python3 with cfn-lint is not available (%v); CI runs this", err)
	}
	var registry map[string][]string
	if err := json.Unmarshal(out, &registry); err != nil {
		t.Fatal(err)
	}
	for _, typ := range types {
		if got, want := upgrade.CreateOnlyProperties()[typ], registry[typ]; !slices.Equal(got, want) {
			t.Errorf("%s: createOnlyProperties %v in the table, %v in the registry schema", typ, got, want)
		}
	}
	for _, typ := range noneExpected {
		if got := registry[typ]; len(got) > 0 {
			t.Errorf("%s now has create-only properties %v (the upgrade check assumes none)", typ, got)
		}
	}
}

func compare(t *testing.T, old, next m) []upgrade.Finding {
	t.Helper()
	o, _ := json.Marshal(old)
	n, _ := json.Marshal(next)
	findings, err := upgrade.Check(o, n)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range findings {
		if f.Rule == "" || len(f.Resources) == 0 || f.Change == "" || f.Effect == "" || f.Fix == "" {
			t.Errorf("incomplete finding %+v", f)
		}
		i := slices.IndexFunc(upgrade.Rules(), func(r upgrade.Rule) bool { return r.ID == f.Rule })
		if i < 0 || upgrade.Rules()[i].Severity != f.Severity {
			t.Errorf("finding %s is not in upgrade.Rules with its severity", f)
		}
	}
	return findings
}

func rules(fs []upgrade.Finding) string {
	var out []string
	for _, f := range fs {
		s := f.Rule
		if f.Severity == upgrade.Warning {
			s += " warning"
		}
		out = append(out, s)
	}
	return strings.Join(out, ",")
}

func lines(fs []upgrade.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		fmt.Fprintln(&b, f)
	}
	return b.String()
}

// TestRelyingParty: passkeys are bound to the relying party id (U15): changing or
// dropping it is a hazard; keeping it, or setting it for the first time, is not.
func TestRelyingParty(t *testing.T) {
	for _, tc := range []struct {
		name     string
		old, new any // nil: property absent
		want     string
	}{
		{"changed", "example.com", "app.example.com", "U15"},
		{"removed", "example.com", nil, "U15"},
		{"kept", "example.com", "example.com", ""},
		{"set for the first time", nil, "example.com", ""},
		{"new value from a parameter: not guessed", "example.com", m{"Ref": "Rp"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			old, next := base(), base()
			if tc.old != nil {
				props(old, "Pool")["WebAuthnRelyingPartyID"] = tc.old
			}
			if tc.new != nil {
				props(next, "Pool")["WebAuthnRelyingPartyID"] = tc.new
			}
			if got := rules(compare(t, old, next)); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestProviderChangesInConfigs: renaming a provider or the domain in a config (the
// construct ids follow the names) is reported; adding a provider is not.
func TestProviderChangesInConfigs(t *testing.T) {
	render := func(edit func(c *config.Config)) []byte {
		cfg, err := config.Load("../testdata/configs/provider-oidc.json")
		if err != nil {
			t.Fatal(err)
		}
		edit(cfg)
		st := spec.ForStack(cfg)
		return st.Template()
	}
	old := render(func(*config.Config) {})
	for _, tc := range []struct {
		name string
		edit func(c *config.Config)
		want string
	}{
		{"provider renamed", func(c *config.Config) { c.LoginWith.ExternalProviders.OIDC[0].Name = "CorpSSO" }, "U14"},
		{"provider removed", func(c *config.Config) { c.LoginWith.ExternalProviders.OIDC = c.LoginWith.ExternalProviders.OIDC[1:] }, "U14"},
		{"domain changed", func(c *config.Config) { c.LoginWith.ExternalProviders.DomainPrefix = "example-oidc-2" }, "U13"},
		{"provider added, URLs changed: safe", func(c *config.Config) {
			x := c.LoginWith.ExternalProviders
			x.Google = &config.OAuthProvider{ClientID: "g", ClientSecret: &config.Secret{SecretsManager: "g"}}
			x.CallbackURLs = append(x.CallbackURLs, "https://new.example.com/")
		}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			findings, err := upgrade.Check(old, render(tc.edit))
			if err != nil {
				t.Fatal(err)
			}
			if got := rules(findings); got != tc.want {
				t.Errorf("got %q, want %q: %v", got, tc.want, findings)
			}
		})
	}
}

// TestBoundedEcho: a hazard quotes template values within bounds (U15 names the old
// relying party three times; U9 a group's name), and a short value whole.
func TestBoundedEcho(t *testing.T) {
	huge := strings.Repeat("x", 1<<20)
	for _, tc := range []struct {
		name       string
		edit       func(o, n m)
		rule, want string
	}{
		{"U15 relying party", func(o, n m) {
			props(o, "Pool")["WebAuthnRelyingPartyID"] = huge
			props(n, "Pool")["WebAuthnRelyingPartyID"] = "app.example.com"
		}, "U15", "... (1048576 characters)"},
		{"U9 group", func(o, n m) {
			props(o, "Admins")["GroupName"] = huge
			delete(n["Resources"].(m), "Admins")
		}, "U9", "... (1048576 characters)"},
		{"U15 short, whole", func(o, n m) {
			props(o, "Pool")["WebAuthnRelyingPartyID"] = "old.example.com"
			props(n, "Pool")["WebAuthnRelyingPartyID"] = "app.example.com"
		}, "U15", "bound to old.example.com and"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o, n := base(), base()
			tc.edit(o, n)
			var found bool
			for _, f := range compare(t, o, n) {
				if len(f.String()) > 1500 {
					t.Errorf("a finding of %d bytes", len(f.String()))
				}
				if f.Rule == tc.rule && strings.Contains(f.String(), tc.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("no %s finding quoting %q", tc.rule, tc.want)
			}
		})
	}
}

// TestWeakenedProtection: U16 and U17 warn when protection is given up, and stay
// quiet when it is kept or strengthened.
func TestWeakenedProtection(t *testing.T) {
	mode := func(s string) func(p m) {
		return func(p m) {
			if s != "" {
				p["UserPoolAddOns"] = m{"AdvancedSecurityMode": s}
			}
		}
	}
	history := func(n any) func(p m) {
		return func(p m) {
			if n != nil {
				p["Policies"] = m{"PasswordPolicy": m{"MinimumLength": 12, "PasswordHistorySize": n}}
			}
		}
	}
	for _, tc := range []struct {
		name          string
		deployed, new func(p m)
		want          string
	}{
		{"ENFORCED to AUDIT", mode("ENFORCED"), mode("AUDIT"), "U16 warning"},
		{"ENFORCED to absent (OFF)", mode("ENFORCED"), mode(""), "U16 warning"},
		{"AUDIT to OFF", mode("AUDIT"), mode("OFF"), "U16 warning"},
		{"neighbour: AUDIT to ENFORCED", mode("AUDIT"), mode("ENFORCED"), ""},
		{"neighbour: ENFORCED kept", mode("ENFORCED"), mode("ENFORCED"), ""},
		{"neighbour: decided by a parameter", mode("ENFORCED"), func(p m) { p["UserPoolAddOns"] = m{"AdvancedSecurityMode": m{"Ref": "Mode"}} }, ""},
		{"history 24 to 5", history(24), history(5), "U17 warning"},
		{"history 5 to none", history(5), history(nil), "U17 warning"},
		{"history as a string, 10 to 0", history("10"), history(0), "U17 warning"},
		{"neighbour: history 5 to 24", history(5), history(24), ""},
		{"neighbour: none to 5", history(nil), history(5), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o, n := base(), base()
			tc.deployed(props(o, "Pool"))
			tc.new(props(n, "Pool"))
			if got := rules(compare(t, o, n)); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestWebACLAssociation: U18 warns when the pool's web ACL association leaves the
// stack or is replaced (another web ACL), not when it stays.
func TestWebACLAssociation(t *testing.T) {
	const acl = "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/a/1"
	withACL := func(arn string) m {
		b := base()
		if arn != "" {
			b["Resources"].(m)["Waf"] = m{"Type": "AWS::WAFv2::WebACLAssociation", "Properties": m{
				"ResourceArn": m{"Fn::GetAtt": a{"Pool", "Arn"}}, "WebACLArn": arn}}
		}
		return b
	}
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"removed", acl, "", "U18 warning"},
		{"replaced by another web ACL", acl, acl + "2", "U18 warning"},
		{"neighbour: kept", acl, acl, ""},
		{"neighbour: added", "", acl, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := rules(compare(t, withACL(tc.old), withACL(tc.new))); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}
