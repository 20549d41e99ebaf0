package central

import "github.com/cnfiscal/juesuan"

// places name synthetic units (package fixture) after Shanghai's districts:
// 上海市黄浦区统计局; a provincial-level department of the municipality is
// at level 市.
func places() juesuan.Places {
	return juesuan.Places{
		Province:      "上海市",
		ProvinceLevel: "市",
		Local:         []string{"黄浦区", "徐汇区", "长宁区", "静安区", "普陀区", "虹口区", "杨浦区", "闵行区", "宝山区", "嘉定区", "浦东新区"},
		LocalLevel:    "区",
		Prefix:        true,
	}
}
