// Package construct is the defineauth CDK construct: one validated config in, a Cognito
// user pool, its web app client, an identity pool with its roles, and (when SMS is
// needed) an SMS role out.
//
// The config is validated in pure Go before any resource is created, so a config that
// Cognito would reject at deploy time is an error here, with every problem listed.
package construct

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscognito"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/aws-cdk-go/awscdk/v2/awskms"
	"github.com/aws/aws-cdk-go/awscdk/v2/awslambda"
	"github.com/aws/aws-cdk-go/awscdk/v2/awswafv2"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/construct/spec"
)

// Auth is the defineauth construct. Its fields reach every resource it made, for
// escape hatches (AddPropertyOverride, grants, other constructs' props).
type Auth struct {
	constructs.Construct

	// Config is the config the construct was built from.
	Config config.Config
	// Warnings are the legal-but-doubtful settings found in Config; each was also
	// added to the construct as a CDK warning annotation, so `cdk synth` shows it.
	Warnings []*config.Problem

	// attachedLater says AddTrigger or SetSenderKey changed the config after
	// construction, so it is validated again at synth.
	attachedLater bool

	// CfnUserPool is the user pool resource.
	CfnUserPool awscognito.CfnUserPool
	// UserPool is the pool as an IUserPool, for constructs that take one.
	UserPool awscognito.IUserPool
	// CfnWebClient is the web app client (SRP and refresh flows, no secret).
	CfnWebClient awscognito.CfnUserPoolClient
	// WebClient is the web client as an IUserPoolClient.
	WebClient awscognito.IUserPoolClient
	// CfnIdentityPool is the identity pool federated with the user pool.
	CfnIdentityPool awscognito.CfnIdentityPool
	// AuthenticatedRole is assumed by signed-in identities. It has no policies:
	// grant what your app needs.
	AuthenticatedRole awsiam.Role
	// UnauthenticatedRole is assumed by guest identities, when the identity pool
	// allows them. It has no policies.
	UnauthenticatedRole awsiam.Role
	// CfnRoleAttachment attaches the two roles to the identity pool.
	CfnRoleAttachment awscognito.CfnIdentityPoolRoleAttachment
	// SMSRole is the role Cognito assumes to send SMS through SNS; nil when no SMS is
	// needed or when the config brings its own role.
	SMSRole awsiam.Role
	// Groups holds the user pool groups by name.
	Groups map[string]awscognito.CfnUserPoolGroup
	// GroupRoles holds each group's role by group name: signed-in members of the
	// group assume it through the identity pool. It has no policies: grant what
	// the group may do (role.AddToPolicy, or a resource's Grant methods).
	GroupRoles map[string]awsiam.Role
	// Providers holds the external identity providers by key: google, facebook,
	// loginWithAmazon, signInWithApple, or the OIDC/SAML provider's name.
	Providers map[string]awscognito.CfnUserPoolIdentityProvider
	// CfnDomain is the hosted domain; nil without external sign-in.
	CfnDomain awscognito.CfnUserPoolDomain
	// Permissions holds the lambda:InvokeFunction permission of each trigger.
	Permissions map[config.Trigger]awslambda.CfnPermission
	// WebACLAssociation associates the config's AWS WAF web ACL with the pool; nil
	// without one.
	WebACLAssociation awswafv2.CfnWebACLAssociation
	// Spec is what the resources were made from (see package spec).
	Spec spec.Auth

	functions map[config.Trigger]awslambda.IFunction // Go functions attached
	senderKey awskms.IKey                            // Go key of the custom senders
	keyPolicy bool                                   // Cognito's key policy statement added
	decrypts  map[config.Trigger]bool                // sender functions granted kms:Decrypt
	secrets   map[string]awscdk.SecretValue          // provider secrets passed in Go
}

