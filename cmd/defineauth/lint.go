package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/defineauth/defineauth/internal/cfn"
	"github.com/defineauth/defineauth/internal/strictjson"
	"github.com/defineauth/defineauth/lint"
)

// lintCommand lints each template (JSON or YAML; "-" is standard input); a folder
// (a cdk.out) means every *.template.json in it and in its nested assemblies
// (assembly-*/, written by CDK stages). Exit 2 when any input cannot be read, else 1
// when any error was found, else 0.
func lintCommand(paths []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var files []string
	unreadable := false
	for _, p := range paths {
		if p == "-" {
			files = append(files, p)
			continue
		}
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
		found := assemblyTemplates(p)
		if len(found) == 0 {
			fmt.Fprintf(stderr, "defineauth lint: %s: no *.template.json in the folder or its assembly-* folders (run cdk synth first)\n", p)
			unreadable = true
		}
		files = append(files, found...)
	}
	errs, pools := 0, 0
	for _, f := range files {
		name, data, err := readInput(f, stdin, cfn.MaxTemplateSize)
		if err == nil {
			var rep lint.Report
			rep, err = lint.Check(data)
			for _, x := range rep.Findings {
				fmt.Fprintf(stdout, "%s: %s\n", name, x)
			}
			for _, x := range rep.Findings {
				if x.Severity == lint.Error {
					errs++
				}
			}
			pools += rep.UserPools
		}
		if err != nil {
			fmt.Fprintf(stderr, "defineauth lint: %s: %v\n", name, readError(err))
			unreadable = true
		}
	}
	if unreadable {
		return exitUsage
	}
	summary := "no errors"
	if errs > 0 {
		summary = plural(errs, "%d error")
	}
	fmt.Fprintf(stderr, "defineauth lint: %s, %s, %s\n", count(len(files), "template"), count(pools, "user pool"), summary)
	if errs > 0 {
		return exitInvalid
	}
	return exitOK
}

// assemblyTemplates lists the *.template.json of a cloud assembly folder and of the
// nested assemblies (assembly-*) in it, sorted.
func assemblyTemplates(dir string) []string {
	var out []string
	_ = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return nil
		case d.IsDir() && path != dir && !strings.HasPrefix(d.Name(), "assembly-"):
			return filepath.SkipDir
		case !d.IsDir() && strings.HasSuffix(d.Name(), ".template.json"):
			out = append(out, path)
		}
		return nil
	})
	slices.Sort(out)
	return out
}

// readInput reads the file at path ("-" is standard input) up to limit bytes, and
// returns the name to show in messages.
func readInput(path string, stdin io.Reader, limit int64) (name string, data []byte, err error) {
	if path == "-" {
		data, err = strictjson.ReadAll(stdin, limit)
		return "<stdin>", data, err
	}
	f, err := os.Open(path)
	if err != nil {
		return path, nil, err
	}
	defer f.Close()
	data, err = strictjson.ReadAll(f, limit)
	return path, data, err
}
