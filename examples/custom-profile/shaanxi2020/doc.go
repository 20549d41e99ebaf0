// Package shaanxi2020 is an example profile, "shaanxi-2020", written the way
// the built-in ones are (package profiles): a folder of its own that
// registers itself when imported. 陕西省 2020 publishes, besides the 14
// Sichuan-style tables, a “三公”经费及会议费、培训费支出决算表.
//
// The profile reuses the typed tables of sichuan-2020 (tables.go adds the
// one table it has on top), adds rule SX1 on that table and switches rule B8
// off (rules.go), checks performance sections with the national framework
// (indicators.go) and names synthetic units after Shaanxi's cities
// (places.go). To make it a built-in profile, move the folder to
// profiles/shaanxi2020 and add one import line to profiles/profiles.go;
// nothing else changes.
package shaanxi2020
