package juesuan

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/cnfiscal/juesuan/accounts"
	"github.com/cnfiscal/juesuan/amount"
	"github.com/cnfiscal/juesuan/classification"
	jsonv2 "github.com/go-json-experiment/json"
)

// benchInputs are the documents the decode benchmarks read: the reference
// fixture (or the seed when it is missing) and a generated document with
// 2,000 rows per row table.
func benchInputs(b *testing.B) []struct {
	name string
	data []byte
} {
	ref, err := os.ReadFile(filepath.Join("testdata", "sichuan-2020", "panzhihua-chengdu-office.json"))
	if err != nil {
		ref, err = os.ReadFile(filepath.Join("testdata", "hostile", "valid-leaves.json"))
		if err != nil {
			b.Fatal(err)
		}
	}
	return []struct {
		name string
		data []byte
	}{{"reference", ref}, {"rows=2000", largeDocument(b, 2000)}}
}

// largeDocument encodes a document whose 支出决算表 and
// 一般公共预算财政拨款支出决算表 have n 项 rows each.
func largeDocument(b *testing.B, n int) []byte {
	d := &Document{Profile: "sichuan-2020"}
	d.Unit = accounts.Unit{Name: "基准测试单位", FiscalYear: 2020, AmountUnit: amount.TenThousandYuan}
	exp := &accounts.ExpenditureTable{}
	gb := &accounts.SplitTable{}
	for i := range n {
		code := classification.FuncCode(fmt.Sprintf("2%02d%02d%02d", i/400%100, i/20%20+1, i%20+1))
		a := amount.MustParse(fmt.Sprintf("%d.%02d", 1000+i, i%100))
		c := amount.MustParse(fmt.Sprintf("%d.5", i))
		exp.Rows = append(exp.Rows, accounts.ExpenditureRow{Code: code, Name: "一般公共服务支出项目",
			ExpenditureColumns: accounts.ExpenditureColumns{Total: a, Basic: a.Sub(c), Project: c}})
		gb.Rows = append(gb.Rows, accounts.SplitRow{Code: code, Name: "政府办公厅（室）及相关机构事务",
			SplitColumns: accounts.SplitColumns{Total: a, Basic: a.Sub(c), Project: c}})
	}
	d.Tables.Expenditure, d.Tables.GeneralBudget = exp, gb
	var buf bytes.Buffer
	if err := Encode(&buf, d); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkDecode is the strict decoder; compare with
// BenchmarkJSONUnmarshal on the same bytes.
func BenchmarkDecode(b *testing.B) {
	for _, in := range benchInputs(b) {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := DecodeBytes(in.data); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkJSONUnmarshal is plain encoding/json into Document: the
// baseline, which checks far less.
func BenchmarkJSONUnmarshal(b *testing.B) {
	for _, in := range benchInputs(b) {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				var d Document
				if err := json.Unmarshal(in.data, &d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDecodeHostile measures the rejection of the hostile inputs: each
// must be cheap, whatever its size.
func BenchmarkDecodeHostile(b *testing.B) {
	cases := hostileCases()
	var size int64
	for _, tc := range cases {
		size += int64(len(tc.in))
	}
	b.SetBytes(size)
	for b.Loop() {
		for _, tc := range cases {
			if _, err := tc.opts.DecodeBytes([]byte(tc.in)); err == nil {
				b.Fatal(tc.name)
			}
		}
	}
}

// BenchmarkJSONv2Unmarshal is go-json-experiment/json (encoding/json/v2)
// into Document with its defaults: the floor of a strict decoder built on
// it, which would add its own checks (null, required keys, limits) on top.
func BenchmarkJSONv2Unmarshal(b *testing.B) {
	for _, in := range benchInputs(b) {
		b.Run(in.name, func(b *testing.B) {
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				var d Document
				if err := jsonv2.Unmarshal(in.data, &d); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
