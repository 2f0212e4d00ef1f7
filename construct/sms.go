package construct

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awscognito"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"
	"github.com/defineauth/defineauth/construct/config"
)

// smsConfiguration returns the pool's SmsConfiguration, or nil when the pool sends no
// SMS. When the spec asks for it, it creates the role Cognito assumes with an external
// id, and gives it the pool's removal policy: a retained pool whose role was deleted
// fails every later update (rule U8).
func (a *Auth) smsConfiguration(spec *config.SMSConfigurationSpec, removal awscdk.RemovalPolicy) *awscognito.CfnUserPool_SmsConfigurationProperty {
	if spec == nil {
		return nil
	}
	if !spec.CreateRole {
		return &awscognito.CfnUserPool_SmsConfigurationProperty{
			SnsCallerArn: optStr(spec.SnsCallerArn),
			ExternalId:   optStr(spec.ExternalId),
			SnsRegion:    optStr(spec.SnsRegion),
		}
	}
	externalID := awscdk.Names_UniqueId(a.Construct)
	a.SMSRole = awsiam.NewRole(a.Construct, jsii.String("SMSRole"), &awsiam.RoleProps{
		Description: jsii.String("Lets Cognito send SMS (verification and MFA codes) through SNS"),
		AssumedBy:   awsiam.NewServicePrincipal(jsii.String("cognito-idp.amazonaws.com"), nil),
		ExternalIds: &[]*string{externalID},
		InlinePolicies: &map[string]awsiam.PolicyDocument{
			"sns-publish": awsiam.NewPolicyDocument(&awsiam.PolicyDocumentProps{
				Statements: &[]awsiam.PolicyStatement{awsiam.NewPolicyStatement(&awsiam.PolicyStatementProps{
					Actions: jsii.Strings("sns:Publish"),
					// SMS goes to the users' own phone numbers, which are not SNS resources.
					Resources: jsii.Strings("*"),
				})},
			}),
		},
	})
	a.SMSRole.ApplyRemovalPolicy(removal)
	return &awscognito.CfnUserPool_SmsConfigurationProperty{
		SnsCallerArn: a.SMSRole.RoleArn(),
		ExternalId:   externalID,
		SnsRegion:    optStr(spec.SnsRegion),
	}
}
