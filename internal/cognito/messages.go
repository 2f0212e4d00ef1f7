package cognito

// What Cognito accepts in the messages it sends: for each kind of message, its
// length (from the generated limits) and the placeholders it must contain, and the
// characters any message may hold. Config validation and the template lint both
// check messages with it.

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// MessageKind is one kind of message.
type MessageKind struct {
	// What names it in a problem ("the SMS message").
	What string
	// Min and Max bound its length in characters.
	Min, Max int
	// Needs are the placeholders it must contain, with what each stands for.
	Needs []Placeholder
	// Link asks for a {##text##} link placeholder instead.
	Link bool
}

// Placeholder is a placeholder Cognito replaces, and what it stands for.
type Placeholder struct{ Text, Meaning string }

var (
	code     = Placeholder{"{####}", "the code"}
	password = Placeholder{"{####}", "the temporary password"}
	username = Placeholder{"{username}", "the user name"}
)

// The kinds of message.
var (
	SMSCode        = MessageKind{What: "the SMS message", Min: SMSAuthenticationMessage.MinLen, Max: SMSAuthenticationMessage.MaxLen, Needs: []Placeholder{code}}
	EmailCode      = MessageKind{What: "the email message", Min: VerificationEmailMessage.MinLen, Max: VerificationEmailMessage.MaxLen, Needs: []Placeholder{code}}
	EmailLink      = MessageKind{What: "the email message", Min: VerificationEmailMessageByLink.MinLen, Max: VerificationEmailMessageByLink.MaxLen, Link: true}
	InvitationSMS  = MessageKind{What: "the invitation SMS", Min: InvitationSMSMessage.MinLen, Max: InvitationSMSMessage.MaxLen, Needs: []Placeholder{username, password}}
	InvitationMail = MessageKind{What: "the invitation email", Min: InvitationEmailMessage.MinLen, Max: InvitationEmailMessage.MaxLen, Needs: []Placeholder{username, password}}
	Subject        = MessageKind{What: "the subject", Min: VerificationEmailSubject.MinLen, Max: VerificationEmailSubject.MaxLen}
)

var link = regexp.MustCompile(`\{##(.*?)##\}`)

// hasLink reports whether text has a {##text##} placeholder with visible text ({####}
// is the code placeholder, not a link).
func hasLink(text string) bool {
	for _, m := range link.FindAllStringSubmatch(text, -1) {
		if strings.Trim(m[1], "#") != "" {
			return true
		}
	}
	return false
}

// Issue is one problem with a message: what is wrong and how to fix it.
type Issue struct{ Message, Fix string }

// CheckMessage returns every problem of text as a message of kind k.
func CheckMessage(k MessageKind, text string) []Issue {
	var out []Issue
	for _, p := range k.Needs {
		if !strings.Contains(text, p.Text) {
			out = append(out, Issue{fmt.Sprintf("%s has no %s placeholder (%s), so users would not get it", k.What, p.Text, p.Meaning),
				fmt.Sprintf("put %s where %s goes", p.Text, p.Meaning)})
		}
	}
	if k.Link && !hasLink(text) {
		out = append(out, Issue{k.What + " has no {##text##} link placeholder, so users could not verify",
			"put the link in, e.g. {##Verify your email##}"})
	}
	if n := Length(text); n < k.Min || n > k.Max {
		out = append(out, Issue{fmt.Sprintf("%s is %d characters long; Cognito takes %d to %d", k.What, n, k.Min, k.Max),
			fmt.Sprintf("write %d to %d characters", k.Min, k.Max)})
	}
	if r, ok := badRune(text); ok {
		out = append(out, Issue{fmt.Sprintf("%s contains %U, which Cognito refuses", k.What, r),
			"use letters, digits, punctuation, symbols, spaces, tabs and line breaks only"})
	}
	return out
}

// badRune returns the first character Cognito's message pattern refuses: anything
// but letters, marks, symbols, numbers, punctuation and ASCII white space (so no
// other control characters, and no Unicode spaces such as U+00A0).
func badRune(s string) (rune, bool) {
	for _, r := range s {
		if strings.ContainsRune(" \t\n\r\f", r) || unicode.In(r, unicode.L, unicode.M, unicode.S, unicode.N, unicode.P) {
			continue
		}
		return r, true
	}
	return 0, false
}
