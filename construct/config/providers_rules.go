package config

import (
	"fmt"
	"maps"
	"net/url"
	"slices"
	"strings"
	"unicode"

	"github.com/defineauth/defineauth/internal/cognito"
)

// AttachSecret records that a Go program passed the secret of provider key (see
// Provider.Key) as an object; the rules then count it as given.
func (c *Config) AttachSecret(key string) {
	m := maps.Clone(c.secrets)
	if m == nil {
		m = map[string]bool{}
	}
	m[key] = true
	c.secrets = m
}

// SecretAttached reports whether a Go program passed the secret of provider key.
func (c *Config) SecretAttached(key string) bool { return c.secrets[key] }

// checkProviders: DA017, the providers and their secrets are well-formed.
func checkProviders(c *Config) []*Problem {
	x := c.LoginWith.ExternalProviders
	if x == nil {
		return nil
	}
	var out []*Problem
	add := func(path, fix, format string, args ...any) {
		out = append(out, problemf("DA017", path, fix, format, args...))
	}
	seen := map[string]string{}
	for _, p := range c.Providers() {
		if p.Type == "OIDC" || p.Type == "SAML" {
			switch {
			case p.Name == "":
				add(p.Path+".name", `add "name": the provider's name in the hosted sign-in`, "the %s provider has no name", p.Type)
			case cognito.ProviderName.Check(p.Name) != "":
				add(p.Path+".name", fmt.Sprintf("use 3 to %d letters, digits, punctuation or symbols, without spaces, and _ only as the second character (Cognito's pattern for provider names)", cognito.ProviderName.MaxLen),
					"%s is not a provider name Cognito accepts: it %s", quote(p.Name), cognito.ProviderName.Check(p.Name))
			case slices.Contains(reservedNames, p.Name):
				add(p.Path+".name", "choose another name", "%s is the name of a built-in provider", quote(p.Name))
			}
		}
		if prev, dup := seen[p.Name]; dup && p.Name != "" {
			add(p.Path+".name", "give each provider its own name", "%s is also the name of %s", quote(p.Name), prev)
		}
		seen[p.Name] = p.Path
		if s := p.Secret; s != nil {
			switch {
			case s.SSMSecureString != "":
				add(p.Path+"."+secretField(p), "store the secret in Secrets Manager and name it with secretsManager",
					"SSM SecureString parameters cannot be used here: CloudFormation resolves them only in a few resource types, and Cognito's identity providers are not among them")
			case s.SecretsManager == "":
				add(p.Path+"."+secretField(p), `add "secretsManager": the secret's name or ARN`, "the secret names no Secrets Manager secret")
			case strings.ContainsAny(s.SecretsManager+s.JSONKey, "{}\n") || strings.Contains(s.JSONKey, ":"):
				add(p.Path+"."+secretField(p), "use the secret's name or ARN and a plain JSON key", "the secret reference holds characters a dynamic reference cannot")
			}
			if c.SecretAttached(p.Key) {
				add(p.Path+"."+secretField(p), "name the secret once: in the config, or as a SecretValue in Go", "the secret of %s is named in the config and also passed in Go", p.Key)
			}
		}
	}
	// Control characters have no place in ids, URLs, scopes or mappings (and
	// CloudFormation tooling refuses templates holding DEL or C1 controls); a
	// metadata document may hold line breaks and tabs.
	control := func(path, v, allowed string) {
		if hasControl(v, allowed) {
			add(path, "remove the control characters", "the value contains control characters")
		}
	}
	for i, u := range slices.Concat(x.CallbackURLs, x.LogoutURLs) {
		control(fmt.Sprintf("loginWith.externalProviders.urls[%d]", i), u, "")
	}
	for _, p := range c.Providers() {
		control(p.Path+".name", p.Name, "") // Cognito's name pattern lets a control character start it
		for _, k := range slices.Sorted(maps.Keys(p.Details)) {
			allowed := ""
			if k == "MetadataFile" {
				allowed = "\n\r\t"
			}
			control(p.Path, p.Details[k], allowed)
		}
		for _, k := range slices.Sorted(maps.Keys(p.AttributeMapping)) {
			control(p.Path+".attributeMapping", k+p.AttributeMapping[k], "")
		}
		for _, id := range p.Identifiers {
			control(p.Path+".identifiers", id, "")
		}
		if s := p.Secret; s != nil {
			control(p.Path+"."+secretField(p), s.SecretsManager+s.JSONKey+s.SSMSecureString, "")
		}
	}
	for _, p := range c.Providers() {
		for _, s := range p.Scopes {
			if s == "" || strings.ContainsFunc(s, unicode.IsSpace) {
				add(p.Path+".scopes", "write each scope as its own entry, without spaces",
					"the scope %s holds a space; the template would ask the provider for %d scopes instead", quote(s), len(strings.Fields(s)))
			}
		}
	}
	for i, o := range x.OIDC {
		if m := o.AttributeRequestMethod; m != "" && m != "GET" && m != "POST" {
			add(fmt.Sprintf("loginWith.externalProviders.oidc[%d].attributeRequestMethod", i), "use GET or POST", "unknown value %s", quote(m))
		}
	}
	if s := x.SAML; s != nil && s.Metadata != nil && s.Metadata.MetadataType != "URL" && s.Metadata.MetadataType != "FILE" {
		add("loginWith.externalProviders.saml.metadata.metadataType", "use URL or FILE", "unknown metadata type %s", quote(s.Metadata.MetadataType))
	}
	for i, sc := range x.Scopes {
		if !slices.Contains(ClientScopes, sc) {
			add(fmt.Sprintf("loginWith.externalProviders.scopes[%d]", i), "use PHONE, EMAIL, OPENID, PROFILE or COGNITO_ADMIN", "unknown scope %s", quote(sc))
		}
	}
	if x.FederatedOnly && len(c.Providers()) == 0 {
		add("loginWith.externalProviders.federatedOnly", "add a provider, or remove federatedOnly", "sign-in is federated only, but there is no provider: nobody could sign in")
	}
	return out
}

