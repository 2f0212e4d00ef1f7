package lint

import (
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/defineauth/defineauth/internal/cfn"
	"github.com/defineauth/defineauth/internal/cognito"
)

// hostname is compiled on first use (bounded repetitions are costly to compile at
// every start of the command).
var hostname = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$`)
})

// requiredDetails are the ProviderDetails each provider type needs.
var requiredDetails = map[string][]string{
	"Google":          {"client_id", "client_secret", "authorize_scopes"},
	"Facebook":        {"client_id", "client_secret", "authorize_scopes"},
	"LoginWithAmazon": {"client_id", "client_secret", "authorize_scopes"},
	"SignInWithApple": {"client_id", "team_id", "key_id", "private_key", "authorize_scopes"},
	"OIDC":            {"client_id", "client_secret", "attributes_request_method", "oidc_issuer", "authorize_scopes"},
}

// checkProviders applies the external sign-in rules (R29-R37) to the pool's
// identity providers, domain and clients.
func (p *pool) checkProviders(f facts) {
	v := p.tmpl
	ids := slices.Sorted(maps.Keys(v.Resources))
	var idps []string
	for _, id := range ids {
		r := v.Resources[id]
		props := r.Properties
		if !p.isPool(props["UserPoolId"]) {
			continue
		}
		switch r.Type {
		case "AWS::Cognito::UserPoolIdentityProvider":
			idps = append(idps, id)
			p.checkProvider(id, props)
		case "AWS::Cognito::UserPoolDomain":
			if d, ok := v.Str(props["Domain"]); ok && !strings.Contains(d, ".") {
				switch {
				case cognito.DomainPrefix.Check(d) != "":
					p.add("R30", Error, "use lower-case letters, digits and hyphens", "domain %s: %q is not a domain prefix Cognito accepts", id, d)
				case cognito.DomainPrefixProblem(d) != "":
					p.add("R30", Error, "choose a prefix without aws, amazon or cognito", "domain %s: %q %s", id, d, cfn.Sentence(cognito.DomainPrefixProblem(d)))
				}
			}
		case "AWS::Cognito::UserPoolClient":
			p.checkOAuthClient(id, props)
		}
	}
	if len(idps) > 0 && (f.mfaOn() || p.props["DeviceConfiguration"] != nil) {
		p.add("R36", Warning, "require MFA at the identity provider for federated users",
			"MFA and remembered devices do not apply to users who sign in through %s", strings.Join(idps, ", "))
	}
}

// checkOAuthClient checks a client's callback URLs and scopes.
func (p *pool) checkOAuthClient(id string, props map[string]any) {
	v := p.tmpl
	flows, _ := v.List(props["AllowedOAuthFlows"])
	if len(flows) == 0 {
		return
	}
	callbacks, known := v.List(props["CallbackURLs"])
	if known && len(callbacks) == 0 {
		p.add("R29", Error, "add CallbackURLs", "client %s uses OAuth but has no callback URL", id)
	}
	logouts, _ := v.List(props["LogoutURLs"])
	for _, u := range append(callbacks, logouts...) {
		if msg := cognito.RedirectURLProblem(u); msg != "" {
			p.add("R29", Error, "use an absolute https URL (http only for localhost)", "client %s: %q %s", id, u, msg)
		}
	}
	scopes, _ := v.List(props["AllowedOAuthScopes"])
	if !slices.Contains(scopes, "openid") && slices.ContainsFunc(scopes, func(s string) bool { return s == "phone" || s == "email" || s == "profile" }) {
		p.add("R31", Error, "add openid to AllowedOAuthScopes", "client %s asks for phone, email or profile without openid", id)
	}
}

// checkProvider checks one identity provider's details, scopes, mapping and secret.
func (p *pool) checkProvider(id string, props map[string]any) {
	v := p.tmpl
	typ, _ := v.Str(props["ProviderType"])
	details := cfn.Object(props["ProviderDetails"])
	if details == nil || cfn.IsIntrinsic(details) {
		return
	}
	var missing []string
	for _, k := range requiredDetails[typ] {
		if details[k] == nil {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		p.add("R35", Error, "add "+strings.Join(missing, ", ")+" to ProviderDetails", "provider %s (%s) lacks %s", id, typ, strings.Join(missing, ", "))
	}
	for _, k := range []string{"client_secret", "private_key"} {
		if s, ok := details[k].(string); ok && s != "" && !strings.HasPrefix(s, "{{resolve:") {
			p.add("R37", Error, "store the secret in Secrets Manager and use a {{resolve:secretsmanager:...}} dynamic reference",
				"provider %s has its %s in clear in the template", id, k)
		}
	}
	if typ == "OIDC" {
		if s, ok := v.Str(details["oidc_issuer"]); ok {
			if !isHTTPS(s) {
				p.add("R33", Error, "use the issuer's https URL", "provider %s: oidc_issuer %q is not an https URL", id, s)
			}
		}
	}
	if typ == "SAML" {
		_, hasURL := details["MetadataURL"]
		_, hasFile := details["MetadataFile"]
		switch {
		case hasURL == hasFile:
			p.add("R34", Error, "give MetadataURL or MetadataFile, one of them", "provider %s has %s", id, map[bool]string{true: "both MetadataURL and MetadataFile", false: "neither MetadataURL nor MetadataFile"}[hasURL])
		case hasURL:
			if s, ok := v.Str(details["MetadataURL"]); ok {
				if !isHTTPS(s) {
					p.add("R34", Error, "use the metadata's https URL", "provider %s: MetadataURL %q is not an https URL", id, s)
				}
			}
		default:
			if s, ok := v.Str(details["MetadataFile"]); ok {
				if msg := cognito.SAMLMetadataProblem(s); msg != "" {
					p.add("R34", Error, "give the provider's metadata document (an EntityDescriptor), or its MetadataURL", "provider %s: MetadataFile %s", id, cfn.Sentence(msg))
				}
			}
		}
	}
	if s, ok := v.Str(details["authorize_scopes"]); ok {
		scopes := strings.Fields(s)
		for _, sc := range scopes {
			bad := false
			switch typ {
			case "Google":
				bad = !slices.Contains([]string{"openid", "email", "profile"}, sc) && !strings.HasPrefix(sc, "https://www.googleapis.com/auth/")
			case "Facebook":
				bad = strings.Trim(sc, "abcdefghijklmnopqrstuvwxyz_") != ""
			case "LoginWithAmazon":
				bad = !slices.Contains([]string{"profile", "profile:user_id", "postal_code"}, sc)
			case "SignInWithApple":
				bad = sc != "name" && sc != "email"
			}
			if bad {
				p.add("R31", Error, "use the provider's own scopes", "provider %s: %q is not a %s scope", id, sc, typ)
			}
		}
		if typ == "OIDC" && !slices.Contains(scopes, "openid") {
			p.add("R31", Error, "add openid to authorize_scopes", "provider %s: an OIDC provider needs the openid scope", id)
		}
	}
	p.checkMapping(id, cfn.Object(props["AttributeMapping"]))
	p.checkRequiredMapped(id, props["AttributeMapping"])
}

// checkRequiredMapped: every attribute the pool requires gets a value from the
// provider (R40); a mapping behind an intrinsic function is not guessed.
func (p *pool) checkRequiredMapped(id string, mapping any) {
	m := cfn.Object(mapping)
	if mapping != nil && (m == nil || cfn.IsIntrinsic(m)) {
		return
	}
	var missing []string
	for _, s := range cfn.ListOf(p.props["Schema"]) {
		e := cfn.Object(s)
		name, ok := p.tmpl.Str(e["Name"])
		required, _ := p.tmpl.Bool(e["Required"])
		if !ok || !required {
			continue
		}
		key := name
		if !cognito.IsStandardAttribute(name) {
			key = "custom:" + name
		}
		if _, mapped := m[key]; !mapped {
			missing = append(missing, key)
		}
	}
	if len(missing) > 0 {
		p.add("R40", Error, "map "+strings.Join(missing, ", ")+" in the provider's AttributeMapping",
			"provider %s maps nothing to %s, which the pool requires: every federated sign-in fails", id, strings.Join(missing, ", "))
	}
}

// checkMapping checks that an attribute mapping writes attributes of the pool that
// can change.
func (p *pool) checkMapping(id string, mapping map[string]any) {
	if mapping == nil || cfn.IsIntrinsic(mapping) {
		return
	}
	schema := map[string]map[string]any{}
	for _, s := range cfn.ListOf(p.props["Schema"]) {
		e := cfn.Object(s)
		if name, ok := p.tmpl.Str(e["Name"]); ok {
			schema[name] = e
		}
	}
	for _, k := range slices.Sorted(maps.Keys(mapping)) {
		name, custom := strings.CutPrefix(k, "custom:")
		e, declared := schema[name]
		switch {
		case custom && !declared:
			p.add("R32", Error, "declare the attribute in Schema, or map another one", "provider %s maps %s, which the pool does not have", id, k)
			continue
		case !custom && !cognito.IsStandardAttribute(k) && !slices.Contains(cognito.MappingOnlyTargets, k) && k != "username":
			p.add("R32", Error, "use a standard attribute or custom:<name>", "provider %s maps %s, which is not a standard attribute", id, k)
			continue
		}
		if mutable, ok := p.tmpl.Bool(e["Mutable"]); declared && ok && !mutable {
			p.add("R32", Error, "make the attribute mutable, or do not map it",
				"provider %s maps %s, which is immutable: every sign-in after the first fails", id, k)
		}
	}
}

// isHTTPS reports whether s is an absolute https URL with a host.
func isHTTPS(s string) bool {
	u, err := url.Parse(s)
	return err == nil && u.Scheme == "https" && u.Host != ""
}
