package strictjson

import (
	"errors"
	"testing"
)

func TestDecode(t *testing.T) {
	type inner struct {
		B int `json:"b"`
	}
	type doc struct {
		A string `json:"a"`
		I inner  `json:"i"`
		L []int  `json:"l"`
	}
	cases := []struct {
		name string
		in   string
		ok   bool
	}{
		{"good", `{"a":"x","i":{"b":1},"l":[1,2]}`, true},
		{"dup top", `{"a":"x","a":"y"}`, false},
		{"dup nested", `{"i":{"b":1,"b":2}}`, false},
		{"same key different objects", `{"a":"b","i":{"b":1}}`, true},
		{"unknown", `{"z":1}`, false},
		{"trailing", `{"a":"x"} {}`, false},
		{"truncated", `{"a":"x"`, false},
		{"empty", ``, false},
		{"too big", `{"a":"` + string(make([]byte, 200)) + `"}`, false},
		{"deep", `{"l":` + repeat("[", 40) + repeat("]", 40) + `}`, false},
	}
	for _, tc := range cases {
		var d doc
		err := Decode([]byte(tc.in), 100, &d)
		if (err == nil) != tc.ok {
			t.Errorf("%s: err = %v, want ok=%v", tc.name, err, tc.ok)
		}
		if err != nil && !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: error does not wrap ErrInvalid", tc.name)
		}
	}
}

func repeat(s string, n int) string {
	out := ""
	for range n {
		out += s
	}
	return out
}
