// Package spec is the whole defineauth stack as plain Go values: every resource the
// Auth construct makes (user pool, web client, identity pool, its roles and their
// attachment, the SMS role, groups) with its properties, removal policy and cdk-nag
// metadata, and every output of the ready-made stack. It is the one mapping from a
// config to a template: the construct copies it into the CDK resources, the
// ready-made stack adds its outputs from it, and Template renders it in pure Go, the
// template the CDK synthesizes, in stacks.Template's bytes (tests compare the two for every golden config,
// every rule fixture and a sample of fuzzed configs; the CDK stays the oracle).
//
// Values only CloudFormation knows are represented once, the same way for every
// consumer: Ref and GetAtt name a resource by its construct path below the stack
// ("Auth/UserPool") or a pseudo parameter ("AWS::Region"), and Join is Fn::Join.
// Nothing here imports jsii, so rendering takes microseconds and needs no Node.js.
package spec

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/outputs"
)

// Ref is {"Ref": ...}: Target is a resource's construct path below the stack, or a
// pseudo parameter such as "AWS::Region".
type Ref struct{ Target string }

// GetAtt is {"Fn::GetAtt": [resource, attribute]}.
type GetAtt struct{ Target, Attribute string }

// Join is {"Fn::Join": ["", parts]}; parts are strings, Refs and GetAtts.
type Join []any

// The pseudo parameters the stack uses.
const (
	Region    = "AWS::Region"
	Partition = "AWS::Partition"
	AccountID = "AWS::AccountId"
)

// Construct ids of the resources below the Auth construct. An L2 construct (an IAM
// role) holds its CloudFormation resource as the child "Resource".
const (
	UserPoolID          = "UserPool"
	WebClientID         = "WebClient"
	IdentityPoolID      = "IdentityPool"
	AuthenticatedRole   = "AuthenticatedRole"
	UnauthenticatedRole = "UnauthenticatedRole"
	RoleAttachmentID    = "IdentityPoolRoles"
	SMSRoleID           = "SMSRole"
	DomainID            = "Domain"
	WebACLAssociationID = "WebACLAssociation"
)

// Auth is everything the Auth construct makes for one config.
type Auth struct {
	// Path is the construct path of the Auth construct from the app, stack id
	// first ("defineauth-shop/Auth"): the external id of a created SMS role derives
	// from it, as CDK's Names.uniqueId does.
	Path []string
	// Removal is the DeletionPolicy and UpdateReplacePolicy of the pool and of a
	// created SMS role: "Retain" or "Delete".
	Removal string
	// UserPool holds the pool's properties. When SMSRole is set, its
	// SmsConfiguration's SnsCallerArn is the role's Arn and its ExternalId is
	// ExternalID; when SESSourceArn is set, it is EmailConfiguration.SourceArn.
	UserPool     UserPoolProps
	SESSourceArn Join
	ExternalID   string
	// PoolSuppressions are the cdk-nag findings the pool answers by design.
	PoolSuppressions []Suppression
	WebClient        Client
	IdentityPool     IdentityPool
	// AuthenticatedRole and UnauthenticatedRole are assumed through the identity
	// pool by signed-in and guest identities.
	AuthenticatedRole, UnauthenticatedRole IdentityRole
	// SMSRole is the role Cognito assumes to send SMS; nil when none is created.
	SMSRole *SMSRole
	// Groups are the user pool groups, each with its role; when there are any,
	// the identity pool maps roles from the ID token (RoleMapping).
	Groups      []Group
	RoleMapping *RoleMapping
	// Triggers are the pool's LambdaConfig entries, each with its invoke
	// permission; SenderKey is LambdaConfig.KMSKeyID.
	Triggers  []Trigger
	SenderKey Function
	// Providers are the external identity providers; Domain is the hosted domain
	// they sign in through (nil without OAuth).
	Providers []Provider
	Domain    *Domain
	// Tags go on every resource that takes tags: the user pool (UserPoolTags, a
	// map), the identity pool (IdentityPoolTags) and the IAM roles (Tags), the
	// CDK's Tags.Of on the construct.
	Tags map[string]string
	// WebACLArn is the AWS WAF web ACL associated with the pool ("" for none), by
	// the AWS::WAFv2::WebACLAssociation with construct id WebACLAssociationID.
	WebACLArn string
}

// Provider is one AWS::Cognito::UserPoolIdentityProvider: the config's provider
// (name, type, details without the secret, mappings) with its construct id. The
// secret, when there is one, is SecretKey's value: the dynamic reference to the
// named Secret, or (SecretAttached) a Go SecretValue the construct holds.
type Provider struct {
	config.Provider
	ConstructID    string
	SecretAttached bool
}

