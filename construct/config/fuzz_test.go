package config_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"unicode/utf8"

	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/construct/spec"
	"github.com/defineauth/defineauth/internal/golden"
	"github.com/defineauth/defineauth/lint"
)

// seed adds every JSON file under testdata/configs, testdata/rules and examples.
func seed(f *testing.F) {
	for _, data := range golden.ReadAll(f, "../../testdata/configs/*.json", "../../testdata/rules/*/*.json", "../../examples/*.json") {
		f.Add(data)
	}
}

// rendered counts the templates written to $DEFINEAUTH_RENDER_DIR by this process.
var rendered atomic.Int64

// checkAccepted is what must hold for every config validation accepts: its pure-Go
// template (the whole stack, package spec) has no lint error, and lint's R-rule
// warnings are validation's. With
// DEFINEAUTH_RENDER_DIR set (CI does), the template and the config are also written
// there, up to 12 per fuzz process (cfn-lint takes about 0.15 s a template):
// cfn-lint checks the templates' CloudFormation
// schema, and stacks' TestFuzzedConfigsMatchCDK synthesizes a sample of the configs
// with the CDK to prove the pure-Go rendering equal.
func checkAccepted(t *testing.T, cfg *config.Config) {
	// The names derived from an accepted config fit CloudFormation's and Cognito's
	// limits, and so does the number of resources.
	if n := len(cfg.StackName()); n > 128 {
		t.Fatalf("stack name of %d characters accepted: %q", n, cfg.StackName())
	}
	if n := utf8.RuneCountInString(cfg.WebClientName()); n > 128 {
		t.Fatalf("client name of %d characters accepted", n)
	}
	st := spec.ForStack(cfg)
	tmpl := st.Template()
	// Counted on the rendered template, not with ResourceCount (which DA012 uses).
	var counted struct{ Resources map[string]json.RawMessage }
	if err := json.Unmarshal(tmpl, &counted); err != nil {
		t.Fatal(err)
	}
	if n := len(counted.Resources); n > config.MaxResources {
		t.Fatalf("%d resources accepted", n)
	}
	if len(tmpl) > spec.MaxTemplateBytes {
		t.Fatalf("a template of %d bytes accepted", len(tmpl))
	}
	if strings.Contains(string(tmpl), "${Token[") || strings.Contains(string(tmpl), "#{Token[") {
		t.Fatalf("an accepted config renders a CDK token marker, which the CDK would try to resolve:\n%s", tmpl)
	}
	findings, err := lint.Template(tmpl)
	if err != nil {
		t.Fatal(err)
	}
	js, _ := json.Marshal(cfg)
	// JSON escapes C0 controls; DEL and C1 controls would be written raw, and
	// CloudFormation tooling (cfn-lint) refuses templates holding them.
	if strings.ContainsFunc(string(tmpl), func(r rune) bool { return r >= 0x7f && r <= 0x9f }) {
		t.Fatalf("a valid config renders control characters into the template\nconfig: %s", js)
	}
	if lint.HasErrors(findings) {
		t.Fatalf("a valid config maps to a template with lint errors: %v\nconfig: %s", findings, js)
	}
	var fromLint, fromConfig []string
	for _, x := range findings {
		fromLint = append(fromLint, x.Rule)
	}
	for _, p := range cfg.Check() {
		if strings.HasPrefix(p.Rule, "R") {
			fromConfig = append(fromConfig, p.Rule)
		}
	}
	slices.Sort(fromLint)
	slices.Sort(fromConfig)
	if !slices.Equal(slices.Compact(fromLint), slices.Compact(fromConfig)) {
		t.Fatalf("lint warnings %v, validation warnings %v\nconfig: %s", fromLint, fromConfig, js)
	}
	if dir := os.Getenv("DEFINEAUTH_RENDER_DIR"); dir != "" && rendered.Add(1) <= 12 {
		sum := sha256.Sum256(tmpl)
		base := filepath.Join(dir, hex.EncodeToString(sum[:8]))
		_ = os.WriteFile(base+".template.json", tmpl, 0o644)
		_ = os.WriteFile(base+".config.json", js, 0o644)
	}
}

