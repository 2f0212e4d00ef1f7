package config

import (
	"slices"
	"strings"

	"github.com/defineauth/defineauth/internal/cognito"
)

// EmailLogin holds the options of email sign-in (JSON: "loginWith": {"email": {...}}).
type EmailLogin struct {
	// OTPLogin lets users sign in with a one-time code sent by email instead of a
	// password (the EMAIL_OTP first factor). It needs an SES sender (senders.email)
	// and the ESSENTIALS or PLUS plan. Default: false.
	OTPLogin bool `json:"otpLogin,omitempty"`
	// VerificationEmailStyle is CODE (the user types a code) or LINK (the user
	// clicks a link). Default: CODE.
	VerificationEmailStyle VerificationStyle `json:"verificationEmailStyle,omitempty"`
	// VerificationEmailSubject is the verification email's subject, 1 to 140
	// characters. Default: Cognito's.
	VerificationEmailSubject string `json:"verificationEmailSubject,omitempty"`
	// VerificationEmailBody is the verification email: with CODE it must contain
	// {####} (the code), with LINK {##text##} (the link, showing text); 6 to 20,000
	// characters. Default: Cognito's.
	VerificationEmailBody string `json:"verificationEmailBody,omitempty"`
	// UserInvitation is the message an administrator-created user receives.
	// Default: Cognito's.
	UserInvitation *UserInvitation `json:"userInvitation,omitempty"`
}

// VerificationStyle is how users verify their email address.
type VerificationStyle string

// The verification styles.
const (
	VerifyWithCode VerificationStyle = "CODE"
	VerifyWithLink VerificationStyle = "LINK"
)

var verificationStyles = []VerificationStyle{VerifyWithCode, VerifyWithLink}

// UserInvitation is the invitation sent when an administrator creates a user. Each
// message must contain {username} and {####} (the temporary password).
type UserInvitation struct {
	// EmailSubject is 1 to 140 characters. Default: Cognito's.
	EmailSubject string `json:"emailSubject,omitempty"`
	// EmailBody is 6 to 20,000 characters. Default: Cognito's.
	EmailBody string `json:"emailBody,omitempty"`
	// SMSMessage is 6 to 140 characters. Default: Cognito's.
	SMSMessage string `json:"smsMessage,omitempty"`
}

// PhoneLogin holds the options of phone sign-in (JSON: "loginWith": {"phone": {...}}).
type PhoneLogin struct {
	// OTPLogin lets users sign in with a one-time code sent by SMS instead of a
	// password (the SMS_OTP first factor). Default: false.
	OTPLogin bool `json:"otpLogin,omitempty"`
	// VerificationMessage is the verification SMS; it must contain {####}, at most
	// 140 characters. Default: Cognito's.
	VerificationMessage string `json:"verificationMessage,omitempty"`
}

// WebAuthn configures passkeys (the WEB_AUTHN first factor; JSON "webAuthn": true
// or an object). Passkeys are bound to RelyingPartyID: changing it later makes
// every registered passkey useless (rule U15).
type WebAuthn struct {
	// RelyingPartyID is the domain your front end is served from (example.com, or
	// app.example.com), or localhost for development; required.
	RelyingPartyID string `json:"relyingPartyId,omitempty"`
	// UserVerification is required (the authenticator must check a PIN or
	// biometric) or preferred. Default: preferred.
	UserVerification string `json:"userVerification,omitempty"`
}

var userVerifications = []string{"required", "preferred"}

// PasswordlessOptions holds what the front end offers first.
type PasswordlessOptions struct {
	// PreferredChallenge is the first factor the client tries: PASSWORD, EMAIL_OTP,
	// SMS_OTP or WEB_AUTHN; it must be enabled (rule DA015). It goes to
	// amplify_outputs.json only: Cognito has no such setting. Default: none.
	PreferredChallenge string `json:"preferredChallenge,omitempty"`
}

var firstFactors = cognito.FirstAuthFactors

// EmailMFA holds the email MFA message (JSON: "multifactor": {"email": {...}}).
type EmailMFA struct {
	// EmailMessage must contain {####}, 6 to 20,000 characters. Default: Cognito's.
	EmailMessage string `json:"emailMessage,omitempty"`
	// EmailSubject is 1 to 140 characters. Default: Cognito's.
	EmailSubject string `json:"emailSubject,omitempty"`
}

