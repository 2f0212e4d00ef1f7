package lint

import (
	"slices"
	"strings"

	"github.com/defineauth/defineauth/internal/cfn"
	"github.com/defineauth/defineauth/internal/cognito"
)

// checkSignIn applies the passwordless rules (R12, R23-R27) to the pool's sign-in
// policy and passkey settings.
func (p *pool) checkSignIn(f facts) {
	v := p.tmpl
	factors, known := v.List(cfn.Object(cfn.Object(p.props["Policies"])["SignInPolicy"])["AllowedFirstAuthFactors"])
	if !known || len(factors) == 0 {
		return
	}
	if !slices.Contains(factors, "PASSWORD") {
		p.add("R25", Error, "add PASSWORD to AllowedFirstAuthFactors", "AllowedFirstAuthFactors leaves out PASSWORD, which Cognito requires")
	}
	passwordless := slices.ContainsFunc(factors, func(s string) bool { return s != "PASSWORD" })
	if !passwordless {
		return
	}
	if f.mfaKnown && f.mfa == "ON" {
		p.add("R12", Error, "set MfaConfiguration OPTIONAL, or allow only PASSWORD as first factor",
			"passwordless first factors (%s) cannot be combined with MfaConfiguration ON", strings.Join(factors, ", "))
	}
	if f.tierKnown && f.tier == "LITE" {
		p.add("R23", Error, "set UserPoolTier ESSENTIALS or PLUS", "passwordless first factors are not available on the LITE tier")
	}
	if slices.Contains(factors, "EMAIL_OTP") && f.sendingAccount != "" && f.sendingAccount != "DEVELOPER" {
		p.add("R24", Error, "send email through SES: EmailConfiguration EmailSendingAccount DEVELOPER with a SourceArn",
			"EMAIL_OTP needs an SES email sender, but the pool uses %s", f.sendingAccount)
	}
	if slices.Contains(factors, "SMS_OTP") && f.sms == nil {
		p.add("R24", Error, "add SmsConfiguration with an SNS caller role and external id", "SMS_OTP needs an SmsConfiguration")
	}
	if slices.Contains(factors, "WEB_AUTHN") {
		switch id, ok := v.Str(p.props["WebAuthnRelyingPartyID"]); {
		case p.props["WebAuthnRelyingPartyID"] == nil:
			p.add("R26", Error, "set WebAuthnRelyingPartyID to the domain the front end is served from", "WEB_AUTHN is allowed but WebAuthnRelyingPartyID is not set")
		case !ok:
		case id == "localhost":
			p.add("R26", Warning, "use the production domain when you deploy for users", "passkeys registered for localhost work only in development")
		case !hostname().MatchString(id):
			p.add("R26", Error, "use a bare lower-case domain such as example.com", "WebAuthnRelyingPartyID %q is not a domain name", id)
		}
	}
	if p.props["DeviceConfiguration"] != nil {
		p.add("R27", Warning, "remove DeviceConfiguration, or keep sign-in password-based", "device tracking has no effect on passwordless (choice-based) sign-in")
	}
}

// checkMessages applies the message rules (R21, R22, R28) to the verification,
// invitation and email MFA messages.
func (p *pool) checkMessages() {
	v := p.tmpl
	str := func(obj map[string]any, key string) (string, bool) {
		if obj == nil || obj[key] == nil {
			return "", false
		}
		return v.Str(obj[key])
	}
	vt := cfn.Object(p.props["VerificationMessageTemplate"])
	for _, m := range []struct {
		obj        map[string]any
		key, label string
		kind       cognito.MessageKind
		rule       string
	}{
		{vt, "EmailMessage", "VerificationMessageTemplate.EmailMessage", cognito.EmailCode, "R21"},
		{vt, "EmailSubject", "VerificationMessageTemplate.EmailSubject", cognito.Subject, "R21"},
		{vt, "EmailMessageByLink", "VerificationMessageTemplate.EmailMessageByLink", cognito.EmailLink, "R21"},
		{vt, "EmailSubjectByLink", "VerificationMessageTemplate.EmailSubjectByLink", cognito.Subject, "R21"},
		{p.props, "EmailVerificationMessage", "EmailVerificationMessage", cognito.EmailCode, "R21"},
		{p.props, "EmailVerificationSubject", "EmailVerificationSubject", cognito.Subject, "R21"},
		{p.props, "EmailAuthenticationMessage", "EmailAuthenticationMessage", cognito.EmailCode, "R21"},
		{p.props, "EmailAuthenticationSubject", "EmailAuthenticationSubject", cognito.Subject, "R21"},
	} {
		if text, ok := str(m.obj, m.key); ok {
			p.checkMessage(m.rule, m.label, m.kind, text)
		}
	}
	inv := cfn.Object(cfn.Object(p.props["AdminCreateUserConfig"])["InviteMessageTemplate"])
	for _, m := range []struct {
		key  string
		kind cognito.MessageKind
	}{{"EmailSubject", cognito.Subject}, {"EmailMessage", cognito.InvitationMail}, {"SMSMessage", cognito.InvitationSMS}} {
		if text, ok := str(inv, m.key); ok {
			p.checkMessage("R22", "InviteMessageTemplate."+m.key, m.kind, text)
		}
	}
	if opt, ok := str(vt, "DefaultEmailOption"); ok && opt == "CONFIRM_WITH_LINK" && !p.hasDomain() {
		p.add("R28", Warning, "add an AWS::Cognito::UserPoolDomain for the pool (or make sure another stack does), or confirm with a code",
			"link verification needs a user pool domain, and this template has none for the pool: every sign-up fails without one")
	}
}

// hasDomain reports whether the template has a user pool domain for this pool.
func (p *pool) hasDomain() bool {
	return slices.ContainsFunc(p.tmpl.OfType("AWS::Cognito::UserPoolDomain"), func(id string) bool {
		return p.isPool(p.tmpl.Resources[id].Properties["UserPoolId"])
	})
}
