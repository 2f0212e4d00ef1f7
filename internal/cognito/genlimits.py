#!/usr/bin/env python3
"""Writes limits_gen.go: what Cognito and CloudFormation accept for each value
defineauth writes (lengths, patterns, list sizes, enums), read from the service's own
machine-readable models, never typed by hand:

  - the Cognito API models (botocore's cognito-idp and cognito-identity service models);
  - the CloudFormation registry schemas (as cfn-lint ships them, us-east-1).

Where both constrain a value, the stricter bound wins and every pattern must match.

  python3 internal/cognito/genlimits.py > internal/cognito/limits_gen.go

The Go test TestGeneratedLimitsMatchModels runs this and compares; CI requires it.
"""
import sys

import botocore
import botocore.session
import cfnlint.version
from cfnlint.schema.manager import PROVIDER_SCHEMA_MANAGER

# Each limit: Go name, what it is (for messages), sources, and where lint finds the
# value in a template. A source is "api:<service>:<Operation>.<Member>..." (a list
# member's constraints apply to each item; ".*" is a map's value, ".@key" its key)
# or "cfn:<Type>:<Property>..." with the same steps.
UP, CLIENT, IDP = "AWS::Cognito::UserPool", "AWS::Cognito::UserPoolClient", "AWS::Cognito::UserPoolIdentityProvider"
# The LambdaConfig entries, as the registry schema lists them: function ARNs, and
# objects {LambdaArn, LambdaVersion}.
_LC = PROVIDER_SCHEMA_MANAGER.get_resource_schema("us-east-1", UP).schema["definitions"]["LambdaConfig"]["properties"]
TRIGGERS = sorted(k for k, v in _LC.items() if v.get("type") == "string" and k != "KMSKeyID")
TRIGGER_OBJECTS = sorted(k for k, v in _LC.items() if "$ref" in v)
LIMITS = [
    ("UserPoolName", "the user pool's name", ["api:cognito-idp:CreateUserPool.PoolName", f"cfn:{UP}:UserPoolName"], [(UP, "UserPoolName")]),
    ("ClientName", "the app client's name", ["api:cognito-idp:CreateUserPoolClient.ClientName", f"cfn:{CLIENT}:ClientName"], [(CLIENT, "ClientName")]),
    ("CallbackURL", "a callback URL", ["api:cognito-idp:CreateUserPoolClient.CallbackURLs", f"cfn:{CLIENT}:CallbackURLs"], [(CLIENT, "CallbackURLs")]),
    ("LogoutURL", "a logout URL", ["api:cognito-idp:CreateUserPoolClient.LogoutURLs", f"cfn:{CLIENT}:LogoutURLs"], [(CLIENT, "LogoutURLs")]),
    ("OAuthScope", "an OAuth scope of the client", ["api:cognito-idp:CreateUserPoolClient.AllowedOAuthScopes"], [(CLIENT, "AllowedOAuthScopes")]),
    ("OAuthFlow", "an OAuth flow", ["api:cognito-idp:CreateUserPoolClient.AllowedOAuthFlows"], [(CLIENT, "AllowedOAuthFlows")]),
    ("ExplicitAuthFlow", "an auth flow", ["api:cognito-idp:CreateUserPoolClient.ExplicitAuthFlows"], [(CLIENT, "ExplicitAuthFlows")]),
    ("SupportedIdentityProvider", "a provider of the client", ["api:cognito-idp:CreateUserPoolClient.SupportedIdentityProviders"], [(CLIENT, "SupportedIdentityProviders")]),
    ("ProviderName", "an identity provider's name", ["api:cognito-idp:CreateIdentityProvider.ProviderName", f"cfn:{IDP}:ProviderName"], [(IDP, "ProviderName")]),
    ("IdpIdentifier", "an identity provider's identifier", ["api:cognito-idp:CreateIdentityProvider.IdpIdentifiers", f"cfn:{IDP}:IdpIdentifiers"], [(IDP, "IdpIdentifiers")]),
    ("ProviderDetailKey", "a provider detail's name", ["api:cognito-idp:CreateIdentityProvider.ProviderDetails.@key", f"cfn:{IDP}:ProviderDetails.@key"], [(IDP, "ProviderDetails.@key")]),
    ("ProviderDetail", "a provider detail", ["api:cognito-idp:CreateIdentityProvider.ProviderDetails.*", f"cfn:{IDP}:ProviderDetails.*"], [(IDP, "ProviderDetails.*")]),
    ("AttributeMappingKey", "a mapped attribute's name", ["api:cognito-idp:CreateIdentityProvider.AttributeMapping.@key", f"cfn:{IDP}:AttributeMapping.@key"], [(IDP, "AttributeMapping.@key")]),
    ("AttributeMappingValue", "a provider attribute's name", ["api:cognito-idp:CreateIdentityProvider.AttributeMapping.*", f"cfn:{IDP}:AttributeMapping.*"], [(IDP, "AttributeMapping.*")]),
    ("DomainPrefix", "the domain prefix", ["api:cognito-idp:CreateUserPoolDomain.Domain"], []),
    ("GroupName", "a group's name", ["api:cognito-idp:CreateGroup.GroupName", "cfn:AWS::Cognito::UserPoolGroup:GroupName"], [("AWS::Cognito::UserPoolGroup", "GroupName")]),
    ("GroupDescription", "a group's description", ["api:cognito-idp:CreateGroup.Description", "cfn:AWS::Cognito::UserPoolGroup:Description"], [("AWS::Cognito::UserPoolGroup", "Description")]),
    ("GroupPrecedence", "a group's precedence", ["api:cognito-idp:CreateGroup.Precedence", "cfn:AWS::Cognito::UserPoolGroup:Precedence"], [("AWS::Cognito::UserPoolGroup", "Precedence")]),
    ("TriggerARN", "a trigger function's ARN", ["api:cognito-idp:CreateUserPool.LambdaConfig.PreSignUp"],
     [(UP, "LambdaConfig." + t) for t in TRIGGERS] + [(UP, "LambdaConfig.%s.LambdaArn" % t) for t in TRIGGER_OBJECTS]),
    ("PermissionFunctionName", "the function of the trigger's Lambda permission", ["cfn:AWS::Lambda::Permission:FunctionName"], [("AWS::Lambda::Permission", "FunctionName")]),
    ("KMSKeyID", "the custom senders' KMS key", ["api:cognito-idp:CreateUserPool.LambdaConfig.KMSKeyID"], [(UP, "LambdaConfig.KMSKeyID")]),
    ("SNSCallerARN", "the SMS role's ARN", ["api:cognito-idp:CreateUserPool.SmsConfiguration.SnsCallerArn"], [(UP, "SmsConfiguration.SnsCallerArn")]),
    ("AssumeRoleExternalID", "the external id a role's trust policy checks", ["api:sts:AssumeRole.ExternalId"], []),
    ("ExternalID", "the SMS role's external id", ["api:cognito-idp:CreateUserPool.SmsConfiguration.ExternalId"], [(UP, "SmsConfiguration.ExternalId")]),
    ("SNSRegion", "the SNS region", ["api:cognito-idp:CreateUserPool.SmsConfiguration.SnsRegion"], [(UP, "SmsConfiguration.SnsRegion")]),
    ("EmailSourceARN", "the SES identity's ARN", ["api:cognito-idp:CreateUserPool.EmailConfiguration.SourceArn"], [(UP, "EmailConfiguration.SourceArn")]),
    ("ReplyToEmailAddress", "the reply-to address", ["api:cognito-idp:CreateUserPool.EmailConfiguration.ReplyToEmailAddress"], [(UP, "EmailConfiguration.ReplyToEmailAddress")]),
    ("EmailFrom", "the From address", ["api:cognito-idp:CreateUserPool.EmailConfiguration.From"], [(UP, "EmailConfiguration.From")]),
    ("SMSAuthenticationMessage", "the SMS MFA message", ["api:cognito-idp:CreateUserPool.SmsAuthenticationMessage", f"cfn:{UP}:SmsAuthenticationMessage"], []),
    ("VerificationSMSMessage", "the verification SMS", ["api:cognito-idp:CreateUserPool.VerificationMessageTemplate.SmsMessage"], []),
    ("VerificationEmailMessage", "the verification email", ["api:cognito-idp:CreateUserPool.VerificationMessageTemplate.EmailMessage"], []),
    ("VerificationEmailSubject", "the verification email's subject", ["api:cognito-idp:CreateUserPool.VerificationMessageTemplate.EmailSubject"], []),
    ("VerificationEmailMessageByLink", "the verification email with a link", ["api:cognito-idp:CreateUserPool.VerificationMessageTemplate.EmailMessageByLink"], []),
    ("VerificationEmailSubjectByLink", "the verification email's subject", ["api:cognito-idp:CreateUserPool.VerificationMessageTemplate.EmailSubjectByLink"], []),
    ("InvitationSMSMessage", "the invitation SMS", ["api:cognito-idp:CreateUserPool.AdminCreateUserConfig.InviteMessageTemplate.SMSMessage"], []),
    ("InvitationEmailMessage", "the invitation email", ["api:cognito-idp:CreateUserPool.AdminCreateUserConfig.InviteMessageTemplate.EmailMessage"], []),
    ("InvitationEmailSubject", "the invitation email's subject", ["api:cognito-idp:CreateUserPool.AdminCreateUserConfig.InviteMessageTemplate.EmailSubject"], []),
    ("EmailMFAMessage", "the email MFA message", ["api:cognito-idp:SetUserPoolMfaConfig.EmailMfaConfiguration.Message", f"cfn:{UP}:EmailAuthenticationMessage"], []),
    ("EmailMFASubject", "the email MFA subject", ["api:cognito-idp:SetUserPoolMfaConfig.EmailMfaConfiguration.Subject", f"cfn:{UP}:EmailAuthenticationSubject"], []),
    ("WebAuthnRelyingPartyID", "the passkey relying party id", ["api:cognito-idp:SetUserPoolMfaConfig.WebAuthnConfiguration.RelyingPartyId", f"cfn:{UP}:WebAuthnRelyingPartyID"], [(UP, "WebAuthnRelyingPartyID")]),
    ("WebAuthnUserVerification", "the passkey user verification", ["api:cognito-idp:SetUserPoolMfaConfig.WebAuthnConfiguration.UserVerification"], [(UP, "WebAuthnUserVerification")]),
    ("SchemaAttribute", "the schema's attributes", ["api:cognito-idp:CreateUserPool.Schema"], []),
    ("SchemaAttributeName", "a schema attribute's name", ["api:cognito-idp:CreateUserPool.Schema.Name"], [(UP, "Schema.Name")]),
    ("AttributeDataType", "an attribute's data type", ["api:cognito-idp:CreateUserPool.Schema.AttributeDataType"], [(UP, "Schema.AttributeDataType")]),
    ("PasswordMinimumLength", "the minimum password length", ["api:cognito-idp:CreateUserPool.Policies.PasswordPolicy.MinimumLength"], [(UP, "Policies.PasswordPolicy.MinimumLength")]),
    ("PasswordHistorySize", "the password history", ["api:cognito-idp:CreateUserPool.Policies.PasswordPolicy.PasswordHistorySize"], [(UP, "Policies.PasswordPolicy.PasswordHistorySize")]),
    ("TemporaryPasswordValidityDays", "the temporary password validity", ["api:cognito-idp:CreateUserPool.Policies.PasswordPolicy.TemporaryPasswordValidityDays"], [(UP, "Policies.PasswordPolicy.TemporaryPasswordValidityDays")]),
    ("MFAConfiguration", "MfaConfiguration", ["api:cognito-idp:CreateUserPool.MfaConfiguration"], [(UP, "MfaConfiguration")]),
    ("UsernameAttribute", "a username attribute", ["api:cognito-idp:CreateUserPool.UsernameAttributes"], [(UP, "UsernameAttributes")]),
    ("AliasAttribute", "an alias attribute", ["api:cognito-idp:CreateUserPool.AliasAttributes"], [(UP, "AliasAttributes")]),
    ("AutoVerifiedAttribute", "an auto-verified attribute", ["api:cognito-idp:CreateUserPool.AutoVerifiedAttributes"], [(UP, "AutoVerifiedAttributes")]),
    ("VerifyBeforeUpdateAttribute", "an attribute verified before update", ["api:cognito-idp:CreateUserPool.UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate"], [(UP, "UserAttributeUpdateSettings.AttributesRequireVerificationBeforeUpdate")]),
    ("UserPoolTier", "the feature plan", ["api:cognito-idp:CreateUserPool.UserPoolTier"], [(UP, "UserPoolTier")]),
    ("DeletionProtection", "DeletionProtection", ["api:cognito-idp:CreateUserPool.DeletionProtection"], [(UP, "DeletionProtection")]),
    ("AdvancedSecurityMode", "the threat protection mode", ["api:cognito-idp:CreateUserPool.UserPoolAddOns.AdvancedSecurityMode"], [(UP, "UserPoolAddOns.AdvancedSecurityMode")]),
    ("FirstAuthFactor", "a first sign-in factor", ["api:cognito-idp:CreateUserPool.Policies.SignInPolicy.AllowedFirstAuthFactors"], [(UP, "Policies.SignInPolicy.AllowedFirstAuthFactors")]),
    ("DefaultEmailOption", "the verification style", ["api:cognito-idp:CreateUserPool.VerificationMessageTemplate.DefaultEmailOption"], [(UP, "VerificationMessageTemplate.DefaultEmailOption")]),
    ("RecoveryMechanism", "a recovery mechanism", ["api:cognito-idp:CreateUserPool.AccountRecoverySetting.RecoveryMechanisms.Name"], [(UP, "AccountRecoverySetting.RecoveryMechanisms.Name")]),
    ("EmailSendingAccount", "the email sending account", ["api:cognito-idp:CreateUserPool.EmailConfiguration.EmailSendingAccount"], [(UP, "EmailConfiguration.EmailSendingAccount")]),
    ("UserPoolID", "a user pool id", ["api:cognito-idp:DescribeUserPool.UserPoolId"], []),
    ("ClientID", "an app client id", ["api:cognito-idp:DescribeUserPoolClient.ClientId"], []),
    ("IdentityPoolID", "an identity pool id", ["api:cognito-identity:DescribeIdentityPool.IdentityPoolId"], []),
    ("TagKey", "a tag key", ["api:cognito-idp:CreateUserPool.UserPoolTags.@key", "api:cognito-identity:CreateIdentityPool.IdentityPoolTags.@key", "api:iam:CreateRole.Tags.Key"],
     [(UP, "UserPoolTags.@key"), ("AWS::Cognito::IdentityPool", "IdentityPoolTags.Key"), ("AWS::IAM::Role", "Tags.Key")]),
    ("TagValue", "a tag value", ["api:cognito-idp:CreateUserPool.UserPoolTags.*", "api:cognito-identity:CreateIdentityPool.IdentityPoolTags.*", "api:iam:CreateRole.Tags.Value"],
     [(UP, "UserPoolTags.*"), ("AWS::Cognito::IdentityPool", "IdentityPoolTags.Value"), ("AWS::IAM::Role", "Tags.Value")]),
    ("Tags", "the tags of a resource", ["api:iam:CreateRole.Tags"], [("AWS::IAM::Role", "Tags")]),
    ("WebACLArn", "the web ACL's ARN", ["api:wafv2:AssociateWebACL.WebACLArn", "cfn:AWS::WAFv2::WebACLAssociation:WebACLArn"], [("AWS::WAFv2::WebACLAssociation", "WebACLArn")]),
    ("IdentityPoolName", "the identity pool's name", ["api:cognito-identity:CreateIdentityPool.IdentityPoolName", "cfn:AWS::Cognito::IdentityPool:IdentityPoolName"], [("AWS::Cognito::IdentityPool", "IdentityPoolName")]),
]


