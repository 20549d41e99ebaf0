package shared

// The 久其 部门决算 sheet names of the tables whose layout the public table
// repeats, in the form the 久其 exports use ("Z03 收入决算表(财决03表)": code,
// name, 财决 number). The Z03 form is seen in exported workbooks; Z01, Z01-1
// and Z04 follow it, the codes and names being those of the 财决 report set
// (财决01, 01-1, 03, 04). The other public tables are assembled from several
// 财决 tables and have no 久其 sheet of their own.
const (
	JiuqiZ01  = "Z01 收入支出决算总表(财决01表)"
	JiuqiZ011 = "Z01-1 财政拨款收入支出决算总表(财决01-1表)"
	JiuqiZ03  = "Z03 收入决算表(财决03表)"
	JiuqiZ04  = "Z04 支出决算表(财决04表)"
)
