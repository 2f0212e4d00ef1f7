package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/defineauth/defineauth/lint"
)

// lintCommand lints each template; a folder (a cdk.out) means every *.template.json in
// it. Exit 2 when any input cannot be read, else 1 when any error was found, else 0.
func lintCommand(paths []string, stdout, stderr io.Writer) int {
	var files []string
	unreadable := false
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			fmt.Fprintf(stderr, "defineauth lint: %v\n", err)
			unreadable = true
			continue
		}
		if !info.IsDir() {
			files = append(files, p)
			continue
		}
		found, _ := filepath.Glob(filepath.Join(p, "*.template.json"))
		if len(found) == 0 {
			fmt.Fprintf(stderr, "defineauth lint: %s: no *.template.json in the folder (run cdk synth first)\n", p)
			unreadable = true
		}
		slices.Sort(found)
		files = append(files, found...)
	}
	failed, pools := false, 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err == nil {
			var r lint.Report
			r, err = lint.Check(data)
			for _, x := range r.Findings {
				fmt.Fprintf(stdout, "%s: %s\n", f, x)
			}
			failed = failed || lint.HasErrors(r.Findings)
			pools += r.UserPools
		}
		if err != nil {
			fmt.Fprintf(stderr, "defineauth lint: %s: %v\n", f, err)
			unreadable = true
		}
	}
	switch {
	case unreadable:
		return exitUsage
	case failed:
		return exitInvalid
	}
	fmt.Fprintf(stderr, "defineauth lint: %d templates, %d user pools, no errors\n", len(files), pools)
	return exitOK
}
