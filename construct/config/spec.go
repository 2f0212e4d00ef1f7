package config

import (
	"strconv"
	"strings"
)

// UserPoolSpec is the user pool's CloudFormation Properties as plain Go values, the
// user pool part of the stack's spec (package spec, which renders the template).
// Values only CloudFormation knows (the created SMS role's ARN, the SES identity's
// ARN) are described by the fields tagged json:"-" and filled in by package spec.
type UserPoolSpec struct {
	UserPoolName                string                    `json:"UserPoolName"`
	UsernameAttributes          []string                  `json:"UsernameAttributes,omitempty"`
	UsernameConfiguration       UsernameConfigurationSpec `json:"UsernameConfiguration"`
	AutoVerifiedAttributes      []string                  `json:"AutoVerifiedAttributes,omitempty"`
	Schema                      []SchemaAttributeSpec     `json:"Schema"`
	Policies                    PoliciesSpec              `json:"Policies"`
	AdminCreateUserConfig       AdminCreateUserConfigSpec `json:"AdminCreateUserConfig"`
	MfaConfiguration            string                    `json:"MfaConfiguration"`
	EnabledMfas                 []string                  `json:"EnabledMfas,omitempty"`
	SmsAuthenticationMessage    string                    `json:"SmsAuthenticationMessage,omitempty"`
	SmsConfiguration            *SMSConfigurationSpec     `json:"SmsConfiguration,omitempty"`
	EmailConfiguration          EmailConfigurationSpec    `json:"EmailConfiguration"`
	UserPoolTier                string                    `json:"UserPoolTier"`
	DeletionProtection          string                    `json:"DeletionProtection"`
	UserAttributeUpdateSettings *AttributeUpdateSpec      `json:"UserAttributeUpdateSettings,omitempty"`
	AccountRecoverySetting      *AccountRecoverySpec      `json:"AccountRecoverySetting,omitempty"`
	DeviceConfiguration         *DeviceConfigurationSpec  `json:"DeviceConfiguration,omitempty"`
	UserPoolAddOns              *UserPoolAddOnsSpec       `json:"UserPoolAddOns,omitempty"`
	VerificationMessageTemplate *VerificationTemplateSpec `json:"VerificationMessageTemplate,omitempty"`
	EmailAuthenticationMessage  string                    `json:"EmailAuthenticationMessage,omitempty"`
	EmailAuthenticationSubject  string                    `json:"EmailAuthenticationSubject,omitempty"`
	WebAuthnRelyingPartyID      string                    `json:"WebAuthnRelyingPartyID,omitempty"`
	WebAuthnUserVerification    string                    `json:"WebAuthnUserVerification,omitempty"`
}

// VerificationTemplateSpec is VerificationMessageTemplate.
type VerificationTemplateSpec struct {
	DefaultEmailOption string `json:"DefaultEmailOption,omitempty"`
	EmailMessage       string `json:"EmailMessage,omitempty"`
	EmailSubject       string `json:"EmailSubject,omitempty"`
	EmailMessageByLink string `json:"EmailMessageByLink,omitempty"`
	EmailSubjectByLink string `json:"EmailSubjectByLink,omitempty"`
	SmsMessage         string `json:"SmsMessage,omitempty"`
}

// InviteTemplateSpec is AdminCreateUserConfig.InviteMessageTemplate.
type InviteTemplateSpec struct {
	EmailMessage string `json:"EmailMessage,omitempty"`
	EmailSubject string `json:"EmailSubject,omitempty"`
	SMSMessage   string `json:"SMSMessage,omitempty"`
}

// SignInPolicySpec is Policies.SignInPolicy.
type SignInPolicySpec struct {
	AllowedFirstAuthFactors []string `json:"AllowedFirstAuthFactors"`
}

// UserPoolAddOnsSpec is UserPoolAddOns.
type UserPoolAddOnsSpec struct {
	AdvancedSecurityMode string `json:"AdvancedSecurityMode"`
}

// UsernameConfigurationSpec is UsernameConfiguration.
type UsernameConfigurationSpec struct {
	CaseSensitive bool `json:"CaseSensitive"`
}

// SchemaAttributeSpec is one Schema entry; AttributeDataType is always set (rule R14).
type SchemaAttributeSpec struct {
	Name                       string               `json:"Name"`
	AttributeDataType          string               `json:"AttributeDataType"`
	Required                   bool                 `json:"Required"`
	Mutable                    bool                 `json:"Mutable"`
	StringAttributeConstraints *AttributeBoundsSpec `json:"StringAttributeConstraints,omitempty"`
	NumberAttributeConstraints *NumberBoundsSpec    `json:"NumberAttributeConstraints,omitempty"`
}

// AttributeBoundsSpec is StringAttributeConstraints (CloudFormation wants strings).
type AttributeBoundsSpec struct {
	MinLength string `json:"MinLength,omitempty"`
	MaxLength string `json:"MaxLength,omitempty"`
}

