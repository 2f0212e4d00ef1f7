// Package jsiitest runs a test binary that uses the CDK: every test in it shares one
// jsii runtime (one Node.js process), closed when the tests end.
package jsiitest

import (
	"os"
	"testing"

	"github.com/aws/jsii-runtime-go"
)

// Main runs the tests, closes the jsii runtime and exits; call it from TestMain.
func Main(m *testing.M) {
	code := m.Run()
	jsii.Close()
	os.Exit(code)
}
