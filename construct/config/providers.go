package config

import (
	"fmt"
	"strings"

	"github.com/defineauth/defineauth/internal/cognito"
)

// ExternalProviders lets users sign in with Google, Facebook, Amazon, Apple, OIDC
// and SAML identity providers through the pool's hosted domain (JSON:
// "loginWith": {"externalProviders": {...}}). Secrets never appear in the config or
// the template: the config names them (Secret), and the template resolves them
// with CloudFormation dynamic references.
type ExternalProviders struct {
	// Google, Facebook and LoginWithAmazon are the social providers.
	Google          *OAuthProvider `json:"google,omitempty"`
	Facebook        *OAuthProvider `json:"facebook,omitempty"`
	LoginWithAmazon *OAuthProvider `json:"loginWithAmazon,omitempty"`
	// SignInWithApple is Sign in with Apple.
	SignInWithApple *AppleProvider `json:"signInWithApple,omitempty"`
	// OIDC lists OpenID Connect providers, each with its own name.
	OIDC []OIDCProvider `json:"oidc,omitempty"`
	// SAML is a SAML 2.0 provider.
	SAML *SAMLProvider `json:"saml,omitempty"`
	// Scopes are the OAuth scopes the web client may ask for: PHONE, EMAIL,
	// OPENID, PROFILE, COGNITO_ADMIN; PHONE, EMAIL and PROFILE need OPENID (R31).
	// Default: all five.
	Scopes []string `json:"scopes,omitempty"`
	// CallbackURLs are where the hosted sign-in may send users back with a code:
	// absolute https URLs (http only for localhost); at least one (R29).
	CallbackURLs []string `json:"callbackUrls,omitempty"`
	// LogoutURLs are where it may send users after signing out (same form).
	LogoutURLs []string `json:"logoutUrls,omitempty"`
	// DomainPrefix names the hosted domain, <prefix>.auth.<region>.amazoncognito.com:
	// lower-case letters, digits and hyphens, without aws, amazon or cognito;
	// required with any provider (R30). Changing it moves every sign-in URL (U13).
	DomainPrefix string `json:"domainPrefix,omitempty"`
	// FederatedOnly leaves Cognito's own user names and passwords out of the hosted
	// sign-in: users sign in through the providers only. Default: false.
	FederatedOnly bool `json:"federatedOnly,omitempty"`
}

// OAuthProvider is Google, Facebook or Login with Amazon.
type OAuthProvider struct {
	// ClientID is the app's client id at the provider; required.
	ClientID string `json:"clientId,omitempty"`
	// ClientSecret names the app's client secret; required (Go programs may pass
	// an awscdk.SecretValue instead, construct.AuthProps.ProviderSecrets).
	ClientSecret *Secret `json:"clientSecret,omitempty"`
	// Scopes are what the pool asks the provider for. Default: Google "openid
	// email profile", Facebook "public_profile email", Amazon "profile".
	Scopes []string `json:"scopes,omitempty"`
	// AttributeMapping maps user pool attributes (email, givenName, custom:x, and
	// emailVerified for the email's verification status) to the provider's
	// attribute names; targets must be mutable (R32), and every required attribute
	// needs one (R40). Default: when users sign in with their email alone, email from
	// the provider's "email", as Amplify maps it (OIDC providers too; SAML none).
	AttributeMapping map[string]string `json:"attributeMapping,omitempty"`
}

// AppleProvider is Sign in with Apple.
type AppleProvider struct {
	// ClientID is the Services ID; TeamID and KeyID identify the key; PrivateKey
	// names the key's content. All four are required (R35).
	ClientID   string  `json:"clientId,omitempty"`
	TeamID     string  `json:"teamId,omitempty"`
	KeyID      string  `json:"keyId,omitempty"`
	PrivateKey *Secret `json:"privateKey,omitempty"`
	// Scopes: name and email. Default: both.
	Scopes []string `json:"scopes,omitempty"`
	// AttributeMapping is as for OAuthProvider.
	AttributeMapping map[string]string `json:"attributeMapping,omitempty"`
}

