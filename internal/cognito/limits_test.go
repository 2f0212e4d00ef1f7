package cognito_test

import (
	"bytes"
	"go/format"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/defineauth/defineauth/internal/cognito"
	_ "github.com/defineauth/defineauth/internal/golden" // every test binary takes -update
)

// TestGeneratedLimitsMatchModels regenerates limits_gen.go from the models on this
// machine and compares: a hand edit, or a model that changed, fails. It needs python3
// with botocore and cfn-lint; CI sets DEFINEAUTH_REQUIRE_CFNLINT=1 so that their
// absence fails instead of skipping.
func TestGeneratedLimitsMatchModels(t *testing.T) {
	out, err := exec.Command("python3", "genlimits.py").Output()
	if err != nil {
		if os.Getenv("DEFINEAUTH_REQUIRE_CFNLINT") != "" {
			t.Fatalf("running genlimits.py (python3 with botocore and cfn-lint): %v", err)
		}
		t.Skipf("python3 with botocore and cfn-lint is not available (%v); CI runs this", err)
	}
	got, err := format.Source(out)
	if err != nil {
		t.Fatalf("genlimits.py wrote Go that does not parse: %v", err)
	}
	want, err := os.ReadFile("limits_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("limits_gen.go differs from what the models give: run go generate ./internal/cognito and read the diff")
	}
}

// TestPatternsCompile: every pattern of the models is RE2 syntax Go accepts.
func TestPatternsCompile(t *testing.T) {
	for _, l := range cognito.All {
		for _, p := range l.Patterns {
			if _, err := regexp.Compile(p); err != nil {
				t.Errorf("%s: %v", l.What, err)
			}
		}
		if len(l.Sources) == 0 {
			t.Errorf("%s names no source", l.What)
		}
	}
}

// TestLimits: each limit a config or template reaches, at its bound and one past it.
func TestLimits(t *testing.T) {
	fn := func(qualifier string) string {
		return "arn:aws:lambda:us-east-1:123456789012:function:f" + qualifier
	}
	for _, tc := range []struct {
		l        *cognito.Limit
		ok, fail string
		want     string
	}{
		{cognito.CallbackURL, "https://a.example/" + strings.Repeat("x", 1024-18), "https://a.example/" + strings.Repeat("x", 1025-18), "1025 characters long"},
		{cognito.ProviderName, "abc", "ab", "form"}, {cognito.TriggerARN, "arn:aws:lambda:us-east-1:123456789012:function:f", "arn:aws:lambda:us-east-1:123456789012:function:f x", "for a trigger function's ARN"},
		{cognito.ProviderName, "corp", "_corp", "form"},
		{cognito.IdpIdentifier, strings.Repeat("d", 40), strings.Repeat("d", 41), "1 to 40"},
		{cognito.ProviderDetail, strings.Repeat("<", 131072), strings.Repeat("<", 131073), "at most 131072"},
		{cognito.AttributeMappingValue, strings.Repeat("x", 131072), strings.Repeat("x", 200000), "at most 131072"},
		{cognito.WebAuthnRelyingPartyID, strings.Repeat("a", 63), strings.Repeat("a", 64), "1 to 63"},
		{cognito.PermissionFunctionName, fn(""), strings.Replace(fn(""), "us-east-1", "us-east-12", 1), "form"},
		{cognito.PermissionFunctionName, fn(":" + strings.Repeat("a", 140-len(fn(":")))), fn(":" + strings.Repeat("a", 128)), "1 to 140"},
		{cognito.TriggerARN, fn(""), "arn:aws:lambda", "20 to 2048"},
		{cognito.OAuthScope, "openid", "read write", "form"},
		{cognito.MFAConfiguration, "OPTIONAL", "MANDATORY", "not one of OFF, ON, OPTIONAL"},
		{cognito.GroupName, strings.Repeat("g", 128), strings.Repeat("g", 129), "1 to 128"},
		{cognito.GroupName, "admins", "two words", "form"},
		{cognito.SMSAuthenticationMessage, "code {####}", "{####}" + strings.Repeat("x", 135), "6 to 140"},
	} {
		if msg := tc.l.Check(tc.ok); msg != "" {
			t.Errorf("%s: %.40q refused: %s", tc.l.What, tc.ok, msg)
		}
		if msg := tc.l.Check(tc.fail); !strings.Contains(msg, tc.want) {
			t.Errorf("%s: %.40q: got %q, want %q", tc.l.What, tc.fail, msg, tc.want)
		}
	}
	if msg := cognito.CallbackURL.CheckCount(100); msg != "" {
		t.Errorf("100 callback URLs: %s", msg)
	}
	if msg := cognito.CallbackURL.CheckCount(101); !strings.Contains(msg, "at most 100") {
		t.Errorf("101 callback URLs: %q", msg)
	}
	if msg := cognito.IdpIdentifier.CheckCount(51); !strings.Contains(msg, "at most 50") {
		t.Errorf("51 identifiers: %q", msg)
	}
	if msg := cognito.PasswordMinimumLength.CheckInt(100); !strings.Contains(msg, "6 to 99") {
		t.Errorf("password length 100: %q", msg)
	}
	if cognito.Length("😀") != 2 {
		t.Error("a character outside the BMP counts two UTF-16 code units")
	}
}

func TestSAMLMetadataProblem(t *testing.T) {
	const good = `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com"><md:IDPSSODescriptor/></md:EntityDescriptor>`
	for doc, want := range map[string]string{
		good: "",
		`<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata"/>`:   "",
		`<EntitiesDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata"/>`: "",
		"<":                               "not well-formed",
		"<a><b></a>":                      "not well-formed",
		"<EntityDescriptor/>":             "not SAML 2.0 metadata",
		good + "<x/>":                     "more than one root",
		"metadata":                        "text outside",
		good[:len(good)-5]:                "not well-formed",
		"<!-- only a comment -->":         "no XML element",
		"<html><body>login</body></html>": "not SAML 2.0 metadata",
	} {
		got := cognito.SAMLMetadataProblem(doc)
		if want == "" && got != "" || want != "" && !strings.Contains(got, want) {
			t.Errorf("%.40q: got %q, want %q", doc, got, want)
		}
	}
}
