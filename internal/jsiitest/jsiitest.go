// Package jsiitest runs a test binary that uses the CDK: every test in it shares one
// jsii runtime (one Node.js process), closed when the tests end.
package jsiitest

import (
	"os"
	"testing"

	"github.com/aws/jsii-runtime-go"
)

// Main runs the tests, closes the jsii runtime and exits; call it from TestMain.
//
// Unless CDK_VALIDATION is already set, it turns off aws-cdk-lib's built-in
// CloudFormation validation (a WebAssembly engine run on every synth, about 80% of
// a synth's time here) for the Node.js process the tests start: the templates are the
// same bytes, and what it checks is covered by defineauth lint and by cfn-lint over
// every golden and fuzzed template in CI. CI keeps one real `cdk synth` with it on.
//
// It also makes a call of a deprecated aws-cdk-lib API fail the test
// (JSII_DEPRECATED=fail) instead of printing a warning nobody reads: deprecated APIs
// go away in the next major version.
func Main(m *testing.M) {
	if _, set := os.LookupEnv("CDK_VALIDATION"); !set {
		os.Setenv("CDK_VALIDATION", "false")
	}
	if _, set := os.LookupEnv("JSII_DEPRECATED"); !set {
		os.Setenv("JSII_DEPRECATED", "fail")
	}
	code := m.Run()
	jsii.Close()
	os.Exit(code)
}

// Must runs an assertions matcher (or any jsii call); a mismatch, which jsii raises
// as a panic, fails t with what instead of aborting the test binary.
func Must(t testing.TB, what string, f func()) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Errorf("%s: %v", what, r)
		}
	}()
	f()
}