// OIDCProvider is an OpenID Connect provider.
type OIDCProvider struct {
	// Name is the provider's name in the pool and the client: 1 to 32 characters,
	// not a social provider's name; required.
	Name string `json:"name,omitempty"`
	// ClientID and ClientSecret are the app's credentials at the provider.
	ClientID     string  `json:"clientId,omitempty"`
	ClientSecret *Secret `json:"clientSecret,omitempty"`
	// IssuerURL is the provider's issuer: an https URL (R33); required.
	IssuerURL string `json:"issuerUrl,omitempty"`
	// Scopes must include openid. Default: openid email profile.
	Scopes []string `json:"scopes,omitempty"`
	// AttributeRequestMethod is GET or POST. Default: GET.
	AttributeRequestMethod string `json:"attributeRequestMethod,omitempty"`
	// Identifiers are email domains that route users to this provider.
	Identifiers []string `json:"identifiers,omitempty"`
	// AttributeMapping is as for OAuthProvider (with its default).
	AttributeMapping map[string]string `json:"attributeMapping,omitempty"`
}

// SAMLProvider is a SAML 2.0 identity provider, in Amplify's vocabulary.
type SAMLProvider struct {
	// Name is as for OIDCProvider.
	Name string `json:"name,omitempty"`
	// Metadata is the provider's metadata; required.
	Metadata *SAMLMetadata `json:"metadata,omitempty"`
	// IdpSignout also signs users out of the provider. Default: false.
	IdpSignout bool `json:"idpSignout,omitempty"`
	// Identifiers and AttributeMapping are as for OIDCProvider.
	Identifiers      []string          `json:"identifiers,omitempty"`
	AttributeMapping map[string]string `json:"attributeMapping,omitempty"`
}

// SAMLMetadata is a SAML provider's metadata: a URL or the document itself (R34).
type SAMLMetadata struct {
	// MetadataType is URL (MetadataContent is an https URL) or FILE (it is the
	// XML document).
	MetadataType string `json:"metadataType,omitempty"`
	// MetadataContent is the URL or the document.
	MetadataContent string `json:"metadataContent,omitempty"`
}

// Secret names a secret without holding it: a Secrets Manager secret (its name or
// ARN, and the key when the secret is a JSON object). The template gets a
// CloudFormation dynamic reference, {{resolve:secretsmanager:...}}, which
// CloudFormation resolves at deploy time.
type Secret struct {
	SecretsManager string `json:"secretsManager,omitempty"`
	JSONKey        string `json:"jsonKey,omitempty"`
	// SSMSecureString is refused (DA017): CloudFormation resolves SSM SecureString
	// parameters only in a few resource properties, and Cognito's identity
	// providers are not among them; it is here to say so clearly.
	SSMSecureString string `json:"ssmSecureString,omitempty"`
}

// DynamicReference is the CloudFormation dynamic reference to the secret.
func (s *Secret) DynamicReference() string {
	return "{{resolve:secretsmanager:" + s.SecretsManager + ":SecretString:" + s.JSONKey + "::}}"
}

// Provider is one configured identity provider, in template terms.
type Provider struct {
	// Key names the provider in Go props and messages: google, facebook,
	// loginWithAmazon, signInWithApple, or the OIDC/SAML provider's name.
	Key string
	// Path is the provider's JSON path.
	Path string
	// Name and Type are the template's ProviderName and ProviderType.
	Name, Type string
	// Details are ProviderDetails without the secret; SecretKey is the detail
	// that holds it (client_secret, private_key; "" for SAML), Secret its name.
	Details   map[string]string
	SecretKey string
	Secret    *Secret
	// Mapping is the attribute mapping as the config writes it (email, givenName,
	// custom:x); AttributeMapping is the same with Cognito's names (given_name).
	Mapping, AttributeMapping map[string]string
	Identifiers               []string
	// Scopes are the provider scopes as written (nil: the default, in Details).
	Scopes []string
}

// ClientScopes are the OAuth scopes the web client may ask for, by the names the
// config uses (ExternalProviders.Scopes); all five by default.
var ClientScopes = []string{"PHONE", "EMAIL", "OPENID", "PROFILE", "COGNITO_ADMIN"}