// SecretReference is the dynamic reference to the provider's named secret, "" when
// the config names none.
func (p Provider) SecretReference() string {
	if p.Secret == nil {
		return ""
	}
	return p.Secret.DynamicReference()
}

// Domain is the pool's hosted domain, <Prefix>.auth.<region>.amazoncognito.com.
type Domain struct {
	ConstructID string
	Prefix      string
}

// Function names a Lambda function or KMS key: by ARN (from a config file), or a Go
// object attached to the construct (Attached, its label), which the construct
// resolves itself; the pure-Go template can only render ARNs.
type Function struct {
	ARN      string
	Attached string
}

// IsSet reports whether f names something.
func (f Function) IsSet() bool { return f.ARN != "" || f.Attached != "" }

// Trigger is one LambdaConfig entry and the lambda:InvokeFunction permission that
// lets Cognito (only for this pool: SourceArn) call its function.
type Trigger struct {
	Trigger config.Trigger
	// Key is the LambdaConfig key; Version, when set, makes the entry an object
	// {LambdaArn, LambdaVersion} (PreTokenGenerationConfig and the custom senders).
	Key, Version string
	Function     Function
	// PermissionID is the construct id of the AWS::Lambda::Permission.
	PermissionID string
}

// RoleMapping is the identity pool's role mapping for the web client: the role comes
// from the ID token's cognito:preferred_role (the group with the lowest precedence),
// and a token without one, or with an ambiguous one, gets the authenticated role.
type RoleMapping struct {
	Key                     string
	Type                    string
	AmbiguousRoleResolution string
}

// Client is the web app client (CloudFormation AWS::Cognito::UserPoolClient); its
// UserPoolId is the pool's Ref.
type Client struct {
	ClientName                 string
	GenerateSecret             bool
	ExplicitAuthFlows          []string
	PreventUserExistenceErrors string
	EnableTokenRevocation      bool
	SupportedIdentityProviders []string
	// OAuth is the client's hosted sign-in settings; nil without OAuth.
	OAuth *OAuth
}

// OAuth is the web client's OAuth settings: the authorization code grant only.
type OAuth struct {
	Flows        []string
	Scopes       []string
	CallbackURLs []string
	LogoutURLs   []string
}

// IdentityPool is the identity pool federated with the web client.
type IdentityPool struct {
	IdentityPoolName               string
	AllowUnauthenticatedIdentities bool
}

// IdentityRole is a role only identities of the identity pool with the given
// authentication kind (AMR "authenticated" or "unauthenticated") can assume.
type IdentityRole struct {
	Description string
	AMR         string
}

// SMSRole is the role Cognito assumes, with the pool's external id, to publish SMS.
type SMSRole struct {
	Description  string
	PolicyName   string
	Actions      []string
	Resources    []string
	Suppressions []Suppression
}

// Group is one user pool group, with the role its members assume through the
// identity pool (construct id RoleID below the group, trusting authenticated
// identities like AuthenticatedRole).
type Group struct {
	ConstructID string
	GroupName   string
	Precedence  int
	Role        IdentityRole
}

// GroupRoleID is the construct id of a group's role, below the group.
const GroupRoleID = "Role"

// Suppression is one cdk-nag finding answered by design, with the reason.
type Suppression struct {
	ID        string
	Reason    string
	AppliesTo []string
}

// Output is one stack output, exported as "<stack name>-<Name>".
type Output struct {
	Name, Description string
	Value             any // a string, or a Ref
}

// Stack is the ready-made stack: one Auth construct with id AuthID, and its outputs.
type Stack struct {
	ID          string // the stack's construct id, which is also its name
	Name        string // the stack name
	Description string
	AuthID      string
	Auth        Auth
	Outputs     []Output
}

// The cdk-nag suppressions the construct records, with their reasons.
var (
	cog8 = Suppression{ID: "AwsSolutions-COG8",
		Reason: "The PLUS feature plan (threat protection) is billed per monthly active user; it is a cost decision left to the featurePlan setting of the defineauth config."}
	iam5 = Suppression{ID: "AwsSolutions-IAM5", AppliesTo: []string{"Resource::*"},
		Reason: "Cognito publishes SMS directly to users' phone numbers, which are not SNS resources, so sns:Publish cannot be scoped to an ARN; the role is assumable only by cognito-idp.amazonaws.com with this pool's external id."}
)

