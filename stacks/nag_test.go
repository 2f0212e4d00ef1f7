//lint:file-ignore SA1019 cxapi.SynthesisMessage is deprecated in favour of a JS-only package; the Go binding has no other way to read a stack's messages

package stacks_test

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-cdk-go/awscdk/v2"
	"github.com/aws/aws-cdk-go/awscdk/v2/cxapi"
	"github.com/aws/jsii-runtime-go"

	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/stacks"
)

// expectedNag is what cdk-nag's AwsSolutions pack should still report for a config,
// from the rules' documented meaning: COG2 (warning) unless MFA is REQUIRED, COG7 when
// guests are allowed, COG1 for a password policy weaker than length 8 with upper-case,
// digits and symbols. Everything else is fixed by default or suppressed with a reason.
func expectedNag(cfg *config.Config) []string {
	var out []string
	pw := cfg.ResolvedPasswordPolicy()
	if pw.MinLength < 8 || !pw.RequireUppercase || !pw.RequireDigits || !pw.RequireSymbols {
		out = append(out, "error AwsSolutions-COG1")
	}
	if cfg.Mode() != config.MFARequired {
		out = append(out, "warning AwsSolutions-COG2")
	}
	if cfg.AllowUnauthenticatedIdentities {
		out = append(out, "error AwsSolutions-COG7")
	}
	slices.Sort(out)
	return out
}

var nagID = regexp.MustCompile(`AwsSolutions-[A-Z]+[0-9]+`)

// TestNagChecks runs cdk-nag's AwsSolutions checks on the stack of every golden
// config, in one app, and compares the unsuppressed findings with expectedNag.
func TestNagChecks(t *testing.T) {
	files, _ := filepath.Glob("../testdata/configs/*.json")
	app := awscdk.NewApp(&awscdk.AppProps{Outdir: jsii.String(t.TempDir())})
	type item struct {
		name  string
		stack awscdk.Stack
		want  []string
	}
	var items []item
	for _, f := range files {
		cfg, err := config.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		s, err := stacks.NewAuthStack(app, jsii.String("nag-"+name), &stacks.AuthStackProps{Config: cfg})
		if err != nil {
			t.Fatal(err)
		}
		items = append(items, item{name, s.Stack, expectedNag(cfg)})
	}
	stacks.AddNagChecks(app)
	asm := app.Synth(nil)
	for _, it := range items {
		// The findings are the stack artifact's messages: read from the cloud
		// assembly synthesized once, not through assertions.Annotations (which
		// synthesizes again for every stack).
		var got []string
		for _, msg := range *asm.GetStackArtifact(it.stack.ArtifactId()).Messages() {
			data := fmt.Sprint(msg.Entry.Data)
			id := nagID.FindString(data)
			switch {
			case id == "":
			case msg.Level == cxapi.SynthesisMessageLevel_ERROR:
				got = append(got, "error "+id)
			case msg.Level == cxapi.SynthesisMessageLevel_WARNING:
				got = append(got, "warning "+id)
			}
		}
		slices.Sort(got)
		got = slices.Compact(got)
		if !slices.Equal(got, it.want) {
			t.Errorf("%s: cdk-nag reports %v, want %v", it.name, got, it.want)
		}
	}
}

// TestNagSuppressionsHaveReasons: every suppression in a golden template names a rule
// and gives a specific reason.
func TestNagSuppressionsHaveReasons(t *testing.T) {
	cfg, err := config.Load("../testdata/configs/shop-example.json")
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := stacks.Template(cfg)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Resources map[string]struct {
			Metadata struct {
				CdkNag struct {
					Rules []struct{ ID, Reason string } `json:"rules_to_suppress"`
				} `json:"cdk_nag"`
			}
		}
	}
	if err := json.Unmarshal(tmpl, &doc); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range doc.Resources {
		for _, rule := range r.Metadata.CdkNag.Rules {
			ids = append(ids, rule.ID)
			if len(rule.Reason) < 60 {
				t.Errorf("%s: reason too thin: %q", rule.ID, rule.Reason)
			}
		}
	}
	slices.Sort(ids)
	if want := []string{"AwsSolutions-COG8", "AwsSolutions-IAM5"}; !slices.Equal(ids, want) {
		t.Errorf("suppressions %v, want %v", ids, want)
	}
}
