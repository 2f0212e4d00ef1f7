package rules_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/defineauth/defineauth/construct/config"
	"github.com/defineauth/defineauth/internal/golden"
	"github.com/defineauth/defineauth/lint"
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
	for _, r := range upgrade.Rules() {
		if !slices.Contains(ids, r.ID) {
			t.Errorf("upgrade rule %s is not in the catalogue", r.ID)
		}
	}
	if ids[0] != "R1" || !slices.Contains(ids, "U14") || ids[len(ids)-1] != "DA200" {
		t.Errorf("order: %v", ids)
	}
}

// TestOneValuePerRule: a rule's title and consequence come from exactly one table
// (config's, lint's or upgrade's), whichever checkers report it; the lint and upgrade
// tables declare every id they report, and the catalogue lists each once.
func TestOneValuePerRule(t *testing.T) {
	worded := map[string]int{}
	for _, r := range config.Rules() {
		worded[r.ID]++
	}
	for _, r := range lint.Rules() {
		if r.Title != "" || r.Consequence != "" {
			worded[r.ID]++
		}
	}
	for _, r := range upgrade.Rules() {
		worded[r.ID]++
	}
	for _, r := range rules.All() {
		if worded[r.ID] != 1 {
			t.Errorf("%s has its words in %d tables, want 1", r.ID, worded[r.ID])
		}
	}
}

// TestREADMETable: the README's rule table is the catalogue, rendered; run
// go test ./rules -update to rewrite it after changing the catalogue.
func TestREADMETable(t *testing.T) {
	golden.Section(t, "../README.md", "<!-- rules:begin (go test ./rules -update) -->\n", "<!-- rules:end -->\n", rules.Table())
}

// TestWordsNameRealRules: every rule id that a Go source file or the README names
// is in the catalogue, and a range written with a hyphen or two dots from a kind's
// first rule claims them all, so it must end at the kind's last rule (a subset is
// written "from ... to ..."): a stale range or a removed id is caught when the
// catalogue changes, not by a reader.
func TestWordsNameRealRules(t *testing.T) {
	known := map[string]bool{}
	last := map[string]int{}
	for _, r := range rules.All() {
		known[r.ID] = true
		kind, n := split(r.ID)
		last[kind] = max(last[kind], n)
	}
	id := regexp.MustCompile(`\b(R|U|DA)([0-9]+)\b`)
	rng := regexp.MustCompile(`\b(R|U|DA)([0-9]+) ?(?:-|\.\.) ?(?:R|U|DA)?([0-9]+)\b`)
	var files []string
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != ".." {
			return filepath.SkipDir
		}
		if strings.HasSuffix(path, ".go") || path == filepath.Join("..", "README.md") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil || len(files) < 50 {
		t.Fatalf("walking the sources: %v (%d files)", err, len(files))
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			for _, m := range id.FindAllStringSubmatch(line, -1) {
				if !known[m[0]] {
					t.Errorf("%s:%d names %s, which the catalogue does not have", f, i+1, m[0])
				}
			}
			for _, m := range rng.FindAllStringSubmatch(line, -1) {
				if from, _ := strconv.Atoi(m[2]); from == 1 {
					if to, _ := strconv.Atoi(m[3]); to != last[m[1]] {
						t.Errorf("%s:%d: %q ends at %s%d, but the last %s rule is %s%d", f, i+1, m[0], m[1], to, m[1], m[1], last[m[1]])
					}
				}
			}
		}
	}
}

func split(id string) (string, int) {
	kind := strings.TrimRight(id, "0123456789")
	n, _ := strconv.Atoi(strings.TrimPrefix(id, kind))
	return kind, n
}
