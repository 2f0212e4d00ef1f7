package cognito_test

import (
	"strings"
	"testing"

	"github.com/defineauth/defineauth/internal/cognito"
)

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		kind cognito.MessageKind
		text string
		want string // "" = accepted, else a part of the first issue
	}{
		{cognito.SMSCode, "Your code is {####}", ""},
		{cognito.SMSCode, "Your code is 1234", "no {####}"},
		{cognito.SMSCode, "Code {####}\nBye", ""},
		{cognito.SMSCode, "Code {####}" + strings.Repeat("x", 135), "146 characters"},
		{cognito.SMSCode, "Code\u00a0{####}", "U+00A0"},
		{cognito.SMSCode, "Code\x07{####}", "U+0007"},
		{cognito.EmailCode, "<p>Dein Code: <b>{####}</b></p> ✓", ""},
		{cognito.EmailLink, "Click {##Verify Email##} to verify", ""},
		{cognito.EmailLink, "Click {####} to verify", "no {##text##}"},
		{cognito.InvitationMail, "Hi {username}, password {####}", ""},
		{cognito.InvitationMail, "Hi, password {####}", "no {username}"},
		{cognito.InvitationSMS, "Hi {username}", "no {####}"},
		{cognito.Subject, "Welcome", ""},
		{cognito.Subject, "", "0 characters"},
		{cognito.Subject, strings.Repeat("s", 141), "141 characters"},
	} {
		issues := cognito.CheckMessage(tc.kind, tc.text)
		switch {
		case tc.want == "" && len(issues) > 0:
			t.Errorf("%q as %s: unexpected %v", tc.text, tc.kind.What, issues)
		case tc.want != "" && (len(issues) == 0 || !strings.Contains(issues[0].Message, tc.want)):
			t.Errorf("%q as %s: got %v, want %q", tc.text, tc.kind.What, issues, tc.want)
		}
	}
}

// TestMessageKindsCoverEveryField: each kind's length is the model's for every field
// checked with it (one kind serves several fields only where the models agree).
func TestMessageKindsCoverEveryField(t *testing.T) {
	for _, tc := range []struct {
		kind   cognito.MessageKind
		fields []*cognito.Limit
	}{
		{cognito.SMSCode, []*cognito.Limit{cognito.SMSAuthenticationMessage, cognito.VerificationSMSMessage}},
		{cognito.EmailCode, []*cognito.Limit{cognito.VerificationEmailMessage, cognito.EmailMFAMessage}},
		{cognito.EmailLink, []*cognito.Limit{cognito.VerificationEmailMessageByLink}},
		{cognito.InvitationSMS, []*cognito.Limit{cognito.InvitationSMSMessage}},
		{cognito.InvitationMail, []*cognito.Limit{cognito.InvitationEmailMessage}},
		{cognito.Subject, []*cognito.Limit{cognito.VerificationEmailSubject, cognito.VerificationEmailSubjectByLink, cognito.InvitationEmailSubject, cognito.EmailMFASubject}},
	} {
		for _, l := range tc.fields {
			if l.MinLen != tc.kind.Min || l.MaxLen != tc.kind.Max {
				t.Errorf("%s is %d to %d, but %s takes %d to %d", tc.kind.What, tc.kind.Min, tc.kind.Max, l.What, l.MinLen, l.MaxLen)
			}
		}
	}
}
