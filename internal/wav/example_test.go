package wav_test

import (
	"bytes"
	"fmt"

	"github.com/mycroft-network/mycroft/internal/wav"
)

func Example() {
	var buf bytes.Buffer
	if err := wav.Encode(&buf, 16000, []int16{0, 1000, -1000}); err != nil {
		fmt.Println(err)
		return
	}
	a, err := wav.Decode(&buf)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(a.Rate, a.Samples)
	// Output: 16000 [0 1000 -1000]
}
