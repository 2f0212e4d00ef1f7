package spec

import (
	"strconv"
	"strings"

	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/internal/cognito"
)

// UserPoolProps is the user pool's CloudFormation Properties as plain Go values.
// Values only CloudFormation knows (the created SMS role's ARN, the SES identity's
// ARN) are described by the fields tagged json:"-" and filled in by package spec.
type UserPoolProps struct {
	UserPoolName                string                `json:"UserPoolName"`
	UsernameAttributes          []string              `json:"UsernameAttributes,omitempty"`
	UsernameConfiguration       UsernameConfiguration `json:"UsernameConfiguration"`
	AutoVerifiedAttributes      []string              `json:"AutoVerifiedAttributes,omitempty"`
	Schema                      []SchemaAttribute     `json:"Schema"`
	Policies                    Policies              `json:"Policies"`
	AdminCreateUserConfig       AdminCreateUserConfig `json:"AdminCreateUserConfig"`
	MfaConfiguration            string                `json:"MfaConfiguration"`
	EnabledMfas                 []string              `json:"EnabledMfas,omitempty"`
	SmsAuthenticationMessage    string                `json:"SmsAuthenticationMessage,omitempty"`
	SmsConfiguration            *SMSConfiguration     `json:"SmsConfiguration,omitempty"`
	EmailConfiguration          EmailConfiguration    `json:"EmailConfiguration"`
	UserPoolTier                string                `json:"UserPoolTier"`
	DeletionProtection          string                `json:"DeletionProtection"`
	UserAttributeUpdateSettings *AttributeUpdate      `json:"UserAttributeUpdateSettings,omitempty"`
	AccountRecoverySetting      *AccountRecovery      `json:"AccountRecoverySetting,omitempty"`
	DeviceConfiguration         *DeviceConfiguration  `json:"DeviceConfiguration,omitempty"`
	UserPoolAddOns              *UserPoolAddOns       `json:"UserPoolAddOns,omitempty"`
	VerificationMessageTemplate *VerificationTemplate `json:"VerificationMessageTemplate,omitempty"`
	EmailAuthenticationMessage  string                `json:"EmailAuthenticationMessage,omitempty"`
	EmailAuthenticationSubject  string                `json:"EmailAuthenticationSubject,omitempty"`
	WebAuthnRelyingPartyID      string                `json:"WebAuthnRelyingPartyID,omitempty"`
	WebAuthnUserVerification    string                `json:"WebAuthnUserVerification,omitempty"`
}

// VerificationTemplate is VerificationMessageTemplate.
type VerificationTemplate struct {
	DefaultEmailOption string `json:"DefaultEmailOption,omitempty"`
	EmailMessage       string `json:"EmailMessage,omitempty"`
	EmailSubject       string `json:"EmailSubject,omitempty"`
	EmailMessageByLink string `json:"EmailMessageByLink,omitempty"`
	EmailSubjectByLink string `json:"EmailSubjectByLink,omitempty"`
	SmsMessage         string `json:"SmsMessage,omitempty"`
}

// InviteTemplate is AdminCreateUserConfig.InviteMessageTemplate.
type InviteTemplate struct {
	EmailMessage string `json:"EmailMessage,omitempty"`
	EmailSubject string `json:"EmailSubject,omitempty"`
	SMSMessage   string `json:"SMSMessage,omitempty"`
}

// SignInPolicy is Policies.SignInPolicy.
type SignInPolicy struct {
	AllowedFirstAuthFactors []string `json:"AllowedFirstAuthFactors"`
}

// UserPoolAddOns is UserPoolAddOns.
type UserPoolAddOns struct {
	AdvancedSecurityMode string `json:"AdvancedSecurityMode"`
}

// UsernameConfiguration is UsernameConfiguration.
type UsernameConfiguration struct {
	CaseSensitive bool `json:"CaseSensitive"`
}

// SchemaAttribute is one Schema entry; AttributeDataType is always set (rule R14).
type SchemaAttribute struct {
	Name                       string           `json:"Name"`
	AttributeDataType          string           `json:"AttributeDataType"`
	Required                   bool             `json:"Required"`
	Mutable                    bool             `json:"Mutable"`
	StringAttributeConstraints *AttributeBounds `json:"StringAttributeConstraints,omitempty"`
	NumberAttributeConstraints *NumberBounds    `json:"NumberAttributeConstraints,omitempty"`
}

// AttributeBounds is StringAttributeConstraints (CloudFormation wants strings).
type AttributeBounds struct {
	MinLength string `json:"MinLength,omitempty"`
	MaxLength string `json:"MaxLength,omitempty"`
}

// NumberBounds is NumberAttributeConstraints (CloudFormation wants strings).
type NumberBounds struct {
	MinValue string `json:"MinValue,omitempty"`
	MaxValue string `json:"MaxValue,omitempty"`
}

// Policies is Policies.
type Policies struct {
	PasswordPolicy PasswordPolicy `json:"PasswordPolicy"`
	SignInPolicy   *SignInPolicy  `json:"SignInPolicy,omitempty"`
}