// AuthProps is everything NewAuthWithProps takes: the config, and the CDK objects a
// JSON config cannot hold (a config file names them by ARN instead).
type AuthProps struct {
	// Config is the config; required.
	Config *config.Config
	// Triggers attaches functions to triggers and custom senders
	// (config.PreSignUp, ..., config.CustomEmailSender, config.CustomSMSSender).
	// A trigger must not also be named by ARN in Config (rule DA013).
	Triggers map[config.Trigger]awslambda.IFunction
	// SenderKey is the symmetric KMS key of the custom senders. The construct adds
	// a key policy statement letting Cognito encrypt with it (kms:CreateGrant and
	// kms:Encrypt, this account only) and grants kms:Decrypt to the sender
	// functions attached in Go.
	SenderKey awskms.IKey
	// ProviderSecrets passes identity provider secrets by provider key (google,
	// facebook, loginWithAmazon, signInWithApple, or an OIDC provider's name)
	// instead of naming them in the config. Use awscdk.SecretValue_SecretsManager
	// (or another reference): a plain-text SecretValue would put the secret into the
	// template, which lint reports (R37).
	ProviderSecrets map[string]awscdk.SecretValue
}

// NewAuth validates cfg and, when it is valid, adds the auth resources under a new
// construct scope/id. An invalid config returns a nil *Auth and an error joining one
// *config.Problem per problem (see config.Problems); nothing is added to scope then.
// A config without a Name is named after the construct path ("MyStack/Auth" gives
// "MyStack-Auth", with a DA011 warning); cfg itself is never changed.
func NewAuth(scope constructs.Construct, id *string, cfg *config.Config) (*Auth, error) {
	return NewAuthWithProps(scope, id, &AuthProps{Config: cfg})
}