func secretField(p Provider) string {
	if p.SecretKey == "private_key" {
		return "privateKey"
	}
	return "clientSecret"
}

// checkDomainGiven: DA018, the hosted domain that OAuth sign-in goes through.
func checkDomainGiven(c *Config) []*Problem {
	if x := c.LoginWith.ExternalProviders; x != nil && x.DomainPrefix == "" {
		return []*Problem{problemf("DA018", "loginWith.externalProviders.domainPrefix", `add "domainPrefix": a unique name, e.g. "myapp-auth"`,
			"external sign-in goes through the pool's hosted domain, and none is named")}
	}
	return nil
}

// checkRedirectURLs: callback and logout URLs.
func checkRedirectURLs(c *Config) []*Problem {
	x := c.LoginWith.ExternalProviders
	if x == nil {
		return nil
	}
	var out []*Problem
	if len(x.CallbackURLs) == 0 {
		out = append(out, problemf("R29", "loginWith.externalProviders.callbackUrls", `add the URL your app receives the sign-in at, e.g. "https://app.example.com/"`,
			"there is no callback URL, so the hosted sign-in has nowhere to send users back"))
	}
	for _, l := range []struct {
		name string
		urls []string
	}{{"callbackUrls", x.CallbackURLs}, {"logoutUrls", x.LogoutURLs}} {
		for i, u := range l.urls {
			if msg := cognito.RedirectURLProblem(u); msg != "" {
				out = append(out, problemf("R29", fmt.Sprintf("loginWith.externalProviders.%s[%d]", l.name, i), "use an absolute https URL (http only for localhost)",
					"%s %s", quote(u), msg))
			}
		}
	}
	return out
}

// checkDomainPrefix: the domain prefix Cognito accepts.
func checkDomainPrefix(c *Config) []*Problem {
	x := c.LoginWith.ExternalProviders
	if x == nil || x.DomainPrefix == "" {
		return nil
	}
	d := x.DomainPrefix
	const path = "loginWith.externalProviders.domainPrefix"
	switch msg := cognito.DomainPrefixProblem(d); {
	case msg == "":
		return nil
	case cognito.DomainPrefix.Check(d) != "":
		l := cognito.DomainPrefix
		return []*Problem{problemf("R30", path, fmt.Sprintf("use %d to %d lower-case letters, digits and hyphens, not starting or ending with a hyphen", l.MinLen, l.MaxLen), "%s is not a domain prefix Cognito accepts", quote(d))}
	default:
		return []*Problem{problemf("R30", path, "choose a prefix without aws, amazon or cognito", "%s %s", quote(d), msg)}
	}
}

