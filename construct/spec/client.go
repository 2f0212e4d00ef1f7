package spec

import (
	"strings"

	"github.com/defineauth/defineauth/construct/config"
)

// oauthScopeNames maps the config's scope names to OAuth scopes.
var oauthScopeNames = map[string]string{"PHONE": "phone", "EMAIL": "email", "OPENID": "openid", "PROFILE": "profile", "COGNITO_ADMIN": "aws.cognito.signin.user.admin"}

// oauthScopes are the web client's AllowedOAuthScopes (all five by default).
func oauthScopes(c *config.Config) []string {
	x := c.LoginWith.ExternalProviders
	if x == nil {
		return nil
	}
	names := x.Scopes
	if len(names) == 0 {
		names = config.ClientScopes
	}
	var out []string
	for _, n := range names {
		if s, ok := oauthScopeNames[n]; ok {
			out = append(out, s)
		} else {
			out = append(out, n)
		}
	}
	return out
}

// supportedIdentityProviders are the web client's providers: COGNITO (unless
// sign-in is federated only) and every configured provider.
func supportedIdentityProviders(c *config.Config) []string {
	x := c.LoginWith.ExternalProviders
	out := []string{}
	if x == nil || !x.FederatedOnly {
		out = append(out, "COGNITO")
	}
	for _, p := range c.Providers() {
		out = append(out, p.Name)
	}
	return out
}

// explicitAuthFlows are the web client's sign-in flows: SRP and refresh tokens,
// CUSTOM_AUTH with the custom challenge triggers, USER_PASSWORD_AUTH when asked,
// USER_AUTH (choice-based sign-in) with passwordless first factors.
func explicitAuthFlows(c *config.Config) []string {
	flows := []string{"ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}
	if c.CustomChallenge() {
		flows = append(flows, "ALLOW_CUSTOM_AUTH")
	}
	if c.WebClient.UserPasswordAuth {
		flows = append(flows, "ALLOW_USER_PASSWORD_AUTH")
	}
	if c.Passwordless() {
		flows = append(flows, "ALLOW_USER_AUTH") // choice-based sign-in
	}
	return flows
}

// groupConstructID is the construct id of a group's resource: "Group" and the name
// with "/" (which construct ids cannot hold) replaced by "_". It derives from the
// name, not the position, so reordering groups changes precedences in place instead
// of replacing groups and their memberships.
func groupConstructID(name string) string { return "Group" + strings.ReplaceAll(name, "/", "_") }

// providerConstructID is the construct id of an identity provider's resource:
// "Provider" and the provider name with "/" replaced by "_".
func providerConstructID(name string) string { return "Provider" + strings.ReplaceAll(name, "/", "_") }

// lambdaConfigKeys are the triggers' keys in the pool's LambdaConfig.
var lambdaConfigKeys = map[config.Trigger]string{
	config.PreSignUp: "PreSignUp", config.PostConfirmation: "PostConfirmation", config.PreAuthentication: "PreAuthentication",
	config.PostAuthentication: "PostAuthentication", config.PreTokenGeneration: "PreTokenGenerationConfig",
	config.CustomMessage: "CustomMessage", config.UserMigration: "UserMigration", config.DefineAuthChallenge: "DefineAuthChallenge",
	config.CreateAuthChallenge: "CreateAuthChallenge", config.VerifyAuthChallengeResponse: "VerifyAuthChallengeResponse",
	config.CustomEmailSender: "CustomEmailSender", config.CustomSMSSender: "CustomSMSSender",
	config.InboundFederation: "InboundFederation",
}
