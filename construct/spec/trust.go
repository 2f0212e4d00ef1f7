package spec

// The principals and trust of the roles and permissions the Auth construct makes,
// once for both renderings (the template here, the CDK resources in the construct).
const (
	// CognitoIdentityPrincipal is the federated principal of identity pool roles.
	CognitoIdentityPrincipal = "cognito-identity.amazonaws.com"
	// IdentityRoleAction is how identity pool identities assume their role.
	IdentityRoleAction = "sts:AssumeRoleWithWebIdentity"
	// CognitoPrincipal is the user pool service: it assumes the SMS role and invokes
	// the triggers.
	CognitoPrincipal = "cognito-idp.amazonaws.com"
)

// TrustConditions is the condition of the role's trust policy: only identities of
// the identity pool idPool (its id, a Ref in the template) with the role's
// authentication kind (authenticated or unauthenticated) may assume it.
func (r IdentityRole) TrustConditions(idPool any) map[string]any {
	return map[string]any{
		"StringEquals":           map[string]any{CognitoIdentityPrincipal + ":aud": idPool},
		"ForAnyValue:StringLike": map[string]any{CognitoIdentityPrincipal + ":amr": r.AMR},
	}
}

// NagMetadata is the "cdk_nag" metadata cdk-nag reads for the suppressions; nil
// without any.
func NagMetadata(ss []Suppression) map[string]any {
	if len(ss) == 0 {
		return nil
	}
	var rules []any
	for _, s := range ss {
		rule := map[string]any{"id": s.ID, "reason": s.Reason}
		if len(s.AppliesTo) > 0 {
			rule["applies_to"] = s.AppliesTo
		}
		rules = append(rules, rule)
	}
	return map[string]any{"rules_to_suppress": rules}
}
