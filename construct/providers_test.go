package construct_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/jsii-runtime-go"

	"github.com/defineauth/defineauth/construct"
	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/lint"
)

func googleConfig(secret *config.Secret) *config.Config {
	return &config.Config{Name: "shop", LoginWith: config.LoginWith{Email: true, ExternalProviders: &config.ExternalProviders{
		Google:       &config.OAuthProvider{ClientID: "g-client", ClientSecret: secret},
		CallbackURLs: []string{"https://app.example.com/"}, DomainPrefix: "example-login",
	}}}
}

// providerDetails returns the ProviderDetails of every identity provider in a
// synthesized stack, by logical id.
func providerDetails(t *testing.T, stack awscdk.Stack) (map[string]map[string]any, []byte) {
	t.Helper()
	tmpl, err := json.Marshal(assertions.Template_FromStack(stack, nil).ToJSON())
	if err != nil {
		t.Fatal(err)
	}
	return detailsIn(t, tmpl), tmpl
}

// detailsIn returns the ProviderDetails of every identity provider in a template.
func detailsIn(t *testing.T, tmpl []byte) map[string]map[string]any {
	t.Helper()
	var doc struct {
		Resources map[string]struct {
			Type       string
			Properties map[string]any
		}
	}
	if err := json.Unmarshal(tmpl, &doc); err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]any{}
	for id, r := range doc.Resources {
		if r.Type == "AWS::Cognito::UserPoolIdentityProvider" {
			out[id], _ = r.Properties["ProviderDetails"].(map[string]any)
		}
	}
	return out
}

// TestProviderSecretInGo: a secret passed as a SecretValue reaches the template as
// the dynamic reference, never as a value.
func TestProviderSecretInGo(t *testing.T) {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Secrets"), nil)
	_, err := construct.NewAuthWithProps(stack, jsii.String("Auth"), &construct.AuthProps{Config: googleConfig(nil),
		ProviderSecrets: map[string]awscdk.SecretValue{"google": awscdk.SecretValue_SecretsManager(jsii.String("prod/google"),
			&awscdk.SecretsManagerSecretOptions{JsonField: jsii.String("clientSecret")})}})
	if err != nil {
		t.Fatal(err)
	}
	details, tmpl := providerDetails(t, stack)
	if len(details) != 1 {
		t.Fatalf("want one provider, got %v", details)
	}
	for _, d := range details {
		if d["client_secret"] != "{{resolve:secretsmanager:prod/google:SecretString:clientSecret::}}" {
			t.Errorf("client_secret = %v", d["client_secret"])
		}
	}
	if findings, err := lint.Template(tmpl); err != nil || len(findings) > 0 {
		t.Errorf("lint: %v %v", err, findings)
	}
}

// TestProviderSecretRefused: a secret given twice, or for no provider, is refused.
func TestProviderSecretRefused(t *testing.T) {
	stack := awscdk.NewStack(awscdk.NewApp(nil), jsii.String("Refused"), nil)
	sv := awscdk.SecretValue_SecretsManager(jsii.String("prod/google"), nil)
	for _, tc := range []struct {
		name string
		cfg  *config.Config
		key  string
		want string
	}{
		{"twice", googleConfig(&config.Secret{SecretsManager: "prod/google"}), "google", "DA017"},
		{"no such provider", googleConfig(nil), "facebook", `"facebook" is not a configured provider`},
	} {
		_, err := construct.NewAuthWithProps(stack, jsii.String("Auth"+tc.name), &construct.AuthProps{Config: tc.cfg,
			ProviderSecrets: map[string]awscdk.SecretValue{tc.key: sv}})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want %q", tc.name, err, tc.want)
		}
	}
}

// TestPlainTextSecretIsCaught: a SecretValue in plain text is the one way a secret
// can reach a template; lint on the synthesized template reports it (R37).
func TestPlainTextSecretIsCaught(t *testing.T) {
	stack := awscdk.NewStack(awscdk.NewApp(nil), jsii.String("Plain"), nil)
	_, err := construct.NewAuthWithProps(stack, jsii.String("Auth"), &construct.AuthProps{Config: googleConfig(nil),
		ProviderSecrets: map[string]awscdk.SecretValue{"google": awscdk.SecretValue_UnsafePlainText(jsii.String("hunter2-not-a-real-secret"))}})
	if err != nil {
		t.Fatal(err)
	}
	_, tmpl := providerDetails(t, stack)
	findings, err := lint.Template(tmpl)
	if err != nil || !lint.HasErrors(findings) || findings[0].Rule != "R37" {
		t.Errorf("lint: %v %v, want R37", err, findings)
	}
}

// TestNoSecretInGoldenTemplates: in every golden template, each provider secret is a
// Secrets Manager dynamic reference, and no provider detail holds anything that
// looks like a secret value.
func TestNoSecretInGoldenTemplates(t *testing.T) {
	files, _ := filepath.Glob("../testdata/golden/*.template.json")
	providers := 0
	for _, f := range files {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for id, d := range detailsIn(t, raw) {
			providers++
			for _, k := range []string{"client_secret", "private_key"} {
				if v, ok := d[k]; ok {
					if s, _ := v.(string); !strings.HasPrefix(s, "{{resolve:secretsmanager:") || !strings.HasSuffix(s, "}}") {
						t.Errorf("%s %s: %s is not a dynamic reference: %v", filepath.Base(f), id, k, v)
					}
				}
			}
		}
	}
	if providers < 10 {
		t.Errorf("only %d providers in the golden templates", providers)
	}
}
