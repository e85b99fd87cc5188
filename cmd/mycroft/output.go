package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
)

// printJSON writes v as indented JSON with every object key in snake_case,
// so that every --json output of the CLI has one key style whatever the
// agent's or a package's own field names are. Key order is kept.
func printJSON(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	var out bytes.Buffer
	if err := snakeKeys(&out, json.NewDecoder(bytes.NewReader(b))); err != nil {
		return err
	}
	var ind bytes.Buffer
	if err := json.Indent(&ind, out.Bytes(), "", "  "); err != nil {
		return err
	}
	ind.WriteByte('\n')
	_, err = w.Write(ind.Bytes())
	return err
}

// snakeKeys copies one JSON value from dec to out, renaming object keys
// with snakeCase.
func snakeKeys(out *bytes.Buffer, dec *json.Decoder) error {
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch t := tok.(type) {
	case json.Delim:
		closing := map[json.Delim]json.Delim{'{': '}', '[': ']'}[t]
		if closing == 0 {
			return fmt.Errorf("unexpected %q", t)
		}
		out.WriteByte(byte(t))
		for i := 0; dec.More(); i++ {
			if i > 0 {
				out.WriteByte(',')
			}
			if t == '{' {
				k, err := dec.Token()
				if err != nil {
					return err
				}
				key, ok := k.(string)
				if !ok {
					return errors.New("object key is not a string")
				}
				kb, _ := json.Marshal(snakeCase(key))
				out.Write(kb)
				out.WriteByte(':')
			}
			if err := snakeKeys(out, dec); err != nil {
				return err
			}
		}
		if _, err := dec.Token(); err != nil { // the closing delimiter
			return err
		}
		out.WriteByte(byte(closing))
		return nil
	case json.Number:
		out.WriteString(t.String())
		return nil
	default:
		b, err := json.Marshal(t)
		if err != nil {
			return err
		}
		out.Write(b)
		return nil
	}
}

// snakeCase turns "lastBackup", "chainID" and "WakeConnected" into
// "last_backup", "chain_id" and "wake_connected". Keys already in
// snake_case are left as they are, and so are keys that are data rather
// than names (addresses and hashes such as "0xAb12…", anything that is not
// letters and digits).
func snakeCase(s string) string {
	if strings.HasPrefix(s, "0x") || strings.IndexFunc(s, func(r rune) bool {
		return !(r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_'))
	}) >= 0 {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if unicode.IsUpper(r) {
			prevLower := i > 0 && (unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1]))
			nextLower := i > 0 && i+1 < len(rs) && unicode.IsLower(rs[i+1]) && unicode.IsUpper(rs[i-1])
			if prevLower || nextLower {
				b.WriteByte('_')
			}
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}
