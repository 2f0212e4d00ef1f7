// Package construct is the defineauth CDK construct: one validated config in, a Cognito
// user pool, its web app client, an identity pool with its roles, and (when SMS is
// needed) an SMS role out.
//
// The config is validated in pure Go before any resource is created, so a config that
// Cognito would reject at deploy time is an error here, with every problem listed.
package construct

import (
	"fmt"
	"strings"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscognito"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/defineauth/defineauth/construct/config"
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
}

// NewAuth validates cfg and, when it is valid, adds the auth resources under a new
// construct scope/id. An invalid config returns a nil *Auth and an error joining one
// *config.Problem per problem (see config.Problems); nothing is added to scope then.
func NewAuth(scope constructs.Construct, id *string, cfg *config.Config) (*Auth, error) {
	if cfg == nil {
		return nil, fmt.Errorf("defineauth: NewAuth needs a config")
	}
	if err := cfg.Validate(); err != nil {
		return nil, fmt.Errorf("defineauth: invalid config:\n%w", err)
	}
	return newAuth(scope, id, cfg), nil
}

// newAuth builds the resources for cfg as written, valid or not; the tests use it to
// synthesize invalid configs and check that the template lint flags them too.
func newAuth(scope constructs.Construct, id *string, cfg *config.Config) *Auth {
	a := &Auth{Construct: constructs.NewConstruct(scope, id), Config: *cfg, Warnings: cfg.Warnings()}
	for _, w := range a.Warnings {
		awscdk.Annotations_Of(a.Construct).AddWarningV2(jsii.String("defineauth:"+w.Rule), jsii.String(w.Error()), nil)
	}

	removal := awscdk.RemovalPolicy_RETAIN
	if cfg.ResolvedRemovalPolicy() == config.RemovalDestroy {
		removal = awscdk.RemovalPolicy_DESTROY
	}
	sms := a.smsConfiguration(removal)
	a.CfnUserPool = awscognito.NewCfnUserPool(a.Construct, jsii.String("UserPool"), userPoolProps(a.Construct, cfg, sms))
	a.CfnUserPool.ApplyRemovalPolicy(removal, nil)
	a.UserPool = awscognito.UserPool_FromUserPoolId(a.Construct, jsii.String("UserPoolRef"), a.CfnUserPool.Ref())

	a.addWebClient()
	a.addIdentityPool()
	a.addGroups()
	return a
}

// userPoolProps maps the config onto the user pool's CloudFormation properties; each
// value comes from one config method (see config/defaults.go).
func userPoolProps(scope constructs.Construct, cfg *config.Config, sms *awscognito.CfnUserPool_SmsConfigurationProperty) *awscognito.CfnUserPoolProps {
	pw := cfg.ResolvedPasswordPolicy()
	props := &awscognito.CfnUserPoolProps{
		UserPoolName:           jsii.String(cfg.Name),
		UsernameAttributes:     strs(cfg.UsernameAttributes()),
		UsernameConfiguration:  &awscognito.CfnUserPool_UsernameConfigurationProperty{CaseSensitive: jsii.Bool(false)},
		AutoVerifiedAttributes: strs(cfg.AutoVerifiedAttributes()),
		Schema:                 schema(cfg),
		Policies: &awscognito.CfnUserPool_PoliciesProperty{PasswordPolicy: &awscognito.CfnUserPool_PasswordPolicyProperty{
			MinimumLength:                 jsii.Number(pw.MinLength),
			RequireLowercase:              jsii.Bool(pw.RequireLowercase),
			RequireUppercase:              jsii.Bool(pw.RequireUppercase),
			RequireNumbers:                jsii.Bool(pw.RequireDigits),
			RequireSymbols:                jsii.Bool(pw.RequireSymbols),
			TemporaryPasswordValidityDays: jsii.Number(pw.TempPasswordValidityDays),
		}},
		AdminCreateUserConfig: &awscognito.CfnUserPool_AdminCreateUserConfigProperty{AllowAdminCreateUserOnly: jsii.Bool(false)},
		MfaConfiguration:      jsii.String(cfg.CfnMFAConfiguration()),
		EnabledMfas:           strs(cfg.EnabledMFAs()),
		SmsConfiguration:      sms,
		EmailConfiguration:    emailConfiguration(scope, cfg),
		UserPoolTier:          jsii.String(string(cfg.ResolvedFeaturePlan())),
		DeletionProtection:    jsii.String("INACTIVE"),
	}
	if cfg.ResolvedDeletionProtection() {
		props.DeletionProtection = jsii.String("ACTIVE")
	}
	if keep := cfg.KeepOriginalAttributes(); len(keep) > 0 {
		props.UserAttributeUpdateSettings = &awscognito.CfnUserPool_UserAttributeUpdateSettingsProperty{
			AttributesRequireVerificationBeforeUpdate: strs(keep),
		}
	}
	if cfg.Multifactor != nil && cfg.Multifactor.SMS != nil && cfg.Multifactor.SMS.Message != "" {
		props.SmsAuthenticationMessage = jsii.String(cfg.Multifactor.SMS.Message)
	}
	if mechs := cfg.ResolvedAccountRecovery().RecoveryMechanisms(); mechs != nil {
		var opts []interface{}
		for i, m := range mechs {
			opts = append(opts, &awscognito.CfnUserPool_RecoveryOptionProperty{Name: jsii.String(m), Priority: jsii.Number(i + 1)})
		}
		props.AccountRecoverySetting = &awscognito.CfnUserPool_AccountRecoverySettingProperty{RecoveryMechanisms: &opts}
	}
	if d := cfg.DeviceTracking; d != nil {
		props.DeviceConfiguration = &awscognito.CfnUserPool_DeviceConfigurationProperty{
			ChallengeRequiredOnNewDevice:     jsii.Bool(d.ChallengeRequiredOnNewDevice),
			DeviceOnlyRememberedOnUserPrompt: jsii.Bool(d.DeviceOnlyRememberedOnUserPrompt),
		}
	}
	return props
}

