// Package outputs turns the defineauth stack's outputs into the amplify_outputs.json
// file that Amplify's client libraries (aws-amplify JS v6, Swift, Android, Flutter)
// read with Amplify.configure. It is pure Go: it names the stack outputs (package
// spec declares them), and FromStackOutputs assembles the file from their deployed
// values.
package outputs

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/defineauth/defineauth/internal/cognito"
	"github.com/defineauth/defineauth/internal/strictjson"
)

// SchemaVersion is the amplify_outputs.json schema version written.
const SchemaVersion = "1.4"

// Names of the stack outputs, stable across versions: tools read them by name. Lists
// are JSON arrays in a string, since CloudFormation outputs are strings.
const (
	// Marker holds the outputs format version; its presence marks a defineauth stack.
	Marker                     = "DefineAuthOutputs"
	Region                     = "AuthRegion"
	UserPoolID                 = "UserPoolId"
	WebClientID                = "WebClientId"
	IdentityPoolID             = "IdentityPoolId"
	MFAConfiguration           = "MfaConfiguration"   // OFF, OPTIONAL or ON, as in the template
	MFATypes                   = "MfaTypes"           // ["SMS_MFA", "SOFTWARE_TOKEN_MFA", "EMAIL_OTP"] subset
	SignupAttributes           = "SignupAttributes"   // required standard attributes
	UsernameAttributes         = "UsernameAttributes" // ["email", "phone_number"] subset
	VerificationMechanisms     = "VerificationMechanisms"
	PasswordPolicyMinLength    = "PasswordPolicyMinLength"
	PasswordPolicyRequirements = "PasswordPolicyRequirements" // REQUIRES_LOWERCASE, _UPPERCASE, _NUMBERS, _SYMBOLS
	UnauthenticatedIdentities  = "UnauthenticatedIdentitiesEnabled"
	Groups                     = "Groups" // group names in precedence order
	// Passwordless is the passwordless block of amplify_outputs.json as JSON (see
	// Passwordless); present only when the pool allows passwordless sign-in or
	// names a preferred challenge.
	PasswordlessSettings = "Passwordless"
	// OAuthSettings is the hosted sign-in for the client as JSON (see OAuthOutput);
	// present only with external sign-in.
	OAuthSettings = "OAuth"
)

// descriptions explain each output in the CloudFormation console.
var descriptions = map[string]string{
	Marker:                     "defineauth outputs format version",
	Region:                     "Region of the auth resources",
	UserPoolID:                 "Cognito user pool id",
	WebClientID:                "Web app client id",
	IdentityPoolID:             "Cognito identity pool id",
	MFAConfiguration:           "MFA enforcement: OFF, OPTIONAL or ON",
	MFATypes:                   "Enabled MFA methods (JSON list)",
	SignupAttributes:           "Required standard attributes (JSON list)",
	UsernameAttributes:         "Sign-in attributes (JSON list)",
	VerificationMechanisms:     "Auto-verified attributes (JSON list)",
	PasswordPolicyMinLength:    "Minimum password length",
	PasswordPolicyRequirements: "Password character requirements (JSON list)",
	UnauthenticatedIdentities:  "Whether the identity pool allows guests",
	Groups:                     "User pool groups in precedence order (JSON list)",
	OAuthSettings:              "Hosted sign-in for the client (JSON: providers, domain prefix, scopes, redirect URLs)",
	PasswordlessSettings:       "Passwordless sign-in for the client (JSON, amplify_outputs.json's passwordless block)",
}

// Description explains the stack output name, for the template.
func Description(name string) string { return descriptions[name] }

// FormatVersion is the value of the Marker output: the version of this set of
// outputs. FromStackOutputs refuses a version it does not know.
const FormatVersion = "1"

// JSONList renders a list output's value: a JSON array in a string (CloudFormation
// outputs are strings), [] when empty.
func JSONList(s []string) string {
	if s == nil {
		s = []string{}
	}
	b, _ := json.Marshal(s)
	return string(b)
}

// File is amplify_outputs.json as written by defineauth: the schema version and the
// auth section.
type File struct {
	Version string `json:"version"`
	Auth    Auth   `json:"auth"`
}

