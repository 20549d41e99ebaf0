package sichuan2020

import "github.com/cnfiscal/juesuan"

// places name synthetic units (package fixture) after Sichuan's
// prefecture-level cities: 德阳市档案馆, not 四川省德阳市档案馆.
func places() juesuan.Places {
	return juesuan.Places{
		Province:      "四川省",
		ProvinceLevel: "省",
		Local: []string{"成都市", "自贡市", "攀枝花市", "泸州市", "德阳市", "绵阳市", "广元市", "遂宁市",
			"内江市", "乐山市", "南充市", "眉山市", "宜宾市", "广安市", "达州市", "雅安市", "巴中市", "资阳市"},
		LocalLevel: "市",
	}
}
