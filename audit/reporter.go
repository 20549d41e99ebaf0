package audit

import "github.com/cnfiscal/juesuan/amount"

// Explanation is an 出错说明: a written explanation for a warning at a path,
// as the official reporting software allows. It turns that warning into an
// explained one; it never turns an error into a pass.
type Explanation struct {
	Rule string `json:"rule"` // the ID of the rule explained
	// Path is the JSON Pointer of the finding; empty matches every path of
	// the rule.
	Path string `json:"path,omitempty"`
	Text string `json:"text"` // the explanation, in Chinese
}

// Config adjusts a rule set: rules switched off, severities and tolerances
// changed. Profiles build one; the zero value changes nothing.
type Config struct {
	Disabled  map[string]bool             // rule ID → switched off
	Severity  map[string]Severity         // rule ID → severity replacing the rule's (never on info findings)
	Tolerance map[string]amount.Tolerance // rule ID → tolerance replacing RoundingAware
	Explain   []Explanation               // 出错说明 accepting warnings
}

// Reporter collects findings while rules run, applying a Config.
type Reporter struct {
	cfg      *Config
	findings Findings
}

// NewReporter returns a Reporter applying cfg (which may be nil).
func NewReporter(cfg *Config) *Reporter {
	if cfg == nil {
		cfg = &Config{}
	}
	return &Reporter{cfg: cfg}
}

// Enabled reports whether rule id runs.
func (r *Reporter) Enabled(id string) bool { return !r.cfg.Disabled[id] }

// Tolerance returns the tolerance for rule id (RoundingAware unless changed).
func (r *Reporter) Tolerance(id string) amount.Tolerance { return r.cfg.Tolerance[id] }

// Report adds f, unless its rule is disabled. A severity override replaces
// f.Severity, except on info findings; a matching explanation marks a warning as explained.
func (r *Reporter) Report(f Finding) {
	if r.cfg.Disabled[f.Rule] {
		return
	}
	// An info finding (a 舍入差异) keeps its severity: raising a rule's
	// severity must not turn a difference within rounding into an error.
	if s, ok := r.cfg.Severity[f.Rule]; ok && f.Severity != Info {
		f.Severity = s
	}
	if f.Severity == Warning {
		for _, e := range r.cfg.Explain {
			if e.Rule == f.Rule && (e.Path == "" || e.Path == f.Path) {
				f.Explanation = e.Text
				break
			}
		}
	}
	r.findings = append(r.findings, f)
}

// Findings returns what was reported so far, sorted.
func (r *Reporter) Findings() Findings {
	r.findings.Sort()
	return r.findings
}
