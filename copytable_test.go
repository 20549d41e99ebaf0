package juesuan_test

import (
	"reflect"
	"strings"

	"github.com/cnfiscal/juesuan/accounts"
)

// copyTable sets the typed table key of dst to src's.
func copyTable(dst, src *accounts.Tables, key string) {
	dv, sv := reflect.ValueOf(dst).Elem(), reflect.ValueOf(src).Elem()
	for i := range dv.NumField() {
		if k, _, _ := strings.Cut(dv.Type().Field(i).Tag.Get("json"), ","); k == key {
			dv.Field(i).Set(sv.Field(i))
		}
	}
}
