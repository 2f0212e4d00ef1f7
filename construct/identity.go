package construct

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2/awscognito"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"

	"github.com/defineauth/defineauth/construct/config"
)

// addWebClient adds the app client a browser or mobile app uses: SRP sign-in and
// refresh tokens, no client secret (public clients cannot keep one; toggling it later
// replaces the client, rule U7), and errors that do not reveal whether a user exists.
func (a *Auth) addWebClient() {
	a.CfnWebClient = awscognito.NewCfnUserPoolClient(a.Construct, jsii.String("WebClient"), &awscognito.CfnUserPoolClientProps{
		UserPoolId:                 a.CfnUserPool.Ref(),
		ClientName:                 jsii.String(a.Config.WebClientName()),
		GenerateSecret:             jsii.Bool(false),
		ExplicitAuthFlows:          jsii.Strings("ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"),
		PreventUserExistenceErrors: jsii.String("ENABLED"),
		EnableTokenRevocation:      jsii.Bool(true),
		SupportedIdentityProviders: jsii.Strings("COGNITO"),
	})
	a.WebClient = awscognito.UserPoolClient_FromUserPoolClientId(a.Construct, jsii.String("WebClientRef"), a.CfnWebClient.Ref())
}

// addIdentityPool adds the identity pool trusting the web client, an authenticated and
// an unauthenticated role, and the attachment between them.
func (a *Auth) addIdentityPool() {
	a.CfnIdentityPool = awscognito.NewCfnIdentityPool(a.Construct, jsii.String("IdentityPool"), &awscognito.CfnIdentityPoolProps{
		IdentityPoolName:               jsii.String(a.Config.Name),
		AllowUnauthenticatedIdentities: jsii.Bool(a.Config.AllowUnauthenticatedIdentities),
		CognitoIdentityProviders: &[]interface{}{&awscognito.CfnIdentityPool_CognitoIdentityProviderProperty{
			ClientId:     a.CfnWebClient.Ref(),
			ProviderName: a.CfnUserPool.AttrProviderName(),
		}},
	})
	a.AuthenticatedRole = a.identityRole("AuthenticatedRole", "authenticated")
	a.UnauthenticatedRole = a.identityRole("UnauthenticatedRole", "unauthenticated")
	a.CfnRoleAttachment = awscognito.NewCfnIdentityPoolRoleAttachment(a.Construct, jsii.String("IdentityPoolRoles"), &awscognito.CfnIdentityPoolRoleAttachmentProps{
		IdentityPoolId: a.CfnIdentityPool.Ref(),
		Roles: &map[string]interface{}{
			"authenticated":   a.AuthenticatedRole.RoleArn(),
			"unauthenticated": a.UnauthenticatedRole.RoleArn(),
		},
	})
}

// identityRole makes a role that only identities of this identity pool with the given
// authentication kind ("authenticated" or "unauthenticated") can assume.
func (a *Auth) identityRole(id, amr string) awsiam.Role {
	return awsiam.NewRole(a.Construct, jsii.String(id), &awsiam.RoleProps{
		Description: jsii.String(fmt.Sprintf("Assumed by %s identities of the %s identity pool", amr, a.Config.Name)),
		AssumedBy: awsiam.NewFederatedPrincipal(jsii.String("cognito-identity.amazonaws.com"), &map[string]interface{}{
			"StringEquals":           map[string]interface{}{"cognito-identity.amazonaws.com:aud": a.CfnIdentityPool.Ref()},
			"ForAnyValue:StringLike": map[string]interface{}{"cognito-identity.amazonaws.com:amr": amr},
		}, jsii.String("sts:AssumeRoleWithWebIdentity")),
	})
}

// addGroups adds one user pool group per configured name; precedence is the index.
// The construct id derives from the name, not the index, so reordering the list
// changes precedences in place instead of replacing groups and their memberships.
func (a *Auth) addGroups() {
	a.Groups = map[string]awscognito.CfnUserPoolGroup{}
	for i, name := range a.Config.Groups {
		a.Groups[name] = awscognito.NewCfnUserPoolGroup(a.Construct, jsii.String(config.GroupConstructID(name)), &awscognito.CfnUserPoolGroupProps{
			UserPoolId: a.CfnUserPool.Ref(),
			GroupName:  jsii.String(name),
			Precedence: jsii.Number(i),
		})
	}
}
