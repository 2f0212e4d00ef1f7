package config

import (
	"path/filepath"
	"regexp"
	"strings"
)

// Names derived from Config.Name, and the limits that bound it.
const (
	// StackNamePrefix starts the ready-made stack's name: "defineauth-<name>".
	StackNamePrefix = "defineauth-"
	// WebClientSuffix ends the web client's name: "<name>-web".
	WebClientSuffix = "-web"
	// MaxNameLength is the longest name: CloudFormation stack names have at most 128
	// characters, and the stack is named StackNamePrefix + name. (User pool, identity
	// pool and client names allow 128.)
	MaxNameLength = 128 - len(StackNamePrefix)
)

var (
	// namePattern is what Cognito accepts in user pool, identity pool and client
	// names, less the white space other than a plain space.
	namePattern      = regexp.MustCompile(`^[\w +=,.@-]+$`)
	unsafeStackChars = regexp.MustCompile(`[^A-Za-z0-9-]+`)
	unsafeNameChars  = regexp.MustCompile(`[^\w+=,.@-]+`)
)

// StackName is the ready-made stack's name: "defineauth-" and the name with every
// run of characters CloudFormation does not allow in stack names replaced by "-".
func (c *Config) StackName() string {
	return StackNamePrefix + unsafeStackChars.ReplaceAllString(c.Name, "-")
}

// WebClientName is the web app client's name.
func (c *Config) WebClientName() string { return c.Name + WebClientSuffix }

// SetDefaultName gives the config a name when it has none, and records where the
// name came from (for example `the construct path "App/Auth"`), so Warnings can
// remind the user that renaming that source renames the pool's stack (rule DA011).
// A config with a name is left as it is.
func (c *Config) SetDefaultName(name, from string) {
	if c.Name == "" {
		c.Name, c.nameFrom = name, from
	}
}

// NameFromFile derives a default name from a config file's path: its base name
// without the extension ("config/auth.prod.json" gives "auth.prod"), made valid
// with SanitizeName.
func NameFromFile(path string) string {
	base := filepath.Base(path)
	return SanitizeName(strings.TrimSuffix(base, filepath.Ext(base)))
}

// SanitizeName turns s into a valid name: every run of characters a name cannot hold
// becomes "-", leading and trailing "-" are dropped, and the result is cut to
// MaxNameLength. It returns "auth" when nothing is left.
func SanitizeName(s string) string {
	s = strings.Trim(unsafeNameChars.ReplaceAllString(s, "-"), "-")
	if len(s) > MaxNameLength {
		s = strings.TrimRight(s[:MaxNameLength], "-")
	}
	if s == "" {
		return "auth"
	}
	return s
}
