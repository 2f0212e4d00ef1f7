package rules_test

import (
	"slices"
	"testing"

	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/internal/golden"
	"github.com/defineauth/defineauth/rules"
	"github.com/defineauth/defineauth/upgrade"
)

// TestCatalogueIsComplete: every rule of every checker is in the catalogue, once,
// with a title, a severity, a consequence and its checkers.
func TestCatalogueIsComplete(t *testing.T) {
	all := rules.All()
	var ids []string
	for _, r := range all {
		if r.Title == "" || r.Consequence == "" || len(r.Checkers) == 0 || (r.Severity != "error" && r.Severity != "warning" && r.Severity != "error / warning") {
			t.Errorf("incomplete entry %+v", r)
		}
		ids = append(ids, r.ID)
	}
	if len(slices.Compact(slices.Sorted(slices.Values(ids)))) != len(ids) {
		t.Errorf("duplicate ids: %v", ids)
	}
	for _, r := range config.Rules() {
		if !slices.Contains(ids, r.ID) {
			t.Errorf("config rule %s is not in the catalogue", r.ID)
		}
	}
	for _, r := range upgrade.Rules {
		if !slices.Contains(ids, r.ID) {
			t.Errorf("upgrade rule %s is not in the catalogue", r.ID)
		}
	}
	if ids[0] != "R1" || !slices.Contains(ids, "U14") || ids[len(ids)-1] != "DA200" {
		t.Errorf("order: %v", ids)
	}
}

// TestREADMETable: the README's rule table is the catalogue, rendered; run
// go test ./rules -update to rewrite it after changing the catalogue.
func TestREADMETable(t *testing.T) {
	golden.Section(t, "../README.md", "<!-- rules:begin (go test ./rules -update) -->\n", "<!-- rules:end -->\n", rules.Table())
}
