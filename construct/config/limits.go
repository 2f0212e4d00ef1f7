package config

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/defineauth/defineauth/internal/cognito"
)

// checkServiceLimits: R38, every value the template gets is within what Cognito's
// API model and the CloudFormation schemas accept (lengths, characters, list sizes),
// as internal/cognito generates them from those models. Rules with a meaning of their
// own (R9 and R21 for messages, R30 for the domain prefix, DA001 for the name, DA007
// for groups) report their values; this rule covers everything else the config
// writes, so a limit no rule names still holds.
func checkServiceLimits(c *Config) []*Problem {
	var out []*Problem
	check := func(path string, l *cognito.Limit, v string) {
		if msg := l.Check(v); msg != "" {
			out = append(out, problemf("R38", path, l.Fix(v), "%s %s", quote(v), msg))
		}
	}
	value := func(path string, l *cognito.Limit, v string) { // an optional field: "" is unset
		if v != "" && !isToken(v) {
			check(path, l, v)
		}
	}
	list := func(path string, l *cognito.Limit, vs []string) {
		if msg := l.CheckCount(len(vs)); msg != "" {
			out = append(out, problemf("R38", path, "shorten the list", "the list %s", msg))
		}
		for i, v := range vs {
			value(fmt.Sprintf("%s[%d]", path, i), l, v)
		}
	}
	for _, a := range c.arns() {
		for _, l := range a.limits {
			value(a.path, l, a.arn)
		}
	}
	if s := c.Senders.SMS; s != nil {
		value("senders.sms.externalId", cognito.ExternalID, s.ExternalID)
		value("senders.sms.snsRegion", cognito.SNSRegion, s.SNSRegion)
	}
	if e := c.Senders.Email; e != nil {
		value("senders.email.fromName", cognito.EmailFrom, e.FromName)
		value("senders.email.replyTo", cognito.ReplyToEmailAddress, e.ReplyTo)
	}
	if w := c.LoginWith.WebAuthn; w != nil {
		value("loginWith.webAuthn.relyingPartyId", cognito.WebAuthnRelyingPartyID, w.RelyingPartyID)
	}
	for _, k := range slices.Sorted(maps.Keys(c.UserAttributes)) {
		if name, ok := customName(k); ok {
			value("userAttributes."+excerpt(k), cognito.SchemaAttributeName, name)
		}
	}
	if n := len(c.Attributes()); cognito.SchemaAttribute.CheckCount(n) != "" {
		out = append(out, problemf("R38", "userAttributes", fmt.Sprintf("declare at most %d attributes", cognito.SchemaAttribute.MaxItems),
			"the pool's schema %s", cognito.SchemaAttribute.CheckCount(n)))
	}
	if msg := cognito.Tags.CheckCount(len(c.Tags)); msg != "" {
		out = append(out, problemf("R38", "tags", fmt.Sprintf("use at most %d tags", cognito.Tags.MaxItems), "the tags %s", msg))
	}
	for _, k := range slices.Sorted(maps.Keys(c.Tags)) {
		path := "tags." + excerpt(k)
		check(path, cognito.TagKey, k) // a key is never unset, and a value may be empty
		check(path, cognito.TagValue, c.Tags[k])
		if cognito.IsReservedTag(k) || cognito.IsReservedTag(c.Tags[k]) {
			out = append(out, problemf("R38", path, "choose a key and value without the aws: prefix",
				"tags starting with aws: are reserved for AWS; Cognito and IAM refuse them (and the CDK would drop the tag)"))
		}
	}
	x := c.LoginWith.ExternalProviders
	if x == nil {
		return out
	}
	const base = "loginWith.externalProviders"
	list(base+".callbackUrls", cognito.CallbackURL, x.CallbackURLs)
	list(base+".logoutUrls", cognito.LogoutURL, x.LogoutURLs)
	for _, p := range c.Providers() {
		if p.Type == "OIDC" || p.Type == "SAML" {
			value(p.Path+".name", cognito.ProviderName, p.Name)
		}
		list(p.Path+".identifiers", cognito.IdpIdentifier, p.Identifiers)
		for _, k := range slices.Sorted(maps.Keys(p.Details)) {
			value(p.Path+"."+detailField(k), cognito.ProviderDetail, p.Details[k])
		}
		for _, k := range slices.Sorted(maps.Keys(p.AttributeMapping)) {
			path := p.Path + ".attributeMapping." + excerpt(k)
			value(path, cognito.AttributeMappingKey, k)
			value(path, cognito.AttributeMappingValue, p.AttributeMapping[k])
		}
	}
	return out
}

