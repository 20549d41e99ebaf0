package shaanxi2020

import "github.com/cnfiscal/juesuan"

// places name synthetic units (package fixture) after Shaanxi's
// prefecture-level cities: 宝鸡市统计局.
func places() juesuan.Places {
	return juesuan.Places{
		Province:      "陕西省",
		ProvinceLevel: "省",
		Local:         []string{"西安市", "铜川市", "宝鸡市", "咸阳市", "渭南市", "延安市", "汉中市", "榆林市", "安康市", "商洛市"},
		LocalLevel:    "市",
	}
}