// providerScopes are the scopes each provider accepts (nil: any, checked otherwise).
var providerScopes = map[string][]string{
	"LoginWithAmazon": {"profile", "profile:user_id", "postal_code"},
	"SignInWithApple": {"name", "email"},
}

// checkOAuthScopes: OAuth scopes, of the client and of each provider.
func checkOAuthScopes(c *Config) []*Problem {
	x := c.LoginWith.ExternalProviders
	if x == nil {
		return nil
	}
	var out []*Problem
	if len(x.Scopes) > 0 && !slices.Contains(x.Scopes, "OPENID") {
		for _, s := range []string{"PHONE", "EMAIL", "PROFILE"} {
			if slices.Contains(x.Scopes, s) {
				out = append(out, problemf("R31", "loginWith.externalProviders.scopes", "add OPENID to the scopes",
					"%s needs OPENID: Cognito refuses a client that asks for it without openid", s))
				break
			}
		}
	}
	for _, p := range c.Providers() {
		scopes := strings.Fields(p.Details["authorize_scopes"])
		if p.Type == "SAML" {
			continue
		}
		for _, s := range scopes {
			ok := true
			switch p.Type {
			case "Google":
				ok = slices.Contains([]string{"openid", "email", "profile"}, s) || strings.HasPrefix(s, "https://www.googleapis.com/auth/")
			case "Facebook":
				ok = strings.Trim(s, "abcdefghijklmnopqrstuvwxyz_") == ""
			case "OIDC":
			default:
				ok = slices.Contains(providerScopes[p.Type], s)
			}
			if !ok {
				out = append(out, problemf("R31", p.Path+".scopes", "use the scopes "+p.Name+" defines", "%s is not a %s scope", quote(s), p.Name))
			}
		}
		if p.Type == "OIDC" && !slices.Contains(scopes, "openid") {
			out = append(out, problemf("R31", p.Path+".scopes", `add "openid"`, "an OIDC provider needs the openid scope"))
		}
	}
	return out
}

// checkAttributeMapping: attribute mappings write attributes that exist and may change.
func checkAttributeMapping(c *Config) []*Problem {
	var out []*Problem
	x := c.LoginWith.ExternalProviders
	if x == nil {
		return nil
	}
	for _, p := range c.Providers() {
		for _, k := range slices.Sorted(maps.Keys(p.Mapping)) {
			path := p.Path + ".attributeMapping." + excerpt(k)
			attr, declared := c.UserAttributes[k]
			switch {
			case strings.HasPrefix(k, "custom:") && !declared:
				out = append(out, problemf("R32", path, "declare the attribute in userAttributes, or map another one",
					"%s is not an attribute of the pool", quote(k)))
			case !strings.HasPrefix(k, "custom:"):
				if _, ok := MappingTarget(k); !ok {
					out = append(out, problemf("R32", path, "use a standard attribute's name (email, givenName, ...), emailVerified, or custom:<name>",
						"%s is not a standard attribute", quote(k)))
					continue
				}
			}
			if declared && attr.Mutable != nil && !*attr.Mutable {
				out = append(out, problemf("R32", path, "make the attribute mutable, or do not map it",
					"%s is immutable: the first federated sign-in writes it, and every later sign-in fails trying to update it", k))
			}
		}
	}
	return out
}

// checkRequiredMapped: every required attribute gets a value from every provider.
func checkRequiredMapped(c *Config) []*Problem {
	var out []*Problem
	required := c.RequiredAttributes()
	for _, p := range c.Providers() {
		var missing []string
		for _, a := range required {
			if _, ok := p.AttributeMapping[a]; !ok {
				missing = append(missing, a)
			}
		}
		if len(missing) > 0 {
			verb := map[bool]string{true: "is", false: "are"}[len(missing) == 1]
			out = append(out, problemf("R40", p.Path+".attributeMapping", "map "+joinList(missing)+" from the provider's attributes in attributeMapping",
				"%s %s required in the pool, but the %s provider maps nothing to %s: every federated sign-in would fail", joinList(missing), verb, p.Name,
				map[bool]string{true: "it", false: "them"}[len(missing) == 1]))
		}
	}
	return out
}