// FirstFactors returns the pool's allowed first sign-in factors: PASSWORD, then
// EMAIL_OTP, SMS_OTP and WEB_AUTHN as configured; nil when only passwords are
// allowed (the template then has no sign-in policy).
func (c *Config) FirstFactors() []string {
	var out []string
	if e := c.LoginWith.EmailOptions; e != nil && e.OTPLogin {
		out = append(out, "EMAIL_OTP")
	}
	if p := c.LoginWith.PhoneOptions; p != nil && p.OTPLogin {
		out = append(out, "SMS_OTP")
	}
	if c.LoginWith.WebAuthn != nil {
		out = append(out, "WEB_AUTHN")
	}
	if out == nil {
		return nil
	}
	return append([]string{"PASSWORD"}, out...)
}

// Passwordless reports whether users may sign in without a password.
func (c *Config) Passwordless() bool { return c.FirstFactors() != nil }

// ResolvedSelfSignUp is SelfSignUp or its default, true.
func (c *Config) ResolvedSelfSignUp() bool { return c.SelfSignUp == nil || *c.SelfSignUp }

// checkPasswordlessMFARequired: Cognito does not combine passwordless first factors with required MFA.
func checkPasswordlessMFARequired(c *Config) []*Problem {
	if c.Passwordless() && c.Mode() == MFARequired {
		return []*Problem{problemf("R12", "multifactor.mode", `set "mode": "OPTIONAL", or turn off otpLogin and webAuthn`,
			"passwordless sign-in (%s) cannot be combined with MFA REQUIRED; Cognito refuses it", strings.Join(c.FirstFactors()[1:], ", "))}
	}
	return nil
}

// checkEmailMessages: the verification email and the email MFA message.
func checkEmailMessages(c *Config) []*Problem {
	var out []*Problem
	if e := c.LoginWith.EmailOptions; e != nil {
		kind := cognito.EmailCode
		if e.VerificationEmailStyle == VerifyWithLink {
			kind = cognito.EmailLink
		}
		if e.VerificationEmailBody != "" {
			out = append(out, messageProblems("R21", "loginWith.email.verificationEmailBody", kind, e.VerificationEmailBody)...)
		}
		if e.VerificationEmailSubject != "" {
			out = append(out, messageProblems("R21", "loginWith.email.verificationEmailSubject", cognito.Subject, e.VerificationEmailSubject)...)
		}
	}
	if m := c.Multifactor; m != nil && m.EmailOptions != nil {
		if m.EmailOptions.EmailMessage != "" {
			out = append(out, messageProblems("R21", "multifactor.email.emailMessage", cognito.EmailCode, m.EmailOptions.EmailMessage)...)
		}
		if m.EmailOptions.EmailSubject != "" {
			out = append(out, messageProblems("R21", "multifactor.email.emailSubject", cognito.Subject, m.EmailOptions.EmailSubject)...)
		}
	}
	return out
}

// checkInvitation: the invitation an administrator-created user receives.
func checkInvitation(c *Config) []*Problem {
	e := c.LoginWith.EmailOptions
	if e == nil || e.UserInvitation == nil {
		return nil
	}
	inv := e.UserInvitation
	var out []*Problem
	for _, m := range []struct {
		path, text string
		kind       cognito.MessageKind
	}{
		{"emailSubject", inv.EmailSubject, cognito.Subject},
		{"emailBody", inv.EmailBody, cognito.InvitationMail},
		{"smsMessage", inv.SMSMessage, cognito.InvitationSMS},
	} {
		if m.text != "" {
			out = append(out, messageProblems("R22", "loginWith.email.userInvitation."+m.path, m.kind, m.text)...)
		}
	}
	return out
}

// checkPasswordlessPlan: passwordless sign-in is not on the LITE plan.
func checkPasswordlessPlan(c *Config) []*Problem {
	if c.Passwordless() && c.ResolvedFeaturePlan() == PlanLite {
		return []*Problem{problemf("R23", "featurePlan", `set "featurePlan": "ESSENTIALS" (or PLUS), or turn off otpLogin and webAuthn`,
			"passwordless sign-in needs the ESSENTIALS or PLUS feature plan, but the plan is LITE")}
	}
	return nil
}