// NewAuthWithProps is NewAuth with Go objects besides the config: trigger and
// sender functions and the senders' key. Every rule runs on the config and the
// objects together, before anything is added to scope; objects attached later
// (AddTrigger, SetSenderKey) are checked again when the app synthesizes.
func NewAuthWithProps(scope constructs.Construct, id *string, props *AuthProps) (*Auth, error) {
	if props == nil || props.Config == nil || scope == nil || id == nil {
		return nil, fmt.Errorf("defineauth: NewAuth needs a scope, an id and a config")
	}
	c := *props.Config
	defaultName(&c, scope, *id)
	for _, t := range slices.Sorted(maps.Keys(props.Triggers)) {
		switch fn := props.Triggers[t]; {
		case !t.Known():
			return nil, fmt.Errorf("defineauth: AuthProps.Triggers: unknown trigger %q (known: %v)", t, config.AllTriggers())
		case fn == nil:
			return nil, fmt.Errorf("defineauth: AuthProps.Triggers: the function of %s is nil", t)
		default:
			c.Attach(t, *fn.Node().Path())
		}
	}
	if props.SenderKey != nil {
		c.AttachSenderKey(*props.SenderKey.Node().Path())
	}
	for _, key := range slices.Sorted(maps.Keys(props.ProviderSecrets)) {
		known := slices.ContainsFunc(c.Providers(), func(p config.Provider) bool { return p.Key == key && p.Type != "SAML" })
		if !known || props.ProviderSecrets[key] == nil {
			return nil, fmt.Errorf("defineauth: AuthProps.ProviderSecrets: %q is not a configured provider with a secret, or its secret is nil", key)
		}
		c.AttachSecret(key)
	}
	problems := spec.Check(&c) // the one validation of the construct, unless objects are attached later
	var errs []error
	var warnings []*config.Problem
	for _, p := range problems {
		if p.Severity == config.Error {
			errs = append(errs, p)
		} else {
			warnings = append(warnings, p)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("defineauth: invalid config:\n%w", err)
	}
	a := build(scope, id, &c, buildOptions{functions: props.Triggers, senderKey: props.SenderKey, secrets: props.ProviderSecrets,
		warnings: warnings, checkAtSynth: true})
	return a, nil
}

// defaultName names cfg after the path the construct scope/id would have
// ("MyStack/Auth" gives "MyStack-Auth") when it has no name. The path is stable as
// long as the construct id is, and changing the id replaces the pool anyway (its
// logical id changes), so this adds no new way to lose users; Warnings still asks
// to write the name down (DA011).
func defaultName(cfg *config.Config, scope constructs.Construct, id string) {
	path := id
	if p := *scope.Node().Path(); p != "" {
		path = p + "/" + id
	}
	cfg.SetDefaultName(config.SanitizeName(path), "the construct path "+strconv.Quote(path))
}

// newAuth builds the resources for cfg as written, valid or not; the tests use it to
// synthesize invalid configs and check that the template lint flags them too.
func newAuth(scope constructs.Construct, id *string, cfg *config.Config) *Auth {
	return build(scope, id, cfg, buildOptions{warnings: cfg.Warnings()})
}

// buildOptions are what build needs besides the config: the Go objects the config
// says are attached, the warnings validation found, and whether the construct
// validates again at synth (when objects are attached after construction).
type buildOptions struct {
	functions    map[config.Trigger]awslambda.IFunction
	senderKey    awskms.IKey
	secrets      map[string]awscdk.SecretValue
	warnings     []*config.Problem
	checkAtSynth bool
}

// build makes the resources. Every value comes from spec.ForAuth, the one mapping
// from config to template.
func build(scope constructs.Construct, id *string, cfg *config.Config, o buildOptions) *Auth {
	a := &Auth{Construct: constructs.NewConstruct(scope, id), Config: *cfg, Warnings: o.warnings, secrets: o.secrets,
		functions: map[config.Trigger]awslambda.IFunction{}, senderKey: o.senderKey, decrypts: map[config.Trigger]bool{}, Permissions: map[config.Trigger]awslambda.CfnPermission{}}
	maps.Copy(a.functions, o.functions)
	if o.checkAtSynth {
		a.Node().AddValidation(&synthCheck{a})
	}
	for _, w := range a.Warnings {
		awscdk.Annotations_Of(a.Construct).AddWarningV2(jsii.String("defineauth:"+w.Rule), jsii.String(w.Error()), nil)
	}
	a.Spec = spec.ForAuth(cfg, strings.Split(*a.Node().Path(), "/"))
	s := &a.Spec
	removal := awscdk.RemovalPolicy_RETAIN
	if s.Removal == "Delete" {
		removal = awscdk.RemovalPolicy_DESTROY
	}
	sms := a.smsConfiguration(s, removal)
	props := userPoolProps(s, sms)
	if lc := a.lambdaConfig(); lc != nil {
		props.LambdaConfig = lc
	}
	a.CfnUserPool = awscognito.NewCfnUserPool(a.Construct, jsii.String(spec.UserPoolID), props)
	a.CfnUserPool.ApplyRemovalPolicy(removal, nil)
	addSuppressions(a.CfnUserPool, s.PoolSuppressions)
	a.UserPool = awscognito.UserPool_FromUserPoolId(a.Construct, jsii.String("UserPoolRef"), a.CfnUserPool.Ref())

	a.addWebClient(s.WebClient)
	a.addProviders(s)
	a.addIdentityPool(s)
	a.addGroups(s.Groups)
	a.addPermissions()
	if s.WebACLArn != "" {
		a.WebACLAssociation = awswafv2.NewCfnWebACLAssociation(a.Construct, jsii.String(spec.WebACLAssociationID), &awswafv2.CfnWebACLAssociationProps{
			ResourceArn: a.CfnUserPool.AttrArn(), WebAclArn: jsii.String(s.WebACLArn)})
	}
	for _, k := range slices.Sorted(maps.Keys(s.Tags)) { // on every resource of the construct that takes tags
		awscdk.Tags_Of(a.Construct).Add(jsii.String(k), jsii.String(s.Tags[k]), nil)
	}
	return a
}

// synthCheck validates the construct's config again when the app synthesizes, if
// functions or keys were attached after construction, so they meet every rule too.
type synthCheck struct{ a *Auth }

// Validate returns one message per error-severity problem.
func (v *synthCheck) Validate() *[]*string {
	var out []*string
	if !v.a.attachedLater {
		return &out // validated once, in NewAuthWithProps, and nothing changed since
	}
	for _, p := range config.Problems(spec.Validate(&v.a.Config)) {
		out = append(out, jsii.String("defineauth: "+p.Error()))
	}
	return &out
}

// userPoolProps copies the pool's spec field by field into the L1 props, with the
// SMS configuration (which may name the created role) and the SES identity's ARN.
func userPoolProps(a *spec.Auth, sms *awscognito.CfnUserPool_SmsConfigurationProperty) *awscognito.CfnUserPoolProps {
	spec := a.UserPool
	props := &awscognito.CfnUserPoolProps{
		UserPoolName:               jsii.String(spec.UserPoolName),
		UsernameAttributes:         strs(spec.UsernameAttributes),
		UsernameConfiguration:      &awscognito.CfnUserPool_UsernameConfigurationProperty{CaseSensitive: jsii.Bool(spec.UsernameConfiguration.CaseSensitive)},
		AutoVerifiedAttributes:     strs(spec.AutoVerifiedAttributes),
		Schema:                     schema(spec.Schema),
		Policies:                   policies(spec.Policies),
		AdminCreateUserConfig:      adminCreateUserConfig(spec.AdminCreateUserConfig),
		MfaConfiguration:           jsii.String(spec.MfaConfiguration),
		EnabledMfas:                strs(spec.EnabledMfas),
		SmsAuthenticationMessage:   optStr(spec.SmsAuthenticationMessage),
		SmsConfiguration:           sms,
		EmailConfiguration:         emailConfiguration(spec.EmailConfiguration, a.SESSourceArn),
		UserPoolTier:               jsii.String(spec.UserPoolTier),
		DeletionProtection:         jsii.String(spec.DeletionProtection),
		EmailAuthenticationMessage: optStr(spec.EmailAuthenticationMessage),
		EmailAuthenticationSubject: optStr(spec.EmailAuthenticationSubject),
		WebAuthnRelyingPartyId:     optStr(spec.WebAuthnRelyingPartyID),
		WebAuthnUserVerification:   optStr(spec.WebAuthnUserVerification),
	}
	if v := spec.VerificationMessageTemplate; v != nil {
		props.VerificationMessageTemplate = &awscognito.CfnUserPool_VerificationMessageTemplateProperty{
			DefaultEmailOption: optStr(v.DefaultEmailOption),
			EmailMessage:       optStr(v.EmailMessage),
			EmailSubject:       optStr(v.EmailSubject),
			EmailMessageByLink: optStr(v.EmailMessageByLink),
			EmailSubjectByLink: optStr(v.EmailSubjectByLink),
			SmsMessage:         optStr(v.SmsMessage),
		}
	}
	if u := spec.UserAttributeUpdateSettings; u != nil {
		props.UserAttributeUpdateSettings = &awscognito.CfnUserPool_UserAttributeUpdateSettingsProperty{
			AttributesRequireVerificationBeforeUpdate: strs(u.AttributesRequireVerificationBeforeUpdate),
		}
	}
	if r := spec.AccountRecoverySetting; r != nil {
		var opts []interface{}
		for _, m := range r.RecoveryMechanisms {
			opts = append(opts, &awscognito.CfnUserPool_RecoveryOptionProperty{Name: jsii.String(m.Name), Priority: jsii.Number(m.Priority)})
		}
		props.AccountRecoverySetting = &awscognito.CfnUserPool_AccountRecoverySettingProperty{RecoveryMechanisms: &opts}
	}
	if u := spec.UserPoolAddOns; u != nil {
		props.UserPoolAddOns = &awscognito.CfnUserPool_UserPoolAddOnsProperty{AdvancedSecurityMode: jsii.String(u.AdvancedSecurityMode)}
	}
	if d := spec.DeviceConfiguration; d != nil {
		props.DeviceConfiguration = &awscognito.CfnUserPool_DeviceConfigurationProperty{
			ChallengeRequiredOnNewDevice:     jsii.Bool(d.ChallengeRequiredOnNewDevice),
			DeviceOnlyRememberedOnUserPrompt: jsii.Bool(d.DeviceOnlyRememberedOnUserPrompt),
		}
	}
	return props
}

// policies copies Policies: the password policy and, with passwordless first
// factors, the sign-in policy.
func policies(p spec.Policies) *awscognito.CfnUserPool_PoliciesProperty {
	pw := p.PasswordPolicy
	policy := &awscognito.CfnUserPool_PasswordPolicyProperty{
		MinimumLength:                 jsii.Number(pw.MinimumLength),
		RequireLowercase:              jsii.Bool(pw.RequireLowercase),
		RequireUppercase:              jsii.Bool(pw.RequireUppercase),
		RequireNumbers:                jsii.Bool(pw.RequireNumbers),
		RequireSymbols:                jsii.Bool(pw.RequireSymbols),
		TemporaryPasswordValidityDays: jsii.Number(pw.TemporaryPasswordValidityDays),
	}
	if h := pw.PasswordHistorySize; h != nil {
		policy.PasswordHistorySize = jsii.Number(*h)
	}
	out := &awscognito.CfnUserPool_PoliciesProperty{PasswordPolicy: policy}
	if si := p.SignInPolicy; si != nil {
		out.SignInPolicy = &awscognito.CfnUserPool_SignInPolicyProperty{AllowedFirstAuthFactors: jsii.Strings(si.AllowedFirstAuthFactors...)}
	}
	return out
}

// adminCreateUserConfig copies AdminCreateUserConfig with the invitation.
func adminCreateUserConfig(a spec.AdminCreateUserConfig) *awscognito.CfnUserPool_AdminCreateUserConfigProperty {
	out := &awscognito.CfnUserPool_AdminCreateUserConfigProperty{AllowAdminCreateUserOnly: jsii.Bool(a.AllowAdminCreateUserOnly)}
	if t := a.InviteMessageTemplate; t != nil {
		out.InviteMessageTemplate = &awscognito.CfnUserPool_InviteMessageTemplateProperty{
			EmailMessage: optStr(t.EmailMessage), EmailSubject: optStr(t.EmailSubject), SmsMessage: optStr(t.SMSMessage)}
	}
	return out
}

// schema copies the Schema entries.
func schema(entries []spec.SchemaAttribute) *[]interface{} {
	out := []interface{}{}
	for _, s := range entries {
		e := &awscognito.CfnUserPool_SchemaAttributeProperty{
			Name:              jsii.String(s.Name),
			AttributeDataType: jsii.String(s.AttributeDataType),
			Required:          jsii.Bool(s.Required),
			Mutable:           jsii.Bool(s.Mutable),
		}
		if c := s.StringAttributeConstraints; c != nil {
			e.StringAttributeConstraints = &awscognito.CfnUserPool_StringAttributeConstraintsProperty{MinLength: optStr(c.MinLength), MaxLength: optStr(c.MaxLength)}
		}
		if c := s.NumberAttributeConstraints; c != nil {
			e.NumberAttributeConstraints = &awscognito.CfnUserPool_NumberAttributeConstraintsProperty{MinValue: optStr(c.MinValue), MaxValue: optStr(c.MaxValue)}
		}
		out = append(out, e)
	}
	return &out
}

// emailConfiguration copies EmailConfiguration, with the SES identity's ARN.
func emailConfiguration(e spec.EmailConfiguration, sourceArn spec.Join) *awscognito.CfnUserPool_EmailConfigurationProperty {
	out := &awscognito.CfnUserPool_EmailConfigurationProperty{
		EmailSendingAccount: jsii.String(e.EmailSendingAccount),
		From:                optStr(e.From),
		ReplyToEmailAddress: optStr(e.ReplyToEmailAddress),
	}
	if sourceArn != nil {
		out.SourceArn = join(sourceArn)
	}
	return out
}

// join turns a spec.Join of literals and pseudo parameters into a CDK Fn::Join.
func join(parts spec.Join) *string {
	var list []*string
	for _, p := range parts {
		switch x := p.(type) {
		case string:
			list = append(list, jsii.String(x))
		case spec.Ref:
			list = append(list, pseudo[x.Target]())
		default:
			panic(fmt.Sprintf("defineauth: spec.Join part %T", p)) // the spec builds only these
		}
	}
	return awscdk.Fn_Join(jsii.String(""), &list)
}

// pseudo maps the spec's pseudo parameters to the CDK's.
var pseudo = map[string]func() *string{spec.Region: awscdk.Aws_REGION, spec.Partition: awscdk.Aws_PARTITION, spec.AccountID: awscdk.Aws_ACCOUNT_ID}

func strs(ss []string) *[]*string {
	if len(ss) == 0 {
		return nil
	}
	return jsii.Strings(ss...)
}

func optStr(s string) *string {
	if s == "" {
		return nil
	}
	return jsii.String(s)
}