// PasswordPolicy is Policies.PasswordPolicy.
type PasswordPolicy struct {
	MinimumLength                 int  `json:"MinimumLength"`
	RequireLowercase              bool `json:"RequireLowercase"`
	RequireNumbers                bool `json:"RequireNumbers"`
	RequireSymbols                bool `json:"RequireSymbols"`
	RequireUppercase              bool `json:"RequireUppercase"`
	TemporaryPasswordValidityDays int  `json:"TemporaryPasswordValidityDays"`
	PasswordHistorySize           *int `json:"PasswordHistorySize,omitempty"`
}

// AdminCreateUserConfig is AdminCreateUserConfig.
type AdminCreateUserConfig struct {
	AllowAdminCreateUserOnly bool            `json:"AllowAdminCreateUserOnly"`
	InviteMessageTemplate    *InviteTemplate `json:"InviteMessageTemplate,omitempty"`
}

// SMSConfiguration is SmsConfiguration. With CreateRole, the construct creates the
// SNS caller role and fills SnsCallerArn and ExternalId.
type SMSConfiguration struct {
	SnsCallerArn string `json:"SnsCallerArn,omitempty"`
	ExternalId   string `json:"ExternalId,omitempty"`
	SnsRegion    string `json:"SnsRegion,omitempty"`
	CreateRole   bool   `json:"-"`
}

// EmailConfiguration is EmailConfiguration. With DEVELOPER, the construct fills
// SourceArn with the ARN of SESIdentity in SESRegion (default: the stack's region).
type EmailConfiguration struct {
	EmailSendingAccount string `json:"EmailSendingAccount"`
	From                string `json:"From,omitempty"`
	ReplyToEmailAddress string `json:"ReplyToEmailAddress,omitempty"`
	SourceArn           string `json:"SourceArn,omitempty"`
	SESIdentity         string `json:"-"`
	SESRegion           string `json:"-"`
}

// AttributeUpdate is UserAttributeUpdateSettings.
type AttributeUpdate struct {
	AttributesRequireVerificationBeforeUpdate []string `json:"AttributesRequireVerificationBeforeUpdate"`
}

// AccountRecovery is AccountRecoverySetting.
type AccountRecovery struct {
	RecoveryMechanisms []RecoveryOption `json:"RecoveryMechanisms"`
}

// RecoveryOption is one recovery mechanism.
type RecoveryOption struct {
	Name     string `json:"Name"`
	Priority int    `json:"Priority"`
}

// DeviceConfiguration is DeviceConfiguration.
type DeviceConfiguration struct {
	ChallengeRequiredOnNewDevice     bool `json:"ChallengeRequiredOnNewDevice"`
	DeviceOnlyRememberedOnUserPrompt bool `json:"DeviceOnlyRememberedOnUserPrompt"`
}

// userPool maps the config onto the user pool's properties. It maps what the config
// says even when validation rejects it, so tests can force invalid configs into
// templates.
func userPool(c *config.Config) UserPoolProps {
	pw := c.ResolvedPasswordPolicy()
	s := UserPoolProps{
		UserPoolName:           c.Name,
		UsernameAttributes:     c.UsernameAttributes(),
		Schema:                 schema(c),
		AutoVerifiedAttributes: c.AutoVerifiedAttributes(),
		Policies: Policies{PasswordPolicy: PasswordPolicy{
			MinimumLength: pw.MinLength, RequireLowercase: pw.RequireLowercase, RequireUppercase: pw.RequireUppercase,
			RequireNumbers: pw.RequireDigits, RequireSymbols: pw.RequireSymbols, TemporaryPasswordValidityDays: pw.TempPasswordValidityDays,
			PasswordHistorySize: pw.PasswordHistorySize,
		}},
		MfaConfiguration:   mfaConfiguration(c),
		EnabledMfas:        enabledMFAs(c),
		EmailConfiguration: emailConfiguration(c),
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
		sms := &SMSConfiguration{CreateRole: !c.OwnSMSRole()}
		if s := c.Senders.SMS; s != nil {
			sms.SnsCallerArn, sms.ExternalId, sms.SnsRegion = s.SNSCallerArn, s.ExternalID, s.SNSRegion
		}
		s.SmsConfiguration = sms
	}
	if keep := c.KeepOriginalAttributes(); len(keep) > 0 {
		s.UserAttributeUpdateSettings = &AttributeUpdate{AttributesRequireVerificationBeforeUpdate: keep}
	}
	if mechs := c.ResolvedAccountRecovery().RecoveryMechanisms(); mechs != nil {
		r := &AccountRecovery{}
		for i, name := range mechs {
			r.RecoveryMechanisms = append(r.RecoveryMechanisms, RecoveryOption{Name: name, Priority: i + 1})
		}
		s.AccountRecoverySetting = r
	}
	if c.ThreatProtection != "" {
		s.UserPoolAddOns = &UserPoolAddOns{AdvancedSecurityMode: string(c.ThreatProtection)}
	}
	if d := c.DeviceTracking; d != nil {
		s.DeviceConfiguration = &DeviceConfiguration{ChallengeRequiredOnNewDevice: d.ChallengeRequiredOnNewDevice, DeviceOnlyRememberedOnUserPrompt: d.DeviceOnlyRememberedOnUserPrompt}
	}
	messages(c, &s)
	if f := c.FirstFactors(); f != nil {
		s.Policies.SignInPolicy = &SignInPolicy{AllowedFirstAuthFactors: f}
	}
	if w := c.LoginWith.WebAuthn; w != nil {
		s.WebAuthnRelyingPartyID, s.WebAuthnUserVerification = w.RelyingPartyID, w.UserVerification
	}
	return s
}