// schema renders the Schema entries, AttributeDataType always set (rule R14).
func schema(cfg *config.Config) *[]interface{} {
	var out []interface{}
	for _, s := range cfg.SchemaAttributes() {
		e := &awscognito.CfnUserPool_SchemaAttributeProperty{
			Name:              jsii.String(s.Name),
			AttributeDataType: jsii.String(s.DataType),
			Required:          jsii.Bool(s.Required),
			Mutable:           jsii.Bool(s.Mutable),
		}
		if s.MinLength != nil || s.MaxLength != nil {
			e.StringAttributeConstraints = &awscognito.CfnUserPool_StringAttributeConstraintsProperty{
				MinLength: optItoa(s.MinLength), MaxLength: optItoa(s.MaxLength)}
		}
		if s.MinValue != nil || s.MaxValue != nil {
			e.NumberAttributeConstraints = &awscognito.CfnUserPool_NumberAttributeConstraintsProperty{
				MinValue: optItoa(s.MinValue), MaxValue: optItoa(s.MaxValue)}
		}
		out = append(out, e)
	}
	return &out
}

// emailConfiguration sends through SES when the config names a sender, else through
// Cognito's own sender.
func emailConfiguration(scope constructs.Construct, cfg *config.Config) *awscognito.CfnUserPool_EmailConfigurationProperty {
	e := cfg.Senders.Email
	if e == nil {
		return &awscognito.CfnUserPool_EmailConfigurationProperty{EmailSendingAccount: jsii.String("COGNITO_DEFAULT")}
	}
	identity := e.FromEmail
	if e.SESVerifiedDomain != "" {
		identity = e.SESVerifiedDomain
	}
	arn := awscdk.Stack_Of(scope).FormatArn(&awscdk.ArnComponents{
		Service: jsii.String("ses"), Resource: jsii.String("identity"), ResourceName: jsii.String(identity),
		Region: optStr(e.SESRegion),
	})
	from := e.FromEmail
	if e.FromName != "" {
		from = fmt.Sprintf("%s <%s>", quoteName(e.FromName), e.FromEmail)
	}
	return &awscognito.CfnUserPool_EmailConfigurationProperty{
		EmailSendingAccount: jsii.String("DEVELOPER"),
		From:                jsii.String(from),
		ReplyToEmailAddress: optStr(e.ReplyTo),
		SourceArn:           arn,
	}
}

// quoteName quotes a display name when it holds characters that RFC 5322 only
// allows inside quotes.
func quoteName(name string) string {
	if strings.ContainsAny(name, `()<>[]:;@\,."`) {
		return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(name) + `"`
	}
	return name
}

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

func optItoa(n *int) *string {
	if n == nil {
		return nil
	}
	return jsii.String(fmt.Sprint(*n))
}
