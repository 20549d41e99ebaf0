package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/cnfiscal/juesuan"
)

func init() {
	register("schema", "print the JSON Schema of a document or table", runSchema)
}

const schemaUsage = `usage: juesuan schema [--profile P] [--draft 2020-12|07] [--type document|TABLE]
       juesuan schema --profile P --ui rjsf|jsonforms [--type TABLE] [--internal] [--extra]
       juesuan schema --messages zh-CN [--profile P]
       juesuan schema --all --out DIR
       juesuan schema --list [--profile P]

Prints the JSON Schema of a 决算 document, or of one of its tables, for a
profile. Without --profile it prints the profile-neutral schema, which
accepts exactly what the decoder accepts. --type is "document" (default), a
table key of the profile (summary, threePublic, extra.KEY, …) or
"performance"; --list prints the types. --all writes the document schema of
the neutral schema and of every registered profile, in both drafts, to DIR
(this is what go generate runs to refresh schemas/), with the uiSchemas
(DIR/ui) and message catalogues (DIR/messages).

--ui prints the uiSchema of the document or of one table (--type) for rjsf
or JSON Forms: a tab per table in published order, rows as a grid, the
internal 财决 tables (--internal) and the profile's added tables (--extra)
hidden unless asked for. --messages prints the zh-CN message catalogue
(rjsf transformErrors, JSON Forms i18n; the decoder's texts).
`

// runSchema runs the schema verb.
func runSchema(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("schema", schemaUsage, stderr)
	profile := fs.String("profile", "", "profile ID (registered: "+strings.Join(juesuan.ProfileIDs(), ", ")+"); empty for the neutral schema")
	draftName := fs.String("draft", "2020-12", "JSON Schema draft: 2020-12 or 07")
	typ := fs.String("type", juesuan.DocumentType, "document, a table key, or performance")
	all := fs.Bool("all", false, "write every document schema to --out")
	out := fs.String("out", "", "directory for --all")
	list := fs.Bool("list", false, "list the schema types of the profile")
	ui := fs.String("ui", "", "print the uiSchema for rjsf or jsonforms instead of the schema")
	internal := fs.Bool("internal", false, "with --ui: show the internal 财决 tables")
	extra := fs.Bool("extra", false, "with --ui: show the tables the profile adds")
	messages := fs.String("messages", "", "print the message catalogue of this locale (zh-CN)")
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return exitOK
		}
		return exitInput
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "juesuan schema: unexpected argument %q\n", fs.Arg(0))
		return exitInput
	}
	switch {
	case *all:
		if *out == "" {
			fmt.Fprintln(stderr, "juesuan schema: --all needs --out DIR")
			return exitInput
		}
		paths, err := juesuan.WriteSchemas(*out)
		if err == nil {
			var more []string
			more, err = juesuan.WriteFormFiles(*out)
			paths = append(paths, more...)
		}
		for _, p := range paths {
			fmt.Fprintln(stdout, p)
		}
		if err != nil {
			fmt.Fprintln(stderr, "juesuan schema:", echoErr(err))
			if errors.Is(err, juesuan.ErrSchema) {
				return exitFinding
			}
			return exitInput
		}
		return exitOK
	case *list:
		p, err := schemaProfile(*profile)
		var types []string
		if err == nil {
			types, err = p.SchemaTypes()
		}
		if err != nil {
			fmt.Fprintln(stderr, "juesuan schema:", echoErr(err))
			return exitInput
		}
		for _, t := range types {
			fmt.Fprintln(stdout, t)
		}
		return exitOK
	case *messages != "" || *ui != "":
		p, err := schemaProfile(*profile)
		var b []byte
		switch {
		case err != nil:
		case *messages != "":
			b, err = p.Messages(*messages)
		case p == nil:
			err = errors.New("--ui needs --profile")
		default:
			b, err = p.UISchema(juesuan.UIKind(*ui), *typ, juesuan.UIOptions{Internal: *internal, Extra: *extra})
		}
		if err != nil {
			fmt.Fprintln(stderr, "juesuan schema:", echoErr(err))
			return exitInput
		}
		if _, err := stdout.Write(b); err != nil {
			return exitInput
		}
		return exitOK
	}
	var draft juesuan.Draft
	if err := draft.UnmarshalText([]byte(*draftName)); err != nil {
		fmt.Fprintln(stderr, "juesuan schema:", echoErr(err))
		return exitInput
	}
	p, err := schemaProfile(*profile)
	var b []byte
	if err == nil {
		b, err = p.Schema(draft, *typ)
	}
	if err != nil {
		fmt.Fprintln(stderr, "juesuan schema:", echoErr(err))
		return exitInput
	}
	if _, err := stdout.Write(b); err != nil {
		return exitInput
	}
	return exitOK
}

// schemaProfile looks up the registered profile id; "" is the neutral
// schema's nil profile.
func schemaProfile(id string) (*juesuan.Profile, error) {
	if id == "" {
		return nil, nil
	}
	return juesuan.LookupProfile(id)
}
