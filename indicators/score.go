package indicators

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
)

// Weights are the points of each 一级 dimension and of 预算执行率 in 单位自评.
//
// The default, 产出 50, 效益 30, 满意度 10, 预算执行率 10, is the
// "原则上…统一设置为" weighting of 财预〔2020〕10号《项目支出绩效评价管理办法》
// as summarised in domain.md §4.1. The full text of 财预〔2020〕10号 was not
// retrieved: the weights are background [B] and departments may adjust
// them, so they are configuration.
type Weights struct {
	Output       decimal.Decimal `json:"output"`       // 产出指标 (default 50)
	Outcome      decimal.Decimal `json:"outcome"`      // 效益指标 (default 30)
	Satisfaction decimal.Decimal `json:"satisfaction"` // 满意度指标 (default 10)
	Execution    decimal.Decimal `json:"execution"`    // 预算执行率 (default 10)
}

// DefaultWeights returns 产出 50, 效益 30, 满意度 10, 预算执行率 10
// (财预〔2020〕10号 [B], domain.md §4.1).
func DefaultWeights() Weights {
	return Weights{Output: decimal.NewFromInt(50), Outcome: decimal.NewFromInt(30),
		Satisfaction: decimal.NewFromInt(10), Execution: decimal.NewFromInt(10)}
}

func (w Weights) isZero() bool {
	return w.Output.IsZero() && w.Outcome.IsZero() && w.Satisfaction.IsZero() && w.Execution.IsZero()
}

func (w Weights) of(d Dimension) decimal.Decimal {
	switch d {
	case Output:
		return w.Output
	case Outcome:
		return w.Outcome
	case Satisfaction:
		return w.Satisfaction
	}
	return decimal.Zero
}

// Band is one grade: a score of at least Min earns Name.
type Band struct {
	Name string          `json:"name"` // the grade, such as 优
	Min  decimal.Decimal `json:"min"`  // the lowest score that earns it
}

// Bands are grade bands, highest first.
type Bands []Band

// DefaultBands returns 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, 差 below: the grades of
// 财预〔2020〕10号 (domain.md §4.1 [B]).
func DefaultBands() Bands {
	return Bands{{"优", decimal.NewFromInt(90)}, {"良", decimal.NewFromInt(80)}, {"中", decimal.NewFromInt(60)}, {"差", decimal.Zero}}
}

// ErrUnknownBands is matched by the error for an unknown band-set name.
var ErrUnknownBands = errors.New("indicators: unknown grade bands")

// ErrDuplicateBands is matched by the error RegisterBands returns for a
// name registered already.
var ErrDuplicateBands = errors.New("indicators: grade bands already registered")

// DefaultBandsName is the name of DefaultBands for BandsNamed.
const DefaultBandsName = "优良中差"

// bandRegistry holds the named band sets: DefaultBands, and those profiles
// register (RegisterBands).
var bandRegistry = struct {
	sync.RWMutex
	m     map[string]Bands
	names []string // canonical names, in registration order
}{m: map[string]Bands{DefaultBandsName: DefaultBands(), "default": DefaultBands(), "": DefaultBands()},
	names: []string{DefaultBandsName}}

// RegisterBands registers b under name and its aliases for BandsNamed
// (profiles register the grade names their template prints). A name or
// alias registered already gives an error matching ErrDuplicateBands; b
// must have a band. BandsNamed returns copies, so b may be reused.
func RegisterBands(b Bands, name string, aliases ...string) error {
	if len(b) == 0 || name == "" {
		return fmt.Errorf("indicators: RegisterBands %q: no bands or no name", name)
	}
	bandRegistry.Lock()
	defer bandRegistry.Unlock()
	keys := append([]string{name}, aliases...)
	for _, k := range keys {
		if _, ok := bandRegistry.m[k]; ok {
			return fmt.Errorf("%w: %q", ErrDuplicateBands, k)
		}
	}
	for _, k := range keys {
		bandRegistry.m[k] = slices.Clone(b)
	}
	bandRegistry.names = append(bandRegistry.names, name)
	return nil
}

// BandNames lists the names of the registered band sets (not their
// aliases): DefaultBandsName first, then in registration order.
func BandNames() []string {
	bandRegistry.RLock()
	defer bandRegistry.RUnlock()
	return slices.Clone(bandRegistry.names)
}

// BandsNamed returns a copy of the band set registered under name:
// "优良中差" (DefaultBands; also "default" and "") or one a profile
// registered with RegisterBands (the central-2024 profile registers
// "优良合格不合格").
func BandsNamed(name string) (Bands, error) {
	bandRegistry.RLock()
	b, ok := bandRegistry.m[name]
	bandRegistry.RUnlock()
	if !ok {
		return nil, fmt.Errorf("%w %q (registered: %s)", ErrUnknownBands, name, strings.Join(BandNames(), ", "))
	}
	return slices.Clone(b), nil
}

