package lint

import (
	"slices"
	"strings"

	"github.com/defineauth/defineauth/internal/cfn"
	"github.com/defineauth/defineauth/internal/cognito"
)

// pool is one AWS::Cognito::UserPool being checked.
type pool struct {
	id    string
	props map[string]any
	tmpl  *cfn.Template
	out   []Finding
}

// add records a finding; its arguments are values read from the template, which
// cfn.Sayf quotes within bounds.
func (p *pool) add(rule string, sev Severity, fix, format string, args ...any) {
	p.out = append(p.out, Finding{Rule: rule, Severity: sev, Resource: p.id, Message: cfn.Sayf(format, args...), Fix: fix})
}

// enabledMfas is EnabledMfas's location and values: a CloudFormation property the API
// model has no enum for (its values are the MFA types SetUserPoolMfaConfig sets).
var enabledMfas = &cognito.Limit{What: "EnabledMfas", Enum: cognito.MFATypes, In: []cognito.Location{{Type: "AWS::Cognito::UserPool", Path: "EnabledMfas"}}}

// facts are what the rules need to know about the pool; a false known flag means a
// value is not static, and rules that need it are skipped.
type facts struct {
	mfa                  string
	mfaKnown             bool
	enabled              []string
	enabledKnown         bool
	enabledPresent       bool
	sms                  map[string]any // SmsConfiguration, nil when absent
	autoVerified         []string
	login                []string // UsernameAttributes and AliasAttributes
	recovery             []string
	sendingAccount       string
	tier                 string
	tierKnown            bool
	phoneRequired        bool
	keepOriginal         []string
	keepKnown, autoKnown bool
}

func (p *pool) facts() facts {
	v := p.tmpl
	f := facts{mfa: "OFF", mfaKnown: true, enabledKnown: true, sendingAccount: "COGNITO_DEFAULT", tier: "ESSENTIALS", tierKnown: true}
	if x, ok := p.props["MfaConfiguration"]; ok {
		f.mfa, f.mfaKnown = v.Str(x)
	}
	if x, ok := p.props["EnabledMfas"]; ok {
		f.enabledPresent = true
		f.enabled, f.enabledKnown = v.List(x)
	}
	f.sms = cfn.Object(p.props["SmsConfiguration"])
	f.autoVerified, f.autoKnown = v.List(p.props["AutoVerifiedAttributes"])
	user, _ := v.List(p.props["UsernameAttributes"])
	alias, _ := v.List(p.props["AliasAttributes"])
	f.login = append(user, alias...)
	for _, m := range cfn.ListOf(cfn.Object(p.props["AccountRecoverySetting"])["RecoveryMechanisms"]) {
		if name, ok := v.Str(cfn.Object(m)["Name"]); ok {
			f.recovery = append(f.recovery, name)
		}
	}
	if e := cfn.Object(p.props["EmailConfiguration"]); e != nil {
		if s, ok := v.Str(e["EmailSendingAccount"]); ok {
			f.sendingAccount = s
		} else if e["EmailSendingAccount"] != nil {
			f.sendingAccount = ""
		}
	}
	if x, ok := p.props["UserPoolTier"]; ok {
		f.tier, f.tierKnown = v.Str(x)
	}
	for _, s := range cfn.ListOf(p.props["Schema"]) {
		name, _ := v.Str(cfn.Object(s)["Name"])
		req, _ := v.Bool(cfn.Object(s)["Required"])
		if name == "phone_number" && req {
			f.phoneRequired = true
		}
	}
	if !f.enabledPresent && f.mfaOn() && f.sms != nil {
		f.enabled = []string{cognito.SMSMFA} // Cognito's legacy default: SMS is the method
	}
	f.keepOriginal, f.keepKnown = v.List(cfn.Object(p.props["UserAttributeUpdateSettings"])["AttributesRequireVerificationBeforeUpdate"])
	return f
}

func (f facts) mfaOn() bool { return f.mfaKnown && (f.mfa == "ON" || f.mfa == "OPTIONAL") }
func (f facts) smsMFA() bool {
	return f.mfaOn() && f.enabledKnown && slices.Contains(f.enabled, cognito.SMSMFA)
}

