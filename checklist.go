package juesuan

import (
	"strconv"
	"strings"

	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/accounts/narrative"
	"github.com/cnfiscal/juesuan/audit"
)

// ChecklistItem is one item of a profile's 公开完整性 checklist (检查表):
// what a published 决算 must show, and the rules whose findings decide it.
type ChecklistItem struct {
	// ID is the item's number in the checklist ("1", "2", …).
	ID string `json:"id"`
	// Title is what the item asks, in Chinese (一般公共预算支出公开到功能分类项级).
	Title string `json:"title"`
	// Source is where the requirement comes from, marked [V]/[I]/[B].
	Source string `json:"source"`
	// Rules are the IDs of the rules whose warnings and errors make the
	// item 不合格: the tables' rules (run by Validate) and the narrative's
	// (run by Lint).
	Rules []string `json:"rules"`
	// Paths, when set, narrow Rules to the findings at or below one of
	// these JSON Pointers (C17 covers several sections; the 政府采购 item
	// takes only its findings on /tables/f03/procurement).
	Paths []string `json:"paths,omitempty"`
	// Tables are the keys of the tables the item's rules read: without one
	// of them the item is 未核对 (its rules could not run).
	Tables []string `json:"tables,omitempty"`
	// Section, when set, is the title of the narrative section the item
	// needs (a Title of the profile's Narrative.Required), whose absence
	// rule G5 reports.
	Section string `json:"section,omitempty"`
	// Narrative marks an item that only the 情况说明 can settle: without a
	// narrative it is 未核对.
	Narrative bool `json:"narrative,omitempty"`
}

// Status is the verdict on a checklist item.
type Status string

// The verdicts of a checklist item.
const (
	Pass      Status = "合格"
	Fail      Status = "不合格"
	Unchecked Status = "未核对" // the item needs a narrative that was not given
)

// ChecklistEntry is one line of a 检查表: the item, the verdict and, for an
// item that is not 合格, why.
type ChecklistEntry struct {
	ChecklistItem
	Status Status `json:"status"`
	// Reasons are the messages of the findings that fail the item, each
	// with its place, or why it could not be checked.
	Reasons []string `json:"reasons,omitempty"`
	// Findings are the findings that fail the item.
	Findings audit.Findings `json:"findings,omitempty"`
}

// Checklist is the 检查表 of d under p: it validates d and, when text (the
// 情况说明, plain UTF-8) is not nil, lints it, and returns p's ChecklistItems
// items, each 合格, 不合格 (with the findings of its rules at warning or
// error that no 出错说明 accepted) or 未核对, and the findings. An item
// that only the narrative settles (Narrative) is 未核对 without a text, and
// so is a section item when the text is not a whole disclosure (a single
// part or a fragment, see narrative.Linter.Whole), an item a table of
// which is absent, and an item none of whose rules could check anything
// (the coverage ledger: each is idle, disabled or skipped every check),
// with the ledger's reasons. An item some of whose checks were skipped
// keeps the verdict of the checks that ran and lists the skipped ones in
// Reasons. The error is that of Validate or Lint.
func (p *Profile) Checklist(d *Document, text []byte) ([]ChecklistEntry, audit.Findings, error) {
	items, fs, _, err := p.ChecklistWith(d, text, ChecklistOptions{})
	return items, fs, err
}

// ChecklistOptions are what ChecklistWith adds to Checklist. The zero
// value builds the 检查表 as Checklist does.
type ChecklistOptions struct {
	// Coverage returns the coverage ledger the checklist was decided with:
	// that of ValidateWith, then, with a text, that of LintWith.
	Coverage bool
	// Prior is last year's document, as ValidateOptions.Prior (rules B14,
	// B15 then run and may fail an item).
	Prior *Document
}

// ChecklistWith is Checklist with what o adds: last year's document and
// the coverage ledger (nil unless o.Coverage). The findings are those of
// ValidateWith followed by those of LintWith (when text is not nil).
func (p *Profile) ChecklistWith(d *Document, text []byte, o ChecklistOptions) ([]ChecklistEntry, audit.Findings, *Coverage, error) {
	fs, cov, err := p.ValidateWith(d, ValidateOptions{Coverage: true, Prior: o.Prior})
	if err != nil {
		return nil, nil, nil, err
	}
	sections := "未提供情况说明，未核对"
	if text != nil {
		lf, lcov, err := p.LintWith(d, text, LintOptions{Coverage: true})
		if err != nil {
			return nil, nil, nil, err
		}
		fs = append(fs, lf...)
		cov.Merge(lcov)
		sections = ""
		l, err := p.narrativeLinter()
		if err != nil {
			return nil, nil, nil, err
		}
		if whole, err := l.Whole(text); err != nil {
			return nil, nil, nil, err
		} else if !whole {
			sections = "情况说明不是完整的公开文本（不足两个部分），未核对必备部分"
		}
	}
	items := p.checklist(d, fs, cov, text != nil, sections)
	if !o.Coverage {
		cov = nil
	}
	return items, fs, cov, nil
}

// ChecklistWith builds the 检查表 of d with the profile d names in the
// default registry; see Profile.ChecklistWith.
func ChecklistWith(d *Document, text []byte, o ChecklistOptions) ([]ChecklistEntry, audit.Findings, *Coverage, error) {
	p, err := LookupProfile(d.Profile)
	if err != nil {
		return nil, nil, nil, err
	}
	return p.ChecklistWith(d, text, o)
}