// Grade returns the name of the first band whose Min score reaches, or the
// last band's name.
func (b Bands) Grade(score decimal.Decimal) string {
	for _, band := range b {
		if score.Cmp(band.Min) >= 0 {
			return band.Name
		}
	}
	if len(b) > 0 {
		return b[len(b)-1].Name
	}
	return ""
}

// Method says how an item was scored.
type Method uint8

const (
	// Unscored: the indicator could not be scored; it is listed in
	// Result.Unscored and counts 0 in Total, full in Upper.
	Unscored Method = iota
	// Proportional: 得分 = 实际完成值 ÷ 指标值 × 分值, capped at 分值.
	Proportional
	// Inverse: a "≤" target: full marks when met, else 指标值 ÷ 实际完成值 × 分值.
	Inverse
	// PeriodMet: a period target (全年) met by the same period.
	PeriodMet
	// StatedRate: a qualitative indicator whose 完成率 is stated as 100%.
	StatedRate
	// SameText: a qualitative indicator whose actual value reads the same as
	// its target.
	SameText
	// Judged: scored by ScoreConfig.Qualitative.
	Judged
	// ExecutionRate: 预算执行率 = 执行数 ÷ 预算数 × 分值, capped at 分值.
	ExecutionRate
)

var methodNames = [...]string{"unscored", "proportional", "inverse", "period", "stated-rate", "same-text", "judged", "execution-rate"}
var methodTitles = [...]string{"未评分", "按比例", "反向按比例", "时段一致", "完成率100%", "与指标值一致", "定性评分", "预算执行率"}

// String returns the wire name, e.g. "proportional".
func (m Method) String() string {
	if int(m) < len(methodNames) {
		return methodNames[m]
	}
	return fmt.Sprintf("method(%d)", m)
}

// Title returns the Chinese name, e.g. 按比例.
func (m Method) Title() string {
	if int(m) < len(methodTitles) {
		return methodTitles[m]
	}
	return m.String()
}

// MarshalText encodes the wire name.
func (m Method) MarshalText() ([]byte, error) { return []byte(m.String()), nil }

// UnmarshalText decodes the wire name.
func (m *Method) UnmarshalText(b []byte) error {
	for i, n := range methodNames {
		if n == string(b) {
			*m = Method(i)
			return nil
		}
	}
	return fmt.Errorf("indicators: unknown scoring method %q", b)
}

// ScoreConfig configures Score. The zero value scores with the defaults.
type ScoreConfig struct {
	// Framework files the indicators into dimensions; nil detects it.
	Framework *Framework
	// Weights; the zero value means DefaultWeights.
	Weights Weights
	// Bands; nil means DefaultBands.
	Bands Bands
	// Qualitative scores an indicator that has no comparable quantities,
	// returning the fraction of its 分值 earned (0…1). Nil means
	// DefaultQualitative. Returning ok=false leaves it unscored.
	Qualitative func(in *Indicator) (fraction decimal.Decimal, ok bool)
}

// DefaultQualitative is the default treatment of a qualitative (or
// unparseable) indicator: full marks when the document states a 完成率 of
// 100% or more, or when the actual value reads the same as the target (white
// space ignored); otherwise unscored. 财预〔2020〕10号 grades qualitative
// indicators by tier (domain.md §4.1 [B]); tiers need a judgement the
// document does not record, so nothing else is guessed.
func DefaultQualitative(in *Indicator) (decimal.Decimal, bool) {
	f, _, ok := defaultQualitative(in)
	return f, ok
}

func defaultQualitative(in *Indicator) (decimal.Decimal, Method, bool) {
	if r := in.RateValue(); r.OK && r.Number.Cmp(decimal.NewFromInt(100)) >= 0 {
		return decimal.NewFromInt(1), StatedRate, true
	}
	if t := NormalizeName(in.Target); t != "" && t == NormalizeName(in.Actual) {
		return decimal.NewFromInt(1), SameText, true
	}
	return decimal.Zero, Unscored, false
}

// ItemScore is one line of a score breakdown.
type ItemScore struct {
	// Index is the indicator's row (-1 for 预算执行率).
	Index     int             `json:"index"`
	Level1    string          `json:"level1,omitempty"`    // 一级指标, as written
	Level2    string          `json:"level2,omitempty"`    // 二级指标, as written
	Name      string          `json:"name"`                // 三级指标
	Dimension string          `json:"dimension,omitempty"` // the weight group it counts in
	Method    Method          `json:"method"`              // how it was scored
	Weight    decimal.Decimal `json:"weight"`              // its 分值
	// Score is the points earned; zero when unscored.
	Score decimal.Decimal `json:"score"`
	Note  string          `json:"note,omitempty"` // how it was scored, or why it was not (Chinese)
}

