// Package access names what other resources may do with a user pool, in Amplify's
// vocabulary (manageUsers, addUserToGroup, ...), and maps each name to the exact
// Cognito IAM actions it allows. Auth.Grant in package construct grants them on one
// pool's ARN; this package is pure Go so tools can list and check names without jsii.
package access

import (
	"fmt"
	"slices"
	"strings"
)

// An Action is a named set of Cognito IAM actions.
type Action struct {
	// Name is the name a Grant call uses, e.g. "manageUsers".
	Name string
	// Summary says what the grantee may do.
	Summary string
	// IAM lists the cognito-idp actions, on the pool's ARN only.
	IAM []string
}

const idp = "cognito-idp:"

// actions is every named action: first the sets, then the single API actions.
var actions = []Action{
	{"manageUsers", "create, read, update, enable, disable and delete users, sign them out, set their MFA preference", iam(
		"AdminConfirmSignUp", "AdminCreateUser", "AdminDeleteUser", "AdminDeleteUserAttributes", "AdminDisableUser",
		"AdminEnableUser", "AdminGetUser", "AdminListGroupsForUser", "AdminRespondToAuthChallenge",
		"AdminSetUserMFAPreference", "AdminSetUserSettings", "AdminUpdateUserAttributes", "AdminUserGlobalSignOut")},
	{"manageGroups", "create, read, update and delete groups", iam("GetGroup", "ListGroups", "CreateGroup", "DeleteGroup", "UpdateGroup")},
	{"manageGroupMembership", "add users to groups and remove them", iam("AdminAddUserToGroup", "AdminRemoveUserFromGroup")},
	{"manageUserDevices", "read, update and forget users' remembered devices", iam("AdminForgetDevice", "AdminGetDevice", "AdminListDevices", "AdminUpdateDeviceStatus")},
	{"managePasswordRecovery", "reset and set users' passwords", iam("AdminResetUserPassword", "AdminSetUserPassword")},
	{"addUserToGroup", "add any user to any group", iam("AdminAddUserToGroup")},
	{"confirmSignUp", "confirm any user's sign-up", iam("AdminConfirmSignUp")},
	{"createUser", "create users (and send their invitations)", iam("AdminCreateUser")},
	{"deleteUser", "delete any user", iam("AdminDeleteUser")},
	{"deleteUserAttributes", "delete attributes of any user", iam("AdminDeleteUserAttributes")},
	{"disableUser", "disable any user", iam("AdminDisableUser")},
	{"enableUser", "enable any user", iam("AdminEnableUser")},
	{"forgetDevice", "forget any user's remembered device", iam("AdminForgetDevice")},
	{"getDevice", "read any user's device", iam("AdminGetDevice")},
	{"getUser", "read any user", iam("AdminGetUser")},
	{"listDevices", "list any user's devices", iam("AdminListDevices")},
	{"listGroupsForUser", "list the groups of any user", iam("AdminListGroupsForUser")},
	{"listUsers", "list and search users", iam("ListUsers")},
	{"listUsersInGroup", "list the members of a group", iam("ListUsersInGroup")},
	{"listGroups", "list groups", iam("ListGroups")},
	{"getGroup", "read a group", iam("GetGroup")},
	{"createGroup", "create groups", iam("CreateGroup")},
	{"updateGroup", "change a group's description, precedence or role", iam("UpdateGroup")},
	{"deleteGroup", "delete groups", iam("DeleteGroup")},
	{"removeUserFromGroup", "remove any user from any group", iam("AdminRemoveUserFromGroup")},
	{"resetUserPassword", "reset any user's password (the user sets a new one with a code)", iam("AdminResetUserPassword")},
	{"respondToAuthChallenge", "answer sign-in challenges on a user's behalf", iam("AdminRespondToAuthChallenge")},
	{"setUserMfaPreference", "turn any user's MFA methods on or off (the way back for a lost device)", iam("AdminSetUserMFAPreference")},
	{"setUserPassword", "set any user's password", iam("AdminSetUserPassword")},
	{"setUserSettings", "set any user's legacy MFA settings", iam("AdminSetUserSettings")},
	{"updateDeviceStatus", "mark any user's device remembered or not", iam("AdminUpdateDeviceStatus")},
	{"updateUserAttributes", "change attributes of any user", iam("AdminUpdateUserAttributes")},
	{"userGlobalSignOut", "sign any user out of every device", iam("AdminUserGlobalSignOut")},
}

func iam(names ...string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = idp + n
	}
	return out
}

// All returns every named action, the sets first.
func All() []Action {
	out := slices.Clone(actions)
	for i := range out {
		out[i].IAM = slices.Clone(out[i].IAM)
	}
	return out
}

// IAMActions returns the sorted, distinct Cognito IAM actions the names allow, or an
// error naming every unknown name.
func IAMActions(names ...string) ([]string, error) {
	if len(names) == 0 {
		return nil, fmt.Errorf("no action named; use one of: %s", strings.Join(Names(), ", "))
	}
	var out []string
	var unknown []string
	for _, n := range names {
		i := slices.IndexFunc(actions, func(a Action) bool { return a.Name == n })
		if i < 0 {
			unknown = append(unknown, fmt.Sprintf("%q", n))
			continue
		}
		out = append(out, actions[i].IAM...)
	}
	if len(unknown) > 0 {
		return nil, fmt.Errorf("unknown action %s; use one of: %s", strings.Join(unknown, ", "), strings.Join(Names(), ", "))
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// Names lists the action names, the sets first.
func Names() []string {
	out := make([]string, len(actions))
	for i, a := range actions {
		out[i] = a.Name
	}
	return out
}

// Table renders the actions as a Markdown table (the README's list).
func Table() string {
	var b strings.Builder
	b.WriteString("| action | the grantee may | IAM actions (`cognito-idp:`) |\n|---|---|---|\n")
	for _, a := range actions {
		short := make([]string, len(a.IAM))
		for i, x := range a.IAM {
			short[i] = strings.TrimPrefix(x, idp)
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s |\n", a.Name, a.Summary, strings.Join(short, ", "))
	}
	return b.String()
}