// NumberBoundsSpec is NumberAttributeConstraints (CloudFormation wants strings).
type NumberBoundsSpec struct {
	MinValue string `json:"MinValue,omitempty"`
	MaxValue string `json:"MaxValue,omitempty"`
}

// PoliciesSpec is Policies.
type PoliciesSpec struct {
	PasswordPolicy PasswordPolicySpec `json:"PasswordPolicy"`
	SignInPolicy   *SignInPolicySpec  `json:"SignInPolicy,omitempty"`
}

// PasswordPolicySpec is Policies.PasswordPolicy.
type PasswordPolicySpec struct {
	MinimumLength                 int  `json:"MinimumLength"`
	RequireLowercase              bool `json:"RequireLowercase"`
	RequireNumbers                bool `json:"RequireNumbers"`
	RequireSymbols                bool `json:"RequireSymbols"`
	RequireUppercase              bool `json:"RequireUppercase"`
	TemporaryPasswordValidityDays int  `json:"TemporaryPasswordValidityDays"`
}

// AdminCreateUserConfigSpec is AdminCreateUserConfig.
type AdminCreateUserConfigSpec struct {
	AllowAdminCreateUserOnly bool                `json:"AllowAdminCreateUserOnly"`
	InviteMessageTemplate    *InviteTemplateSpec `json:"InviteMessageTemplate,omitempty"`
}

// SMSConfigurationSpec is SmsConfiguration. With CreateRole, the construct creates the
// SNS caller role and fills SnsCallerArn and ExternalId.
type SMSConfigurationSpec struct {
	SnsCallerArn string `json:"SnsCallerArn,omitempty"`
	ExternalId   string `json:"ExternalId,omitempty"`
	SnsRegion    string `json:"SnsRegion,omitempty"`
	CreateRole   bool   `json:"-"`
}

// EmailConfigurationSpec is EmailConfiguration. With DEVELOPER, the construct fills
// SourceArn with the ARN of SESIdentity in SESRegion (default: the stack's region).
type EmailConfigurationSpec struct {
	EmailSendingAccount string `json:"EmailSendingAccount"`
	From                string `json:"From,omitempty"`
	ReplyToEmailAddress string `json:"ReplyToEmailAddress,omitempty"`
	SourceArn           string `json:"SourceArn,omitempty"`
	SESIdentity         string `json:"-"`
	SESRegion           string `json:"-"`
}

// AttributeUpdateSpec is UserAttributeUpdateSettings.
type AttributeUpdateSpec struct {
	AttributesRequireVerificationBeforeUpdate []string `json:"AttributesRequireVerificationBeforeUpdate"`
}

// AccountRecoverySpec is AccountRecoverySetting.
type AccountRecoverySpec struct {
	RecoveryMechanisms []RecoveryOptionSpec `json:"RecoveryMechanisms"`
}

// RecoveryOptionSpec is one recovery mechanism.
type RecoveryOptionSpec struct {
	Name     string `json:"Name"`
	Priority int    `json:"Priority"`
}

// DeviceConfigurationSpec is DeviceConfiguration.
type DeviceConfigurationSpec struct {
	ChallengeRequiredOnNewDevice     bool `json:"ChallengeRequiredOnNewDevice"`
	DeviceOnlyRememberedOnUserPrompt bool `json:"DeviceOnlyRememberedOnUserPrompt"`
}

