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
		// A city government's office in the provincial capital
		// (攀枝花市人民政府驻成都办事处, the reference document) is a
		// Sichuan unit; the rest are found everywhere.
		Offices: []string{"发展和改革委员会", "统计局", "档案馆", "机关事务管理局", "人民政府驻成都办事处",
			"地方志编纂中心", "社会工作部", "乡村振兴局", "自然资源局", "城乡规划编制研究中心", "财政局", "政府办公室"},
	}
}
