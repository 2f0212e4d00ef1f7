package stacks_test

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/aws-cdk-go/awscdk/v2/awss3"
	"github.com/aws/jsii-runtime-go"
	"github.com/google/go-cmp/cmp"

	"github.com/defineauth/defineauth/construct"
	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/construct/spec"
	"github.com/defineauth/defineauth/internal/golden"
	"github.com/defineauth/defineauth/internal/jsiitest"
	"github.com/defineauth/defineauth/lint"
	"github.com/defineauth/defineauth/stacks"
)

// TestMain shares one jsii runtime (one Node.js process) across the tests here.
func TestMain(m *testing.M) { jsiitest.Main(m) }

// must is jsiitest.Must.
var must = jsiitest.Must

type m = map[string]interface{}
type a = []interface{}

// check is one targeted assertion on a synthesized template.
type check struct {
	what string
	run  func(assertions.Template)
}

func pool(p m) check {
	return check{"user pool properties", func(t assertions.Template) {
		t.HasResourceProperties(jsii.String("AWS::Cognito::UserPool"), assertions.Match_ObjectLike(&p))
	}}
}

func resource(typ string, p m) check {
	return check{typ + " properties", func(t assertions.Template) {
		t.HasResourceProperties(jsii.String(typ), assertions.Match_ObjectLike(&p))
	}}
}

func count(typ string, n int) check {
	return check{typ + " count", func(t assertions.Template) { t.ResourceCountIs(jsii.String(typ), jsii.Number(n)) }}
}

var (
	absent  = assertions.Match_Absent()
	noSMS   = []check{pool(m{"SmsConfiguration": absent}), count("AWS::IAM::Role", 2)}
	withSMS = []check{pool(m{"SmsConfiguration": m{"SnsCallerArn": m{"Fn::GetAtt": a{assertions.Match_StringLikeRegexp(jsii.String("^AuthSMSRole")), "Arn"}}}}), count("AWS::IAM::Role", 3)}
)

func like(p m) assertions.Matcher { return assertions.Match_ObjectLike(&p) }

func devices(challenge, onPrompt bool) check {
	return pool(m{"DeviceConfiguration": m{"ChallengeRequiredOnNewDevice": challenge, "DeviceOnlyRememberedOnUserPrompt": onPrompt}})
}

func recovery(names ...string) check {
	var opts a
	for i, n := range names {
		opts = append(opts, m{"Name": n, "Priority": i + 1})
	}
	return pool(m{"AccountRecoverySetting": m{"RecoveryMechanisms": assertions.Match_ArrayEquals(&opts)}})
}

// anyList is a list of strings as the assertions library takes lists.
func anyList(s ...string) a {
	out := make(a, len(s))
	for i, x := range s {
		out[i] = x
	}
	return out
}

func mfa(cfn string, methods ...string) check {
	var enabled interface{} = absent
	if methods != nil {
		list := anyList(methods...)
		enabled = assertions.Match_ArrayEquals(&list)
	}
	return pool(m{"MfaConfiguration": cfn, "EnabledMfas": enabled})
}

