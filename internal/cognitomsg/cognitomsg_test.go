package cognitomsg_test

import (
	"strings"
	"testing"

	"github.com/defineauth/defineauth/internal/cognitomsg"
	_ "github.com/defineauth/defineauth/internal/golden" // accepts -update (go test ./... -update)
)

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		kind cognitomsg.Kind
		text string
		want string // "" = accepted, else a part of the first issue
	}{
		{cognitomsg.SMSCode, "Your code is {####}", ""},
		{cognitomsg.SMSCode, "Your code is 1234", "no {####}"},
		{cognitomsg.SMSCode, "Code {####}\nBye", ""},
		{cognitomsg.SMSCode, "Code {####}" + strings.Repeat("x", 135), "146 characters"},
		{cognitomsg.SMSCode, "Code\u00a0{####}", "U+00A0"},
		{cognitomsg.SMSCode, "Code\x07{####}", "U+0007"},
		{cognitomsg.EmailCode, "<p>Dein Code: <b>{####}</b></p> ✓", ""},
		{cognitomsg.EmailLink, "Click {##Verify Email##} to verify", ""},
		{cognitomsg.EmailLink, "Click {####} to verify", "no {##text##}"},
		{cognitomsg.InvitationMail, "Hi {username}, password {####}", ""},
		{cognitomsg.InvitationMail, "Hi, password {####}", "no {username}"},
		{cognitomsg.InvitationSMS, "Hi {username}", "no {####}"},
		{cognitomsg.Subject, "Welcome", ""},
		{cognitomsg.Subject, "", "0 characters"},
		{cognitomsg.Subject, strings.Repeat("s", 141), "141 characters"},
	} {
		issues := cognitomsg.Check(tc.kind, tc.text)
		switch {
		case tc.want == "" && len(issues) > 0:
			t.Errorf("%q as %s: unexpected %v", tc.text, tc.kind.What, issues)
		case tc.want != "" && (len(issues) == 0 || !strings.Contains(issues[0].Message, tc.want)):
			t.Errorf("%q as %s: got %v, want %q", tc.text, tc.kind.What, issues, tc.want)
		}
	}
}
