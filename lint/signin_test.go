package lint_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/defineauth/defineauth/lint"
)

// TestSignInAndMessageRules: the passwordless (R12, R23-R27) and message (R9, R21,
// R22, R28) rules on the base pool of poolTemplate made MFA OPTIONAL, each failing
// case next to its passing neighbour.
func TestSignInAndMessageRules(t *testing.T) {
	factors := func(f ...any) func(p m) {
		return func(p m) {
			p["MfaConfiguration"] = "OPTIONAL"
			p["Policies"] = m{"SignInPolicy": m{"AllowedFirstAuthFactors": a(f)}}
			p["EmailConfiguration"] = m{"EmailSendingAccount": "DEVELOPER", "SourceArn": "arn:aws:ses:us-east-1:123456789012:identity/example.com"}
		}
	}
	with := func(base func(p m), edit func(p m)) func(p m) {
		return func(p m) { base(p); edit(p) }
	}
	passkeys := factors("PASSWORD", "WEB_AUTHN")
	optional := func(p m) { p["MfaConfiguration"] = "OPTIONAL" }
	for _, tc := range []struct {
		name string
		edit func(p m)
		want string
	}{
		{"email OTP with SES: clean", factors("PASSWORD", "EMAIL_OTP"), ""},
		{"R12 passwordless with MFA ON", with(factors("PASSWORD", "EMAIL_OTP"), func(p m) { p["MfaConfiguration"] = "ON" }), "R12"},
		{"password only with MFA ON: clean", with(factors("PASSWORD"), func(p m) { p["MfaConfiguration"] = "ON" }), ""},
		{"R23 on LITE", with(factors("PASSWORD", "EMAIL_OTP"), func(p m) { p["UserPoolTier"] = "LITE" }), "R23"},
		{"R24 email OTP with Cognito's sender", with(factors("PASSWORD", "EMAIL_OTP"), func(p m) { p["EmailConfiguration"] = m{"EmailSendingAccount": "COGNITO_DEFAULT"} }), "R24"},
		{"R24 SMS OTP without SMS", factors("PASSWORD", "SMS_OTP"), "R24"},
		{"SMS OTP with SMS: clean", with(factors("PASSWORD", "SMS_OTP"), func(p m) {
			smsOn(p)
			p["MfaConfiguration"] = "OPTIONAL"
			p["AccountRecoverySetting"] = m{"RecoveryMechanisms": a{m{"Name": "verified_email", "Priority": 1}}}
		}), ""},
		{"R25 PASSWORD left out", factors("EMAIL_OTP"), "R25"},
		{"R26 passkeys without relying party", passkeys, "R26"},
		{"passkeys with relying party: clean", with(passkeys, func(p m) { p["WebAuthnRelyingPartyID"] = "example.com" }), ""},
		{"R26 relying party with a scheme", with(passkeys, func(p m) { p["WebAuthnRelyingPartyID"] = "https://example.com" }), "R26"},
		{"R26 warning: localhost", with(passkeys, func(p m) { p["WebAuthnRelyingPartyID"] = "localhost" }), "R26 warning"},
		{"R27 warning: devices with passwordless", with(factors("PASSWORD", "EMAIL_OTP"), func(p m) {
			p["DeviceConfiguration"] = m{"ChallengeRequiredOnNewDevice": true}
		}), "R27 warning"},
		{"devices with passwords only: clean", with(optional, func(p m) { p["DeviceConfiguration"] = m{"ChallengeRequiredOnNewDevice": true} }), ""},
		{"verification email with code: clean", func(p m) { p["VerificationMessageTemplate"] = m{"EmailMessage": "Code {####}", "EmailSubject": "Hi"} }, ""},
		{"R21 verification email loses the code", func(p m) { p["VerificationMessageTemplate"] = m{"EmailMessage": "Welcome!"} }, "R21"},
		{"R21 link email without a link", func(p m) {
			p["VerificationMessageTemplate"] = m{"DefaultEmailOption": "CONFIRM_WITH_LINK", "EmailMessageByLink": "Click {####}"}
		}, "R21,R28 warning"},
		{"R21 email MFA message without code", func(p m) { p["EmailAuthenticationMessage"] = "Your sign-in code" }, "R21"},
		{"R21 subject too long", func(p m) { p["EmailAuthenticationSubject"] = strings.Repeat("s", 141) }, "R21"},
		{"R22 invitation without username", func(p m) {
			p["AdminCreateUserConfig"] = m{"InviteMessageTemplate": m{"SMSMessage": "Password {####}", "EmailMessage": "Hi {username}, password {####}"}}
		}, "R22"},
		{"invitation with both: clean", func(p m) {
			p["AdminCreateUserConfig"] = m{"InviteMessageTemplate": m{"SMSMessage": "{username}: {####}", "EmailSubject": "Welcome"}}
		}, ""},
		{"R9 verification SMS without code", func(p m) { smsOn(p); p["VerificationMessageTemplate"] = m{"SmsMessage": "Welcome"} }, "R9"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := poolTemplate(tc.edit, nil)
			findings, err := lint.Template(data)
			if err != nil {
				t.Fatal(err)
			}
			if got := ruleList(t, findings); got != tc.want {
				t.Errorf("got %q, want %q\n%v", got, tc.want, findings)
			}
		})
	}
}

// TestLinkVerificationWithDomain: a domain for the pool in the template answers R28.
func TestLinkVerificationWithDomain(t *testing.T) {
	var doc m
	_ = json.Unmarshal(poolTemplate(func(p m) {
		p["VerificationMessageTemplate"] = m{"DefaultEmailOption": "CONFIRM_WITH_LINK", "EmailMessageByLink": "Click {##here##}"}
	}, nil), &doc)
	res := doc["Resources"].(m)
	res["Domain"] = m{"Type": "AWS::Cognito::UserPoolDomain", "Properties": m{"UserPoolId": m{"Ref": "Pool"}, "Domain": "example-auth"}}
	data, _ := json.Marshal(doc)
	findings, err := lint.Template(data)
	if err != nil || len(findings) > 0 {
		t.Errorf("got %v %v, want no finding", err, findings)
	}
}
