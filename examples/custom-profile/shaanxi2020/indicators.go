package shaanxi2020

import "github.com/cnfiscal/juesuan/indicators"

// FrameworkID is the indicator framework of the profile: the national one.
const FrameworkID = indicators.National
