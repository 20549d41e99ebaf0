// Package audit holds what every juesuan check reports: rules with stable
// IDs, findings with a severity, a JSON Pointer path, a Chinese message and
// the expected and actual figures, and the Reporter that applies a profile's
// rule configuration (rules switched off, severities and tolerances changed,
// 出错说明 explanations) while rules run.
//
// Severities follow the 审核公式 taxonomy: Error is 强制性 and blocks
// submission; Warning is 提示性 and may be accepted with an explanation;
// Info notes a difference within rounding or an unverifiable claim.
//
// # Where to start
//
// A validation returns [Findings]: every [Finding], sorted by path
// ([Findings.Sort]). [Findings.HasErrors], [Findings.Count] and
// [Findings.Rules] summarise them, and [Findings.Err] turns findings with
// errors into a *[ValidationError] (errors.Is(err, [ErrInvalid])). A
// Finding's JSON form is the wire shape of `juesuan validate --format json`:
// rule, severity ("error", "warning", "info"), path, message, expected and
// actual always ("" when the rule has no figure), explanation, line, column
// and quote only when set.
//
// A [Rule] describes a check for catalogues (`juesuan rules`);
// [CompareRuleIDs] orders IDs naturally (A2 before A10). Rules report
// through a [Reporter], built with [NewReporter] from a profile's [Config]
// (rules off, severities, tolerances, [Explanation] 出错说明); [Pointer]
// builds the JSON Pointer of a finding.
package audit
