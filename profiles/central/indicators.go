package central

import (
	"github.com/cnfiscal/juesuan/indicators"
	"github.com/shopspring/decimal"
)

// FrameworkID is the indicator framework of the template: the national one
// (产出指标 / 效益指标 / 满意度指标).
const FrameworkID = indicators.National

// BandsName is the name Bands is registered under (indicators.BandsNamed;
// "shanghai" is an alias).
const BandsName = "优良合格不合格"

// Bands returns 优/良/合格/不合格 at the thresholds of
// indicators.DefaultBands (90/80/60): the grade names the Shanghai 2024
// narrative uses (domain.md §4.2 [V]; thresholds [B]).
func Bands() indicators.Bands {
	return indicators.Bands{{Name: "优", Min: decimal.NewFromInt(90)}, {Name: "良", Min: decimal.NewFromInt(80)},
		{Name: "合格", Min: decimal.NewFromInt(60)}, {Name: "不合格", Min: decimal.Zero}}
}
