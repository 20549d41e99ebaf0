package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	juesuan "github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/audit"
	"github.com/cnfiscal/juesuan/indicators"
)

func init() {
	register("score", "compute the 单位自评 score and grade of each performance table", runScore)
}

const scoreUsage = `usage: juesuan score [--bands 优良中差|优良合格不合格] [--format text|json] FILE...

Decodes each document and scores every 项目绩效目标完成情况表 and 评价结论
table of its performance section per 财预〔2020〕10号 (default weights 产出 50,
效益 30, 满意度 10, 预算执行率 10; background knowledge, see the indicators
package documentation). The indicator framework is the one of the document's
profile.

Text output: per table a line
  NAME：得分 TOTAL / MAX，等级 GRADE（N 项未评分；如均得满分则 UPPER，GRADE）
then one breakdown line per item: score / weight, method, 一级/二级/三级.
Qualitative indicators score full marks only when the document states 完成率
100% or the actual value reads as the target; the others are unscored ("—").
Names and notes of the document are escaped and cut as in validate.
A FILE of - is standard input.

JSON output (--format json): one object per file,
  {"file": F, "framework": ID, "tables": [{"kind": "project"|"evaluation",
   "path": "/performance/...", "project", "total", "upper", "max", "grade",
   "upperGrade", "execution", "items": [...], "unscored", "missing"}]}

Exit status: 0 scored, 2 unreadable or undecodable input or bad usage.
`

// scoredTable is one table's result in the JSON output.
type scoredTable struct {
	Kind string `json:"kind"`
	Path string `json:"path"`
	indicators.Result
}

type scoreOutput struct {
	File      string        `json:"file"`
	Framework string        `json:"framework,omitempty"`
	Tables    []scoredTable `json:"tables"`
}

// runScore runs the score verb.
func runScore(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("score", scoreUsage, stderr)
	bandsName := fs.String("bands", "优良中差", "grade bands: 优良中差 or 优良合格不合格")
	format := fs.String("format", "text", "output format: text or json")
	files, code, ok := parseInterspersed(fs, args)
	if !ok {
		return code
	}
	bands, err := indicators.BandsNamed(*bandsName)
	if err != nil {
		fmt.Fprintf(stderr, "juesuan score: --bands: %s\n", echoErr(err))
		return exitInput
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "juesuan score: --format %q: want text or json\n", *format)
		return exitInput
	}
	if len(files) == 0 {
		fs.Usage()
		return exitInput
	}
	code = exitOK
	var outs []scoreOutput
	for _, file := range files {
		out, err := scoreFile(file, bands, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "%s: input error: %s\n", echo(file), echoErr(err))
			code = exitInput
			continue
		}
		if *format == "json" {
			outs = append(outs, out)
			continue
		}
		writeScoreText(stdout, out, len(files) > 1)
	}
	if *format == "json" {
		if outs == nil {
			outs = []scoreOutput{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(outs); err != nil {
			fmt.Fprintf(stderr, "juesuan score: %s\n", echoErr(err))
			return exitInput
		}
	}
	return code
}

// scoreFile decodes one document and scores its tables.
func scoreFile(file string, bands indicators.Bands, stderr io.Writer) (scoreOutput, error) {
	d, err := decodeInput(file)
	if err != nil {
		return scoreOutput{}, err
	}
	out := scoreOutput{File: file, Tables: []scoredTable{}}
	cfg := indicators.ScoreConfig{Bands: bands}
	if p, err := juesuan.LookupProfile(d.Profile); err != nil {
		fmt.Fprintf(stderr, "%s: %s; the indicator framework is detected from the names\n", echo(file), echoErr(err))
	} else if f, err := indicators.LookupFramework(p.Framework); err != nil {
		fmt.Fprintf(stderr, "%s: %s; the indicator framework is detected from the names\n", echo(file), echoErr(err))
	} else {
		cfg.Framework, out.Framework = f, f.ID
	}
	if d.Performance == nil {
		return out, nil
	}
	for i := range d.Performance.Projects {
		out.Tables = append(out.Tables, scoredTable{Kind: "project", Path: audit.Pointer("performance", "projects", i),
			Result: indicators.Score(&d.Performance.Projects[i], cfg)})
	}
	for i := range d.Performance.Evaluations {
		out.Tables = append(out.Tables, scoredTable{Kind: "evaluation", Path: audit.Pointer("performance", "evaluations", i),
			Result: indicators.ScoreEvaluation(&d.Performance.Evaluations[i], cfg)})
	}
	return out, nil
}

// writeScoreText prints the scores of one file; the strings of the
// document (file name, table and indicator names, notes) are cut and
// escaped (echo).
func writeScoreText(w io.Writer, out scoreOutput, withFile bool) {
	prefix := ""
	if withFile {
		fmt.Fprintf(w, "%s\n", echo(out.File))
		prefix = "  "
	}
	if len(out.Tables) == 0 {
		fmt.Fprintf(w, "%s（无绩效表）\n", prefix)
		return
	}
	for _, t := range out.Tables {
		kind := "项目绩效目标完成情况表"
		if t.Kind == "evaluation" {
			kind = "评价结论表"
		}
		fmt.Fprintf(w, "%s%s %s\n", prefix, kind, echo(t.Path))
		for _, line := range strings.SplitAfter(echoResult(t.Result).String(), "\n") {
			if line != "" {
				fmt.Fprint(w, prefix+line)
			}
		}
	}
}

// echoResult returns a copy of r whose strings are cut and escaped (echo),
// so that the lines of its String are the lines it writes.
func echoResult(r indicators.Result) indicators.Result {
	item := func(it indicators.ItemScore) indicators.ItemScore {
		it.Level1, it.Level2, it.Name, it.Dimension = echo(it.Level1), echo(it.Level2), echo(it.Name), echo(it.Dimension)
		it.Note = echoMessage(it.Note)
		return it
	}
	r.Project, r.Grade, r.UpperGrade = echo(r.Project), echo(r.Grade), echo(r.UpperGrade)
	r.Execution = item(r.Execution)
	items := make([]indicators.ItemScore, len(r.Items))
	for i, it := range r.Items {
		items[i] = item(it)
	}
	r.Items = items
	missing := make([]string, len(r.Missing))
	for i, m := range r.Missing {
		missing[i] = echo(m)
	}
	if r.Missing != nil {
		r.Missing = missing
	}
	return r
}
