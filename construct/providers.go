package construct

import (
	"github.com/aws/aws-cdk-go/awscdk/v2/awscognito"
	"github.com/aws/jsii-runtime-go"

	"github.com/defineauth/defineauth/construct/spec"
)

// addProviders adds the identity providers and the hosted domain, and makes the web
// client wait for the providers: the client names them, and a client created
// before a provider it names fails to deploy.
func (a *Auth) addProviders(s *spec.Auth) {
	a.Providers = map[string]awscognito.CfnUserPoolIdentityProvider{}
	for _, p := range s.Providers {
		details := map[string]interface{}{}
		for k, v := range p.Details {
			details[k] = v
		}
		switch {
		case p.SecretKey == "":
		case p.SecretAttached:
			details[p.SecretKey] = a.secrets[p.Key].UnsafeUnwrap()
		case p.SecretReference() != "":
			details[p.SecretKey] = p.SecretReference()
		}
		props := &awscognito.CfnUserPoolIdentityProviderProps{
			UserPoolId:      a.CfnUserPool.Ref(),
			ProviderName:    jsii.String(p.Name),
			ProviderType:    jsii.String(p.Type),
			ProviderDetails: details,
			IdpIdentifiers:  strs(p.Identifiers),
		}
		if len(p.AttributeMapping) > 0 {
			m := map[string]interface{}{}
			for k, v := range p.AttributeMapping {
				m[k] = v
			}
			props.AttributeMapping = m
		}
		r := awscognito.NewCfnUserPoolIdentityProvider(a.Construct, jsii.String(p.ConstructID), props)
		a.CfnWebClient.AddResourceDependency(r, jsii.String("the client names the provider in SupportedIdentityProviders"))
		a.Providers[p.Key] = r
	}
	if d := s.Domain; d != nil {
		a.CfnDomain = awscognito.NewCfnUserPoolDomain(a.Construct, jsii.String(d.ConstructID), &awscognito.CfnUserPoolDomainProps{
			UserPoolId: a.CfnUserPool.Ref(),
			Domain:     jsii.String(d.Prefix),
		})
	}
}

// oauthProps sets the web client's OAuth settings.
func oauthProps(props *awscognito.CfnUserPoolClientProps, o *spec.OAuth) {
	if o == nil {
		return
	}
	props.AllowedOAuthFlows = jsii.Strings(o.Flows...)
	props.AllowedOAuthFlowsUserPoolClient = jsii.Bool(true)
	props.AllowedOAuthScopes = jsii.Strings(o.Scopes...)
	props.CallbackUrLs = strs(o.CallbackURLs)
	props.LogoutUrLs = strs(o.LogoutURLs)
}