// Auth is the auth section of amplify_outputs.json (schema 1.4). Empty lists are
// written as [], as Amplify's own pipeline writes them: aws-amplify then reports
// methods that are off as false rather than undefined.
type Auth struct {
	AWSRegion                        string             `json:"aws_region"`
	UserPoolID                       string             `json:"user_pool_id"`
	UserPoolClientID                 string             `json:"user_pool_client_id"`
	IdentityPoolID                   string             `json:"identity_pool_id,omitempty"`
	MFAConfiguration                 string             `json:"mfa_configuration"`
	MFAMethods                       []string           `json:"mfa_methods"`
	StandardRequiredAttributes       []string           `json:"standard_required_attributes"`
	UsernameAttributes               []string           `json:"username_attributes"`
	UserVerificationTypes            []string           `json:"user_verification_types"`
	PasswordPolicy                   PasswordPolicy     `json:"password_policy"`
	UnauthenticatedIdentitiesEnabled bool               `json:"unauthenticated_identities_enabled"`
	Groups                           []map[string]Group `json:"groups"`
	Passwordless                     *Passwordless      `json:"passwordless,omitempty"`
	OAuth                            *OAuth             `json:"oauth,omitempty"`
}

// OAuth is the oauth block (schema 1.4): the hosted sign-in the client redirects to.
type OAuth struct {
	IdentityProviders  []string `json:"identity_providers"`
	Domain             string   `json:"domain"`
	Scopes             []string `json:"scopes"`
	RedirectSignInURI  []string `json:"redirect_sign_in_uri"`
	RedirectSignOutURI []string `json:"redirect_sign_out_uri"`
	ResponseType       string   `json:"response_type"`
}

// OAuthOutput is the value of the OAuth stack output: the oauth block with the
// domain prefix instead of the domain, which FromStackOutputs completes with the
// region (<prefix>.auth.<region>.amazoncognito.com).
type OAuthOutput struct {
	IdentityProviders  []string `json:"identity_providers"`
	DomainPrefix       string   `json:"domain_prefix"`
	Scopes             []string `json:"scopes"`
	RedirectSignInURI  []string `json:"redirect_sign_in_uri"`
	RedirectSignOutURI []string `json:"redirect_sign_out_uri"`
	ResponseType       string   `json:"response_type"`
}

// Passwordless is the passwordless block (schema 1.4): which first factors besides
// the password the client may offer, and which it tries first.
type Passwordless struct {
	EmailOTPEnabled    bool      `json:"email_otp_enabled"`
	SMSOTPEnabled      bool      `json:"sms_otp_enabled"`
	WebAuthn           *WebAuthn `json:"web_authn,omitempty"`
	PreferredChallenge string    `json:"preferred_challenge,omitempty"`
}

// WebAuthn is the passkey settings of the passwordless block.
type WebAuthn struct {
	RelyingPartyID   string `json:"relying_party_id"`
	UserVerification string `json:"user_verification,omitempty"`
}

// passwordlessChallenges are the values preferred_challenge takes.
var passwordlessChallenges = cognito.FirstAuthFactors

// PasswordPolicy is the password_policy object. Every boolean is always written:
// Amplify's iOS library fails to decode the file otherwise.
type PasswordPolicy struct {
	MinLength        int  `json:"min_length"`
	RequireNumbers   bool `json:"require_numbers"`
	RequireLowercase bool `json:"require_lowercase"`
	RequireUppercase bool `json:"require_uppercase"`
	RequireSymbols   bool `json:"require_symbols"`
}

// Group is one entry of groups: {"NAME": {"precedence": n}}.
type Group struct {
	Precedence int `json:"precedence"`
}

// The vocabularies: template value -> amplify_outputs.json value.
var (
	mfaConfigurations = map[string]string{cognito.MFAOff: "NONE", cognito.MFAOptional: "OPTIONAL", cognito.MFAOn: "REQUIRED"}
	mfaMethods        = map[string]string{cognito.SMSMFA: "SMS", cognito.TOTPMFA: "TOTP", cognito.EmailOTP: "EMAIL"}
)

// IsDefineAuth reports whether a stack's outputs come from a defineauth stack.
func IsDefineAuth(stackOutputs map[string]string) bool {
	_, ok := stackOutputs[Marker]
	return ok
}