// Result is the computed 单位自评 score of one table.
type Result struct {
	Project string `json:"project"` // the table's 项目名称
	// Total is the points earned, unscored indicators counting 0.
	Total decimal.Decimal `json:"total"`
	// Upper is Total plus the 分值 of the unscored indicators: the score if
	// they all earned full marks.
	Upper decimal.Decimal `json:"upper"`
	// Max is the points available: 100 unless a dimension has no indicator.
	Max        decimal.Decimal `json:"max"`
	Grade      string          `json:"grade"`      // the grade of Total
	UpperGrade string          `json:"upperGrade"` // the grade of Upper
	Execution  ItemScore       `json:"execution"`  // the 预算执行率 item
	Items      []ItemScore     `json:"items"`      // the indicators, in table order
	// Unscored lists the indexes (into Items) of the unscored indicators.
	Unscored []int `json:"unscored,omitempty"`
	// Missing lists the dimensions without any indicator; their weight
	// cannot be earned.
	Missing []string `json:"missing,omitempty"`
}

// Score computes the 单位自评 score of a 项目绩效目标完成情况表 per
// 财预〔2020〕10号 as summarised in domain.md §4.1 [B]:
//
//   - each dimension's weight (产出 50, 效益 30, 满意度 10 by default) is shared
//     equally by its indicators, unless every indicator of the dimension
//     states its 分值;
//   - a quantitative indicator (target and actual parse to comparable
//     quantities) scores 实际完成值 ÷ 指标值 × 分值, capped at 分值; a "≤"
//     target scores full marks when met and 指标值 ÷ 实际完成值 × 分值
//     otherwise;
//   - a period target (全年) met by the same period scores full marks;
//   - any other indicator is qualitative and scored by cfg.Qualitative
//     (DefaultQualitative unless set);
//   - 预算执行率 scores 执行数 ÷ 预算数 × its weight (10), capped.
func Score(p *ProjectTable, cfg ScoreConfig) Result {
	if p == nil {
		return Result{}
	}
	return scoreTable(NormalizeName(p.Name), &p.Funds, p.Indicators, cfg)
}

// ScoreEvaluation scores a 评价结论 table like Score.
func ScoreEvaluation(e *Evaluation, cfg ScoreConfig) Result {
	if e == nil {
		return Result{}
	}
	return scoreTable(NormalizeName(e.Projects), &e.Funds, e.Indicators, cfg)
}

func scoreTable(name string, funds *Funds, inds []Indicator, cfg ScoreConfig) Result {
	w := cfg.Weights
	if w.isZero() {
		w = DefaultWeights()
	}
	bands := cfg.Bands
	if bands == nil {
		bands = DefaultBands()
	}
	fw := cfg.Framework
	if fw == nil {
		fw = DetectFramework(&Performance{Projects: []ProjectTable{{Indicators: inds}}})
	}
	res := Result{Project: name, Items: make([]ItemScore, len(inds))}
	dims := make([]Dimension, len(inds))
	count := map[Dimension]int{}
	stated := map[Dimension]bool{Output: true, Outcome: true, Satisfaction: true}
	for i := range inds {
		in := &inds[i]
		it := ItemScore{Index: i, Level1: NormalizeName(in.Level1), Level2: NormalizeName(in.Level2), Name: NormalizeName(in.Name)}
		if fw != nil {
			if ref, err := fw.Resolve(in.Level1, in.Level2); err == nil {
				dims[i] = ref.L1.Dimension
			} else {
				it.Note = err.Error()
			}
		} else {
			it.Note = "没有可用的指标框架"
		}
		if d := dims[i]; d != NoDimension {
			it.Dimension = d.String()
			count[d]++
			if !in.Weight.IsSet() {
				stated[d] = false
			}
		}
		res.Items[i] = it
	}
	for i := range inds {
		in, it, d := &inds[i], &res.Items[i], dims[i]
		if d == NoDimension {
			res.Unscored = append(res.Unscored, i)
			continue
		}
		if stated[d] {
			it.Weight, _ = in.Weight.Decimal()
		} else {
			it.Weight = w.of(d).DivRound(decimal.NewFromInt(int64(count[d])), 10)
		}
		f, m, note := scoreIndicator(in, cfg)
		it.Method = m
		if note != "" {
			it.Note = note
		}
		if m == Unscored {
			res.Unscored = append(res.Unscored, i)
			continue
		}
		it.Score = it.Weight.Mul(f)
	}
	res.Max = w.Execution
	for _, d := range []Dimension{Output, Outcome, Satisfaction} {
		if count[d] == 0 {
			if w.of(d).Sign() > 0 {
				res.Missing = append(res.Missing, d.String())
			}
			continue
		}
		if stated[d] {
			for i := range inds {
				if dims[i] == d {
					res.Max = res.Max.Add(res.Items[i].Weight)
				}
			}
		} else {
			res.Max = res.Max.Add(w.of(d))
		}
	}
	res.Execution = ItemScore{Index: -1, Name: "预算执行率", Method: ExecutionRate, Weight: w.Execution}
	b, a := funds.Total.Budget, funds.Total.Actual
	if db, ok := b.Decimal(); ok && a.IsSet() && db.Sign() > 0 {
		da, _ := a.Decimal()
		f := decimal.Min(da.DivRound(db, 10), decimal.NewFromInt(1))
		res.Execution.Score = w.Execution.Mul(f)
		res.Execution.Note = fmt.Sprintf("执行数 %s ÷ 预算数 %s", a, b)
	} else {
		res.Execution.Method = Unscored
		res.Execution.Note = "预算数或执行数未列示"
	}
	total, upper := res.Execution.Score, res.Execution.Score
	if res.Execution.Method == Unscored {
		upper = upper.Add(res.Execution.Weight)
	}
	for i := range res.Items {
		total = total.Add(res.Items[i].Score)
		if res.Items[i].Method == Unscored {
			upper = upper.Add(res.Items[i].Weight)
		} else {
			upper = upper.Add(res.Items[i].Score)
		}
	}
	res.Total, res.Upper = total.Round(2), upper.Round(2)
	res.Grade, res.UpperGrade = bands.Grade(res.Total), bands.Grade(res.Upper)
	return res
}