// checkOIDCIssuer: an OIDC issuer is an https URL.
func checkOIDCIssuer(c *Config) []*Problem {
	x := c.LoginWith.ExternalProviders
	if x == nil {
		return nil
	}
	var out []*Problem
	for i, o := range x.OIDC {
		if o.IssuerURL != "" && !isHTTPS(o.IssuerURL) {
			out = append(out, problemf("R33", fmt.Sprintf("loginWith.externalProviders.oidc[%d].issuerUrl", i), "use the issuer's https URL, e.g. https://login.example.com",
				"%s is not an https URL", quote(o.IssuerURL)))
		}
	}
	return out
}

// checkSAMLMetadata: SAML metadata as a URL or a document.
func checkSAMLMetadata(c *Config) []*Problem {
	x := c.LoginWith.ExternalProviders
	if x == nil || x.SAML == nil {
		return nil
	}
	const path = "loginWith.externalProviders.saml.metadata"
	m := x.SAML.Metadata
	switch {
	case m == nil || m.MetadataContent == "":
		return []*Problem{problemf("R34", path, `add {"metadataType": "URL", "metadataContent": "https://..."} or the XML document with "FILE"`, "the SAML provider has no metadata")}
	case m.MetadataType == "URL":
		if !isHTTPS(m.MetadataContent) {
			return []*Problem{problemf("R34", path+".metadataContent", `give the metadata's https URL, or use "metadataType": "FILE" for the document`, "the metadata URL %s is not an https URL", quote(m.MetadataContent))}
		}
	case m.MetadataType == "FILE":
		if msg := cognito.SAMLMetadataProblem(m.MetadataContent); msg != "" {
			return []*Problem{problemf("R34", path+".metadataContent", `give the provider's metadata document (an EntityDescriptor), or use "metadataType": "URL" for a URL`, "the metadata document %s", msg)}
		}
	}
	return nil
}

// checkProviderDetails: every provider has the details Cognito requires.
func checkProviderDetails(c *Config) []*Problem {
	var out []*Problem
	for _, p := range c.Providers() {
		if p.Type == "SAML" {
			continue
		}
		var missing []string
		if p.Details["client_id"] == "" {
			missing = append(missing, "clientId")
		}
		if p.Type == "SignInWithApple" {
			for _, k := range []struct{ detail, field string }{{"team_id", "teamId"}, {"key_id", "keyId"}} {
				if p.Details[k.detail] == "" {
					missing = append(missing, k.field)
				}
			}
		}
		if p.Secret == nil && !c.SecretAttached(p.Key) {
			missing = append(missing, secretField(p))
		}
		if p.Type == "OIDC" && p.Details["oidc_issuer"] == "" {
			missing = append(missing, "issuerUrl")
		}
		if len(missing) > 0 {
			out = append(out, problemf("R35", p.Path, "add "+joinList(missing), "the %s provider lacks %s, which Cognito requires", p.Name, joinList(missing)))
		}
	}
	return out
}

// checkFederatedMFA: MFA and remembered devices are the pool's; federated users skip both.
func checkFederatedMFA(c *Config) []*Problem {
	if len(c.Providers()) == 0 {
		return nil
	}
	var out []*Problem
	if c.mfaOn() {
		out = append(out, warnf("R36", "multifactor", "require MFA at the identity provider for federated users",
			"MFA does not apply to users who sign in through an external provider: their provider authenticates them"))
	}
	if c.DeviceTracking != nil {
		out = append(out, warnf("R36", "deviceTracking", "remove deviceTracking if every user signs in through a provider",
			"remembered devices do not apply to users who sign in through an external provider"))
	}
	return out
}

// isHTTPS reports whether s is an absolute https URL with a host.
func isHTTPS(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme == "https" && u.Host != ""
}
