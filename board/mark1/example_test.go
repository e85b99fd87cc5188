package mark1_test

import (
	"fmt"
	"image"
	"image/color"

	"github.com/mycroft-network/mycroft/board/mark1"
)

// The commands the enclosure understands are plain lines; an icon for the
// 32x8 mouth is encoded two characters per column.
func Example() {
	fmt.Println(mark1.EyesColor(color.RGBA{34, 167, 240, 255}))
	icon := image.NewGray(image.Rect(0, 0, 2, 8))
	icon.SetGray(0, 0, color.Gray{255})
	code, _ := mark1.EncodeIcon(icon)
	lines, _ := mark1.MouthIcon(15, 0, true, code)
	fmt.Println(lines)
	var p mark1.Parser
	m, _, _ := p.Parse("mycroft.stop\r\n")
	fmt.Println(m.Kind)
	// Output:
	// eyes.color=2271216
	// [mouth.icon=x=15,y=0,cP=1,CIBAAA]
	// stop
}