// Providers lists the configured identity providers in template order.
func (c *Config) Providers() []Provider {
	x := c.LoginWith.ExternalProviders
	if x == nil {
		return nil
	}
	var out []Provider
	social := func(key, name string, p *OAuthProvider, scopes string) {
		if p == nil {
			return
		}
		if len(p.Scopes) > 0 {
			scopes = strings.Join(p.Scopes, " ")
		}
		out = append(out, Provider{Key: key, Path: "loginWith.externalProviders." + key, Name: name, Type: name,
			Details: map[string]string{"client_id": p.ClientID, "authorize_scopes": scopes}, SecretKey: "client_secret", Secret: p.ClientSecret,
			Mapping: p.AttributeMapping, AttributeMapping: cognitoMapping(p.AttributeMapping), Scopes: p.Scopes})
	}
	social("google", "Google", x.Google, "openid email profile")
	social("facebook", "Facebook", x.Facebook, "public_profile email")
	social("loginWithAmazon", "LoginWithAmazon", x.LoginWithAmazon, "profile")
	if a := x.SignInWithApple; a != nil {
		scopes := "name email"
		if len(a.Scopes) > 0 {
			scopes = strings.Join(a.Scopes, " ")
		}
		out = append(out, Provider{Key: "signInWithApple", Path: "loginWith.externalProviders.signInWithApple", Name: "SignInWithApple", Type: "SignInWithApple",
			Details:   map[string]string{"client_id": a.ClientID, "team_id": a.TeamID, "key_id": a.KeyID, "authorize_scopes": scopes},
			SecretKey: "private_key", Secret: a.PrivateKey, Mapping: a.AttributeMapping, AttributeMapping: cognitoMapping(a.AttributeMapping), Scopes: a.Scopes})
	}
	for i, o := range x.OIDC {
		scopes := "openid email profile"
		if len(o.Scopes) > 0 {
			scopes = strings.Join(o.Scopes, " ")
		}
		method := o.AttributeRequestMethod
		if method == "" {
			method = "GET"
		}
		out = append(out, Provider{Key: o.Name, Path: fmt.Sprintf("loginWith.externalProviders.oidc[%d]", i), Name: o.Name, Type: "OIDC",
			Details:   map[string]string{"client_id": o.ClientID, "oidc_issuer": o.IssuerURL, "authorize_scopes": scopes, "attributes_request_method": method},
			SecretKey: "client_secret", Secret: o.ClientSecret, Mapping: o.AttributeMapping, AttributeMapping: cognitoMapping(o.AttributeMapping), Identifiers: o.Identifiers, Scopes: o.Scopes})
	}
	if s := x.SAML; s != nil {
		d := map[string]string{"IDPSignout": fmt.Sprint(s.IdpSignout)}
		if m := s.Metadata; m != nil {
			if m.MetadataType == "URL" {
				d["MetadataURL"] = m.MetadataContent
			} else {
				d["MetadataFile"] = m.MetadataContent
			}
		}
		out = append(out, Provider{Key: s.Name, Path: "loginWith.externalProviders.saml", Name: s.Name, Type: "SAML", Details: d,
			Mapping: s.AttributeMapping, AttributeMapping: cognitoMapping(s.AttributeMapping), Identifiers: s.Identifiers})
	}
	for i := range out {
		out[i].AttributeMapping = c.withDefaultEmail(out[i])
	}
	return out
}

// cognitoMapping turns config attribute names (email, givenName, custom:x) into
// Cognito's (email, given_name, custom:x); unknown names stay as written.
func cognitoMapping(m map[string]string) map[string]string {
	if len(m) == 0 {
		return nil
	}
	out := map[string]string{}
	for k, v := range m {
		if n, ok := MappingTarget(k); ok {
			k = n
		}
		out[k] = v
	}
	return out
}

// mappingOnly are the targets a provider's attribute mapping may write besides the
// pool's attributes: the email's verification status, which Cognito takes from the
// provider (a federated user's email cannot be verified with a code).
var mappingOnly = map[string]string{"emailVerified": cognito.MappingOnlyTargets[0]}

// MappingTarget returns Cognito's name for an attribute mapping target written the
// config's way (givenName -> given_name, emailVerified -> email_verified) and whether
// it is a standard attribute or a mapping-only target.
func MappingTarget(camel string) (string, bool) {
	if n, ok := StandardAttributeName(camel); ok {
		return n, true
	}
	n, ok := mappingOnly[camel]
	return n, ok
}

// withDefaultEmail is the mapping Cognito gets: as written, and, when users sign in
// with their email alone (so email is the one required attribute), email from the
// provider's "email" unless the config maps it, as Amplify's construct does. Without
// it every federated sign-in would fail: Cognito needs a value for each required
// attribute (rule R40). SAML providers name attributes by URI and get no default.
func (c *Config) withDefaultEmail(p Provider) map[string]string {
	if p.Type == "SAML" || !c.LoginWith.Email || c.LoginWith.Phone {
		return p.AttributeMapping
	}
	if _, ok := p.AttributeMapping["email"]; ok {
		return p.AttributeMapping
	}
	out := map[string]string{"email": "email"}
	for k, v := range p.AttributeMapping {
		out[k] = v
	}
	return out
}

var (
	reservedNames = []string{"Google", "Facebook", "LoginWithAmazon", "SignInWithApple", "COGNITO", "Cognito"}
)
