package shaanxi2020

import "github.com/cnfiscal/juesuan"

// MeetingTable is the key of the added table under tables/extra.
const MeetingTable = "threePublicMeetingTraining"

// Parts are the columns that add up to 合计 in the added table.
var Parts = []juesuan.ColumnSpec{
	{Key: "abroad", Title: "因公出国（境）费"},
	{Key: "vehiclePurchase", Title: "公务用车购置费"},
	{Key: "vehicleOperation", Title: "公务用车运行维护费"},
	{Key: "reception", Title: "公务接待费"},
	{Key: "meeting", Title: "会议费"},
	{Key: "training", Title: "培训费"},
}

// meetingTable is the table Shaanxi publishes on top of the Sichuan-style
// ones: with Columns, documents carry it under tables/extra and the JSON
// Schema describes it.
func meetingTable() juesuan.TableSpec {
	return juesuan.TableSpec{
		Key:         MeetingTable,
		Number:      "十五",
		Title:       "“三公”经费及会议费、培训费支出决算表",
		Description: "陕西2020年公开表：“三公”经费与会议费、培训费的预算数和决算数。",
		Required:    true,
		Columns:     append([]juesuan.ColumnSpec{{Key: "total", Title: "合计"}}, Parts...),
	}
}
