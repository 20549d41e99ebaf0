package profiles

// One import line per built-in profile; each registers itself in init.
import (
	_ "github.com/cnfiscal/juesuan/profiles/central"
	_ "github.com/cnfiscal/juesuan/profiles/sichuan2020"
	_ "github.com/cnfiscal/juesuan/profiles/sichuan2023"
)
