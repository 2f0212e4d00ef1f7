package config_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/defineauth/defineauth/construct/config"
)

// poolProperties returns the Properties of the template's only user pool.
func poolProperties(t *testing.T, tmpl []byte) map[string]any {
	t.Helper()
	var doc struct {
		Resources map[string]struct {
			Type       string
			Properties map[string]any
		}
	}
	if err := json.Unmarshal(tmpl, &doc); err != nil {
		t.Fatal(err)
	}
	for _, r := range doc.Resources {
		if r.Type == "AWS::Cognito::UserPool" {
			return r.Properties
		}
	}
	t.Fatal("no user pool")
	return nil
}

// TestSpecMatchesGoldenTemplates: the pure-Go rendering of every golden config is the
// user pool the construct synthesized, but for the values only CloudFormation knows.
func TestSpecMatchesGoldenTemplates(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/configs/*.json")
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		t.Run(name, func(t *testing.T) {
			cfg, err := config.Load(f)
			if err != nil {
				t.Fatal(err)
			}
			raw, err := os.ReadFile(filepath.Join("../../testdata/golden", name+".template.json"))
			if err != nil {
				t.Fatal(err)
			}
			want := poolProperties(t, raw)
			if sms, ok := want["SmsConfiguration"].(map[string]any); ok {
				if _, isGetAtt := sms["SnsCallerArn"].(map[string]any); isGetAtt {
					sms["SnsCallerArn"] = map[string]any{"Fn::GetAtt": []any{config.PlaceholderSMSRole, "Arn"}}
					sms["ExternalId"] = config.PlaceholderExternalID
				}
			}
			if e, ok := want["EmailConfiguration"].(map[string]any); ok && e["SourceArn"] != nil {
				e["SourceArn"] = config.PlaceholderSourceArn
			}
			got := poolProperties(t, cfg.UserPool().Template())
			if !reflect.DeepEqual(got, want) {
				g, _ := json.MarshalIndent(got, "", " ")
				w, _ := json.MarshalIndent(want, "", " ")
				t.Errorf("pure-Go rendering differs from the synthesized pool:\n got %s\nwant %s", g, w)
			}
		})
	}
}