// expectations holds, for every config under testdata/configs, the properties that
// matter for that case, written by hand from the README's rule table.
var expectations = map[string][]check{
	"mfa-off-email":          append([]check{mfa("OFF"), pool(m{"UsernameAttributes": a{"email"}, "DeviceConfiguration": absent}), recovery("verified_email")}, noSMS...),
	"mfa-off-explicit-phone": append([]check{mfa("OFF"), pool(m{"UsernameAttributes": a{"phone_number"}, "AutoVerifiedAttributes": a{"phone_number"}}), recovery("verified_phone_number")}, withSMS...),
	"mfa-optional-totp":      append([]check{mfa("OPTIONAL", "SOFTWARE_TOKEN_MFA")}, noSMS...),
	"mfa-optional-sms": append([]check{mfa("OPTIONAL", "SMS_MFA"), pool(m{"AutoVerifiedAttributes": a{"email", "phone_number"},
		"Schema": assertions.Match_ArrayWith(&a{like(m{"Name": "phone_number", "Required": true, "AttributeDataType": "String"})})})}, withSMS...),
	"mfa-optional-sms-totp":    append([]check{mfa("OPTIONAL", "SMS_MFA", "SOFTWARE_TOKEN_MFA")}, withSMS...),
	"mfa-required-totp":        append([]check{mfa("ON", "SOFTWARE_TOKEN_MFA")}, noSMS...),
	"mfa-required-sms":         append([]check{mfa("ON", "SMS_MFA"), recovery("verified_email")}, withSMS...),
	"mfa-required-sms-totp":    append([]check{mfa("ON", "SMS_MFA", "SOFTWARE_TOKEN_MFA"), pool(m{"AutoVerifiedAttributes": a{"email", "phone_number"}})}, withSMS...),
	"mfa-required-totp-email":  {mfa("ON", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP"), pool(m{"UserPoolTier": "ESSENTIALS", "EmailConfiguration": m{"EmailSendingAccount": "DEVELOPER", "From": "Example <no-reply@example.com>"}})},
	"mfa-optional-all-methods": append([]check{mfa("OPTIONAL", "SMS_MFA", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP")}, withSMS...),
	"login-phone":              append([]check{mfa("OFF"), pool(m{"UsernameAttributes": a{"phone_number"}, "UserAttributeUpdateSettings": m{"AttributesRequireVerificationBeforeUpdate": a{"phone_number"}}})}, withSMS...),
	"login-email-phone": append([]check{mfa("OPTIONAL", "SMS_MFA", "SOFTWARE_TOKEN_MFA"), pool(m{"UsernameAttributes": a{"email", "phone_number"},
		"UserAttributeUpdateSettings": m{"AttributesRequireVerificationBeforeUpdate": a{"email", "phone_number"}}}), recovery("verified_email")}, withSMS...),
	"login-phone-mfa-required-sms": append([]check{mfa("ON", "SMS_MFA"), recovery("admin_only")}, withSMS...),
	"devices-always":               {devices(true, false), mfa("ON", "SOFTWARE_TOKEN_MFA")},
	"devices-opt-in":               {devices(true, true), mfa("OPTIONAL", "SOFTWARE_TOKEN_MFA")},
	"devices-always-no-challenge":  {devices(false, false)},
	"devices-mfa-off":              {devices(false, true), mfa("OFF")},
	"sms-custom-message":           append([]check{mfa("ON", "SMS_MFA"), pool(m{"SmsAuthenticationMessage": "Your Example sign-in code is {####}"})}, withSMS...),
	"sms-own-role": {mfa("ON", "SMS_MFA", "SOFTWARE_TOKEN_MFA"), count("AWS::IAM::Role", 2), pool(m{"SmsConfiguration": assertions.Match_ObjectEquals(&m{
		"SnsCallerArn": "arn:aws:iam::123456789012:role/cognito-sms", "ExternalId": "shop-sms-7f3c", "SnsRegion": "us-east-1"})})},
	"sms-sender-region": {count("AWS::IAM::Role", 3), recovery("admin_only"), pool(m{"SmsConfiguration": m{"SnsRegion": "eu-west-1", "ExternalId": assertions.Match_AnyValue()}})},
	"sms-disabled-totp": append([]check{mfa("ON", "SOFTWARE_TOKEN_MFA")}, noSMS...),
	"custom-attributes": {pool(m{"Schema": assertions.Match_ArrayWith(&a{
		like(m{"Name": "birthdate", "Mutable": false, "Required": false}),
		like(m{"Name": "beta", "AttributeDataType": "Boolean", "Required": false}),
		like(m{"Name": "joined", "AttributeDataType": "DateTime", "Mutable": false}),
		like(m{"Name": "loyalty", "AttributeDataType": "Number", "NumberAttributeConstraints": m{"MinValue": "0", "MaxValue": "100000"}}),
		like(m{"Name": "tier", "AttributeDataType": "String", "StringAttributeConstraints": m{"MinLength": "1", "MaxLength": "16"}}),
		like(m{"Name": "email", "Required": true}),
		like(m{"Name": "family_name", "Required": true, "Mutable": true}),
		like(m{"Name": "given_name", "Required": true}),
	})})},
	"password-policy": {pool(m{"Policies": m{"PasswordPolicy": assertions.Match_ObjectEquals(&m{"MinimumLength": 16, "RequireLowercase": true,
		"RequireUppercase": true, "RequireNumbers": true, "RequireSymbols": false, "TemporaryPasswordValidityDays": 3})}})},
	"tags": {pool(m{"UserPoolTags": assertions.Match_ObjectEquals(&m{"team": "identity", "cost-center": "4711", "Environment": "prod", "owner:email": "auth@example.com"})}),
		resource("AWS::Cognito::IdentityPool", m{"IdentityPoolTags": a{m{"Key": "cost-center", "Value": "4711"}, m{"Key": "Environment", "Value": "prod"},
			m{"Key": "owner:email", "Value": "auth@example.com"}, m{"Key": "team", "Value": "identity"}}}),
		check{"every role tagged", func(t assertions.Template) {
			roles := t.FindResources(jsii.String("AWS::IAM::Role"), nil)
			if len(*roles) != 4 {
				panic("want 4 roles (authenticated, unauthenticated, group, SMS), got " + strconv.Itoa(len(*roles)))
			}
			t.AllResourcesProperties(jsii.String("AWS::IAM::Role"), &m{"Tags": assertions.Match_ArrayWith(&a{m{"Key": "team", "Value": "identity"}})})
		}}},
	"trigger-inbound-federation": {pool(m{"LambdaConfig": assertions.Match_ObjectEquals(&m{"InboundFederation": m{
		"LambdaArn": "arn:aws:lambda:eu-west-1:123456789012:function:federation", "LambdaVersion": "V1_0"}})}),
		resource("AWS::Lambda::Permission", m{"FunctionName": "arn:aws:lambda:eu-west-1:123456789012:function:federation", "Principal": "cognito-idp.amazonaws.com"})},
	"waf": {resource("AWS::WAFv2::WebACLAssociation", m{"ResourceArn": m{"Fn::GetAtt": a{"AuthUserPool3A690A78", "Arn"}},
		"WebACLArn": "arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/auth-acl/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"})},
	"password-history": {pool(m{"UserPoolTier": "ESSENTIALS", "Policies": m{"PasswordPolicy": assertions.Match_ObjectEquals(&m{"MinimumLength": 14, "RequireLowercase": true,
		"RequireUppercase": true, "RequireNumbers": true, "RequireSymbols": true, "TemporaryPasswordValidityDays": 7, "PasswordHistorySize": 24})}})},
	"feature-plan-plus": {pool(m{"UserPoolTier": "PLUS"})},
	"threat-protection": {pool(m{"UserPoolTier": "PLUS", "UserPoolAddOns": m{"AdvancedSecurityMode": "ENFORCED"}})},
	"feature-plan-lite": {pool(m{"UserPoolTier": "LITE"})},
	"dev-destroy": {pool(m{"DeletionProtection": "INACTIVE"}), check{"pool deletion policy", func(t assertions.Template) {
		t.HasResource(jsii.String("AWS::Cognito::UserPool"), &m{"DeletionPolicy": "Delete", "UpdateReplacePolicy": "Delete"})
	}}},
	"guests-and-groups": {resource("AWS::Cognito::IdentityPool", m{"AllowUnauthenticatedIdentities": true}), count("AWS::Cognito::UserPoolGroup", 3),
		resource("AWS::Cognito::UserPoolGroup", m{"GroupName": "EDITORS", "Precedence": 1,
			"RoleArn": m{"Fn::GetAtt": a{assertions.Match_StringLikeRegexp(jsii.String("^AuthGroupEDITORSRole")), "Arn"}}}),
		count("AWS::IAM::Role", 5), // authenticated, unauthenticated, one per group
		resource("AWS::IAM::Role", m{"Description": assertions.Match_StringLikeRegexp(jsii.String("group with precedence 2$")),
			"AssumeRolePolicyDocument": m{"Statement": a{like(m{"Action": "sts:AssumeRoleWithWebIdentity",
				"Condition": m{"ForAnyValue:StringLike": m{"cognito-identity.amazonaws.com:amr": "authenticated"}}})}}}),
		resource("AWS::Cognito::IdentityPoolRoleAttachment", m{"RoleMappings": m{"webClient": assertions.Match_ObjectEquals(&m{
			"Type": "Token", "AmbiguousRoleResolution": "AuthenticatedRole", "IdentityProvider": assertions.Match_AnyValue()})}}),
		count("AWS::Lambda::Permission", 0)},
	"triggers-all": {flows("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_CUSTOM_AUTH", "ALLOW_USER_PASSWORD_AUTH"),
		count("AWS::Lambda::Permission", 10), pool(m{"LambdaConfig": assertions.Match_ObjectEquals(&m{
			"PreSignUp":                   lambdaARN("pre-sign-up"),
			"PostConfirmation":            lambdaARN("post-confirmation"),
			"PreAuthentication":           lambdaARN("pre-authentication"),
			"PostAuthentication":          lambdaARN("post-authentication"),
			"PreTokenGenerationConfig":    m{"LambdaArn": lambdaARN("pre-token"), "LambdaVersion": "V1_0"},
			"CustomMessage":               lambdaARN("custom-message"),
			"UserMigration":               lambdaARN("user-migration"),
			"DefineAuthChallenge":         lambdaARN("challenge:live"),
			"CreateAuthChallenge":         lambdaARN("challenge:live"),
			"VerifyAuthChallengeResponse": lambdaARN("challenge:live")})}),
		invokes("pre-sign-up"), invokes("user-migration"), invokes("challenge:live")},
	"passwordless-email-otp": {pool(m{"Policies": m{"SignInPolicy": m{"AllowedFirstAuthFactors": a{"PASSWORD", "EMAIL_OTP"}}},
		"EmailConfiguration": m{"EmailSendingAccount": "DEVELOPER"}, "WebAuthnRelyingPartyID": absent}),
		flows("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_AUTH"), mfa("OPTIONAL", "SOFTWARE_TOKEN_MFA"),
		output("Passwordless", `{"email_otp_enabled":true,"sms_otp_enabled":false,"preferred_challenge":"EMAIL_OTP"}`)},
	"passwordless-sms-otp": append([]check{pool(m{"Policies": m{"SignInPolicy": m{"AllowedFirstAuthFactors": a{"PASSWORD", "SMS_OTP"}}},
		"AutoVerifiedAttributes": a{"phone_number"}}), flows("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_AUTH"),
		output("Passwordless", `{"email_otp_enabled":false,"sms_otp_enabled":true}`)}, withSMS...),
	"passkeys": {pool(m{"Policies": m{"SignInPolicy": m{"AllowedFirstAuthFactors": a{"PASSWORD", "WEB_AUTHN"}}},
		"WebAuthnRelyingPartyID": "example.com", "WebAuthnUserVerification": "required"}),
		flows("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_AUTH"),
		output("Passwordless", `{"email_otp_enabled":false,"sms_otp_enabled":false,"web_authn":{"relying_party_id":"example.com","user_verification":"required"},"preferred_challenge":"WEB_AUTHN"}`)},
	"passwordless-all": append([]check{pool(m{"Policies": m{"SignInPolicy": m{"AllowedFirstAuthFactors": a{"PASSWORD", "EMAIL_OTP", "SMS_OTP", "WEB_AUTHN"}}},
		"WebAuthnRelyingPartyID": "app.example.com", "WebAuthnUserVerification": absent, "MfaConfiguration": "OFF"}),
		flows("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_AUTH")}, withSMS...),
	"messages-verification": append([]check{pool(m{"VerificationMessageTemplate": assertions.Match_ObjectEquals(&m{
		"DefaultEmailOption": "CONFIRM_WITH_CODE", "EmailSubject": "Confirm your Example account",
		"EmailMessage": "<p>Welcome to Example!</p><p>Your confirmation code is <b>{####}</b>.</p>",
		"SmsMessage":   "Example: your confirmation code is {####}"}), "Policies": m{"SignInPolicy": absent}}),
		flows("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")}, withSMS...),
	"messages-verification-link": {pool(m{"VerificationMessageTemplate": assertions.Match_ObjectEquals(&m{
		"DefaultEmailOption": "CONFIRM_WITH_LINK", "EmailSubjectByLink": "Confirm your Example account",
		"EmailMessageByLink": "Welcome to Example! {##Confirm your email address##} to finish signing up."})}),
		domain("example-verify"), oauthClient([]string{"COGNITO"}, a{"https://app.example.com/"}), count("AWS::Cognito::UserPoolIdentityProvider", 0)},
	"messages-invitation": {pool(m{"AdminCreateUserConfig": assertions.Match_ObjectEquals(&m{"AllowAdminCreateUserOnly": true,
		"InviteMessageTemplate": m{"EmailSubject": "You are invited to Example",
			"EmailMessage": "Hello {username}, an administrator created your Example account. Your temporary password is {####}.",
			"SMSMessage":   "Example: user {username}, temporary password {####}"}}), "VerificationMessageTemplate": absent})},
	"messages-email-mfa": {mfa("ON", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP"), pool(m{"EmailAuthenticationSubject": "Your Example sign-in code",
		"EmailAuthenticationMessage": "Your Example sign-in code is {####}. It expires in 3 minutes.", "VerificationMessageTemplate": absent})},
	"provider-google": {provider("Google", m{"client_id": "1234567890-abc.apps.googleusercontent.com", "authorize_scopes": "openid email profile",
		"client_secret": "{{resolve:secretsmanager:prod/auth/google:SecretString:clientSecret::}}"}),
		resource("AWS::Cognito::UserPoolIdentityProvider", m{"AttributeMapping": assertions.Match_ObjectEquals(&m{"email": "email", "given_name": "given_name", "family_name": "family_name"})}),
		domain("example-shop-auth"), oauthClient([]string{"COGNITO", "Google"}, a{"https://app.example.com/", "http://localhost:3000/"}),
		output("OAuth", `{"identity_providers":["GOOGLE"],"domain_prefix":"example-shop-auth","scopes":["phone","email","openid","profile","aws.cognito.signin.user.admin"],"redirect_sign_in_uri":["https://app.example.com/","http://localhost:3000/"],"redirect_sign_out_uri":["https://app.example.com/signed-out"],"response_type":"code"}`)},
	"provider-facebook": {provider("Facebook", m{"client_id": "1234567890123456", "authorize_scopes": "public_profile email",
		"client_secret": "{{resolve:secretsmanager:arn:aws:secretsmanager:us-east-1:123456789012:secret:facebook-AbCdEf:SecretString:::}}"}),
		domain("example-facebook"), oauthClient([]string{"COGNITO", "Facebook"}, a{"https://app.example.com/"})},
	"provider-amazon": {provider("LoginWithAmazon", m{"client_id": "amzn1.application-oa2-client.0123456789", "authorize_scopes": "profile",
		"client_secret": "{{resolve:secretsmanager:prod/auth/amazon:SecretString:secret::}}"}),
		resource("AWS::Cognito::UserPoolIdentityProvider", m{"AttributeMapping": m{"name": "name"}}),
		domain("example-amzn-login"), oauthClient([]string{"COGNITO", "LoginWithAmazon"}, a{"https://app.example.com/"})},
	"provider-apple": {provider("SignInWithApple", m{"client_id": "com.example.app.signin", "team_id": "ABCDE12345", "key_id": "KEY1234567",
		"authorize_scopes": "name email", "private_key": "{{resolve:secretsmanager:prod/auth/apple:SecretString:privateKey::}}"}),
		domain("example-apple"), oauthClient([]string{"COGNITO", "SignInWithApple"}, a{"https://app.example.com/"})},
	"provider-oidc": {count("AWS::Cognito::UserPoolIdentityProvider", 2),
		resource("AWS::Cognito::UserPoolIdentityProvider", m{"ProviderName": "CorpLogin", "ProviderType": "OIDC", "IdpIdentifiers": a{"corp.example.com"},
			"ProviderDetails": m{"oidc_issuer": "https://login.corp.example.com", "attributes_request_method": "GET", "authorize_scopes": "openid email profile"}}),
		resource("AWS::Cognito::UserPoolIdentityProvider", m{"ProviderName": "Partner", "ProviderDetails": m{"attributes_request_method": "POST", "authorize_scopes": "openid email"}}),
		resource("AWS::Cognito::UserPoolClient", m{"AllowedOAuthScopes": a{"openid", "email", "profile"}}),
		oauthClient([]string{"COGNITO", "CorpLogin", "Partner"}, a{"https://app.example.com/"})},
	"provider-saml": {provider("CorpSAML", m{"MetadataURL": "https://idp.corp.example.com/metadata.xml", "IDPSignout": "true"}),
		resource("AWS::Cognito::UserPoolIdentityProvider", m{"ProviderType": "SAML", "ProviderDetails": m{"MetadataFile": absent}}),
		domain("example-saml"), oauthClient([]string{"COGNITO", "CorpSAML"}, a{"https://app.example.com/"})},
	"providers-all": {count("AWS::Cognito::UserPoolIdentityProvider", 6), count("AWS::Cognito::UserPoolDomain", 1),
		oauthClient([]string{"COGNITO", "Google", "Facebook", "LoginWithAmazon", "SignInWithApple", "CorpLogin", "CorpSAML"}, a{"https://app.example.com/", "myapp://callback"}),
		check{"the client waits for every provider", func(t assertions.Template) {
			t.HasResource(jsii.String("AWS::Cognito::UserPoolClient"), &m{"DependsOn": assertions.Match_ArrayWith(&a{
				assertions.Match_StringLikeRegexp(jsii.String("^AuthProviderCorpSAML")), assertions.Match_StringLikeRegexp(jsii.String("^AuthProviderGoogle"))})})
		}}},
	"federated-only": {oauthClient([]string{"CorpLogin"}, a{"https://intranet.example.com/"}), domain("example-intranet"),
		output("OAuth", `{"identity_providers":["CorpLogin"],"domain_prefix":"example-intranet","scopes":["openid","email"],"redirect_sign_in_uri":["https://intranet.example.com/"],"redirect_sign_out_uri":["https://intranet.example.com/"],"response_type":"code"}`)},
	"pretoken-v2": {pool(m{"LambdaConfig": assertions.Match_ObjectEquals(&m{
		"PreTokenGenerationConfig": m{"LambdaArn": "arn:aws:lambda:eu-west-1:123456789012:function:claims", "LambdaVersion": "V2_0"}})}),
		count("AWS::Lambda::Permission", 1), flows("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH")},
	"custom-challenge": {flows("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_CUSTOM_AUTH"), count("AWS::Lambda::Permission", 3),
		invokes("define-challenge"), invokes("create-challenge"), invokes("verify-challenge")},
	"custom-senders": append([]check{count("AWS::Lambda::Permission", 2), invokes("send-email"), invokes("send-sms"),
		pool(m{"LambdaConfig": assertions.Match_ObjectEquals(&m{
			"CustomEmailSender": m{"LambdaArn": lambdaARN("send-email"), "LambdaVersion": "V1_0"},
			"CustomSMSSender":   m{"LambdaArn": lambdaARN("send-sms"), "LambdaVersion": "V1_0"},
			"KMSKeyID":          "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"})})}, withSMS...),
	"email-sender-domain": {pool(m{"EmailConfiguration": m{"EmailSendingAccount": "DEVELOPER", "From": `"Example, Inc." <no-reply@mail.example.com>`,
		"ReplyToEmailAddress": "help@example.com", "SourceArn": assertions.Match_AnyValue()}})},
	"recovery-email-and-phone": {recovery("verified_email"), mfa("OPTIONAL", "SMS_MFA", "SOFTWARE_TOKEN_MFA")},
	"recovery-legacy":          {pool(m{"AccountRecoverySetting": absent})},
	"keep-original-off":        {pool(m{"UserAttributeUpdateSettings": absent, "AutoVerifiedAttributes": a{"email"}})},
	"shop-example": append([]check{mfa("ON", "SMS_MFA", "SOFTWARE_TOKEN_MFA"), devices(true, true), recovery("verified_email"),
		pool(m{"DeletionProtection": "ACTIVE"}), check{"exported outputs", func(t assertions.Template) {
			t.HasOutput(jsii.String("MfaTypes"), &m{"Value": `["SMS_MFA","SOFTWARE_TOKEN_MFA"]`, "Export": m{"Name": "defineauth-shop-MfaTypes"}})
			t.HasOutput(jsii.String("UserPoolId"), &m{"Value": m{"Ref": assertions.Match_StringLikeRegexp(jsii.String("^AuthUserPool"))}})
			t.HasOutput(jsii.String("MfaConfiguration"), &m{"Value": "ON"})
		}}}, withSMS...),
}

// lambdaARN is the ARN of function name in the trigger configs' account and region.
func lambdaARN(name string) string { return "arn:aws:lambda:us-east-1:123456789012:function:" + name }

// flows checks the web client's auth flows, exactly.
func flows(f ...string) check {
	items := anyList(f...)
	return resource("AWS::Cognito::UserPoolClient", m{"ExplicitAuthFlows": assertions.Match_ArrayEquals(&items)})
}

// invokes checks that Cognito may invoke the named function, from this pool only.
func invokes(name string) check {
	return resource("AWS::Lambda::Permission", m{"Action": "lambda:InvokeFunction", "Principal": "cognito-idp.amazonaws.com",
		"FunctionName": lambdaARN(name), "SourceArn": m{"Fn::GetAtt": a{assertions.Match_StringLikeRegexp(jsii.String("^AuthUserPool")), "Arn"}}})
}

// everyTemplate holds the properties every template must have, whatever the config.
var everyTemplate = []check{
	count("AWS::Cognito::UserPool", 1),
	resource("AWS::Cognito::UserPoolClient", m{"GenerateSecret": false, "PreventUserExistenceErrors": "ENABLED",
		"ExplicitAuthFlows": assertions.Match_ArrayWith(&a{"ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"})}),
	count("AWS::Cognito::IdentityPool", 1),
	resource("AWS::Cognito::IdentityPoolRoleAttachment", m{"Roles": m{"authenticated": assertions.Match_AnyValue(), "unauthenticated": assertions.Match_AnyValue()}}),
	pool(m{"UsernameConfiguration": m{"CaseSensitive": false}}),
}

// provider checks an identity provider's details (partially).
func provider(name string, details m) check {
	return resource("AWS::Cognito::UserPoolIdentityProvider", m{"ProviderName": name, "ProviderDetails": details,
		"UserPoolId": m{"Ref": assertions.Match_StringLikeRegexp(jsii.String("^AuthUserPool"))}})
}

// domain checks the hosted domain.
func domain(prefix string) check {
	return resource("AWS::Cognito::UserPoolDomain", m{"Domain": prefix})
}

// oauthClient checks the web client's OAuth settings.
func oauthClient(providers []string, callbacks a) check {
	ps := anyList(providers...)
	return resource("AWS::Cognito::UserPoolClient", m{"AllowedOAuthFlows": a{"code"}, "AllowedOAuthFlowsUserPoolClient": true,
		"SupportedIdentityProviders": assertions.Match_ArrayEquals(&ps), "CallbackURLs": assertions.Match_ArrayEquals(&callbacks)})
}

// output checks a stack output's value.
func output(name, value string) check {
	return check{"output " + name, func(t assertions.Template) { t.HasOutput(jsii.String(name), &m{"Value": value}) }}
}

// TestGoldenTemplates synthesizes every config under testdata/configs, compares the
// template with testdata/golden/<name>.template.json and runs the case's assertions.
func TestGoldenTemplates(t *testing.T) {
	golden.Each(t, "../testdata/configs/*.json", ".json", 24, func(t *testing.T, name, f string) {
		cfg, err := config.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		tmpl, err := stacks.Template(cfg)
		if err != nil {
			t.Fatal(err)
		}
		golden.Compare(t, filepath.Join("../testdata/golden", name+".template.json"), tmpl)
		// The pure-Go rendering (package spec) is the same bytes: the CDK is the oracle.
		st := spec.ForStack(cfg)
		if pure := st.Template(); string(pure) != string(tmpl) {
			t.Errorf("spec.Template differs from the CDK synth (-cdk +spec):\n%s", cmp.Diff(string(tmpl), string(pure)))
		}
		checks, ok := expectations[name]
		if !ok {
			t.Fatalf("no targeted assertions for %s: add them to expectations", name)
		}
		var doc map[string]interface{}
		if err := json.Unmarshal(tmpl, &doc); err != nil {
			t.Fatal(err)
		}
		tpl := assertions.Template_FromJSON(&doc, nil)
		for _, c := range append(checks, everyTemplate...) {
			must(t, c.what, func() { c.run(tpl) })
		}
		checkInvariants(t, doc, cfg)
	})
}

// checkInvariants reads the template directly for rules no single matcher states.
func checkInvariants(t *testing.T, doc map[string]interface{}, cfg *config.Config) {
	t.Helper()
	var poolRes, smsRole map[string]interface{}
	for id, r := range doc["Resources"].(map[string]interface{}) {
		res := r.(map[string]interface{})
		switch {
		case res["Type"] == "AWS::Cognito::UserPool":
			poolRes = res
		case strings.HasPrefix(id, "AuthSMSRole"):
			smsRole = res
		}
	}
	props := poolRes["Properties"].(map[string]interface{})
	for _, s := range props["Schema"].([]interface{}) {
		if _, ok := s.(map[string]interface{})["AttributeDataType"]; !ok {
			t.Errorf("R14: schema entry without AttributeDataType: %v", s)
		}
	}
	if smsRole != nil && smsRole["DeletionPolicy"] != poolRes["DeletionPolicy"] {
		t.Errorf("U8: SMS role DeletionPolicy %v differs from the pool's %v", smsRole["DeletionPolicy"], poolRes["DeletionPolicy"])
	}
	if want := cfg.ResolvedRemovalPolicy() == config.RemovalRetain; (poolRes["DeletionPolicy"] == "Retain") != want {
		t.Errorf("pool DeletionPolicy %v, config says %s", poolRes["DeletionPolicy"], cfg.ResolvedRemovalPolicy())
	}
}

// TestTemplateIsDeterministic: the same config gives the same bytes twice.
func TestTemplateIsDeterministic(t *testing.T) {
	cfg, err := config.Load("../testdata/configs/shop-example.json")
	if err != nil {
		t.Fatal(err)
	}
	first, err := stacks.Template(cfg)
	if err != nil {
		t.Fatal(err)
	}
	second, err := stacks.Template(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if string(first) != string(second) {
		t.Error("two syntheses of one config differ")
	}
}

// TestInsideUserStack: the construct lives in a user's own stack next to other
// constructs, twice, and the user reaches its resources through its fields.
func TestInsideUserStack(t *testing.T) {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("UserStack"), nil)
	bucket := awss3.NewBucket(stack, jsii.String("Uploads"), nil)
	customers, err := construct.NewAuth(stack, jsii.String("Customers"), &config.Config{
		Name: "customers", LoginWith: config.LoginWith{Email: true},
		Multifactor: &config.Multifactor{Mode: config.MFARequired, TOTP: true},
	})
	if err != nil {
		t.Fatal(err)
	}
	staff, err := construct.NewAuth(stack, jsii.String("Staff"), &config.Config{
		Name: "staff", LoginWith: config.LoginWith{Email: true},
		Multifactor:    &config.Multifactor{Mode: config.MFARequired, TOTP: true, SMS: &config.SMSMFA{}},
		UserAttributes: map[string]config.Attribute{"phoneNumber": {Required: true}},
	})
	if err != nil {
		t.Fatal(err)
	}
	bucket.GrantRead(customers.AuthenticatedRole, nil)
	staff.CfnUserPool.AddPropertyOverride(jsii.String("AdminCreateUserConfig.AllowAdminCreateUserOnly"), jsii.Bool(true))
	tpl := assertions.Template_FromStack(stack, nil)
	must(t, "two pools", func() { tpl.ResourceCountIs(jsii.String("AWS::Cognito::UserPool"), jsii.Number(2)) })
	must(t, "bucket", func() { tpl.ResourceCountIs(jsii.String("AWS::S3::Bucket"), jsii.Number(1)) })
	must(t, "escape hatch", func() {
		tpl.HasResourceProperties(jsii.String("AWS::Cognito::UserPool"), &m{"UserPoolName": "staff", "AdminCreateUserConfig": m{"AllowAdminCreateUserOnly": true}})
	})
	must(t, "grant on the authenticated role", func() {
		tpl.HasResourceProperties(jsii.String("AWS::IAM::Policy"), &m{"Roles": a{m{"Ref": assertions.Match_StringLikeRegexp(jsii.String("^CustomersAuthenticatedRole"))}}})
	})
	raw, _ := json.Marshal(tpl.ToJSON())
	if findings, err := lint.Template(raw); err != nil || lint.HasErrors(findings) {
		t.Errorf("the user stack does not lint clean: %v %v", err, findings)
	}
	if customers.SMSRole != nil || staff.SMSRole == nil {
		t.Errorf("SMS role: customers %v (want nil), staff %v (want a role)", customers.SMSRole, staff.SMSRole)
	}
}

// TestEscapeHatchIsLinted: an override the config rules cannot see (threat
// protection forced on through the L1 resource of an ESSENTIALS pool) is caught by
// lint on the synthesized template (R15); the same setting through the config, with
// the PLUS plan it needs, lints clean.
func TestEscapeHatchIsLinted(t *testing.T) {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("Hatch"), nil)
	forced, err := construct.NewAuth(stack, jsii.String("Forced"), &config.Config{Name: "forced", LoginWith: config.LoginWith{Email: true}})
	if err != nil {
		t.Fatal(err)
	}
	forced.CfnUserPool.AddPropertyOverride(jsii.String("UserPoolAddOns.AdvancedSecurityMode"), jsii.String("ENFORCED"))
	if _, err := construct.NewAuth(stack, jsii.String("Configured"), &config.Config{Name: "configured", LoginWith: config.LoginWith{Email: true},
		FeaturePlan: config.PlanPlus, ThreatProtection: config.ThreatProtectionEnforced}); err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(assertions.Template_FromStack(stack, nil).ToJSON())
	findings, err := lint.Template(raw)
	if err != nil {
		t.Fatal(err)
	}
	if len(findings) != 1 || findings[0].Rule != "R15" || !strings.HasPrefix(findings[0].Resource, "Forced") {
		t.Errorf("findings %v, want one R15 on the forced pool", findings)
	}
}

// TestInvalidConfigAddsNothing: an invalid config is an error listing every problem,
// and leaves the user's stack untouched.
func TestInvalidConfigAddsNothing(t *testing.T) {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("S"), nil)
	before := len(*stack.Node().Children())
	auth, err := construct.NewAuth(stack, jsii.String("Auth"), &config.Config{Name: "x", LoginWith: config.LoginWith{Email: true},
		Multifactor: &config.Multifactor{Mode: config.MFAOptional}, AccountRecovery: "SOMETIMES"})
	if auth != nil || err == nil {
		t.Fatalf("want an error, got %v, %v", auth, err)
	}
	var ids []string
	for _, p := range config.Problems(err) {
		ids = append(ids, p.Rule)
	}
	if strings.Join(ids, ",") != "DA003,R1" {
		t.Errorf("problems %v, want DA003,R1", ids)
	}
	if after := len(*stack.Node().Children()); after != before {
		t.Errorf("stack children %d -> %d", before, after)
	}
	appChildren := len(*app.Node().Children())
	if _, err := stacks.NewAuthStack(app, jsii.String("T"), &stacks.AuthStackProps{Config: &config.Config{}}); err == nil {
		t.Error("NewAuthStack accepted an empty config")
	}
	if after := len(*app.Node().Children()); after != appChildren {
		t.Errorf("an invalid config left a stack in the app: %d -> %d children", appChildren, after)
	}
	if st, err := stacks.NewAuthStack(app, jsii.String("T"), &stacks.AuthStackProps{Config: &config.Config{Name: "t", LoginWith: config.LoginWith{Email: true}}}); err != nil || st == nil {
		t.Errorf("the id of a refused stack can be used again: %v", err)
	}
}

// TestWarningsBecomeAnnotations: cdk synth shows the config's warnings.
func TestWarningsBecomeAnnotations(t *testing.T) {
	app := awscdk.NewApp(nil)
	stack := awscdk.NewStack(app, jsii.String("W"), nil)
	auth, err := construct.NewAuth(stack, jsii.String("Auth"), &config.Config{Name: "w", LoginWith: config.LoginWith{Email: true}, RemovalPolicy: config.RemovalDestroy})
	if err != nil {
		t.Fatal(err)
	}
	if len(auth.Warnings) != 1 || auth.Warnings[0].Rule != "DA009" {
		t.Fatalf("warnings %v", auth.Warnings)
	}
	must(t, "warning annotation", func() {
		assertions.Annotations_FromStack(stack).HasWarning(jsii.String("/W/Auth"), assertions.Match_StringLikeRegexp(jsii.String("DA009.*DESTROY")))
	})
}

// TestFailingMatcherFailsTest proves must turns a mismatch into a test failure.
func TestFailingMatcherFailsTest(t *testing.T) {
	doc := m{"Resources": m{"P": m{"Type": "AWS::Cognito::UserPool", "Properties": m{"MfaConfiguration": "OFF"}}}}
	tpl := assertions.Template_FromJSON(&doc, nil)
	inner := &testing.T{}
	func() {
		defer func() { recover() }()
		must(inner, "mismatch", func() { tpl.HasResourceProperties(jsii.String("AWS::Cognito::UserPool"), &m{"MfaConfiguration": "ON"}) })
	}()
	if !inner.Failed() {
		t.Error("a failing matcher did not fail the test")
	}
}

// BenchmarkTemplate measures one synth of the example's stack in a running jsii
// runtime (Node.js start-up is paid once per process, before the first iteration).
func BenchmarkTemplate(b *testing.B) {
	cfg, err := config.Load("../examples/shop.json")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := stacks.Template(cfg); err != nil {
			b.Fatal(err)
		}
	}
}
