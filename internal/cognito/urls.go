package cognito

import (
	"net/url"
	"strings"
)

// RedirectURLProblem says what Cognito refuses in a callback or logout URL ("" when
// nothing): it must be absolute, without a #fragment (OAuth forbids one in redirect
// URLs), and https unless it is http to localhost; an app's own scheme
// (myapp://callback) is allowed for native apps. Lengths are CallbackURL's.
func RedirectURLProblem(s string) string {
	u, err := url.Parse(s)
	switch {
	case err != nil || !u.IsAbs() || u.Host == "":
		return "is not an absolute URL"
	case u.Fragment != "":
		return "has a #fragment, which OAuth forbids in redirect URLs"
	case u.Scheme == "https":
		return ""
	case u.Scheme == "http" && (u.Hostname() == "localhost" || u.Hostname() == "127.0.0.1"):
		return ""
	case u.Scheme == "http":
		return "uses http, which Cognito allows only for localhost"
	}
	return "" // an app's own scheme
}

// reservedInPrefix are the words Cognito refuses in a domain prefix.
var reservedInPrefix = []string{"aws", "amazon", "cognito"}

// DomainPrefixProblem says what Cognito refuses in a hosted domain prefix ("" when
// nothing): DomainPrefix's length and pattern, and the reserved words aws, amazon and
// cognito.
func DomainPrefixProblem(d string) string {
	if msg := DomainPrefix.Check(d); msg != "" {
		return msg
	}
	for _, w := range reservedInPrefix {
		if strings.Contains(d, w) {
			return "contains the reserved word " + w + ", which Cognito refuses"
		}
	}
	return ""
}
