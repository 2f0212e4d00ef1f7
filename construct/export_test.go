package construct

// NewAuthUnchecked builds the resources for a config without validating it: tests
// force invalid configs into templates to check that lint finds the same rules.
var NewAuthUnchecked = newAuth