// FuzzDecodeValidate: on any input, decoding and validation neither panic nor hang,
// every problem has a rule id, a message and a fix, and every accepted config passes
// checkAccepted.
// Run longer with: go test ./construct/config -run '^$' -fuzz '^FuzzDecodeValidate$' -fuzztime 10m
func FuzzDecodeValidate(f *testing.F) {
	seed(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := config.Decode(data)
		if err != nil {
			ps := config.Problems(err)
			if len(ps) == 0 {
				t.Fatalf("decode error without problems: %v", err)
			}
			for _, p := range ps {
				if p.Rule == "" || p.Message == "" {
					t.Fatalf("incomplete problem %+v", p)
				}
				if r := ruleByID(p.Rule); !strings.Contains(r.Severity, string(p.Severity)) {
					t.Fatalf("problem %s: its rule and severity are not in the rule table", p)
				}
			}
			return
		}
		for _, p := range cfg.Check() {
			if p.Rule == "" || p.Message == "" || p.Fix == "" {
				t.Fatalf("incomplete problem %+v", p)
			}
			if r := ruleByID(p.Rule); !strings.Contains(r.Severity, string(p.Severity)) {
				t.Fatalf("problem %s: its rule and severity are not in the rule table", p)
			}
		}
		// Nothing the file says is lost or changed: the accepted config, written back
		// as JSON, equals the input read by encoding/json (which keeps every value,
		// where Decode would have refused a duplicate, a bad byte or a default-bound
		// empty value).
		var in, out any
		back, _ := json.Marshal(cfg)
		if json.Unmarshal(data, &in) != nil || json.Unmarshal(back, &out) != nil || !sameJSON(in, out) {
			t.Fatalf("decoding changed the config:\n in: %s\nout: %s", data, back)
		}
		if spec.Validate(cfg) == nil {
			checkAccepted(t, cfg)
		}
	})
}

// sameJSON compares two JSON values, where the input may spell SMS MFA as {} (the
// output writes true), and either side may leave out what is empty: a false
// boolean, an empty object.
func sameJSON(in, out any) bool {
	switch x := in.(type) {
	case map[string]any:
		y, ok := out.(map[string]any)
		if !ok {
			return len(x) == 0 && out == true // "sms": {} is written "sms": true
		}
		for _, k := range slices.Concat(slices.Collect(maps.Keys(x)), slices.Collect(maps.Keys(y))) {
			v, inHas := x[k]
			w, outHas := y[k]
			switch {
			case inHas && outHas:
				if !sameJSON(v, w) {
					return false
				}
			case inHas && !empty(v), outHas && !empty(w):
				return false
			}
		}
		return true
	case []any:
		y, ok := out.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !sameJSON(x[i], y[i]) {
				return false
			}
		}
		return true
	}
	return in == out
}

// empty reports whether a JSON value says nothing: false, "", an empty object or an
// empty list.
func empty(v any) bool {
	m, isMap := v.(map[string]any)
	l, isList := v.([]any)
	return v == false || v == "" || isMap && len(m) == 0 || isList && len(l) == 0
}

// setTriggers sets the triggers and senders whose bits (0-11, in AllTriggers order)
// are on, the token event version (bits 12-13), the sender key (bit 14) and the
// password flow (bit 15).
func setTriggers(cfg *config.Config, bits uint16) {
	const key = "arn:aws:kms:us-east-1:123456789012:key/k1"
	for i, tr := range config.AllTriggers() {
		if bits&(1<<i) == 0 {
			continue
		}
		arn := fmt.Sprintf("arn:aws:lambda:us-east-1:123456789012:function:f%d", i%5)
		sender := &config.CustomSender{Handler: arn}
		if bits&(1<<14) != 0 {
			sender.KMSKeyArn = key
		}
		switch tr {
		case config.CustomEmailSender:
			cfg.Senders.CustomEmail = sender
		case config.CustomSMSSender:
			cfg.Senders.CustomSMS = sender
		default:
			reflect.ValueOf(&cfg.Triggers).Elem().FieldByNameFunc(func(n string) bool { return strings.EqualFold(n, string(tr)) }).SetString(arn)
		}
	}
	cfg.Triggers.PreTokenGenerationVersion = []config.TokenEventVersion{"", config.TokenEventV1, config.TokenEventV2, config.TokenEventV3}[bits>>12&3]
	cfg.WebClient.UserPasswordAuth = bits&(1<<15) != 0
}