// ForAuth maps cfg onto the resources of an Auth construct whose construct path from
// the app is path (stack id first). It maps what the config says even when Validate
// rejects it, so tests can force invalid configs into templates.
func ForAuth(cfg *config.Config, path []string) Auth {
	a := Auth{
		Path:     slices.Clone(path),
		Removal:  "Retain",
		UserPool: userPool(cfg),
		WebClient: Client{
			ClientName: cfg.WebClientName(), GenerateSecret: false,
			ExplicitAuthFlows:          explicitAuthFlows(cfg),
			PreventUserExistenceErrors: "ENABLED", EnableTokenRevocation: true,
			SupportedIdentityProviders: supportedIdentityProviders(cfg),
		},
		IdentityPool:        IdentityPool{IdentityPoolName: cfg.Name, AllowUnauthenticatedIdentities: cfg.AllowUnauthenticatedIdentities},
		AuthenticatedRole:   IdentityRole{AMR: "authenticated", Description: roleDescription("authenticated", cfg.Name)},
		UnauthenticatedRole: IdentityRole{AMR: "unauthenticated", Description: roleDescription("unauthenticated", cfg.Name)},
	}
	if cfg.ResolvedRemovalPolicy() == config.RemovalDestroy {
		a.Removal = "Delete"
	}
	if cfg.ResolvedFeaturePlan() != config.PlanPlus {
		a.PoolSuppressions = []Suppression{cog8}
	}
	if sms := a.UserPool.SmsConfiguration; sms != nil && sms.CreateRole {
		a.ExternalID = LogicalID(path)
		a.SMSRole = &SMSRole{
			Description: "Lets Cognito send SMS (verification and MFA codes) through SNS",
			PolicyName:  "sns-publish", Actions: []string{"sns:Publish"},
			// SMS goes to the users' own phone numbers, which are not SNS resources.
			Resources:    []string{"*"},
			Suppressions: []Suppression{iam5},
		}
	}
	if e := a.UserPool.EmailConfiguration; e.SESIdentity != "" {
		var region any = Ref{Region}
		if e.SESRegion != "" {
			region = e.SESRegion
		}
		a.SESSourceArn = joinLiterals(Join{"arn:", Ref{Partition}, ":ses:", region, ":", Ref{AccountID}, ":identity/" + e.SESIdentity})
	}
	for i, name := range cfg.Groups {
		id := groupConstructID(name)
		a.Groups = append(a.Groups, Group{ConstructID: id, GroupName: name, Precedence: i, Role: IdentityRole{AMR: "authenticated",
			Description: fmt.Sprintf("Assumed through the %s identity pool by signed-in members of the user pool group with precedence %d", cfg.Name, i)}})
	}
	if len(a.Groups) > 0 {
		a.RoleMapping = &RoleMapping{Key: "webClient", Type: "Token", AmbiguousRoleResolution: "AuthenticatedRole"}
	}
	for _, t := range config.AllTriggers() {
		if !cfg.HasTrigger(t) {
			continue
		}
		tr := Trigger{Trigger: t, Key: lambdaConfigKeys[t], PermissionID: upperFirst(string(t)) + "Permission",
			Function: Function{ARN: cfg.TriggerARN(t), Attached: cfg.Attached(t)}}
		switch t {
		case config.PreTokenGeneration:
			tr.Version = string(cfg.ResolvedTokenEventVersion())
		case config.CustomEmailSender, config.CustomSMSSender, config.InboundFederation:
			tr.Version = "V1_0" // the only version of the sender and inbound federation events
		}
		a.Triggers = append(a.Triggers, tr)
	}
	a.SenderKey = Function{ARN: cfg.SenderKeyARN(), Attached: cfg.AttachedSenderKey()}
	a.Tags = maps.Clone(cfg.Tags)
	a.WebACLArn = cfg.WAFWebACLArn
	if x := cfg.LoginWith.ExternalProviders; x != nil {
		a.WebClient.OAuth = &OAuth{Flows: []string{"code"}, Scopes: oauthScopes(cfg), CallbackURLs: x.CallbackURLs, LogoutURLs: x.LogoutURLs}
		if x.DomainPrefix != "" {
			a.Domain = &Domain{ConstructID: DomainID, Prefix: x.DomainPrefix}
		}
	}
	for _, p := range cfg.Providers() {
		sp := Provider{Provider: p, ConstructID: providerConstructID(p.Name), SecretAttached: cfg.SecretAttached(p.Key)}
		a.Providers = append(a.Providers, sp)
	}
	return a
}

