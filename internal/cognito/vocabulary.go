package cognito

import (
	"regexp"
	"slices"
	"strings"
)

// StandardAttributes are Cognito's standard user attributes, as templates, tokens
// and the API name them (the OpenID Connect standard claims Cognito keeps; source:
// the Amazon Cognito Developer Guide, "Working with user attributes"). Any other
// name in a pool's Schema is a custom attribute ("custom:<name>").
var StandardAttributes = []string{"address", "birthdate", "email", "family_name", "gender", "given_name", "locale",
	"middle_name", "name", "nickname", "phone_number", "picture", "preferred_username", "profile", "updated_at", "website", "zoneinfo"}

// MappingOnlyTargets are what a provider's attribute mapping may write besides the
// pool's attributes: the email's verification status, which Cognito takes from the
// provider (the developer guide, "Mapping IdP attributes to profiles and tokens").
var MappingOnlyTargets = []string{"email_verified"}

// IsStandardAttribute reports whether name is one of StandardAttributes.
func IsStandardAttribute(name string) bool { return slices.Contains(StandardAttributes, name) }

// regionalWebACL is the form of a regional AWS WAF (v2) web ACL's ARN, the kind a
// user pool takes (a CloudFront web ACL's ARN says global instead of regional).
var regionalWebACL = regexp.MustCompile(`^arn:aws[a-z-]*:wafv2:[a-z0-9-]+:\d{12}:regional/webacl/[\w-]+/[\w-]+$`)

// WebACLProblem says what keeps arn from being a web ACL a user pool can use ("" when
// nothing): a regional AWS WAF web ACL (the developer guide, "Associate an AWS WAF web
// ACL with a user pool"; user pools are regional resources).
func WebACLProblem(arn string) string {
	switch {
	case regionalWebACL.MatchString(arn):
		return ""
	case strings.Contains(arn, ":global/webacl/"):
		return "is a global (CloudFront) web ACL; a user pool takes a regional one"
	}
	return "is not the ARN of a regional AWS WAF web ACL (arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>)"
}

// IsReservedTag reports whether a tag key or value starts with aws: (in any case), the
// prefix AWS keeps for its own tags; Cognito and IAM refuse it in tags a user sets.
func IsReservedTag(s string) bool { return len(s) >= 4 && strings.EqualFold(s[:4], "aws:") }

// regionPattern is the form of an AWS region name (us-east-1, eu-central-2,
// us-gov-west-1, cn-north-1).
var regionPattern = regexp.MustCompile(`^[a-z]{2}(-[a-z]+)+-\d+$`)

// IsRegion reports whether s has the form of an AWS region name.
func IsRegion(s string) bool { return regionPattern.MatchString(s) }

// The MFA vocabulary of templates and the API: MfaConfiguration's values (the API
// model's enum, MFAConfiguration), and the MFA types EnabledMfas lists (a
// CloudFormation property the API model has no enum for).
const (
	MFAOff      = "OFF"
	MFAOn       = "ON" // required
	MFAOptional = "OPTIONAL"

	SMSMFA   = "SMS_MFA"
	TOTPMFA  = "SOFTWARE_TOKEN_MFA"
	EmailOTP = "EMAIL_OTP"
)

// MFATypes are EnabledMfas's values, in the order defineauth writes them.
var MFATypes = []string{SMSMFA, TOTPMFA, EmailOTP}

// FirstAuthFactors are the sign-in policy's first factors (the API model's enum):
// PASSWORD, EMAIL_OTP, SMS_OTP and WEB_AUTHN.
var FirstAuthFactors = FirstAuthFactor.Enum