// scoreIndicator returns the fraction of its 分值 an indicator earns.
func scoreIndicator(in *Indicator, cfg ScoreConfig) (decimal.Decimal, Method, string) {
	one := decimal.NewFromInt(1)
	t, a := in.TargetValue(), in.ActualValue()
	if t.IsQuantity() && a.IsQuantity() && (a.Comparator == Plain || a.Comparator == EQ) {
		if x, y, ok := commonScale(t, a); ok {
			note := fmt.Sprintf("实际 %s ÷ 指标 %s", a, t)
			if t.Comparator.Upper() {
				note = fmt.Sprintf("指标 %s ÷ 实际 %s", t, a)
				if y.Cmp(x) <= 0 {
					return one, Inverse, note
				}
				return x.DivRound(y, 10), Inverse, note
			}
			if x.Sign() > 0 {
				return decimal.Min(y.DivRound(x, 10), one), Proportional, note
			}
		}
	}
	if t.IsPeriod() && a.IsPeriod() && samePeriod(t.Period, a.Period) {
		return one, PeriodMet, ""
	}
	if cfg.Qualitative != nil {
		f, ok := cfg.Qualitative(in)
		if !ok {
			return decimal.Zero, Unscored, "定性指标未评分"
		}
		return decimal.Max(decimal.Zero, decimal.Min(f, one)), Judged, ""
	}
	f, m, ok := defaultQualitative(in)
	if !ok {
		return decimal.Zero, Unscored, "定性指标：未填完成率100%，实际完成值与指标值文字不同"
	}
	return f, m, ""
}

// String formats the result as the text report of `juesuan score`.
func (r Result) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s：得分 %s / %s，等级 %s", r.Project, r.Total.StringFixed(2), r.Max.StringFixed(2), r.Grade)
	if len(r.Unscored) > 0 || r.Execution.Method == Unscored {
		fmt.Fprintf(&b, "（%d 项未评分；如均得满分则 %s，%s）", len(r.Unscored), r.Upper.StringFixed(2), r.UpperGrade)
	}
	b.WriteByte('\n')
	line := func(it ItemScore) {
		score := it.Score.StringFixed(2)
		if it.Method == Unscored {
			score = "—"
		}
		label := it.Name
		if it.Level2 != "" {
			label = it.Level1 + "/" + it.Level2 + "/" + it.Name
		}
		fmt.Fprintf(&b, "  %6s / %-6s %-8s %s", score, it.Weight.StringFixed(2), it.Method.Title(), label)
		if it.Note != "" {
			fmt.Fprintf(&b, "（%s）", it.Note)
		}
		b.WriteByte('\n')
	}
	line(r.Execution)
	for _, it := range r.Items {
		line(it)
	}
	if len(r.Missing) > 0 {
		fmt.Fprintf(&b, "  缺少%s类指标，其权重无法得分\n", strings.Join(r.Missing, "、"))
	}
	return b.String()
}