// checkOTPChannel: each one-time-code factor needs its channel.
func checkOTPChannel(c *Config) []*Problem {
	var out []*Problem
	factors := c.FirstFactors()
	if slices.Contains(factors, "EMAIL_OTP") && c.Senders.Email == nil {
		out = append(out, problemf("R24", "loginWith.email.otpLogin", "add senders.email (an SES identity): Cognito sends sign-in codes only through SES",
			"email one-time codes need an SES email sender; with Cognito's own sender the codes cannot be sent"))
	}
	if slices.Contains(factors, "SMS_OTP") && !c.SMSConfigured() {
		out = append(out, problemf("R24", "loginWith.phone.otpLogin", `remove "disabled" from senders.sms`,
			"SMS one-time codes need an SMS configuration, but SMS is disabled"))
	}
	return out
}

// checkRelyingParty: passkeys are bound to a relying party: the front end's domain.
func checkRelyingParty(c *Config) []*Problem {
	w := c.LoginWith.WebAuthn
	if w == nil {
		return nil
	}
	const path = "loginWith.webAuthn.relyingPartyId"
	switch id := w.RelyingPartyID; {
	case id == "":
		return []*Problem{problemf("R26", path, `add "relyingPartyId": the domain your front end is served from, e.g. "example.com"`,
			"passkeys need a relying party id, and the pool has no domain to default to")}
	case isToken(id):
	case id == "localhost":
		return []*Problem{warnf("R26", path, "use your production domain when you deploy for users",
			"passkeys registered for localhost work only in development; changing the id later makes them useless")}
	case strings.ToLower(id) != id || len(id) > 253 || !domainName().MatchString(id):
		return []*Problem{problemf("R26", path, `use a bare lower-case domain, such as "example.com" (no scheme, port or path)`,
			"%s is not a domain name", quote(id))}
	}
	return nil
}

// checkDevicesPasswordless: remembered devices stand in for MFA, which passwordless sign-in skips.
func checkDevicesPasswordless(c *Config) []*Problem {
	if c.Passwordless() && c.DeviceTracking != nil {
		return []*Problem{warnf("R27", "deviceTracking", "remove deviceTracking, or keep sign-in password-based",
			"device tracking has no effect on passwordless (choice-based) sign-in")}
	}
	return nil
}

// checkOptions: options of a setting that is off would be ignored (Go configs; in
// JSON an object turns its setting on).
func checkOptions(c *Config) []*Problem {
	var out []*Problem
	add := func(path string) {
		out = append(out, problemf("DA014", path, "turn the setting on, or remove its options", "options are given but %s is off, so they would be ignored", path))
	}
	if c.LoginWith.EmailOptions != nil && !c.LoginWith.Email {
		add("loginWith.email")
	}
	if c.LoginWith.PhoneOptions != nil && !c.LoginWith.Phone {
		add("loginWith.phone")
	}
	if m := c.Multifactor; m != nil && m.EmailOptions != nil && !m.Email {
		add("multifactor.email")
	}
	return out
}

// checkPreferred: the preferred challenge must be a factor users can use.
func checkPreferred(c *Config) []*Problem {
	p := c.PasswordlessOptions
	if p == nil || p.PreferredChallenge == "" {
		return nil
	}
	enabled := c.FirstFactors()
	if enabled == nil {
		enabled = []string{"PASSWORD"}
	}
	switch {
	case !slices.Contains(firstFactors, p.PreferredChallenge):
		return []*Problem{problemf("DA015", "passwordlessOptions.preferredChallenge", "use one of "+strings.Join(firstFactors, ", "),
			"unknown value %s", quote(p.PreferredChallenge))}
	case !slices.Contains(enabled, p.PreferredChallenge):
		return []*Problem{problemf("DA015", "passwordlessOptions.preferredChallenge", "use one of the enabled factors: "+strings.Join(enabled, ", "),
			"the preferred challenge %s is not enabled", p.PreferredChallenge)}
	}
	return nil
}

// checkLinkStyle: a verification link points at the pool's domain, which defineauth
// creates only with loginWith.externalProviders.domainPrefix.
func checkLinkStyle(c *Config) []*Problem {
	x := c.LoginWith.ExternalProviders
	hasDomain := x != nil && x.DomainPrefix != ""
	if e := c.LoginWith.EmailOptions; e != nil && e.VerificationEmailStyle == VerifyWithLink && !hasDomain {
		return []*Problem{problemf("DA016", "loginWith.email.verificationEmailStyle", `use "CODE", or give the pool a domain (loginWith.externalProviders.domainPrefix)`,
			"link verification needs a user pool domain, and the pool has none; every sign-up would fail")}
	}
	return nil
}