// messages maps the messages users receive: verification (email and SMS), the
// invitation, the email MFA message, and whether users may sign themselves up.
func messages(c *config.Config, s *UserPoolProps) {
	s.AdminCreateUserConfig.AllowAdminCreateUserOnly = !c.ResolvedSelfSignUp()
	v := &VerificationTemplate{}
	if e := c.LoginWith.EmailOptions; e != nil {
		switch {
		case e.VerificationEmailStyle == config.VerifyWithLink:
			v.DefaultEmailOption, v.EmailMessageByLink, v.EmailSubjectByLink = "CONFIRM_WITH_LINK", e.VerificationEmailBody, e.VerificationEmailSubject
		case e.VerificationEmailStyle != "" || e.VerificationEmailBody != "" || e.VerificationEmailSubject != "":
			v.DefaultEmailOption, v.EmailMessage, v.EmailSubject = "CONFIRM_WITH_CODE", e.VerificationEmailBody, e.VerificationEmailSubject
		}
		if inv := e.UserInvitation; inv != nil && *inv != (config.UserInvitation{}) {
			s.AdminCreateUserConfig.InviteMessageTemplate = &InviteTemplate{EmailMessage: inv.EmailBody, EmailSubject: inv.EmailSubject, SMSMessage: inv.SMSMessage}
		}
	}
	if p := c.LoginWith.PhoneOptions; p != nil {
		v.SmsMessage = p.VerificationMessage
	}
	if *v != (VerificationTemplate{}) {
		s.VerificationMessageTemplate = v
	}
	if m := c.Multifactor; m != nil && m.EmailOptions != nil {
		s.EmailAuthenticationMessage, s.EmailAuthenticationSubject = m.EmailOptions.EmailMessage, m.EmailOptions.EmailSubject
	}
}

// emailConfiguration sends through SES when the config names a sender, else through
// Cognito.
func emailConfiguration(c *config.Config) EmailConfiguration {
	e := c.Senders.Email
	if e == nil {
		return EmailConfiguration{EmailSendingAccount: "COGNITO_DEFAULT"}
	}
	from := e.FromEmail
	if e.FromName != "" {
		from = quoteName(e.FromName) + " <" + e.FromEmail + ">"
	}
	identity := e.FromEmail
	if e.SESVerifiedDomain != "" {
		identity = e.SESVerifiedDomain
	}
	return EmailConfiguration{EmailSendingAccount: "DEVELOPER", From: from, ReplyToEmailAddress: e.ReplyTo, SESIdentity: identity, SESRegion: e.SESRegion}
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

// mfaConfiguration is MfaConfiguration: OFF, OPTIONAL or ON.
func mfaConfiguration(c *config.Config) string {
	switch c.Mode() {
	case config.MFARequired:
		return cognito.MFAOn
	case config.MFAOptional:
		return cognito.MFAOptional
	}
	return cognito.MFAOff
}

// enabledMFAs is EnabledMfas: the configured methods, in the order SMS_MFA,
// SOFTWARE_TOKEN_MFA, EMAIL_OTP. It maps what the config says, even where rule R2
// rejects it (methods with mode OFF), so a forced template shows it.
func enabledMFAs(c *config.Config) []string {
	m := c.Multifactor
	if m == nil {
		return nil
	}
	var out []string
	if m.SMS != nil {
		out = append(out, cognito.SMSMFA)
	}
	if m.TOTP {
		out = append(out, cognito.TOTPMFA)
	}
	if m.Email {
		out = append(out, cognito.EmailOTP)
	}
	return out
}

// schema is the Schema: the resolved attributes, AttributeDataType always set (rule
// R14), bounds as the strings CloudFormation wants.
func schema(c *config.Config) []SchemaAttribute {
	var out []SchemaAttribute
	for _, a := range c.Attributes() {
		s := SchemaAttribute{Name: a.Name, AttributeDataType: a.DataType, Required: a.Required, Mutable: a.Mutable}
		if a.MinLen != nil || a.MaxLen != nil {
			s.StringAttributeConstraints = &AttributeBounds{MinLength: itoa(a.MinLen), MaxLength: itoa(a.MaxLen)}
		}
		if a.Min != nil || a.Max != nil {
			s.NumberAttributeConstraints = &NumberBounds{MinValue: itoa(a.Min), MaxValue: itoa(a.Max)}
		}
		out = append(out, s)
	}
	return out
}
