package access_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/defineauth/defineauth/construct/access"
	"github.com/defineauth/defineauth/internal/golden"
)

func TestIAMActions(t *testing.T) {
	for _, tc := range []struct {
		names []string
		want  string // joined IAM actions, or "error: <part of the message>"
	}{
		{[]string{"addUserToGroup"}, "cognito-idp:AdminAddUserToGroup"},
		{[]string{"manageGroupMembership", "addUserToGroup"}, "cognito-idp:AdminAddUserToGroup cognito-idp:AdminRemoveUserFromGroup"},
		{[]string{"managePasswordRecovery"}, "cognito-idp:AdminResetUserPassword cognito-idp:AdminSetUserPassword"},
		{[]string{"listUsers", "listUsersInGroup"}, "cognito-idp:ListUsers cognito-idp:ListUsersInGroup"},
		{[]string{"manageUsers", "ManageUsers", "x"}, `error: unknown action "ManageUsers", "x"`},
		{nil, "error: no action named"},
	} {
		got, err := access.IAMActions(tc.names...)
		s := strings.Join(got, " ")
		if err != nil {
			s = "error: " + err.Error()
		}
		if !strings.HasPrefix(s, tc.want) {
			t.Errorf("IAMActions(%v) = %q, want %q", tc.names, s, tc.want)
		}
	}
}

// TestTable: names are unique, every action is a cognito-idp action, and each set
// is the union of single actions that exist on their own too (so a grant can
// always be narrowed).
func TestTable(t *testing.T) {
	seen := map[string]bool{}
	singles := map[string]bool{}
	for _, a := range access.All() {
		if seen[a.Name] || a.Summary == "" || len(a.IAM) == 0 {
			t.Errorf("bad entry %+v", a)
		}
		seen[a.Name] = true
		for _, x := range a.IAM {
			if !strings.HasPrefix(x, "cognito-idp:") {
				t.Errorf("%s: %s is not a Cognito user pool action", a.Name, x)
			}
		}
		if len(a.IAM) == 1 {
			singles[a.IAM[0]] = true
		}
	}
	for _, a := range access.All() {
		for _, x := range a.IAM {
			if !singles[x] {
				t.Errorf("%s allows %s, which no single action names", a.Name, x)
			}
		}
	}
	if !slices.Contains(access.Names(), "setUserMfaPreference") {
		t.Error("setUserMfaPreference missing")
	}
}

// The IAM actions behind a grant of Amplify's named actions.
func ExampleIAMActions() {
	actions, _ := access.IAMActions("manageUserDevices", "setUserMfaPreference")
	for _, a := range actions {
		fmt.Println(a)
	}
	// Output:
	// cognito-idp:AdminForgetDevice
	// cognito-idp:AdminGetDevice
	// cognito-idp:AdminListDevices
	// cognito-idp:AdminSetUserMFAPreference
	// cognito-idp:AdminUpdateDeviceStatus
}

// TestREADMETable: the README lists exactly these actions; go test
// ./construct/access -update rewrites the list.
func TestREADMETable(t *testing.T) {
	golden.Section(t, "../../README.md", "<!-- access:begin (go test ./construct/access -update) -->\n", "<!-- access:end -->\n", access.Table())
}
