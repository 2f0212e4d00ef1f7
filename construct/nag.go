package construct

import (
	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/jsii-runtime-go"

	"github.com/defineauth/defineauth/construct/spec"
)

// addSuppressions records, as the "cdk_nag" metadata that cdk-nag reads, the
// AwsSolutions findings that are decisions rather than mistakes (see spec.ForAuth:
// COG8 on a pool whose plan is not PLUS, IAM5 on the SMS role's sns:Publish on *).
// Findings that come from a weaker config (MFA not REQUIRED, guest identities, a
// weak password policy) are left for cdk-nag to report. The metadata costs nothing
// when cdk-nag is not used.
func addSuppressions(r awscdk.CfnResource, ss []spec.Suppression) {
	if m := spec.NagMetadata(ss); m != nil {
		r.AddMetadata(jsii.String("cdk_nag"), m)
	}
}
