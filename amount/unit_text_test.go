package amount

import (
	"encoding/json"
	"errors"
	"testing"
)

func TestUnitUnmarshalText(t *testing.T) {
	tests := []struct {
		in      string
		want    Unit
		wantErr bool
	}{
		{in: `"万元"`, want: TenThousandYuan},
		{in: `"元"`, want: Yuan},
		{in: `""`, wantErr: true},
		{in: `"千元"`, wantErr: true},
		{in: `"万元 "`, wantErr: true},
		{in: `"yuan"`, wantErr: true},
	}
	for _, tt := range tests {
		var u Unit
		err := json.Unmarshal([]byte(tt.in), &u)
		if tt.wantErr {
			if !errors.Is(err, ErrUnit) {
				t.Errorf("Unmarshal(%s) error = %v, want ErrUnit", tt.in, err)
			}
			continue
		}
		if err != nil || u != tt.want {
			t.Errorf("Unmarshal(%s) = %q, %v; want %q", tt.in, u, err, tt.want)
		}
		if !u.Valid() {
			t.Errorf("Unmarshal(%s) = %q is not Valid", tt.in, u)
		}
		b, err := json.Marshal(u)
		if err != nil || string(b) != tt.in {
			t.Errorf("Marshal(%q) = %s, %v; want %s", u, b, err, tt.in)
		}
	}
}
