package construct

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscognito"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"

	"github.com/defineauth/defineauth/construct/spec"
)

// smsConfiguration returns the pool's SmsConfiguration, or nil when the pool sends no
// SMS. When the spec asks for it, it creates the role Cognito assumes with the
// pool's external id, and gives it the pool's removal policy: a retained pool whose
// role was deleted fails every later update (rule U8).
func (a *Auth) smsConfiguration(s *spec.Auth, removal awscdk.RemovalPolicy) *awscognito.CfnUserPool_SmsConfigurationProperty {
	c := s.UserPool.SmsConfiguration
	if c == nil {
		return nil
	}
	if s.SMSRole == nil {
		return &awscognito.CfnUserPool_SmsConfigurationProperty{
			SnsCallerArn: optStr(c.SnsCallerArn),
			ExternalId:   optStr(c.ExternalId),
			SnsRegion:    optStr(c.SnsRegion),
		}
	}
	r := s.SMSRole
	a.SMSRole = awsiam.NewRole(a.Construct, jsii.String(spec.SMSRoleID), &awsiam.RoleProps{
		Description: jsii.String(r.Description),
		AssumedBy:   awsiam.NewServicePrincipal(jsii.String(spec.CognitoPrincipal), nil),
		ExternalIds: jsii.Strings(s.ExternalID),
		InlinePolicies: &map[string]awsiam.PolicyDocument{
			r.PolicyName: awsiam.NewPolicyDocument(&awsiam.PolicyDocumentProps{
				Statements: &[]awsiam.PolicyStatement{awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
					Actions:   jsii.Strings(r.Actions...),
					Resources: jsii.Strings(r.Resources...),
				})},
			}),
		},
	})
	a.SMSRole.ApplyRemovalPolicy(removal)
	addSuppressions(a.SMSRole.Node().DefaultChild().(awsiam.CfnRole), r.Suppressions)
	return &awscognito.CfnUserPool_SmsConfigurationProperty{
		SnsCallerArn: a.SMSRole.RoleArn(),
		ExternalId:   jsii.String(s.ExternalID),
		SnsRegion:    optStr(c.SnsRegion),
	}
}