// check applies every rule to the pool.
func (p *pool) check() []Finding {
	f := p.facts()
	p.checkEnums()
	p.checkMFA(f)
	p.checkSMS(f)
	p.checkRecoveryAndEmail(f)
	p.checkAttributes(f)
	p.checkTriggers(f)
	p.checkSignIn(f)
	p.checkMessages()
	p.checkProviders(f)
	p.checkWebACL()
	return p.out
}

func (p *pool) checkMFA(f facts) {
	switch {
	case f.mfaOn() && f.enabledKnown && f.enabledPresent && len(f.enabled) == 0,
		f.mfaOn() && !f.enabledPresent && f.sms == nil:
		p.add("R1", Error, "list at least one method in EnabledMfas (SOFTWARE_TOKEN_MFA, SMS_MFA, EMAIL_OTP), or set MfaConfiguration OFF",
			"MfaConfiguration is %s but no MFA method is enabled", f.mfa)
	}
	if f.mfaKnown && f.mfa == "OFF" && f.enabledKnown && len(f.enabled) > 0 {
		p.add("R2", Error, "remove EnabledMfas, or set MfaConfiguration to OPTIONAL or ON",
			"MfaConfiguration is OFF but EnabledMfas lists %s", strings.Join(f.enabled, ", "))
	}
	if f.mfaOn() && f.enabledKnown && len(f.enabled) == 1 && f.enabled[0] == cognito.EmailOTP {
		p.add("R7", Error, "enable SOFTWARE_TOKEN_MFA or SMS_MFA as well", "EMAIL_OTP is the only MFA method")
	}
	if f.mfaOn() && f.enabledKnown && slices.Contains(f.enabled, cognito.EmailOTP) {
		if f.sendingAccount != "DEVELOPER" && f.sendingAccount != "" {
			p.add("R8", Error, "set EmailConfiguration EmailSendingAccount DEVELOPER with a verified SES identity (SourceArn)",
				"email MFA needs an SES sender, but the pool sends through %s", f.sendingAccount)
		}
		if f.tierKnown && f.tier == "LITE" {
			p.add("R8", Error, "set UserPoolTier ESSENTIALS or PLUS", "email MFA is not available on the LITE tier")
		}
	}
}

func (p *pool) checkSMS(f facts) {
	v := p.tmpl
	phoneVerified := slices.Contains(f.autoVerified, "phone_number")
	phoneLogin := slices.Contains(f.login, "phone_number")
	if f.smsMFA() && f.sms == nil {
		p.add("R3", Error, "add SmsConfiguration with an SNS caller role and external id", "SMS_MFA is enabled but there is no SmsConfiguration")
	}
	if (phoneVerified || phoneLogin) && f.sms == nil {
		p.add("R4", Error, "add SmsConfiguration with an SNS caller role and external id",
			"phone_number is auto-verified or a sign-in attribute, but there is no SmsConfiguration to send the codes")
	}
	if f.mfaOn() && f.enabledKnown && f.sms != nil && !slices.Contains(f.enabled, cognito.SMSMFA) {
		p.add("R5", Error, "add SMS_MFA to EnabledMfas, or remove the SmsConfiguration",
			"MFA is %s with an SmsConfiguration, but SMS_MFA is not enabled", f.mfa)
	}
	if f.sms != nil {
		p.checkSMSRole(f.sms)
	}
	if f.smsMFA() && !f.phoneRequired && !phoneLogin {
		fix := "make phone_number a required Schema attribute, or a UsernameAttribute"
		if f.mfa == "ON" && len(f.enabled) == 1 {
			p.add("R13", Error, fix, "SMS is the only required MFA method, but users need not have a phone number")
		} else {
			p.add("R13", Warning, fix, "users without a phone number cannot use SMS MFA")
		}
	}
	if f.smsMFA() && f.autoKnown && !phoneVerified {
		p.add("R13", Warning, "add phone_number to AutoVerifiedAttributes",
			"SMS MFA codes can go to phone numbers that were never verified")
	}
	for _, key := range []string{"SmsAuthenticationMessage", "SmsVerificationMessage"} {
		if msg, ok := v.Str(p.props[key]); ok {
			p.checkSMSMessage(key, msg)
		}
	}
	if msg, ok := v.Str(cfn.Object(p.props["VerificationMessageTemplate"])["SmsMessage"]); ok {
		p.checkSMSMessage("VerificationMessageTemplate.SmsMessage", msg)
	}
}

