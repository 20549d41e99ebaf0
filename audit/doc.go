// Package audit holds what every juesuan check reports: rules with stable
// IDs, findings with a severity, a JSON Pointer path, a Chinese message and
// the expected and actual figures, and the Reporter that applies a profile's
// rule configuration (rules switched off, severities and tolerances changed,
// 出错说明 explanations) while rules run.
//
// Severities follow the 审核公式 taxonomy: Error is 强制性 and blocks
// submission; Warning is 提示性 and may be accepted with an explanation;
// Info notes a difference within rounding or an unverifiable claim.
package audit
