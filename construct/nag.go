package construct

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/awsiam"
	"github.com/aws/jsii-runtime-go"

	"github.com/defineauth/defineauth/construct/config"
)

// suppression is one cdk-nag finding the construct answers by design, with the reason.
type suppression struct {
	id, reason string
	appliesTo  []string
}

// addNagSuppressions records, as the "cdk_nag" metadata that cdk-nag reads, the
// AwsSolutions findings that are decisions rather than mistakes. Findings that come
// from a weaker config (MFA not REQUIRED, guest identities, a weak password policy) are
// left for cdk-nag to report. The metadata costs nothing when cdk-nag is not used.
func (a *Auth) addNagSuppressions() {
	if a.Config.ResolvedFeaturePlan() != config.PlanPlus {
		addSuppressions(a.CfnUserPool, suppression{id: "AwsSolutions-COG8",
			reason: "The PLUS feature plan (threat protection) is billed per monthly active user; it is a cost decision left to the featurePlan setting of the defineauth config."})
	}
	if a.SMSRole != nil {
		addSuppressions(a.SMSRole.Node().DefaultChild().(awsiam.CfnRole), suppression{id: "AwsSolutions-IAM5", appliesTo: []string{"Resource::*"},
			reason: "Cognito publishes SMS directly to users' phone numbers, which are not SNS resources, so sns:Publish cannot be scoped to an ARN; the role is assumable only by cognito-idp.amazonaws.com with this pool's external id."})
	}
}

func addSuppressions(r awscdk.CfnResource, ss ...suppression) {
	var rules []interface{}
	for _, s := range ss {
		rule := map[string]interface{}{"id": s.id, "reason": s.reason}
		if len(s.appliesTo) > 0 {
			rule["applies_to"] = s.appliesTo
		}
		rules = append(rules, rule)
	}
	r.AddMetadata(jsii.String("cdk_nag"), map[string]interface{}{"rules_to_suppress": rules})
}