func (p *pool) checkSMSMessage(key, msg string) {
	p.checkMessage("R9", key, cognito.SMSCode, msg)
}

// checkMessage reports what Cognito refuses in the message at key.
func (p *pool) checkMessage(rule, key string, k cognito.MessageKind, msg string) {
	for _, is := range cognito.CheckMessage(k, msg) {
		p.add(rule, Error, is.Fix, "%s: %s", key, cfn.Sentence(is.Message))
	}
}

// checkSMSRole checks the SNS caller role and its external id; a role defined in the
// same template (Fn::GetAtt [Role, Arn]) must trust Cognito with that external id.
func (p *pool) checkSMSRole(sms map[string]any) {
	v := p.tmpl
	arn, hasArn := sms["SnsCallerArn"]
	ext, hasExt := sms["ExternalId"]
	switch {
	case hasArn && !hasExt:
		p.add("R11", Error, "add the ExternalId that the role's trust policy expects", "SmsConfiguration has SnsCallerArn but no ExternalId")
		return
	case hasExt && !hasArn:
		p.add("R11", Error, "add the SnsCallerArn of the role that expects this ExternalId", "SmsConfiguration has ExternalId but no SnsCallerArn")
		return
	case !hasArn:
		return
	}
	getAtt, ok := cfn.Object(arn)["Fn::GetAtt"].([]any)
	if !ok || len(getAtt) != 2 {
		return
	}
	roleID, _ := getAtt[0].(string)
	role, ok := p.tmpl.Resources[roleID]
	if !ok || role.Type != "AWS::IAM::Role" {
		p.add("R11", Error, "point SnsCallerArn at an AWS::IAM::Role", "SnsCallerArn refers to %s, which is not an IAM role in this template", roleID)
		return
	}
	extID, extKnown := v.Str(ext)
	trust, known := trustStatements(role.Properties["AssumeRolePolicyDocument"])
	trusted := false
	for _, s := range trust {
		effect, effectKnown := v.Str(s["Effect"])
		principal := cfn.Object(s["Principal"])
		if principal == nil || cfn.IsIntrinsic(principal) || principal["AWS"] == "*" {
			known = false // "*", or an intrinsic: it may or may not let Cognito in
			continue
		}
		services, servicesKnown := v.List(principal["Service"])
		if svc, ok := v.Str(principal["Service"]); ok {
			services, servicesKnown = []string{svc}, true
		}
		switch {
		case !effectKnown || (!servicesKnown && principal["Service"] != nil):
			known = false // an intrinsic decides it: never guess
			continue
		case effect != "Allow" || !slices.Contains(services, "cognito-idp.amazonaws.com"):
			continue // a Deny, or another principal, is not trust in Cognito
		}
		trusted = true
		want, ok := v.Str(cfn.Object(cfn.Object(s["Condition"])["StringEquals"])["sts:ExternalId"])
		if ok && extKnown && want != extID {
			p.add("R11", Error, "make the role's sts:ExternalId condition and SmsConfiguration.ExternalId the same",
				"role %s expects external id %q, but the pool sends %q", roleID, want, extID)
		}
	}
	if !trusted && known {
		p.add("R11", Error, "let cognito-idp.amazonaws.com assume the role", "role %s does not trust cognito-idp.amazonaws.com", roleID)
	}
}

// trustStatements returns the statements of a trust policy and whether all of them
// are known statically. IAM accepts Statement as one object or a list; a statement
// or a document behind an intrinsic function (Fn::If, ...) makes the policy unknown.
func trustStatements(doc any) ([]map[string]any, bool) {
	d := cfn.Object(doc)
	if d == nil || cfn.IsIntrinsic(d) {
		return nil, false
	}
	var raw []any
	switch st := d["Statement"].(type) {
	case []any:
		raw = st
	case map[string]any:
		raw = []any{st}
	default:
		return nil, false
	}
	known := true
	var out []map[string]any
	for _, e := range raw {
		s := cfn.Object(e)
		if s == nil || cfn.IsIntrinsic(s) {
			known = false
			continue
		}
		out = append(out, s)
	}
	return out, known
}

