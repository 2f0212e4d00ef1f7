package spec_test

import (
	"crypto/md5"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/construct/spec"
	"github.com/defineauth/defineauth/internal/golden"
)

// The CDK's ids for paths of this project, read off synthesized templates.
func TestLogicalID(t *testing.T) {
	for _, tc := range []struct {
		path []string
		want string
	}{
		{[]string{"Auth", "UserPool"}, "AuthUserPool3A690A78"},
		{[]string{"Auth", "SMSRole", "Resource"}, "AuthSMSRole379C0CF4"},
		{[]string{"Auth", "GroupADMINS"}, "AuthGroupADMINSA21F4BA3"},
		{[]string{"defineauth-shop", "Auth"}, "defineauthshopAuthE931B2B6"},
		{[]string{"AuthRegion"}, "AuthRegion"},
		{[]string{"Default", "Auth-Region"}, "AuthRegion"},                  // Default is dropped
		{[]string{"Auth", "Auth", "X"}, "AuthX" + hashOf("Auth/Auth/X")},    // a repeated id is read once
		{[]string{"Stack", "Resource"}, "Stack" + hashOf("Stack/Resource")}, // Resource is not readable
		{[]string{strings.Repeat("a", 300)}, strings.Repeat("a", 240) + hashOf(strings.Repeat("a", 300))},
	} {
		if got := spec.LogicalID(tc.path); got != tc.want {
			t.Errorf("LogicalID(%q) = %s, want %s", tc.path, got, tc.want)
		}
	}
}

// hashOf is the hash part of a logical id: the first 8 hex digits, upper case, of the
// MD5 of the path.
func hashOf(path string) string {
	sum := md5.Sum([]byte(path))
	return strings.ToUpper(hex.EncodeToString(sum[:4]))
}

// TestTemplateMatchesGoldenTemplates: the pure-Go rendering of every golden config is,
// byte for byte, the template the CDK synthesized (stacks' golden tests compare the
// CDK with the same files, and with this rendering).
func TestTemplateMatchesGoldenTemplates(t *testing.T) {
	golden.Each(t, "../../testdata/configs/*.json", ".json", 30, func(t *testing.T, name, f string) {
		cfg, err := config.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("../../testdata/golden", name+".template.json"))
		if err != nil {
			t.Fatal(err)
		}
		st := spec.ForStack(cfg)
		if got := st.Template(); string(got) != string(want) {
			t.Errorf("pure-Go template differs from the CDK's golden template (-cdk +spec):\n%s", cmp.Diff(string(want), string(got)))
		}
	})
}

// Example: the template of the bundled example, in pure Go, without Node.js.
func ExampleStack_Template() {
	cfg, err := config.Load("../../examples/shop.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	st := spec.ForStack(cfg)
	var tmpl struct {
		Resources map[string]struct {
			Type       string
			Properties map[string]any
		}
	}
	if err := json.Unmarshal(st.Template(), &tmpl); err != nil {
		fmt.Println(err)
		return
	}
	pool := tmpl.Resources["AuthUserPool3A690A78"]
	fmt.Println(st.Name, len(tmpl.Resources), "resources;", pool.Type, pool.Properties["MfaConfiguration"], pool.Properties["EnabledMfas"])
	for _, o := range st.Outputs[:4] {
		fmt.Println(o.Name, o.Value)
	}
	// Output:
	// defineauth-shop 7 resources; AWS::Cognito::UserPool ON [SMS_MFA SOFTWARE_TOKEN_MFA]
	// AuthRegion {AWS::Region}
	// UserPoolId {Auth/UserPool}
	// WebClientId {Auth/WebClient}
	// IdentityPoolId {Auth/IdentityPool}
}

// BenchmarkTemplate measures the pure-Go rendering of the example's whole stack:
// compare with stacks' BenchmarkTemplate, the same template from the CDK.
func BenchmarkTemplate(b *testing.B) {
	cfg, err := config.Load("../../examples/shop.json")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		st := spec.ForStack(cfg)
		_ = st.Template()
	}
}

// TestTemplateSizeLimit: a config whose values are each within Cognito's limits can
// still make a template larger than CloudFormation deploys; spec.Check refuses it
// (DA012), and its neighbour just under the limit passes.
func TestTemplateSizeLimit(t *testing.T) {
	samlWith := func(mapped int) *config.Config {
		mapping := map[string]string{}
		for _, a := range []string{"email", "fullname", "givenName", "familyName", "middleName", "nickname", "website", "profilePage", "locale", "timezone"}[:mapped] {
			mapping[a] = strings.Repeat("m", 131072)
		}
		return &config.Config{Name: "big", LoginWith: config.LoginWith{Email: true, ExternalProviders: &config.ExternalProviders{
			SAML: &config.SAMLProvider{Name: "corp", Metadata: &config.SAMLMetadata{MetadataType: "URL", MetadataContent: "https://idp.example.com/metadata"},
				AttributeMapping: mapping},
			CallbackURLs: []string{"https://app.example.com/"}, DomainPrefix: "big-login"}}}
	}
	if err := spec.Validate(samlWith(7)); err != nil {
		st := spec.ForStack(samlWith(7))
		t.Fatalf("seven mappings of 131,072 characters (%d bytes): %v", len(st.Template()), err)
	}
	big := samlWith(8)
	if err := big.Validate(); err != nil {
		t.Fatalf("config rules alone: %v", err)
	}
	ps := config.Problems(spec.Validate(big))
	if len(ps) != 1 || ps[0].Rule != "DA012" || !strings.Contains(ps[0].Message, "at most 1000000") {
		t.Fatalf("eight mappings: got %v, want one DA012 problem", ps)
	}
}

// TestDependsOnOrder: the web client waits for its providers in the CDK's order,
// which compares construct paths with JavaScript's localeCompare: "corp" before
// "Google" (byte order would put "G" first). Found by the agreement test on a
// fixture with both; checked against Node 20's ICU for punctuation, case and
// accents when the order was written.
func TestDependsOnOrder(t *testing.T) {
	cfg := &config.Config{Name: "order", LoginWith: config.LoginWith{Email: true, ExternalProviders: &config.ExternalProviders{
		Google: &config.OAuthProvider{ClientID: "g", ClientSecret: &config.Secret{SecretsManager: "g"}},
		OIDC: []config.OIDCProvider{{Name: "corp", ClientID: "c", ClientSecret: &config.Secret{SecretsManager: "c"}, IssuerURL: "https://login.example.com"},
			{Name: "_x", ClientID: "c", ClientSecret: &config.Secret{SecretsManager: "c"}, IssuerURL: "https://login.example.com"}},
		CallbackURLs: []string{"https://app.example.com/"}, DomainPrefix: "order-login"}}}
	st := spec.ForStack(cfg)
	var tmpl struct {
		Resources map[string]struct{ DependsOn []string }
	}
	if err := json.Unmarshal(st.Template(), &tmpl); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range tmpl.Resources {
		if len(r.DependsOn) > 0 {
			got = r.DependsOn
		}
	}
	var names []string
	for _, id := range got {
		names = append(names, strings.TrimPrefix(id[:len(id)-8], "AuthProvider"))
	}
	if want := []string{"x", "corp", "Google"}; !slices.Equal(names, want) {
		t.Errorf("DependsOn %v, want the providers in the order %v", got, want)
	}
}