class Limit:
    def __init__(self):
        self.min_len = self.max_len = self.min_items = self.max_items = self.min_value = self.max_value = None
        self.patterns, self.enum, self.kind = [], None, None

    def tighten(self, attr, value, stricter):
        if value is None:
            return
        cur = getattr(self, attr)
        setattr(self, attr, value if cur is None else stricter(cur, value))


def api_source(session, service, path, lim):
    op, *steps = path.split(".")
    shape = session.get_service_model(service).operation_model(op).input_shape
    for step in steps:
        if shape.type_name == "list":
            shape = shape.member
        if step == "*":
            shape = shape.value
        elif step == "@key":
            shape = shape.key
        else:
            shape = shape.members[step]
    if shape.type_name == "list":
        meta = shape.metadata
        lim.tighten("min_items", meta.get("min"), max)
        lim.tighten("max_items", meta.get("max"), min)
        shape = shape.member
    lim.kind = lim.kind or ("int" if shape.type_name == "integer" else "string" if shape.type_name == "string" else "object")
    meta = shape.metadata
    if shape.type_name == "integer":
        lim.tighten("min_value", meta.get("min"), max)
        lim.tighten("max_value", meta.get("max"), min)
    elif shape.type_name == "string":
        lim.tighten("min_len", meta.get("min") or None, max)
        lim.tighten("max_len", meta.get("max"), min)
        if "pattern" in meta:  # the API matches the whole value (Java's String.matches)
            lim.patterns.append("^(?:" + meta["pattern"] + ")$")
        if shape.enum:
            lim.enum = list(shape.enum)


