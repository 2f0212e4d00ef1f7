package main

import (
	"debug/elf"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/assertions"
	"github.com/aws/jsii-runtime-go"

	_ "github.com/defineauth/defineauth/internal/golden" // accepts -update (go test ./... -update)
	"github.com/defineauth/defineauth/internal/jsiitest"
	"github.com/defineauth/defineauth/lint"
)

func TestMain(m *testing.M) { jsiitest.Main(m) }

type m = map[string]any
type a = []any

// TestExampleSynthesizes builds the two Go triggers without network (GOPROXY=off:
// modules come from the cache) and checks what lands in the assembly: arm64
// executables named bootstrap, provided.al2023 functions wired into the pool with
// their permissions, the V2_0 token event, the ADMINS grant; the template lints
// clean.
func TestExampleSynthesizes(t *testing.T) {
	t.Setenv("GOPROXY", "off")
	t.Setenv("GOFLAGS", "-mod=readonly")
	out := t.TempDir()
	app := awscdk.NewApp(&awscdk.AppProps{Outdir: jsii.String(out)})
	auth, err := newStack(app)
	if err != nil {
		t.Fatal(err)
	}
	stack := awscdk.Stack_Of(auth.Construct)
	asm := app.Synth(nil)

	assets, _ := filepath.Glob(filepath.Join(out, "asset.*", "bootstrap"))
	if len(assets) != 2 {
		t.Fatalf("want 2 bootstrap assets, found %v", assets)
	}
	for _, f := range assets {
		e, err := elf.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		if e.Machine != elf.EM_AARCH64 {
			t.Errorf("%s is for %v, want arm64", f, e.Machine)
		}
		e.Close()
		if st, _ := os.Stat(f); st.Mode()&0o111 == 0 {
			t.Errorf("%s is not executable", f)
		}
	}
	raw, _ := json.Marshal(asm.GetStackArtifact(stack.ArtifactId()).Template())
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	tpl := assertions.Template_FromJSON(&doc, nil)
	must := func(what string, f func()) { t.Helper(); jsiitest.Must(t, what, f) }
	must("Go functions", func() {
		tpl.ResourcePropertiesCountIs(jsii.String("AWS::Lambda::Function"), &m{"Runtime": "provided.al2023", "Handler": "bootstrap",
			"Architectures": a{"arm64"}}, jsii.Number(2))
	})
	must("allow-list", func() {
		tpl.HasResourceProperties(jsii.String("AWS::Lambda::Function"), &m{"Environment": m{"Variables": m{"ALLOWED_DOMAINS": "example.com"}}})
	})
	fnArn := assertions.Match_ObjectLike(&m{"Fn::GetAtt": a{assertions.Match_StringLikeRegexp(jsii.String("^PreSignUp")), "Arn"}})
	claimsArn := assertions.Match_ObjectLike(&m{"Fn::GetAtt": a{assertions.Match_StringLikeRegexp(jsii.String("^PreTokenGeneration")), "Arn"}})
	must("LambdaConfig", func() {
		tpl.HasResourceProperties(jsii.String("AWS::Cognito::UserPool"), &m{"LambdaConfig": assertions.Match_ObjectEquals(&m{
			"PreSignUp": fnArn, "PreTokenGenerationConfig": m{"LambdaArn": claimsArn, "LambdaVersion": "V2_0"}})})
	})
	must("permissions", func() { tpl.ResourceCountIs(jsii.String("AWS::Lambda::Permission"), jsii.Number(2)) })
	must("ADMINS grant", func() {
		tpl.HasResourceProperties(jsii.String("AWS::IAM::Policy"), &m{
			"Roles": a{m{"Ref": assertions.Match_StringLikeRegexp(jsii.String("^AuthGroupADMINSRole"))}},
			"PolicyDocument": m{"Statement": a{assertions.Match_ObjectLike(&m{"Action": assertions.Match_ArrayWith(&a{
				"cognito-idp:AdminSetUserMFAPreference", "cognito-idp:AdminUpdateDeviceStatus"})})}}})
	})
	if findings, err := lint.Template(raw); err != nil || len(findings) > 0 {
		t.Errorf("lint: %v %v", err, findings)
	}
	if left, _ := filepath.Glob(filepath.Join(os.TempDir(), "defineauth-golambda-*")); len(left) > 0 {
		t.Errorf("build directories left behind: %v", left)
	}
}
