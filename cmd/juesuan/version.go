package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

func init() {
	register("version", "print the version of juesuan and of Go it was built with", runVersion)
}

const versionUsage = `usage: juesuan version
       juesuan --version

Prints the module version of juesuan ("(devel)" for a build from a work
tree), the VCS revision when the build recorded one, and the Go version and
platform it was built with.
`

func runVersion(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("version", versionUsage, stderr)
	rest, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "juesuan version: unexpected argument %q\n", rest[0])
		return exitInput
	}
	bi, _ := debug.ReadBuildInfo()
	fmt.Fprintln(stdout, versionText(bi))
	return exitOK
}

// versionText is the line `juesuan version` prints:
//
//	juesuan v1.2.0 (go1.26.0 linux/amd64)
//	juesuan (devel) rev 0123abcd4567 dirty (go1.26.0 linux/amd64)
//
// bi may be nil (a binary built without module support).
func versionText(bi *debug.BuildInfo) string {
	version, goVersion := "", runtime.Version()
	var rev, modified string
	if bi != nil {
		version = bi.Main.Version
		if bi.GoVersion != "" {
			goVersion = bi.GoVersion
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
	}
	if version == "" {
		version = "(devel)"
	}
	s := "juesuan " + version
	if rev != "" {
		s += " rev " + rev[:min(len(rev), 12)]
		if modified == "true" {
			s += " dirty"
		}
	}
	return fmt.Sprintf("%s (%s %s/%s)", s, goVersion, runtime.GOOS, runtime.GOARCH)
}