func upperFirst(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

func roleDescription(amr, name string) string {
	return fmt.Sprintf("Assumed by %s identities of the %s identity pool", amr, name)
}

// joinLiterals merges adjacent strings, as CDK's FormatArn does.
func joinLiterals(parts Join) Join {
	var out Join
	for _, p := range parts {
		if s, ok := p.(string); ok && len(out) > 0 {
			if prev, ok := out[len(out)-1].(string); ok {
				out[len(out)-1] = prev + s
				continue
			}
		}
		out = append(out, p)
	}
	return out
}

// ForStack maps cfg onto the ready-made stack (stacks.NewAuthStack): the stack is
// named cfg.StackName(), holds the Auth construct with id "Auth", and exports the
// outputs a front end needs (names in package outputs).
func ForStack(cfg *config.Config) Stack {
	const authID = "Auth"
	s := Stack{ID: cfg.StackName(), Name: cfg.StackName(), AuthID: authID,
		Description: "Cognito authentication for " + cfg.Name + " (defineauth)"}
	s.Auth = ForAuth(cfg, []string{s.ID, authID})
	s.Outputs = []Output{
		{Name: outputs.Region, Value: Ref{Region}},
		{Name: outputs.UserPoolID, Value: Ref{authID + "/" + UserPoolID}},
		{Name: outputs.WebClientID, Value: Ref{authID + "/" + WebClientID}},
		{Name: outputs.IdentityPoolID, Value: Ref{authID + "/" + IdentityPoolID}},
	}
	static := StaticOutputs(cfg)
	for _, name := range slices.Sorted(maps.Keys(static)) {
		s.Outputs = append(s.Outputs, Output{Name: name, Value: static[name]})
	}
	for i := range s.Outputs {
		s.Outputs[i].Description = outputs.Description(s.Outputs[i].Name)
	}
	return s
}

// StaticOutputs returns the outputs whose values come from the config alone, by
// output name; the stack adds the deployed ids (region, pool, client, identity pool).
func StaticOutputs(cfg *config.Config) map[string]string {
	pw := cfg.ResolvedPasswordPolicy()
	var reqs []string
	for _, r := range []struct {
		on   bool
		name string
	}{{pw.RequireLowercase, "REQUIRES_LOWERCASE"}, {pw.RequireUppercase, "REQUIRES_UPPERCASE"}, {pw.RequireDigits, "REQUIRES_NUMBERS"}, {pw.RequireSymbols, "REQUIRES_SYMBOLS"}} {
		if r.on {
			reqs = append(reqs, r.name)
		}
	}
	out := map[string]string{
		outputs.Marker:                     outputs.FormatVersion,
		outputs.MFAConfiguration:           mfaConfiguration(cfg),
		outputs.MFATypes:                   outputs.JSONList(enabledMFAs(cfg)),
		outputs.SignupAttributes:           outputs.JSONList(cfg.RequiredAttributes()),
		outputs.UsernameAttributes:         outputs.JSONList(cfg.UsernameAttributes()),
		outputs.VerificationMechanisms:     outputs.JSONList(cfg.AutoVerifiedAttributes()),
		outputs.PasswordPolicyMinLength:    strconv.Itoa(pw.MinLength),
		outputs.PasswordPolicyRequirements: outputs.JSONList(reqs),
		outputs.UnauthenticatedIdentities:  strconv.FormatBool(cfg.AllowUnauthenticatedIdentities),
		outputs.Groups:                     outputs.JSONList(cfg.Groups),
	}
	if p := passwordless(cfg); p != nil {
		b, _ := json.Marshal(p)
		out[outputs.PasswordlessSettings] = string(b)
	}
	if x := cfg.LoginWith.ExternalProviders; x != nil {
		o := outputs.OAuthOutput{IdentityProviders: []string{}, DomainPrefix: x.DomainPrefix, Scopes: oauthScopes(cfg),
			RedirectSignInURI: x.CallbackURLs, RedirectSignOutURI: x.LogoutURLs, ResponseType: "code"}
		for _, p := range cfg.Providers() {
			o.IdentityProviders = append(o.IdentityProviders, outputs.ProviderName(p.Type, p.Name))
		}
		if o.RedirectSignOutURI == nil {
			o.RedirectSignOutURI = []string{}
		}
		b, _ := json.Marshal(o)
		out[outputs.OAuthSettings] = string(b)
	}
	return out
}

// passwordless is the client's passwordless block; nil when the pool has only
// passwords and no preferred challenge.
func passwordless(cfg *config.Config) *outputs.Passwordless {
	factors := cfg.FirstFactors()
	var preferred string
	if o := cfg.PasswordlessOptions; o != nil {
		preferred = o.PreferredChallenge
	}
	if factors == nil && preferred == "" {
		return nil
	}
	p := &outputs.Passwordless{EmailOTPEnabled: slices.Contains(factors, "EMAIL_OTP"), SMSOTPEnabled: slices.Contains(factors, "SMS_OTP"), PreferredChallenge: preferred}
	if w := cfg.LoginWith.WebAuthn; w != nil {
		p.WebAuthn = &outputs.WebAuthn{RelyingPartyID: w.RelyingPartyID, UserVerification: w.UserVerification}
	}
	return p
}