// FromStackOutputs assembles amplify_outputs.json from a deployed defineauth stack's
// outputs (name -> value). It reports every missing or malformed output at once.
func FromStackOutputs(out map[string]string) (*File, error) {
	if !IsDefineAuth(out) {
		return nil, fmt.Errorf("not a defineauth stack: it has no %s output", Marker)
	}
	if v := out[Marker]; v != FormatVersion {
		return nil, fmt.Errorf("the stack's outputs are in format %q, which this defineauth does not know (it reads %q): use the defineauth version that deployed the stack, or a newer one", excerpt(v), FormatVersion)
	}
	var problems []string
	get := func(name string) string {
		v, ok := out[name]
		if !ok || v == "" {
			problems = append(problems, "missing output "+name)
		}
		return v
	}
	list := func(name string) []string {
		var l []string
		if v := get(name); v != "" {
			if err := json.Unmarshal([]byte(v), &l); err != nil {
				problems = append(problems, fmt.Sprintf("output %s: want a JSON list of strings, got %q", name, excerpt(v)))
			}
		}
		if l == nil {
			l = []string{}
		}
		return l
	}
	a := Auth{
		AWSRegion:                  get(Region),
		UserPoolID:                 get(UserPoolID),
		UserPoolClientID:           get(WebClientID),
		IdentityPoolID:             out[IdentityPoolID],
		StandardRequiredAttributes: list(SignupAttributes),
		UsernameAttributes:         list(UsernameAttributes),
		UserVerificationTypes:      list(VerificationMechanisms),
	}
	checkIDs(&a, &problems)
	for _, name := range a.StandardRequiredAttributes {
		if !cognito.IsStandardAttribute(name) {
			problems = append(problems, fmt.Sprintf("output %s: %q is not a standard attribute", SignupAttributes, excerpt(name)))
		}
	}
	cfnMFA := get(MFAConfiguration)
	a.MFAConfiguration = mfaConfigurations[cfnMFA]
	if a.MFAConfiguration == "" && cfnMFA != "" {
		problems = append(problems, fmt.Sprintf("output %s: unknown value %q", MFAConfiguration, excerpt(cfnMFA)))
	}
	a.MFAMethods = []string{}
	for _, m := range list(MFATypes) {
		name, ok := mfaMethods[m]
		if !ok {
			problems = append(problems, fmt.Sprintf("output %s: unknown method %q", MFATypes, excerpt(m)))
		}
		a.MFAMethods = append(a.MFAMethods, name)
	}
	switch {
	case cfnMFA == cognito.MFAOff && len(a.MFAMethods) > 0:
		problems = append(problems, fmt.Sprintf("output %s is OFF but %s lists methods", MFAConfiguration, MFATypes))
	case (cfnMFA == cognito.MFAOn || cfnMFA == cognito.MFAOptional) && len(a.MFAMethods) == 0:
		problems = append(problems, fmt.Sprintf("output %s is %s but %s lists no method", MFAConfiguration, cfnMFA, MFATypes))
	}
	for _, l := range []struct {
		name string
		vals []string
	}{{UsernameAttributes, a.UsernameAttributes}, {VerificationMechanisms, a.UserVerificationTypes}} {
		for _, v := range l.vals {
			if v != "email" && v != "phone_number" {
				problems = append(problems, fmt.Sprintf("output %s: %q is not email or phone_number", l.name, excerpt(v)))
			}
		}
	}
	if v := get(PasswordPolicyMinLength); v != "" {
		n, err := strconv.Atoi(v)
		if l := cognito.PasswordMinimumLength; err != nil || l.CheckInt(n) != "" {
			problems = append(problems, fmt.Sprintf("output %s: want a length from %d to %d, got %q", PasswordPolicyMinLength, *l.MinValue, *l.MaxValue, excerpt(v)))
		}
		a.PasswordPolicy.MinLength = n
	}
	reqs := list(PasswordPolicyRequirements)
	a.PasswordPolicy.RequireLowercase = slices.Contains(reqs, "REQUIRES_LOWERCASE")
	a.PasswordPolicy.RequireUppercase = slices.Contains(reqs, "REQUIRES_UPPERCASE")
	a.PasswordPolicy.RequireNumbers = slices.Contains(reqs, "REQUIRES_NUMBERS")
	a.PasswordPolicy.RequireSymbols = slices.Contains(reqs, "REQUIRES_SYMBOLS")
	if v := get(UnauthenticatedIdentities); v != "" {
		b, err := strconv.ParseBool(v)
		if err != nil {
			problems = append(problems, fmt.Sprintf("output %s: want true or false, got %q", UnauthenticatedIdentities, excerpt(v)))
		}
		a.UnauthenticatedIdentitiesEnabled = b
	}
	a.Groups = []map[string]Group{}
	seen := map[string]bool{}
	for i, g := range list(Groups) {
		if seen[g] || g == "" {
			problems = append(problems, fmt.Sprintf("output %s: group %q is empty or listed twice", Groups, excerpt(g)))
		} else if msg := cognito.GroupName.Check(g); msg != "" {
			problems = append(problems, fmt.Sprintf("output %s: group %q %s", Groups, excerpt(g), msg))
		}
		seen[g] = true
		a.Groups = append(a.Groups, map[string]Group{g: {Precedence: i}})
	}
	if v := out[PasswordlessSettings]; v != "" { // optional: only with passwordless sign-in
		var p Passwordless
		if err := decodeStrict(v, &p); err != nil {
			problems = append(problems, fmt.Sprintf("output %s: %v", PasswordlessSettings, err))
		} else if p.PreferredChallenge != "" && !slices.Contains(passwordlessChallenges, p.PreferredChallenge) {
			problems = append(problems, fmt.Sprintf("output %s: unknown preferred challenge %q", PasswordlessSettings, excerpt(p.PreferredChallenge)))
		} else if p.WebAuthn != nil && p.WebAuthn.RelyingPartyID == "" {
			problems = append(problems, fmt.Sprintf("output %s: web_authn without a relying party id", PasswordlessSettings))
		} else if w := p.WebAuthn; w != nil {
			if msg := cognito.WebAuthnRelyingPartyID.Check(w.RelyingPartyID); msg != "" {
				problems = append(problems, fmt.Sprintf("output %s: the relying party id %q %s", PasswordlessSettings, excerpt(w.RelyingPartyID), msg))
			}
			if v := w.UserVerification; v != "" && cognito.WebAuthnUserVerification.Check(v) != "" {
				problems = append(problems, fmt.Sprintf("output %s: user_verification %q %s", PasswordlessSettings, excerpt(v), cognito.WebAuthnUserVerification.Check(v)))
			}
		}
		a.Passwordless = &p
	}
	if v := out[OAuthSettings]; v != "" { // optional: only with external sign-in
		var o OAuthOutput
		switch err := decodeStrict(v, &o); {
		case err != nil:
			problems = append(problems, fmt.Sprintf("output %s: %v", OAuthSettings, err))
		case o.DomainPrefix == "" || len(o.RedirectSignInURI) == 0 || o.ResponseType != "code":
			problems = append(problems, fmt.Sprintf("output %s: a domain prefix, a callback URL and the code response type are required", OAuthSettings))
		case oauthProblems(o, &problems):
		default:
			a.OAuth = &OAuth{IdentityProviders: nonNil(o.IdentityProviders), Domain: o.DomainPrefix + ".auth." + a.AWSRegion + ".amazoncognito.com",
				Scopes: nonNil(o.Scopes), RedirectSignInURI: o.RedirectSignInURI, RedirectSignOutURI: nonNil(o.RedirectSignOutURI), ResponseType: o.ResponseType}
		}
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		return nil, fmt.Errorf("the stack's outputs are incomplete: %s", strings.Join(problems, "; "))
	}
	return &File{Version: SchemaVersion, Auth: a}, nil
}