// checklist decides each item of p.ChecklistItems from findings and the
// ledger cov; linted says whether the narrative was linted, and sections,
// when not "", why the section items could not be checked.
func (p *Profile) checklist(d *Document, findings audit.Findings, cov *Coverage, linted bool, sections string) []ChecklistEntry {
	byRule := map[string][]audit.Finding{}
	for _, f := range findings {
		if f.Severity >= audit.Warning && f.Explanation == "" {
			byRule[f.Rule] = append(byRule[f.Rule], f)
		}
	}
	out := make([]ChecklistEntry, 0, len(p.ChecklistItems))
	for _, it := range p.ChecklistItems {
		e := ChecklistEntry{ChecklistItem: it, Status: Pass}
		for _, id := range it.Rules {
			for _, f := range byRule[id] {
				if f.Rule == narrative.RuleSections {
					if f.Expected != it.Section {
						continue // another section's absence
					}
				} else if !under(f.Path, it.Paths) {
					continue
				}
				e.Findings = append(e.Findings, f)
				e.Reasons = append(e.Reasons, reason(f))
			}
		}
		missing := ""
		for _, k := range it.Tables {
			if !d.Tables.Has(k) && missing == "" {
				missing = k
			}
		}
		ran, listed, notes := ledgerNotes(cov, it, linted)
		switch {
		case len(e.Findings) > 0:
			e.Status = Fail
			e.Reasons = append(e.Reasons, skippedOnly(notes)...)
		case missing != "":
			e.Status, e.Reasons = Unchecked, []string{"文档无" + titleOfTable(p, missing) + "，未核对"}
		case it.Narrative && !linted:
			e.Status, e.Reasons = Unchecked, []string{"未提供情况说明，未核对"}
		case it.Section != "" && sections != "":
			e.Status, e.Reasons = Unchecked, []string{sections}
		case listed && ran == 0:
			e.Status, e.Reasons = Unchecked, notes
		default:
			e.Reasons = skippedOnly(notes)
		}
		out = append(out, e)
	}
	return out
}

// ledgerNotes reads the ledger of item it's rules: the checks that ran,
// whether any of its rules is in the ledger, and a reason for each rule
// that skipped checks (those at or below it.Paths), was idle or is
// disabled. The narrative rules count only when linted.
func ledgerNotes(cov *Coverage, it ChecklistItem, linted bool) (ran int, listed bool, notes []string) {
	for _, id := range it.Rules {
		rc := cov.Rule(id)
		if rc == nil {
			continue
		}
		listed = true
		ran += rc.Ran
		switch rc.Status {
		case accounts.StatusIdle:
			notes = append(notes, id+" "+idleNote+rc.Reason)
			continue
		case accounts.StatusDisabled:
			notes = append(notes, id+" "+disabledNote+rc.Reason)
			continue
		}
		var where []string
		n := 0
		for _, s := range rc.Skipped {
			if s.Path == "" && len(it.Paths) > 0 || s.Path != "" && !under(s.Path, it.Paths) {
				continue
			}
			n++
			if len(where) < maxSkipNotes {
				where = append(where, skipPlace(s))
			}
		}
		if n == 0 {
			continue
		}
		more := ""
		if n > len(where) {
			more = "等"
		}
		notes = append(notes, id+" 有 "+strconv.Itoa(n)+" 处未能核对（"+strings.Join(where, "；")+more+"）")
	}
	return ran, listed, notes
}

// The notes of a rule that checked nothing, which give an item's reasons
// only when none of its rules checked anything.
const (
	idleNote     = "未核对："
	disabledNote = "已停用："
)

// skippedOnly drops from notes those of rules that checked nothing.
func skippedOnly(notes []string) []string {
	var out []string
	for _, n := range notes {
		if !strings.Contains(n, " "+idleNote) && !strings.Contains(n, " "+disabledNote) {
			out = append(out, n)
		}
	}
	return out
}

// maxSkipNotes is the number of skipped checks a checklist reason names.
const maxSkipNotes = 2

// skipPlace says where a skipped check is and why: "absent
// /tables/…", with the narrative's line ("第12行 absent threePublic.total").
func skipPlace(s accounts.Skip) string {
	what := s.Path
	switch {
	case len(s.Missing) > 0:
		what = strings.Join(s.Missing, ", ")
	case len(s.MissingPrior) > 0:
		what = "last year's " + strings.Join(s.MissingPrior, ", ")
	case what == "":
		what = s.Fact
	}
	out := s.Reason + " " + what
	if s.Line > 0 {
		out = "第" + strconv.Itoa(s.Line) + "行 " + out
	}
	return out
}

// titleOfTable is the title of table key in p, or the key.
func titleOfTable(p *Profile, key string) string {
	for _, t := range p.Tables {
		if t.Key == key {
			return t.Title
		}
	}
	return key
}

// under reports whether path is at or below one of prefixes (true when
// there are none).
func under(path string, prefixes []string) bool {
	if len(prefixes) == 0 {
		return true
	}
	for _, p := range prefixes {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// reason is a finding's message with its place: the JSON Pointer, the
// cell it was read from, or the narrative's line.
func reason(f audit.Finding) string {
	at := f.Path
	switch {
	case f.Source != "":
		at = f.Source
	case f.Line > 0:
		at = "第" + strconv.Itoa(f.Line) + "行"
	}
	if at == "" {
		return f.Rule + " " + f.Message
	}
	return f.Rule + " " + f.Message + "（" + at + "）"
}

// Checklist builds the 检查表 of d with the profile d names in the default
// registry; see Profile.Checklist.
func Checklist(d *Document, text []byte) ([]ChecklistEntry, audit.Findings, error) {
	p, err := LookupProfile(d.Profile)
	if err != nil {
		return nil, nil, err
	}
	return p.Checklist(d, text)
}
