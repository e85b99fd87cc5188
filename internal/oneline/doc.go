// Package oneline flattens a message (an error, a warning) to one line of
// printable text, for the places that show it line by line: health
// warnings, `mycroft status`, `mycroft board test` and log lines.
//
// Anyone may import it; it depends on the standard library only.
package oneline