func (p *pool) checkRecoveryAndEmail(f facts) {
	if mode, ok := p.tmpl.Str(cfn.Object(p.props["UserPoolAddOns"])["AdvancedSecurityMode"]); ok && (mode == "AUDIT" || mode == "ENFORCED") && f.tierKnown && f.tier != "PLUS" {
		p.add("R15", Error, "set UserPoolTier PLUS, or AdvancedSecurityMode OFF",
			"AdvancedSecurityMode is %s but the tier is %s; threat protection needs PLUS", mode, f.tier)
	}
	pw := cfn.Object(cfn.Object(p.props["Policies"])["PasswordPolicy"])
	if n, ok := p.tmpl.Int(pw["PasswordHistorySize"]); ok && n > 0 && f.tierKnown && f.tier == "LITE" {
		p.add("R39", Error, "set UserPoolTier ESSENTIALS or PLUS, or remove PasswordHistorySize",
			"PasswordHistorySize is %d but the tier is LITE; password history needs ESSENTIALS or PLUS", n)
	}
	if f.smsMFA() && slices.Contains(f.recovery, "verified_phone_number") {
		p.add("R6", Error, "recover through verified_email (or admin_only) only, or disable SMS_MFA",
			"account recovery uses verified_phone_number while SMS MFA is enabled")
	}
}

func (p *pool) checkAttributes(f facts) {
	if f.keepKnown && f.autoKnown {
		for _, a := range f.keepOriginal {
			if !slices.Contains(f.autoVerified, a) {
				p.add("R10", Error, "add it to AutoVerifiedAttributes, or remove it from AttributesRequireVerificationBeforeUpdate",
					"%s must keep its original value until verified, but it is not auto-verified", a)
			}
		}
	}
	v := p.tmpl
	for _, s := range cfn.ListOf(p.props["Schema"]) {
		e := cfn.Object(s)
		name, _ := v.Str(e["Name"])
		if _, ok := e["AttributeDataType"]; !ok && cognito.IsStandardAttribute(name) {
			p.add("R14", Error, "add \"AttributeDataType\": \"String\" to the entry",
				"Schema entry %s has no AttributeDataType; later updates of the pool will fail", name)
		}
	}
}

// checkWebACL: a web ACL associated with the pool is a regional AWS WAF web ACL (R41).
func (p *pool) checkWebACL() {
	for _, id := range p.tmpl.OfType("AWS::WAFv2::WebACLAssociation") {
		props := p.tmpl.Resources[id].Properties
		if getAttArnOf(props["ResourceArn"]) != p.id {
			continue
		}
		if arn, ok := p.tmpl.Str(props["WebACLArn"]); ok {
			if msg := cognito.WebACLProblem(arn); msg != "" {
				p.add("R41", Error, "associate a web ACL with scope REGIONAL in the pool's region", "web ACL association %s: %q %s", id, arn, cfn.Sentence(msg))
			}
		}
	}
}

// checkEnums reports values Cognito does not accept where the CloudFormation schema
// lists none (rule DA200): the pool's properties whose values the API model lists
// (the generated limits' enums located on AWS::Cognito::UserPool), and EnabledMfas.
func (p *pool) checkEnums() {
	for _, l := range append(slices.Clone(cognito.All), enabledMfas) {
		for _, loc := range l.In {
			if len(l.Enum) == 0 || loc.Type != "AWS::Cognito::UserPool" {
				continue
			}
			for _, v := range valuesAt(p.props, loc.Path) {
				if s, ok := p.tmpl.Str(v.value); ok && v.list == nil && !slices.Contains(l.Enum, s) {
					p.add("DA200", Error, "use one of "+strings.Join(l.Enum, ", "), "%s has the value %q, which Cognito does not accept", cfn.Sentence(v.path), s)
				}
			}
		}
	}
}