// nonNil writes an absent list as [].
func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// decodeStrict decodes a JSON output value: no duplicate or unknown members.
func decodeStrict(v string, into any) error {
	if _, err := strictjson.Parse([]byte(v)); err != nil {
		return err
	}
	d := json.NewDecoder(strings.NewReader(v))
	d.DisallowUnknownFields()
	return d.Decode(into)
}

// excerpt shortens a value quoted in a message.
func excerpt(s string) string { return strictjson.Excerpt(s) }

// JSON renders the file as indented JSON with a final newline.
func (f *File) JSON() []byte {
	b, _ := json.MarshalIndent(f, "", "  ")
	return append(b, '\n')
}

// checkIDs checks the ids the client file names: the region's form, a user pool id
// of that region (the client takes the region and the SRP pool name from it), the
// client id and the identity pool id, each as Cognito's API model writes them.
func checkIDs(a *Auth, problems *[]string) {
	if a.AWSRegion != "" && !cognito.IsRegion(a.AWSRegion) {
		*problems = append(*problems, fmt.Sprintf("output %s: %q is not a region name", Region, excerpt(a.AWSRegion)))
	}
	for _, id := range []struct {
		output, value, prefix string
		limit                 *cognito.Limit
	}{
		{UserPoolID, a.UserPoolID, a.AWSRegion + "_", cognito.UserPoolID},
		{WebClientID, a.UserPoolClientID, "", cognito.ClientID},
		{IdentityPoolID, a.IdentityPoolID, a.AWSRegion + ":", cognito.IdentityPoolID},
	} {
		switch {
		case id.value == "":
		case id.limit.Check(id.value) != "":
			*problems = append(*problems, fmt.Sprintf("output %s: %q %s", id.output, excerpt(id.value), id.limit.Check(id.value)))
		case !strings.HasPrefix(id.value, id.prefix):
			*problems = append(*problems, fmt.Sprintf("output %s: %q is not an id of the region %s", id.output, excerpt(id.value), excerpt(a.AWSRegion)))
		}
	}
}