// setSignIn sets passwordless first factors and the messages users receive from the
// bits of b, with text (the fuzzed SMS message) as every message body.
func setSignIn(cfg *config.Config, b uint16, text string) {
	bit := func(i int) bool { return b&(1<<i) != 0 }
	if cfg.LoginWith.Email {
		e := &config.EmailLogin{OTPLogin: bit(0)}
		if bit(3) {
			e.VerificationEmailBody, e.VerificationEmailSubject = text, "Confirm"
			e.VerificationEmailStyle = []config.VerificationStyle{"", config.VerifyWithCode, config.VerifyWithLink, config.VerifyWithCode}[b>>10&3]
		}
		if bit(4) {
			e.UserInvitation = &config.UserInvitation{EmailBody: text, SMSMessage: text, EmailSubject: "Welcome"}
		}
		cfg.LoginWith.EmailOptions = e
	}
	if cfg.LoginWith.Phone {
		cfg.LoginWith.PhoneOptions = &config.PhoneLogin{OTPLogin: bit(1)}
		if bit(5) {
			cfg.LoginWith.PhoneOptions.VerificationMessage = text
		}
	}
	if bit(2) {
		cfg.LoginWith.WebAuthn = &config.WebAuthn{RelyingPartyID: []string{"example.com", "localhost", "", "https://x"}[b>>6&3],
			UserVerification: []string{"", "required", "preferred", "sometimes"}[b>>8&3]}
	}
	if m := cfg.Multifactor; m != nil && m.Email && bit(12) {
		m.EmailOptions = &config.EmailMFA{EmailMessage: text, EmailSubject: "Code"}
	}
	if bit(13) {
		cfg.SelfSignUp = new(bool)
	}
	if bit(14) {
		cfg.PasswordlessOptions = &config.PasswordlessOptions{PreferredChallenge: []string{"PASSWORD", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN"}[b>>10&3]}
	}
}

// setProviders sets external providers from the bits of b, with text as the domain
// prefix, an OIDC provider's name or a callback URL.
func setProviders(cfg *config.Config, b uint16, text string) {
	bit := func(i int) bool { return b&(1<<i) != 0 }
	if !bit(0) {
		return
	}
	secret := &config.Secret{SecretsManager: "prod/idp", JSONKey: text}
	x := &config.ExternalProviders{DomainPrefix: "example-login", CallbackURLs: []string{"https://app.example.com/"}, FederatedOnly: bit(1)}
	if bit(2) {
		x.DomainPrefix = text
	}
	if bit(3) {
		x.CallbackURLs = append(x.CallbackURLs, text)
	}
	if bit(4) {
		x.Google = &config.OAuthProvider{ClientID: "g", ClientSecret: secret, AttributeMapping: map[string]string{"email": "email"}}
	}
	if bit(5) {
		x.Facebook = &config.OAuthProvider{ClientID: "f", ClientSecret: secret, Scopes: []string{"public_profile", text}}
	}
	if bit(6) {
		x.LoginWithAmazon = &config.OAuthProvider{ClientID: "a", ClientSecret: secret}
	}
	if bit(7) {
		x.SignInWithApple = &config.AppleProvider{ClientID: "s", TeamID: "T", KeyID: "K", PrivateKey: secret}
	}
	if bit(8) {
		x.OIDC = append(x.OIDC, config.OIDCProvider{Name: text, ClientID: "o", ClientSecret: secret, IssuerURL: "https://login.example.com"})
	}
	if bit(9) {
		x.SAML = &config.SAMLProvider{Name: "Corp", Metadata: &config.SAMLMetadata{MetadataType: []string{"URL", "FILE"}[b>>10&1], MetadataContent: text}}
	}
	if bit(11) {
		x.Scopes = []string{"OPENID", "EMAIL"}
	}
	if bit(12) {
		x.LogoutURLs = []string{text}
	}
	cfg.LoginWith.ExternalProviders = x
}

// FuzzConfigSpace explores the space of well-formed configs (mutated JSON is rarely
// valid): login, MFA mode and methods, senders, recovery, attributes, devices, plans.
// Run longer with: go test ./construct/config -run '^$' -fuzz '^FuzzConfigSpace$' -fuzztime 10m
func FuzzConfigSpace(f *testing.F) {
	f.Add("shop", uint16(0b1_0000_0001_0011), uint8(2), uint8(2), "Your code is {####}", "arn:aws:iam::123456789012:role/sms", "ext", 12, uint16(0), uint16(0), uint16(0), "")
	f.Add("x", uint16(0xffff), uint8(1), uint8(6), "", "", "", 8, uint16(0xffff), uint16(0xffff), uint16(0xffff), "example-login")
	f.Add("a b", uint16(0), uint8(0), uint8(0), "{####}", "", "id", 99, uint16(0b10_0011_1000_0001), uint16(0b1_0010_0101), uint16(0b1_0001_0001_0001), "https://app.example.com/")
	f.Fuzz(func(t *testing.T, name string, bits uint16, mode, recovery uint8, smsMessage, snsArn, externalID string, minLen int, triggers, signin, providers uint16, text string) {
		bit := func(i int) bool { return bits&(1<<i) != 0 }
		recoveries := []config.AccountRecovery{"", config.RecoveryEmailOnly, config.RecoveryNone, config.RecoveryPhoneAndEmail,
			config.RecoveryEmailAndPhoneWithoutMFA, config.RecoveryPhoneOnlyWithoutMFA, config.RecoveryPhoneWithoutMFAAndEmail}
		cfg := &config.Config{
			Name:            name,
			LoginWith:       config.LoginWith{Email: bit(0), Phone: bit(1)},
			AccountRecovery: recoveries[int(recovery)%len(recoveries)],
			PasswordPolicy:  &config.PasswordPolicy{MinLength: minLen},
		}
		if mode%4 != 3 {
			cfg.Multifactor = &config.Multifactor{Mode: []config.MFAMode{config.MFAOff, config.MFAOptional, config.MFARequired}[mode%4], TOTP: bit(2), Email: bit(3)}
			if bit(4) {
				cfg.Multifactor.SMS = &config.SMSMFA{Message: smsMessage}
			}
		}
		if bit(5) {
			cfg.Senders.SMS = &config.SMSSender{Disabled: bit(6)}
			if bit(7) {
				cfg.Senders.SMS.SNSCallerArn, cfg.Senders.SMS.ExternalID = snsArn, externalID
			}
		}
		if bit(8) {
			cfg.Senders.Email = &config.EmailSender{FromEmail: "no-reply@example.com", FromName: name}
		}
		if bit(9) {
			cfg.DeviceTracking = &config.DeviceTracking{ChallengeRequiredOnNewDevice: bit(10), DeviceOnlyRememberedOnUserPrompt: bit(11)}
		}
		cfg.UserAttributes = map[string]config.Attribute{}
		if bit(12) {
			cfg.UserAttributes["phoneNumber"] = config.Attribute{Required: true}
		}
		if bit(13) {
			cfg.UserAttributes["email"] = config.Attribute{Required: bit(14), KeepOriginalUntilVerified: &[]bool{bit(15)}[0]}
		}
		if mode&0x10 != 0 {
			cfg.FeaturePlan = config.PlanLite
		}
		if mode&0x20 != 0 {
			cfg.FeaturePlan = config.PlanPlus
		}
		if mode&0x40 != 0 {
			cfg.ThreatProtection = []config.ThreatProtection{config.ThreatProtectionAudit, config.ThreatProtectionEnforced}[mode>>7]
		}
		setTriggers(cfg, triggers)
		setSignIn(cfg, signin, smsMessage)
		setProviders(cfg, providers, text)
		for _, p := range cfg.Check() {
			if p.Rule == "" || p.Message == "" || p.Fix == "" {
				t.Fatalf("incomplete problem %+v", p)
			}
			if r := ruleByID(p.Rule); !strings.Contains(r.Severity, string(p.Severity)) {
				t.Fatalf("problem %s: its rule and severity are not in the rule table", p)
			}
		}
		if spec.Validate(cfg) == nil {
			checkAccepted(t, cfg)
		}
	})
}