// detailFields name the config field each provider detail comes from.
var detailFields = map[string]string{
	"client_id": "clientId", "team_id": "teamId", "key_id": "keyId", "authorize_scopes": "scopes",
	"oidc_issuer": "issuerUrl", "attributes_request_method": "attributeRequestMethod",
	"MetadataURL": "metadata.metadataContent", "MetadataFile": "metadata.metadataContent", "IDPSignout": "idpSignout",
}

func detailField(k string) string {
	if f, ok := detailFields[k]; ok {
		return f
	}
	return strings.ToLower(k)
}

// namedARN is an ARN the config names, with its JSON path and the limits it meets.
type namedARN struct {
	path, arn string
	limits    []*cognito.Limit
}

// arns lists every ARN the config names (empty ones included): the trigger and
// sender functions (a LambdaConfig entry and the invoke permission's FunctionName),
// the senders' key, the SMS role and the web ACL.
func (c *Config) arns() []namedARN {
	var out []namedARN
	for _, t := range triggerTable {
		out = append(out, namedARN{t.path, t.arn(c), []*cognito.Limit{cognito.TriggerARN, cognito.PermissionFunctionName}})
	}
	for _, s := range []struct {
		path string
		s    *CustomSender
	}{{"senders.customEmail.kmsKeyArn", c.Senders.CustomEmail}, {"senders.customSms.kmsKeyArn", c.Senders.CustomSMS}} {
		if s.s != nil {
			out = append(out, namedARN{s.path, s.s.KMSKeyArn, []*cognito.Limit{cognito.KMSKeyID}})
		}
	}
	if s := c.Senders.SMS; s != nil {
		out = append(out, namedARN{"senders.sms.snsCallerArn", s.SNSCallerArn, []*cognito.Limit{cognito.SNSCallerARN}})
	}
	return append(out, namedARN{"wafWebAclArn", c.WAFWebACLArn, []*cognito.Limit{cognito.WebACLArn}})
}

// checkPartition: DA019, every ARN the config names is in one partition (aws,
// aws-cn, aws-us-gov, ...): a stack deploys to one, and Cognito cannot invoke a
// function, use a key or assume a role of another.
func checkPartition(c *Config) []*Problem {
	var first namedARN
	var out []*Problem
	for _, a := range c.arns() {
		if a.arn == "" || isToken(a.arn) {
			continue
		}
		part, ok := partition(a.arn)
		if !ok {
			continue // not an ARN: DA006 and DA013 say so
		}
		if first.arn == "" {
			first = a
			continue
		}
		if p, _ := partition(first.arn); p != part {
			out = append(out, problemf("DA019", a.path, "use functions, keys and roles of the partition the stack deploys to",
				"%s is in the partition %s, but %s is in %s; a stack deploys to one partition", a.path, quote(part), first.path, quote(p)))
		}
	}
	return out
}

// partition returns an ARN's partition ("aws" in arn:aws:lambda:...).
func partition(arn string) (string, bool) {
	rest, ok := strings.CutPrefix(arn, "arn:")
	if !ok {
		return "", false
	}
	p, _, ok := strings.Cut(rest, ":")
	return p, ok && p != ""
}
