// Package handlers holds the logic of the example's two Cognito triggers, written in
// Go and tested as plain functions; presignup and pretoken are the thin Lambda
// mains around them.
package handlers

import (
	"context"
	"os"
	"slices"
	"strings"

	"github.com/aws/aws-lambda-go/events"
)

// AllowedDomainsEnv names the environment variable with the comma-separated email
// domains whose users are confirmed without a code.
const AllowedDomainsEnv = "ALLOWED_DOMAINS"

// OrgClaim is the claim PreTokenGeneration adds to the ID and access tokens.
const OrgClaim = "org"

// emailDomain returns the lower-case domain of an address, "" when it has none.
func emailDomain(email string) string {
	at := strings.LastIndexByte(email, '@')
	if at < 0 || at == len(email)-1 {
		return ""
	}
	return strings.ToLower(email[at+1:])
}

// allowedDomains reads AllowedDomainsEnv.
func allowedDomains() []string {
	var out []string
	for _, d := range strings.Split(os.Getenv(AllowedDomainsEnv), ",") {
		if d = strings.ToLower(strings.TrimSpace(d)); d != "" {
			out = append(out, d)
		}
	}
	return out
}

// PreSignUp confirms users whose email domain is allow-listed and marks their
// email verified, so they can sign in at once; everyone else confirms with the
// code Cognito sends. Sign-ups from external providers are left alone.
func PreSignUp(_ context.Context, ev events.CognitoEventUserPoolsPreSignup) (events.CognitoEventUserPoolsPreSignup, error) {
	if ev.TriggerSource == "PreSignUp_ExternalProvider" {
		return ev, nil
	}
	if d := emailDomain(ev.Request.UserAttributes["email"]); d != "" && slices.Contains(allowedDomains(), d) {
		ev.Response.AutoConfirmUser = true
		ev.Response.AutoVerifyEmail = true
	}
	return ev, nil
}

// PreTokenGeneration (event version V2_0) adds the user's email domain as the "org"
// claim to both the ID and the access token, so an API can authorize on it
// without reading the user. It keeps the groups and roles Cognito chose.
func PreTokenGeneration(_ context.Context, ev events.CognitoEventUserPoolsPreTokenGenV2_0) (events.CognitoEventUserPoolsPreTokenGenV2_0, error) {
	d := emailDomain(ev.Request.UserAttributes["email"])
	out := &ev.Response.ClaimsAndScopeOverrideDetails
	out.GroupOverrideDetails = ev.Request.GroupConfiguration
	if d == "" {
		return ev, nil
	}
	out.IDTokenGeneration.ClaimsToAddOrOverride = map[string]any{OrgClaim: d}
	out.AccessTokenGeneration.ClaimsToAddOrOverride = map[string]any{OrgClaim: d}
	return ev, nil
}