def cfn_source(typ, path, lim):
    schema = PROVIDER_SCHEMA_MANAGER.get_resource_schema("us-east-1", typ).schema
    defs = schema.get("definitions", {})
    prop, *steps = path.split(".")
    node = schema["properties"][prop]

    def deref(n):
        while "$ref" in n:
            n = defs[n["$ref"].split("/")[-1]]
        return n

    node = deref(node)
    for step in steps:
        if node.get("type") == "array":
            node = deref(node["items"])
        if step == "*":
            (node,) = node["patternProperties"].values() if "patternProperties" in node else (node.get("additionalProperties", {}),)
        elif step == "@key":  # the schema's pattern for a map's keys
            keys = list(node.get("patternProperties", {}))
            node = {"type": "string", "pattern": keys[0]} if keys else {"type": "string"}
        else:
            node = node["properties"][step]
        node = deref(node)
    if node.get("type") == "array":
        lim.tighten("min_items", node.get("minItems"), max)
        lim.tighten("max_items", node.get("maxItems"), min)
        node = deref(node["items"])
    if node.get("type") == "integer":
        lim.tighten("min_value", node.get("minimum"), max)
        lim.tighten("max_value", node.get("maximum"), min)
    else:
        lim.tighten("min_len", node.get("minLength") or None, max)
        lim.tighten("max_len", node.get("maxLength"), min)
        if "pattern" in node:  # JSON Schema patterns search; those with ^...$ anchor themselves
            lim.patterns.append(node["pattern"])
        if "enum" in node:
            lim.enum = sorted(set(lim.enum or node["enum"]) & set(node["enum"]))


