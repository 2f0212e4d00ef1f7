package construct

import (
	"fmt"

	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"

	"github.com/defineauth/defineauth/construct/access"
)

// Grant lets grantee (a function, a role, a group's role) perform the named actions
// on this user pool only: "manageUsers", "manageGroups", "manageGroupMembership",
// "manageUserDevices", "managePasswordRecovery", or single API actions such as
// "createUser", "addUserToGroup" or "setUserMfaPreference" (the full list, with the
// IAM actions each allows, is access.All). An unknown name is an error and grants
// nothing.
func (a *Auth) Grant(grantee awsiam.IGrantable, actions ...string) (awsiam.Grant, error) {
	if grantee == nil {
		return nil, fmt.Errorf("defineauth: Grant: the grantee is nil")
	}
	iam, err := access.IAMActions(actions...)
	if err != nil {
		return nil, fmt.Errorf("defineauth: Grant: %w", err)
	}
	return awsiam.Grant_AddToPrincipal(&awsiam.GrantOnPrincipalOptions{
		Grantee:      grantee,
		Actions:      jsii.Strings(iam...),
		ResourceArns: jsii.Strings(*a.CfnUserPool.AttrArn()),
	}), nil
}
