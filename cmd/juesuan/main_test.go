package main

import (
	"bytes"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func runArgs(args ...string) (stdout, stderr string, code int) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return o.String(), e.String(), code
}

var (
	// mentionedFlag is a flag named in a usage text.
	mentionedFlag = regexp.MustCompile(`(?:^|[\s\[(|])--([a-z][a-z0-9-]*)`)
	// definedFlag is a line of flag.PrintDefaults: "  -name [TYPE]".
	definedFlag = regexp.MustCompile(`^  -([a-z][a-z0-9-]*)(?: (\S+))?$`)
)

// TestVerbUsage: `juesuan help VERB` prints the verb's usage, which is what
// VERB -h prints on stderr; its first line is "usage: juesuan VERB", and
// the text names exactly the flags the verb defines, each listed with a
// plain type (no backquoted word taken for the value's name).
func TestVerbUsage(t *testing.T) {
	if len(verbs) < 8 {
		t.Fatalf("%d verbs registered", len(verbs))
	}
	for name := range verbs {
		t.Run(name, func(t *testing.T) {
			out, errOut, code := runArgs("help", name)
			if code != exitOK || errOut != "" {
				t.Fatalf("help %s: exit %d, stderr %q", name, code, errOut)
			}
			h, hErr, hCode := runArgs(name, "-h")
			if hCode != exitOK || h != "" {
				t.Errorf("%s -h: exit %d, stdout %q", name, hCode, h)
			}
			if d := cmp.Diff(hErr, out); d != "" {
				t.Errorf("help %s differs from %s -h (-h +help):\n%s", name, name, d)
			}

			first, _, _ := strings.Cut(out, "\n")
			if first != "usage: juesuan "+name && !strings.HasPrefix(first, "usage: juesuan "+name+" ") {
				t.Errorf("first line %q, want usage: juesuan %s", first, name)
			}
			text, flags, _ := strings.Cut(out, "\nflags:\n")
			text = strings.ReplaceAll(text, "juesuan --version", "") // the command's flag, in the usage of version
			var mentioned, defined []string
			for _, m := range mentionedFlag.FindAllStringSubmatch(text, -1) {
				if !slices.Contains(mentioned, m[1]) {
					mentioned = append(mentioned, m[1])
				}
			}
			for _, line := range strings.Split(flags, "\n") {
				m := definedFlag.FindStringSubmatch(line)
				if m == nil {
					if strings.HasPrefix(line, "  -") {
						t.Errorf("flag line %q: want -name and a type", line)
					}
					continue
				}
				defined = append(defined, m[1])
				switch m[2] {
				case "", "string", "int", "uint", "duration", "float", "value":
				default:
					t.Errorf("flag line %q: value named %q (a backquoted word in the flag's usage?)", line, m[2])
				}
			}
			slices.Sort(mentioned)
			slices.Sort(defined)
			if d := cmp.Diff(defined, mentioned); d != "" {
				t.Errorf("flags named in the usage text (-defined +mentioned):\n%s", d)
			}
		})
	}
}

func TestHelp(t *testing.T) {
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // prefix
		stderr string // substring
	}{
		{"no arguments", nil, exitInput, "", "usage: juesuan <verb>"},
		{"help", []string{"help"}, exitOK, "usage: juesuan <verb>", ""},
		{"--help", []string{"--help"}, exitOK, "usage: juesuan <verb>", ""},
		{"-h", []string{"-h"}, exitOK, "usage: juesuan <verb>", ""},
		{"help help", []string{"help", "help"}, exitOK, "usage: juesuan help [VERB]", ""},
		{"help of an unknown verb", []string{"help", "nope"}, exitInput, "", `unknown verb "nope"`},
		{"help of two verbs", []string{"help", "lint", "score"}, exitInput, "", "usage: juesuan help [VERB]"},
		{"unknown verb", []string{"nope"}, exitInput, "", `juesuan: unknown verb "nope"`},
		{"help validate", []string{"help", "validate"}, exitOK, "usage: juesuan validate ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, code := runArgs(tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d", code, tt.code)
			}
			if !strings.HasPrefix(out, tt.stdout) || (tt.stdout == "" && out != "") {
				t.Errorf("stdout %q, want it to start with %q", out, tt.stdout)
			}
			if !strings.Contains(errOut, tt.stderr) || (tt.stderr == "" && errOut != "") {
				t.Errorf("stderr %q, want it to contain %q", errOut, tt.stderr)
			}
		})
	}
	// The list names every verb.
	out, _, _ := runArgs("help")
	for name := range verbs {
		if !strings.Contains(out, "\n  "+name+" ") {
			t.Errorf("help lacks verb %s:\n%s", name, out)
		}
	}
}

func TestVersion(t *testing.T) {
	platform := runtime.GOOS + "/" + runtime.GOARCH
	tests := []struct {
		name string
		bi   *debug.BuildInfo
		want string
	}{
		{"no build info", nil, "juesuan (devel) (" + runtime.Version() + " " + platform + ")"},
		{"work tree build", &debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Path: "github.com/cnfiscal/juesuan", Version: "(devel)"}},
			"juesuan (devel) (go1.26.0 " + platform + ")"},
		{"test binary", &debug.BuildInfo{GoVersion: "go1.26.0"}, "juesuan (devel) (go1.26.0 " + platform + ")"},
		{"released", &debug.BuildInfo{GoVersion: "go1.26.1", Main: debug.Module{Version: "v1.4.0"}},
			"juesuan v1.4.0 (go1.26.1 " + platform + ")"},
		{"with VCS", &debug.BuildInfo{GoVersion: "go1.26.1", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.modified", Value: "true"}}},
			"juesuan (devel) rev 0123456789ab dirty (go1.26.1 " + platform + ")"},
		{"clean VCS", &debug.BuildInfo{GoVersion: "go1.26.1", Main: debug.Module{Version: "v1.4.0"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "abc"}, {Key: "vcs.modified", Value: "false"}}},
			"juesuan v1.4.0 rev abc (go1.26.1 " + platform + ")"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if d := cmp.Diff(tt.want, versionText(tt.bi)); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}

	bi, _ := debug.ReadBuildInfo()
	want := versionText(bi) + "\n"
	for _, args := range [][]string{{"--version"}, {"-version"}, {"version"}} {
		out, errOut, code := runArgs(args...)
		if code != exitOK || errOut != "" {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
		if d := cmp.Diff(want, out); d != "" {
			t.Errorf("%v (-want +got):\n%s", args, d)
		}
		if !strings.Contains(out, runtime.Version()) {
			t.Errorf("%v: %q lacks the Go version %s", args, out, runtime.Version())
		}
	}
	if _, errOut, code := runArgs("version", "extra"); code != exitInput || !strings.Contains(errOut, `unexpected argument "extra"`) {
		t.Errorf("version extra: exit %d, stderr %q", code, errOut)
	}
}
