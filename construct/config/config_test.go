package config_test

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/defineauth/defineauth/construct/config"
)

func ptr[T any](v T) *T { return &v }

// TestDefaultRecoveryNeverTripsR6: whatever the login and MFA, the default recovery
// is accepted by Cognito.
func TestDefaultRecoveryNeverTripsR6(t *testing.T) {
	for _, login := range []config.LoginWith{{Email: true}, {Phone: true}, {Email: true, Phone: true}} {
		for _, mode := range []config.MFAMode{config.MFAOff, config.MFAOptional, config.MFARequired} {
			c := config.Config{Name: "x", LoginWith: login, Multifactor: &config.Multifactor{Mode: mode, TOTP: mode != config.MFAOff}, UserAttributes: map[string]config.Attribute{"phoneNumber": {Required: true}}}
			if mode != config.MFAOff {
				c.Multifactor.SMS = &config.SMSMFA{}
			}
			for _, p := range c.Check() {
				if p.Rule == "R6" {
					t.Errorf("login %+v, mode %s: default recovery %s trips R6", login, mode, c.ResolvedAccountRecovery())
				}
			}
		}
	}
}

func TestPasswordPolicyDefaults(t *testing.T) {
	c := config.Config{PasswordPolicy: &config.PasswordPolicy{MinLength: 14, RequireSymbols: ptr(false)}}
	got := c.ResolvedPasswordPolicy()
	want := config.ResolvedPasswordPolicy{MinLength: 14, RequireLowercase: true, RequireUppercase: true, RequireDigits: true, RequireSymbols: false, TempPasswordValidityDays: 7}
	if got != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
	if got := (&config.Config{}).ResolvedPasswordPolicy().MinLength; got != config.DefaultMinPasswordLength {
		t.Errorf("default min length %d", got)
	}
}

// TestJSONRoundTrip: a Go config written as JSON decodes to the same config, so the
// Go and JSON vocabularies are one.
func TestJSONRoundTrip(t *testing.T) {
	in := config.Config{
		Name:           "shop",
		LoginWith:      config.LoginWith{Email: true},
		Multifactor:    &config.Multifactor{Mode: config.MFARequired, SMS: &config.SMSMFA{Message: "Code {####}"}, TOTP: true},
		DeviceTracking: &config.DeviceTracking{},
		UserAttributes: map[string]config.Attribute{"phoneNumber": {Required: true}},
		Senders:        config.Senders{SMS: &config.SMSSender{SNSRegion: "us-east-1"}},
		Groups:         []string{"ADMINS"},
	}
	for _, sms := range []*config.SMSMFA{{Message: "Code {####}"}, {}} {
		in.Multifactor.SMS = sms
		data, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		out, err := config.Decode(data)
		if err != nil {
			t.Fatalf("%s: %v", data, err)
		}
		if !reflect.DeepEqual(*out, in) {
			t.Errorf("round trip of %s:\n got %+v\nwant %+v", data, *out, in)
		}
	}
}

func TestDecodeSMSForms(t *testing.T) {
	for doc, want := range map[string]*config.SMSMFA{
		`true`:                     {},
		`false`:                    nil,
		`{"smsMessage": "{####}"}`: {Message: "{####}"},
	} {
		c, err := config.Decode([]byte(`{"multifactor": {"mode": "OPTIONAL", "sms": ` + doc + `}}`))
		if err != nil {
			t.Fatalf("%s: %v", doc, err)
		}
		if !reflect.DeepEqual(c.Multifactor.SMS, want) {
			t.Errorf("sms %s: got %+v, want %+v", doc, c.Multifactor.SMS, want)
		}
	}
}

func TestProblemsListsEveryError(t *testing.T) {
	c := config.Config{Multifactor: &config.Multifactor{Mode: config.MFAOptional}}
	ps := config.Problems(c.Validate())
	var ids []string
	for _, p := range ps {
		ids = append(ids, p.Rule)
	}
	if want := []string{"DA001", "DA002", "R1"}; !slices.Equal(ids, want) {
		t.Errorf("rules = %v, want %v", ids, want)
	}
}

// Example: validating a config in pure Go, without Node.js.
func ExampleConfig_Validate() {
	cfg := config.Config{
		Name:            "shop",
		LoginWith:       config.LoginWith{Email: true},
		Multifactor:     &config.Multifactor{Mode: config.MFARequired, SMS: &config.SMSMFA{}},
		AccountRecovery: config.RecoveryEmailAndPhoneWithoutMFA,
	}
	for _, p := range config.Problems(cfg.Validate()) {
		fmt.Println(p.Rule, p.Path)
	}
	// Output:
	// R6 accountRecovery
	// R13 multifactor.sms
}

// TestDecodeRefusesNullSMS: null is not "off"; it is refused like every null (DA104).
func TestDecodeRefusesNullSMS(t *testing.T) {
	_, err := config.Decode([]byte(`{"multifactor": {"mode": "OPTIONAL", "sms": null}}`))
	if ps := config.Problems(err); len(ps) != 1 || ps[0].Rule != "DA104" || ps[0].Path != "multifactor.sms" {
		t.Fatalf("got %v", err)
	}
}

// Example: decoding a JSON config reports every unknown field, with a suggestion.
func ExampleDecode() {
	_, err := config.Decode([]byte(`{"name": "shop", "loginWith": {"email": true}, "multiFactor": {"mode": "REQUIRED"}}`))
	fmt.Println(err)
	// Output:
	// DA101 multiFactor: unknown field "multiFactor" Fix: did you mean "multifactor"?
}

// BenchmarkDecodeValidate measures what `defineauth validate` does per file: decode the
// example config and run every rule. Compare with stacks' BenchmarkTemplate (a synth).
func BenchmarkDecodeValidate(b *testing.B) {
	data, err := os.ReadFile("../../examples/shop.json")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		cfg, err := config.Decode(data)
		if err != nil {
			b.Fatal(err)
		}
		_ = cfg.Check()
	}
}

// TestSecretNeverEchoed: a secret written where a secret is only named is refused
// without repeating it, so it does not end up in CI logs.
func TestSecretNeverEchoed(t *testing.T) {
	const secret = "GOCSPX-not-a-real-secret-1234"
	for _, field := range []string{`"clientSecret": "` + secret + `"`, `"clientSecret": ["` + secret + `"]`} {
		data := `{"name": "shop", "loginWith": {"email": true, "externalProviders": {"google": {"clientId": "g", ` + field +
			`}, "callbackUrls": ["https://app.example.com/"], "domainPrefix": "example-login"}}}`
		_, err := config.Decode([]byte(data))
		if err == nil || strings.Contains(err.Error(), secret) || !strings.Contains(err.Error(), "DA102") {
			t.Errorf("%s: %v", field, err)
		}
	}
}