// UserPool maps the config onto the user pool's properties. It maps what the config
// says even when Validate rejects it, so tests can force invalid configs into
// templates.
func (c *Config) UserPool() UserPoolSpec {
	pw := c.ResolvedPasswordPolicy()
	s := UserPoolSpec{
		UserPoolName:           c.Name,
		UsernameAttributes:     c.UsernameAttributes(),
		Schema:                 c.SchemaAttributes(),
		AutoVerifiedAttributes: c.AutoVerifiedAttributes(),
		Policies: PoliciesSpec{PasswordPolicy: PasswordPolicySpec{
			MinimumLength: pw.MinLength, RequireLowercase: pw.RequireLowercase, RequireUppercase: pw.RequireUppercase,
			RequireNumbers: pw.RequireDigits, RequireSymbols: pw.RequireSymbols, TemporaryPasswordValidityDays: pw.TempPasswordValidityDays,
		}},
		MfaConfiguration:   c.CfnMFAConfiguration(),
		EnabledMfas:        c.EnabledMFAs(),
		EmailConfiguration: c.emailSpec(),
		UserPoolTier:       string(c.ResolvedFeaturePlan()),
		DeletionProtection: "INACTIVE",
	}
	if c.ResolvedDeletionProtection() {
		s.DeletionProtection = "ACTIVE"
	}
	if m := c.Multifactor; m != nil && m.SMS != nil {
		s.SmsAuthenticationMessage = m.SMS.Message
	}
	if c.SMSConfigured() {
		sms := &SMSConfigurationSpec{CreateRole: !c.OwnSMSRole()}
		if s := c.Senders.SMS; s != nil {
			sms.SnsCallerArn, sms.ExternalId, sms.SnsRegion = s.SNSCallerArn, s.ExternalID, s.SNSRegion
		}
		s.SmsConfiguration = sms
	}
	if keep := c.KeepOriginalAttributes(); len(keep) > 0 {
		s.UserAttributeUpdateSettings = &AttributeUpdateSpec{AttributesRequireVerificationBeforeUpdate: keep}
	}
	if mechs := c.ResolvedAccountRecovery().RecoveryMechanisms(); mechs != nil {
		r := &AccountRecoverySpec{}
		for i, name := range mechs {
			r.RecoveryMechanisms = append(r.RecoveryMechanisms, RecoveryOptionSpec{Name: name, Priority: i + 1})
		}
		s.AccountRecoverySetting = r
	}
	if c.ThreatProtection != "" {
		s.UserPoolAddOns = &UserPoolAddOnsSpec{AdvancedSecurityMode: string(c.ThreatProtection)}
	}
	if d := c.DeviceTracking; d != nil {
		s.DeviceConfiguration = &DeviceConfigurationSpec{ChallengeRequiredOnNewDevice: d.ChallengeRequiredOnNewDevice, DeviceOnlyRememberedOnUserPrompt: d.DeviceOnlyRememberedOnUserPrompt}
	}
	c.messagesSpec(&s)
	if f := c.FirstFactors(); f != nil {
		s.Policies.SignInPolicy = &SignInPolicySpec{AllowedFirstAuthFactors: f}
	}
	if w := c.LoginWith.WebAuthn; w != nil {
		s.WebAuthnRelyingPartyID, s.WebAuthnUserVerification = w.RelyingPartyID, w.UserVerification
	}
	return s
}

// messagesSpec maps the messages users receive: verification (email and SMS), the
// invitation, the email MFA message, and whether users may sign themselves up.
func (c *Config) messagesSpec(s *UserPoolSpec) {
	s.AdminCreateUserConfig.AllowAdminCreateUserOnly = !c.ResolvedSelfSignUp()
	v := &VerificationTemplateSpec{}
	if e := c.LoginWith.EmailOptions; e != nil {
		switch {
		case e.VerificationEmailStyle == VerifyWithLink:
			v.DefaultEmailOption, v.EmailMessageByLink, v.EmailSubjectByLink = "CONFIRM_WITH_LINK", e.VerificationEmailBody, e.VerificationEmailSubject
		case e.VerificationEmailStyle != "" || e.VerificationEmailBody != "" || e.VerificationEmailSubject != "":
			v.DefaultEmailOption, v.EmailMessage, v.EmailSubject = "CONFIRM_WITH_CODE", e.VerificationEmailBody, e.VerificationEmailSubject
		}
		if inv := e.UserInvitation; inv != nil && *inv != (UserInvitation{}) {
			s.AdminCreateUserConfig.InviteMessageTemplate = &InviteTemplateSpec{EmailMessage: inv.EmailBody, EmailSubject: inv.EmailSubject, SMSMessage: inv.SMSMessage}
		}
	}
	if p := c.LoginWith.PhoneOptions; p != nil {
		v.SmsMessage = p.VerificationMessage
	}
	if *v != (VerificationTemplateSpec{}) {
		s.VerificationMessageTemplate = v
	}
	if m := c.Multifactor; m != nil && m.EmailOptions != nil {
		s.EmailAuthenticationMessage, s.EmailAuthenticationSubject = m.EmailOptions.EmailMessage, m.EmailOptions.EmailSubject
	}
}

// emailSpec sends through SES when the config names a sender, else through Cognito.
func (c *Config) emailSpec() EmailConfigurationSpec {
	e := c.Senders.Email
	if e == nil {
		return EmailConfigurationSpec{EmailSendingAccount: "COGNITO_DEFAULT"}
	}
	from := e.FromEmail
	if e.FromName != "" {
		from = quoteName(e.FromName) + " <" + e.FromEmail + ">"
	}
	identity := e.FromEmail
	if e.SESVerifiedDomain != "" {
		identity = e.SESVerifiedDomain
	}
	return EmailConfigurationSpec{EmailSendingAccount: "DEVELOPER", From: from, ReplyToEmailAddress: e.ReplyTo, SESIdentity: identity, SESRegion: e.SESRegion}
}

// quoteName quotes a display name when it holds characters that RFC 5322 only allows
// inside quotes.
func quoteName(name string) string {
	if strings.ContainsAny(name, `()<>[]:;@\,."`) {
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(name) + `"`
	}
	return name
}

func itoa(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}