def go_string(s):
    if "`" in s:
        raise SystemExit("a pattern holds a backtick")
    return "`" + s + "`"


def main():
    session = botocore.session.get_session()
    w = sys.stdout.write
    w("// Code generated by internal/cognito/genlimits.py from the Cognito API models (botocore %s)\n" % botocore.__version__)
    w("// and the CloudFormation registry schemas (cfn-lint %s). DO NOT EDIT.\n\n" % cfnlint.version.__version__)
    w("package cognito\n\n")
    w("// ModelVersions names the models the limits were generated from.\n")
    w('const ModelVersions = "botocore %s, cfn-lint %s"\n\n' % (botocore.__version__, cfnlint.version.__version__))
    w("// The limits, one per value defineauth writes.\nvar (\n")
    for name, what, sources, locations in LIMITS:
        lim = Limit()
        for src in sources:
            kind, rest = src.split(":", 1)
            if kind == "api":
                service, path = rest.split(":", 1)
                api_source(session, service, path, lim)
            else:
                typ, path = rest.rsplit(":", 1)
                cfn_source(typ, path, lim)
        fields = ["What: %s" % go_string(what)]
        for attr, go in [("min_len", "MinLen"), ("max_len", "MaxLen"), ("min_items", "MinItems"), ("max_items", "MaxItems"),
                         ("min_value", "MinValue"), ("max_value", "MaxValue")]:
            v = getattr(lim, attr)
            if v is not None:
                if go in ("MinValue", "MaxValue"):
                    fields.append("%s: bound(%d)" % (go, v))
                elif v:
                    fields.append("%s: %d" % (go, v))
        if lim.patterns:
            fields.append("Patterns: []string{%s}" % ", ".join(go_string(p) for p in lim.patterns))
        if lim.enum:
            fields.append("Enum: []string{%s}" % ", ".join('"%s"' % e for e in lim.enum))
        fields.append("Sources: []string{%s}" % ", ".join('"%s"' % s.replace(":", " ", 1) for s in sources))
        if locations:
            fields.append("In: []Location{%s}" % ", ".join('{"%s", "%s"}' % l for l in locations))
        w("\t// %s is %s.\n" % (name, what))
        w("\t%s = &Limit{%s}\n" % (name, ", ".join(fields)))
    w(")\n\n// All lists every limit, in the order above.\nvar All = []*Limit{%s}\n" % ", ".join(n for n, *_ in LIMITS))
    w("\n// LambdaConfigFunctions are the entries of a user pool's LambdaConfig that are a\n// function's ARN; LambdaConfigObjects those that are objects {LambdaArn, LambdaVersion}\n// (from the registry schema of %s).\n" % UP)
    w("var (\n\tLambdaConfigFunctions = []string{%s}\n" % ", ".join('"%s"' % k for k in TRIGGERS))
    w("\tLambdaConfigObjects   = []string{%s}\n)\n" % ", ".join('"%s"' % k for k in TRIGGER_OBJECTS))


if __name__ == "__main__":
    main()