// socialProviders are the names amplify_outputs.json gives the social providers, by
// their Cognito provider type; OIDC and SAML providers appear under their own names.
var socialProviders = map[string]string{"Google": "GOOGLE", "Facebook": "FACEBOOK", "LoginWithAmazon": "LOGIN_WITH_AMAZON", "SignInWithApple": "SIGN_IN_WITH_APPLE"}

// ProviderName is how amplify_outputs.json names an identity provider of the pool,
// from its Cognito provider type and name.
func ProviderName(providerType, name string) string {
	if n, ok := socialProviders[providerType]; ok {
		return n
	}
	return name
}

// oauthProblems adds what no defineauth stack writes in the OAuth output (the client
// would send users' sign-in to whatever the file names) and reports whether there
// was any: the domain prefix as Cognito takes it (so the domain is Cognito's), the
// providers' names, the scopes, and the redirect URLs as Cognito accepts them.
func oauthProblems(o OAuthOutput, problems *[]string) bool {
	n := len(*problems)
	add := func(format string, args ...any) {
		*problems = append(*problems, fmt.Sprintf("output %s: ", OAuthSettings)+fmt.Sprintf(format, args...))
	}
	if msg := cognito.DomainPrefixProblem(o.DomainPrefix); msg != "" {
		add("the domain prefix %q %s", excerpt(o.DomainPrefix), msg)
	}
	for _, p := range o.IdentityProviders {
		if slices.Contains(slices.Collect(maps.Values(socialProviders)), p) {
			continue
		}
		if msg := cognito.ProviderName.Check(p); msg != "" {
			add("the identity provider %q %s", excerpt(p), msg)
		}
	}
	for _, sc := range o.Scopes {
		if msg := cognito.OAuthScope.Check(sc); msg != "" {
			add("the scope %q %s", excerpt(sc), msg)
		}
	}
	for _, l := range []struct {
		what string
		urls []string
		lim  *cognito.Limit
	}{{"redirect_sign_in_uri", o.RedirectSignInURI, cognito.CallbackURL}, {"redirect_sign_out_uri", o.RedirectSignOutURI, cognito.LogoutURL}} {
		if msg := l.lim.CheckCount(len(l.urls)); msg != "" {
			add("%s %s", l.what, msg)
		}
		for _, u := range l.urls {
			msg := l.lim.Check(u)
			if msg == "" {
				msg = cognito.RedirectURLProblem(u)
			}
			if msg != "" {
				add("%s %q %s", l.what, excerpt(u), msg)
			}
		}
	}
	return len(*problems) > n
}
