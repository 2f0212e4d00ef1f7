package upgrade_test

import (
	"encoding/json"
	"testing"

	"github.com/defineauth/defineauth/internal/golden"
	"github.com/defineauth/defineauth/upgrade"
)

// maxFinding bounds one finding's line: values are quoted at most 64 characters.
const maxFinding = 2000

// FuzzPairs: the upgrade check neither panics nor hangs on any pair of inputs, every
// finding is complete and bounded, and a template compared with itself has no finding.
// Run longer with: go test ./upgrade -run '^$' -fuzz FuzzPairs -fuzztime 10m
func FuzzPairs(f *testing.F) {
	templates := golden.ReadAll(f, "../testdata/golden/*.template.json", "../testdata/amplify/*.template.json")
	for i := range templates {
		f.Add(templates[i], templates[(i+1)%len(templates)])
	}
	b, _ := json.Marshal(base())
	f.Add(b, b)
	f.Fuzz(func(t *testing.T, deployed, next []byte) {
		findings, err := upgrade.Check(deployed, next)
		if err != nil {
			return
		}
		for _, x := range findings {
			if x.Rule == "" || len(x.Resources) == 0 || x.Change == "" || x.Effect == "" || x.Fix == "" {
				t.Fatalf("incomplete finding %+v", x)
			}
			if n := len(x.String()); n > maxFinding {
				t.Fatalf("a finding of %d bytes: it quotes a value without bound", n)
			}
		}
		if same, _ := upgrade.Check(deployed, deployed); len(same) > 0 {
			t.Fatalf("a template compared with itself has findings: %v", same)
		}
	})
}
