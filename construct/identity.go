package construct

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscognito"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"

	"github.com/defineauth/defineauth/construct/spec"
)

// addWebClient adds the app client a browser or mobile app uses: SRP sign-in and
// refresh tokens, no client secret (public clients cannot keep one; toggling it later
// replaces the client, rule U7), and errors that do not reveal whether a user exists.
func (a *Auth) addWebClient(c spec.Client) {
	props := &awscognito.CfnUserPoolClientProps{
		UserPoolId:                 a.CfnUserPool.Ref(),
		ClientName:                 jsii.String(c.ClientName),
		GenerateSecret:             jsii.Bool(c.GenerateSecret),
		ExplicitAuthFlows:          jsii.Strings(c.ExplicitAuthFlows...),
		PreventUserExistenceErrors: jsii.String(c.PreventUserExistenceErrors),
		EnableTokenRevocation:      jsii.Bool(c.EnableTokenRevocation),
		SupportedIdentityProviders: jsii.Strings(c.SupportedIdentityProviders...),
	}
	oauthProps(props, c.OAuth)
	a.CfnWebClient = awscognito.NewCfnUserPoolClient(a.Construct, jsii.String(spec.WebClientID), props)
	a.WebClient = awscognito.UserPoolClient_FromUserPoolClientId(a.Construct, jsii.String("WebClientRef"), a.CfnWebClient.Ref())
}

// addIdentityPool adds the identity pool trusting the web client, an authenticated and
// an unauthenticated role, and the attachment between them.
func (a *Auth) addIdentityPool(s *spec.Auth) {
	a.CfnIdentityPool = awscognito.NewCfnIdentityPool(a.Construct, jsii.String(spec.IdentityPoolID), &awscognito.CfnIdentityPoolProps{
		IdentityPoolName:               jsii.String(s.IdentityPool.IdentityPoolName),
		AllowUnauthenticatedIdentities: jsii.Bool(s.IdentityPool.AllowUnauthenticatedIdentities),
		CognitoIdentityProviders: &[]interface{}{&awscognito.CfnIdentityPool_CognitoIdentityProviderProperty{
			ClientId:     a.CfnWebClient.Ref(),
			ProviderName: a.CfnUserPool.AttrProviderName(),
		}},
	})
	a.AuthenticatedRole = a.identityRole(spec.AuthenticatedRole, s.AuthenticatedRole)
	a.UnauthenticatedRole = a.identityRole(spec.UnauthenticatedRole, s.UnauthenticatedRole)
	props := &awscognito.CfnIdentityPoolRoleAttachmentProps{
		IdentityPoolId: a.CfnIdentityPool.Ref(),
		Roles: &map[string]interface{}{
			"authenticated":   a.AuthenticatedRole.RoleArn(),
			"unauthenticated": a.UnauthenticatedRole.RoleArn(),
		},
	}
	if m := s.RoleMapping; m != nil {
		props.RoleMappings = &map[string]interface{}{m.Key: &awscognito.CfnIdentityPoolRoleAttachment_RoleMappingProperty{
			Type:                    jsii.String(m.Type),
			AmbiguousRoleResolution: jsii.String(m.AmbiguousRoleResolution),
			IdentityProvider:        awscdk.Fn_Join(jsii.String(""), jsii.Strings(*a.CfnUserPool.AttrProviderName(), ":", *a.CfnWebClient.Ref())),
		}}
	}
	a.CfnRoleAttachment = awscognito.NewCfnIdentityPoolRoleAttachment(a.Construct, jsii.String(spec.RoleAttachmentID), props)
}

// identityRole makes a role that only identities of this identity pool with the
// role's authentication kind can assume.
func (a *Auth) identityRole(id string, r spec.IdentityRole) awsiam.Role {
	return a.identityRoleIn(a.Construct, id, r)
}

// identityRoleIn is identityRole below scope.
func (a *Auth) identityRoleIn(scope constructs.Construct, id string, r spec.IdentityRole) awsiam.Role {
	conditions := r.TrustConditions(a.CfnIdentityPool.Ref())
	return awsiam.NewRole(scope, jsii.String(id), &awsiam.RoleProps{
		Description: jsii.String(r.Description),
		AssumedBy: awsiam.NewFederatedPrincipal(jsii.String(spec.CognitoIdentityPrincipal), &conditions,
			jsii.String(spec.IdentityRoleAction)),
	})
}

// addGroups adds one user pool group per configured name, with its role; precedence
// is the index. The construct id derives from the name, not the index, so reordering
// the list changes precedences in place instead of replacing groups and their
// memberships. The role is the group's child, so no group's id can collide with it.
func (a *Auth) addGroups(groups []spec.Group) {
	a.Groups = map[string]awscognito.CfnUserPoolGroup{}
	a.GroupRoles = map[string]awsiam.Role{}
	for _, g := range groups {
		group := awscognito.NewCfnUserPoolGroup(a.Construct, jsii.String(g.ConstructID), &awscognito.CfnUserPoolGroupProps{
			UserPoolId: a.CfnUserPool.Ref(),
			GroupName:  jsii.String(g.GroupName),
			Precedence: jsii.Number(g.Precedence),
		})
		role := a.identityRoleIn(group, spec.GroupRoleID, g.Role)
		group.SetRoleArn(role.RoleArn())
		a.Groups[g.GroupName], a.GroupRoles[g.GroupName] = group, role
	}
}
