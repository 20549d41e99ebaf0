package shaanxi2020

import (
	"github.com/cnfiscal/juesuan"
	"github.com/cnfiscal/juesuan/profiles/sichuan2020"
)

// ID is the profile ID documents name in their "profile" field.
const ID = "shaanxi-2020"

// Profile returns a fresh copy of the profile.
func Profile() *juesuan.Profile {
	p := sichuan2020.Profile() // the typed tables, narrative patterns and catalogues of the Sichuan template
	p.ID = ID
	p.Title = "陕西省2020年度部门决算公开（示例配置）"
	p.Jurisdiction = "陕西省"
	p.AddTable(meetingTable())
	p.Framework = FrameworkID
	p.Rules = rules()
	p.Places = places()
	return p
}

func init() {
	if err := juesuan.Register(Profile()); err != nil {
		panic(err) // a broken profile is a programming error
	}
}
