package spec_test

import (
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
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
	tmpl := st.Template()
	fmt.Println(st.Name, len(tmpl) > 0)
	for _, o := range st.Outputs[:4] {
		fmt.Println(o.Name, o.Value)
	}
	// Output:
	// defineauth-shop true
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
